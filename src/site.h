/* site.h -- "respub site": for main.c only. */
#ifndef RP_SITE_H
#define RP_SITE_H

/*
 * respub site -d DIR [options] FILE...: write a static website for a
 * collection (one page per resolution, index pages, catalog.xml,
 * sitemap.xml, the other formats beside each page).  argv[0] is "site".
 * Returns the exit status.
 */
int	site_main(int argc, char *argv[]);

#endif
