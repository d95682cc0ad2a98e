# Prelude of every payload that GuestScript builds: helpers for the per-case blocks that follow.
# What the blocks print, one marker a line (GuestRun parses it):
#   @@case NAME, @@section KIND, @@status KIND INDEX RC, @@state same|differs, @@end NAME
T=/sys/kernel/tracing
cd /tmp || exit 1

# Everything a teardown must restore: every trigger file (top level and instances), the
# synthetic events and the list of instances.
snapshot() {
    grep -H '' $T/events/*/*/trigger $T/instances/*/events/*/*/trigger 2>/dev/null
    echo "synthetic_events:"
    cat $T/synthetic_events
    echo "instances:"
    ls $T/instances
}

# Reading ~1400 trigger files costs about a second under TCG, so a case reuses the previous
# case's "after" snapshot as its "before" when nothing ran in between (STATE_VALID=1).
STATE_VALID=0
before_state() {
    if [ "$STATE_VALID" = 1 ]; then
        mv /tmp/state.after /tmp/state.before
    else
        snapshot >/tmp/state.before
    fi
    STATE_VALID=0
}

compare_state() {
    snapshot >/tmp/state.after
    if cmp -s /tmp/state.before /tmp/state.after; then
        echo "@@state same"
        STATE_VALID=1
    else
        echo "@@state differs"
        diff -U0 /tmp/state.before /tmp/state.after | grep -v '^@@' | head -n 60
        reset_tracefs
    fi
}

# After a failed teardown: remove what is left so that later cases start clean. Repeated,
# because a trigger that others refer to (variables, actions) only goes after them.
reset_tracefs() {
    for pass in 1 2 3; do
        for f in $(grep -l '^[^#]' $T/events/*/*/trigger $T/instances/*/events/*/*/trigger 2>/dev/null); do
            grep -v '^#' "$f" | while IFS= read -r t; do
                echo "!${t% \[*\]}" >>"$f"
            done 2>/dev/null
        done
        grep -v '^#' $T/synthetic_events | while read -r name rest; do
            echo "!$name" >>$T/synthetic_events
        done 2>/dev/null
    done
}

error_logs() {
    for f in $T/error_log $T/instances/*/error_log; do
        [ -f "$f" ] && echo "$f"
    done
}

clear_error_logs() {
    for f in $(error_logs); do
        : >"$f"
    done
}

# Every non-empty error_log, each after its path.
print_error_logs() {
    for f in $(error_logs); do
        text=$(cat "$f")
        [ -z "$text" ] || printf '%s:\n%s\n' "$f" "$text"
    done
}

# run_step KIND INDEX FILE: run one shell line the way a user pastes it, print its exit status,
# and on failure the tail of the error logs.
run_step() {
    sh "$3" 2>&1
    rc=$?
    echo "@@status $1 $2 $rc"
    if [ $rc -ne 0 ]; then
        for f in $(error_logs); do
            tail -n 6 "$f"
        done
    fi
}

# About a second of varied BusyBox load: a busy process, short sleeps, forks and execs,
# /proc and /sys reads, tmpfs writes (read/write syscalls, kmalloc, context switches).
busy_load() {
    yes >/dev/null &
    y=$!
    (for i in 1 2 3 4 5 6 7 8 9 10; do sleep 0.01; done) &
    ls -R /proc/sys >/dev/null 2>&1
    cat /proc/[0-9]*/status >/dev/null 2>&1
    dd if=/dev/zero of=/tmp/load bs=4k count=200 2>/dev/null
    cat /tmp/load >/dev/null
    rm -f /tmp/load
    for i in 1 2 3 4 5; do sh -c : ; done
    # An exec by path (applets by name are exec'd as /proc/self/exe).
    for i in 1 2 3; do /bin/busybox true; done
    sleep 0.3
    kill $y
    wait
}
