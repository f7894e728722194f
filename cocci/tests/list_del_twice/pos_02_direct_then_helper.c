// SPDX-License-Identifier: GPL-2.0-only
/*
 * The function takes the command off its list itself, then hands it to a
 * helper that deletes it again; and the other way round, a helper's
 * delete followed by one of its own.
 */
#include "include/cmd.h"

void cmd_cancel(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
	cmd_reply(cmd, -ECANCELED);
	pending_remove(cmd);
}

void cmd_retire(struct hub *hub, struct pending_cmd *cmd)
{
	if (!pending_valid(hub, cmd))
		return;
	cmd_reply(cmd, 0);
	list_del_init(&cmd->list);
	pending_free(cmd);
}

// expect: 11:1-9: list double delete in cmd_cancel(): list_del() leaves 'cmd->list' poisoned, and pending_remove() at line 13 deletes it again (its body does); delete it once, or leave it empty the first time (list_del_init())
// expect: 18:6-19: list double delete in cmd_retire(): pending_valid() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del_init() at line 21 deletes it again; delete it once, or leave it empty the first time (list_del_init())
