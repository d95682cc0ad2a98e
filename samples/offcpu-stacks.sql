-- Off-CPU (blocked) time by task and kernel stack: where tasks sleep, and for how long.
--
-- Replaces: BCC offcputime -K, bpftrace offcputime (the kernel-stack half of an off-CPU flame
--   graph).
-- Question: when a task blocks (sleeps waiting for I/O, a lock, a timer), in which kernel code
--   path does it block, and how much time does it spend off-CPU from there?
-- Reading: one row per task and kernel stack (the stack at the moment it switched out), with the
--   total blocked time in microseconds (total_us) and the number of times (count). Largest
--   total first. prev_state = 1 (TASK_INTERRUPTIBLE) and 2 (TASK_UNINTERRUPTIBLE) are
--   voluntary sleeps; preemption (state 0) is left out: that is run-queue time, see
--   wakeup-latency.
-- Needs: Linux 6.3+: the stack is taken at the start event (switch-out) and carried to the end
--   event (switch-in) in a variable, which older kernels refuse. For 6.1, offcpu-time gives the
--   same totals without stacks.
WITH offcpu AS (
  SELECT b.next_comm AS comm, a.common_stacktrace AS stack,
         usecs(b.common_timestamp) - usecs(a.common_timestamp) AS blocked_us
  FROM sched_switch AS a
  JOIN sched_switch AS b ON a.prev_pid = b.next_pid
  WHERE a.prev_state IN (1, 2))
SELECT comm, stack, SUM(blocked_us) AS total_us, COUNT(*)
FROM offcpu
GROUP BY comm, stack
ORDER BY total_us DESC
