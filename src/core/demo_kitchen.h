/*
 * Demo kitchen data for trying the program; never used on a school's
 * real database.
 */
#ifndef MN_CORE_DEMO_KITCHEN_H
#define MN_CORE_DEMO_KITCHEN_H

#include "core/mn.h"

/*
 * Adds the demo school's dishes, food prices and meal fees, then for
 * every week of the current school year up to the current one: a menu
 * for each age group on each school day (approved by the principal for
 * past weeks), planned meal counts, attendance counts and purchases
 * equal to the market list up to today, and food-safety logs for the
 * school days before today.  Needs the registers demo (school year,
 * classes, children) and the food table.  The same seed on the same day
 * gives the same data.  Fails with MN_ERR_EXISTS when dishes exist.
 */
int mn_demo_kitchen(struct mn_ctx *ctx, unsigned seed, struct mn_error *err);

#endif
