# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# How make send runs git and b4: the git configuration b4 gets (the
# array CONF of send.sh, passed as GIT_CONFIG_COUNT/KEY/VALUE so that it
# outranks every config file), the user's sendemail settings as b4 reads
# them, and the lock on the views. Needs lib/common.sh and send.sh's
# settings (CONF, VIEW_DIR, LOG). Sourcing only defines functions.

# forward_local_config: sendemail.* and user.* from this repo's own
# .git/config reach b4 too (b4 runs in the view, another repository).
forward_local_config() {
	local entry
	while IFS= read -r -d '' entry; do
		CONF+=("${entry%%$'\n'*}" "${entry#*$'\n'}")
	done < <(git -C "$REPO" config --local -z --get-regexp '^(sendemail|user)\.' 2>/dev/null || true)
}

# with_conf [-c KEY VALUE]... CMD...: CMD with CONF, and each KEY VALUE
# after it, as git configuration.
with_conf() {
	local conf=("${CONF[@]}") i n=0 vars=(PAGER=cat GIT_PAGER=cat)
	while [[ $1 == -c ]]; do
		conf+=("$2" "$3")
		shift 3
	done
	for ((i = 0; i < ${#conf[@]}; i += 2)); do
		vars+=("GIT_CONFIG_KEY_$n=${conf[i]}" "GIT_CONFIG_VALUE_$n=${conf[i + 1]}")
		n=$((n + 1))
	done
	env "${vars[@]}" "GIT_CONFIG_COUNT=$n" "$@"
}

# user_git ARGS: git config as b4 will read it, outside any repository.
user_git() { (cd / && with_conf git "$@"); }
# in_view [-c KEY VALUE]... CMD...: CMD in the view, as b4 runs there.
in_view() { (cd "$VIEW_DIR" && with_conf "$@"); }
# b4_log ARGS: b4 in the view, offline, its output in the log.
b4_log() { in_view b4 --offline-mode "$@" >>"$LOG" 2>&1 </dev/null; }

# sendemail KEY: git's sendemail.KEY as b4 reads it (b4.sendemail-identity
# picks a sendemail.IDENTITY.KEY first).
sendemail() {
	local id
	id=$(user_git config --get b4.sendemail-identity || true)
	[[ -z $id ]] || user_git config --get "sendemail.$id.$1" || user_git config --get "sendemail.$1" || true
	[[ -n $id ]] || user_git config --get "sendemail.$1" || true
}

# smtp_server: where b4 would send through (host[:port] or a program),
# empty when nothing is set.
smtp_server() {
	local server port
	server=$(sendemail smtpserver)
	port=$(sendemail smtpserverport)
	[[ -z $server ]] || printf '%s%s\n' "$server" "${port:+:$port}"
}

lock_views() {
	mkdir -p "$CACHE/send"
	exec {LOCK_FD}>"$CACHE/send/.lock"
	flock -w 600 "$LOCK_FD" ||
		die "$EX_SETUP" "another make send is using $CACHE/send (lock $CACHE/send/.lock)"
}
