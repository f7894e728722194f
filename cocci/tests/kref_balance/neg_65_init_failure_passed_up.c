// SPDX-License-Identifier: GPL-2.0-only
/*
 * A register function whose init helper fails only when its own init
 * helper fails before setting the count (hwrng_register(),
 * set_current_rng() and hwrng_init()): the failed call left nothing to
 * put, though the function puts the node on another path.
 */
#include "include/nobj.h"

int nobj_source_register(struct nobj *n, bool early)
{
	int err;

	err = nobj_make_current(n);
	if (err)
		goto out;
	if (early) {
		nobj_hold(n);
		n->parent = NULL;
		nobj_drop(n);
	}
	return 0;
out:
	return err;
}

// expect: none
