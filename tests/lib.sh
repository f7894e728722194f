# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the tooling's self-tests: a fake kernel tree whose "kbuild"
# is a few make rules (like tuxmake's fakelinux), series written on the
# fly against it, and TAP checks. Sourced by tests/t-*.sh.

# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
# shellcheck disable=SC2119 # no part beyond common.sh
lib_init
T_FAILED=0

# The TAP of scripts/lib/common.sh, counting failures for finish.
ok() { tap_ok "$@"; }
not_ok() {
	T_FAILED=$((T_FAILED + 1))
	tap_not_ok "$@"
}
skip() { tap_skip "$@"; }
diag() { tap_diag; }
finish() {
	base_untouched
	printf '1..%d\n' "${TAP_N:-0}"
	[[ $T_FAILED -eq 0 ]]
}

# A scratch root whose path has spaces, as users' paths may, and a cache
# dir without (kbuild's scratch tree moves there when O= has spaces), so
# that the tests leave nothing in the user's cache.
new_scratch() {
	SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/z3s self test.XXXXXX")
	SCRATCH_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/z3s-cache.XXXXXX")
	# shellcheck disable=SC2064 # expand now: the paths are fixed
	trap "rm -rf '$SCRATCH' '$SCRATCH_CACHE'" EXIT
}

# real_checkpatch: the base tree's checkpatch.pl (the fake tree links to
# it), resolved through scripts/base.sh into a private output dir.
real_checkpatch() {
	local out=$SCRATCH/real-base
	O=$out KSRC='' "$REPO/scripts/base.sh" >/dev/null 2>&1 ||
		FORCE_BASE=1 O=$out KSRC='' "$REPO/scripts/base.sh" >/dev/null
	# shellcheck source=/dev/null
	(source "$out/base.env" && printf '%s\n' "$BASE_DIR/scripts/checkpatch.pl")
}

# make_fake_tree DIR: a tree checkpatch accepts as a kernel tree, with an
# mm/z3fold.c and a Makefile that answers what scripts/ asks of kbuild.
# The real kernel-doc and gen_init_cpio.c of the tree of the real
# checkpatch are linked too (a suite whose CHECKPATCH is a stand-in has
# none, and runs no hygiene stage and no boot).
make_fake_tree() {
	local dir=$1 d kdoc cpio
	mkdir -p "$dir/mm" "$dir/scripts"
	for d in Documentation arch include drivers fs init ipc kernel lib; do
		mkdir -p "$dir/$d"
		touch "$dir/$d/.keep"
	done
	touch "$dir/COPYING" "$dir/CREDITS" "$dir/Kbuild" "$dir/MAINTAINERS" \
		"$dir/README" "$dir/mm/Kconfig"
	ln -s "$CHECKPATCH" "$dir/scripts/checkpatch.pl"
	kdoc=$(dirname "$CHECKPATCH")/kernel-doc
	[[ ! -f $kdoc ]] || ln -s "$kdoc" "$dir/scripts/kernel-doc"
	# scripts/initramfs.sh builds the base's gen_init_cpio.
	cpio=$(dirname "$CHECKPATCH")/../usr/gen_init_cpio.c
	[[ ! -f $cpio ]] || { mkdir -p "$dir/usr" && ln -s "$cpio" "$dir/usr/gen_init_cpio.c"; }
	cat >"$dir/Makefile" <<'EOF'
VERSION = 6
PATCHLEVEL = 1
SUBLEVEL = 192
EXTRAVERSION =
NAME = Fake tree of the z3fold-series self-tests

srctree := $(CURDIR)
O ?= $(srctree)
CC ?= gcc
OBJS := $(patsubst $(srctree)/%.c,$(O)/%.o,$(wildcard $(srctree)/mm/*.c))
WFLAGS := $(if $(W),-Wall -Wmissing-prototypes)
# What the stand-in's code can test with #if, as a real tree's would
# through its arch headers and config: the arch, clang, the page size.
ARCH ?= x86_64
FAKE_PAGE_SHIFT = $(if $(shell grep -s '^CONFIG_ARM64_64K_PAGES=y' $(O)/.config),16,12)
FAKEFLAGS = -DFAKE_ARCH_$(subst -,_,$(ARCH)) $(if $(LLVM),-DFAKE_LLVM) \
	-DFAKE_PAGE_SHIFT=$(FAKE_PAGE_SHIFT)

.PHONY: tinyconfig olddefconfig bzImage vmlinux modules FORCE
tinyconfig:
	@mkdir -p $(O)
	@printf 'CONFIG_64BIT=y\nCONFIG_SLOB=y\n' >$(O)/.config
# The file FAKE_KCONFIG_DROPS lists the symbols this "kconfig" silently
# drops.
olddefconfig:
	@grep -v -w -F -f '$(or $(FAKE_KCONFIG_DROPS),/dev/null)' $(O)/.config >$(O)/.config.new || true
	@mv $(O)/.config.new $(O)/.config
# FAKE_BUILD_SLEEP=N: a build that takes N s (a stage to interrupt).
bzImage: $(OBJS)
	@$(if $(FAKE_BUILD_SLEEP),sleep $(FAKE_BUILD_SLEEP),true)
	@mkdir -p $(O)/arch/x86/boot
	@cat $(OBJS) >$(O)/arch/x86/boot/bzImage
vmlinux: $(OBJS)
	@cat $(OBJS) >$(O)/vmlinux
modules: vmlinux
$(O)/%.o: $(srctree)/%.c
	@mkdir -p $(dir $@)
	$(CC) $(WFLAGS) $(FAKEFLAGS) -c -o $@ $<
mm/%.o: $(O)/mm/%.o FORCE
	$(if $(filter 2,$(C)),sparse $(srctree)/mm/$*.c)
EOF
	cat >"$dir/mm/z3fold.c" <<'EOF'
// SPDX-License-Identifier: GPL-2.0-only
/*
 * z3fold.c: the self-tests' stand-in.
 */

int z3fold_pages(int n);

int z3fold_pages(int n)
{
	return n * 3;
}
EOF
}

# new_series DIR TREE: an empty series for TREE; series_add edits a work
# copy of TREE's mm/z3fold.c and adds the change as the next patch.
new_series() {
	SERIES_UNDER_TEST=$1
	SERIES_WORK=$SCRATCH/series-work.$RANDOM
	mkdir -p "$SERIES_UNDER_TEST" "$SERIES_WORK/a/mm" "$SERIES_WORK/b/mm"
	cp "$2/mm/z3fold.c" "$SERIES_WORK/b/mm/z3fold.c"
	: >"$SERIES_UNDER_TEST/series"
	SERIES_COUNT=0
}

# series_add SUBJECT SED_SCRIPT [SIGNED_OFF=yes]: FAKE_FIXES, when set, is
# a line the changelog carries above Signed-off-by:, the Fixes: tag the
# hygiene stage wants. Other cases go without: 6.1's checkpatch flags
# every commit id when the tree has no git history (UNKNOWN_COMMIT_ID).
FAKE_FIXES=
series_add() {
	local subject=$1 script=$2 sob=${3:-yes} name ident
	ident='Self Test <self-test@example.org>'
	SERIES_COUNT=$((SERIES_COUNT + 1))
	name=$(printf '%04d-%s.patch' "$SERIES_COUNT" "$(tr -c 'a-z0-9\n' - <<<"$subject")")
	cp "$SERIES_WORK/b/mm/z3fold.c" "$SERIES_WORK/a/mm/z3fold.c"
	sed -i "$script" "$SERIES_WORK/b/mm/z3fold.c"
	{
		printf 'From: %s\nSubject: [PATCH] mm/z3fold: %s\n\n' "$ident" "$subject"
		printf 'Change the stand-in so the self-tests have something to check.\n\n'
		[[ -z $FAKE_FIXES ]] || printf '%s\n' "$FAKE_FIXES"
		[[ $sob != yes ]] || printf 'Signed-off-by: %s\n' "$ident"
		printf -- '---\n'
		(cd "$SERIES_WORK" && diff -u --label a/mm/z3fold.c --label b/mm/z3fold.c \
			a/mm/z3fold.c b/mm/z3fold.c) || true
	} >"$SERIES_UNDER_TEST/$name"
	printf '%s\n' "$name" >>"$SERIES_UNDER_TEST/series"
}

# new_fake_base: a scratch root (new_scratch), the real checkpatch, and the
# fake tree in $KSRC_DIR, a path with a space, that the cases check against.
new_fake_base() {
	new_scratch
	CHECKPATCH=$(real_checkpatch)
	KSRC_DIR="$SCRATCH/fake linux"
	make_fake_tree "$KSRC_DIR"
	base_edited
}

# run_case NAME: a fresh series dir $SER and output dir $OUTD for case
# NAME, both with spaces, against the fake tree $KSRC_DIR; first, the
# previous case must have left that tree byte-identical (finish checks
# the last one).
run_case() {
	base_untouched
	CASE=$1
	SER="$SCRATCH/series $1"
	OUTD="$SCRATCH/out $1"
	new_series "$SER" "$KSRC_DIR"
}
# in_case CMD...: CMD with the case's settings and a quiet default base;
# CASE_ENV (an array of NAME=VALUE) adds a suite's own settings.
in_case() { (case_exports && "$@"); }
# exec_case CMD...: exec CMD with the case's settings; run it in the
# background (CMD & gives CMD's own pid) or in a subshell.
exec_case() {
	case_exports
	exec "$@"
}
case_exports() {
	export KSRC="$KSRC_DIR" SERIES="$SER" O="$OUTD" JOBS=2 OVERLAY=none \
		CACHE="$SCRATCH_CACHE"
	if [[ -n ${CASE_ENV+set} ]]; then export "${CASE_ENV[@]}"; fi
}
# record: series/BASE of the case's series, from the fake tree.
record() { in_case "$REPO/scripts/base.sh" --record >/dev/null 2>&1; }

# expect_clean NAME CODE PATTERN CMD...: expect, and the case's series dir
# ($SER) is left as it was.
expect_clean() {
	local before
	before=$(tree_sum "$SER")
	expect "$@"
	assert "$1: series dir unchanged" [ "$(tree_sum "$SER")" == "$before" ]
}

# base_untouched: ok when the last case left the fake tree as it was when
# the case began (nothing to check before the first case, or twice).
base_untouched() {
	[[ -n ${CASE:-} ]] || return 0
	assert "$CASE: base tree byte-identical" [ "$(tree_sum "$KSRC_DIR")" == "$KSRC_SUM" ]
	CASE=
}
base_edited() { KSRC_SUM=$(tree_sum "$KSRC_DIR"); }
# edit_base CMD...: CMD changes the fake tree on purpose (a fixture), once
# the last case is checked.
edit_base() {
	base_untouched
	"$@"
	base_edited
}

# tree_sum DIR: one checksum of every file under DIR (links not followed).
tree_sum() {
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
}

# assert NAME CMD...: ok when CMD succeeds.
assert() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# same NAME EXPECTED CMD...: CMD succeeds and prints the file EXPECTED.
same() {
	local name=$1 expected=$2 out
	shift 2
	if out=$("$@" 2>&1) && diff -u "$expected" - <<<"$out" >/dev/null; then
		ok "$name"
	else
		not_ok "$name"
		diff -u "$expected" - <<<"$out" | diag || true
	fi
}

# expect NAME CODE PATTERN CMD...: CMD exits CODE and its output matches
# the extended regex PATTERN; output goes to $SCRATCH/last.log.
expect() {
	local name=$1 code=$2 pattern=$3 rc=0
	shift 3
	"$@" >"$SCRATCH/last.log" 2>&1 || rc=$?
	if [[ $rc -eq $code ]] && grep -qE -- "$pattern" "$SCRATCH/last.log"; then
		ok "$name"
	else
		not_ok "$name (exit $rc, want $code; pattern '$pattern')"
		tail -n 15 "$SCRATCH/last.log" | diag
	fi
}
