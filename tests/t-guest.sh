#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The boot test's guest program and its initramfs, on the host:
# ci/test-stress-util.c, the tests of the guest's pure helpers
# (ci/stress-util.c: options, page patterns and checksums, the parsing of
# /proc and /sys text, read_text() on a file cut short), built with the
# host's compiler ($CC, default gcc) and run; the guest built as
# scripts/boot.sh builds it, warning-free; and scripts/initramfs.sh:
# the archive's contents, byte-identical from the same inputs, and its
# errors. Prints TAP.
set -euo pipefail

# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
new_scratch
CC=${CC:-gcc}

# --- the helpers' own tests: their TAP, numbered on here
if ! "$CC" -O2 -Wall -Wextra -Werror -o "$SCRATCH/test-stress-util" \
	"$REPO/ci/test-stress-util.c" "$REPO/ci/stress-util.c" 2>"$SCRATCH/cc.log"; then
	echo "Bail out! ci/test-stress-util.c does not build with $CC: $(head -n 3 "$SCRATCH/cc.log")"
	exit 1
fi
mkdir "$SCRATCH/files"
rc=0
"$SCRATCH/test-stress-util" "$SCRATCH/files" >"$SCRATCH/unit.tap" || rc=$?
grep -v '^1\.\.' "$SCRATCH/unit.tap"
TAP_N=$(grep -cE '^(not )?ok ' "$SCRATCH/unit.tap" || true)
T_FAILED=$(grep -c '^not ok ' "$SCRATCH/unit.tap" || true)
if [[ $rc -ne 0 && $T_FAILED -eq 0 ]]; then
	not_ok "test-stress-util exited $rc"
fi

# --- the guest, as scripts/boot.sh builds it
GUEST="$SCRATCH/guest dir/z3fold-stress"
mkdir -p "${GUEST%/*}"
assert "guest: builds static with -Wall -Wextra, and no warning" \
	"$CC" -static -O2 -Wall -Wextra -Werror -o "$GUEST" \
	"$REPO/ci/z3fold-stress.c" "$REPO/ci/stress-util.c"

# --- scripts/initramfs.sh, with the base tree's gen_init_cpio
BASE_OUT="$SCRATCH/base out"
SERIES=$REPO/series/6.1.y O=$BASE_OUT KSRC='' BASE_TARBALL='' "$REPO/scripts/base.sh" >/dev/null 2>&1 ||
	FORCE_BASE=1 SERIES=$REPO/series/6.1.y O=$BASE_OUT KSRC='' BASE_TARBALL='' \
		"$REPO/scripts/base.sh" >/dev/null
# shellcheck source=/dev/null
BASE_TREE=$(source "$BASE_OUT/base.env" && echo "$BASE_DIR")
before_base=$(tree_sum "$BASE_TREE/usr")
IMG="$SCRATCH/img"
mkdir -p "$IMG"
initramfs() { env O="$BASE_OUT" CACHE="$SCRATCH_CACHE" VERBOSE=1 "$REPO/scripts/initramfs.sh" "$@"; }
# silent CMD...: CMD succeeds and prints nothing.
silent() {
	local out
	out=$("$@" 2>&1) && [[ -z $out ]]
}
expect "initramfs: written, gen_init_cpio built into the cache once" 0 \
	'initramfs: built .*/tools/gen_init_cpio-[0-9a-f]+ from .*/usr/gen_init_cpio.c' \
	initramfs "$REPO/ci/initramfs.list" "$IMG/a.cpio" "INIT=$GUEST"
listing=$(cpio -itv --quiet <"$IMG/a.cpio" | awk '{ print $1, $(NF - 3), $(NF - 2), $(NF - 1), $NF }')
want_listing='drwxr-xr-x Jan 1 1970 dev
crw------- Jan 1 1970 dev/console
dr-xr-xr-x Jan 1 1970 proc
dr-xr-xr-x Jan 1 1970 sys
-rwxr-xr-x Jan 1 1970 init'
equal "initramfs: the list's entries, modes as listed, every mtime 0" "$listing" "$want_listing"
assert "initramfs: /dev/console is char 5,1" \
	grep -q '^crw------- .* 5, *1 ' <<<"$(cpio -itv --quiet <"$IMG/a.cpio")"
assert "initramfs: /init is the guest, byte for byte" \
	cmp -s "$GUEST" <(cd "$IMG" && cpio -i --quiet --to-stdout init <a.cpio)
touch -d '2001-02-03 04:05:06' "$GUEST"
assert "initramfs: a second run reuses gen_init_cpio (silent)" \
	silent initramfs "$REPO/ci/initramfs.list" "$IMG/b.cpio" "INIT=$GUEST"
assert "initramfs: same inputs (the guest's mtime aside), byte-identical archive" \
	cmp "$IMG/a.cpio" "$IMG/b.cpio"
assert "initramfs: without \$O/base.env, the base as scripts/base.sh resolves it" \
	silent env O="$SCRATCH/no base" KSRC="$BASE_TREE" CACHE="$SCRATCH_CACHE" \
	"$REPO/scripts/initramfs.sh" "$REPO/ci/initramfs.list" "$IMG/c.cpio" "INIT=$GUEST"
assert "initramfs: and the same archive" cmp "$IMG/a.cpio" "$IMG/c.cpio"
assert "initramfs: \$O untouched by that" [ ! -e "$SCRATCH/no base" ]

# Errors: exit 2, one line naming the list line, and no archive.
bad_list() { printf '%s\n' "dir /dev 0755 0 0" "$@" >"$IMG/bad.list"; }
bad_list 'file /init /bin/true 0755 0 0'
expect "initramfs: a file source that is not \${NAME} is refused" 2 \
	"bad.list:2: file source '/bin/true' is not \\$\\{NAME\\}" \
	initramfs "$IMG/bad.list" "$IMG/bad.cpio" "INIT=$GUEST"
# shellcheck disable=SC2016 # gen_init_cpio's ${NAME}, not the shell's
bad_list 'file /init ${INIT} 0755 0 0'
expect "initramfs: a \${NAME} not given is named" 2 \
	'bad.list:2: \$\{INIT\} is not given \(want INIT=PATH\)' \
	initramfs "$IMG/bad.list" "$IMG/bad.cpio"
# shellcheck disable=SC2016
bad_list 'fiel /init ${INIT} 0755 0 0'
expect "initramfs: a line gen_init_cpio skips is an error" 2 \
	'gen_init_cpio: .*bad.list: unknown file type line 2' \
	initramfs "$IMG/bad.list" "$IMG/bad.cpio" "INIT=$GUEST"
expect "initramfs: an unreadable file is named" 2 "INIT=$SCRATCH/none: cannot read" \
	initramfs "$REPO/ci/initramfs.list" "$IMG/bad.cpio" "INIT=$SCRATCH/none"
expect "initramfs: a bad NAME=PATH is named" 2 "bad argument '1NIT=/bin/true'" \
	initramfs "$REPO/ci/initramfs.list" "$IMG/bad.cpio" "1NIT=/bin/true"
assert "initramfs: no archive, nor a temporary one, after the errors" \
	[ -z "$(find "$IMG" -name 'bad.cpio*')" ]
assert "initramfs: the base tree unchanged" [ "$(tree_sum "$BASE_TREE/usr")" == "$before_base" ]
finish
