/* read_text.c -- first cut: every blank-line-separated block becomes an
 * operative paragraph.  Replaced by the structural reader. */
#include <string.h>

#include "backend.h"

int
rp_read_text(rp_doc *doc, const char *buf, size_t len)
{
	rp_node	*root = rp_document_new(doc, RP_DOC_RESOLUTION, 1, 1);
	rp_node	*body = rp_node_new(doc, RP_NODE_BODY, 1, 1);
	size_t	 i = 0, start;
	int	 line = 1;

	rp_node_append(root, body);
	while (i < len) {
		start = i;
		while (i < len && buf[i] != '\n')
			i++;
		if (i > start) {
			rp_node *p = rp_node_new(doc, RP_NODE_PARAGRAPH, line, 1);
			rp_node *b = rp_node_new(doc, RP_NODE_BLOCK, line, 1);

			rp_node_append(b, rp_text_new(doc, buf + start,
			    i - start, line, 1));
			rp_node_append(p, b);
			rp_node_append(body, p);
		}
		i++;
		line++;
	}
	doc->root = root;
	return 0;
}
