-- Block I/O request latency per disk and operation: queued -> issued -> completed, in µs.
--
-- Replaces: BCC/bpftrace biolatency -Q -D (queue and device time, per disk), iostat's await.
-- Question: how long do block requests wait in the I/O scheduler (queue_us), and how long does
--   the device take (device_us)? Is a slow disk slow, or just busy?
-- Reading: one row per device (dev is major << 20 | minor: 8:0 is 8388608) and operation (rwbs:
--   R read, W write, S sync, F flush...) and power-of-two bucket of total_us (insert to
--   complete), with the count and the two legs summed. Requests that bypass the scheduler
--   (no insert event, e.g. with no I/O scheduler on some devices) are not counted.
-- How it matches: a request is identified by its device and start sector at each step.
-- Needs: block/block_rq_insert, block_rq_issue, block_rq_complete and chained synthetic events;
--   works on 6.1 and 6.12.
WITH bio AS (
  SELECT c.dev AS dev, c.rwbs AS rwbs,
         usecs(d.common_timestamp) - usecs(q.common_timestamp) AS queue_us,
         usecs(c.common_timestamp) - usecs(d.common_timestamp) AS device_us,
         usecs(c.common_timestamp) - usecs(q.common_timestamp) AS total_us
  FROM block_rq_insert AS q
  JOIN block_rq_issue AS d ON q.dev = d.dev AND q.sector = d.sector
  JOIN block_rq_complete AS c ON d.dev = c.dev AND d.sector = c.sector)
SELECT dev, rwbs, log2(total_us), COUNT(*), SUM(queue_us), SUM(device_us)
FROM bio
GROUP BY dev, rwbs, log2(total_us)
ORDER BY dev, rwbs
