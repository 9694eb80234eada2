/* pdf_fonts.c -- the PDF writer's fonts.  Coverage and widths come from
 * the full font files, opened once per process; each document embeds
 * HarfBuzz subsets of only the characters it draws, because libharu's own
 * subsetting drops composite-glyph components and keeps whole CJK tables. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_fonts.h"
#include "utf8.h"

struct pdf_face {
	const char	*path;
	int		 index;
	int		 alias;		/* first face with the same file */
	hb_face_t	*face;
	hb_set_t	*cover;
	HPDF_Font	 measure;
	int16_t		*w;		/* BMP widths, -1 until asked */
};

struct pdf_fonts {
	struct pdf_face	 face[PF__MAX];
	HPDF_Doc	 mdoc;		/* holds the fonts widths come from */
	int		 hinting;
	HPDF_STATUS	 status;
};

struct pdf_used {
	hb_set_t	*set[PF__MAX];
};

static void
on_error(HPDF_STATUS e, HPDF_STATUS detail, void *data)
{
	(void)detail;
	((struct pdf_fonts *)data)->status = e;
}

void
pdf_fonts_free(struct pdf_fonts *f)
{
	int i;

	if (f == NULL)
		return;
	for (i = 0; i < PF__MAX; i++) {
		hb_face_destroy(f->face[i].face);
		hb_set_destroy(f->face[i].cover);
		free(f->face[i].w);
	}
	if (f->mdoc != NULL)
		HPDF_Free(f->mdoc);
	free(f);
}

struct pdf_fonts *
pdf_fonts_new(const char *const paths[PF__MAX], int cjk_index, int hinting,
    char *err, size_t errlen)
{
	struct pdf_fonts	*f;
	int			 i, j;

	if ((f = calloc(1, sizeof(*f))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	f->hinting = hinting;
	if ((f->mdoc = HPDF_New(on_error, f)) == NULL ||
	    HPDF_UseUTFEncodings(f->mdoc) != HPDF_OK ||
	    HPDF_SetCurrentEncoder(f->mdoc, "UTF-8") != HPDF_OK) {
		snprintf(err, errlen, "cannot start libharu");
		pdf_fonts_free(f);
		return NULL;
	}
	for (i = 0; i < PF__MAX; i++) {
		struct pdf_face	*fc = &f->face[i];
		hb_blob_t	*blob;
		const char	*name;
		FILE		*probe;

		fc->path = paths[i];
		fc->index = i == PF_CJK ? cjk_index : 0;
		fc->alias = i;
		for (j = 0; j < i; j++)
			if (strcmp(f->face[j].path, fc->path) == 0 &&
			    f->face[j].index == fc->index) {
				fc->alias = j;
				break;
			}
		/* Say why a file is missing before HarfBuzz says only no. */
		if ((probe = fopen(fc->path, "rb")) == NULL) {
			snprintf(err, errlen, "font %s: %s", fc->path,
			    strerror(errno));
			pdf_fonts_free(f);
			return NULL;
		}
		fclose(probe);
		blob = hb_blob_create_from_file_or_fail(fc->path);
		if (blob == NULL || hb_face_count(blob) <= (unsigned)fc->index) {
			hb_blob_destroy(blob);
			snprintf(err, errlen, "font %s: not a TrueType font "
			    "(or no face %d)", fc->path, fc->index);
			pdf_fonts_free(f);
			return NULL;
		}
		fc->face = hb_face_create(blob, (unsigned)fc->index);
		hb_blob_destroy(blob);
		fc->cover = hb_set_create();
		hb_face_collect_unicodes(fc->face, fc->cover);
		if (hb_set_get_population(fc->cover) == 0) {
			snprintf(err, errlen, "font %s: no characters",
			    fc->path);
			pdf_fonts_free(f);
			return NULL;
		}
		if ((fc->w = malloc(65536 * sizeof(*fc->w))) == NULL) {
			snprintf(err, errlen, "out of memory");
			pdf_fonts_free(f);
			return NULL;
		}
		memset(fc->w, 0xff, 65536 * sizeof(*fc->w));
		f->status = HPDF_OK;
		name = i == PF_CJK ?
		    HPDF_LoadTTFontFromFile2(f->mdoc, fc->path,
		    (HPDF_UINT)fc->index, HPDF_FALSE) :
		    HPDF_LoadTTFontFromFile(f->mdoc, fc->path, HPDF_FALSE);
		if (name == NULL || f->status != HPDF_OK ||
		    (fc->measure = HPDF_GetFont(f->mdoc, name, "UTF-8")) ==
		    NULL) {
			snprintf(err, errlen, "font %s: libharu cannot use it "
			    "(error 0x%04X; TrueType outlines needed)", fc->path,
			    (unsigned)f->status);
			pdf_fonts_free(f);
			return NULL;
		}
	}
	return f;
}

int
pdf_fonts_has(const struct pdf_fonts *f, int face, uint32_t cp)
{
	/* libharu's UTF-8 encoder writes 2-byte codes: BMP only. */
	return cp < 0x10000 && hb_set_has(f->face[face].cover, cp);
}

/* Punctuation Chinese text sets full width, from the CJK face. */
static int
cjk_punct(uint32_t cp)
{
	return cp == 0x2018 || cp == 0x2019 || cp == 0x201C || cp == 0x201D
	    || cp == 0x2026 || cp == 0x2014 || cp == 0x2015 || cp == 0x00B7;
}

int
pdf_fonts_face(void *fonts, uint32_t cp, int style, int cjk_doc)
{
	const struct pdf_fonts	*f = fonts;
	int			 latin = PF_REGULAR;

	if (style & PS_ITALIC)
		latin += PF_ITALIC;
	if (style & PS_BOLD)
		latin += PF_BOLD;
	if ((rp_is_cjk(cp) || (cjk_doc && cjk_punct(cp))) &&
	    pdf_fonts_has(f, PF_CJK, cp))
		return PF_CJK;
	if (pdf_fonts_has(f, latin, cp))
		return latin;
	if (pdf_fonts_has(f, PF_REGULAR, cp))
		return PF_REGULAR;
	if (pdf_fonts_has(f, PF_CJK, cp))
		return PF_CJK;
	return -1;
}

int
pdf_fonts_width(void *fonts, int face, uint32_t cp)
{
	struct pdf_fonts	*f = fonts;
	struct pdf_face		*fc = &f->face[face];
	char			 u[4];
	size_t			 n;

	if (cp >= 0x10000)
		return 0;
	if (fc->w[cp] < 0) {
		n = rp_utf8_encode(cp, u);
		fc->w[cp] = (int16_t)HPDF_Font_TextWidth(fc->measure,
		    (const HPDF_BYTE *)u, (HPDF_UINT)n).width;
	}
	return fc->w[cp];
}

struct pdf_used *
pdf_used_new(void)
{
	struct pdf_used	*u = calloc(1, sizeof(*u));
	int		 i;

	if (u == NULL)
		return NULL;
	for (i = 0; i < PF__MAX; i++)
		u->set[i] = hb_set_create();
	return u;
}

void
pdf_used_free(struct pdf_used *u)
{
	int i;

	if (u == NULL)
		return;
	for (i = 0; i < PF__MAX; i++)
		hb_set_destroy(u->set[i]);
	free(u);
}

void
pdf_used_add(struct pdf_used *u, int face, const char *s, size_t n)
{
	size_t		i, k;
	uint32_t	cp;

	for (i = 0; i < n; i += k) {
		if ((k = rp_utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			continue;
		}
		hb_set_add(u->set[face], cp);
	}
}

/*
 * libharu 2.3 writes a ToUnicode CMap with a begincidrange (not allowed
 * there).  Its codes are the characters themselves, so rewrite it as
 * bfranges over the characters this subset holds.
 */
static int
fix_tounicode(HPDF_Font font, const hb_set_t *used)
{
	HPDF_Dict	 cmap = HPDF_Dict_GetItem(font, "ToUnicode",
			    HPDF_OCLASS_DICT);
	HPDF_Stream	 s;
	hb_codepoint_t	 first, last = HB_SET_VALUE_INVALID;
	char		 line[64];
	uint32_t	 lo[4096], hi[4096];
	unsigned	 n = 0, i, chunk;

	if (cmap == NULL || cmap->stream == NULL)
		return -1;
	/* Ranges of consecutive codes that stay within one high byte. */
	while (n < 4096 && hb_set_next_range(used, &first, &last)) {
		uint32_t a = first;

		if (a >= 0x10000)
			break;
		if (last >= 0x10000)
			last = 0xFFFF;
		while (a <= last && n < 4096) {
			uint32_t b = (a | 0xFF) < last ? (a | 0xFF) : last;

			lo[n] = a;
			hi[n++] = b;
			a = b + 1;
		}
	}
	s = cmap->stream;
	HPDF_MemStream_FreeData(s);
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(s, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) "
	    "/Ordering (UCS) /Supplement 0 >> def\n/CMapName "
	    "/Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (i = 0; i < n; i += chunk) {
		unsigned k;

		chunk = n - i > 100 ? 100 : n - i;
		snprintf(line, sizeof(line), "%u beginbfrange\n", chunk);
		HPDF_Stream_WriteStr(s, line);
		for (k = i; k < i + chunk; k++) {
			snprintf(line, sizeof(line), "<%04X> <%04X> <%04X>\n",
			    lo[k], hi[k], lo[k]);
			HPDF_Stream_WriteStr(s, line);
		}
		HPDF_Stream_WriteStr(s, "endbfrange\n");
	}
	return HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
	    "defineresource pop\nend\nend\n") == HPDF_OK ? 0 : -1;
}

/* Subset one face to a temporary file and load it; libharu reads fonts
 * only from files, keeps the file open, so it can go at once. */
static HPDF_Font
load_subset(struct pdf_fonts *f, int face, const hb_set_t *cps, HPDF_Doc pdf,
    char *err, size_t errlen)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
	};
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	hb_blob_t		*blob;
	const char		*data, *name, *tmpdir;
	unsigned		 len, i;
	char			 path[4096];
	int			 fd;
	HPDF_Font		 font;
	FILE			*fp;

	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	hb_set_union(hb_subset_input_unicode_set(in), cps);
	hb_set_add(hb_subset_input_unicode_set(in), ' ');
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	if (!f->hinting)
		hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
	sub = hb_subset_or_fail(f->face[face].face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL) {
		snprintf(err, errlen, "font %s: HarfBuzz cannot subset it",
		    f->face[face].path);
		return NULL;
	}
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	data = hb_blob_get_data(blob, &len);
	if ((tmpdir = getenv("TMPDIR")) == NULL || *tmpdir == '\0')
		tmpdir = "/tmp";
	snprintf(path, sizeof(path), "%s/respub-font-XXXXXX", tmpdir);
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "wb")) == NULL) {
		snprintf(err, errlen, "temporary font file in %s: %s", tmpdir,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		hb_blob_destroy(blob);
		return NULL;
	}
	if (fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		snprintf(err, errlen, "temporary font file %s: %s", path,
		    strerror(errno));
		unlink(path);
		hb_blob_destroy(blob);
		return NULL;
	}
	hb_blob_destroy(blob);
	name = HPDF_LoadTTFontFromFile(pdf, path, HPDF_TRUE);
	unlink(path);
	if (name == NULL || (font = HPDF_GetFont(pdf, name, "UTF-8")) == NULL) {
		snprintf(err, errlen, "font %s: libharu cannot embed its "
		    "subset (error 0x%04X)", f->face[face].path,
		    (unsigned)HPDF_GetError(pdf));
		return NULL;
	}
	if (fix_tounicode(font, cps) != 0) {
		snprintf(err, errlen, "font %s: no ToUnicode map to fix",
		    f->face[face].path);
		return NULL;
	}
	return font;
}

int
pdf_fonts_load(struct pdf_fonts *f, struct pdf_used *u, HPDF_Doc pdf,
    HPDF_Font out[PF__MAX], char *err, size_t errlen)
{
	int i;

	/* Faces sharing a file share one subset: libharu knows a font by
	 * its name and would return the first subset for the second. */
	for (i = 0; i < PF__MAX; i++)
		if (f->face[i].alias != i)
			hb_set_union(u->set[f->face[i].alias], u->set[i]);
	for (i = 0; i < PF__MAX; i++) {
		out[i] = NULL;
		if (f->face[i].alias != i) {
			out[i] = out[f->face[i].alias];
			continue;
		}
		if (hb_set_is_empty(u->set[i]))
			continue;
		if ((out[i] = load_subset(f, i, u->set[i], pdf, err, errlen)) ==
		    NULL)
			return -1;
	}
	return 0;
}
