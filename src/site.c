/* site.c -- "respub site": a static website for a collection of
 * resolutions.  It reads every input, writes catalog.xml (what the site
 * holds and who cites whom), then renders each page and the index pages
 * through the HTML stylesheet with the catalog as a parameter.  Files are
 * rewritten only when their bytes change, and every output name is made
 * from [A-Za-z0-9-] only, so nothing lands outside the output directory. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "respub.h"
#include "cli.h"
#include "site.h"
#include "write_html.h"

#define SNS	"urn:x-respub:site"

/* Formats written beside each page when the build has their writer. */
static const struct {
	rp_format	 fmt;
	const char	*label, *type;
} extras[] = {
	{ RP_FORMAT_AKN, "XML", "application/akn+xml" },
	{ RP_FORMAT_MD, "Markdown", "text/markdown" },
	{ RP_FORMAT_PDF, "PDF", "application/pdf" },
};
#define NEXTRAS	(sizeof(extras) / sizeof(extras[0]))

struct entry {
	const char	*path;		/* input */
	rp_doc		*doc;
	char		*data;
	const rp_meta	*meta;		/* of the resolution the page is about */
	char		*stem;		/* output name without extension */
	char		 **cites;	/* symbols of cited documents */
	size_t		 ncites;
};

struct site {
	const char	*outdir;
	int		 quiet;
	size_t		 written, kept;
	int		 status;
};

static void
usage(FILE *f)
{
	fprintf(f,
"usage: respub site -d DIR [options] FILE...\n"
"Write a static website: one page per resolution (named from its symbol),\n"
"index pages by body and year, catalog.xml, sitemap.xml (with -V base-url),\n"
"and the XML, Markdown and PDF beside each page.  Only changed files are\n"
"rewritten.\n"
"\n"
"  -d, --output-dir DIR    the site's directory (required)\n"
"  -f, --from FORMAT       input format: text, md, akn (default: detect)\n"
"      --data-dir DIR      where templates/ and stylesheets/ are\n"
"      --template FILE     use FILE as the page template\n"
"      --stylesheet FILE   use FILE instead of akn2html.xsl\n"
"  -V, --variable KEY=VAL  stylesheet parameter: site-name, base-url,\n"
"                          ref-url, ...\n"
"  -q, --quiet             print errors only\n"
"  -h, --help              print this help and exit\n");
}

/* An output name from a symbol: "S/RES/1377 (2001)" -> "S-RES-1377-2001". */
static char *
safe_name(const char *s)
{
	char	*out, *p;
	size_t	 n = 0;

	if ((out = malloc(strlen(s) + 1)) == NULL)
		return NULL;
	for (p = out; *s != '\0' && n < 100; s++) {
		int c = (unsigned char)*s;

		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9')) {
			*p++ = (char)c;
			n++;
		} else if (p > out && p[-1] != '-') {
			*p++ = '-';
			n++;
		}
	}
	while (p > out && p[-1] == '-')
		p--;
	*p = '\0';
	return out;
}

/* The resolution a file is about: the root, or the one a letter covers. */
static const rp_meta *
main_meta(rp_node *root)
{
	rp_iter		*it;
	rp_event	 ev;
	const rp_meta	*m = root->meta;

	if (m == NULL || m->kind == RP_DOC_RESOLUTION || (it =
	    rp_iter_new(root)) == NULL)
		return m;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		rp_node *n = rp_iter_node(it);

		if (ev == RP_EVENT_ENTER && n->type == RP_NODE_DOCUMENT &&
		    n->meta != NULL && n->meta->kind == RP_DOC_RESOLUTION &&
		    n->meta->symbol != NULL) {
			m = n->meta;
			break;
		}
	}
	rp_iter_free(it);
	return m;
}

/* The distinct symbols a file cites, its own excepted. */
static int
collect_cites(struct entry *e)
{
	rp_iter		*it;
	rp_event	 ev;
	size_t		 i;

	if ((it = rp_iter_new(rp_doc_root(e->doc))) == NULL)
		return -1;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		rp_node		*n = rp_iter_node(it);
		const char	*sym;
		char		**nc;

		if (ev != RP_EVENT_ENTER || n->type != RP_NODE_DOCREF ||
		    n->ref == NULL || (sym = n->ref->symbol) == NULL ||
		    (e->meta->symbol != NULL &&
		    strcmp(sym, e->meta->symbol) == 0))
			continue;
		for (i = 0; i < e->ncites && strcmp(e->cites[i], sym) != 0; i++)
			continue;
		if (i < e->ncites)
			continue;
		if ((nc = realloc(e->cites, (e->ncites + 1) *
		    sizeof(*nc))) == NULL) {
			rp_iter_free(it);
			return -1;
		}
		e->cites = nc;
		if ((e->cites[e->ncites] = strdup(sym)) == NULL) {
			rp_iter_free(it);
			return -1;
		}
		e->ncites++;
	}
	rp_iter_free(it);
	return 0;
}

/* Write dir/name unless it already holds exactly these bytes. */
static void
put_file(struct site *s, const char *name, const char *data, size_t len)
{
	char	*path, *old;
	size_t	 oldlen;

	if ((path = cli_join(s->outdir, name, NULL)) == NULL) {
		s->status = 3;
		return;
	}
	if (cli_read_file(path, &old, &oldlen) == 0) {
		int same = oldlen == len && memcmp(old, data, len) == 0;

		free(old);
		if (same) {
			s->kept++;
			free(path);
			return;
		}
	}
	if (cli_write_output(path, data, len) != 0) {
		fprintf(stderr, "respub: %s: %s\n", path, strerror(errno));
		s->status = 3;
	} else
		s->written++;
	free(path);
}

static int
by_stem(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return strcmp(x->stem, y->stem);
}

static void
put_int(xmlNodePtr n, const char *name, int v)
{
	char tmp[16];

	if (v > 0) {
		snprintf(tmp, sizeof(tmp), "%d", v);
		xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)tmp);
	}
}

static void
put_str(xmlNodePtr n, const char *name, const char *v)
{
	if (v != NULL)
		xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)v);
}

/* A title for the index when the resolution has none of its own (Security
 * Council resolutions): the heading of its preface, "Resolution 1377
 * (2001)", as library catalogues list them.  Blanks are collapsed. */
static void
heading_text(struct entry *e, rp_buf *b)
{
	rp_iter		*it;
	rp_event	 ev;
	rp_node		*doc = NULL, *pre, *c, *t = NULL;
	rp_buf		 raw;
	const char	*p;

	if ((it = rp_iter_new(rp_doc_root(e->doc))) == NULL)
		return;
	while (doc == NULL && (ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		rp_node *n = rp_iter_node(it);

		if (ev == RP_EVENT_ENTER && n->type == RP_NODE_DOCUMENT &&
		    n->meta == e->meta)
			doc = n;
	}
	rp_iter_free(it);
	if (doc == NULL)
		return;
	for (pre = doc->first; pre != NULL && pre->type != RP_NODE_PREFACE;
	    pre = pre->next)
		continue;
	if (pre == NULL)
		return;
	for (c = pre->first; c != NULL; c = c->next)
		if (c->type == RP_NODE_BLOCK && (c->role == RP_ROLE_TITLE ||
		    (c->role == RP_ROLE_DOCTYPE && t == NULL)))
			t = c;
	if (t == NULL)
		return;
	rp_buf_init(&raw);
	rp_node_text(t, &raw);
	for (p = raw.data; p != NULL && *p != '\0'; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			if (b->len > 0 && p[1] != '\0' && p[1] != ' ' &&
			    p[1] != '\t' && p[1] != '\n' && p[1] != '\r')
				rp_buf_putc(b, ' ');
		} else
			rp_buf_putc(b, *p);
	}
	rp_buf_free(&raw);
}

/* catalog.xml: the site's resolutions, their files, whom they cite. */
static xmlDocPtr
make_catalog(struct entry *e, size_t n, rp_writer **w, const rp_options *opt)
{
	xmlDocPtr	 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr	 root, r, f;
	xmlNsPtr	 ns;
	size_t		 i, k;
	int		 seen[RP_BODY__MAX] = { 0 };
	char		 name[128];

	if (doc == NULL)
		return NULL;
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"site", NULL);
	ns = xmlNewNs(root, (const xmlChar *)SNS, (const xmlChar *)"s");
	xmlSetNs(root, ns);
	xmlDocSetRootElement(doc, root);
	put_str(root, "name", rp_options_get(opt, "site-name", NULL));
	for (i = 0; i < n; i++)
		seen[e[i].meta->body] = 1;
	for (k = 0; k < RP_BODY__MAX; k++) {
		if (!seen[k])
			continue;
		r = xmlNewChild(root, ns, (const xmlChar *)"body", NULL);
		put_str(r, "actor", rp_body_actor((rp_body)k));
		put_str(r, "name", rp_body_name((rp_body)k));
		snprintf(name, sizeof(name), "index-%s.html",
		    rp_body_actor((rp_body)k));
		put_str(r, "page", name);
	}
	for (i = 0; i < n; i++) {
		const rp_meta	*m = e[i].meta;
		char		*num = m->number ? strdup(m->number) : NULL, *p;

		r = xmlNewChild(root, ns, (const xmlChar *)"resolution", NULL);
		snprintf(name, sizeof(name), "%s.html", e[i].stem);
		put_str(r, "page", name);
		put_str(r, "symbol", m->symbol ? m->symbol : e[i].stem);
		put_str(r, "actor", rp_body_actor(m->body));
		put_str(r, "body", rp_body_name(m->body));
		/* As in AKN work IRIs: 58/136 -> 58-136. */
		for (p = num; p != NULL && *p != '\0'; p++)
			if (*p == '/')
				*p = '-';
		put_str(r, "number", num);
		free(num);
		put_int(r, "year", m->year);
		put_str(r, "date", m->date);
		put_str(r, "lang", m->language);
		if (m->title != NULL)
			put_str(r, "title", m->title);
		else {
			rp_buf t;

			rp_buf_init(&t);
			heading_text(&e[i], &t);
			if (t.len > 0)
				put_str(r, "title", t.data);
			rp_buf_free(&t);
		}
		for (k = 0; k < NEXTRAS; k++) {
			if (w[k] == NULL)
				continue;
			f = xmlNewChild(r, ns, (const xmlChar *)"file", NULL);
			snprintf(name, sizeof(name), "%s.%s", e[i].stem,
			    rp_format_ext(extras[k].fmt));
			put_str(f, "href", name);
			put_str(f, "label", extras[k].label);
			put_str(f, "type", extras[k].type);
		}
		for (k = 0; k < e[i].ncites; k++) {
			f = xmlNewChild(r, ns, (const xmlChar *)"cites", NULL);
			put_str(f, "symbol", e[i].cites[k]);
		}
	}
	return doc;
}

static void
put_xml(struct site *s, const char *name, xmlDocPtr doc)
{
	xmlChar	*mem = NULL;
	int	 len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL) {
		s->status = 3;
		return;
	}
	put_file(s, name, (const char *)mem, (size_t)len);
	xmlFree(mem);
}

/* sitemap.xml needs absolute URLs: only with -V base-url. */
static void
put_sitemap(struct site *s, xmlDocPtr cat, const char *base)
{
	xmlDocPtr	 doc = xmlNewDoc((const xmlChar *)"1.0");
	xmlNodePtr	 root, n, u;
	rp_buf		 loc;

	if (doc == NULL)
		return;
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)"urlset", NULL);
	xmlSetNs(root, xmlNewNs(root, (const xmlChar *)
	    "http://www.sitemaps.org/schemas/sitemap/0.9", NULL));
	xmlDocSetRootElement(doc, root);
	rp_buf_init(&loc);
	for (n = xmlDocGetRootElement(cat)->children; n != NULL; n = n->next) {
		xmlChar *page;

		if (n->type != XML_ELEMENT_NODE ||
		    (page = xmlGetProp(n, (const xmlChar *)"page")) == NULL)
			continue;
		rp_buf_reset(&loc);
		rp_buf_printf(&loc, "%s%s%s", base, base[strlen(base) - 1] ==
		    '/' ? "" : "/", (const char *)page);
		u = xmlNewChild(root, NULL, (const xmlChar *)"url", NULL);
		xmlNewTextChild(u, NULL, (const xmlChar *)"loc",
		    (const xmlChar *)loc.data);
		xmlFree(page);
	}
	put_xml(s, "sitemap.xml", doc);
	rp_buf_free(&loc);
	xmlFreeDoc(doc);
}

static void
put_page(struct site *s, rp_html *h, xmlDocPtr cat, const char *catpath,
    const char *body, const char *page)
{
	const char	*extra[] = { "catalog", catpath, "page", page,
	    "body", body, NULL };
	rp_buf		 out;
	char		*msg;

	rp_buf_init(&out);
	if (rp_html_apply(h, cat, extra, &out, &msg) != 0) {
		fprintf(stderr, "respub: %s: %s\n", page, msg ? msg :
		    "out of memory");
		free(msg);
		s->status = 3;
	} else
		put_file(s, page, out.data, out.len);
	rp_buf_free(&out);
}

int
site_main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output-dir", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "data-dir", required_argument, NULL, 1 },
		{ "template", required_argument, NULL, 2 },
		{ "stylesheet", required_argument, NULL, 3 },
		{ "variable", required_argument, NULL, 'V' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct site	 s;
	struct entry	*e = NULL;
	rp_options	 opt;
	rp_format	 from = RP_FORMAT_UNKNOWN;
	rp_writer	*w[NEXTRAS];
	rp_html		*h = NULL;
	xmlDocPtr	 cat = NULL;
	const char	**vars, *err, *base;
	char		*catpath = NULL, real[PATH_MAX], page[128];
	size_t		 n = 0, nvars = 0, i, k;
	int		 c, j;

	memset(&s, 0, sizeof(s));
	memset(&opt, 0, sizeof(opt));
	memset(w, 0, sizeof(w));
	if ((vars = calloc((size_t)argc + 1, sizeof(*vars))) == NULL)
		return 3;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:V:qh", longopts, NULL)) != -1) {
		switch (c) {
		case 'd': s.outdir = optarg; break;
		case 'f':
			from = rp_format_parse(optarg);
			if (from != RP_FORMAT_TEXT && from != RP_FORMAT_MD &&
			    from != RP_FORMAT_AKN) {
				fprintf(stderr, "respub: unknown input format: "
				    "%s\n", optarg);
				free(vars);
				return 2;
			}
			break;
		case 1: opt.data_dir = optarg; break;
		case 2: opt.template_path = optarg; break;
		case 3: opt.stylesheet_path = optarg; break;
		case 'V':
			if (strchr(optarg, '=') == NULL) {
				fprintf(stderr, "respub: -V wants KEY=VALUE: "
				    "%s\n", optarg);
				free(vars);
				return 2;
			}
			vars[nvars++] = optarg;
			break;
		case 'q': s.quiet = 1; break;
		case 'h': usage(stdout); free(vars); return 0;
		default: usage(stderr); free(vars); return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (s.outdir == NULL || argc == 0) {
		usage(stderr);
		free(vars);
		return 2;
	}
	opt.vars = vars;
	if (opt.data_dir == NULL)
		opt.data_dir = cli_data_dir();
	rp_set_data_dir(opt.data_dir);
	if (cli_mkdirs(s.outdir) != 0 || realpath(s.outdir, real) == NULL) {
		fprintf(stderr, "respub: %s: %s\n", s.outdir, strerror(errno));
		free(vars);
		return 3;
	}
	if ((catpath = cli_join(real, "catalog", "xml")) == NULL ||
	    (h = rp_html_new(&opt, &err)) == NULL) {
		fprintf(stderr, "respub: cannot write html: %s\n",
		    catpath ? err : "out of memory");
		free(catpath);
		free(vars);
		return 3;
	}
	for (k = 0; k < NEXTRAS; k++)
		w[k] = rp_writer_new(extras[k].fmt, &opt, &err);
	if ((e = calloc((size_t)argc, sizeof(*e))) == NULL)
		goto oom;

	/* Read everything first: a page lists who cites it. */
	for (j = 0; j < argc; j++) {
		struct entry	*x = &e[n];
		size_t		 len;
		const rp_diag	*d;
		char		*name;

		x->path = argv[j];
		if (cli_read_file(x->path, &x->data, &len) != 0) {
			fprintf(stderr, "respub: %s: %s\n", x->path,
			    strerror(errno));
			s.status = 1;
			continue;
		}
		if ((x->doc = rp_doc_new(x->path)) == NULL)
			goto oom;
		/* As main.c: the name's extension is a hint, the bytes
		 * decide. */
		if (rp_read(x->doc, x->data, len, from != RP_FORMAT_UNKNOWN ?
		    from : rp_format_detect_hint(x->data, len,
		    rp_format_of_path(x->path))) != 0 ||
		    rp_doc_root(x->doc) == NULL) {
			for (d = rp_doc_diags(x->doc); d != NULL; d = d->next)
				if (d->level == RP_ERROR)
					fprintf(stderr, "respub: %s: %s\n",
					    x->path, d->msg);
			rp_doc_free(x->doc);
			free(x->data);
			memset(x, 0, sizeof(*x));
			s.status = 1;
			continue;
		}
		x->meta = main_meta(rp_doc_root(x->doc));
		if (x->meta == NULL) {
			static const rp_meta none;

			x->meta = &none;
		}
		/* Named from the symbol; other languages and repeats get a
		 * suffix so no page overwrites another. */
		name = safe_name(x->meta->symbol ? x->meta->symbol : "");
		if (name == NULL)
			goto oom;
		if (*name == '\0') {
			const char *b = strrchr(x->path, '/');

			free(name);
			if ((name = safe_name(b ? b + 1 : x->path)) == NULL)
				goto oom;
			if (*name == '\0') {
				free(name);
				name = strdup("resolution");
			}
		} else if (x->meta->language != NULL &&
		    strcmp(x->meta->language, "eng") != 0) {
			snprintf(page, sizeof(page), "%s-%s", name,
			    x->meta->language);
			free(name);
			name = safe_name(page);
		}
		if (name == NULL)
			goto oom;
		for (k = 2, strcpy(page, name); ; k++) {
			for (i = 0; i < n && strcmp(e[i].stem, page) != 0; i++)
				continue;
			if (i == n)
				break;
			snprintf(page, sizeof(page), "%.100s-%zu", name, k);
		}
		free(name);
		if ((x->stem = strdup(page)) == NULL ||
		    collect_cites(x) != 0)
			goto oom;
		n++;
	}
	if (n == 0)
		goto done;
	qsort(e, n, sizeof(*e), by_stem);
	if ((cat = make_catalog(e, n, w, &opt)) == NULL)
		goto oom;
	put_xml(&s, "catalog.xml", cat);

	for (i = 0; i < n; i++) {
		const char	*extra[] = { "catalog", catpath, "page", page,
		    NULL };
		rp_buf		 out;

		rp_buf_init(&out);
		snprintf(page, sizeof(page), "%s.html", e[i].stem);
		if (rp_html_render(h, e[i].doc, extra, &out) == 0)
			put_file(&s, page, out.data, out.len);
		else
			s.status = 1;
		for (k = 0; k < NEXTRAS; k++) {
			if (w[k] == NULL)
				continue;
			rp_buf_reset(&out);
			snprintf(page, sizeof(page), "%s.%s", e[i].stem,
			    rp_format_ext(extras[k].fmt));
			if (rp_writer_render(w[k], e[i].doc, &out) == 0)
				put_file(&s, page, out.data, out.len);
			else
				s.status = 1;
		}
		for (const rp_diag *d = rp_doc_diags(e[i].doc); d != NULL;
		    d = d->next)
			if (d->level == RP_ERROR || (!s.quiet &&
			    d->level == RP_WARNING))
				fprintf(stderr, "respub: %s: %s\n",
				    e[i].path, d->msg);
		rp_buf_free(&out);
	}
	put_page(&s, h, cat, catpath, "", "index.html");
	for (xmlNodePtr b = xmlDocGetRootElement(cat)->children; b != NULL;
	    b = b->next) {
		xmlChar *actor, *pg;

		if (b->type != XML_ELEMENT_NODE ||
		    !xmlStrEqual(b->name, (const xmlChar *)"body"))
			continue;
		actor = xmlGetProp(b, (const xmlChar *)"actor");
		pg = xmlGetProp(b, (const xmlChar *)"page");
		if (actor != NULL && pg != NULL)
			put_page(&s, h, cat, catpath, (const char *)actor,
			    (const char *)pg);
		xmlFree(actor);
		xmlFree(pg);
	}
	if ((base = rp_options_get(&opt, "base-url", NULL)) != NULL &&
	    *base != '\0')
		put_sitemap(&s, cat, base);
	else if (!s.quiet)
		fprintf(stderr, "respub: no -V base-url: sitemap.xml not "
		    "written\n");
	if (!s.quiet)
		fprintf(stderr, "respub: %s: %zu resolutions, %zu files "
		    "written, %zu unchanged\n", s.outdir, n, s.written,
		    s.kept);
	goto done;
oom:
	fprintf(stderr, "respub: out of memory\n");
	s.status = 3;
done:
	for (i = 0; e != NULL && i < (size_t)argc; i++) {
		for (k = 0; k < e[i].ncites; k++)
			free(e[i].cites[k]);
		free(e[i].cites);
		free(e[i].stem);
		if (e[i].doc != NULL)
			rp_doc_free(e[i].doc);
		free(e[i].data);
	}
	free(e);
	if (cat != NULL)
		xmlFreeDoc(cat);
	for (k = 0; k < NEXTRAS; k++)
		rp_writer_free(w[k]);
	rp_html_free(h);
	free(catpath);
	free(vars);
	return s.status;
}
