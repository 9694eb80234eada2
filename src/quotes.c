/* quotes.c -- typographic quotes (issue 11): a straight quote opens
 * after a space, an opening bracket or dash, or at the start of a block,
 * and closes before a space or a closing punctuation mark; between two
 * letters (Chinese has no spaces: 题为"大会工作"的) it closes the quote
 * that is open, else opens one.  A single quote that does not open is
 * an apostrophe, or closes the single quote that is open.  The marks are
 * data: the settings of lang/<lang>.conf. */
#include <stdio.h>
#include <string.h>

#include "lang.h"
#include "write_akn.h"
#include "quotes.h"
#include "spacing.h"
#include "utf8.h"

/* The marks where a language's table names none (English's). */
static const rp_quotes english = { "\u201C", "\u201D", "\u2018", "\u2019",
    "\u2019" };

/* A setting "“ ”" into its two halves; a malformed one leaves them. */
static void
pair(const char *v, char *open, char *close, size_t size)
{
	const char *sp;

	if (v == NULL || (sp = strchr(v, ' ')) == NULL || sp == v ||
	    sp[1] == '\0' || (size_t)(sp - v) >= size ||
	    strlen(sp + 1) >= size)
		return;
	snprintf(open, size, "%.*s", (int)(sp - v), v);
	snprintf(close, size, "%s", sp + 1);
}

void
rp_quotes_of(rp_quotes *q, const char *language)
{
	const char *v;

	*q = english;
	pair(rp_lang_code_setting(language, "quotes"), q->open, q->close,
	    sizeof(q->open));
	pair(rp_lang_code_setting(language, "single quotes"), q->open1,
	    q->close1, sizeof(q->open1));
	if ((v = rp_lang_code_setting(language, "apostrophe")) != NULL &&
	    strlen(v) < sizeof(q->apostrophe))
		snprintf(q->apostrophe, sizeof(q->apostrophe), "%s", v);
}

/* Whether cp is one of the characters of set (UTF-8). */
static int
among(const char *set, uint32_t cp)
{
	size_t		n = strlen(set), i, k;
	uint32_t	c;

	for (i = 0; i < n; i += k ? k : 1)
		if ((k = rp_utf8_decode(set + i, n - i, &c)) > 0 && c == cp)
			return 1;
	return 0;
}

/* A quote after cp opens one (0: the block's start). */
static int
opens_after(uint32_t cp)
{
	return cp == 0 || rp_is_space(cp) || rp_is_cjk_opening(cp) ||
	    among("([{<-/\u2013\u2014\u00AB\u201E\u201A", cp);
}

/* A quote before cp closes one. */
static int
closes_before(uint32_t cp)
{
	return rp_is_space(cp) || rp_is_cjk_closing(cp) ||
	    among(".,;:!?)]}>\u2013\u2014\u00BB", cp);
}

/* What stands around the quote s[i]: a character after which a quote
 * opens, one before which it closes (the next character is unknown at
 * the end of s: it may be the next node's). */
static void
around(const rp_quote_state *st, const char *s, size_t n, size_t i,
    int *before, int *after)
{
	uint32_t next;

	*before = opens_after(st->prev);
	*after = i + 1 < n && rp_utf8_decode(s + i + 1, n - i - 1, &next) > 0 &&
	    closes_before(next);
}

/* Put a mark; a mark that carries its own space (French "« ") takes the
 * place of a plain one beside it. */
static void
put_mark(rp_buf *out, const char *mark, const char *s, size_t n,
    size_t *i)
{
	size_t		k;
	uint32_t	c;

	if (rp_utf8_decode(mark, strlen(mark), &c) > 0 && rp_is_space(c))
		while (out->len > 0 && out->data[out->len - 1] == ' ')
			out->data[--out->len] = '\0';
	rp_buf_puts(out, mark);
	if (rp_is_space(rp_utf8_last(mark, strlen(mark), &k)))
		while (*i + 1 < n && s[*i + 1] == ' ')
			(*i)++;
}

/* The mark for the quote s[i], the state moved past it.  A double
 * quote with the same on both sides (two letters, two spaces) closes
 * the one open, else opens one. */
static const char *
mark_for(const rp_quotes *q, rp_quote_state *st, const char *s, size_t n,
    size_t i)
{
	int before, after;

	around(st, s, n, i, &before, &after);
	if (s[i] == '"') {
		st->open = before != after ? before : !st->open;
		return st->open ? q->open : q->close;
	}
	if (before && !after) {
		st->open1 = 1;
		return q->open1;
	}
	if (st->open1 && !before && (after || i + 1 == n)) {
		st->open1 = 0;
		return q->close1;
	}
	return q->apostrophe;
}

const char *
rp_quotes_set(const rp_quotes *q, rp_quote_state *st, const char *s,
    size_t n, rp_buf *out)
{
	size_t		 i, k;
	uint32_t	 cp;
	int		 any = 0;

	if (memchr(s, '"', n) == NULL && memchr(s, '\'', n) == NULL) {
		if (n > 0)
			st->prev = rp_utf8_last(s, n, &k);
		return s;
	}
	rp_buf_reset(out);
	for (i = 0; i < n; i += k) {
		if ((k = rp_utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			cp = (unsigned char)s[i];
		}
		if (cp == '"' || cp == '\'') {
			const char *m = mark_for(q, st, s, n, i);

			put_mark(out, m, s, n, &i);
			/* An opening or a closing mark, whatever its glyph
			 * (Arabic opens with ”). */
			st->prev = m == q->open || m == q->open1 ? 0x201C :
			    0x2019;
			k = 1;
			any = 1;
			continue;
		}
		rp_buf_put(out, s + i, k);
		st->prev = cp;
	}
	return any && out->data != NULL ? out->data : s;
}

/* AKN elements inside a line of text: a quote opened before one of them
 * may close inside it or after it.  Any other element is a block of its
 * own (a footnote inside a paragraph too). */
static const char *const inline_names[] = {
	"a", "abbr", "b", "date", "def", "docAuthority", "docCommittee",
	"docDate", "docNumber", "docProponent", "docStatus", "docTitle",
	"docType", "entity", "event", "i", "inline", "location", "mref",
	"noteRef", "organization", "person", "quantity", "ref", "role",
	"rref", "session", "shortTitle", "signature", "span", "sub", "sup",
	"term", "time", "u"
};

static int
is_inline(xmlNodePtr n)
{
	size_t i;

	for (i = 0; i < sizeof(inline_names) / sizeof(inline_names[0]); i++)
		if (xmlStrEqual(n->name, BAD_CAST inline_names[i]))
			return 1;
	return 0;
}

/* The akn child of n named name, or NULL. */
static xmlNodePtr
akn_child(xmlNodePtr n, const char *name)
{
	xmlNodePtr c;

	for (c = n ? n->children : NULL; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && c->ns != NULL &&
		    xmlStrEqual(c->ns->href, BAD_CAST RP_AKN_NS) &&
		    xmlStrEqual(c->name, BAD_CAST name))
			return c;
	return NULL;
}

/* What the walk sets in a document's text: its language's quotes (when
 * on) and spaces. */
struct typo {
	int		 on;	/* -V quotes */
	rp_quotes	 q;
	rp_spacing	 sp;
};

/* A document element's language (FRBRlanguage), into t; t unchanged
 * for an element that is no document. */
static void
doc_typo(xmlNodePtr d, struct typo *t)
{
	xmlNodePtr	 l;
	xmlChar		*v;

	l = akn_child(akn_child(akn_child(akn_child(d, "meta"),
	    "identification"), "FRBRExpression"), "FRBRlanguage");
	if (l != NULL && (v = xmlGetProp(l, BAD_CAST "language")) != NULL) {
		rp_quotes_of(&t->q, (const char *)v);
		rp_spacing_of(&t->sp, (const char *)v);
		xmlFree(v);
	}
}

/* Text node c's quotes and spaces, after what st says came before it. */
static void
typo_text(xmlNodePtr c, const struct typo *t, rp_quote_state *st,
    rp_buf *b, rp_buf *b2)
{
	const char	*s = (const char *)c->content, *r = s;
	uint32_t	 prev = st->prev;
	size_t		 k;

	if (t->on)
		r = rp_quotes_set(&t->q, st, s, strlen(s), b);
	else if (*s != '\0')
		st->prev = rp_utf8_last(s, strlen(s), &k);
	r = rp_spacing_set(&t->sp, prev, r, strlen(r), b2);
	if (r != s)
		xmlNodeSetContent(c, BAD_CAST r);
}

static void
typo_children(xmlNodePtr n, const struct typo *t, rp_quote_state *st,
    rp_buf *b, rp_buf *b2)
{
	xmlNodePtr c;

	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL)
			typo_text(c, t, st, b, b2);
		else if (c->type == XML_ELEMENT_NODE &&
		    !xmlStrEqual(c->name, BAD_CAST "meta")) {
			rp_quote_state	 own = { 0, 0, 0 };
			struct typo	 inner = *t;

			doc_typo(c, &inner);
			typo_children(c, &inner, is_inline(c) ? st : &own, b,
			    b2);
		}
	}
}

void
rp_typography_akn(xmlDocPtr x, int quotes)
{
	struct typo	 t;
	rp_quote_state	 st = { 0, 0, 0 };
	rp_buf		 b, b2;

	t.on = quotes;
	rp_quotes_of(&t.q, NULL);
	rp_spacing_of(&t.sp, NULL);
	rp_buf_init(&b);
	rp_buf_init(&b2);
	if (xmlDocGetRootElement(x) != NULL)
		typo_children(xmlDocGetRootElement(x), &t, &st, &b, &b2);
	rp_buf_free(&b);
	rp_buf_free(&b2);
}

int
rp_quotes_flag(const char *v)
{
	static const char *const on[] = { "1", "yes", "true", "on" };
	static const char *const off[] = { "0", "no", "false", "off" };
	size_t i;

	for (i = 0; v != NULL && i < sizeof(on) / sizeof(on[0]); i++) {
		if (strcmp(v, on[i]) == 0)
			return 1;
		if (strcmp(v, off[i]) == 0)
			return 0;
	}
	return -1;
}
