hist:keys=prev_comm,next_comm,prev_state:vals=hitcount
