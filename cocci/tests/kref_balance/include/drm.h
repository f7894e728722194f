/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Test tree header: DRM mode objects found by their ID.  The lookup takes
 * a reference only on objects with a free callback (framebuffers); a CRTC
 * or a property has none, so drm_crtc_find() and drm_property_find()
 * return it without one.  The lookup is in
 * lib_drm.c.
 */
#ifndef _TEST_DRM_H
#define _TEST_DRM_H

struct drm_mode_object {
	struct kref refcount;
	void (*free_cb)(struct kref *kref);
	int id;
};

struct drm_crtc {
	struct drm_mode_object base;
	int enabled;
};

struct drm_framebuffer {
	struct drm_mode_object base;
	int width;
};

struct drm_mode_object *drm_mode_object_find(int id);
void drm_mode_object_put(struct drm_mode_object *obj);

#define obj_to_crtc(x) container_of(x, struct drm_crtc, base)
#define obj_to_fb(x) container_of(x, struct drm_framebuffer, base)

static inline struct drm_crtc *drm_crtc_find(int id)
{
	struct drm_mode_object *mo;

	mo = drm_mode_object_find(id);
	return mo ? obj_to_crtc(mo) : NULL;
}

struct drm_property {
	struct drm_mode_object base;
	int flags;
};

#define obj_to_property(x) container_of(x, struct drm_property, base)

static inline struct drm_property *drm_property_find(int id)
{
	struct drm_mode_object *mo;

	mo = drm_mode_object_find(id);
	return mo ? obj_to_property(mo) : NULL;
}

static inline struct drm_framebuffer *drm_framebuffer_lookup(int id)
{
	struct drm_mode_object *mo;

	mo = drm_mode_object_find(id);
	return mo ? obj_to_fb(mo) : NULL;
}

// expect-wrapper: rget drm_framebuffer_lookup

#endif
