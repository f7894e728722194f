#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/review.sh [--help]
#
# make review: a posted series checked as a reviewer gets it, from its
# mails: b4 am takes the series out of the thread into a quilt dir (b4 am
# -Q), its base is found, and make check's static stages run on it
# (scripts/check.sh apply checkpatch build bisect sparse cocci, with
# SERIES= that dir): it applies, each patch builds, no new W=1, sparse or
# Coccinelle finding against the base. Any series on a tree we have, not
# only this repo's.
#
#   MBOX=FILE     the thread as saved (b4 mbox MSGID, lore's t.mbox.gz
#                 uncompressed, or your mail client's export)
#   KSRC=DIR      the tree to review on (read only, as for make check)
#   FORCE_BASE=1  review although the base is not the one the series
#                 names, or when it names none (on KSRC, or the default
#                 base)
#   BOOT=yes      also the boot test (make boot), when the series touches
#                 mm/z3fold.c or mm/zswap.c; the test overlay then applies
#
# The base: a "base-commit:" line (KSRC must be a git checkout at that
# commit), or this repo's cover letter's "base: VERSION (SOURCE), not a
# git commit" line with its base-sha256 lines (Debian's linux-source-X.Y
# tarball, or KSRC; the base stage checks every hashed file). A series
# that names neither needs FORCE_BASE=1.
#
# Writes only under $O/review/NAME/ (NAME: b4's name for the series):
# am/ (b4 am's mbox and cover letter), series/ (the quilt dir: patches,
# series, BASE), out/ (make check's output dir: logs, reports, builds,
# kept for the next review of the series). Never series/ or KSRC.
#
# Exit: that of scripts/check.sh (0 every stage passed, 1 findings, 2
# setup error, ...); 2 when the thread holds no series, misses a patch,
# or names a base we do not have.
set -euo pipefail
# shellcheck source=lib/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/common.sh"
lib_init series b4-env

LOG=$LOGS/review.log
# shellcheck disable=SC2034 # read by lib/b4-env.sh
CONF=(color.ui never b4.attestation-policy off)
readonly STATIC_STAGES='apply checkpatch build bisect sparse cocci'

# am_series: b4 am of the thread into a scratch dir, then its parts into
# $REVIEW: am/ and series/, which becomes SERIES_DIR (PATCHES read).
am_series() {
	local tmp missing mbx name
	mkdir -p "$OUT/review"
	tmp=$(mktemp -d "$OUT/review/.am.XXXXXX")
	# shellcheck disable=SC2064 # expand now: the path is fixed
	trap "rm -rf '$tmp'" EXIT
	mkdir -p "$tmp/am"
	(cd "$tmp" && with_conf b4 --offline-mode am -m "$MBOX" -o "$tmp/am" -Q) >>"$LOG" 2>&1 </dev/null ||
		die "$EX_SETUP" "b4 am failed on $MBOX: $(grep -m1 -E '^(CRITICAL|ERROR)' "$LOG" || echo 'see the log'); log: $LOG"
	missing=$(sed -n 's/^ *ERROR: missing \[\([0-9]*\/[0-9]*\)\]!$/\1/p' "$LOG" | paste -sd, - | sed 's/,/, /g')
	[[ -z $missing ]] ||
		die "$EX_SETUP" "$MBOX: patch $missing missing from the thread (b4 am: thread incomplete); save the whole thread; log: $LOG"
	mbx=$(find "$tmp/am" -maxdepth 1 -name '*.mbx' | head -n1)
	[[ -n $mbx && -f $tmp/am/$(basename "$mbx" .mbx).patches/series ]] ||
		die "$EX_SETUP" "$MBOX: no patch series in it (b4 am found none); log: $LOG"
	name=$(basename "$mbx" .mbx)
	REVIEW=$OUT/review/$name
	mkdir -p "$REVIEW"
	rm -rf "$REVIEW/am" "$REVIEW/series"
	mv "$tmp/am/$name.patches" "$REVIEW/series"
	mv "$tmp/am" "$REVIEW/am"
	# shellcheck disable=SC2034 # read by lib/series.sh
	SERIES_DIR=$REVIEW/series
	read_series
	SUBJECT=$(sed -n 's/^Subject: //p' "$REVIEW"/am/*.cover 2>/dev/null | head -n1)
	[[ -n $SUBJECT ]] || SUBJECT=$(grep -m1 -E '^  \[PATCH' "$LOG" | sed 's/^  //')
}

# base_text: where the series names its base: the cover letter, else the
# mails (a single patch carries it under its ---).
base_text() {
	local f
	for f in "$REVIEW"/am/*.cover "$REVIEW"/am/*.mbx; do
		[[ -f $f ]] && grep -E '^(base-commit|base|base-sha256): ' "$f" && return
	done
	return 0
}

# in_review CMD...: CMD on the review's series and output dir.
in_review() { env SERIES="$REVIEW/series" O="$REVIEW/out" "$@"; }

record_base() {
	in_review "$REPO/scripts/base.sh" --record >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(grep -E '^base: ' "$LOG" | tail -n1); log: $LOG"
}

# from_commit ID: KSRC must be a git checkout at ID.
from_commit() {
	local id=$1 head='' full=''
	if [[ -z ${KSRC:-} ]]; then
		[[ ${FORCE_BASE:-0} == 1 ]] ||
			die "$EX_SETUP" "the series is based on commit ${id:0:12} (base-commit: in its mails): give KSRC= a git checkout at it, or FORCE_BASE=1 to review on the default base"
		msg "FORCE_BASE=1: reviewing on the default base, not on commit ${id:0:12}"
	else
		head=$(git -C "$KSRC" rev-parse -q --verify HEAD 2>/dev/null || true)
		full=$(git -C "$KSRC" rev-parse -q --verify "$id^{commit}" 2>/dev/null || true)
		if [[ -n $full && $full == "$head" ]]; then
			:
		elif [[ ${FORCE_BASE:-0} == 1 ]]; then
			msg "FORCE_BASE=1: reviewing on KSRC=$KSRC, not on the series' base-commit ${id:0:12}"
		elif [[ -n $full ]]; then
			die "$EX_SETUP" "KSRC=$KSRC is at ${head:0:12}, not at the series' base-commit ${id:0:12}, which it has: check that out in a tree of its own (git worktree add DIR ${id:0:12}) and give KSRC=DIR, or FORCE_BASE=1 to review on ${head:0:12}"
		elif [[ -n $head ]]; then
			die "$EX_SETUP" "KSRC=$KSRC does not have the series' base-commit ${id:0:12}: fetch it and give KSRC= a checkout at it, or FORCE_BASE=1 to review on ${head:0:12}"
		else
			die "$EX_SETUP" "KSRC=$KSRC is not a git checkout; the series is based on commit ${id:0:12}: give a checkout at it, or FORCE_BASE=1 to review on this tree"
		fi
	fi
	record_base
}

# from_line VERSION SOURCE: our cover letter's base line; its base-sha256
# lines become the review's BASE, which the base stage checks.
from_line() {
	local version=$1 source=$2 pkg
	if [[ -z ${KSRC:-} ]]; then
		if [[ $source =~ ^Debian\ (linux-source-[0-9.]+)\  ]]; then
			pkg=${BASH_REMATCH[1]}
			export BASE_TARBALL=${BASE_TARBALL:-/usr/src/$pkg.tar.xz}
			[[ -f $BASE_TARBALL ]] ||
				die "$EX_SETUP" "the series is based on Debian's $pkg ($source): install it (apt-get install $pkg) or give KSRC="
		elif [[ ${FORCE_BASE:-0} == 1 ]]; then
			msg "FORCE_BASE=1: reviewing on the default base, not on $source"
		else
			die "$EX_SETUP" "the series is based on $version ($source), not a git commit: give KSRC= that tree (the files its mails hash are checked), or FORCE_BASE=1 to review on the default base"
		fi
	fi
	{
		echo "# The base the series' mails name, for make review."
		echo "version $version"
		echo "source $source"
		awk '$1 == "base-sha256:" { print "sha256 " $3 " " $2 }' <<<"$BASE_TEXT"
		# Files the series creates are absent from the base.
		awk '/^--- \/dev\/null/ { n = 1; next } n && /^\+\+\+ b\// { print "absent " substr($0, 7) } { n = 0 }' \
			"$REVIEW"/series/*.patch | sort -u
	} >"$REVIEW/series/BASE"
}

find_base() {
	local id line
	BASE_TEXT=$(base_text)
	id=$(sed -n 's/^base-commit: *\([0-9a-f]\{7,40\}\)$/\1/p' <<<"$BASE_TEXT" | head -n1)
	line=$(grep -m1 -E '^base: .* \(.*\), not a git commit$' <<<"$BASE_TEXT" || true)
	if [[ -n $id ]]; then
		from_commit "$id"
	elif [[ $line =~ ^base:\ ([^ ]+)\ \((.*)\),\ not\ a\ git\ commit$ ]]; then
		from_line "${BASH_REMATCH[1]}" "${BASH_REMATCH[2]}"
	else
		[[ ${FORCE_BASE:-0} == 1 ]] ||
			die "$EX_SETUP" "the series names no base (no base-commit: nor base: line in its mails): give KSRC=TREE FORCE_BASE=1 to review on TREE, or FORCE_BASE=1 alone for the default base"
		record_base
	fi
}

main() {
	local stages overlay=none rc=0
	no_args "$@"
	mkdir -p "$LOGS"
	: >"$LOG"
	[[ -n ${MBOX:-} ]] || die "$EX_SETUP" "MBOX=FILE needed: the thread of the posting as saved"
	MBOX=$(abspath "$MBOX")
	[[ -f $MBOX && -r $MBOX ]] || die "$EX_SETUP" "MBOX=$MBOX: no such file"
	case ${BOOT:-} in yes | no | "") ;; *) die "$EX_SETUP" "BOOT=$BOOT: BOOT=yes or nothing" ;; esac
	DEPS_EXTRA="b4 ${DEPS_EXTRA:-}" "$REPO/scripts/deps.sh" check >>"$LOG" 2>&1 ||
		die "$EX_SETUP" "$(tail -n1 "$LOG" | sed 's/^deps: //')"
	am_series
	msg "'$SUBJECT', ${#PATCHES[@]} patch(es), from $MBOX; quilt dir $REVIEW/series"
	find_base
	read -ra stages <<<"$STATIC_STAGES"
	if [[ ${BOOT:-} == yes ]]; then
		if series_paths | grep -qxE 'mm/(z3fold|zswap)\.c'; then
			stages+=(boot)
			# Empty: the overlay of the posting's base version.
			overlay=${OVERLAY:-}
		else
			msg "BOOT=yes: the series touches neither mm/z3fold.c nor mm/zswap.c, which the boot test exercises; not booted"
		fi
	fi
	in_review OVERLAY="$overlay" "$REPO/scripts/check.sh" "${stages[@]}" || rc=$?
	msg "$([[ $rc == 0 ]] && echo PASS || echo "FAIL (exit $rc)"): ${stages[*]} on ${#PATCHES[@]} patch(es) from $MBOX; reports in $REVIEW/out"
	return "$rc"
}

main "$@"
