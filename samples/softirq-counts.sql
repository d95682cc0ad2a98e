-- Softirqs per CPU and kind (timer, net_rx, block, rcu...): how many were run.
--
-- Replaces: watch -d cat /proc/softirqs, BCC softirqs (counts).
-- Question: which deferred interrupt work runs, on which CPU, and how often?
-- Reading: one row per CPU and vector: 0 HI, 1 TIMER, 2 NET_TX, 3 NET_RX, 4 BLOCK, 5 IRQ_POLL,
--   6 TASKLET, 7 SCHED, 8 HRTIMER, 9 RCU (include/linux/interrupt.h), most frequent first.
-- Needs: irq/softirq_entry; works on 6.1 and 6.12. Durations: softirq-duration.
SELECT common_cpu AS cpu, vec, COUNT(*) AS runs
FROM irq.softirq_entry
GROUP BY common_cpu, vec
ORDER BY runs DESC
