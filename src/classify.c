/* classify.c -- the rules of UN drafting: how a paragraph, a formula, a
 * date, a number or a sub-item marker looks.  What differs by language
 * is in the tables of lang/ (src/lang.c); what is here holds for all. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify.h"
#include "lang.h"
#include "memo.h"
#include "utf8.h"

/* ------------------------------------------------------------- memo */

/* Questions about a line that the passes over the lines ask again (a
 * line is a formula or a closing line in the masthead's pass, the
 * cutter's and the block builder's): the answers kept (memo.h). */
enum line_question { Q_FORMULA, Q_OPENS_CONCLUSION, Q_MASTHEAD_ROLE };

#define LINE_MEMO_SLOTS	1024		/* a power of 2 */

struct line_memo {
	rp_memo_key	 key;
	int		 r;
	rp_body		 body;
};

/* The slot of question q about s[0..n): *known when it holds the
 * answer, else the caller fills it (rp_memo_set); NULL for a long s. */
static struct line_memo *
line_memo(int q, const char *s, size_t n, int *known)
{
	static _Thread_local struct line_memo slots[LINE_MEMO_SLOTS];
	size_t		 i = rp_memo_index(q, 0, s, n, LINE_MEMO_SLOTS);

	*known = 0;
	if (i == (size_t)-1)
		return NULL;
	*known = rp_memo_holds(&slots[i].key, q, 0, s, n);
	return &slots[i];
}

/* The answer of ask to question q about s[0..n), kept or asked. */
static int
remembered(int q, int (*ask)(const char *, size_t), const char *s,
    size_t n)
{
	struct line_memo	*m;
	int			 known;

	if ((m = line_memo(q, s, n, &known)) == NULL)
		return ask(s, n);
	if (!known) {
		m->r = ask(s, n);
		rp_memo_set(&m->key, q, 0, s, n);
	}
	return m->r;
}

/* ------------------------------------------------------------ words */

/* The word (letters, apostrophes, hyphens) at s[*i]; skips spaces and
 * commas before it and sets *start to where it begins.  Returns its
 * length, 0 at the end. */
static size_t
word_at(const char *s, size_t n, size_t *i, size_t *wstart)
{
	size_t		 start, len;
	uint32_t	 cp;

	while (*i < n && (s[*i] == ' ' || s[*i] == ',' || s[*i] == '*' ||
	    s[*i] == '_'))
		(*i)++;
	start = *i;
	while (*i < n) {
		if ((len = rp_utf8_decode(s + *i, n - *i, &cp)) == 0)
			break;
		if (cp == ' ' || cp == ',' || cp == ';' || cp == ':' ||
		    cp == '.' || cp == '*' || cp == '(' || cp == ')' ||
		    cp == 0x060C || rp_is_space(cp) || rp_is_cjk(cp))
			break;
		*i += len;
	}
	*wstart = start;
	return *i - start;
}

/* Skips what is not a letter at the start of a word ("“Recalling"). */
static const char *
letters(const char *w, size_t *wl)
{
	while (*wl > 0 && !isalpha((unsigned char)*w) &&
	    ((unsigned char)*w) < 0x80) {
		w++;
		(*wl)--;
	}
	return w;
}

/* The last character of s, spaces ignored; *n loses the spaces. */
static uint32_t
last_char(const char *s, size_t *n, size_t *lastlen)
{
	while (*n > 0 && (s[*n - 1] == ' ' || s[*n - 1] == '\t'))
		(*n)--;
	return *n > 0 ? rp_utf8_last(s, *n, lastlen) : 0;
}

rp_clause_end
rp_end_of_char(uint32_t c)
{
	if (c == ',' || c == 0xFF0C || c == 0x060C || c == 0x3001)
		return RP_END_COMMA;
	if (c == ';' || c == 0xFF1B || c == 0x061B)
		return RP_END_SEMICOLON;
	if (c == ':' || c == 0xFF1A)
		return RP_END_COLON;
	if (c == '.' || c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 ||
	    c == 0xFF1F)
		return RP_END_STOP;
	return RP_END_NONE;
}

static int
is_comma(uint32_t c)
{
	return rp_end_of_char(c) == RP_END_COMMA;
}

static int
is_stop(uint32_t c)
{
	return rp_end_of_char(c) > RP_END_COMMA;
}

/* An ASCII letter, digit or space: no punctuation, by ranges (a call
 * to isalnum costs more than the loops that ask). */
static int
ascii_word_or_space(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == ' ';
}

/* s without a conjunction after its last punctuation ("…; and",
 * "…, y", "…會員國,又"): the clause ends at the punctuation. */
size_t
rp_without_conjunction(const char *s, size_t n)
{
	size_t		i = n, k, len;
	uint32_t	cp;

	while (i > 0 && n - i < 16) {
		if (ascii_word_or_space(s[i - 1])) {
			i--;	/* most text: no punctuation, no decoding */
			continue;
		}
		cp = rp_utf8_last(s, i, &len);
		if (rp_end_of_char(cp) != RP_END_NONE)
			break;
		i -= len;
	}
	if (i == 0 || i == n || n - i >= 16)
		return n;
	for (k = i; k < n && s[k] == ' '; k++)
		continue;
	return k < n && rp_lang_is(RP_LK_CONJUNCTION, s + k, n - k, NULL) ?
	    i : n;
}

/* The length of a footnote marker in words ([note markers]: "(注)")
 * that ends s[0..n), looked for in its last few characters; 0 if none. */
static size_t
note_word_ending(const char *s, size_t n)
{
	size_t a = n > 24 ? n - 24 : 0;

	while (a < n && (s[a] & 0xC0) == 0x80)
		a++;
	return rp_lang_ending(RP_LK_NOTE_MARKER, s + a, n - a);
}

size_t
rp_before_end_marker(const char *s, size_t n)
{
	size_t		e = n, d, p, len;
	int		slashed = n > 1 && s[n - 1] == '/';
	uint32_t	last;

	if (slashed)
		e--;
	for (d = e; d > 0 && e - d < 3 && (isdigit((unsigned char)s[d - 1]) ||
	    (slashed && s[d - 1] == '*')); d--)
		continue;
	if (d == e)
		d = e - note_word_ending(s, e);
	if (d == e || d == 0)
		return n;
	p = d - (s[d - 1] == ' ');
	if (p == 0)
		return n;
	last = rp_utf8_last(s, p, &len);
	/* After , . ; : or a wide stop; not after an ASCII "?" or "!". */
	if (last < 0x80 ? last == 0 || strchr(",.;:", (int)last) == NULL :
	    rp_end_of_char(last) == RP_END_NONE)
		return n;
	return p;
}

rp_clause_end
rp_clause_end_of(const char *s, size_t n)
{
	size_t		len, e;
	uint32_t	last;

	/* A table cell's bar after the text ("…通过。 |", a web copy of a
	 * table) is no punctuation of its own. */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '*' || s[n - 1] == '/' || s[n - 1] == '|'))
		n--;
	n = rp_without_conjunction(s, n);
	e = rp_before_end_marker(s, n);
	/* A number after a comma and a space goes on a wrapped line ("of 1
	 * August,⏎30 (1947)"); only a wide stop takes a spaced marker. */
	if (e < n && !(s[e] == ' ' && (unsigned char)s[e - 1] < 0x80))
		n = e;
	while (n > 0) {
		last = rp_utf8_last(s, n, &len);
		if (rp_superscript_digit(last) < 0)
			break;
		n -= len;
	}
	return n > 0 ? rp_end_of_char(rp_utf8_last(s, n, &len)) : RP_END_NONE;
}

int
rp_ends_function_word(const char *s, size_t n)
{
	size_t start = n;

	while (start > 0 && s[start - 1] != ' ')
		start--;
	/* In lower case: "Rule 99 A" ends in a name, not in "a". */
	return start < n && rp_starts_lower(s + start, n - start) &&
	    rp_lang_is(RP_LK_FUNCTION_WORD, s + start, n - start, NULL);
}

int
rp_ends_clause(const char *s, size_t n)
{
	return rp_clause_end_of(s, n) != RP_END_NONE;
}

/* What the first words of s say: an opener, a verb, or nothing; by
 * their endings too if guess ("признавая" not listed). */
static rp_para_kind
first_words(const char *s, size_t n, int guess)
{
	size_t		 i = 0, wl, k, rest;
	const char	*w;
	int		 words;

	for (words = 0; words < 8; words++) {
		if ((wl = word_at(s, n, &i, &k)) == 0)
			break;
		w = letters(s + k, &wl);
		if (wl == 0)
			continue;
		rest = n - (size_t)(w - s);
		if (rp_lang_phrase(RP_LK_OPENER, w, rest, NULL) > 0)
			return RP_PARA_PREAMBULAR;
		if (rp_lang_phrase(RP_LK_VERB, w, rest, NULL) > 0)
			return RP_PARA_OPERATIVE;
		if (guess && rp_lang_ends(RP_LK_OPENER_END, w, wl))
			return RP_PARA_PREAMBULAR;
		if ((k = rp_lang_phrase(RP_LK_ADVERB, w, rest, NULL)) > 0) {
			i = (size_t)(w - s) + k;
			continue;
		}
		if (guess && rp_lang_ends(RP_LK_VERB_END, w, wl) &&
		    !rp_lang_ends(RP_LK_NOT_VERB_END, w, wl) &&
		    !rp_lang_is(RP_LK_NOT_VERB, w, wl, NULL))
			return RP_PARA_OPERATIVE;
		break;
	}
	return RP_PARA_UNKNOWN;
}

static rp_para_kind
opener_kind(const char *s, size_t n, int guess)
{
	uint32_t cp;

	while (n > 0 && s[0] == ' ')
		s++, n--;
	if (rp_utf8_decode(s, n, &cp) == 0)
		return RP_PARA_UNKNOWN;
	if (!rp_is_cjk(cp))
		return first_words(s, n, guess);
	if (rp_lang_phrase(RP_LK_OPENER, s, n, NULL) > 0)
		return RP_PARA_PREAMBULAR;
	if (rp_lang_phrase(RP_LK_VERB, s, n, NULL) > 0)
		return RP_PARA_OPERATIVE;
	return RP_PARA_UNKNOWN;
}

rp_para_kind
rp_opener_kind(const char *s, size_t n)
{
	return opener_kind(s, n, 1);
}

/* The same, from the tables' phrases only: no heading opens with one
 * ("Статья 1" ends as "признавая" does, it is not a participle). */
rp_para_kind
rp_listed_opener_kind(const char *s, size_t n)
{
	return opener_kind(s, n, 0);
}

int
rp_opens_recital(const char *s, size_t n)
{
	while (n > 0 && s[0] == ' ')
		s++, n--;
	return rp_lang_phrase(RP_LK_OPENER, s, n, NULL) > 0 &&
	    rp_lang_phrase(RP_LK_VERB, s, n, NULL) == 0;
}

/*
 * Whether the first words of s are shaped like an opener in a script
 * with capitals: a word of letters in lower case after its first
 * letter, and not a name of several capitalized words ("Foreign
 * Affairs", "MRE/RES.3/92", "United Nations"), unless the word is an
 * opener of the tables ("Recalling General Assembly resolution …").
 */
static int
drafting_word_shape(const char *s, size_t n)
{
	size_t		i, len, word;
	uint32_t	cp;

	for (i = 0; i < n; i += len) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if (cp == ' ' || cp == ',')
			break;
		if (!rp_is_cased_letter(cp) && cp != '-' && cp != '\'' &&
		    cp != 0x2019)
			return 0;
		if (i > 0 && rp_is_upper_letter(cp))
			return 0;
	}
	word = i;
	while (i < n && (s[i] == ' ' || s[i] == ','))
		i++;
	return i >= n || rp_utf8_decode(s + i, n - i, &cp) == 0 ||
	    !rp_is_upper_letter(cp) ||
	    rp_listed_opener_kind(s, word) != RP_PARA_UNKNOWN;
}

/*
 * Whether s opens a paragraph by its first words alone: a paragraph
 * number, or the opener of a preambular or operative paragraph in the
 * drafting rules ("Recalling", "Décide", "ссылаясь").  In scripts with
 * capitals a Latin opener is capitalized: a wrapped line starts with
 * any word.
 */
int
rp_opener_shape(const char *s, size_t n)
{
	uint32_t	 cp;

	return rp_utf8_decode(s, n, &cp) > 0 && !(cp < 0x400 &&
	    rp_is_cased_letter(cp) && !rp_is_upper_letter(cp)) &&
	    !(rp_is_cased_letter(cp) && !drafting_word_shape(s, n));
}

int
rp_opener_at(const char *s, size_t n)
{
	size_t		 nl;

	if (rp_paragraph_number(s, n, &nl) > 0)
		return 1;
	return rp_opener_shape(s, n) && rp_opener_kind(s, n) != RP_PARA_UNKNOWN;
}

rp_para_kind
rp_classify_paragraph(const char *s, size_t n)
{
	size_t		 k, lastlen;
	uint32_t	 last;
	rp_para_kind	 kind;

	if ((last = last_char(s, &n, &lastlen)) == 0)
		return RP_PARA_UNKNOWN;
	/* Chinese has no participles to go by: punctuation decides, the
	 * tables only when there is none. */
	if (rp_is_cjk(last) || (n > 3 && rp_is_cjk(rp_utf8_last(s,
	    n - lastlen, &k)))) {
		/* "兹决定…," (hereby decides): an adverb that only leads in
		 * an operative verb says more than the final comma. */
		if ((k = rp_lang_phrase(RP_LK_ADVERB, s, n, NULL)) > 0 &&
		    rp_opener_kind(s + k, n - k) == RP_PARA_OPERATIVE)
			return RP_PARA_OPERATIVE;
		/* "鉴于…;" (whereas): the last recital may end in a
		 * semicolon; an opener that is no verb says so. */
		if (is_comma(last) || (rp_end_of_char(last) ==
		    RP_END_SEMICOLON && rp_opens_recital(s, n)))
			return RP_PARA_PREAMBULAR;
		if (is_stop(last))
			return RP_PARA_OPERATIVE;
		return rp_opener_kind(s, n);
	}
	if ((kind = first_words(s, n, 1)) != RP_PARA_UNKNOWN)
		return kind;
	if (is_comma(last))
		return RP_PARA_PREAMBULAR;
	if (is_stop(last))
		return RP_PARA_OPERATIVE;
	return RP_PARA_UNKNOWN;
}

int
rp_bullet_opens_paragraph(const char *s, size_t n)
{
	size_t	numlen;

	return rp_paragraph_number(s, n, &numlen) > 0 ||
	    (rp_opener_at(s, n) && rp_classify_paragraph(s, n) !=
	    RP_PARA_UNKNOWN);
}

/* The key of a phrase: its words in camel case, hyphens and apostrophes
 * dropped ("deeplyConcerned", "réaffirmantÉgalement"). */
static void
phrase_key(const char *s, size_t n, char *key, size_t keysize)
{
	size_t		 i = 0, kl = 0, len;
	uint32_t	 cp;
	int		 start = 1, first = 1;
	char		 out[4];

	while (i < n && (len = rp_utf8_decode(s + i, n - i, &cp)) > 0) {
		i += len;
		if (cp == '-' || cp == '\'' || cp == 0x2019)
			continue;
		if (rp_is_space(cp) || cp == ' ') {
			start = 1;
			continue;
		}
		if (cp < 0x80)
			cp = (uint32_t)(start && !first ? toupper((int)cp) :
			    tolower((int)cp));
		else if (start && first && cp >= 0xC0 && cp <= 0xDE &&
		    cp != 0xD7)
			cp += 32;
		else if (start && first && cp >= 0x410 && cp <= 0x42F)
			cp += 32;
		len = rp_utf8_encode(cp, out);
		if (kl + len + 1 > keysize)
			break;
		memcpy(key + kl, out, len);
		kl += len;
		start = first = 0;
	}
	if (keysize > 0)
		key[kl] = '\0';
}

/* Spaces at s[*i]. */
static void
skip_blanks(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
		(*i)++;
}

/* Whether a language's setting has this value (the English way when the
 * language is not known). */
static int
setting_is(int lang, const char *key, const char *value)
{
	const char *v = rp_lang_setting(lang, key);

	if (v == NULL)
		return strcmp(value, "yes") == 0 && strcmp(key,
		    "italic openers") == 0;
	return strcmp(v, value) == 0;
}

/* The end of a phrase ending at end with the words that continue it:
 * "also", "in mind", "with concern", "note with appreciation". */
static size_t
phrase_tails(const char *s, size_t n, size_t end)
{
	size_t i, k;

	for (;;) {
		i = end;
		skip_blanks(s, n, &i);
		if (i == end || (k = rp_lang_phrase(RP_LK_TAIL, s + i, n - i,
		    NULL)) == 0)
			return end;
		end = i + k;
	}
}

/* Whether the language sets the opening phrase s in italics (an unknown
 * language as English does). */
static int
italic_phrase(int lang, const char *s, size_t n)
{
	return setting_is(lang, "italic openers", "yes") &&
	    (!rp_starts_lower(s, n) || setting_is(lang, "lower-case openers",
	    "yes"));
}

/* Whether the word w (wl bytes) is shaped as a word of kind: an opener
 * by its ending and capital, an operative verb by its ending and none of
 * the exceptions. */
static int
shaped_as(rp_lang_kind kind, const char *w, size_t n, size_t wl)
{
	if (kind == RP_LK_OPENER)
		return !rp_starts_lower(w, n) &&
		    rp_lang_ends(RP_LK_OPENER_END, w, wl);
	return rp_lang_ends(RP_LK_VERB_END, w, wl) &&
	    !rp_lang_ends(RP_LK_NOT_VERB_END, w, wl) &&
	    !rp_lang_is(RP_LK_NOT_VERB, w, wl, NULL) &&
	    !rp_lang_phrase(RP_LK_ADVERB, w, n, NULL);
}

/* The end of the opener or verb (kind) at s[i], after up to three
 * adverbs ("Further", "Also"): from the tables, or a word shaped as one.
 * *lang is the table's language (-1 for a shaped word); 0 if none. */
static size_t
lead_phrase(rp_lang_kind kind, const char *s, size_t n, size_t i,
    int *lang)
{
	size_t		 k, wl, ws;
	int		 adverbs = 0;

	for (;;) {
		if ((k = rp_lang_phrase(kind, s + i, n - i, NULL))) {
			*lang = rp_lang_of(kind, s + i, n - i);
			return phrase_tails(s, n, i + k);
		}
		k = i;
		wl = word_at(s, n, &k, &ws);
		if (wl > 0 && ws == i && shaped_as(kind, s + i, n - i, wl)) {
			*lang = -1;
			return phrase_tails(s, n, i + wl);
		}
		if (adverbs++ == 3 || (k = rp_lang_phrase(RP_LK_ADVERB, s + i,
		    n - i, NULL)) == 0)
			return 0;
		i += k;
		skip_blanks(s, n, &i);
	}
}

/* Whether s opens with a drafting word in lower case in a language that
 * writes them so ("принимая во внимание"). */
static int
opens_lower(const char *s, size_t n)
{
	int	lang = -1;

	if (lead_phrase(RP_LK_OPENER, s, n, 0, &lang) == 0 &&
	    lead_phrase(RP_LK_VERB, s, n, 0, &lang) == 0)
		return 0;
	return lang >= 0 && setting_is(lang, "lower-case openers", "yes");
}

int
rp_goes_on_lower(const char *s, size_t n)
{
	return rp_starts_lower(s, n) && !opens_lower(s, n);
}

/* Where the phrase at s starts, after emphasis marks. */
static size_t
phrase_start(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (s[i] == ' ' || s[i] == '*' || s[i] == '_'))
		i++;
	return i;
}

size_t
rp_opening_phrase(const char *s, size_t n, char *key, size_t keysize)
{
	size_t		 start = phrase_start(s, n), end;
	int		 lang;

	if (keysize > 0)
		key[0] = '\0';
	end = lead_phrase(RP_LK_OPENER, s, n, start, &lang);
	if (end == 0 || !italic_phrase(lang, s + start, n - start))
		return 0;
	phrase_key(s + start, end - start, key, keysize);
	return end;
}

size_t
rp_operative_phrase(const char *s, size_t n)
{
	size_t		 start = phrase_start(s, n), end;
	int		 lang;

	end = lead_phrase(RP_LK_VERB, s, n, start, &lang);
	return end > 0 && italic_phrase(lang, s + start, n - start) ? end : 0;
}

/* ----------------------------------------------------------- bodies */

rp_body
rp_body_from_name(const char *s, size_t n)
{
	int v;

	return rp_lang_is(RP_LK_BODY, s, n, &v) ? (rp_body)v :
	    RP_BODY_UNKNOWN;
}

/* s into buf, its i-th space taken out where bit i of drop is set, a
 * final "I" after a lower-case letter read as the "l" OCR took it for. */
static size_t
respaced(const char *s, size_t n, unsigned drop, char *buf)
{
	size_t		i, k = 0;
	unsigned	bit = 1;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ') {
			if (!(drop & bit))
				buf[k++] = ' ';
			bit <<= 1;
		} else
			buf[k++] = s[i];
	}
	if (k >= 2 && buf[k - 1] == 'I' && islower((unsigned char)buf[k - 2]))
		buf[k - 1] = 'l';
	return k;
}

/* The body a masthead line names, also as a scan's OCR broke it with
 * spaces and read a final "l" as "I" ("Security Cou nci I", S/RES/827
 * (1993)): each way of taking spaces out of a short line is looked up
 * in [bodies]. */
static rp_body
masthead_body(const char *s, size_t n)
{
	char		 buf[48];
	unsigned	 drop, spaces = 0;
	size_t		 i;
	rp_body		 b = rp_body_from_name(s, n);

	if (b != RP_BODY_UNKNOWN || n >= sizeof(buf))
		return b;
	for (i = 0; i < n; i++)
		spaces += s[i] == ' ';
	for (drop = 0; spaces <= 5 && drop < 1u << spaces &&
	    b == RP_BODY_UNKNOWN; drop++)
		b = rp_body_from_name(buf, respaced(s, n, drop, buf));
	return b;
}

/* The body named anywhere in s, or UNKNOWN. */
static rp_body
body_in(const char *s, size_t n)
{
	size_t		 i, len;
	uint32_t	 cp, prev = ' ';
	int		 v;

	for (i = 0; i < n; i += len, prev = cp) {
		/* An invalid byte reads as a space: a word may follow. */
		len = rp_utf8_get(s + i, n - i, &cp, ' ');
		if ((prev == ' ' || rp_is_cjk(cp) || rp_is_cjk(prev) ||
		    !isalnum((int)(prev < 0x80 ? prev : 'a'))) &&
		    rp_lang_phrase(RP_LK_BODY, s + i, n - i, &v) > 0)
			return (rp_body)v;
	}
	return RP_BODY_UNKNOWN;
}

/* Whether a word of s names the body short ("the Council"). */
static int
names_body(const char *s, size_t n)
{
	size_t i = 0, k, wl;

	while ((wl = word_at(s, n, &i, &k)) > 0)
		if (rp_lang_is(RP_LK_BODY_WORD, s + k, wl, NULL))
			return 1;
	return 0;
}

/* Title case: see classify.h. */
int
rp_title_case(const char *s, size_t n)
{
	size_t	 i = 0, k, wl;

	while ((wl = word_at(s, n, &i, &k)) > 0)
		if (rp_starts_lower(s + k, wl) &&
		    !rp_lang_is(RP_LK_SMALL, s + k, wl, NULL))
			return 0;
	return 1;
}

/* Every word capitalized but the small ones, and one naming a body: the
 * name of a body ("Commission on Human Rights"), not a sentence. */
static int
body_title(const char *s, size_t n)
{
	size_t	 i = 0, k, wl;

	if (!rp_title_case(s, n))
		return 0;
	while ((wl = word_at(s, n, &i, &k)) > 0)
		if (rp_lang_is(RP_LK_OTHER_BODY, s + k, wl, NULL))
			return 1;
	return 0;
}

/* "Therefore the Security Council", "因此，安全理事会", "The General
 * Assembly, therefore": a connector before or after the formula's name
 * (1940s resolutions whose recitals come first). */
static void
strip_connectors(const char **s, size_t *n)
{
	size_t		k, i, len;
	uint32_t	cp;
	const char	*comma;

	if ((k = rp_lang_phrase(RP_LK_CONNECTOR, *s, *n, NULL)) > 0 &&
	    k < *n) {
		for (i = k; i < *n; i += len) {
			len = rp_utf8_decode(*s + i, *n - i, &cp);
			if (len == 0 || !(cp == ' ' || is_comma(cp)))
				break;
		}
		*s += i;
		*n -= i;
	}
	/* The last comma, by memrchr: a byte loop here cost more than the
	 * rest of the function, on every paragraph. */
	comma = *n > 0 ? memrchr(*s, ',', *n) : NULL;
	i = comma != NULL ? (size_t)(comma - *s) + 1 : 0;
	if (i > 0) {
		for (k = i; k < *n && (*s)[k] == ' '; k++)
			continue;
		if (k < *n && rp_lang_is(RP_LK_CONNECTOR, *s + k, *n - k,
		    NULL)) {
			*n = i - 1;
			while (*n > 0 && (*s)[*n - 1] == ' ')
				(*n)--;
		}
	}
}

/* The length of s without its final spaces and commas. */
static size_t
without_commas(const char *s, size_t n)
{
	size_t		len;
	uint32_t	last;

	while (n > 0 && ((last = rp_utf8_last(s, n, &len)) == ' ' ||
	    is_comma(last)))
		n -= len;
	return n;
}

int
rp_formula_connector(const char *s, size_t n)
{
	size_t		k;

	/* Its own comma is not the connector's. */
	n = without_commas(s, n);
	k = n;
	strip_connectors(&s, &k);
	return k != n;
}

/* "[1] Совет Безопасности,": Wikisource's link to the printed page
 * (a bracketed number and a space) before the formula's name. */
static void
skip_page_marker(const char **s, size_t *n)
{
	size_t		i;

	if (*n < 4 || **s != '[')
		return;
	for (i = 1; i < *n && i < 5 && isdigit((unsigned char)(*s)[i]); i++)
		continue;
	if (i == 1 || i + 1 >= *n || (*s)[i] != ']' || (*s)[i + 1] != ' ')
		return;
	*s += i + 2;
	*n -= i + 2;
}

/* Where the body's name starts in s: past the language's article
 * ("The", "Le", "إن") and the spaces after it; the article's length
 * into *article (0: none). */
static size_t
past_article(const char *s, size_t n, size_t *article)
{
	size_t v;

	*article = rp_lang_phrase(RP_LK_ARTICLE, s, n, NULL);
	for (v = *article; v < n && s[v] == ' '; v++)
		continue;
	return v;
}

size_t
rp_open_quote(const char *s, size_t n)
{
	static const char *const marks[] = { "\xC2\xAB", "\xE2\x80\x9C",
	    "\xE2\x80\x9E", "\xE3\x80\x8C", "\xE3\x80\x8E", "\"" };
	size_t	i, k;

	for (i = 0; n > 0 && i < sizeof(marks) / sizeof(marks[0]); i++) {
		/* The first byte first: asked of every line, most open
		 * with no mark. */
		if (*s != marks[i][0])
			continue;
		k = strlen(marks[i]);
		if (n > k && memcmp(s, marks[i], k) == 0) {
			while (k < n && s[k] == ' ')
				k++;
			return k;
		}
	}
	return 0;
}

/* An opening quotation mark: "«", "“", "„", "「", "『", a straight '"'. */
static int
opening_mark(uint32_t cp)
{
	return cp == 0xAB || cp == 0x201C || cp == 0x201E || cp == 0x300C ||
	    cp == 0x300E || cp == '"';
}

/* Whether cp closes the quotation that top opened: a straight quote
 * after a word, "“" after "„" (its closing mark in Russian), the closing
 * marks of the others. */
static int
closing_mark(uint32_t cp, uint32_t top, uint32_t prev)
{
	if (cp == '"')
		return top == '"' && !rp_is_space(prev);
	if (cp == 0x201C)
		return top == 0x201E;
	return cp == 0xBB || cp == 0x201D || cp == 0x300D || cp == 0x300F;
}

/* Whether a quotation that opens at s is still open at its end. */
static int
quotation_open(const char *s, size_t n)
{
	uint32_t	open[8], cp, prev = 0;
	size_t		depth = 0, i, k;

	for (i = 0; i < n; i += k, prev = cp) {
		if ((k = rp_utf8_decode(s + i, n - i, &cp)) == 0) {
			k = 1;
			cp = (unsigned char)s[i];
		}
		if (depth > 0 && closing_mark(cp, open[depth - 1], prev))
			depth--;
		else if (opening_mark(cp) && depth < 8)
			open[depth++] = cp;
	}
	return depth > 0;
}

int
rp_in_quotation(const char *s, size_t n)
{
	size_t	i, k;

	for (i = n; i > 0; i--) {
		if (s[i - 1] == ':')
			k = i;
		else if (i >= 3 && memcmp(s + i - 3, "\xEF\xBC\x9A", 3) == 0)
			k = i;		/* "：" */
		else
			continue;
		while (k < n && s[k] == ' ')
			k++;
		if (rp_open_quote(s + k, n - k) > 0)
			return quotation_open(s + k, n - k);
	}
	return 0;
}

static int
is_formula(const char *s, size_t n, rp_body *body)
{
	size_t		 lastlen, k, a;
	uint32_t	 last;
	int		 comma;

	*body = RP_BODY_UNKNOWN;
	if ((last = last_char(s, &n, &lastlen)) == 0 || n > 90)
		return 0;
	/* "The Security Council" with its comma lost (OCR) still counts,
	 * but only as an exact body name. */
	if ((comma = is_comma(last) && last != 0x3001))
		n -= lastlen;
	/* "إن مجلس الأمن:": a colon as web copies end it, as the comma. */
	else if (rp_end_of_char(last) == RP_END_COLON)
		n -= lastlen;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	/* Markdown emphasis around the formula. */
	while (n > 0 && (s[n - 1] == '*' || s[n - 1] == '_'))
		n--;
	while (n > 0 && (*s == '*' || *s == '_')) {
		s++;
		n--;
	}
	/* "- Le Conseil de sécurité,": a web copy's dash before it. */
	if (n > 2 && (*s == '-' || memcmp(s, "\xE2\x80\x93", 3) == 0)) {
		k = *s == '-' ? 1 : 3;
		if (k < n && s[k] == ' ') {
			s += k + 1;
			n -= k + 1;
		}
	}
	/* "« Le Conseil de sécurité,": a copy quoting the whole text. */
	a = rp_open_quote(s, n);
	s += a;
	n -= a;
	skip_page_marker(&s, &n);
	strip_connectors(&s, &n);
	a = past_article(s, n, &k);
	s += a;
	n -= a;
	*body = rp_body_from_name(s, n);
	if (*body != RP_BODY_UNKNOWN)
		return comma || k > 0;
	/* Other bodies: "The Commission on Human Rights,". */
	return comma && k > 0 && n < 60 && body_title(s, n);
}

int
rp_is_formula(const char *s, size_t n, rp_body *body)
{
	struct line_memo	*m;
	int			 known;

	if ((m = line_memo(Q_FORMULA, s, n, &known)) != NULL && known) {
		*body = m->body;
		return m->r;
	}
	if (m == NULL)
		return is_formula(s, n, body);
	m->r = is_formula(s, n, body);
	m->body = *body;
	rp_memo_set(&m->key, Q_FORMULA, 0, s, n);
	return m->r;
}

int
rp_is_bare_formula(const char *s, size_t n, rp_body *body)
{
	int	lang;

	*body = RP_BODY_UNKNOWN;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 90 || rp_starts_lower(s, n) ||
	    (lang = rp_lang_of(RP_LK_BODY, s, n)) < 0 ||
	    !setting_is(lang, "formula without comma", "yes"))
		return 0;
	*body = rp_body_from_name(s, n);
	return *body != RP_BODY_UNKNOWN;
}

/* The length of the body's name and the article before it at s ("إن
 * الجمعية العامة", "The Security Council"), the article's into *article;
 * 0 if no body is named there. */
static size_t
body_name_at(const char *s, size_t n, size_t *article)
{
	size_t	v = past_article(s, n, article), b;

	b = rp_lang_phrase(RP_LK_BODY, s + v, n - v, NULL);
	return b > 0 ? v + b : 0;
}

size_t
rp_named_formula(const char *s, size_t n)
{
	size_t	a, k = body_name_at(s, n, &a);

	return a > 0 && !rp_starts_lower(s, n) ? k : 0;
}

size_t
rp_formula_lead(const char *s, size_t n, rp_body *body, int items)
{
	size_t		a, b, v, len, m = n;
	uint32_t	cp;

	*body = RP_BODY_UNKNOWN;
	if (rp_utf8_decode(s, n, &cp) == 0 || rp_starts_lower(s, n))
		return 0;
	if ((b = body_name_at(s, n, &a)) == 0)
		return 0;
	v = past_article(s, n, &a);
	*body = rp_body_from_name(s + v, b - v);
	for (v = b; v < n && s[v] == ' '; v++)
		continue;
	if (v == n || rp_opener_kind(s + v, n - v) != RP_PARA_OPERATIVE)
		return 0;
	/* Chinese names the body with no article: then only a line
	 * leading in what follows ("大会建议:", or before sub-items
	 * "大会决定设置两专门委员会如下."), never a wrapped line that happens
	 * to begin with the body's name. */
	if (a == 0 && !(rp_is_cjk(cp) && (items || rp_end_of_char(last_char(s,
	    &m, &len)) == RP_END_COLON)))
		return 0;
	return b;
}

int
rp_opens_with_article(const char *s, size_t n)
{
	return rp_lang_phrase(RP_LK_ARTICLE, s, n, NULL) > 0;
}

int
rp_is_lead_in(const char *s, size_t n)
{
	size_t		 lastlen;
	uint32_t	 last;
	int		 lang;

	if ((last = last_char(s, &n, &lastlen)) == 0)
		return 0;
	if (rp_end_of_char(last) == RP_END_COLON)
		n -= lastlen;
	while (n > 0 && s[n - 1] == ' ')
		n--;
	return n > 0 && lead_phrase(RP_LK_VERB, s, n, phrase_start(s, n),
	    &lang) == n;
}

/* A line that is a connector alone: "Therefore", "Now, therefore,". */
int
rp_is_connector(const char *s, size_t n)
{
	return rp_lang_is(RP_LK_CONNECTOR, s, without_commas(s, n), NULL);
}

int
rp_is_intermediate_formula(const char *s, size_t n)
{
	size_t		lastlen, k;
	uint32_t	last;

	if ((last = last_char(s, &n, &lastlen)) == 0 || n > 160)
		return 0;
	if (last != ':' && last != 0xFF1A)
		return 0;
	if (rp_paragraph_number(s, n, &k) > 0)
		return 0;
	return body_in(s, n) != RP_BODY_UNKNOWN || names_body(s, n);
}

/* ------------------------------------------------------------ dates */

/* The longest a written date is, in bytes. */
#define DATE_MAX	96

static int
valid_date(int y, int m, int d)
{
	return y >= 1945 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31;
}

/*
 * The years a date may name, as the rest of a text tells them (its
 * symbol's year, its session's): a year written in two digits ({yy},
 * "20.12.71") is read only when they give its century.  {0, 0}: none
 * known.
 */
struct years {
	int lo, hi;
};

static const struct years no_years;

/* h's year in full: a two-digit one in the century of y, else 0. */
static int
full_year(const rp_lang_hit *h, struct years y)
{
	int full;

	if (h->year >= 100)
		return h->year;
	if (y.lo == 0)
		return 0;
	full = y.lo - y.lo % 100 + h->year;
	if (full < y.lo)
		full += 100;
	return full <= y.hi ? full : 0;
}

static size_t
date_iso(const rp_lang_hit *h, struct years y, char iso[11])
{
	int year = full_year(h, y);

	if (!valid_date(year, h->month, h->day))
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", year, h->month, h->day);
	return h->end;
}

size_t
rp_parse_date(const char *s, size_t n, char iso[11])
{
	rp_lang_hit h;

	if (rp_lang_match(RP_LK_DATE, s, n < DATE_MAX ? n : DATE_MAX, &h) == 0)
		return 0;
	return date_iso(&h, no_years, iso);
}

/* The first date in s[0..n) that starts by most, of a year in y. */
static size_t
find_date_of(const char *s, size_t n, size_t most, struct years y,
    char iso[11], size_t *at)
{
	rp_lang_hit	 h;
	size_t		 from = 0, a;

	while (from < n && from <= most && rp_lang_find_by(RP_LK_DATE,
	    s + from, n - from, most - from, &h, &a) > 0) {
		if (date_iso(&h, y, iso) > 0) {
			*at = from + a;
			return h.end - a;
		}
		from += h.end;
	}
	return 0;
}

size_t
rp_find_date_by(const char *s, size_t n, size_t most, char iso[11],
    size_t *at)
{
	return find_date_of(s, n, most, no_years, iso, at);
}

size_t
rp_find_date(const char *s, size_t n, char iso[11], size_t *at)
{
	return rp_find_date_by(s, n, n, iso, at);
}

/* ---------------------------------------------------------- numbers */

/* The space after a marker: returns the text offset, or 0 if none. */
static size_t
after_marker(const char *s, size_t n, size_t i)
{
	size_t		len;
	uint32_t	cp;

	if (i == n)
		return i;
	if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
		return 0;
	if (rp_is_space(cp)) {
		while (i < n && (len = rp_utf8_decode(s + i, n - i, &cp)) &&
		    rp_is_space(cp))
			i += len;
		return i;
	}
	return rp_is_cjk(cp) ? i : 0;
}

/* After a paragraph number, a dash as web copies mark it ("1 ـ", "1ـ",
 * "2- ", "3 – "): the offset of the text after it, else 0.  Never before
 * a number: "2 – 4 December" is a range. */
static size_t
dash_mark(const char *s, size_t n, size_t i)
{
	size_t		len, t;
	uint32_t	cp;

	if (i < n && s[i] == ' ')
		i++;
	if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0 || !(cp == '-' ||
	    cp == 0x2013 || cp == 0x2014 || cp == 0x640))
		return 0;
	i += len;
	if (i >= n || s[i] != ' ' || (t = after_marker(s, n, i)) >= n ||
	    isdigit((unsigned char)s[t]))
		return 0;
	return t;
}

/* The highest sub-item number in brackets: "(二十六)" at a line's start
 * is a session of a wrapped reference ("第2758⏎(二十六)号决议"). */
#define ITEM_NUMBER_MAX	20

/* A number in a language's own shape (the tables' [paragraph numbers]
 * or [item numbers]: "一.", "二、", "１.", "(一)", "(甲)"), the text
 * after it a space or a Chinese character away: the text's offset, its
 * value into *value; 0 if none. */
static size_t
own_number(rp_lang_kind kind, const char *s, size_t n, size_t *numlen,
    int *value)
{
	rp_lang_hit	h;
	size_t		end, t;

	if ((end = rp_lang_match(kind, s, n, &h)) == 0 ||
	    (*value = h.num >= 0 ? h.num : h.value) <= 0 ||
	    (kind == RP_LK_ITEM_NUMBER && h.num > ITEM_NUMBER_MAX) ||
	    (t = after_marker(s, n, end)) == 0)
		return 0;
	*numlen = end;
	return t;
}

size_t
rp_paragraph_number(const char *s, size_t n, size_t *numlen)
{
	size_t	i = 0, t;
	int	v;

	while (i < n && i < 6 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 && n > 0)
		return own_number(RP_LK_PARA_NUMBER, s, n, numlen, &v);
	if (i == 0 || i >= n || isdigit((unsigned char)s[i]) || s[0] == '0')
		return 0;
	/* Four digits are a year that ends a wrapped sentence ("on 21
	 * December⏎1976. 45"), unless no year could be that number. */
	if (i == 4 && (atoi(s) >= 1900 && atoi(s) <= 2100))
		return 0;
	if (s[i] != '.') {
		if (i < 4 && (t = dash_mark(s, n, i)) > 0) {
			*numlen = i;
			return t;
		}
		return 0;
	}
	i++;
	*numlen = i;
	/* "1. Decides", "1.各国", "1. *Decides*", but not "1.5" or "2.3.4". */
	if ((t = after_marker(s, n, i)) > 0)
		return t;
	return s[i] == '*' || s[i] == '_' ? i : 0;
}

int
rp_paragraph_value(const char *s, size_t n)
{
	size_t	nl;
	int	v = 0;

	if (n > 0 && isdigit((unsigned char)s[0]))
		return atoi(s);
	own_number(RP_LK_PARA_NUMBER, s, n, &nl, &v);
	return v;
}

/* Roman numeral value of lower-case s[0..n), or 0. */
static int
roman_value(const char *s, size_t n)
{
	static const char *const romans[] = { "i", "ii", "iii", "iv", "v",
		"vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
		"xv", "xvi", "xvii", "xviii", "xix", "xx", "xxi", "xxii",
		"xxiii", "xxiv", "xxv", NULL };
	int k;

	for (k = 0; romans[k] != NULL; k++)
		if (strlen(romans[k]) == n && strncmp(s, romans[k], n) == 0)
			return k + 1;
	return 0;
}

/* Whether s opens with an ASCII character or a full-width digit. */
static int
ascii_or_digit_after(const char *s, size_t n)
{
	uint32_t cp;

	return rp_utf8_decode(s, n, &cp) > 0 && (cp < 0x80 ||
	    (cp >= 0xFF10 && cp <= 0xFF19));
}

/* The kind and value of an item's label of len bytes ("a", "iv", "12",
 * "aa"); 0 if it is none. */
static int
label_value(const char *s, size_t len, rp_item_kind *kind, int *value)
{
	size_t	 k;

	if (isdigit((unsigned char)s[0])) {
		for (k = 0; k < len; k++)
			if (!isdigit((unsigned char)s[k]))
				return 0;
		*kind = RP_ITEM_DIGIT;
		*value = (int)(s[0] - '0');
		if (len == 2)
			*value = *value * 10 + (s[1] - '0');
	} else if ((*value = roman_value(s, len)) > 0) {
		*kind = RP_ITEM_ROMAN;
	} else if (len == 1) {
		*kind = RP_ITEM_ALPHA;
		*value = s[0] - 'a' + 1;
	} else if (len == 2 && s[0] == s[1]) {
		*kind = RP_ITEM_ALPHA;		/* (aa) */
		*value = 26 + s[0] - 'a' + 1;
	} else
		return 0;
	return 1;
}

/* "(a)", and "（a）" with the full-width brackets of CJK text; cp (len
 * bytes) opens s. */
static size_t
latin_marker(const char *s, size_t n, uint32_t cp, size_t len,
    size_t *numlen, rp_item_kind *kind, int *value)
{
	size_t	 i = 0, start, close;
	int	 open = 0;

	if (cp == '(' || cp == 0xFF08) {
		open = 1;
		i = len;
	}
	start = i;
	while (i < n && i - start < 6 && (islower((unsigned char)s[i]) ||
	    isdigit((unsigned char)s[i])))
		i++;
	close = i < n && s[i] == ')' ? 1 : (cp == 0xFF08 && n - i >= 3 &&
	    memcmp(s + i, "\xEF\xBC\x89", 3) == 0) ? 3 : 0;
	if (i == start || close == 0)
		return 0;
	/* "a)" without an opening parenthesis: letters only, short; digits
	 * in full-width brackets are a reference (rp_item_marker). */
	if ((!open && (i - start > 2 || isdigit((unsigned char)s[start]))) ||
	    (cp == 0xFF08 && isdigit((unsigned char)s[start])))
		return 0;
	if (!label_value(s + start, i - start, kind, value))
		return 0;
	*numlen = i + close;
	return after_marker(s, n, i + close);
}

size_t
rp_item_marker(const char *s, size_t n, size_t *numlen,
    rp_item_kind *kind, int *value)
{
	size_t		len, t;
	uint32_t	cp;

	if (n == 0 || (len = rp_utf8_decode(s, n, &cp)) == 0)
		return 0;
	/* ㈠ ... ㈩ */
	if (rp_cjk_paren_number(cp)) {
		*kind = RP_ITEM_OWN;
		*value = rp_cjk_paren_number(cp);
		*numlen = len;
		t = after_marker(s, n, len);
		return t ? t : len;
	}
	/* Bullets need a space after them, or stand alone on their line:
	 * pdftotext sets a list's bullets in a column of their own ("-", a
	 * blank line, the item's text). */
	if (cp == '-' || cp == 0x2022 || cp == 0x2013 || cp == 0x25AA ||
	    cp == 0x00B7 || cp == 0x25CF) {
		if (len < n && s[len] != ' ')
			return 0;
		*kind = RP_ITEM_BULLET;
		*value = 0;
		*numlen = len;
		return len == n ? n : after_marker(s, n, len);
	}
	/* "(一)", "（甲）", "(أ)": numbers and letters of the language's own;
	 * "(a)" and "(1)" are read below, and digits in full-width
	 * brackets are a wrapped reference ("第 1390⏎（2002）号"). */
	if (!ascii_or_digit_after(s + len, n - len) &&
	    (t = own_number(RP_LK_ITEM_NUMBER, s, n, numlen, value)) > 0) {
		*kind = RP_ITEM_OWN;
		return t;
	}
	return latin_marker(s, n, cp, len, numlen, kind, value);
}

/* "____": the rule above footnotes at a page foot, alone on its line
 * or, in a copy that lost the line break, before the first note
 * ("__________ 1/ A/49/48."): the length of the rule and the spaces
 * after it, else 0. */
size_t
rp_footnote_rule(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && s[i] == '_')
		i++;
	if (i < 3 || (i < n && s[i] != ' '))
		return 0;
	while (i < n && s[i] == ' ')
		i++;
	return i;
}

/* A numbered marker of [note markers] at s: the match into *h, its
 * length; 0 if none.  A bracketed year is no note ("(1967)"). */
static size_t
note_number_at(const char *s, size_t n, rp_lang_hit *h)
{
	if (n == 0 || (s[0] != '(' && (unsigned char)s[0] < 0x80) ||
	    rp_lang_match(RP_LK_NOTE_MARKER, s, n, h) == 0 || h->num < 1 ||
	    h->num > 999)
		return 0;
	return h->end;
}

/* Brackets round a number are a note marker only in the text of a
 * language whose table gives them: the same "(1)" opens a sub-item in
 * English, and a number cited in brackets stays a number. */
size_t
rp_note_number(const char *s, size_t n, uint32_t beside, int *num)
{
	rp_lang_hit	 h;
	size_t		 end = note_number_at(s, n, &h);
	const char	*script = rp_script_name(rp_script_of(beside));

	if (end == 0 || script == NULL || !setting_is(h.lang, "script",
	    script))
		return 0;
	*num = h.num;
	return end;
}

/* A numbered marker of [note markers] opening a note ("(1) القرار 217
 * ألف (د-3)."), the note's first letter in its language's script: the
 * offset past the marker, its number into *num; 0 if none. */
static size_t
note_number_opening(const char *s, size_t n, int *num)
{
	rp_lang_hit	h;
	size_t		end = note_number_at(s, n, &h), k = end;
	uint32_t	cp;

	while (k < n && s[k] == ' ')
		k++;
	if (end == 0 || k == end || k >= n ||
	    rp_utf8_decode(s + k, n - k, &cp) == 0)
		return 0;
	return rp_note_number(s, n, cp, num);
}

/* Whether a scan may have read a digit of a note's number as letter c
 * ("g" for 9, "l" or "i" for 1, "O" for 0). */
static int
ocr_digit(char c)
{
	return c != '\0' && strchr("gqlIiOoSZ", c) != NULL;
}

/* A note's number a scan read as one or two letters, then a note
 * opening of [note openings] ("g Voir Documents officiels …" is note 9,
 * "il Voir …" note 11): the letters, as printed, into out (the marker
 * keeps every word of the text), the offset of the note's text; 0 if
 * none.  Without the note opening the letters are words. */
static size_t
ocr_note_number(const char *s, size_t n, char *out, size_t outsize)
{
	size_t	i = 0;

	while (i < n && i < 2 && ocr_digit(s[i]) && i + 1 < outsize) {
		out[i] = s[i];
		i++;
	}
	if (i == 0 || i >= n || s[i] != ' ' ||
	    rp_lang_phrase(RP_LK_NOTE_OPENING, s + i + 1, n - i - 1,
	    NULL) == 0)
		return 0;
	out[i] = '\0';
	return i + 1;
}

/*
 * A footnote marker opening a definition line: "1 See", "¹ General",
 * "* 仅以", a marker in words of [note markers] ("(注)大会…") or a
 * number in its brackets ("(1) القرار …"), and the
 * old form with a slash, "17/ See", one or two stars and a slash.
 * Returns the offset of the text, 0 if none; marker in out, without
 * the slash; *slashed says whether it had one.
 */
size_t
rp_note_marker(const char *s, size_t n, char *out, size_t outsize,
    int *slashed)
{
	size_t		i = 0, m = 0, len;
	uint32_t	cp;
	int		num;

	*slashed = 0;
	if ((i = rp_lang_phrase(RP_LK_NOTE_MARKER, s, n, NULL)) > 0 &&
	    i < outsize) {
		memcpy(out, s, i);
		m = i;
	} else if ((i = note_number_opening(s, n, &num)) > 0 && outsize > 3)
		m = (size_t)snprintf(out, outsize, "%d", num);
	else
		i = 0;
	while (m == 0 && i < n &&
	    (len = rp_utf8_decode(s + i, n - i, &cp)) &&
	    rp_superscript_digit(cp) >= 0 && m + 1 < outsize) {
		out[m++] = (char)('0' + rp_superscript_digit(cp));
		i += len;
	}
	if (m == 0) {
		while (i < n && i < 3 && isdigit((unsigned char)s[i]) &&
		    m + 1 < outsize)
			out[m++] = s[i++];
		if (m == 0)
			while (i < n && i < 2 && s[i] == '*' &&
			    m + 1 < outsize)
				out[m++] = s[i++];
		if (m > 0 && i < n && s[i] == '/') {
			*slashed = 1;
			i++;
		}
		if (m == 0 && i == 0)
			return ocr_note_number(s, n, out, outsize);
		if (m == 0 || i >= n || s[i] != ' ' ||
		    (m == 2 && out[0] == '*' && !*slashed))
			return 0;
	}
	out[m] = '\0';
	while (i < n && s[i] == ' ')
		i++;
	return i < n ? i : 0;
}

int
rp_is_separator(const char *s, size_t n)
{
	size_t		i = 0, len;
	uint32_t	cp;
	int		stars = 0;

	while (i < n) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if (cp == '*' || cp == 0xFF0A)
			stars++;
		else if (!rp_is_space(cp))
			return 0;
		i += len;
	}
	return stars >= 3;
}

/* Whether s is a heading of a part of kind (RP_LK_ANNEX, RP_LK_APPENDIX)
 * alone or with its number. */
static int
part_heading(rp_lang_kind kind, const char *s, size_t n)
{
	size_t i, k;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 48 || rp_starts_lower(s, n) ||
	    (k = rp_lang_phrase(kind, s, n, NULL)) == 0)
		return 0;
	/* "Annex I", "Annex 2", "Annex A", "附件一", "المرفق الأول" */
	for (i = k; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (!(isupper(c) || isdigit(c) || c >= 0x80 || c == '.' ||
		    c == ' '))
			return 0;
	}
	return 1;
}

int
rp_is_annex_heading(const char *s, size_t n)
{
	return part_heading(RP_LK_ANNEX, s, n);
}

/* An appendix heading: see classify.h. */
int
rp_is_appendix_heading(const char *s, size_t n)
{
	return part_heading(RP_LK_APPENDIX, s, n);
}


/* An unnumbered paragraph's kind before paragraph 1: see classify.h. */
rp_para_kind
rp_kind_before_numbers(const char *s, size_t n)
{
	rp_para_kind pk = rp_classify_paragraph(s, n);

	if (pk == RP_PARA_OPERATIVE && rp_clause_end_of(s, n) ==
	    RP_END_STOP && rp_opener_kind(s, n) == RP_PARA_UNKNOWN)
		return RP_PARA_UNKNOWN;
	return pk;
}

/* A wiki's note: see classify.h. */
size_t
rp_arrow_note(const char *s, size_t n, int *num)
{
	size_t	k = 0, d = 0;

	if (n > 2 && s[0] == '-' && s[1] == ' ')
		k = 2;
	while (k == 0 && d < n && d < 3 && isdigit((unsigned char)s[d]))
		d++;
	k += d + (d > 0 && d < n && s[d] == '.');
	while (k < n && s[k] == ' ')
		k++;
	if (n < k + 5 || memcmp(s + k, "\xe2\x86\x91 ", 4) != 0)
		return 0;
	*num = d > 0 ? atoi(s) : 0;
	return k + 4;
}

/* A whole recital: see classify.h. */
int
rp_whole_recital(const char *s, size_t n)
{
	rp_clause_end e = rp_clause_end_of(s, n);

	return (e == RP_END_COMMA || e == RP_END_SEMICOLON) &&
	    rp_classify_paragraph(s, n) == RP_PARA_PREAMBULAR;
}

/* Whether s, at most most bytes, may be a title: not one a drafting
 * phrase of the tables opens ("Recommends to the General Assembly that
 * the Republic" wrapped, "根据联合国宪章》第七章采取行动" with no
 * comma); its last character is the caller's to judge. */
static int
title_shaped(const char *s, size_t n, size_t most)
{
	return n > 0 && n <= most && !rp_ends_function_word(s, n) &&
	    !rp_starts_lower(s, n) && !isdigit((unsigned char)s[0]) &&
	    !(rp_opener_shape(s, n) &&
	    rp_listed_opener_kind(s, n) != RP_PARA_UNKNOWN);
}

/* A heading line: see classify.h. */
int
rp_heading_line(const char *s, size_t n)
{
	size_t		len;
	uint32_t	last;

	if (!title_shaped(s, n, 60))
		return 0;
	last = rp_utf8_last(s, n, &len);
	return !memchr(s, ',', n) &&
	    !(last == '.' || last == ',' || last == ';' || last == ':' ||
	    last == 0x3002 || last == 0xFF0C || last == 0xFF1B ||
	    last == 0xFF1A || last == ')') && !rp_opens_conclusion(s, n);
}

/* A section's label at s: see classify.h.  A label of letters or
 * digits is followed by a space or ends s ("A." not "U.S."); one ending
 * in an ideographic mark runs into its title ("一、导言"). */
size_t
rp_section_label(const char *s, size_t n)
{
	rp_lang_hit	h;
	size_t		k = rp_lang_match(RP_LK_SECTION_LABEL, s, n, &h);

	if (k == 0 || rp_starts_lower(s, n) ||
	    (k < n && s[k] != ' ' && (unsigned char)s[k - 1] < 0x80))
		return 0;
	return k;
}

/* A section's title: see classify.h. */
int
rp_section_title(const char *s, size_t n)
{
	size_t	len;

	return title_shaped(s, n, 160) && s[n - 1] != ')' &&
	    rp_end_of_char(rp_utf8_last(s, n, &len)) == RP_END_NONE;
}

/* A section's heading: see classify.h. */
int
rp_section_heading(const char *s, size_t n)
{
	size_t	k = rp_section_label(s, n);

	if (k == 0)
		return 0;
	while (k < n && s[k] == ' ')
		k++;
	return k == n || rp_section_title(s + k, n - k);
}

/* Where in s the text numbered num runs on after pat: see classify.h. */
size_t
rp_run_on_at(const char *s, size_t n, const char *pat, int num)
{
	char		 at[24];
	const char	*hit;

	snprintf(at, sizeof(at), pat, num);
	hit = memmem(s, n, at, strlen(at));
	if (hit == NULL || !isupper((unsigned char)hit[strlen(at)]))
		return 0;
	return (size_t)(hit - s) + 2;
}

/*
 * A definition opening a block outside a ruled zone ("5 See", "¹ The",
 * "1/ S/26111."), in the text or in Markdown paragraphs.  Not "2
 * Requests" (a paragraph whose period a scan lost), nor "1 ـ يؤكد" (a
 * paragraph's number and its dash, as web copies set them), nor, where a
 * page break cut a sentence, a page that begins with a number: "on" then
 * "8 and 9 December 2014" or "8 December 2014".
 */
size_t
rp_note_block(const char *s, size_t n, const struct rp_note_place *at,
    char *marker, size_t size, int *slashed)
{
	size_t	k, nl, d;
	char	iso[11];

	if (rp_is_separator(s, n) ||
	    (k = rp_note_marker(s, n, marker, size, slashed)) == 0)
		return 0;
	/* A date alone ("25 de octubre de 1971." under "1976a. sesión
	 * plenaria,") is a closing line's, never a note. */
	if ((d = rp_parse_date(s, n, iso)) > 0 && (d == n || (d + 1 == n &&
	    s[d] == '.')))
		return 0;
	/* Right after note n, a block opening with n + 1 is the next note,
	 * even when its first word reads as a verb ("22 Ibid., …" then
	 * "23 Conséquences juridiques …" at a column's foot). */
	if (at->note_before > 0 && isdigit((unsigned char)marker[0]) &&
	    atoi(marker) == at->note_before + 1)
		return k;
	if (!((unsigned char)s[0] >= 0x80 || marker[0] == '*' ||
	    at->seen_content) || rp_scanned_number(s, n, &nl) != 0 ||
	    rp_paragraph_number(s, n, &nl) > 0)
		return 0;
	/* "… du Secrétaire" then "21 ibid., …" (a scan's lower case) is a
	 * note at a column's foot, not the sentence going on. */
	if (at->text_before != NULL &&
	    !rp_ends_clause(at->text_before, at->text_len) &&
	    ((rp_starts_lower(s + k, n - k) &&
	    rp_lang_phrase(RP_LK_NOTE_OPENING, s + k, n - k, NULL) == 0) ||
	    rp_parse_date(s, n, iso) > 0))
		return 0;
	return k;
}
/* --------------------------------------------------------- language */

/* The first language whose setting key has value v, or -1. */
static int
language_with(const char *key, const char *v)
{
	const char	*x;
	int		 l;

	for (l = 0; l < rp_lang_count(); l++)
		if ((x = rp_lang_setting(l, key)) != NULL && strcmp(x, v) == 0)
			return l;
	return -1;
}

static const char *
language_code(int l)
{
	const char *c = rp_lang_setting(l, "code");

	return c != NULL ? c : "eng";
}

const char *
rp_detect_language(const char *s, size_t n)
{
	size_t		 i = 0, letters[RP_SCRIPT__MAX] = { 0 };
	size_t		 counts[64], best = 0, han, cyr, arab, latin;
	uint32_t	 cp;
	int		 l, pick = -1;

	/* The first pages tell the language as well as the whole text. */
	if (n > 16384)
		n = 16384;

	/* The letters of other scripts; ASCII passed over, counted below
	 * only if there is another script to weigh it against. */
	while ((i += rp_ascii_prefix(s + i, n - i)) < n) {
		if (!rp_utf8_next(s, n, &i, &cp))
			break;
		letters[rp_script_of(cp)]++;
	}
	han = letters[RP_SCRIPT_HAN];
	cyr = letters[RP_SCRIPT_CYRILLIC];
	arab = letters[RP_SCRIPT_ARABIC];
	latin = letters[RP_SCRIPT_LATIN];
	for (i = 0; (han > 0 || cyr > 0 || arab > 0) && i < n; i++)
		latin += ((unsigned)(s[i] | 0x20) - 'a') < 26;
	/* A hanzi carries a word's worth of text: weigh it so. */
	if (han * 4 >= latin && han >= cyr && han >= arab && han > 0)
		pick = language_with("script", "han");
	else if (cyr > latin && cyr >= arab)
		pick = language_with("script", "cyrillic");
	else if (arab > latin)
		pick = language_with("script", "arabic");
	if (pick >= 0)
		return language_code(pick);
	/* Latin script: the language whose frequent words it uses most
	 * (ties go to the first table, English). */
	if (rp_lang_count() > (int)(sizeof(counts) / sizeof(counts[0])))
		return "eng";
	rp_lang_count_words(s, n, counts);
	for (l = 0; l < rp_lang_count(); l++)
		if (counts[l] > best && setting_is(l, "script", "latin")) {
			best = counts[l];
			pick = l;
		}
	return pick >= 0 ? language_code(pick) : "eng";
}

int
rp_starts_lower(const char *s, size_t n)
{
	uint32_t cp;

	if (rp_utf8_decode(s, n, &cp) == 0)
		return 0;
	if (cp < 0x80)
		return islower((int)cp);
	/* Latin-1 and Latin Extended-A lower-case letters. */
	return (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
	    (cp >= 0x100 && cp <= 0x17F && (cp & 1)) ||
	    (cp >= 0x430 && cp <= 0x44F);
}

int
rp_ordinal_word(const char *s, size_t n)
{
	return rp_lang_ordinal(s, n);
}

/* --------------------------------------------------------- masthead */

/* "/...", at the foot of an old document's page: more follows.  A scan
 * reads it "I •••" (A/RES/47/135, 1993), "I • ••" or "I . .•" (S/RES/827
 * (1993)). */
static int
continued_mark(const char *s, size_t n)
{
	size_t		 i = 0, len, dots = 0;
	uint32_t	 cp;

	if (n == 0 || (s[0] != '/' && s[0] != 'I'))
		return 0;
	for (i = 1; i < n && s[i] == ' '; i++)
		continue;
	for (; i < n && (len = rp_utf8_decode(s + i, n - i, &cp)) > 0 &&
	    (cp == '.' || cp == 0x2022 || cp == 0x2026 || cp == ' ');
	    i += len)
		dots += cp != ' ';
	return i == n && dots >= 2;
}

/* A note's anchor a word processor left in the PDF, its number and "F"
 * alone on a line ("0F", "12F" between the recitals of A/RES/64/292,
 * 2010): a mark of the print, no text and no page's foot. */
int
rp_is_note_anchor(const char *s, size_t n)
{
	size_t	i;

	for (i = 0; i < n && i < 3 && isdigit((unsigned char)s[i]); i++)
		continue;
	return i > 0 && i + 1 == n && s[i] == 'F';
}

/* "25-19432 (E)", "00 56500" (a text layer that lost the hyphen),
 * "*2519432*", "2/3", "/...", the recycling sign "♲" by "Please recycle":
 * print furniture; and the bar code drawn in
 * a font that maps its bars to grave accents ("`````````", S/RES/1325
 * (2000)): no text is made of them alone. */
int
rp_is_job_or_page(const char *s, size_t n)
{
	size_t		 i = 0, k;
	int		 a, b;

	while (i < n && s[i] == '`')
		i++;
	if ((i >= 4 && i == n) || continued_mark(s, n) ||
	    (n == 3 && memcmp(s, "\xe2\x99\xb2", 3) == 0))
		return 1;

	if (n >= 8 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && (s[2] == '-' || s[2] == ' ')) {
		for (i = 3; i < n && isdigit((unsigned char)s[i]); i++)
			continue;
		/* A reissued text's job number bears its "*" ("15-21698*
		 * (E)"). */
		k = i < n && s[i] == '*' ? i + 1 : i;
		if (i == 8 && (k == n || (n - k <= 5 && s[k] == ' ' &&
		    s[k + 1] == '(')))
			return 1;
	}
	if (n >= 8 && s[0] == '*' && s[n - 1] == '*') {
		for (i = 1; i < n - 1 && isdigit((unsigned char)s[i]); i++)
			continue;
		if (i == n - 1)
			return 1;
	}
	/* "3/7": on a copy of the line, as sscanf wants a string and the
	 * line is not one (nor may sscanf run through the whole input from
	 * every line: that was quadratic). */
	if (n < 32) {
		char line[32], tmp[32];

		memcpy(line, s, n);
		line[n] = '\0';
		if (sscanf(line, "%d/%d", &a, &b) == 2 && a > 0 && a <= b &&
		    b < 1000) {
			snprintf(tmp, sizeof(tmp), "%d/%d", a, b);
			return strcmp(tmp, line) == 0;
		}
	}
	return 0;
}

static int
is_symbol(const char *s, size_t n)
{
	size_t	i = 0, segs = 0;
	int	digit = 0;

	while (i < n && isupper((unsigned char)s[i]))
		i++;
	if (i == 0 || i > 8)
		return 0;
	while (i < n && s[i] == '/') {
		size_t j = ++i;

		while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '.' ||
		    s[i] == '-')) {
			digit |= isdigit((unsigned char)s[i]) != 0;
			i++;
		}
		if (i == j)
			return 0;
		segs++;
	}
	/* The series letter of an old General Assembly symbol ("217 A"). */
	if (i + 1 < n && s[i] == ' ' && isupper((unsigned char)s[i + 1]) &&
	    (i + 2 == n || s[i + 2] == ' '))
		i += 2;
	/* The year or session in brackets: "(1973)", "(III)". */
	if (i + 3 < n && s[i] == ' ' && s[i + 1] == '(' && s[n - 1] == ')' &&
	    (strspn(s + i + 2, "0123456789") == n - i - 3 ||
	    strspn(s + i + 2, "IVXLC") == n - i - 3))
		i = n;
	return i == n && segs >= 1 && digit;
}

/* A symbol as the UN writes it, in ASCII: Cyrillic capitals that look
 * Latin ("217 А (III)" in a Russian text) and full-width brackets
 * ("338（1973）" in a Chinese one) are the ASCII ones.  0 when s has
 * other non-ASCII characters or does not fit. */
static size_t
symbol_ascii(const char *s, size_t n, char *out, size_t size)
{
	size_t			 i, len, k = 0;
	uint32_t		 cp;

	for (i = 0; i < n && k + 2 < size; i += len) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return 0;
		if (cp == 0xFF08 && k > 0 && out[k - 1] != ' ')
			out[k++] = ' ';
		if (cp < 0x80)
			out[k++] = (char)cp;
		else if (cp == 0xFF08 || cp == 0xFF09)
			out[k++] = cp == 0xFF08 ? '(' : ')';
		else if ((out[k] = rp_latin_lookalike(cp)) != 0)
			k++;
		else
			return 0;
	}
	return i == n ? k : 0;
}

/* Whether a symbol's next component starts at s[i]: a number ("4"), or
 * letters, a point and a number ("Add.1", "Rev.1", "L.12"). */
static int
component_at(const char *s, size_t i, size_t n)
{
	size_t	j = i;

	if (i < n && isdigit((unsigned char)s[i]))
		return 1;
	while (j < n && isalpha((unsigned char)s[j]))
		j++;
	return j > i && j + 1 < n && s[j] == '.' &&
	    isdigit((unsigned char)s[j + 1]);
}

int
rp_symbol_gap(const char *s, size_t n, size_t i)
{
	return i > 0 && s[i - 1] == '/' && i < n && s[i] == ' ' &&
	    component_at(s, i + 1, n);
}

/* A symbol line as symbol_ascii gives it, its gaps closed. */
static size_t
symbol_line(const char *s, size_t n, char *out, size_t size)
{
	size_t	i, k = symbol_ascii(s, n, out, size), w = 0;

	for (i = 0; i < k; i++)
		if (!(out[i] == ' ' && w > 0 && out[w - 1] == '/' &&
		    component_at(out, i + 1, k)))
			out[w++] = out[i];
	return w;
}

/* A masthead line's length without its note's star: a reissued text's
 * symbol bears one ("S/RES/2250 (2015)*"). */
static size_t
without_star(const char *s, size_t n)
{
	return n > 1 && s[n - 1] == '*' && s[n - 2] != '*' ? n - 1 : n;
}

/* Strip Markdown strong/emphasis markers around a whole line. */
static void
unstar(const char **s, size_t *n)
{
	while (*n >= 2 && (**s == '*' || **s == '_') &&
	    ((*s)[*n - 1] == '*' || (*s)[*n - 1] == '_')) {
		(*s)++;
		*n -= 2;
	}
}

static int
starts(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncmp(s, prefix, k) == 0;
}

/* "1 (1946)", "181 (1963).", "第 1456（2003）号决议", "Resolution 500
 * (1982)": a resolution's own number and year. */
static int
doctype_number(const char *s, size_t n, int *num, int *year)
{
	rp_lang_hit h;

	if (rp_lang_match(RP_LK_DOCTYPE, s, n < 96 ? n : 96, &h) == 0 ||
	    h.num <= 0 ||
	    h.year < 1946)
		return 0;
	*num = h.num;
	*year = h.year;
	return 1;
}

/* "Distr.: General", "Distr. générale", "GENERAL", "LIMITED". */
static int
is_distribution(const char *s, size_t n)
{
	size_t k = rp_lang_phrase(RP_LK_DISTRIBUTION, s, n, NULL);

	return k > 0 && (k == n || s[k] == '.' || s[k] == ':');
}

/* Where the first word of s ends: at its first ASCII byte that is no
 * letter (n if none). */
static size_t
first_word_end(const char *s, size_t n)
{
	size_t	i = 0;

	while (i < n && ((unsigned char)s[i] >= 0x80 ||
	    isalpha((unsigned char)s[i])))
		i++;
	return i;
}

/* "بتاريخ 5 كانون الثاني/يناير 1988", "Dated 3 May 2001": a date after
 * one word of letters (not a symbol, "A/RES/49/12 21 November") and a
 * space, alone on its line (in lower case, "on 14 October 2025", it
 * continues the line before).  The word, the space and a date after
 * them first: most lines have none, and looking for a date anywhere
 * reads the whole line. */
static int
date_after_word(const char *s, size_t n)
{
	char	iso[11];
	size_t	w = first_word_end(s, n), at, k;

	if (w == 0 || w == n || s[w] != ' ' ||
	    rp_parse_date(s + w + 1, n - w - 1, iso) != n - w - 1)
		return 0;
	/* And no date before it. */
	k = rp_find_date(s, n, iso, &at);
	return k > 0 && at + k == n && at == w + 1;
}

static int
dated_line(const char *s, size_t n)
{
	return date_after_word(s, n) && !rp_starts_lower(s, n);
}

int
rp_names_doctype(const char *s, size_t n)
{
	rp_lang_hit	h;
	size_t		at;

	return rp_lang_find(RP_LK_DOCTYPE, s, n, &h, &at) > 0;
}

/* The number a General Assembly or ECOSOC resolution is printed under,
 * at s: "58/136", "ES-11/1", "S-30/1", "2005/19"; its length, 0 if
 * none. */
static size_t
resolution_number(const char *s, size_t n)
{
	size_t	i = 0, d;

	while (i < n && i < 3 && isupper((unsigned char)s[i]))
		i++;
	if (i > 0 && (i == n || s[i++] != '-'))
		return 0;
	for (d = i; i < n && (isdigit((unsigned char)s[i]) || s[i] == '/');
	    i++)
		continue;
	return i - d >= 3 && memchr(s + d, '/', i - d) != NULL ? i : 0;
}

/* A line in square brackets under the title: "[without reference to a
 * Main Committee (A/49/48)]", the draft's symbol "[S/1045]", "〔S/296〕";
 * OCR reads one of the brackets as "(", ")" or "}" at times. */
static int
bracketed_line(const char *s, size_t n)
{
	int	open = s[0] == '[' ? 2 : s[0] == '(',
		close = s[n - 1] == ']' ? 2 : s[n - 1] == ')' || s[n - 1] == '}';

	if (n >= 6 && memcmp(s, "〔", 3) == 0 && memcmp(s + n - 3, "〕",
	    3) == 0)
		return 1;
	return open > 0 && close > 0 && open + close >= 3;
}

static int
masthead_role(const char *s, size_t n)
{
	char		 iso[11], sym[64];
	int		 a, b;
	size_t		 end, k;
	rp_lang_hit	 h;

	unstar(&s, &n);
	if (n == 0)
		return RP_ROLE_NONE;
	if (rp_lang_is(RP_LK_ORGANIZATION, s, n, NULL))
		return RP_ROLE_ORGANIZATION;
	if (masthead_body(s, n) != RP_BODY_UNKNOWN)
		return RP_ROLE_BODY;
	if (is_distribution(s, n))
		return RP_ROLE_DISTRIBUTION;
	if ((k = symbol_line(s, without_star(s, n), sym, sizeof(sym))) > 0 &&
	    is_symbol(sym, k))
		return RP_ROLE_SYMBOL;
	if (rp_parse_date(s, n, iso) == n || dated_line(s, n))
		return RP_ROLE_DATE;
	if (n < 80 && rp_lang_match(RP_LK_SESSION, s, n, &h) > 0)
		return RP_ROLE_SESSION;
	if (rp_lang_phrase(RP_LK_AGENDA, s, n, NULL) > 0)
		return RP_ROLE_AGENDA;
	if (n >= 8 && ((isdigit((unsigned char)s[0]) && s[2] == '-') ||
	    (s[0] == '*' && isdigit((unsigned char)s[1])))) {
		if (rp_is_job_or_page(s, n))
			return RP_ROLE_JOB;
	}
	/* A number and year, or the bare word alone on its line. */
	if (doctype_number(s, n, &a, &b) || (n < 96 && (end = rp_lang_match(
	    RP_LK_DOCTYPE, s, n, &h)) > 0 && h.num < 0 && end == n))
		return RP_ROLE_DOCTYPE;
	if (n < 300 && rp_lang_match(RP_LK_HEADING, s, n, &h) > 0)
		return RP_ROLE_ADOPTION;
	if (bracketed_line(s, n))
		return RP_ROLE_COMMITTEE;
	/* "2005/19", "77/13.": the number alone, its title below. */
	if ((k = resolution_number(s, n)) > 0 && (k == n ||
	    (k + 1 == n && s[k] == '.')))
		return RP_ROLE_NUMBER;
	return RP_ROLE_NONE;
}

int
rp_masthead_role(const char *s, size_t n)
{
	return remembered(Q_MASTHEAD_ROLE, masthead_role, s, n);
}

/* Whether cp is a letter of an alphabet: not a Han character, a sign
 * such as "º" or "°" that an ordinal puts before digits, nor the Arabic
 * tatweel that joins a prefix to a number ("بـ14 صوتاً"). */
static int
alphabet_letter(uint32_t cp)
{
	return cp < 0x80 ? isalpha((int)cp) : cp >= 0xC0 && cp != 0x0640 &&
	    !rp_is_cjk(cp) && !rp_is_space(cp);
}

/* s without the note markers glued to the end of a word
 * ("contre zéro19.", "to none19", "abstentions19."): a count word with a
 * marker is still the count.  Digits after one letter stay ("l3" may be
 * OCR for 13), and so do Chinese counts ("以13票"). */
static void
unglue_markers(rp_buf *b, const char *s, size_t n)
{
	size_t		 i = 0, len, d;
	uint32_t	 cp;
	int		 letters = 0;

	while (i < n) {
		if (letters >= 2 && isdigit((unsigned char)s[i])) {
			for (d = i; d < n && isdigit((unsigned char)s[d]); d++)
				;
			if (d - i <= 3 && (d == n || strchr(" .,;:)", s[d]))) {
				i = d;
				continue;
			}
		}
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0) {
			len = 1;
			cp = 0;
		}
		letters = alphabet_letter(cp) ? letters + 1 : 0;
		rp_buf_put(b, s + i, len);
		i += len;
	}
}

/* The votes a line states ("by 13 votes to none, with 2 abstentions",
 * "以13票对零票、2票弃权") into m. */
static void
votes_in(rp_meta *m, const char *line, size_t len)
{
	rp_lang_hit	 h;
	rp_buf		 b;
	size_t		 from = 0, at, n;
	int		 v[3] = { -1, -1, -1 }, k;
	const char	*s;

	rp_buf_init(&b);
	unglue_markers(&b, line, len);
	s = b.data != NULL ? b.data : "";
	n = b.len;
	while (from < n && rp_lang_find(RP_LK_VOTES, s + from, n - from, &h,
	    &at) > 0) {
		for (k = 0; k < 3; k++)
			if (h.votes[k] != -1)
				v[k] = h.votes[k];
		from += h.end > at ? h.end : at + 1;
	}
	rp_buf_free(&b);
	/* Never a count the text does not state: members named, not
	 * counted ("China and France abstaining"), leave the vote unknown. */
	if (v[0] < 0 || v[1] == RP_LANG_NAMED || v[2] == RP_LANG_NAMED)
		return;
	m->votes_for = v[0];
	m->votes_against = v[1] > 0 ? v[1] : 0;
	m->votes_abstain = v[2] > 0 ? v[2] : 0;
}

/* The meeting a line names ("at its 4415th meeting", "第4688次会议"):
 * its number and words into m, when m has none. */
static int
meeting_in(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	rp_lang_hit	 h;
	size_t		 at;

	if (rp_lang_find(RP_LK_MEETING, s, n, &h, &at) == 0 || h.n <= 0)
		return 0;
	if (m->meeting == NULL) {
		rp_buf b;
		char num[16];

		/* As printed, but the number read through OCR noise:
		 * "298Ist meeting" is the 2981st, "I851st" the 1851st. */
		rp_buf_init(&b);
		rp_buf_put(&b, s + at, h.n_at - at);
		if (strspn(s + h.n_at, "0123456789") < h.suf_at - h.n_at &&
		    (isdigit((unsigned char)s[h.n_at]) ||
		    isdigit((unsigned char)s[h.n_at + 1])))
			rp_buf_put(&b, num, (size_t)snprintf(num, sizeof(num),
			    "%d", h.n));
		else
			rp_buf_put(&b, s + h.n_at, h.suf_at - h.n_at);
		rp_buf_put(&b, s + h.suf_at, h.suf_end - h.suf_at);
		rp_buf_put(&b, s + h.n_end, h.end - h.n_end);
		m->meeting_number = h.n;
		m->meeting = rp_doc_strndup(doc, b.data, b.len);
		rp_buf_free(&b);
	}
	return 1;
}

/* Past the date s opens with and the commas after it, or 0 when s opens
 * with no date. */
static size_t
past_date(const char *s, size_t n)
{
	char		iso[11];
	size_t		k = rp_parse_date(s, n, iso), len;
	uint32_t	cp;

	while (k > 0 && k < n && (len = rp_utf8_decode(s + k, n - k,
	    &cp)) > 0 && (rp_is_space(cp) || cp == ',' || cp == 0xFF0C ||
	    cp == 0x3001 || cp == 0x060C))
		k += len;
	return k;
}

/* "2000年3月15日 第93次全体会议", "一九四六年二月十四日,第三十一次全会":
 * where the meeting starts after the date a closing line may open with,
 * else 0. */
static size_t
date_first(const char *s, size_t n)
{
	size_t	k = past_date(s, n);

	return k < n ? k : 0;
}

int
rp_date_alone(const char *s, size_t n)
{
	return n > 0 && past_date(s, n) == n;
}

/* A closing line: "36th plenary meeting", "1976e séance plénière, 25
 * octobre 1971", "第4872次会议一致通过。", or an adoption line naming
 * the meeting: "Adopted at the 1748th meeting by 13 votes to none",
 * "Adoptée à la 263e séance", "Принята единогласно на 4872-м
 * заседании".  Fills the meeting, date and vote into m. */
static int
opens_conclusion(const char *s, size_t n)
{
	size_t		 k = date_first(s, n);
	rp_lang_hit	 h;

	return rp_lang_match(RP_LK_MEETING, s + k, n - k < 96 ? n - k : 96,
	    &h) > 0 || rp_lang_phrase(RP_LK_ADOPTED, s, n, NULL) > 0;
}

int
rp_opens_conclusion(const char *s, size_t n)
{
	return remembered(Q_OPENS_CONCLUSION, opens_conclusion, s, n);
}

/* The first date in s into m, over one it has if replace. */
static void
date_meta(rp_doc *doc, rp_meta *m, const char *s, size_t n, int replace)
{
	char	 iso[11];
	size_t	 at;

	if ((replace || m->date == NULL) && rp_find_date(s, n, iso, &at) > 0)
		m->date = rp_doc_strdup(doc, iso);
}

/* rp_conclusion_line of a line that opens as a closing line does
 * (rp_opens_conclusion): its facts into m. */
static int
conclusion_facts(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	/* A line that opens with a meeting is short; an adoption line may
	 * run on (a note glued to it). */
	if (n > 300 && rp_lang_phrase(RP_LK_ADOPTED, s, n, NULL) == 0)
		return 0;
	if (!meeting_in(doc, m, s, n))
		return 0;
	votes_in(m, s, n);
	/* The closing line's date is the adoption's: over the masthead's,
	 * the date of issue ("3 February 1993" over "92nd plenary meeting,
	 * 18 December 1992", A/RES/47/135). */
	date_meta(doc, m, s, n, m->kind != RP_DOC_LETTER);
	return 1;
}

int
rp_conclusion_line(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	return rp_opens_conclusion(s, n) && conclusion_facts(doc, m, s, n);
}

int
rp_closes_body(rp_doc *doc, rp_meta *m, const char *s, size_t n,
    int in_body)
{
	/* Asked once: a long text's answer is not kept. */
	return rp_opens_conclusion(s, n) &&
	    (conclusion_facts(doc, m, s, n) || in_body);
}

int
rp_ends_sentence(const char *s, size_t n)
{
	rp_clause_end	e = rp_clause_end_of(s, n);

	return e != RP_END_NONE && e != RP_END_COMMA;
}

/* What a closing line gives: 0 when it is none, 1 when it is, plus one
 * for each of its meeting, date and vote. */
static int
closing_facts(rp_doc *doc, const char *s, size_t n)
{
	rp_meta	 m;

	memset(&m, 0, sizeof(m));
	m.votes_for = -1;
	if (!rp_conclusion_line(doc, &m, s, n))
		return 0;
	return 1 + (m.meeting != NULL) + (m.date != NULL) +
	    (m.votes_for >= 0);
}

int
rp_completes_closing(rp_doc *doc, const char *a, size_t an, const char *b,
    size_t bn)
{
	rp_buf	t;
	int	more;

	/* Nor after a sentence and its note's marker ("Adopted at the
	 * 406th meeting. 7"): a note follows. */
	if (!(rp_opens_conclusion(a, an) || rp_date_alone(a, an)) ||
	    rp_ends_sentence(a, an) || rp_ends_sentence(a,
	    rp_before_end_marker(a, an)))
		return 0;
	rp_buf_init(&t);
	rp_buf_put(&t, a, an);
	rp_buf_putc(&t, ' ');
	rp_buf_put(&t, b, bn);
	more = closing_facts(doc, t.data, t.len) > closing_facts(doc, a, an);
	rp_buf_free(&t);
	return more;
}

/*
 * rp_masthead_meta() fills m from a masthead line s (n bytes) with the
 * function of its role.
 */
typedef void role_meta(rp_doc *, rp_meta *, const char *, size_t);

static void
body_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	(void)doc;
	m->body = masthead_body(s, n);
}

static void
symbol_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	char	 sym[64];
	size_t	 k;

	if (m->symbol == NULL && (k = symbol_line(s, without_star(s, n), sym,
	    sizeof(sym))) > 0)
		m->symbol = rp_doc_strndup(doc, sym, k);
}

/* "Distr.: General": what follows the label. */
static void
distribution_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	const char	*p;

	if ((p = memchr(s, ':', n)) == NULL && (p = memchr(s, '.',
	    n)) == NULL) {
		m->distribution = rp_doc_strndup(doc, s, n);
		return;
	}
	for (p++; p < s + n && (*p == ' ' || *p == ':'); p++)
		continue;
	if (p < s + n)
		m->distribution = rp_doc_strndup(doc, p, (size_t)(s + n - p));
}

static void
date_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	date_meta(doc, m, s, n, 0);
}

static void
session_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	rp_lang_hit	 h;

	m->session = rp_doc_strndup(doc, s, n);
	if (rp_lang_match(RP_LK_SESSION, s, n, &h) > 0 && h.ord > 0)
		m->session_number = h.ord;
}

static void
doctype_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	char	 buf[16];
	int	 num, year;

	if (doctype_number(s, n, &num, &year)) {
		snprintf(buf, sizeof(buf), "%d", num);
		m->number = rp_doc_strdup(doc, buf);
		m->year = year;
		/* N (YYYY) is how the Security Council numbers. */
		if (m->body == RP_BODY_UNKNOWN)
			m->body = RP_BODY_SC;
	}
	date_meta(doc, m, s, n, 0);
	/* "Резолюция 1224 (1999), принятая Советом Безопасности на его
	 * 3971-м заседании, 28 января 1999 года" */
	meeting_in(doc, m, s, n);
	votes_in(m, s, n);
}

static void
number_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	size_t	i;

	/* "四" over a 1946 text in Chinese counts the texts of a
	 * compilation ("一" over A/RES/26 (I)): no resolution number,
	 * which is in digits ("58/136", "ES-11/1"). */
	for (i = 0; i < n && !isdigit((unsigned char)s[i]); i++)
		continue;
	if (i == n)
		return;
	m->number = rp_doc_strndup(doc, s, n);
	if (n > 0 && s[n - 1] == '.')
		m->number = rp_doc_strndup(doc, s, n - 1);
}

static void
adoption_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	date_meta(doc, m, s, n, 1);
	meeting_in(doc, m, s, n);
	votes_in(m, s, n);
	if (m->body == RP_BODY_UNKNOWN)
		m->body = body_in(s, n);
}

/* Whether s holds two letters or ideographs: a line of one letter is
 * the series letter of the UN mark ("S" of the Security Council's
 * masthead), one of none the emblem as OCR read it ("•"). */
static int
has_two_letters(const char *s, size_t n)
{
	size_t		 i = 0, letters = 0;
	uint32_t	 cp;

	while (letters < 2 && rp_utf8_next(s, n, &i, &cp))
		if (rp_script_of(cp) != RP_SCRIPT_NONE)
			letters++;
	return letters == 2;
}

/* Where the title starts after a General Assembly number with its
 * session opening the line ("2758 (XXVI). Restitución …", "Résolution
 * 2758 (XXVI). Rétablissement …", "二一五九(二十一)、中国…": [titles] of
 * lang/<lang>.conf), the number a block of the masthead reads: 0 if
 * none. */
static size_t
after_session_number(const char *s, size_t n)
{
	rp_lang_hit	h;
	size_t		end, k;
	int		sep;

	if ((end = rp_lang_match(RP_LK_TITLE, s, n, &h)) == 0 ||
	    h.session <= 0 || h.num <= 0)
		return 0;
	for (k = end; k < n && strchr(". :", s[k]) != NULL; k++)
		continue;
	if (k + 3 <= n && (memcmp(s + k, "、", 3) == 0 ||
	    memcmp(s + k, "．", 3) == 0))
		k += 3;
	/* The pattern may end on the full stop or comma itself. */
	sep = k > end || s[end - 1] == '.' ||
	    (end >= 3 && memcmp(s + end - 3, "、", 3) == 0);
	return sep && k < n && has_two_letters(s + k, n - k) ? k : 0;
}

/* Where the title starts after "54/254." that a copy ran the masthead
 * lines before onto ("第五十四届会议议程项目 2000年9月5日 15:27 大会决议 […]
 * 54/254.联合国千年首脑会议"): 0 if no such number follows a space. */
static size_t
after_number_within(const char *s, size_t n)
{
	size_t	p, k;

	for (p = 1; p < n; p++)
		if (s[p - 1] == ' ' &&
		    (k = rp_number_before_title(s + p, n - p)) > 0)
			return p + k + (s[p + k] == ' ');
	return 0;
}

static void
title_role(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	size_t	k;

	if (m->title == NULL) {
		if ((k = after_session_number(s, n)) == 0)
			k = after_number_within(s, n);
		m->title = rp_doc_strndup(doc, s + k, n - k);
	}
	if (m->kind != RP_DOC_LETTER)
		return;
	/* "Letter dated 30 December 2021 from the President of the
	 * Security Council ...": its date and the body. */
	if (body_in(s, n) == RP_BODY_SC)
		m->body = RP_BODY_SC;
	date_meta(doc, m, s, n, 1);
}

/* Metadata found in one masthead line. */
void
rp_masthead_meta(rp_doc *doc, rp_meta *m, int role, const char *s, size_t n)
{
	static role_meta *const by_role[RP_ROLE__MAX] = {
		[RP_ROLE_BODY] = body_role,
		[RP_ROLE_SYMBOL] = symbol_role,
		[RP_ROLE_DISTRIBUTION] = distribution_role,
		[RP_ROLE_DATE] = date_role,
		[RP_ROLE_SESSION] = session_role,
		[RP_ROLE_DOCTYPE] = doctype_role,
		[RP_ROLE_NUMBER] = number_role,
		[RP_ROLE_ADOPTION] = adoption_role,
		[RP_ROLE_TITLE] = title_role,
	};

	unstar(&s, &n);
	if (role >= 0 && role < RP_ROLE__MAX && by_role[role] != NULL)
		by_role[role](doc, m, s, n);
}

/* "四 非政府组织代表出席…" (the Assembly's texts of 1946 in Chinese): a
 * number in the language's own numerals alone ([titles] of
 * lang/zh.conf), a space, then a title in that language's script; never
 * digits ("2025 Political Declaration …" is a title). */
static size_t
numeral_before_title(const char *s, size_t n)
{
	rp_lang_hit	 h;
	size_t		 end = rp_lang_match(RP_LK_TITLE, s, n, &h), i;
	uint32_t	 cp;
	const char	*script;

	if (end == 0 || h.num > 0 || h.session > 0 || h.year > 0 ||
	    end + 1 >= n || s[end] != ' ')
		return 0;
	i = end + 1;
	if (!rp_utf8_next(s, n, &i, &cp))
		return 0;
	script = rp_script_name(rp_script_of(cp));
	return script != NULL && setting_is(h.lang, "script", script) &&
	    has_two_letters(s + end, n - end) ? end : 0;
}

/* "58/136. Title", "ES-11/1. Title", "49/12.Work of …" (a copy lost the
 * space), "54/254.联合国…" (ideographs, from U+3000), "四 非政府…": the
 * number before the title, with its full stop. */
size_t
rp_number_before_title(const char *s, size_t n)
{
	size_t i = resolution_number(s, n);

	if (i == 0)
		return numeral_before_title(s, n);
	if (i + 2 > n || s[i] != '.' || (s[i + 1] != ' ' &&
	    !isupper((unsigned char)s[i + 1]) &&
	    (unsigned char)s[i + 1] < 0xE3))
		return 0;
	return i + 1;
}

/* Vote labels of a letter: "赞成：", "In favour:". */
int
rp_vote_label(const char *s, size_t n)
{
	size_t	k;
	int	v;

	if ((k = rp_lang_phrase(RP_LK_VOTE_LABEL, s, n, &v)) == 0 ||
	    n < k + 1 || n > k + 3)
		return 0;
	if (s[k] == ':' || (k + 3 <= n && memcmp(s + k, "：", 3) == 0))
		return (v == RP_LV_FOR ? RP_VOTE_FOR : v == RP_LV_AGAINST ?
		    RP_VOTE_AGAINST : RP_VOTE_ABSTAIN) + 1;
	return 0;
}

/* The members of a vote group: names split at "、" or ", "; a count in
 * words ("None.") is that count. */
int
rp_count_members(const char *s, size_t n)
{
	size_t		i;
	int		c = 1;
	uint32_t	last;
	size_t		len;

	while (n > 0) {
		last = rp_utf8_last(s, n, &len);
		if (last != '.' && last != 0x3002)
			break;
		n -= len;
	}
	if (n == 0)
		return 0;
	if (rp_lang_is(RP_LK_NUMBER_WORD, s, n, &c))
		return c;
	for (i = 0; i < n; i++) {
		if (i + 3 <= n && memcmp(s + i, "、", 3) == 0)
			c++;
		else if (i + 2 <= n && memcmp(s + i, "،", 2) == 0)
			c++;
		else if (s[i] == ',')
			c++;
	}
	return c;
}

void
rp_vote_members(rp_meta *m, rp_node *g, const char *s, size_t n)
{
	g->count = rp_count_members(s, n);
	if (g->role == RP_VOTE_FOR)
		m->votes_for = g->count;
	else if (g->role == RP_VOTE_AGAINST)
		m->votes_against = g->count;
	else
		m->votes_abstain = g->count;
}

/* Whether a document text is a letter: its first line says so. */
int
rp_is_letter_title(const char *s, size_t n)
{
	rp_lang_hit h;

	return rp_lang_match(RP_LK_LETTER, s, n, &h) > 0;
}

/* Where a phrase of [adopted] ("Adopted", "تم اعتماد") starts a word of
 * t at or after i, or n. */
static size_t
adopted_at(const char *t, size_t n, size_t i)
{
	for (; i < n; i++)
		if ((i == 0 || t[i - 1] == ' ') &&
		    rp_lang_phrase(RP_LK_ADOPTED, t + i, n - i, NULL) > 0)
			return i;
	return n;
}

/* The date a title gives after the word that says the resolution was
 * adopted ("تم اعتماد قرار … 273 في 11 مايو 1949 … رقم 69 في 4 مارس
 * 1949"), else the date it ends with ("Resolution of 30 August 1974"),
 * else the only date it gives ("قرار ... رقم 338 في 22 تشرين الأول
 * (أكتوبر) 1973. تبنى ..."), not one of several it cites on its way. */
static int
title_date(const char *t, struct years y, char iso[11])
{
	char	 last[11];
	size_t	 n = strlen(t), at, from = 0, end = 0, k;
	int	 dates = 0, differ = 0;

	while (n > 0 && (t[n - 1] == '.' || t[n - 1] == ' ' ||
	    t[n - 1] == ')' || t[n - 1] == ']'))
		n--;
	if ((k = adopted_at(t, n, 0)) < n &&
	    find_date_of(t + k, n - k, n - k, y, iso, &at) > 0)
		return 1;
	while (from < n && (k = find_date_of(t + from, n - from, n - from,
	    y, last, &at)) > 0) {
		from = end = from + at + k;
		differ |= dates++ > 0 && strcmp(iso, last) != 0;
		memcpy(iso, last, sizeof(last));
	}
	return end > 0 && (end == n || !differ);
}

/* The date a note of the preface gives as a title would, when it is
 * the only note that gives one ("فيما يلي ترجمة ... لقرار مجلس الأمن 425
 * والذي أصدره في 19 مارس/آذار 1978:", a web copy's introduction below
 * its title): 1, else 0. */
static int
note_date(const rp_node *preface, struct years y, char iso[11])
{
	const rp_node	*b;
	rp_buf		 t;
	char		 d[11];
	int		 found = 0;

	for (b = preface ? preface->first : NULL; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK || b->role != RP_ROLE_NOTE)
			continue;
		rp_buf_init(&t);
		rp_node_text(b, &t);
		if (t.len > 0 && title_date(t.data, y, d)) {
			memcpy(iso, d, sizeof(d));
			found++;
		}
		rp_buf_free(&t);
	}
	return found == 1;
}

/* The session of a General Assembly symbol's old form, "A/RES/2847
 * (XXVI)", else m's own; 0 if none. */
static int
ga_session(const rp_meta *m)
{
	const char	*p;
	size_t		 len;
	int		 v;

	if (m->session_number > 0 || m->symbol == NULL ||
	    !starts(m->symbol, strlen(m->symbol), "A/RES/") ||
	    (p = strchr(m->symbol, '(')) == NULL)
		return m->session_number;
	v = rp_roman_value(p + 1, strlen(p + 1), &len);
	return v > 0 && p[1 + len] == ')' ? v : 0;
}

/* The years m's adoption may fall in: its symbol's, else those of its
 * General Assembly session (the Nth opens in September of 1945 + N). */
static struct years
years_of(const rp_meta *m)
{
	struct years	y = no_years;
	int		s = ga_session(m);

	if (m->year > 0)
		y.lo = y.hi = m->year;
	else if (s > 0) {
		y.lo = 1945 + s;
		y.hi = y.lo + 1;
	}
	return y;
}

/* A resolution whose closing lines give no date: the date its title
 * gives ("... of 30 August 1974"), or else a note above the text, when
 * it agrees with the year; else only what is known, said in a warning.
 * No date is ever made up. */
static void
adoption_date(rp_doc *doc, rp_meta *m, const rp_node *preface)
{
	char		 iso[11];
	const char	*from = NULL;
	struct years	 y = years_of(m);

	if (m->date != NULL || m->kind != RP_DOC_RESOLUTION)
		return;
	if (m->title != NULL && title_date(m->title, y, iso))
		from = "title";
	else if (note_date(preface, y, iso))
		from = "note above the text";
	if (from != NULL && (m->year == 0 || atoi(iso) == m->year)) {
		m->date = rp_doc_strdup(doc, iso);
		rp_msg(doc, RP_WARNING, "missing-date", 1, 1, "adoption date "
		    "not stated; %s taken from the %s", iso, from);
	} else if (m->year > 0)
		rp_msg(doc, RP_WARNING, "missing-date",
		    1, 1, "adoption date not found; "
		    "only the year %d is known", m->year);
	else
		rp_msg(doc, RP_WARNING, "missing-date",
		    1, 1, "adoption date not found");
}

/* Symbol, number, year and body explain one another: what the symbol
 * says. */
static void
meta_of_symbol(rp_doc *doc, rp_meta *m)
{
	const char	*s = m->symbol;
	char		 buf[64];
	int		 a, y;

	if (sscanf(s, "S/RES/%d (%d)", &a, &y) == 2) {
		m->body = RP_BODY_SC;
		snprintf(buf, sizeof(buf), "%d", a);
		m->number = rp_doc_strdup(doc, buf);
		m->year = y;
	} else if (starts(s, strlen(s), "A/RES/")) {
		m->body = RP_BODY_GA;
		m->number = rp_doc_strdup(doc, s + 6);
	} else if (starts(s, strlen(s), "E/RES/")) {
		m->body = RP_BODY_ECOSOC;
		m->number = rp_doc_strdup(doc, s + 6);
		m->year = atoi(s + 6);
	} else if (starts(s, strlen(s), "A/HRC/RES/")) {
		m->body = RP_BODY_HRC;
		m->number = rp_doc_strdup(doc, s + 10);
	}
}

/* What the number says of the year and session. */
static void
meta_of_number(rp_meta *m)
{
	if (m->year == 0 && m->number != NULL && m->body == RP_BODY_ECOSOC)
		m->year = atoi(m->number);
	if (m->session_number == 0 && m->body == RP_BODY_GA &&
	    m->number != NULL && strchr(m->number, '/'))
		m->session_number = atoi(m->number);
}

/* The resolution symbols n cites, into *one: 1 while they are all the
 * same (or none), 0 once two differ. */
static int
one_resolution_cited(const rp_node *n, const char **one)
{
	const rp_node	*c;
	const char	*s;

	if (n->type == RP_NODE_DOCREF && n->ref != NULL &&
	    (s = n->ref->symbol) != NULL && strstr(s, "/RES/") != NULL) {
		if (*one != NULL && strcmp(*one, s) != 0)
			return 0;
		*one = s;
	}
	for (c = n->first; c != NULL; c = c->next)
		if (!one_resolution_cited(c, one))
			return 0;
	return 1;
}

/* A text whose heading gives no number but its symbol ("Резолюция Совета
 * Безопасности ООН от 4 апреля 1946 года № S/RES/3 (1946)", a wiki's
 * heading; "A/RES/49/12 21 November 1994"): the one resolution its title
 * and document-type lines cite is its own. */
static void
title_symbol(rp_doc *doc, rp_meta *m, const rp_node *preface)
{
	const rp_node	*b;
	const char	*one = NULL;

	for (b = preface ? preface->first : NULL; b != NULL; b = b->next)
		if (b->type == RP_NODE_BLOCK && (b->role == RP_ROLE_TITLE ||
		    b->role == RP_ROLE_DOCTYPE) &&
		    !one_resolution_cited(b, &one))
			return;
	if (one != NULL && (m->body == RP_BODY_UNKNOWN ||
	    (m->body == RP_BODY_SC) == starts(one, strlen(one), "S/RES/")))
		m->symbol = rp_doc_strdup(doc, one);
}

/* The number (and year) a title line gives the text ("Resolution 608",
 * "Résolution 26 du Conseil de sécurité", "قرار مجلس الأمن رقم 425": the
 * [titles] of lang/<lang>.conf) into *num, *year: 1 while every number
 * the line names is the same one (or none), 0 once two differ. */
struct title_number {
	int	num, year, session;
};

/* A session ("2758 (XXVI). Restitution …") is the text's own where the
 * number opens the line, or a word before it names the document
 * ("Resolution 2758 (XXVI)", "第2758(XXVI)号决议"). */
static int
own_session(const char *s, size_t from, size_t at)
{
	return from + at == 0 || !isdigit((unsigned char)s[from + at]);
}

static int
title_number_in(const char *s, size_t n, struct title_number *tn)
{
	rp_lang_hit	 h;
	size_t		 from = 0, at, end;

	while (from < n && (end = rp_lang_find(RP_LK_TITLE, s + from,
	    n - from, &h, &at)) > 0) {
		if (h.session > 0 && !own_session(s, from, at))
			h.session = h.num = 0;
		if ((h.num > 0 && tn->num > 0 && tn->num != h.num) ||
		    (h.year > 0 && tn->year > 0 && tn->year != h.year) ||
		    (h.session > 0 && tn->session > 0 &&
		    tn->session != h.session))
			return 0;
		if (h.num > 0)
			tn->num = h.num;
		if (h.year > 0)
			tn->year = h.year;
		if (h.session > 0)
			tn->session = h.session;
		from += end > at ? end : at + 1;
	}
	return 1;
}

/* A General Assembly number with its session ("2758 (XXVI)"): the
 * number of the symbol A/RES/2758 (XXVI). */
static void
session_number(rp_doc *doc, rp_meta *m, const struct title_number *tn)
{
	char	buf[40], roman[24];

	rp_roman_write(tn->session, roman);
	snprintf(buf, sizeof(buf), "%d (%s)", tn->num, roman);
	m->number = rp_doc_strdup(doc, buf);
	m->body = RP_BODY_GA;
	if (m->session_number == 0)
		m->session_number = tn->session;
}

/* A text whose title lines (before the formula, never the body's
 * citations) name one resolution number: its own.  A Council number,
 * the year from the title or else the adoption date; a General
 * Assembly number needs its session ("498 (V)"). */
static void
title_number(rp_doc *doc, rp_meta *m, const rp_node *preface)
{
	const rp_node	*b;
	rp_buf		 t;
	struct title_number tn = { 0, 0, 0 };
	int		 num, year, ok = 1, body = m->body;
	char		 buf[16];

	for (b = preface ? preface->first : NULL; b != NULL && ok;
	    b = b->next) {
		if (b->type != RP_NODE_BLOCK || b->role != RP_ROLE_TITLE)
			continue;
		rp_buf_init(&t);
		rp_node_text(b, &t);
		ok = title_number_in(t.data, t.len, &tn);
		if (body == RP_BODY_UNKNOWN)
			body = body_in(t.data, t.len);
		rp_buf_free(&t);
	}
	num = tn.num;
	year = tn.year;
	/* A number with its year, no session: how the Council numbers. */
	if (body == RP_BODY_UNKNOWN && year > 0 && tn.session == 0)
		body = RP_BODY_SC;
	/* A number with its session: how the Assembly numbers. */
	if (body == RP_BODY_UNKNOWN && tn.session > 0)
		body = RP_BODY_GA;
	if (ok && num > 0 && tn.session > 0 && body == RP_BODY_GA)
		session_number(doc, m, &tn);
	if (!ok || num <= 0 || body != RP_BODY_SC)
		return;
	if (year == 0 && m->date != NULL)
		year = atoi(m->date);
	snprintf(buf, sizeof(buf), "%d", num);
	m->number = rp_doc_strdup(doc, buf);
	m->body = body;
	if (year > 0 && (m->year == 0 || m->year == year))
		m->year = year;
}

void
rp_meta_set_symbol(rp_doc *doc, rp_meta *m, const char *symbol)
{
	if ((m->symbol = rp_doc_strdup(doc, symbol)) == NULL)
		return;
	meta_of_symbol(doc, m);
	meta_of_number(m);
}

/* A masthead line (the title, or a note under it) that tells how the
 * resolution was adopted, as web copies introduce it ("... تبنى مجلس
 * الأمن ... هذا القرار، في جلسته رقم 1747، بـ 14 صوتا مقابل لا شيء"):
 * its meeting and vote into m; whether it named a meeting. */
static int
adoption_told(rp_doc *doc, rp_meta *m, const char *t, size_t n)
{
	size_t i;

	for (i = adopted_at(t, n, 0); i < n; i = adopted_at(t, n, i + 1)) {
		if (meeting_in(doc, m, t + i, n - i)) {
			if (m->votes_for < 0)
				votes_in(m, t + i, n - i);
			return 1;
		}
	}
	return 0;
}

/* The meeting and vote the title or a masthead note tells, when no
 * closing line gave them: one line in a copy that joins its masthead,
 * a note of its own where the lines stay apart. */
static void
title_adoption(rp_doc *doc, rp_meta *m, const rp_node *preface)
{
	const rp_node	*b;
	rp_buf		 t;
	int		 told;

	if (m->meeting != NULL || m->kind != RP_DOC_RESOLUTION ||
	    (m->title != NULL && adoption_told(doc, m, m->title,
	    strlen(m->title))))
		return;
	for (b = preface ? preface->first : NULL; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK || b->role != RP_ROLE_NOTE)
			continue;
		rp_buf_init(&t);
		rp_node_text(b, &t);
		told = t.data != NULL && adoption_told(doc, m, t.data, t.len);
		rp_buf_free(&t);
		if (told)
			return;
	}
}

/* The symbol a number, body and year make (a Council number needs its
 * year). */
static void
symbol_of_number(rp_doc *doc, rp_meta *m)
{
	char	 buf[64];

	if (m->symbol != NULL || m->number == NULL)
		return;
	if (m->body == RP_BODY_SC && m->year)
		snprintf(buf, sizeof(buf), "S/RES/%s (%d)", m->number,
		    m->year);
	else if (m->body == RP_BODY_GA)
		snprintf(buf, sizeof(buf), "A/RES/%s", m->number);
	else if (m->body == RP_BODY_ECOSOC)
		snprintf(buf, sizeof(buf), "E/RES/%s", m->number);
	else if (m->body == RP_BODY_HRC)
		snprintf(buf, sizeof(buf), "A/HRC/RES/%s", m->number);
	else
		return;
	m->symbol = rp_doc_strdup(doc, buf);
}

void
rp_finish_meta(rp_doc *doc, rp_meta *m, const char *text, size_t n,
    const rp_node *preface)
{
	if (m->language == NULL)
		m->language = rp_detect_language(text, n);
	if (m->symbol == NULL && m->number == NULL &&
	    m->kind == RP_DOC_RESOLUTION)
		title_symbol(doc, m, preface);
	if (m->symbol == NULL && m->number == NULL &&
	    m->kind == RP_DOC_RESOLUTION)
		title_number(doc, m, preface);
	if (m->symbol != NULL)
		meta_of_symbol(doc, m);
	symbol_of_number(doc, m);
	adoption_date(doc, m, preface);
	title_adoption(doc, m, preface);
	if (m->year == 0 && m->date != NULL)
		m->year = atoi(m->date);
	/* A Council number whose year only the date gave. */
	symbol_of_number(doc, m);
	meta_of_number(m);
}

/* A library catalogue's title, its subtitle mark kept at the end ("Nuclear
 * disarmament :", the UN Digital Library's front matter): the title. */
const char *
rp_catalogue_title(rp_doc *doc, const char *s)
{
	size_t	n = strlen(s);

	if (n < 3 || strcmp(s + n - 2, " :") != 0)
		return s;
	return rp_doc_strndup(doc, s, n - 2);
}

/* The title front matter gives (cat, the catalogue's): the whole of the
 * one the text gives, when a line of it was lost on the way ("… of
 * artificial intelligence into", the rest of the title gone from a PDF's
 * text). */
void
rp_whole_title(rp_doc *doc, rp_meta *m, const char *cat)
{
	size_t	n;

	if (m->title == NULL || cat == NULL)
		return;
	cat = rp_catalogue_title(doc, cat);
	n = strlen(m->title);
	if (strlen(cat) > n && strncmp(cat, m->title, n) == 0 &&
	    cat[n] == ' ')
		m->title = cat;
}

/* A Security Council resolution bears no title (UN-LAYOUT.md 1.2): a
 * line read as one is the heading a copy names it with ("Résolution 26
 * du Conseil de sécurité", "قرار مجلس الأمن رقم 425"), or the subject a
 * web page gives it; the heading is its document-type line, the subject
 * a note. */
void
rp_untitled_council(rp_meta *m, rp_node *preface)
{
	rp_node			*b;
	rp_buf			 t;
	struct title_number	 tn;

	if (m->kind != RP_DOC_RESOLUTION || m->body != RP_BODY_SC)
		return;
	m->title = NULL;
	for (b = preface ? preface->first : NULL; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK || b->role != RP_ROLE_TITLE)
			continue;
		memset(&tn, 0, sizeof(tn));
		rp_buf_init(&t);
		rp_node_text(b, &t);
		title_number_in(t.data ? t.data : "", t.len, &tn);
		b->role = tn.num > 0 ? RP_ROLE_DOCTYPE : RP_ROLE_NOTE;
		rp_buf_free(&t);
	}
}

/* An annex shares the identity of the text it is annexed to; its own
 * masthead, if any, overrides. */
void
rp_annex_meta(rp_meta *m, const rp_meta *parent)
{
	m->body = parent->body;
	m->symbol = parent->symbol;
	m->number = parent->number;
	m->year = parent->year;
	m->date = parent->date;
	m->session = parent->session;
	m->session_number = parent->session_number;
}

/* Whether every child of p is a short BLOCK that does not end a
 * sentence: a line of a signature. */
static int
short_lines(const rp_node *p)
{
	const rp_node	*b;
	rp_buf		 t;
	size_t		 len;
	uint32_t	 last;
	int		 yes = 1;

	for (b = p->first; b != NULL && yes; b = b->next) {
		if (b->type != RP_NODE_BLOCK)
			return 0;
		rp_buf_init(&t);
		rp_node_text(b, &t);
		last = t.len ? rp_utf8_last(t.data, t.len, &len) : 0;
		yes = t.len <= 80 && last != 0x3002 && last != '.' &&
		    last != 0xFF1A;
		rp_buf_free(&t);
	}
	return yes;
}

/* The signature: the short lines closing a letter. */
void
rp_take_signature(rp_doc *doc, rp_node *body)
{
	rp_node *sig = NULL, *p = body->last, *prev;

	/* Short lines at the end, the signer's title among them
	 * ("安全理事会主席", read as a heading; in Markdown, lines of one
	 * paragraph). */
	while (p != NULL && (p->type == RP_NODE_PARAGRAPH ||
	    p->type == RP_NODE_HEADING) && p->num == NULL &&
	    p->first != NULL && short_lines(p)) {
		prev = p->prev;
		if (sig == NULL) {
			sig = rp_node_new(doc, RP_NODE_SIGNATURE, p->line,
			    p->col);
			rp_node_append(body, sig);
		}
		while (p->last != NULL)
			rp_node_prepend(sig, p->last);
		sig->line = p->line;
		rp_node_unlink(p);
		p = prev;
	}
}

/* What a line opens, looked at without context. */
int
rp_opens_unit(const char *s, size_t n)
{
	size_t		nl;
	rp_item_kind	kind;
	int		v;
	rp_body		b;

	return rp_paragraph_number(s, n, &nl) > 0 ||
	    rp_scanned_number(s, n, &nl) > 0 ||
	    rp_item_marker(s, n, &nl, &kind, &v) > 0 ||
	    rp_is_separator(s, n) || rp_is_annex_heading(s, n) ||
	    rp_is_formula(s, n, &b) || rp_formula_lead(s, n, &b, 0) > 0;
}

int
rp_scanned_number(const char *s, size_t n, size_t *numlen)
{
	static const char	 look[] = "ZSlILO";
	static const int	 value[] = { 2, 5, 1, 1, 1, 0 };
	const char		*c;
	size_t			 k, w;
	int			 v = 0, letters = 0, bare = 0;

	/* Digits, or letters scans take for them: "ll." is 11. */
	for (k = 0; k < n && k < 3; k++) {
		if (isdigit((unsigned char)s[k]))
			v = v * 10 + (s[k] - '0');
		else if (s[k] != '\0' && (c = strchr(look, s[k])) != NULL &&
		    (k > 0 || *c != 'O')) {
			v = v * 10 + value[c - look];
			letters++;
		} else
			break;
	}
	if (k == 0 || v == 0 || k + 2 >= n)
		return 0;
	/* "4, ", "2 " (no mark), "6.Calls" (no space), "Z. " (a letter). */
	if (s[k] == ',' && s[k + 1] == ' ')
		k++;
	else if (s[k] == '.' && (letters > 0 || s[k + 1] != ' ') &&
	    s[k + 1] != '\0' && !isdigit((unsigned char)s[k + 1])) {
		bare = s[k + 1] != ' ';
		k++;
	} else if (s[k] == ' ' && letters == 0)
		bare = 1;
	else
		return 0;
	*numlen = k;
	while (k < n && s[k] == ' ')
		k++;
	if (k >= n || !isupper((unsigned char)s[k]) ||
	    rp_classify_paragraph(s + k, n - k) != RP_PARA_OPERATIVE)
		return 0;
	/* Without its mark or space ("2 April 1993"), only before a verb
	 * in the present tense: "2 Requests", "6.Calls". */
	for (w = k; bare && w < n && isalpha((unsigned char)s[w]); w++)
		continue;
	if (bare && (w - k < 4 || s[w - 1] != 's'))
		return 0;
	return v;
}

/* ------------------------------------------------ text before formula */

rp_node *
rp_doc_part(rp_doc *doc, rp_node *docnode, rp_node_type type, int line,
    int flags)
{
	rp_node *p = rp_node_child(docnode, type), *c, *after = NULL;

	if (p != NULL)
		return p;
	p = rp_node_new(doc, type, line, 1);
	p->flags |= flags;
	/* Parts go in their fixed order. */
	for (c = docnode->first; c != NULL; c = c->next)
		if (c->type < type)
			after = c;
	if (after == NULL)
		rp_node_prepend(docnode, p);
	else if (after->next != NULL)
		rp_node_insert_before(after->next, p);
	else
		rp_node_append(docnode, p);
	return p;
}

/* A date after a word in lower case, a block of its own in the masthead,
 * is the date line under the heading ("Résolution 278 (1970)", a
 * blank, "du 11 mai 1970"), not a title. */
int
rp_unplaced_role(const rp_meta *m, const char *s, size_t n)
{
	if (date_after_word(s, n))
		return RP_ROLE_DATE;
	return m->title == NULL && has_two_letters(s, n) &&
	    (m->kind != RP_DOC_ANNEX || n < 200) ? RP_ROLE_TITLE :
	    RP_ROLE_NOTE;
}

void
rp_to_preface(rp_doc *doc, rp_node *docnode, rp_node *c, int flags)
{
	rp_node	*b = c;
	rp_buf	 t;
	int	 role;

	if ((c->type == RP_NODE_PARAGRAPH || c->type == RP_NODE_HEADING) &&
	    c->first != NULL && c->first == c->last &&
	    c->first->type == RP_NODE_BLOCK) {
		b = c->first;
		rp_node_unlink(b);
		rp_buf_init(&t);
		rp_node_text(b, &t);
		if ((role = rp_masthead_role(t.data ? t.data : "",
		    t.len)) == RP_ROLE_NONE)
			role = rp_unplaced_role(docnode->meta,
			    t.data ? t.data : "", t.len);
		rp_masthead_meta(doc, docnode->meta, role,
		    t.data ? t.data : "", t.len);
		rp_buf_free(&t);
		b->role = role;
	}
	rp_node_append(rp_doc_part(doc, docnode, RP_NODE_PREFACE, b->line,
	    flags), b);
}

/* Whether paragraph c opens as a recital does ("由于…", "Whereas"). */
static int
opens_recital_node(const rp_node *c)
{
	rp_buf	t;
	int	is;

	if (c->first == NULL || c->first->type != RP_NODE_BLOCK)
		return 0;
	rp_buf_init(&t);
	rp_node_text(c->first, &t);
	is = t.data != NULL && rp_opens_recital(t.data, t.len);
	rp_buf_free(&t);
	return is;
}

int
rp_text_before_formula(rp_doc *doc, rp_node *docnode, int reasons,
    int flags)
{
	rp_node	*body = rp_node_child(docnode, RP_NODE_BODY), *c, *next;

	if (body == NULL)
		return 0;
	for (c = body->first; c != NULL; c = c->next)
		if (c->num != NULL || c->type == RP_NODE_FORMULA)
			return 0;
	for (c = body->first; c != NULL; c = next) {
		next = c->next;
		rp_node_unlink(c);
		/* "…; The General Assembly, therefore,": they are its
		 * recitals; so is one that opens as a recital does. */
		if ((reasons || opens_recital_node(c)) &&
		    c->type == RP_NODE_PARAGRAPH) {
			c->flags &= ~RP_UNSURE;
			rp_node_append(rp_doc_part(doc, docnode,
			    RP_NODE_PREAMBLE, c->line, flags), c);
			continue;
		}
		rp_to_preface(doc, docnode, c, flags);
	}
	rp_node_unlink(body);
	return 1;
}
