# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: the settings here are used by the scripts that source this.)
#
# The stable branches of series/, laid out like the stable queue: one
# directory per stable tree (series/6.1.y/, series/6.12.y/), each a quilt
# series with its own BASE, evidence, cover letter, changelog and
# revision; what all of them share (identity) once at series/. Needs
# lib/common.sh; lib/series.sh calls branch_init from series_init.
#
# BRANCH=NAME picks series/NAME, whose output dir is $O/NAME; SERIES=DIR
# (any quilt series dir) outranks it and keeps $O as it is. Without
# either, the one branch there is, or none: then SERIES_DIR stays empty
# and a script that needs a series stops on read_series (need_branch),
# while make check runs every branch (scripts/check.sh).

# branch_init: SERIES_ROOT and BRANCHES; the series dir (BRANCH_SERIES,
# empty when none is named), its output dir (BRANCH_OUT), its branch
# (BRANCH_NAME, empty for a SERIES=DIR) and SERIES_LABEL; then the series' own defaults
# for BASE_TARBALL and OVERLAY (branch_defaults). It sets no variable the
# environment passes on: a stage that check.sh starts resolves the same.
branch_init() {
	local b
	SERIES_ROOT=$(abspath "${SERIES_ROOT:-$REPO/series}")
	SERIES_ROOT=${SERIES_ROOT%/}
	O_ROOT=$(abspath "${O:-$REPO/out}")
	mapfile -t BRANCHES < <(branch_list)
	BRANCH_NAME='' BRANCH_SERIES='' BRANCH_OUT=$O_ROOT
	BRANCH_TARBALL='' BRANCH_OVERLAY=''
	if [[ -n ${SERIES:-} ]]; then
		BRANCH_SERIES=$(abspath "$SERIES")
	else
		b=${BRANCH:-}
		if [[ -z $b && ${#BRANCHES[@]} -eq 1 ]]; then
			b=${BRANCHES[0]}
		fi
		if [[ -n $b ]]; then
			[[ -f $SERIES_ROOT/$b/series && $b != */* && $b != .* ]] ||
				die "$EX_SETUP" "unknown BRANCH '$b' (one of: $(branch_names))"
			BRANCH_NAME=$b
			BRANCH_SERIES=$SERIES_ROOT/$b
			BRANCH_OUT=$O_ROOT/$b
		fi
	fi
	# How messages name the series dir: series/6.1.y, or "series" for a
	# SERIES=DIR.
	SERIES_LABEL=series
	if [[ -n $BRANCH_NAME ]]; then
		SERIES_LABEL=$SERIES_ROOT/$BRANCH_NAME
		[[ $SERIES_ROOT != "$REPO/series" ]] || SERIES_LABEL=series/$BRANCH_NAME
	fi
	[[ -z $BRANCH_SERIES ]] || branch_defaults "$BRANCH_SERIES"
}

# branch_list: the branch dirs of SERIES_ROOT (those holding a quilt
# series file), oldest stable tree first.
branch_list() {
	local d
	for d in "$SERIES_ROOT"/*/; do
		[[ -f $d/series ]] || continue
		d=${d%/}
		printf '%s\n' "${d##*/}"
	done | sort -V
}

branch_names() {
	if [[ ${#BRANCHES[@]} -eq 0 ]]; then
		echo "none in $SERIES_ROOT"
	else
		echo "${BRANCHES[*]}"
	fi
}

# need_branch: a script that acts on one series stops here when BRANCH
# was not given and there are several.
need_branch() {
	[[ -z ${SERIES_DIR:-} ]] || return 0
	die "$EX_SETUP" "name the series: BRANCH= one of $(branch_names) (or SERIES=DIR)"
}

# base_record_field DIR KEY: the value of KEY in DIR/BASE.
base_record_field() {
	[[ -f $1/BASE ]] || return 0
	awk -v k="$2" '$1 == k { $1 = ""; sub(/^ /, ""); print; exit }' "$1/BASE"
}

# branch_defaults DIR: what the series' BASE says about its tree, the
# defaults where the environment sets none: BRANCH_TARBALL, the Debian
# tarball of a "source Debian linux-source-X.Y ..." record, in TARBALL_DIR
# (default /usr/src; for BASE_TARBALL), and BRANCH_OVERLAY, the test overlay of version X.Y (for
# OVERLAY): ci/overlay-X.Y where there is one, else ci/overlay (6.1's).
branch_defaults() {
	local dir=$1 src ver
	src=$(base_record_field "$dir" source)
	if [[ $src =~ ^Debian\ (linux-source-[0-9]+\.[0-9]+)\  ]]; then
		BRANCH_TARBALL=${TARBALL_DIR:-/usr/src}/${BASH_REMATCH[1]}.tar.xz
	fi
	ver=$(base_record_field "$dir" version)
	[[ $ver =~ ^([0-9]+\.[0-9]+)\. ]] || return 0
	ver=${BASH_REMATCH[1]}
	[[ ! -d $REPO/ci/overlay-$ver ]] || BRANCH_OVERLAY=$REPO/ci/overlay-$ver
}

# base_tarball: the Debian tarball the base stage unpacks: BASE_TARBALL,
# else the one the series' BASE names, else 6.1's.
base_tarball() {
	printf '%s\n' "${BASE_TARBALL:-${BRANCH_TARBALL:-/usr/src/linux-source-6.1.tar.xz}}"
}

# identity_file: the file naming the series' identity: the series dir's
# own identity, else the one series/ keeps for all its branches.
identity_file() {
	if [[ -f $SERIES_DIR/identity ]]; then
		printf '%s\n' "$SERIES_DIR/identity"
	elif [[ ${SERIES_DIR%/*} == "$SERIES_ROOT" && -f $SERIES_ROOT/identity ]]; then
		printf '%s\n' "$SERIES_ROOT/identity"
	else
		printf '%s\n' "$SERIES_DIR/identity"
	fi
}
