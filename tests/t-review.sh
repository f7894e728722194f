#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make review against the fake kernel tree: the mails make send writes in
# its dry run, reviewed back (b4 am into a quilt dir, the base from the
# cover letter's hashes, every static stage, and with BOOT=yes the boot
# stage through a fake QEMU); the base checked (another tree refused,
# FORCE_BASE=1 goes on); a series of someone else's
# touching files outside mm/ on a git base (base-commit:), with the
# errors for a tree that is not at that commit; and an incomplete thread
# (2/3 absent) or one without patches refused. b4 runs offline; as root
# in a private network namespace. Prints TAP.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=mail-world.sh
source "$REPO/tests/mail-world.sh"
mail_suite sent "$@"
fill_cover
MBOXES="$SCRATCH/mboxes"
mkdir -p "$MBOXES"
before_ksrc=$(tree_sum "$KSRC_DIR")
RO="$SCRATCH/out review"

# review [VAR=VALUE...]: make review with output dir $RO, on the fake tree
# unless KSRC= says otherwise. $RO has a space: kbuild's dirs move to the
# cache dir, which must have none.
review() { env KSRC="$KSRC_DIR" O="$RO" CACHE="$SCRATCH_CACHE" JOBS=2 "$@" "$S/review.sh" </dev/null; }
# stage_rows DIR: "stage status" of each row of DIR/results.tsv.
stage_rows() { awk -F'\t' '!/^#/ { printf "%s %s\n", $1, $2 }' "$1/results.tsv"; }
all_pass='base PASS
apply PASS
checkpatch PASS
build PASS
bisect PASS
sparse PASS
cocci PASS'
# only_dir: the one review dir under $RO/review.
only_dir() { find "$RO/review" -mindepth 1 -maxdepth 1 -type d ! -name '.*'; }

# --- the mails of make send's dry run, reviewed back --------------------------------
expect "make send's dry run: 4 mails" 0 'v1: 4 mail\(s\) in ' in_mail "$S/send.sh"
DRY="$MBOXES/dry run.mbox"
"$PY" "$REPO/tests/mbox.py" join "$DRY" "$OUTD/send/v1/mails/"*.eml
before_ser=$(tree_sum "$SER")
# Patch 2's new file defines a global no header declares: sparse says so.
expect "dry-run mails: reviewed; sparse finds the global patch 2 adds, named" 1 \
	"bisect: first bad: prefix 2 \(0002_mm_z3fold_add_a_debug_file.patch\) adds a sparse warning: mm/z3fold-debug.c: warning: symbol 'z3fold_debug' was not declared" \
	review MBOX="$DRY"
assert "dry-run mails: the verdict last, with the reports" \
	grep -q 'review: FAIL (exit 1): apply checkpatch build bisect sparse cocci on 3 patch(es) from .*dry run.mbox; reports in ' \
	<(tail -n1 "$SCRATCH/last.log")
RV=$(only_dir)
assert "dry-run mails: the stages, each run; bisect and sparse fail" [ "$(stage_rows "$RV/out")" == "$(sed \
	-e 's/^bisect PASS/bisect FAIL/' -e 's/^sparse PASS/sparse FAIL/' <<<"$all_pass")" ]
assert "dry-run mails: a quilt dir whose series lists 3 patches" [ "$(grep -c . "$RV/series/series")" == 3 ]
pids() { for f in "$@"; do git patch-id --stable <"$f" | cut -d' ' -f1; done; }
mapfile -t quilt < "$RV/series/series"
assert "dry-run mails: each patch's diff is series/'s (patch-id)" \
	[ "$(pids "${quilt[@]/#/$RV/series/}")" == "$(pids "${NAMES[@]/#/$SER/}")" ]
assert "dry-run mails: the quilt patches keep their authors" \
	[ "$(sed -n 's/^From: //p' "${quilt[@]/#/$RV/series/}" | paste -sd'|')" == 'Zoë Tester <zoe.tester@example.org>|Sam Author <sam@example.org>|Zoë Maintainer <zoe@example.org>' ]
assert "dry-run mails: the base from the cover letter: version, source, its hash, the new file absent" \
	[ "$(grep -v '^#' "$RV/series/BASE" | sort)" == "$(grep -v '^#' "$SER/BASE" | sort)" ]
assert "dry-run mails: series/ unchanged" [ "$(tree_sum "$SER")" == "$before_ser" ]
assert "dry-run mails: only \$O/review and \$O/logs written" \
	[ "$(find "$RO" -mindepth 1 -maxdepth 1 -printf '%f\n' | sort | paste -sd' ')" == 'logs review' ]
expect "dry-run mails: without KSRC, the plain tree it names is asked for" 2 \
	"review: the series is based on 6.1.192 \(tree .*fake linux\), not a git commit: give KSRC= that tree.*FORCE_BASE=1" \
	env -u KSRC O="$RO" CACHE="$SCRATCH_CACHE" MBOX="$DRY" "$S/review.sh"
OTHER_TREE="$SCRATCH/other linux"
cp -a "$KSRC_DIR" "$OTHER_TREE"
sed -i "s/the self-tests' stand-in/another stand-in/" "$OTHER_TREE/mm/z3fold.c"
expect "another tree: the base stage names the file whose hash differs" 2 \
	'mm/z3fold.c: differs from the file series/BASE records' review KSRC="$OTHER_TREE" MBOX="$DRY"
expect "another tree, FORCE_BASE=1: reviewed on it" 1 'review: FAIL \(exit 1\)' \
	review KSRC="$OTHER_TREE" FORCE_BASE=1 MBOX="$DRY"
assert "another tree, FORCE_BASE=1: every stage ran on it" \
	[ "$(stage_rows "$RV/out" | grep -c ' PASS$\| FAIL$')" == 7 ]
BOOT_TREE="$SCRATCH/booting linux"
cp -a "$KSRC_DIR" "$BOOT_TREE"
# what its kernels print when booted with the stress: a real log
printf 'const char bootlog[] = "BOOTLOG:pass";\n' >"$BOOT_TREE/mm/bootlog.c"
mkdir -p "$BOOT_TREE/usr"
ln -s "$(dirname "$(real_checkpatch)")/../usr/gen_init_cpio.c" "$BOOT_TREE/usr/"
mkdir -p "$R/ci"
cp "$REPO"/ci/*.[ch] "$REPO/ci/initramfs.list" "$R/ci/"
expect "BOOT=yes, a series touching z3fold: booted too (fake QEMU)" 1 \
	'review: FAIL \(exit 1\): apply checkpatch build bisect sparse cocci boot on 3 patch' \
	review KSRC="$BOOT_TREE" FORCE_BASE=1 MBOX="$DRY" BOOT=yes OVERLAY=none \
	QEMU="$REPO/tests/evidence/fake-qemu"
assert "BOOT=yes: its boot stage ran last and passed" \
	[ "$(stage_rows "$RV/out" | tail -n 1)" == 'boot PASS' ]
rm -r "$R/ci"

# --- an incomplete thread, a thread without patches ------------------------------------
MISSING="$MBOXES/missing.mbox"
cp "$DRY" "$MISSING"
"$PY" "$REPO/tests/mbox.py" drop "$MISSING" ' 2/3]'
expect "2/3 absent: refused, named" 2 'review: .*missing.mbox: patch 2/3 missing from the thread .*save the whole thread' \
	review MBOX="$MISSING"
assert "2/3 absent: the review dir of the series left as it was" [ "$(only_dir)" == "$RV" ]
COVER_ONLY="$MBOXES/cover only.mbox"
"$PY" "$REPO/tests/mbox.py" join "$COVER_ONLY" "$OUTD/send/v1/mails/"0000-*.eml
expect "a thread without patches: refused" 2 'review: .*cover only.mbox: no patch series in it' \
	review MBOX="$COVER_ONLY"
expect "no MBOX: refused" 2 'review: MBOX=FILE needed' review
expect "BOOT=maybe: refused" 2 'review: BOOT=maybe: BOOT=yes or nothing' review MBOX="$DRY" BOOT=maybe

# --- someone else's series, outside mm/, on a git base -----------------------------------
GIT_KSRC="$SCRATCH/git linux"
cp -a "$KSRC_DIR" "$GIT_KSRC"
git_repo "$GIT_KSRC" 'Linux 6.1.192 (git)'
head=$(git -C "$GIT_KSRC" rev-parse HEAD)
git_before=$(git -C "$GIT_KSRC" for-each-ref; git -C "$GIT_KSRC" count-objects; git -C "$GIT_KSRC" status --porcelain)
AUTHB="$SCRATCH/olga repo"
cp -a "$GIT_KSRC" "$AUTHB"
printf 'A tree for the self-tests.\n' >"$AUTHB/README"
author_commit "$AUTHB" 'Olga Other <olga@example.org>' 'README: say what the tree is

An empty README tells nobody anything.

Signed-off-by: Olga Other <olga@example.org>'
mkdir -p "$AUTHB/include/linux"
printf '/* SPDX-License-Identifier: GPL-2.0 */\n#define FAKE_UTIL 1\n' >"$AUTHB/include/linux/fake-util.h"
author_commit "$AUTHB" 'Olga Other <olga@example.org>' 'include: add fake-util.h

A header of its own, outside mm/, for the review test.

Signed-off-by: Olga Other <olga@example.org>'
SERB="$SCRATCH/series olga"
git -C "$AUTHB" format-patch -q -N --zero-commit -o "$SERB" HEAD~2
(cd "$SERB" && printf '%s\n' 0*.patch) >"$SERB/series"
cp "$SER/revision" "$SER/changelog" "$SERB/"
printf 'README, include: two small things\n\nOutside mm/, for the review test.\n' >"$SERB/cover-letter"
in_olga() { env KSRC="$GIT_KSRC" SERIES="$SERB" O="$SCRATCH/out olga" CACHE="$CACHED" "$@" </dev/null; }
in_olga "$S/base.sh" --record >/dev/null 2>&1
expect "outside mm/: make send's dry run" 0 'v1: 3 mail\(s\) in ' in_olga "$S/send.sh"
OLGA="$MBOXES/olga.mbox"
"$PY" "$REPO/tests/mbox.py" join "$OLGA" "$SCRATCH/out olga/send/v1/mails/"*.eml
assert "outside mm/: the mails name base-commit:" grep -q "^base-commit: $head" "$OLGA"
expect "outside mm/: reviewed on the git tree at its base-commit" 0 \
	'review: PASS: apply checkpatch build bisect sparse cocci on 2 patch\(es\)' review KSRC="$GIT_KSRC" MBOX="$OLGA"
RVB=$(find "$RO/review" -mindepth 1 -maxdepth 1 -type d -name '*two_small_things*')
assert "outside mm/: the stages, each passed" [ "$(stage_rows "$RVB/out")" == "$all_pass" ]
assert "outside mm/: the base recorded is the commit" grep -qx "commit $head" "$RVB/series/BASE"
assert "outside mm/: README and include/linux/fake-util.h applied" \
	[ "$(sed -n 's/^+++ b\///p' "$RVB"/series/*.patch | paste -sd' ')" == 'README include/linux/fake-util.h' ]
expect "outside mm/, BOOT=yes: not booted, it touches neither z3fold nor zswap" 0 \
	'touches neither mm/z3fold.c nor mm/zswap.c.*not booted' review KSRC="$GIT_KSRC" MBOX="$OLGA" BOOT=yes
expect "outside mm/, without KSRC: the commit is asked for" 2 \
	"review: the series is based on commit ${head:0:12} \(base-commit: in its mails\): give KSRC= a git checkout at it" \
	env -u KSRC O="$RO" CACHE="$SCRATCH_CACHE" MBOX="$OLGA" "$S/review.sh"
expect "outside mm/, a plain tree as KSRC: refused" 2 \
	"KSRC=.*fake linux is not a git checkout; the series is based on commit ${head:0:12}" review MBOX="$OLGA"
MOVED="$SCRATCH/moved linux"
git clone -q "$GIT_KSRC" "$MOVED"
git -C "$MOVED" -c user.name=t -c user.email=t@example.org commit -q --allow-empty -m 'a later commit'
expect "outside mm/, a checkout past the base-commit: named, with what to do" 2 \
	"KSRC=.*moved linux is at [0-9a-f]{12}, not at the series' base-commit ${head:0:12}, which it has: .*git worktree add" \
	review KSRC="$MOVED" MBOX="$OLGA"
assert "outside mm/: the git checkout's refs, objects and status untouched" \
	[ "$(git -C "$GIT_KSRC" for-each-ref; git -C "$GIT_KSRC" count-objects; git -C "$GIT_KSRC" status --porcelain)" == "$git_before" ]

assert "the base tree is byte-identical after every case" [ "$(tree_sum "$KSRC_DIR")" == "$before_ksrc" ]
finish
