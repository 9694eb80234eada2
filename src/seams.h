/* seams.h -- where paragraphs meet inside one line (seams.c). */
#ifndef RP_SEAMS_H
#define RP_SEAMS_H

#include <stddef.h>

#include "respub.h"

struct rp_seams {
	size_t	*at;		/* offsets, in order */
	size_t	 n, cap;
	int	 strong;	/* formula or numbered paragraphs seen */
};

/* A seam at offset at, after those of sm. */
void	rp_seam_add(struct rp_seams *sm, size_t at);
/* The seams of line s (n bytes, chars characters): in a long line (250
 * characters or more), numbered paragraphs in sequence, a formula, a
 * clause then a paragraph's opener, the closing line; in a shorter one,
 * a formula sharing it.  Cut only where sm->strong. */
void	rp_line_seams(rp_doc *doc, const char *s, size_t n, size_t chars,
	    struct rp_seams *sm);

#endif
