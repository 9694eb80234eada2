/* classify.c -- the rules of UN drafting: how a paragraph, a formula, a
 * date, a number or a sub-item marker looks in the official languages. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "classify.h"
#include "utf8.h"

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
		    rp_is_space(cp) || rp_is_cjk(cp))
			break;
		*i += len;
	}
	*wstart = start;
	return *i - start;
}

static int
word_is(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncasecmp(w, *list, n) == 0)
			return 1;
	return 0;
}

static int
ends_with(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n > k && strncasecmp(w + n - k, suffix, k) == 0;
}

/* Adverbs and connectors that may come before the word that decides. */
static const char *const adverbs[] = {
	"further", "also", "furthermore", "deeply", "gravely", "strongly",
	"firmly", "fully", "profoundly", "seriously", "particularly",
	"especially", "once", "again", "still", "greatly", "highly",
	"keenly", "solemnly", "duly", "equally", "likewise", "moreover",
	"similarly", "urgently", "most", "sincerely", "warmly",
	"unanimously", "emphatically", "earnestly", "in", "that", "this",
	"context", "regard", "light", "view", "addition", "accordance",
	"with", "the", "and", "therefore", "thus", "hence", "accordingly",
	"finally", "lastly", "first", "second", "third", "however",
	"nevertheless", "consequently", "meanwhile", "immediately",
	"vigorously", "resolutely", "categorically", "additionally",
	"furthermore", "specifically", "respectfully", "cordially",
	"reiterating", NULL
};

/* English adjectives and participles that open preambular paragraphs. */
static const char *const preamble_words[] = {
	"mindful", "aware", "convinced", "concerned", "alarmed",
	"determined", "conscious", "desirous", "guided", "cognizant",
	"appreciative", "encouraged", "disturbed", "dismayed", "shocked",
	"grateful", "confident", "committed", "anxious", "resolved",
	"seized", "deploring", "affirming", "bearing", "having", "noting",
	"recalling", "welcoming", "taking", "recognizing", "reaffirming",
	"emphasizing", "stressing", "considering", "believing", "acting",
	"meeting", "expressing", "underlining", "acknowledging",
	"regretting", "condemning", "reiterating", "observing", "keeping",
	"gratified", "saddened", "satisfied", "pleased", "troubled",
	"persuaded", "fearful", "sharing", "hopeful", "outraged",
	"horrified", "appalled", "distressed", "bearing", "inspired",
	"moved", "impressed", "heartened", "reassured", "apprehensive",
	"worried", "sensitive", "attaching", "underscoring", "viewing",
	"in view", "pursuant", "upon", "whereas", NULL
};

/* Words ending in "s" that are not present-tense verbs. */
static const char *const not_verbs[] = {
	"this", "thus", "its", "his", "as", "is", "was", "has", "us",
	"unless", "various", "serious", "previous", "States", "Nations",
	"resolutions", "members", "parties", "countries", "governments",
	"progress", "access", "process", "business", "always", "perhaps",
	"besides", "towards", "afterwards", NULL
};

rp_para_kind
rp_classify_paragraph(const char *s, size_t n)
{
	size_t		 i = 0, wl, k, lastlen;
	const char	*w;
	uint32_t	 last;
	int		 words;

	/* Trailing punctuation of the paragraph, ignoring spaces. */
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return RP_PARA_UNKNOWN;
	last = rp_utf8_last(s, n, &lastlen);

	/* Chinese has no participles to go by: punctuation decides. */
	if (rp_is_cjk(last) || (n > 3 && rp_is_cjk(rp_utf8_last(s,
	    n - lastlen, &k)))) {
		if (last == 0xFF0C || last == ',' || last == 0x3001)
			return RP_PARA_PREAMBULAR;
		if (last == 0xFF1B || last == 0x3002 || last == 0xFF1A ||
		    last == ';' || last == '.' || last == ':')
			return RP_PARA_OPERATIVE;
		return RP_PARA_UNKNOWN;
	}

	for (words = 0; words < 8; words++) {
		if ((wl = word_at(s, n, &i, &k)) == 0)
			break;
		w = s + k;
		while (w < s + i && !isalpha((unsigned char)*w) &&
		    ((unsigned char)*w) < 0x80) {
			w++;
			wl--;
		}
		if (wl == 0)
			continue;
		if (word_is(w, wl, preamble_words))
			return RP_PARA_PREAMBULAR;
		if (ends_with(w, wl, "ing") && isupper((unsigned char)w[0]))
			return RP_PARA_PREAMBULAR;
		/* French -ant, Spanish -ando/-iendo participles. */
		if (ends_with(w, wl, "ant") || ends_with(w, wl, "ando") ||
		    ends_with(w, wl, "iendo") || ends_with(w, wl, "endo"))
			return RP_PARA_PREAMBULAR;
		if (word_is(w, wl, adverbs))
			continue;
		if (ends_with(w, wl, "s") && !ends_with(w, wl, "ss") &&
		    !word_is(w, wl, not_verbs))
			return RP_PARA_OPERATIVE;
		/* Russian: gerunds end in -я/-сь, verbs in -т. */
		if (ends_with(w, wl, "\xD1\x8F") || ends_with(w, wl,
		    "\xD1\x81\xD1\x8C"))
			return RP_PARA_PREAMBULAR;
		if (ends_with(w, wl, "\xD1\x82"))
			return RP_PARA_OPERATIVE;
		break;
	}
	if (last == ',' || last == 0x060C)
		return RP_PARA_PREAMBULAR;
	if (last == ';' || last == '.' || last == ':' || last == 0x061B)
		return RP_PARA_OPERATIVE;
	return RP_PARA_UNKNOWN;
}

/* Words that continue an opening phrase after its first word. */
static const char *const phrase_tail[] = {
	"also", "further", "in", "mind", "note", "into", "account",
	"with", "appreciation", "satisfaction", "concern", "deep", "grave",
	"concerned", "alarmed", "convinced", "aware", "determined",
	"again", "once", "furthermore", "moreover", "particular",
	"considered", "heard", "examined", "received", "noted", "reviewed",
	"studied", "learned", "taken", "adopted", "decided", NULL
};

size_t
rp_opening_phrase(const char *s, size_t n, char *key, size_t keysize)
{
	size_t	 i = 0, k, wl, end = 0, kl = 0, j;
	int	 words = 0, have_opener = 0;

	if (keysize > 0)
		key[0] = '\0';
	while (words < 6) {
		if ((wl = word_at(s, n, &i, &k)) == 0)
			break;
		/* Only plain ASCII words make keys; others end the phrase. */
		for (j = 0; j < wl; j++)
			if ((unsigned char)s[k + j] >= 0x80 ||
			    !(isalpha((unsigned char)s[k + j]) ||
			    s[k + j] == '-'))
				break;
		if (j < wl)
			break;
		if (words == 0 && !isupper((unsigned char)s[k]))
			break;
		if (words > 0 && !word_is(s + k, wl, phrase_tail) &&
		    !word_is(s + k, wl, preamble_words) &&
		    !(ends_with(s + k, wl, "ing") && !have_opener))
			break;
		if (words > 0 && have_opener &&
		    word_is(s + k, wl, preamble_words) &&
		    !word_is(s + k, wl, phrase_tail))
			break;
		/* "in" continues only as "in mind", "into account" etc. */
		if (strncasecmp(s + k, "in", wl) == 0 && wl == 2) {
			size_t i2 = i, s2, w2 = word_at(s, n, &i2, &s2);

			if (w2 != 4 || strncasecmp(s + s2, "mind", 4))
				break;
		}
		if (strncasecmp(s + k, "with", wl) == 0 && wl == 4) {
			size_t i2 = i, s2, w2 = word_at(s, n, &i2, &s2);

			if (!word_is(s + s2, w2, phrase_tail))
				break;
		}
		if (word_is(s + k, wl, preamble_words) ||
		    ends_with(s + k, wl, "ing"))
			have_opener = 1;
		else if (!word_is(s + k, wl, adverbs) &&
		    !word_is(s + k, wl, phrase_tail))
			break;
		for (j = 0; j < wl && kl + 1 < keysize; j++) {
			char c = s[k + j];

			if (c == '-')
				continue;
			if (j == 0)
				c = (char)(kl == 0 ? tolower((unsigned char)c) :
				    toupper((unsigned char)c));
			else
				c = (char)tolower((unsigned char)c);
			key[kl++] = c;
		}
		if (keysize > 0)
			key[kl] = '\0';
		end = i;
		words++;
	}
	if (!have_opener) {
		if (keysize > 0)
			key[0] = '\0';
		return 0;
	}
	return end;
}

/* Words that continue an operative verb: "Calls upon", "Takes note with
 * appreciation", "Expresses deep concern". */
static const char *const verb_tail[] = {
	"upon", "on", "note", "with", "appreciation", "satisfaction", "concern",
	"deep", "grave", "serious", "also", "further", "again", NULL
};

/* Of adverbs[], those an operative verb may follow besides the "-ly"
 * ones ("Strongly"); the connectors ("in", "the") never open one. */
static const char *const verb_adverbs[] = {
	"further", "also", "once", "again", "furthermore", "moreover", NULL
};

static int
verb_adverb(const char *w, size_t n)
{
	return word_is(w, n, verb_adverbs) || (ends_with(w, n, "ly") &&
	    word_is(w, n, adverbs));
}

/* Whether the word w can be an operative verb: it ends as the present
 * tense does in English ("Decides"), French ("Décide"), Spanish ("Insta")
 * or Russian ("постановляет"), and is no connector, noun or participle
 * ("The", "States", "Recalling", "CHAPTER"). */
static int
verb_like(const char *w, size_t n)
{
	return n > 2 && !isupper((unsigned char)w[1]) &&
	    (ends_with(w, n, "s") || ends_with(w, n, "e") ||
	    ends_with(w, n, "a") || ends_with(w, n, "\xD1\x82")) &&
	    !word_is(w, n, adverbs) && !word_is(w, n, not_verbs) &&
	    !word_is(w, n, preamble_words) && !ends_with(w, n, "ss");
}

size_t
rp_operative_phrase(const char *s, size_t n)
{
	size_t		 i = 0, k, wl, end = 0;
	uint32_t	 cp;
	int		 adverbs_seen = 0;

	/* The phrase starts with a Latin capital ("Décide", "Émet") or, as
	 * Russian drafts it, any Cyrillic letter. */
	if (rp_utf8_decode(s, n, &cp) == 0 || !((cp < 0x80 &&
	    isupper((int)cp)) || (cp >= 0xC0 && cp <= 0xDE) ||
	    (cp >= 0x0400 && cp < 0x0530)))
		return 0;
	while ((wl = word_at(s, n, &i, &k)) > 0 && adverbs_seen < 3 &&
	    verb_adverb(s + k, wl) && (k == 0 || s[k - 1] == ' ')) {
		adverbs_seen++;
		end = i;
	}
	/* The verb, right after the adverbs (a comma there ends the
	 * phrase). */
	if (wl == 0 || (end > 0 && (s[k - 1] != ' ' || s[k - 2] == ',')) ||
	    !verb_like(s + k, wl))
		return 0;
	end = i;
	while ((wl = word_at(s, n, &i, &k)) > 0 && s[k - 1] == ' ' &&
	    s[k - 2] != ',' && word_is(s + k, wl, verb_tail))
		end = i;
	return end;
}

/* ----------------------------------------------------------- bodies */

static const struct {
	const char	*name;
	rp_body		 body;
} body_names[] = {
	{ "Security Council", RP_BODY_SC },
	{ "General Assembly", RP_BODY_GA },
	{ "Economic and Social Council", RP_BODY_ECOSOC },
	{ "Human Rights Council", RP_BODY_HRC },
	{ "安全理事会", RP_BODY_SC },
	{ "安理会", RP_BODY_SC },
	{ "大会", RP_BODY_GA },
	{ "经济及社会理事会", RP_BODY_ECOSOC },
	{ "经社理事会", RP_BODY_ECOSOC },
	{ "人权理事会", RP_BODY_HRC },
	{ "Conseil de sécurité", RP_BODY_SC },
	{ "Assemblée générale", RP_BODY_GA },
	{ "Conseil économique et social", RP_BODY_ECOSOC },
	{ "Conseil des droits de l’homme", RP_BODY_HRC },
	{ "Conseil des droits de l'homme", RP_BODY_HRC },
	{ "Consejo de Seguridad", RP_BODY_SC },
	{ "Asamblea General", RP_BODY_GA },
	{ "Consejo Económico y Social", RP_BODY_ECOSOC },
	{ "Consejo de Derechos Humanos", RP_BODY_HRC },
	{ "Совет Безопасности", RP_BODY_SC },
	{ "Генеральная Ассамблея", RP_BODY_GA },
	{ "Экономический и Социальный Совет", RP_BODY_ECOSOC },
	{ "Совет по правам человека", RP_BODY_HRC },
	{ "مجلس الأمن", RP_BODY_SC },
	{ "الجمعية العامة", RP_BODY_GA },
	{ "المجلس الاقتصادي والاجتماعي", RP_BODY_ECOSOC },
	{ "مجلس حقوق الإنسان", RP_BODY_HRC },
};

rp_body
rp_body_from_name(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(body_names) / sizeof(body_names[0]); i++) {
		size_t k = strlen(body_names[i].name);

		if (n == k && strncasecmp(s, body_names[i].name, k) == 0)
			return body_names[i].body;
	}
	return RP_BODY_UNKNOWN;
}

/* The body named anywhere in s, or UNKNOWN. */
static rp_body
body_in(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < sizeof(body_names) / sizeof(body_names[0]); i++)
		if (memmem(s, n, body_names[i].name,
		    strlen(body_names[i].name)) != NULL)
			return body_names[i].body;
	return RP_BODY_UNKNOWN;
}

/* Every word capitalized but the small ones: a name, not a sentence. */
static int
title_case(const char *s, size_t n)
{
	static const char *const small[] = { "of", "on", "and", "for", "the",
		"de", "du", "des", "la", "le", "et", "del", "y", "los", "las",
		"in", NULL };
	size_t i = 0, k, wl;

	while ((wl = word_at(s, n, &i, &k)) > 0)
		if (!isupper((unsigned char)s[k]) && !word_is(s + k, wl, small))
			return 0;
	return 1;
}

int
rp_is_formula(const char *s, size_t n, rp_body *body)
{
	static const char *const articles[] = {
		"The ", "Le ", "La ", "L'", "L’", "El ", "إن ", NULL
	};
	const char	*const *a;
	size_t		 lastlen, k;
	uint32_t	 last;
	int		 comma;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 90)
		return 0;
	last = rp_utf8_last(s, n, &lastlen);
	/* "The Security Council" with its comma lost (OCR) still counts,
	 * but only as an exact body name. */
	comma = last == ',' || last == 0xFF0C || last == 0x060C;
	if (comma)
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
	for (a = articles; *a != NULL; a++) {
		k = strlen(*a);
		if (n > k && strncmp(s, *a, k) == 0) {
			s += k;
			n -= k;
			break;
		}
	}
	*body = rp_body_from_name(s, n);
	if (*body != RP_BODY_UNKNOWN)
		return comma || *a != NULL;
	if (!comma)
		return 0;
	/* Other bodies: "The Commission on Human Rights,", "The Conference",
	 * named in title case. */
	if (*a != NULL && n < 60 && title_case(s, n) &&
	    (memmem(s, n, "Council", 7) || memmem(s, n, "Assembly", 8) ||
	    memmem(s, n, "Commission", 10) || memmem(s, n, "Conference", 10)
	    || memmem(s, n, "Committee", 9)))
		return 1;
	return 0;
}


/* Connector lines between preamble and operative part: "Therefore". */
int
rp_is_connector(const char *s, size_t n)
{
	return (n == 9 && strncmp(s, "Therefore", 9) == 0) ||
	    (n == 6 && strncmp(s, "因此", 6) == 0);
}

int
rp_is_intermediate_formula(const char *s, size_t n)
{
	size_t		lastlen, k;
	uint32_t	last;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 160)
		return 0;
	last = rp_utf8_last(s, n, &lastlen);
	if (last != ':' && last != 0xFF1A)
		return 0;
	if (rp_paragraph_number(s, n, &k) > 0)
		return 0;
	return body_in(s, n) != RP_BODY_UNKNOWN ||
	    memmem(s, n, "Council", 7) || memmem(s, n, "Assembly", 8);
}

/* ------------------------------------------------------------ dates */

static const char *const months_en[] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December", NULL };
static const char *const months_fr[] = { "janvier", "février", "mars",
	"avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
	"novembre", "décembre", NULL };
static const char *const months_es[] = { "enero", "febrero", "marzo",
	"abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
	"noviembre", "diciembre", NULL };

/* Digits at s[*i] (at most max of them): their value, or -1. */
static int
number_at(const char *s, size_t n, size_t *i, int max)
{
	int v = 0, d = 0;

	while (*i < n && d < max && isdigit((unsigned char)s[*i])) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		d++;
	}
	return d ? v : -1;
}

static int
month_at(const char *s, size_t n, size_t *i, const char *const *names)
{
	int k;

	for (k = 0; names[k] != NULL; k++) {
		size_t l = strlen(names[k]);

		if (*i + l <= n && strncasecmp(s + *i, names[k], l) == 0 &&
		    (*i + l == n || !isalpha((unsigned char)s[*i + l]))) {
			*i += l;
			return k + 1;
		}
	}
	return 0;
}

static void
skip_spaces(const char *s, size_t n, size_t *i)
{
	while (*i < n && (s[*i] == ' ' || s[*i] == '\t'))
		(*i)++;
}

static int
valid_date(int y, int m, int d)
{
	return y >= 1945 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= 31;
}

size_t
rp_parse_date(const char *s, size_t n, char iso[11])
{
	size_t	i = 0, j;
	int	d, m, y;

	/* 2003年 1月 20日 */
	if ((y = number_at(s, n, &i, 4)) >= 0 && i == 4) {
		skip_spaces(s, n, &i);
		if (i + 3 <= n && memcmp(s + i, "年", 3) == 0) {
			i += 3;
			skip_spaces(s, n, &i);
			m = number_at(s, n, &i, 2);
			skip_spaces(s, n, &i);
			if (m < 0 || i + 3 > n || memcmp(s + i, "月", 3))
				return 0;
			i += 3;
			skip_spaces(s, n, &i);
			d = number_at(s, n, &i, 2);
			skip_spaces(s, n, &i);
			if (d < 0 || i + 3 > n || memcmp(s + i, "日", 3) ||
			    !valid_date(y, m, d))
				return 0;
			snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
			return i + 3;
		}
		return 0;
	}
	/* 12 November 2001, 1er janvier 2003, 20 de enero de 2003 */
	i = 0;
	if ((d = number_at(s, n, &i, 2)) < 0)
		return 0;
	if (i + 2 <= n && strncmp(s + i, "er", 2) == 0)
		i += 2;
	skip_spaces(s, n, &i);
	j = i;
	if (i + 3 <= n && strncmp(s + i, "de ", 3) == 0)
		i += 3;
	if ((m = month_at(s, n, &i, months_en)) == 0 &&
	    (m = month_at(s, n, &i, months_fr)) == 0 &&
	    (m = month_at(s, n, &i, months_es)) == 0)
		return 0;
	(void)j;
	skip_spaces(s, n, &i);
	if (i + 3 <= n && strncmp(s + i, "de ", 3) == 0)
		i += 3;
	if ((y = number_at(s, n, &i, 4)) < 0 || !valid_date(y, m, d))
		return 0;
	if (i < n && isdigit((unsigned char)s[i]))
		return 0;
	snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
	return i;
}

size_t
rp_find_date(const char *s, size_t n, char iso[11], size_t *at)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]) ||
		    (i > 0 && isdigit((unsigned char)s[i - 1])))
			continue;
		if ((len = rp_parse_date(s + i, n - i, iso)) > 0) {
			*at = i;
			return len;
		}
	}
	return 0;
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

size_t
rp_paragraph_number(const char *s, size_t n, size_t *numlen)
{
	size_t i = 0, t;

	while (i < n && i < 3 && isdigit((unsigned char)s[i]))
		i++;
	if (i == 0 || (i < n && isdigit((unsigned char)s[i])) || i >= n ||
	    s[i] != '.' || s[0] == '0')
		return 0;
	i++;
	*numlen = i;
	/* "1. Decides", "1.各国", "1. *Decides*", but not "1.5" or "2.3.4". */
	if ((t = after_marker(s, n, i)) > 0)
		return t;
	return s[i] == '*' || s[i] == '_' ? i : 0;
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

size_t
rp_item_marker(const char *s, size_t n, size_t *numlen,
    rp_item_kind *kind, int *value)
{
	size_t		i, len, t;
	uint32_t	cp;
	int		open = 0;

	if (n == 0 || (len = rp_utf8_decode(s, n, &cp)) == 0)
		return 0;
	/* ㈠ ... ㈩ */
	if (rp_cjk_paren_number(cp)) {
		*kind = RP_ITEM_CJK;
		*value = rp_cjk_paren_number(cp);
		*numlen = len;
		t = after_marker(s, n, len);
		return t ? t : len;
	}
	/* Bullets need a space after them. */
	if (cp == '-' || cp == 0x2022 || cp == 0x2013 || cp == 0x25AA ||
	    cp == 0x00B7 || cp == 0x25CF) {
		if (len < n && s[len] == ' ') {
			*kind = RP_ITEM_BULLET;
			*value = 0;
			*numlen = len;
			return after_marker(s, n, len);
		}
		return 0;
	}
	i = 0;
	if (cp == '(') {
		open = 1;
		i = 1;
	} else if (cp == 0xFF08) {		/* （一） */
		open = 2;
		i = len;
	}
	if (open == 2) {
		static const char *const cn[] = { "一", "二", "三", "四", "五",
			"六", "七", "八", "九", "十", NULL };
		int k;

		for (k = 0; cn[k] != NULL; k++)
			if (i + 3 <= n && memcmp(s + i, cn[k], 3) == 0)
				break;
		if (cn[k] == NULL || i + 6 > n ||
		    memcmp(s + i + 3, "）", 3) != 0)
			return 0;
		*kind = RP_ITEM_CJK;
		*value = k + 1;
		*numlen = i + 6;
		return after_marker(s, n, i + 6) ? after_marker(s, n, i + 6) :
		    0;
	}
	{
		size_t start = i;

		while (i < n && i - start < 6 && (islower((unsigned char)s[i])
		    || isdigit((unsigned char)s[i])))
			i++;
		if (i == start || i >= n || s[i] != ')')
			return 0;
		/* "a)" without an opening parenthesis: letters only, short. */
		if (!open && (i - start > 2 || isdigit((unsigned char)s[start])))
			return 0;
		if (isdigit((unsigned char)s[start])) {
			size_t k;

			for (k = start; k < i; k++)
				if (!isdigit((unsigned char)s[k]))
					return 0;
			*kind = RP_ITEM_DIGIT;
			*value = (int)(s[start] - '0');
			if (i - start == 2)
				*value = *value * 10 + (s[start + 1] - '0');
		} else if ((*value = roman_value(s + start, i - start)) > 0) {
			*kind = RP_ITEM_ROMAN;
		} else if (i - start == 1) {
			*kind = RP_ITEM_ALPHA;
			*value = s[start] - 'a' + 1;
		} else if (i - start == 2 && s[start] == s[start + 1]) {
			*kind = RP_ITEM_ALPHA;		/* (aa) */
			*value = 26 + s[start] - 'a' + 1;
		} else
			return 0;
		i++;
		*numlen = i;
		t = after_marker(s, n, i);
		return t;
	}
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

int
rp_is_annex_heading(const char *s, size_t n)
{
	static const char *const words[] = { "Annex", "ANNEX", "Annexe",
		"ANNEXE", "Anexo", "ANEXO", "附件", "Приложение",
		"ПРИЛОЖЕНИЕ", "المرفق", NULL };
	const char *const *w;
	size_t i, k;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 24)
		return 0;
	for (w = words; *w != NULL; w++) {
		k = strlen(*w);
		if (n < k || strncmp(s, *w, k) != 0)
			continue;
		if (n == k)
			return 1;
		/* "Annex I", "Annex 2", "Annex A", "附件一" */
		i = k;
		if (s[i] == ' ')
			i++;
		for (; i < n; i++) {
			unsigned char c = (unsigned char)s[i];

			if (!(isupper(c) || isdigit(c) || c >= 0x80 ||
			    c == '.'))
				return 0;
		}
		return 1;
	}
	return 0;
}

/* --------------------------------------------------------- language */

static size_t
count(const char *s, size_t n, const char *word)
{
	size_t		 c = 0, k = strlen(word);
	const char	*p = s, *end = s + n;

	while (p < end && (p = memmem(p, (size_t)(end - p), word, k))) {
		c++;
		p += k;
	}
	return c;
}

const char *
rp_detect_language(const char *s, size_t n)
{
	size_t		i = 0, len, han = 0, cyr = 0, arab = 0, latin = 0;
	size_t		en, fr, es;
	uint32_t	cp;

	while (i < n) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0) {
			i++;
			continue;
		}
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			han++;
		else if (cp >= 0x0400 && cp <= 0x04FF)
			cyr++;
		else if (cp >= 0x0600 && cp <= 0x06FF)
			arab++;
		else if (isalpha((int)(cp < 0x80 ? cp : 0)) ||
		    (cp >= 0xC0 && cp <= 0x24F))
			latin++;
		i += len;
	}
	/* A hanzi carries a word's worth of text: weigh it so. */
	if (han * 4 >= latin && han >= cyr && han >= arab && han > 0)
		return "zho";
	if (cyr > latin && cyr >= arab)
		return "rus";
	if (arab > latin)
		return "ara";
	en = count(s, n, " the ") + count(s, n, " of the ") +
	    count(s, n, " and ");
	fr = count(s, n, " de la ") + count(s, n, " les ") +
	    count(s, n, " et ") + count(s, n, " des ");
	es = count(s, n, " de los ") + count(s, n, " las ") +
	    count(s, n, " y ") + count(s, n, " del ");
	if (fr > en && fr >= es)
		return "fra";
	if (es > en && es > fr)
		return "spa";
	return "eng";
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
	static const char *const units[] = { "first", "second", "third",
		"fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
		NULL };
	static const char *const teens[] = { "tenth", "eleventh", "twelfth",
		"thirteenth", "fourteenth", "fifteenth", "sixteenth",
		"seventeenth", "eighteenth", "nineteenth", NULL };
	static const char *const tens[] = { "twent", "thirt", "fort",
		"fift", "sixt", "sevent", "eight", "ninet", NULL };
	size_t	i, k;
	int	v = 0;

	for (k = 0; teens[k] != NULL; k++) {
		i = strlen(teens[k]);
		if (n >= i && strncasecmp(s, teens[k], i) == 0 &&
		    (n == i || !isalpha((unsigned char)s[i])))
			return 10 + (int)k;
	}
	for (k = 0; tens[k] != NULL; k++) {
		i = strlen(tens[k]);
		if (n > i && strncasecmp(s, tens[k], i) == 0) {
			v = 20 + 10 * (int)k;
			if (strncasecmp(s + i, "ieth", 4) == 0 &&
			    (n == i + 4 || !isalpha((unsigned char)s[i + 4])))
				return v;
			if (strncasecmp(s + i, "y-", 2) == 0) {
				i += 2;
				break;
			}
			return 0;
		}
	}
	if (v == 0)
		i = 0;
	for (k = 0; units[k] != NULL; k++) {
		size_t l = strlen(units[k]);

		if (n >= i + l && strncasecmp(s + i, units[k], l) == 0 &&
		    (n == i + l || !isalpha((unsigned char)s[i + l])))
			return v + (int)k + 1;
	}
	return 0;
}

/* --------------------------------------------------------- masthead */

/* "25-19432 (E)", "*2519432*", "2/3": print furniture. */
int
rp_is_job_or_page(const char *s, size_t n)
{
	size_t		 i = 0;
	int		 a, b;

	if (n >= 8 && isdigit((unsigned char)s[0]) &&
	    isdigit((unsigned char)s[1]) && s[2] == '-') {
		for (i = 3; i < n && isdigit((unsigned char)s[i]); i++)
			continue;
		if (i == 8 && (i == n || (n - i <= 5 && s[i] == ' ' &&
		    s[i + 1] == '(')))
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
	if (i < n && s[i] == ' ' && n - i == 7 && s[i + 1] == '(' &&
	    s[n - 1] == ')')
		i = n;
	return i == n && segs >= 1 && digit;
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
	size_t i = 0;

	if (starts(s, n, "Resolution ") || starts(s, n, "RESOLUTION "))
		i = 11;
	else if (starts(s, n, "第"))
		i = 3;
	while (i < n && s[i] == ' ')
		i++;
	if (sscanf(s + i, "%d (%d)", num, year) == 2 ||
	    sscanf(s + i, "%d（%d）", num, year) == 2)
		return *year >= 1946 && *year <= 2100 && *num > 0;
	return 0;
}

int
rp_masthead_role(const char *s, size_t n)
{
	static const char *const orgs[] = { "United Nations", "Nations Unies",
		"Naciones Unidas", "联合国", "Организация Объединенных Наций",
		"الأمم المتحدة", NULL };
	const char	*const *o;
	char		 iso[11];
	int		 a, b;

	unstar(&s, &n);
	if (n == 0)
		return RP_ROLE_NONE;
	for (o = orgs; *o != NULL; o++)
		if (n == strlen(*o) && strncmp(s, *o, n) == 0)
			return RP_ROLE_ORGANIZATION;
	if (rp_body_from_name(s, n) != RP_BODY_UNKNOWN)
		return RP_ROLE_BODY;
	if (starts(s, n, "Distr") || (n == 7 && (strncmp(s, "GENERAL", 7) ==
	    0 || strncmp(s, "General", 7) == 0)) || starts(s, n, "LIMITED") ||
	    starts(s, n, "RESTRICTED"))
		return RP_ROLE_DISTRIBUTION;
	if (is_symbol(s, n))
		return RP_ROLE_SYMBOL;
	if (rp_parse_date(s, n, iso) == n)
		return RP_ROLE_DATE;
	if ((rp_ordinal_word(s, n) && memmem(s, n, "session", 7)) ||
	    (starts(s, n, "第") && n < 30 && memmem(s, n, "届会议", 9)))
		return RP_ROLE_SESSION;
	if (starts(s, n, "Agenda item") || starts(s, n, "议程项目"))
		return RP_ROLE_AGENDA;
	if (n >= 8 && ((isdigit((unsigned char)s[0]) && s[2] == '-') ||
	    (s[0] == '*' && isdigit((unsigned char)s[1])))) {
		if (rp_is_job_or_page(s, n))
			return RP_ROLE_JOB;
	}
	if (doctype_number(s, n, &a, &b) || (n == 10 &&
	    strncmp(s, "Resolution", 10) == 0) || (starts(s, n, "第") &&
	    memmem(s, n, "号决议", 9) && n < 40))
		return RP_ROLE_DOCTYPE;
	if (starts(s, n, "Adopted by") || starts(s, n, "Resolution adopted") ||
	    (memmem(s, n, "会议通过", 12) && n < 120) ||
	    starts(s, n, "Adopted at"))
		return RP_ROLE_ADOPTION;
	if (s[0] == '[' && s[n - 1] == ']')
		return RP_ROLE_COMMITTEE;
	{
		size_t i = 0;

		while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '/'))
			i++;
		if (i >= 3 && i == n && memchr(s, '/', n))
			return RP_ROLE_NUMBER;
	}
	return RP_ROLE_NONE;
}

/* "Adopted at the [resumed] 2190th meeting": where the number is, or
 * NULL. */
static const char *
adopted_at(const char *s, size_t n)
{
	const char *p;

	if (!starts(s, n, "Adopted ") ||
	    (p = memmem(s, n, " at the ", 8)) == NULL)
		return NULL;
	p += 8;
	if (starts(p, n - (size_t)(p - s), "resumed "))
		p += 8;
	return p;
}

/* "36th plenary meeting", "Adopted at the 2nd meeting.": the closing
 * formula; fills the meeting and the vote. */
int
rp_conclusion_line(rp_doc *doc, rp_meta *m, const char *s, size_t n)
{
	int	 num = 0, yes, no, abst = 0;
	char	 suffix[3], iso[11];
	size_t	 at, k;
	const char *p;

	if (sscanf(s, "%d%2[a-z] plenary meeting", &num, suffix) == 2 ||
	    sscanf(s, "%d%2[a-z] meeting", &num, suffix) == 2) {
		if (!memmem(s, n > 40 ? 40 : n, "meeting", 7))
			return 0;
	} else if ((p = adopted_at(s, n)) != NULL &&
	    sscanf(p, "%d%2[a-z]", &num, suffix) == 2 &&
	    memmem(s, n, "meeting", 7)) {
		if ((p = memmem(s, n, " by ", 4)) != NULL &&
		    sscanf(p + 4, "%d votes to %d", &yes, &no) == 2) {
			m->votes_for = yes;
			m->votes_against = no;
			if ((p = memmem(s, n, "with ", 5)) != NULL)
				sscanf(p + 5, "%d abstention", &abst);
			m->votes_abstain = abst;
		} else if (p != NULL && sscanf(p + 4, "%d votes to none",
		    &yes) == 1) {
			m->votes_for = yes;
			m->votes_against = 0;
			if ((p = memmem(s, n, "with ", 5)) != NULL)
				sscanf(p + 5, "%d abstention", &abst);
			m->votes_abstain = abst;
		}
	} else if (starts(s, n, "第") && (p = memmem(s, n, "次全体会议",
	    15)) != NULL && p - s < 20) {
		num = atoi(s + 3);
	} else
		return 0;
	if (num <= 0)
		return 0;
	if (m->meeting == NULL) {
		const char *e = memmem(s, n, "meeting", 7);

		m->meeting_number = num;
		if (e != NULL && !starts(s, n, "Adopted"))
			m->meeting = rp_doc_strndup(doc, s,
			    (size_t)(e - s) + 7);
		else {
			char buf[48];

			snprintf(buf, sizeof(buf), "%d%s meeting", num, suffix);
			m->meeting = rp_doc_strdup(doc, buf);
		}
	}
	if (m->date == NULL && (k = rp_find_date(s, n, iso, &at)) > 0)
		m->date = rp_doc_strdup(doc, iso);
	return 1;
}

/* Metadata found in one masthead line. */
void
rp_masthead_meta(rp_doc *doc, rp_meta *m, int role, const char *s, size_t n)
{
	char		 iso[11];
	size_t		 at;
	int		 num, year;
	const char	*p;

	unstar(&s, &n);
	switch (role) {
	case RP_ROLE_BODY:
		m->body = rp_body_from_name(s, n);
		break;
	case RP_ROLE_SYMBOL:
		if (m->symbol == NULL)
			m->symbol = rp_doc_strndup(doc, s, n);
		break;
	case RP_ROLE_DISTRIBUTION:
		if ((p = memchr(s, ':', n)) != NULL) {
			p++;
			while (p < s + n && *p == ' ')
				p++;
			m->distribution = rp_doc_strndup(doc, p,
			    (size_t)(s + n - p));
		} else if (!starts(s, n, "Distr"))
			m->distribution = rp_doc_strndup(doc, s, n);
		break;
	case RP_ROLE_DATE:
		if (rp_parse_date(s, n, iso) && m->date == NULL)
			m->date = rp_doc_strdup(doc, iso);
		break;
	case RP_ROLE_SESSION:
		m->session = rp_doc_strndup(doc, s, n);
		m->session_number = rp_ordinal_word(s, n);
		break;
	case RP_ROLE_DOCTYPE:
		if (doctype_number(s, n, &num, &year)) {
			char buf[16];

			snprintf(buf, sizeof(buf), "%d", num);
			m->number = rp_doc_strdup(doc, buf);
			m->year = year;
			/* N (YYYY) is how the Security Council numbers. */
			if (m->body == RP_BODY_UNKNOWN)
				m->body = RP_BODY_SC;
		}
		if (rp_find_date(s, n, iso, &at) && m->date == NULL)
			m->date = rp_doc_strdup(doc, iso);
		break;
	case RP_ROLE_NUMBER:
		m->number = rp_doc_strndup(doc, s, n);
		if (n > 0 && s[n - 1] == '.')
			m->number = rp_doc_strndup(doc, s, n - 1);
		break;
	case RP_ROLE_ADOPTION:
		if (rp_find_date(s, n, iso, &at))
			m->date = rp_doc_strdup(doc, iso);
		if ((p = memmem(s, n, " at its ", 8)) != NULL) {
			const char *e = memmem(p, (size_t)(s + n - p),
			    "meeting", 7);

			if (e != NULL) {
				m->meeting = rp_doc_strndup(doc, p + 8,
				    (size_t)(e + 7 - p - 8));
				m->meeting_number = atoi(p + 8);
			}
		} else if ((p = memmem(s, n, "第", 3)) != NULL &&
		    memmem(s, n, "次会议", 9)) {
			const char *e = memmem(p, (size_t)(s + n - p),
			    "次会议", 9);

			if (e != NULL && e > p) {
				m->meeting = rp_doc_strndup(doc, p,
				    (size_t)(e + 9 - p));
				m->meeting_number = atoi(p + 3 +
				    (p[3] == ' '));
			}
		}
		if ((p = memmem(s, n, "adopted by the ", 15)) != NULL ||
		    (p = memmem(s, n, "Adopted by the ", 15)) != NULL) {
			const char *e = p + 15, *stop = s + n;

			while (e < stop && *e != ' ')
				e++;
			if (m->body == RP_BODY_UNKNOWN)
				m->body = memmem(p, (size_t)(stop - p),
				    "Security Council", 16) ? RP_BODY_SC :
				    memmem(p, (size_t)(stop - p),
				    "General Assembly", 16) ? RP_BODY_GA :
				    RP_BODY_UNKNOWN;
		}
		break;
	case RP_ROLE_TITLE:
		if (m->title == NULL)
			m->title = rp_doc_strndup(doc, s, n);
		if (m->kind != RP_DOC_LETTER)
			break;
		/* "Letter dated 30 December 2021 from the President of the
		 * Security Council ...": its date and the body. */
		if (memmem(s, n, "安全理事会", 15) || memmem(s, n,
		    "Security Council", 16))
			m->body = RP_BODY_SC;
		if (rp_find_date(s, n, iso, &at))
			m->date = rp_doc_strdup(doc, iso);
		break;
	default:
		break;
	}
}

/* "58/136. Title" and "80/10. Title": the GA number before the title. */
size_t
rp_number_before_title(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '/'))
		i++;
	if (i < 3 || !memchr(s, '/', i) || i + 2 > n || s[i] != '.' ||
	    s[i + 1] != ' ')
		return 0;
	return i + 1;
}

/* Vote labels of a letter: "赞成：", "In favour:". */
int
rp_vote_label(const char *s, size_t n)
{
	static const struct { const char *label; int kind; } labels[] = {
		{ "赞成", RP_VOTE_FOR }, { "反对", RP_VOTE_AGAINST },
		{ "弃权", RP_VOTE_ABSTAIN }, { "In favour", RP_VOTE_FOR },
		{ "Against", RP_VOTE_AGAINST },
		{ "Abstaining", RP_VOTE_ABSTAIN },
		{ "Abstentions", RP_VOTE_ABSTAIN },
		{ "Abstention", RP_VOTE_ABSTAIN },
	};
	size_t i, k;

	for (i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		k = strlen(labels[i].label);
		if (n >= k + 1 && n <= k + 3 &&
		    strncmp(s, labels[i].label, k) == 0 &&
		    (s[k] == ':' || strncmp(s + k, "：", 3) == 0))
			return labels[i].kind + 1;
	}
	return 0;
}

/* The members of a vote group: names split at "、" or ", ". */
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
	if (n == 0 || (n == 3 && memcmp(s, "无", 3) == 0) ||
	    (n == 4 && strncasecmp(s, "none", 4) == 0))
		return 0;
	for (i = 0; i < n; i++) {
		if (i + 3 <= n && memcmp(s + i, "、", 3) == 0)
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
	return (n > 6 && memcmp(s + n - 6, "的信", 6) == 0) ||
	    starts(s, n, "Letter dated") || starts(s, n, "Identical letters") ||
	    starts(s, n, "Lettre datée");
}

void
rp_finish_meta(rp_doc *doc, rp_meta *m, const char *text, size_t n)
{
	char	 buf[64];

	if (m->language == NULL)
		m->language = rp_detect_language(text, n);
	/* Symbol, number, year and body explain one another. */
	if (m->symbol != NULL) {
		const char *s = m->symbol;
		int a, y;

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
	if (m->symbol == NULL && m->number != NULL) {
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
			buf[0] = '\0';
		if (buf[0])
			m->symbol = rp_doc_strdup(doc, buf);
	}
	if (m->year == 0 && m->date != NULL)
		m->year = atoi(m->date);
	if (m->year == 0 && m->number != NULL && m->body == RP_BODY_ECOSOC)
		m->year = atoi(m->number);
	if (m->session_number == 0 && m->body == RP_BODY_GA &&
	    m->number != NULL && strchr(m->number, '/'))
		m->session_number = atoi(m->number);
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
	    rp_is_formula(s, n, &b);
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

int
rp_ends_sentence(const char *s, size_t n)
{
	size_t		len;
	uint32_t	last;

	if (n == 0)
		return 0;
	last = rp_utf8_last(s, n, &len);
	return last == ',' || last == ';' || last == '.' || last == ':' ||
	    last == 0xFF0C || last == 0xFF1B || last == 0x3002;
}
