-- Wakeup (run-queue) latency per task, as a log2 histogram in microseconds.
--
-- Replaces: bpftrace/BCC runqlat (runqlat -P for per-task), perf sched latency.
-- Question: once a task is woken, how long does it wait before it gets a CPU?
-- Reading: one row per task name and power-of-two bucket of lat_us (the bucket's lower bound);
--   the count is how many wakeups fell in it. A long tail in a latency-critical task means it
--   waits behind other work: look at who ran instead (switch-priorities, cpu-runtime).
-- Needs: sched/sched_waking, sched/sched_switch and synthetic events (Linux 4.17+, with
--   CONFIG_HIST_TRIGGERS and CONFIG_SYNTH_EVENTS); works on 6.1 and 6.12.
WITH wakeup AS (
  SELECT s.next_comm AS comm,
         usecs(s.common_timestamp) - usecs(w.common_timestamp) AS lat_us
  FROM sched_waking AS w
  JOIN sched_switch AS s ON w.pid = s.next_pid)
SELECT comm, log2(lat_us), COUNT(*)
FROM wakeup
GROUP BY comm, log2(lat_us)
ORDER BY comm
