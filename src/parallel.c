/* parallel.c -- one page with a resolution's language versions side by
 * side.  Each version's Akoma Ntoso goes into one document, its eIds
 * prefixed with its language so that the page's ids stay unique; the
 * rows pair the parts that have the same eId in each version (the
 * writer derives eIds from the structure: preambular paragraph 3 is
 * preamble__container_3 in every language), in the order of the
 * versions; a part one version lacks leaves its cell empty, with a
 * warning.  The stylesheet (versions.xsl) sets the rows as columns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "cli.h"
#include "parallel.h"
#include "versions.h"
#include "write_akn.h"

#define SITE_NS	"urn:x-respub:site"
/* Warnings of missing parts per version, before a count of the rest. */
#define MAX_SAID	8

/* One part of a version: the key that pairs it, its element. */
struct unit {
	char		*key;
	xmlNodePtr	 node;
};

struct units {
	struct unit	*v;
	size_t		 n, cap;
};

static int
is_akn(xmlNodePtr n, const char *name)
{
	return n != NULL && n->type == XML_ELEMENT_NODE &&
	    (name == NULL || xmlStrEqual(n->name, BAD_CAST name));
}

/* n's eId, made up from its place when it has none. */
static char *
key_of(xmlNodePtr n, const char *base, const char *part, size_t pos)
{
	xmlChar	*id = xmlGetProp(n, BAD_CAST "eId");
	char	 buf[256];

	if (id == NULL) {
		snprintf(buf, sizeof(buf), "%s%s_x%zu", base, part, pos);
		xmlSetProp(n, BAD_CAST "eId", BAD_CAST buf);
		return strdup(buf);
	}
	snprintf(buf, sizeof(buf), "%s", (const char *)id);
	xmlFree(id);
	return strdup(buf);
}

static int
unit_add(struct units *u, xmlNodePtr n, char *key)
{
	if (key == NULL)
		return -1;
	if (u->n == u->cap) {
		size_t		 cap = u->cap ? u->cap * 2 : 32;
		struct unit	*v = realloc(u->v, cap * sizeof(*v));

		if (v == NULL) {
			free(key);
			return -1;
		}
		u->v = v;
		u->cap = cap;
	}
	u->v[u->n].key = key;
	u->v[u->n++].node = n;
	return 0;
}

static int units_of_doc(xmlNodePtr doc, const char *base, struct units *u);

/* An annex: its heading and preface are one part, its text the next. */
static int
units_of_attachments(xmlNodePtr atts, struct units *u)
{
	xmlNodePtr	 a, d;
	char		*key, base[256];
	size_t		 pos = 0;

	for (a = atts->children; a != NULL; a = a->next) {
		if (!is_akn(a, NULL))
			continue;
		if ((key = key_of(a, "", "attachment", ++pos)) == NULL)
			return -1;
		snprintf(base, sizeof(base), "%s__", key);
		if (unit_add(u, a, key) != 0)
			return -1;
		for (d = a->children; d != NULL; d = d->next)
			if (is_akn(d, NULL) && !is_akn(d, "heading") &&
			    !is_akn(d, "num") && units_of_doc(d, base, u) != 0)
				return -1;
	}
	return 0;
}

/* The parts of one document (the resolution, or an annexed text). */
static int
units_of_doc(xmlNodePtr doc, const char *base, struct units *u)
{
	static const char *const parts[] = { "coverPage", "preamble",
	    "mainBody", "body", "conclusions", NULL };
	const char *const	*p;
	xmlNodePtr		 c, k;
	size_t			 pos;

	for (c = doc->children; c != NULL; c = c->next) {
		if (is_akn(c, "preface") && base[0] == '\0') {
			if (unit_add(u, c, key_of(c, base, "preface", 0)) != 0)
				return -1;
		} else if (is_akn(c, "attachments") || is_akn(c, "components")) {
			if (units_of_attachments(c, u) != 0)
				return -1;
		}
		for (p = parts; *p != NULL && !is_akn(c, *p); p++)
			continue;
		if (*p == NULL)
			continue;
		pos = 0;
		for (k = c->children; k != NULL; k = k->next)
			if (is_akn(k, NULL) && unit_add(u, k,
			    key_of(k, base, *p, ++pos)) != 0)
				return -1;
	}
	return 0;
}

/* Every eId, and every "#id" that points to one, prefixed "tag-". */
static void
prefix_ids(xmlNodePtr n, const char *tag)
{
	xmlAttrPtr	 a;
	char		 buf[512];

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		for (a = n->properties; a != NULL; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);

			if (v == NULL)
				continue;
			if (xmlStrEqual(a->name, BAD_CAST "eId"))
				snprintf(buf, sizeof(buf), "%s-%s", tag, v);
			else if (v[0] == '#')
				snprintf(buf, sizeof(buf), "#%s-%s", tag, v + 1);
			else
				buf[0] = '\0';
			if (buf[0] != '\0')
				xmlSetProp(n, a->name, BAD_CAST buf);
			xmlFree(v);
		}
		prefix_ids(n->children, tag);
	}
}

/* One version in the page: its AKN under s:text, its parts listed. */
struct column {
	const char	*name, *lang;
	char		 tag[32];
	struct units	 u;
	int		 said;
};

static int
add_version(xmlNodePtr root, xmlNsPtr ns, struct version_in *v,
    struct column *c, size_t i)
{
	rp_node		*r = rp_doc_root(v->doc);
	xmlDocPtr	 akn;
	xmlNodePtr	 text, copy, d;

	c->name = v->name;
	c->lang = r->meta != NULL && r->meta->language != NULL ?
	    r->meta->language : "und";
	snprintf(c->tag, sizeof(c->tag), "%.8s%zu", c->lang, i + 1);
	if ((akn = rp_akn_build(v->doc, NULL)) == NULL)
		return -1;
	text = xmlNewChild(root, ns, BAD_CAST "text", NULL);
	xmlSetProp(text, BAD_CAST "lang", BAD_CAST c->lang);
	if (v->page != NULL)
		xmlSetProp(text, BAD_CAST "page", BAD_CAST v->page);
	copy = xmlDocCopyNode(xmlDocGetRootElement(akn), root->doc, 1);
	xmlFreeDoc(akn);
	if (copy == NULL)
		return -1;
	xmlAddChild(text, copy);
	for (d = copy->children; d != NULL && !is_akn(d, NULL); d = d->next)
		continue;
	if (d == NULL || units_of_doc(d, "", &c->u) != 0)
		return -1;
	prefix_ids(copy, c->tag);
	return 0;
}

static size_t
find_key(char **keys, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(keys[i], key) == 0)
			return i;
	return n;
}

/*
 * The rows: the first version's parts, then each part of the others that
 * is not yet there, after the row of its predecessor in its own version.
 */
static char **
merge_rows(struct column *c, size_t n, size_t *nrows)
{
	char	**rows;
	size_t	  total = 0, i, k, at, r = 0;

	for (i = 0; i < n; i++)
		total += c[i].u.n;
	if ((rows = calloc(total + 1, sizeof(*rows))) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		at = 0;
		for (k = 0; k < c[i].u.n; k++) {
			size_t pos = find_key(rows, r, c[i].u.v[k].key);

			if (pos == r) {
				memmove(rows + at + 1, rows + at,
				    (r - at) * sizeof(*rows));
				rows[at] = c[i].u.v[k].key;
				pos = at;
				r++;
			}
			at = pos + 1;
		}
	}
	*nrows = r;
	return rows;
}

static size_t
unit_index(const struct column *c, const char *key)
{
	size_t j;

	for (j = 0; j < c->u.n && strcmp(c->u.v[j].key, key) != 0; j++)
		continue;
	return j;
}

/* Say what a version lacks, as the version that has it names it
 * ("paragraph 3."); the first few parts only. */
static void
missing(struct column *c, const char *key, const struct column *has,
    int quiet)
{
	xmlNodePtr	 n = has->u.v[unit_index(has, key)].node, k;
	xmlChar		*num = NULL;

	if (quiet || c->said++ >= MAX_SAID)
		return;
	for (k = n->children; k != NULL && !is_akn(k, "num"); k = k->next)
		continue;
	if (k != NULL)
		num = xmlNodeGetContent(k);
	cli_say(c->name, RP_WARNING, "parallel-missing", "no %s%s%s (eId %s) "
	    "as in %s: its cell is empty in the side-by-side page",
	    (const char *)n->name, num ? " " : "", num ? (char *)num : "",
	    key, has->name);
	xmlFree(num);
}

/* One s:row per part, one s:cell per version (ref: its element). */
static int
add_rows(xmlNodePtr root, xmlNsPtr ns, struct column *c, size_t n,
    int quiet)
{
	char		**rows, id[300];
	size_t		  nrows, i, k, first;
	xmlNodePtr	  row, cell;

	if ((rows = merge_rows(c, n, &nrows)) == NULL)
		return -1;
	for (i = 0; i < nrows; i++) {
		row = xmlNewChild(root, ns, BAD_CAST "row", NULL);
		xmlSetProp(row, BAD_CAST "key", BAD_CAST rows[i]);
		for (first = 0; unit_index(&c[first], rows[i]) ==
		    c[first].u.n; first++)
			continue;
		for (k = 0; k < n; k++) {
			cell = xmlNewChild(row, ns, BAD_CAST "cell", NULL);
			xmlSetProp(cell, BAD_CAST "lang", BAD_CAST c[k].lang);
			if (unit_index(&c[k], rows[i]) == c[k].u.n) {
				missing(&c[k], rows[i], &c[first], quiet);
				continue;
			}
			snprintf(id, sizeof(id), "%s-%s", c[k].tag, rows[i]);
			xmlSetProp(cell, BAD_CAST "ref", BAD_CAST id);
		}
	}
	for (k = 0; k < n; k++)
		if (!quiet && c[k].said > MAX_SAID)
			cli_say(c[k].name, RP_WARNING, "parallel-missing", "%d "
			    "more parts missing", c[k].said - MAX_SAID);
	free(rows);
	return 0;
}

static int
by_language(const void *a, const void *b)
{
	const struct version_in *x = a, *y = b;
	const rp_meta *mx = rp_doc_root(x->doc)->meta;
	const rp_meta *my = rp_doc_root(y->doc)->meta;

	return version_rank(mx ? mx->language : NULL) -
	    version_rank(my ? my->language : NULL);
}

/* The page's title: the symbol, else the first version's title. */
static const char *
title_of(const struct version_in *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rp_doc_root(v[i].doc)->meta != NULL &&
		    rp_doc_root(v[i].doc)->meta->symbol != NULL)
			return rp_doc_root(v[i].doc)->meta->symbol;
	for (i = 0; i < n; i++)
		if (rp_doc_root(v[i].doc)->meta != NULL &&
		    rp_doc_root(v[i].doc)->meta->title != NULL)
			return rp_doc_root(v[i].doc)->meta->title;
	return v[0].name;
}

/* The page's own language (its title, its labels): English when it is
 * one of the versions, as the site's indexes are, else the first. */
static const char *
page_lang(const struct column *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(c[i].lang, "eng") == 0)
			return "eng";
	return n > 0 ? c[0].lang : "und";
}

static xmlDocPtr
build_page(struct version_in *v, size_t n, struct column *c, int quiet)
{
	xmlDocPtr	 x = xmlNewDoc(BAD_CAST "1.0");
	xmlNodePtr	 root = xmlNewDocNode(x, NULL, BAD_CAST "site", NULL);
	xmlNsPtr	 ns = xmlNewNs(root, BAD_CAST SITE_NS, BAD_CAST "s");
	size_t		 i;

	xmlSetNs(root, ns);
	xmlDocSetRootElement(x, root);
	xmlSetProp(root, BAD_CAST "kind", BAD_CAST "parallel");
	xmlSetProp(root, BAD_CAST "title", BAD_CAST title_of(v, n));
	for (i = 0; i < n; i++)
		if (add_version(root, ns, &v[i], &c[i], i) != 0)
			break;
	xmlSetProp(root, BAD_CAST "lang", BAD_CAST page_lang(c, n));
	if (i < n || add_rows(root, ns, c, n, quiet) != 0) {
		xmlFreeDoc(x);
		return NULL;
	}
	return x;
}

int
parallel_page(rp_html *h, struct version_in *v, size_t n, const char *page,
    int quiet, rp_buf *out)
{
	const char	*extra[] = { "page", page, NULL };
	struct column	*c;
	xmlDocPtr	 x;
	char		*msg = NULL;
	size_t		 i, k;
	int		 rc = -1;

	qsort(v, n, sizeof(*v), by_language);
	if ((c = calloc(n + 1, sizeof(*c))) == NULL)
		return -1;
	if ((x = build_page(v, n, c, quiet)) == NULL)
		cli_say(page, RP_ERROR, NULL, "cannot make the side-by-side "
		    "page");
	else if ((rc = rp_html_apply(h, x, extra, out, &msg)) != 0)
		cli_say(page, RP_ERROR, NULL, "%s",
		    msg != NULL ? msg : "out of memory");
	free(msg);
	if (x != NULL)
		xmlFreeDoc(x);
	for (i = 0; i < n; i++) {
		for (k = 0; k < c[i].u.n; k++)
			free(c[i].u.v[k].key);
		free(c[i].u.v);
	}
	free(c);
	return rc;
}
