/* pdf_libharu.c -- libharu 2.3 functions respub defines again, faster,
 * with the same results.  libharu calls its own exported functions
 * through the PLT, so the dynamic linker binds those calls to the first
 * definition, these: no patched library, and the PDFs stay byte for byte
 * what libharu writes.  Tied to 2.3.0 (hpdf_streams.h's memory stream);
 * the PDF tests would show a change. */
#include <string.h>

#include <zlib.h>

#include <hpdf.h>
#include <hpdf_conf.h>
#include <hpdf_encrypt.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "pdf_libharu.h"

#define EXPORT	__attribute__((visibility("default")))

/*
 * libharu clears and copies memory one byte at a time in HPDF_MemSet and
 * HPDF_MemCpy: the 128 KB tables of every font it makes, each stream it
 * writes.  These are libc's memset and memmove, with libharu's forward
 * loop kept for the one case memmove would copy differently, a
 * destination inside the source after it.  Both return the end of what
 * they wrote, as libharu's do.
 */
EXPORT void *
HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	return (HPDF_BYTE *)memset(s, c, n) + n;
}

EXPORT HPDF_BYTE *
HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	HPDF_UINT i;

	if (out <= in || out >= in + n)
		return (HPDF_BYTE *)memmove(out, in, n) + n;
	for (i = 0; i < n; i++)
		out[i] = in[i];
	return out + n;
}

/* ------------------------------------------------------------ deflate */

/*
 * libharu deflates each stream with a z_stream of its own (deflateInit:
 * 260 KB allocated and cleared, then freed) fed 4 KB copies of the
 * stream.  One z_stream per process, reset between streams, fed the
 * memory stream's blocks in place, gives the same bytes: zlib's output
 * does not depend on how its input is cut, and a reset stream is a new
 * one with the same settings (libharu's: Z_DEFAULT_COMPRESSION, 32 KB
 * window).
 */
static z_stream	 zs;
static int	 zs_ready;

static HPDF_STATUS
put_out(HPDF_Stream dst, HPDF_Encrypt e, HPDF_BYTE *out, HPDF_UINT n)
{
	HPDF_BYTE	 ebuf[16384];

	if (e == NULL)
		return HPDF_Stream_Write(dst, out, n);
	HPDF_Encrypt_CryptBuf(e, out, ebuf, n);
	return HPDF_Stream_Write(dst, ebuf, n);
}

/* Deflate n bytes at in (the last of the stream when flush is Z_FINISH)
 * and write what comes out to dst. */
static HPDF_STATUS
deflate_some(HPDF_Stream dst, HPDF_Encrypt e, const HPDF_BYTE *in,
    HPDF_UINT n, int flush)
{
	HPDF_BYTE	 out[16384];
	HPDF_STATUS	 ret;
	int		 z;

	zs.next_in = (Bytef *)in;
	zs.avail_in = n;
	do {
		zs.next_out = out;
		zs.avail_out = sizeof(out);
		z = deflate(&zs, flush);
		if (z != Z_OK && z != Z_STREAM_END && z != Z_BUF_ERROR)
			return HPDF_ZLIB_ERROR;
		if (zs.avail_out < sizeof(out) && (ret = put_out(dst, e, out,
		    (HPDF_UINT)(sizeof(out) - zs.avail_out))) != HPDF_OK)
			return ret;
	} while (zs.avail_in > 0 || zs.avail_out == 0 ||
	    (flush == Z_FINISH && z != Z_STREAM_END));
	return HPDF_OK;
}

/* Feed src to deflate_some: a memory stream's blocks where they are,
 * another stream read in pieces. */
static HPDF_STATUS
deflate_stream(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e)
{
	HPDF_BYTE	 buf[HPDF_STREAM_BUF_SIZ];
	HPDF_UINT	 left = HPDF_Stream_Size(src), i, n;
	HPDF_STATUS	 ret = HPDF_OK;

	if (src->type == HPDF_STREAM_MEMORY) {
		HPDF_MemStreamAttr a = src->attr;

		for (i = 0; ret == HPDF_OK && i < a->buf->count; i++) {
			n = left < a->buf_siz ? left : a->buf_siz;
			left -= n;
			ret = deflate_some(dst, e, HPDF_List_ItemAt(a->buf, i),
			    n, Z_NO_FLUSH);
		}
	} else if ((ret = HPDF_Stream_Seek(src, 0, HPDF_SEEK_SET)) == HPDF_OK)
		do {
			n = sizeof(buf);
			ret = HPDF_Stream_Read(src, buf, &n);
			if ((ret == HPDF_OK || ret == HPDF_STREAM_EOF) &&
			    deflate_some(dst, e, buf, n, Z_NO_FLUSH) != HPDF_OK)
				return HPDF_ZLIB_ERROR;
		} while (ret == HPDF_OK);
	if (ret == HPDF_STREAM_EOF)
		ret = HPDF_OK;
	return ret == HPDF_OK ? deflate_some(dst, e, NULL, 0, Z_FINISH) : ret;
}

EXPORT HPDF_STATUS
HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst,
    HPDF_Encrypt e)
{
	HPDF_STATUS	ret;

	if (!zs_ready) {
		if (deflateInit(&zs, Z_DEFAULT_COMPRESSION) != Z_OK)
			return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
		zs_ready = 1;
	} else if (deflateReset(&zs) != Z_OK)
		return HPDF_SetError(src->error, HPDF_ZLIB_ERROR, 0);
	if ((ret = deflate_stream(src, dst, e)) != HPDF_OK)
		return HPDF_SetError(src->error, ret, 0);
	return HPDF_OK;
}

void
pdf_libharu_free(void)
{
	if (zs_ready)
		deflateEnd(&zs);
	zs_ready = 0;
}
