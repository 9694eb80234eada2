/*
 * read_md.c -- the Markdown reader.  cmark-gfm parses (with footnotes);
 * this file maps its tree onto the model.  Markdown gives the structure
 * it has (ordered lists are numbered paragraphs, bullet lists sub-items,
 * headings annexes and titles, [^n] footnotes (or, in a file with none,
 * "1 See …" notes a PDF extraction left at page feet), a rule the end of the
 * masthead); everything else is decided by the drafting rules the text
 * reader uses (classify.h), in the order it applies them: masthead()
 * for the masthead, classify_para() for the rest.  The metadata comes
 * from the masthead and closing lines as in the text, the YAML front
 * matter over it.  See write_md.c for the layout respub writes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "backend.h"
#include "classify.h"
#include "inline.h"
#include "lang.h"
#include "md_meta.h"
#include "seams.h"
#include "utf8.h"

#define MAX_DEPTH 8	/* annexes within annexes */

enum zone { Z_PREFACE, Z_PREAMBLE, Z_BODY, Z_CONCLUSION };

/* One document being read, on a stack for annexes. */
struct rdoc {
	rp_node		*node;
	rp_node		*part;		/* PREFACE, PREAMBLE, ... now open */
	enum zone	 zone;
	rp_node		*last_para;	/* where a bullet list belongs */
	rp_node		*lead_in;	/* its items lost their markers */
	int		 dropped;	/* a running header was skipped */
	int		 started;	/* its first block was read */
	cmark_node	*mbreak;	/* the rule under its masthead */
	int		 masthead_over;	/* its masthead has ended */
	int		 finished;	/* its metadata was completed */
	int		 bulleted;	/* its paragraphs are list items */
};

/* A footnote reference seen in the text. */
struct ref {
	rp_node		*noteref;
	int		 ix;		/* cmark's definition number */
};

/* A footnote definition, known before the text is read: bare-number
 * markers ("Rights, 1 the", "Women,5") are taken only for a footnote
 * defined and expected next, as in the text reader. */
struct def {
	cmark_node	*node;
	const char	*label;
	int		 number;	/* numeric label, or 0 */
	int		 referenced;
	rp_node		*fn;		/* its FOOTNOTE, once made */
};

struct rdr {
	rp_doc		*doc;
	const char	*src;		/* the Markdown after the front matter */
	size_t		 len;
	size_t		*lines;		/* offset of each line start */
	size_t		 nlines;
	/* node_at's last answer: the column of byte col_off on line
	 * col_line (counting from the line's start for every node was
	 * quadratic in a long line). */
	int		 col_line, col_col;
	size_t		 col_off;
	int		 line0;		/* lines of front matter */
	int		 arrows;	/* wiki notes "- ↑ …" so far */
	int		*cuts;		/* first lines of pieces cut apart */
	size_t		 ncuts, capcuts;
	struct rdoc	 stack[MAX_DEPTH];
	int		 depth;
	struct ref	*refs;
	size_t		 nrefs, caprefs;
	struct def	*defs;		/* in cmark's order */
	size_t		 ndefs;
	int		 in_notes;	/* reading definitions: no markers */
	int		 closing_more;	/* paragraphs a closing line took
					   with it */
	rp_node		*docs[64];	/* documents in the order they begin */
	int		 ndocs;
	int		 nannex;	/* annexes so far */
	const char	*fm[MD_F__MAX];	/* front-matter values */
	rp_node		*furniture;	/* page furniture, for the root */
};

/* ------------------------------------------------------------ positions */

static void
index_lines(struct rdr *r)
{
	size_t i, cap = 0;

	RP_GROW(r->lines, r->nlines, cap);
	r->lines[r->nlines++] = 0;
	for (i = 0; i < r->len; i++) {
		if (r->src[i] != '\n')
			continue;
		RP_GROW(r->lines, r->nlines, cap);
		r->lines[r->nlines++] = i + 1;
	}
}

/* A blank line put before line at (1-based, as the source now is) to
 * cut a paragraph: two lines more from there on (cut_plain_paragraphs,
 * notes_run_on). */
static void
add_cut(struct rdr *r, int at)
{
	size_t i;

	for (i = 0; i < r->ncuts; i++)
		if (r->cuts[i] > at)
			r->cuts[i] += 2;
	RP_GROW(r->cuts, r->ncuts, r->capcuts);
	r->cuts[r->ncuts++] = at + 2;
}

/* The line of the file that cmark's line is (front matter and cuts
 * counted out). */
static int
src_line(const struct rdr *r, int line)
{
	size_t	i;
	int	back = 0;

	for (i = 0; i < r->ncuts; i++)
		if (r->cuts[i] <= line)
			back += 2;
	return line + r->line0 - back;
}

/* Byte offset of cmark's line:column (1-based, bytes), clamped. */
static size_t
offset_of(const struct rdr *r, int line, int col)
{
	size_t off;

	if (line < 1)
		return 0;
	if ((size_t)line > r->nlines)
		return r->len;
	off = r->lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
	return off > r->len ? r->len : off;
}

/* A model node at cmark node c's position (columns in characters). */
static rp_node *
node_at(struct rdr *r, rp_node_type t, cmark_node *c)
{
	int	 line = cmark_node_get_start_line(c);
	int	 bcol = cmark_node_get_start_column(c), col = 1;
	size_t	 i, end;

	if (line >= 1 && (size_t)line <= r->nlines) {
		end = offset_of(r, line, bcol);
		i = r->lines[line - 1];
		if (r->col_line == line && r->col_off >= i &&
		    r->col_off <= end) {
			i = r->col_off;
			col = r->col_col;
		}
		for (; i < end; i++)
			if (((unsigned char)r->src[i] & 0xC0) != 0x80)
				col++;
		r->col_line = line;
		r->col_off = end;
		r->col_col = col;
	}
	return rp_node_new(r->doc, t, src_line(r, line), col);
}

/* ---------------------------------------------------------- front matter */

/* The length of a front-matter block at buf ("---" ... "---"), or 0. */
static size_t
front_matter_len(const char *buf, size_t len, int *nlines)
{
	size_t	i, eol;
	int	n = 1;

	if (len < 4 || memcmp(buf, "---", 3) != 0 ||
	    (buf[3] != '\n' && buf[3] != '\r'))
		return 0;
	for (i = 0; i < len; i = eol + 1, n++) {
		const char *e = memchr(buf + i, '\n', len - i);

		eol = e ? (size_t)(e - buf) : len;
		if (i > 0 && eol - i >= 3 && (memcmp(buf + i, "---", 3) == 0 ||
		    memcmp(buf + i, "...", 3) == 0)) {
			size_t k = i + 3;

			while (k < eol && (buf[k] == ' ' || buf[k] == '\r'))
				k++;
			if (k == eol) {
				*nlines = n;
				return eol < len ? eol + 1 : len;
			}
		}
		if (e == NULL)
			break;
	}
	return 0;
}

/* A YAML scalar: plain, 'single' or "double" quoted. */
static char *
yaml_value(rp_doc *doc, const char *s, size_t n)
{
	rp_buf	 b;
	char	*v;
	size_t	 i;

	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
	    s[n - 1] == '\t'))
		n--;
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	rp_buf_init(&b);
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (i = 1; i + 1 < n; i++) {
			if (s[i] != '\\' || i + 2 >= n) {
				rp_buf_putc(&b, s[i]);
				continue;
			}
			switch (s[++i]) {
			case 'n':	rp_buf_putc(&b, '\n'); break;
			case 't':	rp_buf_putc(&b, '\t'); break;
			default:	rp_buf_putc(&b, s[i]); break;
			}
		}
	} else if (n >= 2 && s[0] == '\'' && s[n - 1] == '\'') {
		for (i = 1; i + 1 < n; i++) {
			rp_buf_putc(&b, s[i]);
			if (s[i] == '\'' && s[i + 1] == '\'')
				i++;
		}
	} else {
		/* A plain scalar ends at " #". */
		for (i = 0; i < n; i++)
			if (s[i] == '#' && i > 0 && s[i - 1] == ' ')
				break;
		while (i > 0 && s[i - 1] == ' ')
			i--;
		rp_buf_put(&b, s, i);
	}
	v = rp_doc_strndup(doc, b.data ? b.data : "", b.len);
	rp_buf_free(&b);
	return v;
}

/* ISO 639-1 codes other tools write ("EN"), as the model's 639-2. */
static const char *
language_code(rp_doc *doc, const char *v)
{
	static const char *const map[][2] = { { "en", "eng" }, { "fr", "fra" },
	    { "es", "spa" }, { "ru", "rus" }, { "zh", "zho" }, { "ar", "ara" },
	    { "de", "deu" } };
	char	 low[8];
	size_t	 i, n = strlen(v);

	if (n >= sizeof(low))
		return v;
	for (i = 0; i <= n; i++)
		low[i] = (char)tolower((unsigned char)v[i]);
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcmp(low, map[i][0]) == 0)
			return map[i][1];
	return rp_doc_strdup(doc, low);
}

static void
meta_set(rp_doc *doc, rp_meta *m, int f, const char *v)
{
	size_t	i;
	int	a, b, c;

	switch (f) {
	case MD_F_SYMBOL:	m->symbol = v; break;
	case MD_F_NUMBER:	m->number = v; break;
	case MD_F_DATE:		m->date = v; break;
	case MD_F_TITLE:	m->title = rp_catalogue_title(doc, v); break;
	case MD_F_DISTRIBUTION:	m->distribution = v; break;
	case MD_F_LANGUAGE:	m->language = language_code(doc, v); break;
	case MD_F_YEAR:		m->year = atoi(v); break;
	case MD_F_BODY:
		m->body = rp_body_from_name(v, strlen(v));
		for (b = RP_BODY_UNKNOWN + 1; b < RP_BODY__MAX; b++)
			if (strcmp(v, rp_body_actor((rp_body)b)) == 0)
				m->body = (rp_body)b;
		break;
	case MD_F_MEETING:
		/* "77th plenary meeting", "第 4688次会议": its number. */
		if (m->meeting == NULL || strcmp(m->meeting, v) != 0)
			m->meeting_number = atoi(v + strcspn(v, "0123456789"));
		m->meeting = v;
		break;
	case MD_F_SESSION:
		m->session = v;
		if ((m->session_number = atoi(v)) == 0)
			m->session_number = rp_ordinal_word(v, strlen(v));
		break;
	case MD_F_KIND:
		for (i = 0; i < sizeof(md_kind_names) /
		    sizeof(md_kind_names[0]); i++)
			if (strcmp(v, md_kind_names[i]) == 0)
				m->kind = (rp_doc_kind)i;
		break;
	case MD_F_VOTES:
		if (sscanf(v, "%d-%d-%d", &a, &b, &c) == 3) {
			m->votes_for = a;
			m->votes_against = b;
			m->votes_abstain = c;
		}
		break;
	}
}

/* One item of the "furniture:" list, "19: *2515106*" (the source line,
 * the text), into the FURNITURE part *fu. */
static void
furniture_item(rp_doc *doc, rp_node **fu, const char *v, int line)
{
	char		*end;
	long		 src = strtol(v, &end, 10);
	rp_node		*b;

	if (end == v || *end != ':' || src <= 0 || src > 100000000)
		src = line;
	else
		v = end + (end[1] == ' ' ? 2 : 1);
	if (*fu == NULL)
		*fu = rp_node_new(doc, RP_NODE_FURNITURE, (int)src, 1);
	b = rp_node_new(doc, RP_NODE_BLOCK, (int)src, 1);
	rp_node_append(b, rp_text_new(doc, v, strlen(v), (int)src, 1));
	rp_node_append(*fu, b);
}

/* "key: value" lines into fm[], the "furniture:" list into *fu; other
 * YAML (lists, nesting) is skipped. */
static void
read_front_matter(rp_doc *doc, const char **fm, rp_node **fu, const char *s,
    size_t n)
{
	size_t	i, eol, k;
	int	f, line = 1, in_list = 0;

	for (i = 0; i < n; i = eol + 1, line++) {
		const char *e = memchr(s + i, '\n', n - i);

		eol = e ? (size_t)(e - s) : n;
		if (in_list && eol > i + 3 && memcmp(s + i, "  - ", 4) == 0) {
			furniture_item(doc, fu, yaml_value(doc, s + i + 4,
			    eol - i - 4), line);
			continue;
		}
		in_list = eol - i >= 10 && memcmp(s + i, "furniture:", 10) ==
		    0 && *yaml_value(doc, s + i + 10, eol - i - 10) == '\0';
		for (k = i; k < eol && s[k] != ':' && s[k] != ' '; k++)
			continue;
		if (k > i && k < eol && s[k] == ':' &&
		    (f = md_field_find(s + i, k - i)) >= 0) {
			const char *v = yaml_value(doc, s + k + 1, eol - k - 1);

			if (*v != '\0')
				fm[f] = v;
		}
	}
}

/* ------------------------------------------------------------- inlines */

/* The footnote label written at s ("[^label]"), into b. */
static void
label_at(const struct rdr *r, size_t off, rp_buf *b)
{
	size_t i;

	if (off + 2 > r->len || r->src[off] != '[' || r->src[off + 1] != '^')
		return;
	for (i = off + 2; i < r->len && r->src[i] != ']' &&
	    r->src[i] != '\n'; i++)
		rp_buf_putc(b, r->src[i]);
}

static void
add_ref(struct rdr *r, rp_node *nr, int ix)
{
	RP_GROW(r->refs, r->nrefs, r->caprefs);
	r->refs[r->nrefs].noteref = nr;
	r->refs[r->nrefs++].ix = ix;
}

/* Append text to parent, merging with a TEXT just before. */
static void
put_text(struct rdr *r, rp_node *parent, const char *s, cmark_node *at)
{
	rp_node *t;

	if (rp_text_extend(r->doc, parent, s, strlen(s)))
		return;
	t = node_at(r, RP_NODE_TEXT, at);
	t->literal = rp_doc_strdup(r->doc, s);
	rp_node_append(parent, t);
}

static void
inlines(struct rdr *r, rp_node *parent, cmark_node *c, cmark_node *stop)
{
	rp_node		*n;
	const char	*lit;
	rp_buf		 b;

	for (; c != NULL && c != stop; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(c);
			put_text(r, parent, lit ? lit : "", c);
			break;
		case CMARK_NODE_SOFTBREAK:
			put_text(r, parent, " ", c);
			break;
		case CMARK_NODE_EMPH:
		case CMARK_NODE_STRONG:
			n = node_at(r, cmark_node_get_type(c) ==
			    CMARK_NODE_EMPH ? RP_NODE_EMPH : RP_NODE_STRONG, c);
			inlines(r, n, cmark_node_first_child(c), NULL);
			rp_node_append(parent, n);
			break;
		case CMARK_NODE_LINK:
			n = node_at(r, RP_NODE_LINK, c);
			n->href = rp_doc_strdup(r->doc, cmark_node_get_url(c));
			inlines(r, n, cmark_node_first_child(c), NULL);
			rp_node_append(parent, n);
			break;
		case CMARK_NODE_FOOTNOTE_REFERENCE:
			n = node_at(r, RP_NODE_NOTEREF, c);
			rp_buf_init(&b);
			label_at(r, offset_of(r, cmark_node_get_start_line(c),
			    cmark_node_get_start_column(c)), &b);
			n->num = rp_doc_strndup(r->doc, b.data ? b.data : "",
			    b.len);
			rp_buf_free(&b);
			add_ref(r, n, atoi(cmark_node_get_literal(c)));
			if (r->refs[r->nrefs - 1].ix >= 1 &&
			    (size_t)r->refs[r->nrefs - 1].ix <= r->ndefs)
				r->defs[r->refs[r->nrefs - 1].ix - 1].referenced = 1;
			rp_node_append(parent, n);
			break;
		case CMARK_NODE_LINEBREAK:
			/* Blocks are split by the caller. */
			break;
		default:
			/* Images, strikethrough: their text. */
			inlines(r, parent, cmark_node_first_child(c), NULL);
			break;
		}
	}
}

/* The FOOTNOTE of definition k, made when first needed. */
static rp_node *
footnote_of(struct rdr *r, size_t k)
{
	struct def *d = &r->defs[k];

	if (d->fn == NULL) {
		d->fn = node_at(r, RP_NODE_FOOTNOTE, d->node);
		d->fn->num = d->label;
		/* cmark starts a definition at its content. */
		d->fn->col = 1;
	}
	return d->fn;
}

/* cmark's number of the definition whose FOOTNOTE fn is. */
static int
def_number(const struct rdr *r, const rp_node *fn)
{
	size_t k;

	for (k = 0; k < r->ndefs && r->defs[k].fn != fn; k++)
		continue;
	return (int)k + 1;
}

/* The inline scanner's question: the footnote a bare marker calls. */
static rp_node *
lookup_footnote(void *arg, const char *marker, enum rp_marker_kind kind)
{
	struct rdr	*r = arg;
	size_t		 i, k = r->ndefs;
	int		 next = 0;

	for (i = 0; i < r->ndefs; i++) {
		if (k == r->ndefs && strcmp(r->defs[i].label, marker) == 0)
			k = i;
		if (!r->defs[i].referenced && r->defs[i].number > 0 &&
		    (next == 0 || r->defs[i].number < next))
			next = r->defs[i].number;
	}
	if (k == r->ndefs || !rp_marker_fits(kind, r->defs[k].number,
	    r->defs[k].referenced, next))
		return NULL;
	r->defs[k].referenced = 1;
	return footnote_of(r, k);
}

/* Document references, dates and bare footnote markers in the TEXTs
 * under n (not in links). */
static void
find_refs(struct rdr *r, rp_node *n, rp_body body)
{
	struct rp_inline_ctx	 ctx;
	rp_node			*c, *next, *prev, *m;

	memset(&ctx, 0, sizeof(ctx));
	ctx.doc = r->doc;
	ctx.body = body;
	ctx.footnote = r->in_notes ? NULL : lookup_footnote;
	ctx.arg = r;
	for (c = n->first; c != NULL; c = next) {
		next = c->next;
		prev = c->prev;
		if (c->type == RP_NODE_TEXT) {
			rp_inline_refs(&ctx, c);
			/* Its markers join cmark's references. */
			for (m = prev ? prev->next : n->first; m != next;
			    m = m->next)
				if (m->type == RP_NODE_NOTEREF)
					add_ref(r, m, def_number(r, m->target));
		} else if (c->type == RP_NODE_EMPH ||
		    c->type == RP_NODE_STRONG)
			find_refs(r, c, body);
	}
}

static rp_body
doc_body(const struct rdr *r)
{
	int i;

	for (i = r->depth; i >= 0; i--)
		if (r->stack[i].node->meta->body != RP_BODY_UNKNOWN)
			return r->stack[i].node->meta->body;
	return RP_BODY_UNKNOWN;
}

/* The first skip bytes of the text in parent go (a marker, the formula
 * before its verb), through emphasis ("*The General Assembly* decides"),
 * and the spaces after them: the bytes left to skip. */
static size_t
drop_lead(rp_node *parent, size_t skip)
{
	rp_node	*t;
	size_t	 n;

	while ((t = parent->first) != NULL) {
		if (t->type == RP_NODE_TEXT) {
			n = strlen(t->literal);
			t->literal += skip < n ? skip : n;
			skip -= skip < n ? skip : n;
			while (skip == 0 && *t->literal == ' ')
				t->literal++;
			if (*t->literal != '\0')
				return skip;
		} else if (t->type == RP_NODE_EMPH ||
		    t->type == RP_NODE_STRONG) {
			skip = drop_lead(t, skip);
			if (t->first != NULL)
				return skip;
		} else
			return skip;
		rp_node_unlink(t);
	}
	return skip;
}

/*
 * The BLOCKs of a cmark paragraph or heading (one per hard line break)
 * appended to parent; skip bytes of leading text (a marker) go.
 */
static void
blocks(struct rdr *r, rp_node *parent, cmark_node *p, size_t skip)
{
	cmark_node	*c = cmark_node_first_child(p), *end;
	rp_node		*b;

	while (c != NULL) {
		for (end = c; end != NULL &&
		    cmark_node_get_type(end) != CMARK_NODE_LINEBREAK;
		    end = cmark_node_next(end))
			continue;
		b = node_at(r, RP_NODE_BLOCK, c);
		inlines(r, b, c, end);
		if (skip > 0)
			drop_lead(b, skip);
		skip = 0;
		find_refs(r, b, doc_body(r));
		rp_node_append(parent, b);
		c = end != NULL ? cmark_node_next(end) : NULL;
	}
}

/* The plain text of a cmark subtree, for the drafting rules: as the text
 * reader sees a line, footnote markers included. */
static void
plain(const struct rdr *r, cmark_node *n, rp_buf *b)
{
	cmark_node	*c;
	const char	*lit;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_TEXT:
	case CMARK_NODE_CODE:
	case CMARK_NODE_HTML_INLINE:
		if ((lit = cmark_node_get_literal(n)) != NULL)
			rp_buf_puts(b, lit);
		return;
	case CMARK_NODE_SOFTBREAK:
	case CMARK_NODE_LINEBREAK:
		rp_buf_putc(b, ' ');
		return;
	case CMARK_NODE_FOOTNOTE_REFERENCE:
		label_at(r, offset_of(r, cmark_node_get_start_line(n),
		    cmark_node_get_start_column(n)), b);
		return;
	default:
		break;
	}
	for (c = cmark_node_first_child(n); c != NULL; c = cmark_node_next(c))
		plain(r, c, b);
}

/* ------------------------------------------------------------ documents */

static struct rdoc *
cur(struct rdr *r)
{
	return &r->stack[r->depth];
}

/* The part of type t of the current document, opened when needed. */
static rp_node *
open_part(struct rdr *r, rp_node_type t, cmark_node *at)
{
	struct rdoc	*d = cur(r);
	rp_node		*p, *c, *after = NULL;

	if (d->part != NULL && d->part->type == t)
		return d->part;
	if ((p = rp_node_child(d->node, t)) == NULL) {
		p = node_at(r, t, at);
		p->flags |= RP_NOSRC;
		/* Parts go in their fixed order, annexes and notes last. */
		for (c = d->node->first; c != NULL; c = c->next)
			if (c->type < t)
				after = c;
		if (after == NULL)
			rp_node_prepend(d->node, p);
		else if (after->next != NULL)
			rp_node_insert_before(after->next, p);
		else
			rp_node_append(d->node, p);
	}
	d->part = p;
	d->zone = t == RP_NODE_PREFACE ? Z_PREFACE : t == RP_NODE_PREAMBLE ?
	    Z_PREAMBLE : t == RP_NODE_BODY ? Z_BODY : Z_CONCLUSION;
	return p;
}

static rp_node *
new_document(struct rdr *r, rp_doc_kind kind, cmark_node *at)
{
	rp_node *n = rp_document_new(r->doc, kind,
	    at ? src_line(r, cmark_node_get_start_line(at)) : 1, 1);

	if (r->ndocs < (int)(sizeof(r->docs) / sizeof(r->docs[0])))
		r->docs[r->ndocs++] = n;
	return n;
}

/*
 * The end of a document's own text (its annexes may follow): a letter's
 * signature, the front matter over what the text says (only the
 * outermost document has one), then the metadata completed as the text
 * reader completes it, the language told from the document's own parts.
 */
static void
finish_doc(struct rdr *r, struct rdoc *d)
{
	rp_meta		*m = d->node->meta;
	rp_node		*c;
	rp_buf		 t;
	int		 f;

	if (d->finished)
		return;
	d->finished = 1;
	if (m->kind == RP_DOC_LETTER &&
	    (c = rp_node_child(d->node, RP_NODE_BODY)) != NULL)
		rp_take_signature(r->doc, c);
	if (d == &r->stack[0])
		for (f = 0; f < MD_F__MAX; f++)
			if (r->fm[f] != NULL)
				meta_set(r->doc, m, f, r->fm[f]);
	rp_buf_init(&t);
	for (c = d->node->first; c != NULL; c = c->next)
		if (c->type != RP_NODE_ANNEX && c->type != RP_NODE_NOTES)
			rp_node_text(c, &t);
	rp_finish_meta(r->doc, m, t.data ? t.data : "", t.len,
	    rp_node_child(d->node, RP_NODE_PREFACE));
	rp_untitled_council(m, rp_node_child(d->node, RP_NODE_PREFACE));
	rp_buf_free(&t);
}

/* Close documents down to depth d. */
static void
pop_to(struct rdr *r, int d)
{
	while (r->depth > d) {
		finish_doc(r, cur(r));
		r->depth--;
	}
}

/* The first block of a document: is it a letter? (as the text reader
 * asks of the first line of a text). */
static void
first_block(struct rdr *r, const char *s, size_t n)
{
	struct rdoc *d = cur(r);

	if (d->started)
		return;
	d->started = 1;
	if (r->depth == 0 && r->fm[MD_F_KIND] == NULL &&
	    rp_is_letter_title(s, n))
		d->node->meta->kind = RP_DOC_LETTER;
}

/* Whether a Markdown list follows paragraph p: sub-items a lead-in
 * ("大会决定设置两专门委员会如下.") introduces. */
static int
list_follows(cmark_node *p)
{
	cmark_node *next = cmark_node_next(p);

	return next != NULL && cmark_node_get_type(next) == CMARK_NODE_LIST;
}

/*
 * Whether a paragraph at the top of a document is a masthead line.  The
 * text reader's rule, which looks at the first line of a block: the
 * masthead ends at what opens a unit (formula, numbered paragraph,
 * sub-item, separator), at a long sentence or at a whole recital (the
 * text has no title).  A paragraph has no lines:
 * a formula ending at any word stands for a first line that is one, and
 * a formula leading in the list below ("大会决定…如下.") ends it too.
 */
static int
is_masthead(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	size_t		k;
	rp_body		b;
	rp_clause_end	e;

	if (rp_opens_unit(s, n) || (list_follows(p) &&
	    rp_formula_lead(s, n, &b, 1) > 0) || (rp_whole_recital(s, n) &&
	    rp_masthead_role(s, n) == RP_ROLE_NONE))
		return 0;
	for (k = 1; k < n && k < 200; k++)
		if (s[k] == ' ' && rp_is_formula(s, k, &b))
			return 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* A sentence, not a line announcing what follows in a colon ("…
	 * أصدره في 19 مارس/آذار 1978:"), as the text reader's
	 * sentence_end() has it. */
	e = rp_clause_end_of(s, n);
	return !(n > 60 && rp_masthead_role(s, n) == RP_ROLE_NONE &&
	    e != RP_END_NONE && e != RP_END_COLON && (r->depth > 0 ||
	    rp_node_child(cur(r)->node, RP_NODE_PREFACE) != NULL));
}

/*
 * The rule respub writes under a masthead ("-----"), if the document
 * beginning at c has one: the masthead ends there, no guess needed.
 * Not a rule after the masthead could have ended.
 */
static cmark_node *
masthead_rule(const struct rdr *r, cmark_node *c)
{
	rp_buf	t;
	int	stop = 0;

	rp_buf_init(&t);
	for (; c != NULL && !stop; c = cmark_node_next(c)) {
		switch (cmark_node_get_type(c)) {
		case CMARK_NODE_THEMATIC_BREAK:
			rp_buf_free(&t);
			return c;
		case CMARK_NODE_HEADING:
			/* An annex heading: a title is in a masthead. */
			stop = cmark_node_get_heading_level(c) % 2 == 0 &&
			    cmark_node_get_heading_level(c) <=
			    2 + 2 * r->depth;
			break;
		case CMARK_NODE_PARAGRAPH:
			rp_buf_reset(&t);
			plain(r, c, &t);
			stop = t.data != NULL && rp_opens_unit(t.data, t.len);
			break;
		default:
			stop = 1;
			break;
		}
	}
	rp_buf_free(&t);
	return NULL;
}

/* A masthead line s (the text of the cmark paragraph or heading p) into
 * the preface, with the role and metadata the text reader gives it: a
 * "58/136." before the title is a block of its own. */
static void
masthead(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_meta	*m = cur(r)->node->meta;
	rp_node	*pre = open_part(r, RP_NODE_PREFACE, p), *b;
	int	 role = rp_masthead_role(s, n);
	size_t	 k, skip = 0;

	if (m->kind == RP_DOC_LETTER)
		role = RP_ROLE_TITLE;
	else if (role == RP_ROLE_NONE) {
		if ((k = rp_number_before_title(s, n)) > 0) {
			rp_masthead_meta(r->doc, m, RP_ROLE_NUMBER, s, k);
			b = node_at(r, RP_NODE_BLOCK, p);
			b->role = RP_ROLE_NUMBER;
			put_text(r, b, rp_doc_strndup(r->doc, s, k), p);
			rp_node_append(pre, b);
			skip = k + (s[k] == ' ');
			s += skip;
			n -= skip;
			role = RP_ROLE_TITLE;
		} else
			role = rp_unplaced_role(m, s, n);
	}
	rp_masthead_meta(r->doc, m, role, s, n);
	b = pre->last;
	blocks(r, pre, p, skip);
	for (b = b != NULL ? b->next : pre->first; b != NULL; b = b->next)
		b->role = role;
}

/* The text of the current document's title, without its number. */
static int
is_running_header(struct rdr *r, const char *s, size_t n)
{
	rp_node	*pre = rp_node_child(cur(r)->node, RP_NODE_PREFACE), *b;
	rp_buf	 t;
	size_t	 at;
	int	 hit = 0;

	for (b = pre ? pre->first : NULL; b != NULL && !hit; b = b->next) {
		if (b->role != RP_ROLE_TITLE)
			continue;
		rp_buf_init(&t);
		rp_node_text(b, &t);
		for (at = 0; t.data != NULL && at < t.len &&
		    (isdigit((unsigned char)t.data[at]) || t.data[at] == '/');
		    at++)
			continue;
		at = at >= 3 && at + 1 < t.len && t.data[at] == '.' ?
		    at + 2 : 0;
		hit = t.data != NULL && t.len - at == n &&
		    memcmp(t.data + at, s, n) == 0;
		rp_buf_free(&t);
	}
	return hit;
}

/* Whether the last text of n ends a clause (",", ";", ".", ":") that
 * text s does not go on with ("…, and⏎strongly supporting" goes on). */
static int
ends_clause(const rp_node *n, const char *s, size_t len)
{
	rp_buf	t;
	int	end;

	rp_buf_init(&t);
	rp_node_text(n, &t);
	while (t.len > 0 && t.data[t.len - 1] == ' ')
		t.len--;
	end = rp_ends_clause(t.data, t.len) &&
	    !(rp_without_conjunction(t.data, t.len) != t.len &&
	    rp_goes_on_lower(s, len));
	rp_buf_free(&t);
	return end;
}

/* The last character of the text of n but spaces (a byte), or 0. */
static int
last_char(const rp_node *n)
{
	rp_buf	t;
	size_t	len;
	int	c;

	rp_buf_init(&t);
	rp_node_text(n, &t);
	for (len = t.len; len > 0 && t.data[len - 1] == ' '; len--)
		continue;
	c = len > 0 ? (unsigned char)t.data[len - 1] : 0;
	rp_buf_free(&t);
	return c;
}

/* Whether the text of n ends with a letter (a sentence cut short). */
static int
ends_word(const rp_node *n)
{
	return isalpha(last_char(n));
}

/* Whether the text of n ends with a colon (a lead-in to its items). */
static int
ends_colon(const rp_node *n)
{
	return last_char(n) == ':';
}

/* Whether a line of paragraph p after its first starts with a paragraph
 * number ("…initiatives⏎30. We reaffirm"): it holds a numbered one. */
static int
numbered_line_in(cmark_node *p)
{
	cmark_node	*c, *next;
	const char	*lit;
	size_t		 numlen;

	for (c = cmark_node_first_child(p); c != NULL; c = next) {
		next = cmark_node_next(c);
		if (cmark_node_get_type(c) == CMARK_NODE_SOFTBREAK &&
		    next != NULL && cmark_node_get_type(next) ==
		    CMARK_NODE_TEXT && (lit = cmark_node_get_literal(next)) !=
		    NULL && rp_paragraph_number(lit, strlen(lit), &numlen) > 0)
			return 1;
	}
	return 0;
}

/* Append a bullet list's items (and their sub-lists) to parent. */
static void read_items(struct rdr *r, rp_node *parent, cmark_node *list);

/*
 * Whether an HTML block is a comment, which holds no text of the
 * resolution: dropped, with a warning unless it is the "<!-- end list -->"
 * that CommonMark writers (ours included) put between two lists.
 */
static int
comment_dropped(struct rdr *r, cmark_node *c, const char *lit)
{
	size_t n;

	if (strncmp(lit, "<!--", 4) != 0)
		return 0;
	for (n = strlen(lit); n > 0 && isspace((unsigned char)lit[n - 1]);
	    n--)
		continue;
	if (n != 17 || strncmp(lit, "<!-- end list -->", 17) != 0)
		rp_msg(r->doc, RP_WARNING, "md-html-comment",
		    src_line(r, cmark_node_get_start_line(c)), 1,
		    "HTML comment dropped: %.*s", (int)(n < 60 ?
		    n : 60), lit);
	return 1;
}

/* The content of a list item: blocks and sub-lists. */
static void
item_content(struct rdr *r, rp_node *to, cmark_node *li, size_t skip)
{
	cmark_node	*c;
	rp_node		*b;
	const char	*lit;

	for (c = cmark_node_first_child(li); c != NULL; c = cmark_node_next(c)) {
		if (cmark_node_get_type(c) == CMARK_NODE_LIST) {
			read_items(r, to, c);
			continue;
		}
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH ||
		    cmark_node_get_type(c) == CMARK_NODE_HEADING) {
			blocks(r, to, c, skip);
			skip = 0;
		}
		/* A block quote or code in an item: its text, not nothing
		 * (flatten_deep bounds the nesting). */
		if (cmark_node_get_type(c) == CMARK_NODE_BLOCK_QUOTE)
			item_content(r, to, c, 0);
		if ((cmark_node_get_type(c) == CMARK_NODE_CODE_BLOCK ||
		    cmark_node_get_type(c) == CMARK_NODE_HTML_BLOCK) &&
		    (lit = cmark_node_get_literal(c)) != NULL &&
		    !comment_dropped(r, c, lit)) {
			b = node_at(r, RP_NODE_BLOCK, c);
			put_text(r, b, lit, c);
			rp_node_append(to, b);
		}
	}
}

static void
read_items(struct rdr *r, rp_node *parent, cmark_node *list)
{
	rp_node		*l = node_at(r, RP_NODE_LIST, list), *it;
	cmark_node	*li, *first;
	rp_buf		 t;
	size_t		 numlen, at;
	rp_item_kind	 kind;
	int		 value, k = cmark_node_get_list_start(list);
	int		 ordered = cmark_node_get_list_type(list) ==
			    CMARK_ORDERED_LIST;

	rp_buf_init(&t);
	for (li = cmark_node_first_child(list); li != NULL;
	    li = cmark_node_next(li), k++) {
		it = node_at(r, RP_NODE_ITEM, li);
		at = 0;
		if (ordered) {
			rp_buf_printf(&t, "%d%c", k, cmark_node_get_list_delim(
			    list) == CMARK_PAREN_DELIM ? ')' : '.');
			it->num = rp_doc_strdup(r->doc, t.data);
		} else if ((first = cmark_node_first_child(li)) != NULL &&
		    cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH &&
		    cmark_node_first_child(first) != NULL &&
		    cmark_node_get_type(cmark_node_first_child(first)) ==
		    CMARK_NODE_TEXT) {
			const char *s = cmark_node_get_literal(
			    cmark_node_first_child(first));

			/* The marker as printed, "–" too (the writer leaves
			 * out only "-", the list's own). */
			if ((at = rp_item_marker(s, strlen(s), &numlen, &kind,
			    &value)) > 0)
				it->num = rp_doc_strndup(r->doc, s, numlen);
		}
		if (it->num == NULL)
			it->num = "-";
		rp_buf_reset(&t);
		item_content(r, it, li, at);
		rp_node_append(l, it);
	}
	rp_buf_free(&t);
	rp_node_append(parent, l);
}

/* The name of a preambular paragraph: the key of its opening phrase,
 * which the text reader (and so the writer) puts in italics. */
static void
opening_key(struct rdr *r, rp_node *p)
{
	rp_node	*t = p->first != NULL ? p->first->first : NULL;
	char	 key[64];

	if (t != NULL && t->type == RP_NODE_EMPH)
		t = t->first;
	if (t == NULL || t->type != RP_NODE_TEXT)
		return;
	rp_opening_phrase(t->literal, strlen(t->literal), key, sizeof(key));
	if (key[0] != '\0')
		p->name = rp_doc_strdup(r->doc, key);
}

/* A vote record: every item a vote label, then the members. */
static int
is_vote(const struct rdr *r, cmark_node *list)
{
	cmark_node	*li, *a, *b;
	rp_buf		 t;
	int		 yes = cmark_node_get_list_type(list) ==
			    CMARK_BULLET_LIST;

	rp_buf_init(&t);
	for (li = cmark_node_first_child(list); li != NULL && yes;
	    li = cmark_node_next(li)) {
		a = cmark_node_first_child(li);
		b = a ? cmark_node_next(a) : NULL;
		if (a == NULL || b == NULL || cmark_node_next(b) != NULL ||
		    cmark_node_get_type(a) != CMARK_NODE_PARAGRAPH ||
		    cmark_node_get_type(b) != CMARK_NODE_PARAGRAPH) {
			yes = 0;
			break;
		}
		rp_buf_reset(&t);
		plain(r, a, &t);
		yes = t.len > 0 && rp_vote_label(t.data, t.len) != 0;
	}
	rp_buf_free(&t);
	return yes;
}

static void
read_vote(struct rdr *r, rp_node *part, cmark_node *list)
{
	rp_meta		*m = cur(r)->node->meta;
	rp_node		*v = node_at(r, RP_NODE_VOTE, list), *g, *b;
	cmark_node	*li;
	rp_buf		 t;

	rp_buf_init(&t);
	for (li = cmark_node_first_child(list); li != NULL;
	    li = cmark_node_next(li)) {
		g = node_at(r, RP_NODE_VOTE_GROUP, li);
		blocks(r, g, cmark_node_first_child(li), 0);
		blocks(r, g, cmark_node_next(cmark_node_first_child(li)), 0);
		b = g->first;
		b->role = RP_ROLE_LABEL;
		rp_buf_reset(&t);
		rp_node_text(b, &t);
		g->role = rp_vote_label(t.data, t.len) - 1;
		b->next->role = RP_ROLE_MEMBERS;
		rp_buf_reset(&t);
		rp_node_text(b->next, &t);
		rp_vote_members(m, g, t.data ? t.data : "", t.len);
		rp_node_append(v, g);
	}
	rp_buf_free(&t);
	rp_node_append(part, v);
}

/* A closing line t, the last line of paragraph p, with the paragraphs
 * after p that complete it, as the text reader joins them
 * (rp_completes_closing: "Vingt-sixième séance plénière," then "le 9
 * février 1946."): how many it took. */
static int
closing_run(struct rdr *r, cmark_node *p, rp_buf *t)
{
	cmark_node	*q;
	rp_buf		 next;
	int		 took = 0;

	rp_buf_init(&next);
	for (q = cmark_node_next(p); q != NULL && t->data != NULL &&
	    cmark_node_get_type(q) == CMARK_NODE_PARAGRAPH;
	    q = cmark_node_next(q), took++) {
		rp_buf_reset(&next);
		plain(r, q, &next);
		if (next.data == NULL || !rp_completes_closing(r->doc,
		    t->data, t->len, next.data, next.len))
			break;
		rp_buf_putc(t, ' ');
		rp_buf_put(t, next.data, next.len);
	}
	rp_buf_free(&next);
	return took;
}

/* The closing formula ("77th plenary meeting", its date): the text of
 * each of its blocks gives metadata, as each line does in the text, the
 * last with the paragraphs completing it; tested: the first was read;
 * a paragraph a closing line above took was read with it. */
static void
conclusion(struct rdr *r, cmark_node *p, int tested)
{
	rp_node	*part = open_part(r, RP_NODE_CONCLUSION, p), *b = part->last;
	rp_buf	 t;
	int	 taken = r->closing_more > 0;

	r->closing_more -= taken;
	blocks(r, part, p, 0);
	rp_buf_init(&t);
	for (b = b != NULL ? b->next : part->first; b != NULL && !taken;
	    b = b->next) {
		rp_buf_reset(&t);
		rp_node_text(b, &t);
		if (b->next == NULL)
			r->closing_more = closing_run(r, p, &t);
		if (tested) {
			tested = 0;
			continue;
		}
		if (t.data != NULL)
			rp_conclusion_line(r->doc, cur(r)->node->meta, t.data,
			    t.len);
	}
	rp_buf_free(&t);
	cur(r)->last_para = NULL;
}

/* The plain text of p up to its first hard line break. */
static void
plain_line(const struct rdr *r, cmark_node *p, rp_buf *b)
{
	cmark_node *c;

	for (c = cmark_node_first_child(p); c != NULL &&
	    cmark_node_get_type(c) != CMARK_NODE_LINEBREAK;
	    c = cmark_node_next(c))
		plain(r, c, b);
}

/*
 * A paragraph of running text: the drafting rules place it, in the order
 * the text reader applies them (add_text_unit() in read_text.c), in the
 * preface, the preamble, the body or the conclusion.  The one place
 * where the Markdown reader classifies.
 */
static void	open_annex(struct rdr *, cmark_node *, int, const char *);

/* Whether a document's preamble has its formula. */
static int
has_formula(const rp_node *doc)
{
	const rp_node *pre = rp_node_child(doc, RP_NODE_PREAMBLE);

	return pre != NULL && rp_node_child(pre, RP_NODE_FORMULA) != NULL;
}

/* The paragraphs of the body before a formula, none numbered: its
 * recitals (all of them, for reasons: "Therefore the Security
 * Council,") or masthead lines, as the text reader reads them
 * (rp_text_before_formula).  Whether they were. */
static int
text_before_formula(struct rdr *r, int reasons)
{
	if (!rp_text_before_formula(r->doc, cur(r)->node, reasons, RP_NOSRC))
		return 0;
	cur(r)->part = NULL;
	return 1;
}

/* Whether numbered paragraphs follow p: an ordered list, or a
 * paragraph opening with its number ("12 bis. Text"); then a verb alone
 * before them ("Resolves:") is an intermediate formula, as the text
 * reader reads it. */
static int
numbered_next(const struct rdr *r, cmark_node *p)
{
	cmark_node	*n = cmark_node_next(p);
	rp_buf		 t;
	size_t		 numlen;
	int		 numbered;

	if (n != NULL && cmark_node_get_type(n) == CMARK_NODE_LIST)
		return cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
	if (n == NULL || cmark_node_get_type(n) != CMARK_NODE_PARAGRAPH)
		return 0;
	rp_buf_init(&t);
	plain(r, n, &t);
	numbered = t.data != NULL && rp_paragraph_number(t.data, t.len,
	    &numlen) > 0;
	rp_buf_free(&t);
	return numbered;
}

/* Whether s (of paragraph p) leads in what follows: an intermediate
 * formula, or a verb alone before numbered paragraphs ("Resolves:"). */
static int
leads_in(const struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	return rp_is_intermediate_formula(s, n) || (rp_is_lead_in(s, n) &&
	    numbered_next(r, p));
}

/* Paragraph p, but its first skip bytes, as an intermediate formula. */
static void
intermediate(struct rdr *r, cmark_node *p, size_t skip)
{
	rp_node *n = node_at(r, RP_NODE_FORMULA, p);

	n->name = "intermediateFormula";
	blocks(r, n, p, skip);
	rp_node_append(open_part(r, RP_NODE_BODY, p), n);
	cur(r)->last_para = NULL;
}

/* Whether paragraph 1 comes after p: a numbered list from 1 (cmark's
 * reading of "1. Decides"), as the text reader looks ahead. */
static int
paragraph_one_follows(cmark_node *p)
{
	for (p = cmark_node_next(p); p != NULL; p = cmark_node_next(p))
		if (cmark_node_get_type(p) == CMARK_NODE_LIST &&
		    cmark_node_get_list_type(p) == CMARK_ORDERED_LIST)
			return cmark_node_get_list_start(p) == 1;
	return 0;
}

/* Paragraph p, but its first skip bytes, as an unnumbered paragraph of
 * the preamble or the body, by its text s. */
static void
unnumbered(struct rdr *r, cmark_node *p, const char *s, size_t len,
    size_t skip)
{
	struct rdoc	*d = cur(r);
	rp_para_kind	 pk = d->zone == Z_PREAMBLE && has_formula(d->node) &&
			    paragraph_one_follows(p) ?
			    rp_kind_before_numbers(s, len) :
			    rp_classify_paragraph(s, len);
	rp_node		*n = node_at(r, RP_NODE_PARAGRAPH, p), *part;

	blocks(r, n, p, skip);
	if (d->zone <= Z_PREAMBLE && pk != RP_PARA_OPERATIVE) {
		if (pk == RP_PARA_UNKNOWN)
			n->flags |= RP_UNSURE;
		part = open_part(r, RP_NODE_PREAMBLE, p);
		opening_key(r, n);
	} else
		part = open_part(r, RP_NODE_BODY, p);
	rp_node_append(part, n);
	d->last_para = n;
}

/* Formula f, of paragraph p, as the enacting formula of the current
 * document: the body it names is the document's, unless known. */
static void
enacting(struct rdr *r, cmark_node *p, rp_node *f, rp_body body)
{
	rp_meta *m = cur(r)->node->meta;

	f->name = "enactingFormula";
	rp_node_append(open_part(r, RP_NODE_PREAMBLE, p), f);
	if (m->body == RP_BODY_UNKNOWN)
		m->body = body;
	cur(r)->last_para = NULL;
}

/* The formula of body, the first k bytes of paragraph p (of text s)
 * when its verb goes on (rp_formula_lead): the offset of the verb. */
static size_t
formula_lead(struct rdr *r, cmark_node *p, const char *s, size_t n,
    size_t k, rp_body body)
{
	rp_node		*f, *b;
	size_t		 at;

	for (at = k; at < n && s[at] == ' '; at++)
		continue;
	f = node_at(r, RP_NODE_FORMULA, p);
	b = node_at(r, RP_NODE_BLOCK, p);
	put_text(r, b, rp_doc_strndup(r->doc, s, k), p);
	rp_node_append(f, b);
	enacting(r, p, f, body);
	return at;
}

/* "Генеральная Ассамблея" alone with no comma (rp_is_bare_formula) over
 * a paragraph opening with a drafting word or a number, before the
 * formula: the formula, as the text reader reads it; the body named in a
 * masthead has none. */
static int
bare_formula(struct rdr *r, cmark_node *p, const char *s, size_t n,
    rp_body *body)
{
	cmark_node	*next = cmark_node_next(p);
	rp_buf		 t;
	size_t		 nl;
	int		 opens;

	if (cur(r)->zone > Z_PREAMBLE || has_formula(cur(r)->node) ||
	    !rp_is_bare_formula(s, n, body) || next == NULL)
		return 0;
	if (cmark_node_get_type(next) == CMARK_NODE_LIST)
		return cmark_node_get_list_type(next) == CMARK_ORDERED_LIST;
	rp_buf_init(&t);
	plain(r, next, &t);
	opens = t.data != NULL && (rp_opener_kind(t.data, t.len) !=
	    RP_PARA_UNKNOWN || rp_paragraph_number(t.data, t.len, &nl) > 0);
	rp_buf_free(&t);
	return opens;
}

/*
 * classify_para() tries these steps in turn on a paragraph's text s (n
 * bytes, NUL-terminated); the first that places it returns 1.
 */
typedef int para_step(struct rdr *, cmark_node *, const char *, size_t);

/* A masthead line, until the first running text. */
static int
masthead_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_meta		*m = d->node->meta;
	rp_body		 body = RP_BODY_UNKNOWN;

	if (d->zone != Z_PREFACE || d->masthead_over)
		return 0;
	/* A letter's masthead is its title; its text follows. */
	if (m->kind == RP_DOC_LETTER &&
	    rp_node_child(d->node, RP_NODE_PREFACE) != NULL)
		open_part(r, RP_NODE_BODY, p);
	else if (m->kind == RP_DOC_LETTER || d->mbreak != NULL ||
	    (!bare_formula(r, p, s, n, &body) && is_masthead(r, p, s, n))) {
		masthead(r, p, s, n);
		return 1;
	}
	d->masthead_over = 1;
	return 0;
}

/* The formula, after "Whereas" clauses in 1940s resolutions, or after
 * the reasons a connector names ("Therefore the Security Council,"), as
 * the text reader reads them. */
static int
formula_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_body		 body = RP_BODY_UNKNOWN;
	rp_node		*f;

	if (has_formula(d->node) && d->zone == Z_PREAMBLE &&
	    rp_is_formula(s, n, &body) && body == d->node->meta->body) {
		/* Named again among the recitals ("فإن الجمعية العامة،"), as
		 * the text reader's add_formula() has it. */
		f = node_at(r, RP_NODE_FORMULA, p);
		blocks(r, f, p, 0);
		rp_node_append(open_part(r, RP_NODE_PREAMBLE, p), f);
		d->last_para = NULL;
		return 1;
	}
	if (has_formula(d->node) || !(rp_is_formula(s, n, &body) ||
	    bare_formula(r, p, s, n, &body)) || !(d->zone <= Z_PREAMBLE ||
	    (d->zone == Z_BODY && text_before_formula(r,
	    rp_formula_connector(s, n)))))
		return 0;
	f = node_at(r, RP_NODE_FORMULA, p);
	blocks(r, f, p, 0);
	enacting(r, p, f, body);
	return 1;
}

/* "The General Assembly decides …", "大会建议:": the formula, then the
 * paragraph its verb opens, as the text reader reads it; the recitals
 * before it ("由于…") are its preamble. */
static int
formula_lead_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_body		 body = RP_BODY_UNKNOWN;
	size_t		 at;

	if (has_formula(d->node) || (at = rp_formula_lead(s, n, &body,
	    list_follows(p))) == 0 || !(d->zone <= Z_PREAMBLE ||
	    (d->zone == Z_BODY && text_before_formula(r,
	    rp_formula_connector(s, at)))))
		return 0;
	at = formula_lead(r, p, s, n, at, body);
	if (leads_in(r, p, s + at, n - at))
		intermediate(r, p, at);
	else
		unnumbered(r, p, s + at, n - at, at);
	return 1;
}

/* A paragraph number alone ("1." ending the line before) goes with the
 * paragraph after it, as in the text reader. */
static int
numbered_alone_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node *last = cur(r)->last_para;

	(void)s;
	(void)n;
	if (last == NULL || last->num == NULL || last->first != NULL)
		return 0;
	blocks(r, last, p, 0);
	return 1;
}

/* "Annex" as a paragraph, as other tools write it (respub writes a
 * heading): an annex of the outermost document. */
static int
annex_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	if (cur(r)->mbreak != NULL || r->depth != 0 ||
	    !rp_is_annex_heading(s, n))
		return 0;
	open_annex(r, p, 0, s);
	return 1;
}

/* In the conclusion, or a closing line that opens it. */
static int
closing_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_buf		 line;
	int		 hit;

	(void)s;
	if (d->zone == Z_CONCLUSION) {
		conclusion(r, p, 0);
		return 1;
	}
	rp_buf_init(&line);
	plain_line(r, p, &line);
	if (line.len == n)
		closing_run(r, p, &line);
	hit = line.data != NULL && rp_closes_body(r->doc, d->node->meta,
	    line.data, line.len, d->zone == Z_BODY);
	rp_buf_free(&line);
	if (hit)
		conclusion(r, p, 1);
	return hit;
}

static int
separator_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node *sep;

	if (!rp_is_separator(s, n))
		return 0;
	sep = node_at(r, RP_NODE_SEPARATOR, p);
	sep->literal = rp_doc_strdup(r->doc, s);
	rp_node_append(open_part(r, RP_NODE_BODY, p), sep);
	cur(r)->last_para = NULL;
	return 1;
}

/* Running heads of a PDF, left by other tools (respub writes none, and
 * its rule under the masthead says who wrote the text): kept apart as
 * page furniture, as the text reader does. */
static int
running_head_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_node		*b;

	if (d->mbreak != NULL || !(is_running_header(r, s, n) ||
	    (d->masthead_over && rp_is_job_or_page(s, n))))
		return 0;
	b = node_at(r, RP_NODE_BLOCK, p);
	if (r->furniture == NULL)
		r->furniture = node_at(r, RP_NODE_FURNITURE, p);
	rp_node_append(b, rp_text_new(r->doc, s, n, b->line, b->col));
	rp_node_append(r->furniture, b);
	d->dropped = 1;
	return 1;
}

/* The list ending paragraph para, made when there is none yet. */
static rp_node *
para_list(struct rdr *r, cmark_node *p, rp_node *para)
{
	rp_node *list = para->last;

	if (list == NULL || list->type != RP_NODE_LIST) {
		list = node_at(r, RP_NODE_LIST, p);
		list->flags |= RP_NOSRC;
		rp_node_append(para, list);
	}
	return list;
}

/* Sub-items written as paragraphs "(a) ..." by other tools. */
static int
item_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_node		*it;
	size_t		 numlen, at;
	rp_item_kind	 kind;
	int		 value;

	if ((at = rp_item_marker(s, n, &numlen, &kind, &value)) == 0 ||
	    kind == RP_ITEM_BULLET || d->last_para == NULL)
		return 0;
	it = node_at(r, RP_NODE_ITEM, p);
	it->num = rp_doc_strndup(r->doc, s, numlen);
	blocks(r, it, p, at);
	rp_node_append(para_list(r, p, d->last_para), it);
	d->dropped = 0;
	return 1;
}

/* A short line standing alone under the formula, shaped as a heading
 * (rp_heading_line: "A", "Sources: The United Nations"), as the text
 * reader reads it. */
static int
heading_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node *h;

	if (!has_formula(cur(r)->node) || !rp_heading_line(s, n))
		return 0;
	h = node_at(r, RP_NODE_HEADING, p);
	blocks(r, h, p, 0);
	rp_node_append(open_part(r, RP_NODE_BODY, p), h);
	cur(r)->last_para = NULL;
	return 1;
}

/* Paragraph p's text put on the last block of the paragraph before
 * (or of its last item), a space between. */
static int
onto_last_block(struct rdr *r, cmark_node *p)
{
	rp_node	*last = cur(r)->last_para->last, *b;

	while (last->type == RP_NODE_LIST && last->last != NULL &&
	    last->last->last != NULL)
		last = last->last->last;
	if (last->type != RP_NODE_BLOCK)
		return 0;
	b = node_at(r, RP_NODE_BLOCK, p);
	blocks(r, b, p, 0);
	put_text(r, last, " ", p);
	while (b->first != NULL && b->first->first != NULL) {
		rp_node *c = b->first->first;

		rp_node_unlink(c);
		rp_node_append(last, c);
	}
	return 1;
}

/* Whether paragraph p goes on the paragraph before: broken by a page by
 * other tools (after a running head, going on in lower case, or a
 * preambular or numbered paragraph cut after a word, "… to the⏎Register
 * in addition"). */
static int
continues_para(struct rdr *r, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_node		*last = d->last_para;

	if (last == NULL || last->last == NULL || n == 0 ||
	    ends_clause(last, s, n))
		return 0;
	return d->dropped || (d->mbreak == NULL && (rp_starts_lower(s, n) ||
	    ((last->name != NULL || last->num != NULL) && ends_word(last))));
}

/* The rest of a paragraph broken by a page, put on the one before. */
static int
continuation_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);

	if (!continues_para(r, s, n)) {
		d->dropped = 0;
		return 0;
	}
	d->dropped = 0;
	return onto_last_block(r, p);
}

/* A quotation that a colon introduces, each of its paragraphs opening
 * with a mark, stays in the paragraph that introduces it (the text
 * reader's rule, rp_in_quotation: "2. D’adopter … intérieur :" then
 * "“CHAPITRE XI. …" then "\"Toute séance …"). */
static int
quotation_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node	*last = cur(r)->last_para;
	rp_buf	 t;
	int	 in;

	if (last == NULL || last->last == NULL || rp_open_quote(s, n) == 0)
		return 0;
	rp_buf_init(&t);
	rp_node_text(last, &t);
	while (t.len > 0 && t.data[t.len - 1] == ' ')
		t.len--;
	in = rp_clause_end_of(t.data, t.len) == RP_END_COLON ||
	    rp_in_quotation(t.data, t.len);
	rp_buf_free(&t);
	return in && onto_last_block(r, p);
}

/* Sub-items whose markers another tool's extraction dropped: the blocks
 * after a lead-in ("… a major contribution to:"), up to a numbered
 * paragraph (a list item of the Markdown, not read here). */
static int
unmarked_item_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	struct rdoc	*d = cur(r);
	rp_node		*it;
	size_t		 numlen;

	if (d->mbreak != NULL || d->last_para == NULL ||
	    d->last_para->last == NULL || !(d->lead_in == d->last_para ||
	    ends_colon(d->last_para)) || rp_paragraph_number(s, n,
	    &numlen) != 0 || numbered_line_in(p))
		return 0;
	it = node_at(r, RP_NODE_ITEM, p);
	blocks(r, it, p, 0);
	rp_node_append(para_list(r, p, d->last_para), it);
	d->lead_in = d->last_para;
	return 1;
}

static int
intermediate_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	if (!rp_is_connector(s, n) && !leads_in(r, p, s, n))
		return 0;
	intermediate(r, p, 0);
	return 1;
}

/* "12 bis. Text": a number the writer could not make a list item. */
static int
numbered_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node	*para;
	size_t	 numlen, at;

	if ((at = rp_paragraph_number(s, n, &numlen)) == 0)
		return 0;
	para = node_at(r, RP_NODE_PARAGRAPH, p);
	para->num = rp_doc_strndup(r->doc, s, numlen);
	blocks(r, para, p, at);
	rp_node_append(open_part(r, RP_NODE_BODY, p), para);
	cur(r)->last_para = para;
	return 1;
}

/* Text after sub-items that starts lower-case closes the paragraph (a
 * wrap-up). */
static int
wrap_up_para(struct rdr *r, cmark_node *p, const char *s, size_t n)
{
	rp_node *last = cur(r)->last_para;

	if (last == NULL || last->last == NULL ||
	    last->last->type != RP_NODE_LIST || !rp_starts_lower(s, n))
		return 0;
	blocks(r, last, p, 0);
	return 1;
}

static void
classify_para(struct rdr *r, cmark_node *p)
{
	static para_step *const steps[] = {
		masthead_para, formula_para, formula_lead_para,
		numbered_alone_para, annex_para,
		running_head_para, closing_para, separator_para, item_para,
		quotation_para, heading_para, continuation_para,
		unmarked_item_para, intermediate_para,
		numbered_para, wrap_up_para,
	};
	rp_buf	 t;
	size_t	 i;

	rp_buf_init(&t);
	plain(r, p, &t);
	if (t.data == NULL) {
		rp_buf_free(&t);
		return;
	}
	first_block(r, t.data, t.len);
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i](r, p, t.data, t.len))
			break;
	if (i == sizeof(steps) / sizeof(steps[0]))
		unnumbered(r, p, t.data, t.len, 0);
	rp_buf_free(&t);
}

/*
 * An annex, headed by h, of the document at depth.  In a letter, the
 * annexed texts are resolutions of their own; an annex to a resolution
 * shares its identity.
 */
static void
open_annex(struct rdr *r, cmark_node *h, int depth, const char *heading)
{
	struct rdoc	*d;
	rp_node		*n;
	rp_meta		*pm;

	pop_to(r, depth);
	d = cur(r);
	finish_doc(r, d);
	pm = d->node->meta;
	n = node_at(r, RP_NODE_ANNEX, h);
	n->num = rp_doc_strdup(r->doc, heading ? heading : "");
	rp_node_append(d->node, n);
	d->part = NULL;
	r->depth++;
	d = cur(r);
	memset(d, 0, sizeof(*d));
	d->node = new_document(r, pm->kind == RP_DOC_LETTER ?
	    RP_DOC_RESOLUTION : RP_DOC_ANNEX, h);
	d->node->meta->annex_number = ++r->nannex;
	if (pm->kind != RP_DOC_LETTER)
		rp_annex_meta(d->node->meta, pm);
	rp_node_append(n, d->node);
	d->zone = Z_PREFACE;
	d->started = 1;
	d->mbreak = masthead_rule(r, cmark_node_next(h));
}

static void
read_heading(struct rdr *r, cmark_node *h)
{
	int		 level = cmark_node_get_heading_level(h);
	struct rdoc	*d = cur(r);
	rp_node		*n;
	rp_buf		 t;

	rp_buf_init(&t);
	plain(r, h, &t);
	/* Annex of the document at depth (level - 2) / 2. */
	if (level % 2 == 0 && (level - 2) / 2 <= r->depth &&
	    (level - 2) / 2 + 1 < MAX_DEPTH) {
		open_annex(r, h, (level - 2) / 2, t.data);
		goto out;
	}
	if (t.data == NULL)
		goto out;
	first_block(r, t.data, t.len);
	if (level == 1 + 2 * r->depth && d->zone == Z_PREFACE &&
	    !d->masthead_over && (d->node->meta->kind != RP_DOC_LETTER ||
	    rp_node_child(d->node, RP_NODE_PREFACE) == NULL)) {
		masthead(r, h, t.data, t.len);
		goto out;
	}
	n = node_at(r, RP_NODE_HEADING, h);
	blocks(r, n, h, 0);
	rp_node_append(open_part(r, RP_NODE_BODY, h), n);
	d->last_para = NULL;
out:
	rp_buf_free(&t);
}

/*
 * A block the model has no place for (a table): its text, one paragraph
 * per row with the cells apart, so that nothing is lost.
 */
static void
foreign_block(struct rdr *r, cmark_node *c)
{
	struct rdoc	*d = cur(r);
	cmark_node	*row, *cell;
	rp_node		*p, *b;
	rp_buf		 t;

	rp_msg(r->doc, RP_WARNING, "md-block",
	    src_line(r, cmark_node_get_start_line(c)), 1,
	    "markdown: a %s is kept as plain paragraphs",
	    cmark_node_get_type_string(c));
	for (row = cmark_node_first_child(c); row != NULL;
	    row = cmark_node_next(row)) {
		rp_buf_init(&t);
		for (cell = cmark_node_first_child(row); cell != NULL;
		    cell = cmark_node_next(cell)) {
			if (t.len > 0)
				rp_buf_puts(&t, " | ");
			plain(r, cell, &t);
		}
		if (cmark_node_first_child(row) == NULL)
			plain(r, row, &t);
		if (t.len > 0) {
			p = node_at(r, RP_NODE_PARAGRAPH, row);
			b = node_at(r, RP_NODE_BLOCK, row);
			put_text(r, b, t.data, row);
			rp_node_append(p, b);
			rp_node_append(open_part(r, d->zone == Z_PREAMBLE ?
			    RP_NODE_PREAMBLE : RP_NODE_BODY, row), p);
		}
		rp_buf_free(&t);
	}
	d->last_para = NULL;
}

/*
 * Block quotes and list items nested deeper than this are read as one
 * paragraph of their text: the reader and the writers recurse over the
 * nesting, and AKN ids grow with it (10,000 nested "- " took 8 GB).
 */
#define MD_MAX_DEPTH	64

/* The text under c, on one line, into t; -1 if out of memory. */
static int
flat_text(cmark_node *c, rp_buf *t)
{
	cmark_iter		*sub;
	cmark_event_type	 sev;
	cmark_node		*k;

	if ((sub = cmark_iter_new(c)) == NULL)
		return -1;
	while ((sev = cmark_iter_next(sub)) != CMARK_EVENT_DONE) {
		k = cmark_iter_get_node(sub);
		if (sev == CMARK_EVENT_ENTER &&
		    cmark_node_get_literal(k) != NULL &&
		    cmark_node_get_type(k) != CMARK_NODE_HTML_INLINE) {
			if (t->len > 0 && cmark_node_get_type(k) ==
			    CMARK_NODE_CODE_BLOCK)
				rp_buf_putc(t, ' ');
			rp_buf_puts(t, cmark_node_get_literal(k));
		} else if (sev == CMARK_EVENT_ENTER &&
		    (cmark_node_get_type(k) == CMARK_NODE_SOFTBREAK ||
		    cmark_node_get_type(k) == CMARK_NODE_LINEBREAK))
			rp_buf_putc(t, ' ');
		else if (sev == CMARK_EVENT_EXIT && k != c &&
		    t->len > 0 && t->data[t->len - 1] != ' ')
			rp_buf_putc(t, ' ');
	}
	cmark_iter_free(sub);
	while (t->len > 0 && t->data[t->len - 1] == ' ')
		t->len--;
	return 0;
}

/* c's text, every line of it, in one paragraph; then its children go.
 * -1 if out of memory. */
static int
flatten(cmark_node *c)
{
	cmark_node	*k, *para, *text;
	rp_buf		 t;

	rp_buf_init(&t);
	if (flat_text(c, &t) != 0) {
		rp_buf_free(&t);
		return -1;
	}
	while ((k = cmark_node_first_child(c)) != NULL)
		cmark_node_free(k);
	if (t.len > 0 &&
	    (para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH,
	    rp_md_mem())) != NULL &&
	    (text = cmark_node_new_with_mem(CMARK_NODE_TEXT,
	    rp_md_mem())) != NULL) {
		t.data[t.len] = '\0';
		cmark_node_set_literal(text, t.data);
		cmark_node_append_child(para, text);
		cmark_node_append_child(c, para);
	}
	rp_buf_free(&t);
	return 0;
}

static void
flatten_deep(struct rdr *r, cmark_node *root)
{
	cmark_iter	*it;
	cmark_event_type ev;
	cmark_node	*c;
	int		 depth = 0, flattened = 0, type;

	if ((it = cmark_iter_new(root)) == NULL)
		return;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		c = cmark_iter_get_node(it);
		type = cmark_node_get_type(c);
		if (type != CMARK_NODE_BLOCK_QUOTE && type != CMARK_NODE_ITEM)
			continue;
		if (ev == CMARK_EVENT_EXIT) {
			depth--;
			continue;
		}
		if (++depth < MD_MAX_DEPTH)
			continue;
		if (flatten(c) != 0)
			break;
		if (!flattened++)
			rp_msg(r->doc, RP_WARNING, "md-depth",
			    cmark_node_get_start_line(c),
			    cmark_node_get_start_column(c), "block quotes and "
			    "lists nested deeper than %d levels read as text",
			    MD_MAX_DEPTH);
		/* Go on after it: its exit comes next. */
		cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
}

/* A top-level (or block-quoted) block. */
/* An ordered list: numbered paragraphs of the body. */
static void
numbered_list(struct rdr *r, cmark_node *c)
{
	struct rdoc	*d = cur(r);
	rp_node		*part = open_part(r, RP_NODE_BODY, c), *n;
	cmark_node	*li;
	int		 start = cmark_node_get_list_start(c);
	char		 num[24];

	for (li = cmark_node_first_child(c); li != NULL;
	    li = cmark_node_next(li), start++) {
		n = node_at(r, RP_NODE_PARAGRAPH, li);
		snprintf(num, sizeof(num), "%d%c", start,
		    cmark_node_get_list_delim(c) == CMARK_PAREN_DELIM ?
		    ')' : '.');
		n->num = rp_doc_strdup(r->doc, num);
		item_content(r, n, li, 0);
		rp_node_append(part, n);
		d->last_para = n;
	}
	d->dropped = 0;
}

static void	read_block(struct rdr *, cmark_node *);

/*
 * Whether the items of bullet list c are the paragraphs of the current
 * document (rp_bullet_opens_paragraph): after its formula, or once a
 * list was, its first item opens as a paragraph does.
 */
static int
bulleted_paragraphs(struct rdr *r, cmark_node *c)
{
	struct rdoc	*d = cur(r);
	cmark_node	*first;
	rp_buf		 t;
	int		 opens;

	first = cmark_node_first_child(cmark_node_first_child(c));
	if (first == NULL || !(d->bulleted || (d->zone <= Z_PREAMBLE &&
	    has_formula(d->node))))
		return 0;
	if (cmark_node_get_type(first) == CMARK_NODE_LIST)
		return cmark_node_get_list_type(first) == CMARK_ORDERED_LIST;
	rp_buf_init(&t);
	plain(r, first, &t);
	opens = t.data != NULL && rp_bullet_opens_paragraph(t.data, t.len);
	rp_buf_free(&t);
	return d->bulleted = opens;
}

/* A bullet list: a vote, the paragraphs themselves, or the sub-items of
 * the last paragraph (one made for them if there is none). */
static void
bullet_list(struct rdr *r, cmark_node *c)
{
	struct rdoc	*d = cur(r);
	rp_node		*part;
	cmark_node	*li, *k;

	if (is_vote(r, c)) {
		read_vote(r, open_part(r, RP_NODE_BODY, c), c);
		return;
	}
	if (bulleted_paragraphs(r, c)) {
		for (li = cmark_node_first_child(c); li != NULL;
		    li = cmark_node_next(li))
			for (k = cmark_node_first_child(li); k != NULL;
			    k = cmark_node_next(k))
				read_block(r, k);
		return;
	}
	if (d->last_para == NULL) {
		part = open_part(r, d->zone <= Z_PREAMBLE ?
		    RP_NODE_PREAMBLE : RP_NODE_BODY, c);
		d->last_para = node_at(r, RP_NODE_PARAGRAPH, c);
		d->last_para->flags |= RP_NOSRC;
		rp_node_append(part, d->last_para);
	}
	read_items(r, d->last_para, c);
}

/* Code and raw HTML: a note in the preface, else a paragraph of its
 * own. */
static void
literal_block(struct rdr *r, cmark_node *c)
{
	struct rdoc	*d = cur(r);
	const char	*lit = cmark_node_get_literal(c);
	rp_node		*n, *part;

	if (lit == NULL || comment_dropped(r, c, lit))
		return;
	n = node_at(r, RP_NODE_BLOCK, c);
	put_text(r, n, lit, c);
	if (d->zone == Z_PREFACE) {
		n->role = RP_ROLE_NOTE;
		rp_node_append(open_part(r, RP_NODE_PREFACE, c), n);
		return;
	}
	part = open_part(r, d->zone == Z_PREAMBLE ? RP_NODE_PREAMBLE :
	    RP_NODE_BODY, c);
	d->last_para = node_at(r, RP_NODE_PARAGRAPH, c);
	rp_node_append(d->last_para, n);
	rp_node_append(part, d->last_para);
}

static void
read_block(struct rdr *r, cmark_node *c)
{
	cmark_node	*k;

	switch (cmark_node_get_type(c)) {
	case CMARK_NODE_PARAGRAPH:
		classify_para(r, c);
		break;
	case CMARK_NODE_HEADING:
		read_heading(r, c);
		break;
	case CMARK_NODE_LIST:
		if (cmark_node_get_list_type(c) == CMARK_ORDERED_LIST)
			numbered_list(r, c);
		else
			bullet_list(r, c);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		for (k = cmark_node_first_child(c); k != NULL;
		    k = cmark_node_next(k))
			read_block(r, k);
		break;
	case CMARK_NODE_CODE_BLOCK:
	case CMARK_NODE_HTML_BLOCK:
		literal_block(r, c);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		if (c == cur(r)->mbreak)
			cur(r)->masthead_over = 1;
		break;
	case CMARK_NODE_FOOTNOTE_DEFINITION:
		break;		/* read apart */
	default:
		foreign_block(r, c);
		break;
	}
}

/* ----------------------------------------------------------- footnotes */

static int
has_label(struct rdr *r, const char *label, size_t n)
{
	size_t i;

	for (i = 0; i < r->nrefs; i++)
		if (strlen(r->refs[i].noteref->num) == n &&
		    memcmp(r->refs[i].noteref->num, label, n) == 0)
			return 1;
	return 0;
}

/*
 * The definitions, before the text is read.  cmark-gfm moves them to the
 * end, in order of first reference, and numbers the references after
 * them.
 */
static void
collect_defs(struct rdr *r, cmark_node *root)
{
	cmark_node	*c;
	size_t		 n = 0;
	rp_buf		 lb;

	for (c = cmark_node_first_child(root); c != NULL; c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION)
			n++;
	if (n == 0)
		return;
	if ((r->defs = calloc(n, sizeof(*r->defs))) == NULL)
		rp_out_of_memory();
	for (c = cmark_node_first_child(root); c != NULL;
	    c = cmark_node_next(c)) {
		struct def *d = &r->defs[r->ndefs];

		if (cmark_node_get_type(c) != CMARK_NODE_FOOTNOTE_DEFINITION)
			continue;
		d->node = c;
		rp_buf_init(&lb);
		label_at(r, offset_of(r, cmark_node_get_start_line(c), 1), &lb);
		d->label = rp_doc_strndup(r->doc, lb.data ? lb.data : "",
		    lb.len);
		rp_buf_free(&lb);
		if (strspn(d->label, "0123456789") == strlen(d->label))
			d->number = atoi(d->label);
		r->ndefs++;
	}
}

/* Place footnote k, filled, in the NOTES of docn, in the order written. */
static void
place_footnote(struct rdr *r, size_t k, rp_node *docn)
{
	rp_node		*fn = footnote_of(r, k), *notes, *at;
	cmark_node	*c;

	r->in_notes = 1;
	for (c = cmark_node_first_child(r->defs[k].node); c != NULL;
	    c = cmark_node_next(c))
		if (cmark_node_get_type(c) == CMARK_NODE_PARAGRAPH)
			blocks(r, fn, c, 0);
	r->in_notes = 0;
	if ((notes = rp_node_child(docn, RP_NODE_NOTES)) == NULL) {
		notes = node_at(r, RP_NODE_NOTES, r->defs[k].node);
		notes->flags |= RP_NOSRC;
		rp_node_append(docn, notes);
	}
	for (at = notes->first; at != NULL && at->line < fn->line;
	    at = at->next)
		continue;
	if (at != NULL)
		rp_node_insert_before(at, fn);
	else
		rp_node_append(notes, fn);
}

/*
 * Each footnote goes to the NOTES of the document that first refers to
 * it, in the order the definitions were written; one nothing refers to,
 * to the document written around it.
 */
static void
read_footnotes(struct rdr *r)
{
	rp_node		*docn, *fn;
	size_t		 i, k, n;
	const char	*label, *dash;
	int		 j, line;

	/* A written "1-2" is the second "1" of the output. */
	for (i = 0; i < r->nrefs; i++) {
		label = r->refs[i].noteref->num;
		if ((dash = strrchr(label, '-')) != NULL && dash > label &&
		    dash[1] != '\0' && strspn(dash + 1, "0123456789") ==
		    strlen(dash + 1) && has_label(r, label, (size_t)(dash -
		    label)))
			r->refs[i].noteref->num = rp_doc_strndup(r->doc, label,
			    (size_t)(dash - label));
	}
	for (i = 0; i < r->nrefs; i++) {
		k = (size_t)r->refs[i].ix;
		if (k < 1 || k > r->ndefs)
			continue;
		fn = footnote_of(r, k - 1);
		if (fn->parent == NULL) {
			/* cmark's label as written, "1-2" read as "1". */
			fn->num = r->refs[i].noteref->num;
			if ((docn = rp_node_ancestor(r->refs[i].noteref,
			    RP_NODE_DOCUMENT)) == NULL)
				continue;
			place_footnote(r, k - 1, docn);
		}
		/* Bare markers were tied to theirs when read. */
		if (r->refs[i].noteref->target == NULL) {
			r->refs[i].noteref->target = fn;
			fn->count++;
		}
	}
	for (i = 0; i < r->ndefs && r->ndocs > 0; i++) {
		if (r->defs[i].fn != NULL && r->defs[i].fn->parent != NULL)
			continue;
		line = cmark_node_get_start_line(r->defs[i].node);
		for (j = r->ndocs - 1; j > 0 && r->docs[j]->line >
		    src_line(r, line); j--)
			continue;
		place_footnote(r, i, r->docs[j]);
	}
	for (i = 0; i < r->ndefs; i++) {
		if ((fn = r->defs[i].fn) == NULL || fn->parent == NULL)
			continue;
		for (n = 1, fn = fn->parent->first; fn != NULL;
		    fn = fn->next, n++)
			fn->index = (int)n;
	}
}

/* The numeric label of a definition line "[^12]: ...", or -1; *end is
 * the offset of its ':' in the line. */
static long
def_line_number(const char *l, size_t n, size_t *end)
{
	size_t k = 2;

	if (n < 5 || l[0] != '[' || l[1] != '^')
		return -1;
	while (k < n && k < 8 && isdigit((unsigned char)l[k]))
		k++;
	if (k == 2 || k + 1 >= n || l[k] != ']' || l[k + 1] != ':')
		return -1;
	*end = k + 1;
	return strtol(l + 2, NULL, 10);
}

/* The length of line i, without its newline. */
static size_t
line_len(const struct rdr *r, size_t i)
{
	return (i + 1 < r->nlines ? r->lines[i + 1] - 1 : r->len) -
	    r->lines[i];
}

/* Whether l[0..n), one line, holds only spaces. */
static int
blank(const char *l, size_t n)
{
	return strspn(l, " \t\r") >= n;
}

/* Whether pat ("[^12]") is written from line from on as a definition's
 * label (as_def) or else as a reference. */
static int
label_written(const struct rdr *r, size_t from, const char *pat, size_t plen,
    int as_def)
{
	const char	*p = r->src + r->lines[from], *end = r->src + r->len;
	int		 at_start;

	while ((p = memmem(p, (size_t)(end - p), pat, plen)) != NULL) {
		at_start = p == r->src || p[-1] == '\n';
		if (as_def == (at_start && p + plen < end && p[plen] == ':'))
			return 1;
		p += plen;
	}
	return 0;
}

/*
 * A PDF extraction's wrapped line that starts with a number comes out as
 * a definition: "[^10]: ... Cairo, 5–13 September" then "[^1994]:
 * (United Nations ...". A numeric definition directly under another,
 * out of sequence, whose label nothing refers to or that is defined
 * again further on, continues the one above: its "[^1994]:" becomes
 * "    1994", the same width, so positions stay.
 */
static void
join_wrapped_definitions(struct rdr *r)
{
	char	*copy = NULL, pat[16];
	size_t	 i, end, plen;
	long	 num, prev = -1;
	int	 in_def = 0;

	for (i = 0; i < r->nlines; i++) {
		const char *l = (copy ? copy : r->src) + r->lines[i];
		size_t n = line_len(r, i);

		if (blank(l, n)) {
			in_def = 0;
			continue;
		}
		if ((num = def_line_number(l, n, &end)) < 0)
			continue;
		plen = (size_t)snprintf(pat, sizeof(pat), "[^%ld]", num);
		if (!in_def || num == prev + 1 || plen != end ||
		    (label_written(r, 0, pat, plen, 0) &&
		    !label_written(r, i + 1, pat, plen, 1))) {
			prev = num;
			in_def = 1;
			continue;
		}
		if (copy == NULL) {
			copy = rp_doc_alloc(r->doc, r->len + 1);
			memcpy(copy, r->src, r->len);
			copy[r->len] = '\0';
		}
		memset(copy + r->lines[i], ' ', end + 1);
		memcpy(copy + r->lines[i] + end + 1 - (plen - 3), pat + 2,
		    plen - 3);
		rp_msg(r->doc, RP_WARNING, "md-footnote",
		    (int)i + 1 + r->line0, 1,
		    "markdown: \"%s:\" under footnote %ld read as a line of "
		    "that footnote (a wrapped line that begins with %ld)",
		    pat, prev, num);
	}
	if (copy != NULL)
		r->src = copy;
}

/* Numbers of one to three digits as written ("7", "07", "123"): an
 * index each, for first_markers. */
#define MARKER_KEYS	1110

static size_t
marker_key(const char *num, size_t k)
{
	size_t i, v = 0;

	for (i = 0; i < k; i++)
		v = v * 10 + (size_t)(num[i] - '0');
	return (k == 1 ? 0 : k == 2 ? 10 : 110) + v;
}

/* Where each number is first written in src as a marker, not part of a
 * longer number or of a symbol ("A/76/1"), nor at a line's start:
 * first[marker_key], SIZE_MAX if nowhere.  One pass for all the notes
 * (a search from the top for each note grew with the square of their
 * number). */
static void
first_markers(const char *src, size_t len, size_t *first)
{
	size_t i = 0, k, key;

	for (k = 0; k < MARKER_KEYS; k++)
		first[k] = SIZE_MAX;
	while (i < len) {
		if (!isdigit((unsigned char)src[i])) {
			i++;
			continue;
		}
		for (k = i; k < len && isdigit((unsigned char)src[k]); k++)
			continue;
		if (k - i <= 3 && (i == 0 || (src[i - 1] != '/' &&
		    src[i - 1] != '\n')) && (k == len || src[k] != '/') &&
		    first[key = marker_key(src + i, k - i)] == SIZE_MAX)
			first[key] = i;
		i = k;
	}
}

/* Whether number num[0..k) is written as a marker above a line that
 * starts at end (after a newline, so no marker runs into it). */
static int
marker_above(const size_t *first, size_t end, const char *num, size_t k)
{
	return first[marker_key(num, k)] < end;
}

/* Whether s, after a note's marker, is a note's text: no wrapped line
 * going on ("8 and 9 December", "1 December 2025") and no paragraph
 * ("1 Decides"). */
static int
note_text(const char *s, size_t n)
{
	return n > 0 && s[0] != ' ' && !rp_starts_lower(s, n) &&
	    rp_lang_phrase(RP_LK_MONTH, s, n, NULL) == 0 &&
	    rp_operative_phrase(s, n) == 0 && !rp_opens_recital(s, n);
}

/* The length of "12 " opening a plain note line l[0..n) numbered want,
 * its text a note's (note_text); 0 if not. */
static size_t
plain_note_lead(const char *l, size_t n, long want)
{
	size_t	k = 0;

	while (k < n && k < 3 && isdigit((unsigned char)l[k]))
		k++;
	if (k == 0 || k + 1 >= n || l[k] != ' ' || strtol(l, NULL, 10) !=
	    want || !note_text(l + k + 1, n - k - 1))
		return 0;
	return k + 1;
}

/*
 * The length of what opens a note in paragraph line l[0..n) by the text
 * reader's rules (rp_footnote_rule, rp_note_marker), its label into
 * label: anywhere, a rule then a note ("__________ 1/ A/49/48."); past
 * the closing line (adopted), a marker ("12 参阅", "1/ See", "(注)…"),
 * and right under it or under a note (adopted 2), one numbered as a list
 * ("1. Procès-verbaux").  Not "2 Requests", a number a scan left.
 */
static size_t
closing_note_lead(const char *l, size_t n, int adopted, char *label,
    size_t size)
{
	size_t	rule = rp_footnote_rule(l, n), k = 0, nl;
	int	slashed;

	if ((rule == 0 && !adopted) || rp_scanned_number(l, n, &nl) != 0)
		return 0;
	if ((k = rp_note_marker(l + rule, n - rule, label, size,
	    &slashed)) > 0)
		return rule > 0 || note_text(l + k, n - k) ? rule + k : 0;
	while (k < n && k < 3 && k + 1 < size && isdigit((unsigned char)l[k]))
		label[k] = l[k], k++;
	label[k] = '\0';
	if (adopted < 2 || k == 0 || k + 2 >= n || l[k] != '.' ||
	    l[k + 1] != ' ' || !note_text(l + k + 2, n - k - 2))
		return 0;
	return k + 2;
}

/* Where a paragraph opening with line l[0..n) leaves the closing line
 * (adopted): 2 under it or its lines going on in lower case, or under a
 * note (noted); 1 past it; 0 at the formula of the next text. */
static int
past_closing(const char *l, size_t n, int adopted, int noted)
{
	rp_body	body;

	if (rp_is_formula(l, n, &body))
		return 0;
	if (rp_opens_conclusion(l, n) || (adopted && noted) ||
	    (adopted == 2 && rp_starts_lower(l, n)))
		return 2;
	return adopted != 0;
}

/* Whether l[0..n) is shaped as a note: "13 Conventions de Genève …". */
static int
note_shaped(const char *l, size_t n)
{
	size_t k = 0;

	while (k < n && k < 3 && isdigit((unsigned char)l[k]))
		k++;
	return k > 0 && k + 1 < n && l[k] == ' ' &&
	    (isupper((unsigned char)l[k + 1]) ||
	    (unsigned char)l[k + 1] >= 0x80);
}

/* Whether the paragraphs from line i on are all shaped as notes: past
 * the closing line, a note even if its words look like a paragraph's
 * ("13 Conventions de Genève", a scan that lost its marker), as the
 * text reader's notes_only() has it. */
static int
notes_only(const struct rdr *r, size_t i)
{
	for (; i < r->nlines; i++)
		if (!blank(r->src + r->lines[i], line_len(r, i)) &&
		    (i == 0 || blank(r->src + r->lines[i - 1],
		    line_len(r, i - 1))) && !note_shaped(r->src +
		    r->lines[i], line_len(r, i)))
			return 0;
	return 1;
}

/* The label of the note paragraph line l[0..n) opens, into label: a
 * wiki's note ("- ↑ Ibid.", rp_arrow_note) or the next plain note
 * numbered want ("1 See A/76/324."), each written above as a marker, or
 * a note by closing_note_lead or rp_note_block; the length of what
 * opens it, 0 if none. */
static size_t
note_lead(struct rdr *r, const size_t *first, size_t i, long *want,
    int adopted, const struct rp_note_place *at, char *label, size_t size)
{
	const char	*l = r->src + r->lines[i];
	size_t		 n = line_len(r, i), lead;
	int		 slashed, num;

	if (rp_is_job_or_page(l, n))	/* "00 56500": a page's foot */
		return 0;
	/* "- ↑ Ibid.": a wiki's note, numbered or the next one. */
	if ((lead = rp_arrow_note(l, n, &num)) > 0) {
		r->arrows++;
		snprintf(label, size, "%d", num > 0 ? num : r->arrows);
		return marker_above(first, r->lines[i], label,
		    strlen(label)) ? lead : 0;
	}
	if ((lead = plain_note_lead(l, n, *want)) > 0 &&
	    marker_above(first, r->lines[i], l, lead - 1)) {
		snprintf(label, size, "%ld", (*want)++);
		return lead;
	}
	if ((lead = closing_note_lead(l, n, adopted, label, size)) > 0 ||
	    (lead = rp_note_block(l, n, at, label, size, &slashed)) > 0 ||
	    !adopted || !note_shaped(l, n) || !notes_only(r, i + 1))
		return lead;
	for (lead = 0; isdigit((unsigned char)l[lead]); lead++)
		label[lead] = l[lead];
	label[lead] = '\0';
	return lead + 1;
}

/* The source rewritten: b, then what is left from done on. */
static void
new_source(struct rdr *r, rp_buf *b, size_t done)
{
	rp_buf_put(b, r->src + done, r->len - done);
	r->src = rp_doc_strndup(r->doc, b->data, b->len);
	r->len = b->len;
	free(r->lines);
	r->lines = NULL;
	r->nlines = 0;
	index_lines(r);
}

/* Whether line i is a paragraph of its own with no Markdown in it (as a
 * text pasted into Markdown has it). */
static int
plain_paragraph(const struct rdr *r, size_t i)
{
	const char	*l = r->src + r->lines[i];
	size_t		 n = line_len(r, i), k;

	if (n == 0 || blank(l, n) || strchr("#>-+*|` \t<", l[0]) != NULL ||
	    (i > 0 && !blank(r->src + r->lines[i - 1], line_len(r, i - 1))) ||
	    (i + 1 < r->nlines && !blank(r->src + r->lines[i + 1],
	    line_len(r, i + 1))))
		return 0;
	for (k = 0; k < n; k++)
		if (strchr("*_`[]<\\", l[k]) != NULL)
			return 0;
	return 1;
}

/*
 * A plain paragraph that holds several of the text's paragraphs (a
 * formula and its first recital, "إن مجلس الأمن، إذ يشير …"; a preamble
 * flattened into one) is cut where the text reader cuts such a line
 * (rp_line_seams), a blank line at each seam; not before lower case,
 * where the text reader joins the pieces again ("…, the United Nations,
 * the International Committee …": a body's name, no formula).
 */
static void
cut_plain_paragraphs(struct rdr *r)
{
	struct rp_seams	 sm = { 0 };
	rp_buf		 b;
	size_t		 i, j, k, e, from, nl, done = 0;
	rp_meta		 scratch;
	int		 added = 0;

	rp_buf_init(&b);
	for (i = 0; i < r->nlines; i++) {
		const char	*l = r->src + r->lines[i];
		size_t		 n = line_len(r, i);

		if (!plain_paragraph(r, i))
			continue;
		sm.n = 0;
		sm.strong = 0;
		rp_line_seams(r->doc, l, n, rp_utf8_chars(l, n), &sm);
		for (j = 0; sm.strong && j < sm.n; j++) {
			for (k = sm.at[j]; k < n && l[k] == ' '; k++)
				continue;
			if (sm.at[j] == 0 || k >= n ||
			    rp_starts_lower(l + k, n - k))
				continue;
			for (e = r->lines[i] + sm.at[j]; e > done &&
			    r->src[e - 1] == ' '; e--)
				continue;
			/* A numbered paragraph (a list item of the Markdown)
			 * is cut only before the next number or the closing
			 * line, as the text reader keeps the pieces in it. */
			from = done > r->lines[i] ? done : r->lines[i];
			memset(&scratch, 0, sizeof(scratch));
			if (rp_paragraph_number(r->src + from, e - from,
			    &nl) > 0 && rp_paragraph_number(l + k, n - k,
			    &nl) == 0 && !rp_conclusion_line(r->doc, &scratch,
			    l + k, n - k))
				continue;
			rp_buf_put(&b, r->src + done, e - done);
			rp_buf_puts(&b, "\n\n");
			done = r->lines[i] + k;
			add_cut(r, (int)i + 1 + added);
			added += 2;
		}
	}
	if (added > 0)
		new_source(r, &b, done);
	rp_buf_free(&b);
	free(sm.at);
}

static void
put_definition(rp_buf *b, const char *label)
{
	rp_buf_puts(b, "[^");
	rp_buf_puts(b, label);
	rp_buf_puts(b, "]: ");
}

/* Two notes of a page foot on one line, "38 Ibid., … 1972. 39 Ibid., …"
 * (as the text reader splits them, rp_run_on_at): the note numbered
 * label, from src[from] to src[end], with those after it as definitions
 * of their own, into b; label becomes the last one's, *line the line
 * it is on.  Where b stops. */
static size_t
notes_run_on(struct rdr *r, rp_buf *b, size_t from, size_t end,
    char *label, size_t size, int *line)
{
	size_t	k;

	while (isdigit((unsigned char)label[0]) && (k = rp_run_on_at(r->src +
	    from, end - from, ". %d ", atoi(label) + 1)) > 0) {
		snprintf(label, size, "%d", atoi(label) + 1);
		rp_buf_put(b, r->src + from, k - 1);
		rp_buf_puts(b, "\n\n");
		add_cut(r, *line);
		*line += 2;
		put_definition(b, label);
		from += k + strlen(label) + 1;
	}
	return from;
}

/* What a paragraph of running text ending on line last leaves for the
 * paragraphs after it to be read as notes by the text reader's rule
 * (rp_note_block): the text it ends in, which notes at a column's foot
 * do not change; running text seen once a paragraph ends a clause (a
 * masthead's lines end none). */
static void
place_after(const struct rdr *r, size_t last, struct rp_note_place *at)
{
	at->text_before = r->src + r->lines[last];
	at->text_len = line_len(r, last);
	if (rp_ends_clause(at->text_before, at->text_len))
		at->seen_content = 1;
}

/* A cited marker alone in its paragraph, line i, the text of its note
 * in the next one, past a page's job number ("1", "00 56500",
 * "Resolución 217 A (III)."), as the text reader's bare_cited_marker()
 * reads it: that paragraph's line, or 0. */
static size_t
bare_marker_note(const struct rdr *r, const size_t *first, size_t i)
{
	const char	*l = r->src + r->lines[i];
	size_t		 n = line_len(r, i), k, j;

	for (k = 0; k < n && isdigit((unsigned char)l[k]); k++)
		continue;
	if (k == 0 || k < n || n > 3 || i + 1 >= r->nlines ||
	    !blank(r->src + r->lines[i + 1], line_len(r, i + 1)) ||
	    !marker_above(first, r->lines[i], l, k))
		return 0;
	for (j = i + 1; j < r->nlines && (blank(r->src + r->lines[j],
	    line_len(r, j)) || rp_is_job_or_page(r->src + r->lines[j],
	    line_len(r, j))); j++)
		continue;
	return j < r->nlines && !rp_starts_lower(r->src + r->lines[j],
	    line_len(r, j)) ? j : 0;
}

/*
 * Some PDF-to-Markdown tools leave the notes at a page's foot as plain
 * paragraphs between those of the text ("1 See A/76/324."), and copies
 * of old texts set them under the closing line ("12 参阅…", "1/ See").
 * In a file with no "[^n]:" definition, a paragraph that opens as a note
 * (note_lead) becomes its definition, "[^1]: See A/76/324."; a number
 * out of sequence between paragraphs ("8 and 9 December 2014" after note
 * 14) stays text.
 */
static void
plain_note_definitions(struct rdr *r)
{
	rp_buf	 b;
	struct rp_note_place at = { 0 };
	size_t	 i, end, lead, last = 0, done = 0, pend = 0;
	size_t	 first[MARKER_KEYS];
	long	 want = 1;
	int	 adopted = 0, made = 0, prev_text = 0, line, added = 0;
	char	 label[16], pend_label[8];

	for (i = 0; i < r->nlines; i++)
		if (def_line_number(r->src + r->lines[i], line_len(r, i),
		    &end) >= 0)
			return;
	first_markers(r->src, r->len, first);
	rp_buf_init(&b);
	for (i = 0; i < r->nlines; i++) {
		if (blank(r->src + r->lines[i], line_len(r, i)))
			continue;
		if (i > 0 && !blank(r->src + r->lines[i - 1],
		    line_len(r, i - 1))) {
			last = i;	/* not a paragraph's first line */
			continue;
		}
		if (prev_text)
			place_after(r, last, &at);
		if (pend > 0 && i == pend) {	/* a bare marker's note */
			rp_buf_put(&b, r->src + done, r->lines[i] - done);
			put_definition(&b, pend_label);
			done = r->lines[i];
			last = i;
			prev_text = 0;
			pend = 0;
			continue;
		}
		if (pend == 0 && (pend = bare_marker_note(r, first, i)) > 0) {
			rp_buf_put(&b, r->src + done, r->lines[i] - done);
			snprintf(pend_label, sizeof(pend_label), "%.*s",
			    (int)line_len(r, i), r->src + r->lines[i]);
			done = r->lines[i] + line_len(r, i);
			made++;
			continue;
		}
		lead = note_lead(r, first, i, &want, adopted, &at, label,
		    sizeof(label));
		adopted = past_closing(r->src + r->lines[i], line_len(r, i),
		    adopted, lead > 0);
		last = i;
		prev_text = lead == 0;
		at.note_before = 0;
		if (lead == 0)
			continue;
		rp_buf_put(&b, r->src + done, r->lines[i] - done);
		put_definition(&b, label);
		line = (int)i + 1 + added;
		done = notes_run_on(r, &b, r->lines[i] + lead, r->lines[i] +
		    line_len(r, i), label, sizeof(label), &line);
		added = line - ((int)i + 1);
		if (isdigit((unsigned char)label[0]))
			at.note_before = atoi(label);
		made++;
	}
	if (made > 0)
		new_source(r, &b, done);
	rp_buf_free(&b);
}

/*
 * cmark-gfm drops definitions nothing refers to; a reference to each
 * label after the text (skipped when read) keeps them all.
 */
static void
keep_unreferenced(struct rdr *r, cmark_parser *ps)
{
	rp_buf	b;
	size_t	i, k;

	rp_buf_init(&b);
	for (i = 0; i < r->nlines; i++) {
		const char *l = r->src + r->lines[i];
		size_t n = (i + 1 < r->nlines ? r->lines[i + 1] : r->len) -
		    r->lines[i];

		if (n < 5 || l[0] != '[' || l[1] != '^')
			continue;
		for (k = 2; k < n && l[k] != ']' && l[k] != ' ' &&
		    l[k] != '\n'; k++)
			continue;
		if (k + 1 < n && l[k] == ']' && l[k + 1] == ':' && k > 2) {
			/* CommonMark reads the first definition of a label. */
			if (b.data != NULL && memmem(b.data, b.len, l, k + 1))
				rp_msg(r->doc, RP_WARNING, "md-footnote",
				    src_line(r, (int)i + 1),
				    1, "markdown: footnote %.*s is defined a "
				    "second time; this definition is not read",
				    (int)k + 1, l);
			rp_buf_puts(&b, "\n\n");
			rp_buf_put(&b, l, k + 1);
		}
	}
	if (b.len > 0) {
		rp_buf_putc(&b, '\n');
		cmark_parser_feed(ps, b.data, b.len);
	}
	rp_buf_free(&b);
}

/* ----------------------------------------------------------------- main */

/* r's text parsed by cmark-gfm; NULL if out of memory. */
static cmark_node *
parse_md(struct rdr *r)
{
	cmark_parser		*ps;
	cmark_node		*root;
	cmark_syntax_extension	*ext;

	cmark_gfm_core_extensions_ensure_registered();
	ps = cmark_parser_new_with_mem(CMARK_OPT_FOOTNOTES, rp_md_mem());
	if (ps == NULL)
		return NULL;
	/* Tables and ~~strike~~ from other tools read as their text. */
	if ((ext = cmark_find_syntax_extension("table")) != NULL)
		cmark_parser_attach_syntax_extension(ps, ext);
	if ((ext = cmark_find_syntax_extension("strikethrough")) != NULL)
		cmark_parser_attach_syntax_extension(ps, ext);
	cmark_parser_feed(ps, r->src, r->len);
	keep_unreferenced(r, ps);
	root = cmark_parser_finish(ps);
	cmark_parser_free(ps);
	return root;
}

int
rp_read_md(rp_doc *doc, const char *buf, size_t len)
{
	struct rdr		 r;
	cmark_node		*root, *c;
	size_t			 fmlen;
	int			 fmlines = 0;

	memset(&r, 0, sizeof(r));
	r.doc = doc;
	fmlen = front_matter_len(buf, len, &fmlines);
	r.src = buf + fmlen;
	r.len = len - fmlen;
	r.line0 = fmlines;
	index_lines(&r);
	join_wrapped_definitions(&r);
	cut_plain_paragraphs(&r);
	plain_note_definitions(&r);

	if ((root = parse_md(&r)) == NULL) {
		free(r.lines);
		free(r.cuts);
		rp_msg(doc, RP_ERROR, "memory", 0, 0, "out of memory");
		return -1;
	}
	flatten_deep(&r, root);

	r.stack[0].node = new_document(&r, RP_DOC_RESOLUTION, NULL);
	r.stack[0].zone = Z_PREFACE;
	r.stack[0].mbreak = masthead_rule(&r, cmark_node_first_child(root));
	doc->root = r.stack[0].node;
	/* The front matter goes over what the text says, at the end; the
	 * kind of document decides how the text is read. */
	if (fmlen > 0)
		read_front_matter(doc, r.fm, &r.furniture, buf, fmlen);
	if (r.fm[MD_F_KIND] != NULL)
		meta_set(doc, doc->root->meta, MD_F_KIND, r.fm[MD_F_KIND]);
	collect_defs(&r, root);
	for (c = cmark_node_first_child(root); c != NULL; c = cmark_node_next(c))
		if ((size_t)cmark_node_get_start_line(c) <= r.nlines)
			read_block(&r, c);
	/* Nothing but blank lines (or front matter): as the text reader. */
	if (cmark_node_first_child(root) == NULL)
		rp_msg(doc, RP_WARNING, "unstructured",
		    1, 1, "no resolution structure found");
	read_footnotes(&r);
	pop_to(&r, 0);
	finish_doc(&r, &r.stack[0]);
	if (r.furniture != NULL)	/* last, as the text reader has it */
		rp_node_append(doc->root, r.furniture);
	cmark_node_free(root);
	free(r.refs);
	free(r.defs);
	free(r.lines);
	free(r.cuts);
	return 0;
}
