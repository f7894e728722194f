# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
#
# Usage: scripts/cocci.sh diff --base-tree DIR --series-tree DIR --out DIR
#                              [OPTIONS] FILE...
#
# Run every rule on each FILE (a path relative to both trees, .c or .h) in
# the base tree and in the series tree, with the tree's include dirs.
# Findings of the base tree are listed but do not fail; a finding of the
# series tree that the base tree does not have (compared without line
# numbers, so moved code is not new) fails, if its tier is one that
# COCCI_TIERS shows (High and Moderate by default; new findings of the
# other tiers are counted and kept in the log). Functions spatch could not
# parse, and files it gave up on, are listed as warnings.
#
# Output: TAP 13 on stdout (one test per rule), details in
# DIR/cocci-diff.log, and for each failing rule and file one line on
# stderr:
#   cocci: RULE: N new finding(s) in FILE; log: DIR/cocci-diff.log
#
#   --base-tree DIR     tree without the series (only read)
#   --series-tree DIR   tree with the series applied (only read)
#   --out DIR           where logs and findings go (created)
#   --jobs N            parallel spatch processes (default: nproc)
#   --rules LIST        comma-separated subset of the rules of cocci/
#   --wrappers FILE     kref wrapper list to use instead of pass 1 on the
#                       base tree (lines "KIND NAME [WHERE]")
#   --tested FILE       list_del_init's fields tested in other files
#                       (LISTTEST lines of its -D collect) to use instead
#                       of its collecting pass on the base tree
#   --pass1 SCOPE       where pass 1 looks for the wrappers of the base
#                       tree, and list_del_init's collecting pass for
#                       fields tested with list_empty() or
#                       hlist_unhashed(): "callees" (default), the files
#                       defining a function the FILEs call (a getter
#                       reached only through another file's getter, a test
#                       in a file they do not call, are not known), or
#                       "tree", the whole tree (minutes to an hour cold)
#   --cache DIR         keep here what spatch printed for each file (by
#                       the file's path and contents, the rule, spatch, its
#                       options, the list it reads and the include dirs'
#                       files) and pass 1's wrapper list of the base tree
#                       (default: DIR/cache of --out)
#   --cache-key TEXT    TEXT names the base tree's contents (make check:
#                       the base's id and the test overlay's hash): the
#                       collecting passes' lists are then found without
#                       looking at the tree
#   --no-includes       do not use the trees' include dirs
#   --kernel-rules      also run the base tree's own rules (scripts/
#                       coccinelle/**/*.cocci) as "make coccicheck
#                       MODE=report" runs them: one more TAP test, failing
#                       on findings the series adds
#   -v, --verbose       print each spatch command line on stderr
#
# Exit: 0 no new findings, 1 new findings, 2 usage or setup error.

# (Sourced by scripts/cocci.sh; sourcing only defines functions. SC2034:
# VERDICT and the options are read by cocci.sh and lib/spatch.sh.)

# finding_keys: the comparison key of each finding read: file and message,
# without numbers that are line numbers (standalone digit runs), so moved
# code compares equal.
finding_keys() {
	sed -E 's/^([^:]+):[0-9]+:[0-9]+-[0-9]+: /\1\t/; s/\<[0-9]+\>/#/g'
}

# new_findings BASE SERIES: findings of SERIES whose key occurs more often
# there than in BASE.
new_findings() {
	local us=$'\x1f'
	# shellcheck disable=SC2094 # both read $2, nothing writes it
	# (FILENAME, not FNR == NR: the base may have no finding)
	awk -v us="$us" '
		FILENAME == ARGV[1] { base[$0]++; next }
		{
			i = index($0, us); k = substr($0, 1, i - 1)
			if (++seen[k] > base[k]) print substr($0, i + 1)
		}' <(finding_keys <"$1") <(finding_keys <"$2" | paste -d"$us" - "$2")
}

# side_tree SIDE: the tree of side base or series.
side_tree() {
	if [[ $1 == base ]]; then echo "$BASE"; else echo "$SERIES"; fi
}

# pass1_names FILE...: the names the FILEs of either side call, into
# PASS1_NAMES (OUT/pass1-names.txt): the collecting passes read the files
# of the base tree that define one of them (--pass1 callees).
pass1_names() {
	local f tree sources=()
	for f in "$@"; do
		for tree in "$BASE" "$SERIES"; do
			[[ ! -f $tree/$f ]] || sources+=("$tree/$f")
		done
	done
	PASS1_NAMES=$OUT/pass1-names.txt
	called_names "${sources[@]}" >"$PASS1_NAMES"
}

# not_in_files FIELD LIST FILE...: the lines of LIST whose location
# ("FILE:LINE" in field FIELD; 0: the last field) is in none of the FILEs.
not_in_files() {
	awk -v col="$1" -v files="$(printf '%s\n' "${@:3}")" '
		BEGIN { n = split(files, f, "\n"); for (i = 1; i <= n; i++) skip[f[i]] = 1 }
		{ w = $(col ? col : NF); sub(/:[0-9]+$/, "", w); if (!(w in skip)) print }
	' "$2"
}

# diff_wrappers FILE...: the wrapper list of each side: the base tree's
# (of the whole tree, or of the files defining what the FILEs of either
# side call), with the FILEs' own wrappers and iterators of that side
# swapped in (collected with the rest of the base tree's list known, as
# pass 1's later rounds do).
diff_wrappers() {
	local side tree
	pass_list wrappers "$WRAPPERS" "$OUT/wrappers-base-tree.txt" "$BASE" "$OUT/pass1" \
		${PASS1_NAMES:+"$PASS1_NAMES"}
	not_in_files 3 "$OUT/wrappers-base-tree.txt" "$@" >"$OUT/wrappers-others.txt"
	for side in base series; do
		tree=$(side_tree "$side")
		collect_wrappers "$tree" "$OUT/$side.list" "$OUT/collect-$side" \
			"$OUT/wrappers-$side-files.txt" "$OUT/wrappers-others.txt"
		sort -u "$OUT/wrappers-others.txt" "$OUT/wrappers-$side-files.txt" >"$OUT/wrappers-$side.txt"
		iterators_of "$tree" "$OUT/wrappers-$side.txt" "$OUT/iterators-$side.txt" "$OUT/$side.list"
		cat "$OUT/iterators-$side.txt" >>"$OUT/wrappers-$side.txt"
	done
}

# diff_tested FILE...: list_del_init's list of fields tested in other
# files, for each side: the base tree's (of the whole tree, or of the
# files defining what the FILEs of either side call), with the FILEs' own
# tests of that side swapped in.
diff_tested() {
	local side tree list
	pass_list tested "$TESTED" "$OUT/tested-base-tree.txt" "$BASE" "$OUT/pass1-tested" \
		${PASS1_NAMES:+"$PASS1_NAMES"}
	not_in_files 0 "$OUT/tested-base-tree.txt" "$@" >"$OUT/tested-others.txt"
	for side in base series; do
		tree=$(side_tree "$side")
		mapfile -d '' list <"$OUT/$side.list"
		# (no file: none, not the whole tree)
		: >"$OUT/tested-$side.list"
		((${#list[@]} == 0)) || list_files "$tree" "$(tested_prefilter)" "${list[@]}" >"$OUT/tested-$side.list"
		collect_tested "$tree" "$OUT/tested-$side.list" "$OUT/collect-tested-$side" "$OUT/tested-$side-files.txt"
		sort -u "$OUT/tested-others.txt" "$OUT/tested-$side-files.txt" >"$OUT/tested-$side.txt"
	done
}

# diff_rule RULE: the TAP line of RULE, base against series; adds the
# findings of the tiers shown that the series introduces to NEW.
diff_rule() {
	local r=$1 side tree t0 nbase nseries nnew nhid input=""
	t0=$(now)
	for side in base series; do
		tree=$(side_tree "$side")
		! rule_reads_wrappers "$r" || input=$OUT/wrappers-$side.txt
		! rule_reads_tested "$r" || input=$OUT/tested-$side.txt
		run_rule "$r" report "$tree" "$OUT/$side.list" "$OUT/$r-$side" "$input" "$INCLUDES"
		findings_of "$OUT/$r-$side" >"$OUT/$r-$side/findings.txt"
		coverage "$tree" "$OUT/$r-$side" >"$OUT/$r-$side/parse-failures.txt"
	done
	new_findings "$OUT/$r-base/findings.txt" "$OUT/$r-series/findings.txt" >"$OUT/$r-new-all.txt"
	by_tier shown "$r" "$OUT/$r-new-all.txt" >"$OUT/$r-new.txt"
	nbase=$(grep -c . "$OUT/$r-base/findings.txt" || true)
	nseries=$(grep -c . "$OUT/$r-series/findings.txt" || true)
	nnew=$(grep -c . "$OUT/$r-new.txt" || true)
	nhid=$(by_tier hidden "$r" "$OUT/$r-new-all.txt" | grep -c . || true)
	{
		echo "## $r ($(elapsed "$t0") s)"
		echo "### base findings ($nbase)"
		cat "$OUT/$r-base/findings.txt"
		echo "### series findings ($nseries)"
		cat "$OUT/$r-series/findings.txt"
		echo "### new in series, tiers $TIERS ($nnew)"
		cat "$OUT/$r-new.txt"
		echo "### new in series, other tiers ($nhid)"
		by_tier hidden "$r" "$OUT/$r-new-all.txt"
		echo "### parse failures (base, series)"
		cat "$OUT/$r-base/parse-failures.txt" "$OUT/$r-series/parse-failures.txt"
	} >>"$LOG"
	# each parse failure once, with the first rule that met it
	for side in base series; do
		sed "s/^/$side: /" "$OUT/$r-$side/parse-failures.txt"
	done | sort -u | { grep -vxF -f "$OUT/parse-shown.txt" || true; } |
		tee -a "$OUT/parse-shown.txt" | tap_diag
	if ((nnew == 0)); then
		tap_ok "$r: no new findings ($nbase in base$(hidden_note "$nhid" | sed 's/^; /; new: /'))"
	else
		tap_not_ok "$r: $nnew new finding(s) ($nbase in base$(hidden_note "$nhid" | sed 's/^; /; new: /'))"
	fi
	by_tier shown "$r" "$OUT/$r-base/findings.txt" | sed 's/^/# base: /'
	sed 's/^/# new: /' "$OUT/$r-new.txt"
	cut -d: -f1 "$OUT/$r-new.txt" | sort | uniq -c | while read -r cnt file; do
		echo "cocci: $r: $cnt new finding(s) in $file; log: $LOG" >&2
	done
	NEW=$((NEW + nnew))
}

# cmd_diff ARGS: sets VERDICT.
cmd_diff() {
	local BASE="" SERIES="" OUT="" RULES=$ALL_RULES WRAPPERS="" TESTED="" INCLUDES=1 KRULES=0
	local PASS1=callees PASS1_NAMES="" f side tree r t_all nrules=0 pass1=0 tested=0
	local -a files=()
	CACHE_KEY=""
	while [[ $# -gt 0 ]]; do
		case $1 in
		--base-tree) need_value "$@"; BASE=$2; shift 2 ;;
		--series-tree) need_value "$@"; SERIES=$2; shift 2 ;;
		--out) need_value "$@"; OUT=$2; shift 2 ;;
		--cache-key) need_value "$@"; CACHE_KEY=$2; shift 2 ;;
		--pass1) need_value "$@"; PASS1=$2; shift 2 ;;
		--no-includes) INCLUDES=0; shift ;;
		--kernel-rules) KRULES=1; shift ;;
		-v | --verbose) VERBOSE=1; shift ;;
		--jobs | --rules | --wrappers | --tested | --cache) common_opt "$@"; shift 2 ;;
		--) shift; files+=("$@"); break ;;
		-*) die "$EX_SETUP" "diff: unknown option $1 (see cocci.sh diff --help)" ;;
		*) files+=("$1"); shift ;;
		esac
	done
	[[ -n $BASE ]] || die "$EX_SETUP" "diff: --base-tree DIR is required (see cocci.sh diff --help)"
	[[ -n $SERIES ]] || die "$EX_SETUP" "diff: --series-tree DIR is required"
	[[ -n $OUT ]] || die "$EX_SETUP" "diff: --out DIR is required"
	[[ $PASS1 == callees || $PASS1 == tree ]] ||
		die "$EX_SETUP" "diff: --pass1 takes callees or tree, not '$PASS1'"
	[[ ${#files[@]} -gt 0 ]] || die "$EX_SETUP" "diff: no FILE given"
	[[ -d $BASE ]] || die "$EX_SETUP" "diff: base tree $BASE is not a directory"
	[[ -d $SERIES ]] || die "$EX_SETUP" "diff: series tree $SERIES is not a directory"
	BASE=$(cd "$BASE" && pwd)
	SERIES=$(cd "$SERIES" && pwd)
	checked_opts
	out_dir cocci-diff
	case $OUT/ in "$BASE"/* | "$SERIES"/*) die "$EX_SETUP" "diff: --out must not be inside a tree" ;; esac
	rules_assemble "$OUT/rules"
	[[ -n $CACHE_DIR ]] || CACHE_DIR=$OUT/cache
	for f in "${files[@]}"; do
		case $f in
		/* | ../* | */../*) die "$EX_SETUP" "diff: FILE must be relative to the trees: $f" ;;
		*.c | *.h) ;;
		*) die "$EX_SETUP" "diff: not a .c or .h file: $f" ;;
		esac
		[[ -f $BASE/$f || -f $SERIES/$f ]] || die "$EX_SETUP" "diff: $f is in neither tree"
	done

	LOG=$OUT/cocci-diff.log
	: >"$LOG"
	trap on_signal INT TERM
	t_all=$(now)
	log "# cocci.sh diff --base-tree $BASE --series-tree $SERIES --out $OUT --jobs $JOBS --rules '$RULES' ${files[*]}"
	log "# $SPATCH_VERSION"

	# The file list of each tree (a file may exist in one tree only).
	for side in base series; do
		tree=$(side_tree "$side")
		for f in "${files[@]}"; do
			[[ ! -f $tree/$f ]] || printf '%s\0' "$f"
		done >"$OUT/$side.list"
	done
	for r in $RULES; do
		nrules=$((nrules + 1))
		! rule_reads_wrappers "$r" || pass1=1
		! rule_reads_tested "$r" || tested=1
	done
	# shellcheck disable=SC2086 # RULES is a list of words
	tested_deletes $RULES
	[[ $PASS1 != callees ]] || ((pass1 + tested == 0)) || pass1_names "${files[@]}"
	((pass1 == 0)) || diff_wrappers "${files[@]}"
	((tested == 0)) || diff_tested "${files[@]}"

	tap_plan $((nrules + KRULES))
	echo "# base: $BASE"
	echo "# series: $SERIES"
	echo "# files: ${files[*]}"
	: >"$OUT/parse-shown.txt"
	NEW=0
	for r in $RULES; do
		diff_rule "$r"
	done
	((KRULES == 0)) || diff_kernel_rules
	VERDICT=0
	((NEW == 0)) || VERDICT=$EX_FAIL
	echo "# time: $(elapsed "$t_all") s"
	log "total $(elapsed "$t_all") s"
	cache_prune
}
