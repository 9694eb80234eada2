/* site_cache.c -- what a run of "respub site" leaves for the next:
 * catalog.tsv, one line per input (its path, size and time, and what it
 * says of itself, before its language versions fill it in) and one per
 * file the run made (with the hash of what it was made from).  A
 * rebuild reads it, not catalog.xml (which is for readers): a line per
 * record, no XML to parse, so an archive's state loads in a fraction of
 * what its pages cost.  A file cut short (no "end" line) is not used.
 *
 *	respub-site-state 1 BUILD
 *	I SRC SIZE MTIME SYMBOL LANG NUMBER DATE TITLE SUBJECT FROM ACTOR
 *	  YEAR SESSION CITES...			(tab-separated, escaped)
 *	F DEPS NAME
 *	end
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "site_int.h"

#define STATE_HEAD	"respub-site-state 1\t"

/* ------------------------------------------------------ fields */

/* Tab, newline, carriage return and backslash escaped; a missing
 * value is an empty field, an empty string "\e". */
static void
put_field(rp_buf *b, const char *s)
{
	rp_buf_putc(b, '\t');
	if (s != NULL && *s == '\0')
		rp_buf_puts(b, "\\e");
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '\t': rp_buf_puts(b, "\\t"); break;
		case '\n': rp_buf_puts(b, "\\n"); break;
		case '\r': rp_buf_puts(b, "\\r"); break;
		case '\\': rp_buf_puts(b, "\\\\"); break;
		default: rp_buf_putc(b, *s);
		}
}

static void
put_int(rp_buf *b, long long v)
{
	rp_buf_printf(b, "\t%lld", v);
}

/* The field at *p (up to a tab or end), unescaped into *dst (NULL when
 * empty); *p moves past it.  -1: out of memory. */
static int
get_field(const char **p, const char *end, char **dst)
{
	const char	*s = *p;
	char		*o = NULL;

	*dst = NULL;
	while (*p < end && **p != '\t')
		(*p)++;
	if (*p > s && (*dst = o = malloc((size_t)(*p - s) + 1)) == NULL)
		return -1;
	for (; s < *p; s++) {
		if (*s != '\\' || s + 1 == *p) {
			*o++ = *s;
			continue;
		}
		switch (*++s) {
		case 't': *o++ = '\t'; break;
		case 'n': *o++ = '\n'; break;
		case 'r': *o++ = '\r'; break;
		case 'e': break;
		default: *o++ = *s;
		}
	}
	if (*dst != NULL)
		*o = '\0';
	if (*p < end)
		(*p)++;
	return 0;
}

static long long
get_int(const char **p, const char *end)
{
	long long	 v = 0;
	int		 neg = *p < end && **p == '-';

	for (*p += neg; *p < end && **p >= '0' && **p <= '9'; (*p)++)
		v = v * 10 + (**p - '0');
	if (*p < end)
		(*p)++;
	return neg ? -v : v;
}

/* What an input says of itself: the part of its line after its path,
 * size and time.  Also how a worker hands an entry back (site_jobs.c). */
int
entry_record(const struct entry *e, rp_buf *out)
{
	size_t k;

	put_field(out, e->symbol);
	put_field(out, e->lang);
	put_field(out, e->number);
	put_field(out, e->date);
	put_field(out, e->title);
	put_field(out, e->subject);
	put_field(out, e->subject_from);
	put_field(out, rp_body_actor((rp_body)e->body));
	put_int(out, e->year);
	put_int(out, e->session);
	for (k = 0; k < e->ncites; k++)
		put_field(out, e->cites[k]);
	return 0;
}

/* The entry of entry_record's bytes (which begin with a tab). */
int
entry_parse(struct entry *e, const char *data, size_t len)
{
	const char	*p = data + (len > 0 && *data == '\t'), *end = data + len;
	char		*from, *actor, *c, **v;
	int		 b;

	if (get_field(&p, end, &e->symbol) || get_field(&p, end, &e->lang) ||
	    get_field(&p, end, &e->number) || get_field(&p, end, &e->date) ||
	    get_field(&p, end, &e->title) || get_field(&p, end, &e->subject) ||
	    get_field(&p, end, &from) != 0)
		return -1;
	e->subject_from = from == NULL ? NULL : strcmp(from, "agenda") == 0 ?
	    "agenda" : "text";
	free(from);
	if (get_field(&p, end, &actor) != 0)
		return -1;
	for (b = 0; b < RP_BODY__MAX && actor != NULL; b++)
		if (strcmp(actor, rp_body_actor((rp_body)b)) == 0)
			e->body = b;
	free(actor);
	e->year = (int)get_int(&p, end);
	e->session = (int)get_int(&p, end);
	while (p < end) {
		if (get_field(&p, end, &c) != 0)
			return -1;
		if (c == NULL)
			continue;
		if ((v = realloc(e->cites, (e->ncites + 1) * sizeof(*v))) == NULL) {
			free(c);
			return -1;
		}
		e->cites = v;
		e->cites[e->ncites++] = c;
	}
	return 0;
}

/* An input's whole line, without its newline (malloc'd). */
char *
input_line(const struct entry *e)
{
	rp_buf	 b;
	char	*line;

	rp_buf_init(&b);
	rp_buf_putc(&b, 'I');
	put_field(&b, e->src);
	put_int(&b, e->size);
	put_int(&b, e->mtime);
	entry_record(e, &b);
	line = xstrdup(b.data);
	rp_buf_free(&b);
	return line;
}

/* ------------------------------------------------------- loading */

static int
grow(void **v, size_t size, size_t *cap, size_t n)
{
	void *nv;

	if (n < *cap)
		return 0;
	*cap = *cap ? *cap * 2 : 256;
	if ((nv = realloc(*v, *cap * size)) == NULL)
		return -1;
	*v = nv;
	return 0;
}

/* An "I" line: the input it records, by path. */
static int
old_input(struct cache *c, const char *line, const char *end)
{
	struct old_input	*in;
	const char		*p = line + 2;
	char			*src;

	if (grow((void **)&c->in, sizeof(*c->in), &c->incap, c->nin) != 0 ||
	    get_field(&p, end, &src) != 0)
		return -1;
	in = &c->in[c->nin];
	in->src = src;
	in->line = line;
	in->linelen = (size_t)(end - line);
	in->size = get_int(&p, end);
	in->mtime = get_int(&p, end);
	in->rec = p - 1;	/* from the tab before the symbol */
	in->reclen = (size_t)(end - in->rec);
	in->taken = 0;
	if (src == NULL)
		return 0;
	c->nin++;
	return smap_put(&c->bysrc, src, c->nin - 1);
}

/* An "F" line: a file of the previous run and what it was made from. */
static int
old_file(struct cache *c, char *line, char *end)
{
	struct old_file *f;

	if (end - line < 20 || line[18] != '\t')
		return 0;
	if (grow((void **)&c->f, sizeof(*c->f), &c->fcap, c->nfiles) != 0)
		return -1;
	f = &c->f[c->nfiles];
	*end = '\0';		/* the name ends the line */
	f->name = line + 19;
	f->deps = strtoull(line + 2, NULL, 16);
	f->here = 0;
	return smap_put(&c->files, f->name, c->nfiles++);
}

/* The lines of the state file; 1 when it is not whole. */
static int
read_lines(struct site *st, uint64_t *build)
{
	struct cache	*c = &st->old;
	char		*p = c->data, *end = c->data + c->len, *nl;
	int		 whole = 0;

	size_t		 n = 0;

	if (c->len < sizeof(STATE_HEAD) || memcmp(p, STATE_HEAD,
	    sizeof(STATE_HEAD) - 1) != 0)
		return 1;
	for (nl = p; (nl = memchr(nl, '\n', (size_t)(end - nl))) != NULL; nl++)
		n++;
	if (smap_reserve(&c->files, n) != 0 || smap_reserve(&c->bysrc, n) != 0)
		return -1;
	*build = strtoull(p + sizeof(STATE_HEAD) - 1, NULL, 16);
	for (; p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL;
	    p = nl + 1) {
		if (whole)
			return 1;	/* after "end" */
		if (nl - p == 3 && memcmp(p, "end", 3) == 0)
			whole = 1;
		else if (p[0] == 'I' && p[1] == '\t') {
			if (old_input(c, p, nl) != 0)
				return -1;
		} else if (p[0] == 'F' && p[1] == '\t' &&
		    old_file(c, p, nl) != 0)
			return -1;
	}
	return whole && p == end ? 0 : 1;
}

/* Which of the previous run's files are still there: one pass over the
 * directory, not a stat per file. */
static void
files_present(struct site *st)
{
	struct cache	*c = &st->old;
	DIR		*d;
	struct dirent	*de;
	struct stat	 sb;
	size_t		 k;

	if ((d = opendir(st->outdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (!smap_get(&c->files, de->d_name, &k))
			continue;
		if (de->d_type == DT_REG)
			c->f[k].here = 1;
		else if (de->d_type == DT_UNKNOWN || de->d_type == DT_LNK)
			c->f[k].here = fstatat(dirfd(d), de->d_name, &sb, 0) == 0 &&
			    S_ISREG(sb.st_mode);	/* as the file it names */
	}
	closedir(d);
}

/* The previous run's state (none when there is none, or it is not
 * whole): inputs by path, files by name.  -1: out of memory. */
int
cache_load(struct site *st)
{
	struct cache	*c = &st->old;
	uint64_t	 build = 0;
	int		 rc;

	if (cli_read_file(st->statepath, &c->data, &c->len) != 0) {
		c->data = NULL;
		return 0;
	}
	if ((rc = read_lines(st, &build)) != 0) {
		cache_free(c);
		return rc < 0 ? -1 : 0;
	}
	c->same_build = build == st->build;
	files_present(st);
	return 0;
}

void
cache_free(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->nin; i++)
		free(c->in[i].src);
	free(c->in);
	free(c->f);
	smap_free(&c->bysrc);
	smap_free(&c->files);
	free(c->data);
	memset(c, 0, sizeof(*c));
}

/* ----------------------------------------------------------- files */

/* Whether name is on disk as made from deps in the previous run. */
int
cache_fresh(struct site *st, const char *name, uint64_t deps)
{
	size_t k;

	return smap_get(&st->old.files, name, &k) &&
	    st->old.f[k].deps == deps && st->old.f[k].here;
}

void
cache_record(struct site *st, const char *name, uint64_t deps)
{
	if (st->nnew == st->newcap) {
		size_t		 cap = st->newcap ? st->newcap * 2 : 256;
		char		**nn = realloc(st->newnames, cap * sizeof(*nn));
		uint64_t	 *nd;

		if (nn == NULL)
			goto oom;
		st->newnames = nn;
		if ((nd = realloc(st->newdeps, cap * sizeof(*nd))) == NULL)
			goto oom;
		st->newdeps = nd;
		st->newcap = cap;
	}
	if ((st->newnames[st->nnew] = xstrdup(name)) == NULL)
		goto oom;
	st->newdeps[st->nnew++] = deps;
	return;
oom:
	st->status = 3;
}

/* Files of the previous run that this run did not make (inputs no
 * longer given, years no longer listed) are removed: the site holds what
 * its inputs make, nothing else. */
void
cache_prune(struct site *st)
{
	struct smap	 now;
	size_t		 i, k;

	memset(&now, 0, sizeof(now));
	if (smap_reserve(&now, st->nnew + 2) != 0)
		return;
	for (i = 0; i < st->nnew; i++)
		if (smap_put(&now, st->newnames[i], i) != 0) {
			smap_free(&now);
			return;
		}
	smap_put(&now, "catalog.xml", 0);
	smap_put(&now, "catalog.tsv", 0);
	for (i = 0; i < st->old.nfiles; i++) {
		char *path;

		if (smap_get(&now, st->old.f[i].name, &k) ||
		    (path = cli_join(st->outdir, st->old.f[i].name, NULL)) == NULL)
			continue;
		if (unlink(path) == 0 && !st->quiet)
			cli_say(path, RP_INFO, "removed", "removed (no input "
			    "makes it now)");
		else if (errno != ENOENT && !st->quiet)
			cli_say(path, RP_ERROR, NULL, "%s", strerror(errno));
		free(path);
	}
	smap_free(&now);
}

/* ---------------------------------------------------------- writing */

/* The files: this run's records, or (nothing but inputs' contents
 * changed: site.c) the previous run's, their deps brought up to date. */
static void
put_files(FILE *f, const struct site *st, int from_old)
{
	size_t i, n = from_old ? st->old.nfiles : st->nnew;

	for (i = 0; i < n; i++)
		fprintf(f, "F\t%016llx\t%s\n", (unsigned long long)(from_old ?
		    st->old.f[i].deps : st->newdeps[i]), from_old ?
		    st->old.f[i].name : st->newnames[i]);
}

static int
put_lines(FILE *f, const struct site *st, int from_old)
{
	size_t i;

	fprintf(f, "%s%016llx\n", STATE_HEAD, (unsigned long long)st->build);
	for (i = 0; i < st->nlines; i++)
		if (st->lines[i] != NULL) {
			fwrite(st->lines[i], 1, strcspn(st->lines[i], "\n"), f);
			putc('\n', f);
		}
	put_files(f, st, from_old);
	fputs("end\n", f);
	return fflush(f) == 0 && !ferror(f) ? 0 : -1;
}

/* catalog.tsv: the inputs' lines, then the files. */
void
cache_write(struct site *st, int from_old)
{
	FILE	*f = NULL;
	int	 fd, ok = 0, rc;

	if ((fd = cli_stream_begin(st->statepath)) >= 0 &&
	    (f = fdopen(dup(fd), "w")) != NULL) {
		ok = put_lines(f, st, from_old) == 0;
		ok &= fclose(f) == 0;
	}
	if (fd >= 0 && (rc = cli_stream_end(st->statepath, fd, ok)) >= 0) {
		if (rc == 0)
			st->written++;
		return;
	}
	cli_say(st->statepath, RP_ERROR, NULL, "%s", strerror(errno));
	st->status = 3;
}
