hist:keys=common_pid.execname,stacktrace:vals=hitcount
