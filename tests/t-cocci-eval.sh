#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of make cocci-eval's scoring, without spatch: the function
# ranges scripts/awk/func-range.awk finds in a canned C file, and the
# table scripts/awk/cocci-eval.awk prints for canned records (a case found,
# findings only in other functions or files, a parse failure, a timeout, a
# file the rule did not check, a missing case, a function renamed by the
# fix, a case found by the class's second rule, kref_iterator, findings
# of the other class's rule, and findings of a tier the report hides,
# with every tier counted or not), and the corpus rebuild
# tools of cocci/eval/tools on a made-up base: a fix whose diff names the
# file's old path (moved=), a later change and a fix rebuilt by
# mklater.py, cocci/triage/sample.py's per-tier sample and rescore.py's
# estimate for a later run. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

D=$REPO/tests/cocci-eval
AWK=$REPO/scripts/awk

# the rules the canned runs ran, as their run.env says
RULES='kref_balance kref_iterator list_del_init list_del_unadded list_walk'
same "func-range: definitions and their lines, nothing else" \
	"$D/funcs.expected" awk -f "$AWK/func-range.awk" "$D/funcs.c"
same "cocci-eval: the table and counts of the canned records" \
	"$D/table.expected" awk -v ran="$RULES" -f "$AWK/cocci-eval.awk" "$D/records.tsv"
same "cocci-eval: COCCI_TIERS=all counts a Low finding as found and as not quiet" \
	"$D/table-all.expected" awk -v tiers=all -v ran="$RULES" -f "$AWK/cocci-eval.awk" "$D/records.tsv"
rc=0
out=$(CORPUS='' "$REPO/scripts/cocci-eval.sh" 2>&1) || rc=$?
if [[ $rc -eq 2 && $out == *"CORPUS=DIR is required"* ]]; then
	ok "cocci-eval: refuses to run without CORPUS (exit 2)"
else
	not_ok "cocci-eval: without CORPUS: exit $rc, $out"
fi

# A made-up case: the base has the fix (a put before an early return) and
# a later change (a renamed lock); the mail's diff names the file's old
# path and the old lock name, so it reverts only after the later change.
new_scratch
C=$SCRATCH/corpus
TOOLS=$REPO/cocci/eval/tools
mkdir -p "$C/src61/linux-source-6.1/drivers/new" "$C/diffs"
base=$C/src61/linux-source-6.1/drivers/new/x.c
printf '%s\n' 'int f(struct s *p)' '{' '	lock(&p->new_lock);' '	if (!p->ok) {' \
	'		put(p);' '		return -1;' '	}' '	unlock(&p->new_lock);' '	return 0;' '}' >"$base"
cat >"$C/diffs/x1.diff" <<'EOF2'
Message-ID: <made-up@example.org>
--- a/drivers/old/x.c
+++ b/drivers/old/x.c
@@ -1,8 +1,10 @@
 int f(struct s *p)
 {
 	lock(&p->old_lock);
-	if (!p->ok)
+	if (!p->ok) {
+		put(p);
 		return -1;
+	}
 	unlock(&p->old_lock);
 	return 0;
 }
EOF2
CORPUS=$C python3 "$TOOLS/mklater.py" x1 1 61 drivers/new/x.c \
	'old_lock);\n\tif' 'new_lock);\n\tif' 'old_lock);\n\treturn' 'new_lock);\n\treturn' >/dev/null
expect "mkcase: without moved=, the diff has no hunk for the file" 1 'no hunk for drivers/new/x.c' \
	env CORPUS="$C" "$TOOLS/mkcase.sh" x1 drivers/new/x.c 61 R 0
expect "mkcase: moved= takes the old path's hunks, the later change reverted" 0 '1 file' \
	env CORPUS="$C" MOVED=drivers/old/x.c "$TOOLS/mkcase.sh" x1 drivers/new/x.c 61 R 0
if grep -q 'put(p)' "$C/x1/after/drivers/new/x.c" && ! grep -q 'put(p)' "$C/x1/before/drivers/new/x.c" &&
	grep -q old_lock "$C/x1/before/drivers/new/x.c"; then
	ok "mkcase: before/ lacks the fix, after/ has it, both with the older lock name"
else
	not_ok "mkcase: before/after of the made-up case"
fi
expect "verify: the function the fix touched" 0 '^OK x1 f ' env CORPUS="$C" "$TOOLS/verify.sh" x1 drivers/new/x.c f
# The same fix rebuilt on the base's context: no later change needed.
rm "$C/diffs/x1.later1.diff"
CORPUS=$C python3 "$TOOLS/mklater.py" x1 fix 61 drivers/new/x.c \
	'(!p->ok)\n\t\treturn' '(!p->ok) {\n\t\tput(p);\n\t\treturn' 'return -1;\n\tunlock' 'return -1;\n\t}\n\tunlock' >/dev/null
if head -2 "$C/diffs/x1.diff" | grep -q '^Message-ID: <made-up' && grep -q '^Note: rebuilt' "$C/diffs/x1.diff"; then
	ok "mklater fix: keeps the mail's header, notes the rebuild"
else
	not_ok "mklater fix: header of the rebuilt diff"
fi
expect "mkcase: the rebuilt fix reverts on the base" 0 '1 file' \
	env CORPUS="$C" "$TOOLS/mkcase.sh" x1 drivers/new/x.c 61 R 0
expect "verify: the rebuilt case" 0 '^OK x1 f ' env CORPUS="$C" "$TOOLS/verify.sh" x1 drivers/new/x.c f
# A hunk patch never applied (it took it for garbage after a miscounted
# hunk): the sides differ by less than fix.diff says.
printf '@@ -1,2 +1,3 @@\n a\n+b\n c\n' >>"$C/x1/fix.diff"
expect "verify: a hunk of fix.diff missing between the sides is BAD" 0 \
	'^BAD x1 f \(before:1 after:1\) lines: \+3 -1, fix.diff \+4 -1 touched: f' \
	env CORPUS="$C" "$TOOLS/verify.sh" x1 drivers/new/x.c f
# The triage sampler: N findings a tier, the same for the same seed.
F=$SCRATCH/findings.txt
for i in 1 2 3 4 5 6; do
	printf 'a.c:%d:1-2: [High] kref leak in f%d(): x\n' "$i" "$i"
	printf 'b.c:%d:1-2: [Low] kref leak in g%d(): y\n' "$i" "$i"
	printf 'c.c:%d:1-2: list double delete in h%d(): z\n' "$i" "$i"
done >"$F"
S=$REPO/cocci/triage/sample.py
one=$("$S" --per-tier 2 "$F" 2>/dev/null)
counts=$(grep -c ' \[High\] ' <<<"$one"; grep -c ' \[Low\] ' <<<"$one"; grep -c '^c\.c' <<<"$one")
equal "sample: two of each tier, untiered ones apart" "$(tr '\n' ' ' <<<"$counts")" "2 2 2 "
equal "sample: the same findings again" "$("$S" --per-tier 2 "$F" 2>/dev/null)" "$one"
seeds=$(for s in 1 2 3 4; do "$S" --per-tier 2 --seed "$s" "$F" 2>/dev/null; done | sort -u | wc -l)
if [[ $seeds -gt 6 ]]; then
	ok "sample: other seeds, other findings"
else
	not_ok "sample: four seeds sampled only $seeds findings"
fi
expect "sample: a missing file is a usage error" 2 'No such file' "$S" "$SCRATCH/none"

# The rescorer: a triaged sample against a later run that dropped one
# sampled FP and added a finding nobody judged.
R=$REPO/cocci/triage/rescore.py
T=$SCRATCH/triage.tsv
{
	printf 'finding\tfunction\tkind\ttier\tverdict\treason\tsource\n'
	printf 'a.c:1\tf1\tleak\tHigh\tTP\tr\tstratum 1\n'
	printf 'a.c:2\tf2\tleak\tHigh\tFP\tr\tstratum 1\n'
	printf 'b.c:1\tg1\tleak\tHigh\tTP\tr\tstratum 2\n'
	printf 'b.c:2\tg2\tuse-after-put\tHigh\tFP\tr\tstratum 2\n'
	printf 'a.c:3\tf3\tleak\tModerate\tFP\tr\tstratum 1\n'
	printf 'a.c:4\tf4\tleak\tModerate\tTP\tr\tstratum 1\n'
} >"$T"
L=$SCRATCH/later.txt
{
	printf 'a.c:1:1-2: [High] kref leak in f1(): x\n'
	printf 'a.c:2:1-2: [High] kref leak in f2(): another message\n'
	printf 'b.c:1:1-2: [High] kref leak in g1(): x\n'
	printf 'b.c:2:1-2: [High] kref leak in g2(): a leak, not the use after put judged\n'
	printf 'b.c:5:1-2: [High] kref leak in g5(): x\n'
	printf 'a.c:3:1-2: [Moderate] kref leak in f3(): x\n'
	printf 'a.c:4:1-2: [Low] kref leak in f4(): x\n'
} >"$L"
printf 'a.c\n' >"$SCRATCH/s1.txt"
out=$("$R" --strata "$SCRATCH/s1.txt" "$T" "$L")
equal "rescore: High kept 3 of 4 (the dropped one FP), 2 TP, 80 % weighted by stratum" \
	"$(grep '^High' <<<"$out" | tr -s ' ')" "High 4 1 (0) 0 (0) 3 2 67 % 80 %"
equal "rescore: a Moderate finding now Low is moved, not kept" \
	"$(grep '^Moderate' <<<"$out" | tr -s ' ')" "Moderate 2 0 (0) 1 (1) 1 0 0 % 0 %"
equal "rescore: the default report weighted by tier" \
	"$(grep '^default' <<<"$out")" "default report (High, Moderate): 6 findings, 67 % true weighted"
expect "rescore: a missing file is a usage error" 2 'No such file' "$R" "$T" "$SCRATCH/none"
finish
