# SPDX-License-Identifier: GPL-2.0
#
# The lines a unified diff (spatch's patch or context mode) changes:
# "FILE:LINE:-TEXT" for each removed (or, in context mode, starred) line,
# at its line in the old file, and "FILE:LINE:+TEXT" for each added line,
# at the old line it comes before.
/^--- / { file = $2; sub(/^(\.\/|a\/)/, "", file); next }
/^\+\+\+ / { next }
/^@@ / { split($2, a, ","); line = -a[1]; next }
/^-/ { print file ":" line ":-" substr($0, 2); line++; next }
/^\+/ { print file ":" line ":+" substr($0, 2); next }
/^ / { line++ }
