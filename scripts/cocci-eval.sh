#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/cocci-eval.sh [--help]
#
# make cocci-eval CORPUS=DIR: how many real, fixed bugs the Coccinelle
# rules of cocci/ find. cocci/eval/manifest.tsv lists the cases; CORPUS
# (required, never in the repo) holds each as ID/before/PATH (the buggy
# file) and ID/after/PATH (the fixed one), with any local headers beside.
# All cases of one side are laid out as one tree (ID/PATH...) and checked
# by one "scripts/cocci.sh tree" run, as make cocci-tree does, on every
# core. A case is FOUND when a finding of one of its class's rules (the
# rules the run ran whose name starts with the class: kref_balance and
# kref_iterator are kref's), of a tier the report shows, lies in the manifest's
# function of the before file, QUIET when none lies in it in the after
# file. Prints a row per case with the reason for each miss, then found
# and quiet counts per class, also with every tier counted. A benchmark:
# it asserts nothing.
#
# Environment:
#   CORPUS=DIR     the corpus (required)
#   MANIFEST=FILE  another manifest (default: cocci/eval/manifest.tsv)
#   WRAPPERS=FILE  the kref wrapper list to use (e.g. one pass 1 wrote for a
#                  whole tree) instead of pass 1 over the corpus itself
#   TESTED=FILE    the list rules' collecting-pass list to use (LISTTEST,
#                  LISTUNLINK and LISTLINK lines, e.g. the tested.txt of a
#                  whole-tree run, or of several trees put together)
#                  instead of that pass over the corpus itself
#   ITER_TREE=DIR  take the reference-holding iterators from the macros of
#                  DIR (e.g. the base tree WRAPPERS was made from: the
#                  cases' files do not define for_each_child_of_node())
#   COCCI_TIERS    the tiers that count (as make cocci-tree shows them:
#                  high,moderate by default; "all")
# A side whose files, rules, wrappers and spatch are unchanged since the
# last run is not run again; its findings are kept in $O/cocci-eval.
#
# Exit: 0 when it ran (whatever it found), 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

EVAL=$OUT/cocci-eval
FUNC_RANGE=$REPO/scripts/awk/func-range.awk
SCORE=$REPO/scripts/awk/cocci-eval.awk

# read_manifest FILE: CASES (ids in order) and their fields in C_CLASS,
# C_PATH, C_FUNC; dies on a malformed line.
read_manifest() {
	local file=$1 n=0 id class path func
	CASES=()
	declare -gA C_CLASS=() C_PATH=() C_FUNC=()
	[[ -f $file ]] || die "$EX_SETUP" "manifest $file not found"
	while IFS=$'\t' read -r id class _ _ _ path func _ || [[ -n $id ]]; do
		n=$((n + 1))
		[[ -z $id || $id == \#* ]] && continue
		[[ -n $func && $class =~ ^(kref|list)$ && $path != /* && $path != *..* ]] ||
			die "$EX_SETUP" "$file: line $n: need ID, kref|list, subsystem, source, fix, PATH, FUNCTION, ...: '$id'"
		[[ -z ${C_CLASS[$id]:-} ]] || die "$EX_SETUP" "$file: line $n: case $id listed twice"
		CASES+=("$id")
		C_CLASS[$id]=$class C_PATH[$id]=$path C_FUNC[$id]=$func
	done <"$file"
	((${#CASES[@]})) || die "$EX_SETUP" "$file lists no case"
}

# side_key SIDE: what a run of SIDE depends on.
side_key() {
	{
		(cd "$EVAL/tree-$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum)
		# the rules (files, and the parts of one made of parts, in the
		# order they are joined) and the runner: cocci.sh is mostly its
		# libraries
		(shopt -s nullglob && LC_ALL=C && sha256sum "$REPO"/cocci/*.cocci "$REPO"/cocci/*.d/*.cocci) |
			cut -d' ' -f1
		sha256sum "$REPO/cocci/spatch-macros.h" \
			"$REPO/scripts/cocci.sh" "$REPO"/scripts/lib/{spatch,cocci}-*.sh \
			"$REPO/scripts/lib/spatch.sh" "$REPO"/scripts/awk/spatch-*.awk \
			"$REPO/scripts/awk/kref-iterators.awk" "$REPO/scripts/cocci-reduce.py" | cut -d' ' -f1
		[[ -z ${WRAPPERS:-} ]] || sha256sum <"$WRAPPERS"
		[[ -z ${TESTED:-} ]] || sha256sum <"$TESTED"
		printf '%s\n' "${ITER_TREE:-}"
		${SPATCH:-spatch} --version 2>&1 | head -n1
		printf '%s\n' "${COCCI_TIMEOUT:-}" "${COCCI_WHOLE_FILES:-}"
	} | sha256sum | cut -c1-16
}

# run_side SIDE: cocci.sh tree over the side's tree, unless kept.
run_side() {
	local side=$1 key rc=0 args=()
	key=$(side_key "$side")
	if [[ -f $EVAL/out-$side/key && $(cat "$EVAL/out-$side/key") == "$key" ]]; then
		msg "$side: findings of an unchanged run kept ($EVAL/out-$side)"
		return 0
	fi
	rm -rf "$EVAL/out-$side"
	[[ -z ${WRAPPERS:-} ]] || args=(--wrappers "$WRAPPERS")
	[[ -z ${ITER_TREE:-} ]] || args+=(--iter-tree "$ITER_TREE")
	[[ -z ${TESTED:-} ]] || args+=(--tested "$TESTED")
	msg "$side: scripts/cocci.sh tree on ${#PRESENT[@]} case(s), $(nproc) job(s)"
	# every tier: the scoring counts both the shown ones and all
	COCCI_TIERS=all "$REPO/scripts/cocci.sh" tree --tree "$EVAL/tree-$side" --out "$EVAL/out-$side" \
		--jobs "$(nproc)" ${args[@]+"${args[@]}"} >"$EVAL/$side.log" 2>&1 || rc=$?
	# 1 is "findings": what we are here for
	((rc <= 1)) || die "$EX_SETUP" "$side: scripts/cocci.sh tree failed ($rc); log: $EVAL/$side.log"
	echo "$key" >"$EVAL/out-$side/key"
	tail -n 4 "$EVAL/$side.log" | sed "s/^/$side: /" >&2
}

# records SIDE: the finding, failure and checked records of a side's run
# (see scripts/awk/cocci-eval.awk); file names start with the case id.
records() {
	local side=$1 out=$EVAL/out-$1 r f
	for r in $(kv_get "$out/run.env" rules); do
		f=$out/findings-$r.txt
		[[ ! -f $f ]] || sed -nE "s|^([^/]+)/([^:]+):([0-9]+):[0-9]+-[0-9]+: (.*)$|finding\t$side\t$r\t\1\t\2\t\3\t\4|p" "$f"
		f=$out/$r/parse-failures.txt
		[[ ! -f $f ]] || sed -nE \
			-e "s|^warning: ([^/]+)/([^:]+):[0-9]+: function ([A-Za-z0-9_]+)\(\) not checked.*|failure\t$side\t$r\t\1\t\2\tfunction\t\3|p" \
			-e "s|^warning: ([^/]+)/([^:]+): file not checked: spatch gave up after.*|failure\t$side\t$r\t\1\t\2\ttimeout\t-|p" \
			-e "s|^warning: ([^/]+)/([^:]+): file not checked: .*|failure\t$side\t$r\t\1\t\2\tfailed\t-|p" "$f"
		f=$out/$r/files.list
		[[ ! -f $f ]] || tr '\0' '\n' <"$f" | sed -nE "s|^([^/]+)/(.*)$|checked\t$side\t$r\t\1\t\2|p"
	done
}

main() {
	local manifest id side state
	no_args "$@"
	[[ -n ${CORPUS:-} ]] || die "$EX_SETUP" "CORPUS=DIR is required: the corpus of before/after files (see cocci/eval/manifest.tsv)"
	[[ -d $CORPUS ]] || die "$EX_SETUP" "CORPUS: $CORPUS is not a directory"
	[[ -z ${WRAPPERS:-} || -r ${WRAPPERS:-} ]] || die "$EX_SETUP" "WRAPPERS: cannot read $WRAPPERS"
	[[ -z ${ITER_TREE:-} || -d ${ITER_TREE:-} ]] || die "$EX_SETUP" "ITER_TREE: $ITER_TREE is not a directory"
	[[ -z ${TESTED:-} || -r ${TESTED:-} ]] || die "$EX_SETUP" "TESTED: cannot read $TESTED"
	need_tool "${SPATCH:-spatch}" coccinelle
	CORPUS=$(cd "$CORPUS" && pwd)
	manifest=$(abspath "${MANIFEST:-$REPO/cocci/eval/manifest.tsv}")
	read_manifest "$manifest"

	# one tree per side: ID/PATH and the case's local headers
	mkdir -p "$EVAL"
	rm -rf "$EVAL/tree-before" "$EVAL/tree-after"
	PRESENT=()
	declare -A STATE=()
	for id in "${CASES[@]}"; do
		STATE[$id]=missing
		[[ -f $CORPUS/$id/before/${C_PATH[$id]} && -f $CORPUS/$id/after/${C_PATH[$id]} ]] ||
			continue
		STATE[$id]=ok
		PRESENT+=("$id")
		for side in before after; do
			mkdir -p "$EVAL/tree-$side/$id"
			cp -R "$CORPUS/$id/$side/." "$EVAL/tree-$side/$id/"
		done
	done
	((${#PRESENT[@]})) || die "$EX_SETUP" "CORPUS: none of the manifest's cases is in $CORPUS"

	run_side before
	run_side after

	{
		for id in "${CASES[@]}"; do
			state=${STATE[$id]}
			printf 'case\t%s\t%s\t%s\t%s\t%s\n' "$id" "${C_CLASS[$id]}" \
				"${C_PATH[$id]}" "${C_FUNC[$id]}" "$state"
			[[ $state == ok ]] || continue
			for side in before after; do
				awk -f "$FUNC_RANGE" "$EVAL/tree-$side/$id/${C_PATH[$id]}" |
					sed "s/^/range\t$id\t$side\t/"
			done
		done
		records before
		records after
	} >"$EVAL/records.tsv"
	awk -v tiers="${COCCI_TIERS:-}" -v ran="$(kv_get "$EVAL/out-before/run.env" rules)" \
		-f "$SCORE" "$EVAL/records.tsv" | tee "$EVAL/table.txt"
	echo "corpus: $CORPUS; runs, records and table in $EVAL"
}

main "$@"
