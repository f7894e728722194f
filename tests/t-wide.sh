#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of the wide stages against the fake tree: xbuild (clang,
# i386, arm64 with 64 KiB pages, z3fold as a module; the fake kbuild
# compiles the stand-in with each target's real compiler) and kcsan (a
# fake QEMU whose "kernel" reports what its z3fold.c names). Each bad
# series gives its one-line error and a non-zero exit, and leaves series/
# untouched. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_fake_base
printf '\nconst char z3fold_ktap[] = "KTAP: case_a=race case_b=fail ";\n' \
	>>"$KSRC_DIR/mm/z3fold.c"
base_edited
S=$REPO/scripts
CASE_ENV=(QEMU="$REPO/tests/evidence/fake-qemu")

# add_code SUBJECT TEXT: a patch appending TEXT (with \n) to the stand-in.
add_code() { series_add "$1" "\$a\\
$2"; }
# ktap FROM TO: a sed script that changes one case's result.
ktap() { printf 's/ %s / %s /' "$1" "$2"; }

# --- xbuild: every target builds the base and the series
run_case xgood
# A full run has the hygiene stage: a Fixes: tag, whose id checkpatch
# cannot look up in a tree without history.
FAKE_FIXES='Fixes: 0123456789ab ("mm/z3fold: add the stand-in")' \
	series_add "triple pages" 's/return n \* 3;/return n + n + n;/'
printf '* UNKNOWN_COMMIT_ID the fake tree has no history\n' >"$SER/checkpatch.exceptions"
record
expect "xbuild: a clean series passes on every target" 0 \
	'ok 4 - module: base \([0-9]+ s\) and series \([0-9]+ s\) build, no new warning' \
	in_case "$S/xbuild.sh"
assert "xbuild: each target its own results" \
	[ "$(find "$OUTD/results" -maxdepth 1 -name 'xbuild-*' | wc -l)" == 4 ]
expect "xbuild: not in a default run, even without boot" 0 'make check: PASS' \
	in_case env -u WIDE BOOT=no "$S/check.sh"
# shellcheck disable=SC2016 # expanded by the inner shell
assert "xbuild: ... no xbuild line in its table" \
	bash -c '! grep -q "^xbuild " "$1"' _ "$SCRATCH/last.log"
expect "xbuild: WIDE=yes adds it to a full run" 0 'xbuild +PASS' \
	in_case env BOOT=no WIDE=yes "$S/check.sh"

run_case xclang
add_code "clang only" '#ifdef FAKE_LLVM\n#warning "clang sees this"\n#endif'
record
expect_clean "xbuild: a warning only clang builds give is named" 1 \
	'xbuild: clang: series adds 1 warning\(s\): mm/z3fold.c: warning: "clang sees this" \[-W#warnings\]; log: .*xbuild-clang/p1/build.log' \
	in_case "$S/xbuild.sh"
assert "xbuild: ... and the gcc targets pass" \
	grep -q '^ok 2 - i386: ' "$SCRATCH/last.log"

run_case x64k
add_code "chunk" '#if FAKE_PAGE_SHIFT > 14\n#error "the header outgrows a chunk"\n#endif'
record
expect_clean "xbuild: an arm64 64K-page build break names the prefix" 1 \
	'xbuild: arm64-64k: prefix 1 \(0001-chunk.patch\) does not build: mm/z3fold.c:[0-9]+:[0-9]+: error: #error "the header outgrows a chunk"; log: ' \
	in_case "$S/xbuild.sh"

run_case xtwo
add_code "both" '#if defined(FAKE_LLVM) || defined(FAKE_ARCH_i386)\nint z3fold_bad(void) { return; }\n#endif'
record
expect_clean "xbuild: two broken targets: the first named, the count given" 1 \
	'xbuild: clang: .*\(and 1 more target\(s\) above\)' \
	in_case "$S/xbuild.sh"

run_case xunknown
add_code "any" '/* nothing */'
record
expect "xbuild: an unknown target is a setup error" 2 \
	"build-prefix: unknown target 'sparc' \(one of: clang i386 arm64-64k module\)" \
	in_case env XBUILDS=sparc "$S/xbuild.sh"

# --- kcsan: the race flavour
run_case kgood
series_add "fix both" "$(ktap case_a=race case_a=ok);$(ktap case_b=fail case_b=ok)"
record
expect "kcsan: a series without races passes" 0 \
	'ok 4 - base: 1 KCSAN race\(s\) in mm/z3fold.c, 1 KUnit case\(s\) failed \(evidence\)' \
	in_case "$S/kcsan.sh"
assert "kcsan: ... the base's race listed as evidence" \
	grep -q '^# race (z3fold): z3fold_pages$' "$SCRATCH/last.log"
assert "kcsan: ... races=1 on the guest's command line" \
	grep -q 'z3fold_test.races=1.*kcsan.skip_watch=50' "$OUTD/kcsan/series/cmdline"
expect "kcsan: a re-check boots nothing again" 0 'series: every KUnit case' \
	in_case "$S/kcsan.sh"
assert "kcsan: ... both boots reused" \
	[ "$(grep -c 'reusing' "$OUTD/kcsan/boot.log")" == 2 ]

run_case krace
series_add "fix b" "$(ktap case_b=fail case_b=ok)"
record
expect_clean "kcsan: a race in mm/z3fold.c on the series is named" 1 \
	'kcsan: series: KCSAN data race in z3fold_pages \(1 in mm/z3fold.c\); log: .*/kcsan/series/console.log' \
	in_case "$S/kcsan.sh"
printf '# why\nz3fold_pages: a statistics counter, read without the lock on purpose\n' \
	>"$SER/kcsan.exceptions"
expect "kcsan: ... unless excepted with a reason" 0 \
	'# series: KCSAN in mm/z3fold.c, excepted: z3fold_pages$' \
	in_case "$S/kcsan.sh"
printf 'z3fold_pages:\n' >"$SER/kcsan.exceptions"
expect "kcsan: ... an exception without a reason excepts nothing" 1 \
	'KCSAN data race in z3fold_pages' in_case "$S/kcsan.sh"

run_case kelse
series_add "move the race" "$(ktap case_a=race case_a=race-elsewhere);$(ktap case_b=fail case_b=ok)"
record
expect "kcsan: a race elsewhere in the kernel is listed, not failed" 0 \
	'# series: KCSAN elsewhere \(listed\): n_tty_read / tty_write' \
	in_case "$S/kcsan.sh"

run_case kfail
series_add "fix a" "$(ktap case_a=race case_a=ok)"
record
expect_clean "kcsan: a KUnit case failing on the series is named" 1 \
	'kcsan: series: KUnit case case_b \(fail\) under KCSAN; log: ' \
	in_case "$S/kcsan.sh"

finish
