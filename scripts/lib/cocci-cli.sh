# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the options set here are read by the subcommands.)
#
# The command line cocci.sh's subcommands (and cocci-test.sh) share:
# options, checks, the output dir. Needs lib/spatch.sh. Sourcing only
# defines functions.

# out_dir NAME: $OUT made absolute and created, or else a temporary
# directory NAME.XXXXXX removed at exit.
out_dir() {
	if [[ -z $OUT ]]; then
		OUT=$(mktemp -d "${TMPDIR:-/tmp}/$1.XXXXXX")
		# shellcheck disable=SC2064 # the path is fixed
		trap "rm -rf -- '$OUT'" EXIT
	else
		mkdir -p "$OUT" || die "$EX_SETUP" "cannot create $OUT"
		OUT=$(cd "$OUT" && pwd)
	fi
}

check_jobs() {
	[[ $JOBS =~ ^[1-9][0-9]*$ ]] ||
		die "$EX_SETUP" "--jobs needs a positive number, got '$JOBS'"
}

# need_value "$@": the option in $1 needs a value.
need_value() {
	[[ $# -ge 2 ]] || die "$EX_SETUP" "$1 needs an argument"
}

# common_opt "$@": --jobs, --rules, --wrappers, --tested or --cache and
# its value (the caller shifts 2); false for another option.
common_opt() {
	case $1 in
	--jobs | --rules | --wrappers | --tested | --cache) need_value "$@" ;;
	*) return 1 ;;
	esac
	case $1 in
	--jobs) JOBS=$2 ;;
	--rules) RULES=${2//,/ } ;;
	--wrappers) WRAPPERS=$2 ;;
	--tested) TESTED=$2 ;;
	--cache) CACHE_DIR=$2 ;;
	esac
}

# checked_opts: what the shared options say, checked, and spatch found.
checked_opts() {
	check_jobs
	check_rules "$RULES"
	[[ -z $WRAPPERS || -r $WRAPPERS ]] || die "$EX_SETUP" "cannot read $WRAPPERS"
	[[ -z $TESTED || -r $TESTED ]] || die "$EX_SETUP" "cannot read $TESTED"
	tiers_init
	need_spatch
}
