/* hyphenate.c -- hyphenation points of plain words (hyphenate.h): the
 * word is cut out of its punctuation, put in lower case and in the
 * pattern file's character set, and libhyphen marks where it may break;
 * points closer to an end than the language allows are dropped. */
#include <iconv.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hyphen.h>

#include "hyphenate.h"
#include "lang.h"
#include "memo.h"
#include "utf8.h"

/* Longer "words" are chemical names, codes or debris: libhyphen's own
 * buffers stop at 100 bytes. */
#define MAX_LETTERS	40

struct rp_hyph {
	struct rp_hyph	*next;
	char		*path;
	HyphenDict	*dict;		/* NULL: not read yet, or unreadable */
	int		 tried;		/* the file was read (or failed) */
	int		 lmin, rmin;	/* letters kept before, after a break */
	uint32_t	 high[128];	/* code point of byte 0x80 + i in a
					   one-byte character set, or 0 */
};

static struct rp_hyph	*loaded;
static pthread_mutex_t	 lock = PTHREAD_MUTEX_INITIALIZER;

/* The code points of the upper half of a one-byte character set
 * (KOI8-R, ISO-8859-n), read once so that words are put in it with no
 * converter per word (iconv_t is not for sharing between threads). */
static void
upper_half(struct rp_hyph *h)
{
	iconv_t		 cd;
	char		 b, u[8], *in, *o;
	size_t		 left, room, i;

	if (h->dict->utf8 || strcmp(h->dict->cset, "UTF-8") == 0 ||
	    (cd = iconv_open("UTF-8", h->dict->cset)) == (iconv_t)-1)
		return;
	for (i = 0; i < 128; i++) {
		b = (char)(0x80 + i);
		in = &b, left = 1, o = u, room = sizeof(u);
		iconv(cd, NULL, NULL, NULL, NULL);
		if (iconv(cd, &in, &left, &o, &room) != (size_t)-1 &&
		    left == 0)
			rp_utf8_decode(u, (size_t)(o - u), &h->high[i]);
	}
	iconv_close(cd);
}

/* The entry of path, made on first use.  Its file is read only when a
 * word is to be hyphenated (dict_of): reading a pattern file costs more
 * than writing a short document, most of whose lines need no hyphen. */
static const struct rp_hyph *
entry(const char *path, int lmin, int rmin)
{
	struct rp_hyph *h;

	pthread_mutex_lock(&lock);
	for (h = loaded; h != NULL; h = h->next)
		if (strcmp(h->path, path) == 0 && h->lmin == lmin &&
		    h->rmin == rmin)
			break;
	if (h == NULL && (h = calloc(1, sizeof(*h))) != NULL &&
	    (h->path = strdup(path)) != NULL) {
		h->lmin = lmin;
		h->rmin = rmin;
		h->next = loaded;
		loaded = h;
	} else if (h != NULL && h->path == NULL) {
		free(h);
		h = NULL;
	}
	pthread_mutex_unlock(&lock);
	return h;
}

/* The patterns of h, read on first use (also when unreadable, so that a
 * missing file is tried once).  The entry is shared and kept for the
 * process, so filling it in behind the caller's const is safe. */
static HyphenDict *
dict_of(const struct rp_hyph *h)
{
	struct rp_hyph	*w = (struct rp_hyph *)(uintptr_t)h;
	HyphenDict	*d;

	pthread_mutex_lock(&lock);
	if (!w->tried) {
		if ((w->dict = hnj_hyphen_load(w->path)) != NULL)
			upper_half(w);
		w->tried = 1;
	}
	d = w->dict;
	pthread_mutex_unlock(&lock);
	return d;
}

const rp_hyph *
rp_hyph_of(const char *language, const char *dir)
{
	const char	*file = rp_lang_code_setting(language, "hyphenation");
	const char	*min = rp_lang_code_setting(language,
			    "hyphenation min");
	char		 path[4096];
	int		 lmin = 2, rmin = 3;

	if (file == NULL || *file == '\0')
		return NULL;
	if (min != NULL && (sscanf(min, "%d %d", &lmin, &rmin) != 2 ||
	    lmin < 1 || rmin < 1))
		lmin = 2, rmin = 3;
	if (*file == '/' || dir == NULL || *dir == '\0')
		snprintf(path, sizeof(path), "%s", file);
	else
		snprintf(path, sizeof(path), "%s/%s", dir, file);
	return entry(path, lmin, rmin);
}

/* ------------------------------------------------------------ words */

static hb_unicode_general_category_t
category(uint32_t cp)
{
	return hb_unicode_general_category(hb_unicode_funcs_get_default(),
	    cp);
}

static int
is_letter(uint32_t cp)
{
	hb_unicode_general_category_t c = category(cp);

	return c == HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER ||
	    c == HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER ||
	    c == HB_UNICODE_GENERAL_CATEGORY_TITLECASE_LETTER ||
	    c == HB_UNICODE_GENERAL_CATEGORY_OTHER_LETTER ||
	    c == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK;
}

static int
is_apostrophe(uint32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

/* Lower case in the scripts that have patterns (Latin, Greek,
 * Cyrillic); other letters stay and simply match no pattern. */
static uint32_t
lower(uint32_t cp)
{
	if (category(cp) != HB_UNICODE_GENERAL_CATEGORY_UPPERCASE_LETTER)
		return cp;
	if ((cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE) ||
	    (cp >= 0x391 && cp <= 0x3AB) || (cp >= 0x410 && cp <= 0x42F))
		return cp + 32;
	if (cp >= 0x400 && cp <= 0x40F)
		return cp + 80;
	if (cp == 0x178)
		return 0xFF;
	if ((cp >= 0x100 && cp <= 0x24F) || (cp >= 0x460 && cp <= 0x52F))
		return cp + 1;	/* pairs: the small letter follows */
	return cp;
}

/* What may stand before and after a word. */
static int
opening(uint32_t cp)
{
	return cp != 0 && (strchr("([{\"'", (int)cp) != NULL ||
	    cp == 0x201C || cp == 0x2018 || cp == 0x201E || cp == 0xAB ||
	    cp == 0xBF || cp == 0xA1);
}

static int
closing(uint32_t cp)
{
	return cp != 0 && (strchr(")]}\"'.,;:!?", (int)cp) != NULL ||
	    cp == 0x201D || cp == 0x2019 || cp == 0xBB || cp == 0x2026);
}

/*
 * The letters of the word in s[0..n) as [*from, *to) (bytes); 0 when s
 * is not a plain word.  An elided article ("l'", "qu'") is taken as
 * opening punctuation and a possessive "'s" as closing.
 */
static int
core(const char *s, size_t n, size_t *from, size_t *to)
{
	size_t		i = 0, at = 0, k, letters = 0;
	uint32_t	cp;

	while ((k = rp_utf8_next(s, n, &i, &cp)) > 0 && opening(cp))
		at = i;
	*from = at;
	for (i = at; (k = rp_utf8_next(s, n, &i, &cp)) > 0;) {
		if (is_letter(cp)) {
			letters++;
			continue;
		}
		if (is_apostrophe(cp) && letters > 0 && letters <= 3 &&
		    *from == at && i < n) {	/* "l'", "d'", "qu'" */
			*from = i;
			letters = 0;
			continue;
		}
		i -= k;
		break;
	}
	*to = i;
	if (rp_utf8_next(s, n, &i, &cp) > 0 && is_apostrophe(cp) && i < n &&
	    s[i] == 's')
		i++;			/* a possessive 's */
	else
		i = *to;
	while (rp_utf8_next(s, n, &i, &cp) > 0)
		if (!closing(cp))
			return 0;
	return *to > *from;
}

/* The word w[0..n) (UTF-8, lower case) in the pattern file's character
 * set, one byte a letter unless it is UTF-8; its length, or 0 when a
 * letter is not in it. */
static size_t
encode(const struct rp_hyph *h, const char *w, size_t n, char *out,
    size_t outsize)
{
	size_t		i = 0, m = 0, k;
	uint32_t	cp;

	if (h->dict->utf8 || strcmp(h->dict->cset, "UTF-8") == 0) {
		memcpy(out, w, n);
		return n;
	}
	while (m < outsize && rp_utf8_next(w, n, &i, &cp) > 0) {
		for (k = 0; cp >= 0x80 && k < 128 && h->high[k] != cp; k++)
			continue;
		if (k == 128)
			return 0;
		out[m++] = (char)(cp < 0x80 ? cp : 0x80 + k);
	}
	return i == n ? m : 0;
}

/* rp_hyph_points, asked of libhyphen. */
static size_t
points(const rp_hyph *h, const char *s, size_t n, uint32_t *at, size_t max)
{
	char		 word[MAX_LETTERS * 4 + 1], enc[MAX_LETTERS * 4 + 1];
	char		 hy[MAX_LETTERS * 4 + 5];
	uint32_t	 start[MAX_LETTERS], cp;
	size_t		 from, to, i, k, len = 0, letters = 0, got = 0, m;
	int		 small = 0;
	char		**rep = NULL;
	int		*pos = NULL, *cut = NULL;
	HyphenDict	*d;

	if (h == NULL || !core(s, n, &from, &to))
		return 0;
	for (i = from; (k = rp_utf8_next(s, to, &i, &cp)) > 0; letters++) {
		if (letters == MAX_LETTERS)
			return 0;
		small |= category(cp) ==
		    HB_UNICODE_GENERAL_CATEGORY_LOWERCASE_LETTER;
		start[letters] = (uint32_t)(i - k);
		len += rp_utf8_encode(lower(cp), word + len);
	}
	if (!small || letters < (size_t)(h->lmin + h->rmin) ||
	    (d = dict_of(h)) == NULL || (m = encode(h, word, len, enc,
	    sizeof(enc) - 1)) == 0)
		return 0;
	enc[m] = '\0';		/* libhyphen looks for substrings in it */
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate3(d, enc, (int)m, hy, NULL, &rep, &pos,
	    &cut, h->lmin, h->rmin, h->lmin, h->rmin) == 0)
		/* hy[i] odd: a break after letter i (libhyphen counts
		 * letters, not bytes, in UTF-8 files too). */
		for (i = (size_t)h->lmin - 1; i + h->rmin < letters &&
		    got < max; i++)
			if ((hy[i] & 1) && (rep == NULL || rep[i] == NULL))
				at[got++] = start[i + 1];
	if (rep != NULL) {
		for (i = 0; i < m; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return got;
}

/* Points kept per thread: the breaker asks about the same words again
 * and again (those of every loose line, in every paragraph). */
#define MEMO_SLOTS	2048

struct hyph_memo {
	rp_memo_key	 key;
	const rp_hyph	*h;
	uint8_t		 got;
	uint8_t		 at[MAX_LETTERS];	/* in a word of at most
						 * RP_MEMO_TEXT bytes */
};

size_t
rp_hyph_points(const rp_hyph *h, const char *s, size_t n, uint32_t *at,
    size_t max)
{
	static _Thread_local struct hyph_memo slots[MEMO_SLOTS];
	struct hyph_memo	*m;
	uint32_t		 all[MAX_LETTERS];
	size_t			 i = rp_memo_index(0, 0, s, n, MEMO_SLOTS), k;

	if (h == NULL)
		return 0;
	if (i == (size_t)-1)
		return points(h, s, n, at, max);
	m = &slots[i];
	if (m->h != h || !rp_memo_holds(&m->key, 0, 0, s, n)) {
		rp_memo_set(&m->key, 0, 0, s, n);
		m->h = h;
		m->got = (uint8_t)points(h, s, n, all, MAX_LETTERS);
		for (k = 0; k < m->got; k++)
			m->at[k] = (uint8_t)all[k];
	}
	for (k = 0; k < m->got && k < max; k++)
		at[k] = m->at[k];
	return k;
}
