#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/check.sh, the stage runner, against the fake tree:
# results as data (results.tsv and the reports rendered from it), the
# exit-code contract, and the faults it must survive: an interrupt at a
# stage, a second run on the same output dir, an output dir it cannot
# create, a full disk. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_fake_base
S=$REPO/scripts

# xml_ok FILE: FILE is well-formed XML.
xml_ok() { /usr/bin/python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$1"; }
# row STAGE COLUMN: a column (1-based) of STAGE's row in results.tsv.
row() { awk -F'\t' -v s="$1" -v c="$2" '$1 == s { print $c }' "$OUTD/results.tsv"; }

# --- a passing run: one row per stage, the reports agree with it
run_case rows
series_add "triple pages" 's/return n \* 3;/return n + n + n;/'
record
expect "rows: a passing run" 0 'make check: PASS' in_case "$S/check.sh" build
assert "rows: one row per stage, in order" \
	[ "$(grep -v '^#' "$OUTD/results.tsv" | cut -f1 | tr '\n' ' ')" == "base apply build " ]
assert "rows: status, code and the command that reruns the stage" \
	[ "$(row build 2) $(row build 3) $(row build 7)" == "PASS 0 make -C $REPO build O=$OUTD KSRC=$KSRC_DIR SERIES=$SER OVERLAY=none CACHE=$SCRATCH_CACHE" ]
assert "rows: the run is marked complete" grep -q '^# make check complete' "$OUTD/results.tsv"
assert "rows: report.tap has the plan and a line per row" \
	[ "$(grep -c '^ok [0-9]* - ' "$OUTD/report.tap") $(grep -c '^1\.\.3$' "$OUTD/report.tap")" == "3 1" ]
assert "rows: report.xml is well formed, a testcase per row" \
	[ "$(xml_ok "$OUTD/report.xml" && grep -o '<testcase ' "$OUTD/report.xml" | wc -l)" == 3 ]

# --- a failing stage: its code in the row, its reason escaped in XML
run_case failing
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
printf 'no-such\001patch\n' >"$SER/series"
expect "failing: a broken series is a setup error" 2 'base +ERROR' \
	in_case "$S/check.sh" apply
assert "failing: the row has code 2 and a control-free reason" \
	[ "$(row base 2) $(row base 3) $(row base 5 | tr -d '[:print:]\n' | wc -c)" == "ERROR 2 0" ]
assert "failing: a stage that needs it is skipped, with the reason" \
	[ "$(row apply 2) $(row apply 3) $(row apply 5)" == "SKIP 4 needs base" ]
assert "failing: report.xml stays well formed" xml_ok "$OUTD/report.xml"
assert "failing: the TAP names the log and the rerun command" \
	grep -q "^# rerun: make -C $REPO base O=" "$OUTD/report.tap"

# --- a slow reader of make check's output (a loaded CI runner): the
# stage's last "name: reason" line reaches its log before its row is
# written. 4000 trailing blanks give ~200 KiB of findings, more than the
# pipes hold, so the end of the stage's output waits for the reader; the
# reader takes nothing until checkpatch.pl's output is in the log, then
# sleeps, long enough for a runner that does not wait for its log.
run_case slow_reader
for i in $(seq 4000); do printf 'int slow_%d; \n' "$i"; done >"$SCRATCH/trailing.c"
series_add "many findings" "\$r $SCRATCH/trailing.c"
record
in_case "$S/check.sh" checkpatch | {
	wait_until 600 grep -qs '^=== 0001-' "$OUTD/logs/checkpatch.log" || true
	sleep 2
	cat
} >/dev/null || true
assert "slow reader: the failed stage's row keeps its reason" \
	grep -q "^checkpatch: 0001-many-findings.patch: ERROR:TRAILING_WHITESPACE: " <(row checkpatch 5)

# --- interrupts: SIGTERM and SIGINT stop the stage and what it started
# start_slow CMD...: CMD (make check) in the background, in its own
# process group as a terminal's job is, its build stage sleeping in the
# fake kbuild (SLOW_SECS); waits until the sleep runs. CHECK_PID is CMD's.
start_slow() {
	set -m
	exec_case env FAKE_BUILD_SLEEP=$SLOW_SECS "$@" >"$SCRATCH/slow.log" 2>&1 &
	CHECK_PID=$!
	set +m
	wait_until 600 slow_running
}
# stopped_by SIG CODE NAME TARGET: send SIG to TARGET (a pid, or -pgid);
# the runner exits CODE, leaves no process of the stage, keeps its rows
# marked interrupted, and writes no record for make send.
stopped_by() {
	local rc=0
	kill -"$1" -- "$4"
	wait_stopped || rc=$?
	assert "$3: exits $2 (got $rc)" [ "$rc" == "$2" ]
	assert "$3: no process of the stage left" no_stage_left
	assert "$3: the build row says interrupted" \
		[ "$(row build 2) $(row build 5)" == "ERROR interrupted by SIG$1" ]
	assert "$3: results.tsv marked interrupted" \
		grep -q '^# make check interrupted' "$OUTD/results.tsv"
	assert "$3: report.tap marked interrupted" \
		grep -q 'make check was interrupted' "$OUTD/report.tap"
	assert "$3: report.xml well formed" xml_ok "$OUTD/report.xml"
	assert "$3: nothing recorded for make send" [ ! -e "$OUTD/last-check" ]
}
# wait_stopped: CHECK_PID's exit status, once it has exited; if it is
# still running after 60 s (the signal did nothing), its process group is
# killed and the status is 255, which no case expects.
wait_stopped() {
	if ! wait_while 600 kill -0 "$CHECK_PID" 2>/dev/null; then
		kill -KILL -- "-$CHECK_PID" 2>/dev/null || true
		wait "$CHECK_PID" 2>/dev/null || true
		return 255
	fi
	wait "$CHECK_PID"
}
# no_stage_left: no process of the interrupted stage within 2 s.
no_stage_left() { wait_while 20 slow_running; }

# sigint_ignored: whether this shell was started with SIGINT ignored (an
# asynchronous command of a non-interactive shell is): then so is every
# process it starts, and a shell cannot trap it.
sigint_ignored() {
	local mask
	mask=$(awk '$1 == "SigIgn:" { print $2 }' /proc/$$/status)
	(((0x$mask >> 1) & 1))
}

run_case sigterm
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
if start_slow "$S/check.sh"; then
	ok "sigterm: the build stage is running"
	# --- a second run on the same output dir refuses while one runs
	expect "busy: a second run on the same O= refuses" 2 \
		"another make check is running on $OUTD \(pid $CHECK_PID" in_case "$S/check.sh" base
	stopped_by TERM 143 sigterm "$CHECK_PID"
else
	not_ok "sigterm: the build stage never started"; tail "$SCRATCH/slow.log" | diag
fi

run_case sigint
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
if sigint_ignored; then
	skip "sigint: this suite runs with SIGINT ignored (a background job of a script), as check.sh would"
elif start_slow "$S/check.sh"; then
	# As a terminal's ^C: to the job's whole process group.
	stopped_by INT 130 sigint "-$CHECK_PID"
else
	not_ok "sigint: the build stage never started"; tail "$SCRATCH/slow.log" | diag
fi

run_case make-term
series_add "one" 's/return n \* 3;/return 3 * n;/'
record
if start_slow make -s -C "$REPO" check BOOT=no; then
	kill -TERM "$CHECK_PID"
	wait "$CHECK_PID" || true
	assert "make-term: SIGTERM to make leaves no process of the stage" no_stage_left
	assert "make-term: nothing recorded for make send" [ ! -e "$OUTD/last-check" ]
else
	not_ok "make-term: the build stage never started"; tail "$SCRATCH/slow.log" | diag
fi

# --- an output dir that cannot be made, a full disk
run_case unwritable
touch "$SCRATCH/a file"
expect "unwritable: O= under a file is named" 2 \
	"check: cannot create the output dir $SCRATCH/a file/out/logs: Not a directory" \
	env O="$SCRATCH/a file/out" KSRC="$KSRC_DIR" SERIES="$SER" "$S/check.sh" base

run_case full-disk
full=$SCRATCH/full
mkdir -p "$full"
if mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null; then
	mkdir -p "$full/out/logs"
	dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null || true
	expect "full disk: the file that could not be written is named" 2 \
		"check: cannot write $full/out/check.pid(.tmp)?: No space left on device" \
		env O="$full/out" KSRC="$KSRC_DIR" SERIES="$SER" CACHE="$SCRATCH_CACHE" "$S/check.sh" base
	umount "$full"
else
	skip "full disk: cannot mount a small tmpfs here (needs root)"
fi

finish
