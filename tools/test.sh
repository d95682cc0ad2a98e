#!/bin/bash
# The project's test command (README, .ci/run): installs what the real-kernel tests need when it is
# missing (qemu-system-x86, busybox-static, cpio and the two pinned Debian cloud kernels; see
# tools/qemu/setup.sh), then runs every unit, golden and real-kernel test with Maven, then tests the
# ./ftsql launcher (tools/test-launcher.sh).
#
#   tools/test.sh            all tests, real kernels included
#   tools/test.sh --fast     unit and golden tests only (no QEMU)
#   tools/test.sh -Dftsql.liveKernelTests=false   all but the ftsql CLI inside the guests
#                            (RealKernelLiveTest: 4-6 minutes per kernel under TCG; it runs by
#                            default, in CI too; -Dftsql.kernels=6.12 runs it on one kernel)
set -euo pipefail
cd "$(dirname "$0")/.."
kernel_tests=true
if [ "${1:-}" = "--fast" ]; then
  kernel_tests=false
  shift
fi
if [ "$kernel_tests" = true ]; then
  if [ "$(id -u)" -ne 0 ] && ! command -v qemu-system-x86_64 >/dev/null; then
    echo "tools/test.sh: the real-kernel tests need qemu-system-x86, busybox-static and cpio;" \
      "run as root once so they can be installed, or use --fast" >&2
    exit 1
  fi
  tools/qemu/setup.sh --quiet
fi
# Later -D options win, so "$@" can turn the in-guest CLI test off again.
mvn -B -ntp verify -Dftsql.kernelTests="$kernel_tests" -Dftsql.liveKernelTests="$kernel_tests" "$@"
# The README's first command: the ./ftsql launcher and its archives, with each runtime it can use.
tools/test-launcher.sh
