#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make trailers end to end: the 3-patch series of the mail tests sent
# through the loopback SMTP server (tests/smtp-sink.py), reviewers'
# replies added to the mbox it received (to the cover letter and to
# patch 2), then scripts/trailers.sh: the dry run's listing, the exact
# lines APPLY=yes adds to each patch, make check's record voided, a patch
# changed since posting (left out, FORCE=yes), and every bad input (no
# replies, another series, a malformed trailer, the sender's own, ...)
# refused with nothing written. b4 runs offline; as root in a private
# network namespace. Prints TAP.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=mail-world.sh
source "$REPO/tests/mail-world.sh"
mail_suite trailers "$@"
before_ksrc=$(tree_sum "$KSRC_DIR")
MBOXES="$SCRATCH/mboxes"
mkdir -p "$MBOXES"
reply() { "$PY" "$REPO/tests/mbox.py" reply "$@"; }

# trailers [VAR=VALUE...]: make trailers on the series, its listing
# (stdout) in $SCRATCH/listing, everything in $SCRATCH/last.log.
trailers() {
	local rc=0
	in_mail env "$@" "$S/trailers.sh" >"$SCRATCH/listing" 2>"$SCRATCH/stderr" || rc=$?
	cat "$SCRATCH/listing" "$SCRATCH/stderr" >"$SCRATCH/last.log"
	return "$rc"
}
# refused NAME CODE PATTERN MBOX [VAR=VALUE...]: make trailers exits CODE
# with PATTERN as its last line, and series/ is left as it was.
refused() {
	local name=$1 code=$2 pattern=$3 mbox=$4 before
	shift 4
	before=$(tree_sum "$SER")
	expect "$name" "$code" "$pattern" trailers MBOX="$mbox" APPLY=yes "$@"
	assert "$name: one line, the last" grep -qE -- "$pattern" <(tail -n1 "$SCRATCH/last.log")
	assert "$name: series/ unchanged" [ "$(tree_sum "$SER")" == "$before" ]
}
# added PATCH: the lines series/PATCH gained since $SCRATCH/before/PATCH;
# "REMOVED" for each line it lost.
added() {
	diff --unchanged-line-format= --old-line-format='REMOVED %L' --new-line-format='%L' \
		"$SCRATCH/before/$1" "$SER/$1" || true
}

# --- v1 goes out through the loopback server; the list's replies come back
fill_cover
pass_check pass
start_smtp accept
expect "send v1: 4 mails through the loopback server" 0 'sent v1: 4 mail' \
	in_mail env SEND=yes "$S/send.sh"
stop_smtp
POSTED="$MBOXES/posted.mbox"
cp "$MBOX" "$POSTED"
THREAD="$MBOXES/thread.mbox"
cp "$POSTED" "$THREAD"
reply "$THREAD" ' 0/3]' 'Rita Reviewer <rita@example.org>' 'The whole series looks right to me.

Acked-by: Rita Reviewer <rita@example.org>'
reply "$THREAD" ' 2/3]' 'Ted Tester <ted@example.org>' 'Ran it here with the debug file in.

Tested-by: Ted Tester <ted@example.org>'
reply "$THREAD" ' 2/3]' 'Zed Reviewer <zed@example.org>' 'Still fine.

Reviewed-by: Zed Reviewer <zed@example.org>'
assert "the thread: 4 posted mails and 3 replies" [ "$(grep -c '^From ' "$THREAD")" == 7 ]
mkdir -p "$SCRATCH/before"
cp "$SER"/*.patch "$SCRATCH/before/"
AS_POSTED="$SCRATCH/as posted"
cp -a "$SCRATCH/before" "$AS_POSTED"
before_ser=$(tree_sum "$SER")
# shellcheck source=/dev/null
view_tip() { (source "$OUTD/view.env" && git -C "$VIEW_DIR" rev-parse "refs/heads/$VIEW_BRANCH"); }
tip=$(view_tip)

# --- the dry run -----------------------------------------------------------------
expect "dry run: 4 lines for 3 patches" 0 'dry run: would add 4 line\(s\) to 3 patch\(es\); APPLY=yes' \
	trailers MBOX="$THREAD"
cat >"$SCRATCH/want" <<EOF
${NAMES[0]}
    + Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
${NAMES[1]}
    + Tested-by: Ted Tester <ted@example.org>   (Ted Tester <ted@example.org>, on 2/3)
    + Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
${NAMES[2]}
    + Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
EOF
same "dry run: each patch, each line, from whom and on which mail" "$SCRATCH/want" cat "$SCRATCH/listing"
assert "dry run: names the revision and the replies" \
	grep -q "v1 of 'mm/z3fold: the self-test series' (3 patch(es)) in .*: 3 repl" "$SCRATCH/stderr"
assert "dry run: series/ unchanged" [ "$(tree_sum "$SER")" == "$before_ser" ]
assert "dry run: the git view's branch unchanged (b4 wrote a copy)" [ "$(view_tip)" == "$tip" ]

# --- APPLY=yes: exactly those lines, make check's record voided --------------------
expect "APPLY=yes: written" 0 'added 4 line\(s\) to 3 patch\(es\) of series/; .*run make check' \
	trailers MBOX="$THREAD" APPLY=yes
assert "APPLY=yes: patch 1 gained the cover letter's Acked-by, nothing else" \
	[ "$(added "${NAMES[0]}")" == 'Acked-by: Rita Reviewer <rita@example.org>' ]
assert "APPLY=yes: patch 2 gained Tested-by and the cover letter's Acked-by, not Zed's Reviewed-by again" \
	[ "$(added "${NAMES[1]}")" == $'Tested-by: Ted Tester <ted@example.org>\nAcked-by: Rita Reviewer <rita@example.org>' ]
assert "APPLY=yes: patch 3 gained the cover letter's Acked-by, nothing else" \
	[ "$(added "${NAMES[2]}")" == 'Acked-by: Rita Reviewer <rita@example.org>' ]
assert "APPLY=yes: patch 3's Acked-by goes above its sender's Signed-off-by (b4's order)" \
	grep -Pzq 'Acked-by: Rita Reviewer <rita@example.org>\nSigned-off-by: Zoë Maintainer <zoe@example.org>\n---' "$SER/${NAMES[2]}"
assert "APPLY=yes: patch 1's goes after the last trailer" \
	grep -Pzq 'Signed-off-by: Zoë Tester <zoe.tester@example.org>\nAcked-by: Rita Reviewer <rita@example.org>\n---' "$SER/${NAMES[0]}"
assert "APPLY=yes: series, BASE, cover letter untouched" \
	cmp -s "$SER/series" <(printf '%s\n' "${NAMES[@]}")
assert "APPLY=yes: make check's series checksum no longer matches \$O/last-check" \
	[ "$(series_sum)" != "$(awk '$1 == "series" { print $2 }' "$OUTD/last-check")" ]
expect "APPLY=yes: so make send refuses until make check runs again" 1 \
	'refused: series/ changed since the last make check' in_mail env SEND=yes "$S/send.sh"
pass_check pass
expect "again: nothing to add, every trailer is in" 0 'nothing to add to series/ from 3 repl\(y/ies\)$' \
	trailers MBOX="$THREAD" APPLY=yes
assert "again: series/ unchanged" [ "$(series_sum)" == "$(awk '$1 == "series" { print $2 }' "$OUTD/last-check")" ]
expect "the git view follows series/ again" 0 'view: ' in_mail "$S/git-view.sh"
expect "export: the view gives series/ back byte for byte" 0 'byte for byte' in_mail "$S/export.sh" --check
applied="$SCRATCH/applied"
cp -a "$SER" "$applied"

# --- a patch that changed since it was posted ---------------------------------------
cp "$AS_POSTED"/*.patch "$SER/"
sed -i 's/^+int z3fold_debug;$/+int z3fold_debug_level;/' "$SER/${NAMES[1]}"
# Through the view and back, as an edit in git would come: the index line
# follows the new content.
in_mail "$S/git-view.sh" >/dev/null 2>&1
in_mail "$S/export.sh" >/dev/null 2>&1
cp "$SER/${NAMES[1]}" "$SCRATCH/before/"
expect "changed patch: the others get theirs" 0 'would add 2 line\(s\) to 2 patch\(es\)' \
	trailers MBOX="$THREAD"
cat >"$SCRATCH/want" <<EOF
${NAMES[0]}
    + Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
${NAMES[2]}
    + Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
not added: the patch changed since v1 was posted (patch-id differs; FORCE=yes adds them):
    ${NAMES[1]}: Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
    ${NAMES[1]}: Tested-by: Ted Tester <ted@example.org>   (Ted Tester <ted@example.org>, on 2/3)
EOF
same "changed patch: its trailers listed apart (not those it has)" "$SCRATCH/want" cat "$SCRATCH/listing"
expect "changed patch: APPLY=yes leaves it out" 0 'added 2 line\(s\) to 2 patch\(es\)' \
	trailers MBOX="$THREAD" APPLY=yes
assert "changed patch: not written" cmp -s "$SER/${NAMES[1]}" "$SCRATCH/before/${NAMES[1]}"
expect "changed patch: FORCE=yes adds them too" 0 'added 2 line\(s\) to 1 patch\(es\)' \
	trailers MBOX="$THREAD" APPLY=yes FORCE=yes
assert "changed patch: FORCE=yes wrote Tested-by and Acked-by into it" \
	[ "$(added "${NAMES[1]}")" == $'Tested-by: Ted Tester <ted@example.org>\nAcked-by: Rita Reviewer <rita@example.org>' ]

# --- a patch series/ no longer has, and a trailer naming someone else --------------
cp "$AS_POSTED"/*.patch "$SER/"
sed -i -e 's/^Subject: \[PATCH\] mm\/z3fold: say what the factor is$/Subject: [PATCH] mm\/z3fold: name the factor/' \
	-e 's/three a page/3 a page/' "$SER/${NAMES[2]}"
in_mail "$S/git-view.sh" >/dev/null 2>&1
in_mail "$S/export.sh" >/dev/null 2>&1
OTHERS="$MBOXES/others.mbox"
cp "$THREAD" "$OTHERS"
reply "$OTHERS" ' 1/3]' 'Ted Tester <ted@example.org>' 'Reviewed-by: Vera Absent <vera@example.org>'
expect "replaced patch, someone else's trailer: a dry run" 0 'would add 3 line\(s\) to 2 patch\(es\)' \
	trailers MBOX="$OTHERS"
cat >"$SCRATCH/want" <<EOF
not added: given to a posted patch that series/ no longer has (by subject or patch-id):
    Acked-by: Rita Reviewer <rita@example.org>   (Rita Reviewer <rita@example.org>, on 0/3)
not added: the trailer names someone else than the reply's sender (b4 leaves those out):
    Reviewed-by: Vera Absent <vera@example.org>   (from Ted Tester <ted@example.org>)
EOF
# shellcheck disable=SC2016 # sed's $, not the shell's
same "replaced patch, someone else's trailer: listed apart, not added" "$SCRATCH/want" \
	sed -n '/^not added/,$p' "$SCRATCH/listing"
assert "replaced patch: it is not in the listing of what is added" \
	[ -z "$(grep -F -- "${NAMES[2]}" "$SCRATCH/listing")" ]
cp "$applied"/*.patch "$SER/"

# --- bad input: one line, non-zero, nothing written ---------------------------------
refused "no replies: refused" 2 "posted.mbox: no replies in it, only the 4 mail\(s\) of v1 'mm/z3fold: the self-test series': nothing to collect" \
	"$POSTED"
OTHER="$SCRATCH/other repo"
cp -a "$KSRC_DIR" "$OTHER"
git_repo "$OTHER" base
printf 'Other tree.\n' >"$OTHER/README"
author_commit "$OTHER" 'Olga Other <olga@example.org>' 'README: say what the tree is

Signed-off-by: Olga Other <olga@example.org>'
git -C "$OTHER" format-patch -q --cover-letter --subject-prefix='PATCH v1' -o "$SCRATCH/other mails" HEAD~1
sed -i 's/\*\*\* SUBJECT HERE \*\*\*/README: a series of its own/' "$SCRATCH/other mails/"0000-*.patch
ANOTHER="$MBOXES/another.mbox"
"$PY" "$REPO/tests/mbox.py" join "$ANOTHER" "$SCRATCH/other mails/"*.patch
reply "$ANOTHER" ' 1/1]' 'Rita Reviewer <rita@example.org>' 'Acked-by: Rita Reviewer <rita@example.org>'
refused "another series: refused" 2 "another.mbox: its series is not this one: v1 'README: a series of its own' \(1 patch\(es\)\) has no patch of series/.*another series" \
	"$ANOTHER"
STRAY="$MBOXES/stray.mbox"
cp "$POSTED" "$STRAY"
reply "$ANOTHER" 'Re: [PATCH v1 1/1]' 'Rita Reviewer <rita@example.org>' 'Acked-by: Rita Reviewer <rita@example.org>'
"$PY" - "$ANOTHER" "$STRAY" <<'EOF'
import mailbox, sys
replies = [m for m in mailbox.mbox(sys.argv[1]) if str(m['subject']).startswith('Re:')]
box = mailbox.mbox(sys.argv[2])
box.add(replies[-1])
box.flush()
EOF
refused "replies to mails not in the file: refused" 2 "stray.mbox: 1 repl\(y/ies\), none to a mail of v1 'mm/z3fold: the self-test series'" \
	"$STRAY"
BAD="$MBOXES/malformed.mbox"
cp "$THREAD" "$BAD"
reply "$BAD" ' 1/3]' 'Zed Reviewer <zed@example.org>' 'Reviewed-by Zed Reviewer <zed@example.org>'
refused "malformed trailer (no colon): refused, named" 1 \
	"malformed.mbox: malformed trailer in the reply of Zed Reviewer <zed@example.org> to 1/3: 'Reviewed-by Zed Reviewer <zed@example.org>' \(want 'Name-by: Full Name <address>'\); nothing written" \
	"$BAD"
cp "$THREAD" "$BAD"
reply "$BAD" ' 3/3]' 'Ted Tester <ted@example.org>' 'Tested-by: ted@example.org'
refused "malformed trailer (no name): refused, named" 1 \
	"malformed trailer in the reply of Ted Tester <ted@example.org> to 3/3: 'Tested-by: ted@example.org'" \
	"$BAD"
OWN="$MBOXES/own.mbox"
cp "$THREAD" "$OWN"
reply "$OWN" ' 1/3]' 'Zoë Maintainer <zoe@example.org>' 'Tested-by: Zoë Maintainer <zoe@example.org>'
refused "the sender's own trailer: refused" 1 \
	"own.mbox: 'Tested-by: Zoë Maintainer <zoe@example.org>' in the reply of Zoë Maintainer <zoe@example.org> to 1/3 is from the series' sender zoe@example.org himself, not a review; nothing written" \
	"$OWN"
refused "no MBOX: refused" 2 'MBOX=FILE needed' ''
refused "an MBOX that does not exist: refused" 2 'MBOX=.*/no such.mbox: no such file' "$MBOXES/no such.mbox"
refused "APPLY=maybe: refused" 2 'APPLY=maybe: APPLY=yes or nothing' "$THREAD" APPLY=maybe
if [[ -n ${Z3S_NETNS:-} ]]; then
	refused "MSGID= without the network: refused, named" 2 'b4 mbox <nowhere@example.org> failed .*give MBOX=FILE' \
		'' MSGID='<nowhere@example.org>'
else
	skip "MSGID= without the network: needs the private network namespace (root)"
fi

assert "the base tree is byte-identical after every case" [ "$(tree_sum "$KSRC_DIR")" == "$before_ksrc" ]
finish
