# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# Running a rule of cocci/ with spatch: the rules, their prefilters and
# options, the trees' include options and the file lists. (Running one
# rule over a list of files, in parallel chunks with the per-file cache:
# lib/spatch-run.sh; what the output means: lib/spatch-output.sh; the
# command line the subcommands share: lib/cocci-cli.sh.) Needs
# lib/common.sh.
# Sourcing only defines functions; a script calls spatch_init (lib_init
# spatch) before using them.

# spatch_init: the settings. The rules are those of cocci/ (all_rules),
# nothing else names them.
spatch_init() {
	COCCI_DIR=$REPO/cocci
	# where rules_assemble wrote the rules made of parts
	RULE_BUILD=""
	MACRO_FILE=$COCCI_DIR/spatch-macros.h
	# every spatch started from here: the rules' Python sets iterate in
	# one order in every process
	export PYTHONHASHSEED=0
	SPATCH=${SPATCH:-spatch}
	SRCARCH=${SRCARCH:-x86}
	CHUNK_MAX=${COCCI_CHUNK:-16}
	WHOLE_FILES=${COCCI_WHOLE_FILES:-0}
	REDUCER=$REPO/scripts/cocci-reduce.py
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

# A rule of cocci/ is a file NAME.cocci, or a directory NAME.d/ of parts
# (its *.cocci files) that joined in name order, C locale, are the rule:
# one check a part, each readable alone, run by one spatch as one file
# (rules_assemble). Either way the rule's text (rule_text) is what the
# cache keys hash and what the greps below read.

# all_rules: the names of the rules, sorted; dies when a name is both a
# file and a directory.
all_rules() {
	local f names twice
	names=$(for f in "$COCCI_DIR"/*.cocci "$COCCI_DIR"/*.d; do
		[[ -f $f && $f == *.cocci || -d $f && $f == *.d ]] || continue
		f=${f##*/}
		printf '%s\n' "${f%.*}"
	done | LC_ALL=C sort)
	twice=$(uniq -d <<<"$names" | paste -sd' ')
	[[ -z $twice ]] ||
		die "$EX_SETUP" "rule $twice: both cocci/NAME.cocci and cocci/NAME.d/ (keep one)"
	paste -sd' ' <<<"$names"
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
# those calls. kref_iterator reports loops over an iterator of pass 1's
# list (the caller narrows this to them). list_del_init and
# list_del_unadded report list_del(), list_del_rcu(), hlist_del() and
# hlist_del_rcu() calls; list_walk reports walks and list_empty() loops;
# list_del_twice a first delete by such a call, by a function of the
# file that makes one, or by one of the tree's (the caller adds a pattern
# for calls of those); list_del_flag every delete, list_del_init too;
# list_wait_entry a wait entry queued by add_wait_queue*() or
# prepare_to_wait*().
prefilter_of() {
	case $1 in
	kref_balance) echo 'kref_(get|put|init)' ;;
	kref_iterator) echo '\<[A-Za-z0-9_]*for_each[A-Za-z0-9_]*[[:space:]]*\(' ;;
	list_del_init | list_del_unadded | list_del_twice) echo '\<h?list_del(_rcu)?[[:space:]]*\(' ;;
	list_walk) echo '\<(h?list_for_each_entry[A-Za-z_]*|list_empty)[[:space:]]*\(' ;;
	list_del_flag) echo '\<h?list_del[a-z_]*[[:space:]]*\(' ;;
	list_wait_entry) echo '\<(add_wait_queue|prepare_to_wait)[a-z_]*[[:space:]]*\(' ;;
	*) echo '.' ;;
	esac
}

# rule_file RULE: the file spatch is given for RULE: a path to a .cocci
# file (a kernel tree's own rules: see "foreign" below) as it is; RULE of
# cocci/ as NAME.cocci, or as rules_assemble wrote it when it is NAME.d/.
rule_file() {
	if foreign "$1"; then
		printf '%s\n' "$1"
	elif [[ -d $COCCI_DIR/$1.d ]]; then
		[[ -n $RULE_BUILD ]] ||
			die "$EX_SETUP" "rule $1 is made of parts, and they were not assembled (rules_assemble)"
		printf '%s\n' "$RULE_BUILD/$1.cocci"
	else
		printf '%s\n' "$COCCI_DIR/$1.cocci"
	fi
}

# rule_text RULE: the text of RULE, as spatch runs it: the file, or the
# parts of NAME.d/ in name order (glob order with LC_ALL=C, in a
# subshell: bash sorts the names by LC_COLLATE).
rule_text() {
	local d=$COCCI_DIR/$1.d
	if foreign "$1" || [[ ! -d $d ]]; then
		cat -- "$(rule_file "$1")"
		return
	fi
	(
		LC_ALL=C
		shopt -s nullglob
		parts=("$d"/*.cocci)
		((${#parts[@]})) || die "$EX_SETUP" "rule $1: no part (*.cocci) in $d"
		cat -- "${parts[@]}"
	)
}

# rules_assemble DIR: each rule of cocci/ that is a directory of parts
# written whole to DIR/NAME.cocci, which rule_file names from then on.
# Called once per process before the first spatch run, with a DIR of the
# run (its output or work dir): never the repo or the tree checked. Each
# file is written under a name of this process and renamed, so two runs
# sharing DIR never give spatch a half-written or mixed rule.
rules_assemble() {
	local dir=$1 r tmp
	mkdir -p "$dir" || die "$EX_SETUP" "cannot create $dir"
	for r in $ALL_RULES; do
		[[ -d $COCCI_DIR/$r.d ]] || continue
		tmp=$dir/.$r.cocci.$BASHPID
		if ! rule_text "$r" >"$tmp" || ! mv -f -- "$tmp" "$dir/$r.cocci"; then
			rm -f -- "$tmp"
			die "$EX_SETUP" "cannot write $dir/$r.cocci"
		fi
	done
	RULE_BUILD=$dir
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
		sed -n 's|^// Options:||p' < <(rule_text "$1") | head -n1
	fi
}

# rule_confidence RULE: what the rule's "// Confidence:" line says.
rule_confidence() {
	sed -n 's|^// Confidence:[[:space:]]*||p' < <(rule_text "$1" 2>/dev/null) | head -n1
}

# rule_default_tier RULE: the tier of a finding of RULE whose message
# names none: the rule's "// Confidence:" when that is one tier,
# else Moderate.
rule_default_tier() {
	local c
	c=$(rule_confidence "$1")
	case ${c,,} in
	high) echo High ;;
	low) echo Low ;;
	*) echo Moderate ;;
	esac
}

# rule_reads_wrappers RULE: whether RULE reads pass 1's wrapper list.
# (grep -q reads from a process substitution: in a pipe, the rest of
# the text would kill the writer with SIGPIPE and pipefail fail it.)
rule_reads_wrappers() { ! foreign "$1" && grep -q KREF_WRAPPERS < <(rule_text "$1"); }

# rule_reduces RULE: whether RULE may be run on copies of its files with
# the bodies blanked of the functions that name no wrapper of its list
# (scripts/cocci-reduce.py): its text says so in a "// Reduce:" line.
rule_reduces() { ! foreign "$1" && grep -q '^// Reduce: ' < <(rule_text "$1"); }

# rule_reads_tested RULE: whether RULE reads the list of fields tested in
# other files (lib/cocci-tested.sh).
rule_reads_tested() { ! foreign "$1" && grep -q LIST_TESTED < <(rule_text "$1"); }

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
