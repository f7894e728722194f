#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/run.sh [--quick]
#
# make test: the quick self-tests, then make check on the real series, the
# boot test's self-tests on real kernels (a hang, a panic, a kernel with a
# broken z3fold_free()), and the GitLab pipeline's quick job and check
# cell run by gitlab-ci-local (tests/ci-engine.sh). make test-quick (--quick): the quick
# self-tests alone: tests/t-*.sh (the scripts against a fake tree, fake
# QEMU and fake spatch; the guest's helpers and the initramfs), the
# Coccinelle rule tests, and the boot test's gates on canned logs.
#
# Prints each suite's TAP, a line of its counts and seconds, and a closing
# "N passed, N failed, N skipped in N s" line. A "# SKIP" test counts as
# skipped, not passed; a suite whose plan does not match the tests it
# printed, or that exits non-zero without a "not ok" line, counts one
# failure more.
# Exit: 0 when nothing failed.
set -uo pipefail
# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
lib_init series

PASSED=0 FAILED=0 SKIPPED=0

# run_suite NAME CMD...: run a TAP-printing suite and count its results.
run_suite() {
	local name=$1 rc counts p f s plan start=$SECONDS
	shift
	printf '=== %s\n' "$name"
	# tee to a file, not /dev/stderr: reopening that on a redirected
	# stderr starts at offset 0 and overwrites what was printed before.
	"$@" 2>&1 | tee "$SUITE_LOG"
	rc=${PIPESTATUS[0]}
	counts=$(awk -f "$REPO/scripts/awk/tap-count.awk" "$SUITE_LOG")
	read -r p f s plan <<<"$counts"
	if [[ $plan != ok ]]; then
		f=$((f + 1))
		printf 'not ok - %s: TAP plan %s\n' "$name" "$plan"
	elif [[ $rc -ne 0 && $f -eq 0 ]]; then
		f=1
		printf 'not ok - %s exited %d\n' "$name" "$rc"
	fi
	PASSED=$((PASSED + p)) FAILED=$((FAILED + f)) SKIPPED=$((SKIPPED + s))
	printf '# %s: %d passed, %d failed, %d skipped in %d s\n' "$name" "$p" "$f" "$s" \
		"$((SECONDS - start))"
}

quick_suites() {
	local t
	for t in "$REPO"/tests/t-*.sh; do
		run_suite "${t##*/}" "$t"
	done
	run_suite "cocci rules" "$REPO/scripts/cocci-test.sh"
	run_suite "boot test, canned logs" "$REPO/tests/boot/run.sh" --quick
}

# real_suites: make check on the real series, then a hang, a panic and a
# broken kernel booted with make check's kernels.
real_suites() {
	local kernel
	printf '=== make check (the real series)\n'
	if make -C "$REPO" --no-print-directory check; then
		PASSED=$((PASSED + 1))
	else
		FAILED=$((FAILED + 1))
	fi
	read_series
	kernel=$OUT/results/debug/p${#PATCHES[@]}/bzImage
	run_suite "boot test, real kernels" "$REPO/tests/boot/run.sh" \
		--real --build-broken --work "$OUT/test-boot" --kernel "$kernel"
	run_suite "the GitLab pipeline, by gitlab-ci-local" "$REPO/tests/ci-engine.sh"
}

main() {
	local quick=0
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	--quick) quick=1 ;;
	"") ;;
	*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
	esac
	SUITE_LOG=$(mktemp)
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -f '$SUITE_LOG'" EXIT
	"$REPO/scripts/deps.sh" check test || exit "$EX_SETUP"
	quick_suites
	((quick)) || real_suites
	printf '%d passed, %d failed, %d skipped in %d s\n' "$PASSED" "$FAILED" "$SKIPPED" "$SECONDS"
	[[ $FAILED -eq 0 ]]
}

main "$@"
