-- Block I/O request sizes by process and operation, as a log2 histogram.
--
-- Replaces: BCC/bpftrace bitesize.
-- Question: who issues disk I/O, and in what request sizes? Many 4 KiB requests where large
--   sequential ones were expected point at a fragmented or unmerged workload.
-- Reading: one row per issuing process name (comm of the task that issued it, often a kworker
--   for writeback), operation (rwbs: R, W, S, F...) and power-of-two bucket of bytes.
-- Needs: block/block_rq_issue; works on 6.1 and 6.12.
SELECT comm, rwbs, log2(bytes) AS size, COUNT(*)
FROM block.block_rq_issue
GROUP BY comm, rwbs, log2(bytes)
ORDER BY comm
