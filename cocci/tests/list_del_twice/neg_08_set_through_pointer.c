// SPDX-License-Identifier: GPL-2.0-only
/*
 * A function given the variable's address gives it a new entry (as
 * qed_sp_init_request(..., &p_ent, ...) does) between the two deletes:
 * they delete different commands.
 */
#include "include/cmd.h"

int hub_take(struct hub *hub, struct pending_cmd **cmdp);

int hub_retire_two(struct hub *hub)
{
	struct pending_cmd *cmd;
	int rc;

	rc = hub_take(hub, &cmd);
	if (rc)
		return rc;
	pending_remove(cmd);
	rc = hub_take(hub, &cmd);
	if (rc)
		return rc;
	pending_remove(cmd);
	return 0;
}

// expect: none
