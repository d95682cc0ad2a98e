-- Time spent in hardware interrupt handlers, per CPU and IRQ, in microseconds.
--
-- Replaces: BCC hardirqs (total time), hardirqs -d (distribution: group by log2(lat_us)).
-- Question: how much CPU time do interrupt handlers take, per CPU and IRQ line? A handler that
--   runs long delays everything on its CPU.
-- Reading: one row per CPU and IRQ number: count, total_us and avg_us (total / count), largest
--   total first. Time in the softirqs a handler raises is not included (softirq-duration).
-- How it matches: a handler's exit follows its entry on the same CPU with the same IRQ number.
-- Needs: irq/irq_handler_entry and irq_handler_exit, synthetic events, common_cpu as a join key;
--   works on 6.1 and 6.12.
WITH hardirq AS (
  SELECT x.common_cpu AS cpu, x.irq AS irq,
         usecs(x.common_timestamp) - usecs(e.common_timestamp) AS lat_us
  FROM irq_handler_entry AS e
  JOIN irq_handler_exit AS x ON e.common_cpu = x.common_cpu AND e.irq = x.irq)
SELECT cpu, irq, COUNT(*), SUM(lat_us) AS total_us, AVG(lat_us) AS avg_us
FROM hardirq
GROUP BY cpu, irq
ORDER BY total_us DESC
