hist:keys=call_site.sym:vals=bytes_alloc:sort=bytes_alloc.descending
