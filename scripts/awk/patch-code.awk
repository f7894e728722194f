# SPDX-License-Identifier: GPL-2.0
#
# The code of each patch mail given: from its first "diff " or "--- FILE"
# line to its end, without the changelog and diffstat before it (git's
# "---" separator has no file name) nor the "-- "
# signature (git's version) after it, each patch's lines after a line
# "== patch N". What a build depends on: a reworded changelog hashes the
# same.
function flush_sig() {
	# a "-- " line followed by at most two lines is git's signature; a
	# longer run after one is code (a removed line "- ")
	if (nsig > 3)
		for (i = 1; i <= nsig; i++)
			print sig[i]
	nsig = 0
}
FNR == 1 {
	flush_sig()
	code = 0
	print "== patch " ++n
}
/^diff / || /^--- [^ ]/ { code = 1 }
!code { next }
nsig > 0 || /^-- $/ {
	sig[++nsig] = $0
	next
}
{ print }
END { flush_sig() }
