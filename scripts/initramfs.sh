#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/initramfs.sh LIST OUTPUT [NAME=PATH...]
#
# Write OUTPUT, an uncompressed "newc" cpio archive for QEMU's -initrd,
# from LIST with the kernel's own usr/gen_init_cpio (its syntax: see
# ci/initramfs.list), without root: device nodes are described, not
# created. The SOURCE of each "file" line is ${NAME}, and NAME=PATH here
# says which file that is (a PATH may contain spaces).
#
# Byte for byte reproducible: the same LIST and files give the same
# archive. gen_init_cpio numbers the inodes in list order; every mtime is
# 0 (-t 0 for directories and nodes, and each file is passed as a copy
# whose mtime is 0, since gen_init_cpio takes a file's own).
#
# gen_init_cpio is built once from the base tree's usr/gen_init_cpio.c
# with the host's compiler (HOSTCC, default gcc) into $CACHE/tools/,
# keyed by that source's hash; the base tree is only read. The base is
# the one make check resolved ($O/base.env), else the one scripts/base.sh
# resolves (KSRC, or Debian's linux-source-6.1).
#
# Exit: 0 written, 2 usage error, unreadable input or no gen_init_cpio.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

HOSTCC=${HOSTCC:-gcc}

# base_tree: the base tree's directory; from $O/base.env, else resolved by
# scripts/base.sh into a scratch output dir, so that $O is left alone.
base_tree() {
	local out
	if [[ ! -f $OUT/base.env ]]; then
		out=$STAGE/base
		FORCE_BASE=1 O=$out "$REPO/scripts/base.sh" >"$STAGE/base.log" 2>&1 ||
			die "$EX_SETUP" "no base tree for usr/gen_init_cpio.c: $(tail -n1 "$STAGE/base.log")"
		OUT=$out
	fi
	load_base
	printf '%s\n' "$BASE_DIR"
}

# gen_init_cpio: the path of the base's gen_init_cpio, built if need be.
gen_init_cpio() {
	local src bin tmp
	src=$(base_tree)/usr/gen_init_cpio.c
	[[ -f $src ]] || die "$EX_SETUP" "the base tree has no $src"
	bin=$CACHE/tools/gen_init_cpio-$(content_hash "$src")
	if [[ ! -x $bin ]]; then
		need_tool "$HOSTCC" gcc
		mkdir -p "$CACHE/tools"
		tmp=$(mktemp "$bin.XXXXXX")
		if ! "$HOSTCC" -O2 -o "$tmp" "$src" 2>"$STAGE/cc.log"; then
			rm -f -- "$tmp"
			die "$EX_SETUP" "cannot build $src with $HOSTCC: $(head -n1 "$STAGE/cc.log")"
		fi
		mv -- "$tmp" "$bin"
		verbose "built $bin from $src"
	fi
	printf '%s\n' "$bin"
}

# check_sources LIST: each "file" line's SOURCE is ${NAME} of a NAME=PATH
# argument (exported, a copy with mtime 0), or the archive would carry
# that file's own mtime.
check_sources() {
	local list=$1 n src name
	while read -r n src; do
		[[ $src =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]] ||
			die "$EX_SETUP" "$list:$n: file source '$src' is not \${NAME}; give the file as NAME=PATH"
		name=${BASH_REMATCH[1]}
		[[ -n ${GIVEN[$name]:-} ]] ||
			die "$EX_SETUP" "$list:$n: \${$name} is not given (want $name=PATH)"
	done < <(awk '$1 == "file" { print FNR, $3 }' "$list")
}

main() {
	local list out arg name path cpio tmp
	declare -gA GIVEN=()

	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	esac
	[[ $# -ge 2 ]] || die "$EX_SETUP" "want LIST OUTPUT [NAME=PATH...] (see --help)"
	list=$1 out=$2
	shift 2
	[[ -r $list ]] || die "$EX_SETUP" "cannot read list $list"
	STAGE=$(mktemp -d)
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -rf -- '$STAGE'" EXIT
	for arg in "$@"; do
		name=${arg%%=*} path=${arg#*=}
		[[ $arg == *=* && $name =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] ||
			die "$EX_SETUP" "bad argument '$arg' (want NAME=PATH)"
		[[ -f $path && -r $path ]] || die "$EX_SETUP" "$name=$path: cannot read $path"
		cp -- "$path" "$STAGE/$name"
		touch -d @0 -- "$STAGE/$name"
		export "$name=$STAGE/$name"
		GIVEN[$name]=1
	done
	check_sources "$list"
	cpio=$(gen_init_cpio)

	tmp=$(mktemp "$out.XXXXXX")
	# gen_init_cpio skips a line of unknown type with only a message.
	if ! "$cpio" -t 0 "$list" >"$tmp" 2>"$STAGE/cpio.log" || [[ -s $STAGE/cpio.log ]]; then
		rm -f -- "$tmp"
		die "$EX_SETUP" "gen_init_cpio: $list: $(grep -m1 . "$STAGE/cpio.log" || echo failed)"
	fi
	mv -- "$tmp" "$out"
}

main "$@"
