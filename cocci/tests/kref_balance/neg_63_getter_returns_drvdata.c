// SPDX-License-Identifier: GPL-2.0-only
/*
 * A lookup of a device whose driver data is what the caller wants: the
 * function returns the driver data and the reference on the device goes
 * with it (the data points back to its device, and the caller's put
 * helper puts that: cavium_ptp_get() and cavium_ptp_put()).  On the
 * paths where it returns an error it puts the device itself.
 */
#include "include/foo.h"

struct foo_priv {
	struct foo *owner;
	int mode;
};

struct foo_priv *foo_priv_get(struct foo_ctx *ctx, int id)
{
	struct foo_priv *priv;
	struct foo *f;

	f = foo_table_lookup(ctx, id);
	if (!f)
		return ERR_PTR(-ENODEV);
	priv = foo_get_drvdata(f);
	if (!priv)
		priv = ERR_PTR(-EPROBE_DEFER);
	if (IS_ERR(priv))
		foo_put(f);
	return priv;
}

void foo_priv_put(struct foo_priv *priv)
{
	foo_put(priv->owner);
}

// expect: none
