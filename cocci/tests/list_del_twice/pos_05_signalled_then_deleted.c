// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same helper, whose true result says it took the entry off, but the
 * caller goes on when it is true and deletes the entry again.
 */
#include "include/cmd.h"

void cmd_finish_taken(struct pending_cmd *cmd)
{
	if (!pending_take(cmd))
		return;
	list_del(&cmd->list);
	pending_free(cmd);
}

void cmd_finish_ignored(struct pending_cmd *cmd)
{
	pending_take(cmd);
	list_del(&cmd->list);
}

// expect: 10:6-18: list double delete in cmd_finish_taken(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 12 deletes it again; delete it once, or leave it empty the first time (list_del_init())
// expect: 18:1-13: list double delete in cmd_finish_ignored(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 19 deletes it again; delete it once, or leave it empty the first time (list_del_init())
