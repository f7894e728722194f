// SPDX-License-Identifier: GPL-2.0-only
/*
 * A request from a getter known by its name, passed to a function of
 * another file named like one that starts it: the started request is the
 * hardware's until it completes, and only the failed start leaves it to
 * the caller to put (qla2x00_start_sp() in the qla2xxx async commands).
 */
#include "include/foo.h"

int foo_send_ping(struct foo_ctx *ctx, int id)
{
	struct foo *req;
	int ret;

	req = foo_req_get(ctx, id);
	if (!req)
		return -ENOMEM;
	req->state = 1;
	ret = foo_hw_start_req(req);
	if (ret)
		goto out_put;
	return 0;

out_put:
	foo_put(req);
	return ret;
}

// expect: none
