/*
 * A child's allergy linked to the food table.  The nurse links the
 * free-text allergy of the child's record to allergen groups ("Hải
 * sản", "Sữa") or to single foods.  The kitchen's day check
 * (kitchen_allergy.c) then flags the child against every dish of the
 * day that contains a linked food, directly or through a linked group.
 *
 * Each add or remove also records the allergies text as it read then
 * (the review).  A child whose text is not empty but has no link and no
 * review, or whose text changed since the review, is "not yet linked"
 * and the day check lists the child for a check by hand.
 *
 * Roles (access.c): MN_ACT_ALLERGY_WRITE links and unlinks (nurse,
 * principal, host), MN_ACT_ALLERGY_READ reads (also the kitchen and
 * teachers).  Every write is one transaction with its audit row, and
 * every refusal writes a "denied" audit row.
 */
#ifndef MN_CORE_ALLERGY_H
#define MN_CORE_ALLERGY_H

#include "core/foods.h"
#include "core/mn.h"

#define MN_ALLERGY_NOTE_MAX 200	/* characters of a link's note */

/* An allergen group and the number of its foods in the food table. */
struct mn_allergen_group {
	int64_t id;
	char code[16];		/* stable: "seafood", "milk"... */
	char name[96];		/* in the interface language */
	int foods;
};

/* Lists the allergen groups in their shipped order.  Free *out. */
int mn_allergy_groups(struct mn_ctx *ctx, struct mn_allergen_group **out,
    size_t *count, struct mn_error *err);

/* Finds a group by its code; MN_ERR_NOTFOUND names the code. */
int mn_allergy_group_find(struct mn_ctx *ctx, const char *code,
    struct mn_allergen_group *out, struct mn_error *err);

/* A food of the table with the names of its allergen groups. */
struct mn_allergy_food {
	int code;
	char name[MN_FOOD_NAME_MAX];
	char groups[160];	/* "Hải sản, Tôm, cua (giáp xác)" or "" */
};

/* Lists the foods of the table by name, with their groups.  Free *out. */
int mn_allergy_foods(struct mn_ctx *ctx, struct mn_allergy_food **out,
    size_t *count, struct mn_error *err);

enum mn_allergy_link_kind {
	MN_ALLERGY_LINK_GROUP,
	MN_ALLERGY_LINK_FOOD,
};

/* One link of a child's allergy. */
struct mn_allergy_link {
	enum mn_allergy_link_kind kind;
	int64_t group_id;	/* MN_ALLERGY_LINK_GROUP */
	int food_code;		/* MN_ALLERGY_LINK_FOOD */
	char name[MN_FOOD_NAME_MAX];	/* group or food name */
	char note[4 * MN_ALLERGY_NOTE_MAX + 1];
	int64_t version;
	char changed_by[64];
	char changed_at[32];	/* UTC, as stored */
};

/* A child's allergies text, its review state and its links. */
struct mn_allergy_state {
	char allergies[1024];	/* the text of the child's record */
	bool reviewed;		/* a review row exists */
	char reviewed_text[1024];	/* the text when last linked */
	bool unlinked;		/* "not yet linked": check by hand */
	struct mn_allergy_link *links;
	size_t count;
};

/*
 * Loads a child's allergies text and links, groups first, by name.
 * MN_ACT_ALLERGY_READ; writes one "view" audit row.  Free with
 * mn_allergy_state_free.
 */
int mn_allergy_state_get(struct mn_ctx *ctx, int64_t child_id,
    struct mn_allergy_state *out, struct mn_error *err);
void mn_allergy_state_free(struct mn_allergy_state *s);

/*
 * Links the child's allergy to an allergen group.  MN_ERR_EXISTS when
 * the link is there already, MN_ERR_NOTFOUND for an unknown group or
 * child, MN_ERR_INVALID for a note over MN_ALLERGY_NOTE_MAX characters.
 */
int mn_allergy_link_group(struct mn_ctx *ctx, int64_t child_id,
    int64_t group_id, const char *note, struct mn_error *err);

/* Links the child's allergy to one food by its code; as above. */
int mn_allergy_link_food(struct mn_ctx *ctx, int64_t child_id,
    int food_code, const char *note, struct mn_error *err);

/*
 * Removes a link read by mn_allergy_state_get.  MN_ERR_CONFLICT when it
 * changed or was removed since (its version no longer matches).
 */
int mn_allergy_unlink(struct mn_ctx *ctx, int64_t child_id,
    const struct mn_allergy_link *link, struct mn_error *err);

/*
 * Records that the nurse has checked the child's current allergies text
 * against the food table, for a text that names no food ("phấn hoa") or
 * whose links are complete.  The day check then stops listing the child
 * as not yet linked until the text changes.
 */
int mn_allergy_mark_checked(struct mn_ctx *ctx, int64_t child_id,
    struct mn_error *err);

#endif
