-- Timer expiry -> wakeup -> context switch: the three legs of a timer-driven task's latency.
--
-- Replaces: rtla timerlat / cyclictest-style latency breakdowns; the third example of the LPC 2019
--   talk that started this (the irq_lat / wake_lat chained synthetic events).
-- Question: when an hrtimer fires to wake a task, how long until the wakeup (irq_lat), and how long
--   from the wakeup until the task runs (sched_lat)? Which leg dominates the total?
-- Reading: one row per task and power-of-two bucket of total (in nanoseconds); the SUM columns
--   split the total into the two legs (divide by the count for the average). A large irq_lat
--   points at interrupt or timer handling; a large sched_lat at the scheduler (other tasks,
--   preemption disabled).
--   The first wakeup on the timer's CPU is taken as the one it caused: on a busy CPU that can be
--   another task's; to follow one task, add WHERE s.next_comm = 'cyclictest' (its name).
-- How it matches: the timer and the wakeup it causes happen on the same CPU (there is no common
--   field), the wakeup and the switch on the woken pid: a chain of two synthetic events.
-- Needs: timer/hrtimer_expire_entry, sched/sched_waking, sched/sched_switch, synthetic events and
--   common_cpu as a join key; works on 6.1 and 6.12. Times are in nanoseconds: a timestamp
--   carried through the middle event loses its µs unit, and the kernel refuses to mix them.
WITH timer_wake AS (
  SELECT s.next_comm AS comm,
         w.common_timestamp - t.common_timestamp AS irq_lat,
         s.common_timestamp - w.common_timestamp AS sched_lat,
         s.common_timestamp - t.common_timestamp AS total
  FROM hrtimer_expire_entry AS t
  JOIN sched_waking AS w ON t.common_cpu = w.common_cpu
  JOIN sched_switch AS s ON w.pid = s.next_pid)
SELECT comm, log2(total), COUNT(*), SUM(irq_lat), SUM(sched_lat)
FROM timer_wake
GROUP BY comm, log2(total)
ORDER BY comm
