#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/checkpatch.sh [--help]
#
# Check every patch of the series as a mail a maintainer will read:
#  - it has From: and Subject: headers, a body above '---', and a
#    Signed-off-by: that matches From:; From: is the identity in
#    series/identity when that file exists (make identity changes it);
#  - the base tree's scripts/checkpatch.pl --strict --codespell (with
#    Debian's codespell dictionary) finds no ERROR or WARNING, typos
#    included, except those listed in series/checkpatch.exceptions, one per
#    line: "PATCH TYPE REASON", PATCH a patch file name or '*', TYPE the
#    checkpatch type (as --show-types prints it), REASON why it stays.
#    CHECK findings are printed, not failed.
#
# Prints TAP, one line per patch. Exit: 0 clean, 1 findings (the first is
# named), 2 setup error (no base, malformed exceptions file).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

LOG=$LOGS/checkpatch.log
EXCEPTIONS=$SERIES_DIR/checkpatch.exceptions

# read_exceptions: EXC["patch TYPE"]=reason; a line without a reason is an
# error, since the point of the file is the review of each reason.
declare -A EXC=() EXC_USED=()
read_exceptions() {
	local line n=0 patch type reason
	[[ -f $EXCEPTIONS ]] || return 0
	while IFS= read -r line || [[ -n $line ]]; do
		n=$((n + 1))
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		read -r patch type reason <<<"$line"
		[[ -n $reason && $type =~ ^[A-Z0-9_]+$ ]] ||
			die "$EX_SETUP" "${EXCEPTIONS##*/}: line $n: want 'PATCH TYPE REASON': '$line'"
		EXC["$patch $type"]=$reason
	done <"$EXCEPTIONS"
}

excepted() {
	local patch=$1 type=$2 k
	for k in "$patch $type" "* $type"; do
		if [[ -n ${EXC[$k]:-} ]]; then
			EXC_USED[$k]=1
			return 0
		fi
	done
	return 1
}

# mail_problems PATCH: what a maintainer's mail reader would miss.
mail_problems() {
	IDENTITY=$IDENTITY awk '
		!body && /^$/ { body = 1; next }
		!body && /^From: / { from = substr($0, 7) }
		!body && /^Subject: / { subject = 1 }
		body && /^---$/ { done = 1 }
		body && !done && /^Signed-off-by: / { sob[substr($0, 16)] = 1; nsob++; next }
		body && !done && NF && !/^[A-Za-z-]+: / { text = 1 }
		END {
			if (from == "") print "no From: header"
			if (!subject) print "no Subject: header"
			if (!text) print "no commit message body"
			if (!nsob) print "no Signed-off-by:"
			else if (from != "" && !(from in sob)) print "no Signed-off-by: matching From: " from
			if (ENVIRON["IDENTITY"] != "" && from != "" && from != ENVIRON["IDENTITY"])
				print "From: " from " is not series/identity (" ENVIRON["IDENTITY"] "); run make identity"
		}' "$1"
}

# codespell_dictionary: the dictionary of Debian's codespell. checkpatch
# finds it by running "python3 -c 'import codespell_lib'", which fails
# when python3 is not Debian's (a pyenv one, say) and then quietly checks
# no codespell typo at all; so it is named here.
codespell_dictionary() {
	local dir
	dir=$(/usr/bin/python3 -c 'import codespell_lib, os; print(os.path.dirname(codespell_lib.__file__))' 2>/dev/null) || true
	if [[ -z $dir || ! -f $dir/data/dictionary.txt ]]; then
		die "$EX_SETUP" "no codespell dictionary (Debian's codespell_lib/data/dictionary.txt); install it with: apt-get install codespell"
	fi
	printf '%s\n' "$dir/data/dictionary.txt"
}

main() {
	local p out findings line type level total=0 failed=0 first='' k IDENTITY
	no_args "$@"
	need_tool perl perl
	need_tool codespell codespell
	load_base
	read_series
	read_exceptions
	IDENTITY=$(read_identity) || IDENTITY=
	local checkpatch=$BASE_DIR/scripts/checkpatch.pl dictionary
	[[ -f $checkpatch ]] || die "$EX_SETUP" "$checkpatch missing in the base"
	dictionary=$(codespell_dictionary)
	mkdir -p "$LOGS"
	: >"$LOG"
	tap_plan "${#PATCHES[@]}"
	for p in "${PATCHES[@]}"; do
		total=$((total + 1))
		findings=()
		while IFS= read -r line; do
			[[ -n $line ]] && findings+=("mail: $line")
		done < <(mail_problems "$SERIES_DIR/$p")
		# From $LOGS: checkpatch caches CamelCase words in its cwd.
		out=$(cd "$LOGS" && perl "$checkpatch" --strict --codespell \
			--codespellfile="$dictionary" --show-types --no-summary \
			--root="$BASE_DIR" "$SERIES_DIR/$p" 2>&1) || true
		printf '=== %s\n%s\n' "$p" "$out" >>"$LOG"
		while IFS= read -r line; do
			[[ $line =~ ^(ERROR|WARNING|CHECK):([A-Z0-9_]+): ]] || continue
			level=${BASH_REMATCH[1]} type=${BASH_REMATCH[2]}
			if [[ $level == CHECK ]]; then
				printf '%s: %s\n' "$p" "$line" | tap_diag
			elif excepted "$p" "$type"; then
				printf '%s: %s (excepted: %s)\n' "$p" "$line" \
					"${EXC["$p $type"]:-${EXC["* $type"]}}" | tap_diag
			else
				findings+=("$line")
			fi
		done <<<"$out"
		if [[ ${#findings[@]} -eq 0 ]]; then
			tap_ok "$p"
			continue
		fi
		failed=$((failed + 1))
		tap_not_ok "$p"
		printf '%s\n' "${findings[@]}" | tap_diag
		[[ -n $first ]] || first="$p: ${findings[0]}"
	done
	for k in "${!EXC[@]}"; do
		[[ -n ${EXC_USED[$k]:-} ]] ||
			echo "# exception '$k' in ${EXCEPTIONS##*/} matched nothing"
	done
	[[ $failed -eq 0 ]] ||
		die "$EX_FAIL" "$first ($failed of $total patches with findings); log: $LOG"
}

main "$@"
