#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-only
#
# cocci.sh - run this repo's Coccinelle rules (cocci/*.cocci) on kernel code.
#
#   cocci.sh diff --base-tree DIR --series-tree DIR --out DIR FILE...
#   cocci.sh tree --tree DIR [--jobs N] [--out DIR] [PATH...]
#
# See "cocci.sh --help" and the "Coccinelle rules" section of README.md.

set -euo pipefail

myname=${0##*/}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COCCI_DIR=$REPO/cocci
MACRO_FILE=$COCCI_DIR/spatch-macros.h
ALL_RULES="kref_balance list_del_init"
SPATCH=${SPATCH:-spatch}
SRCARCH=${SRCARCH:-x86}
CHUNK_MAX=${COCCI_CHUNK:-16}
TIMEOUT=${COCCI_TIMEOUT:-300}

# Files in which pass 1 looks for kref get/put wrappers (grep -E).
PREFILTER_collect='\<kref_(get|put|get_unless_zero|put_mutex|put_lock)\>'

usage() {
	cat <<EOF
Usage: $myname SUBCOMMAND [OPTIONS] [ARGS]
       $myname --help | SUBCOMMAND --help

Run the Coccinelle rules in cocci/ ($ALL_RULES) with spatch.

Subcommands:
  diff   run the rules on the files a series touches, in the base tree and in
         the series tree; fail on findings the series introduces
  tree   run the rules on a whole tree, or on directories/files of it

Environment:
  SPATCH         spatch binary (default: spatch)
  SRCARCH        architecture for the tree's include dirs (default: x86)
  COCCI_TIMEOUT  spatch --timeout per file in seconds (default: 300)

Exit status: 0 no (new) findings, 1 (new) findings, 2 usage or setup error.
Every spatch run is started with "nice -n 19".
EOF
}

usage_diff() {
	cat <<EOF
Usage: $myname diff --base-tree DIR --series-tree DIR --out DIR [OPTIONS] FILE...

Run every rule on each FILE (a path relative to both trees, .c or .h) in the
base tree and in the series tree, with the tree's include dirs.  Findings of
the base tree are listed but do not fail; a finding of the series tree that
the base tree does not have (compared without line numbers, so moved code is
not new) fails.  Functions spatch could not parse are listed as warnings.

Output: TAP 13 on stdout (one test per rule), details in DIR/cocci-diff.log,
and for each failing rule and file one line on stderr:
  cocci: RULE: N new finding(s) in FILE; log: DIR/cocci-diff.log

Options:
  --base-tree DIR     tree without the series (not modified)
  --series-tree DIR   tree with the series applied (not modified)
  --out DIR           where logs, findings and caches go (created)
  --jobs N            parallel spatch processes (default: nproc)
  --rules LIST        comma-separated subset of: ${ALL_RULES// /,}
  --wrappers FILE     kref wrapper list to use instead of pass 1 on the base
                      tree (format: lines "KIND NAME [WHERE]")
  --cache DIR         keep pass 1's wrapper list of the base tree in DIR,
                      reused while the tree's files and the rule are the
                      same (default: DIR/cache of --out)
  --cache-key TEXT    also keep each run's findings in the --cache DIR,
                      reused while TEXT, the tree, the FILEs' contents,
                      the rules, the wrappers and spatch are the same.
                      TEXT must change whenever a file the FILEs include
                      may have (make check: the base's id and the test
                      overlay's hash)
  --no-includes       do not use the trees' include dirs (faster)
  -v, --verbose       print each spatch command line on stderr
  -h, --help          this text

Exit status: 0 no new findings, 1 new findings, 2 usage or setup error.
EOF
}

usage_tree() {
	cat <<EOF
Usage: $myname tree --tree DIR [OPTIONS] [PATH...]

Run every rule on the whole tree, or on the given PATHs (directories or
files, relative to DIR).  The kref rule first collects get/put wrappers from
the whole tree (pass 1), then checks.  Findings are printed in the kernel's
report format (file:line:col-col: message), followed by parse failures, a
count per rule and the time taken.

Options:
  --tree DIR          tree to check (not modified)
  --out DIR           keep findings, wrapper list and logs here
                      (default: a temporary directory, removed at exit)
  --jobs N            parallel spatch processes (default: nproc)
  --rules LIST        comma-separated subset of: ${ALL_RULES// /,}
  --wrappers FILE     kref wrapper list to use instead of pass 1
  --includes          use the tree's include dirs (slower; default: off)
  -v, --verbose       print each spatch command line on stderr
  -h, --help          this text

Exit status: 0 no findings, 1 findings, 2 usage or setup error.
EOF
}

die() {
	echo "$myname: $*" >&2
	exit 2
}

VERBOSE=0
LOG=/dev/null

# Stop the spatch runs this script started, then exit (the EXIT trap, if
# any, removes temporary files).
# shellcheck disable=SC2317 # invoked by trap
on_signal() {
	local pids
	pids=$(jobs -p)
	if [ -n "$pids" ]; then
		# shellcheck disable=SC2086 # a list of pids
		kill $pids 2>/dev/null || true
		wait 2>/dev/null || true
	fi
	echo "$myname: interrupted" >&2
	exit 130
}

log() {
	printf '%s\n' "$*" >>"$LOG"
}

now() {
	date +%s.%N
}

elapsed() {
	awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'
}

need_spatch() {
	command -v "$SPATCH" >/dev/null 2>&1 ||
		die "setup: $SPATCH not found; apt-get install coccinelle"
	[ -r "$MACRO_FILE" ] || die "setup: missing $MACRO_FILE"
}

# Files a rule can report anything in (grep -E on the file contents).
prefilter_of() {
	case $1 in
	kref_balance) echo 'kref_(get|put)' ;;
	list_del_init) echo '\<list_del[[:space:]]*\(' ;;
	esac
}

default_jobs() {
	nproc 2>/dev/null || echo 1
}

check_rules() {
	local r
	for r in $1; do
		[ -r "$COCCI_DIR/$r.cocci" ] || die "usage: unknown rule '$r' (rules: $ALL_RULES)"
	done
}

# The spatch options a rule asks for in its "// Options:" line.
rule_options() {
	sed -n 's|^// Options:||p' "$COCCI_DIR/$1.cocci" | head -n1
}

# Include options for a kernel tree, relative to its top (spatch runs there).
tree_include_args() {
	local tree=$1 d
	for d in "arch/$SRCARCH/include" "arch/$SRCARCH/include/generated" include \
		"arch/$SRCARCH/include/uapi" "arch/$SRCARCH/include/generated/uapi" \
		include/uapi include/generated/uapi; do
		if [ -d "$tree/$d" ]; then
			printf '%s\n' -I "$d"
		fi
	done
	for d in include/linux/compiler-version.h include/linux/kconfig.h; do
		if [ -f "$tree/$d" ]; then
			printf '%s\n' --include "$d"
		fi
	done
	printf '%s\n' --all-includes --include-headers-for-types
}

# List .c/.h files (relative to TREE, NUL-separated) under the given paths
# whose contents match the extended regexp RE.
list_files() {
	local tree=$1 re=$2
	shift 2
	(
		cd "$tree"
		if [ $# -eq 0 ]; then
			set -- .
		fi
		find "$@" \( -name .git -o -name .pc \) -prune -o -type f \
			\( -name '*.c' -o -name '*.h' \) -print0 |
			xargs -0 -r grep -lZE -- "$re" 2>/dev/null | sed -z 's|^\./||' | sort -z
	) || true
}

# Run one rule in one mode over a NUL-separated file list (relative to
# TREE), in parallel chunks.  Results: $outdir/NNN.out/.err/.rc.
# Extra spatch arguments come from the file $outdir/args (one per line).
run_chunks() {
	local rule=$1 mode=$2 tree=$3 list=$4 outdir=$5 jobs=$6
	local n per i=0 running=0 chunk
	local -a files=() args=()

	mkdir -p "$outdir"
	mapfile -d '' files <"$list"
	n=${#files[@]}
	[ "$n" -eq 0 ] && return 0
	per=$(((n + jobs * 4 - 1) / (jobs * 4)))
	[ "$per" -gt "$CHUNK_MAX" ] && per=$CHUNK_MAX
	[ "$per" -lt 1 ] && per=1
	if [ -f "$outdir/args" ]; then
		mapfile -t args <"$outdir/args"
	fi

	while [ "$i" -lt "$n" ]; do
		chunk=$(printf '%s/%04d' "$outdir" $((i / per)))
		# one group per file: blank line between file names
		printf '%s\n\n' "${files[@]:i:per}" >"$chunk.groups"
		i=$((i + per))
		if [ "$running" -ge "$jobs" ]; then
			wait -n || true
			running=$((running - 1))
		fi
		run_one_chunk "$rule" "$mode" "$tree" "$chunk" "${args[@]}" &
		running=$((running + 1))
	done
	wait || true
}

run_one_chunk() {
	local rule=$1 mode=$2 tree=$3 chunk=$4
	shift 4
	local -a cmd=(nice -n 19 "$SPATCH" --quiet --verbose-parsing -D "$mode"
		--sp-file "$COCCI_DIR/$rule.cocci" --macro-file "$MACRO_FILE"
		--timeout "$TIMEOUT" "$@" --file-groups "$chunk.groups")
	local -a opts=()
	read -r -a opts <<<"$(rule_options "$rule")"
	cmd+=("${opts[@]}")
	if [ "$VERBOSE" = 1 ]; then
		printf '+ (cd %q &&%s)\n' "$tree" "$(printf ' %q' "${cmd[@]}")" >&2
	fi
	printf '(cd %q &&%s)\n' "$tree" "$(printf ' %q' "${cmd[@]}")" >"$chunk.cmd"
	local rc=0 pid
	(cd "$tree" && exec "${cmd[@]}") >"$chunk.out" 2>"$chunk.err" &
	pid=$!
	# shellcheck disable=SC2064 # the pid is known now
	trap "kill $pid 2>/dev/null; exit 143" INT TERM
	wait "$pid" || rc=$?
	echo "$rc" >"$chunk.rc"
}

# spatch's message for a file it gave up on: after --timeout seconds, or
# on a construct its matcher cannot handle ("reachable by inconsistent
# control-flow paths").  The rest of the chunk is still checked.
FILE_EXN='^EXN: .* in [^ ]+$'

# Check the chunks of a run for spatch or rule failures (a file given up
# is not one: see files_given_up); print what failed.  Returns 1 if
# anything did.
chunk_failures() {
	local outdir=$1 c rc bad=0
	for c in "$outdir"/*.rc; do
		[ -e "$c" ] || continue
		rc=$(cat "$c")
		c=${c%.rc}
		if [ "$rc" != 0 ] ||
			grep -vE "$FILE_EXN" "$c.err" | grep -qE '^EXN:|Python failure|^Fatal error'; then
			bad=1
			grep -vE "$FILE_EXN" "$c.err" |
				grep -E '^EXN:|Python failure|^Fatal error|rror in Python' |
				head -n 3 | sed "s|^|$(basename "$c"): |"
			[ "$rc" != 0 ] && echo "$(basename "$c"): spatch exit status $rc; command: $(cat "$c.cmd")"
		fi
	done
	return "$bad"
}

# chunk_output DIR EXT: what the chunks of a run wrote to *.EXT, if any (a
# run over no file, e.g. a tree without kref, leaves none).
chunk_output() {
	local f
	for f in "$1"/*."$2"; do
		[[ ! -e $f ]] || cat -- "$f"
	done
}

# Files of a run that spatch gave up on, as coverage warnings.
files_given_up() {
	local line file why
	chunk_output "$1" err | { grep -E "$FILE_EXN" || true; } | sort -u |
		while IFS= read -r line; do
			file=${line##* in }
			case $line in
			*Common.Timeout*) why="spatch gave up after $TIMEOUT s (COCCI_TIMEOUT)" ;;
			*) why=$(printf '%s' "${line#EXN: }" | cut -c1-100)
			   why="spatch failed: $why" ;;
			esac
			printf 'warning: %s: file not checked: %s\n' "$file" "$why"
		done | sort -u
}

# Describe the top-level construct (function, macro, declaration) that
# contains line L of FILE: "KIND<tab>NAME<tab>LINE" with KIND one of
# function, macro, declaration, "top level".
describe_line() {
	awk -v L="$2" '
	# name called or declared at parenthesis depth 0, the last one before
	# the body: "static __realloc_size(2) void *f(int x)" gives "f"
	function fname(text,    i, c, d, id, ws, last) {
		d = 0; id = ""; ws = 0; last = ""
		for (i = 1; i <= length(text); i++) {
			c = substr(text, i, 1)
			if (c == "{" && d == 0)
				break
			if (c ~ /[A-Za-z0-9_]/) {
				if (ws) { id = ""; ws = 0 }
				id = id c
				continue
			}
			if (c ~ /[ \t]/) { ws = 1; continue }
			ws = 0
			if (c == "(") { if (d == 0 && id != "") last = id; d++ }
			else if (c == ")") d--
			id = ""
		}
		return last
	}
	function decide(text,    i, n, name, s) {
		i = index(text, "{"); n = index(text, ";")
		name = fname(text)
		if (i > 0 && (n == 0 || i < n) && name != "" &&
		    substr(text, 1, i) !~ /=/)
			return "function\t" name "()"
		s = cand
		sub(/[ \t]*[{=;].*$/, "", s)
		return "declaration\t" s
	}
	pending && NR > L + 50 { what = decide(text); pending = 0; exit }
	!pending && NR > L { exit }
	pending {
		text = text " " $0
		if (index($0, "{") || index($0, ";")) { what = decide(text); pending = 0 }
		next
	}
	/^[A-Za-z_][A-Za-z0-9_]*:/ { next }		# label
	/^#[ \t]*define[ \t]+[A-Za-z_]/ {
		s = $0; sub(/^#[ \t]*define[ \t]+/, "", s)
		match(s, /^[A-Za-z_][A-Za-z0-9_]*/)
		what = "macro\t" substr(s, 1, RLENGTH); at = NR; next
	}
	/^#/ { next }
	/^[A-Za-z_]/ {
		at = NR; cand = $0; text = $0
		if (index($0, "{") || index($0, ";"))
			what = decide(text)
		else
			pending = 1
	}
	END {
		if (pending)
			what = decide(text)
		if (what == "")
			print "top level\t-\t" L
		else
			print what "\t" at
	}' "$1"
}

# Parse failures reported by spatch --verbose-parsing in the .err files of a
# run directory: one line "FILE:LINE: CONSTRUCT" per construct spatch had to
# skip.  Errors inside spatch's macro definitions are charged to the code
# they were expanded in.
parse_failures() {
	local tree=$1 outdir=$2
	local c
	for c in "$outdir"/*.err; do
		[ -e "$c" ] || continue
		awk -v macro="$MACRO_FILE" '
		/^HANDLING: / { file = $2; sync = 0; next }
		/ERROR-RECOV: found sync/ { n = split($0, w, /[^0-9]+/); for (i = n; i > 0; i--) if (w[i] != "") { sync = w[i]; break } }
		/^ = File "/ {
			s = $0; sub(/^ = File "/, "", s)
			f = substr(s, 1, index(s, "\"") - 1)
			s = substr(s, index(s, "\"") + 1)
			sub(/^, line /, "", s); l = s + 0
			if (f == file)
				print file "\t" l
			else if ((f ~ /\/coccinelle\/standard\.h$/ || f == macro) && sync > 1)
				print file "\t" (sync - 1) "\tin a macro from " f
		}' "$c"
	done | sort -u | while IFS=$'\t' read -r file line note; do
		[ -f "$tree/$file" ] || continue
		local kind name at
		IFS=$'\t' read -r kind name at < <(describe_line "$tree/$file" "$line")
		if [ "$kind" = function ]; then
			printf 'warning: %s:%s: function %s not checked: spatch could not parse it (line %s%s)\n' \
				"$file" "$at" "$name" "$line" "${note:+, $note}"
		else
			printf 'note: %s:%s: %s %s: spatch could not parse it (line %s%s); no function body skipped\n' \
				"$file" "$at" "$kind" "$name" "$line" "${note:+, $note}"
		fi
	done | sort -t: -k2,2 -k3,3n -u
}

# Lines "KIND NAME WHERE" printed by the collecting run, sorted.
collected_wrappers() {
	chunk_output "$1" out | awk '$1 == "KREFWRAP" { $1 = ""; sub(/^ /, ""); print }' | sort -u
}

# Pass 1: kref get/put wrappers defined in TREE (whole tree, or FILES given
# as a NUL list).  Writes "KIND NAME WHERE" lines to OUT.
collect_wrappers() {
	local tree=$1 list=$2 work=$3 out=$4 jobs=$5
	local t0
	t0=$(now)
	mkdir -p "$work"
	: >"$work/args"
	run_chunks kref_balance collect "$tree" "$list" "$work" "$jobs"
	if ! chunk_failures "$work" >"$work/failures"; then
		cat "$work/failures" >>"$LOG"
		die "pass 1 (kref wrappers): spatch failed in $tree; log: $LOG"
	fi
	collected_wrappers "$work" >"$out"
	files_given_up "$work" >>"$LOG"
	log "pass 1: $(wc -l <"$out") wrappers from $(tr -cd '\0' <"$list" | wc -c) files of $tree in $(elapsed "$t0") s"
}

# Print the report lines of a run, sorted by file, line, column.
findings_of() {
	chunk_output "$1" out | grep -E '^[^ ]+:[0-9]+:[0-9]+-[0-9]+: ' |
		sort -t: -k1,1 -k2,2n -k3,3n -u || true
}

# Comparison key of a finding: file and message, without numbers that are
# line numbers (standalone digit runs), so moved code compares equal.
finding_keys() {
	sed -E 's/^([^:]+):[0-9]+:[0-9]+-[0-9]+: /\1\t/; s/\<[0-9]+\>/#/g'
}

# Findings of SERIES whose key (see finding_keys) occurs more often there
# than in BASE.
new_findings() {
	local us=$'\x1f'
	# shellcheck disable=SC2094 # both read $2, nothing writes it
	awk -v us="$us" '
		FNR == NR { base[$0]++; next }
		{
			i = index($0, us); k = substr($0, 1, i - 1)
			if (++seen[k] > base[k]) print substr($0, i + 1)
		}' <(finding_keys <"$1") <(finding_keys <"$2" | paste -d"$us" - "$2")
}

parse_common_opt() {
	case $1 in
	--jobs) JOBS=$2 ;;
	--rules) RULES=${2//,/ } ;;
	--wrappers) WRAPPERS=$2 ;;
	*) return 1 ;;
	esac
}

check_jobs() {
	case $JOBS in
	'' | *[!0-9]* | 0) die "usage: --jobs needs a positive number, got '$JOBS'" ;;
	esac
}

# ---------------------------------------------------------------------------

cmd_tree() {
	local TREE="" OUT="" JOBS RULES=$ALL_RULES WRAPPERS="" INCLUDES=0
	local -a paths=()
	JOBS=$(default_jobs)
	while [ $# -gt 0 ]; do
		case $1 in
		-h | --help) usage_tree; exit 0 ;;
		--tree) [ $# -ge 2 ] || die "usage: $1 needs an argument"; TREE=$2; shift 2 ;;
		--out) [ $# -ge 2 ] || die "usage: $1 needs an argument"; OUT=$2; shift 2 ;;
		--includes) INCLUDES=1; shift ;;
		-v | --verbose) VERBOSE=1; shift ;;
		--jobs | --rules | --wrappers)
			[ $# -ge 2 ] || die "usage: $1 needs an argument"
			parse_common_opt "$1" "$2"; shift 2 ;;
		--) shift; paths+=("$@"); break ;;
		-*) die "usage: tree: unknown option $1 (see $myname tree --help)" ;;
		*) paths+=("$1"); shift ;;
		esac
	done
	[ -n "$TREE" ] || die "usage: tree: --tree DIR is required (see $myname tree --help)"
	[ -d "$TREE" ] || die "usage: tree: $TREE is not a directory"
	TREE=$(cd "$TREE" && pwd)
	check_jobs
	check_rules "$RULES"
	need_spatch

	local p rel
	local -a relpaths=()
	for p in "${paths[@]}"; do
		case $p in
		/*) rel=${p#"$TREE"/}; [ "$rel" != "$p" ] || [ "$p" = "$TREE" ] ||
			die "usage: tree: $p is not inside $TREE"
			[ "$p" = "$TREE" ] && rel=. ;;
		*) rel=$p ;;
		esac
		[ -e "$TREE/$rel" ] || die "usage: tree: no such path $TREE/$rel"
		relpaths+=("$rel")
	done

	if [ -z "$OUT" ]; then
		OUT=$(mktemp -d "${TMPDIR:-/tmp}/cocci-tree.XXXXXX")
		# shellcheck disable=SC2064
		trap "rm -rf -- '$OUT'" EXIT
	else
		mkdir -p "$OUT" || die "setup: cannot create $OUT"
		OUT=$(cd "$OUT" && pwd)
	fi
	case $OUT/ in "$TREE"/*) die "usage: tree: --out must not be inside the tree" ;; esac
	LOG=$OUT/cocci-tree.log
	: >"$LOG"
	trap on_signal INT TERM
	log "# $myname tree --tree $TREE --jobs $JOBS --rules '${RULES}' ${relpaths[*]:-}"
	log "# $("$SPATCH" --version 2>&1 | head -n1)"

	local t_all rule t0 work list n total_find=0
	t_all=$(now)
	local summary="" timing=""

	for rule in $RULES; do
		t0=$(now)
		work=$OUT/$rule
		rm -rf "$work"
		mkdir -p "$work"
		local re
		re=$(prefilter_of "$rule")
		if [ "$rule" = kref_balance ]; then
			if [ -n "$WRAPPERS" ]; then
				[ -r "$WRAPPERS" ] || die "usage: tree: cannot read $WRAPPERS"
				cp "$WRAPPERS" "$OUT/wrappers.txt"
			else
				list_files "$TREE" "$PREFILTER_collect" >"$work/collect.list"
				collect_wrappers "$TREE" "$work/collect.list" "$work/collect" \
					"$OUT/wrappers.txt" "$JOBS"
			fi
			# files calling a wrapper are candidates too
			local names
			names=$(awk 'NF >= 2 { print $2 }' "$OUT/wrappers.txt" | sort -u | paste -sd'|')
			[ -n "$names" ] && re="$re|\\<($names)[[:space:]]*\\("
		fi
		list=$work/files.list
		list_files "$TREE" "$re" "${relpaths[@]}" >"$list"
		n=$(tr -cd '\0' <"$list" | wc -c)
		mkdir -p "$work/report"
		if [ "$INCLUDES" = 1 ]; then
			tree_include_args "$TREE" >"$work/report/args"
		else
			: >"$work/report/args"
		fi
		KREF_WRAPPERS=$OUT/wrappers.txt \
			run_chunks "$rule" report "$TREE" "$list" "$work/report" "$JOBS"
		if ! chunk_failures "$work/report" >"$work/failures"; then
			cat "$work/failures" >>"$LOG"
			cat "$work/failures" >&2
			echo "$myname: tree: $rule: spatch failed; log: $LOG" >&2
			exit 2
		fi
		findings_of "$work/report" >"$OUT/findings-$rule.txt"
		{
			parse_failures "$TREE" "$work/report"
			files_given_up "$work/report"
		} >"$work/parse-failures.txt"
		local nf nfiles
		nf=$(wc -l <"$OUT/findings-$rule.txt")
		nfiles=$(cut -d: -f1 "$OUT/findings-$rule.txt" | sort -u | grep -c . || true)
		total_find=$((total_find + nf))
		cat "$OUT/findings-$rule.txt"
		summary+="$rule: $nf finding(s) in $nfiles file(s), $n file(s) checked"$'\n'
		timing+="$rule $(elapsed "$t0") s, "
		log "$rule: $nf findings, $n files, $(elapsed "$t0") s"
	done

	cat "$OUT"/*/parse-failures.txt 2>/dev/null | sort -u >"$OUT/parse-failures.txt"
	local np nn nt
	np=$(grep -c '^warning: .* function .* not checked' "$OUT/parse-failures.txt" || true)
	nt=$(grep -c '^warning: .* file not checked' "$OUT/parse-failures.txt" || true)
	nn=$(grep -c '^note: ' "$OUT/parse-failures.txt" || true)
	cat "$OUT/parse-failures.txt"
	printf '%s' "$summary"
	echo "parse failures: $np function(s) not checked, $nn other construct(s); $nt file(s) given up"
	echo "time: ${timing}total $(elapsed "$t_all") s ($JOBS job(s))"
	log "total $(elapsed "$t_all") s"
	if [ "$total_find" -gt 0 ]; then
		return 1
	fi
	return 0
}

# ---------------------------------------------------------------------------

# run_key TREE LIST TEXT...: the cache key of a run over the files of
# LIST in TREE (their contents) with --cache-key and the TEXTs.
run_key() {
	local tree=$1 list=$2
	shift 2
	{
		printf '%s\n' "$CACHE_KEY" "$tree" "$@"
		"$SPATCH" --version 2>&1 | head -n1
		sha1sum <"$MACRO_FILE"
		(cd "$tree" && xargs -0 -r sha1sum <"$list")
	} | sha1sum | cut -c1-16
}

# cached NAME FILE...: with --cache-key, copy the kept FILEs of run NAME
# into place; false if there are none.
cached() {
	local dir=$CACHE_DIR/runs/$1 f
	shift
	[ -n "$CACHE_KEY" ] && [ -f "$dir/done" ] || return 1
	for f in "$@"; do
		cp "$dir/${f##*/}" "$f"
	done
	log "cached: $dir"
}

# keep NAME FILE...: with --cache-key, keep the FILEs as run NAME (a
# temporary dir renamed: two runs may fill the cache at once).
keep() {
	local dir=$CACHE_DIR/runs/$1 tmp
	shift
	[ -n "$CACHE_KEY" ] || return 0
	mkdir -p "$CACHE_DIR/runs"
	tmp=$(mktemp -d "$CACHE_DIR/runs/.new.XXXXXX")
	cp "$@" "$tmp/"
	: >"$tmp/done"
	rm -rf "$dir"
	mv "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"
}

# Findings of RULE for the files in LIST of TREE; results under WORK.
diff_run_tree() {
	local rule=$1 tree=$2 list=$3 work=$4 includes=$5 wrappers=$6 name
	rm -rf "$work"
	mkdir -p "$work"
	name=$rule-$(run_key "$tree" "$list" "$includes" \
		"$(sha1sum <"$COCCI_DIR/$rule.cocci")" "$(sha1sum <"$wrappers")")
	cached "$name" "$work/findings.txt" "$work/parse-failures.txt" && return
	if [ "$includes" = 1 ]; then
		tree_include_args "$tree" >"$work/args"
	else
		: >"$work/args"
	fi
	KREF_WRAPPERS=$wrappers run_chunks "$rule" report "$tree" "$list" "$work" "$JOBS"
	if ! chunk_failures "$work" >"$work/failures"; then
		cat "$work/failures" >>"$LOG"
		echo "$myname: diff: $rule: spatch failed in $tree; log: $LOG" >&2
		exit 2
	fi
	findings_of "$work" >"$work/findings.txt"
	{
		parse_failures "$tree" "$work"
		files_given_up "$work"
	} >"$work/parse-failures.txt"
	keep "$name" "$work/findings.txt" "$work/parse-failures.txt"
}

cmd_diff() {
	local BASE="" SERIES="" OUT="" JOBS RULES=$ALL_RULES WRAPPERS="" INCLUDES=1 CACHE_DIR=""
	CACHE_KEY=""
	local -a files=()
	JOBS=$(default_jobs)
	while [ $# -gt 0 ]; do
		case $1 in
		-h | --help) usage_diff; exit 0 ;;
		--base-tree) [ $# -ge 2 ] || die "usage: $1 needs an argument"; BASE=$2; shift 2 ;;
		--series-tree) [ $# -ge 2 ] || die "usage: $1 needs an argument"; SERIES=$2; shift 2 ;;
		--out) [ $# -ge 2 ] || die "usage: $1 needs an argument"; OUT=$2; shift 2 ;;
		--cache) [ $# -ge 2 ] || die "usage: $1 needs an argument"; CACHE_DIR=$2; shift 2 ;;
		--cache-key) [ $# -ge 2 ] || die "usage: $1 needs an argument"; CACHE_KEY=$2; shift 2 ;;
		--no-includes) INCLUDES=0; shift ;;
		-v | --verbose) VERBOSE=1; shift ;;
		--jobs | --rules | --wrappers)
			[ $# -ge 2 ] || die "usage: $1 needs an argument"
			parse_common_opt "$1" "$2"; shift 2 ;;
		--) shift; files+=("$@"); break ;;
		-*) die "usage: diff: unknown option $1 (see $myname diff --help)" ;;
		*) files+=("$1"); shift ;;
		esac
	done
	[ -n "$BASE" ] || die "usage: diff: --base-tree DIR is required (see $myname diff --help)"
	[ -n "$SERIES" ] || die "usage: diff: --series-tree DIR is required"
	[ -n "$OUT" ] || die "usage: diff: --out DIR is required"
	[ ${#files[@]} -gt 0 ] || die "usage: diff: no FILE given"
	[ -d "$BASE" ] || die "usage: diff: base tree $BASE is not a directory"
	[ -d "$SERIES" ] || die "usage: diff: series tree $SERIES is not a directory"
	BASE=$(cd "$BASE" && pwd)
	SERIES=$(cd "$SERIES" && pwd)
	check_jobs
	check_rules "$RULES"
	need_spatch
	mkdir -p "$OUT" || die "setup: cannot create $OUT"
	OUT=$(cd "$OUT" && pwd)
	case $OUT/ in "$BASE"/* | "$SERIES"/*) die "usage: diff: --out must not be inside a tree" ;; esac
	[ -n "$CACHE_DIR" ] || CACHE_DIR=$OUT/cache

	local f
	for f in "${files[@]}"; do
		case $f in
		/* | ../* | */../*) die "usage: diff: FILE must be relative to the trees: $f" ;;
		*.c | *.h) ;;
		*) die "usage: diff: not a .c or .h file: $f" ;;
		esac
		[ -f "$BASE/$f" ] || [ -f "$SERIES/$f" ] || die "usage: diff: $f is in neither tree"
	done

	LOG=$OUT/cocci-diff.log
	: >"$LOG"
	trap on_signal INT TERM
	local t_all
	t_all=$(now)
	log "# $myname diff --base-tree $BASE --series-tree $SERIES --out $OUT --jobs $JOBS --rules '$RULES' ${files[*]}"
	log "# $("$SPATCH" --version 2>&1 | head -n1)"

	# File lists per tree (a file may exist in one tree only).
	local tree side
	for side in base series; do
		if [ "$side" = base ]; then tree=$BASE; else tree=$SERIES; fi
		: >"$OUT/$side.list"
		for f in "${files[@]}"; do
			if [ -f "$tree/$f" ]; then
				printf '%s\0' "$f" >>"$OUT/$side.list"
			fi
		done
	done

	# Pass 1 for the kref rule: wrappers of the base tree (cached), with the
	# series files' own wrappers swapped in for the series tree.
	local need_kref=0 r name
	for r in $RULES; do
		if [ "$r" = kref_balance ]; then need_kref=1; fi
	done
	if [ "$need_kref" = 1 ]; then
		if [ -n "$WRAPPERS" ]; then
			[ -r "$WRAPPERS" ] || die "usage: diff: cannot read $WRAPPERS"
			cp "$WRAPPERS" "$OUT/wrappers-base-tree.txt"
		else
			wrappers_cached "$BASE" "$OUT/wrappers-base-tree.txt"
		fi
		for side in base series; do
			if [ "$side" = base ]; then tree=$BASE; else tree=$SERIES; fi
			name=collect-$(run_key "$tree" "$OUT/$side.list" \
				"$(sha1sum <"$COCCI_DIR/kref_balance.cocci")")
			if ! cached "$name" "$OUT/wrappers-$side-files.txt"; then
				collect_wrappers "$tree" "$OUT/$side.list" "$OUT/collect-$side" \
					"$OUT/wrappers-$side-files.txt" "$JOBS"
				keep "$name" "$OUT/wrappers-$side-files.txt"
			fi
			{
				awk -v files="$(printf '%s\n' "${files[@]}")" '
					BEGIN { n = split(files, f, "\n"); for (i = 1; i <= n; i++) skip[f[i]] = 1 }
					{ w = $3; sub(/:[0-9]+$/, "", w); if (!(w in skip)) print }
				' "$OUT/wrappers-base-tree.txt"
				cat "$OUT/wrappers-$side-files.txt"
			} | sort -u >"$OUT/wrappers-$side.txt"
		done
	fi

	local nrules=0 failed=0
	for r in $RULES; do nrules=$((nrules + 1)); done
	echo "TAP version 13"
	echo "1..$nrules"
	echo "# base: $BASE"
	echo "# series: $SERIES"
	echo "# files: ${files[*]}"

	local i=0 t0 nbase nseries nnew
	: >"$OUT/parse-shown.txt"
	for r in $RULES; do
		i=$((i + 1))
		t0=$(now)
		for side in base series; do
			if [ "$side" = base ]; then tree=$BASE; else tree=$SERIES; fi
			diff_run_tree "$r" "$tree" "$OUT/$side.list" "$OUT/$r-$side" "$INCLUDES" \
				"$OUT/wrappers-$side.txt"
		done
		# new = series findings whose key occurs more often than in base
		new_findings "$OUT/$r-base/findings.txt" "$OUT/$r-series/findings.txt" \
			>"$OUT/$r-new.txt"
		nbase=$(grep -c . "$OUT/$r-base/findings.txt" || true)
		nseries=$(grep -c . "$OUT/$r-series/findings.txt" || true)
		nnew=$(grep -c . "$OUT/$r-new.txt" || true)
		{
			echo "## $r ($(elapsed "$t0") s)"
			echo "### base findings ($nbase)"
			cat "$OUT/$r-base/findings.txt"
			echo "### series findings ($nseries)"
			cat "$OUT/$r-series/findings.txt"
			echo "### new in series ($nnew)"
			cat "$OUT/$r-new.txt"
			echo "### parse failures (base, series)"
			cat "$OUT/$r-base/parse-failures.txt" "$OUT/$r-series/parse-failures.txt"
		} >>"$LOG"

		for side in base series; do
			sed "s/^/$side: /" "$OUT/$r-$side/parse-failures.txt"
		done | sort -u | grep -vxF -f "$OUT/parse-shown.txt" | tee -a "$OUT/parse-shown.txt" |
			sed 's/^/# /' || true
		if [ "$nnew" -eq 0 ]; then
			echo "ok $i - $r: no new findings ($nbase in base)"
		else
			echo "not ok $i - $r: $nnew new finding(s) ($nbase in base)"
			failed=1
		fi
		sed 's/^/# base: /' "$OUT/$r-base/findings.txt"
		sed 's/^/# new: /' "$OUT/$r-new.txt"
		if [ "$nnew" -gt 0 ]; then
			cut -d: -f1 "$OUT/$r-new.txt" | sort | uniq -c | while read -r cnt file; do
				echo "cocci: $r: $cnt new finding(s) in $file; log: $LOG" >&2
			done
		fi
	done
	echo "# time: $(elapsed "$t_all") s"
	log "total $(elapsed "$t_all") s"
	return "$failed"
}

# Pass 1 over a whole tree, cached in $CACHE_DIR by the tree's path, the
# list of candidate files with their sizes and times, and the rule itself,
# so that output dirs of one machine share it.  The list is written to a
# temporary name and renamed: two runs may fill the cache at once.
wrappers_cached() {
	local tree=$1 out=$2 key list tmp byname=''
	mkdir -p "$CACHE_DIR" "$OUT/cache"
	# With --cache-key, the caller names the tree's contents: no need to
	# find and stat the candidate files (seconds on a whole tree).
	if [ -n "$CACHE_KEY" ]; then
		byname=$CACHE_DIR/wrappers-key-$({
			printf '%s\n' "$CACHE_KEY" "$tree"
			sha1sum <"$COCCI_DIR/kref_balance.cocci"
			sha1sum <"$MACRO_FILE"
		} | sha1sum | cut -c1-16).txt
		if [ -s "$byname" ]; then
			log "pass 1: cached wrapper list $byname"
			cp "$byname" "$out"
			return
		fi
	fi
	list=$OUT/cache/collect.list
	list_files "$tree" "$PREFILTER_collect" >"$list"
	key=$({
		printf '%s\n' "$tree"
		(cd "$tree" && xargs -0 -r stat -c '%n %s %Y' <"$list")
		sha1sum <"$COCCI_DIR/kref_balance.cocci"
		sha1sum <"$MACRO_FILE"
	} | sha1sum | cut -c1-16)
	if [ -s "$CACHE_DIR/wrappers-$key.txt" ]; then
		log "pass 1: cached wrapper list $CACHE_DIR/wrappers-$key.txt"
	else
		tmp=$(mktemp -d "$OUT/cache/collect-$key.XXXXXX")
		collect_wrappers "$tree" "$list" "$tmp" "$tmp/wrappers.txt" "$JOBS"
		cp "$tmp/wrappers.txt" "$CACHE_DIR/.wrappers-$key.$$"
		mv "$CACHE_DIR/.wrappers-$key.$$" "$CACHE_DIR/wrappers-$key.txt"
		rm -rf "$tmp"
	fi
	cp "$CACHE_DIR/wrappers-$key.txt" "$out"
	[ -z "$byname" ] || cp "$out" "$byname"
}

main() {
	[ $# -gt 0 ] || { usage >&2; exit 2; }
	case $1 in
	-h | --help) usage; exit 0 ;;
	diff) shift; cmd_diff "$@"; exit 0 ;;	# errexit passes a failure on
	tree) shift; cmd_tree "$@"; exit 0 ;;
	*) echo "$myname: usage: unknown subcommand '$1'" >&2; usage >&2; exit 2 ;;
	esac
}

main "$@"
