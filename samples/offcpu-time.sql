-- Off-CPU (blocked) time per task, as a log2 histogram of how long each sleep lasted.
--
-- Replaces: BCC offcputime (without stacks), cpudist -O, perf sched timehist's "sch delay"/"wait".
-- Question: which tasks sleep, how often, and for how long each time?
-- Reading: one row per task and power-of-two bucket of blocked_us; count is the number of sleeps
--   of that length, total_us their sum. prev_state 1 (interruptible) and 2 (uninterruptible,
--   usually disk I/O) are voluntary sleeps; preemption is left out (see wakeup-latency).
-- Needs: sched/sched_switch and synthetic events; works on 6.1 and 6.12. The kernel stacks of
--   where tasks sleep need 6.3+: see offcpu-stacks.
WITH blocked AS (
  SELECT b.next_comm AS comm,
         usecs(b.common_timestamp) - usecs(a.common_timestamp) AS blocked_us
  FROM sched_switch AS a
  JOIN sched_switch AS b ON a.prev_pid = b.next_pid
  WHERE a.prev_state IN (1, 2))
SELECT comm, log2(blocked_us), COUNT(*), SUM(blocked_us) AS total_us
FROM blocked
GROUP BY comm, log2(blocked_us)
ORDER BY comm
