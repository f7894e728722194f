# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# The settings every stage shares, the base as scripts/base.sh resolved
# it, the series and the test overlay. Needs lib/common.sh; sources
# lib/branch.sh (which series dir, BRANCH=). Sourcing only defines
# functions; a script calls series_init after lib_init.

# shellcheck source=branch.sh
source "$REPO/scripts/lib/branch.sh"

# series_init: the settings. Every user-facing variable is documented in
# README.md ("Variables").
series_init() {
	# SERIES_DIR: empty when several branches are there and none was
	# named (read_series stops then); OUT: that series' output dir.
	branch_init
	SERIES_DIR=$BRANCH_SERIES
	OUT=$BRANCH_OUT
	CACHE=$(abspath "${CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/z3fold-series}")
	FLAVOUR=${FLAVOUR:-debug}
	FLAVOURS="debug plain kcsan"
	JOBS=${JOBS:-$(($(nproc) + 1))}
	LOGS=$OUT/logs
	WORK=$(work_dir)
	TREE=$WORK/tree
	# The test-only overlay applied on every tree state: its patches
	# (*.patch) and the config fragments they need (*.config).
	# OVERLAY=none: no overlay. By default the one of the series' base
	# version (branch_defaults).
	OVERLAY_DIR=${OVERLAY:-${BRANCH_OVERLAY:-$REPO/ci/overlay}}
	[[ $OVERLAY_DIR == none ]] || OVERLAY_DIR=$(abspath "$OVERLAY_DIR")
	# The files of a series dir only make send reads: an edit there does
	# not void a check (series_checksum).
	SEND_ONLY_FILES="cover-letter changelog revision"
}

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

check_flavour() {
	[[ " $FLAVOURS " == *" $FLAVOUR "* ]] ||
		die "$EX_SETUP" "unknown FLAVOUR '$FLAVOUR' (one of: $FLAVOURS)"
}

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
	need_branch
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

# read_identity: the identity of series/identity, shared by the branches
# (identity_file; its first line that is neither a comment nor empty), the
# From: and Signed-off-by: of every patch.
read_identity() {
	local line file
	file=$(identity_file)
	[[ -f $file ]] || return 1
	while IFS= read -r line || [[ -n $line ]]; do
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		printf '%s\n' "$line"
		return 0
	done <"$file"
	return 1
}

# check_prefix K: K must name a prefix of the series (0 is the base).
check_prefix() {
	if [[ ! $1 =~ ^[0-9]+$ ]] || (($1 > ${#PATCHES[@]})); then
		die "$EX_SETUP" "prefix must be 0..${#PATCHES[@]}, not '$1'"
	fi
}

# prefix_name K: "prefix K (patch)" as errors and TAP lines name it.
prefix_name() {
	if (($1 == 0)); then
		echo "prefix 0 (base)"
	else
		echo "prefix $1 (${PATCHES[$1 - 1]})"
	fi
}

# patch_paths FILE...: the tree paths the patches create, change or delete.
patch_paths() {
	awk -f "$REPO/scripts/awk/patch-paths.awk" "$@" | sort -u
}

# series_paths: the paths the whole series touches.
series_paths() {
	local p files=()
	for p in "${PATCHES[@]}"; do
		files+=("$SERIES_DIR/$p")
	done
	patch_paths "${files[@]}"
}

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
# file in $SERIES_DIR (names and contents, not the dir's path: a moved
# series keeps it) except SEND_ONLY_FILES, and the identity the branches
# share (series/identity) as if it were the dir's own. Not subdirectories.
# check.sh records it in $O/last-check; send.sh compares it.
series_checksum() {
	local f skip=() id
	for f in $SEND_ONLY_FILES; do
		skip+=(! -path "./$f")
	done
	id=$(identity_file)
	(
		cd "$SERIES_DIR" &&
			{
				find . -maxdepth 1 -type f "${skip[@]}" -print0
				[[ -f ./identity || ! -f $id ]] || printf './identity\0'
			} | sort -z | while IFS= read -r -d '' f; do
				if [[ $f == ./identity && ! -f $f ]]; then
					printf '%s  ./identity\n' "$(sha256sum <"$id" | cut -d' ' -f1)"
				else
					sha256sum -- "$f"
				fi
			done | sha256sum | cut -d' ' -f1
	)
}

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

# series_results [all]: what a stage that compares builds starts with:
# the base loaded, the series read (N: its patch count), and RESULT
# filled with the results of the base and the whole series, or with
# "all" of every prefix (build_results).
series_results() {
	load_base
	read_series
	N=${#PATCHES[@]}
	if [[ ${1:-} == all ]]; then
		build_results $(seq 0 "$N")
	else
		build_results 0 "$N"
	fi
}
