# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash disable=SC2034
# (SC2034: STABLE_LIST is read by the functions below.)
#
# What goes into the cover letter make send writes: its recipients, the
# base lines, the checks line from make check's last run, the companion
# series of the other stable branches, the letter rendered from the
# branch's cover-letter, and the range-diffs against earlier postings. Needs lib/common.sh, lib/series.sh and lib/send.sh, and
# send.sh's settings (VIEW_DIR, PREFIXES, ...). Sourcing only defines
# functions; lib_init calls cover_init.

cover_init() {
	STABLE_LIST=stable@vger.kernel.org
}

# recipients: TO and CC, one address a line.
recipients() {
	local gm=$BASE_DIR/scripts/get_maintainer.pl p files=()
	TO=$STABLE_LIST
	CC=''
	if [[ ! -f $gm ]]; then
		note "no scripts/get_maintainer.pl in the base: To: $STABLE_LIST and the cover letter's own To:/Cc: only"
		return
	fi
	for p in "${PATCHES[@]}"; do
		files+=("$SERIES_DIR/$p")
	done
	CC=$(cd "$BASE_DIR" && perl "$gm" --nogit --nogit-fallback --nogit-chief-penguins \
		--norolestats "${files[@]}" 2>>"$LOG" | grep '@' | grep -vxF "$STABLE_LIST") ||
		note "get_maintainer.pl named nobody for the patches (log: $LOG)"
}

# base_lines: under the cover letter, what the series applies to.
base_lines() {
	if [[ -n $BASE_GIT ]]; then
		printf 'base-commit: %s\n' "$BASE_GIT"
	else
		printf 'base: %s (%s), not a git commit\n' "$BASE_VERSION" "$BASE_SOURCE"
		awk '$1 == "sha256" { print "base-sha256: " $3 " " $2 }' "$SERIES_DIR/BASE"
	fi
}

# base_text: what @@BASE@@ becomes, on one line.
base_text() {
	local src=$BASE_SOURCE
	[[ $src != Debian* ]] || src="as packaged in $src"
	if [[ -n $BASE_GIT ]]; then
		printf 'Linux %s, %s (base-commit: at the end)' "$BASE_VERSION" "$src"
	else
		printf 'Linux %s, %s; not a git tree (file hashes at the end)' "$BASE_VERSION" "$src"
	fi
}

# checks_text: what @@CHECKS@@ becomes: make check's record.
checks_text() {
	local f=$OUT/last-check s stages
	if [[ $CHECK_STATE != pass && $CHECK_STATE != narrow ]]; then
		echo "make check: NOT PASSED on this series yet ($(check_note))"
		return
	fi
	printf 'make check, on exactly these patches (flavour %s, %s):\n' \
		"$(awk '$1 == "flavour" { print $2 }' "$f")" "$(awk '$1 == "date" { print $2 }' "$f")"
	read -ra stages < <(awk '$1 == "stages" { $1 = ""; print }' "$f")
	for s in "${stages[@]}"; do
		printf '  %-11s pass\n' "$s"
	done
}

# companions: the other branches of series/ (none for a SERIES=DIR), whose
# series are posted beside this one for their stable trees.
companions() {
	local b
	[[ -n $BRANCH_NAME ]] || return 0
	for b in "${BRANCHES[@]}"; do
		[[ $b == "$BRANCH_NAME" ]] || printf '%s\n' "$b"
	done
}

# companion_subject BRANCH: the subject its cover letter goes out with, as
# b4 numbers it ([PATCH X.Y.y vN 0/M], no v1, no 0/1), from its dir.
companion_subject() {
	local dir=$SERIES_ROOT/$1 n k ver subj rev=''
	n=$(SERIES_DIR=$dir read_revision)
	k=$(sed 's/#.*//' "$dir/series" | awk 'NF { k++ } END { print k + 0 }')
	ver=$(base_record_field "$dir" version)
	ver=$(awk -F. '{ print $1 "." $2 ".y" }' <<<"$ver")
	subj=$(text_of "$dir/cover-letter" | head -n1)
	((n == 1)) || rev=" v$n"
	((k == 1)) || rev+=" 0/$k"
	printf '[PATCH %s%s] %s\n' "$ver" "$rev" "$subj"
}

# companions_text: what @@COMPANIONS@@ becomes: one line per companion
# series, with its cover letter's Message-Id once this machine sent it.
companions_text() {
	local b n sent id
	while IFS= read -r b; do
		[[ -n $b ]] || continue
		printf '  %s\n' "$(companion_subject "$b")"
		n=$(SERIES_DIR=$SERIES_ROOT/$b read_revision)
		sent=$O_ROOT/$b/send/v$n/sent
		id=$(grep -o '<[^>]*>' "$sent" 2>/dev/null | tail -n1 || true)
		[[ -z $id || $id == '<>' ]] || printf '  Message-Id: %s\n' "$id"
	done < <(companions)
}

# render_cover N RANGE_DIFF: the cover letter as b4 gets it: subject, body,
# the To:/Cc: trailers b4 sends to, then from v2 on the changelog and the
# range-diff under a "---".
render_cover() {
	local n=$1 rd=$2 line a
	while IFS= read -r line || [[ -n $line ]]; do
		case $line in
		*@@CHECKS@@*) checks_text ;;
		*@@COMPANIONS@@*) companions_text ;;
		*@@BASE@@*) printf '%s\n' "${line/@@BASE@@/$(base_text)}" ;;
		*) printf '%s\n' "$line" ;;
		esac
	done < <(text_of "$SERIES_DIR/cover-letter" | sed -e ':a' -e '/^\n*$/{$d;N;ba' -e '}')
	echo
	for a in $TO; do printf 'To: %s\n' "$a"; done
	while IFS= read -r a; do
		[[ -z $a ]] || printf 'Cc: %s\n' "$a"
	done <<<"$CC"
	((n > 1)) || return 0
	printf '\n---\n'
	text_of "$SERIES_DIR/changelog"
	if [[ -s $rd ]]; then
		printf '\nRange-diff against v%d:\n' $((n - 1))
		cat "$rd"
	fi
}

# cover_template: b4's prep-cover-template, with this base's lines.
cover_template() {
	# shellcheck disable=SC2016 # b4's ${...} fields, not the shell's
	printf '%s\n\n---\n%s\n\n%s\n---\n' '${cover}' '${shortlog}' '${diffstat}'
	base_lines
	# shellcheck disable=SC2016
	printf '%s\n\n-- \n%s\n' 'change-id: ${change_id}' '${signature}'
}

# range_diff PREV: the range-diff from the posting vPREV (b4's sent/ tag)
# to the branch now, when this machine sent vPREV.
range_diff() {
	local prev=$1 tag=refs/tags/sent/$VIEW_NAME-v$1 pbase
	if ! in_view git rev-parse -q --verify "$tag" >/dev/null; then
		note "v$prev was not sent from here (no tag sent/$VIEW_NAME-v$prev in $VIEW_DIR): no range-diff"
		return
	fi
	if in_view git cat-file -p "$tag" | grep -q '^base-commit: '; then
		in_view b4 --offline-mode prep --compare-to "v$prev" 2>>"$LOG" </dev/null && return
	else
		# b4 finds vPREV's base through the base-commit: line, which a
		# tarball base does not have; its base commit is the root of the
		# tagged history, so git range-diff gets the same ranges.
		pbase=$(in_view git rev-list --max-parents=0 "$tag" | head -n1)
		in_view git range-diff --no-color "$pbase..$tag" "$VIEW_BASE..HEAD" 2>>"$LOG" && return
	fi
	note "no range-diff against v$prev: it failed (log: $LOG)"
}

# old_layout TOP REV REL: where commit REV of TOP had the series of the
# branch dir REL: REL, or its parent (series/) when REV is from before
# the branch dirs and the series there is for the same stable tree.
old_layout() {
	local top=$1 rev=$2 rel=$3 old new
	if [[ -z $BRANCH_NAME ]] || git -C "$top" cat-file -e "$rev:$rel/series" 2>/dev/null ||
		! git -C "$top" cat-file -e "$rev:${rel%/*}/series" 2>/dev/null; then
		printf '%s\n' "$rel"
		return
	fi
	old=$(git -C "$top" show "$rev:${rel%/*}/BASE" 2>/dev/null | awk '$1 == "version" { print $2 }')
	new=$(base_record_field "$SERIES_DIR" version)
	if [[ -n $old && ${old%.*} == "${new%.*}" ]]; then
		note "COMPARE_TO=$rev: that commit has this series at ${rel%/*}/ (before the branch dirs)"
		printf '%s\n' "${rel%/*}"
	else
		printf '%s\n' "$rel"
	fi
}

# compare_to REV: the range-diff from series/ as commit REV of this
# repository had it to the branch now. The old series gets a git view of
# its own (on the same base commit), whose branch is fetched into this
# view as refs/z3s/compare.
compare_to() {
	local rev=$1 dir=$OUT/compare top rel old old_dir old_branch old_base
	top=$(git -C "$SERIES_DIR" rev-parse --show-toplevel 2>/dev/null) ||
		die "$EX_SETUP" "COMPARE_TO=$rev: $SERIES_DIR is not in a git repository"
	rel=$(realpath --relative-to="$top" "$SERIES_DIR")
	git -C "$top" rev-parse -q --verify "$rev^{commit}" >/dev/null ||
		die "$EX_SETUP" "COMPARE_TO=$rev: no such commit in $top"
	rel=$(old_layout "$top" "$rev" "$rel")
	rm -rf "$dir"
	mkdir -p "$dir"
	git -C "$top" archive --prefix=old/ "$rev" "$rel" 2>>"$LOG" |
		tar -x -C "$dir" 2>>"$LOG" || true
	old=$(realpath -m "$dir/old/$rel")
	[[ -f $old/series ]] ||
		die "$EX_SETUP" "COMPARE_TO=$rev: commit $rev has no $rel/series (log: $LOG)"
	if ! SERIES=$old O=$dir/out "$REPO/scripts/base.sh" >>"$LOG" 2>&1 ||
		! SERIES=$old O=$dir/out Z3S_VIEW_LOCKED=1 \
			"$REPO/scripts/git-view.sh" >>"$LOG" 2>&1; then
		die "$EX_SETUP" "COMPARE_TO=$rev: no git view of that series (log: $LOG)"
	fi
	# shellcheck source=/dev/null
	{ read -r old_dir && read -r old_branch && read -r old_base; } < <(
		source "$dir/out/view.env" &&
			printf '%s\n' "$VIEW_DIR" "$VIEW_BRANCH" "$VIEW_BASE")
	in_view git fetch -q "$old_dir" "+$old_branch:refs/z3s/compare" 2>>"$LOG" ||
		die "$EX_SETUP" "COMPARE_TO=$rev: cannot fetch its view (log: $LOG)"
	in_view git range-diff --no-color "$old_base..refs/z3s/compare" \
		"$VIEW_BASE..HEAD" 2>>"$LOG" ||
		die "$EX_SETUP" "COMPARE_TO=$rev: git range-diff failed (log: $LOG)"
}

