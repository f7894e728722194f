// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device-tree node read and forgotten where the function ends with
 * "return 0;": a lookup is not kept without a store, so it stays
 * Moderate, also when only the name of the getter tells what it is.
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

int board_map_port(struct device_node *np)
{
	struct device_node *port;

	port = of_get_child_by_name(np, "port");
	if (!port)
		return -ENODEV;
	if (board_map(port)) {
		of_node_put(port);
		return -EIO;
	}
	return 0;
}

// expect: 13:6-26: [Moderate] kref leak in board_map_serial(): reference on 'np' taken by of_find_node_by_path() is neither put nor handed off before the return at line 17
// expect: 24:8-28: [Moderate] kref leak in board_map_port(): reference on 'port' taken by of_get_child_by_name() is neither put nor handed off before the return at line 31
