/* node.c -- walking the tree: the ENTER/EXIT iterator and names. */
#include <stdlib.h>

#include "doc.h"

struct rp_iter {
	rp_node		*root, *cur;
	rp_event	 ev;
};

int
rp_node_is_leaf(const rp_node *n)
{
	return n->type == RP_NODE_TEXT || n->type == RP_NODE_NOTEREF ||
	    n->type == RP_NODE_SEPARATOR;
}

rp_iter *
rp_iter_new(rp_node *root)
{
	rp_iter *it = calloc(1, sizeof(*it));

	if (it == NULL)
		return NULL;
	it->root = root;
	it->ev = RP_EVENT_NONE;
	return it;
}

void
rp_iter_free(rp_iter *it)
{
	free(it);
}

rp_node *
rp_iter_node(const rp_iter *it)
{
	return it->cur;
}

rp_event
rp_iter_next(rp_iter *it)
{
	rp_node *n = it->cur;

	switch (it->ev) {
	case RP_EVENT_NONE:
		if (it->root == NULL)
			return it->ev = RP_EVENT_DONE;
		it->cur = it->root;
		return it->ev = RP_EVENT_ENTER;
	case RP_EVENT_DONE:
		return RP_EVENT_DONE;
	case RP_EVENT_ENTER:
		if (!rp_node_is_leaf(n)) {
			if (n->first) {
				it->cur = n->first;
				return it->ev = RP_EVENT_ENTER;
			}
			return it->ev = RP_EVENT_EXIT;
		}
		break;
	case RP_EVENT_EXIT:
		break;
	}
	/* n is finished: go to its next sibling, or exit its parent. */
	if (n == it->root) {
		it->cur = NULL;
		return it->ev = RP_EVENT_DONE;
	}
	if (n->next) {
		it->cur = n->next;
		return it->ev = RP_EVENT_ENTER;
	}
	it->cur = n->parent;
	return it->ev = RP_EVENT_EXIT;
}

static const char *const type_names[RP_NODE__MAX] = {
	[RP_NODE_NONE] = "none",
	[RP_NODE_DOCUMENT] = "document",
	[RP_NODE_PREFACE] = "preface",
	[RP_NODE_PREAMBLE] = "preamble",
	[RP_NODE_BODY] = "body",
	[RP_NODE_CONCLUSION] = "conclusion",
	[RP_NODE_ANNEX] = "annex",
	[RP_NODE_NOTES] = "notes",
	[RP_NODE_FURNITURE] = "furniture",
	[RP_NODE_FORMULA] = "formula",
	[RP_NODE_PARAGRAPH] = "paragraph",
	[RP_NODE_LIST] = "list",
	[RP_NODE_ITEM] = "item",
	[RP_NODE_BLOCK] = "block",
	[RP_NODE_HEADING] = "heading",
	[RP_NODE_SEPARATOR] = "separator",
	[RP_NODE_FOOTNOTE] = "footnote",
	[RP_NODE_VOTE] = "vote",
	[RP_NODE_VOTE_GROUP] = "vote_group",
	[RP_NODE_SIGNATURE] = "signature",
	[RP_NODE_CONTAINER] = "container",
	[RP_NODE_TEXT] = "text",
	[RP_NODE_EMPH] = "emph",
	[RP_NODE_STRONG] = "strong",
	[RP_NODE_LINK] = "link",
	[RP_NODE_DOCREF] = "docref",
	[RP_NODE_DATE] = "date",
	[RP_NODE_NOTEREF] = "noteref",
};

const char *
rp_node_type_name(rp_node_type t)
{
	return (t >= 0 && t < RP_NODE__MAX && type_names[t]) ?
	    type_names[t] : "?";
}

static const char *const role_names[RP_ROLE__MAX] = {
	[RP_ROLE_NONE] = "none",
	[RP_ROLE_ORGANIZATION] = "organization",
	[RP_ROLE_BODY] = "body",
	[RP_ROLE_SYMBOL] = "symbol",
	[RP_ROLE_DISTRIBUTION] = "distribution",
	[RP_ROLE_DATE] = "date",
	[RP_ROLE_SESSION] = "session",
	[RP_ROLE_AGENDA] = "agenda",
	[RP_ROLE_JOB] = "job",
	[RP_ROLE_DOCTYPE] = "doctype",
	[RP_ROLE_NUMBER] = "number",
	[RP_ROLE_TITLE] = "title",
	[RP_ROLE_ADOPTION] = "adoption",
	[RP_ROLE_COMMITTEE] = "committee",
	[RP_ROLE_LABEL] = "label",
	[RP_ROLE_MEMBERS] = "members",
	[RP_ROLE_NOTE] = "note",
};

const char *
rp_role_name(rp_role r)
{
	return (r >= 0 && r < RP_ROLE__MAX && role_names[r]) ?
	    role_names[r] : "?";
}

const char *
rp_body_name(rp_body b)
{
	switch (b) {
	case RP_BODY_SC:	return "Security Council";
	case RP_BODY_GA:	return "General Assembly";
	case RP_BODY_ECOSOC:	return "Economic and Social Council";
	case RP_BODY_HRC:	return "Human Rights Council";
	default:		return "United Nations";
	}
}

const char *
rp_body_actor(rp_body b)
{
	switch (b) {
	case RP_BODY_SC:	return "un-sc";
	case RP_BODY_GA:	return "un-ga";
	case RP_BODY_ECOSOC:	return "un-ecosoc";
	case RP_BODY_HRC:	return "un-hrc";
	default:		return "un";
	}
}

void
rp_node_text(const rp_node *n, rp_buf *b)
{
	const rp_node *c;

	if (n->type == RP_NODE_TEXT) {
		rp_buf_puts(b, n->literal);
		return;
	}
	if (n->type == RP_NODE_FOOTNOTE || n->type == RP_NODE_NOTEREF)
		return;
	for (c = n->first; c != NULL; c = c->next)
		rp_node_text(c, b);
}
