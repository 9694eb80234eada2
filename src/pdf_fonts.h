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
 * Open the five faces (paths[PF_*], cjk_index for a collection).  On
 * failure returns NULL and writes the reason, naming the file, to err.
 */
struct pdf_fonts *pdf_fonts_new(const char *const paths[PF__MAX],
		    int cjk_index, int hinting, char *err, size_t errlen);
void		 pdf_fonts_free(struct pdf_fonts *f);

/* Face to draw cp with, or -1 when no face has a glyph for it. */
int		 pdf_fonts_face(void *fonts, uint32_t cp, int style, int cjk_doc);
/* Advance of cp in face, 1/1000 em, as libharu writes it in /W. */
int		 pdf_fonts_width(void *fonts, int face, uint32_t cp);
/* Whether face has a glyph for cp. */
int		 pdf_fonts_has(const struct pdf_fonts *f, int face, uint32_t cp);

/* Code points one document draws, per face. */
struct pdf_used;
struct pdf_used	*pdf_used_new(void);
void		 pdf_used_free(struct pdf_used *u);
void		 pdf_used_add(struct pdf_used *u, int face, const char *s,
		    size_t n);

/*
 * Subset every face u uses, load it into pdf and store the font in
 * out[face] (NULL for unused faces).  Returns 0, or -1 with err set.
 */
int		 pdf_fonts_load(struct pdf_fonts *f, struct pdf_used *u,
		    HPDF_Doc pdf, HPDF_Font out[PF__MAX], char *err,
		    size_t errlen);

#endif
