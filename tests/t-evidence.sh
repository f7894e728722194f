#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of the evidence stage (scripts/evidence.sh) against the fake
# tree and a fake QEMU (tests/evidence/fake-qemu) whose "kernel" reports
# the KUnit results its z3fold.c names: a proven series passes and boots
# only what changed, and each way a patch can lack its proof gives its
# one-line error, a non-zero exit and an untouched series/. Then the boot
# stage (scripts/boot-stage.sh) through the same fake QEMU, which prints a
# real boot log (tests/boot/logs/) for a kernel whose z3fold.c names one:
# the base's failure is evidence only, the series' boot passes or fails
# with its report named. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_fake_base
# What the base kernel's KUnit suite reports: the fake QEMU reads it.
printf '\nconst char z3fold_ktap[] = "KTAP: case_a=fail case_b=fail case_c=ok ";\n' \
	>>"$KSRC_DIR/mm/z3fold.c"
# What its boot with the stress prints (the boot stage): a real boot log.
printf 'const char z3fold_bootlog[] = "BOOTLOG:leak";\n' >>"$KSRC_DIR/mm/z3fold.c"
base_edited
S=$REPO/scripts

CASE_ENV=(QEMU="$REPO/tests/evidence/fake-qemu")
# evidence LINE...: series/evidence of the case's series.
evidence() { printf '%s\n' "$@" >"$SER/evidence"; }
# ktap FROM TO: a sed script that changes one case's result.
ktap() { printf 's/ %s / %s /' "$1" "$2"; }
# expect_evidence NAME CODE PATTERN: evidence.sh's exit, error and series/.
expect_evidence() { expect_clean "$@" in_case "$S/evidence.sh"; }

# --- each patch fixes its case: passes, and a re-check boots nothing
run_case good
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=fail case_b=ok)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b"
record
expect "proven series: the evidence stage passes, matrix in the table" 0 \
	'case_b \(2\) +fail +fail +ok' in_case "$S/check.sh" evidence
assert "proven series: every prefix booted" \
	[ "$(grep -c '# p[0-9]: booting' "$SCRATCH/last.log")" == 3 ]
assert "proven series: JUnit carries the matrix" \
	grep -q '<system-out>case (patch)' "$OUTD/report.xml"
assert "proven series: so does the TAP report, under the stage's line" \
	grep -Eq '^# case_b \(2\) +fail +fail +ok$' "$OUTD/report.tap"
expect "proven series: a re-check boots nothing again" 0 \
	'p2: reusing' in_case "$S/evidence.sh"
assert "proven series: ... not even the base" \
	[ "$(grep -c 'booting' "$SCRATCH/last.log")" == 0 ]
sed -i 's/^Subject: .*/&, reworded/' "$SER/0001-fix-a.patch"
expect "proven series: after a reworded changelog, nothing builds or boots again" 0 \
	'p2: reusing' in_case "$S/evidence.sh"
assert "... no prefix built, none booted" \
	[ "$(grep -c 'building prefix\|booting' "$SCRATCH/last.log")" == 0 ]
sed -i '/^+const char z3fold_ktap/s/case_c=ok ";/case_c=ok  ";/' "$SER/0002-fix-b.patch"
expect "proven series: after an edit of patch 2, only prefix 2 boots" 0 \
	'p2: booting' in_case "$S/evidence.sh"
assert "proven series: ... and prefixes 0 and 1 are reused" \
	[ "$(grep -c 'reusing' "$SCRATCH/last.log")" == 2 ]
sed -i 's/^-const char z3fold_ktap.*/-const char z3fold_ktap[] = "changed";/' "$SER/0002-fix-b.patch"
expect "a skipped evidence stage: no matrix of an earlier run reported" 1 \
	'evidence +SKIP' in_case "$S/check.sh" evidence
# shellcheck disable=SC2016 # expanded by the inner shell
assert "... neither in the JUnit report" \
	bash -c '! grep -q "<system-out>" "$1"' _ "$OUTD/report.xml"
# shellcheck disable=SC2016
assert "... nor in the TAP report" bash -c '! grep -q "^# case (patch)" "$1"' _ "$OUTD/report.tap"

# --- a reproducer that passes one patch too late names both patches
run_case late
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=fail case_b=ok)"
evidence "0001-fix-a.patch case_b" "0002-fix-b.patch case_a"
record
expect_evidence "late reproducer: named with the patch it passes from" 1 \
	'evidence: 0001-fix-a.patch: reproducer case_b does not pass at its own patch: it fails; it passes from patch 2/2 \(0002-fix-b.patch\) on'

# --- a case that passes and then fails again names both patches
run_case flip
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "break a" "$(ktap case_a=ok case_a=fail)"
evidence "0001-fix-a.patch case_a" "0002-break-a.patch none: a clean-up"
record
expect_evidence "flip back: both patches named" 1 \
	'reproducer case_a passes at its own patch but fails again at patch 2/2 \(0002-break-a.patch\)'
run_case flip-other
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "break c" "$(ktap case_c=ok case_c=fail)"
series_add "mend c" "$(ktap case_c=fail case_c=ok)"
evidence "0001-fix-a.patch case_a" "0002-break-c.patch none: x" "0003-mend-c.patch none: y"
record
expect_evidence "flip of a case no record names: both patches named" 1 \
	'case case_c passes at patch 1/3 \(0001-fix-a.patch\) and fails again at patch 2/3 \(0002-break-c.patch\)'

# --- a pass on the base that a second boot does not repeat was luck
edit_base sed -i 's/case_c=ok /case_c=flaky /' "$KSRC_DIR/mm/z3fold.c"
run_case base-luck
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=fail case_b=ok)"
series_add "c still racy" "$(ktap case_c=flaky case_c=fail)"
series_add "c settled" "$(ktap case_c=fail case_c=ok)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b" \
	"0003-c-still-racy.patch none: x" "0004-c-settled.patch none: y"
record
expect_evidence "a base pass not repeated: the flip is listed, not failed" 0 \
	'# case case_c fails at patch 3/4 \(0003-c-still-racy.patch\) after passing at patch 2/4'
assert "... after the base booted again and failed it" \
	grep -q '# prefix 0 (base) again: case_c fail' "$SCRATCH/last.log"
edit_base sed -i 's/case_c=flaky /case_c=ok /' "$KSRC_DIR/mm/z3fold.c"

# --- a failure at a prefix that a second boot does not repeat was a race
run_case prefix-race
series_add "fix a" "$(ktap case_a=fail case_a=ok);$(ktap case_c=ok case_c=once-fail)"
series_add "fix b" "$(ktap case_b=fail case_b=ok);$(ktap case_c=once-fail case_c=ok)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b"
record
expect_evidence "a failure not repeated at its prefix: listed, not failed" 0 \
	'# case case_c fails at patch 1/2 \(0001-fix-a.patch\) after passing at prefix 0 \(base\), and passes there when booted again: a race'
assert "... after the base and the prefix booted again" \
	grep -q '# prefix 1 (0001-fix-a.patch) again: case_c ok' "$SCRATCH/last.log"

run_case last-race
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=fail case_b=ok);$(ktap case_c=ok case_c=once-fail)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b"
record
expect_evidence "a failure not repeated on the whole series: listed, not failed" 0 \
	'ok 3 - every case passes on the whole series'

# --- a case that fails on the base may flip until a later patch settles it
edit_base sed -i 's/KTAP: case_a=fail case_b=fail case_c=ok /KTAP: case_a=ok case_b=ok case_c=fail /' \
	"$KSRC_DIR/mm/z3fold.c"
run_case flaky
series_add "c passes once" "$(ktap case_c=fail case_c=ok)"
series_add "c fails again" "$(ktap case_c=ok case_c=fail)"
series_add "c settled" "$(ktap case_c=fail case_c=ok)"
evidence "0001-c-passes-once.patch none: x" "0002-c-fails-again.patch none: y" \
	"0003-c-settled.patch none: z"
record
expect_evidence "flip of a case that fails on the base: listed, not failed" 0 \
	'# case case_c fails at patch 2/3 \(0002-c-fails-again.patch\) after passing at patch 1/3'
edit_base sed -i 's/KTAP: case_a=ok case_b=ok case_c=fail /KTAP: case_a=fail case_b=fail case_c=ok /' \
	"$KSRC_DIR/mm/z3fold.c"

# --- a patch without a record, a malformed record
run_case norecord
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=fail case_b=ok)"
evidence "0001-fix-a.patch case_a"
record
expect_evidence "patch without a record: named" 1 \
	"evidence: series/evidence: no record for 0002-fix-b.patch: name the KUnit case\(s\)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch none:"
expect_evidence "'none:' without a reason: refused" 2 \
	"line 2: 'none:' needs the reason"
evidence "0001-fix-a.patch case_a" "0003-fix-c.patch case_b"
expect_evidence "record of a patch not in the series: refused" 2 \
	"line 2: '0003-fix-c.patch' is not a patch of series/series"
rm "$SER/evidence"
expect_evidence "no series/evidence at all: named" 1 \
	'evidence not found: every patch needs a record'

# --- reproducers that do not decide by their own assertion
edit_base sed -i 's/case_b=fail/case_b=splat/' "$KSRC_DIR/mm/z3fold.c"
run_case logonly
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
series_add "fix b" "$(ktap case_b=splat case_b=ok)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b"
record
expect_evidence "reproducer seen only by the kernel log: refused" 1 \
	'reproducer case_b passes its own assertions at prefix 0 \(base\), before its patch: only the kernel log shows the bug'
edit_base sed -i 's/case_b=splat/case_b=fail/' "$KSRC_DIR/mm/z3fold.c"

# --- a guest that dies in a reproducer before its patch is evidence;
# --- the cases after it have no result, and say so
edit_base sed -i 's/case_b=fail/case_b=died/' "$KSRC_DIR/mm/z3fold.c"
run_case died
series_add "fix b" "$(ktap case_b=died case_b=ok)"
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
evidence "0001-fix-b.patch case_b" "0002-fix-a.patch case_a"
record
expect_evidence "a guest that dies in the reproducer before its patch: proof" 0 \
	'case_b \(1\) +died +ok +ok'
evidence "0001-fix-b.patch case_b case_c" "0002-fix-a.patch case_a"
expect_evidence "a reproducer after the death boots again alone, and that counts" 1 \
	'reproducer case_c passes at prefix 0 \(base\), before its patch'
assert "... booted alone on the base" grep -q '# p0.case_c: booting' "$SCRATCH/last.log"
run_case died-own
series_add "fix b" "$(ktap case_b=died case_b=once-died)"
series_add "fix a" "$(ktap case_a=fail case_a=ok)"
evidence "0001-fix-b.patch case_b" "0002-fix-a.patch case_a"
record
expect_evidence "a reproducer the guest died in at its own patch: not booted alone" 1 \
	'reproducer case_b does not pass at its own patch: it kills the guest'
edit_base sed -i 's/case_b=died/case_b=fail/' "$KSRC_DIR/mm/z3fold.c"

# --- a guest that dies in another case first (a race a later patch
# --- fixes): the reproducers it left without a result boot alone
run_case died-other
series_add "fix a" "$(ktap case_a=fail 'case_z=once-died case_a=ok')"
series_add "fix b" "$(ktap case_b=fail case_b=ok);$(ktap case_z=once-died case_z=ok)"
evidence "0001-fix-a.patch case_a" "0002-fix-b.patch case_b"
record
expect_evidence "reproducers after a death in another case: proven alone" 0 \
	'case_a \(1\) +fail +ok +ok'
assert "... the case the guest died in is named" \
	grep -Eq '^# case_z +- +died +ok' "$SCRATCH/last.log"
assert "... each reproducer booted alone" \
	[ "$(grep -c '# p1.case_[ab]: booting' "$SCRATCH/last.log")" == 2 ]
CASE_ENV+=(EVIDENCE_ALONE_MAX=1)
expect_evidence "past EVIDENCE_ALONE_MAX, a reproducer is not booted alone" 1 \
	'reproducer case_b has no result at patch 1/2'
unset 'CASE_ENV[-1]'

# --- a reproducer its boot alone never ran has no result, and fails
edit_base sed -i 's/KTAP: /KTAP: case_z=died /' "$KSRC_DIR/mm/z3fold.c"
run_case alone-never
series_add "add d" "$(ktap case_c=ok 'case_c=ok case_d=ok')"
evidence "0001-add-d.patch case_d"
record
expect_evidence "a reproducer its boot alone never ran: no result" 1 \
	'reproducer case_d has no result at prefix 0 \(base\)'
edit_base sed -i 's/KTAP: case_z=died /KTAP: /' "$KSRC_DIR/mm/z3fold.c"

# --- the boot stage: the base's boot is evidence, the series' must pass
run_case boot
series_add "fix the leak" 's/BOOTLOG:leak/BOOTLOG:pass/'
record
expect "boot stage: the series passes, the base's failed boot is evidence only" 0 \
	'not ok [0-9]+ - base # TODO evidence only' in_case "$S/check.sh" boot
assert "... the series' boot passed" grep -Eq '^ +ok [0-9]+ - series$' "$SCRATCH/last.log"
expect "boot stage: a re-check boots the series again, reusing the base's boot" 0 \
	'# base: reusing the boot of' in_case "$S/check.sh" boot
assert "... and only the base's" [ "$(grep -c 'reusing' "$SCRATCH/last.log")" == 1 ]
sed -i 's/BOOTLOG:pass/BOOTLOG:kasan/' "$SER/0001-fix-the-leak.patch"
expect "boot stage: a series whose boot reports KASAN fails, the report named" 1 \
	'boot: series: log: BUG: KASAN: use-after-free in z3fold_free; log: ' in_case "$S/check.sh" boot

finish
