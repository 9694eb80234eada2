/* site.c -- "respub site": a static website for a collection of
 * resolutions.  It reads what each input says about itself (or takes it
 * from the previous run's catalog.tsv when the input has not changed),
 * plans the pages, then renders each through the HTML stylesheet with a
 * small document of what that page shows of the others (site_ctx.c).  A
 * page is rendered again only when what it is made from has changed;
 * files are rewritten only when their bytes change; every output name is
 * made from [A-Za-z0-9-] only, so nothing lands outside the directory. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <spawn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libxml/tree.h>

#include "respub.h"
#include "cli.h"
#include "jobs.h"
#include "site.h"
#include "site_int.h"
#include "write_html.h"
#include "versions.h"

extern char **environ;

struct args {
	const char	 *outdir, *files_from;
	rp_format	  from;
	rp_options	  opt;
	const char	**vars;
	size_t		  nvars;
	int		  quiet, rows, parallel, jobs, timeout;
	char		**inputs;	/* argv's files, then --files-from's */
	size_t		  ninputs;
	char		 *list;		/* --files-from's bytes */
};

/* Names of the site's own files: a resolution may not take them. */
static const char *const reserved[] = {
	"index", "catalog", "sitemap", "search", "feed", "pagefind", NULL
};

static void
usage(FILE *f)
{
	fprintf(f,
"usage: respub site -d DIR [options] FILE...\n"
"Write a static website: one page per resolution (named from its symbol),\n"
"index pages per body, year and General Assembly session, Atom feeds,\n"
"sitemap.xml, catalog.xml, search pages (with Pagefind), and the XML,\n"
"Markdown and PDF beside each page.  Only what changed is rebuilt.\n"
"\n"
"  -d, --output-dir DIR    the site's directory (required)\n"
"  -f, --from FORMAT       input format: text, md, akn (default: detect)\n"
"      --files-from FILE   read input names from FILE, one a line (- stdin)\n"
"      --rows N            rows per index page (default 200)\n"
"  -j, --jobs N            render on N processes (default: one per core)\n"
"      --parallel          a side-by-side page for each resolution given\n"
"                          in several languages (STEM-parallel.html)\n"
"  -W, --warning no-CODE   do not print warnings of that kind (respub(1))\n"
"      --timeout SECONDS   give up an input whose reading or pages take\n"
"                          longer (it is left out, exit 1)\n"
"      --data-dir DIR      where templates/ and stylesheets/ are\n"
"      --template FILE     use FILE as the page template\n"
"      --stylesheet FILE   use FILE instead of akn2html.xsl\n"
"  -V, --variable KEY=VAL  stylesheet parameter: site-name, base-url,\n"
"                          ref-url, ...\n"
"  -q, --quiet             print errors only\n"
"  -h, --help              print this help and exit\n");
}

char *
xstrdup(const char *s)
{
	return s != NULL ? strdup(s) : NULL;
}

/* ------------------------------------------------------- arguments */

static int
add_input(struct args *a, char *path)
{
	char **v = realloc(a->inputs, (a->ninputs + 1) * sizeof(*v));

	if (v == NULL)
		return -1;
	a->inputs = v;
	a->inputs[a->ninputs++] = path;
	return 0;
}

/* --files-from: one name a line; for archives larger than a command
 * line. */
static int
read_list(struct args *a)
{
	size_t	 len;
	char	*p, *nl;

	if (cli_read_file(a->files_from, &a->list, &len) != 0) {
		cli_say(a->files_from, RP_ERROR, NULL, "%s", strerror(errno));
		return 2;
	}
	for (p = a->list; *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			nl = p + strlen(p) - 1;
		else
			*nl = '\0';
		if (*p != '\0' && add_input(a, p) != 0)
			return 3;
	}
	return 0;
}

static int
parse_option(struct args *a, int c, const char *arg)
{
	switch (c) {
	case 'd': a->outdir = arg; return 0;
	case 'f':
		a->from = rp_format_parse(arg);
		if (a->from == RP_FORMAT_TEXT || a->from == RP_FORMAT_MD ||
		    a->from == RP_FORMAT_AKN)
			return 0;
		cli_say(NULL, RP_ERROR, NULL, "unknown input format: %s", arg);
		return 2;
	case 'V':
		if (strchr(arg, '=') != NULL) {
			a->vars[a->nvars++] = arg;
			return 0;
		}
		cli_say(NULL, RP_ERROR, NULL, "-V wants KEY=VALUE: %s", arg);
		return 2;
	case 'q': a->quiet = 1; return 0;
	case 1: a->opt.data_dir = arg; return 0;
	case 2: a->opt.template_path = arg; return 0;
	case 3: a->opt.stylesheet_path = arg; return 0;
	case 4: a->files_from = arg; return 0;
	case 5:
		if ((a->rows = atoi(arg)) > 0)
			return 0;
		cli_say(NULL, RP_ERROR, NULL, "--rows wants a positive number: "
		    "%s", arg);
		return 2;
	case 6: a->parallel = 1; return 0;
	case 'j':
		if ((a->jobs = atoi(arg)) > 0 && a->jobs <= 1024 &&
		    strspn(arg, "0123456789") == strlen(arg))
			return 0;
		cli_say(NULL, RP_ERROR, NULL, "-j wants a number of processes "
		    "(1 to 1024): %s", arg);
		return 2;
	case 'W': return cli_warning_option(arg) != 0 ? 2 : 0;
	case 7: return (a->timeout = cli_parse_timeout(arg)) < 0 ? 2 : 0;
	case 'h': usage(stdout); return -1;
	default: usage(stderr); return 2;
	}
}

/* 0, an exit status, or -1 for a clean exit (--help). */
static int
parse_args(struct args *a, int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "output-dir", required_argument, NULL, 'd' },
		{ "from", required_argument, NULL, 'f' },
		{ "data-dir", required_argument, NULL, 1 },
		{ "template", required_argument, NULL, 2 },
		{ "stylesheet", required_argument, NULL, 3 },
		{ "files-from", required_argument, NULL, 4 },
		{ "rows", required_argument, NULL, 5 },
		{ "parallel", no_argument, NULL, 6 },
		{ "jobs", required_argument, NULL, 'j' },
		{ "timeout", required_argument, NULL, 7 },
		{ "variable", required_argument, NULL, 'V' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "warning", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c, rc;

	a->rows = SITE_ROWS;
	if ((a->vars = calloc((size_t)argc + 1, sizeof(*a->vars))) == NULL)
		return 3;
	optind = 1;
	while ((c = getopt_long(argc, argv, "d:f:j:V:W:qh", longopts, NULL)) != -1)
		if ((rc = parse_option(a, c, optarg)) != 0)
			return rc;
	for (c = optind; c < argc; c++) {
		/* Pages are rendered after every input is read, from the
		 * input again: a file, not a stream. */
		if (strcmp(argv[c], "-") == 0) {
			cli_say(NULL, RP_ERROR, NULL, "site reads files, not "
			    "standard input");
			return 2;
		}
		if (add_input(a, argv[c]) != 0)
			return 3;
	}
	if (a->files_from != NULL && (rc = read_list(a)) != 0)
		return rc;
	if (a->outdir == NULL || a->ninputs == 0) {
		usage(stderr);
		return 2;
	}
	a->opt.vars = a->vars;
	if (a->opt.data_dir == NULL)
		a->opt.data_dir = cli_data_dir();
	rp_set_data_dir(a->opt.data_dir);
	cli_check_labels(a->opt.data_dir);
	return 0;
}

/* ----------------------------------------------------------- files */

/* Write dir/name unless it already holds exactly these bytes. */
void
put_file(struct site *st, const char *name, const char *data, size_t len)
{
	char	*path, *old;
	size_t	 oldlen;

	if ((path = cli_join(st->outdir, name, NULL)) == NULL) {
		st->status = 3;
		return;
	}
	if (cli_read_file(path, &old, &oldlen) == 0) {
		int same = oldlen == len && memcmp(old, data, len) == 0;

		free(old);
		if (same) {
			st->kept++;
			free(path);
			return;
		}
	}
	if (cli_write_output(path, data, len) != 0) {
		cli_say(path, RP_ERROR, NULL, "%s", strerror(errno));
		st->status = 3;
	} else
		st->written++;
	free(path);
}

void
put_xml(struct site *st, const char *name, xmlDocPtr doc)
{
	xmlChar	*mem = NULL;
	int	 len = 0;

	xmlDocDumpFormatMemoryEnc(doc, &mem, &len, "UTF-8", 1);
	if (mem == NULL) {
		st->status = 3;
		return;
	}
	put_file(st, name, (const char *)mem, (size_t)len);
	xmlFree(mem);
}

/* One run at a time in a directory: two would interleave their pages
 * and their catalog.  The lock is on the directory itself, so it leaves
 * no file behind. */
static int
lock_dir(const char *dir)
{
	int fd;

	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		cli_say(dir, RP_ERROR, NULL, "%s", strerror(errno));
	else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		cli_say(dir, RP_ERROR, NULL, "another respub site is writing "
		    "this directory");
		close(fd);
		fd = -1;
	}
	return fd;
}

/* ---------------------------------------------------------- inputs */

/* The resolution the adoption line names, "Adopted by General Assembly
 * resolution 217 A (III)": a text printed without its own symbol (a
 * declaration, the annex of that resolution) is listed under it. */
static const char *
adopted_by(const rp_node *root)
{
	const rp_node *pre, *b, *n;

	for (pre = root->first; pre != NULL; pre = pre->next)
		if (pre->type == RP_NODE_PREFACE)
			break;
	for (b = pre != NULL ? pre->first : NULL; b != NULL; b = b->next) {
		if (b->type != RP_NODE_BLOCK || b->role != RP_ROLE_ADOPTION)
			continue;
		for (n = b->first; n != NULL; n = n->next)
			if (n->type == RP_NODE_DOCREF && n->ref != NULL &&
			    n->ref->symbol != NULL &&
			    strstr(n->ref->symbol, "/RES/") != NULL)
				return n->ref->symbol;
	}
	return NULL;
}

/* A text that prints no symbol takes the one its adoption line names,
 * else the one its file name spells (docs/SITE.md): versions in other
 * languages then find it. */
static void
symbol_from_name(rp_doc *doc, const char *path)
{
	rp_node		*root = rp_doc_root(doc);
	const char	*by;
	char		*sym;

	if (root->meta == NULL || root->meta->symbol != NULL)
		return;
	if ((by = adopted_by(root)) != NULL) {
		rp_meta_set_symbol(doc, root->meta, by);
		return;
	}
	if ((sym = symbol_of_name(path)) == NULL)
		return;
	rp_meta_set_symbol(doc, root->meta, sym);
	free(sym);
}

rp_doc *
load_doc(const char *path, rp_format from, char **data, int report)
{
	rp_doc		*doc;
	size_t		 len;

	if (cli_read_file(path, data, &len) != 0) {
		cli_say(path, RP_ERROR, NULL, "%s", strerror(errno));
		return NULL;
	}
	if ((doc = rp_doc_new(path)) == NULL) {
		free(*data);
		return NULL;
	}
	/* As main.c: the name's extension is a hint, the bytes decide. */
	if (rp_read(doc, *data, len, from != RP_FORMAT_UNKNOWN ? from :
	    rp_format_detect_hint(*data, len, rp_format_of_path(path))) == 0 &&
	    rp_doc_root(doc) != NULL) {
		symbol_from_name(doc, path);
		if (report)
			cli_print_diags(doc, RP_WARNING);
		return doc;
	}
	cli_print_diags(doc, RP_ERROR);
	rp_doc_free(doc);
	free(*data);
	return NULL;
}

/* The previous run's record of an input when it is unchanged (same
 * path, size and time); else the input is marked to be read (e->fresh). */
static int
take_cached(struct site *st, struct entry *e)
{
	struct stat		 sb;
	struct old_input	*in;
	size_t			 k;

	e->fresh = 1;
	if (e->arg < st->nstamps) {	/* site_quick.c looked already */
		e->size = st->stamps[e->arg].size;
		e->mtime = st->stamps[e->arg].mtime;
	} else if (stat(e->src, &sb) != 0)
		return 0;
	else {
		e->size = (long long)sb.st_size;
		e->mtime = (long long)sb.st_mtim.tv_sec * 1000000000LL +
		    sb.st_mtim.tv_nsec;
	}
	if (!smap_get(&st->old.bysrc, e->src, &k))
		return 0;
	in = &st->old.in[k];
	/* Taken already (an input given twice): read again. */
	if (in->taken)
		return 0;
	e->was = k + 1;
	if (in->size != e->size || in->mtime != e->mtime)
		return 0;
	if (entry_parse(e, in->rec, in->reclen) != 0)
		return -1;
	in->taken = 1;
	e->fresh = 0;
	st->lines[e->arg] = in->line;
	return 0;
}

/* What the site needs from the input itself.  1: it cannot be read. */
int
entry_read(struct site *st, struct entry *e, int report)
{
	rp_doc	*doc;
	char	*data;
	int	 rc;

	if ((doc = load_doc(e->src, st->from, &data, report)) == NULL)
		return 1;
	rc = meta_read(e, doc);
	rp_doc_free(doc);
	free(data);
	return rc;
}

/* Every input, from the cache or read (on every core); those that
 * cannot be read are left out.  Each keeps its line of catalog.tsv,
 * what it says of itself before its versions fill it in. */
static int
read_inputs(struct site *st, const struct args *a)
{
	size_t	i;

	if ((st->e = calloc(a->ninputs, sizeof(*st->e))) == NULL ||
	    (st->lines = calloc(a->ninputs, sizeof(*st->lines))) == NULL ||
	    (st->ownlines = calloc(a->ninputs, sizeof(*st->ownlines))) == NULL)
		return -1;
	st->nlines = a->ninputs;
	if (cache_index(&st->old) != 0)
		return -1;
	for (i = 0; i < a->ninputs; i++) {
		struct entry *e = &st->e[i];

		e->arg = i;
		if ((e->src = xstrdup(a->inputs[i])) == NULL ||
		    take_cached(st, e) != 0)
			return -1;
	}
	if (site_read(st, a->ninputs) != 0)
		return -1;
	for (i = 0; i < a->ninputs; i++) {
		if (st->e[i].fresh > 0 && (st->lines[i] = st->ownlines[i] =
		    input_line(&st->e[i])) == NULL)
			return -1;
		if (st->e[i].fresh < 0)
			entry_free(&st->e[i]);
		else
			st->e[st->n++] = st->e[i];
	}
	return 0;
}

/* Whether only the contents of inputs changed since the previous run:
 * the same inputs in the same order, each saying of itself what it said
 * then, the same program and options, every file still there.  Then no
 * page but a changed input's own depends on what changed, and the
 * indexes, feeds, sitemap and catalog.xml are as they were. */
static int
only_contents(struct site *st, size_t ninputs)
{
	const struct cache	*c = &st->old;
	rp_buf			 b;
	size_t			 i;
	int			 same = 1;

	if (!c->same_build || c->nin != ninputs || st->n != ninputs)
		return 0;
	rp_buf_init(&b);
	for (i = 0; i < ninputs && same; i++) {
		const struct entry *e = &st->e[i];

		if (strcmp(c->in[i].src, e->src) != 0)
			same = 0;
		else if (e->fresh) {
			rp_buf_reset(&b);
			entry_record(e, &b);
			same = b.len == c->in[i].reclen &&
			    memcmp(b.data, c->in[i].rec, b.len) == 0;
		}
	}
	rp_buf_free(&b);
	for (i = 0; i < c->nfiles && same; i++)
		same = c->f[i].here;
	return same;
}

/* Two inputs with the same symbol (written any way: versions.h) and
 * language make one page: the later
 * on the command line is kept, with a warning naming both. */
static int
drop_duplicates(struct site *st)
{
	struct smap	 seen;
	char		**keys;
	size_t		 i, j, out = 0;
	int		 rc = -1;

	memset(&seen, 0, sizeof(seen));
	if ((keys = calloc(st->n + 1, sizeof(*keys))) == NULL ||
	    smap_reserve(&seen, st->n) != 0) {
		free(keys);
		return -1;
	}
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->symbol == NULL)
			continue;
		if (asprintf(&keys[i], "%s\t%s", e->work,
		    e->lang ? e->lang : "") < 0) {
			keys[i] = NULL;
			goto done;
		}
		if (smap_get(&seen, keys[i], &j)) {
			cli_say(st->e[j].src, RP_WARNING, "duplicate",
			    "%s (%s) is also in %s: keeping %s", e->symbol,
			    e->lang ? e->lang : "und", e->src, e->src);
			st->e[j].arg = (size_t)-1;	/* dropped */
		}
		if (smap_put(&seen, keys[i], i) != 0)
			goto done;
	}
	for (i = 0; i < st->n; i++) {
		if (st->e[i].arg == (size_t)-1)
			entry_free(&st->e[i]);
		else
			st->e[out++] = st->e[i];
	}
	rc = 0;
done:
	for (j = 0; j < st->n; j++)
		free(keys[j]);
	if (rc == 0)
		st->n = out;
	free(keys);
	smap_free(&seen);
	return rc;
}

/* ----------------------------------------------------------- names */

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

static int
is_reserved(const char *stem)
{
	const char *const	*r;
	size_t			 n;

	for (r = reserved; *r != NULL; r++) {
		n = strlen(*r);
		if (strncasecmp(stem, *r, n) == 0 &&
		    (stem[n] == '\0' || stem[n] == '-'))
			return 1;
	}
	return 0;
}

/* The name before uniqueness: symbol (and language when not English),
 * else the input's file name. */
static void
base_name(const struct entry *e, char *buf, size_t size)
{
	const char	*b = strrchr(e->src, '/');
	char		*s = safe_name(e->symbol != NULL ? e->symbol : "");

	if (s != NULL && *s != '\0') {
		if (e->lang != NULL && strcmp(e->lang, "eng") != 0)
			snprintf(buf, size, "%s-%s", s, e->lang);
		else
			snprintf(buf, size, "%s", s);
	} else {
		const char *dot;

		free(s);
		b = b != NULL ? b + 1 : e->src;
		dot = strrchr(b, '.');
		snprintf(buf, size, "%.*s", (int)(dot != NULL && dot > b ?
		    dot - b : (ptrdiff_t)strlen(b)), b);
		s = safe_name(buf);
		snprintf(buf, size, "%s", s != NULL && *s != '\0' ? s :
		    "resolution");
	}
	free(s);
	/* Only [A-Za-z0-9-]: the language code came from the input too. */
	for (s = buf; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9')))
			*s = '-';
}

/* Entry e's name: base, else base-2, base-3... the first not taken. */
static int
take_name(struct smap *taken, struct entry *e, const char *base, size_t i)
{
	char	 name[160];
	size_t	 k, dummy;

	snprintf(name, sizeof(name), "%s", base);
	for (k = 2; smap_get(taken, name, &dummy); k++)
		snprintf(name, sizeof(name), "%s-%zu", base, k);
	return (e->stem = xstrdup(name)) == NULL ||
	    smap_put(taken, e->stem, i) != 0 ? -1 : 0;
}

/* Every entry's name; those that would take a name of the site's own
 * pages become r-NAME after the others are named, so that an input
 * named r-index keeps its name whatever else is on the site. */
static int
assign_stems(struct site *st)
{
	struct smap	 taken;
	char		 base[128];
	size_t		 i;
	int		 pass, rc = 0;

	memset(&taken, 0, sizeof(taken));
	if (smap_reserve(&taken, st->n) != 0)
		return -1;
	for (pass = 0; pass < 2 && rc == 0; pass++)
		for (i = 0; i < st->n && rc == 0; i++) {
			struct entry *e = &st->e[i];

			base_name(e, base, sizeof(base));
			if (is_reserved(base) != pass)
				continue;
			if (pass) {
				memmove(base + 2, base, sizeof(base) - 3);
				memcpy(base, "r-", 2);
				base[sizeof(base) - 1] = '\0';
			}
			rc = take_name(&taken, e, base, i);
			if (rc == 0 && pass)
				cli_say(e->src, RP_WARNING, "reserved-name",
				    "\"%s\" is a name of the site's own "
				    "pages: the page is %s.html", base + 2,
				    e->stem);
		}
	smap_free(&taken);
	return rc;
}

/* ------------------------------------------------------------ plan */

static int
year_key(int y)
{
	return y > 0 ? y : INT_MAX;	/* the undated last */
}

static int
by_index_order(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;
	int			 c;

	if (x->body != y->body)
		return x->body - y->body;
	if (x->year != y->year)
		return year_key(x->year) < year_key(y->year) ? -1 : 1;
	if ((c = strcmp(x->date ? x->date : "", y->date ? y->date : "")) != 0)
		return c;
	if ((c = natcmp(x->symbol ? x->symbol : "", y->symbol ?
	    y->symbol : "")) != 0)
		return c;
	if ((c = strcmp(x->lang ? x->lang : "", y->lang ? y->lang : "")) != 0)
		return c;
	return strcmp(x->src, y->src);
}

static int
add_lang(struct site *st, const char *lang)
{
	size_t	 i;
	char	**v;

	if (lang == NULL)
		lang = "eng";
	for (i = 0; i < st->nlangs; i++)
		if (strcmp(st->langs[i], lang) == 0)
			return 0;
	if ((v = realloc(st->langs, (st->nlangs + 1) * sizeof(*v))) == NULL)
		return -1;
	st->langs = v;
	/* English first: its search page is search.html. */
	if (strcmp(lang, "eng") == 0 && st->nlangs > 0) {
		v[st->nlangs++] = v[0];
		return (v[0] = xstrdup(lang)) == NULL ? -1 : 0;
	}
	return (v[st->nlangs++] = xstrdup(lang)) == NULL ? -1 : 0;
}

int
index_symbol(struct site *st, const char *sym, struct elist **lists,
    struct entry *e)
{
	size_t k;

	if (!smap_get(&st->bysym, sym, &k)) {
		struct elist *h, *c;

		k = st->nsyms++;
		if ((h = realloc(st->holders, st->nsyms * sizeof(*h))) == NULL)
			return -1;
		st->holders = h;
		if ((c = realloc(st->citers, st->nsyms * sizeof(*c))) == NULL)
			return -1;
		st->citers = c;
		memset(&h[k], 0, sizeof(h[k]));
		memset(&c[k], 0, sizeof(c[k]));
		if (smap_put(&st->bysym, sym, k) != 0)
			return -1;
	}
	return elist_add(&(*lists)[k], e);
}

/* Counts, languages, previous/next, who holds and who cites each
 * symbol; warnings for what no year page can list. */
static int
plan(struct site *st)
{
	struct smap	 last;		/* body and language -> entry */
	char		 key[32];
	size_t		 i, k, j;

	qsort(st->e, st->n, sizeof(*st->e), by_index_order);
	if (assign_stems(st) != 0 || versions_plan(st) != 0)
		return -1;
	memset(&last, 0, sizeof(last));
	for (i = 0; i < st->n; i++) {
		struct entry *e = &st->e[i];

		if (e->lead == e)
			st->bodies[e->body]++;
		if (e->year == 0 && !st->quiet)
			cli_say(e->src, RP_WARNING, "missing-year",
			    "no year of adoption: listed under \"date "
			    "unknown\"");
		if (add_lang(st, e->lang) != 0)
			return -1;
		snprintf(key, sizeof(key), "%d\t%.6s", e->body,
		    e->lang ? e->lang : "");
		if (smap_get(&last, key, &j)) {
			e->prev = &st->e[j];
			st->e[j].next = e;
			smap_put(&last, key, i);
		} else {
			char *own = xstrdup(key);

			if (own == NULL || smap_put(&last, own, i) != 0) {
				free(own);
				return -1;
			}
		}
		if (e->symbol != NULL &&
		    index_symbol(st, e->symbol, &st->holders, e) != 0)
			return -1;
		for (k = 0; k < e->ncites; k++)
			if (index_symbol(st, e->cites[k], &st->citers, e) != 0)
				return -1;
	}
	for (i = 0; i < last.cap; i++)
		free((char *)last.v[i].key);
	smap_free(&last);
	return index_plan(st);
}

/* ---------------------------------------------------------- render */

/* A page of the site's own: its document is the stylesheet's input. */
int
render_ctx(struct site *st, void *html, struct sink *s, const char *page,
    uint64_t deps)
{
	const char	*extra[] = { "page", page, NULL };
	rp_buf		 out;
	char		*msg;
	int		 rc;

	rp_buf_init(&out);
	if ((rc = rp_html_apply(html, s->doc, extra, &out, &msg)) != 0) {
		cli_say(page, RP_ERROR, "stylesheet", "%s",
		    msg ? msg : "out of memory");
		free(msg);
		st->status = 3;
	} else {
		put_file(st, page, out.data, out.len);
		cache_record(st, page, deps);
	}
	rp_buf_free(&out);
	xmlFreeDoc(s->doc);
	s->doc = NULL;
	return rc;
}

static int
render_html(struct site *st, rp_html *h, struct entry *e, rp_doc *doc,
    uint64_t src, const char *page)
{
	struct sink	 s;
	const char	*extra[] = { "catalog", st->catpath, "page", page,
	    NULL };
	rp_buf		 out;
	int		 rc;

	sink_init(&s, 1, src);
	ctx_resolution(st, e, &s);
	rp_buf_init(&out);
	if ((rc = rp_html_render_ctx(h, doc, st->catpath, s.doc, extra,
	    &out)) == 0)
		put_file(st, page, out.data, out.len);
	rp_buf_free(&out);
	return rc;
}

uint64_t
source_hash(const struct site *st, const struct entry *e)
{
	uint64_t	h = fnv(st->build, e->src, strlen(e->src) + 1);
	size_t		i;

	h = fnv(h, &e->size, sizeof(e->size));
	h = fnv(h, &e->mtime, sizeof(e->mtime));
	/* What the other versions gave it (versions_apply), their
	 * languages among it: the AKN lists them, so a version added or
	 * removed makes the others' files again. */
	h = fnv(h, e->symbol ? e->symbol : "", e->symbol ? strlen(e->symbol) : 0);
	h = fnv(h, e->date ? e->date : "", e->date ? strlen(e->date) : 0);
	h = fnv(h, &e->year, sizeof(e->year));
	for (i = 0; e->versions != NULL && e->versions->n > 1 &&
	    i < e->versions->n; i++)
		h = fnv(h, e->versions->v[i]->lang ? e->versions->v[i]->lang :
		    "", e->versions->v[i]->lang ?
		    strlen(e->versions->v[i]->lang) + 1 : 1);
	return fnv(h, &e->body, sizeof(e->body));
}

/* Render what is stale of one input's files; 0 for each that is done. */
static void
render_stale(struct site *st, rp_html *h, struct entry *e, uint64_t src,
    char names[][160], int *stale)
{
	rp_doc		*doc;
	char		*data;
	rp_buf		 out;
	size_t		 k;
	const char	*langs[16];

	if ((doc = load_doc(e->src, st->from, &data, 0)) == NULL) {
		st->status = 1;
		return;
	}
	versions_apply(e, doc, langs, sizeof(langs) / sizeof(*langs));
	if (stale[NEXTRAS] && render_html(st, h, e, doc, src,
	    names[NEXTRAS]) == 0)
		stale[NEXTRAS] = 0;
	rp_buf_init(&out);
	for (k = 0; k < NEXTRAS; k++) {
		if (!stale[k])
			continue;
		rp_buf_reset(&out);
		if (rp_writer_render(st->w[k], doc, &out) == 0) {
			put_file(st, names[k], out.data, out.len);
			stale[k] = 0;
		}
	}
	for (k = 0; k <= NEXTRAS; k++)
		if (stale[k])
			st->status = 1;
	cli_print_diags(doc, RP_ERROR);
	rp_buf_free(&out);
	rp_doc_free(doc);
	free(data);
}

/* A resolution's files (its formats, then its page): their names, what
 * each is made from, and which the previous run did not make so. */
struct entry_files {
	uint64_t	 src, deps[NEXTRAS + 1];
	char		 names[NEXTRAS + 1][160];
	int		 stale[NEXTRAS + 1], any, kept;
};

/* stem.ext into buf (as snprintf would cut it), without printf: a
 * rebuild names every file of the site. */
static void
file_name(char *buf, size_t size, const char *stem, const char *ext)
{
	size_t	 ns = strlen(stem), ne = strlen(ext);

	if (ns > size - 1)
		ns = size - 1;
	memcpy(buf, stem, ns);
	if (ns < size - 1)
		buf[ns++] = '.';
	if (ne > size - 1 - ns)
		ne = size - 1 - ns;
	memcpy(buf + ns, ext, ne);
	buf[ns + ne] = '\0';
}

/* Whether its file k is stale: looked up once a run (site_each asks
 * whether an entry is stale, then renders or records it), a bit each in
 * e->stale. */
static int
file_stale(struct site *st, struct entry *e, struct entry_files *f,
    size_t k)
{
	if (!(e->looked & 1u << k)) {
		e->looked |= 1u << k;
		if (!cache_fresh(st, f->names[k], f->deps[k]))
			e->stale |= 1u << k;
	}
	return (e->stale >> k) & 1;
}

static void
entry_files(struct site *st, struct entry *e, struct entry_files *f)
{
	struct sink	 s;
	size_t		 k;

	f->src = source_hash(st, e);
	f->any = f->kept = 0;
	/* Once a run: site_each asks whether it is stale, then renders or
	 * records it. */
	if (e->pagehash == 0) {
		sink_init(&s, 0, f->src);
		ctx_resolution(st, e, &s);
		e->pagehash = s.hash;
	}
	for (k = 0; k <= NEXTRAS; k++) {
		f->stale[k] = 0;
		if (k < NEXTRAS && st->w[k] == NULL)
			continue;
		f->deps[k] = k == NEXTRAS ? e->pagehash : f->src;
		file_name(f->names[k], sizeof(f->names[k]), e->stem,
		    k == NEXTRAS ? "html" : rp_format_ext(site_extras[k].fmt));
		f->stale[k] = file_stale(st, e, f, k);
		f->kept += !f->stale[k];
		f->any |= f->stale[k];
	}
}

/* Item i of a site_work over entries: entry i, or when arg is a list of
 * entries (a rebuild of changed inputs), its i-th. */
static struct entry *
entry_at(struct site *st, void *arg, size_t i)
{
	return &st->e[arg != NULL ? ((size_t *)arg)[i] : i];
}

/* site_work: whether entry i has a file to render. */
static int
entry_stale(struct site *st, void *arg, size_t i)
{
	struct entry_files f;

	entry_files(st, entry_at(st, arg, i), &f);
	return f.any;
}

/* A resolution's page and its other formats, those not already made from
 * the same input and the same page document.  Records in a fixed order,
 * so the catalog does not depend on what was rebuilt. */
static void
render_entry(struct site *st, void *h, void *arg, size_t i)
{
	struct entry		*e = entry_at(st, arg, i);
	struct entry_files	 f;
	size_t			 k;

	entry_files(st, e, &f);
	st->kept += (size_t)f.kept;
	if (f.any)
		render_stale(st, h, e, f.src, f.names, f.stale);
	for (k = 0; k <= NEXTRAS; k++)
		if ((k == NEXTRAS || st->w[k] != NULL) && !f.stale[k])
			cache_record(st, f.names[k], f.deps[k]);
}

static const char *
entry_name(struct site *st, void *arg, size_t i)
{
	return entry_at(st, arg, i)->src;
}

/* ---------------------------------------------------------- search */

/* Pagefind (npm package "pagefind"): $RESPUB_PAGEFIND, else on PATH. */
static char *
find_pagefind(void)
{
	const char	*env = getenv("RESPUB_PAGEFIND"), *path, *p, *c;
	char		*cand;

	if (env != NULL)
		return *env != '\0' && access(env, X_OK) == 0 ?
		    xstrdup(env) : NULL;
	if ((path = getenv("PATH")) == NULL)
		return NULL;
	for (p = path; ; p = c + 1) {
		c = strchr(p, ':');
		if (c == NULL)
			c = p + strlen(p);
		if (asprintf(&cand, "%.*s/pagefind", (int)(c - p),
		    c == p ? "." : p) < 0)
			return NULL;
		if (access(cand, X_OK) == 0)
			return cand;
		free(cand);
		if (*c == '\0')
			return NULL;
	}
}

static void
run_pagefind(struct site *st)
{
	char	*argv[] = { (char *)st->pagefind, "--site", (char *)st->outdir,
	    st->quiet ? "--silent" : "--quiet", NULL };
	pid_t	 pid;
	int	 status;

	if (posix_spawn(&pid, st->pagefind, NULL, NULL, argv, environ) != 0 ||
	    waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0) {
		cli_say(st->outdir, RP_ERROR, NULL, "pagefind failed: the "
		    "site's search will not work");
		st->status = 3;
	}
}

/* ----------------------------------------------------------- build */

static uint64_t
hash_file(uint64_t h, const char *dir, const char *rel)
{
	char	*path = rel != NULL ? cli_join(dir, rel, NULL) : xstrdup(dir);
	char	*data;
	size_t	 len;

	if (path != NULL && cli_read_file(path, &data, &len) == 0) {
		h = fnv(h, data, len);
		free(data);
	}
	free(path);
	return h;
}

/* The files of dir/rel, in name order: the tables of templates/labels/
 * and lang/ (a page's words and dates). */
static uint64_t
hash_dir(uint64_t h, const char *dir, const char *rel)
{
	char		*path = cli_join(dir, rel, NULL);
	struct dirent	**de = NULL;
	int		 n, i;

	n = path != NULL ? scandir(path, &de, NULL, alphasort) : -1;
	for (i = 0; i < n; i++) {
		if (de[i]->d_name[0] != '.')
			h = hash_file(fnv(h, de[i]->d_name,
			    strlen(de[i]->d_name)), path, de[i]->d_name);
		free(de[i]);
	}
	free(de);
	free(path);
	return h;
}

/* What every page depends on besides its inputs: the program, its
 * stylesheet, templates and tables, the options. */
static uint64_t
build_hash(const struct site *st, const struct args *a)
{
	uint64_t	 h = fnv(FNV_SEED, RP_VERSION, sizeof(RP_VERSION));
	const char	*dd = a->opt.data_dir;
	struct stat	 sb;
	size_t		 i;

	if (stat("/proc/self/exe", &sb) == 0) {
		h = fnv(h, &sb.st_size, sizeof(sb.st_size));
		h = fnv(h, &sb.st_mtim, sizeof(sb.st_mtim));
	}
	h = a->opt.stylesheet_path != NULL ? hash_file(h,
	    a->opt.stylesheet_path, NULL) : hash_file(h, dd,
	    "stylesheets/akn2html.xsl");
	h = hash_file(h, dd, "stylesheets/versions.xsl");
	h = a->opt.template_path != NULL ? hash_file(h,
	    a->opt.template_path, NULL) : hash_file(h, dd,
	    "templates/html.xml");
	h = hash_file(hash_file(h, dd, "templates/markdown.conf"), dd,
	    "templates/pdf.conf");
	h = hash_dir(hash_dir(h, dd, "templates/labels"), dd, "lang");
	for (i = 0; i < a->nvars; i++)
		h = fnv(h, a->vars[i], strlen(a->vars[i]) + 1);
	h = fnv(h, &a->rows, sizeof(a->rows));
	h = fnv(h, &a->parallel, sizeof(a->parallel));
	h = fnv(h, st->pagefind != NULL ? "s" : "-", 1);
	for (i = 0; i < NEXTRAS; i++)
		h = fnv(h, st->w[i] != NULL ? "w" : "-", 1);
	return h;
}

static void
write_pages(struct site *st, rp_html *h)
{
	struct site_work w = { st->n, NULL, entry_stale, render_entry,
	    entry_name };

	if (site_each(st, h, &w) != 0)
		st->status = 3;
	if (st->parallel)
		parallel_pages(st, h);
	index_pages(st, h);
	if (st->pagefind != NULL)
		search_pages(st, h);
	feeds_write(st);
	sitemap_write(st);
	catalog_write(st);
	cache_prune(st);
	cache_write(st, 0);
}

/* Only inputs' contents changed (only_contents): their own files
 * rendered again, the previous run's records brought up to date; the
 * rest is as it was.  -1 when a file made is not one of the previous
 * run's (then the whole site is checked). */
static int
write_changed(struct site *st, rp_html *h)
{
	struct site_work w = { 0, NULL, entry_stale, render_entry,
	    entry_name };
	size_t		*todo, i;
	long		 k;

	if ((todo = calloc(st->n + 1, sizeof(*todo))) == NULL)
		return -1;
	for (i = 0; i < st->n; i++)
		if (st->e[i].fresh)
			todo[w.n++] = i;
	if (w.n == 0) {		/* nothing to do: the files need no reading */
		st->kept += st->old.f != NULL ? st->old.nfiles : st->old.nmade;
		free(todo);
		return 0;
	}
	if (cache_files(st, 0) != 0) {
		free(todo);
		return -1;
	}
	w.arg = todo;
	if (site_each(st, h, &w) != 0)
		st->status = 3;
	free(todo);
	if (st->parallel)
		parallel_pages(st, h);
	for (i = 0; i < st->nnew; i++) {
		if ((k = cache_file(&st->old, st->newnames[i])) < 0)
			return -1;
		st->old.f[k].deps = st->newdeps[i];
	}
	st->kept += st->old.nfiles - st->nnew;
	cache_write(st, 1);
	return 0;
}

/* The stylesheet's sandbox reads only files that exist: catalog.xml
 * must be there before the first page. */
static void
catalog_placeholder(struct site *st)
{
	if (access(st->catpath, F_OK) != 0)
		put_file(st, "catalog.xml", "<site/>\n", 8);
}

/* The site planned again: every input read or taken from the previous
 * run, then every page's document looked at, unless only the contents
 * of inputs changed. */
static int
replan(struct site *st, const struct args *a, rp_html *h)
{
	int	fast;
	size_t	i;

	if (cache_files(st, 1) != 0 || read_inputs(st, a) != 0)
		return -1;
	fast = only_contents(st, a->ninputs);
	if (versions_join(st) != 0 || drop_duplicates(st) != 0 ||
	    plan(st) != 0)
		return -1;
	st->nres = st->n;
	if (st->n == 0)
		return 0;
	catalog_placeholder(st);
	if (!fast && clean_pages(st) != 0)
		return -1;
	if (!fast || write_changed(st, h) != 0) {
		for (i = 0; i < st->nnew; i++)
			free(st->newnames[i]);
		st->nnew = 0;
		write_pages(st, h);
	}
	return 0;
}

static int
build(struct site *st, const struct args *a, rp_html **hp)
{
	const char	*err;
	rp_html		*h;
	int		 quick;

	st->build = build_hash(st, a);
	if (cache_load(st) != 0 ||
	    (quick = quick_plan(st, a->inputs, a->ninputs)) < 0)
		return -1;
	/* The stylesheet, compiled only when there is a page to render. */
	if ((quick == 0 || st->n > 0) &&
	    (*hp = rp_html_new(&a->opt, &err)) == NULL) {
		cli_say(NULL, RP_ERROR, NULL, "cannot write html: %s", err);
		st->status = 3;
		return 0;
	}
	h = *hp;
	if (quick == 1) {
		if (st->n > 0)
			catalog_placeholder(st);
		if (write_changed(st, h) != 0) {
			plan_free(st);	/* the plan and the files disagree */
			quick = 0;
		}
	}
	if (quick == 0 && replan(st, a, h) != 0)
		return -1;
	if (st->pagefind != NULL && st->written > 0)
		run_pagefind(st);
	cache_sync(st);
	return 0;
}

/* What a run planned (or site_quick.c took from the previous plan). */
void
plan_free(struct site *st)
{
	size_t i;

	for (i = 0; st->seen != NULL && i < st->nlines; i++)
		if (st->seen[i] != NULL && !st->seen[i]->fresh) {
			entry_free(st->seen[i]);	/* not one of st->e */
			free(st->seen[i]);
		}
	free(st->seen);
	st->seen = NULL;
	for (i = 0; i < st->n; i++)
		entry_free(&st->e[i]);
	free(st->e);
	st->e = NULL;
	st->n = 0;
	for (i = 0; i < st->nsyms; i++) {
		free(st->holders[i].v);
		free(st->citers[i].v);
	}
	free(st->holders);
	free(st->citers);
	st->holders = st->citers = NULL;
	st->nsyms = 0;
	smap_free(&st->bysym);
	for (i = 0; i < st->nlines; i++)
		free(st->ownlines[i]);
	free(st->ownlines);
	free(st->lines);
	st->ownlines = NULL;
	st->lines = NULL;
	st->nlines = 0;
	for (i = 0; i < st->nnew; i++)
		free(st->newnames[i]);
	st->nnew = 0;
	versions_free(st);
}

static void
site_free(struct site *st, struct args *a)
{
	size_t i;

	plan_free(st);
	for (i = 0; i < st->nlangs; i++)
		free(st->langs[i]);
	free(st->langs);
	cache_free(&st->old);
	free(st->newnames);
	free(st->newdeps);
	index_free(st);
	for (i = 0; i < NEXTRAS; i++)
		rp_writer_free(st->w[i]);
	rp_labels_free(st->labels);
	free(st->stamps);
	free(st->catpath);
	free(st->statepath);
	free((char *)st->pagefind);
	free(a->inputs);
	free(a->list);
	free(a->vars);
}

static int
open_site(struct site *st, struct args *a)
{
	char		 real[PATH_MAX];
	const char	*err;
	size_t		 k;

	if (cli_mkdirs(a->outdir) != 0 || realpath(a->outdir, real) == NULL) {
		cli_say(a->outdir, RP_ERROR, NULL, "%s", strerror(errno));
		return 3;
	}
	if ((st->catpath = cli_join(real, "catalog", "xml")) == NULL ||
	    (st->statepath = cli_join(real, "catalog", "tsv")) == NULL)
		return 3;
	for (k = 0; k < NEXTRAS; k++)
		st->w[k] = rp_writer_new(site_extras[k].fmt, &a->opt, &err);
	/* NULL (out of memory): the bodies' English names. */
	st->labels = rp_labels_new(a->opt.data_dir);
	snprintf(st->lang, sizeof(st->lang), "eng");
	if ((st->pagefind = find_pagefind()) == NULL && !st->quiet)
		cli_say(NULL, RP_WARNING, "search", "pagefind not found (npm "
		    "package \"pagefind\", or make demo): the site has no "
		    "search");
	return 0;
}

int
site_main(int argc, char *argv[])
{
	struct args	 a;
	struct site	 st;
	rp_html		*h = NULL;
	int		 rc, lock = -1;

	memset(&a, 0, sizeof(a));
	memset(&st, 0, sizeof(st));
	if ((rc = parse_args(&a, argc, argv)) != 0) {
		site_free(&st, &a);
		return rc < 0 ? 0 : rc;
	}
	st.outdir = a.outdir;
	st.opt = &a.opt;
	st.quiet = a.quiet;
	st.rows = a.rows;
	st.parallel = a.parallel;
	st.jobs = a.jobs > 0 ? a.jobs : jobs_cores();
	st.timeout = a.timeout;
	st.from = a.from;
	if ((rc = open_site(&st, &a)) == 0 &&
	    (lock = lock_dir(a.outdir)) < 0)
		rc = 3;
	if (rc == 0 && build(&st, &a, &h) != 0) {
		cli_say(NULL, RP_ERROR, "memory", "out of memory");
		st.status = 3;
	}
	if (rc == 0 && !st.quiet)
		cli_say(st.outdir, RP_INFO, "summary", "%zu resolutions, %zu "
		    "files written, %zu unchanged", st.nres, st.written, st.kept);
	if (lock >= 0)
		close(lock);
	rp_html_free(h);
	site_free(&st, &a);
	return rc != 0 ? rc : st.status;
}
