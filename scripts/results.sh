#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/results.sh [--help]
#
# make results: the results table of the cover letter, base against
# series, from what the last runs left in $O:
#   $O/boot   make check's boot stage (FLAVOUR=debug): one row per
#             reproducer (the z3fold_repro KUnit cases, each with the
#             patch whose record in series/evidence names it) and the
#             boot test's counters
#   $O/bench-z3fold/summary.txt  make bench-z3fold (plain kernels,
#             several interleaved runs): density and throughput, with
#             zsmalloc and zbud as references
# A part whose run is missing is left out with a note saying which
# command makes it. Prints the table on stdout; writes nothing.
#
# Exit: 0 printed, 2 neither run found.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

row() { printf '  %-44s %11s %9s\n' "$@"; }

# patch_of CASE: "N/M" of the patch whose record in series/evidence names
# CASE, or "-".
patch_of() {
	local i
	for i in "${!PATCHES[@]}"; do
		if grep -Eq "^${PATCHES[i]}[[:space:]]+([a-z0-9_]+[[:space:]]+)*$1([[:space:]]|\$)" \
			"$SERIES_DIR/evidence" 2>/dev/null; then
			echo "$((i + 1))/${#PATCHES[@]}"
			return
		fi
	done
	echo "-"
}

have() { [[ -f $1/base/parsed && -f $1/series/parsed ]]; }

reproducers() {
	local dir=$OUT/boot key name keys
	echo "Reproducers (z3fold_repro KUnit suite, debug kernel; make check):"
	row "case (patch)" base series
	mapfile -t keys < <(grep -o '^repro\.[a-z0-9_]*' "$dir/series/parsed")
	for key in "${keys[@]}"; do
		name=${key#repro.z3fold_repro_}
		row "$name ($(patch_of "${key#repro.}"))" \
			"$(kv_get "$dir/base/parsed" "$key")" "$(kv_get "$dir/series/parsed" "$key")"
	done
	echo "  (,splat: the kernel log gate matched while the case ran)"
}

# counters DIR ROW...: ROW is "KEY|LABEL"; a missing value prints "-".
counters() {
	local dir=$1 spec key b s
	shift
	for spec in "$@"; do
		key=${spec%%|*}
		b=$(kv_get "$dir/base/parsed" "$key")
		s=$(kv_get "$dir/series/parsed" "$key")
		row "${spec#*|}" "${b:--}" "${s:--}"
	done
}

main() {
	no_args "$@"
	read_series
	local bench=$OUT/bench-z3fold/summary.txt
	have "$OUT/boot" || [[ -f $bench ]] ||
		die "$EX_SETUP" "no boot results in $OUT/boot or $bench; run make check (or make boot) and make bench-z3fold"
	if have "$OUT/boot"; then
		reproducers
		echo
		echo "Boot test: zswap on z3fold under swap pressure and compaction,"
		echo "256 MiB guest, KASAN + lockdep + kmemleak (make check):"
		row "" base series
		counters "$OUT/boot" "result|result" \
			"counter.pages_corrupt|pages read back wrong" \
			"counter.end_z3fold_handle|handle slots left after swapoff" \
			"counter.end_pool_total_size|pool bytes left after swapoff" \
			"counter.written_back|pages zswap wrote back to swap" \
			"counter.reclaim_fail|zswap shrink runs that failed" \
			"counter.migrated|pages migrated (all of memory)"
	else
		echo "(no reproducer and boot-test rows: run make check or make boot)"
	fi
	echo
	if [[ -f $bench ]]; then
		sed 's/^/  /; s/ *$//' "$bench"
	else
		echo "(no density and throughput rows: run make bench-z3fold)"
	fi
}

main "$@"
