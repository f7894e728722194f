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
# Console silence that ends a guest.  The longest silences of real boots
# (debug and plain, base and series, KUnit-only and stress) were 10.5 s:
# the stress's heartbeat period (10 s); KUnit cases up to 4.3 s.  60 s
# leaves room for a host that runs the guest 3x slower, and is longer than
# the guest's own hung-task (30 + 5 s) and soft-lockup (20 s) detectors, so
# those report first when they can.
STALL=60
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
# A hung guest says where it hangs and ends (the detectors of
# kconfigs/debug.config): a CPU that does not schedule for 20 s (2 *
# watchdog_thresh, the default) and, from /init on (sysctl.* is applied
# after the KUnit suites; before, the default of 120 s holds and only
# reports), a task blocked for 30 s (checked every 5 s) print their stacks
# and panic.  Nothing in a passing boot blocks for more than a second or
# two.  Without the detectors (plain) the parameters do nothing.
KERNEL_ARGS=(
	console=ttyS0 panic=-1 oops=panic slub_nomerge printk.devkmsg=on
	acpi=noirq
	zswap.enabled=1 zswap.compressor=lzo zswap.zpool=zbud
	zswap.max_pool_percent=5 zswap.accept_threshold_percent=110
	kunit.filter_glob=z3fold*
	softlockup_panic=1 sysctl.kernel.hung_task_timeout_secs=30
	sysctl.kernel.hung_task_check_interval_secs=5
	sysctl.kernel.hung_task_panic=1 sysrq_always_enabled
)
# What a guest killed for a stall or a timeout is asked for first, by
# serial BREAK (QEMU's -nographic console sends one for C-a b): the
# backtrace of every CPU, then every task's state and stack.
SYSRQ_KEYS=(l t)

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
  boot     the guest reported a result: no panic, no stall (console
           silent for --stall s), no timeout; a hang names the stuck task
           and its top z3fold/zswap frame (hung-task and soft-lockup
           reports, or the sysrq dump asked of a guest before it is killed)
  kunit    the in-kernel z3fold KUnit suites (z3fold, z3fold_repro) passed;
           a suite that started and never finished names its last case
  data     every page read back matched its checksum
  paths    z3fold stores, writeback, frees and migration were exercised
  balance  zswap and z3fold empty, no z3fold page left claimed, isolated
           or queued for compaction, slab caches idle, kmemleak clean
  log      no WARNING/BUG/KASAN/refcount_t/list corruption/lockdep/Oops/
           lockup/kmemleak report
Results go to stdout as TAP 13, then a side-by-side table of counters.
The one-line reason of a failed kernel names the first report in its log
(file:line and function, the top z3fold/zswap frame), whichever gate
failed first.

Options:
  --seed N          pattern seed, the same for every kernel (default $SEED)
  --timeout SEC     kill a guest still running after SEC s (default $TIMEOUT)
  --stall SEC       kill a guest whose console printed nothing for SEC s
                    (default $STALL; 0: never)
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
setup error, 124 a must-pass kernel was killed (stall or timeout).
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
	command -v mkfifo >/dev/null || die "mkfifo not found: apt-get install coreutils"
	if [[ -n ${BOOT_CPU_LOCK:-} ]]; then
		command -v flock >/dev/null ||
			die "flock not found: apt-get install util-linux"
	fi
}

build_guest() {
	local bin=$OUT/z3fold-stress

	run "$CC" -static -O2 -Wall -Wextra -o "$bin" "$ROOT/ci/z3fold-stress.c" \
		"$ROOT/ci/stress-util.c" ||
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

# tick: NOW, the time in tenths of a second.
tick() {
	local us=${EPOCHREALTIME//[!0-9]/}

	NOW=$((us / 100000))
}

# pause SEC: sleep, but return as soon as the guest is gone (its end of
# GUEST_ALIVE closes); fails then.
pause() {
	local rc=0

	read -r -t "$1" -u "$GUEST_ALIVE" _ || rc=$?
	((rc > 128))
}

# console_size: bytes the guest printed so far.
console_size() {
	stat -c %s -- "$CONSOLE"
}

# watch_guest: wait while the guest runs; stop watching once its console
# has been silent for STALL s, or after TIMEOUT s.  Sets KILLED (stall,
# timeout, or empty: the guest ended), SILENT (s) and LONGEST (the longest
# silence, s).
watch_guest() {
	local start quiet size last=-1

	tick
	start=$NOW quiet=$NOW
	KILLED='' SILENT=0 LONGEST=0
	while pause 1; do
		tick
		size=$(console_size)
		if ((size != last)); then
			last=$size quiet=$NOW
		fi
		SILENT=$(((NOW - quiet) / 10))
		((SILENT <= LONGEST)) || LONGEST=$SILENT
		if ((STALL && SILENT >= STALL)); then
			KILLED=stall
		elif ((NOW - start >= TIMEOUT * 10)); then
			KILLED=timeout
		fi
		[[ -z $KILLED ]] || return 0
	done
}

# settle QUIET MAX: wait until the console was silent for QUIET s, or for
# MAX s at most.
settle() {
	local quiet=$1 max=$2 size last=-1 still=0 i

	for ((i = 0; i < max * 2 && still < quiet * 2; i++)); do
		pause 0.5 || return 0
		size=$(console_size)
		if ((size == last)); then
			still=$((still + 1))
		else
			last=$size still=0
		fi
	done
}

# dump_tasks: ask the guest for its CPUs' and tasks' stacks (SYSRQ_KEYS)
# and let it print them: what names a hang no detector of its own saw.
dump_tasks() {
	local key

	for key in "${SYSRQ_KEYS[@]}"; do
		# C-a b: a BREAK on the serial line; the key must follow it
		# within 5 s, as a character of its own
		printf '\001b' >&"$GUEST_IN"
		pause 0.3 || return 0
		printf '%s' "$key" >&"$GUEST_IN"
		settle 2 30
	done
}

# kill_guest PID: TERM, then KILL after 10 s.
kill_guest() {
	kill -TERM "$1" 2>/dev/null || return 0
	pause 10 || return 0
	kill -KILL "$1" 2>/dev/null || true
}

# boot LABEL BZIMAGE: run the guest; sets RC (QEMU's exit code, 124 when
# it was killed), SECS, KILLED, SILENT, LONGEST and STALL_LAST (the last
# line before the silence that ended it).
boot() {
	local label=$1 bzimage=$2 dir=$OUT/$1 start lock pid alive
	local in=$OUT/$1/console.in

	CONSOLE=$dir/console.log
	mkdir -p -- "$dir"
	rm -f -- "$dir/swap.img" "$in" "$dir/alive"
	truncate -s "$((MEM * 2))M" -- "$dir/swap.img"
	qemu_cmd "$bzimage" "$dir/swap.img"
	printf '%q ' "${QEMU_CMD[@]}" >"$dir/cmdline"
	echo >>"$dir/cmdline"
	# QEMU's stdin, for the sysrq requests; opened read-write, so that
	# neither end waits for the other and QEMU never reads an end of file
	mkfifo -- "$in" "$dir/alive"
	exec {GUEST_IN}<>"$in"
	# GUEST_ALIVE reads the end QEMU alone holds open (fd 9): it closes
	# when QEMU exits, however it ends, and wakes the watch at once (the
	# read-write open lets the read-only one through without a writer)
	# shellcheck disable=SC2094
	exec {alive}<>"$dir/alive" {GUEST_ALIVE}<"$dir/alive"
	if [[ -n ${BOOT_CPU_LOCK:-} ]]; then
		exec {lock}>>"$BOOT_CPU_LOCK"
		flock "$lock"
	fi
	tick
	start=$NOW
	"${QEMU_CMD[@]}" <&"$GUEST_IN" >"$CONSOLE" \
		2>"$dir/qemu.stderr" 9>"$dir/alive" &
	pid=$!
	GUEST_PID=$pid
	exec {alive}>&-
	watch_guest
	STALL_LAST=
	if [[ -n $KILLED ]]; then
		STALL_LAST=$(last_line "$CONSOLE")
		dump_tasks
		kill_guest "$pid"
	fi
	RC=0
	wait "$pid" || RC=$?
	GUEST_PID=
	[[ -z $KILLED ]] || RC=124
	tick
	SECS="$(((NOW - start) / 10)).$(((NOW - start) % 10))"
	[[ -z ${lock:-} ]] || exec {lock}>&-
	exec {GUEST_IN}>&- {GUEST_ALIVE}<&-
	rm -f -- "$dir/swap.img" "$in" "$dir/alive"
}

# A guest outlives no boot.sh that started it (Ctrl-C reaches it anyway).
# shellcheck disable=SC2317  # the EXIT trap runs it
end_guest() {
	[[ -z ${GUEST_PID:-} ]] || kill -KILL "$GUEST_PID" 2>/dev/null || true
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
		echo "timeout=$TIMEOUT stall=$STALL"
	} | sha256sum | cut -d' ' -f1
}

# ---- log parsing ----------------------------------------------------------

# Strip timestamps and CRs: the gates match what the kernel printed.
clean_log() {
	sed -e 's/\r$//' -e 's/^\[ *[0-9]*\.[0-9]*\] //' -- "$1"
}

# last_line LOG: its last line that is not blank, cleaned.
last_line() {
	{ grep -av '^[[:space:]]*$' -- "$1" || true; } | tail -n 1 | clean_line
}

# clean_line: one console line, as a reason quotes it: no timestamp, no
# control characters, at most 160 characters.
clean_line() {
	sed -e 's/\r$//' -e 's/^\[ *[0-9]*\.[0-9]*\] //' -e 's/[^[:print:]]//g' |
		cut -c1-160
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

# gate_reason GATE: empty when the gate holds, else why not.
gate_reason() {
	local gate=$1 v p

	case $gate in
	boot)
		# where a task is stuck, from the log's task stacks
		v=$(get stack)
		p=$(get panic | sed 's/^Kernel panic - not syncing: //')
		if [[ $(get killed) == stall ]]; then
			p=$(get stall_last)
			echo "stall: no console output for $(get stall_s) s (last: ${p:-nothing printed})${v:+; $v}"
		elif [[ $(get killed) == timeout ]] || ((RC == 124 || RC == 137)); then
			echo "timeout: guest still running after $TIMEOUT s, killed${v:+; $v}"
		elif [[ $p == hung_task:* || $p == softlockup:* ]]; then
			# the guest's own detectors: the stuck task first
			echo "${v:+$v; }kernel panic: $p"
		elif [[ -n $p ]]; then
			# what led to it: the first report since the last progress
			v=$(get panic_report)
			echo "kernel panic: $p${v:+ ($v)}"
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
			kunit_missing
		elif [[ $v != ok ]]; then
			echo "z3fold KUnit failed: $(get kunit_failed)${KUNIT_EXPECT:+; $KUNIT_EXPECT}"
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
		# the first report, named; a lone panic line as it is
		v=$(splats "$DIR/console.log" | sed -n 2p)
		p=$(get report)
		[[ -z $v ]] || echo "${p:-$v}"
		;;
	esac
}

# kunit_missing: why a suite has no result: it started and never
# finished (named by its last case), KUnit ran without it, or KUnit
# printed nothing at all.
kunit_missing() {
	local suite last ended n

	for suite in "${SUITES[@]}"; do
		[[ -z $(get "suite.$suite") ]] || continue
		if [[ -z $(get "started.$suite") ]]; then
			if [[ -n $(get ktap) ]]; then
				echo "no z3fold KUnit result in the log: KUnit ran without suite $suite (overlay patch not applied?)"
			else
				echo "no z3fold KUnit result in the log: no KUnit output at all (KUnit not built or not enabled?)"
			fi
			return
		fi
		last=$(get "last_started.$suite")
		ended=$(get "last_done.$suite")
		n=$(get "done.$suite")
		if [[ -n $last && $last != "$ended" ]]; then
			echo "suite $suite started and never finished: case $last started, no result ($n case(s) done)"
		elif [[ -n $ended ]]; then
			echo "suite $suite started and never finished: nothing after case $ended ($n case(s) done)"
		else
			echo "suite $suite started and never finished: no case result"
		fi
		return
	done
}

# with_report REASON: the reason, and the log's first report unless the
# reason names it already: the cause, whichever gate failed first.
with_report() {
	local r

	r=$(get first_report)
	if [[ -z $r || $1 == *"$r"* || $1 == *"${r#KUnit }"* ]]; then
		echo "$1"
	else
		echo "$1; first report: $r"
	fi
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
			[[ -n $FIRST_REASON ]] ||
				FIRST_REASON=$(with_report "$gate: $reason")
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
		--seed|--timeout|--stall|--mem|--out|--must-pass|--init-arg|--append)
			(($# >= 2)) || die "$1 needs a value (see --help)"
			;;
		esac
		case $1 in
		--seed) SEED=$2 ;;
		--timeout) TIMEOUT=$2 ;;
		--stall) STALL=$2 ;;
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
	[[ $STALL =~ ^(0|[1-9][0-9]*)$ ]] || die "--stall wants seconds"
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
	local i label key v status=0 timed_out=0

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
			run "${QEMU_CMD[@]}"
		done
		exit 0
	fi
	trap end_guest EXIT

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
			echo "# $label: booting ${IMAGES[i]} (seed $SEED, ${MEM} MiB, timeout ${TIMEOUT} s, stall ${STALL} s)"
			boot "$label" "${IMAGES[i]}"
			PARSED=$(parse_log "$DIR/console.log")
			PARSED+=$'\n'"time_s=$SECS"$'\n'"silence_max_s=$LONGEST"
			PARSED+=$'\n'"killed=$KILLED"
			if [[ $KILLED == stall ]]; then
				PARSED+=$'\n'"stall_s=$SILENT"$'\n'"stall_last=$STALL_LAST"
			fi
			printf '%s\n' "$PARSED" >"$DIR/parsed"
			echo "$RC" >"$DIR/rc"
			echo "$key" >"$DIR/key"
		fi
		SECS=$(get time_s)
		KUNIT_EXPECT=$(get kunit_expect)
		v=$(get silence_max_s)
		echo "# $label: $SECS s (console silent for ${v:-?} s at most), log $DIR/console.log"
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
