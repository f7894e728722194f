#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/hygiene.sh [--help]
#
# Check every patch of the series for what the stable and mm lists ask of
# it beyond checkpatch:
#  - kernel-doc: the base tree's scripts/kernel-doc with all its warnings
#    (-Wall; 6.1's kernel-doc has no -Wall and gives the same warnings
#    with -v) on every .c/.h file the series touches, on the base and on
#    each prefix of the series. A warning the whole series has and the
#    base has not fails (compared without line numbers), named with the
#    first patch that has it; the base's own warnings are listed, not
#    failed.
#  - origin: each patch has a Fixes: tag in the kernel's form,
#    'Fixes: <12 or more lowercase hex> ("<subject>")', or, without one,
#    names the commit it fixes in its changelog as
#    'commit <12+ hex> ("<subject>")' (its words may wrap). A malformed
#    Fixes: line fails, named with the patch and its line number. With a
#    git base (KSRC a git checkout), each such id must be a commit of that
#    repository whose subject is the quoted one; a tarball or plain tree
#    has no history to look in, and that check is a TAP SKIP.
#
# Needs the base stage only, not apply: the patches are judged as text,
# and kernel-doc runs on a private copy of the touched files put at each
# prefix with patch --fuzz=0. So the test-only overlay, which apply puts
# on every tree state, is not counted as the series' kernel-doc, and the
# scratch tree that build and bisect share is not moved. A patch that
# does not apply is a setup error here: the apply stage names its hunk.
#
# Prints TAP: kernel-doc, one line per patch, the history look-up. Logs:
# $O/hygiene/kernel-doc.log (kernel-doc's output on the base and each
# prefix) and $O/hygiene/origin.log (what each changelog names).
# Exit: 0 clean, 1 findings (the first is named), 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

HYG=$OUT/hygiene
KDOC_LOG=$HYG/kernel-doc.log
ORIGIN_LOG=$HYG/origin.log

FINDINGS=0
FIRST=()
# finding PATCH WHAT LOG: counts a finding; the first one is the verdict.
finding() {
	FINDINGS=$((FINDINGS + 1))
	[[ ${#FIRST[@]} -gt 0 ]] || FIRST=("$2" "$1" "$3")
}

# kdoc_option: the base kernel-doc's switch for all its warnings. 6.1's
# stops at an unknown -Wall ("Argument unknown!"), and its -v adds the
# warnings -Wall stands for in later trees (return, short description).
kdoc_option() {
	if perl "$KDOC" -none -Wall /dev/null >/dev/null 2>&1; then
		echo -Wall
	else
		echo -v
	fi
}

# kdoc_state NAME DIR OUT: kernel-doc on the touched .c/.h files DIR has,
# its output in the log, its findings (without line numbers) in OUT.
kdoc_state() {
	local name=$1 dir=$2 out=$3 f files=() raw
	for f in "${KDOC_FILES[@]}"; do
		[[ ! -f $dir/$f ]] || files+=("$f")
	done
	: >"$out"
	[[ ${#files[@]} -gt 0 ]] || return 0
	# Relative paths: kernel-doc names files as given, and the paths must
	# compare equal across trees. A caller's KDOC_WERROR, KCFLAGS=-Werror
	# or KBUILD_VERBOSE would change its exit code or output.
	if ! raw=$(cd "$dir" && env -u KDOC_WERROR -u KCFLAGS -u KBUILD_VERBOSE \
		perl "$KDOC" -none "$KDOC_OPT" "${files[@]}" 2>&1); then
		printf '%s\n' "$raw" >>"$KDOC_LOG"
		die "$EX_SETUP" "kernel-doc failed on $name; log: $KDOC_LOG"
	fi
	[[ -z $raw ]] || printf '%s\n' "$raw" >>"$KDOC_LOG"
	tree_findings "$dir" "$HYG/kdoc-files" <(printf '%s\n' "$raw") >"$out"
}

# check_kernel_doc: the TAP line of the kernel-doc check.
check_kernel_doc() {
	local tree=$HYG/tree k p new first at=''
	mapfile -t KDOC_FILES < <(series_paths | grep -E '\.[ch]$' || true)
	if [[ ${#KDOC_FILES[@]} -eq 0 ]]; then
		tap_ok "kernel-doc # SKIP the series touches no .c or .h file"
		return
	fi
	printf '%s\n' "${KDOC_FILES[@]}" >"$HYG/kdoc-files"
	printf '=== base (%s)\n' "$BASE_DIR" >>"$KDOC_LOG"
	kdoc_state base "$BASE_DIR" "$HYG/p0.kdoc"

	# The private copy: every file the series touches, as the base has it.
	rm -rf "$tree"
	mkdir -p "$tree"
	while IFS= read -r p; do
		[[ ! -f $BASE_DIR/$p ]] || (cd "$BASE_DIR" && cp --parents -- "$p" "$tree/")
	done < <(series_paths)
	for ((k = 1; k <= ${#PATCHES[@]}; k++)); do
		p=${PATCHES[k - 1]}
		printf '=== %s\n' "$(prefix_name "$k")" >>"$KDOC_LOG"
		patch -d "$tree" -p1 --fuzz=0 --forward --batch <"$SERIES_DIR/$p" >>"$KDOC_LOG" 2>&1 ||
			die "$EX_SETUP" "$p does not apply with patch --fuzz=0 (run the apply stage for its hunk); log: $KDOC_LOG"
		kdoc_state "$(prefix_name "$k")" "$tree" "$HYG/p$k.kdoc"
	done

	# The new warnings in kernel-doc's order (new_lines sorts them).
	# shellcheck disable=SC2016 # awk's $0
	new=$(awk 'FNR == NR { want[$0]++; next } want[$0]-- > 0' \
		<(new_lines "$HYG/p0.kdoc" "$HYG/p${#PATCHES[@]}.kdoc") "$HYG/p${#PATCHES[@]}.kdoc")
	if [[ -z $new ]]; then
		tap_ok "kernel-doc $KDOC_OPT: no new warning in ${#KDOC_FILES[@]} touched .c/.h file(s) ($(wc -l <"$HYG/p0.kdoc") in the base)"
		tap_diag <"$HYG/p0.kdoc"
		return
	fi
	# The first new warning is named with the first prefix that has it.
	first=$(head -n1 <<<"$new")
	for ((k = 1; k <= ${#PATCHES[@]}; k++)); do
		if new_lines "$HYG/p0.kdoc" "$HYG/p$k.kdoc" | grep -qxF -- "$first"; then
			at=${PATCHES[k - 1]}
			break
		fi
	done
	tap_not_ok "kernel-doc $KDOC_OPT: the series adds $(wc -l <<<"$new") warning(s)"
	tap_diag <<<"$new"
	[[ ! -s $HYG/p0.kdoc ]] || sed 's/^/base: /' "$HYG/p0.kdoc" | tap_diag
	finding "$at" "new kernel-doc warning: $first" "$KDOC_LOG"
	FINDINGS=$((FINDINGS + $(wc -l <<<"$new") - 1))
}

# check_origin PATCH: the patch's TAP line; its commit ids go to REFS.
check_origin() {
	local p=$1 kind n a b fixes=() prose=() bad=()
	printf '=== %s\n' "$p" >>"$ORIGIN_LOG"
	while IFS=$'\t' read -r kind n a b; do
		printf '%s\t%s\t%s\t%s\n' "$kind" "$n" "$a" "$b" >>"$ORIGIN_LOG"
		case $kind in
		fixes) fixes+=("$a"); REFS+=("$p"$'\t'"Fixes: $a"$'\t'"$a"$'\t'"$b") ;;
		prose) prose+=("$a"); REFS+=("$p"$'\t'"commit $a"$'\t'"$a"$'\t'"$b") ;;
		bad) bad+=("malformed Fixes: line $n '$b': $a") ;;
		esac
	done < <(awk -f "$REPO/scripts/awk/hygiene-origin.awk" -- "$SERIES_DIR/$p")
	if [[ ${#fixes[@]} -eq 0 && ${#prose[@]} -eq 0 && ${#bad[@]} -eq 0 ]]; then
		bad+=("no Fixes: tag, and no origin named as 'commit <12+ hex> (\"<subject>\")'")
	fi
	if [[ ${#bad[@]} -gt 0 ]]; then
		tap_not_ok "$p"
		printf '%s\n' "${bad[@]}" | tap_diag
		for b in "${bad[@]}"; do
			finding "$p" "$b" "$ORIGIN_LOG"
		done
	elif [[ ${#fixes[@]} -gt 0 ]]; then
		tap_ok "$p: Fixes: ${fixes[*]}"
	else
		tap_ok "$p: no Fixes:, origin named: commit ${prose[*]}"
	fi
}

# check_history: the TAP line of the look-up of every id in REFS.
check_history() {
	local ref p what id quoted full subject bad=()
	if [[ -z $BASE_GIT ]]; then
		tap_ok "commit ids in the base's history # SKIP no history to look in: the base is $BASE_SOURCE, not a git checkout"
		return
	fi
	need_tool git git
	printf '=== history of %s\n' "$BASE_DIR" >>"$ORIGIN_LOG"
	for ref in ${REFS[@]+"${REFS[@]}"}; do
		IFS=$'\t' read -r p what id quoted <<<"$ref"
		if ! full=$(git -C "$BASE_DIR" rev-parse -q --verify "$id^{commit}" 2>>"$ORIGIN_LOG"); then
			bad+=("$p: $what is not a commit of the base's history")
			finding "$p" "$what is not a commit of the base's history" "$ORIGIN_LOG"
			continue
		fi
		subject=$(git -C "$BASE_DIR" log -1 --format=%s "$full")
		printf '%s: %s is %s ("%s")\n' "$p" "$what" "$full" "$subject" >>"$ORIGIN_LOG"
		if [[ $subject != "$quoted" ]]; then
			bad+=("$p: $what is (\"$subject\"), not (\"$quoted\")")
			finding "$p" "$what is (\"$subject\") in the base's history, not (\"$quoted\")" "$ORIGIN_LOG"
		fi
	done
	if [[ ${#bad[@]} -gt 0 ]]; then
		tap_not_ok "commit ids in the base's history ($BASE_SOURCE)"
		printf '%s\n' "${bad[@]}" | tap_diag
	else
		tap_ok "${#REFS[@]} commit id(s) in the base's history ($BASE_SOURCE), subjects as quoted"
	fi
}

main() {
	local p what
	no_args "$@"
	need_tool perl perl
	need_tool patch patch
	load_base
	read_series
	KDOC=$BASE_DIR/scripts/kernel-doc
	[[ -f $KDOC ]] || die "$EX_SETUP" "$KDOC missing in the base"
	KDOC_OPT=$(kdoc_option)
	mkdir -p "$HYG"
	: >"$KDOC_LOG"
	: >"$ORIGIN_LOG"
	REFS=()
	tap_plan $((${#PATCHES[@]} + 2))
	check_kernel_doc
	for p in "${PATCHES[@]}"; do
		check_origin "$p"
	done
	check_history
	((FINDINGS)) || return 0
	what=${FIRST[0]}
	((FINDINGS == 1)) || what+=" (the first of $FINDINGS findings)"
	die "$EX_FAIL" "$what, ${FIRST[1]}; log: ${FIRST[2]}"
}

main "$@"
