/* site.h -- "respub site", and the page documents of pages written
 * alone: for main.c only. */
#ifndef RP_SITE_H
#define RP_SITE_H

/*
 * respub site -d DIR [options] FILE...: write a static website for a
 * collection (one page per resolution, index pages, catalog.xml,
 * sitemap.xml, the other formats beside each page).  argv[0] is "site".
 * Returns the exit status.
 */
int	site_main(int argc, char *argv[]);

/* A language version of the resolution of a page written alone. */
struct page_version {
	const char	*page, *lang;	/* its page, ISO 639-2 */
};

/*
 * The small document a page written alone (respub -d) is rendered with,
 * as a page of a site is: the files written beside it (NAME.EXT of each
 * of the n formats that are not HTML), its language versions (nv, the
 * page's own among them) and the side-by-side page (NULL: none).  Free
 * with xmlFreeDoc(); NULL when out of memory.
 */
struct _xmlDoc	*page_doc(const char *name, const int *formats, size_t n,
		    const struct page_version *v, size_t nv,
		    const char *parallel);

#endif
