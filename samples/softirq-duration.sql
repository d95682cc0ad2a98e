-- Time spent running softirqs, per CPU and kind, as a log2 histogram in microseconds.
--
-- Replaces: BCC softirqs -d, bpftrace softirq duration one-liners.
-- Question: how long does each kind of softirq run per invocation? Long NET_RX or RCU
--   softirqs are a classic source of latency for everything else on that CPU.
-- Reading: one row per CPU, vector (0 HI, 1 TIMER, 2 NET_TX, 3 NET_RX, 4 BLOCK, 5 IRQ_POLL,
--   6 TASKLET, 7 SCHED, 8 HRTIMER, 9 RCU) and power-of-two bucket of lat_us, with its count.
-- How it matches: softirq_exit follows softirq_entry on the same CPU with the same vector.
-- Needs: irq/softirq_entry and softirq_exit, synthetic events; works on 6.1 and 6.12.
WITH softirq AS (
  SELECT x.common_cpu AS cpu, x.vec AS vec,
         usecs(x.common_timestamp) - usecs(e.common_timestamp) AS lat_us
  FROM softirq_entry AS e
  JOIN softirq_exit AS x ON e.common_cpu = x.common_cpu AND e.vec = x.vec)
SELECT cpu, vec, log2(lat_us), COUNT(*)
FROM softirq
GROUP BY cpu, vec, log2(lat_us)
ORDER BY cpu, vec
