# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The boot test's guest (scripts/boot.sh): its QEMU command line, and one
# run of it, watched: killed when its console goes silent or it runs too
# long, its tasks' stacks asked for first. Needs lib/common.sh and
# lib/boot-gates.sh (clean_log). Sourcing only defines functions. While a
# guest runs, GUEST_PID is its QEMU (end_guest, the runner's EXIT trap,
# kills it), GUEST_IN the fd of its console input, GUEST_ALIVE one that
# closes when it exits and GUEST_CONSOLE its console log.

# guest_cmd QEMU MEM BZIMAGE INITRD SWAP APPEND: the QEMU command, one
# word a line: TCG, 2 CPUs, no network, the console on stdio.
guest_cmd() {
	printf '%s\n' "$1" -accel tcg -m "$2" -smp 2 -nographic -no-reboot \
		-nic none -kernel "$3" -initrd "$4" \
		-drive "file=${5//,/,,},if=virtio,format=raw,cache=unsafe" \
		-append "$6"
}

# guest_kernel_args: the kernel command line before the guest's own
# arguments.
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
guest_kernel_args() {
	local args=(
		console=ttyS0 panic=-1 oops=panic slub_nomerge printk.devkmsg=on
		acpi=noirq
		zswap.enabled=1 zswap.compressor=lzo zswap.zpool=zbud
		zswap.max_pool_percent=5 zswap.accept_threshold_percent=110
		kunit.filter_glob=z3fold*
		softlockup_panic=1 sysctl.kernel.hung_task_timeout_secs=30
		sysctl.kernel.hung_task_check_interval_secs=5
		sysctl.kernel.hung_task_panic=1 sysrq_always_enabled
	)
	echo "${args[*]}"
}

# run_guest DIR STALL TIMEOUT CMD...: run CMD, its console in
# DIR/console.log, its stderr in DIR/qemu.stderr, until it exits, its
# console has been silent for STALL s (0: never) or it ran TIMEOUT s; a
# guest killed for either is first asked for its stacks. Prints what it
# saw as KEY=VALUE lines: rc (124 when killed), time_s, silence_max_s (the
# longest silence), killed (stall, timeout or nothing), and for a stall
# stall_s and stall_last (the last line before the silence).
run_guest() {
	local dir=$1 stall=$2 timeout=$3 in=$1/console.in alive start rc=0
	local watched killed silent longest
	shift 3
	GUEST_CONSOLE=$dir/console.log
	rm -f -- "$in" "$dir/alive"
	# QEMU's stdin, for the sysrq requests; opened read-write, so that
	# neither end waits for the other and QEMU never reads an end of file
	mkfifo -- "$in" "$dir/alive"
	exec {GUEST_IN}<>"$in"
	# GUEST_ALIVE reads the end QEMU alone holds open (fd 9): it closes
	# when QEMU exits, however it ends, and wakes the watch at once (the
	# read-write open lets the read-only one through without a writer)
	# shellcheck disable=SC2094
	exec {alive}<>"$dir/alive" {GUEST_ALIVE}<"$dir/alive"
	tick
	start=$NOW
	"$@" <&"$GUEST_IN" >"$GUEST_CONSOLE" 2>"$dir/qemu.stderr" 9>"$dir/alive" &
	GUEST_PID=$!
	exec {alive}>&-
	watched=$(watch_guest "$stall" "$timeout")
	read -r killed silent longest <<<"$watched"
	if [[ $killed != - ]]; then
		echo "stall_last=$(last_line "$GUEST_CONSOLE")"
		dump_tasks
		kill_guest "$GUEST_PID"
	fi
	wait "$GUEST_PID" || rc=$?
	GUEST_PID=
	[[ $killed == - ]] || rc=124
	tick
	echo "rc=$rc"
	echo "time_s=$(((NOW - start) / 10)).$(((NOW - start) % 10))"
	echo "silence_max_s=$longest"
	echo "killed=${killed#-}"
	[[ $killed != stall ]] || echo "stall_s=$silent"
	exec {GUEST_IN}>&- {GUEST_ALIVE}<&-
	rm -f -- "$in" "$dir/alive"
}

# A guest outlives no boot.sh that started it (Ctrl-C reaches it anyway).
# shellcheck disable=SC2317  # the EXIT trap runs it
end_guest() {
	[[ -z ${GUEST_PID:-} ]] || kill -KILL "$GUEST_PID" 2>/dev/null || true
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
	stat -c %s -- "$GUEST_CONSOLE"
}

# watch_guest STALL TIMEOUT: wait while the guest runs; stop watching once
# its console has been silent for STALL s, or after TIMEOUT s. Prints
# "KILLED SILENT LONGEST": stall, timeout or - (the guest ended), the
# silence at the end and the longest one, in s.
watch_guest() {
	local stall=$1 timeout=$2 start quiet size last=-1 killed=- silent=0 longest=0
	tick
	start=$NOW quiet=$NOW
	while pause 1; do
		tick
		size=$(console_size)
		if ((size != last)); then
			last=$size quiet=$NOW
		fi
		silent=$(((NOW - quiet) / 10))
		((silent <= longest)) || longest=$silent
		if ((stall && silent >= stall)); then
			killed=stall
		elif ((NOW - start >= timeout * 10)); then
			killed=timeout
		fi
		[[ $killed == - ]] || break
	done
	echo "$killed $silent $longest"
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

# dump_tasks: ask the guest for the backtrace of every CPU (sysrq l), then
# every task's state and stack (t), and let it print them: what names a
# hang no detector of its own saw.
dump_tasks() {
	local key
	for key in l t; do
		# C-a b: a BREAK on the serial line (QEMU's -nographic console);
		# the key must follow it within 5 s, as a character of its own
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

# last_line LOG: its last line that is not blank, as a reason quotes it:
# cleaned (clean_log), no control characters, at most 160 characters.
last_line() {
	{ grep -av '^[[:space:]]*$' -- "$1" || true; } | tail -n 1 |
		clean_log /dev/stdin | sed 's/[^[:print:]]//g' | cut -c1-160
}
