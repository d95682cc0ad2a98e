-- Kernel memory allocated with kmalloc, by call site: bytes requested and actually allocated.
--
-- Replaces: perf kmem stat --caller, BCC memleak's allocation-site view (without the frees).
-- Question: which kernel functions allocate the most memory, and how much is lost to rounding
--   up to the slab size?
-- Reading: one row per calling function (symbol), largest allocated total first: count, bytes
--   requested (req) and allocated (alloc). alloc much larger than req means the caller's sizes
--   fit the kmalloc size classes badly.
-- Needs: kmem/kmalloc; works on 6.1 and 6.12.
SELECT sym(call_site) AS site, COUNT(*), SUM(bytes_req) AS req, SUM(bytes_alloc) AS alloc
FROM kmem.kmalloc
GROUP BY call_site
ORDER BY alloc DESC
LIMIT 30
