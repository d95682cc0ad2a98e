/**
 * Shell renderings of a {@link dev.ftsql.plan.TracePlan}, for boards that have nothing but
 * BusyBox.
 *
 * <p>{@link dev.ftsql.export.EchoLines} is the one rendering of a plan's writes (file under the
 * tracefs root, line); {@code ftsql sql} prints them as {@code echo} lines, and {@link
 * dev.ftsql.export.BusyBoxScript} ({@code ftsql export}) builds a script from the same writes:
 *
 * <ul>
 *   <li>{@code up} finds tracefs (or mounts it), checks that the kernel has hist triggers, {@code
 *       synthetic_events} when the plan defines synthetic events, every event the plan writes to
 *       and the instance (which it does not create), refuses when any step of the plan is already
 *       there, appends each line with {@code >>}, and on a failed write shows the new {@code
 *       error_log} entry and undoes the steps it applied, in reverse (and the trace clock, if
 *       those steps switched it).
 *   <li>{@code down} undoes, in reverse, exactly the steps whose effect is there, so it is safe
 *       to repeat and never writes an undo line for something absent (a {@code !hist:} line for a
 *       missing trigger can fail on its variables, and on a synthetic event it lowers the event's
 *       reference count on 6.1-era kernels).
 *   <li>{@code status} says up, down or partial (exit 0, 3, 4) with the result histogram's
 *       totals; {@code show} prints only the plan's histogram of the result {@code hist} file.
 * </ul>
 *
 * <p>A step is there when: a synthetic event of that name is listed in {@code synthetic_events};
 * a hist trigger that defines variables has a trigger on its event defining its first variable
 * (variable names carry the plan's name); a trigger without variables has one with the same keys,
 * values, sort keys (without display modifiers), actions and filter once the kernel's additions
 * are ignored. That is how the kernel tells hist triggers apart: it refuses an identical second
 * one, so an identical trigger someone else added cannot be told from the plan's.
 *
 * <p>A hist trigger with timestamps switches its instance's trace clock to {@code global}, and the
 * kernel never switches it back: {@code up} says so with the command that restores it, and {@code
 * down} leaves it, since other histograms may need it.
 */
package dev.ftsql.export;
