#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/sparse.sh [--help]
#
# Run sparse (make C=2) on the .c files the series touches, on the base and
# on the whole series (FLAVOUR), and fail on any sparse warning or error
# the base does not have (compared without line numbers). The base's own
# warnings are the baseline: listed, not failed.
#
# Prints TAP. Exit: 0 no new warning, 1 new warnings (the first is named),
# 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

main() {
	local base series new
	no_args "$@"
	check_flavour
	need_tool sparse sparse
	series_results
	base=${RESULT[0]} series=${RESULT[N]}
	[[ $(cat "$base/status") == pass && $(cat "$series/status") == pass ]] ||
		die "$EX_SETUP" "sparse needs the base and the series built; run 'make build'"
	tap_plan 2
	tap_ok "base: $(wc -l <"$base/sparse") sparse warnings (the baseline)"
	tap_diag <"$base/sparse"
	new=$(new_lines "$base/sparse" "$series/sparse")
	if [[ -n $new ]]; then
		tap_not_ok "series adds $(wc -l <<<"$new") sparse warning(s)"
		tap_diag <<<"$new"
		die "$EX_FAIL" "series adds $(wc -l <<<"$new") sparse warning(s): $(head -n1 <<<"$new"); log: $series/sparse.log"
	fi
	tap_ok "series: no new sparse warnings ($(wc -l <"$series/sparse") in all)"
}

main "$@"
