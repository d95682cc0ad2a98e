-- Syscall latency by syscall and process: count and total time in microseconds.
--
-- Replaces: bpftrace/BCC syscount -L -P, perf trace -s.
-- Question: which syscalls of which processes take the time?
-- Reading: one row per process and syscall: count, total_us and avg_us (total / count), largest
--   total first. A syscall with a large average blocks (read, poll, nanosleep...); one with a
--   large count but small average is a busy loop worth batching.
-- Needs: raw_syscalls/sys_enter and sys_exit (CONFIG_FTRACE_SYSCALLS) and synthetic events;
--   works on 6.1 and 6.12. Matched on the thread (common_pid): a syscall that never returns
--   (exit) is simply not counted.
WITH syscall_lat AS (
  SELECT x.id AS id, execname(x.common_pid) AS comm,
         usecs(x.common_timestamp) - usecs(e.common_timestamp) AS lat_us
  FROM sys_enter AS e
  JOIN sys_exit AS x ON e.common_pid = x.common_pid)
SELECT comm, syscall_name(id) AS syscall, COUNT(*), SUM(lat_us) AS total_us, AVG(lat_us) AS avg_us
FROM syscall_lat
GROUP BY comm, id
ORDER BY total_us DESC
