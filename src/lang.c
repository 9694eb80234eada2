/* lang.c -- the tables of lang/<code>.conf: loading them once, and
 * matching their phrases and patterns against case-folded text. */
#include <dirent.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "respub.h"
#include "arena.h"
#include "lang.h"
#include "memo.h"
#include "utf8.h"

#ifndef RP_DATADIR
#define RP_DATADIR "/usr/local/share/respub"
#endif

/* The tables built into the library: the lang/NAME.conf files at build time. */
struct rp_builtin_file {
	const char	*name;		/* "en" */
	const char	*text;
};
extern const struct rp_builtin_file rp_lang_builtin[];

#define MAX_LANGS	32
#define MAX_SETTINGS	16

struct entry {
	const char	*text;		/* folded */
	const char	*prog;		/* a pattern's text, placeholders as
					   PH_MARK and their index */
	size_t		 len;
	int		 kind, lang, value;
	int		 again;		/* the same text as the entry before */
	unsigned char	 first[32];	/* the folded bytes it may open at */
};

/* The phrases of each kind as a trie over their folded bytes, so that a
 * text is matched in one pass: a node's children are edges[first ..
 * first + nchild), sorted by byte. */
#define NO_NODE	UINT32_MAX

struct tnode {
	uint32_t	 first, nchild;
	uint32_t	 dense;		/* its block of T.dense, or NO_NODE */
	const struct entry *entry;	/* the phrase that ends here */
};

struct tedge {
	unsigned char	 c;
	uint32_t	 node;
};

struct language {
	char		*name;
	const char	*key[MAX_SETTINGS], *val[MAX_SETTINGS];
	int		 nsettings;
	const char	*month[13];	/* the first name of each month, as
					   given: the one the writers print */
};

static struct {
	struct entry	*e;
	size_t		 n, cap;
	size_t		 lo[RP_LK__MAX], hi[RP_LK__MAX];
	size_t		 maxlen[RP_LK__MAX];
	unsigned char	 first[RP_LK__MAX][32];	/* first bytes of phrases */
	unsigned char	 last[RP_LK__MAX][32];	/* last bytes of phrases */
	int		 numeric[RP_LK__MAX];	/* every pattern opens with a
						   number */
	int		 counted[RP_LK__MAX];	/* every pattern reads a
						   number somewhere */
	int		 any[RP_LK__MAX];	/* a pattern may open with
						   any byte ({text}) */
	unsigned char	 ascii[128];		/* ASCII folded */
	unsigned char	 word_byte[256];	/* an ASCII letter or digit
						   folded, else 0 */
	int		 fold8;			/* ascii only lowers A-Z
						   from ' ' to '~' */
	uint32_t	 by_first[RP_LK__MAX][257];	/* the first entry
						   of kind whose text opens
						   with a byte >= b */
	struct tnode	*node;
	uint32_t	*dense;		/* blocks of 256 children by byte, for
					   nodes of many children (roots) */
	struct tedge	*edge;
	size_t		 nnode, nedge;
	uint32_t	 root[RP_LK__MAX];
	struct language	 lang[MAX_LANGS];
	int		 nlang;
} T;

static const char	*data_dir;
static pthread_once_t	 once = PTHREAD_ONCE_INIT;

static const char *const section_names[RP_LK__MAX] = {
	"language", "detect", "bodies", "articles", "other bodies",
	"body words", "small",
	"openers", "verbs", "adverbs", "tails", "opener endings",
	"verb endings", "not verbs", "not verb endings", "connectors",
	"months", "dates", "day suffixes", "ordinal suffixes", "ordinals", "number words", "meetings",
	"adopted", "votes", "annex", "organization",
	"distribution", "session", "agenda", "doctype", "heading",
	"vote labels", "letter", "conjunctions",
	"function words", "paragraph numbers", "item numbers",
	"note markers", "titles", "resolution words", "old citations",
	"note openings", "furniture", "divisions", "wrap-up openings",
	"section labels", "appendix", "notes heading"
};

/* ------------------------------------------------------------ folding */

/* Letters and digits of any script but Han: what words are made of. */
static int
is_word_cp(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
		    (cp >= '0' && cp <= '9');
	if (rp_is_cjk(cp) || rp_is_space(cp))
		return 0;
	return !(cp == 0x60C || cp == 0x61B || cp == 0x61F ||
	    (cp >= 0x2000 && cp <= 0x206F) || cp == 0xAB || cp == 0xBB ||
	    cp == 0xA0);
}

/* The folded form of cp: lower case, full-width forms and Arabic-Indic
 * digits as ASCII, typographic apostrophes as "'", any space as " ";
 * kashida and Arabic vowel marks dropped (returns 0). */
static size_t
fold_cp(uint32_t cp, char *out)
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)
		cp -= 0xFEE0;
	if (cp >= 'A' && cp <= 'Z')
		cp += 32;
	else if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
		cp += 32;
	else if (cp >= 0x100 && cp <= 0x17F && !(cp & 1))
		cp += 1;
	else if (cp >= 0x410 && cp <= 0x42F)
		cp += 32;
	else if (cp == 0x401 || cp == 0x451)
		cp = 0x435;		/* ё as е, as UN Russian prints it */
	else if (cp >= 0x400 && cp <= 0x40F)
		cp += 80;
	else if (cp == 0x2019 || cp == 0x2018 || cp == 0x2BC)
		cp = '\'';
	else if (cp >= 0x660 && rp_digit_value(cp) >= 0)
		cp = '0' + (uint32_t)rp_digit_value(cp);
	else if (cp == 0x640 || (cp >= 0x64B && cp <= 0x652))
		return 0;
	else if (cp == 0x622 || cp == 0x623 || cp == 0x625)
		cp = 0x627;		/* alef with or without hamza */
	else if (cp != ' ' && rp_is_space(cp))
		cp = ' ';
	return rp_utf8_encode(cp, out);
}

/* One character at s, ASCII without a call; its folded form into out. */
static size_t
decode(const char *s, size_t n, uint32_t *cp)
{
	if (n > 0 && (unsigned char)*s < 0x80) {
		*cp = (unsigned char)*s;
		return 1;
	}
	return rp_utf8_decode(s, n, cp);
}

static size_t
fold_one(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)T.ascii[cp];
		return 1;
	}
	return fold_cp(cp, out);
}

/* Folded text with, for each folded byte, the offset of its source.
 * Most text is ASCII, a byte for a byte: below the first other
 * character (same) a folded offset is its source's too, and map is
 * written only from there (read through src_at). */
struct folded {
	char	*s;
	size_t	*map;
	size_t	 n, same;
	int	 all;		/* the whole source is folded */
	char	 sbuf[512];
	size_t	 mbuf[513];
};

/* The source offset of folded offset e (up to f->n). */
static size_t
src_at(const struct folded *f, size_t e)
{
	return e < f->same ? e : f->map[e];
}

/* 8 bytes of ASCII folded at once, where T.ascii only lowers A to Z
 * (T.fold8, checked at load): 0 if a byte is not from ' ' to '~', for
 * the loop of one byte at a time.  Folding is most of a match's work. */
static int
fold8(const char *in, char *out)
{
	const uint64_t	 ones = 0x0101010101010101u, high = ones * 0x80;
	uint64_t	 w, upper;

	memcpy(&w, in, 8);
	/* No carry or borrow crosses bytes below the lowest byte that
	 * fails, so the test has no false negative. */
	if (!T.fold8 || ((w | (w - ones * 0x20) | (w + ones)) & high))
		return 0;
	upper = (w + ones * (0x80 - 'A')) & ~(w + ones * (0x7F - 'Z')) & high;
	w |= upper >> 2;
	memcpy(out, &w, 8);
	return 1;
}

/* At most most ASCII bytes of s from i folded onto f: how many. */
static size_t
fold_ascii_run(struct folded *f, const char *s, size_t i, size_t most)
{
	char	*o = f->s + f->n;
	size_t	 k = 0, j;

	while (k < most) {
		if (k + 8 <= most && fold8(s + i + k, o + k)) {
			k += 8;
			continue;
		}
		if ((unsigned char)s[i + k] >= 0x80)
			break;
		o[k] = (char)T.ascii[(unsigned char)s[i + k]];
		k++;
	}
	if (f->same == f->n && i == f->n)
		f->same += k;
	else
		for (j = 0; j < k; j++)
			f->map[f->n + j] = i + j;
	f->n += k;
	return k;
}

/* Room in f for a fold of limit bytes: its own buffers, or new memory
 * for a long one.  Returns the limit that fits. */
static size_t
fold_room(struct folded *f, size_t limit)
{
	size_t cap = sizeof(f->sbuf) - 4;

	f->s = f->sbuf;
	f->map = f->mbuf;
	f->n = f->same = 0;
	f->mbuf[0] = 0;
	if (limit > cap) {
		f->s = malloc(limit + 4);
		f->map = malloc((limit + 5) * sizeof(size_t));
		if (f->s != NULL && f->map != NULL) {
			f->map[0] = 0;
			return limit;
		}
		free(f->s);
		free(f->map);
		f->s = f->sbuf;
		f->map = f->mbuf;
	}
	return limit < cap ? limit : cap;
}

/* Fold more of s, from where f stopped, until limit folded bytes (or
 * the end); f must have room for them. */
static void
fold_more(struct folded *f, const char *s, size_t n, size_t limit)
{
	size_t		 i = src_at(f, f->n), len, k, j;
	uint32_t	 cp;
	char		 out[4];

	while (i < n && f->n < limit) {
		/* Most text: a run of ASCII, a byte for a byte. */
		i += fold_ascii_run(f, s, i, n - i < limit - f->n ? n - i :
		    limit - f->n);
		if (i == n || f->n >= limit || (unsigned char)s[i] < 0x80)
			continue;
		len = rp_utf8_get(s + i, n - i, &cp, 0xFFFD);
		k = fold_cp(cp, out);
		for (j = 0; j < k; j++) {
			f->map[f->n] = i;
			f->s[f->n++] = out[j];
		}
		i += len;
	}
	f->map[f->n] = i;
	f->s[f->n] = '\0';
	f->all = i >= n;
}

/* Fold s until limit folded bytes (or the end). */
static void
fold(struct folded *f, const char *s, size_t n, size_t limit)
{
	fold_more(f, s, n, fold_room(f, limit < n ? limit : n));
}

static void
fold_free(struct folded *f)
{
	if (f->s != f->sbuf) {
		free(f->s);
		free(f->map);
	}
}

/* The longest text whose fold is kept: what fits a struct folded. */
#define FOLD_KEEP	(sizeof(((struct folded *)0)->sbuf) - 4)

/*
 * s folded, at least to limit bytes: the fold kept from the call before
 * when s is the same text and it went as far (a line is matched against
 * table after table), else made and kept when s fits, else into own (for
 * fold_free).  A longer fold serves a shorter limit: matching looks at
 * most a phrase's length ahead, and the limits leave room for one more
 * character after it.
 */
static const struct folded *
fold_kept(const char *s, size_t n, size_t limit, struct folded *own)
{
	static _Thread_local struct {
		struct folded	 f;
		char		 src[FOLD_KEEP];
		size_t		 n, limit;
		int		 valid;
	} kept;

	own->s = own->sbuf;
	own->map = own->mbuf;
	if (limit > n)
		limit = n;
	if (kept.valid && kept.n == n && memcmp(kept.src, s, n) == 0) {
		/* Asked further: go on from where the fold stopped. */
		if (limit > kept.limit) {
			fold_more(&kept.f, s, n, limit);
			kept.limit = limit;
		}
		return &kept.f;
	}
	if (n > FOLD_KEEP) {
		fold(own, s, n, limit);
		return own;
	}
	fold(&kept.f, s, n, limit);
	memcpy(kept.src, s, n);
	kept.n = n;
	kept.limit = limit;
	kept.valid = 1;
	return &kept.f;
}

/* A string folded into new memory. */
static char *
fold_dup(const char *s, size_t n, size_t *outlen)
{
	struct folded	 f;
	char		*r;

	fold(&f, s, n, n);
	if ((r = malloc(f.n + 1)) != NULL) {
		memcpy(r, f.s, f.n + 1);
		*outlen = f.n;
	}
	fold_free(&f);
	return r;
}

/* ------------------------------------------------------------ loading */

static int
cmp_entry(const void *a, const void *b)
{
	const struct entry	*x = a, *y = b;
	size_t			 k = x->len < y->len ? x->len : y->len;
	int			 c;

	if (x->kind != y->kind)
		return x->kind - y->kind;
	if ((c = memcmp(x->text, y->text, k)) != 0)
		return c;
	return x->len < y->len ? -1 : x->len > y->len;
}

static int
symbol_value(const char *v)
{
	static const struct { const char *name; int value; } symbols[] = {
		{ "SC", 1 }, { "GA", 2 }, { "ECOSOC", 3 }, { "HRC", 4 },
		{ "for", RP_LV_FOR }, { "against", RP_LV_AGAINST },
		{ "abstain", RP_LV_ABSTAIN },
	};
	size_t i;

	if (*v >= '0' && *v <= '9')
		return atoi(v);
	for (i = 0; i < sizeof(symbols) / sizeof(symbols[0]); i++)
		if (strcmp(v, symbols[i].name) == 0)
			return symbols[i].value;
	return -1;
}

static void
add_entry(int kind, int lang, int value, const char *s, size_t n)
{
	struct entry	*e;
	char		*t;
	size_t		 len;

	if (T.n == T.cap) {
		/* The capacity grows with the memory, never before it: a
		 * failed realloc must not leave room that is not there. */
		if ((e = realloc(T.e, (T.cap ? 2 * T.cap : 1024) *
		    sizeof(*e))) == NULL)
			rp_out_of_memory();
		T.e = e;
		T.cap = T.cap ? 2 * T.cap : 1024;
	}
	if ((t = fold_dup(s, n, &len)) == NULL)
		rp_out_of_memory();
	if (len == 0) {
		free(t);
		return;
	}
	/* Zeroed: the compiled pattern, first-byte set and flags are filled
	 * in later, some only for some kinds. */
	memset(&T.e[T.n], 0, sizeof(T.e[T.n]));
	T.e[T.n].text = t;
	T.e[T.n].len = len;
	T.e[T.n].kind = kind;
	T.e[T.n].lang = lang;
	T.e[T.n].value = value;
	T.n++;
}

static char *
trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* One table: its lines, in place (text is the process's to keep). */
static void
parse(const char *file, int lang, char *text)
{
	struct language	*l = &T.lang[lang];
	char		*line, *next, *eq, *v;
	int		 kind = -1, lineno = 0, k, value;

	for (line = text; line != NULL && *line; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line = trim(line);
		if (*line == '\0' || *line == '#')
			continue;
		if (*line == '[') {
			kind = -1;
			if ((eq = strchr(line, ']')) != NULL)
				*eq = '\0';
			for (k = 0; k < RP_LK__MAX; k++)
				if (strcmp(line + 1, section_names[k]) == 0)
					kind = k;
			if (kind < 0)
				fprintf(stderr, "respub: %s:%d:1: warning: "
				    "unknown section [%s], skipped\n", file,
				    lineno, line + 1);
			continue;
		}
		if (kind < 0)
			continue;
		v = NULL;
		if ((eq = strstr(line, " = ")) != NULL) {
			*eq = '\0';
			v = trim(eq + 3);
			line = trim(line);
		}
		if (kind == RP_LK_LANGUAGE) {
			if (v != NULL && l->nsettings < MAX_SETTINGS) {
				l->key[l->nsettings] = line;
				l->val[l->nsettings++] = v;
			}
			continue;
		}
		if (v != NULL && symbol_value(v) < 0) {
			fprintf(stderr, "respub: %s:%d:1: warning: "
			    "unknown value '%s', line skipped\n", file,
			    lineno, v);
			continue;
		}
		value = v != NULL ? symbol_value(v) : 0;
		if (kind == RP_LK_MONTH && value >= 1 && value <= 12 &&
		    l->month[value] == NULL)
			l->month[value] = line;
		add_entry(kind, lang, value, line, strlen(line));
	}
}

static int
find_language(const char *name)
{
	int i;

	for (i = 0; i < T.nlang; i++)
		if (strcmp(T.lang[i].name, name) == 0)
			return i;
	return -1;
}

static char *
read_file(const char *path)
{
	FILE	*fp;
	char	*buf = NULL;
	long	 len;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (len = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)len + 1)) != NULL) {
		if (fread(buf, 1, (size_t)len, fp) != (size_t)len) {
			free(buf);
			buf = NULL;
		} else
			buf[len] = '\0';
	}
	fclose(fp);
	return buf;
}

/* Tables of the data directory: each replaces the built-in table of its
 * name, or adds a language. */
static void
load_dir(const char *dir, char **texts, char **paths)
{
	char		 path[4096], name[64];
	DIR		*d;
	struct dirent	*de;
	size_t		 k;
	int		 i;

	snprintf(path, sizeof(path), "%s/lang", dir);
	if ((d = opendir(path)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		k = strlen(de->d_name);
		if (k < 6 || k - 5 >= sizeof(name) ||
		    strcmp(de->d_name + k - 5, ".conf") != 0)
			continue;
		memcpy(name, de->d_name, k - 5);
		name[k - 5] = '\0';
		if ((i = find_language(name)) < 0) {
			if (T.nlang == MAX_LANGS)
				continue;
			i = T.nlang++;
			T.lang[i].name = strdup(name);
		}
		snprintf(path, sizeof(path), "%s/lang/%s", dir, de->d_name);
		if ((texts[i] = read_file(path)) != NULL)
			paths[i] = strdup(path);
	}
	closedir(d);
}

/* Whether a pattern opens with a number: then text that opens with a
 * letter is not looked at. */
static int
starts_numeric(const char *p)
{
	static const char *const numbers[] = { "{day}", "{year}", "{num}",
		"{mnum}", "{for}", "{against}", "{abstain}" };
	size_t i;

	for (i = 0; i < sizeof(numbers) / sizeof(numbers[0]); i++)
		if (strncmp(p, numbers[i], strlen(numbers[i])) == 0)
			return 1;
	return 0;
}

/* Whether a pattern reads a number in digits or Chinese numerals (never
 * in words): no match starts after a text's last number byte. */
static int
reads_number(const char *p)
{
	return strstr(p, "{day}") != NULL || strstr(p, "{year}") != NULL ||
	    strstr(p, "{mnum}") != NULL;
}

/* Whether a pattern opens with a vote, which may be in words. */
static int
opens_vote(const char *p)
{
	return strncmp(p, "{for}", 5) == 0 ||
	    strncmp(p, "{against}", 9) == 0 ||
	    strncmp(p, "{abstain}", 9) == 0;
}

/* Whether a number may start at byte c: a digit, or the first byte of an
 * Arabic-Indic digit, a Chinese numeral or a full-width digit. */
static int
number_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || c == 0xD9 || c == 0xDB ||
	    (c >= 0xE3 && c <= 0xE9) || c == 0xEF;
}

/* The offset past the last byte of s[0..n) that may start a number, 0
 * if none. */
static size_t
past_last_number(const char *s, size_t n)
{
	while (n > 0 && !number_byte((unsigned char)s[n - 1]))
		n--;
	return n;
}

/* The entry of kind whose text is exactly t[0..n), or NULL, by binary
 * search: of equal texts (one per language), the one it lands on. */
static const struct entry *
search_sorted(int kind, const char *t, size_t n)
{
	struct entry	 key;
	size_t		 lo = T.lo[kind], hi = T.hi[kind], mid;
	int		 c;

	key.kind = kind;
	key.text = t;
	key.len = n;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = cmp_entry(&key, &T.e[mid])) == 0)
			return &T.e[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* ASCII folded, from the same rules as the rest, and its word class. */
static void
fold_ascii(void)
{
	char	 out[4];
	int	 c;

	for (c = 0; c < 128; c++) {
		T.ascii[c] = fold_cp((uint32_t)c, out) == 1 ?
		    (unsigned char)out[0] : (unsigned char)c;
		T.word_byte[c] = is_word_cp((uint32_t)c) ? T.ascii[c] : 0;
	}
	T.fold8 = 1;
	for (c = ' '; c <= '~'; c++)
		if (T.ascii[c] != (c >= 'A' && c <= 'Z' ? c + 32 : c))
			T.fold8 = 0;
}

/* The trie of entries [lo, hi), sorted, which share their first d bytes:
 * its node.  Edges are reserved before the children are built, so that
 * each node's edges lie together. */
static uint32_t
build_trie(size_t lo, size_t hi, size_t d)
{
	uint32_t	 id = (uint32_t)T.nnode++, e;
	size_t		 k, g;

	T.node[id].entry = NULL;
	if (lo < hi && T.e[lo].len == d)
		T.node[id].entry = search_sorted(T.e[lo].kind, T.e[lo].text, d);
	while (lo < hi && T.e[lo].len == d)
		lo++;
	T.node[id].first = (uint32_t)T.nedge;
	T.node[id].dense = NO_NODE;
	T.node[id].nchild = 0;
	for (k = lo; k < hi; k = g, T.node[id].nchild++)
		for (g = k; g < hi && T.e[g].text[d] == T.e[k].text[d]; g++)
			continue;
	T.nedge += T.node[id].nchild;
	for (k = lo, e = T.node[id].first; k < hi; k = g, e++) {
		for (g = k; g < hi && T.e[g].text[d] == T.e[k].text[d]; g++)
			continue;
		T.edge[e].c = (unsigned char)T.e[k].text[d];
		T.edge[e].node = build_trie(k, g, d + 1);
	}
	return id;
}

/* A node of many children (a root: a phrase may open with any of
 * dozens of letters) finds a child by its byte in one step, not by a
 * search of its edges: its block of T.dense. */
#define DENSE_MIN	9

static void
index_dense(void)
{
	size_t		 i, k, nblock = 0;
	const struct tedge *e;

	for (i = 0; i < T.nnode; i++)
		nblock += T.node[i].nchild >= DENSE_MIN;
	if ((T.dense = malloc((nblock ? nblock : 1) * 256 *
	    sizeof(*T.dense))) == NULL)
		rp_out_of_memory();
	memset(T.dense, 0xFF, nblock * 256 * sizeof(*T.dense));
	for (i = 0, nblock = 0; i < T.nnode; i++) {
		if (T.node[i].nchild < DENSE_MIN)
			continue;
		T.node[i].dense = (uint32_t)nblock;
		e = T.edge + T.node[i].first;
		for (k = 0; k < T.node[i].nchild; k++)
			T.dense[nblock * 256 + e[k].c] = e[k].node;
		nblock++;
	}
}

/* One trie per kind: at most a node per byte of the table, and a root. */
static void
build_tries(void)
{
	size_t	 i, cap = RP_LK__MAX;
	int	 kind;

	for (i = 0; i < T.n; i++)
		cap += T.e[i].len;
	T.node = malloc(cap * sizeof(*T.node));
	T.edge = malloc(cap * sizeof(*T.edge));
	if (T.node == NULL || T.edge == NULL)
		rp_out_of_memory();
	for (kind = 0; kind < RP_LK__MAX; kind++)
		T.root[kind] = build_trie(T.lo[kind], T.hi[kind], 0);
	index_dense();
}

static void
add_firsts(unsigned char bits[32], int lo, int hi)
{
	for (; lo <= hi; lo++)
		bits[lo >> 3] |= 1u << (lo & 7);
}

static void
add_bits(unsigned char bits[32], const unsigned char more[32])
{
	int i;

	for (i = 0; i < 32; i++)
		bits[i] |= more[i];
}

static void
add_firsts_of(unsigned char bits[32], int kind)
{
	add_bits(bits, T.first[kind]);
}

/* The folded bytes pattern p, opening with a placeholder, may match
 * at, into bits, as the placeholders read them: a month's name; a number
 * (digits, Chinese numerals), for a count also a zero in words, for a
 * vote also any count in words, for an ordinal also one in words, for a
 * meeting also an OCR "I" or "Z".
 * 0 if any byte ({text}, a space). */
static int
placeholder_firsts(const char *p, unsigned char bits[32])
{
	int	ord = strncmp(p, "{ord}", 5) == 0;
	int	meeting = strncmp(p, "{n}", 3) == 0;

	if (strncmp(p, "{month}", 7) == 0) {
		add_firsts_of(bits, RP_LK_MONTH);
		return 1;
	}
	if (!starts_numeric(p) && !ord && !meeting)
		return 0;
	add_firsts(bits, '0', '9');
	add_firsts(bits, 0xE3, 0xE9);
	if (ord || meeting)
		add_firsts_of(bits, RP_LK_ORDINAL);
	if (meeting) {
		add_firsts(bits, 'i', 'i');
		add_firsts(bits, 'l', 'l');
		add_firsts(bits, 'z', 'z');
	} else if (!ord && strncmp(p, "{day}", 5) != 0 &&
	    strncmp(p, "{mnum}", 6) != 0)
		add_firsts_of(bits, RP_LK_NUMBER_WORD);
	return 1;
}

/* The folded bytes entry e may open at, into e->first (and its kind's
 * for a placeholder); any byte for a space or {text}. */
static void
entry_firsts(struct entry *e)
{
	unsigned char c = (unsigned char)e->text[0];

	if (c != '{' && c != ' ')
		add_firsts(e->first, c, c);
	else if (placeholder_firsts(e->text, e->first))
		add_bits(T.first[e->kind], e->first);
	else {
		add_firsts(e->first, 0, 255);
		T.any[e->kind] = 1;
	}
}

/* T.by_first: where the entries of each kind opening with each byte
 * start, so that a pattern is tried only where it may match. */
static void
index_first_bytes(void)
{
	size_t	 k;
	int	 kind, b;

	for (kind = 0; kind < RP_LK__MAX; kind++)
		for (b = 0, k = T.lo[kind]; b <= 256; b++) {
			while (k < T.hi[kind] &&
			    (unsigned char)T.e[k].text[0] < b)
				k++;
			T.by_first[kind][b] = (uint32_t)k;
		}
}

static void compile_patterns(void);

static void
load(void)
{
	char		*texts[MAX_LANGS] = { NULL }, *paths[MAX_LANGS] = { NULL };
	const char	*dir = data_dir;
	size_t		 i, k;
	int		 l, builtin;
	unsigned char	 c;

	fold_ascii();
	for (l = 0; rp_lang_builtin[l].name != NULL && l < MAX_LANGS; l++)
		if ((T.lang[l].name = strdup(rp_lang_builtin[l].name)) == NULL)
			rp_out_of_memory();
	T.nlang = builtin = l;
	if (dir == NULL && (dir = getenv("RESPUB_DATA_DIR")) == NULL)
		dir = RP_DATADIR;
	load_dir(dir, texts, paths);
	/* The texts stay: the tables point into them. */
	for (l = 0; l < T.nlang; l++) {
		if (texts[l] == NULL && l < builtin &&
		    (texts[l] = strdup(rp_lang_builtin[l].text)) == NULL)
			rp_out_of_memory();
		if (texts[l] != NULL)
			parse(paths[l] != NULL ? paths[l] : T.lang[l].name, l,
			    texts[l]);
		free(paths[l]);
	}
	qsort(T.e, T.n, sizeof(*T.e), cmp_entry);
	for (i = 0; i < T.n; i = k) {
		int kind = T.e[i].kind;

		T.lo[kind] = i;
		T.numeric[kind] = T.counted[kind] = 1;
		for (k = i; k < T.n && T.e[k].kind == kind; k++) {
			unsigned char c = (unsigned char)T.e[k].text[0];

			T.numeric[kind] &= starts_numeric(T.e[k].text) &&
			    !opens_vote(T.e[k].text);
			T.counted[kind] &= reads_number(T.e[k].text);
			T.e[k].again = k > i && cmp_entry(&T.e[k - 1],
			    &T.e[k]) == 0;
			T.first[kind][c >> 3] |= 1u << (c & 7);
			if (T.e[k].len > T.maxlen[kind])
				T.maxlen[kind] = T.e[k].len;
		}
		T.hi[kind] = k;
	}
	for (i = 0; i < T.n; i++) {
		entry_firsts(&T.e[i]);
		c = (unsigned char)T.e[i].text[T.e[i].len - 1];
		add_firsts(T.last[T.e[i].kind], c, c);
	}
	index_first_bytes();
	build_tries();
	compile_patterns();
}

static void
init(void)
{
	pthread_once(&once, load);
}

void
rp_set_data_dir(const char *dir)
{
	data_dir = dir;
}

int
rp_lang_count(void)
{
	init();
	return T.nlang;
}

const char *
rp_lang_setting(int lang, const char *key)
{
	int i;

	init();
	if (lang < 0 || lang >= T.nlang)
		return NULL;
	for (i = 0; i < T.lang[lang].nsettings; i++)
		if (strcmp(T.lang[lang].key[i], key) == 0)
			return T.lang[lang].val[i];
	return NULL;
}

const char *
rp_lang_name(int lang)
{
	init();
	return lang >= 0 && lang < T.nlang ? T.lang[lang].name : NULL;
}

const char *
rp_lang_month(const char *name, int month)
{
	int l;

	init();
	if (name == NULL || (l = find_language(name)) < 0 || month < 1 ||
	    month > 12)
		return NULL;
	return T.lang[l].month[month];
}

const char *
rp_lang_code_setting(const char *code, const char *key)
{
	const char	*c;
	int		 l;

	for (l = 0; code != NULL && l < rp_lang_count(); l++)
		if ((c = rp_lang_setting(l, "code")) != NULL &&
		    strcmp(c, code) == 0)
			return rp_lang_setting(l, key);
	return NULL;
}

/* ------------------------------------------------------------- memo */

/* The answers about short texts (memo.h): a line is tried as a date, a
 * meeting, a closing line by one classifier after another, and again
 * when the blocks are built. */
enum memo_op { MEMO_PHRASE, MEMO_IS, MEMO_MATCH, MEMO_FIND };

/* A power of 2: enough for the questions about the lines of a page
 * or two, as the passes over the lines come back to them. */
#define MEMO_SLOTS	2048

struct memo {
	rp_memo_key	 key;
	size_t		 r, at;
	int		 value;
	rp_lang_hit	 hit;
};

/* The slot of the question (op, kind, s[0..n)): *known when it holds
 * the answer, else the caller fills it after rp_memo_set; NULL when the
 * text is too long to keep. */
static struct memo *
memo_slot(int op, int kind, const char *s, size_t n, int *known)
{
	static _Thread_local struct memo slots[MEMO_SLOTS];
	size_t		 i = rp_memo_index(op, kind, s, n, MEMO_SLOTS);

	*known = 0;
	if (i == (size_t)-1)
		return NULL;
	*known = rp_memo_holds(&slots[i].key, op, kind, s, n);
	return &slots[i];
}

/* ------------------------------------------------------------ phrases */

/* The child of trie node t by byte c, or NULL: by its block of T.dense,
 * else along its few edges (sorted), else by binary search. */
static const struct tnode *
child(const struct tnode *t, unsigned char c)
{
	const struct tedge	*e = T.edge + t->first;
	size_t			 lo = 0, hi = t->nchild, mid;
	uint32_t		 id;

	if (t->dense != NO_NODE) {
		id = T.dense[(size_t)t->dense * 256 + c];
		return id == NO_NODE ? NULL : &T.node[id];
	}
	if (hi <= 8) {
		for (; lo < hi && e[lo].c < c; lo++)
			continue;
		return lo < hi && e[lo].c == c ? &T.node[e[lo].node] : NULL;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (e[mid].c == c)
			return &T.node[e[mid].node];
		if (e[mid].c < c)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The node of kind's trie for t[0..n): NULL if no entry of kind opens
 * with t. */
static const struct tnode *
lookup_node(int kind, const char *t, size_t n)
{
	const struct tnode	*x = &T.node[T.root[kind]];
	size_t			 i;

	for (i = 0; i < n && x != NULL; i++)
		x = child(x, (unsigned char)t[i]);
	return x;
}

/* The entry of kind whose text is exactly t[0..n), or NULL. */
static const struct entry *
lookup(int kind, const char *t, size_t n)
{
	const struct tnode *x = lookup_node(kind, t, n);

	return x != NULL ? x->entry : NULL;
}

/* The longest entry of kind that t[0..n) starts with, its length into
 * *len; NULL if none. */
static const struct entry *
lookup_prefix(int kind, const char *t, size_t n, size_t *len)
{
	const struct tnode	*x = &T.node[T.root[kind]];
	const struct entry	*best = NULL;
	size_t			 i;

	for (i = 0; i < n && (x = child(x, (unsigned char)t[i])) != NULL;
	    i++)
		if (x->entry != NULL) {
			best = x->entry;
			*len = i + 1;
		}
	return best;
}

/* Whether some phrase of kind may start with the folded byte c: most
 * lookups end here. */
static int
may_start(int kind, char c)
{
	unsigned char u = (unsigned char)c;

	return (T.first[kind][u >> 3] >> (u & 7)) & 1;
}

/* Whether a phrase of kind may start at s, by its first character. */
static int
first_may(int kind, const char *s, size_t n)
{
	uint32_t	 cp;
	char		 out[4];
	size_t		 len = decode(s, n, &cp);

	if (len == 0)
		return 1;
	return fold_one(cp, out) == 0 || may_start(kind, out[0]);
}

/* Whether a and b are a digit and a letter of a right-to-left script:
 * such words hold no digits, "رقم484بتاريخ" is three words glued. */
static int
digit_meets_rtl(uint32_t a, uint32_t b)
{
	if (a >= '0' && a <= '9')
		return b >= 0x590 && b <= 0x8FF;
	return b >= '0' && b <= '9' && a >= 0x590 && a <= 0x8FF;
}

/* Whether folded offset e of f ends a word: the characters on either
 * side are not both letters of a word. */
static int
boundary(const struct folded *f, size_t e)
{
	uint32_t	a, b;
	size_t		len;

	if (e == f->n)
		return f->all;
	if ((f->s[e] & 0xC0) == 0x80)
		return 0;
	if (rp_utf8_decode(f->s + e, f->n - e, &b) == 0)
		return 1;
	a = rp_utf8_last(f->s, e, &len);
	return !is_word_cp(a) || !is_word_cp(b) || digit_meets_rtl(a, b);
}

/* Whether folded offset i of f, just past a character of word class
 * prev, ends a word: the text's end, or a change out of a word. */
static int
ends_word(const struct folded *f, size_t i, int prev)
{
	uint32_t cp;

	if (i >= f->n)
		return f->all;
	return rp_utf8_decode(f->s + i, f->n - i, &cp) == 0 || !prev ||
	    !is_word_cp(cp);
}

/* The longest phrase of kind at folded offset i of f that ends a word,
 * in one pass down the trie.  Only the first 64 ends of words count.
 * *cut (when not NULL) tells whether the walk reached the end of a fold
 * that stops short of the text's: a longer fold may find more. */
static const struct entry *
longest_at(int kind, const struct folded *f, size_t i, size_t *flen,
    int *cut)
{
	const struct tnode	*x = &T.node[T.root[kind]];
	const struct entry	*best = NULL;
	size_t			 p = i, len, j, nends = 0;
	size_t			 lim = i + T.maxlen[kind] < f->n ?
				    i + T.maxlen[kind] : f->n;
	uint32_t		 cp;
	int			 word, prev = -1;

	if (cut != NULL)
		*cut = 0;
	while (p < lim) {
		if ((len = decode(f->s + p, f->n - p, &cp)) == 0) {
			len = 1;
			cp = ' ';
		}
		word = is_word_cp(cp);
		if (prev >= 0 && (!word || !prev) && nends++ < 64 &&
		    x->entry != NULL) {
			best = x->entry;
			*flen = p - i;
		}
		prev = word;
		for (j = 0; j < len; j++)
			if ((x = child(x, (unsigned char)f->s[p + j])) == NULL)
				return best;
		p += len;
	}
	if (cut != NULL)
		*cut = p >= f->n && !f->all;
	if (prev >= 0 && nends < 64 && x->entry != NULL &&
	    ends_word(f, p, prev)) {
		best = x->entry;
		*flen = p - i;
	}
	return best;
}

/* Most walks down a trie end in a few bytes: a text is folded this far
 * first, and further only when the walk reaches the end of the fold. */
#define FOLD_PEEK	32

/* The longest phrase of kind at the start of s, its folded length into
 * *flen; *f the fold it read (own to fold_free). */
static const struct entry *
longest(int kind, const char *s, size_t n, const struct folded **f,
    struct folded *own, size_t *flen)
{
	const struct entry	*x;
	int			 cut;

	*f = fold_kept(s, n, FOLD_PEEK, own);
	x = longest_at(kind, *f, 0, flen, &cut);
	if (!cut)
		return x;
	fold_free(own);
	*f = fold_kept(s, n, T.maxlen[kind] + 4, own);
	return longest_at(kind, *f, 0, flen, NULL);
}

size_t
rp_lang_phrase(rp_lang_kind kind, const char *s, size_t n, int *value)
{
	struct folded		 own;
	const struct folded	*f;
	const struct entry	*x;
	size_t			 e, r = 0;

	struct memo		*m;
	int			 known, v = 0;

	init();
	if (T.lo[kind] == T.hi[kind] || n == 0 || !first_may(kind, s, n))
		return 0;
	if ((m = memo_slot(MEMO_PHRASE, kind, s, n, &known)) != NULL &&
	    known) {
		if (m->r > 0 && value != NULL)
			*value = m->value;
		return m->r;
	}
	if ((x = longest(kind, s, n, &f, &own, &e)) != NULL) {
		r = src_at(f, e);
		v = x->value;
		if (value != NULL)
			*value = v;
	}
	fold_free(&own);
	if (m != NULL) {
		rp_memo_set(&m->key, MEMO_PHRASE, kind, s, n);
		m->r = r;
		m->value = v;
	}
	return r;
}

int
rp_lang_is(rp_lang_kind kind, const char *s, size_t n, int *value)
{
	struct folded		 own;
	const struct folded	*f;
	const struct entry	*x;

	struct memo		*m;
	int			 known;

	init();
	if (T.lo[kind] == T.hi[kind] || n == 0 || !first_may(kind, s, n))
		return 0;
	if ((m = memo_slot(MEMO_IS, kind, s, n, &known)) != NULL && known) {
		if (m->r > 0 && value != NULL)
			*value = m->value;
		return m->r > 0;
	}
	/* A short fold first: it most often opens no entry. */
	f = fold_kept(s, n, FOLD_PEEK, &own);
	if (!f->all && lookup_node(kind, f->s, f->n) != NULL) {
		fold_free(&own);
		f = fold_kept(s, n, T.maxlen[kind] + 1, &own);
	}
	x = src_at(f, f->n) == n ? lookup(kind, f->s, f->n) : NULL;
	if (x != NULL && value != NULL)
		*value = x->value;
	fold_free(&own);
	if (m != NULL) {
		rp_memo_set(&m->key, MEMO_IS, kind, s, n);
		m->r = x != NULL;
		m->value = x != NULL ? x->value : 0;
	}
	return x != NULL;
}

int
rp_lang_of(rp_lang_kind kind, const char *s, size_t n)
{
	struct folded		 own;
	const struct folded	*f;
	const struct entry	*x;
	size_t			 e;
	int			 lang;

	init();
	if (T.lo[kind] == T.hi[kind] || n == 0 || !first_may(kind, s, n))
		return -1;
	x = longest(kind, s, n, &f, &own, &e);
	lang = x != NULL ? x->lang : -1;
	fold_free(&own);
	return lang;
}

/* Whether a phrase of kind may end s, by the last byte of its last
 * character folded: most text is passed over without folding it. */
static int
last_may(int kind, const char *s, size_t n)
{
	uint32_t	cp;
	size_t		len, k;
	unsigned char	c;
	char		out[4];

	cp = rp_utf8_last(s, n, &len);
	if ((k = fold_one(cp, out)) == 0)
		return 1;
	c = (unsigned char)out[k - 1];
	return (T.last[kind][c >> 3] >> (c & 7)) & 1;
}

size_t
rp_lang_ending(rp_lang_kind kind, const char *s, size_t n)
{
	struct folded	 f;
	size_t		 i, best = 0, r;

	init();
	if (T.lo[kind] == T.hi[kind] || n == 0 || !last_may(kind, s, n))
		return 0;
	fold(&f, s, n, n);
	for (i = T.lo[kind]; i < T.hi[kind]; i++)
		if (f.n > T.e[i].len && T.e[i].len > best &&
		    memcmp(f.s + f.n - T.e[i].len, T.e[i].text,
		    T.e[i].len) == 0)
			best = T.e[i].len;
	r = best > 0 ? n - src_at(&f, f.n - best) : 0;
	fold_free(&f);
	return r;
}

size_t
rp_lang_last_word(rp_lang_kind kind, const char *s, size_t n)
{
	size_t		 i = n, len;
	uint32_t	 cp;

	while (i > 0 && n - i < 64) {
		cp = rp_utf8_last(s, i, &len);
		if (!is_word_cp(cp))
			break;
		i -= len;
	}
	if (i == n || (i > 0 && n - i >= 64))
		return 0;
	return rp_lang_is(kind, s + i, n - i, NULL) ? n - i : 0;
}

int
rp_lang_ends(rp_lang_kind kind, const char *w, size_t n)
{
	return rp_lang_ending(kind, w, n) > 0;
}

void
rp_lang_count_words(const char *s, size_t n, size_t *counts)
{
	size_t		 i = 0, len, k, wl = 0, lo = T.lo[RP_LK_DETECT], j;
	uint32_t	 cp;
	char		 out[4];
	const struct entry *x;
	const struct tnode *root, *t;
	unsigned char	 c;

	init();
	memset(counts, 0, (size_t)T.nlang * sizeof(*counts));
	/* Each word walks down the trie as it is read: most leave it at
	 * their first bytes. */
	root = t = &T.node[T.root[RP_LK_DETECT]];
	while (i <= n) {
		/* A run of ASCII letters and digits: no decoding, one
		 * look-up a byte. */
		for (; i < n && (c = T.word_byte[(unsigned char)s[i]]) != 0;
		    i++, wl++)
			if (t != NULL)
				t = child(t, c);
		len = i < n ? decode(s + i, n - i, &cp) : 0;
		if (len > 0 && is_word_cp(cp)) {
			k = fold_one(cp, out);
			for (j = 0; j < k && t != NULL; j++)
				t = child(t, (unsigned char)out[j]);
			wl += k;
			i += len;
			continue;
		}
		if (wl > 0 && wl <= T.maxlen[RP_LK_DETECT] && t != NULL &&
		    (x = t->entry) != NULL) {
			/* Every language that has the word counts it. */
			for (j = (size_t)(x - T.e); j > lo &&
			    cmp_entry(&T.e[j - 1], x) == 0; j--)
				continue;
			for (; j < T.hi[RP_LK_DETECT] &&
			    cmp_entry(&T.e[j], x) == 0; j++)
				counts[T.e[j].lang]++;
		}
		wl = 0;
		t = root;
		i += len ? len : 1;
	}
}

/* ----------------------------------------------------------- patterns */

static int
digit_at(const struct folded *f, size_t i)
{
	return i < f->n && f->s[i] >= '0' && f->s[i] <= '9';
}

/* Chinese numerals at i: "一九五〇" digit by digit, "二十九" by
 * position ("廿六", "卅一": the old one-character 20 and 30 of dates).
 * Returns the value (-1 if none) and moves *i. */
static int
cn_number(const struct folded *f, size_t *i)
{
	static const char *const digits[] = { "〇", "一", "二", "三", "四",
		"五", "六", "七", "八", "九", "零", "两" };
	static const struct { const char *s; int v; } units[] = {
		{ "十", 10 }, { "百", 100 }, { "千", 1000 }, { "廿", 20 },
		{ "卅", 30 } };
	size_t	 j = *i, k;
	int	 seq = 0, total = 0, cur = -1, any = 0, unit, positional = 0;

	/* Every numeral is a three-byte sequence from 0xE3 to 0xE9. */
	if (j >= f->n || (unsigned char)f->s[j] < 0xE3 ||
	    (unsigned char)f->s[j] > 0xE9)
		return -1;

	while (any < 8) {
		for (k = 0; k < 12; k++)
			if (j + 3 <= f->n && memcmp(f->s + j, digits[k], 3) == 0)
				break;
		if (k < 12) {
			cur = k == 10 ? 0 : k == 11 ? 2 : (int)k;
			seq = seq * 10 + cur;
			any++;
			j += 3;
			continue;
		}
		for (unit = 0; unit < 5; unit++)
			if (j + 3 <= f->n && memcmp(f->s + j, units[unit].s,
			    3) == 0)
				break;
		if (unit == 5)
			break;
		total += (cur < 0 ? 1 : cur) * units[unit].v;
		cur = -1;
		positional = 1;
		any++;
		j += 3;
	}
	if (any == 0)
		return -1;
	*i = j;
	return positional ? total + (cur > 0 ? cur : 0) : seq;
}

static size_t phrase_at(int kind, const struct folded *f, size_t i,
    int *value);

/* A number at i: digits (an OCR "I" or "l" next to a digit reads as 1;
 * a "Z" before an ordinal suffix is a 2: "Zeme séance"), or Chinese
 * numerals.  -1 if none. */
static int
number_at(const struct folded *f, size_t *i, int ocr)
{
	size_t	 j = *i;
	int	 v = 0, d = 0;

	if (ocr && j < f->n && f->s[j] == 'z' &&
	    phrase_at(RP_LK_ORD_SUFFIX, f, j + 1, NULL) > 0) {
		*i = j + 1;
		return 2;
	}
	/* "I851st": a first "I" or "l" before digits is a 1 too. */
	if (!digit_at(f, j) && !(ocr && j < f->n && (f->s[j] == 'i' ||
	    f->s[j] == 'l') && digit_at(f, j + 1)))
		return cn_number(f, i);
	while (j < f->n && d < 9) {
		if (digit_at(f, j))
			v = v * 10 + (f->s[j] - '0');
		else if (ocr && (f->s[j] == 'i' || f->s[j] == 'l') &&
		    j + 1 < f->n && (digit_at(f, j + 1) || (f->s[j + 1] ==
		    's' && j + 2 < f->n && f->s[j + 2] == 't')))
			v = v * 10 + 1;
		else
			break;
		j++;
		d++;
	}
	*i = j;
	return v;
}

/* A phrase of kind at folded offset i: its folded length, or 0.
 * Suffixes need not end a word: "2729the meeting" (OCR). */
static size_t
phrase_at(int kind, const struct folded *f, size_t i, int *value)
{
	const struct entry	*x = NULL;
	size_t			 e = f->n - i;

	if (i >= f->n || !may_start(kind, f->s[i]))
		return 0;
	if (kind == RP_LK_ORD_SUFFIX || kind == RP_LK_DAY_SUFFIX)
		x = lookup_prefix(kind, f->s + i, e, &e);
	else
		x = longest_at(kind, f, i, &e, NULL);
	if (x == NULL)
		return 0;
	if (value != NULL)
		*value = x->value;
	return e;
}

/* An ordinal at i: words summed ("fifty-eighth", "quatre-vingt-
 * deuxième") or a number with its suffix. */
static int
ordinal_at(const struct folded *f, size_t *i)
{
	size_t	 j = *i, k;
	int	 v, total = 0, any = 0;

	if ((total = number_at(f, &j, 0)) >= 0) {
		j += phrase_at(RP_LK_ORD_SUFFIX, f, j, NULL);
		*i = j;
		return total;
	}
	total = 0;
	while ((k = phrase_at(RP_LK_ORDINAL, f, j, &v)) > 0) {
		total += v;
		any = 1;
		j += k;
		if (j < f->n && (f->s[j] == '-' || f->s[j] == ' ') &&
		    phrase_at(RP_LK_ORDINAL, f, j + 1, NULL) > 0)
			j++;
		else
			break;
	}
	if (!any)
		return -1;
	*i = j;
	return total;
}

/* The month a word w of n bytes is when the OCR read an "m" as "ni" or
 * "rn" ("28 niai 1974", "Noveniber"): its value, or 0. */
static int
month_m_misread(const char *w, size_t n)
{
	const struct entry	*x;
	char			 tmp[64];
	size_t			 k;

	for (k = 0; k + 1 < n && n < sizeof(tmp); k++) {
		if (!(w[k] == 'n' && w[k + 1] == 'i') &&
		    !(w[k] == 'r' && w[k + 1] == 'n'))
			continue;
		memcpy(tmp, w, k);
		tmp[k] = 'm';
		memcpy(tmp + k + 1, w + k + 2, n - k - 2);
		if ((x = lookup(RP_LK_MONTH, tmp, n - 1)) != NULL)
			return x->value;
	}
	return 0;
}

/* A month's name at i; an OCR "]" or "|" for a final "l" ("Apri]"),
 * "ni" or "rn" for an "m". */
static int
month_name(const struct folded *f, size_t *i)
{
	const struct entry	*x;
	char			 tmp[64];
	size_t			 j = *i, k;
	int			 v;

	if ((k = phrase_at(RP_LK_MONTH, f, j, &v)) > 0) {
		*i = j + k;
		return v;
	}
	while (j < f->n && j - *i < sizeof(tmp) - 1 &&
	    ((f->s[j] >= 'a' && f->s[j] <= 'z') || (f->s[j] & 0x80)))
		j++;
	if (j > *i && (j == f->n || f->s[j] == ' ' || f->s[j] == ',') &&
	    (v = month_m_misread(f->s + *i, j - *i)) > 0) {
		*i = j;
		return v;
	}
	if (j == *i || j >= f->n || (f->s[j] != ']' && f->s[j] != '|'))
		return 0;
	memcpy(tmp, f->s + *i, j - *i);
	tmp[j - *i] = 'l';
	if ((x = lookup(RP_LK_MONTH, tmp, j - *i + 1)) == NULL)
		return 0;
	*i = j + 1;
	return x->value;
}

/* A month, and the same month by its other name after "/" or in
 * brackets: "تشرين الثاني/نوفمبر", "تشرين الثاني (نوفمبر)". */
static int
month_at(const struct folded *f, size_t *i)
{
	size_t	 j;
	int	 v, w;

	if ((v = month_name(f, i)) <= 0)
		return v;
	j = *i;
	while (j < f->n && f->s[j] == ' ')
		j++;
	if (j < f->n && (f->s[j] == '/' || f->s[j] == '(')) {
		int paren = f->s[j++] == '(';

		while (j < f->n && f->s[j] == ' ')
			j++;
		if ((w = month_name(f, &j)) == v && (!paren ||
		    (j < f->n && f->s[j++] == ')')))
			*i = j;
	}
	return v;
}

static size_t pmatch(const char *p, const struct folded *f, size_t i,
    rp_lang_hit *hit);

/* {abstainers}: the members a vote names instead of counting them
 * ("وامتناع الصين عن التصويت", "with China abstaining"), up to the rest
 * of the pattern, or to the end of the clause when it ends the pattern.
 * One word names one member: a count of 1.  More words may be one name
 * or a list ("the United Kingdom", "China and France"; Chinese is not
 * spaced), so their count is RP_LANG_NAMED: unknown.  A number is a
 * count, not a name. */
static size_t
named(const char *rest, const struct folded *f, size_t i, rp_lang_hit *hit)
{
	size_t		 j = i, e, r = 0, len;
	uint32_t	 cp;
	int		 one = 1;

	if (number_at(f, &j, 0) >= 0 || phrase_at(RP_LK_NUMBER_WORD, f, i, NULL) > 0)
		return 0;
	for (e = i; e < f->n; e++)
		if (*rest != '\0' ? (r = pmatch(rest, f, e, hit)) > 0 :
		    strchr(".;)", f->s[e]) != NULL)
			break;
	if (*rest != '\0' && r == 0)
		return 0;
	if (*rest == '\0')
		r = e + 1;
	while (e > i && f->s[e - 1] == ' ')
		e--;
	if (e == i)
		return 0;
	for (j = i; j < e && one; j += len)
		one = (len = rp_utf8_decode(f->s + j, e - j, &cp)) > 0 &&
		    is_word_cp(cp);
	hit->votes[2] = one ? 1 : RP_LANG_NAMED;
	return r;
}

/* Each {placeholder} of a pattern matches at i, records what it read in
 * hit, then matches the rest of the pattern. */
typedef size_t ph_fn(const char *, const struct folded *, size_t,
    rp_lang_hit *);

/* {text}: any words, as few as the rest allows. */
static size_t
ph_text(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	size_t j, r;

	for (j = i; j <= f->n; j++)
		if ((r = pmatch(rest, f, j, hit)) > 0)
			return r;
	return 0;
}

/* A value v read up to i, kept in *to when it is from lo to hi; then the
 * rest of the pattern. */
static size_t
ph_keep(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit, int v, int lo, int hi, int *to)
{
	if (v < lo || v > hi)
		return 0;
	*to = v;
	return pmatch(rest, f, i, hit);
}

/*
 * The patterns of a kind often open with the same placeholder (ten
 * meeting patterns with {n}, dates with {day} {month}): what one read
 * at an offset of the text is kept for the rest of the match_at call,
 * which counts in match_round.
 */
static _Thread_local unsigned match_round;

struct lead {
	const struct folded	*f;
	unsigned		 round;
	size_t			 i, j;
	int			 v;
};

typedef int lead_fn(const struct folded *, size_t *);

/* read at *i of f, moving *i past what it read, as kept in l when it
 * read there before in this round. */
static int
lead_at(struct lead *l, lead_fn *read, const struct folded *f, size_t *i)
{
	if (l->f != f || l->round != match_round || l->i != *i) {
		l->f = f;
		l->round = match_round;
		l->i = l->j = *i;
		l->v = read(f, &l->j);
	}
	*i = l->j;
	return l->v;
}

static size_t
ph_ord(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int v = ordinal_at(f, &i);

	return ph_keep(rest, f, i, hit, v, 0, INT_MAX, &hit->ord);
}

/* A Roman numeral at i ("xxvi"): its value, 0 if none; i moves past it. */
static int
roman_at(const struct folded *f, size_t *i)
{
	size_t	len;
	int	v = rp_roman_value(f->s + *i, f->n - *i, &len);

	*i += len;
	return v;
}

/* A numeral that is no digits at i: Roman ("xxvi") or the language's
 * own ("五"); its value, 0 or less if none; i moves past it. */
static int
numeral_at(const struct folded *f, size_t *i)
{
	int v = roman_at(f, i);

	if (v == 0 && !digit_at(f, *i))
		v = number_at(f, i, 0);
	return v;
}

/* {session}: a General Assembly session as its resolutions give it, in
 * Roman numerals ("2758 (XXVI)") or in the language's own ("498(五)");
 * never in digits, which are a year. */
static size_t
ph_session(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int v = numeral_at(f, &i);

	return ph_keep(rest, f, i, hit, v, 1, 200, &hit->session);
}

/* {numeral}: a section's number as annexes print it, Roman ("IV.") or
 * the language's own ("四."), never digits (a paragraph's). */
static size_t
ph_numeral(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int v = numeral_at(f, &i);

	return v >= 1 && v <= 200 ? pmatch(rest, f, i, hit) : 0;
}

/* {letter}: one letter alone, of an alphabet with no ideographs ("B.",
 * Russian "Б.", "С."): a section's label. */
static size_t
ph_letter(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	uint32_t	cp;
	size_t		len = i < f->n ?
			    rp_utf8_decode(f->s + i, f->n - i, &cp) : 0;

	if (len == 0 || !is_word_cp(cp) || digit_at(f, i) ||
	    !boundary(f, i + len))
		return 0;
	return pmatch(rest, f, i + len, hit);
}

static size_t
ph_month(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	static _Thread_local struct lead month;
	int v = lead_at(&month, month_at, f, &i);

	return ph_keep(rest, f, i, hit, v, 1, INT_MAX, &hit->month);
}

/* {mnum}: a month as a number ("2010年10月"). */
static size_t
ph_mnum(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int v = number_at(f, &i, 0);

	return ph_keep(rest, f, i, hit, v, 1, 12, &hit->month);
}

static size_t
ph_day(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int	 v = number_at(f, &i, 0);
	size_t	 r;

	if (v < 1 || v > 31)
		return 0;
	hit->day = v;
	i += phrase_at(RP_LK_DAY_SUFFIX, f, i, NULL);
	if ((r = pmatch(rest, f, i, hit)) > 0)
		return r;
	/* OCR: a speck read as a period after the day ("14 . December
	 * 1955"). */
	while (i < f->n && f->s[i] == ' ')
		i++;
	return i < f->n && f->s[i] == '.' ? pmatch(rest, f, i + 1, hit) : 0;
}

/* {n}: a meeting number, "4413th", or in words: "Fifty-fifth plenary
 * meeting"; with its suffix (and a letter or two OCR added to it:
 * "2729the"), else without. */
static int
meeting_number(const struct folded *f, size_t *j)
{
	int v = number_at(f, j, 1);

	return v > 0 ? v : ordinal_at(f, j);
}

/* Whether the folded sign s[0..len) ends an ordinal suffix of the
 * tables (the "h" of "th"). */
static int
ends_ord_suffix(const char *s, size_t len)
{
	size_t	i, n;

	for (i = T.lo[RP_LK_ORD_SUFFIX]; i < T.hi[RP_LK_ORD_SUFFIX]; i++) {
		n = T.e[i].len;
		if (n >= len && memcmp(T.e[i].text + n - len, s, len) == 0)
			return 1;
	}
	return 0;
}

/* The length of one sign at folded offset j that may stand for a
 * superscript suffix: neither a space, a digit, punctuation that ends
 * a phrase nor the end of a suffix (in "24491h meeting" the scan read
 * the "t" of 2449th as "1": no stray sign, no 24491st meeting); 0 if
 * none. */
static size_t
stray_suffix(const struct folded *f, size_t j)
{
	uint32_t	cp;
	size_t		len;

	if (j >= f->n ||
	    (len = rp_utf8_decode(f->s + j, f->n - j, &cp)) == 0 ||
	    cp == ' ' || (cp >= '0' && cp <= '9') ||
	    (cp < 0x80 && strchr(",.;:()", (int)cp) != NULL) ||
	    ends_ord_suffix(f->s + j, len))
		return 0;
	return len;
}

static size_t
ph_meeting(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	static _Thread_local struct lead number;
	size_t	 j = i, k, x, r;
	int	 v;

	if ((v = lead_at(&number, meeting_number, f, &j)) <= 0)
		return 0;
	hit->n = v;
	hit->n_at = i;
	if ((k = phrase_at(RP_LK_ORD_SUFFIX, f, j, NULL)) > 0) {
		for (x = 0; x < 2 && j + k + x < f->n &&
		    f->s[j + k + x] >= 'a' && f->s[j + k + x] <= 'z'; x++)
			continue;
		for (;; x--) {
			if ((r = pmatch(rest, f, j + k + x, hit)) > 0) {
				hit->n_end = j + k + x;
				hit->suf_at = j;
				hit->suf_end = j + k;
				return r;
			}
			if (x == 0)
				break;
		}
	}
	hit->n_end = hit->suf_at = hit->suf_end = j;
	if ((r = pmatch(rest, f, j, hit)) > 0)
		return r;
	/* A superscript suffix a scan read as one stray sign, glued:
	 * "1536° séance", "1537f séance", "1581' séance". */
	if ((k = stray_suffix(f, j)) > 0 &&
	    (r = pmatch(rest, f, j + k, hit)) > 0) {
		hit->n_end = hit->suf_end = j + k;
		return r;
	}
	return 0;
}

/* A count at i, in digits or in the language's number words, into *to
 * when it is from lo to hi.  Only a vote reads every number word
 * ("une abstention", "восемью"); other counts only those of zero, as
 * "un", "one" are articles and pronouns there. */
static size_t
ph_count(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit, int *to, int lo, int hi, int vote)
{
	size_t	 k;
	int	 v = 0;

	if ((k = phrase_at(RP_LK_NUMBER_WORD, f, i, &v)) > 0 &&
	    (vote || v == 0))
		i += k;
	else if ((v = number_at(f, &i, 0)) < 0)
		return 0;
	return ph_keep(rest, f, i, hit, v, lo, hi, to);
}

static size_t
ph_num(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	return ph_count(rest, f, i, hit, &hit->num, 0, INT_MAX, 0);
}

/* {dsession}: a session in digits, where the pattern sets it apart from
 * a year: the web copy's "Résolution 32-1" for 32 (I). */
static size_t
ph_dsession(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	return digit_at(f, i) ?
	    ph_count(rest, f, i, hit, &hit->session, 1, 200, 0) : 0;
}

/* Whether f holds exactly two digits at i, no more: their value, else
 * -1. */
static int
two_digits_at(const struct folded *f, size_t i)
{
	if (!digit_at(f, i) || !digit_at(f, i + 1) || digit_at(f, i + 2) ||
	    (i > 0 && digit_at(f, i - 1)))
		return -1;
	return (f->s[i] - '0') * 10 + f->s[i + 1] - '0';
}

/* {year}, also one a line wrap broke after its century ("31 января
 * 19⏎96 года.", the wrap joined as one space): no other number reads
 * "19 96" after a day and a month. */
static size_t
ph_year(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	size_t	r;
	int	c = two_digits_at(f, i), y;

	if ((r = ph_count(rest, f, i, hit, &hit->year, 1900, 2100, 0)) > 0 ||
	    (c != 19 && c != 20) || i + 2 >= f->n || f->s[i + 2] != ' ' ||
	    (y = two_digits_at(f, i + 3)) < 0)
		return r;
	return ph_keep(rest, f, i + 5, hit, c * 100 + y, 1900, 2100,
	    &hit->year);
}

/* {yy}: a year in two digits ("20.12.71"), its century unknown: the
 * reader completes it only from what else the text says (classify.c). */
static size_t
ph_yy(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	int y = two_digits_at(f, i);

	return y < 0 ? 0 : ph_keep(rest, f, i + 2, hit, y, 0, 99, &hit->year);
}

/* A vote at i into hit->votes[k]: a count, or one in words ("ten",
 * "восемью", "при трех воздержавшихся"). */
static size_t
ph_vote(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit, int k)
{
	return ph_count(rest, f, i, hit, &hit->votes[k], 0, INT_MAX, 1);
}

static size_t
ph_for(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	return ph_vote(rest, f, i, hit, 0);
}

static size_t
ph_against(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	return ph_vote(rest, f, i, hit, 1);
}

static size_t
ph_abstain(const char *rest, const struct folded *f, size_t i,
    rp_lang_hit *hit)
{
	return ph_vote(rest, f, i, hit, 2);
}

/* Names with their lengths: a pattern is matched often, and its
 * placeholders looked up each time. */
#define PH(name, fn)	{ name, sizeof(name) - 1, fn }
static const struct {
	const char	*name;
	size_t		 len;
	ph_fn		*match;
} placeholders[] = {
	PH("text", ph_text), PH("abstainers", named), PH("ord", ph_ord),
	PH("month", ph_month), PH("mnum", ph_mnum), PH("day", ph_day),
	PH("n", ph_meeting), PH("num", ph_num), PH("year", ph_year),
	PH("yy", ph_yy),
	PH("for", ph_for), PH("against", ph_against),
	PH("abstain", ph_abstain), PH("session", ph_session),
	PH("dsession", ph_dsession),
	PH("numeral", ph_numeral), PH("letter", ph_letter),
};

#define NPLACEHOLDERS	(sizeof(placeholders) / sizeof(placeholders[0]))

/* A byte no folded text holds (nor any UTF-8): in a pattern's program,
 * the next byte is the index of a placeholder (NPLACEHOLDERS: unknown,
 * matching nothing). */
#define PH_MARK		'\xFF'

/* Pattern p's program: its text with each {name} as PH_MARK and the
 * name's index, looked up once here instead of at each match. */
static char *
compile_pattern(const char *p)
{
	char		*prog = malloc(strlen(p) + 1), *o = prog;
	const char	*e;
	size_t		 k;

	if (prog == NULL)
		rp_out_of_memory();
	while (*p != '\0') {
		if (*p != '{' || (e = strchr(p, '}')) == NULL) {
			*o++ = *p++;
			continue;
		}
		for (k = 0; k < NPLACEHOLDERS; k++)
			if (placeholders[k].len == (size_t)(e - p - 1) &&
			    memcmp(placeholders[k].name, p + 1, e - p - 1) == 0)
				break;
		*o++ = PH_MARK;
		*o++ = (char)k;
		p = e + 1;
	}
	*o = '\0';
	return prog;
}

static void
compile_patterns(void)
{
	size_t i;

	for (i = 0; i < T.n; i++)
		T.e[i].prog = compile_pattern(T.e[i].text);
}

/* Program p against folded text at i: the end of the match + 1 (so that
 * an empty match is not 0), or 0. */
static size_t
pmatch(const char *p, const struct folded *f, size_t i, rp_lang_hit *hit)
{
	size_t k;

	for (;;) {
		if (*p == '\0')
			return i + 1;
		if (*p == '$' && p[1] == '\0')
			return i == f->n ? i + 1 : 0;
		if (*p == ' ') {
			while (i < f->n && f->s[i] == ' ')
				i++;
			p++;
			continue;
		}
		if (*p == PH_MARK) {
			k = (unsigned char)p[1];
			return k < NPLACEHOLDERS ?
			    placeholders[k].match(p + 2, f, i, hit) : 0;
		}
		if (i >= f->n || f->s[i] != *p)
			return 0;
		p++;
		i++;
	}
}

static void
hit_clear(rp_lang_hit *hit)
{
	memset(hit, 0, sizeof(*hit));
	hit->n = hit->num = hit->year = hit->ord = -1;
	hit->votes[0] = hit->votes[1] = hit->votes[2] = -1;
}

/* The longest pattern of kind at folded offset i: of those opening with
 * a space, a {placeholder} or the byte at i, in table order (the first
 * of equal lengths wins); one given again (by another language) matches
 * as before. */
static size_t
match_at(int kind, const struct folded *f, size_t i, rp_lang_hit *hit)
{
	rp_lang_hit	 h;
	size_t		 k, r, best = 0;
	int		 firsts[3] = { ' ', -1, '{' }, j;
	int		 c = i < f->n ? (unsigned char)f->s[i] : -1;

	match_round++;
	/* In byte order, as the table is. */
	if (c > '{')
		firsts[1] = '{', firsts[2] = c;
	else if (c > ' ' && c < '{')
		firsts[1] = c;
	for (j = 0; j < 3; j++) {
		if (firsts[j] < 0)
			continue;
		for (k = T.by_first[kind][firsts[j]];
		    k < T.by_first[kind][firsts[j] + 1]; k++) {
			if (T.e[k].again || (c >= 0 &&
			    !((T.e[k].first[c >> 3] >> (c & 7)) & 1)))
				continue;
			hit_clear(&h);
			if ((r = pmatch(T.e[k].prog, f, i, &h)) > best &&
			    boundary(f, r - 1)) {
				best = r;
				*hit = h;
				hit->value = T.e[k].value;
				hit->lang = T.e[k].lang;
			}
		}
	}
	return best;
}

/* Folded offsets of a hit back to offsets of the source. */
static size_t
hit_source(const struct folded *f, size_t r, rp_lang_hit *hit)
{
	hit->end = src_at(f, r - 1);
	hit->n_at = src_at(f, hit->n_at);
	hit->n_end = src_at(f, hit->n_end);
	hit->suf_at = src_at(f, hit->suf_at);
	hit->suf_end = src_at(f, hit->suf_end);
	return hit->end;
}

size_t
rp_lang_match(rp_lang_kind kind, const char *s, size_t n, rp_lang_hit *hit)
{
	struct folded		 own;
	const struct folded	*f;
	struct memo		*m;
	size_t		 r, end = 0;
	int		 known;

	init();
	hit_clear(hit);
	if (T.lo[kind] == T.hi[kind] || n == 0 || (T.numeric[kind] &&
	    !number_byte((unsigned char)s[0])) || (!T.any[kind] &&
	    !first_may(kind, s, n)))
		return 0;
	if ((m = memo_slot(MEMO_MATCH, kind, s, n, &known)) != NULL &&
	    known) {
		*hit = m->hit;
		return m->r;
	}
	f = fold_kept(s, n, n, &own);
	if ((r = match_at(kind, f, 0, hit)) > 0)
		end = hit_source(f, r, hit);
	fold_free(&own);
	if (m != NULL) {
		rp_memo_set(&m->key, MEMO_MATCH, kind, s, n);
		m->r = end;
		m->hit = *hit;
	}
	return end;
}

size_t
rp_lang_find_by(rp_lang_kind kind, const char *s, size_t n, size_t most,
    rp_lang_hit *hit, size_t *at)
{
	struct folded		 own;
	const struct folded	*f;
	struct memo		*m = NULL;
	size_t		 i, r, last, end = 0;
	int		 known;

	init();
	hit_clear(hit);
	if (T.lo[kind] == T.hi[kind])
		return 0;
	/* The memo holds answers about the whole text. */
	if (most >= n &&
	    (m = memo_slot(MEMO_FIND, kind, s, n, &known)) != NULL && known) {
		*hit = m->hit;
		if (m->r > 0)
			*at = m->at;
		return m->r;
	}
	f = fold_kept(s, n, n, &own);
	last = T.counted[kind] ? past_last_number(f->s, f->n) : f->n;
	for (i = 0; i < last && src_at(f, i) <= most && end == 0; i++) {
		if ((f->s[i] & 0xC0) == 0x80 || (T.numeric[kind] &&
		    !number_byte((unsigned char)f->s[i])) || (!T.any[kind] &&
		    !may_start(kind, f->s[i])) ||
		    (i > 0 && !boundary(f, i)))
			continue;
		if ((r = match_at(kind, f, i, hit)) > 0) {
			end = hit_source(f, r, hit);
			*at = src_at(f, i);
		}
	}
	fold_free(&own);
	if (m != NULL) {
		rp_memo_set(&m->key, MEMO_FIND, kind, s, n);
		m->r = end;
		m->hit = *hit;
		m->at = end > 0 ? *at : 0;
	}
	return end;
}

size_t
rp_lang_find(rp_lang_kind kind, const char *s, size_t n, rp_lang_hit *hit,
    size_t *at)
{
	return rp_lang_find_by(kind, s, n, n, hit, at);
}

int
rp_lang_ordinal(const char *s, size_t n)
{
	struct folded	 f;
	size_t		 i = 0;
	int		 v;

	init();
	fold(&f, s, n, 128);
	v = ordinal_at(&f, &i);
	if (v > 0 && !boundary(&f, i))
		v = 0;
	fold_free(&f);
	return v > 0 ? v : 0;
}
