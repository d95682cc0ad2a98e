hist:keys=call_site.sym-offset:vals=bytes_req
