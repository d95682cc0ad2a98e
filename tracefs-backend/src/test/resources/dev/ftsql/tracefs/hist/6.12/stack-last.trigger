hist:keys=common_pid.execname,common_stacktrace:vals=hitcount
