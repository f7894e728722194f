# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the tooling's self-tests: a fake kernel tree whose "kbuild"
# is a few make rules (like tuxmake's fakelinux), series written on the
# fly against it, and TAP checks. Sourced by tests/t-*.sh. Over 300
# lines because the fake tree's kbuild and the mail round trip's world
# (HOME, git, get_maintainer.pl, SMTP sink) are written out here once
# for every suite.

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

# --- the mail tests (t-send.sh, t-trailers.sh, t-review.sh) -------------------

# loopback_only ARGS: as root, run the test again in a private network
# namespace that has only loopback: no way out but to the test's own
# SMTP server. Call it first, with the script's arguments.
loopback_only() {
	if [[ -z ${Z3S_NETNS:-} && $(id -u) == 0 ]] && command -v ip >/dev/null &&
		unshare --net true 2>/dev/null; then
		# shellcheck disable=SC2016 # expanded by the inner shell
		exec unshare --net env Z3S_NETNS=1 bash -c 'ip link set lo up && exec "$0" "$@"' "$0" "$@"
	fi
}

# mail_world: a scratch root (new_scratch) and an isolated world in it:
# HOME, git config (user Zoë Maintainer), caches, and a copy of the repo's
# scripts, kconfigs and rules in $R ($S its scripts/), so this repo's
# own .git/config (sendemail.*) can never leak in. The SMTP servers
# started are stopped on exit; T_KEEP=1 keeps the scratch root.
mail_world() {
	new_scratch
	SMTP_PIDS=()
	trap mail_cleanup EXIT
	trap 'exit 130' INT TERM # so mail_cleanup runs on those too
	if [[ -n ${Z3S_NETNS:-} ]]; then
		echo "# private network namespace: loopback only"
	else
		echo "# no private network namespace (not root, or no unshare): b4 is offline by its own settings only"
	fi
	export HOME="$SCRATCH/home" XDG_CONFIG_HOME="$SCRATCH/home/.config"
	export XDG_CACHE_HOME="$SCRATCH/home/.cache" XDG_DATA_HOME="$SCRATCH/home/.local/share"
	export GIT_CONFIG_NOSYSTEM=1 GIT_CEILING_DIRECTORIES=$SCRATCH
	unset GIT_CONFIG_GLOBAL GIT_DIR GIT_WORK_TREE EMAIL
	mkdir -p "$HOME"
	git config --global user.name 'Zoë Maintainer'
	git config --global user.email zoe@example.org
	git config --global init.defaultBranch main
	R="$SCRATCH/repo copy"
	mkdir -p "$R"
	# Not ci/: the test overlay stays out of the copy (OVERLAY finds none).
	cp -a "$REPO/scripts" "$REPO/kconfigs" "$REPO/cocci" "$R/"
	S=$R/scripts
	PY=/usr/bin/python3 # Debian's, with python3-aiosmtpd and b4
	MAILD="$SCRATCH/mail"
	mkdir -p "$MAILD"
}
# mail_suite NAME ARGS: the start of a mail test (ARGS: the script's
# arguments): loopback only, the mail world, a fake base tree made for
# mails in KSRC_DIR (CHECKPATCH=/bin/true) and SER, the series dir NAME
# the test will write.
mail_suite() {
	local name=$1
	shift
	loopback_only "$@"
	mail_world
	CHECKPATCH=/bin/true
	KSRC_DIR="$SCRATCH/fake linux"
	mail_tree "$KSRC_DIR"
	SER="$SCRATCH/$name"
}
mail_cleanup() {
	local p
	for p in ${SMTP_PIDS[@]+"${SMTP_PIDS[@]}"}; do
		kill "$p" 2>/dev/null || true
	done
	if [[ -n ${T_KEEP:-} ]]; then
		echo "# kept: $SCRATCH"
	else
		rm -rf "$SCRATCH" "$SCRATCH_CACHE"
	fi
}

# mail_tree DIR: the fake tree (CHECKPATCH: its checkpatch.pl), with a
# get_maintainer.pl stand-in that names a reviewer and a list for
# patches touching mm/z3fold*.
mail_tree() {
	make_fake_tree "$1"
	cat >"$1/scripts/get_maintainer.pl" <<'PERL'
#!/usr/bin/perl
# Stand-in for the kernel's: the z3fold section, for patches touching it.
my $hit = 0;
for my $f (grep { -f } @ARGV) {
	open(my $fh, '<', $f) or next;
	$hit ||= grep { m{^\+\+\+ b/mm/z3fold} } <$fh>;
}
print "Zed Reviewer <zed\@example.org>\nlinux-mm\@kvack.org\n" if $hit;
PERL
	chmod +x "$1/scripts/get_maintainer.pl"
}

# mail_series AUTH: the 3-patch series the mail tests send, made by git
# format-patch from commits of three authors in the git repo AUTH (a copy
# of $KSRC_DIR), into $SER with series/'s changelog and revision and a
# cover letter still holding placeholders; series/BASE recorded from
# $KSRC_DIR (in_mail). Sets NAMES, the patch files in order.
mail_series() {
	local auth=$1 ser=$SER
	cp -a "$KSRC_DIR" "$auth"
	git -C "$auth" init -q
	git -C "$auth" add -A
	git -C "$auth" commit -qm base
	sed -i 's/return n \* 3;/return n + n + n;/' "$auth/mm/z3fold.c"
	author_commit "$auth" 'Zoë Tester <zoe.tester@example.org>' "mm/z3fold: count the pages by addition

The stand-in multiplies; the self-test wants a change to carry through
the mails. Nothing else changes.

Fixes: 0123456789ab (\"mm/z3fold: the stand-in\")
Cc: stable@vger.kernel.org
Signed-off-by: Zoë Tester <zoe.tester@example.org>"
	printf '// SPDX-License-Identifier: GPL-2.0-only\n\nint z3fold_debug;\n' >"$auth/mm/z3fold-debug.c"
	author_commit "$auth" 'Sam Author <sam@example.org>' "mm/z3fold: add a debug file

A new file, so the round trip carries a file creation too.

Reviewed-by: Zed Reviewer <zed@example.org>
Signed-off-by: Sam Author <sam@example.org>"
	sed -i 's/^int z3fold_pages(int n)$/int z3fold_pages(int n) \/* three a page *\//' "$auth/mm/z3fold.c"
	author_commit "$auth" 'Zoë Maintainer <zoe@example.org>' "mm/z3fold: say what the factor is

Name the factor where the function starts.

Signed-off-by: Zoë Maintainer <zoe@example.org>"
	mkdir -p "$ser"
	git -C "$auth" format-patch -q -N --zero-commit -o "$ser" HEAD~3..HEAD
	(cd "$ser" && printf '%s\n' 0*.patch) >"$ser/series"
	cp "$REPO/series/6.1.y/changelog" "$REPO/series/6.1.y/revision" "$ser/"
	# A cover letter still holding placeholders, as a new series starts.
	cp "$REPO/tests/cover-letter.template" "$ser/cover-letter.template"
	cp "$REPO/tests/cover-letter.template" "$ser/cover-letter"
	in_mail "$S/base.sh" --record >/dev/null 2>&1
	# shellcheck disable=SC2034 # read by the tests
	mapfile -t NAMES <"$ser/series"
}
# author_commit REPO AUTHOR MESSAGE: commit the work tree's changes.
author_commit() {
	git -C "$1" add -A
	printf '%s\n' "$3" | git -C "$1" commit -q --author "$2" -F -
}

# in_mail CMD...: CMD on the series $SER, output dir $OUTD and cache $CACHED
# against the tree $KSRC_DIR, stdin closed (b4 must not ask).
in_mail() { env KSRC="$KSRC_DIR" SERIES="$SER" O="$OUTD" CACHE="$CACHED" "$@" </dev/null; }

# pass_check [RESULT [WIDE]]: $O/last-check as make check writes it, for
# the series content as it is now (WIDE: the wide stages ran, default yes).
pass_check() {
	local sum
	sum=$(series_sum)
	mkdir -p "$OUTD"
	printf 'result %s\nseries %s\nflavour debug\nstages base apply checkpatch build\nwide %s\ndate %s\n' \
		"${1:-pass}" "$sum" "${2:-yes}" "$(date -u +%FT%TZ)" >"$OUTD/last-check"
}
# series_sum: make check's checksum of $SER (scripts/lib/series.sh).
series_sum() {
	# shellcheck disable=SC2016 # expanded by the inner shell
	SERIES=$SER bash -c 'source "$1/lib/common.sh" && lib_init series && series_checksum' _ "$S"
}
# fill_cover: a cover letter for $SER without placeholders.
fill_cover() {
	cat >"$SER/cover-letter" <<'COVER'
# The test's cover letter: no placeholder left.
mm/z3fold: the self-test series

The stand-in needs three changes for the mail round trip to carry.

Ownership rule: the test owns every byte here.

Patches:
1/3 counts by addition, 2/3 adds a file, 3/3 names the factor.

Results:
@@CHECKS@@

Base: @@BASE@@
COVER
}

# start_smtp MODE: tests/smtp-sink.py on 127.0.0.1 (at most 300 s) in MODE
# accept or refuse; sets SMTP_PORT, SMTP_PID, MBOX and ENVLOG, and points
# git's sendemail config at it.
start_smtp() {
	local i pf="$MAILD/$1.port"
	MBOX="$MAILD/$1.mbox" ENVLOG="$MAILD/$1.envelopes"
	rm -f "$pf" "$MBOX" "$ENVLOG"
	"$PY" "$REPO/tests/smtp-sink.py" "$1" "$MBOX" "$ENVLOG" "$pf" 300 2>>"$MAILD/server.log" &
	SMTP_PID=$!
	SMTP_PIDS+=("$SMTP_PID")
	for ((i = 0; i < 100; i++)); do
		[[ -f $pf ]] && break
		sleep 0.1
	done
	if [[ ! -f $pf ]]; then
		echo "Bail out! the SMTP server (python3-aiosmtpd) did not start: $(tail -n 3 "$MAILD/server.log")"
		exit 1
	fi
	SMTP_PORT=$(cat "$pf")
	git config --global sendemail.smtpserver 127.0.0.1
	git config --global sendemail.smtpserverport "$SMTP_PORT"
}
stop_smtp() {
	kill "$SMTP_PID" 2>/dev/null || true
	wait "$SMTP_PID" 2>/dev/null || true
}
# received: how many mails the server took into $MBOX.
received() {
	if [[ -f $MBOX ]]; then grep -c '^From ' "$MBOX" || true; else echo 0; fi
}
