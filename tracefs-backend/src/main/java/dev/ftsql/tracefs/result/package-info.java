/**
 * A query's result: {@link dev.ftsql.tracefs.result.ResultReader} reads a plan's histogram into a
 * {@link dev.ftsql.tracefs.result.ResultTable} (doing AVG, MAX, HAVING, ORDER BY and LIMIT, which
 * the kernel cannot), {@link dev.ftsql.tracefs.result.Percentiles} estimates p50/p90/p99 from a
 * log2 or bucket column, and {@link dev.ftsql.tracefs.result.OutputFormat} writes the table as an
 * aligned table, CSV, JSON or bars.
 */
package dev.ftsql.tracefs.result;
