#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Print the Subject, To and Cc of each mail file, as people read them.

Usage: scripts/mail-headers.py MAIL...

For make send's listing of the mails b4 wrote: each header is unfolded
and its RFC 2047 encoded words (=?UTF-8?q?...?=, =?utf-8?b?...?=) are
decoded, so that "Zo=C3=AB" reads "Zoë". Output, per mail:

    MAIL
        Subject: ...
        To: ...
        Cc: ...

(a header the mail lacks is left out). Exit: 0, or 2 when no mail is
given or one cannot be read.
"""

import email
import sys
from email.header import decode_header, make_header

HEADERS = ("Subject", "To", "Cc")


def readable(value):
    """The header's text: encoded words decoded, whitespace runs as one space."""
    text = str(make_header(decode_header(value)))
    return " ".join(text.split())


def main(paths):
    if paths and paths[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0
    if not paths:
        print("mail-headers: no mail given (see --help)", file=sys.stderr)
        return 2
    for path in paths:
        try:
            with open(path, "rb") as fh:
                msg = email.message_from_binary_file(fh)
        except OSError as err:
            print("mail-headers: %s: %s" % (path, err.strerror), file=sys.stderr)
            return 2
        print("  " + path)
        for name in HEADERS:
            if msg.get(name):
                print("      %s: %s" % (name, readable(msg.get(name))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
