#!/bin/sh
# ftsql_7b609292.sh: the ftsql plan ftsql_7b609292 as a script for BusyBox (made by ftsql export).
#
#   sh ftsql_7b609292.sh up      apply the plan (refuses when any part of it is already there)
#   sh ftsql_7b609292.sh show    print its histogram
#   sh ftsql_7b609292.sh status  up, down or partial, with the histogram's totals
#   sh ftsql_7b609292.sh down    remove it in reverse order (safe to repeat; touches nothing else)
#
# Run it as root. It uses /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the
# tracefs of /proc/mounts, and mounts tracefs on /sys/kernel/tracing when none is mounted
# (FTSQL_TRACEFS=DIR chooses another).
#
# Query:
#   WITH j AS (SELECT s.common_timestamp - w.common_timestamp AS lat FROM sched_waking AS w JOIN sched_switch AS s ON w.pid = s.next_pid) SELECT bucket(lat, 1000), COUNT(*) FROM j GROUP BY bucket(lat, 1000)
#
# Compiled for: embedded 6.12 (6.12.117+deb12-cloud-amd64)
# Instance: lat (instances/lat/; create it before up)

PLAN='ftsql_7b609292'
INSTANCE='lat'
NSTEPS=4
RESULT_STEP=2

# The plan's writes, in order: each appends its line to the file under tracefs (>>).
plan_up() {
    # 1. synthetic event j: the join's result
    step 1 'synthetic_events' 'j u64 lat'
    # 2. histogram on synthetic/j
    step 2 'instances/lat/events/synthetic/j/trigger' 'hist:keys=lat.buckets=1000'
    # 3. start of step 1: sched/sched_waking saves what sched_switch needs
    step 3 'instances/lat/events/sched/sched_waking/trigger' 'hist:keys=pid:ftsql_7b609292_s1_ts=common_timestamp'
    # 4. end of step 1: sched/sched_switch matches and fires j
    step 4 'instances/lat/events/sched/sched_switch/trigger' 'hist:keys=next_pid:ftsql_7b609292_e1_lat=common_timestamp-$ftsql_7b609292_s1_ts:onmatch(sched.sched_waking).j($ftsql_7b609292_e1_lat)'
}

# What undoes them, in reverse order.
plan_down() {
    # 4. undo: end of step 1: sched/sched_switch matches and fires j
    undo 4 'instances/lat/events/sched/sched_switch/trigger' '!hist:keys=next_pid:ftsql_7b609292_e1_lat=common_timestamp-$ftsql_7b609292_s1_ts:onmatch(sched.sched_waking).j($ftsql_7b609292_e1_lat)'
    # 3. undo: start of step 1: sched/sched_waking saves what sched_switch needs
    undo 3 'instances/lat/events/sched/sched_waking/trigger' '!hist:keys=pid:ftsql_7b609292_s1_ts=common_timestamp'
    # 2. undo: histogram on synthetic/j
    undo 2 'instances/lat/events/synthetic/j/trigger' '!hist:keys=lat.buckets=1000'
    # 1. undo: synthetic event j: the join's result
    undo 1 'synthetic_events' '!j'
}

