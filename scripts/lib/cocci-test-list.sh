# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# scripts/cocci-test.sh's tests of list_del_init beyond its case files:
# the diff runner on a series that adds a finding and moves code, and the
# fields tested in another file (LIST_TESTED, from the rule's -D collect).
# Needs lib/spatch.sh, lib/cocci-test-modes.sh (spatch_mode) and
# cocci-test.sh's result, compare, TESTS, RUNNER, WORK and JOBS. Sourcing
# only defines functions.

# test_diff: a series that turns a list_del_init() of a tested field into
# list_del() and moves the code of another file down must fail with
# exactly that one new finding, and not flag the moved code.
test_diff() {
	local d=$WORK/diff rc=0 diag=$WORK/diff/diag
	rm -rf "$d"
	mkdir -p "$d/base" "$d/series"
	cp "$TESTS/list_del_init/neg_07_list_del_init_everywhere.c" "$TESTS/list_del_init/pos_09_two_sites.c" "$d/base/"
	cp "$d/base/"*.c "$d/series/"
	sed -i 's/list_del_init(&c->link);/list_del(\&c->link);/' "$d/series/neg_07_list_del_init_everywhere.c"
	sed -i '3i\/* three lines\n * moved\n */' "$d/series/pos_09_two_sites.c"
	"$RUNNER" diff --base-tree "$d/base" --series-tree "$d/series" --out "$d/out" \
		--rules list_del_init --jobs "$JOBS" --no-includes \
		neg_07_list_del_init_everywhere.c pos_09_two_sites.c \
		>"$d/tap" 2>"$d/stderr" || rc=$?
	{ echo "exit status $rc"; cat "$d/tap" "$d/stderr"; } >"$diag"
	if ((rc == 1)) && grep -q '^not ok 1 - list_del_init: 1 new finding(s) (2 in base)' "$d/tap"; then
		result OK "diff: a series introducing a finding fails with exit status 1"
	else
		result FAIL "diff: a series introducing a finding fails with exit status 1" "$diag"
	fi
	if [[ $(grep -c '^# new: ' "$d/tap" || true) == 1 ]] &&
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
}

# test_elsewhere: list_del_init's fields tested in another file.
# cocci/tests/list_del_init/elsewhere/queue.c tests a field that wake.c
# deletes: the rule's -D collect prints queue.c's LISTTEST lines; with
# them as LIST_TESTED, wake.c's delete is reported exactly as its
# "// expect-elsewhere:" lines say, without them it is not. (The runner
# does not make such a list yet: spatch directly.)
test_elsewhere() {
	local d=$WORK/elsewhere e=$TESTS/list_del_init/elsewhere name
	mkdir -p "$d"
	spatch_mode list_del_init collect "$e" "" queue.c >"$d/tested" 2>"$d/collect.err" || true
	sed -n 's|^// expect-elsewhere: |wake.c:|p' "$e/wake.c" >"$d/exp"
	LIST_TESTED=$d/tested spatch_mode list_del_init report "$e" "" wake.c 2>"$d/report.err" |
		{ grep -E '^wake\.c:[0-9]+:' || true; } >"$d/act"
	name="list_del_init: a field tested in another file, known from -D collect's LISTTEST lines"
	if [[ -s $d/exp ]] && compare "$d/exp" "$d/act" "$d/diag"; then
		result OK "$name"
	else
		cat "$d/tested" "$d/collect.err" "$d/report.err" >>"$d/diag"
		result FAIL "$name" "$d/diag"
	fi
	: >"$d/none"
	(unset LIST_TESTED; spatch_mode list_del_init report "$e" "" wake.c 2>"$d/report0.err") |
		{ grep -E '^wake\.c:[0-9]+:' || true; } >"$d/act0"
	name="list_del_init: without LIST_TESTED, a field tested only in another file is not reported"
	if compare "$d/none" "$d/act0" "$d/diag0"; then
		result OK "$name"
	else
		result FAIL "$name" "$d/diag0"
	fi
}
