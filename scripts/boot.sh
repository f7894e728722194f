#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot test: boot each kernel under QEMU (TCG) with the z3fold stress as
# /init and gate on what it proves: the in-kernel z3fold KUnit suite, data
# integrity, every path exercised, references balanced, a clean kernel log.
set -euo pipefail

myname=${0##*/}
ROOT=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")/.." && pwd)

SEED=1
TIMEOUT=240
MEM=256
SMP=2
OUT=$ROOT/out/boot
QEMU=${QEMU:-qemu-system-x86_64}
CC=${CC:-gcc}

# zswap on the command line; /init moves it from zbud to z3fold once the
# KUnit suite has run (see step_zswap() in ci/z3fold-stress.c).  A small
# pool and an accept threshold above 100% make every store that finds the
# pool full queue a z3fold reclaim: 6.1's default (90) holds stores off
# until the pool drains and z3fold reclaim barely runs.
# acpi=noirq: ACPI only finds the second CPU; its PCI interrupt routing
# keeps a KASAN kernel under TCG busy for half a minute at boot.
KERNEL_ARGS=(
	console=ttyS0 panic=-1 oops=panic slub_nomerge printk.devkmsg=on
	acpi=noirq
	zswap.enabled=1 zswap.compressor=lzo zswap.zpool=zbud
	zswap.max_pool_percent=5 zswap.accept_threshold_percent=110
	kunit.filter_glob=z3fold*
)

# Kernel-log gate: extended regexps, matched after the timestamp.
GATE_PATTERNS=(
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
GATES=(boot kunit data paths balance log)
# The KUnit suites of ci/overlay: every one must report, and pass.
SUITES=(z3fold z3fold_repro)
# Register and code dumps: kept in splats.txt, left out of the TAP stream.
REGS='^(RIP|RSP|RAX|RDX|RBP|R08|R10|R13|FS|CS|CR2|Code|DR[0-9]):'

usage() {
	cat <<EOF
Usage: $myname [OPTIONS] LABEL=BZIMAGE...

Boot every kernel in turn under $QEMU (TCG, -nographic -no-reboot, no
network) with ci/z3fold-stress.c as /init and a fresh swap disk, then gate
on the console log:
  boot     the guest reported a result (no hang, no panic)
  kunit    the in-kernel z3fold KUnit suites (z3fold, z3fold_repro) passed
  data     every page read back matched its checksum
  paths    z3fold stores, writeback, frees and migration were exercised
  balance  zswap and z3fold empty, slab caches idle, kmemleak clean
  log      no WARNING/BUG/KASAN/refcount_t/list corruption/lockdep/Oops/
           lockup/kmemleak report
Results go to stdout as TAP 13, then a side-by-side table of counters.

Options:
  --seed N          pattern seed, the same for every kernel (default $SEED)
  --timeout SEC     kill a guest still running after SEC s (default $TIMEOUT)
  --mem MB          guest memory (default $MEM)
  --out DIR         guest program, initramfs and logs (default out/boot)
  --must-pass LABEL a failure of LABEL fails the run (repeatable; default:
                    every label); other labels are evidence only
  --init-arg ARG    extra NAME=VALUE for /init, e.g. rounds=2 (repeatable)
  --append TEXT     extra kernel command-line text, e.g.
                    z3fold_test.races=1 to run the KUnit race that panics
                    a kernel with the bug it reproduces
  --no-kunit        do not run the KUnit suites (kunit.enable=0) nor gate
                    on them: the stress alone, as make bench-z3fold runs it
  --kunit-only      the KUnit suites alone: the guest reports as soon as it
                    starts (stress=0), gates boot, kunit and log
  --evidence        no kernel fails the run: every label is evidence (the
                    evidence stage reads each one's parsed results)
  --reuse-evidence  a kernel that is not --must-pass keeps its last result
                    in --out if its image, the guest, this script and the
                    arguments are unchanged (make check: the base's boot)
  -n, --dry-run     print the commands, run nothing
  -h, --help        this text

Environment: QEMU (default qemu-system-x86_64), CC (default gcc),
BOOT_CPU_LOCK (a file: each QEMU run holds flock on it).

Exit status: 0 every must-pass kernel passed, 1 a must-pass kernel failed
(one "boot: LABEL: REASON; log: PATH" line on stderr each), 2 usage or
setup error, 124 a must-pass kernel timed out.
EOF
}

die() {
	echo "$myname: $*" >&2
	exit 2
}

# ---- setup ----------------------------------------------------------------

need_tools() {
	command -v "$QEMU" >/dev/null ||
		die "$QEMU not found: apt-get install qemu-system-x86"
	command -v "$CC" >/dev/null || die "$CC not found: apt-get install gcc"
	command -v timeout >/dev/null || die "timeout not found: apt-get install coreutils"
	if [[ -n ${BOOT_CPU_LOCK:-} ]]; then
		command -v flock >/dev/null ||
			die "flock not found: apt-get install util-linux"
	fi
}

build_guest() {
	local bin=$OUT/z3fold-stress

	run "$CC" -static -O2 -Wall -Wextra -o "$bin" "$ROOT/ci/z3fold-stress.c" ||
		die "cannot build $ROOT/ci/z3fold-stress.c (static libc: apt-get install libc6-dev)"
	run "$ROOT/scripts/initramfs.sh" "$ROOT/ci/initramfs.list" \
		"$OUT/initramfs.cpio" "INIT=$bin" ||
		die "cannot write $OUT/initramfs.cpio"
}

run() {
	if ((DRY_RUN)); then
		printf '%q ' "$@"
		echo
		return 0
	fi
	"$@"
}

# ---- one boot ---------------------------------------------------------------

qemu_cmd() {
	local bzimage=$1 swap=$2 append

	append="${KERNEL_ARGS[*]}${EXTRA_APPEND:+ $EXTRA_APPEND} -- seed=$SEED"
	if ((${#INIT_ARGS[@]})); then
		append+=" ${INIT_ARGS[*]}"
	fi
	QEMU_CMD=("$QEMU" -accel tcg -m "$MEM" -smp "$SMP" -nographic
		-no-reboot -nic none -kernel "$bzimage"
		-initrd "$OUT/initramfs.cpio"
		-drive "file=${swap//,/,,},if=virtio,format=raw,cache=unsafe"
		-append "$append")
}

# boot LABEL BZIMAGE: run the guest; sets RC (timeout's exit code) and SECS.
boot() {
	local label=$1 bzimage=$2 dir=$OUT/$1 start end
	local -a lock=()

	mkdir -p -- "$dir"
	rm -f -- "$dir/swap.img"
	truncate -s "$((MEM * 2))M" -- "$dir/swap.img"
	qemu_cmd "$bzimage" "$dir/swap.img"
	[[ -n ${BOOT_CPU_LOCK:-} ]] && lock=(flock "$BOOT_CPU_LOCK")
	printf '%q ' "${QEMU_CMD[@]}" >"$dir/cmdline"
	echo >>"$dir/cmdline"
	start=$(date +%s%N)
	RC=0
	"${lock[@]}" timeout --kill-after=10 "$TIMEOUT" "${QEMU_CMD[@]}" \
		</dev/null >"$dir/console.log" 2>"$dir/qemu.stderr" || RC=$?
	end=$(date +%s%N)
	SECS=$(((end - start) / 100000000))
	SECS="$((SECS / 10)).$((SECS % 10))"
	rm -f -- "$dir/swap.img"
}

# boot_key BZIMAGE: what a boot's result depends on; the same key gives
# the same kernel, guest program and command line.
boot_key() {
	local arg

	{
		sha256sum <"$1"
		sha256sum <"$OUT/initramfs.cpio"
		sha256sum <"${BASH_SOURCE[0]}"
		"$QEMU" --version | head -n 1
		qemu_cmd "$1" swap.img
		for arg in "${QEMU_CMD[@]:1}"; do
			arg=${arg//"$1"/BZIMAGE}
			printf '%s\n' "${arg//"$OUT"/OUT}"
		done
		echo "timeout=$TIMEOUT"
	} | sha256sum | cut -d' ' -f1
}

# ---- log parsing ----------------------------------------------------------

# Strip timestamps and CRs: the gates match what the kernel printed.
clean_log() {
	sed -e 's/\r$//' -e 's/^\[ *[0-9]*\.[0-9]*\] //' -- "$1"
}

# parse LOG: the log as KEY=VALUE lines (see scripts/awk/boot-log.awk).
parse_log() {
	local re

	re=$(IFS='|'; echo "${GATE_PATTERNS[*]}")
	awk -v re="$re" -f "$ROOT/scripts/awk/boot-log.awk" -- "$1"
}

# splats LOG: every gate match with the lines after it, at most 3 splats.
splats() {
	local re

	re=$(IFS='|'; echo "${GATE_PATTERNS[*]}")
	clean_log "$1" | awk -v re="$re" '
	n >= 3 && !left { exit }
	left { print; left--; if ($0 ~ /end trace/) left = 0; next }
	$0 ~ re { n++; print "--- splat " n " ---"; print; left = 25 }
	'
}

get() {
	local key=$1

	awk -F= -v k="$key" '$1 == k { sub(/^[^=]*=/, ""); print; exit }' \
		<<<"$PARSED"
}

# ---- gates ----------------------------------------------------------------

# first_report: the first line of the log the log gate matches, unless it
# is the panic itself: what the one-line reason of a hang or panic names.
first_report() {
	local line
	line=$(splats "$DIR/console.log" | sed -n 2p)
	[[ $line == *"Kernel panic"* ]] || printf '%s\n' "$line"
}

# gate_reason GATE: empty when the gate holds, else why not.
gate_reason() {
	local gate=$1 v

	case $gate in
	boot)
		if ((RC == 124 || RC == 137)); then
			v=$(first_report)
			echo "timeout: guest still running after $TIMEOUT s, killed (hung?)${v:+; first report: $v}"
		elif [[ -n $(get panic) ]]; then
			v=$(first_report)
			echo "kernel panic: $(get panic | sed 's/^Kernel panic - not syncing: //')${v:+; first report: $v}"
		elif ((RC)); then
			echo "qemu exited with $RC: $(head -n 1 -- "$DIR/qemu.stderr")"
		elif [[ -z $(get result) ]]; then
			echo "guest ended without a result line"
		elif [[ -n $(get fail.setup) ]]; then
			echo "guest setup failed: $(get fail.setup)"
		fi
		;;
	kunit)
		v=$(kunit_result)
		if [[ -z $v ]]; then
			echo "no z3fold KUnit result in the log (overlay patch not applied?)"
		elif [[ $v != ok ]]; then
			echo "z3fold KUnit failed: $(get kunit_failed)${KUNIT_EXPECT:+: $KUNIT_EXPECT}"
		fi
		;;
	data|paths|balance)
		v=$(get "fail.$gate")
		if [[ -n $v ]]; then
			echo "${v#"$gate: "}"
		elif [[ $gate == data && -z $(get step.swapoff) ]]; then
			echo "not reached: the stress did not complete"
		elif [[ $gate != data && -z $(get step.balance) ]]; then
			echo "not reached: the guest stopped before its balance step"
		fi
		;;
	log)
		splats "$DIR/console.log" | sed -n 2p
		;;
	esac
}

# kunit_result: ok when every suite passed, fail when one failed, empty
# when one did not report.
kunit_result() {
	local suite v result=ok

	for suite in "${SUITES[@]}"; do
		v=$(get "suite.$suite")
		[[ -n $v ]] || return 0
		[[ $v == ok ]] || result=fail
	done
	echo "$result"
}

tap() {
	local ok=$1 desc=$2 evidence=$3

	T=$((T + 1))
	if ((ok)); then
		echo "ok $T - $desc"
	elif ((evidence)); then
		echo "not ok $T - $desc # TODO evidence only, not a --must-pass kernel"
	else
		echo "not ok $T - $desc"
	fi
}

# check LABEL: TAP lines for each gate and the kernel; sets FIRST_REASON.
check() {
	local label=$1 gate reason evidence=1 all=1

	is_must_pass "$label" && evidence=0
	FIRST_REASON=
	for gate in "${GATES[@]}"; do
		reason=$(gate_reason "$gate")
		if [[ -n $reason ]]; then
			all=0
			FIRST_REASON=${FIRST_REASON:-$gate: $reason}
			tap 0 "$label: $gate: $reason" "$evidence"
		else
			tap 1 "$label: $gate" "$evidence"
		fi
		if [[ $gate == log && -n $reason ]]; then
			splats "$DIR/console.log" >"$DIR/splats.txt"
			grep -Ev "$REGS" -- "$DIR/splats.txt" | head -n 60 |
				sed 's/^/# /'
			echo "# (full splats: $DIR/splats.txt)"
		fi
	done
	tap "$all" "$label" "$evidence"
	return $((!all))
}

is_must_pass() {
	local l

	((!EVIDENCE_ONLY)) || return 1
	((${#MUST_PASS[@]})) || return 0
	for l in "${MUST_PASS[@]}"; do
		[[ $l == "$1" ]] && return 0
	done
	return 1
}

# ---- report ---------------------------------------------------------------

table() {
	local -a rows=(result time_s kunit)
	local label row name line width=22 v

	# reproducer cases, then counters, as any kernel reported them
	mapfile -t -O 3 rows < <(for label in "${LABELS[@]}"; do
		grep -o '^repro\.[a-z0-9_]*' -- "$OUT/$label/parsed" || true
	done | awk '!seen[$0]++'
	for label in "${LABELS[@]}"; do
		grep -o '^counter\.[a-z0-9_]*' -- "$OUT/$label/parsed" || true
	done | awk '!seen[$0]++')
	for row in "${rows[@]}"; do
		name=$(row_name "$row")
		((${#name} <= width)) || width=${#name}
	done
	printf -v line '# %-*s' "$width" counter
	for label in "${LABELS[@]}"; do
		printf -v line '%s %14s' "$line" "$label"
	done
	echo "$line"
	for row in "${rows[@]}"; do
		printf -v line '# %-*s' "$width" "$(row_name "$row")"
		for label in "${LABELS[@]}"; do
			PARSED=$(cat -- "$OUT/$label/parsed")
			case $row in
			kunit) v=$(kunit_result) ;;
			*) v=$(get "$row") ;;
			esac
			printf -v line '%s %14s' "$line" "${v:--}"
		done
		echo "$line"
	done
}

# row_name KEY: how the table names a parsed key.
row_name() {
	case $1 in
	repro.*) echo "repro: ${1#repro.z3fold_repro_}" ;;
	counter.*) echo "${1#counter.}" ;;
	*) echo "$1" ;;
	esac
}

# ---- main -------------------------------------------------------------------

parse_args() {
	local label arg

	LABELS=() IMAGES=() MUST_PASS=() INIT_ARGS=() EXTRA_APPEND='' DRY_RUN=0
	REUSE=0 EVIDENCE_ONLY=0 KUNIT_ONLY=0 NO_KUNIT=0
	while (($#)); do
		case $1 in
		-h|--help) usage; exit 0 ;;
		-n|--dry-run) DRY_RUN=1; shift; continue ;;
		--reuse-evidence) REUSE=1; shift; continue ;;
		--evidence) EVIDENCE_ONLY=1; shift; continue ;;
		--kunit-only) KUNIT_ONLY=1; shift; continue ;;
		--no-kunit) NO_KUNIT=1; shift; continue ;;
		--seed|--timeout|--mem|--out|--must-pass|--init-arg|--append)
			(($# >= 2)) || die "$1 needs a value (see --help)"
			;;
		esac
		case $1 in
		--seed) SEED=$2 ;;
		--timeout) TIMEOUT=$2 ;;
		--mem) MEM=$2 ;;
		--out) OUT=$2 ;;
		--must-pass) MUST_PASS+=("$2") ;;
		--init-arg) INIT_ARGS+=("$2") ;;
		--append) EXTRA_APPEND+="${EXTRA_APPEND:+ }$2" ;;
		-*) die "unknown option $1 (see --help)" ;;
		*=*)
			label=${1%%=*}
			[[ $label =~ ^[A-Za-z0-9_.-]+$ ]] || die "bad label '$label'"
			for arg in "${LABELS[@]}"; do
				[[ $arg != "$label" ]] || die "label $label given twice"
			done
			LABELS+=("$label")
			IMAGES+=("${1#*=}")
			shift
			continue
			;;
		*) die "bad argument '$1' (want LABEL=BZIMAGE, see --help)" ;;
		esac
		shift 2
	done
	((${#LABELS[@]})) || die "no LABEL=BZIMAGE given (see --help)"
	if ((EVIDENCE_ONLY && ${#MUST_PASS[@]})); then
		die "--evidence and --must-pass exclude each other"
	fi
	if ((KUNIT_ONLY && NO_KUNIT)); then
		die "--kunit-only and --no-kunit exclude each other"
	fi
	if ((KUNIT_ONLY)); then
		GATES=(boot kunit log)
		INIT_ARGS+=(stress=0)
	fi
	if ((NO_KUNIT)); then
		local kept=() gate
		for gate in "${GATES[@]}"; do
			[[ $gate == kunit ]] || kept+=("$gate")
		done
		GATES=("${kept[@]}")
		EXTRA_APPEND+="${EXTRA_APPEND:+ }kunit.enable=0"
	fi
	[[ $SEED =~ ^[0-9]+$ ]] || die "--seed wants a number"
	[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "--timeout wants seconds"
	[[ $MEM =~ ^[1-9][0-9]*$ ]] || die "--mem wants megabytes"
	for arg in "${MUST_PASS[@]}"; do
		[[ " ${LABELS[*]} " == *" $arg "* ]] ||
			die "--must-pass $arg: no such label"
	done
	for arg in "${INIT_ARGS[@]}"; do
		[[ $arg =~ ^[a-z_]+=[^[:space:]]+$ ]] ||
			die "--init-arg $arg: want NAME=VALUE"
	done
}

main() {
	local i label key status=0 timed_out=0

	parse_args "$@"
	need_tools
	for i in "${!LABELS[@]}"; do
		[[ -r ${IMAGES[i]} ]] ||
			die "${LABELS[i]}: cannot read kernel image ${IMAGES[i]}"
	done
	OUT=$(mkdir -p -- "$OUT" && cd -- "$OUT" && pwd) ||
		die "cannot create $OUT"
	build_guest >&2
	if ((DRY_RUN)); then
		for i in "${!LABELS[@]}"; do
			qemu_cmd "${IMAGES[i]}" "$OUT/${LABELS[i]}/swap.img"
			run timeout --kill-after=10 "$TIMEOUT" "${QEMU_CMD[@]}"
		done
		exit 0
	fi

	echo "TAP version 13"
	echo "1..$((${#LABELS[@]} * (${#GATES[@]} + 1)))"
	T=0
	for i in "${!LABELS[@]}"; do
		label=${LABELS[i]}
		DIR=$OUT/$label
		key=$(boot_key "${IMAGES[i]}")
		if ((REUSE)) && ! is_must_pass "$label" &&
			[[ -f $DIR/parsed && $(cat -- "$DIR/key" 2>/dev/null) == "$key" ]]; then
			echo "# $label: reusing the boot of $(date -r "$DIR/parsed" '+%F %T') (same image, guest and arguments)"
			PARSED=$(cat -- "$DIR/parsed")
			RC=$(cat -- "$DIR/rc")
		else
			rm -f -- "$DIR/key"
			echo "# $label: booting ${IMAGES[i]} (seed $SEED, ${MEM} MiB, timeout ${TIMEOUT} s)"
			boot "$label" "${IMAGES[i]}"
			PARSED=$(parse_log "$DIR/console.log")
			PARSED+=$'\n'"time_s=$SECS"
			printf '%s\n' "$PARSED" >"$DIR/parsed"
			echo "$RC" >"$DIR/rc"
			echo "$key" >"$DIR/key"
		fi
		SECS=$(get time_s)
		KUNIT_EXPECT=$(get kunit_expect)
		echo "# $label: $SECS s, log $DIR/console.log"
		check "$label" && continue
		is_must_pass "$label" || continue
		echo "boot: $label: $FIRST_REASON; log: $DIR/console.log" >&2
		if ((RC == 124 || RC == 137)); then
			timed_out=1
		fi
		status=1
	done
	table
	((timed_out)) && exit 124
	exit "$status"
}

main "$@"
