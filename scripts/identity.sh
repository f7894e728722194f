#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/identity.sh [--help] ['Name <mail>']
#        ID='Name <mail>' scripts/identity.sh
#
# make identity: put your own identity on the series. series/identity names
# the one identity every patch is written and signed off by (make check
# fails a patch whose From: is another); this replaces it there and on the
# From: and Signed-off-by: lines of every patch of series/series.
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

main() {
	local new=${1:-${ID:-}} old p tmp=()
	case $new in -h | --help) usage_from_header; exit 0 ;; esac
	[[ $# -le 1 ]] || die "$EX_SETUP" "one identity, quoted: 'Name <mail>' (see --help)"
	if [[ -z $new ]]; then
		new="$(git config user.name || true) <$(git config user.email || true)>"
	fi
	[[ $new =~ ^[^\<\>]*[^\<\>[:space:]][[:space:]]+\<[^\<\>[:space:]]+@[^\<\>[:space:]]+\>$ ]] ||
		die "$EX_SETUP" "identity must look like 'Name <mail@host>', not '$new'; set git's user.name and user.email or give it"
	read_series
	old=$(read_identity) ||
		die "$EX_SETUP" "series/identity missing or empty; it names the identity of the patches"
	[[ $old != "$new" ]] || { msg "the series already carries $new"; return 0; }
	for p in "${PATCHES[@]}"; do
		grep -qxF "From: $old" "$SERIES_DIR/$p" ||
			die "$EX_SETUP" "$p: no 'From: $old' line; fix the patch or series/identity first"
	done
	# shellcheck disable=SC2064 # expand now: the list is fixed
	trap 'rm -f "${tmp[@]}"' EXIT
	for p in "${PATCHES[@]}" identity; do
		tmp+=("$SERIES_DIR/.$p.identity")
		# In the patches the headers and trailers, in series/identity
		# its one line.
		OLD=$old NEW=$new FILE=$p awk '
			BEGIN { old = ENVIRON["OLD"]; new = ENVIRON["NEW"] }
			$0 == "From: " old { $0 = "From: " new }
			$0 == "Signed-off-by: " old { $0 = "Signed-off-by: " new }
			ENVIRON["FILE"] == "identity" && $0 == old { $0 = new }
			{ print }' "$SERIES_DIR/$p" >"${tmp[-1]}"
	done
	for p in "${PATCHES[@]}" identity; do
		mv "$SERIES_DIR/.$p.identity" "$SERIES_DIR/$p"
	done
	msg "series/ now carries $new (${#PATCHES[@]} patches and series/identity)"
}

main "$@"
