/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: stand-ins for inits that only set a count (a char
 * device, a configfs group) and a driver object embedding them.
 * Everything is defined in lib_hollow.c.
 */
#ifndef _TEST_HOLLOW_H
#define _TEST_HOLLOW_H

struct cdev {
	struct kref kref;
	const void *ops;
};

struct config_group {
	struct kref kref;
	char *name;
	char namebuf[20];
};

struct gizmo {
	struct cdev cdev;
	struct config_group group;
	void *buf;
};

void cdev_init(struct cdev *cdev, const void *ops);
int cdev_add(struct cdev *cdev, int dev, unsigned int count);
void config_group_init_type_name(struct config_group *group,
				 const char *name, const void *type);

#endif
