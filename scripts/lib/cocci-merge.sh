# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
#
# Usage: scripts/cocci.sh merge [--out DIR] SHARD_OUT...
#
# The report of a tree run split with "cocci.sh tree --shard I/N" (make
# cocci-tree SHARD=I/N), from the --out dirs of all N shards: the same
# findings, parse failures and counts a single run prints, then the sum of
# the shards' times. The shards must be of one tree, paths and rules, and
# each of 1..N must be there once.
#
#   --out DIR   keep the merged findings here (default: a temporary
#               directory, removed at exit)
#
# Exit: 0 no findings, 1 findings, 2 usage error (a shard missing, twice,
# or of another run).

# (Sourced by scripts/cocci.sh; sourcing only defines functions and
# MERGE_RUN_KEYS. SC2034: VERDICT and the options are read by cocci.sh
# and lib/spatch.sh.)

# The run.env keys shards of one run share.
MERGE_RUN_KEYS=(tree paths pass1 rules)

# run_of DIR: the tree, paths, collecting passes' scope and rules of the
# tree run in DIR.
run_of() {
	local key
	for key in "${MERGE_RUN_KEYS[@]}"; do
		kv_get "$1/run.env" "$key"
	done
}

# merge_check DIR...: the shards' run.env files agree and cover 1..N.
merge_check() {
	local d n=0 i shard
	local -A seen=()
	for d in "$@"; do
		[[ -f $d/run.env ]] || die "$EX_SETUP" "merge: $d is not the --out dir of a cocci.sh tree run (no run.env)"
	done
	for d in "$@"; do
		[[ $(run_of "$d") == "$(run_of "$1")" ]] ||
			die "$EX_SETUP" "merge: $d is a run of another tree, paths, --pass1 or rules than $1"
		shard=$(kv_get "$d/run.env" shard)
		[[ -n $(kv_get "$d/run.env" "seconds_${RULES##* }") ]] ||
			die "$EX_SETUP" "merge: $d: the run did not finish; log: $d/cocci-tree.log"
		i=${shard%/*}
		((n == 0)) && n=${shard#*/}
		[[ ${shard#*/} == "$n" ]] || die "$EX_SETUP" "merge: $d is shard $shard, not of $n"
		[[ -z ${seen[$i]:-} ]] || die "$EX_SETUP" "merge: shard $shard twice: ${seen[$i]} and $d"
		seen[$i]=$d
	done
	for ((i = 1; i <= n; i++)); do
		[[ -n ${seen[$i]:-} ]] || die "$EX_SETUP" "merge: shard $i/$n missing"
	done
}

# cmd_merge ARGS: sets VERDICT.
cmd_merge() {
	local OUT="" RULES rule d sum total=0 timing="" key
	local -a dirs=()
	while [[ $# -gt 0 ]]; do
		case $1 in
		--out) need_value "$@"; OUT=$2; shift 2 ;;
		-*) die "$EX_SETUP" "merge: unknown option $1 (see cocci.sh merge --help)" ;;
		*) dirs+=("$(abspath "$1")"); shift ;;
		esac
	done
	[[ ${#dirs[@]} -gt 0 ]] || die "$EX_SETUP" "merge: no shard output dir given"
	RULES=$(kv_get "${dirs[0]}/run.env" rules)
	tiers_init
	merge_check "${dirs[@]}"
	out_dir cocci-merge
	for key in "${MERGE_RUN_KEYS[@]}" skipped; do
		printf '%s=%s\n' "$key" "$(kv_get "${dirs[0]}/run.env" "$key")"
	done >"$OUT/run.env"
	echo "shard=1/1" >>"$OUT/run.env"
	[[ ! -f ${dirs[0]}/wrappers.txt ]] || cp "${dirs[0]}/wrappers.txt" "$OUT/"
	for rule in $RULES; do
		mkdir -p "$OUT/$rule"
		for d in "${dirs[@]}"; do cat "$d/findings-$rule.txt"; done |
			sort_findings >"$OUT/findings-$rule.txt"
		for d in "${dirs[@]}"; do cat "$d/$rule/parse-failures.txt"; done |
			sort -u >"$OUT/$rule/parse-failures.txt"
		by_tier shown "$rule" "$OUT/findings-$rule.txt"
		for key in checked seconds; do
			sum=$(for d in "${dirs[@]}"; do kv_get "$d/run.env" "${key}_$rule"; done |
				awk '{ s += $1 } END { print s + 0 }')
			echo "${key}_$rule=$sum" >>"$OUT/run.env"
		done
		timing+="$rule $sum s, "
		total=$(awk -v a="$total" -v b="$sum" 'BEGIN { print a + b }')
	done
	tree_summary "$OUT"
	echo "time: ${timing}total $total s, the sum of ${#dirs[@]} shard(s)"
	VERDICT=$(tree_verdict "$OUT")
}
