/* map.h -- a hash map from byte strings to a number, for the places
 * where a list searched from the start made cost grow with the square
 * of the input (footnotes by marker, eIds, labels). */
#ifndef RP_MAP_H
#define RP_MAP_H

#include <stddef.h>

#include "respub.h"

struct rp_map_slot;

typedef struct rp_map {
	struct rp_map_slot	*slot;
	size_t			 n, cap;	/* cap: 0 or a power of 2 */
} rp_map;

void	 rp_map_init(rp_map *m);
void	 rp_map_free(rp_map *m);
/* The value of key[0..len), or NULL if the map does not hold it. */
size_t	*rp_map_get(const rp_map *m, const void *key, size_t len);
/* The value of key[0..len), added as 0 if new (then *added = 1 when
 * added is not NULL); rp_out_of_memory() if the system has none left. */
size_t	*rp_map_put(rp_map *m, const void *key, size_t len, int *added);

/*
 * A name not yet in taken, added to it, into out: first if free, else
 * stem, sep and 2, 3...  next remembers per first and stem where the
 * numbers stopped: a name taken stays taken, so a series is not tried
 * again from 2 (that was quadratic in names given alike).
 */
void	 rp_map_unique(rp_map *taken, rp_map *next, const char *first,
	    const char *stem, char sep, rp_buf *out);

#endif
