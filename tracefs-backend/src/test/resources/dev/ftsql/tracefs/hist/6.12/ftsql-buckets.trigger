hist:keys=count.buckets=10:vals=count if COMM == "head"
