hist:keys=name:vals=hitcount
