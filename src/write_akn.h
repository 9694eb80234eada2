/* write_akn.h -- the Akoma Ntoso 3.0 tree of a document, for writers that
 * work on the XML in memory (the HTML writer runs XSLT on it). */
#ifndef RP_WRITE_AKN_H
#define RP_WRITE_AKN_H

#include <libxml/tree.h>

#include "doc.h"

/*
 * Build the AKN tree of doc->root.  The caller owns the result and frees
 * it with xmlFreeDoc().  Returns NULL after rp_msg() on failure.
 * opt may be NULL.
 */
xmlDocPtr	rp_akn_build(rp_doc *doc, const rp_options *opt);

#endif
