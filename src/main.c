/* main.c -- the respub command: read resolutions, write them in one or
 * more formats.  Everything but option handling and file I/O lives in
 * the library. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "respub.h"
#include "cli.h"
#include "jobs.h"
#include "labels.h"
#include "site.h"
#include "parallel.h"
#include "versions.h"
#include "write_html.h"

#include <libxml/tree.h>

#define EXIT_INPUT	1	/* an input could not be read or converted */
#define EXIT_USAGE	2	/* bad command line */
#define EXIT_OUTPUT	3	/* an output could not be written */

static const char *progname = "respub";

/* Output name for an input: its base name without the extension. */
static char *
stem(const char *path)
{
	const char	*base = strrchr(path, '/');
	char		*s, *dot;

	base = base ? base + 1 : path;
	if (strcmp(path, "-") == 0 || *base == '\0')
		base = "stdin";
	if ((s = strdup(base)) == NULL)
		return NULL;
	/* Strip one known extension: "a.txt" and "a.md" both give "a",
	 * "a.pdftext.txt" gives "a.pdftext". */
	if ((dot = strrchr(s, '.')) != NULL && dot != s &&
	    (strcmp(dot, ".txt") == 0 || strcmp(dot, ".md") == 0 ||
	    strcmp(dot, ".xml") == 0 || strcmp(dot, ".akn") == 0 ||
	    strcmp(dot, ".text") == 0 || strcmp(dot, ".markdown") == 0))
		*dot = '\0';
	return s;
}

/* One run of the command: the options, then each input in turn. */
struct run {
	rp_options	  opt;
	rp_limits	  limits;	/* 0: the library's default */
	rp_format	  from;
	rp_format	  to[RP_FORMAT__MAX];
	rp_writer	 *writers[RP_FORMAT__MAX];
	size_t		  nto;
	const char	 *output, *outdir;
	const char	**vars;
	size_t		  nvars;
	char		 *tolist;
	int		  quiet, verbose, progress;
	int		  parallel;	/* --parallel */
	int		  split;	/* --split: inputs may be compilations */
	int		  strings;	/* --strings: the HTML's strings only */
	/* Pages written under -d link what the run wrote beside them: */
	rp_html		 *html;		/* NULL: no HTML under -d */
	char		 *ctxpath;	/* see write_html() */
	struct page_version *versions;	/* --parallel: each input's page */
	size_t		  nversions;
	char		 *parallel_page;	/* and the side-by-side page */
	int		  timeout;	/* seconds per input, 0: none */
	int		  jobs;		/* worker processes, 0: one per core */
	int		  shard_k, shard_n;	/* --shard K/N, 0/0: all */
	int		  shown_progress; /* progress, shown by the parent of
					 * workers */
	char		**inputs;	/* ninputs paths, "-" for stdin */
	int		  ninputs;
	char		**names;	/* output name of each input, for -d */
	int		  status;
};

/* --limit NAME=N: N a positive count, k, M or G times 1024^n. */
static int
parse_limit(struct run *r, const char *arg)
{
	static const struct {
		const char	*name;
		size_t		 off;
	} names[] = {
		{ "size", offsetof(rp_limits, size) },
		{ "elements", offsetof(rp_limits, elements) },
		{ "attributes", offsetof(rp_limits, attributes) },
		{ "depth", offsetof(rp_limits, depth) },
	};
	const char		*eq = strchr(arg, '=');
	char			*end;
	unsigned long long	 n;
	size_t			 i, len = eq ? (size_t)(eq - arg) : 0;
	int			 shift = 0;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strlen(names[i].name) == len &&
		    strncmp(arg, names[i].name, len) == 0)
			break;
	if (i == sizeof(names) / sizeof(*names)) {
		cli_say(NULL, RP_ERROR, NULL,
		    "--limit %s: want size, elements, "
		    "attributes or depth=N", arg);
		return -1;
	}
	errno = 0;
	n = strtoull(eq + 1, &end, 10);
	if (*end != '\0' && end[1] == '\0')
		shift = *end == 'k' || *end == 'K' ? 10 : *end == 'M' ? 20 :
		    *end == 'G' ? 30 : -1;
	if (end == eq + 1 || eq[1] == '-' || errno != 0 ||
	    shift < 0 || (*end != '\0' && shift == 0) || n == 0 ||
	    n > (SIZE_MAX >> shift) - 1) {
		cli_say(NULL, RP_ERROR, NULL,
		    "--limit %s: want a positive number", arg);
		return -1;
	}
	*(size_t *)((char *)&r->limits + names[i].off) = (size_t)n << shift;
	return 0;
}

/* -f: the input formats respub reads. */
static int
set_from(struct run *r, const char *arg)
{
	r->from = rp_format_parse(arg);
	if (r->from == RP_FORMAT_TEXT || r->from == RP_FORMAT_MD ||
	    r->from == RP_FORMAT_AKN)
		return 0;
	cli_say(NULL, RP_ERROR, NULL, "unknown input format: %s", arg);
	return -1;
}

/* -j N: 1 to 1024 worker processes. */
static int
set_jobs(struct run *r, const char *arg)
{
	if ((r->jobs = atoi(arg)) > 0 && r->jobs <= 1024 &&
	    strspn(arg, "0123456789") == strlen(arg))
		return 0;
	cli_say(NULL, RP_ERROR, NULL,
	    "-j wants a number of processes (1 to 1024): %s", arg);
	return -1;
}

/* -V KEY=VALUE. */
static int
set_variable(struct run *r, const char *arg)
{
	if (strchr(arg, '=') == NULL) {
		cli_say(NULL, RP_ERROR, NULL, "-V wants KEY=VALUE: %s", arg);
		return -1;
	}
	r->vars[r->nvars++] = arg;
	return 0;
}

static int
set_warning(struct run *r, const char *arg)
{
	(void)r;
	return cli_warning_option(arg) != 0 ? -1 : 0;
}

static int
set_timeout(struct run *r, const char *arg)
{
	return (r->timeout = cli_parse_timeout(arg)) < 0 ? -1 : 0;
}

static int
set_shard(struct run *r, const char *arg)
{
	if (jobs_parse_shard(arg, &r->shard_k, &r->shard_n) == 0)
		return 0;
	cli_say(NULL, RP_ERROR, NULL,
	    "--shard wants K/N, 1 <= K <= N: %s", arg);
	return -1;
}

static void	usage(FILE *);

static int
show_help(struct run *r, const char *arg)
{
	(void)r;
	(void)arg;
	usage(stdout);
	return 1;
}

static int
show_version(struct run *r, const char *arg)
{
	(void)r;
	(void)arg;
	printf("respub %s\n", RP_VERSION);
	return 1;
}

/*
 * The options, in the order --help lists them.  One with a set function
 * calls it: 0 goes on, -1 is a usage error, 1 ends the run (exit 0).
 * Else it sets the field of struct run at field: to its argument, or
 * to 1 when it takes none.
 */
static const struct cli_option {
	const char	*name;		/* --name */
	int		 key;		/* -key, 0: none */
	const char	*arg;		/* what it takes, NULL: nothing */
	size_t		 field;
	int		(*set)(struct run *, const char *);
	const char	*help;		/* lines after the first follow \n */
} options[] = {
#define F(f)	offsetof(struct run, f), NULL
	{ "from", 'f', "FORMAT", 0, set_from,
	    "input format: text, md, akn (default: detect)" },
	{ "to", 't', "FORMATS", F(tolist),
	    "output formats, comma-separated: akn, html, md,\n"
	    "pdf, tree (default: akn)" },
	{ "output", 'o', "FILE", F(output),
	    "write to FILE (one input, one format)" },
	{ "output-dir", 'd', "DIR", F(outdir),
	    "write DIR/NAME.EXT for every input and format" },
	{ "data-dir", 0, "DIR", F(opt.data_dir),
	    "where templates/ and stylesheets/ are" },
	{ "template", 0, "FILE", F(opt.template_path),
	    "use FILE as the page template" },
	{ "stylesheet", 0, "FILE", F(opt.stylesheet_path),
	    "use FILE instead of akn2html.xsl" },
	{ "strings", 0, NULL, F(strings),
	    "write the HTML's fixed words, as the stylesheet\n"
	    "reads them (xsltproc), and exit" },
	{ "variable", 'V', "KEY=VAL", 0, set_variable,
	    "set a template or stylesheet parameter" },
	{ "parallel", 0, NULL, F(parallel),
	    "the inputs are language versions of one\n"
	    "resolution: also write one HTML page with them\n"
	    "side by side (-o FILE, else DIR/NAME-parallel.html\n"
	    "with -d, else stdout)" },
	{ "limit", 0, "NAME=N", 0, parse_limit,
	    "raise or lower a limit on one input: size (bytes,\n"
	    "k/M/G), elements, attributes, depth" },
	{ "timeout", 0, "SECONDS", 0, set_timeout,
	    "give up an input that takes longer" },
	{ "split", 0, NULL, F(split),
	    "an input may be a compilation (resolutions one\n"
	    "after another): write each as NAME-K (-d)" },
	{ "jobs", 'j', "N", 0, set_jobs,
	    "convert N inputs at a time (default: one per\n"
	    "core); output and messages as with -j 1" },
	{ "shard", 0, "K/N", 0, set_shard,
	    "convert only inputs K, K+N, K+2N... of the list\n"
	    "(1 <= K <= N), named as in the whole run" },
	{ "warning", 'W', "no-CODE", 0, set_warning,
	    "do not print warnings and notes of kind CODE\n"
	    "(the [code] ending them; see respub(1))" },
	{ "quiet", 'q', NULL, F(quiet), "print errors only" },
	{ "verbose", 'v', NULL, F(verbose),
	    "also print notes on how the text was read" },
	{ "progress", 0, NULL, F(progress),
	    "report progress on stderr (default on a terminal\n"
	    "for more than one input)" },
	{ "help", 'h', NULL, 0, show_help, "print this help and exit" },
	{ "version", 0, NULL, 0, show_version, "print the version and exit" },
#undef F
};

#define NOPTIONS	(sizeof(options) / sizeof(*options))
#define HELP_COLUMN	26

static void
usage(FILE *f)
{
	const struct cli_option	*o;
	const char		*h, *nl;
	int			 w;

	fprintf(f,
"usage: %s [options] [FILE...]\n"
"Convert United Nations resolutions from plain text to Akoma Ntoso XML,\n"
"HTML, Markdown and PDF.  With no FILE, or when FILE is -, read stdin.\n"
"\n", progname);
	for (o = options; o < options + NOPTIONS; o++) {
		w = o->key ? fprintf(f, "  -%c, --%s", o->key, o->name) :
		    fprintf(f, "      --%s", o->name);
		if (o->arg != NULL)
			w += fprintf(f, " %s", o->arg);
		for (h = o->help; (nl = strchr(h, '\n')) != NULL; h = nl + 1) {
			fprintf(f, "%*s%.*s\n", HELP_COLUMN - w, "",
			    (int)(nl - h), h);
			w = 0;
		}
		fprintf(f, "%*s%s\n", HELP_COLUMN - w, "", h);
	}
	fprintf(f, "\n"
"Exit status: 0 success, 1 an input could not be converted, 2 usage error,\n"
"3 an output could not be written.  See respub(1).\n");
}

/* getopt_long's tables for the options: a long option without a short
 * one returns 256 + its index. */
static void
getopt_tables(struct option *longopts, char *shortopts)
{
	size_t	 i;

	for (i = 0; i < NOPTIONS; i++) {
		longopts[i].name = options[i].name;
		longopts[i].has_arg = options[i].arg != NULL ?
		    required_argument : no_argument;
		longopts[i].flag = NULL;
		longopts[i].val = options[i].key ? options[i].key :
		    256 + (int)i;
		if (options[i].key) {
			*shortopts++ = (char)options[i].key;
			if (options[i].arg != NULL)
				*shortopts++ = ':';
		}
	}
	memset(&longopts[NOPTIONS], 0, sizeof(*longopts));
	*shortopts = '\0';
}

/* Option c, as getopt_long returned it, into r: as the set function
 * returns. */
static int
set_option(struct run *r, int c, char *arg)
{
	const struct cli_option	*o;
	size_t			 i;

	for (i = 0; i < NOPTIONS; i++)
		if (c == (options[i].key ? options[i].key : 256 + (int)i))
			break;
	if (i == NOPTIONS) {
		usage(stderr);
		return -1;
	}
	o = &options[i];
	if (o->set != NULL)
		return o->set(r, arg);
	if (o->arg != NULL)
		*(char **)((char *)r + o->field) = arg;
	else
		*(int *)((char *)r + o->field) = 1;
	return 0;
}

/* Parse the options into r; -1 to go on, else the exit status. */
static int
parse_options(struct run *r, int argc, char *argv[])
{
	struct option	 longopts[NOPTIONS + 1];
	char		 shortopts[2 * NOPTIONS + 1];
	int		 c, rc;

	getopt_tables(longopts, shortopts);
	while ((c = getopt_long(argc, argv, shortopts, longopts,
	    NULL)) != -1)
		if ((rc = set_option(r, c, optarg)) != 0)
			return rc < 0 ? EXIT_USAGE : 0;
	return -1;
}

/* The -t list into r->to, each format once. */
static int
parse_formats(struct run *r)
{
	char	*tok, *save;
	size_t	 k;

	if (r->tolist == NULL) {
		r->to[r->nto++] = r->parallel ? RP_FORMAT_HTML : RP_FORMAT_AKN;
		return 0;
	}
	for (tok = strtok_r(r->tolist, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		rp_format f = rp_format_parse(tok);

		if (f == RP_FORMAT_UNKNOWN || f == RP_FORMAT_TEXT) {
			cli_say(NULL, RP_ERROR, NULL,
			    "unknown output format: %s", tok);
			return EXIT_USAGE;
		}
		for (k = 0; k < r->nto && r->to[k] != f; k++)
			continue;
		if (k == r->nto)
			r->to[r->nto++] = f;
	}
	if (r->nto == 0) {
		cli_say(NULL, RP_ERROR, NULL, "-t wants a format");
		return EXIT_USAGE;
	}
	return 0;
}

/* Combinations of options and inputs that cannot work. */
static int
check_usage(const struct run *r)
{
	int i, stdins = 0;

	if (r->output != NULL && r->outdir != NULL) {
		cli_say(NULL, RP_ERROR, NULL,
		    "-o and -d cannot be used together");
		return EXIT_USAGE;
	}
	if (r->parallel && (r->ninputs < 2 || (r->outdir == NULL &&
	    (r->nto > 1 || r->to[0] != RP_FORMAT_HTML)))) {
		cli_say(NULL, RP_ERROR, NULL,
		    r->ninputs < 2 ? "--parallel wants the "
		    "versions of a resolution, two or more inputs" :
		    "--parallel writes one HTML page: -t html, or -d DIR "
		    "for the other formats");
		return EXIT_USAGE;
	}
	if (r->split && (r->outdir == NULL || r->parallel)) {
		cli_say(NULL, RP_ERROR, NULL, "--split writes a file per "
		    "resolution: -d DIR, without --parallel");
		return EXIT_USAGE;
	}
	if (r->outdir == NULL && !r->parallel &&
	    (r->nto > 1 || r->ninputs > 1)) {
		cli_say(NULL, RP_ERROR, NULL, "several %s need -d DIR",
		    r->nto > 1 ? "output formats" : "inputs");
		return EXIT_USAGE;
	}
	for (i = 0; i < r->ninputs; i++)
		stdins += strcmp(r->inputs[i], "-") == 0;
	if (stdins > 1) {
		cli_say(NULL, RP_ERROR, NULL,
		    "standard input (-) can be read only once");
		return EXIT_USAGE;
	}
	if (r->outdir == NULL && (r->output == NULL ||
	    strcmp(r->output, "-") == 0) && r->to[0] == RP_FORMAT_PDF &&
	    isatty(STDOUT_FILENO)) {
		cli_say(NULL, RP_ERROR, NULL,
		    "not writing PDF to a terminal; use -o FILE");
		return EXIT_USAGE;
	}
	return 0;
}

/* Whether name is among the n names of list (NULLs skipped). */
static int
name_taken(char *const *list, int n, const char *name)
{
	int i;

	for (i = 0; i < n; i++)
		if (list[i] != NULL && strcmp(list[i], name) == 0)
			return 1;
	return 0;
}

/* Whether input i is among those --shard picks. */
static int
in_shard(const struct run *r, int i)
{
	return r->shard_n == 0 || i % r->shard_n == r->shard_k - 1;
}

/*
 * Keep only the inputs of this shard.  Names are planned on the whole
 * list first, so that the shards of a list write what one run writes.
 */
static void
pick_shard(struct run *r)
{
	int i, n = 0;

	for (i = 0; i < r->ninputs; i++) {
		if (!in_shard(r, i)) {
			if (r->names != NULL)
				free(r->names[i]);
			continue;
		}
		r->inputs[n] = r->inputs[i];
		if (r->names != NULL)
			r->names[n] = r->names[i];
		n++;
	}
	r->ninputs = n;
}

/*
 * The output name of every input under -d.  Two inputs with one name
 * (a/x.txt and b/x.txt, x.txt and x.md) must not overwrite each other:
 * the later one becomes x-2 (x-3...), with a warning.
 */
static int
plan_names(struct run *r)
{
	char	**stems, *name;
	size_t	  len;
	int	  i, n, rc = 0;

	if ((r->names = calloc((size_t)r->ninputs, sizeof(*r->names))) ==
	    NULL || (stems = calloc((size_t)r->ninputs,
	    sizeof(*stems))) == NULL)
		return EXIT_OUTPUT;
	for (i = 0; i < r->ninputs && rc == 0; i++)
		if ((stems[i] = stem(r->inputs[i])) == NULL)
			rc = EXIT_OUTPUT;
	for (i = 0; i < r->ninputs && rc == 0; i++) {
		len = strlen(stems[i]) + 16;
		if ((name = malloc(len)) == NULL) {
			rc = EXIT_OUTPUT;
			break;
		}
		strcpy(name, stems[i]);
		/* Taken: the names given so far; a made-up name must not
		 * be a later input's own either. */
		for (n = 2; name_taken(r->names, i, name) || (n > 2 &&
		    name_taken(stems + i + 1, r->ninputs - i - 1, name)); n++)
			snprintf(name, len, "%s-%d", stems[i], n);
		if (n > 2 && !r->quiet && in_shard(r, i))
			cli_say(r->inputs[i], RP_WARNING, "name-taken",
			    "%s/%s.* is taken by "
			    "another input; writing %s/%s.*", r->outdir,
			    stems[i], r->outdir, name);
		r->names[i] = name;
	}
	for (i = 0; i < r->ninputs; i++)
		free(stems[i]);
	free(stems);
	return rc;
}

/* The status of a writer that could not start: out of memory (a font
 * file too large to map, say) is 1, as everywhere else, not a broken
 * data directory (3). */
static int
start_failed(void)
{
	return errno == ENOMEM ? EXIT_INPUT : EXIT_OUTPUT;
}

static int
open_writers(struct run *r)
{
	const char	*err;
	size_t		 k;

	for (k = 0; k < r->nto; k++) {
		errno = 0;
		r->writers[k] = rp_writer_new(r->to[k], &r->opt, &err);
		if (r->writers[k] == NULL) {
			cli_say(NULL, RP_ERROR, NULL, "cannot write %s: %s",
			    rp_format_name(r->to[k]), err);
			return start_failed();
		}
	}
	return 0;
}

/* Whether this run writes format f. */
static int
writes(const struct run *r, rp_format f)
{
	size_t k;

	for (k = 0; k < r->nto; k++)
		if (r->to[k] == f)
			return 1;
	return 0;
}

/* The HTML writer of pages that link what is written beside them (-d)
 * and of the side-by-side page. */
static int
open_html(struct run *r)
{
	const char *err;

	if (!r->parallel && (r->outdir == NULL || !writes(r, RP_FORMAT_HTML)))
		return 0;
	if (r->outdir != NULL && (r->ctxpath = realpath(r->outdir, NULL)) ==
	    NULL) {
		cli_say(r->outdir, RP_ERROR, NULL, "%s", strerror(errno));
		return EXIT_OUTPUT;
	}
	errno = 0;
	if ((r->html = rp_html_new(&r->opt, &err)) == NULL) {
		cli_say(NULL, RP_ERROR, NULL, "cannot write html: %s", err);
		return start_failed();
	}
	return 0;
}

/* Whether the first len bytes of key are one of list's names. */
static int
in_list(const char *const *list, const char *key, size_t len)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == len && strncmp(*list, key, len) == 0)
			return 1;
	return 0;
}

/* "the pdf writer reads: page_size, ..." for the writers of this run. */
static void
describe_params(const struct run *r, rp_buf *b)
{
	const char *const	*p;
	const char		*sep = "";
	size_t			 k;

	rp_buf_puts(b, "the ");
	for (k = 0; k < r->nto; k++) {
		rp_buf_puts(b, k ? ", " : "");
		rp_buf_puts(b, rp_format_name(r->to[k]));
	}
	rp_buf_puts(b, r->nto > 1 ? " writers read: " : " writer reads: ");
	for (k = 0; k < r->nto; k++)
		for (p = rp_writer_params(r->writers[k]); *p != NULL; p++) {
			rp_buf_puts(b, sep);
			rp_buf_puts(b, *p);
			sep = ", ";
		}
	if (*sep == '\0')
		rp_buf_puts(b, "nothing");
}

/* A -V key that no writer of this run reads is most likely a typo. */
static void
check_vars(const struct run *r)
{
	rp_buf	b;
	size_t	i, j, k, len;
	int	known;

	rp_buf_init(&b);
	for (i = 0; i < r->nvars && !r->quiet; i++) {
		len = (size_t)(strchr(r->vars[i], '=') - r->vars[i]);
		for (j = 0; j < i && strncmp(r->vars[j], r->vars[i],
		    len + 1) != 0; j++)
			continue;
		for (k = 0, known = j < i; k < r->nto && !known; k++)
			known = in_list(rp_writer_params(r->writers[k]),
			    r->vars[i], len);
		if (known)
			continue;
		rp_buf_reset(&b);
		describe_params(r, &b);
		cli_say(NULL, RP_WARNING, "unknown-var",
		    "-V %.*s: unknown key; %s", (int)len,
		    r->vars[i], b.data);
	}
	rp_buf_free(&b);
}

/*
 * Progress on stderr: one line redrawn on a terminal, plain lines
 * elsewhere (a log gets no terminal escapes).
 */
static void
show_progress(const struct run *r, int i)
{
	if (!r->progress)
		return;
	if (isatty(STDERR_FILENO))
		fprintf(stderr, "\r[%d/%d] %s\033[K", i + 1, r->ninputs,
		    r->inputs[i]);
	else
		cli_say(r->inputs[i], RP_INFO, NULL,
		    "input %d of %d", i + 1,
		    r->ninputs);
}

/* Before a message: end the progress line a terminal shows. */
static void
break_progress(const struct run *r)
{
	if (r->progress && isatty(STDERR_FILENO))
		fputc('\n', stderr);
}

/*
 * The HTML page of input i under -d, linking the other formats written
 * beside it and, with --parallel, the other versions.  Its small
 * document is handed to the stylesheet in memory under the name of the
 * output directory (a name the stylesheet may read, never read).
 */
static int
write_html(struct run *r, rp_doc *doc, int i, rp_buf *out)
{
	int		 formats[RP_FORMAT__MAX], rc;
	char		*page;
	const char	*extra[] = { "catalog", r->ctxpath, "page", NULL,
	    NULL };
	size_t		 k;
	xmlDocPtr	 ctx;

	for (k = 0; k < r->nto; k++)
		formats[k] = r->to[k];
	if (asprintf(&page, "%s.html", r->names[i]) < 0)
		return -1;
	extra[3] = page;
	rc = (ctx = page_doc(r->names[i], formats, r->nto, r->versions,
	    r->nversions, r->parallel_page)) == NULL ? -1 :
	    rp_html_render_ctx(r->html, doc, r->ctxpath, ctx, extra, out);
	free(page);
	return rc;
}

/* Write out to target (NULL or "-": standard output). */
static void
put_output(struct run *r, const char *target, const rp_buf *out)
{
	if (target != NULL && strcmp(target, "-") == 0)
		target = NULL;
	if (cli_write_output(target, out->data, out->len) == 0)
		return;
	break_progress(r);
	cli_say(target ? target : "standard output", RP_ERROR, NULL,
	    "cannot write: %s",
	    strerror(errno));
	r->status = EXIT_OUTPUT;
}

/* Render doc in every format and write it. */
static void
write_doc(struct run *r, rp_doc *doc, int i)
{
	rp_buf	 out;
	size_t	 k;

	rp_buf_init(&out);
	for (k = 0; k < r->nto; k++) {
		char		*dest = NULL;
		const char	*target = r->output;

		rp_buf_reset(&out);
		if (r->to[k] == RP_FORMAT_HTML && r->html != NULL ?
		    write_html(r, doc, i, &out) != 0 :
		    rp_writer_render(r->writers[k], doc, &out) != 0) {
			r->status = EXIT_INPUT;
			continue;
		}
		if (r->outdir != NULL && (target = dest = cli_join(r->outdir,
		    r->names[i], rp_format_ext(r->to[k]))) == NULL) {
			r->status = EXIT_OUTPUT;
			continue;
		}
		put_output(r, target, &out);
		free(dest);
	}
	rp_buf_free(&out);
}

/* Read the input of doc, within its size limit (a larger one is not
 * read to its end). */
static int
read_input(const struct run *r, rp_doc *doc, char **data, size_t *len)
{
	const char	*path = rp_doc_name(doc);
	size_t		 max = rp_doc_limits(doc)->size;

	if (cli_read_input(path, max, data, len) == 0)
		return 0;
	break_progress(r);
	if (errno == EFBIG)
		cli_say(path, RP_ERROR, NULL,
		    "more than %zu bytes (limit size; "
		    "--limit size=N raises it)", max);
	else
		cli_say(path, RP_ERROR, NULL,
		    "cannot read: %s", strerror(errno));
	return -1;
}

/* A new document for input i, its bytes in *data and their format in
 * *fmt; NULL once the error is said. */
static rp_doc *
open_input(struct run *r, int i, char **data, size_t *len, rp_format *fmt)
{
	const char	*path = r->inputs[i];
	rp_doc		*doc;

	show_progress(r, i);
	if ((doc = rp_doc_new(path)) == NULL) {
		r->status = EXIT_OUTPUT;
		return NULL;
	}
	rp_doc_set_limits(doc, &r->limits);
	if (read_input(r, doc, data, len) != 0) {
		rp_doc_free(doc);
		r->status = EXIT_INPUT;
		return NULL;
	}
	/* The name's extension is a hint; the bytes decide. */
	*fmt = r->from != RP_FORMAT_UNKNOWN ? r->from :
	    rp_format_detect_hint(*data, *len, rp_format_of_path(path));
	return doc;
}

/* Read text into doc: doc, or NULL (doc freed) once the error is said. */
static rp_doc *
parse(struct run *r, rp_doc *doc, const char *text, size_t len,
    rp_format fmt)
{
	if (rp_read(doc, text, len, fmt) == 0)
		return doc;
	break_progress(r);
	cli_print_diags(doc, RP_ERROR);
	r->status = EXIT_INPUT;
	rp_doc_free(doc);
	return NULL;
}

/* Read input i into a new document; NULL once the error is said. */
static rp_doc *
load(struct run *r, int i)
{
	rp_format	 fmt;
	rp_doc		*doc;
	char		*data;
	size_t		 len;

	if ((doc = open_input(r, i, &data, &len, &fmt)) == NULL)
		return NULL;
	/* The reader keeps its own copy: this one goes before the writers
	 * need memory. */
	doc = parse(r, doc, data, len, fmt);
	free(data);
	return doc;
}

/* The reader's messages on a document that was read. */
static void
report(const struct run *r, const rp_doc *doc)
{
	if (rp_doc_worst(doc) >= RP_WARNING && !r->quiet)
		break_progress(r);
	cli_print_diags(doc, r->quiet ? RP_ERROR : r->verbose ? RP_INFO :
	    RP_WARNING);
}

/* Piece k of n of input i, text[0..len) beginning on its line `line`:
 * read, converted and written as NAME-K. */
static void
convert_piece(struct run *r, int i, rp_doc *doc, const char *text,
    size_t len, rp_format fmt, size_t k, size_t n, int line)
{
	char *name = r->names[i];

	rp_doc_set_first_line(doc, line);
	if ((doc = parse(r, doc, text, len, fmt)) == NULL)
		return;
	if (asprintf(&r->names[i], "%s-%0*zu", name,
	    snprintf(NULL, 0, "%zu", n), k + 1) < 0) {
		r->names[i] = name;
		r->status = EXIT_OUTPUT;
	} else {
		write_doc(r, doc, i);
		free(r->names[i]);
		r->names[i] = name;
	}
	report(r, doc);
	rp_doc_free(doc);
}

/* --split: input i as the resolutions it holds (rp_split_text), each its
 * own document and outputs; a text of one resolution as without it. */
static void
convert_split(struct run *r, int i)
{
	char		*data;
	size_t		 len, n = 1, k, *at = NULL, end;
	rp_format	 fmt;
	rp_doc		*doc;
	int		 line = 1;

	if ((doc = open_input(r, i, &data, &len, &fmt)) == NULL)
		return;
	if (fmt == RP_FORMAT_TEXT && (n = rp_split_text(data, len, &at)) == 0)
		n = 1;		/* out of memory: read whole */
	if (n == 1 && (doc = parse(r, doc, data, len, fmt)) != NULL) {
		write_doc(r, doc, i);
		report(r, doc);
		rp_doc_free(doc);
	}
	for (k = 0; n > 1 && k < n; k++) {
		end = k + 1 < n ? at[k + 1] : len;
		if (k > 0 && (doc = rp_doc_new(r->inputs[i])) == NULL) {
			r->status = EXIT_OUTPUT;
			break;
		}
		rp_doc_set_limits(doc, &r->limits);
		convert_piece(r, i, doc, data + at[k], end - at[k], fmt, k, n,
		    line);
		for (; at[k] < end; at[k]++)
			line += data[at[k]] == '\n';
	}
	free(at);
	free(data);
}

/* Read, convert and write input i. */
static void
convert(struct run *r, int i)
{
	rp_doc	*doc;

	if (r->split) {
		convert_split(r, i);
		return;
	}
	if ((doc = load(r, i)) == NULL)
		return;
	write_doc(r, doc, i);
	report(r, doc);
	rp_doc_free(doc);
}

/* The side-by-side page of the versions read, where --parallel says. */
static void
write_parallel(struct run *r, struct version_in *v, size_t n)
{
	const char	*target = r->output;
	char		*dest = NULL;
	rp_buf		 out;

	rp_buf_init(&out);
	if (r->outdir != NULL && (target = dest = cli_join(r->outdir,
	    r->parallel_page, NULL)) == NULL)
		r->status = EXIT_OUTPUT;
	else if (parallel_page(r->html, v, n, r->parallel_page != NULL ?
	    r->parallel_page : "", r->quiet, &out) != 0)
		r->status = EXIT_INPUT;
	else
		put_output(r, target, &out);
	free(dest);
	rp_buf_free(&out);
}

static int
by_rank(const void *a, const void *b)
{
	return version_rank(((const struct page_version *)a)->lang) -
	    version_rank(((const struct page_version *)b)->lang);
}

/* --parallel: each version's language and page, for the pages' switch. */
static int
plan_versions(struct run *r, struct version_in *v, size_t n)
{
	size_t i;

	if (r->outdir == NULL)
		return 0;
	if (asprintf(&r->parallel_page, "%s-parallel.html", r->names[0]) < 0 ||
	    (r->versions = calloc(n, sizeof(*r->versions))) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		const rp_meta *m = rp_doc_root(v[i].doc)->meta;

		r->versions[i].page = v[i].page;
		r->versions[i].lang = m != NULL && m->language != NULL ?
		    m->language : "und";
	}
	r->nversions = r->html != NULL && writes(r, RP_FORMAT_HTML) ? n : 0;
	qsort(r->versions, n, sizeof(*r->versions), by_rank);
	return 0;
}

/*
 * --parallel: every input read first (they are one resolution), written
 * as usual under -d, their pages linking each other, then the page with
 * all of them.
 */
static void
convert_parallel(struct run *r)
{
	struct version_in	*v = calloc((size_t)r->ninputs, sizeof(*v));
	char			**pages = NULL;
	int			*arg = calloc((size_t)r->ninputs, sizeof(*arg));
	size_t			 n = 0, i;

	if (v == NULL || arg == NULL || (pages =
	    calloc((size_t)r->ninputs, sizeof(*pages))) == NULL) {
		r->status = EXIT_OUTPUT;
		goto done;
	}
	for (i = 0; i < (size_t)r->ninputs; i++) {
		if ((v[n].doc = load(r, (int)i)) == NULL)
			continue;
		arg[n] = (int)i;
		if (r->outdir != NULL && asprintf(&pages[n], "%s.html",
		    r->names[i]) < 0)
			pages[n] = NULL;
		v[n].name = r->inputs[i];
		v[n].page = pages[n];
		n++;
	}
	if (plan_versions(r, v, n) != 0)
		r->status = EXIT_OUTPUT;
	for (i = 0; i < n && r->outdir != NULL; i++)
		write_doc(r, v[i].doc, arg[i]);
	for (i = 0; i < n; i++)
		report(r, v[i].doc);
	if (n > 0)
		write_parallel(r, v, n);
done:
	while (n-- > 0) {
		rp_doc_free(v[n].doc);
		free(pages[n]);
	}
	free(v);
	free(pages);
	free(arg);
}

/* jobs_task: input i, in a worker (or here, when no worker runs); its
 * status apart from the run's. */
static int
run_task(void *ctx, int i)
{
	struct run	*r = ctx;
	int		 saved = r->status, st;

	r->status = 0;
	convert(r, i);
	st = r->status;
	r->status = saved;
	return st;
}

/* jobs_done: input i's messages and status, in input order. */
static void
task_done(void *ctx, int i, const struct jobs_result *res)
{
	struct run	*r = ctx;
	int		 status = res->status;

	r->progress = r->shown_progress;
	show_progress(r, i);
	if (res->len > 0) {
		break_progress(r);
		fwrite(res->msg, 1, res->len, stderr);
	}
	if (status < 0 || status == JOBS_LATE) {
		break_progress(r);
		cli_stopped(r->inputs[i], status, r->timeout);
		status = EXIT_INPUT;
	}
	if (status != 0)
		r->status = status;
	r->progress = 0;
}

/* Every input: in worker processes when there are several of both, or
 * with --timeout (a worker is stopped at the limit). */
static void
convert_all(struct run *r)
{
	int i, jobs = r->jobs > 0 ? r->jobs : jobs_cores();

	if ((jobs > 1 && r->ninputs > 1) || r->timeout > 0) {
		/* The parent shows progress; workers only convert. */
		r->shown_progress = r->progress;
		r->progress = 0;
		jobs_set_limit(r->timeout);
		jobs_run(jobs, r->ninputs, run_task, task_done, r);
		r->progress = r->shown_progress;
		return;
	}
	for (i = 0; i < r->ninputs; i++)
		convert(r, i);
}

static void
free_run(struct run *r)
{
	size_t	k;
	int	i;

	for (k = 0; k < r->nto; k++)
		rp_writer_free(r->writers[k]);
	rp_html_free(r->html);
	free(r->ctxpath);
	free(r->versions);
	free(r->parallel_page);
	for (i = 0; r->names != NULL && i < r->ninputs; i++)
		free(r->names[i]);
	free(r->names);
	free(r->vars);
}

/* Everything before the first input is read; -1 to go on. */
/* --strings: the labels tables as the one document the HTML stylesheet
 * reads them from, for a run outside respub (xsltproc --stringparam
 * strings FILE). */
static int
write_strings(const struct run *r)
{
	const char	*out = r->output != NULL ? r->output : "-";
	rp_labels	*l = rp_labels_new(r->opt.data_dir);
	xmlDocPtr	 d = xmlNewDoc((const xmlChar *)"1.0");
	int		 rc = 0;

	if (l == NULL || d == NULL || rp_labels_strings(l, d, NULL) == NULL ||
	    xmlSaveFormatFileEnc(out, d, "UTF-8", 1) < 0) {
		cli_say(out, RP_ERROR, NULL, "cannot write the strings");
		rc = EXIT_OUTPUT;
	}
	xmlFreeDoc(d);
	rp_labels_free(l);
	return rc;
}

static int
prepare(struct run *r, int argc, char *argv[])
{
	static char	*std_in[] = { "-", NULL };
	int		 rc;

	if ((r->vars = calloc((size_t)argc + 1, sizeof(*r->vars))) == NULL)
		return EXIT_OUTPUT;
	r->opt.vars = r->vars;
	r->progress = -1;
	if ((rc = parse_options(r, argc, argv)) >= 0)
		return rc;
	r->inputs = optind < argc ? argv + optind : std_in;
	r->ninputs = optind < argc ? argc - optind : 1;
	if (r->opt.data_dir == NULL)
		r->opt.data_dir = cli_data_dir();
	rp_set_data_dir(r->opt.data_dir);
	cli_check_labels(r->opt.data_dir);
	if (r->strings)
		return write_strings(r);
	if ((rc = parse_formats(r)) != 0 || (rc = check_usage(r)) != 0)
		return rc;
	if (r->outdir != NULL && cli_mkdirs(r->outdir) != 0) {
		cli_say(r->outdir, RP_ERROR, NULL,
		    "cannot make the directory: %s",
		    strerror(errno));
		return EXIT_OUTPUT;
	}
	if (r->outdir != NULL && (rc = plan_names(r)) != 0)
		return rc;
	pick_shard(r);
	if (r->progress < 0)
		r->progress = r->ninputs > 1 && isatty(STDERR_FILENO) &&
		    !r->quiet;
	if ((rc = open_writers(r)) != 0 || (rc = open_html(r)) != 0)
		return rc;
	check_vars(r);
	return -1;
}

int
main(int argc, char *argv[])
{
	struct run	r;
	int		rc;

	if (argc > 0 && argv[0] != NULL && strrchr(argv[0], '/') == NULL)
		progname = argv[0];
	cli_catch_signals();
	/* "respub site ...": a whole static website (site.c). */
	if (argc > 1 && strcmp(argv[1], "site") == 0)
		return site_main(argc - 1, argv + 1);
	memset(&r, 0, sizeof(r));
	if ((rc = prepare(&r, argc, argv)) < 0) {
		if (r.parallel)
			convert_parallel(&r);
		else
			convert_all(&r);
		if (r.progress && isatty(STDERR_FILENO))
			fputc('\n', stderr);
		rc = r.status;
	}
	free_run(&r);
	return rc;
}
