# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
#
# Usage: scripts/cocci.sh tree --tree DIR [OPTIONS] [PATH...]
#
# Run every rule on the whole tree, or on the given PATHs (directories or
# files, relative to DIR). DIR may be any directory of C code; without a
# kernel's include dirs it is checked without include dirs (said on
# stderr). The kref rule first collects get/put wrappers from the whole
# tree (pass 1; see --pass1), the list_del_init rule the fields the
# tree's files test with list_empty() or hlist_unhashed() (a delete of
# one is reported in any file), then they check. Findings are printed in
# the kernel's report format (file:line:col-col: message), followed by
# parse failures, a count per rule and the time taken. Findings of the
# Low tier are counted, not shown (COCCI_TIERS=all shows them; see
# README); a rule whose every finding is of a hidden tier is not run
# unless --rules names it. What each spatch process finished is kept in
# the cache at once: an interrupted run, run again, checks only the files
# it had not done.
#
#   --tree DIR       tree to check (only read)
#   --out DIR        keep findings, the passes' lists (wrappers.txt,
#                    tested.txt) and logs here (default: a temporary
#                    directory, removed at exit)
#   --cache DIR      keep here what spatch printed for each file, and pass
#                    1's wrapper list; an unchanged file is not run again
#                    (default: DIR/cache of --out)
#   --shard I/N      check only the I-th of N parts of the files (every
#                    N-th of each rule's sorted file list, from the I-th);
#                    the collecting passes still cover the whole tree
#                    (or --pass1's scope).
#                    Give each shard its own --out, then: cocci.sh merge
#                    OUT...
#   --jobs N         parallel spatch processes (default: nproc)
#   --rules LIST     comma-separated subset of the rules of cocci/
#   --wrappers FILE  kref wrapper list to use instead of pass 1
#   --iter-tree DIR  take the reference-holding iterators (the "iter"
#                    lines of the wrapper list) from the macros of DIR,
#                    e.g. the whole tree a --wrappers list was made from,
#                    instead of from the list or the checked tree
#   --tested FILE    list_del_init's fields tested in other files (LISTTEST
#                    lines of its -D collect) to use instead of its
#                    collecting pass (an empty file: none)
#   --pass1 SCOPE    where the collecting passes look: "tree", the whole
#                    tree (the default: 30 to 40 min cold for a kernel),
#                    or "callees", with PATHs given, the files defining a
#                    function the PATHs' files call, as make cocci's pass
#                    1 does (a getter reached only through another file's
#                    getter, a test in a file they do not call, are not
#                    known)
#   --includes       use the tree's include dirs (slower; default: off)
#   --all-files      check every .c and .h file, not only those a rule's
#                    prefilter passes (to measure what the prefilters
#                    leave out)
#   -v, --verbose    print each spatch command line on stderr
#
# Exit: 0 no findings, 1 findings, 2 usage or setup error.

# (Sourced by scripts/cocci.sh; sourcing only defines functions. SC2034:
# VERDICT and the options are read by cocci.sh and lib/spatch.sh. The
# report's last lines are tree_summary's, shared with cocci.sh merge.)

# shard_of I N LIST: keep the I-th of every N names of LIST (I from 1).
shard_of() {
	local i=$1 n=$2 list=$3 k
	local -a names
	mapfile -d '' names <"$list"
	for ((k = i - 1; k < ${#names[@]}; k += n)); do
		printf '%s\0' "${names[k]}"
	done >"$list.shard"
	mv "$list.shard" "$list"
}

# tree_summary OUT: what follows the findings of a tree run in OUT: the
# parse failures, a count per rule of the findings shown and hidden (see
# by_tier; rules and files checked as run.env records them).
tree_summary() {
	local out=$1 rule f nf nfiles nh np nn nt rules
	rules=$(kv_get "$out/run.env" rules)
	for rule in $rules; do
		cat "$out/$rule/parse-failures.txt"
	done | sort -u >"$out/parse-failures.txt"
	cat "$out/parse-failures.txt"
	for rule in $rules; do
		f=$out/findings-$rule.txt
		nf=$(by_tier shown "$rule" "$f" | grep -c . || true)
		nfiles=$(by_tier shown "$rule" "$f" | cut -d: -f1 | sort -u | grep -c . || true)
		nh=$(by_tier hidden "$rule" "$f" | grep -c . || true)
		echo "$rule: $nf finding(s) in $nfiles file(s), $(kv_get "$out/run.env" "checked_$rule") file(s) checked$(hidden_note "$nh")"
	done
	for rule in $(kv_get "$out/run.env" skipped); do
		echo "$rule: not run: its findings are all $(rule_tiers "$rule" | sed 's/ / or /g'), not shown (COCCI_TIERS=all or --rules $rule runs it)"
	done
	np=$(grep -c '^warning: .* function .* not checked' "$out/parse-failures.txt" || true)
	nt=$(grep -c '^warning: .* file not checked' "$out/parse-failures.txt" || true)
	nn=$(grep -c '^note: ' "$out/parse-failures.txt" || true)
	echo "parse failures: $np function(s) not checked, $nn other construct(s); $nt file(s) given up"
}

# tree_verdict OUT: EX_FAIL when a rule found anything shown.
tree_verdict() {
	local rule
	for rule in $(kv_get "$1/run.env" rules); do
		[[ -z $(by_tier shown "$rule" "$1/findings-$rule.txt") ]] || { echo "$EX_FAIL"; return; }
	done
	echo 0
}

# scope_names: with --pass1 callees, the names the .c and .h files of
# RELPATHS call (called_names), once, into OUT/pass1-names.txt, named by
# cmd_tree's names (the collecting passes' scope).
scope_names() {
	[[ $PASS1 == callees && ${#names[@]} == 0 ]] || return 0
	names=("$OUT/pass1-names.txt")
	list_files "$TREE" '\(' "${RELPATHS[@]}" | (cd "$TREE" && xargs -0 -r cat) |
		called_names /dev/stdin >"${names[0]}"
	log "collecting passes: scoped to the $(wc -l <"${names[0]}") names the files of ${RELPATHS[*]} call"
}

# tree_paths PATH...: the PATHs relative to $TREE, into RELPATHS.
tree_paths() {
	local p rel
	RELPATHS=()
	for p in "$@"; do
		rel=$p
		if [[ $p == "$TREE" ]]; then
			rel=.
		elif [[ $p == /* ]]; then
			rel=${p#"$TREE"/}
			[[ $rel != "$p" ]] || die "$EX_SETUP" "tree: $p is not inside $TREE"
		fi
		[[ -e $TREE/$rel ]] || die "$EX_SETUP" "tree: no such path $TREE/$rel"
		RELPATHS+=("$rel")
	done
}

# tree_rule RULE INPUT: one rule over its files of the tree (of the
# shard), reading the list INPUT (see run_rule); prints the findings of
# the tiers shown, keeps all of them in OUT/findings-RULE.txt.
tree_rule() {
	local rule=$1 input=$2 t0 re list n secs
	t0=$(now)
	re=$(prefilter_of "$rule")
	if ((ALL_FILES)); then
		re=.
	elif [[ -n $input ]] && rule_reads_wrappers "$rule"; then
		re=$(wrappers_prefilter "$rule" "$input")
	elif [[ -n $input ]] && rule_reads_tested "$rule"; then
		re=$(tested_rule_prefilter "$rule" "$input")
	fi
	list=$OUT/$rule.list
	: >"$list"
	[[ -z $re ]] || list_files "$TREE" "$re" ${RELPATHS[@]+"${RELPATHS[@]}"} >"$list"
	[[ -z $SHARD ]] || shard_of "${SHARD%/*}" "${SHARD#*/}" "$list"
	run_rule "$rule" report "$TREE" "$list" "$OUT/$rule" "$input" "$INCLUDES"
	findings_of "$OUT/$rule" >"$OUT/findings-$rule.txt"
	coverage "$TREE" "$OUT/$rule" >"$OUT/$rule/parse-failures.txt"
	by_tier shown "$rule" "$OUT/findings-$rule.txt"
	n=$(count_list "$list")
	secs=$(elapsed "$t0")
	printf 'checked_%s=%s\nseconds_%s=%s\n' "$rule" "$n" "$rule" "$secs" >>"$OUT/run.env"
	log "$rule: $(wc -l <"$OUT/findings-$rule.txt") findings, $n files, $secs s"
}

# cmd_tree ARGS: sets VERDICT.
cmd_tree() {
	local TREE="" OUT="" RULES="" WRAPPERS="" TESTED="" INCLUDES=0 SHARD="" ALL_FILES=0 ITER_TREE=""
	local PASS1=tree rule t_all wrappers="" tested="" input timing="" paths=() skipped="" names=()
	# lists kept by a caller's key are make cocci's (cocci.sh diff)
	local CACHE_KEY=""
	while [[ $# -gt 0 ]]; do
		case $1 in
		--tree) need_value "$@"; TREE=$2; shift 2 ;;
		--out) need_value "$@"; OUT=$2; shift 2 ;;
		--shard) need_value "$@"; SHARD=$2; shift 2 ;;
		--iter-tree) need_value "$@"; ITER_TREE=$2; shift 2 ;;
		--pass1) need_value "$@"; PASS1=$2; shift 2 ;;
		--includes) INCLUDES=1; shift ;;
		--all-files) ALL_FILES=1; shift ;;
		-v | --verbose) VERBOSE=1; shift ;;
		--jobs | --rules | --wrappers | --tested | --cache) common_opt "$@"; shift 2 ;;
		--) shift; paths+=("$@"); break ;;
		-*) die "$EX_SETUP" "tree: unknown option $1 (see cocci.sh tree --help)" ;;
		*) paths+=("$1"); shift ;;
		esac
	done
	[[ -n $TREE ]] || die "$EX_SETUP" "tree: --tree DIR is required (see cocci.sh tree --help)"
	[[ -d $TREE ]] || die "$EX_SETUP" "tree: $TREE is not a directory"
	[[ -z $ITER_TREE || -d $ITER_TREE ]] || die "$EX_SETUP" "tree: --iter-tree $ITER_TREE is not a directory"
	TREE=$(cd "$TREE" && pwd)
	if [[ -n $SHARD ]]; then
		if ! [[ $SHARD =~ ^([1-9][0-9]*)/([1-9][0-9]*)$ ]] ||
			((BASH_REMATCH[1] > BASH_REMATCH[2])); then
			die "$EX_SETUP" "tree: --shard needs I/N with 1 <= I <= N, got '$SHARD'"
		fi
	fi
	[[ $PASS1 == callees || $PASS1 == tree ]] ||
		die "$EX_SETUP" "tree: --pass1 takes callees or tree, not '$PASS1'"
	checked_opts
	tree_paths ${paths[@]+"${paths[@]}"}
	[[ $PASS1 == tree || ${#RELPATHS[@]} -gt 0 ]] ||
		die "$EX_SETUP" "tree: --pass1 callees needs PATHs (the whole tree calls everything)"
	out_dir cocci-tree
	case $OUT/ in "$TREE"/*) die "$EX_SETUP" "tree: --out must not be inside the tree" ;; esac
	rules_assemble "$OUT/rules"
	[[ -n $CACHE_DIR ]] || CACHE_DIR=$OUT/cache
	kernel_tree "$TREE" ||
		msg "tree: $TREE has no kernel include dirs (include/linux, arch/$SRCARCH/include): checking its files without include dirs"
	LOG=$OUT/cocci-tree.log
	: >"$LOG"
	trap on_signal INT TERM
	t_all=$(now)
	# The default rules leave out one whose every finding is of a tier
	# the report hides (COCCI_TIERS=high: list_walk, Moderate or Low): it
	# would cost its run and show nothing. --rules (naming it, even among
	# all the others) or COCCI_TIERS=all runs it.
	if [[ -z $RULES ]]; then
		for rule in $ALL_RULES; do
			if rule_shown "$rule"; then
				RULES+=" $rule"
			else
				skipped+=" $rule"
			fi
		done
		RULES=${RULES# } skipped=${skipped# }
	fi
	log "# cocci.sh tree --tree $TREE --jobs $JOBS --rules '$RULES' --shard '$SHARD' ${RELPATHS[*]:-}"
	log "# $SPATCH_VERSION"
	printf '%s=%s\n' tree "$TREE" paths "${RELPATHS[*]:-}" pass1 "$PASS1" rules "$RULES" skipped "$skipped" \
		shard "${SHARD:-1/1}" jobs "$JOBS" >"$OUT/run.env"

	# shellcheck disable=SC2086 # RULES is a list of words
	tested_deletes $RULES
	for rule in $RULES; do
		if rule_reads_wrappers "$rule" && [[ -z $wrappers ]]; then
			wrappers=$OUT/wrappers.txt
			[[ -n $WRAPPERS ]] || scope_names
			pass_list wrappers "$WRAPPERS" "$wrappers" "$TREE" "$OUT/pass1" ${names[@]+"${names[@]}"}
			[[ -z $ITER_TREE ]] || with_iterators_of "$ITER_TREE" "$wrappers" "$OUT/iter-tree"
		fi
		if rule_reads_tested "$rule" && [[ -z $tested ]]; then
			tested=$OUT/tested.txt
			[[ -n $TESTED ]] || scope_names
			pass_list tested "$TESTED" "$tested" "$TREE" "$OUT/pass1-tested" ${names[@]+"${names[@]}"}
		fi
	done
	for rule in $RULES; do
		input=""
		! rule_reads_wrappers "$rule" || input=$wrappers
		! rule_reads_tested "$rule" || input=$tested
		tree_rule "$rule" "$input"
		timing+="$rule $(kv_get "$OUT/run.env" "seconds_$rule") s, "
	done
	tree_summary "$OUT"
	echo "time: ${timing}total $(elapsed "$t_all") s ($JOBS job(s))"
	log "total $(elapsed "$t_all") s"
	cache_prune
	VERDICT=$(tree_verdict "$OUT")
}
