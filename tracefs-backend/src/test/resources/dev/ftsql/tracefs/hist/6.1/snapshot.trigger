hist:keys=next_pid:mx=next_prio:onmax($mx).snapshot()
