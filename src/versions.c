/* versions.c -- the language versions of one resolution: the key under
 * which inputs are one Work whatever language they are in (their symbol,
 * however each language writes it), the symbol a file name spells when
 * the text prints none, and the UN order of the six languages. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "versions.h"

/* The six languages in the UN's order (Arabic, Chinese, English,
 * French, Russian, Spanish): ISO 639-2 code, ISO 639-1 code (in file
 * names), BCP 47 tag (as the pages give it). */
static const char *const langs[][3] = {
	{ "ara", "ar", "ar" }, { "zho", "zh", "zh-Hans" },
	{ "eng", "en", "en" }, { "fra", "fr", "fr" }, { "rus", "ru", "ru" },
	{ "spa", "es", "es" },
};
#define NLANGS	(sizeof(langs) / sizeof(langs[0]))

int
version_rank(const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && i < NLANGS; i++)
		if (strcmp(lang, langs[i][0]) == 0)
			return (int)i;
	return (int)NLANGS;
}

const char *
version_tag(const char *lang)
{
	int r = version_rank(lang);

	return r < (int)NLANGS ? langs[r][2] : lang != NULL ? lang : "und";
}

/* One code point at *s, which moves on (a stray byte is itself). */
static unsigned
next_cp(const unsigned char **s)
{
	const unsigned char	*p = *s;
	unsigned		 c = *p++;
	int			 more = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 :
				    c >= 0xC0 ? 1 : 0;

	if (more > 0)
		c &= 0x3F >> more;
	while (more-- > 0 && (*p & 0xC0) == 0x80)
		c = (c << 6) | (*p++ & 0x3F);
	*s = p;
	return c;
}

/* The Latin capital a Cyrillic letter of a symbol stands for ("А" of
 * "A/RES/217 А (III)" typed in Russian, either case), else 0. */
static int
latin_of_cyrillic(unsigned c)
{
	if (c >= 0x430 && c <= 0x44F)
		c -= 0x20;
	return rp_latin_lookalike(c);
}

static int
is_blank_cp(unsigned c)
{
	return c == ' ' || c == '\t' || c == 0xA0 || c == 0x3000 ||
	    (c >= 0x2000 && c <= 0x200B) || c == 0x202F;
}

char *
version_key(const char *symbol)
{
	const unsigned char	*s = (const unsigned char *)symbol, *start;
	char			*out = malloc(strlen(symbol) + 1), *p = out;
	unsigned		 c;
	int			 l;

	if (out == NULL)
		return NULL;
	while (*s != '\0') {
		start = s;
		c = next_cp(&s);
		if (c >= 0xFF01 && c <= 0xFF5E)	/* full width */
			c -= 0xFEE0;
		if (is_blank_cp(c))
			continue;
		if ((l = latin_of_cyrillic(c)) != 0)
			c = (unsigned)l;
		/* "S/RES/0338" is "S/RES/338". */
		if (c == '0' && (p == out || !isdigit((unsigned char)p[-1])) &&
		    isdigit(*s))
			continue;
		if (c < 0x80)
			*p++ = (char)toupper((int)c);
		else {
			memcpy(p, start, (size_t)(s - start));
			p += s - start;
		}
	}
	*p = '\0';
	return out;
}

/* ------------------------------------------------------- file names */

#define MAXTOK	8

/* The base name without its extensions, cut into tokens at - _ . ( ) and
 * blanks; the number of tokens. */
static int
name_tokens(const char *path, char *buf, size_t size, char *tok[MAXTOK])
{
	const char	*base = strrchr(path, '/');
	char		*p, *save = NULL;
	int		 n = 0;

	snprintf(buf, size, "%s", base != NULL ? base + 1 : path);
	if ((p = strchr(buf, '.')) != NULL)
		*p = '\0';
	for (p = strtok_r(buf, "-_.() ", &save); p != NULL && n < MAXTOK;
	    p = strtok_r(NULL, "-_.() ", &save))
		tok[n++] = p;
	return n;
}

static int
all_of(const char *s, const char *set)
{
	return *s != '\0' && strspn(s, set) == strlen(s);
}

#define DIGITS	"0123456789"
#define ROMAN	"IVXLC"

/*
 * The symbol a file name spells, in the readers' form: the names of the
 * UN's own downloads ("S_RES_338(1973)-FR.pdf", "A_RES_2758(XXVI)-ES")
 * and of archives ("S_RES_0338_1973_fr.txt", "A_RES_80_2.md",
 * "A_RES_217_A_III_ru.txt").  What follows the symbol (a language, a
 * source) is left.  NULL when the name spells none.
 */
char *
symbol_of_name(const char *path)
{
	char	 buf[256], sym[96], *t[MAXTOK];
	int	 n = name_tokens(path, buf, sizeof(buf), t);

	if (n < 4 || strcasecmp(t[1], "RES") != 0 || !all_of(t[2], DIGITS))
		return NULL;
	if (strcasecmp(t[0], "S") == 0 && all_of(t[3], DIGITS) &&
	    strlen(t[3]) == 4)
		snprintf(sym, sizeof(sym), "S/RES/%d (%s)", atoi(t[2]), t[3]);
	else if (strcasecmp(t[0], "A") != 0)
		return NULL;
	else if (all_of(t[3], ROMAN))
		snprintf(sym, sizeof(sym), "A/RES/%d (%s)", atoi(t[2]), t[3]);
	else if (n > 4 && strlen(t[3]) == 1 && all_of(t[3], "ABCD") &&
	    all_of(t[4], ROMAN))
		snprintf(sym, sizeof(sym), "A/RES/%d %s (%s)", atoi(t[2]), t[3],
		    t[4]);
	else if (all_of(t[3], DIGITS) && atoi(t[2]) >= 31 && atoi(t[2]) < 200)
		/* Since the 31st session (1976): A/RES/session/number. */
		snprintf(sym, sizeof(sym), "A/RES/%d/%d", atoi(t[2]), atoi(t[3]));
	else
		return NULL;
	return strdup(sym);
}

/*
 * For inputs with no symbol at all: the file name without the token that
 * names its language ("udhr-ar.txt" in Arabic, "udhr_fra.md" in French:
 * "udhr"), lower case.  NULL when no token names the language.
 */
char *
name_key(const char *path, const char *lang)
{
	char	 buf[256], *t[MAXTOK], *out;
	int	 n = name_tokens(path, buf, sizeof(buf), t), i, hit = -1;
	int	 r = version_rank(lang);
	size_t	 len = 0;

	if (r == (int)NLANGS)
		return NULL;
	for (i = 0; i < n && hit < 0; i++)
		if (strcasecmp(t[i], langs[r][0]) == 0 ||
		    strcasecmp(t[i], langs[r][1]) == 0)
			hit = i;
	if (hit < 0 || n < 2 || (out = malloc(sizeof(buf) + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		if (i == hit)
			continue;
		len += (size_t)snprintf(out + len, sizeof(buf) - len, "%s%s",
		    len > 0 ? "-" : "", t[i]);
	}
	for (i = 0; out[i] != '\0'; i++)
		out[i] = (char)tolower((unsigned char)out[i]);
	return out;
}
