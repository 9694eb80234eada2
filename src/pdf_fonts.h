/* pdf_fonts.h -- for write_pdf.c and its unit tests only: the font set a
 * PDF writer loads once (coverage, widths), and the per-document subsets
 * it embeds. */
#ifndef RP_PDF_FONTS_H
#define RP_PDF_FONTS_H

#include <stdint.h>

#include <hpdf.h>

#include "pdf_layout.h"

struct pdf_fonts;

/*
 * Open the faces (paths[PF_*], cjk_index for a collection).  On failure
 * returns NULL and writes the reason, naming the file, to err.
 */
struct pdf_fonts *pdf_fonts_new(const char *const paths[PF__MAX],
		    int cjk_index, int hinting, char *err, size_t errlen);
void		 pdf_fonts_free(struct pdf_fonts *f);

/* Face to draw cp with in a document of script (PL_*), or -1 when no
 * face has a glyph for it. */
int		 pdf_fonts_face(void *fonts, uint32_t cp, int style, int script);
/* Advance of cp in face, 1/1000 em, as libharu writes it in /W. */
int		 pdf_fonts_width(void *fonts, int face, uint32_t cp);
/* Whether face has a glyph for cp. */
int		 pdf_fonts_has(struct pdf_fonts *f, int face, uint32_t cp);

/* A glyph of a shaped run, in HarfBuzz's (visual) order. */
struct pdf_glyph {
	unsigned	 gid;
	float		 adv, dx, dy;	/* 1/1000 em, from the shaper */
	float		 place;		/* from its origin to the next glyph's
					 * when they go out in one string */
	int		 apart;		/* drawn after the others: no text of
					 * its own (marks) */
	int		 w;		/* its advance in the font (hmtx) */
	uint32_t	 text, tlen;	/* its characters in the run (none for
					 * a mark: the base carries them) */
};

/* Whether face is shaped. */
int		 pdf_fonts_shaped(const struct pdf_fonts *f, int face);
/* Shape s[0..n) in face; *g grows to hold the glyphs.  Returns their
 * number. */
size_t		 pdf_fonts_shape(struct pdf_fonts *f, int face, const char *s,
		    size_t n, int rtl, struct pdf_glyph **g, size_t *cap);
/* pl_metrics.run: the advance of a shaped run, or -1. */
float		 pdf_fonts_run(void *fonts, int face, const char *s, size_t n,
		    int rtl);

/* Code points one document draws, per face. */
struct pdf_used;
struct pdf_used	*pdf_used_new(void);
void		 pdf_used_free(struct pdf_used *u);
void		 pdf_used_add(struct pdf_used *u, int face, const char *s,
		    size_t n);
/*
 * The character code that draws glyph gid of a shaped face with advance
 * adv (1/1000 em) standing for text[0..n) (set right to left or not):
 * each such glyph gets a code of its own, mapped to the glyph by the
 * embedded font's cmap, to adv by /W and to the text by its ToUnicode
 * map.  Returns 0 when the codes are used up.
 */
unsigned	 pdf_used_glyph(struct pdf_used *u, int face, unsigned gid,
		    int adv, const char *text, size_t n, int rtl);

/*
 * Subset every face u uses, load it into pdf and store the font in
 * out[face] (NULL for unused faces).  Returns 0, or -1 with err set.
 */
int		 pdf_fonts_load(struct pdf_fonts *f, struct pdf_used *u,
		    HPDF_Doc pdf, HPDF_Font out[PF__MAX], char *err,
		    size_t errlen);
/* After HPDF_FreeDoc(pdf), before its next document: forget the subsets
 * loaded (libharu keeps font definitions for the next document, and the
 * next document's subsets bear the same names). */
void		 pdf_fonts_unload(HPDF_Doc pdf);

#endif
