#!/bin/sh
# Smoke test for a guest kernel: a hist trigger on sched:sched_switch collects entries
# and is removed again. Run with: tools/qemu/run-guest.sh --kernel 6.1 tools/qemu/smoke-payload.sh
T=/sys/kernel/tracing
E=$T/events/sched/sched_switch
set -e
echo "kernel: $(uname -r)"
echo 'hist:keys=next_comm' >>"$E/trigger"
echo "trigger: $(cat "$E/trigger")"
# Some load: context switches between a few short-lived processes.
i=0
while [ $i -lt 20 ]; do
    sleep 0.05
    ls /proc >/dev/null
    i=$((i + 1))
done
cat "$E/hist" >/tmp/hist
cat /tmp/hist
entries=$(grep -c '^{ next_comm:' /tmp/hist)
echo "!hist:keys=next_comm" >>"$E/trigger"
left=$(grep -vc '^#' "$E/trigger" || true)
echo "entries: $entries; triggers left after removal: $left"
[ "$entries" -gt 0 ] && [ "$left" -eq 0 ]
