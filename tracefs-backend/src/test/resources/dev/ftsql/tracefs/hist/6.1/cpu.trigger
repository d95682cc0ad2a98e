hist:keys=cpu:vals=hitcount
