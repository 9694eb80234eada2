/*
 * write_md.c -- the Markdown writer.  The model becomes a cmark-gfm node
 * tree that cmark's CommonMark renderer prints, so escaping is right by
 * construction.  Two things cmark-gfm cannot build by hand are written as
 * raw nodes: footnote references ("[^1]") and the definitions, each
 * rendered as a small document of its own and indented (a hand-made
 * footnote node crashes the renderer).  The YAML front matter is not
 * Markdown and is written here.
 *
 * Layout (read_md.c reads it back):
 *   masthead lines                          a paragraph each, then a rule
 *                                           (a letter's: its title)
 *   "58/136." and the title                 one heading
 *   title of a document at annex depth d   heading level 1 + 2d
 *   annex heading                           heading level 2 + 2d
 *   heading inside a body                   heading level 3 + 2d
 *   operative "N." paragraphs               ordered lists
 *   sub-items                               bullet lists, marker kept
 *   several blocks of one paragraph         hard line breaks
 *   vote record                             bullet list: label, members
 *   signature                               one paragraph, hard breaks
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark-gfm.h>

#include "labels.h"
#include "backend.h"
#include "map.h"
#include "md_meta.h"

#define MD_MAX_LEVEL 6

/* What the template (and -V) chose. */
struct md_conf {
	int		 fields[MD_F__MAX];	/* front matter, in order */
	int		 nfields;
	int		 gfm_notes;	/* [^n] footnotes, else a list */
	char		*link_pattern;	/* "{symbol}" is replaced */
};

/* One rendering. */
struct mdw {
	const struct md_conf	*conf;
	rp_doc			*doc;
	/* Footnote labels, unique in the output: FOOTNOTE -> label. */
	char			**labels;
	size_t			 nnotes, capnotes;
	rp_map			 byfn;	/* FOOTNOTE pointer -> labels + 1 */
	rp_map			 taken;	/* labels given */
	rp_map			 nextk;	/* label and marker -> next -k */
};

static char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (d == NULL)
		rp_out_of_memory();
	return d;
}

/* ------------------------------------------------------------ template */

static void
conf_set(struct md_conf *c, const char *key, const char *val,
    const char **err)
{
	const char	*p, *q;
	int		 f;

	if (strcmp(key, "front-matter") == 0) {
		c->nfields = 0;
		for (p = val; *p; p = q) {
			while (*p == ' ' || *p == '\t' || *p == ',')
				p++;
			for (q = p; *q && *q != ' ' && *q != '\t' &&
			    *q != ','; q++)
				continue;
			if (q == p)
				break;
			if ((f = md_field_find(p, (size_t)(q - p))) < 0) {
				*err = "markdown template: unknown "
				    "front-matter field";
				return;
			}
			if (c->nfields < MD_F__MAX)
				c->fields[c->nfields++] = f;
		}
	} else if (strcmp(key, "footnotes") == 0) {
		if (strcmp(val, "gfm") == 0)
			c->gfm_notes = 1;
		else if (strcmp(val, "list") == 0)
			c->gfm_notes = 0;
		else
			*err = "markdown template: footnotes must be gfm or "
			    "list";
	} else if (strcmp(key, "link-pattern") == 0) {
		free(c->link_pattern);
		c->link_pattern = *val ? xstrdup(val) : NULL;
	}
	/* Other keys belong to other writers' templates and -V settings. */
}

/* Read "key = value" lines, as the other templates are read. */
static int
conf_load(struct md_conf *c, const char *path, const char **err)
{
	FILE	*f = fopen(path, "r");
	char	 line[4096], *k, *v;
	int	 rc;

	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL && *err == NULL) {
		if ((rc = rp_conf_line(line, &k, &v)) < 0) {
			*err = "markdown template: a line is not key = value";
			break;
		}
		if (rc > 0)
			conf_set(c, k, v, err);
	}
	fclose(f);
	return 0;
}

static void
md_destroy(void *state)
{
	struct md_conf *c = state;

	if (c == NULL)
		return;
	free(c->link_pattern);
	free(c);
}

static void *
md_create(const rp_options *opt, const char **err)
{
	static const int	 defaults[] = { MD_F_KIND, MD_F_SYMBOL,
	    MD_F_BODY, MD_F_NUMBER, MD_F_YEAR, MD_F_DATE, MD_F_MEETING,
	    MD_F_SESSION, MD_F_LANGUAGE, MD_F_TITLE, MD_F_DISTRIBUTION,
	    MD_F_VOTES };
	struct md_conf		*c = calloc(1, sizeof(*c));
	const char		*const *v;
	const char		*tp = opt->template_path;
	char			 path[4096];
	size_t			 n;

	if (c == NULL) {
		*err = "out of memory";
		return NULL;
	}
	*err = NULL;
	/* Built in, for library users without a data directory. */
	memcpy(c->fields, defaults, sizeof(defaults));
	c->nfields = sizeof(defaults) / sizeof(defaults[0]);
	c->gfm_notes = 1;
	/* --template is shared by all writers: ours end in ".conf". */
	if (tp != NULL && ((n = strlen(tp)) < 5 ||
	    strcmp(tp + n - 5, ".conf") != 0))
		tp = NULL;
	if (tp != NULL) {
		if (conf_load(c, tp, err) != 0)
			*err = "cannot read the markdown template";
	} else if (opt->data_dir != NULL) {
		snprintf(path, sizeof(path), "%s/templates/markdown.conf",
		    opt->data_dir);
		if (conf_load(c, path, err) != 0 && errno != ENOENT)
			*err = "cannot read templates/markdown.conf";
	}
	for (v = opt->vars; v != NULL && *v != NULL && *err == NULL; v++) {
		char	*key = xstrdup(*v), *eq = strchr(key, '=');

		if (eq != NULL) {
			*eq = '\0';
			conf_set(c, key, eq + 1, err);
		}
		free(key);
	}
	if (*err != NULL) {
		md_destroy(c);
		return NULL;
	}
	return c;
}

/* --------------------------------------------------------- front matter */

/* Whether YAML would read s as something other than this plain string. */
static int
yaml_needs_quotes(const char *s)
{
	static const char *const words[] = { "true", "false", "yes", "no",
	    "on", "off", "null", "~" };
	size_t i, n = strlen(s);

	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@`0123456789. ", s[0]) ||
	    s[n - 1] == ' ' || s[n - 1] == ':')
		return 1;
	if (strstr(s, ": ") || strstr(s, " #") || strpbrk(s, "\"\\\t\n\r"))
		return 1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return 0;
}

/* s as a double-quoted YAML string. */
static void
yaml_string(rp_buf *out, const char *s)
{
	rp_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			rp_buf_putc(out, '\\');
		if (*s == '\n')
			rp_buf_puts(out, "\\n");
		else if (*s == '\t')
			rp_buf_puts(out, "\\t");
		else if (*s != '\r')
			rp_buf_putc(out, *s);
	}
	rp_buf_putc(out, '"');
}

static void
front_matter(struct mdw *w, const rp_meta *m, const rp_node *fu, rp_buf *out)
{
	const rp_node	*b;
	rp_buf		 v;
	int		 i, f;

	if (w->conf->nfields == 0)
		return;
	rp_buf_init(&v);
	rp_buf_puts(out, "---\n");
	for (i = 0; i < w->conf->nfields; i++) {
		f = w->conf->fields[i];
		rp_buf_reset(&v);
		if (!md_field_get(m, f, &v))
			continue;
		rp_buf_printf(out, "%s: ", md_field_names[f]);
		if (f == MD_F_YEAR || !yaml_needs_quotes(v.data))
			rp_buf_puts(out, v.data);
		else
			yaml_string(out, v.data);
		rp_buf_putc(out, '\n');
	}
	/* Page furniture of a printed source: metadata, not text. */
	if (fu != NULL && fu->first != NULL) {
		rp_buf_puts(out, "furniture:\n");
		for (b = fu->first; b != NULL; b = b->next) {
			rp_buf_reset(&v);
			rp_buf_printf(&v, "%d: ", b->line);
			rp_node_text(b, &v);
			rp_buf_puts(out, "  - ");
			yaml_string(out, v.data);
			rp_buf_putc(out, '\n');
		}
	}
	rp_buf_puts(out, "---\n\n");
	rp_buf_free(&v);
}

/* ------------------------------------------------------------- inlines */

static cmark_node *
new_node(cmark_node_type t)
{
	cmark_node *n = cmark_node_new_with_mem(t, rp_md_mem());

	if (n == NULL)
		rp_out_of_memory();
	return n;
}

static void
add_text(cmark_node *parent, const char *s, size_t len)
{
	cmark_node	*t = new_node(CMARK_NODE_TEXT);
	char		*lit = malloc(len + 1);

	if (lit == NULL)
		rp_out_of_memory();
	memcpy(lit, s, len);
	lit[len] = '\0';
	cmark_node_set_literal(t, lit);
	free(lit);
	cmark_node_append_child(parent, t);
}

/*
 * Text with its ASCII white space made spaces: a newline could start a
 * list.  The spaces at the edges of a block go in tidy_spaces() (four
 * leading ones would make a code block, trailing ones a hard break);
 * runs elsewhere ("*  **  *") are safe and kept.
 */
static void
add_collapsed(cmark_node *parent, const char *s)
{
	rp_buf	b;

	rp_buf_init(&b);
	for (; *s; s++)
		rp_buf_putc(&b, strchr("\t\n\r\f\v", *s) != NULL ? ' ' : *s);
	if (b.len > 0)
		add_text(parent, b.data, b.len);
	rp_buf_free(&b);
}

static const char *note_label(struct mdw *w, const rp_node *fn);

static char *
link_url(const char *pattern, const char *symbol)
{
	rp_buf		 b;
	const char	*p, *hole = strstr(pattern, "{symbol}");

	rp_buf_init(&b);
	if (hole == NULL) {
		rp_buf_puts(&b, pattern);
		rp_buf_puts(&b, symbol);
	} else {
		rp_buf_put(&b, pattern, (size_t)(hole - pattern));
		for (p = symbol; *p; p++) {
			if (*p == ' ')
				rp_buf_puts(&b, "%20");
			else
				rp_buf_putc(&b, *p);
		}
		rp_buf_puts(&b, hole + 8);
	}
	return b.data;
}

static void inlines(struct mdw *w, cmark_node *parent, const rp_node *n);

/* n's content in a new node of type t (a link to url if not NULL). */
static void
wrapped(struct mdw *w, cmark_node *parent, const rp_node *n,
    cmark_node_type t, const char *url)
{
	cmark_node	*c = new_node(t);

	if (url != NULL)
		cmark_node_set_url(c, url);
	inlines(w, c, n->first);
	cmark_node_append_child(parent, c);
}

/* A note's reference: GFM's [^label] (raw: a hand-made footnote node
 * crashes cmark-gfm), else its number in brackets. */
static void
note_ref(struct mdw *w, cmark_node *parent, const rp_node *n)
{
	cmark_node	*c;
	rp_buf		 b;

	if (n->target == NULL) {
		add_collapsed(parent, n->num ? n->num : "");
		return;
	}
	rp_buf_init(&b);
	if (w->conf->gfm_notes) {
		rp_buf_printf(&b, "[^%s]", note_label(w, n->target));
		c = new_node(CMARK_NODE_HTML_INLINE);
		cmark_node_set_literal(c, b.data);
		cmark_node_append_child(parent, c);
	} else {
		rp_buf_printf(&b, "[%s]", n->target->num ?
		    n->target->num : "");
		add_text(parent, b.data, b.len);
	}
	rp_buf_free(&b);
}

static void
inline_node(struct mdw *w, cmark_node *parent, const rp_node *n)
{
	char	*url;

	switch (n->type) {
	case RP_NODE_TEXT:
		add_collapsed(parent, n->literal);
		break;
	case RP_NODE_EMPH:
	case RP_NODE_STRONG:
		wrapped(w, parent, n, n->type == RP_NODE_EMPH ?
		    CMARK_NODE_EMPH : CMARK_NODE_STRONG, NULL);
		break;
	case RP_NODE_LINK:
		if (!rp_link_writable(w->doc, n))
			inlines(w, parent, n->first);
		else
			wrapped(w, parent, n, CMARK_NODE_LINK,
			    n->href ? n->href : "");
		break;
	case RP_NODE_DOCREF:
		if (w->conf->link_pattern == NULL || n->ref == NULL ||
		    n->ref->symbol == NULL) {
			inlines(w, parent, n->first);
			break;
		}
		url = link_url(w->conf->link_pattern, n->ref->symbol);
		wrapped(w, parent, n, CMARK_NODE_LINK, url);
		free(url);
		break;
	case RP_NODE_NOTEREF:
		note_ref(w, parent, n);
		break;
	default:
		/* DATE and anything new: its content. */
		inlines(w, parent, n->first);
		break;
	}
}

static void
inlines(struct mdw *w, cmark_node *parent, const rp_node *n)
{
	for (; n != NULL; n = n->next)
		inline_node(w, parent, n);
}

/* The first or last TEXT under n in document order. */
static cmark_node *
edge_text(cmark_node *n, int last)
{
	cmark_node *c, *t;

	if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
		return n;
	for (c = last ? cmark_node_last_child(n) : cmark_node_first_child(n);
	    c != NULL; c = last ? cmark_node_previous(c) : cmark_node_next(c)) {
		if ((t = edge_text(c, last)) != NULL)
			return t;
		if (cmark_node_get_type(c) != CMARK_NODE_TEXT)
			return NULL;	/* a raw or empty node ends the edge */
	}
	return NULL;
}

static cmark_node *
space(void)
{
	cmark_node	*t = new_node(CMARK_NODE_TEXT);

	cmark_node_set_literal(t, " ");
	return t;
}

/* The spaces at the start (at the end if last) of n's text go: whether
 * there were any. */
static int
trim_edge(cmark_node *n, int last)
{
	cmark_node	*t = edge_text(n, last);
	const char	*s;
	char		*d;
	size_t		 len;

	if (t == NULL || (len = strlen(s = cmark_node_get_literal(t))) == 0 ||
	    (last ? s[len - 1] : s[0]) != ' ')
		return 0;
	if (last) {
		d = xstrdup(s);
		while (len > 0 && d[len - 1] == ' ')
			d[--len] = '\0';
	} else
		d = xstrdup(s + strspn(s, " "));
	cmark_node_set_literal(t, d);
	free(d);
	return 1;
}

/* A space at the start of n moves out before it (unless n is a
 * block, where it goes). */
static void
lead_space(cmark_node *n, int is_block)
{
	cmark_node	*prev = cmark_node_previous(n);
	const char	*s;
	char		*d;
	size_t		 len;

	if (!trim_edge(n, 0) || is_block)
		return;
	if (prev == NULL || cmark_node_get_type(prev) != CMARK_NODE_TEXT) {
		cmark_node_insert_before(n, space());
		return;
	}
	s = cmark_node_get_literal(prev);
	if ((len = strlen(s)) > 0 && s[len - 1] == ' ')
		return;
	if ((d = malloc(len + 2)) == NULL)
		rp_out_of_memory();
	memcpy(d, s, len);
	strcpy(d + len, " ");
	cmark_node_set_literal(prev, d);
	free(d);
}

/* Spaces at the end of n move out after it (unless n is a block, where
 * they go). */
static void
trail_space(cmark_node *n, int is_block)
{
	cmark_node	*next = cmark_node_next(n);

	if (trim_edge(n, 1) && !is_block && (next == NULL ||
	    cmark_node_get_type(next) != CMARK_NODE_TEXT ||
	    cmark_node_get_literal(next)[0] != ' '))
		cmark_node_insert_after(n, space());
}

/*
 * Spaces at the edges of a block, and just inside emphasis (where
 * "* x*" would not be emphasis), move out or go.
 */
static void
tidy_spaces(cmark_node *n, int is_block)
{
	cmark_node	*c, *next;

	for (c = cmark_node_first_child(n); c != NULL; c = next) {
		next = cmark_node_next(c);
		if (cmark_node_first_child(c) != NULL)
			tidy_spaces(c, 0);
		if (cmark_node_get_type(c) == CMARK_NODE_TEXT ||
		    cmark_node_first_child(c) != NULL ||
		    cmark_node_get_type(c) == CMARK_NODE_HTML_INLINE ||
		    cmark_node_get_type(c) == CMARK_NODE_LINEBREAK)
			continue;
		cmark_node_free(c);	/* empty emphasis or link */
	}
	lead_space(n, is_block);
	trail_space(n, is_block);
	/* Text emptied by trimming. */
	for (c = cmark_node_first_child(n); c != NULL; c = next) {
		next = cmark_node_next(c);
		if (cmark_node_get_type(c) == CMARK_NODE_TEXT &&
		    cmark_node_get_literal(c)[0] == '\0')
			cmark_node_free(c);
	}
}

/* A cmark paragraph (or heading) holding the inlines of BLOCK b, with
 * prefix (a paragraph number or item marker) as literal text before. */
static cmark_node *
block_node(struct mdw *w, cmark_node_type t, const rp_node *b,
    const char *prefix)
{
	cmark_node *p = new_node(t);

	if (prefix != NULL) {
		add_collapsed(p, prefix);
		add_text(p, " ", 1);
	}
	if (b != NULL)
		inlines(w, p, b->type == RP_NODE_BLOCK ? b->first : b);
	tidy_spaces(p, 1);
	return p;
}

/* Several BLOCKs as one paragraph separated by hard line breaks. */
static void
append_blocks(struct mdw *w, cmark_node *p, const rp_node *first)
{
	const rp_node *b;

	for (b = first; b != NULL && b->type == RP_NODE_BLOCK; b = b->next) {
		cmark_node *one = block_node(w, CMARK_NODE_PARAGRAPH, b, NULL),
		    *c;

		if (b != first)
			cmark_node_append_child(p, new_node(
			    CMARK_NODE_LINEBREAK));
		while ((c = cmark_node_first_child(one)) != NULL)
			cmark_node_append_child(p, c);
		cmark_node_free(one);
	}
}

/* -------------------------------------------------------------- blocks */

/* "12." -> 12; anything else -> 0. */
static int
list_number(const char *num)
{
	char	*end;
	long	 v;

	if (num == NULL || !isdigit((unsigned char)num[0]))
		return 0;
	errno = 0;
	v = strtol(num, &end, 10);
	if (errno != 0 || v <= 0 || v > 999999999 || strcmp(end, ".") != 0)
		return 0;
	/* "01." would come back as "1.". */
	if (num[0] == '0')
		return 0;
	return (int)v;
}

static void items(struct mdw *w, cmark_node *parent, const rp_node *list);
static int is_block(const rp_node *);
static const rp_node *blocks(struct mdw *, cmark_node *, const rp_node *,
    const rp_node *, int);

/*
 * The content of a PARAGRAPH or ITEM (BLOCKs and LISTs) into parent.
 * In a list item each block is a paragraph of its own; elsewhere the
 * blocks before a list share one paragraph, so that the reader can tell
 * one model paragraph from the next.
 */
static void
para_content(struct mdw *w, cmark_node *parent, const rp_node *n,
    const char *prefix, int in_item)
{
	const rp_node	*c;
	cmark_node	*p;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_LIST) {
			items(w, parent, c);
			continue;
		}
		if (c->type != RP_NODE_BLOCK) {
			/* A unit in a paragraph (a container read from Akoma
			 * Ntoso), after the number if it comes first. */
			if (prefix != NULL && is_block(c))
				cmark_node_append_child(parent, block_node(w,
				    CMARK_NODE_PARAGRAPH, NULL, prefix));
			if (is_block(c)) {
				blocks(w, parent, c, c->next, 1);
				prefix = NULL;
			}
			continue;
		}
		if (in_item) {
			p = block_node(w, CMARK_NODE_PARAGRAPH, c, prefix);
			/* An empty block would not come back. */
			if (cmark_node_first_child(p) == NULL) {
				cmark_node_free(p);
				continue;
			}
		} else {
			/* The number and a space, kept by the text after. */
			p = new_node(CMARK_NODE_PARAGRAPH);
			if (prefix != NULL) {
				add_collapsed(p, prefix);
				add_text(p, " ", 1);
			}
			append_blocks(w, p, c);
			while (c->next != NULL && c->next->type == RP_NODE_BLOCK)
				c = c->next;
		}
		prefix = NULL;
		cmark_node_append_child(parent, p);
	}
	if (prefix != NULL)	/* a number and nothing else */
		cmark_node_append_child(parent,
		    block_node(w, CMARK_NODE_PARAGRAPH, NULL, prefix));
}

/* Whether the marker is the bullet itself: no need to repeat it. */
static int
plain_bullet(const char *num)
{
	return num == NULL || strcmp(num, "-") == 0;
}

static void
items(struct mdw *w, cmark_node *parent, const rp_node *list)
{
	cmark_node	*l = new_node(CMARK_NODE_LIST);
	const rp_node	*it;

	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	cmark_node_set_list_tight(l, 0);
	for (it = list->first; it != NULL; it = it->next) {
		cmark_node *li = new_node(CMARK_NODE_ITEM);

		para_content(w, li, it, plain_bullet(it->num) ? NULL :
		    it->num, 1);
		cmark_node_append_child(l, li);
	}
	cmark_node_append_child(parent, l);
}

static void
vote(struct mdw *w, cmark_node *parent, const rp_node *v)
{
	cmark_node	*l = new_node(CMARK_NODE_LIST);
	const rp_node	*g, *b;

	cmark_node_set_list_type(l, CMARK_BULLET_LIST);
	for (g = v->first; g != NULL; g = g->next) {
		cmark_node *li = new_node(CMARK_NODE_ITEM);

		for (b = g->first; b != NULL; b = b->next)
			cmark_node_append_child(li, block_node(w,
			    CMARK_NODE_PARAGRAPH, b, NULL));
		cmark_node_append_child(l, li);
	}
	cmark_node_append_child(parent, l);
}

static cmark_node *
heading(int level, cmark_node *content)
{
	cmark_node *h = new_node(CMARK_NODE_HEADING), *c;

	cmark_node_set_heading_level(h, level > MD_MAX_LEVEL ? MD_MAX_LEVEL :
	    level);
	while ((c = cmark_node_first_child(content)) != NULL)
		cmark_node_append_child(h, c);
	cmark_node_free(content);
	return h;
}

static int
is_block(const rp_node *n)
{
	return n->type >= RP_NODE_FIRST_BLOCK &&
	    n->type < RP_NODE_FIRST_INLINE;
}

static void	container(struct mdw *, cmark_node *, const rp_node *, int);

/* A numbered paragraph as an item of the ordered list ol, a new one
 * unless it goes on from number *next; an unnumbered one on its own.
 * Returns the list open after it. */
static cmark_node *
numbered_para(struct mdw *w, cmark_node *root, const rp_node *c,
    cmark_node *ol, int *next)
{
	cmark_node	*p;
	int		 k;

	if ((k = list_number(c->num)) == 0) {
		para_content(w, root, c, c->num, 0);
		return NULL;
	}
	if (ol == NULL || k != *next) {
		ol = new_node(CMARK_NODE_LIST);
		cmark_node_set_list_type(ol, CMARK_ORDERED_LIST);
		cmark_node_set_list_delim(ol, CMARK_PERIOD_DELIM);
		cmark_node_set_list_start(ol, k);
		cmark_node_set_list_tight(ol, 0);
		cmark_node_append_child(root, ol);
	}
	*next = k + 1;
	p = new_node(CMARK_NODE_ITEM);
	para_content(w, p, c, NULL, 1);
	cmark_node_append_child(ol, p);
	return ol;
}

static void
heading_para(struct mdw *w, cmark_node *root, const rp_node *c, int depth)
{
	cmark_node	*p = new_node(CMARK_NODE_PARAGRAPH);

	if (c->num != NULL)
		add_collapsed(p, c->num);
	if (c->num != NULL && c->first != NULL)
		add_text(p, " ", 1);
	append_blocks(w, p, c->first);
	tidy_spaces(p, 1);
	cmark_node_append_child(root, heading(3 + 2 * depth, p));
}

/* A formula, a signature, or BLOCKs in a row (before end) as one
 * paragraph; returns the last node it took. */
static const rp_node *
plain_para(struct mdw *w, cmark_node *root, const rp_node *c,
    const rp_node *end)
{
	cmark_node	*p = new_node(CMARK_NODE_PARAGRAPH);

	append_blocks(w, p, c->type == RP_NODE_BLOCK ? c : c->first);
	if (c->type == RP_NODE_BLOCK)
		while (c->next != end && c->next != NULL &&
		    c->next->type == RP_NODE_BLOCK)
			c = c->next;
	cmark_node_append_child(root, p);
	return c;
}

/* A run of blocks from first, up to end (or the first node that is not
 * a block): the children of a PREAMBLE, BODY or CONCLUSION, or blocks
 * found elsewhere (a list in a masthead, a block in a DOCUMENT), which
 * the model allows and a reader of the page must see.  Returns the last
 * block rendered. */
static const rp_node *
blocks(struct mdw *w, cmark_node *root, const rp_node *first,
    const rp_node *end, int depth)
{
	const rp_node	*c, *last = first;
	cmark_node	*ol = NULL, *p;
	int		 next = 0;

	for (c = first; c != end && c != NULL && is_block(c);
	    last = c, c = c->next) {
		if (c->type != RP_NODE_PARAGRAPH)
			ol = NULL;
		switch (c->type) {
		case RP_NODE_PARAGRAPH:
			ol = numbered_para(w, root, c, ol, &next);
			break;
		case RP_NODE_HEADING:
			heading_para(w, root, c, depth);
			break;
		case RP_NODE_SEPARATOR:
			p = new_node(CMARK_NODE_PARAGRAPH);
			add_collapsed(p, c->literal ? c->literal : "");
			tidy_spaces(p, 1);
			cmark_node_append_child(root, p);
			break;
		case RP_NODE_VOTE:
			vote(w, root, c);
			break;
		case RP_NODE_CONTAINER:
			container(w, root, c, depth);
			break;
		case RP_NODE_LIST:
			items(w, root, c);
			break;
		case RP_NODE_FORMULA:
		case RP_NODE_SIGNATURE:
		case RP_NODE_BLOCK:
			c = plain_para(w, root, c, end);
			break;
		default:
			break;
		}
	}
	return last;
}

/* A debate's section or speech, a judgment's part (read from Akoma
 * Ntoso): its number and heading (a BLOCK read from a <heading>) as a
 * heading, then its blocks, a level down. */
static void
container(struct mdw *w, cmark_node *root, const rp_node *n, int depth)
{
	const rp_node	*c = n->first, *title = NULL;

	if (c != NULL && c->type == RP_NODE_BLOCK && c->name != NULL &&
	    strcmp(c->name, "heading") == 0) {
		title = c;
		c = c->next;
	}
	if (n->num != NULL || title != NULL)
		cmark_node_append_child(root, heading(3 + 2 * depth,
		    block_node(w, CMARK_NODE_PARAGRAPH, title, n->num)));
	blocks(w, root, c, NULL, depth + 1);
}

/* ----------------------------------------------------------- footnotes */

/* The label of a footnote: its marker, made unique in the output
 * (read_md.c strips "-k" when the plain label exists). */
static const char *
note_label(struct mdw *w, const rp_node *fn)
{
	rp_buf		 first, b;
	size_t		*v;
	const char	*num = fn->num ? fn->num : "";

	if ((v = rp_map_get(&w->byfn, &fn, sizeof(fn))) != NULL)
		return w->labels[*v - 1];
	rp_buf_init(&first);
	/* Labels hold no spaces or brackets. */
	for (const char *s = num; *s; s++)
		if (*s != ' ' && *s != '[' && *s != ']' && *s != '\\')
			rp_buf_putc(&first, *s);
	if (first.len == 0)
		rp_buf_printf(&first, "%d", fn->index);
	rp_buf_init(&b);
	rp_map_unique(&w->taken, &w->nextk, first.data, num, '-', &b);
	rp_buf_free(&first);
	RP_GROW(w->labels, w->nnotes, w->capnotes);
	w->labels[w->nnotes++] = b.data;
	*rp_map_put(&w->byfn, &fn, sizeof(fn), NULL) = w->nnotes;
	return b.data;
}

/* Definitions, each rendered alone and indented under "[^label]:". */
static void
notes_gfm(struct mdw *w, cmark_node *root, const rp_node *notes)
{
	const rp_node	*fn, *b;
	rp_buf		 raw;
	char		*md, *s, *nl;

	rp_buf_init(&raw);
	for (fn = notes->first; fn != NULL; fn = fn->next) {
		cmark_node *d = new_node(CMARK_NODE_DOCUMENT);

		if (fn->type != RP_NODE_FOOTNOTE)
			continue;
		for (b = fn->first; b != NULL; b = b->next)
			if (b->type == RP_NODE_BLOCK)
				cmark_node_append_child(d, block_node(w,
				    CMARK_NODE_PARAGRAPH, b, NULL));
		md = cmark_render_commonmark(d, CMARK_OPT_DEFAULT, 0);
		cmark_node_free(d);
		if (raw.len > 0)
			rp_buf_putc(&raw, '\n');
		/* A blank line after the label: without the footnote
		 * extension, "[^1]:\n    Ibid." is a link reference
		 * definition and vanishes; this is a paragraph and a code
		 * block, and still a footnote with it. */
		rp_buf_printf(&raw, "[^%s]:\n", note_label(w, fn));
		for (s = md; *s; s = nl + 1) {
			if ((nl = strchr(s, '\n')) == NULL)
				nl = s + strlen(s);
			rp_buf_putc(&raw, '\n');
			if (nl > s) {
				rp_buf_puts(&raw, "    ");
				rp_buf_put(&raw, s, (size_t)(nl - s));
			}
			if (*nl == '\0')
				break;
		}
		free(md);
		while (raw.len > 0 && raw.data[raw.len - 1] == '\n')
			raw.data[--raw.len] = '\0';
		rp_buf_putc(&raw, '\n');
	}
	if (raw.len > 0) {
		cmark_node *h = new_node(CMARK_NODE_HTML_BLOCK);

		cmark_node_set_literal(h, raw.data);
		cmark_node_append_child(root, h);
	}
	rp_buf_free(&raw);
}

/* Plain CommonMark: the notes as a list after a rule. */
static void
notes_list(struct mdw *w, cmark_node *root, const rp_node *notes)
{
	const rp_node	*fn;
	cmark_node	*l = new_node(CMARK_NODE_LIST);
	int		 numbered = 1, k = 1;
	char		 want[16];

	for (fn = notes->first; fn != NULL; fn = fn->next, k++) {
		snprintf(want, sizeof(want), "%d", k);
		if (fn->num == NULL || strcmp(fn->num, want) != 0)
			numbered = 0;
	}
	cmark_node_set_list_type(l, numbered ? CMARK_ORDERED_LIST :
	    CMARK_BULLET_LIST);
	cmark_node_set_list_tight(l, 1);
	for (fn = notes->first; fn != NULL; fn = fn->next) {
		cmark_node	*li = new_node(CMARK_NODE_ITEM), *p;
		rp_buf		 pre;

		rp_buf_init(&pre);
		if (!numbered)
			rp_buf_printf(&pre, "[%s]", fn->num ? fn->num : "");
		p = block_node(w, CMARK_NODE_PARAGRAPH, NULL,
		    numbered ? NULL : pre.data);
		append_blocks(w, p, fn->first);
		tidy_spaces(p, 1);
		rp_buf_free(&pre);
		cmark_node_append_child(li, p);
		cmark_node_append_child(l, li);
	}
	if (notes->first == NULL) {
		cmark_node_free(l);
		return;
	}
	cmark_node_append_child(root, new_node(CMARK_NODE_THEMATIC_BREAK));
	cmark_node_append_child(root, l);
}

/* ------------------------------------------------------------ documents */

/* The masthead: a paragraph a line, the title a heading ("58/136." before
 * it stays on its line, as printed). */
static void
preface(struct mdw *w, cmark_node *root, const rp_node *pre, int depth)
{
	const rp_node	*b;
	cmark_node	*p;
	rp_buf		 num;

	rp_buf_init(&num);
	for (b = pre->first; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK) {
			blocks(w, root, b, b->next, depth);
			continue;
		}
		rp_buf_reset(&num);
		rp_node_text(b, &num);
		if (b->role == RP_ROLE_NUMBER && b->next != NULL &&
		    b->next->role == RP_ROLE_TITLE && num.len > 0 &&
		    num.data[num.len - 1] == '.') {
			b = b->next;
			p = block_node(w, CMARK_NODE_PARAGRAPH, b, num.data);
		} else
			p = block_node(w, CMARK_NODE_PARAGRAPH, b, NULL);
		if (b->role == RP_ROLE_TITLE)
			p = heading(1 + 2 * depth, p);
		cmark_node_append_child(root, p);
	}
	rp_buf_free(&num);
}

static void
document(struct mdw *w, cmark_node *root, const rp_node *doc, int depth)
{
	const rp_node	*c, *b, *notes = rp_node_child(doc, RP_NODE_NOTES);
	cmark_node	*p;
	int		 noted = 0;

	for (c = doc->first; ; c = c->next) {
		/* A document's notes close its own part, before annexes. */
		if (!noted && (c == NULL || c->type == RP_NODE_ANNEX)) {
			noted = 1;
			if (notes != NULL && w->conf->gfm_notes)
				notes_gfm(w, root, notes);
			else if (notes != NULL)
				notes_list(w, root, notes);
		}
		if (c == NULL)
			break;
		switch (c->type) {
		case RP_NODE_PREFACE:
			preface(w, root, c, depth);
			/* A rule under the masthead, as printed: where it
			 * ends is then plain to the reader (a letter's is
			 * its title). */
			if (doc->meta->kind != RP_DOC_LETTER &&
			    rp_node_child(c, RP_NODE_BLOCK) != NULL)
				cmark_node_append_child(root,
				    new_node(CMARK_NODE_THEMATIC_BREAK));
			break;
		case RP_NODE_PREAMBLE:
		case RP_NODE_BODY:
		case RP_NODE_CONCLUSION:
			blocks(w, root, c->first, NULL, depth);
			break;
		case RP_NODE_ANNEX:
			p = new_node(CMARK_NODE_PARAGRAPH);
			add_collapsed(p, c->num ? c->num : "");
			if (c->name != NULL) {
				add_text(p, " ", 1);
				add_collapsed(p, c->name);
			}
			tidy_spaces(p, 1);
			cmark_node_append_child(root, heading(2 + 2 * depth, p));
			for (b = c->first; b != NULL; b = b->next)
				if (b->type == RP_NODE_DOCUMENT)
					document(w, root, b, depth + 1);
			break;
		default:
			if (is_block(c))
				c = blocks(w, root, c, NULL, depth);
			break;
		}
	}
}

static int
md_render(void *state, rp_doc *doc, rp_buf *out)
{
	struct mdw	 w;
	cmark_node	*root = new_node(CMARK_NODE_DOCUMENT);
	char		*md;
	size_t		 i, start = out->len;

	memset(&w, 0, sizeof(w));
	w.conf = state;
	w.doc = doc;
	front_matter(&w, doc->root->meta, rp_node_child(doc->root,
	    RP_NODE_FURNITURE), out);
	document(&w, root, doc->root, 0);
	md = cmark_render_commonmark(root, CMARK_OPT_DEFAULT, 0);
	cmark_node_free(root);
	if (md == NULL) {
		rp_msg(doc, RP_ERROR, "internal",
		    0, 0, "cmark could not render Markdown");
		return -1;
	}
	rp_buf_puts(out, md);
	free(md);
	/* One final newline, none after an empty document. */
	while (out->len > start && out->data[out->len - 1] == '\n')
		out->data[--out->len] = '\0';
	if (out->len > start)
		rp_buf_putc(out, '\n');
	for (i = 0; i < w.nnotes; i++)
		free(w.labels[i]);
	free(w.labels);
	rp_map_free(&w.byfn);
	rp_map_free(&w.taken);
	rp_map_free(&w.nextk);
	return 0;
}

static const char *const *
md_params(void *state)
{
	static const char *const keys[] = { "front-matter", "footnotes",
	    "link-pattern", NULL };

	(void)state;
	return keys;
}

const struct rp_backend rp_backend_md = {
	.fmt = RP_FORMAT_MD,
	.create = md_create,
	.render = md_render,
	.destroy = md_destroy,
	.params = md_params,
};
