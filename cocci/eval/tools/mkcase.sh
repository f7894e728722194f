#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: CORPUS=DIR cocci/eval/tools/mkcase.sh ID PATH SRC DIR [FUZZ]
#
# Build one cocci-eval case, CORPUS/ID/{before,after}/PATH, from the fix
# diff CORPUS/diffs/ID.diff (see cocci/eval/README.md).
#   SRC   61 (Debian linux-source-6.1, unpacked in CORPUS/src61) or 612
#         (linux-source-6.12, in CORPUS/src612)
#   DIR   R: the base has the fix (after = base, before = base with the
#         diff reversed); F: the base is buggy (before = base, after =
#         base with the diff applied)
#   FUZZ  patch's --fuzz (default 2)
# Local headers ("..." includes found beside the file, two levels) are
# copied to both sides, and the diff's hunks for them are applied too.
# A later change the base has on top of the fix, CORPUS/diffs/ID.laterN.diff
# (see mklater.py), is reverted from both sides first, highest N first.
# Also writes CORPUS/ID/fix.diff (the hunks applied) and ID/files.txt.
#
# Environment:
#   CORPUS=DIR       the corpus (required)
#   PATCH_OPTS=OPTS  more options for the patch of the fix (word-split)
#   MOVED=OLD        the path the diffs name, where the file has moved to
#                    PATH since (the manifest's moved=); their hunks for OLD
#                    are taken as hunks for PATH
#
# Exit: 0 built, 1 the diff does not apply or has no hunk for PATH,
# 2 setup error.
set -euo pipefail
# shellcheck source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"
# shellcheck disable=SC2119 # no part beyond common.sh
lib_init

case ${1:-} in
-h | --help) usage_from_header; exit 0 ;;
esac
[[ $# -ge 4 && $# -le 5 ]] || die "$EX_SETUP" "need ID PATH SRC DIR [FUZZ] (see --help)"
[[ -n ${CORPUS:-} ]] || die "$EX_SETUP" "CORPUS=DIR is required (see --help)"
id=$1 path=$2 src=$3 dir=$4 fuzz=${5:-2}
C=$(cd "$CORPUS" && pwd)
T=$(dirname "$(abspath "${BASH_SOURCE[0]}")")
case $src in
61) base=$C/src61/linux-source-6.1 ;;
612) base=$C/src612/linux-source-6.12 ;;
*) die "$EX_SETUP" "bad SRC '$src' (61 or 612)" ;;
esac
[[ $dir == [RF] ]] || die "$EX_SETUP" "bad DIR '$dir' (R or F)"
read -ra popts <<<"${PATCH_OPTS:-}"
diff=$C/diffs/$id.diff
[[ -f $base/$path ]] || die "$EX_SETUP" "no $base/$path"
[[ -f $diff ]] || die "$EX_SETUP" "no $diff"

files=("$path")
# scan FILE LEVEL: add the local headers FILE includes (and, at level 0,
# theirs) to files.
scan() {
	local f=$1 lvl=$2 inc p
	while read -r inc; do
		p=$(cd "$base" && realpath -m --relative-to=. "$(dirname "$f")/$inc")
		[[ -f $base/$p ]] || continue
		[[ " ${files[*]} " == *" $p "* ]] && continue
		files+=("$p")
		if ((lvl < 1)); then scan "$p" $((lvl + 1)); fi
	done < <(sed -nE 's/^#[[:space:]]*include[[:space:]]+"([^"]+)".*/\1/p' "$base/$f")
}
scan "$path" 0

rm -rf "${C:?}/${id:?}"
for side in before after; do
	for f in "${files[@]}"; do
		mkdir -p "$C/$id/$side/$(dirname "$f")"
		cp "$base/$f" "$C/$id/$side/$f"
	done
done
moved=()
[[ -z ${MOVED:-} ]] || moved=(--moved "$MOVED" "$path")
python3 "$T/filterdiff.py" "${moved[@]}" "$diff" "${files[@]}" >"$C/$id/fix.diff"
grep -q '^@@' "$C/$id/fix.diff" || die "$EX_FAIL" "$id: the diff has no hunk for $path"

# Later commits the base has on top of the fix: reverted from both sides
# first, newest (highest suffix) first.
mapfile -t laters < <(shopt -s nullglob; printf '%s\n' "$C/diffs/$id".later*.diff | sort -r)
for later in "${laters[@]}"; do
	[[ -n $later ]] || continue
	python3 "$T/filterdiff.py" "${moved[@]}" "$later" "${files[@]}" >"$C/$id/later.diff"
	for side in before after; do
		(cd "$C/$id/$side" && patch -R -p1 -F"$fuzz" --no-backup-if-mismatch <../later.diff) ||
			die "$EX_FAIL" "$id: $later does not revert on $side"
	done
done
if [[ $dir == R ]]; then
	(cd "$C/$id/before" && patch -R -p1 -F"$fuzz" "${popts[@]}" --no-backup-if-mismatch <../fix.diff) ||
		die "$EX_FAIL" "$id: the fix does not revert"
else
	(cd "$C/$id/after" && patch -p1 -F"$fuzz" "${popts[@]}" --no-backup-if-mismatch <../fix.diff) ||
		die "$EX_FAIL" "$id: the fix does not apply"
fi
printf '%s\n' "${files[@]}" >"$C/$id/files.txt"
echo "$id: ${#files[@]} file(s): ${files[*]}"
