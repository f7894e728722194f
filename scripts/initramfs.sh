#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Write an uncompressed "newc" cpio archive from a list file, without root
# (device nodes are described, not created) and byte-for-byte reproducible
# (every mtime is 0, inode numbers follow the list).
set -euo pipefail

myname=${0##*/}

usage() {
	cat <<EOF
Usage: $myname [--help] LIST OUTPUT [NAME=PATH...]

Build the cpio archive OUTPUT from LIST (see ci/initramfs.list):
  dir  NAME MODE UID GID
  nod  NAME MODE UID GID c|b MAJOR MINOR
  file NAME SOURCE MODE UID GID
Blank lines and lines starting with # are ignored.  @NAME@ in a SOURCE is
replaced by the PATH of a NAME=PATH argument.

Exit status: 0 written, 2 usage error or unreadable input.
EOF
}

die() {
	echo "$myname: $*" >&2
	exit 2
}

ino=300

# header NAME MODE UID GID NLINK SIZE RDEVMAJOR RDEVMINOR
header() {
	local name=$1 namesize=$((${#1} + 1)) pad

	printf '070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X' \
		"$ino" "$2" "$3" "$4" "$5" 0 "$6" 0 0 "$7" "$8" \
		"$namesize" 0
	printf '%s\0' "$name"
	pad=$(((4 - (110 + namesize) % 4) % 4))
	head -c "$pad" /dev/zero
	ino=$((ino + 1))
}

pad_data() {
	head -c $(((4 - $1 % 4) % 4)) /dev/zero
}

# entry LINE...: one list line to stdout
entry() {
	local kind=$1 name=${2#/} src size type

	case $kind in
	dir)
		[[ $# -eq 5 ]] || return 1
		header "$name" $((0040000 | 8#$3)) "$4" "$5" 2 0 0 0
		;;
	nod)
		[[ $# -eq 8 ]] || return 1
		case $6 in
		c) type=0020000 ;;
		b) type=0060000 ;;
		*) return 1 ;;
		esac
		header "$name" $((type | 8#$3)) "$4" "$5" 1 0 "$7" "$8"
		;;
	file)
		[[ $# -eq 6 ]] || return 1
		src=$3
		size=$(stat -L -c %s -- "$src")
		header "$name" $((0100000 | 8#$4)) "$5" "$6" 1 "$size" 0 0
		cat -- "$src"
		pad_data "$size"
		;;
	*)
		return 1
		;;
	esac
}

main() {
	local list out tmp line n=0 arg key i
	local -A subst=()
	local -a words

	case ${1:-} in
	-h|--help) usage; exit 0 ;;
	esac
	[[ $# -ge 2 ]] || { usage >&2; exit 2; }
	list=$1 out=$2
	shift 2
	for arg in "$@"; do
		[[ $arg == *=* ]] || die "bad substitution '$arg' (want NAME=PATH)"
		subst[${arg%%=*}]=${arg#*=}
	done
	[[ -r $list ]] || die "cannot read list $list"

	tmp=$(mktemp "$out.XXXXXX")
	trap 'rm -f -- "$tmp"' EXIT
	while IFS= read -r line || [[ -n $line ]]; do
		n=$((n + 1))
		[[ $line =~ ^[[:space:]]*(#|$) ]] && continue
		# Split first, then substitute: a PATH may contain spaces.
		read -r -a words <<<"$line"
		for i in "${!words[@]}"; do
			for key in "${!subst[@]}"; do
				words[i]=${words[i]//@$key@/${subst[$key]}}
			done
			[[ ${words[i]} != *@*@* ]] ||
				die "$list:$n: unresolved ${words[i]}"
		done
		if [[ ${words[0]} == file && ! -r ${words[2]:-} ]]; then
			die "$list:$n: cannot read ${words[2]:-}"
		fi
		entry "${words[@]}" >>"$tmp" || die "$list:$n: bad line: $line"
	done <"$list"
	ino=0
	header TRAILER!!! 0 0 0 1 0 0 0 >>"$tmp"
	mv -- "$tmp" "$out"
	trap - EXIT
}

main "$@"
