// SPDX-License-Identifier: GPL-2.0-only
/*
 * A completion handler checks that its command is still pending, which
 * takes it off the pending list, and then removes it, which deletes it
 * again (both helpers live in another file): list corruption.
 */
#include "include/cmd.h"

void cmd_complete(struct hub *hub, struct pending_cmd *cmd, int status)
{
	if (status == -ECANCELED || !pending_valid(hub, cmd))
		return;

	cmd_reply(cmd, status);
	pending_remove(cmd);
}

// expect: 11:30-43: list double delete in cmd_complete(): pending_valid() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and pending_remove() at line 15 deletes it again (its body does); delete it once, or leave it empty the first time (list_del_init())
