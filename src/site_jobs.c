/* site_jobs.c -- "respub site" on every core (-j N): inputs read and
 * pages rendered in forked workers (jobs.c).  What a worker does to the
 * run (an input's entry; the files it wrote or kept, the cache's records,
 * the status) lives in its own memory, so each task hands it back
 * (jobs_reply) and the parent applies it in task order: the run, its
 * files, catalog and messages, are those of one process, byte for byte.
 * A task whose work is already done (nothing stale) runs in the parent:
 * a rebuild with little changed sends little to workers. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "site_int.h"

/* ------------------------------------------------------------ read */

struct reading {
	struct site	 *st;
	size_t		 *todo;		/* entries to read */
};

/* In a worker: read input todo[i], hand back its entry (read into a
 * copy: with -j 1 the task runs in the parent, which applies the same
 * bytes as from a worker). */
static int
read_task(void *ctx, int i)
{
	struct reading	*r = ctx;
	struct entry	 e = r->st->e[r->todo[i]];
	rp_buf		 out;
	int		 rc;

	rp_buf_init(&out);
	if ((rc = entry_read(r->st, &e, !r->st->quiet)) == 0)
		rc = entry_record(&e, &out) != 0 ||
		    jobs_reply(out.data, out.len) != 0 ? -1 : 0;
	rp_buf_free(&out);
	e.src = NULL;		/* the parent's */
	entry_free(&e);
	return rc < 0 ? 3 : rc;
}

static void
read_done(void *ctx, int i, const struct jobs_result *res)
{
	struct reading	*r = ctx;
	struct site	*st = r->st;
	struct entry	*e = &st->e[r->todo[i]];
	struct entry	 got;

	if (res->len > 0)
		fwrite(res->msg, 1, res->len, stderr);
	if (res->status < 0 || res->status == JOBS_LATE)
		cli_stopped(e->src, res->status, st->timeout);
	else if (res->status == 3)
		cli_say(e->src, RP_ERROR, "memory", "out of memory");
	memset(&got, 0, sizeof(got));
	if (res->status == 0 && entry_parse(&got, res->data, res->dlen) == 0) {
		got.src = e->src;
		got.arg = e->arg;
		got.size = e->size;
		got.mtime = e->mtime;
		got.fresh = 1;
		*e = got;
		return;
	}
	entry_free(&got);
	if (res->status == 0)	/* its bytes did not read back */
		cli_say(e->src, RP_ERROR, "memory", "out of memory");
	e->fresh = -1;		/* not on the site */
	st->status = res->status == 3 || res->status == 0 ? 3 : 1;
}

/* Read the inputs marked fresh (e->fresh 1); those that cannot be read
 * are marked -1, with their messages on stderr. */
int
site_read(struct site *st, size_t n)
{
	struct reading	 r = { st, NULL };
	size_t		 i, k = 0;

	if ((r.todo = calloc(n + 1, sizeof(*r.todo))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if (st->e[i].fresh)
			r.todo[k++] = i;
	jobs_set_limit(st->timeout);
	jobs_run(st->jobs, (int)k, read_task, read_done, &r);
	free(r.todo);
	return 0;
}

/* ----------------------------------------------------------- pages */

struct pages {
	struct site		*st;
	void			*html;
	const struct site_work	*w;
	size_t			*todo;		/* items for the workers */
	size_t			 next;		/* next item to apply */
};

/* What a task did to the run; its new cache records follow, each the
 * deps then the name and its NUL. */
struct effect {
	int32_t		 status;
	uint32_t	 nrec;
	uint64_t	 written, kept;
};

/* In a worker: item todo[i], its effect handed back and taken out of
 * this process's run (the parent applies it). */
static int
page_task(void *ctx, int i)
{
	struct pages	*p = ctx;
	struct site	*st = p->st;
	size_t		 nnew = st->nnew, written = st->written;
	size_t		 kept = st->kept, k;
	struct effect	 ef;
	int		 status = st->status, bad = 0;

	st->status = 0;
	p->w->run(st, p->html, p->w->arg, p->todo[i]);
	ef.status = st->status;
	ef.nrec = (uint32_t)(st->nnew - nnew);
	ef.written = st->written - written;
	ef.kept = st->kept - kept;
	bad |= jobs_reply(&ef, sizeof(ef));
	for (k = nnew; k < st->nnew; k++) {
		bad |= jobs_reply(&st->newdeps[k], sizeof(st->newdeps[k]));
		bad |= jobs_reply(st->newnames[k], strlen(st->newnames[k]) + 1);
		free(st->newnames[k]);
	}
	st->nnew = nnew;
	st->written = written;
	st->kept = kept;
	st->status = status;
	return bad ? 3 : ef.status;
}

/* Apply a task's effect; -1 when it is not whole. */
static int
apply(struct site *st, const char *p, size_t len)
{
	const char	*end = p + len;
	struct effect	 ef;
	uint64_t	 deps;
	size_t		 k, nl;

	if (len < sizeof(ef))
		return -1;
	memcpy(&ef, p, sizeof(ef));
	for (p += sizeof(ef), k = 0; k < ef.nrec; k++, p += nl + 1) {
		if ((size_t)(end - p) < sizeof(deps))
			return -1;
		memcpy(&deps, p, sizeof(deps));
		p += sizeof(deps);
		if ((nl = strnlen(p, (size_t)(end - p))) == (size_t)(end - p))
			return -1;
		cache_record(st, p, deps);
	}
	st->written += ef.written;
	st->kept += ef.kept;
	if (ef.status != 0)
		st->status = ef.status;
	return 0;
}

/* Items before `upto` that needed no worker: here, in order. */
static void
run_here(struct pages *p, size_t upto)
{
	for (; p->next < upto; p->next++)
		p->w->run(p->st, p->html, p->w->arg, p->next);
}

static void
page_done(void *ctx, int i, const struct jobs_result *res)
{
	struct pages	*p = ctx;
	size_t		 item = p->todo[i];

	run_here(p, item);
	p->next = item + 1;
	if (res->len > 0)
		fwrite(res->msg, 1, res->len, stderr);
	if (res->status < 0 || res->status == JOBS_LATE) {
		cli_stopped(p->w->name(p->st, p->w->arg, item),
		    res->status, p->st->timeout);
		p->st->status = 1;
	} else if (apply(p->st, res->data, res->dlen) != 0) {
		cli_say(p->w->name(p->st, p->w->arg, item), RP_ERROR,
		    "memory", "out of memory");
		p->st->status = 3;
	}
}

int
site_each(struct site *st, void *html, const struct site_work *w)
{
	struct pages	 p = { st, html, w, NULL, 0 };
	size_t		 i, k = 0;

	if ((p.todo = calloc(w->n + 1, sizeof(*p.todo))) == NULL)
		return -1;
	for (i = 0; i < w->n; i++)
		if (w->stale(st, w->arg, i))
			p.todo[k++] = i;
	jobs_set_limit(st->timeout);
	jobs_run(st->jobs, (int)k, page_task, page_done, &p);
	run_here(&p, w->n);
	free(p.todo);
	return 0;
}
