/* site_clean.c -- which resolution pages of a site planned again cannot
 * have changed since the previous run, so that their documents are not
 * described again (describing every page was a tenth of a rebuild after
 * one date changed).  A page shows its resolution, its neighbours, its
 * language versions, who cites it and who holds what it cites: it can
 * change only when one of those changed, came, went or moved (the order
 * of the others stays), or when it moved itself.  What shows a changed
 * resolution is what its own lists name, in the previous plan (its "P"
 * line) and in this one. */
#include <stdlib.h>
#include <string.h>

#include "site_int.h"

#define CHANGED	2	/* it changed, came or moved: its rows differ */
#define SHOWN	1	/* it shows one that did: its page may differ */

struct marks {
	struct entry	**now;		/* by the previous run's input */
	size_t		  n;
	int		  mark;
};

static void
mark(struct entry *e, int how)
{
	if (e != NULL && e->touched < how)
		e->touched = how;
}

/* plan_each_link's: the entry of a previous input position. */
static void
mark_old(void *ctx, long long arg)
{
	struct marks *m = ctx;

	if (arg >= 0 && (size_t)arg < m->n)
		mark(m->now[arg], m->mark);
}

static void
mark_list(const struct elist *l, int how)
{
	size_t i;

	for (i = 0; l != NULL && i < l->n; i++)
		mark(l->v[i], how);
}

static const struct elist *
list_for(const struct site *st, const struct elist *lists, const char *sym)
{
	size_t k;

	return sym != NULL && smap_get(&st->bysym, sym, &k) ? &lists[k] : NULL;
}

/* What shows changed entry e now: its neighbours, versions, who cites
 * it, who holds what it cites. */
static void
mark_shown(struct site *st, struct entry *e)
{
	size_t k;

	mark(e->prev, SHOWN);
	mark(e->next, SHOWN);
	mark_list(e->versions, SHOWN);
	mark_list(list_for(st, st->citers, e->symbol), SHOWN);
	for (k = 0; k < e->ncites; k++)
		mark_list(list_for(st, st->holders, e->cites[k]), SHOWN);
}

/* Each entry by the previous run's input it was (two entries of one
 * input: both changed); those that changed or moved marked CHANGED. */
static void
mark_changed(struct site *st, struct marks *m)
{
	size_t i, k;

	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->was == 0 || e->was > m->n) {
			mark(e, CHANGED);
			continue;
		}
		k = e->was - 1;
		if (k != e->arg)
			st->inputs_stay = 0;
		if (m->now[k] != NULL) {
			mark(m->now[k], CHANGED);
			mark(e, CHANGED);
		}
		m->now[k] = e;
		if (e->fresh || !plan_same_place(&st->old, k, e))
			mark(e, CHANGED);
	}
}

/* A changed entry changes its versions' rows too (they take its symbol,
 * date, body), those it has and those it had; one gone changes the
 * versions it had. */
static void
spread_versions(struct site *st, struct marks *m)
{
	size_t i, k;

	m->mark = CHANGED;
	for (i = 0; i < st->n; i++)
		if (st->e[i].touched == CHANGED) {
			mark_list(st->e[i].versions, CHANGED);
			if (st->e[i].was > 0)
				plan_each_link(&st->old, st->e[i].was - 1, 1,
				    mark_old, m);
		}
	for (k = 0; k < m->n; k++)
		if (m->now[k] == NULL)
			plan_each_link(&st->old, k, 1, mark_old, m);
}

/* Entries whose page may differ from the previous run's have touched
 * set; the others take their page's hash from it, and are not described
 * again.  -1: out of memory. */
int
clean_pages(struct site *st)
{
	struct marks	 m;
	size_t		 i, k;
	char		 name[168];
	long		 f;

	if (!st->old.same_build || !st->old.planned || st->old.plans == NULL)
		return 0;
	m.n = st->old.nin;
	if ((m.now = calloc(m.n + 1, sizeof(*m.now))) == NULL)
		return -1;
	st->marked = st->inputs_stay = 1;
	mark_changed(st, &m);
	spread_versions(st, &m);
	m.mark = SHOWN;
	for (i = 0; i < st->n; i++)
		if (st->e[i].touched == CHANGED) {
			mark_shown(st, &st->e[i]);
			if (st->e[i].was > 0)
				plan_each_link(&st->old, st->e[i].was - 1, 0,
				    mark_old, &m);
		}
	for (k = 0; k < m.n; k++)
		if (m.now[k] == NULL)
			plan_each_link(&st->old, k, 0, mark_old, &m);
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		snprintf(name, sizeof(name), "%s.html", e->stem);
		if (!e->touched && (f = cache_file(&st->old, name)) >= 0)
			e->pagehash = st->old.f[f].deps;
	}
	free(m.now);
	return 0;
}
