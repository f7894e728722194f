# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# tests/boot/run.sh's tests of the gate functions (scripts/lib/boot-gates.sh)
# on canned input: a console log of tests/boot/logs/, its parsed results
# (parse_log) and the facts the runner would add. Each gate holds on
# pass.log and fails, for the reason it must name, on a log that breaks
# it. Sourcing only defines functions; they use run.sh's WORK, tap_ok and
# not_ok.

# gate_test NAME GATE LOG WANT [KEY=VALUE...]: gate_GATE on LOG and its
# parsed results, the runner's facts given as KEY=VALUE (default: rc=0,
# nothing killed, timeout_s=240). WANT: - (the gate holds) or an ERE its
# reason must match.
gate_test() {
	local name=$1 gate=$2 log=$3 want=$4 parsed=$WORK/gates/$1.parsed reason
	shift 4
	mkdir -p -- "$WORK/gates"
	# kv_get reads the first KEY: the facts given come before the defaults
	{
		parse_log "$log"
		printf '%s\n' "$@" rc=0 killed= timeout_s=240
	} >"$parsed"
	reason=$("gate_$gate" "$parsed" "$log")
	if [[ $want == - && -z $reason ]]; then
		tap_ok "gate-$name: $gate holds"
	elif [[ $want == - ]]; then
		not_ok "gate-$name: $gate fails, want it to hold" "reason: $reason" \
			"parsed: $parsed"
	elif [[ -n $reason && $reason =~ $want ]]; then
		tap_ok "gate-$name: $gate: $reason"
	else
		not_ok "gate-$name: $gate: no /$want/ in the reason" \
			"reason: ${reason:-(none: the gate holds)}" "parsed: $parsed"
	fi
}

gate_cases() {
	local l=$1 empty=$WORK/gates/empty.log between=$WORK/gates/died-between.log gate
	mkdir -p -- "$WORK/gates"
	: >"$empty"
	# the guest dies after a case's result, before the next case starts
	grep -v 'z3fold_repro_mapped_twice: started' "$l/kunit-died.log" >"$between"
	for gate in boot kunit data paths balance log; do
		gate_test "pass-$gate" "$gate" "$l/pass.log" -
	done

	gate_test boot-panic boot "$l/panic.log" \
		'^kernel panic: Attempted to kill init'
	gate_test boot-panic-report boot "$l/kasan-panic.log" \
		'^kernel panic: Fatal exception \(BUG: KASAN: use-after-free in z3fold_zpool_map\)$'
	gate_test boot-stall boot "$l/stall.log" \
		'^stall: no console output for 60 s \(last: z3fold-stress: heartbeat t=12\.3s' \
		rc=124 killed=stall stall_s=60 \
		"stall_last=$(clean_log "$l/stall.log" | grep heartbeat | tail -n 1)"
	gate_test boot-stall-silent boot "$empty" \
		'^stall: no console output for 60 s \(last: nothing printed\)$' \
		rc=124 killed=stall stall_s=60 stall_last=
	gate_test boot-timeout boot "$l/hang.log" \
		'^timeout: guest still running after 240 s, killed$' \
		rc=124 killed=timeout
	gate_test boot-hung-task boot "$l/hung-task.log" \
		'^hang: task kworker/u4:2 blocked in free_pages_work <- process_one_work; kernel panic: hung_task: blocked tasks$'
	gate_test boot-qemu boot "$l/pass.log" \
		'^qemu exited with 1: qemu-system-x86_64: could not load kernel$' \
		rc=1 'qemu_error=qemu-system-x86_64: could not load kernel'
	gate_test boot-no-result boot "$empty" '^guest ended without a result line$'

	gate_test kunit-fail kunit "$l/kunit.log" \
		'^z3fold KUnit failed: z3fold_test_bad_sizes; z3fold_test_bad_sizes: EXPECTATION FAILED at mm/z3fold_test\.c:268 '
	gate_test kunit-died kunit "$l/kunit-died.log" \
		'^suite z3fold_repro started and never finished: case z3fold_repro_mapped_twice started, no result \(2 case\(s\) done\)$'
	gate_test kunit-died-between kunit "$between" \
		'^suite z3fold_repro started and never finished: nothing after case z3fold_repro_failed_migration_unclaims \(2 case\(s\) done\)$'
	gate_test kunit-none kunit "$l/nokunit.log" \
		'^no z3fold KUnit result in the log: no KUnit output at all'
	gate_test kunit-other kunit "$l/kunit-other.log" \
		'^no z3fold KUnit result in the log: KUnit ran without suite z3fold '

	gate_test data-corrupt data "$l/corrupt.log" \
		'^3 of 103088 page reads came back wrong$'
	gate_test data-not-reached data "$l/panic.log" \
		'^not reached: the stress did not complete$'
	gate_test paths-base paths "$l/base.log" \
		'^798 z3fold writebacks, want >= 1000$'
	gate_test paths-not-reached paths "$l/panic.log" \
		'^not reached: the guest stopped before its balance step$'
	gate_test balance-pool balance "$l/leak.log" \
		'^zswap pool_total_size=8192 after swapoff: 2 z3fold pages never released$'
	# the page-state file's count (debugfs z3fold_test/pages)
	gate_test balance-claimed balance "$l/claimed.log" \
		'^2 z3fold page\(s\) left claimed after swapoff \(claimed 2, isolated 1, compaction queued 0; 0 before the stress\)$'
	gate_test balance-base balance "$l/base.log" \
		'^1 z3fold page\(s\) left claimed after swapoff \(claimed 0, isolated 1, '

	gate_test log-kasan log "$l/kasan.log" \
		'^BUG: KASAN: use-after-free in z3fold_free'
	gate_test log-base log "$l/base.log" \
		'^WARNING at mm/slab_common\.c:493 in kmem_cache_destroy \(from z3fold_zpool_destroy <- zpool_destroy_pool\)$'
	# a panic with no report before it is quoted as it is
	gate_test log-panic log "$l/panic.log" \
		'^Kernel panic - not syncing: Attempted to kill init'
	with_report_cases "$l"
}

# with_report_cases LOGDIR: a failed gate's reason gets the log's first
# report, unless it names it already.
with_report_cases() {
	local l=$1 parsed=$WORK/gates/claimed.parsed r
	parse_log "$l/claimed.log" >"$parsed"
	r=$(with_report "$parsed" "balance: x")
	if [[ $r == 'balance: x; first report: WARNING at mm/z3fold.c:1526 in z3fold_page_migrate <- move_to_new_folio' ]]; then
		tap_ok "with-report: the first report follows the reason"
	else
		not_ok "with-report: got '$r'" "parsed: $parsed"
	fi
	r=$(with_report "$parsed" "log: WARNING at mm/z3fold.c:1526 in z3fold_page_migrate <- move_to_new_folio")
	if [[ $r != *'first report'* ]]; then
		tap_ok "with-report: a reason that names the report is left as it is"
	else
		not_ok "with-report: report named twice: '$r'" "parsed: $parsed"
	fi
}
