/* lib_api.c -- a program using only the installed respub.h and
 * librespub: read a file, write it in the format named by argv[1]. */
#include <stdio.h>
#include <stdlib.h>

#include <respub.h>

int
main(int argc, char **argv)
{
	rp_doc		*doc;
	rp_writer	*w;
	rp_buf		 in, out;
	const char	*err = NULL;
	rp_options	 opt = { 0 };
	FILE		*f;
	char		 chunk[4096];
	size_t		 n;
	int		 rc = 1;

	if (argc != 3 || (f = fopen(argv[2], "rb")) == NULL)
		return 2;
	rp_buf_init(&in);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		rp_buf_put(&in, chunk, n);
	fclose(f);
	doc = rp_doc_new(argv[2]);
	rp_buf_init(&out);
	if (rp_read(doc, in.data, in.len, RP_FORMAT_UNKNOWN) == 0 &&
	    (w = rp_writer_new(rp_format_parse(argv[1]), &opt, &err)) != NULL) {
		if (rp_writer_render(w, doc, &out) == 0) {
			fwrite(out.data, 1, out.len, stdout);
			rc = 0;
		}
		rp_writer_free(w);
	} else if (err != NULL)
		fprintf(stderr, "lib_api: %s\n", err);
	rp_buf_free(&in);
	rp_buf_free(&out);
	rp_doc_free(doc);
	return rc;
}
