/* pdf_libharu.h -- for write_pdf.c: the libharu functions pdf_libharu.c
 * defines again (see there). */
#ifndef RP_PDF_LIBHARU_H
#define RP_PDF_LIBHARU_H

#include <hpdf.h>

/* Let go of the deflate state the streams of this process shared.  (Its
 * call is also what links this file into a program: an archive member
 * nobody calls is left out, and libharu's own functions would run.) */
void	pdf_libharu_free(void);

/* Mark a new document PDF 1.5: its objects go in an object stream. */
void	pdf_libharu_begin(HPDF_Doc);

/* Page drawn: nothing more goes into its content, deflated from now
 * on (see pdf_libharu.c). */
void	pdf_libharu_page_done(HPDF_Page);

/*
 * Marked content, which libharu has no call for: what the page draws
 * between these two reads as s[0..n) (UTF-8), a /Span with /ActualText
 * (PDF 1.5, 14.9.4), where the glyphs' order on the line is not the
 * text's.  Inside one text object (BT..ET).
 */
void	pdf_libharu_span(HPDF_Page, const char *s, size_t n);
void	pdf_libharu_span_end(HPDF_Page);

#endif
