-- New processes: time from fork to the child's first run, and from there to its exec.
--
-- Replaces: BCC execsnoop/exitsnoop-style start-up timing, perf sched timehist for new tasks.
-- Question: how long does a new process wait before it first runs, and how long does it take to
--   get to exec()? A slow first run means a busy run queue; a slow exec, work between fork and
--   exec (or a large parent to copy).
-- Reading: one row per new program (the file exec'd) and power-of-two bucket of the whole
--   fork-to-exec time (total, in nanoseconds), with the count and the two legs summed:
--   to_run (fork -> first run) and run_to_exec (first run -> exec). Divide by count for averages.
--   A fork without an exec (a shell subshell) is not counted.
-- How it matches: fork's child_pid is the pid that is switched in and that later execs.
-- Needs: sched/sched_process_fork, sched_switch, sched_process_exec and chained synthetic
--   events; works on 6.1 and 6.12. Times are in nanoseconds: a timestamp carried through
--   the middle event loses its µs unit, and the kernel refuses to mix them.
WITH spawn AS (
  SELECT x.filename AS program,
         s.common_timestamp - f.common_timestamp AS to_run,
         x.common_timestamp - s.common_timestamp AS run_to_exec,
         x.common_timestamp - f.common_timestamp AS total
  FROM sched_process_fork AS f
  JOIN sched_switch AS s ON f.child_pid = s.next_pid
  JOIN sched_process_exec AS x ON s.next_pid = x.pid)
SELECT program, log2(total), COUNT(*), SUM(to_run), SUM(run_to_exec)
FROM spawn
GROUP BY program, log2(total)
ORDER BY program
