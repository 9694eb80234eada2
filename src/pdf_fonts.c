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
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hb.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <hpdf_utils.h>

#include "pdf_fonts.h"
#include "arena.h"
#include "utf8.h"

/* What a face gives 256 characters of the BMP: asked of HarfBuzz once,
 * each entry all bits set until then (laying out asks for every
 * character's face and width). */
struct glyph_block {
	uint16_t	 gid[256];	/* 0: the face lacks it */
	int16_t		 w[256];	/* advance, 1/1000 em */
};

struct pdf_face {
	const char	*path;
	int		 index;
	int		 alias;		/* first face with the same file */
	hb_face_t	*face;
	hb_font_t	*font;		/* at the font's own units */
	struct glyph_block *blk[256];	/* by high byte; made when first
					 * asked: a document in one script
					 * asks for a few */
	unsigned	 upem;
};

struct pdf_fonts {
	struct pdf_face	 face[PF__MAX];
	int		 hinting;
	hb_buffer_t	*buf;
	struct pdf_glyph *g;		/* for pdf_fonts_run */
	size_t		 gcap;
	HPDF_CMapEncoderAttr one_code;	/* see font_of */
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

void
pdf_fonts_free(struct pdf_fonts *f)
{
	int i, k;

	if (f == NULL)
		return;
	for (i = 0; i < PF__MAX; i++) {
		hb_face_destroy(f->face[i].face);
		hb_font_destroy(f->face[i].font);
		for (k = 0; k < 256; k++)
			free(f->face[i].blk[k]);
	}
	hb_buffer_destroy(f->buf);
	free(f->g);
	free(f->one_code);
	free(f);
}

/* Whether face has a table tag. */
static int
has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t	*t = hb_face_reference_table(face, tag);
	int		 yes = hb_blob_get_length(t) > 0;

	hb_blob_destroy(t);
	return yes;
}

/*
 * Open face i of f.  Only the file's table directory is read here: the
 * character map and widths are read when first asked, so a document pays
 * only for the faces and characters it draws.  Returns 0, or -1 with err
 * set.
 */
static int
face_open(struct pdf_fonts *f, int i, char *err, size_t errlen)
{
	struct pdf_face	*fc = &f->face[i];
	hb_blob_t	*blob;
	FILE		*probe;

	/* Say why a file is missing before HarfBuzz says only no. */
	if ((probe = fopen(fc->path, "rb")) == NULL) {
		snprintf(err, errlen, "font %s: %s", fc->path, strerror(errno));
		return -1;
	}
	fclose(probe);
	errno = 0;
	blob = hb_blob_create_from_file_or_fail(fc->path);
	if (blob == NULL && errno != 0) {
		/* Out of memory, mostly: not the font's fault. */
		snprintf(err, errlen, "font %s: cannot load it: %s", fc->path,
		    strerror(errno));
		return -1;
	}
	if (blob == NULL || hb_face_count(blob) <= (unsigned)fc->index) {
		hb_blob_destroy(blob);
		snprintf(err, errlen, "font %s: not a TrueType font (or no "
		    "face %d)", fc->path, fc->index);
		return -1;
	}
	fc->face = hb_face_create(blob, (unsigned)fc->index);
	hb_blob_destroy(blob);
	fc->upem = hb_face_get_upem(fc->face);
	/* Font units: advances as exact as the font has them. */
	fc->font = hb_font_create(fc->face);
	hb_font_set_scale(fc->font, (int)fc->upem, (int)fc->upem);
	if (!has_table(fc->face, HB_TAG('c', 'm', 'a', 'p'))) {
		snprintf(err, errlen, "font %s: no characters", fc->path);
		return -1;
	}
	/* libharu embeds TrueType outlines only (not CFF). */
	if (!has_table(fc->face, HB_TAG('g', 'l', 'y', 'f')) ||
	    !has_table(fc->face, HB_TAG('l', 'o', 'c', 'a'))) {
		snprintf(err, errlen, "font %s: libharu cannot use it "
		    "(TrueType outlines needed)", fc->path);
		return -1;
	}
	return 0;
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
	for (i = 0; i < PF__MAX; i++) {
		struct pdf_face	*fc = &f->face[i];

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
		if (face_open(f, i, err, errlen) != 0) {
			pdf_fonts_free(f);
			return NULL;
		}
	}
	return f;
}

/* The block of fc holding BMP character cp. */
static struct glyph_block *
block_of(struct pdf_face *fc, uint32_t cp)
{
	struct glyph_block **b = &fc->blk[cp >> 8];

	if (*b == NULL) {
		if ((*b = malloc(sizeof(**b))) == NULL)
			rp_out_of_memory();
		memset(*b, 0xff, sizeof(**b));
	}
	return *b;
}

/* The glyph the face's character map gives cp, or 0. */
static hb_codepoint_t
cmap_glyph(const struct pdf_face *fc, uint32_t cp)
{
	hb_codepoint_t gid;

	return hb_font_get_nominal_glyph(fc->font, cp, &gid) ? gid : 0;
}

/* The same, asked of HarfBuzz once for a character of the BMP. */
static hb_codepoint_t
glyph_of(struct pdf_fonts *f, int face, uint32_t cp)
{
	uint16_t *kept;

	if (cp >= 0x10000)
		return cmap_glyph(&f->face[face], cp);
	kept = &block_of(&f->face[face], cp)->gid[cp & 0xFF];
	if (*kept == 0xFFFF)
		*kept = (uint16_t)cmap_glyph(&f->face[face], cp);
	return *kept;
}

/*
 * A character no face has is drawn as a white square of the face that
 * stands in for it (pl_add gives it the regular face), so that the page
 * shows where it is; the text layer keeps the character itself.
 */
#define STAND_IN	0x25A1

/* The glyph a set-by-character face draws cp with: its own, else the
 * stand-in's (0 when the face lacks that too). */
static hb_codepoint_t
drawn_glyph(struct pdf_fonts *f, int face, uint32_t cp)
{
	hb_codepoint_t gid = glyph_of(f, face, cp);

	return gid != 0 ? gid : glyph_of(f, face, STAND_IN);
}

/* Whether face lacks one of the characters of set. */
static int
lacks_some(struct pdf_fonts *f, int face, const hb_set_t *set)
{
	hb_codepoint_t cp = HB_SET_VALUE_INVALID;

	while (hb_set_next(set, &cp) && cp < 0x10000)
		if (glyph_of(f, face, cp) == 0)
			return 1;
	return 0;
}

int
pdf_fonts_has(struct pdf_fonts *f, int face, uint32_t cp)
{
	/* libharu's UTF-8 encoder writes 2-byte codes: BMP only. */
	return cp < 0x10000 && glyph_of(f, face, cp) != 0;
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
	struct pdf_fonts	*f = fonts;
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
	unsigned		 adv;
	int16_t			*w;

	if (cp >= 0x10000)
		return 0;
	w = block_of(fc, cp)->w;
	if (w[cp & 0xFF] < 0) {
		/* As libharu computes /W: hmtx advance (of glyph 0 for a
		 * character the font lacks) in whole 1/1000 em. */
		adv = hb_font_get_glyph_h_advance(fc->font, drawn_glyph(f,
		    face, cp));
		w[cp & 0xFF] = (int16_t)(uint16_t)(adv * 1000 / fc->upem);
	}
	return w[cp & 0xFF];
}

int
pdf_fonts_shaped(const struct pdf_fonts *f, int face)
{
	(void)f;
	return face >= 0 && is_shaped(face);
}

/* Where the text of glyph i's cluster ends: where the next cluster
 * starts.  Clusters rise with the text, so it is the nearest other one in
 * reading order (leftwards when right to left); n past the last. */
static unsigned
cluster_end(const hb_glyph_info_t *info, unsigned count, unsigned i,
    size_t n, int rtl)
{
	unsigned k;

	for (k = i; rtl && k-- > 0;)
		if (info[k].cluster != info[i].cluster)
			return info[k].cluster;
	for (k = i + 1; !rtl && k < count; k++)
		if (info[k].cluster != info[i].cluster)
			return info[k].cluster;
	return (unsigned)n;
}

/* One glyph of a cluster carries its text: the widest, so marks and
 * other zero-width parts carry none. */
static void
one_carrier(struct pdf_glyph *g, const hb_glyph_info_t *info, unsigned count)
{
	unsigned i, k, m, best;

	for (i = 0; i < count; i = k) {
		best = i;
		for (k = i; k < count && info[k].cluster == info[i].cluster; k++)
			if (g[k].adv > g[best].adv)
				best = k;
		for (m = i; m < k; m++)
			if (m != best)
				g[m].tlen = 0;
	}
}

/* Glyphs that carry text go out in one string, where a glyph's origin is
 * the last one's plus its width: fold x offsets and the advances of the
 * glyphs set apart (marks) into widths. */
static void
fold_places(struct pdf_glyph *g, unsigned count)
{
	unsigned i, k;

	for (i = 0; i < count; i++) {
		g[i].apart = g[i].tlen == 0;
		g[i].place = g[i].adv;
	}
	for (i = 0; i < count; i++) {
		if (g[i].apart)
			continue;
		g[i].place -= g[i].dx;
		for (k = i + 1; k < count && g[k].apart; k++)
			g[i].place += g[k].adv;
		if (k < count)
			g[i].place += g[k].dx;
	}
}

size_t
pdf_fonts_shape(struct pdf_fonts *f, int face, const char *s, size_t n,
    int rtl, struct pdf_glyph **g, size_t *cap)
{
	struct pdf_face		*fc = &f->face[face];
	hb_glyph_info_t		*info;
	hb_glyph_position_t	*pos;
	unsigned		 count, i;
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
			rp_out_of_memory();
	}
	for (i = 0; i < count; i++) {
		struct pdf_glyph *x = &(*g)[i];

		x->gid = info[i].codepoint;
		x->adv = (float)(pos[i].x_advance * k1000);
		x->dx = (float)(pos[i].x_offset * k1000);
		x->dy = (float)(pos[i].y_offset * k1000);
		/* As libharu writes /W: the advance truncated to 1/1000 em. */
		x->w = (int)((unsigned)hb_font_get_glyph_h_advance(fc->font,
		    x->gid) * 1000 / fc->upem);
		x->text = info[i].cluster;
		x->tlen = cluster_end(info, count, i, n, rtl) - info[i].cluster;
	}
	one_carrier(*g, info, count);
	fold_places(*g, count);
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
		rp_out_of_memory();
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
			rp_out_of_memory();
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
	size_t		i = 0;
	uint32_t	cp;

	while (rp_utf8_next(s, n, &i, &cp))
		hb_set_add(u->set[face], cp);
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
		k = rp_utf8_get(text + i, n - i, &cp, 0xFFFD);
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

/* What a subset's cmap holds: code[i] draws glyph gid[i], codes rising. */
struct code_map {
	uint32_t	*code;
	unsigned	*gid;
	size_t		 n, cap;
};

/*
 * libharu finds a code's glyph by walking the format 4 segments in order,
 * and does it for each of the 65,536 codes when it loads a font: a map of
 * a few segments makes that cheap.  The glyph array of a format 4 table
 * (16-bit length) holds at most CMAP_SPAN entries.
 */
#define CMAP_SEGS	8
#define CMAP_SPAN	16000
#define CMAP_BRIDGE	4	/* codes an entry costs less than a segment */

struct gap {
	uint32_t	 len;
	size_t		 at;		/* the code after it */
};

static int
gap_cmp(const void *a, const void *b)
{
	const struct gap *x = a, *y = b;

	return x->len != y->len ? (x->len < y->len ? -1 : 1) :
	    (x->at < y->at ? -1 : x->at > y->at);
}

/* Which codes of m start a segment (start[i] != 0); returns how many. */
static size_t
cmap_segments(const struct code_map *m, char *start)
{
	struct gap	*g = calloc(m->n + 1, sizeof(*g));
	size_t		 i, ng = 0, nseg = m->n > 0, span = m->n;

	if (g == NULL)
		rp_out_of_memory();
	for (i = 0; i < m->n; i++) {
		uint32_t len = i > 0 ? m->code[i] - m->code[i - 1] - 1 : 0;

		start[i] = i == 0 || len >= CMAP_BRIDGE;
		if (i > 0 && start[i]) {
			g[ng].len = len;
			g[ng++].at = i;
			nseg++;
		} else
			span += len;
	}
	/* Bridge the smallest gaps first. */
	qsort(g, ng, sizeof(*g), gap_cmp);
	for (i = 0; i < ng && nseg > CMAP_SEGS &&
	    span + g[i].len <= CMAP_SPAN; i++) {
		start[g[i].at] = 0;
		span += g[i].len;
		nseg--;
	}
	free(g);
	return nseg;
}

/* A cmap table (one Windows Unicode BMP format 4 subtable) for m. */
static hb_blob_t *
cmap_table(const struct code_map *m)
{
	char		*start = malloc(m->n + 1), *t, *f;
	size_t		 nseg = cmap_segments(m, start), segc = nseg + 1;
	size_t		 i, k, arr = 0, len, sr = 1, es = 0;

	for (i = 0; i < m->n; i = k) {
		for (k = i + 1; k < m->n && !start[k]; k++)
			;
		arr += m->code[k - 1] - m->code[i] + 1;
	}
	len = 16 + 8 * segc + 2 * arr;
	if ((t = calloc(1, 12 + len)) == NULL)
		rp_out_of_memory();
	put16(t + 2, 1);		/* one encoding record: */
	put16(t + 4, 3);		/* Windows, */
	put16(t + 6, 1);		/* Unicode BMP, */
	t[11] = 12;			/* at offset 12 */
	f = t + 12;
	while (sr * 2 <= segc) {
		sr *= 2;
		es++;
	}
	put16(f, 4);
	put16(f + 2, (unsigned)len);
	put16(f + 6, (unsigned)(2 * segc));
	put16(f + 8, (unsigned)(2 * sr));
	put16(f + 10, (unsigned)es);
	put16(f + 12, (unsigned)(2 * segc - 2 * sr));
	char *end = f + 14, *beg = end + 2 * segc + 2, *delta = beg + 2 * segc;
	char *range = delta + 2 * segc, *glyph = range + 2 * segc;
	size_t s = 0, off = 0;

	for (i = 0; i < m->n; i = k, s++) {
		uint32_t lo = m->code[i];

		put16(beg + 2 * s, lo);
		put16(range + 2 * s, (unsigned)(2 * (segc - s + off)));
		for (k = i; k < m->n && (k == i || !start[k]); k++)
			put16(glyph + 2 * (off + m->code[k] - lo), m->gid[k]);
		put16(end + 2 * s, m->code[k - 1]);
		off += m->code[k - 1] - lo + 1;
	}
	put16(end + 2 * s, 0xFFFF);	/* the closing segment: glyph 0 */
	put16(beg + 2 * s, 0xFFFF);
	put16(delta + 2 * s, 1);
	free(start);
	return hb_blob_create(t, (unsigned)(12 + len), HB_MEMORY_MODE_WRITABLE,
	    t, free);
}

/*
 * The subset's bytes with the cmap of m in place of its own.  libharu
 * 2.3 writes the font's tables in a fixed order ending with prep, and
 * fails (error 0x1033) when prep is empty and the tables before it fill
 * a whole number of its 4 KB buffers: an unhinted subset gets a prep
 * that pushes a value and pops it, which does nothing.
 */
static hb_blob_t *
with_cmap(hb_face_t *sub, const struct code_map *m)
{
	static const char nop[] = { (char)0xB0, 0x00, 0x21 };
	hb_face_t	*b = hb_face_builder_create();
	hb_tag_t	 tags[64];
	unsigned	 ntag = 64, i;
	hb_blob_t	*blob = cmap_table(m);

	hb_face_builder_add_table(b, HB_TAG('c', 'm', 'a', 'p'), blob);
	hb_blob_destroy(blob);
	if (!has_table(sub, HB_TAG('p', 'r', 'e', 'p'))) {
		blob = hb_blob_create(nop, sizeof(nop), HB_MEMORY_MODE_READONLY,
		    NULL, NULL);
		hb_face_builder_add_table(b, HB_TAG('p', 'r', 'e', 'p'), blob);
		hb_blob_destroy(blob);
	}
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

static void
code_map_add(struct code_map *m, uint32_t code, unsigned gid)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 256;
		if ((m->code = realloc(m->code, m->cap * sizeof(*m->code))) ==
		    NULL || (m->gid = realloc(m->gid, m->cap *
		    sizeof(*m->gid))) == NULL)
			rp_out_of_memory();
	}
	m->code[m->n] = code;
	m->gid[m->n++] = gid;
}

/*
 * The codes the subset sub of face draws, and their glyphs: a shaped
 * face's private-use codes, else the characters themselves (those it has,
 * in the BMP).
 */
static void
code_map_make(struct code_map *m, hb_face_t *sub, const struct pdf_used *u,
    int face)
{
	hb_font_t	*font;
	hb_set_t	*all;
	hb_codepoint_t	 cp = HB_SET_VALUE_INVALID, gid, square = 0;
	size_t		 i;

	if (is_shaped(face)) {
		for (i = 0; i < u->ncode[face]; i++)
			code_map_add(m, CODE_BASE + (uint32_t)i,
			    u->code[face][i].gid);
		return;
	}
	font = hb_font_create(sub);
	all = hb_set_copy(u->set[face]);
	hb_set_add(all, ' ');
	hb_font_get_nominal_glyph(font, STAND_IN, &square);
	while (hb_set_next(all, &cp) && cp < 0x10000)
		if (hb_font_get_nominal_glyph(font, cp, &gid) && gid != 0)
			code_map_add(m, cp, gid);
		else if (square != 0)
			code_map_add(m, cp, square);
	hb_set_destroy(all);
	hb_font_destroy(font);
}

/*
 * libharu writes a CIDToGIDMap for all 65,536 codes; codes past the last
 * one drawn are never shown, so the map stops there.
 */
static int
short_gid_map(HPDF_Font font, const struct code_map *m)
{
	HPDF_FontAttr	 fa = font->attr;
	size_t		 n = m->n ? m->code[m->n - 1] + 1 : 1, i;
	unsigned char	*b = calloc(n, 2);
	int		 rc;

	if (b == NULL || fa->map_stream == NULL) {
		free(b);
		return -1;
	}
	for (i = 0; i < m->n; i++) {
		b[2 * m->code[i]] = (unsigned char)(m->gid[i] >> 8);
		b[2 * m->code[i] + 1] = (unsigned char)m->gid[i];
	}
	HPDF_MemStream_FreeData(fa->map_stream->stream);
	rc = HPDF_Stream_Write(fa->map_stream->stream, b, (HPDF_UINT)(2 * n));
	free(b);
	return rc == HPDF_OK ? 0 : -1;
}

/*
 * The widths of font's codes (/W), as libharu's CIDFontType2_New writes
 * them under the UTF-8 encoder (a code is its CID): for each code below
 * 0xFFFF, its glyph's advance where it differs from the default, runs of
 * consecutive codes in one array.  A code the subset lacks draws glyph 0,
 * whose advance is the default.
 */
static int
cid_widths(HPDF_Font font, const struct code_map *m)
{
	HPDF_FontAttr	 fa = font->attr;
	HPDF_FontDef	 def = fa->fontdef;
	HPDF_Array	 w, run = NULL;
	size_t		 i;
	int		 width;

	w = HPDF_Dict_GetItem(fa->descendant_font, "W", HPDF_OCLASS_ARRAY);
	if (w == NULL || HPDF_TTFontDef_GetGidWidth(def, 0) !=
	    def->missing_width)
		return -1;
	for (i = 0; i < m->n && m->code[i] < 0xFFFF; i++) {
		width = HPDF_TTFontDef_GetGidWidth(def,
		    (HPDF_UINT16)m->gid[i]);
		if (width == def->missing_width) {
			run = NULL;
			continue;
		}
		if (i > 0 && m->code[i - 1] + 1 != m->code[i])
			run = NULL;
		if (run == NULL && (HPDF_Array_AddNumber(w,
		    (HPDF_INT32)m->code[i]) != HPDF_OK ||
		    (run = HPDF_Array_New(font->mmgr)) == NULL ||
		    HPDF_Array_Add(w, run) != HPDF_OK))
			return -1;
		if (HPDF_Array_AddNumber(run, width) != HPDF_OK)
			return -1;
	}
	return 0;
}

/* The names a subset keeps: the copyright (0), and the subfamily (2)
 * and PostScript name (6) that libharu reads to name the font; the
 * rest (family, unique and full names, version) no reader of the PDF
 * looks at. */
static void
keep_names(hb_set_t *ids)
{
	hb_set_clear(ids);
	hb_set_add(ids, 0);
	hb_set_add(ids, 2);
	hb_set_add(ids, 6);
}

/*
 * The bytes of face subset to what u draws with it, its cmap made anew
 * (m, see cmap_segments); NULL with err set when HarfBuzz cannot.
 */
static hb_blob_t *
subset_blob(struct pdf_fonts *f, int face, const struct pdf_used *u,
    struct code_map *m, char *err, size_t errlen)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'),
	};
	hb_subset_input_t	*in;
	hb_face_t		*sub;
	hb_blob_t		*blob;
	unsigned		 i, flags = 0;

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
		hb_set_union(hb_subset_input_unicode_set(in), u->set[face]);
		hb_set_add(hb_subset_input_unicode_set(in), ' ');
		if (lacks_some(f, face, u->set[face]))
			hb_set_add(hb_subset_input_unicode_set(in), STAND_IN);
	}
	for (i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(hb_subset_input_set(in,
		    HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
	keep_names(hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID));
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
	/* A face read back from the bytes lists its tables. */
	blob = hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	sub = hb_face_create(blob, 0);
	hb_blob_destroy(blob);
	code_map_make(m, sub, u, face);
	blob = with_cmap(sub, m);
	hb_face_destroy(sub);
	return blob;
}

/*
 * Load font bytes into pdf from memory, as libharu's own
 * HPDF_LoadTTFontFromFile does from a file (2.3 has no loader from
 * memory): a file would cost a write, and a seek and a read for every
 * table libharu looks at.  The tag of the subset's name (HPDFAA, HPDFAB,
 * ...) is counted as libharu counts it.
 */
static const char *
load_blob(HPDF_Doc pdf, hb_blob_t *blob)
{
	const char	*data;
	unsigned	 len;
	HPDF_Stream	 s;
	HPDF_FontDef	 def;
	int		 i;

	data = hb_blob_get_data(blob, &len);
	/* One block, a byte longer than the font: libharu seeks to the end
	 * of a last empty glyph, which must fall in a block. */
	if ((s = HPDF_MemStream_New(pdf->mmgr, len + 1)) == NULL ||
	    HPDF_Stream_Write(s, (const HPDF_BYTE *)data, len) != HPDF_OK) {
		if (s != NULL)
			HPDF_Stream_Free(s);
		return NULL;
	}
	/* The definition owns the stream from here, freed or not. */
	if ((def = HPDF_TTFontDef_Load(pdf->mmgr, s, HPDF_TRUE)) == NULL)
		return NULL;
	if (HPDF_Doc_FindFontDef(pdf, def->base_font) != NULL ||
	    HPDF_List_Add(pdf->fontdef_list, def) != HPDF_OK) {
		HPDF_FontDef_Free(def);
		return NULL;
	}
	if (pdf->ttfont_tag[0] == 0)
		memcpy(pdf->ttfont_tag, "HPDFAA", 6);
	else
		for (i = 5; i >= 0; i--) {
			if (++pdf->ttfont_tag[i] <= 'Z')
				break;
			pdf->ttfont_tag[i] = 'A';
		}
	HPDF_TTFontDef_SetTagName(def, (char *)pdf->ttfont_tag);
	return def->base_font;
}

/*
 * The font of a loaded subset, made without libharu's three passes over
 * all 65,536 codes (each a walk of the cmap, a width and a copy, about
 * 10 M instructions a face): for the time it makes the font, the UTF-8
 * encoder wears the attributes of a CMap encoder with a single code (f's
 * one_code, its map made once, the rest the encoder's own), so the
 * passes are one step; then the widths (/W) are written as libharu
 * writes them, from the map the subset was made with.  (Its glyph map is
 * rewritten anyway: short_gid_map.)
 */
static HPDF_Font
font_of(struct pdf_fonts *f, HPDF_Doc pdf, const char *name,
    const struct code_map *m)
{
	HPDF_Encoder		 enc = HPDF_GetEncoder(pdf, "UTF-8");
	HPDF_CMapEncoderAttr	 ea, one;
	HPDF_Encoder_ToUnicode_Func to_unicode;
	HPDF_Font		 font;
	size_t			 tail = offsetof(HPDF_CMapEncoderAttr_Rec,
				    jww_line_head);

	if (enc == NULL)
		return NULL;
	if (f->one_code == NULL) {
		if ((f->one_code = calloc(1, sizeof(*f->one_code))) == NULL)
			return NULL;
		f->one_code->cid_map[0][1] = 1;
	}
	one = f->one_code;
	ea = enc->attr;
	one->unicode_map[0][1] = ea->unicode_map[0][1];
	memcpy((char *)one + tail, (char *)ea + tail, sizeof(*one) - tail);
	to_unicode = enc->to_unicode_fn;
	enc->attr = one;
	enc->to_unicode_fn = HPDF_CMapEncoder_ToUnicode;
	font = HPDF_GetFont(pdf, name, "UTF-8");
	enc->to_unicode_fn = to_unicode;
	enc->attr = ea;
	if (font != NULL && cid_widths(font, m) != 0)
		return NULL;
	return font;
}

/* Subset one face, load it into pdf and mend what libharu writes. */
static HPDF_Font
load_subset(struct pdf_fonts *f, int face, const struct pdf_used *u,
    HPDF_Doc pdf, char *err, size_t errlen)
{
	struct code_map	 m = { 0 };
	hb_blob_t	*blob;
	const char	*name = NULL;
	HPDF_Font	 font = NULL;
	int		 rc;

	*err = '\0';
	if ((blob = subset_blob(f, face, u, &m, err, errlen)) != NULL)
		name = load_blob(pdf, blob);
	hb_blob_destroy(blob);
	if (name != NULL)
		font = font_of(f, pdf, name, &m);
	if (font == NULL) {
		if (*err == '\0')
			snprintf(err, errlen, "font %s: libharu cannot embed "
			    "its subset (error 0x%04X)", f->face[face].path,
			    (unsigned)HPDF_GetError(pdf));
		free(m.code);
		free(m.gid);
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
		rc = 0;		/* its ToUnicode: share_tounicode */
	if (rc == 0)
		rc = short_gid_map(font, &m);
	free(m.code);
	free(m.gid);
	if (rc != 0) {
		snprintf(err, errlen, "font %s: cannot rewrite its ToUnicode "
		    "map, widths or glyph map", f->face[face].path);
		return NULL;
	}
	return font;
}

/* Font uses the ToUnicode map cmap; its own is hidden, which
 * pdf_libharu.c's writer leaves out (with its length). */
static void
use_tounicode(HPDF_Font font, HPDF_Dict cmap)
{
	HPDF_FontAttr	fa = font->attr;
	HPDF_Dict	own = HPDF_Dict_GetItem(font, "ToUnicode",
			    HPDF_OCLASS_DICT);
	HPDF_Obj_Header	*len;

	if (own == NULL || own == cmap)
		return;
	own->header.obj_id |= HPDF_OTYPE_HIDDEN;
	if ((len = HPDF_Dict_GetItem(own, "Length", HPDF_OCLASS_NUMBER)) !=
	    NULL)
		len->obj_id |= HPDF_OTYPE_HIDDEN;
	if (HPDF_Dict_Add(font, "ToUnicode", cmap) == HPDF_OK)
		fa->cmap_stream = cmap;
}

/*
 * The faces set character by character share one ToUnicode map: their
 * codes are the characters, so one map of all the characters they draw
 * serves each (a font is never given a code it does not draw).  One
 * stream instead of three is a kilobyte less for most documents.
 */
static int
share_tounicode(const struct pdf_fonts *f, const struct pdf_used *u,
    HPDF_Font out[PF__MAX])
{
	HPDF_Font	 first = NULL;
	hb_set_t	*all = hb_set_create();
	int		 i, rc = 0;

	for (i = 0; i < PF__MAX; i++)
		if (out[i] != NULL && f->face[i].alias == i && !is_shaped(i)) {
			hb_set_union(all, u->set[i]);
			if (first == NULL)
				first = out[i];
			else
				use_tounicode(out[i], HPDF_Dict_GetItem(first,
				    "ToUnicode", HPDF_OCLASS_DICT));
		}
	if (first != NULL)
		rc = fix_tounicode(first, all);
	hb_set_destroy(all);
	return rc;
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
	if (share_tounicode(f, u, out) != 0) {
		snprintf(err, errlen, "cannot write the fonts' ToUnicode map");
		return -1;
	}
	return 0;
}

void
pdf_fonts_unload(HPDF_Doc pdf)
{
	HPDF_UINT i;

	for (i = 0; pdf->fontdef_list != NULL &&
	    i < pdf->fontdef_list->count; i++)
		HPDF_FontDef_Free(HPDF_List_ItemAt(pdf->fontdef_list, i));
	if (pdf->fontdef_list != NULL)
		HPDF_List_Clear(pdf->fontdef_list);
}
