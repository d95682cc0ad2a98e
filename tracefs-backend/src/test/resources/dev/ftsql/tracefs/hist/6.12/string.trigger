hist:keys=next_comm:vals=hitcount,prev_prio:sort=next_comm
