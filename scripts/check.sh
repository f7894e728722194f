#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/check.sh [STAGE...]
#        scripts/check.sh --list-stages
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
# Stages (and what they need):
#   base        resolve the base tree, check it against series/BASE
#   apply       apply the series with quilt              (base)
#   checkpatch  checkpatch --strict and mail headers     (base)
#   hygiene     kernel-doc, base vs series; each patch's
#               Fixes: tag or named origin commit        (base)
#   build       build base and series, W=1 warnings      (apply)
#   bisect      build every prefix of the series         (build)
#   sparse      sparse on touched files, base vs series  (build)
#   xbuild      clang, i386, arm64 64K pages, z3fold=m:
#               base vs series, new warnings fail (wide) (build)
#   cocci       Coccinelle rules, base vs series         (apply)
#   evidence    each patch's reproducer fails before it and
#               passes from it on: a KUnit boot per prefix (bisect)
#   kcsan       KCSAN kernels, KUnit races included: no data
#               race in mm/z3fold.c on the series (wide) (build)
#   boot        boot base and series under QEMU          (build)
#
# --list-stages prints the stage names, one a line, in pipeline order (the
# Makefile's and bench-pipeline's list).
#
# Writes $O/logs/STAGE.log, $O/report.tap and $O/report.xml (JUnit), and
# $O/last-check (the result and a checksum of series/, for make send).
# Exit: 0 only if every stage passed; otherwise the exit code of the first
# stage that did not (1 findings, 2 setup error, 124 timeout).
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series

readonly ALL_STAGES=(base apply checkpatch hygiene build bisect sparse xbuild cocci evidence kcsan boot)
readonly BOOTING_STAGES=" evidence kcsan boot " WIDE_STAGES=" xbuild kcsan "
declare -A NEEDS=(
	[base]='' [apply]=base [checkpatch]=base [hygiene]=base [build]=apply
	[bisect]=build [sparse]=build [xbuild]=build [cocci]=apply
	[evidence]=bisect [kcsan]=build [boot]=build
)
declare -A RES=() SECS=() CODE=() NOTE=()

stage_cocci() {
	local paths overlay
	load_base
	read_series
	"$REPO/scripts/apply.sh" --quiet
	mapfile -t paths < <(series_paths | grep -E '\.[ch]$' || true)
	mapfile -t overlay < <(overlay_files patch)
	[[ ${#paths[@]} -gt 0 ]] || { tap_plan 0; return; }
	# The trees' contents beyond the files compared: the base and the
	# overlay (the scratch tree has it applied).
	"$REPO/scripts/cocci.sh" diff --base-tree "$BASE_DIR" --series-tree "$TREE" \
		--cache "$CACHE/cocci" \
		--cache-key "$BASE_ID $(content_hash /dev/null ${overlay[@]+"${overlay[@]}"})" \
		--out "$OUT/cocci" "${paths[@]}"
}

stage_boot() {
	local n
	load_base
	read_series
	n=${#PATCHES[@]}
	build_results 0 "$n"
	"$REPO/scripts/boot.sh" --out "$OUT/boot" --must-pass series --reuse-evidence \
		"base=${RESULT[0]}/bzImage" "series=${RESULT[n]}/bzImage"
}

# stage_available STAGE: stages whose tool is still being written are left
# out of the default run rather than reported as failures.
stage_available() {
	case $1 in
	cocci) [[ -x $REPO/scripts/cocci.sh ]] ;;
	boot) [[ -x $REPO/scripts/boot.sh ]] ;;
	*) return 0 ;;
	esac
}

run_stage() {
	local stage=$1 log=$LOGS/$1.log start code=0 dep
	for dep in ${NEEDS[$stage]}; do
		if [[ ${RES[$dep]:-} != PASS ]]; then
			RES[$stage]=SKIP SECS[$stage]=0 NOTE[$stage]="needs $dep"
			printf '==> %s: skipped, %s did not pass\n' "$stage" "$dep"
			return
		fi
	done
	printf '==> %s: started %(%H:%M:%S)T\n' "$stage" -1
	start=$SECONDS
	case $stage in
	cocci | boot) ("stage_$stage") ;;
	*) "$REPO/scripts/$stage.sh" ;;
	esac > >(tee "$log" | sed 's/^/    /') 2>&1 || code=$?
	wait # for tee to finish the log
	SECS[$stage]=$((SECONDS - start))
	CODE[$stage]=$code
	case $code in
	0) RES[$stage]=PASS ;;
	1) RES[$stage]=FAIL ;;
	4) RES[$stage]=SKIP ;;
	124) RES[$stage]=TIMEOUT ;;
	*) RES[$stage]=ERROR ;;
	esac
	# The stage's one-line verdict is its last "script: ..." line.
	((code == 0)) ||
		NOTE[$stage]=$(grep -aE '^[a-z0-9-]+: ' "$log" | grep -v '^# ' | tail -n1 || true)
}

# evidence_matrix: the evidence stage's matrix, when that stage ran in this
# run (a skipped stage leaves the file of an earlier run behind).
evidence_matrix() {
	[[ -n ${RES[evidence]:-} && ${RES[evidence]} != SKIP ]] || return 0
	[[ ! -f $OUT/evidence/matrix.txt ]] || cat "$OUT/evidence/matrix.txt"
}

xml_escape() {
	sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' <<<"$1"
}

write_reports() {
	local s n=0 fails=0 total=0 tap=$OUT/report.tap xml=$OUT/report.xml base='' matrix
	[[ ! -f $OUT/base.env ]] || base=$(load_base && base_line)
	for s in "${STAGES[@]}"; do
		total=$((total + SECS[$s]))
		[[ ${RES[$s]} == PASS || ${RES[$s]} == SKIP ]] || fails=$((fails + 1))
	done
	{
		tap_plan "${#STAGES[@]}"
		[[ -z $base ]] || echo "# $base"
		for s in "${STAGES[@]}"; do
			n=$((n + 1))
			case ${RES[$s]} in
			PASS) echo "ok $n - $s" ;;
			SKIP) echo "ok $n - $s # SKIP ${NOTE[$s]:-}" ;;
			*) echo "not ok $n - $s"; echo "# ${NOTE[$s]:-}" ;;
			esac
			[[ $s != evidence ]] || evidence_matrix | sed 's/^/# /'
		done
	} >"$tap.tmp"
	mv "$tap.tmp" "$tap"
	{
		echo '<?xml version="1.0" encoding="UTF-8"?>'
		printf '<testsuite name="make check" tests="%d" failures="%d" time="%d">\n' \
			"${#STAGES[@]}" "$fails" "$total"
		printf '  <properties><property name="base" value="%s"/></properties>\n' \
			"$(xml_escape "$base")"
		for s in "${STAGES[@]}"; do
			printf '  <testcase classname="check" name="%s" time="%d">' "$s" "${SECS[$s]}"
			case ${RES[$s]} in
			PASS) ;;
			SKIP) printf '<skipped message="%s"/>' "$(xml_escape "${NOTE[$s]:-}")" ;;
			*) printf '<failure message="%s">log: %s</failure>' \
				"$(xml_escape "${NOTE[$s]:-}")" "$(xml_escape "$LOGS/$s.log")" ;;
			esac
			matrix=''
			[[ $s != evidence ]] || matrix=$(evidence_matrix)
			[[ -z $matrix ]] ||
				printf '<system-out>%s</system-out>' "$(xml_escape "$matrix")"
			echo '</testcase>'
		done
		echo '</testsuite>'
	} >"$xml.tmp"
	mv "$xml.tmp" "$xml"
}

print_table() {
	local s verdict=PASS matrix
	echo
	[[ ! -f $OUT/base.env ]] || { load_base; base_line; }
	printf '%-11s %-8s %6s  %s\n' stage result time log
	for s in "${STAGES[@]}"; do
		printf '%-11s %-8s %5ss  %s\n' "$s" "${RES[$s]}" "${SECS[$s]}" "$LOGS/$s.log"
		[[ ${RES[$s]} == PASS ]] || verdict=FAIL
		[[ -z ${NOTE[$s]:-} || ${RES[$s]} == PASS ]] || printf '            %s\n' "${NOTE[$s]}"
	done
	matrix=$(evidence_matrix | sed 's/^/  /')
	[[ -z $matrix ]] ||
		printf '\nevidence (a KUnit boot per prefix; ok, fail, skip, splat, died):\n%s\n' "$matrix"
	printf 'make check: %s (flavour %s; report: %s)\n' "$verdict" "$FLAVOUR" "$OUT/report.xml"
}

record_result() {
	local verdict=$1
	{
		echo "result $verdict"
		echo "series $(series_checksum)"
		echo "flavour $FLAVOUR"
		echo "stages ${STAGES[*]}"
		echo "wide ${WIDE:-no}"
		echo "date $(date -u +%FT%TZ)"
	} >"$OUT/last-check.tmp"
	mv "$OUT/last-check.tmp" "$OUT/last-check"
}

main() {
	local s want=() first=0 d
	case ${1:-} in
	-h | --help) usage_from_header; exit 0 ;;
	--list-stages) printf '%s\n' "${ALL_STAGES[@]}"; exit 0 ;;
	esac
	for s in "$@"; do
		[[ -n ${NEEDS[$s]+set} ]] ||
			die "$EX_SETUP" "unknown stage '$s' (one of: ${ALL_STAGES[*]})"
	done
	check_flavour
	mkdir -p "$LOGS"
	"$REPO/scripts/deps.sh" check

	# The requested stages and everything they need, in pipeline order.
	declare -A wanted=()
	want=("$@")
	[[ $# -gt 0 ]] || want=("${ALL_STAGES[@]}")
	local full=$((!$#))
	if [[ $# -eq 0 ]]; then
		want=()
		for s in "${ALL_STAGES[@]}"; do
			[[ ${BOOT:-yes} == no && $BOOTING_STAGES == *" $s "* ]] && continue
			[[ ${WIDE:-no} != yes && $WIDE_STAGES == *" $s "* ]] && continue
			want+=("$s")
		done
		[[ ${BOOT:-yes} != no ]] || full=0
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
		[[ -n ${wanted[$s]:-} ]] || continue
		if ! stage_available "$s"; then
			[[ $# -eq 0 ]] || die "$EX_SETUP" "stage '$s' is not available yet"
			continue
		fi
		STAGES+=("$s")
	done

	for s in "${STAGES[@]}"; do
		run_stage "$s"
		if [[ ${RES[$s]} != PASS && ${RES[$s]} != SKIP && $first == 0 ]]; then
			first=${CODE[$s]}
		fi
	done
	# A stage that skipped itself (exit 4) is not a pass either.
	if ((first == 0)); then
		for s in "${STAGES[@]}"; do
			[[ ${RES[$s]} == PASS ]] || first=$EX_SKIP
		done
	fi
	write_reports
	print_table
	if ((full)); then
		if ((first == 0)); then record_result pass; else record_result fail; fi
	fi
	return "$first"
}

main "$@"
