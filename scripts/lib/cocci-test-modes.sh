# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# scripts/cocci-test.sh's tests of a rule's other modes against what its
# report mode found: org mode lists, and context mode stars, exactly the
# reported lines; patch mode rewrites exactly the reported calls, or is
# refused by a rule without "virtual patch". Needs lib/spatch.sh and
# cocci-test.sh's result and compare. Sourcing only defines functions.

# removed_lines CHANGES: "FILE:LINE" of each removed (starred) line of
# udiff-changes.awk's output.
removed_lines() {
	awk -F: '$3 ~ /^-/ { print $1 ":" $2 }' "$1" | sort -u
}

# spatch_mode RULE MODE DIR INPUT [FILE]: spatch in MODE over the test
# directory DIR (or its FILE only), as cocci.sh runs it, with the list
# INPUT the rule reads (kref_balance: KREF_WRAPPERS, list_del_init:
# LIST_TESTED).
spatch_mode() {
	local rule=$1 mode=$2 dir=$3 input=$4 target=(--dir .) wrappers=$4 tested=""
	local -a opts=()
	[[ -z ${5:-} ]] || target=("$5")
	! rule_reads_tested "$rule" || { tested=$input; wrappers=""; }
	read -r -a opts <<<"$(rule_options "$rule")"
	(cd "$dir" && KREF_WRAPPERS=$wrappers LIST_TESTED=$tested nice -n 19 "$SPATCH" --very-quiet -D "$mode" \
		--sp-file "$(rule_file "$rule")" --macro-file "$MACRO_FILE" \
		"${opts[@]}" "${target[@]}")
}

# test_modes RULE OUT: org, context and patch mode over the rule's tests,
# compared with report mode's findings (OUT/run, as the runner left it,
# with the list the runner gave the rule: OUT/run/input).
test_modes() {
	local r=$1 out=$2
	: >"$out/run/input"
	if rule_reads_tested "$r"; then
		cp "$out/run/tested.txt" "$out/run/input" 2>/dev/null || true
	else
		cp "$out/run/wrappers.txt" "$out/run/input" 2>/dev/null || true
	fi
	cut -d: -f1,2 "$out/run/findings-$r.txt" | sort >"$out/report.lines"
	sort -u "$out/report.lines" >"$out/report.ulines"
	test_org "$r" "$out"
	test_context "$r" "$out"
	test_patch "$r" "$out"
}

# mode_result NAME OUT WANT GOT ERR DIAG: OK when report mode found
# something (OUT/report.lines) and GOT holds exactly WANT's lines; else
# FAIL, with the difference and spatch's errors (ERR) in DIAG.
mode_result() {
	if [[ -s $2/report.lines ]] && compare "$3" "$4" "$6"; then
		result OK "$1"
	else
		cat "$5" >>"$6"
		result FAIL "$1" "$6"
	fi
}

# test_org RULE OUT: one TODO entry per finding of report mode.
test_org() {
	local r=$1 out=$2 diag=$2/org.diag name="$1: org mode lists the same findings as report mode"
	: >"$diag"
	spatch_mode "$r" org "$TESTS/$r" "$out/run/input" >"$out/org.out" 2>"$out/org.err" || true
	grep -o '^\* TODO \[\[view:[^:]*::face=ovl-face1::linb=[0-9]*' "$out/org.out" |
		sed -E 's|^\* TODO \[\[view:(\./)?([^:]*)::face=ovl-face1::linb=([0-9]+)|\2:\3|' |
		sort >"$out/org.lines" || true
	mode_result "$name" "$out" "$out/report.lines" "$out/org.lines" "$out/org.err" "$diag"
}

# test_context RULE OUT: the starred lines are the reported lines.
test_context() {
	local r=$1 out=$2 diag=$2/context.diag name="$1: context mode stars exactly the reported lines"
	: >"$diag"
	spatch_mode "$r" context "$TESTS/$r" "$out/run/input" >"$out/context.out" 2>"$out/context.err" || true
	awk -f "$REPO/scripts/awk/udiff-changes.awk" "$out/context.out" >"$out/context.changes"
	removed_lines "$out/context.changes" >"$out/context.lines"
	mode_result "$name" "$out" "$out/report.ulines" "$out/context.lines" "$out/context.err" "$diag"
}

# test_patch RULE OUT: exactly the reported list_del() lines become
# list_del_init(), nothing else changes; a rule with no fix to make is
# refused by spatch, and changes nothing.
test_patch() {
	local r=$1 out=$2 diag=$2/patch.diag prc=0 bad name
	: >"$diag"
	spatch_mode "$r" patch "$TESTS/$r" "$out/run/input" >"$out/patch.out" 2>"$out/patch.err" || prc=$?
	if ! grep -qx 'virtual patch' < <(rule_text "$r"); then
		name="$r: patch mode is refused (the rule has no fix)"
		if ((prc != 0)) && [[ ! -s $out/patch.out ]] &&
			grep -q 'virtual rule patch not supported' "$out/patch.err"; then
			result OK "$name"
		else
			{ echo "exit status $prc"; cat "$out/patch.out" "$out/patch.err"; } >>"$diag"
			result FAIL "$name" "$diag"
		fi
		return
	fi
	name="$r: patch mode rewrites exactly the reported calls"
	awk -f "$REPO/scripts/awk/udiff-changes.awk" "$out/patch.out" >"$out/patch.changes"
	removed_lines "$out/patch.changes" >"$out/patch.lines"
	bad=$(awk -f "$REPO/scripts/awk/list-del-init-patch.awk" "$out/patch.changes")
	# a line changed otherwise than list_del() into list_del_init()
	[[ -z $bad ]] || echo "$bad" >"$out/patch.lines"
	mode_result "$name" "$out" "$out/report.ulines" "$out/patch.lines" "$out/patch.err" "$diag"
}
