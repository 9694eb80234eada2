/* backend.h -- the contract between format.c and each reader and writer.
 * Only format.c and the read_*.c / write_*.c files include it. */
#ifndef RP_BACKEND_H
#define RP_BACKEND_H

#include "doc.h"

/* A reader fills doc->root from valid UTF-8 without NUL bytes. */
int	rp_read_text(rp_doc *doc, const char *buf, size_t len);
int	rp_read_md(rp_doc *doc, const char *buf, size_t len);
int	rp_read_akn(rp_doc *doc, const char *buf, size_t len);
/* After any reader: the opening phrases of paragraphs as EMPH
 * (openers.c). */
void	rp_mark_openers(rp_doc *doc);
/* After any reader: masthead lines run together split (masthead.c). */
void	rp_split_masthead(rp_doc *doc);
/* After any reader: no space before a footnote marker (markers.c). */
void	rp_attach_markers(rp_doc *doc);
/* Whether NUL-terminated XML stays within doc's limits on elements,
 * attributes and depth (xml_limits.c); -1 after an error if not. */
int	rp_xml_check_limits(rp_doc *doc, const char *buf, size_t len);
/* Record libxml2's parse error e as one error in respub's words
 * (xml_error.c). */
struct _xmlError;
void	rp_xml_error(rp_doc *doc, const struct _xmlError *e);

/*
 * A writer: create() loads what it needs once (stylesheet, fonts) and
 * returns its state, or NULL with *err set; render() appends one
 * document to out and returns 0, or -1 after rp_msg(); destroy() frees.
 */
struct rp_backend {
	rp_format	  fmt;
	void		*(*create)(const rp_options *opt, const char **err);
	int		 (*render)(void *state, rp_doc *doc, rp_buf *out);
	void		 (*destroy)(void *state);
	/* The -V keys it reads, NULL-terminated (NULL: none). */
	const char *const *(*params)(void *state);
};

extern const struct rp_backend rp_backend_tree;
extern const struct rp_backend rp_backend_akn;
extern const struct rp_backend rp_backend_pdf;
extern const struct rp_backend rp_backend_md;
extern const struct rp_backend rp_backend_html;


#endif
