#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: CORPUS=DIR cocci/eval/tools/verify.sh ID PATH FUNC
#
# Check one built cocci-eval case: the functions CORPUS/ID/before/PATH and
# CORPUS/ID/after/PATH differ in (a removed line counts in the before
# file, an added one in the after file; function ranges by the repo's
# scripts/awk/func-range.awk, as scripts/cocci-eval.sh scores them).
# Prints "OK|BAD ID FUNC (before:N after:N) touched: FUNC..."; OK when
# FUNC is defined on both sides and is one of the touched functions, and
# the two sides differ by as many added and removed lines as the hunks
# of CORPUS/ID/fix.diff add and remove (GNU patch can take the rest of a
# hand-edited diff for garbage after a miscounted hunk, and exit 0).
#
# Environment:
#   CORPUS=DIR     the corpus (required)
#
# Exit: 0 (whether OK or BAD: build-all.sh reads the line), 2 setup error.
set -euo pipefail
# shellcheck source=../../../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../../scripts/lib/common.sh"
# shellcheck disable=SC2119 # no part beyond common.sh
lib_init

case ${1:-} in
-h | --help) usage_from_header; exit 0 ;;
esac
[[ $# -eq 3 ]] || die "$EX_SETUP" "need ID PATH FUNC (see --help)"
[[ -n ${CORPUS:-} ]] || die "$EX_SETUP" "CORPUS=DIR is required (see --help)"
id=$1 path=$2 func=$3
awkf=$REPO/scripts/awk/func-range.awk
sizef=$REPO/cocci/eval/tools/diff-size.awk
b=$CORPUS/$id/before/$path a=$CORPUS/$id/after/$path
[[ -f $b && -f $a ]] || die "$EX_SETUP" "no $b or $a (build it with mkcase.sh)"

# in_funcs FILE: the functions of FILE holding a line number of stdin.
in_funcs() {
	# shellcheck disable=SC2016 # awk's $1
	awk 'NR == FNR { l[$1]; next } { for (n in l) if ($2 <= n + 0 && n + 0 <= $3) print $1 }' \
		- <(awk -f "$awkf" "$1")
}
touched=$(
	{ diff --unchanged-line-format= --old-line-format=$'%dn\n' --new-line-format= "$b" "$a" || true; } | in_funcs "$b"
	{ diff --unchanged-line-format= --old-line-format= --new-line-format=$'%dn\n' "$b" "$a" || true; } | in_funcs "$a"
)
touched=$(printf '%s\n' "$touched" | sort -u | tr '\n' ' ')
inb=$(awk -f "$awkf" "$b" | awk -v f="$func" '$1 == f' | wc -l)
ina=$(awk -f "$awkf" "$a" | awk -v f="$func" '$1 == f' | wc -l)
want=$(awk -f "$sizef" "$CORPUS/$id/fix.diff")
got=$({ diff -r -u "$CORPUS/$id/before" "$CORPUS/$id/after" || true; } | awk -f "$sizef")
st=BAD lines=""
[[ $got == "$want" ]] || lines=" lines: $got, fix.diff $want"
[[ $inb -ge 1 && $ina -ge 1 && " $touched " == *" $func "* && -z $lines ]] && st=OK
echo "$st $id $func (before:$inb after:$ina)$lines touched: $touched"
