/*
 * Demo data for trying the program; never used on a school's real
 * database.
 */
#ifndef MN_CORE_DEMO_REGISTERS_H
#define MN_CORE_DEMO_REGISTERS_H

#include "core/mn.h"

/*
 * Builds the current school year with its holidays, 13 classes over
 * every age group, about 40 staff (two teachers per class) and about
 * 350 children.  The same seed on the same day gives the same school.
 * Class codes: NT1A, NT2A, NT3A, NT3B, MG3A, MG3B, MG4A, MG4B, MG4C,
 * MG5A, MG5B, MG5C, MG5D (or list them with mn_class_list).
 */
int mn_demo_registers(struct mn_ctx *ctx, unsigned seed,
    struct mn_error *err);

/*
 * Links account_id to the first teacher of the class (current school
 * year) that has no account yet, so that the account is in that class's scope.
 */
int mn_demo_link_teacher(struct mn_ctx *ctx, const char *class_code,
    int64_t account_id, struct mn_error *err);

#endif
