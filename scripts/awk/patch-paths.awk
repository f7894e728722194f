# SPDX-License-Identifier: GPL-2.0
#
# The tree paths a patch (-p1) creates, changes or deletes, one a line,
# in the order met (callers sort).
/^--- / || /^\+\+\+ / {
	p = substr($0, 5)
	sub(/\t.*/, "", p)
	if (p == "/dev/null")
		next
	sub(/^[^\/]*\//, "", p)		# strip a/ or b/
	print p
}
