// SPDX-License-Identifier: GPL-2.0-only
/*
 * Functions that delete an entry without leaving it poisoned for their
 * caller: a register function that deletes only on its own error path
 * (then unregister on a later error is the normal unwind), and a put
 * that deletes only with the last reference (two references, two puts),
 * also when it tests the result of its decrement later.
 */
#include "include/cmd.h"

int cmd_start(struct hub *hub, struct pending_cmd *cmd)
{
	int err;

	err = pending_register(hub, cmd);
	if (err)
		return err;
	err = cmd_send(cmd);
	if (err)
		pending_unregister(cmd);
	return err;
}

void cmd_done(struct pending_cmd *cmd)
{
	cmd_reply(cmd, 0);
	pending_put(cmd);
	pending_put(cmd);
}

void cmd_finish(struct pending_cmd *cmd)
{
	cmd_reply(cmd, 0);
	pending_release(cmd);
	pending_release(cmd);
}

// expect: none
