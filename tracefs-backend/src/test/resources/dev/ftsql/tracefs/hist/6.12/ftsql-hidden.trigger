hist:keys=common_type:vals=bytes_req
