#!/bin/bash
# Cold-start benchmark: `./ftsql sql` against libtracefs's sqlhist sample on the same query and the
# same 6.12 event formats, plus the JVM floors and CDS/JIT variants that explain the difference.
# Results go to $BENCH_DIR (default /tmp/ftsql-bench): rounds/summary.md, rounds/*.json, classes.txt,
# phases*.txt, facts.txt. docs/performance.md describes every number.
#
#   tools/bench/run.sh                 # everything (about 10 min on 2 idle cores)
#   ROUNDS=3 RUNS=3 tools/bench/run.sh # quicker, noisier
#   STEPS="hyperfine" tools/bench/run.sh   # only re-time (after one full run)
#   STEPS=hyperfine ONLY='^(ftsql sql|java Hello)' ROUNDS_DIR=/tmp/r2 tools/bench/run.sh  # a subset
#
# Needs: Java 17 + Maven (ftsql's deps in ~/.m2), hyperfine, gcc, pkg-config, man,
# libtracefs-dev, libtraceevent-dev and libtracefs-doc (Debian: apt-get install hyperfine gcc
# pkg-config man-db libtracefs-dev libtraceevent-dev libtracefs-doc), python3, setpriv (util-linux).
# libtracefs is only used from the system packages; sqlhist is compiled under $BENCH_DIR.
#
# Interleaving: hyperfine runs each command's runs back to back, so on a shared machine a burst of
# load lands on one command. We run ROUNDS rounds of hyperfine over all commands (WARMUP warm-up
# runs + RUNS timed runs per command per round) and pool the runs; a load burst then spreads over
# every command. summarize.py reports pooled medians and the median of the per-round ratios.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
W=${BENCH_DIR:-/tmp/ftsql-bench}
ROUNDS=${ROUNDS:-6}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-3}
STEPS=${STEPS:-"facts build tracefs sqlhist hello cds check classes phases hyperfine"}
QUERY=${QUERY:-"SELECT common_pid, CAST(bytes_req AS _COUNTER_) FROM kmalloc"}
# The timed commands use a frozen copy of this checkout ($APP: `git archive` of HEAD plus the built
# jar), because ./ftsql rebuilds the jar when any .java file is newer than it: an edit in the
# checkout during a run would otherwise rebuild it mid-benchmark and invalidate the CDS archives.
APP=$W/app
JAR=$APP/cli/target/ftsql.jar
TFS=$W/tracefs-6.12
SQLHIST=$W/sqlhist
# the launcher's JVM options and main class (see ./ftsql)
LFLAGS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -Xshare:auto"
QUIET="-Xlog:cds=off -Xlog:cds+dynamic=off"
MAIN=dev.ftsql.cli.Main
# The two runtimes the launcher can use: the PATH's java (Java 17 here), and the newest JDK 25+
# under /usr/lib/jvm, which the launcher prefers when there is one (empty when there is none).
J17=$(readlink -f "$(command -v java)")
J25=$(for r in /usr/lib/jvm/*/release; do
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$r"); [ "${v:-0}" -ge 25 ] && echo "$v ${r%/release}/bin/java"
done | sort -n | tail -n 1 | cut -d' ' -f2)
mkdir -p "$W"
cd "$root"
has() { case " $STEPS " in *" $1 "*) return 0 ;; *) return 1 ;; esac; }
log() { echo "== $*" >&2; }

if has facts; then
  log facts
  {
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit: $(git rev-parse --short HEAD) ($(git rev-parse --abbrev-ref HEAD))"
    echo "nproc: $(nproc)"
    echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "kernel: $(uname -r)"
    echo "mem: $(free -m | awk '/Mem:/ {print $2 " MiB"}')"
    echo "java: $(java -version 2>&1 | tr '\n' ' ')"
    echo "java 25+ the launcher uses: ${J25:-none} $([ -n "$J25" ] && "$J25" -version 2>&1 | head -n 1)"
    echo "hyperfine: $(hyperfine --version)"
    echo "gcc: $(gcc --version | head -n 1)"
    echo "libtracefs: $(pkg-config --modversion libtracefs), libtraceevent: $(pkg-config --modversion libtraceevent)"
    echo "loadavg at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  } > "$W/facts.txt"
  cat "$W/facts.txt" >&2
fi

if has build; then
  log "build (mvn -q -B -o install -DskipTests)"
  mvn -q -B -o install -DskipTests >&2
fi

if has build; then
  log "frozen copy of the checkout -> $APP"
  rm -rf "$APP"
  mkdir -p "$APP/cli/target"
  git archive HEAD | tar -x -C "$APP"
  cp "$root/cli/target/ftsql.jar" "$JAR"   # newer than every file of the copy
  if [ -n "$(git status --porcelain)" ]; then
    echo "note: the checkout has uncommitted changes; the jar was built from them, the copy's sources are HEAD" >&2
  fi
fi

if has tracefs; then
  log "tracefs copy of the embedded 6.12 snapshot -> $TFS"
  rm -rf "$TFS"
  "$root/tools/bench/snapshot-to-dir.sh" "$root/sql/src/main/resources/dev/ftsql/sql/kernels/6.12.ftcat.gz" "$TFS"
fi

if has sqlhist; then
  log "sqlhist from the EXAMPLE of tracefs_sql(3) -> $SQLHIST"
  # the libtracefs doc's own recipe ("CREATE A TOOL" in tracefs_sql(3)); col -b strips man's overstrike
  MANWIDTH=200 man tracefs_sql 2>/dev/null | col -b \
    | sed -ne '/^EXAMPLE/,/FILES/ { /EXAMPLE/d ; /FILES/d ; p}' > "$W/sqlhist.c"
  # -O2 as a distribution would build it; the Debian libs are -O2 already
  gcc -O2 -o "$SQLHIST" "$W/sqlhist.c" $(pkg-config --cflags --libs libtracefs)
fi

if has sqlhist; then
  log "where sqlhist's time goes (tep-load: the libtracefs calls it makes, timed; 3 runs)"
  gcc -O2 -o "$W/tep-load" "$root/tools/bench/tep-load.c" $(pkg-config --cflags --libs libtracefs)
  for i in 1 2 3; do "$W/tep-load" "$TFS" "$QUERY"; done | tee "$W/tep-load.txt" >&2
  echo "/proc/kallsyms: $(wc -l < /proc/kallsyms) lines" | tee -a "$W/tep-load.txt" >&2
fi

if has hello; then
  log "Hello (JVM floor)"
  mkdir -p "$W/hello"
  printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' \
    > "$W/hello/Hello.java"
  javac -d "$W/hello" "$W/hello/Hello.java"
fi

# The launcher records its class-data archive (Java 17) or AOT cache (Java 25+) on the first run
# after a build. Use a private cache dir and let the benchmarked command record them, as an install
# step would: once with the runtime the launcher picks, once with FTSQL_JAVA=the PATH's java.
CACHE=$W/cache
CACHE_NOBODY=$W/cache-nobody
if has cds; then
  log "the launcher's archives (Java 17 class-data archive; Java 25+ AOT cache when present)"
  rm -rf "$CACHE" "$CACHE_NOBODY" "$W/home-nobody"
  mkdir -p "$CACHE" "$CACHE_NOBODY" "$W/home-nobody"
  XDG_CACHE_HOME=$CACHE "$APP/ftsql" sql --tracefs "$TFS" "$QUERY" > /dev/null
  FTSQL_JAVA=$J17 XDG_CACHE_HOME=$CACHE "$APP/ftsql" sql --tracefs "$TFS" "$QUERY" > /dev/null
  # the default (live tracefs unreadable -> embedded 6.12) runs as nobody, with its own archive
  chown nobody "$CACHE_NOBODY" "$W/home-nobody"
  setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$W/home-nobody" \
    XDG_CACHE_HOME="$CACHE_NOBODY" "$APP/ftsql" sql "$QUERY" > /dev/null
  ls -l "$CACHE"/ftsql/ftsql-* "$CACHE_NOBODY"/ftsql/ftsql-* >&2
fi
JSA=$(ls "$CACHE"/ftsql/ftsql-*.jsa 2>/dev/null | head -n 1 || true)
AOT=$(ls "$CACHE"/ftsql/ftsql-*.aot 2>/dev/null | head -n 1 || true)

# name|command (hyperfine -N: no shell; words split like a shell would, quotes kept)
Q="'$QUERY'"
commands() {
  cat <<EOF
sqlhist -t DIR|$SQLHIST -t $TFS $Q
ftsql sql --tracefs DIR|env XDG_CACHE_HOME=$CACHE $APP/ftsql sql --tracefs $TFS $Q
ftsql sql --kernel 6.12|env XDG_CACHE_HOME=$CACHE $APP/ftsql sql --kernel 6.12 $Q
ftsql sql (default: embedded 6.12; as nobody)|setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=$W/home-nobody XDG_CACHE_HOME=$CACHE_NOBODY $APP/ftsql sql $Q
ftsql --version|env XDG_CACHE_HOME=$CACHE $APP/ftsql --version
ftsql sql --tracefs DIR, Java 17|env FTSQL_JAVA=$J17 XDG_CACHE_HOME=$CACHE $APP/ftsql sql --tracefs $TFS $Q
ftsql sql --kernel 6.12, Java 17|env FTSQL_JAVA=$J17 XDG_CACHE_HOME=$CACHE $APP/ftsql sql --kernel 6.12 $Q
ftsql --version, Java 17|env FTSQL_JAVA=$J17 XDG_CACHE_HOME=$CACHE $APP/ftsql --version
java Hello (JVM floor, Java 17, default flags)|$J17 -cp $W/hello Hello
java -cp hello:jar Hello (Java 17, launcher flags)|$J17 $LFLAGS -cp $W/hello:$JAR Hello
java -cp jar Main sql --tracefs (Java 17, launcher flags, JDK CDS only)|$J17 $LFLAGS -cp $JAR $MAIN sql --tracefs $TFS $Q
EOF
  if [ -n "$J25" ]; then
    cat <<EOF
java Hello (JVM floor, Java 25, default flags)|$J25 -cp $W/hello Hello
java -cp jar Main sql --tracefs (Java 25, AOT cache, profiles replayed)|$J25 -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:CICompilerCount=1 -XX:AOTCache=$AOT -Xlog:aot=off -Xlog:cds=off -cp $JAR $MAIN sql --tracefs $TFS $Q
EOF
  fi
  cat <<EOF
launcher's staleness check, frozen copy|sh -c "find $APP/sql/src/main $APP/planner/src/main $APP/tracefs-backend/src/main $APP/busybox-export/src/main $APP/cli/src/main $APP/pom.xml $APP/*/pom.xml $APP/samples/*.sql -newer $JAR -print -quit"
launcher's staleness check, dev checkout|sh -c "find $root/sql/src/main $root/planner/src/main $root/tracefs-backend/src/main $root/busybox-export/src/main $root/cli/src/main $root/pom.xml $root/*/pom.xml $root/samples/*.sql -newer $root/cli/target/ftsql.jar -print -quit"
setpriv + env (overhead of the nobody row)|setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME=$W/home-nobody true
EOF
}

if has check; then
  log "outputs (the same trigger from both tools?)"
  {
    echo "query: $QUERY"
    echo "sqlhist:        $($SQLHIST -t "$TFS" "$QUERY")"
    echo "ftsql --tracefs: $(XDG_CACHE_HOME=$CACHE "$APP/ftsql" sql --tracefs "$TFS" "$QUERY")"
    echo "ftsql --kernel:  $(XDG_CACHE_HOME=$CACHE "$APP/ftsql" sql --kernel 6.12 "$QUERY")"
  } | tee "$W/outputs.txt" >&2
  # every command must succeed before it is timed
  commands | while IFS='|' read -r name cmd; do
    eval "$cmd" > /dev/null 2>&1 < /dev/null || { echo "FAILS: $name: $cmd" >&2; exit 1; }
  done
fi

if has classes; then
  log "classes loaded per variant (-Xlog:class+load)"
  count() { # name, java args...
    local name=$1; shift
    rm -f "$W"/cl.txt*
    "$J17" -Xlog:class+load:file="$W/cl.txt" "$@" > /dev/null 2>&1 || true
    local total shared
    total=$(grep -c 'source:' "$W/cl.txt" || true)
    shared=$(grep -c 'source: shared objects file' "$W/cl.txt" || true)
    printf '%-48s %6s loaded, %6s of them from a CDS archive\n' "$name" "$total" "$shared"
    case "$name" in
      sql*) # 5 more runs for a median timeline (old logs removed: -Xlog would rotate them)
            rm -f "$W"/cl-[1-5].txt*
            for i in 1 2 3 4 5; do
              "$J17" -Xlog:class+load:file="$W/cl-$i.txt" "$@" > /dev/null 2>&1 || true
            done
            echo "  timeline (class+load uptime; the first class of each layer):"
            python3 "$root/tools/bench/timeline.py" "$W"/cl-[1-5].txt | sed 's/^/  /' ;;
    esac
    if [ "$name" = "sql --tracefs, launcher flags, JDK CDS only" ]; then
      echo "  by source (top 12):"
      sed -E 's/.*source: (jrt:\/[^ ]*|shared objects file[^ ]*|jar:file:[^!]*!|file:[^ ]*|[^ ]+).*/\1/; s/.*\/([^/]*\.jar)!/\1/' \
        "$W/cl.txt" | sort | uniq -c | sort -rn | head -n 12 | sed 's/^/    /'
      echo "  by package (top 15):"
      sed -E 's/^\[[^]]*\]\[[^]]*\]\[[^]]*\] ([^ ]+) source:.*/\1/' "$W/cl.txt" \
        | sed -E 's/\.[^.]*$//; s/^(([^.]*\.){0,4}[^.]*).*/\1/' | sort | uniq -c | sort -rn | head -n 15 \
        | sed 's/^/    /'
    fi
  }
  {
    count "Hello" -cp "$W/hello" Hello
    count "--version, launcher flags, JDK CDS only" $LFLAGS -cp "$JAR" $MAIN --version
    count "sql --tracefs, launcher flags, JDK CDS only" $LFLAGS -cp "$JAR" $MAIN sql --tracefs "$TFS" "$QUERY"
    count "sql --tracefs, launcher flags + archive" $LFLAGS -XX:SharedArchiveFile="$JSA" -cp "$JAR" $MAIN sql --tracefs "$TFS" "$QUERY"
    count "sql --kernel 6.12, launcher flags + archive" $LFLAGS -XX:SharedArchiveFile="$JSA" -cp "$JAR" $MAIN sql --kernel 6.12 "$QUERY"
  } | tee "$W/classes.txt" >&2
fi

if has phases; then
  log "in-process phases of one cold compile (StartupPhases, test classpath, launcher flags)"
  mvn -q -B -o -pl sql,planner test-compile \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >&2
  # CDS archives only jars (a directory on the class path disables it), so jar the classes first
  rm -f "$W/bench-classes.jar"
  jar cf "$W/bench-classes.jar" -C "$root/planner/target/test-classes" . -C "$root/planner/target/classes" . \
    -C "$root/sql/target/classes" .
  CP="$W/bench-classes.jar:$(cat "$root/planner/target/bench-classpath.txt" | tr ':' '\n' | grep -v '/target/classes$' | paste -sd:)"
  java $LFLAGS -XX:ArchiveClassesAtExit="$W/phases.jsa" $QUIET -cp "$CP" dev.ftsql.plan.bench.StartupPhases \
    --tracefs "$TFS" "$QUERY" > /dev/null 2>&1
  for i in 1 2 3 4 5; do
    echo "--- run $i, JDK CDS only"
    java $LFLAGS -cp "$CP" dev.ftsql.plan.bench.StartupPhases --tracefs "$TFS" "$QUERY" 2>/dev/null
    echo "--- run $i, + AppCDS of this main"
    java $LFLAGS -XX:SharedArchiveFile="$W/phases.jsa" $QUIET -cp "$CP" dev.ftsql.plan.bench.StartupPhases \
      --tracefs "$TFS" "$QUERY" 2>/dev/null
  done > "$W/phases.txt"
  python3 "$root/tools/bench/phases.py" "$W/phases.txt" | tee "$W/phases-summary.txt" >&2
  log "first-touch cost of each initialiser (InitCosts, JDK CDS only; 3 runs)"
  for i in 1 2 3; do
    echo "--- run $i"
    java $LFLAGS -cp "$CP" dev.ftsql.plan.bench.InitCosts "$QUERY" 2>/dev/null
  done | tee "$W/initcosts.txt" >&2
  log "warm CPU per query (WarmCpu; C2, 3,000 warm-up rounds)"
  java -Xms256m -Xmx256m -cp "$CP" dev.ftsql.plan.bench.WarmCpu 2>/dev/null | tee "$W/warmcpu.txt" >&2
fi

if has hyperfine; then
  log "hyperfine: $ROUNDS rounds x ($WARMUP warm-up + $RUNS runs) per command"
  R=${ROUNDS_DIR:-$W/rounds}
  mkdir -p "$R"
  rm -f "$R"/round-*
  names=() cmds=()
  # ONLY=REGEX keeps the commands whose name matches (grep -E); sqlhist is always kept
  while IFS='|' read -r name cmd; do names+=("$name"); cmds+=("$cmd"); done \
    < <(commands | grep -E "^(sqlhist -t DIR|${ONLY:-.*})")
  for r in $(seq 1 "$ROUNDS"); do
    args=()
    for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
    echo "round $r/$ROUNDS, loadavg $(cut -d' ' -f1-3 /proc/loadavg)" >&2
    hyperfine -N --style basic --warmup "$WARMUP" --runs "$RUNS" \
      --export-json "$R/round-$r.json" "${args[@]}" > "$R/round-$r.txt"
    cut -d' ' -f1-3 /proc/loadavg > "$R/round-$r.load"
  done
  echo "loadavg at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$W/facts.txt"
  python3 "$root/tools/bench/summarize.py" "$R" | tee "$R/summary.md"
fi
