-- Programs executed, by file name and the process that ran them.
--
-- Replaces: BCC execsnoop (as counts rather than a live log), perf-tools execsnoop.
-- Question: what keeps starting new programs? Short-lived processes hide from top; here every
--   exec() is counted.
-- Reading: one row per executed file and exec'ing process name, most frequent first. The
--   process name is the one before exec (the parent's name, usually a shell).
-- Needs: sched/sched_process_exec; works on 6.1 and 6.12.
SELECT filename, execname(common_pid) AS process, COUNT(*) AS execs
FROM sched.sched_process_exec
GROUP BY filename, common_pid
ORDER BY execs DESC
