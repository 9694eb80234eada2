/* utf8.c -- UTF-8 decoding and the character classes the readers need. */
#include <ctype.h>
#include <string.h>

#include "utf8.h"

size_t
rp_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	size_t			 len, i;
	uint32_t		 c, min;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	} else if ((s[0] & 0xE0) == 0xC0) {
		len = 2; c = s[0] & 0x1F; min = 0x80;
	} else if ((s[0] & 0xF0) == 0xE0) {
		len = 3; c = s[0] & 0x0F; min = 0x800;
	} else if ((s[0] & 0xF8) == 0xF0) {
		len = 4; c = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and values past U+10FFFF are invalid. */
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t
rp_utf8_get(const char *s, size_t n, uint32_t *cp, uint32_t bad)
{
	size_t len = rp_utf8_decode(s, n, cp);

	if (len > 0 || n == 0)
		return len;
	*cp = bad;
	return 1;
}

size_t
rp_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp)
{
	size_t len;

	for (; *i < n; (*i)++)
		if ((len = rp_utf8_decode(s + *i, n - *i, cp)) > 0) {
			*i += len;
			return len;
		}
	return 0;
}

size_t
rp_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t
rp_ascii_prefix(const char *s, size_t n)
{
	size_t		i = 0;
	uint64_t	w;

	/* 8 bytes at a time: most text is ASCII. */
	while (i + 8 <= n && (memcpy(&w, s + i, 8),
	    (w & 0x8080808080808080u) == 0))
		i += 8;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

size_t
rp_utf8_check(const char *s, size_t n)
{
	size_t		i = 0, len;
	uint32_t	cp;

	while ((i += rp_ascii_prefix(s + i, n - i)) < n) {
		if ((len = rp_utf8_decode(s + i, n - i, &cp)) == 0)
			return i;
		i += len;
	}
	return n;
}

uint32_t
rp_utf8_last(const char *s, size_t n, size_t *len)
{
	size_t		i = n, l;
	uint32_t	cp;

	if (n > 0 && (unsigned char)s[n - 1] < 0x80) {	/* most text */
		*len = 1;
		return (unsigned char)s[n - 1];
	}
	/* Step back over continuation bytes, at most three. */
	while (i > 0 && n - i < 4) {
		i--;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			break;
	}
	l = rp_utf8_decode(s + i, n - i, &cp);
	if (l == 0 || i + l != n) {
		*len = 1;
		return (unsigned char)s[n - 1];
	}
	*len = l;
	return cp;
}

int
rp_is_cjk(uint32_t cp)
{
	return (cp >= 0x2E80 && cp <= 0x2FDF) ||	/* radicals */
	    (cp >= 0x3000 && cp <= 0x303F) ||		/* CJK punctuation */
	    (cp >= 0x3040 && cp <= 0x30FF) ||		/* kana */
	    (cp >= 0x3100 && cp <= 0x31BF) ||		/* bopomofo */
	    (cp >= 0x3200 && cp <= 0x33FF) ||		/* enclosed, compat */
	    (cp >= 0x3400 && cp <= 0x4DBF) ||		/* ext. A */
	    (cp >= 0x4E00 && cp <= 0x9FFF) ||		/* unified */
	    (cp >= 0xAC00 && cp <= 0xD7AF) ||		/* hangul */
	    (cp >= 0xF900 && cp <= 0xFAFF) ||		/* compat ideographs */
	    (cp >= 0xFE30 && cp <= 0xFE4F) ||		/* compat forms */
	    (cp >= 0xFF00 && cp <= 0xFFEF) ||		/* full-width */
	    (cp >= 0x20000 && cp <= 0x3FFFF);		/* ext. B and on */
}

enum rp_script
rp_script_of(uint32_t cp)
{
	if ((cp >= 0x0620 && cp <= 0x064A) || (cp >= 0x066E && cp <= 0x06D3) ||
	    (cp >= 0x0750 && cp <= 0x077F))
		return RP_SCRIPT_ARABIC;
	if (cp >= 0x0400 && cp <= 0x04FF)
		return RP_SCRIPT_CYRILLIC;
	if (rp_is_cjk(cp))
		return RP_SCRIPT_HAN;
	if (cp < 0x80 ? isalpha((int)cp) : cp >= 0xC0 && cp < 0x250)
		return RP_SCRIPT_LATIN;
	return RP_SCRIPT_NONE;
}

const char *
rp_script_name(enum rp_script script)
{
	static const char *const names[RP_SCRIPT__MAX] = {
		NULL, "latin", "cyrillic", "arabic", "han"
	};

	return names[script];
}

int
rp_digit_value(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)(cp - '0');
	if (cp >= 0x0660 && cp <= 0x0669)
		return (int)(cp - 0x0660);
	if (cp >= 0x06F0 && cp <= 0x06F9)
		return (int)(cp - 0x06F0);
	return -1;
}

int
rp_is_cjk_closing(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A:
	case 0xFF01: case 0xFF1F: case 0xFF09: case 0x300D: case 0x300F:
	case 0x300B: case 0x3011: case 0x3009: case 0x201D: case 0x2019:
	case 0xFF0E: case 0x30FC: case 0x3015: case 0xFF3D: case 0xFF5D:
	case 0x2026: case 0x00B7: case 0x30FB: case 0xFF05:
		return 1;
	}
	return 0;
}

int
rp_is_cjk_opening(uint32_t cp)
{
	switch (cp) {
	case 0xFF08: case 0x300C: case 0x300E: case 0x300A: case 0x3010:
	case 0x3008: case 0x201C: case 0x2018: case 0x3014: case 0xFF3B:
	case 0xFF5B:
		return 1;
	}
	return 0;
}

int
rp_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == '\v' || cp == 0xA0 || cp == 0x3000 ||
	    (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
	    cp == 0x205F || cp == 0xFEFF;
}

int
rp_superscript_digit(uint32_t cp)
{
	switch (cp) {
	case 0x2070: return 0;
	case 0x00B9: return 1;
	case 0x00B2: return 2;
	case 0x00B3: return 3;
	}
	if (cp >= 0x2074 && cp <= 0x2079)
		return (int)(cp - 0x2070);
	return -1;
}

int
rp_cjk_paren_number(uint32_t cp)
{
	return cp >= 0x3220 && cp <= 0x3229 ? (int)(cp - 0x3220 + 1) : 0;
}

int
rp_utf16_detect(const char *s, size_t n, size_t *skip)
{
	const unsigned char *u = (const unsigned char *)s;

	*skip = 0;
	if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
		return (*skip = 2), 1;
	if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
		return (*skip = 2), 2;
	if (n >= 4 && memcmp(s, "\0<\0?", 4) == 0)
		return 1;
	if (n >= 4 && memcmp(s, "<\0?\0", 4) == 0)
		return 2;
	return 0;
}

size_t
rp_utf16_to_utf8(const char *s, size_t n, int big, char *out, size_t *bad)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k = 0;
	uint32_t		 cp, lo;

	for (i = 0; i + 1 < n; i += 2) {
		cp = big ? (uint32_t)u[i] << 8 | u[i + 1] :
		    (uint32_t)u[i + 1] << 8 | u[i];
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < n) {
			lo = big ? (uint32_t)u[i + 2] << 8 | u[i + 3] :
			    (uint32_t)u[i + 3] << 8 | u[i + 2];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) +
				    (lo - 0xDC00);
				i += 2;
			}
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			break;
		k += rp_utf8_encode(cp, out + k);
	}
	out[k] = '\0';
	if (i < n) {
		*bad = i;
		return (size_t)-1;
	}
	return k;
}

/* Whether cp is an upper-case Latin, Greek or Cyrillic letter. */
int
rp_is_upper_letter(uint32_t cp)
{
	if (cp < 0x80)
		return isupper((int)cp);
	return (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
	    (cp >= 0x100 && cp <= 0x17F && !(cp & 1)) ||
	    (cp >= 0x410 && cp <= 0x42F);
}

/* Whether cp is a letter of a script with capitals (Latin, Cyrillic). */
int
rp_is_cased_letter(uint32_t cp)
{
	return (cp < 0x80 && isalpha((int)cp)) || (cp >= 0xC0 &&
	    cp < 0x250 && cp != 0xD7 && cp != 0xF7) || (cp >= 0x400 &&
	    cp < 0x530);
}

char
rp_latin_lookalike(uint32_t cp)
{
	static const char map[] = "A\0B\0\0E\0\0\0\0K\0MHO\0PCT\0\0X";

	if (cp == 0x406)		/* І, the Ukrainian I */
		return 'I';
	if (cp < 0x410 || cp >= 0x410 + sizeof(map) - 1)
		return 0;
	return map[cp - 0x410];
}

int
rp_roman_value(const char *s, size_t n, size_t *len)
{
	static const char	 digits[] = "ivxlc";
	static const int	 values[] = { 1, 5, 10, 50, 100 };
	const char		*d;
	size_t			 j;
	int			 v = 0, prev = 1000, cur;

	/* IV, XL: a smaller digit before a larger one is taken away. */
	for (j = 0; j < n && s[j] != '\0' && (d = strchr(digits,
	    tolower((unsigned char)s[j]))) != NULL; j++, prev = cur) {
		cur = values[d - digits];
		v += cur > prev ? cur - 2 * prev : cur;
	}
	*len = j;
	return v;
}

void
rp_roman_write(int v, char *buf)
{
	static const struct { int v; const char *s; } r[] = {
		{ 100, "C" }, { 90, "XC" }, { 50, "L" }, { 40, "XL" },
		{ 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
	};
	size_t	k;

	*buf = '\0';
	for (k = 0; k < sizeof(r) / sizeof(r[0]); k++)
		for (; v >= r[k].v; v -= r[k].v)
			strcat(buf, r[k].s);
}

size_t
rp_utf8_chars(const char *s, size_t n)
{
	const uint64_t	 high = 0x8080808080808080u;
	uint64_t	 w;
	size_t		 i, cont = 0;

	/* The bytes less the continuation bytes (10xxxxxx), eight at a
	 * time: bit 7 set and bit 6 clear. */
	for (i = 0; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		cont += (size_t)__builtin_popcountll(w & ~(w << 1) & high);
	}
	for (; i < n; i++)
		cont += ((unsigned char)s[i] & 0xC0) == 0x80;
	return n - cont;
}
