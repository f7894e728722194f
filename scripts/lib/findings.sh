# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Comparing diagnostics, base against series, and naming a failed
# build's cause. Needs lib/common.sh and lib/series.sh (TREE). Sourcing
# only defines functions.

# tree_findings TREE PATHS_FILE LOG...: compiler and sparse diagnostics about
# the paths listed in PATHS_FILE, as "path: kind: message" with the tree
# prefix and line:column dropped, so moved code does not look new.
tree_findings() {
	local tree=$1 paths=$2
	shift 2
	awk -v tree="$tree/" -f "$REPO/scripts/awk/tree-findings.awk" "$paths" "$@"
}

# new_lines OLD NEW: lines of NEW not in OLD, counting repeats (a second
# copy of a base warning is new).
new_lines() {
	# shellcheck disable=SC2016 # awk's $0, not the shell's
	local number='{ print $0 " #" ++seen[$0] }'
	comm -13 <(awk "$number" "$1" | sort) <(awk "$number" "$2" | sort) |
		sed 's/ #[0-9]*$//'
}

# first_error DIR: the first compiler, linker, modpost or make error of a
# failed build.
first_error() {
	grep -m1 -E ': (fatal )?error: |^ERROR: |undefined reference to |\*\*\* ' "$1/build.log" |
		sed "s#$TREE/##; s#^\\.\\./##" || echo "see the log"
}
