/* read_akn.c -- Akoma Ntoso 3.0 XML into the document model: everything
 * write_akn.c produces maps back exactly (text -> AKN -> model -> AKN is
 * byte-identical), and AKN from other producers is read as far as it
 * goes: unknown elements keep their text, with a warning.
 *
 * The parser never loads a DTD, never substitutes entities and never
 * touches the network (no XXE). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "backend.h"
#include "write_akn.h"

/* One DOCUMENT being read: its footnotes, in order of appearance. */
struct rdoc {
	rp_node		*node;
	rp_node		*furniture;	/* appended last, as the model has it */
	rp_node		**notes;
	size_t		 nnotes, cap;
	int		 foreign;	/* not written by respub (no rp:meta) */
};

struct r {
	rp_doc		*doc;
	xmlHashTablePtr	 notes;	/* eId of a note -> its FOOTNOTE */
	struct rdoc	*cur;
	xmlHashTablePtr	 ids;	/* eId (or id) -> element, for documentRef */
	xmlHashTablePtr	 done;	/* components read already (by address) */
	int		 nested;	/* documentRefs being followed */
};

static void	read_block(struct r *, xmlNodePtr, rp_node *);
static void	read_blocks(struct r *, xmlNodePtr, rp_node *);
static void	read_inlines(struct r *, xmlNodePtr, rp_node *);
static void	read_container(struct r *, xmlNodePtr, rp_node *);
static rp_node	*read_document(struct r *, xmlNodePtr, rp_node *);

static int
is(xmlNodePtr x, const char *name)
{
	return x != NULL && x->type == XML_ELEMENT_NODE &&
	    xmlStrEqual(x->name, BAD_CAST name);
}

/* Whether x is an element named as one of names (NULL-terminated). */
static int
is_one_of(xmlNodePtr x, const char *const *names)
{
	for (; *names != NULL; names++)
		if (is(x, *names))
			return 1;
	return 0;
}

static int
line_of(xmlNodePtr x)
{
	long l = xmlGetLineNo(x);

	return l > 0 && l < 1000000000 ? (int)l : 0;
}

/* The column of an element's "<", found by columns() (libxml2 keeps
 * lines only); 0 for other nodes. */
static int
col_of(xmlNodePtr x)
{
	return x != NULL && x->type == XML_ELEMENT_NODE ?
	    (int)(intptr_t)x->psvi : 0;
}

/* What a message about x points at: x if it is an element, else the
 * element that holds it.  Text has no column of its own in libxml2, and
 * its line is where it ends, the closing tag's line. */
static xmlNodePtr
element_at(xmlNodePtr x)
{
	while (x != NULL && x->type != XML_ELEMENT_NODE)
		x = x->parent;
	return x;
}

/* Where columns() has read to, and the column (in characters) of that
 * place: counted on as it moves, once over the input, so that a file of
 * one long line costs no more than one of many. */
struct cursor {
	const char	*at, *end;
	int		 col;
};

/* Each element's start tag, in document order: the next "<name" from
 * the cursor on.  Its column (in characters) is kept in psvi, which
 * only schema validation uses, and this input is never validated. */
static void
columns(struct cursor *cu, xmlNodePtr x)
{
	const char	*p, *q;
	size_t		 n, k;

	for (; x != NULL; x = xmlNextElementSibling(x)) {
		n = strlen((const char *)x->name);
		for (p = cu->at; (p = memchr(p, '<', (size_t)(cu->end - p)));
		    p++) {
			q = p + 1;
			if (x->ns != NULL && x->ns->prefix != NULL) {
				k = strlen((const char *)x->ns->prefix);
				if ((size_t)(cu->end - q) <= k || memcmp(q,
				    x->ns->prefix, k) != 0 || q[k] != ':')
					continue;
				q += k + 1;
			}
			if ((size_t)(cu->end - q) > n && memcmp(q, x->name,
			    n) == 0 && strchr(" \t\r\n/>", q[n]) != NULL)
				break;
		}
		if (p == NULL)
			return;
		for (; cu->at <= p; cu->at++)
			cu->col = *cu->at == '\n' ? 1 : cu->col +
			    (((unsigned char)*cu->at & 0xC0) != 0x80);
		/* The column of the "<", which the cursor has just passed. */
		x->psvi = (void *)(intptr_t)(cu->col - 1);
		columns(cu, xmlFirstElementChild(x));
	}
}

static rp_node *
mk(struct r *r, rp_node *parent, rp_node_type t, xmlNodePtr x)
{
	rp_node *n = rp_node_new(r->doc, t, line_of(x), 1);

	if (parent != NULL)
		rp_node_append(parent, n);
	return n;
}

/* An attribute as a document string, or NULL. */
static const char *
attr(struct r *r, xmlNodePtr x, const char *name)
{
	xmlChar		*v = xmlGetProp(x, BAD_CAST name);
	const char	*s;

	if (v == NULL)
		return NULL;
	s = rp_doc_strdup(r->doc, (const char *)v);
	xmlFree(v);
	return s;
}

static int
attr_is(xmlNodePtr x, const char *name, const char *value)
{
	xmlChar	*v = xmlGetProp(x, BAD_CAST name);
	int	 eq = v != NULL && xmlStrEqual(v, BAD_CAST value);

	xmlFree(v);
	return eq;
}

/* The whole text under x, as a document string. */
static const char *
content(struct r *r, xmlNodePtr x)
{
	xmlChar		*v = xmlNodeGetContent(x);
	const char	*s = rp_doc_strdup(r->doc, v ? (const char *)v : "");

	xmlFree(v);
	return s;
}

static int
blank(const xmlChar *s)
{
	for (; s != NULL && *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Text that is more than layout. */
static int
has_text(xmlNodePtr x)
{
	return (x->type == XML_TEXT_NODE ||
	    x->type == XML_CDATA_SECTION_NODE) && !blank(x->content);
}

static void
unknown(struct r *r, xmlNodePtr x, const char *kept)
{
	rp_msg(r->doc, RP_WARNING, "akn-element", line_of(x), col_of(x),
	    "akn: element <%s> is not understood; kept as %s",
	    (const char *)x->name, kept);
}

/* Text appended to parent, joined with a TEXT before it. */
static void
add_text(struct r *r, rp_node *parent, const char *s, xmlNodePtr x)
{
	if (*s == '\0' || rp_text_extend(r->doc, parent, s, strlen(s)))
		return;
	mk(r, parent, RP_NODE_TEXT, x)->literal = rp_doc_strdup(r->doc, s);
}

/* The trailing number of an eId ("att_1__authorialNote_3" -> 3), or 0. */
static int
eid_index(const char *id)
{
	const char *u;

	if (id == NULL || (u = strrchr(id, '_')) == NULL || u[1] == '\0')
		return 0;
	for (const char *p = u + 1; *p; p++)
		if (*p < '0' || *p > '9')
			return 0;
	return atoi(u + 1);
}

static rp_body
body_of_actor(const char *a)
{
	int b;

	if (a == NULL)
		return RP_BODY_UNKNOWN;
	if (*a == '#')
		a++;
	for (b = RP_BODY_SC; b < RP_BODY__MAX; b++)
		if (strcmp(a, rp_body_actor((rp_body)b)) == 0)
			return (rp_body)b;
	return RP_BODY_UNKNOWN;
}

/* A footnote of the current document, found by eId later. */
static rp_node *
footnote(struct r *r, xmlNodePtr x)
{
	struct rdoc	*d = r->cur;
	rp_node		*fn = mk(r, NULL, RP_NODE_FOOTNOTE, x);
	const char	*id = attr(r, x, "eId");

	fn->num = attr(r, x, "marker");
	fn->index = eid_index(id);
	if (d->nnotes == d->cap) {
		size_t	  cap = d->cap ? 2 * d->cap : 8;
		rp_node	**p = rp_doc_alloc(r->doc, cap * sizeof(*p));

		if (d->nnotes > 0)
			memcpy(p, d->notes, d->nnotes * sizeof(*p));
		d->notes = p;
		d->cap = cap;
	}
	d->notes[d->nnotes++] = fn;
	if (id != NULL)
		xmlHashAddEntry(r->notes, BAD_CAST id, fn);
	read_blocks(r, x, fn);
	return fn;
}

/* "/akn/un/statement/deliberation/un-sc/2001-09-28/1373" and
 * "/akn/un/doc/symbol/A-59-754", as write_akn.c makes them. */
static rp_docref *
docref(struct r *r, const char *href, const char *title)
{
	static const char	 res[] = "/akn/un/statement/deliberation/";
	static const char	 sym[] = "/akn/un/doc/symbol/";
	rp_docref		*ref;
	const char		*a, *b;
	char			*num, *p;

	if (href == NULL)
		return NULL;
	if (strncmp(href, res, sizeof(res) - 1) == 0) {
		a = href + sizeof(res) - 1;
		if ((b = strchr(a, '/')) == NULL || strchr(b + 1, '/') == NULL)
			return NULL;
		ref = rp_doc_alloc(r->doc, sizeof(*ref));
		ref->body = body_of_actor(rp_doc_strndup(r->doc, a,
		    (size_t)(b - a)));
		a = b + 1;
		b = strchr(a, '/');
		if (b - a == 10)
			ref->date = rp_doc_strndup(r->doc, a, 10);
		ref->year = atoi(a);
		num = rp_doc_strdup(r->doc, b + 1);
		for (p = num; *p; p++)
			if (*p == '-')
				*p = '/';
		ref->number = num;
		ref->symbol = title;
		return ref;
	}
	if (strncmp(href, sym, sizeof(sym) - 1) == 0 && title != NULL) {
		ref = rp_doc_alloc(r->doc, sizeof(*ref));
		ref->symbol = title;
		return ref;
	}
	return NULL;
}

/* Inline elements whose text is kept and whose markup is made again by
 * the writer (from the metadata and block roles) or has no model. */
static int
transparent(xmlNodePtr x)
{
	static const char *const names[] = { "docAuthority", "docProponent",
	    "docNumber", "docTitle", "docType", "docStatus", "docCommittee",
	    "docketNumber",
	    "session", "event", "signature", "span", "sub", "sup", "u",
	    "inline", "organization", "person", "role", "location", "term",
	    "concept", "entity", "def", "quantity", "shortTitle", "docStage",
	    "docPurpose", "docJurisdiction", "docIntroducer", "legislature",
	    "party", "judge", "courtType", "neutralCitation", "affectedDocument",
	    "relatedDocument", "object", "process", "time", "abbr", "mref",
	    "rref", "del", "ins", "remark", "placeholder", "fillIn", "outcome",
	    "decoration", "embeddedText", "lawyer", "opinion", "mod",
	    "argument", NULL };

	return is_one_of(x, names);
}

/* A reference to the document being read, from its metadata, or NULL. */
static rp_docref *
own_ref(struct r *r)
{
	const rp_meta	*m = r->cur != NULL ? r->cur->node->meta : NULL;
	rp_docref	*ref;

	if (m == NULL || (m->symbol == NULL && m->number == NULL))
		return NULL;
	ref = rp_doc_alloc(r->doc, sizeof(*ref));
	memset(ref, 0, sizeof(*ref));
	ref->body = m->body;
	ref->symbol = m->symbol;
	ref->number = m->number;
	ref->year = m->year;
	return ref;
}

/* <noteRef href="#eId">: a reference to a note read already. */
static void
note_ref(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node		*n = mk(r, parent, RP_NODE_NOTEREF, x);
	const char	*h = attr(r, x, "href");

	n->num = attr(r, x, "marker");
	if (h != NULL && *h == '#')
		n->target = xmlHashLookup(r->notes, BAD_CAST (h + 1));
	if (n->target != NULL)
		n->target->count++;
	else
		rp_msg(r->doc, RP_WARNING, "akn-noteref",
		    line_of(x), col_of(x),
		    "akn: noteRef to %s: no such note", h ? h : "");
	read_inlines(r, x, parent);
}

static void
inline_element(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node		*n;
	rp_docref	*ref;
	const char	*h;

	if (is(x, "i") || is(x, "b")) {
		read_inlines(r, x, mk(r, parent, is(x, "i") ? RP_NODE_EMPH :
		    RP_NODE_STRONG, x));
	} else if (is(x, "a") && (h = attr(r, x, "href")) != NULL) {
		n = mk(r, parent, RP_NODE_LINK, x);
		n->href = h;
		read_inlines(r, x, n);
	} else if (is(x, "docNumber") && xmlFirstElementChild(x) == NULL &&
	    (ref = own_ref(r)) != NULL) {
		/* The masthead's number of this document (write_akn.c). */
		n = mk(r, parent, RP_NODE_DOCREF, x);
		n->ref = ref;
		read_inlines(r, x, n);
	} else if (is(x, "ref") && (h = attr(r, x, "href")) != NULL) {
		if ((ref = docref(r, h, attr(r, x, "title"))) != NULL) {
			n = mk(r, parent, RP_NODE_DOCREF, x);
			n->ref = ref;
		} else {
			/* A reference we cannot name a document by: a link. */
			n = mk(r, parent, RP_NODE_LINK, x);
			n->href = h;
		}
		read_inlines(r, x, n);
	} else if ((is(x, "date") || is(x, "docDate")) &&
	    (h = attr(r, x, "date")) != NULL) {
		n = mk(r, parent, RP_NODE_DATE, x);
		n->href = h;
		read_inlines(r, x, n);
	} else if (is(x, "authorialNote")) {
		n = mk(r, parent, RP_NODE_NOTEREF, x);
		n->target = footnote(r, x);
		n->num = n->target->num;
		n->target->count++;
	} else if (is(x, "noteRef"))
		note_ref(r, x, parent);
	else if (is(x, "br") || is(x, "eol") || is(x, "eop")) {
		add_text(r, parent, " ", x);
		/* Empty by the schema: text in one is kept all the same. */
		read_inlines(r, x, parent);
	} else {
		if (!transparent(x))
			unknown(r, x, "text");
		read_inlines(r, x, parent);
	}
}

static void
read_inline(struct r *r, xmlNodePtr x, rp_node *parent)
{
	switch (x->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		add_text(r, parent, (const char *)x->content, x);
		break;
	case XML_ENTITY_REF_NODE:
		rp_msg(r->doc, RP_WARNING, "akn-entity",
		    line_of(element_at(x)), col_of(element_at(x)),
		    "akn: entity &%s; is not expanded", (const char *)x->name);
		break;
	case XML_ELEMENT_NODE:
		inline_element(r, x, parent);
		break;
	default:
		break;
	}
}

static void
read_inlines(struct r *r, xmlNodePtr x, rp_node *parent)
{
	for (x = x->children; x != NULL; x = x->next)
		read_inline(r, x, parent);
}

static int
role_of(xmlNodePtr x)
{
	xmlChar	*c = xmlGetProp(x, BAD_CAST "class");
	int	 role, found = RP_ROLE_NONE;

	for (role = RP_ROLE_NONE + 1; c != NULL && role < RP_ROLE__MAX; role++)
		if (xmlStrEqual(c, BAD_CAST rp_role_name((rp_role)role)))
			found = role;
	xmlFree(c);
	return found;
}

/* The role of a preface line from another producer, by its markup. */
static int
role_by_markup(xmlNodePtr x, int in_title)
{
	static const struct {
		const char	*el;
		int		 role;
	} map[] = {
		{ "docAuthority", RP_ROLE_BODY },
		{ "docStatus", RP_ROLE_DISTRIBUTION },
		{ "docDate", RP_ROLE_DATE },
		{ "session", RP_ROLE_SESSION },
		{ "docCommittee", RP_ROLE_COMMITTEE },
		{ "docketNumber", RP_ROLE_JOB },
		{ "docType", RP_ROLE_DOCTYPE },
		{ "docTitle", RP_ROLE_TITLE },
		{ "docProponent", RP_ROLE_ADOPTION },
	};
	size_t i;

	for (x = x->children; x != NULL; x = x->next) {
		if (is(x, "docNumber"))
			return in_title ? RP_ROLE_NUMBER : RP_ROLE_SYMBOL;
		/* A docket is the print job only where AKN4UN says so; an
		 * EU procedure's "2013/0305 (COD)" is text of the page. */
		if (is(x, "docketNumber") && !attr_is(x, "refersTo",
		    "#publicationJobNumber"))
			continue;
		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (is(x, map[i].el))
				return map[i].role;
	}
	return RP_ROLE_NONE;
}

static rp_node *
read_p(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node *b = mk(r, parent, RP_NODE_BLOCK, x);

	b->role = role_of(x);
	read_inlines(r, x, b);
	return b;
}

/* The node type a blockContainer's class names (write_akn.c block()). */
static rp_node_type
type_of_class(xmlNodePtr x, int *vote)
{
	xmlChar	*c = xmlGetProp(x, BAD_CAST "class");
	int	 t, found = RP_NODE_NONE;

	*vote = -1;
	for (t = 0; c != NULL && t < 3; t++)
		if (xmlStrEqual(c, BAD_CAST rp_akn_vote_class(t))) {
			*vote = t;
			found = RP_NODE_VOTE_GROUP;
		}
	for (t = RP_NODE_FIRST_BLOCK; c != NULL && found == RP_NODE_NONE &&
	    t < RP_NODE_FIRST_INLINE; t++)
		if (t != RP_NODE_BLOCK && t != RP_NODE_LIST &&
		    t != RP_NODE_ITEM && t != RP_NODE_FOOTNOTE &&
		    xmlStrEqual(c, BAD_CAST rp_node_type_name((rp_node_type)t)))
			found = t;
	xmlFree(c);
	return (rp_node_type)found;
}

/* Whether x has an element child with element children: structure. */
static int
structured(xmlNodePtr x)
{
	for (x = x->children; x != NULL; x = x->next)
		if (x->type == XML_ELEMENT_NODE && (is(x, "p") ||
		    xmlFirstElementChild(x) != NULL))
			return 1;
	return 0;
}

static void
read_blocklist(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node	*list = NULL, *it;
	xmlNodePtr c;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "item")) {
			if (list == NULL)
				list = mk(r, parent, RP_NODE_LIST, x);
			it = mk(r, list, RP_NODE_ITEM, c);
			read_blocks(r, c, it);
		} else if (is(c, "listIntroduction") || is(c, "listWrapUp")) {
			read_blocks(r, c, parent);
		} else {
			read_block(r, c, parent);
		}
	}
	if (list == NULL)
		mk(r, parent, RP_NODE_LIST, x);
}

/* A vote group's count is the document's: AKN has no place for it. */
static int
votes_of(const rp_meta *m, int kind)
{
	return kind == RP_VOTE_FOR ? m->votes_for : kind == RP_VOTE_AGAINST ?
	    m->votes_against : m->votes_abstain;
}

/* Whether the model prints a num for n. */
static int
numbered(const rp_node *n)
{
	return n->type == RP_NODE_PARAGRAPH || n->type == RP_NODE_ITEM ||
	    n->type == RP_NODE_HEADING || n->type == RP_NODE_ANNEX ||
	    n->type == RP_NODE_SEPARATOR || n->type == RP_NODE_CONTAINER;
}

/* Marks the nodes of a run of text read already (in _private). */
static char run_read;

/* Elements of running text, which never make a block of their own. */
static int
inline_el(xmlNodePtr x)
{
	return x->type == XML_ELEMENT_NODE && (is(x, "i") || is(x, "b") ||
	    is(x, "a") || is(x, "ref") || is(x, "date") || is(x, "docDate") ||
	    is(x, "noteRef") || is(x, "br") || is(x, "eol") || is(x, "eop") ||
	    transparent(x));
}

/* Text and inline elements where blocks are expected ("based on <ref>
 * Article 114</ref>, which"): one paragraph, not one for each piece. */
static void
read_run(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node		*b = mk(r, parent, RP_NODE_BLOCK, x);
	xmlNodePtr	 at = element_at(x);

	rp_msg(r->doc, RP_WARNING, "akn-loose-text", line_of(at), col_of(at),
	    "akn: text outside a paragraph kept as a paragraph");
	for (; x != NULL && (x->type == XML_TEXT_NODE ||
	    x->type == XML_CDATA_SECTION_NODE || x->type ==
	    XML_ENTITY_REF_NODE || inline_el(x)); x = x->next) {
		read_inline(r, x, b);
		x->_private = &run_read;
	}
}

/* The units of a debate and a judgment that hold blocks: CONTAINERs. */
static int
container_el(xmlNodePtr x)
{
	return x->type == XML_ELEMENT_NODE &&
	    rp_akn_is_unit((const char *)x->name);
}

/* A <num> in a block context: the number of a node we model, else a
 * block of its own ("§ 301.", "XI." of an element we do not model). */
static void
read_num(struct r *r, xmlNodePtr x, rp_node *parent)
{
	if (parent->num == NULL && numbered(parent))
		parent->num = content(r, x);
	else
		read_inlines(r, x, mk(r, parent, RP_NODE_BLOCK, x));
}

/* A <blockContainer> whose class names a node of the model (t): a vote
 * group with its count, a separator with its number and text, else a
 * node holding blocks. */
static void
read_typed_container(struct r *r, xmlNodePtr x, rp_node *parent,
    rp_node_type t, int vote)
{
	rp_node		*n = mk(r, parent, t, x);
	xmlNodePtr	 p;

	n->name = attr(r, x, "title");
	if (t == RP_NODE_VOTE_GROUP) {
		n->role = vote;
		n->count = votes_of(r->cur->node->meta, vote);
	}
	if (t != RP_NODE_SEPARATOR) {
		read_blocks(r, x, n);
		return;
	}
	for (p = xmlFirstElementChild(x); p != NULL && !is(p, "p");
	    p = xmlNextElementSibling(p))
		if (is(p, "num"))
			n->num = content(r, p);
	n->literal = p ? content(r, p) : "";
}

/* An element in a block context: p, blockList, blockContainer... */
static void
read_block_element(struct r *r, xmlNodePtr x, rp_node *parent)
{
	rp_node_type	 t;
	int		 vote;

	if (is(x, "p"))
		read_p(r, x, parent);
	else if (is(x, "num"))
		read_num(r, x, parent);
	else if (is(x, "blockList"))
		read_blocklist(r, x, parent);
	else if (is(x, "blockContainer") &&
	    (t = type_of_class(x, &vote)) != RP_NODE_NONE)
		read_typed_container(r, x, parent, t, vote);
	else if (is(x, "blockContainer") || is(x, "container") ||
	    is(x, "div") || is(x, "content"))
		read_blocks(r, x, parent);
	else if (is(x, "authorialNote"))
		read_inline(r, x, mk(r, parent, RP_NODE_BLOCK, x));
	else if (container_el(x))
		read_container(r, x, parent);
	else if (structured(x)) {
		unknown(r, x, "its blocks");
		read_blocks(r, x, parent);
	} else {
		unknown(r, x, "a paragraph");
		read_inlines(r, x, mk(r, parent, RP_NODE_BLOCK, x));
	}
}

/* One node in a block context: text and inlines make a run. */
static void
read_block(struct r *r, xmlNodePtr x, rp_node *parent)
{
	int	text = x->type == XML_TEXT_NODE ||
	    x->type == XML_CDATA_SECTION_NODE;

	if (x->_private == &run_read)
		return;
	if ((text && !blank(x->content)) || inline_el(x))
		read_run(r, x, parent);
	else if (x->type == XML_ENTITY_REF_NODE)
		read_inline(r, x, parent);
	else if (x->type == XML_ELEMENT_NODE)
		read_block_element(r, x, parent);
}

static void
read_blocks(struct r *r, xmlNodePtr x, rp_node *parent)
{
	for (x = x->children; x != NULL; x = x->next)
		read_block(r, x, parent);
}

/* A node of a foreign document remembers the element it was read from,
 * and its eId, so that the AKN writer can give its structure back (an
 * act's <section eId="sec_1">); a generic container with its name. */
static rp_node *
keep_element(struct r *r, xmlNodePtr x, rp_node *n)
{
	xmlChar *name;

	if (r->cur == NULL || !r->cur->foreign)
		return n;
	n->id = attr(r, x, "eId");
	n->name = rp_doc_strdup(r->doc, (const char *)x->name);
	if ((is(x, "hcontainer") || is(x, "debateSection")) &&
	    (name = xmlGetProp(x, BAD_CAST "name")) != NULL) {
		n->name = rp_doc_alloc(r->doc, strlen((const char *)x->name) +
		    strlen((const char *)name) + 2);
		sprintf((char *)n->name, "%s %s", (const char *)x->name,
		    (const char *)name);
		xmlFree(name);
	}
	return n;
}

/* A speech's role, addressee and times, or NULL when it has none. */
static const rp_speech *
speech_of(struct r *r, xmlNodePtr x)
{
	rp_speech s = { attr(r, x, "as"), attr(r, x, "to"),
	    attr(r, x, "startTime"), attr(r, x, "endTime") };
	rp_speech *p;

	if (s.as == NULL && s.to == NULL && s.start == NULL && s.end == NULL)
		return NULL;
	p = rp_doc_alloc(r->doc, sizeof(*p));
	*p = s;
	return p;
}

/* A debate's section or speech, a judgment's motivation...: a
 * CONTAINER with its number, the element and eId of a foreign one, and
 * its speaker; its heading, speaker line and the running text of a
 * debate (scene, narrative, summary) BLOCKs named after them. */
static void
read_container(struct r *r, xmlNodePtr x, rp_node *parent)
{
	static const char *const lines[] = { "heading", "subheading", "from",
	    "scene", "narrative", "summary", NULL };
	rp_node		*n = keep_element(r, x, mk(r, parent,
			    RP_NODE_CONTAINER, x));
	xmlNodePtr	 c;

	/* Only a speech has a speaker, and the rest with it. */
	if ((n->href = attr(r, x, "by")) != NULL)
		n->speech = speech_of(r, x);
	for (c = x->children; c != NULL; c = c->next)
		if (is(c, "num") && n->num == NULL)
			n->num = content(r, c);
		else if (is_one_of(c, lines))
			read_inlines(r, c, keep_element(r, c, mk(r, n,
			    RP_NODE_BLOCK, c)));
		else
			read_block(r, c, n);
}

/* Hierarchical containers of acts and others, read as paragraphs. */
static int
is_hier(xmlNodePtr x)
{
	static const char *const names[] = { "paragraph", "point",
	    "subparagraph", "section", "subsection", "article", "chapter",
	    "subchapter", "part", "subpart", "title", "subtitle", "book",
	    "tome", "division", "subdivision", "clause", "subclause", "alinea",
	    "indent", "sublist", "level", "rule", "subrule", "proviso",
	    "transitional", "hcontainer", NULL };

	return is_one_of(x, names);
}

static void read_hier(struct r *, xmlNodePtr, rp_node *);

/* A <list>: its intro before a LIST in node, its wrapUp after it. */
static void
read_list(struct r *r, xmlNodePtr x, rp_node *node)
{
	rp_node		*list = NULL;
	xmlNodePtr	 c;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "intro")) {
			read_blocks(r, c, node);
		} else if (is(c, "wrapUp")) {
			if (list == NULL)
				list = mk(r, node, RP_NODE_LIST, x);
			read_blocks(r, c, node);
		} else if (is_hier(c)) {
			if (list == NULL)
				list = keep_element(r, x, mk(r, node, RP_NODE_LIST,
				    x));
			read_hier(r, c, keep_element(r, c, mk(r, list,
			    RP_NODE_ITEM, c)));
		} else {
			if (c->type == XML_ELEMENT_NODE)
				unknown(r, c, "its text");
			read_block(r, c, node);
		}
	}
	if (list == NULL)
		keep_element(r, x, mk(r, node, RP_NODE_LIST, x));
}

/* A <paragraph> or <point> into node (PARAGRAPH, ITEM). */
static void
read_hier(struct r *r, xmlNodePtr x, rp_node *node)
{
	xmlNodePtr	 c;
	rp_node		*list = NULL;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "num")) {
			node->num = content(r, c);
		} else if (is(c, "content") || is(c, "intro") ||
		    is(c, "wrapUp")) {
			read_blocks(r, c, node);
			list = NULL;
		} else if (is(c, "list")) {
			read_list(r, c, node);
			list = NULL;
		} else if (is(c, "heading") || is(c, "subheading") ||
		    is(c, "crossHeading")) {
			read_inlines(r, c, keep_element(r, c, mk(r, node,
			    RP_NODE_BLOCK, c)));
		} else if (is_hier(c)) {
			/* Sub-levels without a <list>: one LIST for a run. */
			if (list == NULL)
				list = mk(r, node, RP_NODE_LIST, c);
			read_hier(r, c, keep_element(r, c, mk(r, list,
			    RP_NODE_ITEM, c)));
		} else
			read_block(r, c, node);
	}
}

/* The first <p> under x, or NULL. */
static xmlNodePtr
first_p(xmlNodePtr x)
{
	xmlNodePtr c, p;

	for (c = xmlFirstElementChild(x); c != NULL;
	    c = xmlNextElementSibling(c)) {
		if (is(c, "p"))
			return c;
		if ((p = first_p(c)) != NULL)
			return p;
	}
	return NULL;
}

static void
read_body(struct r *r, xmlNodePtr x, rp_node *body)
{
	xmlNodePtr	 c, k, p;
	rp_node		*n, *b;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "hcontainer") && attr_is(c, "name", "separator")) {
			n = mk(r, body, RP_NODE_SEPARATOR, c);
			p = first_p(c);
			n->literal = p ? content(r, p) : "";
		} else if (is(c, "hcontainer") && attr_is(c, "name", "heading")) {
			n = mk(r, body, RP_NODE_HEADING, c);
			for (k = c->children; k != NULL; k = k->next) {
				if (is(k, "num"))
					n->num = content(r, k);
				else if (is(k, "heading")) {
					b = mk(r, n, RP_NODE_BLOCK, k);
					b->role = role_of(k);
					read_inlines(r, k, b);
				} else
					read_block(r, k, n);
			}
		} else if (is(c, "hcontainer") && attr_is(c, "class", "formula")) {
			n = mk(r, body, RP_NODE_FORMULA, c);
			n->name = attr(r, c, "name");
			read_blocks(r, c, n);
		} else if (is_hier(c)) {
			read_hier(r, c, keep_element(r, c, mk(r, body,
			    RP_NODE_PARAGRAPH, c)));
		} else
			read_block(r, c, body);
	}
}

static void
read_preamble(struct r *r, xmlNodePtr x, rp_node *pre)
{
	xmlNodePtr	 c;
	rp_node		*n;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "formula")) {
			n = mk(r, pre, RP_NODE_FORMULA, c);
			n->name = attr(r, c, "name");
			read_blocks(r, c, n);
		} else if (is(c, "container")) {
			n = mk(r, pre, RP_NODE_PARAGRAPH, c);
			n->name = attr(r, c, "name");
			if (n->name && strcmp(n->name, RP_AKN_PREAMBULAR) == 0)
				n->name = NULL;
			read_blocks(r, c, n);
		} else if (is(c, "recitals") || is(c, "citations")) {
			read_preamble(r, c, pre);
		} else if (is(c, "recital") || is(c, "citation")) {
			read_hier(r, c, mk(r, pre, RP_NODE_PARAGRAPH, c));
		} else
			read_block(r, c, pre);
	}
}

/* Preface and conclusions: their containers only group lines. */
static void
read_lines(struct r *r, xmlNodePtr x, rp_node *part, int in_title)
{
	xmlNodePtr	 c;
	rp_node		*b;

	for (c = x->children; c != NULL; c = c->next) {
		if (is(c, "container") || is(c, "longTitle")) {
			read_lines(r, c, part, is(c, "longTitle"));
		} else if (is(c, "p")) {
			b = read_p(r, c, part);
			if (b->role == RP_ROLE_NONE &&
			    part->type == RP_NODE_PREFACE)
				b->role = role_by_markup(c, in_title);
		} else
			read_block(r, c, part);
	}
}

/* The element of <references> whose eId "#id" names, or NULL. */
static xmlNodePtr
reference_of(xmlNodePtr meta, const xmlChar *href)
{
	xmlNodePtr	 refs, t;
	int		 eq;

	if (href == NULL || href[0] != '#')
		return NULL;
	for (refs = xmlFirstElementChild(meta); refs != NULL;
	    refs = xmlNextElementSibling(refs)) {
		if (!is(refs, "references"))
			continue;
		for (t = xmlFirstElementChild(refs); t != NULL;
		    t = xmlNextElementSibling(t)) {
			xmlChar *id = xmlGetProp(t, BAD_CAST "eId");

			eq = id != NULL && xmlStrEqual(id, href + 1);
			xmlFree(id);
			if (eq)
				return t;
		}
	}
	return NULL;
}

/* The body a FRBRauthor points to: "#un-sc", or a TLCOrganization whose
 * href ends in an actor ("#unsc" -> ".../un-sc"). */
static rp_body
author_body(xmlNodePtr meta, const xmlChar *href)
{
	xmlNodePtr	 t;
	xmlChar		*h;
	rp_body		 b;
	const char	*slash;

	if (href == NULL || href[0] != '#')
		return RP_BODY_UNKNOWN;
	if ((b = body_of_actor((const char *)href + 1)) != RP_BODY_UNKNOWN)
		return b;
	if ((t = reference_of(meta, href)) == NULL ||
	    (h = xmlGetProp(t, BAD_CAST "href")) == NULL)
		return RP_BODY_UNKNOWN;
	slash = strrchr((const char *)h, '/');
	b = body_of_actor(slash ? slash + 1 : (const char *)h);
	xmlFree(h);
	return b;
}

/* v's @value into *slot if v is an el; whether it is. */
static int
value_of(struct r *r, xmlNodePtr v, const char *el, const char **slot)
{
	if (!is(v, el))
		return 0;
	*slot = attr(r, v, "value");
	return 1;
}

/* The TLC element of <references> that FRBRauthor v names. */
/* The element of the <references> of meta's document, or of a document
 * that holds it, whose eId "#id" names (an eId is declared once in a
 * file, in the first document that uses it), or NULL. */
static xmlNodePtr
reference_around(xmlNodePtr meta, const xmlChar *href)
{
	xmlNodePtr a, m, t;

	if ((t = reference_of(meta, href)) != NULL)
		return t;
	for (a = meta->parent ? meta->parent->parent : NULL; a != NULL &&
	    a->type == XML_ELEMENT_NODE; a = a->parent)
		for (m = xmlFirstElementChild(a); m != NULL;
		    m = xmlNextElementSibling(m))
			if (is(m, "meta") && (t = reference_of(m, href)) != NULL)
				return t;
	return NULL;
}

static void
work_author(struct r *r, xmlNodePtr meta, xmlNodePtr v, rp_akn_source *s)
{
	xmlChar		*h = xmlGetProp(v, BAD_CAST "href");
	xmlNodePtr	 t;

	if ((t = reference_around(meta, h)) != NULL) {
		s->author_el = rp_doc_strdup(r->doc, (const char *)t->name);
		s->author_eid = attr(r, t, "eId");
		s->author_href = attr(r, t, "href");
		s->author_show = attr(r, t, "showAs");
	}
	xmlFree(h);
}

/* FRBRthis, FRBRuri and FRBRdate of one level f of <identification>;
 * of FRBRWork (s not NULL), its own fields and its author too. */
static void
frbr_level(struct r *r, xmlNodePtr meta, xmlNodePtr f, rp_frbr *l,
    rp_akn_source *s)
{
	xmlNodePtr v;

	for (v = xmlFirstElementChild(f); v != NULL;
	    v = xmlNextElementSibling(v)) {
		if (value_of(r, v, "FRBRthis", &l->this_iri) ||
		    value_of(r, v, "FRBRuri", &l->uri))
			continue;
		if (is(v, "FRBRdate")) {
			l->date = attr(r, v, "date");
			l->date_name = attr(r, v, "name");
		} else if (s != NULL && value_of(r, v, "FRBRnumber",
		    &s->number)) {
			s->number_show = attr(r, v, "showAs");
		} else if (s != NULL && !value_of(r, v, "FRBRcountry",
		    &s->country) && !value_of(r, v, "FRBRsubtype",
		    &s->subtype) && !value_of(r, v, "FRBRname", &s->work_name) &&
		    is(v, "FRBRauthor") && s->author_el == NULL)
			work_author(r, meta, v, s);
	}
}

/* The identity of document x as its source gave it, for the AKN writer
 * to give back (rp_akn_source). */
static const rp_akn_source *
source_identity(struct r *r, xmlNodePtr x)
{
	rp_akn_source	*s = rp_doc_alloc(r->doc, sizeof(*s));
	xmlNodePtr	 meta, id, f;

	memset(s, 0, sizeof(*s));
	s->doctype = rp_doc_strdup(r->doc, (const char *)x->name);
	s->name = attr(r, x, "name");
	s->included_in = attr(r, x, "includedIn");
	for (meta = xmlFirstElementChild(x); meta != NULL && !is(meta, "meta");
	    meta = xmlNextElementSibling(meta))
		continue;
	for (id = meta ? xmlFirstElementChild(meta) : NULL; id != NULL;
	    id = xmlNextElementSibling(id))
		for (f = is(id, "identification") ? xmlFirstElementChild(id) :
		    NULL; f != NULL; f = xmlNextElementSibling(f))
			if (is(f, "FRBRWork"))
				frbr_level(r, meta, f, &s->work, s);
			else if (is(f, "FRBRExpression"))
				frbr_level(r, meta, f, &s->expression, NULL);
			else if (is(f, "FRBRManifestation"))
				frbr_level(r, meta, f, &s->manifestation, NULL);
	return s;
}

static int
int_attr(xmlNodePtr x, const char *name, int def)
{
	xmlChar	*v = xmlGetProp(x, BAD_CAST name);
	int	 i = v ? atoi((const char *)v) : def;

	xmlFree(v);
	return i;
}

/* The page furniture of the source, kept apart by the text reader. */
static void
furniture(struct r *r, xmlNodePtr meta)
{
	xmlNodePtr	 x;
	rp_node		*b;
	xmlChar		*s;

	for (x = xmlFirstElementChild(meta); x != NULL;
	    x = xmlNextElementSibling(x)) {
		if (!is(x, "furniture"))
			continue;
		if (r->cur->furniture == NULL)
			r->cur->furniture = mk(r, NULL, RP_NODE_FURNITURE, x);
		b = mk(r, r->cur->furniture, RP_NODE_BLOCK, x);
		b->line = int_attr(x, "line", b->line);	/* in the source */
		s = xmlNodeGetContent(x);
		add_text(r, b, s ? (const char *)s : "", x);
		xmlFree(s);
	}
}

/* Our exact metadata, when the file is ours (write_akn.c meta_tail);
 * whether it was there. */
static int
read_proprietary(struct r *r, xmlNodePtr x, rp_meta *m)
{
	int found = 0;

	static const char *const kinds[] = { "resolution", "annex", "letter" };
	int		 k;

	for (x = xmlFirstElementChild(x); x != NULL;
	    x = xmlNextElementSibling(x)) {
		if (x->ns == NULL || !xmlStrEqual(x->ns->href,
		    BAD_CAST RP_AKN_META_NS) || !is(x, "meta"))
			continue;
		found = 1;
		for (k = 0; k < 3; k++)
			if (attr_is(x, "kind", kinds[k]))
				m->kind = (rp_doc_kind)k;
		m->body = body_of_actor(attr(r, x, "body"));
		m->symbol = attr(r, x, "symbol");
		m->number = attr(r, x, "number");
		m->year = int_attr(x, "year", 0);
		m->date = attr(r, x, "date");
		m->meeting = attr(r, x, "meeting");
		m->meeting_number = int_attr(x, "meetingNumber", 0);
		m->session = attr(r, x, "session");
		m->session_number = int_attr(x, "sessionNumber", 0);
		m->language = attr(r, x, "language");
		m->title = attr(r, x, "title");
		m->distribution = attr(r, x, "distribution");
		m->annex_number = int_attr(x, "annexNumber", 0);
		m->votes_for = int_attr(x, "votesFor", -1);
		m->votes_against = int_attr(x, "votesAgainst", -1);
		m->votes_abstain = int_attr(x, "votesAbstain", -1);
		furniture(r, x);
	}
	return found;
}

/* "1377 (2001)", as FRBRnumber@showAs cites it, without the year. */
static const char *
bare_number(struct r *r, const char *s)
{
	size_t n = s ? strlen(s) : 0;

	if (n > 7 && s[n - 7] == ' ' && s[n - 6] == '(' && s[n - 1] == ')')
		return rp_doc_strndup(r->doc, s, n - 7);
	return s;
}

/* <meta>: FRBR first (any producer), then our own exact copy; whether
 * that copy was there. */
static int
read_meta(struct r *r, xmlNodePtr meta, rp_meta *m)
{
	xmlNodePtr	 x, f, v;
	xmlChar		*h;
	const char	*d;
	int		 exact = 0;

	for (x = xmlFirstElementChild(meta); x != NULL;
	    x = xmlNextElementSibling(x)) {
		if (is(x, "identification")) {
			for (f = xmlFirstElementChild(x); f != NULL;
			    f = xmlNextElementSibling(f))
				for (v = xmlFirstElementChild(f); v != NULL;
				    v = xmlNextElementSibling(v)) {
					if (is(v, "FRBRalias") &&
					    attr_is(v, "name", "unSymbol"))
						m->symbol = attr(r, v, "value");
					else if (is(v, "FRBRnumber"))
						m->number = bare_number(r,
						    attr(r, v, "showAs"));
					else if (is(v, "FRBRlanguage"))
						m->language = attr(r, v,
						    "language");
					else if (is(f, "FRBRWork") &&
					    is(v, "FRBRauthor")) {
						h = xmlGetProp(v,
						    BAD_CAST "href");
						m->body = author_body(meta, h);
						xmlFree(h);
					} else if (is(f, "FRBRWork") &&
					    is(v, "FRBRdate") &&
					    (d = attr(r, v, "date")) != NULL &&
					    !attr_is(v, "name", "unknown")) {
						m->year = atoi(d);
						if (attr_is(v, "name",
						    "adoption"))
							m->date = d;
					}
				}
		} else if (is(x, "notes")) {
			for (f = xmlFirstElementChild(x); f != NULL;
			    f = xmlNextElementSibling(f))
				if (is(f, "note"))
					footnote(r, f);
		} else if (is(x, "proprietary"))
			exact |= read_proprietary(r, x, m);
	}
	return exact;
}

/* The text of the first element called name under x, or NULL. */
static const char *
find_text(struct r *r, xmlNodePtr x, const char *name)
{
	const char *s;

	for (x = xmlFirstElementChild(x); x != NULL;
	    x = xmlNextElementSibling(x)) {
		if (is(x, name))
			return content(r, x);
		if ((s = find_text(r, x, name)) != NULL)
			return s;
	}
	return NULL;
}

/* The footnotes of a document, in their order of definition. */
static void
notes(struct r *r, struct rdoc *d)
{
	rp_node	*ns, *t;
	size_t	 i, j;
	int	 max = 0;

	if (d->nnotes == 0)
		return;
	for (i = 0; i < d->nnotes; i++)
		for (j = 0; j < i; j++)
			if (d->notes[j]->index == d->notes[i]->index)
				d->notes[i]->index = 0;
	for (i = 0; i < d->nnotes; i++)
		if (d->notes[i]->index > max)
			max = d->notes[i]->index;
	for (i = 0; i < d->nnotes; i++)
		if (d->notes[i]->index <= 0)
			d->notes[i]->index = ++max;
	for (i = 1; i < d->nnotes; i++)
		for (j = i; j > 0 && d->notes[j - 1]->index >
		    d->notes[j]->index; j--) {
			t = d->notes[j];
			d->notes[j] = d->notes[j - 1];
			d->notes[j - 1] = t;
		}
	ns = mk(r, d->node, RP_NODE_NOTES, NULL);
	for (i = 0; i < d->nnotes; i++)
		rp_node_append(ns, d->notes[i]);
}

/* What a documentRef may name in the file: an eId (or id), or the IRI
 * (FRBRthis, FRBRuri) of a document; the last of a name wins, since
 * references point ahead, to the components after a collection. */
static void
index_ids(struct r *r, xmlNodePtr x)
{
	xmlChar *id;

	for (; x != NULL; x = xmlNextElementSibling(x)) {
		if ((id = xmlGetProp(x, BAD_CAST "eId")) != NULL ||
		    (id = xmlGetProp(x, BAD_CAST "id")) != NULL)
			xmlHashUpdateEntry(r->ids, id, x, NULL);
		xmlFree(id);
		if ((is(x, "FRBRthis") || is(x, "FRBRuri")) &&
		    is(x->parent->parent, "identification") &&
		    (id = xmlGetProp(x, BAD_CAST "value")) != NULL) {
			if (*id != '\0')
				xmlHashUpdateEntry(r->ids, id,
				    x->parent->parent->parent->parent, NULL);
			xmlFree(id);
		}
		index_ids(r, xmlFirstElementChild(x));
	}
}

/* The element a documentRef's href names in this file, or NULL. */
static xmlNodePtr
ref_target(struct r *r, xmlNodePtr ref, const xmlChar *h)
{
	if (h == NULL)
		return NULL;
	if (r->ids == NULL) {
		if ((r->ids = xmlHashCreate(64)) == NULL)
			return NULL;
		index_ids(r, xmlDocGetRootElement(ref->doc));
	}
	return xmlHashLookup(r->ids, h[0] == '#' ? h + 1 : h);
}

/* Mark a component or document read; whether it was read before. */
static int
read_before(struct r *r, xmlNodePtr x)
{
	char key[32];

	snprintf(key, sizeof(key), "%p", (void *)x);
	return xmlHashAddEntry(r->done, BAD_CAST key, x) != 0;
}

static int
is_ancestor(xmlNodePtr a, xmlNodePtr x)
{
	for (; x != NULL; x = x->parent)
		if (x == a)
			return 1;
	return 0;
}

static void attach(struct r *, xmlNodePtr, rp_node *, int);

/* <documentRef href="#cmp_1">: the component it names, read in its
 * place; one the file does not hold is said, not silently dropped, and
 * its address kept (the ANNEX's href). */
static void
follow_ref(struct r *r, xmlNodePtr ref, rp_node *an, int natt)
{
	xmlChar		*h = xmlGetProp(ref, BAD_CAST "href");
	xmlNodePtr	 t, e;

	if ((t = ref_target(r, ref, h)) == NULL && h != NULL && an->href == NULL)
		an->href = rp_doc_strdup(r->doc, (const char *)h);
	if (t == NULL || is_ancestor(t, ref) || r->nested >= 32)
		rp_msg(r->doc, RP_WARNING, "akn-document-ref",
		    line_of(ref), col_of(ref),
		    "akn: <documentRef> to %s: %s", h ? (char *)h : "nothing",
		    t == NULL ? "not in this file, not read" :
		    "a document that holds it, not read again");
	else if (!is(t, "component") && !is(t, "attachment")) {
		r->nested++;
		attach(r, t, an, natt);
		r->nested--;
	} else if (!read_before(r, t)) {
		r->nested++;
		for (e = xmlFirstElementChild(t); e != NULL;
		    e = xmlNextElementSibling(e))
			attach(r, e, an, natt);
		r->nested--;
	}
	xmlFree(h);
}

/* One element of an attachment or component into its ANNEX. */
static void
attach(struct r *r, xmlNodePtr e, rp_node *an, int natt)
{
	rp_node *d;

	if (is(e, "heading") || is(e, "num")) {
		an->num = content(r, e);
	} else if (is(e, "subheading")) {
		an->name = content(r, e);
	} else if (is(e, "documentRef")) {
		if (an->name == NULL)
			an->name = attr(r, e, "showAs");
		follow_ref(r, e, an, natt);
	} else if (is(e, "interstitial") || is(e, "toc") || has_text(e)) {
		/* Text between the documents: a document of its own. */
		d = rp_document_new(r->doc, RP_DOC_ANNEX, line_of(e), 1);
		rp_node_append(an, d);
		if (has_text(e))
			read_block(r, e, mk(r, d, RP_NODE_BODY, e));
		else
			read_blocks(r, e, mk(r, d, RP_NODE_BODY, e));
	} else if (e->type != XML_ELEMENT_NODE) {
		return;
	} else if (!read_before(r, e) &&
	    read_document(r, e, an)->meta->annex_number == 0) {
		an->last->meta->annex_number = natt;
	}
}

/* An <attachment> or <component> (k) of dn, or text between them: one
 * ANNEX. */
static void
read_attachment(struct r *r, xmlNodePtr k, rp_node *dn, int natt)
{
	rp_node		*an = mk(r, dn, RP_NODE_ANNEX, k);
	xmlNodePtr	 e;

	if (k->type != XML_ELEMENT_NODE)
		attach(r, k, an, natt);
	for (e = k->children; e != NULL; e = e->next)
		attach(r, e, an, natt);
	if (an->first == NULL && an->num == NULL && an->href == NULL)
		rp_node_unlink(an);
}

/* ------------------------------------------------------------ whitespace
 * Another producer's file is pretty-printed: its line breaks and
 * indentation are layout, not text ("Proposal for a\n        REGULATION").
 * Runs of white space become one space, none at a block's start or end,
 * as a browser shows it; our own files are read byte for byte. */

static int
xml_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s with its white space runs made one space; *space says whether the
 * text before ended with one (or is the block's start). */
static const char *
squeeze(struct r *r, const char *s, int *space)
{
	size_t	 n = strlen(s), k = 0;
	char	*t = rp_doc_alloc(r->doc, n + 1);

	for (; *s; s++) {
		if (!xml_space(*s))
			t[k++] = *s;
		else if (!*space)
			t[k++] = ' ';
		*space = xml_space(*s);
	}
	t[k] = '\0';
	return t;
}

/* A string of the metadata or a number, squeezed and trimmed. */
static const char *
squeeze_str(struct r *r, const char *s)
{
	int	 space = 1;
	char	*t;
	size_t	 n;

	if (s == NULL)
		return NULL;
	t = (char *)squeeze(r, s, &space);
	n = strlen(t);
	if (n > 0 && t[n - 1] == ' ')
		t[n - 1] = '\0';
	return t;
}

static rp_node *
last_text(rp_node *n)
{
	while (n != NULL && n->type != RP_NODE_TEXT &&
	    n->type >= RP_NODE_FIRST_INLINE)
		n = n->last;
	return n != NULL && n->type == RP_NODE_TEXT ? n : NULL;
}

/* One inline node, its text squeezed (an empty one goes). */
static void
squeeze_inline(struct r *r, rp_node *n, int *space)
{
	rp_node *c, *next;

	if (n->type == RP_NODE_TEXT) {
		n->literal = squeeze(r, n->literal, space);
		if (*n->literal == '\0')
			rp_node_unlink(n);
		return;
	}
	if (n->type == RP_NODE_NOTEREF)	/* its marker is printed */
		*space = 0;
	for (c = n->first; c != NULL; c = next) {
		next = c->next;
		squeeze_inline(r, c, space);
	}
}

/* The white space of n's text, and of the blocks under it (but not of
 * an annexed document: it is read, and tidied, on its own). */
static void
tidy(struct r *r, rp_node *n)
{
	rp_node		*c, *next, *t;
	int		 space = 1;
	size_t		 len;

	n->num = squeeze_str(r, n->num);
	n->name = n->type == RP_NODE_ANNEX || n->type == RP_NODE_HEADING ?
	    squeeze_str(r, n->name) : n->name;
	for (c = n->first; c != NULL; c = next) {
		next = c->next;
		if (c->type >= RP_NODE_FIRST_INLINE) {
			squeeze_inline(r, c, &space);
			continue;
		}
		space = 1;
		if (c->type != RP_NODE_DOCUMENT)
			tidy(r, c);
	}
	t = last_text(n->last);
	if (t != NULL && (len = strlen(t->literal)) > 0 &&
	    t->literal[len - 1] == ' ')
		t->literal = rp_doc_strndup(r->doc, t->literal, len - 1);
	if (t != NULL && *t->literal == '\0')
		rp_node_unlink(t);
	if (n->type == RP_NODE_DOCUMENT)
		n->meta->title = squeeze_str(r, n->meta->title);
}

/* The main part of any kind of document. */
static int
is_body(xmlNodePtr x)
{
	static const char *const names[] = { "mainBody", "body",
	    "mainContent", "judgmentBody", "debateBody", "portionBody",
	    "amendmentBody", NULL };

	return is_one_of(x, names);
}

/* A document's kind: a letter, an annex (any document inside another
 * but a statement), else a resolution. */
static rp_doc_kind
document_kind(xmlNodePtr x, const rp_node *annex)
{
	if (attr_is(x, "name", "letter"))
		return RP_DOC_LETTER;
	if (attr_is(x, "name", "annex") ||
	    (annex != NULL && !is(x, "statement")))
		return RP_DOC_ANNEX;
	return RP_DOC_RESOLUTION;
}

/* One child c of a document element into dn: its meta, a part, its
 * attachments, or stray blocks.  Returns whether meta made the
 * document exact (written by respub). */
static int
read_document_part(struct r *r, xmlNodePtr c, rp_node *dn, int *natt)
{
	xmlNodePtr	 k;
	int		 exact = 0;

	if (is(c, "meta")) {
		exact = read_meta(r, c, dn->meta);
		r->cur->foreign &= !exact;	/* no meta of ours yet */
	} else if (is(c, "preface") || is(c, "coverPage") ||
	    is(c, "header")) {
		read_lines(r, c, mk(r, dn, RP_NODE_PREFACE, c), 0);
		if (dn->meta->title == NULL)
			dn->meta->title = find_text(r, c, "docTitle");
	} else if (is(c, "preamble"))
		read_preamble(r, c, mk(r, dn, RP_NODE_PREAMBLE, c));
	else if (is_body(c))
		read_body(r, c, mk(r, dn, RP_NODE_BODY, c));
	else if (is(c, "conclusions"))
		read_lines(r, c, mk(r, dn, RP_NODE_CONCLUSION, c), 0);
	else if (is(c, "attachments") || is(c, "components") ||
	    is(c, "collectionBody")) {
		for (k = c->children; k != NULL; k = k->next)
			if (k->type == XML_ELEMENT_NODE || has_text(k))
				read_attachment(r, k, dn, ++*natt);
	} else if (c->type == XML_ELEMENT_NODE || has_text(c)) {
		/* Blocks belong in a part: the body before, or one. */
		if (c->type == XML_ELEMENT_NODE)
			unknown(r, c, "body text");
		read_block(r, c, dn->last != NULL && dn->last->type ==
		    RP_NODE_BODY ? dn->last : mk(r, dn, RP_NODE_BODY, c));
	}
	return exact;
}

static rp_node *
read_document(struct r *r, xmlNodePtr x, rp_node *annex)
{
	struct rdoc	 rd = { 0 }, *outer = r->cur;
	rp_node		*dn;
	xmlNodePtr	 c;
	int		 natt = 0, exact = 0;

	dn = rp_document_new(r->doc, document_kind(x, annex), line_of(x), 1);
	if (annex != NULL)
		rp_node_append(annex, dn);
	if (!is(x, "statement") && !is(x, "doc"))
		rp_msg(r->doc, RP_WARNING, "akn-doctype", line_of(x), col_of(x),
		    "akn: <%s> read as a resolution", (const char *)x->name);
	rd.node = dn;
	rd.foreign = 1;
	r->cur = &rd;
	for (c = x->children; c != NULL; c = c->next)
		exact |= read_document_part(r, c, dn, &natt);
	if (!exact && dn->meta->year == 0 && dn->meta->date != NULL)
		dn->meta->year = atoi(dn->meta->date);
	if (!exact)
		dn->meta->akn_source = source_identity(r, x);
	notes(r, &rd);
	if (!exact)
		tidy(r, dn);
	if (rd.furniture != NULL)
		rp_node_append(dn, rd.furniture);
	r->cur = outer;
	return dn;
}

/* What follows the first document in <akomaNtoso>: the <components>
 * of a collection (those no documentRef read) and any other document,
 * each an attachment of the first: none is left out. */
static void
read_rest(struct r *r, xmlNodePtr top, rp_node *root)
{
	xmlNodePtr	 k, c;
	rp_node		*an;
	int		 natt = 0;

	for (an = root->first; an != NULL; an = an->next)
		natt += an->type == RP_NODE_ANNEX;
	for (k = xmlNextElementSibling(top); k != NULL;
	    k = xmlNextElementSibling(k)) {
		if (!is(k, "components")) {
			rp_msg(r->doc, RP_WARNING, "akn-attachment",
			    line_of(k), col_of(k), "akn: <%s> "
			    "after the first document read as its attachment",
			    (const char *)k->name);
			attach(r, k, mk(r, root, RP_NODE_ANNEX, k), ++natt);
			continue;
		}
		for (c = xmlFirstElementChild(k); c != NULL;
		    c = xmlNextElementSibling(c))
			if (!read_before(r, c))
				read_attachment(r, c, root, ++natt);
	}
}

/* Keep the first parse error: later ones follow from it. */
static void
first_error(void *ctx, xmlErrorPtr e)
{
	xmlError *first = ((xmlParserCtxtPtr)ctx)->_private;

	if (first->code == 0 && e != NULL && e->level >= XML_ERR_ERROR) {
		first->code = e->code;
		first->line = e->line;
		first->int1 = e->int1;
		first->int2 = e->int2;
		first->message = e->message ? (char *)xmlStrdup(
		    BAD_CAST e->message) : NULL;
		first->str1 = e->str1 ? (char *)xmlStrdup(BAD_CAST e->str1) :
		    NULL;
		first->str2 = e->str2 ? (char *)xmlStrdup(BAD_CAST e->str2) :
		    NULL;
	}
}

/* libxml2 says a failure that has no parser to report to (an allocation
 * while the tree is read: xmlGetProp then gives NULL, and an attribute or
 * a text would be missing without a word) here: the read fails. */
static void
xml_failure(void *ctx, const char *fmt, ...)
{
	(void)fmt;
	*(int *)ctx = 1;
}

/* buf parsed with ctx, errors going to first; NULL after an error was
 * said, or with *failed set when memory ran out. */
static xmlDocPtr
parse_akn(rp_doc *doc, xmlParserCtxtPtr ctx, const char *buf, size_t len,
    xmlError *first, int *failed)
{
	xmlDocPtr	 x;
	xmlError	*e = first;

	memset(first, 0, sizeof(*first));
	ctx->_private = first;
	ctx->sax->serror = first_error;
	/* No NOENT, no DTDLOAD: entities stay references, no file or
	 * network access.  The input is UTF-8 whatever its declaration
	 * says (rp_read made it so): IGNORE_ENC, not an encoding switch,
	 * which copies the input and, out of memory there, left libxml2
	 * 2.9.14 a NULL input that xmlParseDocument read (SIGSEGV). */
	x = xmlCtxtReadMemory(ctx, buf, (int)len, NULL, NULL,
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_IGNORE_ENC |
	    (doc->limits.depth > 256 ? XML_PARSE_HUGE : 0));
	if (x != NULL)
		return x;
	if (first->code == 0 && (e = xmlCtxtGetLastError(ctx)) == NULL)
		e = first;
	if (!*failed && e->code != XML_ERR_NO_MEMORY)
		rp_xml_error(doc, e);
	*failed |= e->code == XML_ERR_NO_MEMORY;
	return NULL;
}

/* The document under root (parsed from buf) into doc->root: 0, or -1
 * after an error. */
static int
read_root(struct r *r, xmlNodePtr root, const char *buf, size_t len)
{
	rp_doc		*doc = r->doc;
	struct cursor	 cu;
	xmlNodePtr	 top;

	cu.at = buf;
	cu.end = buf + len;
	cu.col = 1;
	columns(&cu, root);
	if (!is(root, "akomaNtoso")) {
		rp_msg(doc, RP_ERROR, "not-akn", line_of(root), col_of(root),
		    "not Akoma Ntoso: the root element is <%s>",
		    root ? (const char *)root->name : "");
		return -1;
	}
	if (root->ns == NULL || !xmlStrEqual(root->ns->href,
	    BAD_CAST RP_AKN_NS))
		rp_msg(doc, RP_WARNING, "akn-namespace",
		    line_of(root), col_of(root), "akn: "
		    "namespace %s is not Akoma Ntoso 3.0's (%s): read as 3.0, "
		    "what differs is not understood",
		    root->ns ? (const char *)root->ns->href : "(none)",
		    RP_AKN_NS);
	if ((top = xmlFirstElementChild(root)) == NULL) {
		rp_msg(doc, RP_ERROR, "empty", line_of(root), col_of(root),
		    "akn: <akomaNtoso> holds no document");
		return -1;
	}
	read_before(r, top);	/* a reference back to it reads it not again */
	doc->root = read_document(r, top, NULL);
	read_rest(r, top, doc->root);
	return 0;
}

int
rp_read_akn(rp_doc *doc, const char *buf, size_t len)
{
	void			*oldctx = xmlGenericErrorContext;
	xmlGenericErrorFunc	 olderr = xmlGenericError;
	int			 failed = 0, rc = -1;
	xmlParserCtxtPtr	 ctx;
	xmlDocPtr		 x;
	xmlError		 first;
	struct r		 r = { doc, NULL, NULL, NULL, NULL, 0 };

	if (len > 0x7fffffff) {
		rp_msg(doc, RP_ERROR, "limit", 0, 0, "akn: input too large");
		return -1;
	}
	if ((ctx = xmlNewParserCtxt()) == NULL ||
	    (r.notes = xmlHashCreate(16)) == NULL ||
	    (r.done = xmlHashCreate(16)) == NULL) {
		rp_msg(doc, RP_ERROR, "memory", 0, 0, "akn: out of memory");
		xmlFreeParserCtxt(ctx);
		return -1;
	}
	xmlSetGenericErrorFunc(&failed, xml_failure);
	if ((x = parse_akn(doc, ctx, buf, len, &first, &failed)) != NULL)
		rc = read_root(&r, xmlDocGetRootElement(x), buf, len);
	xmlSetGenericErrorFunc(oldctx, olderr);
	if (failed) {
		rp_msg(doc, RP_ERROR, "memory", 0, 0, "akn: out of memory "
		    "while the file was read (libxml2)");
		rc = -1;
	}
	xmlFree(first.message);
	xmlFree(first.str1);
	xmlFree(first.str2);
	xmlHashFree(r.notes, NULL);
	xmlHashFree(r.ids, NULL);
	xmlHashFree(r.done, NULL);
	xmlFreeDoc(x);
	xmlFreeParserCtxt(ctx);
	return rc;
}
