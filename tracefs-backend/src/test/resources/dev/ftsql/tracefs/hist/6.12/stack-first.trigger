hist:keys=common_stacktrace,common_pid.execname:vals=hitcount
