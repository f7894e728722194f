# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# make send's steps in b4: the b4 branch enrolled and given its cover
# letter, why b4 failed (from its log), the mails b4 made listed and their
# thread checked, and the real send. Needs lib/common.sh, lib/series.sh,
# lib/send.sh, lib/cover.sh, lib/b4-env.sh and send.sh's settings (LOG,
# PY, MODE, PREFIXES, SERVER, OUT). Sourcing only defines functions.

# enroll: the view's branch becomes b4's (b4 prep --enroll), once.
enroll() {
	in_view git config --get "branch.$VIEW_BRANCH.b4-tracking" >/dev/null && return
	b4_log prep --enroll z3s/base ||
		die "$EX_SETUP" "b4 prep --enroll failed: $(b4_reason 0); log: $LOG"
}

# set_cover N FILE: revision, prefixes and cover letter of the b4 branch.
set_cover() {
	local n=$1 file=$2 q
	cover_template >"$VIEW_DIR/.git/z3s-cover-template"
	in_view git config b4.prep-cover-template "$VIEW_DIR/.git/z3s-cover-template"
	# b4 --edit-cover runs the editor on a temporary file: copy ours in.
	q=${file//\'/\'\\\'\'}
	in_view -c core.editor "cp -- '$q'" b4 --offline-mode prep --force-revision "$n" \
		--set-prefixes "$PREFIXES" --edit-cover >>"$LOG" 2>&1 </dev/null ||
		die "$EX_SETUP" "b4 prep failed: $(b4_reason 0); log: $LOG"
}

# b4_reason FROM: why b4 failed, from the log lines after line FROM.
b4_reason() {
	tail -n +"$(($1 + 1))" "$LOG" | awk '
		/Failed to configure the smtp connection/ { conn = 1; next }
		conn == 1 { r = "cannot connect to the mail server: " $0; conn = 2; next }
		/^CRITICAL: / && r == "" { r = substr($0, 11) }
		/^[A-Za-z_.]*(Error|Exception|Refused)[A-Za-z]*: / { r = $0 }
		END { print (r == "" ? "see the log" : r) }'
}

# delivered FROM: how many mails the failed b4 send handed over, from the
# log lines after line FROM: b4 names each mail as it sends it.
delivered() {
	tail -n +"$(($1 + 1))" "$LOG" | awk '
		/^(Connecting to|Sending via|Reflecting via) / { on = 1; k = 0; next }
		on && /^  \[PATCH/ { k++ }
		END { print (k > 0 ? k - 1 : 0) }'
}

# header_of FILE NAME: one mail header, unfolded.
header_of() {
	awk -v want="$2" '
		/^$/ { exit }
		/^[ \t]/ { if (on) { sub(/^[ \t]+/, " "); val = val $0 } next }
		{ if (on) exit
		  i = index($0, ":"); on = (tolower(substr($0, 1, i - 1)) == tolower(want))
		  if (on) { val = substr($0, i + 1); sub(/^ /, "", val) } }
		END { print val }' "$1"
}

# list_mails DIR: print each mail's subject and recipients, and check the
# thread: a cover letter 0/N and patches 1/N..N/N replying to it.
list_mails() {
	local dir=$1 f mails cover k=0 total subj
	mapfile -t mails < <(find "$dir" -maxdepth 1 -name '*.eml' -printf '%f\n' | sort)
	total=${#PATCHES[@]}
	# Names and subjects as people read them (RFC 2047 decoded).
	(cd "$dir" && "$PY" "$REPO/scripts/mail-headers.py" "${mails[@]}") ||
		die "$EX_FAIL" "cannot list the mails in $dir"
	if ((total == 1)); then
		[[ ${#mails[@]} -eq 1 ]] ||
			die "$EX_FAIL" "b4 made ${#mails[@]} mails for 1 patch (want 1, the cover letter under its ---); mails: $dir"
		return
	fi
	[[ ${#mails[@]} -eq $((total + 1)) ]] ||
		die "$EX_FAIL" "b4 made ${#mails[@]} mails for $total patches (want $((total + 1))); mails: $dir"
	cover=$(header_of "$dir/${mails[0]}" Message-Id)
	for f in "${mails[@]}"; do
		subj=$(header_of "$dir/$f" Subject)
		[[ $subj == *" $(printf '%0*d' ${#total} "$k")/$total] "* ]] ||
			die "$EX_FAIL" "mail $f is not numbered $k/$total: '$subj'; mails: $dir"
		if ((k > 0)); then
			[[ $(header_of "$dir/$f" In-Reply-To) == "$cover" ]] ||
				die "$EX_FAIL" "mail $f does not reply to the cover letter $cover; mails: $dir"
		fi
		k=$((k + 1))
	done
}

# real_send N MAILS: b4 send, to the recipients or (REFLECT) to yourself.
real_send() {
	local n=$1 count=$2 from mark rc=0 args=(send) tag=sent/$VIEW_NAME-v$1 msgid
	[[ $MODE != reflect ]] || args+=(--reflect)
	if [[ -z $(user_git config --get patatt.signingkey || true) &&
		-z $(user_git config --get user.signingkey || true) ]]; then
		args+=(--no-sign)
		note "the mails are not signed: no patatt key (patatt genkey) nor user.signingkey"
	fi
	from=$(user_git config --get sendemail.from || user_git config --get user.email)
	msg "sending v$n ($count mail(s)) through $SERVER $([[ $MODE == reflect ]] && echo "to $from only (reflect)" || echo 'to the recipients above')"
	mark=$(wc -l <"$LOG")
	if [[ -t 0 ]]; then
		# b4 shows the recipients and asks; its answer is the last word.
		in_view b4 --offline-mode "${args[@]}" > >(tee -a "$LOG") 2>&1 || rc=$?
	else
		# SEND=yes was the answer already.
		in_view b4 --offline-mode "${args[@]}" <<<'' > >(tee -a "$LOG" | sed 's/^/    /') 2>&1 || rc=$?
	fi
	wait
	if ((rc != 0)); then
		local k
		k=$(delivered "$mark")
		if ((k > 0)); then
			k="$k of $count mail(s) went out before the failure"
		else
			k="nothing was sent"
		fi
		((rc != 130)) || die "$EX_FAIL" "send aborted at b4's prompt; nothing was sent"
		die "$EX_FAIL" "b4 send failed: $(b4_reason "$mark"); $k; series/ and b4's state are unchanged, the mails are in $OUT/send/v$n/mails; log: $LOG"
	fi
	if [[ $MODE == reflect ]]; then
		msg "reflected v$n: $count mail(s) to $(user_git config --get sendemail.from || user_git config --get user.email) only; nobody else got them"
		return
	fi
	msgid=$(in_view git config --get "branch.$VIEW_BRANCH.b4-tracking" |
		grep -o "\"v$n\": \\[[^]]*" | grep -o '"[^"]*"$' | tr -d '"' || true)
	printf '%s v%d sent, cover letter <%s>\n' "$(date -u +%FT%TZ)" "$n" "$msgid" >>"$OUT/send/v$n/sent"
	msg "sent v$n: $count mail(s); b4 tagged $tag in $VIEW_DIR; Message-Id <$msgid>"
	msg "for v$((n + 1)): make reroll, change series/, write $SERIES_LABEL/changelog, make check, make send"
}
