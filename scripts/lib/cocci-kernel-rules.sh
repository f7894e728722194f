# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# The base tree's own Coccinelle rules (scripts/coccinelle/) beside ours in
# cocci.sh diff --kernel-rules, as "make coccicheck MODE=report" runs them.
# Needs lib/spatch.sh, lib/spatch-output.sh and lib/cocci-diff.sh (the
# caller's BASE, OUT, JOBS, INCLUDES, NEW). Sourcing only defines
# functions.

# kernel_rules TREE: the rules of TREE's scripts/coccinelle/ (absolute
# paths) that this spatch can run: coccicheck skips one whose "Requires:"
# names a newer spatch; one with OCaml script rules needs ocamlopt (spatch
# compiles them), which Debian's coccinelle does not pull in.
kernel_rules() {
	local r req ver ocaml=1
	ver=$(printf '%s\n' "$SPATCH_VERSION" | awk '{ print $3 }')
	[[ -d $1/scripts/coccinelle ]] || return 0
	command -v ocamlopt >/dev/null || command -v ocamlopt.opt >/dev/null || ocaml=0
	while IFS= read -r r; do
		req=$(grep "Requires:" "$r" | cut -d: -f2 | sed "s| ||" || true)
		if [[ -n $req ]] && ! { echo "$req"; echo "$ver"; } | sort -CV; then
			log "kernel rules: $r needs spatch $req"
			continue
		fi
		if ((ocaml == 0)) && grep -qE '^@[^@]*(script|initialize|finalize):ocaml' "$r"; then
			log "kernel rules: $r has OCaml script rules, and there is no ocamlopt"
			continue
		fi
		printf '%s\n' "$r"
	done < <(find "$1/scripts/coccinelle" -name '*.cocci' -type f | sort)
}

# kernel_side SIDE RULE...: the kernel rules in report mode on the files
# of SIDE, $JOBS rules at a time, each as run_rule does (cache included)
# in OUT/kernel/SIDE/SLUG; a rule that failed leaves SLUG.rc non-zero.
kernel_side() {
	local side=$1 tree running=0 r w rc
	shift
	tree=$(side_tree "$side")
	mkdir -p "$OUT/kernel/$side"
	for r in "$@"; do
		w=$OUT/kernel/$side/$(rule_slug "$r")
		if ((running >= JOBS)); then
			wait -n || true
			running=$((running - 1))
		fi
		{
			rc=0
			(JOBS=1 run_rule "$r" report "$tree" "$OUT/$side.list" "$w" "" "$INCLUDES") \
				>"$w.log" 2>&1 || rc=$?
			echo "$rc" >"$w.rc"
		} &
		running=$((running + 1))
	done
	wait || true
}

# failure_of WORK: why run_rule failed in WORK: spatch's last word.
failure_of() {
	local why
	why=$(cat "$1"/chunks/*.err 2>/dev/null | grep -vE '^(Warning|HANDLING|EXN: .* in [^ ]+$)' |
		grep . | tail -n 1 || true)
	[[ -n $why ]] || why=$(tail -n 1 "$1.log")
	printf '%s\n' "$why"
}

# diff_kernel_rules: the TAP line of the base tree's own rules (what
# "make coccicheck MODE=report" runs, with its options), base against
# series, as netdev's patch checks do: findings the series adds fail, the
# base's are listed; a rule that fails on the series only fails too.
diff_kernel_rules() {
	local t0 r w side slug nbase=0 nnew=0 bad=0 nrules
	local -a rules
	t0=$(now)
	mapfile -t rules < <(kernel_rules "$BASE")
	nrules=${#rules[@]}
	rm -rf "$OUT/kernel"
	for side in base series; do
		kernel_side "$side" ${rules[@]+"${rules[@]}"}
	done
	: >"$OUT/kernel-base.txt"
	: >"$OUT/kernel-new.txt"
	for r in ${rules[@]+"${rules[@]}"}; do
		slug=$(rule_slug "$r")
		for side in base series; do
			w=$OUT/kernel/$side/$slug
			if [[ $(cat "$w.rc") != 0 ]]; then
				echo "kernel rule ${r#"$BASE/scripts/coccinelle/"} failed on the $side: $(failure_of "$w")"
				[[ $side == base ]] && break
				bad=$((bad + 1))
				continue 2
			fi
			findings_of "$w" >"$w.findings"
		done
		[[ $(cat "$OUT/kernel/base/$slug.rc") == 0 ]] || continue
		sed "s|^|${r#"$BASE/scripts/coccinelle/"}: |" "$OUT/kernel/base/$slug.findings" >>"$OUT/kernel-base.txt"
		new_findings "$OUT/kernel/base/$slug.findings" "$OUT/kernel/series/$slug.findings" |
			sed "s|^|${r#"$BASE/scripts/coccinelle/"}: |" >>"$OUT/kernel-new.txt"
	done >"$OUT/kernel-failed.txt"
	nbase=$(grep -c . "$OUT/kernel-base.txt" || true)
	nnew=$(grep -c . "$OUT/kernel-new.txt" || true)
	{
		echo "## kernel rules: $nrules of $BASE/scripts/coccinelle ($(elapsed "$t0") s)"
		echo "### base findings ($nbase)"
		cat "$OUT/kernel-base.txt"
		echo "### new in series ($nnew)"
		cat "$OUT/kernel-new.txt"
		echo "### rules that failed"
		cat "$OUT/kernel-failed.txt"
	} >>"$LOG"
	tap_diag <"$OUT/kernel-failed.txt"
	if ((nnew == 0 && bad == 0)); then
		tap_ok "kernel rules: no new findings ($nrules rules of the base tree, $nbase in base)"
	else
		tap_not_ok "kernel rules: $nnew new finding(s), $bad rule(s) failing on the series only ($nrules rules of the base tree, $nbase in base)"
	fi
	sed 's/^/# base: /' "$OUT/kernel-base.txt"
	sed 's/^/# new: /' "$OUT/kernel-new.txt"
	sed 's/^[^ ]*: //' "$OUT/kernel-new.txt" | cut -d: -f1 | sort | uniq -c | while read -r cnt file; do
		echo "cocci: kernel rules: $cnt new finding(s) in $file; log: $LOG" >&2
	done
	NEW=$((NEW + nnew + bad))
}
