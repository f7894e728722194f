# SPDX-License-Identifier: GPL-2.0
#
# make bench-pipeline's table from its times file (lines "RUN PHASE MS
# STAGE=SECONDS..."): per phase the median wall time, its range, the
# target and each stage's median. -v phases, stages: the names in order;
# -v fresh=1: the runs started from an empty cache (the cold target
# applies). Needs stats.awk.
{
	n[$2]++
	wall[$2, n[$2]] = $3 / 1000
	for (i = 4; i <= NF; i++) {
		split($i, kv, "=")
		st[$2, kv[1], n[$2]] = kv[2]
	}
}
END {
	np = split(phases, ph, " "); ns = split(stages, sn, " ")
	target["cold"] = fresh ? "<= 1800 s" : "-"; target["edit"] = "<= 240 s"
	target["edit-noboot"] = "<= 60 s"
	printf "%-12s %5s %20s %9s", "phase", "runs", "wall s, median [range]", "target"
	for (s = 1; s <= ns; s++) printf " %6s", substr(sn[s], 1, 6)
	printf "\n"
	for (p = 1; p <= np; p++) {
		k = ph[p]; m = n[k] + 0
		if (!m) continue
		for (i = 1; i <= m; i++) a[i] = wall[k, i]
		med = median(a, m)
		printf "%-12s %5d %20s %9s", k, m,
			sprintf("%.0f [%.0f-%.0f]", med, a[1], a[m]), (k in target) ? target[k] : "-"
		for (s = 1; s <= ns; s++) {
			c = 0
			for (i = 1; i <= m; i++)
				if (st[k, sn[s], i] != "-" && st[k, sn[s], i] != "") b[++c] = st[k, sn[s], i]
			printf " %6s", c ? sprintf("%d", median(b, c)) : "-"
		}
		printf "\n"
	}
}
