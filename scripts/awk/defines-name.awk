# SPDX-License-Identifier: GPL-2.0
#
# The files that may define a function of a list of names: a line that
# starts in column 0 with the name, or with a type and the name (no ";"
# before it but as the character just before the name), followed by "("
# and not ending in ";" (a prototype or a statement). A superset: a
# static function of the same name in another driver counts. (The grep
# -E alternation of every name this replaces took 55 s for 1500 names
# over 3455 files, and one argument cannot hold the tens of thousands of
# names make cocci-tree's PATHS call.)
#
# Usage: awk -f defines-name.awk NAMES FILE...
# NAMES: one function name per line. Output: each FILE that may define
# one, once, in the order given, each followed by a NUL. The files are
# read with getline: a name with "=" is no assignment, and a file that
# cannot be read is skipped, not the end of the run.

BEGIN {
	while ((getline name < ARGV[1]) > 0)
		want[name] = 1
	close(ARGV[1])
	for (i = 2; i < ARGC; i++) {
		if (defines(ARGV[i]))
			printf "%s%c", ARGV[i], 0
		close(ARGV[i])
	}
	exit
}

# defines(FILE): whether a line of FILE may define a wanted name.
function defines(file,    line, pos, start, name) {
	while ((getline line < file) > 0) {
		if (line !~ /^[A-Za-z_]/ || line ~ /;[ \t\r\v\f]*$/)
			continue
		pos = 1
		while (match(substr(line, pos), /[A-Za-z_][A-Za-z0-9_]*[ \t\r\v\f]*\(/)) {
			start = pos + RSTART - 1
			if (start > 2 && index(substr(line, 1, start - 2), ";"))
				break
			name = substr(line, start, RLENGTH - 1)
			sub(/[ \t\r\v\f]+$/, "", name)
			if ((start == 1 || substr(line, start - 1, 1) !~ /[A-Za-z0-9_]/) && name in want)
				return 1
			pos = start + RLENGTH
		}
	}
	return 0
}
