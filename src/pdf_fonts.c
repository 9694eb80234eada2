/* pdf_fonts.c -- the PDF writer's fonts.  Coverage and widths come from
 * the full font files, opened once per process; each document embeds
 * HarfBuzz subsets of only the characters it draws, because libharu's own
 * subsetting drops composite-glyph components and keeps whole CJK tables.
 *
 * Arabic faces are shaped with HarfBuzz.  libharu has no way to draw a
 * glyph by its id, so the embedded subset of a shaped face gets a cmap of
 * our own: every (glyph, text) pair the document draws has a private-use
 * code mapped to the glyph, and the ToUnicode map gives its text back. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_fonts.h"
#include "arena.h"
#include "utf8.h"

struct pdf_face {
	const char	*path;
	int		 index;
	int		 alias;		/* first face with the same file */
	hb_face_t	*face;
	hb_set_t	*cover;
	HPDF_Font	 measure;
	int16_t		*w;		/* BMP widths, -1 until asked */
	hb_font_t	*font;		/* shaped faces only */
	unsigned	 upem;
};

struct pdf_fonts {
	struct pdf_face	 face[PF__MAX];
	HPDF_Doc	 mdoc;		/* holds the fonts widths come from */
	int		 hinting;
	HPDF_STATUS	 status;
	hb_buffer_t	*buf;
	struct pdf_glyph *g;		/* for pdf_fonts_run */
	size_t		 gcap;
};

/* First of the private-use codes given to shaped glyphs, and how many. */
#define CODE_BASE	0xE000u
#define CODE_MAX	0x1900u

/* A shaped glyph's code: its glyph, advance and the text it stands for. */
struct glyph_code {
	unsigned	 gid;
	int		 adv;		/* 1/1000 em */
	uint32_t	 text, tlen;	/* in pool */
	int		 rtl;
};

struct pdf_used {
	hb_set_t	*set[PF__MAX];
	struct glyph_code *code[PF__MAX];
	size_t		 ncode[PF__MAX], codecap[PF__MAX];
	char		*pool;
	size_t		 plen, pcap;
	uint32_t	*slot;		/* hash: face << 16 | index + 1 */
	size_t		 nslot, nused;
};

static int
is_shaped(int face)
{
	return face == PF_ARABIC || face == PF_ARABIC_BOLD;
}

static int
is_arabic(uint32_t cp)
{
	return (cp >= 0x0600 && cp <= 0x06FF) || (cp >= 0x0750 && cp <= 0x077F)
	    || (cp >= 0x08A0 && cp <= 0x08FF) || (cp >= 0xFB50 && cp <= 0xFDFF)
	    || (cp >= 0xFE70 && cp <= 0xFEFE);
}

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
		hb_font_destroy(f->face[i].font);
		free(f->face[i].w);
	}
	hb_buffer_destroy(f->buf);
	free(f->g);
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
	f->buf = hb_buffer_create();
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
			if (is_shaped(j) == is_shaped(i) &&
			    strcmp(f->face[j].path, fc->path) == 0 &&
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
		fc->upem = hb_face_get_upem(fc->face);
		if (is_shaped(i)) {
			/* Font units: advances as exact as the font has them. */
			fc->font = hb_font_create(fc->face);
			hb_font_set_scale(fc->font, (int)fc->upem,
			    (int)fc->upem);
		}
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
pdf_fonts_face(void *fonts, uint32_t cp, int style, int script)
{
	const struct pdf_fonts	*f = fonts;
	int			 latin = PF_REGULAR;
	int			 arabic = style & PS_BOLD &&
				    f->face[PF_ARABIC_BOLD].alias ==
				    PF_ARABIC_BOLD ? PF_ARABIC_BOLD : PF_ARABIC;

	if (style & PS_ITALIC)
		latin += PF_ITALIC;
	if (style & PS_BOLD)
		latin += PF_BOLD;
	if ((rp_is_cjk(cp) || (script == PL_CJK && cjk_punct(cp))) &&
	    pdf_fonts_has(f, PF_CJK, cp))
		return PF_CJK;
	/* Arabic has no italic; an Arabic document sets its digits, Latin
	 * and punctuation in the Arabic face too, shaped with the words. */
	if ((is_arabic(cp) || script == PL_ARABIC) &&
	    pdf_fonts_has(f, arabic, cp))
		return arabic;
	if (is_arabic(cp) && pdf_fonts_has(f, PF_ARABIC, cp))
		return PF_ARABIC;
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

int
pdf_fonts_shaped(const struct pdf_fonts *f, int face)
{
	return face >= 0 && f->face[face].font != NULL;
}

size_t
pdf_fonts_shape(struct pdf_fonts *f, int face, const char *s, size_t n,
    int rtl, struct pdf_glyph **g, size_t *cap)
{
	struct pdf_face		*fc = &f->face[face];
	hb_glyph_info_t		*info;
	hb_glyph_position_t	*pos;
	unsigned		 count, i, k;
	double			 k1000 = 1000.0 / fc->upem;

	hb_buffer_clear_contents(f->buf);
	hb_buffer_add_utf8(f->buf, s, (int)n, 0, (int)n);
	hb_buffer_set_direction(f->buf, rtl ? HB_DIRECTION_RTL :
	    HB_DIRECTION_LTR);
	hb_buffer_guess_segment_properties(f->buf);
	hb_shape(fc->font, f->buf, NULL, 0);
	info = hb_buffer_get_glyph_infos(f->buf, &count);
	pos = hb_buffer_get_glyph_positions(f->buf, &count);
	if (count > *cap) {
		*cap = count + 16;
		if ((*g = realloc(*g, *cap * sizeof(**g))) == NULL)
			abort();
	}
	for (i = 0; i < count; i++) {
		struct pdf_glyph *x = &(*g)[i];
		unsigned next = (unsigned)n;

		x->gid = info[i].codepoint;
		x->adv = (float)(pos[i].x_advance * k1000);
		x->dx = (float)(pos[i].x_offset * k1000);
		x->dy = (float)(pos[i].y_offset * k1000);
		/* As libharu writes /W: the advance truncated to 1/1000 em. */
		x->w = (int)((unsigned)hb_font_get_glyph_h_advance(fc->font,
		    x->gid) * 1000 / fc->upem);
		/* A cluster's text ends where the next cluster starts:
		 * clusters rise with the text, so it is the nearest other
		 * one in reading order (leftwards when right to left). */
		for (k = i; rtl && k-- > 0;)
			if (info[k].cluster != info[i].cluster) {
				next = info[k].cluster;
				break;
			}
		for (k = i + 1; !rtl && k < count; k++)
			if (info[k].cluster != info[i].cluster) {
				next = info[k].cluster;
				break;
			}
		x->text = info[i].cluster;
		x->tlen = next - info[i].cluster;
	}
	/* One glyph of a cluster carries its text: the widest, so marks
	 * and other zero-width parts carry none. */
	for (i = 0; i < count; i = k) {
		unsigned best = i;

		for (k = i; k < count && info[k].cluster == info[i].cluster; k++)
			if ((*g)[k].adv > (*g)[best].adv)
				best = k;
		for (unsigned m = i; m < k; m++)
			if (m != best)
				(*g)[m].tlen = 0;
	}
	/* Glyphs that carry text go out in one string, where a glyph's
	 * origin is the last one's plus its width: fold x offsets and the
	 * advances of the glyphs set apart (marks) into widths. */
	for (i = 0; i < count; i++) {
		struct pdf_glyph *x = &(*g)[i];

		x->apart = x->tlen == 0;
		x->place = x->adv;
	}
	for (i = 0; i < count; i++) {
		struct pdf_glyph *x = &(*g)[i];

		if (x->apart)
			continue;
		x->place -= x->dx;
		for (k = i + 1; k < count && (*g)[k].apart; k++)
			x->place += (*g)[k].adv;
		if (k < count)
			x->place += (*g)[k].dx;
	}
	return count;
}

float
pdf_fonts_run(void *fonts, int face, const char *s, size_t n, int rtl)
{
	struct pdf_fonts	*f = fonts;
	size_t			 count, i;
	float			 w = 0;

	if (!pdf_fonts_shaped(f, face))
		return -1;
	count = pdf_fonts_shape(f, face, s, n, rtl, &f->g, &f->gcap);
	for (i = 0; i < count; i++)
		w += f->g[i].adv;
	return w;
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
	for (i = 0; i < PF__MAX; i++) {
		hb_set_destroy(u->set[i]);
		free(u->code[i]);
	}
	free(u->pool);
	free(u->slot);
	free(u);
}

static uint32_t
code_hash(int face, unsigned gid, int adv, const char *text, size_t n,
    int rtl)
{
	uint32_t	h = 2166136261u ^ (uint32_t)(face * 131 + rtl);
	size_t		i;

	h = (h ^ gid) * 16777619u;
	h = (h ^ (uint32_t)adv) * 16777619u;
	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	return h;
}

/* Double the hash table and put every code back. */
static void
code_rehash(struct pdf_used *u)
{
	size_t	n = u->nslot ? u->nslot * 2 : 1024, i;
	int	face;

	free(u->slot);
	if ((u->slot = calloc(n, sizeof(*u->slot))) == NULL)
		abort();
	u->nslot = n;
	for (face = 0; face < PF__MAX; face++)
		for (i = 0; i < u->ncode[face]; i++) {
			struct glyph_code *c = &u->code[face][i];
			uint32_t h = code_hash(face, c->gid, c->adv,
			    u->pool + c->text, c->tlen, c->rtl);

			while (u->slot[h & (n - 1)] != 0)
				h++;
			u->slot[h & (n - 1)] = (uint32_t)face << 16 |
			    (uint32_t)(i + 1);
		}
}

unsigned
pdf_used_glyph(struct pdf_used *u, int face, unsigned gid, int adv,
    const char *text, size_t n, int rtl)
{
	uint32_t		 h, v;
	struct glyph_code	*c;

	rtl = rtl && n > 0;
	if (2 * (u->nused + 1) > u->nslot)
		code_rehash(u);
	for (h = code_hash(face, gid, adv, text, n, rtl);
	    (v = u->slot[h & (u->nslot - 1)]) != 0; h++) {
		c = &u->code[v >> 16][(v & 0xFFFF) - 1];
		if ((int)(v >> 16) == face && c->gid == gid && c->adv == adv &&
		    c->tlen == n &&
		    c->rtl == rtl && memcmp(u->pool + c->text, text, n) == 0)
			return CODE_BASE + (v & 0xFFFF) - 1;
	}
	if (u->ncode[face] >= CODE_MAX)
		return 0;
	RP_GROW(u->code[face], u->ncode[face], u->codecap[face]);
	c = &u->code[face][u->ncode[face]++];
	c->gid = gid;
	c->adv = adv;
	c->rtl = rtl;
	c->text = (uint32_t)u->plen;
	c->tlen = (uint32_t)n;
	while (u->plen + n > u->pcap) {
		u->pcap = u->pcap ? u->pcap * 2 : 4096;
		if ((u->pool = realloc(u->pool, u->pcap)) == NULL)
			abort();
	}
	memcpy(u->pool + u->plen, text, n);
	u->plen += n;
	u->slot[h & (u->nslot - 1)] = (uint32_t)face << 16 |
	    (uint32_t)u->ncode[face];
	u->nused++;
	return CODE_BASE + (unsigned)u->ncode[face] - 1;
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

/* The ToUnicode stream of font, emptied, with the CMap's header. */
static HPDF_Stream
tounicode_begin(HPDF_Font font)
{
	HPDF_Dict	cmap = HPDF_Dict_GetItem(font, "ToUnicode",
			    HPDF_OCLASS_DICT);

	if (cmap == NULL || cmap->stream == NULL)
		return NULL;
	HPDF_MemStream_FreeData(cmap->stream);
	cmap->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
	HPDF_Stream_WriteStr(cmap->stream, "/CIDInit /ProcSet findresource "
	    "begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry "
	    "(Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName "
	    "/Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	return cmap->stream;
}

static int
tounicode_end(HPDF_Stream s)
{
	return HPDF_Stream_WriteStr(s, "endcmap\nCMapName currentdict /CMap "
	    "defineresource pop\nend\nend\n") == HPDF_OK ? 0 : -1;
}

/*
 * libharu 2.3 writes a ToUnicode CMap with a begincidrange (not allowed
 * there).  Its codes are the characters themselves, so rewrite it as
 * bfranges over the characters this subset holds.
 */
static int
fix_tounicode(HPDF_Font font, const hb_set_t *used)
{
	HPDF_Stream	 s;
	hb_codepoint_t	 first, last = HB_SET_VALUE_INVALID;
	char		 line[64];
	uint32_t	 lo[4096], hi[4096];
	unsigned	 n = 0, i, chunk;

	if ((s = tounicode_begin(font)) == NULL)
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
	return tounicode_end(s);
}

/* UTF-16BE hex of text; right-to-left text of several characters is
 * stored backwards, because poppler and MuPDF turn such entries round. */
static void
put_utf16(HPDF_Stream s, const char *text, size_t n, int rtl)
{
	uint32_t	cps[64], cp;
	size_t		m = 0, i, k;
	char		hex[16];

	for (i = 0; i < n && m < 64; i += k) {
		if ((k = rp_utf8_decode(text + i, n - i, &cp)) == 0) {
			k = 1;
			cp = 0xFFFD;
		}
		cps[m++] = cp;
	}
	for (i = 0; i < m; i++) {
		cp = cps[rtl ? m - 1 - i : i];
		if (cp >= 0x10000)
			snprintf(hex, sizeof(hex), "%04X%04X",
			    0xD800 + ((cp - 0x10000) >> 10),
			    0xDC00 + ((cp - 0x10000) & 0x3FF));
		else
			snprintf(hex, sizeof(hex), "%04X", cp);
		HPDF_Stream_WriteStr(s, hex);
	}
}

/* A shaped face's widths: each code has the advance the shaper gave. */
static int
shaped_widths(HPDF_Font font, const struct pdf_used *u, int face)
{
	HPDF_FontAttr	fa = font->attr;
	HPDF_Array	w = HPDF_Array_New(font->mmgr), ws;
	size_t		i;

	if (w == NULL || (ws = HPDF_Array_New(font->mmgr)) == NULL ||
	    HPDF_Array_AddNumber(w, CODE_BASE) != HPDF_OK ||
	    HPDF_Array_Add(w, ws) != HPDF_OK)
		return -1;
	for (i = 0; i < u->ncode[face]; i++)
		if (HPDF_Array_AddNumber(ws, u->code[face][i].adv) != HPDF_OK)
			return -1;
	return HPDF_Dict_Add(fa->descendant_font, "W", w) == HPDF_OK ? 0 : -1;
}

/* A shaped face's ToUnicode: each code gives back its text. */
static int
shaped_tounicode(HPDF_Font font, const struct pdf_used *u, int face)
{
	HPDF_Stream	 s;
	size_t		 i, k, n = 0;
	char		 line[32];

	if ((s = tounicode_begin(font)) == NULL)
		return -1;
	for (i = 0; i < u->ncode[face]; i++)
		n += u->code[face][i].tlen > 0;
	for (i = 0, k = 0; i < u->ncode[face]; i++) {
		const struct glyph_code *c = &u->code[face][i];

		if (c->tlen == 0)
			continue;
		if (k % 100 == 0) {
			snprintf(line, sizeof(line), "%zu beginbfchar\n",
			    n - k > 100 ? 100 : n - k);
			HPDF_Stream_WriteStr(s, line);
		}
		snprintf(line, sizeof(line), "<%04X> <", CODE_BASE +
		    (unsigned)i);
		HPDF_Stream_WriteStr(s, line);
		put_utf16(s, u->pool + c->text, c->tlen, c->rtl);
		HPDF_Stream_WriteStr(s, ">\n");
		if (++k % 100 == 0 || k == n)
			HPDF_Stream_WriteStr(s, "endbfchar\n");
	}
	return tounicode_end(s);
}

static void
put16(char *p, unsigned v)
{
	p[0] = (char)(v >> 8);
	p[1] = (char)v;
}

/*
 * The subset with a cmap of our own in place of the font's: codes
 * CODE_BASE + i map to glyph code[i].gid (one format 4 segment through
 * the glyph array, and the closing 0xFFFF segment).
 */
static hb_blob_t *
with_codes(hb_face_t *sub, const struct glyph_code *code, size_t n)
{
	hb_face_t	*b = hb_face_builder_create();
	hb_tag_t	 tags[64];
	unsigned	 ntag = 64, i, len = 16 + 16 + 2 * (unsigned)n;
	char		*t = calloc(1, 12 + len);
	hb_blob_t	*blob;

	if (t == NULL)
		abort();
	put16(t + 2, 1);		/* one encoding record */
	put16(t + 4, 3);		/* Windows, */
	put16(t + 6, 1);		/* Unicode BMP, */
	t[11] = 12;			/* at offset 12 */
	char *f = t + 12;
	put16(f, 4);
	put16(f + 2, len);
	put16(f + 6, 4);		/* segCountX2 */
	put16(f + 8, 4);		/* searchRange */
	put16(f + 10, 1);		/* entrySelector */
	put16(f + 12, 0);		/* rangeShift */
	put16(f + 14, CODE_BASE + (unsigned)n - 1);	/* endCode */
	put16(f + 16, 0xFFFF);
	put16(f + 20, CODE_BASE);	/* startCode */
	put16(f + 22, 0xFFFF);
	put16(f + 24, 0);		/* idDelta */
	put16(f + 26, 1);
	put16(f + 28, 4);		/* idRangeOffset: to glyphIdArray */
	put16(f + 30, 0);
	for (i = 0; i < n; i++)
		put16(f + 32 + 2 * i, code[i].gid);
	blob = hb_blob_create(t, 12 + len, HB_MEMORY_MODE_WRITABLE, t, free);
	hb_face_builder_add_table(b, HB_TAG('c', 'm', 'a', 'p'), blob);
	hb_blob_destroy(blob);
	hb_face_get_table_tags(sub, 0, &ntag, tags);
	for (i = 0; i < ntag; i++) {
		if (tags[i] == HB_TAG('c', 'm', 'a', 'p'))
			continue;
		blob = hb_face_reference_table(sub, tags[i]);
		hb_face_builder_add_table(b, tags[i], blob);
		hb_blob_destroy(blob);
	}
	blob = hb_face_reference_blob(b);
	hb_face_destroy(b);
	return blob;
}

/* Subset one face to a temporary file and load it; libharu reads fonts
 * only from files, keeps the file open, so it can go at once. */
static HPDF_Font
load_subset(struct pdf_fonts *f, int face, const struct pdf_used *u,
    HPDF_Doc pdf, char *err, size_t errlen)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
	};
	const hb_set_t		*cps = u->set[face];
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	hb_blob_t		*blob;
	const char		*data, *name, *tmpdir;
	unsigned		 len, i, flags = 0;
	char			 path[4096];
	int			 fd, rc;
	HPDF_Font		 font;
	FILE			*fp;

	if ((in = hb_subset_input_create_or_fail()) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (is_shaped(face)) {
		/* Glyph ids stay those the shaper gave. */
		for (i = 0; i < u->ncode[face]; i++)
			hb_set_add(hb_subset_input_glyph_set(in),
			    u->code[face][i].gid);
		flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
	} else {
		hb_set_union(hb_subset_input_unicode_set(in), cps);
		hb_set_add(hb_subset_input_unicode_set(in), ' ');
	}
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	if (!f->hinting)
		flags |= HB_SUBSET_FLAGS_NO_HINTING;
	hb_subset_input_set_flags(in, flags);
	sub = hb_subset_or_fail(f->face[face].face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL) {
		snprintf(err, errlen, "font %s: HarfBuzz cannot subset it",
		    f->face[face].path);
		return NULL;
	}
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	if (is_shaped(face)) {
		/* A face read back from the bytes lists its tables. */
		sub = hb_face_create(blob, 0);
		hb_blob_destroy(blob);
		blob = with_codes(sub, u->code[face], u->ncode[face]);
		hb_face_destroy(sub);
	}
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
	if (is_shaped(face)) {
		HPDF_FontAttr		fa = font->attr;
		HPDF_TTFontDefAttr	da = fa->fontdef->attr;

		/* libharu 2.3 keeps only the direct parts of composite
		 * glyphs; the subset holds just what is needed, so keep it
		 * all (Amiri nests composites). */
		memset(da->glyph_tbl.flgs, 1, da->num_glyphs);
		rc = shaped_tounicode(font, u, face) != 0 ||
		    shaped_widths(font, u, face) != 0 ? -1 : 0;
	} else
		rc = fix_tounicode(font, cps);
	if (rc != 0) {
		snprintf(err, errlen, "font %s: cannot rewrite its ToUnicode "
		    "map or widths",
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
		if (is_shaped(i) ? u->ncode[i] == 0 : hb_set_is_empty(u->set[i]))
			continue;
		if ((out[i] = load_subset(f, i, u, pdf, err, errlen)) == NULL)
			return -1;
	}
	return 0;
}
