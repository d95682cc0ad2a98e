#!/bin/bash
# Boot a Debian kernel under QEMU (TCG) with a BusyBox initramfs and run one payload script.
#
#   tools/qemu/run-guest.sh [--kernel 6.1|6.12|PATH] [--mem MB] [--smp N] [--timeout SEC]
#                           [--extra DIR] [--append ARGS] PAYLOAD.sh
#
#   --kernel   6.1 (default), 6.12 (from kernels.env, fetched by setup.sh) or a bzImage path
#   --mem      guest memory in MiB (default 1536)
#   --smp      guest CPUs (default 1: with 2, TCG breaks the kernel's live code patching,
#              which every trigger that enables a tracepoint does; see README.md)
#   --timeout  seconds before QEMU is killed (default 300)
#   --extra    merge DIR's tree into the initramfs root (e.g. a jlink JRE and a jar)
#   --append   extra kernel command-line arguments
#
# In the guest, /init mounts proc, sysfs, devtmpfs, tracefs (/sys/kernel/tracing) and a tmpfs
# on /tmp, then runs `sh /payload.sh` with stdin from /dev/null, stdout on the console (ttyS0)
# and stderr on a second serial port (ttyS1).
# Prints exactly the payload's stdout (serial \r removed) on stdout, its stderr on stderr,
# and exits with the payload's exit status; 124 on timeout, 125 if the exit marker is
# missing (then the last 40 console lines go to stderr).
# FTSQL_GUEST_CONSOLE=FILE keeps a copy of the whole serial console in FILE.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
CACHE=${FTSQL_KERNEL_CACHE:-$HOME/.cache/ftsql/kernels}

usage() { sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
die() { echo "run-guest.sh: $*" >&2; exit 2; }

KERNEL=6.1 MEM=1536 SMP=1 TIMEOUT=300 EXTRA='' APPEND='' PAYLOAD=''
while [ $# -gt 0 ]; do
    case $1 in
        --kernel) [ $# -ge 2 ] || usage; KERNEL=$2; shift 2 ;;
        --mem) [ $# -ge 2 ] || usage; MEM=$2; shift 2 ;;
        --smp) [ $# -ge 2 ] || usage; SMP=$2; shift 2 ;;
        --timeout) [ $# -ge 2 ] || usage; TIMEOUT=$2; shift 2 ;;
        --extra) [ $# -ge 2 ] || usage; EXTRA=$2; shift 2 ;;
        --append) [ $# -ge 2 ] || usage; APPEND=$2; shift 2 ;;
        -h|--help) usage ;;
        --) shift; break ;;
        -*) echo "run-guest.sh: unknown option: $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -eq 1 ] || usage
PAYLOAD=$1
[ -f "$PAYLOAD" ] || die "no such payload: $PAYLOAD"
[ -z "$EXTRA" ] || [ -d "$EXTRA" ] || die "no such directory: $EXTRA"
case $MEM in ''|*[!0-9]*) die "--mem wants a number of MiB" ;; esac
case $SMP in ''|*[!0-9]*|0) die "--smp wants a number of CPUs" ;; esac
case $TIMEOUT in ''|*[!0-9]*) die "--timeout wants a number of seconds" ;; esac

case $KERNEL in
    6.1|6.12)
        VMLINUZ=$CACHE/vmlinuz-$KERNEL
        if [ ! -s "$VMLINUZ" ] || ! command -v qemu-system-x86_64 >/dev/null 2>&1 \
            || [ ! -x /bin/busybox ] || ! command -v cpio >/dev/null 2>&1; then
            "$HERE/setup.sh" --quiet "$KERNEL" >&2
        fi ;;
    *) VMLINUZ=$KERNEL ;;
esac
[ -s "$VMLINUZ" ] || die "no kernel image: $VMLINUZ"

# --- base initramfs (busybox + /init), cached by content ---------------------------
INIT_SCRIPT='#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root
mkdir -p /proc /sys /dev /tmp /root
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t tracefs tracefs /sys/kernel/tracing 2>/dev/null \
    || echo "init: cannot mount tracefs on /sys/kernel/tracing" >&2
# A tmpfs would hide what the initramfs put under /tmp (e.g. the jar of a checkout in /tmp, kept
# at its host path for the class-data archive); the initramfs is in RAM already.
[ -z "$(ls -A /tmp)" ] && mount -t tmpfs tmpfs /tmp
err=/dev/null
[ -c /dev/ttyS1 ] && err=/dev/ttyS1
cd /
echo FTSQL-PAYLOAD-BEGIN
sh /payload.sh </dev/null 2>"$err"
rc=$?
# TCSADRAIN: wait until both serial ports have sent everything before powering off.
[ "$err" = /dev/null ] || stty -F /dev/ttyS1 onlcr 2>/dev/null
stty -F /dev/console onlcr 2>/dev/null
echo
echo "FTSQL-PAYLOAD-EXIT $rc"
stty -F /dev/console onlcr 2>/dev/null
poweroff -f
'
mkdir -p "$CACHE"
KEY=$( { printf '%s' "$INIT_SCRIPT"; cat /bin/busybox; } | sha256sum | cut -c1-16)
BASE=$CACHE/initramfs-base-$KEY.cpio.gz
if [ ! -s "$BASE" ]; then
    btmp=$(mktemp -d "$CACHE/.base.XXXXXX")
    (
        set -e
        mkdir -p "$btmp/root/bin" "$btmp/root/sys/kernel/tracing"
        cd "$btmp/root"
        mkdir proc dev tmp root etc
        cp /bin/busybox bin/busybox
        printf '%s' "$INIT_SCRIPT" >init
        chmod 0755 init bin/busybox
        find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet | gzip -9 >"$btmp/base.cpio.gz"
        mv -f "$btmp/base.cpio.gz" "$BASE"
    ) || { rm -rf "$btmp"; die "could not build the base initramfs"; }
    rm -rf "$btmp"
fi

# --- per-run parts: extra tree and payload (uncompressed cpio, appended) --------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ftsql-guest.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

mkdir "$WORK/p"
cp "$PAYLOAD" "$WORK/p/payload.sh"
chmod 0755 "$WORK/p/payload.sh"
# The uncompressed archives come first: the kernel reads any number of cpio archives
# one after the other, but after a gzip member it does not find an uncompressed one.
{
    if [ -n "$EXTRA" ]; then
        (cd "$EXTRA" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet)
    fi
    (cd "$WORK/p" && echo ./payload.sh | cpio -o -H newc -R 0:0 --quiet)
    cat "$BASE"
} >"$WORK/initrd"

# --- boot ------------------------------------------------------------------------------
: >"$WORK/console"
: >"$WORK/stderr"
rc=0
# --foreground keeps QEMU in our process group, so killing this script's group stops it.
timeout --foreground -k 5 "$TIMEOUT" qemu-system-x86_64 -accel tcg -cpu max -smp "$SMP" -m "$MEM" \
    -nographic -nodefaults -no-reboot -monitor none \
    -serial stdio -serial "file:$WORK/stderr" \
    -kernel "$VMLINUZ" -initrd "$WORK/initrd" \
    -append "console=ttyS0 quiet panic=-1 loglevel=1 no_timer_check${APPEND:+ $APPEND}" \
    </dev/null >"$WORK/console" 2>"$WORK/qemu.err" || rc=$?

tr -d '\r' <"$WORK/stderr" >&2 || true
tr -d '\r' <"$WORK/console" >"$WORK/console.txt"
[ -z "${FTSQL_GUEST_CONSOLE:-}" ] || cp "$WORK/console.txt" "$FTSQL_GUEST_CONSOLE"

fail() {
    echo "run-guest.sh: $1; last 40 console lines:" >&2
    tail -n 40 "$WORK/console.txt" >&2
    [ ! -s "$WORK/qemu.err" ] || { echo "run-guest.sh: qemu stderr:" >&2; tail -n 20 "$WORK/qemu.err" >&2; }
    exit "$2"
}
[ $rc -ne 124 ] && [ $rc -ne 137 ] || fail "timeout after ${TIMEOUT}s" 124

# Line numbers of the first begin marker and of the last exit marker after it.
read -r B E PRC < <(awk '
    !b && /FTSQL-PAYLOAD-BEGIN$/ { b = NR; next }
    b && /^FTSQL-PAYLOAD-EXIT [0-9]+$/ { e = NR; rc = $2 }
    END { print b + 0, e + 0, (e ? rc : -1) }' "$WORK/console.txt")
[ "$B" -gt 0 ] && [ "$E" -gt 0 ] || fail "payload markers missing (qemu exit $rc)" 125

# The payload's output is everything between the markers, minus the newline /init adds.
awk -v b="$B" -v e="$E" 'NR > b && NR < e { if (NR > b + 1) printf "\n"; printf "%s", $0 }' \
    "$WORK/console.txt"
exit "$PRC"
