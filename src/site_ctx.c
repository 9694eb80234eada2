/* site_ctx.c -- the small documents the stylesheet renders each page of
 * the site from (what the page shows of other resolutions: cited-by,
 * previous/next, breadcrumb, index rows), and catalog.xml.
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
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "cli.h"
#include "site.h"
#include "site_int.h"

/* ------------------------------------------------------------ maps */

/* FNV-1a's low bits, which pick the slot, mix little of the key (the
 * multiply carries only upwards): its high bits folded in, so that
 * names alike ("S-RES-1377-2001.html", "S-RES-1378-2001.html") do not
 * crowd into runs of slots. */
static uint64_t
str_hash(const char *s)
{
	uint64_t h = fnv(FNV_SEED, s, strlen(s));

	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	return h ^ (h >> 33);
}

/* The slot of key (of hash h): where it is, else the empty one where it
 * would go.  The hash is compared before the key. */
static struct smap_slot *
smap_slot(const struct smap *m, const char *key, uint64_t h)
{
	size_t i;

	for (i = (size_t)h & (m->cap - 1); m->v[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (m->v[i].hash == h && strcmp(m->v[i].key, key) == 0)
			break;
	return &m->v[i];
}

static int
smap_grow(struct smap *m)
{
	struct smap	 n;
	size_t		 i;

	n.cap = m->cap ? m->cap * 2 : 64;
	n.n = m->n;
	if ((n.v = calloc(n.cap, sizeof(*n.v))) == NULL)
		return -1;
	for (i = 0; i < m->cap; i++)
		if (m->v[i].key != NULL)
			*smap_slot(&n, m->v[i].key, m->v[i].hash) = m->v[i];
	smap_free(m);
	*m = n;
	return 0;
}

int
smap_put(struct smap *m, const char *key, size_t val)
{
	uint64_t	 h = str_hash(key);
	struct smap_slot *slot;

	if ((m->n + 1) * 2 > m->cap && smap_grow(m) != 0)
		return -1;
	slot = smap_slot(m, key, h);
	/* A key already there keeps its stored pointer. */
	if (slot->key == NULL) {
		slot->key = key;
		slot->hash = h;
		m->n++;
	}
	slot->val = val;
	return 0;
}

/* Room for n keys at once: no growing (and rehashing) on the way. */
int
smap_reserve(struct smap *m, size_t n)
{
	while ((n + 1) * 2 > m->cap)
		if (smap_grow(m) != 0)
			return -1;
	return 0;
}

int
smap_get(const struct smap *m, const char *key, size_t *val)
{
	const struct smap_slot *slot;

	if (m->cap == 0 || key == NULL)
		return 0;
	if ((slot = smap_slot(m, key, str_hash(key)))->key == NULL)
		return 0;
	*val = slot->val;
	return 1;
}

void
smap_free(struct smap *m)
{
	free(m->v);
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

/* s escaped as libxml2 saves it in an attribute (attr) or a text: the
 * site's own XML (catalog.xml, sitemap.xml) is written by hand, since
 * libxml2's writer was a fifth of a rebuild's time (an archive's
 * catalog.xml is tens of megabytes); byte for byte what it wrote. */
void
xml_escape(rp_buf *b, const char *s, int attr)
{
	const char	*run = s, *rep;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '\r': rep = "&#13;"; break;
		case '"': rep = attr ? "&quot;" : NULL; break;
		case '\n': rep = attr ? "&#10;" : NULL; break;
		case '\t': rep = attr ? "&#9;" : NULL; break;
		default: rep = NULL;
		}
		if (rep == NULL)
			continue;
		rp_buf_put(b, run, (size_t)(s - run));
		rp_buf_puts(b, rep);
		run = s + 1;
	}
	rp_buf_put(b, run, (size_t)(s - run));
}

/* The stream: one space of indent a level, the namespace declared last
 * on the root, as libxml2's writer has it. */
static void
stream_indent(struct sink *s)
{
	int i;

	for (i = 0; i < s->depth; i++)
		rp_buf_putc(s->out, ' ');
}

/* The open start tag ended, with "/>" when the element is empty. */
static void
stream_end_tag(struct sink *s, const char *end)
{
	if (!s->in_tag)
		return;
	if (s->depth <= 1)
		rp_buf_puts(s->out, " xmlns:s=\"" SITE_NS "\"");
	rp_buf_puts(s->out, end);
	s->in_tag = 0;
}

static void
stream_open(struct sink *s, const char *element)
{
	stream_end_tag(s, ">\n");
	stream_indent(s);
	rp_buf_puts(s->out, "<s:");
	rp_buf_puts(s->out, element);
	if (s->depth < SINK_DEPTH)
		s->open[s->depth] = element;
	s->depth++;
	s->in_tag = 1;
}

static void
stream_close(struct sink *s)
{
	int empty = s->in_tag;

	stream_end_tag(s, "/>\n");
	s->depth--;
	if (empty || s->depth >= SINK_DEPTH)
		return;
	stream_indent(s);
	rp_buf_puts(s->out, "</s:");
	rp_buf_puts(s->out, s->open[s->depth]);
	rp_buf_puts(s->out, ">\n");
}

/* A sink hashes what it is given, unless it streams it (catalog.xml is
 * written whole: its hash would be of no use). */
void
sink_open(struct sink *s, const char *element)
{
	if (s->out == NULL) {
		s->hash = fnv(s->hash, "<", 1);
		s->hash = fnv(s->hash, element, strlen(element) + 1);
	} else
		stream_open(s, element);
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
	if (s->out == NULL) {
		s->hash = fnv(s->hash, name, strlen(name) + 1);
		s->hash = fnv(s->hash, value, strlen(value) + 1);
	} else {
		rp_buf_putc(s->out, ' ');
		rp_buf_puts(s->out, name);
		rp_buf_puts(s->out, "=\"");
		xml_escape(s->out, value, 1);
		rp_buf_putc(s->out, '"');
	}
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
	if (s->out == NULL)
		s->hash = fnv(s->hash, ">", 1);
	else
		stream_close(s);
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

/* A body's name in lang (ISO 639-2; NULL: the site's) as the label
 * tables give it (org-un-ga...), else the Organization's. */
const char *
body_name(struct site *st, int body, const char *lang)
{
	char		 key[32];
	const char	*s;

	if (st->labels == NULL)
		return rp_body_name((rp_body)body);
	if (lang == NULL)
		lang = st->lang;
	snprintf(key, sizeof(key), "org-%s", rp_body_actor((rp_body)body));
	s = rp_labels_get(st->labels, lang, key);
	return *s != '\0' ? s : rp_labels_get(st->labels, lang, "organization");
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
 * its search pages.  lang NULL: the site's language. */
static void
ctx_root(struct site *st, struct sink *s, const char *kind,
    const char *title, const char *lang)
{
	sink_open(s, "site");
	sink_attr(s, "kind", kind);
	sink_attr(s, "name", rp_options_get(st->opt, "site-name", NULL));
	sink_attr(s, "title", title);
	sink_attr(s, "lang", lang != NULL ? lang : st->lang);
	if (st->pagefind != NULL)
		sink_attr(s, "search", "search.html");
}

/* The bodies, with the count of each (counted < 0) or of one body only
 * (a body's page: its own), or none (RP_BODY__MAX: a year's page, the
 * search): an input added or removed then changes the front page and its
 * body's page, not every body's, year's and search page. */
static void
ctx_bodies(struct site *st, struct sink *s, const char *lang, int counted)
{
	char	 page[64];
	int	 b;

	for (b = 0; b < RP_BODY__MAX; b++) {
		if (st->bodies[b] == 0)
			continue;
		sink_open(s, "body");
		sink_attr(s, "actor", rp_body_actor((rp_body)b));
		sink_attr(s, "name", body_name(st, b, lang));
		sink_attr(s, "page", body_page(b, page, sizeof(page)));
		if (counted < 0 || counted == b)
			sink_int(s, "count", st->bodies[b]);
		sink_close(s);
	}
}

void
ctx_common(struct site *st, struct sink *s, const char *kind,
    const char *title, const char *lang, int counted)
{
	ctx_root(st, s, kind, title, lang);
	ctx_bodies(st, s, lang, counted);
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

	/* In its own language (none: English, as add_lang counts it); not
	 * the bodies and their counts: a resolution's page does not show
	 * them, and an input added would make every page stale. */
	ctx_root(st, s, "resolution", NULL, e->lang ? e->lang : "eng");
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

/* --------------------------------------------------------- catalog */

static void
catalog_entry(struct sink *s, const struct entry *e)
{
	size_t	 k;

	ctx_row(s, e, "resolution");
	sink_attr(s, "number", e->number);
	sink_int(s, "year", e->year);
	sink_int(s, "session", e->session);
	sink_attr(s, "src", e->src);
	for (k = 0; k < e->ncites; k++) {
		sink_open(s, "cites");
		sink_attr(s, "symbol", e->cites[k]);
		sink_close(s);
	}
	sink_close(s);
}

/* Write what the stream holds to fd once it is a megabyte or more
 * (all of it: flush).  -1: a write failed. */
static int
stream_flush(rp_buf *b, int fd, int all)
{
	size_t	 done = 0;
	ssize_t	 n;

	if (!all && b->len < (1u << 20))
		return 0;
	while (done < b->len) {
		if ((n = write(fd, b->data + done, b->len - done)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		done += (size_t)n;
	}
	rp_buf_reset(b);
	return 0;
}

/* The previous run's catalog.xml, whose element of a resolution a
 * rebuild left alone (site_clean.c: its name, record and input as they
 * were) is copied, not made again.  Its elements come in the order of
 * the site, which moving or changing others does not change: each is
 * looked for from where the last was found.  NULL data: none to copy. */
struct old_catalog {
	void		*data;		/* mapped */
	size_t		 len;
	const char	*at, *end;
};

static void
old_catalog_open(struct old_catalog *old, const char *path)
{
	struct stat	 sb;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
	    (old->data = mmap(NULL, (size_t)sb.st_size, PROT_READ,
	    MAP_PRIVATE, fd, 0)) != MAP_FAILED) {
		old->len = (size_t)sb.st_size;
		old->at = old->data;
		old->end = old->at + old->len;
	} else
		old->data = NULL;
	close(fd);
}

#define CAT_ELEMENT	"\n <s:resolution page=\""

/* The element of e at or after old->at, into out; 0: not there (then
 * none is copied any more). */
static int
copy_element(struct old_catalog *old, const struct entry *e, rp_buf *out)
{
	const char	*p, *next;
	size_t		 el = sizeof(CAT_ELEMENT) - 1, n = strlen(e->stem);

	while (old->at != NULL && (p = memmem(old->at, (size_t)(old->end -
	    old->at), CAT_ELEMENT, el)) != NULL) {
		p++;
		if ((next = memmem(p, (size_t)(old->end - p), "\n <s:", 5)) ==
		    NULL && (next = memmem(p, (size_t)(old->end - p), "\n</s:",
		    5)) == NULL)
			break;
		old->at = next;
		if (strncmp(p + el - 1, e->stem, n) == 0 &&
		    strncmp(p + el - 1 + n, ".html\"", 6) == 0) {
			rp_buf_put(out, p, (size_t)(next + 1 - p));
			return 1;
		}
	}
	old->at = NULL;
	return 0;
}

/* catalog.xml: what the site holds, who cites whom, where each
 * resolution came from (for readers: rebuilds read catalog.tsv).
 * Streamed to the file: an archive's catalog is too large to hold. */
void
catalog_write(struct site *st)
{
	struct old_catalog	 old = { NULL, 0, NULL, NULL };
	struct sink		 s;
	rp_buf			 out;
	size_t			 i;
	int			 fd, ok, rc;

	if (st->marked)
		old_catalog_open(&old, st->catpath);
	if ((fd = cli_stream_begin(st->catpath)) < 0) {
		cli_say(st->catpath, RP_ERROR, NULL, "%s", strerror(errno));
		st->status = 3;
		if (old.data != NULL)
			munmap(old.data, old.len);
		return;
	}
	rp_buf_init(&out);
	sink_init(&s, 0, FNV_SEED);
	s.out = &out;
	rp_buf_puts(&out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	ctx_root(st, &s, "catalog", NULL, NULL);
	ctx_bodies(st, &s, NULL, -1);
	for (i = 0, ok = 1; i < st->n && ok; i++) {
		if (st->e[i].touched || !copy_element(&old, &st->e[i], &out))
			catalog_entry(&s, &st->e[i]);
		ok = stream_flush(&out, fd, 0) == 0;
	}
	if (old.data != NULL)
		munmap(old.data, old.len);
	sink_close(&s);
	ok = ok && stream_flush(&out, fd, 1) == 0;
	rp_buf_free(&out);
	if ((rc = cli_stream_end(st->catpath, fd, ok)) < 0) {
		cli_say(st->catpath, RP_ERROR, NULL, "%s", strerror(errno));
		st->status = 3;
	} else if (rc == 1)
		st->kept++;
	else
		st->written++;
}
