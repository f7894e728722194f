#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/bench-z3fold.sh [--help] [--runs N] [--rounds N] [--seed N]
#                                 [--table]
#
# make bench-z3fold: what the series does to z3fold. Boots plain kernels
# (FLAVOUR=plain: no KASAN, lockdep or kmemleak) with the boot test's
# stress and no KUnit, the same seed for all, interleaved so that the
# machine's drift hits every configuration alike:
#   base      the base kernel, zswap on z3fold
#   series    the series kernel, zswap on z3fold
#   zsmalloc  the series kernel, zswap on zsmalloc (reference)
#   zbud      the series kernel, zswap on zbud (reference)
# and repeats the round N times (default 5). The guest's workload is its
# fill/page-out/read-back cycle ROUNDS times (default 3, against make
# check's 1: a longer stress times more steadily). Prints, per configuration,
# the median and range of: density (compressed pages per 100 pool pages,
# stored_pages over pool_total_size / PAGE_SIZE, averaged over the
# stress), pages stored and rejected (allocation failures and poor
# compression), zswap shrink runs that failed, pages written back, and
# the guest's own pages per second over its fixed workload; then the
# ratios series/base and z3fold/zsmalloc, run by run. The table is kept in
# $O/bench-z3fold/summary.txt for make results; --table prints it again
# from the last run's boots, booting nothing.
#
# A benchmark, not a gate: only the series must pass the boot test's
# gates; the other boots are evidence. Nothing here asserts a number.
#
# Exit: 0 the series passed every boot, 1 it failed one or does not
# build, 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

readonly CONFIGS=(base series zsmalloc zbud)

# boot_one RUNDIR CONFIG: one boot of CONFIG into RUNDIR/CONFIG.
boot_one() {
	local dir=$1 config=$2 image=${RESULT[N]}/bzImage rc=0
	local -a args=(--out "$dir" --seed "$SEED" --no-kunit
		--init-arg "rounds=$ROUNDS")

	case $config in
	base) image=${RESULT[0]}/bzImage ;;
	zsmalloc | zbud)
		# a reference pool is measured, not gated on z3fold's paths
		args+=(--init-arg "zpool=$config" --init-arg min_writeback=0) ;;
	esac
	mkdir -p -- "$dir"
	"$REPO/scripts/boot.sh" "${args[@]}" "$config=$image" \
		>"$dir/$config.tap" 2>&1 || rc=$?
	case $rc in
	0) ;;
	2) die "$EX_SETUP" "$config: boot.sh could not run; log: $dir/$config.tap" ;;
	*)
		[[ $config != series ]] ||
			die "$EX_FAIL" "series failed the boot test in $(basename "$dir"): $(grep -m1 '^boot: ' "$dir/$config.tap" || echo "exit $rc"); log: $dir/$config.tap"
		;;
	esac
	printf '%s %s %s\n' "$(basename "$dir")" "$config" "$config/parsed" >>"$INDEX"
}

# summarise DIR: the table, from every boot's parsed counters.
summarise() {
	(cd -- "$1" && awk -v configs="${CONFIGS[*]}" -f "$REPO/scripts/awk/stats.awk" \
		-f "$REPO/scripts/awk/bench-z3fold-table.awk" index)
}

# write_summary DIR: summary.txt from DIR's boots; prints it.
write_summary() {
	local dir=$1
	[[ -s $dir/index ]] || die "$EX_SETUP" "no boots in $dir; run make bench-z3fold"
	{
		echo "make bench-z3fold: plain kernels under QEMU TCG (256 MiB, 2 CPUs),"
		echo "$(cat -- "$dir/workload"); base, series, zsmalloc and zbud interleaved;"
		echo "zsmalloc and zbud run on the series kernel. Emulated timings mean"
		echo "something only as ratios within one run."
		echo
		summarise "$dir"
	} >"$dir/summary.txt"
	cat -- "$dir/summary.txt"
}

main() {
	local runs=5 r config dir=$OUT/bench-z3fold start table=0
	SEED=1 ROUNDS=3
	while (($#)); do
		case $1 in
		-h | --help) usage_from_header; exit 0 ;;
		--table) table=1 ;;
		--runs | --seed | --rounds)
			[[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "$EX_SETUP" "$1 wants a positive number"
			case $1 in
			--runs) runs=$2 ;;
			--seed) SEED=$2 ;;
			--rounds) ROUNDS=$2 ;;
			esac
			shift
			;;
		*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
		esac
		shift
	done
	if ((table)); then
		write_summary "$dir"
		return
	fi
	need_branch
	FLAVOUR=plain
	export FLAVOUR
	"$REPO/scripts/base.sh" >/dev/null
	series_results
	for r in 0 "$N"; do
		[[ $(cat "${RESULT[r]}/status") == pass ]] ||
			die "$EX_FAIL" "$(prefix_name "$r") does not build (plain): $(first_error "${RESULT[r]}"); log: ${RESULT[r]}/build.log"
	done
	rm -rf -- "$dir"
	mkdir -p -- "$dir"
	INDEX=$dir/index
	: >"$INDEX"
	echo "seed $SEED, rounds $ROUNDS" >"$dir/workload"
	start=$SECONDS
	for ((r = 1; r <= runs; r++)); do
		for config in "${CONFIGS[@]}"; do
			msg "run $r/$runs: $config"
			boot_one "$dir/run$r" "$config"
		done
	done
	write_summary "$dir"
	msg "$((runs * ${#CONFIGS[@]})) boots in $((SECONDS - start)) s; table in $dir/summary.txt (make results)"
}

main "$@"
