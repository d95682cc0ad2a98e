hist:keys=common_pid,bytes_req,call_site:vals=hitcount:size=128
