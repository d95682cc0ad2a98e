-- CPU time per task, as the scheduler accounts it, in nanoseconds.
--
-- Replaces: top / pidstat's %CPU per task, perf sched timehist's run time summary.
-- Question: which tasks used the CPU, and how much, over the tracing period? Unlike top,
--   short-lived tasks are counted too.
-- Reading: one row per task (comm and pid), largest total first: runtime_ns is the CPU time the
--   scheduler charged it; count is the number of accounting updates (ticks and switches).
--   Divide runtime_ns by the tracing time for a CPU share.
-- Needs: sched/sched_stat_runtime (CFS tasks only; real-time tasks are not included); works on
--   6.1 and 6.12.
SELECT comm, pid, SUM(runtime) AS runtime_ns, COUNT(*)
FROM sched.sched_stat_runtime
GROUP BY comm, pid
ORDER BY runtime_ns DESC
LIMIT 30
