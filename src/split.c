/* split.c -- a compilation in one text (a yearbook volume, a session's
 * resolutions pasted one after another) divided into the resolutions it
 * holds, each then read on its own (respub --split).
 *
 * A resolution begins at its number or symbol line ("Resolution 851
 * (1993)", "2 (1946). Resolution of ...", "S/RES/902 (1994)", "58/136.
 * Title") when
 * three things hold: the text before it, since the last beginning, has
 * an operative part (a formula or a numbered paragraph); an enacting
 * formula ("The Security Council,") follows within a few lines, before
 * any numbered paragraph; and so a resolution that cites another on a
 * line of its own is never cut there.  The piece starts at the masthead
 * lines and subject heading just above that line (organization, body,
 * distribution, date, a heading in capitals), not at the line itself.
 * One pass over the lines, with bounded looks ahead and back: linear. */
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "respub.h"

/* How far a formula may follow a resolution's number line, and how many
 * masthead lines may stand above it (non-blank lines). */
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

static int
is_number_line(const struct line *l)
{
	int role = rp_masthead_role(l->s, l->n);

	/* "resolution 338 (1973)." in lower case goes on a sentence. */
	return (role == RP_ROLE_DOCTYPE || role == RP_ROLE_SYMBOL ||
	    role == RP_ROLE_NUMBER || rp_number_before_title(l->s, l->n) > 0) &&
	    !rp_starts_lower(l->s, l->n);
}

/* Whether an enacting formula follows line i closely, before any
 * numbered paragraph. */
static int
formula_follows(const struct line *v, size_t n, size_t i)
{
	size_t	 seen = 0;
	rp_body	 body;

	for (i++; i < n && seen < HEAD_LINES; i++) {
		if (v[i].n == 0)
			continue;
		if (rp_is_formula(v[i].s, v[i].n, &body))
			return 1;
		if (rp_opens_unit(v[i].s, v[i].n))
			return 0;
		seen++;
	}
	return 0;
}

/* What shows a piece has its operative part: a formula or a numbered
 * paragraph. */
static int
is_operative(const struct line *l)
{
	rp_body	 body;
	size_t	 numlen = 0;

	return rp_is_formula(l->s, l->n, &body) ||
	    (rp_paragraph_number(l->s, l->n, &numlen) > 0 && numlen > 0);
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
			break;
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
	int		 body = 0;

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
		    is_number_line(&v[i]) && formula_follows(v, n, i) &&
		    (first = piece_start(v, i, floor)) != (size_t)-1) {
			out[np++] = v[first].at;
			floor = i;
			body = 0;
			continue;
		}
		body |= is_operative(&v[i]);
	}
	free(v);
	*starts = out;
	return np;
}
