/* markers.c -- a footnote marker belongs to the word before it
 * ("Development¹ and"): the space an extraction or a typist left before
 * it ("Development ¹ and") is dropped, whatever reader built the
 * document, so that no writer sets a gap before the marker or starts a
 * line with it (issue 11). */
#include <ctype.h>
#include <string.h>

#include "backend.h"
#include "utf8.h"

/* Drop the spaces ending the TEXT t; an emptied t goes, unless nothing
 * is before it (a marker opening its line stays where it is).  Whether
 * any went. */
static int
trim_before(rp_doc *doc, rp_node *t)
{
	size_t	n = strlen(t->literal), k;

	while (n > 0 && rp_is_space(rp_utf8_last(t->literal, n, &k)))
		n -= k;
	if (n == 0 && t->prev != NULL)
		rp_node_unlink(t);
	else if (n > 0 && t->literal[n] != '\0')
		t->literal = rp_doc_strndup(doc, t->literal, n);
	else
		return 0;
	return 1;
}

/* "Weapons 6and": the marker lost the space after it, not before; the
 * space moves after it, so that the two words stay two. */
static void
space_after(rp_doc *doc, rp_node *t)
{
	rp_buf		b;
	uint32_t	cp;

	if (t == NULL || t->type != RP_NODE_TEXT || t->literal == NULL ||
	    rp_utf8_decode(t->literal, strlen(t->literal), &cp) == 0 ||
	    !(cp < 0x80 ? isalnum((int)cp) : !rp_is_cjk(cp) &&
	    !rp_is_space(cp)))
		return;
	rp_buf_init(&b);
	rp_buf_puts(&b, " ");
	rp_buf_puts(&b, t->literal);
	t->literal = rp_doc_strndup(doc, b.data, b.len);
	rp_buf_free(&b);
}

void
rp_attach_markers(rp_doc *doc)
{
	rp_iter		*it;
	rp_node		*n, *t;

	if (doc->root == NULL || (it = rp_iter_new(doc->root)) == NULL)
		return;
	while (rp_iter_next(it) != RP_EVENT_DONE) {
		n = rp_iter_node(it);
		if (n->type == RP_NODE_NOTEREF && (t = n->prev) != NULL &&
		    t->type == RP_NODE_TEXT && t->literal != NULL &&
		    trim_before(doc, t))
			space_after(doc, n->next);
	}
	rp_iter_free(it);
}
