# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The world of the mail suites (t-send.sh, t-trailers.sh, t-review.sh):
# a private HOME and git configuration, a copy of the repo's scripts, the
# fake tree with a get_maintainer.pl stand-in, the 3-patch series they
# send, and the loopback SMTP server (tests/smtp-sink.py) that receives
# it. Sourced after tests/lib.sh. Sourcing only defines functions.

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
# mail_suite WORD ARGS: the start of a mail test (ARGS: the script's
# arguments): loopback only, the mail world, a fake base tree made for
# mails in KSRC_DIR (CHECKPATCH=/bin/true), and the series the test will
# send (mail_series) in SER, "series WORD", with its output dir OUTD,
# "out WORD", and cache dir CACHED.
mail_suite() {
	local word=$1
	shift
	loopback_only "$@"
	mail_world
	# shellcheck disable=SC2034 # read by make_fake_tree (tests/fake-tree.sh)
	CHECKPATCH=/bin/true
	KSRC_DIR="$SCRATCH/fake linux"
	mail_tree "$KSRC_DIR"
	SER="$SCRATCH/series $word"
	OUTD="$SCRATCH/out $word"
	CACHED="$SCRATCH/cache dir"
	mail_series "$SCRATCH/author repo"
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
	git_repo "$auth" base
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
	local pf="$MAILD/$1.port"
	MBOX="$MAILD/$1.mbox" ENVLOG="$MAILD/$1.envelopes"
	rm -f "$pf" "$MBOX" "$ENVLOG"
	"$PY" "$REPO/tests/smtp-sink.py" "$1" "$MBOX" "$ENVLOG" "$pf" 300 2>>"$MAILD/server.log" &
	SMTP_PID=$!
	SMTP_PIDS+=("$SMTP_PID")
	if ! wait_until 100 test -f "$pf"; then
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
