#!/bin/sh
# Guest payload for tools/qemu/run-guest.sh: applies one hist trigger case at a time, makes
# load, saves the event's hist file byte for byte, removes the triggers again, and at the end
# prints every saved file as a base64 tar between FTSQL-HIST-BEGIN / FTSQL-HIST-END.
# Run it through capture.sh (next to this file), which unpacks the result into <kernel>/.
T=/sys/kernel/tracing
OUT=/tmp/out
mkdir -p $OUT
uname -r > $OUT/KERNEL
case $(uname -r) in
    6.1.*) STACK=stacktrace; NEW=0 ;;
    *) STACK=common_stacktrace; NEW=1 ;;
esac

# General load: kmalloc, sched_switch, syscalls, fork and exec.
load() {
    n=0
    while [ $n -lt 8 ]; do
        ls -lR /proc/self/ >/dev/null 2>&1
        cat /proc/meminfo /proc/stat >/dev/null
        echo x | cat | wc -c >/dev/null
        head -c 3000 /dev/urandom | gzip >/dev/null
        usleep 20000
        n=$((n + 1))
    done
}

# Writes of known sizes from processes named "head": for the log2 and buckets renderings.
writes() {
    for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 15 16 17 31 32 33 64 100 1000 4096; do
        head -c $n /dev/zero >/dev/null
    done
}

nothing() { :; }

# run_case NAME SYSTEM/EVENT LOADFN TRIGGER...
run_case() {
    name=$1 ev=$2 fn=$3
    shift 3
    : >$OUT/$name.trigger
    echo "$ev" >$OUT/$name.event
    for t in "$@"; do
        printf '%s\n' "$t" >>$OUT/$name.trigger
        if ! printf '%s\n' "$t" >>$T/events/$ev/trigger; then
            echo "$name: rejected: $t" >&2
            cat $T/error_log >&2
            echo >$T/error_log
        fi
    done
    $fn
    cat $T/events/$ev/hist >$OUT/$name.hist
    for t in "$@"; do
        printf '!%s\n' "$t" >>$T/events/$ev/trigger 2>/dev/null
    done
    if grep -q '^hist' $T/events/$ev/trigger; then
        echo "$name: teardown left:" >&2
        cat $T/events/$ev/trigger >&2
    fi
    echo "$name: $(grep -c '^{' $OUT/$name.hist) entries"
}

run_case plain kmem/kmalloc load 'hist:keys=bytes_req:vals=hitcount,bytes_alloc:sort=bytes_req'
run_case cpu sched/sched_switch load 'hist:keys=cpu:vals=hitcount'
run_case string sched/sched_switch load 'hist:keys=next_comm:vals=hitcount,prev_prio:sort=next_comm'
run_case dynstring sched/sched_process_exec load 'hist:keys=filename:vals=hitcount'
run_case hex kmem/kmalloc load 'hist:keys=call_site.hex:vals=hitcount,bytes_alloc.hex'
run_case sym kmem/kmalloc load 'hist:keys=call_site.sym:vals=bytes_req,bytes_alloc:sort=bytes_alloc.descending'
run_case sym-offset kmem/kmalloc load 'hist:keys=call_site.sym-offset:vals=bytes_req'
run_case execname raw_syscalls/sys_enter load 'hist:keys=common_pid.execname:vals=hitcount'
run_case syscall raw_syscalls/sys_enter load 'hist:keys=id.syscall:vals=hitcount'
run_case log2 syscalls/sys_enter_write writes 'hist:keys=count.log2:vals=hitcount,count if comm == "head"'
run_case buckets syscalls/sys_enter_write writes 'hist:keys=count.buckets=10:vals=hitcount,count if comm == "head"'
run_case stack sched/sched_wakeup load "hist:keys=$STACK:vals=hitcount"
run_case stack-first sched/sched_wakeup load "hist:keys=$STACK,common_pid.execname:vals=hitcount"
run_case stack-last sched/sched_wakeup load "hist:keys=common_pid.execname,$STACK:vals=hitcount"
[ $NEW = 1 ] && run_case stack-oldname sched/sched_wakeup load 'hist:keys=stacktrace:vals=hitcount'
run_case compound2 sched/sched_switch load 'hist:keys=common_pid.execname,next_pid:vals=hitcount,prev_prio'
run_case compound3 kmem/kmalloc load 'hist:keys=common_pid.execname,call_site.sym,bytes_req.log2:vals=hitcount,bytes_alloc'
run_case strings3 sched/sched_switch load 'hist:keys=prev_comm,next_comm,prev_state:vals=hitcount'
run_case onmax sched/sched_switch load 'hist:keys=next_pid:mx=next_prio:onmax($mx).save(prev_comm,prev_pid)'
run_case onchange sched/sched_switch load 'hist:keys=next_pid:pr=prev_prio:onchange($pr).save(prev_comm,prev_prio)'
run_case snapshot sched/sched_switch load 'hist:keys=next_pid:mx=next_prio:onmax($mx).snapshot()'
run_case empty module/module_load load 'hist:keys=name:vals=hitcount'
run_case dropped kmem/kmalloc load 'hist:keys=common_pid,bytes_req,call_site:vals=hitcount:size=128'
run_case two-blocks sched/sched_switch load \
    'hist:keys=next_comm:vals=hitcount:sort=hitcount.descending' \
    'hist:keys=next_comm:vals=hitcount,prev_prio:sort=next_comm if next_pid != 0' \
    'hist:keys=next_pid:vals=hitcount if next_pid == 99999'
if [ $NEW = 1 ]; then
    run_case percent-graph sched/sched_switch load 'hist:keys=next_comm:vals=hitcount.percent,prev_prio.graph'
    run_case nohitcount sched/sched_switch load 'hist:keys=next_comm:vals=prev_prio:nohitcount'
fi

# Triggers exactly as ftsql compiles the queries in the matching <case>.sql files.
run_case ftsql-kmalloc kmem/kmalloc load 'hist:keys=common_pid.execname,bytes_req.log2:vals=bytes_alloc,bytes_req:sort=hitcount.descending:ftsql_759f18f7_max=bytes_req:onmax($ftsql_759f18f7_max).save(bytes_req)'
run_case ftsql-hidden kmem/kmalloc load 'hist:keys=common_type:vals=bytes_req'
run_case ftsql-having sched/sched_switch load 'hist:keys=next_comm:vals=prev_prio:sort=hitcount.descending,next_comm'
run_case ftsql-log2 syscalls/sys_enter_write writes 'hist:keys=count.log2 if COMM == "head"'
run_case ftsql-buckets syscalls/sys_enter_write writes 'hist:keys=count.buckets=10:vals=count if COMM == "head"'
run_case ftsql-syscall raw_syscalls/sys_enter load 'hist:keys=id.syscall:sort=hitcount.descending'
run_case ftsql-sym kmem/kmalloc load 'hist:keys=call_site.sym:vals=bytes_alloc:sort=bytes_alloc.descending'
run_case ftsql-stack sched/sched_process_fork load "hist:keys=$STACK"

echo FTSQL-HIST-BEGIN
(cd $OUT && tar -cf - . | gzip -9 | base64)
echo FTSQL-HIST-END
