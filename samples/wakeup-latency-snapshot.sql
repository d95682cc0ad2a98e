-- Snapshot the trace buffer whenever the wakeup latency of a task reaches a new maximum.
--
-- Replaces: the kernel's wakeup / wakeup_rt latency tracers and cyclictest -b (break on a
--   threshold): keep the trace leading up to the worst case, not just its number.
-- Question: what happened on the system just before the worst wakeup latency so far?
-- Reading: each new maximum of lat_us (per woken pid) fires the wakeup_snap event into the
--   histogram below (task, latency) and takes a snapshot of the trace buffer: read it with
--   'cat /sys/kernel/tracing/snapshot'. The snapshot only holds events that were being traced:
--   enable some first, e.g. 'echo 1 > /sys/kernel/tracing/events/sched/enable'. Each new
--   maximum replaces the previous snapshot.
-- Needs: sched/sched_waking, sched_switch, synthetic events, onmax() and snapshot()
--   (CONFIG_TRACER_SNAPSHOT, Linux 4.17+); works on 6.1 and 6.12. The options line below is
--   sqlhist's -m lat -T: fire on a new maximum of lat_us, trace it and snapshot.
-- ftsql: -n wakeup_snap -m lat_us -T
SELECT s.next_comm AS comm, usecs(s.common_timestamp) - usecs(w.common_timestamp) AS lat_us
FROM sched_waking AS w
JOIN sched_switch AS s ON w.pid = s.next_pid
