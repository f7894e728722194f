#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/bench.sh [--help] [--seed N]
#
# make bench: the boot test's stress on plain kernels (FLAVOUR=plain: no
# KASAN, lockdep or kmemleak), base and series, for the density and
# throughput rows of the cover letter's table (make results). Builds both
# in the plain build dir and boots each with the same seed (default 1)
# into $O/bench/base and $O/bench/series. A benchmark, not a gate: the
# series must still pass the boot test's gates, the base's failures are
# printed as evidence. The KUnit suites do not run (make check runs them).
# Prints boot.sh's TAP and table, and the wall time.
#
# Exit: 0 the series passed, 1 it failed or does not build, 2 setup error.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

main() {
	local seed=1 n k start
	while (($#)); do
		case $1 in
		-h | --help) usage_from_header; exit 0 ;;
		--seed)
			[[ ${2:-} =~ ^[0-9]+$ ]] || die "$EX_SETUP" "--seed wants a number"
			seed=$2
			shift
			;;
		*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
		esac
		shift
	done
	FLAVOUR=plain
	export FLAVOUR
	"$REPO/scripts/base.sh" >/dev/null
	load_base
	read_series
	n=${#PATCHES[@]}
	build_results 0 "$n"
	for k in 0 "$n"; do
		[[ $(cat "${RESULT[k]}/status") == pass ]] ||
			die "$EX_FAIL" "$(prefix_name "$k") does not build (plain): $(first_error "${RESULT[k]}"); log: ${RESULT[k]}/build.log"
	done
	start=$SECONDS
	"$REPO/scripts/boot.sh" --out "$OUT/bench" --seed "$seed" --must-pass series --no-kunit \
		"base=${RESULT[0]}/bzImage" "series=${RESULT[n]}/bzImage" || return $?
	msg "plain boots of base and series: $((SECONDS - start)) s; make results puts them in the cover letter's table"
}

main "$@"
