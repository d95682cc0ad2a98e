hist:keys=count.log2:vals=hitcount,count if comm == "head"
