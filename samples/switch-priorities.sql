-- Context switches by the priorities of the task switched out and the task switched in.
--
-- Replaces: perf sched map/latency summaries by priority; a quick check of who preempts whom.
-- Question: do real-time tasks (prio < 100) preempt normal ones, and how often does each
--   priority level get the CPU?
-- Reading: one row per pair of kernel priorities (0..99 real-time, 100..139 normal; 120 is
--   nice 0), most frequent first.
-- Needs: sched/sched_switch; works on 6.1 and 6.12.
SELECT prev_prio, next_prio, COUNT(*) AS switches
FROM sched.sched_switch
GROUP BY prev_prio, next_prio
ORDER BY switches DESC
