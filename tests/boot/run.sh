#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/boot/run.sh [OPTIONS]
#
# Self-tests of scripts/boot.sh, TAP 13 on stdout. Fast cases: each gate
# function of scripts/lib/boot-gates.sh on canned logs (tests/boot/logs/,
# see its README), passing and failing; then boot.sh itself against
# tests/boot/fake-qemu, which replays a canned log as the guest's console,
# in seconds. Slow cases boot real kernels (only with a kernel):
#   hang     a guest that goes silent is killed after --stall, its tasks
#            dumped by sysrq first, and reported (exit 124)
#   panic    init exits, the kernel panics, the run fails naming the panic
#   leak     a kernel whose z3fold pages are released but never freed
#            fails the boot test with the leak named
#
# Options:
#   --quick               fast cases only
#   --real                real boots only
#   --kernel BZIMAGE      a working kernel for the hang and panic cases
#   --broken-kernel BZ    a kernel of the 6.1.y series with
#                         break-z3fold-release.patch on top
#   --build-broken        build that kernel: the pipeline's base (KSRC, or
#                         Debian's linux-source-6.1) with the series and
#                         the break patch, FLAVOUR and OVERLAY as for make
#                         check, output in WORK/pipeline
#   --flavour F           kconfigs/F.config for that build (default debug)
#   --work DIR            builds and logs (default $O/test-boot)
#   -h, --help            this text
#
# Environment: BOOT_CPU_LOCK (a file: kernel builds and boots hold flock
# on it), KSRC and OVERLAY for --build-broken, O (see --work).
#
# Exit status: 0 all passed, 1 a test failed, 2 usage error.
set -euo pipefail
# shellcheck source=../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib/common.sh"
lib_init series boot-gates
# shellcheck source=gate-cases.sh
source "$(dirname "${BASH_SOURCE[0]}")/gate-cases.sh"
# shellcheck source=real-cases.sh
source "$(dirname "${BASH_SOURCE[0]}")/real-cases.sh"

HERE=$REPO/tests/boot
BOOT=$REPO/scripts/boot.sh
FAILED=0

# not_ok NAME DIAG...: a failed test, with its diagnostics.
not_ok() {
	FAILED=1
	tap_not_ok "$1"
	shift
	printf '%s\n' "$@" | tap_diag
}

# expect NAME RC PATTERN [boot.sh args...]: run boot.sh, want exit RC and
# PATTERN (ERE) in its stdout+stderr. The match is quoted with its "#"
# escaped: boot.sh's own "# SKIP" or "# TODO" would make this test's line
# a skipped or a to-do one.
expect() {
	local name=$1 want=$2 pattern=$3 rc=0 out=$WORK/$1 match
	shift 3
	mkdir -p -- "$out"
	"$BOOT" --out "$out" "$@" >"$out/stdout" 2>"$out/stderr" || rc=$?
	if ((rc != want)); then
		not_ok "$name: exit $rc, want $want" \
			"$(tail -n 3 -- "$out/stderr")" "output: $out"
	elif ! grep -Eq -- "$pattern" "$out/stdout" "$out/stderr"; then
		not_ok "$name: no /$pattern/ in the output" "output: $out"
	else
		match=$(grep -Eoh -- "$pattern" "$out/stderr" "$out/stdout" | head -n 1)
		tap_ok "$name: exit $rc, ${match//#/\\#}"
	fi
}

# fake NAME RC PATTERN [boot.sh args...]: boot.sh over canned logs, given
# as kernel images (LABEL=tests/boot/logs/NAME.log)
fake() {
	local name=$1
	shift
	# a canned log needs no CPU: never wait for the lock
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu expect "fake-$name" "$@"
}

fake_cases() {
	local l=$HERE/logs n
	expect usage 2 'no LABEL=BZIMAGE'
	QEMU=/nonexistent/qemu expect no-qemu 2 \
		'apt-get install qemu-system-x86' k="$l/pass.log"
	fake pass 0 '^ok [0-9]+ - k$' k="$l/pass.log"
	fake corrupt 1 \
		'boot: k: data: 3 of 103088 page reads came back wrong; log: ' \
		k="$l/corrupt.log"
	fake leak 1 \
		'boot: k: balance: zswap pool_total_size=8192 after swapoff: 2 z3fold pages never released' \
		k="$l/leak.log"
	fake kasan 1 'boot: k: log: BUG: KASAN: use-after-free in z3fold_free' \
		k="$l/kasan.log"
	fake kunit 1 \
		'boot: k: kunit: z3fold KUnit failed: z3fold_test_bad_sizes; z3fold_test_bad_sizes: EXPECTATION FAILED at mm/z3fold_test.c:268 .*handle slots leaked' \
		k="$l/kunit.log"
	fake nokunit 1 'boot: k: kunit: no z3fold KUnit result in the log: no KUnit output at all' \
		k="$l/nokunit.log"
	fake kunit-other 1 'boot: k: kunit: no z3fold KUnit result in the log: KUnit ran without suite z3fold ' \
		k="$l/kunit-other.log"
	# a suite that started and died in a case: the case is named
	fake kunit-died 1 \
		'not ok [0-9]+ - k: kunit: suite z3fold_repro started and never finished: case z3fold_repro_mapped_twice started, no result \(2 case\(s\) done\)' \
		k="$l/kunit-died.log"
	fake no-kunit 0 '^ok [0-9]+ - k$' --no-kunit k="$l/nokunit.log"
	# ... its kunit gate is reported as skipped, not as passed
	fake no-kunit-skip 0 '^ok 2 - k: kunit: not run \(--no-kunit\) # SKIP$' \
		--no-kunit k="$l/nokunit.log"
	# a real boot of the base: it fails, named by its first failed gate
	# and its log's first report
	fake base 1 \
		'boot: k: kunit: z3fold KUnit failed: .*; first report: WARNING at mm/slab_common\.c:493 in kmem_cache_destroy \(from z3fold_zpool_destroy <- zpool_destroy_pool\); log: ' \
		k="$l/base.log"
	fake panic 1 'boot: k: boot: kernel panic: Attempted to kill init' \
		k="$l/panic.log"
	fake kasan-panic 1 \
		'boot: k: boot: kernel panic: Fatal exception \(BUG: KASAN: use-after-free in z3fold_zpool_map\); log: ' \
		k="$l/kasan-panic.log"
	# the report that led to the panic names its function and the z3fold
	# frame under it; the log's first report follows
	fake kasan-panic-frame 1 \
		'boot: k: boot: kernel panic: Fatal exception \(BUG: KASAN: use-after-free in __list_del_entry_valid \(from z3fold_free <- z3fold_zpool_free\)\); first report: WARNING at mm/slab_common.c:493 in kmem_cache_destroy \(from z3fold_zpool_destroy <- zpool_destroy_pool\); log: ' \
		k="$l/kunit-died.log"
	FAKE_QEMU_HANG=1 fake hang-report 124 \
		'boot: k: boot: timeout: .*; first report: BUG: KASAN: use-after-free in z3fold_zpool_map' \
		--timeout 2 k="$l/kasan-panic.log"
	FAKE_QEMU_HANG=1 fake hang 124 \
		'boot: k: boot: timeout: guest still running after 2 s' \
		--timeout 2 k="$l/hang.log"
	stall_cases "$l"
	# the guest's own detectors: the stuck task and its z3fold frame
	fake hung-task 1 \
		'boot: k: boot: hang: task kworker/u4:2 blocked in free_pages_work <- process_one_work; kernel panic: hung_task: blocked tasks; log: ' \
		k="$l/hung-task.log"
	fake soft-lockup 1 \
		'boot: k: boot: soft lockup: task z3fold-stress stuck in z3fold_zpool_map <- zswap_frontswap_load; kernel panic: softlockup: hung tasks; log: ' \
		k="$l/softlockup.log"
	# a page left claimed, and the first report of a gate that is not log
	fake claimed 1 \
		'boot: k: balance: 2 z3fold page\(s\) left claimed after swapoff \(claimed 2, isolated 1, compaction queued 0; 0 before the stress\); first report: WARNING at mm/z3fold.c:1526 in z3fold_page_migrate <- move_to_new_folio; log: ' \
		k="$l/claimed.log"
	fake claimed-table 1 '^# end_z3fold_claimed +2$' k="$l/claimed.log"
	fake evidence 0 '^not ok [0-9]+ - base # TODO evidence only' \
		--must-pass series base="$l/leak.log" series="$l/pass.log"
	# the counter as the log printed it, in both columns
	n=$(grep -ao 'z3fold-stress: counter written_back=[0-9]*' "$l/pass.log")
	fake side-by-side 0 "^# written_back +${n##*=} +${n##*=}\$" \
		a="$l/pass.log" b="$l/pass.log"
	fake repro-skip 0 '^# repro: headless_free_vs_reclaim +skip$' \
		k="$l/pass.log"
	fake repro 0 '^# repro: migrated_page_claimed +fail +ok$' \
		--must-pass series base="$l/reprofail.log" series="$l/pass.log"
	fake repro-splat 1 '^# repro: migrated_page_claimed +ok,splat$' \
		k="$l/reprosplat.log"
	fake repro-gate 1 'boot: k: kunit: z3fold KUnit failed: z3fold_repro_migrated_page_claimed' \
		k="$l/reprofail.log"
	# the evidence stage's boots: the KUnit suites alone, nothing must pass
	fake kunit-only 0 '^1\.\.4$' --kunit-only k="$l/pass.log"
	fake kunit-only-args 0 ' stress=0' --dry-run --kunit-only k="$l/pass.log"
	fake kunit-only-fails 1 'boot: k: kunit: z3fold KUnit failed' \
		--kunit-only k="$l/reprofail.log"
	fake evidence-only 0 '^not ok [0-9]+ - k # TODO evidence only' \
		--evidence --kunit-only k="$l/reprofail.log"
	expect evidence-must-pass 2 'exclude each other' \
		--evidence --must-pass k k="$l/pass.log"
	expect bad-stall 2 'stall wants seconds' --stall 1s k="$l/pass.log"
	expect kunit-only-no-kunit 2 'exclude each other' \
		--kunit-only --no-kunit k="$l/pass.log"
	expect no-kunit-kunit-only 2 'exclude each other' \
		--no-kunit --kunit-only k="$l/pass.log"
	expect no-kunit-stress-off 0 'kunit\.enable=0.*seed=1.*stress=0' \
		--dry-run --no-kunit --init-arg stress=0 k="$l/pass.log"
	case_lines "$l"
	reuse_cases "$l"
	default_out "$l"
}

# default_out LOGDIR: without --out, a run writes $O/boot-manual and
# leaves make check's $O/boot alone.
default_out() {
	local o=$WORK/fake-default-out
	rm -rf -- "$o"
	mkdir -p -- "$o/boot"
	if O=$o BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" k="$1/pass.log" \
		>"$o.log" 2>&1 && [[ -f $o/boot-manual/k/parsed && ! -e $o/boot/k ]]; then
		tap_ok "fake-default-out: \$O/boot-manual written, \$O/boot untouched"
	else
		not_ok "fake-default-out: not in \$O/boot-manual" "output: $o.log"
	fi
}

# stall_cases LOGDIR: a guest that goes silent is killed after --stall,
# long before --timeout; the reason quotes its last line, the first report
# and the task stacks sysrq dumped.
stall_cases() {
	local l=$1
	# killed for the silence, not for --timeout (the reason says which)
	FAKE_QEMU_HANG=1 fake stall 124 \
		'boot: k: boot: stall: no console output for [0-9]+ s \(last: z3fold-stress: fault=hang: sleeping forever\); log: ' \
		--stall 2 --timeout 120 k="$l/hang.log"
	FAKE_QEMU_HANG=1 fake stall-splat 124 \
		'boot: k: boot: stall: no console output for [0-9]+ s \(last: z3fold-stress: heartbeat t=22.4s round=1/1 pages=52011 .*\); first report: refcount_t: underflow; use-after-free. in z3fold_zpool_free <- zswap_free_entry; log: ' \
		--stall 2 k="$l/stall-splat.log"
	FAKE_QEMU_SYSRQ=$l/stall.sysrq fake stall-sysrq 124 \
		'boot: k: boot: stall: no console output for [0-9]+ s \(last: z3fold-stress: heartbeat t=12.3s .*\); hang: task z3fold-stress blocked in zswap_frontswap_store <- __frontswap_store; log: ' \
		--stall 2 k="$l/stall.log"
}

# case_lines LOGDIR: every case of both suites gets its case.NAME line,
# the repro ones a repro.NAME line too, a splat is kept with its case.
case_lines() {
	local l=$1 out=$WORK/fake-cases
	rm -rf -- "$out"
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" --out "$out" --evidence \
		k="$l/reprosplat.log" >"$out.log" 2>&1 || true
	if grep -qx 'case.z3fold_test_bad_sizes=ok' "$out/k/parsed" &&
		grep -qx 'case.z3fold_repro_migrated_page_claimed=ok,splat' "$out/k/parsed" &&
		grep -qx 'repro.z3fold_repro_migrated_page_claimed=ok,splat' "$out/k/parsed"; then
		tap_ok "fake-case-lines: every case parsed, its splat kept"
	else
		not_ok "fake-case-lines: case lines missing" "parsed: $out/k/parsed"
	fi
}

# reuse_cases LOGDIR: --reuse-evidence keeps the evidence kernel's last
# result while its inputs are unchanged, and never the must-pass one's.
reuse_cases() {
	local l=$1 out=$WORK/fake-reuse base=$WORK/fake-reuse-base.log
	local -a args=(--must-pass series --reuse-evidence)
	rm -rf -- "$out"
	cp -- "$l/leak.log" "$base"
	args+=(base="$base" series="$l/pass.log")
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" --out "$out" "${args[@]}" \
		>"$out.1" 2>&1 || true
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" --out "$out" "${args[@]}" \
		>"$out.2" 2>&1 || true
	if grep -q '^# base: reusing the boot of ' "$out.2" &&
		grep -q '^# series: booting ' "$out.2" &&
		grep -q '^not ok [0-9]* - base: balance: ' "$out.2"; then
		tap_ok "fake-reuse: base reused with its failures, series booted again"
	else
		not_ok "fake-reuse: second run did not reuse only the base" \
			"output: $out.2"
	fi
	echo "# changed" >>"$base"
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" --out "$out" "${args[@]}" \
		>"$out.3" 2>&1 || true
	if grep -q '^# base: booting ' "$out.3"; then
		tap_ok "fake-reuse: a changed base image is booted again"
	else
		not_ok "fake-reuse: changed base image was not booted" \
			"output: $out.3"
	fi
}

main() {
	local fast=1 real=1
	KERNEL='' BROKEN='' BUILD_BROKEN=0 WORK=$OUT/test-boot
	while (($#)); do
		case $1 in
		-h|--help) usage_from_header; exit 0 ;;
		--quick) real=0; shift; continue ;;
		--real) fast=0; shift; continue ;;
		--build-broken) BUILD_BROKEN=1; shift; continue ;;
		--kernel|--broken-kernel|--flavour|--work)
			(($# >= 2)) || die "$EX_SETUP" "$1 needs a value (see --help)" ;;
		*) die "$EX_SETUP" "unknown argument $1 (see --help)" ;;
		esac
		case $1 in
		--kernel) KERNEL=$2 ;;
		--broken-kernel) BROKEN=$2 ;;
		--flavour) FLAVOUR=$2 ;;
		--work) WORK=$2 ;;
		esac
		shift 2
	done
	[[ -z $KERNEL || -r $KERNEL ]] || die "$EX_SETUP" "cannot read $KERNEL"
	[[ -z $BROKEN || -r $BROKEN ]] || die "$EX_SETUP" "cannot read $BROKEN"
	[[ -r $REPO/kconfigs/$FLAVOUR.config ]] ||
		die "$EX_SETUP" "no kconfigs/$FLAVOUR.config"
	mkdir -p -- "$WORK"
	WORK=$(cd -- "$WORK" && pwd)
	echo "TAP version 13"
	if ((fast)); then
		gate_cases "$HERE/logs"
		fake_cases
	fi
	# boot.sh itself takes the lock for each QEMU run
	((!real)) || real_cases
	echo "1..${TAP_N:-0}"
	exit "$FAILED"
}

main "$@"
