# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Helpers for the tooling's self-tests: TAP checks, a scratch root, and
# the cases run against the fake kernel tree of tests/fake-tree.sh (which
# this sources). Sourced by tests/t-*.sh; the mail suites source
# tests/mail-world.sh too.

# shellcheck source=../scripts/lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib/common.sh"
# shellcheck disable=SC2119 # no part beyond common.sh
lib_init
# shellcheck source=fake-tree.sh
source "$REPO/tests/fake-tree.sh"
T_FAILED=0

# The TAP of scripts/lib/common.sh, counting failures for finish.
ok() { tap_ok "$@"; }
not_ok() {
	T_FAILED=$((T_FAILED + 1))
	tap_not_ok "$@"
}
skip() { tap_skip "$@"; }
diag() { tap_diag; }
finish() {
	base_untouched
	printf '1..%d\n' "${TAP_N:-0}"
	[[ $T_FAILED -eq 0 ]]
}

# A scratch root whose path has spaces, as users' paths may, and a cache
# dir without (kbuild's scratch tree moves there when O= has spaces), so
# that the tests leave nothing in the user's cache.
new_scratch() {
	SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/z3s self test.XXXXXX")
	SCRATCH_CACHE=$(mktemp -d "${TMPDIR:-/tmp}/z3s-cache.XXXXXX")
	# shellcheck disable=SC2064 # expand now: the paths are fixed
	trap "rm -rf '$SCRATCH' '$SCRATCH_CACHE'" EXIT
}

# run_case NAME: a fresh series dir $SER and output dir $OUTD for case
# NAME, both with spaces, against the fake tree $KSRC_DIR; first, the
# previous case must have left that tree byte-identical (finish checks
# the last one).
run_case() {
	base_untouched
	CASE=$1
	SER="$SCRATCH/series $1"
	OUTD="$SCRATCH/out $1"
	new_series "$SER" "$KSRC_DIR"
}
# in_case CMD...: CMD with the case's settings and a quiet default base;
# CASE_ENV (an array of NAME=VALUE) adds a suite's own settings.
in_case() { (case_exports && "$@"); }
# exec_case CMD...: exec CMD with the case's settings; run it in the
# background (CMD & gives CMD's own pid) or in a subshell.
exec_case() {
	case_exports
	exec "$@"
}
case_exports() {
	export KSRC="$KSRC_DIR" SERIES="$SER" O="$OUTD" JOBS=2 OVERLAY=none \
		CACHE="$SCRATCH_CACHE"
	if [[ -n ${CASE_ENV+set} ]]; then export "${CASE_ENV[@]}"; fi
}
# record: series/BASE of the case's series, from the fake tree.
record() { in_case "$REPO/scripts/base.sh" --record >/dev/null 2>&1; }

# expect_clean NAME CODE PATTERN CMD...: expect, and the case's series dir
# ($SER) is left as it was.
expect_clean() {
	local before
	before=$(tree_sum "$SER")
	expect "$@"
	assert "$1: series dir unchanged" [ "$(tree_sum "$SER")" == "$before" ]
}

# base_untouched: ok when the last case left the fake tree as it was when
# the case began (nothing to check before the first case, or twice).
base_untouched() {
	[[ -n ${CASE:-} ]] || return 0
	assert "$CASE: base tree byte-identical" [ "$(tree_sum "$KSRC_DIR")" == "$KSRC_SUM" ]
	CASE=
}
base_edited() { KSRC_SUM=$(tree_sum "$KSRC_DIR"); }
# edit_base CMD...: CMD changes the fake tree on purpose (a fixture), once
# the last case is checked.
edit_base() {
	base_untouched
	"$@"
	base_edited
}

# tree_sum DIR: one checksum of every file under DIR (links not followed).
tree_sum() {
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum)
}

# assert NAME CMD...: ok when CMD succeeds.
assert() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# same NAME EXPECTED CMD...: CMD succeeds and prints the file EXPECTED.
same() {
	local name=$1 expected=$2 out
	shift 2
	if out=$("$@" 2>&1) && diff -u "$expected" - <<<"$out" >/dev/null; then
		ok "$name"
	else
		not_ok "$name"
		diff -u "$expected" - <<<"$out" | diag || true
	fi
}

# equal NAME GOT WANT: ok when the two strings are the same; else the
# difference as diagnostics.
equal() {
	if [[ $2 == "$3" ]]; then
		ok "$1"
	else
		not_ok "$1"
		diff -u <(printf '%s\n' "$3") <(printf '%s\n' "$2") | diag || true
	fi
}

# expect NAME CODE PATTERN CMD...: CMD exits CODE and its output matches
# the extended regex PATTERN; output goes to $SCRATCH/last.log.
expect() {
	local name=$1 code=$2 pattern=$3 rc=0
	shift 3
	"$@" >"$SCRATCH/last.log" 2>&1 || rc=$?
	if [[ $rc -eq $code ]] && grep -qE -- "$pattern" "$SCRATCH/last.log"; then
		ok "$name"
	else
		not_ok "$name (exit $rc, want $code; pattern '$pattern')"
		tail -n 15 "$SCRATCH/last.log" | diag
	fi
}

# git_repo DIR MESSAGE: DIR made a git repository whose one commit, by
# "t", holds every file in it.
git_repo() {
	git -C "$1" init -q
	git -C "$1" add -A
	git -C "$1" -c user.name=t -c user.email=t@example.org commit -qm "$2"
}
