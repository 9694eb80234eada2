/* xnode.h -- a small XML element tree in an arena, for a writer that
 * builds its output out of order (AKN's <references> are filled in
 * after the body): nodes cost no malloc and no free, and the tree is
 * written out in one walk or copied into libxml2 for XSLT. */
#ifndef RP_XNODE_H
#define RP_XNODE_H

#include <libxml/tree.h>

#include "arena.h"

/* A namespace: prefix NULL for the default one. */
typedef struct xns {
	const char	*prefix, *href;
} xns;

typedef struct xattr {
	const char	*name, *value;
	struct xattr	*next;
} xattr;

/* An element, or a text node (name NULL, text its bytes). */
typedef struct xnode {
	const char	*name, *text;
	const xns	*ns;		/* the element's namespace */
	const xns	*def;		/* a namespace declared here, or NULL */
	xattr		*attrs, *last_attr;
	struct xnode	*parent, *children, *last, *next;
} xnode;

/* A new element name in ns, the last child of parent (if not NULL). */
xnode	*xn_el(rp_arena *a, xnode *parent, const xns *ns, const char *name);
/* Attribute k="v" after the others; v is kept, not copied. */
void	 xn_attr(rp_arena *a, xnode *n, const char *k, const char *v);
/* Text s (kept, not copied) as the last child of parent: joined to a
 * text node already last, as libxml2's xmlAddChild does. */
void	 xn_text(rp_arena *a, xnode *parent, const char *s);
/* n taken out of its parent. */
void	 xn_unlink(xnode *n);
/* The tree under root as a libxml2 document, or NULL if out of memory. */
xmlDocPtr xn_to_xml(const xnode *root);

#endif
