/* write_akn.c -- the document model as Akoma Ntoso 3.0 XML (OASIS
 * LegalDocML, OS 2018), following the AKN4UN guidelines for resolutions
 * (see docs/AKN.md for every mapping decision).  The tree is built in
 * the writer's arena (xnode.h) and escaped as it is written out, so the
 * output is well-formed by construction; tests/t_akn.sh validates it
 * against the schema. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <libxml/hash.h>

#include "backend.h"
#include "lang.h"
#include "map.h"
#include "utf8.h"
#include "write_akn.h"
#include "xnode.h"

/* A footnote already written as an authorialNote. */
struct fnote {
	const rp_node	*fn;
	const char	*eid;
};

/* A DOCUMENT already started, with the eId prefix of its contents. */
struct docpfx {
	const rp_node	*node;
	const char	*base;
};

/* One run of the writer over one model. */
struct w {
	rp_doc		*doc;
	rp_arena	 arena;	/* the tree and its strings */
	rp_map		 ids;	/* every eId in the file: they must be unique */
	rp_map		 nextid;	/* where want_2, want_3... stopped */
	rp_map		 noted;		/* FOOTNOTE pointer -> notes + 1 */
	xmlHashTablePtr	 tlc;	/* TLC href -> eId, declared once per file */
	xmlHashTablePtr	 dates;	/* "actor/number" -> adoption date known */
	struct fnote	*notes;
	size_t		 nnotes, capnotes;
	struct docpfx	*docs;
	size_t		 ndocs, capdocs;
	const char	*mdate;	/* manifestation date, or NULL */
};

/* The DOCUMENT being written. */
struct d {
	struct w	*w;
	const rp_node	*node;
	const rp_meta	*m;
	const char	*base;		/* "" or "att_1": eId prefix */
	const char	*work;		/* Work IRI */
	const char	*comp;		/* "!main", "!annex_1",
					   "!annex_1/!appendix_1" */
	int		 appendix;	/* an annex's own annex */
	const char	*actor;
	const char	*date, *datename;	/* FRBRdate */
	const char	*iri_date;	/* the date in IRIs: NULL if unknown */
	const char	*lang;
	const char	*meeting;	/* TLCEvent eId, or NULL */
	xnode		*refs;
	int		 hier;	/* a foreign document's structure written
				   back: LEVELS_ACT...; else 0 */
	/* The preface's open container and its group: one <preface> holds
	 * every PREFACE node, so a line with no group of its own goes on
	 * in the container before it, as it is read back. */
	xnode		*pbox;
	const char	*pgroup;
};

/* The body of a document, by d->hier: an act's levels, a portion's, a
 * debate's or a judgment's units. */
enum { LEVELS_ACT = 1, LEVELS_PORTION, LEVELS_DEBATE, LEVELS_JUDGMENT,
	LEVELS_COLLECTION, LEVELS_AMENDMENT };
static const char *const body_element[] = { "mainBody", "body",
	"portionBody", "debateBody", "judgmentBody", "collectionBody",
	"amendmentBody" };

/* Counters of the children of one parent, for positional eIds. */
struct seq {
	int	list, bc, cont, formula, para, hc, item, unnumbered, unit;
};

/* Marked substrings of the preface and conclusions: the first
 * occurrence of needle in a block's text becomes <el attr=val>. */
struct mark {
	const char	*needle, *el, *attr, *val;
	int		 done;
	const char	*attr2, *val2;
};

/* How inlines are written in one block. */
struct ictx {
	struct d	*d;
	int		 docdate;	/* DATE as <docDate> (preface, conclusions) */
	struct mark	*marks;
	int		 nmarks;
	int		 own;		/* the document's own number: <docNumber> */
};

static void	block(struct d *, xnode *, const rp_node *, const char *,
		    struct seq *);
static void	inlines(struct ictx *, xnode *, const rp_node *);
static int	unit(struct d *, xnode *, const rp_node *, const char *,
		    struct seq *);
static xnode	*document(struct w *, xnode *, const rp_node *,
		    const struct d *, int, const char *);

const char *
rp_akn_vote_class(int kind)
{
	static const char *const c[] = { "votesFor", "votesAgainst",
	    "votesAbstain" };

	return kind >= 0 && kind < 3 ? c[kind] : "votes";
}

static char *
wfmt(struct w *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The decimal digits of v, written back from end: where they start. */
static char *
decimal(char *end, int v)
{
	unsigned int	 u = v < 0 ? 0U - (unsigned int)v : (unsigned int)v;
	char		*p = end;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	return p;
}

/*
 * fmt formatted into buf if it holds only text, %s and %d (the eIds and
 * IRIs that are most calls), by hand: vsnprintf takes some ten times
 * longer.  The length, or -1 for any other format or if buf is short.
 */
static int
fmt_plain(char *buf, size_t size, const char *fmt, va_list ap)
{
	char		 num[24];
	const char	*s;
	size_t		 n = 0, k;

	for (; *fmt != '\0'; fmt++) {
		if (*fmt != '%') {
			s = fmt;
			k = 1;
		} else if (*++fmt == 's') {
			s = va_arg(ap, const char *);
			k = strlen(s);
		} else if (*fmt == 'd') {
			s = decimal(num + sizeof(num), va_arg(ap, int));
			k = (size_t)(num + sizeof(num) - s);
		} else
			return -1;
		if (n + k >= size)
			return -1;
		memcpy(buf + n, s, k);
		n += k;
	}
	buf[n] = '\0';
	return (int)n;
}

/* Formatted into the arena: through a buffer on the stack, so that most
 * strings (eIds, numbers) are formatted once, not measured first. */
static char *
wfmt(struct w *w, const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*s, buf[256];

	va_start(ap, fmt);
	n = fmt_plain(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n < 0) {
		va_start(ap, fmt);
		n = vsnprintf(buf, sizeof(buf), fmt, ap);
		va_end(ap);
	}
	if (n < 0)
		n = 0, buf[0] = '\0';
	s = rp_arena_alloc(&w->arena, (size_t)n + 1);
	if ((size_t)n < sizeof(buf)) {
		memcpy(s, buf, (size_t)n + 1);
		return s;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

/* base__name, or name at the top level. */
static const char *
join(struct w *w, const char *base, const char *name)
{
	return *base ? wfmt(w, "%s__%s", base, name) : wfmt(w, "%s", name);
}

/* Whether p starts a C0 control other than tab, LF and CR, or U+FFFE or
 * U+FFFF. */
static int
unfit(const unsigned char *p)
{
	return (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
	    (p[0] == 0xEF && p[1] == 0xBF && (p[2] == 0xBE || p[2] == 0xBF));
}

/* The bytes that may start what clean replaces, and the end: most text
 * has none of them, and is passed over a byte a look-up. */
static const unsigned char stops_clean[256] = {
	[0] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1,
	[0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1,
	[0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1, [0x1C] = 1,
	[0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0xEF] = 1,
};

/*
 * s made fit for XML 1.0: C0 controls other than tab, LF and CR (a form
 * feed between pages) become spaces, U+FFFE/U+FFFF become U+FFFD.
 */
static const char *
clean(struct w *w, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	char			*o, *c;

	for (;; p++) {
		while (!stops_clean[*p])
			p++;
		if (*p == '\0' || unfit(p))
			break;
	}
	if (*p == '\0')
		return s;
	c = o = rp_arena_alloc(&w->arena, strlen(s) + 1);
	for (p = (const unsigned char *)s; *p; p++) {
		if (!unfit(p))
			*o++ = (char)*p;
		else if (*p < 0x20)
			*o++ = ' ';
		else {
			memcpy(o, "\xEF\xBF\xBD", 3);
			o += 3;
			p += 2;
		}
	}
	*o = '\0';
	return c;
}

static const xns akn_ns = { NULL, RP_AKN_NS };
static const xns meta_ns = { "rp", RP_AKN_META_NS };

static xnode *
el(struct w *w, xnode *parent, const char *name)
{
	return xn_el(&w->arena, parent, &akn_ns, name);
}

static void
at(struct w *w, xnode *n, const char *k, const char *v)
{
	if (v != NULL)
		xn_attr(&w->arena, n, k, clean(w, v));
}

static void
text(struct w *w, xnode *parent, const char *s, size_t len)
{
	if ((len = strnlen(s, len)) > 0)
		xn_text(&w->arena, parent,
		    clean(w, rp_arena_strndup(&w->arena, s, len)));
}

/* The eId want, or want_2, want_3... if it is taken; taken now. */
static const char *
unique_id(struct w *w, const char *want)
{
	rp_buf		 b;
	const char	*id;

	rp_buf_init(&b);
	rp_map_unique(&w->ids, &w->nextid, want, want, '_', &b);
	id = rp_arena_strndup(&w->arena, b.data, b.len);
	rp_buf_free(&b);
	return id;
}

/* Give n the eId want, or want_2, want_3... if it is taken. */
static const char *
eid(struct w *w, xnode *n, const char *want)
{
	const char *id = unique_id(w, want);

	xn_attr(&w->arena, n, "eId", id);
	return id;
}

/*
 * The value of a Chinese item number, "㈠" or "（十二）", or 0: the
 * Chinese text numbers (i), (ii) so, and its eIds must be the English
 * text's.
 */
static int
cjk_value(const char *num)
{
	static const char	 digits[] = "一二三四五六七八九";
	size_t			 n = strlen(num), l, k;
	uint32_t		 cp;
	int			 v = 0, tens = 0, any = 0;

	while (n > 0 && (l = rp_utf8_decode(num, n, &cp)) > 0) {
		for (k = 0; l == 3 && k < 9; k++)
			if (memcmp(num, digits + 3 * k, 3) == 0)
				break;
		if (cp >= 0x3220 && cp <= 0x3229)	/* ㈠ .. ㈩ */
			return (int)(cp - 0x3220) + 1;
		if (cp == 0x5341) {			/* 十 */
			tens = v ? v : 1;
			v = 0;
			any = 1;
		} else if (l == 3 && k < 9) {
			v = (int)k + 1;
			any = 1;
		} else if (cp != 0xFF08 && cp != 0xFF09 && cp != '(' &&
		    cp != ')' && cp != 0x3001)
			return 0;
		num += l;
		n -= l;
	}
	return any ? tens * 10 + v : 0;
}

/*
 * The eId form of a printed number: ASCII letters and digits (full-width
 * forms folded), other runs become one "-", ends trimmed: "1." -> "1",
 * "(a)" -> "a", "11.2" -> "11-2"; Chinese item numbers as the roman
 * numbers they stand for: "㈡" -> "ii".  "" when nothing is left.
 */
static const char *
numpart(struct w *w, const char *num)
{
	static const char *const ones[] = { "", "i", "ii", "iii", "iv", "v",
				    "vi", "vii", "viii", "ix" };
	static const char *const tens[] = { "", "x", "xx", "xxx" };
	size_t	 n = num ? strlen(num) : 0, o = 0, l;
	char	*out = rp_arena_alloc(&w->arena, n + 1);
	int	 sep = 0, v;
	uint32_t cp;

	if (n > 0 && (v = cjk_value(num)) > 0 && v < 40)
		return wfmt(w, "%s%s", tens[v / 10], ones[v % 10]);

	while (n > 0) {
		l = rp_utf8_get(num, n, &cp, 0);
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		if (cp < 0x80 && isalnum((int)cp)) {
			if (sep && o > 0)
				out[o++] = '-';
			out[o++] = (char)cp;
			sep = 0;
		} else
			sep = 1;
		num += l;
		n -= l;
	}
	out[o] = '\0';
	return out;
}

/* eId of a numbered thing: type_num, or type_pos when num has no Latin form. */
static const char *
numbered(struct w *w, const char *base, const char *type, const char *num,
    int pos)
{
	const char *p = numpart(w, num);

	return *p ? join(w, base, wfmt(w, "%s_%s", type, p)) :
	    join(w, base, wfmt(w, "%s_%d", type, pos));
}

/* Whether s is a complete, plausible xsd:date YYYY-MM-DD. */
static int
is_date(const char *s)
{
	int i;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return 0;
	return atoi(s + 5) >= 1 && atoi(s + 5) <= 12 && atoi(s + 8) >= 1 &&
	    atoi(s + 8) <= 31 && strncmp(s, "0000", 4) != 0;
}

/* A partial ISO date "2001" or "2001-11" completed with 01s, or NULL. */
static const char *
complete_date(struct w *w, const char *s)
{
	if (s == NULL)
		return NULL;
	if (is_date(s))
		return s;
	if (strlen(s) == 7 && is_date(wfmt(w, "%s-01", s)))
		return wfmt(w, "%s-01", s);
	if (strlen(s) == 4 && is_date(wfmt(w, "%s-01-01", s)))
		return wfmt(w, "%s-01-01", s);
	return NULL;
}

/* A document number as an IRI segment: "/" -> "-", " " -> "_". */
static const char *
iri_number(struct w *w, const char *num)
{
	char *s = wfmt(w, "%s", num), *p;

	for (p = s; *p; p++) {
		if (*p == '/')
			*p = '-';
		else if (isspace((unsigned char)*p) || *p == '#' ||
		    *p == '?' || *p == '"' || *p == '<' || *p == '>')
			*p = '_';
	}
	return s;
}

/*
 * The eId of the TLC entry for href, declared in the current document's
 * <references> unless an enclosing document already did (eIds are unique
 * across the file, and a #ref resolves anywhere in it).
 */
static const char *
tlc(struct d *d, const char *elname, const char *want, const char *href,
    const char *show)
{
	struct w	*w = d->w;
	const char	*id = xmlHashLookup(w->tlc, BAD_CAST href);
	xnode		*n;

	if (id != NULL)
		return id;
	n = el(w, d->refs, elname);
	id = eid(w, n, want);
	at(w, n, "href", href);
	at(w, n, "showAs", show);
	xmlHashAddEntry(w->tlc, BAD_CAST href, (void *)id);
	return id;
}

/* Where the document a footnote belongs to puts its eIds. */
static const char *
doc_base(struct d *d, const rp_node *n)
{
	const rp_node	*dn = rp_node_ancestor(n, RP_NODE_DOCUMENT);
	size_t		 i;

	for (i = 0; i < d->w->ndocs; i++)
		if (d->w->docs[i].node == dn)
			return d->w->docs[i].base;
	return d->base;
}

static const struct fnote *
note_done(struct w *w, const rp_node *fn)
{
	size_t *i = rp_map_get(&w->noted, &fn, sizeof(fn));

	return i != NULL ? &w->notes[*i - 1] : NULL;
}

static void
note_add(struct w *w, const rp_node *fn, const char *id)
{
	if (w->nnotes == w->capnotes) {
		size_t		 cap = w->capnotes ? 2 * w->capnotes : 16;
		struct fnote	*p = rp_arena_alloc(&w->arena,
				    cap * sizeof(*p));

		if (w->nnotes > 0)
			memcpy(p, w->notes, w->nnotes * sizeof(*p));
		w->notes = p;
		w->capnotes = cap;
	}
	w->notes[w->nnotes].fn = fn;
	w->notes[w->nnotes++].eid = id;
	*rp_map_put(&w->noted, &fn, sizeof(fn), NULL) = w->nnotes;
}

/* The blocks from c on into parent (<p/> if none). */
static void
blocks_from(struct d *d, xnode *parent, const rp_node *c,
    const char *base)
{
	struct seq	 q = { 0 };
	xnode		*last = parent->last;

	for (; c != NULL; c = c->next)
		block(d, parent, c, base, &q);
	if (parent->last == last)
		el(d->w, parent, "p");
}

/* The blocks of n (a FOOTNOTE, FORMULA...) into parent; <p/> if none. */
static void
blocks(struct d *d, xnode *parent, const rp_node *n, const char *base)
{
	blocks_from(d, parent, n->first, base);
}

/* A footnote's text: defined where it is first referenced (AKN4UN),
 * referred to by <noteRef> afterwards. */
static void
noteref(struct ictx *c, xnode *parent, const rp_node *n)
{
	struct w		*w = c->d->w;
	const rp_node		*fn = n->target;
	const struct fnote	*done;
	xnode			*x;
	const char		*id;

	if (fn == NULL) {
		/* A marker with no footnote: keep it as the reader saw it. */
		rp_msg(w->doc, RP_WARNING, "noteref", n->line, n->col,
		    "footnote reference %s has no footnote", n->num ? n->num :
		    "");
		if (n->num != NULL)
			text(w, el(w, parent, "sup"), n->num, strlen(n->num));
		return;
	}
	if ((done = note_done(w, fn)) != NULL) {
		x = el(w, parent, "noteRef");
		at(w, x, "marker", n->num ? n->num : fn->num);
		at(w, x, "href", wfmt(w, "#%s", done->eid));
		return;
	}
	x = el(w, parent, "authorialNote");
	at(w, x, "marker", fn->num ? fn->num : n->num);
	at(w, x, "placement", "bottom");
	id = eid(w, x, join(w, doc_base(c->d, fn),
	    wfmt(w, "authorialNote_%d", fn->index)));
	note_add(w, fn, id);
	blocks(c->d, x, fn, id);
}

/*
 * The adoption dates of resolutions that the file states somewhere: its
 * own, and those cited with a date ("1373 (2001) of 28 September 2001"),
 * so that every citation of one resolution gets the same Work IRI.
 */
static void
known_dates(struct w *w, rp_node *root)
{
	rp_iter		*it = rp_iter_new(root);
	const rp_node	*n;
	rp_event	 ev;
	rp_body		 body;
	const char	*num, *date;

	while (it != NULL && (ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		if (ev != RP_EVENT_ENTER)
			continue;
		n = rp_iter_node(it);
		if (n->type == RP_NODE_DOCUMENT &&
		    n->meta->kind == RP_DOC_RESOLUTION) {
			body = n->meta->body;
			num = n->meta->number;
			date = n->meta->date;
		} else if (n->type == RP_NODE_DOCREF) {
			body = n->ref->body;
			num = n->ref->number;
			date = n->ref->date;
		} else
			continue;
		if (body != RP_BODY_UNKNOWN && num != NULL && date != NULL &&
		    is_date(date))
			xmlHashAddEntry(w->dates, BAD_CAST wfmt(w, "%s/%s",
			    rp_body_actor(body), num), (void *)date);
	}
	rp_iter_free(it);
}

/* Whether a cited document is the one being written (its masthead). */
static int
is_own(const rp_meta *m, const rp_docref *r)
{
	if (m->symbol != NULL && r->symbol != NULL)
		return strcmp(m->symbol, r->symbol) == 0;
	return m->number != NULL && r->number != NULL && m->body == r->body &&
	    strcmp(m->number, r->number) == 0;
}

/* The href of a cited UN document (docs/AKN.md), or NULL. */
static const char *
docref_href(struct w *w, const rp_docref *r)
{
	const char *when = complete_date(w, r->date);

	if (when == NULL && r->body != RP_BODY_UNKNOWN && r->number != NULL)
		when = xmlHashLookup(w->dates, BAD_CAST wfmt(w, "%s/%s",
		    rp_body_actor(r->body), r->number));

	if (when == NULL && r->year > 0)
		when = wfmt(w, "%04d", r->year);
	if (r->number != NULL && r->body != RP_BODY_UNKNOWN && when != NULL &&
	    (r->symbol == NULL || strstr(r->symbol, "RES/") != NULL))
		return wfmt(w, "/akn/un/statement/deliberation/%s/%s/%s",
		    rp_body_actor(r->body), when, iri_number(w, r->number));
	if (r->symbol != NULL)
		return wfmt(w, "/akn/un/doc/symbol/%s",
		    iri_number(w, r->symbol));
	return NULL;
}

/* A TEXT literal with the marks of c applied. */
static void
text_marked(struct ictx *c, xnode *parent, const char *s)
{
	struct w	*w = c->d->w;
	const char	*best, *hit;
	struct mark	*m, *bm;
	int		 i;

	for (;;) {
		best = NULL;
		bm = NULL;
		for (i = 0; i < c->nmarks; i++) {
			m = &c->marks[i];
			if (m->done || m->needle == NULL || *m->needle == '\0' ||
			    (hit = strstr(s, m->needle)) == NULL)
				continue;
			if (best == NULL || hit < best) {
				best = hit;
				bm = m;
			}
		}
		if (bm == NULL)
			break;
		text(w, parent, s, (size_t)(best - s));
		{
			xnode *x = el(w, parent, bm->el);

			if (bm->attr != NULL)
				at(w, x, bm->attr, bm->val);
			if (bm->attr2 != NULL)
				at(w, x, bm->attr2, bm->val2);
			text(w, x, best, strlen(bm->needle));
		}
		bm->done = 1;
		s = best + strlen(bm->needle);
	}
	text(w, parent, s, strlen(s));
}

static void
inline_node(struct ictx *c, xnode *parent, const rp_node *n)
{
	struct w	*w = c->d->w;
	xnode		*x;
	const char	*h;

	switch (n->type) {
	case RP_NODE_TEXT:
		if (n->literal != NULL)
			text_marked(c, parent, n->literal);
		return;
	case RP_NODE_EMPH:
		inlines(c, el(w, parent, "i"), n->first);
		return;
	case RP_NODE_STRONG:
		inlines(c, el(w, parent, "b"), n->first);
		return;
	case RP_NODE_LINK:
		if (!rp_link_writable(c->d->w->doc, n))
			break;
		x = el(w, parent, "a");
		at(w, x, "href", n->href);
		inlines(c, x, n->first);
		return;
	case RP_NODE_DOCREF:
		if (c->own && n->ref != NULL && is_own(c->d->m, n->ref)) {
			inlines(c, el(w, parent, "docNumber"), n->first);
			return;
		}
		if (n->ref == NULL || (h = docref_href(w, n->ref)) == NULL)
			break;
		x = el(w, parent, "ref");
		at(w, x, "href", h);
		/* The symbol is not recoverable from the IRI: keep it. */
		at(w, x, "title", n->ref->symbol);
		inlines(c, x, n->first);
		return;
	case RP_NODE_DATE:
		if (!is_date(n->href))
			break;
		x = el(w, parent, c->docdate ? "docDate" : "date");
		at(w, x, "date", n->href);
		inlines(c, x, n->first);
		return;
	case RP_NODE_NOTEREF:
		noteref(c, parent, n);
		return;
	default:
		break;
	}
	/* Unsafe links, dates without a full date, refs without a target,
	 * blocks where inlines belong: their text, never lost. */
	inlines(c, parent, n->first);
}

static void
inlines(struct ictx *c, xnode *parent, const rp_node *n)
{
	for (; n != NULL; n = n->next)
		inline_node(c, parent, n);
}

/* A BLOCK as <p class="role">; in a signature, its text in <signature>. */
static void
para(struct d *d, xnode *parent, const rp_node *n, struct ictx *ic)
{
	struct ictx	 plain = { d, 0, NULL, 0, 0 };
	xnode		*p = el(d->w, parent, "p");

	if (ic == NULL)
		ic = &plain;
	if (n->role != RP_ROLE_NONE)
		at(d->w, p, "class", rp_role_name(n->role));
	if (n->parent != NULL && n->parent->type == RP_NODE_SIGNATURE &&
	    n->first != NULL)
		p = el(d->w, p, "signature");
	inlines(ic, p, n->first);
}

/* A LIST in a block context: <blockList> of <item>s. */
static void
blocklist(struct d *d, xnode *parent, const rp_node *n, const char *id)
{
	struct w	*w = d->w;
	xnode		*bl = el(w, parent, "blockList"), *it;
	const rp_node	*c;
	int		 pos = 0;

	id = eid(w, bl, id);
	for (c = n->first; c != NULL; c = c->next) {
		it = el(w, bl, "item");
		pos++;
		if (c->type != RP_NODE_ITEM) {
			/* Stray content in a list: an unnumbered item. */
			struct seq q = { 0 };
			const char *iid = eid(w, it, join(w, id,
			    wfmt(w, "item_%d", pos)));

			block(d, it, c, iid, &q);
			continue;
		}
		if (c->num != NULL)
			text(w, el(w, it, "num"), c->num, strlen(c->num));
		blocks(d, it, c, eid(w, it, numbered(w, id, "item", c->num,
		    pos)));
	}
	if (bl->children == NULL)
		el(w, el(w, bl, "item"), "p");
}

/*
 * A node in a block context (preamble, content, intro, item...): BLOCK
 * is <p>, LIST is <blockList>, anything else a <blockContainer> whose
 * class is the node type (VOTE_GROUP: the vote kind), @title its name.
 */
static void
block(struct d *d, xnode *parent, const rp_node *n, const char *base,
    struct seq *q)
{
	struct w	*w = d->w;
	xnode		*bc;
	const char	*id;

	if (n->type == RP_NODE_BLOCK) {
		para(d, parent, n, NULL);
		return;
	}
	if (n->type == RP_NODE_LIST) {
		blocklist(d, parent, n, join(w, base,
		    wfmt(w, "list_%d", ++q->list)));
		return;
	}
	if (rp_node_is_inline(n)) {
		struct ictx ic = { d, 0, NULL, 0, 0 };

		inline_node(&ic, el(w, parent, "p"), n);
		return;
	}
	if (n->type == RP_NODE_CONTAINER && unit(d, parent, n, base, q))
		return;
	if (n->type == RP_NODE_DOCUMENT || n->type == RP_NODE_ANNEX ||
	    n->type == RP_NODE_NOTES) {
		rp_msg(w->doc, RP_WARNING, "not-written", n->line, n->col,
		    "akn: %s inside a block is not written",
		    rp_node_type_name(n->type));
		return;
	}
	bc = el(w, parent, "blockContainer");
	id = eid(w, bc, join(w, base, wfmt(w, "blockContainer_%d", ++q->bc)));
	at(w, bc, "class", n->type == RP_NODE_VOTE_GROUP ?
	    rp_akn_vote_class(n->role) : rp_node_type_name(n->type));
	at(w, bc, "title", n->name);
	if (n->num != NULL)
		text(w, el(w, bc, "num"), n->num, strlen(n->num));
	if (n->type == RP_NODE_SEPARATOR) {
		xnode *p = el(w, bc, "p");

		if (n->literal != NULL)
			text(w, p, n->literal, strlen(n->literal));
		return;
	}
	blocks(d, bc, n, id);
}

/* The hierarchy elements of AKN (the XSD's ANhier), which a foreign
 * act's levels are written back as. */
static const char *const hier_names[] = { "clause", "section", "part",
	"paragraph", "chapter", "title", "article", "book", "tome",
	"division", "list", "point", "indent", "alinea", "rule", "subrule",
	"proviso", "subsection", "subpart", "subparagraph", "subchapter",
	"subtitle", "subdivision", "subclause", "sublist", "level",
	"transitional", NULL };

/* The element a node was read from (rp_node.name: "section",
 * "debateSection prayers"), or NULL; *hname: the @name after it. */
static const char *
source_element(struct w *w, const rp_node *n, const char **hname)
{
	const char *sp = n->name ? strchr(n->name, ' ') : NULL;

	*hname = sp != NULL && sp[1] != '\0' ? sp + 1 : NULL;
	return sp != NULL ? rp_arena_strndup(&w->arena, n->name,
	    (size_t)(sp - n->name)) : n->name;
}

/* The element a PARAGRAPH, ITEM or LIST is written as: when a foreign
 * act is written back, the source's (read_akn.c keep_element), else
 * def; *hname: the @name of a generic container. */
static const char *
hier_element(const struct d *d, const rp_node *n, const char *def,
    const char **hname)
{
	const char	*e = source_element(d->w, n, hname);
	size_t		 i;

	if (d->hier && e != NULL && strcmp(e, "hcontainer") == 0 &&
	    *hname != NULL)
		return "hcontainer";
	*hname = NULL;
	if (!d->hier || e == NULL)
		return def;
	for (i = 0; hier_names[i] != NULL; i++)
		if (strcmp(e, hier_names[i]) == 0)
			return hier_names[i];
	return def;
}

/* A PARAGRAPH, ITEM or LIST opened under parent as the element
 * hier_element names; its eId the source's when its structure is
 * written back, else want; its num.  *id: the eId given. */
static xnode *
hier_open(struct d *d, xnode *parent, const rp_node *n, const char *def,
    const char *want, const char **id)
{
	const char	*hname;
	xnode		*x = el(d->w, parent, hier_element(d, n, def, &hname));

	at(d->w, x, "name", hname);
	*id = eid(d->w, x, d->hier && n->id != NULL ? n->id : want);
	if (n->num != NULL)
		text(d->w, el(d->w, x, "num"), n->num, strlen(n->num));
	return x;
}

/* The blocks from c up to (not including) end in a new <intro> or
 * <wrapUp> (el_name) of h, if there are any. */
static void
blocks_in(struct d *d, xnode *h, const char *el_name, const char *id,
    const rp_node *c, const rp_node *end)
{
	xnode		*x;
	const char	*iid;
	struct seq	 q = { 0 };

	if (c == end)
		return;
	x = el(d->w, h, el_name);
	iid = eid(d->w, x, id);
	for (; c != end; c = c->next)
		block(d, x, c, iid, &q);
}

static void hier(struct d *, xnode *, const rp_node *, const char *);

/* The items of a LIST as <point>s (a foreign act's: its own levels)
 * under parent; lid: the eId they are numbered under. */
static void
points(struct d *d, xnode *parent, const rp_node *list, const char *lid)
{
	struct w	*w = d->w;
	const rp_node	*l;
	xnode		*x, *content;
	const char	*pid;
	int		 pos = 0;
	struct seq	 q;

	for (l = list->first; l != NULL; l = l->next) {
		pos++;
		if (l->type != RP_NODE_ITEM) {
			x = el(w, parent, "point");
			pid = eid(w, x, join(w, lid, wfmt(w, "point_%d", pos)));
			content = el(w, x, "content");
			memset(&q, 0, sizeof(q));
			block(d, content, l, pid, &q);
			if (content->children == NULL)
				el(w, content, "p");
			continue;
		}
		x = hier_open(d, parent, l, "point", numbered(w, lid, "point",
		    l->num, pos), &pid);
		hier(d, x, l, pid);
	}
}

/* The heading and subheading of a foreign act's level (BLOCKs read
 * from them), written back as such when its structure is; the child
 * after them. */
static const rp_node *
titles(struct d *d, xnode *h, const rp_node *c, int kept)
{
	static const char *const names[] = { "heading", "subheading" };
	struct ictx	 ic = { d, 0, NULL, 0, 0 };
	int		 i;

	for (i = 0; kept && i < 2 && c != NULL; i++)
		if (c->type == RP_NODE_BLOCK && c->name != NULL &&
		    strcmp(c->name, names[i]) == 0) {
			inlines(&ic, el(d->w, h, names[i]), c->first);
			c = c->next;
		}
	return c;
}

/*
 * The units of a debate and a judgment (the XSD's speechSection,
 * ANcontainers and judgmentBlock groups): where each may stand (the
 * kinds of parent, IN_*), what it holds (HOLDS_*) and whether it names
 * its speaker (@by, required).
 */
enum { IN_DEBATE = 1, IN_SECTION = 2, IN_MAIN = 4, IN_JUDGMENT = 8,
	IN_AMENDMENT = 16 };
enum { HOLDS_SECTION, HOLDS_SPEECH, HOLDS_BLOCKS, HOLDS_MAIN };
struct unit {
	const char	*el;
	int		 in, holds, by;
};
static const char *const speech_sections[] = { "administrationOfOath",
	"rollCall", "prayers", "oralStatements", "writtenStatements",
	"personalStatements", "ministerialStatements", "resolutions",
	"nationalInterest", "declarationOfVote", "communication", "petitions",
	"papers", "noticesOfMotion", "questions", "address",
	"proceduralMotions", "pointOfOrder", "adjournment", "debateSection",
	NULL };
static const char *const speech_groups[] = { "speechGroup", NULL };
static const char *const speeches[] = { "speech", "question", "answer",
	NULL };
static const char *const others[] = { "other", NULL };
static const char *const judgment_blocks[] = { "introduction",
	"background", "arguments", "remedies", "motivation", "decision", NULL };
static const char *const amendment_blocks[] = { "amendmentHeading",
	"amendmentContent", "amendmentReference", "amendmentJustification",
	NULL };
static const struct {
	const char *const	*names;
	int			 in, holds, by;
} units[] = {
	{ speech_sections, IN_DEBATE | IN_SECTION | IN_MAIN, HOLDS_SECTION, 0 },
	{ speech_groups, IN_SECTION, HOLDS_SECTION, 1 },
	{ speeches, IN_SECTION, HOLDS_SPEECH, 1 },
	{ others, IN_SECTION, HOLDS_BLOCKS, 0 },
	{ judgment_blocks, IN_JUDGMENT, HOLDS_MAIN, 0 },
	{ amendment_blocks, IN_AMENDMENT, HOLDS_BLOCKS, 0 },
};

/* Whether el names a unit; *u: it. */
static int
unit_of(const char *el, struct unit *u)
{
	size_t			 i;
	const char *const	*n;

	for (i = 0; el != NULL && i < sizeof(units) / sizeof(units[0]); i++)
		for (n = units[i].names; *n != NULL; n++)
			if (strcmp(el, *n) == 0) {
				*u = (struct unit){ *n, units[i].in,
				    units[i].holds, units[i].by };
				return 1;
			}
	return 0;
}

int
rp_akn_is_unit(const char *el)
{
	struct unit u;

	return unit_of(el, &u);
}

/* What kind of parent (IN_*) an element written here is for a unit. */
static int
parent_kind(xnode *parent)
{
	const char	*name = (const char *)parent->name;
	struct unit	 u;

	if (unit_of(name, &u))
		return u.holds == HOLDS_SECTION ? IN_SECTION :
		    u.holds == HOLDS_MAIN ? IN_MAIN : 0;
	return strcmp(name, "debateBody") == 0 ? IN_DEBATE :
	    strcmp(name, "judgmentBody") == 0 ? IN_JUDGMENT :
	    strcmp(name, "amendmentBody") == 0 ? IN_AMENDMENT :
	    strcmp(name, "mainBody") == 0 ? IN_MAIN : 0;
}

/* Whether a CONTAINER was read from a unit (*u) that may stand in a
 * parent of kind in. */
static int
unit_in(struct w *w, const rp_node *n, int in, const char **hname,
    struct unit *u)
{
	return n->type == RP_NODE_CONTAINER &&
	    unit_of(source_element(w, n, hname), u) && (u->in & in) != 0;
}

/* Whether BLOCK b was read from one of names (a <from>, a <scene>). */
static int
block_named(const rp_node *b, const char *const *names)
{
	for (; b != NULL && b->type == RP_NODE_BLOCK && b->name != NULL &&
	    *names != NULL; names++)
		if (strcmp(b->name, *names) == 0)
			return 1;
	return 0;
}

/* The head of a unit: a section's num, heading and subheading, a
 * speech's speaker (<from>), where the unit has a place for them (a num
 * elsewhere is a line of text); the child after them. */
static const rp_node *
unit_head(struct d *d, xnode *x, const rp_node *n, const struct unit *u)
{
	static const char *const from[] = { "from", NULL };
	struct ictx	 ic = { d, 0, NULL, 0, 0 };
	const rp_node	*c = n->first;

	if (u->holds == HOLDS_SECTION) {
		if (n->num != NULL)
			text(d->w, el(d->w, x, "num"), n->num, strlen(n->num));
		return titles(d, x, c, 1);
	}
	if (u->holds == HOLDS_SPEECH && block_named(c, from)) {
		inlines(&ic, el(d->w, x, "from"), c->first);
		c = c->next;
	}
	if (n->num != NULL)
		text(d->w, el(d->w, x, "p"), n->num, strlen(n->num));
	return c;
}

/* A speech's speaker, and its role, addressee and times where it had
 * them. */
static void
speaker(struct w *w, xnode *x, const rp_node *n)
{
	const rp_speech *s = n->speech;

	at(w, x, "by", n->href != NULL ? n->href : "");
	if (s == NULL)
		return;
	if (s->as != NULL)
		at(w, x, "as", s->as);
	if (s->to != NULL)
		at(w, x, "to", s->to);
	if (s->start != NULL)
		at(w, x, "startTime", s->start);
	if (s->end != NULL)
		at(w, x, "endTime", s->end);
}

/*
 * A CONTAINER read from a unit of a debate or judgment, written back as
 * it when it may stand in parent: its element, @name, eId and speaker,
 * its head, its blocks and units; the running text of a debate (scene,
 * narrative, summary) as such in a section.  Whether it was.
 */
static int
unit(struct d *d, xnode *parent, const rp_node *n, const char *base,
    struct seq *q)
{
	static const char *const running[] = { "scene", "narrative",
	    "summary", NULL };
	struct w		*w = d->w;
	const char		*hname, *id;
	struct unit		 u;
	struct ictx		 ic = { d, 0, NULL, 0, 0 };
	struct seq		 sub = { 0 };
	const rp_node		*c;
	xnode			*x, *head;

	if (!unit_in(w, n, parent_kind(parent), &hname, &u))
		return 0;
	x = el(w, parent, u.el);
	at(w, x, "name", hname);
	id = eid(w, x, n->id != NULL ? n->id : join(w, base, wfmt(w, "%s_%d",
	    u.el, ++q->unit)));
	if (u.by)
		speaker(w, x, n);
	c = unit_head(d, x, n, &u);
	head = x->last;
	for (; c != NULL; c = c->next)
		if (u.holds == HOLDS_SECTION && block_named(c, running))
			inlines(&ic, el(w, x, c->name), c->first);
		else
			block(d, x, c, id, &sub);
	if (x->last == head && u.holds != HOLDS_SECTION)
		el(w, x, "p");	/* blocks required */
	return 1;
}

/* Whether a LIST of n is written as a <list> of its own: always, but
 * for a foreign act's levels that the source had right under n (a
 * section's subsections), where nothing but an <intro> before the
 * first can stand between them (the hierarchy type). */
static int
list_element(const struct d *d, const rp_node *list, int first,
    int blocks_before)
{
	return !d->hier || (list->name != NULL &&
	    strcmp(list->name, "list") == 0) || (!first && blocks_before);
}

/*
 * The children of a PARAGRAPH or ITEM under its <paragraph> or <point>:
 * <content> when it has no LIST; else each LIST is a <list> whose <intro>
 * holds the blocks before it, and the last list's <wrapUp> the blocks
 * after it (the hierarchy type allows nothing else).  A foreign act's
 * level keeps its heading, and its sub-levels without a <list> are its
 * children, between its own intro and wrapUp.
 */
static void
hier(struct d *d, xnode *h, const rp_node *n, const char *hid)
{
	struct w	*w = d->w;
	const rp_node	*c, *from = titles(d, h, n->first, d->hier);
	xnode		*list = NULL;
	const char	*lid = hid;
	int		 nlist = 0;

	for (c = from; c != NULL && c->type != RP_NODE_LIST; c = c->next)
		continue;
	if (c == NULL) {
		blocks_from(d, el(w, h, "content"), from, hid);
		return;
	}
	for (; c != NULL; c = c->next) {
		if (c->type != RP_NODE_LIST)
			continue;
		if (list_element(d, c, nlist == 0, from != c)) {
			list = hier_open(d, h, c, "list", join(w, hid,
			    wfmt(w, "list_%d", nlist + 1)), &lid);
			blocks_in(d, list, "intro", join(w, lid, "intro"),
			    from, c);
		} else {
			list = h;
			lid = hid;
			blocks_in(d, h, "intro", join(w, hid, "intro"), from,
			    c);
		}
		nlist++;
		points(d, list, c, lid);
		from = c->next;
	}
	blocks_in(d, list, "wrapUp", join(w, lid, "wrapup"), from, NULL);
}

/* Whether a paragraph has numbered paragraphs beside it. */
static int
numbered_siblings(const rp_node *n)
{
	const rp_node *c;

	for (c = n->parent ? n->parent->first : n; c != NULL; c = c->next)
		if (c->type == RP_NODE_PARAGRAPH && c->num != NULL)
			return 1;
	return 0;
}

/* A child of BODY in <mainBody>: operative paragraphs are <paragraph>;
 * intermediate formulas, headings and separators <hcontainer>s. */
static void
body_child(struct d *d, xnode *mb, const rp_node *c, struct seq *q)
{
	struct w	*w = d->w;
	xnode		*x, *content;
	const char	*id;
	struct seq	 sub = { 0 };

	switch (c->type) {
	case RP_NODE_PARAGRAPH:
		if (c->num == NULL && numbered_siblings(c))
			/* Not para_1 by position: that is paragraph 1's. */
			id = join(w, d->base, wfmt(w, "para_u%d",
			    ++q->unnumbered));
		else
			id = numbered(w, d->base, "para", c->num, ++q->para);
		x = hier_open(d, mb, c, "paragraph", id, &id);
		hier(d, x, c, id);
		return;
	case RP_NODE_FORMULA:
	case RP_NODE_HEADING:
	case RP_NODE_SEPARATOR:
		break;
	default:
		block(d, mb, c, d->base, q);
		return;
	}
	x = el(w, mb, "hcontainer");
	id = eid(w, x, join(w, d->base, wfmt(w, "hcontainer_%d", ++q->hc)));
	if (c->type == RP_NODE_FORMULA) {
		at(w, x, "name", c->name ? c->name : "formula");
		at(w, x, "class", "formula");
		blocks(d, el(w, x, "content"), c, id);
		return;
	}
	if (c->type == RP_NODE_SEPARATOR) {
		at(w, x, "name", "separator");
		content = el(w, el(w, x, "content"), "p");
		if (c->literal != NULL)
			text(w, content, c->literal, strlen(c->literal));
		return;
	}
	at(w, x, "name", "heading");
	if (c->num != NULL)
		text(w, el(w, x, "num"), c->num, strlen(c->num));
	c = c->first;
	if (c != NULL && c->type == RP_NODE_BLOCK) {
		struct ictx	ic = { d, 0, NULL, 0, 0 };
		xnode		*hd = el(w, x, "heading");

		if (c->role != RP_ROLE_NONE)
			at(w, hd, "class", rp_role_name(c->role));
		inlines(&ic, hd, c->first);
		c = c->next;
	}
	if (c != NULL) {
		content = el(w, x, "content");
		for (; c != NULL; c = c->next)
			block(d, content, c, id, &sub);
	}
}

/* Whether s can name a container as it is: an ASCII phrase key. */
static int
ascii_name(const char *s)
{
	if (s == NULL || !isalpha((unsigned char)*s))
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return 0;
	return 1;
}

static void
preamble(struct d *d, xnode *pre, const rp_node *n, struct seq *q)
{
	struct w	*w = d->w;
	const rp_node	*c;
	xnode		*x;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_FORMULA) {
			x = el(w, pre, "formula");
			at(w, x, "name", c->name ? c->name : "enactingFormula");
			blocks(d, x, c, eid(w, x, join(w, d->base,
			    wfmt(w, "preamble__formula_%d", ++q->formula))));
		} else if (c->type == RP_NODE_PARAGRAPH && c->num == NULL) {
			x = el(w, pre, "container");
			at(w, x, "name", ascii_name(c->name) ? c->name :
			    RP_AKN_PREAMBULAR);
			blocks(d, x, c, eid(w, x, join(w, d->base,
			    wfmt(w, "preamble__container_%d", ++q->cont))));
		} else
			block(d, pre, c, join(w, d->base, "preamble"), q);
	}
}

/* Which part of the preface a block of this role goes in; NULL: the
 * part of the block before it. */
static const char *
preface_group(int role)
{
	switch (role) {
	case RP_ROLE_ORGANIZATION:
	case RP_ROLE_BODY:
	case RP_ROLE_SYMBOL:
	case RP_ROLE_DISTRIBUTION:
	case RP_ROLE_DATE:
	case RP_ROLE_JOB:
		return "masthead";
	case RP_ROLE_SESSION:
	case RP_ROLE_AGENDA:
	case RP_ROLE_COMMITTEE:
		return "session";
	case RP_ROLE_DOCTYPE:
	case RP_ROLE_NUMBER:
	case RP_ROLE_TITLE:
		return "longTitle";
	case RP_ROLE_ADOPTION:
		return "adoption";
	default:
		return NULL;
	}
}

/* The words a masthead names a document type or a body with, in the
 * languages of the UN. */
static const char *const doctype_words[] = { "Resolution", "决议",
	"Résolution", "Resolución", "Резолюция", "قرار", NULL };
static const char *const body_names[][7] = {
	[RP_BODY_UNKNOWN] = { NULL },
	[RP_BODY_SC] = { "Security Council", "安全理事会", "安理会",
	    "Conseil de sécurité", "Consejo de Seguridad",
	    "Совет Безопасности", NULL },
	[RP_BODY_GA] = { "General Assembly", "大会", "Assemblée générale",
	    "Asamblea General", "Генеральная Ассамблея", NULL },
	[RP_BODY_ECOSOC] = { "Economic and Social Council", "经济及社会理事会",
	    "Conseil économique et social", "Consejo Económico y Social",
	    "Экономический и Социальный Совет", NULL },
	[RP_BODY_HRC] = { "Human Rights Council", "人权理事会",
	    "Conseil des droits de l’homme", "Consejo de Derechos Humanos",
	    "Совет по правам человека", NULL },
};

/* The first of words found in the text of n, or NULL. */
static const char *
find_in(const rp_node *n, const char *const *words)
{
	rp_buf		 t;
	const char	*hit = NULL;

	rp_buf_init(&t);
	rp_node_text(n, &t);
	for (; t.data != NULL && *words != NULL && hit == NULL; words++)
		if (strstr(t.data, *words) != NULL)
			hit = *words;
	rp_buf_free(&t);
	return hit;
}

/* Past the white space and commas at s[k]. */
static size_t
skip_sep(const char *s, size_t k)
{
	while (s[k] == ' ' || s[k] == ',' || s[k] == '\t')
		k++;
	return k;
}

/* Past one item number at s[k] ("68", "68 (b)", "68 b)"), or k. */
static size_t
item_number(const char *s, size_t k)
{
	size_t d = k, l;

	while (isdigit((unsigned char)s[d]))
		d++;
	if (d == k)
		return k;
	l = d + (s[d] == ' ');
	l += s[l] == '(';
	k = l;
	while (s[l] >= 'a' && s[l] <= 'z' && l - k < 3)
		l++;
	return l > k && s[l] == ')' ? l + 1 : d;
}

/*
 * The length of the agenda item reference that opens s: its phrase in
 * the language tables ([agenda]: "Agenda item", "Point", "议程项目"),
 * then the item numbers, joined by commas and [conjunctions] ("Agenda
 * items 13 and 115", "Agenda item 68 (b)"); 0 if s does not open so.
 */
static size_t
agenda_reference(const char *s)
{
	size_t	 n = strlen(s), k = rp_lang_phrase(RP_LK_AGENDA, s, n, NULL);
	size_t	 end = 0, next;

	while (k > 0) {
		k = skip_sep(s, k);
		if (end > 0 && !isdigit((unsigned char)s[k]))	/* "and 115" */
			k = skip_sep(s, k + rp_lang_phrase(RP_LK_CONJUNCTION,
			    s + k, n - k, NULL));
		if ((next = item_number(s, k)) == k)
			break;
		end = k = next;
	}
	return end;
}

/* The agenda item that opens a preface block ("Agenda item 68 (b)") as
 * an <inline name="agendaItem"> referring to its concept, as the job
 * number is a docketNumber; its title stays text.  Whether it does. */
static int
agenda_mark(struct d *d, const rp_node *kids, struct mark *mk)
{
	size_t len;

	if (kids == NULL || kids->type != RP_NODE_TEXT ||
	    (len = agenda_reference(kids->literal)) == 0)
		return 0;
	*mk = (struct mark){ rp_arena_strndup(&d->w->arena, kids->literal,
	    len), "inline", "name", "agendaItem", 0, "refersTo",
	    wfmt(d->w, "#%s", tlc(d, "TLCConcept", "agendaItem",
	    "/akn/ontology/concept/un/agendaItem", "agenda item")) };
	return 1;
}

/* How a masthead line of a role is marked: an element around its
 * inlines (kids), with one attribute, or marks on words in it (ictx). */
struct pmark {
	const char	*wrap, *k, *v;
	const rp_node	*kids;
};

/* The reference to the adopting body, or NULL when it is unknown. */
static const char *
body_ref(struct d *d)
{
	return d->m->body != RP_BODY_UNKNOWN ? wfmt(d->w, "#%s", d->actor) :
	    NULL;
}

/* Whether the line is only the document's own symbol as a reference:
 * its docNumber already (inline_node). */
static int
own_ref_only(const struct d *d, const rp_node *kids)
{
	return kids != NULL && kids->next == NULL &&
	    kids->type == RP_NODE_DOCREF && kids->ref != NULL &&
	    is_own(d->m, kids->ref);
}

/* The number line ("58/136.") and the symbol line. */
static void
number_mark(struct d *d, const rp_node *n, struct ictx *ic, struct pmark *pm)
{
	const rp_node *kids = pm->kids;

	if (n->role == RP_ROLE_NUMBER) {
		/* "58/136." : the period is punctuation, not the number. */
		if (kids != NULL && kids->type == RP_NODE_DOCREF &&
		    kids->ref != NULL && is_own(d->m, kids->ref))
			return;
		if (d->m->number != NULL) {
			ic->marks[ic->nmarks++] = (struct mark){ d->m->number,
			    "docNumber", NULL, NULL, 0, NULL, NULL };
			return;
		}
	}
	/* The symbol as a reference to this very document is its
	 * docNumber (inline_node). */
	if (own_ref_only(d, kids))
		return;
	pm->wrap = "docNumber";
	ic->own = 0;
}

/* The date line: a docDate of the date it holds, or of the document's. */
static void
date_mark(struct d *d, struct ictx *ic, struct pmark *pm)
{
	const rp_node *kids = pm->kids;

	ic->docdate = 0;
	if (kids != NULL && kids->next == NULL &&
	    kids->type == RP_NODE_DATE && is_date(kids->href)) {
		pm->v = kids->href;
		pm->kids = kids->first;
	} else if (is_date(d->m->date))
		pm->v = d->m->date;
	if (pm->v != NULL) {
		pm->wrap = "docDate";
		pm->k = "date";
	}
}

/* Lines where words are marked: the agenda item, the document type
 * ("Resolution 1377 (2001)", "第 1456（2003）号决议": the word is the
 * docType, the number a docNumber beside it), the adoption line's body
 * and meeting. */
static void
word_marks(struct d *d, const rp_node *n, struct ictx *ic, struct pmark *pm)
{
	struct w	*w = d->w;
	const char	*org = body_ref(d), *s;

	if (n->role == RP_ROLE_AGENDA) {
		ic->nmarks += agenda_mark(d, pm->kids, &ic->marks[ic->nmarks]);
	} else if (n->role == RP_ROLE_DOCTYPE) {
		if ((s = find_in(n, doctype_words)) != NULL)
			ic->marks[ic->nmarks++] = (struct mark){ s, "docType",
			    NULL, NULL, 0, NULL, NULL };
		else
			pm->wrap = "docType";
	} else {
		if (org != NULL &&
		    (s = find_in(n, body_names[d->m->body])) != NULL)
			ic->marks[ic->nmarks++] = (struct mark){ s,
			    "docProponent", "refersTo", org, 0, NULL, NULL };
		if (d->meeting != NULL)
			ic->marks[ic->nmarks++] = (struct mark){
			    d->m->meeting, "event", "refersTo",
			    wfmt(w, "#%s", d->meeting), 0, NULL, NULL };
	}
}

/* Lines that are one element: the body, distribution, session,
 * committee, print job number (a docketNumber, as AKN4UN marks it:
 * "25-17700 (E)") and title. */
static void
line_wrap(struct d *d, int role, struct pmark *pm)
{
	struct w *w = d->w;

	switch (role) {
	case RP_ROLE_BODY:
		*pm = (struct pmark){ "docAuthority", "refersTo", body_ref(d),
		    pm->kids };
		break;
	case RP_ROLE_DISTRIBUTION:
		pm->wrap = "docStatus";
		break;
	case RP_ROLE_SESSION:
		*pm = (struct pmark){ "session", "value",
		    d->m->session_number > 0 ? wfmt(w, "%d",
		    d->m->session_number) : NULL, pm->kids };
		break;
	case RP_ROLE_COMMITTEE:
		pm->wrap = "docCommittee";
		break;
	case RP_ROLE_JOB:
		*pm = (struct pmark){ "docketNumber", "refersTo",
		    wfmt(w, "#%s", tlc(d, "TLCConcept", "publicationJobNumber",
		    "/akn/ontology/concept/un/publicationJobNumber",
		    "publication job number")), pm->kids };
		break;
	case RP_ROLE_TITLE:
		pm->wrap = "docTitle";
		break;
	default:
		break;
	}
}

/* One preface block: its whole text in the AKN inline of its role
 * (docNumber, docTitle...), the adoption line with its proponent and
 * meeting marked. */
static void
preface_block(struct d *d, xnode *parent, const rp_node *n)
{
	struct mark	 mk[2];
	struct ictx	 ic = { d, 1, mk, 0, 1 };
	struct pmark	 pm = { NULL, NULL, NULL, n->first };
	xnode		*p = el(d->w, parent, "p");

	if (n->role != RP_ROLE_NONE)
		at(d->w, p, "class", rp_role_name(n->role));
	/* A <docDate> makes a line with no role the date line when read
	 * back (read_akn.c role_by_markup): a plain <date> there. */
	ic.docdate = n->role != RP_ROLE_NONE;
	if (n->role == RP_ROLE_NUMBER || n->role == RP_ROLE_SYMBOL)
		number_mark(d, n, &ic, &pm);
	else if (n->role == RP_ROLE_DATE)
		date_mark(d, &ic, &pm);
	else if (n->role == RP_ROLE_AGENDA || n->role == RP_ROLE_DOCTYPE ||
	    n->role == RP_ROLE_ADOPTION)
		word_marks(d, n, &ic, &pm);
	else
		line_wrap(d, n->role, &pm);
	if (pm.wrap != NULL && pm.kids != NULL) {
		p = el(d->w, p, pm.wrap);
		if (pm.k != NULL)
			at(d->w, p, pm.k, pm.v);
	}
	inlines(&ic, p, pm.kids);
}

/* Consecutive blocks of one group share a <container name="group">
 * (the title lines: a <longTitle>). */
static void
preface(struct d *d, xnode *pf, const rp_node *n, struct seq *q)
{
	struct w	*w = d->w;
	const rp_node	*c;
	const char	*g;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type != RP_NODE_BLOCK) {
			block(d, pf, c, join(w, d->base, "preface"), q);
			d->pbox = NULL;
			continue;
		}
		if (d->hier == LEVELS_JUDGMENT) {	/* <header>: blocks */
			preface_block(d, pf, c);
			continue;
		}
		if ((g = preface_group(c->role)) == NULL)
			g = d->pbox != NULL ? d->pgroup : "masthead";
		if (d->pbox == NULL || strcmp(g, d->pgroup) != 0) {
			if (strcmp(g, "longTitle") == 0) {
				d->pbox = el(w, pf, "longTitle");
				eid(w, d->pbox, join(w, d->base, wfmt(w,
				    "preface__longTitle_%d", ++q->item)));
			} else {
				d->pbox = el(w, pf, "container");
				at(w, d->pbox, "name", g);
				eid(w, d->pbox, join(w, d->base, wfmt(w,
				    "preface__container_%d", ++q->cont)));
			}
			d->pgroup = g;
		}
		preface_block(d, d->pbox, c);
	}
}

/* The closing formula: its blocks in a <container name="conclusion">,
 * the meeting as an <event>, dates as <docDate>. */
static void
conclusions(struct d *d, xnode *cl, const rp_node *n, struct seq *q)
{
	struct w	*w = d->w;
	const rp_node	*c;
	xnode		*box = NULL, *p;
	struct mark	 mk;
	struct ictx	 ic = { d, 1, &mk, 0, 0 };

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type != RP_NODE_BLOCK) {
			block(d, cl, c, join(w, d->base, "conclusions"), q);
			box = NULL;
			continue;
		}
		if (box == NULL) {
			box = el(w, cl, "container");
			at(w, box, "name", "conclusion");
			eid(w, box, join(w, d->base, wfmt(w,
			    "conclusions__container_%d", ++q->cont)));
		}
		p = el(w, box, "p");
		if (c->role != RP_ROLE_NONE)
			at(w, p, "class", rp_role_name(c->role));
		ic.nmarks = 0;
		if (d->meeting != NULL) {
			mk = (struct mark){ d->m->meeting, "event", "refersTo",
			    wfmt(w, "#%s", d->meeting), 0, NULL, NULL };
			ic.nmarks = 1;
		}
		inlines(&ic, p, c->first);
	}
}

static const char *const kind_names[] = { "resolution", "annex", "letter" };

/* A document made elsewhere keeps its Work IRI and date, no UN's. */
static void
identify_kept(struct d *d, const rp_akn_source *s)
{
	d->work = s->work.uri != NULL ? s->work.uri : "";
	d->date = s->work.date != NULL ? s->work.date : "0001-01-01";
	d->datename = s->work.date == NULL ? "unknown" :
	    s->work.date_name != NULL ? s->work.date_name : "";
	d->iri_date = NULL;
}

/* The IRIs and dates of d (docs/AKN.md "Identification"). */
static void
identify(struct d *d, const struct d *outer, int annex_pos)
{
	struct w	*w = d->w;
	const rp_meta	*m = d->m;
	const char	*num;
	int		 n;

	d->actor = rp_body_actor(m->body);
	if (m->body == RP_BODY_UNKNOWN && outer != NULL)
		d->actor = outer->actor;
	d->lang = m->language ? m->language : outer ? outer->lang : "und";
	/* A letter is signed on its date; a resolution adopted.  No date is
	 * made up: xsd:date wants a day, so a year alone or nothing is a
	 * placeholder that FRBRdate's name marks as such, and the IRIs carry
	 * the year alone or no date (docs/AKN.md). */
	if ((d->date = complete_date(w, m->date)) != NULL) {
		d->datename = m->kind == RP_DOC_LETTER ? "signature" :
		    "adoption";
		d->iri_date = d->date;
	} else if (m->year > 0) {
		d->date = wfmt(w, "%04d-01-01", m->year);
		d->datename = "adoptionYear";
		d->iri_date = wfmt(w, "%04d", m->year);
	} else if (outer != NULL) {
		d->date = outer->date;
		d->datename = outer->datename;
		d->iri_date = outer->iri_date;
	} else {
		d->date = "0001-01-01";
		d->datename = "unknown";
		d->iri_date = NULL;
	}
	num = m->number ? iri_number(w, m->number) :
	    m->symbol ? iri_number(w, m->symbol) : "nn";
	if (m->kind == RP_DOC_ANNEX && outer != NULL) {
		/* An annex is a component of the Work it is annexed to. */
		d->work = outer->work;
		d->date = outer->date;
		d->datename = outer->datename;
		d->iri_date = outer->iri_date;
		n = m->annex_number > 0 ? m->annex_number : annex_pos;
		d->comp = d->appendix ? wfmt(w, "%s/!appendix_%d",
		    outer->comp, n) : wfmt(w, "!annex_%d", n);
	} else {
		const char *when = d->iri_date != NULL ?
		    wfmt(w, "%s/", d->iri_date) : "";

		d->work = m->kind == RP_DOC_RESOLUTION ?
		    wfmt(w, "/akn/un/statement/deliberation/%s/%s%s",
		    d->actor, when, num) :
		    wfmt(w, "/akn/un/doc/%s/%s/%s%s", kind_names[m->kind],
		    d->actor, when, num);
		d->comp = "!main";
	}
	if (m->akn_source != NULL)
		identify_kept(d, m->akn_source);
}

static void
frbr(struct w *w, xnode *parent, const char *el_name, const char *k,
    const char *v, const char *k2, const char *v2)
{
	xnode *x = el(w, parent, el_name);

	at(w, x, k, v);
	if (k2 != NULL)
		at(w, x, k2, v2);
}

/* The Work's Expressions in the other languages, equally authentic (so
 * none is the FRBRmasterExpression of the others), as references. */
static void
other_versions(struct d *d)
{
	const char *const	*v;
	xnode			*n;

	for (v = d->m->versions; v != NULL && *v != NULL; v++) {
		if (strcmp(*v, d->lang) == 0)
			continue;
		n = el(d->w, d->refs, "TLCReference");
		eid(d->w, n, wfmt(d->w, "version_%s", *v));
		at(d->w, n, "href", wfmt(d->w, "%s/%s@", d->work, *v));
		at(d->w, n, "showAs", *v);
		at(d->w, n, "name", "languageVersion");
	}
}

/* FRBRthis and FRBRuri of one level of a kept identity. */
static xnode *
kept_level(struct w *w, xnode *id, const char *name, const rp_frbr *l)
{
	xnode *x = el(w, id, name);

	frbr(w, x, "FRBRthis", "value", l->this_iri ? l->this_iri : "", NULL,
	    NULL);
	frbr(w, x, "FRBRuri", "value", l->uri ? l->uri : "", NULL, NULL);
	return x;
}

/* FRBRdate (the placeholder of identify() when there is none) and
 * FRBRauthor of one level of a kept identity. */
static void
kept_date(struct w *w, xnode *x, const rp_frbr *l, const char *author)
{
	frbr(w, x, "FRBRdate", "date", l->date ? l->date : "0001-01-01",
	    "name", l->date == NULL ? "unknown" : l->date_name ?
	    l->date_name : "");
	frbr(w, x, "FRBRauthor", "href", wfmt(w, "#%s", author), NULL, NULL);
}

/*
 * The identity of a document made elsewhere as its source gave it
 * (rp_akn_source): its IRIs, dates, country and names, its author's
 * reference; nothing made up, nothing of the UN's.
 */
static void
kept_identification(struct d *d, xnode *id, const char *conv)
{
	struct w		*w = d->w;
	const rp_akn_source	*s = d->m->akn_source;
	const char		*author = conv;
	xnode			*x;

	if (s->author_el != NULL && s->author_href != NULL)
		author = tlc(d, s->author_el, s->author_eid ? s->author_eid :
		    "author", s->author_href, s->author_show ?
		    s->author_show : "");
	x = kept_level(w, id, "FRBRWork", &s->work);
	if (d->m->symbol != NULL)
		frbr(w, x, "FRBRalias", "value", d->m->symbol, "name",
		    "unSymbol");
	kept_date(w, x, &s->work, author);
	frbr(w, x, "FRBRcountry", "value", s->country ? s->country : "",
	    NULL, NULL);
	if (s->subtype != NULL)
		frbr(w, x, "FRBRsubtype", "value", s->subtype, NULL, NULL);
	if (s->number != NULL)
		frbr(w, x, "FRBRnumber", "value", s->number,
		    s->number_show ? "showAs" : NULL, s->number_show);
	if (s->work_name != NULL)
		frbr(w, x, "FRBRname", "value", s->work_name, NULL, NULL);
	x = kept_level(w, id, "FRBRExpression", &s->expression);
	kept_date(w, x, &s->expression, author);
	frbr(w, x, "FRBRlanguage", "language", d->lang, NULL, NULL);
	other_versions(d);
	x = kept_level(w, id, "FRBRManifestation", &s->manifestation);
	kept_date(w, x, &s->manifestation, conv);
}

/* <FRBRWork>: the resolution whatever its language; org wrote it. */
static void
work_level(struct d *d, xnode *id, const char *org)
{
	struct w	*w = d->w;
	const rp_meta	*m = d->m;
	xnode		*x;

	x = el(w, id, "FRBRWork");
	frbr(w, x, "FRBRthis", "value", wfmt(w, "%s/%s", d->work, d->comp),
	    NULL, NULL);
	frbr(w, x, "FRBRuri", "value", d->work, NULL, NULL);
	if (m->symbol != NULL)
		frbr(w, x, "FRBRalias", "value", m->symbol, "name", "unSymbol");
	frbr(w, x, "FRBRdate", "date", d->date, "name", d->datename);
	frbr(w, x, "FRBRauthor", "href", wfmt(w, "#%s", org), NULL, NULL);
	frbr(w, x, "FRBRcountry", "value", "un", NULL, NULL);
	if (m->kind == RP_DOC_RESOLUTION)
		frbr(w, x, "FRBRsubtype", "value", "deliberation", NULL, NULL);
	/* showAs: the number as cited, "1377 (2001)" for the Council. */
	if (m->number != NULL)
		frbr(w, x, "FRBRnumber", "value", iri_number(w, m->number),
		    "showAs", m->body == RP_BODY_SC && m->year > 0 ?
		    wfmt(w, "%s (%d)", m->number, m->year) : m->number);
	frbr(w, x, "FRBRname", "value", kind_names[m->kind], NULL, NULL);
}

/* <identification> and the first <references> of a document. */
static void
identification(struct d *d, xnode *id)
{
	struct w	*w = d->w;
	const rp_meta	*m = d->m;
	const char	*expr = wfmt(w, "%s/%s@", d->work, d->lang);
	const char	*org, *conv, *mdate = w->mdate ? w->mdate : d->date;
	xnode		*x;

	conv = tlc(d, "TLCOrganization", "converter",
	    "/akn/ontology/organization/un/respub", "respub");
	at(w, id, "source", wfmt(w, "#%s", conv));
	if (m->akn_source != NULL) {
		kept_identification(d, id, conv);
		return;
	}
	org = tlc(d, "TLCOrganization", d->actor,
	    wfmt(w, "/akn/ontology/organization/un/%s", d->actor),
	    strcmp(d->actor, "un") == 0 ? "United Nations" :
	    rp_body_name(m->body != RP_BODY_UNKNOWN ? m->body :
	    RP_BODY_UNKNOWN));
	if (m->meeting != NULL)
		d->meeting = tlc(d, "TLCEvent", m->meeting_number > 0 ?
		    wfmt(w, "meeting_%d", m->meeting_number) : "meeting",
		    m->meeting_number > 0 ?
		    wfmt(w, "/akn/ontology/event/un/%s/meeting/%d", d->actor,
		    m->meeting_number) :
		    wfmt(w, "/akn/ontology/event/un/%s/meeting/%s", d->actor,
		    d->iri_date ? d->iri_date : "unknown"), m->meeting);

	work_level(d, id, org);

	x = el(w, id, "FRBRExpression");
	frbr(w, x, "FRBRthis", "value", wfmt(w, "%s/%s", expr, d->comp),
	    NULL, NULL);
	frbr(w, x, "FRBRuri", "value", expr, NULL, NULL);
	frbr(w, x, "FRBRdate", "date", d->date, "name", d->datename);
	frbr(w, x, "FRBRauthor", "href", wfmt(w, "#%s", org), NULL, NULL);
	frbr(w, x, "FRBRlanguage", "language", d->lang, NULL, NULL);
	other_versions(d);

	x = el(w, id, "FRBRManifestation");
	frbr(w, x, "FRBRthis", "value", wfmt(w, "%s/%s.xml", expr, d->comp),
	    NULL, NULL);
	frbr(w, x, "FRBRuri", "value", wfmt(w, "%s.akn", expr), NULL, NULL);
	frbr(w, x, "FRBRdate", "date", mdate, "name", "XMLMarkup");
	frbr(w, x, "FRBRauthor", "href", wfmt(w, "#%s", conv), NULL, NULL);
	frbr(w, x, "FRBRformat", "value", "xml", NULL, NULL);
}

static void
prop_int(struct w *w, xnode *x, const char *k, int v, int unset)
{
	if (v != unset)
		xn_attr(&w->arena, x, k, wfmt(w, "%d", v));
}

/* Footnotes nothing refers to, as <note>s in meta (AKN's place for
 * notes outside the text). */
static void
unused_notes(struct d *d, xnode *meta)
{
	struct w	*w = d->w;
	const rp_node	*ns, *fn;
	xnode		*notes = NULL, *x;

	for (ns = d->node->first; ns != NULL; ns = ns->next) {
		if (ns->type != RP_NODE_NOTES)
			continue;
		for (fn = ns->first; fn != NULL; fn = fn->next) {
			if (fn->type != RP_NODE_FOOTNOTE || note_done(w, fn))
				continue;
			if (notes == NULL) {
				notes = el(w, meta, "notes");
				at(w, notes, "source", "#converter");
			}
			x = el(w, notes, "note");
			at(w, x, "marker", fn->num);
			at(w, x, "placement", "bottom");
			at(w, x, "class", "footnote");
			note_add(w, fn, eid(w, x, join(w, d->base,
			    wfmt(w, "note_%d", fn->index))));
			blocks(d, x, fn, w->notes[w->nnotes - 1].eid);
		}
	}
}

/* The exact metadata in <proprietary>, since AKN has no slot for a
 * meeting number or a vote. */
static void
proprietary(struct d *d, xnode *meta)
{
	struct w	*w = d->w;
	const rp_meta	*m = d->m;
	const rp_node	*fu, *b;
	xnode		*x, *f;

	x = el(w, meta, "proprietary");
	at(w, x, "source", "#converter");
	x = xn_el(&w->arena, x, &meta_ns, "meta");
	x->def = &meta_ns;
	at(w, x, "kind", kind_names[m->kind]);
	if (m->body != RP_BODY_UNKNOWN)
		at(w, x, "body", rp_body_actor(m->body));
	at(w, x, "symbol", m->symbol);
	at(w, x, "number", m->number);
	prop_int(w, x, "year", m->year, 0);
	at(w, x, "date", m->date);
	at(w, x, "meeting", m->meeting);
	prop_int(w, x, "meetingNumber", m->meeting_number, 0);
	at(w, x, "session", m->session);
	prop_int(w, x, "sessionNumber", m->session_number, 0);
	at(w, x, "language", m->language);
	at(w, x, "title", m->title);
	at(w, x, "distribution", m->distribution);
	prop_int(w, x, "annexNumber", m->annex_number, 0);
	prop_int(w, x, "votesFor", m->votes_for, -1);
	prop_int(w, x, "votesAgainst", m->votes_against, -1);
	prop_int(w, x, "votesAbstain", m->votes_abstain, -1);
	/* Page furniture, for which AKN has no element. */
	if ((fu = rp_node_child(d->node, RP_NODE_FURNITURE)) != NULL)
		for (b = fu->first; b != NULL; b = b->next)
			if (b->first != NULL && b->first->type == RP_NODE_TEXT) {
				f = xn_el(&w->arena, x, &meta_ns, "furniture");
				xn_text(&w->arena, f, clean(w,
				    b->first->literal));
				prop_int(w, f, "line", b->line, 0);
			}
}

/* The end of <meta>: the notes nothing refers to, and the exact
 * metadata. */
static void
meta_tail(struct d *d, xnode *meta, xnode *refs)
{
	if (refs->children == NULL)
		xn_unlink(refs);
	unused_notes(d, meta);
	/* A foreign document's metadata is its own identity: read back,
	 * it is foreign again, never a UN document. */
	if (d->m->akn_source == NULL)
		proprietary(d, meta);
}

static void
doc_add(struct w *w, const rp_node *n, const char *base)
{
	if (w->ndocs == w->capdocs) {
		size_t		 cap = w->capdocs ? 2 * w->capdocs : 8;
		struct docpfx	*p = rp_arena_alloc(&w->arena, cap * sizeof(*p));

		if (w->ndocs > 0)
			memcpy(p, w->docs, w->ndocs * sizeof(*p));
		w->docs = p;
		w->capdocs = cap;
	}
	w->docs[w->ndocs].node = n;
	w->docs[w->ndocs++].base = base;
}

/* Whether c is a part of a document other than its BODY, whose own
 * children are the body's. */
static int
other_part(const rp_node *c)
{
	return c->type >= RP_NODE_PREFACE && c->type <= RP_NODE_FURNITURE &&
	    c->type != RP_NODE_BODY;
}

/* Whether c can be a child of an act's <body>, which holds hierarchy
 * elements only: a PARAGRAPH, or what is written as an <hcontainer>. */
static int
hier_child(const rp_node *c)
{
	return c->type == RP_NODE_PARAGRAPH || c->type == RP_NODE_FORMULA ||
	    c->type == RP_NODE_HEADING || c->type == RP_NODE_SEPARATOR;
}

/* Whether c can be a child of the body of a document written with
 * its levels (an act's, a portion's) or its units (a debate's, a
 * judgment's): levels, by LEVELS_*. */
static int
body_fits(struct w *w, const rp_node *c, int levels)
{
	const char	*hname;
	struct unit	 u;

	if (levels == LEVELS_DEBATE || levels == LEVELS_JUDGMENT ||
	    levels == LEVELS_AMENDMENT)
		return unit_in(w, c, levels == LEVELS_DEBATE ? IN_DEBATE :
		    levels == LEVELS_JUDGMENT ? IN_JUDGMENT : IN_AMENDMENT,
		    &hname, &u);
	return hier_child(c);
}

/* How many children the body of dn has, all of which fit the body of
 * levels (body_fits); -1 if one does not. */
static int
levels_body(struct w *w, const rp_node *dn, int levels)
{
	const rp_node	*c, *sub;
	int		 n = 0;

	for (c = dn->first; c != NULL; c = c->next) {
		if (other_part(c))
			continue;
		if (c->type != RP_NODE_BODY && !body_fits(w, c, levels))
			return -1;
		n += c->type != RP_NODE_BODY;
		for (sub = c->type == RP_NODE_BODY ? c->first : NULL;
		    sub != NULL; sub = sub->next, n++)
			if (!body_fits(w, sub, levels))
				return -1;
	}
	return n;
}

/* Whether dn has a part to write besides its body and what goes in
 * <meta> (a portion has none). */
static int
more_parts(const rp_node *dn)
{
	const rp_node *c;

	for (c = dn->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_ANNEX || (c->first != NULL &&
		    (c->type == RP_NODE_PREFACE || c->type ==
		    RP_NODE_PREAMBLE || c->type == RP_NODE_CONCLUSION)))
			return 1;
	return 0;
}

/* Whether dn is a collection of documents: a body with nothing in it,
 * and annexes that hold one document each or refer to one outside the
 * file, at least one. */
static int
collection(const rp_node *dn)
{
	const rp_node	*c;
	int		 n = 0;

	for (c = dn->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_ANNEX) {
			if (c->first == NULL ? c->href == NULL :
			    c->first != c->last ||
			    c->first->type != RP_NODE_DOCUMENT)
				return 0;
			n++;
		} else if (!other_part(c) && (c->type != RP_NODE_BODY ||
		    c->first != NULL))
			return 0;
	}
	return n > 0;
}

/* Whether dn has a preamble with something in it. */
static int
has_preamble(const rp_node *dn)
{
	const rp_node *c;

	for (c = dn->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_PREAMBLE && c->first != NULL)
			return 1;
	return 0;
}

/*
 * The element of a document: a source's own type when its parts are
 * those written here (a main body), or an act's or a bill's whose body
 * holds levels only, a debate's or a judgment's whose body holds its
 * units only (and no preamble, which they have not), a portion's (d->hier:
 * written back as the source had them), else a resolution's or <doc>
 * (docs/AKN.md).
 */
static const char *
doc_element(struct d *d)
{
	static const char *const open[] = { "doc", "statement",
	    "debateReport", NULL };
	static const struct {
		const char	*el;
		int		 levels;
	} structured[] = { { "act", LEVELS_ACT }, { "bill", LEVELS_ACT },
	    { "debate", LEVELS_DEBATE }, { "judgment", LEVELS_JUDGMENT },
	    { "amendment", LEVELS_AMENDMENT } };
	const char	*t = d->m->akn_source ? d->m->akn_source->doctype :
			    NULL;
	size_t		 i;

	for (i = 0; t != NULL && open[i] != NULL; i++)
		if (strcmp(t, open[i]) == 0)
			return open[i];
	for (i = 0; t != NULL && i < sizeof(structured) /
	    sizeof(structured[0]); i++)
		if (strcmp(t, structured[i].el) == 0 && levels_body(d->w,
		    d->node, structured[i].levels) > 0 &&
		    (structured[i].levels == LEVELS_ACT ||
		    !has_preamble(d->node))) {
			d->hier = structured[i].levels;
			return structured[i].el;
		}
	if (t != NULL && collection(d->node) && (strcmp(t,
	    "documentCollection") == 0 || strcmp(t, "amendmentList") == 0 ||
	    strcmp(t, "officialGazette") == 0)) {
		d->hier = LEVELS_COLLECTION;
		return t;
	}
	/* A portion is one level (or container) and its meta, of the
	 * document its includedIn names. */
	if (t != NULL && strcmp(t, "portion") == 0 &&
	    d->m->akn_source->included_in != NULL &&
	    levels_body(d->w, d->node, LEVELS_PORTION) == 1 &&
	    !more_parts(d->node)) {
		d->hier = LEVELS_PORTION;
		return t;
	}
	return d->m->kind == RP_DOC_RESOLUTION && t == NULL ? "statement" :
	    "doc";
}

/* The element of document d under parent, with its attributes: a
 * foreign document's name (its type when it has none). */
static xnode *
doc_open(struct d *d, xnode *parent)
{
	const rp_akn_source	*s = d->m->akn_source;
	xnode			*x = el(d->w, parent, doc_element(d));

	if (d->hier == LEVELS_PORTION) {
		at(d->w, x, "includedIn", s->included_in);
		return x;
	}
	at(d->w, x, "name", d->appendix ? "appendix" :
	    s == NULL ? kind_names[d->m->kind] :
	    s->name != NULL ? s->name : s->doctype);
	if (d->m->kind == RP_DOC_RESOLUTION)
		at(d->w, x, "contains", "originalVersion");
	return x;
}

/* An ANNEX's <attachment> or <component> under parent, with its
 * heading and (if named) subheading; *id: its eId. */
static xnode *
annex_open(struct d *d, xnode *parent, const char *el_name,
    const rp_node *c, int named, const char *want, const char **id)
{
	xnode *a = el(d->w, parent, el_name);

	*id = eid(d->w, a, want);
	if (c->num != NULL)
		text(d->w, el(d->w, a, "heading"), c->num, strlen(c->num));
	if (named && c->name != NULL)
		text(d->w, el(d->w, a, "subheading"), c->name,
		    strlen(c->name));
	return a;
}

/*
 * The <component>s of a collection's body cb, one for each ANNEX: one
 * without a name holds its document, as a component can; a named one
 * is a <documentRef> showing it, to the document outside the file it
 * refers to or to the <component> of <components> that will hold its
 * document, whose eId it returns (else NULL), in order.
 */
static const char **
components(struct d *d, xnode *cb)
{
	struct w	*w = d->w;
	const rp_node	*c;
	const char	**ids, *id;
	xnode		*comp, *ref;
	int		 k = 0;

	for (c = d->node->first; c != NULL; c = c->next)
		k += c->type == RP_NODE_ANNEX;
	ids = rp_arena_alloc(&w->arena, (size_t)k * sizeof(*ids));
	k = 0;
	for (c = d->node->first; c != NULL; c = c->next) {
		if (c->type != RP_NODE_ANNEX)
			continue;
		comp = annex_open(d, cb, "component", c, 0, join(w, d->base,
		    wfmt(w, "cmp_%d", k + 1)), &id);
		ids[k++] = NULL;
		if (c->name == NULL && c->first != NULL) {
			document(w, comp, c->first, d, k, id);
			continue;
		}
		ref = el(w, comp, "documentRef");
		if (c->first != NULL)
			ids[k - 1] = unique_id(w, join(w, d->base, wfmt(w,
			    "cmpnts__cmp_%d", k)));
		at(w, ref, "href", ids[k - 1] == NULL ? c->href :
		    wfmt(w, "#%s", ids[k - 1]));
		at(w, ref, "showAs", c->name ? c->name : "");
	}
	return ids;
}

/*
 * The body of d under part: its levels, units or blocks (mainBody is
 * required, and not empty); a collection's components (components()).
 */
static const char **
body(struct d *d, xnode *part)
{
	struct seq	 q = { 0 };
	const rp_node	*c, *sub;

	if (d->hier == LEVELS_COLLECTION)
		return components(d, part);
	for (c = d->node->first; c != NULL; c = c->next) {
		if (other_part(c))
			continue;
		if (c->type != RP_NODE_BODY)
			body_child(d, part, c, &q);
		for (sub = c->type == RP_NODE_BODY ? c->first : NULL;
		    sub != NULL; sub = sub->next)
			body_child(d, part, sub, &q);
	}
	if (part->children == NULL)
		el(d->w, part, "p");
	return NULL;
}

/* The ANNEXes of d, after its conclusions: <attachments>, or the
 * <components> of a collection, with the eIds its body gave them. */
static void
annexes(struct d *d, xnode *x, const char **comps)
{
	struct w	*w = d->w;
	const rp_node	*c, *sub;
	xnode		*atts = NULL, *a;
	const char	*aid;
	int		 k = 0;

	for (c = d->node->first; c != NULL; c = c->next) {
		if (c->type != RP_NODE_ANNEX)
			continue;
		if (comps != NULL && comps[k] == NULL) {
			k++;	/* in its component, or outside the file */
			continue;
		}
		if (atts == NULL)
			atts = el(w, x, comps ? "components" : "attachments");
		if (comps != NULL) {
			a = el(w, atts, "component");
			at(w, a, "eId", aid = comps[k++]);
		} else
			a = annex_open(d, atts, "attachment", c, 1, join(w,
			    d->base, wfmt(w, "att_%d", ++k)), &aid);
		sub = rp_node_child(c, RP_NODE_DOCUMENT);
		if (sub != NULL && (sub != c->first || sub->next != NULL))
			rp_msg(w->doc, RP_WARNING, "not-written",
			    c->line, c->col,
			    "akn: only the document of an annex is written");
		document(w, a, sub != NULL ? sub : c, d, k, aid);
	}
}

/* The parts of a document in the order AKN requires, whatever the order
 * of the model: preface, preamble, body, conclusions, attachments. */
static xnode *
document(struct w *w, xnode *parent, const rp_node *dn,
    const struct d *outer, int annex_pos, const char *base)
{
	static const rp_meta	 annex_meta = { .kind = RP_DOC_ANNEX,
				    .votes_for = -1, .votes_against = -1,
				    .votes_abstain = -1 };
	struct d		 d = { 0 };
	struct seq		 q = { 0 };
	const rp_node		*c;
	xnode			*x, *meta, *ident, *part;
	const char		**comps;

	d.w = w;
	d.node = dn;
	/* An ANNEX without a DOCUMENT is written as an annexed doc. */
	d.m = dn->meta ? dn->meta : &annex_meta;
	d.base = base;
	/* An annex's own annex is its appendix, a component of the
	 * annex's. */
	d.appendix = d.m->kind == RP_DOC_ANNEX && outer != NULL &&
	    outer->m->kind == RP_DOC_ANNEX;
	doc_add(w, dn, base);
	x = doc_open(&d, parent);
	meta = el(w, x, "meta");
	ident = el(w, meta, "identification");
	d.refs = el(w, meta, "references");
	at(w, d.refs, "source", "#converter");
	identify(&d, outer, annex_pos);
	identification(&d, ident);

	/* A judgment's <header> is required. */
	part = d.hier == LEVELS_JUDGMENT ? el(w, x, "header") : NULL;
	for (c = dn->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_PREFACE && c->first != NULL) {
			if (part == NULL)
				part = el(w, x, "preface");
			preface(&d, part, c, &q);
		}
	memset(&q, 0, sizeof(q));
	part = NULL;
	for (c = dn->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_PREAMBLE && c->first != NULL) {
			if (part == NULL)
				part = el(w, x, "preamble");
			preamble(&d, part, c, &q);
		}
	comps = body(&d, el(w, x, body_element[d.hier]));
	memset(&q, 0, sizeof(q));
	part = NULL;
	for (c = dn->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_CONCLUSION && c->first != NULL) {
			if (part == NULL)
				part = el(w, x, "conclusions");
			conclusions(&d, part, c, &q);
		}
	annexes(&d, x, comps);
	meta_tail(&d, meta, d.refs);
	return x;
}

/* The manifestation date from SOURCE_DATE_EPOCH, for reproducible
 * output that records when it was made; NULL if unset or invalid. */
static const char *
epoch_date(struct w *w)
{
	const char	*s = getenv("SOURCE_DATE_EPOCH");
	char		*end;
	long long	 v;
	time_t		 t;
	struct tm	 tm;

	if (s == NULL || *s == '\0')
		return NULL;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || v < 0)
		return NULL;
	t = (time_t)v;
	if (gmtime_r(&t, &tm) == NULL)
		return NULL;
	return wfmt(w, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
}

/* The tree of doc in w's arena (w_free frees it), or NULL. */
static xnode *
build(struct w *w, rp_doc *doc)
{
	xnode *root;

	memset(w, 0, sizeof(*w));
	if (doc->root == NULL || doc->root->type != RP_NODE_DOCUMENT) {
		rp_msg(doc, RP_ERROR, "empty",
		    0, 0, "akn: no document to write");
		return NULL;
	}
	w->doc = doc;
	if ((w->tlc = xmlHashCreate(16)) == NULL ||
	    (w->dates = xmlHashCreate(16)) == NULL) {
		rp_msg(doc, RP_ERROR, "memory", 0, 0, "akn: out of memory");
		return NULL;
	}
	root = el(w, NULL, "akomaNtoso");
	root->def = &akn_ns;
	w->mdate = epoch_date(w);
	known_dates(w, doc->root);
	document(w, root, doc->root, NULL, 0, "");
	return root;
}

static void
w_free(struct w *w)
{
	rp_map_free(&w->ids);
	rp_map_free(&w->nextid);
	rp_map_free(&w->noted);
	xmlHashFree(w->tlc, NULL);
	xmlHashFree(w->dates, NULL);
	rp_arena_free(&w->arena);
}

xmlDocPtr
rp_akn_build(rp_doc *doc, const rp_options *opt)
{
	struct w	 w;
	xnode		*root;
	xmlDocPtr	 x = NULL;

	(void)opt;
	if ((root = build(&w, doc)) != NULL &&
	    (x = xn_to_xml(root)) == NULL)
		rp_msg(doc, RP_ERROR, "memory", 0, 0, "akn: out of memory");
	w_free(&w);
	return x;
}

static void *
akn_create(const rp_options *opt, const char **err)
{
	static int state;

	(void)opt;
	(void)err;
	return &state;
}

/*
 * The tree written out as xmlSaveDoc writes it with a UTF-8 output,
 * byte for byte, but in one walk: the indentation is written as it
 * goes, not added to the tree as text nodes first.  libxml2 escapes
 * text as xmlEscapeContent does and attribute values as
 * xmlBufAttrSerializeTxtContent does: these tables are theirs, and the
 * bytes they replace are the stops of the scan.
 */
static const char *const text_escape[256] = {
	['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;", ['\r'] = "&#13;",
};
static const char *const attr_escape[256] = {
	['<'] = "&lt;", ['>'] = "&gt;", ['&'] = "&amp;", ['\r'] = "&#13;",
	['"'] = "&quot;", ['\n'] = "&#10;", ['\t'] = "&#9;",
};
#define TEXT_STOPS	"<>&\r"
#define ATTR_STOPS	"<>&\r\"\n\t"

/* s escaped: runs up to a byte of stops copied whole. */
static void
put_escaped(rp_buf *out, const char *s, const char *stops,
    const char *const esc[256])
{
	size_t k;

	for (;; s += k + 1) {
		k = strcspn(s, stops);
		rp_buf_put(out, s, k);
		if (s[k] == '\0')
			return;
		rp_buf_puts(out, esc[(unsigned char)s[k]]);
	}
}

static void
put_qname(rp_buf *out, const xns *ns, const char *name)
{
	if (ns != NULL && ns->prefix != NULL) {
		rp_buf_puts(out, ns->prefix);
		rp_buf_putc(out, ':');
	}
	rp_buf_puts(out, name);
}

/* <name, its namespace declaration, then its attributes. */
static void
put_start(rp_buf *out, const xnode *n)
{
	const xattr *a;

	rp_buf_putc(out, '<');
	put_qname(out, n->ns, n->name);
	if (n->def != NULL) {
		rp_buf_puts(out, " xmlns");
		if (n->def->prefix != NULL) {
			rp_buf_putc(out, ':');
			rp_buf_puts(out, n->def->prefix);
		}
		rp_buf_puts(out, "=\"");
		rp_buf_puts(out, n->def->href);
		rp_buf_putc(out, '"');
	}
	for (a = n->attrs; a != NULL; a = a->next) {
		rp_buf_putc(out, ' ');
		rp_buf_puts(out, a->name);
		rp_buf_puts(out, "=\"");
		put_escaped(out, a->value, ATTR_STOPS, attr_escape);
		rp_buf_putc(out, '"');
	}
}

/*
 * Whether n's children go on lines of their own: only in the structure.
 * libxml2's formatter also indents inside <p> when it holds only
 * elements, which would add text; so elements that hold text (p, num,
 * heading, subheading), any with a text child, and all below them are
 * kept as they are.
 */
static int
indented(const xnode *n)
{
	static const char *const kept[] = { "p", "num", "heading",
	    "subheading" };
	const xnode	*c;
	size_t		 i;

	for (i = 0; i < sizeof(kept) / sizeof(kept[0]); i++)
		if (strcmp(n->name, kept[i]) == 0)
			return 0;
	for (c = n->children; c != NULL; c = c->next)
		if (c->name == NULL)
			return 0;
	return 1;
}

/* A new line and two spaces a level (at most 32). */
static void
put_indent(rp_buf *out, int level)
{
	static const char spaces[] = "\n"
	    "                                                                ";

	rp_buf_put(out, spaces, 1 + 2 * (size_t)level);
}

/* n and all below it; depth -1 below an element kept as it is.  Past
 * 31 levels the indentation stops growing. */
static void
put_node(rp_buf *out, const xnode *n, int depth)
{
	const xnode	*c;
	int		 in, w = depth < 31 ? depth : 31;

	if (n->name == NULL) {
		put_escaped(out, n->text, TEXT_STOPS, text_escape);
		return;
	}
	put_start(out, n);
	if (n->children == NULL) {
		rp_buf_puts(out, "/>");
		return;
	}
	rp_buf_putc(out, '>');
	in = depth >= 0 && indented(n);
	for (c = n->children; c != NULL; c = c->next) {
		if (in)
			put_indent(out, w + 1);
		put_node(out, c, in ? depth + 1 : -1);
	}
	if (in)
		put_indent(out, w);
	rp_buf_puts(out, "</");
	put_qname(out, n->ns, n->name);
	rp_buf_putc(out, '>');
}

static int
akn_render(void *state, rp_doc *doc, rp_buf *out)
{
	struct w	 w;
	xnode		*root;

	(void)state;
	if ((root = build(&w, doc)) != NULL) {
		rp_buf_puts(out,
		    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		put_node(out, root, 0);
		rp_buf_putc(out, '\n');
	}
	w_free(&w);
	return root != NULL ? 0 : -1;
}

static void
akn_destroy(void *state)
{
	(void)state;
}

const struct rp_backend rp_backend_akn = {
	.fmt = RP_FORMAT_AKN,
	.create = akn_create,
	.render = akn_render,
	.destroy = akn_destroy,
};
