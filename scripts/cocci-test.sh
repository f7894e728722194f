#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Usage: scripts/cocci-test.sh [--keep DIR] [--jobs N] [-v] [RULE...]
#
# The tests of the Coccinelle rules in cocci/tests/RULE/ (default: every
# rule of cocci/), run through scripts/cocci.sh and spatch, their findings
# compared with the expectations written in the test files.
#
# Each test file cocci/tests/RULE/{pos,neg}_*.c says what the rule must
# report in it (every tier), with lines at its end:
#   // expect: LINE:COL-COL: MESSAGE     (one per finding, exact)
#   // expect: none                      (negative cases)
# Files defining kref wrappers list them with
#   // expect-wrapper: KIND NAME
# and the collecting pass must find exactly those in that file. Functions
# spatch cannot parse must be reported by the runner, exactly as in
#   // expect-parse: warning: LINE: function NAME() not checked: ...
# and a test file without such lines must parse completely. Then, for
# each rule: the runner's report shows the High and Moderate findings
# and counts the Low ones; org mode lists, and context mode stars,
# exactly what report mode reports; patch mode rewrites exactly the
# reported calls (a rule without "virtual patch": spatch refuses it).
# list_del_init's fields tested in another file (the runner's collecting
# pass, LIST_TESTED) are checked on cocci/tests/list_del_init/elsewhere/.
#
#   --keep DIR     keep the work files in DIR (default: temporary, removed)
#   --jobs N       parallel spatch processes (default: nproc)
#   -v, --verbose  show the runner's output
#
# Output: TAP 13, then a last line "N passed, N failed".
# Exit: 0 all passed, 1 a test failed, 2 usage or setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init spatch cocci-cli cocci-test-modes cocci-test-list

TESTS=$COCCI_DIR/tests
RUNNER=$REPO/scripts/cocci.sh
KEEP=""
RULES=""
while [[ $# -gt 0 ]]; do
	case $1 in
	-h | --help) usage_from_header; exit 0 ;;
	--keep) need_value "$@"; KEEP=$2; shift 2 ;;
	--jobs) need_value "$@"; JOBS=$2; shift 2 ;;
	-v | --verbose) VERBOSE=1; shift ;;
	-*) die "$EX_SETUP" "unknown option $1 (see --help)" ;;
	*) RULES="$RULES $1"; shift ;;
	esac
done
RULES=${RULES:-$ALL_RULES}
for r in $RULES; do
	[[ -d $TESTS/$r ]] || die "$EX_SETUP" "no tests for rule '$r' in $TESTS"
done
check_jobs
need_tool "$SPATCH" coccinelle

if [[ -n $KEEP ]]; then
	mkdir -p "$KEEP" || die "$EX_SETUP" "cannot create $KEEP"
	WORK=$(cd "$KEEP" && pwd)
else
	WORK=$(mktemp -d "${TMPDIR:-/tmp}/cocci-test.XXXXXX")
	# shellcheck disable=SC2064 # the path is fixed
	trap "rm -rf -- '$WORK'" EXIT
fi
# spatch_mode's rule files (the runner assembles its own)
rules_assemble "$WORK/rules"

PASS=0
FAIL=0

# result OK|FAIL DESCRIPTION [DIAGNOSTIC FILE]
result() {
	if [[ $1 == OK ]]; then
		PASS=$((PASS + 1))
		tap_ok "$2"
	else
		FAIL=$((FAIL + 1))
		tap_not_ok "$2"
		[[ -z ${3:-} || ! -s $3 ]] || tap_diag <"$3"
	fi
}

case_files() {
	(cd "$TESTS/$1" && find . -name '[pn][oe][sg]_*.c' -type f | sed 's|^\./||' | sort)
}

wrapper_files() {
	(cd "$TESTS/$1" && grep -rl --include='*.[ch]' '^// expect-wrapper: ' . | sed 's|^\./||' | sort)
}

# expected FILE: the findings FILE expects, without the "FILE:" prefix.
expected() {
	sed -n 's|^// expect: ||p' "$1" | grep -vx 'none' || true
}

# compare EXPECTED ACTUAL DIAG: whether the two files hold the same lines
# (in any order); if not, both into DIAG.
compare() {
	if diff <(sort "$1") <(sort "$2") >/dev/null; then
		return 0
	fi
	{
		echo "expected:"
		sed 's/^/  /' "$1"
		echo "got:"
		sed 's/^/  /' "$2"
	} >"$3"
	return 1
}

# check_case_file FILE: a problem of FILE's expectations, or nothing.
check_case_file() {
	local f=$1 n none
	n=$(expected "$f" | grep -c . || true)
	none=$(grep -cx '// expect: none' "$f" || true)
	case ${f##*/} in
	pos_*) ((n >= 1)) || echo "positive case without any '// expect: LINE:...' line" ;;
	neg_*) ((n == 0 && none == 1)) ||
		echo "negative case must have exactly one '// expect: none' line and no finding" ;;
	esac
}

# plan: the number of tests (TAP wants the plan before the results).
plan() {
	local r n=0
	for r in $RULES; do
		n=$((n + $(case_files "$r" | grep -c . || true)))
		n=$((n + $(wrapper_files "$r" | grep -c . || true)))
		n=$((n + 4)) # tiers in the report; org, context and patch modes
	done
	! has_diff_tests || n=$((n + 3 + 2)) # the diff runner; fields tested elsewhere
	echo "$n"
}

has_diff_tests() { [[ " $RULES " == *" list_del_init "* ]]; }

# run_runner RULE OUT: the runner over the rule's tests into OUT/run; its
# exit status in RC, a failure's output in OUT/runner.diag.
run_runner() {
	local r=$1 out=$2
	RC=0
	COCCI_TIERS="" "$RUNNER" tree --tree "$TESTS/$r" --rules "$r" --jobs "$JOBS" --out "$out/run" \
		>"$out/runner.stdout" 2>"$out/runner.stderr" || RC=$?
	((VERBOSE == 0)) || sed 's/^/# runner: /' "$out/runner.stdout" "$out/runner.stderr"
	if ((RC >= 2)); then
		{
			echo "runner failed (exit $RC):"
			cat "$out/runner.stderr"
		} >"$out/runner.diag"
	fi
	[[ -f $out/run/findings-$r.txt ]] || : >"$out/run/findings-$r.txt"
}

# test_cases RULE OUT: each case file's findings and parse failures, as
# its expect lines say.
test_cases() {
	local r=$1 out=$2 f diag problem n findings=$2/run/findings-$1.txt
	while IFS= read -r f; do
		diag=$out/${f//\//_}.diag
		: >"$diag"
		if ((RC >= 2)); then
			result FAIL "$r/$f" "$out/runner.diag"
			continue
		fi
		problem=$(check_case_file "$TESTS/$r/$f")
		if [[ -n $problem ]]; then
			echo "$problem" >"$diag"
			result FAIL "$r/$f" "$diag"
			continue
		fi
		expected "$TESTS/$r/$f" >"$out/exp"
		awk -v p="$f:" 'index($0, p) == 1 { print substr($0, length(p) + 1) }' "$findings" >"$out/act"
		# parse failures of this file, as "warning: LINE: ..."
		sed -n 's|^// expect-parse: |parse: |p' "$TESTS/$r/$f" >>"$out/exp"
		awk -v p="$f:" '{
			i = index($0, ": "); kind = substr($0, 1, i + 1); rest = substr($0, i + 2)
			if (index(rest, p) == 1) print "parse: " kind substr(rest, length(p) + 1)
		}' "$out/run/parse-failures.txt" >>"$out/act" 2>/dev/null || true
		n=$(grep -c . "$out/exp" || true)
		if compare "$out/exp" "$out/act" "$diag"; then
			result OK "$r/$f ($n finding(s))"
		else
			result FAIL "$r/$f" "$diag"
		fi
	done < <(case_files "$r")
}

# test_wrappers RULE OUT: the wrappers the collecting pass found in each
# file that lists some.
test_wrappers() {
	local r=$1 out=$2 f diag
	while IFS= read -r f; do
		diag=$out/${f//\//_}.wdiag
		: >"$diag"
		sed -n 's|^// expect-wrapper: ||p' "$TESTS/$r/$f" >"$out/wexp"
		awk -v f="$f" '{ w = $3; sub(/:[0-9]+$/, "", w); if (w == f) print $1, $2 }' \
			"$out/run/wrappers.txt" >"$out/wact" 2>/dev/null || true
		if ((RC < 2)) && compare "$out/wexp" "$out/wact" "$diag"; then
			result OK "$r/$f: wrappers found by the collecting pass"
		else
			((RC < 2)) || cp "$out/runner.diag" "$diag"
			result FAIL "$r/$f: wrappers found by the collecting pass" "$diag"
		fi
	done < <(wrapper_files "$r")
}

# test_tiers RULE OUT: the runner's report shows the tiers COCCI_TIERS
# shows by default, and counts the Low ones in its summary.
test_tiers() {
	local r=$1 out=$2 diag=$2/tiers.diag nlow want="" findings=$2/run/findings-$1.txt
	local name
	: >"$diag"
	grep -E '^[^ ]+:[0-9]+:[0-9]+-[0-9]+: ' "$out/runner.stdout" | sort >"$out/shown" || true
	grep -v ': \[Low\] ' "$findings" | sort >"$out/want.shown" || true
	nlow=$(grep -c ': \[Low\] ' "$findings" || true)
	((nlow == 0)) || want="; $nlow hidden (not High/Moderate: COCCI_TIERS=all shows them)"
	name="$r: the report shows High and Moderate findings, counts $nlow Low"
	if ((RC < 2)) && compare "$out/want.shown" "$out/shown" "$diag" &&
		grep -qF -- "file(s) checked$want" "$out/runner.stdout"; then
		result OK "$name"
	else
		grep -F 'file(s) checked' "$out/runner.stdout" >>"$diag" || true
		result FAIL "$name" "$diag"
	fi
}

main() {
	local r out n
	n=$(plan)
	tap_plan "$n"
	for r in $RULES; do
		out=$WORK/$r
		rm -rf "$out"
		mkdir -p "$out"
		run_runner "$r" "$out"
		test_cases "$r" "$out"
		test_wrappers "$r" "$out"
		test_tiers "$r" "$out"
		test_modes "$r" "$out"
	done
	if has_diff_tests; then
		test_diff
		test_elsewhere
	fi
	if ((TAP_N != n)); then
		# tests that did not run failed; more than planned (a test file
		# that appeared mid-run) is one failure, never a credit
		echo "# planned $n tests, ran ${TAP_N:-0}"
		if ((${TAP_N:-0} < n)); then
			FAIL=$((FAIL + n - ${TAP_N:-0}))
		else
			FAIL=$((FAIL + 1))
		fi
	fi
	echo "$PASS passed, $FAIL failed"
	((FAIL == 0)) || exit "$EX_FAIL"
}

main
