/* masthead.c -- masthead lines that an extraction ran together ("General
 * Assembly Distr.: General 3 December 2025", "Eightieth session Agenda
 * item 90 (b) ...") split into the blocks they are, so that no masthead
 * line is ever taken for a title (UN-LAYOUT.md 1.1); and the document's
 * date is its adoption date, not the masthead's issue date. */
#include <string.h>

#include "backend.h"
#include "classify.h"

/* Roles a run-together line starts with, and the role of what follows. */
static int
second_role(int first)
{
	return first == RP_ROLE_BODY ? RP_ROLE_DISTRIBUTION :
	    first == RP_ROLE_SESSION ? RP_ROLE_AGENDA : RP_ROLE_NONE;
}

/* A new block after b of role, taking b's inlines from c on. */
static rp_node *
split_block(rp_doc *doc, rp_node *b, rp_node *c, int role)
{
	rp_node *nb = rp_node_new(doc, RP_NODE_BLOCK, c->line, c->col), *next;

	nb->role = role;
	nb->flags = b->flags;
	if (b->next != NULL)
		rp_node_insert_before(b->next, nb);
	else
		rp_node_append(b->parent, nb);
	for (; c != NULL; c = next) {
		next = c->next;
		rp_node_append(nb, c);
	}
	return nb;
}

/* The TEXT t without the spaces that end it before byte end. */
static void
trim_text(rp_doc *doc, rp_node *t, size_t end)
{
	while (end > 0 && t->literal[end - 1] == ' ')
		end--;
	t->literal = rp_doc_strndup(doc, t->literal, end);
}

/* Cut the TEXT t at byte at: the tail is a new TEXT after it. */
static rp_node *
cut_text(rp_doc *doc, rp_node *t, size_t at)
{
	rp_node *tail;

	tail = rp_text_new(doc, t->literal + at, strlen(t->literal + at),
	    t->line, t->col + (int)at);
	trim_text(doc, t, at);
	if (t->next != NULL)
		rp_node_insert_before(t->next, tail);
	else
		rp_node_append(t->parent, tail);
	return tail;
}

/* What a masthead line of its own tells (its session, its distribution),
 * as the readers take it from a line they find alone: a second reading
 * of the written line finds the same metadata. */
static void
block_meta(rp_doc *doc, rp_meta *m, const rp_node *b)
{
	rp_buf t;

	if (m == NULL || (b->role != RP_ROLE_SESSION &&
	    b->role != RP_ROLE_DISTRIBUTION))
		return;
	rp_buf_init(&t);
	rp_node_text(b, &t);
	if (t.len > 0)
		rp_masthead_meta(doc, m, b->role, t.data, t.len);
	rp_buf_free(&t);
}

/* The block b, if its first text runs two masthead lines together. */
static void
split_line(rp_doc *doc, rp_meta *m, rp_node *b)
{
	rp_node		*t = b->first, *rest, *c;
	const char	*s;
	size_t		 n, i;
	int		 first, second;

	if (t == NULL || t->type != RP_NODE_TEXT)
		return;
	s = t->literal;
	n = strlen(s);
	for (i = 1; i < n; i++) {
		if (s[i - 1] != ' ' || s[i] == ' ')
			continue;
		first = rp_masthead_role(s, i - 1);
		second = second_role(first);
		if (second == RP_ROLE_NONE ||
		    rp_masthead_role(s + i, n - i) != second)
			continue;
		if (first == RP_ROLE_SESSION && m != NULL && m->session &&
		    strncmp(m->session, s, i - 1) == 0)
			m->session = rp_doc_strndup(doc, s, i - 1);
		rest = cut_text(doc, t, i);
		b->role = first;
		block_meta(doc, m, b);
		b = split_block(doc, b, rest, second);
		block_meta(doc, m, b);
		break;
	}
	/* "Distr.: General" and the date that followed it on the line. */
	if (b->role != RP_ROLE_DISTRIBUTION)
		return;
	for (c = b->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_DATE && c != b->first) {
			split_block(doc, b, c, RP_ROLE_DATE);
			if (b->last->type == RP_NODE_TEXT)
				trim_text(doc, b->last, strlen(b->last->literal));
			break;
		}
}

/* The adoption line's date ("Resolution adopted by the General Assembly
 * on 1 December 2025") is the document's date, whatever front matter or
 * masthead said (the masthead's is the date of issue). */
static void
adoption_date(rp_meta *m, const rp_node *b)
{
	const rp_node *c;

	if (m == NULL || b->role != RP_ROLE_ADOPTION)
		return;
	for (c = b->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_DATE && c->href != NULL) {
			m->date = c->href;
			return;
		}
}

void
rp_split_masthead(rp_doc *doc)
{
	rp_iter		*it;
	rp_event	 ev;
	rp_node		*n, *b, *next;
	rp_meta		*meta;

	if (doc->root == NULL || (it = rp_iter_new(doc->root)) == NULL)
		return;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		n = rp_iter_node(it);
		if (ev != RP_EVENT_ENTER || n->type != RP_NODE_PREFACE)
			continue;
		meta = rp_node_ancestor(n, RP_NODE_DOCUMENT)->meta;
		for (b = n->first; b != NULL; b = next) {
			next = b->next;
			if (b->type != RP_NODE_BLOCK)
				continue;
			split_line(doc, meta, b);
			adoption_date(meta, b);
		}
	}
	rp_iter_free(it);
}
