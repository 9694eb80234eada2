/* doc.h -- for readers and writers inside librespub: documents, nodes,
 * diagnostics.  Users of the library see only respub.h. */
#ifndef RP_DOC_H
#define RP_DOC_H

#include <stdarg.h>

#include "respub.h"
#include "arena.h"

struct rp_doc {
	rp_arena	 arena;
	const char	*name;		/* for messages */
	rp_node		*root;
	rp_diag		*diags, *last_diag;
	int		 worst;		/* -1 when no diagnostic */
	rp_limits	 limits;	/* what rp_read accepts */
	int		 first_line;	/* of the text read, in its file */
};

/* Record a diagnostic (printf-style message); code names its kind
 * (a static string listed in respub(1), DIAGNOSTICS). */
void	 rp_msg(rp_doc *doc, rp_level level, const char *code, int line,
	    int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));

/* A new detached node from the document's arena. */
rp_node	*rp_node_new(rp_doc *doc, rp_node_type type, int line, int col);
/* A new DOCUMENT node with zeroed metadata (votes unknown). */
rp_node	*rp_document_new(rp_doc *doc, rp_doc_kind kind, int line, int col);
/* Add s[0..n) to parent's last child if that is a TEXT node, so writers
 * see whole runs: returns 1, or 0 when there is no TEXT to extend. */
int	 rp_text_extend(rp_doc *doc, rp_node *parent, const char *s, size_t n);
/* A TEXT node holding a copy of s[0..n). */
rp_node	*rp_text_new(rp_doc *doc, const char *s, size_t n, int line, int col);

void	 rp_node_append(rp_node *parent, rp_node *child);
void	 rp_node_prepend(rp_node *parent, rp_node *child);
void	 rp_node_insert_before(rp_node *sibling, rp_node *child);
void	 rp_node_unlink(rp_node *n);
/* The first child of type t, or NULL. */
rp_node	*rp_node_child(const rp_node *n, rp_node_type t);
/* The nearest ancestor (or n itself) of type t, or NULL. */
rp_node	*rp_node_ancestor(const rp_node *n, rp_node_type t);
/* Whether n never has children (TEXT, NOTEREF, SEPARATOR). */
int	 rp_node_is_leaf(const rp_node *n);
/* Whether n is an inline type. */
int	 rp_node_is_inline(const rp_node *n);

/*
 * Whether a LINK's target may be written: http, https, mailto or
 * relative, with no space, control, quote or angle bracket.  If not, the
 * writer keeps the text and drops the target; this warns once per link,
 * however many writers ask.
 */
int	 rp_link_writable(rp_doc *doc, const rp_node *link);

char	*rp_doc_strdup(rp_doc *doc, const char *s);
char	*rp_doc_strndup(rp_doc *doc, const char *s, size_t n);
void	*rp_doc_alloc(rp_doc *doc, size_t n);

#endif
