/* xml_error.c -- libxml2's parse errors said in respub's words: its own
 * lines name its functions and options ("xmlParseCharRef: invalid
 * xmlChar value 0", "use XML_PARSE_HUGE option"), not what is wrong
 * with the file or how to mend it. */
#include <stdio.h>
#include <string.h>

#include <libxml/xmlerror.h>

#include "backend.h"

/* What libxml2's most frequent errors mean; %1 and %2 are its str1 and
 * str2, %i its int1 (the line of an open tag, a character's value). */
static const struct {
	int		 code;
	const char	*say;
} known[] = {
	{ XML_ERR_TAG_NAME_MISMATCH,
	    "end tag </%2> does not close <%1> (opened on line %i)" },
	{ XML_ERR_TAG_NOT_FINISHED,
	    "the file ends inside <%1> (opened on line %i)" },
	{ XML_ERR_UNDECLARED_ENTITY, "entity &%1; is not defined" },
	{ XML_WAR_UNDECLARED_ENTITY, "entity &%1; is not defined" },
	{ XML_ERR_ATTRIBUTE_REDEFINED, "attribute %1 given twice" },
	{ XML_ERR_INVALID_CHARREF,
	    "&#%i; is a character XML does not allow" },
	{ XML_ERR_INVALID_CHAR, "a character XML does not allow" },
	{ XML_ERR_DOCUMENT_EMPTY, "no element: the file is empty" },
	{ XML_ERR_DOCUMENT_END, "more after the end of the root element" },
	{ XML_ERR_NAME_REQUIRED,
	    "a '<' or '&' with no name after it (write &lt; or &amp;)" },
	{ XML_ERR_ENTITYREF_SEMICOL_MISSING,
	    "an '&' not ending in ';' (write &amp; for '&')" },
	{ XML_ERR_LT_IN_ATTRIBUTE,
	    "a '<' in an attribute value (write &lt;)" },
	{ XML_ERR_ATTRIBUTE_WITHOUT_VALUE, "attribute %1 has no value" },
	{ XML_ERR_ATTRIBUTE_NOT_STARTED,
	    "an attribute value not in quotes" },
	{ XML_ERR_GT_REQUIRED, "a tag does not end with '>'" },
	{ XML_ERR_LTSLASH_REQUIRED, "an end tag ('</') is missing" },
	{ XML_ERR_COMMENT_NOT_FINISHED, "a comment ('<!--') is not closed" },
	{ XML_ERR_HYPHEN_IN_COMMENT, "'--' inside a comment" },
	{ XML_ERR_CDATA_NOT_FINISHED, "a CDATA section is not closed" },
	{ XML_ERR_ENTITY_LOOP, "an entity refers to itself" },
	{ XML_ERR_RESERVED_XML_NAME,
	    "the XML declaration ('<?xml') is not at the very start" },
	{ XML_ERR_UNSUPPORTED_ENCODING, "an encoding respub cannot read" },
	{ XML_ERR_INVALID_ENCODING, "bytes not in the declared encoding" },
};

/* One of known[] with its values put in. */
static void
fill(char *buf, size_t size, const char *say, const xmlError *e)
{
	size_t n = 0;

	for (; *say != '\0' && n + 1 < size; say++) {
		const char *v = NULL;
		char num[16];

		if (*say == '%' && (say[1] == '1' || say[1] == '2')) {
			v = say[1] == '1' ? e->str1 : e->str2;
			v = v != NULL ? v : "?";
		} else if (*say == '%' && say[1] == 'i') {
			snprintf(num, sizeof(num), "%d", e->int1);
			v = num;
		}
		if (v == NULL) {
			buf[n++] = *say;
			continue;
		}
		n += (size_t)snprintf(buf + n, size - n, "%s", v);
		n = n < size ? n : size - 1;
		say++;
	}
	buf[n] = '\0';
}

/* An error not in known[]: libxml2's text without the name of its
 * function ("xmlParseFoo: ") and its line break. */
static void
plain(char *buf, size_t size, const char *msg)
{
	const char	*colon = msg != NULL ? strstr(msg, ": ") : NULL;
	size_t		 n;

	if (msg == NULL)
		msg = "not well-formed";
	else if (colon != NULL && strncmp(msg, "xml", 3) == 0 &&
	    strcspn(msg, " ") > (size_t)(colon - msg))
		msg = colon + 2;
	snprintf(buf, size, "%s", msg);
	n = strlen(buf);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		buf[--n] = '\0';
}

void
rp_xml_error(rp_doc *doc, const xmlError *e)
{
	char	what[512];
	size_t	i;

	/* libxml2's own limits speak of its options: say what. */
	if (e->message != NULL && (strstr(e->message, "XML_PARSE_HUGE") ||
	    strstr(e->message, "Huge input lookup"))) {
		rp_msg(doc, RP_ERROR, "limit", e->line, e->int2, "a text, name "
		    "or value longer than libxml2 reads (10 MB)");
		return;
	}
	for (i = 0; i < sizeof(known) / sizeof(*known); i++)
		if (known[i].code == e->code)
			break;
	if (i < sizeof(known) / sizeof(*known))
		fill(what, sizeof(what), known[i].say, e);
	else
		plain(what, sizeof(what), e->message);
	rp_msg(doc, RP_ERROR, "xml", e->line, e->int2, "malformed XML: %s",
	    what);
}
