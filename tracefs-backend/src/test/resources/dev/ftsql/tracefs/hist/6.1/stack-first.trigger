hist:keys=stacktrace,common_pid.execname:vals=hitcount
