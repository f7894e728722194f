# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Pass 1 of the kref rule: the get/put wrappers a tree defines, which the
# checking run reads (KREF_WRAPPERS=FILE; lines "KIND NAME WHERE"). Needs
# lib/spatch.sh. Sourcing only defines functions.

# The files in which pass 1 looks for wrappers (grep -E).
collect_prefilter() {
	echo '\<kref_(get|put|get_unless_zero|put_mutex|put_lock)\>'
}

# collect_wrappers TREE LIST WORK OUT: the wrappers defined in the files of
# LIST (NUL-separated, relative to TREE), written to OUT.
collect_wrappers() {
	local tree=$1 list=$2 work=$3 out=$4
	run_rule kref_balance collect "$tree" "$list" "$work"
	awk '$1 == "KREFWRAP" { $1 = ""; sub(/^ /, ""); print }' "$work/out.txt" | sort -u >"$out"
	files_given_up "$work" >>"$LOG"
	log "pass 1: $(wc -l <"$out") wrappers from $(count_list "$list") files of $tree"
}

# wrappers_cached TREE OUT WORK: pass 1 over the whole TREE, its list kept
# in $CACHE_DIR by the tree's path, the candidate files' names, sizes and
# times, spatch and the rule, so that every output dir of this machine
# (make cocci, make cocci-tree) shares it. With $CACHE_KEY (it names the
# tree's contents) the list is found without looking at the tree (seconds
# on a whole tree). Lists are written under a temporary name and renamed:
# two runs may fill the cache at once.
wrappers_cached() {
	local tree=$1 out=$2 work=$3 key list byname='' same
	mkdir -p "$CACHE_DIR" "$work"
	same=$(printf '%s\n' "$SPATCH_VERSION" | cat - "$COCCI_DIR/kref_balance.cocci" "$MACRO_FILE" |
		sha1sum)
	if [[ -n ${CACHE_KEY:-} ]]; then
		byname=$CACHE_DIR/wrappers-key-$(printf '%s\n' "$CACHE_KEY" "$tree" "$same" |
			sha1sum | cut -c1-16).txt
		if [[ -f $byname ]]; then
			log "pass 1: cached wrapper list $byname"
			cp "$byname" "$out"
			return
		fi
	fi
	list=$work/collect.list
	list_files "$tree" "$(collect_prefilter)" >"$list"
	key=$({
		printf '%s\n' "$tree" "$same"
		(cd "$tree" && xargs -0 -r stat -c '%n %s %Y' <"$list")
	} | sha1sum | cut -c1-16)
	if [[ -f $CACHE_DIR/wrappers-$key.txt ]]; then
		log "pass 1: cached wrapper list $CACHE_DIR/wrappers-$key.txt"
	else
		collect_wrappers "$tree" "$list" "$work/collect" "$work/wrappers.txt"
		cp "$work/wrappers.txt" "$CACHE_DIR/.wrappers-$key.$$"
		mv "$CACHE_DIR/.wrappers-$key.$$" "$CACHE_DIR/wrappers-$key.txt"
	fi
	cp "$CACHE_DIR/wrappers-$key.txt" "$out"
	if [[ -n $byname ]]; then
		cp "$out" "$byname.$$"
		mv "$byname.$$" "$byname"
	fi
}

# wrapper_calls_re WRAPPERS: an extended regexp matching a call of any
# wrapper of the list (files calling one are candidates of the kref rule
# too); nothing for an empty list.
wrapper_calls_re() {
	local names
	names=$(awk 'NF >= 2 { print $2 }' "$1" | sort -u | paste -sd'|')
	[[ -z $names ]] || printf '\\<(%s)[[:space:]]*\\(\n' "$names"
}
