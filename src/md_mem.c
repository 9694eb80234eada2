/* md_mem.c -- cmark-gfm's allocator for read_md.c and write_md.c: out
 * of memory ends the process with one line and status 1, as the rest of
 * the library does, where cmark's own would abort(). */
#include <stdlib.h>

#include <cmark-gfm.h>

#include "arena.h"
#include "md_meta.h"

static void *
md_calloc(size_t n, size_t size)
{
	void *p = calloc(n, size);

	if (p == NULL && n > 0 && size > 0)
		rp_out_of_memory();
	return p;
}

static void *
md_realloc(void *p, size_t size)
{
	if ((p = realloc(p, size)) == NULL && size > 0)
		rp_out_of_memory();
	return p;
}

struct cmark_mem *
rp_md_mem(void)
{
	static cmark_mem mem = { md_calloc, md_realloc, free };

	return &mem;
}
