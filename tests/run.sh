#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/run.sh [--quick] [--jobs N] [SUITE...]
#
# make test: the quick self-tests, then make check on the real series
# (BRANCH=6.1.y, or the BRANCH of the environment), the
# boot test's self-tests on real kernels (a hang, a panic, a kernel with a
# broken z3fold_free()), the GitLab pipeline's jobs run by
# gitlab-ci-local (tests/ci-engine.sh), and, without BRANCH, make check
# WIDE=no of every other branch (6.12.y). make test-quick (--quick): the
# quick self-tests alone: tests/t-*.sh (the scripts against a fake tree,
# fake QEMU and fake spatch; the guest's helpers and the initramfs),
# cocci-rules (the Coccinelle rule tests) and boot-canned (the boot
# test's gates on canned logs).
#
# The quick suites run side by side, --jobs N at a time (default: the
# number of cores plus one, as some suites mostly wait: boot-canned's
# fake guests go silent on purpose), the longest first by the seconds
# each took last time ($O/test-seconds); each suite's TAP is printed
# whole, in that order. A SUITE argument (or SUITES="a b" in the
# environment, as a CI job can set it) runs only the quick suites named,
# e.g. t-send.sh cocci-rules.
#
# Prints each suite's TAP, a line of its counts and seconds, and a closing
# "N passed, N failed, N skipped in N s" line. A "# SKIP" test counts as
# skipped, not passed; a suite whose plan does not match the tests it
# printed, or that exits non-zero without a "not ok" line, counts one
# failure more.
#
#   TESTS_DIR=DIR  take the t-*.sh suites from DIR (tests of this runner)
#
# Exit: 0 when nothing failed, 1 a test failed, 2 usage error.
set -uo pipefail
# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
lib_init series

PASSED=0 FAILED=0 SKIPPED=0
TESTS_DIR=$(abspath "${TESTS_DIR:-$REPO/tests}")

# count_suite NAME LOG RC SECONDS: add a finished suite's TAP (in LOG) to
# the totals and print its counts line.
count_suite() {
	local name=$1 log=$2 rc=$3 took=$4 counts p f s plan
	counts=$(awk -f "$REPO/scripts/awk/tap-count.awk" "$log")
	read -r p f s plan <<<"$counts"
	if [[ $plan != ok ]]; then
		f=$((f + 1))
		printf 'not ok - %s: TAP plan %s\n' "$name" "$plan"
	elif [[ $rc -ne 0 && $f -eq 0 ]]; then
		f=1
		printf 'not ok - %s exited %d\n' "$name" "$rc"
	fi
	PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
	printf '# %s: %d passed, %d failed, %d skipped in %d s\n' "$name" "$p" "$f" "$s" "$took"
}

# run_suite NAME CMD...: run a TAP-printing suite, its output streamed.
run_suite() {
	local name=$1 rc start=$SECONDS
	shift
	printf '=== %s\n' "$name"
	# tee to a file, not /dev/stderr: reopening that on a redirected
	# stderr starts at offset 0 and overwrites what was printed before.
	"$@" 2>&1 | tee "$RUN_DIR/stream.tap"
	rc=${PIPESTATUS[0]}
	count_suite "$name" "$RUN_DIR/stream.tap" "$rc" "$((SECONDS - start))"
}

# quick_suite NAME: the command of a quick suite, one word per line.
quick_suite() {
	case $1 in
	cocci-rules) echo "$REPO/scripts/cocci-test.sh" ;;
	boot-canned) printf '%s\n' "$REPO/tests/boot/run.sh" --quick ;;
	t-*.sh) [[ -f $TESTS_DIR/$1 ]] && echo "$TESTS_DIR/$1" ;;
	*) return 1 ;;
	esac
}

# quick_names: every quick suite, longest first by the seconds it took
# last time (one not timed yet first of all), one per line.
quick_names() {
	local t secs names=()
	for t in "$TESTS_DIR"/t-*.sh; do
		[[ -f $t ]] && names+=("${t##*/}")
	done
	[[ $TESTS_DIR != "$REPO/tests" ]] || names+=(cocci-rules boot-canned)
	for t in "${names[@]}"; do
		secs=$(kv_get "$TIMES" "$t")
		printf '%s %s\n' "${secs:-999999}" "$t"
	done | sort -k1,1nr -k2,2 | cut -d' ' -f2
}

# start_suite NAME: run quick suite NAME in the background, its TAP into
# RUN_DIR/NAME.tap and "RC SECONDS" into RUN_DIR/NAME.rc when it ends.
start_suite() {
	local name=$1 cmd=()
	mapfile -t cmd <<<"$(quick_suite "$name")"
	(
		start=$SECONDS
		"${cmd[@]}" >"$RUN_DIR/$name.tap" 2>&1 </dev/null
		echo "$? $((SECONDS - start))" >"$RUN_DIR/$name.rc.tmp"
		mv -f "$RUN_DIR/$name.rc.tmp" "$RUN_DIR/$name.rc"
	) &
}

# print_done: print the suites that ended, in start order, up to the first
# one still running. NEXT indexes ORDER.
print_done() {
	local name rc took
	while ((NEXT < ${#ORDER[@]})); do
		name=${ORDER[NEXT]}
		[[ -f $RUN_DIR/$name.rc ]] || return 0
		read -r rc took <"$RUN_DIR/$name.rc"
		printf '=== %s\n' "$name"
		cat -- "$RUN_DIR/$name.tap"
		count_suite "$name" "$RUN_DIR/$name.tap" "$rc" "$took"
		printf '%s %s\n' "$name" "$took" >>"$RUN_DIR/seconds"
		NEXT=$((NEXT + 1))
	done
}

# quick_suites NAME...: the quick suites named (all when none), JOBS_TESTS
# at a time; then their seconds into TIMES for the next run's order.
quick_suites() {
	local name started=0 wanted=" $* "
	ORDER=() NEXT=0
	for name in "$@"; do
		quick_suite "$name" >/dev/null ||
			die "$EX_SETUP" "no quick suite '$name' (t-*.sh of $TESTS_DIR, cocci-rules, boot-canned)"
	done
	for name in $(quick_names); do
		[[ $# -eq 0 || $wanted == *" $name "* ]] && ORDER+=("$name")
	done
	for name in "${ORDER[@]}"; do
		while (($(suites_running "$started") >= JOBS_TESTS)); do
			wait_suite || break
		done
		start_suite "$name"
		started=$((started + 1))
	done
	while (($(suites_running "$started") > 0)); do
		wait_suite || break
	done
	# A suite killed before it could write its status failed.
	for name in "${ORDER[@]}"; do
		[[ -f $RUN_DIR/$name.rc ]] || echo "255 0" >"$RUN_DIR/$name.rc"
	done
	print_done
	# Only a whole run sets the order of the next.
	if [[ $# -eq 0 ]]; then
		mkdir -p "${TIMES%/*}" && write_atomic "$TIMES" <"$RUN_DIR/seconds"
	fi
}

# wait_suite: wait for a child to end and print what ended; fails when no
# child is left.
wait_suite() {
	local rc=0
	wait -n || rc=$?
	print_done
	[[ $rc -ne 127 || -n $(jobs -p) ]]
}

# suites_running STARTED: how many of the STARTED suites have not ended
# (counted by their .rc files, whatever child wait -n saw end).
suites_running() {
	local done=("$RUN_DIR"/*.rc)
	[[ -e ${done[0]} ]] || done=()
	echo "$(($1 - ${#done[@]}))"
}

# check_branch BRANCH WHAT: make check of BRANCH's real series, counted
# as one suite.
check_branch() {
	printf '=== make check BRANCH=%s (%s)\n' "$1" "$2"
	if make -C "$REPO" --no-print-directory check BRANCH="$1"; then
		PASSED=$((PASSED + 1))
	else
		FAILED=$((FAILED + 1))
	fi
}

# real_suites: make check on the real series, then a hang, a panic and a
# broken kernel booted with make check's kernels, then the pipeline's
# jobs by a CI engine, then the other branches' make check.
real_suites() {
	local kernel b
	# The 6.1.y branch, or BRANCH's: its kernels are the ones booted below.
	local branch=${BRANCH:-6.1.y}
	check_branch "$branch" "the real series"
	SERIES_DIR=$SERIES_ROOT/$branch read_series
	kernel=$O_ROOT/$branch/results/debug/p${#PATCHES[@]}/bzImage
	run_suite "boot test, real kernels" "$REPO/tests/boot/run.sh" \
		--real --build-broken --work "$OUT/test-boot" --kernel "$kernel"
	run_suite "the GitLab pipeline, by gitlab-ci-local" "$REPO/tests/ci-engine.sh"
	# Unless BRANCH names one, every other branch too, in full but for
	# the wide stages: CI's hour has room for one branch's (the CI
	# engines' matrix runs every branch with them).
	[[ -z ${BRANCH:-} ]] || return 0
	for b in "${BRANCHES[@]}"; do
		[[ $b == "$branch" ]] ||
			WIDE=no check_branch "$b" "the real series, without the wide stages"
	done
}

main() {
	local quick=0 suites=()
	JOBS_TESTS=$(($(nproc) + 1))
	while (($#)); do
		case $1 in
		-h | --help) usage_from_header; exit 0 ;;
		--quick) quick=1 ;;
		--jobs)
			[[ ${2:-} =~ ^[1-9][0-9]*$ ]] || die "$EX_SETUP" "--jobs wants a number of suites, not '${2:-}'"
			JOBS_TESTS=$2
			shift ;;
		-*) die "$EX_SETUP" "unknown option '$1' (see --help)" ;;
		*) suites+=("$1") ;;
		esac
		shift
	done
	# shellcheck disable=SC2206 # SUITES is a list of names
	((${#suites[@]})) || suites=(${SUITES:-})
	((quick || ${#suites[@]} == 0)) ||
		die "$EX_SETUP" "SUITE names select quick suites: use --quick"
	TIMES=$OUT/test-seconds
	RUN_DIR=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -rf '$RUN_DIR'" EXIT
	: >"$RUN_DIR/seconds"
	"$REPO/scripts/deps.sh" check test || exit "$EX_SETUP"
	quick_suites ${suites[@]+"${suites[@]}"}
	((quick)) || real_suites
	printf '%d passed, %d failed, %d skipped in %d s\n' "$PASSED" "$FAILED" "$SKIPPED" "$SECONDS"
	((FAILED == 0)) || exit "$EX_FAIL"
}

main "$@"
