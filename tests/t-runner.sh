#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of tests/run.sh, the runner of make test and make test-quick,
# on suites written here (TESTS_DIR): the counts of passing, failing,
# skipped and badly planned suites and the exit status; suites run side
# by side but printed whole, longest first by the last run's seconds; a
# chosen few by name; a name that is no suite. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_scratch
SUITES_DIR=$SCRATCH/suites
RUN_OUT=$SCRATCH/out
mkdir -p "$SUITES_DIR" "$RUN_OUT"

# suite NAME BODY: a t-NAME.sh suite that runs BODY.
suite() {
	printf '#!/bin/bash\n%s\n' "$2" >"$SUITES_DIR/t-$1.sh"
	chmod +x "$SUITES_DIR/t-$1.sh"
}

# runner ARGS...: tests/run.sh --quick on the suites of SUITES_DIR.
runner() {
	TESTS_DIR=$SUITES_DIR O=$RUN_OUT SUITES='' "$REPO/tests/run.sh" --quick "$@"
}

suite slow 'sleep 1; echo "ok 1 - a"; echo "ok 2 - b # SKIP no tool"; echo 1..2'
suite fast 'echo "ok 1 - c"; echo 1..1'
expect "passing suites: exit 0, skips counted apart" 0 \
	'^2 passed, 0 failed, 1 skipped in [0-9]+ s$' runner --jobs 2
assert "... each suite's TAP printed whole, then its counts" \
	grep -Pzq '=== t-fast.sh\nok 1 - c\n1..1\n# t-fast.sh: 1 passed, 0 failed, 0 skipped in' "$SCRATCH/last.log"
assert "... and the seconds each took kept for the next run" \
	grep -Eq '^t-slow.sh [0-9]+$' "$RUN_OUT/test-seconds"

printf 't-fast.sh 50\nt-slow.sh 1\n' >"$RUN_OUT/test-seconds"
runner --jobs 1 >"$SCRATCH/order.log" 2>&1 || true
assert "the longest suite of the last run runs and prints first" \
	diff <(grep '^===' "$SCRATCH/order.log") <(printf '=== t-fast.sh\n=== t-slow.sh\n')

suite fail 'echo "ok 1 - d"; echo "not ok 2 - e"; echo 1..2; exit 1'
suite plan 'echo "ok 1 - f"; echo 1..3'
suite status 'echo "ok 1 - g"; echo 1..1; exit 3'
suite killed 'echo "ok 1 - h"; kill -KILL $$'
expect "a failing test fails the run (exit 1)" 1 \
	'^not ok 2 - e$' runner t-fail.sh
expect "a plan that does not match its tests is a failure" 1 \
	'^not ok - t-plan.sh: TAP plan 1..3 for 1 tests$' runner t-plan.sh
expect "a suite that exits non-zero with no failed test is a failure" 1 \
	'^not ok - t-status.sh exited 3$' runner t-status.sh
expect "a suite killed midway is a failure" 1 \
	'^not ok - t-killed.sh: TAP plan missing$' runner t-killed.sh
# shellcheck disable=SC2016 # expanded by the inner shell
assert "runs of suites chosen by name leave the next run's order alone" \
	bash -c '! grep -q "^t-fail.sh " "$1"' _ "$RUN_OUT/test-seconds"
expect "all of them: their failures add up" 1 \
	'^6 passed, 4 failed, 1 skipped in [0-9]+ s$' runner
expect "SUITES= in the environment chooses as the arguments do" 0 \
	'^1 passed, 0 failed, 0 skipped' \
	env TESTS_DIR="$SUITES_DIR" O="$RUN_OUT" SUITES=t-fast.sh "$REPO/tests/run.sh" --quick
expect "a name that is no suite: a setup error naming it" 2 \
	"no quick suite 't-nosuch.sh'" runner t-nosuch.sh
expect "suite names without --quick: a setup error" 2 \
	'select quick suites' env TESTS_DIR="$SUITES_DIR" O="$RUN_OUT" "$REPO/tests/run.sh" t-fast.sh

finish
