/*
 * respub.h -- the public interface of librespub.
 *
 * A resolution is read into one tree of rp_node (the document model).
 * Readers only build the tree; writers only read it.  Everything a
 * document owns (nodes, strings, metadata, diagnostics) lives in one
 * arena and is freed at once by rp_doc_free().
 *
 * Functions that can fail return 0 on success and -1 on failure; the
 * reason is recorded as a diagnostic on the document.  The library never
 * prints and never exits.
 */
#ifndef RESPUB_H
#define RESPUB_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The library is built with hidden symbols; what is declared here is its
 * exported interface. */
#if defined(__GNUC__) && __GNUC__ >= 4
#pragma GCC visibility push(default)
#endif

#define RP_VERSION "0.1.0"

/* ---------------------------------------------------------------- buffers */

/* A growable byte buffer, always NUL-terminated.  Writers render into it. */
typedef struct rp_buf {
	char   *data;
	size_t  len;
	size_t  cap;
} rp_buf;

void	rp_buf_init(rp_buf *b);
void	rp_buf_free(rp_buf *b);
void	rp_buf_reset(rp_buf *b);
void	rp_buf_put(rp_buf *b, const char *s, size_t n);
void	rp_buf_puts(rp_buf *b, const char *s);
void	rp_buf_putc(rp_buf *b, int c);
void	rp_buf_printf(rp_buf *b, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* ----------------------------------------------------------------- model */

typedef enum rp_node_type {
	RP_NODE_NONE = 0,

	/* A resolution, an annexed text or a cover letter; carries rp_meta. */
	RP_NODE_DOCUMENT,

	/* The parts of a document, in this order when present. */
	RP_NODE_PREFACE,	/* masthead, title, adoption line */
	RP_NODE_PREAMBLE,	/* enacting formula, preambular paragraphs */
	RP_NODE_BODY,		/* operative part (or a letter's text) */
	RP_NODE_CONCLUSION,	/* closing formula: "36th plenary meeting ..." */
	RP_NODE_ANNEX,		/* heading in num/name, one DOCUMENT child;
				   in an annex's DOCUMENT, its appendix */
	RP_NODE_NOTES,		/* the document's footnote definitions */
	RP_NODE_FURNITURE,	/* page furniture of the source (running heads,
				   page and job numbers): BLOCKs, not text */

	/* Blocks. */
	RP_NODE_FORMULA,	/* "The Security Council," (in a PREAMBLE) or
				   an intermediate formula (in a BODY) */
	RP_NODE_PARAGRAPH,	/* preambular (in PREAMBLE) or operative
				   (in BODY) paragraph; num may be NULL */
	RP_NODE_LIST,		/* sub-items of a paragraph or item */
	RP_NODE_ITEM,		/* one sub-item: (a), (i), ㈠, - */
	RP_NODE_BLOCK,		/* a run of inline content (a "p"), role says
				   what it is in a preface, vote, signature */
	RP_NODE_HEADING,	/* a heading inside a body: "A", "I", "Annex" */
	RP_NODE_SEPARATOR,	/* "* ** *", "＊＊＊＊": literal in text */
	RP_NODE_FOOTNOTE,	/* a footnote definition; marker in num */
	RP_NODE_VOTE,		/* a vote record: VOTE_GROUP children */
	RP_NODE_VOTE_GROUP,	/* in favour / against / abstaining */
	RP_NODE_SIGNATURE,	/* a letter's signature block */
	RP_NODE_CONTAINER,	/* a unit of blocks that is no paragraph:
				   a debate's section or speech, a
				   judgment's motivation (read from AKN) */

	/* Inlines. */
	RP_NODE_TEXT,		/* literal text */
	RP_NODE_EMPH,
	RP_NODE_STRONG,
	RP_NODE_LINK,		/* href = target URL as given */
	RP_NODE_DOCREF,		/* a cited UN document: see rp_docref */
	RP_NODE_DATE,		/* href = ISO 8601 date */
	RP_NODE_NOTEREF,	/* footnote reference: target = FOOTNOTE */
	RP_NODE__MAX
} rp_node_type;

#define RP_NODE_FIRST_BLOCK	RP_NODE_FORMULA
#define RP_NODE_FIRST_INLINE	RP_NODE_TEXT

/* What a DOCUMENT is. */
typedef enum rp_doc_kind {
	RP_DOC_RESOLUTION = 0,
	RP_DOC_ANNEX,		/* a text annexed to a resolution or letter */
	RP_DOC_LETTER		/* a cover letter around a resolution */
} rp_doc_kind;

/* The role of a BLOCK, mostly in a preface. */
typedef enum rp_role {
	RP_ROLE_NONE = 0,
	RP_ROLE_ORGANIZATION,	/* "United Nations" */
	RP_ROLE_BODY,		/* "Security Council" */
	RP_ROLE_SYMBOL,		/* "S/RES/1377 (2001)" */
	RP_ROLE_DISTRIBUTION,	/* "Distr.: General" */
	RP_ROLE_DATE,		/* "12 November 2001" */
	RP_ROLE_SESSION,	/* "Eightieth session" */
	RP_ROLE_AGENDA,		/* "Agenda item 13" and its title */
	RP_ROLE_JOB,		/* print job number "25-19432 (E)" */
	RP_ROLE_DOCTYPE,	/* "Resolution 1377 (2001)", "Resolution" */
	RP_ROLE_NUMBER,		/* "2005/19" on a line of its own */
	RP_ROLE_TITLE,		/* the resolution's or letter's title */
	RP_ROLE_ADOPTION,	/* "Adopted by the Security Council at ..." */
	RP_ROLE_COMMITTEE,	/* "[without reference to a Main Committee]" */
	RP_ROLE_LABEL,		/* a vote group's label: "In favour:" */
	RP_ROLE_MEMBERS,	/* a vote group's member list */
	RP_ROLE_NOTE,		/* any other line kept where it stood */
	RP_ROLE__MAX
} rp_role;

typedef enum rp_vote_kind {
	RP_VOTE_FOR = 0,
	RP_VOTE_AGAINST,
	RP_VOTE_ABSTAIN
} rp_vote_kind;

typedef enum rp_body {
	RP_BODY_UNKNOWN = 0,
	RP_BODY_SC,		/* Security Council */
	RP_BODY_GA,		/* General Assembly */
	RP_BODY_ECOSOC,		/* Economic and Social Council */
	RP_BODY_HRC,		/* Human Rights Council */
	RP_BODY__MAX
} rp_body;

/* One level of an Akoma Ntoso identity (FRBRWork, FRBRExpression or
 * FRBRManifestation) as its source gave it. */
typedef struct rp_frbr {
	const char  *this_iri;	/* FRBRthis@value */
	const char  *uri;	/* FRBRuri@value */
	const char  *date;	/* FRBRdate@date as given: "2011-11-29", "2023" */
	const char  *date_name;	/* FRBRdate@name */
} rp_frbr;

/*
 * The identity of a document read from Akoma Ntoso that respub did not
 * write (a US act, a Kenyan debate): the AKN writer gives it back
 * unchanged instead of making a UN one.  Strings are NULL when the
 * source has none.
 */
typedef struct rp_akn_source {
	const char  *doctype;	/* the document's element: "act", "doc" */
	const char  *name;	/* its @name */
	rp_frbr      work, expression, manifestation;
	/* FRBRWork's FRBRcountry, FRBRsubtype, FRBRnumber, FRBRname. */
	const char  *country, *subtype, *number, *work_name;
	/* The TLC element FRBRWork's FRBRauthor points to. */
	const char  *author_el, *author_eid, *author_href, *author_show;
	const char  *included_in;	/* a portion's @includedIn */
	const char  *number_show;	/* FRBRnumber's @showAs */
} rp_akn_source;

/* Metadata of a DOCUMENT.  Strings are NULL when unknown; ints are 0. */
typedef struct rp_meta {
	rp_doc_kind  kind;
	rp_body      body;
	const char  *symbol;	/* "S/RES/1377 (2001)", "A/RES/58/136" */
	const char  *number;	/* "1377", "58/136", "2005/19" */
	int          year;	/* 2001 */
	const char  *date;	/* adoption (or letter) date, "2001-11-12" */
	const char  *meeting;	/* "4413th meeting", "77th plenary meeting" */
	int          meeting_number;
	const char  *session;	/* "Fifty-eighth session" */
	int          session_number;
	const char  *language;	/* ISO 639-2: "eng", "zho", "fra", ... */
	const char  *title;
	const char  *distribution;	/* "General" */
	int          annex_number;	/* 1, 2, ... for RP_DOC_ANNEX */
	/* The vote as recorded (-1 when not stated). */
	int          votes_for, votes_against, votes_abstain;
	/* The languages (ISO 639-2) of this Work's other versions, equally
	 * authentic, NULL-terminated; NULL when none is known.  Readers
	 * leave it NULL; a caller holding the versions sets it. */
	const char *const *versions;
	/* Read from Akoma Ntoso made elsewhere: its identity; else NULL. */
	const rp_akn_source *akn_source;
} rp_meta;

/* A cited UN document, for RP_NODE_DOCREF. */
typedef struct rp_docref {
	rp_body      body;	/* who adopted it, when the reader knows */
	const char  *symbol;	/* normalised: "S/RES/1373 (2001)", "A/RES/60/288" */
	const char  *number;	/* "1373", "60/288" */
	int          year;	/* 2001, or 0 */
	const char  *date;	/* ISO date when cited with one, else NULL */
} rp_docref;

typedef struct rp_node rp_node;

/* What a speech, question or answer of Akoma Ntoso made elsewhere says
 * of itself beside its speaker (the CONTAINER's href): in what role
 * (@as) and to whom (@to), references as the source has them ("#chair"),
 * and when (@startTime, @endTime, xsd:dateTime); NULL where it has none. */
typedef struct rp_speech {
	const char  *as, *to;
	const char  *start, *end;
} rp_speech;

/* Node flags. */
#define RP_NOSRC	(1u << 0)	/* made by the reader, not in the input */
#define RP_UNSURE	(1u << 1)	/* classified by a weak rule */

/*
 * One node of the tree.  Fields unused by a type are zero.
 *   num      PARAGRAPH, ITEM, HEADING, ANNEX, CONTAINER: number as printed
 *            ("1.", "(a)", "Annex I", "XI."); FOOTNOTE, NOTEREF: the
 *            marker ("1", "*").
 *   name     PARAGRAPH in a preamble: key of its opening phrase
 *            ("recalling", "deeplyConcerned"); FORMULA: its AKN name;
 *            PARAGRAPH and ITEM of a body, LIST, BLOCK and CONTAINER
 *            read from Akoma Ntoso made elsewhere: the source's element
 *            ("section", "list", "heading", "speech", "from",
 *            "motivation"), and the @name of an element that has one,
 *            after a space ("hcontainer schedule", "debateSection
 *            prayers").
 *   literal  TEXT: the text; SEPARATOR: the separator as printed.
 *   href     LINK: URL; DATE: ISO date; CONTAINER: who speaks, as
 *            the source refers to them (a speech's @by: "#smith");
 *            ANNEX read from Akoma Ntoso: the address of the document
 *            it refers to and the file does not hold (never fetched).
 *   role     BLOCK: rp_role; VOTE_GROUP: rp_vote_kind.
 *   count    VOTE_GROUP: number of votes (-1 unknown);
 *            FOOTNOTE: how many NOTEREFs point to it.
 *   index    FOOTNOTE: 1-based order of definition within its document.
 *   target   NOTEREF: its FOOTNOTE.
 *   meta     DOCUMENT: its metadata.
 *   ref      DOCREF: the cited document.
 *   id       PARAGRAPH, ITEM and CONTAINER read from Akoma Ntoso made
 *            elsewhere: the source's eId, which the AKN writer keeps.
 *   speech   CONTAINER read from a speech of Akoma Ntoso made elsewhere
 *            (speech, question, answer, speechGroup): its role,
 *            addressee and times, or NULL when it has none.
 */
struct rp_node {
	rp_node_type	 type;
	unsigned	 flags;
	int		 line, col;		/* first character, 1-based */
	int		 end_line, end_col;	/* last character */
	rp_node		*parent, *first, *last, *next, *prev;
	const char	*num;
	const char	*name;
	const char	*literal;
	const char	*href;
	int		 role;
	int		 count;
	int		 index;
	rp_node		*target;
	rp_meta		*meta;
	rp_docref	*ref;
	const char	*id;
	const rp_speech	*speech;
};

/* ------------------------------------------------------------ diagnostics */

typedef enum rp_level {
	RP_INFO = 0,
	RP_WARNING,
	RP_ERROR		/* the input could not be read */
} rp_level;

typedef struct rp_diag {
	rp_level	 level;
	int		 line, col;
	const char	*msg;
	struct rp_diag	*next;
	/* The kind of message, for looking it up and silencing it
	 * (respub -W no-CODE): "akn-element", "no-date", ... */
	const char	*code;
} rp_diag;

/* -------------------------------------------------------------- documents */

typedef struct rp_doc rp_doc;

/* A new empty document; name is used in messages ("-" for stdin). */
rp_doc		*rp_doc_new(const char *name);
void		 rp_doc_free(rp_doc *doc);
rp_node		*rp_doc_root(const rp_doc *doc);	/* a DOCUMENT, or NULL */
const char	*rp_doc_name(const rp_doc *doc);
const rp_diag	*rp_doc_diags(const rp_doc *doc);	/* in order of report */
rp_level	 rp_doc_worst(const rp_doc *doc);	/* -1 if none */

/*
 * What rp_read accepts of one input, to bound the memory and time that
 * untrusted input can take (a text needs some 50 times its size).  Beyond
 * a limit, rp_read fails with one error naming it.  A field of 0 in
 * rp_doc_set_limits keeps the default.
 */
typedef struct rp_limits {
	size_t	size;		/* bytes of input */
	size_t	elements;	/* XML elements (Akoma Ntoso input) */
	size_t	attributes;	/* attributes of one XML element */
	size_t	depth;		/* nesting of XML elements, at most 2048 */
} rp_limits;

#define RP_LIMIT_SIZE		(16 * 1024 * 1024)
#define RP_LIMIT_ELEMENTS	1000000
#define RP_LIMIT_ATTRIBUTES	256
#define RP_LIMIT_DEPTH		256
#define RP_LIMIT_DEPTH_MAX	2048	/* libxml2's own bound */

void		 rp_doc_set_limits(rp_doc *doc, const rp_limits *lim);
const rp_limits	*rp_doc_limits(const rp_doc *doc);	/* in force */
/* The line of its file the text read begins on (default 1): messages
 * count lines from there (a piece of rp_split_text). */
void		 rp_doc_set_first_line(rp_doc *doc, int line);

/* Input and output formats. */
typedef enum rp_format {
	RP_FORMAT_UNKNOWN = 0,
	RP_FORMAT_TEXT,
	RP_FORMAT_MD,
	RP_FORMAT_AKN,
	RP_FORMAT_HTML,
	RP_FORMAT_PDF,
	RP_FORMAT_TREE,		/* a dump of the model, for debugging */
	RP_FORMAT__MAX
} rp_format;

rp_format	 rp_format_parse(const char *name);	/* "akn", "md", ... */
const char	*rp_format_name(rp_format f);
const char	*rp_format_ext(rp_format f);		/* "xml", "md", ... */
/* Guess the input format from the bytes: XML root, front matter, text. */
rp_format	 rp_format_detect(const char *buf, size_t len);
/*
 * The same with a hint, such as the file name's (see rp_format_of_path):
 * the bytes still decide when they can (an Akoma Ntoso root is AKN
 * whatever the name), the hint when they cannot (Markdown without any
 * syntax of its own looks like text).  RP_FORMAT_UNKNOWN: no hint.
 */
rp_format	 rp_format_detect_hint(const char *buf, size_t len,
		    rp_format hint);
/* The format a file name's extension names ("a.md", "b.xml"), or
 * RP_FORMAT_UNKNOWN. */
rp_format	 rp_format_of_path(const char *path);

/*
 * Read buf into doc with the reader for fmt (RP_FORMAT_UNKNOWN: detect).
 * The input must be UTF-8 without NUL bytes; a leading BOM is skipped.
 */
int		 rp_read(rp_doc *doc, const char *buf, size_t len, rp_format fmt);
/*
 * A compilation in one text (a yearbook volume, a session's resolutions
 * pasted one after another): where each resolution it holds begins.
 * Returns how many (1: one resolution, the whole text) and their byte
 * offsets in *starts (the first 0), which the caller frees; 0 when out
 * of memory.  Linear in len.
 */
size_t		 rp_split_text(const char *buf, size_t len, size_t **starts);
/*
 * Where the readers find lang/NAME.conf, the tables of drafting rules in
 * each language (docs/LANG.md): a file there replaces the built-in table
 * of its name, a new name adds a language.  NULL (the default): the
 * directory RESPUB_DATA_DIR names, else the installed share/respub.  Call
 * it before the first document is read: the tables are loaded once.
 */
void		 rp_set_data_dir(const char *dir);

/* ---------------------------------------------------------------- writers */

/* Options shared by all writers; any field may be NULL. */
typedef struct rp_options {
	const char	 *data_dir;	/* holds templates/ and stylesheets/ */
	const char	 *template_path;	/* overrides the format's template */
	const char	 *stylesheet_path;	/* overrides akn2html.xsl */
	const char	**vars;		/* NULL-terminated "key=value" list */
} rp_options;

/* The value of key in opt->vars, or def. */
const char	*rp_options_get(const rp_options *opt, const char *key,
		    const char *def);

/*
 * A writer renders documents into one format.  Make one per process and
 * reuse it: it loads its stylesheet, template or fonts once.
 * rp_writer_new returns NULL and sets *err (static text) on failure.
 */
typedef struct rp_writer rp_writer;

rp_writer	*rp_writer_new(rp_format fmt, const rp_options *opt,
		    const char **err);
int		 rp_writer_render(rp_writer *w, rp_doc *doc, rp_buf *out);
void		 rp_writer_free(rp_writer *w);
/* The -V keys (rp_options.vars) the writer reads, NULL-terminated. */
const char *const *rp_writer_params(const rp_writer *w);

/* ------------------------------------------------------------- iteration */

typedef enum rp_event {
	RP_EVENT_NONE = 0,
	RP_EVENT_DONE,
	RP_EVENT_ENTER,
	RP_EVENT_EXIT		/* not reported for leaves: TEXT, NOTEREF,
				   SEPARATOR */
} rp_event;

typedef struct rp_iter rp_iter;

rp_iter		*rp_iter_new(rp_node *root);
rp_event	 rp_iter_next(rp_iter *it);
rp_node		*rp_iter_node(const rp_iter *it);
void		 rp_iter_free(rp_iter *it);

/* Tree helpers. */
const char	*rp_node_type_name(rp_node_type t);
const char	*rp_role_name(rp_role r);
const char	*rp_body_name(rp_body b);	/* "Security Council" */
const char	*rp_body_actor(rp_body b);	/* "un-sc" */
/*
 * Give m the symbol (in the readers' form, "S/RES/338 (1973)") and what
 * it says: body, number, year, session.  For a symbol known from outside
 * the text: a file name, another language version of the resolution.
 */
void		 rp_meta_set_symbol(rp_doc *doc, rp_meta *m,
		    const char *symbol);
/* Concatenated TEXT of a subtree into b (footnote definitions excluded). */
void		 rp_node_text(const rp_node *n, rp_buf *b);

#if defined(__GNUC__) && __GNUC__ >= 4
#pragma GCC visibility pop
#endif

#ifdef __cplusplus
}
#endif

#endif /* RESPUB_H */
