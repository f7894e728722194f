// SPDX-License-Identifier: GPL-2.0-only
/*
 * device_link_add() returns a new reference-counted link.  Without
 * DL_FLAG_STATELESS the link is managed: the driver core deletes it when
 * a driver unbinds, and its caller has nothing to put.  A stateless link,
 * or one whose flags the function does not show, is the caller's.
 */
#include "include/nobj.h"

#define DL_FLAG_STATELESS		0x1
#define DL_FLAG_AUTOREMOVE_CONSUMER	0x2
#define DL_FLAG_PM_RUNTIME		0x4

struct device_link {
	struct kref kref;
	struct device *consumer;
	struct device *supplier;
	unsigned int flags;
};

struct device_link *device_link_add(struct device *consumer,
				    struct device *supplier,
				    unsigned int flags)
{
	struct device_link *link = kzalloc(sizeof(*link), GFP_KERNEL);

	if (!link)
		return NULL;
	kref_init(&link->kref);
	link->consumer = consumer;
	link->supplier = supplier;
	link->flags = flags;
	return link;
}

int bridge_probe(struct device *dev, struct device *parent)
{
	if (!device_link_add(dev, parent, DL_FLAG_PM_RUNTIME |
			     DL_FLAG_AUTOREMOVE_CONSUMER))
		return -EINVAL;
	device_link_add(parent, dev, DL_FLAG_AUTOREMOVE_CONSUMER);
	return 0;
}

int bridge_probe_stateless(struct device *dev, struct device *parent)
{
	device_link_add(dev, parent, DL_FLAG_STATELESS | DL_FLAG_PM_RUNTIME);
	return 0;
}

int bridge_probe_flags(struct device *dev, struct device *parent,
		       unsigned int flags)
{
	device_link_add(dev, parent, flags);
	return 0;
}

int bridge_probe_checked(struct device *dev, struct device *parent)
{
	struct device_link *link;

	link = device_link_add(dev, parent, DL_FLAG_AUTOREMOVE_CONSUMER);
	if (!link)
		return -ENODEV;
	return 0;
}

// expect-wrapper: rget device_link_add
// expect: 47:1-16: [Moderate] kref leak in bridge_probe_stateless(): the reference returned by device_link_add() is dropped: its result is not used, so nothing can put it
// expect: 54:1-16: [Moderate] kref leak in bridge_probe_flags(): the reference returned by device_link_add() is dropped: its result is not used, so nothing can put it
