#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/mbox.py join MBOX MAIL...
#        tests/mbox.py reply MBOX SUBJECT FROM BODY
#        tests/mbox.py drop MBOX SUBJECT
#
# The mail tests' mailboxes, as a list archive or a mail client keeps
# them:
#   join   MBOX made of the mails MAIL... (git format-patch or b4 .eml
#          files), in order
#   reply  appends to MBOX a reply from FROM ("Name <address>") to the one
#          mail whose subject contains SUBJECT (a reply itself only when
#          SUBJECT starts with Re:): In-Reply-To and References set, the
#          original quoted, then BODY
#   drop   removes from MBOX the mails whose subject contains SUBJECT
# Exit: 0 done, 1 no such mail (or more than one to reply to).
import email
import email.policy
import email.utils
import mailbox
import sys


def subject(msg):
    return ' '.join(str(msg['subject'] or '').split())


def join(path, files):
    box = mailbox.mbox(path)
    for f in files:
        with open(f, 'rb') as fh:
            box.add(email.message_from_binary_file(fh))
    box.flush()


def reply(path, want, sender, body):
    box = mailbox.mbox(path)
    hits = [m for m in box if want in subject(m)
            and (want.startswith('Re:') or not subject(m).startswith('Re:'))]
    if len(hits) != 1:
        sys.exit('mbox.py: %d mail(s) with %r in the subject in %s' % (len(hits), want, path))
    orig = email.message_from_bytes(hits[0].as_bytes(), policy=email.policy.default)
    text = orig.get_body(('plain',)).get_content() if orig.is_multipart() else orig.get_content()
    msg = email.message.EmailMessage()
    msg['From'] = sender
    msg['To'] = orig['From']
    msg['Subject'] = 'Re: ' + subject(orig)
    msg['Date'] = email.utils.formatdate(localtime=False)
    msg['Message-Id'] = email.utils.make_msgid(domain='review.example.org')
    msg['In-Reply-To'] = orig['Message-Id']
    msg['References'] = ' '.join(filter(None, [orig['References'], orig['Message-Id']]))
    quoted = ''.join('> ' + line + '\n' for line in text.splitlines()[:8])
    msg.set_content('On the posting, %s wrote:\n%s\n%s\n' % (orig['From'], quoted, body))
    box.add(msg)
    box.flush()


def drop(path, want):
    box = mailbox.mbox(path)
    keys = [k for k, m in box.items() if want in subject(m)]
    if not keys:
        sys.exit('mbox.py: no mail with %r in the subject in %s' % (want, path))
    box.lock()
    for k in keys:
        box.remove(k)
    box.flush()
    box.unlock()


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == 'join' and len(args) >= 2:
        join(args[0], args[1:])
    elif cmd == 'reply' and len(args) == 4:
        reply(*args)
    elif cmd == 'drop' and len(args) == 2:
        drop(*args)
    else:
        sys.exit('usage: tests/mbox.py join|reply|drop ... (see its header)')


if __name__ == '__main__':
    main()
