#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/run.sh [--no-check]
#
# make test: the tooling's self-tests (tests/t-*.sh, against a fake tree),
# the Coccinelle rule tests, the boot test's self-tests on canned logs,
# then make check on the real series and the boot test's self-tests on
# real kernels: a hang, a panic, a kernel with a broken z3fold_free()
# (both skipped with --no-check). Prints each suite's TAP and a closing
# "N passed, N failed" line.
# Exit: 0 when nothing failed.
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PASSED=0
FAILED=0

# run_suite NAME CMD...: run a TAP-printing suite and count its results; a
# suite that fails without a "not ok" line counts as one failure.
run_suite() {
	local name=$1 out rc p f
	shift
	printf '=== %s\n' "$name"
	# tee to a file, not /dev/stderr: reopening that on a redirected
	# stderr starts at offset 0 and overwrites what was printed before.
	"$@" 2>&1 | tee "$SUITE_LOG"
	rc=${PIPESTATUS[0]}
	out=$(cat "$SUITE_LOG")
	p=$(grep -cE '^ok ' <<<"$out")
	f=$(grep -cE '^not ok ' <<<"$out")
	if [[ $rc -ne 0 && $f -eq 0 ]]; then
		f=1
		printf 'not ok - %s exited %d\n' "$name" "$rc"
	fi
	PASSED=$((PASSED + p))
	FAILED=$((FAILED + f))
}

# check_out: make check's output dir and its debug kernel of the whole
# series, one per line, as scripts/lib/series.sh resolves O= and SERIES=.
check_out() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	bash -c 'source "$1/scripts/lib/common.sh" && lib_init series && read_series &&
		printf "%s\n%s\n" "$OUT" "$OUT/results/debug/p${#PATCHES[@]}/bzImage"' _ "$REPO"
}

main() {
	local t out
	SUITE_LOG=$(mktemp)
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -f '$SUITE_LOG'" EXIT
	case ${1:-} in -h | --help) sed -n '4,/^[^#]/{/^#/!q;s/^# \{0,1\}//;p}' "$0"; exit 0 ;; esac
	"$REPO/scripts/deps.sh" check test || exit 2
	for t in "$REPO"/tests/t-*.sh; do
		run_suite "${t##*/}" "$t"
	done
	run_suite "cocci rules" "$REPO/scripts/cocci-test.sh"
	run_suite "boot test, canned logs" "$REPO/tests/boot/run.sh" --quick
	if [[ ${1:-} != --no-check ]]; then
		printf '=== make check (the real series)\n'
		if make -C "$REPO" --no-print-directory check; then
			PASSED=$((PASSED + 1))
		else
			FAILED=$((FAILED + 1))
		fi
		# a hang, a panic and a broken kernel, with make check's kernels
		mapfile -t out < <(check_out)
		run_suite "boot test, real kernels" "$REPO/tests/boot/run.sh" \
			--real --build-broken --work "${out[0]}/test-boot" \
			--kernel "${out[1]}"
	fi
	printf '%d passed, %d failed\n' "$PASSED" "$FAILED"
	[[ $FAILED -eq 0 ]]
}

main "$@"
