hist:keys=bytes_req:vals=hitcount,bytes_alloc:sort=bytes_req
