#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/base.sh [--record] [--help]
#
# Resolve the kernel tree the series applies to, check it against
# series/BASE and write $O/base.env for the other stages.
#
#   KSRC=DIR      a kernel tree or git checkout to use as the base; it is
#                 only read, never written. Default: the Debian
#                 linux-source-X.Y that the series' BASE names (6.1 when
#                 it names none), extracted once into $CACHE/base.
#   BASE_TARBALL=FILE  another Debian linux-source-X.Y tarball instead
#                 (e.g. /usr/src/linux-source-6.12.tar.xz for cocci-tree).
#   FORCE_BASE=1  warn instead of stopping when the base differs from
#                 series/BASE; without a series (several branches, no
#                 BRANCH=), resolve the base alone.
#   --record      write series/BASE from the current base: its version and
#                 source, and the sha256 of every file the series touches.
#
# Exit: 0 base ready, 2 base missing, not clean or not the recorded one.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

TARBALL=$(base_tarball)
# The Debian package that ships the tarball: its name without .tar.xz.
TARBALL_PKG=$(basename "$TARBALL" .tar.xz)

makefile_version() {
	awk -F' *= *' '
		$1 == "VERSION" { v = $2 } $1 == "PATCHLEVEL" { p = $2 }
		$1 == "SUBLEVEL" { s = $2 } $1 == "EXTRAVERSION" { e = $2 }
		/^NAME/ { exit }
		END { if (v == "") exit 1; printf "%s.%s.%s%s\n", v, p, s, e }' "$1/Makefile"
}

# extract_once DIR: extract TARBALL into DIR unless another job sharing
# CACHE did so while this one waited for the lock (it must not replace a
# tree the other is about to use).
extract_once() {
	local dir=$1 tmp lock
	mkdir -p "$CACHE/base"
	exec {lock}>"$CACHE/base/.lock"
	flock -w 900 "$lock" ||
		die "$EX_SETUP" "another job has held $CACHE/base/.lock for 15 min"
	if [[ ! -f $dir/Makefile ]]; then
		msg "extracting $TARBALL into $dir (once)"
		tmp=$(mktemp -d "$CACHE/base/.extract.XXXXXX")
		tar -xJf "$TARBALL" -C "$tmp" --strip-components=1 ||
			{ rm -rf "$tmp"; die "$EX_SETUP" "cannot extract $TARBALL"; }
		rm -rf "$dir"
		mv "$tmp" "$dir"
	fi
	exec {lock}>&-
}

# extract_tarball: Debian's package tarball, extracted once per package
# version; a half-finished extraction never looks finished.
extract_tarball() {
	local debver dir
	[[ -f $TARBALL ]] ||
		die "$EX_SETUP" "no base tree: $TARBALL missing; install it with: apt-get install $TARBALL_PKG (or set KSRC=/path/to/linux)"
	debver=$(dpkg-query -W -f='${Version}' "$TARBALL_PKG" 2>/dev/null || echo unknown)
	dir=$CACHE/base/$TARBALL_PKG-$debver
	[[ -f $dir/Makefile ]] || extract_once "$dir"
	BASE_DIR=$dir
	BASE_SOURCE="Debian $TARBALL_PKG $debver"
	BASE_GIT=
	BASE_ID="tarball:$debver:$dir"
}

use_ksrc() {
	local dir top
	dir=$(cd "$KSRC" 2>/dev/null && pwd) ||
		die "$EX_SETUP" "KSRC=$KSRC is not a directory"
	[[ -f $dir/Makefile && -d $dir/mm && -f $dir/scripts/checkpatch.pl ]] ||
		die "$EX_SETUP" "KSRC=$dir does not look like a kernel tree (no Makefile, mm/ or scripts/checkpatch.pl)"
	[[ ! -e $dir/.config && ! -d $dir/include/config ]] ||
		die "$EX_SETUP" "KSRC=$dir is not clean (it has a .config from an in-tree build); use a clean tree or run 'make mrproper' in it yourself"
	BASE_DIR=$dir
	BASE_GIT=
	top=$(git -C "$dir" rev-parse --show-toplevel 2>/dev/null || true)
	if [[ $top == "$dir" ]]; then
		BASE_GIT=$(git -C "$dir" rev-parse HEAD)
		BASE_SOURCE="git $(git -C "$dir" describe --always --tags 2>/dev/null) ${BASE_GIT:0:12}"
		BASE_ID="git:$BASE_GIT:$(git_changes_id "$dir"):$dir"
	else
		BASE_SOURCE="tree $dir"
		BASE_ID="dir:$(tree_content_id "$dir"):$dir"
	fi
}

# git_changes_id DIR: a hash of what differs from HEAD in the checkout
# DIR: the changes to tracked files and the untracked files, by content
# (two different edits of one file are two bases).
git_changes_id() {
	{
		git -C "$1" diff --binary HEAD
		git -C "$1" ls-files -z --others --exclude-standard |
			(cd "$1" && xargs -0 -r sha256sum)
	} | sha256sum | cut -c1-16
}

# tree_content_id DIR: a hash of the names and contents of every file of
# the plain tree DIR. Hashing a kernel tree reads all of it (25 s here),
# so the result is kept under a stamp of names, sizes and mtimes (a few
# seconds): a touched file costs a rehash, not a rebuild.
tree_content_id() {
	local dir=$1 cache stamp id=''
	cache=$CACHE/base-ids/$(printf '%s' "$dir" | sha256sum | cut -c1-16)
	stamp=$(cd "$dir" && find . -type f -printf '%P %s %T@\n' | LC_ALL=C sort | sha256sum | cut -c1-16)
	[[ ! -f $cache ]] || id=$(kv_get "$cache" "$stamp")
	if [[ -z $id ]]; then
		msg "hashing the contents of $dir (once per change of its files)"
		id=$(cd "$dir" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum |
			sha256sum | cut -c1-16)
		mkdir -p "${cache%/*}"
		printf '%s %s\n' "$stamp" "$id" | write_atomic "$cache"
	fi
	printf '%s\n' "$id"
}

file_sha() { sha256sum <"$1" | cut -d' ' -f1; }

record_base() {
	local rec=$SERIES_DIR/BASE p
	{
		echo "# The tree series/series applies to, written by 'make base-record'."
		echo "# 'make check' stops when the base differs (FORCE_BASE=1 to go on)."
		echo "version $BASE_VERSION"
		echo "source $BASE_SOURCE"
		[[ -z $BASE_GIT ]] || echo "commit $BASE_GIT"
		while IFS= read -r p; do
			if [[ -f $BASE_DIR/$p ]]; then
				echo "sha256 $(file_sha "$BASE_DIR/$p") $p"
			else
				echo "absent $p"
			fi
		done < <(series_paths)
	} >"$rec.tmp"
	mv "$rec.tmp" "$rec"
	msg "wrote $rec"
}

# check_recorded: every difference from series/BASE, one line each.
check_recorded() {
	local rec=$SERIES_DIR/BASE key val path
	local -A listed=()
	[[ -f $rec ]] || { echo "$SERIES_LABEL/BASE missing; record the base with 'make base-record'"; return; }
	while read -r key val path; do
		case $key in
		version)
			[[ $val == "$BASE_VERSION" ]] ||
				echo "version: base is $BASE_VERSION, $SERIES_LABEL/BASE records $val" ;;
		sha256)
			listed[$path]=1
			if [[ ! -f $BASE_DIR/$path ]]; then
				echo "$path: missing from the base, $SERIES_LABEL/BASE records it"
			elif [[ $(file_sha "$BASE_DIR/$path") != "$val" ]]; then
				echo "$path: differs from the file $SERIES_LABEL/BASE records (sha256 ${val:0:12}...)"
			fi ;;
		absent)
			listed[$val]=1
			[[ ! -e $BASE_DIR/$val ]] ||
				echo "$val: exists in the base, $SERIES_LABEL/BASE records it absent" ;;
		source | commit | "" | "#"*) ;;
		*) echo "$SERIES_LABEL/BASE: unknown line '$key $val $path'" ;;
		esac
	done <"$rec"
	while IFS= read -r path; do
		[[ -n ${listed[$path]:-} ]] ||
			echo "$path: touched by the series but not recorded in $SERIES_LABEL/BASE"
	done < <(series_paths)
}

main() {
	local record=0 problems
	case ${1:-} in
	--record) record=1 ;;
	-h | --help) usage_from_header; exit 0 ;;
	"") ;;
	*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
	esac
	# FORCE_BASE=1 without a series (several branches, none named):
	# just the base, for those that take any (cocci-tree, initramfs).
	[[ -z $SERIES_DIR && ${FORCE_BASE:-0} == 1 && $record == 0 ]] || read_series
	if [[ -n ${KSRC:-} ]]; then use_ksrc; else extract_tarball; fi
	BASE_VERSION=$(makefile_version "$BASE_DIR") ||
		die "$EX_SETUP" "cannot read the kernel version from $BASE_DIR/Makefile"

	mkdir -p "$OUT"
	{
		printf 'BASE_DIR=%q\nBASE_VERSION=%q\nBASE_SOURCE=%q\n' \
			"$BASE_DIR" "$BASE_VERSION" "$BASE_SOURCE"
		printf 'BASE_ID=%q\nBASE_GIT=%q\n' "$BASE_ID" "$BASE_GIT"
	} >"$OUT/base.env.tmp"
	mv "$OUT/base.env.tmp" "$OUT/base.env"
	base_line

	if ((record)); then
		record_base
		return
	fi
	[[ -n $SERIES_DIR ]] || { echo "FORCE_BASE=1 and no series named: not checked against a BASE"; return; }
	problems=$(check_recorded)
	[[ -n $problems ]] || { echo "matches $SERIES_LABEL/BASE"; return; }
	if [[ ${FORCE_BASE:-0} == 1 ]]; then
		printf 'FORCE_BASE=1, going on although: %s\n' "$problems" | tap_diag >&2
		return
	fi
	# The first difference is the error line; any others go before it.
	tail -n +2 <<<"$problems" | sed 's/^/  also: /' >&2
	die "$EX_SETUP" "$(head -n1 <<<"$problems") (FORCE_BASE=1 to go on)"
}

main "$@"
