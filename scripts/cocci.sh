#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# Usage: scripts/cocci.sh SUBCOMMAND [OPTIONS] [ARGS]
#        scripts/cocci.sh --help | SUBCOMMAND --help
#
# Run the Coccinelle rules of cocci/ (each cocci/NAME.cocci, or
# cocci/NAME.d/ of parts joined into one file) with spatch:
#   diff    the files a series touches, in the base tree and in the series
#           tree; fails on findings the series introduces (make cocci)
#   tree    a whole tree, directories or files of it, or one shard of it
#           (make cocci-tree)
#   merge   the shards of a tree run as one report
#   rule    print a rule as spatch runs it (to run it standalone)
#
# What spatch printed for each file is kept (--cache): an unchanged file
# is not run again, and an interrupted run resumes. Every spatch runs
# under "nice -n 19".
#
# Environment:
#   SPATCH         spatch binary (default: spatch)
#   SRCARCH        architecture of the tree's include dirs (default: x86)
#   COCCI_TIMEOUT  spatch --timeout per file in seconds (default: 300)
#   COCCI_CHUNK    files per spatch process at most (default: 16)
#   COCCI_TIERS    the confidence tiers a report shows and a diff fails
#                  on: "all", or a list of high, moderate, low (default:
#                  high,moderate; the others are counted as hidden)
#   COCCI_CACHE_DAYS  drop cached per-file results unused this many days
#                  (default: 30)
#   COCCI_CACHE_MB    and the oldest beyond this size (default: 512)
#
# Exit: 0 no (new) findings, 1 (new) findings, 2 usage or setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init spatch spatch-run spatch-output cocci-cli cocci-wrappers cocci-tested cocci-diff cocci-kernel-rules cocci-tree cocci-merge cocci-rule

main() {
	local sub=${1:-}
	case $sub in
	-h | --help) usage_from_header; exit 0 ;;
	diff | tree | merge | rule) shift ;;
	"") die "$EX_SETUP" "a subcommand is needed: diff, tree, merge or rule (see --help)" ;;
	*) die "$EX_SETUP" "unknown subcommand '$sub' (see --help)" ;;
	esac
	case ${1:-} in
	-h | --help) usage_from_file "$REPO/scripts/lib/cocci-$sub.sh"; exit 0 ;;
	esac
	# The subcommand dies on a usage or setup error, and sets VERDICT.
	VERDICT=$EX_SETUP
	"cmd_$sub" "$@"
	exit "$VERDICT"
}

main "$@"
