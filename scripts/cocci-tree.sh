#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/cocci-tree.sh [--help]
#
# make cocci-tree: the Coccinelle rules of cocci/ on a whole kernel tree,
# for reviewers: KSRC (any tree; default the series' base), or only the
# directories and files PATHS lists (space separated, relative to the
# tree), with one spatch per core. Findings in the kernel's report
# format, parse failures, a count per rule and the time taken; findings
# and logs are kept in $O/cocci-tree. The tree is only read.
#
# Exit: 0 no findings, 1 findings, 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

main() {
	local paths=() err
	no_args "$@"
	# Any tree will do here, whatever series/BASE records: keep quiet
	# about a difference, not about a failure.
	err=$(FORCE_BASE=1 "$REPO/scripts/base.sh" 2>&1 >/dev/null) ||
		{ printf '%s\n' "$err" >&2; exit "$EX_SETUP"; }
	load_base
	read -ra paths <<<"${PATHS:-}"
	exec "$REPO/scripts/cocci.sh" tree --tree "$BASE_DIR" \
		--out "$OUT/cocci-tree" --jobs "$(nproc)" ${paths[@]+"${paths[@]}"}
}

main "$@"
