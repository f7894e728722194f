#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/check.sh [STAGE...]
#        scripts/check.sh --list-stages | --stages
#
# Run the gates a maintainer runs before reposting, in order, and print a
# stage table (stage, result, time, log). Without STAGE, every stage runs;
# with STAGEs, those and the stages they need. A stage whose dependency
# did not pass is skipped. Missing packages are installed first
# (scripts/deps.sh). BOOT=no leaves the stages that boot kernels (evidence,
# kcsan, boot) out of a full run (a quick re-check while editing); such a
# run is not recorded for make send. The wide stages (xbuild, kcsan) cost
# a fresh machine more than the rest together: a full run includes them
# with WIDE=yes (CI does, and a real make send asks for such a run).
#
# The stages are the table STAGE_TABLE below (name, the stages it needs,
# its script in scripts/, its kinds); --list-stages prints their names in
# pipeline order (the Makefile's and bench-pipeline's list), --stages the
# table.
#
# Each stage's row goes to $O/results.tsv as it ends (stage, status, exit
# code, seconds, one-line reason, log, the command that reruns it); the
# stage table, $O/report.tap and $O/report.xml (JUnit) are rendered from
# it. Logs in $O/logs/STAGE.log. A full run records its result and a
# checksum of series/ in $O/last-check, for make send (lib/check-rows.sh).
#
# The series: BRANCH=NAME (series/NAME, output in $O/NAME) or SERIES=DIR.
# Without either, and with several branches in series/, every branch is
# checked in turn, each in its own output dir $O/BRANCH on its own base
# and overlay (from its BASE): its stage table, then one summary line per
# branch. A failed branch does not stop the next; an interrupt stops all.
# KSRC and BASE_TARBALL name one branch's tree: with them, BRANCH= is
# required (an OVERLAY= goes to every branch). See lib/check-branches.sh.
#
# One run at a time per output dir: a second refuses. SIGINT or SIGTERM
# stops the running stage and everything it started, writes the rows so
# far with the reports marked interrupted, and records nothing for make
# send. (SIGINT to make's pid alone reaches no process of the run: make
# forwards SIGTERM only; see README.md.)
#
# Exit: 0 only if every stage passed; otherwise the exit code of the first
# stage that did not (1 findings, 2 setup error, 4 skipped, 124 timeout);
# 130 or 143 when interrupted. Every branch: that of the first branch
# that did not pass. An unknown BRANCH: 2. make turns every failure into
# its own exit 2: run this script directly, or read results.tsv, for the
# codes.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series check-rows check-branches

# name        needs    script           kinds (boot: boots kernels;
#                                        wide: full runs with WIDE=yes)
readonly STAGE_TABLE='
base          -        base.sh          -
apply         base     apply.sh         -
checkpatch    base     checkpatch.sh    -
hygiene       base     hygiene.sh       -
build         apply    build.sh         -
bisect        build    bisect.sh        -
sparse        build    sparse.sh        -
xbuild        build    xbuild.sh        wide
cocci         apply    cocci-stage.sh   -
evidence      bisect   evidence.sh      boot
kcsan         build    kcsan.sh         boot,wide
boot          build    boot-stage.sh    boot
'

# read_stage_table: ALL_STAGES in order; NEEDS, SCRIPT, KINDS by name.
read_stage_table() {
	local name needs script kinds
	ALL_STAGES=()
	declare -gA NEEDS=() SCRIPT=() KINDS=()
	while read -r name needs script kinds; do
		[[ -n $name ]] || continue
		ALL_STAGES+=("$name")
		NEEDS[$name]=${needs#-}
		SCRIPT[$name]=$script
		KINDS[$name]=,${kinds#-},
	done <<<"$STAGE_TABLE"
}

run_stage() {
	local stage=$1 log=$LOGS/$1.log start code=0 dep reason=''
	for dep in ${NEEDS[$stage]}; do
		if [[ ${RES[$dep]:-} != PASS ]]; then
			RES[$stage]=SKIP
			printf '==> %s: skipped, %s did not pass\n' "$stage" "$dep"
			add_row "$stage" SKIP "$EX_SKIP" 0 "needs $dep"
			return
		fi
	done
	printf '==> %s: started %(%H:%M:%S)T\n' "$stage" -1
	start=$SECONDS
	CURRENT=$stage CURRENT_START=$start
	# Its own process group (job control), so that an interrupt stops
	# the stage and everything it started, and nothing else. tee runs in
	# the group's pipeline, not in a process substitution: the group ends
	# only once the log is whole, and the reason below is read from it.
	set -m
	(
		"$REPO/scripts/${SCRIPT[$stage]}" </dev/null 2>&1 |
			tee "$log" | sed 's/^/    /'
		exit "${PIPESTATUS[0]}"
	) &
	STAGE_PID=$!
	set +m
	wait "$STAGE_PID" || code=$?
	STAGE_PID=
	CURRENT=
	RES[$stage]=$(status_of "$code")
	# The stage's one-line verdict is its last "script: ..." line.
	((code == 0)) ||
		reason=$(grep -aE '^[a-z0-9-]+: ' "$log" | grep -v '^# ' | tail -n1 || true)
	add_row "$stage" "${RES[$stage]}" "$code" "$((SECONDS - start))" "$reason"
	if [[ ${RES[$stage]} != PASS && ${RES[$stage]} != SKIP ]] && ((FIRST_CODE == 0)); then
		FIRST_CODE=$code
	fi
}

# on_signal SIG CODE: stop the running stage's process group, keep the
# rows so far and the reports (marked interrupted), record nothing for
# make send, and exit CODE.
on_signal() {
	trap '' INT TERM
	msg "interrupted by SIG$1${CURRENT:+ during $CURRENT}; stopping it"
	if [[ -n ${STAGE_PID:-} ]]; then
		kill -TERM -- "-$STAGE_PID" 2>/dev/null || true
		wait_while 50 kill -0 -- "-$STAGE_PID" 2>/dev/null || true
		kill -KILL -- "-$STAGE_PID" 2>/dev/null || true
	fi
	RUN_STATE=interrupted
	if [[ -n ${CURRENT:-} ]]; then
		add_row "$CURRENT" ERROR "$2" "$((SECONDS - CURRENT_START))" "interrupted by SIG$1"
	else
		write_rows
	fi
	write_reports
	exit "$2"
}

# lock_out_dir: one make check per output dir; the lock lasts as long as
# this script or anything it started (a stage's QEMU) holds the file.
lock_out_dir() {
	local lock=$OUT/check.lock
	exec {LOCK_FD}>>"$lock" || die "$EX_SETUP" "cannot write $lock"
	flock -n "$LOCK_FD" ||
		die "$EX_SETUP" "another make check is running on $OUT ($(cat "$OUT/check.pid" 2>/dev/null || echo 'pid unknown')); wait for it or use another O="
	echo "pid $$, started $RUN_START" | write_atomic "$OUT/check.pid"
}

# select_stages ARG...: STAGES, the requested stages and everything they
# need, in pipeline order; FULL=1 for a run that make send may trust.
select_stages() {
	local s d want=()
	declare -A wanted=()
	FULL=0
	if [[ $# -eq 0 ]]; then
		[[ ${BOOT:-yes} == no ]] || FULL=1
		for s in "${ALL_STAGES[@]}"; do
			[[ ${BOOT:-yes} == no && ${KINDS[$s]} == *,boot,* ]] && continue
			[[ ${WIDE:-no} != yes && ${KINDS[$s]} == *,wide,* ]] && continue
			want+=("$s")
		done
	else
		want=("$@")
	fi
	while [[ ${#want[@]} -gt 0 ]]; do
		s=${want[0]}
		want=("${want[@]:1}")
		[[ -z ${wanted[$s]:-} ]] || continue
		wanted[$s]=1
		for d in ${NEEDS[$s]}; do want+=("$d"); done
	done
	STAGES=()
	for s in "${ALL_STAGES[@]}"; do
		[[ -z ${wanted[$s]:-} ]] || STAGES+=("$s")
	done
}

main() {
	local s err
	read_stage_table
	rerun_vars
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	--list-stages) printf '%s\n' "${ALL_STAGES[@]}"; exit 0 ;;
	--stages) sed '/^$/d' <<<"$STAGE_TABLE"; exit 0 ;;
	esac
	for s in "$@"; do
		[[ -n ${NEEDS[$s]+set} ]] ||
			die "$EX_SETUP" "unknown stage '$s' (one of: ${ALL_STAGES[*]})"
	done
	check_flavour
	if [[ -z $SERIES_DIR ]]; then
		every_branch "$@"
		return
	fi
	err=$(mkdir -p -- "$LOGS" 2>&1) || die "$EX_SETUP" "cannot create the output dir $LOGS: ${err##*: }"
	RUN_START=$(date -u +%FT%TZ) RUN_STATE=running
	lock_out_dir
	"$REPO/scripts/deps.sh" check
	select_stages "$@"

	declare -gA RES=()
	# shellcheck disable=SC2034 # ROWS: read by lib/check-rows.sh
	ROWS=() FIRST_CODE=0 CURRENT='' STAGE_PID=''
	trap 'on_signal INT 130' INT
	trap 'on_signal TERM 143' TERM
	# Reports of an earlier run must not pass for this one's.
	rm -f -- "$OUT/results.tsv" "$OUT/report.tap" "$OUT/report.xml"
	for s in "${STAGES[@]}"; do
		run_stage "$s"
	done
	# A stage that skipped itself (exit 4) is not a pass either.
	if ((FIRST_CODE == 0)); then
		for s in "${STAGES[@]}"; do
			[[ ${RES[$s]} == PASS ]] || FIRST_CODE=$EX_SKIP
		done
	fi
	# shellcheck disable=SC2034 # read by lib/check-rows.sh
	RUN_STATE=complete
	write_rows
	write_reports
	if ((FULL)); then
		if ((FIRST_CODE == 0)); then record_result pass; else record_result fail; fi
	fi
	return "$FIRST_CODE"
}

main "$@"
