/* md_meta.h -- for write_md.c and read_md.c only: the YAML front-matter
 * fields, so that the writer and the reader agree on names and values. */
#ifndef RP_MD_META_H
#define RP_MD_META_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "doc.h"

/* cmark-gfm's allocator for both (md_mem.c): no abort() when out of
 * memory. */
struct cmark_mem	*rp_md_mem(void);

enum md_field {
	MD_F_SYMBOL, MD_F_BODY, MD_F_NUMBER, MD_F_YEAR, MD_F_DATE,
	MD_F_MEETING, MD_F_SESSION, MD_F_LANGUAGE, MD_F_TITLE,
	MD_F_DISTRIBUTION, MD_F_KIND, MD_F_VOTES, MD_F__MAX
};

static const char *const md_field_names[MD_F__MAX] = {
	"symbol", "body", "number", "year", "date", "meeting", "session",
	"language", "title", "distribution", "kind", "votes"
};

static const char *const md_kind_names[] = { "resolution", "annex",
	"letter" };

/* The field called name (its first len bytes), or -1. */
static inline int
md_field_find(const char *name, size_t len)
{
	int f;

	for (f = 0; f < MD_F__MAX; f++)
		if (strlen(md_field_names[f]) == len &&
		    memcmp(md_field_names[f], name, len) == 0)
			return f;
	return -1;
}

/* The value of field f in m as text into b; 0 when the field is unset. */
static inline int
md_field_get(const rp_meta *m, int f, rp_buf *b)
{
	const char *s = NULL;

	switch (f) {
	case MD_F_SYMBOL:	s = m->symbol; break;
	case MD_F_NUMBER:	s = m->number; break;
	case MD_F_DATE:		s = m->date; break;
	case MD_F_MEETING:	s = m->meeting; break;
	case MD_F_SESSION:	s = m->session; break;
	case MD_F_LANGUAGE:	s = m->language; break;
	case MD_F_TITLE:	s = m->title; break;
	case MD_F_DISTRIBUTION:	s = m->distribution; break;
	case MD_F_BODY:
		if (m->body != RP_BODY_UNKNOWN)
			s = rp_body_name(m->body);
		break;
	case MD_F_KIND:
		/* A resolution is what a document is unless it says. */
		if (m->kind != RP_DOC_RESOLUTION)
			s = md_kind_names[m->kind];
		break;
	case MD_F_YEAR:
		if (m->year == 0)
			return 0;
		rp_buf_printf(b, "%d", m->year);
		return 1;
	case MD_F_VOTES:
		if (m->votes_for < 0 && m->votes_against < 0 &&
		    m->votes_abstain < 0)
			return 0;
		rp_buf_printf(b, "%d-%d-%d", m->votes_for, m->votes_against,
		    m->votes_abstain);
		return 1;
	}
	if (s == NULL)
		return 0;
	rp_buf_puts(b, s);
	return 1;
}

#endif
