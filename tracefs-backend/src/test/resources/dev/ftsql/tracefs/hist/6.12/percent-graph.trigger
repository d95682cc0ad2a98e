hist:keys=next_comm:vals=hitcount.percent,prev_prio.graph
