/* xnode.c -- a small XML element tree in an arena (see xnode.h). */
#include <string.h>

#include "xnode.h"

static void
append(xnode *parent, xnode *n)
{
	n->parent = parent;
	if (parent->last != NULL)
		parent->last->next = n;
	else
		parent->children = n;
	parent->last = n;
}

xnode *
xn_el(rp_arena *a, xnode *parent, const xns *ns, const char *name)
{
	xnode *n = rp_arena_alloc(a, sizeof(*n));

	n->name = name;
	n->ns = ns;
	if (parent != NULL)
		append(parent, n);
	return n;
}

void
xn_attr(rp_arena *a, xnode *n, const char *k, const char *v)
{
	xattr *at = rp_arena_alloc(a, sizeof(*at));

	at->name = k;
	at->value = v;
	if (n->last_attr != NULL)
		n->last_attr->next = at;
	else
		n->attrs = at;
	n->last_attr = at;
}

void
xn_text(rp_arena *a, xnode *parent, const char *s)
{
	xnode	*last = parent->last, *n;
	size_t	 k, m;
	char	*t;

	if (last != NULL && last->name == NULL) {
		k = strlen(last->text);
		m = strlen(s);
		t = rp_arena_alloc(a, k + m + 1);
		memcpy(t, last->text, k);
		memcpy(t + k, s, m + 1);
		last->text = t;
		return;
	}
	n = rp_arena_alloc(a, sizeof(*n));
	n->text = s;
	append(parent, n);
}

void
xn_unlink(xnode *n)
{
	xnode *p = n->parent, **at = &p->children, *prev = NULL;

	while (*at != n) {
		prev = *at;
		at = &(*at)->next;
	}
	*at = n->next;
	if (p->last == n)
		p->last = prev;
	n->parent = n->next = NULL;
}

/* ---------------------------------------------------------- to libxml2 */

/* The namespaces declared above a node, with their libxml2 copies. */
struct nsmap {
	const xns	*ns[8];
	xmlNsPtr	 xml[8];
	int		 n;
};

/* The innermost declaration of ns. */
static xmlNsPtr
ns_of(const struct nsmap *m, const xns *ns)
{
	int i;

	for (i = m->n - 1; i >= 0; i--)
		if (m->ns[i] == ns)
			return m->xml[i];
	return NULL;
}

static xmlNodePtr
to_xml(xmlDocPtr doc, const xnode *n, struct nsmap *m)
{
	xmlNodePtr	 x;
	const xattr	*a;
	const xnode	*c;
	int		 scope = m->n;

	if (n->name == NULL)
		return xmlNewDocText(doc, BAD_CAST n->text);
	if ((x = xmlNewDocNode(doc, NULL, BAD_CAST n->name, NULL)) == NULL)
		return NULL;
	if (n->def != NULL && m->n < 8) {
		m->ns[m->n] = n->def;
		m->xml[m->n++] = xmlNewNs(x, BAD_CAST n->def->href,
		    BAD_CAST n->def->prefix);
	}
	xmlSetNs(x, ns_of(m, n->ns));
	for (a = n->attrs; a != NULL; a = a->next)
		xmlNewProp(x, BAD_CAST a->name, BAD_CAST a->value);
	for (c = n->children; c != NULL; c = c->next)
		xmlAddChild(x, to_xml(doc, c, m));
	m->n = scope;
	return x;
}

xmlDocPtr
xn_to_xml(const xnode *root)
{
	xmlDocPtr	doc = xmlNewDoc(BAD_CAST "1.0");
	struct nsmap	m = { .n = 0 };

	if (doc == NULL)
		return NULL;
	doc->dict = xmlDictCreate();
	xmlDocSetRootElement(doc, to_xml(doc, root, &m));
	return doc;
}
