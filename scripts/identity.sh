#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/identity.sh [--help] ['Name <mail>']
#        ID='Name <mail>' scripts/identity.sh
#
# make identity: put your own identity on the series. series/identity names
# the one identity every patch of every branch (series/6.1.y/, ...) is
# written and signed off by (make check fails a patch whose From: is
# another); this replaces it there and on the From: and Signed-off-by:
# lines of every patch of every branch, whatever BRANCH says: they share
# it. A SERIES=DIR with an identity file of its own: that dir only.
# Without an argument the identity is ID, else git's user.name and
# user.email.
# Other Signed-off-by: lines, and the rest of the patches, are left as
# they are. Every file is written whole or not at all.
#
# Exit: 0 done (or nothing to change), 2 no or malformed identity, or a
# patch that does not carry the old one.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

# identity_dirs: the series dirs IDFILE's identity is on: every branch for
# series/identity (the branches share it), else the one series dir.
identity_dirs() {
	local b
	if [[ $IDFILE == "$SERIES_ROOT/identity" ]]; then
		for b in "${BRANCHES[@]}"; do
			printf '%s\n' "$SERIES_ROOT/$b"
		done
	else
		printf '%s\n' "$SERIES_DIR"
	fi
}

main() {
	local new=${1:-${ID:-}} old p d tmp=() files=() dirs
	case $new in -h | --help) usage_from_header; exit 0 ;; esac
	[[ $# -le 1 ]] || die "$EX_SETUP" "one identity, quoted: 'Name <mail>' (see --help)"
	if [[ -z $new ]]; then
		new="$(git config user.name || true) <$(git config user.email || true)>"
	fi
	[[ $new =~ ^[^\<\>]*[^\<\>[:space:]][[:space:]]+\<[^\<\>[:space:]]+@[^\<\>[:space:]]+\>$ ]] ||
		die "$EX_SETUP" "identity must look like 'Name <mail@host>', not '$new'; set git's user.name and user.email or give it"
	if [[ -n $SERIES_DIR ]]; then
		IDFILE=$(identity_file)
	else
		IDFILE=$SERIES_ROOT/identity
	fi
	old=$(SERIES_DIR=${IDFILE%/*} read_identity) ||
		die "$EX_SETUP" "$IDFILE missing or empty; it names the identity of the patches"
	[[ $old != "$new" ]] || { msg "the series already carries $new"; return 0; }
	mapfile -t dirs < <(identity_dirs)
	for d in "${dirs[@]}"; do
		SERIES_DIR=$d read_series
		for p in "${PATCHES[@]}"; do
			grep -qxF "From: $old" "$d/$p" ||
				die "$EX_SETUP" "$d/$p: no 'From: $old' line; fix the patch or $IDFILE first"
			files+=("$d/$p")
		done
	done
	files+=("$IDFILE")
	# shellcheck disable=SC2064 # expand now: the list is fixed
	trap 'rm -f "${tmp[@]}"' EXIT
	for p in "${files[@]}"; do
		tmp+=("${p%/*}/.${p##*/}.identity")
		# In the patches the headers and trailers, in the identity file
		# its one line.
		OLD=$old NEW=$new IDFILE=$([[ $p == "$IDFILE" ]] && echo 1) awk '
			BEGIN { old = ENVIRON["OLD"]; new = ENVIRON["NEW"] }
			$0 == "From: " old { $0 = "From: " new }
			$0 == "Signed-off-by: " old { $0 = "Signed-off-by: " new }
			ENVIRON["IDFILE"] == 1 && $0 == old { $0 = new }
			{ print }' "$p" >"${tmp[-1]}"
	done
	for p in "${files[@]}"; do
		mv "${p%/*}/.${p##*/}.identity" "$p"
	done
	msg "series/ now carries $new ($((${#files[@]} - 1)) patches in ${#dirs[@]} series dir(s), and $IDFILE)"
}

main "$@"
