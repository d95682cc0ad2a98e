#!/bin/sh
# Tests the ./ftsql launcher the way the README's first command uses it (tools/test.sh runs it after
# Maven has built the jar): with an empty cache it prepares its archive once and prints the plan;
# later runs use the archive and print the same; a bad query fails with the usual message; and each
# runtime it can pick (the PATH's java; a JDK 25+ under /usr/lib/jvm when there is one) does this.
set -eu
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "test-launcher: FAIL: $*" >&2; failures=$((failures + 1)); }

query="SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm"
expected="echo 'hist:keys=next_comm' >> /sys/kernel/tracing/events/sched/sched_switch/trigger"

# check NAME JAVA SUFFIX: one runtime (JAVA empty: the launcher's own choice), its own cache
check() {
  name=$1 java=$2 suffix=$3
  cache="$tmp/$name"
  mkdir -p "$cache"
  run() { XDG_CACHE_HOME="$cache" FTSQL_JAVA="$java" ./ftsql "$@"; }
  [ -n "$java" ] || run() { XDG_CACHE_HOME="$cache" ./ftsql "$@"; }

  out=$(run sql --kernel 6.12 "$query" 2> "$cache/first.err") || fail "$name: first run exited $?"
  [ "$out" = "$expected" ] || fail "$name: first run printed '$out'"
  grep -q "preparing a class-data archive" "$cache/first.err" || fail "$name: no archive prepared"
  set -- "$cache"/ftsql/ftsql-*"$suffix"
  [ -s "$1" ] || fail "$name: no $suffix archive in $cache/ftsql ($(ls "$cache/ftsql"))"

  out=$(run sql --kernel 6.12 "$query" 2> "$cache/second.err") || fail "$name: second run exited $?"
  [ "$out" = "$expected" ] || fail "$name: second run printed '$out'"
  [ ! -s "$cache/second.err" ] || fail "$name: second run wrote to stderr: $(cat "$cache/second.err")"

  # The archive is used: the main class comes from it, not from the jar.
  FTSQL_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xlog:class+load=info:file=$cache/classes.txt" \
    run sql --kernel 6.12 "$query" > /dev/null 2>&1 || fail "$name: run with a class log exited $?"
  grep -q "dev.ftsql.cli.Main source: shared objects file" "$cache/classes.txt" \
    || fail "$name: the main class was not loaded from the archive"

  status=0
  run sql --kernel 6.12 "SELECT nope FROM sched_switch" > "$cache/bad.out" 2> "$cache/bad.err" || status=$?
  [ "$status" -eq 3 ] || fail "$name: a bad query exited $status, not 3"
  grep -q "^ftsql: unknown field 'nope'" "$cache/bad.err" || fail "$name: bad query said: $(cat "$cache/bad.err")"
  grep -q "\^" "$cache/bad.err" || fail "$name: no caret under the bad field"
  ! grep -q "Exception\|	at " "$cache/bad.err" || fail "$name: a stack trace on stderr"
  [ ! -s "$cache/bad.out" ] || fail "$name: a bad query printed to stdout"
  echo "test-launcher: $name ok ($(basename "$1"))"
}

path_java=$(readlink -f "$(command -v java)")
check path-java "$path_java" .jsa
newest=0
for release in /usr/lib/jvm/*/release; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
  if [ "${v:-0}" -ge 25 ] && [ "$v" -gt "$newest" ]; then newest=$v; fi
done
if [ "$newest" -ge 25 ]; then
  check launcher-choice "" "-java$newest.aot"
else
  echo "test-launcher: no JDK 25+ under /usr/lib/jvm; the launcher's choice is the PATH's java"
  check launcher-choice "" .jsa
fi
[ "$failures" -eq 0 ] || { echo "test-launcher: $failures failure(s)" >&2; exit 1; }
