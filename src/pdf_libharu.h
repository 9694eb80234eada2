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

#endif
