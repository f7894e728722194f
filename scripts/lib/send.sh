# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# What make send and make reroll share: series/revision, and the
# placeholder a cover letter or changelog holds until it is filled in.
# Needs lib/common.sh and lib/series.sh. Sourcing only defines functions;
# a script calls send_init after lib_init.

send_init() {
	PLACEHOLDER='{{FILL'
}

note() { msg "note: $*"; }

# read_revision: the N of series/revision's "vN" line.
read_revision() {
	local file=$SERIES_DIR/revision line n=0
	[[ -f $file ]] || die "$EX_SETUP" "$SERIES_LABEL/revision missing; it names the revision to post, e.g. v1"
	while IFS= read -r line || [[ -n $line ]]; do
		n=$((n + 1))
		line=${line%%#*}
		line=${line//[[:space:]]/}
		[[ -n $line ]] || continue
		[[ $line =~ ^v([1-9][0-9]*)$ ]] ||
			die "$EX_SETUP" "$SERIES_LABEL/revision: line $n: want v1, v2, ..., not '$line'"
		echo "${BASH_REMATCH[1]}"
		return
	done <"$file"
	die "$EX_SETUP" "$SERIES_LABEL/revision names no revision (want a line like v1)"
}
