/* site_quick.c -- a rebuild that does not plan the site again.  When the
 * inputs are the previous run's, in the same order, none of them says of
 * itself anything new, and the program, options and every file made are
 * as they were, the previous run's plan (catalog.tsv's "S" and "P"
 * lines) still holds: only the changed inputs' own files are made again,
 * from the lines of the entries their pages show (neighbours, versions,
 * who cites them, who holds what they cite); no other line is parsed.
 * With nothing changed that is a stat per input and the pass over the
 * directory.  Anything else is left to the full run (site.c). */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "site_int.h"

/* Whether the previous run's state allows it at all: its plan, made by
 * the same program with the same options, every file it made still
 * there.  -1: out of memory. */
static int
same_site(struct site *st, size_t n)
{
	const struct cache	*c = &st->old;
	size_t			 i;

	if (!c->same_build || !c->planned || c->nin != n || st->parallel)
		return 0;
	if (c->dir_same)
		return 1;
	if (cache_files(st, 1) != 0)
		return -1;
	for (i = 0; i < c->nfiles; i++)
		if (!c->f[i].here)
			return 0;
	return 1;
}

/* A stat of path, relative to its folder, which stays open while the
 * next inputs are in it too (an archive's inputs come a folder at a
 * time: the path is not walked again for each). */
struct folder {
	int	 fd;
	size_t	 len;		/* of its name in path, with the '/' */
	char	 name[PATH_MAX];
};

static int
folder_stat(struct folder *f, const char *path, struct stat *sb)
{
	const char	*slash = strrchr(path, '/');
	size_t		 len = slash != NULL ? (size_t)(slash - path) + 1 : 0;

	if (len == 0 || len >= sizeof(f->name))
		return stat(path, sb);
	if (len != f->len || memcmp(f->name, path, len) != 0) {
		if (f->fd >= 0)
			close(f->fd);
		memcpy(f->name, path, len);
		f->name[len] = '\0';
		f->len = len;
		if ((f->fd = open(f->name, O_PATH | O_DIRECTORY |
		    O_CLOEXEC)) < 0)
			f->len = 0;
	}
	return f->fd >= 0 ? fstatat(f->fd, path + len, sb, 0) :
	    stat(path, sb);
}

static long long
mtime_ns(const struct stat *sb)
{
	return (long long)sb->st_mtim.tv_sec * 1000000000LL +
	    sb->st_mtim.tv_nsec;
}

/* changed_inputs, a folder at a time. */
static int
changed_in(struct site *st, char **inputs, size_t n, struct folder *f)
{
	struct stat	 sb;
	long long	 size, mtime;
	size_t		 i, cap = 0;
	struct entry	*e;

	if ((st->stamps = calloc(n + 1, sizeof(*st->stamps))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		if (folder_stat(f, inputs[i], &sb) != 0 ||
		    !old_input_is(&st->old, i, inputs[i], &size, &mtime))
			return 0;
		st->stamps[i].size = (long long)sb.st_size;
		st->stamps[i].mtime = mtime_ns(&sb);
		st->nstamps = i + 1;
		if (size == (long long)sb.st_size && mtime == mtime_ns(&sb))
			continue;
		if (st->n == cap) {
			cap = cap ? cap * 2 : 8;
			if ((e = realloc(st->e, cap * sizeof(*e))) == NULL)
				return -1;
			st->e = e;
		}
		e = &st->e[st->n++];
		memset(e, 0, sizeof(*e));
		e->arg = i;
		e->fresh = 1;
		e->size = (long long)sb.st_size;
		e->mtime = mtime_ns(&sb);
		if ((e->src = xstrdup(inputs[i])) == NULL)
			return -1;
	}
	return 1;
}

/* The inputs whose size or time changed, into st->e (to be read); 0 when
 * they are not the previous run's inputs in its order, -1: out of
 * memory. */
static int
changed_inputs(struct site *st, char **inputs, size_t n)
{
	struct folder	 f = { -1, 0, "" };
	int		 rc = changed_in(st, inputs, n, &f);

	if (f.fd >= 0)
		close(f.fd);
	return rc;
}

/* Read the changed inputs: 1 when each says of itself what it said
 * (each then has its new line of catalog.tsv), 0 when one does not or
 * cannot be read, -1: out of memory. */
static int
same_records(struct site *st, size_t n)
{
	rp_buf	 b;
	size_t	 i, reclen;
	int	 same = 1;

	if (site_read(st, st->n) != 0 ||
	    (st->lines = calloc(n + 1, sizeof(*st->lines))) == NULL ||
	    (st->ownlines = calloc(n + 1, sizeof(*st->ownlines))) == NULL)
		return -1;
	st->nlines = n;
	for (i = 0; i < n; i++)
		st->lines[i] = st->old.in[i].line;
	rp_buf_init(&b);
	for (i = 0; i < st->n && same == 1; i++) {
		struct entry	*e = &st->e[i];
		const char	*rec;

		if (e->fresh < 0)
			same = 0;
		else {
			old_record(&st->old, e->arg, &rec, &reclen);
			rp_buf_reset(&b);
			entry_record(e, &b);
			same = b.len == reclen && memcmp(b.data, rec, reclen) == 0;
		}
		if (same && (st->lines[e->arg] = st->ownlines[e->arg] =
		    input_line(e)) == NULL)
			same = -1;
	}
	rp_buf_free(&b);
	return same;
}

/* ------------------------------------------------------ the plan */

/* Skip a list of input positions (its count first). */
static void
skip_list(const char **p, const char *end)
{
	long long n = state_int(p, end);

	while (n-- > 0 && *p < end)
		state_int(p, end);
}

/* Entry e as its "P" line has it: name, index page, what it says once
 * its versions filled it in; *links: where its lead, neighbours and
 * lists are. */
static int
plan_read(const char *line, struct entry *e, const char **links)
{
	const char	*end = line + strcspn(line, "\n"), *p = line + 2;
	long long	 k;

	e->arg = (size_t)state_int(&p, end);
	if (state_field(&p, end, &e->stem) != 0 ||
	    state_field(&p, end, &e->yearpage) != 0)
		return -1;
	*links = p;
	for (k = 0; k < 3; k++)			/* lead, prev, next */
		state_int(&p, end);
	skip_list(&p, end);			/* versions */
	skip_list(&p, end);			/* citers */
	for (k = state_int(&p, end); k > 0 && p < end; k--)
		skip_list(&p, end);		/* holders */
	return entry_parse(e, p - 1, (size_t)(end - (p - 1)));
}

/* Entry arg of the previous run's plan, read once; NULL: none. */
static struct entry *
planned(struct site *st, long long arg)
{
	const char	*links;
	struct entry	*e;

	if (arg < 0 || (size_t)arg >= st->nlines ||
	    st->old.plans[arg] == NULL)
		return NULL;
	if (st->seen[arg] != NULL)
		return st->seen[arg];
	if ((e = calloc(1, sizeof(*e))) == NULL)
		return NULL;
	if (plan_read(st->old.plans[arg], e, &links) != 0) {
		entry_free(e);
		free(e);
		return NULL;
	}
	return st->seen[arg] = e;
}

/* The entries of a list at *p, each to add(st, key, list, entry); -1:
 * out of memory (or a list that does not read back). */
static int
read_list(struct site *st, const char **p, const char *end,
    struct elist *l, const char *sym, struct elist **lists)
{
	long long	 n = state_int(p, end);
	struct entry	*v;

	while (n-- > 0) {
		if ((v = planned(st, state_int(p, end))) == NULL)
			return -1;
		if (l != NULL ? elist_add(l, v) != 0 :
		    index_symbol(st, sym, lists, v) != 0)
			return -1;
	}
	return 0;
}

/* Whether the list of symbol sym in lists is not known yet. */
static int
unknown(const struct site *st, const struct elist *lists, const char *sym)
{
	size_t k;

	return !smap_get(&st->bysym, sym, &k) || lists[k].n == 0;
}

/* What entry e's page shows of others, from its "P" line: its lead,
 * neighbours, versions (into l), who cites it, who holds what it
 * cites. */
static int
plan_links(struct site *st, struct entry *e, struct elist *l,
    const char *p)
{
	const char	*end = p + strcspn(p, "\n");
	long long	 lead = state_int(&p, end), prev = state_int(&p, end);
	long long	 next = state_int(&p, end);
	size_t		 k;

	e->lead = planned(st, lead);
	e->prev = planned(st, prev);
	e->next = planned(st, next);
	if (e->lead == NULL || (prev >= 0 && e->prev == NULL) ||
	    (next >= 0 && e->next == NULL) ||
	    read_list(st, &p, end, l, NULL, NULL) != 0)
		return -1;
	e->versions = l->n > 0 ? l : NULL;
	if (e->symbol != NULL && unknown(st, st->citers, e->symbol)) {
		if (read_list(st, &p, end, NULL, e->symbol, &st->citers) != 0)
			return -1;
	} else
		skip_list(&p, end);
	if ((size_t)state_int(&p, end) != e->ncites)
		return -1;
	for (k = 0; k < e->ncites; k++)
		if (!unknown(st, st->holders, e->cites[k]))
			skip_list(&p, end);
		else if (read_list(st, &p, end, NULL, e->cites[k],
		    &st->holders) != 0)
			return -1;
	return 0;
}

/* The changed inputs (read: st->e) replaced by their planned entries,
 * with what their pages show; those the plan has not (duplicates left
 * out) make no page.  -1: the plan does not read back (or out of
 * memory). */
static int
plan_changed(struct site *st)
{
	struct entry	*v;
	const char	**links;
	size_t		 i, n = 0;
	int		 rc = 0;

	if ((v = calloc(st->n + 1, sizeof(*v))) == NULL ||
	    (links = calloc(st->n + 1, sizeof(*links))) == NULL) {
		free(v);
		return -1;
	}
	for (i = 0; i < st->n && rc == 0; i++) {
		struct entry *r = &st->e[i];

		if (st->old.plans[r->arg] == NULL)
			continue;
		rc = plan_read(st->old.plans[r->arg], &v[n], &links[n]);
		v[n].src = r->src;
		r->src = NULL;
		v[n].size = r->size;
		v[n].mtime = r->mtime;
		v[n].fresh = 1;		/* st->e's, not st->seen's own */
		n++;
	}
	for (i = 0; i < st->n; i++)
		entry_free(&st->e[i]);
	free(st->e);
	st->e = v;
	st->n = n;
	if (rc == 0 && ((st->seen = calloc(st->nlines + 1,
	    sizeof(*st->seen))) == NULL || (st->versions = calloc(n + 1,
	    sizeof(*st->versions))) == NULL))
		rc = -1;
	for (i = 0; i < n && rc == 0; i++)
		st->seen[v[i].arg] = &v[i];
	st->nworks = rc == 0 ? n : 0;
	for (i = 0; i < n && rc == 0; i++)
		rc = plan_links(st, &v[i], &st->versions[i], links[i]);
	free(links);
	return rc;
}

/* 1 when the previous run's plan holds (st->e: the changed inputs as it
 * planned them; none when nothing changed), 0 when the site must be
 * planned again (what was tried here undone), -1: out of memory. */
int
quick_plan(struct site *st, char **inputs, size_t n)
{
	int rc;

	if ((rc = same_site(st, n)) != 1)
		return rc;
	if ((rc = changed_inputs(st, inputs, n)) == 1 && st->n > 0 &&
	    (rc = cache_plans(&st->old)) == 0 &&
	    (rc = same_records(st, n)) == 1)
		rc = plan_changed(st) == 0;
	if (rc == 1) {
		memcpy(st->bodies, st->old.bodies, sizeof(st->bodies));
		st->nres = st->old.nres;
	} else
		plan_free(st);
	return rc;
}
