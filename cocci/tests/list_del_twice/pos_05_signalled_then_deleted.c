// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same helper, whose true result says it took the entry off, but the
 * caller goes on when it is true and deletes the entry again: after the
 * test, after a goto to a label that deletes it, after a break out of the
 * walk.
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

void cmd_finish_goto(struct pending_cmd *cmd)
{
	if (pending_take(cmd))
		goto out;
	cmd_reply(cmd, 0);
out:
	list_del(&cmd->list);
}

void cmd_sweep_first(struct hub *hub)
{
	struct pending_cmd *cmd;

	list_for_each_entry(cmd, &hub->timeouts, timeout_node)
		if (pending_take(cmd))
			break;
	list_del(&cmd->list);
}

// expect: 12:6-18: list double delete in cmd_finish_taken(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 14 deletes it again; delete it once, or leave it empty the first time (list_del_init())
// expect: 20:1-13: list double delete in cmd_finish_ignored(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 21 deletes it again; delete it once, or leave it empty the first time (list_del_init())
// expect: 26:5-17: list double delete in cmd_finish_goto(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 30 deletes it again; delete it once, or leave it empty the first time (list_del_init())
// expect: 38:6-18: list double delete in cmd_sweep_first(): pending_take() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and list_del() at line 40 deletes it again; delete it once, or leave it empty the first time (list_del_init())
