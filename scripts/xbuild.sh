#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/xbuild.sh [--help]
#
# The builds 0-day will try once the series is posted, before it is: the
# base and the whole series for each target of XBUILDS (default: every
# one of clang i386 arm64-64k module; see scripts/build-prefix.sh), W=1,
# each in its own kept build dir with ccache. Only what the series adds
# fails: a target where the series does not build, or a compiler, linker
# or modpost warning in a file the series touches that the base's build
# of that target does not have. The base's own warnings are listed. A
# base that does not build on a target is a setup error (not the series'
# fault). Nothing boots: the boot test stays x86_64.
#
# Prints TAP, one line per target. Exit: 0 every target passed, 1 the
# series breaks a target (every broken target is listed; the first is
# named), 2 setup error (a tool is missing, a base that does not build).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

# judge TARGET BASE_RESULT SERIES_RESULT: one TAP line; if not ok, sets
# REASON and returns 1 (the series) or 2 (the base).
judge() {
	local t=$1 base=$2 series=$3 new n=${#PATCHES[@]}
	if [[ $(cat "$base/status") != pass ]]; then
		tap_not_ok "$t: base builds"
		REASON="$t: the base does not build: $(first_error "$base"); log: $base/build.log"
		return "$EX_SETUP"
	fi
	if [[ $(cat "$series/status") != pass ]]; then
		tap_not_ok "$t: series builds"
		REASON="$t: $(prefix_name "$n") does not build: $(first_error "$series"); log: $series/build.log"
		return "$EX_FAIL"
	fi
	new=$(new_lines "$base/warnings" "$series/warnings")
	if [[ -n $new ]]; then
		tap_not_ok "$t: no new warnings in touched files"
		tap_diag <<<"$new"
		REASON="$t: series adds $(wc -l <<<"$new") warning(s): $(head -n1 <<<"$new"); log: $series/build.log"
		return "$EX_FAIL"
	fi
	tap_ok "$t: base ($(cat "$base/seconds") s) and series ($(cat "$series/seconds") s) build, no new warning"
	tap_diag <"$base/warnings"
}

main() {
	local t targets rc code=0 first='' out broken=0
	no_args "$@"
	read -ra targets <<<"${XBUILDS:-clang i386 arm64-64k module}"
	[[ ${#targets[@]} -gt 0 ]] || die "$EX_SETUP" "XBUILDS names no target"
	load_base
	read_series
	tap_plan "${#targets[@]}"
	for t in "${targets[@]}"; do
		out=$("$REPO/scripts/build-prefix.sh" --target "$t" 0 "${#PATCHES[@]}") ||
			die "$EX_SETUP" "$t: the builds could not run (see above)"
		mapfile -t RESULT <<<"$out"
		rc=0
		judge "$t" "${RESULT[0]}" "${RESULT[1]}" || rc=$?
		((rc != 0)) || continue
		msg "$REASON"
		broken=$((broken + 1))
		# A setup error outranks a finding; otherwise the first one wins.
		if ((rc == EX_SETUP || code == 0)); then
			code=$rc first=$REASON
		fi
	done
	((broken < 2)) || first="$first (and $((broken - 1)) more target(s) above)"
	((code == 0)) || die "$code" "$first"
}

main "$@"
