/* pdf_layout.c -- boxes and glue from styled UTF-8, and an optimum-fit
 * line breaker over them (Knuth-Plass in spirit: the whole paragraph is
 * weighed, so no line gets the leftovers of a greedy choice). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <fribidi.h>

#include "pdf_layout.h"
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

void
pl_add(struct pl_para *p, const struct pl_metrics *m, const char *s,
    size_t n, int style, float size, float rise, int32_t link, int16_t note)
{
	size_t		 i = 0, k, first = p->nbox ? p->nbox - 1 : 0;
	uint32_t	 cp;
	int		 face, cjk, pending = 0, w, brk;

	while ((k = rp_utf8_next(s, n, &i, &cp)) > 0) {
		if (breaking_space(cp)) {
			if (p->nbox > 0 && !p->tab)
				p->space = 1;
			pending = 0;
			continue;
		}
		face = m->face(m->ctx, cp, style, p->script);
		if ((w = fixed_space(m, p->nbox ? text_face(&p->box[p->nbox -
		    1]) : PF_REGULAR, cp, &brk)) > 0) {
			fixed_gap(p, (float)w * size / 1000.0f, brk);
			pending = 0;
			continue;
		}
		if (face < 0) {
			if (p->missing++ == 0)
				p->first_missing = cp;
			face = PF_CJK;
		}
		cjk = rp_is_cjk(cp);
		struct pl_box *prev = p->nbox ? &p->box[p->nbox - 1] : NULL;
		int fake = (style & PS_BOLD) && face == PF_CJK;

		if (prev == NULL || p->space || p->tab || cjk || prev->cjk ||
		    pending ||
		    prev->face != face || prev->size != size ||
		    prev->rise != rise || prev->link != link ||
		    prev->note != note || prev->fakebold != fake ||
		    prev->isolate != (p->isolate > 0)) {
			if (prev != NULL && !p->tab) {
				uint32_t lc = last_cp(p, prev);
				int nobreak = rp_is_cjk_closing(cp) ||
				    latin_closing(cp) ||
				    rp_is_cjk_opening(lc) || latin_opening(lc);

				if (p->space) {
					set_glue(p, m);
					if (nobreak)
						prev->brk = PB_NONE;
				} else if (pending && !nobreak && note < 0) {
					prev->brk = PB_PEN;
					prev->penalty = (int16_t)pending;
				} else if ((cjk || prev->cjk) && !nobreak &&
				    note < 0) {
					/* CJK may break between any two
					 * characters, and its gaps stretch. */
					prev->brk = PB_GLUE;
					prev->stretch = size * 0.1f;
				} else if (cjk || prev->cjk)
					prev->stretch = size * 0.1f;
			}
			RP_GROW(p->box, p->nbox, p->boxcap);
			struct pl_box *b = &p->box[p->nbox++];

			memset(b, 0, sizeof(*b));
			b->off = (uint32_t)p->tlen;
			b->face = (int8_t)face;
			b->fakebold = (uint8_t)fake;
			b->cjk = (uint8_t)cjk;
			b->note = note;
			b->link = link;
			b->size = size;
			b->rise = rise;
			b->isolate = p->isolate > 0;
			p->space = 0;
			p->tab = 0;
			pending = 0;
		}
		struct pl_box *b = &p->box[p->nbox - 1];

		while (p->tlen + k + 1 > p->tcap) {
			p->tcap = p->tcap ? p->tcap * 2 : 256;
			if ((p->text = realloc(p->text, p->tcap)) == NULL)
				abort();
		}
		memcpy(p->text + p->tlen, s + i - k, k);
		p->tlen += k;
		p->text[p->tlen] = '\0';
		b->len += (uint32_t)k;
		b->w += (float)m->width(m->ctx, face, cp) * size / 1000.0f;
		/* Long symbols and compounds may break after / and -. */
		if (!cjk && b->len > k) {
			if (cp == '/')
				pending = 300;
			else if (cp == '-' || cp == 0x2010 || cp == 0x2013)
				pending = 50;
		}
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

int
pl_has_rtl(const char *s, size_t n)
{
	size_t		i = 0;
	uint32_t	cp;

	while (rp_utf8_next(s, n, &i, &cp))
		if (FRIBIDI_IS_RTL(fribidi_get_bidi_type(cp)) &&
		    FRIBIDI_IS_STRONG(fribidi_get_bidi_type(cp)))
			return 1;
	return 0;
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

void
pl_bidi(struct pl_para *p, const struct pl_metrics *m)
{
	FriBidiChar	*str;
	FriBidiCharType	*types;
	FriBidiBracketType *brackets;
	FriBidiLevel	*levels;
	FriBidiParType	 base;
	size_t		*owner, n = 0, cap, i, j, k, nn = 0, ncap = 0;
	struct pl_box	*nb = NULL;
	uint32_t	 cp;

	if (p->nbox == 0 || !pl_has_rtl(p->text, p->tlen))
		return;
	p->rtl = p->script == PL_ARABIC;
	base = p->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	/* The paragraph as one string: boxes, a space for each glue, and
	 * isolate marks around left-to-right isolates. */
	cap = p->tlen + 3 * p->nbox + 1;
	str = calloc(cap, sizeof(*str));
	types = calloc(cap, sizeof(*types));
	brackets = calloc(cap, sizeof(*brackets));
	levels = calloc(cap, sizeof(*levels));
	owner = calloc(cap, sizeof(*owner));
	if (!str || !types || !brackets || !levels || !owner)
		abort();
	for (i = 0; i < p->nbox; i++) {
		const struct pl_box *b = &p->box[i];

		if (b->isolate && (i == 0 || !p->box[i - 1].isolate)) {
			owner[n] = (size_t)-1;
			str[n++] = 0x2066;	/* LRI */
		}
		for (j = b->off; j < b->off + b->len; j += k) {
			k = rp_utf8_get(p->text + j, b->off + b->len - j, &cp,
			    0xFFFD);
			owner[n] = j;
			str[n++] = cp;
		}
		if (b->isolate && (i + 1 == p->nbox || !p->box[i + 1].isolate)) {
			owner[n] = (size_t)-1;
			str[n++] = 0x2069;	/* PDI */
		}
		if (b->glue > 0 || b->brk == PB_GLUE) {
			owner[n] = (size_t)-2 - i;
			str[n++] = ' ';
		}
	}
	fribidi_get_bidi_types(str, (FriBidiStrIndex)n, types);
	fribidi_get_bracket_types(str, (FriBidiStrIndex)n, types, brackets);
	if (fribidi_get_par_embedding_levels_ex(types, brackets,
	    (FriBidiStrIndex)n, &base, levels) == 0)
		memset(levels, p->rtl, n * sizeof(*levels));
	/* Cut boxes where the level changes; glue takes its space's level. */
	for (i = 0, j = 0; i < p->nbox; i++) {
		struct pl_box	 b = p->box[i];
		size_t		 end = b.off + b.len, start = b.off;
		int		 lv = -1;

		for (; j < n && owner[j] == (size_t)-1; j++)
			continue;
		while (j < n && owner[j] < end) {
			if (lv >= 0 && levels[j] != lv) {
				RP_GROW(nb, nn, ncap);
				nb[nn] = b;
				nb[nn].off = (uint32_t)start;
				nb[nn].len = (uint32_t)(owner[j] - start);
				nb[nn].level = (uint8_t)lv;
				nb[nn].brk = PB_NONE;
				nb[nn].glue = nb[nn].stretch = nb[nn].shrink = 0;
				nb[nn].glevel = (uint8_t)lv;
				piece_width(p, m, &nb[nn]);
				nn++;
				start = owner[j];
			}
			lv = levels[j++];
		}
		for (; j < n && owner[j] == (size_t)-1; j++)
			continue;
		RP_GROW(nb, nn, ncap);
		nb[nn] = b;
		nb[nn].off = (uint32_t)start;
		nb[nn].len = (uint32_t)(end - start);
		nb[nn].level = (uint8_t)(lv < 0 ? p->rtl : lv);
		nb[nn].glevel = nb[nn].level;
		if (j < n && owner[j] == (size_t)-2 - i)
			nb[nn].glevel = levels[j++];
		if (start != b.off || (nb[nn].level & 1))
			piece_width(p, m, &nb[nn]);
		nn++;
	}
	free(p->box);
	p->box = nb;
	p->nbox = nn;
	p->boxcap = ncap;
	free(str);
	free(types);
	free(brackets);
	free(levels);
	free(owner);
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
	float	w = 0;
	size_t	i;

	for (i = a; i <= b; i++)
		w += p->box[i].w + (i < b ? p->box[i].glue : 0);
	return w;
}

float
pl_ratio(const struct pl_para *p, size_t a, size_t b, float w)
{
	float	nat = 0, st = 0, sh = 0;
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

void
pl_break(struct pl_para *p, float first_w, float w, int justify)
{
	size_t	 n = p->nbox, a, j, fallback;
	double	*W, *S, *K, *best;
	size_t	*from;
	int	 found;

	p->nline = 0;
	if (n == 0)
		return;
	W = calloc(n + 1, sizeof(*W));
	S = calloc(n + 1, sizeof(*S));
	K = calloc(n + 1, sizeof(*K));
	best = calloc(n + 1, sizeof(*best));
	from = calloc(n + 1, sizeof(*from));
	if (!W || !S || !K || !best || !from)
		abort();
	for (j = 0; j < n; j++) {
		W[j + 1] = W[j] + p->box[j].w + p->box[j].glue;
		S[j + 1] = S[j] + p->box[j].stretch;
		K[j + 1] = K[j] + p->box[j].shrink;
		best[j + 1] = HUGE_VAL;
	}
	/* best[j + 1]: least demerits of lines ending after box j. */
	for (j = 0; j < n; j++) {
		const struct pl_box *e = &p->box[j];
		int last = j == n - 1;

		if (e->brk == PB_NONE && !last)
			continue;
		found = 0;
		fallback = (size_t)-1;
		for (a = j + 1; a-- > 0;) {
			double	nat, st, sh, width, bad, d, pen;

			if (a > 0 && p->box[a - 1].brk == PB_NONE)
				continue;
			if (best[a] == HUGE_VAL)
				continue;
			if (fallback == (size_t)-1)
				fallback = a;
			width = a == 0 ? first_w : w;
			nat = W[j + 1] - W[a] - e->glue;
			st = S[j + 1] - S[a] - e->stretch;
			sh = K[j + 1] - K[a] - e->shrink;
			if (nat - sh > width + 0.01)
				break;
			if (nat <= width) {
				double slack = width - nat;

				if (last)
					bad = 0;
				else if (justify)
					bad = st > 0 ? 100 * pow(slack / st, 3) :
					    slack > 1 ? 10000 : 0;
				else
					bad = 100 * pow(slack / (width * 0.3), 2);
			} else
				bad = 100 * pow((nat - width) / sh, 3);
			if (bad > 10000)
				bad = 10000;
			pen = e->brk == PB_PEN && !last ? e->penalty : 0;
			d = (1 + bad) * (1 + bad) + pen * pen;
			if (best[a] + d < best[j + 1]) {
				best[j + 1] = best[a] + d;
				from[j + 1] = a;
			}
			found = 1;
		}
		/* Nothing fits (a run with no break inside is too wide):
		 * take the shortest overfull line rather than none. */
		if (!found && fallback != (size_t)-1) {
			best[j + 1] = best[fallback] + 1e12;
			from[j + 1] = fallback;
		}
	}
	/* Walk back from the end to list the breaks in order. */
	size_t count = 0;

	for (j = n; j > 0; j = from[j])
		count++;
	if (count > p->brkcap) {
		if ((p->brk = realloc(p->brk, count * sizeof(*p->brk))) == NULL)
			abort();
		p->brkcap = count;
	}
	p->nline = count;
	for (j = n; j > 0; j = from[j])
		p->brk[--count] = j - 1;
	free(W);
	free(S);
	free(K);
	free(best);
	free(from);
}
