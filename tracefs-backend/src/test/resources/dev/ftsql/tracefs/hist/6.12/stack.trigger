hist:keys=common_stacktrace:vals=hitcount
