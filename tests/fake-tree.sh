# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The fake kernel tree of the self-tests: a tree whose "kbuild" is a few
# make rules (like tuxmake's fakelinux), series written on the fly against
# it, and the slow build that the interrupt cases stop. Sourced by
# tests/lib.sh; needs its new_scratch. Sourcing only defines functions
# (and the settings below).

# FAKE_BUILD_SLEEP=SLOW_SECS makes the fake build sleep that long: a stage
# to interrupt. A length of this run's own, so that other runs of the
# suites on the machine (other checkouts) cannot pass for this one's.
SLOW_SECS=$((20000 + RANDOM))
# slow_running: the slow build's sleep is running.
slow_running() { pgrep -f -- "sleep $SLOW_SECS" >/dev/null; }

# real_checkpatch: the base tree's checkpatch.pl (the fake tree links to
# it), resolved through scripts/base.sh into a private output dir.
real_checkpatch() {
	local out=$SCRATCH/real-base
	SERIES=$REPO/series/6.1.y O=$out KSRC='' BASE_TARBALL='' "$REPO/scripts/base.sh" >/dev/null 2>&1 ||
		FORCE_BASE=1 SERIES=$REPO/series/6.1.y O=$out KSRC='' BASE_TARBALL='' \
			"$REPO/scripts/base.sh" >/dev/null
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
