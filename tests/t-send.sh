#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# make send end to end, against a fake kernel tree and a real SMTP server
# (python3-aiosmtpd) that this test starts on 127.0.0.1 and stops: the git
# view and its export (byte for byte), the dry run, every refusal (nothing
# sent, nothing lost), a reflect, a real b4 send, b4 am and git am of what
# the server received (same tree as quilt, same patches as series/), a v2
# repost with changelog and range-diff, a branch edited in git, and KSRC
# as a git checkout. b4 runs with --offline-mode; as root the whole test
# runs in a private network namespace that has only loopback. Prints TAP.
set -euo pipefail
# Long: a list of cases on one series as it is sent and rerolled; helpers in tests/mail-world.sh.

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=mail-world.sh
source "$REPO/tests/mail-world.sh"

# --- the fake base tree, and a 3-patch series made by git format-patch, as
# a maintainer makes it
mail_suite send "$@"
in_case() { in_mail "$@"; }

# subject_of MAIL: its Subject, unfolded.
subject_of() {
	awk '/^$/ { exit } /^[ \t]/ { if (on) { sub(/^[ \t]+/, " "); s = s $0 } next }
		{ on = 0 } /^Subject: / { on = 1; s = substr($0, 10) } END { print s }' "$1"
}

view_env() {
	# shellcheck source=/dev/null
	source "$OUTD/view.env"
}
before_ksrc=$(tree_sum "$KSRC_DIR")

# --- the mail listing's headers, RFC 2047 decoded, on canned mails ----------
CANNED="$SCRATCH/canned mails"
mkdir -p "$CANNED"
cat >"$CANNED/1.eml" <<'EOF'
From: =?UTF-8?q?Zo=C3=AB_Maintainer?= <zoe@example.org>
Subject: [PATCH 6.1.y 1/3] mm/z3fold: =?UTF-8?q?count_the_pag?=
 =?UTF-8?q?es_=E2=80=94_by_addition?=
To: stable@vger.kernel.org
Cc: =?utf-8?b?Wm/DqyBUZXN0ZXI=?= <zoe.tester@example.org>,
	Sam Author <sam@example.org>

The body is not read.
EOF
printf 'Subject: plain ASCII,\n  folded\n\nNo To:, no Cc:.\n' >"$CANNED/2.eml"
want_headers='  1.eml
      Subject: [PATCH 6.1.y 1/3] mm/z3fold: count the pages — by addition
      To: stable@vger.kernel.org
      Cc: Zoë Tester <zoe.tester@example.org>, Sam Author <sam@example.org>
  2.eml
      Subject: plain ASCII, folded'
headers=$(cd "$CANNED" && "$PY" "$S/mail-headers.py" 1.eml 2.eml 2>&1) || true
equal "mail-headers.py: encoded words (q and b) decoded, folds joined, missing headers left out" \
	"$headers" "$want_headers"
expect "mail-headers.py: an unreadable mail is named, exit 2" 2 \
	'mail-headers: .*/no such\.eml: No such file' "$PY" "$S/mail-headers.py" "$CANNED/no such.eml"

# --- the git view, and export back ------------------------------------------
t0=$SECONDS
expect "git view: made from a plain tree and 3 patches" 0 'view: .* \+ 3 patch' \
	in_case "$S/git-view.sh"
view_env
assert "git view: 3 commits on the base, one per patch" \
	[ "$(git -C "$VIEW_DIR" rev-list --count "$VIEW_BASE..$VIEW_BRANCH")" == 3 ]
authors=$(git -C "$VIEW_DIR" log --reverse --format='%an <%ae>|%s' "$VIEW_BASE..$VIEW_BRANCH")
want_authors='Zoë Tester <zoe.tester@example.org>|mm/z3fold: count the pages by addition
Sam Author <sam@example.org>|mm/z3fold: add a debug file
Zoë Maintainer <zoe@example.org>|mm/z3fold: say what the factor is'
equal "git view: authors and subjects as in the patches" "$authors" "$want_authors"
mkdir -p "$SCRATCH/base check"
git -C "$VIEW_DIR" archive "$VIEW_BASE" | tar -x -C "$SCRATCH/base check"
assert "git view: the base commit is the base tree, file for file" \
	diff -r --no-dereference "$SCRATCH/base check" "$KSRC_DIR"
tip=$VIEW_TIP
t1=$SECONDS
expect "git view: a second run reuses the base commit" 0 'view: ' in_case "$S/git-view.sh"
view_env
assert "git view: same commits again (deterministic ids)" [ "$VIEW_TIP" == "$tip" ]
if grep -q 'committing the base tree' "$OUTD/logs/git-view.log"; then
	not_ok "git view: warm run did not commit the base again"
else
	ok "git view: warm run did not commit the base again"
fi
echo "# git view: cold $((t1 - t0)) s, warm $((SECONDS - t1)) s (fake tree)"
expect "export --check: the view gives back series/ byte for byte" 0 'byte for byte' \
	in_case "$S/export.sh" --check
expect "export --output: writes the series" 0 'export: 3 patch' \
	in_case "$S/export.sh" --output "$SCRATCH/exported"
same=yes
for f in series "${NAMES[@]}"; do
	cmp -s "$SER/$f" "$SCRATCH/exported/$f" || same="no ($f)"
done
assert "export --output: every file identical to series/ (cmp)" [ "$same" == yes ]

# --- the dry run ---------------------------------------------------------------
start_smtp accept
expect "dry run: 4 mails written" 0 'v1: 4 mail\(s\) in ' in_case "$S/send.sh"
assert "dry run: says nothing was sent" grep -q 'dry run: nothing sent' "$SCRATCH/last.log"
M="$OUTD/send/v1/mails"
subjects=$(for f in "$M"/*.eml; do subject_of "$f"; done)
want_subjects='[PATCH 6.1.y 0/3] mm/z3fold: {{FILL: what the series does, in the imperative, under 60 chars}}
[PATCH 6.1.y 1/3] mm/z3fold: count the pages by addition
[PATCH 6.1.y 2/3] mm/z3fold: add a debug file
[PATCH 6.1.y 3/3] mm/z3fold: say what the factor is'
equal "dry run: subjects numbered 0/3..3/3 with the 6.1.y prefix" "$subjects" "$want_subjects"
assert "dry run: every mail To: stable@vger.kernel.org" \
	[ "$(grep -l '^To: stable@vger.kernel.org' "$M"/*.eml | wc -l)" == 4 ]
assert "dry run: get_maintainer.pl's people and lists in Cc:" \
	grep -q 'Zed Reviewer <zed@example.org>' "$M/0000-"*.eml
assert "dry run: the cover letter names the base (version, source, file hashes)" \
	grep -q "^base: 6.1.192 (tree $KSRC_DIR), not a git commit" "$M/0000-"*.eml
# shellcheck disable=SC2016 # expanded by the inner shell
assert "dry run: no base-commit: for a plain tree" \
	bash -c '! grep -q "^base-commit:" "$1"/0000-*.eml' _ "$M"
assert "dry run: placeholders are announced" grep -q 'placeholder(s) left, first at series/cover-letter:' "$SCRATCH/last.log"
assert "dry run: so is the missing make check" grep -q 'make check has not run' "$SCRATCH/last.log"
assert "dry run: the SMTP server received nothing" [ "$(received)" == 0 ]

# --- the dry run against an earlier version of series/ in its git history
git_repo "$SER" "series as it was"
cp "$SER/${NAMES[1]}" "$SCRATCH/patch2.saved"
sed -i 's/^A new file, so the round trip/A new file, so that the round trip/' "$SER/${NAMES[1]}"
expect "COMPARE_TO: the range-diff from the committed series" 0 \
	'range-diff from the series at HEAD: .*compare-range-diff \(3 commit line' \
	in_case env COMPARE_TO=HEAD "$S/send.sh"
assert "COMPARE_TO: the reworded patch is the one that changed" \
	grep -Eq '^ *2: +[0-9a-f]+ ! +2: ' "$OUTD/send/v1/compare-range-diff"
expect "COMPARE_TO: a revision the repository lacks is named" 2 \
	'COMPARE_TO=no-such-rev: no such commit' in_case env COMPARE_TO=no-such-rev "$S/send.sh"
cp "$SCRATCH/patch2.saved" "$SER/${NAMES[1]}"
rm -rf "$SER/.git"

# --- refusals: nothing sent, nothing lost ------------------------------------------
expect "refused: no make check, and (also:) a placeholder" 1 \
	'refused: make check has not run.*nothing sent' in_case env SEND=yes "$S/send.sh"
assert "refused: the other shut gates listed too" \
	grep -q 'also: placeholder left at series/cover-letter:[0-9]' "$SCRATCH/last.log"
pass_check
expect "refused: a placeholder left in the cover letter" 1 \
	'refused: placeholder left at series/cover-letter:[0-9]+ \([0-9]+ in all\).*nothing sent' \
	in_case env SEND=yes "$S/send.sh"
fill_cover
pass_check fail
expect "refused: the last make check failed" 1 \
	'refused: the last make check of this series failed.*nothing sent' \
	in_case env SEND=yes "$S/send.sh"
pass_check pass no
expect "refused: the last make check passed without WIDE=yes" 1 \
	'refused: the last make check passed without the wide stages \(xbuild, kcsan\); run make check WIDE=yes, then send.*nothing sent' \
	in_case env SEND=yes "$S/send.sh"
pass_check
printf '\n' >>"$SER/${NAMES[1]}"
expect "refused: series/ changed since make check" 1 \
	'refused: series/ changed since the last make check.*nothing sent' \
	in_case env SEND=yes "$S/send.sh"
truncate -s -1 "$SER/${NAMES[1]}"
printf '%s\n' 'z3fold-series maintainer <z3fold-series@example.org>' >"$SER/identity"
pass_check
expect "refused: the series is still from the role identity" 1 \
	'refused: the series is from the role identity .*make identity; nothing sent' \
	in_case env SEND=yes "$S/send.sh"
rm "$SER/identity"
pass_check
nosend="$SCRATCH/home/no-sendemail.gitconfig"
printf '[user]\n\tname = Zoë Maintainer\n\temail = zoe@example.org\n' >"$nosend"
expect "refused: no sendemail configuration" 1 \
	'refused: no git sendemail configuration.*nothing sent' \
	in_case env SEND=yes GIT_CONFIG_GLOBAL="$nosend" "$S/send.sh"
assert "refusals: the SMTP server received nothing" [ "$(received)" == 0 ]
stop_smtp
before_fail=$(tree_sum "$SER")
expect "SMTP server down: clear error, nothing sent" 1 \
	'cannot connect to the mail server: .*Connection refused.*nothing was sent' \
	in_case env SEND=yes "$S/send.sh"
start_smtp refuse
expect "SMTP server refusing: clear error, nothing sent" 1 \
	'b4 send failed: .*SMTPRecipientsRefused.*nothing was sent' \
	in_case env SEND=yes "$S/send.sh"
stop_smtp
view_env
# shellcheck disable=SC2016 # expanded by the inner shell
assert "failures: no sent/ tag, b4 still at v1, the mails kept" \
	bash -c '! git -C "$1" rev-parse -q --verify refs/tags/sent/series-send-v1 >/dev/null &&
		[ -n "$(ls "$2")" ]' _ "$VIEW_DIR" "$M"
assert "failures: series/ unchanged" [ "$(tree_sum "$SER")" == "$before_fail" ]

# --- reflect, then the real send ---------------------------------------------------
start_smtp accept
expect "reflect: every mail to the sender only" 0 'reflected v1: 4 mail' \
	in_case env SEND=yes REFLECT=yes "$S/send.sh"
assert "reflect: 4 mails, each to zoe@example.org alone" \
	[ "$(grep -c '> zoe@example.org$' "$ENVLOG")" == 4 -a "$(wc -l <"$ENVLOG")" == 4 ]
# shellcheck disable=SC2016 # expanded by the inner shell
assert "reflect: no sent/ tag" \
	bash -c '! git -C "$1" rev-parse -q --verify refs/tags/sent/series-send-v1' _ "$VIEW_DIR"
stop_smtp
start_smtp accept
expect "send v1: 4 mails through the loopback server" 0 'sent v1: 4 mail' \
	in_case env SEND=yes "$S/send.sh"
assert "send v1: the server received 4 mails" [ "$(received)" == 4 ]
assert "send v1: envelopes to the list, the maintainers and the trailers' people" \
	grep -q 'stable@vger.kernel.org.*zed@example.org\|zed@example.org.*stable@vger.kernel.org' "$ENVLOG"
assert "send v1: b4 tagged sent/series-send-v1" \
	git -C "$VIEW_DIR" rev-parse -q --verify refs/tags/sent/series-send-v1
V1_MBOX="$SCRATCH/v1.mbox"
cp "$MBOX" "$V1_MBOX"

THREAD_CHECK='
import mailbox, re, sys
n = int(sys.argv[2])
msgs = list(mailbox.mbox(sys.argv[1]))
subj = lambda m: re.sub(r"\s+", " ", str(m["subject"]))
covers = [m for m in msgs if re.search(r" 0/%d\] " % n, subj(m))]
assert len(msgs) == n + 1, "%d mails" % len(msgs)
assert len(covers) == 1, "%d cover letters" % len(covers)
cid = covers[0]["message-id"].strip()
seen = []
for m in msgs:
    if m is covers[0]:
        continue
    k = re.search(r" (\d+)/%d\] " % n, subj(m))
    assert k, "not numbered: " + subj(m)
    assert str(m["in-reply-to"]).strip() == cid, subj(m) + " does not reply to the cover letter"
    assert cid in str(m["references"]), subj(m) + " does not reference the cover letter"
    seen.append(int(k.group(1)))
assert sorted(seen) == list(range(1, n + 1)), "numbers %s" % seen
print(cid)
'
if cid=$("$PY" -c "$THREAD_CHECK" "$V1_MBOX" 3 2>"$SCRATCH/thread.log"); then
	ok "threading: patches 1/3..3/3 all reply to the cover letter 0/3"
else
	not_ok "threading: patches 1/3..3/3 all reply to the cover letter 0/3"
	diag <"$SCRATCH/thread.log"
fi

# --- a reviewer: b4 am, git am, compare ----------------------------------------------
REV_REPO="$SCRATCH/reviewer tree"
cp -a "$KSRC_DIR" "$REV_REPO"
git_repo "$REV_REPO" 'the base, as the reviewer has it'
rbase=$(git -C "$REV_REPO" rev-parse HEAD)
b4_am() {
	mkdir -p "$SCRATCH/am"
	(cd "$REV_REPO" && env GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=b4.attestation-policy \
		GIT_CONFIG_VALUE_0=off b4 --offline-mode am -m "$V1_MBOX" -o "$SCRATCH/am" -n v1)
}
expect "b4 am: the received mbox gives one mbx of 3 patches" 0 'Total patches: 3' b4_am
assert "git am: the mbx applies to the reviewer's base" \
	git -C "$REV_REPO" am -q "$SCRATCH/am/v1.mbx"
# shellcheck disable=SC2016 # expanded by the inner shell
TREE_DIR=$(in_case bash -c 'source "$1/lib/common.sh" && lib_init series && echo "$TREE"' _ "$S")
in_case "$S/apply.sh" --quiet
assert "round trip: the tree equals the quilt-applied tree" \
	diff -r --no-dereference -x .git -x .pc -x '.z3s-*' "$REV_REPO" "$TREE_DIR"
expect "round trip: export of the reviewer's commits" 0 'export: 3 patch' \
	in_case "$S/export.sh" --from "$REV_REPO" --base "$rbase" --output "$SCRATCH/am export"
diffs=''
for f in "${NAMES[@]}"; do
	d=$(diff <(grep -v '^Date: ' "$SER/$f") <(grep -v '^Date: ' "$SCRATCH/am export/$f") || true)
	[[ -z $d ]] || diffs+="$f: $d"$'\n'
done
if [[ -z $diffs ]]; then
	ok "round trip: patches equal series/ in content, authorship and trailers (Date is the mail's)"
else
	not_ok "round trip: patches equal series/ in content, authorship and trailers (Date is the mail's)"
	diag <<<"$diffs"
fi

# --- v2: reroll, changelog, range-diff ---------------------------------------------------
expect "reroll: series/revision moves to v2" 0 'series/revision is now v2' in_case "$S/reroll.sh"
assert "reroll: series/revision says v2" grep -qx v2 "$SER/revision"
cid=${cid#<}
assert "reroll: the changelog links to v1's cover letter" \
	grep -qF "Link to v1: https://lore.kernel.org/r/${cid%>}" "$SER/changelog"
assert "reroll: the new section comes first, under the comment block" \
	[ "$(grep -v '^#' "$SER/changelog" | sed -n 1p)" == 'Changes in v2:' ]
sed -i 's/^- {{FILL: what changed since v1.*/- mm\/z3fold: add a debug file: say why in the message/' "$SER/changelog"
sed -i 's/^A new file, so the round trip/A new file, so that the round trip/' "$SER/${NAMES[1]}"
expect "v2: refused while a patch changed after make check" 1 'refused: series/ changed' \
	in_case env SEND=yes "$S/send.sh"
pass_check
stop_smtp
start_smtp accept
expect "v2: sent" 0 'sent v2: 4 mail' in_case env SEND=yes "$S/send.sh"
cover2=$(awk '/^From /{n++} n==1' "$MBOX")
assert "v2: subjects say v2" grep -q '^Subject: \[PATCH 6.1.y v2 0/3\]' <<<"$cover2"
assert "v2: the cover letter carries the changelog" grep -q '^Changes in v2:' <<<"$cover2"
assert "v2: and the range-diff against v1" grep -q '^Range-diff against v1:' <<<"$cover2"
if grep -qE '^ *2: +[0-9a-f]+ ! +2: +[0-9a-f]+ mm/z3fold: add a debug file' <<<"$cover2"; then
	ok "v2: the range-diff marks patch 2 as changed"
else
	not_ok "v2: the range-diff marks patch 2 as changed"
	sed -n '/Range-diff/,$p' <<<"$cover2" | head -n 12 | diag
fi
expect "v2 again: refused, v2 went out already" 1 'refused: v2 was sent already.*make reroll' \
	in_case env SEND=yes "$S/send.sh"
stop_smtp

# --- a branch edited in git -----------------------------------------------------------------
view_env
git -C "$VIEW_DIR" -c user.name=Editor -c user.email=ed@example.org \
	commit -q --amend -m 'mm/z3fold: say what the factor is

Name the factor where the function starts, edited in git.

Signed-off-by: Zoë Maintainer <zoe@example.org>'
expect "edited in git: the view will not drop the commit" 2 'has commits that series/ does not.*make export' \
	in_case "$S/git-view.sh"
expect "edited in git: export writes it into series/" 0 'export: 3 patch.*1 written' \
	in_case "$S/export.sh"
assert "edited in git: series/ has the new message" grep -q 'edited in git' "$SER/${NAMES[2]}"
expect "edited in git: then the view follows series/ again" 0 'view: ' in_case "$S/git-view.sh"
git -C "$VIEW_DIR" -c user.name=Editor -c user.email=ed@example.org \
	commit -q --amend -m 'mm/z3fold: a change to throw away'
expect "edited in git: VIEW_RESET=1 drops it, kept under refs/z3s/dropped/" 0 \
	'kept as refs/z3s/dropped/' in_case env VIEW_RESET=1 "$S/git-view.sh"
assert "edited in git: the dropped commit is still there" grep -q 'a change to throw away' \
	<<<"$(git -C "$VIEW_DIR" log --format=%s --glob='refs/z3s/dropped/*')"

# --- one patch: no cover letter mail, its text goes under the patch's ---
SER1="$SCRATCH/series one"
mkdir -p "$SER1"
cp "$SER/${NAMES[0]}" "$SER/BASE" "$SER/revision" "$SER/changelog" "$SER1/"
sed -i 's/^v[0-9]*$/v1/' "$SER1/revision"
fill_cover
cp "$SER/cover-letter" "$SER1/cover-letter"
printf '%s\n' "${NAMES[0]}" >"$SER1/series"
OUT1="$SCRATCH/out one"
# b4 gets the editor that copies the cover letter in; the user's own
# core.editor (here one that fails) must not get in its way.
git config --global core.editor false
expect "one patch: a single mail" 0 'v1: 1 mail\(s\)' \
	env KSRC="$KSRC_DIR" SERIES="$SER1" O="$OUT1" CACHE="$CACHED" "$S/send.sh" </dev/null
git config --global --unset core.editor
one=$(cat "$OUT1/send/v1/mails/"*.eml)
assert "one patch: subject [PATCH 6.1.y], no numbering" \
	grep -q '^Subject: \[PATCH 6.1.y\] mm/z3fold: count the pages by addition' <<<"$one"
assert "one patch: the cover letter's text under the patch's ---" \
	grep -q '^Ownership rule: the test owns' <<<"$(sed -n '/^---$/,$p' <<<"$one")"
assert "one patch: the base line at the end" grep -q '^base: 6.1.192 ' <<<"$(tail -n 6 <<<"$one")"
in_one() { env KSRC="$KSRC_DIR" SERIES="$SER1" O="$OUT1" CACHE="$CACHED" "$@" </dev/null; }
expect "reroll, v1 never sent: says so" 0 'no record of sending v1 \(tag sent/series-one-v1 ' \
	in_one "$S/reroll.sh"
assert "reroll, v1 never sent: series/revision says v2" grep -qx v2 "$SER1/revision"
assert "reroll, v1 never sent: the link to v1 is a placeholder" \
	grep -qF -- "- Link to v1: {{FILL: the lore link of v1's cover letter}}" "$SER1/changelog"
printf 'v2 # posted\n' >"$SER1/revision"
expect "reroll: keeps series/revision's comment" 0 'now v3' in_one "$S/reroll.sh"
assert "reroll: keeps series/revision's comment (v3 # posted)" grep -qx 'v3 # posted' "$SER1/revision"
printf 'version 3\n' >"$SER1/revision"
before_one=$(tree_sum "$SER1")
expect "reroll: a malformed series/revision is named, exit 2" 2 \
	"series/revision: line 1: want v1, v2, ..., not 'version3'" in_one "$S/reroll.sh"
assert "reroll: nothing written on that error" [ "$(tree_sum "$SER1")" == "$before_one" ]
expect "reroll: takes no argument" 2 "unknown argument '--now'" in_one "$S/reroll.sh" --now

# --- KSRC as a git checkout: the real commit, the user's repo untouched -----------------
GIT_KSRC="$SCRATCH/git linux"
cp -a "$KSRC_DIR" "$GIT_KSRC"
git_repo "$GIT_KSRC" 'Linux 6.1.192 (git)'
git -C "$GIT_KSRC" branch work
head=$(git -C "$GIT_KSRC" rev-parse HEAD)
refs_before=$(git -C "$GIT_KSRC" for-each-ref; git -C "$GIT_KSRC" count-objects)
OUT_GIT="$SCRATCH/out git"
expect "KSRC git: dry run" 0 'dry run: nothing sent' \
	env KSRC="$GIT_KSRC" SERIES="$SER" O="$OUT_GIT" CACHE="$CACHED" "$S/send.sh" </dev/null
assert "KSRC git: base-commit: is the checkout's HEAD" \
	grep -q "^base-commit: $head" "$OUT_GIT/send/v2/mails/0000-"*.eml
assert "KSRC git: the view's base is that commit" \
	grep -q "^VIEW_BASE=$head" "$OUT_GIT/view.env"
assert "KSRC git: the range-diff against v1 spans the change of base" \
	grep -q '^3: .* mm/z3fold: say what the factor is' "$OUT_GIT/send/v2/range-diff"
# A posting with base-commit: lets b4 prep --compare-to make the range-diff.
in_git() { env KSRC="$GIT_KSRC" SERIES="$SER" O="$OUT_GIT" CACHE="$CACHED" "$@" </dev/null; }
expect "KSRC git: send.sh --reroll is make reroll too" 0 'series/revision is now v3' \
	in_git "$S/send.sh" --reroll
sed -i 's/^- {{FILL: what changed since v2.*/- rebased onto the git tree/' "$SER/changelog"
pass_check
cp "$OUTD/last-check" "$OUT_GIT/last-check"
start_smtp accept
expect "KSRC git: v3 sent" 0 'sent v3: 4 mail' in_git env SEND=yes "$S/send.sh"
stop_smtp
in_git "$S/reroll.sh" >/dev/null 2>&1
expect "KSRC git: v4 dry run" 0 'dry run: nothing sent' in_git "$S/send.sh"
assert "KSRC git: b4 prep --compare-to v3 made the range-diff" \
	grep -qE '^1: +[0-9a-f]+ = 1: +[0-9a-f]+ mm/z3fold: count the pages' "$OUT_GIT/send/v4/range-diff"
assert "KSRC git: the checkout's refs, objects and status untouched" \
	[ "$(git -C "$GIT_KSRC" for-each-ref; git -C "$GIT_KSRC" count-objects)" == "$refs_before" \
	-a -z "$(git -C "$GIT_KSRC" status --porcelain)" ]

# --- two stable branches: each cover letter names the other's series ------
BROOT="$SCRATCH/branch root"
OUTBR="$SCRATCH/out branches"
TREE612="$SCRATCH/fake linux 612"
cp -a "$KSRC_DIR" "$TREE612"
sed -i 's/^PATCHLEVEL = 1$/PATCHLEVEL = 12/; s/^SUBLEVEL = 192$/SUBLEVEL = 118/' "$TREE612/Makefile"
for b in 6.1.y 6.12.y; do
	mkdir -p "$BROOT/$b"
	cp "$SER"/0*.patch "$SER/series" "$BROOT/$b/"
	printf 'v1\n' >"$BROOT/$b/revision"
	printf '%s\n' "mm/z3fold: the $b self-test series" '' \
		'The stand-in needs three changes on this stable tree too.' '' \
		'The same fixes for the other stable trees:' '@@COMPANIONS@@' '' \
		'Results:' '@@CHECKS@@' '' 'Base: @@BASE@@' >"$BROOT/$b/cover-letter"
done
# inbr BRANCH KSRC CMD...: CMD on branch BRANCH of $BROOT, its base KSRC.
inbr() {
	env -u SERIES SERIES_ROOT="$BROOT" BRANCH="$1" KSRC="$2" O="$OUTBR" CACHE="$CACHED" \
		"${@:3}" </dev/null
}
inbr 6.1.y "$KSRC_DIR" "$S/base.sh" --record >/dev/null 2>&1
inbr 6.12.y "$TREE612" "$S/base.sh" --record >/dev/null 2>&1
expect "branches: make send without BRANCH names the branches, exit 2" 2 \
	'^send: name the series: BRANCH= one of 6\.1\.y 6\.12\.y \(or SERIES=DIR\)$' \
	inbr '' "$KSRC_DIR" "$S/send.sh"
expect "branches: 6.1.y dry run" 0 'dry run: nothing sent' inbr 6.1.y "$KSRC_DIR" "$S/send.sh"
c61=$(cat "$OUTBR/6.1.y/send/v1/mails/0000-"*.eml)
expect "branches: 6.12.y dry run" 0 'dry run: nothing sent' inbr 6.12.y "$TREE612" "$S/send.sh"
c612=$(cat "$OUTBR/6.12.y/send/v1/mails/0000-"*.eml)
assert "branches: each cover letter's subject has its own tree ([PATCH 6.12.y 0/3])" \
	[ "$(grep -c '^Subject: \[PATCH 6.1.y 0/3\] mm/z3fold: the 6.1.y self-test series$' <<<"$c61") $(grep -c '^Subject: \[PATCH 6.12.y 0/3\] mm/z3fold: the 6.12.y self-test series$' <<<"$c612")" == "1 1" ]
assert "branches: the 6.1.y cover letter names the 6.12.y series" \
	grep -qxF '  [PATCH 6.12.y 0/3] mm/z3fold: the 6.12.y self-test series' <<<"$c61"
assert "branches: the 6.12.y cover letter names the 6.1.y series" \
	grep -qxF '  [PATCH 6.1.y 0/3] mm/z3fold: the 6.1.y self-test series' <<<"$c612"
assert "branches: neither names itself as a companion" \
	[ "$(grep -c '^  \[PATCH 6.1.y' <<<"$c61") $(grep -c '^  \[PATCH 6.12.y' <<<"$c612")" == "0 0" ]
assert "branches: the patch mails of 6.12.y are [PATCH 6.12.y N/3]" \
	[ "$(cat "$OUTBR/6.12.y/send/v1/mails/"000[123]-*.eml | grep -c '^Subject: \[PATCH 6.12.y [123]/3\] ')" == 3 ]
sed -i '/@@COMPANIONS@@/d' "$BROOT/6.12.y/cover-letter"
expect "branches: a cover letter without @@COMPANIONS@@: the dry run says a real send refuses" 0 \
	'note: .*/branch root/6\.12\.y/cover-letter names no @@COMPANIONS@@, and the other branches \(6\.1\.y\).*a real send refuses' \
	inbr 6.12.y "$TREE612" "$S/send.sh"

# COMPARE_TO a commit from before the branch dirs: 6.1.y's series was
# series/ itself then.
LAYR="$SCRATCH/layout repo"
mkdir -p "$LAYR/series"
cp "$BROOT/6.1.y/"* "$LAYR/series/"
lgit() { git -C "$LAYR" -c user.name=Layout -c user.email=layout@example.org "$@"; }
lgit init -q
lgit add -A
lgit commit -qm 'the series at series/'
mkdir "$LAYR/series/6.1.y"
(cd "$LAYR" && lgit mv series/0*.patch series/series series/BASE series/revision \
	series/cover-letter series/6.1.y/)
lgit commit -qm 'the series at series/6.1.y/'
expect "branches: COMPARE_TO a commit from before the branch dirs finds the series at series/" 0 \
	'that commit has this series at series/ \(before the branch dirs\)' \
	env -u SERIES SERIES_ROOT="$LAYR/series" BRANCH=6.1.y KSRC="$KSRC_DIR" O="$SCRATCH/out layout" \
	CACHE="$CACHED" COMPARE_TO=HEAD~1 "$S/send.sh" </dev/null
assert "branches: ... and its range-diff has the three patches, unchanged" \
	[ "$(grep -cE '^[0-9]+: +[0-9a-f]+ = [0-9]+: ' "$SCRATCH/out layout/6.1.y/send/v1/compare-range-diff")" == 3 ]

assert "the base tree is byte-identical after every case" [ "$(tree_sum "$KSRC_DIR")" == "$before_ksrc" ]
finish
