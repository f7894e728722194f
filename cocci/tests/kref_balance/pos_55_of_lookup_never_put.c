// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device-tree lookup whose node no path puts: the function reads the
 * node and forgets it.  Unlike other references no path gives back, a
 * looked-up node is not kept without being stored, so this is reported
 * at Moderate.
 */
#include "include/of.h"

int board_read_serial(void)
{
	struct device_node *np;

	np = of_find_node_by_path("/serial");
	if (!np)
		return -ENODEV;
	return np->name ? 1 : 0;
}

// expect: 14:6-26: [Moderate] kref leak in board_read_serial(): reference on 'np' taken by of_find_node_by_path() is neither put nor handed off before the return at line 17
