/* site_ctx.c -- the small documents the stylesheet renders each page of
 * the site from (what the page shows of other resolutions: cited-by,
 * previous/next, breadcrumb, index rows), and the cache that lets a
 * rebuild skip every page whose document and input have not changed.
 *
 * A page's document is described once, through a sink that either builds
 * it or only hashes it: the hash decides whether the page is rendered
 * again, so it cannot disagree with what the page is made from. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "cli.h"
#include "site.h"
#include "site_int.h"

/* ------------------------------------------------------------ maps */

static size_t
str_hash(const char *s)
{
	return (size_t)fnv(FNV_SEED, s, strlen(s));
}

static int
smap_grow(struct smap *m)
{
	struct smap	 n;
	size_t		 i;

	n.cap = m->cap ? m->cap * 2 : 64;
	n.n = 0;
	if ((n.keys = calloc(n.cap, sizeof(*n.keys))) == NULL ||
	    (n.vals = calloc(n.cap, sizeof(*n.vals))) == NULL) {
		free(n.keys);
		return -1;
	}
	for (i = 0; i < m->cap; i++)
		if (m->keys[i] != NULL)
			smap_put(&n, m->keys[i], m->vals[i]);
	smap_free(m);
	*m = n;
	return 0;
}

int
smap_put(struct smap *m, const char *key, size_t val)
{
	size_t i;

	if ((m->n + 1) * 2 > m->cap && smap_grow(m) != 0)
		return -1;
	for (i = str_hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			break;
	/* A key already there keeps its stored pointer. */
	if (m->keys[i] == NULL) {
		m->keys[i] = key;
		m->n++;
	}
	m->vals[i] = val;
	return 0;
}

int
smap_get(const struct smap *m, const char *key, size_t *val)
{
	size_t i;

	if (m->cap == 0 || key == NULL)
		return 0;
	for (i = str_hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0) {
			*val = m->vals[i];
			return 1;
		}
	return 0;
}

void
smap_free(struct smap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}

int
elist_add(struct elist *l, struct entry *e)
{
	if (l->n == l->cap) {
		size_t		 cap = l->cap ? l->cap * 2 : 4;
		struct entry	**v = realloc(l->v, cap * sizeof(*v));

		if (v == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = e;
	return 0;
}

/* ----------------------------------------------------------- sinks */

uint64_t
fnv(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	while (len-- > 0) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

void
sink_init(struct sink *s, int build, uint64_t seed)
{
	memset(s, 0, sizeof(*s));
	s->hash = seed;
	if (build)
		s->doc = xmlNewDoc((const xmlChar *)"1.0");
}

void
sink_open(struct sink *s, const char *element)
{
	s->hash = fnv(s->hash, "<", 1);
	s->hash = fnv(s->hash, element, strlen(element) + 1);
	if (s->w != NULL)
		xmlTextWriterStartElementNS(s->w, (const xmlChar *)"s",
		    (const xmlChar *)element, s->depth++ == 0 ?
		    (const xmlChar *)SITE_NS : NULL);
	if (s->doc == NULL)
		return;
	if (s->cur == NULL) {
		s->cur = xmlNewDocNode(s->doc, NULL, (const xmlChar *)element,
		    NULL);
		s->ns = xmlNewNs(s->cur, (const xmlChar *)SITE_NS,
		    (const xmlChar *)"s");
		xmlSetNs(s->cur, s->ns);
		xmlDocSetRootElement(s->doc, s->cur);
	} else
		s->cur = xmlNewChild(s->cur, s->ns, (const xmlChar *)element,
		    NULL);
}

void
sink_attr(struct sink *s, const char *name, const char *value)
{
	if (value == NULL)
		return;
	s->hash = fnv(s->hash, name, strlen(name) + 1);
	s->hash = fnv(s->hash, value, strlen(value) + 1);
	if (s->w != NULL)
		xmlTextWriterWriteAttribute(s->w, (const xmlChar *)name,
		    (const xmlChar *)value);
	if (s->cur != NULL)
		xmlNewProp(s->cur, (const xmlChar *)name,
		    (const xmlChar *)value);
}

void
sink_int(struct sink *s, const char *name, int value)
{
	char tmp[16];

	if (value > 0) {
		snprintf(tmp, sizeof(tmp), "%d", value);
		sink_attr(s, name, tmp);
	}
}

void
sink_close(struct sink *s)
{
	s->hash = fnv(s->hash, ">", 1);
	if (s->w != NULL) {
		xmlTextWriterEndElement(s->w);
		s->depth--;
	}
	if (s->cur != NULL && s->cur->parent != NULL &&
	    s->cur->parent->type == XML_ELEMENT_NODE)
		s->cur = s->cur->parent;
}

/* -------------------------------------------------- page documents */

const struct extra site_extras[NEXTRAS] = {
	{ RP_FORMAT_AKN, "XML", "application/akn+xml" },
	{ RP_FORMAT_MD, "Markdown", "text/markdown" },
	{ RP_FORMAT_PDF, "PDF", "application/pdf" },
};

const char *
body_page(int body, char *buf, size_t size)
{
	snprintf(buf, size, "index-%s.html", rp_body_actor((rp_body)body));
	return buf;
}

static void
page_attr(struct sink *s, const char *stem)
{
	char page[160];

	if (stem == NULL)	/* an entry not yet named: entry_record */
		return;
	snprintf(page, sizeof(page), "%s.html", stem);
	sink_attr(s, "page", page);
}

/* The root and what every page of the site shows: its name, its bodies,
 * its search pages. */
static void
ctx_root(struct site *st, struct sink *s, const char *kind,
    const char *title, const char *lang)
{
	sink_open(s, "site");
	sink_attr(s, "kind", kind);
	sink_attr(s, "name", rp_options_get(st->opt, "site-name", NULL));
	sink_attr(s, "title", title);
	sink_attr(s, "lang", lang);
	if (st->pagefind != NULL)
		sink_attr(s, "search", "search.html");
}

static void
ctx_bodies(struct site *st, struct sink *s)
{
	char	 page[64];
	int	 b;

	for (b = 0; b < RP_BODY__MAX; b++) {
		if (st->bodies[b] == 0)
			continue;
		sink_open(s, "body");
		sink_attr(s, "actor", rp_body_actor((rp_body)b));
		sink_attr(s, "name", rp_body_name((rp_body)b));
		sink_attr(s, "page", body_page(b, page, sizeof(page)));
		sink_int(s, "count", st->bodies[b]);
		sink_close(s);
	}
}

void
ctx_common(struct site *st, struct sink *s, const char *kind,
    const char *title, const char *lang)
{
	ctx_root(st, s, kind, title, lang);
	ctx_bodies(st, s);
}

void
ctx_crumb(struct sink *s, const char *href, const char *label,
    const char *key)
{
	sink_open(s, "crumb");
	sink_attr(s, "href", href);
	sink_attr(s, "label", label);
	sink_attr(s, "key", key);
	sink_close(s);
}

/* site > body > year, the year linking the index page that lists e. */
void
ctx_year_crumb(struct sink *s, const struct entry *e)
{
	char page[64], year[16];

	ctx_crumb(s, "index.html", NULL, "home");
	/* The body by its name in the page's language where the strings
	 * have it (org-un-ga...), else in the site's. */
	sink_open(s, "crumb");
	sink_attr(s, "href", body_page(e->body, page, sizeof(page)));
	sink_attr(s, "label", rp_body_name((rp_body)e->body));
	sink_attr(s, "org", rp_body_actor((rp_body)e->body));
	sink_close(s);
	snprintf(year, sizeof(year), "%d", e->year);
	ctx_crumb(s, e->yearpage, e->year > 0 ? year : NULL,
	    e->year > 0 ? NULL : "date-unknown");
}

void
ctx_row(struct sink *s, const struct entry *e, const char *element)
{
	sink_open(s, element);
	page_attr(s, e->stem);
	sink_attr(s, "symbol", e->symbol);
	/* What links to it say: its symbol, else its name. */
	sink_attr(s, "label", e->symbol != NULL ? e->symbol : e->stem);
	sink_attr(s, "actor", rp_body_actor((rp_body)e->body));
	sink_attr(s, "body", rp_body_name((rp_body)e->body));
	sink_attr(s, "date", e->date);
	sink_attr(s, "lang", e->lang);
	sink_attr(s, "title", e->title);
	sink_attr(s, "subject", e->subject);
	sink_attr(s, "subject-from", e->subject_from);
}

static void
link_to(struct sink *s, const char *element, const struct entry *e)
{
	if (e == NULL)
		return;
	sink_open(s, element);
	page_attr(s, e->stem);
	sink_attr(s, "label", e->symbol != NULL ? e->symbol : e->stem);
	sink_close(s);
}

static const struct elist *
slot_of(const struct site *st, const struct elist *lists, const char *sym)
{
	size_t k;

	return smap_get(&st->bysym, sym, &k) ? &lists[k] : NULL;
}

/* Who cites e (each with the one citation the stylesheet looks for),
 * and where the symbols e cites are on the site. */
static void
ctx_links(struct site *st, const struct entry *e, struct sink *s)
{
	const struct elist	*l;
	size_t			 i, k;

	if (e->symbol != NULL && (l = slot_of(st, st->citers,
	    e->symbol)) != NULL)
		for (i = 0; i < l->n; i++) {
			if (l->v[i] == e)
				continue;
			ctx_row(s, l->v[i], "resolution");
			sink_open(s, "cites");
			sink_attr(s, "symbol", e->symbol);
			sink_close(s);
			sink_close(s);
		}
	for (k = 0; k < e->ncites; k++) {
		if ((l = slot_of(st, st->holders, e->cites[k])) == NULL)
			continue;
		for (i = 0; i < l->n; i++) {
			sink_open(s, "resolution");
			page_attr(s, l->v[i]->stem);
			sink_attr(s, "symbol", l->v[i]->symbol);
			sink_attr(s, "lang", l->v[i]->lang);
			sink_close(s);
		}
	}
}

/* The document a resolution's page is rendered with (the stylesheet's
 * $catalog). */
void
ctx_resolution(struct site *st, const struct entry *e, struct sink *s)
{
	char	 name[160];
	size_t	 k;

	ctx_common(st, s, "resolution", NULL, NULL);
	ctx_year_crumb(s, e);
	ctx_row(s, e, "resolution");
	sink_attr(s, "parallel", parallel_name(st, e, name, sizeof(name)));
	for (k = 0; k < NEXTRAS; k++) {
		if (st->w[k] == NULL)
			continue;
		snprintf(name, sizeof(name), "%s.%s", e->stem,
		    rp_format_ext(site_extras[k].fmt));
		sink_open(s, "file");
		sink_attr(s, "href", name);
		sink_attr(s, "label", site_extras[k].label);
		sink_attr(s, "type", site_extras[k].type);
		sink_close(s);
	}
	ctx_versions(s, e);
	sink_close(s);
	link_to(s, "prev", e->prev);
	link_to(s, "next", e->next);
	ctx_links(st, e, s);
	sink_close(s);
}

/* What a page written alone shows of the run that wrote it. */
xmlDocPtr
page_doc(const char *name, const int *formats, size_t n,
    const struct page_version *v, size_t nv, const char *parallel)
{
	struct sink	 s;
	char		 file[PATH_MAX];
	size_t		 i, k;

	sink_init(&s, 1, FNV_SEED);
	sink_open(&s, "site");
	sink_attr(&s, "kind", "page");
	sink_open(&s, "resolution");
	snprintf(file, sizeof(file), "%s.html", name);
	sink_attr(&s, "page", file);
	sink_attr(&s, "parallel", parallel);
	for (i = 0; i < n; i++)
		for (k = 0; k < NEXTRAS; k++) {
			if ((int)site_extras[k].fmt != formats[i])
				continue;
			snprintf(file, sizeof(file), "%s.%s", name,
			    rp_format_ext(site_extras[k].fmt));
			sink_open(&s, "file");
			sink_attr(&s, "href", file);
			sink_attr(&s, "label", site_extras[k].label);
			sink_attr(&s, "type", site_extras[k].type);
			sink_close(&s);
		}
	for (i = 0; nv > 1 && i < nv; i++) {
		sink_open(&s, "version");
		sink_attr(&s, "page", v[i].page);
		sink_attr(&s, "lang", v[i].lang);
		snprintf(file, sizeof(file), "%s.html", name);
		if (strcmp(v[i].page, file) == 0)
			sink_attr(&s, "current", "yes");
		sink_close(&s);
	}
	sink_close(&s);
	sink_close(&s);
	return s.doc;
}

/* ---------------------------------------------------------- cache */

static long long
attr_ll(xmlNodePtr n, const char *name)
{
	xmlChar		*v = xmlGetProp(n, (const xmlChar *)name);
	long long	 x = v != NULL ? strtoll((const char *)v, NULL, 10) : -1;

	xmlFree(v);
	return x;
}

static int
attr_str(xmlNodePtr n, const char *name, char **dst)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);

	if (v == NULL)
		return 0;
	*dst = xstrdup((const char *)v);
	xmlFree(v);
	return *dst == NULL ? -1 : 0;
}

static int
is_el(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(n->name, (const xmlChar *)name);
}

/* Double the room of one array, or of two side by side (b may be
 * NULL), of *cap elements of size each. */
static int
grow2(void **a, void **b, size_t size, size_t *cap)
{
	size_t	 n = *cap ? *cap * 2 : 256;
	void	*na, *nb;

	if ((na = realloc(*a, n * size)) == NULL)
		return -1;
	*a = na;
	if (b != NULL) {
		if ((nb = realloc(*b, n * size)) == NULL)
			return -1;
		*b = nb;
	}
	*cap = n;
	return 0;
}

/* Nothing of the previous run: a catalog not to be trusted. */
static void
cache_forget(struct site *st, struct cache *c)
{
	size_t i;

	cache_free(c);
	for (i = 0; i < st->noldbuilt; i++) {
		free(st->oldnames[i]);
		free(st->olddeps[i]);
	}
	st->noldbuilt = 0;
	smap_free(&st->oldbuilt);
	memset(&st->oldbuilt, 0, sizeof(st->oldbuilt));
}

void
cache_free(struct cache *c)
{
	size_t i;

	smap_free(&c->bysrc);
	for (i = 0; i < c->n; i++)
		entry_free(&c->e[i]);
	free(c->e);
	memset(c, 0, sizeof(*c));
}

/* One <built> of the previous catalog: a file and what it was made from. */
static int
old_built(struct site *st, xmlTextReaderPtr r, size_t *cap)
{
	xmlChar	*name = xmlTextReaderGetAttribute(r, BAD_CAST "name");
	xmlChar	*deps = xmlTextReaderGetAttribute(r, BAD_CAST "deps");
	size_t	 k = st->noldbuilt;
	int	 rc = 0;

	if (name == NULL || deps == NULL)
		goto done;
	rc = -1;
	if (k == *cap && grow2((void **)&st->oldnames, (void **)&st->olddeps,
	    sizeof(char *), cap) != 0)
		goto done;
	if ((st->oldnames[k] = xstrdup((const char *)name)) == NULL)
		goto done;
	if ((st->olddeps[k] = xstrdup((const char *)deps)) == NULL) {
		free(st->oldnames[k]);
		goto done;
	}
	st->noldbuilt++;
	rc = smap_put(&st->oldbuilt, st->oldnames[k], k);
done:
	xmlFree(name);
	xmlFree(deps);
	return rc;
}

/* One <resolution> of the previous catalog, whole (the reader's subtree):
 * its entry, found again by input path.  1: the subtree does not parse. */
static int
old_resolution(struct cache *c, xmlTextReaderPtr r)
{
	xmlNodePtr	 n = xmlTextReaderExpand(r);
	struct entry	*e;

	if (n == NULL)
		return 1;
	if (c->n == c->cap && grow2((void **)&c->e, NULL, sizeof(*c->e),
	    &c->cap) != 0)
		return -1;
	e = memset(&c->e[c->n], 0, sizeof(*c->e));
	e->size = attr_ll(n, "size");
	e->mtime = attr_ll(n, "mtime");
	if (attr_str(n, "src", &e->src) != 0 || cache_take(e, n) != 0) {
		entry_free(e);
		return -1;
	}
	if (e->src == NULL) {
		entry_free(e);
		return 0;
	}
	c->n++;
	return smap_put(&c->bysrc, e->src, c->n - 1);
}

/* The previous run's catalog.xml, read as a stream (an archive's catalog
 * is too large to hold as a tree): its resolutions by input path, its
 * files by name with what they were made from.  A catalog that does not
 * read to its end, or has no build hash, is not used. */
int
cache_load(struct site *st, struct cache *c)
{
	xmlTextReaderPtr r;
	size_t		 cap = 0;
	int		 ret, rc = 0, used = 1;

	memset(c, 0, sizeof(*c));
	if ((r = xmlReaderForFile(st->catpath, NULL, XML_PARSE_NONET |
	    XML_PARSE_HUGE | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)) == NULL)
		return 0;
	ret = xmlTextReaderRead(r);
	while (ret == 1 && rc == 0 && used) {
		const char *name = (const char *)xmlTextReaderConstLocalName(r);
		int depth = xmlTextReaderDepth(r);

		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT ||
		    name == NULL || depth > 1) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		if (depth == 0) {
			xmlChar *build = xmlTextReaderGetAttribute(r,
			    BAD_CAST "build");

			used = build != NULL;
			xmlFree(build);
		} else if (strcmp(name, "resolution") == 0) {
			rc = old_resolution(c, r);
			ret = xmlTextReaderNext(r);
			continue;
		} else if (strcmp(name, "built") == 0)
			rc = old_built(st, r, &cap);
		ret = xmlTextReaderRead(r);
	}
	xmlFreeTextReader(r);
	if (rc > 0 || (rc == 0 && (ret != 0 || !used)))
		cache_forget(st, c);
	return rc < 0 ? -1 : 0;
}

/* An entry from its node of the previous catalog. */
int
cache_take(struct entry *e, xmlNodePtr n)
{
	xmlNodePtr	 c;
	char		*from = NULL;

	xmlChar		*actor = xmlGetProp(n, (const xmlChar *)"actor");
	int		 b;

	for (b = 0; b < RP_BODY__MAX && actor != NULL; b++)
		if (strcmp((const char *)actor, rp_body_actor((rp_body)b)) == 0)
			e->body = b;
	xmlFree(actor);
	e->year = (int)attr_ll(n, "year");
	e->session = (int)attr_ll(n, "session");
	e->year = e->year < 0 ? 0 : e->year;
	e->session = e->session < 0 ? 0 : e->session;
	if (attr_str(n, "symbol", &e->symbol) != 0 ||
	    attr_str(n, "lang", &e->lang) != 0 ||
	    attr_str(n, "number", &e->number) != 0 ||
	    attr_str(n, "date", &e->date) != 0 ||
	    attr_str(n, "title", &e->title) != 0 ||
	    attr_str(n, "subject", &e->subject) != 0 ||
	    attr_str(n, "subject-from", &from) != 0)
		return -1;
	if (from != NULL)
		e->subject_from = strcmp(from, "agenda") == 0 ? "agenda" :
		    "text";
	free(from);
	for (c = n->children; c != NULL; c = c->next) {
		char *sym = NULL, **nc;

		if (!is_el(c, "cites") || attr_str(c, "symbol", &sym) != 0 ||
		    sym == NULL)
			continue;
		if ((nc = realloc(e->cites, (e->ncites + 1) *
		    sizeof(*nc))) == NULL) {
			free(sym);
			return -1;
		}
		e->cites = nc;
		e->cites[e->ncites++] = sym;
	}
	return 0;
}

/* Whether name is on disk as made from deps in the previous run. */
int
cache_fresh(struct site *st, const char *name, uint64_t deps)
{
	char		 hex[24], *path;
	size_t		 k;
	struct stat	 sb;
	int		 ok;

	snprintf(hex, sizeof(hex), "%016llx", (unsigned long long)deps);
	if (!smap_get(&st->oldbuilt, name, &k) ||
	    strcmp(st->olddeps[k], hex) != 0 ||
	    (path = cli_join(st->outdir, name, NULL)) == NULL)
		return 0;
	ok = stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
	free(path);
	return ok;
}

void
cache_record(struct site *st, const char *name, uint64_t deps)
{
	if (st->nnew == st->newcap) {
		size_t		 cap = st->newcap ? st->newcap * 2 : 256;
		char		**nn = realloc(st->newnames, cap * sizeof(*nn));
		uint64_t	 *nd;

		if (nn == NULL)
			goto oom;
		st->newnames = nn;
		if ((nd = realloc(st->newdeps, cap * sizeof(*nd))) == NULL)
			goto oom;
		st->newdeps = nd;
		st->newcap = cap;
	}
	if ((st->newnames[st->nnew] = xstrdup(name)) == NULL)
		goto oom;
	st->newdeps[st->nnew++] = deps;
	return;
oom:
	st->status = 3;
}

/* Files of the previous run that this run did not make (inputs no
 * longer given, years no longer listed) are removed: the site holds what
 * its inputs make, nothing else. */
void
cache_prune(struct site *st)
{
	struct smap	 now;
	size_t		 i, k;

	memset(&now, 0, sizeof(now));
	for (i = 0; i < st->nnew; i++)
		if (smap_put(&now, st->newnames[i], i) != 0) {
			smap_free(&now);
			return;
		}
	smap_put(&now, "catalog.xml", 0);
	for (i = 0; i < st->noldbuilt; i++) {
		char *path;

		if (smap_get(&now, st->oldnames[i], &k) ||
		    (path = cli_join(st->outdir, st->oldnames[i], NULL)) == NULL)
			continue;
		if (unlink(path) == 0 && !st->quiet)
			cli_say(path, RP_INFO, "removed", "removed (no input "
			    "makes it now)");
		else if (errno != ENOENT && !st->quiet)
			cli_say(path, RP_ERROR, NULL, "%s", strerror(errno));
		free(path);
	}
	smap_free(&now);
}

static void
catalog_entry(struct sink *s, const struct entry *e)
{
	char	 tmp[32];
	size_t	 k;

	ctx_row(s, e, "resolution");
	sink_attr(s, "number", e->number);
	sink_int(s, "year", e->year);
	sink_int(s, "session", e->session);
	sink_attr(s, "src", e->src);
	snprintf(tmp, sizeof(tmp), "%lld", e->size);
	sink_attr(s, "size", tmp);
	snprintf(tmp, sizeof(tmp), "%lld", e->mtime);
	sink_attr(s, "mtime", tmp);
	for (k = 0; k < e->ncites; k++) {
		sink_open(s, "cites");
		sink_attr(s, "symbol", e->cites[k]);
		sink_close(s);
	}
	sink_close(s);
}

/* A sink that streams XML through w (NULL: out of memory). */
static int
stream_begin(struct sink *s, xmlTextWriterPtr w)
{
	sink_init(s, 0, FNV_SEED);
	return (s->w = w) == NULL || xmlTextWriterSetIndent(s->w, 1) != 0 ||
	    xmlTextWriterStartDocument(s->w, NULL, "UTF-8", NULL) < 0 ? -1 : 0;
}

/* An entry as catalog.xml holds it, which cache_take reads back: how a
 * worker hands over what it read of an input (site_jobs.c). */
int
entry_record(const struct entry *e, rp_buf *out)
{
	struct sink	 s;
	xmlBufferPtr	 buf = NULL;
	int		 rc = -1;

	sink_init(&s, 0, FNV_SEED);
	if ((buf = xmlBufferCreate()) != NULL &&
	    stream_begin(&s, xmlNewTextWriterMemory(buf, 0)) == 0) {
		catalog_entry(&s, e);
		if (xmlTextWriterEndDocument(s.w) >= 0) {
			rp_buf_put(out, (const char *)xmlBufferContent(buf),
			    (size_t)xmlBufferLength(buf));
			rc = 0;
		}
	}
	if (s.w != NULL)
		xmlFreeTextWriter(s.w);
	if (buf != NULL)
		xmlBufferFree(buf);
	return rc;
}

/* The entry of entry_record's bytes; -1 when they do not parse. */
int
entry_parse(struct entry *e, const char *data, size_t len)
{
	xmlDocPtr	 doc;
	xmlNodePtr	 root;
	int		 rc = -1;

	if (len > INT_MAX || (doc = xmlReadMemory(data, (int)len, NULL,
	    "UTF-8", XML_PARSE_NONET | XML_PARSE_HUGE | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING)) == NULL)
		return -1;
	if ((root = xmlDocGetRootElement(doc)) != NULL)
		rc = cache_take(e, root);
	xmlFreeDoc(doc);
	return rc;
}

/* The catalog's contents (see catalog_write). */
static void
catalog_body(struct site *st, struct sink *s)
{
	char	 tmp[32];
	size_t	 i;

	ctx_root(st, s, "catalog", NULL, NULL);
	snprintf(tmp, sizeof(tmp), "%016llx", (unsigned long long)st->build);
	sink_attr(s, "build", tmp);
	ctx_bodies(st, s);
	for (i = 0; i < st->n; i++)
		catalog_entry(s, &st->e[i]);
	for (i = 0; i < st->nnew; i++) {
		snprintf(tmp, sizeof(tmp), "%016llx",
		    (unsigned long long)st->newdeps[i]);
		sink_open(s, "built");
		sink_attr(s, "name", st->newnames[i]);
		sink_attr(s, "deps", tmp);
		sink_close(s);
	}
}

/* catalog.xml: what the site holds and who cites whom, and for the next
 * run where each resolution came from and what each file was made of.
 * Streamed to the file: an archive's catalog is too large to hold. */
void
catalog_write(struct site *st)
{
	struct sink		 s;
	xmlOutputBufferPtr	 out = NULL;
	int			 fd, ok = 0, rc;

	sink_init(&s, 0, FNV_SEED);
	if ((fd = cli_stream_begin(st->catpath)) < 0 ||
	    (out = xmlOutputBufferCreateFd(fd, NULL)) == NULL)
		goto fail;
	if (stream_begin(&s, xmlNewTextWriter(out)) == 0) {
		catalog_body(st, &s);
		ok = xmlTextWriterEndDocument(s.w) >= 0 &&
		    xmlTextWriterFlush(s.w) >= 0;
	}
	if (s.w != NULL)
		xmlFreeTextWriter(s.w);		/* and out */
	else
		xmlOutputBufferClose(out);
	if ((rc = cli_stream_end(st->catpath, fd, ok)) < 0)
		goto fail;
	if (rc == 1)
		st->kept++;
	else
		st->written++;
	return;
fail:
	if (fd >= 0 && out == NULL)
		cli_stream_end(st->catpath, fd, 0);
	cli_say(st->catpath, RP_ERROR, NULL, "%s", strerror(errno));
	st->status = 3;
}
