#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/cocci.sh with a fake spatch (tests/cocci/
# fake-spatch, which reports what markers in each file say and logs every
# file it is given): spatch's output parsed from canned text, the diff
# parse failures, timeouts, the per-file cache, list_del_init's list of
# fields tested in other files, shards and their merge, a directory that
# is not a kernel tree, tiers, prefilters, resuming and pruning, rules
# made of parts (cocci/NAME.d/) and cocci.sh rule. Seconds;
# the real spatch only on the rule's own two-file test of tested fields
# (skipped where spatch is not installed). (The diff mode:
# t-cocci-diff.sh; the rules themselves: scripts/cocci-test.sh.) Prints
# TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# shellcheck source=cocci/setup.sh
source "$REPO/tests/cocci/setup.sh"

# --- spatch's output, parsed from canned text -------------------------------
canned=$SCRATCH/canned
mkdir -p "$canned/rec"
printf 'f1=aa\tmm/a.c\nf2=bb\tmm/b.c\nf3=cc\tmm/c.c\n' >"$canned/names"
cat >"$canned/0000.out" <<'EOF'
mm/a.c:12:2-10: list_del() of a tested entry
KREFWRAP put foo_put mm/b.c:7 static
noise that names no file
elsewhere.c:3:1-2: a finding in no listed file
EOF
cat >"$canned/0000.err" <<EOF
HANDLING: mm/a.c
parse error
 = File "mm/a.c", line 30, column 4, charpos = 611
HANDLING: mm/b.c
ERROR-RECOV: found sync '}' at line 41
parse error
 = File "$REPO/cocci/spatch-macros.h", line 3, column 0, charpos = 9
HANDLING: mm/c.c
EXN: Coccinelle_modules.Common.Timeout in mm/c.c
EOF
awk -v dir="$canned/rec" -v macro="$REPO/cocci/spatch-macros.h" \
	-f "$REPO/scripts/awk/spatch-records.awk" "$canned/names" "$canned/0000.out" "$canned/0000.err"
assert "records: a finding and a parse error, in the file they are about" \
	[ "$(cat "$canned/rec/f1=aa")" == "$(printf 'out\tmm/a.c\tmm/a.c:12:2-10: list_del() of a tested entry\nparse\tmm/a.c\t30\t')" ]
assert "records: a wrapper, and an error in our macro file charged to its use" \
	[ "$(cat "$canned/rec/f2=bb")" == "$(printf 'out\tmm/b.c\tKREFWRAP put foo_put mm/b.c:7 static\nparse\tmm/b.c\t40\tin a macro from %s' "$REPO/cocci/spatch-macros.h")" ]
assert "records: a timeout" \
	[ "$(cat "$canned/rec/f3=cc")" == "$(printf 'exn\tmm/c.c\tEXN: Coccinelle_modules.Common.Timeout in mm/c.c')" ]
assert "records: a finding in no listed file is stray, noise is dropped" \
	[ "$(cat "$canned/rec/stray")" == "$(printf 'out\telsewhere.c\telsewhere.c:3:1-2: a finding in no listed file')" ]
printf 'static int\n__init foo_init(int a,\n\t     int b)\n{\n\treturn a;\n}\n#define BAR(x) \\\n\t(x)\n' >"$canned/d.c"
assert "describe-line: the function a line is in, where its declaration starts" \
	[ "$(awk -v L=5 -f "$REPO/scripts/awk/spatch-describe-line.awk" "$canned/d.c")" == "$(printf 'function\tfoo_init()\t1')" ]
assert "describe-line: a macro" \
	[ "$(awk -v L=8 -f "$REPO/scripts/awk/spatch-describe-line.awk" "$canned/d.c")" == "$(printf 'macro\tBAR\t7')" ]

# --- a tree: timeouts, parse failures, exit status -------------------------
tree="$SCRATCH/cocci tree"
c_file "$tree/slow.c" '/* FAKE_TIMEOUT */'
c_file "$tree/odd.c" '/* FAKE_GIVEUP */'
c_file "$tree/fast.c" 'e->x = 1;'
c_file "$tree/bad.c" 'e->x = 1;' '/* FAKE_PARSE */'
for i in 1 2 3 4 5 6 7; do
	c_file "$tree/drivers/f$i.c" "/* FAKE_FINDING finding $i */"
done
printf 'int plain(void)\n{\n\treturn 0;\n}\n' >"$tree/plain.c"
run_tree() { "$COCCI" tree --tree "$tree" --rules list_del_init --jobs 2 "$@"; }
expect "tree: a timed-out file is named, the run goes on" 1 \
	'^warning: slow\.c: file not checked: spatch gave up after 300 s' run_tree
assert "tree: a file spatch's matcher gave up on is named" \
	grep -q '^warning: odd\.c: file not checked: spatch failed: Failure' "$SCRATCH/last.log"
assert "tree: the files given up and the functions not checked are counted" \
	grep -qx 'parse failures: 1 function(s) not checked, 0 other construct(s); 2 file(s) given up' "$SCRATCH/last.log"
assert "tree: the findings and the count, files the prefilter left out not checked" \
	grep -qx 'list_del_init: 7 finding(s) in 7 file(s), 11 file(s) checked' "$SCRATCH/last.log"
assert "tree: a directory that is not a kernel tree is said to be checked without include dirs" \
	grep -q 'has no kernel include dirs (include/linux, arch/x86/include): checking its files without include dirs' "$SCRATCH/last.log"
expect "tree: no file passes the prefilter: the summary, exit 0" 0 \
	'^list_del_init: 0 finding\(s\) in 0 file\(s\), 0 file\(s\) checked' run_tree plain.c
expect "tree: --shard beyond N is a usage error" 2 'shard needs I/N' run_tree --shard 3/2

# --- the cache --------------------------------------------------------------
cache=$SCRATCH/cache
: >"$FAKE_SPATCH_LOG"
run_tree --out "$SCRATCH/cold" --cache "$cache" >"$SCRATCH/cold.txt" 2>&1 || true
n_cold=$(calls)
run_tree --out "$SCRATCH/warm" --cache "$cache" >"$SCRATCH/warm.txt" 2>&1 || true
assert "cache: a first run gives spatch every file ($n_cold)" [ "$n_cold" == 11 ]
assert "cache: a second run gives spatch none" [ "$(calls)" == "$n_cold" ]
assert "cache: ... and prints the same" [ "$(without_time "$SCRATCH/cold.txt")" == "$(without_time "$SCRATCH/warm.txt")" ]
c_file "$tree/fast.c" 'e->x = 2;'
run_tree --cache "$cache" >/dev/null 2>&1 || true
assert "cache: after an edit only the edited file is run" \
	[ "$(tail -n +$((n_cold + 1)) "$FAKE_SPATCH_LOG")" == "report fast.c" ]
n=$(calls)
FAKE_SPATCH_VERSION=1 run_tree --cache "$cache" >/dev/null 2>&1 || true
assert "cache: another spatch version runs every file again" [ "$(($(calls) - n))" == 11 ]

# pass 1 (kref wrappers) shares the cache, keyed by spatch's version too
c_file "$tree/kref.c" 'kref_get(&e->ref); /* FAKE_WRAPPER foo_get */'
run_kref() { "$COCCI" tree --tree "$tree" --rules kref_balance --jobs 2 --out "$SCRATCH/kref" --cache "$cache"; }
: >"$FAKE_SPATCH_LOG"
run_kref >/dev/null 2>&1 || true
assert "pass 1: the wrapper is collected" grep -q '^get foo_get kref.c:4$' "$SCRATCH/kref/wrappers.txt"
n=$(calls)
run_kref >/dev/null 2>&1 || true
assert "pass 1: a second run reuses the wrapper list and the checked files" [ "$(calls)" == "$n" ]
FAKE_SPATCH_VERSION=1 run_kref >/dev/null 2>&1 || true
assert "pass 1: another spatch version collects again" grep -q '^collect kref.c$' <(tail -n +$((n + 1)) "$FAKE_SPATCH_LOG")
"$COCCI" diff --base-tree "$tree" --series-tree "$tree" --out "$SCRATCH/kref diff" --pass1 tree \
	--cache "$SCRATCH/shared cache" --cache-key base-1 --rules kref_balance kref.c >/dev/null 2>&1 || true
"$COCCI" tree --tree "$tree" --rules kref_balance --out "$SCRATCH/kref tree" \
	--cache "$SCRATCH/shared cache" >/dev/null 2>&1 || true
assert "pass 1: a tree run takes the wrapper list a diff run kept (make cocci-tree after make cocci)" \
	grep -q '^pass 1: cached wrapper list ' "$SCRATCH/kref tree/cocci-tree.log"

# kref_balance checks copies with the functions blanked that name no
# wrapper and no kref identifier (scripts/cocci-reduce.py; its own tests:
# t-cocci-reduce.sh); COCCI_WHOLE_FILES=1 checks the files as they are
rt="$SCRATCH/reduce tree"
mkdir -p "$rt"
printf 'void r_kept(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_FINDING in a kept function */\n}\n\nvoid r_other(int a)\n{\n\ta++; /* FAKE_FINDING in a blanked function */\n}\n' >"$rt/red.c"
# a wrapper pass 1 finds in its first round, and a caller it reads in
# its second, with the first round's list
printf 'void r_wrap(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_WRAPPER r_wrap */\n}\n' >"$rt/wrap.c"
printf 'void r_caller(struct x *e)\n{\n\tr_wrap(e);\n}\n' >"$rt/caller.c"
run_reduce() { "$COCCI" tree --tree "$rt" --rules kref_balance --jobs 1 --out "$SCRATCH/reduce out" --cache "$SCRATCH/reduce cache"; }
run_reduce >"$SCRATCH/reduce.log" 2>&1 || true
assert "reduce: spatch sees the function that takes a reference, not the other" \
	[ "$(cut -d: -f2 "$SCRATCH/reduce out/findings-kref_balance.txt" | tr '\n' ' ')" == "3 " ]
assert "reduce: ... in a copy in the run's out dir, removed when its chunk is done" \
	bash -c "grep -q 'cocci-reduce.py' '$SCRATCH/reduce out/kref_balance/chunks/0000.cmd' &&
		grep -q '^(cd .*/kref_balance/chunks/0000\.src && ' '$SCRATCH/reduce out/kref_balance/chunks/0000.cmd' &&
		[ ! -e '$SCRATCH/reduce out/kref_balance/chunks/0000.src' ]"
assert "reduce: the log says how many functions were checked" \
	grep -q '^kref_balance: checked 3 of 4 functions' "$SCRATCH/reduce out/cocci-tree.log"
assert "reduce: the tree is left as it was" grep -q 'in a blanked function' "$rt/red.c"
assert "reduce: not in pass 1, which collects from whole files (its second round reads a list)" \
	bash -c "grep -q 'caller\.c' '$SCRATCH/reduce out/pass1/collect/round-2/chunks/0000.groups' &&
		! grep -q cocci-reduce '$SCRATCH/reduce out/pass1/collect/round-2/chunks/0000.cmd'"
rm -rf "$SCRATCH/reduce cache"
"$COCCI" tree --tree "$rt" --rules kref_balance --jobs 1 --includes --out "$SCRATCH/reduce inc" >/dev/null 2>&1 || true
assert "reduce: not with --includes (spatch would look for the local headers beside the copies)" \
	bash -c "grep -q fake-spatch '$SCRATCH/reduce inc/kref_balance/chunks/0000.cmd' &&
		! grep -q cocci-reduce '$SCRATCH/reduce inc/kref_balance/chunks/0000.cmd'"
COCCI_WHOLE_FILES=1 run_reduce >/dev/null 2>&1 || true
assert "reduce: COCCI_WHOLE_FILES=1 checks the whole file, not the reduced run's cached result" \
	[ "$(cut -d: -f2 "$SCRATCH/reduce out/findings-kref_balance.txt" | tr '\n' ' ')" == "3 8 " ]

# --- fields tested in another file: list_del_init's collecting pass ---------
tt="$SCRATCH/tested tree"
mkdir -p "$tt"
printf 'bool q(struct conn *c)\n{\n\treturn list_empty(&c->wait); /* FAKE_LISTTEST struct conn wait */\n}\n' >"$tt/queue.c"
c_file "$tt/wake.c" '/* FAKE_IF_TESTED wait list_del() of a field another file tests */'
c_file "$tt/other.c" 'e->x = 1;'
run_tested() { "$COCCI" tree --tree "$tt" --rules list_del_init --jobs 2 --cache "$SCRATCH/tested cache" "$@"; }
: >"$FAKE_SPATCH_LOG"
expect "tested: a delete of a field another file tests is reported" 1 \
	'^wake\.c:4:1-2: list_del\(\) of a field another file tests$' run_tested --out "$SCRATCH/tested out"
assert "tested: the collecting pass reads only the files that test a field" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | paste -sd' ')" == "collect queue.c" ]
assert "tested: its list is kept in the output dir" \
	grep -qx 'LISTTEST struct conn wait queue.c:3' "$SCRATCH/tested out/tested.txt"
n=$(calls)
run_tested --out "$SCRATCH/tested warm" >/dev/null 2>&1 || true
assert "tested: a second run runs no spatch" [ "$(calls)" == "$n" ]
FAKE_SPATCH_VERSION=1 run_tested --out "$SCRATCH/tested v1" >/dev/null 2>&1 || true
assert "tested: another spatch version collects again" \
	grep -qx 'collect queue.c' <(tail -n +$((n + 1)) "$FAKE_SPATCH_LOG")
n=$(calls)
sed -i 's/FAKE_LISTTEST struct conn wait/FAKE_LISTTEST struct conn idle/' "$tt/queue.c"
expect "tested: the list is part of the key of the checked files' results: a test gone, the finding goes" 0 \
	'^list_del_init: 0 finding\(s\) in 0 file\(s\), 2 file\(s\) checked' run_tested
assert "tested: ... the unchanged file that deletes it was checked again" \
	grep -qx 'report wake.c' <(tail -n +$((n + 1)) "$FAKE_SPATCH_LOG")
printf 'LISTTEST struct conn wait elsewhere.c:9\n' >"$SCRATCH/given tested"
n=$(calls)
expect "tested: --tested FILE is the list instead of the collecting pass" 1 \
	'^wake\.c:4:1-2: list_del\(\) of a field another file tests$' run_tested --tested "$SCRATCH/given tested"
assert "tested: ... which then runs no collect" lacks '^collect ' <(tail -n +$((n + 1)) "$FAKE_SPATCH_LOG")
: >"$FAKE_SPATCH_LOG"
"$COCCI" tree --tree "$tt" --rules kref_balance --out "$SCRATCH/tested kref" >/dev/null 2>&1 || true
assert "tested: a run of the kref rule alone makes no list of tested fields" \
	[ ! -e "$SCRATCH/tested kref/tested.txt" -a -z "$(grep 'queue' "$FAKE_SPATCH_LOG")" ]
empty="$SCRATCH/empty tree"
mkdir -p "$empty"
printf 'int plain(void)\n{\n\treturn 0;\n}\n' >"$empty/plain.c"
expect "tree: no file passes any pass's or rule's prefilter: the summary, exit 0" 0 \
	'^parse failures: 0 function\(s\) not checked' "$COCCI" tree --tree "$empty" --out "$SCRATCH/empty out"
nrules=$(find "$REPO/cocci" -maxdepth 1 \( -name '*.cocci' -type f -o -name '*.d' -type d \) | wc -l)
assert "tree: ... with a count for every rule run ($nrules)" [ "$(grep -c ': 0 finding(s) in 0 file(s), 0 file(s) checked$' "$SCRATCH/last.log")" == "$nrules" ]
expect "tree: COCCI_TIERS=high leaves out list_walk, none of whose findings is High, and says so" 0 \
	'^list_walk: not run: its findings are all Moderate or Low, not shown \(COCCI_TIERS=all or --rules list_walk runs it\)$' \
	env COCCI_TIERS=high "$COCCI" tree --tree "$empty" --out "$SCRATCH/empty out"
assert "tree: ... and runs kref_balance, some of whose findings are High" \
	grep -qx 'kref_balance: 0 finding(s) in 0 file(s), 0 file(s) checked' "$SCRATCH/last.log"
expect "tree: COCCI_TIERS=high,low runs list_walk again" 0 \
	'^list_walk: 0 finding\(s\) in 0 file\(s\), 0 file\(s\) checked$' \
	env COCCI_TIERS=high,low "$COCCI" tree --tree "$empty" --out "$SCRATCH/empty out"
every=$(find "$REPO/cocci" -maxdepth 1 \( -name '*.cocci' -type f -o -name '*.d' -type d \) -printf '%f\n' |
	sed -E 's/\.(cocci|d)$//' | sort | paste -sd,)
expect "tree: so does --rules naming every rule" 0 \
	'^list_walk: 0 finding\(s\) in 0 file\(s\), 0 file\(s\) checked$' \
	"$COCCI" tree --tree "$empty" --out "$SCRATCH/empty out" --rules "$every"

# the real spatch on the rule's own test of a field tested elsewhere
if real=$(PATH=${PATH//$REPO\/tests\/cocci:/} command -v spatch); then
	e=$REPO/cocci/tests/list_del_init/elsewhere
	want=$(sed -n 's|^// expect-elsewhere: |wake.c:|p' "$e/wake.c")
	expect "tested, real spatch: the runner reports the delete the rule's test expects" 1 \
		"^$(printf '%s' "$want" | sed 's/[][().*^$\\]/\\&/g')\$" \
		env SPATCH="$real" "$COCCI" tree --tree "$e" --rules list_del_init --out "$SCRATCH/real out"
	assert "tested, real spatch: the list has the shared structure's test, not the file's own structure's" \
		[ "$(sed -n 's/^LISTTEST //p' "$SCRATCH/real out/tested.txt")" == "struct conn wait queue.c:17" ]
	expect "tested, real spatch: with an empty list, no finding" 0 \
		'^list_del_init: 0 finding\(s\)' env SPATCH="$real" "$COCCI" tree --tree "$e" \
		--rules list_del_init --tested /dev/null
else
	skip "tested, real spatch: no spatch on this machine"
fi

# --- shards -----------------------------------------------------------------
run_tree --out "$SCRATCH/whole" >"$SCRATCH/whole.txt" 2>/dev/null || true
all=$(sed -n "s/^checked_list_del_init=//p" "$SCRATCH/whole/run.env")
for i in 1 2 3; do
	rc=0
	run_tree --shard "$i/3" --out "$SCRATCH/shard $i" >"$SCRATCH/shard$i.txt" 2>/dev/null || rc=$?
	checked[i]=$(sed -n 's/^list_del_init: .*, \([0-9]*\) file(s) checked$/\1/p' "$SCRATCH/shard$i.txt")
done
assert "shard: each of 3 checks a third (${checked[*]}), together every file ($all)" \
	[ $((checked[1] + checked[2] + checked[3])) == "$all" -a "${checked[1]}" -ge $((all / 3)) \
	-a "${checked[2]}" -ge $((all / 3)) -a "${checked[3]}" -ge $((all / 3)) ]
rc=0
"$COCCI" merge "$SCRATCH/shard 3" "$SCRATCH/shard 1" "$SCRATCH/shard 2" >"$SCRATCH/merged.txt" 2>&1 || rc=$?
assert "merge: the report of the unsharded run, and its exit status" \
	[ "$rc" == 1 -a "$(without_time "$SCRATCH/merged.txt")" == "$(without_time "$SCRATCH/whole.txt")" ]
expect "merge: a missing shard is a usage error" 2 'merge: shard 2/3 missing' \
	"$COCCI" merge "$SCRATCH/shard 1" "$SCRATCH/shard 3"
expect "merge: a shard twice is a usage error" 2 'merge: shard 1/3 twice' \
	"$COCCI" merge "$SCRATCH/shard 1" "$SCRATCH/shard 1" "$SCRATCH/shard 2"

# --- a tree run on PATHs, pass 1 scoped to what they call (--pass1 callees) ---
sc="$SCRATCH/scope tree"
mkdir -p "$sc/drv"
printf 'void m(struct x *e)\n{\n\tfoo_get(e);\n}\n' >"$sc/drv/main.c"
printf 'void foo_get(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_WRAPPER foo_get */\n}\n' >"$sc/get.c"
printf 'void bar_get(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_WRAPPER bar_get */\n}\n' >"$sc/other.c"
# more names than one argument holds (scope_to once grepped for them all at once)
awk 'BEGIN { print "void many(void)\n{"; for (i = 0; i < 30000; i++) printf "\tcall_%05d();\n", i; print "}" }' \
	>"$sc/drv/many.c"
run_scoped_tree() {
	"$COCCI" tree --tree "$sc" --out "$SCRATCH/scope out" --cache "$SCRATCH/scope cache" \
		--rules kref_balance "$@"
}
: >"$FAKE_SPATCH_LOG"
run_scoped_tree --pass1 callees drv >/dev/null 2>&1 || true
assert "tree --pass1 callees: the wrappers the PATHs call, defined outside them" \
	[ "$(cut -d' ' -f2 "$SCRATCH/scope out/wrappers.txt" | paste -sd' ')" == "foo_get" ]
assert "... read in the file defining them (and the PATHs), among 30000 names called" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | grep -v ' drv/' | sort -u | paste -sd' ')" == "collect get.c" ]
run_scoped_tree drv >/dev/null 2>&1 || true
assert "tree on PATHs without --pass1: every wrapper of the tree" \
	grep -q '^get bar_get other.c:3$' "$SCRATCH/scope out/wrappers.txt"
expect "tree --pass1 callees without PATHs is a setup error" 2 \
	'tree: --pass1 callees needs PATHs' run_scoped_tree --pass1 callees
expect "tree: an unknown --pass1 is a setup error" 2 \
	"tree: --pass1 takes callees or tree, not 'some'" run_scoped_tree --pass1 some drv
expect "make cocci-tree COCCI_PASS1=callees PATHS=...: scoped" 0 '^kref_balance: 0 finding' \
	env KSRC="$sc" O="$SCRATCH/o2" CACHE="$SCRATCH/user cache" COCCI_PASS1=callees PATHS=drv \
	"$REPO/scripts/cocci-tree.sh"
assert "... pass1=callees in its run.env" grep -qx 'pass1=callees' "$SCRATCH/o2/cocci-tree/run.env"
env KSRC="$sc" O="$SCRATCH/o3" CACHE="$SCRATCH/user cache" COCCI_PASS1=callees \
	"$REPO/scripts/cocci-tree.sh" >/dev/null 2>&1 || true
assert "make cocci-tree COCCI_PASS1=callees without PATHS: the whole tree" \
	grep -qx 'pass1=tree' "$SCRATCH/o3/cocci-tree/run.env"
printf 'bool conn_waiting(struct conn *c)\n{\n\treturn !list_empty(&c->wait); /* FAKE_LISTTEST struct conn wait */\n}\n' >"$sc/q.c"
printf 'bool conn_idle(struct conn *c)\n{\n\treturn list_empty(&c->idle); /* FAKE_LISTTEST struct conn idle */\n}\n' >"$sc/r.c"
printf 'void w(struct conn *c)\n{\n\tif (conn_waiting(c))\n\t\tlist_del_init(&c->wait);\n}\n' >"$sc/drv/w.c"
: >"$FAKE_SPATCH_LOG"
run_scoped_tree --rules list_del_init --pass1 callees drv >/dev/null 2>&1 || true
assert "tree --pass1 callees: list_del_init's tests read where the PATHs' calls lead" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | grep -v ' drv/' | sort -u | paste -sd' ')" == "collect q.c" ]
run_scoped_tree --shard 1/2 --out "$SCRATCH/scope s1" --pass1 callees drv >/dev/null 2>&1 || true
run_scoped_tree --shard 2/2 --out "$SCRATCH/scope s2" drv >/dev/null 2>&1 || true
expect "merge: shards of another --pass1 are a usage error" 2 'is a run of another tree, paths, --pass1 or rules' \
	"$COCCI" merge "$SCRATCH/scope s1" "$SCRATCH/scope s2"

# --- make cocci-tree on a directory of C that is not a kernel tree --------
expect "make cocci-tree KSRC=DIR: any directory of C" 1 \
	'^list_del_init: 7 finding\(s\) in 7 file\(s\)' \
	env -u MAKEFLAGS KSRC="$tree" O="$SCRATCH/o" CACHE="$SCRATCH/user cache" "$REPO/scripts/cocci-tree.sh"
expect "make cocci-tree SHARD=2/3: its own output dir" 1 '^list_del_init: .*file\(s\) checked' \
	env KSRC="$tree" O="$SCRATCH/o" CACHE="$SCRATCH/user cache" SHARD=2/3 "$REPO/scripts/cocci-tree.sh"
assert "make cocci-tree SHARD=2/3: ... in O/cocci-tree/shard-2-of-3" \
	grep -qx 'shard=2/3' "$SCRATCH/o/cocci-tree/shard-2-of-3/run.env"

# --- confidence tiers --------------------------------------------------------
tiers="$SCRATCH/tiers tree"
c_file "$tiers/high.c" '/* FAKE_FINDING [High] kref leak in high(): a */'
c_file "$tiers/low.c" '/* FAKE_FINDING [Low] kref use after put in low(): b */'
c_file "$tiers/plain.c" '/* FAKE_FINDING list_del() of a tested entry */'
run_tiers() { "$COCCI" tree --tree "$tiers" --rules list_del_init --jobs 2 --out "$SCRATCH/tiers out" "$@"; }
expect "tiers: a report shows High and Moderate (and untiered) findings" 1 \
	'^high\.c:4:1-2: \[High\] ' run_tiers
assert "tiers: ... not Low ones" lacks '^low\.c:' "$SCRATCH/last.log"
assert "tiers: ... a finding without a tier has its rule's" grep -q '^plain\.c:4:1-2: list_del' "$SCRATCH/last.log"
assert "tiers: the summary counts the hidden ones" grep -qx \
	'list_del_init: 2 finding(s) in 2 file(s), 3 file(s) checked; 1 hidden (not High/Moderate: COCCI_TIERS=all shows them)' \
	"$SCRATCH/last.log"
assert "tiers: every finding is kept in the output dir" [ "$(grep -c . "$SCRATCH/tiers out/findings-list_del_init.txt")" == 3 ]
expect "tiers: COCCI_TIERS=all shows them" 1 '^low\.c:4:1-2: \[Low\] ' env COCCI_TIERS=all "$COCCI" \
	tree --tree "$tiers" --rules list_del_init
rm "$tiers/high.c" "$tiers/plain.c"
expect "tiers: Low findings only: exit 0" 0 'hidden \(not High/Moderate' run_tiers
expect "tiers: COCCI_TIERS=low" 1 '^low\.c:' env COCCI_TIERS=low "$COCCI" tree --tree "$tiers" --rules list_del_init
expect "tiers: an unknown tier is a usage error" 2 "COCCI_TIERS: unknown tier 'urgent'" \
	env COCCI_TIERS=high,urgent "$COCCI" tree --tree "$tiers"

# --- prefilters -----------------------------------------------------------------
pre="$SCRATCH/prefilter tree"
mkdir -p "$pre"
printf 'void a(struct x *e)\n{\n\thlist_del(&e->n);\n}\n' >"$pre/hlist.c"
printf 'void b(struct x *e)\n{\n\tlist_del_rcu (&e->n);\n}\n' >"$pre/rcu.c"
printf 'void c(struct x *e)\n{\n\tlist_del_init(&e->n);\n}\n' >"$pre/init.c"
printf 'struct x *d(void)\n{\n\tkref_init(&e->ref); /* FAKE_RGET foo_new */\n}\n' >"$pre/new.c"
printf 'static void rel(struct kref *k)\n{\n\tkfree(k);\n}\n' >"$pre/rel.c"
printf 'struct x *e(int i)\n{\n\treturn foo_new(i); /* FAKE_RGET foo_lookup foo_new */\n}\n' >"$pre/lookup.h"
printf 'int f(int i)\n{\n\treturn g(foo_lookup (i));\n}\n' >"$pre/user.c"
printf 'struct x *k(int i)\n{\n\treturn foo_lookup(i); /* FAKE_RGET foo_find foo_lookup */\n}\n' >"$pre/find.c"
printf 'int h(int i)\n{\n\treturn foo_put(i);\n}\n' >"$pre/put.c"
printf 'void w(struct q *q)\n{\n\tprepare_to_wait_exclusive (&q->wq, &q->w, 1);\n}\n' >"$pre/wait.c"
printf 'void v(struct q *q)\n{\n\tfinish_wait(&q->wq, &q->w);\n}\n' >"$pre/finish.c"
: >"$FAKE_SPATCH_LOG"
"$COCCI" tree --tree "$pre" --out "$SCRATCH/prefilter out" >/dev/null 2>&1 || true
assert "prefilter: list_del_init, list_del_unadded and list_del_twice check list_del, list_del_rcu and hlist_del calls, not list_del_init; list_del_flag checks every delete" \
	[ "$(grep '^report ' "$FAKE_SPATCH_LOG" | grep -E 'hlist|rcu|init\.c' | sort | paste -sd' ')" == "report hlist.c report hlist.c report hlist.c report hlist.c report init.c report rcu.c report rcu.c report rcu.c report rcu.c" ]
assert "prefilter: list_wait_entry alone checks a file that queues a wait entry, none one that only removes it" \
	[ "$(grep -E '^report (wait|finish)\.c' "$FAKE_SPATCH_LOG" | paste -sd' ')" == "report wait.c" ]
assert "tested: with list_del_twice, the collecting pass also reads the files that delete an entry" \
	[ "$(grep -E '^collect (hlist|rcu|init)\.c' "$FAKE_SPATCH_LOG" | sort | paste -sd' ')" == "collect hlist.c collect init.c collect rcu.c" ]
assert "pass 1: round 1 reads kref_init() and release callbacks" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | head -n 2 | sort | paste -sd' ')" == "collect new.c collect rel.c" ]
assert "pass 1: round 2 reads the files calling a getter of round 1" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | sed -n 3p)" == "collect lookup.h" ]
assert "pass 1: a getter found in round 2 is on the list" \
	grep -q '^rget foo_lookup lookup.h:3$' "$SCRATCH/prefilter out/wrappers.txt"
# (the list rules' collecting pass reads hlist.c, rcu.c and init.c)
assert "pass 1: round 3 reads the files calling a getter round 2 found, and stops there" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | grep -vE '^collect (hlist|rcu|init)\.c$' | tail -n +4 | sort | paste -sd' ')" == "collect find.c collect user.c" ]
assert "pass 1: a getter of a getter of a getter is on the list" \
	grep -q '^rget foo_find find.c:3$' "$SCRATCH/prefilter out/wrappers.txt"
assert "prefilter: kref_balance checks kref_init() and calls of the list's getters, not other _put() calls" \
	[ "$(grep '^report ' "$FAKE_SPATCH_LOG" | grep -vE 'hlist|rcu|init\.c|wait\.c' | sort | paste -sd' ')" == "report find.c report lookup.h report new.c report user.c" ]
walks="$SCRATCH/prefilter walks"
mkdir -p "$walks"
printf 'void w(struct list_head *l)\n{\n\tlist_for_each_entry(p, l, n)\n\t\tp->x = 0;\n}\n' >"$walks/walk.c"
printf 'void q(struct list_head *l)\n{\n\twhile (!list_empty(l))\n\t\tl = 0;\n}\n' >"$walks/drain.c"
printf 'void z(struct list_head *l)\n{\n\tINIT_LIST_HEAD(l);\n}\n' >"$walks/plain.c"
n=$(calls)
"$COCCI" tree --tree "$walks" --rules list_walk >/dev/null 2>&1 || true
assert "prefilter: list_walk checks list walks and list_empty() loops, not other list calls" \
	[ "$(tail -n +$((n + 1)) "$FAKE_SPATCH_LOG" | sort | paste -sd' ')" == "report drain.c report walk.c" ]
expect "tree: no file passes the kref prefilter: the summary, exit 0" 0 \
	'^kref_balance: 0 finding\(s\) in 0 file\(s\), 0 file\(s\) checked' \
	"$COCCI" tree --tree "$pre" --rules kref_balance put.c
expect "tree: --all-files checks what the prefilters leave out" 0 \
	'^kref_balance: 0 finding\(s\) in 0 file\(s\), 1 file\(s\) checked' \
	"$COCCI" tree --tree "$pre" --rules kref_balance --all-files put.c

# --- iterators that hold a reference: pass 1's iter lines --------------------
it="$SCRATCH/iter tree"
mkdir -p "$it"
printf 'struct node *node_next(struct node *p, struct node *prev)\n{\n\tkref_init(&n->ref); /* FAKE_RGET node_next */\n}\n' >"$it/node.c"
cat >"$it/node.h" <<'EOF2'
#define for_each_node(parent, child) \
	for (child = node_next(parent, NULL); child; \
	     /* walks on */ child = node_next(parent, child))
#define for_each_node_of(dn) while (((dn) = node_next(NULL, dn)) != NULL)
#define for_each_node_in(o, child) for_each_node((o)->root, child)
#define for_each_node_scoped(parent, child) \
	for (struct node *child __free(node) = node_next(parent, NULL); \
	     child; child = node_next(parent, child))
#define for_each_plain(pos, head) \
	for (pos = first(head); pos; pos = next_of(pos))
EOF2
printf 'int u(struct node *p)\n{\n\tfor_each_node(p, c)\n\t\tbreak;\n}\n' >"$it/user.c"
printf 'int v(struct node *p)\n{\n\tfor_each_plain(c, p)\n\t\tbreak;\n}\n' >"$it/plain.c"
: >"$FAKE_SPATCH_LOG"
"$COCCI" tree --tree "$it" --rules kref_iterator --out "$SCRATCH/iter out" >/dev/null 2>&1 || true
same "iterators: a for and a while loop on a getter, and an iterator made of one, with their loop argument" \
	<(printf '%s\n' 'iter for_each_node node.h:1 2' 'iter for_each_node_in node.h:5 2' 'iter for_each_node_of node.h:4 1') \
	grep '^iter ' "$SCRATCH/iter out/wrappers.txt"
assert "prefilter: kref_iterator checks the files using an iterator of the list" \
	[ "$(grep '^report ' "$FAKE_SPATCH_LOG" | sort | paste -sd' ')" == "report node.h report user.c" ]
grep -v '^iter ' "$SCRATCH/iter out/wrappers.txt" >"$SCRATCH/no iterators"
: >"$FAKE_SPATCH_LOG"
"$COCCI" tree --tree "$it" --rules kref_iterator --wrappers "$SCRATCH/no iterators" \
	--out "$SCRATCH/iter none" >/dev/null 2>&1 || true
assert "prefilter: with no iterator in the list kref_iterator checks no file" \
	[ -z "$(grep '^report ' "$FAKE_SPATCH_LOG")" ]
mkdir -p "$SCRATCH/iter cases"
cp "$it/user.c" "$SCRATCH/iter cases/"
"$COCCI" tree --tree "$SCRATCH/iter cases" --rules kref_iterator --wrappers "$SCRATCH/no iterators" \
	--iter-tree "$it" --out "$SCRATCH/iter given" >/dev/null 2>&1 || true
assert "--iter-tree: the iterators of another tree's macros, with the getters of the list given" \
	grep -qx 'iter for_each_node node.h:1 2' "$SCRATCH/iter given/wrappers.txt"
assert "wrapper_calls_re: kref_balance's prefilter names no iterator" \
	lacks for_each_node <(bash -c 'source "$1/scripts/lib/cocci-wrappers.sh"; wrapper_calls_re "$2"' _ "$REPO" "$SCRATCH/iter out/wrappers.txt")

# --- an interrupted run resumes -------------------------------------------------
slow="$SCRATCH/slow tree"
for i in 1 2 3 4 5; do
	c_file "$slow/s$i.c" "/* FAKE_FINDING finding $i */"
done
c_file "$slow/s3.c" '/* FAKE_HANG */' '/* FAKE_FINDING finding 3 */'
export FAKE_SPATCH_RELEASE=$SCRATCH/release
: >"$FAKE_SPATCH_LOG"
COCCI_CHUNK=1 "$COCCI" tree --tree "$slow" --rules list_del_init --jobs 1 \
	--cache "$SCRATCH/slow cache" >/dev/null 2>&1 &
pid=$!
wait_until 100 grep -q 's3.c' "$FAKE_SPATCH_LOG" || true
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
assert "resume: the run is stopped at the third file (exit $rc)" [ "$rc" -ne 0 -a "$(calls)" == 3 ]
touch "$FAKE_SPATCH_RELEASE"
: >"$FAKE_SPATCH_LOG"
expect "resume: a re-run reports every finding" 1 '^list_del_init: 5 finding\(s\) in 5 file\(s\)' \
	env COCCI_CHUNK=1 "$COCCI" tree --tree "$slow" --rules list_del_init --jobs 1 --cache "$SCRATCH/slow cache"
assert "resume: ... and checks only the files the stopped run had not done" \
	[ "$(paste -sd' ' "$FAKE_SPATCH_LOG")" == "report s3.c report s4.c report s5.c" ]
assert "resume: no temporary record is left behind" \
	[ -z "$(find "$SCRATCH/slow cache/files" -name '.new.*')" ]

# --- the cache is pruned ------------------------------------------------------------
pc="$SCRATCH/slow cache/files"
keyd=$(find "$pc" -mindepth 1 -maxdepth 1 -type d | head -n 1)
touch -d '40 days ago' "$keyd/s1.c=old"
mkdir -p "$pc/list_del_init-report-0000"
touch -d '40 days ago' "$pc/list_del_init-report-0000/s2.c=old"
head -c 3000000 /dev/zero >"$keyd/s4.c=big"
touch -d '2 days ago' "$keyd/s4.c=big"
: >"$FAKE_SPATCH_LOG"
COCCI_CACHE_MB=2 "$COCCI" tree --tree "$slow" --rules list_del_init --jobs 1 \
	--cache "$SCRATCH/slow cache" >/dev/null 2>&1 || true
assert "prune: records unused for 30 days go, with their emptied dirs" \
	[ ! -e "$keyd/s1.c=old" -a ! -e "$pc/list_del_init-report-0000" ]
assert "prune: then the oldest beyond COCCI_CACHE_MB" [ ! -e "$keyd/s4.c=big" ]
assert "prune: what the run used is kept, nothing was run again" \
	[ "$(find "$keyd" -type f | wc -l)" == 5 -a "$(calls)" == 0 ]

# --- another run prunes the shared cache while this one runs --------------------
race="$SCRATCH/race tree"
c_file "$race/r1.c" '/* FAKE_HANG */' '/* FAKE_FINDING finding 1 */'
c_file "$race/r2.c" '/* FAKE_FINDING finding 2 */'
rm -f "$FAKE_SPATCH_RELEASE"
: >"$FAKE_SPATCH_LOG"
COCCI_CHUNK=1 "$COCCI" tree --tree "$race" --rules list_del_init --jobs 1 \
	--cache "$SCRATCH/race cache" >"$SCRATCH/race.log" 2>&1 &
pid=$!
wait_until 100 grep -q 'r1.c' "$FAKE_SPATCH_LOG" || true
# what cache_prune does to the run's record dir, empty until a chunk ends
find "$SCRATCH/race cache/files" -mindepth 1 -maxdepth 1 -type d -empty -delete
touch "$FAKE_SPATCH_RELEASE"
rc=0
wait "$pid" || rc=$?
assert "cache: a record dir another run's prune took while it was empty is made again (exit $rc)" \
	grep -q '^list_del_init: 2 finding(s) in 2 file(s)' "$SCRATCH/race.log"
assert "cache: ... and the run's records are kept in it" \
	[ "$(find "$SCRATCH/race cache/files" -mindepth 2 -type f ! -path '*/.new.*' | wc -l)" == 2 ]

# --- rules made of parts (cocci/NAME.d/) ---------------------------------------
# with_rules DIR CMD...: CMD with lib/spatch.sh's functions, on the rules
# of DIR instead of cocci/.
# shellcheck disable=SC2034 # read by the functions CMD runs
with_rules() {
	(
		lib_init spatch
		COCCI_DIR=$1
		ALL_RULES=$(all_rules)
		"${@:2}"
	)
}
rd="$SCRATCH/rule parts"
mkdir -p "$rd/split.d" "$rd/dir.cocci"
printf '// whole\n' >"$rd/whole.cocci"
# made in another order than their names'
printf '@r@\n@@\n' >"$rd/split.d/90-end.cocci"
printf '// mid\n' >"$rd/split.d/10-mid.cocci"
printf '// head\n// Confidence: High, Low\n' >"$rd/split.d/00-head.cocci"
printf 'not a part\n' >"$rd/split.d/README"
: >"$rd/file.d"
assert "parts: a directory NAME.d is a rule beside the files NAME.cocci (not a file .d, a directory .cocci)" \
	[ "$(with_rules "$rd" all_rules)" == "split whole" ]
assert "parts: the rule's text is its *.cocci parts in name order" \
	[ "$(with_rules "$rd" rule_text split)" == "$(printf '// head\n// Confidence: High, Low\n// mid\n@r@\n@@')" ]
expect "parts: no file for spatch before they are assembled" 2 'split is made of parts, and they were not assembled' \
	with_rules "$rd" rule_file split
built="$SCRATCH/built rules"
assemble_and_name() { rules_assemble "$1" && rule_file split && rule_file whole; }
assert "parts: assembled into the run's dir, where rule_file finds them; a rule file stays where it is" \
	[ "$(with_rules "$rd" assemble_and_name "$built")" == "$(printf '%s\n' "$built/split.cocci" "$rd/whole.cocci")" ]
assert "parts: ... the file is the parts joined" cmp -s "$built/split.cocci" <(cat "$rd/split.d/"{00-head,10-mid,90-end}.cocci)
tiers_of() {
	# shellcheck source=../scripts/lib/spatch-output.sh
	source "$REPO/scripts/lib/spatch-output.sh"
	rule_tiers "$1"
}
assert "parts: a rule's tiers come from its text, assembled or not (cocci.sh merge does not assemble)" \
	[ "$(with_rules "$rd" tiers_of split 2>&1)" == "High Low" ]
mkdir -p "$rd/whole.d"
expect "parts: a rule both a file and a directory is an error" 2 'rule whole: both cocci/NAME.cocci and cocci/NAME.d/' \
	with_rules "$rd" all_rules
rmdir "$rd/whole.d"

# two runs assembling into one dir at once: a reader sees either's whole
# text, never a half-written one (parts big enough to take a while)
big="$SCRATCH/big parts"
mkdir -p "$big/r.d"
for i in 1 2 3; do head -c 400000 /dev/zero | tr '\0' "$i" >"$big/r.d/$i.cocci"; done
cat "$big/r.d/"{1,2,3}.cocci >"$SCRATCH/big.want"
shared="$SCRATCH/shared rules"
assemble_n() {
	local i
	for ((i = 0; i < 25; i++)); do rules_assemble "$1"; done
}
with_rules "$big" assemble_n "$shared" &
w1=$!
with_rules "$big" assemble_n "$shared" &
w2=$!
torn=0 reads=0
while kill -0 "$w1" 2>/dev/null || kill -0 "$w2" 2>/dev/null; do
	[[ -e $shared/r.cocci ]] || continue
	reads=$((reads + 1))
	cmp -s "$shared/r.cocci" "$SCRATCH/big.want" || torn=$((torn + 1))
done
wait "$w1" "$w2"
assert "parts: two assemblies at once: every read saw the whole rule ($torn of $reads did not)" [ "$torn" == 0 ]
assert "parts: ... the rule is whole, nothing temporary is left" \
	[ "$(cmp "$shared/r.cocci" "$SCRATCH/big.want" && ls -A "$shared")" == r.cocci ]

# kref_balance, a rule of parts: what cocci.sh prints, and what spatch gets
kb=$REPO/cocci/kref_balance.d
expect "parts: cocci.sh rule --list names kref_balance" 0 '^kref_balance$' "$COCCI" rule --list
assert "parts: cocci.sh rule kref_balance prints its parts joined in name order" \
	cmp -s <("$COCCI" rule kref_balance) <(find "$kb" -name '*.cocci' | LC_ALL=C sort | xargs -d '\n' cat --)
assert "parts: its options come from the first part" \
	[ "$(with_rules "$REPO/cocci" rule_options kref_balance)" == " --no-includes --include-headers" ]
assert "parts: ... and the wrapper list is what it reads" with_rules "$REPO/cocci" rule_reads_wrappers kref_balance
assert "parts: ... and it may be run on copies with bodies blanked" with_rules "$REPO/cocci" rule_reduces kref_balance
if with_rules "$REPO/cocci" rule_reduces kref_iterator; then
	not_ok "parts: kref_iterator, which does not say so, may not"
else
	ok "parts: kref_iterator, which does not say so, may not"
fi
export FAKE_SPATCH_RULES=$SCRATCH/spatch-rules
: >"$FAKE_SPATCH_RULES"
touch "$SCRATCH/parts stamp"
"$COCCI" tree --tree "$tree" --rules kref_balance --out "$SCRATCH/parts out" >/dev/null 2>&1 || true
assert "parts: spatch gets one file, in the run's out dir, for pass 1 and the check" \
	[ "$(sort -u "$FAKE_SPATCH_RULES")" == "$SCRATCH/parts out/rules/kref_balance.cocci" -a \
	"$(grep -c . "$FAKE_SPATCH_RULES")" -ge 2 ]
assert "parts: ... which is the rule's text" \
	cmp -s "$SCRATCH/parts out/rules/kref_balance.cocci" <("$COCCI" rule kref_balance)
assert "parts: ... and nothing is written in cocci/" [ -z "$(find "$REPO/cocci" -newer "$SCRATCH/parts stamp")" ]
unset FAKE_SPATCH_RULES
expect "parts: cocci.sh rule: an unknown rule" 2 "rule: unknown rule 'nope'" "$COCCI" rule nope
expect "parts: cocci.sh rule --help is its own" 0 '^Usage: scripts/cocci.sh rule RULE$' "$COCCI" rule --help

# each rule as cocci.sh rule prints it runs with plain spatch on one file,
# as coccicheck runs it: nothing in its text is taken for options or
# files (a comment line "# spatch ..." is)
if [[ -n $real ]]; then
	printf 'int f(void)\n{\n\treturn 0;\n}\n' >"$SCRATCH/plain.c"
	for r in $("$COCCI" rule --list); do
		"$COCCI" rule "$r" >"$SCRATCH/plain.cocci"
		expect "real spatch: $r as cocci.sh rule prints it runs on one file alone" 0 \
			'HANDLING: .*plain\.c$' env KREF_WRAPPERS= LIST_TESTED= "$real" --sp-file "$SCRATCH/plain.cocci" \
			-D report --no-includes "$SCRATCH/plain.c"
	done
else
	skip "real spatch: no spatch on this machine"
fi

# --- usage ---------------------------------------------------------------------
expect "usage: --help of a subcommand is its own" 0 '^Usage: scripts/cocci.sh merge' "$COCCI" merge --help
expect "usage: an unknown subcommand" 2 "unknown subcommand 'sideways'" "$COCCI" sideways

finish
