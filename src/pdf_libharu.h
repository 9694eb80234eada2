/* pdf_libharu.h -- for write_pdf.c: the libharu functions pdf_libharu.c
 * defines again (see there). */
#ifndef RP_PDF_LIBHARU_H
#define RP_PDF_LIBHARU_H

/* Let go of the deflate state the streams of this process shared.  (Its
 * call is also what links this file into a program: an archive member
 * nobody calls is left out, and libharu's own functions would run.) */
void	pdf_libharu_free(void);

#endif
