// SPDX-License-Identifier: GPL-2.0-only
/*
 * A typedef'd structure used the same way on both sides.
 */
typedef struct session {
	struct list_head node;
	int state;
} session_t;

bool session_active(session_t *s)
{
	return !list_empty(&s->node);
}

void session_close(session_t *s)
{
	list_del(&s->node);
	s->state = 0;
}

// expect: 17:1-9: list_del without init in session_close(): list_del() leaves s->node poisoned, but session_t.node is tested with list_empty() at line 12; use list_del_init()
