#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The boot test's guest program, on the host:
# ci/test-stress-util.c, the tests of the guest's pure helpers
# (ci/stress-util.c: options, page patterns and checksums, the parsing of
# /proc and /sys text, read_text() on a file cut short), built with the
# host's compiler ($CC, default gcc) and run; and the guest built as
# scripts/boot.sh builds it, warning-free. Prints TAP.
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
T_N=$(grep -cE '^(not )?ok ' "$SCRATCH/unit.tap" || true)
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

finish
