/* write_html.c -- HTML5 pages: the AKN tree (write_akn.c) through
 * stylesheets/akn2html.xsl, in process with libxslt.  Presentation lives
 * in the stylesheet and templates/html.xml; this file only loads them,
 * passes parameters and keeps the transform sandboxed.  Typographic
 * quotes (-V quotes, quotes.c) and the language's spaces (spacing.c) are
 * set in the tree before the transform: the stylesheet run alone keeps
 * the AKN's characters. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/uri.h>
#include <libxml/xpath.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/imports.h>
#include <libxslt/documents.h>
#include <libxslt/keys.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xsltutils.h>
#include <libxslt/security.h>
#include <libxslt/documents.h>
#include <libexslt/exslt.h>

#include "backend.h"
#include "labels.h"
#include "write_akn.h"
#include "write_html.h"
#include "quotes.h"

#define MAX_ALLOW	3

struct rp_html {
	xsltStylesheetPtr	 ss;
	xsltSecurityPrefsPtr	 sec;
	rp_options		 opt;		/* a copy: vars, for parameters */
	char			**vars;
	char			*template;	/* page shell, as passed */
	char			*ssreal;	/* the stylesheet, resolved */
	const char		**params;	/* its top-level xsl:params */
	xmlChar			*shell_uri;	/* the page shell, as document() */
	xsltDocumentPtr		 shell;		/* names it, read once */
	rp_labels		*labels;	/* its strings */
	int			 shell_ready;	/* spaces stripped, keys made */
	int			 quotes;	/* -V quotes: typographic */
};

/* What one transform may read: the shell, the catalog, the stylesheet. */
struct allow {
	char	*path[MAX_ALLOW];
	int	 n;
};

static char *
join(const char *dir, const char *rel)
{
	size_t	 n = strlen(dir) + strlen(rel) + 2;
	char	*s = malloc(n);

	if (s != NULL)
		snprintf(s, n, "%s/%s", dir, rel);
	return s;
}

/* Collect libxml2/libxslt messages: the library never prints. */
static void
collect(void *ctx, const char *fmt, ...)
{
	rp_buf	*b = ctx;
	char	 tmp[512];
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (b->len < 2048)
		rp_buf_puts(b, tmp);
}

/*
 * The -V keys: "quotes", then the stylesheet's top-level xsl:params
 * (imports included); "template" is --template's.
 */
static int
list_params(rp_html *h)
{
	xsltStylesheetPtr	 st;
	xsltStackElemPtr	 v;
	size_t			 n = 0;

	for (st = h->ss; st != NULL; st = xsltNextImport(st))
		for (v = st->variables; v != NULL; v = v->next)
			n++;
	if ((h->params = calloc(n + 2, sizeof(*h->params))) == NULL)
		return -1;
	h->params[0] = "quotes";	/* read here, not by the stylesheet */
	n = 1;
	for (st = h->ss; st != NULL; st = xsltNextImport(st))
		for (v = st->variables; v != NULL; v = v->next)
			if (v->comp != NULL && v->comp->type ==
			    XSLT_FUNC_PARAM && v->name != NULL &&
			    strcmp((const char *)v->name, "template") != 0)
				h->params[n++] = (const char *)v->name;
	return 0;
}

/*
 * what, then the first thing libxml2 or libxslt said about it, on one
 * line (static storage: writers are made one at a time).
 */
static const char *
one_line(const char *what, const rp_buf *msgs)
{
	static char	 line[512];
	char		*p;

	snprintf(line, sizeof(line), "%s%s%.*s", what, msgs->len ? ": " : "",
	    (int)msgs->len, msgs->data ? msgs->data : "");
	if ((p = strchr(line, '\n')) != NULL)
		*p = '\0';
	return line;
}

/* Only files listed in the transform's allow list may be read. */
static int
check_read(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt,
    const char *value)
{
	const struct allow	*a;
	char			 real[PATH_MAX];
	int			 i;

	(void)sec;
	if (ctxt == NULL || (a = ctxt->_private) == NULL || value == NULL ||
	    realpath(value, real) == NULL)
		return 0;
	for (i = 0; i < a->n; i++)
		if (strcmp(a->path[i], real) == 0)
			return 1;
	return 0;
}

static void
allow_add(struct allow *a, const char *path)
{
	char real[PATH_MAX];

	if (path != NULL && a->n < MAX_ALLOW && realpath(path, real) != NULL)
		a->path[a->n++] = strdup(real);
}

/* Keep our own copy of the -V list: the writer may outlive the caller's. */
static int
copy_vars(rp_html *h, const char **vars)
{
	size_t n = 0, i;

	while (vars != NULL && vars[n] != NULL)
		n++;
	if ((h->vars = calloc(n + 1, sizeof(*h->vars))) == NULL)
		return -1;
	for (i = 0; i < n; i++)
		if ((h->vars[i] = strdup(vars[i])) == NULL)
			return -1;
	h->opt.vars = (const char **)h->vars;
	return 0;
}

static void free_shell(rp_html *);

/* The stylesheet (h->ssreal) and the page template (h->template) of
 * the options; NULL, or what went wrong. */
static const char *
find_files(rp_html *h, const rp_options *opt)
{
	const char	*dir;
	char		*path, *slash, real[PATH_MAX], dirreal[PATH_MAX];

	dir = opt->data_dir != NULL ? opt->data_dir : RP_DATADIR;
	/* The stylesheet resolves the template against its own folder:
	 * a relative data directory would point it at the wrong one. */
	if (dir[0] != '/' && realpath(dir, dirreal) != NULL)
		dir = dirreal;
	path = opt->stylesheet_path != NULL ? strdup(opt->stylesheet_path) :
	    join(dir, "stylesheets/akn2html.xsl");
	if (path == NULL || realpath(path, real) == NULL) {
		free(path);
		return "cannot find the HTML stylesheet (akn2html.xsl)";
	}
	free(path);
	if ((h->ssreal = strdup(real)) == NULL)
		return "out of memory";
	/* The shell: --template, else the one of the data directory. */
	if (opt->template_path != NULL)
		h->template = strdup(opt->template_path);
	else if (opt->data_dir != NULL || opt->stylesheet_path == NULL)
		h->template = join(dir, "templates/html.xml");
	else if ((slash = strrchr(real, '/')) != NULL) {
		*slash = '\0';
		h->template = join(real, "../templates/html.xml");
	}
	return h->template == NULL ? "out of memory" : NULL;
}

/* h->ss from h->ssreal; NULL, or what libxslt said was wrong. */
static const char *
parse_stylesheet(rp_html *h)
{
	xmlGenericErrorFunc	 olderr = xmlGenericError;
	void			*oldctx = xmlGenericErrorContext;
	rp_buf			 msgs;
	const char		*err = NULL;

	exsltRegisterAll();
	rp_buf_init(&msgs);
	xmlSetGenericErrorFunc(&msgs, collect);
	xsltSetGenericErrorFunc(&msgs, collect);
	h->ss = xsltParseStylesheetFile((const xmlChar *)h->ssreal);
	xmlSetGenericErrorFunc(oldctx, olderr);
	xsltSetGenericErrorFunc(NULL, NULL);
	if (h->ss == NULL)
		err = one_line("cannot parse the HTML stylesheet", &msgs);
	rp_buf_free(&msgs);
	return err;
}

/* The stylesheet may write nothing and reach no network; it reads only
 * what check_read() allows. */
static int
forbid(xsltSecurityPrefsPtr sec)
{
	return xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_FILE,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_CREATE_DIRECTORY,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_WRITE_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_NETWORK,
	    xsltSecurityForbid) != 0 ||
	    xsltSetSecurityPrefs(sec, XSLT_SECPREF_READ_FILE,
	    check_read) != 0 ? -1 : 0;
}

rp_html *
rp_html_new(const rp_options *opt, const char **err)
{
	static const rp_options	 none;
	rp_html			*h;
	const char		*e = NULL;

	if (opt == NULL)
		opt = &none;
	if ((h = calloc(1, sizeof(*h))) == NULL) {
		*err = "out of memory";
		return NULL;
	}
	if (copy_vars(h, opt->vars) != 0)
		e = "out of memory";
	else if ((h->quotes = rp_quotes_flag(rp_options_get(opt, "quotes",
	    "yes"))) < 0)
		e = "-V quotes: expected yes or no";
	else if ((e = find_files(h, opt)) == NULL &&
	    (e = parse_stylesheet(h)) == NULL) {
		if (list_params(h) != 0 ||
		    (h->sec = xsltNewSecurityPrefs()) == NULL ||
		    (h->labels = rp_labels_new(opt->data_dir)) == NULL)
			e = "out of memory";
		else if (forbid(h->sec) != 0)
			e = "cannot set the stylesheet's security preferences";
	}
	if (e == NULL)
		return h;
	*err = e;
	rp_html_free(h);
	return NULL;
}

void
rp_html_free(rp_html *h)
{
	size_t i;

	if (h == NULL)
		return;
	free(h->params);
	if (h->ss != NULL)
		xsltFreeStylesheet(h->ss);
	if (h->sec != NULL)
		xsltFreeSecurityPrefs(h->sec);
	for (i = 0; h->vars != NULL && h->vars[i] != NULL; i++)
		free(h->vars[i]);
	free(h->vars);
	free(h->template);
	free(h->ssreal);
	free_shell(h);
	rp_labels_free(h->labels);
	free(h);
}

/* Whether s can name a stylesheet parameter (a plain XML name). */
static int
is_name(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_'))
		return 0;
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_' || s[i] == '-' || s[i] == '.'))
			return 0;
	return 1;
}

static int
in_pairs(const char *const *pairs, const char *key, size_t klen)
{
	for (; pairs != NULL && pairs[0] != NULL; pairs += 2)
		if (strlen(pairs[0]) == klen && strncmp(pairs[0], key, klen) == 0)
			return 1;
	return 0;
}

/*
 * The parameter list for xsltQuoteUserParams: extra, the template, then
 * every -V key once (its last value), all as literal strings.
 */
static const char **
make_params(const rp_html *h, const char *const *extra, char ***keys)
{
	const char	**p, *const *v, *const *vars = h->opt.vars;
	size_t		 n = 4, k = 0, nk = 0, klen;
	const char	*const tplpair[] = { "template", h->template, NULL };

	for (v = extra; v != NULL && v[0] != NULL; v += 2)
		n += 2;
	for (v = vars; v != NULL && *v != NULL; v++)
		n += 2;
	if ((p = calloc(n + 1, sizeof(*p))) == NULL ||
	    (*keys = calloc(n / 2 + 1, sizeof(**keys))) == NULL) {
		free(p);
		return NULL;
	}
	for (v = extra; v != NULL && v[0] != NULL; v += 2) {
		p[k++] = v[0];
		p[k++] = v[1];
	}
	if (!in_pairs(extra, "template", 8)) {
		p[k++] = tplpair[0];
		p[k++] = tplpair[1];
	}
	for (v = vars; v != NULL && *v != NULL; v++) {
		const char *eq = strchr(*v, '=');
		char *key;

		if (eq == NULL || !is_name(*v, klen = (size_t)(eq - *v)) ||
		    in_pairs(extra, *v, klen) ||
		    (klen == 8 && strncmp(*v, "template", 8) == 0))
			continue;
		if ((key = strndup(*v, klen)) == NULL)
			continue;
		/* The last setting wins, as rp_options_get() reads it. */
		if (rp_options_get(&h->opt, key, NULL) != eq + 1) {
			free(key);
			continue;
		}
		(*keys)[nk++] = key;
		p[k++] = key;
		p[k++] = eq + 1;
	}
	return p;
}

/*
 * The page shell, parsed once per writer rather than once per page: the
 * stylesheet reads it with document($template), which libxslt resolves
 * against the stylesheet and parses again in every transform unless the
 * transform already holds a document of that URI.  The interface
 * strings, from the labels tables, are added to it as t:strings; its
 * keys (those strings) are kept with it, made once.  NULL when it cannot
 * be read: the stylesheet then reports it.
 */
static xsltDocumentPtr
shell_doc(rp_html *h, const char *tpl)
{
	xmlChar			*uri;
	xmlParserCtxtPtr	 pc;
	xmlDocPtr		 d = NULL;

	if ((uri = xmlBuildURI((const xmlChar *)tpl, h->ss->doc->URL)) == NULL)
		return NULL;
	if (h->shell_uri != NULL && xmlStrEqual(uri, h->shell_uri)) {
		xmlFree(uri);
		return h->shell;
	}
	free_shell(h);
	h->shell_uri = uri;
	/* As libxslt's loader reads it: its options, the stylesheet's
	 * dictionary (names compare as pointers). */
	if ((pc = xmlNewParserCtxt()) != NULL) {
		xmlDictFree(pc->dict);
		pc->dict = h->ss->dict;
		xmlDictReference(pc->dict);
		d = xmlCtxtReadFile(pc, (const char *)uri, NULL,
		    XSLT_PARSE_OPTIONS | XML_PARSE_NONET);
		xmlFreeParserCtxt(pc);
	}
	if (d != NULL && (xmlDocGetRootElement(d) == NULL ||
	    rp_labels_strings(h->labels, d, xmlDocGetRootElement(d)) == NULL ||
	    (h->shell = xsltNewDocument(NULL, d)) == NULL))
		xmlFreeDoc(d);
	return h->shell;
}

static void
free_shell(rp_html *h)
{
	if (h->shell != NULL) {
		xsltFreeDocumentKeys(h->shell);
		xmlFreeDoc(h->shell->doc);
		xmlFree(h->shell);
		h->shell = NULL;
	}
	xmlFree(h->shell_uri);
	h->shell_uri = NULL;
	h->shell_ready = 0;
}

/* Lend the transform the shell it would read, before it runs. */
static void
lend_shell(rp_html *h, xsltTransformContextPtr ctx, const char *tpl)
{
	xsltDocumentPtr	 d = shell_doc(h, tpl);

	if (d == NULL)
		return;
	if (!h->shell_ready) {
		xsltApplyStripSpaces(ctx, xmlDocGetRootElement(d->doc));
		xmlXPathOrderDocElems(d->doc);
		h->shell_ready = 1;
	}
	d->next = ctx->docList;
	ctx->docList = d;
}

/* And take it back after, so that freeing the transform leaves it. */
static void
take_shell(rp_html *h, xsltTransformContextPtr ctx)
{
	xsltDocumentPtr *p;

	for (p = &ctx->docList; *p != NULL; p = &(*p)->next)
		if (*p == h->shell) {
			*p = h->shell->next;
			h->shell->next = NULL;
			return;
		}
}

/*
 * The transform, with libxml2's default buffer at 256 bytes instead of
 * 4 KB: every XPath string function (translate(), substring-after(), ...)
 * takes one, and on a long document those blocks fragment the heap until
 * malloc slows down with its size (a 10 MB resolution: 40 % of the time,
 * twice the memory).  The strings here are short.  The setting is this
 * thread's, and only for the transform.
 */
static xmlDocPtr
apply_small_buffers(rp_html *h, xmlDocPtr xml, xsltTransformContextPtr ctx)
{
	int		 saved = xmlDefaultBufferSize;
	xmlDocPtr	 res;

	xmlDefaultBufferSize = 256;
	res = xsltApplyStylesheetUser(h->ss, xml, NULL, NULL, NULL, ctx);
	xmlDefaultBufferSize = saved;
	return res;
}

/* The files a transform may read: the stylesheet, the template
 * (extra's "template", else h's) and extra's catalogs.  Returns the
 * template. */
static const char *
allow_files(const rp_html *h, const char *const *extra, struct allow *a)
{
	const char *const	*v;
	const char		*tpl = h->template;

	memset(a, 0, sizeof(*a));
	for (v = extra; v != NULL && v[0] != NULL; v += 2) {
		if (strcmp(v[0], "catalog") == 0)
			allow_add(a, v[1]);
		else if (strcmp(v[0], "template") == 0)
			tpl = v[1];
	}
	allow_add(a, tpl);
	allow_add(a, h->ssreal);
	return tpl;
}

/* Run ctx on xml into out: 0, or -1 and what went wrong in msgs. */
static int
transform(rp_html *h, xsltTransformContextPtr ctx, xmlDocPtr xml,
    const char **params, rp_buf *out, rp_buf *msgs)
{
	xmlDocPtr	 res;
	xmlChar		*s = NULL;
	int		 len = 0, rc = -1;

	xsltSetCtxtParseOptions(ctx, XML_PARSE_NONET);
	xsltSetTransformErrorFunc(ctx, msgs, collect);
	if (xsltSetCtxtSecurityPrefs(h->sec, ctx) != 0 ||
	    xsltQuoteUserParams(ctx, params) != 0)
		return -1;
	rp_typography_akn(xml, h->quotes);
	res = apply_small_buffers(h, xml, ctx);
	/* A runtime error can still leave a partial result. */
	if (res != NULL && ctx->state == XSLT_STATE_OK) {
		if (xsltSaveResultToString(&s, &len, res, h->ss) != 0 ||
		    s == NULL)
			rp_buf_puts(msgs, "cannot serialize the page");
		else {
			rp_buf_put(out, (const char *)s, (size_t)len);
			rc = 0;
		}
	}
	xmlFree(s);
	if (res != NULL)
		xmlFreeDoc(res);
	return rc;
}

/* What went wrong, on one line: the processor reports in several
 * pieces. */
static char *
failure(rp_buf *msgs)
{
	size_t	 i;

	for (i = 0; i < msgs->len; i++)
		if (msgs->data[i] == '\n')
			msgs->data[i] = ' ';
	while (msgs->len > 0 && msgs->data[msgs->len - 1] == ' ')
		msgs->data[--msgs->len] = '\0';
	return strdup(msgs->len > 0 ? msgs->data : "the stylesheet failed");
}

int
rp_html_apply(rp_html *h, xmlDocPtr xml, const char *const *extra,
    rp_buf *out, char **msg)
{
	xsltTransformContextPtr	 ctx = NULL;
	const char		**params = NULL;
	char			**keys = NULL;
	struct allow		 allow;
	rp_buf			 msgs;
	xmlGenericErrorFunc	 olderr = xmlGenericError;
	void			*oldctx = xmlGenericErrorContext;
	int			 rc = -1, i;
	const char		*tpl = allow_files(h, extra, &allow);

	*msg = NULL;
	rp_buf_init(&msgs);
	xmlSetGenericErrorFunc(&msgs, collect);
	if ((params = make_params(h, extra, &keys)) == NULL ||
	    (ctx = xsltNewTransformContext(h->ss, xml)) == NULL)
		rp_buf_puts(&msgs, "out of memory");
	else {
		ctx->_private = &allow;
		lend_shell(h, ctx, tpl);
		rc = transform(h, ctx, xml, params, out, &msgs);
	}
	xmlSetGenericErrorFunc(oldctx, olderr);
	if (rc != 0)
		*msg = failure(&msgs);
	if (ctx != NULL) {
		take_shell(h, ctx);
		xsltFreeTransformContext(ctx);
	}
	for (i = 0; keys != NULL && keys[i] != NULL; i++)
		free(keys[i]);
	free(keys);
	free(params);
	for (i = 0; i < allow.n; i++)
		free(allow.path[i]);
	rp_buf_free(&msgs);
	return rc;
}

int
rp_html_render(rp_html *h, rp_doc *doc, const char *const *extra,
    rp_buf *out)
{
	xmlDocPtr	 xml;
	char		*msg;
	int		 rc;

	if ((xml = rp_akn_build(doc, &h->opt)) == NULL)
		return -1;
	if ((rc = rp_html_apply(h, xml, extra, out, &msg)) != 0) {
		rp_msg(doc, RP_ERROR, "stylesheet", 0, 0, "HTML stylesheet: %s",
		    msg != NULL ? msg : "out of memory");
		free(msg);
	}
	xmlFreeDoc(xml);
	return rc;
}

/* What document($catalog) reads in the transform under way: a small
 * document handed over in memory (respub site's page documents), not
 * the file of that name. */
static xsltDocLoaderFunc	 file_loader;
static xmlDocPtr		 given_doc;
static const char		*given_path;

static xmlDocPtr
given_loader(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt,
    xsltLoadType type)
{
	const char	*u = (const char *)uri;
	xmlDocPtr	 d;

	if (strncmp(u, "file://", 7) == 0)
		u += 7;
	if (type == XSLT_LOAD_DOCUMENT && given_doc != NULL &&
	    strcmp(u, given_path) == 0) {
		d = given_doc;
		given_doc = NULL;
		return d;
	}
	return file_loader(uri, dict, options, ctxt, type);
}

int
rp_html_render_ctx(rp_html *h, rp_doc *doc, const char *path, xmlDocPtr ctx,
    const char *const *extra, rp_buf *out)
{
	int rc;

	file_loader = xsltDocDefaultLoader;
	given_path = path;
	given_doc = ctx;
	xsltSetLoaderFunc(given_loader);
	rc = rp_html_render(h, doc, extra, out);
	xsltSetLoaderFunc(NULL);
	if (given_doc != NULL)
		xmlFreeDoc(given_doc);
	given_doc = NULL;
	return rc;
}

static void *
html_create(const rp_options *opt, const char **err)
{
	return rp_html_new(opt, err);
}

static int
html_render(void *state, rp_doc *doc, rp_buf *out)
{
	return rp_html_render(state, doc, NULL, out);
}

static void
html_destroy(void *state)
{
	rp_html_free(state);
}

static const char *const *
html_params(void *state)
{
	return ((rp_html *)state)->params;
}

const struct rp_backend rp_backend_html = {
	.fmt = RP_FORMAT_HTML,
	.create = html_create,
	.render = html_render,
	.destroy = html_destroy,
	.params = html_params,
};
