# SPDX-License-Identifier: GPL-2.0
#
# make bench-z3fold's table from its index (lines "RUN CONFIG PARSED"):
# per configuration (-v configs, in order) the boots that passed and the
# median and spread of each counter, then the ratios series/base and
# z3fold/zsmalloc within each run. A boot that crashed reports no
# counters: its values are left out, not taken as 0. Each column says
# from how many runs it comes; a cell from fewer than its column (a value
# missing in a boot that gave others, a ratio over a zero) is marked "*"
# and listed under the table. Needs stats.awk.

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
# num(x): x as an integer when it is one, else with one decimal
function num(x) {
	return x == int(x) ? sprintf("%d", x) : sprintf("%.1f", x)
}
# mark(n, col, what): "*" and a note when a cell has n values and its
# column col: a value missing in a boot that gave others, or a zero
# denominator; " " otherwise
function mark(n, col, what) {
	if (n == 0 || n >= col) return " "
	notes[++nnotes] = "* " what ": from " n " of the column's " col " runs"
	return "*"
}
# median [min-max] of the n values in a
function range(a, n,    m) {
	if (n == 0) return "-"
	m = median(a, n)
	return sprintf("%.2f [%.2f-%.2f]", m, a[1], a[n])
}
# median +-half the range, in % of the median (absolute when it is 0)
function spread(a, n,    m) {
	if (n == 0) return "-"
	m = median(a, n)
	if (m == 0)
		return "0 +-" num((a[n] - a[1]) / 2)
	return num(m) sprintf(" +-%d%%", int((a[n] - a[1]) * 50 / m + 0.5))
}
{
	run = $1; cfg = $2
	runs[run] = 1
	load(run "/" $3)
	res[run, cfg] = val("result")
	for (k = 1; k <= nkeys; k++) {
		v = val("counter." key[k])
		if (key[k] == "rejected" && val("counter.reject_alloc") != "" && val("counter.reject_poor") != "")
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
# emit(line): a line of the table, without the blank mark slot at its end
function emit(line) {
	sub(/ +$/, "", line)
	print line
}
END {
	nruns = 0
	for (r in runs) nruns++
	line = sprintf("%-24s", "median +-range/2, " nruns " runs")
	for (c = 1; c <= ncfg; c++) line = line sprintf(" %11s ", cfg_of[c])
	emit(line)
	line = sprintf("%-24s", "boots passing the gates")
	for (c = 1; c <= ncfg; c++) {
		p = 0
		for (r in runs) if (res[r, cfg_of[c]] == "pass") p++
		line = line sprintf(" %11s ", p "/" nruns)
	}
	emit(line)
	line = sprintf("%-24s", "boots with counters")
	for (c = 1; c <= ncfg; c++) {
		col[c] = 0
		for (r in runs) if ((r, cfg_of[c]) in counted) col[c]++
		line = line sprintf(" %11s ", col[c] "/" nruns)
	}
	emit(line)
	for (k = 1; k <= nkeys; k++) {
		line = sprintf("%-24s", label[key[k]])
		for (c = 1; c <= ncfg; c++) {
			n = 0; delete a
			for (r in runs) if ((r, cfg_of[c], key[k]) in got) a[++n] = got[r, cfg_of[c], key[k]]
			line = line sprintf(" %11s%s", spread(a, n), mark(n, col[c], label[key[k]] ", " cfg_of[c]))
		}
		emit(line)
	}
	print ""
	emit(sprintf("%-24s %17s  %17s", "ratio in each run", "series/base", "z3fold/zsmalloc"))
	emit(sprintf("%-24s %17s  %17s", "", "median [min-max]", "median [min-max]"))
	split("base zsmalloc", den, " ")
	line = sprintf("%-24s", "runs with both")
	for (d = 1; d <= 2; d++) {
		both[d] = 0
		for (r in runs) if ((r, "series") in counted && (r, den[d]) in counted) both[d]++
		line = line sprintf(" %17s ", both[d] "/" nruns)
	}
	emit(line)
	for (k = 1; k <= nkeys; k++) {
		line = sprintf("%-24s", label[key[k]])
		for (d = 1; d <= 2; d++) {
			n = 0; delete a
			for (r in runs)
				if ((r, "series", key[k]) in got && (r, den[d], key[k]) in got && got[r, den[d], key[k]] > 0)
					a[++n] = got[r, "series", key[k]] / got[r, den[d], key[k]]
			line = line sprintf(" %17s%s", range(a, n), mark(n, both[d], label[key[k]] ", series/" den[d]))
		}
		emit(line)
	}
	if (nnotes) print ""
	for (i = 1; i <= nnotes; i++) print notes[i]
	if (nnotes) print "  (a value missing in those boots, or a zero denominator; -: none at all)"
}
