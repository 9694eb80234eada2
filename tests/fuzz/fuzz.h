/* fuzz.h -- the one body of every libFuzzer target in tests/fuzz/.
 *
 * A target defines FUZZ_FORMAT (the reader it drives) and includes this
 * file.  Each input is read with rp_read; when it parses, it is rendered
 * with the tree, akn, md and html writers, and, when it is small, with
 * the PDF writer (which subsets and embeds fonts, too slow for every
 * input).  The writers are made once, as the command makes them, from
 * the data directory in $RESPUB_DATA_DIR or the source tree's.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "respub.h"

#ifndef FUZZ_DATA_DIR
#define FUZZ_DATA_DIR "."
#endif
/* Inputs up to this size also go through the PDF writer. */
#ifndef FUZZ_PDF_MAX
#define FUZZ_PDF_MAX 2048
#endif

static const rp_format fuzz_to[] = {
	RP_FORMAT_TREE, RP_FORMAT_AKN, RP_FORMAT_MD, RP_FORMAT_HTML,
	RP_FORMAT_PDF
};
#define FUZZ_NTO (sizeof(fuzz_to) / sizeof(fuzz_to[0]))
static rp_writer *fuzz_writer[FUZZ_NTO];

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static rp_options	 opt;
	const char		*err, *dir = getenv("RESPUB_DATA_DIR");
	size_t			 k;

	(void)argc;
	(void)argv;
	opt.data_dir = dir != NULL && *dir != '\0' ? dir : FUZZ_DATA_DIR;
	for (k = 0; k < FUZZ_NTO; k++) {
		if ((fuzz_writer[k] = rp_writer_new(fuzz_to[k], &opt,
		    &err)) == NULL) {
			fprintf(stderr, "fuzz: cannot write %s: %s\n",
			    rp_format_name(fuzz_to[k]), err);
			exit(1);
		}
	}
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	rp_doc	*doc;
	rp_buf	 out;
	size_t	 k;

	if ((doc = rp_doc_new("fuzz")) == NULL)
		abort();
	if (rp_read(doc, (const char *)data, size, FUZZ_FORMAT) == 0) {
		rp_buf_init(&out);
		for (k = 0; k < FUZZ_NTO; k++) {
			if (fuzz_to[k] == RP_FORMAT_PDF && size > FUZZ_PDF_MAX)
				continue;
			rp_buf_reset(&out);
			(void)rp_writer_render(fuzz_writer[k], doc, &out);
		}
		rp_buf_free(&out);
	}
	rp_doc_free(doc);
	return 0;
}
