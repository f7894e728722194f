#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/send.sh [--reroll] [--help]
#
# make send: the series as mails, made and sent by b4 0.12 (b4 prep, b4
# send) from the git view of series/ (scripts/git-view.sh). By default a
# dry run: the mails are written to $O/send/vN/mails and listed with
# their To and Cc; nothing is sent.
#
#   SEND=yes     send for real, through your git sendemail configuration
#                (sendemail.smtpserver, ...; b4 reads it); from a terminal
#                b4 shows the recipients and asks before sending
#   REFLECT=yes  with SEND=yes: send every mail to yourself only (b4 send
#                --reflect), to read them in your mail client first
#   COMPARE_TO=REV  with the dry run: also write the range-diff from the
#                series as commit REV of its git repository had it (the
#                history of series/, e.g. a version that was never posted)
#                to the series now, into $O/send/vN/compare-range-diff
#   --reroll     make reroll (scripts/reroll.sh): after vN went out,
#                series/revision becomes vN+1
#
# What the mails are made of:
#   series/cover-letter  the cover letter; its first line is the subject.
#                        @@BASE@@ and @@CHECKS@@ are filled in, and
#                        @@COMPANIONS@@ with the subjects (and, once sent
#                        from here, Message-Ids) of the other branches'
#                        series: each stable tree's cover letter names the
#                        others. For a single patch b4 puts it under the
#                        patch's "---".
#   series/revision      v1, v2, ...: [PATCH X.Y.y vN M/N], X.Y the
#                        base's version (6.1.y on 6.1.192)
#   series/changelog     from v2 on, under the cover letter's "---",
#                        followed by the range-diff against the previous
#                        posting when this machine sent it (b4 prep
#                        --compare-to)
#   recipients           To: stable@vger.kernel.org; Cc: what the base
#                        tree's scripts/get_maintainer.pl names for the
#                        patches; more as To:/Cc: lines in the cover letter
#   the base             base-commit: for a git KSRC; for the Debian
#                        tarball a "base:" line (version, source) and the
#                        sha256 of each touched file from series/BASE
#
# A real send (SEND=yes, with or without REFLECT) refuses, sending nothing,
# while: make check's last result for exactly this series content is not
# a pass ($O/last-check; cover-letter, changelog and revision are not part
# of that content); a {{FILL: ...}} placeholder is left in the cover letter
# or changelog; there is no sendemail configuration; the series is still
# from the role identity series/identity ships with (run make identity);
# other branches exist and the cover letter has no @@COMPANIONS@@ line;
# vN was sent already (run make reroll: scripts/reroll.sh). The dry run
# only warns. b4 always runs with --offline-mode and never uses its web
# endpoint.
#
# Exit: 0 done, 1 refused or the mail server failed, 2 setup error.
#
# The parts with a job of their own: lib/cover.sh (the cover letter),
# lib/b4-env.sh (how git and b4 run), lib/send-b4.sh (b4's steps, the
# mails it made and the real send), mail-headers.py and reroll.sh.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series send cover b4-env send-b4

unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

LOG=$LOGS/send.log
# The role identity series/identity ships with: no person, no DCO.
readonly ROLE_IDENTITY='z3fold-series maintainer <z3fold-series@example.org>'
# shellcheck disable=SC2034 # read by lib/send-b4.sh
readonly PY=/usr/bin/python3 # Debian's, as b4 itself uses
# Git settings b4 gets on top of the user's (key, value, key, value, ...),
# passed as GIT_CONFIG_COUNT/KEY/VALUE: they outrank every config file.
# Set here and by forward_local_config, before the first b4 runs.
# shellcheck disable=SC2034 # read by lib/b4-env.sh
CONF=(color.ui never color.diff never)

# --- series/revision, series/changelog, series/cover-letter -----------------

# text_of FILE: FILE without its '#' lines and leading blank lines.
text_of() {
	[[ -f $1 ]] || return 0
	grep -v '^#' "$1" | sed -e '/./,$!d' || true
}

# check_cover: the cover letter starts with a subject line and a blank one.
check_cover() {
	local f=$SERIES_DIR/cover-letter lines
	[[ -f $f ]] || die "$EX_SETUP" "$SERIES_LABEL/cover-letter missing; it is the cover letter's template"
	mapfile -t lines < <(text_of "$f" | head -n2)
	[[ -n ${lines[0]:-} && -z ${lines[1]:-} ]] ||
		die "$EX_SETUP" "$SERIES_LABEL/cover-letter: the first line must be the subject and the second empty"
}

# placeholders N: "series/FILE:LINE" of each placeholder the mails of vN
# would carry.
placeholders() {
	local f
	for f in cover-letter changelog; do
		[[ $f == cover-letter || $1 -gt 1 ]] || continue
		[[ -f $SERIES_DIR/$f ]] || continue
		awk -v f="$SERIES_LABEL/$f" -v p="$PLACEHOLDER" \
			'!/^#/ && index($0, p) { print f ":" FNR }' "$SERIES_DIR/$f"
	done
}

# --- gates ---------------------------------------------------------------------

# check_gate: CHECK_STATE (pass, narrow, fail, stale or none) from
# $O/last-check; narrow: a pass without the wide stages (WIDE=yes).
check_gate() {
	local f=$OUT/last-check result sum
	CHECK_STATE=none
	[[ -f $f ]] || return 0
	result=$(kv_get "$f" result)
	sum=$(kv_get "$f" series)
	if [[ $sum != "$(series_checksum)" ]]; then
		CHECK_STATE=stale
	elif [[ $result == pass && $(kv_get "$f" wide) != yes ]]; then
		CHECK_STATE=narrow
	elif [[ $result == pass ]]; then
		CHECK_STATE=pass
	else
		CHECK_STATE=fail
	fi
}

check_note() {
	case $CHECK_STATE in
	none) echo "make check has not run ($OUT/last-check missing)" ;;
	stale) echo "series/ changed since the last make check" ;;
	fail) echo "the last make check of this series failed" ;;
	narrow) echo "the last make check passed without the wide stages (xbuild, kcsan)" ;;
	pass) echo "make check passed on exactly this series" ;;
	esac
}

main() {
	local n ph mails rd count no_companions start=$SECONDS
	case ${1:-} in
	--reroll) exec "$REPO/scripts/reroll.sh" ;;
	*) no_args "$@" ;;
	esac
	mkdir -p "$LOGS"
	: >"$LOG"
	read_series
	n=$(read_revision)
	MODE=dry
	case ${SEND:-} in
	yes) MODE=send ;;
	"" | no) ;;
	*) die "$EX_SETUP" "SEND=${SEND}: SEND=yes sends, no SEND is a dry run" ;;
	esac
	case ${REFLECT:-} in
	yes)
		[[ $MODE == send ]] ||
			die "$EX_SETUP" "REFLECT=yes needs SEND=yes: a reflect sends real mail (to you only)"
		MODE=reflect ;;
	"" | no) ;;
	*) die "$EX_SETUP" "REFLECT=${REFLECT}: REFLECT=yes or nothing" ;;
	esac
	DEPS_EXTRA="b4 ${DEPS_EXTRA:-}" "$REPO/scripts/deps.sh" check >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(tail -n1 "$LOG" | sed 's/^deps: //')"
	check_cover
	check_gate
	ph=$(placeholders "$n")
	no_companions=''
	if [[ -n $(companions) ]] && ! grep -v '^#' "$SERIES_DIR/cover-letter" | grep -q '@@COMPANIONS@@'; then
		no_companions="$SERIES_LABEL/cover-letter names no @@COMPANIONS@@, and the other branches ($(companions | paste -sd' ')) post their series beside this one"
	fi
	forward_local_config
	[[ -n $(user_git config --get user.name || true) && -n $(user_git config --get user.email || true) ]] ||
		die "$EX_SETUP" "git user.name and user.email are not set; b4 signs off and sends as them (git config --global user.name ...)"
	SERVER=$(smtp_server)

	# A real send stops here, before anything is made, if a gate is shut:
	# the first one is the error line, the others come before it.
	if [[ $MODE != dry ]]; then
		local shut=()
		[[ $CHECK_STATE == pass ]] ||
			shut+=("$(check_note); run make check WIDE=yes, then send")
		[[ -z $no_companions ]] || shut+=("$no_companions")
		[[ -z $ph ]] ||
			shut+=("placeholder left at $(head -n1 <<<"$ph") ($(wc -l <<<"$ph") in all); fill in every $PLACEHOLDER: ...}}")
		[[ -n $SERVER ]] ||
			shut+=("no git sendemail configuration (sendemail.smtpserver); set yours, e.g. git config --global sendemail.smtpserver smtp.example.org")
		[[ $(read_identity || true) != "$ROLE_IDENTITY" ]] ||
			shut+=("the series is from the role identity $ROLE_IDENTITY, which no person can sign off as; put yours on it with make identity")
		if [[ ${#shut[@]} -gt 0 ]]; then
			printf '  also: %s\n' "${shut[@]:1}" | grep -v '^  also: $' >&2 || true
			die "$EX_FAIL" "refused: ${shut[0]}; nothing sent"
		fi
	fi

	lock_views
	Z3S_VIEW_LOCKED=1 "$REPO/scripts/git-view.sh" >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(grep -E '^(git-view|base): ' "$LOG" | tail -n1)"
	load_base
	# The stable tree the series is for, from its base: 6.1.192 is 6.1.y.
	# shellcheck disable=SC2034 # read by lib/send-b4.sh
	PREFIXES=$(awk -F. '{ print $1 "." $2 ".y" }' <<<"$BASE_VERSION")
	# shellcheck source=/dev/null
	source "$OUT/view.env"
	if [[ $MODE == send ]] && in_view git rev-parse -q --verify "refs/tags/sent/$VIEW_NAME-v$n" >/dev/null; then
		die "$EX_FAIL" "refused: v$n was sent already (tag sent/$VIEW_NAME-v$n in $VIEW_DIR); run make reroll for v$((n + 1)); nothing sent"
	fi

	enroll
	OUTDIR=$OUT/send/v$n
	mails=$OUTDIR/mails
	rd=$OUTDIR/range-diff
	mkdir -p "$OUTDIR"
	rm -rf "$mails"
	: >"$rd"
	((n == 1)) || range_diff $((n - 1)) >"$rd"
	if [[ -n ${COMPARE_TO:-} ]]; then
		[[ $MODE == dry ]] ||
			die "$EX_SETUP" "COMPARE_TO goes with the dry run: it is for reading, not for the mails"
		compare_to "$COMPARE_TO" >"$OUTDIR/compare-range-diff"
		msg "range-diff from the series at $COMPARE_TO: $OUTDIR/compare-range-diff ($(grep -c '^ *[0-9-]*: ' "$OUTDIR/compare-range-diff") commit line(s))"
	fi
	recipients
	render_cover "$n" "$rd" >"$OUTDIR/cover-letter"
	set_cover "$n" "$OUTDIR/cover-letter"

	# Always made first: the exact mail set, on disk.
	b4_log send --output-dir "$mails" --no-sign ||
		die "$EX_FAIL" "b4 send --output-dir failed: $(b4_reason 0); log: $LOG"
	count=$(find "$mails" -name '*.eml' | wc -l)
	printf 'send: base %s (%s); b4 branch %s in %s\n' "$BASE_VERSION" "$BASE_SOURCE" \
		"$VIEW_BRANCH" "$VIEW_DIR"
	printf 'send: v%d: %d mail(s) in %s\n' "$n" "$count" "$mails"
	list_mails "$mails"
	[[ -z $no_companions ]] || note "$no_companions; a real send refuses"
	[[ -z $ph ]] || note "$(wc -l <<<"$ph") placeholder(s) left, first at $(head -n1 <<<"$ph"); a real send refuses them"
	[[ $CHECK_STATE == pass ]] || note "$(check_note); a real send refuses until make check passes"
	[[ -n $SERVER ]] || note "no sendemail.smtpserver set; a real send needs one"
	! in_view git rev-parse -q --verify "refs/tags/sent/$VIEW_NAME-v$n" >/dev/null ||
		[[ $MODE != dry ]] ||
		note "v$n went out already (tag sent/$VIEW_NAME-v$n); make reroll before posting again"
	if [[ $MODE == dry ]]; then
		msg "dry run: nothing sent ($((SECONDS - start)) s); to send: make send SEND=yes (add REFLECT=yes to send it to yourself first)"
		return
	fi
	real_send "$n" "$count"
}

main "$@"
