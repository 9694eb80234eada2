/* format.c -- format names, input detection, and dispatch to the readers
 * and writers. */
#include <stdlib.h>
#include <string.h>

#include "backend.h"
#include "utf8.h"

struct format {
	rp_format	 fmt;
	const char	*name, *ext;
};

static const struct format formats[] = {
	{ RP_FORMAT_TEXT, "text", "txt" },
	{ RP_FORMAT_MD, "md", "md" },
	{ RP_FORMAT_AKN, "akn", "xml" },
	{ RP_FORMAT_HTML, "html", "html" },
	{ RP_FORMAT_PDF, "pdf", "pdf" },
	{ RP_FORMAT_TREE, "tree", "tree" },
};

/* The writers built into the library. */
static const struct rp_backend *const backends[] = {
	&rp_backend_tree,
	&rp_backend_akn,
	&rp_backend_pdf,
	&rp_backend_md,
	&rp_backend_html,
};

rp_format
rp_format_parse(const char *name)
{
	size_t i;

	if (strcmp(name, "markdown") == 0)
		return RP_FORMAT_MD;
	if (strcmp(name, "xml") == 0)
		return RP_FORMAT_AKN;
	if (strcmp(name, "txt") == 0 || strcmp(name, "plain") == 0)
		return RP_FORMAT_TEXT;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(name, formats[i].name) == 0)
			return formats[i].fmt;
	return RP_FORMAT_UNKNOWN;
}

static const struct format *
format_of(rp_format f)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (formats[i].fmt == f)
			return &formats[i];
	return NULL;
}

const char *
rp_format_name(rp_format f)
{
	return format_of(f) ? format_of(f)->name : "unknown";
}

const char *
rp_format_ext(rp_format f)
{
	return format_of(f) ? format_of(f)->ext : "out";
}

/*
 * Whether text shows syntax only Markdown has: a footnote "[^1]", an ATX
 * heading "# Annex", a backslash escape "1\\." (the first 64 KiB).
 */
static int
md_syntax(const char *s, size_t n)
{
	size_t	i;
	int	bol = 1;

	if (n > 65536)
		n = 65536;
	for (i = 0; i + 1 < n; i++) {
		if (s[i] == '[' && s[i + 1] == '^')
			return 1;
		if (s[i] == '\\' && s[i + 1] != '\0' &&
		    strchr("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", s[i + 1]))
			return 1;
		if (bol && s[i] == '#') {
			size_t k = i;

			while (k < n && k - i < 7 && s[k] == '#')
				k++;
			if (k - i <= 6 && k < n && s[k] == ' ')
				return 1;
		}
		bol = s[i] == '\n';
	}
	return 0;
}

/*
 * Whether text has Markdown footnote definitions: a line "[^1]: ..."
 * after a blank line or a rule (or first).  Plain text never
 * writes one; a text whose notes are written so is Markdown throughout
 * (the ga80 Markdown without its front matter), and the Markdown reader
 * reads such notes, their continuation lines and "[^4]" markers as
 * cmark-gfm does.
 */
static int
md_footnote_defs(const char *s, size_t n)
{
	const char	*l = s, *end = s + n, *nl;
	size_t		 k;
	int		 open = 1;	/* the line before lets one begin */

	for (; l < end; l = nl < end ? nl + 1 : end) {
		if ((nl = memchr(l, '\n', (size_t)(end - l))) == NULL)
			nl = end;
		for (k = 2; l + k < nl && l[k] != ']' && l[k] != ' '; k++)
			continue;
		if (open && nl - l > 2 && l[0] == '[' && l[1] == '^' && k > 2 &&
		    l + k + 2 < nl && l[k] == ']' && l[k + 1] == ':' &&
		    l[k + 2] == ' ')
			return 1;
		while (l < nl && (*l == ' ' || *l == '\r'))
			l++;
		open = l == nl || (nl - l >= 3 && memcmp(l, "---", 3) == 0);
	}
	return 0;
}

rp_format
rp_format_detect(const char *buf, size_t len)
{
	return rp_format_detect_hint(buf, len, RP_FORMAT_UNKNOWN);
}

/* The format of UTF-16 input, by its first 64 KB as UTF-8. */
static rp_format
detect_utf16(const char *buf, size_t len, rp_format hint, int big,
    size_t skip)
{
	size_t		 n = (len - skip < 65536 ? len - skip : 65536) & ~1u;
	size_t		 bad;
	char		*u8 = malloc(n / 2 * 3 + 1);
	rp_format	 f = hint != RP_FORMAT_UNKNOWN ? hint : RP_FORMAT_TEXT;

	if (u8 != NULL && (n = rp_utf16_to_utf8(buf + skip, n, big == 1, u8,
	    &bad)) != (size_t)-1)
		f = rp_format_detect_hint(u8, n, hint);
	free(u8);
	return f;
}

rp_format
rp_format_detect_hint(const char *buf, size_t len, rp_format hint)
{
	const char	*end;
	size_t		 i = 0;
	int		 big;

	if ((big = rp_utf16_detect(buf, len, &i)) != 0)
		return detect_utf16(buf, len, hint, big, i);
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' ||
	    buf[i] == '\n' || buf[i] == '\r'))
		i++;
	if (i < len && buf[i] == '<' && memmem(buf + i, len - i,
	    "akomaNtoso", 10) != NULL)
		return RP_FORMAT_AKN;
	/* Any text is Markdown; XML named so goes to the AKN reader, which
	 * says what it is not. */
	if (hint == RP_FORMAT_MD || (hint == RP_FORMAT_AKN && i < len &&
	    buf[i] == '<'))
		return hint;
	/* Text extracted from PDFs has front matter too: it takes Markdown
	 * syntax after it to make Markdown. */
	if (len - i >= 4 && memcmp(buf + i, "---", 3) == 0 &&
	    (buf[i + 3] == '\n' || buf[i + 3] == '\r') &&
	    (end = memmem(buf + i + 3, len - i - 3, "\n---", 4)) != NULL &&
	    md_syntax(end + 4, len - (size_t)(end + 4 - buf)))
		return RP_FORMAT_MD;
	if (md_footnote_defs(buf + i, len - i))
		return RP_FORMAT_MD;
	return RP_FORMAT_TEXT;
}

rp_format
rp_format_of_path(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base != NULL ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return RP_FORMAT_UNKNOWN;
	return rp_format_parse(dot + 1);
}

/* The line and column (in characters) where the first n bytes of UTF-8
 * text s end. */
static void
position(const char *s, size_t n, int *line, int *col)
{
	size_t i;

	*line = *col = 1;
	for (i = 0; i < n; i++) {
		if (s[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80)
			++*col;
	}
}

/* UTF-16 input (with a byte order mark, or an XML declaration, which
 * XML 1.0 requires processors to accept) as UTF-8. */
static int
from_utf16(rp_doc *doc, const char **buf, size_t *len)
{
	size_t	 skip, bad, n;
	int	 big = rp_utf16_detect(*buf, *len, &skip), line, col;
	char	*u8;

	if (big == 0)
		return 0;
	u8 = rp_doc_alloc(doc, (*len - skip) / 2 * 3 + 1);
	n = rp_utf16_to_utf8(*buf + skip, *len - skip, big == 1, u8, &bad);
	if (n == (size_t)-1) {
		/* Where it is in the text, as for any other error. */
		position(u8, strlen(u8), &line, &col);
		rp_msg(doc, RP_ERROR, "encoding", line, col, "invalid UTF-16 "
		    "(byte %zu): an unpaired surrogate or a lone last byte",
		    skip + bad);
		return -1;
	}
	*buf = u8;
	*len = n;
	return 0;
}

/* Whether buf holds invalid UTF-8 or a NUL byte: says where. */
static int
binary(rp_doc *doc, const char *buf, size_t len)
{
	const char	*nul = memchr(buf, '\0', len);
	size_t		 bad = rp_utf8_check(buf, len);
	int		 line, col;

	if (bad >= len && nul == NULL)
		return 0;
	if (nul != NULL && (size_t)(nul - buf) < bad)
		bad = (size_t)(nul - buf);
	position(buf, bad, &line, &col);
	rp_msg(doc, RP_ERROR, "encoding", line, col, buf[bad] == '\0' ?
	    "NUL byte: not a text file" :
	    "invalid UTF-8 (byte 0x%02X): not a UTF-8 text file",
	    (unsigned char)buf[bad]);
	return 1;
}

int
rp_read(rp_doc *doc, const char *buf, size_t len, rp_format fmt)
{
	int	rc;
	char	*copy;

	if (len > doc->limits.size) {
		rp_msg(doc, RP_ERROR, "limit",
		    0, 0, "input of %zu bytes: more than "
		    "%zu (limit size)", len, doc->limits.size);
		return -1;
	}
	if (from_utf16(doc, &buf, &len) != 0)
		return -1;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
		buf += 3;
		len -= 3;
	}
	/* Refuse binary input before any reader sees it. */
	if (binary(doc, buf, len))
		return -1;
	/* The readers get a NUL-terminated copy: the caller's buffer need
	 * not be terminated, and the C library's parsing functions (sscanf,
	 * atoi) that the readers use on lines would read past its end. */
	copy = rp_doc_alloc(doc, len + 1);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	buf = copy;
	if (fmt == RP_FORMAT_UNKNOWN)
		fmt = rp_format_detect(buf, len);
	switch (fmt) {
	case RP_FORMAT_TEXT:
		rc = rp_read_text(doc, buf, len);
		break;
	case RP_FORMAT_MD:
		rc = rp_read_md(doc, buf, len);
		break;
	case RP_FORMAT_AKN:
		if (rp_xml_check_limits(doc, buf, len) != 0)
			return -1;
		rc = rp_read_akn(doc, buf, len);
		break;
	default:
		rp_msg(doc, RP_ERROR, "format", 0, 0, "no reader for format %s",
		    rp_format_name(fmt));
		return -1;
	}
	if (rc == 0) {
		rp_split_masthead(doc);
		rp_mark_openers(doc);
		rp_attach_markers(doc);
	}
	return rc;
}

struct rp_writer {
	const struct rp_backend	*be;
	void			*state;
};

rp_writer *
rp_writer_new(rp_format fmt, const rp_options *opt, const char **err)
{
	static const rp_options	 none;
	rp_writer		*w;
	size_t			 i;

	if (opt == NULL)
		opt = &none;
	for (i = 0; i < sizeof(backends) / sizeof(backends[0]); i++) {
		if (backends[i]->fmt != fmt)
			continue;
		if ((w = calloc(1, sizeof(*w))) == NULL) {
			*err = "out of memory";
			return NULL;
		}
		w->be = backends[i];
		if ((w->state = w->be->create(opt, err)) == NULL) {
			free(w);
			return NULL;
		}
		return w;
	}
	*err = "no writer for this format";
	return NULL;
}

int
rp_writer_render(rp_writer *w, rp_doc *doc, rp_buf *out)
{
	if (doc->root == NULL) {
		rp_msg(doc, RP_ERROR, "empty",
		    0, 0, "nothing to write: no document");
		return -1;
	}
	return w->be->render(w->state, doc, out);
}

const char *const *
rp_writer_params(const rp_writer *w)
{
	static const char *const none[] = { NULL };

	if (w == NULL || w->be->params == NULL)
		return none;
	return w->be->params(w->state);
}

void
rp_writer_free(rp_writer *w)
{
	if (w == NULL)
		return;
	w->be->destroy(w->state);
	free(w);
}

const char *
rp_options_get(const rp_options *opt, const char *key, const char *def)
{
	size_t		 klen = strlen(key);
	const char	*const *v;

	if (opt == NULL || opt->vars == NULL)
		return def;
	/* The last setting wins, as on a command line. */
	for (v = opt->vars; *v != NULL; v++)
		if (strncmp(*v, key, klen) == 0 && (*v)[klen] == '=')
			def = *v + klen + 1;
	return def;
}
