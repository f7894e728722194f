// SPDX-License-Identifier: GPL-2.0-only
/*
 * The entry is added only when no twin exists, and the cleanup that
 * deletes it runs only on the branch where it was added; spatch sees a
 * path through both tests the other way round, which cannot happen.
 */
struct sub {
	struct list_head node;
	int id;
};

struct subs {
	struct list_head all;
};

int sub_setup(struct sub *s);
struct sub *sub_find(struct subs *ss, int id);

static void sub_unlink(struct sub *s)
{
	list_del(&s->node);
}

int sub_add(struct subs *ss, int id)
{
	struct sub *s, *twin;
	int ret = 0;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	s->id = id;
	twin = sub_find(ss, id);
	if (!twin)
		list_add(&s->node, &ss->all);
	if (twin) {
		kfree(s);
	} else if (id > 100) {
		sub_unlink(s);
		kfree(s);
		ret = -EINVAL;
	}
	return ret;
}

// expect: none
