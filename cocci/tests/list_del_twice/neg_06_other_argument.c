// SPDX-License-Identifier: GPL-2.0-only
/*
 * The helper deletes its first argument and links its second: removing
 * the second one after it deletes an entry that is linked.
 */
#include "include/cmd.h"

void cmd_swap(struct pending_cmd *old, struct pending_cmd *new)
{
	pending_replace(old, new);
	pending_remove(new);
}

// expect: none
