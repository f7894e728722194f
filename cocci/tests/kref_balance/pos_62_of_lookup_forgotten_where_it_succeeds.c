// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device-tree node read and forgotten where the function ends with
 * "return 0;": a lookup is not kept without a store, so it stays
 * Moderate.
 */
#include "include/of.h"

int board_map_serial(void)
{
	struct device_node *np;

	np = of_find_node_by_path("/serial");
	if (!np)
		return -ENODEV;
	board_map(np);
	return 0;
}

// expect: 13:6-26: [Moderate] kref leak in board_map_serial(): reference on 'np' taken by of_find_node_by_path() is neither put nor handed off before the return at line 17
