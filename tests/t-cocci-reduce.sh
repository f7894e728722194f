#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Self-tests of scripts/cocci-reduce.py, which copies the files
# kref_balance checks with the bodies blanked of the functions that name
# nothing of the wrapper list: what it keeps (a function naming a
# wrapper or a kref identifier, its callees to the depth asked), what it
# blanks (the body, not the header and braces), what it leaves alone
# because it is not surely a whole function, that line numbers do not
# move, and its errors. Prints TAP.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

new_scratch
src=$SCRATCH/src
mkdir -p "$src/drivers/foo"
printf 'get foo_get drivers/foo/a.c:3 static\nput foo_put drivers/foo/a.c:9 static\n' >"$SCRATCH/wrappers.txt"

# Each function says what should become of it in its name.
cat >"$src/drivers/foo/a.c" <<'EOF'
#include <linux/kref.h>

static void keep_store(struct foo *f, struct bar *b)
{
	body_of_keep_store();
	b->foo = f;
}

static void keep_deeper(struct foo *f)
{
	body_of_keep_deeper();
	keep_store(f, NULL);
}

/* not called by a kept function */
static int blank_plain(int a)
{
	body_of_blank_plain();
	if (a) {
		return 1;
	}
	return "}"[0];
}

static void keep_by_wrapper(struct foo *f)
{
	body_of_keep_by_wrapper();
	foo_get(f);
	keep_deeper(f);
}

static void keep_release(struct kref *k)
{
	body_of_keep_release();
	kfree(k);
}

static int
blank_two_line_header(int a,
		      int b)
{
	body_of_blank_two_line_header();
	return a + b;
}

#ifdef CONFIG_FOO
static int left_ifdef_header(int a)
#else
static int left_ifdef_header(int a, int b)
#endif
{
	body_of_left_ifdef_header();
	return a;
}

static int left_unbalanced_if(int a)
{
	body_of_left_unbalanced_if();
#ifdef CONFIG_BAR
	return a;
}
#else
	return 0;
}
#endif

static const struct foo_ops left_initializer =
{
	.open = blank_plain,
};
EOF

reduce() { "$REPO/scripts/cocci-reduce.py" "$@"; }
printf 'drivers/foo/a.c\n\n' >"$SCRATCH/list"
reduced=$SCRATCH/depth
for d in 0 1 2; do
	reduce --names "$SCRATCH/wrappers.txt" --depth "$d" --from "$src" --to "$reduced$d" "$SCRATCH/list" \
		2>"$SCRATCH/stats$d"
done
# the functions whose body is still there
defined() { grep -oE '^	body_of_[a-z_]+' "$1" | sed 's/^	body_of_//' | tr '\n' ' '; }

equal "depth 0: a function naming a wrapper or a kref identifier is kept, the others' bodies blanked" \
	"$(defined "$reduced"0/drivers/foo/a.c)" "keep_by_wrapper keep_release left_ifdef_header left_unbalanced_if "
equal "depth 1: and what a kept function calls" \
	"$(defined "$reduced"1/drivers/foo/a.c)" "keep_deeper keep_by_wrapper keep_release left_ifdef_header left_unbalanced_if "
equal "depth 2: and what those call" \
	"$(defined "$reduced"2/drivers/foo/a.c)" "keep_store keep_deeper keep_by_wrapper keep_release left_ifdef_header left_unbalanced_if "
equal "the counts: functions that could be blanked, and kept" \
	"$(cat "$SCRATCH"/stats0 "$SCRATCH"/stats2)" "$(printf 'functions 6 kept 2\nfunctions 6 kept 4')"
assert "a blanked function keeps its header and braces: spatch sees the same top-level items" \
	bash -c "grep -A2 '^static int blank_plain(int a)\$' '$reduced'0/drivers/foo/a.c | tr '\n' '|' | grep -qx '[^|]*|{||'"
equal "a blanked body leaves as many lines, empty, so no line moves" \
	"$(wc -l <"$reduced"0/drivers/foo/a.c) $(diff "$src/drivers/foo/a.c" "$reduced"0/drivers/foo/a.c | grep '^>' | grep -vc '^> $' || true)" \
	"$(wc -l <"$src/drivers/foo/a.c") 0"
assert "an initializer, a header split by #ifdef and a body with unbalanced #if are left as they are" \
	grep -q '^	.open = blank_plain,$' "$reduced"0/drivers/foo/a.c
assert "a brace in a string does not end the function early" \
	bash -c "! grep -q 'return \"}\"' '$reduced'0/drivers/foo/a.c"
assert "the default depth is 2" \
	bash -c "'$REPO/scripts/cocci-reduce.py' --names '$SCRATCH/wrappers.txt' --from '$src' --to '$SCRATCH/dflt' '$SCRATCH/list' 2>/dev/null &&
		cmp -s '$SCRATCH/dflt/drivers/foo/a.c' '${reduced}2/drivers/foo/a.c'"

# Upward: a function of the file that pass 1 did not list, but the check
# will find to be a wrapper (a pointer in its header, a listed name in its
# body), makes its callers roots; one with no pointer in its header
# cannot be a wrapper. The stretches between functions (here a function
# ending in "} /* comment */", which is not surely one) count as parts:
# what they name is kept, and a function they seem to define is a
# wrapper name for its callers.
cat >"$src/drivers/foo/b.c" <<'EOF'
static void keep_local_put(struct foo *f)
{
	body_of_keep_local_put();
	foo_put(f);
}

static void keep_local_put_caller(struct foo *f)
{
	body_of_keep_local_put_caller();
	keep_local_put(f);
}

static int keep_counter(int a)
{
	body_of_keep_counter();
	return kref_dummy_count(a);
}

static int blank_counter_caller(int a)
{
	body_of_blank_counter_caller();
	return keep_counter(a);
}

static void keep_named_by_unsure(struct foo *f)
{
	body_of_keep_named_by_unsure();
}

struct foo *unsure_getter(int id)
{
	struct foo *f = foo_lookup(id);

	keep_named_by_unsure(f);
	return f;
} /* unsure_getter */

static int keep_unsure_caller(int id)
{
	body_of_keep_unsure_caller();
	return unsure_getter(id) != NULL;
}
EOF
printf 'drivers/foo/b.c\n' >"$SCRATCH/list-b"
printf 'rget foo_lookup drivers/foo/c.c:1\n' >>"$SCRATCH/wrappers.txt"
reduce --names "$SCRATCH/wrappers.txt" --depth 1 --from "$src" --to "$SCRATCH/up" "$SCRATCH/list-b" 2>/dev/null
equal "upward: callers of a wrapper of the file are kept, not callers of a function without a pointer in its header; a stretch the scan is unsure of keeps what it names and counts as defining its getter" \
	"$(defined "$SCRATCH/up/drivers/foo/b.c")" \
	"keep_local_put keep_local_put_caller keep_counter keep_named_by_unsure keep_unsure_caller "

# A line that ends in a comment still ends the construct above a header
# (or the function would be named after it); a body that defines a macro
# is left whole (spatch parses the rest of the file with it); a "}" in
# column 0 inside a comment does not end a body; a function that gives
# a member of its parameter to a call named like a put is kept (the
# rule's drvdata_backput reads it), one that only reads it is not.
cat >"$src/drivers/foo/c.c" <<'EOF'
static DEFINE_MUTEX(slot_lock);	/* protects slot */
static void keep_named_after_comment(struct foo *f)
{
	body_of_keep_named_after_comment();
}

static int left_defines_macro(int a)
{
	body_of_left_defines_macro();
#define ADD_TO(x) x = x +
	return a;
}

static int left_brace_in_comment(int a)
{
	body_of_left_brace_in_comment();
	/*
}
	 */
	return a;
}

static void keep_back_put(struct foo_priv *priv)
{
	body_of_keep_back_put();
	platform_dev_unref(priv->pdev);
}

static void blank_reads_member(struct foo_priv *priv)
{
	body_of_blank_reads_member();
	platform_dev_show(priv->pdev);
}

static void keep_caller(struct foo *f)
{
	body_of_keep_caller();
	foo_put(f);
	keep_named_after_comment(f);
}
EOF
printf 'drivers/foo/c.c\n' >"$SCRATCH/list-c"
reduce --names "$SCRATCH/wrappers.txt" --depth 1 --from "$src" --to "$SCRATCH/c" "$SCRATCH/list-c" 2>/dev/null
equal "a comment after the line above, a macro defined in the body, a brace in a comment, a member given to a put" \
	"$(defined "$SCRATCH/c/drivers/foo/c.c")" \
	"keep_named_after_comment left_defines_macro left_brace_in_comment keep_back_put keep_caller "

printf '\x01\xff bytes\n\nstatic int blank_bin(void)\n{\n\treturn 0;\n}\n' >"$src/drivers/foo/bin.c"
printf 'drivers/foo/bin.c\n' >"$SCRATCH/list-bin"
reduce --names "$SCRATCH/wrappers.txt" --from "$src" --to "$SCRATCH/bin" "$SCRATCH/list-bin" 2>/dev/null
equal "bytes that are not UTF-8 are copied as they are" \
	"$(head -c 10 "$SCRATCH/bin/drivers/foo/bin.c" | od -An -tx1 | tr -d ' \n')" "01ff2062797465730a0a"

expect "a missing file: exit 2, the path named" 2 'cocci-reduce: .*drivers/foo/none.c' \
	reduce --names "$SCRATCH/wrappers.txt" --from "$src" --to "$SCRATCH/x" <(printf 'drivers/foo/none.c\n')
expect "a path out of the tree: exit 2" 2 'cocci-reduce: \.\./a\.c: not a path inside --from' \
	reduce --names "$SCRATCH/wrappers.txt" --from "$src" --to "$SCRATCH/x" <(printf '../a.c\n')
expect "no --names: a usage error" 2 'required: --names' \
	reduce --from "$src" --to "$SCRATCH/x" "$SCRATCH/list"
assert "--help" bash -c "'$REPO/scripts/cocci-reduce.py' --help | grep -q 'Usage: scripts/cocci-reduce.py'"
assert "the tree it reads is left as it was" \
	grep -q 'blank_plain' "$src/drivers/foo/a.c"

finish
