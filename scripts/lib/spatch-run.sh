# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# One rule over a list of files: spatch in parallel chunks of files, each
# file's output kept in the per-file cache ($CACHE_DIR/files) as soon as
# its chunk ends, the cache pruned at the end of a run. Needs lib/spatch.sh
# and lib/spatch-output.sh. Sourcing only defines functions.

# run_key RULE MODE TREE ARGS INPUT REDUCE: what a file's output depends
# on besides its path and contents: the rule, our macro file, spatch and
# its options, the timeout (a timed-out file is kept as such), the list
# the rule reads (INPUT), the headers the options let spatch read and,
# if REDUCE is 1, the script that blanks the bodies of the functions
# spatch need not see.
run_key() {
	local rule=$1 mode=$2 tree=$3 args=$4 input=$5 reduce=$6
	{
		printf '%s\n' "$rule" "$mode" "$TIMEOUT" "$SPATCH_VERSION" "$reduce"
		cat "$(rule_file "$rule")" "$MACRO_FILE" "$args"
		[[ -z $input ]] || cat "$input"
		include_stamp "$tree" "$args"
		[[ $reduce == 0 ]] || cat "$REDUCER"
	} | sha256sum | cut -c1-16
}

# reduces RULE MODE INPUT INCLUDES: whether spatch checks copies of the
# files with the bodies blanked of the functions that name nothing of
# the wrapper list INPUT (scripts/cocci-reduce.py): for a rule that says
# it may be (rule_reduces), in a checking mode, without the tree's
# include dirs (which spatch would look for beside the copies), unless
# COCCI_WHOLE_FILES=1.
reduces() {
	local rule=$1 mode=$2 input=$3 includes=$4
	[[ $WHOLE_FILES != 1 && $mode != collect && -n $input && $includes != 1 ]] &&
		rule_reduces "$rule"
}

# run_rule RULE MODE TREE LIST WORK [INPUT [INCLUDES]]: spatch -D MODE
# with RULE over the files of LIST (NUL-separated, relative to TREE), with
# the list INPUT the rule reads (kref_balance: pass 1's wrappers, as
# KREF_WRAPPERS; list_del_init: the fields tested in other files, as
# LIST_TESTED) and, if INCLUDES is 1, the tree's include dirs.
# What spatch printed about each file is kept under $CACHE_DIR (if set),
# by the file's path and contents and the run_key, as soon as the spatch
# process that checked it is done (an interrupted run keeps what it
# finished); a file found there is not run again. Leaves in WORK: out.txt
# (the standard output lines), parse.tsv ("PATH LINE NOTE" per skipped
# construct), exn.txt (the files spatch gave up on), files.list (LIST).
# Dies if spatch failed.
run_rule() {
	local rule=$1 mode=$2 tree=$3 list=$4 work=$5 input=${6:-} includes=${7:-0}
	local t0 key have n miss fgn=0 wrappers='' tested='' reduce=0 names=''
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
	! reduces "$rule" "$mode" "$input" "$includes" || reduce=1
	key=$(run_key "$rule" "$mode" "$tree" "$work/args" "$input" "$reduce")
	# the variable the rule reads; the other one empty, whatever the
	# caller's environment holds (the key does not cover it)
	if rule_reads_tested "$rule"; then
		tested=$input
	else
		wrappers=$input
	fi
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
		((reduce == 0)) || names=$input
		KREF_WRAPPERS=$wrappers LIST_TESTED=$tested REDUCE_NAMES=$names \
			run_chunks "$rule" "$mode" "$tree" "$work" "$have"
		if ! chunk_failures "$work/chunks" >"$work/failures"; then
			cat "$work/failures" >>"$LOG"
			cat "$work/failures" >&2
			((reduce == 0)) || die "$EX_SETUP" "$rule -D $mode: spatch or cocci-reduce.py failed in $tree; log: $LOG"
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
	[[ -z $names ]] || log "$rule: $(reduced_count "$work/chunks") (scripts/cocci-reduce.py)"
}

# reduced_count DIR: how many functions the chunks of DIR had spatch
# check, of how many.
reduced_count() {
	cat "$1"/*.reduce 2>/dev/null |
		awk '$1 == "functions" { n += $2; k += $4 } END { printf "checked %d of %d functions\n", k, n }'
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
# its files (chunk_records). With REDUCE_NAMES (a wrapper list), spatch
# checks copies in CHUNK.src of the files with the bodies blanked of the
# functions that name nothing of it (kept if the chunk failed, to run
# CHUNK.cmd again).
run_one_chunk() {
	local rule=$1 mode=$2 tree=$3 chunk=$4 rec=$5 have=$6 dir=$3
	shift 6
	if [[ -n ${REDUCE_NAMES:-} ]]; then
		dir=$chunk.src
		local -a reduce=(nice -n 19 "$REDUCER" --names "$REDUCE_NAMES" --from "$tree" --to "$dir"
			"$chunk.groups")
		local rrc=0 line
		line=$(printf ' %q' "${reduce[@]}")
		printf '%s\n' "${line# }" >"$chunk.cmd"
		"${reduce[@]}" 2>"$chunk.reduce" || rrc=$?
		if ((rrc != 0)); then
			# its last word (an error, or a traceback's last line)
			printf 'cocci-reduce failed: %s\n' "$(tail -n 1 "$chunk.reduce")" >"$chunk.err"
			echo "$rrc" >"$chunk.rc"
			return
		fi
	else
		: >"$chunk.cmd"
	fi
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
	printf '(cd %q &&%s)\n' "$dir" "$(printf ' %q' "${cmd[@]}")" >>"$chunk.cmd"
	verbose "+ $(cat "$chunk.cmd")"
	local rc=0 pid
	(cd "$dir" && exec "${cmd[@]}") >"$chunk.out" 2>"$chunk.err" &
	pid=$!
	# shellcheck disable=SC2064 # the pid is known now
	trap "kill $pid 2>/dev/null; exit 143" INT TERM
	wait "$pid" || rc=$?
	echo "$rc" >"$chunk.rc"
	chunk_failed "$chunk" && return
	chunk_records "$chunk" "$rec" "$have"
	[[ $dir == "$tree" ]] || rm -rf -- "$dir"
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
		# another run's cache_prune takes a record dir while it is
		# empty, as this run's is until its first chunk ends
		mkdir -p "$have"
		find "$tmp" -maxdepth 1 -type f -exec mv -f -t "$have" -- {} +
		rmdir "$tmp"
	fi
	find "$chunk.rec" -maxdepth 1 -type f -exec mv -f -t "$rec" -- {} +
}

# cache_prune: the per-file records and the passes' lists in $CACHE_DIR not
# used for $CACHE_DAYS days, then the oldest beyond $CACHE_MB MiB, and
# what runs killed long ago left behind.
cache_prune() {
	local dir=$CACHE_DIR/files kb
	[[ -n $CACHE_DIR && -d $CACHE_DIR ]] || return 0
	mkdir -p "$dir"
	find "$dir" -mindepth 1 -maxdepth 1 -name '.new.*' -mtime +1 -exec rm -rf -- {} +
	find "$dir" -mindepth 2 -maxdepth 2 -type f -mtime +"$CACHE_DAYS" -delete
	find "$CACHE_DIR" -maxdepth 1 -type f \( -name 'wrappers-*' -o -name 'tested-*' \) \
		-mtime +"$CACHE_DAYS" -delete
	kb=$(du -sk "$CACHE_DIR" | cut -f1)
	if ((kb > CACHE_MB * 1024)); then
		{
			find "$dir" -mindepth 2 -maxdepth 2 -type f -printf '%T@ %k %p\n'
			find "$CACHE_DIR" -maxdepth 1 -type f \( -name 'wrappers-*' -o -name 'tested-*' \) \
				-printf '%T@ %k %p\n'
		} | sort -n | awk -v over=$((kb - CACHE_MB * 1024)) '
			over > 0 { over -= ($2 > 0 ? $2 : 1); sub(/^[^ ]+ [^ ]+ /, ""); print }' |
			tr '\n' '\0' | xargs -0 -r rm -f --
	fi
	find "$dir" -mindepth 1 -maxdepth 1 -type d -empty ! -name '.new.*' -delete
	log "cache: $(du -sk "$CACHE_DIR" | cut -f1) KiB in $CACHE_DIR (kept: used within $CACHE_DAYS days, at most $CACHE_MB MiB)"
}
