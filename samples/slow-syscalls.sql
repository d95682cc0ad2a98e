-- Syscalls slower than 1 ms, by process and syscall: a latency threshold filter.
--
-- Replaces: BCC/bpftrace syscount -L with a threshold, perf trace --duration 1.
-- Question: which processes spend more than a millisecond in a single syscall, in which
--   syscalls? Sleeping syscalls (nanosleep, poll, read on a pipe) are expected here; an open or
--   write that takes that long is not.
-- Reading: one row per process and syscall with the count of slow calls, their total and worst
--   time. Change 1000 to move the threshold (it is in microseconds). The filter runs in the
--   kernel, on the synthetic event, so fast calls cost no histogram entry.
-- Needs: raw_syscalls/sys_enter and sys_exit (CONFIG_FTRACE_SYSCALLS), synthetic events;
--   works on 6.1 and 6.12.
WITH slow_syscall AS (
  SELECT x.id AS id, execname(x.common_pid) AS comm,
         usecs(x.common_timestamp) - usecs(e.common_timestamp) AS lat_us
  FROM sys_enter AS e
  JOIN sys_exit AS x ON e.common_pid = x.common_pid)
SELECT comm, syscall_name(id) AS syscall, COUNT(*), SUM(lat_us) AS total_us, MAX(lat_us) AS worst_us
FROM slow_syscall
WHERE lat_us > 1000
GROUP BY comm, id
ORDER BY total_us DESC
