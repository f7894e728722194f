# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# tests/boot/run.sh's real-kernel cases: a hang, a panic and a kernel with
# z3fold pages never freed booted by scripts/boot.sh, each skipped without
# its kernel. Sourcing only defines functions; they use run.sh's WORK,
# KERNEL, BROKEN, BUILD_BROKEN, expect, tap_ok and not_ok.

# build_broken: the kernel of the 6.1.y series with the break patch on
# top, built by the pipeline itself (scripts/build-prefix.sh) in its own
# output dir; the objects it shares with make check's builds come from
# ccache. On the series, not on the base: the base's own bugs, which its
# KUnit reproducers hit, corrupt memory, and a broken base kernel failed
# differently from boot to boot.
build_broken() {
	local series=$WORK/broken-series dir p
	SERIES_DIR=$REPO/series/6.1.y read_series
	rm -rf -- "$series"
	mkdir -p -- "$series"
	cp -- "$HERE/break-z3fold-release.patch" "$REPO/series/6.1.y/BASE" "$series/"
	for p in "${PATCHES[@]}"; do
		cp -- "$REPO/series/6.1.y/$p" "$series/"
	done
	printf '%s\n' "${PATCHES[@]}" break-z3fold-release.patch >"$series/series"
	echo "# building the broken kernel (log $WORK/build.log)"
	dir=$(export SERIES=$series O=$WORK/pipeline FLAVOUR KSRC
		{ "$REPO/scripts/base.sh" &&
			"$REPO/scripts/build-prefix.sh" "$((${#PATCHES[@]} + 1))"; } \
			2>"$WORK/build.log") || return 1
	dir=${dir##*$'\n'}
	[[ $(cat -- "$dir/status") == pass ]] || return 1
	BROKEN=$dir/bzImage
}

real_cases() {
	if [[ -z $KERNEL ]]; then
		tap_skip "real hang: no --kernel"
		tap_skip "real panic: no --kernel"
	else
		expect real-hang 124 \
			'stall: no console output for [0-9]+ s \(last: z3fold-stress: fault=hang: sleeping forever\)' \
			--stall 20 --init-arg fault=hang k="$KERNEL"
		if grep -q '^sysrq: Show State' <(clean_log "$WORK/real-hang/k/console.log") &&
			grep -q '^stacks=[1-9]' "$WORK/real-hang/k/parsed"; then
			tap_ok "real-hang: sysrq dumped the tasks before the kill"
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
		tap_skip "broken kernel: no --broken-kernel or --build-broken"
		return
	fi
	# the pages may also be left claimed: that check comes first
	expect broken-leak 1 \
		'balance: (zswap pool_total_size=[0-9]+ after swapoff: [0-9]+ z3fold pages never released|[0-9]+ z3fold page\(s\) left claimed after swapoff)' \
		--must-pass broken broken="$BROKEN"
	if grep -q 'z3fold pool still holds' "$WORK/broken-leak/stdout"; then
		tap_ok "broken-leak: KUnit names the leak too"
	else
		not_ok "broken-leak: KUnit did not name the leak" \
			"output: $WORK/broken-leak"
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
