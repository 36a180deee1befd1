/*
 * Announcements from the school or from one class to parents, with a
 * read receipt per parent account.  A parent sees the school's
 * announcements and those of the classes their children are in now.
 */
#ifndef MN_CORE_ANNOUNCE_H
#define MN_CORE_ANNOUNCE_H

#include "core/mn.h"

#define MN_ANNOUNCE_TITLE_MAX 120
#define MN_ANNOUNCE_BODY_MAX 4000

struct mn_announcement {
	int64_t id;
	int64_t class_id;		/* 0: the whole school */
	char class_code[17];
	char title[4 * MN_ANNOUNCE_TITLE_MAX + 1];
	const char *body;		/* valid during the callback only */
	char author[64];
	char published_at[24];
	char read_at[24];		/* for a parent: "" while unread */
	int readers;			/* parents who read it */
	int recipients;			/* parents it is addressed to */
};

/*
 * Publishes an announcement to the whole school (class_id 0) or to one
 * class.  The principal and the clerk publish to either; a teacher to
 * her own classes only.
 */
int mn_announce_post(struct mn_ctx *ctx, int64_t class_id, const char *title,
    const char *body, int64_t *id, struct mn_error *err);

/*
 * Calls fn for each announcement the actor may read, newest first: a
 * parent gets the school's and their children's classes', with read_at;
 * staff get all, with reader counts.
 */
int mn_announce_list(struct mn_ctx *ctx,
    int (*fn)(const struct mn_announcement *a, void *arg), void *arg,
    struct mn_error *err);

/* Records that the acting parent read an announcement (once). */
int mn_announce_mark_read(struct mn_ctx *ctx, int64_t id,
    struct mn_error *err);

/* One addressed parent and when they read an announcement. */
struct mn_announce_receipt {
	char login[33];
	char full_name[256];
	char read_at[24];		/* "" while unread */
};

/* Calls fn for each parent an announcement is addressed to (staff). */
int mn_announce_receipts(struct mn_ctx *ctx, int64_t id,
    int (*fn)(const struct mn_announce_receipt *r, void *arg), void *arg,
    struct mn_error *err);

#endif
