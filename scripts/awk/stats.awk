# SPDX-License-Identifier: GPL-2.0
#
# Functions for the benchmarks' tables, loaded with -f before the table's
# own program: sort(a, n) sorts a[1..n] as numbers in place; median(a, n)
# sorts and returns the median.
function sort(a, n,    i, j, t) {
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
}
function median(a, n) {
	sort(a, n)
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
