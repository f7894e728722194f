# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# What a spatch run printed, read: failures of spatch or of a rule,
# findings, constructs spatch skipped, files it gave up on. Needs
# lib/spatch.sh (FILE_EXN, TIMEOUT). Sourcing only defines functions.

# chunk_failed CHUNK: whether spatch or the rule failed in a chunk (a
# file given up is not a failure: see files_given_up).
chunk_failed() {
	[[ $(cat "$1.rc" 2>/dev/null) != 0 ]] ||
		grep -vE "$FILE_EXN" "$1.err" | grep -qE '^EXN:|Python failure|^Fatal error'
}

# chunk_failures DIR: what failed in the chunks of DIR, spatch or the
# rule; false if anything did.
chunk_failures() {
	local c rc bad=0
	for c in "$1"/*.rc; do
		[[ -e $c ]] || continue
		c=${c%.rc}
		chunk_failed "$c" || continue
		bad=1
		rc=$(cat "$c.rc")
		grep -vE "$FILE_EXN" "$c.err" |
			grep -E '^EXN:|Python failure|^Fatal error|rror in Python|^cocci-reduce failed:' |
			head -n 3 | sed "s|^|${c##*/}: |" || true
		[[ $rc == 0 ]] || echo "${c##*/}: exit status $rc; command: $(tail -n 1 "$c.cmd")"
	done
	return "$bad"
}

# --- confidence tiers ------------------------------------------------------
# A finding's message may start with its tier, "[High] ", "[Moderate] "
# or "[Low] "; one that does not has its rule's (rule_default_tier).
# COCCI_TIERS says which tiers a report shows (and a diff fails on):
# High and Moderate by default, "all" for every tier, or a list
# ("high,moderate,low"). The others are counted as hidden.

# tiers_init: TIERS from COCCI_TIERS, checked.
tiers_init() {
	local t w=${COCCI_TIERS:-high,moderate}
	TIERS=""
	[[ ${w,,} != all ]] || w=high,moderate,low
	for t in ${w//,/ }; do
		case ${t,,} in
		high) TIERS+=" High" ;;
		moderate) TIERS+=" Moderate" ;;
		low) TIERS+=" Low" ;;
		*) die "$EX_SETUP" "COCCI_TIERS: unknown tier '$t' (High, Moderate, Low or all)" ;;
		esac
	done
	TIERS=${TIERS# }
	[[ -n $TIERS ]] || die "$EX_SETUP" "COCCI_TIERS names no tier"
}

# rule_tiers RULE: the tiers RULE's findings can have, the words of its
# "// Confidence:" line (rule_default_tier's alone when it names none).
rule_tiers() {
	local c t out=""
	c=$(rule_confidence "$1")
	for t in High Moderate Low; do
		[[ ${c,,} != *"${t,,}"* ]] || out+=" $t"
	done
	[[ -n $out ]] || out=" $(rule_default_tier "$1")"
	printf '%s\n' "${out# }"
}

# rule_shown RULE: whether $TIERS shows a tier RULE's findings can have.
rule_shown() {
	local t
	for t in $(rule_tiers "$1"); do
		[[ " $TIERS " != *" $t "* ]] || return 0
	done
	return 1
}

# by_tier shown|hidden RULE [FILE...]: the findings (report lines) of RULE
# that $TIERS shows, or those it hides.
by_tier() {
	local want=$1 rule=$2
	shift 2
	awk -v want="$want" -v tiers=" $TIERS " -v def="$(rule_default_tier "$rule")" '
		{
			t = def
			if (match($0, /: \[(High|Moderate|Low)\] /))
				t = substr($0, RSTART + 3, RLENGTH - 5)
			if ((index(tiers, " " t " ") > 0) == (want == "shown"))
				print
		}' "$@"
}

# hidden_note N: what the summary says of N hidden findings.
hidden_note() {
	(($1 == 0)) || printf '; %s hidden (not %s: COCCI_TIERS=all shows them)' \
		"$1" "${TIERS// //}"
}

# sort_findings: report lines sorted by file, line, column, once each.
sort_findings() { sort -t: -k1,1 -k2,2n -k3,3n -u; }

# findings_of WORK: the report lines of a run, sorted by file, line, column.
findings_of() {
	{ grep -E '^[^ ]+:[0-9]+:[0-9]+-[0-9]+: ' "$1/out.txt" || true; } | sort_findings
}

# files_given_up WORK: the files of a run spatch gave up on, as coverage
# warnings.
files_given_up() {
	local line file why
	while IFS= read -r line; do
		file=${line##* in }
		case $line in
		*Common.Timeout*) why="spatch gave up after $TIMEOUT s (COCCI_TIMEOUT)" ;;
		*) why="spatch failed: $(printf '%s' "${line#EXN: }" | cut -c1-100)" ;;
		esac
		printf 'warning: %s: file not checked: %s\n' "$file" "$why"
	done <"$1/exn.txt" | sort -u
}

# parse_failures TREE WORK: one line per construct spatch had to skip in
# a run, naming the function (or else the macro or declaration) it is in.
# Errors inside spatch's macro definitions are charged to the code they
# were expanded in.
parse_failures() {
	local tree=$1 file line note kind name at
	while IFS=$'\t' read -r file line note; do
		[[ -f $tree/$file ]] || continue
		IFS=$'\t' read -r kind name at < <(
			awk -v L="$line" -f "$REPO/scripts/awk/spatch-describe-line.awk" "$tree/$file")
		if [[ $kind == function ]]; then
			printf 'warning: %s:%s: function %s not checked: spatch could not parse it (line %s%s)\n' \
				"$file" "$at" "$name" "$line" "${note:+, $note}"
		else
			printf 'note: %s:%s: %s %s: spatch could not parse it (line %s%s); no function body skipped\n' \
				"$file" "$at" "$kind" "$name" "$line" "${note:+, $note}"
		fi
	done <"$2/parse.tsv" | sort -t: -k2,2 -k3,3n -u
}

# coverage TREE WORK: parse_failures and files_given_up of a run.
coverage() {
	parse_failures "$1" "$2"
	files_given_up "$2"
}
