#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/cocci-stage.sh [--help]
#
# The cocci stage of make check: the rules of cocci/ (scripts/cocci.sh
# diff), and the base tree's own rules (scripts/coccinelle/, as "make
# coccicheck MODE=report" runs them), on the C files the series touches,
# in the base tree and in the scratch tree with the series applied.
# Findings of the base are listed; a finding the series adds fails (of
# our rules: of the tiers COCCI_TIERS shows, High and Moderate by
# default). Pass 1 looks for the kref wrappers of the base tree in the
# files defining what the compared files call (COCCI_PASS1=tree: in the
# whole tree, as make cocci-tree does; an hour on a cold cache). What
# spatch printed for each file is kept in $CACHE/cocci, and pass 1's list
# keyed by the base's id and the test overlay's contents (what the
# compared files may include beyond themselves) besides the rules and
# spatch.
#
# Exit: 0 no new finding, 1 new findings, 2 setup error.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

main() {
	local paths overlay
	no_args "$@"
	load_base
	read_series
	"$REPO/scripts/apply.sh" --quiet
	mapfile -t paths < <(series_paths | grep -E '\.[ch]$' || true)
	mapfile -t overlay < <(overlay_files patch)
	if [[ ${#paths[@]} -eq 0 ]]; then
		tap_plan 0
		return 0
	fi
	"$REPO/scripts/cocci.sh" diff --base-tree "$BASE_DIR" --series-tree "$TREE" \
		--cache "$CACHE/cocci" --pass1 "${COCCI_PASS1:-callees}" \
		--cache-key "$BASE_ID $(content_hash /dev/null ${overlay[@]+"${overlay[@]}"})" \
		--kernel-rules --out "$OUT/cocci" "${paths[@]}"
}

main "$@"
