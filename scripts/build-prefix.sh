#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/build-prefix.sh [--target TARGET] K...
#
# Build the x86_64 kernel of series prefix K (0 is the base) in the kept
# build dir of FLAVOUR (debug, plain or kcsan) and keep what came out in
# $O/results/FLAVOUR/pK/:
#   status     pass or fail
#   build.log  make's output (W=1), with the command line at its head
#   warnings   compiler diagnostics in the files the series touches
#   sparse     sparse (C=2) diagnostics in the .c files the series touches
#   bzImage    the kernel, for the boot test
#   seconds    wall time of the build
# A passing result is reused as long as its inputs are unchanged: the
# base, patches 1..K, the overlay, kconfigs, gcc, sparse and this script.
# Every prefix shares one build dir, so going from one prefix to the next
# recompiles only what the patches touched (ccache is used when present).
#
# The config is tinyconfig + kconfigs/base.config + the other non-flavour
# fragments + kconfigs/FLAVOUR.config + the overlay's fragments (OVERLAY,
# default ci/overlay), settled with olddefconfig; every line of those
# fragments must hold in the final .config.
#
# --target TARGET builds for another compiler, arch or z3fold setting
# instead (the xbuild stage), in $WORK/xbuild-TARGET with the results in
# $O/results/xbuild-TARGET/pK/ (no bzImage, no sparse):
#   clang      x86_64 with LLVM=1 (Debian's clang and lld)
#   i386       ARCH=i386 (the host gcc with -m32)
#   arm64-64k  ARCH=arm64 with 64 KiB pages (gcc-aarch64-linux-gnu)
#   module     x86_64, CONFIG_Z3FOLD=m (vmlinux and modules, modpost)
# Their config is tinyconfig + kconfigs/xbuild/common.config + the
# target's own fragment, if any: only what z3fold and its users need.
#
# Prints the result dir of each K. Exit: 0 results written (a prefix that
# does not build is a result with status fail), 1 the tree could not be
# put at prefix K, 2 setup error (tools, config).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series findings

readonly XBUILD_TARGETS="clang i386 arm64-64k module"

# set_target TARGET: what differs between the flavour build (TARGET "")
# and the extra ones: ARCH, compiler, make goals, the image kept.
set_target() {
	TARGET=$1
	KARCH=x86_64 CC_BIN=gcc GOALS=(bzImage) IMAGE=arch/x86/boot/bzImage
	MAKE_VARS=()
	BUILD=$WORK/build-$FLAVOUR
	RESULTS=$OUT/results/$FLAVOUR
	[[ -n $TARGET ]] || return 0
	[[ " $XBUILD_TARGETS " == *" $TARGET "* ]] ||
		die "$EX_SETUP" "unknown target '$TARGET' (one of: $XBUILD_TARGETS)"
	BUILD=$WORK/xbuild-$TARGET
	RESULTS=$OUT/results/xbuild-$TARGET
	GOALS=(vmlinux) IMAGE=''
	case $TARGET in
	clang)
		need_tool clang clang
		need_tool ld.lld lld
		need_tool llvm-ar llvm
		CC_BIN=clang MAKE_VARS=(LLVM=1) ;;
	i386) KARCH=i386 ;;
	arm64-64k)
		need_tool aarch64-linux-gnu-gcc gcc-aarch64-linux-gnu
		KARCH=arm64 CC_BIN=aarch64-linux-gnu-gcc
		MAKE_VARS=(CROSS_COMPILE=aarch64-linux-gnu-) ;;
	module) GOALS=(vmlinux modules) ;;
	esac
}

kmake() {
	make -C "$TREE" O="$BUILD" ARCH="$KARCH" W=1 CC="$CC_CMD" -j"$JOBS" \
		${MAKE_VARS[@]+"${MAKE_VARS[@]}"} \
		KBUILD_BUILD_USER=z3fold-series KBUILD_BUILD_HOST=build \
		KBUILD_BUILD_VERSION=1 KBUILD_BUILD_TIMESTAMP="$KBUILD_TIMESTAMP" "$@"
}

# fragments: the config fragments of this flavour, in merge order: base,
# the other non-flavour ones, the flavour, then the overlay's. An extra
# target: the xbuild ones.
fragments() {
	local f name
	if [[ -n $TARGET ]]; then
		printf '%s\n' "$REPO/kconfigs/xbuild/common.config"
		f=$REPO/kconfigs/xbuild/$TARGET.config
		[[ ! -f $f ]] || printf '%s\n' "$f"
		return 0
	fi
	printf '%s\n' "$REPO/kconfigs/base.config"
	for f in "$REPO"/kconfigs/*.config; do
		name=${f##*/}
		name=${name%.config}
		[[ $name == base || " $FLAVOURS " == *" $name "* ]] || printf '%s\n' "$f"
	done
	printf '%s\n' "$REPO/kconfigs/$FLAVOUR.config"
	overlay_files config
}

# tree_fragment FRAGMENT...: what this particular tree needs: Debian's
# 6.1.y puts the z3fold prompt on Z3FOLD_DEPRECATED (Z3FOLD follows it),
# set to what the fragments ask of Z3FOLD (the last one wins).
tree_fragment() {
	local want
	grep -q '^config Z3FOLD_DEPRECATED$' "$TREE/mm/Kconfig" || return 0
	want=$(sed -n 's/^CONFIG_Z3FOLD=//p' "$@" | tail -n1)
	echo "CONFIG_Z3FOLD_DEPRECATED=${want:-y}"
}

# verify_config FRAGMENT...: each requested line must hold after
# olddefconfig, which drops options whose dependencies are off. A symbol
# set by more than one fragment is held to its last value, as merged.
verify_config() {
	local f line sym val got bad=0
	local -A want=() from=()
	for f in "$@"; do
		while IFS= read -r line; do
			if [[ $line =~ ^(CONFIG_[A-Za-z0-9_]+)=(.*)$ ]]; then
				sym=${BASH_REMATCH[1]} val=${BASH_REMATCH[2]}
			elif [[ $line =~ ^#\ (CONFIG_[A-Za-z0-9_]+)\ is\ not\ set$ ]]; then
				sym=${BASH_REMATCH[1]} val=n
			else
				continue
			fi
			want[$sym]=$val from[$sym]=${f##*/}
		done <"$f"
	done
	for sym in "${!want[@]}"; do
		got=$(sed -n "s/^$sym=//p" "$BUILD/.config")
		[[ -n $got ]] || got=n
		[[ $got == "${want[$sym]}" ]] && continue
		msg "${from[$sym]}: $sym=${want[$sym]} requested, final .config has $sym=$got"
		bad=1
	done
	return "$bad"
}

configure() {
	local frags gen key what=${TARGET:-$FLAVOUR} f
	local log=$LOGS/config-$what.log
	mapfile -t frags < <(fragments)
	for f in "${frags[@]}"; do
		[[ -f $f ]] || die "$EX_SETUP" "config fragment ${f#"$REPO"/} missing"
	done
	gen=$BUILD/.z3s-tree.config
	mkdir -p "$BUILD"
	tree_fragment "${frags[@]}" >"$gen"
	key="$BASE_ID $(content_hash "${frags[@]}" "$gen")"
	[[ -f $BUILD/.config && -f $BUILD/.z3s-config &&
		$(cat "$BUILD/.z3s-config") == "$key" ]] && return
	rm -f "$BUILD/.z3s-config"
	msg "configuring $what: tinyconfig + ${frags[*]##*/}"
	{
		kmake tinyconfig
		awk -f "$REPO/scripts/awk/kconfig-merge.awk" "${frags[@]}" "$gen" \
			"$BUILD/.config" >"$BUILD/.config.merged"
		mv "$BUILD/.config.merged" "$BUILD/.config"
		kmake olddefconfig
	} >"$log" 2>&1 || die "$EX_SETUP" "configuring $what failed; log: $log"
	verify_config "${frags[@]}" "$gen" 2>>"$log" || {
		grep -m1 'requested' "$log" >&2
		die "$EX_SETUP" "kconfigs: an option did not survive olddefconfig ($what); log: $log"
	}
	printf '%s\n' "$key" >"$BUILD/.z3s-config"
}

# result_key K: everything a prefix's result depends on.
result_key() {
	local k=$1
	{
		printf '%s\n' "$BASE_ID" "$FLAVOUR" "$TARGET" "$CC_CMD"
		"$CC_BIN" --version | head -n1
		sparse --version 2>/dev/null || true
		series_paths
		# the code of patches 1..K, not their changelogs: rewording
		# one rebuilds and reboots nothing
		(cd "$SERIES_DIR" && awk -f "$REPO/scripts/awk/patch-code.awk" "${PATCHES[@]:0:k}" /dev/null |
			sha256sum)
		# The tooling that shapes a build or its recorded findings; not
		# the rest of scripts/ (messages, reports, benchmarks).
		content_hash "$0" "$REPO/scripts/apply.sh" \
			"$REPO"/scripts/lib/{series,findings}.sh \
			"$REPO"/scripts/awk/{kconfig-merge,patch-code,patch-paths,tree-findings}.awk \
			"$REPO"/kconfigs/*.config "$REPO"/kconfigs/xbuild/*.config \
			${OVERLAY_FILES[@]+"${OVERLAY_FILES[@]}"}
	} | sha256sum | cut -c1-16
}

# build_one K: build prefix K into $RESULTS/pK.
build_one() {
	local k=$1 dest=$RESULTS/p$1 tmp key start p objs=() status=pass
	key=$(result_key "$k")
	if [[ -f $dest/key && $(cat "$dest/key") == "$key" && $(cat "$dest/status") == pass ]]; then
		verbose "prefix $k: reusing $dest"
		printf '%s\n' "$dest"
		return
	fi
	tmp=$RESULTS/.p$k.tmp
	rm -rf "$tmp"
	mkdir -p "$tmp"
	"$REPO/scripts/apply.sh" --prefix "$k" --quiet || return "$EX_FAIL"
	if [[ -d $BUILD && $(cat "$BUILD/.z3s-base" 2>/dev/null) != "$BASE_ID" ]]; then
		msg "base changed: starting $BUILD afresh"
		rm -rf "$BUILD"
	fi
	mkdir -p "$BUILD"
	printf '%s\n' "$BASE_ID" >"$BUILD/.z3s-base"
	configure
	series_paths >"$tmp/paths"
	# Recompile the touched sources at every prefix so their warnings
	# are in this prefix's log (ccache makes that cheap).
	while IFS= read -r p; do
		[[ $p == *.c ]] || continue
		rm -f "$BUILD/${p%.c}.o"
		objs+=("${p%.c}.o")
	done <"$tmp/paths"

	msg "building prefix $k (${TARGET:-$FLAVOUR})"
	start=$SECONDS
	{
		printf '# make -C %s O=%s ARCH=%s W=1 CC=%s -j%s %s\n' "$TREE" "$BUILD" \
			"$KARCH" "$CC_CMD" "$JOBS" "${MAKE_VARS[*]+${MAKE_VARS[*]} }${GOALS[*]}"
		kmake "${GOALS[@]}" 2>&1
	} >"$tmp/build.log" || status=fail
	printf '%s\n' $((SECONDS - start)) >"$tmp/seconds"
	tree_findings "$TREE" "$tmp/paths" "$tmp/build.log" >"$tmp/warnings"
	: >"$tmp/sparse"
	if [[ $status == pass && -n $IMAGE ]]; then
		cp "$BUILD/$IMAGE" "$tmp/bzImage"
		# Only objects this config builds can be checked.
		for p in "${!objs[@]}"; do
			[[ -f $BUILD/${objs[p]} ]] || unset 'objs[p]'
		done
		if [[ ${#objs[@]} -gt 0 ]]; then
			kmake C=2 "${objs[@]}" >"$tmp/sparse.log" 2>&1 || status=fail
			tree_findings "$TREE" "$tmp/paths" "$tmp/sparse.log" >"$tmp/sparse"
		fi
	fi
	printf '%s\n' "$status" >"$tmp/status"
	printf '%s\n' "$key" >"$tmp/key"
	rm -rf "$dest"
	mv "$tmp" "$dest"
	printf '%s\n' "$dest"
}

main() {
	local k target=''
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	--target)
		[[ $# -ge 2 ]] || die "$EX_SETUP" "--target needs one of: $XBUILD_TARGETS"
		target=$2
		shift 2 ;;
	esac
	[[ $# -gt 0 ]] || die "$EX_SETUP" "which prefix? (see --help)"
	check_flavour
	need_tool make build-essential
	need_tool gcc build-essential
	need_tool flex flex
	need_tool bison bison
	need_tool bc bc
	need_tool sparse sparse
	set_target "$target"
	CC_CMD=$CC_BIN
	if command -v ccache >/dev/null 2>&1; then
		CC_CMD="ccache $CC_BIN"
		# Relative paths in ccache's hash: hits across scratch trees.
		export CCACHE_BASEDIR=$WORK
	fi
	# A fixed build stamp and version (not the build dir's link count)
	# keep objects and images identical across rebuilds: a prefix rebuilt
	# after a changelog edit keeps its boots.
	KBUILD_TIMESTAMP="Thu Jan  1 00:00:00 UTC 2026"
	load_base
	read_series
	mapfile -t OVERLAY_FILES < <(overlay_files patch; overlay_files config)
	mkdir -p "$LOGS" "$RESULTS"
	for k in "$@"; do
		check_prefix "$k"
		build_one "$k"
	done
}

main "$@"
