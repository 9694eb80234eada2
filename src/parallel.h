/* parallel.h -- the side-by-side page of a resolution's language versions
 * (parallel.c), for respub --parallel and respub site --parallel. */
#ifndef RP_PARALLEL_H
#define RP_PARALLEL_H

#include "respub.h"
#include "write_html.h"

/* One version: its document, the name messages give it, and its own
 * page when one is written beside (NULL: none). */
struct version_in {
	rp_doc		*doc;
	const char	*name;
	const char	*page;
};

/*
 * The page with the n versions in aligned columns (paragraph n beside
 * paragraph n, by their eIds), appended to out; page is its own file
 * name.  A paragraph missing from a version is a warning on stderr
 * (unless quiet).  Returns 0, or -1 after an error on stderr.
 */
int	 parallel_page(rp_html *h, struct version_in *v, size_t n,
	    const char *page, int quiet, rp_buf *out);

#endif
