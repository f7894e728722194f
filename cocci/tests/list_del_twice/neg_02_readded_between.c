// SPDX-License-Identifier: GPL-2.0-only
/*
 * The command is put back on a list between the two deletes (by a helper
 * of another file, and by list_add_tail() here), so the second delete
 * finds it linked.
 */
#include "include/cmd.h"

void cmd_requeue(struct hub *hub, struct pending_cmd *cmd)
{
	if (!pending_valid(hub, cmd))
		return;
	pending_add(hub, cmd);
	pending_remove(cmd);
}

void cmd_requeue_here(struct hub *hub, struct pending_cmd *cmd)
{
	if (!pending_valid(hub, cmd))
		return;
	list_add_tail(&cmd->list, &hub->pending);
	pending_remove(cmd);
}

// expect: none
