#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/build.sh [--help]
#
# Build the base and the whole series (FLAVOUR: debug or plain) with W=1,
# in the kept build dir, and fail on a compiler warning in a file the
# series touches that the base build does not have. The base's own
# warnings are listed, not failed. Kernels and logs stay in
# $O/results/FLAVOUR/p0 (base) and pN (series).
#
# Prints TAP. Exit: 0 both build and no new warning, 1 the series does not
# build or adds a warning, 2 setup error (including a base that does not
# build: that is not the series' fault).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

main() {
	local base series new
	no_args "$@"
	check_flavour
	series_results
	base=${RESULT[0]} series=${RESULT[N]}
	tap_plan 3
	if [[ $(cat "$base/status") != pass ]]; then
		tap_not_ok "base builds ($FLAVOUR)"
		die "$EX_SETUP" "the base does not build ($FLAVOUR): $(first_error "$base"); log: $base/build.log"
	fi
	tap_ok "base builds ($FLAVOUR, $(cat "$base/seconds") s; $(wc -l <"$base/warnings") W=1 warnings in touched files)"
	tap_diag <"$base/warnings"
	if [[ $(cat "$series/status") != pass ]]; then
		tap_not_ok "series builds"
		die "$EX_FAIL" "$(prefix_name "$N") does not build: $(first_error "$series"); log: $series/build.log"
	fi
	tap_ok "series builds ($(cat "$series/seconds") s)"
	new=$(new_lines "$base/warnings" "$series/warnings")
	if [[ -n $new ]]; then
		tap_not_ok "no new W=1 warnings in touched files"
		tap_diag <<<"$new"
		die "$EX_FAIL" "series adds $(wc -l <<<"$new") W=1 warning(s): $(head -n1 <<<"$new"); log: $series/build.log"
	fi
	tap_ok "no new W=1 warnings in touched files"
}

main "$@"
