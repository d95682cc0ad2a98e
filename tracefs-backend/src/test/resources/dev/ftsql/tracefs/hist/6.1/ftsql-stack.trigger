hist:keys=stacktrace
