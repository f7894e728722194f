// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper unhashes the command with hlist_del(), and the function then
 * unhashes it again itself.
 */
#include "include/cmd.h"

void cmd_forget(struct pending_cmd *cmd)
{
	pending_unhash(cmd);
	cmd_reply(cmd, -ENOENT);
	hlist_del_init(&cmd->hnode);
}

// expect: 10:1-15: list double delete in cmd_forget(): pending_unhash() deletes 'cmd->hnode' (hlist_del() in its body leaves it poisoned), and hlist_del_init() at line 12 deletes it again; delete it once, or leave it empty the first time (hlist_del_init())
