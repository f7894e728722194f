#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/cocci-tree.sh [--merge] [--help]
#
# make cocci-tree: the Coccinelle rules of cocci/ on a whole tree, for
# reviewers: KSRC (any directory of C code: a kernel tree, an out-of-tree
# driver, a subsystem's repository; default the series' base), or only
# the directories and files PATHS lists (space separated, relative to the
# tree), with one spatch per core. Findings in the kernel's report
# format, parse failures, a count per rule and the time taken; findings
# and logs are kept in $O/cocci-tree. What spatch printed for each file
# is kept in $CACHE/cocci (with make cocci's): a re-run checks only the
# files that changed. The tree is only read.
#
# COCCI_PASS1=callees, with PATHS, has the collecting passes read only the
# files defining a function the PATHS' files call, as make cocci does
# (16 min instead of about 40 for drivers/usb on a cold cache; see
# cocci.sh tree --help for what it misses); without PATHS it reads the
# whole tree.
#
# SHARD=I/N checks only the I-th of N parts of the files, into
# $O/cocci-tree/shard-I-of-N; run every shard (on other machines, with
# the same tree), gather their dirs in one $O/cocci-tree, then --merge
# (make cocci-tree-merge) prints the report of the whole run and keeps
# its findings in $O/cocci-tree/merged.
#
# Exit: 0 no findings, 1 findings, 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

main() {
	local paths=() err tree out=$OUT/cocci-tree shard=() shards pass1=${COCCI_PASS1:-tree}
	if [[ ${1:-} == --merge ]]; then
		shards=("$out"/shard-*-of-*)
		[[ -d ${shards[0]} ]] || die "$EX_SETUP" "no shard in $out (make cocci-tree SHARD=I/N first)"
		exec "$REPO/scripts/cocci.sh" merge --out "$out/merged" "${shards[@]}"
	fi
	no_args "$@"
	if [[ -n ${KSRC:-} && -d $KSRC ]]; then
		# any directory: nothing here needs it to be a kernel tree
		tree=$(cd "$KSRC" && pwd)
	else
		# Any base will do here, whatever series/BASE records: keep
		# quiet about a difference, not about a failure.
		err=$(FORCE_BASE=1 "$REPO/scripts/base.sh" 2>&1 >/dev/null) ||
			{ printf '%s\n' "$err" >&2; exit "$EX_SETUP"; }
		load_base
		tree=$BASE_DIR
	fi
	if [[ -n ${SHARD:-} ]]; then
		shard=(--shard "$SHARD")
		out+=/shard-${SHARD%/*}-of-${SHARD#*/}
	fi
	read -ra paths <<<"${PATHS:-}"
	# the whole tree calls everything: no scope without PATHS
	[[ ${#paths[@]} -gt 0 ]] || pass1=tree
	exec "$REPO/scripts/cocci.sh" tree --tree "$tree" --out "$out" \
		--cache "$CACHE/cocci" --jobs "$(nproc)" --pass1 "$pass1" ${shard[@]+"${shard[@]}"} \
		${paths[@]+"${paths[@]}"}
}

main "$@"
