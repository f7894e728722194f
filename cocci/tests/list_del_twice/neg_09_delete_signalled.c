// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper that returns true exactly when it took the entry off: the
 * caller leaves on true and deletes the entry itself on false, so each
 * path deletes it once.
 */
#include "include/cmd.h"

void cmd_drop(struct pending_cmd *cmd)
{
	if (pending_take(cmd))
		return;
	list_del(&cmd->list);
	pending_free(cmd);
}

int cmd_sweep(struct hub *hub)
{
	struct pending_cmd *cmd, *tmp;
	int kept = 0;

	list_for_each_entry_safe(cmd, tmp, &hub->timeouts, timeout_node) {
		if (pending_take(cmd))
			continue;
		list_del(&cmd->list);
		kept++;
	}
	return kept;
}

// expect: none
