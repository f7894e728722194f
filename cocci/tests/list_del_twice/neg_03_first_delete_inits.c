// SPDX-License-Identifier: GPL-2.0-only
/*
 * The first helper leaves the entry empty (list_del_init()), so deleting
 * it again is harmless; and two helpers that delete different members.
 */
#include "include/cmd.h"

void cmd_abort(struct pending_cmd *cmd)
{
	pending_unlink(cmd);
	pending_remove(cmd);
}

void cmd_expire(struct pending_cmd *cmd)
{
	pending_stop_timer(cmd);
	pending_remove(cmd);
}

// expect: none
