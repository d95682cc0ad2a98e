/**
 * Reading the kernel's {@code hist} files: {@link dev.ftsql.tracefs.hist.HistParser} turns the text
 * into a {@link dev.ftsql.tracefs.hist.HistFile} of {@link dev.ftsql.tracefs.hist.Histogram} blocks
 * (trigger line, entries, totals), and {@link dev.ftsql.tracefs.hist.HistFile#find} picks a plan's
 * block among the event's triggers.
 *
 * <p>What the captures from Debian's 6.1 and 6.12 kernels showed (test resources
 * {@code dev/ftsql/tracefs/hist/<kernel>/}, re-run with {@code capture.sh} there):
 * <ul>
 *   <li>The trigger line is the kernel's own: {@code hitcount} first in {@code vals=}, variables
 *       before {@code sort=}, {@code :size=2048} added, actions after the size, {@code keys=cpu}
 *       shown as {@code common_cpu} (yet each entry says {@code cpu:}), and on 6.12
 *       {@code keys=stacktrace} shown as {@code common_stacktrace}.</li>
 *   <li>A stack key is labelled {@code stacktrace:} on 6.1 and {@code common_stacktrace:} on 6.12;
 *       a key after it starts its own line with {@code ", "}, and a stack last closes with
 *       {@code "}"} at the start of a line.</li>
 *   <li>{@code Hits} leaves out the events a full table dropped: they are only in {@code Dropped}.</li>
 *   <li>{@code onmax().snapshot()} prints no {@code max:} lines, only the snapshot block.</li>
 *   <li>{@code .execname} is accepted on {@code common_pid} only; the comm is the one the entry was
 *       created with, so a forked child shows its parent's name.</li>
 *   <li>6.12 only: {@code .percent} ({@code hitcount (%):   4.02}), {@code .graph} (a bar of
 *       {@code #}) and {@code :nohitcount} (no hitcount on the line).</li>
 * </ul>
 */
package dev.ftsql.tracefs.hist;
