-- Programs executed, by file name, most frequent first.
--
-- Replaces: BCC/perf-tools execsnoop (as counts rather than a live log).
-- Question: what keeps starting new programs? Short-lived processes hide from top; here every
--   exec() is counted.
-- Reading: one row per executed file (the path given to exec: BusyBox applets run as
--   /proc/self/exe), with how many times it was exec'd. To see who runs them, trace
--   sched_process_fork too (fork-exec-run).
-- Needs: sched/sched_process_exec; works on 6.1 and 6.12.
SELECT filename, COUNT(*) AS execs
FROM sched.sched_process_exec
GROUP BY filename
ORDER BY execs DESC
