-- Latency of sendmsg(2) per thread, in microseconds: the second example of the LPC 2019 talk.
--
-- Replaces: the talk's hand-written sendmsg_lat synthetic event (sys_enter_sendmsg ->
--   sys_exit_sendmsg); BCC funclatency/syscount -L for one syscall.
-- Question: how long does each thread spend in sendmsg()? Slow sends mean full socket buffers
--   or a slow network stack path.
-- Reading: one row per thread id (pid) and power-of-two bucket of lat_us, with the count.
--   Swap sendmsg for any other syscall (sys_enter_X / sys_exit_X) to time that one.
-- Needs: syscalls/sys_enter_sendmsg and sys_exit_sendmsg (CONFIG_FTRACE_SYSCALLS), synthetic
--   events; works on 6.1 and 6.12.
WITH sendmsg_lat AS (
  SELECT x.common_pid AS pid,
         usecs(x.common_timestamp) - usecs(e.common_timestamp) AS lat_us
  FROM syscalls.sys_enter_sendmsg AS e
  JOIN syscalls.sys_exit_sendmsg AS x ON e.common_pid = x.common_pid)
SELECT pid, log2(lat_us), COUNT(*)
FROM sendmsg_lat
GROUP BY pid, log2(lat_us)
ORDER BY pid
