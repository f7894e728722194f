#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/evidence.sh [--help]
#
# Per-patch evidence: does each patch fix the bug its reproducer shows?
# series/evidence names, for every patch, the KUnit case(s) of the test
# overlay that show its bug, or "none:" and why it has none. Every prefix
# of the series (0 is the base) is booted once with the KUnit suites alone
# (scripts/boot.sh --kunit-only, FLAVOUR's kernels as the bisect stage
# built them), and each case's result is read from its console log.
#
# The gate, for patch K and each of its cases: the case fails by its own
# KUnit assertion (or the guest dies in it) on every prefix before K, and
# passes cleanly (no kernel-log report while it ran) on K and every
# prefix after. Besides, a case that passes on the base may not fail at a
# later prefix (one that fails on the base may flip until the last bug
# it trips over is fixed), and every case that is not skipped passes on
# the whole series. Before such a flip fails the stage, the base boots
# once more: a pass it does not repeat was a race, and the case counts
# as one that fails on the base.
#
# Prints TAP (one line per patch, one for the whole series) with the
# matrix of cases x prefixes as diagnostics; the matrix is also kept in
# $O/evidence/matrix.txt. A prefix whose kernel, guest program and boot
# arguments are unchanged keeps its last boot: after an edit of patch K,
# only prefixes K..N boot again.
#
# Environment: EVIDENCE_TIMEOUT (seconds a KUnit boot may take, default
# 300).
#
# Exit: 0 every patch proven, 1 a patch lacks its record or its proof
# (the first is named), 2 setup error (malformed record, a prefix that
# does not build, a boot that could not be run).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

EVIDENCE_DIR=$OUT/evidence

# read_evidence: fills RECORD (indexed by patch number 1..N) from
# series/evidence, or dies naming the line or the patch that is wrong.
read_evidence() {
	local file=$SERIES_DIR/evidence line name rest n=0 i k word
	local -A index=() seen=()
	[[ -f $file ]] ||
		die "$EX_FAIL" "series: $file not found: every patch needs a record of its reproducer (see README, 'Evidence')"
	for i in "${!PATCHES[@]}"; do
		index[${PATCHES[i]}]=$((i + 1))
	done
	RECORD=()
	while IFS= read -r line || [[ -n $line ]]; do
		n=$((n + 1))
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		read -r name rest <<<"$line"
		k=${index[$name]:-}
		[[ -n $k ]] ||
			die "$EX_SETUP" "$SERIES_LABEL/evidence: line $n: '$name' is not a patch of $SERIES_LABEL/series"
		[[ -z ${seen[$name]:-} ]] ||
			die "$EX_SETUP" "$SERIES_LABEL/evidence: line $n: '$name' has a record already (line ${seen[$name]})"
		seen[$name]=$n
		if [[ $rest == none:* ]]; then
			[[ -n ${rest#none:} && ${rest#none:} =~ [^[:space:]] ]] ||
				die "$EX_SETUP" "$SERIES_LABEL/evidence: line $n: 'none:' needs the reason the patch has no reproducer"
		else
			[[ -n $rest ]] ||
				die "$EX_SETUP" "$SERIES_LABEL/evidence: line $n: '$name' names no KUnit case (or 'none: why')"
			for word in $rest; do
				[[ $word =~ ^[a-z0-9_]+$ ]] ||
					die "$EX_SETUP" "$SERIES_LABEL/evidence: line $n: '$word' is not a KUnit case name"
			done
		fi
		RECORD[k]=$rest
	done <"$file"
	for k in $(seq 1 "${#PATCHES[@]}"); do
		[[ -n ${RECORD[k]:-} ]] ||
			die "$EX_FAIL" "$SERIES_LABEL/evidence: no record for ${PATCHES[k - 1]}: name the KUnit case(s) that show its bug, or 'none: why'"
	done
	return 0
}

# boot_prefixes: boot every prefix's kernel with the KUnit suites alone.
boot_prefixes() {
	local k args=() log=$EVIDENCE_DIR/boot.log rc=0
	for ((k = 0; k <= ${#PATCHES[@]}; k++)); do
		[[ $(cat "${RESULT[k]}/status") == pass ]] ||
			die "$EX_SETUP" "$(prefix_name "$k") does not build ($FLAVOUR); run 'make bisect'"
		args+=("p$k=${RESULT[k]}/bzImage")
	done
	"$REPO/scripts/boot.sh" --kunit-only --evidence --reuse-evidence \
		--timeout "${EVIDENCE_TIMEOUT:-300}" --out "$EVIDENCE_DIR" \
		"${args[@]}" >"$log" 2>&1 || rc=$?
	grep -a '^# p[0-9]*: \(reusing\|booting\|[0-9.]* s\)' "$log" || true
	((rc == 0)) || die "$EX_SETUP" "the KUnit boots could not run (boot.sh exit $rc); log: $log"
}

# results_tsv: "K<TAB>CASE<TAB>RESULT" for every case each prefix reported,
# and "K<TAB>@boot<TAB>done|died" for the boot itself.
results_tsv() {
	local k dir state
	for ((k = 0; k <= ${#PATCHES[@]}; k++)); do
		dir=$EVIDENCE_DIR/p$k
		state='done'
		if [[ $(cat "$dir/rc") != 0 ]] || ! grep -q '^result=' "$dir/parsed" ||
			grep -q '^panic=' "$dir/parsed"; then
			state=died
		fi
		printf '%s\t@boot\t%s\n' "$k" "$state"
		sed -n 's/^case\.\([^=]*\)=\(.*\)/\1\t\2/p' "$dir/parsed" |
			sed "s/^/$k\t/"
	done
}

# base_again CASE...: boot the base once more and print "0<TAB>CASE<TAB>
# RESULT" for each CASE it does not pass this time. A case no record
# names that passed on the base and fails later is a regression only if
# the base passes it again: a second result that is not a pass makes the
# first one luck, a race on the base, and the case's flips are listed,
# not failed (z3fold_test_alloc_free's handle slots on 6.12, leaked only
# when a compaction happens to run).
base_again() {
	local log=$EVIDENCE_DIR/boot-again.log dir=$EVIDENCE_DIR/p0-again c r
	"$REPO/scripts/boot.sh" --kunit-only --evidence \
		--timeout "${EVIDENCE_TIMEOUT:-300}" --out "$EVIDENCE_DIR" \
		"p0-again=${RESULT[0]}/bzImage" >"$log" 2>&1 ||
		die "$EX_SETUP" "the base's second KUnit boot could not run; log: $log"
	for c in "$@"; do
		# no result for the case: the guest died before or in it
		r=$(sed -n "s/^case\.$c=//p" "$dir/parsed")
		echo "# p0 again: $c ${r:-died}" >&2
		[[ $r == ok ]] || printf '0\t%s\t%s\n' "$c" "${r:-died}"
	done
}

# gate: the evidence gate (scripts/awk/evidence.awk) on records.tsv and
# results.tsv; flips.txt gets the cases whose flip needs a second look.
gate() {
	rm -f "$EVIDENCE_DIR/flips.txt" "$EVIDENCE_DIR/first-error"
	awk -F'\t' -v n="$1" -v matrix="$EVIDENCE_DIR/matrix.txt" \
		-v first="$EVIDENCE_DIR/first-error" \
		-v flips="$EVIDENCE_DIR/flips.txt" \
		-f "$REPO/scripts/awk/evidence.awk" \
		"$EVIDENCE_DIR/records.tsv" "$EVIDENCE_DIR/results.tsv"
}

# records_tsv: "K<TAB>PATCH<TAB>RECORD" for patches 1..N.
records_tsv() {
	local k
	for ((k = 1; k <= ${#PATCHES[@]}; k++)); do
		printf '%s\t%s\t%s\n' "$k" "${PATCHES[k - 1]}" "${RECORD[k]}"
	done
}

main() {
	local n first flipped
	no_args "$@"
	check_flavour
	load_base
	read_series
	rm -f "$EVIDENCE_DIR/matrix.txt" "$EVIDENCE_DIR/first-error"
	read_evidence
	n=${#PATCHES[@]}
	mkdir -p "$EVIDENCE_DIR"
	build_results $(seq 0 "$n")
	boot_prefixes
	records_tsv >"$EVIDENCE_DIR/records.tsv"
	results_tsv >"$EVIDENCE_DIR/results.tsv"
	gate "$n" >"$EVIDENCE_DIR/gate.tap"
	if [[ -s $EVIDENCE_DIR/flips.txt ]]; then
		mapfile -t flipped <"$EVIDENCE_DIR/flips.txt"
		base_again "${flipped[@]}" >>"$EVIDENCE_DIR/results.tsv"
		gate "$n" >"$EVIDENCE_DIR/gate.tap"
	fi
	cat "$EVIDENCE_DIR/gate.tap"
	if [[ -s $EVIDENCE_DIR/first-error ]]; then
		first=$(cat "$EVIDENCE_DIR/first-error")
		die "$EX_FAIL" "$first; matrix: $EVIDENCE_DIR/matrix.txt"
	fi
}

main "$@"
