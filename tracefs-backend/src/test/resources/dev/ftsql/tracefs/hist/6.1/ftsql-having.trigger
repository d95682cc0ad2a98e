hist:keys=next_comm:vals=prev_prio:sort=hitcount.descending,next_comm
