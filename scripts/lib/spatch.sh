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
# a rule not listed here is run on every .c and .h file.
prefilter_of() {
	case $1 in
	kref_balance) echo 'kref_(get|put)' ;;
	list_del_init) echo '\<list_del[[:space:]]*\(' ;;
	*) echo '.' ;;
	esac
}

# The spatch options a rule asks for in its "// Options:" line.
rule_options() {
	sed -n 's|^// Options:||p' "$COCCI_DIR/$1.cocci" | head -n1
}

# rule_reads_wrappers RULE: whether RULE reads pass 1's wrapper list.
rule_reads_wrappers() { grep -q KREF_WRAPPERS "$COCCI_DIR/$1.cocci"; }

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
tree_include_args() {
	local tree=$1 d
	kernel_tree "$tree" || return 0
	for d in "arch/$SRCARCH/include" "arch/$SRCARCH/include/generated" include \
		"arch/$SRCARCH/include/uapi" "arch/$SRCARCH/include/generated/uapi" \
		include/uapi include/generated/uapi; do
		[[ ! -d $tree/$d ]] || printf '%s\n' -I "$d"
	done
	for d in include/linux/compiler-version.h include/linux/kconfig.h; do
		[[ ! -f $tree/$d ]] || printf '%s\n' --include "$d"
	done
	printf '%s\n' --all-includes --include-headers-for-types
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
		cat "$COCCI_DIR/$rule.cocci" "$MACRO_FILE" "$args"
		[[ -z $wrappers ]] || cat "$wrappers"
		include_stamp "$tree" "$args"
	} | sha256sum | cut -c1-16
}

# run_rule RULE MODE TREE LIST WORK [WRAPPERS [INCLUDES]]: spatch -D MODE
# with RULE over the files of LIST (NUL-separated, relative to TREE), with
# KREF_WRAPPERS=WRAPPERS and, if INCLUDES is 1, the tree's include dirs.
# What spatch printed about each file is kept under $CACHE_DIR (if set),
# by the file's path and contents and the run_key; a file found there is
# not run again. Leaves in WORK: out.txt (the standard output lines),
# parse.tsv ("PATH LINE NOTE" per skipped construct), exn.txt (the files
# spatch gave up on). Dies if spatch failed.
run_rule() {
	local rule=$1 mode=$2 tree=$3 list=$4 work=$5 wrappers=${6:-} includes=${7:-0}
	local t0 key have new n miss
	local -a chunks
	t0=$(now)
	rm -rf "$work"
	mkdir -p "$work"
	if [[ $includes == 1 ]]; then
		tree_include_args "$tree" >"$work/args"
	else
		: >"$work/args"
	fi
	key=$(run_key "$rule" "$mode" "$tree" "$work/args" "$wrappers")
	# A file's record: "PATH=HASH" with / as %, in a dir per run_key.
	(cd "$tree" && xargs -0 -r sha1sum -- <"$list") |
		awk '{ p = substr($0, 43); n = p; gsub("/", "%", n); print n "=" $1 "\t" p }' >"$work/names"
	new=$work/new
	have=$new
	if [[ -n $CACHE_DIR ]]; then
		have=$CACHE_DIR/files/$rule-$mode-$key
		mkdir -p "$CACHE_DIR/files"
		new=$(mktemp -d "$CACHE_DIR/files/.new.$$.XXXXXX")
	fi
	mkdir -p "$new"
	{ ls -A "$have" 2>/dev/null || true; } >"$work/have"
	# (FILENAME, not FNR == NR: the first file may be empty)
	awk -F'\t' 'FILENAME == ARGV[1] { have[$0]; next } !($1 in have)' \
		"$work/have" "$work/names" >"$work/miss"
	n=$(wc -l <"$work/names")
	miss=$(wc -l <"$work/miss")
	if ((miss > 0)); then
		cut -f2- "$work/miss" | tr '\n' '\0' >"$work/miss.list"
		KREF_WRAPPERS=$wrappers run_chunks "$rule" "$mode" "$tree" "$work/miss.list" \
			"$work/chunks" "$work/args"
		if ! chunk_failures "$work/chunks" >"$work/failures"; then
			cat "$work/failures" >>"$LOG"
			cat "$work/failures" >&2
			[[ $new == "$work/new" ]] || rm -rf "$new"
			die "$EX_SETUP" "$rule -D $mode: spatch failed in $tree; log: $LOG"
		fi
		chunks=("$work/chunks"/*.out "$work/chunks"/*.err)
		awk -v dir="$new" -v macro="$MACRO_FILE" -f "$REPO/scripts/awk/spatch-records.awk" \
			"$work/miss" "${chunks[@]}"
	fi
	awk -F'\t' -v have="$have" -v new="$new" '
		FILENAME == ARGV[1] { miss[$1]; next }
		{ print (($1 in miss) ? new : have) "/" $1 }' "$work/miss" "$work/names" |
		tr '\n' '\0' | xargs -0 -r cat -- >"$work/records"
	[[ ! -e $new/stray ]] || cat "$new/stray" >>"$work/records"
	records_of out "$work/records" | cut -f3- >"$work/out.txt"
	records_of parse "$work/records" | cut -f2- | sort -u >"$work/parse.tsv"
	records_of exn "$work/records" | cut -f3- | sort -u >"$work/exn.txt"
	if [[ $new != "$work/new" ]]; then
		# a stray line belongs to no file: keep nothing of such a run
		[[ -e $new/stray ]] || ((miss == 0)) || {
			mkdir -p "$have"
			find "$new" -maxdepth 1 -type f -exec mv -f -t "$have" -- {} +
		}
		rm -rf "$new"
	fi
	log "$rule -D $mode in $tree: $n file(s), $((n - miss)) from the cache, $miss run ($(elapsed "$t0") s)"
}

records_of() { awk -F'\t' -v k="$1" '$1 == k' "$2"; }

# run_chunks RULE MODE TREE LIST DIR ARGS: the files of LIST in parallel
# chunks of at most $CHUNK_MAX, $JOBS at a time. Results: DIR/NNNN.out,
# .err, .rc and .cmd; ARGS holds more spatch arguments, one a line.
run_chunks() {
	local rule=$1 mode=$2 tree=$3 list=$4 dir=$5
	local n per i=0 running=0 chunk
	local -a files=() args=()
	mkdir -p "$dir"
	mapfile -d '' files <"$list"
	mapfile -t args <"$6"
	n=${#files[@]}
	((n > 0)) || return 0
	per=$(((n + JOBS * 4 - 1) / (JOBS * 4)))
	((per <= CHUNK_MAX)) || per=$CHUNK_MAX
	while ((i < n)); do
		chunk=$(printf '%s/%04d' "$dir" $((i / per)))
		# one group per file: blank line between file names
		printf '%s\n\n' "${files[@]:i:per}" >"$chunk.groups"
		i=$((i + per))
		if ((running >= JOBS)); then
			wait -n || true
			running=$((running - 1))
		fi
		run_one_chunk "$rule" "$mode" "$tree" "$chunk" ${args[@]+"${args[@]}"} &
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
}
