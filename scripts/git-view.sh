#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/git-view.sh [--help]
#
# The series as a git branch, for b4 (make send) and for maintainers who
# edit in git: a repository whose branch b4/NAME is the base plus one
# commit per patch of series/series, in order. Each commit takes the
# author, date, subject (less its [PATCH ...] tag), body and trailers of
# its patch, as git am would; the committer is the author, so the same
# series always gives the same commit ids.
#
# The base commit:
#   - KSRC a git checkout: its real HEAD commit. The repository borrows the
#     checkout's objects (objects/info/alternates); nothing is written to
#     the checkout, its branches or its index. It must be clean.
#   - the Debian tarball, or any plain tree: one commit of the whole tree,
#     made once per base (a 6.1 tree: about 40 s, under nice -n 19) and
#     kept in $CACHE/git/base-KEY.git.
#
# The repository is $CACHE/send/NAME-KEY: a sparse checkout with no file
# on disk, which keeps b4's state for the series (cover letter, revision,
# the sent/NAME-vN tags of every posting). It is never removed by
# make clean. The branch is only moved when it holds nothing that
# series/ does not: commits made on it in git are refused until they are
# exported (scripts/export.sh) or dropped with VIEW_RESET=1 (kept as
# refs/z3s/dropped/DATE in the repository). Messages are
# cleaned as git am cleans them (git stripspace): a patch whose message
# has trailing blanks or doubled empty lines does not come back byte for
# byte.
#
# To edit in git: in VIEW_DIR (out/view.env), check out the files you
# need (git sparse-checkout set --no-cone /mm/), commit or rebase -i on
# the branch, then make export. Or fetch the branch into your own kernel
# checkout when the base is a git commit, and export from there
# (scripts/export.sh --from).
#
# Writes $O/view.env (VIEW_DIR, VIEW_BRANCH, VIEW_NAME, VIEW_BASE,
# VIEW_TIP) and prints one line naming the repository and the branch.
# Exit: 0 view ready, 2 setup error (a patch git cannot apply, a dirty
# KSRC, a branch with commits not in series/).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

LOG=$LOGS/git-view.log
readonly IMPORT_NAME='z3fold-series base import' IMPORT_EMAIL='z3fold-series@localhost'

# git_quiet: git without the user's global or system config, for the
# plumbing whose output must not depend on it.
git_quiet() { GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null git "$@"; }

# view_name: the b4 branch is b4/NAME; NAME is z3fold-series-BRANCH for a
# branch of this repo's series/ (z3fold-series-6-1-y), else made from the
# series dir's name.
view_name() {
	local n=${SERIES_DIR##*/}
	[[ -z $BRANCH_NAME ]] || n=z3fold-series-$BRANCH_NAME
	n=$(tr -cs 'A-Za-z0-9' - <<<"$n" | tr '[:upper:]' '[:lower:]')
	n=${n#-}
	echo "${n%-}"
}

# base_store: a bare repository holding the tree of a non-git base as one
# commit; made in a temporary dir and renamed, so a killed run never
# leaves a store that looks finished. Sets STORE and BASE_COMMIT.
base_store() {
	local key tmp tree date start
	# shellcheck disable=SC2153 # BASE_ID comes from load_base
	key=$(printf '%s' "$BASE_ID" | sha256sum | cut -c1-12)
	STORE=$CACHE/git/base-$key.git
	if [[ -f $STORE/z3s-base-commit ]]; then
		BASE_COMMIT=$(cat "$STORE/z3s-base-commit")
		git --git-dir="$STORE" cat-file -e "$BASE_COMMIT^{commit}" 2>/dev/null && return
		msg "base store $STORE is damaged; making it again"
	fi
	mkdir -p "$CACHE/git"
	msg "committing the base tree $BASE_DIR once into $STORE (nice -n 19; a 6.1 tree takes about 40 s)"
	start=$SECONDS
	tmp=$(mktemp -d "$CACHE/git/.import.XXXXXX")
	git_quiet init -q --bare "$tmp"
	git_quiet --git-dir="$tmp" config gc.auto 0
	# -f: files the tree's own .gitignore names are part of the base too.
	# The base is only read: the index lives in the store.
	if ! nice -n 19 env GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null \
		GIT_DIR="$tmp" GIT_WORK_TREE="$BASE_DIR" GIT_INDEX_FILE="$tmp/z3s-index" \
		git -c core.looseCompression=1 -c core.autocrlf=false -c core.fsync=none \
		add -A -f . >>"$LOG" 2>&1; then
		rm -rf "$tmp"
		die "$EX_SETUP" "cannot commit the base tree $BASE_DIR; log: $LOG"
	fi
	tree=$(GIT_INDEX_FILE="$tmp/z3s-index" git_quiet --git-dir="$tmp" write-tree)
	rm -f "$tmp/z3s-index"
	# A fixed identity and the date of the tree's Makefile: the same tree
	# gives the same commit id on every machine.
	date="@$(stat -c %Y "$BASE_DIR/Makefile") +0000"
	BASE_COMMIT=$(printf 'Linux %s (%s)\n\nThe base tree of the z3fold series as one commit, made by\nscripts/git-view.sh; not an upstream commit.\n' \
		"$BASE_VERSION" "$BASE_SOURCE" |
		GIT_AUTHOR_NAME=$IMPORT_NAME GIT_AUTHOR_EMAIL=$IMPORT_EMAIL GIT_AUTHOR_DATE=$date \
			GIT_COMMITTER_NAME=$IMPORT_NAME GIT_COMMITTER_EMAIL=$IMPORT_EMAIL GIT_COMMITTER_DATE=$date \
			git_quiet --git-dir="$tmp" commit-tree "$tree")
	git_quiet --git-dir="$tmp" update-ref refs/heads/base "$BASE_COMMIT"
	printf '%s\n' "$BASE_ID" >"$tmp/z3s-base-id"
	printf '%s\n' "$BASE_COMMIT" >"$tmp/z3s-base-commit"
	rm -rf "$STORE"
	mv "$tmp" "$STORE"
	msg "base commit ${BASE_COMMIT:0:12} made in $((SECONDS - start)) s"
}

# git_base: KSRC is a git checkout; its HEAD is the base, its objects are
# borrowed. Sets STORE_OBJECTS and BASE_COMMIT.
git_base() {
	[[ -z $(git -C "$BASE_DIR" status --porcelain -uno 2>/dev/null) ]] ||
		die "$EX_SETUP" "KSRC=$BASE_DIR has uncommitted changes: its commit ${BASE_GIT:0:12} is not the tree make check used; commit or stash them"
	BASE_COMMIT=$BASE_GIT
	STORE_OBJECTS=$(git -C "$BASE_DIR" rev-parse --path-format=absolute --git-path objects)
}

# init_view: the repository b4 works in; once per series.
init_view() {
	local alt=$VIEW_DIR/.git/objects/info/alternates
	if [[ ! -d $VIEW_DIR/.git ]]; then
		mkdir -p "$VIEW_DIR"
		git_quiet init -q "$VIEW_DIR"
		# A sparse checkout matching no file: b4 needs a work tree, the
		# kernel's 78,000 files need not be on disk.
		git -C "$VIEW_DIR" config core.sparseCheckout true
		printf '/.z3s-view-has-no-files\n' >"$VIEW_DIR/.git/info/sparse-checkout"
		# b4's settings for this repository only: the cover letter in the
		# branch description (no cover commit), no web endpoint, and no
		# recipients from the user's global b4 config.
		git -C "$VIEW_DIR" config b4.prep-cover-strategy branch-description
		git -C "$VIEW_DIR" config b4.send-endpoint-web ''
		git -C "$VIEW_DIR" config b4.send-series-to ''
		git -C "$VIEW_DIR" config b4.send-series-cc ''
		git -C "$VIEW_DIR" config b4.attestation-policy off
	fi
	# Every base the series was ever on stays reachable: old sent/ tags
	# (range-diffs of a repost) need them.
	touch "$alt"
	grep -qxF "$STORE_OBJECTS" "$alt" || printf '%s\n' "$STORE_OBJECTS" >>"$alt"
	git -C "$VIEW_DIR" cat-file -e "$BASE_COMMIT^{commit}" 2>/dev/null ||
		die "$EX_SETUP" "base commit ${BASE_COMMIT:0:12} not readable from $VIEW_DIR; log: $LOG"
	git -C "$VIEW_DIR" update-ref refs/heads/z3s/base "$BASE_COMMIT"
}

# header FIELD INFO: a field of git mailinfo's output.
header() { sed -n "s/^$1: //p" "$2" | head -n1; }

# import_series: one commit per patch on the base, through a private
# index (git apply --cached), no work tree. Prints the tip.
import_series() {
	local parent=$BASE_COMMIT idx=$VIEW_DIR/.git/z3s-import.index tmp p
	local author email date subject tree out
	tmp=$(mktemp -d "$VIEW_DIR/.git/z3s-import.XXXXXX")
	GIT_INDEX_FILE=$idx git_quiet -C "$VIEW_DIR" read-tree "$parent"
	for p in "${PATCHES[@]}"; do
		git_quiet -C "$VIEW_DIR" mailinfo -u "$tmp/msg" "$tmp/patch" \
			<"$SERIES_DIR/$p" >"$tmp/info" 2>>"$LOG" ||
			{ rm -rf "$tmp"; die "$EX_SETUP" "$p: git mailinfo cannot read it; log: $LOG"; }
		author=$(header Author "$tmp/info")
		email=$(header Email "$tmp/info")
		date=$(header Date "$tmp/info")
		subject=$(header Subject "$tmp/info")
		local missing=''
		[[ -n $email ]] || missing=From
		[[ -n $date ]] || missing=${missing:+$missing, }Date
		[[ -n $subject ]] || missing=${missing:+$missing, }Subject
		[[ -z $missing ]] ||
			{ rm -rf "$tmp"; die "$EX_SETUP" "$p: no $missing: header; the git view needs git format-patch style patches"; }
		if ! out=$(GIT_INDEX_FILE=$idx git_quiet -C "$VIEW_DIR" apply --cached "$tmp/patch" 2>&1); then
			printf '%s: %s\n' "$p" "$out" >>"$LOG"
			rm -rf "$tmp"
			die "$EX_SETUP" "$p does not apply with git apply: $(head -n1 <<<"$out"); log: $LOG"
		fi
		tree=$(GIT_INDEX_FILE=$idx git_quiet -C "$VIEW_DIR" write-tree)
		# The message as git am makes it: subject, blank line, body.
		{
			printf '%s\n\n' "$subject"
			cat "$tmp/msg"
		} | git stripspace >"$tmp/message"
		parent=$(GIT_AUTHOR_NAME=$author GIT_AUTHOR_EMAIL=$email GIT_AUTHOR_DATE=$date \
			GIT_COMMITTER_NAME=$author GIT_COMMITTER_EMAIL=$email GIT_COMMITTER_DATE=$date \
			git_quiet -C "$VIEW_DIR" commit-tree "$tree" -p "$parent" -F "$tmp/message")
	done
	rm -rf "$tmp" "$idx"
	printf '%s\n' "$parent"
}

# move_branch TIP: point the series branch at TIP, unless it holds work
# that series/ does not have.
move_branch() {
	local tip=$1 ref=refs/heads/$VIEW_BRANCH cur last='' stamp=$VIEW_DIR/.git/z3s-imported
	cur=$(git -C "$VIEW_DIR" rev-parse -q --verify "$ref" || true)
	[[ ! -f $stamp ]] || last=$(cat "$stamp")
	if [[ -n $cur && $cur != "$tip" && $cur != "$last" ]] &&
		! "$REPO/scripts/export.sh" --check --quiet --from "$VIEW_DIR" \
			--base "$BASE_COMMIT" "$cur" >>"$LOG" 2>&1; then
		# Edited in git and not exported (else nothing would be lost).
		[[ ${VIEW_RESET:-0} == 1 ]] ||
			die "$EX_SETUP" "branch $VIEW_BRANCH in $VIEW_DIR has commits that series/ does not (edited in git?); write them into series/ with 'make export', or drop them with VIEW_RESET=1; nothing changed"
		local keep
		keep=refs/z3s/dropped/$(date +%Y%m%d-%H%M%S)
		git -C "$VIEW_DIR" update-ref "$keep" "$cur"
		msg "VIEW_RESET=1: the branch's commits are kept as $keep in $VIEW_DIR"
	fi
	if [[ -n $cur && -n $(git -C "$VIEW_DIR" status --porcelain -uno) && ${VIEW_RESET:-0} != 1 ]]; then
		die "$EX_SETUP" "$VIEW_DIR has uncommitted changes; commit and export them, or drop them with VIEW_RESET=1; nothing changed"
	fi
	if [[ $cur != "$tip" || $(git -C "$VIEW_DIR" symbolic-ref -q HEAD || true) != "$ref" ]]; then
		git -C "$VIEW_DIR" update-ref "$ref" "$tip"
		git -C "$VIEW_DIR" symbolic-ref HEAD "$ref"
		git -C "$VIEW_DIR" read-tree --reset -u HEAD
	fi
	printf '%s\n' "$tip" >"$stamp"
}

main() {
	local tip start=$SECONDS lock
	no_args "$@"
	need_tool git git
	mkdir -p "$LOGS" "$CACHE/send"
	# One make send or git view at a time per cache (send.sh holds it).
	if [[ ${Z3S_VIEW_LOCKED:-0} != 1 ]]; then
		exec {lock}>"$CACHE/send/.lock"
		flock -w 600 "$lock" || die "$EX_SETUP" "$CACHE/send is busy (lock $CACHE/send/.lock)"
	fi
	: >"$LOG"
	"$REPO/scripts/base.sh" >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "the base does not match series/BASE: $(grep -E '^base: ' "$LOG" | tail -n1); log: $LOG"
	load_base
	read_series

	if [[ -n $BASE_GIT ]]; then
		git_base
	else
		base_store
		STORE_OBJECTS=$STORE/objects
	fi
	VIEW_NAME=$(view_name)
	VIEW_BRANCH=b4/$VIEW_NAME
	VIEW_DIR=$CACHE/send/$VIEW_NAME-$(printf '%s' "$SERIES_DIR" | sha256sum | cut -c1-8)
	init_view
	tip=$(import_series)
	move_branch "$tip"

	{
		printf 'VIEW_DIR=%q\nVIEW_BRANCH=%q\nVIEW_NAME=%q\n' "$VIEW_DIR" "$VIEW_BRANCH" "$VIEW_NAME"
		printf 'VIEW_BASE=%q\nVIEW_TIP=%q\n' "$BASE_COMMIT" "$tip"
	} >"$OUT/view.env.tmp"
	mv "$OUT/view.env.tmp" "$OUT/view.env"
	printf 'view: %s branch %s: base %s + %d patch(es), tip %s (%d s)\n' "$VIEW_DIR" \
		"$VIEW_BRANCH" "${BASE_COMMIT:0:12}" "${#PATCHES[@]}" "${tip:0:12}" $((SECONDS - start))
}

main "$@"
