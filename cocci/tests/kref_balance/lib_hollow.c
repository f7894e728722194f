// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: inits named like the kernel's that only set a
 * count (the names are what the rule knows them by).
 */
#include "include/hollow.h"

void cdev_init(struct cdev *cdev, const void *ops)
{
	memset(cdev, 0, sizeof(*cdev));
	kref_init(&cdev->kref);
	cdev->ops = ops;
}

void config_group_init_type_name(struct config_group *group,
				 const char *name, const void *type)
{
	if (strlen(name) < sizeof(group->namebuf)) {
		strcpy(group->namebuf, name);
		group->name = group->namebuf;
	} else {
		group->name = kstrdup(name, GFP_KERNEL);
	}
	kref_init(&group->kref);
}

// expect-wrapper: init cdev_init
// expect-wrapper: init config_group_init_type_name
