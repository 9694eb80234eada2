/* spacing.c -- the spaces a language sets around punctuation (issue 12:
 * French thin spaces), read once from lang/<lang>.conf and set by the
 * PDF writer and, in the AKN tree before the stylesheet, by the HTML
 * writer (quotes.c walks the tree). */
#include <ctype.h>
#include <string.h>

#include "lang.h"
#include "spacing.h"
#include "utf8.h"

/* A setting ("; ! ? »") into set, its spaces dropped; too long a one
 * leaves set empty. */
static void
chars(const char *v, char *set, size_t size)
{
	size_t n = 0;

	*set = '\0';
	for (; v != NULL && *v != '\0'; v++) {
		if (*v == ' ')
			continue;
		if (n + 1 >= size) {
			*set = '\0';
			return;
		}
		set[n++] = *v;
		set[n] = '\0';
	}
}

void
rp_spacing_of(rp_spacing *sp, const char *language)
{
	chars(rp_lang_code_setting(language, "narrow space before"),
	    sp->narrow_before, sizeof(sp->narrow_before));
	chars(rp_lang_code_setting(language, "narrow space after"),
	    sp->narrow_after, sizeof(sp->narrow_after));
	chars(rp_lang_code_setting(language, "no-break space before"),
	    sp->nbsp_before, sizeof(sp->nbsp_before));
}

/* Whether the character at s[0..len) is one of set's. */
static int
in_set(const char *set, const char *s, size_t len)
{
	size_t		i, k, n = strlen(set);
	uint32_t	cp;

	for (i = 0; i < n; i += k) {
		k = rp_utf8_get(set + i, n - i, &cp, 0xFFFD);
		if (k == len && memcmp(set + i, s, len) == 0)
			return 1;
	}
	return 0;
}

/* Whether s[0..n) goes on with a word, number or address, so that the
 * mark before it stands inside one ("10:30", "http://"). */
static int
inside_word(const char *s, size_t n)
{
	return n > 0 && (isalnum((unsigned char)s[0]) || s[0] == '/');
}

static int
no_break(uint32_t cp)
{
	return cp == 0xA0 || cp == 0x202F;
}

/* The length of the space s[0..n) starts with, plain or no-break; 0
 * if none. */
static size_t
space_at(const char *s, size_t n)
{
	uint32_t	cp;
	size_t		k;

	if (n == 0)
		return 0;
	k = rp_utf8_get(s, n, &cp, 0xFFFD);
	return cp == ' ' || no_break(cp) ? k : 0;
}

/* The space before a mark: in place of the space before it (the
 * source's own no-break one too), not at the block's start, nor after
 * another node's space.  prev is the last character of the node before
 * (0 at the block's start): a mark whose space opens this node follows
 * it ("<date>… 1976</date>\u202F» ni"). */
static void
space_before(rp_buf *out, uint32_t prev, const char *space)
{
	uint32_t	last = prev;
	size_t		k;

	if (out->len > 0) {
		last = rp_utf8_last(out->data, out->len, &k);
		if (last == ' ' || no_break(last)) {
			out->len -= k;
			out->data[out->len] = '\0';
			last = out->len > 0 ? rp_utf8_last(out->data,
			    out->len, &k) : prev;
		}
	}
	if (last != 0 && !rp_is_space(last))
		rp_buf_puts(out, space);
}

const char *
rp_spacing_set(const rp_spacing *sp, uint32_t prev, const char *s,
    size_t n, rp_buf *out)
{
	size_t		i, k;
	uint32_t	cp;
	int		before;

	if (sp->narrow_before[0] == '\0' && sp->narrow_after[0] == '\0' &&
	    sp->nbsp_before[0] == '\0')
		return s;
	rp_buf_reset(out);
	for (i = 0; i < n; i += k) {
		k = rp_utf8_get(s + i, n - i, &cp, 0xFFFD);
		before = in_set(sp->narrow_before, s + i, k) ? 1 :
		    in_set(sp->nbsp_before, s + i, k) ? 2 : 0;
		if (before && !inside_word(s + i + k, n - i - k))
			space_before(out, prev, before == 1 ? "\u202F" :
			    "\u00A0");
		rp_buf_put(out, s + i, k);
		/* At the end, the next node's first character is unknown:
		 * the source's space stays. */
		if (in_set(sp->narrow_after, s + i, k) &&
		    i + k + space_at(s + i + k, n - i - k) < n) {
			k += space_at(s + i + k, n - i - k);
			rp_buf_puts(out, "\u202F");
		}
	}
	if (out->data == NULL || (out->len == n && memcmp(out->data, s, n) == 0))
		return s;
	return out->data;
}
