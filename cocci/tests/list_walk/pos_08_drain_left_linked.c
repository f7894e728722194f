// SPDX-License-Identifier: GPL-2.0-only
/*
 * A loop drains a queue by taking its first entry until it is empty, but
 * when starting the entry fails it only reports the error: the entry
 * stays first on the queue and the loop takes it again, for ever.
 */
struct frame {
	struct list_head node;
	int len;
};

struct ring {
	struct list_head queued;
	struct list_head active;
};

static int frame_start(struct ring *r, struct frame *f)
{
	return f->len ? 0 : -1;
}

void frame_report(int len, int err);

void ring_kick(struct ring *r)
{
	struct frame *f;

	while (!list_empty(&r->queued)) {
		f = list_first_entry(&r->queued, struct frame, node);
		if (frame_start(r, f))
			frame_report(f->len, -5);
		else
			list_move_tail(&f->node, &r->active);
	}
}

// expect: 28:1-6: [Moderate] list walk in ring_kick(): the loop takes 'f' off r->queued at line 29 and unlinks it on one path, but another path leaves it linked and the loop takes it again; list_del() it on that path
