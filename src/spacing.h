/* spacing.h -- the spaces a language sets around punctuation (French:
 * a narrow no-break space before ; ! ? and », after «, a no-break space
 * before :), for the PDF and HTML writers alike.  The characters are
 * data: the "narrow space before", "narrow space after" and "no-break
 * space before" settings of lang/<lang>.conf; the model and the AKN keep
 * the source's spaces. */
#ifndef RP_SPACING_H
#define RP_SPACING_H

#include <stddef.h>
#include <stdint.h>

#include "respub.h"

/* A language's characters (UTF-8, none for most languages). */
typedef struct rp_spacing {
	char	 narrow_before[32];	/* ; ! ? » */
	char	 narrow_after[16];	/* « */
	char	 nbsp_before[16];	/* : */
} rp_spacing;

/* The characters of a language (ISO 639-2 code; none when it is NULL
 * or has none). */
void	 rp_spacing_of(rp_spacing *sp, const char *language);
/*
 * s[0..n) with sp's spaces set: each takes the place of a plain space,
 * or goes in where there was none, never twice (a no-break space of the
 * source or of a French quote mark stays alone), never inside a word,
 * number or address ("10:30", "http://").  prev is the character before
 * s in its block, 0 at its start (no space goes in before s's first
 * character then).  Returns s itself when nothing changed, else out's
 * text (out is reset first).
 */
const char *rp_spacing_set(const rp_spacing *sp, uint32_t prev,
	    const char *s, size_t n, rp_buf *out);

#endif
