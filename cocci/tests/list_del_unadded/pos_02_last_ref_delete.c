// SPDX-License-Identifier: GPL-2.0-only
/*
 * The close function deletes the entry when it drops the last reference;
 * the open function's error path closes an object it has not yet added
 * to the table: the last reference goes, and list_del() follows the
 * NULL pointers of the zeroed entry.
 */
struct md {
	struct list_head table_node;
	refcount_t ref;
	int fd;
};

static struct list_head md_table;

void md_close(struct md *m)
{
	if (refcount_dec_and_test(&m->ref)) {
		list_del(&m->table_node);
		kfree(m);
	}
}

struct md *md_open(int fd)
{
	struct md *m;

	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m)
		return NULL;
	refcount_set(&m->ref, 1);
	m->fd = fd;
	if (fd < 0) {
		md_close(m);
		return NULL;
	}
	list_add(&m->table_node, &md_table);
	return m;
}

// expect: 19:2-10: [Moderate] list_del of an entry never added in md_close(): md_open() at line 34 passes an entry it kzalloc()ed at line 28 and never added to a list: ->table_node was not initialised; INIT_LIST_HEAD() it after the allocation
