hist:keys=filename:vals=hitcount
