// SPDX-License-Identifier: GPL-2.0-only
/*
 * The pointer is moved to the next command between the deletes, and a
 * loop takes a new first entry each time.
 */
#include "include/cmd.h"

void cmd_remove_pair(struct pending_cmd *cmd, struct pending_cmd *next)
{
	pending_remove(cmd);
	cmd = next;
	pending_remove(cmd);
}

void hub_flush(struct hub *hub)
{
	struct pending_cmd *cmd;

	while (!list_empty(&hub->pending)) {
		cmd = list_first_entry(&hub->pending, struct pending_cmd, list);
		pending_remove(cmd);
	}
}

// expect: none
