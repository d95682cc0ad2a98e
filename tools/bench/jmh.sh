#!/bin/sh
# Build the test classes of the sql and planner modules (where the JMH benchmarks live, in test
# scope) and run JMH's own main on one module's test classpath.
#
#   tools/bench/jmh.sh planner [JMH args...]   # CompileBenchmark, CompilePhasesBenchmark
#   tools/bench/jmh.sh sql [JMH args...]       # CatalogLoadBenchmark
#   tools/bench/jmh.sh planner -l              # list benchmarks
#   tools/bench/jmh.sh planner 'CompileBenchmark' -f 1 -wi 3 -i 5 -rf json -rff /tmp/c.json
#
# Environment: BENCH_CPUS=0 runs JMH (and its forks) under `taskset -c 0` (one core);
# BENCH_OFFLINE=0 lets Maven download (default: try -o first, then online once if something
# is missing from ~/.m2: the first run needs jmh-core 1.37 and maven-dependency-plugin 3.8.1).
# Benchmarks are not JUnit tests: `mvn verify` compiles them but never runs them.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
module=${1:-}
case "$module" in
  planner|sql) shift ;;
  *) echo "usage: $0 planner|sql [JMH args...]" >&2; exit 2 ;;
esac
offline=-o
[ "${BENCH_OFFLINE:-1}" = 0 ] && offline=
cd "$root"
# One reactor run, so ftsql-sql resolves to sql/target/classes (this tree), not a jar in ~/.m2.
build() {
  # shellcheck disable=SC2086
  mvn -q -B "$@" -pl sql,planner test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
}
# shellcheck disable=SC2086
if ! build $offline; then
  [ -n "$offline" ] || exit 1
  echo "jmh.sh: offline build failed (JMH or maven-dependency-plugin 3.8.1 not in ~/.m2?); retrying online" >&2
  build
fi
cp="$root/$module/target/test-classes:$root/$module/target/classes:$(cat "$root/$module/target/bench-classpath.txt")"
pin=""
[ -n "${BENCH_CPUS:-}" ] && pin="taskset -c $BENCH_CPUS"
# shellcheck disable=SC2086
exec $pin java -cp "$cp" org.openjdk.jmh.Main "$@"
