#!/bin/sh
# Expand an ftsql catalog snapshot (*.ftcat or *.ftcat.gz: "#ftsql-file <path>" lines, each followed
# by that file's content and one separator newline) into a directory that looks like a tracefs copy:
# DIR/README, DIR/trace_clock, DIR/events/<system>/<event>/format.
# Usage: tools/bench/snapshot-to-dir.sh SNAPSHOT DIR
# Default SNAPSHOT: the embedded 6.12 one.
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
snap=${1:-$here/sql/src/main/resources/dev/ftsql/sql/kernels/6.12.ftcat.gz}
dir=${2:?usage: snapshot-to-dir.sh SNAPSHOT DIR}
mkdir -p "$dir"
case "$snap" in
  *.gz) cat_cmd="gzip -dc" ;;
  *) cat_cmd="cat" ;;
esac
# create the directories in one go (one mkdir per file from awk is slow)
$cat_cmd "$snap" | sed -n 's|^#ftsql-file \(events/[^/][^/]*/[^/][^/]*\)/format$|\1|p' | grep -v '\.\.' \
  | (cd "$dir" && xargs -r mkdir -p)
$cat_cmd "$snap" | awk -v dir="$dir" '
  function close_out() { if (out != "") { close(out); out = "" } }
  /^#ftsql-file / {
    close_out()
    path = substr($0, 13)
    # only README, trace_clock and event format files; refuse anything that escapes DIR
    if (path ~ /\.\./ || path ~ /^\//) { print "snapshot-to-dir: bad path " path > "/dev/stderr"; exit 1 }
    if (path != "README" && path != "trace_clock" && path !~ /^events\/[^\/]+\/[^\/]+\/format$/) next
    out = dir "/" path
    printf "" > out
    first = 1
    next
  }
  /^#ftsql-/ { close_out(); next }   # header or a directive this script does not know
  out != "" {
    # the content is every line up to the next directive minus the final separator newline
    if (first) { printf "%s", $0 > out; first = 0 } else { printf "\n%s", $0 > out }
  }
  END { close_out() }
'
# libtracefs (tracefs_local_events(), used by sqlhist -t DIR) needs two things a snapshot does not
# carry, or it fails with "DIR: No such file or directory":
#  * events/header_page (read_header() in src/tracefs-events.c): the ring-buffer page header. We
#    write the text every 64-bit kernel with 4 KiB pages prints (kernel/trace/ring_buffer.c,
#    ring_buffer_print_page_header()); it only sets the tep's long size (8) and page layout.
#  * an "enable" file in each events/<system>/ (tracefs_event_systems() keeps only the systems
#    that have one). Empty files; nothing reads them.
# ftsql ignores both. Omit them with NO_LIBTRACEFS_STUBS=1.
if [ -z "${NO_LIBTRACEFS_STUBS:-}" ]; then
  printf '\tfield: u64 timestamp;\toffset:0;\tsize:8;\tsigned:0;\n\tfield: local_t commit;\toffset:8;\tsize:8;\tsigned:1;\n\tfield: int overwrite;\toffset:8;\tsize:1;\tsigned:1;\n\tfield: char data;\toffset:16;\tsize:4080;\tsigned:1;\n' \
    > "$dir/events/header_page"
  for sys in "$dir"/events/*/; do
    : > "$sys/enable"
  done
fi
echo "$dir: $(find "$dir" -name format | wc -l) event formats" >&2
