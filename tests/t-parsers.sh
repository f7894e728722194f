#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of the parsers and renderers on canned input
# (tests/parsers/): make check's reports from a results.tsv, make
# results' table from canned boot and benchmark results, the TAP counter
# of tests/run.sh, cocci-eval's function ranges (func-range.awk) and the
# library's small readers. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
lib_init series findings

P=$REPO/tests/parsers
AWK=$REPO/scripts/awk
new_scratch

# --- make check's reports, rendered from results.tsv
render() {
	awk -v format="$1" -v base='base: 6.1.192 (canned)' -v matrix="$P/check/matrix.txt" \
		-v flavour=debug -v report=/o/report.xml -v state=complete \
		-f "$AWK/check-report.awk" "$P/check/results.tsv"
}
for f in table tap xml; do
	same "check-report: the $f of a canned results.tsv" "$P/check/$f.expected" render "$f"
done
render xml >"$SCRATCH/report.xml"
assert "check-report: the XML is well formed" \
	/usr/bin/python3 -c 'import sys, xml.dom.minidom as m; m.parse(sys.argv[1])' "$SCRATCH/report.xml"

# --- make results: boot and benchmark results, base against series
results() { env O="$1" SERIES="$P/results/series" "$REPO/scripts/results.sh"; }
same "results: reproducers, counters and the benchmark table" \
	"$P/results.expected" results "$P/results"
mkdir -p "$SCRATCH/boot-only"
cp -r "$P/results/boot" "$SCRATCH/boot-only/"
expect "results: without a benchmark, the command that makes it" 0 \
	'no density and throughput rows: run make bench-z3fold' results "$SCRATCH/boot-only"
expect "results: neither run is a setup error" 2 \
	'no boot results in .*; run make check' results "$SCRATCH/none"

# --- tests/run.sh's TAP counter
count() { awk -f "$AWK/tap-count.awk" "$P/tap/$1"; }
assert "tap-count: a skip is not a pass" [ "$(count mixed.tap)" == "1 1 1 ok" ]
assert "tap-count: a plan larger than the tests is named" \
	[ "$(count short.tap)" == "2 0 0 1..3 for 2 tests" ]
assert "tap-count: a missing plan is named, nested lines not counted" \
	[ "$(count noplan.tap)" == "1 0 0 missing" ]

# --- cocci-eval's function ranges: bodies closed on their first line
same "func-range: a one-line stub or struct ends on its line, not at the next function's }" \
	"$P/func-range/oneline.expected" awk -f "$AWK/func-range.awk" "$P/func-range/oneline.c"

# --- the library's readers
printf 'a=1\nkey two words\nkey=shadowed\nkeyx=no\n' >"$SCRATCH/kv"
assert "kv_get: KEY=VALUE" [ "$(kv_get "$SCRATCH/kv" a)" == 1 ]
assert "kv_get: KEY VALUE, the first one" [ "$(kv_get "$SCRATCH/kv" key)" == "two words" ]
assert "kv_get: a missing key or file is empty" \
	[ -z "$(kv_get "$SCRATCH/kv" k)$(kv_get "$SCRATCH/nofile" a)" ]
printf -- '--- a/mm/z3fold.c\t2026\n+++ b/mm/z3fold.c\n--- /dev/null\n+++ b/mm/new.c\n' >"$SCRATCH/p"
assert "patch-paths: changed and created paths" \
	[ "$(patch_paths "$SCRATCH/p" | tr '\n' ' ')" == "mm/new.c mm/z3fold.c " ]
printf 'mm/z3fold.c\n' >"$SCRATCH/paths"
printf '%s\n' "/t/mm/z3fold.c:10:5: warning: unused x [-Wunused]" \
	"../mm/z3fold.c:11: error: bad" "/t/mm/other.c:1:1: warning: elsewhere" >"$SCRATCH/log"
assert "tree-findings: the listed path's diagnostics, without line numbers" \
	[ "$(tree_findings /t "$SCRATCH/paths" "$SCRATCH/log" | tr '\n' '|')" == \
		"mm/z3fold.c: warning: unused x [-Wunused]|mm/z3fold.c: error: bad|" ]
printf '3\n1\n2\n10\n' >"$SCRATCH/n"
# shellcheck disable=SC2016 # awk's $1
printf '{ a[NR] = $1 }\nEND { print median(a, NR) }\n' >"$SCRATCH/median.awk"
assert "stats: the median of an even count" \
	[ "$(awk -f "$AWK/stats.awk" -f "$SCRATCH/median.awk" "$SCRATCH/n")" == 2.5 ]

mail() { # mail SUBJECT-LINE ADDED-LINE VERSION: a patch mail of one hunk
	printf 'From: A <a@b>\nSubject: [PATCH] %s\n\nWhy.\n---\n a.c | 1 +\n\n' "$1"
	printf 'diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1 +1,2 @@\n x\n+%s\n-- \n%s\n\n' "$2" "$3"
}
code_of() { awk -f "$AWK/patch-code.awk" "$@" | sha256sum; }
mail 'fix it' 'y;' 2.39.2 >"$SCRATCH/m1"
mail 'fix it, reworded' 'y;' 2.47.0 >"$SCRATCH/m2"
mail 'fix it' 'z;' 2.39.2 >"$SCRATCH/m3"
assert "patch-code: a reworded changelog or another git version is the same code" \
	[ "$(code_of "$SCRATCH/m1")" == "$(code_of "$SCRATCH/m2")" ]
assert "patch-code: another hunk is not" [ "$(code_of "$SCRATCH/m1")" != "$(code_of "$SCRATCH/m3")" ]
assert "patch-code: nor the same patches in another order" \
	[ "$(code_of "$SCRATCH/m1" "$SCRATCH/m3")" != "$(code_of "$SCRATCH/m3" "$SCRATCH/m1")" ]
printf 'diff --git a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1,5 +1 @@\n x\n-- \n-a\n-b\n-c\n' >"$SCRATCH/m4"
{ diff -u /dev/null "$SCRATCH/n" || true; } | sed '1s/^/Subject: plain diff\n\n/' >"$SCRATCH/m5"
assert "patch-code: a plain diff (no git header) is code too" \
	grep -qx '+10' <(awk -f "$AWK/patch-code.awk" "$SCRATCH/m5")
assert "patch-code: a removed line \"- \" followed by more code is code" \
	[ "$(awk -f "$AWK/patch-code.awk" "$SCRATCH/m4" | tail -n 1)" == "-c" ]

finish
