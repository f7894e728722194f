# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# Shared by scripts/*.sh: settings, messages, the series reader and TAP
# output. Sourced, never run. Helpers return or fail; only a script's
# main decides what to print as its verdict and how to exit.

# Exit codes, the contract between every script and the Makefile.
readonly EX_OK=0 EX_FAIL=1 EX_SETUP=2 EX_SKIP=4 EX_TIMEOUT=124

PROG=${0##*/}
PROG=${PROG%.sh}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Our Makefile's command line (O=, KSRC=, ...) reaches us through MAKEFLAGS
# too; a kernel make started from here must not inherit it.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES

# --- messages -------------------------------------------------------------

msg() { printf '%s: %s\n' "$PROG" "$*" >&2; }
verbose() { [[ ${VERBOSE:-0} == 1 ]] && msg "$@"; return 0; }
# die CODE MESSAGE: the one-line error, then exit.
die() {
	local code=$1
	shift
	msg "$*"
	exit "$code"
}

# need_tool COMMAND PACKAGE: a stage cannot run without COMMAND.
need_tool() {
	command -v "$1" >/dev/null 2>&1 ||
		die "$EX_SETUP" "missing tool '$1'; install it with: apt-get install $2"
}

abspath() {
	local p=$1
	[[ $p == /* ]] || p=$PWD/$p
	printf '%s\n' "$p"
}

# no_args "$@": for scripts that take only --help.
no_args() {
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	"") ;;
	*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
	esac
}

# --- settings ---------------------------------------------------------------
# Every user-facing variable is documented in README.md ("Variables").

SERIES_DIR=$(abspath "${SERIES:-$REPO/series}")
OUT=$(abspath "${O:-$REPO/out}")
CACHE=$(abspath "${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/z3fold-series}")
FLAVOUR=${FLAVOUR:-debug}
JOBS=${JOBS:-$(($(nproc) + 1))}
LOGS=$OUT/logs
readonly FLAVOURS="debug plain kcsan"

# Kbuild refuses a source or object path with spaces or colons, so the
# scratch tree and build dirs move to a cache path keyed by $OUT if needed.
work_dir() {
	if [[ $OUT == *[[:space:]:]* ]]; then
		local key
		key=$(printf '%s' "$OUT" | sha256sum | cut -c1-12)
		printf '%s/work-%s\n' "$CACHE" "$key"
	else
		printf '%s/work\n' "$OUT"
	fi
}
WORK=$(work_dir)
TREE=$WORK/tree

check_flavour() {
	[[ " $FLAVOURS " == *" $FLAVOUR "* ]] ||
		die "$EX_SETUP" "unknown FLAVOUR '$FLAVOUR' (one of: $FLAVOURS)"
}

# awk functions for the benchmarks' tables: sort(a, n) sorts a[1..n] as
# numbers in place; median(a, n) sorts and returns the median.
readonly AWK_STATS='
	function sort(a, n,    i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
	}
	function median(a, n) {
		sort(a, n)
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
'

# --- the base, as resolved by scripts/base.sh ------------------------------

# Sets BASE_DIR, BASE_VERSION, BASE_SOURCE, BASE_ID, BASE_GIT.
load_base() {
	local env=$OUT/base.env
	[[ -f $env ]] || die "$EX_SETUP" "base not resolved yet; run 'make base' (or 'make check')"
	# shellcheck source=/dev/null
	source "$env"
}

base_line() {
	printf 'base: %s (%s) at %s\n' "$BASE_VERSION" "$BASE_SOURCE" "$BASE_DIR"
}

# --- the series -------------------------------------------------------------

# read_series: fills PATCHES with the patch names of $SERIES_DIR/series in
# order, or dies naming the line that is wrong. Only what quilt would accept
# unchanged and this tooling can reproduce: one name per line, optional -p1.
read_series() {
	local file=$SERIES_DIR/series line name opt n=0 extra
	local -A seen=()
	PATCHES=()
	[[ -f $file ]] || die "$EX_SETUP" "series: $file not found"
	while IFS= read -r line || [[ -n $line ]]; do
		n=$((n + 1))
		line=${line%%#*}
		read -r name opt extra <<<"$line" || true
		[[ -n $name ]] || continue
		[[ -z $extra && ( -z $opt || $opt == -p1 ) ]] ||
			die "$EX_SETUP" "series: line $n: only '<patch> [-p1]' is supported: '$line'"
		[[ $name != */* && $name != .* ]] ||
			die "$EX_SETUP" "series: line $n: '$name' must be a file name in $SERIES_DIR"
		[[ -f $SERIES_DIR/$name ]] ||
			die "$EX_SETUP" "series: line $n: patch '$name' not found in $SERIES_DIR"
		[[ -z ${seen[$name]:-} ]] ||
			die "$EX_SETUP" "series: line $n: '$name' listed twice (first on line ${seen[$name]})"
		seen[$name]=$n
		grep -q '^+++ ' "$SERIES_DIR/$name" ||
			die "$EX_SETUP" "series: line $n: '$name' contains no diff"
		PATCHES+=("$name")
	done <"$file"
	[[ ${#PATCHES[@]} -gt 0 ]] || die "$EX_SETUP" "series: $file lists no patch"
}

# read_identity: the identity of series/identity (its first line that is
# neither a comment nor empty), the From: and Signed-off-by: of every patch.
read_identity() {
	local line
	[[ -f $SERIES_DIR/identity ]] || return 1
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		printf '%s\n' "$line"
		return 0
	done <"$SERIES_DIR/identity"
	return 1
}

# check_prefix K: K must name a prefix of the series (0 is the base).
check_prefix() {
	if [[ ! $1 =~ ^[0-9]+$ ]] || (($1 > ${#PATCHES[@]})); then
		die "$EX_SETUP" "prefix must be 0..${#PATCHES[@]}, not '$1'"
	fi
}

# patch_paths FILE...: the tree paths the patches create, change or delete.
patch_paths() {
	awk '
		/^--- / || /^\+\+\+ / {
			p = substr($0, 5); sub(/\t.*/, "", p)
			if (p == "/dev/null") next
			sub(/^[^\/]*\//, "", p)		# strip a/ or b/ (-p1)
			print p
		}' "$@" | sort -u
}

# series_paths: the paths the whole series touches.
series_paths() {
	local p files=()
	for p in "${PATCHES[@]}"; do
		files+=("$SERIES_DIR/$p")
	done
	patch_paths "${files[@]}"
}

# The test-only overlay applied on every tree state: its patches (*.patch)
# and the config fragments they need (*.config). OVERLAY=none: no overlay.
OVERLAY_DIR=${OVERLAY:-$REPO/ci/overlay}
[[ $OVERLAY_DIR == none ]] || OVERLAY_DIR=$(abspath "$OVERLAY_DIR")

# overlay_files EXT: the overlay's files ending in .EXT, in order.
overlay_files() {
	local f
	[[ $OVERLAY_DIR != none ]] || return 0
	for f in "$OVERLAY_DIR"/*."$1"; do
		[[ -f $f ]] && printf '%s\n' "$f"
	done
	return 0
}

# series_checksum: the sha256 of the series content make check judges: every
# file under $SERIES_DIR (names and contents) except the ones only make send
# reads (SEND_ONLY_FILES), so a cover letter edit does not void a check.
# check.sh records it in $O/last-check; send.sh compares it.
readonly SEND_ONLY_FILES="cover-letter changelog revision"
series_checksum() {
	local f skip=()
	for f in $SEND_ONLY_FILES; do
		skip+=(! -path "./$f")
	done
	(cd "$SERIES_DIR" && find . -type f "${skip[@]}" -print0 | sort -z |
		xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

# content_hash FILE...: one hash over names and contents, for cache keys.
content_hash() {
	local f
	for f in "$@"; do
		printf '%s\n' "${f##*/}"
		cat -- "$f"
	done | sha256sum | cut -c1-16
}

# --- comparing findings, base against series ---------------------------------

# tree_findings TREE PATHS_FILE LOG...: compiler and sparse diagnostics about
# the paths listed in PATHS_FILE, as "path: kind: message" with the tree
# prefix and line:column dropped, so moved code does not look new.
tree_findings() {
	local tree=$1 paths=$2
	shift 2
	awk -v tree="$tree/" '
		FNR == NR { want[$0] = 1; next }
		match($0, /^[^ :]+:[0-9]+(:[0-9]+)?: (warning|error): /) {
			loc = substr($0, 1, RLENGTH)
			text = substr($0, RLENGTH + 1)
			split(loc, part, ":")
			path = part[1]
			if (index(path, tree) == 1)
				path = substr(path, length(tree) + 1)
			sub(/^\.\.\//, "", path)
			if (path in want)
				printf "%s: %s: %s\n", path, (loc ~ /error: $/ ? "error" : "warning"), text
		}' "$paths" "$@"
}

# new_lines OLD NEW: lines of NEW not in OLD, counting repeats (a second
# copy of a base warning is new).
new_lines() {
	# shellcheck disable=SC2016 # awk's $0, not the shell's
	local number='{ print $0 " #" ++seen[$0] }'
	comm -13 <(awk "$number" "$1" | sort) <(awk "$number" "$2" | sort) |
		sed 's/ #[0-9]*$//'
}

# --- TAP 13 ------------------------------------------------------------------

TAP_N=0
tap_plan() { printf 'TAP version 13\n1..%s\n' "$1"; }
tap_ok() { TAP_N=$((TAP_N + 1)); printf 'ok %d - %s\n' "$TAP_N" "$*"; }
tap_not_ok() { TAP_N=$((TAP_N + 1)); printf 'not ok %d - %s\n' "$TAP_N" "$*"; }
tap_skip() { TAP_N=$((TAP_N + 1)); printf 'ok %d - %s # SKIP\n' "$TAP_N" "$*"; }
# tap_diag: each line of standard input as a "# " diagnostic.
tap_diag() { sed 's/^/# /'; }

# usage_from_header: --help is the script's header comment, from line 4
# (line 2 is the SPDX tag, line 3 an empty comment).
usage_from_header() {
	sed -n '4,/^[^#]/{/^#/!q;s/^# \{0,1\}//;p}' "$0"
}

# --- results of scripts/build-prefix.sh --------------------------------------

# build_results K...: fills RESULT (indexed by K) with the result dirs of
# those prefixes, building what is not built yet.
build_results() {
	local out k i=0 dirs
	out=$("$REPO/scripts/build-prefix.sh" "$@") || exit $?
	mapfile -t dirs <<<"$out"
	RESULT=()
	for k in "$@"; do
		RESULT[k]=${dirs[i]}
		i=$((i + 1))
	done
}

# prefix_name K: "prefix K (patch)" as errors and TAP lines name it.
prefix_name() {
	if (($1 == 0)); then
		echo "prefix 0 (base)"
	else
		echo "prefix $1 (${PATCHES[$1 - 1]})"
	fi
}

# first_error DIR: the first compiler, linker, modpost or make error of a
# failed build.
first_error() {
	grep -m1 -E ': (fatal )?error: |^ERROR: |undefined reference to |\*\*\* ' "$1/build.log" |
		sed "s#$TREE/##; s#^\\.\\./##" || echo "see the log"
}
