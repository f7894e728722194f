# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# make check without BRANCH: scripts/check.sh run on every branch of
# series/ in turn, each in its own process group and output dir, then one
# summary line per branch; an interrupt stops the running branch's check
# and every branch after it. Needs lib/common.sh and lib/series.sh
# (BRANCHES, O_ROOT). Sourcing only defines functions.

# branch_line BRANCH CODE: the summary line of one branch's run, from its
# results.tsv: the verdict and the first stage that did not pass.
branch_line() {
	local b=$1 code=$2 out=$O_ROOT/$1 first
	first=$(awk -F'\t' '!/^#/ && $2 != "PASS" { print $1 " " $2 ": " $5; exit }' \
		"$out/results.tsv" 2>/dev/null || true)
	if ((code == 0)); then
		printf '%-8s PASS  report: %s\n' "$b" "$out/report.xml"
	else
		printf '%-8s FAIL  exit %s; %s\n' "$b" "$code" \
			"${first:-no stage ran (see its output above)}"
	fi
}

# on_branch_signal SIG CODE: stop the running branch's check (it keeps its
# rows, marked interrupted), print the branches so far, exit CODE.
on_branch_signal() {
	trap '' INT TERM
	msg "interrupted by SIG$1${CURRENT:+ during branch $CURRENT}; stopping it"
	if [[ -n ${BRANCH_PID:-} ]]; then
		# The branch's check.sh stops its own stage's process group.
		kill -"$1" "$BRANCH_PID" 2>/dev/null || true
		wait "$BRANCH_PID" 2>/dev/null || true
		LINES+=("$(branch_line "$CURRENT" "$2")")
	fi
	printf '\nmake check, every branch (interrupted):\n'
	printf '%s\n' ${LINES[@]+"${LINES[@]}"}
	exit "$2"
}

# every_branch STAGE...: make check on each branch of series/, one after
# the other (scripts/check.sh BRANCH=NAME in its own process group, as a
# stage is), then one line per branch.
every_branch() {
	local b v code first=0
	for v in KSRC BASE_TARBALL; do
		[[ -z ${!v:-} ]] ||
			die "$EX_SETUP" "$v= is one branch's base: name the branch with BRANCH= (one of: $(branch_names))"
	done
	((${#BRANCHES[@]})) ||
		die "$EX_SETUP" "no series to check: $SERIES_ROOT has no branch dir with a series file"
	LINES=() CURRENT='' BRANCH_PID=''
	trap 'on_branch_signal INT 130' INT
	trap 'on_branch_signal TERM 143' TERM
	for b in "${BRANCHES[@]}"; do
		printf '=== branch %s: %s; output %s\n' "$b" \
			"$([[ $SERIES_ROOT == "$REPO/series" ]] && echo "series/$b" || echo "$SERIES_ROOT/$b")" \
			"$O_ROOT/$b"
		CURRENT=$b code=0
		set -m
		BRANCH=$b "$0" "$@" &
		BRANCH_PID=$!
		set +m
		wait "$BRANCH_PID" || code=$?
		BRANCH_PID=''
		LINES+=("$(branch_line "$b" "$code")")
		((code == 0 || first != 0)) || first=$code
		echo
	done
	printf 'make check, every branch (%d):\n' "${#BRANCHES[@]}"
	printf '%s\n' "${LINES[@]}"
	return "$first"
}
