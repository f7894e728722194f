# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
#
# What the suites of scripts/cocci.sh (t-cocci.sh, t-cocci-diff.sh) share:
# a scratch dir, the fake spatch and its log, and makers of small C files.
# Sourced after tests/lib.sh. (SC2034: COCCI is for the suites.)

new_scratch
COCCI=$REPO/scripts/cocci.sh
export SPATCH=$REPO/tests/cocci/fake-spatch
export FAKE_SPATCH_LOG=$SCRATCH/spatch-calls
: >"$FAKE_SPATCH_LOG"

# calls: how many files the fake spatch was given so far.
calls() { wc -l <"$FAKE_SPATCH_LOG"; }

# c_file PATH [LINE...]: a C file with a list_del() (so that the
# list_del_init prefilter passes it) and the given lines in its body.
c_file() {
	local path=$1
	shift
	mkdir -p "$(dirname "$path")"
	{
		printf 'void %s(struct x *e)\n{\n\tlist_del(&e->node);\n' "$(basename "${path%.c}" | tr -c 'a-z0-9_\n' _)"
		printf '\t%s\n' "$@"
		printf '}\n'
	} >"$path"
}

# lacks ARGS...: grep -q ARGS finds nothing.
lacks() { ! grep -q "$@"; }

# without_time FILE: a tree run's output without its time line.
without_time() { grep -v '^time: ' "$1"; }
