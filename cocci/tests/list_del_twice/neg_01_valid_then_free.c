// SPDX-License-Identifier: GPL-2.0-only
/*
 * The fixed completion handler: once the check took the command off the
 * list, it is only freed.
 */
#include "include/cmd.h"

void cmd_complete(struct hub *hub, struct pending_cmd *cmd, int status)
{
	if (status == -ECANCELED || !pending_valid(hub, cmd))
		return;

	cmd_reply(cmd, status);
	pending_free(cmd);
}

// expect: none
