#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of make cocci-eval's scoring, without spatch: the function
# ranges scripts/awk/func-range.awk finds in a canned C file, and the
# table scripts/awk/cocci-eval.awk prints for canned records (a case found,
# findings only in other functions or files, a parse failure, a timeout, a
# file the rule did not check, a missing case, a function renamed by the
# fix, and findings of the other class's rule). Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

D=$REPO/tests/cocci-eval
AWK=$REPO/scripts/awk

same "func-range: definitions and their lines, nothing else" \
	"$D/funcs.expected" awk -f "$AWK/func-range.awk" "$D/funcs.c"
same "cocci-eval: the table and counts of the canned records" \
	"$D/table.expected" awk -f "$AWK/cocci-eval.awk" "$D/records.tsv"
rc=0
out=$(CORPUS='' "$REPO/scripts/cocci-eval.sh" 2>&1) || rc=$?
if [[ $rc -eq 2 && $out == *"CORPUS=DIR is required"* ]]; then
	ok "cocci-eval: refuses to run without CORPUS (exit 2)"
else
	not_ok "cocci-eval: without CORPUS: exit $rc, $out"
fi
finish
