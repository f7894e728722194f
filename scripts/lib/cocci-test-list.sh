# SPDX-License-Identifier: GPL-2.0-only
# shellcheck shell=bash
#
# scripts/cocci-test.sh's tests of list_del_init beyond its case files:
# the diff runner on a series that adds a finding and moves code, and the
# fields tested in another file (LIST_TESTED, from the runner's collecting pass).
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
# deletes (a structure both include from conn.h): the runner's collecting
# pass lists queue.c's test, and wake.c's delete is reported exactly as
# its "// expect-elsewhere:" lines say; with an empty list it is not.
test_elsewhere() {
	local d=$WORK/elsewhere e=$TESTS/list_del_init/elsewhere name rc t
	local -a opt
	mkdir -p "$d"
	: >"$d/empty"
	sed -n 's|^// expect-elsewhere: |wake.c:|p' "$e/wake.c" >"$d/exp"
	for t in list none; do
		rc=0 opt=()
		[[ $t == list ]] || opt=(--tested "$d/empty")
		COCCI_TIERS=all "$RUNNER" tree --tree "$e" --rules list_del_init --jobs "$JOBS" \
			--out "$d/$t" ${opt[@]+"${opt[@]}"} >"$d/$t.stdout" 2>&1 || rc=$?
		{ grep -E '^wake\.c:[0-9]+:' "$d/$t/findings-list_del_init.txt" 2>/dev/null || true; } >"$d/$t.act"
		((rc < 2)) || cat "$d/$t.stdout" >>"$d/$t.act"
	done
	name="list_del_init: a field another file tests, from the runner's collecting pass"
	if [[ -s $d/exp ]] && compare "$d/exp" "$d/list.act" "$d/diag"; then
		result OK "$name"
	else
		cat "$d/list/tested.txt" >>"$d/diag" 2>/dev/null || true
		result FAIL "$name" "$d/diag"
	fi
	name="list_del_init: with no list of tested fields, a field tested only in another file is not reported"
	if compare "$d/empty" "$d/none.act" "$d/diag0"; then
		result OK "$name"
	else
		result FAIL "$name" "$d/diag0"
	fi
}
