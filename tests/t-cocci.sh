#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/cocci.sh with a fake spatch (tests/cocci/
# fake-spatch, which reports what markers in each file say and logs every
# file it is given): spatch's output parsed from canned text, the diff
# gate, parse failures, timeouts, the per-file cache, shards and their
# merge, a directory that is not a kernel tree. Seconds, no real spatch.
# (The rules themselves: scripts/cocci-test.sh.) Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_scratch
COCCI=$REPO/scripts/cocci.sh
export SPATCH=$REPO/tests/cocci/fake-spatch
export FAKE_SPATCH_LOG=$SCRATCH/spatch-calls
: >"$FAKE_SPATCH_LOG"

# calls: how many files the fake spatch was given so far.
calls() { wc -l <"$FAKE_SPATCH_LOG"; }

# c_file PATH [LINE...]: a C file with a list_del() (so that the
# list_del_init prefilter passes it) and the given lines in its body.
c_file() {
	local path=$1
	shift
	mkdir -p "$(dirname "$path")"
	{
		printf 'void %s(struct x *e)\n{\n\tlist_del(&e->node);\n' "$(basename "${path%.c}" | tr -c 'a-z0-9_\n' _)"
		printf '\t%s\n' "$@"
		printf '}\n'
	} >"$path"
}

# without_time FILE: a tree run's output without its time line.
without_time() { grep -v '^time: ' "$1"; }

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

# --- the diff gate ---------------------------------------------------------
base="$SCRATCH/diff base" series="$SCRATCH/diff series"
c_file "$base/mm/a.c" '/* FAKE_FINDING list_del() of a tested entry */'
c_file "$base/mm/b.c" 'e->x = 1;'
cp -a "$base" "$series"
run_diff() {
	"$COCCI" diff --base-tree "$base" --series-tree "$series" --out "$SCRATCH/diff out" \
		--rules list_del_init --jobs 2 mm/a.c mm/b.c
}
expect "diff: a finding of the base does not fail" 0 \
	'^ok 1 - list_del_init: no new findings \(1 in base\)' run_diff
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_FINDING list_del() of a tested entry */'
expect "diff: a new finding fails" 1 \
	'^not ok 1 - list_del_init: 1 new finding\(s\) \(1 in base\)' run_diff
assert "diff: ... named on stderr with the log" grep -qx \
	"cocci: list_del_init: 1 new finding(s) in mm/b.c; log: $SCRATCH/diff out/cocci-diff.log" "$SCRATCH/last.log"
assert "diff: ... and listed as new" grep -q '^# new: mm/b.c:5:1-2: ' "$SCRATCH/last.log"
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_PARSE */'
expect "diff: a parse failure is listed, and does not fail" 0 \
	'^# series: warning: mm/b\.c:1: function b\(\) not checked: spatch could not parse it \(line 5\)' run_diff
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_CRASH */'
expect "diff: spatch failing is a setup error, with the log" 2 \
	'list_del_init -D report: spatch failed in .*diff series; log: ' run_diff

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
"$COCCI" diff --base-tree "$tree" --series-tree "$tree" --out "$SCRATCH/kref diff" \
	--cache "$SCRATCH/shared cache" --cache-key base-1 --rules kref_balance kref.c >/dev/null 2>&1 || true
"$COCCI" tree --tree "$tree" --rules kref_balance --out "$SCRATCH/kref tree" \
	--cache "$SCRATCH/shared cache" >/dev/null 2>&1 || true
assert "pass 1: a tree run takes the wrapper list a diff run kept (make cocci-tree after make cocci)" \
	grep -q '^pass 1: cached wrapper list ' "$SCRATCH/kref tree/cocci-tree.log"

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

# --- make cocci-tree on a directory of C that is not a kernel tree --------
expect "make cocci-tree KSRC=DIR: any directory of C" 1 \
	'^list_del_init: 7 finding\(s\) in 7 file\(s\)' \
	env -u MAKEFLAGS KSRC="$tree" O="$SCRATCH/o" CACHE="$SCRATCH/user cache" "$REPO/scripts/cocci-tree.sh"
expect "make cocci-tree SHARD=2/3: its own output dir" 1 '^list_del_init: .*file\(s\) checked' \
	env KSRC="$tree" O="$SCRATCH/o" CACHE="$SCRATCH/user cache" SHARD=2/3 "$REPO/scripts/cocci-tree.sh"
assert "make cocci-tree SHARD=2/3: ... in O/cocci-tree/shard-2-of-3" \
	grep -qx 'shard=2/3' "$SCRATCH/o/cocci-tree/shard-2-of-3/run.env"

# --- usage ---------------------------------------------------------------------
expect "usage: --help of a subcommand is its own" 0 '^Usage: scripts/cocci.sh merge' "$COCCI" merge --help
expect "usage: an unknown subcommand" 2 "unknown subcommand 'sideways'" "$COCCI" sideways

finish
