/* arena.h -- for any part of librespub that allocates document memory. */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stddef.h>

/* A region allocator: many small allocations, one free. */
typedef struct rp_arena {
	struct rp_chunk	*chunks;
} rp_arena;

/*
 * Out of memory: one line on stderr and exit status 1 (what the command
 * documents for an input it cannot convert), instead of abort()'s core
 * and status 134.  Nothing sane can go on without memory.
 */
_Noreturn void	 rp_out_of_memory(void);

void	 rp_arena_init(rp_arena *a);
void	 rp_arena_free(rp_arena *a);
/* Zeroed memory; rp_out_of_memory() if the system has none left. */
void	*rp_arena_alloc(rp_arena *a, size_t n);
char	*rp_arena_strdup(rp_arena *a, const char *s);
char	*rp_arena_strndup(rp_arena *a, const char *s, size_t n);

/*
 * Make room for element n of a malloc'd array p of *cap elements of
 * size bytes, doubling it as needed; rp_out_of_memory() if the system has
 * none left, like rp_arena_alloc.  RP_GROW(ptr, n, cap) is the usual call.
 */
void	*rp_grow(void *p, size_t n, size_t *cap, size_t size);
#define RP_GROW(ptr, n, cap) \
	((ptr) = rp_grow((ptr), (n), &(cap), sizeof(*(ptr))))

#endif
