hist:keys=common_stacktrace
