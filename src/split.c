/* split.c -- a compilation in one text (a yearbook volume, a session's
 * resolutions pasted one after another) divided into the resolutions it
 * holds, each then read on its own (respub --split).
 *
 * A resolution begins at its number or symbol line ("Resolution 851
 * (1993)", "2 (1946). Resolution of ...", "S/RES/902 (1994)", "58/136.
 * Title") when three things hold: the text before it, since the last
 * beginning, has an operative part (a formula, a numbered paragraph, or
 * after a recital an operative verb or closing line: "Adopted at the
 * 101st meeting"); the line opens a paragraph that no page cut ("... of
 * 5 June 1982 and⏎⏎20 (1982) of ..."); and the resolution's opening
 * follows within a few lines, before any numbered paragraph: an enacting
 * formula ("The Security Council,") or, under a line naming the
 * resolution, a first recital ("Whereas ...", "Recalling ..."), as old
 * texts and those adopted with no formula have.  So a resolution that
 * cites another on a line of its own, or a running head repeating its
 * symbol, is never cut there.  The piece starts at the masthead lines
 * and subject heading just above that line (organization, body,
 * distribution, date, a heading in capitals), not at the line itself,
 * nor at a note's last line that looks like one ("S/865.").
 * One pass over the lines, with bounded looks ahead and back: linear. */
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "lang.h"
#include "respub.h"

/* How far a formula or first recital may follow a resolution's number
 * line, and how many masthead lines may stand above it (non-blank). */
#define HEAD_LINES	8
#define BACK_LINES	12

struct line {
	const char	*s;
	size_t		 n, at;		/* trimmed text; offset of the line */
};

/* The lines of buf, trimmed of spaces, CR and form feeds (a page break
 * is a blank line). */
static struct line *
lines_of(const char *buf, size_t len, size_t *count)
{
	struct line	*v;
	size_t		 n = 1, i, k = 0, at = 0;

	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return NULL;
	while (at <= len && k < n) {
		const char *nl = memchr(buf + at, '\n', len - at);
		size_t end = nl != NULL ? (size_t)(nl - buf) : len, b = at;

		while (b < end && memchr(" \t\f", buf[b], 3) != NULL)
			b++;
		while (end > b && memchr(" \t\f\r", buf[end - 1], 4) != NULL)
			end--;
		v[k].s = buf + b;
		v[k].n = end - b;
		v[k++].at = at;
		at = nl != NULL ? (size_t)(nl - buf) + 1 : len + 1;
	}
	*count = k;
	return v;
}

/* "Resolution 290" (its date on the next line), "Resolution 361
 * (197-4)": the word for a resolution, then a number, whatever follows. */
static int
names_number(const struct line *l)
{
	rp_lang_hit	 h;
	size_t		 k = rp_lang_match(RP_LK_DOCTYPE, l->s, l->n, &h);

	return k > 0 && h.num < 0 && k + 1 < l->n && l->s[k] == ' ' &&
	    l->s[k + 1] >= '0' && l->s[k + 1] <= '9';
}

/* Whether line l is a resolution's number or symbol line: 0 if not,
 * else 2 for one that names it ("Resolution 466 (1980)", "17 (1947).
 * Resolution of ..."), 1 for a symbol or number alone, which a running
 * head also prints. */
static int
number_line(const struct line *l)
{
	int role = rp_masthead_role(l->s, l->n);

	/* "resolution 338 (1973)." in lower case goes on a sentence. */
	if (rp_starts_lower(l->s, l->n))
		return 0;
	if (role == RP_ROLE_DOCTYPE || names_number(l))
		return 2;
	return role == RP_ROLE_SYMBOL || role == RP_ROLE_NUMBER ||
	    rp_number_before_title(l->s, l->n) > 0;
}

/* Whether a resolution's opening follows line i closely, before any
 * numbered paragraph: its enacting formula ("The Security Council,"), or,
 * under a line that names the resolution (`named`), the first recital
 * of a text with no formula before it ("Whereas ...", "Recalling its
 * resolutions ...", under a date or adoption line) or the connector to
 * its operative part ("Therefore"). */
static int
opening_follows(const struct line *v, size_t n, size_t i, int named)
{
	size_t	 seen = 0;
	rp_body	 body;

	for (i++; i < n && seen < HEAD_LINES; i++) {
		if (v[i].n == 0)
			continue;
		if (rp_is_formula(v[i].s, v[i].n, &body))
			return 1;
		/* A paragraph, or another number line: the opening is
		 * another's ("Resolution 474 (1980)" a page ends with). */
		if (rp_opens_unit(v[i].s, v[i].n) ||
		    (v[i - 1].n == 0 && number_line(&v[i]) > 0))
			return 0;
		if (named && ((!rp_starts_lower(v[i].s, v[i].n) &&
		    rp_opener_kind(v[i].s, v[i].n) == RP_PARA_PREAMBULAR) ||
		    rp_is_connector(v[i].s, v[i].n)))
			return 1;
		seen++;
	}
	return 0;
}

/* Whether line i opens a paragraph with a capitalized preambular opener
 * ("Whereas", "Recalling"). */
static int
opens_recital(const struct line *v, size_t i)
{
	return (i == 0 || v[i - 1].n == 0) &&
	    !rp_starts_lower(v[i].s, v[i].n) &&
	    rp_opener_kind(v[i].s, v[i].n) == RP_PARA_PREAMBULAR;
}

/* What shows a piece has its operative part: a formula, a numbered
 * paragraph, or, once its text has begun (`begun`: a recital seen), a
 * paragraph opened by an operative verb ("It is resolved that ...") or
 * its closing line ("Adopted at the 101st meeting"); a masthead's
 * "Resolution adopted by the General Assembly" is none. */
static int
is_operative(const struct line *v, size_t i, int begun)
{
	const struct line *l = &v[i];
	rp_body	 body;
	size_t	 numlen = 0;

	if (rp_is_formula(l->s, l->n, &body) ||
	    (rp_paragraph_number(l->s, l->n, &numlen) > 0 && numlen > 0))
		return 1;
	return begun && v[i - 1].n == 0 && (rp_opens_conclusion(l->s, l->n) ||
	    rp_opener_kind(l->s, l->n) == RP_PARA_OPERATIVE);
}

/* Whether the text before the blank line above line i goes on across
 * it: a page cut it in a word no sentence ends with ("... and"). */
static int
continues_above(const struct line *v, size_t i)
{
	while (i > 0 && v[i - 1].n == 0)
		i--;
	return i > 0 && rp_ends_function_word(v[i - 1].s, v[i - 1].n);
}

/* A subject heading in capitals ("MILITARY STAFF COMMITTEE"). */
static int
is_caps_heading(const struct line *l)
{
	size_t	 i, letters = 0;

	for (i = 0; i < l->n; i++) {
		unsigned char c = (unsigned char)l->s[i];

		if (c >= 'a' && c <= 'z')
			return 0;
		letters += c >= 'A' && c <= 'Z';
	}
	return letters >= 3 && !rp_ends_clause(l->s, l->n);
}

/* The first masthead line below line k, a line of text: the lines
 * glued to k with no blank line between go on with it (a note's last
 * line "S/865." is no symbol of the resolution below).  Both loops stop
 * by the number line: piece_start's caller has a blank line above it. */
static size_t
below_paragraph(const struct line *v, size_t k, size_t first)
{
	size_t	 at = k + 1;

	while (v[at].n != 0)
		at++;
	while (v[at].n == 0)
		at++;
	return at > first ? at : first;
}

/* Where the resolution whose number is line i begins: above it, its
 * masthead lines and heading, down to line `floor`; (size_t)-1 when an
 * annex heading is above it (a text annexed, not a new resolution). */
static size_t
piece_start(const struct line *v, size_t i, size_t floor)
{
	size_t	 first = i, k = i, seen = 0;

	while (k > floor && seen < BACK_LINES) {
		const struct line *l = &v[--k];
		int role;

		if (l->n == 0)
			continue;
		if (rp_is_annex_heading(l->s, l->n))
			return (size_t)-1;
		role = rp_masthead_role(l->s, l->n);
		if ((role == RP_ROLE_NONE || role == RP_ROLE_TITLE ||
		    role == RP_ROLE_ADOPTION || role == RP_ROLE_NOTE) &&
		    !is_caps_heading(l) && l->n > 2)
			return below_paragraph(v, k, first);
		first = k;
		seen++;
	}
	return first;
}

size_t
rp_split_text(const char *buf, size_t len, size_t **starts)
{
	struct line	*v;
	size_t		 n, i, np = 1, floor = 0, first, *out;
	int		 body = 0, begun = 0, named;

	*starts = NULL;
	if ((v = lines_of(buf, len, &n)) == NULL ||
	    (out = calloc(n + 1, sizeof(*out))) == NULL) {
		free(v);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (v[i].n == 0)
			continue;
		/* A number line opens a paragraph of its own. */
		if (body && i > 0 && v[i - 1].n == 0 &&
		    (named = number_line(&v[i])) > 0 && !continues_above(v, i) &&
		    opening_follows(v, n, i, named == 2) &&
		    (first = piece_start(v, i, floor)) != (size_t)-1) {
			out[np++] = v[first].at;
			floor = i;
			body = begun = 0;
			continue;
		}
		body |= is_operative(v, i, begun);
		begun |= opens_recital(v, i);
	}
	free(v);
	*starts = out;
	return np;
}
