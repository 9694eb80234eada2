/* quotes.h -- typographic quotes for the PDF and HTML writers: straight
 * '"' and '\'' become the quotation marks of the text's language (the
 * "quotes", "single quotes" and "apostrophe" settings of lang/<lang>.conf,
 * docs/LOOK.md); the model and the AKN keep the source's characters. */
#ifndef RP_QUOTES_H
#define RP_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "respub.h"

/* A language's marks (UTF-8; French's carry their narrow spaces). */
typedef struct rp_quotes {
	char	 open[16], close[16];		/* “ ” */
	char	 open1[16], close1[16];		/* ‘ ’ */
	char	 apostrophe[8];			/* ’ */
} rp_quotes;

/* Where a block of text stands: its last character so far (0 at its
 * start) and which quotes are open.  Zeroed for each new block. */
typedef struct rp_quote_state {
	uint32_t	 prev;
	int		 open, open1;
} rp_quote_state;

/* The marks of a language (ISO 639-2 code; English's when it is NULL
 * or has none). */
void	 rp_quotes_of(rp_quotes *q, const char *language);
/*
 * s[0..n) with its straight quotes set as q's, after what st says came
 * before it in the block; st is advanced.  Returns s itself when it has
 * none, else out's text (out is reset first).
 */
const char *rp_quotes_set(const rp_quotes *q, rp_quote_state *st,
	    const char *s, size_t n, rp_buf *out);
/* The same (when quotes) and the language's spaces (spacing.h) over the
 * text of the AKN documents in x (the HTML writer's tree, before the
 * stylesheet), each in its own language. */
void	 rp_typography_akn(xmlDocPtr x, int quotes);
/* An on/off option's value: 1 (1, yes, true, on), 0 (0, no, false,
 * off) or -1. */
int	 rp_quotes_flag(const char *v);

#endif
