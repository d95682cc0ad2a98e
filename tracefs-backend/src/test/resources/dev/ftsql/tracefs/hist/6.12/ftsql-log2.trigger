hist:keys=count.log2 if COMM == "head"
