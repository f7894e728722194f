#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Usage: scripts/trailers.py MBOX OURS
#
# What make trailers (scripts/trailers.sh) needs from a saved thread that
# b4 trailers -u does not tell: which reply gave which trailer to which
# posted patch, whether that patch is still the one in series/, and the
# replies b4 would take silently although they are wrong. The thread is
# read by b4's own classes (LoreMailbox, as b4 trailers -u reads it), so
# the trailers listed are those b4 collects.
#
# OURS: one line per patch of series/, in order: NAME<TAB>SUBJECT<TAB>
# PATCH-ID (git patch-id --stable). A posted patch is ours by subject, else
# by patch-id (b4's order); "changed" when its subject matches and its
# patch-id does not.
#
# Prints tab-separated rows:
#   series  REVISION  PATCHES  SUBJECT  SENDER  REPLIES
#   trailer IDX  STATE  ON  TRAILER  FROM
# IDX is the 1-based patch of OURS (0: none), STATE ok, changed,
# unmatched (a posted patch none of ours is) or mismatch (the trailer
# names someone else than its reply's sender: b4 leaves it out), ON the
# posted mail it was given to (0/N the cover letter: every patch).
# Exit: 0 listed, 1 a trailer refused (malformed, from the sender),
# 2 the file is no thread of this series; the reason on stderr, one line
# a problem, the first one first.
import mailbox
import re
import sys
import logging

import b4

TRAILER_LIKE = re.compile(r'^\s*([A-Za-z][A-Za-z-]*-by)\b\s*(:|.*@)', re.I)
WELL_FORMED = re.compile(r'^[A-Z][A-Za-z-]*-by: [^<>\s][^<>]* <[^<>\s@]+@[^<>\s]+>$')


def fail(code, problems):
    for p in problems:
        print('trailers: ' + p, file=sys.stderr)
    sys.exit(code)


def who(lmsg):
    if lmsg is None:
        return '?'
    return '%s <%s>' % (lmsg.fromname, lmsg.fromemail) if lmsg.fromname else lmsg.fromemail


def own_lines(lmsg):
    """The reply's own lines: not quoted, above its signature."""
    body = (lmsg.body or '').split('\n-- \n', 1)[0]
    return [ln for ln in body.split('\n') if not ln.lstrip().startswith('>')]


def root_of(bbox, lmsg):
    """The first mail up the reply chain that is not a reply, or None."""
    seen = set()
    while lmsg is not None and lmsg.reply and lmsg.msgid not in seen:
        seen.add(lmsg.msgid)
        parent = lmsg.in_reply_to
        if parent is None:
            refs = [r.strip('<>') for r in lmsg.msg.get('References', '').split()]
            parent = next((r for r in reversed(refs) if r in bbox.msgid_map), None)
        lmsg = bbox.msgid_map.get(parent) if parent else None
    return lmsg


def main():
    if len(sys.argv) != 3:
        fail(2, ['usage: trailers.py MBOX OURS'])
    path, ours_file = sys.argv[1:]
    b4.can_network = False
    b4.logger.addHandler(logging.NullHandler())
    b4.logger.propagate = False
    ours = []
    with open(ours_file, encoding='utf-8') as f:
        for line in f:
            name, subject, patchid = line.rstrip('\n').split('\t')
            ours.append((name, subject, patchid))

    try:
        msgs = list(mailbox.mbox(path, create=False))
    except (OSError, mailbox.Error) as ex:
        fail(2, ['%s: cannot read it as an mbox: %s' % (path, ex)])
    if not msgs:
        fail(2, ['%s: no mail in it' % path])
    bbox = b4.LoreMailbox()
    for msg in msgs:
        bbox.add_message(msg)
    lser = bbox.get_series() if bbox.series else None
    if lser is None:
        fail(2, ['%s: no posted patch in it (%d mail(s)); save the whole thread: '
                 'the series as posted and the replies' % (path, len(msgs))])
    posted = [(k, p) for k, p in enumerate(lser.patches) if k > 0 and p is not None]
    cover = lser.patches[0] if lser.has_cover else None
    first = cover or posted[0][1]
    sender = first.fromemail
    title = cover.subject if cover else first.subject

    # Each posted patch: ours by subject, else by patch-id.
    match = {}
    for k, lmsg in posted:
        pid = b4.LoreMessage.get_patch_id(lmsg.body)
        idx = next((i for i, o in enumerate(ours, 1) if o[1] == lmsg.subject), 0)
        if idx:
            match[k] = (idx, 'ok' if ours[idx - 1][2] == pid else 'changed')
            continue
        idx = next((i for i, o in enumerate(ours, 1) if o[2] == pid), 0)
        match[k] = (idx, 'ok' if idx else 'unmatched')
    if all(m[1] == 'unmatched' for m in match.values()):
        fail(2, ["%s: its series is not this one: v%d '%s' (%d patch(es)) has no patch "
                 "of series/ by subject or patch-id; saved the thread of another series?"
                 % (path, lser.revision, title, len(posted))])

    ours_mails = {id(m) for m in [cover] + [p for _, p in posted] if m is not None}
    replies = [f for f in bbox.followups if id(root_of(bbox, f)) in ours_mails]
    if not bbox.followups:
        fail(2, ["%s: no replies in it, only the %d mail(s) of v%d '%s': nothing to collect"
                 % (path, len(msgs), lser.revision, title)])
    if not replies:
        fail(2, ["%s: %d repl(y/ies), none to a mail of v%d '%s' (replies to another "
                 "series, or to mails not in the file)" % (path, len(bbox.followups), lser.revision, title)])

    def on(lmsg):
        return '%d/%d' % (lmsg.counter, lmsg.expected)

    problems = []
    for f in replies:
        target = root_of(bbox, f)
        for ln in own_lines(f):
            if TRAILER_LIKE.match(ln) and not WELL_FORMED.match(ln.strip()):
                problems.append("%s: malformed trailer in the reply of %s to %s: '%s' "
                                "(want 'Name-by: Full Name <address>'); nothing written"
                                % (path, who(f), on(target), ln.strip()))

    rows = []
    for lmsg in [cover] + [p for _, p in posted]:
        if lmsg is None:
            continue
        seen = set()
        for ltr in lmsg.followup_trailers:
            text = ltr.as_string(omit_extinfo=True)
            if (text, id(ltr.lmsg)) in seen:
                continue
            seen.add((text, id(ltr.lmsg)))
            if ltr.addr and ltr.email_eq(sender):
                problems.append("%s: '%s' in the reply of %s to %s is from the series' sender "
                                "%s himself, not a review; nothing written"
                                % (path, text, who(ltr.lmsg), on(lmsg), sender))
            targets = posted if lmsg is cover else [(lmsg.counter, lmsg)]
            for k, _ in targets:
                idx, state = match[k]
                rows.append(('trailer', idx, state, on(lmsg), text, who(ltr.lmsg)))
    if problems:
        fail(1, problems)
    for tname, tvalue, fname, femail in sorted(lser.trailer_mismatches):
        rows.append(('trailer', 0, 'mismatch', '-', '%s: %s' % (tname, tvalue),
                     '%s <%s>' % (fname, femail)))

    print('\t'.join(map(str, ('series', lser.revision, len(posted), title, sender, len(replies)))))
    for row in rows:
        print('\t'.join(map(str, row)))


if __name__ == '__main__':
    main()
