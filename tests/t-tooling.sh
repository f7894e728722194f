#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/ against a fake kernel tree (seconds, no kernel
# build): every bad input gives its one-line error and exit code, and
# leaves series/ and the base tree as they were. Prints TAP.
set -euo pipefail
# Long: a list of cases, each a few lines; the helpers are in tests/lib.sh.
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_fake_base
S=$REPO/scripts

# Each case runs with its own series and output dir (run_case, in_case).

user_cache=${XDG_CACHE_HOME:-$HOME/.cache}/z3fold-series
user_work_dirs() { find "$user_cache" -maxdepth 1 -name 'work-*' 2>/dev/null | sort; }
before_cache=$(user_work_dirs)

# --- a good series passes every static stage, twice (second run cached)
run_case good
series_add "triple pages" 's/return n \* 3;/return n + n + n;/'
series_add "name the factor" 's/^int z3fold_pages(int n)$/int z3fold_pages(int n) \/* 3 per page *\//'
record
before_series=$(tree_sum "$SER")
expect "good series: every static stage passes" 0 'make check: PASS' \
	in_case "$S/check.sh" base apply checkpatch build bisect sparse
assert "good series: JUnit report written" \
	grep -q '<testcase classname="check" name="bisect"' "$OUTD/report.xml"
assert "good series: TAP report written" grep -q '^ok 6 - sparse' "$OUTD/report.tap"
expect "good series: a re-check reuses every build" 0 'make check: PASS' \
	in_case "$S/check.sh" build bisect sparse
if grep -q 'building prefix' "$SCRATCH/last.log"; then
	not_ok "good series: nothing rebuilt on a re-check"
else
	ok "good series: nothing rebuilt on a re-check"
fi
assert "good series: series dir unchanged" [ "$(tree_sum "$SER")" == "$before_series" ]

# --- a patch that does not apply names the patch and the hunk
run_case noapply
series_add "first" 's/return n \* 3;/return 3 * n;/'
record
sed -i 's/^-\treturn n \* 3;/-\treturn n * 4;/' "$SER/0001-first.patch"
expect "does not apply: patch and hunk named" 1 \
	'apply: 0001-first.patch does not apply: mm/z3fold.c hunk #1 \(@@ .* @@\) FAILED' \
	in_case "$S/check.sh" apply

# --- a test overlay that does not apply is named, with the prefix
run_case overlay
series_add "first" 's/return n \* 3;/return 3 * n;/'
record
mkdir -p "$SCRATCH/overlay dir"
sed 's/return n \* 3;/return n * 4;/' "$SER/0001-first.patch" >"$SCRATCH/overlay dir/0001-test.patch"
expect "overlay that does not apply: named with its prefix" 1 \
	'apply: test overlay 0001-test.patch does not apply on prefix 1; log: ' \
	env CACHE="$SCRATCH_CACHE" KSRC="$KSRC_DIR" SERIES="$SER" O="$OUTD" OVERLAY="$SCRATCH/overlay dir" "$S/check.sh" apply

# --- a build broken by patch 2 of 3 (and mended by 3): bisect names 2
run_case bisect
series_add "one" 's/return n \* 3;/return n * 3; \/\* one \*\//'
series_add "two" 's/return n \* 3;/return n * 3 +;/'
series_add "three" 's/return n \* 3 +;/return n * 3;/'
record
expect "build breaks at 2 of 3: bisect names prefix 2" 1 \
	'first bad: prefix 2 \(0002-two.patch\) does not build: .*error' \
	in_case "$S/check.sh" bisect

# --- W=1 and sparse regressions
run_case warn
series_add "unused" 's/return n \* 3;/int unused = 1;\n\treturn n * 3;/'
record
expect "new W=1 warning fails the build stage" 1 \
	'series adds 1 W=1 warning\(s\): mm/z3fold.c: warning: unused variable' \
	in_case "$S/check.sh" build
run_case sparse
series_add "plain null" 's/return n \* 3;/char *p = 0;\n\n\t(void)p;\n\treturn n * 3;/'
record
expect "new sparse warning fails the sparse stage" 1 \
	'series adds 1 sparse warning\(s\): mm/z3fold.c: warning: Using plain integer as NULL pointer' \
	in_case "$S/check.sh" sparse

# --- checkpatch and mail headers
run_case checkpatch
series_add "trailing" 's/return n \* 3;/return n * 3; /'
record
expect "checkpatch error names patch and type" 1 \
	'checkpatch: 0001-trailing.patch: ERROR:TRAILING_WHITESPACE' \
	in_case "$S/check.sh" checkpatch
printf '0001-trailing.patch TRAILING_WHITESPACE the test wants it\n' >"$SER/checkpatch.exceptions"
expect "checkpatch exception with a reason is honoured" 0 'excepted: the test wants it' \
	in_case "$S/checkpatch.sh"
printf '0001-trailing.patch TRAILING_WHITESPACE\n' >"$SER/checkpatch.exceptions"
expect "checkpatch exception without a reason is refused" 2 \
	'checkpatch.exceptions: line 1: want .PATCH TYPE REASON.' in_case "$S/checkpatch.sh"
run_case codespell
series_add "spelling" 's/return n \* 3;/return 3 * n;/'
sed -i 's/^Change the stand-in so/Change the abandonned stand-in so/' \
	"$SER/0001-spelling.patch"
record
expect "checkpatch --codespell: a typo only codespell's dictionary knows names the patch and the word" 1 \
	"checkpatch: 0001-spelling.patch: WARNING:TYPO_SPELLING: 'abandonned' may be misspelled" \
	in_case "$S/checkpatch.sh"
run_case nosob
series_add "unsigned" 's/return n \* 3;/return 3 * n;/' no
record
expect "missing Signed-off-by names the patch" 1 \
	'checkpatch: 0001-unsigned.patch: mail: no Signed-off-by:' \
	in_case "$S/check.sh" checkpatch

# --- hygiene: the kernel-doc the series adds, and each patch's origin
# kernel_doc PARAM: a sed script documenting z3fold_pages() with @PARAM.
kernel_doc() {
	printf 's|^int z3fold_pages(int n)$|/**\\n * z3fold_pages() - the pages %s objects take\\n * @%s: how many objects\\n *\\n * Return: the number of pages.\\n */\\n&|' "$1" "$1"
}
FAKE_FIXES='Fixes: 0123456789ab ("mm/z3fold: add the stand-in")'
run_case hygiene
series_add "document" "$(kernel_doc n)"
series_add "triple" 's/return n \* 3;/return n + n + n;/'
record
# As series/ does for the real series: no git history to look ids up in.
printf '* UNKNOWN_COMMIT_ID the fake base has no git history\n' >"$SER/checkpatch.exceptions"
expect "hygiene: documented, with Fixes: tags checkpatch takes too, passes" 0 'make check: PASS' \
	in_case "$S/check.sh" checkpatch hygiene
assert "hygiene: kernel-doc ran on the touched file" \
	grep -q 'ok 1 - kernel-doc -[-a-zA-Z]*: no new warning in 1 touched' "$SCRATCH/last.log"
assert "hygiene: no git base is a SKIP of the history look-up, saying why" \
	grep -q "ok 4 - commit ids in the base's history # SKIP no history to look in: the base is tree " \
	"$SCRATCH/last.log"

run_case hygiene-kdoc
series_add "document" "$(kernel_doc n)"
series_add "rename" 's/^ \* @n: how many objects$/ * @count: how many objects/'
record
before_series=$(tree_sum "$SER")
expect "hygiene: a kernel-doc warning the series adds names the first patch and the log" 1 \
	"hygiene: new kernel-doc warning: mm/z3fold.c: warning: .*'(n|count)'.* \(the first of 2 findings\), 0002-rename.patch; log: .*/hygiene/kernel-doc.log" \
	in_case "$S/check.sh" hygiene
assert "hygiene: the added warnings are listed under the TAP" \
	grep -q "# mm/z3fold.c: warning: Function parameter or member 'n' not described in 'z3fold_pages'" \
	"$SCRATCH/last.log"
assert "hygiene: kernel-doc failure leaves series/ as it was" [ "$(tree_sum "$SER")" == "$before_series" ]

run_case hygiene-fixes
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
sed -i 's/^Fixes: 0123456789ab /Fixes: 0123456 /' "$SER/0001-one.patch"
before_series=$(tree_sum "$SER")
expect "hygiene: a short Fixes: id names the patch and the line" 1 \
	"hygiene: malformed Fixes: line 6 'Fixes: 0123456 \(\"mm/z3fold: add the stand-in\"\)': the id is shorter than 12 hex digits, 0001-one.patch; log: .*/hygiene/origin.log" \
	in_case "$S/check.sh" hygiene
assert "hygiene: a malformed Fixes: leaves series/ as it was" [ "$(tree_sum "$SER")" == "$before_series" ]
sed -i 's/^Fixes: 0123456 .*/Fixes: 0123456789ab ("mm\/z3fold: add the\n stand-in")/' "$SER/0001-one.patch"
expect "hygiene: a wrapped Fixes: subject is malformed" 1 \
	"hygiene: malformed Fixes: line 6 'Fixes: 0123456789ab \(\"mm/z3fold: add the': the subject does not end in \"\) on this line \(wrapped\?\), 0001-one.patch; log: " \
	in_case "$S/hygiene.sh"

run_case hygiene-none
FAKE_FIXES='' series_add "one" 's/return n \* 3;/return 3 * n;/'
record
before_series=$(tree_sum "$SER")
expect "hygiene: a patch with neither Fixes: nor a named origin is named" 1 \
	"hygiene: no Fixes: tag, and no origin named as 'commit <12\+ hex> \(\"<subject>\"\)', 0001-one.patch; log: " \
	in_case "$S/check.sh" hygiene
assert "hygiene: no origin leaves series/ as it was" [ "$(tree_sum "$SER")" == "$before_series" ]
sed -i 's/^Change the stand-in so the self-tests have something to check\.$/&\nThe stand-in came with commit 0123456789ab ("mm\/z3fold: add the\nstand-in")./' \
	"$SER/0001-one.patch"
expect "hygiene: an origin named in prose, wrapped, is enough without Fixes:" 0 \
	'ok 2 - 0001-one.patch: no Fixes:, origin named: commit 0123456789ab' in_case "$S/hygiene.sh"

# With a git base, each id must be a commit of it with the quoted subject.
# Its z3fold.c has kernel-doc warnings of its own: listed, not failed.
run_case hygiene-git
hyg_git="$SCRATCH/git hygiene linux"
cp -a "$KSRC_DIR" "$hyg_git"
sed -i "$(kernel_doc count)" "$hyg_git/mm/z3fold.c"
new_series "$SER" "$hyg_git"
git_repo "$hyg_git" 'mm/z3fold: add the stand-in'
hyg_head=$(git -C "$hyg_git" rev-parse HEAD)
FAKE_FIXES="Fixes: ${hyg_head:0:12} (\"mm/z3fold: add the stand-in\")"
series_add "one" 's/return n \* 3;/return 3 * n;/'
FAKE_FIXES="Fixes: ${hyg_head:0:14} (\"mm/z3fold: add the stand-in\")"
series_add "two" 's/return 3 \* n;/return n * 3;/'
FAKE_FIXES=
in_git() { in_case env KSRC="$hyg_git" "$@"; }
in_git "$S/base.sh" --record >/dev/null 2>&1
expect "hygiene, git base: Fixes: ids found with their subjects" 0 \
	"ok 4 - 2 commit id\(s\) in the base's history \(git .*${hyg_head:0:12}\), subjects as quoted" \
	in_git "$S/check.sh" hygiene
assert "hygiene: the base's own kernel-doc warnings are counted, not failed" \
	grep -q 'ok 1 - kernel-doc -[-a-zA-Z]*: no new warning in 1 touched .c/.h file(s) (2 in the base)' \
	"$SCRATCH/last.log"
assert "hygiene: the base's own kernel-doc warnings are listed" \
	grep -q "# mm/z3fold.c: warning: Excess function parameter 'count' description in 'z3fold_pages'" \
	"$SCRATCH/last.log"
sed -i 's/^\(Fixes: [0-9a-f]* ("\)mm\/z3fold: add the stand-in/\1mm\/z3fold: add a stand-in/' "$SER/0002-two.patch"
before_series=$(tree_sum "$SER")
expect "hygiene, git base: a Fixes: subject that differs names the patch" 1 \
	"hygiene: Fixes: ${hyg_head:0:14} is \(\"mm/z3fold: add the stand-in\"\) in the base's history, not \(\"mm/z3fold: add a stand-in\"\), 0002-two.patch; log: .*/hygiene/origin.log" \
	in_git "$S/check.sh" hygiene
assert "hygiene, git base: a wrong subject leaves series/ as it was" \
	[ "$(tree_sum "$SER")" == "$before_series" ]
sed -i "s/^Fixes: ${hyg_head:0:12} /Fixes: 0123456789ab /" "$SER/0001-one.patch"
before_series=$(tree_sum "$SER")
expect "hygiene, git base: a Fixes: id that does not resolve names the patch" 1 \
	"hygiene: Fixes: 0123456789ab is not a commit of the base's history \(the first of 2 findings\), 0001-one.patch; log: " \
	in_git "$S/hygiene.sh"
assert "hygiene, git base: an unknown id leaves series/ as it was" \
	[ "$(tree_sum "$SER")" == "$before_series" ]

# --- make identity: one place names the identity of every patch
run_case identity
series_add "one" 's/return n \* 3;/return 3 * n;/'
series_add "two" 's/return 3 \* n;/return n * 3;/'
record
printf '# who the series is from\nSelf Test <self-test@example.org>\n' >"$SER/identity"
expect "identity: every From: must be series/identity" 0 '^ok 2 - 0002-two.patch' \
	in_case "$S/checkpatch.sh"
expect "identity: make identity puts the new one everywhere" 0 \
	'series/ now carries New Person <new@example.org> \(2 patches' \
	in_case env ID='New Person <new@example.org>' "$S/identity.sh"
assert "identity: From: and Signed-off-by: of every patch changed" \
	[ "$(grep -hcE '^(From|Signed-off-by): New Person <new@example.org>$' "$SER"/0*.patch | paste -sd+ | bc)" == 4 ]
assert "identity: series/identity changed, its comment kept" \
	[ "$(cat "$SER/identity")" == $'# who the series is from\nNew Person <new@example.org>' ]
expect "identity: checkpatch passes with the new identity" 0 '^ok 2 - 0002-two.patch' \
	in_case "$S/checkpatch.sh"
sed -i 's/^From: New Person/From: Other Person/; s/^Signed-off-by: New Person/Signed-off-by: Other Person/' "$SER/0001-one.patch"
expect "identity: a patch from someone else is named" 1 \
	'0001-one.patch: mail: From: Other Person <new@example.org> is not series/identity' \
	in_case "$S/checkpatch.sh"
before_series=$(tree_sum "$SER")
expect "identity: a malformed identity is refused" 2 "identity must look like 'Name <mail@host>'" \
	in_case "$S/identity.sh" 'nobody'
assert "identity: a refused change leaves series/ as it was" [ "$(tree_sum "$SER")" == "$before_series" ]

# --- malformed series files
run_case malformed
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
printf '0001-one.patch -R\n' >"$SER/series"
expect "series option quilt cannot reproduce" 2 'series: line 1: only' in_case "$S/check.sh" apply
printf '0001-one.patch\nmissing.patch\n' >"$SER/series"
expect "series names a missing patch" 2 "series: line 2: patch 'missing.patch' not found" \
	in_case "$S/check.sh" apply
printf '0001-one.patch\n0001-one.patch\n' >"$SER/series"
expect "series lists a patch twice" 2 'series: line 2: .0001-one.patch. listed twice' \
	in_case "$S/check.sh" apply
printf '# nothing\n' >"$SER/series"
expect "empty series" 2 'lists no patch' in_case "$S/check.sh" apply

# --- base mismatch
run_case mismatch
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
sed -i 's/^sha256 [0-9a-f]*/sha256 0000000000000000000000000000000000000000000000000000000000000000/' "$SER/BASE"
expect "base mismatch names the file" 2 \
	'base: mm/z3fold.c: differs from the file series/BASE records .*FORCE_BASE=1' \
	in_case "$S/check.sh" base
expect "FORCE_BASE=1 goes on" 0 'make check: PASS' in_case env FORCE_BASE=1 "$S/check.sh" apply
sed -i 's/^version .*/version 6.1.1/' "$SER/BASE"
expect "base version mismatch" 2 'version: base is 6.1.192, series/BASE records 6.1.1' \
	in_case "$S/base.sh"

# --- a config option the fake kconfig drops
run_case dropped
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
echo CONFIG_ZSWAP >"$SCRATCH/kconfig-drops"
expect "dropped config option is named" 2 \
	'base.config: CONFIG_ZSWAP=y requested, final .config has CONFIG_ZSWAP=n' \
	in_case env FAKE_KCONFIG_DROPS="$SCRATCH/kconfig-drops" "$S/build.sh"

# --- a missing tool, and missing packages without root
run_case notool
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
nobin="$SCRATCH/bin without quilt"
mkdir -p "$nobin"
declare -A linked=()
# One link per command name, the first of PATH's order, in one ln.
for f in /usr/local/bin/* /usr/bin/* /bin/*; do
	[[ ${f##*/} == quilt || -n ${linked[${f##*/}]:-} ]] || linked[${f##*/}]=$f
done
ln -s -t "$nobin" -- "${linked[@]}"
expect "missing quilt is named with its package" 2 \
	"apply: missing tool 'quilt'; install it with: apt-get install quilt" \
	in_case env PATH="$nobin" "$S/check.sh" apply
expect "missing package without root: the apt-get line" 2 \
	'missing packages: z3s-no-such-package; install them with: apt-get install' \
	env DEPS_INSTALL=no DEPS_EXTRA=z3s-no-such-package "$S/deps.sh"

# --- KSRC on a read-only tree
run_case readonly
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
if [[ $(id -u) == 0 ]] && command -v unshare >/dev/null; then
	ro_run() {
		# shellcheck disable=SC2016 # the inner shell expands them
		unshare --mount bash -c 'mount --bind "$1" "$1" && mount -o remount,ro,bind "$1" && shift && "$@"' \
			_ "$KSRC_DIR" "$@"
	}
else
	chmod -R a-w "$KSRC_DIR"
	ro_run() { "$@"; }
fi
expect "KSRC on a read-only tree" 0 'make check: PASS' \
	in_case ro_run "$S/check.sh" base apply checkpatch build bisect sparse
chmod -R u+w "$KSRC_DIR"


# --- the cocci stage keeps each run's findings: a re-check runs no spatch
run_case cocci-cache
series_add "triple pages" 's/return n \* 3;/return n + n + n;/'
record
expect "cocci: the stage passes on the fake tree" 0 'cocci +PASS' in_case "$S/check.sh" cocci
expect "cocci: a re-check reuses every run" 0 'cocci +PASS' in_case "$S/check.sh" cocci
nrules=$(find "$REPO/cocci" -maxdepth 1 \( -name '*.cocci' -type f -o -name '*.d' -type d \) | wc -l)
assert "cocci: ... every rule's two runs and two wrapper passes from the cache" \
	[ "$(grep -c ': 1 file(s), 1 from the cache, 0 run ' "$OUTD/cocci/cocci-diff.log")" == $((2 * nrules + 2)) ]
series_add "name the factor" 's/^int z3fold_pages(int n)$/int z3fold_pages(int n) \/* 3 per page *\//'
expect "cocci: after a new patch" 0 'cocci +PASS' in_case "$S/check.sh" cocci
assert "cocci: ... only the base's runs come from the cache" \
	[ "$(grep -c ': 1 file(s), 1 from the cache, 0 run ' "$OUTD/cocci/cocci-diff.log")" == $((nrules + 1)) ]

# --- KSRC as a git checkout: its commit is the base, .git stays out
run_case git
series_add "one" 's/return n \* 3;/return 3 * n;/'
git_tree="$SCRATCH/git linux"
cp -a "$KSRC_DIR" "$git_tree"
git_repo "$git_tree" base
head=$(git -C "$git_tree" rev-parse HEAD)
CACHE=$SCRATCH_CACHE KSRC=$git_tree SERIES=$SER O=$OUTD "$S/base.sh" --record >/dev/null 2>&1
expect "KSRC git checkout: the commit is recorded and checked" 0 "git .*${head:0:12}" \
	env CACHE="$SCRATCH_CACHE" KSRC="$git_tree" SERIES="$SER" O="$OUTD" OVERLAY=none "$S/check.sh" base apply
assert "KSRC git checkout: series/BASE records the commit" grep -qx "commit $head" "$SER/BASE"
# shellcheck disable=SC2016 # expanded by the inner shell
scratch_tree=$(CACHE=$SCRATCH_CACHE O=$OUTD bash -c 'source "$1/scripts/lib/common.sh" && lib_init series && echo "$TREE"' _ "$REPO")
assert "KSRC git checkout: a scratch tree without .git" \
	[ -f "$scratch_tree/Makefile" -a ! -e "$scratch_tree/.git" ]
assert "KSRC git checkout: user's branch untouched" \
	[ "$(git -C "$git_tree" rev-parse HEAD)" == "$head" -a -z "$(git -C "$git_tree" status --porcelain)" ]

# --- the base's id follows contents: a plain tree's and a dirty checkout's
# base_id KSRC: BASE_ID as base.sh resolves KSRC for the case.
base_id() {
	env CACHE="$SCRATCH_CACHE" KSRC="$1" SERIES="$SER" O="$OUTD" FORCE_BASE=1 \
		"$S/base.sh" >/dev/null 2>&1
	kv_get "$OUTD/base.env" BASE_ID
}
plain_tree="$SCRATCH/plain linux"
cp -a "$KSRC_DIR" "$plain_tree"
id0=$(base_id "$plain_tree")
touch "$plain_tree/Makefile" "$plain_tree/README"
assert "base id: a plain tree touched, contents the same: same id" [ "$(base_id "$plain_tree")" == "$id0" ]
echo '/* an edit */' >>"$plain_tree/README"
id1=$(base_id "$plain_tree")
assert "base id: a plain tree edited outside mm/: a new id" [ "$id1" != "$id0" ]
echo 'one edit' >"$git_tree/README"
id2=$(base_id "$git_tree")
echo 'another edit' >"$git_tree/README"
id3=$(base_id "$git_tree")
assert "base id: a dirty checkout, two edits of one file: two ids" [ "$id2" != "$id3" ]
git -C "$git_tree" checkout -q README

assert "no scratch tree left in the user's cache ($user_cache)" \
	[ "$(user_work_dirs)" == "$before_cache" ]

# --- the benchmarks' tables, from canned runs (no boot, no build)
bench_out="$SCRATCH/bench out"
mkdir -p "$bench_out/bench-z3fold"
echo "seed 7, rounds 3" >"$bench_out/bench-z3fold/workload"
for r in 1 2 3; do
	for c in base series zsmalloc zbud; do
		case $c in
		base) den=$((238 + r * 3)) res=fail ;;
		series) den=$((280 + r * 4)) res=pass ;;
		zsmalloc) den=$((400 + r)) res=pass ;;
		zbud) den=190 res=pass ;;
		esac
		mkdir -p "$bench_out/bench-z3fold/run$r/$c"
		printf '%s\n' "result=$res" "counter.density_pct=$den" \
			"counter.stores=20000" "counter.reject_alloc=$r" \
			"counter.reject_poor=0" "counter.reclaim_fail=4" \
			"counter.written_back=8000" "counter.stress_ms=9000" \
			"counter.workload_pages_per_s=$((3000 + r * 100))" \
			>"$bench_out/bench-z3fold/run$r/$c/parsed"
		echo "run$r $c $c/parsed" >>"$bench_out/bench-z3fold/index"
	done
done
expect "bench-z3fold --table: medians and spread per configuration" 0 \
	'density \(per 100 pages\) +244 \+-1% +288 \+-1% +402 \+-0% +190 \+-0%' \
	env O="$bench_out" "$S/bench-z3fold.sh" --table
assert "bench-z3fold --table: boots passing counted" \
	grep -Eq '^boots passing the gates +0/3 +3/3 +3/3 +3/3$' "$SCRATCH/last.log"
assert "bench-z3fold --table: ratios run by run" \
	grep -Eq '^density \(per 100 pages\) +1\.18 \[1\.18-1\.18\] +0\.72 \[0\.71-0\.72\]$' \
	"$SCRATCH/last.log"
# run 2's base crashed (no counters) and run 3's base rejected nothing:
# the columns say from how many runs they come, a crash counts as no
# zeros, and the reject ratio, from run 1 alone, is marked and listed
bench_crash="$SCRATCH/bench crash/bench-z3fold"
mkdir -p "$SCRATCH/bench crash"
cp -r "$bench_out/bench-z3fold" "$bench_crash"
echo "result=fail" >"$bench_crash/run2/base/parsed"
sed -i 's/^counter.reject_alloc=.*/counter.reject_alloc=0/' "$bench_crash/run3/base/parsed"
expect "bench-z3fold --table: a crashed boot's counters are left out" 0 \
	'density \(per 100 pages\) +244 \+-1% +288 \+-1% ' \
	env O="$SCRATCH/bench crash" "$S/bench-z3fold.sh" --table
assert "bench-z3fold --table: runs with counters counted per column" \
	grep -Eq '^boots with counters +2/3 +3/3 +3/3 +3/3$' "$SCRATCH/last.log"
assert "bench-z3fold --table: no zero for a crashed boot's rejects" \
	grep -Eq '^stores rejected +0\.5 \+-100% ' "$SCRATCH/last.log"
assert "bench-z3fold --table: ratios say from how many runs" \
	grep -Eq '^runs with both +2/3 +3/3$' "$SCRATCH/last.log"
assert "bench-z3fold --table: a ratio from fewer runs is marked and listed" \
	grep -Eq '^stores rejected +1\.00 \[1\.00-1\.00\]\* ' "$SCRATCH/last.log"
assert "bench-z3fold --table: the mark's note names the cell and its runs" \
	grep -Fxq '* stores rejected, series/base: from 1 of the column'"'"'s 2 runs' "$SCRATCH/last.log"
# every base boot crashed: nothing to show for it, no ratio over it
for r in 1 3; do echo "result=fail" >"$bench_crash/run$r/base/parsed"; done
expect "bench-z3fold --table: a configuration without counters" 0 \
	'^boots with counters +0/3 +3/3 ' \
	env O="$SCRATCH/bench crash" "$S/bench-z3fold.sh" --table
assert "bench-z3fold --table: no ratio over a configuration without counters" \
	grep -Eq '^density \(per 100 pages\) +- +0\.7[12] ' "$SCRATCH/last.log"
expect "bench-z3fold --table: no runs is a setup error" 2 'no boots in ' \
	env O="$SCRATCH/no bench" "$S/bench-z3fold.sh" --table

mkdir -p "$bench_out/bench-pipeline"
echo "canned" >"$bench_out/bench-pipeline/notes"
for r in 1 2 3; do
	printf '%s\n' \
		"$r cold $((400000 + r * 10000)) base=0 apply=1 checkpatch=3 hygiene=2 build=$((200 + r)) bisect=100 sparse=1 cocci=20 evidence=$((140 + r)) boot=150" \
		"$r warm 90000 base=0 apply=1 checkpatch=3 hygiene=2 build=5 bisect=5 sparse=1 cocci=20 evidence=5 boot=$((60 + r))" \
		"$r edit-noboot 50000 base=0 apply=1 checkpatch=3 hygiene=2 build=15 bisect=10 sparse=1 cocci=20 evidence=- boot=-"
done >"$bench_out/bench-pipeline/times"
expect "bench-pipeline --table: median and range of each phase" 0 \
	'^cold +3 +420 \[410-430\] +- +0 +1 +3 +2 +202 +100 +1 +- +20 +142 +- +150$' \
	env O="$bench_out" "$S/bench-pipeline.sh" --table
assert "bench-pipeline --table: a stage that did not run shows -" \
	grep -Eq '^edit-noboot +3 +50 \[50-50\] +<= 60 s .* 20 +- +- +-$' "$SCRATCH/last.log"
echo "fresh: each run starts with an empty ccache and cache dir" >"$bench_out/bench-pipeline/notes"
expect "bench-pipeline --table: a fresh machine's cold run has its target" 0 \
	'^cold +3 +420 \[410-430\] +<= 1800 s ' env O="$bench_out" "$S/bench-pipeline.sh" --table

# --- every script answers --help
for f in "$S"/*.sh; do
	expect "${f##*/} --help" 0 'Usage: ' "$f" --help
done

finish
