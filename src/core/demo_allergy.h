/*
 * Demo allergy links: the demo children's allergies linked to the
 * allergen groups, as the nurse would link them.
 */
#ifndef MN_CORE_DEMO_ALLERGY_H
#define MN_CORE_DEMO_ALLERGY_H

#include "core/mn.h"

/*
 * Links every child whose allergies text is one of the demo's texts to
 * its allergen groups; a text the table does not know fails with
 * MN_ERR_INVALID, so a new demo text cannot go unlinked.  Sets *linked
 * to the number of children linked when not NULL.
 */
int mn_demo_allergy_links(struct mn_ctx *ctx, int *linked,
    struct mn_error *err);

#endif
