/* classify.h -- the rules of UN drafting, shared by the readers (text and
 * Markdown).  Everything here looks at one string, except the masthead
 * rules at the end. */
#ifndef RP_CLASSIFY_H
#define RP_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

typedef enum rp_para_kind {
	RP_PARA_UNKNOWN = 0,
	RP_PARA_PREAMBULAR,	/* "Recalling ...," */
	RP_PARA_OPERATIVE	/* "Decides ...;" */
} rp_para_kind;

/*
 * Classify an unnumbered paragraph of a resolution by the UN drafting
 * convention: preambular paragraphs open with a participle or adjective
 * and end with a comma; operative ones open with a verb in the present
 * tense and end with ";", "." or ":".  English, French, Spanish, Chinese.
 */
rp_para_kind	 rp_classify_paragraph(const char *s, size_t n);
/* What the first words of s alone say, whatever follows and however it
 * ends: the opener of a preambular paragraph ("Recalling", "وإذ",
 * "回顾") or an operative verb ("Décide", "决定"), from the tables or
 * the shape of the word; else UNKNOWN. */
rp_para_kind	 rp_opener_kind(const char *s, size_t n);
/* The same from the tables' phrases alone, not the shape of the word. */
rp_para_kind	 rp_listed_opener_kind(const char *s, size_t n);
/* Whether s opens a paragraph by its first words alone: a paragraph
 * number, or an opener of the tables ("Recalling", "Décide",
 * "ссылаясь"), capitalized in a script with capitals (a wrapped line
 * starts with any word). */
int		 rp_opener_at(const char *s, size_t n);
/* Whether the first word of s is shaped like an opener: in a script
 * with capitals, one capitalized word, not a name of several. */
int		 rp_opener_shape(const char *s, size_t n);
/* Whether a bulleted line s (its bullet left out) after the formula is
 * a paragraph, not a sub-item: "- Recalling ...", "- 1. Decides ...",
 * a copy that set the paragraphs' marks as bullets. */
int		 rp_bullet_opens_paragraph(const char *s, size_t n);

/*
 * The opening phrase of a preambular paragraph ("Recalling also",
 * "Deeply concerned"): its length in bytes (0 when there is none), and its
 * key in camel case ("recalling", "deeplyConcerned") in key[keysize].
 */
size_t		 rp_opening_phrase(const char *s, size_t n, char *key,
		    size_t keysize);

/* The operative verb or phrase opening an operative paragraph ("Decides",
 * "Further requests", "Calls upon", "Takes note with appreciation"): its
 * length in bytes, 0 when the paragraph opens with no word. */
size_t		 rp_operative_phrase(const char *s, size_t n);

/* "The Security Council," "安全理事会，": an enacting formula. */
int		 rp_is_formula(const char *s, size_t n, rp_body *body);
/* The length of an opening quotation mark and the spaces after it at s
 * ("« ", "“", "「"), a copy that quotes the whole text or a quotation
 * opening a paragraph; 0 if none. */
size_t		 rp_open_quote(const char *s, size_t n);
/* Whether s ends inside a quotation that a colon introduced ("…
 * intérieur : “CHAPITRE XI …"): a quoted text of several paragraphs
 * opens each with a mark and closes only the last. */
int		 rp_in_quotation(const char *s, size_t n);
/* The body's exact name with no comma, in a language that has no
 * article to mark it ("Генеральная Ассамблея"; setting "formula without
 * comma"): the formula when it stands alone on its line before a
 * paragraph (the caller sees the lines). */
int		 rp_is_bare_formula(const char *s, size_t n, rp_body *body);
/* The formula and the operative verb on one line ("The General Assembly
 * recommends:", "L'Assemblée générale recommande :", "大会建议:"): the
 * length of the formula's part, its body into *body; 0 if none.  items:
 * sub-items follow the line ("大会决定…如下." then "(甲)"). */
size_t		 rp_formula_lead(const char *s, size_t n, rp_body *body,
		    int items);
/* Whether s opens with a preambular opener of the tables that is no
 * verb ("Whereas", "由于"): before the formula, a recital whatever its
 * end ("由于…规定."). */
int		 rp_opens_recital(const char *s, size_t n);
/* The formula's article and body at the start of s, with no comma
 * ("إن الجمعية العامة" of "إن الجمعية العامة وقد تسلمت …"): its length,
 * or 0 (no article, or one in lower case). */
size_t		 rp_named_formula(const char *s, size_t n);
/* Whether a formula names a connector ("Therefore the Security
 * Council,", "The General Assembly, therefore,"): what came before it
 * gave its reasons. */
int		 rp_formula_connector(const char *s, size_t n);
/* Whether s opens with the article of a formula ("The", "L'", "إن"). */
int		 rp_opens_with_article(const char *s, size_t n);
/* "安全理事会还：", "Calls upon the Council to take the following steps:" */
int		 rp_is_intermediate_formula(const char *s, size_t n);
/* "Décide :", "Resolves:", "Décide": an operative verb standing alone;
 * before numbered paragraphs, it leads them in (an intermediate
 * formula), before sub-items it is a paragraph. */
int		 rp_is_lead_in(const char *s, size_t n);
/* "Therefore", "因此": a connector standing alone between the parts, read
 * as an intermediate formula. */
int		 rp_is_connector(const char *s, size_t n);
/* The body a name denotes ("Security Council", "大会"), or UNKNOWN. */
rp_body		 rp_body_from_name(const char *s, size_t n);

/*
 * A date at s: "12 November 2001", "2003年1月20日", "20 janvier 2003".
 * Writes "YYYY-MM-DD" into iso[11]; returns its length in bytes, or 0.
 */
size_t		 rp_parse_date(const char *s, size_t n, char iso[11]);
/* The first date anywhere in s, as rp_parse_date; *at = its offset. */
size_t		 rp_find_date(const char *s, size_t n, char iso[11],
		    size_t *at);
/* The same, of the dates that start at or before offset most. */
size_t		 rp_find_date_by(const char *s, size_t n, size_t most,
		    char iso[11], size_t *at);

/* A paragraph number at s ("1.", "12. "): the marker's length without
 * trailing space in *numlen; returns the offset of the text after it. */
size_t		 rp_paragraph_number(const char *s, size_t n, size_t *numlen);
/* The value of the paragraph number at s ("12." 12, "二、" 2), or 0. */
int		 rp_paragraph_value(const char *s, size_t n);

typedef enum rp_item_kind {
	RP_ITEM_NONE = 0,
	RP_ITEM_ALPHA,		/* (a) a) */
	RP_ITEM_ROMAN,		/* (i) (iv) */
	RP_ITEM_DIGIT,		/* (1) */
	RP_ITEM_OWN,		/* the language's own: ㈠ （一） (甲) (أ) */
	RP_ITEM_BULLET		/* - • */
} rp_item_kind;

/*
 * A sub-item marker at s.  Returns the offset of the text after it (0 if
 * none); *numlen is the marker's length, *kind its kind, *value its
 * ordinal (a=1, iv=4, ㈢=3; 0 for bullets).  "(i)" is reported as ROMAN;
 * the caller decides from context whether it is the ninth letter.
 */
size_t		 rp_item_marker(const char *s, size_t n, size_t *numlen,
		    rp_item_kind *kind, int *value);

/* "____": the rule above footnotes at a page foot, alone on its line or
 * before the first note ("__________ 1/ A/49/48."): the length of the
 * rule and the spaces after it, else 0. */
size_t		 rp_footnote_rule(const char *s, size_t n);
/* A numbered note marker in a language's own brackets ([note markers]
 * "( {num} )", Arabic "الإنسان(1)") at s, beside a letter of that
 * language's script: its length, the number into *num; 0 if none. */
size_t		 rp_note_number(const char *s, size_t n, uint32_t beside,
		    int *num);
/* A footnote marker opening a definition line: "1 See", "¹ General",
 * "* 仅以", a marker in words ("(注)大会…"), "17/ See": the offset of
 * the note's text, 0 if none; the marker into out (without the slash),
 * *slashed whether it had one. */
size_t		 rp_note_marker(const char *s, size_t n, char *out,
		    size_t outsize, int *slashed);
/* Where a block opening with a note's marker stands: right after a note
 * numbered note_before (0: none, or not a number); after the running text
 * text_before (NULL: none), notes perhaps between; running text seen
 * before it (seen_content). */
struct rp_note_place {
	int		 note_before;
	const char	*text_before;
	size_t		 text_len;
	int		 seen_content;
};
/* Whether a block s[0..n) standing at is a note's definition, outside a
 * ruled zone: rp_note_marker's offset of its text, or 0. */
size_t		 rp_note_block(const char *s, size_t n,
		    const struct rp_note_place *at, char *marker, size_t size,
		    int *slashed);
/* Where in s the text numbered num runs on after pat, a printf pattern
 * ("; %d. ", two numbered paragraphs run together; ". %d ", two notes of
 * a page foot on one line), a capital after it: its offset past the
 * punctuation, or 0. */
size_t		 rp_run_on_at(const char *s, size_t n, const char *pat,
		    int num);
/* Whether a line standing alone is a heading: short, without
 * punctuation ("A", "I", "Therefore", a site's "Sources: The United
 * Nations"); not one a drafting phrase opens. */
int		 rp_heading_line(const char *s, size_t n);
/* Whether every word of s is capitalized but the small ones of the
 * language ("United Nations Millennium Declaration"); in a script
 * without case, any s. */
int		 rp_title_case(const char *s, size_t n);
/* The length of a section's label opening s, a pattern of [section
 * labels] ("II.", "A.", "Б.", "ألف -", "一、"), alone or before its
 * title; not in lower case; 0 if none. */
size_t		 rp_section_label(const char *s, size_t n);
/* Whether s may be a section's title under its label: up to 160 bytes,
 * no final punctuation, not a drafting phrase ("Basis, principles and
 * objectives of the review"). */
int		 rp_section_title(const char *s, size_t n);
/* Whether s is a section's heading as UN annexes print them: its label
 * alone ("A.") or with a title shaped as a heading, which may be
 * longer than rp_heading_line's ("II. Special procedures"). */
int		 rp_section_heading(const char *s, size_t n);
/* Whether s is a whole recital ("Ayant reçu le rapport …,"): it opens
 * as one and ends in a comma or semicolon.  A title opens with no
 * drafting opener, or does not end as a recital does. */
int		 rp_whole_recital(const char *s, size_t n);
/* rp_classify_paragraph of an unnumbered paragraph under the formula
 * before paragraph 1: a sentence no verb opens is a recital although it
 * ends in a full stop ("يعبر المجلس عن قلقه …."), the numbers starting
 * the operative part; not a line leading in what follows with a colon. */
rp_para_kind	 rp_kind_before_numbers(const char *s, size_t n);
/* "- ↑ Ibid.", "1. ↑ Ibid.": a note of a wiki's list, "↑" the link back
 * to its marker: the offset of its text, or 0; its number, written or 0
 * (the next in the list), into *num. */
size_t		 rp_arrow_note(const char *s, size_t n, int *num);
/* A separator line: "* ** *", "＊＊＊＊", "-----". */
int		 rp_is_separator(const char *s, size_t n);
/* "Annex", "ANNEX II", "附件": an annex heading. */
int		 rp_is_annex_heading(const char *s, size_t n);
/* "Appendix", "Appendice", "附录" ([appendix]): the heading of an
 * appendix, a part of the annex it follows. */
int		 rp_is_appendix_heading(const char *s, size_t n);

/* ISO 639-2 code of the main language of s: "eng", "zho", "fra", ... */
const char	*rp_detect_language(const char *s, size_t n);

/* Whether s starts with a lower-case letter. */
int		 rp_starts_lower(const char *s, size_t n);
/* Whether s begins with an English ordinal number word ("Fifty-eighth"):
 * its value, else 0. */
int		 rp_ordinal_word(const char *s, size_t n);

/* What a line opens, without context: a numbered paragraph, a sub-item,
 * a separator, an annex, a formula.  The masthead ends there. */
int		 rp_opens_unit(const char *s, size_t n);
/* A paragraph number as scans misread it before an operative verb: "4,
 * Decides", "2 Requests", "6.Calls", "Z. Demands" (Z for 2, S for 5, l, I
 * or L for 1, "ll." 11): its value, and in *numlen the length of what
 * stands for the number and its mark; else 0. */
int		 rp_scanned_number(const char *s, size_t n, size_t *numlen);
typedef enum rp_clause_end {
	RP_END_NONE = 0,
	RP_END_COMMA,		/* , ， ، 、 */
	RP_END_SEMICOLON,	/* ; ； ؛ */
	RP_END_COLON,		/* : ： */
	RP_END_STOP		/* . ! ? 。 ！ ？ */
} rp_clause_end;
/* The clause a character ends: a comma (, ， ، 、), a semicolon (; ； ؛),
 * a colon (: ：), a stop (. ! ? 。 ！ ？), or none. */
rp_clause_end	 rp_end_of_char(uint32_t c);
/* How s ends, trailing spaces, a footnote marker and a linking word
 * ignored ("1961,74/", "Director,1", "States;²", ",又", "; and"). */
rp_clause_end	 rp_clause_end_of(const char *s, size_t n);
/* Where a footnote marker after the punctuation that ends s begins
 * ("Director,1", "Commission, 48", "通过。 1", the old form "such a
 * treaty,46/" or a star and a slash): the length of s up to its
 * punctuation; n when s ends in no marker. */
size_t		 rp_before_end_marker(const char *s, size_t n);
/* Whether s ends a clause: rp_clause_end_of is not NONE. */
int		 rp_ends_clause(const char *s, size_t n);
/* The length of s without a final conjunction after a comma or
 * semicolon ("…; and", "…, y"): where the clause ends. */
size_t		 rp_without_conjunction(const char *s, size_t n);
/* Whether s, after a clause that ends in a conjunction ("…, and"), goes
 * on with it: lower case, and no opener of a language that writes them
 * in lower case ("…; и⏎принимая во внимание" is a new recital). */
int		 rp_goes_on_lower(const char *s, size_t n);
/* Whether s ends in a word no sentence ends with ("of", "the", "de"):
 * a page cut it. */
int		 rp_ends_function_word(const char *s, size_t n);

/* ------------------------------------------------------------ masthead */

/* The rules below also write what a line tells into a document's
 * metadata, and rp_take_signature moves nodes: both readers apply them
 * in the same order, so that they build the same document. */

/* "25-19432 (E)", "*2519432*", "2/3": a print job or page number. */
int		 rp_is_job_or_page(const char *s, size_t n);
int		 rp_is_note_anchor(const char *s, size_t n);
/* The rp_role of a masthead line ("Distr.: General" is DISTRIBUTION);
 * RP_ROLE_NONE for a line that is none of them (a title, a note). */
int		 rp_masthead_role(const char *s, size_t n);
/* Whether s[i] is a gap pdftotext left after a symbol's slash, its
 * next component after it ("A/RES/ES-11/ 4", "A/68/ L.39"). */
int		 rp_symbol_gap(const char *s, size_t n, size_t i);
/* Whether s names the document somewhere ("Resolution", "Résolution
 * 26 (1947)", "决议"). */
int		 rp_names_doctype(const char *s, size_t n);
/* The metadata a masthead line of that role gives, into m (a letter's
 * title also gives its date and body). */
void		 rp_masthead_meta(rp_doc *doc, rp_meta *m, int role,
		    const char *s, size_t n);
/* "58/136. Title", "四 非政府…": the length of the number with its full
 * stop, if any, else 0. */
size_t		 rp_number_before_title(const char *s, size_t n);
/* Whether s opens a closing formula: with a meeting, a date and a
 * meeting ("2000年3月15日 第93次全体会议"), or an adoption phrase
 * ("Adoptée", "تبنى"), whether or not the meeting follows on this line. */
int		 rp_opens_conclusion(const char *s, size_t n);
/* Whether s is a date and nothing more but a comma ("一九六六年十一月二十九日,"). */
int		 rp_date_alone(const char *s, size_t n);
/* "36th plenary meeting", "Adopted at the 2nd meeting.": whether s is a
 * closing formula; fills the meeting, date and vote into m. */
int		 rp_conclusion_line(rp_doc *doc, rp_meta *m, const char *s,
		    size_t n);
/* Whether s closes the operative part: a closing line, or, once in the
 * operative part, a line that opens as one although a scan garbled its
 * meeting ("Adopted at the ]8S6ih meeting", "127th meet-ing"). */
int		 rp_closes_body(rp_doc *doc, rp_meta *m, const char *s,
		    size_t n, int in_body);
/* Whether s ends a sentence, not only a clause: a comma lets a closing
 * line go on ("Vingt-sixième séance plénière,⏎le 9 février 1946."). */
int		 rp_ends_sentence(const char *s, size_t n);
/* Whether b goes on with the closing line a broke off before its
 * meeting, date or vote, across a blank line: "تبنى المجلس هذا القرار,
 * في جلسته⏎⏎رقم 2260, بالإجماع.", "Adoptée à la 263e séance⏎⏎par 8 voix
 * contre zéro, ...", or a date alone before its meeting
 * ("一九六六年十一月二十九日,⏎第一四八一次全体会议"): a, a space and b
 * tell more than a alone. */
int		 rp_completes_closing(rp_doc *doc, const char *a, size_t an,
		    const char *b, size_t bn);
/* A letter's vote label ("赞成：", "In favour:"): rp_vote_kind + 1,
 * else 0. */
int		 rp_vote_label(const char *s, size_t n);
/* The members of a vote group ("中国、法国。", "None."): how many. */
int		 rp_count_members(const char *s, size_t n);
/* The member list s of vote group g: its count into g and into m's vote. */
void		 rp_vote_members(rp_meta *m, rp_node *g, const char *s,
		    size_t n);
/* Whether the first line of a text makes it a cover letter. */
int		 rp_is_letter_title(const char *s, size_t n);
/* Symbol, number, year, body and session explaining one another, the
 * language from the text when unknown, a date its title or a note of
 * its preface (NULL if none) gives: the last step of reading m. */
void		 rp_finish_meta(rp_doc *doc, rp_meta *m, const char *text,
		    size_t n, const rp_node *preface);
/* A catalogue's title without its subtitle mark (" :"). */
const char	*rp_catalogue_title(rp_doc *doc, const char *s);
/* The catalogue's title cat for m's when m's is the opening of it. */
void		 rp_whole_title(rp_doc *doc, rp_meta *m, const char *cat);
/* No title for a Security Council resolution: its title lines become
 * its document-type line or notes. */
void		 rp_untitled_council(rp_meta *m, rp_node *preface);
/* An annex's metadata before its masthead: its parent's identity. */
void		 rp_annex_meta(rp_meta *m, const rp_meta *parent);
/* The short lines closing a letter's body: its SIGNATURE. */
void		 rp_take_signature(rp_doc *doc, rp_node *body);
/* The part of type of docnode (PREFACE, PREAMBLE, ...), made in its
 * place among the others if there is none, with flags. */
rp_node		*rp_doc_part(rp_doc *doc, rp_node *docnode,
		    rp_node_type type, int line, int flags);
/* A masthead line s of no role of its own: a date after a word, the
 * title when there is none yet and it has letters (an annex's only when
 * short), else a note. */
int		 rp_unplaced_role(const rp_meta *m, const char *s,
		    size_t n);
/* Text c found before the formula, into the preface of docnode with the
 * role its words give it there (a paragraph of one block gives its
 * block); flags for a preface made. */
void		 rp_to_preface(rp_doc *doc, rp_node *docnode, rp_node *c,
		    int flags);
/* A formula after paragraphs of the body, none of them numbered: what
 * came before it was not the resolution (the end of the item before it
 * on a printed page, the record of a meeting) and becomes masthead
 * lines, with the roles and metadata they give ("Resolution 851
 * (1993)"), but for its recitals (all of them when reasons: "…; The
 * General Assembly, therefore,").  The body goes; whether it did. */
int		 rp_text_before_formula(rp_doc *doc, rp_node *docnode,
		    int reasons, int flags);

#endif
