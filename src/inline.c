/* inline.c -- inline content of a paragraph: light Markdown (emphasis,
 * strong, links, backslash escapes), footnote markers, references to
 * other UN documents and dates. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify.h"
#include "inline.h"
#include "lang.h"
#include "utf8.h"

struct scan {
	struct rp_inline_ctx	*ctx;
	const char		*t;	/* the text, Markdown links unwrapped */
	size_t			 n;
	const size_t		*map;	/* t offset -> offset in the input */
	size_t			 ref_end;	/* where the last DOCREF ended */
	int			 have_ref;
	rp_body			 ref_body;	/* body of that DOCREF */
	int			 ref_kind;	/* 1: N (YYYY), 2: N/M,
						   3: N (XXV) */
};

/* ------------------------------------------------------- positions */

static void
position(const struct scan *sc, size_t off, int *line, int *col)
{
	const struct rp_inline_ctx	*ctx = sc->ctx;
	size_t				 lo = 0, hi, o, i;
	int				 c;

	o = sc->map ? sc->map[off] : off;
	if (ctx->pos == NULL || ctx->npos == 0) {
		*line = ctx->line;
		*col = ctx->col;
		return;
	}
	hi = ctx->npos;
	while (hi - lo > 1) {		/* last segment starting at or before o */
		size_t mid = (lo + hi) / 2;

		if (ctx->pos[mid].off <= o)
			lo = mid;
		else
			hi = mid;
	}
	*line = ctx->pos[lo].line;
	c = ctx->pos[lo].col;
	/* Columns count characters, not bytes. */
	for (i = ctx->pos[lo].off; i < o && sc->map == NULL; i++)
		if (((unsigned char)sc->t[i] & 0xC0) != 0x80)
			c++;
	if (sc->map != NULL)
		c += (int)(o - ctx->pos[lo].off);
	*col = c;
}

static rp_node *
new_node(struct scan *sc, rp_node_type type, size_t off)
{
	int line, col;

	position(sc, off, &line, &col);
	return rp_node_new(sc->ctx->doc, type, line, col);
}

static void
add_text(struct scan *sc, rp_node *parent, size_t a, size_t b)
{
	rp_node *t;

	if (b <= a || rp_text_extend(sc->ctx->doc, parent, sc->t + a, b - a))
		return;
	t = new_node(sc, RP_NODE_TEXT, a);
	t->literal = rp_doc_strndup(sc->ctx->doc, sc->t + a, b - a);
	rp_node_append(parent, t);
}

/* --------------------------------------------------- footnote marks */

static const char *const no_marker_before[] = {
	"resolution", "resolutions", "paragraph", "paragraphs", "para",
	"paras", "article", "articles", "annex", "annexes", "chapter", "chap",
	"section", "sect", "vol", "no", "nos", "item", "items", "rule",
	"rules", "page", "pages", "goal", "goals", "target", "targets",
	"principle", "principles", "recommendation", "recommendations",
	"decision", "decisions", "part", "table", "figure", "and", "or",
	"to", "of", "from", "than", "between", "at", "on", "by", "in",
	"under", "phase", "level", "session", "meeting", "pillar",
	"pillars", "protocol", "the", "a", "an", "its", "their", "his",
	"her", "over", "about", "some", "all", "for", "with", "per",
	"chapters", "sections", "volume", "number", "numbers", "step",
	"stage", "round", "year", "years", "day", "days", "week", "weeks",
	"month", "months", "schedule", "appendix", "category", "class",
	"members", "least", "only", "nearly", "almost", "around",
	"approximately", "some", "first", "last", "every", "each", "until",
	"since", "till", "reaching", "exceeding", NULL
};

static int
stopword_before(const char *t, size_t end)
{
	size_t			 start = end, k;
	const char *const	*w;

	while (start > 0 && isalpha((unsigned char)t[start - 1]))
		start--;
	k = end - start;
	if (k == 0)
		return 0;
	for (w = no_marker_before; *w != NULL; w++)
		if (strlen(*w) == k && strncasecmp(t + start, *w, k) == 0)
			return 1;
	return 0;
}

/* The end of the slash closing an old-style marker ("17/", a star and
 * a slash) whose mark ends at j, or j if there is none: a slash, then
 * the end, a space or punctuation (not a symbol's "S/26111", "59/46"). */
static size_t
slash_marker_end(const struct scan *sc, size_t j, size_t n)
{
	unsigned char q;

	if (j >= n || sc->t[j] != '/')
		return j;
	q = j + 1 < n ? (unsigned char)sc->t[j + 1] : ' ';
	if (isalnum(q) || q == '/' || q == '(' || q == '-' || q >= 0x80)
		return j;
	return j + 1;
}

/* The end of a bracketed marker at t[i], as a copy of a wiki sets it,
 * glued to the word or sign before it ("Palestina[1],", "mensuel[1] et"),
 * or i if there is none. */
static size_t
bracket_marker_end(const struct scan *sc, size_t i, size_t b)
{
	const char	*t = sc->t;
	size_t		 j = i + 1;

	if (i == 0 || t[i - 1] == ' ' || t[i - 1] == '[')
		return i;
	while (j < b && j - i <= 3 && isdigit((unsigned char)t[j]))
		j++;
	return j > i + 1 && j < b && t[j] == ']' ? j + 1 : i;
}

/* The end of a star marker at t[i] ("Council,* the"; one or two stars
 * and a slash, the old form), or i if there is none. */
static size_t
star_marker_end(const struct scan *sc, size_t i, size_t b)
{
	size_t k = i;

	while (k < b && k - i < 3 && sc->t[k] == '*')
		k++;
	if (k < b && sc->t[k] == '/' && k - i <= 2)
		return slash_marker_end(sc, k, b) > k ? k + 1 : i;
	return k == i + 1 && (k == b || sc->t[k] == ' ') ? k : i;
}

/* Whether the word ending at t[e] is a document symbol's, whose ".2"
 * goes on ("decision EC-94/DEC.2"), or a symbol's part written apart
 * ("A/68/L.39 and Add.1", "Corr.1", "Rev.2"). */
static int
symbol_before(const char *t, size_t e)
{
	static const char *const parts[] = { "Add", "Corr", "Rev", "Amend",
		NULL };
	const char *const	*w;
	size_t			 end = e;

	while (e > 0 && t[e - 1] != ' ') {
		if (t[e - 1] == '/')
			return 1;
		e--;
	}
	for (w = parts; *w != NULL; w++)
		if (strlen(*w) == end - e && strncmp(t + e, *w, end - e) == 0)
			return 1;
	return 0;
}

/* Whether a symbol's part and its number end at t[e] ("S/4279 and
 * Add.1 1 concerning": the "1" after it may be a marker). */
static int
symbol_part_ends(const char *t, size_t e)
{
	while (e > 0 && isdigit((unsigned char)t[e - 1]))
		e--;
	return e > 0 && t[e - 1] == '.' && symbol_before(t, e - 1);
}

/* Whether a year, 19xx or 20xx standing alone, ends at t[e]. */
static int
year_ends(const char *t, size_t e)
{
	return e >= 4 && (strncmp(t + e - 4, "19", 2) == 0 ||
	    strncmp(t + e - 4, "20", 2) == 0) &&
	    isdigit((unsigned char)t[e - 2]) &&
	    isdigit((unsigned char)t[e - 1]) &&
	    (e == 4 || !isalnum((unsigned char)t[e - 5]));
}

/* Whether the word at t[j] only joins ("and", "the"), as no unit or
 * ordinal glued to a number does ("5km", "8th"). */
static int
joining_word(const struct scan *sc, size_t j)
{
	static const char *const words[] = { "and", "the", "to", "in", "of",
		"as", "which", "on", "for", "with", "by", "or", "that", "at",
		"were", "was", "is", "are", "including", NULL };
	const char *const	*w;
	size_t			 k;

	for (k = j; k < sc->n && isalpha((unsigned char)sc->t[k]); k++)
		continue;
	for (w = words; *w != NULL; w++)
		if (strlen(*w) == k - j && strncmp(sc->t + j, *w, k - j) == 0)
			return 1;
	return 0;
}

/* Whether a marker at t[i..j) ends a clause of CJK text: the text's
 * end, a space, or punctuation after it, no Han character or digit. */
static int
ends_cjk_clause(const struct scan *sc, size_t j)
{
	uint32_t cp;

	if (j >= sc->n || sc->t[j] == ' ')
		return 1;
	if ((unsigned char)sc->t[j] < 0x80)
		return strchr(",.;:", sc->t[j]) != NULL;
	return rp_utf8_decode(sc->t + j, sc->n - j, &cp) > 0 &&
	    rp_is_cjk_closing(cp);
}

/* The kind of a marker at t[i..j) after the non-ASCII character that
 * ends t[0..at): after ” ’ » closing a quotation, glued; after a Han
 * character or a wide stop, where a clause ends ("…决议案1", "…通过。 1"),
 * only as the footnote expected next, since Chinese sets numbers close
 * to words ("第1段"). */
static int
wide_marker_kind(const struct scan *sc, size_t i, size_t j, size_t at)
{
	size_t		l;
	uint32_t	cp = rp_utf8_last(sc->t, at, &l);

	if (at == i && (cp == 0x201D || cp == 0x2019 || cp == 0xBB))
		return RP_MARK_GLUED;
	if (((at == i && rp_is_cjk(cp) && !rp_is_cjk_opening(cp)) ||
	    rp_end_of_char(cp) != RP_END_NONE) && ends_cjk_clause(sc, j))
		return RP_MARK_SPACED;
	return -1;
}

/* A marker at t[i..j) after a space, t[i - 2] before it: which kind,
 * or -1. */
static int
spaced_marker_kind(const struct scan *sc, const rp_node *parent,
    size_t run, size_t i, size_t j)
{
	const char	*t = sc->t;
	unsigned char	 pp = (unsigned char)t[i - 2];
	unsigned char	 q = j < sc->n ? (unsigned char)t[j] : ' ';

	if (pp >= 0x80)
		return wide_marker_kind(sc, i, j, i - 1);
	/* After a date or a year: "of 13 August 1948 5 and", "Plan
	 * 2021–2026 3 to"; after a symbol's part, "Add.1 1 concerning". */
	if (isdigit(pp) && ((parent->last != NULL &&
	    parent->last->type == RP_NODE_DATE && run == i - 1) ||
	    year_ends(t, i - 1) || symbol_part_ends(t, i - 1)))
		return RP_MARK_SPACED;
	if (!(isalpha(pp) || pp == ',' || pp == ')' || pp == '.' ||
	    pp == ';' || pp == ':'))
		return -1;
	/* "obligations 3. We recognize": a paragraph's number run into the
	 * text before it. */
	if (q == '.' && j + 2 < sc->n && t[j + 1] == ' ' &&
	    isupper((unsigned char)t[j + 2]))
		return -1;
	if (isalpha(pp) && stopword_before(t, i - 1))
		return -1;
	return RP_MARK_SPACED;
}

/* A footnote marker made of digits at t[i..j): which kind, or -1. */
static int
marker_kind(const struct scan *sc, const rp_node *parent, size_t run,
    size_t i, size_t j)
{
	const char	*t = sc->t;
	unsigned char	 p, q = j < sc->n ? (unsigned char)t[j] : ' ';

	if (j - i > 3 || i == 0)
		return -1;
	/* "1993, 1/ and", "Commission17/", "1961,74/": the old form, a
	 * slash after the number, which nothing else writes so. */
	if (slash_marker_end(sc, j, sc->n) > j)
		return RP_MARK_GLUED;
	/* "States Parties, 8and welcomes": a PDF's marker that lost its
	 * space, before a word that only joins; as a spaced marker. */
	if (islower(q) && t[i - 1] == ' ' && joining_word(sc, j))
		q = ' ';
	/* After the marker: the end, a space or punctuation, never a
	 * letter, digit, slash or a decimal point. */
	if (isalnum(q) || q == '/' || q == '(' || q == '-' ||
	    (q == '.' && j + 1 < sc->n && isdigit((unsigned char)t[j + 1])) ||
	    (q == ',' && j + 1 < sc->n && isdigit((unsigned char)t[j + 1])))
		return -1;
	p = (unsigned char)t[i - 1];
	if (islower(p) || p == ')' || p == ';' || p == ':')
		return RP_MARK_GLUED;
	/* Glued to the year of a date: "on 16 September 20055 and". */
	if (isdigit(p) && parent->last != NULL &&
	    parent->last->type == RP_NODE_DATE && run == i)
		return RP_MARK_SPACED;
	if ((p == ',' || p == '.') && i >= 2 &&
	    !isdigit((unsigned char)t[i - 2]) &&
	    !(p == '.' && symbol_before(t, i - 1)))
		return RP_MARK_GLUED;
	/* After a year and its comma, "in 2008,2": only as the footnote
	 * expected next (a spaced marker's rule), since "1,000" is not. */
	if (p == ',' && year_ends(t, i - 1) && j - i <= 2)
		return RP_MARK_SPACED;
	/* After a date or a citation and its comma: "on 11 April 1996,1",
	 * "resolution 79/16,2". */
	if ((p == ',' || p == '.') && parent->last != NULL &&
	    (parent->last->type == RP_NODE_DATE ||
	    parent->last->type == RP_NODE_DOCREF) && run == i - 1)
		return RP_MARK_GLUED;
	if (p >= 0x80)
		return wide_marker_kind(sc, i, j, i);
	if (p == ' ' && i >= 2)
		return spaced_marker_kind(sc, parent, run, i, j);
	return -1;
}

static size_t
try_marker(struct scan *sc, rp_node *parent, size_t *run, size_t i,
    size_t j, const char *marker, enum rp_marker_kind kind)
{
	rp_node *fn, *ref;

	if (sc->ctx->footnote == NULL ||
	    (fn = sc->ctx->footnote(sc->ctx->arg, marker, kind)) == NULL)
		return 0;
	add_text(sc, parent, *run, i);
	ref = new_node(sc, RP_NODE_NOTEREF, i);
	ref->num = fn->num;
	ref->target = fn;
	fn->count++;
	rp_node_append(parent, ref);
	*run = j;
	return j - i;
}

int
rp_marker_fits(enum rp_marker_kind kind, int num, int referenced, int next)
{
	switch (kind) {
	case RP_MARK_SPACED:
		/* A bare number after a space is a marker only if it is
		 * the next footnote expected. */
		return !referenced && num == next;
	case RP_MARK_GLUED:
		return referenced || num <= 0 || num <= next + 2;
	case RP_MARK_PAIR:
		return !referenced;
	case RP_MARK_SUPERSCRIPT:
		break;
	}
	return 1;
}

/* ------------------------------------------------- document refs */

/* The offset of t[0..i) with the spaces that end it (any, no-break
 * included) left out. */
static size_t
trim_spaces(const char *t, size_t i)
{
	uint32_t	cp;
	size_t		len;

	while (i > 0 && rp_is_space(cp = rp_utf8_last(t, i, &len)))
		i -= len;
	return i;
}

/* The offset of t[i..n) past the spaces that open it. */
static size_t
skip_spaces(const char *t, size_t i, size_t n)
{
	uint32_t	cp;
	size_t		len;

	while (i < n && (len = rp_utf8_decode(t + i, n - i, &cp)) > 0 &&
	    rp_is_space(cp))
		i += len;
	return i;
}

/* Whether the word just before i names resolutions: "resolution",
 * "резолюцией", "القرار" ([resolution words]). */
static int
after_keyword(const char *t, size_t i)
{
	return rp_lang_last_word(RP_LK_RES_WORD, t, trim_spaces(t, i)) > 0;
}

/* The most bytes of words that may lead a cited resolution's date: " of ",
 * " от ", " المؤرخ في " ("1244 (1999) of 10 June 1999 and 1160 (1998)"). */
#define DATE_LEAD	24

/* Whether t[a..b) only separates two items of a list of references: a
 * comma, a conjunction ([conjunctions]: "and", "и", "et"), or both,
 * perhaps then a resolution word ("and resolution"), optionally after
 * the first one's date ("of 10 June 1999", "المؤرخ في 5 كانون الثاني/يناير
 * 1988"). */
static int
list_separator(const char *t, size_t a, size_t b)
{
	char	iso[11];
	size_t	len, e, at, lead = strcspn(t + a, ",;0123456789");
	int	comma;

	/* Only a date that opens the separator counts: none is looked
	 * for further on. */
	if ((len = rp_find_date_by(t + a, b - a, lead < DATE_LEAD ? lead :
	    DATE_LEAD, iso, &at)) > 0)
		a += at + len;
	comma = a < b && t[a] == ',';
	a = skip_spaces(t, a + comma, b);
	if ((len = rp_lang_phrase(RP_LK_CONJUNCTION, t + a, b - a,
	    NULL)) > 0)
		a = skip_spaces(t, a + len, b);
	else if (!comma)
		return 0;
	e = trim_spaces(t, b);
	if (a < e && e < b && rp_lang_is(RP_LK_RES_WORD, t + a, e - a, NULL))
		a = b;
	return a == b;
}

/* The body of a "resolution N/M" citation: the General Assembly numbers
 * by session (58/136), the Economic and Social Council by year
 * (2005/19); a body named just before overrides. */
static rp_body
cited_body(const struct scan *sc, size_t i, int first)
{
	size_t		 from = i > 60 ? i - 60 : 0;
	const char	*t = sc->t + from;
	size_t		 n = i - from;

	if (memmem(t, n, "Human Rights Council", 20))
		return RP_BODY_HRC;
	if (memmem(t, n, "Commission on Human Rights", 26))
		return RP_BODY_UNKNOWN;
	if (first < 1946)
		return RP_BODY_GA;
	if (memmem(t, n, "General Assembly", 16))
		return RP_BODY_GA;
	return RP_BODY_ECOSOC;
}

/* Digits at t[*i], at most max: the value, or -1. */
static int
digits(const char *t, size_t n, size_t *i, int max)
{
	int v = 0, d = 0;

	while (*i < n && d < max && isdigit((unsigned char)t[*i])) {
		v = v * 10 + t[*i] - '0';
		(*i)++;
		d++;
	}
	if (d == 0 || (*i < n && isdigit((unsigned char)t[*i])))
		return -1;
	return v;
}

static void
fill_ref(struct scan *sc, rp_docref *ref, rp_body body, const char *fmt,
    int a, int b)
{
	char sym[64], num[32];

	ref->body = body;
	if (body == RP_BODY_SC) {
		snprintf(num, sizeof(num), "%d", a);
		snprintf(sym, sizeof(sym), "S/RES/%d (%d)", a, b);
		ref->year = b;
	} else {
		snprintf(num, sizeof(num), "%d/%d", a, b);
		snprintf(sym, sizeof(sym), fmt, a, b);
		if (a >= 1946)
			ref->year = a;
	}
	ref->number = rp_doc_strdup(sc->ctx->doc, num);
	ref->symbol = rp_doc_strdup(sc->ctx->doc, sym);
}

/* The Latin capital at t[k], or a Cyrillic one read as the Latin it
 * looks like ("217 А (III)", "(ХХХ)" typed in Russian): the letter, its
 * length into *len; 0 if none. */
static char
latin_capital(const char *t, size_t n, size_t k, size_t *len)
{
	uint32_t cp;

	if (k >= n)
		return 0;
	if (isupper((unsigned char)t[k])) {
		*len = 1;
		return t[k];
	}
	if ((*len = rp_utf8_decode(t + k, n - k, &cp)) == 0)
		return 0;
	return rp_latin_lookalike(cp);
}

/* The end of a session in Roman numerals at t[k] ("XXV"), the numerals
 * in Latin letters into roman (at least 9 bytes). */
static size_t
roman_end(const char *t, size_t n, size_t k, char *roman)
{
	size_t	j = k, len, d = 0;
	char	c;

	while (d < 8 && (c = latin_capital(t, n, j, &len)) != 0 &&
	    strchr("IVXL", c) != NULL) {
		roman[d++] = c;
		j += len;
	}
	roman[d] = '\0';
	return j;
}

/* ref: the General Assembly resolution num of the session written
 * session ("217 A", "III"). */
static void
session_symbol(struct scan *sc, rp_docref *ref, const char *num,
    const char *session)
{
	char	sym[112];

	snprintf(sym, sizeof(sym), "A/RES/%s (%s)", num, session);
	ref->body = RP_BODY_GA;
	ref->symbol = rp_doc_strdup(sc->ctx->doc, sym);
	ref->number = rp_doc_strdup(sc->ctx->doc, num);
}

/*
 * The General Assembly's numbering before its 31st session: number, a
 * letter when one resolution has parts, and the session in Roman
 * numerals, "S-" or "ES-" before a special one: "217 A (III)", "1514
 * (XV)", "217A(III)", "2248 (S-V)" (at t[i], the number ending at j).
 * Returns the end of the reference, or 0.
 */
static size_t
session_ref(struct scan *sc, size_t i, size_t j, rp_docref *ref)
{
	const char	*t = sc->t;
	size_t		 n = sc->n, k = j, r, s, len;
	char		 num[32], session[16], roman[9], part;

	snprintf(num, sizeof(num), "%.*s", (int)(j - i), t + i);
	if (k < n && t[k] == ' ')
		k++;
	if ((part = latin_capital(t, n, k, &len)) != 0 &&
	    strchr("IVXL", part) == NULL && k + len < n &&
	    (t[k + len] == ' ' || t[k + len] == '(')) {
		snprintf(num + (j - i), sizeof(num) - (j - i), " %c", part);
		k += len + (t[k + len] == ' ');
	}
	if (k >= n || t[k] != '(')
		return 0;
	s = k + 1 + (k + 3 < n && memcmp(t + k + 1, "S-", 2) == 0 ? 2 :
	    k + 4 < n && memcmp(t + k + 1, "ES-", 3) == 0 ? 3 : 0);
	if ((r = roman_end(t, n, s, roman)) == s || r >= n || t[r] != ')')
		return 0;
	snprintf(session, sizeof(session), "%.*s%s", (int)(s - k - 1),
	    t + k + 1, roman);
	session_symbol(sc, ref, num, session);
	return r + 1;
}

/* The same numbering as a language writes the part and the session in
 * its own words after the number ([old citations]: "217 ألف (د-3)" is
 * A/RES/217 A (III)); the session alone tells a General Assembly
 * number, with no keyword before it.  Returns the end, or 0. */
static size_t
worded_session_ref(struct scan *sc, size_t i, size_t j, rp_docref *ref)
{
	rp_lang_hit	 h;
	size_t		 k = j, e, len = j - i;
	char		 num[32], roman[24];

	while (k < sc->n && sc->t[k] == ' ')
		k++;
	if (len > 8 || (e = rp_lang_match(RP_LK_OLD_CITATION, sc->t + k,
	    sc->n - k, &h)) == 0 || h.num < 1 || h.num > 399 ||
	    h.value > 26)
		return 0;
	snprintf(num, sizeof(num), "%.*s", (int)len, sc->t + i);
	if (h.value > 0)
		snprintf(num + len, sizeof(num) - len, " %c",
		    'A' + h.value - 1);
	rp_roman_write(h.num, roman);
	session_symbol(sc, ref, num, roman);
	return k + e;
}

/*
 * A citation of a resolution by number at t[i]: "1373 (2001)",
 * "1373（2001）" after 第, "59/46" after "resolution".  Returns its
 * length and fills ref, or 0.
 */
static size_t
number_ref(struct scan *sc, size_t i, rp_docref *ref)
{
	const char	*t = sc->t;
	size_t		 n = sc->n, j = i, k;
	int		 a, b, keyword, chained, chinese = 0;

	if ((a = digits(t, n, &j, 4)) <= 0)
		return 0;
	keyword = after_keyword(t, i);
	chained = sc->have_ref && list_separator(t, sc->ref_end, i);
	k = i;
	while (k > 0 && t[k - 1] == ' ')
		k--;
	if (k >= 3 && memcmp(t + k - 3, "第", 3) == 0)
		chinese = 1;
	/* N (YYYY): Security Council numbering. */
	k = j;
	if (k < n && t[k] == ' ')
		k++;
	if (k < n && (t[k] == '(' || (k + 3 <= n &&
	    memcmp(t + k, "（", 3) == 0))) {
		k += t[k] == '(' ? 1 : 3;
		if ((b = digits(t, n, &k, 4)) >= 1946 && b <= 2100 &&
		    k < n && (t[k] == ')' || (k + 3 <= n &&
		    memcmp(t + k, "）", 3) == 0)) &&
		    (keyword || chinese || (chained && sc->ref_kind == 1))) {
			k += t[k] == ')' ? 1 : 3;
			fill_ref(sc, ref, RP_BODY_SC, NULL, a, b);
			sc->ref_kind = 1;
			return k - i;
		}
	}
	if (((keyword || chinese || (chained && sc->ref_kind == 3)) &&
	    (k = session_ref(sc, i, j, ref)) > 0) ||
	    (k = worded_session_ref(sc, i, j, ref)) > 0) {
		sc->ref_kind = 3;
		return k - i;
	}
	/* N/M: General Assembly session/number or ECOSOC year/number. */
	if (j < n && t[j] == '/' && (keyword || (chained &&
	    sc->ref_kind == 2))) {
		k = j + 1;
		if ((b = digits(t, n, &k, 4)) <= 0 || (k < n && (t[k] == '/' ||
		    isalpha((unsigned char)t[k]))))
			return 0;
		{
			rp_body body = chained && !keyword ? sc->ref_body :
			    cited_body(sc, i, a);
			const char *fmt = body == RP_BODY_ECOSOC ?
			    "E/RES/%d/%d" : body == RP_BODY_HRC ?
			    "A/HRC/RES/%d/%d" : body == RP_BODY_GA ?
			    "A/RES/%d/%d" : "E/CN.4/RES/%d/%d";

			fill_ref(sc, ref, body, fmt, a, b);
		}
		sc->ref_kind = 2;
		return k - i;
	}
	return 0;
}

static int
symbol_char(char c)
{
	return isalnum((unsigned char)c) || c == '.' || c == '-';
}

/* Where the component after the slash at t[j] starts: past a gap
 * pdftotext left when the component ends the text, as a masthead's
 * line does ("A/RES/ES-11/ 4"); running text keeps its words apart. */
static size_t
component_start(const char *t, size_t n, size_t j)
{
	size_t	k = j + 2;

	if (!rp_symbol_gap(t, n, j + 1))
		return j + 1;
	while (k < n && symbol_char(t[k]))
		k++;
	return k == n ? j + 2 : j + 1;
}

/*
 * The length of a document symbol's text at t[i] (capitals, then '/'
 * segments holding a digit somewhere), or 0.  Sentence punctuation is
 * not part of a symbol.
 */
static size_t
symbol_extent(const char *t, size_t n, size_t i)
{
	size_t	j = i, k;
	int	segs = 0, has_digit = 0;

	if (i > 0 && (isalnum((unsigned char)t[i - 1]) || t[i - 1] == '/'))
		return 0;
	while (j < n && j - i < 8 && isupper((unsigned char)t[j]))
		j++;
	if (j == i || j >= n || t[j] != '/')
		return 0;
	while (j < n && t[j] == '/') {
		size_t from = component_start(t, n, j);

		for (k = from; k < n && symbol_char(t[k]); k++)
			has_digit |= isdigit((unsigned char)t[k]) != 0;
		if (k == from)
			break;
		segs++;
		j = k;
	}
	while (j > i && (t[j - 1] == '.' || t[j - 1] == '-'))
		j--;
	return segs >= 1 && has_digit ? j - i : 0;
}

/*
 * A Security Council symbol sym at t[i..k): its body and number, and
 * the year when " (YYYY)" follows ("S/RES/242 (1967)").  Returns the
 * length with the year, or 0 when none follows.
 */
static size_t
sc_symbol(struct scan *sc, size_t i, size_t k, const char *sym,
    rp_docref *ref)
{
	const char	*t = sc->t;
	size_t		 n = sc->n, p = 6, q = k + 2;
	int		 a = digits(sym, strlen(sym), &p, 4), b;

	if (k + 7 <= n && t[k] == ' ' && t[k + 1] == '(' && t[k + 6] == ')' &&
	    (b = digits(t, n, &q, 4)) >= 1946 && q == k + 6) {
		fill_ref(sc, ref, RP_BODY_SC, NULL, a, b);
		return k + 7 - i;
	}
	if (a > 0) {
		ref->body = RP_BODY_SC;
		ref->number = rp_doc_strndup(sc->ctx->doc, sym + 6,
		    strlen(sym + 6));
	}
	return 0;
}

/* A symbol's text without the gaps symbol_extent let in. */
static void
squeeze_gaps(char *sym)
{
	char	*w = sym;

	for (; *sym != '\0'; sym++)
		if (*sym != ' ')
			*w++ = *sym;
	*w = '\0';
}

/* A document symbol at t[i]: "A/RES/60/288", "S/2021/1105 (2021)". */
static size_t
symbol_ref(struct scan *sc, size_t i, rp_docref *ref)
{
	size_t	 len = symbol_extent(sc->t, sc->n, i), with_year, off;
	char	*sym;

	if (len == 0)
		return 0;
	sym = rp_doc_strndup(sc->ctx->doc, sc->t + i, len);
	squeeze_gaps(sym);
	ref->symbol = sym;
	ref->body = RP_BODY_UNKNOWN;
	if (strncmp(sym, "S/RES/", 6) == 0) {
		if ((with_year = sc_symbol(sc, i, i + len, sym, ref)) > 0)
			return with_year;
	} else if (strncmp(sym, "A/RES/", 6) == 0 ||
	    strncmp(sym, "E/RES/", 6) == 0 ||
	    strncmp(sym, "A/HRC/RES/", 10) == 0) {
		off = sym[2] == 'H' ? 10 : 6;
		ref->body = sym[0] == 'E' ? RP_BODY_ECOSOC : off == 10 ?
		    RP_BODY_HRC : RP_BODY_GA;
		ref->number = rp_doc_strdup(sc->ctx->doc, sym + off);
		if (ref->body == RP_BODY_ECOSOC)
			ref->year = atoi(sym + off);
	}
	return len;
}

static void
add_ref(struct scan *sc, rp_node *parent, size_t *run, size_t i,
    size_t len, rp_docref *ref)
{
	rp_node	*node, *text;
	char	 iso[11];
	size_t	 dlen;

	add_text(sc, parent, *run, i);
	node = new_node(sc, RP_NODE_DOCREF, i);
	node->ref = rp_doc_alloc(sc->ctx->doc, sizeof(*ref));
	*node->ref = *ref;
	/* "1373 (2001) of 28 September 2001": the date of the cited text. */
	if (i + len + 4 < sc->n && strncmp(sc->t + i + len, " of ", 4) == 0 &&
	    (dlen = rp_parse_date(sc->t + i + len + 4, sc->n - i - len - 4,
	    iso)) > 0)
		node->ref->date = rp_doc_strdup(sc->ctx->doc, iso);
	text = new_node(sc, RP_NODE_TEXT, i);
	text->literal = rp_doc_strndup(sc->ctx->doc, sc->t + i, len);
	rp_node_append(node, text);
	rp_node_append(parent, node);
	sc->have_ref = 1;
	sc->ref_end = i + len;
	sc->ref_body = ref->body;
	*run = i + len;
}

static void
add_date(struct scan *sc, rp_node *parent, size_t *run, size_t i,
    size_t len, const char *iso)
{
	rp_node *node, *text;

	add_text(sc, parent, *run, i);
	node = new_node(sc, RP_NODE_DATE, i);
	node->href = rp_doc_strdup(sc->ctx->doc, iso);
	text = new_node(sc, RP_NODE_TEXT, i);
	text->literal = rp_doc_strndup(sc->ctx->doc, sc->t + i, len);
	rp_node_append(node, text);
	rp_node_append(parent, node);
	*run = i + len;
}

/* --------------------------------------------------------- scanning */

/* Whether t[i] follows a date just read ("20055": its year, then 5). */
static int
after_date(const rp_node *parent, size_t run, size_t i)
{
	return run == i && parent->last != NULL &&
	    parent->last->type == RP_NODE_DATE;
}

/*
 * Whether the digits t[i..j) are a year with a marker glued to it, as a
 * PDF's superscript comes out: "20172", "203412"; the marker has one or
 * two digits, no leading zero, and punctuation or a space after it.
 */
static int
glued_to_year(const struct scan *sc, size_t i, size_t j, size_t b)
{
	const char	*t = sc->t;
	unsigned char	 q = j < b ? (unsigned char)t[j] : ' ';

	if (j - i < 5 || j - i > 6 || t[i + 4] == '0' ||
	    !((t[i] == '1' && t[i + 1] == '9') ||
	    (t[i] == '2' && t[i + 1] == '0')))
		return 0;
	return !(isalpha(q) || q == '/' || q == '-' || ((q == '.' ||
	    q == ',') && j + 1 < b && isdigit((unsigned char)t[j + 1])));
}

/* A date at t[i] whose year has a marker glued to it ("16 September
 * 20055"): its length up to the year, or 0. */
static size_t
date_before_marker(const struct scan *sc, size_t i, size_t b, char iso[11])
{
	const char	*t = sc->t;
	size_t		 k, e;

	for (k = i + 1; k < b && k - i < 32; k++) {
		if (!isdigit((unsigned char)t[k]) ||
		    isdigit((unsigned char)t[k - 1]))
			continue;
		for (e = k; e < b && isdigit((unsigned char)t[e]); e++)
			continue;
		if (glued_to_year(sc, k, e, b))
			return rp_parse_date(t + i, k + 4 - i, iso) ==
			    k + 4 - i ? k + 4 - i : 0;
	}
	return 0;
}

/* Where scan_text is in the text it scans: t[a..b) goes under parent,
 * and t[run..) is the plain text not yet added. */
struct span {
	rp_node	*parent;
	size_t	 a, b, run;
};

/* "¹²": superscript digits, a marker when the document has its note. */
static size_t
scan_superscript(struct scan *sc, struct span *s, size_t i)
{
	char		 marker[16];
	size_t		 j = i, m = 0, len;
	uint32_t	 cp;

	while (j < s->b && (len = rp_utf8_decode(sc->t + j, s->b - j,
	    &cp)) > 0 && rp_superscript_digit(cp) >= 0 &&
	    m + 1 < sizeof(marker)) {
		marker[m++] = (char)('0' + rp_superscript_digit(cp));
		j += len;
	}
	marker[m] = '\0';
	return try_marker(sc, s->parent, &s->run, i, j, marker,
	    RP_MARK_SUPERSCRIPT) ? s->run : j;
}

/* "word[12]": a bracketed marker glued to its word. */
static size_t
scan_bracket(struct scan *sc, struct span *s, size_t i, size_t j)
{
	char marker[16];

	memcpy(marker, sc->t + i + 1, j - i - 2);
	marker[j - i - 2] = '\0';
	return try_marker(sc, s->parent, &s->run, i, j, marker,
	    RP_MARK_GLUED) ? s->run : j;
}

/* "所在地.(注)": a marker in words ([note markers]) at t[i..j). */
static size_t
scan_note_word(struct scan *sc, struct span *s, size_t i, size_t j)
{
	char marker[16];

	if (j - i >= sizeof(marker))
		return j;
	memcpy(marker, sc->t + i, j - i);
	marker[j - i] = '\0';
	return try_marker(sc, s->parent, &s->run, i, j, marker,
	    RP_MARK_GLUED) ? s->run : j;
}

/* "الإنسان(1)،", "لعام 2030(1)": a number in the brackets of [note
 * markers] glued to its word, at t[i..).  After a letter, a glued
 * marker; after a number ("2030(1)", but also "المادة 2(4)"), only the
 * note expected next.  Where scanning goes on, or 0 if none. */
static size_t
scan_note_number(struct scan *sc, struct span *s, size_t i)
{
	const char	*t = sc->t;
	char		 marker[16];
	size_t		 k = i, len, j;
	uint32_t	 cp = 0;
	int		 num, digits = 0;

	while (k > s->a && rp_digit_value(cp = rp_utf8_last(t + s->a,
	    k - s->a, &len)) >= 0 && digits < 8) {
		k -= len;
		digits++;
	}
	if (k == i && k > s->a)
		cp = rp_utf8_last(t + s->a, k - s->a, &len);
	if (digits > 0 && k > s->a && t[k - 1] == ' ' && k - 1 > s->a)
		cp = rp_utf8_last(t + s->a, k - 1 - s->a, &len);
	if (k == s->a || (j = rp_note_number(t + i, s->b - i, cp,
	    &num)) == 0)
		return 0;
	snprintf(marker, sizeof(marker), "%d", num);
	return try_marker(sc, s->parent, &s->run, i, i + j, marker,
	    digits > 0 ? RP_MARK_SPACED : RP_MARK_GLUED) ? s->run : 0;
}

/* "*" after CJK punctuation or a word: a footnote marker; one or two
 * stars and a slash: the old form.  t[i..j) is the run of stars. */
static size_t
scan_star(struct scan *sc, struct span *s, size_t i, size_t j)
{
	const char	*t = sc->t;
	char		 marker[16];
	size_t		 stars = t[j - 1] == '/' ? j - 1 - i : j - i, len;
	uint32_t	 next;

	memcpy(marker, t + i, stars);
	marker[stars] = '\0';
	if (try_marker(sc, s->parent, &s->run, i, j, marker,
	    RP_MARK_GLUED) == 0)
		return i + stars;
	/* "附件，* 将": the space set the marker off in the print;
	 * Chinese text has none. */
	if (s->run + 1 < s->b && t[s->run] == ' ' &&
	    rp_is_cjk(rp_utf8_last(t + s->a, i - s->a, &len)) &&
	    rp_utf8_decode(t + s->run + 1, s->b - s->run - 1, &next) > 0 &&
	    rp_is_cjk(next))
		s->run++;
	return s->run;
}

/* Whether cp is a letter inside a word: Latin, accented, Cyrillic,
 * Arabic or Han, no punctuation. */
static int
word_letter(uint32_t cp)
{
	if (cp < 0x80)
		return isalpha((int)cp);
	if (rp_is_cjk(cp))
		return !(cp >= 0x3000 && cp <= 0x303F);
	return cp >= 0xC0 && cp < 0x2000;
}

/* Two markers set together inside a word, the digits t[i..j) no marker
 * whole ("第一2325兩月": notes 23 and 25, as a scan glued them): cut where
 * the first is the note expected next and the second a later one not
 * yet cited.  Where scanning goes on, or 0. */
static size_t
marker_pair(struct scan *sc, struct span *s, size_t i, size_t j)
{
	char		 first[8], second[8];
	size_t		 k, len;
	uint32_t	 after;

	if (sc->ctx->uncited == NULL || j - i < 3 || j - i > 4 ||
	    i == s->a || j >= s->b ||
	    !word_letter(rp_utf8_last(sc->t + s->a, i - s->a, &len)) ||
	    rp_utf8_decode(sc->t + j, s->b - j, &after) == 0 ||
	    !word_letter(after))
		return 0;
	for (k = i + 1; k < j; k++) {
		if (sc->t[k] == '0')
			continue;
		snprintf(first, sizeof(first), "%.*s", (int)(k - i),
		    sc->t + i);
		snprintf(second, sizeof(second), "%.*s", (int)(j - k),
		    sc->t + k);
		if (atoi(second) <= atoi(first) ||
		    !sc->ctx->uncited(sc->ctx->arg, second) ||
		    !try_marker(sc, s->parent, &s->run, i, k, first,
		    RP_MARK_SPACED))
			continue;
		try_marker(sc, s->parent, &s->run, k, j, second,
		    RP_MARK_PAIR);
		return s->run;
	}
	return 0;
}

/* A marker in the digits t[i..j), in one of its forms: "mensuel[1]"
 * (a wiki's, the brackets go with it), "word12", "the 20007 and" (a
 * year, then the marker).  Where scanning goes on, or 0. */
static size_t
digit_marker(struct scan *sc, struct span *s, size_t i, size_t j,
    int starts)
{
	const char	*t = sc->t;
	char		 marker[16];
	int		 kind;

	if (i >= s->a + 2 && t[i - 1] == '[' && t[i - 2] != ' ' &&
	    j < s->b && t[j] == ']' && j - i < 4) {
		memcpy(marker, t + i, j - i);
		marker[j - i] = '\0';
		if (try_marker(sc, s->parent, &s->run, i - 1, j + 1, marker,
		    RP_MARK_GLUED))
			return s->run;
	}
	if (j - i < sizeof(marker)) {
		kind = marker_kind(sc, s->parent, s->run, i, j);
		memcpy(marker, t + i, j - i);
		marker[j - i] = '\0';
		if (kind >= 0 && try_marker(sc, s->parent, &s->run, i,
		    slash_marker_end(sc, j, s->b), marker,
		    (enum rp_marker_kind)kind))
			return s->run;
	}
	if (starts && glued_to_year(sc, i, j, s->b)) {
		memcpy(marker, t + i + 4, j - i - 4);
		marker[j - i - 4] = '\0';
		if (try_marker(sc, s->parent, &s->run, i + 4, j, marker,
		    RP_MARK_SPACED))
			return s->run;
	}
	return 0;
}

/* Digits at t[i]: a reference ("resolution 242 (1967)"), a date, a
 * footnote marker, or just a number. */
static size_t
scan_digits(struct scan *sc, struct span *s, size_t i)
{
	const char	*t = sc->t;
	int		 starts = i == s->a || !isalnum((unsigned char)t[i - 1]);
	size_t		 len, j, next;
	rp_docref	 ref;
	char		 iso[11];

	memset(&ref, 0, sizeof(ref));
	if (starts && (len = number_ref(sc, i, &ref)) > 0) {
		add_ref(sc, s->parent, &s->run, i, len, &ref);
		return s->run;
	}
	if (starts && ((len = rp_parse_date(t + i, s->b - i, iso)) > 0 ||
	    (len = date_before_marker(sc, i, s->b, iso)) > 0)) {
		add_date(sc, s->parent, &s->run, i, len, iso);
		return s->run;
	}
	for (j = i; j < s->b && isdigit((unsigned char)t[j]); j++)
		continue;
	if ((next = digit_marker(sc, s, i, j, starts)) == 0)
		next = marker_pair(sc, s, i, j);
	return next > 0 ? next : j;
}

/* A capital at t[i]: a document symbol ("S/RES/242"), or a word. */
static size_t
scan_capital(struct scan *sc, struct span *s, size_t i)
{
	rp_docref	 ref;
	size_t		 len;

	memset(&ref, 0, sizeof(ref));
	if ((len = symbol_ref(sc, i, &ref)) > 0) {
		add_ref(sc, s->parent, &s->run, i, len, &ref);
		return s->run;
	}
	while (i < s->b && isalpha((unsigned char)sc->t[i]))
		i++;
	return i;
}

/* Whether byte c of a text starts nothing scan_text looks for: ASCII
 * but a digit, a capital, "*", "[" or "(".  Every byte is asked: the
 * answer is a bit of two words, the bytes below 64 ("(", "*", digits)
 * and those from 64 (capitals, "["). */
#define STARTS_LOW	(1ull << '(' | 1ull << '*' | 0x3FFull << '0')
#define STARTS_HIGH	(0x7FFFFFFull << ('A' - 64))

static int
starts_nothing(char c)
{
	unsigned char u = (unsigned char)c;

	return u < 0x80 &&
	    !(((u < 64 ? STARTS_LOW : STARTS_HIGH) >> (u & 63)) & 1);
}

/* Plain text t[a..b): markers, references, dates. */
static void
scan_text(struct scan *sc, rp_node *parent, size_t a, size_t b)
{
	const char	*t = sc->t;
	struct span	 s = { parent, a, b, a };
	size_t		 i = a, len, j;
	uint32_t	 cp;

	while (i < b) {
		/* Most of a text: ASCII that starts nothing below. */
		if (starts_nothing(t[i])) {
			i++;
			continue;
		}
		len = rp_utf8_get(t + i, b - i, &cp, 0xFFFD);
		if (rp_superscript_digit(cp) >= 0)
			i = scan_superscript(sc, &s, i);
		else if ((cp == '(' || cp >= 0x80) && i > a &&
		    (j = rp_lang_phrase(RP_LK_NOTE_MARKER, t + i, b - i,
		    NULL)) > 0)
			i = scan_note_word(sc, &s, i, i + j);
		else if (cp == '(' && i > a && t[i - 1] != ' ' &&
		    (j = scan_note_number(sc, &s, i)) > 0)
			i = j;
		else if (cp == '[' && i > a &&
		    (j = bracket_marker_end(sc, i, b)) > i)
			i = scan_bracket(sc, &s, i, j);
		else if (cp == '*' && i > a && t[i - 1] != '*' &&
		    (j = star_marker_end(sc, i, b)) > i)
			i = scan_star(sc, &s, i, j);
		else if (cp < 0x80 && isdigit((int)cp) &&
		    (i == a || !isalnum((unsigned char)t[i - 1]) ||
		    islower((unsigned char)t[i - 1]) ||
		    after_date(parent, s.run, i)))
			i = scan_digits(sc, &s, i);
		else if (cp < 0x80 && isupper((int)cp))
			i = scan_capital(sc, &s, i);
		else
			i += len;
	}
	add_text(sc, parent, s.run, b);
}

/* The closing run of n '*' for an opener at t[i], or 0. */
static size_t
find_closer(const struct scan *sc, size_t i, size_t b, size_t n)
{
	const char	*t = sc->t;
	size_t		 j, r;

	for (j = i; j < b; j++) {
		if (t[j] != '*')
			continue;
		for (r = 0; j + r < b && t[j + r] == '*'; r++)
			continue;
		if (r == n && t[j - 1] != ' ' &&
		    (j + r == b || !isalnum((unsigned char)t[j + r])))
			return j;
		j += r - 1;
	}
	return 0;
}

static void	parse_range(struct scan *, rp_node *, size_t, size_t, int);

/*
 * An emphasis at t[i] (a run of one to three '*' with its closer): its
 * node and contents added to parent.  Returns where the text goes on
 * after it, or 0 when the run opens nothing (*skip: its length).
 */
static size_t
emphasis_span(struct scan *sc, rp_node *parent, size_t a, size_t i,
    size_t b, int depth, size_t run, size_t *skip)
{
	const char	*t = sc->t;
	size_t		 r, close;
	rp_node		*node;

	for (r = 0; i + r < b && t[i + r] == '*'; r++)
		continue;
	*skip = r;
	if (r > 3 || i + r >= b || t[i + r] == ' ' ||
	    (i > a && isalnum((unsigned char)t[i - 1])) ||
	    (close = find_closer(sc, i + r, b, r)) == 0)
		return 0;
	scan_text(sc, parent, run, i);
	node = new_node(sc, r == 1 ? RP_NODE_EMPH : RP_NODE_STRONG, i);
	rp_node_append(parent, node);
	if (r == 3) {			/* "***": strong and emphasis */
		rp_node *em = new_node(sc, RP_NODE_EMPH, i);

		rp_node_append(node, em);
		node = em;
	}
	parse_range(sc, node, i + r, close, depth + 1);
	return close + r;
}

/* Whether a link's target is harmless: a web or mail address, or one
 * with no scheme. */
static int
safe_target(const char *url, size_t ulen)
{
	return (ulen > 7 && strncasecmp(url, "http://", 7) == 0) ||
	    (ulen > 8 && strncasecmp(url, "https://", 8) == 0) ||
	    (ulen > 7 && strncasecmp(url, "mailto:", 7) == 0) ||
	    memchr(url, ':', ulen) == NULL;
}

/* Where c is in t[from..b), or 0. */
static size_t
find_byte(const char *t, size_t from, size_t b, char c)
{
	const char	*p = memchr(t + from, c, b - from);

	return p != NULL ? (size_t)(p - t) : 0;
}

/* Where the target that opens at t[from] ends: its ")", past the
 * parentheses it holds in pairs ("javascript:alert(1)", a Wikipedia
 * address "..._(1967)"), as CommonMark reads it; 0 if none. */
static size_t
target_end(const char *t, size_t from, size_t b)
{
	size_t	k;
	int	open = 0;

	for (k = from; k < b; k++)
		if (t[k] == '(')
			open++;
		else if (t[k] == ')' && open-- == 0)
			return k;
	return 0;
}

/*
 * A link "[text](target)" at t[i]: added to parent, or its text alone
 * with a warning when the target is unsafe.  Returns where the text
 * goes on after it, or 0 when there is no link at i.
 */
static size_t
link_span(struct scan *sc, rp_node *parent, size_t i, size_t b, int depth,
    size_t run)
{
	const char	*t = sc->t, *url;
	size_t		 j, k, ulen;
	rp_node		*node;
	int		 line, col;

	if ((j = find_byte(t, i, b, ']')) <= i || j + 1 >= b ||
	    t[j + 1] != '(' || (k = target_end(t, j + 2, b)) <= j)
		return 0;
	url = t + j + 2;
	ulen = k - j - 2;
	scan_text(sc, parent, run, i);
	if (safe_target(url, ulen)) {
		node = new_node(sc, RP_NODE_LINK, i);
		node->href = rp_doc_strndup(sc->ctx->doc, url, ulen);
		rp_node_append(parent, node);
		parse_range(sc, node, i + 1, j, depth + 1);
	} else {
		position(sc, i, &line, &col);
		rp_msg(sc->ctx->doc, RP_WARNING, "unsafe-link", line, col,
		    "unsafe link target dropped, text kept: %.*s",
		    (int)ulen, url);
		parse_range(sc, parent, i + 1, j, depth + 1);
	}
	return k + 1;
}

/* Markdown-aware parsing of t[a..b) into parent. */
static void
parse_range(struct scan *sc, rp_node *parent, size_t a, size_t b,
    int depth)
{
	const char	*t = sc->t;
	size_t		 i = a, run = a, next, skip;

	while (i < b && sc->ctx->markdown && depth < 8) {
		/* Most bytes open neither emphasis nor a link. */
		while (i < b && t[i] != '*' && t[i] != '[')
			i++;
		if (i == b)
			break;
		if (t[i] == '*' && (i == 0 || t[i - 1] != '\\')) {
			next = emphasis_span(sc, parent, a, i, b, depth, run,
			    &skip);
			i = next > 0 ? (run = next) : i + skip;
			continue;
		}
		if (t[i] == '[' && (next = link_span(sc, parent, i, b, depth,
		    run)) > 0) {
			i = run = next;
			continue;
		}
		i++;
	}
	scan_text(sc, parent, run, b);
}

/*
 * Undo what Markdown does to plain text before parsing: backslash
 * escapes, and links with no target ("[S/2021/1105](#)"), which are
 * text to cite.  Fills map with each output byte's input offset.
 */
static size_t
unwrap(const char *s, size_t n, char *out, size_t *map)
{
	size_t i = 0, o = 0, j, k;

	while (i < n) {
		if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
			map[o] = i + 1;
			out[o++] = s[i + 1];
			i += 2;
			continue;
		}
		if (s[i] == '[') {
			const char *close = memchr(s + i, ']', n - i);

			j = close ? (size_t)(close - s) : 0;
			if (j > i && j + 2 < n && s[j + 1] == '(' &&
			    ((s[j + 2] == '#' && j + 3 < n && s[j + 3] == ')') ||
			    s[j + 2] == ')')) {
				k = s[j + 2] == '#' ? j + 4 : j + 3;
				/* Keep the text, drop "[" and "](#)". */
				size_t m, start = o;

				o += unwrap(s + i + 1, j - i - 1, out + o,
				    map + o);
				for (m = start; m < o; m++)
					map[m] += i + 1;
				i = k;
				continue;
			}
		}
		map[o] = i;
		out[o++] = s[i++];
	}
	return o;
}

void
rp_inline_parse(struct rp_inline_ctx *ctx, rp_node *parent, const char *s,
    size_t n)
{
	struct scan	 sc;
	char		*t = NULL;
	size_t		*map = NULL, tn;

	memset(&sc, 0, sizeof(sc));
	sc.ctx = ctx;
	sc.t = s;
	sc.n = n;
	if (ctx->markdown && (memchr(s, '\\', n) || memchr(s, '[', n))) {
		t = malloc(n + 1);
		map = malloc((n + 1) * sizeof(*map));
		if (t == NULL || map == NULL) {
			free(t);
			free(map);
			t = NULL;
			map = NULL;
		} else {
			tn = unwrap(s, n, t, map);
			map[tn] = n;
			sc.t = t;
			sc.n = tn;
			sc.map = map;
		}
	}
	parse_range(&sc, parent, 0, sc.n, 0);
	free(t);
	free(map);
}

void
rp_inline_refs(struct rp_inline_ctx *ctx, rp_node *text)
{
	struct rp_inline_ctx	 here = *ctx;
	struct scan		 sc;
	rp_node			*holder, *c, *next;

	/* Positions: the text node's own. */
	here.pos = NULL;
	here.npos = 0;
	here.line = text->line;
	here.col = text->col;
	memset(&sc, 0, sizeof(sc));
	sc.ctx = &here;
	sc.t = text->literal;
	sc.n = strlen(text->literal);
	/* Scan into a detached holder, then move the pieces in place. */
	holder = rp_node_new(here.doc, RP_NODE_BLOCK, text->line, text->col);
	scan_text(&sc, holder, 0, sc.n);
	for (c = holder->first; c != NULL; c = next) {
		next = c->next;
		rp_node_insert_before(text, c);
	}
	rp_node_unlink(text);
}
