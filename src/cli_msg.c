/* cli_msg.c -- every message of the command in one form,
 * "respub: FILE:LINE:COL: LEVEL: text [code]", and -W to silence one
 * kind of warning or note by its code. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"

/* Every code a message can carry; respub(1), DIAGNOSTICS, says what
 * each means.  Keep both in step (tests/t_cli.sh checks). */
static const char *const codes[] = {
	/* the readers */
	"encoding", "limit", "memory", "format", "xml", "not-akn",
	"empty", "unstructured", "missing-date", "unsafe-link",
	"front-matter", "furniture", "item-number", "by-position",
	"paragraph-number", "unused-footnote",
	"akn-element", "akn-entity", "akn-noteref", "akn-loose-text",
	"akn-document-ref", "akn-doctype", "akn-attachment", "akn-namespace",
	"md-html-comment", "md-block", "md-depth", "md-footnote",
	/* the writers */
	"noteref", "not-written", "stylesheet", "pdf-glyph", "pdf",
	"internal",
	/* the command and the site */
	"unknown-var", "name-taken", "parallel-missing", "summary",
	"duplicate", "reserved-name", "missing-year", "removed", "search",
	"timeout", "label-key",
	NULL
};
static unsigned char silenced[sizeof(codes) / sizeof(*codes)];

static int
code_index(const char *code, size_t len)
{
	int i;

	for (i = 0; codes[i] != NULL; i++)
		if (strlen(codes[i]) == len &&
		    strncmp(codes[i], code, len) == 0)
			return i;
	return -1;
}

int
cli_warning_option(const char *arg)
{
	int off = strncmp(arg, "no-", 3) == 0, i;

	if ((i = code_index(arg + 3 * off, strlen(arg + 3 * off))) < 0) {
		cli_say(NULL, RP_ERROR, NULL, "-W %s: not a message code "
		    "(see respub(1), DIAGNOSTICS)", arg);
		return -1;
	}
	silenced[i] = (unsigned char)off;
	return 0;
}

int
cli_parse_timeout(const char *arg)
{
	int s = atoi(arg);

	if (s > 0 && strspn(arg, "0123456789") == strlen(arg))
		return s;
	cli_say(NULL, RP_ERROR, NULL, "--timeout wants a number of seconds: "
	    "%s", arg);
	return -1;
}

/* Errors are never silenced: they change the exit status. */
static int
is_silenced(rp_level level, const char *code)
{
	int i;

	if (level >= RP_ERROR || code == NULL)
		return 0;
	return (i = code_index(code, strlen(code))) >= 0 && silenced[i];
}

static void
vsay(const char *where, rp_level level, const char *code, size_t times,
    const char *fmt, va_list ap)
{
	static const char *const names[] = { "note", "warning", "error" };

	if (is_silenced(level, code))
		return;
	fputs("respub: ", stderr);
	if (where != NULL)
		fprintf(stderr, "%s: ", where);
	fprintf(stderr, "%s: ", names[level]);
	vfprintf(stderr, fmt, ap);
	if (times > 1)
		fprintf(stderr, " (%zu times)", times);
	if (code != NULL)
		fprintf(stderr, " [%s]", code);
	fputc('\n', stderr);
}

void
cli_say(const char *where, rp_level level, const char *code,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(where, level, code, 1, fmt, ap);
	va_end(ap);
}

void
cli_stopped(const char *where, int status, int seconds)
{
	if (status == JOBS_LATE)
		cli_say(where, RP_ERROR, "timeout", "stopped after %d s "
		    "(--timeout)", seconds);
	else
		cli_say(where, RP_ERROR, NULL, "its process stopped "
		    "(signal %d)", -status);
}

static void
say_times(const char *where, rp_level level, const char *code,
    size_t times, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(where, level, code, times, fmt, ap);
	va_end(ap);
}

struct same {
	const rp_diag	*d;
	size_t		 i;
};

static int
cmp_text(const rp_diag *x, const rp_diag *y)
{
	int c = (int)x->level - (int)y->level;

	return c != 0 ? c : strcmp(x->msg, y->msg);
}

/* By level and text, then in order of report. */
static int
by_text(const void *a, const void *b)
{
	const struct same *x = a, *y = b;
	int c = cmp_text(x->d, y->d);

	return c != 0 ? c : x->i < y->i ? -1 : x->i > y->i;
}

/* How many times each diagnostic's text comes (n[i] for the first of
 * a kind, 0 for the others), or NULL without memory (all printed). */
static size_t *
repeats(const rp_doc *doc, rp_level min, size_t *count)
{
	const rp_diag	*d;
	struct same	*all;
	size_t		*n, k = 0, i, j;

	*count = 0;
	for (d = rp_doc_diags(doc); d != NULL; d = d->next)
		*count += d->level >= min;
	all = calloc(*count + 1, sizeof(*all));
	n = calloc(*count + 1, sizeof(*n));
	if (all == NULL || n == NULL) {
		free(all);
		free(n);
		return NULL;
	}
	for (d = rp_doc_diags(doc); d != NULL; d = d->next)
		if (d->level >= min)
			all[k].d = d, all[k].i = k, k++;
	qsort(all, k, sizeof(*all), by_text);
	for (i = 0; i < k; i = j) {
		for (j = i + 1; j < k && cmp_text(all[j].d, all[i].d) == 0;
		    j++)
			;
		n[all[i].i] = j - i;
	}
	free(all);
	return n;
}

/* Print a document's diagnostics at or above the given level; one text
 * said many times (an element not understood in every row of a table)
 * once, where it first comes, with how many times. */
void
cli_print_diags(const rp_doc *doc, rp_level min)
{
	const rp_diag	*d;
	char		 where[PATH_MAX + 32];
	size_t		 count, k = 0, *n = repeats(doc, min, &count);

	for (d = rp_doc_diags(doc); d != NULL; d = d->next) {
		if (d->level < min)
			continue;
		if (n != NULL && n[k++] == 0)
			continue;
		if (d->line > 0)
			snprintf(where, sizeof(where), "%s:%d:%d",
			    rp_doc_name(doc), d->line, d->col);
		else
			snprintf(where, sizeof(where), "%s", rp_doc_name(doc));
		say_times(where, d->level, d->code, n != NULL ? n[k - 1] : 1,
		    "%s", d->msg);
	}
	free(n);
}
