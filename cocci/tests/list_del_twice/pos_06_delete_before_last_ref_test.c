// SPDX-License-Identifier: GPL-2.0-only
/*
 * A helper that tests for the last reference through a variable, but
 * deletes the command before the test, on every call: calling it twice
 * deletes the entry twice.
 */
#include "include/cmd.h"

void cmd_finish_both(struct pending_cmd *cmd)
{
	pending_finish(cmd);
	pending_finish(cmd);
}

// expect: 11:1-15: list double delete in cmd_finish_both(): pending_finish() deletes 'cmd->list' (list_del() in its body leaves it poisoned), and pending_finish() at line 12 deletes it again (its body does); delete it once, or leave it empty the first time (list_del_init())
