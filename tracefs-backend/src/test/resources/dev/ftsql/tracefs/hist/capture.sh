#!/bin/bash
# Re-capture the golden hist files from real kernels:
#   tracefs-backend/src/test/resources/dev/ftsql/tracefs/hist/capture.sh [6.1] [6.12]
# Boots each kernel with tools/qemu/run-guest.sh and capture-payload.sh, then replaces
# <kernel>/ with the payload's files: <case>.hist (the hist file byte for byte),
# <case>.trigger (the trigger lines as written) and <case>.event.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../../../../../../.." && pwd)
[ $# -gt 0 ] || set -- 6.1 6.12
for k in "$@"; do
    out=$(mktemp)
    "$ROOT/tools/qemu/run-guest.sh" --kernel "$k" --timeout 900 "$HERE/capture-payload.sh" >"$out"
    sed -n '/^FTSQL-HIST-BEGIN$/,/^FTSQL-HIST-END$/p' "$out" | sed '1d;$d' >"$out.b64"
    sed '/^FTSQL-HIST-BEGIN$/,$d' "$out"
    rm -rf "${HERE:?}/$k"
    mkdir -p "$HERE/$k"
    base64 -d "$out.b64" | tar -xzf - -C "$HERE/$k"
    rm -f "$out" "$out.b64"
    echo "captured $(ls "$HERE/$k" | grep -c '\.hist$') cases into $HERE/$k"
done
