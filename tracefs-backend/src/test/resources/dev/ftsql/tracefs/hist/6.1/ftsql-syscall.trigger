hist:keys=id.syscall:sort=hitcount.descending
