/* pdf_layout.h -- for write_pdf.c and its unit tests only: cutting styled
 * text into boxes and glue, and breaking it into lines.  Knows widths
 * through a callback and nothing about PDF. */
#ifndef RP_PDF_LAYOUT_H
#define RP_PDF_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

/* Faces of the font set, in this order.  The Arabic faces are shaped
 * (HarfBuzz); the others are set character by character. */
enum { PF_REGULAR, PF_ITALIC, PF_BOLD, PF_BOLDITALIC, PF_CJK, PF_ARABIC,
	PF_ARABIC_BOLD, PF__MAX };

/* The script a document is written in: which faces its neutral
 * characters (digits, punctuation) take, and its direction. */
enum { PL_LATIN, PL_CJK, PL_ARABIC };

/* Style bits of a span. */
#define PS_ITALIC	1
#define PS_BOLD		2

/* How a line may end after a box. */
enum { PB_NONE, PB_GLUE, PB_PEN };

/* The metrics a paragraph is set with. */
struct pl_metrics {
	void	*ctx;
	/* Face for cp in style (PS_*) in a document of script (PL_*), or
	 * -1 when no face has a glyph. */
	int	(*face)(void *ctx, uint32_t cp, int style, int script);
	/* Advance of cp in face, in 1/1000 em. */
	int	(*width)(void *ctx, int face, uint32_t cp);
	/* Advance of the shaped run s[0..n) set right to left or not, in
	 * 1/1000 em; < 0 for a face set character by character.  May be
	 * NULL when no face is shaped. */
	float	(*run)(void *ctx, int face, const char *s, size_t n, int rtl);
};

/* An unbreakable piece of text in one face and size. */
struct pl_box {
	uint32_t off, len;	/* bytes in the paragraph's text */
	int8_t	 face;
	uint8_t	 brk;		/* PB_*: may the line end after it */
	uint8_t	 fakebold;	/* bold without a bold face (CJK) */
	uint8_t	 cjk;		/* a single CJK character */
	uint8_t	 level;		/* bidi embedding level (odd: right to left) */
	uint8_t	 glevel;	/* level of the glue after it */
	uint8_t	 isolate;	/* part of an isolate (FSI: its direction
				   is its first strong character's) */
	int16_t	 penalty;	/* cost of a PB_PEN break */
	int16_t	 note;		/* footnote referenced here, or -1 */
	int32_t	 link;		/* link id, or -1 */
	float	 size, rise;
	float	 w;		/* natural width, pt */
	float	 glue, stretch, shrink;	/* space after it, pt */
	float	 hyphen;	/* a hyphenation point: the hyphen's
				 * width a line ending here takes, pt */
};

/* How many characters no face has a paragraph names. */
#define PL_MISSING	16

/* A paragraph's boxes, text and the lines it was broken into. */
struct pl_para {
	char		*text;
	size_t		 tlen, tcap;
	struct pl_box	*box;
	size_t		 nbox, boxcap;
	size_t		*brk;		/* last box of each line */
	size_t		 nline, brkcap;
	/* State while adding spans. */
	int		 space;		/* a space is pending */
	int		 tab;		/* the last box ends in a fixed gap */
	int		 script;	/* PL_* of the document */
	int		 isolate;	/* spans added now are an isolate */
	int		 rtl;		/* base direction, set by pl_bidi */
	int		 missing;	/* characters no face has */
	/* The first PL_MISSING different ones of them; whether others. */
	uint32_t	 missing_cp[PL_MISSING];
	int		 nmissing_cp, missing_more;
};

void	pl_para_init(struct pl_para *p, int script);
void	pl_para_free(struct pl_para *p);
/* Append UTF-8 text in style at size; rise lifts it (superscripts). */
void	pl_add(struct pl_para *p, const struct pl_metrics *m, const char *s,
	    size_t n, int style, float size, float rise, int32_t link,
	    int16_t note);
/* A fixed gap of w pt after the last box, with no break (after a
 * hanging number). */
void	pl_tab(struct pl_para *p, float w);
/* Whether s[0..n) holds a strong right-to-left character. */
int	pl_has_rtl(const char *s, size_t n);
/*
 * Resolve bidi levels (UAX #9, FriBidi): the paragraph is right to left
 * when its document is Arabic and it holds a right-to-left letter; boxes
 * are cut where the level changes.  Call once, before pl_fit.
 */
void	pl_bidi(struct pl_para *p, const struct pl_metrics *m);
/*
 * Visual order of the line of boxes a..b (UAX #9 L2).  Its 2(b-a)+1
 * items are box a+i (item 2i) and the glue after it (item 2i+1);
 * order[k] is the item drawn k-th from the left.
 */
void	pl_visual(const struct pl_para *p, size_t a, size_t b, size_t *order);
/* Split boxes wider than max (pt) so that every line can fit. */
void	pl_fit(struct pl_para *p, const struct pl_metrics *m, float max);
/*
 * Break into lines: the first line is first_w wide, the others w.
 * justify: stretch glue to fill (the last line stays natural); otherwise
 * lines are set ragged and the breaker evens them out.
 */
void	pl_break(struct pl_para *p, float first_w, float w, int justify);
/* Glue ratio past which a justified line is too loose: word spaces of
 * about 0.6 em (a space is 0.25 em and stretches by half of it). */
#define PL_LOOSE	3.0f

struct rp_hyph;
/*
 * pl_break(justify), then, where that leaves a justified line too loose
 * (glue ratio over PL_LOOSE), ragged or overfull and h has patterns,
 * again with hyphenation points in the words of that line and the next
 * (never in the paragraph's last word; at most two hyphenated lines in
 * a row).  Points the lines do not end at are taken out again.  Returns
 * how many lines end in a hyphen.  Paragraphs set right to left or
 * shaped are only broken.
 */
int	pl_break_hyphenated(struct pl_para *p, const struct pl_metrics *m,
	    const struct rp_hyph *h, float first_w, float w);
/* Natural width of boxes a..b as a line (no glue after b; the hyphen
 * when b is a hyphenation point). */
float	pl_natural(const struct pl_para *p, size_t a, size_t b);
/* Extra (or less) width per unit of stretch (shrink) to fill w. */
float	pl_ratio(const struct pl_para *p, size_t a, size_t b, float w);
/* Glue after box i on a line set with ratio r. */
float	pl_glue(const struct pl_box *b, float r);

#endif
