#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
#
# Usage: tests/smtp-sink.py MODE MBOX ENVLOG PORTFILE LIFETIME
#
# The mail tests' SMTP server (python3-aiosmtpd) on 127.0.0.1, a free
# port written to PORTFILE once it listens. MODE accept: every mail goes
# into MBOX and its envelope (from -> recipients) into ENVLOG; MODE
# refuse: every recipient is refused (550). It stops by itself after
# LIFETIME seconds.
import asyncio
import mailbox
import os
import sys

from aiosmtpd.smtp import SMTP

mode, box, envlog, portfile, lifetime = sys.argv[1:6]


class Sink:
    async def handle_RCPT(self, server, session, envelope, address, options):
        if mode == "refuse":
            return "550 5.7.1 this test server refuses every recipient"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        mb = mailbox.mbox(box)
        mb.lock()
        try:
            mb.add(envelope.original_content.replace(b"\r\n", b"\n"))
            mb.flush()
        finally:
            mb.unlock()
        with open(envlog, "a") as f:
            f.write("%s -> %s\n" % (envelope.mail_from, " ".join(envelope.rcpt_tos)))
        return "250 OK"


async def main():
    loop = asyncio.get_running_loop()
    srv = await loop.create_server(lambda: SMTP(Sink(), hostname="localhost"), "127.0.0.1", 0)
    with open(portfile + ".tmp", "w") as f:
        f.write("%d\n" % srv.sockets[0].getsockname()[1])
    os.rename(portfile + ".tmp", portfile)
    await asyncio.sleep(float(lifetime))  # bounded: it stops by itself


asyncio.run(main())
