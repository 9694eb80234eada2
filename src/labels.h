/*
 * labels.h -- the fixed words the writers print, one table per language
 * (templates/labels/<tag>.conf): the PDF's outline and document words, a
 * first page built from the metadata (masthead, heading lines, dates),
 * and the HTML pages' and the site's labels, navigation and dates.
 */
#ifndef RP_LABELS_H
#define RP_LABELS_H

#include <stddef.h>

#include <libxml/tree.h>

typedef struct rp_labels rp_labels;

/* The tables of data_dir (NULL: the built-in copies only), each read
 * when first asked for. */
rp_labels	*rp_labels_new(const char *data_dir);
void		 rp_labels_free(rp_labels *);
/* key in lang (ISO 639-2 "fra" or a tag "fr"), else in English, else "". */
const char	*rp_labels_get(rp_labels *, const char *lang, const char *key);
/* The name of month (1 to 12) in lang, as the reader's table gives it
 * first (lang/<tag>.conf), else in English, else "". */
const char	*rp_labels_month(rp_labels *, const char *lang, int month);
/* Every table as the HTML stylesheet reads it: a t:strings element
 * (urn:x-respub:template) with a <t:s key="" lang="tag"> for each key of
 * each language, and month-1 to month-12, made in doc, added to parent
 * (NULL: as doc's root).  NULL when out of memory. */
xmlNodePtr	 rp_labels_strings(rp_labels *, xmlDocPtr doc,
		    xmlNodePtr parent);
/* Each key of the files of data_dir/templates/labels/ that the tables
 * no longer have by that name, once a file, in name order: say(arg,
 * file, line, key, its name now, 1) when it is read as that, else
 * say(..., where its data is now, 0). */
typedef void	 (*rp_labels_say)(void *arg, const char *file, int line,
		    const char *key, const char *now, int read);
void		 rp_labels_lint(const char *data_dir, rp_labels_say, void *);
/* The tag of an ISO 639-2 language ("fra" -> "fr"); others as they are,
 * NULL or empty "en". */
const char	*rp_lang_tag(const char *);

/* Split a "key = value  # comment" line in place: 1 and *key, *value;
 * 0 for a blank or comment line; -1 for a line with no "=".  A value in
 * double quotes keeps its spaces (": "). */
int		 rp_conf_line(char *line, char **key, char **value);

#endif
