/* openers.c -- the opening phrase of every preambular and operative
 * paragraph ("Recalling also", "Takes note with appreciation") as an
 * EMPH, whatever reader built the document, so that every writer sets it
 * in italics (UN-LAYOUT.md 1.3). */
#include <string.h>

#include "backend.h"
#include "classify.h"

/* Put the first len bytes of the TEXT t in a new EMPH made by us. */
static void
emphasize(rp_doc *doc, rp_node *t, size_t len)
{
	rp_node	*em, *rest = NULL;

	em = rp_node_new(doc, RP_NODE_EMPH, t->line, t->col);
	em->flags |= RP_NOSRC;
	if (t->literal[len] != '\0')
		rest = rp_text_new(doc, t->literal + len,
		    strlen(t->literal + len), t->line, t->col + (int)len);
	t->literal = rp_doc_strndup(doc, t->literal, len);
	rp_node_insert_before(t, em);
	rp_node_append(em, t);
	if (rest != NULL) {
		if (em->next != NULL)
			rp_node_insert_before(em->next, rest);
		else
			rp_node_append(em->parent, rest);
	}
}

/* The opener of paragraph p, in a preamble or an operative part. */
static void
mark_paragraph(rp_doc *doc, rp_node *p, int operative)
{
	rp_node		*b = rp_node_child(p, RP_NODE_BLOCK), *t;
	char		 key[64];
	size_t		 len;

	if (b == NULL || (t = b->first) == NULL)
		return;
	if (t->type == RP_NODE_EMPH) {	/* the input set it already */
		t = t->first;
		if (t != NULL && t->type == RP_NODE_TEXT && !operative &&
		    p->name == NULL) {
			rp_opening_phrase(t->literal, strlen(t->literal), key,
			    sizeof(key));
			if (key[0] != '\0')
				p->name = rp_doc_strdup(doc, key);
		}
		return;
	}
	if (t->type != RP_NODE_TEXT)
		return;
	len = rp_opening_phrase(t->literal, strlen(t->literal), key,
	    sizeof(key));
	if (len > 0 && !operative && p->name == NULL)
		p->name = rp_doc_strdup(doc, key);
	if (len == 0 && operative)
		len = rp_operative_phrase(t->literal, strlen(t->literal));
	if (len > 0)
		emphasize(doc, t, len);
}

/* Whether the paragraphs under n are drafted as a resolution's: in a
 * resolution, or an annexed text with a preamble (a declaration), not
 * in a letter or an annexed report. */
static int
drafted(const rp_node *n)
{
	const rp_node *d = rp_node_ancestor(n, RP_NODE_DOCUMENT);

	if (d == NULL || d->meta == NULL)
		return 0;
	return d->meta->kind == RP_DOC_RESOLUTION || (d->meta->kind ==
	    RP_DOC_ANNEX && rp_node_child(d, RP_NODE_PREAMBLE) != NULL);
}

static void
walk(rp_doc *doc, rp_node *n)
{
	rp_node *c;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_PARAGRAPH && (n->type ==
		    RP_NODE_PREAMBLE || n->type == RP_NODE_BODY) &&
		    drafted(n))
			mark_paragraph(doc, c, n->type == RP_NODE_BODY);
		else if (!rp_node_is_inline(c))
			walk(doc, c);
	}
}

void
rp_mark_openers(rp_doc *doc)
{
	if (doc->root != NULL)
		walk(doc, doc->root);
}
