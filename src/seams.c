/*
 * seams.c -- where paragraphs meet inside one line: a copy that lost its
 * line breaks (one long line), or a formula sharing its line with the
 * first recital ("إن مجلس الأمن، إذ يشير …").  The text reader cuts its
 * lines there, the Markdown reader its plain paragraphs: one rule for
 * both.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "classify.h"
#include "seams.h"
#include "utf8.h"

/* Whether the word ending at s[i] (before spaces) is in lower case:
 * "requests the Security Council," names a body, it opens nothing. */
static int
lower_word_before(const char *s, size_t i)
{
	size_t k;

	while (i > 0 && s[i - 1] == ' ')
		i--;
	for (k = i; k > 0 && s[k - 1] != ' '; k--)
		continue;
	return k < i && rp_starts_lower(s + k, i - k);
}

/* The length of an enacting formula at s ("L'Assemblée générale,",
 * "大会，"), up to and with its comma; 0 if none starts there. */
#define FORMULA_MAX	90

static int
formula_comma(uint32_t cp)
{
	return cp == ',' || cp == 0xFF0C || cp == 0x060C;
}

/* How many bytes of s (n) are ASCII other than a comma: looked at eight
 * at a time, most lines having no comma in their first words. */
static size_t
ascii_before_comma(const char *s, size_t n)
{
	const uint64_t	 ones = 0x0101010101010101u, high = ones << 7;
	uint64_t	 w, x;
	size_t		 i;

	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		x = w ^ (ones * ',');	/* a zero byte where a comma is */
		if ((w | ((x - ones) & ~x)) & high)
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80 && s[i] != ',')
		i++;
	return i;
}

static size_t
formula_at(const char *s, size_t n)
{
	size_t		i, len = 1;
	uint32_t	cp;
	rp_body		b;

	for (i = ascii_before_comma(s, n < FORMULA_MAX ? n : FORMULA_MAX);
	    i < n && i < FORMULA_MAX; i += len) {
		len = 1;
		if (s[i] == ',')
			break;
		if ((unsigned char)s[i] < 0x80)		/* no decoding */
			continue;
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if (formula_comma(cp))
			break;
	}
	if (i >= n || i >= FORMULA_MAX)
		return 0;
	return rp_is_formula(s, i + len, &b) ? i + len : 0;
}

void
rp_seam_add(struct rp_seams *sm, size_t at)
{
	if (sm->n > 0 && sm->at[sm->n - 1] >= at)
		return;
	RP_GROW(sm->at, sm->n, sm->cap);
	sm->at[sm->n++] = at;
}

/* Where the closing formula starts in the last sentences of s, or 0. */
static size_t
closing_at(rp_doc *doc, const char *s, size_t n)
{
	rp_meta	 scratch;
	size_t	 i = n > 240 ? n - 240 : 1;

	for (; i < n; i++) {
		if (s[i - 1] != ' ' || !rp_ends_clause(s, i - 1))
			continue;
		memset(&scratch, 0, sizeof(scratch));
		if (rp_conclusion_line(doc, &scratch, s + i, n - i))
			return i;
	}
	return 0;
}

/* Where a heading that ends in its date ends, the first date of the
 * line after the document's name, a capital after it ("… Résolution du
 * 25 janvier 1946 En vertu de …"), or 0. */
static size_t
heading_date_end(const char *s, size_t n)
{
	char	iso[11];
	size_t	at, len;

	if ((len = rp_find_date(s, n, iso, &at)) == 0 || at + len + 1 >= n ||
	    s[at + len] != ' ' || !rp_is_upper_letter((unsigned char)s[at +
	    len + 1]) || !rp_names_doctype(s, at))
		return 0;
	return at + len;
}

/* Whether s opens with an old-style note marker, "1/ " or "12/ "
 * (rp_note_marker's slashed form, in digits): it ends the clause before
 * it ("…of the Secretary-General, 1/ Having considered …"), the
 * paragraph after it opens past it. */
static int
slash_marker_at(const char *s, size_t n)
{
	char	m[16];
	int	slashed;

	return n > 0 && s[0] >= '0' && s[0] <= '9' &&
	    rp_note_marker(s, n, m, sizeof(m), &slashed) > 0 && slashed;
}

/* The seams of one long line, in order. */
static void
find_seams(rp_doc *doc, const char *s, size_t n, struct rp_seams *sm)
{
	size_t		 i, k, nl, len;
	uint32_t	 prev = ' ', cp;
	int		 expect = 1, numbers = 0;

	if ((k = heading_date_end(s, n)) > 0)
		rp_seam_add(sm, k);

	for (i = 0; i < n; i += len, prev = cp) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			break;
		/* Words start after a space or after CJK punctuation. */
		if (!(prev == ' ' || (i > 0 && rp_is_cjk(prev) &&
		    !rp_is_cjk(cp)) || prev == 0xFF0C || prev == 0x3002 ||
		    prev == 0xFF1B) || cp == ' ')
			continue;
		/* Numbers in sequence, from 1 or from the one the line
		 * opens with ("2. Invita …; 3. Pide …"). */
		if (rp_paragraph_number(s + i, n - i, &nl) > 0 &&
		    (rp_paragraph_value(s + i, n - i) == expect || i == 0)) {
			rp_seam_add(sm, i);
			expect = rp_paragraph_value(s + i, n - i) + 1;
			numbers++;
		} else if ((k = formula_at(s + i, n - i)) > 0 &&
		    !lower_word_before(s, i)) {
			rp_seam_add(sm, i);
			rp_seam_add(sm, i + k);
			sm->strong = 1;
		} else if (i > 0 && rp_ends_clause(s, i) &&
		    !slash_marker_at(s + i, n - i) && rp_opener_at(s + i,
		    n - i))
			rp_seam_add(sm, i);
	}
	if (numbers >= 2)
		sm->strong = 1;
	if (sm->strong && (k = closing_at(doc, s, n)) > 0)
		rp_seam_add(sm, k);
}

/* Whether the text after a formula of k bytes at the start of s opens a
 * recital or an operative paragraph ("Генеральная Ассамблея, подвергнув
 * …": a language with no article). */
static int
opener_after(const char *s, size_t n, size_t k)
{
	while (k < n && s[k] == ' ')
		k++;
	return k < n && rp_opener_at(s + k, n - k);
}

/* The length of a formula with its article and no comma that opens s
 * before a recital's opener ("إن الجمعية العامة وقد تسلمت …"), else 0. */
static size_t
bare_formula_at(const char *s, size_t n)
{
	size_t	k = rp_named_formula(s, n);

	return k > 0 && opener_after(s, n, k) ? k : 0;
}

/* Where a formula ending line s (formula_at: at most FORMULA_MAX bytes
 * to its comma) may start: after the comma before the last, if the line
 * ends in one; else n, none. */
static size_t
ending_formula_from(const char *s, size_t n)
{
	size_t		i, c, len;

	if (n == 0 || !formula_comma(rp_utf8_last(s, n, &len)))
		return n;
	for (c = i = n - len; i > 0 && c - (i - 1) < FORMULA_MAX; i--)
		if (formula_comma(rp_utf8_last(s, i, &len)))
			break;
	return i;
}

/*
 * A formula sharing a line with other text, written with its article
 * ("إن مجلس الأمن، إذ يشير …", "… avec l'Espagne L'Assemblée générale,"),
 * or opening the line before an opener, with or without its comma: at
 * the start or the end of the line, a seam on each side.  Not "requests
 * the Security Council," (no article, or one in lower case).
 */
static int
formula_seam_at(const char *line, size_t len, size_t i, size_t *k)
{
	const char	*s = line + i;
	size_t		 n = len - i;

	/* Inside the line, the cheap tests first: most words are not
	 * formulas, and most start in lower case. */
	if (i > 0 && (line[i - 1] != ' ' || rp_starts_lower(s, n)))
		return 0;
	if ((*k = formula_at(s, n)) == 0 && (i > 0 ||
	    (*k = bare_formula_at(line, len)) == 0))
		return 0;
	if ((i > 0 && i + *k < len) || (i == 0 && (*k == len ||
	    rp_starts_lower(s, n))))
		return 0;
	return rp_opens_with_article(s, n) ||
	    (i == 0 && opener_after(line, len, *k));
}

static void
formula_seams(const char *s, size_t n, struct rp_seams *sm)
{
	size_t	i, k, from = ending_formula_from(s, n);

	for (i = 0; i < n; i = i > 0 || from < 1 ? i + 1 : from) {
		if (!formula_seam_at(s, n, i, &k))
			continue;
		/* "« Le Conseil de sécurité,": the mark stays with it. */
		if (rp_open_quote(s, n) != i)
			rp_seam_add(sm, i);
		rp_seam_add(sm, i + k);
		sm->strong = 1;
		return;
	}
}

/* The seams of line s: see seams.h. */
void
rp_line_seams(rp_doc *doc, const char *s, size_t n, size_t chars,
    struct rp_seams *sm)
{
	if (chars >= 250)
		find_seams(doc, s, n, sm);
	else
		formula_seams(s, n, sm);
}
