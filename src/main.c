/* main.c -- the respub command: read resolutions, write them in one or
 * more formats.  Everything but option handling and file I/O lives in
 * the library. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "respub.h"
#include "cli.h"
#include "site.h"

#define EXIT_INPUT	1	/* an input could not be read or converted */
#define EXIT_USAGE	2	/* bad command line */
#define EXIT_OUTPUT	3	/* an output could not be written */

static const char *progname = "respub";

static void
usage(FILE *f)
{
	fprintf(f,
"usage: %s [options] [FILE...]\n"
"Convert United Nations resolutions from plain text to Akoma Ntoso XML,\n"
"HTML, Markdown and PDF.  With no FILE, or when FILE is -, read stdin.\n"
"\n"
"  -f, --from FORMAT       input format: text, md, akn (default: detect)\n"
"  -t, --to FORMATS        output formats, comma-separated: akn, html, md,\n"
"                          pdf, tree (default: akn)\n"
"  -o, --output FILE       write to FILE (one input, one format)\n"
"  -d, --output-dir DIR    write DIR/NAME.EXT for every input and format\n"
"      --data-dir DIR      where templates/ and stylesheets/ are\n"
"      --template FILE     use FILE as the page template\n"
"      --stylesheet FILE   use FILE instead of akn2html.xsl\n"
"  -V, --variable KEY=VAL  set a template or stylesheet parameter\n"
"  -q, --quiet             print errors only\n"
"  -v, --verbose           also print notes on how the text was read\n"
"      --progress          report progress on stderr (default on a terminal\n"
"                          for more than one input)\n"
"  -h, --help              print this help and exit\n"
"      --version           print the version and exit\n"
"\n"
"Exit status: 0 success, 1 an input could not be converted, 2 usage error,\n"
"3 an output could not be written.  See respub(1).\n", progname);
}

enum { OPT_DATA_DIR = 256, OPT_TEMPLATE, OPT_STYLESHEET, OPT_VERSION,
	OPT_PROGRESS };

static const struct option longopts[] = {
	{ "from", required_argument, NULL, 'f' },
	{ "to", required_argument, NULL, 't' },
	{ "output", required_argument, NULL, 'o' },
	{ "output-dir", required_argument, NULL, 'd' },
	{ "data-dir", required_argument, NULL, OPT_DATA_DIR },
	{ "template", required_argument, NULL, OPT_TEMPLATE },
	{ "stylesheet", required_argument, NULL, OPT_STYLESHEET },
	{ "variable", required_argument, NULL, 'V' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "progress", no_argument, NULL, OPT_PROGRESS },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ NULL, 0, NULL, 0 },
};

/* Print a document's diagnostics at or above the given level. */
static void
print_diags(const rp_doc *doc, rp_level min)
{
	static const char *const names[] = { "note", "warning", "error" };
	const rp_diag *d;

	for (d = rp_doc_diags(doc); d != NULL; d = d->next) {
		if (d->level < min)
			continue;
		if (d->line > 0)
			fprintf(stderr, "%s: %s:%d:%d: %s: %s\n", progname,
			    rp_doc_name(doc), d->line, d->col,
			    names[d->level], d->msg);
		else
			fprintf(stderr, "%s: %s: %s: %s\n", progname,
			    rp_doc_name(doc), names[d->level], d->msg);
	}
}

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

int
main(int argc, char *argv[])
{
	rp_options	 opt;
	rp_format	 from = RP_FORMAT_UNKNOWN, to[RP_FORMAT__MAX];
	rp_writer	*writers[RP_FORMAT__MAX];
	const char	*output = NULL, *outdir = NULL, *err;
	const char	**vars;
	size_t		 nvars = 0, nto = 0, i, k;
	int		 c, quiet = 0, verbose = 0, progress = -1, status = 0;
	int		 ninputs;
	char		*tolist = NULL, *tok, *save;

	if (argc > 0 && argv[0] != NULL && strrchr(argv[0], '/') == NULL)
		progname = argv[0];
	/* "respub site ...": a whole static website (site.c). */
	if (argc > 1 && strcmp(argv[1], "site") == 0)
		return site_main(argc - 1, argv + 1);
	memset(&opt, 0, sizeof(opt));
	if ((vars = calloc((size_t)argc + 1, sizeof(*vars))) == NULL)
		return EXIT_OUTPUT;
	while ((c = getopt_long(argc, argv, "f:t:o:d:V:qvh", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if ((from = rp_format_parse(optarg)) == RP_FORMAT_UNKNOWN
			    || (from != RP_FORMAT_TEXT && from != RP_FORMAT_MD
			    && from != RP_FORMAT_AKN)) {
				fprintf(stderr, "%s: unknown input format: %s\n",
				    progname, optarg);
				return EXIT_USAGE;
			}
			break;
		case 't':
			tolist = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'd':
			outdir = optarg;
			break;
		case 'V':
			if (strchr(optarg, '=') == NULL) {
				fprintf(stderr, "%s: -V wants KEY=VALUE: %s\n",
				    progname, optarg);
				return EXIT_USAGE;
			}
			vars[nvars++] = optarg;
			break;
		case 'q':
			quiet = 1;
			break;
		case 'v':
			verbose = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case OPT_DATA_DIR:
			opt.data_dir = optarg;
			break;
		case OPT_TEMPLATE:
			opt.template_path = optarg;
			break;
		case OPT_STYLESHEET:
			opt.stylesheet_path = optarg;
			break;
		case OPT_PROGRESS:
			progress = 1;
			break;
		case OPT_VERSION:
			printf("respub %s\n", RP_VERSION);
			return 0;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	opt.vars = vars;
	if (opt.data_dir == NULL)
		opt.data_dir = cli_data_dir();
	rp_set_data_dir(opt.data_dir);

	/* Output formats. */
	if (tolist == NULL)
		to[nto++] = RP_FORMAT_AKN;
	else {
		for (tok = strtok_r(tolist, ",", &save); tok != NULL;
		    tok = strtok_r(NULL, ",", &save)) {
			rp_format f = rp_format_parse(tok);

			if (f == RP_FORMAT_UNKNOWN || f == RP_FORMAT_TEXT) {
				fprintf(stderr, "%s: unknown output format: "
				    "%s\n", progname, tok);
				return EXIT_USAGE;
			}
			for (k = 0; k < nto && to[k] != f; k++)
				continue;
			if (k == nto)
				to[nto++] = f;
		}
		if (nto == 0) {
			fprintf(stderr, "%s: -t wants a format\n", progname);
			return EXIT_USAGE;
		}
	}
	ninputs = argc > 0 ? argc : 1;
	if (output != NULL && outdir != NULL) {
		fprintf(stderr, "%s: -o and -d cannot be used together\n",
		    progname);
		return EXIT_USAGE;
	}
	if (outdir == NULL && (nto > 1 || ninputs > 1)) {
		fprintf(stderr, "%s: several %s need -d DIR\n", progname,
		    nto > 1 ? "output formats" : "inputs");
		return EXIT_USAGE;
	}
	if (outdir == NULL && output == NULL && to[0] == RP_FORMAT_PDF &&
	    isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s: not writing PDF to a terminal; use -o "
		    "FILE\n", progname);
		return EXIT_USAGE;
	}
	if (outdir != NULL && cli_mkdirs(outdir) != 0) {
		fprintf(stderr, "%s: %s: %s\n", progname, outdir,
		    strerror(errno));
		return EXIT_OUTPUT;
	}
	if (progress < 0)
		progress = ninputs > 1 && isatty(STDERR_FILENO) && !quiet;

	for (k = 0; k < nto; k++) {
		if ((writers[k] = rp_writer_new(to[k], &opt, &err)) == NULL) {
			fprintf(stderr, "%s: cannot write %s: %s\n", progname,
			    rp_format_name(to[k]), err);
			return EXIT_OUTPUT;
		}
	}

	for (i = 0; i < (size_t)ninputs; i++) {
		const char	*path = argc > 0 ? argv[i] : "-";
		rp_doc		*doc;
		char		*data, *name;
		size_t		 len;
		rp_buf		 out;

		if (progress)
			fprintf(stderr, "\r[%zu/%d] %s\033[K", i + 1, ninputs,
			    path);
		if (cli_read_file(path, &data, &len) != 0) {
			fprintf(stderr, "%s%s: %s: %s\n", progress ? "\n" : "",
			    progname, path, strerror(errno));
			status = EXIT_INPUT;
			continue;
		}
		if ((doc = rp_doc_new(path)) == NULL) {
			free(data);
			return EXIT_OUTPUT;
		}
		/* The name's extension is a hint; the bytes decide. */
		if (rp_read(doc, data, len, from != RP_FORMAT_UNKNOWN ? from :
		    rp_format_detect_hint(data, len, rp_format_of_path(path)))
		    != 0) {
			if (progress)
				fputc('\n', stderr);
			print_diags(doc, RP_ERROR);
			rp_doc_free(doc);
			free(data);
			status = EXIT_INPUT;
			continue;
		}
		name = stem(path);
		rp_buf_init(&out);
		for (k = 0; k < nto; k++) {
			char *dest = NULL;

			rp_buf_reset(&out);
			if (rp_writer_render(writers[k], doc, &out) != 0) {
				status = EXIT_INPUT;
				continue;
			}
			if (outdir != NULL)
				dest = cli_join(outdir, name,
				    rp_format_ext(to[k]));
			if (cli_write_output(output ? output : dest,
			    out.data, out.len) != 0) {
				fprintf(stderr, "%s: %s: %s\n", progname,
				    output ? output : dest ? dest : "stdout",
				    strerror(errno));
				status = EXIT_OUTPUT;
			}
			free(dest);
		}
		if (progress && rp_doc_worst(doc) >= RP_WARNING && !quiet)
			fputc('\n', stderr);
		print_diags(doc, quiet ? RP_ERROR : verbose ? RP_INFO :
		    RP_WARNING);
		rp_buf_free(&out);
		free(name);
		rp_doc_free(doc);
		free(data);
	}
	if (progress)
		fputc('\n', stderr);
	for (k = 0; k < nto; k++)
		rp_writer_free(writers[k]);
	free(vars);
	return status;
}
