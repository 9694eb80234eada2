/* site_versions.c -- inputs that are language versions of one resolution
 * (versions.c says which): one Work on the site.  They share what one of
 * them tells and another does not (symbol, body, date), so their Akoma
 * Ntoso has one Work IRI; the index lists the Work once, in the first of
 * its languages in the UN order, with links to the others; every page
 * links its versions (the stylesheet's language switch). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parallel.h"
#include "site_int.h"
#include "versions.h"

/* Inputs with a symbol by their file name less the language: a version
 * that prints no symbol ("udhr-en.txt") joins the one whose name is its
 * own ("udhr-zh.txt", which names the resolution that adopted it); a
 * name two symbols share (SIZE_MAX) joins neither. */
static int
named_works(struct site *st, struct smap *names, char ***keys)
{
	size_t i, k;

	if ((*keys = calloc(st->n + 1, sizeof(**keys))) == NULL)
		return -1;
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->symbol == NULL ||
		    ((*keys)[i] = name_key(e->src, e->lang)) == NULL)
			continue;
		if (!smap_get(names, (*keys)[i], &k))
			k = i;
		else if (k != SIZE_MAX &&
		    strcmp(st->e[k].work, e->work) != 0)
			k = SIZE_MAX;
		if (smap_put(names, (*keys)[i], k) != 0)
			return -1;
	}
	return 0;
}

/* The Work of each input: its symbol, else that of the input whose file
 * name is its own less the language, else that name. */
static int
work_keys(struct site *st)
{
	struct smap	 names;
	char		**keys = NULL;
	size_t		 i, k;
	int		 rc = -1;

	memset(&names, 0, sizeof(names));
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		free(e->work);
		e->work = e->symbol != NULL ? version_key(e->symbol) : NULL;
		if (e->symbol != NULL && e->work == NULL)
			goto out;
	}
	if (named_works(st, &names, &keys) != 0)
		goto out;
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->symbol != NULL ||
		    (e->work = name_key(e->src, e->lang)) == NULL ||
		    !smap_get(&names, e->work, &k) || k == SIZE_MAX)
			continue;
		free(e->work);
		if ((e->work = xstrdup(st->e[k].work)) == NULL)
			goto out;
	}
	rc = 0;
out:
	for (i = 0; keys != NULL && i < st->n; i++)
		free(keys[i]);
	free(keys);
	smap_free(&names);
	return rc;
}

static int
take_str(char **dst, const char *src)
{
	if (*dst != NULL || src == NULL)
		return 0;
	return (*dst = xstrdup(src)) == NULL ? -1 : 0;
}

/* What e does not tell and v, another version, does. */
static int
fill_from(struct entry *e, const struct entry *v)
{
	if (e->body == RP_BODY_UNKNOWN)
		e->body = v->body;
	if (e->year == 0)
		e->year = v->year;
	if (e->session == 0)
		e->session = v->session;
	return take_str(&e->symbol, v->symbol) != 0 ||
	    take_str(&e->number, v->number) != 0 ||
	    take_str(&e->date, v->date) != 0 ? -1 : 0;
}

/* The Works and their versions, in st->e's order: e->versions. */
static int
group(struct site *st)
{
	struct smap	 slot;
	size_t		 i, k;

	memset(&slot, 0, sizeof(slot));
	versions_free(st);
	if ((st->versions = calloc(st->n + 1, sizeof(*st->versions))) == NULL)
		return -1;
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		e->versions = NULL;
		if (e->work == NULL)
			continue;
		if (!smap_get(&slot, e->work, &k) &&
		    smap_put(&slot, e->work, k = st->nworks++) != 0)
			break;
		if (elist_add(&st->versions[k], e) != 0)
			break;
		e->versions = &st->versions[k];
	}
	smap_free(&slot);
	return i == st->n ? 0 : -1;
}

void
versions_free(struct site *st)
{
	size_t k;

	for (k = 0; k < st->nworks; k++)
		free(st->versions[k].v);
	free(st->versions);
	smap_free(&st->versioned);
	st->versions = NULL;
	st->nworks = 0;
}

/*
 * Versions fill each other in, before duplicates are looked for; each
 * takes a field it lacks from the first version that has it.
 */
int
versions_join(struct site *st)
{
	size_t i, j, k;

	if (work_keys(st) != 0 || group(st) != 0)
		return -1;
	for (k = 0; k < st->nworks; k++) {
		const struct elist *l = &st->versions[k];

		for (i = 0; i < l->n; i++)
			for (j = 0; j < l->n; j++)
				if (i != j && fill_from(l->v[i], l->v[j]) != 0)
					return -1;
	}
	return 0;
}

static int
by_rank(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	int c = version_rank(x->lang) - version_rank(y->lang);

	return c != 0 ? c : (x < y ? -1 : x > y);
}

/* The rank of a language for the site's: English first, then the UN
 * order, then the others. */
static int
site_rank(const char *lang)
{
	return strcmp(lang, "eng") == 0 ? -1 : version_rank(lang);
}

/* The site's language, its index pages' and feeds': the one most
 * resolutions have a version in (one input, no language: English); on
 * a tie the first by site_rank. */
static void
site_lang(struct site *st)
{
	struct tally { const char *lang; size_t n; } t[16];
	size_t		 nt = 0, i, k, best = 0;
	const char	*l;

	for (i = 0; i < st->n; i++) {
		l = st->e[i].lang != NULL ? st->e[i].lang : "eng";
		for (k = 0; k < nt && strcmp(t[k].lang, l) != 0; k++)
			continue;
		if (k == nt && nt < sizeof(t) / sizeof(t[0]))
			t[nt++] = (struct tally){ l, 0 };
		if (k < nt)
			t[k].n++;
	}
	for (k = 1; k < nt; k++)
		if (t[k].n > t[best].n || (t[k].n == t[best].n &&
		    site_rank(t[k].lang) < site_rank(t[best].lang)))
			best = k;
	snprintf(st->lang, sizeof(st->lang), "%s",
	    nt > 0 ? t[best].lang : "eng");
}

/* The version the indexes list: the one in the site's language, as the
 * indexes are, else the first in the UN order. */
static struct entry *
lead_of(const struct site *st, struct entry *e)
{
	size_t i;

	if (e->versions == NULL)
		return e;
	for (i = 0; i < e->versions->n; i++)
		if (strcmp(e->versions->v[i]->lang != NULL ?
		    e->versions->v[i]->lang : "eng", st->lang) == 0)
			return e->versions->v[i];
	return e->versions->v[0];
}

/* After st->e is sorted and freed of duplicates: each Work's versions in
 * the UN order, the first leading (the one the indexes list). */
int
versions_plan(struct site *st)
{
	size_t i, k;

	if (group(st) != 0)
		return -1;
	for (k = 0; k < st->nworks; k++)
		qsort(st->versions[k].v, st->versions[k].n,
		    sizeof(*st->versions[k].v), by_rank);
	site_lang(st);
	for (i = 0; i < st->n; i++) {
		st->e[i].lead = lead_of(st, &st->e[i]);
		if (st->e[i].versions != NULL && st->e[i].versions->n > 1 &&
		    smap_put(&st->versioned, st->e[i].stem, i) != 0)
			return -1;
	}
	return 0;
}

/* The versions of e, when it has others, for its page or index row. */
void
ctx_versions(struct sink *s, const struct entry *e)
{
	size_t i;

	if (e->versions == NULL || e->versions->n < 2)
		return;
	for (i = 0; i < e->versions->n; i++) {
		const struct entry *v = e->versions->v[i];
		char page[160];

		snprintf(page, sizeof(page), "%s.html", v->stem);
		sink_open(s, "version");
		sink_attr(s, "page", page);
		sink_attr(s, "lang", v->lang != NULL ? v->lang : "und");
		if (v == e)
			sink_attr(s, "current", "yes");
		sink_close(s);
	}
}

/* Give doc what its entry took from the other versions, and their
 * languages (into langs, of size n, which must outlive the writers). */
void
versions_apply(const struct entry *e, rp_doc *doc, const char **langs,
    size_t n)
{
	rp_node	*root = rp_doc_root(doc);
	rp_meta	*m = root != NULL ? root->meta : NULL;
	size_t	 i, k = 0;

	if (m == NULL || e->versions == NULL || e->versions->n < 2)
		return;
	for (i = 0; i < e->versions->n && k + 1 < n; i++)
		if (e->versions->v[i]->lang != NULL)
			langs[k++] = e->versions->v[i]->lang;
	langs[k] = NULL;
	m->versions = langs;
	if (m->symbol == NULL && e->symbol != NULL)
		rp_meta_set_symbol(doc, m, e->symbol);
	if (m->body == RP_BODY_UNKNOWN)
		m->body = (rp_body)e->body;
	if (m->date == NULL)
		m->date = e->date;
	if (m->year == 0)
		m->year = e->year;
}

/* The side-by-side page of e's Work (respub site --parallel), NULL when
 * it has none. */
const char *
parallel_name(const struct site *st, const struct entry *e, char *buf,
    size_t size)
{
	if (!st->parallel || e->versions == NULL || e->versions->n < 2)
		return NULL;
	snprintf(buf, size, "%s-parallel.html", e->lead->stem);
	return buf;
}

/* One Work's side-by-side page, from its versions' inputs; 0 when
 * written. */
static int
parallel_render(struct site *st, void *html, const struct elist *l,
    const char *name)
{
	struct version_in	 v[16];
	char			*data[16], pages[16][160];
	const char		*langs[16][16];
	size_t			 i, n = 0;
	rp_buf			 out;
	int			 rc = -1;

	for (i = 0; i < l->n && n < 16; i++) {
		if ((v[n].doc = load_doc(l->v[i]->src, st->from, &data[n],
		    0)) == NULL)
			continue;
		versions_apply(l->v[i], v[n].doc, langs[n], 16);
		snprintf(pages[n], sizeof(pages[n]), "%s.html",
		    l->v[i]->stem);
		v[n].name = l->v[i]->src;
		v[n].page = pages[n];
		n++;
	}
	rp_buf_init(&out);
	if (n == l->n && (rc = parallel_page(html, v, n, name, st->quiet,
	    &out)) == 0)
		put_file(st, name, out.data, out.len);
	else
		st->status = 1;
	rp_buf_free(&out);
	while (n-- > 0) {
		rp_doc_free(v[n].doc);
		free(data[n]);
	}
	return rc;
}

/* Every Work's side-by-side page not already made from the same inputs. */
void
parallel_pages(struct site *st, void *html)
{
	char		 name[160];
	size_t		 k, i;
	uint64_t	 deps;

	for (k = 0; k < st->nworks; k++) {
		const struct elist *l = &st->versions[k];

		if (parallel_name(st, l->v[0], name, sizeof(name)) == NULL)
			continue;
		for (deps = st->build, i = 0; i < l->n; i++) {
			uint64_t h = source_hash(st, l->v[i]);

			deps = fnv(deps, &h, sizeof(h));
			deps = fnv(deps, l->v[i]->stem, strlen(l->v[i]->stem));
		}
		if (cache_fresh(st, name, deps))
			st->kept++;
		else if (parallel_render(st, html, l, name) != 0)
			continue;
		cache_record(st, name, deps);
	}
}

/* The versions of the resolution whose page is page ("x.html"), when it
 * has others; NULL otherwise. */
const struct elist *
versions_of_page(const struct site *st, const char *page)
{
	char	 stem[160];
	size_t	 n = strlen(page), i;

	if (n < 6 || n - 5 >= sizeof(stem) || strcmp(page + n - 5, ".html"))
		return NULL;
	memcpy(stem, page, n - 5);
	stem[n - 5] = '\0';
	return smap_get(&st->versioned, stem, &i) ? st->e[i].versions : NULL;
}
