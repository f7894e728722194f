// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: the lookup of DRM mode objects by ID, which
 * takes a reference only when the object has a free callback, and the
 * put that gives it back.
 */
#include "include/drm.h"

struct drm_mode_object *drm_mode_object_find(int id)
{
	struct drm_mode_object *obj = drm_idr_find(id);

	if (obj && obj->free_cb) {
		if (!kref_get_unless_zero(&obj->refcount))
			obj = NULL;
	}
	return obj;
}

void drm_mode_object_put(struct drm_mode_object *obj)
{
	if (obj && obj->free_cb)
		kref_put(&obj->refcount, obj->free_cb);
}

// expect-wrapper: put drm_mode_object_put
// expect-wrapper: rget drm_mode_object_find
