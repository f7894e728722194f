# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# scripts/check.sh's results as data: each stage's row in results.tsv
# (status, code, seconds, reason, log, the command that reruns it), the
# reports rendered from it (report.tap, report.xml, the stage table; by
# scripts/awk/check-report.awk) and the record of a full run for make
# send ($O/last-check). Needs lib/common.sh, lib/series.sh and check.sh's
# run state (ROWS, RUN_STATE, RUN_START, STAGES). Sourcing only defines
# functions.

# rerun_vars: RERUN_VARS, the settings as the environment gave them, as
# make arguments for the rerun commands.
rerun_vars() {
	local v
	RERUN_VARS=
	for v in O KSRC SERIES BRANCH SERIES_ROOT FLAVOUR FORCE_BASE OVERLAY CACHE COCCI_TIERS COCCI_PASS1; do
		[[ -z $(printenv "$v") ]] || RERUN_VARS+=" $v=$(printenv "$v")"
	done
}

# rerun_command STAGE: the make command that reruns STAGE as this run did.
rerun_command() {
	printf 'make -C %s %s%s\n' "$REPO" "$1" "$RERUN_VARS"
}

# add_row STAGE STATUS CODE SECONDS REASON: the stage's row, then
# results.tsv rewritten.
add_row() {
	local reason
	reason=$(tr -d '\000-\037\177' <<<"$5")
	ROWS+=("$(printf '%s\t%s\t%s\t%s\t%s\t%s\t%s' "$1" "$2" "$3" "$4" "$reason" \
		"$LOGS/$1.log" "$(rerun_command "$1")")")
	write_rows
}

# write_rows: results.tsv, whole, with the run's state in its header.
write_rows() {
	{
		printf '# make check %s, flavour %s, started %s\n' "$RUN_STATE" "$FLAVOUR" "$RUN_START"
		printf '# stage\tstatus\tcode\tseconds\treason\tlog\trerun\n'
		printf '%s\n' ${ROWS[@]+"${ROWS[@]}"}
	} | write_atomic "$OUT/results.tsv"
}

status_of() {
	case $1 in
	0) echo PASS ;;
	1) echo FAIL ;;
	4) echo SKIP ;;
	124) echo TIMEOUT ;;
	*) echo ERROR ;;
	esac
}

# render FORMAT BASE MATRIX: one report from results.tsv.
render() {
	awk -v format="$1" -v base="$2" -v matrix="$3" -v flavour="$FLAVOUR" \
		-v report="$OUT/report.xml" -v state="$RUN_STATE" \
		-f "$REPO/scripts/awk/check-report.awk" "$OUT/results.tsv"
}

# write_reports: report.tap and report.xml, then the table on stdout; the
# base line and the evidence matrix (cleaned of control bytes) once.
write_reports() {
	local base='' matrix=''
	[[ ! -f $OUT/base.env ]] || base=$(load_base && base_line)
	if [[ -f $OUT/evidence/matrix.txt ]]; then
		matrix=$OUT/evidence/matrix.clean
		tr -d '\000-\010\013-\037\177' <"$OUT/evidence/matrix.txt" >"$matrix"
	fi
	render tap "$base" "$matrix" | write_atomic "$OUT/report.tap"
	render xml "$base" "$matrix" | write_atomic "$OUT/report.xml"
	render table "$base" "$matrix"
}

record_result() {
	{
		echo "result $1"
		echo "series $(series_checksum)"
		echo "flavour $FLAVOUR"
		echo "stages ${STAGES[*]}"
		echo "wide ${WIDE:-no}"
		echo "date $(date -u +%FT%TZ)"
	} | write_atomic "$OUT/last-check"
}
