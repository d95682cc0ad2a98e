hist:keys=call_site.hex:vals=hitcount,bytes_alloc.hex
