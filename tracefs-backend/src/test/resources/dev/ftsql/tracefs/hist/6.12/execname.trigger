hist:keys=common_pid.execname:vals=hitcount
