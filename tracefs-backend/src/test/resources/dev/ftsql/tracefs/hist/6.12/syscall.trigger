hist:keys=id.syscall:vals=hitcount
