/* write_akn.h -- the Akoma Ntoso 3.0 tree of a document, for writers that
 * work on the XML in memory (the HTML writer runs XSLT on it), and the
 * vocabulary the AKN writer and reader share. */
#ifndef RP_WRITE_AKN_H
#define RP_WRITE_AKN_H

#include <libxml/tree.h>

#include "doc.h"

#define RP_AKN_NS	"http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
/* Our <proprietary> metadata: the exact rp_meta, for a lossless reread. */
#define RP_AKN_META_NS	"urn:x-respub:meta:1"
/* Container name of a preambular paragraph without an ASCII phrase key. */
#define RP_AKN_PREAMBULAR	"preambularParagraph"

/*
 * Build the AKN tree of doc->root.  The caller owns the result and frees
 * it with xmlFreeDoc().  Returns NULL after rp_msg() on failure.
 * opt may be NULL.
 */
xmlDocPtr	rp_akn_build(rp_doc *doc, const rp_options *opt);

/* Whether el is a unit of a debate or judgment that holds blocks
 * (debateSection, speech, motivation...): a CONTAINER of the model. */
int		 rp_akn_is_unit(const char *el);

/* class of a VOTE_GROUP's blockContainer, by rp_vote_kind. */
const char	*rp_akn_vote_class(int kind);

#endif
