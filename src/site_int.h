/* site_int.h -- what the files of "respub site" share (site.c: the run;
 * site_meta.c: what the index needs from each input; site_ctx.c: the
 * small documents each page is rendered from, and catalog.xml;
 * site_cache.c: catalog.tsv, what a rebuild reads of the previous run;
 * site_index.c: index pages, feeds, sitemap, search pages). */
#ifndef RP_SITE_INT_H
#define RP_SITE_INT_H

#include <stddef.h>
#include <stdint.h>

#include <libxml/tree.h>

#include "labels.h"
#include "respub.h"

#define SITE_NS		"urn:x-respub:site"
/* Rows of one index page: a phone loads 200 rows quickly. */
#define SITE_ROWS	200
/* Entries of an Atom feed and of the front page's latest list. */
#define SITE_LATEST	50

/* One resolution of the site: what its page and the indexes need.  Read
 * from the input, or from the previous run's catalog.tsv when the input
 * has not changed since (same path, size and time). */
struct entry {
	char		*src;		/* input path as given */
	long long	 size, mtime;	/* of src, nanoseconds */
	char		*stem;		/* output name without extension */
	char		*symbol, *lang, *number, *date, *title, *subject;
	const char	*subject_from;	/* "agenda" or "text" */
	int		 body, year, session;
	char		**cites;	/* symbols it cites */
	size_t		 ncites;
	size_t		 arg;		/* position among the inputs */
	int		 fresh;		/* to read in this run (1), could not
					   be read (-1) */
	struct entry	*prev, *next;	/* same body and language, by date */
	char		*yearpage;	/* index page that lists it */
	char		*work;		/* versions.h key, NULL: none */
	struct elist	*versions;	/* of its Work, in the UN order */
	struct entry	*lead;		/* the version the indexes list */
	uint64_t	 pagehash;	/* of its page's document, 0: not
					   hashed yet (site.c) */
	unsigned	 looked, stale;	/* its files looked up, those stale
					   (a bit each: site.c) */
	size_t		 was;		/* 1 + its input's position in the
					   previous run, 0: none */
	int		 touched;	/* site_clean.c */
};

/* A string -> number map (open addressing); keys are borrowed, and a key
 * put again keeps the pointer it was first put with. */
struct smap {
	struct smap_slot {		/* together: a probe is one read */
		const char	*key;
		uint64_t	 hash;	/* of key */
		size_t		 val;
	}		*v;
	size_t		 cap, n;
};
int	 smap_put(struct smap *, const char *key, size_t val);
int	 smap_get(const struct smap *, const char *key, size_t *val);
int	 smap_reserve(struct smap *, size_t n);
void	 smap_free(struct smap *);

/* Lists of entries: who cites a symbol, who holds one. */
struct elist {
	struct entry	**v;
	size_t		  n, cap;
};
int	 elist_add(struct elist *, struct entry *);

/* Where page documents go: built as a tree, streamed (catalog.xml), or
 * only hashed (to learn whether a page must be rendered again without
 * building it). */
#define SINK_DEPTH	8
struct sink {
	xmlDocPtr	 doc;		/* NULL: no tree */
	xmlNodePtr	 cur;
	xmlNsPtr	 ns;
	rp_buf		*out;		/* NULL: no stream */
	const char	*open[SINK_DEPTH];	/* the stream's elements */
	int		 depth;
	int		 in_tag;	/* a start tag not yet closed */
	uint64_t	 hash;
};
void	 sink_init(struct sink *, int build, uint64_t seed);
void	 sink_open(struct sink *, const char *element);
void	 sink_attr(struct sink *, const char *name, const char *value);
void	 sink_int(struct sink *, const char *name, int value);
void	 sink_close(struct sink *);
void	 xml_escape(rp_buf *, const char *s, int attr);
uint64_t fnv(uint64_t h, const void *data, size_t len);
#define FNV_SEED	0xcbf29ce484222325ULL

/* Formats written beside each page when the build has their writer. */
struct extra {
	rp_format	 fmt;
	const char	*label, *type;
};
#define NEXTRAS	3
extern const struct extra site_extras[NEXTRAS];

struct run;

/* The previous run's state (catalog.tsv: site_cache.c), lines borrowed
 * from its bytes: its inputs by path, its files by name. */
struct old_input {
	const char	*line;		/* the whole line, */
	size_t		 linelen;
	char		*src;		/* ... parsed by cache_index: */
	const char	*rec;		/* what it says */
	size_t		 reclen;
	long long	 size, mtime;
	int		 taken;		/* by an input of this run */
};
struct old_file {
	const char	*name;
	uint64_t	 deps;		/* what it was made from */
	int		 here;		/* still in the directory */
	int		 made;		/* by this run too (cache_record) */
};
struct cache {
	char		 *data;		/* the file */
	size_t		  len;
	struct old_input *in;
	size_t		  nin, incap;
	struct smap	  bysrc;	/* src -> slot of in (cache_index) */
	int		  indexed;
	const char	 *sline;	/* the plan: "S" line, */
	const char	 *plan_end;	/* ... to the end of the "P" lines */
	char		 *rest;		/* what follows the "S" line */
	char		 *files_at;	/* the "F" lines */
	const char	**plans;	/* "P" line of each input, NULL: none
					   (cache_plans) */
	size_t		  nres, nmade;	/* the "S" line's resolutions, files */
	int		  dir_same;	/* no name of the directory changed */
	int		  bodies[RP_BODY__MAX];	/* ... and bodies' counts */
	int		  planned;	/* it has one */
	struct old_file	 *f;
	size_t		  nfiles, fcap;
	struct smap	  files;	/* name -> slot of f */
	int		  same_build;
};

struct site {
	rp_writer	 *w[NEXTRAS];	/* NULL: not in this build */
	const char	 *outdir;
	char		 *catpath;	/* absolute path of catalog.xml */
	char		 *statepath;	/* ... of catalog.tsv */
	const rp_options *opt;
	int		  quiet, status, rows;
	int		  jobs;		/* worker processes (-j) */
	int		  timeout;	/* --timeout: seconds an input may take */
	int		  parallel;	/* --parallel: side-by-side pages */
	rp_format	  from;		/* -f */
	const char	 *pagefind;	/* the indexer, NULL: no search */
	struct entry	 *e;		/* kept entries, sorted for the index */
	size_t		  n;
	struct smap	  bysym;	/* symbol -> slot of holders/citers */
	struct elist	 *holders, *citers;
	size_t		  nsyms;
	int		  bodies[RP_BODY__MAX];	/* entries per body */
	char		**langs;	/* languages present (ISO 639-2) */
	size_t		  nlangs;
	char		  lang[16];	/* the site's: its index pages' and
					   feeds' (site_versions.c) */
	rp_labels	 *labels;	/* the fixed words of each language */
	size_t		  undated;
	uint64_t	  build;	/* hash of everything but the inputs */
	struct cache	  old;		/* the previous run's state */
	const char	**lines;	/* each input's line of catalog.tsv, */
	char		**ownlines;	/* ... made in this run (else old's) */
	size_t		  nlines;
	char		**newnames;	/* this run's files ... */
	uint64_t	 *newdeps;	/* ... and what each was made from */
	size_t		  nnew, newcap;
	struct run	 *years, *sessions;	/* site_index.c's plan */
	size_t		  nyears, nsessions;
	struct entry	**latest;	/* dated, newest first */
	size_t		  nlatest;
	size_t		  written, kept;
	struct elist	 *versions;	/* site_versions.c: per Work */
	size_t		  nworks;
	struct smap	  versioned;	/* stem -> entry with versions */
	int		  marked;	/* site_clean.c: entries' touched */
	int		  inputs_stay;	/* site_clean.c: every input kept
					   its position: the "P" line of an
					   entry it left alone holds */
	struct entry	**seen;		/* site_quick.c: entries of the
					   previous plan read, by input */
	size_t		  nres;		/* resolutions on the site */
	struct stamp {			/* site_quick.c: the inputs' size */
		long long size, mtime;	/* and time, of the first nstamps, */
	}		 *stamps;	/* for a run that plans again not */
	size_t		  nstamps;	/* to stat them twice */
};

/* site_meta.c */
int	 meta_read(struct entry *, rp_doc *);
int	 natcmp(const char *, const char *);
void	 entry_free(struct entry *);

/* site_ctx.c */
void	 ctx_resolution(struct site *, const struct entry *, struct sink *);
void	 ctx_common(struct site *, struct sink *, const char *kind,
	    const char *title, const char *lang, int counted);
void	 ctx_crumb(struct sink *, const char *href, const char *label,
	    const char *key);
void	 ctx_year_crumb(struct sink *, const struct entry *);
void	 ctx_row(struct sink *, const struct entry *, const char *element);
const char *body_page(int body, char *buf, size_t size);
const char *body_name(struct site *, int body, const char *lang);
void	 catalog_write(struct site *);

/* site_cache.c */
int	 cache_load(struct site *);
int	 cache_index(struct cache *);
int	 cache_plans(struct cache *);
int	 plan_same_place(const struct cache *, size_t k, const struct entry *);
void	 plan_each_link(const struct cache *, size_t k, int versions_only,
	    void (*fn)(void *, long long), void *ctx);
int	 cache_files(struct site *, int map);
long	 cache_file(const struct cache *, const char *name);
void	 cache_sync(struct site *);
void	 old_record(const struct cache *, size_t k, const char **rec,
	    size_t *len);
int	 old_input_is(const struct cache *, size_t k, const char *path,
	    long long *size, long long *mtime);
int	 state_field(const char **p, const char *end, char **dst);
long long state_int(const char **p, const char *end);
void	 cache_free(struct cache *);
void	 cache_record(struct site *, const char *name, uint64_t deps);
int	 cache_fresh(struct site *, const char *name, uint64_t deps);
void	 cache_prune(struct site *);
void	 cache_write(struct site *, int from_old);
int	 entry_record(const struct entry *, rp_buf *);
int	 entry_parse(struct entry *, const char *data, size_t len);
char	*input_line(const struct entry *);

/* site_index.c */
int	 index_plan(struct site *);
void	 index_free(struct site *);
void	 index_pages(struct site *, void *html);
void	 feeds_write(struct site *);
void	 sitemap_write(struct site *);
void	 search_pages(struct site *, void *html);

/* site_versions.c */
int	 versions_join(struct site *);
int	 versions_plan(struct site *);
void	 versions_free(struct site *);
void	 versions_apply(const struct entry *, rp_doc *, const char **langs,
	    size_t n);
void	 ctx_versions(struct sink *, const struct entry *);
const struct elist *versions_of_page(const struct site *, const char *page);
const char *parallel_name(const struct site *, const struct entry *,
	    char *buf, size_t size);
void	 parallel_pages(struct site *, void *html);

/* site_jobs.c: work on st->jobs worker processes, the run as one
 * process makes it.  Items 0..n-1; an item that is not stale runs here. */
struct site_work {
	size_t		  n;
	void		 *arg;
	int		(*stale)(struct site *, void *arg, size_t i);
	void		(*run)(struct site *, void *html, void *arg, size_t i);
	const char	*(*name)(struct site *, void *arg, size_t i);
};
int	 site_each(struct site *, void *html, const struct site_work *);
int	 site_read(struct site *, size_t n);

/* site_clean.c */
int	 clean_pages(struct site *);

/* site_quick.c */
int	 quick_plan(struct site *, char **inputs, size_t n);

/* site.c */
void	 plan_free(struct site *);
int	 index_symbol(struct site *, const char *sym, struct elist **lists,
	    struct entry *);
int	 entry_read(struct site *, struct entry *, int report);
rp_doc	*load_doc(const char *path, rp_format from, char **data, int report);
uint64_t source_hash(const struct site *, const struct entry *);
void	 put_file(struct site *, const char *name, const char *data,
	    size_t len);
void	 put_xml(struct site *, const char *name, xmlDocPtr doc);
int	 render_ctx(struct site *, void *html, struct sink *, const char *page,
	    uint64_t deps);
char	*xstrdup(const char *);

#endif
