// SPDX-License-Identifier: GPL-2.0-only
/*
 * A CRTC and a property looked up by their ID and not put: they have no
 * free callback, so the lookup took no reference.  A framebuffer found
 * by the same lookup has one, and leaks (pos_66).  No finding.
 */
#include "include/drm.h"

int crtc_is_enabled(int id)
{
	struct drm_crtc *crtc = drm_crtc_find(id);

	if (!crtc)
		return -ENOENT;
	return crtc->enabled;
}

int property_flags(int id)
{
	struct drm_property *prop = drm_property_find(id);

	if (!prop)
		return -ENOENT;
	return prop->flags;
}

// expect: none
