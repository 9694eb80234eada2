/* site_cache.c -- what a run of "respub site" leaves for the next:
 * catalog.tsv, one line per input (its path, size and time, and what it
 * says of itself, before its language versions fill it in), the plan
 * (how many resolutions each body lists; per resolution kept, its name,
 * index page, neighbours and what it says once its versions filled it
 * in: site_quick.c renders a page from these without planning the site)
 * and one line per file the run made (with the hash of what it was made
 * from).  A rebuild reads it, not catalog.xml (which is for readers), in
 * one piece, and parses a line only when it needs it.  A file cut short
 * (no "end" line) is not used.
 *
 *	respub-site-state 2 BUILD
 *	I SRC SIZE MTIME SYMBOL LANG NUMBER DATE TITLE SUBJECT FROM ACTOR
 *	  YEAR SESSION CITES...			(tab-separated, escaped)
 *	S RESOLUTIONS FILES BODY-COUNTS...
 *	P ARG STEM YEARPAGE LEAD PREV NEXT NV VERSIONS... NC CITERS...
 *	  NCITES (NH HOLDERS...)... SYMBOL ...	(entries by input position,
 *						 -1: none)
 *	F DEPS NAME
 *	end
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "site_int.h"

#define STATE_HEAD	"respub-site-state 2\t"

static void	files_present(struct site *);

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

/* A tab and v in decimal, by hand: a plan's line has dozens of
 * numbers, an archive's plan millions, and printf was a tenth of a
 * rebuild's time. */
static void
put_int(rp_buf *b, long long v)
{
	char			 d[24], *p = d + sizeof(d);
	unsigned long long	 u = v < 0 ? 0 - (unsigned long long)v :
				    (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) > 0);
	if (v < 0)
		*--p = '-';
	*--p = '\t';
	rp_buf_put(b, p, (size_t)(d + sizeof(d) - p));
}

/* The next character of a field at *s (before end), unescaped; -1 for
 * the mark of an empty string, which is none. */
static int
field_char(const char **s, const char *end)
{
	int c = (unsigned char)*(*s)++;

	if (c != '\\' || *s == end)
		return c;
	switch (c = (unsigned char)*(*s)++) {
	case 't': return '\t';
	case 'n': return '\n';
	case 'r': return '\r';
	case 'e': return -1;
	default: return c;
	}
}

/* The field at *p (up to a tab or end), unescaped into *dst (NULL when
 * empty); *p moves past it.  -1: out of memory. */
int
state_field(const char **p, const char *end, char **dst)
{
	const char	*s = *p;
	char		*o = NULL;
	int		 c;

	*dst = NULL;
	while (*p < end && **p != '\t')
		(*p)++;
	if (*p > s && (*dst = o = malloc((size_t)(*p - s) + 1)) == NULL)
		return -1;
	while (s < *p)
		if ((c = field_char(&s, *p)) >= 0)
			*o++ = (char)c;
	if (*dst != NULL)
		*o = '\0';
	if (*p < end)
		(*p)++;
	return 0;
}

/* Whether the field at *p is str (as state_field reads it, with no
 * copy); *p moves past it. */
static int
field_is(const char **p, const char *end, const char *str)
{
	const char	*s = *p;
	int		 c, same = 1;

	while (*p < end && **p != '\t')
		(*p)++;
	while (s < *p && same)
		if ((c = field_char(&s, *p)) >= 0)
			same = *str != '\0' && c == (unsigned char)*str++;
	same = same && *str == '\0';
	if (*p < end)
		(*p)++;
	return same;
}

long long
state_int(const char **p, const char *end)
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

	if (state_field(&p, end, &e->symbol) || state_field(&p, end, &e->lang) ||
	    state_field(&p, end, &e->number) || state_field(&p, end, &e->date) ||
	    state_field(&p, end, &e->title) || state_field(&p, end, &e->subject) ||
	    state_field(&p, end, &from) != 0)
		return -1;
	e->subject_from = from == NULL ? NULL : strcmp(from, "agenda") == 0 ?
	    "agenda" : "text";
	free(from);
	if (state_field(&p, end, &actor) != 0)
		return -1;
	for (b = 0; b < RP_BODY__MAX && actor != NULL; b++)
		if (strcmp(actor, rp_body_actor((rp_body)b)) == 0)
			e->body = b;
	free(actor);
	e->year = (int)state_int(&p, end);
	e->session = (int)state_int(&p, end);
	while (p < end) {
		if (state_field(&p, end, &c) != 0)
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

/* An "I" line, where it lies: parsed when needed (cache_index). */
static int
old_input(struct cache *c, const char *line, const char *end)
{
	if (grow((void **)&c->in, sizeof(*c->in), &c->incap, c->nin) != 0)
		return -1;
	memset(&c->in[c->nin], 0, sizeof(*c->in));
	c->in[c->nin].line = line;
	c->in[c->nin++].linelen = (size_t)(end - line);
	return 0;
}

/* Whether input k of the previous run is path; *size and *mtime are
 * then what it recorded of it. */
int
old_input_is(const struct cache *c, size_t k, const char *path,
    long long *size, long long *mtime)
{
	const char	*p = c->in[k].line + 2;
	const char	*end = c->in[k].line + c->in[k].linelen;

	if (!field_is(&p, end, path))
		return 0;
	*size = state_int(&p, end);
	*mtime = state_int(&p, end);
	return 1;
}

/* Input k's record (what it said of itself), where it lies. */
void
old_record(const struct cache *c, size_t k, const char **rec, size_t *len)
{
	const char	*p = c->in[k].line + 2;
	const char	*end = c->in[k].line + c->in[k].linelen;

	while (p < end && *p != '\t')		/* its path */
		p++;
	p += p < end;
	state_int(&p, end);
	state_int(&p, end);
	*rec = p - 1;
	*len = (size_t)(end - *rec);
}

/* Input k's path, size, time and record (what it says of itself). */
static int
parse_input(struct old_input *in)
{
	const char *p = in->line + 2, *end = in->line + in->linelen;

	if (state_field(&p, end, &in->src) != 0)
		return -1;
	in->size = state_int(&p, end);
	in->mtime = state_int(&p, end);
	in->rec = p - 1;	/* from the tab before the symbol */
	in->reclen = (size_t)(end - in->rec);
	return 0;
}

/* Every input of the previous run parsed and mapped by path, for a run
 * that plans the site again.  -1: out of memory. */
int
cache_index(struct cache *c)
{
	size_t k;

	if (c->indexed)
		return 0;
	c->indexed = 1;
	if (smap_reserve(&c->bysrc, c->nin) != 0)
		return -1;
	for (k = 0; k < c->nin; k++)
		if (parse_input(&c->in[k]) != 0 || (c->in[k].src != NULL &&
		    smap_put(&c->bysrc, c->in[k].src, k) != 0))
			return -1;
	return 0;
}

/* The "S" line: resolutions and bodies' counts of the plan. */
static void
old_summary(struct cache *c, const char *line, const char *end)
{
	const char	*p = line + 2;
	int		 b;

	c->sline = line;
	c->plan_end = end + 1;
	c->nres = (size_t)state_int(&p, end);
	c->nmade = (size_t)state_int(&p, end);
	for (b = 0; b < RP_BODY__MAX; b++)
		c->bodies[b] = (int)state_int(&p, end);
	c->planned = 1;
}

/* A "P" line, by the position of its input (which comes first). */
static void
old_plan(struct cache *c, const char *line, const char *end)
{
	const char	*p = line + 2;
	long long	 arg = state_int(&p, end);

	if (arg >= 0 && (size_t)arg < c->nin)
		c->plans[arg] = line;
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
	f = &c->f[c->nfiles++];
	*end = '\0';		/* the name ends the line */
	f->name = line + 19;
	f->deps = strtoull(line + 2, NULL, 16);
	f->here = c->dir_same;
	f->made = 0;
	return 0;
}

/* The line at *p (of type t), *p then past it; NULL: another type. */
static char *
next_line(struct cache *c, char **p, char t, char **nl)
{
	char *line = *p;

	if (line[0] != t || line[1] != '\t' ||
	    (*nl = memchr(line, '\n', (size_t)(c->data + c->len - line))) == NULL)
		return NULL;
	*p = *nl + 1;
	return line;
}

/* Whether input k's "P" line gives it the name and index page e has
 * in this run (0: it has none). */
int
plan_same_place(const struct cache *c, size_t k, const struct entry *e)
{
	const char	*p, *end = c->data + c->len;

	if (c->plans == NULL || k >= c->nin || (p = c->plans[k]) == NULL ||
	    e->stem == NULL || e->yearpage == NULL)
		return 0;
	p += 2;
	state_int(&p, end);
	return field_is(&p, end, e->stem) && field_is(&p, end, e->yearpage);
}

static void
each_of_list(const char **p, const char *end, void (*fn)(void *, long long),
    void *ctx)
{
	long long n = state_int(p, end);

	while (n-- > 0 && *p < end)
		fn(ctx, state_int(p, end));
}

/* Each entry input k's "P" line names (its lead, neighbours, versions,
 * who cites it, who holds what it cites; with versions_only, its
 * versions), by input position, to fn. */
void
plan_each_link(const struct cache *c, size_t k, int versions_only,
    void (*fn)(void *, long long), void *ctx)
{
	const char	*p, *end;
	long long	 n;
	int		 i;

	if (c->plans == NULL || k >= c->nin || (p = c->plans[k]) == NULL)
		return;
	end = p + strcspn(p, "\n");
	p += 2;
	state_int(&p, end);
	for (i = 0; i < 2; i++) {		/* its name, index page */
		p += strcspn(p, "\t\n");
		p += p < end;
	}
	for (i = 0; i < 3; i++) {		/* lead, prev, next */
		n = state_int(&p, end);
		if (!versions_only)
			fn(ctx, n);
	}
	each_of_list(&p, end, fn, ctx);		/* versions */
	if (versions_only)
		return;
	each_of_list(&p, end, fn, ctx);		/* citers */
	for (n = state_int(&p, end); n > 0 && p < end; n--)
		each_of_list(&p, end, fn, ctx);	/* holders */
}

/* The "P" lines, by input, read when first needed. */
int
cache_plans(struct cache *c)
{
	char *p = c->rest, *line, *nl;

	if (c->plans != NULL || c->rest == NULL)
		return 0;
	if ((c->plans = calloc(c->nin + 1, sizeof(*c->plans))) == NULL)
		return -1;
	while ((line = next_line(c, &p, 'P', &nl)) != NULL)
		old_plan(c, line, nl);
	c->plan_end = c->files_at = p;
	return 0;
}

/* The "F" lines, read when first needed; with map, mapped by name and
 * whether each is still there looked at (one pass over the directory,
 * not a stat per file, unless the directory has not changed since the
 * previous run: cache_sync).  -1: out of memory. */
int
cache_files(struct site *st, int map)
{
	struct cache	*c = &st->old;
	char		*p, *line, *nl;
	size_t		 k;

	if (c->rest == NULL || cache_plans(c) != 0)
		return c->rest == NULL ? 0 : -1;
	for (p = c->files_at; (line = next_line(c, &p, 'F', &nl)) != NULL; )
		if (old_file(c, line, nl) != 0)
			return -1;
	c->files_at = p;
	if (!map || c->files.cap > 0)
		return 0;
	if (smap_reserve(&c->files, c->nfiles) != 0)
		return -1;
	for (k = 0; k < c->nfiles; k++)
		if (smap_put(&c->files, c->f[k].name, k) != 0)
			return -1;
	if (!c->dir_same)
		files_present(st);
	return 0;
}

/* The lines of the state file as far as the plan ("S"): the rest is
 * read when needed.  1 when it is not whole (no "end" line last). */
static int
read_lines(struct site *st, uint64_t *build)
{
	struct cache	*c = &st->old;
	char		*p = c->data, *line, *nl;

	if (c->len < sizeof(STATE_HEAD) + 5 || memcmp(p, STATE_HEAD,
	    sizeof(STATE_HEAD) - 1) != 0 ||
	    memcmp(c->data + c->len - 5, "\nend\n", 5) != 0 ||
	    (p = memchr(p, '\n', c->len)) == NULL)
		return 1;
	*build = strtoull(c->data + sizeof(STATE_HEAD) - 1, NULL, 16);
	for (p++; (line = next_line(c, &p, 'I', &nl)) != NULL; )
		if (old_input(c, line, nl) != 0)
			return -1;
	if ((line = next_line(c, &p, 'S', &nl)) != NULL)
		old_summary(c, line, nl);
	c->rest = c->files_at = p;
	return 0;
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

static long long
ns(struct timespec t)
{
	return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* Whether the directory has had no name added, removed or renamed since
 * catalog.tsv took its time (cache_sync): then every file the previous
 * run made is still there.  catalog.tsv's change time is when it took
 * it: any later change of the directory is later still (a coarse clock
 * may give one tick to both only when they are not apart). */
static int
dir_unchanged(const char *dir, const struct stat *state)
{
	struct stat sb;

	return stat(dir, &sb) == 0 && ns(sb.st_mtim) == ns(state->st_mtim) &&
	    ns(state->st_ctim) > ns(state->st_mtim);
}

/* The file, mapped (an archive's state is tens of megabytes: read in
 * place, parsed only where needed). */
static int
read_state(struct site *st, struct cache *c)
{
	struct stat	 sb;
	int		 fd;
	void		*m;

	if ((fd = open(st->statepath, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	m = fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0 ?
	    MAP_FAILED : mmap(NULL, (size_t)sb.st_size, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_POPULATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return -1;
	c->data = m;
	c->len = (size_t)sb.st_size;
	c->dir_same = dir_unchanged(st->outdir, &sb);
	return 0;
}

/* After a run whose files are all there: catalog.tsv takes the
 * directory's time, so that the next run knows them there without
 * looking (dir_unchanged). */
void
cache_sync(struct site *st)
{
	struct stat	 d, s;
	struct timespec	 t[2];

	if (st->status != 0 || stat(st->outdir, &d) != 0 ||
	    stat(st->statepath, &s) != 0 || dir_unchanged(st->outdir, &s))
		return;
	t[0].tv_nsec = UTIME_OMIT;
	t[1] = d.st_mtim;
	utimensat(AT_FDCWD, st->statepath, t, 0);
}

/* The previous run's state (none when there is none, or it is not
 * whole): its inputs where they lie, the rest when needed.  -1: out of
 * memory. */
int
cache_load(struct site *st)
{
	struct cache	*c = &st->old;
	uint64_t	 build = 0;
	int		 rc;

	if (read_state(st, c) != 0) {
		c->data = NULL;
		return 0;
	}
	if ((rc = read_lines(st, &build)) != 0) {
		cache_free(c);
		return rc < 0 ? -1 : 0;
	}
	c->same_build = build == st->build;
	return 0;
}

void
cache_free(struct cache *c)
{
	size_t i;

	for (i = 0; i < c->nin; i++)
		free(c->in[i].src);
	free(c->in);
	free(c->plans);
	free(c->f);
	smap_free(&c->bysrc);
	smap_free(&c->files);
	if (c->data != NULL)
		munmap(c->data, c->len);
	memset(c, 0, sizeof(*c));
}

/* The previous run's file name, by the map when there is one; -1:
 * none. */
long
cache_file(const struct cache *c, const char *name)
{
	size_t k;

	if (c->files.cap > 0)
		return smap_get(&c->files, name, &k) ? (long)k : -1;
	for (k = 0; k < c->nfiles; k++)
		if (strcmp(c->f[k].name, name) == 0)
			return (long)k;
	return -1;
}

/* ----------------------------------------------------------- files */

/* Whether name is on disk as made from deps in the previous run. */
int
cache_fresh(struct site *st, const char *name, uint64_t deps)
{
	long k = cache_file(&st->old, name);

	return k >= 0 && st->old.f[k].deps == deps && st->old.f[k].here;
}

void
cache_record(struct site *st, const char *name, uint64_t deps)
{
	size_t k;

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
	if (smap_get(&st->old.files, name, &k))	/* not to be pruned */
		st->old.f[k].made = 1;
	return;
oom:
	st->status = 3;
}

/* Files of the previous run that this run did not make (inputs no
 * longer given, years no longer listed) are removed: the site holds what
 * its inputs make, nothing else.  What this run made is marked by
 * cache_record (a name the previous run listed twice by its map's
 * slot). */
void
cache_prune(struct site *st)
{
	const struct cache	*c = &st->old;
	size_t			 i, k;
	char			*path;

	for (i = 0; i < c->nfiles; i++) {
		if (c->f[i].made || (smap_get(&c->files, c->f[i].name, &k) &&
		    c->f[k].made) ||
		    strcmp(c->f[i].name, "catalog.xml") == 0 ||
		    strcmp(c->f[i].name, "catalog.tsv") == 0 ||
		    (path = cli_join(st->outdir, c->f[i].name, NULL)) == NULL)
			continue;
		if (unlink(path) == 0 && !st->quiet)
			cli_say(path, RP_INFO, "removed", "removed (no input "
			    "makes it now)");
		else if (errno != ENOENT && !st->quiet)
			cli_say(path, RP_ERROR, NULL, "%s", strerror(errno));
		free(path);
	}
}

/* ---------------------------------------------------------- writing */

/* A file's line: its deps in 16 hex digits, its name. */
static void
put_file_line(FILE *f, uint64_t deps, const char *name)
{
	static const char	 hex[] = "0123456789abcdef";
	char			 line[19];
	int			 k;

	line[0] = 'F';
	line[1] = line[18] = '\t';
	for (k = 17; k >= 2; k--, deps >>= 4)
		line[k] = hex[deps & 15];
	fwrite(line, 1, sizeof(line), f);
	fputs(name, f);
	putc('\n', f);
}

/* The files: this run's records, or (nothing but inputs' contents
 * changed: site.c) the previous run's, their deps brought up to date. */
static void
put_files(FILE *f, const struct site *st, int from_old)
{
	size_t i, n = from_old ? st->old.nfiles : st->nnew;

	for (i = 0; i < n; i++)
		put_file_line(f, from_old ? st->old.f[i].deps : st->newdeps[i],
		    from_old ? st->old.f[i].name : st->newnames[i]);
}

/* The count and input positions of a list of entries. */
static void
put_args(rp_buf *b, const struct elist *l)
{
	size_t i, n = l != NULL ? l->n : 0;

	put_int(b, (long long)n);
	for (i = 0; i < n; i++)
		put_int(b, (long long)l->v[i]->arg);
}

static long long
arg_of(const struct entry *e)
{
	return e != NULL ? (long long)e->arg : -1;
}

static const struct elist *
list_of(const struct site *st, const struct elist *lists, const char *sym)
{
	size_t k;

	return sym != NULL && smap_get(&st->bysym, sym, &k) ? &lists[k] : NULL;
}

/* An entry's "P" line: what its page shows of the rest of the site. */
static void
plan_line(const struct site *st, const struct entry *e, rp_buf *b)
{
	size_t k;

	rp_buf_putc(b, 'P');
	put_int(b, (long long)e->arg);
	put_field(b, e->stem);
	put_field(b, e->yearpage);
	put_int(b, arg_of(e->lead));
	put_int(b, arg_of(e->prev));
	put_int(b, arg_of(e->next));
	put_args(b, e->versions);
	put_args(b, list_of(st, st->citers, e->symbol));
	put_int(b, (long long)e->ncites);
	for (k = 0; k < e->ncites; k++)
		put_args(b, list_of(st, st->holders, e->cites[k]));
	entry_record(e, b);
	rp_buf_putc(b, '\n');
}

/* The plan: the previous run's lines, or this run's. */
static void
put_plan(FILE *f, const struct site *st, int from_old)
{
	const struct cache	*c = &st->old;
	rp_buf			 b;
	size_t			 i;
	int			 k;

	if (from_old) {		/* the "S" line and the "P" lines */
		if (c->sline != NULL && c->plan_end > c->sline)
			fwrite(c->sline, 1, (size_t)(c->plan_end - c->sline), f);
		return;
	}
	fprintf(f, "S\t%zu\t%zu", st->n, st->nnew);
	for (k = 0; k < RP_BODY__MAX; k++)
		fprintf(f, "\t%d", st->bodies[k]);
	putc('\n', f);
	rp_buf_init(&b);
	for (i = 0; i < st->n; i++) {
		const struct entry *e = &st->e[i];

		if (st->inputs_stay && !e->touched && e->was > 0 &&
		    c->plans[e->was - 1] != NULL) {	/* as it was */
			const char *line = c->plans[e->was - 1];

			fwrite(line, 1, strcspn(line, "\n") + 1, f);
			continue;
		}
		rp_buf_reset(&b);
		plan_line(st, e, &b);
		fwrite(b.data, 1, b.len, f);
	}
	rp_buf_free(&b);
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
	put_plan(f, st, from_old);
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
