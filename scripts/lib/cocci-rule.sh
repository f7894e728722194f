# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
#
# Usage: scripts/cocci.sh rule RULE
#        scripts/cocci.sh rule --list
#
# The text of the rule RULE of cocci/ as spatch runs it, on standard
# output: cocci/RULE.cocci, or the parts of cocci/RULE.d/ joined in name
# order. For running a rule without this runner, e.g. with the kernel's
# coccicheck in a kernel tree:
#   scripts/cocci.sh rule kref_balance >/tmp/kref_balance.cocci
#   make coccicheck MODE=report COCCI=/tmp/kref_balance.cocci M=mm
#
#   --list   the names of the rules instead, one a line
#
# Exit: 0, 2 usage error (an unknown rule).

# (Sourced by scripts/cocci.sh; sourcing only defines functions. SC2034:
# VERDICT is read by cocci.sh.)

# cmd_rule ARGS: sets VERDICT.
cmd_rule() {
	case ${1:-} in
	--list)
		[[ $# -eq 1 ]] || die "$EX_SETUP" "rule: --list takes no rule"
		[[ -z $ALL_RULES ]] || tr ' ' '\n' <<<"$ALL_RULES"
		;;
	-*) die "$EX_SETUP" "rule: unknown option $1 (see cocci.sh rule --help)" ;;
	"") die "$EX_SETUP" "rule: a rule is needed (rules: $ALL_RULES)" ;;
	*)
		[[ $# -eq 1 ]] || die "$EX_SETUP" "rule: one rule at a time"
		[[ " $ALL_RULES " == *" $1 "* && $1 != *" "* ]] ||
			die "$EX_SETUP" "rule: unknown rule '$1' (rules: $ALL_RULES)"
		rule_text "$1"
		;;
	esac
	VERDICT=0
}
