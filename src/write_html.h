/* write_html.h -- the HTML writer, for write_html.c's backend and the site
 * builder (site.c), which also renders its index pages and passes
 * per-page stylesheet parameters. */
#ifndef RP_WRITE_HTML_H
#define RP_WRITE_HTML_H

#include <libxml/tree.h>

#include "respub.h"

typedef struct rp_html rp_html;

/*
 * Parse the stylesheet (opt->stylesheet_path, else
 * DATA_DIR/stylesheets/akn2html.xsl) once.  NULL with *err on failure.
 */
rp_html	*rp_html_new(const rp_options *opt, const char **err);
void	 rp_html_free(rp_html *h);

/*
 * Run the stylesheet over xml (AKN, or a site catalog) and append the page
 * to out.  extra is NULL or a NULL-terminated list of name, value pairs of
 * string parameters that take precedence over opt->vars; a "catalog"
 * parameter names a file the stylesheet may read.  Returns 0, or -1 with
 * the processor's message in *msg (malloc'd; the caller frees it).
 * Unless -V quotes=no, xml's AKN text gets typographic quotes first.
 */
int	 rp_html_apply(rp_html *h, xmlDocPtr xml, const char *const *extra,
	    rp_buf *out, char **msg);

/* The same for a document: its AKN tree, built in memory. */
int	 rp_html_render(rp_html *h, rp_doc *doc, const char *const *extra,
	    rp_buf *out);
/*
 * The same, the stylesheet reading ctx (taken, freed) where it reads
 * document(path): a page's own small document (what the page shows of
 * others), never written.  path must name a file (the stylesheet may
 * read only files) and be extra's "catalog".
 */
int	 rp_html_render_ctx(rp_html *h, rp_doc *doc, const char *path,
	    xmlDocPtr ctx, const char *const *extra, rp_buf *out);

#endif
