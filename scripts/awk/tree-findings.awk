# SPDX-License-Identifier: GPL-2.0
#
# Compiler and sparse diagnostics about the paths of the first file (one
# path a line), from the logs that follow, as "path: kind: message", with
# the tree prefix (-v tree=DIR/) and line:column dropped, so moved code
# does not look new.
FNR == NR {
	want[$0] = 1
	next
}
match($0, /^[^ :]+:[0-9]+(:[0-9]+)?: (warning|error): /) {
	loc = substr($0, 1, RLENGTH)
	text = substr($0, RLENGTH + 1)
	split(loc, part, ":")
	path = part[1]
	if (index(path, tree) == 1)
		path = substr(path, length(tree) + 1)
	sub(/^\.\.\//, "", path)
	if (path in want)
		printf "%s: %s: %s\n", path, (loc ~ /error: $/ ? "error" : "warning"), text
}
