package dev.ftsql.cli;

/** A command that compiles a statement: the error handler needs its text to draw the caret. */
interface QueryCommand {
  String sqlText();
}
