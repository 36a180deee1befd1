/*
 * Demo data: a believable school on a database made by `mamnon init`.
 */
#ifndef MN_CORE_DEMO_H
#define MN_CORE_DEMO_H

#include "core/mn.h"

/*
 * Adds one account per role named after the role (principal, teacher,
 * nurse, kitchen, accountant, clerk, parent) with the given password,
 * then the school's records.  Demo accounts need no password change at
 * first login, so the demo can be tried at once.  Fails with
 * MN_ERR_EXISTS when the database already holds the demo.
 */
int mn_demo_build(struct mn_ctx *ctx, unsigned seed, const char *password,
    struct mn_error *err);

/* Deterministic pseudo-random numbers for demo data (xorshift64*). */
struct mn_rng {
	uint64_t state;
};
void mn_rng_seed(struct mn_rng *rng, unsigned seed);
uint64_t mn_rng_next(struct mn_rng *rng);
/* Uniform in [0, n). */
unsigned mn_rng_below(struct mn_rng *rng, unsigned n);

#endif
