#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of the stable branches of series/ (scripts/lib/branch.sh):
# a fake series root with two branches, 6.1.y and 6.12.y, each on its own
# fake Debian tarball (TARBALL_DIR), sharing one identity. BRANCH=
# selects one (its base, its output dir $O/BRANCH); make check without it
# checks every branch (a stage table each, then one line per branch, a
# failing branch makes the run fail but does not stop the next); an
# unknown BRANCH and a one-series target without BRANCH are one-line
# errors; the series checksum follows the content, not the dir; make
# identity puts the shared identity on both. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_fake_base
S=$REPO/scripts
ROOT="$SCRATCH/series root"
TARS="$SCRATCH/tarballs"
OUTB="$SCRATCH/out branches"
TREE612="$SCRATCH/fake linux 612"
IDENT='Self Test <self-test@example.org>'

# The 6.12 tree: the fake tree with another version.
cp -a "$KSRC_DIR" "$TREE612"
sed -i 's/^PATCHLEVEL = 1$/PATCHLEVEL = 12/; s/^SUBLEVEL = 192$/SUBLEVEL = 118/' "$TREE612/Makefile"
mkdir -p "$TARS"
tar -cJf "$TARS/linux-source-6.1.tar.xz" -C "$SCRATCH" "fake linux"
tar -cJf "$TARS/linux-source-6.12.tar.xz" -C "$SCRATCH" "fake linux 612"

# inb CMD...: CMD on the branches of $ROOT, output in $OUTB; no KSRC, no
# SERIES: each branch's base is the tarball its BASE names.
inb() { (inb_exec "$@"); }
# inb_exec CMD...: the same, exec'd (CMD & gives CMD's own pid).
inb_exec() {
	exec env -u KSRC -u SERIES -u BRANCH -u BASE_TARBALL SERIES_ROOT="$ROOT" \
		TARBALL_DIR="$TARS" O="$OUTB" CACHE="$SCRATCH_CACHE" JOBS=2 OVERLAY=none "$@"
}
# checksum DIR: make check's series checksum of the series dir DIR.
checksum() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	inb SERIES="$1" bash -c 'source "$1/lib/common.sh" && lib_init series && series_checksum' _ "$S"
}

new_series "$ROOT/6.1.y" "$KSRC_DIR"
series_add "one" 's/return n \* 3;/return 3 * n;/'
new_series "$ROOT/6.12.y" "$TREE612"
series_add "twelve" 's/return n \* 3;/return n + n + n;/'
printf '# shared by the branches\n%s\n' "$IDENT" >"$ROOT/identity"
# A new branch has no BASE to name its tarball yet: base-record is told.
inb BRANCH=6.1.y BASE_TARBALL="$TARS/linux-source-6.1.tar.xz" "$S/base.sh" --record >/dev/null 2>&1
inb BRANCH=6.12.y BASE_TARBALL="$TARS/linux-source-6.12.tar.xz" "$S/base.sh" --record >/dev/null 2>&1
assert "record: each branch's BASE names its own Debian tarball" \
	[ "$(grep -h '^source ' "$ROOT/6.1.y/BASE" "$ROOT/6.12.y/BASE" | cut -d' ' -f3 | paste -sd' ')" \
	== "linux-source-6.1 linux-source-6.12" ]

# --- BRANCH=: one series, its base, its output dir
expect "BRANCH=6.12.y: its base is the 6.12 tarball" 0 \
	'^base: 6\.12\.118 \(Debian linux-source-6\.12 ' inb BRANCH=6.12.y "$S/check.sh" apply
assert "BRANCH=6.12.y: it passes" grep -q '^make check: PASS' "$SCRATCH/last.log"
assert "BRANCH=6.12.y: one stage table, no branch summary" \
	[ "$(grep -c '^make check: ' "$SCRATCH/last.log")" == 1 -a "$(grep -c '^=== branch' "$SCRATCH/last.log")" == 0 ]
assert "BRANCH=6.12.y: output in \$O/6.12.y, nothing at \$O's top, no \$O/6.12.y/6.12.y" \
	[ -f "$OUTB/6.12.y/results.tsv" -a ! -e "$OUTB/results.tsv" -a ! -e "$OUTB/6.12.y/6.12.y" ]
assert "BRANCH=6.12.y: the rerun command names the branch and the top \$O" \
	grep -qF "make -C $REPO apply O=$OUTB BRANCH=6.12.y SERIES_ROOT=$ROOT" "$OUTB/6.12.y/results.tsv"

# --- each branch's check installs its own base package
for b in 6.1 6.12; do
	assert "deps: BRANCH=$b.y needs linux-source-$b and no other" \
		[ "$(inb TARBALL_DIR=/usr/src BRANCH=$b.y "$S/deps.sh" --list check | grep -o 'linux-source-[0-9.]*' | paste -sd' ')" == "linux-source-$b" ]
done
assert "deps: a KSRC tree needs no base package" \
	[ "$(inb TARBALL_DIR=/usr/src KSRC="$KSRC_DIR" BRANCH=6.12.y "$S/deps.sh" --list check | grep -c 'linux-source' || true)" == 0 ]

# --- unknown BRANCH, and the targets that need one series
expect "unknown BRANCH: exit 2, the branches listed" 2 \
	"^check: unknown BRANCH '6\.6\.y' \(one of: 6\.1\.y 6\.12\.y\)$" inb BRANCH=6.6.y "$S/check.sh"
assert "unknown BRANCH: one line" [ "$(wc -l <"$SCRATCH/last.log")" == 1 ]
for t in send reroll trailers export bench-z3fold base; do
	expect "$t without BRANCH, two branches: exit 2, the branches listed" 2 \
		"^$t: name the series: BRANCH= one of 6\.1\.y 6\.12\.y \(or SERIES=DIR\)$" inb "$S/$t.sh"
done
expect "make send without BRANCH: the same one line through make" 2 \
	'send: name the series: BRANCH= one of 6\.1\.y 6\.12\.y' \
	inb make -s -C "$REPO" send
expect "every branch with KSRC=: refused, KSRC is one branch's base" 2 \
	"KSRC= is one branch's base: name the branch with BRANCH= \(one of: 6\.1\.y 6\.12\.y\)" \
	inb KSRC="$KSRC_DIR" "$S/check.sh" apply

# --- no BRANCH: every branch, each on its own base, then one line each
expect "every branch: both pass, exit 0" 0 \
	'^6\.12\.y +PASS +report: ' inb "$S/check.sh" apply
assert "every branch: a section and a stage table per branch, in version order" \
	[ "$(grep -E '^(=== branch [^:]*|make check: [A-Z]+)' -o "$SCRATCH/last.log" | paste -sd' ')" \
	== "=== branch 6.1.y make check: PASS === branch 6.12.y make check: PASS" ]
assert "every branch: the summary has one line per branch" \
	[ "$(sed -n '/^make check, every branch (2):$/,$p' "$SCRATCH/last.log" | grep -cE '^6\.1\.y +PASS|^6\.12\.y +PASS')" == 2 ]
assert "every branch: each on its own base" \
	[ "$(grep -h '^BASE_VERSION=' "$OUTB/6.1.y/base.env" "$OUTB/6.12.y/base.env" | paste -sd' ')" \
	== "BASE_VERSION=6.1.192 BASE_VERSION=6.12.118" ]

# 6.1.y fails its checkpatch (a patch without Signed-off-by); 6.12.y
# still runs and passes; the run fails with 6.1.y's code.
new_series "$ROOT/6.1.y.tmp" "$KSRC_DIR"
series_add "one" 's/return n \* 3;/return 3 * n;/' no
cp "$ROOT/6.1.y.tmp/0001-one.patch" "$ROOT/6.1.y/0001-one.patch"
rm -rf "$ROOT/6.1.y.tmp"
expect "every branch: one fails, exit 1 (its code)" 1 \
	'^6\.1\.y +FAIL +exit 1; checkpatch FAIL: checkpatch: ' inb "$S/check.sh" checkpatch
assert "every branch: the failing one does not stop the next" \
	grep -qE '^6\.12\.y +PASS' "$SCRATCH/last.log"
assert "every branch: two stage tables, FAIL then PASS" \
	[ "$(grep -oE '^make check: [A-Z]+' "$SCRATCH/last.log" | paste -sd' ')" == "make check: FAIL make check: PASS" ]
expect "BRANCH=6.12.y alone still passes" 0 'make check: PASS' inb BRANCH=6.12.y "$S/check.sh" checkpatch

# --- an interrupt stops every branch: the running one keeps its rows,
# marked interrupted; the next does not start
set -m
inb_exec FAKE_BUILD_SLEEP=$SLOW_SECS "$S/check.sh" build >"$SCRATCH/slow.log" 2>&1 &
slow=$!
set +m
wait_until 600 slow_running || true
rc=0
kill -TERM "$slow"
wait "$slow" || rc=$?
assert "interrupt: every branch stops, exit 143 (got $rc)" [ "$rc" == 143 ]
assert "interrupt: the next branch never started" [ "$(grep -c '^=== branch 6.12.y' "$SCRATCH/slow.log")" == 0 ]
assert "interrupt: the summary names the interrupted branch" \
	grep -qE '^6\.1\.y +FAIL +exit 143; build ERROR: interrupted by SIGTERM' "$SCRATCH/slow.log"
assert "interrupt: its results.tsv is marked interrupted" \
	grep -q '^# make check interrupted' "$OUTB/6.1.y/results.tsv"
assert "interrupt: no process of the stage left" wait_while 20 slow_running

# --- one branch only: it is the default
ROOT1="$SCRATCH/one root"
mkdir -p "$ROOT1"
cp -a "$ROOT/6.12.y" "$ROOT/identity" "$ROOT1/"
expect "one branch: chosen without BRANCH" 0 '^base: 6\.12\.118 ' \
	inb SERIES_ROOT="$ROOT1" O="$SCRATCH/out one" "$S/check.sh" base
assert "one branch: its output in \$O/6.12.y, no branch summary" \
	[ -f "$SCRATCH/out one/6.12.y/results.tsv" -a "$(grep -c '^=== branch' "$SCRATCH/last.log")" == 0 ]

# --- the checksum make send trusts: the content, not the dir's path
MOVED="$SCRATCH/moved 6.12.y"
cp -a "$ROOT/6.12.y" "$MOVED"
cp "$ROOT/identity" "$MOVED/identity"
sum=$(checksum "$ROOT/6.12.y")
assert "checksum: a moved series dir (with the identity) keeps it" [ "$(checksum "$MOVED")" == "$sum" ]
printf '# shared by the branches\nOther Person <other@example.org>\n' >"$ROOT/identity"
assert "checksum: a new shared identity voids it" [ "$(checksum "$ROOT/6.12.y")" != "$sum" ]
printf '# shared by the branches\n%s\n' "$IDENT" >"$ROOT/identity"

# --- make identity: the shared identity goes on every branch
expect "identity: both branches, whatever BRANCH says" 0 \
	'now carries New Person <new@example.org> \(2 patches in 2 series dir' \
	inb BRANCH=6.12.y ID='New Person <new@example.org>' "$S/identity.sh"
assert "identity: From: in both branches and series/identity changed" \
	[ "$(cat "$ROOT"/6.1.y/0*.patch "$ROOT"/6.12.y/0*.patch | grep -c '^From: New Person <new@example.org>$') $(grep -c '^New Person' "$ROOT/identity")" == "2 1" ]
expect "identity: checkpatch of 6.12.y passes with it" 0 'make check: PASS' \
	inb BRANCH=6.12.y "$S/check.sh" checkpatch

finish
