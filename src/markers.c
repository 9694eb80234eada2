/* markers.c -- a footnote marker belongs to the word before it
 * ("Development¹ and"): the space an extraction or a typist left before
 * it ("Development ¹ and") is dropped, whatever reader built the
 * document, so that no writer sets a gap before the marker or starts a
 * line with it (issue 11). */
#include <string.h>

#include "backend.h"
#include "utf8.h"

/* Drop the spaces ending the TEXT t; an emptied t goes, unless nothing
 * is before it (a marker opening its line stays where it is). */
static void
trim_before(rp_doc *doc, rp_node *t)
{
	size_t	n = strlen(t->literal), k;

	while (n > 0 && rp_is_space(rp_utf8_last(t->literal, n, &k)))
		n -= k;
	if (n == 0 && t->prev != NULL)
		rp_node_unlink(t);
	else if (n > 0 && t->literal[n] != '\0')
		t->literal = rp_doc_strndup(doc, t->literal, n);
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
		    t->type == RP_NODE_TEXT && t->literal != NULL)
			trim_before(doc, t);
	}
	rp_iter_free(it);
}
