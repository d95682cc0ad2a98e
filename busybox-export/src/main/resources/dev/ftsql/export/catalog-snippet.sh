#!/bin/sh
# ftsql event catalog snapshot (format v1). Needs only a POSIX sh, awk, sort and uname
# (BusyBox is enough). Run it on the target machine and keep its stdout:
#
#   sh catalog-snippet.sh [TRACEFS] > "$(uname -r).ftcat" && gzip -9 "$(uname -r).ftcat"
#
# TRACEFS defaults to /sys/kernel/tracing. The snapshot is text:
#
#   #ftsql-catalog v1
#   #kernel <uname -r>
#   #ftsql-file README
#   <content of README>
#   #ftsql-file events/<system>/<event>/format
#   <content of that format file>
#   ...
#   #ftsql-file trace_clock
#   <content of trace_clock>
#
# Files come in byte-wise sorted path order: README, every events/*/*/format, and
# trace_clock when present. Contents are verbatim, except that a last line without a
# newline gets one. No content line starts with "#ftsql-": the snippet fails (exit 2)
# rather than write such a line, so a "#ftsql-" line always starts a header.
T=${1:-/sys/kernel/tracing}
cd "$T" 2>/dev/null || { echo "catalog: cannot enter $T" >&2; exit 1; }
if [ ! -r README ] || [ ! -d events ]; then
    echo "catalog: $T does not look like tracefs (no README or events/)" >&2
    exit 1
fi
{
    echo README
    for f in events/*/*/format; do
        [ -r "$f" ] && echo "$f"
    done
    [ -r trace_clock ] && echo trace_clock
} | LC_ALL=C sort | awk -v kernel="$(uname -r)" '
BEGIN {
    print "#ftsql-catalog v1"
    print "#kernel " kernel
}
{
    f = $0
    print "#ftsql-file " f
    while ((r = (getline line < f)) > 0) {
        if (line ~ /^#ftsql-/) {
            print "catalog: " f ": a line starts with #ftsql-" | "cat 1>&2"
            exit 2
        }
        print line
    }
    if (r < 0) {
        print "catalog: cannot read " f | "cat 1>&2"
        exit 2
    }
    close(f)
}'
