hist:keys=next_pid:pr=prev_prio:onchange($pr).save(prev_comm,prev_prio)
