// SPDX-License-Identifier: GPL-2.0-only
/*
 * A device found by its node and given, through its embedded device, to
 * devres actions that do not hand it off: one that does not put it, and a
 * put added with devm_add_action(), which runs nothing when adding it
 * fails.  Both leak.  The second finding also names the return after
 * devm_add_action() succeeded, where the action holds the reference: the
 * rule does not split the paths by the call's result.
 */
#include "include/of.h"

struct phy_ctx {
	struct device *dev;
	int pmc_id;
};

static void phy_forget_node(void *data)
{
	struct device *dev = data;

	dev->of_node = NULL;
}

static void phy_put_pmc(void *data)
{
	put_device(data);
}

int phy_parse_forget(struct phy_ctx *ctx, struct device_node *np)
{
	struct platform_device *pdev;
	int err;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	err = devm_add_action_or_reset(ctx->dev, phy_forget_node, &pdev->dev);
	if (err)
		return err;
	ctx->pmc_id = pdev->id;
	return -EINVAL;
}

int phy_parse_noreset(struct phy_ctx *ctx, struct device_node *np)
{
	struct platform_device *pdev;
	int err;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	err = devm_add_action(ctx->dev, phy_put_pmc, &pdev->dev);
	if (err)
		return err;
	ctx->pmc_id = pdev->id;
	return 0;
}

// expect: 34:8-30: [Moderate] kref leak in phy_parse_forget(): reference on 'pdev' taken by of_find_device_by_node() is neither put nor handed off before the return at lines 39, 41
// expect: 49:8-30: [Moderate] kref leak in phy_parse_noreset(): reference on 'pdev' taken by of_find_device_by_node() is neither put nor handed off before the return at lines 54, 56
