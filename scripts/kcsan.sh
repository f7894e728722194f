#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/kcsan.sh [--help]
#
# The race flavour: build the base and the whole series with KCSAN
# (FLAVOUR=kcsan, kconfigs/kcsan.config; KCSAN excludes KASAN) and boot
# each with the KUnit suites alone, the races included
# (z3fold_test.races=1: they corrupt memory on a kernel with the bug, so
# the debug flavour's evidence boots skip them).
#
# On the series, a failed KUnit case and a KCSAN data race in a function
# of mm/z3fold.c are findings. On the base they are evidence, listed. A
# race KCSAN finds elsewhere in the kernel is listed, not failed: this
# series cannot fix it. A race the series keeps on purpose is excepted
# in series/kcsan.exceptions, one "FUNCTION / FUNCTION: reason" per line,
# as KCSAN's report names the pair (one FUNCTION if it names one). KCSAN
# watches every 50th memory access (kcsan.skip_watch=50, not its 4000):
# a KUnit boot is short. Measured: a boot takes 50-65 s instead of 5-15.
#
# Prints TAP. Exit: 0 the series runs clean, 1 findings (the first is
# named), 2 setup error (a build or a boot that could not run).
#
# Environment: KCSAN_TIMEOUT (seconds a boot may take, default 600).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings boot-gates

export FLAVOUR=kcsan
KCSAN_DIR=$OUT/kcsan

# z3fold_functions: the functions mm/z3fold.c defines, one a line: an
# identifier before "(" on a line that starts a definition (at column 0,
# not a prototype, not a preprocessor line).
z3fold_functions() {
	sed -n '/^[A-Za-z_][^;]*[ *]\([A-Za-z_][A-Za-z_0-9]*\)(.*[^;]$/s//\1/p' \
		"$TREE/mm/z3fold.c" | sort -u
}

# races LABEL: "functions<TAB>zone" for each distinct KCSAN report of that
# boot, zone "z3fold" when a function is one of mm/z3fold.c's. KCSAN names
# both sides of a race ("f / g"), or one with its offset when the other
# is unknown ("f+0x28/0x50"); offsets are dropped.
races() {
	sed -n 's/.*BUG: KCSAN: [a-z-]* in \(.*[^[:space:]]\)[[:space:]]*$/\1/p' \
		"$KCSAN_DIR/$1/console.log" |
		sed 's/+0x[0-9a-f]*\/0x[0-9a-f]*//g' | sort -u |
		awk -v funcs="$KCSAN_DIR/functions" '
			BEGIN { while ((getline f < funcs) > 0) z3[f] = 1 }
			{
				n = split($0, fn, / \/ /); zone = "kernel"
				for (i = 1; i <= n; i++)
					if (fn[i] in z3) zone = "z3fold"
				print $0 "\t" zone
			}'
}

# excepted PAIR: series/kcsan.exceptions names PAIR, with a reason.
excepted() {
	local file=$SERIES_DIR/kcsan.exceptions
	[[ -f $file ]] || return 1
	grep -qxF -- "$1" <(sed -n 's/^\([^#][^:]*\): *[^ ].*/\1/p' "$file")
}

# failed_cases LABEL: KUnit cases that failed in that boot. A case during
# which the kernel logged a report passes here: KCSAN's reports are judged
# by races(), the others by other_reports().
failed_cases() {
	sed -n 's/^case\.\([^=]*\)=\(fail\|died\)\(,splat\)\{0,1\}$/\1 (\2)/p' \
		"$KCSAN_DIR/$1/parsed"
}

# other_reports LABEL: kernel-log reports other than KCSAN's (what the
# boot test's log gate matches: warnings, BUGs, list corruption,
# refcount_t, lockdep, oopses, lockups, ...), first lines only.
other_reports() {
	clean_log "$KCSAN_DIR/$1/console.log" | grep -aE "$(report_re)" |
		grep -av 'BUG: KCSAN: ' || true
}

# died_how LABEL: why a boot gave no result, as its log parser saw it.
died_how() {
	sed -n 's/^panic=//p; s/^reason=//p' "$KCSAN_DIR/$1/parsed" | head -n1 |
		grep . || echo "no panic line: a hang or a timeout"
}

main() {
	local n rc=0 log=$KCSAN_DIR/boot.log pair zone found=() listed=() label
	no_args "$@"
	series_results
	n=$N
	mkdir -p "$KCSAN_DIR"
	for label in 0 "$n"; do
		[[ $(cat "${RESULT[label]}/status") == pass ]] ||
			die "$EX_SETUP" "$(prefix_name "$label") does not build with KCSAN: $(first_error "${RESULT[label]}"); log: ${RESULT[label]}/build.log"
	done
	"$REPO/scripts/boot.sh" --kunit-only --evidence --reuse-evidence \
		--append "z3fold_test.races=1 kcsan.skip_watch=50" --timeout "${KCSAN_TIMEOUT:-600}" \
		--out "$KCSAN_DIR" "base=${RESULT[0]}/bzImage" \
		"series=${RESULT[n]}/bzImage" >"$log" 2>&1 || rc=$?
	((rc == 0)) || die "$EX_SETUP" "the KCSAN boots could not run (boot.sh exit $rc); log: $log"
	"$REPO/scripts/apply.sh" --prefix "$n" --quiet
	z3fold_functions >"$KCSAN_DIR/functions"

	tap_plan 4
	mapfile -t listed < <(failed_cases series)
	if ! grep -q '^result=' "$KCSAN_DIR/series/parsed"; then
		tap_not_ok "series: the KUnit boot finished"
		die "$EX_FAIL" "series: the KCSAN kernel gave no result in its KUnit boot ($(died_how series)); log: $KCSAN_DIR/series/console.log"
	fi
	if [[ ${#listed[@]} -gt 0 ]]; then
		tap_not_ok "series: every KUnit case passes, races included"
		printf '%s\n' "${listed[@]}" | tap_diag
		die "$EX_FAIL" "series: KUnit case ${listed[0]} under KCSAN; log: $KCSAN_DIR/series/console.log"
	fi
	tap_ok "series: every KUnit case passes, races included"
	mapfile -t listed < <(other_reports series)
	if [[ ${#listed[@]} -gt 0 ]]; then
		tap_not_ok "series: no kernel-log report besides KCSAN's"
		printf '%s\n' "${listed[@]}" | tap_diag
		die "$EX_FAIL" "series: ${listed[0]}; log: $KCSAN_DIR/series/console.log"
	fi
	tap_ok "series: no kernel-log report besides KCSAN's"

	while IFS=$'\t' read -r pair zone; do
		if [[ $zone != z3fold ]]; then
			echo "# series: KCSAN elsewhere (listed): $pair"
		elif excepted "$pair"; then
			echo "# series: KCSAN in mm/z3fold.c, excepted: $pair"
		else
			found+=("$pair")
		fi
	done < <(races series)
	if [[ ${#found[@]} -gt 0 ]]; then
		tap_not_ok "series: no KCSAN data race in mm/z3fold.c"
		printf '%s\n' "${found[@]}" | tap_diag
		die "$EX_FAIL" "series: KCSAN data race in ${found[0]} (${#found[@]} in mm/z3fold.c); log: $KCSAN_DIR/series/console.log"
	fi
	tap_ok "series: no KCSAN data race in mm/z3fold.c"

	# The base: what the series is measured against.
	tap_ok "base: $(races base | grep -c $'\tz3fold$' || true) KCSAN race(s) in mm/z3fold.c, $(failed_cases base | wc -l) KUnit case(s) failed (evidence)"
	{
		races base | sed 's/^\(.*\)\t\(.*\)$/race (\2): \1/'
		failed_cases base | sed 's/^/case: /'
		grep -q '^result=' "$KCSAN_DIR/base/parsed" ||
			echo "no result: $(died_how base)"
	} | tap_diag
}

main "$@"
