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
# list_del_init's fields tested in another file (LIST_TESTED) are checked
# on cocci/tests/list_del_init/elsewhere/, with spatch directly.
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
lib_init spatch cocci-cli

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

NUM=0
PASS=0
FAIL=0

# result OK|FAIL DESCRIPTION [DIAGNOSTIC FILE]
result() {
	NUM=$((NUM + 1))
	if [ "$1" = OK ]; then
		PASS=$((PASS + 1))
		echo "ok $NUM - $2"
	else
		FAIL=$((FAIL + 1))
		echo "not ok $NUM - $2"
		if [ -n "${3:-}" ] && [ -s "$3" ]; then
			sed 's/^/# /' "$3"
		fi
	fi
}

case_files() {
	(cd "$TESTS/$1" && find . -name '[pn][oe][sg]_*.c' -type f | sed 's|^\./||' | sort)
}

wrapper_files() {
	(cd "$TESTS/$1" && grep -rl --include='*.[ch]' '^// expect-wrapper: ' . | sed 's|^\./||' | sort)
}

# Expected findings of a test file, without the "FILE:" prefix.
expected() {
	sed -n 's|^// expect: ||p' "$1" | grep -vx 'none' || true
}

# Compare expected and actual lines (sorted); write a diagnostic to $3.
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

# Validate the expectations of a case file; print a problem or nothing.
check_case_file() {
	local f=$1 base n none
	base=${f##*/}
	n=$(expected "$f" | grep -c . || true)
	none=$(grep -cx '// expect: none' "$f" || true)
	case $base in
	pos_*) [ "$n" -ge 1 ] || echo "positive case without any '// expect: LINE:...' line" ;;
	neg_*) { [ "$n" -eq 0 ] && [ "$none" -eq 1 ]; } ||
		echo "negative case must have exactly one '// expect: none' line and no finding" ;;
	esac
}

# Count the tests first: TAP wants the plan before the results.
PLAN=0
for r in $RULES; do
	PLAN=$((PLAN + $(case_files "$r" | grep -c . || true)))
	PLAN=$((PLAN + $(wrapper_files "$r" | grep -c . || true)))
	PLAN=$((PLAN + 4)) # tiers in the report; org, context and patch modes
done
DIFF_TESTS=0
case " $RULES " in
*" list_del_init "*) DIFF_TESTS=3; PLAN=$((PLAN + DIFF_TESTS + 2)) ;;
esac

echo "TAP version 13"
echo "1..$PLAN"

# removed_lines CHANGES: "FILE:LINE" of each removed (starred) line of
# udiff-changes.awk's output.
removed_lines() {
	awk -F: '$3 ~ /^-/ { print $1 ":" $2 }' "$1" | sort -u
}

# spatch run in a given mode over a test directory, like cocci.sh does it.
spatch_mode() {
	local rule=$1 mode=$2 dir=$3 wrappers=$4
	local -a opts=()
	read -r -a opts <<<"$(rule_options "$rule")"
	(cd "$dir" && KREF_WRAPPERS=$wrappers nice -n 19 "$SPATCH" --very-quiet -D "$mode" \
		--sp-file "$COCCI_DIR/$rule.cocci" --macro-file "$MACRO_FILE" \
		"${opts[@]}" --dir .)
}

for r in $RULES; do
	out=$WORK/$r
	rm -rf "$out"
	mkdir -p "$out"
	rc=0
	COCCI_TIERS="" "$RUNNER" tree --tree "$TESTS/$r" --rules "$r" --jobs "$JOBS" --out "$out/run" \
		>"$out/runner.stdout" 2>"$out/runner.stderr" || rc=$?
	if [ "$VERBOSE" = 1 ]; then
		sed 's/^/# runner: /' "$out/runner.stdout" "$out/runner.stderr"
	fi
	if [ "$rc" -ge 2 ]; then
		{
			echo "runner failed (exit $rc):"
			cat "$out/runner.stderr"
		} >"$out/runner.diag"
	fi
	findings=$out/run/findings-$r.txt
	[ -f "$findings" ] || : >"$findings"

	while IFS= read -r f; do
		diag=$out/${f//\//_}.diag
		: >"$diag"
		if [ "$rc" -ge 2 ]; then
			result FAIL "$r/$f" "$out/runner.diag"
			continue
		fi
		problem=$(check_case_file "$TESTS/$r/$f")
		if [ -n "$problem" ]; then
			echo "$problem" >"$diag"
			result FAIL "$r/$f" "$diag"
			continue
		fi
		expected "$TESTS/$r/$f" >"$out/exp"
		grep -F -- "$f:" "$findings" | awk -v p="$f:" 'index($0, p) == 1 { print substr($0, length(p) + 1) }' >"$out/act" || true
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

	while IFS= read -r f; do
		diag=$out/${f//\//_}.wdiag
		: >"$diag"
		sed -n 's|^// expect-wrapper: ||p' "$TESTS/$r/$f" >"$out/wexp"
		awk -v f="$f" '{ w = $3; sub(/:[0-9]+$/, "", w); if (w == f) print $1, $2 }' \
			"$out/run/wrappers.txt" >"$out/wact" 2>/dev/null || true
		if [ "$rc" -lt 2 ] && compare "$out/wexp" "$out/wact" "$diag"; then
			result OK "$r/$f: wrappers found by the collecting pass"
		else
			[ "$rc" -ge 2 ] && cp "$out/runner.diag" "$diag"
			result FAIL "$r/$f: wrappers found by the collecting pass" "$diag"
		fi
	done < <(wrapper_files "$r")

	# the runner's report: the tiers COCCI_TIERS shows by default, the
	# Low ones counted in the summary
	diag=$out/tiers.diag
	: >"$diag"
	grep -E '^[^ ]+:[0-9]+:[0-9]+-[0-9]+: ' "$out/runner.stdout" | sort >"$out/shown" || true
	grep -v ': \[Low\] ' "$findings" | sort >"$out/want.shown" || true
	nlow=$(grep -c ': \[Low\] ' "$findings" || true)
	if [ "$nlow" -gt 0 ]; then
		want_summary="; $nlow hidden (not High/Moderate: COCCI_TIERS=all shows them)"
	else
		want_summary=""
	fi
	if [ "$rc" -lt 2 ] && compare "$out/want.shown" "$out/shown" "$diag" &&
		grep -qF -- "file(s) checked$want_summary" "$out/runner.stdout"; then
		result OK "$r: the report shows High and Moderate findings, counts $nlow Low"
	else
		grep -F 'file(s) checked' "$out/runner.stdout" >>"$diag" || true
		result FAIL "$r: the report shows High and Moderate findings, counts $nlow Low" "$diag"
	fi

	# org mode: one TODO entry per finding of report mode
	diag=$out/org.diag
	: >"$diag"
	spatch_mode "$r" org "$TESTS/$r" "$out/run/wrappers.txt" >"$out/org.out" 2>"$out/org.err" || true
	grep -o '^\* TODO \[\[view:[^:]*::face=ovl-face1::linb=[0-9]*' "$out/org.out" |
		sed -E 's|^\* TODO \[\[view:(\./)?([^:]*)::face=ovl-face1::linb=([0-9]+)|\2:\3|' |
		sort >"$out/org.lines" || true
	cut -d: -f1,2 "$findings" | sort >"$out/report.lines"
	if [ -s "$out/report.lines" ] && compare "$out/report.lines" "$out/org.lines" "$diag"; then
		result OK "$r: org mode lists the same findings as report mode"
	else
		cat "$out/org.err" >>"$diag"
		result FAIL "$r: org mode lists the same findings as report mode" "$diag"
	fi

	# context mode: the starred lines are the reported lines
	diag=$out/context.diag
	: >"$diag"
	spatch_mode "$r" context "$TESTS/$r" "$out/run/wrappers.txt" >"$out/context.out" 2>"$out/context.err" || true
	awk -f "$REPO/scripts/awk/udiff-changes.awk" "$out/context.out" >"$out/context.changes"
	removed_lines "$out/context.changes" >"$out/context.lines"
	sort -u "$out/report.lines" >"$out/report.ulines"
	if [ -s "$out/report.lines" ] && compare "$out/report.ulines" "$out/context.lines" "$diag"; then
		result OK "$r: context mode stars exactly the reported lines"
	else
		cat "$out/context.err" >>"$diag"
		result FAIL "$r: context mode stars exactly the reported lines" "$diag"
	fi

	# patch mode
	diag=$out/patch.diag
	: >"$diag"
	prc=0
	spatch_mode "$r" patch "$TESTS/$r" "$out/run/wrappers.txt" >"$out/patch.out" 2>"$out/patch.err" || prc=$?
	if ! grep -qx 'virtual patch' "$COCCI_DIR/$r.cocci"; then
		# no fix to make: spatch refuses the mode, and changes nothing
		if [ "$prc" -ne 0 ] && [ ! -s "$out/patch.out" ] &&
			grep -q 'virtual rule patch not supported' "$out/patch.err"; then
			result OK "$r: patch mode is refused (the rule has no fix)"
		else
			{ echo "exit status $prc"; cat "$out/patch.out" "$out/patch.err"; } >>"$diag"
			result FAIL "$r: patch mode is refused (the rule has no fix)" "$diag"
		fi
		continue
	fi
	# exactly the reported list_del() lines become list_del_init(),
	# nothing else changes
	awk -f "$REPO/scripts/awk/udiff-changes.awk" "$out/patch.out" >"$out/patch.changes"
	removed_lines "$out/patch.changes" >"$out/patch.lines"
	bad=$(awk -f "$REPO/scripts/awk/list-del-init-patch.awk" "$out/patch.changes")
	if [ -s "$out/report.lines" ] && compare "$out/report.ulines" "$out/patch.lines" "$diag" &&
		[ -z "$bad" ]; then
		result OK "$r: patch mode rewrites exactly the reported calls"
	else
		echo "$bad" >>"$diag"
		cat "$out/patch.err" >>"$diag"
		result FAIL "$r: patch mode rewrites exactly the reported calls" "$diag"
	fi
done

# The diff runner: a series that turns a list_del_init() of a tested field
# into list_del() and moves the code of another file down must fail with
# exactly that one new finding, and not flag the moved code.
if [ "$DIFF_TESTS" -gt 0 ]; then
	d=$WORK/diff
	rm -rf "$d"
	mkdir -p "$d/base" "$d/series"
	cp "$TESTS/list_del_init/neg_07_list_del_init_everywhere.c" "$TESTS/list_del_init/pos_09_two_sites.c" "$d/base/"
	cp "$d/base/"*.c "$d/series/"
	sed -i 's/list_del_init(&c->link);/list_del(\&c->link);/' "$d/series/neg_07_list_del_init_everywhere.c"
	sed -i '3i\/* three lines\n * moved\n */' "$d/series/pos_09_two_sites.c"
	rc=0
	"$RUNNER" diff --base-tree "$d/base" --series-tree "$d/series" --out "$d/out" \
		--rules list_del_init --jobs "$JOBS" --no-includes \
		neg_07_list_del_init_everywhere.c pos_09_two_sites.c \
		>"$d/tap" 2>"$d/stderr" || rc=$?
	diag=$d/diag
	{ echo "exit status $rc"; cat "$d/tap" "$d/stderr"; } >"$diag"
	if [ "$rc" = 1 ] && grep -q '^not ok 1 - list_del_init: 1 new finding(s) (2 in base)' "$d/tap"; then
		result OK "diff: a series introducing a finding fails with exit status 1" "$diag"
	else
		result FAIL "diff: a series introducing a finding fails with exit status 1" "$diag"
	fi
	if [ "$(grep -c '^# new: ' "$d/tap" || true)" = 1 ] &&
		grep -q '^# new: neg_07_list_del_init_everywhere.c:13:2-10: ' "$d/tap"; then
		result OK "diff: only the new finding is reported as new, moved code is not"
	else
		result FAIL "diff: only the new finding is reported as new, moved code is not" "$diag"
	fi
	if grep -qx "cocci: list_del_init: 1 new finding(s) in neg_07_list_del_init_everywhere.c; log: $d/out/cocci-diff.log" "$d/stderr"; then
		result OK "diff: one stderr line names rule, file and log"
	else
		result FAIL "diff: one stderr line names rule, file and log" "$diag"
	fi
fi

# Fields tested in another file: cocci/tests/list_del_init/elsewhere/
# queue.c tests a field that wake.c deletes. The rule's -D collect prints
# queue.c's LISTTEST lines; with them as LIST_TESTED, wake.c's delete is
# reported exactly as its "// expect-elsewhere:" lines say, without them
# it is not. (The runner does not make such a list yet: spatch directly.)
if [ "$DIFF_TESTS" -gt 0 ]; then
	d=$WORK/elsewhere
	e=$TESTS/list_del_init/elsewhere
	mkdir -p "$d"
	read -r -a opts <<<"$(rule_options list_del_init)"
	elsewhere() {
		(cd "$e" && nice -n 19 "$SPATCH" --very-quiet -D "$1" \
			--sp-file "$COCCI_DIR/list_del_init.cocci" --macro-file "$MACRO_FILE" \
			"${opts[@]}" "$2")
	}
	elsewhere collect queue.c >"$d/tested" 2>"$d/collect.err" || true
	sed -n 's|^// expect-elsewhere: |wake.c:|p' "$e/wake.c" >"$d/exp"
	LIST_TESTED=$d/tested elsewhere report wake.c 2>"$d/report.err" |
		grep -E '^wake\.c:[0-9]+:' >"$d/act" || true
	if [ -s "$d/exp" ] && compare "$d/exp" "$d/act" "$d/diag"; then
		result OK "list_del_init: a field tested in another file, known from -D collect's LISTTEST lines"
	else
		cat "$d/tested" "$d/collect.err" "$d/report.err" >>"$d/diag"
		result FAIL "list_del_init: a field tested in another file, known from -D collect's LISTTEST lines" "$d/diag"
	fi
	: >"$d/none"
	(unset LIST_TESTED; elsewhere report wake.c 2>"$d/report0.err") |
		grep -E '^wake\.c:[0-9]+:' >"$d/act0" || true
	if compare "$d/none" "$d/act0" "$d/diag0"; then
		result OK "list_del_init: without LIST_TESTED, a field tested only in another file is not reported"
	else
		result FAIL "list_del_init: without LIST_TESTED, a field tested only in another file is not reported" "$d/diag0"
	fi
fi

if [ "$NUM" -ne "$PLAN" ]; then
	echo "# planned $PLAN tests, ran $NUM"
	FAIL=$((FAIL + PLAN - NUM))
fi
echo "$PASS passed, $FAIL failed"
if [ "$FAIL" -ne 0 ]; then
	exit 1
fi
