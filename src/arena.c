/* arena.c -- region allocation for document trees. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"

struct rp_chunk {
	struct rp_chunk	*next;
	size_t		 used, size;
	max_align_t	 data[];
};

#define CHUNK_SIZE	(64 * 1024)

void
rp_out_of_memory(void)
{
	static const char msg[] = "respub: error: out of memory\n";

	/* write(2), not stdio: stdio may need memory. */
	(void)!write(STDERR_FILENO, msg, sizeof(msg) - 1);
	_exit(1);
}

void
rp_arena_init(rp_arena *a)
{
	a->chunks = NULL;
}

void
rp_arena_free(rp_arena *a)
{
	struct rp_chunk *c, *next;

	for (c = a->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
}

/* n bytes of the arena, not zeroed: zeroing whole chunks up front cost
 * more than the reading they serve. */
static void *
arena_raw(rp_arena *a, size_t n)
{
	struct rp_chunk	*c = a->chunks;
	size_t		 align = sizeof(max_align_t), size;
	void		*p;

	n = (n + align - 1) / align * align;
	if (c == NULL || c->size - c->used < n) {
		size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = malloc(sizeof(*c) + size);
		if (c == NULL)
			rp_out_of_memory();
		c->size = size;
		c->used = 0;
		c->next = a->chunks;
		a->chunks = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	return p;
}

void *
rp_arena_alloc(rp_arena *a, size_t n)
{
	return memset(arena_raw(a, n), 0, n);
}

void *
rp_grow(void *p, size_t n, size_t *cap, size_t size)
{
	size_t c = *cap ? *cap : 16;

	if (n < *cap)
		return p;
	while (c <= n)
		c *= 2;
	if ((p = realloc(p, c * size)) == NULL)
		rp_out_of_memory();
	*cap = c;
	return p;
}

char *
rp_arena_strndup(rp_arena *a, const char *s, size_t n)
{
	char *p = arena_raw(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
rp_arena_strdup(rp_arena *a, const char *s)
{
	return s == NULL ? NULL : rp_arena_strndup(a, s, strlen(s));
}
