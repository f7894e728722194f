# SPDX-License-Identifier: GPL-2.0
#
# Merge config fragments into a .config, like the kernel's merge_config.sh:
#   awk -f kconfig-merge.awk FRAGMENT... CONFIG >MERGED
# The last file is the .config. A symbol set by a fragment loses its line
# in the .config and in every earlier fragment; the fragments' lines go at
# the end, in order, so that kconfig sees each symbol once.

function sym(line) {
	return match(line, /CONFIG_[A-Za-z0-9_]+/) ? substr(line, RSTART, RLENGTH) : ""
}

FILENAME != ARGV[ARGC - 1] {
	n++
	line[n] = $0
	s = sym($0)
	if (s != "")
		last[s] = n
	next
}

{
	s = sym($0)
	if (s == "" || !(s in last))
		print
}

END {
	for (i = 1; i <= n; i++) {
		s = sym(line[i])
		if (s == "" || last[s] == i)
			print line[i]
	}
}
