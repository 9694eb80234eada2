/* reader.c -- unit tests for the pieces of the plain-text reader: UN
 * drafting rules, dates, numbering, sub-item markers, line joining,
 * footnotes, classification.  Prints "ok - ..." / "not ok - ...". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "classify.h"
#include "doc.h"
#include "utf8.h"

static int failures;

static void
check(int cond, const char *what)
{
	printf("%s - %s\n", cond ? "ok" : "not ok", what);
	if (!cond)
		failures++;
}

static void
check_str(const char *got, const char *want, const char *what)
{
	int same = got != NULL && want != NULL ? strcmp(got, want) == 0 :
	    got == want;

	if (!same)
		printf("# %s: got '%s', want '%s'\n", what, got ? got : "(null)",
		    want ? want : "(null)");
	check(same, what);
}

static rp_para_kind
classify(const char *s)
{
	return rp_classify_paragraph(s, strlen(s));
}

static void
test_classify(void)
{
	check(classify("Recalling its resolution 1373 (2001),") ==
	    RP_PARA_PREAMBULAR, "classify: Recalling ..., is preambular");
	check(classify("Deeply concerned that acts of terrorism continue,") ==
	    RP_PARA_PREAMBULAR, "classify: Deeply concerned is preambular");
	check(classify("Mindful of the essential need to strengthen,") ==
	    RP_PARA_PREAMBULAR, "classify: Mindful is preambular");
	check(classify("Declares that acts of terrorism are criminal,") ==
	    RP_PARA_OPERATIVE, "classify: Declares ..., is operative "
	    "despite the comma");
	check(classify("Further declares that acts constitute a challenge,") ==
	    RP_PARA_OPERATIVE, "classify: Further declares is operative");
	check(classify("In that context, invites the Committee to explore:") ==
	    RP_PARA_OPERATIVE, "classify: In that context, invites");
	check(classify("Calls on all States to intensify their efforts.") ==
	    RP_PARA_OPERATIVE, "classify: Calls on ... . is operative");
	check(classify("Rappelant sa résolution 1373 (2001),") ==
	    RP_PARA_PREAMBULAR, "classify: French participle -ant");
	check(classify("Recordando su resolución 1373 (2001),") ==
	    RP_PARA_PREAMBULAR, "classify: Spanish gerund -ando");
	check(classify("回顾其关于恐怖主义的各项决议，") == RP_PARA_PREAMBULAR,
	    "classify: Chinese ending in ， is preambular");
	check(classify("决定通过所附关于打击恐怖主义的宣言。") ==
	    RP_PARA_OPERATIVE, "classify: Chinese ending in 。 is operative");
	check(classify("各国必须按照国际法将那些人绳之以法；") ==
	    RP_PARA_OPERATIVE, "classify: Chinese ending in ； is operative");
}

static void
test_phrase(void)
{
	char	key[64];
	size_t	n;
	const char *s;

	s = "Deeply concerned that acts of terrorism continue";
	n = rp_opening_phrase(s, strlen(s), key, sizeof(key));
	check(n == 16, "phrase: 'Deeply concerned' is 16 bytes");
	check_str(key, "deeplyConcerned", "phrase: key deeplyConcerned");
	s = "Bearing in mind that the Charter";
	rp_opening_phrase(s, strlen(s), key, sizeof(key));
	check_str(key, "bearingInMind", "phrase: key bearingInMind");
	s = "Recalling also its resolution 56/1";
	n = rp_opening_phrase(s, strlen(s), key, sizeof(key));
	check_str(key, "recallingAlso", "phrase: key recallingAlso");
	check(n == 14, "phrase: 'Recalling also' is 14 bytes");
	s = "Decides to remain seized of the matter";
	check(rp_opening_phrase(s, strlen(s), key, sizeof(key)) == 0,
	    "phrase: an operative verb has no opening phrase");
}

static void
test_dates(void)
{
	char	iso[11];
	size_t	at;
	const char *s;

	s = "12 November 2001";
	check(rp_parse_date(s, strlen(s), iso) == strlen(s),
	    "date: English date read whole");
	check_str(iso, "2001-11-12", "date: 12 November 2001");
	s = "2003年 1月 20日安全理事会第 4688次会议通过";
	check(rp_parse_date(s, strlen(s), iso) > 0, "date: Chinese with spaces");
	check_str(iso, "2003-01-20", "date: 2003年 1月 20日");
	s = "1er janvier 2003";
	check(rp_parse_date(s, strlen(s), iso) > 0, "date: French 1er");
	check_str(iso, "2003-01-01", "date: 1er janvier 2003");
	s = "20 de enero de 2003";
	check(rp_parse_date(s, strlen(s), iso) > 0, "date: Spanish");
	check_str(iso, "2003-01-20", "date: 20 de enero de 2003");
	s = "31 Smarch 2001";
	check(rp_parse_date(s, strlen(s), iso) == 0, "date: no month, no date");
	s = "32 May 2001";
	check(rp_parse_date(s, strlen(s), iso) == 0, "date: day 32 refused");
	s = "36th plenary meeting 22 July 2005";
	check(rp_find_date(s, strlen(s), iso, &at) > 0 && at == 21,
	    "date: found inside a conclusion");
	check_str(iso, "2005-07-22", "date: conclusion date");
}

static void
test_numbers(void)
{
	size_t		nl, off;
	rp_item_kind	kind;
	int		value;
	const char	*s;

	s = "12. Requests the Secretary-General";
	off = rp_paragraph_number(s, strlen(s), &nl);
	check(off == 4 && nl == 3, "number: '12. ' paragraph number");
	s = "1.5 million people";
	check(rp_paragraph_number(s, strlen(s), &nl) == 0,
	    "number: 1.5 is not a paragraph number");
	s = "1373 (2001) of 28 September";
	check(rp_paragraph_number(s, strlen(s), &nl) == 0,
	    "number: a cited resolution is not a paragraph number");
	s = "1.";
	check(rp_paragraph_number(s, strlen(s), &nl) == 2,
	    "number: a number alone on its line");
	s = "(b) to assist";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) == 4 &&
	    kind == RP_ITEM_ALPHA && value == 2, "item: (b) is the 2nd letter");
	s = "(iv) reports";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) == 5 &&
	    kind == RP_ITEM_ROMAN && value == 4, "item: (iv) is roman 4");
	s = "㈢ 请反恐委员会";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) > 0 &&
	    kind == RP_ITEM_CJK && value == 3, "item: ㈢ is CJK 3");
	s = "- the promotion of best-practice";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) == 2 &&
	    kind == RP_ITEM_BULLET, "item: '- ' bullet");
	s = "-based approach";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) == 0,
	    "item: a hyphen without a space is no bullet");
	s = "(2001) of 28 September";
	check(rp_item_marker(s, strlen(s), &nl, &kind, &value) == 0 ||
	    kind == RP_ITEM_DIGIT, "item: a year in brackets is not a letter");
}

static void
test_formula(void)
{
	rp_body b;
	const char *s;

	s = "The Security Council,";
	check(rp_is_formula(s, strlen(s), &b) && b == RP_BODY_SC,
	    "formula: The Security Council,");
	s = "The General Assembly,";
	check(rp_is_formula(s, strlen(s), &b) && b == RP_BODY_GA,
	    "formula: The General Assembly,");
	s = "安全理事会，";
	check(rp_is_formula(s, strlen(s), &b) && b == RP_BODY_SC,
	    "formula: 安全理事会，");
	s = "The Security Council therefore decides,";
	check(!rp_is_formula(s, strlen(s), &b), "formula: not a sentence");
	s = "安全理事会还：";
	check(rp_is_intermediate_formula(s, strlen(s)),
	    "formula: intermediate 安全理事会还：");
	s = "*  **  **  **  *        ****";
	check(rp_is_separator(s, strlen(s)), "separator: stars");
	s = "＊＊＊＊        ＊＊＊＊";
	check(rp_is_separator(s, strlen(s)), "separator: full-width stars");
	check(rp_is_annex_heading("Annex", 5) && rp_is_annex_heading("附件", 6)
	    && rp_is_annex_heading("Annex II", 8) &&
	    !rp_is_annex_heading("Annex to the letter dated", 25),
	    "annex headings");
	check_str(rp_detect_language("安全理事会，决定", 24), "zho",
	    "language: Chinese");
	check_str(rp_detect_language("The Security Council, recalling the "
	    "resolutions of the Council and the Charter", 78), "eng",
	    "language: English");
}

/* Read a text and return the tree dump. */
static char *
tree_of(const char *text, rp_doc **docp)
{
	rp_doc		*doc = rp_doc_new("test");
	rp_writer	*w;
	rp_buf		 out;
	const char	*err;
	char		*s;

	rp_buf_init(&out);
	if (rp_read(doc, text, strlen(text), RP_FORMAT_TEXT) != 0) {
		*docp = doc;
		return strdup("");
	}
	w = rp_writer_new(RP_FORMAT_TREE, NULL, &err);
	rp_writer_render(w, doc, &out);
	rp_writer_free(w);
	s = strdup(out.data ? out.data : "");
	rp_buf_free(&out);
	*docp = doc;
	return s;
}

static int
count_of(const char *hay, const char *needle)
{
	int c = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		c++;
		hay += strlen(needle);
	}
	return c;
}

static void
test_reading(void)
{
	rp_doc	*doc;
	char	*t;

	/* Hard-wrapped Latin lines join with a space, hyphens close up. */
	t = tree_of("The General Assembly,\n\nRecalling its resolution\n"
	    "56/1 on money-\nlaundering,\n\n1. Decides to act;\n", &doc);
	check(strstr(t, "text=\" its resolution \"") != NULL &&
	    strstr(t, "money-laundering,") != NULL,
	    "join: wrapped lines join with a space, hyphen closed up");
	check(strstr(t, "docref symbol=\"A/RES/56/1\"") != NULL,
	    "join: reference across a line break found");
	free(t);
	rp_doc_free(doc);

	/* CJK lines join without a space, even across blank lines. */
	t = tree_of("安全理事会，\n\n1. 各国必须紧急采取行动，防止并压制一切主动、被动支持恐怖"
	    "主义的行为，尤其必须充分遵守安全理事会各项\n\n有关决议；\n", &doc);
	check(strstr(t, "各项有关决议；") != NULL,
	    "join: CJK lines join without a space across a blank line");
	check(count_of(t, "paragraph num=") == 1, "join: one CJK paragraph");
	free(t);
	rp_doc_free(doc);

	/* A page break inside a paragraph, with footnotes between. */
	t = tree_of("The Security Council,\n\nRecalling the Convention,\xC2\xB9 "
	    "and the obligations of\n\n\xC2\xB9 General Assembly resolution "
	    "59/290, annex.\n\nStates under international law,\n\n"
	    "1. Decides to remain seized of the matter.\n", &doc);
	check(count_of(t, "paragraph name=\"recalling\"") == 1 &&
	    strstr(t, "obligations of States") != NULL,
	    "page break: paragraph rejoined around a footnote");
	check(count_of(t, "footnote num=\"1\" index=1 refs=1") == 1,
	    "footnote: superscript definition taken out and referenced");
	check(count_of(t, "noteref num=\"1\"") == 1,
	    "footnote: superscript reference in place");
	free(t);
	rp_doc_free(doc);

	/* Footnotes after a rule, digits glued to words. */
	t = tree_of("The General Assembly,\n\nNoting the report of the "
	    "Director,1 and the draft convention2\n"
	    "_______________\n1 See A/57/152.\n2 See A/58/37, \nannex II.\n"
	    "  1. Decides to act;\n2. Requests a report.\n", &doc);
	check(count_of(t, "footnote num=") == 2, "footnote: two after a rule");
	check(strstr(t, "annex II.") != NULL,
	    "footnote: continuation line kept in its definition");
	check(count_of(t, "noteref") == 2, "footnote: glued digits are markers");
	check(count_of(t, "paragraph num=") == 2,
	    "footnote: the zone ends at a numbered paragraph");
	free(t);
	rp_doc_free(doc);

	/* Masthead lines a PDF extraction ran together. */
	t = tree_of("United Nations\n\nGeneral Assembly Distr.: General 3 "
	    "December 2025\n\nEightieth session Agenda item 95 Outer space\n"
	    "\n80/17. Outer space\n\nThe General Assembly,\n\n1. Decides "
	    "to act.\n", &doc);
	check(strstr(t, "block role=distribution @3:18") != NULL &&
	    strstr(t, "block role=date @3:34") != NULL &&
	    strstr(t, "block role=agenda @5:19") != NULL &&
	    strstr(t, "title=\"Outer space\"") != NULL,
	    "masthead: run-together lines cut into body, distribution, date, "
	    "session, agenda");
	free(t);
	rp_doc_free(doc);

	/* 1940s resolutions: "Whereas" clauses before the formula. */
	t = tree_of("7 (1946). Resolution of 26 June 1946\n\nWhereas the "
	    "Council appointed a Sub-Committee,\n\nWhereas the facts are "
	    "confirmed,\n\nThe Security Council\n\nDecides to keep the "
	    "situation under observation.\n", &doc);
	check(count_of(t, "paragraph name=\"whereas\"") == 2 &&
	    strstr(t, "formula name=\"enactingFormula\" @7:1") != NULL &&
	    strstr(t, "title=") == NULL,
	    "preamble: 'Whereas' clauses before the formula");
	free(t);
	rp_doc_free(doc);

	/* Markers after a date, a year or a semicolon. */
	t = tree_of("The General Assembly,\n\nRecalling the signing in Cairo "
	    "on 11 April 1996,1 the Declaration of 2008,2 and its text of "
	    "12 August 1949; 3\n\n1. Decides to act.\n\n_______\n"
	    "1 A/50/426.\n2 See CD/1839.\n3 Ibid.\n", &doc);
	check(count_of(t, "noteref") == 3, "footnote: markers after "
	    "'1996,', a year's comma and '; '");
	free(t);
	rp_doc_free(doc);
	t = tree_of("The General Assembly,\n\nNoting the sum of 2008,2 "
	    "dollars,\n\n1. Decides to act.\n", &doc);
	check(count_of(t, "noteref") == 0, "footnote: no marker without a "
	    "footnote to call");
	free(t);
	rp_doc_free(doc);

	/* Two numbered paragraphs on one line. */
	t = tree_of("The Council,\n\n8. Recognizes the role; 9. Notes the "
	    "discussions;\n", &doc);
	check(strstr(t, "paragraph num=\"9.\"") != NULL,
	    "numbering: '; 9. Notes' splits off paragraph 9");
	free(t);
	rp_doc_free(doc);

	/* Nested sub-items, and (i) after (h) as a letter. */
	t = tree_of("The Council,\n\n1. Requests:\n\n(a) one;\n\n(i) first;\n\n"
	    "(ii) second;\n\n(b) two;\n", &doc);
	check(count_of(t, "list") == 2 && strstr(t, "item num=\"(ii)\"") !=
	    NULL, "items: roman items nest under a letter");
	free(t);
	rp_doc_free(doc);
	t = tree_of("The Council,\n\n1. Requests:\n\n(a) a;\n\n(b) b;\n\n(c) c;\n\n"
	    "(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) h;\n\n(i) i;\n\n(j) j.\n",
	    &doc);
	check(count_of(t, "list") == 1 && count_of(t, "item num=") == 10,
	    "items: (i) after (h) is the ninth letter");
	free(t);
	rp_doc_free(doc);

	/* What scans misread: "2," for "2.", "(6)" for "(b)". */
	t = tree_of("The Council,\n\n1. Requests:\n\n(a) one;\n\n(6) two;\n\n"
	    "2, Decides to remain seized of the matter.\n", &doc);
	check(strstr(t, "item num=\"(b)\"") != NULL && count_of(t, "list") == 1,
	    "scans: '(6)' after '(a)' is item (b)");
	check(strstr(t, "paragraph num=\"2.\"") != NULL,
	    "scans: '2, Decides' after paragraph 1 is paragraph 2");
	free(t);
	rp_doc_free(doc);
	t = tree_of("The Council,\n\n1. Affirms the resolutions;\n\n"
	    "Z. Demands that they be applied;\n3. Requests a report;\n"
	    "4, Extends the mandate.\n", &doc);
	check(count_of(t, "paragraph num=") == 4 &&
	    strstr(t, "paragraph num=\"4.\"") != NULL,
	    "scans: 'Z.' is 2, and '4, Extends' on the next line is 4");
	free(t);
	rp_doc_free(doc);
	t = tree_of("The Council,\n\n1. Recalls its resolution of\n"
	    "2 April 1993;\n\n2 Requests a report;\n\n3.Calls upon "
	    "States.\n", &doc);
	check(count_of(t, "paragraph num=") == 3 &&
	    strstr(t, "date href=\"1993-04-02\" @4:1") != NULL,
	    "scans: '2 Requests' and '3.Calls' are numbered, '2 April' is not");
	free(t);
	rp_doc_free(doc);

	/* Page furniture is kept apart, not lost; text after the closing
	 * formula stays after it. */
	t = tree_of("United Nations\nS/RES/9 (2025)\nSecurity Council\n"
	    "25-12345 (E)\n\nResolution 9 (2025)\n\nThe Security Council,\n\n"
	    "1. Decides to act;\n\n2. Requests a\n\n25-12345\n2/3\n"
	    "S/RES/9 (2025)\n\nreport.\n\nAdopted at the 9th meeting.\n\n"
	    "Decisions\n\nAt its 10th meeting, the Council decided to wait.\n"
	    "\n3/3\n", &doc);
	check(strstr(t, "furniture") != NULL && strstr(t, "text=\"2/3\"") &&
	    strstr(t, "text=\"S/RES/9 (2025)\"") != NULL &&
	    strstr(t, "Requests a report.") != NULL,
	    "furniture: kept apart, paragraph rejoined across it");
	check(strstr(t, "conclusion") != NULL && count_of(t, "paragraph num=")
	    == 2 && strstr(t, "text=\"Decisions\"") != NULL,
	    "conclusion: what follows it is not an operative paragraph");
	free(t);
	rp_doc_free(doc);

	/* Light Markdown becomes inline nodes. */
	t = tree_of("The Council,\n\n1. *Calls upon* States, **firmly**, "
	    "see [S/2021/1105](#) and resolution [1624 \\(2005\\)](#);\n", &doc);
	check(strstr(t, "emph") && strstr(t, "strong") &&
	    strstr(t, "docref symbol=\"S/2021/1105\"") &&
	    strstr(t, "docref symbol=\"S/RES/1624 (2005)\""),
	    "markdown: emphasis, strong, unwrapped links, escapes");
	check(strstr(t, "\\\\(") == NULL && strstr(t, "*Calls") == NULL,
	    "markdown: no Markdown punctuation left as text");
	free(t);
	rp_doc_free(doc);

	/* Binary input is refused with a position. */
	doc = rp_doc_new("bin");
	check(rp_read(doc, "abc\n\xff\xfe", 6, RP_FORMAT_TEXT) == -1 &&
	    rp_doc_diags(doc) != NULL && rp_doc_diags(doc)->line == 2,
	    "input: invalid UTF-8 refused at line 2");
	rp_doc_free(doc);
	doc = rp_doc_new("nul");
	check(rp_read(doc, "abc\0def", 7, RP_FORMAT_TEXT) == -1,
	    "input: NUL byte refused");
	rp_doc_free(doc);

	/* Unstructured text still converts, with a warning at its line. */
	t = tree_of("Just some words\nwith no structure at all\n\n"
	    "Another paragraph of prose.\n", &doc);
	check(strstr(t, "Just some words") != NULL &&
	    strstr(t, "paragraph unsure @4:1") != NULL,
	    "input: unstructured text kept, as paragraphs");
	{
		const rp_diag *dg;
		int warned = 0;

		for (dg = rp_doc_diags(doc); dg != NULL; dg = dg->next)
			if (dg->level == RP_WARNING && dg->line == 4)
				warned = 1;
		check(warned, "input: unstructured text warned about at line 4");
	}
	free(t);
	rp_doc_free(doc);
}

int
main(void)
{
	test_classify();
	test_phrase();
	test_dates();
	test_numbers();
	test_formula();
	test_reading();
	return failures ? 1 : 0;
}
