# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# What a spatch run printed, read: failures of spatch or of a rule,
# findings, constructs spatch skipped, files it gave up on. Needs
# lib/spatch.sh (FILE_EXN, TIMEOUT). Sourcing only defines functions.

# chunk_failures DIR: what failed in the chunks of DIR, spatch or the
# rule (a file given up is not a failure: see files_given_up); false if
# anything did.
chunk_failures() {
	local c rc bad=0
	for c in "$1"/*.rc; do
		[[ -e $c ]] || continue
		rc=$(cat "$c")
		c=${c%.rc}
		if [[ $rc != 0 ]] ||
			grep -vE "$FILE_EXN" "$c.err" | grep -qE '^EXN:|Python failure|^Fatal error'; then
			bad=1
			grep -vE "$FILE_EXN" "$c.err" |
				grep -E '^EXN:|Python failure|^Fatal error|rror in Python' |
				head -n 3 | sed "s|^|${c##*/}: |" || true
			[[ $rc == 0 ]] || echo "${c##*/}: spatch exit status $rc; command: $(cat "$c.cmd")"
		fi
	done
	return "$bad"
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
