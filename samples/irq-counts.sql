-- Hardware interrupts per CPU and handler: how many, and which device.
--
-- Replaces: watch -d cat /proc/interrupts, BCC hardirqs -C (counts only), perf-tools' irq counts.
-- Question: which interrupts fire, on which CPU, and how often? Is one CPU taking all of them?
-- Reading: one row per CPU, IRQ number and handler name (the device, as in /proc/interrupts),
--   most frequent first.
-- Needs: irq/irq_handler_entry; works on 6.1 and 6.12. Durations: irq-duration.
SELECT common_cpu AS cpu, irq, name, COUNT(*) AS irqs
FROM irq.irq_handler_entry
GROUP BY common_cpu, irq, name
ORDER BY irqs DESC
