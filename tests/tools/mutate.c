/*
 * mutate.c -- deterministic mutated inputs for tests/t_fuzz.sh.
 *
 *   mutate SEED COUNT OUTDIR FILE...
 *
 * Writes COUNT files OUTDIR/mNNNNN.EXT, each made from a window (at most
 * 6 KB, starting at a line) of one of the FILEs, keeping its extension,
 * then changed by one to four of: byte flips (mostly to characters the
 * readers care about), a truncation, a splice with another file, a
 * repeated or deleted chunk, an inserted token of Markdown, XML or the
 * resolution layout.  The same SEED gives the same files on every
 * machine (a private xorshift generator, no rand()).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WINDOW	6144

static unsigned long long rng_state;

static unsigned
rng(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return n ? (unsigned)(rng_state % n) : 0;
}

struct file {
	char	*data;
	size_t	 len;
	char	 ext[16];
};

static const char *const tokens[] = {
	"\n", "\n\n", "  ", "\t", "1. ", "\n12. ", "(a) ", "\n(iv) ", "- ",
	"\n* ", "> ", "\n>>>>> ", "# ", "\n## Annex\n", "```\n", "[^1]",
	"\n[^1]: note\n", "*", "**", "_", "[", "](", "<", ">", "&", "&amp;",
	"&#0;", "&#x110000;", "&bogus;", "<![CDATA[", "]]>", "<!--", "-->",
	"<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"aa\">]>",
	"</p>", "<p>", "<akomaNtoso>", "</akomaNtoso>", "<num>", "</num>",
	"S/RES/1377 (2001)", "A/RES/58/136", "Annex", "\nAnnex I\n",
	"The Security Council,", "\nDecides ", "Recalling ", "In favour:",
	"---\n", "\n---\ntitle: x\n---\n", "|", "| a | b |\n|---|---|\n",
	"\f", "\r", "\r\n", "\xC2\xA0", "\xE3\x80\x80", "\xE2\x80\x8B",
	"\xEF\xBB\xBF", "\xF0\x9F\x98\x80", "\xE2\x80\xAE", "\xE3\x88\xA0",
	"\xEF\xBC\x8A\xEF\xBC\x8A", "1\xE2\x80\x8A", "\xE2\x80\x94",
};
#define NTOKENS (sizeof(tokens) / sizeof(tokens[0]))

/* Bytes a flip writes, mostly structure the readers look at. */
static const char flipset[] = " \n\t.,;:()[]{}<>&*#_-`|!\"'/=0123456789aAzZ";

struct out {
	char	*p;
	size_t	 len, cap;
};

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		o->cap = (o->len + n + 1) * 2;
		if ((o->p = realloc(o->p, o->cap)) == NULL) {
			perror("mutate");
			exit(2);
		}
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
}

/* i, or the start of the UTF-8 character i falls in: cuts and splices
 * at characters, so that most mutants are still UTF-8 (flips are not). */
static size_t
char_start(const char *s, size_t len, size_t i)
{
	if (i >= len)
		return len;
	while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
		i--;
	return i;
}

static void
window(const struct file *f, struct out *o)
{
	size_t start = 0, n;

	/* An XML file whole: a window of one is no document at all. */
	if (f->len > WINDOW && strcmp(f->ext, ".xml") != 0) {
		start = rng((unsigned)(f->len - WINDOW / 2));
		while (start > 0 && f->data[start - 1] != '\n')
			start--;
	}
	n = f->len - start;
	if (n > WINDOW && strcmp(f->ext, ".xml") != 0)
		n = char_start(f->data, f->len, start + WINDOW) - start;
	put(o, f->data + start, n);
}

/* Replace o's bytes [at, at+del) with s[0..n). */
static void
splice(struct out *o, size_t at, size_t del, const char *s, size_t n)
{
	struct out t = { NULL, 0, 0 };

	put(&t, o->p, at);
	put(&t, s, n);
	put(&t, o->p + at + del, o->len - at - del);
	free(o->p);
	*o = t;
}

static void
mutate(struct out *o, const struct file *files, size_t nfiles)
{
	size_t	 at, n, k;
	char	*copy;

	at = o->len ? char_start(o->p, o->len, rng((unsigned)o->len + 1)) : 0;
	switch (rng(7)) {
	case 0:		/* byte flips */
		for (k = 1 + rng(8); k > 0 && o->len > 0; k--) {
			at = rng((unsigned)o->len);
			o->p[at] = rng(8) == 0 ? (char)rng(256) :
			    flipset[rng(sizeof(flipset) - 1)];
		}
		break;
	case 1:		/* truncation */
		o->len = at;
		break;
	case 2: {	/* splice: this one's head, another's tail */
		const struct file *f = &files[rng((unsigned)nfiles)];
		size_t from = f->len ? char_start(f->data,
		    f->len, rng((unsigned)f->len)) : 0;

		n = f->len - from;
		if (n > WINDOW / 2)
			n = WINDOW / 2;
		o->len = at;
		put(o, f->data + from, n);
		break;
	}
	case 3:		/* a chunk repeated */
		n = 1 + rng(200);
		if (at + n > o->len)
			n = o->len - at;
		if ((copy = malloc(n + 1)) == NULL)
			exit(2);
		memcpy(copy, o->p + at, n);
		for (k = 1 + rng(20); k > 0; k--)
			splice(o, at, 0, copy, n);
		free(copy);
		break;
	case 4:		/* a chunk deleted */
		n = 1 + rng(300);
		if (at + n > o->len)
			n = o->len - at;
		splice(o, at, n, "", 0);
		break;
	default: {	/* tokens inserted */
		for (k = 1 + rng(4); k > 0; k--) {
			const char *t = tokens[rng(NTOKENS)];

			at = o->len ? char_start(o->p, o->len,
			    rng((unsigned)o->len + 1)) : 0;
			splice(o, at, 0, t, strlen(t));
		}
		break;
	}
	}
}

static int
load(const char *path, struct file *f)
{
	FILE		*fp = fopen(path, "rb");
	const char	*dot = strrchr(path, '.'), *slash = strrchr(path, '/');
	long		 n;

	if (fp == NULL || fseek(fp, 0, SEEK_END) != 0 || (n = ftell(fp)) < 0
	    || fseek(fp, 0, SEEK_SET) != 0 ||
	    (f->data = malloc((size_t)n + 1)) == NULL ||
	    fread(f->data, 1, (size_t)n, fp) != (size_t)n) {
		perror(path);
		return -1;
	}
	fclose(fp);
	f->len = (size_t)n;
	if (dot == NULL || (slash != NULL && dot < slash) ||
	    strlen(dot) >= sizeof(f->ext))
		dot = ".txt";
	strcpy(f->ext, dot);
	return 0;
}

int
main(int argc, char *argv[])
{
	struct file	*files;
	size_t		 nfiles, i, count;
	int		 k;
	char		 path[4096];
	FILE		*fp;

	if (argc < 5) {
		fprintf(stderr, "usage: mutate SEED COUNT OUTDIR FILE...\n");
		return 2;
	}
	rng_state = strtoull(argv[1], NULL, 10) * 2654435761ULL + 88172645463325252ULL;
	count = strtoul(argv[2], NULL, 10);
	nfiles = (size_t)argc - 4;
	if ((files = calloc(nfiles, sizeof(*files))) == NULL)
		return 2;
	for (i = 0; i < nfiles; i++)
		if (load(argv[4 + i], &files[i]) != 0)
			return 2;
	for (i = 0; i < count; i++) {
		const struct file	*f = &files[rng((unsigned)nfiles)];
		struct out		 o = { NULL, 0, 0 };

		window(f, &o);
		for (k = 1 + (int)rng(4); k > 0; k--)
			mutate(&o, files, nfiles);
		snprintf(path, sizeof(path), "%s/m%05zu%s", argv[3], i, f->ext);
		if ((fp = fopen(path, "wb")) == NULL ||
		    fwrite(o.p, 1, o.len, fp) != o.len || fclose(fp) != 0) {
			perror(path);
			return 2;
		}
		free(o.p);
	}
	for (i = 0; i < nfiles; i++)
		free(files[i].data);
	free(files);
	return 0;
}
