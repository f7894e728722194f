#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/boot.sh, TAP 13 on stdout.
#
# Fast cases run boot.sh against tests/boot/fake-qemu, which replays a
# canned console log (tests/boot/logs/), and take seconds.  Slow cases boot
# real kernels: a guest that goes silent (a stall, its tasks dumped by
# sysrq), an init that dies (kernel panic), and a kernel built with
# break-z3fold-free-kref.patch, whose leak the boot test must name.  They
# are skipped unless a kernel is given or can be built.
set -euo pipefail

myname=${0##*/}
HERE=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd -- "$HERE/../.." && pwd)
BOOT=$ROOT/scripts/boot.sh

KERNEL=
BROKEN=
BUILD_BROKEN=0
WORK=$ROOT/out/test-boot
FLAVOUR=debug
FAKE=1
REAL=1

usage() {
	cat <<EOF
Usage: $myname [OPTIONS]

Test scripts/boot.sh: canned logs through a fake QEMU, then real boots
(only with a kernel):
  hang     a guest that goes silent is killed after --stall, its tasks
           dumped by sysrq first, and reported (exit 124)
  panic    init exits, the kernel panics, the run fails naming the panic
  leak     a kernel without the kref_put in z3fold_free() fails the boot
           test with the leak named

Options:
  --quick               fake-QEMU cases only
  --real                real boots only
  --kernel BZIMAGE      a working kernel for the hang and panic cases
  --broken-kernel BZ    a kernel built with break-z3fold-free-kref.patch
  --build-broken        build that kernel: the pipeline's base (KSRC, or
                        Debian's linux-source-6.1) with the break patch as
                        its one-patch series, FLAVOUR and OVERLAY as for
                        make check, output in WORK/pipeline
  --flavour F           kconfigs/F.config for that build (default $FLAVOUR)
  --work DIR            builds and logs (default out/test-boot)
  -h, --help            this text

Environment: BOOT_CPU_LOCK (a file: kernel builds and boots hold flock
on it), KSRC and OVERLAY for --build-broken.

Exit status: 0 all passed, 1 a test failed, 2 usage error.
EOF
}

die() {
	echo "$myname: $*" >&2
	exit 2
}

T=0
FAILED=0

ok() {
	T=$((T + 1))
	echo "ok $T - $1"
}

not_ok() {
	T=$((T + 1))
	FAILED=1
	echo "not ok $T - $1"
	shift
	printf '# %s\n' "$@"
}

skip() {
	T=$((T + 1))
	echo "ok $T - $1 # SKIP $2"
}

# expect NAME RC PATTERN [boot.sh args...]: run boot.sh, want exit RC and
# PATTERN (ERE) in its stdout+stderr.
expect() {
	local name=$1 want=$2 pattern=$3 rc=0 out=$WORK/$1

	shift 3
	mkdir -p -- "$out"
	"$BOOT" --out "$out" "$@" >"$out/stdout" 2>"$out/stderr" || rc=$?
	if ((rc != want)); then
		not_ok "$name: exit $rc, want $want" \
			"$(tail -n 3 -- "$out/stderr")" "output: $out"
	elif ! grep -Eq -- "$pattern" "$out/stdout" "$out/stderr"; then
		not_ok "$name: no /$pattern/ in the output" "output: $out"
	else
		ok "$name: exit $rc, $(grep -Eoh -- "$pattern" "$out/stderr" \
			"$out/stdout" | head -n 1)"
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
}

# stall_cases LOGDIR: a guest that goes silent is killed after --stall,
# long before --timeout; the reason quotes its last line, the first report
# and the task stacks sysrq dumped.
stall_cases() {
	local l=$1 start took

	start=$SECONDS
	FAKE_QEMU_HANG=1 fake stall 124 \
		'boot: k: boot: stall: no console output for [0-9]+ s \(last: z3fold-stress: fault=hang: sleeping forever\); log: ' \
		--stall 2 --timeout 120 k="$l/hang.log"
	took=$((SECONDS - start))
	if ((took < 30)); then
		ok "fake-stall: killed after $took s, long before --timeout 120"
	else
		not_ok "fake-stall: took $took s, want < 30" \
			"output: $WORK/fake-stall"
	fi
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
		ok "fake-case-lines: every case parsed, its splat kept"
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
		ok "fake-reuse: base reused with its failures, series booted again"
	else
		not_ok "fake-reuse: second run did not reuse only the base" \
			"output: $out.2"
	fi
	echo "# changed" >>"$base"
	BOOT_CPU_LOCK='' QEMU=$HERE/fake-qemu "$BOOT" --out "$out" "${args[@]}" \
		>"$out.3" 2>&1 || true
	if grep -q '^# base: booting ' "$out.3"; then
		ok "fake-reuse: a changed base image is booted again"
	else
		not_ok "fake-reuse: changed base image was not booted" \
			"output: $out.3"
	fi
}

# ---- real kernels -----------------------------------------------------------

# build_broken: the kernel of a one-patch series, the break patch, built by
# the pipeline itself (scripts/build-prefix.sh) in its own output dir; the
# objects it shares with make check's builds come from ccache.
build_broken() {
	local series=$WORK/broken-series dir

	mkdir -p -- "$series"
	cp -- "$HERE/break-z3fold-free-kref.patch" "$ROOT/series/BASE" "$series/"
	echo break-z3fold-free-kref.patch >"$series/series"
	echo "# building the broken kernel (log $WORK/build.log)"
	dir=$(export SERIES=$series O=$WORK/pipeline FLAVOUR KSRC
		{ "$ROOT/scripts/base.sh" && "$ROOT/scripts/build-prefix.sh" 1; } \
			2>"$WORK/build.log") || return 1
	dir=${dir##*$'\n'}
	[[ $(cat -- "$dir/status") == pass ]] || return 1
	BROKEN=$dir/bzImage
}

real_cases() {
	if [[ -z $KERNEL ]]; then
		skip "real hang" "no --kernel"
		skip "real panic" "no --kernel"
	else
		expect real-hang 124 \
			'stall: no console output for [0-9]+ s \(last: z3fold-stress: fault=hang: sleeping forever\)' \
			--stall 20 --init-arg fault=hang k="$KERNEL"
		if grep -q '^sysrq: Show State' <(clean "$WORK/real-hang/k/console.log") &&
			grep -q '^stacks=[1-9]' "$WORK/real-hang/k/parsed"; then
			ok "real-hang: sysrq dumped the tasks before the kill"
		else
			not_ok "real-hang: no sysrq task dump in the log" \
				"output: $WORK/real-hang"
		fi
		expect real-panic 1 'kernel panic: Attempted to kill init' \
			--init-arg fault=panic k="$KERNEL"
	fi
	if [[ -z $BROKEN && $BUILD_BROKEN == 1 ]] && ! locked_build; then
		not_ok "broken kernel: build failed" "log: $WORK/build.log"
		return
	fi
	if [[ -z $BROKEN ]]; then
		skip "broken kernel" "no --broken-kernel or --build-broken"
		return
	fi
	# the pages may also be left claimed: that check comes first
	expect broken-kref 1 \
		'balance: (zswap pool_total_size=[0-9]+ after swapoff: [0-9]+ z3fold pages never released|[0-9]+ z3fold page\(s\) left claimed after swapoff)' \
		--must-pass broken broken="$BROKEN"
	if grep -q 'z3fold pool still holds' "$WORK/broken-kref/stdout"; then
		ok "broken-kref: KUnit names the leak too"
	else
		not_ok "broken-kref: KUnit did not name the leak" \
			"output: $WORK/broken-kref"
	fi
}

# clean LOG: the console log without timestamps and CRs.
clean() {
	sed -e 's/\r$//' -e 's/^\[ *[0-9]*\.[0-9]*\] //' -- "$1"
}

locked_build() {
	if [[ -n ${BOOT_CPU_LOCK:-} ]]; then
		exec {lock}>>"$BOOT_CPU_LOCK"
		flock "$lock"
		build_broken
		local rc=$?
		exec {lock}>&-
		return "$rc"
	fi
	build_broken
}

main() {
	while (($#)); do
		case $1 in
		-h|--help) usage; exit 0 ;;
		--quick) REAL=0; shift; continue ;;
		--real) FAKE=0; shift; continue ;;
		--build-broken) BUILD_BROKEN=1; shift; continue ;;
		--kernel|--broken-kernel|--flavour|--work)
			(($# >= 2)) || die "$1 needs a value (see --help)" ;;
		*) die "unknown argument $1 (see --help)" ;;
		esac
		case $1 in
		--kernel) KERNEL=$2 ;;
		--broken-kernel) BROKEN=$2 ;;
		--flavour) FLAVOUR=$2 ;;
		--work) WORK=$2 ;;
		esac
		shift 2
	done
	[[ -z $KERNEL || -r $KERNEL ]] || die "cannot read $KERNEL"
	[[ -z $BROKEN || -r $BROKEN ]] || die "cannot read $BROKEN"
	[[ -r $ROOT/kconfigs/$FLAVOUR.config ]] || die "no kconfigs/$FLAVOUR.config"
	mkdir -p -- "$WORK"
	WORK=$(cd -- "$WORK" && pwd)
	echo "TAP version 13"
	((FAKE)) && fake_cases
	# boot.sh itself takes the lock for each QEMU run
	((REAL)) && real_cases
	echo "1..$T"
	exit "$FAILED"
}

main "$@"
