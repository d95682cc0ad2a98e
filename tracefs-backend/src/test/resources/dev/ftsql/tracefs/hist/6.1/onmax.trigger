hist:keys=next_pid:mx=next_prio:onmax($mx).save(prev_comm,prev_pid)
