#!/bin/sh
# ftsql_701775c3.sh: the ftsql plan ftsql_701775c3 as a script for BusyBox (made by ftsql export).
#
#   sh ftsql_701775c3.sh up      apply the plan (refuses when any part of it is already there)
#   sh ftsql_701775c3.sh show    print its histogram
#   sh ftsql_701775c3.sh status  up, down or partial, with the histogram's totals
#   sh ftsql_701775c3.sh down    remove it in reverse order (safe to repeat; touches nothing else)
#
# Run it as root. It uses /sys/kernel/tracing, else /sys/kernel/debug/tracing, else the
# tracefs of /proc/mounts, and mounts tracefs on /sys/kernel/tracing when none is mounted
# (FTSQL_TRACEFS=DIR chooses another).
#
# Query:
#   SELECT next_comm, COUNT(*) FROM sched_switch GROUP BY next_comm
#
# Compiled for: embedded 6.12 (6.12.117+deb12-cloud-amd64)
# Instance: none (the top level of tracefs)

PLAN='ftsql_701775c3'
INSTANCE=''
NSTEPS=1
RESULT_STEP=1

# The plan's writes, in order: each appends its line to the file under tracefs (>>).
plan_up() {
    # 1. histogram on sched/sched_switch
    step 1 'events/sched/sched_switch/trigger' 'hist:keys=next_comm'
}

# What undoes them, in reverse order.
plan_down() {
    # 1. undo: histogram on sched/sched_switch
    undo 1 'events/sched/sched_switch/trigger' '!hist:keys=next_comm'
}

