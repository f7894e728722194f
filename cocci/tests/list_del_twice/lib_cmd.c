// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: helpers that take a command off its lists,
 * each correct alone.
 */
#include "include/cmd.h"

/* Takes the command off the pending list if it is still there. */
bool pending_valid(struct hub *hub, struct pending_cmd *cmd)
{
	struct pending_cmd *tmp;
	bool listed = false;

	list_for_each_entry(tmp, &hub->pending, list)
		if (tmp == cmd)
			listed = true;
	if (listed)
		list_del(&cmd->list);
	return listed;
}

void pending_free(struct pending_cmd *cmd)
{
	kfree(cmd->param);
	kfree(cmd);
}

void pending_remove(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
	pending_free(cmd);
}

/* Leaves the entry empty, not poisoned: deleting it again is harmless. */
void pending_unlink(struct pending_cmd *cmd)
{
	list_del_init(&cmd->list);
}

void pending_add(struct hub *hub, struct pending_cmd *cmd)
{
	list_add_tail(&cmd->list, &hub->pending);
}

void pending_stop_timer(struct pending_cmd *cmd)
{
	list_del(&cmd->timeout_node);
}

/* A static helper: no other file sees it, so it is not listed. */
static void pending_drop_local(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
}

void pending_flush_one(struct pending_cmd *cmd)
{
	pending_drop_local(cmd);
	pending_free(cmd);
}
