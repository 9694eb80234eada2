/* write_tree.c -- a plain dump of the document model, one node a line,
 * with source positions: what the reader understood, for debugging and
 * for tests. */
#include <stdlib.h>
#include <string.h>

#include "backend.h"

/* The dump is one line a node, so its few formats are written here
 * rather than by printf, which costs more than the rest of the line. */
static void
put_int(rp_buf *b, int v)
{
	char		 d[12], *p = d + sizeof(d);
	unsigned	 u = v < 0 ? 0u - (unsigned)v : (unsigned)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	rp_buf_put(b, p, (size_t)(d + sizeof(d) - p));
}

/* " key=" and its value in quotes, '"' and '\' escaped, a newline as
 * "\n": the runs between them copied whole. */
static void
quoted(rp_buf *b, const char *key, const char *s)
{
	size_t n;

	if (s == NULL)
		return;
	rp_buf_putc(b, ' ');
	rp_buf_puts(b, key);
	rp_buf_put(b, "=\"", 2);
	for (;;) {
		n = strcspn(s, "\"\\\n");
		rp_buf_put(b, s, n);
		if (s[n] == '\0')
			break;
		rp_buf_puts(b, s[n] == '\n' ? "\\n" : s[n] == '"' ?
		    "\\\"" : "\\\\");
		s += n + 1;
	}
	rp_buf_putc(b, '"');
}

static void
meta(rp_buf *b, const rp_meta *m)
{
	static const char *const kinds[] = { "resolution", "annex", "letter" };

	rp_buf_printf(b, " kind=%s", kinds[m->kind]);
	if (m->body != RP_BODY_UNKNOWN)
		rp_buf_printf(b, " body=%s", rp_body_actor(m->body));
	quoted(b, "symbol", m->symbol);
	quoted(b, "number", m->number);
	if (m->year)
		rp_buf_printf(b, " year=%d", m->year);
	quoted(b, "date", m->date);
	quoted(b, "meeting", m->meeting);
	quoted(b, "session", m->session);
	quoted(b, "lang", m->language);
	quoted(b, "title", m->title);
	quoted(b, "distribution", m->distribution);
	if (m->annex_number)
		rp_buf_printf(b, " annex=%d", m->annex_number);
	if (m->votes_for >= 0 || m->votes_against >= 0 ||
	    m->votes_abstain >= 0)
		rp_buf_printf(b, " vote=%d-%d-%d", m->votes_for,
		    m->votes_against, m->votes_abstain);
}

static void
node_line(rp_buf *b, const rp_node *n, int depth)
{
	static const char *const votes[] = { "for", "against", "abstain" };
	int i;

	for (i = 0; i < depth; i++)
		rp_buf_put(b, "  ", 2);
	rp_buf_puts(b, rp_node_type_name(n->type));
	if (n->type == RP_NODE_DOCUMENT)
		meta(b, n->meta);
	if (n->type == RP_NODE_BLOCK && n->role)
		rp_buf_printf(b, " role=%s", rp_role_name(n->role));
	if (n->type == RP_NODE_VOTE_GROUP)
		rp_buf_printf(b, " vote=%s count=%d", votes[n->role],
		    n->count);
	quoted(b, "num", n->num);
	quoted(b, "name", n->name);
	quoted(b, "href", n->href);
	if (n->speech != NULL) {
		quoted(b, "as", n->speech->as);
		quoted(b, "to", n->speech->to);
		quoted(b, "start", n->speech->start);
		quoted(b, "end", n->speech->end);
	}
	if (n->type == RP_NODE_FOOTNOTE)
		rp_buf_printf(b, " index=%d refs=%d", n->index, n->count);
	if (n->type == RP_NODE_NOTEREF && n->target)
		rp_buf_printf(b, " to=%d", n->target->index);
	if (n->ref) {
		quoted(b, "symbol", n->ref->symbol);
		if (n->ref->body)
			rp_buf_printf(b, " body=%s", rp_body_actor(n->ref->body));
		quoted(b, "date", n->ref->date);
	}
	if (n->flags & RP_NOSRC)
		rp_buf_puts(b, " nosrc");
	if (n->flags & RP_UNSURE)
		rp_buf_puts(b, " unsure");
	rp_buf_put(b, " @", 2);
	put_int(b, n->line);
	rp_buf_putc(b, ':');
	put_int(b, n->col);
	quoted(b, "text", n->literal);
	rp_buf_putc(b, '\n');
}

static void *
tree_create(const rp_options *opt, const char **err)
{
	static int state;

	(void)opt;
	(void)err;
	return &state;
}

static int
tree_render(void *state, rp_doc *doc, rp_buf *out)
{
	rp_iter		*it = rp_iter_new(doc->root);
	rp_event	 ev;
	int		 depth = 0;

	(void)state;
	if (it == NULL)
		return -1;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		if (ev == RP_EVENT_EXIT) {
			depth--;
			continue;
		}
		node_line(out, rp_iter_node(it), depth);
		if (!rp_node_is_leaf(rp_iter_node(it)))
			depth++;
	}
	rp_iter_free(it);
	return 0;
}

static void
tree_destroy(void *state)
{
	(void)state;
}

const struct rp_backend rp_backend_tree = {
	.fmt = RP_FORMAT_TREE,
	.create = tree_create,
	.render = tree_render,
	.destroy = tree_destroy,
};
