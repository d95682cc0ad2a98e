#!/bin/bash
# Prepare the host for the QEMU harness (idempotent).
#
#   tools/qemu/setup.sh [--quiet] [6.1|6.12 ...]
#
# - installs qemu-system-x86, busybox-static, cpio, gzip with apt-get when missing
#   (runs `apt-get update` first only when something has to be installed or looked up);
# - downloads the kernel .debs pinned in kernels.env with `apt-get download` into
#   ${FTSQL_KERNEL_CACHE:-$HOME/.cache/ftsql/kernels} and extracts vmlinuz-6.1 / vmlinuz-6.12.
# Work already done is skipped. Prints the kernel paths unless --quiet.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=kernels.env
. "$HERE/kernels.env"
CACHE=${FTSQL_KERNEL_CACHE:-$HOME/.cache/ftsql/kernels}

QUIET=0
VERSIONS=()
for a in "$@"; do
    case $a in
        --quiet|-q) QUIET=1 ;;
        6.1|6.12) VERSIONS+=("$a") ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "setup.sh: unknown argument: $a" >&2; exit 2 ;;
    esac
done
[ ${#VERSIONS[@]} -gt 0 ] || VERSIONS=(6.1 6.12)

die() { echo "setup.sh: $*" >&2; exit 1; }

SUDO=
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || die "not root and no sudo: cannot run apt-get"
    SUDO=sudo
fi

# Run a command quietly; show its output only if it fails.
quietly() {
    local log rc=0
    log=$(mktemp)
    "$@" >"$log" 2>&1 || rc=$?
    if [ $rc -ne 0 ]; then
        cat "$log" >&2
        rm -f "$log"
        die "failed ($rc): $*"
    fi
    rm -f "$log"
}

APT_UPDATED=0
apt_update_once() {
    [ $APT_UPDATED -eq 1 ] && return 0
    quietly $SUDO apt-get update -q
    APT_UPDATED=1
}

# --- host packages ----------------------------------------------------------
installed() { dpkg-query -W -f='${Status}\n' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
for p in qemu-system-x86 busybox-static cpio gzip; do
    installed "$p" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    apt_update_once
    quietly $SUDO env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
for c in qemu-system-x86_64 cpio gzip dpkg-deb tar timeout base64; do
    command -v "$c" >/dev/null 2>&1 || die "missing command after install: $c"
done
[ -x /bin/busybox ] || die "missing /bin/busybox (package busybox-static)"

# --- kernels ----------------------------------------------------------------
mkdir -p "$CACHE"
TMPDIRS=()
cleanup() { [ ${#TMPDIRS[@]} -eq 0 ] || rm -rf "${TMPDIRS[@]}"; }
trap cleanup EXIT

in_apt() { [ -n "$(apt-cache madison "$1" 2>/dev/null)" ]; }

# resolve_pkg PINNED REGEX: the pinned package if apt knows it, else the newest match.
resolve_pkg() {
    local pinned=$1 re=$2 newest _
    for _ in 1 2; do
        if in_apt "$pinned"; then echo "$pinned"; return 0; fi
        newest=$(apt-cache pkgnames linux-image-6 2>/dev/null | grep -E "$re" | sort -V | tail -n 1 || true)
        [ -z "$newest" ] || break
        # Nothing known at all: the package lists are probably missing or stale.
        [ $APT_UPDATED -eq 0 ] || break
        apt_update_once
    done
    [ -n "$newest" ] || die "no package matches $re (and $pinned is not in apt)"
    echo "setup.sh: note: $pinned is not in apt; using $newest (update tools/qemu/kernels.env)" >&2
    echo "$newest"
}

# is_bzimage FILE: the x86 boot header magic "HdrS" at offset 0x202.
is_bzimage() { [ -s "$1" ] && [ "$(dd if="$1" bs=1 skip=514 count=4 2>/dev/null)" = HdrS ]; }

fetch_kernel() {
    local ver=$1 pinned re pkg out=$CACHE/vmlinuz-$1 tmp deb
    case $ver in
        6.1) pinned=$KERNEL_6_1_PKG; re=$KERNEL_6_1_FALLBACK_RE ;;
        6.12) pinned=$KERNEL_6_12_PKG; re=$KERNEL_6_12_FALLBACK_RE ;;
    esac
    # Already extracted from the pinned package: nothing to do (works offline).
    if is_bzimage "$out" && [ "$(cat "$out.pkg" 2>/dev/null)" = "$pinned" ]; then
        return 0
    fi
    pkg=$(resolve_pkg "$pinned" "$re")
    if is_bzimage "$out" && [ "$(cat "$out.pkg" 2>/dev/null)" = "$pkg" ]; then
        return 0
    fi
    tmp=$(mktemp -d "$CACHE/.dl.XXXXXX")
    TMPDIRS+=("$tmp")
    deb=$(ls "$CACHE/${pkg}"_*.deb 2>/dev/null | sort -V | tail -n 1 || true)
    if [ -z "$deb" ] || ! dpkg-deb --info "$deb" >/dev/null 2>&1; then
        (cd "$tmp" && quietly apt-get download -q -o APT::Sandbox::User=root "$pkg")
        deb=$(ls "$tmp/${pkg}"_*.deb 2>/dev/null | head -n 1 || true)
        [ -n "$deb" ] || die "apt-get download $pkg produced no .deb"
        mv -f "$deb" "$CACHE/"
        deb=$CACHE/$(basename "$deb")
    fi
    dpkg-deb --fsys-tarfile "$deb" | tar -x -O --wildcards './boot/vmlinuz-*' >"$tmp/vmlinuz" \
        || die "could not extract ./boot/vmlinuz-* from $deb"
    is_bzimage "$tmp/vmlinuz" || die "extracted file is not a bzImage: $deb"
    echo "$pkg" >"$tmp/pkg"
    mv -f "$tmp/vmlinuz" "$out"
    mv -f "$tmp/pkg" "$out.pkg"
    rm -rf "$tmp"
}

for v in "${VERSIONS[@]}"; do
    fetch_kernel "$v"
    [ $QUIET -eq 1 ] || echo "vmlinuz-$v: $CACHE/vmlinuz-$v ($(cat "$CACHE/vmlinuz-$v.pkg"))"
done
