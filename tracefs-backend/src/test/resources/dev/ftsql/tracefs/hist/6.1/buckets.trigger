hist:keys=count.buckets=10:vals=hitcount,count if comm == "head"
