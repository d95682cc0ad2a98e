hist:keys=next_comm:vals=prev_prio:nohitcount
