#!/bin/bash
# Capture the event catalog snapshot of a Debian kernel booted under QEMU.
#
#   tools/qemu/capture-catalog.sh 6.1|6.12|VMLINUZ OUT.gz
#
# Boots the kernel with run-guest.sh; the guest runs the catalog snippet on its tracefs
# (the one copy: busybox-export/src/main/resources/dev/ftsql/export/catalog-snippet.sh, which
# `ftsql catalog script` prints), checks that the snapshot holds as many formats as
# `ls events/*/*/format | wc -l`, and prints the gzipped snapshot as base64 between markers.
# The host decodes it, checks it again and writes OUT.gz (gzip -9n, so the same catalog gives
# the same bytes).
# Prints nothing on success unless FTSQL_VERBOSE=1 (then one summary line on stderr).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SNIPPET=$HERE/../../busybox-export/src/main/resources/dev/ftsql/export/catalog-snippet.sh
if [ $# -ne 2 ]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
KERNEL=$1 OUT=$2
die() { echo "capture-catalog.sh: $*" >&2; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/ftsql-catalog.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/extra/ftsql"
cp "$SNIPPET" "$WORK/extra/ftsql/catalog-snippet.sh"
cat >"$WORK/payload.sh" <<'EOF'
T=/sys/kernel/tracing
sh /ftsql/catalog-snippet.sh "$T" >/tmp/cat.txt || exit 3
n_snap=$(grep -c '^#ftsql-file events/' /tmp/cat.txt)
n_fs=$(ls "$T"/events/*/*/format | wc -l)
if [ "$n_snap" != "$n_fs" ]; then
    echo "catalog: snapshot has $n_snap formats, tracefs has $n_fs" >&2
    exit 4
fi
gzip -9 -c </tmp/cat.txt >/tmp/cat.gz || exit 5
echo "FTSQL-CATALOG-FORMATS $n_fs"
echo FTSQL-CATALOG-B64-BEGIN
base64 </tmp/cat.gz || exit 6
echo FTSQL-CATALOG-B64-END
EOF

rc=0
"$HERE/run-guest.sh" --kernel "$KERNEL" --extra "$WORK/extra" "$WORK/payload.sh" >"$WORK/out" || rc=$?
[ $rc -eq 0 ] || die "guest failed (exit $rc)"

n_guest=$(sed -n 's/^FTSQL-CATALOG-FORMATS \([0-9][0-9]*\)$/\1/p' "$WORK/out")
[ -n "$n_guest" ] || die "no format count in the guest output"
sed -n '/^FTSQL-CATALOG-B64-BEGIN$/,/^FTSQL-CATALOG-B64-END$/p' "$WORK/out" \
    | sed '1d;$d' | base64 -d >"$WORK/cat.gz" || die "bad base64 from the guest"
gzip -dc "$WORK/cat.gz" >"$WORK/cat.txt" || die "bad gzip from the guest"

[ "$(sed -n 1p "$WORK/cat.txt")" = "#ftsql-catalog v1" ] || die "bad header"
kernel=$(sed -n 's/^#kernel //p;2q' "$WORK/cat.txt")
[ -n "$kernel" ] || die "no #kernel line"
[ "$(sed -n 3p "$WORK/cat.txt")" = "#ftsql-file README" ] || die "README is not first"
n_host=$(grep -c '^#ftsql-file events/.*/format$' "$WORK/cat.txt" || true)
[ "$n_host" = "$n_guest" ] || die "snapshot has $n_host formats, guest counted $n_guest"
grep '^#ftsql-file ' "$WORK/cat.txt" | LC_ALL=C sort -c 2>/dev/null || die "files not in sorted order"

# The snippet writes no #ftsql-index (it is shell, on the board); ReindexSnapshot adds it, keeping
# every file byte for byte (CatalogSnapshot; CatalogSnapshotIndexTest checks the embedded ones).
ROOT=$(cd "$HERE/../.." && pwd)
(cd "$ROOT" && mvn -q -o -B -pl sql -am install -DskipTests) >&2 || die "cannot build the sql module"
java -cp "$ROOT/sql/target/classes:$ROOT/sql/target/test-classes" dev.ftsql.sql.catalog.ReindexSnapshot \
    "$WORK/cat.txt" "$WORK/indexed.txt" || die "ReindexSnapshot failed"

mkdir -p "$(dirname "$OUT")"
gzip -9n -c "$WORK/indexed.txt" >"$WORK/out.gz"
mv -f "$WORK/out.gz" "$OUT"
[ "${FTSQL_VERBOSE:-0}" != 1 ] || echo "capture-catalog.sh: $kernel: $n_host formats, $(wc -c <"$OUT") bytes -> $OUT" >&2
