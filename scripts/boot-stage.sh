#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/boot-stage.sh [--help]
#
# The boot stage of make check: the base and the whole series, FLAVOUR's
# kernels as the build stage made them, booted under QEMU with the z3fold
# stress and the KUnit suites (scripts/boot.sh). The series must pass;
# the base's boot is evidence only, and kept while its image, the guest
# and the boot arguments are the same. Results in $O/boot.
#
# Environment: BOOT_TIMEOUT (seconds a guest may run, default 240: the
# stress on a 6.12 debug kernel took 217 s on a loaded machine here).
#
# Exit: 0 the series passed, 1 it failed, 2 setup error, 124 its guest
# was killed (stall or timeout).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

main() {
	no_args "$@"
	series_results
	"$REPO/scripts/boot.sh" --out "$OUT/boot" --must-pass series --reuse-evidence \
		--timeout "${BOOT_TIMEOUT:-240}" \
		"base=${RESULT[0]}/bzImage" "series=${RESULT[N]}/bzImage"
}

main "$@"
