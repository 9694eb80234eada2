/* site_meta.c -- what the site's indexes need from one input: symbol,
 * language, adoption date, a title without catalogue debris, a subject
 * for resolutions without a title, and the symbols it cites. */
#include <stdlib.h>
#include <string.h>

#include "respub.h"
#include "site_int.h"
#include "utf8.h"

/* Subjects taken from the text stop near here (code points). */
#define SUBJECT_MAX	90

/* The resolution a file is about: the root, or the one a letter covers. */
static const rp_meta *
main_meta(rp_node *root, rp_node **doc)
{
	rp_iter		*it;
	rp_event	 ev;

	*doc = root;
	if (root->meta == NULL || root->meta->kind == RP_DOC_RESOLUTION ||
	    (it = rp_iter_new(root)) == NULL)
		return root->meta;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		rp_node *n = rp_iter_node(it);

		if (ev == RP_EVENT_ENTER && n->type == RP_NODE_DOCUMENT &&
		    n->meta != NULL && n->meta->kind == RP_DOC_RESOLUTION &&
		    n->meta->symbol != NULL) {
			*doc = n;
			break;
		}
	}
	rp_iter_free(it);
	return (*doc)->meta;
}

static rp_node *
child_of_type(const rp_node *n, rp_node_type type)
{
	rp_node *c;

	for (c = n->first; c != NULL && c->type != type; c = c->next)
		continue;
	return c;
}

static rp_node *
block_of_role(const rp_node *n, int role)
{
	rp_node *c;

	for (c = n != NULL ? n->first : NULL; c != NULL; c = c->next)
		if (c->type == RP_NODE_BLOCK && c->role == role)
			return c;
	return NULL;
}

/* The first DATE below n, as ISO. */
static const char *
first_date(const rp_node *n)
{
	const rp_node	*c;
	const char	*d;

	for (c = n->first; c != NULL; c = c->next) {
		if (c->type == RP_NODE_DATE && c->href != NULL)
			return c->href;
		if ((d = first_date(c)) != NULL)
			return d;
	}
	return NULL;
}

/* The adoption date: the adoption line's, else the closing formula's
 * ("77th plenary meeting, 22 December 2003"), else the reader's, which
 * may be the masthead's date of issue. */
static const char *
adoption_date(const rp_node *doc, const rp_meta *m)
{
	const rp_node	*pre = child_of_type(doc, RP_NODE_PREFACE);
	const rp_node	*b = block_of_role(pre, RP_ROLE_ADOPTION);
	const rp_node	*con = child_of_type(doc, RP_NODE_CONCLUSION);
	const char	*d;

	if (b != NULL && (d = first_date(b)) != NULL)
		return d;
	if (con != NULL && (d = first_date(con)) != NULL)
		return d;
	return m->date;
}

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Blanks collapsed, and the catalogue's debris at the end removed:
 * "Regional disarmament :" -> "Regional disarmament". */
static char *
clean_text(const char *s)
{
	char	*out = malloc(strlen(s) + 1), *p;

	if (out == NULL)
		return NULL;
	for (p = out; *s != '\0'; s++) {
		if (!is_blank((unsigned char)*s))
			*p++ = *s;
		else if (p > out && p[-1] != ' ')
			*p++ = ' ';
	}
	while (p > out && (p[-1] == ' ' || p[-1] == ':' || p[-1] == ';' ||
	    p[-1] == ',' || p[-1] == '/'))
		p--;
	*p = '\0';
	return out;
}

/* s cut after about max code points, at a word's end when there is one
 * near, with an ellipsis. */
static void
shorten(char *s, size_t max)
{
	size_t	 cps = 0, cut = 0, lastspace = 0;
	char	*p;

	for (p = s; *p != '\0'; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		if (cps == max) {
			cut = (size_t)(p - s);
			break;
		}
		if (*p == ' ')
			lastspace = (size_t)(p - s);
		cps++;
	}
	if (cut == 0)
		return;
	if (lastspace > cut / 2)
		cut = lastspace;
	while (cut > 0 && (s[cut - 1] == ',' || s[cut - 1] == ' ' ||
	    s[cut - 1] == ';'))
		cut--;
	strcpy(s + cut, "\xE2\x80\xA6");	/* U+2026 */
}

static char *
node_clean_text(const rp_node *n)
{
	rp_buf	 b;
	char	*s;

	rp_buf_init(&b);
	rp_node_text(n, &b);
	s = clean_text(b.data != NULL ? b.data : "");
	rp_buf_free(&b);
	return s;
}

/* The first operative paragraph, or the agenda item of the masthead. */
static int
subject_of(struct entry *e, const rp_node *doc)
{
	const rp_node	*pre = child_of_type(doc, RP_NODE_PREFACE);
	const rp_node	*agenda = block_of_role(pre, RP_ROLE_AGENDA);
	const rp_node	*body = child_of_type(doc, RP_NODE_BODY), *p;

	if (agenda != NULL) {
		e->subject_from = "agenda";
		e->subject = node_clean_text(agenda);
	} else if (body != NULL && (p = child_of_type(body,
	    RP_NODE_PARAGRAPH)) != NULL) {
		const rp_node *b = child_of_type(p, RP_NODE_BLOCK);

		e->subject_from = "text";
		e->subject = node_clean_text(b != NULL ? b : p);
	} else
		return 0;
	if (e->subject == NULL)
		return -1;
	shorten(e->subject, SUBJECT_MAX);
	return 0;
}

/* A title that is only the heading's date line ("of 31 May 1983") is
 * not a title. */
static int
is_date_line(const char *title, const rp_node *doc)
{
	const rp_node	*pre = child_of_type(doc, RP_NODE_PREFACE), *c;
	int		 same = 0;

	for (c = pre != NULL ? pre->first : NULL; c != NULL && !same;
	    c = c->next) {
		char *t;

		if (c->type != RP_NODE_BLOCK || c->role != RP_ROLE_TITLE ||
		    first_date(c) == NULL || (t = node_clean_text(c)) == NULL)
			continue;
		same = strcmp(t, title) == 0;
		free(t);
	}
	return same;
}

/* The distinct symbols a file cites, its own excepted. */
static int
collect_cites(struct entry *e, rp_node *root)
{
	rp_iter		*it;
	rp_event	 ev;
	size_t		 i;

	if ((it = rp_iter_new(root)) == NULL)
		return -1;
	while ((ev = rp_iter_next(it)) != RP_EVENT_DONE) {
		rp_node		*n = rp_iter_node(it);
		const char	*sym;
		char		**nc;

		if (ev != RP_EVENT_ENTER || n->type != RP_NODE_DOCREF ||
		    n->ref == NULL || (sym = n->ref->symbol) == NULL ||
		    (e->symbol != NULL && strcmp(sym, e->symbol) == 0))
			continue;
		for (i = 0; i < e->ncites && strcmp(e->cites[i], sym) != 0; i++)
			continue;
		if (i < e->ncites)
			continue;
		if ((nc = realloc(e->cites, (e->ncites + 1) *
		    sizeof(*nc))) == NULL ||
		    (e->cites = nc, nc[e->ncites] = xstrdup(sym)) == NULL) {
			rp_iter_free(it);
			return -1;
		}
		e->ncites++;
	}
	rp_iter_free(it);
	return 0;
}

/* The session in Roman numerals at s ("III)", "XXV)"), 0: none. */
static int
roman_session(const char *s)
{
	size_t	len;
	int	v = rp_roman_value(s, strlen(s), &len);

	return s[len] == ')' ? v : 0;
}

/* A/RES/58/136: the number opens with the session (since 1976); 217 A
 * (III): it ends with it (before); else the masthead's "Fifty-eighth
 * session". */
static int
session_of(const rp_meta *m)
{
	const char *paren;

	if (m->body == RP_BODY_GA && m->number != NULL &&
	    strchr(m->number, '/') != NULL && atoi(m->number) > 0)
		return atoi(m->number);
	if (m->body == RP_BODY_GA && m->symbol != NULL &&
	    (paren = strrchr(m->symbol, '(')) != NULL &&
	    roman_session(paren + 1) > 0)
		return roman_session(paren + 1);
	return m->session_number;
}

static int
dup_field(char **dst, const char *src)
{
	if (src == NULL)
		return 0;
	return (*dst = xstrdup(src)) == NULL ? -1 : 0;
}

int
meta_read(struct entry *e, rp_doc *d)
{
	static const rp_meta	 none;
	rp_node			*root = rp_doc_root(d), *doc;
	const rp_meta		*m = main_meta(root, &doc);

	if (m == NULL)
		m = &none;
	e->body = m->body;
	e->year = m->year;
	e->session = session_of(m);
	if (dup_field(&e->symbol, m->symbol) != 0 ||
	    dup_field(&e->lang, m->language) != 0 ||
	    dup_field(&e->number, m->number) != 0 ||
	    dup_field(&e->date, adoption_date(doc, m)) != 0)
		return -1;
	if (m->title != NULL && (e->title = clean_text(m->title)) == NULL)
		return -1;
	if (e->title != NULL && (*e->title == '\0' ||
	    is_date_line(e->title, doc))) {
		free(e->title);
		e->title = NULL;
	}
	if (e->title == NULL && subject_of(e, doc) != 0)
		return -1;
	if (e->year == 0 && e->date != NULL)
		e->year = atoi(e->date);
	return collect_cites(e, root);
}

/* Strings with numbers in numeric order: "S/RES/13" < "S/RES/100". */
int
natcmp(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
			char		*ea, *eb;
			unsigned long	 x = strtoul(a, &ea, 10);
			unsigned long	 y = strtoul(b, &eb, 10);

			if (x != y)
				return x < y ? -1 : 1;
			a = ea;
			b = eb;
		} else if (*a != *b)
			return (unsigned char)*a - (unsigned char)*b;
		else {
			a++;
			b++;
		}
	}
	return (unsigned char)*a - (unsigned char)*b;
}

void
entry_free(struct entry *e)
{
	size_t i;

	for (i = 0; i < e->ncites; i++)
		free(e->cites[i]);
	free(e->cites);
	free(e->src);
	free(e->stem);
	free(e->symbol);
	free(e->lang);
	free(e->number);
	free(e->date);
	free(e->title);
	free(e->subject);
	free(e->yearpage);
	free(e->work);
	memset(e, 0, sizeof(*e));
}
