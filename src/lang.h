/* lang.h -- the drafting rules of each language, as data: the tables of
 * lang/<code>.conf (docs/LANG.md), built into the library and overridden
 * by files of the same name in the data directory.  Loaded once per
 * process; phrases are matched in one pass down a trie of case-folded
 * text, patterns as programs compiled at load; the answers about short
 * texts are kept per thread and given again for the same text. */
#ifndef RP_LANG_H
#define RP_LANG_H

#include <stddef.h>

/* The sections of a table.  Phrase sections hold words or phrases
 * matched whole; pattern sections hold lines with {placeholders}. */
typedef enum rp_lang_kind {
	RP_LK_LANGUAGE = 0,	/* code = eng, script = latin, ... */
	RP_LK_DETECT,		/* frequent words that tell the language */
	RP_LK_BODY,		/* Security Council = SC */
	RP_LK_ARTICLE,		/* The, Le, إن: before a formula's body */
	RP_LK_OTHER_BODY,	/* Commission: names another body */
	RP_LK_BODY_WORD,	/* Council: the body named short */
	RP_LK_SMALL,		/* of, de: lower case inside a name */
	RP_LK_OPENER,		/* Recalling, принимая к сведению, وإذ */
	RP_LK_VERB,		/* Decides, постановляет, يقرر, 决定 */
	RP_LK_ADVERB,		/* Further, вновь: before either */
	RP_LK_TAIL,		/* also, in mind: continue an opening phrase */
	RP_LK_OPENER_END,	/* ing, ant, ando: endings of openers */
	RP_LK_VERB_END,		/* s, ет: endings of operative verbs */
	RP_LK_NOT_VERB,		/* States: ends like a verb, is none */
	RP_LK_NOT_VERB_END,	/* ss: endings of words that are none */
	RP_LK_CONNECTOR,	/* Therefore, 因此 */
	RP_LK_MONTH,		/* November = 11 */
	RP_LK_DATE,		/* {day} {month} {year}, {year}年{month}{day}日 */
	RP_LK_DAY_SUFFIX,	/* er (1er) */
	RP_LK_ORD_SUFFIX,	/* th, e, ª, -м: after a meeting number */
	RP_LK_ORDINAL,		/* fifty = 50, eighth = 8 */
	RP_LK_NUMBER_WORD,	/* a count in words: none, zéro, une */
	RP_LK_MEETING,		/* {n} plenary meeting, 第{n}次会议 */
	RP_LK_ADOPTED,		/* Adopted, Adoptée, Принята: closing lines */
	RP_LK_VOTES,		/* by {for} votes to {against} */
	RP_LK_ANNEX,		/* Annex, 附件 */
	RP_LK_ORGANIZATION,	/* United Nations */
	RP_LK_DISTRIBUTION,	/* Distr.: General */
	RP_LK_SESSION,		/* {ord} session, 第{n}届会议 */
	RP_LK_AGENDA,		/* Agenda item */
	RP_LK_DOCTYPE,		/* Resolution {num} ({year}) */
	RP_LK_HEADING,		/* Resolution adopted by: masthead adoption */
	RP_LK_VOTE_LABEL,	/* In favour = for */
	RP_LK_LETTER,		/* Letter dated, {text}的信 */
	RP_LK_CONJUNCTION,	/* and, и: after a clause's comma ("…; and") */
	RP_LK_FUNCTION_WORD,	/* the, of: a block ending in one goes on */
	RP_LK_PARA_NUMBER,	/* {num} 、: a paragraph number in words */
	RP_LK_ITEM_NUMBER,	/* ( {num} ), (甲) = 1: a sub-item's marker */
	RP_LK_NOTE_MARKER,	/* (注): a footnote marker in words */
	RP_LK_TITLE,		/* Resolution {num}: a title naming the text */
	RP_LK_RES_WORD,		/* resolution, резолюцией: cites by number */
	RP_LK_OLD_CITATION,	/* ألف (د - {num}) = 1: a GA part and session */
	RP_LK_NOTE_OPENING,	/* Ibid.: opens a note, whatever its case */
	RP_LK_FURNITURE,	/* Please recycle: a page's printed notice */
	RP_LK_DIVISION,		/* Article {num}: a declaration's division */
	RP_LK_WRAP_UP,		/* except that: a paragraph's words after its items */
	RP_LK_SECTION_LABEL,	/* {numeral} ., أولا -: an annex section's label */
	RP_LK_APPENDIX,		/* Appendix, 附录: an annex's own appendix */
	RP_LK_NOTES_HEADING,	/* Notes: heads the notes at a text's end */
	RP_LK__MAX
} rp_lang_kind;

/* Symbolic values a table may give after " = ". */
enum {
	RP_LV_FOR = 1, RP_LV_AGAINST, RP_LV_ABSTAIN
};

/* What a pattern matched: the end offset, the numbers it read (-1 when
 * absent; a vote RP_LANG_NAMED when it names members it does not count)
 * and where {n} stood. */
#define RP_LANG_NAMED	(-2)
typedef struct rp_lang_hit {
	size_t	 end;
	int	 n, num, year, month, day, votes[3], ord;
	int	 session;	/* {session}: "XXVI", "五" */
	int	 value;		/* the pattern's " = value" */
	int	 lang;		/* the table the pattern is from */
	size_t	 n_at, n_end;	/* {n}, its ordinal suffix and any OCR noise */
	size_t	 suf_at, suf_end;	/* the suffix alone */
} rp_lang_hit;

/* The longest phrase of kind at s that ends at a word boundary: its
 * length in s (0 if none); its value into *value when not NULL. */
size_t	 rp_lang_phrase(rp_lang_kind kind, const char *s, size_t n,
	    int *value);
/* Whether s[0..n) is exactly a phrase of kind. */
int	 rp_lang_is(rp_lang_kind kind, const char *s, size_t n, int *value);
/* The last word of s[0..n) when it is a phrase of kind (one word, whole:
 * "резолюцией" ending "…ссылаясь на резолюцией"): its length, else 0. */
size_t	 rp_lang_last_word(rp_lang_kind kind, const char *s, size_t n);
/* Whether the word w ends with an ending of kind (and is longer). */
int	 rp_lang_ends(rp_lang_kind kind, const char *w, size_t n);
/* The length in s of the longest phrase of kind that ends s (0 if none;
 * s must be longer). */
size_t	 rp_lang_ending(rp_lang_kind kind, const char *s, size_t n);
/* The longest pattern of kind matching at s (0 if none). */
size_t	 rp_lang_match(rp_lang_kind kind, const char *s, size_t n,
	    rp_lang_hit *hit);
/* The first place in s where a pattern of kind matches: its offset in
 * *at; returns the match's end as rp_lang_match (0 if none). */
size_t	 rp_lang_find(rp_lang_kind kind, const char *s, size_t n,
	    rp_lang_hit *hit, size_t *at);
/* The same, of the matches that start at or before offset most. */
size_t	 rp_lang_find_by(rp_lang_kind kind, const char *s, size_t n,
	    size_t most, rp_lang_hit *hit, size_t *at);

/* The ordinal at s ("Fifty-eighth", "cinquante-neuvième", "58th",
 * "五十四"): its value, else 0. */
int	 rp_lang_ordinal(const char *s, size_t n);

/* The languages loaded, 0 .. rp_lang_count() - 1: ISO 639-2 code and
 * the value of a [language] setting ("script", "italic openers"). */
int		 rp_lang_count(void);
const char	*rp_lang_setting(int lang, const char *key);
/* The name of table lang, as its file is named ("fr"). */
const char	*rp_lang_name(int lang);
/* The name the writers print for month (1 to 12) in the table named
 * name: the first its [months] give that month; NULL if none. */
const char	*rp_lang_month(const char *name, int month);
/* The setting key of the language whose code is code (NULL if none). */
const char	*rp_lang_code_setting(const char *code, const char *key);
/* The language a phrase of kind at s belongs to (-1 if none). */
int		 rp_lang_of(rp_lang_kind kind, const char *s, size_t n);
/* Per language, how many whole words of s are its DETECT words, into
 * counts[rp_lang_count()]. */
void		 rp_lang_count_words(const char *s, size_t n, size_t *counts);

#endif
