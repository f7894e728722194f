# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Pass 1 of the kref rules: the get/put wrappers a tree defines, and the
# iterators that hold a reference on their loop variable, which the
# checking runs read (KREF_WRAPPERS=FILE; lines "KIND NAME WHERE", and
# "iter NAME WHERE ARG"). Needs lib/spatch.sh. Sourcing only defines
# functions.

# The files in which pass 1 looks for wrappers (grep -E): what its rules
# match in a function body (kref_get(), kref_get_unless_zero(),
# kref_put*(), kref_init() of a returned object) or header (a release
# callback: "R(struct kref *k)"). Calls of wrappers and getters of other
# files are the second round's (collect_tree).
collect_prefilter() {
	echo '\<kref_(init|get|put|get_unless_zero|put_mutex|put_lock)\>|\<struct[[:space:]]+kref[[:space:]]*\*'
}

# collect_wrappers TREE LIST WORK OUT [WRAPPERS]: the wrappers defined in
# the files of LIST (NUL-separated, relative to TREE), written to OUT;
# with WRAPPERS, those of the rest of the tree are known while looking
# (a function returning what a getter of another file returned is a
# getter too).
collect_wrappers() {
	local tree=$1 list=$2 work=$3 out=$4 wrappers=${5:-}
	run_rule kref_balance collect "$tree" "$list" "$work" "$wrappers"
	awk '$1 == "KREFWRAP" { $1 = ""; sub(/^ /, ""); print }' "$work/out.txt" | sort -u >"$out"
	files_given_up "$work" >>"$LOG"
	log "pass 1: $(wc -l <"$out") wrappers from $(count_list "$list") files of $tree"
}

# Pass 1 runs in rounds until a round finds no new name, at most this
# many: a getter of one file is found only once the getters it calls are
# known (of_find_node_by_type() calls of_node_get(), which calls
# kobject_get(), which calls kref_get(): four rounds).
PASS1_MAX_ROUNDS=8

# collect_tree TREE WORK OUT [NAMES] [KEY]: pass 1 over the whole TREE in
# rounds: the files collect_prefilter passes; then, with what the earlier
# rounds found known, the files calling a getter or wrapper the last round
# found first (a header of getters that only call other files' getters
# has no kref_ in it), until a round finds nothing new. With NAMES (a
# file of function names), each round keeps only the files defining one
# of them (scope_to). With KEY (a hash of what the list depends on
# besides the files), each round's list is kept in $CACHE_DIR by KEY and
# the names, sizes and times of its files and of the earlier rounds', and
# taken from there when it is. The candidate files of round N are kept in
# WORK/round-N.list.
collect_tree() {
	local tree=$1 work=$2 out=$3 names=${4:-} key=${5:-} round=1 cached=0 known fresh list
	mkdir -p "$work"
	known=$work/known.txt
	fresh=$work/fresh.txt
	: >"$known"
	list_files "$tree" "$(collect_prefilter)" | scope_to "$tree" "$names" >"$work/round-1.list"
	while :; do
		list=$work/round-$round.list
		[[ -z $key ]] || key=$({
			echo "$key"
			(cd "$tree" && xargs -0 -r stat -c '%n %s %Y' <"$list")
		} | sha1sum | cut -c1-16)
		if [[ -n $key && -f $CACHE_DIR/wrappers-r$round-$key.txt ]]; then
			cached=$((cached + 1))
			touch -c "$CACHE_DIR/wrappers-r$round-$key.txt"
			cp "$CACHE_DIR/wrappers-r$round-$key.txt" "$work/round-$round.txt"
		else
			collect_wrappers "$tree" "$list" "$work/round-$round" "$work/round-$round.txt" \
				"$([[ $round == 1 ]] || echo "$known")"
			[[ -z $key ]] || keep_by_key "$work/round-$round.txt" "$CACHE_DIR/wrappers-r$round-$key.txt"
		fi
		# a name of a kind it was not known as before is new
		awk 'FILENAME == ARGV[1] { known[$1 " " $2]; next } !(($1 " " $2) in known)' \
			"$known" "$work/round-$round.txt" >"$fresh"
		cat "$fresh" >>"$known"
		[[ -s $fresh && $round -lt $PASS1_MAX_ROUNDS ]] || break
		wrapper_callers "$tree" "$fresh" | scope_to "$tree" "$names" >"$work/round-$((round + 1)).list"
		[[ -s $work/round-$((round + 1)).list ]] || break
		round=$((round + 1))
	done
	iterators_of "$tree" "$known" "$work/iterators.txt"
	sort -u "$known" "$work/iterators.txt" >"$out"
	if ((cached == round)); then
		log "pass 1: cached wrapper list of $round round(s) in $CACHE_DIR"
		return
	fi
	log "pass 1: $(wc -l <"$known") wrappers in $round round(s) ($cached from the cache)," \
		"$(($(wc -l <"$known") - $(wc -l <"$work/round-1.txt"))) of them after round 1" \
		"($(cat "$work"/round-*.list | count_list /dev/stdin) files read)"
}

# The files that may define an iterator (grep -E): a macro with for_each
# in its name.
iterator_prefilter() {
	echo '^[[:space:]]*#[[:space:]]*define[[:space:]]+[A-Za-z0-9_]*for_each[A-Za-z0-9_]*\('
}

# iterators_of TREE WRAPPERS OUT [LIST]: the iterators the files of LIST
# (NUL-separated, relative to TREE; default: those of the whole TREE that
# iterator_prefilter passes) define whose loop variable holds a reference
# (scripts/awk/kref-iterators.awk, with the returning getters of the
# wrapper list WRAPPERS), into OUT. A grep and an awk: seconds for a
# whole kernel tree, so not cached apart from the list they end in.
iterators_of() {
	local tree=$1 wrappers=$2 out=$3 list=${4:-}
	if [[ -z $list ]]; then
		list=$out.files
		list_files "$tree" "$(iterator_prefilter)" >"$list"
	fi
	wrappers=$(abspath "$wrappers")
	(cd "$tree" && xargs -0 -r awk -f "$REPO/scripts/awk/kref-iterators.awk" "$wrappers" <"$list") |
		sort -u >"$out"
	log "iterators: $(wc -l <"$out") reference-holding iterators in $(count_list "$list") files of $tree"
}

# with_iterators_of TREE LIST WORK: the wrapper list LIST with its
# iterators replaced by those TREE's macros define (make cocci-eval: the
# corpus's cases are single files, the iterators are in the whole tree's
# headers).
with_iterators_of() {
	local tree=$1 list=$2 work=$3
	mkdir -p "$work"
	iterators_of "$tree" "$list" "$work/iterators.txt"
	{ grep -v '^iter ' "$list" || true; } | sort -u - "$work/iterators.txt" >"$work/with-iterators.txt"
	mv "$work/with-iterators.txt" "$list"
}

# called_names FILE...: the names the FILEs call (an identifier before
# "("), one per line. Keywords and macros come along: no function
# definition elsewhere has their names.
called_names() {
	cat -- "$@" | { grep -oE '\<[A-Za-z_][A-Za-z0-9_]*[[:space:]]*\(' || true; } |
		sed -E 's/[[:space:]]*\($//' | sort -u
}

# scope_to TREE NAMES: the files of the list on stdin (NUL-separated,
# relative to TREE) that may define a function of the file NAMES
# (scripts/awk/defines-name.awk). Without NAMES, the whole list.
scope_to() {
	local tree=$1 names=$2
	if [[ -z $names ]]; then
		cat
		return
	fi
	[[ -s $names ]] || return 0
	names=$(abspath "$names")
	(cd "$tree" && xargs -0 -r awk -f "$REPO/scripts/awk/defines-name.awk" "$names" | sort -z) || true
}

# wrapper_callers TREE WRAPPERS: the files of TREE calling a function
# of WRAPPERS through which a later round may find a getter: a returning
# getter, a get, tryget or init wrapper (a list as list_files prints it).
# Not put wrappers: their callers are twice as many files, and a file
# defining a put wrapper mostly defines its get wrapper too.
wrapper_callers() {
	local re
	re=$(wrapper_calls_re "$2" 'rget|get|tryget|init')
	[[ -z $re ]] || list_files "$1" "$re"
}

# wrappers_cached TREE OUT WORK [NAMES]: pass 1 over TREE (with NAMES,
# over the files defining one of the NAMES, as collect_tree does), its list
# kept in $CACHE_DIR by what it depends on, so that every output dir of
# this machine (make cocci, make cocci-tree) shares it: spatch, the rule,
# the macro file, this file (how pass 1 picks its files) and NAMES; then
# $CACHE_KEY (it names the tree's contents: the list is found without
# looking at the tree) or, for the whole tree, the candidate files' names,
# sizes and times (wrappers_by_stat). A scoped pass without $CACHE_KEY is
# run again (its files' spatch output is in the cache). Lists are written
# under a temporary name and renamed: two runs may fill the cache at once.
wrappers_cached() {
	local tree=$1 out=$2 work=$3 names=${4:-}
	mkdir -p "$CACHE_DIR" "$work"
	! cached_list "pass 1: cached wrapper list" wrappers kref_balance cocci-wrappers \
		"$tree" "$out" "$names" || return 0
	if [[ -n $names ]]; then
		log "pass 1: the files of $tree defining one of the $(wc -l <"$names") names of $names"
		collect_tree "$tree" "$work/collect" "$out" "$names"
	else
		wrappers_by_stat "$tree" "$out" "$work" "$SAME"
	fi
	[[ -z $BYNAME ]] || keep_by_key "$out" "$BYNAME"
}

# cached_list MESSAGE KIND RULE LIB TREE OUT [NAMES]: SAME, what the list
# of KIND (wrappers, tested) of TREE depends on besides the tree: spatch,
# RULE, our macro file, the LIB of scripts/lib that makes it (how it picks
# its files) and NAMES; and BYNAME, the file of $CACHE_DIR keeping it by
# $CACHE_KEY and SAME (nothing without a $CACHE_KEY). True, with OUT
# copied from there and MESSAGE logged, when the cache has it.
cached_list() {
	local message=$1 kind=$2 rule=$3 lib=$4 tree=$5 out=$6 names=${7:-}
	SAME=$({
		printf '%s\n' "$SPATCH_VERSION"
		rule_text "$rule"
		cat "$MACRO_FILE" "$REPO/scripts/lib/$lib.sh" "$REPO/scripts/awk/kref-iterators.awk"
		# a scope of no names is still a scope, not the whole tree
		[[ -z $names ]] || { echo "scoped to:"; cat "$names" "$REPO/scripts/awk/defines-name.awk"; }
	} | sha1sum)
	BYNAME=""
	[[ -n ${CACHE_KEY:-} ]] || return 1
	BYNAME=$CACHE_DIR/$kind-key-$(printf '%s\n' "$CACHE_KEY" "$tree" "$SAME" | sha1sum | cut -c1-16).txt
	[[ -f $BYNAME ]] || return 1
	log "$message $BYNAME"
	touch -c "$BYNAME"
	cp "$BYNAME" "$out"
}

# pass_list KIND GIVEN OUT TREE WORK [NAMES]: the list of a collecting
# pass into OUT: the file GIVEN (--wrappers, --tested) if there is one,
# else KIND_cached TREE OUT WORK [NAMES] (KIND: wrappers or tested).
pass_list() {
	local kind=$1 given=$2 out=$3 tree=$4
	shift 4
	if [[ -n $given ]]; then
		cp "$given" "$out"
	else
		"${kind}_cached" "$tree" "$out" "$@"
	fi
}

# keep_by_key LIST FILE: LIST kept as FILE, written under a temporary name
# and renamed: two runs may fill the cache at once.
keep_by_key() {
	cp "$1" "$2.$$"
	mv "$2.$$" "$2"
}

# wrappers_by_stat TREE OUT WORK SAME: pass 1 over the whole TREE, each
# round's list kept in $CACHE_DIR by SAME (what wrappers_cached hashed)
# and the names, sizes and times of that round's and the earlier rounds'
# candidate files.
wrappers_by_stat() {
	local tree=$1 out=$2 work=$3 same=$4
	collect_tree "$tree" "$work/collect" "$out" "" \
		"$(printf '%s\n' "$tree" "$same" | sha1sum | cut -c1-16)"
}

# wrapper_calls_re WRAPPERS [KIND]: an extended regexp matching a call of
# any wrapper of the list (files calling one are candidates of the kref
# rule too), or of those of KIND (an awk regexp: "rget|get", "iter");
# nothing for an empty list. Lines of kind putcb name no function called,
# those of kind iter a macro (only asked for by KIND).
wrapper_calls_re() {
	awk -v kind="${2:-}" 'NF >= 2 && (kind == "" ? $1 != "putcb" && $1 != "iter" : $1 ~ "^(" kind ")$") { print $2 }' "$1" |
		calls_re
}

# calls_re: an extended regexp matching a call of any function named on
# standard input (one a line); nothing for none.
calls_re() {
	local names
	names=$(sort -u | paste -sd'|')
	[[ -z $names ]] || printf '\\<(%s)[[:space:]]*\\(\n' "$names"
}

# wrappers_prefilter RULE WRAPPERS: the prefilter of a rule reading the
# wrapper list WRAPPERS (prefilter_of), with the list in: kref_balance's
# candidates are also the files calling a wrapper, kref_iterator's only
# the files using an iterator of the list (nothing: no file).
wrappers_prefilter() {
	case $1 in
	kref_iterator) wrapper_calls_re "$2" iter ;;
	*) printf '%s%s\n' "$(prefilter_of "$1")" "$(wrapper_calls_re "$2" | sed 's/^./|&/')" ;;
	esac
}
