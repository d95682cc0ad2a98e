hist:keys=next_comm:vals=hitcount:sort=hitcount.descending
hist:keys=next_comm:vals=hitcount,prev_prio:sort=next_comm if next_pid != 0
hist:keys=next_pid:vals=hitcount if next_pid == 99999
