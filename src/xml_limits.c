/* xml_limits.c -- a linear pass over XML before libxml2 parses it, to
 * refuse what would take it too long or too much memory: too many
 * elements, too many attributes on one element (libxml2's duplicate
 * check is quadratic), too deep a nesting. */
#include <string.h>

#include "backend.h"

struct scan {
	const char	*buf;
	size_t		 len, i;
};

/* Skip past the next occurrence of end (or to the end of the input). */
static void
skip_past(struct scan *s, const char *end)
{
	const char *p = memmem(s->buf + s->i, s->len - s->i, end, strlen(end));

	s->i = p != NULL ? (size_t)(p - s->buf) + strlen(end) : s->len;
}

/* Skip a tag or declaration up to its '>', quoted values and a DOCTYPE's
 * [internal subset] included; returns the number of '=' outside quotes
 * (the attributes of a start tag). */
static size_t
skip_tag(struct scan *s, int *empty)
{
	size_t	eqs = 0;
	int	quote = 0, bracket = 0;
	char	c = 0, prev;

	for (; s->i < s->len; s->i++) {
		prev = c;
		c = s->buf[s->i];
		if (quote) {
			if (c == quote)
				quote = 0;
		} else if (c == '"' || c == '\'')
			quote = c;
		else if (c == '[')
			bracket++;
		else if (c == ']' && bracket > 0)
			bracket--;
		else if (c == '=')
			eqs++;
		else if (c == '>' && bracket == 0) {
			*empty = prev == '/';
			s->i++;
			return eqs;
		}
	}
	*empty = 1;
	return eqs;
}

/* The line and column (in characters) of byte offset at. */
static void
position_of(const struct scan *s, size_t at, int *line, int *col)
{
	size_t	i;

	*line = *col = 1;
	for (i = 0; i < at && i < s->len; i++) {
		if (s->buf[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)s->buf[i] & 0xC0) != 0x80)
			++*col;
	}
}

/* An error at byte offset at. */
static int
fail_at(rp_doc *doc, const struct scan *s, size_t at, const char *what,
    size_t limit, const char *name)
{
	int	line, col;

	position_of(s, at, &line, &col);
	rp_msg(doc, RP_ERROR, "limit", line, col, "more than %zu %s (limit %s)",
	    limit, what, name);
	return -1;
}

/* A text longer than libxml2 reads without XML_PARSE_HUGE (10 MB, which
 * it enforces only when the text reaches it in pieces): refused here,
 * whatever the pieces. */
static int
too_long_text(rp_doc *doc, const struct scan *s, size_t end)
{
	int	line, col;

	if (doc->limits.depth > 256 || end - s->i <= 10000000)
		return 0;
	position_of(s, s->i, &line, &col);
	rp_msg(doc, RP_ERROR, "limit", line, col, "a text longer than "
	    "libxml2 reads (10 MB)");
	return 1;
}

int
rp_xml_check_limits(rp_doc *doc, const char *buf, size_t len)
{
	struct scan	 s = { buf, len, 0 };
	const rp_limits	*lim = &doc->limits;
	size_t		 elements = 0, depth = 0, attrs, at;
	const char	*p;
	int		 empty;

	while (s.i < len) {
		if ((p = memchr(buf + s.i, '<', len - s.i)) == NULL)
			p = buf + len;
		if (too_long_text(doc, &s, (size_t)(p - buf)))
			return -1;
		if (p == buf + len)
			break;
		at = s.i = (size_t)(p - buf);
		if (strncmp(p, "<!--", 4) == 0)
			skip_past(&s, "-->");
		else if (strncmp(p, "<![CDATA[", 9) == 0)
			skip_past(&s, "]]>");
		else if (p[1] == '?')
			skip_past(&s, "?>");
		else if (p[1] == '!')
			(void)skip_tag(&s, &empty);
		else if (p[1] == '/') {
			(void)skip_tag(&s, &empty);
			depth -= depth > 0;
		} else {
			attrs = skip_tag(&s, &empty);
			if (++elements > lim->elements)
				return fail_at(doc, &s, at, "XML elements",
				    lim->elements, "elements");
			if (attrs > lim->attributes)
				return fail_at(doc, &s, at, "attributes on "
				    "one element", lim->attributes,
				    "attributes");
			if (!empty && ++depth > lim->depth)
				return fail_at(doc, &s, at, "nested XML "
				    "elements", lim->depth, "depth");
		}
	}
	return 0;
}
