#!/bin/sh
# ftsql_5dcc0731.sh: the ftsql plan ftsql_5dcc0731 as a script for BusyBox (made by ftsql export).
#
#   sh ftsql_5dcc0731.sh up      apply the plan (refuses when any part of it is already there)
#   sh ftsql_5dcc0731.sh show    print its histogram
#   sh ftsql_5dcc0731.sh status  up, down or partial, with the histogram's totals
#   sh ftsql_5dcc0731.sh down    remove it in reverse order (safe to repeat; touches nothing else)
#
# Run it as root. It uses /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the
# tracefs of /proc/mounts, and mounts tracefs on /sys/kernel/tracing when none is mounted
# (FTSQL_TRACEFS=DIR chooses another).
#
# Query:
#   WITH wakeup AS (SELECT s.next_comm AS comm, s.common_timestamp - w.common_timestamp AS lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid) SELECT comm, log2(lat) AS lat_ns, COUNT(*) FROM wakeup GROUP BY comm, log2(lat)
#
# Compiled for: embedded 6.12 (6.12.117+deb12-cloud-amd64)
# Instance: none (the top level of tracefs)

PLAN='ftsql_5dcc0731'
INSTANCE=''
NSTEPS=4
RESULT_STEP=2

# The plan's writes, in order: each appends its line to the file under tracefs (>>).
plan_up() {
    # 1. synthetic event wakeup: the join's result
    step 1 'synthetic_events' 'wakeup char comm[16]; u64 lat'
    # 2. histogram on synthetic/wakeup
    step 2 'events/synthetic/wakeup/trigger' 'hist:keys=comm,lat.log2'
    # 3. start of step 1: sched/sched_waking saves what sched_switch needs
    step 3 'events/sched/sched_waking/trigger' 'hist:keys=pid:ftsql_5dcc0731_s1_ts=common_timestamp'
    # 4. end of step 1: sched/sched_switch matches and fires wakeup
    step 4 'events/sched/sched_switch/trigger' 'hist:keys=next_pid:ftsql_5dcc0731_e1_next_comm=next_comm,ftsql_5dcc0731_e1_lat=common_timestamp-$ftsql_5dcc0731_s1_ts:onmatch(sched.sched_waking).trace(wakeup,$ftsql_5dcc0731_e1_next_comm,$ftsql_5dcc0731_e1_lat)'
}

# What undoes them, in reverse order.
plan_down() {
    # 4. undo: end of step 1: sched/sched_switch matches and fires wakeup
    undo 4 'events/sched/sched_switch/trigger' '!hist:keys=next_pid:ftsql_5dcc0731_e1_next_comm=next_comm,ftsql_5dcc0731_e1_lat=common_timestamp-$ftsql_5dcc0731_s1_ts:onmatch(sched.sched_waking).trace(wakeup,$ftsql_5dcc0731_e1_next_comm,$ftsql_5dcc0731_e1_lat)'
    # 3. undo: start of step 1: sched/sched_waking saves what sched_switch needs
    undo 3 'events/sched/sched_waking/trigger' '!hist:keys=pid:ftsql_5dcc0731_s1_ts=common_timestamp'
    # 2. undo: histogram on synthetic/wakeup
    undo 2 'events/synthetic/wakeup/trigger' '!hist:keys=comm,lat.log2'
    # 1. undo: synthetic event wakeup: the join's result
    undo 1 'synthetic_events' '!wakeup'
}

