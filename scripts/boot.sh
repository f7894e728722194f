#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/boot.sh [OPTIONS] LABEL=BZIMAGE...
#
# Boot test: boot every kernel in turn under QEMU (TCG, -nographic
# -no-reboot, no network) with ci/z3fold-stress.c as /init and a fresh
# swap disk, then gate on what it proves, from the console log:
#   boot     the guest reported a result: no panic, no stall (console
#            silent for --stall s), no timeout; a hang names the stuck task
#            and its top z3fold/zswap frame (hung-task and soft-lockup
#            reports, or the sysrq dump asked of a guest before it is killed)
#   kunit    the in-kernel z3fold KUnit suites (z3fold, z3fold_repro) passed;
#            a suite that started and never finished names its last case
#   data     every page read back matched its checksum
#   paths    z3fold stores, writeback, frees and migration were exercised
#   balance  zswap and z3fold empty, no z3fold page left claimed, isolated
#            or queued for compaction, slab caches idle, kmemleak clean
#   log      no WARNING/BUG/KASAN/refcount_t/list corruption/lockdep/Oops/
#            lockup/kmemleak report
# Results go to stdout as TAP 13, then a side-by-side table of counters.
# The one-line reason of a failed kernel names the first report in its log
# (file:line and function, the top z3fold/zswap frame), whichever gate
# failed first. Each kernel's console log, parsed results and splats are
# kept in OUT/LABEL/.
#
# Options:
#   --seed N          pattern seed, the same for every kernel (default 1)
#   --timeout SEC     kill a guest still running after SEC s (default 240)
#   --stall SEC       kill a guest whose console printed nothing for SEC s
#                     (default 60; 0: never)
#   --mem MB          guest memory (default 256)
#   --out DIR         guest program, initramfs and logs (default
#                     $O/boot-manual: make check's boot stage writes
#                     $O/boot, which make results reads)
#   --must-pass LABEL a failure of LABEL fails the run (repeatable; default:
#                     every label); other labels are evidence only
#   --init-arg ARG    extra NAME=VALUE for /init, e.g. rounds=2 (repeatable)
#   --append TEXT     extra kernel command-line text, e.g.
#                     z3fold_test.races=1 to run the KUnit race that panics
#                     a kernel with the bug it reproduces. The test
#                     overlay's *.cmdline files (OVERLAY, default
#                     ci/overlay) come first: what a base tree needs, e.g.
#                     its zswap settings (# comments and blank lines
#                     dropped)
#   --no-kunit        do not run the KUnit suites (kunit.enable=0): the
#                     stress alone, as make bench-z3fold runs it; the kunit
#                     gate is reported as skipped
#   --kunit-only      the KUnit suites alone: the guest reports as soon as it
#                     starts (stress=0), gates boot, kunit and log
#   --evidence        no kernel fails the run: every label is evidence (the
#                     evidence stage reads each one's parsed results)
#   --reuse-evidence  a kernel that is not --must-pass keeps its last result
#                     in --out if its image, the guest, this script, its
#                     libraries, its log parser and the arguments are
#                     unchanged (make check: the base's boot)
#   -n, --dry-run     print the commands, run nothing
#   -h, --help        this text
#
# Environment: QEMU (default qemu-system-x86_64), CC (default gcc),
# BOOT_CPU_LOCK (a file: each QEMU run holds flock on it), O (see --out).
#
# Exit status: 0 every must-pass kernel passed, 1 a must-pass kernel failed
# (one "boot: LABEL: REASON; log: PATH" line on stderr each), 2 usage or
# setup error, 124 a must-pass kernel was killed (stall or timeout).
#
# Over 300 lines: a fifth is this help, the rest option parsing and the
# flow over the kernels. The QEMU runner is lib/boot-guest.sh, the gates
# lib/boot-gates.sh, the log parsers scripts/awk/boot-*.awk.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series boot-gates boot-guest

QEMU=${QEMU:-qemu-system-x86_64}
CC=${CC:-gcc}

# ---- setup ----------------------------------------------------------------

parse_args() {
	local label arg
	# STALL: the longest silences of real boots (debug and plain, base
	# and series, KUnit-only and stress) were 10.5 s, the stress's
	# heartbeat (KUnit cases: 4.3 s); 60 s leaves room for a host 3x
	# slower, and is longer than the guest's own hung-task (30 + 5 s)
	# and soft-lockup (20 s) detectors, which so report first.
	SEED=1 TIMEOUT=240 STALL=60 MEM=256 BOOT_OUT=$OUT/boot-manual
	LABELS=() IMAGES=() MUST_PASS=() INIT_ARGS=() EXTRA_APPEND='' DRY_RUN=0
	REUSE=0 EVIDENCE_ONLY=0 KUNIT_ONLY=0 NO_KUNIT=0
	while (($#)); do
		case $1 in
		-h|--help) usage_from_header; exit 0 ;;
		-n|--dry-run) DRY_RUN=1; shift; continue ;;
		--reuse-evidence) REUSE=1; shift; continue ;;
		--evidence) EVIDENCE_ONLY=1; shift; continue ;;
		--kunit-only) KUNIT_ONLY=1; shift; continue ;;
		--no-kunit) NO_KUNIT=1; shift; continue ;;
		--seed|--timeout|--stall|--mem|--out|--must-pass|--init-arg|--append)
			(($# >= 2)) || die "$EX_SETUP" "$1 needs a value (see --help)"
			;;
		esac
		case $1 in
		--seed) SEED=$2 ;;
		--timeout) TIMEOUT=$2 ;;
		--stall) STALL=$2 ;;
		--mem) MEM=$2 ;;
		--out) BOOT_OUT=$2 ;;
		--must-pass) MUST_PASS+=("$2") ;;
		--init-arg) INIT_ARGS+=("$2") ;;
		--append) EXTRA_APPEND+="${EXTRA_APPEND:+ }$2" ;;
		-*) die "$EX_SETUP" "unknown option $1 (see --help)" ;;
		*=*)
			label=${1%%=*}
			[[ $label =~ ^[A-Za-z0-9_.-]+$ ]] || die "$EX_SETUP" "bad label '$label'"
			[[ " ${LABELS[*]} " != *" $label "* ]] ||
				die "$EX_SETUP" "label $label given twice"
			LABELS+=("$label")
			IMAGES+=("${1#*=}")
			shift
			continue
			;;
		*) die "$EX_SETUP" "bad argument '$1' (want LABEL=BZIMAGE, see --help)" ;;
		esac
		shift 2
	done
	((${#LABELS[@]})) || die "$EX_SETUP" "no LABEL=BZIMAGE given (see --help)"
	if ((EVIDENCE_ONLY && ${#MUST_PASS[@]})); then
		die "$EX_SETUP" "--evidence and --must-pass exclude each other"
	fi
	if ((KUNIT_ONLY && NO_KUNIT)); then
		die "$EX_SETUP" "--kunit-only and --no-kunit exclude each other"
	fi
	GATES=(boot kunit data paths balance log)
	if ((KUNIT_ONLY)); then
		GATES=(boot kunit log)
		INIT_ARGS+=(stress=0)
	fi
	((!NO_KUNIT)) || EXTRA_APPEND+="${EXTRA_APPEND:+ }kunit.enable=0"
	arg=$(overlay_cmdline)
	EXTRA_APPEND="$arg${arg:+${EXTRA_APPEND:+ }}$EXTRA_APPEND"
	[[ $SEED =~ ^[0-9]+$ ]] || die "$EX_SETUP" "--seed wants a number"
	[[ $TIMEOUT =~ ^[1-9][0-9]*$ ]] || die "$EX_SETUP" "--timeout wants seconds"
	[[ $STALL =~ ^(0|[1-9][0-9]*)$ ]] || die "$EX_SETUP" "--stall wants seconds"
	[[ $MEM =~ ^[1-9][0-9]*$ ]] || die "$EX_SETUP" "--mem wants megabytes"
	for arg in "${MUST_PASS[@]}"; do
		[[ " ${LABELS[*]} " == *" $arg "* ]] ||
			die "$EX_SETUP" "--must-pass $arg: no such label"
	done
	for arg in "${INIT_ARGS[@]}"; do
		[[ $arg =~ ^[a-z_]+=[^[:space:]]+$ ]] ||
			die "$EX_SETUP" "--init-arg $arg: want NAME=VALUE"
	done
}

# overlay_cmdline: the words of the overlay's *.cmdline files, one line.
overlay_cmdline() {
	local f
	overlay_files cmdline | while IFS= read -r f; do
		sed -e 's/#.*//' -- "$f"
	done | xargs -r echo
}

build_guest() {
	local bin=$BOOT_OUT/z3fold-stress err why
	if ! err=$(run "$CC" -static -O2 -Wall -Wextra -o "$bin" "$REPO/ci/z3fold-stress.c" \
		"$REPO/ci/stress-util.c" 2>&1); then
		why=$(grep -m1 -E 'error|cannot find' <<<"$err" || echo "$CC failed")
		[[ $why != *"cannot find -lc"* ]] || why+=" (a static libc: apt-get install libc6-dev)"
		die "$EX_SETUP" "cannot build the guest $REPO/ci/z3fold-stress.c: $why"
	fi
	[[ -z $err ]] || printf '%s\n' "$err" >&2
	run "$REPO/scripts/initramfs.sh" "$REPO/ci/initramfs.list" \
		"$BOOT_OUT/initramfs.cpio" "INIT=$bin" ||
		die "$EX_SETUP" "cannot make $BOOT_OUT/initramfs.cpio (initramfs.sh said why, above)"
}

# run CMD...: run it, or with --dry-run print it.
run() {
	if ((DRY_RUN)); then printf '%q ' "$@"; echo; else "$@"; fi
}

# ---- one boot ---------------------------------------------------------------

# qemu_cmd BZIMAGE SWAP: QEMU_CMD, the command that boots BZIMAGE.
qemu_cmd() {
	local append
	append="$(guest_kernel_args)${EXTRA_APPEND:+ $EXTRA_APPEND} -- seed=$SEED"
	if ((${#INIT_ARGS[@]})); then
		append+=" ${INIT_ARGS[*]}"
	fi
	mapfile -t QEMU_CMD < <(guest_cmd "$QEMU" "$MEM" "$1" \
		"$BOOT_OUT/initramfs.cpio" "$2" "$append")
}

# boot_key BZIMAGE: what a boot's result depends on; the same key gives
# the same kernel, guest program, command line and parsing.
boot_key() {
	local arg
	{
		sha256sum <"$1"
		cat -- "$BOOT_OUT/initramfs.cpio" "${BASH_SOURCE[0]}" \
			"$REPO"/scripts/lib/boot-*.sh "$REPO"/scripts/awk/boot-{report,log}.awk |
			sha256sum
		"$QEMU" --version | head -n 1
		qemu_cmd "$1" swap.img
		for arg in "${QEMU_CMD[@]:1}"; do
			arg=${arg//"$1"/BZIMAGE}
			printf '%s\n' "${arg//"$BOOT_OUT"/OUT}"
		done
		echo "timeout=$TIMEOUT stall=$STALL"
	} | sha256sum | cut -d' ' -f1
}

# boot LABEL BZIMAGE: boot it; its console log and parsed results in
# BOOT_OUT/LABEL.
boot() {
	local dir=$BOOT_OUT/$1 lock
	mkdir -p -- "$dir"
	rm -f -- "$dir/swap.img" "$dir/key"
	truncate -s "$((MEM * 2))M" -- "$dir/swap.img"
	qemu_cmd "$2" "$dir/swap.img"
	printf '%q ' "${QEMU_CMD[@]}" >"$dir/cmdline"
	echo >>"$dir/cmdline"
	if [[ -n ${BOOT_CPU_LOCK:-} ]]; then
		exec {lock}>>"$BOOT_CPU_LOCK"
		flock "$lock"
	fi
	run_guest "$dir" "$STALL" "$TIMEOUT" "${QEMU_CMD[@]}" >"$dir/run"
	[[ -z ${lock:-} ]] || exec {lock}>&-
	rm -f -- "$dir/swap.img"
	{
		parse_log "$dir/console.log"
		cat -- "$dir/run"
		echo "timeout_s=$TIMEOUT"
		echo "qemu_error=$(head -n 1 -- "$dir/qemu.stderr")"
	} >"$dir/parsed"
	kv_get "$dir/parsed" rc >"$dir/rc"
}

# ---- verdict ----------------------------------------------------------------

is_must_pass() {
	((!EVIDENCE_ONLY)) || return 1
	((${#MUST_PASS[@]})) || return 0
	[[ " ${MUST_PASS[*]} " == *" $1 "* ]]
}

# check LABEL: a TAP line for each gate and the kernel; sets FIRST_REASON.
check() {
	local label=$1 dir=$BOOT_OUT/$1 gate reason todo='' all=1
	is_must_pass "$label" || todo=' # TODO evidence only, not a --must-pass kernel'
	FIRST_REASON=
	for gate in "${GATES[@]}"; do
		if [[ $gate == kunit ]] && ((NO_KUNIT)); then
			tap_skip "$label: kunit: not run (--no-kunit)"
			continue
		fi
		reason=$(gate_"$gate" "$dir/parsed" "$dir/console.log")
		if [[ -z $reason ]]; then
			tap_ok "$label: $gate"
			continue
		fi
		all=0
		[[ -n $FIRST_REASON ]] ||
			FIRST_REASON=$(with_report "$dir/parsed" "$gate: $reason")
		tap_not_ok "$label: $gate: $reason$todo"
		if [[ $gate == log ]]; then
			splats "$dir/console.log" >"$dir/splats.txt"
			splats_diag "$dir/splats.txt"
		fi
	done
	if ((all)); then tap_ok "$label"; else tap_not_ok "$label$todo"; fi
	return $((!all))
}

main() {
	local i label dir key v rc status=0 timed_out=0
	parse_args "$@"
	need_tool "$QEMU" qemu-system-x86
	need_tool "$CC" gcc
	need_tool mkfifo coreutils
	[[ -z ${BOOT_CPU_LOCK:-} ]] || need_tool flock util-linux
	for i in "${!LABELS[@]}"; do
		[[ -r ${IMAGES[i]} ]] ||
			die "$EX_SETUP" "${LABELS[i]}: cannot read kernel image ${IMAGES[i]}"
	done
	BOOT_OUT=$(mkdir -p -- "$BOOT_OUT" && cd -- "$BOOT_OUT" && pwd) ||
		die "$EX_SETUP" "cannot create $BOOT_OUT"
	build_guest >&2
	if ((DRY_RUN)); then
		for i in "${!LABELS[@]}"; do
			qemu_cmd "${IMAGES[i]}" "$BOOT_OUT/${LABELS[i]}/swap.img"
			run "${QEMU_CMD[@]}"
		done
		exit 0
	fi
	trap end_guest EXIT

	tap_plan "$((${#LABELS[@]} * (${#GATES[@]} + 1)))"
	for i in "${!LABELS[@]}"; do
		label=${LABELS[i]}
		dir=$BOOT_OUT/$label
		key=$(boot_key "${IMAGES[i]}")
		if ((REUSE)) && ! is_must_pass "$label" &&
			[[ -f $dir/parsed && $(cat -- "$dir/key" 2>/dev/null) == "$key" ]]; then
			echo "# $label: reusing the boot of $(date -r "$dir/parsed" '+%F %T') (same image, guest and arguments)"
		else
			echo "# $label: booting ${IMAGES[i]} (seed $SEED, ${MEM} MiB, timeout ${TIMEOUT} s, stall ${STALL} s)"
			boot "$label" "${IMAGES[i]}"
			echo "$key" >"$dir/key"
		fi
		v=$(kv_get "$dir/parsed" silence_max_s)
		echo "# $label: $(kv_get "$dir/parsed" time_s) s (console silent for ${v:-?} s at most), log $dir/console.log"
		check "$label" && continue
		is_must_pass "$label" || continue
		echo "boot: $label: $FIRST_REASON; log: $dir/console.log" >&2
		rc=$(kv_get "$dir/parsed" rc)
		[[ $rc != 124 && $rc != 137 ]] || timed_out=1
		status=$EX_FAIL
	done
	(cd -- "$BOOT_OUT" && awk -v labels="${LABELS[*]}" -v suites="$(kunit_suites)" \
		-f "$REPO/scripts/awk/boot-table.awk" -- "${LABELS[@]/%//parsed}")
	((!timed_out)) || exit "$EX_TIMEOUT"
	exit "$status"
}

main "$@"
