// SPDX-License-Identifier: GPL-2.0-only
/*
 * The same lookup, but the driver data returned is that of the context's
 * device, not of the device found: nothing carries the reference on the
 * found device to the caller.
 */
#include "include/foo.h"

struct foo_pdata {
	struct foo *owner;
	int mode;
};

struct foo_pdata *foo_pdata_find(struct foo_ctx *ctx, int id)
{
	struct foo_pdata *pd;
	struct foo *f;

	f = foo_table_lookup(ctx, id);
	if (!f)
		return ERR_PTR(-ENODEV);
	pd = foo_get_drvdata(ctx->cur);
	if (!pd)
		pd = ERR_PTR(-EPROBE_DEFER);
	if (IS_ERR(pd))
		foo_put(f);
	return pd;
}

void foo_pdata_put(struct foo_pdata *pd)
{
	foo_put(pd->owner);
}

// expect: 19:5-21: [Moderate] kref leak in foo_pdata_find(): reference on 'f' taken by foo_table_lookup() is neither put nor handed off before the return at line 27
