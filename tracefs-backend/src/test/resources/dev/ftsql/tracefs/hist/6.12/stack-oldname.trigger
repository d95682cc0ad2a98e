hist:keys=stacktrace:vals=hitcount
