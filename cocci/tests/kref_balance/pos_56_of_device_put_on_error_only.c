// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device found by its node, put through its embedded device on the
 * error path only: the success path keeps it on purpose (an installed
 * handler uses it), so the finding stays Low and out of the report.
 */
#include "include/of.h"

int board_setup_irq(struct device_node *np)
{
	struct platform_device *pdev;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	if (board_request_irq(&pdev->dev)) {
		put_device(&pdev->dev);
		return -EBUSY;
	}
	return 0;
}

// expect: 13:8-30: [Low] kref leak in board_setup_irq(): reference on 'pdev' taken by of_find_device_by_node() is neither put nor handed off before the return at line 20
