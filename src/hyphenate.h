/* hyphenate.h -- where a word may be hyphenated, for the PDF writer's line
 * breaker: TeX patterns read by libhyphen (Debian's hyphen-* packages).
 * Which file a language takes, and how many letters stay on each side,
 * are data: the "hyphenation" and "hyphenation min" settings of
 * lang/<lang>.conf (docs/LOOK.md). */
#ifndef RP_HYPHENATE_H
#define RP_HYPHENATE_H

#include <stddef.h>
#include <stdint.h>

typedef struct rp_hyph rp_hyph;

/*
 * The patterns of a language (ISO 639-2 code): the file its table names,
 * under dir unless the name is a path.  NULL when the language names
 * none (Chinese, Arabic).  The file is read when the first word is
 * hyphenated, once per process, and kept; when it cannot be read, no
 * word is hyphenated.
 */
const rp_hyph	*rp_hyph_of(const char *language, const char *dir);
/*
 * Where the word in s[0..n) may break, as byte offsets into s (a hyphen
 * is set before each), at most max; returns their number.  Only a plain
 * word is hyphenated: letters, with opening or closing punctuation, an
 * elided article ("l'") or a possessive ("'s") around them; never a
 * number, a symbol, a URL or a word in capitals.
 */
size_t		 rp_hyph_points(const rp_hyph *h, const char *s, size_t n,
		    uint32_t *at, size_t max);

#endif
