/* site_index.c -- the site's own pages: the front page, one page per
 * body, its years (and the General Assembly's sessions) split into
 * pages of st->rows rows, the undated ("date unknown"), an Atom feed per
 * body, sitemap.xml and one search page per language.
 *
 * Names: index.html, index-ACTOR.html, index-ACTOR-YEAR[-K].html,
 * index-ACTOR-sN[-K].html, index-ACTOR-undated[-K].html, feed-ACTOR.xml,
 * sitemap.xml [sitemap-K.xml], search[-LANG].html; site.c keeps these
 * names from resolutions. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "site_int.h"
#include "versions.h"

#define XHTML_NS	"http://www.w3.org/1999/xhtml"

/* The sitemaps protocol's limit of URLs per file. */
#define SITEMAP_MAX	50000

/* A run of entries shown together: one year (or session) of one body. */
struct run {
	int		 body, key;	/* year (0: undated) or session */
	struct entry	**v;
	size_t		 n;
};

/* One page of a run. */
struct listing {
	const char	*kind;		/* "year", "session" */
	struct run	*runs;		/* every run of the body, for the nav */
	size_t		 nruns;
	const struct run *run;
	size_t		 page, npages;
};

static void
run_page(char *buf, size_t size, const char *kind, int body, int key,
    size_t page)
{
	const char	*actor = rp_body_actor((rp_body)body);
	char		 k[24];

	if (*kind == 's')
		snprintf(k, sizeof(k), "s%d", key);
	else if (key > 0)
		snprintf(k, sizeof(k), "%d", key);
	else
		snprintf(k, sizeof(k), "undated");
	if (page <= 1)
		snprintf(buf, size, "index-%s-%s.html", actor, k);
	else
		snprintf(buf, size, "index-%s-%s-%zu.html", actor, k, page);
}

static size_t
npages(const struct site *st, size_t n)
{
	return n == 0 ? 1 : (n + (size_t)st->rows - 1) / (size_t)st->rows;
}

/* ------------------------------------------------------- planning */


static int
run_add(struct run **runs, size_t *n, int body, int key, struct entry *e)
{
	struct run *r = *n > 0 ? &(*runs)[*n - 1] : NULL;

	if (r == NULL || r->body != body || r->key != key) {
		struct run *nr = realloc(*runs, (*n + 1) * sizeof(*nr));

		if (nr == NULL)
			return -1;
		*runs = nr;
		r = &nr[(*n)++];
		memset(r, 0, sizeof(*r));
		r->body = body;
		r->key = key;
	}
	if ((r->n & (r->n - 1)) == 0 || r->n == 0) {
		struct entry **v = realloc(r->v, (r->n ? r->n * 2 : 1) *
		    sizeof(*v));

		if (v == NULL)
			return -1;
		r->v = v;
	}
	r->v[r->n++] = e;
	return 0;
}

static int
by_session(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;

	if (x->body != y->body)
		return x->body - y->body;
	if (x->session != y->session)
		return x->session - y->session;
	return x < y ? -1 : x > y;	/* st->e order: by date */
}

static int
newest_first(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a;
	const struct entry *y = *(struct entry *const *)b;
	int c = strcmp(y->date, x->date);

	return c != 0 ? c : (x < y ? 1 : x > y ? -1 : 0);
}

/* Runs of years and sessions, and the page each entry is listed on
 * (st->e is sorted by body, year, date). */
int
index_plan(struct site *st)
{
	struct entry	**ses;
	size_t		  i, k, nses = 0;
	char		  name[96];

	if ((ses = calloc(st->n + 1, sizeof(*ses))) == NULL ||
	    (st->latest = calloc(st->n + 1, sizeof(*st->latest))) == NULL)
		return -1;
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->lead != e)	/* listed with its lead version */
			continue;
		if (run_add(&st->years, &st->nyears, e->body, e->year, e) != 0)
			return -1;
		if (e->session > 0 && e->body == RP_BODY_GA)
			ses[nses++] = e;
		if (e->date != NULL)
			st->latest[st->nlatest++] = e;
	}
	qsort(ses, nses, sizeof(*ses), by_session);
	for (i = 0; i < nses; i++)
		if (run_add(&st->sessions, &st->nsessions, ses[i]->body,
		    ses[i]->session, ses[i]) != 0)
			return -1;
	free(ses);
	qsort(st->latest, st->nlatest, sizeof(*st->latest), newest_first);
	for (i = 0; i < st->nyears; i++)
		for (k = 0; k < st->years[i].n; k++) {
			run_page(name, sizeof(name), "year", st->years[i].body,
			    st->years[i].key, k / (size_t)st->rows + 1);
			if ((st->years[i].v[k]->yearpage = xstrdup(name)) == NULL)
				return -1;
		}
	for (i = 0; i < st->n; i++)
		if (st->e[i].lead != &st->e[i] && (st->e[i].yearpage =
		    xstrdup(st->e[i].lead->yearpage)) == NULL)
			return -1;
	return 0;
}

/* ---------------------------------------------------- describing */

typedef void describe_fn(struct site *, struct sink *, void *);

static void
nav_link(struct sink *s, const char *href, const char *label,
    const char *key, size_t count, int current)
{
	sink_open(s, "a");
	sink_attr(s, "href", href);
	sink_attr(s, "label", label);
	sink_attr(s, "key", key);
	sink_int(s, "count", (int)count);
	if (current)
		sink_attr(s, "current", "page");
	sink_close(s);
}

/* Whether run r is shown on the page of run here: every run of the
 * body on the body's page (here NULL); on a year's (or session's) page
 * that one and the ones next to it, so that a year added or emptied
 * renders again the pages of the years beside it, not every year's
 * (the body's page, in the breadcrumb, links them all). */
static int
run_shown(const struct run *r, int body, const struct run *here)
{
	return r->body == body && (here == NULL || r == here ||
	    r + 1 == here || r == here + 1);
}

/* The body's years (or sessions), linked; the body's page gives their
 * counts, a year's page only the links, so that an input added, removed
 * or moved to another year renders again the pages it leaves and joins,
 * not every year's. */
static void
nav_runs(struct sink *s, const char *kind, const struct run *runs,
    size_t n, int body, const struct run *here)
{
	char	 name[96], label[32];
	size_t	 i, shown = 0;

	for (i = n; i-- > 0; ) {
		if (!run_shown(&runs[i], body, here))
			continue;
		if (shown++ == 0) {
			sink_open(s, "nav");
			sink_attr(s, "key", *kind == 's' ? "by-session" :
			    "by-year");
		}
		run_page(name, sizeof(name), kind, body, runs[i].key, 1);
		snprintf(label, sizeof(label), "%d", runs[i].key);
		nav_link(s, name, runs[i].key > 0 ? label : NULL,
		    runs[i].key > 0 ? NULL : "date-unknown",
		    here == NULL ? runs[i].n : 0, &runs[i] == here);
	}
	if (shown > 0)
		sink_close(s);
}

static void
rows(struct sink *s, struct entry *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ctx_row(s, v[i], "resolution");
		ctx_versions(s, v[i]);
		sink_close(s);
	}
}

static void
feed_link(struct site *st, struct sink *s, int body)
{
	char name[64];

	snprintf(name, sizeof(name), "feed-%s.xml",
	    rp_body_actor((rp_body)body));
	sink_open(s, "feed");
	sink_attr(s, "href", name);
	sink_attr(s, "title", body_name(st, body, NULL));
	sink_close(s);
}

static int
has_feed(const struct site *st, int body)
{
	size_t i;

	for (i = 0; i < st->nlatest; i++)
		if (st->latest[i]->body == body)
			return 1;
	return 0;
}

static void
describe_home(struct site *st, struct sink *s, void *arg)
{
	size_t n = st->nlatest < SITE_LATEST ? st->nlatest : SITE_LATEST;

	(void)arg;
	ctx_common(st, s, "home", NULL, NULL, -1);
	ctx_crumb(s, NULL, NULL, "home");
	sink_open(s, "rows");
	sink_attr(s, "key", "latest");
	rows(s, st->latest, n);
	sink_close(s);
	sink_close(s);
}

static void
describe_body(struct site *st, struct sink *s, void *arg)
{
	int		 body = *(int *)arg;
	struct entry	*v[SITE_LATEST];
	size_t		 i, n = 0;

	ctx_common(st, s, "body", body_name(st, body, NULL), NULL, body);
	ctx_crumb(s, "index.html", NULL, "home");
	ctx_crumb(s, NULL, body_name(st, body, NULL), NULL);
	if (has_feed(st, body))
		feed_link(st, s, body);
	nav_runs(s, "year", st->years, st->nyears, body, NULL);
	nav_runs(s, "session", st->sessions, st->nsessions, body, NULL);
	for (i = 0; i < st->nlatest && n < SITE_LATEST; i++)
		if (st->latest[i]->body == body)
			v[n++] = st->latest[i];
	sink_open(s, "rows");
	sink_attr(s, "key", "latest");
	rows(s, v, n);
	sink_close(s);
	sink_close(s);
}

static void
describe_listing(struct site *st, struct sink *s, void *arg)
{
	struct listing	*l = arg;
	const struct run *r = l->run;
	char		 name[96], label[48], body[64];
	size_t		 first = (l->page - 1) * (size_t)st->rows, k;

	ctx_common(st, s, l->kind, body_name(st, r->body, NULL), NULL,
	    RP_BODY__MAX);
	ctx_crumb(s, "index.html", NULL, "home");
	ctx_crumb(s, body_page(r->body, body, sizeof(body)),
	    body_name(st, r->body, NULL), NULL);
	snprintf(label, sizeof(label), "%d", r->key);
	ctx_crumb(s, NULL, r->key > 0 ? label : NULL, r->key > 0 ?
	    (*l->kind == 's' ? "session" : NULL) : "date-unknown");
	nav_runs(s, l->kind, l->runs, l->nruns, r->body, r);
	if (l->npages > 1) {
		sink_open(s, "nav");
		sink_attr(s, "key", "pages");
		for (k = 1; k <= l->npages; k++) {
			run_page(name, sizeof(name), l->kind, r->body, r->key,
			    k);
			snprintf(label, sizeof(label), "%zu", k);
			nav_link(s, name, label, NULL, 0, k == l->page);
		}
		sink_close(s);
	}
	sink_open(s, "rows");
	rows(s, r->v + first, r->n - first < (size_t)st->rows ?
	    r->n - first : (size_t)st->rows);
	sink_close(s);
	sink_close(s);
}

/* Render a page of the site's own from what describe says (hash: of
 * that, 0: not known yet), unless the previous run made it from the
 * same. */
static void
index_page(struct site *st, void *html, const char *name,
    describe_fn *describe, void *arg, uint64_t hash)
{
	struct sink s;

	if (hash == 0) {
		sink_init(&s, 0, st->build);
		describe(st, &s, arg);
		hash = s.hash;
	}
	if (cache_fresh(st, name, hash)) {
		cache_record(st, name, hash);
		st->kept++;
		return;
	}
	sink_init(&s, 1, st->build);
	if (s.doc == NULL) {
		st->status = 3;
		return;
	}
	describe(st, &s, arg);
	render_ctx(st, html, &s, name, hash);
}

/* One page of the site's own, as planned for site_each. */
struct index_item {
	char		 name[96];
	describe_fn	*describe;
	struct listing	 l;		/* describe_listing's */
	int		 body;		/* describe_body's */
	uint64_t	 hash;		/* of what it describes (item_stale) */
};

struct index_items {
	struct index_item *v;
	size_t		  n, cap;
};

static struct index_item *
item_add(struct index_items *it, const char *name, describe_fn *describe)
{
	struct index_item *i;

	if (it->n == it->cap) {
		size_t cap = it->cap ? it->cap * 2 : 64;

		if ((i = realloc(it->v, cap * sizeof(*i))) == NULL)
			return NULL;
		it->v = i;
		it->cap = cap;
	}
	i = memset(&it->v[it->n++], 0, sizeof(*i));
	snprintf(i->name, sizeof(i->name), "%s", name);
	i->describe = describe;
	return i;
}

static void *
item_arg(struct index_item *i)
{
	return i->describe == describe_listing ? (void *)&i->l :
	    i->describe == describe_body ? (void *)&i->body : NULL;
}

static int
listing_items(struct site *st, struct index_items *it, const char *kind,
    struct run *runs, size_t n)
{
	struct index_item	*item;
	char			 name[96];
	size_t			 i, page;

	for (i = 0; i < n; i++)
		for (page = 1; page <= npages(st, runs[i].n); page++) {
			run_page(name, sizeof(name), kind, runs[i].body,
			    runs[i].key, page);
			if ((item = item_add(it, name, describe_listing)) ==
			    NULL)
				return -1;
			item->l.kind = runs[i].key > 0 ? kind : "undated";
			item->l.runs = runs;
			item->l.nruns = n;
			item->l.run = &runs[i];
			item->l.npages = npages(st, runs[i].n);
			item->l.page = page;
		}
	return 0;
}

/* site_work: whether index page i must be rendered again. */
static int
item_stale(struct site *st, void *arg, size_t i)
{
	struct index_item	*item = &((struct index_items *)arg)->v[i];
	struct sink		 s;

	sink_init(&s, 0, st->build);
	item->describe(st, &s, item_arg(item));
	item->hash = s.hash;
	return !cache_fresh(st, item->name, s.hash);
}

static void
item_render(struct site *st, void *html, void *arg, size_t i)
{
	struct index_item *item = &((struct index_items *)arg)->v[i];

	index_page(st, html, item->name, item->describe, item_arg(item),
	    item->hash);
}

static const char *
item_name(struct site *st, void *arg, size_t i)
{
	(void)st;
	return ((struct index_items *)arg)->v[i].name;
}

/* The front page, each body's page, its years' and sessions' pages:
 * those that changed rendered on every core (site_each). */
void
index_pages(struct site *st, void *html)
{
	struct index_items	 it = { NULL, 0, 0 };
	struct site_work	 w = { 0, &it, item_stale, item_render,
	    item_name };
	struct index_item	*item;
	char			 name[64];
	int			 b, rc;

	rc = item_add(&it, "index.html", describe_home) == NULL;
	for (b = 0; b < RP_BODY__MAX && rc == 0; b++)
		if (st->bodies[b] > 0) {
			item = item_add(&it, body_page(b, name, sizeof(name)),
			    describe_body);
			if (item == NULL)
				rc = -1;
			else
				item->body = b;
		}
	if (rc != 0 || listing_items(st, &it, "year", st->years,
	    st->nyears) != 0 || listing_items(st, &it, "session",
	    st->sessions, st->nsessions) != 0 ||
	    (w.n = it.n, site_each(st, html, &w)) != 0)
		st->status = 3;
	free(it.v);
}

/* ---------------------------------------------------------- feeds */

static void
text_el(xmlNodePtr parent, const char *name, const char *text)
{
	xmlNewTextChild(parent, NULL, (const xmlChar *)name,
	    (const xmlChar *)text);
}

static void
url_of(struct site *st, rp_buf *b, const char *name)
{
	const char *base = rp_options_get(st->opt, "base-url", NULL);

	rp_buf_reset(b);
	if (base != NULL && *base != '\0')
		rp_buf_printf(b, "%s%s", base, base[strlen(base) - 1] == '/' ?
		    "" : "/");
	rp_buf_puts(b, name);
}

/* An Atom id: the page's URL when the site has one, else a name-based
 * UUID (RFC 9562 version 8) of the site and the page, stable across runs. */
static void
atom_id(struct site *st, rp_buf *b, const char *name)
{
	const char	*base = rp_options_get(st->opt, "base-url", NULL);
	const char	*site = rp_options_get(st->opt, "site-name", "");
	uint64_t	 h1, h2;

	if (base != NULL && *base != '\0') {
		url_of(st, b, name);
		return;
	}
	h1 = fnv(fnv(FNV_SEED, site, strlen(site) + 1), name, strlen(name));
	h2 = fnv(fnv(h1, name, strlen(name)), site, strlen(site));
	rp_buf_reset(b);
	rp_buf_printf(b, "urn:uuid:%08llx-%04llx-8%03llx-%04llx-%012llx",
	    (unsigned long long)(h1 >> 32),
	    (unsigned long long)((h1 >> 16) & 0xffff),
	    (unsigned long long)(h1 & 0xfff),
	    (unsigned long long)(0x8000 | ((h2 >> 48) & 0x3fff)),
	    (unsigned long long)(h2 & 0xffffffffffffULL));
}

static void
atom_link(xmlNodePtr parent, const char *rel, const char *type,
    const char *href)
{
	xmlNodePtr l = xmlNewChild(parent, NULL, (const xmlChar *)"link", NULL);

	xmlNewProp(l, (const xmlChar *)"rel", (const xmlChar *)rel);
	if (type != NULL)
		xmlNewProp(l, (const xmlChar *)"type", (const xmlChar *)type);
	xmlNewProp(l, (const xmlChar *)"href", (const xmlChar *)href);
}

static void
feed_entry(struct site *st, xmlNodePtr feed, const struct entry *e,
    rp_buf *b)
{
	xmlNodePtr	 x = xmlNewChild(feed, NULL, (const xmlChar *)"entry",
	    NULL);
	const char	*sym = e->symbol != NULL ? e->symbol : e->stem;
	char		 page[160];

	snprintf(page, sizeof(page), "%s.html", e->stem);
	atom_id(st, b, page);
	text_el(x, "id", b->data);
	rp_buf_reset(b);
	rp_buf_printf(b, "%s%s%s", sym, e->title != NULL ? ": " : "",
	    e->title != NULL ? e->title : "");
	text_el(x, "title", b->data);
	rp_buf_reset(b);
	rp_buf_printf(b, "%.10sT00:00:00Z", e->date);
	text_el(x, "updated", b->data);
	url_of(st, b, page);
	atom_link(x, "alternate", "text/html", b->data);
	if (e->subject != NULL)
		text_el(x, "summary", e->subject);
}

/* A date the feed can carry: YYYY-MM-DD. */
static int
full_date(const char *d)
{
	return d != NULL && strlen(d) >= 10 && d[4] == '-' && d[7] == '-';
}

static void
feed_write(struct site *st, int body)
{
	xmlDocPtr	 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr	 feed, author;
	const char	*site = rp_options_get(st->opt, "site-name", NULL);
	char		 name[64], index[64];
	rp_buf		 b;
	size_t		 i, n = 0;

	if (doc == NULL)
		return;
	rp_buf_init(&b);
	snprintf(name, sizeof(name), "feed-%s.xml",
	    rp_body_actor((rp_body)body));
	feed = xmlNewDocNode(doc, NULL, (const xmlChar *)"feed", NULL);
	xmlSetNs(feed, xmlNewNs(feed, (const xmlChar *)
	    "http://www.w3.org/2005/Atom", NULL));
	xmlDocSetRootElement(doc, feed);
	/* Its titles and names are in the site's language. */
	xmlNodeSetLang(feed, (const xmlChar *)version_tag(st->lang));
	atom_id(st, &b, name);
	text_el(feed, "id", b.data);
	rp_buf_reset(&b);
	rp_buf_printf(&b, "%s%s%s", site != NULL ? site : "",
	    site != NULL ? ": " : "", body_name(st, body, NULL));
	text_el(feed, "title", b.data);
	for (i = 0; i < st->nlatest && !full_date(st->latest[i]->date); i++)
		continue;
	rp_buf_reset(&b);
	rp_buf_printf(&b, "%.10sT00:00:00Z", i < st->nlatest ?
	    st->latest[i]->date : "1945-10-24");
	text_el(feed, "updated", b.data);
	author = xmlNewChild(feed, NULL, (const xmlChar *)"author", NULL);
	text_el(author, "name", body_name(st, body, NULL));
	url_of(st, &b, name);
	atom_link(feed, "self", "application/atom+xml", b.data);
	url_of(st, &b, body_page(body, index, sizeof(index)));
	atom_link(feed, "alternate", "text/html", b.data);
	text_el(feed, "generator", "respub");
	for (i = 0; i < st->nlatest && n < SITE_LATEST; i++)
		if (st->latest[i]->body == body && full_date(st->latest[i]->date)) {
			feed_entry(st, feed, st->latest[i], &b);
			n++;
		}
	put_xml(st, name, doc);
	cache_record(st, name, 0);
	rp_buf_free(&b);
	xmlFreeDoc(doc);
}

void
feeds_write(struct site *st)
{
	int b;

	for (b = 0; b < RP_BODY__MAX; b++)
		if (st->bodies[b] > 0 && has_feed(st, b))
			feed_write(st, b);
}

/* -------------------------------------------------------- sitemap */

#define SITEMAP_NS	"http://www.sitemaps.org/schemas/sitemap/0.9"

/* Written by hand, as libxml2 saved it (two spaces of indent a level). */
static void
sitemap_begin(rp_buf *out, const char *root)
{
	rp_buf_reset(out);
	rp_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<");
	rp_buf_puts(out, root);
	rp_buf_puts(out, " xmlns=\"" SITEMAP_NS "\"");
	/* A page's language versions (hreflang alternates). */
	if (strcmp(root, "urlset") == 0)
		rp_buf_puts(out, " xmlns:xhtml=\"" XHTML_NS "\"");
	rp_buf_puts(out, ">\n");
}

static void
sitemap_end(struct site *st, rp_buf *out, const char *root, const char *name)
{
	rp_buf_puts(out, "</");
	rp_buf_puts(out, root);
	rp_buf_puts(out, ">\n");
	put_file(st, name, out->data, out->len);
	cache_record(st, name, 0);
}

static void
sitemap_url(struct site *st, rp_buf *out, const char *el, const char *name,
    rp_buf *b)
{
	const struct elist	*v = versions_of_page(st, name);
	char			 page[160];
	size_t			 i;

	url_of(st, b, name);
	rp_buf_printf(out, "  <%s>\n    <loc>", el);
	xml_escape(out, b->data, 0);
	rp_buf_puts(out, "</loc>\n");
	for (i = 0; v != NULL && *el == 'u' && i < v->n; i++) {
		snprintf(page, sizeof(page), "%s.html", v->v[i]->stem);
		url_of(st, b, page);
		rp_buf_puts(out, "    <xhtml:link rel=\"alternate\" hreflang=\"");
		xml_escape(out, version_tag(v->v[i]->lang), 1);
		rp_buf_puts(out, "\" href=\"");
		xml_escape(out, b->data, 1);
		rp_buf_puts(out, "\"/>\n");
	}
	rp_buf_printf(out, "  </%s>\n", el);
}

static int
is_page(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".html") == 0;
}

/* Every page; locations are relative when there is no -V base-url (the
 * protocol asks for absolute ones: give base-url for crawlers).  Past
 * 50,000 pages, sitemap.xml is an index of sitemap-K.xml files. */
void
sitemap_write(struct site *st)
{
	rp_buf		 top, part, b;
	size_t		 i, pages = 0, k = 0, nn = st->nnew;
	const char	*root;
	char		 name[32];

	for (i = 0; i < nn; i++)
		pages += is_page(st->newnames[i]);
	root = pages > SITEMAP_MAX ? "sitemapindex" : "urlset";
	rp_buf_init(&top);
	rp_buf_init(&part);
	rp_buf_init(&b);
	sitemap_begin(&top, root);
	for (i = 0; i < nn; i++) {
		if (!is_page(st->newnames[i]))
			continue;
		if (pages <= SITEMAP_MAX) {
			sitemap_url(st, &top, "url", st->newnames[i], &b);
			continue;
		}
		if (k % SITEMAP_MAX == 0)
			sitemap_begin(&part, "urlset");
		sitemap_url(st, &part, "url", st->newnames[i], &b);
		if (++k % SITEMAP_MAX == 0 || k == pages) {
			snprintf(name, sizeof(name), "sitemap-%zu.xml",
			    (k + SITEMAP_MAX - 1) / SITEMAP_MAX);
			sitemap_end(st, &part, "urlset", name);
			sitemap_url(st, &top, "sitemap", name, &b);
		}
	}
	sitemap_end(st, &top, root, "sitemap.xml");
	rp_buf_free(&top);
	rp_buf_free(&part);
	rp_buf_free(&b);
}

/* ------------------------------------------------------- searching */

struct search_arg {
	size_t	 lang;		/* index into st->langs */
};

static void
search_name(const struct site *st, size_t i, char *buf, size_t size)
{
	if (i == 0)
		snprintf(buf, size, "search.html");
	else
		snprintf(buf, size, "search-%s.html", st->langs[i]);
}

static void
describe_search(struct site *st, struct sink *s, void *arg)
{
	size_t	 i, here = ((struct search_arg *)arg)->lang;
	char	 name[64], key[32];

	ctx_common(st, s, "search", NULL, st->langs[here], RP_BODY__MAX);
	ctx_crumb(s, "index.html", NULL, "home");
	ctx_crumb(s, NULL, NULL, "search");
	if (st->nlangs > 1) {
		sink_open(s, "nav");
		sink_attr(s, "key", "search-in");
		for (i = 0; i < st->nlangs; i++) {
			search_name(st, i, name, sizeof(name));
			snprintf(key, sizeof(key), "lang-%s", st->langs[i]);
			sink_open(s, "a");
			sink_attr(s, "href", name);
			sink_attr(s, "key", key);
			sink_attr(s, "lang", st->langs[i]);
			if (i == here)
				sink_attr(s, "current", "page");
			sink_close(s);
		}
		sink_close(s);
	}
	sink_close(s);
}

/* One search page per language: Pagefind keeps an index per language
 * and searches the one of the page it runs on. */
void
search_pages(struct site *st, void *html)
{
	struct search_arg	 a;
	char			 name[64];

	for (a.lang = 0; a.lang < st->nlangs; a.lang++) {
		search_name(st, a.lang, name, sizeof(name));
		index_page(st, html, name, describe_search, &a, 0);
	}
}

void
index_free(struct site *st)
{
	size_t i;

	for (i = 0; i < st->nyears; i++)
		free(st->years[i].v);
	for (i = 0; i < st->nsessions; i++)
		free(st->sessions[i].v);
	free(st->years);
	free(st->sessions);
	free(st->latest);
}
