#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/reroll.sh [--help]
#
# make reroll: after vN went out, series/revision becomes vN+1 and
# series/changelog gets a "Changes in vN+1:" section on top, under its
# comment block: a {{FILL: ...}} line for what changed (make send SEND=yes
# refuses until it is filled in) and the link to vN. The link is the
# Message-Id b4 recorded for vN's cover letter when this machine sent it
# (make send SEND=yes), else a placeholder too.
#
# Only series/revision and series/changelog are written.
#
# Exit: 0 done, 2 setup error (no series/revision, or not a vN line).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series send

unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE

# sent_link N: the lore link of vN's cover letter, as b4 recorded it in
# the git view when this machine sent vN; nothing otherwise.
sent_link() {
	local n=$1
	[[ -f $OUT/view.env ]] || return 0
	# shellcheck source=/dev/null
	source "$OUT/view.env"
	git -C "$VIEW_DIR" rev-parse -q --verify "refs/tags/sent/$VIEW_NAME-v$n" >/dev/null ||
		note "this machine has no record of sending v$n (tag sent/$VIEW_NAME-v$n in $VIEW_DIR)"
	(cd "$VIEW_DIR" && b4 --offline-mode prep --show-revision 2>&1 </dev/null |
		sed -n "s/^ *v$n: //p" | tail -n1) || true
}

# bump_revision N: series/revision's vN line becomes vN+1.
bump_revision() {
	local n=$1 tmp=$SERIES_DIR/.revision.tmp
	sed -E "s/^([[:space:]]*)v$n([[:space:]]*(#.*)?)$/\\1v$((n + 1))\\2/" \
		"$SERIES_DIR/revision" >"$tmp"
	mv "$tmp" "$SERIES_DIR/revision"
	[[ $(read_revision) == $((n + 1)) ]] ||
		die "$EX_SETUP" "$SERIES_LABEL/revision: could not move v$n to v$((n + 1))"
}

# open_changelog N LINK: the "Changes in vN+1:" section, first after the
# changelog's comment block.
open_changelog() {
	local n=$1 next=$(($1 + 1)) link=$2 log=$SERIES_DIR/changelog
	local tmp=$SERIES_DIR/.changelog.tmp
	{
		[[ ! -f $log ]] || sed -n '/^#/!q;p' "$log"
		printf 'Changes in v%d:\n' "$next"
		printf -- '- %s: what changed since v%d, one line per change}}\n' "$PLACEHOLDER" "$n"
		if [[ -n $link ]]; then
			printf -- '- Link to v%d: %s\n' "$n" "$link"
		else
			printf -- "- Link to v%d: %s: the lore link of v%d's cover letter}}\n" "$n" "$PLACEHOLDER" "$n"
		fi
		[[ ! -f $log ]] || sed '1,/^[^#]/{/^#/d}' "$log" | sed -e '/./,$!d' | sed '1{/./s/^/\n/}'
	} >"$tmp"
	mv "$tmp" "$log"
}

main() {
	local n link
	no_args "$@"
	read_series
	n=$(read_revision)
	# b4 keeps the Message-Id of each posting: the link to vN.
	link=$(sent_link "$n")
	bump_revision "$n"
	open_changelog "$n" "$link"
	msg "$SERIES_LABEL/revision is now v$((n + 1)); write the 'Changes in v$((n + 1)):' section of $SERIES_LABEL/changelog, then make check and make send"
}

main "$@"
