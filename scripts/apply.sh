#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/apply.sh [--prefix K] [--quiet] [--help]
#
# Put the scratch tree at the base plus the first K patches of
# series/series (default: all of them), applied with quilt --fuzz=0, then
# the test-only patches of ci/overlay/. The scratch tree is a hard-linked
# copy of the base in which every file the series or the overlay touches
# is a private copy, so nothing is ever written through to the base, and
# series/ is only read (quilt works on a snapshot of it).
#
# Prints TAP, one line per patch; --quiet prints nothing on success.
# Exit: 0 applied, 1 a patch does not apply (named, with its hunk),
# 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

LOG=$LOGS/apply.log
PATCH_DIR=$WORK/patches
DIRTY=$TREE/.z3s-dirty
STATE=$TREE/.z3s-state
STAMP=$TREE/.z3s-base

# make_tree: a fresh scratch tree whenever the base changed.
make_tree() {
	[[ -d $TREE && -f $STAMP && $(cat "$STAMP") == "$BASE_ID" ]] && return
	msg "creating scratch tree $TREE from $BASE_DIR"
	rm -rf "$TREE"
	mkdir -p "$WORK"
	# Hard links are instant; a symlink farm serves across file systems.
	cp -al "$BASE_DIR" "$TREE" 2>/dev/null || {
		rm -rf "$TREE"
		cp -as "$BASE_DIR" "$TREE"
	}
	rm -rf "$TREE/.git" "$TREE/.pc"
	printf '%s\n' "$BASE_ID" >"$STAMP"
}

# restore_paths FILE: every path listed becomes a private copy of the base
# file, with a new mtime so kbuild recompiles it, or is removed if the base
# has no such file.
restore_paths() {
	local p
	while IFS= read -r p; do
		[[ -n $p ]] || continue
		rm -f "$TREE/$p"
		if [[ -f $BASE_DIR/$p ]]; then
			mkdir -p "$(dirname "$TREE/$p")"
			cp "$BASE_DIR/$p" "$TREE/$p"
		fi
	done <"$1"
}

# report_reject PATCH QUILT_OUTPUT: the one-line error for a failed patch,
# naming the file and the hunk (with its @@ header) that was rejected.
report_reject() {
	local patch=$1 out=$2 file hunk line header
	file=$(sed -n 's/^patching file //p' <<<"$out" | tail -n1)
	read -r hunk line < <(sed -n 's/^Hunk #\([0-9]*\) FAILED at \([0-9]*\).*/\1 \2/p' <<<"$out" | head -n1) || true
	if [[ -n ${hunk:-} ]]; then
		header=$(awk -v f="$file" -v n="$hunk" '
			/^\+\+\+ / { p = substr($0, 5); sub(/\t.*/, "", p); sub(/^[^\/]*\//, "", p); cur = (p == f); k = 0 }
			cur && /^@@ / && ++k == n { print; exit }' "$SERIES_DIR/$patch")
		die "$EX_FAIL" "$patch does not apply: $file hunk #$hunk ($header) FAILED at $line; log: $LOG"
	fi
	line=$(grep -m1 -iE 'fuzz|error|can.t find|not found|malformed' <<<"$out" || head -n1 <<<"$out")
	die "$EX_FAIL" "$patch does not apply: $line; log: $LOG"
}

main() {
	local prefix='' quiet=0 i out want overlay=() paths n
	while (($#)); do
		case $1 in
		--prefix) prefix=${2:?--prefix needs a number}; shift ;;
		--quiet) quiet=1 ;;
		-h | --help) usage_from_header; exit 0 ;;
		*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
		esac
		shift
	done
	need_tool quilt quilt
	need_tool patch patch
	load_base
	read_series
	n=${#PATCHES[@]}
	prefix=${prefix:-$n}
	check_prefix "$prefix"
	mapfile -t overlay < <(overlay_files patch)
	mkdir -p "$LOGS"

	make_tree
	want="$BASE_ID $prefix $(cd "$SERIES_DIR" && content_hash "${PATCHES[@]:0:prefix}" ${overlay[@]+"${overlay[@]}"} /dev/null)"
	if [[ -f $STATE && $(cat "$STATE") == "$want" ]]; then
		((quiet)) || { tap_plan 1; tap_ok "tree already at prefix $prefix"; }
		return
	fi

	# Back to the base: every path a previous state or this series touches.
	rm -f "$STATE"
	paths=$(
		[[ -f $DIRTY ]] && cat "$DIRTY"
		series_paths
		[[ ${#overlay[@]} -eq 0 ]] || patch_paths "${overlay[@]}"
	)
	sort -u <<<"$paths" >"$DIRTY.new"
	mv "$DIRTY.new" "$DIRTY"
	restore_paths "$DIRTY"
	rm -rf "$TREE/.pc"

	rm -rf "$PATCH_DIR"
	mkdir -p "$PATCH_DIR"
	for i in "${PATCHES[@]:0:prefix}"; do
		cp "$SERIES_DIR/$i" "$PATCH_DIR/"
		printf '%s\n' "$i" >>"$PATCH_DIR/series"
	done
	: >"$LOG"
	((quiet)) || tap_plan $((prefix + ${#overlay[@]}))
	for i in "${PATCHES[@]:0:prefix}"; do
		if ! out=$(cd "$TREE" && QUILT_PATCHES=$PATCH_DIR QUILT_PC=.pc \
			quilt --quiltrc /dev/null push --fuzz=0 2>&1); then
			printf '%s\n' "$out" >>"$LOG"
			((quiet)) || { tap_not_ok "$i"; tap_diag <<<"$out"; }
			report_reject "$i" "$out"
		fi
		printf '%s\n' "$out" >>"$LOG"
		((quiet)) || {
			tap_ok "$i"
			grep -E 'offset|fuzz' <<<"$out" | tap_diag || true
		}
	done
	for i in ${overlay[@]+"${overlay[@]}"}; do
		if ! out=$(patch -d "$TREE" -p1 --fuzz=0 --forward --batch <"$i" 2>&1); then
			printf '%s\n' "$out" >>"$LOG"
			die "$EX_FAIL" "test overlay ${i##*/} does not apply on prefix $prefix; log: $LOG"
		fi
		printf '%s\n' "$out" >>"$LOG"
		((quiet)) || tap_ok "overlay ${i##*/}"
	done
	# Patched files get a fresh mtime from patch; restored ones from cp.
	printf '%s\n' "$want" >"$STATE"
}

main "$@"
