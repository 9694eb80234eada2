/* write_pdf.c -- PDF through libharu, set like the official print: the
 * model becomes paragraphs of boxes (pdf_layout.c), those become lines
 * on pages with footnotes at the foot, then fonts are subset to what the
 * pages hold (pdf_fonts.c) and everything is drawn. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <fribidi.h>

#include "backend.h"
#include "pdf_fonts.h"
#include "pdf_libharu.h"
#include "labels.h"
#include "pdf_layout.h"
#include "arena.h"
#include "hyphenate.h"
#include "quotes.h"
#include "spacing.h"
#include "utf8.h"

/* ------------------------------------------------------------ template */

/* A length in points, or in ems of the text it goes with ("2em"). */
struct emlen {
	float	 v;
	int	 em;
};

struct conf {
	float	 pw, ph, mt, mb, ml, mr;
	char	*font[PF__MAX];
	float	 cjk_index, hinting, justify;
	int	 quotes;	/* typographic quotes (quotes.c) */
	int	 hyphenate;	/* hyphenate.c, where a line needs it */
	char	*hyphen_dir;	/* where the pattern files of lang/ are */
	float	 size, leading, size_zh, leading_zh, size_ar, leading_ar;
	float	 size_note, leading_note;
	float	 size_org, size_body, size_symbol, size_title, size_hf;
	struct emlen indent, indent_zh;	/* first line, hanging numbers */
	float	 space, rule, body_indent;
	char	*header, *header_first, *footer_left, *footer_right;
	char	*footer_first_left, *footer_first_right;
	char	*docref_url, *separator;
};

enum { K_LEN, K_EMLEN, K_NUM, K_STR, K_PAGE, K_FLAG };

static const struct key {
	const char	*name;
	int		 type;
	size_t		 off;
	const char	*def;
} keys[] = {
	{ "page_size", K_PAGE, 0, "A4" },
	{ "margin_top", K_LEN, offsetof(struct conf, mt), "22mm" },
	{ "margin_bottom", K_LEN, offsetof(struct conf, mb), "22mm" },
	{ "margin_left", K_LEN, offsetof(struct conf, ml), "25mm" },
	{ "margin_right", K_LEN, offsetof(struct conf, mr), "25mm" },
	{ "font_regular", K_STR, offsetof(struct conf, font[PF_REGULAR]),
	  "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf" },
	{ "font_italic", K_STR, offsetof(struct conf, font[PF_ITALIC]),
	  "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf" },
	{ "font_bold", K_STR, offsetof(struct conf, font[PF_BOLD]),
	  "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf" },
	{ "font_bolditalic", K_STR, offsetof(struct conf, font[PF_BOLDITALIC]),
	  "/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf" },
	{ "font_cjk", K_STR, offsetof(struct conf, font[PF_CJK]),
	  "/usr/share/fonts/truetype/arphic/uming.ttc" },
	{ "font_arabic", K_STR, offsetof(struct conf, font[PF_ARABIC]),
	  "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf" },
	{ "font_arabic_bold", K_STR, offsetof(struct conf, font[PF_ARABIC_BOLD]),
	  "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf" },
	{ "font_cjk_index", K_NUM, offsetof(struct conf, cjk_index), "0" },
	{ "font_hinting", K_NUM, offsetof(struct conf, hinting), "0" },
	{ "justify", K_NUM, offsetof(struct conf, justify), "1" },
	{ "quotes", K_FLAG, offsetof(struct conf, quotes), "yes" },
	{ "hyphenate", K_FLAG, offsetof(struct conf, hyphenate), "yes" },
	{ "hyphen_dir", K_STR, offsetof(struct conf, hyphen_dir),
	  "/usr/share/hyphen" },
	{ "size", K_LEN, offsetof(struct conf, size), "10pt" },
	{ "leading", K_LEN, offsetof(struct conf, leading), "12pt" },
	{ "size_zh", K_LEN, offsetof(struct conf, size_zh), "11pt" },
	{ "leading_zh", K_LEN, offsetof(struct conf, leading_zh), "17pt" },
	{ "size_ar", K_LEN, offsetof(struct conf, size_ar), "13pt" },
	{ "leading_ar", K_LEN, offsetof(struct conf, leading_ar), "19pt" },
	{ "size_note", K_LEN, offsetof(struct conf, size_note), "8pt" },
	{ "leading_note", K_LEN, offsetof(struct conf, leading_note), "9.5pt" },
	{ "size_organization", K_LEN, offsetof(struct conf, size_org), "10pt" },
	{ "size_body", K_LEN, offsetof(struct conf, size_body), "17pt" },
	{ "size_symbol", K_LEN, offsetof(struct conf, size_symbol), "14pt" },
	{ "size_title", K_LEN, offsetof(struct conf, size_title), "12pt" },
	{ "size_header", K_LEN, offsetof(struct conf, size_hf), "8pt" },
	{ "indent", K_EMLEN, offsetof(struct conf, indent), "36pt" },
	{ "indent_zh", K_EMLEN, offsetof(struct conf, indent_zh), "2em" },
	{ "paragraph_space", K_LEN, offsetof(struct conf, space), "6pt" },
	{ "rule", K_LEN, offsetof(struct conf, rule), "1.5pt" },
	{ "body_indent", K_LEN, offsetof(struct conf, body_indent), "0" },
	{ "header", K_STR, offsetof(struct conf, header), "{symbol}" },
	{ "header_first", K_STR, offsetof(struct conf, header_first), "" },
	{ "footer_left", K_STR, offsetof(struct conf, footer_left),
	  "{symbol}" },
	{ "footer_right", K_STR, offsetof(struct conf, footer_right),
	  "{page}/{pages}" },
	{ "footer_first_left", K_STR, offsetof(struct conf,
	  footer_first_left), "{job}" },
	{ "footer_first_right", K_STR, offsetof(struct conf,
	  footer_first_right), "" },
	{ "docref_url", K_STR, offsetof(struct conf, docref_url),
	  "https://undocs.org/{symbol}" },
	{ "separator", K_STR, offsetof(struct conf, separator), "* * *" },
};

#define NKEYS (sizeof(keys) / sizeof(keys[0]))

/* A length: "10pt", "25mm", "2cm", "1in", or points. */
static int
parse_len(const char *s, float *out)
{
	char	*end;
	double	 v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno != 0)
		return -1;
	while (*end == ' ')
		end++;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		;
	else if (strcmp(end, "mm") == 0)
		v *= 72 / 25.4;
	else if (strcmp(end, "cm") == 0)
		v *= 72 / 2.54;
	else if (strcmp(end, "in") == 0)
		v *= 72;
	else
		return -1;
	if (v < 0 || v > 10000)
		return -1;
	*out = (float)v;
	return 0;
}

/* A length as parse_len reads it, or "2em". */
static int
parse_emlen(const char *s, struct emlen *out)
{
	size_t	 n = strlen(s);
	char	 num[32];

	if (n > 2 && n < sizeof(num) && strcmp(s + n - 2, "em") == 0) {
		snprintf(num, sizeof(num), "%.*s", (int)(n - 2), s);
		out->em = 1;
		return parse_len(num, &out->v);
	}
	out->em = 0;
	return parse_len(s, &out->v);
}

/* An emlen in points, for text of this size. */
static float
emlen_pt(const struct emlen *l, float size)
{
	return l->em ? l->v * size : l->v;
}

static int
set_key(struct conf *c, const struct key *k, const char *v)
{
	char *p = (char *)c + k->off;

	switch (k->type) {
	case K_PAGE:
		if (strcasecmp(v, "A4") == 0) {
			c->pw = 595.276f;
			c->ph = 841.89f;
		} else if (strcasecmp(v, "Letter") == 0) {
			c->pw = 612;
			c->ph = 792;
		} else
			return -1;
		return 0;
	case K_LEN:
		return parse_len(v, (float *)(void *)p);
	case K_EMLEN:
		return parse_emlen(v, (struct emlen *)(void *)p);
	case K_NUM:
		return parse_len(v, (float *)(void *)p);
	case K_FLAG:
		return (*(int *)(void *)p = rp_quotes_flag(v)) < 0 ? -1 : 0;
	default:
		free(*(char **)(void *)p);
		if ((*(char **)(void *)p = strdup(v)) == NULL)
			return -1;
		return 0;
	}
}

static void
conf_free(struct conf *c)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (keys[i].type == K_STR)
			free(*(char **)(void *)((char *)c + keys[i].off));
}

static const struct key *
find_key(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (strlen(keys[i].name) == n &&
		    strncmp(keys[i].name, name, n) == 0)
			return &keys[i];
	return NULL;
}

/* The template's lines (tp, open as f) into c; closes f. */
static int
conf_read(struct conf *c, FILE *f, const char *tp, char *err, size_t errlen)
{
	char		 line[1024], *s, *v;
	const struct key *k;
	int		 lineno = 0, rc = 0;

	while (rc == 0 && fgets(line, sizeof(line), f) != NULL) {
		lineno++;
		if ((rc = rp_conf_line(line, &s, &v)) == 0)
			continue;
		if (rc < 0)
			snprintf(err, errlen, "template %s:%d: expected "
			    "key = value", tp, lineno);
		else if ((k = find_key(s, strlen(s))) == NULL ||
		    set_key(c, k, v) != 0) {
			snprintf(err, errlen, "template %s:%d: %s %s", tp,
			    lineno, k ? "bad value for" : "unknown key", s);
			rc = -1;
		} else
			rc = 0;
	}
	fclose(f);
	return rc < 0 ? -1 : 0;
}

/* Defaults, then the template (when there is one), then -V. */
static int
conf_load(struct conf *c, const rp_options *opt, char *err, size_t errlen)
{
	char		 path[512];
	const char	*tp = opt->template_path;
	FILE		*f = NULL;
	size_t		 i;

	for (i = 0; i < NKEYS; i++)
		if (set_key(c, &keys[i], keys[i].def) != 0) {
			snprintf(err, errlen, "out of memory");
			return -1;
		}
	if (tp == NULL && opt->data_dir != NULL) {
		snprintf(path, sizeof(path), "%s/templates/pdf.conf",
		    opt->data_dir);
		/* An installed data dir without our template is fine. */
		if ((f = fopen(path, "r")) != NULL)
			tp = path;
	} else if (tp != NULL && (f = fopen(tp, "r")) == NULL) {
		snprintf(err, errlen, "template %s: %s", tp, strerror(errno));
		return -1;
	}
	if (f != NULL && conf_read(c, f, tp, err, errlen) != 0)
		return -1;
	for (i = 0; i < NKEYS; i++) {
		const char *v = rp_options_get(opt, keys[i].name, NULL);

		if (v != NULL && set_key(c, &keys[i], v) != 0) {
			snprintf(err, errlen, "-V %s=%s: bad value",
			    keys[i].name, v);
			return -1;
		}
	}
	if (c->pw - c->ml - c->mr - c->body_indent < 144 ||
	    c->ph - c->mt - c->mb < 144) {
		snprintf(err, errlen, "margins leave less than 2in of page");
		return -1;
	}
	return 0;
}

/* ------------------------------------------------------------- the job */

/* Fixed words the PDF prints in a language (outline, document info, a
 * first page built from metadata): templates/labels/<tag>.conf, of the
 * data directory, else the copy built into the library; English where a
 * file or a key is missing. */
enum { L_ORGANIZATION, L_RESOLUTION, L_LETTER, L_ANNEX, L_TITLE_SEP,
	L_DISTRIBUTION, L_DATE, L_FIRST_DAY, L_BODY_GA, L_BODY_SC,
	L_BODY_ECOSOC, L_BODY_HRC, L_ADOPTION, L_ADOPTION_GA,
	L_ADOPTION_ECOSOC, L_ADOPTION_HRC, L_DOCTYPE_SC, L_ADOPTION_SC,
	L_MASTHEAD_ORGANIZATION, L_MASTHEAD_LANGUAGE, L__MAX };

static const char *const label_key[L__MAX] = { "organization",
    "resolution", "letter", "annex", "title-separator", "distribution",
    "date-format", "first-day", "org-un-ga", "org-un-sc", "org-un-ecosoc",
    "org-un-hrc", "adoption", "adoption-ga", "adoption-ecosoc",
    "adoption-hrc", "doctype-sc", "adoption-sc", "masthead-organization",
    "masthead-language" };


struct pdf_state {
	struct conf		 conf;
	struct pdf_fonts	*fonts;
	struct pl_metrics	 m;
	rp_labels		*labels;
	HPDF_Doc		 pdf;		/* doc_begin */
};

enum { AL_LEFT, AL_JUSTIFY, AL_CENTER, AL_RIGHT };

struct para {
	struct pl_para	 pl;
	float		 x, first_x;	/* from the left margin */
	float		 w, first_w;
	float		 leading;
	int		 align;
	int		 mirror;	/* in a right-to-left document */
	int		 lead_in;	/* its first box reads with the next
					 * (a footnote's raised number) */
	rp_quote_state	 qs;		/* the quotes open in it */
};

enum { VI_LINE, VI_SPACE, VI_RULE, VI_BREAK, VI_MARK };

/* One thing stacked down a page. */
struct vitem {
	int	 kind;
	int	 keep;		/* no page break after it */
	float	 h;
	int	 para, line;	/* VI_LINE */
	int	 para2, line2;	/* a second column on the same row, or -1 */
	int	 doc;		/* document it belongs to */
	int	 page;		/* after pagination */
	float	 top;		/* distance from the top margin */
};

struct docinfo {
	const rp_node	*node;
	const char	*symbol;
	const char	*job;		/* print job number, for the footer */
	int		 level, cjk, rtl;
	int		 page;
	float		 top;
};

/* A footnote's lines placed at a page foot. */
struct fnpart {
	int	 note, from, to;	/* lines [from, to) */
};

struct page {
	float		 body, notes;	/* used heights */
	struct fnpart	*fn;
	size_t		 nfn, fncap;
	int		 doc;
};

struct note {
	const rp_node	*node;
	int		 para;
	int		 page;		/* where it starts, -1 until placed */
	int		 lo, hi;	/* the notes set with it, in order */
	float		 top;
};

struct job {
	struct pdf_state	*st;
	const struct conf	*c;
	rp_doc			*doc;
	struct para		*para;
	size_t			 npara, paracap;
	struct vitem		*v;
	size_t			 nv, vcap;
	struct docinfo		*docs;
	size_t			 ndocs, docscap;
	struct note		*notes;
	size_t			 nnotes, notescap;
	const char		**links;
	size_t			 nlinks, linkscap;
	struct page		*pages;
	size_t			 npages, pagescap;
	int			 curdoc, cjk, rtl;
	rp_quotes		 quotes;	/* the document language's */
	rp_spacing		 spacing;	/* its spaces */
	const rp_hyph		*hyph;		/* its patterns, or NULL */
	float			 measure, body_h, size, leading;
	float			 left;		/* body indent from the margin */
	rp_buf			 tmp, spaced, quoted;
};

static int
new_para(struct job *j, int align, float x, float first_x, float leading)
{
	struct para *p;

	RP_GROW(j->para, j->npara, j->paracap);
	p = &j->para[j->npara];
	pl_para_init(&p->pl, j->cjk ? PL_CJK : j->rtl ? PL_ARABIC : PL_LATIN);
	p->x = j->left + x;
	p->first_x = j->left + first_x;
	p->w = j->measure - p->x;
	p->first_w = j->measure - p->first_x;
	p->leading = leading;
	p->align = align;
	p->mirror = j->rtl;
	p->lead_in = 0;
	memset(&p->qs, 0, sizeof(p->qs));
	return (int)j->npara++;
}

static struct vitem *
push(struct job *j, int kind, float h)
{
	struct vitem *v;

	RP_GROW(j->v, j->nv, j->vcap);
	v = &j->v[j->nv++];
	memset(v, 0, sizeof(*v));
	v->kind = kind;
	v->h = h;
	v->para2 = -1;
	v->doc = j->curdoc;
	return v;
}

static void
space(struct job *j, float h)
{
	int keep;

	if (j->nv > 0 && j->v[j->nv - 1].kind != VI_BREAK) {
		keep = j->v[j->nv - 1].keep;
		push(j, VI_SPACE, h)->keep = keep;
	}
}

static int
add_link(struct job *j, const char *href)
{
	RP_GROW(j->links, j->nlinks, j->linkscap);
	j->links[j->nlinks] = href;
	return (int)j->nlinks++;
}

static int
note_id(struct job *j, const rp_node *fn)
{
	size_t i;

	for (i = 0; i < j->nnotes; i++)
		if (j->notes[i].node == fn)
			return (int)i;
	return -1;
}

static void add_inlines(struct job *, int, const rp_node *, int, float,
    int32_t);

/* Text, with typographic quotes (unless the template turns them off)
 * and the spaces of its language (French's, spacing.c). */
static void
add_text(struct job *j, int pi, const char *s, int style, float size,
    int32_t link)
{
	rp_quote_state	*qs = &j->para[pi].qs;
	uint32_t	 prev = qs->prev;
	size_t		 k;

	if (j->c->quotes)
		s = rp_quotes_set(&j->quotes, qs, s, strlen(s), &j->quoted);
	else if (*s != '\0')
		qs->prev = rp_utf8_last(s, strlen(s), &k);
	s = rp_spacing_set(&j->spacing, prev, s, strlen(s), &j->spaced);
	pl_add(&j->para[pi].pl, &j->st->m, s, strlen(s), style, size, 0, link,
	    -1);
}

/* A DOCREF's link: the template's URL with the symbol, spaces dropped. */
static int32_t
docref_link(struct job *j, const rp_node *n)
{
	const char	*u = j->c->docref_url, *at;
	rp_buf		 b;
	const char	*s;

	if (*u == '\0' || n->ref == NULL || n->ref->symbol == NULL ||
	    (at = strstr(u, "{symbol}")) == NULL)
		return -1;
	rp_buf_init(&b);
	rp_buf_put(&b, u, (size_t)(at - u));
	for (s = n->ref->symbol; *s; s++)
		if (*s != ' ')
			rp_buf_putc(&b, *s);
	rp_buf_puts(&b, at + 8);
	s = rp_doc_strdup(j->doc, b.data);
	rp_buf_free(&b);
	return add_link(j, s);
}

static void
add_inline(struct job *j, int pi, const rp_node *n, int style, float size,
    int32_t link)
{
	int id;

	switch (n->type) {
	case RP_NODE_TEXT:
		add_text(j, pi, n->literal ? n->literal : "", style, size, link);
		break;
	case RP_NODE_EMPH:
		add_inlines(j, pi, n, style | PS_ITALIC, size, link);
		break;
	case RP_NODE_STRONG:
		add_inlines(j, pi, n, style | PS_BOLD, size, link);
		break;
	case RP_NODE_LINK:
		add_inlines(j, pi, n, style, size,
		    n->href && rp_link_writable(j->doc, n) ?
		    add_link(j, n->href) : link);
		break;
	case RP_NODE_DOCREF:
		/* A symbol keeps its order inside right-to-left text, a
		 * citation in words ("217 ألف (د-3)") its own. */
		j->para[pi].pl.isolate++;
		add_inlines(j, pi, n, style, size,
		    link >= 0 ? link : docref_link(j, n));
		j->para[pi].pl.isolate--;
		break;
	case RP_NODE_NOTEREF:
		/* Markers side by side: a comma between them (UN-LAYOUT 1.5,
		 * EM-FN), not one number "2325" of 23 and 25. */
		if (n->prev != NULL && n->prev->type == RP_NODE_NOTEREF)
			pl_add(&j->para[pi].pl, &j->st->m, ",", 1, style,
			    size * 0.65f, size * 0.38f, -1, -1);
		id = n->target ? note_id(j, n->target) : -1;
		pl_add(&j->para[pi].pl, &j->st->m, n->num ? n->num : "*",
		    strlen(n->num ? n->num : "*"), style, size * 0.65f,
		    size * 0.38f, -1, (int16_t)id);
		break;
	default:
		add_inlines(j, pi, n, style, size, link);
		break;
	}
}

static void
add_inlines(struct job *j, int pi, const rp_node *n, int style, float size,
    int32_t link)
{
	const rp_node *c;

	for (c = n->first; c != NULL; c = c->next)
		add_inline(j, pi, c, style, size, link);
}

/* Order a paragraph's directions, then break it into lines. */
static void
break_para(struct job *j, int pi, float first_w, float w, int justify)
{
	struct pl_para *pl = &j->para[pi].pl;

	pl_bidi(pl, &j->st->m);
	pl_fit(pl, &j->st->m, first_w < w ? first_w : w);
	if (justify)
		pl_break_hyphenated(pl, &j->st->m, j->hyph, first_w, w);
	else
		pl_break(pl, first_w, w, justify);
}

/* Name each character of a paragraph that no font has, once a
 * paragraph (one line with a count for many): never drawn silently as a
 * white square. */
static void
say_missing(struct job *j, const struct pl_para *pl)
{
	int i;

	for (i = 0; i < pl->nmissing_cp; i++)
		rp_msg(j->doc, RP_WARNING, "pdf-glyph", 0, 0, "pdf: no glyph "
		    "for U+%04X in any font: drawn as a white square%s",
		    (unsigned)pl->missing_cp[i], pl->missing_cp[i] < 0x10000 ?
		    "" : ", which the PDF's text holds in its place");
	if (pl->missing_more)
		rp_msg(j->doc, RP_WARNING, "pdf-glyph", 0, 0, "pdf: a "
		    "paragraph has more than %d different characters no "
		    "font has: each drawn as a white square", PL_MISSING);
}

/* Break a paragraph and stack its lines; widows and orphans are kept
 * off page edges by tying the first two and last two lines. */
static void
set_para(struct job *j, int pi, int keep_all)
{
	struct para	*p = &j->para[pi];
	size_t		 k;

	break_para(j, pi, p->first_w, p->w, p->align == AL_JUSTIFY);
	say_missing(j, &p->pl);
	for (k = 0; k < p->pl.nline; k++) {
		struct vitem *v = push(j, VI_LINE, p->leading);

		v->para = pi;
		v->line = (int)k;
		/* A word hyphenated at a line end is never cut by a page. */
		v->keep = keep_all || (k == 0 && p->pl.nline > 1) ||
		    k + 2 == p->pl.nline ||
		    p->pl.box[p->pl.brk[k]].hyphen > 0;
	}
	if (keep_all && j->nv > 0)
		j->v[j->nv - 1].keep = 1;
}

/* Whether n's text has a right-to-left letter. */
static int
node_rtl(const rp_node *n)
{
	const rp_node *c;

	if (n->literal != NULL && pl_has_rtl(n->literal, strlen(n->literal)))
		return 1;
	for (c = n->first; c != NULL; c = c->next)
		if (node_rtl(c))
			return 1;
	return 0;
}

/* A block of inlines as one paragraph.  In an Arabic document, a block
 * with no Arabic in it (a symbol, "Distr.: General") is set in the
 * Latin faces, as the print sets it. */
static int
block(struct job *j, const rp_node *n, int align, float x, float first_x,
    int style, float size, float leading, const char *num)
{
	int pi = new_para(j, align, x, first_x, leading);

	if (j->rtl && n != NULL && !node_rtl(n))
		j->para[pi].pl.script = PL_LATIN;

	if (num != NULL) {
		struct pl_para *p = &j->para[pi].pl;
		float w;

		pl_add(p, &j->st->m, num, strlen(num), style & ~PS_ITALIC, size,
		    0, -1, -1);
		w = pl_natural(p, 0, p->nbox - 1);
		pl_tab(p, x - first_x - w > size * 0.3f ? x - first_x - w :
		    size * 0.3f);
	}
	if (n != NULL)
		add_inlines(j, pi, n, style, size, -1);
	return pi;
}

/* -------------------------------------------------------- model walking */

static void flow_document(struct job *, const rp_node *, int);

static const char *label(struct pdf_state *, const char *, int);

/* The words of a first page built from metadata are in the language of
 * the document set (its own, else the one it stands in). */
static const char *
masthead_lang(const struct job *j)
{
	const rp_node *d = j->ndocs > 0 ? j->docs[j->curdoc].node : NULL;

	for (; d != NULL; d = d->parent)
		if (d->meta != NULL && d->meta->language != NULL)
			return d->meta->language;
	return "eng";
}

static const char *
text_of(const struct job *j, int key)
{
	return label(j->st, masthead_lang(j), key);
}

/* The label key, else (none in the document's language nor in English)
 * the label instead. */
static const char *
text_or(const struct job *j, int key, int instead)
{
	const char *s = text_of(j, key);

	return *s != '\0' ? s : text_of(j, instead);
}

/* The language of the masthead's distribution line and date: English in
 * the Arabic, Chinese and Russian print, the document's own in French
 * and Spanish (UN-LAYOUT.md 2.1); the labels' masthead-language. */
static const char *
masthead_date_lang(const struct job *j)
{
	const char *l = text_of(j, L_MASTHEAD_LANGUAGE);

	return *l != '\0' ? l : masthead_lang(j);
}

/* A date of the labels of lang: "22 December 2003", "2003年12月22日". */
static void
put_date(const struct job *j, rp_buf *b, const char *iso, const char *lang)
{
	const char	*t = label(j->st, lang, L_DATE);
	const char	*first = label(j->st, lang, L_FIRST_DAY);
	int		 y, m, d;

	if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12) {
		rp_buf_puts(b, iso ? iso : "");
		return;
	}
	for (; *t; t++) {
		if (strncmp(t, "{day}", 5) == 0) {
			/* "1er juillet 2006" */
			if (d == 1 && *first != '\0')
				rp_buf_puts(b, first);
			else
				rp_buf_printf(b, "%d", d);
			t += 4;
		} else if (strncmp(t, "{mon}", 5) == 0) {
			rp_buf_printf(b, "%d", m);
			t += 4;
		} else if (strncmp(t, "{year}", 6) == 0) {
			rp_buf_printf(b, "%d", y);
			t += 5;
		} else if (strncmp(t, "{month}", 7) == 0) {
			rp_buf_puts(b, rp_labels_month(j->st->labels, lang, m));
			t += 6;
		} else
			rp_buf_putc(b, *t);
	}
}

/* The label of each body's name (0: none). */
static const int body_label[RP_BODY__MAX] = {
	[RP_BODY_GA] = L_BODY_GA, [RP_BODY_SC] = L_BODY_SC,
	[RP_BODY_ECOSOC] = L_BODY_ECOSOC, [RP_BODY_HRC] = L_BODY_HRC,
};

/* The label of each body's adoption line, where a language words it
 * for the body ("adoptée par l'Assemblée générale", "принятая
 * Генеральной Ассамблеей"); else the one with {body} (0). */
static const int adoption_label[RP_BODY__MAX] = {
	[RP_BODY_GA] = L_ADOPTION_GA, [RP_BODY_ECOSOC] = L_ADOPTION_ECOSOC,
	[RP_BODY_HRC] = L_ADOPTION_HRC,
};

/* Template text with the metadata of m: {body}, {date}, {number},
 * {year}, {meeting}, {meeting_number}, {symbol}; NULL when a field it
 * names is unknown. */
static const char *
fill(struct job *j, const char *t, const rp_meta *m)
{
	rp_buf		*b = &j->tmp;
	const char	*v;
	char		 num[16];

	rp_buf_reset(b);
	for (; *t; t++) {
		size_t n = *t == '{' ? strcspn(t, "}") + 1 : 0;

		v = NULL;
		if (n == 0) {
			rp_buf_putc(b, *t);
			continue;
		}
		if (strncmp(t, "{date}", n) == 0) {
			if (m->date == NULL)
				return NULL;
			put_date(j, b, m->date, masthead_lang(j));
			t += n - 1;
			continue;
		} else if (strncmp(t, "{body}", n) == 0)
			v = body_label[m->body] ? text_of(j,
			    body_label[m->body]) : NULL;
		else if (strncmp(t, "{number}", n) == 0)
			v = m->number;
		else if (strncmp(t, "{symbol}", n) == 0)
			v = m->symbol;
		else if (strncmp(t, "{meeting}", n) == 0)
			v = m->meeting;
		else if (strncmp(t, "{year}", n) == 0 && m->year > 0)
			v = (snprintf(num, sizeof(num), "%d", m->year), num);
		else if (strncmp(t, "{meeting_number}", n) == 0 &&
		    m->meeting_number > 0)
			v = (snprintf(num, sizeof(num), "%d",
			    m->meeting_number), num);
		if (v == NULL)
			return NULL;
		rp_buf_puts(b, v);
		t += n - 1;
	}
	return b->data;
}

/* A paragraph of one string of the template. */
static int
text_para(struct job *j, const char *s, int align, float x, int style,
    float size, float leading)
{
	int pi = new_para(j, align, x, x, leading);

	if (j->rtl && !pl_has_rtl(s, strlen(s)))
		j->para[pi].pl.script = PL_LATIN;
	pl_add(&j->para[pi].pl, &j->st->m, s, strlen(s), style, size, 0, -1,
	    -1);
	return pi;
}

/* The masthead's columns from the preface's blocks: organization and
 * body at left, symbol, distribution and date at right (the symbol
 * heads its column as in the print). */
static void
masthead_blocks(struct job *j, const rp_node *pre, int *lp, int *nl,
    int *rp, int *nr, float col)
{
	const struct conf	*c = j->c;
	const rp_node		*b;
	int			 k;

	for (k = 0; k < 2; k++)
	for (b = pre->first; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK ||
		    (k == 0) != (b->role != RP_ROLE_DISTRIBUTION &&
		    b->role != RP_ROLE_DATE))
			continue;
		if ((b->role == RP_ROLE_ORGANIZATION || b->role ==
		    RP_ROLE_BODY) && *nl < 8) {
			float sz = b->role == RP_ROLE_BODY ? c->size_body :
			    c->size_org;

			lp[(*nl)++] = block(j, b, AL_LEFT, 0, 0, b->role ==
			    RP_ROLE_BODY ? PS_BOLD : 0, sz, sz * 1.25f, NULL);
		} else if ((b->role == RP_ROLE_SYMBOL || b->role ==
		    RP_ROLE_DISTRIBUTION || b->role == RP_ROLE_DATE) &&
		    *nr < 8) {
			float sz = b->role == RP_ROLE_SYMBOL ? c->size_symbol :
			    j->size;

			rp[(*nr)++] = block(j, b, AL_LEFT, col, col, 0, sz,
			    sz * 1.25f, NULL);
		}
	}
}

/* The masthead from the metadata, for a resolution read without one
 * (UN-LAYOUT.md 1.1): United Nations and the symbol, the body in large
 * bold, Distr.: General and the date. */
static void
masthead_meta(struct job *j, const rp_meta *m, int *lp, int *nl,
    int *rp, int *nr, float col)
{
	const struct conf	*c = j->c;
	const char		*s, *dl = masthead_date_lang(j);

	lp[(*nl)++] = text_para(j, text_or(j, L_MASTHEAD_ORGANIZATION,
	    L_ORGANIZATION), AL_LEFT, 0, 0, c->size_org, c->size_org * 1.25f);
	if (m->symbol != NULL)
		rp[(*nr)++] = text_para(j, m->symbol, AL_LEFT, col, 0,
		    c->size_symbol, c->size_symbol * 1.25f);
	if ((s = fill(j, "{body}", m)) != NULL)
		lp[(*nl)++] = text_para(j, s, AL_LEFT, 0, PS_BOLD,
		    c->size_body, c->size_body * 1.25f);
	rp[(*nr)++] = text_para(j, label(j->st, dl, L_DISTRIBUTION), AL_LEFT,
	    col, 0, j->size, j->size * 1.25f);
	if (m->date != NULL) {
		rp_buf_reset(&j->tmp);
		put_date(j, &j->tmp, m->date, dl);
		rp[(*nr)++] = text_para(j, j->tmp.data, AL_LEFT, col, 0,
		    j->size, j->size * 1.25f);
	}
}

/* Set the two masthead columns side by side, row by row, then the rule. */
static void
zip_columns(struct job *j, const int *lp, int nl, const int *rp, int nr)
{
	int	 i, li = 0, ri = 0, lline = 0, rline = 0;

	for (i = 0; i < nl + nr; i++) {
		int pi = i < nl ? lp[i] : rp[i - nl];

		break_para(j, pi, j->para[pi].w, j->para[pi].w, 0);
	}
	while (li < nl || ri < nr) {
		struct vitem *v = push(j, VI_LINE, 0);

		v->keep = 1;
		v->para = v->para2 = -1;
		if (li < nl) {
			v->para = lp[li];
			v->line = lline;
			v->h = j->para[lp[li]].leading;
			if (++lline >= (int)j->para[lp[li]].pl.nline) {
				li++;
				lline = 0;
			}
		}
		if (ri < nr) {
			v->para2 = rp[ri];
			v->line2 = rline;
			if (j->para[rp[ri]].leading > v->h)
				v->h = j->para[rp[ri]].leading;
			if (++rline >= (int)j->para[rp[ri]].pl.nline) {
				ri++;
				rline = 0;
			}
		}
	}
	push(j, VI_SPACE, 4)->keep = 1;
	push(j, VI_RULE, j->c->rule + 10)->keep = 1;
}

/* Whether the preface has a block of role r. */
static int
has_role(const rp_node *pre, int r)
{
	const rp_node *b;

	for (b = pre->first; b != NULL; b = b->next)
		if (b->type == RP_NODE_BLOCK && b->role == r)
			return 1;
	return 0;
}

/* A centred heading line of the template; bold unless an SC adoption
 * line, which the print sets in roman. */
static void
heading_line(struct job *j, const char *s, int style, float size)
{
	int pi;

	if (s == NULL)
		return;
	pi = text_para(j, s, AL_CENTER, 0, style, size, size * 1.3f);
	set_para(j, pi, 1);
	space(j, j->leading * 0.5f);
}

/* The heading lines the input lacks, from the metadata: "Resolution
 * adopted by the General Assembly on ..." (GA, ECOSOC), "Resolution 1377
 * (2001)" and "Adopted by the Security Council at its ..." (SC). */
static void
heading_meta(struct job *j, const rp_node *pre, const rp_meta *m)
{
	const struct conf *c = j->c;

	if (m->body == RP_BODY_SC) {
		if (!has_role(pre, RP_ROLE_DOCTYPE))
			heading_line(j, fill(j, text_of(j, L_DOCTYPE_SC), m),
			    PS_BOLD, c->size_title);
		if (!has_role(pre, RP_ROLE_ADOPTION))
			heading_line(j, fill(j, text_of(j, L_ADOPTION_SC), m),
			    0, j->size);
	} else if (!has_role(pre, RP_ROLE_ADOPTION))
		heading_line(j, fill(j, text_or(j, adoption_label[m->body] ?
		    adoption_label[m->body] : L_ADOPTION, L_ADOPTION), m),
		    PS_BOLD, c->size_title);
	space(j, j->leading * 0.5f);
}

/* "58/136. Title" as one bold heading, the title hanging after the
 * number (UN-LAYOUT.md 1.2); num may be a NUMBER block or the
 * metadata's number. */
static void
number_title(struct job *j, const rp_node *numb, const char *num,
    const rp_node *title)
{
	const struct conf	*c = j->c;
	int			 pi;

	if (numb != NULL) {
		rp_buf_reset(&j->tmp);
		rp_node_text(numb, &j->tmp);
		num = j->tmp.data;
	}
	/* No number of its own: the title line holds it. */
	pi = block(j, num == NULL ? title : NULL, AL_LEFT, emlen_pt(&c->indent,
	    c->size_title), 0, PS_BOLD, c->size_title, c->size_title * 1.3f,
	    num);
	if (title != NULL && num != NULL)
		add_inlines(j, pi, title, PS_BOLD, c->size_title, -1);
	set_para(j, pi, 1);
	space(j, j->leading * 0.5f);
}

/* The masthead of a preface: from the input, else from the metadata of
 * a resolution (unless made, a heading that has none). */
static void
preface_masthead(struct job *j, const rp_node *pre, const rp_meta *m,
    int made)
{
	const struct conf	*c = j->c;
	float			 col = j->measure * 0.58f;
	int			 lp[8], rp[8], nl = 0, nr = 0, i;

	masthead_blocks(j, pre, lp, &nl, rp, &nr, col);
	if (nl + nr == 0 && !made)
		masthead_meta(j, m, lp, &nl, rp, &nr, col);
	else if (nl + nr > 0 && nl < 8 && nr < 8 && !made) {
		/* Every masthead shows the organization and the symbol, as
		 * the print does. */
		if (!has_role(pre, RP_ROLE_ORGANIZATION)) {
			memmove(lp + 1, lp, (size_t)nl++ * sizeof(lp[0]));
			lp[0] = text_para(j, text_or(j,
			    L_MASTHEAD_ORGANIZATION, L_ORGANIZATION),
			    AL_LEFT, 0, 0, c->size_org, c->size_org * 1.25f);
		}
		if (m->symbol != NULL && !has_role(pre, RP_ROLE_SYMBOL)) {
			memmove(rp + 1, rp, (size_t)nr++ * sizeof(rp[0]));
			rp[0] = text_para(j, m->symbol, AL_LEFT, col, 0,
			    c->size_symbol, c->size_symbol * 1.25f);
		}
	}
	for (i = 0; i < nl; i++)	/* the left column stops at the right */
		j->para[lp[i]].w = j->para[lp[i]].first_w = col - 6;
	if (nl + nr > 0)
		zip_columns(j, lp, nl, rp, nr);
}

/* Preface block b of role that stands apart from the heading lines:
 * masthead lines (set already), the session and agenda lines.  Returns
 * 0 for a heading line. */
static int
preface_aside(struct job *j, const rp_node *b, int role)
{
	switch (role) {
	case RP_ROLE_ORGANIZATION: case RP_ROLE_BODY:
	case RP_ROLE_SYMBOL: case RP_ROLE_DISTRIBUTION:
	case RP_ROLE_DATE: case RP_ROLE_JOB:
		return 1;	/* masthead; the job number is a footer */
	case RP_ROLE_SESSION:
	case RP_ROLE_AGENDA:
		set_para(j, block(j, b, AL_LEFT, 0, 0, role ==
		    RP_ROLE_SESSION ? PS_BOLD : 0, j->size, j->leading, NULL),
		    1);
		return 1;
	default:
		return 0;
	}
}

/* A centred heading line of the preface in style at size with leading,
 * then a space of gap. */
static void
preface_centred(struct job *j, const rp_node *b, int style, float size,
    float leading, float gap)
{
	set_para(j, block(j, b, AL_CENTER, 0, 0, style, size, leading, NULL),
	    1);
	space(j, gap);
}

/* The metadata's number num as it goes before title line b ("58/136."),
 * or NULL when the line begins with it ("2751 (XXVI). Admission…"). */
static const char *
meta_number(struct job *j, const rp_node *b, const char *num)
{
	rp_buf_reset(&j->tmp);
	rp_node_text(b, &j->tmp);
	if (j->tmp.len > 0 && strncmp(j->tmp.data, num, strlen(num)) == 0)
		return NULL;
	rp_buf_reset(&j->tmp);
	rp_buf_printf(&j->tmp, "%s.", num);
	return j->tmp.data;
}

/* Heading line b of preface pre; a number line followed by the title
 * waits in *numb to be set with it. */
static void
preface_line(struct job *j, const rp_node *pre, const rp_meta *m,
    const rp_node *b, int role, const rp_node **numb)
{
	const struct conf *c = j->c;
	int		 sc;

	switch (role) {
	case RP_ROLE_NUMBER:
		if (b->next != NULL && b->next->type == RP_NODE_BLOCK &&
		    b->next->role == RP_ROLE_TITLE)
			*numb = b;
		else
			number_title(j, b, NULL, NULL);
		break;
	case RP_ROLE_TITLE:
		if (*numb != NULL || (m != NULL && m->number != NULL &&
		    m->body == RP_BODY_GA && !has_role(pre, RP_ROLE_NUMBER) &&
		    m->kind == RP_DOC_RESOLUTION)) {
			number_title(j, *numb, *numb != NULL ? NULL :
			    meta_number(j, b, m->number), b);
			*numb = NULL;
			break;
		}
		/* FALLTHROUGH */
	case RP_ROLE_DOCTYPE:
		preface_centred(j, b, PS_BOLD, c->size_title, c->size_title *
		    1.3f, j->leading * 0.5f);
		break;
	case RP_ROLE_ADOPTION:	/* the Council's is in the text's size */
		sc = m != NULL && m->body == RP_BODY_SC;
		preface_centred(j, b, sc ? 0 : PS_BOLD, sc ? j->size :
		    c->size_title, c->size_title * 1.3f, j->leading * 0.5f);
		break;
	case RP_ROLE_COMMITTEE:
		preface_centred(j, b, 0, j->size, j->leading, j->leading);
		break;
	default:
		set_para(j, block(j, b, AL_LEFT, 0, 0, 0, j->size, j->leading,
		    NULL), 1);
		break;
	}
}

/* The preface: the masthead, then the heading lines in input order. */
static void
flow_preface(struct job *j, const rp_node *pre, const rp_node *d)
{
	const rp_meta	*m = d->meta;
	float		 left = j->left;
	int		 made = m == NULL || m->kind != RP_DOC_RESOLUTION ||
			    j->docs[j->curdoc].level > 0;
	const rp_node	*b, *numb = NULL;

	j->left = 0;
	preface_masthead(j, pre, m, made);
	for (b = pre->first; b != NULL; b = b->next) {
		int role = b->type == RP_NODE_BLOCK ? b->role : RP_ROLE_NOTE;

		if (preface_aside(j, b, role))
			continue;
		j->left = j->c->body_indent;
		if (!made && role != RP_ROLE_NOTE) {
			space(j, j->leading);
			heading_meta(j, pre, m);
			made = 1;
		}
		preface_line(j, pre, m, b, role, &numb);
	}
	j->left = left;
	space(j, j->leading);
}

/* The first-line indent, where numbers hang: the template's, of the
 * document's text size (Chinese indents 2 em, 两字). */
static float
para_indent(const struct job *j)
{
	return emlen_pt(j->cjk ? &j->c->indent_zh : &j->c->indent, j->size);
}

/* A numbered paragraph or item: number hangs at x - indent. */
static void
flow_numbered(struct job *j, const rp_node *n, float x)
{
	const rp_node	*c;
	int		 first = 1, pi;
	float		 ind = para_indent(j);

	if (n->num != NULL && (n->first == NULL ||
	    n->first->type != RP_NODE_BLOCK)) {
		/* A number before a list ("Article 1", then "1.") or
		 * alone: on a line of its own. */
		set_para(j, block(j, NULL, AL_LEFT, x + ind, x, 0, j->size,
		    j->leading, n->num), 0);
		space(j, j->c->space);
		first = 0;
	}
	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_BLOCK) {
			pi = block(j, c, j->c->justify ? AL_JUSTIFY : AL_LEFT,
			    x + ind, first && n->num ? x : x + ind, 0, j->size,
			    j->leading, first ? n->num : NULL);
			set_para(j, pi, 0);
			space(j, j->c->space);
			first = 0;
		} else if (c->type == RP_NODE_LIST) {
			const rp_node *it;

			for (it = c->first; it != NULL; it = it->next)
				flow_numbered(j, it, x + ind);
		} else
			flow_numbered(j, c, x + ind);
	}
}

static void flow_blocks(struct job *, const rp_node *);
static void flow_node(struct job *, const rp_node *);

/* A closing block ("77th plenary meeting 22 December 2003") as the print
 * sets it: italic, flush right, the meeting and the date on lines of
 * their own (UN-LAYOUT.md 1.4). */
static void
closing_lines(struct job *j, const rp_node *b)
{
	const rp_node	*c;
	int		 pi = -1, was_date = -1;

	if (b->type != RP_NODE_BLOCK) {
		flow_node(j, b);
		return;
	}
	for (c = b->first; c != NULL; c = c->next) {
		int is_date = c->type == RP_NODE_DATE;

		if (pi < 0 || (is_date != was_date && (c->type !=
		    RP_NODE_TEXT || strspn(c->literal, " ") <
		    strlen(c->literal)))) {
			if (pi >= 0)
				set_para(j, pi, 1);
			pi = new_para(j, AL_RIGHT, 0, 0, j->leading);
			was_date = is_date;
		}
		add_inline(j, pi, c, PS_ITALIC, j->size, -1);
	}
	if (pi >= 0)
		set_para(j, pi, 1);
}

/* A heading's or container's number on a line of its own, in bold. */
static void
num_line(struct job *j, const char *num, int align)
{
	int pi;

	if (num == NULL)
		return;
	pi = new_para(j, align, 0, 0, j->leading * 1.2f);
	pl_add(&j->para[pi].pl, &j->st->m, num, strlen(num), PS_BOLD,
	    j->size * 1.1f, 0, -1, -1);
	set_para(j, pi, 1);
}

/* A block of running text: justified or flush left, first line
 * indented. */
static void
body_block(struct job *j, const rp_node *b)
{
	int pi = block(j, b, j->c->justify ? AL_JUSTIFY : AL_LEFT, 0,
	    para_indent(j), 0, j->size, j->leading, NULL);

	set_para(j, pi, 0);
	space(j, j->c->space);
}

/* An unnumbered paragraph: its blocks, and what else it holds. */
static void
flow_paragraph(struct job *j, const rp_node *n)
{
	const rp_node *b;

	for (b = n->first; b != NULL; b = b->next)
		if (b->type == RP_NODE_BLOCK)
			body_block(j, b);
		else
			flow_node(j, b);
}

/* The formula ("The Security Council,"): flush left, kept with
 * what follows. */
static void
flow_formula(struct job *j, const rp_node *n)
{
	const rp_node	*b;
	int		 pi;

	for (b = n->first; b != NULL; b = b->next) {
		pi = block(j, b, AL_LEFT, 0, para_indent(j), 0, j->size,
		    j->leading, NULL);
		set_para(j, pi, 1);
		space(j, j->c->space);
	}
}

/* Lines of a heading or signature, each block kept with the next, in
 * style at size, aligned al. */
static void
kept_lines(struct job *j, const rp_node *n, int al, int style, float size,
    float leading)
{
	const rp_node *b;

	for (b = n->first; b != NULL; b = b->next)
		set_para(j, block(j, b, al, 0, 0, style, size, leading, NULL),
		    1);
}

static void
flow_heading(struct job *j, const rp_node *n)
{
	space(j, j->leading);
	num_line(j, n->num, AL_CENTER);
	kept_lines(j, n, AL_CENTER, PS_BOLD, j->size * 1.1f,
	    j->leading * 1.2f);
	space(j, j->c->space);
}

/* The template's separator, not what an extraction left ("* ** ** *");
 * empty keeps the source's. */
static void
flow_separator(struct job *j, const rp_node *n)
{
	const char	*sep = *j->c->separator ? j->c->separator :
			    n->literal ? n->literal : "*";
	int		 pi = new_para(j, AL_CENTER, 0, 0, j->leading);

	pl_add(&j->para[pi].pl, &j->st->m, sep, strlen(sep), 0, j->size, 0,
	    -1, -1);
	set_para(j, pi, 0);
	space(j, j->c->space);
}

/* A debate's section or speech, a judgment's part. */
static void
flow_container(struct job *j, const rp_node *n)
{
	if (n->num != NULL)
		space(j, j->leading);
	num_line(j, n->num, AL_LEFT);
	flow_blocks(j, n);
}

static void
flow_conclusion(struct job *j, const rp_node *n)
{
	const rp_node *b;

	space(j, j->leading);
	for (b = n->first; b != NULL; b = b->next)
		closing_lines(j, b);
	space(j, j->c->space);
}

/* A vote's group: its label in italic, the names indented under it. */
static void
flow_vote_group(struct job *j, const rp_node *n)
{
	const rp_node	*b;
	float		 ind = para_indent(j);
	int		 al = j->c->justify ? AL_JUSTIFY : AL_LEFT, pi;

	for (b = n->first; b != NULL; b = b->next) {
		int label = b->role == RP_ROLE_LABEL;

		pi = block(j, b, label ? AL_LEFT : al, label ? ind : 2 * ind,
		    label ? ind : 2 * ind, label ? PS_ITALIC : 0, j->size,
		    j->leading, NULL);
		set_para(j, pi, label);
		space(j, j->c->space);
	}
}

static void
flow_signature(struct job *j, const rp_node *n)
{
	space(j, j->leading);
	kept_lines(j, n, AL_RIGHT, 0, j->size, j->leading);
	space(j, j->c->space);
}

/* An annex's number or name: a centred title line, kept with the next. */
static void
annex_title(struct job *j, const char *s)
{
	int pi;

	if (s == NULL)
		return;
	pi = new_para(j, AL_CENTER, 0, 0, j->leading * 1.3f);
	pl_add(&j->para[pi].pl, &j->st->m, s, strlen(s), PS_BOLD,
	    j->c->size_title, 0, -1, -1);
	set_para(j, pi, 1);
}

/* An annex begins a page; a document inside it is one level down. */
static void
flow_annex(struct job *j, const rp_node *n)
{
	const rp_node *b;

	push(j, VI_BREAK, 0);
	annex_title(j, n->num);
	annex_title(j, n->name);
	space(j, j->leading);
	for (b = n->first; b != NULL; b = b->next)
		if (b->type == RP_NODE_DOCUMENT)
			flow_document(j, b, j->docs[j->curdoc].level + 1);
		else
			flow_node(j, b);
}

static void
flow_node(struct job *j, const rp_node *n)
{
	switch (n->type) {
	case RP_NODE_PARAGRAPH:
		if (n->num != NULL)
			flow_numbered(j, n, 0);
		else
			flow_paragraph(j, n);
		break;
	case RP_NODE_FORMULA:
		flow_formula(j, n);
		break;
	case RP_NODE_LIST:
	case RP_NODE_ITEM:
		flow_numbered(j, n, n->type == RP_NODE_ITEM ? 0 :
		    para_indent(j));
		break;
	case RP_NODE_HEADING:
		flow_heading(j, n);
		break;
	case RP_NODE_SEPARATOR:
		flow_separator(j, n);
		break;
	case RP_NODE_CONTAINER:
		flow_container(j, n);
		break;
	case RP_NODE_CONCLUSION:
		flow_conclusion(j, n);
		break;
	case RP_NODE_VOTE:
		flow_blocks(j, n);
		break;
	case RP_NODE_VOTE_GROUP:
		flow_vote_group(j, n);
		break;
	case RP_NODE_SIGNATURE:
		flow_signature(j, n);
		break;
	case RP_NODE_BLOCK:
		body_block(j, n);
		break;
	case RP_NODE_ANNEX:
		flow_annex(j, n);
		break;
	case RP_NODE_NOTES:
	case RP_NODE_FOOTNOTE:
		break;		/* set at the page foot */
	case RP_NODE_FURNITURE:
		break;		/* the source's pages, not this one's */
	case RP_NODE_DOCUMENT:
		flow_document(j, n, j->docs[j->curdoc].level + 1);
		break;
	default:
		if (!rp_node_is_inline(n))
			flow_blocks(j, n);
		break;
	}
}

static void
flow_blocks(struct job *j, const rp_node *n)
{
	const rp_node *c;

	for (c = n->first; c != NULL; c = c->next)
		flow_node(j, c);
}

/* A footnote: marker hanging, text in the note size. */
static void
flow_note(struct job *j, const rp_node *fn)
{
	struct note	*nt;
	const rp_node	*b;
	float		 sz = j->c->size_note, ind = sz * 2;
	int		 pi = -1;

	RP_GROW(j->notes, j->nnotes, j->notescap);
	nt = &j->notes[j->nnotes++];
	nt->node = fn;
	nt->page = -1;
	nt->lo = nt->hi = (int)j->nnotes - 1;
	pi = new_para(j, j->c->justify ? AL_JUSTIFY : AL_LEFT, ind, 0,
	    j->c->leading_note);
	nt->para = pi;
	j->para[pi].lead_in = 1;
	pl_add(&j->para[pi].pl, &j->st->m, fn->num ? fn->num : "*",
	    strlen(fn->num ? fn->num : "*"), 0, sz * 0.7f, sz * 0.35f, -1, -1);
	pl_tab(&j->para[pi].pl, ind - pl_natural(&j->para[pi].pl, 0,
	    j->para[pi].pl.nbox - 1));
	for (b = fn->first; b != NULL; b = b->next) {
		if (b != fn->first)
			pl_add(&j->para[pi].pl, &j->st->m, " ", 1, 0, sz, 0, -1,
			    -1);
		if (b->type == RP_NODE_BLOCK)
			add_inlines(j, pi, b, 0, sz, -1);
		else
			add_inline(j, pi, b, 0, sz, -1);
	}
	break_para(j, pi, j->para[pi].first_w, j->para[pi].w,
	    j->c->justify != 0);
}

static const char *
find_symbol(const rp_node *n)
{
	const rp_node	*c;
	const char	*s;

	if (n->type == RP_NODE_DOCUMENT && n->meta && n->meta->symbol)
		return n->meta->symbol;
	for (c = n->first; c != NULL; c = c->next)
		if (!rp_node_is_inline(c) && (s = find_symbol(c)) != NULL)
			return s;
	return NULL;
}

/* Whether note i of a document's notes no marker points to. */
static int
unreferenced(const struct job *j, size_t i, const rp_node *notes)
{
	return j->notes[i].node->count == 0 && j->notes[i].node->parent ==
	    notes;
}

/*
 * A note no marker points to (its marker lost in the source) is still a
 * footnote, numbered in order through the document (UN-LAYOUT 1.5): it
 * goes to the page foot with the next note a marker points to, or the
 * one before it after the last.  Returns 0 when no marker points to any
 * of the document's notes (notes first..).
 */
static int
unreferenced_at_foot(struct job *j, size_t first, const rp_node *notes)
{
	size_t	i, end = first, last = (size_t)-1;
	int	lo = (int)first;

	/* Its own notes come first, those of documents inside it after. */
	while (notes != NULL && end < j->nnotes &&
	    j->notes[end].node->parent == notes)
		end++;
	for (i = first; i < end; i++)
		if (!unreferenced(j, i, notes)) {
			j->notes[i].lo = lo;
			lo = (int)i + 1;
			last = i;
		}
	if (last == (size_t)-1)
		return 0;
	j->notes[last].hi = (int)end - 1;
	return 1;
}

/* Otherwise such notes close the document, in the body. */
static void
unreferenced_in_body(struct job *j, size_t first, const rp_node *notes)
{
	size_t i, k;

	for (i = first; i < j->nnotes && notes != NULL; i++) {
		struct para *p = &j->para[j->notes[i].para];

		if (!unreferenced(j, i, notes))
			continue;
		for (k = 0; k < p->pl.nline; k++) {
			struct vitem *v = push(j, VI_LINE, p->leading);

			v->para = j->notes[i].para;
			v->line = (int)k;
			v->keep = k + 1 < p->pl.nline;
		}
		j->notes[i].page = 0;	/* never again at a page foot */
	}
}

/* The print job number of the document's preface ("25-17700 (E)"). */
static const char *
job_number(struct job *j, const rp_node *d)
{
	const rp_node *pre = rp_node_child(d, RP_NODE_PREFACE), *b;

	for (b = pre ? pre->first : NULL; b != NULL; b = b->next)
		if (b->type == RP_NODE_BLOCK && b->role == RP_ROLE_JOB) {
			rp_buf_reset(&j->tmp);
			rp_node_text(b, &j->tmp);
			return rp_doc_strdup(j->doc, j->tmp.data);
		}
	return NULL;
}

static void
flow_document(struct job *j, const rp_node *d, int level)
{
	struct docinfo	*di;
	const rp_node	*c, *notes;
	int		 saved = j->curdoc, saved_cjk = j->cjk;
	int		 saved_rtl = j->rtl;
	rp_quotes	 saved_quotes = j->quotes;
	rp_spacing	 saved_spacing = j->spacing;
	const rp_hyph	*saved_hyph = j->hyph;
	float		 ssize = j->size, slead = j->leading;

	RP_GROW(j->docs, j->ndocs, j->docscap);
	di = &j->docs[j->ndocs];
	memset(di, 0, sizeof(*di));
	di->node = d;
	di->level = level;
	di->cjk = d->meta && d->meta->language ?
	    strcmp(d->meta->language, "zho") == 0 : j->cjk;
	di->rtl = d->meta && d->meta->language ?
	    strcmp(d->meta->language, "ara") == 0 : j->rtl;
	di->symbol = find_symbol(d);
	di->job = job_number(j, d);
	if (di->symbol == NULL && j->ndocs > 0)
		di->symbol = j->docs[saved].symbol;
	j->curdoc = (int)j->ndocs++;
	j->cjk = di->cjk;
	j->rtl = di->rtl;
	if (d->meta && d->meta->language) {
		rp_quotes_of(&j->quotes, d->meta->language);
		rp_spacing_of(&j->spacing, d->meta->language);
		j->hyph = j->c->hyphenate ? rp_hyph_of(d->meta->language,
		    j->c->hyphen_dir) : NULL;
	}
	j->size = j->cjk ? j->c->size_zh : j->rtl ? j->c->size_ar : j->c->size;
	j->leading = j->cjk ? j->c->leading_zh : j->rtl ? j->c->leading_ar :
	    j->c->leading;
	push(j, VI_MARK, 0)->keep = 1;
	/* Footnotes first, so that references know their number. */
	size_t first_note = j->nnotes;

	if ((notes = rp_node_child(d, RP_NODE_NOTES)) != NULL)
		for (c = notes->first; c != NULL; c = c->next)
			if (c->type == RP_NODE_FOOTNOTE)
				flow_note(j, c);
	for (c = d->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_PREFACE)
			flow_preface(j, c, d);
		else
			flow_node(j, c);
	}
	if (!unreferenced_at_foot(j, first_note, notes))
		unreferenced_in_body(j, first_note, notes);
	j->curdoc = saved;
	j->cjk = saved_cjk;
	j->rtl = saved_rtl;
	j->quotes = saved_quotes;
	j->spacing = saved_spacing;
	j->hyph = saved_hyph;
	j->size = ssize;
	j->leading = slead;
}

/* ----------------------------------------------------------- pagination */

static struct page *
new_page(struct job *j, int doc)
{
	struct page *p;

	RP_GROW(j->pages, j->npages, j->pagescap);
	p = &j->pages[j->npages++];
	memset(p, 0, sizeof(*p));
	p->doc = doc;
	return p;
}

static float
note_h(const struct job *j, int note, int from, int to)
{
	(void)from;
	return (float)(to - from) * j->para[j->notes[note].para].leading;
}

#define NOTE_SEP	10.0f	/* the short rule above the notes */

/* The height of note n with the notes set with it, not yet placed. */
static float
notes_h(const struct job *j, int n)
{
	float	h = 0;
	int	g;

	for (g = j->notes[n].lo; g <= j->notes[n].hi; g++)
		if (j->notes[g].page < 0)
			h += note_h(j, g, 0, (int)j->para[
			    j->notes[g].para].pl.nline);
	return h;
}

/*
 * The height of items a..b in *h, and in *fh of the notes they reference
 * that are not yet placed.  Returns 1, the sums left partial, once they
 * pass limit: past what a page holds, the rest changes no decision, and a
 * keep chain longer than a page is not summed again at every line.
 */
static int
chunk_size(const struct job *j, size_t a, size_t b, float limit, float *h,
    float *fh)
{
	size_t	i, k;

	*h = *fh = 0;
	for (i = a; i <= b; i++) {
		const struct vitem	*v = &j->v[i];
		const struct para	*p;
		size_t			 first, last;

		*h += v->h;
		if (v->kind == VI_LINE && v->para >= 0) {
			p = &j->para[v->para];
			first = v->line ? p->pl.brk[v->line - 1] + 1 : 0;
			last = p->pl.brk[v->line];
			for (k = first; k <= last; k++) {
				int n = p->pl.box[k].note;

				if (n >= 0 && j->notes[n].page < 0)
					*fh += notes_h(j, n);
			}
		}
		if (*h + *fh > limit)
			return 1;
	}
	return 0;
}

/* The last item of the keep chain from each item on. */
static size_t *
chain_ends(const struct job *j)
{
	size_t	*end = calloc(j->nv + 1, sizeof(*end)), e;

	if (end == NULL)
		rp_out_of_memory();
	for (e = j->nv; e-- > 0;)
		end[e] = e + 1 < j->nv && j->v[e].keep &&
		    j->v[e + 1].kind != VI_BREAK ? end[e + 1] : e;
	return end;
}

static void
add_fn(struct page *pg, int note, int from, int to)
{
	RP_GROW(pg->fn, pg->nfn, pg->fncap);
	pg->fn[pg->nfn].note = note;
	pg->fn[pg->nfn].from = from;
	pg->fn[pg->nfn].to = to;
	pg->nfn++;
}

/* Note n at the foot of page pg (the current one, number page); what
 * is too long for what is left goes on at the foot of the next page. */
static void
place_note(struct job *j, struct page *pg, int page, int n,
    struct fnpart *carry, int *ncarry)
{
	int	total = (int)j->para[j->notes[n].para].pl.nline, fit;
	float	lead = j->para[j->notes[n].para].leading;
	float	room = j->body_h - pg->body - pg->notes -
	    (pg->nfn ? 0 : NOTE_SEP);

	fit = (int)(room / lead);
	if (fit >= total || fit < 1)
		fit = total;
	if (pg->nfn == 0)
		pg->notes += NOTE_SEP;
	add_fn(pg, n, 0, fit);
	pg->notes += (float)fit * lead;
	j->notes[n].page = page;
	if (fit < total) {
		carry[*ncarry].note = n;
		carry[*ncarry].from = fit;
		carry[(*ncarry)++].to = total;
	}
}

/* Put item i on the current page, with the notes it references and the
 * notes set with them. */
static void
place(struct job *j, size_t i, struct fnpart *carry, int *ncarry)
{
	struct vitem	*v = &j->v[i];
	struct page	*pg = &j->pages[j->npages - 1];
	size_t		 k;
	int		 n, g;

	v->page = (int)j->npages - 1;
	v->top = pg->body;
	pg->body += v->h;
	if (v->kind == VI_MARK) {
		j->docs[v->doc].page = v->page;
		j->docs[v->doc].top = v->top;
	}
	if (v->kind != VI_LINE || v->para < 0)
		return;
	const struct para *p = &j->para[v->para];
	size_t first = v->line ? p->pl.brk[v->line - 1] + 1 : 0;

	for (k = first; k <= p->pl.brk[v->line]; k++) {
		if ((n = p->pl.box[k].note) < 0 || j->notes[n].page >= 0)
			continue;
		for (g = j->notes[n].lo; g <= j->notes[n].hi; g++)
			if (j->notes[g].page < 0)
				place_note(j, pg, v->page, g, carry, ncarry);
	}
}

static void
turn_page(struct job *j, int doc, struct fnpart *carry, int *ncarry)
{
	struct page	*pg = new_page(j, doc);
	int		 i;

	for (i = 0; i < *ncarry; i++) {
		if (pg->nfn == 0)
			pg->notes += NOTE_SEP;
		add_fn(pg, carry[i].note, carry[i].from, carry[i].to);
		pg->notes += note_h(j, carry[i].note, carry[i].from,
		    carry[i].to);
	}
	*ncarry = 0;
}

/* Set item i, and the keep chain from it (to end[i]), on the pages; a
 * chunk that does not fit starts a page if that helps, else goes item
 * by item.  Returns the next item to set (i again after a new page). */
static size_t
set_item(struct job *j, size_t i, const size_t *end, struct fnpart *carry,
    int *ncarry)
{
	struct vitem	*v = &j->v[i];
	struct page	*pg = &j->pages[j->npages - 1];
	float		 h, fh, sep, limit = j->body_h + 0.01f;
	int		 empty = pg->body == 0, over;
	size_t		 e = end[i];

	if (v->kind == VI_BREAK) {
		if (!empty)
			turn_page(j, v->doc, carry, ncarry);
		return i + 1;
	}
	if (v->kind == VI_SPACE && empty) {
		v->page = (int)j->npages - 1;
		return i + 1;
	}
	/* The chunk: items tied together by keep. */
	over = chunk_size(j, i, e, limit, &h, &fh);
	sep = fh > 0 && pg->nfn == 0 ? NOTE_SEP : 0;
	if (!over && pg->body + h + pg->notes + fh + sep <= limit) {
		for (; i <= e; i++)
			place(j, i, carry, ncarry);
		return i;
	}
	if (!over && !empty && h + fh + NOTE_SEP <= j->body_h) {
		turn_page(j, v->doc, carry, ncarry);
		return i;
	}
	chunk_size(j, i, i, INFINITY, &h, &fh);
	sep = fh > 0 && pg->nfn == 0 ? NOTE_SEP : 0;
	if (!empty && pg->body + v->h + pg->notes + fh + sep >
	    j->body_h + 0.01f) {
		turn_page(j, v->doc, carry, ncarry);
		return i;
	}
	place(j, i, carry, ncarry);
	return i + 1;
}

/* A part's place at its page foot: a note going on from the page before
 * first, one going on to the next page last. */
static int
fn_rank(const struct job *j, const struct fnpart *f)
{
	if (f->from > 0)
		return 0;
	return f->to < (int)j->para[j->notes[f->note].para].pl.nline ? 2 : 1;
}

static int
fn_before(const struct job *j, const struct fnpart *a,
    const struct fnpart *b)
{
	int ra = fn_rank(j, a), rb = fn_rank(j, b);

	return ra != rb ? ra < rb : a->note < b->note;
}

/*
 * The notes of a page foot in number order, as the print lists them even
 * where the text cites them out of order (S/RES/44 (1948): 23, 25, 24
 * cited, 23, 24, 25 at the foot): placing follows the markers, so
 * sort them (a handful: by insertion).
 */
static void
notes_by_number(const struct job *j, struct page *pg)
{
	size_t		a, b;
	struct fnpart	f;

	for (a = 1; a < pg->nfn; a++) {
		f = pg->fn[a];
		for (b = a; b > 0 && fn_before(j, &f, &pg->fn[b - 1]); b--)
			pg->fn[b] = pg->fn[b - 1];
		pg->fn[b] = f;
	}
}

static void
paginate(struct job *j)
{
	size_t		 i = 0, *end = chain_ends(j);
	struct fnpart	*carry = calloc(j->nnotes + 1, sizeof(*carry));
	int		 ncarry = 0;

	if (carry == NULL)
		rp_out_of_memory();
	new_page(j, 0);
	while (i < j->nv)
		i = set_item(j, i, end, carry, &ncarry);
	/* Notes still to be continued get pages of their own. */
	while (ncarry > 0)
		turn_page(j, j->pages[j->npages - 1].doc, carry, &ncarry);
	for (i = 0; i < j->npages; i++)
		if (j->pages[i].nfn == 0 && j->pages[i].body == 0 &&
		    j->npages > 1 && i == j->npages - 1)
			j->npages--;
	for (i = 0; i < j->npages; i++)
		notes_by_number(j, &j->pages[i]);
	free(carry);
	free(end);
}

/* ---------------------------------------------------------------- drawing */

struct draw {
	struct job	*j;
	HPDF_Doc	 pdf;
	HPDF_Page	*pages;
	HPDF_Font	 font[PF__MAX];
	HPDF_Font	 cur;
	float		 cursize, curcs;
	int		 curfake;
	HPDF_Destination *notedest;
	struct pdf_used	*u;
	struct pdf_glyph *g;		/* a shaped box's glyphs */
	size_t		 gcap;
	int		 full;		/* glyph codes ran out */
};

/* Record the characters a line will draw, per face; shaped boxes get
 * codes for their glyphs. */
static void
use_line(struct draw *d, const struct para *p, size_t line)
{
	struct pdf_fonts *f = d->j->st->fonts;
	size_t		 a = line ? p->pl.brk[line - 1] + 1 : 0, k, i, n;

	for (k = a; k <= p->pl.brk[line]; k++) {
		const struct pl_box	*b = &p->pl.box[k];
		const char		*s = p->pl.text + b->off;

		pdf_used_add(d->u, b->face, s, b->len);
		if (b->hyphen > 0 && k == p->pl.brk[line])
			pdf_used_add(d->u, b->face, "-", 1);
		if (!pdf_fonts_shaped(f, b->face))
			continue;
		n = pdf_fonts_shape(f, b->face, s, b->len, b->level & 1,
		    &d->g, &d->gcap);
		for (i = 0; i < n; i++)
			if (pdf_used_glyph(d->u, b->face, d->g[i].gid,
			    (int)lroundf(d->g[i].place), s + d->g[i].text,
			    d->g[i].tlen, b->level & 1) == 0)
				d->full = 1;
	}
}

static void
use_para(struct draw *d, const struct para *p)
{
	size_t k;

	for (k = 0; k < p->pl.nline; k++)
		use_line(d, p, k);
}

static void
link_rect(struct draw *d, HPDF_Page page, float x0, float x1, float base,
    float size, int link, int note)
{
	HPDF_Rect	 r;
	HPDF_Annotation	 a = NULL;

	r.left = x0;
	r.right = x1;
	r.bottom = base - size * 0.25f;
	r.top = base + size * 0.9f;
	if (note >= 0 && d->notedest[note] != NULL)
		a = HPDF_Page_CreateLinkAnnot(page, r, d->notedest[note]);
	else if (link >= 0)
		a = HPDF_Page_CreateURILinkAnnot(page, r, d->j->links[link]);
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

/* Glue ratio past which a justified line is too loose (pdf_layout.h). */
#define LOOSE		PL_LOOSE
/* The most letter spacing a line takes before its spaces grow past
 * LOOSE, in em. */
#define MAX_TRACK	0.04f

/* How many characters box b holds. */
static size_t
chars(const struct para *p, const struct pl_box *b)
{
	size_t i, n = 0;

	for (i = 0; i < b->len; i++)
		n += ((unsigned char)p->pl.text[b->off + i] & 0xC0) != 0x80;
	return n;
}

/* A line too loose to justify by its spaces alone (a long word could
 * not break): what its spaces would take past LOOSE goes into letter
 * spacing, up to MAX_TRACK; returns the spaces' new ratio, sets *ls. */
static float
letter_space(const struct para *p, size_t a, size_t b, float r, float *ls)
{
	float	 st = 0, excess;
	size_t	 n = 0, i;

	for (i = a; i <= b; i++) {
		n += chars(p, &p->pl.box[i]);
		if (i < b)
			st += p->pl.box[i].stretch;
	}
	if (n < 2 || p->pl.box[a].cjk)
		return r;
	excess = (r - LOOSE) * st;
	*ls = excess / (float)(n - 1);
	if (*ls > MAX_TRACK * p->pl.box[a].size)
		*ls = MAX_TRACK * p->pl.box[a].size;
	return st > 0 ? r - *ls * (float)(n - 1) / st : r;
}

/* Whether box b holds one character: only runs of those may be spaced
 * out as one string with character spacing ("1373" must not become
 * "1 3 7 3" between Han characters). */
static int
one_char(const struct para *p, const struct pl_box *b)
{
	uint32_t cp;

	return rp_utf8_decode(p->pl.text + b->off, b->len, &cp) == b->len;
}

/* Make bx's font, size, character spacing and fake bold current. */
static void
select_font(struct draw *d, HPDF_Page page, const struct pl_box *bx,
    float cs)
{
	HPDF_Font f = d->font[bx->face];

	if (f != d->cur || bx->size != d->cursize) {
		HPDF_Page_SetFontAndSize(page, f, bx->size);
		d->cur = f;
		d->cursize = bx->size;
	}
	if (cs != d->curcs) {
		HPDF_Page_SetCharSpace(page, cs);
		d->curcs = cs;
	}
	if (bx->fakebold != d->curfake) {
		HPDF_Page_SetTextRenderingMode(page, bx->fakebold ?
		    HPDF_FILL_THEN_STROKE : HPDF_FILL);
		d->curfake = bx->fakebold;
	}
}

/* Write one shaped glyph's code, or a run of them, at x, y. */
static void
show_codes(struct draw *d, HPDF_Page page, const struct pl_box *bx, float x,
    float y, char *run, size_t len, int hmtx)
{
	run[len] = '\0';
	/* libharu measures a string by the font's own advances and writes
	 * nothing it finds of no width: a hair of character spacing gets
	 * marks out. */
	select_font(d, page, bx, hmtx ? 0 : 0.01f);
	HPDF_Page_TextOut(page, x, y, run);
}

/*
 * A shaped box from x: the glyphs that carry text in the shaper's order,
 * as one string where each code's width (/W) leads to the next one's
 * origin; then the others (marks, a ligature's extra parts), each placed
 * alone.  Text extraction sees one word, not a word cut at every mark.
 */
static void
draw_shaped(struct draw *d, HPDF_Page page, const struct para *p,
    const struct pl_box *bx, float x, float y)
{
	const char		*s = p->pl.text + bx->off;
	const struct pdf_glyph	*g;
	size_t			 n, i, len = 0;
	float			 k = bx->size / 1000.0f, pen, runx = x;
	char			 run[512];
	unsigned		 code;
	int			 rtl = bx->level & 1, hmtx = 0;

	n = pdf_fonts_shape(d->j->st->fonts, bx->face, s, bx->len, rtl, &d->g,
	    &d->gcap);
	for (i = 0, pen = x; i < n; pen += d->g[i++].adv * k) {
		g = &d->g[i];
		if (g->apart || (code = pdf_used_glyph(d->u, bx->face, g->gid,
		    (int)lroundf(g->place), s + g->text, g->tlen, rtl)) == 0)
			continue;
		/* A glyph moved up or down (cursive joins) goes alone, but
		 * in its place: its text stays in the word. */
		if ((len + 4 >= sizeof(run) || g->dy != 0) && len > 0) {
			show_codes(d, page, bx, runx, y, run, len, hmtx);
			len = hmtx = 0;
		}
		if (len == 0)
			runx = pen + g->dx * k;
		len += rp_utf8_encode(code, run + len);
		hmtx += g->w;
		if (g->dy != 0) {
			show_codes(d, page, bx, runx, y + g->dy * k, run, len,
			    hmtx);
			len = hmtx = 0;
		}
	}
	if (len > 0)
		show_codes(d, page, bx, runx, y, run, len, hmtx);
	for (i = 0, pen = x; i < n; pen += d->g[i++].adv * k) {
		g = &d->g[i];
		if (!g->apart || (code = pdf_used_glyph(d->u, bx->face, g->gid,
		    (int)lroundf(g->place), s + g->text, g->tlen, rtl)) == 0)
			continue;
		show_codes(d, page, bx, pen + g->dx * k, y + g->dy * k, run,
		    rp_utf8_encode(code, run), g->w);
	}
	select_font(d, page, bx, 0);
}

/* A box of a face set character by character; right to left, its
 * characters go backwards and mirrored. */
static void
draw_plain(HPDF_Page page, const struct para *p,
    const struct pl_box *bx, float x, float y)
{
	const char	*s = p->pl.text + bx->off;
	char		 buf[1024];
	size_t		 n = bx->len < sizeof(buf) ? bx->len : sizeof(buf) - 1;
	size_t		 i, k, len = n;
	uint32_t	 cp;
	FriBidiChar	 mirror;

	if (bx->level & 1)
		for (i = 0; i < n; i += k) {
			k = rp_utf8_get(s + i, n - i, &cp, '?');
			if (fribidi_get_mirror_char(cp, &mirror))
				cp = mirror;
			rp_utf8_encode(cp, buf + len - i - k);
		}
	else
		memcpy(buf, s, n);
	buf[len] = '\0';
	HPDF_Page_TextOut(page, x, y, buf);
}

/* Whether a line has to be set box by box: shaped boxes, or text that
 * is not all left to right. */
static int
mixed_line(const struct draw *d, const struct para *p, size_t a, size_t b)
{
	size_t k;

	if (p->pl.rtl)
		return 1;
	for (k = a; k <= b; k++)
		if (p->pl.box[k].level != 0 ||
		    pdf_fonts_shaped(d->j->st->fonts, p->pl.box[k].face))
			return 1;
	return 0;
}

/* Draw box bx at x in its face, shaped or character by character. */
static void
draw_box(struct draw *d, HPDF_Page page, const struct para *p,
    const struct pl_box *bx, float x, float y)
{
	select_font(d, page, bx, 0);
	if (pdf_fonts_shaped(d->j->st->fonts, bx->face))
		draw_shaped(d, page, p, bx, x, y + bx->rise);
	else
		draw_plain(page, p, bx, x, y + bx->rise);
}

/*
 * The last box of the run of boxes from a that holds no right-to-left
 * letter (a number, a symbol, Latin words, their brackets and spaces),
 * in a right-to-left line of boxes ..b whose visual places are rank[];
 * *wrap: the run is one stretch of the line but not in its logical order
 * there (the bidi algorithm set numbers apart round a neutral, or
 * isolates side by side).  Readers give Arabic back in logical order
 * from the glyphs' places, but take such a stretch left to right: its
 * text has to be given (draw_span).
 */
static size_t
ltr_run(const struct para *p, size_t a, size_t b, const size_t *rank,
    int *wrap)
{
	size_t	e = a, lo = rank[0], hi = rank[0], k;

	*wrap = 0;
	if (!p->pl.rtl || pl_has_rtl(p->pl.text + p->pl.box[a].off,
	    p->pl.box[a].len))
		return a;
	while (e < b && !pl_has_rtl(p->pl.text + p->pl.box[e + 1].off,
	    p->pl.box[e + 1].len))
		e++;
	for (k = 1; k <= e - a; k++) {
		lo = rank[k] < lo ? rank[k] : lo;
		hi = rank[k] > hi ? rank[k] : hi;
		if (rank[k] != rank[k - 1] + 1)
			*wrap = 1;
	}
	*wrap = *wrap && hi - lo == e - a;
	return e;
}

/* The text of boxes a..e in logical order, a space for each word space
 * between them (not for the glue between CJK characters). */
static void
span_text(rp_buf *t, const struct para *p, size_t a, size_t e)
{
	size_t k;

	for (k = a; k <= e; k++) {
		const struct pl_box *bx = &p->pl.box[k];

		rp_buf_put(t, p->pl.text + bx->off, bx->len);
		if (k < e && bx->glue > 0)
			rp_buf_putc(t, ' ');
	}
}

/* Boxes a..e drawn from left to right inside marked content that gives
 * their text in logical order. */
static void
draw_span(struct draw *d, HPDF_Page page, const struct para *p, size_t a,
    size_t e, const size_t *rank, const float *at, float y)
{
	rp_buf	t;
	size_t	k, r, lo = (size_t)-1;

	rp_buf_init(&t);
	span_text(&t, p, a, e);
	for (k = 0; k <= e - a; k++)
		lo = rank[k] < lo ? rank[k] : lo;
	pdf_libharu_span(page, t.data, t.len);
	for (r = lo; r <= lo + (e - a); r++)
		for (k = 0; k <= e - a; k++)
			if (rank[k] == r)
				draw_box(d, page, p, &p->pl.box[a + k], at[k], y);
	pdf_libharu_span_end(page);
	rp_buf_free(&t);
}

/* The boxes a..b from x, placed in visual order with glue set with ratio
 * r, and drawn in reading order: text extraction in content order (and
 * a screen reader) gets the words as they are read. */
static void
draw_visual(struct draw *d, HPDF_Page page, const struct para *p, size_t a,
    size_t b, float x, float y, float r, int annotate)
{
	size_t	n = 2 * (b - a) + 1, i, e, k, *order, *rank;
	float	*at;
	int	wrap;

	if ((order = calloc(n, sizeof(*order))) == NULL ||
	    (rank = calloc(b - a + 1, sizeof(*rank))) == NULL ||
	    (at = calloc(b - a + 1, sizeof(*at))) == NULL)
		rp_out_of_memory();
	pl_visual(&p->pl, a, b, order);
	for (i = 0, k = 0; i < n; i++) {
		const struct pl_box *bx = &p->pl.box[a + order[i] / 2];

		if (order[i] % 2)
			x += pl_glue(bx, r);
		else {
			at[order[i] / 2] = x;
			rank[order[i] / 2] = k++;
			x += bx->w;
		}
	}
	for (i = 0; i <= b - a; i = e + 1) {
		e = ltr_run(p, a + i, b, rank + i, &wrap) - a;
		if (wrap)
			draw_span(d, page, p, a + i, a + e, rank + i, at + i, y);
		for (k = i; k <= e; k++) {
			const struct pl_box *bx = &p->pl.box[a + k];

			if (!wrap)
				draw_box(d, page, p, bx, at[k], y);
			if (annotate && (bx->link >= 0 || bx->note >= 0)) {
				HPDF_Page_EndText(page);
				link_rect(d, page, at[k], at[k] + bx->w,
				    y + bx->rise, bx->size, bx->link, bx->note);
				HPDF_Page_BeginText(page);
			}
		}
	}
	free(order);
	free(rank);
	free(at);
}

/* A line's set: where it starts, its glue ratio, its letter spacing. */
struct set {
	size_t	a, b;		/* its boxes */
	float	x, r, ls;
};

/*
 * Boxes k.. of line st that go out as one string (one font, even gaps,
 * set as character spacing *cs): the end of the string, past its last
 * box; its text in buf (n bytes).
 */
static size_t
string_end(const struct para *p, const struct set *st, size_t k, float *cs,
    char *buf, size_t n)
{
	const struct pl_box *bx = &p->pl.box[k];
	size_t	m, len = 0, b = st->b;

	for (m = k; m <= b; m++) {
		const struct pl_box *c = &p->pl.box[m];

		if (m > k && (!one_char(p, c) ||
		    !one_char(p, &p->pl.box[m - 1]) ||
		    c->face != bx->face || c->size != bx->size
		    || c->rise != bx->rise || c->fakebold != bx->fakebold
		    || c->link != bx->link || c->note != bx->note ||
		    p->pl.box[m - 1].glue != 0 ||
		    pl_glue(&p->pl.box[m - 1], st->r) != *cs ||
		    len + c->len >= n))
			break;
		if (m == k)
			*cs = m < b ? pl_glue(c, st->r) : 0;
		memcpy(buf + len, p->pl.text + c->off, c->len);
		len += c->len;
		if (c->glue != 0 && m < b) {
			m++;
			break;
		}
	}
	buf[len] = '\0';
	return m;
}

/* Draw boxes k..m-1 of line st as one string from st->x, which moves on
 * past them; their link, if they have one, after. */
static void
draw_string(struct draw *d, HPDF_Page page, const struct para *p,
    struct set *st, size_t k, size_t m, float cs, const char *buf, float y)
{
	const struct pl_box *bx = &p->pl.box[k];
	size_t	q;

	select_font(d, page, bx, (bx->glue == 0 && m - k > 1 ? cs : 0) +
	    st->ls);
	HPDF_Page_TextOut(page, st->x, y + bx->rise, buf);
	for (q = k; q < m; q++) {
		st->x += p->pl.box[q].w + st->ls * (float)chars(p,
		    &p->pl.box[q]);
		if (q < st->b)
			st->x += q + 1 < m && p->pl.box[q].glue == 0 ? cs :
			    pl_glue(&p->pl.box[q], st->r);
	}
}

/* The link of boxes k..m-1 of a line, the string drawn from x0. */
static void
annotate_string(struct draw *d, HPDF_Page page, const struct para *p,
    size_t k, size_t m, float x0, float y)
{
	const struct pl_box *bx = &p->pl.box[k];
	float	x1 = x0;
	size_t	q;

	if (bx->link < 0 && bx->note < 0)
		return;
	for (q = k; q < m; q++)
		x1 += p->pl.box[q].w;
	HPDF_Page_EndText(page);
	link_rect(d, page, x0, x1, y + bx->rise, bx->size, bx->link, bx->note);
	HPDF_Page_BeginText(page);
}

/*
 * A footnote's raised number and the string after it, drawn as one span
 * of text "1 Word": set smaller, higher and a gap apart, the numbers of
 * notes one under the other read as a column of their own, before the
 * notes' text.  Returns the end of the second string.
 */
static size_t
draw_lead_in(struct draw *d, HPDF_Page page, const struct para *p,
    struct set *st, float y, int annotate)
{
	char	one[1024], two[1024];
	float	cs1 = 0, cs2 = 0, x0 = st->x, x1;
	size_t	m = string_end(p, st, st->a, &cs1, one, sizeof(one)), e;
	rp_buf	t;

	e = m <= st->b ? string_end(p, st, m, &cs2, two, sizeof(two)) : m;
	rp_buf_init(&t);
	span_text(&t, p, st->a, e - 1);
	pdf_libharu_span(page, t.data, t.len);
	rp_buf_free(&t);
	draw_string(d, page, p, st, st->a, m, cs1, one, y);
	x1 = st->x;
	if (e > m)
		draw_string(d, page, p, st, m, e, cs2, two, y);
	pdf_libharu_span_end(page);
	if (annotate) {
		annotate_string(d, page, p, st->a, m, x0, y);
		if (e > m)
			annotate_string(d, page, p, m, e, x1, y);
	}
	return e;
}

/* Where line of p starts (x) and its glue ratio and letter spacing. */
static void
line_set(const struct draw *d, const struct para *p, int line,
    struct set *st)
{
	const struct job *j = d->j;
	size_t	a = st->a, b = st->b, k;
	float	w = line ? p->w : p->first_w;
	float	off = line ? p->x : p->first_x;
	float	nat = pl_natural(&p->pl, a, b), set;
	int	last = (size_t)line + 1 == p->pl.nline, align = p->align;

	st->x = j->c->ml + (p->mirror ? j->measure - off - w : off);
	st->r = st->ls = 0;
	/* A justified line is filled however loose the breaker had to
	 * leave it: a ragged line inside a paragraph reads as its end. */
	if ((p->align == AL_JUSTIFY && !last) || nat > w)
		st->r = pl_ratio(&p->pl, a, b, w);
	if (st->r > LOOSE)	/* shaped and right-to-left lines stay ragged */
		st->r = mixed_line(d, p, a, b) ? 0 : letter_space(p, a, b,
		    st->r, &st->ls);
	if (p->pl.rtl && align != AL_CENTER) {
		for (k = a, set = 0; k <= b; k++)
			set += p->pl.box[k].w + (k < b ? pl_glue(&p->pl.box[k],
			    st->r) : 0);
		st->x += align == AL_RIGHT ? 0 : w - set;
	} else if (align == AL_CENTER)
		st->x += (w - nat) / 2;
	else if (align == AL_RIGHT)
		st->x += w - nat;
}

/* Draw one line of a paragraph with its baseline at y.  A right-to-left
 * document is mirrored: indents and columns count from the right margin;
 * a right-to-left paragraph is set flush right. */
static void
draw_line(struct draw *d, HPDF_Page page, const struct para *p, int line,
    float y, int annotate)
{
	struct set st;
	size_t	k, m;
	char	buf[1024];
	float	cs = 0, x0;

	st.a = line ? p->pl.brk[line - 1] + 1 : 0;
	st.b = p->pl.brk[line];
	line_set(d, p, line, &st);
	if (mixed_line(d, p, st.a, st.b)) {
		draw_visual(d, page, p, st.a, st.b, st.x, y, st.r, annotate);
		return;
	}
	k = line == 0 && p->lead_in ? draw_lead_in(d, page, p, &st, y,
	    annotate) : st.a;
	for (; k <= st.b; k = m) {
		x0 = st.x;
		m = string_end(p, &st, k, &cs, buf, sizeof(buf));
		draw_string(d, page, p, &st, k, m, cs, buf, y);
		if (annotate)
			annotate_string(d, page, p, k, m, x0, y);
	}
	if (p->pl.box[st.b].hyphen > 0)	/* a word cut at the line's end */
		HPDF_Page_TextOut(page, st.x, y + p->pl.box[st.b].rise, "-");
}

/* Header and footer text with {symbol}, {job}, {page} and {pages}
 * filled in. */
static void
expand(rp_buf *b, const char *t, const char *symbol, const char *job,
    size_t page, size_t pages)
{
	rp_buf_reset(b);
	while (*t) {
		if (strncmp(t, "{symbol}", 8) == 0) {
			rp_buf_puts(b, symbol ? symbol : "");
			t += 8;
		} else if (strncmp(t, "{job}", 5) == 0) {
			rp_buf_puts(b, job ? job : "");
			t += 5;
		} else if (strncmp(t, "{page}", 6) == 0) {
			rp_buf_printf(b, "%zu", page);
			t += 6;
		} else if (strncmp(t, "{pages}", 7) == 0) {
			rp_buf_printf(b, "%zu", pages);
			t += 7;
		} else
			rp_buf_putc(b, *t++);
	}
}

/* Where page i's header [0], left [1] and right [2] footers go: on the
 * outer side (UN-LAYOUT.md 1.6), so on an even page the header is at the
 * left and the two footers change sides, the page number going left.  A
 * right-to-left document keeps its footers put, the number on the right. */
static void
marks_align(size_t i, int rtl, int align[3])
{
	int	even = i % 2 == 1;

	align[0] = even ? AL_LEFT : AL_RIGHT;
	align[1] = even && !rtl ? AL_RIGHT : AL_LEFT;
	align[2] = even && !rtl ? AL_LEFT : AL_RIGHT;
}

/* Header and footer paragraphs of page i: [0] header, [1] left, [2]
 * right (on an odd page); -1 when empty. */
static void
page_marks(struct job *j, size_t i, int out[3])
{
	const struct conf	*c = j->c;
	const char		*tpl[3];
	const char		*sym = j->docs[j->pages[i].doc].symbol;
	int			 k, align[3];

	tpl[0] = i == 0 ? c->header_first : c->header;
	tpl[1] = i == 0 ? c->footer_first_left : c->footer_left;
	tpl[2] = i == 0 ? c->footer_first_right : c->footer_right;
	marks_align(i, j->docs[j->pages[i].doc].rtl, align);
	for (k = 0; k < 3; k++) {
		int pi;

		out[k] = -1;
		expand(&j->tmp, tpl[k], sym, j->docs[j->pages[i].doc].job,
		    i + 1, j->npages);
		if (j->tmp.len == 0)
			continue;
		pi = new_para(j, align[k], 0, 0, c->size_hf * 1.2f);
		j->para[pi].pl.script = j->docs[j->pages[i].doc].cjk ? PL_CJK :
		    j->docs[j->pages[i].doc].rtl &&
		    pl_has_rtl(j->tmp.data, j->tmp.len) ? PL_ARABIC : PL_LATIN;
		pl_add(&j->para[pi].pl, &j->st->m, j->tmp.data, j->tmp.len,
		    k == 0 ? PS_BOLD : 0, c->size_hf, 0, -1, -1);
		break_para(j, pi, j->measure, j->measure, 0);
		out[k] = pi;
	}
}

/* The label key in a document's language (ISO 639-2). */
static const char *
label(struct pdf_state *ps, const char *lang, int key)
{
	return rp_labels_get(ps->labels, lang, label_key[key]);
}

/* The date of the PDF: never the clock, SOURCE_DATE_EPOCH, else the
 * document's date (m may be NULL).  Returns 0 when there is none. */
static int
info_date(const rp_meta *m, HPDF_Date *dt)
{
	const char *sde;

	memset(dt, 0, sizeof(*dt));
	dt->ind = 'Z';
	if ((sde = getenv("SOURCE_DATE_EPOCH")) != NULL && *sde) {
		char		*end;
		long long	 t = strtoll(sde, &end, 10);
		struct tm	 tm;
		time_t		 tt = (time_t)t;

		if (*end == '\0' && t >= 0 && gmtime_r(&tt, &tm) != NULL) {
			dt->year = tm.tm_year + 1900;
			dt->month = tm.tm_mon + 1;
			dt->day = tm.tm_mday;
			dt->hour = tm.tm_hour;
			dt->minutes = tm.tm_min;
			dt->seconds = tm.tm_sec;
			return 1;
		}
	}
	return m && m->date && sscanf(m->date, "%d-%d-%d", &dt->year,
	    &dt->month, &dt->day) == 3 && dt->year > 1900 && dt->month >= 1 &&
	    dt->month <= 12 && dt->day >= 1 && dt->day <= 31;
}

/* The document information: title, subject (the symbol), author (the
 * body) and keywords, in the document's language. */
static void
set_info(struct job *j, HPDF_Doc pdf)
{
	const rp_node	*root = j->doc->root;
	const rp_meta	*m = root->meta;
	const char	*sym = j->docs[0].symbol;
	const char	*lang = m ? m->language : NULL;
	const char	*author = m && body_label[m->body] ? label(j->st, lang,
			    body_label[m->body]) : NULL;
	HPDF_Date	 dt;
	rp_buf		 b;

	rp_buf_init(&b);
	if (m && m->title)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, m->title);
	else if (sym)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, sym);
	if (sym)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, sym);
	rp_buf_puts(&b, label(j->st, lang, L_ORGANIZATION));
	if (author) {
		rp_buf_printf(&b, "; %s", author);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, author);
	} else
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, label(j->st, lang,
		    L_ORGANIZATION));
	rp_buf_printf(&b, "; %s", label(j->st, lang, m && m->kind ==
	    RP_DOC_LETTER ? L_LETTER : L_RESOLUTION));
	if (sym)
		rp_buf_printf(&b, "; %s", sym);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, b.data);
	HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "respub " RP_VERSION);
	rp_buf_free(&b);
	if (info_date(m, &dt)) {
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, dt);
		HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, dt);
	}
	/* libharu has no call for /Lang; the catalog is a plain dict. */
	HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr,
	    rp_lang_tag(m ? m->language : NULL), NULL));
}

/* Outline: one entry per document, annexes under their parent. */
static void
outline(struct draw *d, HPDF_Encoder enc)
{
	struct job	*j = d->j;
	HPDF_Outline	 stack[16];
	size_t		 i;

	for (i = 0; i < j->ndocs; i++) {
		const struct docinfo	*di = &j->docs[i];
		const rp_meta		*m = di->node->meta;
		HPDF_Outline		 o;
		HPDF_Destination	 dst;
		int			 lv = di->level < 15 ? di->level : 15;

		const char		*lang = m ? m->language : NULL;

		rp_buf_reset(&j->tmp);
		if (m && m->kind == RP_DOC_LETTER)
			rp_buf_puts(&j->tmp, m->title ? m->title :
			    label(j->st, lang, L_LETTER));
		else {
			if (m && m->kind == RP_DOC_ANNEX)
				rp_buf_puts(&j->tmp, label(j->st, lang, L_ANNEX));
			else if (m && m->symbol)
				rp_buf_puts(&j->tmp, m->symbol);
			else
				rp_buf_puts(&j->tmp, label(j->st, lang,
				    L_RESOLUTION));
			if (m && m->title)
				rp_buf_printf(&j->tmp, "%s%s", label(j->st,
				    lang, L_TITLE_SEP), m->title);
		}
		o = HPDF_CreateOutline(d->pdf, lv > 0 ? stack[lv - 1] : NULL,
		    j->tmp.data, enc);
		if (o == NULL)
			continue;
		HPDF_Outline_SetOpened(o, HPDF_TRUE);
		dst = HPDF_Page_CreateDestination(d->pages[di->page]);
		HPDF_Destination_SetXYZ(dst, 0, j->c->ph - j->c->mt - di->top +
		    6, 1);
		HPDF_Outline_SetDestination(o, dst);
		stack[lv] = o;
	}
}

static void
on_hpdf_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	HPDF_STATUS *st = data;

	(void)detail;
	if (*st == HPDF_OK)
		*st = e;
}

/*
 * The writer's libharu document, ready for a new one: made once, so
 * that the UTF-8 encoder libharu makes on first use (its tables of all
 * 65,536 codes, 1.4 M instructions) serves every document after it
 * (HPDF_FreeDoc keeps encoders).  Errors go to *st.
 */
static HPDF_Doc
doc_begin(struct pdf_state *ps, HPDF_STATUS *st)
{
	if (ps->pdf != NULL) {
		ps->pdf->error.user_data = st;
		if (HPDF_NewDoc(ps->pdf) != HPDF_OK) {
			HPDF_Free(ps->pdf);
			ps->pdf = NULL;
			*st = HPDF_OK;
		}
	}
	if (ps->pdf == NULL &&
	    (ps->pdf = HPDF_New(on_hpdf_error, st)) != NULL) {
		HPDF_SetCompressionMode(ps->pdf, HPDF_COMP_ALL);
		HPDF_UseUTFEncodings(ps->pdf);
	}
	if (ps->pdf != NULL) {
		HPDF_SetCurrentEncoder(ps->pdf, "UTF-8");
		pdf_libharu_begin(ps->pdf);
	}
	return ps->pdf;
}

/* The document done: its objects and font subsets let go; after an
 * error, the whole of libharu's state, made again for the next. */
static void
doc_end(struct pdf_state *ps, HPDF_STATUS st)
{
	if (ps->pdf == NULL)
		return;
	if (st != HPDF_OK) {
		HPDF_Free(ps->pdf);
		ps->pdf = NULL;
		return;
	}
	HPDF_FreeDoc(ps->pdf);
	pdf_fonts_unload(ps->pdf);
}

/* Indices 0..n-1 grouped by page (page_of[k]; outside [0, npages):
 * none): page i's are order[start[i]..start[i + 1]). */
static size_t *
by_page(const int *page_of, size_t n, size_t npages, size_t **startp)
{
	size_t	*start = calloc(npages + 2, sizeof(*start));
	size_t	*order = calloc(n + 1, sizeof(*order)), k;

	if (start == NULL || order == NULL)
		rp_out_of_memory();
	for (k = 0; k < n; k++)
		if (page_of[k] >= 0 && (size_t)page_of[k] < npages)
			start[page_of[k] + 2]++;
	for (k = 2; k < npages + 2; k++)
		start[k] += start[k - 1];
	for (k = 0; k < n; k++)
		if (page_of[k] >= 0 && (size_t)page_of[k] < npages)
			order[start[page_of[k] + 1]++] = k;
	*startp = start;
	return order;
}

static int *
new_pages_of(size_t n)
{
	int	*page_of = malloc((n + 1) * sizeof(*page_of));
	size_t	 k;

	if (page_of == NULL)
		rp_out_of_memory();
	for (k = 0; k < n; k++)
		page_of[k] = -1;
	return page_of;
}

/*
 * The items of each page in order, items[start[i]..start[i+1]) for page
 * i: drawing a page then looks at its own items, not at every item of
 * the document.
 */
static size_t *
page_items(const struct job *j, size_t **startp)
{
	int	*page_of = new_pages_of(j->nv);
	size_t	*items, k;

	for (k = 0; k < j->nv; k++)
		page_of[k] = j->v[k].page;
	items = by_page(page_of, j->nv, j->npages, startp);
	free(page_of);
	return items;
}

static void
drawn_on(int *last, int para, size_t page)
{
	if (para >= 0 && last[para] < (int)page)
		last[para] = (int)page;
}

/* The paragraphs whose last line each page draws: their layout goes
 * once that page is drawn, so that a long document's boxes and the
 * pages libharu holds are not all in memory at once. */
static size_t *
last_paras(const struct job *j, int (*marks)[3], size_t **startp)
{
	int	*last = new_pages_of(j->npara);
	size_t	*paras, i, k;

	for (i = 0; i < j->nv; i++)
		if (j->v[i].kind == VI_LINE && j->v[i].page >= 0) {
			drawn_on(last, j->v[i].para, (size_t)j->v[i].page);
			drawn_on(last, j->v[i].para2, (size_t)j->v[i].page);
		}
	for (i = 0; i < j->npages; i++) {
		for (k = 0; k < j->pages[i].nfn; k++)
			drawn_on(last, j->notes[j->pages[i].fn[k].note].para,
			    i);
		for (k = 0; k < 3; k++)
			drawn_on(last, marks[i][k], i);
	}
	paras = by_page(last, j->npara, j->npages, startp);
	free(last);
	return paras;
}

static float
baseline(float top, float lead, float size)
{
	return top + (lead - size) / 2 + size * 0.82f;
}

/* Mark for the font subsets exactly what the pages show. */
static void
subset_glyphs(struct draw *d, int (*marks)[3])
{
	struct job	*j = d->j;
	size_t		 i, k;

	for (i = 0; i < j->nv; i++) {
		if (j->v[i].kind != VI_LINE || j->v[i].page < 0)
			continue;
		if (j->v[i].para >= 0)
			use_line(d, &j->para[j->v[i].para],
			    (size_t)j->v[i].line);
		if (j->v[i].para2 >= 0)
			use_line(d, &j->para[j->v[i].para2],
			    (size_t)j->v[i].line2);
	}
	for (i = 0; i < j->nnotes; i++)
		use_para(d, &j->para[j->notes[i].para]);
	for (i = 0; i < j->npages; i++)
		for (k = 0; k < 3; k++)
			if (marks[i][k] >= 0)
				use_para(d, &j->para[marks[i][k]]);
}

/* Note destinations, made before the text: markers link forward. */
static void
note_destinations(struct draw *d)
{
	struct job		*j = d->j;
	const struct conf	*c = j->c;
	size_t			 i, k;

	for (i = 0; i < j->npages; i++) {
		float y = c->mb + j->pages[i].notes - NOTE_SEP;

		for (k = 0; k < j->pages[i].nfn; k++) {
			struct fnpart	*fp = &j->pages[i].fn[k];
			float		 lead = j->para[j->notes[fp->note].para].leading;

			if (fp->from == 0) {
				d->notedest[fp->note] =
				    HPDF_Page_CreateDestination(d->pages[i]);
				HPDF_Destination_SetXYZ(d->notedest[fp->note], 0,
				    y + 2, 1);
			}
			y -= (float)(fp->to - fp->from) * lead;
		}
	}
}

/* Page i's footnotes, from the separator down. */
static void
draw_notes(struct draw *d, HPDF_Page pg, size_t i)
{
	struct job		*j = d->j;
	const struct conf	*c = j->c;
	float			 y = c->mb + j->pages[i].notes - NOTE_SEP;
	size_t			 k;
	int			 l;

	for (k = 0; k < j->pages[i].nfn; k++) {
		struct fnpart	*fp = &j->pages[i].fn[k];
		struct para	*p = &j->para[j->notes[fp->note].para];

		for (l = fp->from; l < fp->to; l++) {
			y -= p->leading;
			draw_line(d, pg, p, l, y + (p->leading -
			    c->size_note) / 2 + c->size_note * 0.18f, 0);
		}
	}
}

/* The text of page i: its lines (items[start[i]..start[i + 1])), its
 * notes, the header above the top margin and footers below the bottom. */
static void
draw_page_text(struct draw *d, size_t i, const size_t *items,
    const size_t *start, const int marks[3])
{
	struct job		*j = d->j;
	const struct conf	*c = j->c;
	HPDF_Page		 pg = d->pages[i];
	float			 top = c->ph - c->mt;
	size_t			 m, k;

	d->cur = NULL;
	d->curcs = 0;
	d->curfake = 0;
	HPDF_Page_SetLineWidth(pg, 0.6f);
	HPDF_Page_BeginText(pg);
	for (m = start[i]; m < start[i + 1]; m++) {
		struct vitem *v = &j->v[items[m]];

		if (v->kind != VI_LINE)
			continue;
		if (v->para >= 0)
			draw_line(d, pg, &j->para[v->para], v->line,
			    top - baseline(v->top, v->h,
			    j->para[v->para].pl.box[0].size), 1);
		if (v->para2 >= 0)
			draw_line(d, pg, &j->para[v->para2], v->line2,
			    top - baseline(v->top, v->h,
			    j->para[v->para2].pl.box[0].size), 1);
	}
	draw_notes(d, pg, i);
	if (marks[0] >= 0)
		draw_line(d, pg, &j->para[marks[0]], 0,
		    c->ph - c->mt + c->size_hf * 1.6f, 0);
	for (k = 1; k < 3; k++)
		if (marks[k] >= 0)
			draw_line(d, pg, &j->para[marks[k]], 0,
			    c->mb - c->size_hf * 2.5f, 0);
	HPDF_Page_EndText(pg);
	if (d->curfake)
		HPDF_Page_SetTextRenderingMode(pg, HPDF_FILL);
}

/* The rules of page i: the masthead rule, the footnote separator. */
static void
draw_page_rules(struct draw *d, size_t i, const size_t *items,
    const size_t *start)
{
	struct job		*j = d->j;
	const struct conf	*c = j->c;
	HPDF_Page		 pg = d->pages[i];
	float			 top = c->ph - c->mt;
	size_t			 m;

	for (m = start[i]; m < start[i + 1]; m++) {
		struct vitem *v = &j->v[items[m]];
		float ry = top - v->top - v->h / 2;

		if (v->kind != VI_RULE)
			continue;
		HPDF_Page_SetLineWidth(pg, c->rule);
		HPDF_Page_MoveTo(pg, c->ml, ry);
		HPDF_Page_LineTo(pg, c->pw - c->mr, ry);
		HPDF_Page_Stroke(pg);
	}
	if (j->pages[i].nfn > 0) {
		float sy = c->mb + j->pages[i].notes - NOTE_SEP / 2;
		/* On the reading side: right in Arabic. */
		float sx = j->docs[j->pages[i].doc].rtl ?
		    c->pw - c->mr - c->body_indent - 72 :
		    c->ml + c->body_indent;

		HPDF_Page_SetLineWidth(pg, 0.5f);
		HPDF_Page_MoveTo(pg, sx, sy);
		HPDF_Page_LineTo(pg, sx + 72, sy);
		HPDF_Page_Stroke(pg);
	}
}

/* The document's bytes onto out; libharu's status (out as it was when
 * it fails). */
static HPDF_STATUS
save_pdf(HPDF_Doc pdf, rp_buf *out)
{
	size_t		base = out->len;
	HPDF_STATUS	st = HPDF_OK;

	if (HPDF_SaveToStream(pdf) != HPDF_OK)
		return HPDF_GetError(pdf) != HPDF_OK ? HPDF_GetError(pdf) :
		    HPDF_INVALID_DOCUMENT;
	HPDF_ResetStream(pdf);
	for (;;) {
		HPDF_BYTE	chunk[16384];
		HPDF_UINT32	n = sizeof(chunk);
		HPDF_STATUS	r = HPDF_ReadFromStream(pdf, chunk, &n);

		rp_buf_put(out, (const char *)chunk, n);
		if (r == HPDF_STREAM_EOF)
			break;
		if (r != HPDF_OK) {
			st = r;
			break;
		}
	}
	if (st != HPDF_OK)
		out->len = base;
	return st;
}

/* The document begun, with the fonts cut to what marks and the pages
 * draw; -1 (the error told) when they cannot be. */
static int
draw_begin(struct draw *d, int (*marks)[3], HPDF_STATUS *st)
{
	struct job	*j = d->j;
	char		 err[512];

	subset_glyphs(d, marks);
	if (d->full) {
		rp_msg(j->doc, RP_ERROR, "pdf-glyph",
		    0, 0, "pdf: more than %d different "
		    "shaped glyphs", 0x1900);
		return -1;
	}
	if ((d->pdf = doc_begin(j->st, st)) == NULL)
		return -1;
	if (pdf_fonts_load(j->st->fonts, d->u, d->pdf, d->font, err,
	    sizeof(err)) != 0) {
		rp_msg(j->doc, RP_ERROR, "pdf", 0, 0, "pdf: %s", err);
		return -1;
	}
	return 0;
}

/* Every page: its text, then its rules. */
static void
draw_pages(struct draw *d, int (*marks)[3])
{
	const struct job	*j = d->j;
	size_t			 i, k, *items, *start, *done, *dstart;

	for (i = 0; i < j->npages; i++) {
		d->pages[i] = HPDF_AddPage(d->pdf);
		HPDF_Page_SetWidth(d->pages[i], j->c->pw);
		HPDF_Page_SetHeight(d->pages[i], j->c->ph);
	}
	note_destinations(d);
	items = page_items(j, &start);
	done = last_paras(j, marks, &dstart);
	for (i = 0; i < j->npages; i++) {
		draw_page_text(d, i, items, start, marks[i]);
		draw_page_rules(d, i, items, start);
		pdf_libharu_page_done(d->pages[i]);
		for (k = dstart[i]; k < dstart[i + 1]; k++)
			pl_para_free(&j->para[done[k]].pl);
	}
	free(items);
	free(start);
	free(done);
	free(dstart);
}

static int
draw(struct job *j, rp_buf *out)
{
	struct draw		 d;
	struct pdf_used		*u = NULL;
	HPDF_STATUS		 st = HPDF_OK;
	size_t			 i;
	int			 rc = -1, (*marks)[3];

	memset(&d, 0, sizeof(d));
	d.j = j;
	d.cursize = -1;
	if ((marks = calloc(j->npages, sizeof(*marks))) == NULL ||
	    (d.pages = calloc(j->npages, sizeof(*d.pages))) == NULL ||
	    (d.notedest = calloc(j->nnotes + 1, sizeof(*d.notedest))) == NULL ||
	    (u = d.u = pdf_used_new()) == NULL)
		rp_out_of_memory();
	j->left = 0;	/* headers and footers span the masthead */
	for (i = 0; i < j->npages; i++)
		page_marks(j, i, marks[i]);
	if (draw_begin(&d, marks, &st) != 0)
		goto out;
	draw_pages(&d, marks);
	outline(&d, HPDF_GetEncoder(d.pdf, "UTF-8"));
	HPDF_SetPageMode(d.pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	set_info(j, d.pdf);
	if (st == HPDF_OK)
		st = save_pdf(d.pdf, out);
	if (st != HPDF_OK) {
		rp_msg(j->doc, RP_ERROR, "pdf",
		    0, 0, "pdf: libharu error 0x%04X",
		    (unsigned)st);
		goto out;
	}
	rc = 0;
out:
	if (d.pdf != NULL)
		doc_end(j->st, rc == 0 ? st : HPDF_INVALID_DOCUMENT);
	pdf_used_free(u);
	free(marks);
	free(d.g);
	free(d.pages);
	free(d.notedest);
	return rc;
}

/* ------------------------------------------------------------- backend */

static int
pdf_render(void *state, rp_doc *doc, rp_buf *out)
{
	struct pdf_state	*ps = state;
	struct job		 j;
	size_t			 i;
	int			 rc;

	memset(&j, 0, sizeof(j));
	j.st = ps;
	j.c = &ps->conf;
	j.doc = doc;
	j.measure = ps->conf.pw - ps->conf.ml - ps->conf.mr;
	j.left = ps->conf.body_indent;
	j.body_h = ps->conf.ph - ps->conf.mt - ps->conf.mb;
	j.size = ps->conf.size;
	j.leading = ps->conf.leading;
	rp_buf_init(&j.tmp);
	rp_buf_init(&j.spaced);
	rp_buf_init(&j.quoted);
	rp_quotes_of(&j.quotes, NULL);
	rp_spacing_of(&j.spacing, NULL);
	flow_document(&j, doc->root, 0);
	paginate(&j);
	rc = draw(&j, out);
	for (i = 0; i < j.npara; i++)
		pl_para_free(&j.para[i].pl);
	for (i = 0; i < j.npages; i++)
		free(j.pages[i].fn);
	free(j.para);
	free(j.v);
	free(j.docs);
	free(j.notes);
	free(j.links);
	free(j.pages);
	rp_buf_free(&j.tmp);
	rp_buf_free(&j.spaced);
	rp_buf_free(&j.quoted);
	return rc;
}

static void
pdf_destroy(void *state)
{
	struct pdf_state *ps = state;

	if (ps == NULL)
		return;
	if (ps->pdf != NULL)
		HPDF_Free(ps->pdf);
	pdf_fonts_free(ps->fonts);
	pdf_libharu_free();
	conf_free(&ps->conf);
	rp_labels_free(ps->labels);
	free(ps);
}

static void *
pdf_create(const rp_options *opt, const char **err)
{
	/* The contract wants static text; the reason names a file, and a
	 * writer is made once per process. */
	static char		 msg[1024];
	struct pdf_state	*ps;

	if ((ps = calloc(1, sizeof(*ps))) == NULL) {
		*err = "out of memory";
		return NULL;
	}
	if (conf_load(&ps->conf, opt, msg, sizeof(msg)) != 0 ||
	    (ps->fonts = pdf_fonts_new((const char *const *)ps->conf.font,
	    (int)ps->conf.cjk_index, ps->conf.hinting != 0, msg,
	    sizeof(msg))) == NULL) {
		*err = msg;
		pdf_destroy(ps);
		return NULL;
	}
	if ((ps->labels = rp_labels_new(opt->data_dir)) == NULL) {
		*err = "out of memory";
		pdf_destroy(ps);
		return NULL;
	}
	/* English first: every language falls back to it. */
	label(ps, "eng", L_ORGANIZATION);
	ps->m.ctx = ps->fonts;
	ps->m.face = pdf_fonts_face;
	ps->m.width = pdf_fonts_width;
	ps->m.run = pdf_fonts_run;
	return ps;
}

static const char *const *
pdf_params(void *state)
{
	static const char	*names[NKEYS + 1];
	size_t			 i;

	(void)state;
	for (i = 0; i < NKEYS; i++)
		names[i] = keys[i].name;
	return names;
}

const struct rp_backend rp_backend_pdf = {
	.fmt = RP_FORMAT_PDF,
	.create = pdf_create,
	.render = pdf_render,
	.destroy = pdf_destroy,
	.params = pdf_params,
};
