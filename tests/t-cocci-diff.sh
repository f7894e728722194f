#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/cocci.sh diff (make cocci's gate) with a fake
# spatch (tests/cocci/fake-spatch): new findings fail and old ones do not,
# parse failures and spatch failing; pass 1's wrapper list of the base
# tree, by the caller's key and scoped to what the compared files call,
# and list_del_init's list of fields tested in other files, likewise;
# the base tree's own rules beside ours. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=cocci/setup.sh
source "$REPO/tests/cocci/setup.sh"

# --- the diff gate ---------------------------------------------------------
base="$SCRATCH/diff base" series="$SCRATCH/diff series"
c_file "$base/mm/a.c" '/* FAKE_FINDING list_del() of a tested entry */'
c_file "$base/mm/b.c" 'e->x = 1;'
cp -a "$base" "$series"
run_diff() {
	"$COCCI" diff --base-tree "$base" --series-tree "$series" --out "$SCRATCH/diff out" \
		--rules list_del_init --jobs 2 mm/a.c mm/b.c
}
expect "diff: a finding of the base does not fail" 0 \
	'^ok 1 - list_del_init: no new findings \(1 in base\)' run_diff
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_FINDING list_del() of a tested entry */'
expect "diff: a new finding fails" 1 \
	'^not ok 1 - list_del_init: 1 new finding\(s\) \(1 in base\)' run_diff
assert "diff: ... named on stderr with the log" grep -qx \
	"cocci: list_del_init: 1 new finding(s) in mm/b.c; log: $SCRATCH/diff out/cocci-diff.log" "$SCRATCH/last.log"
assert "diff: ... and listed as new" grep -q '^# new: mm/b.c:5:1-2: ' "$SCRATCH/last.log"
expect "diff: a new finding fails where the base has none" 1 \
	'^not ok 1 - list_del_init: 1 new finding\(s\) \(0 in base\)' \
	"$COCCI" diff --base-tree "$base" --series-tree "$series" --out "$SCRATCH/diff out" \
	--rules list_del_init mm/b.c
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_PARSE */'
expect "diff: a parse failure is listed, and does not fail" 0 \
	'^# series: warning: mm/b\.c:1: function b\(\) not checked: spatch could not parse it \(line 5\)' run_diff
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_CRASH */'
expect "diff: spatch failing is a setup error, with the log" 2 \
	'list_del_init -D report: spatch failed in .*diff series; log: ' run_diff

# --- tiers: only the shown ones fail -----------------------------------------
c_file "$series/mm/b.c" 'e->x = 1;' '/* FAKE_FINDING [Low] kref double put in b(): c */'
expect "diff: a new Low finding does not fail the diff, it is counted" 0 \
	'^ok 1 - list_del_init: no new findings \(1 in base; new: 1 hidden' run_diff
expect "diff: ... with COCCI_TIERS=all it fails" 1 '^not ok 1 - list_del_init: 1 new finding' \
	env COCCI_TIERS=all "$COCCI" diff --base-tree "$base" --series-tree "$series" \
	--out "$SCRATCH/diff out" --rules list_del_init mm/a.c mm/b.c

# --- pass 1's list by the caller's key, and spatch's version ---------------------
tree=$SCRATCH/tree
c_file "$tree/kref.c" 'kref_get(&e->ref); /* FAKE_WRAPPER foo_get */'
run_keyed() {
	"$COCCI" diff --base-tree "$tree" --series-tree "$tree" --out "$SCRATCH/keyed" \
		--cache "$SCRATCH/keyed cache" --cache-key base-1 --rules kref_balance kref.c
}
run_keyed >/dev/null 2>&1 || true
: >"$FAKE_SPATCH_LOG"
FAKE_SPATCH_VERSION=2 run_keyed >/dev/null 2>&1 || true
assert "pass 1: another spatch version does not take the list kept by the caller's key" \
	grep -q '^collect kref.c$' "$FAKE_SPATCH_LOG"

# --- pass 1 of a diff: the files defining what the compared files call ------------
sc="$SCRATCH/scope tree"
mkdir -p "$sc"
printf 'void m(struct x *e)\n{\n\tfoo_get(e);\n}\n' >"$sc/main.c"
printf 'void foo_get(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_WRAPPER foo_get */\n}\n' >"$sc/get.c"
printf 'static inline void foo_put(struct x *e) { kref_put(&e->ref, rel); /* FAKE_WRAPPER foo_put */ }\n' >"$sc/put.h"
printf 'void bar_get(struct x *e)\n{\n\tkref_get(&e->ref); /* FAKE_WRAPPER bar_get */\n}\n' >"$sc/other.c"
printf 'struct kref *foo_ref(void);\nvoid foo_get(struct x *e);\n/* FAKE_WRAPPER proto */\n' >"$sc/decl.h"
printf 'void m2(struct x *e)\n{\n\tfoo_put (e);\n}\n' >"$sc/main2.c"
run_scoped() {
	"$COCCI" diff --base-tree "$sc" --series-tree "$sc" --out "$SCRATCH/scope out" \
		--cache "$SCRATCH/scope cache" --rules kref_balance "$@"
}
: >"$FAKE_SPATCH_LOG"
run_scoped main.c main2.c >/dev/null 2>&1 || true
assert "pass 1 of a diff: a wrapper the compared files call, defined elsewhere, and a one-line inline one" \
	[ "$(cut -d' ' -f2 "$SCRATCH/scope out/wrappers-base-tree.txt" | paste -sd' ')" == "foo_get foo_put" ]
assert "... read in the files defining them, not in a prototype's nor another wrapper's" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | grep -vE 'main2?\.c' | sort -u | paste -sd' ')" == "collect get.c collect put.h" ]
run_scoped --pass1 tree main.c >/dev/null 2>&1 || true
assert "pass 1 of a diff with --pass1 tree: every wrapper of the tree" \
	grep -q '^get bar_get other.c:3$' "$SCRATCH/scope out/wrappers-base-tree.txt"
printf '#define FOO_MAX 4\nextern int foo_count;\n' >"$sc/foo.h"
expect "pass 1 of a diff: a compared file that calls nothing" 0 \
	'^ok 1 - kref_balance: no new findings' run_scoped foo.h
run_scoped --cache-key base-1 foo.h >/dev/null 2>&1 || true
run_scoped --cache-key base-1 --pass1 tree foo.h >/dev/null 2>&1 || true
assert "pass 1 of a diff: a scope of no names is kept by the key apart from the whole tree's list" \
	grep -q '^get bar_get other.c:3$' "$SCRATCH/scope out/wrappers-base-tree.txt"
expect "pass 1 of a diff: an unknown --pass1 is a setup error" 2 \
	"diff: --pass1 takes callees or tree, not 'all'" run_scoped --pass1 all main.c

# --- list_del_init's fields tested in other files, in a diff ---------------------
tb="$SCRATCH/tested base" ts="$SCRATCH/tested series"
mkdir -p "$tb"
printf 'bool conn_waiting(struct conn *c)\n{\n\treturn !list_empty(&c->wait); /* FAKE_LISTTEST struct conn wait */\n}\n' >"$tb/q.c"
printf 'bool conn_idle(struct conn *c)\n{\n\treturn list_empty(&c->idle); /* FAKE_LISTTEST struct conn idle */\n}\n' >"$tb/r.c"
printf 'void m(struct conn *c)\n{\n\tif (conn_waiting(c))\n\t\tlist_del_init(&c->wait);\n}\n' >"$tb/m.c"
cp -a "$tb" "$ts"
printf 'void m(struct conn *c)\n{\n\tif (conn_waiting(c))\n\t\tlist_del(&c->wait); /* FAKE_IF_TESTED wait list_del() of a field q.c tests */\n}\n' >"$ts/m.c"
run_tdiff() {
	"$COCCI" diff --base-tree "$tb" --series-tree "$ts" --out "$SCRATCH/tested out" \
		--cache "$SCRATCH/tested cache" --rules list_del_init "$@"
}
: >"$FAKE_SPATCH_LOG"
expect "tested, diff: a delete of a field a called function's file tests is new" 1 \
	'^not ok 1 - list_del_init: 1 new finding\(s\) \(0 in base\)' run_tdiff m.c
assert "tested, diff: the base tree's files read are those defining what the compared file calls" \
	[ "$(grep '^collect ' "$FAKE_SPATCH_LOG" | sort -u | paste -sd' ')" == "collect q.c" ]
run_tdiff --pass1 tree m.c >/dev/null 2>&1 || true
assert "tested, diff with --pass1 tree: every file of the tree" \
	grep -q '^LISTTEST struct conn idle r.c:3$' "$SCRATCH/tested out/tested-base-tree.txt"
cp "$ts/m.c" "$tb/m.c"
sed -i 's/FAKE_LISTTEST struct conn wait/FAKE_LISTTEST struct conn busy/' "$ts/q.c"
expect "tested, diff: a compared file's own tests are its side's (the series drops the test)" 0 \
	'^ok 1 - list_del_init: no new findings \(1 in base\)' run_tdiff m.c q.c
assert "tested, diff: ... so the series has no finding" grep -qx '### series findings (0)' "$SCRATCH/tested out/cocci-diff.log"
run_tdiff --cache-key base-1 m.c >/dev/null 2>&1 || true
run_tdiff --cache-key base-1 m.c >/dev/null 2>&1 || true
assert "tested, diff: the base tree's list kept by the caller's key" \
	grep -q '^tested: cached list ' "$SCRATCH/tested out/cocci-diff.log"
FAKE_SPATCH_VERSION=2 run_tdiff --cache-key base-1 m.c >/dev/null 2>&1 || true
assert "tested, diff: ... not taken by another spatch version" \
	lacks '^tested: cached list ' "$SCRATCH/tested out/cocci-diff.log"

# --- the kernel's own rules beside ours ----------------------------------------------
kb="$SCRATCH/kernel base" ks="$SCRATCH/kernel series"
mkdir -p "$kb/scripts/coccinelle/api" "$kb/scripts/coccinelle/misc"
printf '/// Options: --no-includes\nvirtual report\n' >"$kb/scripts/coccinelle/api/r_one.cocci"
printf 'virtual report\n' >"$kb/scripts/coccinelle/misc/r_two.cocci"
printf '// Requires: 99.0\nvirtual report\n' >"$kb/scripts/coccinelle/misc/r_new.cocci"
c_file "$kb/mm/k.c" '/* FAKE_RULE r_one base finding */'
cp -a "$kb" "$ks"
c_file "$ks/mm/k.c" 'e->x = 1;' '/* FAKE_RULE r_one base finding */' '/* FAKE_RULE r_two added */' \
	'/* FAKE_RULE r_new not run */'
run_kdiff() {
	"$COCCI" diff --base-tree "$kb" --series-tree "$ks" --out "$SCRATCH/kernel out" \
		--rules list_del_init --kernel-rules --no-includes mm/k.c
}
expect "kernel rules: a finding the series adds fails" 1 \
	'^not ok 2 - kernel rules: 1 new finding\(s\), 0 rule\(s\) failing on the series only \(2 rules of the base tree, 1 in base\)' run_kdiff
assert "kernel rules: ... named with its rule" grep -qx '# new: misc/r_two.cocci: mm/k.c:6:1-2: added' "$SCRATCH/last.log"
assert "kernel rules: ... and on stderr" grep -qx "cocci: kernel rules: 1 new finding(s) in mm/k.c; log: $SCRATCH/kernel out/cocci-diff.log" "$SCRATCH/last.log"
assert "kernel rules: the base's finding is listed as such (moved code is not new)" \
	grep -qx '# base: api/r_one.cocci: mm/k.c:4:1-2: base finding' "$SCRATCH/last.log"
assert "kernel rules: a rule needing a newer spatch is skipped, as coccicheck does" \
	lacks 'not run' "$SCRATCH/last.log"
assert "kernel rules: run as coccicheck runs them: no macro file of ours, --no-show-diff, their options" \
	grep -q -- '--no-show-diff .* --no-includes)$' "$SCRATCH/kernel out/kernel/series/"k-r_one-*/chunks/0000.cmd
assert "kernel rules: ... and not our macro file" lacks -- '--macro-file' \
	"$SCRATCH/kernel out/kernel/series/"k-r_one-*/chunks/0000.cmd
c_file "$ks/mm/k.c" '/* FAKE_RULE r_one base finding */' '/* FAKE_CRASH_IN r_two */'
expect "kernel rules: a rule failing on the series only fails" 1 \
	'^not ok 2 - kernel rules: 0 new finding\(s\), 1 rule\(s\) failing on the series only' run_kdiff
assert "kernel rules: ... and is named" grep -q '^# kernel rule misc/r_two.cocci failed on the series: ' "$SCRATCH/last.log"
cp "$ks/mm/k.c" "$kb/mm/k.c"
expect "kernel rules: a rule failing on the base too is listed, and does not fail" 0 \
	'^# kernel rule misc/r_two.cocci failed on the base: ' run_kdiff

c_file "$ks/mm/k.c" '/* FAKE_RULE r_one base finding */' '/* FAKE_RULE r_ocaml added */'
printf 'virtual report\n@script:ocaml@\n@@\n' | tee "$kb/scripts/coccinelle/misc/r_ocaml.cocci" \
	>"$ks/scripts/coccinelle/misc/r_ocaml.cocci"
mkdir -p "$SCRATCH/ocaml bin"
printf '#!/bin/sh\nexit 0\n' >"$SCRATCH/ocaml bin/ocamlopt"
chmod +x "$SCRATCH/ocaml bin/ocamlopt"
run_kdiff_ocaml() { PATH="$SCRATCH/ocaml bin:$PATH" run_kdiff; }
expect "kernel rules: a rule with OCaml scripts runs where ocamlopt is" 1 \
	'^# new: misc/r_ocaml.cocci: ' run_kdiff_ocaml
if command -v ocamlopt >/dev/null || command -v ocamlopt.opt >/dev/null; then
	skip "kernel rules: ... and is skipped where it is not (this machine has ocamlopt)"
else
	expect "kernel rules: ... and is skipped where it is not, as it would fail" 0 \
		'^ok 2 - kernel rules: no new findings \(2 rules of the base tree' run_kdiff
fi

finish
