# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the names set here are used by the scripts that source this.)
#
# Messages, exit codes, --help, key-value files and TAP output, for every
# script of scripts/ and tests/. Sourcing this file only defines
# functions; a script calls lib_init once, before anything else.
# Helpers return or fail; only a script's main decides its verdict.

# lib_init [PART...]: the exit codes (the contract between every script
# and its caller: 1 findings, 2 setup error, 4 skipped, 124 timed out),
# PROG (the script's name in messages) and REPO; then each lib/PART.sh,
# and its PART_init where it has one. Our Makefile's command line (O=,
# KSRC=, ...) reaches a script through MAKEFLAGS too; a kernel make
# started from here must not inherit it.
lib_init() {
	local part
	EX_FAIL=1 EX_SETUP=2 EX_SKIP=4 EX_TIMEOUT=124
	PROG=${0##*/}
	PROG=${PROG%.sh}
	REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
	unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
	for part in "$@"; do
		# shellcheck source=/dev/null
		source "$REPO/scripts/lib/$part.sh"
		! declare -F "${part}_init" >/dev/null || "${part}_init"
	done
}

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

# wait_until TENTHS CMD...: run CMD every 0.1 s until it succeeds, at
# most TENTHS times: a bounded wait for another process. Fails when CMD
# never succeeded.
wait_until() {
	local i
	for ((i = 0; i < $1; i++)); do
		"${@:2}" && return 0
		sleep 0.1
	done
	return 1
}

# wait_while TENTHS CMD...: the same, until CMD fails.
wait_while() {
	local i
	for ((i = 0; i < $1; i++)); do
		"${@:2}" || return 0
		sleep 0.1
	done
	return 1
}

# usage_from_header: --help is the script's header comment, from line 4
# (line 2 is the SPDX tag, line 3 an empty comment) to the first line
# that is not a comment.
usage_from_header() { usage_from_file "$0"; }

# usage_from_file FILE: the same of another file (a subcommand's).
usage_from_file() {
	sed -n '4,/^[^#]/{/^#/!q;s/^# \{0,1\}//;p}' "$1"
}

# no_args "$@": for scripts that take only --help.
no_args() {
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	"") ;;
	*) die "$EX_SETUP" "unknown argument '$1' (see --help)" ;;
	esac
}

# --- data files --------------------------------------------------------------

# kv_get FILE KEY: the value of KEY in FILE, whose lines are "KEY=VALUE"
# or "KEY VALUE"; nothing (and success) when FILE or KEY is missing.
kv_get() {
	[[ -f $1 ]] || return 0
	awk -v k="$2" '
		index($0, k "=") == 1 || index($0, k " ") == 1 {
			print substr($0, length(k) + 2); exit
		}' "$1"
}

# write_atomic FILE: standard input into FILE, whole or not at all; a full
# disk or an unwritable dir is a setup error naming FILE.
write_atomic() {
	local err
	if ! err=$({ cat >"$1.tmp" && mv -f -- "$1.tmp" "$1"; } 2>&1); then
		rm -f -- "$1.tmp" 2>/dev/null || true
		die "$EX_SETUP" "cannot write $1: ${err##*: }"
	fi
}

# content_hash FILE...: one hash over names and contents, for cache keys.
# (sha256sum's "HASH  PATH" lines, each path cut to its name.)
content_hash() {
	sha256sum -- "$@" | sed 's|  .*/|  |' | sha256sum | cut -c1-16
}

# --- TAP 13 ------------------------------------------------------------------

tap_plan() { printf 'TAP version 13\n1..%s\n' "$1"; }
tap_ok() { TAP_N=$((${TAP_N:-0} + 1)); printf 'ok %d - %s\n' "$TAP_N" "$*"; }
tap_not_ok() { TAP_N=$((${TAP_N:-0} + 1)); printf 'not ok %d - %s\n' "$TAP_N" "$*"; }
tap_skip() { TAP_N=$((${TAP_N:-0} + 1)); printf 'ok %d - %s # SKIP\n' "$TAP_N" "$*"; }
# tap_diag: each line of standard input as a "# " diagnostic.
tap_diag() { sed 's/^/# /'; }
