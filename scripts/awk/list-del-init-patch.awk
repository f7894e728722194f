# SPDX-License-Identifier: GPL-2.0
#
# From udiff-changes.awk's lines of list_del_init.cocci's patch mode: each
# changed line whose new text is not its old text with list_del( turned
# into list_del_init(, as "FILE:LINE: OLD -> NEW".
BEGIN { FS = ":" }
{ key = $1 ":" $2; text = substr($0, length(key) + 3) }
$3 ~ /^-/ { old[key] = text }
$3 ~ /^\+/ { new[key] = new[key] text }
END {
	for (k in old) {
		want = old[k]
		gsub(/list_del\(/, "list_del_init(", want)
		if (new[k] != want && new[k] "" != "")
			print k ": " old[k] " -> " new[k]
	}
}
