-- Block I/O request latency per disk and operation: queued -> issued -> completed.
--
-- Replaces: BCC/bpftrace biolatency -Q -D (queue and device time, per disk), iostat's await.
-- Question: how long do block requests wait in the I/O scheduler (queue), and how long does
--   the device take (device)? Is a slow disk slow, or just busy?
-- Reading: one row per device (dev is major << 20 | minor: 8:0 is 8388608), operation (rwbs:
--   R read, W write, S sync, F flush...) and power-of-two bucket of total (insert to complete,
--   in nanoseconds), with the count and the two legs summed. Requests that bypass the
--   scheduler (no insert event, e.g. with no I/O scheduler on some devices) are not counted.
-- How it matches: a request is identified by its device and start sector at each step.
-- Needs: block/block_rq_insert, block_rq_issue, block_rq_complete and chained synthetic events;
--   works on 6.1 and 6.12. Times are in nanoseconds: a timestamp carried through the middle
--   event loses its µs unit, and the kernel refuses to mix them.
WITH bio AS (
  SELECT c.dev AS dev, c.rwbs AS rwbs,
         d.common_timestamp - q.common_timestamp AS queue,
         c.common_timestamp - d.common_timestamp AS device,
         c.common_timestamp - q.common_timestamp AS total
  FROM block_rq_insert AS q
  JOIN block_rq_issue AS d ON q.dev = d.dev AND q.sector = d.sector
  JOIN block_rq_complete AS c ON d.dev = c.dev AND d.sector = c.sector)
SELECT dev, rwbs, log2(total), COUNT(*), SUM(queue), SUM(device)
FROM bio
GROUP BY dev, rwbs, log2(total)
ORDER BY dev, rwbs
