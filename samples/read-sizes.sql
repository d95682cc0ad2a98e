-- Bytes returned by read(2), per process, as a log2 histogram.
--
-- Replaces: the bpftrace one-liner
--   tracepoint:syscalls:sys_exit_read /args->ret > 0/ { @[comm] = hist(args->ret); }
-- Question: how large are the reads each process gets: many small reads (costly syscalls) or
--   few large ones?
-- Reading: one row per process and power-of-two bucket of bytes (the bucket's lower bound):
--   count is the number of reads, bytes their total. End of file (0) and errors (< 0) are left
--   out by the filter.
-- Needs: syscalls/sys_exit_read (CONFIG_FTRACE_SYSCALLS); works on 6.1 and 6.12.
SELECT execname(common_pid) AS process, log2(ret) AS size, COUNT(*), SUM(ret) AS bytes
FROM syscalls.sys_exit_read
WHERE ret > 0
GROUP BY common_pid, log2(ret)
ORDER BY process
