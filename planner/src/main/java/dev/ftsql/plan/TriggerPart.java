package dev.ftsql.plan;

import dev.ftsql.sql.SourceSpan;

/**
 * One piece of a hist trigger ({@code keys} entry, value, sort key, variable, action or filter),
 * with the part of the SQL it came from, so {@code explain} can show which became which.
 *
 * @param role what the piece is: {@code key}, {@code value}, {@code sort}, {@code size},
 *     {@code variable}, {@code action}, {@code filter}
 * @param text the exact text in the trigger
 * @param origin the SQL it came from
 */
public record TriggerPart(String role, String text, SourceSpan origin) {}
