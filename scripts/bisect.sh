#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/bisect.sh [--help]
#
# Bisectability: build every prefix of the series (patch 1, 1-2, ... 1-N)
# incrementally in the same build dir (FLAVOUR), and check that each one
# builds and adds no W=1 or sparse warning, in the files the series
# touches, over the base. Prefixes built before with the same inputs are
# reused.
#
# Prints TAP, one line per prefix. Exit: 0 every prefix is clean, 1 a
# prefix fails (the first one is named), 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

# prefix_problem K: why prefix K is not clean, or nothing.
prefix_problem() {
	local dir=${RESULT[$1]} base=${RESULT[0]} new
	if [[ $(cat "$dir/status") != pass ]]; then
		echo "does not build: $(first_error "$dir"); log: $dir/build.log"
		return
	fi
	new=$(new_lines "$base/warnings" "$dir/warnings")
	[[ -z $new ]] || { echo "adds a W=1 warning: $(head -n1 <<<"$new"); log: $dir/build.log"; return; }
	new=$(new_lines "$base/sparse" "$dir/sparse")
	[[ -z $new ]] || echo "adds a sparse warning: $(head -n1 <<<"$new"); log: $dir/sparse.log"
}

main() {
	local n k problem first=''
	no_args "$@"
	check_flavour
	series_results all
	n=$N
	[[ $(cat "${RESULT[0]}/status") == pass ]] ||
		die "$EX_SETUP" "the base does not build ($FLAVOUR): $(first_error "${RESULT[0]}"); log: ${RESULT[0]}/build.log"
	tap_plan "$n"
	for ((k = 1; k <= n; k++)); do
		problem=$(prefix_problem "$k")
		if [[ -z $problem ]]; then
			tap_ok "$(prefix_name "$k") ($(cat "${RESULT[k]}/seconds") s)"
			continue
		fi
		tap_not_ok "$(prefix_name "$k") $problem"
		[[ -n $first ]] || first="first bad: $(prefix_name "$k") $problem"
	done
	[[ -z $first ]] || die "$EX_FAIL" "$first"
}

main "$@"
