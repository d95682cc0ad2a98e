hist:keys=call_site.sym:vals=bytes_req,bytes_alloc:sort=bytes_alloc.descending
