/*
 * Demo kitchen data for trying the program; never used on a school's
 * real database.
 */
#ifndef MN_CORE_DEMO_KITCHEN_H
#define MN_CORE_DEMO_KITCHEN_H

#include "core/mn.h"

/*
 * Adds the demo school's dishes, food prices and meal fees, then fills
 * every week of the current school year up to the current one.  Each
 * school day gets a menu for each age group, approved by the principal
 * in past weeks, and a planned meal count.  Days up to today also get
 * an attendance count and purchases equal to the market list, and days
 * before today get food-safety logs.  Needs the registers demo (school
 * year, classes, children) and first adds the shipped foods missing from
 * the database.  The same seed on the same day gives the same data.
 * Fails with MN_ERR_EXISTS when dishes exist.
 */
int mn_demo_kitchen(struct mn_ctx *ctx, unsigned seed, struct mn_error *err);

#endif
