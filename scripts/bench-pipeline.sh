#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/bench-pipeline.sh [--help] [--runs N] [--fresh] [--table]
#
# make bench-pipeline: how fast make check is on this machine. Each run
# times, on a copy of series/ (series/ itself is never touched):
#   cold         make check in a fresh output dir (the base is already
#                extracted; ccache is as the machine has it)
#   warm         make check again, nothing changed
#   edit         make check after one comment line of mm/z3fold.c changed
#                in the last patch's body (a new line each run)
#   edit-noboot  the same after another such edit, with BOOT=no
# N runs (default 3), one after the other; prints for each phase the
# median and range of the wall time and each stage's median, and the
# targets beside them: a fresh machine's make check 30 min, a re-check
# after an edit 4 min, 1 min without boot. --fresh makes each run start
# as a fresh machine would, but for the packages: an empty ccache and an
# empty cache dir (the base extracted again, inside the timed cold run).
# WIDE=yes adds the wide stages to every phase but edit-noboot.
# Output dirs: $O/bench-pipeline/runK;
# the table is kept in $O/bench-pipeline/summary.txt; --table prints it
# again from the last run's times, running nothing.
#
# A benchmark, not a gate; every make check must still pass.
#
# Exit: 0 measured, 1 a make check failed, 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

readonly PHASES=(cold warm edit edit-noboot)
mapfile -t STAGE_NAMES < <("$REPO/scripts/check.sh" --list-stages)
readonly STAGE_NAMES

# edit_comment SERIES TAG: change one comment line of mm/z3fold.c that the
# last patch adds (a one-line comment or a line of a block comment), so
# that the line is new (TAG makes it unique).
edit_comment() {
	local dir=$1 tag=$2 last
	last=$(sed 's/#.*//' "$dir/series" | awk 'NF { name = $1 } END { print name }')
	awk -v tag="$tag" '
		/^\+\+\+ / { file = $2 }
		# a one-line comment, or a line of a block comment
		!done && file == "b/mm/z3fold.c" && /^\+\t+\/\* .* \*\/$/ {
			sub(/( \(edit [0-9a-z]+\))? \*\/$/, " (edit " tag ") */"); done = 1
		}
		!done && file == "b/mm/z3fold.c" && /^\+\t* \* [A-Za-z@].*[^\/]$/ {
			sub(/ \(edit [0-9a-z]+\)$/, ""); $0 = $0 " (edit " tag ")"; done = 1
		}
		{ print }
		END { exit !done }' "$dir/$last" >"$dir/$last.new" ||
		die "$EX_SETUP" "$last: no comment line added to mm/z3fold.c to edit"
	mv -- "$dir/$last.new" "$dir/$last"
}

# timed_check RUN PHASE [VAR=VALUE...]: make check on the copy, in RUN's
# output dir; records "RUN PHASE WALL STAGE=SECS..." in $TIMES.
timed_check() {
	local run=$1 phase=$2 out=$WORK_DIR/run$1 start wall rc=0 line s t
	shift 2
	msg "run $run: $phase"
	if ((FRESH)); then
		set -- "$@" CACHE="$WORK_DIR/cache-run$run" CCACHE_DIR="$WORK_DIR/ccache-run$run"
	fi
	start=$(date +%s%N)
	env "$@" O="$out" SERIES="$WORK_DIR/series-run$run" \
		"$REPO/scripts/check.sh" >"$WORK_DIR/run$run-$phase.log" 2>&1 || rc=$?
	wall=$((($(date +%s%N) - start) / 1000000))
	((rc == 0)) ||
		die "$EX_FAIL" "run $run, $phase: make check failed (exit $rc); log: $WORK_DIR/run$run-$phase.log"
	line="$run $phase $wall"
	for s in "${STAGE_NAMES[@]}"; do
		t=$(awk -F'\t' -v s="$s" '$1 == s { print $4 }' "$out/results.tsv")
		line+=" $s=${t:--}"
	done
	echo "$line" >>"$TIMES"
}

# summarise: the table from $TIMES.
summarise() {
	awk -v phases="${PHASES[*]}" -v stages="${STAGE_NAMES[*]}" -v fresh="$FRESH" \
		-f "$REPO/scripts/awk/stats.awk" -f "$REPO/scripts/awk/bench-pipeline-table.awk" "$TIMES"
}

# write_summary: summary.txt from $TIMES and the notes of the run; prints it.
write_summary() {
	[[ -s $TIMES ]] || die "$EX_SETUP" "no timings in $TIMES; run make bench-pipeline"
	{
		cat -- "$WORK_DIR/notes"
		echo
		summarise
	} >"$WORK_DIR/summary.txt"
	cat -- "$WORK_DIR/summary.txt"
}

main() {
	local runs=3 r ccache_note table=0
	FRESH=0
	WORK_DIR=$OUT/bench-pipeline
	TIMES=$WORK_DIR/times
	while (($#)); do
		case $1 in
		-h | --help) usage_from_header; exit 0 ;;
		--table) table=1 ;;
		--fresh) FRESH=1 ;;
		--runs)
			[[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "$EX_SETUP" "--runs wants a positive number"
			runs=$2
			shift
			;;
		*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
		esac
		shift
	done
	if ((table)); then
		FRESH=$(grep -c '^fresh:' "$WORK_DIR/notes" || true)
		write_summary
		return
	fi
	need_branch
	"$REPO/scripts/deps.sh" check
	"$REPO/scripts/base.sh" >/dev/null # extracted before the clock starts
	[[ $WORK_DIR != *[[:space:]:]* ]] ||
		die "$EX_SETUP" "O=$OUT: the runs need an output path without spaces or colons"
	rm -rf -- "$WORK_DIR"
	mkdir -p -- "$WORK_DIR"
	: >"$TIMES"
	ccache_note="no ccache"
	if ((FRESH)); then
		ccache_note="fresh: each run starts with an empty ccache and cache dir"
	elif command -v ccache >/dev/null; then
		ccache_note="ccache $(ccache -k cache_dir) held $(ccache -s | awk '/Cache size/ { print $4; exit }') GB before the first run"
	fi
	{
		echo "make bench-pipeline: make check on $(nproc) cores, $runs run(s), $FLAVOUR flavour, WIDE=${WIDE:-no};"
		echo "$ccache_note. Stage columns: median seconds."
	} >"$WORK_DIR/notes"
	for ((r = 1; r <= runs; r++)); do
		rm -rf -- "$WORK_DIR/run$r" "$WORK_DIR/series-run$r"
		cp -R -- "$SERIES_DIR" "$WORK_DIR/series-run$r"
		# The identity the branches share goes with the copy.
		[[ -f $WORK_DIR/series-run$r/identity || ! -f $(identity_file) ]] ||
			cp -- "$(identity_file)" "$WORK_DIR/series-run$r/identity"
		timed_check "$r" cold
		timed_check "$r" warm
		edit_comment "$WORK_DIR/series-run$r" "${r}a"
		timed_check "$r" edit
		edit_comment "$WORK_DIR/series-run$r" "${r}b"
		timed_check "$r" edit-noboot BOOT=no WIDE=no
		# keep the last run's output only: each holds kernel builds
		((r == runs)) || rm -rf -- "$WORK_DIR/run$r"
		rm -rf -- "$WORK_DIR/cache-run$r" "$WORK_DIR/ccache-run$r"
	done
	write_summary
}

main "$@"
