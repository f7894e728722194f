# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The collecting pass of the list_del_init rule: the fields the files of
# a tree test with list_empty(), list_empty_careful() or hlist_unhashed()
# (the LISTTEST lines of "spatch -D collect", "LISTTEST TYPE FIELD
# FILE:LINE"), which its checking runs read (LIST_TESTED=FILE): a
# list_del() of such a field is reported in any file, not only in the one
# that tests it. Needs lib/spatch.sh, lib/spatch-run.sh and
# lib/cocci-wrappers.sh. Sourcing only defines functions.

# tested_prefilter: the files that may test a field (grep -E): the rule's
# collect mode lists only such calls; with TESTED_DELETES=1 (set when
# list_del_twice runs), also the files that delete an entry, for the
# functions that delete (or add) a member of a parameter (LISTUNLINK and
# LISTLINK lines).
tested_prefilter() {
	if [[ ${TESTED_DELETES:-0} == 1 ]]; then
		echo '\<(list_empty(_careful)?|hlist_unhashed(_lockless)?|h?list_del(_init)?(_rcu)?|list_del_init_rcu)[[:space:]]*\('
	else
		echo '\<(list_empty(_careful)?|hlist_unhashed(_lockless)?)[[:space:]]*\('
	fi
}

# tested_deletes RULE...: TESTED_DELETES=1 when one of the RULEs reads the
# functions that delete a member of a parameter (list_del_twice).
tested_deletes() {
	local r
	TESTED_DELETES=0
	for r in "$@"; do
		[[ $r != list_del_twice ]] || TESTED_DELETES=1
	done
}

# tested_rule_prefilter RULE TESTED: the files RULE can report anything
# in (prefilter_of), with the collecting pass's list TESTED in:
# list_del_twice's candidates are also the files calling a function of
# the list that leaves a member of its parameter poisoned.
tested_rule_prefilter() {
	case $1 in
	list_del_twice)
		printf '%s%s\n' "$(prefilter_of "$1")" "$(awk '$1 == "LISTUNLINK" && $5 ~ /^h?list_del(_rcu)?(\+ontrue)?$/ { print $2 }' "$2" |
			calls_re | sed 's/^./|&/')"
		;;
	*) prefilter_of "$1" ;;
	esac
}

# collect_tested TREE LIST WORK OUT: the fields tested in the files of
# LIST (NUL-separated, relative to TREE), sorted into OUT. (The rule
# leaves out a .c file's tests of a structure that file defines: in any
# other file a structure of that name is another type.)
collect_tested() {
	local tree=$1 list=$2 work=$3 out=$4
	run_rule list_del_init collect "$tree" "$list" "$work"
	{ grep -E '^LIST(TEST|UNLINK|LINK) ' "$work/out.txt" || true; } | sort -u >"$out"
	files_given_up "$work" >>"$LOG"
	log "tested: $(grep -c '^LISTTEST ' "$out" || true) tests of fields, $(grep -c '^LISTUNLINK ' "$out" || true) deletes of a parameter's member by a function, in $(count_list "$list") files of $tree"
}

# tested_cached TREE OUT WORK [NAMES]: the collecting pass over the files
# of TREE that tested_prefilter passes (with NAMES, a file of function
# names, only those that may define one of them: scope_to, as pass 1 of
# the kref rule scopes itself), into OUT. What spatch printed for each
# file is in the per-file cache (run_rule: by the file's contents, the
# rule, spatch's version...): an unchanged tree runs no spatch. With
# $CACHE_KEY the list itself is kept too, as wrappers_cached keeps pass
# 1's: found without looking at the tree.
tested_cached() {
	local tree=$1 out=$2 work=$3 names=${4:-}
	mkdir -p "$CACHE_DIR" "$work"
	! cached_list "tested: cached list" "tested-deletes${TESTED_DELETES:-0}" list_del_init cocci-tested \
		"$tree" "$out" "$names" || return 0
	list_files "$tree" "$(tested_prefilter)" | scope_to "$tree" "$names" >"$work/files.list"
	collect_tested "$tree" "$work/files.list" "$work/collect" "$out"
	[[ -z $BYNAME ]] || keep_by_key "$out" "$BYNAME"
}
