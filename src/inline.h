/* inline.h -- inline content for the readers: light Markdown, footnote
 * markers, references to UN documents and dates. */
#ifndef RP_INLINE_H
#define RP_INLINE_H

#include <stddef.h>

#include "doc.h"

/* Where a byte of the joined paragraph text came from. */
struct rp_srcpos {
	size_t	off;		/* offset in the joined text */
	int	line, col;	/* its line and column in the input */
};

/* How strongly a digit run looks like a footnote marker. */
enum rp_marker_kind {
	RP_MARK_SUPERSCRIPT,	/* ¹²: always a marker */
	RP_MARK_GLUED,		/* "terrorism2", "Director,1", "附件，*" */
	RP_MARK_SPACED,		/* "Rights, 1 the": only if expected next */
	RP_MARK_PAIR		/* the 25 of "第一2325兩月" (23 and 25 set
				   together): only a note not yet cited */
};

struct rp_inline_ctx {
	rp_doc	*doc;
	rp_body	 body;		/* body of the citing document */
	int	 markdown;	/* read *emphasis*, **strong**, [a](b), \x */
	/*
	 * The FOOTNOTE a marker refers to, or NULL to leave it as text.
	 * NULL function: markers are never looked for.
	 */
	rp_node	*(*footnote)(void *arg, const char *marker,
		    enum rp_marker_kind kind);
	/*
	 * Whether a note so marked is defined and not yet referenced,
	 * asking only (NULL: two markers set together are not looked for).
	 */
	int	 (*uncited)(void *arg, const char *marker);
	void	*arg;
	const struct rp_srcpos *pos;	/* sorted by off; may be NULL */
	size_t	 npos;
	int	 line, col;		/* position when pos is NULL */
};

/*
 * Whether a marker of this kind, numbered num (0 for "*"), calls a
 * footnote so numbered, given whether that footnote was referenced
 * already and next, the lowest number of a footnote not yet referenced
 * (0 if none): the rule the readers' footnote functions share.
 */
int	rp_marker_fits(enum rp_marker_kind kind, int num, int referenced,
	    int next);

/* Parse s[0..n) into inline nodes appended to parent. */
void	rp_inline_parse(struct rp_inline_ctx *ctx, rp_node *parent,
	    const char *s, size_t n);

/*
 * Find document references and dates in a TEXT node and split it into
 * TEXT, DOCREF and DATE siblings (for readers whose inlines come from
 * elsewhere, such as cmark).
 */
void	rp_inline_refs(struct rp_inline_ctx *ctx, rp_node *text);

#endif
