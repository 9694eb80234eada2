/*
 * labels.c -- the fixed words the writers print, one table per language:
 * templates/labels/<tag>.conf of the data directory, then the copy built
 * into the library for the keys it lacks; English for a key a language
 * lacks.  Month names are the reader's (lang/<tag>.conf, lang.c).  The
 * HTML stylesheet gets the tables as one document (rp_labels_strings).
 */
#include <ctype.h>
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "labels.h"
#include "lang.h"

/* templates/labels/ as built into the library by make. */
struct rp_builtin_file { const char *name, *text; };
extern const struct rp_builtin_file rp_labels_builtin[];

struct entry {
	char	*key, *value;
};

struct table {
	char		 tag[16];
	struct entry	*v;
	size_t		 n, cap;
};

struct rp_labels {
	char		*data_dir;
	struct table	 t[16];
	size_t		 nt;
	pthread_mutex_t	 lock;	/* the tables are read on first use */
};

int
rp_conf_line(char *line, char **key, char **value)
{
	char *s = line, *eq, *e, *v;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '#' || *s == '\0')
		return 0;
	if ((eq = strchr(s, '=')) == NULL)
		return -1;
	for (e = eq; e > s && isspace((unsigned char)e[-1]); e--)
		continue;
	*e = '\0';
	for (v = eq + 1; isspace((unsigned char)*v); v++)
		continue;
	/* A comment may follow the value after white space. */
	for (e = v; *e; e++)
		if (*e == '#' && (e == v || isspace((unsigned char)e[-1]))) {
			*e = '\0';
			break;
		}
	for (e = v + strlen(v); e > v && isspace((unsigned char)e[-1]); e--)
		e[-1] = '\0';
	if (*v == '"' && e - v >= 2 && e[-1] == '"') {
		e[-1] = '\0';
		v++;
	}
	*key = s;
	*value = v;
	return 1;
}

const char *
rp_lang_tag(const char *l)
{
	static const char *const tags[][2] = { { "eng", "en" }, { "fra", "fr" },
	    { "spa", "es" }, { "rus", "ru" }, { "zho", "zh" }, { "ara", "ar" } };
	size_t i;

	for (i = 0; l != NULL && i < sizeof(tags) / sizeof(tags[0]); i++)
		if (strcmp(l, tags[i][0]) == 0)
			return tags[i][1];
	return l != NULL && *l != '\0' ? l : "en";
}

/* The keys of the tables before they took hyphens and their data moved
 * (session 8), as a user's file may still have them: each one's new
 * name, or where its data went for one no longer read. */
static const struct {
	const char	*old, *now;
	int		 read;		/* as now */
} renamed[] = {
	{ "title_separator", "title-separator", 1 },
	{ "masthead_language", "masthead-language", 1 },
	{ "masthead_organization", "masthead-organization", 1 },
	{ "first_day", "first-day", 1 }, { "date", "date-format", 1 },
	{ "body_ga", "org-un-ga", 1 }, { "body_sc", "org-un-sc", 1 },
	{ "body_ecosoc", "org-un-ecosoc", 1 },
	{ "body_hrc", "org-un-hrc", 1 },
	{ "adoption_ga", "adoption-ga", 1 },
	{ "adoption_sc", "adoption-sc", 1 },
	{ "adoption_ecosoc", "adoption-ecosoc", 1 },
	{ "adoption_hrc", "adoption-hrc", 1 },
	{ "doctype_sc", "doctype-sc", 1 },
	{ "months", "[months] of lang/<tag>.conf", 0 },
};
#define NRENAMED (sizeof(renamed) / sizeof(renamed[0]))

/* The slot of an old key in renamed, else -1.  "date" was the date's
 * pattern and is now the label "Date": a value with a {field} is the
 * old key. */
static int
renamed_slot(const char *key, const char *value)
{
	size_t i;

	for (i = 0; i < NRENAMED; i++)
		if (strcmp(key, renamed[i].old) == 0)
			return strcmp(key, "date") != 0 ||
			    strchr(value, '{') != NULL ? (int)i : -1;
	return -1;
}

static const char *
find(const struct table *t, const char *key)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].key, key) == 0)
			return t->v[i].value;
	return NULL;
}

/* The keys of f that t has not yet; an old key by its new name, or left
 * out (rp_labels_lint says which). */
static void
table_read(struct table *t, FILE *f)
{
	char		 line[2048], *k, *v;
	int		 old;

	while (fgets(line, sizeof(line), f) != NULL) {
		if (rp_conf_line(line, &k, &v) <= 0)
			continue;
		if ((old = renamed_slot(k, v)) >= 0)
			k = renamed[old].read ? (char *)renamed[old].now : NULL;
		if (k == NULL || find(t, k) != NULL)
			continue;
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 64;
			if ((t->v = realloc(t->v, t->cap * sizeof(*t->v))) == NULL)
				rp_out_of_memory();
		}
		t->v[t->n].key = strdup(k);
		t->v[t->n].value = strdup(v);
		if (t->v[t->n].key == NULL || t->v[t->n].value == NULL)
			rp_out_of_memory();
		t->n++;
	}
	fclose(f);
}

/* The data directory's file of t's language, then the built-in one. */
static void
table_load(struct table *t, const char *data_dir)
{
	char	 path[1024];
	FILE	*f;
	size_t	 i;

	if (data_dir != NULL) {
		snprintf(path, sizeof(path), "%s/templates/labels/%s.conf",
		    data_dir, t->tag);
		if ((f = fopen(path, "r")) != NULL)
			table_read(t, f);
	}
	for (i = 0; rp_labels_builtin[i].name != NULL; i++)
		if (strcmp(rp_labels_builtin[i].name, t->tag) == 0 &&
		    (f = fmemopen((void *)rp_labels_builtin[i].text,
		    strlen(rp_labels_builtin[i].text), "r")) != NULL)
			table_read(t, f);
}

/* lang's table, read on first use; NULL past the tables kept. */
static const struct table *
table(rp_labels *l, const char *lang)
{
	const char	*tag = rp_lang_tag(lang);
	struct table	*t = NULL;
	size_t		 i;

	pthread_mutex_lock(&l->lock);
	for (i = 0; i < l->nt && t == NULL; i++)
		if (strcmp(l->t[i].tag, tag) == 0)
			t = &l->t[i];
	if (t == NULL && l->nt < sizeof(l->t) / sizeof(l->t[0])) {
		t = &l->t[l->nt++];
		snprintf(t->tag, sizeof(t->tag), "%s", tag);
		table_load(t, l->data_dir);
	}
	pthread_mutex_unlock(&l->lock);
	return t;
}

rp_labels *
rp_labels_new(const char *data_dir)
{
	rp_labels *l = calloc(1, sizeof(*l));

	if (l == NULL || (data_dir != NULL &&
	    (l->data_dir = strdup(data_dir)) == NULL)) {
		free(l);
		return NULL;
	}
	pthread_mutex_init(&l->lock, NULL);
	return l;
}

void
rp_labels_free(rp_labels *l)
{
	size_t i, k;

	if (l == NULL)
		return;
	for (i = 0; i < l->nt; i++) {
		for (k = 0; k < l->t[i].n; k++) {
			free(l->t[i].v[k].key);
			free(l->t[i].v[k].value);
		}
		free(l->t[i].v);
	}
	pthread_mutex_destroy(&l->lock);
	free(l->data_dir);
	free(l);
}

const char *
rp_labels_get(rp_labels *l, const char *lang, const char *key)
{
	const struct table	*t = table(l, lang);
	const char		*v = t != NULL ? find(t, key) : NULL;

	if (v != NULL)
		return v;
	return strcmp(rp_lang_tag(lang), "en") != 0 ?
	    rp_labels_get(l, "en", key) : "";
}

const char *
rp_labels_month(rp_labels *l, const char *lang, int month)
{
	const char *v = rp_lang_month(rp_lang_tag(lang), month);

	if (v != NULL)
		return v;
	return strcmp(rp_lang_tag(lang), "en") != 0 ?
	    rp_labels_month(l, "en", month) : "";
}

/* Add tag to the n tags of tags (up to max), once. */
static void
tag_add(char tags[][16], size_t *n, size_t max, const char *tag)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp(tags[i], tag) == 0)
			return;
	if (*n < max && strlen(tag) < 16)
		strcpy(tags[(*n)++], tag);
}

/* The languages with a table: built in, in the data directory's
 * templates/labels/, or with a reader's table (months alone). */
static size_t
tags_known(const rp_labels *l, char tags[][16], size_t max)
{
	char		 path[1024], tag[16];
	size_t		 n = 0, k, i;
	DIR		*d;
	struct dirent	*de;

	for (i = 0; rp_labels_builtin[i].name != NULL; i++)
		tag_add(tags, &n, max, rp_labels_builtin[i].name);
	snprintf(path, sizeof(path), "%s/templates/labels", l->data_dir);
	if (l->data_dir != NULL && (d = opendir(path)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if ((k = strlen(de->d_name)) > 5 && k < 16 + 5 &&
			    strcmp(de->d_name + k - 5, ".conf") == 0) {
				snprintf(tag, sizeof(tag), "%.*s",
				    (int)(k - 5), de->d_name);
				tag_add(tags, &n, max, tag);
			}
		closedir(d);
	}
	for (i = 0; (int)i < rp_lang_count(); i++)
		tag_add(tags, &n, max, rp_lang_name((int)i));
	return n;
}

static int
string_add(xmlNodePtr strings, const char *tag, const char *key,
    const char *value)
{
	xmlNodePtr s = xmlNewTextChild(strings, strings->ns,
	    (const xmlChar *)"s", (const xmlChar *)value);

	return s != NULL &&
	    xmlNewProp(s, (const xmlChar *)"key", (const xmlChar *)key) &&
	    xmlNewProp(s, (const xmlChar *)"lang", (const xmlChar *)tag) ?
	    0 : -1;
}

/* One language's strings: its table's keys, then month-1 to month-12. */
static int
strings_of(rp_labels *l, xmlNodePtr strings, const char *tag)
{
	const struct table	*t = table(l, tag);
	const char		*name;
	char			 key[16];
	size_t			 i;
	int			 m, rc = 0;

	for (i = 0; t != NULL && i < t->n; i++)
		rc |= string_add(strings, tag, t->v[i].key, t->v[i].value);
	for (m = 1; m <= 12; m++)
		if ((name = rp_lang_month(tag, m)) != NULL) {
			snprintf(key, sizeof(key), "month-%d", m);
			rc |= string_add(strings, tag, key, name);
		}
	return rc;
}

/* One file's old keys, each once. */
static void
lint_file(const char *path, rp_labels_say say, void *arg)
{
	unsigned char	 said[NRENAMED] = { 0 };
	char		 line[2048], *k, *v;
	int		 n = 0, old;
	FILE		*f = fopen(path, "r");

	while (f != NULL && fgets(line, sizeof(line), f) != NULL) {
		n++;
		if (rp_conf_line(line, &k, &v) > 0 &&
		    (old = renamed_slot(k, v)) >= 0 && !said[old]) {
			said[old] = 1;
			say(arg, path, n, k, renamed[old].now,
			    renamed[old].read);
		}
	}
	if (f != NULL)
		fclose(f);
}

static int
is_conf(const struct dirent *de)
{
	size_t n = strlen(de->d_name);

	return n > 5 && strcmp(de->d_name + n - 5, ".conf") == 0;
}

void
rp_labels_lint(const char *data_dir, rp_labels_say say, void *arg)
{
	char		  dir[1024], path[1280];
	struct dirent	**v;
	int		  n, i;

	if (data_dir == NULL)
		return;
	snprintf(dir, sizeof(dir), "%s/templates/labels", data_dir);
	if ((n = scandir(dir, &v, is_conf, alphasort)) < 0)
		return;
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, v[i]->d_name);
		lint_file(path, say, arg);
		free(v[i]);
	}
	free(v);
}

xmlNodePtr
rp_labels_strings(rp_labels *l, xmlDocPtr doc, xmlNodePtr parent)
{
	char		 tags[32][16];
	size_t		 n = tags_known(l, tags, 32), i;
	xmlNodePtr	 strings;
	xmlNsPtr	 ns;

	strings = xmlNewDocNode(doc, NULL, (const xmlChar *)"strings", NULL);
	if (strings == NULL || (ns = xmlNewNs(strings, (const xmlChar *)
	    "urn:x-respub:template", (const xmlChar *)"t")) == NULL) {
		xmlFreeNode(strings);
		return NULL;
	}
	xmlSetNs(strings, ns);
	if (parent != NULL)
		xmlAddChild(parent, strings);
	else
		xmlDocSetRootElement(doc, strings);
	for (i = 0; i < n; i++)
		if (strings_of(l, strings, tags[i]) != 0)
			return NULL;
	return strings;
}
