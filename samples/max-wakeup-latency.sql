-- Worst-case wakeup latency per task, with the details of that worst wakeup saved.
--
-- Replaces: BCC runqslower (its worst cases), the kernel's wakeup_rt tracer (per task instead of
--   one global maximum).
-- Question: what is the longest any task waited for the CPU after a wakeup, and what was going
--   on then (its priority, the CPU it was woken for, who was running)?
-- Reading: one row per task: max is the worst lat_us seen; the saved fields (the row's prio,
--   target_cpu and prev_comm: the task that ran until the switch) are those of the event that
--   set that maximum. count is the number of wakeups.
-- Needs: sched/sched_waking, sched_switch, synthetic events, onmax() and save() (Linux 4.17+);
--   works on 6.1 and 6.12.
-- ftsql: -S prio,target_cpu,prev_comm
WITH wake_max AS (
  SELECT s.next_comm AS comm, w.prio AS prio, w.target_cpu AS target_cpu, s.prev_comm AS prev_comm,
         usecs(s.common_timestamp) - usecs(w.common_timestamp) AS lat_us
  FROM sched_waking AS w
  JOIN sched_switch AS s ON w.pid = s.next_pid)
SELECT comm, MAX(lat_us), COUNT(*)
FROM wake_max
GROUP BY comm
