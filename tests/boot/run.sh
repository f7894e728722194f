#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/boot.sh, TAP 13 on stdout.
#
# Fast cases run boot.sh against tests/boot/fake-qemu, which replays a
# canned console log (tests/boot/logs/), and take seconds.  Slow cases boot
# real kernels: a guest that hangs, an init that dies (kernel panic), and a
# kernel built with break-z3fold-free-kref.patch, whose leak the boot test
# must name.  They are skipped unless a kernel is given or can be built.
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
  hang     a guest that never finishes is killed and reported (exit 124)
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
	local l=$HERE/logs

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
		'boot: k: kunit: z3fold KUnit failed: z3fold_test_bad_sizes: .*handle slots leaked' \
		k="$l/kunit.log"
	fake nokunit 1 'boot: k: kunit: no z3fold KUnit result' \
		k="$l/nokunit.log"
	fake no-kunit 0 '^ok [0-9]+ - k$' --no-kunit k="$l/nokunit.log"
	fake panic 1 'boot: k: boot: kernel panic: Attempted to kill init' \
		k="$l/panic.log"
	fake kasan-panic 1 \
		'boot: k: boot: kernel panic: Fatal exception; first report: BUG: KASAN: use-after-free in z3fold_zpool_map' \
		k="$l/kasan-panic.log"
	FAKE_QEMU_HANG=1 fake hang-report 124 \
		'boot: k: boot: timeout: .*; first report: BUG: KASAN: use-after-free in z3fold_zpool_map' \
		--timeout 2 k="$l/kasan-panic.log"
	FAKE_QEMU_HANG=1 fake hang 124 \
		'boot: k: boot: timeout: guest still running after 2 s' \
		--timeout 2 k="$l/hang.log"
	fake evidence 0 '^not ok [0-9]+ - base # TODO evidence only' \
		--must-pass series base="$l/leak.log" series="$l/pass.log"
	fake side-by-side 0 '^# written_back +2217 +2217$' \
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
	expect kunit-only-no-kunit 2 'exclude each other' \
		--kunit-only --no-kunit k="$l/pass.log"
	expect no-kunit-kunit-only 2 'exclude each other' \
		--no-kunit --kunit-only k="$l/pass.log"
	expect no-kunit-stress-off 0 'kunit\.enable=0.*seed=1.*stress=0' \
		--dry-run --no-kunit --init-arg stress=0 k="$l/pass.log"
	case_lines "$l"
	reuse_cases "$l"
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
		expect real-hang 124 'timeout: guest still running after 60 s' \
			--timeout 60 --init-arg fault=hang k="$KERNEL"
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
	expect broken-kref 1 \
		'balance: zswap pool_total_size=[0-9]+ after swapoff: [0-9]+ z3fold pages never released' \
		--must-pass broken broken="$BROKEN"
	if grep -q 'z3fold pool still holds' "$WORK/broken-kref/stdout"; then
		ok "broken-kref: KUnit names the leak too"
	else
		not_ok "broken-kref: KUnit did not name the leak" \
			"output: $WORK/broken-kref"
	fi
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
