// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper that deletes the command and returns the next one: the
 * variable then points to another entry.  And a register function as
 * the second call: it links the entry again before it may delete it.
 */
#include "include/cmd.h"

void hub_drain(struct hub *hub, struct pending_cmd *cmd)
{
	cmd = pending_next(hub, cmd);
	if (cmd)
		cmd = pending_next(hub, cmd);
}

int cmd_restart(struct hub *hub, struct pending_cmd *cmd)
{
	pending_unregister(cmd);
	return pending_register(hub, cmd);
}

// expect: none
