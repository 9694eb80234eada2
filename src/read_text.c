/* read_text.c -- the plain-text reader: a resolution as copied or
 * extracted from the official PDF, into the document model.
 *
 * It works in passes over the input:
 *   1. lines: split, trim, drop front matter and page furniture;
 *   2. segments: the main text, then one per annex ("Annex", "附件");
 *   3. units: lines joined into logical paragraphs (hard wraps undone,
 *      masthead lines kept apart), footnote definitions taken out;
 *   4. page breaks: units split by a page break joined again;
 *   5. tree: each unit classified (masthead role, formula, preambular or
 *      operative paragraph, sub-item, separator, conclusion, vote) and
 *      its inline content parsed.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "backend.h"
#include "classify.h"
#include "inline.h"
#include "lang.h"
#include "map.h"
#include "seams.h"
#include "utf8.h"

struct line {
	const char	*s;		/* trimmed text */
	size_t		 n;
	int		 no;		/* line number */
	int		 col;		/* column of s[0] */
	int		 chars;		/* length in characters */
	rp_clause_end	 end;		/* how it ends: rp_clause_end_of,
					   asked of most lines many times */
	int		 gone;		/* front matter or page furniture */
	int		 cut;		/* cut from the line before: no
					   break of the source before it */
	int		 page;		/* opens with a form feed: a new
					   page of a PDF's text */
};

enum unit_kind {
	U_TEXT = 0,
	U_MASTHEAD,		/* a masthead line (or joined title lines) */
	U_FNDEF,		/* a footnote definition */
	U_HEADING,		/* a short line standing alone */
	U_SEPARATOR,
	U_ANNEX,		/* an annex heading: starts a segment */
	U_APPENDIX		/* an appendix heading: starts a segment,
				   part of the annex before it */
};

struct unit {
	rp_buf			 text;
	struct rp_srcpos	*pos;
	size_t			 npos, cappos;
	int			 line, col;
	int			 kind;
	int			 seg;
	int			 lastchars;	/* length of its last line */
	int			 block_start;	/* first unit of its block */
	const char		*marker;	/* U_FNDEF */
	const char		*num;		/* a paragraph number set right */
	size_t			 numlen;	/* what stood for it in text */
};

struct fndef {
	rp_node		*node;
	int		 seg;
	int		 number;	/* numeric marker value, or 0 */
	int		 referenced;
};

/* A segment's numbered definitions as a min-heap by number (indices of
 * fns): the lowest not yet referenced, found without a scan. */
struct noteheap {
	size_t		*i;
	size_t		 n, cap;
};

struct reader {
	rp_doc		*doc;
	const char	*buf;
	struct line	*lines;
	size_t		 nlines;
	struct unit	*units;
	size_t		 nunits, capunits;
	struct fndef	*fns;
	size_t		 nfns, capfns;
	rp_map		 fnfirst;	/* marker (and segment) -> fns + 1 */
	struct noteheap	*heaps;		/* by segment */
	size_t		 nheaps, capheaps;
	int		 fullwidth;	/* chars of a full line */
	int		 line_per_paragraph; /* no hard wraps */
	int		 lines_are_paragraphs; /* the same across blank lines */
	int		 blank_after_lines; /* after nearly every line: a
					       blank may be a wrap */
	int		 unwrapped;	/* no line that goes on comes near
					   the width: no hard wraps */
	size_t		 formula_at;	/* first line of the formula, or 0 */
	int		 cur_seg;	/* segment whose text is parsed */
	int		 in_note;	/* parsing a footnote: no markers */
	const char	*fm_symbol, *fm_title, *fm_date;
};

/* ------------------------------------------------------------ lines */

static int
char_count(const char *s, size_t n)
{
	return (int)rp_utf8_chars(s, n);
}

/* Trim Unicode white space at both ends. */
static void
trim(const char **s, size_t *n, int *col)
{
	size_t		len;
	uint32_t	cp;

	while (*n > 0 && (len = rp_utf8_decode(*s, *n, &cp)) > 0 &&
	    rp_is_space(cp)) {
		*s += len;
		*n -= len;
		(*col)++;
	}
	while (*n > 0) {
		cp = rp_utf8_last(*s, *n, &len);
		if (!rp_is_space(cp))
			break;
		*n -= len;
	}
}

/* Where the line from i ends: at a '\n' or a '\r', else at len (by
 * memchr, which reads many bytes at a time). */
static size_t
line_end(const char *buf, size_t i, size_t len)
{
	const char	*nl = memchr(buf + i, '\n', len - i), *cr;
	size_t		 e = nl != NULL ? (size_t)(nl - buf) : len;

	cr = memchr(buf + i, '\r', e - i);
	return cr != NULL ? (size_t)(cr - buf) : e;
}

/* What is known of l's text, again after its text changed. */
static void
measure(struct line *l)
{
	l->chars = char_count(l->s, l->n);
	l->end = rp_clause_end_of(l->s, l->n);
}

static void
split_lines(struct reader *r, const char *buf, size_t len)
{
	size_t	i = 0, start, cap = 0;
	int	no = 1;

	while (i <= len) {
		struct line *l;

		start = i;
		i = line_end(buf, i, len);
		if (i == len && start == len)
			break;
		RP_GROW(r->lines, r->nlines, cap);
		l = &r->lines[r->nlines++];
		l->s = buf + start;
		l->n = i - start;
		l->no = no++;
		l->col = 1;
		l->gone = 0;
		l->cut = 0;
		l->page = l->n > 0 && l->s[0] == '\f';
		trim(&l->s, &l->n, &l->col);
		measure(l);
		if (i < len && buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
			i++;
		i++;
	}
}

static int
is_blank(const struct line *l)
{
	return l->n == 0 || l->gone;
}

/* How many digits line l is when it is nothing else ("4", "210322");
 * else 0. */
static size_t
number_line(const struct line *l)
{
	size_t	k;

	for (k = 0; k < l->n && isdigit((unsigned char)l->s[k]); k++)
		continue;
	return k == l->n ? k : 0;
}

static int
line_is(const struct line *l, const char *s)
{
	return l->n == strlen(s) && memcmp(l->s, s, l->n) == 0;
}

/* A "key: value" front-matter line: copy the value (quotes removed). */
static const char *
fm_value(struct reader *r, const struct line *l, const char *key)
{
	size_t		 k = strlen(key);
	const char	*v;
	size_t		 n;

	if (l->n <= k + 1 || strncmp(l->s, key, k) != 0 || l->s[k] != ':')
		return NULL;
	v = l->s + k + 1;
	n = l->n - k - 1;
	while (n > 0 && *v == ' ') {
		v++;
		n--;
	}
	if (n >= 2 && (*v == '"' || *v == '\'') && v[n - 1] == *v) {
		v++;
		n -= 2;
	}
	return rp_doc_strndup(r->doc, v, n);
}

/* YAML front matter added by extraction tools: metadata, not text. */
static void
front_matter(struct reader *r)
{
	size_t	i, end;

	if (r->nlines < 2 || !line_is(&r->lines[0], "---"))
		return;
	for (end = 1; end < r->nlines && end < 60; end++)
		if (line_is(&r->lines[end], "---"))
			break;
	if (end >= r->nlines || end >= 60)
		return;
	for (i = 0; i <= end; i++) {
		struct line	*l = &r->lines[i];
		const char	*v;

		l->gone = 1;
		if ((v = fm_value(r, l, "symbol")) != NULL)
			r->fm_symbol = v;
		else if ((v = fm_value(r, l, "title")) != NULL)
			r->fm_title = v;
		else if ((v = fm_value(r, l, "date")) != NULL)
			r->fm_date = v;
	}
	rp_msg(r->doc, RP_INFO, "front-matter",
	    1, 1, "front matter (lines 1-%zu) read as "
	    "metadata", end + 1);
}

/* Where a masthead line starts inside line s after a space: the date
 * after the symbol ("A/RES/49/12 21 November 1994"), the session after
 * the body ("Asamblea General Quincuagésimo quinto período de sesiones"),
 * the agenda item ("… Tema 114 b) del programa", "Agenda item 95 …",
 * [agenda] of lang/<lang>.conf); 0 if none. */
static size_t
masthead_line_within(const char *s, size_t n)
{
	rp_lang_hit	h;
	size_t		p, k;
	char		iso[11];

	for (p = 1; p < n; p++) {
		if (s[p - 1] != ' ' || rp_starts_lower(s + p, n - p))
			continue;
		if (rp_parse_date(s + p, n - p, iso) == n - p &&
		    rp_masthead_role(s, p - 1) == RP_ROLE_SYMBOL)
			return p;
		if (rp_body_from_name(s, p - 1) != RP_BODY_UNKNOWN &&
		    rp_lang_match(RP_LK_SESSION, s + p, n - p, &h) > 0)
			return p;
		if ((k = rp_lang_phrase(RP_LK_AGENDA, s + p, n - p,
		    NULL)) > 0 && p + k + 1 < n && s[p + k] == ' ' &&
		    isdigit((unsigned char)s[p + k + 1]))
			return p;
	}
	return 0;
}

/*
 * Masthead lines a PDF extraction ran together, "General Assembly Distr.:
 * General 3 December 2025" or "Eightieth session Agenda item 95 Title",
 * cut where a new masthead line starts, so that each gets its role.
 */
static void
split_masthead_lines(struct reader *r)
{
	static const char *const starts_at[] = { "Distr.:", "Distr. :",
	    NULL };
	static const char *const status[] = { "Distr.: General ",
	    "Distr.: Limited ", "Distr.: Restricted ", NULL };
	size_t		 i, k, cut, cap = r->nlines;
	const char	*const *w, *p;

	for (i = 0; i < r->nlines && i < 40; i++) {
		struct line *l = &r->lines[i];
		rp_body b;

		if (l->gone)
			continue;
		if (rp_is_formula(l->s, l->n, &b))
			break;
		cut = 0;
		for (w = starts_at; *w != NULL && cut == 0; w++)
			if ((p = memmem(l->s, l->n, *w, strlen(*w))) != NULL &&
			    p > l->s && p[-1] == ' ')
				cut = (size_t)(p - l->s);
		for (w = status; *w != NULL && cut == 0; w++)
			if (l->n > strlen(*w) && strncmp(l->s, *w,
			    strlen(*w)) == 0)
				cut = strlen(*w);
		if (cut == 0)
			cut = masthead_line_within(l->s, l->n);
		if (cut == 0)
			continue;
		/* The rest becomes the next line, from the same source line. */
		RP_GROW(r->lines, r->nlines, cap);
		l = &r->lines[i];
		memmove(l + 2, l + 1, (r->nlines - i - 1) * sizeof(*l));
		r->nlines++;
		l[1] = l[0];
		l[1].s = l->s + cut;
		l[1].n = l->n - cut;
		l[1].col = l->col + char_count(l->s, cut);
		trim(&l[1].s, &l[1].n, &l[1].col);
		measure(&l[1]);
		l->n = cut;
		for (k = 0; k < l->n && l->s[l->n - 1] == ' '; k++)
			l->n--;
		measure(l);
	}
}

/* A page's label, a word and its number ("Page 2", "Página 2"), not
 * an annex heading. */
static int
page_label(const struct line *l)
{
	size_t	i = 0, len, d;
	uint32_t cp;

	while (i < l->n && (len = rp_utf8_decode(l->s + i, l->n - i, &cp)) &&
	    rp_is_cased_letter(cp))
		i += len;
	if (i == 0 || i + 2 > l->n || l->s[i] != ' ' || !isupper((unsigned
	    char)l->s[0]) || rp_is_annex_heading(l->s, l->n) ||
	    rp_is_appendix_heading(l->s, l->n))
		return 0;
	for (d = ++i; i < l->n && isdigit((unsigned char)l->s[i]); i++)
		continue;
	return i == l->n && i > d && i - d <= 3;
}

/* A paragraph number or item label alone on its line ("2.", "(b)"):
 * it repeats near a page break, but no running head is one. */
static int
number_alone(const struct line *l)
{
	size_t		nl;
	rp_item_kind	kind;
	int		v;

	return rp_paragraph_number(l->s, l->n, &nl) == l->n ||
	    rp_item_marker(l->s, l->n, &nl, &kind, &v) == l->n;
}

/* Whether an enacting formula stands before line `to`. */
static int
formula_before(const struct reader *r, size_t to)
{
	size_t	i;
	rp_body	b;

	for (i = 0; i < to; i++)
		if (rp_is_formula(r->lines[i].s, r->lines[i].n, &b))
			return 1;
	return 0;
}

/* Whether line i stands alone between blank lines, under no annex
 * heading (an annex may bear the resolution's title). */
static int
alone(const struct reader *r, size_t i)
{
	size_t	j = i;

	if (i + 1 < r->nlines && r->lines[i + 1].n > 0)
		return 0;
	if (j == 0 || r->lines[--j].n > 0)
		return 0;
	while (j > 0 && r->lines[j].n == 0)
		j--;
	return !rp_is_annex_heading(r->lines[j].s, r->lines[j].n);
}

/*
 * An extraction that dropped the page numbers keeps the running title
 * alone between paragraphs: a line past the formula that is the end of
 * a line before it ("80/13. Title", "Agenda item 91 Title").
 */
static void
title_heads(struct reader *r)
{
	size_t	i, j, f;
	rp_body	b;

	for (f = 0; f < r->nlines && !rp_is_formula(r->lines[f].s,
	    r->lines[f].n, &b); f++)
		continue;
	for (i = f + 1; i < r->nlines; i++) {
		struct line *l = &r->lines[i];

		if (l->gone || l->n <= 20 || !alone(r, i))
			continue;
		for (j = 0; j < f && !l->gone; j++) {
			const struct line *m = &r->lines[j];

			if (!m->gone && m->n > l->n && m->s[m->n - l->n - 1] ==
			    ' ' && memcmp(m->s + m->n - l->n, l->s, l->n) == 0)
				l->gone = 3;
		}
	}
}

/* A bare number closing the page before line i, which a form feed
 * opens: the page's number ("2", then "\fA/RES/60/251"); else 0. */
static size_t
page_number_before(const struct reader *r, size_t i)
{
	size_t	k;

	while (i > 0 && r->lines[i - 1].n == 0)
		i--;
	/* The number may be furniture already: the page before's search
	 * for its last page's number found it (S/RES/1540 (2004)). */
	if (i == 0 || (r->lines[--i].gone && r->lines[i].gone != 2))
		return 0;
	k = number_line(&r->lines[i]);
	return k > 0 && k <= 3 ? i : 0;
}

/* Whether lines a and b read the same but for spaces: the masthead's
 * "A/RES/ES-11/ 4" (a gap pdftotext took for one) is the running head
 * "A/RES/ES-11/4"; a reissued text's masthead symbol bears a "*"
 * ("S/RES/2250 (2015)*"), its running heads do not. */
static int
same_but_spaces(const struct line *a, const struct line *b)
{
	size_t	i = 0, j = 0;
	struct line	unstarred;

	if (a->n > 1 && a->s[a->n - 1] == '*' && b->n > 0 &&
	    b->s[b->n - 1] != '*') {
		unstarred = *a;
		unstarred.n--;
		return same_but_spaces(&unstarred, b);
	}

	for (;;) {
		while (i < a->n && a->s[i] == ' ')
			i++;
		while (j < b->n && b->s[j] == ' ')
			j++;
		if (i == a->n || j == b->n)
			return i == a->n && j == b->n;
		if (a->s[i++] != b->s[j++])
			return 0;
	}
}

/* Six digits alone by a job number, the day it went to print, DDMMYY
 * ("22-04067 (E)", "210322", "*2204067*"). */
static int
print_date(const struct reader *r, size_t i)
{
	size_t	j;

	if (number_line(&r->lines[i]) != 6)
		return 0;
	for (j = i > 3 ? i - 3 : 0; j <= i + 3 && j < r->nlines; j++)
		if (j != i && rp_is_job_or_page(r->lines[j].s, r->lines[j].n))
			return 1;
	return 0;
}

/* On the page from line i, its number `num`: the last line reading it
 * alone between blank lines (or at the end).  It is not always the line
 * before the next form feed: on the last page there is none ("9.", "",
 * "4", "", "Decides to remain seized of this matter."), and pdftotext
 * may set the number before the page's last lines ("2", then paragraph
 * 7 going on; "9", "6", note 9's text), after a note of the same number
 * ("5", note 5's text, "5"). */
static void
page_number_on(struct reader *r, size_t i, int num)
{
	char	s[8];
	size_t	k, last = 0, n = (size_t)snprintf(s, sizeof(s), "%d", num);

	for (k = i + 1; k < r->nlines && !r->lines[k].page; k++)
		if (r->lines[k].n == n && memcmp(r->lines[k].s, s, n) == 0 &&
		    is_blank(&r->lines[k - 1]) && (k + 1 == r->nlines ||
		    is_blank(&r->lines[k + 1])))
			last = k;
	if (last > 0 && !r->lines[last].gone)
		r->lines[last].gone = 2;
}

/* The pages' numbers: the bare number closing a page before its form
 * feed, then on every page from the second the one after the page
 * before's, or if that is not known the one the form feeds count to
 * (the print numbers its pages from 1 on the first, which bears none).
 * The first of them into *first. */
static void
page_numbers(struct reader *r, size_t *first)
{
	size_t	i, j, page = 1;
	int	offset = 0, known = 0;

	for (i = 0; i < r->nlines; i++) {
		if (!r->lines[i].page)
			continue;
		if ((j = page_number_before(r, i)) > 0) {
			if (*first == (size_t)-1 || j < *first)
				*first = j;
			r->lines[j].gone = 2;
			if (!known)
				offset = atoi(r->lines[j].s) - (int)page;
			known = 1;
		}
		page++;
	}
	for (i = 0, page = 1; i < r->nlines && known; i++)
		if (r->lines[i].page) {
			j = page_number_before(r, i);
			page++;
			page_number_on(r, i, j > 0 ? atoi(r->lines[j].s) + 1 :
			    (int)page + offset);
		}
}

/* Whether line i opens a page or stands within five lines of a page's
 * furniture (a job or page number, not a note's anchor). */
static int
near_furniture(const struct reader *r, size_t i)
{
	size_t	j;

	if (r->lines[i].page)
		return 1;
	for (j = i > 5 ? i - 5 : 0; j <= i + 5 && j < r->nlines; j++)
		if (r->lines[j].gone == 2 && j != i &&
		    !rp_is_note_anchor(r->lines[j].s, r->lines[j].n))
			return 1;
	return 0;
}

/* Whether line i repeats a line of the masthead (the 40 lines past the
 * first furniture at `first`): the same but for spaces, or a part of a
 * longer line that opens as a title does or goes on with the running
 * head above it (not in lower case, as running text goes on: "…and
 * the other" at a page's foot repeats part of a recital). */
static int
repeats_masthead(const struct reader *r, size_t i, size_t first)
{
	const struct line	*l = &r->lines[i];
	size_t			 j;

	for (j = 0; j < first + 40 && j < r->nlines; j++) {
		const struct line *m = &r->lines[j];

		if (j != i && m->n > 0 && (same_but_spaces(m, l) ||
		    (l->n > 20 && (!rp_starts_lower(l->s, l->n) ||
		    r->lines[i - 1].gone == 3) &&
		    m->n > l->n && memmem(m->s, m->n, l->s, l->n))))
			return 1;
	}
	return r->fm_title != NULL && l->n > 10 &&
	    strncmp(r->fm_title, l->s, l->n) == 0;
}

/*
 * Running heads: short lines near a page's furniture, past the
 * masthead, that repeat it (symbol, title); not the rule over a page's
 * notes, as on the page before, nor a paragraph's first line that reads
 * as another one does ("Recalling the provisions providing a right to a
 * remedy for victims of violations", A/RES/60/147).
 */
static void
running_heads(struct reader *r, size_t first)
{
	size_t	i;

	for (i = first + 1; i < r->nlines; i++) {
		struct line *l = &r->lines[i];

		if (l->gone || l->n == 0 || l->n > 120 || number_alone(l) ||
		    rp_footnote_rule(l->s, l->n) == l->n ||
		    (rp_listed_opener_kind(l->s, l->n) != RP_PARA_UNKNOWN &&
		    i + 1 < r->nlines && !is_blank(&r->lines[i + 1])))
			continue;
		if (near_furniture(r, i) && repeats_masthead(r, i, first))
			l->gone = 3;
	}
}

/* Whether l is a rule of three or more of marks alone on its line
 * ("-----", "___"). */
static int
rule_line(const struct line *l, const char *marks)
{
	size_t	k = 0;

	while (k < l->n && l->s[k] != '\0' && strchr(marks, l->s[k]) != NULL)
		k++;
	return l->n >= 3 && k == l->n;
}

/* The print's end mark, a rule of dashes closing the text ("-----" under
 * "Decides to remain actively seized of the matter." in the 1990s
 * prints): it separates nothing, so it is furniture, not text of the
 * last paragraph. */
static void
end_mark(struct reader *r)
{
	size_t	i = r->nlines;

	while (i > 0 && r->lines[i - 1].n == 0)
		i--;
	if (i > 0 && !r->lines[i - 1].gone && rule_line(&r->lines[i - 1], "-"))
		r->lines[i - 1].gone = 2;
}

/*
 * Page headers and footers of PDF extractions: job numbers, page
 * numbers, and the running symbol and title next to them.
 */
static void
furniture(struct reader *r)
{
	size_t	i, first = (size_t)-1;

	end_mark(r);

	for (i = 0; i < r->nlines; i++)
		if (!r->lines[i].gone && rp_is_job_or_page(r->lines[i].s,
		    r->lines[i].n)) {
			if (first == (size_t)-1)
				first = i;
			r->lines[i].gone = 2;
		}
	for (i = 0; i < r->nlines && first != (size_t)-1; i++)
		if (!r->lines[i].gone && (rp_lang_is(RP_LK_FURNITURE,
		    r->lines[i].s, r->lines[i].n, NULL) ||
		    rp_is_note_anchor(r->lines[i].s, r->lines[i].n) ||
		    print_date(r, i)))
			r->lines[i].gone = 2;
	page_numbers(r, &first);
	if (first == (size_t)-1) {
		title_heads(r);
		return;
	}
	running_heads(r, first);
	/* "Page 2" under a running head: the page's number. */
	for (i = first + 1; i < r->nlines; i++)
		if (!r->lines[i].gone && r->lines[i - 1].gone == 3 &&
		    page_label(&r->lines[i]))
			r->lines[i].gone = 3;
	/* The first job number belongs to the masthead: keep it, unless
	 * the text came first (a page foot the copy set after the text). */
	if (!formula_before(r, first))
		r->lines[first].gone = 0;
}

/* Whether line i is a text line, neither blank nor furniture. */
static int
text_line(const struct reader *r, size_t i)
{
	return i < r->nlines && !is_blank(&r->lines[i]);
}

/* Whether l fills three quarters of a full line of hard-wrapped text:
 * its paragraph could not have set its next word on it. */
static int
full_line(const struct reader *r, const struct line *l)
{
	return l->chars * 4 >= r->fullwidth * 3;
}

/*
 * pdftotext may set a paragraph's number under its first line, the
 * number's box standing lower than the text's: "Urges Member States to
 * ensure increased representation of women at all", "1.",
 * "decision-making levels in …".  A number alone between a line that
 * opens an operative paragraph (after a clause's end) and goes on, and
 * a line that opens nothing, goes back before that first line, unless
 * that line is shaped as a heading ("Steps for drawing up the list of
 * speakers", "1.", "The list of speakers will open …").
 */
static void
numbers_set_late(struct reader *r)
{
	size_t	i, nl;

	for (i = 1; i + 1 < r->nlines; i++) {
		struct line	*l = &r->lines[i], *p = l - 1, swap;

		if (!text_line(r, i) || rp_paragraph_number(l->s, l->n, &nl) !=
		    l->n || !text_line(r, i - 1) || !text_line(r, i + 1) ||
		    p->end != RP_END_NONE || rp_opens_unit(l[1].s, l[1].n) ||
		    rp_opener_kind(p->s, p->n) != RP_PARA_OPERATIVE ||
		    rp_heading_line(p->s, p->n) ||
		    (text_line(r, i - 2) && p[-1].end == RP_END_NONE))
			continue;
		swap = *p;
		*p = *l;
		*l = swap;
	}
}

/* The page furniture, kept apart from the text in the order it stood. */
static void
keep_furniture(struct reader *r, rp_node *root)
{
	rp_node	*part = NULL, *b;
	size_t	 i;
	int	 n = 0;

	for (i = 0; i < r->nlines; i++) {
		const struct line *l = &r->lines[i];

		if (l->gone < 2)
			continue;
		if (part == NULL) {
			part = rp_node_new(r->doc, RP_NODE_FURNITURE, l->no,
			    l->col);
			rp_node_append(root, part);
		}
		b = rp_node_new(r->doc, RP_NODE_BLOCK, l->no, l->col);
		rp_node_append(b, rp_text_new(r->doc, l->s, l->n, l->no, l->col));
		rp_node_append(part, b);
		n++;
	}
	if (n > 0)
		rp_msg(r->doc, RP_INFO, "furniture",
		    part->line, part->col, "%d lines of "
		    "page headers and footers kept apart as page furniture",
		    n);
}

/* Chars of a full line: most lines of hard-wrapped text come near it. */
static void
measure_width(struct reader *r)
{
	int	hist[201] = { 0 }, total = 0, acc = 0, w;
	size_t	i;

	for (i = 0; i < r->nlines; i++) {
		if (r->lines[i].gone || r->lines[i].chars < 10)
			continue;
		w = r->lines[i].chars > 200 ? 200 : r->lines[i].chars;
		hist[w]++;
		total++;
	}
	r->fullwidth = 200;
	for (w = 200; w >= 0 && total > 0; w--) {
		acc += hist[w];
		if (acc * 10 >= total) {	/* the 90th percentile */
			r->fullwidth = w;
			break;
		}
	}
}

/* ------------------------------------------------------------ units */

static struct unit *
new_unit(struct reader *r, const struct line *l, int kind, int seg)
{
	struct unit *u;

	RP_GROW(r->units, r->nunits, r->capunits);
	u = &r->units[r->nunits++];
	memset(u, 0, sizeof(*u));
	rp_buf_init(&u->text);
	u->line = l->no;
	u->col = l->col;
	u->kind = kind;
	u->seg = seg;
	return u;
}

static void
add_pos(struct unit *u, size_t off, int line, int col)
{
	RP_GROW(u->pos, u->npos, u->cappos);
	u->pos[u->npos].off = off;
	u->pos[u->npos].line = line;
	u->pos[u->npos].col = col;
	u->npos++;
}

/* Whether text ends with an old-style footnote marker, "1978, 3/" or
 * "Commission17/", and a word follows, which a space sets off (a
 * symbol's "S/RES/" or a citation's "47/" then "215" go on). */
static int
slash_marker_then_word(const rp_buf *t, const char *next)
{
	size_t k = t->len - 1, m = 0;

	if (isdigit((unsigned char)next[0]) || next[0] == '/')
		return 0;
	while (k > 0 && m < 3 && (isdigit((unsigned char)t->data[k - 1]) ||
	    t->data[k - 1] == '*')) {
		k--;
		m++;
	}
	return m > 0 && k > 0 && (t->data[k - 1] == ' ' ||
	    t->data[k - 1] == ',' || islower((unsigned char)t->data[k - 1]));
}

/* Whether the text so far is a marker alone ("-", "1.", "(a)") that a
 * line with its text broke from: its space comes back before CJK text
 * too ("-⏎又欢迎…" is the bullet "- 又欢迎…"). */
static int
marker_alone(const rp_buf *t, const char *s, size_t n)
{
	char		 tmp[16];
	size_t		 k, len, nl;
	uint32_t	 cp;
	rp_item_kind	 kind;
	int		 v;

	if (t->len + 1 >= sizeof(tmp) || (len = rp_utf8_decode(s, n,
	    &cp)) == 0 || t->len + 1 + len > sizeof(tmp))
		return 0;
	memcpy(tmp, t->data, t->len);
	tmp[t->len] = ' ';
	memcpy(tmp + t->len + 1, s, len);
	k = t->len + 1 + len;
	return rp_item_marker(tmp, k, &nl, &kind, &v) == t->len + 1 ||
	    rp_paragraph_number(tmp, k, &nl) == t->len + 1;
}

/* Append text to a unit, joining as the script wants: Latin words with a
 * space, CJK without, a hyphen at a line end kept and closed up. */
static void
append_text(struct unit *u, const char *s, size_t n, int line, int col)
{
	uint32_t	last, first;
	size_t		len;

	if (n == 0)
		return;
	if (u->text.len > 0) {
		last = rp_utf8_last(u->text.data, u->text.len, &len);
		rp_utf8_decode(s, n, &first);
		if (marker_alone(&u->text, s, n))
			rp_buf_putc(&u->text, ' ');
		else if (!(rp_is_cjk(last) || rp_is_cjk(first) ||
		    (last == '-' && u->text.len >= 2 &&
		    isalpha((unsigned char)u->text.data[u->text.len - 2]) &&
		    isalpha((unsigned char)s[0])) ||
		    last == 0x2014 || (last == '/' &&
		    !slash_marker_then_word(&u->text, s))))
			rp_buf_putc(&u->text, ' ');
	}
	add_pos(u, u->text.len, line, col);
	rp_buf_put(&u->text, s, n);
}

static void
append_line(struct unit *u, const struct line *l)
{
	append_text(u, l->s, l->n, l->no, l->col);
	u->lastchars = l->chars;
}

/* Where a unit's text after a leading marker starts (for positions). */
static void
drop_prefix(struct unit *u, size_t k)
{
	size_t i;

	memmove(u->text.data, u->text.data + k, u->text.len - k + 1);
	u->text.len -= k;
	for (i = 0; i < u->npos; i++)
		u->pos[i].off = u->pos[i].off > k ? u->pos[i].off - k : 0;
	u->col += char_count(u->text.data - 0, 0) + (int)k;
}

static void
free_units(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nunits; i++) {
		rp_buf_free(&r->units[i].text);
		free(r->units[i].pos);
	}
	free(r->units);
}

/* A definition opening a block outside a ruled zone, by the rule the
 * Markdown reader shares (rp_note_block): the offset of its text, or 0. */
static size_t
block_definition(const struct reader *r, const struct line *l,
    int seen_content, char *marker, size_t size, int *slashed)
{
	const struct unit	*last = r->nunits ? &r->units[r->nunits - 1] :
				    NULL;
	struct rp_note_place	 at = { .seen_content = seen_content };

	if (last != NULL && last->kind == U_FNDEF &&
	    isdigit((unsigned char)last->marker[0]))
		at.note_before = atoi(last->marker);
	else if (last != NULL && last->kind == U_TEXT) {
		at.text_before = last->text.data;
		at.text_len = last->text.len;
	}
	return rp_note_block(l->s, l->n, &at, marker, size, slashed);
}

static struct unit *
new_definition(struct reader *r, const struct line *l, size_t k,
    const char *marker, int seg)
{
	struct unit *u = new_unit(r, l, U_FNDEF, seg);

	u->marker = rp_doc_strdup(r->doc, marker);
	append_text(u, l->s + k, l->n - k, l->no, l->col +
	    char_count(l->s, k));
	u->lastchars = l->chars;
	return u;
}

/* A note's number alone on its line ("3"), its value; else 0. */
static int
bare_note_number(const struct line *l)
{
	size_t	k = number_line(l);

	return k > 0 && k < 4 ? atoi(l->s) : 0;
}

/* A line opening the note after u's, the one before it ending a
 * sentence: notes set line after line with neither a rule nor blank
 * lines between them ("66 Ibid., …" then "67 Ibid., …"). */
static int
next_note_line(const struct unit *u, const struct line *l)
{
	char	m[16];
	int	slashed;

	if (u == NULL || u->kind != U_FNDEF ||
	    !isdigit((unsigned char)u->marker[0]) ||
	    !rp_ends_clause(u->text.data, u->text.len) ||
	    rp_note_marker(l->s, l->n, m, sizeof(m), &slashed) == 0)
		return 0;
	return atoi(m) == atoi(u->marker) + 1;
}

/* Whether line i is a note's number alone, under the last line of the
 * note before, over a blank line and its own text: "… annex II.", "8",
 * "", "See United Nations …", the note before a definition or a number
 * alone over its text in the same way. */
static int
number_under_note(const struct reader *r, const struct unit *u, size_t i)
{
	const struct line	*l = &r->lines[i];

	if (u == NULL || bare_note_number(l) == 0 || i + 1 >= r->nlines ||
	    !is_blank(&r->lines[i + 1]) || !rp_ends_clause(u->text.data,
	    u->text.len))
		return 0;
	if (u->kind == U_FNDEF)
		return 1;
	return u->kind == U_TEXT && u > r->units && u[-1].kind == U_TEXT &&
	    u[-1].text.len <= 3 && strspn(u[-1].text.data, "0123456789") ==
	    u[-1].text.len;
}

/* Whether u ends the text so that a note may follow on line l with no
 * blank line between: a footnote rule, or the adoption line of a copy
 * with one paragraph per line ("Adopted at the 414th meeting …" then
 * "1/ See Official Records …"; not "1976a. sesión plenaria," then its
 * date "25 de octubre de 1971."). */
static int
ends_before_notes(struct reader *r, const struct unit *u,
    const struct line *l)
{
	rp_meta	 scratch;
	char	 iso[11];

	if (u == NULL)
		return 0;
	if (u->kind == U_SEPARATOR)
		return 1;
	memset(&scratch, 0, sizeof(scratch));
	return u->kind == U_TEXT && r->lines_are_paragraphs &&
	    rp_parse_date(l->s, l->n, iso) == 0 &&
	    rp_conclusion_line(r->doc, &scratch, u->text.data, u->text.len);
}

/* ------------------------------------------------- paragraph seams */

/* Whether s ends in a note's marker after a clause's punctuation: ", 1",
 * "; 12", the old form ", 3/". */
static int
marker_after_clause(const char *s, size_t n)
{
	size_t	k, end = n > 0 && s[n - 1] == '/' ? n - 1 : n;

	for (k = end; k > 0 && end - k < 3 && isdigit((unsigned char)s[k - 1]);
	    k--)
		continue;
	return k < end && k >= 2 && s[k - 1] == ' ' && strchr(",;",
	    s[k - 2]) != NULL;
}

/* Whether s ends in a semicolon and the one short word that links it
 * to the next paragraph: "...всеобщего мира; и", "...; and". */
static int
ends_semicolon_and(const char *s, size_t n)
{
	size_t		len, words = 0;
	uint32_t	cp;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	while (n > 0 && (cp = rp_utf8_last(s, n, &len)) != ' ' &&
	    rp_is_cased_letter(cp) && words < 4) {
		n -= len;
		words++;
	}
	if (words == 0 || n == 0 || s[n - 1] != ' ')
		return 0;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 && (s[n - 1] == ';' || rp_utf8_last(s, n, &len) ==
	    0x061B);
}

/* Whether a line (or the block it opens) ends like a sentence; not one
 * announcing what follows in a colon ("《宣言》全文如下："). */
static int
sentence_end(const struct reader *r, const struct line *l)
{
	const struct line	*e = l, *end = r->lines + r->nlines;
	rp_clause_end		 c;
	rp_body			 b;

	/* A formula in the block ends what l opens: a title wrapped over
	 * it, no blank line between ("… defending the principles of the",
	 * "Charter of the United Nations", "The General Assembly,"). */
	while (e + 1 < end && e[1].n > 0 && !e[1].gone && !e[1].cut &&
	    e - l < 30 && !rp_is_formula(e[1].s, e[1].n, &b))
		e++;
	c = e->end;
	return (c != RP_END_NONE && c != RP_END_COLON) ||
	    ends_semicolon_and(e->s, e->n);
}

/* A footnote rule followed on its line by the first note, as a copy
 * that lost the break has it ("__________ 1/ A/49/48."): one seam after
 * the rule. */
static int
rule_seam(const struct line *l, struct rp_seams *sm)
{
	size_t k = rp_footnote_rule(l->s, l->n);

	if (k == 0 || k == l->n)
		return 0;
	rp_seam_add(sm, k);
	sm->strong = 1;
	return 1;
}

/*
 * Line i cut at the seams of sm (none at 0) into pieces, each a line of
 * its own: a seam found in the text (cut) or a break the copy kept as a
 * run of spaces (not cut: a line break of the source).  Returns how many
 * lines were added.
 */
static size_t
cut_line(struct reader *r, size_t i, const struct rp_seams *sm, size_t *cap,
    int cut)
{
	struct line	*l;
	size_t		 j;

	r->lines = rp_grow(r->lines, r->nlines + sm->n, cap,
	    sizeof(*r->lines));
	l = &r->lines[i];
	memmove(l + sm->n + 1, l + 1, (r->nlines - i - 1) * sizeof(*l));
	r->nlines += sm->n;
	/* Piece j runs from seam j-1 (0 for the first) to seam j. */
	for (j = sm->n; j > 0; j--) {
		size_t from = sm->at[j - 1], to = j < sm->n ?
		    sm->at[j] : l->n;

		l[j] = *l;
		l[j].cut = cut;
		l[j].s = l->s + from;
		l[j].n = to - from;
		l[j].col = l->col + char_count(l->s, from);
		trim(&l[j].s, &l[j].n, &l[j].col);
		measure(&l[j]);
	}
	l->n = sm->at[0];
	trim(&l->s, &l->n, &l->col);
	measure(l);
	return sm->n;
}

/* Seams after the runs of two spaces or more inside line l. */
static void
space_run_seams(const struct line *l, struct rp_seams *sm)
{
	size_t	i = 0;

	while (i < l->n && l->s[i] == ' ')
		i++;
	for (i += 3; i < l->n; i++)
		if (l->s[i] != ' ' && l->s[i - 1] == ' ' &&
		    l->s[i - 2] == ' ')
			rp_seam_add(sm, i);
}

/*
 * A copy that lost its line breaks but kept a run of spaces where each
 * was: when the text is one or two lines and a line holds two runs or
 * more, every run is a line break again (a line with a run or two of a
 * typist's spaces after a full stop is one of many lines).
 */
static void
split_space_runs(struct reader *r, struct rp_seams *sm, size_t *cap)
{
	size_t	i, lines = 0;

	for (i = 0; i < r->nlines; i++)
		lines += !is_blank(&r->lines[i]) && !r->lines[i].gone;
	for (i = 0; lines <= 2 && i < r->nlines; i++) {
		sm->n = 0;
		if (r->lines[i].gone)
			continue;
		space_run_seams(&r->lines[i], sm);
		if (sm->n >= 2)
			i += cut_line(r, i, sm, cap, 0);
	}
}

/* Where the block of hard-wrapped lines (none over 80 characters) from
 * line i ends, and its length in characters with a space per break. */
static size_t
wrapped_block_end(const struct reader *r, size_t i, size_t *chars)
{
	size_t	j;

	*chars = 0;
	for (j = i; j < r->nlines && !is_blank(&r->lines[j]) &&
	    !r->lines[j].gone && r->lines[j].chars <= 80; j++)
		*chars += (size_t)r->lines[j].chars + 1;
	return j;
}

/* The line of a block (lines from offsets at) that seam o falls in,
 * its offset there into *off. */
static size_t
block_line_of(const size_t *at, size_t o, size_t *off)
{
	size_t	k = 0;

	while (at[k + 1] <= o)
		k++;
	*off = o - at[k];
	return k;
}

/* Whether seam o falls inside a line of the block, text before it (not
 * the form feed opening a page, nor the paragraph's number alone): a
 * break the source has is no seam to cut. */
static int
inside_line(const struct reader *r, size_t i, const size_t *at, size_t o)
{
	size_t			 off, nl, p = 0, k = block_line_of(at, o, &off);
	const struct line	*l = &r->lines[i + k];

	while (p < l->n && (l->s[p] == ' ' || l->s[p] == '\f'))
		p++;
	p += rp_paragraph_number(l->s + p, l->n - p, &nl);
	return off < l->n && p < off;
}

/*
 * A text flattened to one line and then hard-wrapped: its block of
 * lines read as one line, cut where paragraphs meet inside its lines
 * when it shows the formula or numbered paragraphs and two such seams
 * or more.  The seams are cut from the last, the lines before them
 * staying where they are.
 */
static void
split_wrapped_block(struct reader *r, size_t i, size_t e, size_t chars,
    struct rp_seams *sm, size_t *cap)
{
	rp_buf		 b;
	size_t		*at = malloc((e - i + 1) * sizeof(*at)), j, inside = 0;
	size_t		 off, k;
	struct rp_seams	 one = { &off, 1, 1, 0 };

	if (at == NULL)
		return;
	rp_buf_init(&b);
	for (j = i; j < e; j++) {
		at[j - i] = b.len;
		rp_buf_put(&b, r->lines[j].s, r->lines[j].n);
		rp_buf_putc(&b, ' ');
	}
	at[e - i] = (size_t)-1;
	sm->n = 0;
	sm->strong = 0;
	rp_line_seams(r->doc, b.data, b.len, chars, sm);
	for (j = 0; j < sm->n; j++)
		inside += inside_line(r, i, at, sm->at[j]);
	for (j = sm->n; sm->strong && inside >= 2 && j > 0; j--)
		if (inside_line(r, i, at, sm->at[j - 1])) {
			k = block_line_of(at, sm->at[j - 1], &off);
			cut_line(r, i + k, &one, cap, 1);
		}
	rp_buf_free(&b);
	free(at);
}

/*
 * A text flattened to one line (a copy that lost its line breaks) is cut
 * into lines again where paragraphs meet: around the enacting formula,
 * before paragraph numbers in sequence, between a clause and the opener
 * of the next paragraph, before the closing formula.  Only a line that
 * shows the formula or numbered paragraphs is cut; and a footnote rule
 * from the note after it.
 */
static void
split_flat_lines(struct reader *r)
{
	struct rp_seams	 sm;
	size_t		 i, e, chars, cap = r->nlines;

	memset(&sm, 0, sizeof(sm));
	split_space_runs(r, &sm, &cap);
	for (i = 0; i < r->nlines; i++) {
		struct line *l = &r->lines[i];

		if (l->gone)
			continue;
		/* A very long block: a flattened text wrapped, not one
		 * paragraph. */
		if ((i == 0 || is_blank(&l[-1])) && (e = wrapped_block_end(r,
		    i, &chars)) > i + 2 && chars >= 500) {
			split_wrapped_block(r, i, e, chars, &sm, &cap);
			l = &r->lines[i];
		}
		sm.n = 0;
		sm.strong = 0;
		if (!rule_seam(l, &sm)) {
			rp_line_seams(r->doc, l->s, l->n, l->chars, &sm);
		}
		if (!sm.strong || sm.n == 0)
			continue;
		if (sm.at[0] == 0)
			memmove(sm.at, sm.at + 1, --sm.n * sizeof(*sm.at));
		if (sm.n > 0)
			i += cut_line(r, i, &sm, &cap, 1);
	}
	free(sm.at);
}

/* Whether line l opens with a whole date ("1983年11月15日…"). */
static int
opens_with_date(const struct line *l)
{
	char	iso[11];

	return rp_parse_date(l->s, l->n, iso) > 0;
}

/* Whether l ends a sentence of words: not a label alone ("I.", "12.",
 * "l." a scan made of "1."). */
static int
sentence_line(const struct line *l)
{
	return l->end == RP_END_STOP && l->chars >= 4 && !number_alone(l) &&
	    rp_section_label(l->s, l->n) != l->n;
}

/* Whether prev, the line right above l, had room for l's first word
 * and half the line above it to spare: measured on its own
 * paragraph's lines, as a narrow column or a page's notes set their
 * lines shorter or longer than the text's. */
static int
room_left(const struct reader *r, const struct line *prev,
    const struct line *l)
{
	const struct line	*above;
	size_t			 w = 0;

	if (prev + 1 != l || prev == r->lines ||
	    !text_line(r, (size_t)(prev - r->lines) - 1))
		return 0;
	above = prev - 1;
	if (above->end == RP_END_STOP)
		return 0;
	while (w < l->n && l->s[w] != ' ')
		w++;
	return (prev->chars + 1 + char_count(l->s, w)) * 2 <= above->chars;
}

/*
 * Whether the line break before l ends a paragraph although no blank
 * line follows: a web copy has one paragraph per line, and a short line
 * of hard-wrapped text that ends a clause would have taken the next word
 * if its paragraph went on.
 */
static int
line_ends_paragraph(const struct reader *r, const struct line *prev,
    const struct line *l)
{
	size_t	len;

	if (prev == NULL)
		return 0;
	/* Before a drafting phrase, a line without final punctuation ends
	 * its paragraph when it is Chinese, one paragraph per line (the
	 * copy lost the comma: cjk_join), or when pdftotext set a note's
	 * marker after the clause's comma ("… of 16 March 2022, 1"; not
	 * "… of 1 August, 30" then "(1947) and 31 (1947)", a list).  A
	 * Chinese line in a copy with no hard wraps ends there whatever
	 * comes next ("重申其…第607(1988)号决议" over "占领国以色列…深表遗憾",
	 * the comma and the "对" lost). */
	if (prev->end == RP_END_NONE)
		return (prev->n > 0 && rp_is_cjk(rp_utf8_last(prev->s, prev->n,
		    &len)) && (r->unwrapped || (r->line_per_paragraph &&
		    rp_opener_at(l->s, l->n)))) || (marker_after_clause(prev->s,
		    prev->n) && rp_opener_at(l->s, l->n));
	/* A full line ending in a colon goes on with a title it cites
	 * ("the Almaty Programme of Action:⏎Addressing the Special
	 * Needs ..."); a list after a colon opens with its markers. */
	if (prev->end == RP_END_COLON &&
	    full_line(r, prev) && !r->line_per_paragraph &&
	    !rp_opens_unit(l->s, l->n))
		return 0;
	/* After a sub-item's semicolon, a line opening with a wrap-up
	 * phrase ([wrap-up openings]: "except that these prohibitions …")
	 * is the paragraph's words after its items. */
	if (prev->end == RP_END_SEMICOLON &&
	    rp_lang_phrase(RP_LK_WRAP_UP, l->s, l->n, NULL) > 0)
		return 1;
	/* In hard-wrapped text, a line ending a sentence ends its
	 * paragraph when the next word would have fitted on it by far
	 * ("…available to Member⏎and observer States.⏎Should it not be
	 * possible …"). */
	if (!r->line_per_paragraph && sentence_line(prev) &&
	    !rp_starts_lower(l->s, l->n) && room_left(r, prev, l))
		return 1;
	/* After a comma, a line opening with a number that is no paragraph
	 * number goes on with a list of references ("64/23 of 2 December
	 * 2009,⏎66/22 of 2 December 2011"); one opening with a date is a
	 * paragraph that lost its opener ("…的發言," then "1983年11月15日土族
	 * 塞人當局…表示關切", the "對" lost). */
	return rp_opener_at(l->s, l->n) || (r->line_per_paragraph &&
	    !rp_starts_lower(l->s, l->n) && !(prev->end == RP_END_COMMA &&
	    isdigit((unsigned char)*l->s) && !opens_with_date(l)));
}

/* Whether the brackets of s are closed: "(Belgium." ends no sentence. */
static int
brackets_closed(const char *s, size_t n)
{
	size_t		i, len;
	uint32_t	cp;
	int		depth = 0;

	for (i = 0; i < n; i += len) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		depth += (cp == '(' || cp == 0xFF08) - (cp == ')' ||
		    cp == 0xFF09);
	}
	return depth <= 0;
}

/* Whether a closing line starts or ends at the break before l (prev is
 * the line above it): after a sentence, the closing line ("Vingt-sixième
 * séance plénière,", "第三十九次会议以十票对零通过") starts its own
 * unit, and what follows the sentence it ends (a note) is not part of it. */
static int
closing_break(const struct unit *u, const struct line *prev,
    const struct line *l)
{
	/* rp_ends_sentence, from what measure found. */
	if (u->kind != U_TEXT || is_blank(prev) || prev->end == RP_END_NONE ||
	    prev->end == RP_END_COMMA)
		return 0;
	return rp_opens_conclusion(l->s, l->n) ||
	    (rp_opens_conclusion(u->text.data, u->text.len) &&
	    brackets_closed(u->text.data, u->text.len));
}

/* Whether the next line that is not blank after line i opens a
 * paragraph with a drafting word or a number. */
static int
paragraph_below(const struct reader *r, size_t i)
{
	size_t	nl;

	while (++i < r->nlines && is_blank(&r->lines[i]))
		continue;
	return i < r->nlines && (rp_opener_kind(r->lines[i].s,
	    r->lines[i].n) != RP_PARA_UNKNOWN ||
	    rp_paragraph_number(r->lines[i].s, r->lines[i].n, &nl) > 0);
}

/* Whether line i is the body's name alone with no comma in a language
 * with no article ("Генеральная Ассамблея"), after a line that ends in
 * no word and before a paragraph that opens with a drafting word or a
 * number: the enacting formula, not a name in a wrapped sentence nor
 * the body named in a masthead (a "Distr." line follows there). */
static int
bare_formula_line(const struct reader *r, size_t i)
{
	const struct line	*l = &r->lines[i];
	size_t			 len;
	rp_body			 b;

	if (!rp_is_bare_formula(l->s, l->n, &b) || (i > 0 &&
	    rp_is_cased_letter(rp_utf8_last(l[-1].s, l[-1].n, &len))))
		return 0;
	return paragraph_below(r, i);
}

/* Whether u is a closing line that its date ends ("81a. sesión plenaria
 * 4 de diciembre de 2000", "Adopted at the 2833rd meeting on 15
 * December 1988") and l does not go on with it (in lower case, or with a
 * meeting or vote it lacks): l is a note's marker or furniture under it. */
static int
dated_closing(const struct reader *r, const struct unit *u,
    const struct line *l)
{
	const char	*s = u->text.data;
	size_t		 n = u->text.len, at, k;
	char		 iso[11];

	/* The unit's text is asked again for each line it grows by: the
	 * cheap question first. */
	if (u->kind != U_TEXT || rp_starts_lower(l->s, l->n) ||
	    !rp_opens_conclusion(s, n))
		return 0;
	k = rp_find_date(s, n, iso, &at);
	return k > 0 && at + k == n &&
	    !rp_completes_closing(r->doc, s, n, l->s, l->n);
}

/* The first line of the enacting formula, or 0 when there is none. */
static size_t
formula_line(const struct reader *r)
{
	size_t	i;
	rp_body	b;

	for (i = 0; i < r->nlines; i++)
		if (rp_is_formula(r->lines[i].s, r->lines[i].n, &b) ||
		    rp_formula_lead(r->lines[i].s, r->lines[i].n, &b, 0) > 0 ||
		    bare_formula_line(r, i))
			return i;
	return 0;
}

/* Whether line l is a division's heading alone ("Article 1", [divisions]
 * of the language's .conf): it stands apart, blank lines round it or not. */
static int
division_heading(const char *s, size_t n)
{
	rp_lang_hit	h;

	return n > 0 && n < 40 && rp_lang_match(RP_LK_DIVISION, s, n, &h) == n;
}

static int
division_line(const struct line *l)
{
	return l != NULL && division_heading(l->s, l->n);
}

/* Whether the break after l ends what it holds: a clause, or a
 * division's heading ("第一条", "المادة 1"), which has no punctuation. */
static int
line_stands_apart(const struct line *l)
{
	return l->end != RP_END_NONE || division_line(l);
}

/*
 * Whether the text has one paragraph per line, as web copies do: nearly
 * every line followed by another ends a clause, where hard-wrapped text
 * breaks its lines anywhere in a sentence.  Counted from the formula on:
 * the masthead above it has no punctuation whatever the shape.  The same
 * across blank lines tells a copy whose lines are paragraphs from one
 * wrapped at a width with a blank line after every line; only in such a
 * copy is a blank line no sign of a new paragraph.  Where no line that
 * goes on comes near the width, nothing was hard-wrapped: a copy whose
 * lines are its paragraphs though some lost their punctuation.
 */
static void
measure_line_breaks(struct reader *r)
{
	size_t	i, j;
	int	breaks = 0, clause = 0, all = 0, all_clause = 0;
	int	goes_on = 0, full = 0;

	r->formula_at = formula_line(r);
	for (i = r->formula_at; i < r->nlines; i = j) {
		const struct line *l = &r->lines[i];

		for (j = i + 1; j < r->nlines && is_blank(&r->lines[j]); j++)
			continue;
		if (is_blank(l) || j == r->nlines)
			continue;
		/* A line that goes on below the formula (a name with no
		 * comma in some languages); seams cut in a flattened line
		 * count too. */
		if (j == i + 1 && !line_stands_apart(l) && i > r->formula_at) {
			goes_on++;
			full += full_line(r, l);
		}
		/* Breaks of the source, not seams cut in one of its lines. */
		if (r->lines[j].cut)
			continue;
		all++;
		all_clause += line_stands_apart(l);
		if (j == i + 1) {
			breaks++;
			clause += line_stands_apart(l);
		}
	}
	r->line_per_paragraph = breaks >= 3 && clause * 10 >= breaks * 8;
	r->lines_are_paragraphs = all >= 3 && all_clause * 10 >= all * 8;
	r->blank_after_lines = all >= 3 && breaks * 5 < all;
	r->unwrapped = goes_on >= 2 && full == 0;
}

/*
 * Whether l only looks as if it opened something because a line broke
 * before it: "General Assembly," or "(1990) of 6 August" or "– in which"
 * after a line that ends in the middle of a clause.
 */
static int
wrapped_opener(const struct reader *r, const struct line *prev,
    const struct line *l)
{
	size_t		 nl;
	rp_item_kind	 kind;
	int		 v;
	uint32_t	 last;
	rp_body		 b;

	/* A seam cut in a flattened line is where a paragraph begins. */
	if (prev == NULL || l->cut || prev->end != RP_END_NONE)
		return 0;
	last = rp_utf8_last(prev->s, prev->n, &nl);
	if (!(rp_is_cased_letter(last) || (last < 0x80 && isdigit((int)last))))
		return 0;
	/* A body's name goes on a sentence after a word ("adopted by
	 * the⏎General Assembly,"); after a number ("... بتاريخ 30 تشرين
	 * الثاني (نوفمبر) 1975⏎إن مجلس الأمن") a title has ended. */
	if (rp_is_formula(l->s, l->n, &b))
		return rp_is_cased_letter(last);
	if (rp_item_marker(l->s, l->n, &nl, &kind, &v) == 0)
		return 0;
	if (kind == RP_ITEM_BULLET)
		return full_line(r, prev);
	return kind == RP_ITEM_DIGIT && (v > 50 || isdigit((int)last));
}

/* A line ending as a recital does, in a comma or semicolon: a title
 * does not. */
static int
ends_recital(const struct line *l)
{
	rp_clause_end e = l->end;

	return e == RP_END_COMMA || e == RP_END_SEMICOLON;
}

/* Longer than a masthead line: 60 bytes, or a recital's 8 Han
 * characters ("回顾其以前所有有关决议，"). */
static int
long_line(const struct line *l)
{
	uint32_t cp;

	return l->n > 60 || (rp_utf8_decode(l->s, l->n, &cp) > 0 &&
	    rp_is_cjk(cp) && l->chars >= 8 && ends_recital(l));
}

/* Segments: an annex or appendix heading line starts a new one.  Its
 * unit's kind, U_ANNEX or U_APPENDIX; else 0. */
static int
part_line(const struct reader *r, size_t i)
{
	const struct line *l = &r->lines[i];
	int	kind = rp_is_annex_heading(l->s, l->n) ? U_ANNEX :
		    rp_is_appendix_heading(l->s, l->n) ? U_APPENDIX : 0;

	/* Not a wrapped line that happens to start with "Annex". */
	return i == 0 || is_blank(&r->lines[i - 1]) || l->n < 16 ? kind : 0;
}

/* Whether u holds the formula and nothing else, and l opens a recital:
 * the recital starts a paragraph even when the formula has no comma to
 * end it ("إن مجلس الأمن" alone on its line).  The formula runs on into
 * a verb ("The Security Council⏎Resolves that:"); a formula that only
 * looks like one, wrapped into a sentence, joined the unit before it. */
static int
formula_alone(const struct unit *u, const struct line *l)
{
	rp_body b;

	if (u->kind != U_TEXT)
		return 0;
	if (rp_is_bare_formula(u->text.data, u->text.len, &b))
		return rp_opener_kind(l->s, l->n) != RP_PARA_UNKNOWN;
	return rp_is_formula(u->text.data, u->text.len, &b) &&
	    rp_opener_kind(l->s, l->n) == RP_PARA_PREAMBULAR;
}

/* Whether line i is a connector alone ("Поэтому", "Therefore") over a
 * paragraph: it ends the paragraph above, whatever that one ends in
 * ("… 19 января 1946 г." then "Поэтому" then "подтверждает …"). */
static int
connector_line(const struct reader *r, size_t i)
{
	return rp_is_connector(r->lines[i].s, r->lines[i].n) &&
	    paragraph_below(r, i);
}

/* Whether the next line that is not blank after line i opens with a
 * sub-item's marker. */
static int
items_below(const struct reader *r, size_t i)
{
	size_t		nl;
	rp_item_kind	kind;
	int		v;

	while (++i < r->nlines && is_blank(&r->lines[i]))
		continue;
	return i < r->nlines && rp_item_marker(r->lines[i].s,
	    r->lines[i].n, &nl, &kind, &v) > 0;
}

/* A first line that is a whole recital ("Ayant reçu le rapport ...,"):
 * the text begins with its preamble, not with a title (a title opens
 * with no drafting opener, or does not end as a recital does). */
static int
first_recital(const struct line *l)
{
	return rp_whole_recital(l->s, l->n);
}

/* A first block that is a whole recital, hard-wrapped ("Ayant reçu le
 * rapport … relatif à la demande⏎d’admission … Unies,"): its first line
 * opens one, its last ends as one does. */
static int
first_recital_block(const struct reader *r, size_t i)
{
	size_t j = i;

	while (j + 1 < r->nlines && !is_blank(&r->lines[j + 1]))
		j++;
	return ends_recital(&r->lines[j]) && rp_classify_paragraph(
	    r->lines[i].s, r->lines[i].n) == RP_PARA_PREAMBULAR;
}

/* A whole recital straight under a masthead line that ends a sentence
 * ("2 марта⏎1998 года." then "ссылаясь на ...,"): a copy that lost its
 * formula and its blank lines begins its preamble there. */
static int
recital_after_heading(const struct line *prev, const struct line *l)
{
	return !is_blank(prev) && prev->end ==
	    RP_END_STOP && long_line(l) && first_recital(l);
}

/* Where make_units() is in the lines of one segment. */
struct cutter {
	struct reader		*r;
	struct unit		*u;	/* the open unit, if lines join it */
	const struct line	*prev;	/* the last running-text line */
	int			 seg;
	int			 in_masthead;
	int			 in_zone;	/* 1 notes, 2 notes past a blank,
						   3 under a notes heading */
	int			 blank;		/* a blank line came before */
	int			 seen_content;
	size_t			 resume;	/* where a sentence resumes
						   under column-foot notes */
	size_t			 listed_from;	/* notes whose numbers came */
	size_t			 listed_end;	/* before: listed_numbers() */
	int			 listed_first;
	char			 marker[16];
};

static void
blank_line(struct cutter *c, const struct line *l)
{
	if (l->gone != 3 && l->gone != 2)
		c->blank = 1;
	/* A note's marker alone still waits for its text ("2/", a blank,
	 * "Resolution 2625 (XXV), annex."). */
	if ((c->u != NULL && c->u->kind == U_FNDEF && c->u->text.len == 0) ||
	    c->in_zone == 3)
		return;
	if (l->gone == 0) {
		c->u = c->in_zone == 1 ? NULL : c->u;
		if (c->in_zone)
			c->in_zone = 2;
	}
	if (l->gone == 0 && !c->in_zone)
		c->u = NULL;
}

/* An annex or appendix heading starts a segment of its own, masthead
 * first. */
static int
annex_unit(struct cutter *c, size_t i)
{
	struct unit	*u;
	int		 kind = part_line(c->r, i);

	if (kind == 0)
		return 0;
	c->seg++;
	u = new_unit(c->r, &c->r->lines[i], kind, c->seg);
	append_line(u, &c->r->lines[i]);
	c->u = NULL;
	c->in_masthead = 1;
	c->in_zone = 0;
	c->blank = 1;
	c->seen_content = 0;
	return 1;
}

/* The old form's marker alone on its line, "6/" or "12/", over its
 * note's text: its number into marker. */
static int
slash_marker_alone(const struct line *l, char *marker, size_t size)
{
	size_t	k = 0;

	while (k < l->n && k < 3 && isdigit((unsigned char)l->s[k]))
		k++;
	if (k == 0 || k + 1 != l->n || l->s[k] != '/' || k >= size)
		return 0;
	memcpy(marker, l->s, k);
	marker[k] = '\0';
	return 1;
}

/* Footnotes at a page foot, after a rule (split_flat_lines cut off a
 * note that shared its line), and the lines of each; in the old form
 * each marker may stand alone over its text, a blank line between or
 * not (A/RES/49/60, 1995). */
static int
zone_note(struct cutter *c, const struct line *l)
{
	size_t	 k;
	int	 slashed;

	if (rp_footnote_rule(l->s, l->n) == l->n) {
		c->in_zone = 1;
		c->u = NULL;
		return 1;
	}
	if (!c->in_zone)
		return 0;
	if (slash_marker_alone(l, c->marker, sizeof(c->marker)))
		k = l->n;
	else
		k = rp_note_marker(l->s, l->n, c->marker, sizeof(c->marker),
		    &slashed);
	if (k > 0) {
		c->u = new_definition(c->r, l, k, c->marker, c->seg);
		c->in_zone = 1;
		c->blank = 0;
		return 1;
	}
	if (c->in_zone == 1 && c->u != NULL && c->u->kind == U_FNDEF &&
	    !rp_opens_unit(l->s, l->n)) {
		append_line(c->u, l);
		return 1;
	}
	c->in_zone = 0;
	c->u = NULL;
	return 0;
}

/* A notes heading alone between a blank line and a note's number alone
 * ("Notes", "1", "", "Other required elements:", S/RES/1244 (1999)): the
 * notes follow; the heading is no paragraph, kept apart with the page
 * furniture. */
static int
notes_heading(struct cutter *c, size_t i)
{
	struct reader	*r = c->r;
	struct line	*l = &r->lines[i];
	size_t		 j = i + 1;

	if (i == 0 || !is_blank(l - 1) || !rp_lang_is(RP_LK_NOTES_HEADING,
	    l->s, l->n, NULL))
		return 0;
	while (j < r->nlines && is_blank(&r->lines[j]))
		j++;
	if (j == r->nlines || bare_note_number(&r->lines[j]) == 0)
		return 0;
	l->gone = 2;
	c->in_zone = 3;
	c->u = NULL;
	return 1;
}

/* Under a notes heading each note runs from its number alone to the
 * next number, blank lines, items and page breaks and all, up to a rule
 * or the end of its part ("-----"). */
static int
section_note(struct cutter *c, const struct line *l)
{
	int	v = bare_note_number(l);

	if (c->in_zone != 3)
		return 0;
	if (rule_line(l, "-_")) {
		c->in_zone = 0;
		c->u = NULL;
		return 0;
	}
	if (v > 0 && (c->u == NULL || v == atoi(c->u->marker) + 1)) {
		snprintf(c->marker, sizeof(c->marker), "%d", v);
		c->u = new_definition(c->r, l, l->n, c->marker, c->seg);
		return 1;
	}
	if (c->u == NULL) {
		c->in_zone = 0;
		return 0;
	}
	append_line(c->u, l);
	return 1;
}

/* Whether line l opens a note by its words, not by where it stands:
 * its marker then a note opening ("38 Ibid., …"), never running text. */
static int
note_words_line(const struct line *l)
{
	char	m[16];
	size_t	k;
	int	slashed;

	k = rp_note_marker(l->s, l->n, m, sizeof(m), &slashed);
	return k > 0 && rp_lang_phrase(RP_LK_NOTE_OPENING, l->s + k,
	    l->n - k, NULL) > 0;
}

/* Notes at a column's foot between the halves of a sentence, with no
 * blank line round them ("… du Secrétaire", "22 Ibid., …", "23 …",
 * "général s'est …"): the text before them ends no clause, each is one
 * line ending in a full stop (not "713 (1991) and other" wrapped) and
 * the line after them goes on in lower case.  That line, or 0. */
static size_t
column_foot_end(const struct reader *r, const struct unit *u, size_t i)
{
	char	m[16];
	int	slashed;
	size_t	j;

	if (u == NULL || u->kind != U_TEXT ||
	    rp_ends_clause(u->text.data, u->text.len))
		return 0;
	for (j = i; j < r->nlines && (is_blank(&r->lines[j]) ||
	    (r->lines[j].end == RP_END_STOP && rp_note_marker(r->lines[j].s,
	    r->lines[j].n, m, sizeof(m), &slashed) > 0)); j++)
		continue;
	return j > i && j < r->nlines && rp_starts_lower(r->lines[j].s,
	    r->lines[j].n) ? j : 0;
}

/* A starred note, one sentence right over its page's foot with no rule
 * or blank line above it ("…peacebuilding efforts," then "* Reissued
 * for technical reasons on 5 January 2016." over the job number): the
 * note of the masthead's "S/RES/2250 (2015)*". */
static int
starred_foot_note(const struct reader *r, size_t i)
{
	const struct line	*l = &r->lines[i];
	size_t			 j = i + 1;

	if (l->n < 3 || l->s[0] != '*' || l->s[1] != ' ' ||
	    l->end != RP_END_STOP)
		return 0;
	while (j < r->nlines && r->lines[j].n == 0)
		j++;
	return j == r->nlines || r->lines[j].gone == 2 || r->lines[j].page;
}

/* Whether line i may open a note with no blank line before it. */
static int
note_without_blank(struct cutter *c, size_t i)
{
	const struct line *l = &c->r->lines[i];

	if (i < c->resume || next_note_line(c->u, l) ||
	    ends_before_notes(c->r, c->u, l) || note_words_line(l) ||
	    starred_foot_note(c->r, i))
		return 1;
	c->resume = column_foot_end(c->r, c->u, i);
	return c->resume > 0;
}

static int
ascending(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/* Markers of up to three digits ("7", "07", "107"), each a bit. */
#define CITED_BITS	(10 + 100 + 1000)

static size_t
cited_bit(const char *digits, size_t k)
{
	size_t v = 0, i;

	for (i = 0; i < k; i++)
		v = v * 10 + (size_t)(digits[i] - '0');
	return v + (k == 1 ? 0 : k == 2 ? 10 : 110);
}

static void
mark_cited(unsigned char *cited, const char *digits, size_t k)
{
	size_t b = cited_bit(digits, k);

	cited[b / 8] |= (unsigned char)(1u << (b % 8));
}

/* Whether a marker of these digits was cited before (mark_cited). */
static int
is_cited(const unsigned char *cited, const char *digits, size_t k)
{
	size_t b = cited_bit(digits, k);

	return (cited[b / 8] & (1u << (b % 8))) != 0;
}

/* Whether the digits at s + p may be a marker by what stands before
 * them: a space after a word, a period or a comma ("meeting. 22"), a
 * comma glued to a word or a year ("Human Rights,2", "3 April 1998,1 in
 * which"), or a Chinese character, glued or with a space ("会议12及",
 * "通过。 1"). */
static int
marker_place(const char *s, size_t p)
{
	size_t	len;

	if (s[p - 1] == ',' && p >= 2 && isalnum((unsigned char)s[p - 2]))
		return 1;
	if (s[p - 1] == ' ') {
		if (--p == 0)
			return 0;
		if (isalpha((unsigned char)s[p - 1]) || s[p - 1] == '.' ||
		    s[p - 1] == ',')
			return 1;
	}
	return rp_is_cjk(rp_utf8_last(s, p, &len));
}

/* The markers s cites into cited: up to three digits where a marker may
 * stand (marker_place) and before the end, a space, a period, a comma, a
 * semicolon or a Chinese character; a wiki copy's glued "[7]". */
static void
note_citations(const char *s, size_t n, unsigned char *cited)
{
	size_t		 p, q;
	uint32_t	 next;

	for (p = 1; p < n; p++) {
		/* A wiki copy's "Palestina[1],". */
		if (s[p] == '[' && s[p - 1] != ' ') {
			for (q = p + 1; q < n && q - p <= 3 &&
			    isdigit((unsigned char)s[q]); q++)
				continue;
			if (q > p + 1 && q < n && s[q] == ']')
				mark_cited(cited, s + p + 1, q - p - 1);
			continue;
		}
		if (s[p] < '0' || s[p] > '9' ||	/* most bytes: no call */
		    isdigit((unsigned char)s[p - 1]) || !marker_place(s, p))
			continue;
		for (q = p; q < n && q - p < 4 && isdigit((unsigned char)s[q]);
		    q++)
			continue;
		/* "230,000": three digits after a comma group thousands. */
		if (q - p > 3 || (s[p - 1] == ',' && q - p == 3))
			continue;
		if (q < n && rp_utf8_decode(s + q, n - q, &next) == 0)
			continue;
		if (q == n || s[q] == ' ' || s[q] == '.' || s[q] == ',' ||
		    s[q] == ';' || rp_is_cjk(next) || (s[q] == '/' &&
		    (q + 1 == n || s[q + 1] == ' ')))
			mark_cited(cited, s + p, q - p);
	}
}

/* Where the page that line i is on ends: its last line's index + 1, at
 * the next page's form feed or running head. */
static size_t
page_end(const struct reader *r, size_t i)
{
	while (i < r->nlines && !r->lines[i].page && r->lines[i].gone != 3)
		i++;
	return i;
}

/* Lines from..end made notes, past bare numbers and the furniture: a
 * text ends at a line ending in a period, and the texts take the
 * numbers num[] in their order. */
static void
notes_in_order(struct cutter *c, size_t from, size_t end, const int *num)
{
	const struct line	*v = c->r->lines;
	size_t			 i;
	int			 k = 0;
	char			 marker[8];

	for (i = from; i < end; i++) {
		if (v[i].n == 0 || v[i].gone || bare_note_number(&v[i]) > 0)
			continue;
		if (c->u == NULL || c->u->kind != U_FNDEF || c->u->text.data[
		    c->u->text.len - 1] == '.') {
			snprintf(marker, sizeof(marker), "%d", num[k++]);
			c->u = new_definition(c->r, &v[i], 0, marker, c->seg);
		} else
			append_line(c->u, &v[i]);
	}
	c->u = NULL;
	c->in_zone = 0;
}

/*
 * A page foot where pdftotext (without -layout) set the notes' numbers
 * apart from their texts, in any order: "1", "2", then "A/49/765, annex
 * I." and "A/52/174, annex I."; or "1", "Resolution 217 A (III).",
 * "A/CONF.157/24 …", "3", "See resolution …", "2"; the job number or
 * the page's number may stand between them.  From the rule at line
 * `rule` to the next page (its form feed or running head), past the
 * furniture: when there are as many bare numbers as texts (a text ends
 * at a line ending in a period), the texts, in their order, take the
 * numbers in ascending order.  Returns the last line read, 0 if the
 * zone is not of that shape.
 */
static size_t
scattered_notes(struct cutter *c, size_t rule)
{
	const struct line	*v = c->r->lines;
	int			 num[32], nnum = 0, ntext = 0, open = 0;
	size_t			 i, end = page_end(c->r, rule + 1);

	for (i = rule + 1; i < end; i++) {
		const struct line *l = &v[i];

		if (l->n == 0 || l->gone)
			continue;
		if (bare_note_number(l) > 0 && nnum < 32)
			num[nnum++] = bare_note_number(l);
		else if (rp_opens_unit(l->s, l->n) || rp_footnote_rule(l->s,
		    l->n) > 0)
			return 0;
		else {
			ntext += !open;
			open = l->s[l->n - 1] != '.';
		}
	}
	if (nnum == 0 || nnum != ntext || open)
		return 0;
	qsort(num, (size_t)nnum, sizeof(num[0]), ascending);
	notes_in_order(c, rule + 1, end, num);
	return end - 1;
}

/* Whether the page of line i cites notes first to first + n - 1 in its
 * lines before line `to`. */
static int
cited_on_page(const struct reader *r, size_t i, size_t to, int first, int n)
{
	unsigned char	cited[(CITED_BITS + 7) / 8] = { 0 };
	char		d[8];
	size_t		k;

	while (i > 0 && !r->lines[i].page)
		i--;
	for (; i < to; i++)
		if (!is_blank(&r->lines[i]))
			note_citations(r->lines[i].s, r->lines[i].n, cited);
	while (n-- > 0)
		if ((k = (size_t)snprintf(d, sizeof(d), "%d", first + n)) > 3 ||
		    !is_cited(cited, d, k))
			return 0;
	return 1;
}

/* Where the last n texts of the page before `end` begin, past line
 * `start`: each ends in a period, the first after a blank line; no line
 * of them a bare number or a paragraph's opening, and no rule over them
 * (scattered_notes reads a ruled foot).  0 if not so. */
static size_t
foot_texts(const struct reader *r, size_t start, size_t end, int n)
{
	const struct line	*v = r->lines;
	size_t			 k = end, i;

	while (n-- > 0) {
		while (k > start && is_blank(&v[k - 1]))
			k--;
		if (k == start || v[k - 1].s[v[k - 1].n - 1] != '.')
			return 0;
		for (k--; k > start && !is_blank(&v[k - 1]) &&
		    v[k - 1].s[v[k - 1].n - 1] != '.'; k--)
			continue;
	}
	if (k == start || !is_blank(&v[k - 1]))
		return 0;
	for (i = start; i < end; i++)
		if (!is_blank(&v[i]) && (rp_footnote_rule(v[i].s, v[i].n) > 0 ||
		    (i >= k && (bare_note_number(&v[i]) > 0 ||
		    rp_opens_unit(v[i].s, v[i].n)))))
			return 0;
	return k;
}

/*
 * A page foot with no rule, where pdftotext listed the notes' numbers
 * one a line apart from their texts, amid the page's text: "16.", "3",
 * "4", the rest of paragraph 16, then "See CD/1478." and "Amended
 * protocol … (CCW/CONF.I/16 (Part I), annex B)." over the page's number.
 * Two numbers or more in a row at line i, the notes next in sequence,
 * and as many texts closing the page: the texts are recorded for
 * make_units to define when it comes to them, and the numbers read.
 * Returns the last number's line, or 0.
 */
static size_t
listed_numbers(struct cutter *c, size_t i)
{
	const struct reader	*r = c->r;
	int			 first = bare_note_number(&r->lines[i]);
	size_t			 j = i + 1, end, from;

	if (c->in_zone || first == 0)
		return 0;
	while (j < r->nlines && !r->lines[j].gone && j - i < 32 &&
	    bare_note_number(&r->lines[j]) == first + (int)(j - i))
		j++;
	if (j - i < 2 || (from = foot_texts(r, j, end = page_end(r, j),
	    (int)(j - i))) == 0 || !cited_on_page(r, i, from, first,
	    (int)(j - i)))
		return 0;
	c->listed_from = from;
	c->listed_end = end;
	c->listed_first = first;
	return j - 1;
}

/* At the texts listed_numbers() found: the notes, numbered from the
 * first listed.  Returns the last line read. */
static size_t
listed_notes(struct cutter *c)
{
	int	num[32], k;

	for (k = 0; k < 32; k++)
		num[k] = c->listed_first + k;
	c->u = NULL;
	notes_in_order(c, c->listed_from, c->listed_end, num);
	c->listed_from = 0;
	return c->listed_end - 1;
}

/* A note defined in a block of its own, not at a page foot. */
static int
block_note(struct cutter *c, size_t i)
{
	const struct line *l = &c->r->lines[i];
	size_t	 k;
	int	 slashed;

	if ((!c->blank && !note_without_blank(c, i)) ||
	    (k = block_definition(c->r, l, c->seen_content, c->marker,
	    sizeof(c->marker), &slashed)) == 0)
		return 0;
	c->u = new_definition(c->r, l, k, c->marker, c->seg);
	c->u->block_start = 1;
	/* The old form lists its notes line after line: "1/ S/26111."
	 * then "2/ S/26083.". */
	c->in_zone = slashed;
	c->blank = 0;
	return 1;
}

/* The masthead ends at the formula, or where running text begins: a
 * numbered paragraph, a long piece cut from a flattened line, a
 * sentence, a recital under a dated heading line, a preambular opener
 * of the language's table ("Whereas" before the formula in 1940s
 * resolutions, "Recalling" under a formula OCR misread). */
/* Whether line i is a numbered or bulleted label above the formula:
 * short, ending no clause ("1. Правова система ipLex360", "- Законодавство",
 * a web page's breadcrumbs pasted with the text).  Paragraphs and items
 * come after the formula and end a clause, or fill a wrapped line; the
 * line right above the formula may be its first words ("- Le" over
 * "Conseil de sécurité,"). */
static int
menu_line(const struct reader *r, size_t i)
{
	const struct line *l = &r->lines[i];

	return i + 1 < r->formula_at && l->end == RP_END_NONE && !long_line(l);
}

static int
ends_masthead(const struct reader *r, size_t i, int blank)
{
	const struct line	*l = &r->lines[i];
	rp_body			 b;

	return rp_is_formula(l->s, l->n, &b) ||
	    bare_formula_line(r, i) ||
	    (rp_opens_unit(l->s, l->n) && !menu_line(r, i)) ||
	    (blank && rp_section_label(l->s, l->n) == l->n) ||
	    rp_formula_lead(l->s, l->n, &b, items_below(r, i)) > 0 ||
	    (l->cut && long_line(l) && !rp_masthead_role(l->s, l->n)) ||
	    (i > 0 && recital_after_heading(l - 1, l)) ||
	    ((blank || r->line_per_paragraph) &&
	    (r->nunits > 0 || first_recital(l) ||
	    (blank && first_recital_block(r, i))) &&
	    !rp_masthead_role(l->s, l->n) && ((long_line(l) &&
	    (blank ? sentence_end(r, l) : ends_recital(l) ||
	    l->end == RP_END_STOP ||
	    (rp_opens_recital(l->s, l->n) && l->end != RP_END_NONE))) ||
	    rp_opens_recital(l->s, l->n)));
}

static void
masthead_line(struct cutter *c, const struct line *l)
{
	int	 role = rp_masthead_role(l->s, l->n);
	/* Masthead lines stand alone; other lines (a long title) join
	 * up. */
	int	 prev = c->u != NULL && c->u->kind == U_MASTHEAD ?
	    rp_masthead_role(c->u->text.data, c->u->text.len) : -1;

	/* "on 26 November 2025" continues the line before; an agenda
	 * item's title follows it. */
	if (!role && !c->blank && (prev == RP_ROLE_AGENDA ||
	    prev == RP_ROLE_ADOPTION ||
	    (prev > 0 && rp_starts_lower(l->s, l->n)))) {
		append_line(c->u, l);
		return;
	}
	if (role || c->u == NULL || c->u->kind != U_MASTHEAD ||
	    prev != RP_ROLE_NONE || c->blank) {
		c->u = new_unit(c->r, l, U_MASTHEAD, c->seg);
		c->u->block_start = c->blank;
	}
	append_line(c->u, l);
	c->blank = 0;
}

/* A section's heading line after a sentence's end, with no blank line
 * between ("…implementation plans." then "II." or "III. Human Rights
 * Council Advisory Committee"), or its label alone after a colon
 * ("Adopts the following Basic Principles and Guidelines:" then "I."):
 * it opens a unit of its own.  Not the end of a note's citation over
 * the next note's number ("…, chap. II, sect." then "A." then "2"). */
static int
section_line(const struct reader *r, const struct line *prev, size_t i)
{
	const struct line	*l = &r->lines[i];
	int			 alone = rp_section_label(l->s, l->n) == l->n;

	if (prev == NULL || !rp_section_heading(l->s, l->n))
		return 0;
	if (prev->end == RP_END_COLON)
		return alone;
	return prev->end == RP_END_STOP && !(alone && i + 1 < r->nlines &&
	    number_line(&r->lines[i + 1]) > 0);
}

/* A title under the line announcing it in a colon, a section's label
 * below it past blank lines ("Adopts the following Declaration:" then
 * "United Nations Millennium Declaration", then "I."): a heading of its
 * own, not the colon's paragraph going on.  Short and in title case. */
static int
title_under_colon(const struct reader *r, const struct line *prev, size_t i)
{
	const struct line	*l = &r->lines[i];
	size_t			 j = i + 1;

	if (prev == NULL || prev->end != RP_END_COLON ||
	    !rp_heading_line(l->s, l->n) || !rp_title_case(l->s, l->n))
		return 0;
	while (j < r->nlines && is_blank(&r->lines[j]))
		j++;
	return j > i + 1 && j < r->nlines &&
	    rp_section_label(r->lines[j].s, r->lines[j].n) > 0;
}

/* Running text never continues a masthead line. */
static void
running_line(struct cutter *c, size_t i)
{
	struct reader		*r = c->r;
	const struct line	*l = &r->lines[i];
	struct unit		*u = c->u;
	int			 note_number = number_under_note(r, u, i);
	int			 title = title_under_colon(r, c->prev, i);

	if (u == NULL || c->blank || u->kind == U_MASTHEAD ||
	    (rp_opens_unit(l->s, l->n) &&
	    !wrapped_opener(r, c->prev, l)) ||
	    line_ends_paragraph(r, c->prev, l) || formula_alone(u, l) ||
	    bare_formula_line(r, i) || connector_line(r, i) ||
	    (i > 0 && closing_break(u, l - 1, l)) || dated_closing(r, u, l) ||
	    i == c->resume || division_line(l) || division_line(c->prev) ||
	    section_line(r, c->prev, i) || note_number || title) {
		u = new_unit(r, l, rp_is_separator(l->s, l->n) ?
		    U_SEPARATOR : U_TEXT, c->seg);
		/* A note's number, or a title, stands as a block of its
		 * own. */
		u->block_start = c->blank || note_number || title;
	}
	append_line(u, l);
	c->prev = l;
	c->u = u->kind == U_SEPARATOR ? NULL : u;
	c->blank = 0;
}

/* In an annex or an appendix, whose masthead is its title: a full line
 * under the title's last line (short, ending no clause) opens the text,
 * though no blank line sets it off ("…for the Working Group on the⏎
 * Universal Periodic Review⏎The established procedures, which allow
 * speaking time of three minutes for⏎…"). */
static int
text_under_title(const struct cutter *c, size_t i)
{
	const struct reader	*r = c->r;
	const struct line	*l = &r->lines[i], *p = l - 1;

	return c->seg > 0 && !c->blank && c->u != NULL &&
	    c->u->kind == U_MASTHEAD && !p->gone && p->end == RP_END_NONE &&
	    !full_line(r, p) && !rp_masthead_role(p->s, p->n) &&
	    full_line(r, l) && !rp_starts_lower(l->s, l->n);
}

static void
make_units(struct reader *r)
{
	struct cutter	 c = { .r = r, .in_masthead = 1, .blank = 1 };
	size_t		 i;

	for (i = 0; i < r->nlines; i++) {
		struct line	*l = &r->lines[i];
		size_t		 last;

		if (is_blank(l)) {
			blank_line(&c, l);
			continue;
		}
		if (rp_footnote_rule(l->s, l->n) == l->n &&
		    (last = scattered_notes(&c, i)) > 0) {
			i = last;
			continue;
		}
		if ((last = listed_numbers(&c, i)) > 0 ||
		    (c.listed_from > 0 && i == c.listed_from &&
		    (last = listed_notes(&c)) > 0)) {
			i = last;
			continue;
		}
		if (annex_unit(&c, i) || notes_heading(&c, i) ||
		    section_note(&c, l) || zone_note(&c, l) ||
		    block_note(&c, i))
			continue;
		if (c.in_masthead && (ends_masthead(r, i, c.blank) ||
		    text_under_title(&c, i)))
			c.in_masthead = 0;
		if (c.in_masthead)
			masthead_line(&c, l);
		else {
			c.seen_content = 1;
			running_line(&c, i);
		}
	}
}

/* ----------------------------------------------------- footnotes */

/* The key of marker in segment seg (-1: in any) into k. */
static void
def_key(rp_buf *k, const char *marker, int seg)
{
	k->len = 0;
	rp_buf_put(k, marker, strlen(marker) + 1);
	rp_buf_put(k, (const char *)&seg, sizeof(seg));
}

/* The first definition of marker in segment seg (-1: in any). */
static struct fndef *
first_def(const struct reader *r, const char *marker, int seg)
{
	rp_buf	 k;
	size_t	*v;

	rp_buf_init(&k);
	def_key(&k, marker, seg);
	v = rp_map_get(&r->fnfirst, k.data, k.len);
	rp_buf_free(&k);
	return v != NULL ? &r->fns[*v - 1] : NULL;
}

static void
heap_swap(size_t *h, size_t a, size_t b)
{
	size_t t = h[a];

	h[a] = h[b];
	h[b] = t;
}

/* Definition d (numbered) into the heap of its segment. */
static void
heap_push(struct reader *r, size_t d)
{
	struct noteheap	*q;
	size_t		 k, up;
	int		 seg = r->fns[d].seg;

	while (r->nheaps <= (size_t)seg) {
		RP_GROW(r->heaps, r->nheaps, r->capheaps);
		memset(&r->heaps[r->nheaps++], 0, sizeof(*r->heaps));
	}
	q = &r->heaps[seg];
	RP_GROW(q->i, q->n, q->cap);
	q->i[k = q->n++] = d;
	for (; k > 0 && r->fns[q->i[up = (k - 1) / 2]].number >
	    r->fns[q->i[k]].number; k = up)
		heap_swap(q->i, k, up);
}

static void
heap_pop(const struct reader *r, struct noteheap *q)
{
	size_t k = 0, c;

	q->i[0] = q->i[--q->n];
	while ((c = 2 * k + 1) < q->n) {
		if (c + 1 < q->n && r->fns[q->i[c + 1]].number <
		    r->fns[q->i[c]].number)
			c++;
		if (r->fns[q->i[k]].number <= r->fns[q->i[c]].number)
			break;
		heap_swap(q->i, k, c);
		k = c;
	}
}

/* The lowest number of a definition in seg not yet referenced, or 0. */
static int
lowest_unreferenced(struct reader *r, int seg)
{
	struct noteheap *q;

	if (seg < 0 || (size_t)seg >= r->nheaps)
		return 0;
	q = &r->heaps[seg];
	while (q->n > 0 && r->fns[q->i[0]].referenced)
		heap_pop(r, q);
	return q->n > 0 ? r->fns[q->i[0]].number : 0;
}

/* Definition d, just added, indexed by its marker and segment. */
static void
index_def(struct reader *r, size_t d)
{
	rp_buf	 k;
	size_t	*v;
	int	 pass, added;

	rp_buf_init(&k);
	for (pass = 0; pass < 2; pass++) {
		def_key(&k, r->fns[d].node->num, pass ? -1 : r->fns[d].seg);
		v = rp_map_put(&r->fnfirst, k.data, k.len, &added);
		if (added)
			*v = d + 1;
	}
	rp_buf_free(&k);
	if (r->fns[d].number > 0)
		heap_push(r, d);
}

static rp_node *
lookup_footnote(void *arg, const char *marker, enum rp_marker_kind kind)
{
	struct reader	*r = arg;
	int		 num = atoi(marker), next;
	struct fndef	*hit;

	/* Prefer the definition in the same part of the text. */
	if ((hit = first_def(r, marker, r->cur_seg)) == NULL)
		hit = first_def(r, marker, -1);
	if (hit == NULL || r->in_note)
		return NULL;
	/* The lowest numbered definition not yet referenced is the one a
	 * new marker most likely calls. */
	next = lowest_unreferenced(r, r->cur_seg);
	if (!rp_marker_fits(kind, num, hit->referenced, next))
		return NULL;
	hit->referenced = 1;
	return hit->node;
}

static int
uncited_footnote(void *arg, const char *marker)
{
	struct reader	*r = arg;
	struct fndef	*hit;

	if ((hit = first_def(r, marker, r->cur_seg)) == NULL)
		hit = first_def(r, marker, -1);
	return hit != NULL && !hit->referenced && !r->in_note;
}

/* ------------------------------------------------------ the tree */

struct builder {
	struct reader	*r;
	rp_node		*docnode;	/* the DOCUMENT being built */
	rp_node		*preface, *preamble, *body, *conclusion, *notes;
	rp_node		*para;		/* last paragraph, for sub-items */
	rp_node		*items[8];	/* open items by depth */
	rp_item_kind	 kinds[8];
	int		 values[8];
	int		 depth;		/* open lists */
	int		 state;		/* 0 masthead, 1 preamble, 2 body */
	int		 vote;		/* expecting members of a vote group */
	int		 next_num;	/* number of the next numbered unit */
	int		 numbered_next;	/* the next unit is numbered */
	int		 bulleted;	/* operative paragraphs set as bullets */
	int		 nnotes;	/* footnotes defined so far */
	rp_node		*vote_node;
};

/* The part of type, in its slot once made (or made by the shared
 * rules: rp_to_preface). */
static rp_node *
part(struct builder *bd, rp_node **slot, rp_node_type type, int line)
{
	if (*slot == NULL)
		*slot = rp_doc_part(bd->r->doc, bd->docnode, type, line, 0);
	return *slot;
}

/* A BLOCK holding the inline content of text. */
static rp_node *
block(struct builder *bd, const struct unit *u, const char *s, size_t n,
    int role)
{
	struct rp_inline_ctx	 ctx;
	rp_node			*b;
	size_t			 off = (size_t)(s - u->text.data), i;
	struct rp_srcpos	*pos;

	b = rp_node_new(bd->r->doc, RP_NODE_BLOCK, u->line, u->col);
	b->role = role;
	memset(&ctx, 0, sizeof(ctx));
	ctx.doc = bd->r->doc;
	ctx.body = bd->docnode->meta->body;
	ctx.markdown = 1;
	ctx.footnote = lookup_footnote;
	ctx.uncited = uncited_footnote;
	ctx.arg = bd->r;
	ctx.line = u->line;
	ctx.col = u->col;
	/* Positions relative to s. */
	pos = malloc((u->npos ? u->npos : 1) * sizeof(*pos));
	if (pos != NULL) {
		size_t k = 0;

		for (i = 0; i < u->npos; i++) {
			if (u->pos[i].off + 64 < off && i + 1 < u->npos &&
			    u->pos[i + 1].off <= off)
				continue;
			pos[k] = u->pos[i];
			pos[k].off = pos[k].off > off ? pos[k].off - off : 0;
			k++;
		}
		ctx.pos = pos;
		ctx.npos = k;
		if (k > 0) {
			b->line = pos[0].line;
			b->col = pos[0].col + (int)(off > u->pos[0].off ?
			    off - u->pos[0].off : 0);
		}
	}
	rp_inline_parse(&ctx, b, s, n);
	free(pos);
	return b;
}

static rp_node *
paragraph(struct builder *bd, const struct unit *u, const char *num,
    size_t numlen)
{
	rp_node *p = rp_node_new(bd->r->doc, RP_NODE_PARAGRAPH, u->line,
	    u->col);

	if (num != NULL)
		p->num = rp_doc_strndup(bd->r->doc, num, numlen);
	return p;
}

/* Whether an item of kind/value continues the list at depth d. */
static int
continues(const struct builder *bd, int d, rp_item_kind kind, int value)
{
	if (bd->kinds[d] == kind)
		return 1;
	/* "(i)" after "(h)" is the ninth letter, "(v)" after "(u)" ... */
	if (bd->kinds[d] == RP_ITEM_ALPHA && kind == RP_ITEM_ROMAN &&
	    value > 0) {
		const char *ltr = value == 1 ? "i" : value == 5 ? "v" :
		    value == 10 ? "x" : NULL;

		return ltr != NULL && bd->values[d] == ltr[0] - 'a';
	}
	return 0;
}

static void
add_item(struct builder *bd, const struct unit *u, size_t numlen,
    size_t textoff, rp_item_kind kind, int value)
{
	rp_node		*item, *list, *owner;
	const char	*num = NULL;
	int		 d;

	if (bd->para == NULL) {
		/* Items with no paragraph to hang from: give them one. */
		bd->para = paragraph(bd, u, NULL, 0);
		bd->para->flags |= RP_NOSRC;
		rp_node_append(part(bd, bd->state == 2 ? &bd->body :
		    &bd->preamble, bd->state == 2 ? RP_NODE_BODY :
		    RP_NODE_PREAMBLE, u->line), bd->para);
		bd->depth = 0;
	}
	/* Scans misread "(b)" as "(6)": after (a), "(6)" is (b). */
	if (kind == RP_ITEM_DIGIT && value == 6 && bd->depth > 0 &&
	    bd->kinds[bd->depth - 1] == RP_ITEM_ALPHA &&
	    bd->values[bd->depth - 1] == 1 && numlen == 3 &&
	    u->text.data[0] == '(') {
		kind = RP_ITEM_ALPHA;
		value = 2;
		num = "(b)";
		rp_msg(bd->r->doc, RP_WARNING, "item-number", u->line, u->col,
		    "item \"(6)\" after \"(a)\" read as \"(b)\"");
	}
	for (d = bd->depth - 1; d >= 0; d--)
		if (continues(bd, d, kind, value))
			break;
	if (d >= 0) {
		bd->depth = d + 1;
		if (bd->kinds[d] == RP_ITEM_ALPHA && kind == RP_ITEM_ROMAN)
			kind = RP_ITEM_ALPHA, value = bd->values[d] + 1;
		list = bd->items[d]->parent;
	} else {
		if (bd->depth >= 8)
			bd->depth = 7;
		owner = bd->depth == 0 ? bd->para : bd->items[bd->depth - 1];
		list = rp_node_new(bd->r->doc, RP_NODE_LIST, u->line, u->col);
		rp_node_append(owner, list);
		d = bd->depth++;
	}
	item = rp_node_new(bd->r->doc, RP_NODE_ITEM, u->line, u->col);
	item->num = num != NULL ? num : rp_doc_strndup(bd->r->doc,
	    u->text.data, numlen);
	rp_node_append(item, block(bd, u, u->text.data + textoff,
	    u->text.len - textoff, 0));
	rp_node_append(list, item);
	bd->items[d] = item;
	bd->kinds[d] = kind;
	bd->values[d] = value;
}

static void
add_masthead(struct builder *bd, const struct unit *u)
{
	const char	*s = u->text.data;
	size_t		 n = u->text.len, k;
	int		 role = rp_masthead_role(s, n);
	rp_node		*pre = part(bd, &bd->preface, RP_NODE_PREFACE, u->line);

	if (role == RP_ROLE_NONE) {
		if ((k = rp_number_before_title(s, n)) > 0) {
			rp_masthead_meta(bd->r->doc, bd->docnode->meta,
			    RP_ROLE_NUMBER, s, k);
			rp_node_append(pre, block(bd, u, s, k, RP_ROLE_NUMBER));
			k += s[k] == ' ';
			s += k;
			n -= k;
			role = RP_ROLE_TITLE;
		} else
			role = rp_unplaced_role(bd->docnode->meta, s, n);
	}
	rp_masthead_meta(bd->r->doc, bd->docnode->meta, role, s,
	    n);
	rp_node_append(pre, block(bd, u, s, n, role));
}

static void
add_vote(struct builder *bd, const struct unit *u, int kind)
{
	rp_node *vote, *g;

	bd->body = part(bd, &bd->body, RP_NODE_BODY, u->line);
	vote = bd->body->last;
	if (vote == NULL || vote->type != RP_NODE_VOTE) {
		vote = rp_node_new(bd->r->doc, RP_NODE_VOTE, u->line, u->col);
		rp_node_append(bd->body, vote);
	}
	g = rp_node_new(bd->r->doc, RP_NODE_VOTE_GROUP, u->line, u->col);
	g->role = kind - 1;
	g->count = -1;
	rp_node_append(g, block(bd, u, u->text.data, u->text.len,
	    RP_ROLE_LABEL));
	rp_node_append(vote, g);
	bd->vote_node = g;
	bd->vote = 1;
}

static void
add_members(struct builder *bd, const struct unit *u)
{
	rp_node	*g = bd->vote_node;
	rp_meta	*m = bd->docnode->meta;

	rp_node_append(g, block(bd, u, u->text.data, u->text.len,
	    RP_ROLE_MEMBERS));
	rp_vote_members(m, g, u->text.data, u->text.len);
	bd->vote = 0;
}

/* Whether a block's text ends with a full-width semicolon. */
static int
ends_with_cjk_semicolon(const rp_node *b)
{
	rp_buf	 t;
	size_t	 len;
	int	 yes;

	rp_buf_init(&t);
	rp_node_text(b, &t);
	yes = t.len > 0 && rp_utf8_last(t.data, t.len, &len) == 0xFF1B;
	rp_buf_free(&t);
	return yes;
}

/* A connector alone on the line before the formula ("Now, therefore,"
 * over "The General Assembly") opens the formula; it is no recital. */
static void
connector_into(struct builder *bd, rp_node *formula)
{
	rp_node	*c;
	rp_buf	 t;
	int	 is;

	if (bd->preamble == NULL || (c = bd->preamble->last) == NULL ||
	    c->type != RP_NODE_PARAGRAPH || c->num != NULL ||
	    c->first == NULL || c->first != c->last ||
	    c->first->type != RP_NODE_BLOCK)
		return;
	rp_buf_init(&t);
	rp_node_text(c->first, &t);
	is = t.data != NULL && rp_is_connector(t.data, t.len);
	rp_buf_free(&t);
	if (!is)
		return;
	rp_node_unlink(c);
	formula->line = c->line;
	formula->col = c->col;
	c = c->first;
	rp_node_unlink(c);
	rp_node_append(formula, c);
}

/* Whether paragraph c ends as a recital does, in a comma or a
 * semicolon. */
static int
ends_as_recital(const rp_node *c)
{
	rp_buf		t;
	rp_clause_end	e;

	rp_buf_init(&t);
	rp_node_text(c, &t);
	e = t.data != NULL ? rp_clause_end_of(t.data, t.len) : RP_END_NONE;
	rp_buf_free(&t);
	return e == RP_END_COMMA || e == RP_END_SEMICOLON;
}

/* Lines taken for recitals only by their place, above a formula that
 * comes after them, none ending as a recital does: a title given twice
 * (a page's heading, then its article's: "قرار مجلس الأمن رقم 381
 * بتاريخ …").  They go to the preface.  Recitals before the formula
 * (1946) end in commas and open with their words. */
static void
titles_before_formula(struct builder *bd)
{
	rp_node	*c, *next;

	if (bd->preamble == NULL)
		return;
	for (c = bd->preamble->first; c != NULL; c = c->next)
		if (c->type != RP_NODE_PARAGRAPH || !(c->flags & RP_UNSURE) ||
		    ends_as_recital(c))
			return;
	for (c = bd->preamble->first; c != NULL; c = next) {
		next = c->next;
		rp_node_unlink(c);
		rp_to_preface(bd->r->doc, bd->docnode, c, 0);
	}
	rp_node_unlink(bd->preamble);
	bd->preamble = NULL;
}

/* "- Recalling ...", "- Decides ...", "- 1. Decides ..." after the
 * formula: a copy that set the paragraphs' marks as bullets (a list's
 * items do not open as paragraphs do); the paragraph keeps its
 * bullet. */
static int
bulleted_paragraph(const struct builder *bd, rp_item_kind kind,
    const char *s, size_t n)
{
	return kind == RP_ITEM_BULLET && (bd->bulleted || (bd->state <= 1 &&
	    bd->preamble != NULL)) && rp_bullet_opens_paragraph(s, n);
}

/* Whether s holds no word and no number: a stray "." a web page left
 * after the last paragraph. */
static int
no_words(const char *s, size_t n)
{
	size_t		i, len;
	uint32_t	cp;

	for (i = 0; i < n; i += len) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0 ||
		    !(cp < 0x80 ? ispunct((int)cp) || cp == ' ' :
		    cp >= 0x2000 && cp <= 0x206F))
			return 0;
	}
	return 1;
}

/* The enacting formula, the first n bytes of u, of body, if none came
 * before: what came before it as paragraphs is its recitals or the
 * masthead.  The formula named again among the recitals ("فإن الجمعية
 * العامة،", "Therefore the Security Council,") before the last of them
 * is a formula too, not a recital. */
static int
add_formula(struct builder *bd, const struct unit *u, size_t n,
    rp_body body)
{
	const char	*s = u->text.data;
	rp_node		*p;
	int		 again = bd->preamble != NULL &&
	    rp_node_child(bd->preamble, RP_NODE_FORMULA) != NULL;

	if (again && bd->state == 1 && body == bd->docnode->meta->body) {
		p = rp_node_new(bd->r->doc, RP_NODE_FORMULA, u->line, u->col);
		rp_node_append(p, block(bd, u, s, n, 0));
		rp_node_append(bd->preamble, p);
		bd->para = NULL;
		return 1;
	}
	if (again || (bd->state > 1 && !rp_text_before_formula(bd->r->doc,
	    bd->docnode, rp_formula_connector(s, n), 0)))
		return 0;
	if (bd->state > 1)
		bd->body = NULL;
	if (bd->docnode->meta->body == RP_BODY_UNKNOWN)
		bd->docnode->meta->body = body;
	bd->preamble = rp_node_child(bd->docnode, RP_NODE_PREAMBLE);
	titles_before_formula(bd);
	bd->preface = rp_node_child(bd->docnode, RP_NODE_PREFACE);
	p = rp_node_new(bd->r->doc, RP_NODE_FORMULA, u->line, u->col);
	p->name = "enactingFormula";
	connector_into(bd, p);
	rp_node_append(p, block(bd, u, s, n, 0));
	rp_node_append(part(bd, &bd->preamble, RP_NODE_PREAMBLE, u->line), p);
	bd->state = 1;
	bd->para = NULL;
	return 1;
}

/* The longest a lead-in is, in characters ("Décide en conséquence :");
 * a longer line ending in a colon is an operative paragraph ("Recommends
 * that the General Assembly … as follows:"). */
#define LEAD_IN_MAX	32

/* Whether the unit after u opens with a sub-item's marker. */
static int
items_follow(const struct builder *bd, const struct unit *u)
{
	const struct unit	*next = u + 1;
	size_t			 nl;
	rp_item_kind		 kind;
	int			 v;

	return next < bd->r->units + bd->r->nunits && next->kind == U_TEXT &&
	    rp_item_marker(next->text.data, next->text.len, &nl, &kind,
	    &v) > 0;
}

/*
 * add_text_unit() tries these steps in turn on a unit's text; the first
 * that places it returns 1.  A step may also narrow the text for those
 * after it (a formula leading the line in).
 */
struct text {
	const struct unit	*u;
	const char		*s;	/* what is left to place */
	size_t			 n;
	int			 lead_in; /* it leads in what follows */
};

typedef int text_step(struct builder *, struct text *);

/* The members of a vote group, or the label opening one. */
static int
vote_text(struct builder *bd, struct text *t)
{
	int	 v;

	if (bd->vote) {
		add_members(bd, t->u);
		return 1;
	}
	if ((v = rp_vote_label(t->s, t->n)) != 0) {
		add_vote(bd, t->u, v);
		return 1;
	}
	return 0;
}

static int
formula_text(struct builder *bd, struct text *t)
{
	rp_body	 body;

	return (rp_is_formula(t->s, t->n, &body) ||
	    rp_is_bare_formula(t->s, t->n, &body)) &&
	    add_formula(bd, t->u, t->n, body);
}

/* "大会建议:": the formula, then its verb opens the paragraph whose
 * sub-items follow; before paragraphs it is their lead-in ("The Security
 * Council⏎Resolves:").  The rest of the line goes on to the next steps. */
static int
formula_lead_text(struct builder *bd, struct text *t)
{
	rp_body	 body;
	size_t	 k;

	if ((k = rp_formula_lead(t->s, t->n, &body,
	    items_follow(bd, t->u))) == 0 ||
	    !add_formula(bd, t->u, k, body))
		return 0;
	for (t->s += k, t->n -= k; t->n > 0 && *t->s == ' '; t->s++, t->n--)
		continue;
	t->lead_in = rp_clause_end_of(t->s, t->n) == RP_END_COLON &&
	    char_count(t->s, t->n) <= LEAD_IN_MAX && !items_follow(bd, t->u);
	return 0;
}

/* The closing formula, and what follows the closing formula of an
 * operative part (a record of later decisions, the next resolution's
 * heading on a printed page): that is not part of it, it stays after
 * it, in order. */
static int
closing_text(struct builder *bd, struct text *t)
{
	if (rp_closes_body(bd->r->doc, bd->docnode->meta, t->s, t->n,
	    bd->state == 2)) {
		rp_node_append(part(bd, &bd->conclusion, RP_NODE_CONCLUSION,
		    t->u->line), block(bd, t->u, t->s, t->n, 0));
		bd->para = NULL;
		return 1;
	}
	if (bd->conclusion != NULL && bd->state == 2) {
		rp_node_append(bd->conclusion, block(bd, t->u, t->s, t->n, 0));
		return 1;
	}
	return 0;
}

/* Punctuation alone opens no paragraph: it stays with the one before
 * it. */
static int
punctuation_text(struct builder *bd, struct text *t)
{
	if (bd->state != 2 || bd->para == NULL || !no_words(t->s, t->n))
		return 0;
	rp_node_append(bd->para, block(bd, t->u, t->s, t->n, 0));
	return 1;
}

/* A sub-item; a bullet opening an operative paragraph is not one.  Past
 * here no list stays open. */
static int
item_text(struct builder *bd, struct text *t)
{
	size_t		 numlen, off;
	rp_item_kind	 kind;
	int		 value;

	if ((off = rp_item_marker(t->s, t->n, &numlen, &kind, &value)) > 0) {
		if (!bulleted_paragraph(bd, kind, t->s + off, t->n - off)) {
			add_item(bd, t->u, numlen, off, kind, value);
			return 1;
		}
		bd->bulleted = 1;
	}
	bd->depth = 0;
	return 0;
}

/* A node of type (named name) holding the text, next in the body. */
static void
body_node(struct builder *bd, struct text *t, rp_node_type type,
    const char *name)
{
	rp_node	*p;

	p = rp_node_new(bd->r->doc, type, t->u->line, t->u->col);
	if (name != NULL)
		p->name = name;
	rp_node_append(p, block(bd, t->u, t->s, t->n, 0));
	rp_node_append(part(bd, &bd->body, RP_NODE_BODY, t->u->line), p);
	bd->state = 2;
	bd->para = NULL;
}

static int
intermediate_text(struct builder *bd, struct text *t)
{
	if (!t->lead_in && !rp_is_intermediate_formula(t->s, t->n) &&
	    !(t->u->kind == U_HEADING && rp_is_connector(t->s, t->n)) &&
	    !(bd->numbered_next && rp_is_lead_in(t->s, t->n)))
		return 0;
	body_node(bd, t, RP_NODE_FORMULA, "intermediateFormula");
	return 1;
}

/* A heading once the text has begun, or a section's heading over the
 * paragraphs numbered from 1 (an annex's first, "I. Universal periodic
 * review", with no preamble). */
static int
heading_text(struct builder *bd, struct text *t)
{
	if (t->u->kind != U_HEADING || (bd->state < 1 &&
	    !(bd->next_num == 1 && rp_section_heading(t->s, t->n))))
		return 0;
	body_node(bd, t, RP_NODE_HEADING, NULL);
	return 1;
}

static int
numbered_text(struct builder *bd, struct text *t)
{
	const struct unit	*u = t->u;
	size_t			 numlen, off;
	rp_node			*p;

	if (u->num != NULL) {
		/* A scan's number set right (fix_scanned_numbers). */
		for (off = u->numlen; off < t->n && t->s[off] == ' '; off++)
			continue;
		p = paragraph(bd, u, u->num, strlen(u->num));
	} else if ((off = rp_paragraph_number(t->s, t->n, &numlen)) > 0)
		p = paragraph(bd, u, t->s, numlen);
	else
		return 0;
	rp_node_append(p, block(bd, u, t->s + off, t->n - off, 0));
	rp_node_append(part(bd, &bd->body, RP_NODE_BODY, u->line), p);
	bd->state = 2;
	bd->para = p;
	return 1;
}

/* Unnumbered text between paragraphs N and N+1 belongs to N. */
static int
continuation_text(struct builder *bd, struct text *t)
{
	rp_node		*b, *c;
	uint32_t	 first;

	if (bd->state != 2 || bd->para == NULL || bd->para->num == NULL ||
	    bd->next_num != rp_paragraph_value(bd->para->num,
	    strlen(bd->para->num)) + 1)
		return 0;
	b = block(bd, t->u, t->s, t->n, 0);
	/* "…呼吁；" then "在这方面，…": in Chinese a semicolon does not
	 * end the paragraph, and the text runs on in the same block. */
	if (bd->para->last != NULL && bd->para->last->type == RP_NODE_BLOCK &&
	    ends_with_cjk_semicolon(bd->para->last) &&
	    rp_utf8_decode(t->s, t->n, &first) > 0 && rp_is_cjk(first)) {
		while ((c = b->first) != NULL) {
			rp_node_unlink(c);
			rp_node_append(bd->para->last, c);
		}
		return 1;
	}
	rp_node_append(bd->para, b);
	return 1;
}

/* Text after sub-items that starts lower-case closes the paragraph (a
 * wrap-up). */
static int
wrap_up_text(struct builder *bd, struct text *t)
{
	if (bd->para == NULL || bd->para->last == NULL ||
	    bd->para->last->type != RP_NODE_LIST ||
	    !rp_starts_lower(t->s, t->n))
		return 0;
	rp_node_append(bd->para, block(bd, t->u, t->s, t->n, 0));
	return 1;
}

/* An unnumbered paragraph: preambular or operative by its words, else
 * by where it stands. */
static void
unnumbered_text(struct builder *bd, struct text *t)
{
	const struct unit	*u = t->u;
	rp_para_kind		 pk = bd->state == 1 && bd->next_num == 1 ?
				    rp_kind_before_numbers(t->s, t->n) :
				    rp_classify_paragraph(t->s, t->n);
	rp_node			*p;

	p = paragraph(bd, u, NULL, 0);
	rp_node_append(p, block(bd, u, t->s, t->n, 0));
	if (bd->state <= 1 && pk != RP_PARA_OPERATIVE) {
		if (pk == RP_PARA_UNKNOWN) {
			p->flags |= RP_UNSURE;
			rp_msg(bd->r->doc, RP_INFO, "by-position",
			    u->line, u->col,
			    "paragraph read as preambular by position");
		}
		rp_node_append(part(bd, &bd->preamble, RP_NODE_PREAMBLE,
		    u->line), p);
		bd->state = 1;
	} else {
		rp_node_append(part(bd, &bd->body, RP_NODE_BODY, u->line), p);
		bd->state = 2;
	}
	bd->para = p;
}

static void
add_text_unit(struct builder *bd, const struct unit *u)
{
	static text_step *const steps[] = {
		vote_text, formula_text, formula_lead_text, closing_text,
		punctuation_text, item_text, intermediate_text, heading_text,
		numbered_text, continuation_text, wrap_up_text,
	};
	struct text	 t = { u, u->text.data, u->text.len, 0 };
	size_t		 i;

	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (steps[i](bd, &t))
			return;
	unnumbered_text(bd, &t);
}

static void
add_footnote(struct reader *r, struct builder *bd, const struct unit *u)
{
	rp_node		*fn;
	struct fndef	*d;

	fn = rp_node_new(r->doc, RP_NODE_FOOTNOTE, u->line, u->col);
	fn->num = u->marker;
	rp_node_append(part(bd, &bd->notes, RP_NODE_NOTES, u->line), fn);
	fn->index = ++bd->nnotes;
	RP_GROW(r->fns, r->nfns, r->capfns);
	r->in_note = 1;
	rp_node_append(fn, block(bd, u, u->text.data, u->text.len, 0));
	r->in_note = 0;
	d = &r->fns[r->nfns++];
	d->node = fn;
	d->seg = u->seg;
	d->number = atoi(u->marker);
	d->referenced = 0;
	index_def(r, r->nfns - 1);
}

/* ------------------------------------------------- page-break joins */

/* Whether unit b begins something new rather than continuing a. */
static int
begins_new(const struct unit *b)
{
	const char	*s = b->text.data;
	size_t		 n = b->text.len, nl;
	rp_item_kind	 kind;
	int		 v;
	rp_body		 body;

	return b->kind != U_TEXT || b->num != NULL ||
	    rp_paragraph_number(s, n, &nl) > 0 ||
	    rp_item_marker(s, n, &nl, &kind, &v) > 0 ||
	    rp_is_formula(s, n, &body) || rp_vote_label(s, n);
}


/* A block that opens as a paragraph does ("تنادي بهذا الإعلان", "Decides
 * that") and stops with no punctuation goes on in b, unless b opens
 * something itself (a capital, a drafting word, a closing line): no
 * heading opens with a drafting verb. */
static int
unfinished_paragraph(const struct unit *a, const struct unit *b)
{
	const char	*s = b->text.data;
	size_t		 n = b->text.len;
	uint32_t	 cp;

	return rp_opener_at(a->text.data, a->text.len) &&
	    rp_utf8_decode(s, n, &cp) > 0 && !rp_is_upper_letter(cp) &&
	    rp_opener_kind(s, n) == RP_PARA_UNKNOWN &&
	    !rp_opens_conclusion(s, n) &&
	    rp_masthead_role(s, n) == RP_ROLE_NONE;
}

/*
 * Where a's text ends for the join: before footnote markers (they do
 * not count as punctuation), 0 if nothing else.  opens: whether the
 * next unit opens a paragraph.
 */
static size_t
join_end(const struct unit *a, int opens)
{
	const char	*s = a->text.data;
	size_t		 n = a->text.len, len, e;
	uint32_t	 last;

	while (n > 0) {
		last = rp_utf8_last(s, n, &len);
		if (rp_superscript_digit(last) < 0 && last != ' ')
			break;
		n -= len;
	}
	if (n == 0)
		return 0;
	e = rp_before_end_marker(s, n);
	/* "paragraphs 3, 4": after a digit the number goes on, unless
	 * a recital opens next ("of 13 February 1992,3" then
	 * "Emphasizing …": the year's marker). */
	return !(e >= 2 && isdigit((unsigned char)s[e - 2])) || opens ? e : n;
}

/* Whether a unit ending in CJK text (last) goes on in the next: not
 * after a full stop; a full line ending in a comma, in a copy with a
 * blank line after every line, was wrapped there; where blank lines
 * part blocks of lines, a recital ended there.  Without punctuation it
 * goes on, but not across a blank line (across) after a line short of
 * the width, nor in a copy with no hard wraps, nor before a drafting
 * phrase where the copy's lines, or its blocks, are its paragraphs: the
 * copy lost the comma ("…第607(1988)号决议" over "占领国以色列…",
 * "…表示關切" over "認為…"). */
static int
cjk_join(const struct reader *r, uint32_t last, int full, int opens,
    int across)
{
	if (rp_end_of_char(last) > RP_END_COMMA)
		return 0;
	if (rp_end_of_char(last) == RP_END_COMMA)
		return full && r->blank_after_lines &&
		    !r->lines_are_paragraphs && !opens;
	return !((across && !full) || r->unwrapped || (opens &&
	    (r->lines_are_paragraphs || (across && !r->blank_after_lines))));
}

/* Whether a page broke between units a and b: a line after a's last
 * and up to b's first opens a page (lines are in order of number). */
static int
page_between(const struct reader *r, const struct unit *a,
    const struct unit *b)
{
	int	from = a->npos > 0 ? a->pos[a->npos - 1].line : a->line;
	size_t	lo = 0, hi = r->nlines, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->lines[mid].no <= from)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < r->nlines && r->lines[lo].no <= b->line; lo++)
		if (r->lines[lo].page)
			return 1;
	return 0;
}

static int
should_join(const struct reader *r, const struct unit *a,
    const struct unit *b)
{
	const char	*s = a->text.data;
	size_t		 n, len, nl;
	uint32_t	 last, first;
	int		 full = a->lastchars * 4 >= r->fullwidth * 3, opens, v;
	rp_item_kind	 kind;
	rp_body		 body;

	if (a->kind != U_TEXT || begins_new(b) || a->seg != b->seg ||
	    a->text.len == 0)
		return 0;
	if (rp_completes_closing(r->doc, a->text.data, a->text.len,
	    b->text.data, b->text.len))
		return 1;
	/* A paragraph number or an item's label alone on its line goes
	 * with what follows ("(j)", a blank, "Submit an annual report";
	 * "-", a blank, "Withdrawal of …"). */
	n = a->text.len;
	if (rp_paragraph_number(s, n, &nl) == n ||
	    rp_item_marker(s, n, &nl, &kind, &v) == n)
		return 1;
	opens = rp_opener_at(b->text.data, b->text.len);
	if ((n = join_end(a, opens)) == 0 || (opens &&
	    marker_after_clause(s, a->text.len)))
		return 0;
	/* "Генеральная Ассамблея" alone, no comma, over "признает …;":
	 * the formula ends where the paragraph opens. */
	if (opens && rp_is_bare_formula(s, n, &body))
		return 0;
	/* "Совет Безопасности," on its line over "в соответствии со …" (a
	 * recital in lower case that opens with no known participle): the
	 * formula stands alone, whatever line follows it. */
	if (b->line > a->line && rp_is_formula(s, a->text.len, &body))
		return 0;
	/* "…; and", "…; и": the clause is done; lower case goes on with it
	 * only where openers are capitalized. */
	if (rp_without_conjunction(s, n) != n)
		return rp_goes_on_lower(b->text.data, b->text.len);
	last = rp_utf8_last(s, n, &len);
	rp_utf8_decode(b->text.data, b->text.len, &first);
	if (rp_is_cjk(last) || rp_is_cjk(first))
		return cjk_join(r, last, full, opens, b->block_start);
	/* "…or ethnic group;" at a page's foot, "and that sexual violence
	 * …" at the next one's head: the recital goes on over the page. */
	if (rp_end_of_char(last) == RP_END_SEMICOLON &&
	    rp_goes_on_lower(b->text.data, b->text.len) &&
	    page_between(r, a, b))
		return 1;
	if (rp_end_of_char(last) > RP_END_COMMA || ends_semicolon_and(s, n))
		return 0;
	/* Russian recitals and Arabic ones open in lower case. */
	if (last == ',' && opens)
		return 0;
	if (rp_starts_lower(b->text.data, b->text.len))
		return 1;
	if (rp_end_of_char(last) == RP_END_COMMA)
		return 0;
	if (rp_ends_function_word(s, n) || unfinished_paragraph(a, b))
		return 1;
	/* No punctuation at all: a page broke the sentence, unless a was a
	 * short line standing on its own (a heading). */
	return full && a->text.len > 60;
}

static rp_item_kind
item_kind(const struct unit *u)
{
	size_t		nl;
	rp_item_kind	kind = RP_ITEM_NONE;
	int		v;

	if (u->kind != U_TEXT || rp_item_marker(u->text.data, u->text.len,
	    &nl, &kind, &v) == 0)
		return RP_ITEM_NONE;
	return kind;
}

/* Unmarked text between two sub-items of one list continues the first:
 * a page (or a blank line in a copy) broke the item. */
static int
inside_list(const struct reader *r, const struct unit *a,
    const struct unit *b, size_t i)
{
	rp_item_kind	kind = item_kind(a);
	size_t		j = i + 1;

	if (kind == RP_ITEM_NONE || begins_new(b) || a->seg != b->seg)
		return 0;
	/* Past what b itself continues into. */
	while (j < r->nunits && r->units[j].kind == U_TEXT &&
	    should_join(r, &r->units[j - 1], &r->units[j]))
		j++;
	return j < r->nunits && item_kind(&r->units[j]) == kind;
}

/* Append unit u to prev, with a space where the script wants one;
 * u is left empty. */
static void
glue_unit(struct unit *prev, struct unit *u)
{
	size_t	base = prev->text.len, j;

	append_text(prev, "", 0, 0, 0);
	if (rp_paragraph_number(prev->text.data, base, &j) == base)
		rp_buf_putc(&prev->text, ' ');
	else if (prev->text.len > 0) {
		uint32_t	l, f;
		size_t		len;

		l = rp_utf8_last(prev->text.data, base, &len);
		rp_utf8_decode(u->text.data, u->text.len, &f);
		if (!(rp_is_cjk(l) || rp_is_cjk(f)))
			rp_buf_putc(&prev->text, ' ');
	}
	for (j = 0; j < u->npos; j++)
		add_pos(prev, prev->text.len + u->pos[j].off,
		    u->pos[j].line, u->pos[j].col);
	rp_buf_put(&prev->text, u->text.data, u->text.len);
	prev->lastchars = u->lastchars;
	rp_buf_free(&u->text);
	free(u->pos);
}

/* A note ending in a colon goes on in the block after it, what it
 * quotes ("(注)…修改如下:" then "“以研讨…”."). */
static int
note_goes_on(const struct unit *note, const struct unit *u)
{
	return note->kind == U_FNDEF && note->seg == u->seg &&
	    rp_clause_end_of(note->text.data, note->text.len) ==
	    RP_END_COLON && !rp_opens_conclusion(u->text.data, u->text.len);
}

/* Whether unit i + 1 opens a numbered paragraph, in unit i's segment. */
static int
numbered_next(const struct reader *r, size_t i)
{
	const struct unit	*next;
	size_t			 nl;

	if (i + 1 >= r->nunits)
		return 0;
	next = &r->units[i + 1];
	return next->kind == U_TEXT && next->seg == r->units[i].seg &&
	    rp_paragraph_number(next->text.data, next->text.len, &nl) > 0;
}

/* Whether unit i, one line, stands between a sentence's end and a
 * numbered paragraph with no blank line round it: its own unit, not a
 * paragraph's first line ("…to take the floor." then "Steps for drawing
 * up the list of speakers" then "1."). */
static int
over_numbered(const struct reader *r, size_t i)
{
	const struct unit	*p;

	if (i == 0 || !numbered_next(r, i))
		return 0;
	p = &r->units[i - 1];
	return p->kind == U_TEXT && p->seg == r->units[i].seg &&
	    rp_clause_end_of(p->text.data, p->text.len) == RP_END_STOP;
}

/* A short line alone in its block (or on its line, where lines are
 * paragraphs, or over a numbered paragraph) and shaped as a heading
 * (rp_heading_line), never joined.  A blank line before it sets it off
 * whatever ended the text above ("… pornography. 13", a blank, "VII.
 * Meeting the special needs of Africa", "27."). */
static int
heading_unit(const struct reader *r, size_t i)
{
	const struct unit	*u = &r->units[i];

	if (u->kind == U_TEXT && u->npos == 1 &&
	    division_heading(u->text.data, u->text.len))
		return 1;
	if (u->kind == U_TEXT && u->npos == 1 && over_numbered(r, i) &&
	    rp_heading_line(u->text.data, u->text.len))
		return 1;
	return u->kind == U_TEXT && (u->block_start ||
	    r->line_per_paragraph) && u->npos == 1 &&
	    (i + 1 == r->nunits || r->units[i + 1].block_start ||
	    r->line_per_paragraph || r->units[i + 1].kind != U_TEXT ||
	    numbered_next(r, i)) &&
	    rp_heading_line(u->text.data, u->text.len);
}

/* A section's heading on one line, its label alone or with its title
 * ("A.", "III. Human Rights Council Advisory Committee"). */
static int
section_unit(const struct unit *u)
{
	return u->kind == U_TEXT && u->npos == 1 &&
	    rp_section_heading(u->text.data, u->text.len);
}

/* Whether u is a bullet alone ("-" or "•" on its line): no heading,
 * the bullet of the item in the next block. */
static int
bullet_alone(const struct unit *u)
{
	size_t		nl;
	rp_item_kind	kind;
	int		v;

	return rp_item_marker(u->text.data, u->text.len, &nl, &kind, &v) ==
	    u->text.len && kind == RP_ITEM_BULLET;
}

/* Unit u, a block of its own, is the title under a section's label
 * alone ("A.", a blank, "Basis, principles and objectives …"), or a
 * heading under a number alone ("1.", a blank, "Focus and
 * documentation", a blank): a sub-section's, not a paragraph. */
static int
titles_label(const struct unit *label, const struct unit *u)
{
	const char	*s = label->text.data;
	size_t		 n = label->text.len, nl;

	if (label->seg != u->seg || n == 0)
		return 0;
	if (label->kind == U_TEXT && label->npos == 1 &&
	    rp_paragraph_number(s, n, &nl) == n)
		return u->kind == U_HEADING;
	return label->kind == U_HEADING && rp_section_label(s, n) == n &&
	    (u->kind == U_HEADING || (u->kind == U_TEXT &&
	    u->block_start && !begins_new(u))) &&
	    rp_section_title(u->text.data, u->text.len);
}

/* A quotation that a colon introduces stays in its paragraph whatever
 * the breaks, each of its paragraphs (its headings too: "“Rule 61")
 * opening with a mark ("2. D’adopter … intérieur :" then "“CHAPITRE XI.
 * …" then "\"Toute séance …"). */
static int
quotation_goes_on(const struct unit *a, const struct unit *b)
{
	const char	*s = a->text.data;
	size_t		 n = a->text.len;

	return a->kind == U_TEXT && (b->kind == U_TEXT ||
	    b->kind == U_HEADING) && a->seg == b->seg &&
	    rp_open_quote(b->text.data, b->text.len) > 0 &&
	    (rp_clause_end_of(s, n) == RP_END_COLON || rp_in_quotation(s, n));
}

/* Glue page-broken units back together; mark headings. */
static void
join_units(struct reader *r)
{
	size_t	i, out = 0;

	for (i = 0; i < r->nunits; i++)
		if ((heading_unit(r, i) || section_unit(&r->units[i])) &&
		    !bullet_alone(&r->units[i]))
			r->units[i].kind = U_HEADING;
	for (i = 0; i < r->nunits; i++) {
		struct unit	*u = &r->units[i], *prev;
		size_t		 j;

		/* Footnote definitions do not interrupt a paragraph. */
		prev = NULL;
		for (j = out; j > 0; j--) {
			if (r->units[j - 1].kind == U_FNDEF)
				continue;
			prev = &r->units[j - 1];
			break;
		}
		if (prev != NULL && titles_label(prev, u)) {
			glue_unit(prev, u);
			prev->kind = U_HEADING;
			continue;
		}
		if (prev != NULL && quotation_goes_on(prev, u)) {
			glue_unit(prev, u);
			continue;
		}
		if (u->kind == U_TEXT && out > 0 &&
		    note_goes_on(&r->units[out - 1], u)) {
			glue_unit(&r->units[out - 1], u);
			continue;
		}
		if (u->kind == U_TEXT && prev != NULL && (should_join(r, prev,
		    u) || inside_list(r, prev, u, i))) {
			glue_unit(prev, u);
			continue;
		}
		r->units[out++] = *u;
	}
	r->nunits = out;
}

/* Unit i's text from offset k on moves into a unit of its own, of kind,
 * right after it; unit i ends at cut. */
static struct unit *
split_unit_at(struct reader *r, size_t i, size_t cut, size_t k, int kind)
{
	struct unit	*u, *v;
	size_t		 j;

	RP_GROW(r->units, r->nunits, r->capunits);
	memmove(&r->units[i + 2], &r->units[i + 1],
	    (r->nunits - i - 1) * sizeof(*r->units));
	r->nunits++;
	u = &r->units[i];
	v = &r->units[i + 1];
	memset(v, 0, sizeof(*v));
	rp_buf_init(&v->text);
	v->kind = kind;
	v->seg = u->seg;
	v->line = u->line;
	v->col = u->col;
	for (j = 0; j < u->npos; j++)
		if (u->pos[j].off <= k) {
			v->line = u->pos[j].line;
			v->col = u->pos[j].col + (int)char_count(u->text.data +
			    u->pos[j].off, k - u->pos[j].off);
		}
	add_pos(v, 0, v->line, v->col);
	rp_buf_put(&v->text, u->text.data + k, u->text.len - k);
	v->lastchars = u->lastchars;
	u->text.len = cut;
	u->text.data[u->text.len] = '\0';
	return v;
}

/*
 * "...; 9. Notes ..." (two numbered paragraphs run together, as a PDF
 * copy leaves them): split where the next number follows a semicolon.
 * "38 Ibid., … 1972. 39 Ibid., …" (two notes of a page foot on one
 * line): split where the next note's number follows a full stop.
 */
static void
split_run_together(struct reader *r)
{
	size_t	i, k, nl;
	int	last = 0;
	char	marker[16];

	for (i = 0; i < r->nunits; i++) {
		struct unit	*u = &r->units[i];

		if (u->kind == U_FNDEF && isdigit((unsigned char)u->marker[0]) &&
		    (k = rp_run_on_at(u->text.data, u->text.len, ". %d ",
		    atoi(u->marker) + 1)) > 0) {
			snprintf(marker, sizeof(marker), "%d",
			    atoi(u->marker) + 1);
			split_unit_at(r, i, k - 1, k + strlen(marker) + 1,
			    U_FNDEF)->marker =
			    rp_doc_strdup(r->doc, marker);
			continue;
		}
		if (u->kind != U_TEXT)
			continue;
		if (rp_paragraph_number(u->text.data, u->text.len, &nl) > 0)
			last = atoi(u->text.data);
		if (last != 0 && (k = rp_run_on_at(u->text.data, u->text.len,
		    "; %d. ", last + 1)) > 0)
			split_unit_at(r, i, k - 1, k, U_TEXT);
	}
}

/*
 * Scans misread "4." as "4,": a unit that opens with "N, " where N is the
 * next paragraph number and an operative verb follows is numbered.
 */
static void
fix_scanned_numbers(struct reader *r)
{
	size_t	i, nl;
	int	last = 0;
	char	num[16];

	for (i = 0; i < r->nunits; i++) {
		struct unit	*u = &r->units[i];
		const char	*s = u->text.data;

		if (u->kind != U_TEXT)
			continue;
		if (rp_paragraph_number(s, u->text.len, &nl) > 0) {
			last = atoi(s);
			continue;
		}
		if (rp_scanned_number(s, u->text.len, &nl) != last + 1)
			continue;
		snprintf(num, sizeof(num), "%d.", ++last);
		u->num = rp_doc_strdup(r->doc, num);
		u->numlen = nl;
		rp_msg(r->doc, RP_WARNING, "paragraph-number",
		    u->line, u->col, "\"%.*s\" read "
		    "as paragraph %s", (int)(nl + 1 < u->text.len ? nl + 1 :
		    nl), s, u->num);
	}
}

/* Whether u stands on its own: a block, or any line where lines are
 * paragraphs (a copy without blank lines). */
static int
own_block(const struct reader *r, const struct unit *u)
{
	return u->block_start || r->line_per_paragraph;
}

/* Whether u is a block shaped as a note: "13 Conventions de Genève …". */
static int
note_shaped(const struct reader *r, const struct unit *u)
{
	const char	*s = u->text.data;
	size_t		 n = u->text.len, k = 0;

	if (u->kind == U_FNDEF)
		return 1;
	while (k < n && k < 3 && isdigit((unsigned char)s[k]))
		k++;
	return u->kind == U_TEXT && own_block(r, u) && k > 0 && k + 1 < n &&
	    s[k] == ' ' && (isupper((unsigned char)s[k + 1]) ||
	    (unsigned char)s[k + 1] >= 0x80);
}

/* Whether the units left are notes: past the adoption line, a block "N
 * Text" that only notes follow is a note even if no marker cites it (a
 * scan lost the superscript: "Conventions de Genève" et"). */
static int
notes_only(const struct reader *r, const struct unit *rest, size_t nrest)
{
	size_t i;

	for (i = 0; i < nrest; i++)
		if (!note_shaped(r, &rest[i]))
			return 0;
	return 1;
}

/* Unit u, a footnote definition outside a ruled zone whose marker a
 * unit before it cites, made one (or past the adoption line one that only
 * notes follow, rest[0..nrest)); *adopted: past the adoption line;
 * listed: the marker of the definition right before u (notes line after
 * line), else NULL. */
static void
late_definition(struct reader *r, struct unit *u, int *adopted,
    const unsigned char *cited, const char *listed, const struct unit *rest,
    size_t nrest)
{
	const char	*s = u->text.data;
	char		 marker[8];
	size_t		 k = 0, skip;
	int		 num, dotted, glued, under;
	rp_body		 body;

	if (u->kind != U_TEXT || u->num != NULL)
		return;
	/* Right under the closing line and what goes on with it in lower
	 * case ("par 8 voix contre zéro", 2), or past it (1). */
	if (*adopted == 2 && rp_starts_lower(s, u->text.len))
		return;
	under = *adopted == 2;
	if (*adopted == 2)
		*adopted = 1;
	if (rp_opens_conclusion(s, u->text.len))
		*adopted = 2;
	/* The next resolution of a compilation begins: its "3. Calls upon"
	 * is a paragraph again. */
	if (rp_is_formula(s, u->text.len, &body))
		*adopted = 0;
	/* A block, or a line under a definition (notes one per line); past
	 * the adoption line any line (a copy without blank lines). */
	if (!u->block_start && !listed && !*adopted)
		return;
	while (k < u->text.len && k < 3 && isdigit((unsigned char)s[k]))
		k++;
	/* "1. Procès-verbaux" under the closing line, "2. Ibid." under that
	 * note: notes numbered as a list; elsewhere "4. We share" past the
	 * closing line is an annex's paragraph. */
	dotted = k > 0 && k < u->text.len && s[k] == '.' && (*adopted &&
	    (under || listed || (k + 1 < u->text.len && s[k + 1] != ' ')));
	/* The old form, "1/ See …" (its marker alone on a line, then the
	 * text: bare_cited_marker). */
	skip = k + (size_t)dotted + (size_t)(!dotted && k > 0 &&
	    k + 1 < u->text.len && s[k] == '/' && s[k + 1] == ' ');
	/* Past the adoption line, a print's "17See" or "33.One". */
	glued = *adopted && skip < u->text.len && s[skip] != ' ';
	if (k == 0 || skip + 1 >= u->text.len || (!glued &&
	    s[skip++] != ' ') || !(isupper((unsigned char)s[skip]) ||
	    (unsigned char)s[skip] >= 0x80))
		return;
	memcpy(marker, s, k);
	marker[k] = '\0';
	num = atoi(marker);
	if (num <= 0 || num > 300 || (!is_cited(cited, marker, k) &&
	    !(*adopted && own_block(r, u) && !dotted && !glued &&
	    notes_only(r, rest, nrest))))
		return;
	/* Numbered as a list under a note, a note goes on its sequence: an
	 * annex's "9. We commit" at the top of the page under notes 5-11
	 * is its paragraph 9. */
	if (dotted && !under && listed != NULL &&
	    isdigit((unsigned char)listed[0]) && num != atoi(listed) + 1)
		return;
	u->kind = U_FNDEF;
	u->marker = rp_doc_strdup(r->doc, marker);
	drop_prefix(u, skip);
}

/* A cited marker alone in its block, the text of its note in the next
 * block: "1", then (past a page's job number) "Resolución 217 A (III).";
 * "1/", then "See resolution 2200 A (XXI), annex.". */
static int
bare_cited_marker(const struct reader *r, const struct unit *u,
    const struct unit *next, const unsigned char *cited)
{
	const char	*s = u->text.data;
	size_t		 k;

	if (u->kind != U_TEXT || !own_block(r, u) || u->num != NULL ||
	    next->kind != U_TEXT || !own_block(r, next) || u->text.len > 3 ||
	    rp_starts_lower(next->text.data, next->text.len))
		return 0;
	for (k = 0; k < u->text.len && isdigit((unsigned char)s[k]); k++)
		continue;
	/* The old form, "1/" alone (A/RES/47/135). */
	if (k == 0 || k + (k + 1 == u->text.len && s[k] == '/') <
	    u->text.len)
		return 0;
	return is_cited(cited, s, k);
}

/*
 * "↑" opening a unit: a note of a wiki's list, "↑" the link back to its
 * marker ("- ↑ Ibid.", "1. ↑ Ibid."); one without its number takes the
 * next in the list.  Made a definition if a unit before cites it.
 */
static int
arrow_definition(struct reader *r, struct unit *u, int *arrows,
    const unsigned char *cited)
{
	size_t		 k, d;
	int		 num;
	char		 marker[8];

	if (u->kind != U_TEXT || (k = rp_arrow_note(u->text.data,
	    u->text.len, &num)) == 0)
		return 0;
	++*arrows;
	d = (size_t)snprintf(marker, sizeof(marker), "%d", num > 0 ? num :
	    *arrows > 999 ? 999 : *arrows);
	if (!is_cited(cited, marker, d))
		return 0;
	u->kind = U_FNDEF;
	u->marker = rp_doc_strdup(r->doc, marker);
	drop_prefix(u, k);
	return 1;
}

/*
 * Footnote definitions outside a ruled zone, recognized by the markers
 * they answer: "22 Adopted without vote." after "... meeting. 22", or,
 * past the adoption line, "5. Ibid., ..." after "... addenda, 5".  The
 * markers cited so far are kept as the units go by, not looked for again
 * in every unit before.
 */
static void
late_definitions(struct reader *r)
{
	unsigned char	 cited[(CITED_BITS + 7) / 8] = { 0 };
	size_t		 i, out;
	int		 adopted = 0, arrows = 0;

	for (i = 0, out = 0; i < r->nunits; i++) {
		struct unit *u = &r->units[out++];

		*u = r->units[i];
		if (i + 1 < r->nunits && bare_cited_marker(r, u,
		    &r->units[i + 1], cited))
			glue_unit(u, &r->units[++i]);
		if (arrow_definition(r, u, &arrows, cited))
			continue;
		late_definition(r, u, &adopted, cited, out > 1 &&
		    r->units[out - 2].kind == U_FNDEF ?
		    r->units[out - 2].marker : NULL, &r->units[i + 1],
		    r->nunits - i - 1);
		if (u->kind == U_TEXT)
			note_citations(u->text.data, u->text.len, cited);
	}
	r->nunits = out;
}

/* How the drafting rules classify the text of a block. */
static rp_para_kind
block_kind(const rp_node *b)
{
	rp_buf		t;
	rp_para_kind	k;

	rp_buf_init(&t);
	rp_node_text(b, &t);
	k = t.len > 0 ? rp_classify_paragraph(t.data, t.len) :
	    RP_PARA_UNKNOWN;
	rp_buf_free(&t);
	return k;
}

/* Whether a block reads as a preambular paragraph ("Having considered"). */
static int
starts_preambular(const rp_node *b)
{
	return block_kind(b) == RP_PARA_PREAMBULAR;
}

static int
starts_operative(const rp_node *b)
{
	return block_kind(b) == RP_PARA_OPERATIVE;
}

/*
 * A text with no formula and no paragraph the drafting rules know: the
 * lines the masthead could not place become paragraphs (preambular by
 * their opening phrase, else operative), and the user is told where the
 * structure was not found.
 */
static void
plain_paragraphs(struct builder *bd, const struct unit *first)
{
	rp_node	*b, *next, *p;
	int	 moved = 0;

	if (bd->preamble != NULL || bd->body != NULL)
		return;
	for (b = bd->preface ? bd->preface->first : NULL; b; b = next) {
		next = b->next;
		if (b->type != RP_NODE_BLOCK || (moved == 0 &&
		    b->role != RP_ROLE_NOTE && !(b->role == RP_ROLE_TITLE &&
		    starts_preambular(b))))
			continue;
		if (b->role == RP_ROLE_TITLE)
			bd->docnode->meta->title = NULL;
		rp_node_unlink(b);
		/* Masthead lines past the text keep their order after it. */
		if (b->role == RP_ROLE_ADOPTION) {
			rp_buf	t;

			/* A closing formula, as add_text_unit reads it. */
			rp_buf_init(&t);
			rp_node_text(b, &t);
			if (t.len > 0 && rp_conclusion_line(bd->r->doc,
			    bd->docnode->meta, t.data, t.len))
				b->role = RP_ROLE_NONE;
			rp_buf_free(&t);
			rp_node_append(part(bd, &bd->conclusion,
			    RP_NODE_CONCLUSION, b->line), b);
			continue;
		}
		b->role = RP_ROLE_NONE;
		p = rp_node_new(bd->r->doc, RP_NODE_PARAGRAPH, b->line, b->col);
		p->flags |= RP_UNSURE;
		rp_node_append(p, b);
		/* Preambular paragraphs while no operative one has come,
		 * as add_text_unit reads them. */
		if (bd->body == NULL && !starts_operative(b))
			rp_node_append(part(bd, &bd->preamble,
			    RP_NODE_PREAMBLE, b->line), p);
		else
			rp_node_append(part(bd, &bd->body, RP_NODE_BODY,
			    b->line), p);
		if (moved++ == 0)
			rp_msg(bd->r->doc, RP_WARNING, "unstructured",
			    b->line, b->col, "no "
			    "enacting formula or numbered paragraph: the text "
			    "from here is read as paragraphs by their opening "
			    "words alone");
	}
	if (moved == 0 && bd->preface == NULL)
		rp_msg(bd->r->doc, RP_WARNING, "unstructured",
		    first ? first->line : 1, 1,
		    "no resolution structure found");
}

/* bd->next_num and bd->numbered_next at unit i.  *next: the first
 * numbered paragraph after it (to if none), looked for again only once i
 * reaches it: looking from every unit was quadratic in a text without
 * numbers. */
static void
look_ahead(struct builder *bd, size_t i, size_t to, size_t *next)
{
	const struct unit	*units = bd->r->units;
	size_t			 nl;

	if (*next <= i)
		for (*next = i + 1; *next < to; (*next)++)
			if (units[*next].kind == U_TEXT &&
			    rp_paragraph_number(units[*next].text.data,
			    units[*next].text.len, &nl))
				break;
	bd->next_num = *next < to ? rp_paragraph_value(
	    units[*next].text.data, units[*next].text.len) : 0;
	bd->numbered_next = *next == i + 1;
}

static void
add_separator(struct builder *bd, const struct unit *u)
{
	rp_node *sep = rp_node_new(bd->r->doc, RP_NODE_SEPARATOR, u->line,
	    u->col);

	sep->literal = rp_doc_strndup(bd->r->doc, u->text.data, u->text.len);
	rp_node_append(part(bd, &bd->body, RP_NODE_BODY, u->line), sep);
	bd->state = 2;
	bd->para = NULL;
}

/* A letter's first masthead line is its title; the rest of it is
 * running text. */
static void
add_unit(struct builder *bd, const struct unit *u, rp_doc_kind kind)
{
	if (u->kind == U_SEPARATOR)
		add_separator(bd, u);
	else if (u->kind == U_MASTHEAD && kind != RP_DOC_LETTER)
		add_masthead(bd, u);
	else if (u->kind == U_MASTHEAD && bd->preface == NULL) {
		rp_node_append(part(bd, &bd->preface, RP_NODE_PREFACE,
		    u->line), block(bd, u, u->text.data, u->text.len,
		    RP_ROLE_TITLE));
		rp_masthead_meta(bd->r->doc, bd->docnode->meta,
		    RP_ROLE_TITLE, u->text.data, u->text.len);
	} else if (u->kind == U_MASTHEAD || u->kind == U_TEXT ||
	    u->kind == U_HEADING) {
		if (kind == RP_DOC_LETTER)
			bd->state = 2;
		add_text_unit(bd, u);
	}
}

/* Build the DOCUMENT of units [from, to). */
static rp_node *
build_document(struct reader *r, size_t from, size_t to, rp_doc_kind kind,
    const rp_meta *parent)
{
	struct builder	 bd;
	size_t		 i, next;
	rp_buf		 all;
	const struct unit *first = from < to ? &r->units[from] : NULL;

	memset(&bd, 0, sizeof(bd));
	bd.r = r;
	bd.docnode = rp_document_new(r->doc, kind, first ? first->line : 1,
	    first ? first->col : 1);
	if (parent != NULL)
		rp_annex_meta(bd.docnode->meta, parent);
	rp_buf_init(&all);
	if (first != NULL)
		r->cur_seg = first->seg;
	/* Footnote definitions first: references may come before them. */
	for (i = from; i < to; i++)
		if (r->units[i].kind == U_FNDEF)
			add_footnote(r, &bd, &r->units[i]);
	for (i = from, next = from; i < to; i++) {
		look_ahead(&bd, i, to, &next);
		if (r->units[i].kind != U_FNDEF)
			rp_buf_put(&all, r->units[i].text.data,
			    r->units[i].text.len);
		add_unit(&bd, &r->units[i], kind);
	}
	if (kind == RP_DOC_LETTER && bd.body != NULL)
		rp_take_signature(r->doc, bd.body);
	rp_finish_meta(r->doc, bd.docnode->meta, all.data ? all.data : "",
	    all.len, bd.preface);
	rp_buf_free(&all);
	plain_paragraphs(&bd, first);
	rp_whole_title(r->doc, bd.docnode->meta, r->fm_title);
	rp_untitled_council(bd.docnode->meta, bd.preface);
	return bd.docnode;
}

static void
check_footnotes(struct reader *r)
{
	size_t i;

	for (i = 0; i < r->nfns; i++)
		if (r->fns[i].node->count == 0)
			rp_msg(r->doc, RP_WARNING, "unused-footnote",
			    r->fns[i].node->line,
			    r->fns[i].node->col, "footnote %s is never "
			    "referenced", r->fns[i].node->num);
}

/* Is it a letter around a resolution?  Its first unit says. */
static rp_doc_kind
doc_kind(const struct reader *r)
{
	size_t	 i;

	for (i = 0; i < r->nunits; i++)
		if (r->units[i].kind != U_FNDEF)
			return rp_is_letter_title(r->units[i].text.data,
			    r->units[i].text.len) ? RP_DOC_LETTER :
			    RP_DOC_RESOLUTION;
	return RP_DOC_RESOLUTION;
}

/* Units [from, to) under heading, as an annex of main (in a letter,
 * the resolution it carries; in an annex, its appendix): its DOCUMENT. */
static rp_node *
add_annex(struct reader *r, rp_node *main, rp_doc_kind kind,
    const struct unit *heading, size_t from, size_t to)
{
	rp_node	*annex, *d, *notes, *c;
	int	 number = 1;

	annex = rp_node_new(r->doc, RP_NODE_ANNEX, heading->line,
	    heading->col);
	annex->num = rp_doc_strndup(r->doc, heading->text.data,
	    heading->text.len);
	d = build_document(r, from, to, kind == RP_DOC_LETTER ?
	    RP_DOC_RESOLUTION : RP_DOC_ANNEX,
	    kind == RP_DOC_LETTER ? NULL : main->meta);
	/* Numbered among main's annexes: an appendix is its annex's. */
	for (c = main->first; c != NULL; c = c->next)
		number += c->type == RP_NODE_ANNEX;
	d->meta->annex_number = number;
	rp_node_append(annex, d);
	/* Annexes go before the notes. */
	if ((notes = rp_node_child(main, RP_NODE_NOTES)) != NULL)
		rp_node_insert_before(notes, annex);
	else
		rp_node_append(main, annex);
	return d;
}

static void
free_reader(struct reader *r)
{
	size_t	 i;

	free_units(r);
	free(r->lines);
	free(r->fns);
	rp_map_free(&r->fnfirst);
	for (i = 0; i < r->nheaps; i++)
		free(r->heaps[i].i);
	free(r->heaps);
}

int
rp_read_text(rp_doc *doc, const char *buf, size_t len)
{
	struct reader	 r;
	size_t		 start, end;
	rp_node		*main = NULL, *annex = NULL;
	int		 seg, nseg;
	rp_doc_kind	 kind;
	const struct unit *heading;

	memset(&r, 0, sizeof(r));
	r.doc = doc;
	r.buf = buf;
	split_lines(&r, buf, len);
	front_matter(&r);
	split_masthead_lines(&r);
	split_flat_lines(&r);
	furniture(&r);
	numbers_set_late(&r);
	measure_width(&r);
	measure_line_breaks(&r);
	make_units(&r);
	fix_scanned_numbers(&r);
	split_run_together(&r);
	late_definitions(&r);
	join_units(&r);

	kind = doc_kind(&r);
	nseg = r.nunits ? r.units[r.nunits - 1].seg + 1 : 1;
	for (seg = 0, start = 0; seg < nseg; seg++, start = end) {
		heading = NULL;
		if (start < r.nunits && (r.units[start].kind == U_ANNEX ||
		    r.units[start].kind == U_APPENDIX))
			heading = &r.units[start++];
		for (end = start; end < r.nunits && r.units[end].seg == seg;
		    end++)
			continue;
		if (seg == 0)
			main = build_document(&r, start, end, kind, NULL);
		else if (heading != NULL && heading->kind == U_APPENDIX &&
		    annex != NULL)
			add_annex(&r, annex, RP_DOC_ANNEX, heading, start, end);
		else
			annex = add_annex(&r, main, kind, heading, start, end);
	}
	if (main == NULL)
		main = rp_document_new(doc, RP_DOC_RESOLUTION, 1, 1);
	if (r.fm_symbol != NULL && main->meta->symbol == NULL)
		main->meta->symbol = r.fm_symbol;
	check_footnotes(&r);
	keep_furniture(&r, main);
	doc->root = main;
	free_reader(&r);
	return 0;
}
