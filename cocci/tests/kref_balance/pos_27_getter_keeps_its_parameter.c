// SPDX-License-Identifier: GPL-2.0-only
/*
 * A constructor that also takes a reference on its parameter and keeps
 * it in the new object is no get wrapper of the parameter, but it still
 * returns the new object with a reference for its caller: the timeout
 * path of the caller leaks that one.
 */
#include "include/foo.h"

struct foo_io {
	struct kref ref;
	struct foo *owner;
	struct completion done;
	int status;
};

static void foo_io_free(struct kref *ref)
{
	struct foo_io *io = container_of(ref, struct foo_io, ref);

	foo_put(io->owner);
	kfree(io);
}

static struct foo_io *foo_io_start(struct foo *owner)
{
	struct foo_io *io = kzalloc(sizeof(*io), GFP_KERNEL);

	if (!io)
		return NULL;
	kref_init(&io->ref);
	kref_get(&owner->ref);
	io->owner = owner;
	kref_get(&io->ref);
	return io;
}

int foo_io_wait(struct foo *owner)
{
	struct foo_io *io = foo_io_start(owner);
	int ret;

	if (!io)
		return -ENOMEM;
	if (!wait_for_completion_timeout(&io->done, HZ))
		return -ETIMEDOUT;
	ret = io->status;
	kref_put(&io->ref, foo_io_free);
	return ret;
}

// expect: 40:21-33: [High] kref leak in foo_io_wait(): reference on 'io' taken by foo_io_start() is neither put nor handed off before the return at line 46
