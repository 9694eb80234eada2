/* pdf_layout.c -- the PDF writer's line breaker and fonts: no overfull
 * line, kinsoku, long symbols, a glyph for every character of the
 * examples, and widths that agree with what libharu writes. */
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>

#include "hyphenate.h"
#include "pdf_fonts.h"
#include "pdf_layout.h"
#include "utf8.h"

static int failed;

static void
check(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	if (!cond)
		failed = 1;
}

/* Monospaced metrics: CJK 1 em, everything else half an em. */
static int
mono_face(void *ctx, uint32_t cp, int style, int cjk)
{
	(void)ctx;
	(void)cjk;
	return rp_is_cjk(cp) ? PF_CJK : style;
}

static int
mono_width(void *ctx, int face, uint32_t cp)
{
	(void)ctx;
	(void)cp;
	return face == PF_CJK ? 1000 : 500;
}

static const struct pl_metrics mono = { NULL, mono_face, mono_width, NULL };

static uint32_t
first_cp(const struct pl_para *p, size_t box)
{
	uint32_t cp = 0;

	rp_utf8_decode(p->text + p->box[box].off, p->box[box].len, &cp);
	return cp;
}

static uint32_t
last_cp(const struct pl_para *p, size_t box)
{
	size_t n;

	return rp_utf8_last(p->text + p->box[box].off, p->box[box].len, &n);
}

/* Every line fits once its glue has shrunk as far as it may. */
static int
fits(const struct pl_para *p, float first_w, float w)
{
	size_t	l, a = 0;

	for (l = 0; l < p->nline; a = p->brk[l++] + 1) {
		float	width = l ? w : first_w;
		float	nat = pl_natural(p, a, p->brk[l]), sh = 0;
		size_t	k;

		for (k = a; k < p->brk[l]; k++)
			sh += p->box[k].shrink;
		if (nat - sh > width + 0.01f)
			return 0;
	}
	return p->nline > 0 && p->brk[p->nline - 1] == p->nbox - 1;
}

static void
test_latin(void)
{
	struct pl_para	 p;
	const char	*s = "Reaffirms its unequivocal condemnation of all "
	    "acts, methods and practices of terrorism as criminal and "
	    "unjustifiable, regardless of their motivation, in all their "
	    "forms and manifestations, wherever and by whomever committed,";
	size_t		 l, a;
	float		 worst = 0;

	pl_para_init(&p, 0);
	pl_add(&p, &mono, s, strlen(s), 0, 10, 0, -1, -1);
	pl_fit(&p, &mono, 250);
	pl_break(&p, 230, 250, 1);
	check(p.nline >= 4 && fits(&p, 230, 250),
	    "latin: broken into lines, none overfull");
	for (l = 0, a = 0; l + 1 < p.nline; a = p.brk[l++] + 1) {
		float r = pl_ratio(&p, a, p.brk[l], l ? 250 : 230);

		if (r > worst)
			worst = r;
	}
	printf("# loosest line: %.2f of the stretch\n", (double)worst);
	check(worst < 1.5f, "latin: justified lines are not loose");
	pl_para_free(&p);
}

static void
test_cjk(void)
{
	struct pl_para	 p;
	/* Closing marks at every position a naive breaker would use. */
	const char	*s = "安全理事会，决定通过所附关于打击恐怖主义的宣言。"
	    "重申（“恐怖主义行为”）的威胁，《联合国宪章》和国际法；"
	    "第2617（2021）号决议、安全理事会主席致常驻代表的信。";
	size_t		 l, ok = 1;
	float		 w;

	for (w = 60; w <= 200; w += 10) {
		pl_para_init(&p, 1);
		pl_add(&p, &mono, s, strlen(s), 0, 10, 0, -1, -1);
		pl_fit(&p, &mono, w);
		pl_break(&p, w, w, 1);
		if (!fits(&p, w, w))
			ok = 0;
		for (l = 0; l + 1 < p.nline; l++) {
			size_t b = p.brk[l];

			if (rp_is_cjk_closing(first_cp(&p, b + 1)) ||
			    rp_is_cjk_opening(last_cp(&p, b)))
				ok = 0;
		}
		pl_para_free(&p);
	}
	check(ok, "cjk: no line starts with a closing mark or ends with an "
	    "opening one, none overfull, at 15 widths");
}

static void
test_long(void)
{
	struct pl_para	 p;
	const char	*s = "see A/CONF.203/18 and S/RES/1373(2001)/Corr.1/Add.2 "
	    "and averyveryverylongunbreakablewordthatisfartoowide end";

	pl_para_init(&p, 0);
	pl_add(&p, &mono, s, strlen(s), 0, 10, 0, -1, -1);
	pl_fit(&p, &mono, 60);
	pl_break(&p, 60, 60, 1);
	check(fits(&p, 60, 60), "long symbols and words never run into the "
	    "margin");
	pl_para_free(&p);
}

/* Every character of every example has a glyph in the face chosen for
 * it, asked of HarfBuzz's font API (not the coverage set used to choose). */
static void
test_glyphs(struct pdf_fonts *f, char *const paths[PF__MAX])
{
	glob_t		 g;
	hb_font_t	*font[PF__MAX];
	size_t		 i, k, n, total = 0, bad = 0;
	int		 cjk;

	for (i = 0; i < PF__MAX; i++) {
		hb_blob_t *b = hb_blob_create_from_file(paths[i]);
		hb_face_t *fc = hb_face_create(b, 0);

		font[i] = hb_font_create(fc);
		hb_face_destroy(fc);
		hb_blob_destroy(b);
	}
	if (glob("examples/*.txt", 0, NULL, &g) != 0) {
		check(0, "glyphs: examples/*.txt found");
		return;
	}
	for (i = 0; i < g.gl_pathc; i++) {
		FILE	*fp = fopen(g.gl_pathv[i], "rb");
		char	 buf[1 << 17];
		uint32_t cp;

		if (fp == NULL)
			continue;
		n = fread(buf, 1, sizeof(buf), fp);
		fclose(fp);
		cjk = strstr(g.gl_pathv[i], "zh") != NULL;
		for (k = 0; k < n;) {
			size_t	len = rp_utf8_decode(buf + k, n - k, &cp);
			int	face, style;
			hb_codepoint_t gid = 0;

			k += len ? len : 1;
			if (len == 0 || rp_is_space(cp) || cp < 0x20)
				continue;
			for (style = 0; style < 4; style++) {
				face = pdf_fonts_face(f, cp, style, cjk);
				total++;
				if (face < 0 || !hb_font_get_nominal_glyph(
				    font[face], cp, &gid) || gid == 0) {
					if (bad++ < 5)
						printf("# no glyph: U+%04X "
						    "style %d in %s\n",
						    (unsigned)cp, style,
						    g.gl_pathv[i]);
				}
			}
		}
	}
	globfree(&g);
	for (i = 0; i < PF__MAX; i++)
		hb_font_destroy(font[i]);
	check(total > 10000 && bad == 0, "glyphs: every character of the "
	    "examples has a glyph in its face, in all four styles");
}

/* The widths the breaker uses are those the embedded subset gets (for
 * faces set character by character; shaped ones: tests/t_scripts.sh). */
static void
test_widths(struct pdf_fonts *f)
{
	const char	*s = "Résolution 2231 (2015) – “Décidé” € 安全理事会，（决议）";
	struct pdf_used	*u = pdf_used_new();
	HPDF_Doc	 pdf = HPDF_New(NULL, NULL);
	HPDF_Font	 out[PF__MAX];
	char		 err[256], b[4];
	size_t		 k, len, same = 0, all = 0;
	uint32_t	 cp;
	int		 face;

	HPDF_UseUTFEncodings(pdf);
	HPDF_SetCurrentEncoder(pdf, "UTF-8");
	for (face = 0; face < PF__MAX; face++)
		pdf_used_add(u, face, s, strlen(s));
	if (pdf_fonts_load(f, u, pdf, out, err, sizeof(err)) != 0) {
		check(0, err);
		return;
	}
	for (face = 0; face < PF__MAX; face++)
		for (k = 0; s[k] && !pdf_fonts_shaped(f, face); k += len) {
			len = rp_utf8_decode(s + k, strlen(s + k), &cp);
			if (!pdf_fonts_has(f, face, cp))
				continue;
			rp_utf8_encode(cp, b);
			all++;
			if ((int)HPDF_Font_TextWidth(out[face],
			    (const HPDF_BYTE *)b, (HPDF_UINT)len).width ==
			    pdf_fonts_width(f, face, cp))
				same++;
		}
	check(all > 50 && same == all, "widths: full-font widths equal the "
	    "embedded subsets' widths");
	HPDF_Free(pdf);
	pdf_used_free(u);
}

/* The text of the box drawn at visual position i (glue skipped). */
static void
visual_words(const struct pl_para *p, char *out, size_t n)
{
	size_t	order[64], i, len = 0;

	pl_visual(p, 0, p->nbox - 1, order);
	for (i = 0; i < 2 * (p->nbox - 1) + 1 && len + 40 < n; i++) {
		const struct pl_box *b = &p->box[order[i] / 2];

		if (order[i] % 2) {
			out[len++] = '|';
			continue;
		}
		memcpy(out + len, p->text + b->off, b->len);
		len += b->len;
	}
	out[len] = '\0';
}

/* Right to left with an embedded symbol: the words of the Arabic run
 * reversed, the symbol (an isolate) kept left to right and whole. */
static void
test_bidi(void)
{
	struct pl_para	 p;
	char		 got[512];

	pl_para_init(&p, PL_ARABIC);
	pl_add(&p, &mono, "قرار مجلس ", strlen("قرار مجلس "), 0, 10, 0, -1,
	    -1);
	p.isolate = 1;
	pl_add(&p, &mono, "S/RES/381 (1975)", 16, 0, 10, 0, -1, -1);
	p.isolate = 0;
	pl_add(&p, &mono, " اليوم.", strlen(" اليوم."), 0, 10, 0, -1, -1);
	pl_bidi(&p, &mono);
	visual_words(&p, got, sizeof(got));
	check(p.rtl && strcmp(got, "اليوم.|S/|RES/|381|(1975)|مجلس|قرار") == 0,
	    "bidi: Arabic words right to left, the symbol left to right");
	if (strcmp(got, "اليوم.|S/|RES/|381|(1975)|مجلس|قرار") != 0)
		printf("# got %s\n", got);
	pl_para_free(&p);
	pl_para_init(&p, PL_LATIN);
	pl_add(&p, &mono, "Resolution 381 (1975)", 21, 0, 10, 0, -1, -1);
	pl_bidi(&p, &mono);
	visual_words(&p, got, sizeof(got));
	check(!p.rtl && strcmp(got, "Resolution|381|(1975)") == 0,
	    "bidi: left-to-right text stays in order");
	pl_para_free(&p);
}

/* Two symbols (isolates) in brackets after an Arabic word, "between"
 * between them; the boxes in visual order (the brackets as their
 * characters, not mirrored) go to got. */
static void
two_symbols(const char *between, char *got, size_t n)
{
	struct pl_para	 p;

	pl_para_init(&p, PL_ARABIC);
	pl_add(&p, &mono, "رسالتي (", strlen("رسالتي ("), 0, 10, 0, -1, -1);
	p.isolate = 1;
	pl_add(&p, &mono, "S/12600", 7, 0, 10, 0, -1, -1);
	p.isolate = 0;
	pl_add(&p, &mono, between, strlen(between), 0, 10, 0, -1, -1);
	p.isolate = 1;
	pl_add(&p, &mono, "S/12606", 7, 0, 10, 0, -1, -1);
	p.isolate = 0;
	pl_add(&p, &mono, ")", 1, 0, 10, 0, -1, -1);
	pl_bidi(&p, &mono);
	visual_words(&p, got, n);
	pl_para_free(&p);
}

/* Two symbols joined by Latin words are one left-to-right stretch, in
 * their order; joined by an Arabic word, each its own, right to left. */
static void
test_bidi_symbols(void)
{
	char got[512];

	two_symbols(" and ", got, sizeof(got));
	check(strcmp(got, ")S/|12600|and|S/|12606||(|رسالتي") == 0,
	    "bidi: two symbols joined by Latin words keep their order");
	if (strcmp(got, ")S/|12600|and|S/|12606||(|رسالتي") != 0)
		printf("# got %s\n", got);
	two_symbols(" و ", got, sizeof(got));
	check(strcmp(got, ")S/|12606||و|S/|12600|(|رسالتي") == 0,
	    "bidi: two symbols joined by an Arabic word, right to left");
	if (strcmp(got, ")S/|12606||و|S/|12600|(|رسالتي") != 0)
		printf("# got %s\n", got);
}

/* Hyphenation points: plain words only, past their punctuation, in the
 * pattern file's character set (Russian's is KOI8-R). */
static void
test_hyph_points(void)
{
	const rp_hyph	*en = rp_hyph_of("eng", "/usr/share/hyphen");
	const rp_hyph	*fr = rp_hyph_of("fra", "/usr/share/hyphen");
	const rp_hyph	*ru = rp_hyph_of("rus", "/usr/share/hyphen");
	const char	*not[] = { "UNESCO", "58/136", "organization2",
	    "https://www.un.org/documents", "e.g.", "self-determination" };
	const char	*w;
	uint32_t	 at[16];
	size_t		 n, i, bad = 0;

	check(en && fr && ru && !rp_hyph_of("zho", "/usr/share/hyphen") &&
	    !rp_hyph_of("ara", "/usr/share/hyphen"),
	    "hyphenation: patterns for en, fr, ru; none for zh, ar");
	w = "(international),";
	n = rp_hyph_points(en, w, strlen(w), at, 16);
	check(n >= 3 && at[0] == 3 && at[n - 1] <= strlen(w) - 2 - 3,
	    "hyphenation: in-ter-na-tional inside brackets, 2 and 3 letters");
	for (i = 0; i < sizeof(not) / sizeof(*not); i++)
		bad += rp_hyph_points(en, not[i], strlen(not[i]), at, 16);
	check(bad == 0, "hyphenation: no capitals, numbers, symbols, URLs, "
	    "abbreviations or compounds");
	w = "l\u2019organisation";
	n = rp_hyph_points(fr, w, strlen(w), at, 16);
	check(n > 0 && at[0] >= 4 + 2, "hyphenation: French, after l'");
	w = "Council\u2019s";
	n = rp_hyph_points(en, w, strlen(w), at, 16);
	check(n > 0 && at[n - 1] <= 7 - 3, "hyphenation: a possessive");
	w = "Международного";
	n = rp_hyph_points(ru, w, strlen(w), at, 16);
	for (i = 0, bad = 0; i < n; i++)
		bad += at[i] % 2 || at[i] < 4 || at[i] > strlen(w) - 4;
	check(n > 0 && bad == 0, "hyphenation: Russian, KOI8-R patterns");
}

/* Whether the lines keep the rules: none is a piece of a word alone, no
 * three in a row end in a hyphen, the last word is whole. */
static int
hyph_rules(const struct pl_para *p)
{
	size_t	l, a = 0, k, run = 0;

	for (l = 0; l < p->nline; a = p->brk[l++] + 1) {
		float st = 0;

		for (k = a; k < p->brk[l]; k++)
			st += p->box[k].stretch;
		run = p->box[p->brk[l]].hyphen > 0 ? run + 1 : 0;
		if (run > 2 || (run > 0 && st <= 0))
			return 0;
	}
	return p->box[p->nbox - 1].hyphen == 0;
}

static void
test_hyphenated(void)
{
	const rp_hyph	*en = rp_hyph_of("eng", "/usr/share/hyphen");
	struct pl_para	 p, q;
	const char	*s = "Reaffirming the internationally recognized "
	    "responsibilities of intergovernmental organizations and the "
	    "extraordinary importance of comprehensive implementation, "
	    "notwithstanding unprecedented administrative difficulties of "
	    "the representatives";
	const char	*easy = "Decides to remain seized of the matter.";
	size_t		 i, hy = 0, same;

	pl_para_init(&p, 0);
	pl_add(&p, &mono, s, strlen(s), 0, 10, 0, -1, -1);
	pl_fit(&p, &mono, 120);
	pl_break_hyphenated(&p, &mono, en, 120, 120);
	for (i = 0; i < p.nline; i++)
		hy += p.box[p.brk[i]].hyphen > 0;
	for (i = 1, same = p.box[0].off == 0; i < p.nbox; i++)
		same &= p.box[i].off >= p.box[i - 1].off + p.box[i - 1].len;
	printf("# %zu lines, %zu hyphenated\n", p.nline, hy);
	check(hy > 0 && fits(&p, 120, 120) && hyph_rules(&p) && same,
	    "hyphenated: fits, by the rules, text in order");
	pl_para_free(&p);
	/* A paragraph with no loose line: the lines pl_break makes. */
	pl_para_init(&p, 0);
	pl_para_init(&q, 0);
	pl_add(&p, &mono, easy, strlen(easy), 0, 10, 0, -1, -1);
	pl_add(&q, &mono, easy, strlen(easy), 0, 10, 0, -1, -1);
	pl_break_hyphenated(&p, &mono, en, 1000, 1000);
	pl_break(&q, 1000, 1000, 1);
	check(p.nbox == q.nbox && p.nline == q.nline &&
	    memcmp(p.brk, q.brk, p.nline * sizeof(*p.brk)) == 0,
	    "hyphenated: a paragraph that needs none is set as before");
	pl_para_free(&p);
	pl_para_free(&q);
}

int
main(void)
{
	char *paths[PF__MAX] = {
		"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
		"/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf",
		"/usr/share/fonts/truetype/arphic/uming.ttc",
		"/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf",
		"/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf",
	};
	struct pdf_fonts	*f;
	char			 err[256];

	test_latin();
	test_cjk();
	test_long();
	test_bidi();
	test_bidi_symbols();
	test_hyph_points();
	test_hyphenated();
	if ((f = pdf_fonts_new((const char *const *)paths, 0, 0, err,
	    sizeof(err))) == NULL) {
		check(0, err);
		return 1;
	}
	test_glyphs(f, paths);
	test_widths(f);
	pdf_fonts_free(f);
	f = pdf_fonts_new((const char *const[]){ "/nonexistent.ttf", paths[1],
	    paths[2], paths[3], paths[4], paths[5], paths[6] }, 0, 0, err,
	    sizeof(err));
	check(f == NULL && strstr(err, "/nonexistent.ttf") != NULL,
	    "a missing font is an error naming the file");
	return failed;
}
