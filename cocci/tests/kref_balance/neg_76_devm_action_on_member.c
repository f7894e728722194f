// SPDX-License-Identifier: GPL-2.0-only
/*
 * A platform device found by its node, whose reference a devres action
 * gives back when the device goes: the action is given the embedded
 * device, a member of the object, also in the return statement and
 * after a declaration.  No finding.
 */
#include "include/of.h"

struct phy_ctx {
	struct device *dev;
	int pmc_id;
};

static void phy_put_pmc(void *data)
{
	put_device(data);
}

int phy_parse_pmc(struct phy_ctx *ctx, struct device_node *np)
{
	struct platform_device *pdev;
	int err;

	pdev = of_find_device_by_node(np);
	if (!pdev)
		return -ENODEV;
	err = devm_add_action_or_reset(ctx->dev, phy_put_pmc, &pdev->dev);
	if (err)
		return err;
	ctx->pmc_id = pdev->id;
	return 0;
}

int phy_parse_pmc_decl(struct phy_ctx *ctx, struct device_node *np)
{
	struct platform_device *pdev = of_find_device_by_node(np);

	if (!pdev)
		return -ENODEV;
	ctx->pmc_id = pdev->id;
	return devm_add_action_or_reset(ctx->dev, phy_put_pmc, &pdev->dev);
}

// expect: none
