#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/trailers.sh [--help]
#
# make trailers: the Reviewed-by, Acked-by, Tested-by, ... that the list
# gave a posted revision, added to the patches of series/ they were given
# for (a trailer on the cover letter: to every patch). By default a dry
# run: prints, per patch, each line it would add and from whom.
#
#   MBOX=FILE    the thread as saved from the list or your mail client
#                (an mbox: the posted mails and the replies), e.g. b4 mbox
#                MSGID, or lore's t.mbox.gz uncompressed
#   MSGID=ID     instead of MBOX: fetch the thread with b4 mbox (needs the
#                network and a public-inbox archive that has it)
#   APPLY=yes    write the trailers into series/
#   FORCE=yes    also add the trailers given to a patch that changed since
#                it was posted (its patch-id differs); listed apart, and
#                left out without FORCE
#
# b4 0.12 does the collecting and the writing: b4 trailers -u -m MBOX on
# a copy of the git view's branch (scripts/git-view.sh, enrolled with b4
# prep as make send does), offline; make export's scripts/export.sh then
# makes the patch files from it, so series/ changes by the added lines
# only (checked: anything else is refused). What b4 does not do is here
# and in scripts/trailers.py: the dry run, who gave each trailer, the
# patches that changed since posting, and refusing a thread of another
# series, one without replies, a malformed trailer and a trailer from
# the series' sender himself.
#
# Writing series/ voids make check's record of it ($O/last-check), so
# make send refuses until make check runs again.
#
# Exit: 0 listed (or written), 1 refused: a malformed trailer or one from
# the sender (nothing written), 2 setup error or a file that is no thread
# of this series (no replies, another series), nothing written.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series b4-env

unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

LOG=$LOGS/trailers.log
readonly PY=/usr/bin/python3 # Debian's, whose b4 module trailers.py uses
# Git settings b4 gets on top of the user's (see lib/b4-env.sh).
# shellcheck disable=SC2034 # read by lib/b4-env.sh
CONF=(color.ui never color.diff never b4.attestation-policy off)

yes_or_no() { # NAME VALUE
	case $2 in
	yes | no | "") ;;
	*) die "$EX_SETUP" "$1=$2: $1=yes or nothing" ;;
	esac
}

# fetch_thread ID: MSGID= through b4 mbox, into the scratch dir.
fetch_thread() {
	(cd "$TMP" && with_conf b4 mbox -n thread.mbox -o "$TMP" "$1") >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "b4 mbox $1 failed (no network, or no archive has it); save the thread and give MBOX=FILE; log: $LOG"
	MBOX=$TMP/thread.mbox
}

# ours: NAME SUBJECT PATCH-ID of each patch, from the view's commits.
ours() {
	local i=0 c
	while IFS= read -r c; do
		printf '%s\t%s\t%s\n' "${PATCHES[i]}" "$(in_view git log -1 --format=%s "$c")" \
			"$(in_view git show --format= "$c" | git patch-id --stable | cut -d' ' -f1)"
		i=$((i + 1))
	done < <(in_view git rev-list --reverse "$VIEW_BASE..refs/heads/$VIEW_BRANCH")
}

# rows IDX STATE...: the trailer rows of patch IDX in those states.
rows() {
	local idx=$1
	shift
	awk -F'\t' -v idx="$idx" -v states=" $* " \
		'$1 == "trailer" && $2 == idx && index(states, " " $3 " ")' "$TMP/list.tsv"
}

# givers IDX LINE: who gave LINE to patch IDX, and on which mail.
givers() {
	awk -F'\t' -v idx="$1" -v t="$2" '$1 == "trailer" && $2 == idx && $5 == t {
		printf "%s%s, on %s", (n++ ? "; " : ""), $6, $4 }' "$TMP/list.tsv"
}

# added ORIG NEW: the lines NEW adds to ORIG; fails if it removes any.
added() {
	local d
	d=$(diff --unchanged-line-format= --old-line-format='-%L' --new-line-format='+%L' "$1" "$2" || true)
	! grep -q '^-' <<<"$d" || return 1
	sed -n 's/^+//p' <<<"$d"
}

# collect: the replies' trailers, as trailers.py lists them, into
# $TMP/list.tsv; a thread it refuses stops here.
collect() {
	local rc=0
	ours >"$TMP/ours.tsv"
	"$PY" "$REPO/scripts/trailers.py" "$MBOX" "$TMP/ours.tsv" >"$TMP/list.tsv" 2>"$TMP/py.err" || rc=$?
	if ((rc != 0)); then
		cat "$TMP/py.err" >>"$LOG"
		tail -n +2 "$TMP/py.err" | sed 's/^trailers: /  also: /' >&2
		die "$rc" "$(head -n1 "$TMP/py.err" | sed 's/^trailers: //')"
	fi
	IFS=$'\t' read -r _ REV NPOSTED TITLE _ NREPLIES <"$TMP/list.tsv"
	msg "v$REV of '$TITLE' ($NPOSTED patch(es)) in $MBOX: $NREPLIES repl(y/ies) to it"
}

# b4_update: b4 trailers -u on a copy of the view (the view itself
# follows series/), exported as patch files into $NEW.
b4_update() {
	cp -a "$VIEW_DIR" "$TMP/view"
	VIEW_DIR=$TMP/view
	in_view git config --get "branch.$VIEW_BRANCH.b4-tracking" >/dev/null ||
		b4_log prep --enroll z3s/base ||
		die "$EX_SETUP" "b4 prep --enroll failed; log: $LOG"
	collect
	b4_log trailers -u -m "$MBOX" ||
		die "$EX_SETUP" "b4 trailers -u failed: $(grep -m1 '^CRITICAL: ' "$LOG" || echo 'see the log'); log: $LOG"
	NEW=$TMP/new
	"$REPO/scripts/export.sh" --quiet --from "$VIEW_DIR" --base "$VIEW_BASE" \
		--output "$NEW" "refs/heads/$VIEW_BRANCH" >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "export of b4's branch failed; log: $LOG"
}

# report: per patch, the lines it gains and who gave them; a patch that
# changed since it was posted keeps its file unless FORCE=yes. Sets
# CHANGED (the patches that gain lines), STALE and ADDED (a line count).
report() {
	local i p state lines t from
	CHANGED=() STALE=() ADDED=0
	for i in "${!PATCHES[@]}"; do
		p=${PATCHES[i]}
		state=ok
		[[ -z $(rows $((i + 1)) changed) ]] || state=changed
		if [[ $state == changed && ${FORCE:-} != yes ]]; then
			STALE+=("$i")
			cp "$SERIES_DIR/$p" "$NEW/$p"
		fi
		lines=$(added "$SERIES_DIR/$p" "$NEW/$p") ||
			die "$EX_FAIL" "$p: b4's branch exported differs from series/ by more than added lines (diff $SERIES_DIR/$p against it); nothing written; log: $LOG"
		[[ -n $lines ]] || continue
		CHANGED+=("$p")
		printf '%s%s\n' "$p" "$([[ $state == ok ]] || echo ' (changed since posted; FORCE=yes)')"
		while IFS= read -r t; do
			from=$(givers $((i + 1)) "$t")
			[[ -n $from ]] ||
				die "$EX_FAIL" "$p: b4 added '$t', which no reply in $MBOX gave it; nothing written; log: $LOG"
			printf '    + %s   (%s)\n' "$t" "$from"
			ADDED=$((ADDED + 1))
		done <<<"$lines"
	done
}

# report_apart: the trailers left out, each kind under its reason.
report_apart() {
	local i p on t from
	if [[ ${#STALE[@]} -gt 0 ]]; then
		echo "not added: the patch changed since v$REV was posted (patch-id differs; FORCE=yes adds them):"
		for i in "${STALE[@]}"; do
			p=${PATCHES[i]}
			# Those it has already are not news.
			rows $((i + 1)) changed | while IFS=$'\t' read -r _ _ _ on t from; do
				grep -qxF -- "$t" "$SERIES_DIR/$p" ||
					printf '    %s: %s   (%s, on %s)\n' "$p" "$t" "$from" "$on"
			done
		done
	fi
	if [[ -n $(rows 0 unmatched) ]]; then
		echo "not added: given to a posted patch that series/ no longer has (by subject or patch-id):"
		rows 0 unmatched | awk -F'\t' '{ printf "    %s   (%s, on %s)\n", $5, $6, $4 }'
	fi
	if [[ -n $(rows 0 mismatch) ]]; then
		echo "not added: the trailer names someone else than the reply's sender (b4 leaves those out):"
		rows 0 mismatch | awk -F'\t' '{ printf "    %s   (from %s)\n", $5, $6 }'
	fi
}

# write_series: the changed patch files into series/, each replaced whole,
# all written aside first.
write_series() {
	local p
	for p in "${CHANGED[@]}"; do
		cp "$NEW/$p" "$SERIES_DIR/.$p.tmp"
	done
	for p in "${CHANGED[@]}"; do
		mv "$SERIES_DIR/.$p.tmp" "$SERIES_DIR/$p"
	done
}

main() {
	no_args "$@"
	need_branch
	mkdir -p "$LOGS"
	: >"$LOG"
	yes_or_no APPLY "${APPLY:-}"
	yes_or_no FORCE "${FORCE:-}"
	[[ -n ${MBOX:-} || -n ${MSGID:-} ]] ||
		die "$EX_SETUP" "MBOX=FILE needed: the thread of the posting as saved (the series and the replies); or MSGID=ID to fetch it with b4"
	if [[ -n ${MBOX:-} ]]; then
		MBOX=$(abspath "$MBOX")
		[[ -f $MBOX && -r $MBOX ]] || die "$EX_SETUP" "MBOX=$MBOX: no such file"
	fi
	read_series
	DEPS_EXTRA="b4 ${DEPS_EXTRA:-}" "$REPO/scripts/deps.sh" check >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(tail -n1 "$LOG" | sed 's/^deps: //')"
	forward_local_config
	[[ -n $(user_git config --get user.name || true) && -n $(user_git config --get user.email || true) ]] ||
		die "$EX_SETUP" "git user.name and user.email are not set; b4 trailers needs them (git config --global user.name ...)"

	lock_views
	Z3S_VIEW_LOCKED=1 "$REPO/scripts/git-view.sh" >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(grep -E '^(git-view|base): ' "$LOG" | tail -n1)"
	# shellcheck source=/dev/null
	source "$OUT/view.env"
	TMP=$(mktemp -d "$OUT/.trailers.XXXXXX")
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -rf '$TMP'" EXIT
	[[ -z ${MSGID:-} || -n ${MBOX:-} ]] || fetch_thread "$MSGID"

	b4_update
	report
	report_apart >"$TMP/apart"
	cat "$TMP/apart"
	if ((ADDED == 0)); then
		msg "nothing to add to series/ from $NREPLIES repl(y/ies)$([[ ! -s $TMP/apart ]] || echo '; the trailers above are left out')"
		return 0
	fi
	if [[ ${APPLY:-} != yes ]]; then
		msg "dry run: would add $ADDED line(s) to ${#CHANGED[@]} patch(es); APPLY=yes writes them into series/"
		return 0
	fi
	write_series
	msg "added $ADDED line(s) to ${#CHANGED[@]} patch(es) of series/; make check's last record no longer matches: run make check before make send"
}

main "$@"
