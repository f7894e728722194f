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
# the whole series. Before such a flip fails the stage, the base and the
# prefix it failed at boot once more: a pass the base does not repeat, or
# a failure the prefix does not, was a race, and the flip is listed, not
# failed.
#
# A guest that dies in a case (a bug a later patch fixes, hit by timing)
# leaves the cases after it without a result. Each reproducer a record
# names that such a boot left without one boots once more alone
# (kunit.filter_glob), on the same kernel, and that result counts; the
# case the guest died in, when the log names it, counts as died.
#
# Prints TAP (one line per patch, one for the whole series) with the
# matrix of cases x prefixes as diagnostics; the matrix is also kept in
# $O/evidence/matrix.txt. A prefix whose kernel, guest program and boot
# arguments are unchanged keeps its last boot: after an edit of patch K,
# only prefixes K..N boot again.
#
# Environment: EVIDENCE_TIMEOUT (seconds a KUnit boot may take, default
# 300), EVIDENCE_ALONE_MAX (boots of a reproducer alone a run may make,
# default 20).
#
# Exit: 0 every patch proven, 1 a patch lacks its record or its proof
# (the first is named), 2 setup error (malformed record, a prefix that
# does not build, a boot that could not be run).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series boot-gates

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
# "K<TAB>@boot<TAB>done|died" for the boot itself and, for a boot that
# died in a case, "K<TAB>@died<TAB>CASE".
results_tsv() {
	local k dir case
	for ((k = 0; k <= ${#PATCHES[@]}; k++)); do
		dir=$EVIDENCE_DIR/p$k
		if boot_died "$dir"; then
			printf '%s\t@boot\tdied\n' "$k"
			case=$(died_in "$dir/parsed")
			[[ -z $case ]] || printf '%s\t@died\t%s\n' "$k" "$case"
		else
			printf '%s\t@boot\tdone\n' "$k"
		fi
		sed -n 's/^case\.\([^=]*\)=\(.*\)/\1\t\2/p' "$dir/parsed" |
			sed "s/^/$k\t/"
	done
}

# boot_died DIR: the boot in DIR did not reach the guest's verdict.
boot_died() {
	[[ $(cat "$1/rc") != 0 ]] || ! grep -q '^result=' "$1/parsed" ||
		grep -q '^panic=' "$1/parsed"
}

# died_in PARSED: the case a suite without a result started and never
# ended, if any.
died_in() {
	local suite last
	for suite in $(kunit_suites); do
		[[ -z $(kv_get "$1" "suite.$suite") ]] || continue
		last=$(kunit_died_in "$1" "$suite")
		if [[ -n $last ]]; then
			echo "$last"
			return
		fi
	done
}

# boot_again LABEL K [APPEND]: boot prefix K's kernel once more as LABEL
# (APPEND: extra kernel command line); its results are in
# $EVIDENCE_DIR/LABEL. A retry that is already there with the same image
# and arguments is reused, as the first boots are.
boot_again() {
	local label=$1 k=$2 log=$EVIDENCE_DIR/$1.log args=()
	[[ -z ${3:-} ]] || args=(--append "$3")
	"$REPO/scripts/boot.sh" --kunit-only --evidence --reuse-evidence \
		--timeout "${EVIDENCE_TIMEOUT:-300}" --out "$EVIDENCE_DIR" \
		"${args[@]}" "$label=${RESULT[k]}/bzImage" >"$log" 2>&1 ||
		die "$EX_SETUP" "$(prefix_name "$k"): its boot again ($label) could not run; log: $log"
	grep -a '^# [^ ]*: \(reusing\|booting\)' "$log" >&2 || true
}

# case_result DIR CASE: CASE's result in the boot in DIR: "died" when
# the guest died in it, "-" when the boot never ran it (it died before,
# or was killed).
case_result() {
	local r
	r=$(kv_get "$1/parsed" "case.$2")
	if [[ -z $r ]]; then
		r=-
		[[ $(died_in "$1/parsed") != "$2" ]] || r=died
	fi
	echo "$r"
}

# alone_rows: "K<TAB>CASE<TAB>RESULT<TAB>alone" for each reproducer a
# record names that a boot which died in another case left without a
# result, from a boot of prefix K with that case alone (label pK.CASE).
# At most EVIDENCE_ALONE_MAX (default 20) such boots a run: past that,
# the cells stay empty and the gate says they have no result.
alone_rows() {
	local k dir c dead left=${EVIDENCE_ALONE_MAX:-20} named=() words
	local -A seen=()
	# the records' cases in patch order (RECORD is indexed 1..N)
	for k in "${!RECORD[@]}"; do
		[[ ${RECORD[k]} != none:* ]] || continue
		read -ra words <<<"${RECORD[k]}"
		for c in "${words[@]}"; do
			[[ -n ${seen[$c]:-} ]] || named+=("$c")
			seen[$c]=1
		done
	done
	for ((k = 0; k <= ${#PATCHES[@]}; k++)); do
		dir=$EVIDENCE_DIR/p$k
		boot_died "$dir" || continue
		dead=$(died_in "$dir/parsed")
		for c in "${named[@]}"; do
			[[ $c != "$dead" && -z $(kv_get "$dir/parsed" "case.$c") ]] || continue
			if ((left-- <= 0)); then
				echo "# $(prefix_name "$k"): $c not booted alone: EVIDENCE_ALONE_MAX reached" >&2
				continue
			fi
			boot_again "p$k.$c" "$k" "kunit.filter_glob=z3fold*.$c"
			printf '%s\t%s\t%s\talone\n' "$k" "$c" "$(case_result "$EVIDENCE_DIR/p$k.$c" "$c")"
		done
	done
}

# again_rows: for each flip the gate listed ("CASE<TAB>K" in flips.txt):
# "K<TAB>CASE<TAB>RESULT<TAB>again" from one more boot of the base and of
# prefix K. A case no record names that passed on the base and fails
# later is a regression only if both results repeat: a second result on
# the base that is not a pass makes the first one luck (a race on the
# base: z3fold_test_alloc_free's handle slots on 6.12, leaked only when a
# compaction happens to run), a pass at K makes its failure there one.
again_rows() {
	local c k r
	local -A prefixes=([0]=1) cases=()
	while IFS=$'\t' read -r c k; do
		prefixes[$k]=1 cases[$c]=1
	done <"$EVIDENCE_DIR/flips.txt"
	for k in "${!prefixes[@]}"; do
		boot_again "p$k-again" "$k"
		for c in "${!cases[@]}"; do
			r=$(case_result "$EVIDENCE_DIR/p$k-again" "$c")
			echo "# $(prefix_name "$k") again: $c $r" >&2
			printf '%s\t%s\t%s\tagain\n' "$k" "$c" "$r"
		done
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
	local n first
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
	alone_rows >>"$EVIDENCE_DIR/results.tsv"
	gate "$n" >"$EVIDENCE_DIR/gate.tap"
	if [[ -s $EVIDENCE_DIR/flips.txt ]]; then
		again_rows >>"$EVIDENCE_DIR/results.tsv"
		gate "$n" >"$EVIDENCE_DIR/gate.tap"
	fi
	cat "$EVIDENCE_DIR/gate.tap"
	if [[ -s $EVIDENCE_DIR/first-error ]]; then
		first=$(cat "$EVIDENCE_DIR/first-error")
		die "$EX_FAIL" "$first; matrix: $EVIDENCE_DIR/matrix.txt"
	fi
}

main "$@"
