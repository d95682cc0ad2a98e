-- Bytes requested by write(2), per process, as a log2 histogram.
--
-- Replaces: the bpftrace one-liner
--   tracepoint:syscalls:sys_enter_write { @[comm] = hist(args->count); }
-- Question: which processes write, in what sizes? A logger doing 1-byte writes shows up at once.
-- Reading: one row per process and power-of-two bucket of the requested size (count argument);
--   count is the number of writes, bytes their requested total.
-- Needs: syscalls/sys_enter_write (CONFIG_FTRACE_SYSCALLS); works on 6.1 and 6.12.
SELECT execname(common_pid) AS process, log2(count) AS size, COUNT(*), SUM(count) AS bytes
FROM syscalls.sys_enter_write
GROUP BY common_pid, log2(count)
ORDER BY process
