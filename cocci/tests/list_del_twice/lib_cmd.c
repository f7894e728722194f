// SPDX-License-Identifier: GPL-2.0-only
/*
 * Test tree library file: helpers that take a command off its lists,
 * each correct alone.
 */
#include "include/cmd.h"

/* Takes the command off the pending list if it is still there. */
bool pending_valid(struct hub *hub, struct pending_cmd *cmd)
{
	struct pending_cmd *tmp;
	bool listed = false;

	list_for_each_entry(tmp, &hub->pending, list)
		if (tmp == cmd)
			listed = true;
	if (listed)
		list_del(&cmd->list);
	return listed;
}

void pending_free(struct pending_cmd *cmd)
{
	kfree(cmd->param);
	kfree(cmd);
}

void pending_remove(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
	pending_free(cmd);
}

/* Leaves the entry empty, not poisoned: deleting it again is harmless. */
void pending_unlink(struct pending_cmd *cmd)
{
	list_del_init(&cmd->list);
}

void pending_add(struct hub *hub, struct pending_cmd *cmd)
{
	list_add_tail(&cmd->list, &hub->pending);
}

void pending_stop_timer(struct pending_cmd *cmd)
{
	list_del(&cmd->timeout_node);
}

/* Adds the command, and takes it off again only when it cannot finish. */
int pending_register(struct hub *hub, struct pending_cmd *cmd)
{
	list_add_tail(&cmd->list, &hub->pending);
	if (hub_arm(hub)) {
		list_del(&cmd->list);
		return -EIO;
	}
	return 0;
}

void pending_unregister(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
}

/* Deletes the command only with its last reference. */
void pending_put(struct pending_cmd *cmd)
{
	if (--cmd->ref)
		return;
	list_del(&cmd->list);
	pending_free(cmd);
}

/*
 * Deletes the command only with its last reference, the test's result
 * kept for after the trace.
 */
void pending_release(struct pending_cmd *cmd)
{
	bool last;

	last = refcount_dec_and_test(&cmd->refs);
	trace_cmd_release(cmd);
	if (last) {
		list_del(&cmd->list);
		pending_free(cmd);
	}
}

/*
 * Takes the command off its list when no reference is left, and says so
 * by returning true only then.
 */
bool pending_take(struct pending_cmd *cmd)
{
	if (cmd->ref)
		return false;
	list_del(&cmd->list);
	return true;
}

/*
 * Deletes the command whatever the count says; only the free waits for
 * the last reference.
 */
void pending_finish(struct pending_cmd *cmd)
{
	bool last;

	list_del(&cmd->list);
	last = refcount_dec_and_test(&cmd->refs);
	if (last)
		pending_free(cmd);
}

/* Deletes the first command it is given, links the second. */
void pending_replace(struct pending_cmd *old, struct pending_cmd *new)
{
	list_del(&old->list);
	list_add(&new->list, &old->timeout_node);
}

/* Completes the command, takes it off its list, returns the next one. */
struct pending_cmd *pending_next(struct hub *hub, struct pending_cmd *cmd)
{
	list_del(&cmd->list);
	pending_free(cmd);
	return list_first_entry_or_null(&hub->pending, struct pending_cmd, list);
}

void pending_unhash(struct pending_cmd *cmd)
{
	hlist_del(&cmd->hnode);
}

/* A static helper: other files do not see it, and a function of theirs
 * with its name is another function.
 */
static void pending_drop_local(struct pending_cmd *cmd)
{
	list_del(&cmd->list);
}

void pending_flush_one(struct pending_cmd *cmd)
{
	pending_drop_local(cmd);
	pending_free(cmd);
}
