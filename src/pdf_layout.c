/* pdf_layout.c -- boxes and glue from styled UTF-8, and an optimum-fit
 * line breaker over them (Knuth-Plass in spirit: the whole paragraph is
 * weighed, so no line gets the leftovers of a greedy choice). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "pdf_layout.h"
#include "hyphenate.h"
#include "arena.h"
#include "utf8.h"

void
pl_para_init(struct pl_para *p, int script)
{
	memset(p, 0, sizeof(*p));
	p->script = script;
}

void
pl_para_free(struct pl_para *p)
{
	free(p->text);
	free(p->box);
	free(p->brk);
	memset(p, 0, sizeof(*p));
}

static int
latin_closing(uint32_t cp)
{
	return cp != 0 && strchr(").,;:!?]}%", (int)cp) != NULL && cp < 128;
}

static int
latin_opening(uint32_t cp)
{
	return cp == '(' || cp == '[' || cp == '{';
}

/*
 * The Unicode spaces of a set width (UAX #14: U+2007 and U+202F do not
 * break, the others do), in 1/1000 em, or 0.  They are gaps, never
 * glyphs: most text faces lack them, and their width is Unicode's, not
 * the face's.  The figure and punctuation spaces take the face's '0' and
 * '.'.
 */
static int
fixed_space(const struct pl_metrics *m, int face, uint32_t cp, int *brk)
{
	static const short em[] = { 500, 1000, 500, 1000, 333, 250, 167,
	    -'0', -'.', 200, 100 };		/* U+2000 to U+200A */

	*brk = cp != 0x2007 && cp != 0x202F;
	if (cp == 0x202F)
		return 167;
	if (cp == 0x205F)
		return 222;			/* 4/18 em */
	if (cp < 0x2000 || cp > 0x200A)
		return 0;
	return em[cp - 0x2000] > 0 ? em[cp - 0x2000] :
	    m->width(m->ctx, face, (uint32_t)-em[cp - 0x2000]);
}

/* Spaces where a line may break as at a word space; no-break spaces
 * stay inside boxes. */
static int
breaking_space(uint32_t cp)
{
	return rp_is_space(cp) && cp != 0xA0 && cp != 0x3000 &&
	    cp != 0xFEFF && cp != 0x205F && cp != 0x202F &&
	    (cp < 0x2000 || cp > 0x200A);
}

/* A gap of w pt after the last box; it replaces a pending word space and
 * adds to a gap before it, and the line may end there if brk. */
static void
fixed_gap(struct pl_para *p, float w, int brk)
{
	struct pl_box *b;

	if (p->nbox == 0)
		return;
	b = &p->box[p->nbox - 1];
	if (!p->tab || p->space)
		b->glue = 0, b->brk = brk ? PB_GLUE : PB_NONE;
	else if (!brk)
		b->brk = PB_NONE;
	b->glue += w;
	b->stretch = b->shrink = 0;
	p->space = 0;
	p->tab = 1;
}

static uint32_t
last_cp(const struct pl_para *p, const struct pl_box *b)
{
	size_t n;

	return b->len ? rp_utf8_last(p->text + b->off, b->len, &n) : 0;
}

/* A box in a shaped face takes its width from the shaper. */
static void
shaped_width(const struct pl_para *p, const struct pl_metrics *m,
    struct pl_box *b, int rtl)
{
	float w;

	if (m->run != NULL && b->face >= 0 &&
	    (w = m->run(m->ctx, b->face, p->text + b->off, b->len, rtl)) >= 0)
		b->w = w * b->size / 1000.0f;
}

/* The face whose space and digits the gaps after box b take. */
static int
text_face(const struct pl_box *b)
{
	return b->face == PF_CJK || b->face < 0 ? PF_REGULAR : b->face;
}

/* The pending space becomes glue after the last box. */
static void
set_glue(struct pl_para *p, const struct pl_metrics *m)
{
	struct pl_box	*b = &p->box[p->nbox - 1];
	int		 face = text_face(b);
	float		 sw = (float)m->width(m->ctx, face, ' ') * b->size /
			    1000.0f;

	b->glue = sw;
	b->stretch = sw / 2;
	b->shrink = sw / 3;
	b->brk = PB_GLUE;
}

/* Count a character no face has; keep the first different ones. */
static void
note_missing(struct pl_para *p, uint32_t cp)
{
	int i;

	p->missing++;
	for (i = 0; i < p->nmissing_cp; i++)
		if (p->missing_cp[i] == cp)
			return;
	if (p->nmissing_cp < PL_MISSING)
		p->missing_cp[p->nmissing_cp++] = cp;
	else
		p->missing_more = 1;
}

/* What a character added to a paragraph is set in: its box's
 * attributes. */
struct look {
	int	 face, cjk, fake;
	float	 size, rise;
	int32_t	 link;
	int16_t	 note;
};

/* Whether a character in look k goes into a box of its own, not the
 * last one; pending: a break point after the last character. */
static int
new_box_for(const struct pl_para *p, const struct look *k, int pending)
{
	const struct pl_box *prev = p->nbox ? &p->box[p->nbox - 1] : NULL;

	return prev == NULL || p->space || p->tab || k->cjk || prev->cjk ||
	    pending || prev->face != k->face || prev->size != k->size ||
	    prev->rise != k->rise || prev->link != k->link ||
	    prev->note != k->note || prev->fakebold != k->fake ||
	    prev->isolate != (p->isolate > 0);
}

/* How the line may end after the last box, now that cp (in look k)
 * starts another: at a space, a pending break point (penalty pending),
 * between CJK characters; not before a closing or after an opening
 * mark, nor before a note's marker. */
static void
end_box(struct pl_para *p, const struct pl_metrics *m, const struct look *k,
    uint32_t cp, int pending)
{
	struct pl_box	*prev = &p->box[p->nbox - 1];
	uint32_t	 lc = last_cp(p, prev);
	int		 nobreak = rp_is_cjk_closing(cp) || latin_closing(cp) ||
			    rp_is_cjk_opening(lc) || latin_opening(lc);

	if (p->space) {
		set_glue(p, m);
		if (nobreak)
			prev->brk = PB_NONE;
	} else if (pending && !nobreak && k->note < 0) {
		prev->brk = PB_PEN;
		prev->penalty = (int16_t)pending;
	} else if ((k->cjk || prev->cjk) && !nobreak && k->note < 0) {
		/* CJK may break between any two characters, and its gaps
		 * stretch. */
		prev->brk = PB_GLUE;
		prev->stretch = k->size * 0.1f;
	} else if (k->cjk || prev->cjk)
		prev->stretch = k->size * 0.1f;
}

/* Start a box in look k. */
static void
start_box(struct pl_para *p, const struct look *k)
{
	struct pl_box *b;

	RP_GROW(p->box, p->nbox, p->boxcap);
	b = &p->box[p->nbox++];
	memset(b, 0, sizeof(*b));
	b->off = (uint32_t)p->tlen;
	b->face = (int8_t)k->face;
	b->fakebold = (uint8_t)k->fake;
	b->cjk = (uint8_t)k->cjk;
	b->note = k->note;
	b->link = k->link;
	b->size = k->size;
	b->rise = k->rise;
	b->isolate = p->isolate > 0;
	p->space = 0;
	p->tab = 0;
}

/* Append cp (its n UTF-8 bytes) to the last box, in look k.  Returns the
 * break point it leaves after it: long symbols and compounds may break
 * after / and -. */
static int
put_char(struct pl_para *p, const struct pl_metrics *m, const struct look *k,
    const char *bytes, size_t n, uint32_t cp)
{
	struct pl_box *b = &p->box[p->nbox - 1];

	/* The PDF's codes are of the BMP (libharu): past it, a character
	 * no face has is the white square in the text too. */
	if (cp >= 0x10000) {
		bytes = "\xE2\x96\xA1";
		n = 3;
		cp = 0x25A1;
	}
	while (p->tlen + n + 1 > p->tcap) {
		p->tcap = p->tcap ? p->tcap * 2 : 256;
		if ((p->text = realloc(p->text, p->tcap)) == NULL)
			rp_out_of_memory();
	}
	memcpy(p->text + p->tlen, bytes, n);
	p->tlen += n;
	p->text[p->tlen] = '\0';
	b->len += (uint32_t)n;
	b->w += (float)m->width(m->ctx, k->face, cp) * k->size / 1000.0f;
	if (k->cjk || b->len <= n)
		return 0;
	if (cp == '/')
		return 300;
	return cp == '-' || cp == 0x2010 || cp == 0x2013 ? 50 : 0;
}

/* A space or fixed gap at cp: 1 when cp was one (set as glue). */
static int
put_gap(struct pl_para *p, const struct pl_metrics *m, uint32_t cp,
    float size)
{
	int w, brk;

	if (breaking_space(cp)) {
		if (p->nbox > 0 && !p->tab)
			p->space = 1;
		return 1;
	}
	if ((w = fixed_space(m, p->nbox ? text_face(&p->box[p->nbox - 1]) :
	    PF_REGULAR, cp, &brk)) > 0) {
		fixed_gap(p, (float)w * size / 1000.0f, brk);
		return 1;
	}
	return 0;
}

void
pl_add(struct pl_para *p, const struct pl_metrics *m, const char *s,
    size_t n, int style, float size, float rise, int32_t link, int16_t note)
{
	size_t		 i = 0, k, first = p->nbox ? p->nbox - 1 : 0;
	uint32_t	 cp;
	int		 pending = 0;
	struct look	 lk = { 0, 0, 0, size, rise, link, note };

	while ((k = rp_utf8_next(s, n, &i, &cp)) > 0) {
		if (put_gap(p, m, cp, size)) {
			pending = 0;
			continue;
		}
		if ((lk.face = m->face(m->ctx, cp, style, p->script)) < 0) {
			/* The regular face draws it as a white square. */
			note_missing(p, cp);
			lk.face = PF_REGULAR;
		}
		lk.cjk = rp_is_cjk(cp);
		lk.fake = (style & PS_BOLD) && lk.face == PF_CJK;
		if (new_box_for(p, &lk, pending)) {
			if (p->nbox > 0 && !p->tab)
				end_box(p, m, &lk, cp, pending);
			start_box(p, &lk);
		}
		pending = put_char(p, m, &lk, s + i - k, k, cp);
	}
	/* Shaped faces: a word is not the sum of its letters. */
	for (k = first; k < p->nbox; k++)
		shaped_width(p, m, &p->box[k], p->script == PL_ARABIC);
}

void
pl_tab(struct pl_para *p, float w)
{
	struct pl_box *b;

	if (p->nbox == 0)
		return;
	b = &p->box[p->nbox - 1];
	b->glue = w;
	b->stretch = b->shrink = 0;
	b->brk = PB_NONE;
	p->space = 0;
	p->tab = 1;
}

/* Whether s has a letter of one direction: right to left (rtl 1), left
 * to right (0). */
static int
has_strong(const char *s, size_t n, int rtl)
{
	size_t		i = 0;
	uint32_t	cp;

	while (rp_utf8_next(s, n, &i, &cp))
		if (FRIBIDI_IS_STRONG(fribidi_get_bidi_type(cp)) &&
		    !FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp)) == !rtl)
			return 1;
	return 0;
}

int
pl_has_rtl(const char *s, size_t n)
{
	return has_strong(s, n, 1);
}

/* Width of a piece of box b, measured afresh. */
static float
piece_width(const struct pl_para *p, const struct pl_metrics *m,
    struct pl_box *b)
{
	size_t		i = b->off;
	uint32_t	cp;

	b->w = 0;
	while (rp_utf8_next(p->text, b->off + b->len, &i, &cp))
		b->w += (float)m->width(m->ctx, b->face, cp) * b->size / 1000.0f;
	shaped_width(p, m, b, b->level & 1);
	return b->w;
}

/* A paragraph as one string for FriBidi: its boxes, a space for each
 * glue, isolate marks around isolates (first strong: a symbol is
 * left to right, "217 ألف (د-3)" right to left); owner[k] is the
 * text offset of str[k], -1 for a mark, -2 - i for box i's glue. */
struct bidi_text {
	FriBidiChar	*str;
	FriBidiLevel	*levels;
	size_t		*owner;
	size_t		 n;
};

static void
bidi_put(struct bidi_text *t, size_t owner, uint32_t cp)
{
	t->owner[t->n] = owner;
	t->str[t->n++] = cp;
}

/*
 * Which boxes of p go into isolates, each of the direction of its first
 * strong letter (a citation in Arabic words stays right to left): the
 * symbols', and the boxes between two symbols that hold Latin words and
 * no right-to-left letter ("(S/12600 and S/12606)" is one isolate, whose symbols stay in
 * their order; "S/12600 و S/12606" two).
 */
static char *
isolated_boxes(const struct pl_para *p)
{
	char	*iso = calloc(p->nbox + 1, 1);
	size_t	 i, j;
	int	 latin;

	if (iso == NULL)
		abort();
	for (i = 0; i < p->nbox; i++)
		iso[i] = p->box[i].isolate;
	for (i = 0; i < p->nbox; i++) {
		if (!iso[i] || iso[i + 1])
			continue;	/* not the last box of a symbol */
		latin = 0;
		for (j = i + 1; j < p->nbox && !p->box[j].isolate; j++) {
			const struct pl_box *b = &p->box[j];

			if (has_strong(p->text + b->off, b->len, 1))
				break;
			latin |= has_strong(p->text + b->off, b->len, 0);
		}
		if (j < p->nbox && p->box[j].isolate && latin)
			memset(iso + i + 1, 1, j - i - 1);
	}
	return iso;
}

static void
bidi_text(struct bidi_text *t, const struct pl_para *p)
{
	size_t		 cap = p->tlen + 3 * p->nbox + 1, i, j, k;
	uint32_t	 cp;
	char		*iso = isolated_boxes(p);

	t->str = calloc(cap, sizeof(*t->str));
	t->levels = calloc(cap, sizeof(*t->levels));
	t->owner = calloc(cap, sizeof(*t->owner));
	if (!t->str || !t->levels || !t->owner)
		rp_out_of_memory();
	t->n = 0;
	for (i = 0; i < p->nbox; i++) {
		const struct pl_box *b = &p->box[i];

		if (iso[i] && (i == 0 || !iso[i - 1]))
			bidi_put(t, (size_t)-1, 0x2068);	/* FSI */
		for (j = b->off; j < b->off + b->len; j += k) {
			k = rp_utf8_get(p->text + j, b->off + b->len - j, &cp,
			    0xFFFD);
			bidi_put(t, j, cp);
		}
		if (iso[i] && !iso[i + 1])
			bidi_put(t, (size_t)-1, 0x2069);	/* PDI */
		if (b->glue > 0 || b->brk == PB_GLUE)
			bidi_put(t, (size_t)-2 - i, ' ');
	}
	free(iso);
}

/* The embedding level of each character of t; all at the paragraph's
 * own level when FriBidi fails. */
static void
bidi_levels(struct bidi_text *t, int rtl)
{
	FriBidiCharType		*types = calloc(t->n + 1, sizeof(*types));
	FriBidiBracketType	*brackets = calloc(t->n + 1, sizeof(*brackets));
	FriBidiParType		 base = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	FriBidiStrIndex		 n = (FriBidiStrIndex)t->n;

	if (!types || !brackets)
		rp_out_of_memory();
	fribidi_get_bidi_types(t->str, n, types);
	fribidi_get_bracket_types(t->str, n, types, brackets);
	if (fribidi_get_par_embedding_levels_ex(types, brackets, n, &base,
	    t->levels) == 0)
		memset(t->levels, rtl, t->n * sizeof(*t->levels));
	free(types);
	free(brackets);
}

/* Box b's piece [start, end) at level lv, appended to the new boxes. */
static struct pl_box *
bidi_piece(struct pl_box **nb, size_t *nn, size_t *ncap,
    const struct pl_box *b, size_t start, size_t end, int lv)
{
	struct pl_box *piece;

	RP_GROW(*nb, *nn, *ncap);
	piece = &(*nb)[(*nn)++];
	*piece = *b;
	piece->off = (uint32_t)start;
	piece->len = (uint32_t)(end - start);
	piece->level = piece->glevel = (uint8_t)lv;
	return piece;
}

/* Cut the boxes of p where the level changes; glue takes its space's
 * level. */
static void
bidi_cut(struct pl_para *p, const struct pl_metrics *m,
    const struct bidi_text *t)
{
	struct pl_box	*nb = NULL, *piece;
	size_t		 nn = 0, ncap = 0, i, j, start, end;
	int		 lv;

	for (i = 0, j = 0; i < p->nbox; i++) {
		const struct pl_box *b = &p->box[i];

		start = b->off;
		end = b->off + b->len;
		lv = -1;
		for (; j < t->n && t->owner[j] == (size_t)-1; j++)
			continue;
		for (; j < t->n && t->owner[j] < end; lv = t->levels[j++]) {
			if (lv < 0 || t->levels[j] == lv)
				continue;
			piece = bidi_piece(&nb, &nn, &ncap, b, start,
			    t->owner[j], lv);
			piece->brk = PB_NONE;
			piece->glue = piece->stretch = piece->shrink = 0;
			piece_width(p, m, piece);
			start = t->owner[j];
		}
		for (; j < t->n && t->owner[j] == (size_t)-1; j++)
			continue;
		piece = bidi_piece(&nb, &nn, &ncap, b, start, end,
		    lv < 0 ? p->rtl : lv);
		if (j < t->n && t->owner[j] == (size_t)-2 - i)
			piece->glevel = t->levels[j++];
		if (start != b->off || (piece->level & 1))
			piece_width(p, m, piece);
	}
	free(p->box);
	p->box = nb;
	p->nbox = nn;
	p->boxcap = ncap;
}

void
pl_bidi(struct pl_para *p, const struct pl_metrics *m)
{
	struct bidi_text t;

	if (p->nbox == 0 || !pl_has_rtl(p->text, p->tlen))
		return;
	p->rtl = p->script == PL_ARABIC;
	bidi_text(&t, p);
	bidi_levels(&t, p->rtl);
	bidi_cut(p, m, &t);
	free(t.str);
	free(t.levels);
	free(t.owner);
}

void
pl_visual(const struct pl_para *p, size_t a, size_t b, size_t *order)
{
	size_t	n = 2 * (b - a) + 1, i, s, e;
	int	hi = 0, lo = 255, lv;

	/* Item 2i is box a + i, item 2i + 1 the glue after it. */
	for (i = 0; i < n; i++) {
		const struct pl_box *x = &p->box[a + i / 2];

		order[i] = i;
		lv = i % 2 ? x->glevel : x->level;
		if (lv > hi)
			hi = lv;
		if ((lv & 1) && lv < lo)
			lo = lv;
	}
	/* L2: from the highest level down to the lowest odd one, reverse
	 * every run at that level or higher. */
	for (lv = hi; lv >= lo && lv > 0; lv--)
		for (s = 0; s < n; s = e) {
			int l;

			for (; s < n; s++) {
				const struct pl_box *x = &p->box[a + order[s] / 2];

				l = order[s] % 2 ? x->glevel : x->level;
				if (l >= lv)
					break;
			}
			for (e = s; e < n; e++) {
				const struct pl_box *x = &p->box[a + order[e] / 2];

				l = order[e] % 2 ? x->glevel : x->level;
				if (l < lv)
					break;
			}
			for (i = 0; i < (e - s) / 2; i++) {
				size_t t = order[s + i];

				order[s + i] = order[e - 1 - i];
				order[e - 1 - i] = t;
			}
		}
}

void
pl_fit(struct pl_para *p, const struct pl_metrics *m, float max)
{
	size_t		 i, j, k;
	struct pl_box	*nb = NULL;
	size_t		 nn = 0, ncap = 0;
	uint32_t	 cp;

	for (i = 0; i < p->nbox && p->box[i].w <= max; i++)
		continue;
	if (i == p->nbox)
		return;
	for (i = 0; i < p->nbox; i++) {
		struct pl_box b = p->box[i];

		if (b.w <= max) {
			RP_GROW(nb, nn, ncap);
			nb[nn++] = b;
			continue;
		}
		/* Too wide for any line: one box per character, breakable
		 * anywhere at a high cost. */
		for (j = b.off; j < b.off + b.len; j += k) {
			k = rp_utf8_get(p->text + j, b.off + b.len - j, &cp,
			    0xFFFD);
			RP_GROW(nb, nn, ncap);
			nb[nn] = b;
			nb[nn].off = (uint32_t)j;
			nb[nn].len = (uint32_t)k;
			nb[nn].w = (float)m->width(m->ctx, b.face, cp) *
			    b.size / 1000.0f;
			if (j + k < b.off + b.len) {
				nb[nn].brk = PB_PEN;
				nb[nn].penalty = 900;
				nb[nn].glue = nb[nn].stretch = nb[nn].shrink = 0;
			}
			nn++;
		}
	}
	free(p->box);
	p->box = nb;
	p->nbox = nn;
	p->boxcap = ncap;
}

float
pl_natural(const struct pl_para *p, size_t a, size_t b)
{
	float	w = p->box[b].hyphen;
	size_t	i;

	for (i = a; i <= b; i++)
		w += p->box[i].w + (i < b ? p->box[i].glue : 0);
	return w;
}

float
pl_ratio(const struct pl_para *p, size_t a, size_t b, float w)
{
	float	nat = p->box[b].hyphen, st = 0, sh = 0;
	size_t	i;

	for (i = a; i <= b; i++) {
		nat += p->box[i].w;
		if (i < b) {
			nat += p->box[i].glue;
			st += p->box[i].stretch;
			sh += p->box[i].shrink;
		}
	}
	if (nat < w)
		return st > 0 ? (w - nat) / st : 0;
	if (sh > 0)
		return (w - nat) / sh < -1 ? -1 : (w - nat) / sh;
	return 0;
}

float
pl_glue(const struct pl_box *b, float r)
{
	return b->glue + r * (r >= 0 ? b->stretch : b->shrink);
}

/* The most lines in a row that may end in a hyphen, and so the states
 * of a break: how many lines before it in a row end in one. */
#define HYPH_RUN	2
#define NSTATE		(HYPH_RUN + 1)
#define NOWHERE		((size_t)-1)

/* Running sums over the boxes: W[j] natural width (glue included), S[j]
 * stretch, K[j] shrink of boxes 0..j-1. */
struct sums {
	double	*W, *S, *K;
};

/* 100 r^k, the badness of a line whose glue is set at ratio r, at most
 * 10000: computed only under the cap, which most lines tried, far too
 * loose, pass (10000 is 100 r^3 at r 4.64, 100 r^2 at r 10). */
static double
badness(double r, int k)
{
	if (r > (k == 3 ? 4.7 : 10.1))
		return 10000;
	return 100 * (k == 3 ? r * r * r : r * r);
}

/*
 * Demerits of the line of boxes a..j in width (the last line is set
 * natural), or -1 when it cannot shrink to width.
 */
static double
line_cost(const struct pl_para *p, const struct sums *s, size_t a, size_t j,
    double width, int justify)
{
	const struct pl_box	*e = &p->box[j];
	int			 last = j == p->nbox - 1;
	double			 nat, st, sh, bad, pen;

	nat = s->W[j + 1] - s->W[a] - e->glue + e->hyphen;
	st = s->S[j + 1] - s->S[a] - e->stretch;
	sh = s->K[j + 1] - s->K[a] - e->shrink;
	if (nat - sh > width + 0.01)
		return -1;
	if (nat <= width) {
		double slack = width - nat;

		if (last)
			bad = 0;
		else if (justify)
			bad = st > 0 ? badness(slack / st, 3) :
			    slack > 1 ? 10000 : 0;
		else
			bad = badness(slack / (width * 0.3), 2);
	} else
		bad = badness((nat - width) / sh, 3);
	if (bad > 10000)
		bad = 10000;
	pen = e->brk == PB_PEN && !last ? e->penalty : 0;
	return (1 + bad) * (1 + bad) + pen * pen;
}

/*
 * The best lines ending after box j, from every earlier break a (state
 * a * NSTATE + hyphenated lines before it) into best[] and from[].
 */
static void
lines_to(const struct pl_para *p, const struct sums *s, size_t j,
    double first_w, double w, int justify, double *best, size_t *from)
{
	const struct pl_box	*e = &p->box[j];
	int			 hy = e->hyphen > 0 && j < p->nbox - 1;
	size_t			 fallback[NSTATE], a, h, to, at;
	size_t			 hmax = hy ? NSTATE - 1 : NSTATE;
	int			 found[NSTATE] = { 0 };
	double			 d;

	for (h = 0; h < NSTATE; h++)
		fallback[h] = NOWHERE;
	for (a = j + 1; a-- > 0;) {
		if (a > 0 && p->box[a - 1].brk == PB_NONE)
			continue;
		/* State h before the line is state hy ? h + 1 : 0 after
		 * it; a line ending in a hyphen after the most in a row
		 * has none. */
		for (h = 0; h < hmax; h++)
			if (best[a * NSTATE + h] != HUGE_VAL &&
			    fallback[hy ? h + 1 : 0] == NOWHERE)
				fallback[hy ? h + 1 : 0] = a * NSTATE + h;
		d = line_cost(p, s, a, j, a == 0 ? first_w : w, justify);
		if (d < 0)
			break;
		/* A piece of a word is never a line of its own. */
		if (hy && s->S[j] - s->S[a] <= 0)
			continue;
		for (h = 0; h < hmax; h++) {
			at = a * NSTATE + h;
			if (best[at] == HUGE_VAL)
				continue;
			to = (j + 1) * NSTATE + (hy ? h + 1 : 0);
			if (best[at] + d < best[to]) {
				best[to] = best[at] + d;
				from[to] = at;
			}
			found[hy ? h + 1 : 0] = 1;
		}
	}
	/* Nothing fits (a run with no break inside is too wide): take the
	 * shortest overfull line rather than none. */
	for (h = 0; h < NSTATE; h++)
		if (!found[h] && fallback[h] != NOWHERE) {
			best[(j + 1) * NSTATE + h] = best[fallback[h]] + 1e12;
			from[(j + 1) * NSTATE + h] = fallback[h];
		}
}

/* The breaks of the best way to the end, in order, into p->brk. */
static void
list_breaks(struct pl_para *p, const double *best, const size_t *from)
{
	size_t	n = p->nbox, end = n * NSTATE, h, at, count = 0;

	for (h = 1; h < NSTATE; h++)
		if (best[n * NSTATE + h] < best[end])
			end = n * NSTATE + h;
	for (at = end; at >= NSTATE; at = from[at])
		count++;
	if (count > p->brkcap) {
		if ((p->brk = realloc(p->brk, count * sizeof(*p->brk))) == NULL)
			rp_out_of_memory();
		p->brkcap = count;
	}
	p->nline = count;
	for (at = end; at >= NSTATE; at = from[at])
		p->brk[--count] = at / NSTATE - 1;
}

void
pl_break(struct pl_para *p, float first_w, float w, int justify)
{
	size_t		 n = p->nbox, j;
	double		*best;
	size_t		*from;
	struct sums	 s;

	p->nline = 0;
	if (n == 0)
		return;
	s.W = calloc(n + 1, sizeof(*s.W));
	s.S = calloc(n + 1, sizeof(*s.S));
	s.K = calloc(n + 1, sizeof(*s.K));
	best = calloc((n + 1) * NSTATE, sizeof(*best));
	from = calloc((n + 1) * NSTATE, sizeof(*from));
	if (!s.W || !s.S || !s.K || !best || !from)
		rp_out_of_memory();
	for (j = 0; j < n; j++) {
		s.W[j + 1] = s.W[j] + p->box[j].w + p->box[j].glue;
		s.S[j + 1] = s.S[j] + p->box[j].stretch;
		s.K[j + 1] = s.K[j] + p->box[j].shrink;
	}
	/* best[(j + 1) * NSTATE + h]: least demerits of lines ending after
	 * box j, h of them in a row ending in a hyphen. */
	for (j = 1; j < (n + 1) * NSTATE; j++)
		best[j] = HUGE_VAL;
	for (j = 0; j < n; j++)
		if (p->box[j].brk != PB_NONE || j == n - 1)
			lines_to(p, &s, j, first_w, w, justify, best, from);
	list_breaks(p, best, from);
	free(s.W);
	free(s.S);
	free(s.K);
	free(best);
	free(from);
}

/* ------------------------------------------------------- hyphenation */

/* Cost of ending a line at a hyphenation point: a line of glue ratio 1
 * costs about as much, so a word is cut only where it mends a line. */
#define HYPHEN_PENALTY	100

/* Whether line k (boxes a..b) is a fault a hyphen could mend: not the
 * last, and too loose to justify, ragged (nothing to stretch) or
 * overfull. */
static int
faulty(const struct pl_para *p, size_t k, float first_w, float w)
{
	size_t	a = k ? p->brk[k - 1] + 1 : 0, b = p->brk[k], i;
	float	width = k ? w : first_w, nat = pl_natural(p, a, b), st = 0;

	if (k + 1 >= p->nline)
		return 0;
	for (i = a; i < b; i++)
		st += p->box[i].stretch;
	if (nat > width + 0.01f)
		return 1;
	return st > 0 ? (width - nat) / st > PL_LOOSE : width - nat > 1;
}

/* Whether box i is a whole word set plainly: a text face, not raised,
 * between word spaces, not the paragraph's last word. */
static int
hyphenable(const struct pl_para *p, size_t i, size_t last_word)
{
	const struct pl_box *b = &p->box[i];

	return i < last_word && b->face >= 0 && b->face < PF_CJK &&
	    !b->cjk && b->rise == 0 && b->level == 0 &&
	    (i == 0 || p->box[i - 1].brk == PB_GLUE ||
	    p->box[i - 1].glue > 0) &&
	    (b->brk == PB_GLUE || b->glue > 0 || p->box[i + 1].note >= 0);
}

/* Box i cut at the points at[0..n) (offsets in it) into new boxes. */
static void
cut_box(const struct pl_para *p, const struct pl_metrics *m, size_t i,
    const uint32_t *at, size_t n, struct pl_box **nb, size_t *nn,
    size_t *ncap)
{
	struct pl_box	b = p->box[i];
	size_t		k;

	if (n == 0) {
		RP_GROW(*nb, *nn, *ncap);
		(*nb)[(*nn)++] = b;
		return;
	}
	for (k = 0; k <= n; k++) {
		struct pl_box *c;

		RP_GROW(*nb, *nn, *ncap);
		c = &(*nb)[(*nn)++];
		*c = b;
		c->off = b.off + (k ? at[k - 1] : 0);
		c->len = (k < n ? b.off + at[k] : b.off + b.len) - c->off;
		piece_width(p, m, c);
		if (k == n)
			break;
		c->brk = PB_PEN;
		c->penalty = HYPHEN_PENALTY;
		c->glue = c->stretch = c->shrink = 0;
		c->hyphen = (float)m->width(m->ctx, b.face, '-') * b.size /
		    1000.0f;
	}
}

/* Mark the boxes of each faulty line and of the line after it: there a
 * word may be cut.  Returns how many lines are faulty. */
static size_t
mark_faults(const struct pl_para *p, float first_w, float w, char *near)
{
	size_t k, i, a, b, faults = 0;

	for (k = 0; k < p->nline; k++) {
		if (!faulty(p, k, first_w, w))
			continue;
		faults++;
		a = k ? p->brk[k - 1] + 1 : 0;
		b = p->brk[k + 1];	/* a faulty line is never the last */
		for (i = a; i <= b; i++)
			near[i] = 1;
	}
	return faults;
}

/* Cut the words of faulty lines and of the line after each at their
 * hyphenation points; returns how many points were added, and the boxes
 * as they were in *old when there are any. */
static size_t
add_points(struct pl_para *p, const struct pl_metrics *m, const rp_hyph *h,
    float first_w, float w, struct pl_box **old)
{
	struct pl_box	*nb = NULL;
	size_t		 nn = 0, ncap = 0, added = 0, i, n, last_word = 0;
	uint32_t	 at[16];
	char		*near;

	if ((near = calloc(p->nbox, 1)) == NULL)
		rp_out_of_memory();
	for (i = 0; i + 1 < p->nbox; i++)
		if (p->box[i].brk == PB_GLUE)
			last_word = i + 1;
	if (mark_faults(p, first_w, w, near) > 0)
		for (i = 0; i < p->nbox; i++) {
			n = near[i] && hyphenable(p, i, last_word) ?
			    rp_hyph_points(h, p->text + p->box[i].off,
			    p->box[i].len, at, 16) : 0;
			added += n;
			cut_box(p, m, i, at, n, &nb, &nn, &ncap);
		}
	free(near);
	if (added == 0) {
		free(nb);
		return 0;
	}
	*old = p->box;
	p->box = nb;
	p->nbox = nn;
	p->boxcap = ncap;
	return added;
}

/* Piece b goes on from piece to: one box again, which ends as b does
 * (its break, glue and hyphen). */
static void
join(struct pl_box *to, const struct pl_box *b)
{
	struct pl_box head = *to;

	*to = *b;
	to->off = head.off;
	to->len = head.len + b->len;
	to->w = head.w + b->w;
}

/* Join again the pieces of words the lines do not end in; returns how
 * many lines end in a hyphen. */
static int
join_unused(struct pl_para *p)
{
	size_t	i, k = 0, nn = 0;
	int	hyphenated = 0, goes_on = 0;

	for (i = 0; i < p->nbox; i++) {
		struct pl_box	 b = p->box[i];
		int		 end = k < p->nline && p->brk[k] == i;

		if (goes_on)
			join(&p->box[nn - 1], &b);
		else
			p->box[nn++] = b;
		goes_on = b.hyphen > 0 && !end;
		if (end) {
			hyphenated += b.hyphen > 0;
			p->brk[k++] = nn - 1;
		}
	}
	p->nbox = nn;
	return hyphenated;
}

/* Whether every box is left to right in a face set character by
 * character. */
static int
plain(const struct pl_para *p)
{
	size_t i;

	for (i = 0; i < p->nbox; i++)
		if (p->box[i].level != 0 || p->box[i].face >= PF_ARABIC)
			return 0;
	return !p->rtl;
}

int
pl_break_hyphenated(struct pl_para *p, const struct pl_metrics *m,
    const rp_hyph *h, float first_w, float w)
{
	struct pl_box	*old = NULL;
	size_t		 nold = p->nbox, capold = p->boxcap;
	int		 n;

	pl_break(p, first_w, w, 1);
	if (h == NULL || p->nline < 2 || !plain(p) ||
	    add_points(p, m, h, first_w, w, &old) == 0)
		return 0;
	pl_break(p, first_w, w, 1);
	if ((n = join_unused(p)) > 0) {
		free(old);
		return n;
	}
	/* No hyphen helped: the boxes as they were (the same lines). */
	free(p->box);
	p->box = old;
	p->nbox = nold;
	p->boxcap = capold;
	return 0;
}
