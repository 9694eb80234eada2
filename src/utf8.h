/* utf8.h -- for any part of librespub that looks at characters. */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point at s (n bytes available).  Returns its length in
 * bytes and stores it in *cp; on an invalid sequence returns 0.
 */
size_t	 rp_utf8_decode(const char *s, size_t n, uint32_t *cp);
/*
 * The code point at s (n > 0 bytes) into *cp, and its length; an invalid
 * byte is one byte long and reads as bad (U+FFFD, '?', ...).
 */
size_t	 rp_utf8_get(const char *s, size_t n, uint32_t *cp, uint32_t bad);
/*
 * The loop over the code points of s (n bytes) from offset *i, invalid
 * bytes stepped over: the next one into *cp and *i past it; returns its
 * length, 0 at the end.  while (rp_utf8_next(s, n, &i, &cp)) ...
 */
size_t	 rp_utf8_next(const char *s, size_t n, size_t *i, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the length. */
size_t	 rp_utf8_encode(uint32_t cp, char *out);
/* How many bytes s opens with below 0x80 (ASCII). */
size_t	 rp_ascii_prefix(const char *s, size_t n);
/* How many characters s holds (bytes less continuation bytes). */
size_t	 rp_utf8_chars(const char *s, size_t n);
/* Offset of the first invalid byte, or n if all of s is valid UTF-8. */
size_t	 rp_utf8_check(const char *s, size_t n);
/*
 * Whether s starts as UTF-16 does (a byte order mark, or "<?" of an XML
 * declaration): 1 big-endian, 2 little-endian, 0 not UTF-16; *skip is
 * the length of the mark.
 */
int	 rp_utf16_detect(const char *s, size_t n, size_t *skip);
/* UTF-16 s (n bytes) as UTF-8 into out (at least 3 * n / 2 + 1 bytes);
 * returns its length, or (size_t)-1 with *bad the offset of an unpaired
 * surrogate or odd last byte (out then holds the text before it). */
size_t	 rp_utf16_to_utf8(const char *s, size_t n, int big, char *out,
	    size_t *bad);
/* The code point that ends at s + n (n > 0), and its length in *len. */
uint32_t rp_utf8_last(const char *s, size_t n, size_t *len);

/* Han ideographs and CJK symbols/punctuation, full-width forms. */
int	 rp_is_cjk(uint32_t cp);
/* The scripts the UN's six languages are written in. */
enum rp_script {
	RP_SCRIPT_NONE,		/* digits, signs, punctuation, others */
	RP_SCRIPT_LATIN,
	RP_SCRIPT_CYRILLIC,
	RP_SCRIPT_ARABIC,
	RP_SCRIPT_HAN,		/* with CJK punctuation and full-width forms */
	RP_SCRIPT__MAX
};
/* The script the letter cp is written in. */
enum rp_script rp_script_of(uint32_t cp);
/* The script's name as the language tables' "script" setting gives it. */
const char *rp_script_name(enum rp_script script);
/* The value of a decimal digit, Western or Arabic-Indic (both forms),
 * else -1. */
int	 rp_digit_value(uint32_t cp);
/* CJK punctuation that no line may start with (kinsoku). */
int	 rp_is_cjk_closing(uint32_t cp);
/* CJK punctuation that no line may end with. */
int	 rp_is_cjk_opening(uint32_t cp);
/* White space, including U+00A0, U+3000 and other Unicode spaces. */
int	 rp_is_space(uint32_t cp);
/* Whether cp is an upper-case Latin, Greek or Cyrillic letter. */
int	 rp_is_upper_letter(uint32_t cp);
/* Whether cp is a letter of a script with capitals (Latin, Cyrillic). */
int	 rp_is_cased_letter(uint32_t cp);
/* Superscript digit ¹²³...: its value 0-9, or -1. */
int	 rp_superscript_digit(uint32_t cp);
/* Parenthesized ideograph ㈠ ... ㈩: its value 1-10, or 0. */
int	 rp_cjk_paren_number(uint32_t cp);
/* The Latin capital a Cyrillic capital looks like ("А" of "217 А (III)",
 * "Х" of "(ХХХ)" typed in Russian), else 0. */
char	 rp_latin_lookalike(uint32_t cp);
/* The value of the Roman numeral opening s[0..n), either case ("XXVI",
 * "xxvi"), its length into *len; 0 if none. */
int	 rp_roman_value(const char *s, size_t n, size_t *len);
/* The Roman numeral of v (1 to 399) into buf (at least 16 bytes). */
void	 rp_roman_write(int v, char *buf);

#endif
