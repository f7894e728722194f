# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The boot test's log parser and gates (scripts/boot.sh; tests/boot/run.sh
# calls each gate on canned input). Needs lib/common.sh. Sourcing only
# defines functions.
#
# A boot's results are two files: its console log and its parsed results
# ("parsed": scripts/awk/boot-log.awk's KEY=VALUE lines, then what the
# runner saw: rc, time_s, timeout_s, silence_max_s, killed, stall_s,
# stall_last, qemu_error). Each gate is a function of the two:
#   gate_NAME PARSED LOG   prints why the gate does not hold, or nothing
# for NAME in boot kunit data paths balance log.

# report_re: the kernel-log gate's patterns as one extended regexp,
# matched after the timestamp: the reports no kernel of the series may
# print. scripts/kcsan.sh greps its boots' logs for the same.
report_re() {
	local IFS='|' patterns=(
		'WARNING:'
		'(^|[^A-Za-z_])BUG[: ]'
		'KASAN'
		'refcount_t'
		'list_(add|del) corruption'
		'possible (circular|recursive) locking'
		'inconsistent lock state'
		'INFO: (possible|trying to register|lockdep)'
		'DEBUG_LOCKS_WARN_ON'
		'Oops'
		'general protection fault'
		'soft lockup'
		'hard LOCKUP'
		'rcu_.*stall'
		'blocked for more than'
		'Kernel panic'
		'unreferenced object'
		'suspected memory leak'
		'ODEBUG'
		'UBSAN'
	)
	printf '%s\n' "${patterns[*]}"
}

# kunit_suites: the KUnit suites of ci/overlay: every one must report,
# and pass.
kunit_suites() {
	echo z3fold z3fold_repro
}

# ---- parsing ----------------------------------------------------------------

# clean_log LOG: without timestamps and CRs: what the kernel printed.
clean_log() {
	sed -e 's/\r$//' -e 's/^\[ *[0-9]*\.[0-9]*\] //' -- "$1"
}

# parse_log LOG: the log as KEY=VALUE lines (see scripts/awk/boot-log.awk).
parse_log() {
	awk -v re="$(report_re)" -f "$REPO/scripts/awk/boot-report.awk" \
		-f "$REPO/scripts/awk/boot-log.awk" -- "$1"
}

# splats LOG: every report with the lines after it, at most 3 reports.
splats() {
	clean_log "$1" | awk -v re="$(report_re)" '
	n >= 3 && !left { exit }
	left { print; left--; if ($0 ~ /end trace/) left = 0; next }
	$0 ~ re { n++; print "--- splat " n " ---"; print; left = 25 }
	'
}

# splats_diag SPLATS: the splats as TAP diagnostics, without the register
# and code dumps (those stay in the file).
splats_diag() {
	grep -Ev '^(RIP|RSP|RAX|RDX|RBP|R08|R10|R13|FS|CS|CR2|Code|DR[0-9]):' \
		-- "$1" | head -n 60 | tap_diag
	echo "# (full splats: $1)"
}

# ---- gates ------------------------------------------------------------------

# gate_boot PARSED LOG: the guest reported a result: no panic, no stall, no
# timeout, QEMU ran; a hang names where a task is stuck.
gate_boot() {
	local parsed=$1 stack panic killed rc last
	stack=$(kv_get "$parsed" stack)
	panic=$(kv_get "$parsed" panic)
	panic=${panic#Kernel panic - not syncing: }
	killed=$(kv_get "$parsed" killed)
	rc=$(kv_get "$parsed" rc)
	if [[ $killed == stall ]]; then
		last=$(kv_get "$parsed" stall_last)
		echo "stall: no console output for $(kv_get "$parsed" stall_s) s (last: ${last:-nothing printed})${stack:+; $stack}"
	elif [[ $killed == timeout || $rc == 124 || $rc == 137 ]]; then
		echo "timeout: guest still running after $(kv_get "$parsed" timeout_s) s, killed${stack:+; $stack}"
	elif [[ $panic == hung_task:* || $panic == softlockup:* ]]; then
		# the guest's own detectors: the stuck task first
		echo "${stack:+$stack; }kernel panic: $panic"
	elif [[ -n $panic ]]; then
		# what led to it: the first report since the last progress
		stack=$(kv_get "$parsed" panic_report)
		echo "kernel panic: $panic${stack:+ ($stack)}"
	elif [[ ${rc:-0} != 0 ]]; then
		echo "qemu exited with $rc: $(kv_get "$parsed" qemu_error)"
	elif [[ -z $(kv_get "$parsed" result) ]]; then
		echo "guest ended without a result line"
	elif [[ -n $(kv_get "$parsed" fail.setup) ]]; then
		echo "guest setup failed: $(kv_get "$parsed" fail.setup)"
	fi
}

# gate_kunit PARSED LOG: every suite of kunit_suites reported and passed.
gate_kunit() {
	local parsed=$1 result expect
	result=$(kunit_result "$parsed")
	if [[ -z $result ]]; then
		kunit_missing "$parsed"
	elif [[ $result != ok ]]; then
		expect=$(kv_get "$parsed" kunit_expect)
		echo "z3fold KUnit failed: $(kv_get "$parsed" kunit_failed)${expect:+; $expect}"
	fi
}

# kunit_result PARSED: ok when every suite passed, fail when one failed,
# nothing when one did not report.
kunit_result() {
	local suite v result=ok
	for suite in $(kunit_suites); do
		v=$(kv_get "$1" "suite.$suite")
		[[ -n $v ]] || return 0
		[[ $v == ok ]] || result=fail
	done
	echo "$result"
}

# kunit_died_in PARSED SUITE: the case of SUITE that started and has no
# result (the guest died in it), if any.
kunit_died_in() {
	local last
	last=$(kv_get "$1" "last_started.$2")
	[[ -z $last || $last == "$(kv_get "$1" "last_done.$2")" ]] || echo "$last"
}

# kunit_missing PARSED: why a suite has no result: it started and never
# finished (named by its last case), KUnit ran without it, or KUnit
# printed nothing at all.
kunit_missing() {
	local parsed=$1 suite last ended n
	for suite in $(kunit_suites); do
		[[ -z $(kv_get "$parsed" "suite.$suite") ]] || continue
		if [[ -z $(kv_get "$parsed" "started.$suite") ]]; then
			if [[ -n $(kv_get "$parsed" ktap) ]]; then
				echo "no z3fold KUnit result in the log: KUnit ran without suite $suite (overlay patch not applied?)"
			else
				echo "no z3fold KUnit result in the log: no KUnit output at all (KUnit not built or not enabled?)"
			fi
			return
		fi
		last=$(kunit_died_in "$parsed" "$suite")
		ended=$(kv_get "$parsed" "last_done.$suite")
		n=$(kv_get "$parsed" "done.$suite")
		if [[ -n $last ]]; then
			echo "suite $suite started and never finished: case $last started, no result ($n case(s) done)"
		elif [[ -n $ended ]]; then
			echo "suite $suite started and never finished: nothing after case $ended ($n case(s) done)"
		else
			echo "suite $suite started and never finished: no case result"
		fi
		return
	done
}

# gate_data, gate_paths, gate_balance PARSED LOG: the stress's own gates:
# its FAIL line, or how far short of the check it stopped.
gate_data() { stress_gate data "$1"; }
gate_paths() { stress_gate paths "$1"; }
gate_balance() { stress_gate balance "$1"; }

# stress_gate GATE PARSED
stress_gate() {
	local gate=$1 parsed=$2 fail
	fail=$(kv_get "$parsed" "fail.$gate")
	if [[ -n $fail ]]; then
		echo "${fail#"$gate: "}"
	elif [[ $gate == data && -z $(kv_get "$parsed" step.swapoff) ]]; then
		echo "not reached: the stress did not complete"
	elif [[ $gate != data && -z $(kv_get "$parsed" step.balance) ]]; then
		echo "not reached: the guest stopped before its balance step"
	fi
}

# gate_log PARSED LOG: no report in the kernel log; the first one is
# named, a lone panic line quoted as it is.
gate_log() {
	local first report
	first=$(splats "$2" | sed -n 2p)
	report=$(kv_get "$1" report)
	[[ -z $first ]] || echo "${report:-$first}"
}

# with_report PARSED REASON: the reason, and the log's first report unless
# the reason names it already: the cause, whichever gate failed first.
with_report() {
	local r
	r=$(kv_get "$1" first_report)
	if [[ -z $r || $2 == *"$r"* || $2 == *"${r#KUnit }"* ]]; then
		echo "$2"
	else
		echo "$2; first report: $r"
	fi
}
