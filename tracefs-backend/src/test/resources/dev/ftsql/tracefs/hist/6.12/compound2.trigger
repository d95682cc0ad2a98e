hist:keys=common_pid.execname,next_pid:vals=hitcount,prev_prio
