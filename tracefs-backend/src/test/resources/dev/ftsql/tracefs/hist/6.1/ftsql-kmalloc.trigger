hist:keys=common_pid.execname,bytes_req.log2:vals=bytes_alloc,bytes_req:sort=hitcount.descending:ftsql_759f18f7_max=bytes_req:onmax($ftsql_759f18f7_max).save(bytes_req)
