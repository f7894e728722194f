#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: CORPUS=DIR cocci/eval/tools/build-all.sh [MANIFEST]
#
# Rebuild every case of the cocci-eval corpus (see cocci/eval/README.md)
# from CORPUS/diffs with mkcase.sh, as the manifest's refetch column says
# (base=deb:linux-source-6.1 or -6.12, dir=R|F, fuzz=N and, for a file
# that has moved since the fix, moved=OLD), then check each
# with verify.sh. Prints one line per case (OK/BAD from verify.sh, or FAIL
# with the build log CORPUS/ID.build.log, kept only for a failed case)
# and a summary.
#
# Arguments:
#   MANIFEST       the manifest (default: cocci/eval/manifest.tsv)
# Environment:
#   CORPUS=DIR     the corpus (required); it must hold diffs/ID.diff for
#                  each case and the unpacked bases
#                  src61/linux-source-6.1 and src612/linux-source-6.12
#
# Exit: 0 all cases OK, 1 some case failed, 2 setup error.
set -euo pipefail
# shellcheck source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"
# shellcheck disable=SC2119 # no part beyond common.sh
lib_init

case ${1:-} in
-h | --help) usage_from_header; exit 0 ;;
esac
[[ $# -le 1 ]] || die "$EX_SETUP" "too many arguments (see --help)"
[[ -n ${CORPUS:-} ]] || die "$EX_SETUP" "CORPUS=DIR is required (see --help)"
[[ -d $CORPUS/diffs ]] || die "$EX_SETUP" "no $CORPUS/diffs (see cocci/eval/README.md)"
C=$(cd "$CORPUS" && pwd)
export CORPUS=$C
M=${1:-$REPO/cocci/eval/manifest.tsv}
[[ -f $M ]] || die "$EX_SETUP" "no manifest $M"
T=$(dirname "$(abspath "${BASH_SOURCE[0]}")")

bad=0 n=0
while IFS=$'\t' read -r id class _ _ _ path func _ _ refetch; do
	[[ -z $id || $id == \#* ]] && continue
	n=$((n + 1))
	out=''
	src=61
	[[ $refetch == *linux-source-6.12* ]] && src=612
	dir=$(sed -nE 's/.*dir=([RF]).*/\1/p' <<<"$refetch")
	fuzz=$(sed -nE 's/.*fuzz=([0-9]).*/\1/p' <<<"$refetch")
	moved=$(sed -nE 's/.*moved=([^ ;]+).*/\1/p' <<<"$refetch")
	if MOVED=$moved "$T/mkcase.sh" "$id" "$path" "$src" "$dir" "$fuzz" >"$C/$id.build.log" 2>&1 &&
		out=$("$T/verify.sh" "$id" "$path" "$func") && [[ $out == OK* ]]; then
		echo "$out [$class]"
		rm -f "$C/$id.build.log"
	else
		echo "FAIL $id ${out:-build failed: $C/$id.build.log}"
		bad=$((bad + 1))
	fi
done <"$M"
echo "$n cases, $bad failed"
((bad == 0)) || exit "$EX_FAIL"
