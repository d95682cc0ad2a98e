hist:keys=common_pid.execname,call_site.sym,bytes_req.log2:vals=hitcount,bytes_alloc
