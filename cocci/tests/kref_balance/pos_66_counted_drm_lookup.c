// SPDX-License-Identifier: GPL-2.0-only
/*
 * A framebuffer looked up by its ID and not put: unlike a CRTC
 * (neg_78), a framebuffer has a free callback and the lookup took a
 * reference.
 */
#include "include/drm.h"

int fb_width(int id)
{
	struct drm_framebuffer *fb = drm_framebuffer_lookup(id);

	if (!fb)
		return -ENOENT;
	return fb->width;
}

// expect: 11:30-52: [Low] kref leak in fb_width(): reference on 'fb' taken by drm_framebuffer_lookup() is neither put nor handed off before the return at line 15
