# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# Running a rule of cocci/ with spatch over a list of files: the rules,
# their prefilters and options, the parallel chunks and the per-file
# cache. (What the output means: lib/spatch-output.sh; the command line
# the subcommands share: lib/cocci-cli.sh.) Needs lib/common.sh.
# Sourcing only defines functions; a script calls spatch_init (lib_init
# spatch) before using them.

# spatch_init: the settings. The rules are the files of cocci/, nothing
# else names them.
spatch_init() {
	COCCI_DIR=$REPO/cocci
	MACRO_FILE=$COCCI_DIR/spatch-macros.h
	SPATCH=${SPATCH:-spatch}
	SRCARCH=${SRCARCH:-x86}
	CHUNK_MAX=${COCCI_CHUNK:-16}
	TIMEOUT=${COCCI_TIMEOUT:-300}
	# the per-file cache keeps what was used within CACHE_DAYS days, and
	# at most CACHE_MB MiB (the oldest go first)
	CACHE_DAYS=${COCCI_CACHE_DAYS:-30}
	CACHE_MB=${COCCI_CACHE_MB:-512}
	ALL_RULES=$(all_rules)
	VERBOSE=${VERBOSE:-0}
	LOG=/dev/null
	CACHE_DIR=""
	JOBS=$(nproc 2>/dev/null || echo 1)
	# spatch's message for a file it gave up on: after --timeout seconds,
	# or on a construct its matcher cannot handle ("reachable by
	# inconsistent control-flow paths"). The rest of the chunk is still
	# checked.
	FILE_EXN='^EXN: .* in [^ ]+$'
}

all_rules() {
	local f
	for f in "$COCCI_DIR"/*.cocci; do
		[[ -e $f ]] || continue
		f=${f##*/}
		printf '%s\n' "${f%.cocci}"
	done | paste -sd' '
}

check_rules() {
	local r
	for r in $1; do
		[[ " $ALL_RULES " == *" $r "* ]] ||
			die "$EX_SETUP" "unknown rule '$r' (rules: $ALL_RULES)"
	done
}

# need_spatch: spatch and our macro file, and spatch's version (part of
# every cache key: another spatch may find other things).
need_spatch() {
	need_tool "$SPATCH" coccinelle
	[[ -r $MACRO_FILE ]] || die "$EX_SETUP" "missing $MACRO_FILE"
	SPATCH_VERSION=$("$SPATCH" --version 2>&1 | sed -n 1p)
}

# Files a rule can report anything in (grep -E on the file contents);
# a rule not listed here is run on every .c and .h file. kref_balance
# reports only about a reference taken or dropped by a kref_*() call, a
# wrapper or a returning getter: the ones the file defines call kref_get,
# kref_put or kref_init themselves (their callers in the file then
# match), those of the rest of the tree are pass 1's list (the caller
# adds a pattern for calls of them); a getter known by its name only
# counts where the function also puts its result, which again is one of
# those calls. list_del_init reports list_del(), list_del_rcu(),
# hlist_del() and hlist_del_rcu() calls.
prefilter_of() {
	case $1 in
	kref_balance) echo 'kref_(get|put|init)' ;;
	list_del_init) echo '\<h?list_del(_rcu)?[[:space:]]*\(' ;;
	*) echo '.' ;;
	esac
}

# rule_file RULE: the rule's file: RULE of cocci/, or a path to a .cocci
# file (a kernel tree's own rules: see "foreign" below).
rule_file() {
	case $1 in
	*/*) printf '%s\n' "$1" ;;
	*) printf '%s\n' "$COCCI_DIR/$1.cocci" ;;
	esac
}

# foreign RULE: whether RULE is a path (a rule not of cocci/): it is run
# as the kernel's scripts/coccicheck runs it (no macro file of ours,
# --no-show-diff, its "Options:" line as coccicheck reads it).
foreign() { [[ $1 == */* ]]; }

# rule_slug RULE: RULE as part of a file name.
rule_slug() {
	if foreign "$1"; then
		printf 'k-%s-%s\n' "$(basename "$1" .cocci)" "$(printf '%s' "$1" | sha1sum | cut -c1-8)"
	else
		printf '%s\n' "$1"
	fi
}

# The spatch options a rule asks for in its "// Options:" line (for a
# foreign rule: what follows the first "Options:", as coccicheck reads it).
rule_options() {
	if foreign "$1"; then
		grep "Options:" "$1" | cut -d: -f2 | head -n1
	else
		sed -n 's|^// Options:||p' "$COCCI_DIR/$1.cocci" | head -n1
	fi
}

# rule_default_tier RULE: the tier of a finding of RULE whose message
# names none: the rule's "// Confidence:" when that is one tier,
# else Moderate.
rule_default_tier() {
	local c=""
	[[ -r $(rule_file "$1") ]] && c=$(sed -n 's|^// Confidence:[[:space:]]*||p' "$(rule_file "$1")" | head -n1)
	case ${c,,} in
	high) echo High ;;
	low) echo Low ;;
	*) echo Moderate ;;
	esac
}

# rule_reads_wrappers RULE: whether RULE reads pass 1's wrapper list.
rule_reads_wrappers() { ! foreign "$1" && grep -q KREF_WRAPPERS "$COCCI_DIR/$1.cocci"; }

log() { printf '%s\n' "$*" >>"$LOG"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Stop the spatch runs this script started, then exit (the EXIT trap, if
# any, removes temporary files).
# shellcheck disable=SC2317 # invoked by trap
on_signal() {
	local pids
	pids=$(jobs -p)
	if [[ -n $pids ]]; then
		# shellcheck disable=SC2086 # a list of pids
		kill $pids 2>/dev/null || true
		wait 2>/dev/null || true
	fi
	# the records of an unfinished run_rule
	[[ -z $CACHE_DIR ]] || rm -rf "$CACHE_DIR/files/.new.$$."*
	die 130 "interrupted"
}

# kernel_tree TREE: whether TREE has a kernel's include dirs.
kernel_tree() {
	[[ -d $1/include/linux && -d $1/arch/$SRCARCH/include ]]
}

# Include options for a kernel tree, relative to its top (spatch runs
# there), one a line; nothing for a tree without a kernel's include dirs.
# The -I and --include options are those of the kernel's LINUXINCLUDE, as
# scripts/coccicheck passes them; unless FOREIGN is 1 (a rule of the
# tree, run as coccicheck does), headers are read for types too.
tree_include_args() {
	local tree=$1 foreign=${2:-0} d
	kernel_tree "$tree" || return 0
	for d in "arch/$SRCARCH/include" "arch/$SRCARCH/include/generated" include \
		"arch/$SRCARCH/include/uapi" "arch/$SRCARCH/include/generated/uapi" \
		include/uapi include/generated/uapi; do
		[[ ! -d $tree/$d ]] || printf '%s\n' -I "$d"
	done
	for d in include/linux/compiler-version.h include/linux/kconfig.h; do
		[[ ! -f $tree/$d ]] || printf '%s\n' --include "$d"
	done
	[[ $foreign == 1 ]] || printf '%s\n' --all-includes --include-headers-for-types
}

# include_stamp TREE ARGS: names, sizes and times of the headers the
# spatch arguments in file ARGS (-I DIR, --include FILE) let spatch read
# (links followed: a scratch tree may be links to the base's files).
include_stamp() {
	local tree=$1 i
	local -a a
	mapfile -t a <"$2"
	for ((i = 0; i + 1 < ${#a[@]}; i++)); do
		case ${a[i]} in
		-I | --include) (cd "$tree" && find -L "${a[i + 1]}" -type f -printf '%p %s %T@\n') ;;
		esac
	done | sort
}

# list_files TREE RE [PATH...]: the .c/.h files (relative to TREE,
# NUL-separated, sorted) under the PATHs whose contents match the
# extended regexp RE.
list_files() {
	local tree=$1 re=$2
	shift 2
	(
		cd "$tree"
		[[ $# -gt 0 ]] || set -- .
		find "$@" \( -name .git -o -name .pc \) -prune -o -type f \
			\( -name '*.c' -o -name '*.h' \) -print0 |
			xargs -0 -r grep -lZE -- "$re" 2>/dev/null | sed -z 's|^\./||' | sort -z
	) || true
}

# count_list LIST: the number of names in a NUL-separated list.
count_list() { tr -cd '\0' <"$1" | wc -c; }

# --- one rule over a list of files -----------------------------------------

# run_key RULE MODE TREE ARGS WRAPPERS: what a file's output depends on
# besides its path and contents: the rule, our macro file, spatch and its
# options, the timeout (a timed-out file is kept as such), the wrapper
# list and the headers the options let spatch read.
run_key() {
	local rule=$1 mode=$2 tree=$3 args=$4 wrappers=$5
	{
		printf '%s\n' "$rule" "$mode" "$TIMEOUT" "$SPATCH_VERSION"
		cat "$(rule_file "$rule")" "$MACRO_FILE" "$args"
		[[ -z $wrappers ]] || cat "$wrappers"
		include_stamp "$tree" "$args"
	} | sha256sum | cut -c1-16
}

# run_rule RULE MODE TREE LIST WORK [WRAPPERS [INCLUDES]]: spatch -D MODE
# with RULE over the files of LIST (NUL-separated, relative to TREE), with
# KREF_WRAPPERS=WRAPPERS and, if INCLUDES is 1, the tree's include dirs.
# What spatch printed about each file is kept under $CACHE_DIR (if set),
# by the file's path and contents and the run_key, as soon as the spatch
# process that checked it is done (an interrupted run keeps what it
# finished); a file found there is not run again. Leaves in WORK: out.txt
# (the standard output lines), parse.tsv ("PATH LINE NOTE" per skipped
# construct), exn.txt (the files spatch gave up on), files.list (LIST).
# Dies if spatch failed.
run_rule() {
	local rule=$1 mode=$2 tree=$3 list=$4 work=$5 wrappers=${6:-} includes=${7:-0}
	local t0 key have n miss fgn=0
	t0=$(now)
	rm -rf "$work"
	mkdir -p "$work/rec"
	cp "$list" "$work/files.list"
	! foreign "$rule" || fgn=1
	if [[ $includes == 1 ]]; then
		tree_include_args "$tree" "$fgn" >"$work/args"
	else
		: >"$work/args"
	fi
	key=$(run_key "$rule" "$mode" "$tree" "$work/args" "$wrappers")
	# A file's record: "PATH=HASH" with / as %, in a dir per run_key.
	(cd "$tree" && xargs -0 -r sha1sum -- <"$list") |
		awk '{ p = substr($0, 43); n = p; gsub("/", "%", n); print n "=" $1 "\t" p }' >"$work/names"
	have=""
	if [[ -n $CACHE_DIR ]]; then
		have=$CACHE_DIR/files/$(rule_slug "$rule")-$mode-$key
		mkdir -p "$have"
	fi
	{ [[ -z $have ]] || ls -A "$have"; } >"$work/have"
	# (FILENAME, not FNR == NR: the first file may be empty)
	awk -F'\t' 'FILENAME == ARGV[1] { have[$0]; next } !($1 in have)' \
		"$work/have" "$work/names" >"$work/miss"
	n=$(wc -l <"$work/names")
	miss=$(wc -l <"$work/miss")
	# the records found: used now (see cache_prune)
	awk -F'\t' -v have="$have" 'FILENAME == ARGV[1] { miss[$1]; next }
		!($1 in miss) { print have "/" $1 }' "$work/miss" "$work/names" |
		tr '\n' '\0' | xargs -0 -r touch -c --
	if ((miss > 0)); then
		cut -f2- "$work/miss" | tr '\n' '\0' >"$work/miss.list"
		KREF_WRAPPERS=$wrappers run_chunks "$rule" "$mode" "$tree" "$work" "$have"
		if ! chunk_failures "$work/chunks" >"$work/failures"; then
			cat "$work/failures" >>"$LOG"
			cat "$work/failures" >&2
			die "$EX_SETUP" "$rule -D $mode: spatch failed in $tree; log: $LOG"
		fi
	fi
	awk -F'\t' -v have="$have" -v new="$work/rec" '
		FILENAME == ARGV[1] { miss[$1]; next }
		{ print (($1 in miss) ? new : have) "/" $1 }' "$work/miss" "$work/names" |
		tr '\n' '\0' | xargs -0 -r cat -- >"$work/records"
	# a stray line belongs to no file (its chunk was not kept)
	find "$work/rec" -maxdepth 1 -name 'stray.*' -exec cat -- {} + >>"$work/records"
	records_of out "$work/records" | cut -f3- >"$work/out.txt"
	records_of parse "$work/records" | cut -f2- | sort -u >"$work/parse.tsv"
	records_of exn "$work/records" | cut -f3- | sort -u >"$work/exn.txt"
	log "$rule -D $mode in $tree: $n file(s), $((n - miss)) from the cache, $miss run ($(elapsed "$t0") s)"
}

records_of() { awk -F'\t' -v k="$1" '$1 == k' "$2"; }

# run_chunks RULE MODE TREE WORK HAVE: the files of WORK/miss (lines
# "NAME<tab>PATH") in parallel chunks of at most $CHUNK_MAX, $JOBS at a
# time, with the spatch arguments of WORK/args (one a line). Each chunk
# leaves WORK/chunks/NNNN.out, .err, .rc and .cmd, and its files' records
# in WORK/rec (and in HAVE, the cache, unless empty).
run_chunks() {
	local rule=$1 mode=$2 tree=$3 work=$4 have=$5 dir=$4/chunks
	local n per i=0 running=0 chunk
	local -a files=() args=()
	mkdir -p "$dir"
	mapfile -d '' files <"$work/miss.list"
	mapfile -t args <"$work/args"
	n=${#files[@]}
	((n > 0)) || return 0
	per=$(((n + JOBS * 4 - 1) / (JOBS * 4)))
	((per <= CHUNK_MAX)) || per=$CHUNK_MAX
	while ((i < n)); do
		chunk=$(printf '%s/%04d' "$dir" $((i / per)))
		# one group per file: blank line between file names
		printf '%s\n\n' "${files[@]:i:per}" >"$chunk.groups"
		sed -n "$((i + 1)),$((i + per))p" "$work/miss" >"$chunk.names"
		i=$((i + per))
		if ((running >= JOBS)); then
			wait -n || true
			running=$((running - 1))
		fi
		run_one_chunk "$rule" "$mode" "$tree" "$chunk" "$work/rec" "$have" \
			${args[@]+"${args[@]}"} &
		running=$((running + 1))
	done
	wait || true
}

# run_one_chunk RULE MODE TREE CHUNK REC HAVE [ARG...]: one spatch process
# over the files of CHUNK.groups; then, unless it failed, the records of
# its files (chunk_records).
run_one_chunk() {
	local rule=$1 mode=$2 tree=$3 chunk=$4 rec=$5 have=$6
	shift 6
	local -a cmd=(nice -n 19 "$SPATCH" --quiet --verbose-parsing -D "$mode"
		--sp-file "$(rule_file "$rule")")
	local -a opts=()
	if foreign "$rule"; then
		cmd+=(--no-show-diff)
	else
		cmd+=(--macro-file "$MACRO_FILE")
	fi
	cmd+=(--timeout "$TIMEOUT" "$@" --file-groups "$chunk.groups")
	read -r -a opts <<<"$(rule_options "$rule")"
	cmd+=(${opts[@]+"${opts[@]}"})
	printf '(cd %q &&%s)\n' "$tree" "$(printf ' %q' "${cmd[@]}")" >"$chunk.cmd"
	verbose "+ $(cat "$chunk.cmd")"
	local rc=0 pid
	(cd "$tree" && exec "${cmd[@]}") >"$chunk.out" 2>"$chunk.err" &
	pid=$!
	# shellcheck disable=SC2064 # the pid is known now
	trap "kill $pid 2>/dev/null; exit 143" INT TERM
	wait "$pid" || rc=$?
	echo "$rc" >"$chunk.rc"
	chunk_failed "$chunk" || chunk_records "$chunk" "$rec" "$have"
}

# chunk_records CHUNK REC HAVE: the records of the files of a finished
# chunk (see scripts/awk/spatch-records.awk) into REC, and into HAVE (the
# cache) unless spatch printed a line about no file of the chunk: each
# under a temporary name first, so that a record is there whole or not at
# all, whenever the run is stopped.
chunk_records() {
	local chunk=$1 rec=$2 have=$3 tmp
	local -a outs=("$chunk.out" "$chunk.err")
	mkdir -p "$chunk.rec"
	awk -v dir="$chunk.rec" -v macro="$MACRO_FILE" -f "$REPO/scripts/awk/spatch-records.awk" \
		"$chunk.names" "${outs[@]}"
	if [[ -e $chunk.rec/stray ]]; then
		mv "$chunk.rec/stray" "$rec/stray.${chunk##*/}"
	elif [[ -n $have ]]; then
		tmp=$(mktemp -d "$CACHE_DIR/files/.new.$$.XXXXXX")
		cp -- "$chunk.rec"/* "$tmp/" 2>/dev/null || true
		find "$tmp" -maxdepth 1 -type f -exec mv -f -t "$have" -- {} +
		rmdir "$tmp"
	fi
	find "$chunk.rec" -maxdepth 1 -type f -exec mv -f -t "$rec" -- {} +
}

# cache_prune: the per-file records and pass 1's lists in $CACHE_DIR not
# used for $CACHE_DAYS days, then the oldest beyond $CACHE_MB MiB, and
# what runs killed long ago left behind.
cache_prune() {
	local dir=$CACHE_DIR/files kb
	[[ -n $CACHE_DIR && -d $CACHE_DIR ]] || return 0
	mkdir -p "$dir"
	find "$dir" -mindepth 1 -maxdepth 1 -name '.new.*' -mtime +1 -exec rm -rf -- {} +
	find "$dir" -mindepth 2 -maxdepth 2 -type f -mtime +"$CACHE_DAYS" -delete
	find "$CACHE_DIR" -maxdepth 1 -type f -name 'wrappers-*' -mtime +"$CACHE_DAYS" -delete
	kb=$(du -sk "$CACHE_DIR" | cut -f1)
	if ((kb > CACHE_MB * 1024)); then
		{
			find "$dir" -mindepth 2 -maxdepth 2 -type f -printf '%T@ %k %p\n'
			find "$CACHE_DIR" -maxdepth 1 -type f -name 'wrappers-*' -printf '%T@ %k %p\n'
		} | sort -n | awk -v over=$((kb - CACHE_MB * 1024)) '
			over > 0 { over -= ($2 > 0 ? $2 : 1); sub(/^[^ ]+ [^ ]+ /, ""); print }' |
			tr '\n' '\0' | xargs -0 -r rm -f --
	fi
	find "$dir" -mindepth 1 -maxdepth 1 -type d -empty ! -name '.new.*' -delete
	log "cache: $(du -sk "$CACHE_DIR" | cut -f1) KiB in $CACHE_DIR (kept: used within $CACHE_DAYS days, at most $CACHE_MB MiB)"
}
