-- New processes: time from fork to the child's first run, and from there to its exec.
--
-- Replaces: BCC execsnoop/exitsnoop-style start-up timing, perf sched timehist for new tasks.
-- Question: how long does a new process wait before it first runs, and how long does it take to
--   get to exec()? A slow first run means a busy run queue; a slow exec, work between fork and
--   exec (or a large parent to copy).
-- Reading: one row per new program (the file exec'd) and power-of-two bucket of the whole
--   fork-to-exec time (total_us), with the count and the two legs summed: to_run_us
--   (fork -> first run) and run_to_exec_us (first run -> exec). Divide by count for averages.
--   A fork without an exec (a shell subshell) is not counted.
-- How it matches: fork's child_pid is the pid that is switched in and that later execs.
-- Needs: sched/sched_process_fork, sched_switch, sched_process_exec and chained synthetic
--   events; works on 6.1 and 6.12.
WITH spawn AS (
  SELECT x.filename AS program,
         usecs(s.common_timestamp) - usecs(f.common_timestamp) AS to_run_us,
         usecs(x.common_timestamp) - usecs(s.common_timestamp) AS run_to_exec_us,
         usecs(x.common_timestamp) - usecs(f.common_timestamp) AS total_us
  FROM sched_process_fork AS f
  JOIN sched_switch AS s ON f.child_pid = s.next_pid
  JOIN sched_process_exec AS x ON s.next_pid = x.pid)
SELECT program, log2(total_us), COUNT(*), SUM(to_run_us), SUM(run_to_exec_us)
FROM spawn
GROUP BY program, log2(total_us)
ORDER BY program
