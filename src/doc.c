/* doc.c -- documents, node allocation and tree surgery, diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "doc.h"

rp_doc *
rp_doc_new(const char *name)
{
	rp_doc *doc = calloc(1, sizeof(*doc));

	if (doc == NULL)
		return NULL;
	rp_arena_init(&doc->arena);
	doc->name = rp_arena_strdup(&doc->arena, name ? name : "-");
	doc->worst = -1;
	doc->first_line = 1;
	rp_doc_set_limits(doc, NULL);
	return doc;
}

const rp_limits *
rp_doc_limits(const rp_doc *doc)
{
	return &doc->limits;
}

void
rp_doc_set_first_line(rp_doc *doc, int line)
{
	doc->first_line = line > 0 ? line : 1;
}

void
rp_doc_set_limits(rp_doc *doc, const rp_limits *lim)
{
	static const rp_limits	def = { RP_LIMIT_SIZE, RP_LIMIT_ELEMENTS,
	    RP_LIMIT_ATTRIBUTES, RP_LIMIT_DEPTH };
	rp_limits		*l = &doc->limits;

	*l = def;
	if (lim == NULL)
		return;
	if (lim->size > 0)
		l->size = lim->size;
	if (lim->elements > 0)
		l->elements = lim->elements;
	if (lim->attributes > 0)
		l->attributes = lim->attributes;
	if (lim->depth > 0)
		l->depth = lim->depth < RP_LIMIT_DEPTH_MAX ? lim->depth :
		    RP_LIMIT_DEPTH_MAX;
}

void
rp_doc_free(rp_doc *doc)
{
	if (doc == NULL)
		return;
	rp_arena_free(&doc->arena);
	free(doc);
}

rp_node *
rp_doc_root(const rp_doc *doc)
{
	return doc->root;
}

const char *
rp_doc_name(const rp_doc *doc)
{
	return doc->name;
}

const rp_diag *
rp_doc_diags(const rp_doc *doc)
{
	return doc->diags;
}

rp_level
rp_doc_worst(const rp_doc *doc)
{
	return (rp_level)doc->worst;
}

void
rp_msg(rp_doc *doc, rp_level level, const char *code, int line, int col,
    const char *fmt, ...)
{
	rp_diag	*d = rp_arena_alloc(&doc->arena, sizeof(*d));
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n > 0) {
		char *s = rp_arena_alloc(&doc->arena, (size_t)n + 1);

		va_start(ap, fmt);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		va_end(ap);
		d->msg = s;
	} else
		d->msg = "";
	d->level = level;
	d->code = code;
	d->line = line > 0 ? line + doc->first_line - 1 : line;
	d->col = col;
	if (doc->last_diag)
		doc->last_diag->next = d;
	else
		doc->diags = d;
	doc->last_diag = d;
	if ((int)level > doc->worst)
		doc->worst = (int)level;
}

static int
safe_href(const char *h)
{
	const char *p;

	if (h == NULL || *h == '\0')
		return 0;
	for (p = h; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || *p == '"' ||
		    *p == '<' || *p == '>' || *p == '\\')
			return 0;
	/* A character reference before the scheme's end ("javascript&#58;")
	 * is a colon to a Markdown or HTML reader. */
	for (p = h; *p && *p != ':' && *p != '/' && *p != '?' && *p != '#';
	    p++)
		if (*p == '&')
			return 0;
	if (*p != ':')
		return 1;
	return strncasecmp(h, "http:", 5) == 0 ||
	    strncasecmp(h, "https:", 6) == 0 ||
	    strncasecmp(h, "mailto:", 7) == 0;
}

int
rp_link_writable(rp_doc *doc, const rp_node *link)
{
	static const char	 what[] = "unsafe link target dropped, text kept";
	const char		*href = link->href ? link->href : "";
	const rp_diag		*d;
	size_t			 n = sizeof(what) - 1;

	if (safe_href(link->href))
		return 1;
	for (d = doc->diags; d != NULL; d = d->next)
		if (d->line == link->line && d->col == link->col &&
		    strncmp(d->msg, what, n) == 0 &&
		    strncmp(d->msg + n, ": ", 2) == 0 &&
		    strcmp(d->msg + n + 2, href) == 0)
			return 0;
	rp_msg(doc, RP_WARNING, "unsafe-link",
	    link->line, link->col, "%s: %s", what, href);
	return 0;
}

void *
rp_doc_alloc(rp_doc *doc, size_t n)
{
	return rp_arena_alloc(&doc->arena, n);
}

char *
rp_doc_strdup(rp_doc *doc, const char *s)
{
	return rp_arena_strdup(&doc->arena, s);
}

char *
rp_doc_strndup(rp_doc *doc, const char *s, size_t n)
{
	return rp_arena_strndup(&doc->arena, s, n);
}

rp_node *
rp_node_new(rp_doc *doc, rp_node_type type, int line, int col)
{
	rp_node *n = rp_arena_alloc(&doc->arena, sizeof(*n));

	n->type = type;
	n->line = n->end_line = line;
	n->col = n->end_col = col;
	return n;
}

rp_node *
rp_document_new(rp_doc *doc, rp_doc_kind kind, int line, int col)
{
	rp_node *n = rp_node_new(doc, RP_NODE_DOCUMENT, line, col);

	n->meta = rp_arena_alloc(&doc->arena, sizeof(*n->meta));
	n->meta->kind = kind;
	n->meta->votes_for = n->meta->votes_against =
	    n->meta->votes_abstain = -1;
	return n;
}

rp_node *
rp_text_new(rp_doc *doc, const char *s, size_t n, int line, int col)
{
	rp_node *t = rp_node_new(doc, RP_NODE_TEXT, line, col);

	t->literal = rp_arena_strndup(&doc->arena, s, n);
	return t;
}

int
rp_text_extend(rp_doc *doc, rp_node *parent, const char *s, size_t n)
{
	rp_node	*last = parent->last;
	size_t	 l;
	char	*t;

	if (last == NULL || last->type != RP_NODE_TEXT)
		return 0;
	l = strlen(last->literal);
	t = rp_arena_alloc(&doc->arena, l + n + 1);
	memcpy(t, last->literal, l);
	memcpy(t + l, s, n);
	t[l + n] = '\0';
	last->literal = t;
	return 1;
}

void
rp_node_unlink(rp_node *n)
{
	if (n->prev)
		n->prev->next = n->next;
	else if (n->parent)
		n->parent->first = n->next;
	if (n->next)
		n->next->prev = n->prev;
	else if (n->parent)
		n->parent->last = n->prev;
	n->parent = n->next = n->prev = NULL;
}

void
rp_node_append(rp_node *parent, rp_node *child)
{
	rp_node_unlink(child);
	child->parent = parent;
	child->prev = parent->last;
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
}

void
rp_node_prepend(rp_node *parent, rp_node *child)
{
	rp_node_unlink(child);
	child->parent = parent;
	child->next = parent->first;
	if (parent->first)
		parent->first->prev = child;
	else
		parent->last = child;
	parent->first = child;
}

void
rp_node_insert_before(rp_node *sibling, rp_node *child)
{
	rp_node_unlink(child);
	child->parent = sibling->parent;
	child->next = sibling;
	child->prev = sibling->prev;
	if (sibling->prev)
		sibling->prev->next = child;
	else if (sibling->parent)
		sibling->parent->first = child;
	sibling->prev = child;
}

rp_node *
rp_node_child(const rp_node *n, rp_node_type t)
{
	rp_node *c;

	for (c = n->first; c != NULL; c = c->next)
		if (c->type == t)
			return c;
	return NULL;
}

rp_node *
rp_node_ancestor(const rp_node *n, rp_node_type t)
{
	for (; n != NULL; n = n->parent)
		if (n->type == t)
			return (rp_node *)n;
	return NULL;
}

int
rp_node_is_inline(const rp_node *n)
{
	return n->type >= RP_NODE_FIRST_INLINE && n->type < RP_NODE__MAX;
}
