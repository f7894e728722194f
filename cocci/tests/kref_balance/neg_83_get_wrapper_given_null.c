// SPDX-License-Identifier: GPL-2.0-only
/*
 * A get-and-swap wrapper given NULL as the object to take: "bo_ref(NULL,
 * &p)" takes nothing and drops what p held (nouveau_bo_ref(NULL,
 * &nvbo) on an error path).  The NULL constant holds no reference, so no
 * path leaks one, whether the constant is cast or a cleared member of a
 * state that is freed afterwards seems to hold it.
 */
#include "include/foo.h"

struct buf {
	struct kref kref;
	int size;
};

struct bo {
	struct buf base;
	int pinned;
};

struct crtc {
	struct bo *cursor;
};

int bo_pin(struct bo *bo);
struct bo *bo_new(int size);

static void buf_free(struct kref *kref)
{
	kfree(container_of(kref, struct buf, kref));
}

static void buf_get(struct buf *buf)
{
	kref_get(&buf->kref);
}

static void buf_put(struct buf *buf)
{
	kref_put(&buf->kref, buf_free);
}

static inline struct bo *to_bo(struct buf *buf)
{
	return container_of(buf, struct bo, base);
}

static inline int bo_ref(struct bo *ref, struct bo **pbo)
{
	struct bo *old;

	if (!pbo)
		return -EINVAL;
	old = *pbo;
	if (ref) {
		buf_get(&ref->base);
		*pbo = to_bo(&ref->base);
	} else {
		*pbo = NULL;
	}
	if (old)
		buf_put(&old->base);
	return 0;
}

int crtc_cursor_init(struct crtc *crtc)
{
	int ret;

	crtc->cursor = bo_new(4096);
	if (!crtc->cursor)
		return -ENOMEM;
	ret = bo_pin(crtc->cursor);
	if (ret)
		bo_ref(NULL, &crtc->cursor);
	return ret;
}
int crtc_cursor_reset(struct crtc *crtc)
{
	int ret;

	ret = bo_pin(crtc->cursor);
	if (ret)
		bo_ref((struct bo *)NULL, &crtc->cursor);
	return ret;
}

struct cursor_state {
	struct bo *bo;
	int x, y;
};

int crtc_cursor_state_reset(struct crtc *crtc)
{
	struct cursor_state *st = kzalloc(sizeof(*st), GFP_KERNEL);
	int ret;

	if (!st)
		return -ENOMEM;
	st->bo = NULL;
	bo_ref(NULL, &crtc->cursor);
	ret = bo_pin(st->bo);
	kfree(st);
	return ret;
}
// expect: none
// expect-wrapper: get bo_ref
// expect-wrapper: get buf_get
// expect-wrapper: put buf_put
// expect-wrapper: putcb buf_put/buf_free
