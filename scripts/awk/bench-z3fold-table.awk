# SPDX-License-Identifier: GPL-2.0
#
# make bench-z3fold's table from its index (lines "RUN CONFIG PARSED"):
# per configuration (-v configs, in order) the boots that passed and the
# median and spread of each counter, then the ratios series/base and
# z3fold/zsmalloc within each run. A boot that crashed reports no
# counters: its values are left out, not taken as 0. Each column says
# from how many runs it comes; a cell from fewer (a ratio over a zero)
# says so too. Needs stats.awk.

# load(file): its KEY=VALUE lines into kv[], read once per boot
function load(file,    line, i) {
	delete kv
	while ((getline line < file) > 0)
		if ((i = index(line, "=")) > 1 && !(substr(line, 1, i - 1) in kv))
			kv[substr(line, 1, i - 1)] = substr(line, i + 1)
	close(file)
}
function val(key) {
	return key in kv ? kv[key] : ""
}
# " (n)" when a cell has n values and its column has more
function fewer(n, col) {
	return n < col ? " (" n ")" : ""
}
# median [min-max] of the n values in a, of a column of col runs
function range(a, n, col,    m) {
	if (n == 0) return "-"
	m = median(a, n)
	return sprintf("%.2f [%.2f-%.2f]", m, a[1], a[n]) fewer(n, col)
}
# median +-half the range, in % of the median
function spread(a, n, col,    m) {
	if (n == 0) return "-"
	m = median(a, n)
	return sprintf("%d +-%d%%", m, m ? int((a[n] - a[1]) * 50 / m + 0.5) : 0) fewer(n, col)
}
{
	run = $1; cfg = $2
	runs[run] = 1
	load(run "/" $3)
	res[run, cfg] = val("result")
	for (k = 1; k <= nkeys; k++) {
		v = val("counter." key[k])
		if (key[k] == "rejected" && (val("counter.reject_alloc") != "" || val("counter.reject_poor") != ""))
			v = val("counter.reject_alloc") + val("counter.reject_poor")
		if (v != "") {
			got[run, cfg, key[k]] = v + 0	# numbers, not strings
			counted[run, cfg] = 1
		}
	}
}
BEGIN {
	nkeys = split("density_pct stores rejected reclaim_fail written_back workload_pages_per_s stress_ms", key, " ")
	label["density_pct"] = "density (per 100 pages)"
	label["stores"] = "pages stored"
	label["rejected"] = "stores rejected"
	# reject_reclaim_fail of zswap counts shrink-worker runs whose
	# zpool_shrink() failed, not stores
	label["reclaim_fail"] = "shrink runs failed"
	label["written_back"] = "pages written back"
	label["workload_pages_per_s"] = "workload pages/s"
	label["stress_ms"] = "stress time, ms"
	ncfg = split(configs, cfg_of, " ")
}
END {
	nruns = 0
	for (r in runs) nruns++
	printf "%-25s", "median +-range/2, " nruns " runs"
	for (c = 1; c <= ncfg; c++) printf " %12s", cfg_of[c]
	printf "\n%-25s", "boots passing the gates"
	for (c = 1; c <= ncfg; c++) {
		p = 0
		for (r in runs) if (res[r, cfg_of[c]] == "pass") p++
		printf " %12s", p "/" nruns
	}
	printf "\n%-25s", "boots with counters"
	for (c = 1; c <= ncfg; c++) {
		col[c] = 0
		for (r in runs) if ((r, cfg_of[c]) in counted) col[c]++
		printf " %12s", col[c] "/" nruns
	}
	printf "\n"
	for (k = 1; k <= nkeys; k++) {
		printf "%-25s", label[key[k]]
		for (c = 1; c <= ncfg; c++) {
			n = 0; delete a
			for (r in runs) if ((r, cfg_of[c], key[k]) in got) a[++n] = got[r, cfg_of[c], key[k]]
			printf " %12s", spread(a, n, col[c])
		}
		printf "\n"
	}
	printf "\n%-25s %20s %20s\n", "ratio in each run", "series/base", "z3fold/zsmalloc"
	printf "%-25s %20s %20s\n", "", "median [min-max]", "median [min-max]"
	split("base zsmalloc", den, " ")
	printf "%-25s", "runs with both"
	for (d = 1; d <= 2; d++) {
		both[d] = 0
		for (r in runs) if ((r, "series") in counted && (r, den[d]) in counted) both[d]++
		printf " %20s", both[d] "/" nruns
	}
	printf "\n"
	for (k = 1; k <= nkeys; k++) {
		printf "%-25s", label[key[k]]
		for (d = 1; d <= 2; d++) {
			n = 0; delete a
			for (r in runs)
				if ((r, "series", key[k]) in got && (r, den[d], key[k]) in got && got[r, den[d], key[k]] > 0)
					a[++n] = got[r, "series", key[k]] / got[r, den[d], key[k]]
			printf " %20s", range(a, n, both[d])
		}
		printf "\n"
	}
}
