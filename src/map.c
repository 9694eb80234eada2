/* map.c -- open addressing with linear probing; keys copied. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "map.h"

struct rp_map_slot {
	char	*key;		/* NULL: empty */
	size_t	 len, hash, value;
};

static size_t
hash_bytes(const void *key, size_t len)
{
	const unsigned char	*p = key;
	uint64_t		 h = 1469598103934665603ULL;	/* FNV-1a */

	while (len-- > 0)
		h = (h ^ *p++) * 1099511628211ULL;
	return (size_t)(h ^ (h >> 32));
}

void
rp_map_init(rp_map *m)
{
	memset(m, 0, sizeof(*m));
}

void
rp_map_free(rp_map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->slot[i].key);
	free(m->slot);
	rp_map_init(m);
}

/* The slot of key: its own, or the empty one where it would go. */
static struct rp_map_slot *
find(const rp_map *m, const void *key, size_t len, size_t h)
{
	struct rp_map_slot	*s;
	size_t			 i = h & (m->cap - 1);

	for (;; i = (i + 1) & (m->cap - 1)) {
		s = &m->slot[i];
		if (s->key == NULL || (s->hash == h && s->len == len &&
		    memcmp(s->key, key, len) == 0))
			return s;
	}
}

size_t *
rp_map_get(const rp_map *m, const void *key, size_t len)
{
	struct rp_map_slot *s;

	if (m->cap == 0)
		return NULL;
	s = find(m, key, len, hash_bytes(key, len));
	return s->key != NULL ? &s->value : NULL;
}

/* Twice the slots, every key moved to its place among them. */
static void
grow(rp_map *m)
{
	rp_map			 bigger;
	struct rp_map_slot	*s;
	size_t			 i;

	bigger.cap = m->cap ? 2 * m->cap : 16;
	bigger.n = m->n;
	if ((bigger.slot = calloc(bigger.cap, sizeof(*bigger.slot))) == NULL)
		rp_out_of_memory();
	for (i = 0; i < m->cap; i++)
		if (m->slot[i].key != NULL) {
			s = find(&bigger, m->slot[i].key, m->slot[i].len,
			    m->slot[i].hash);
			*s = m->slot[i];
		}
	free(m->slot);
	*m = bigger;
}

size_t *
rp_map_put(rp_map *m, const void *key, size_t len, int *added)
{
	struct rp_map_slot	*s;
	size_t			 h = hash_bytes(key, len);

	if (added != NULL)
		*added = 0;
	if (2 * (m->n + 1) > m->cap)
		grow(m);
	s = find(m, key, len, h);
	if (s->key != NULL)
		return &s->value;
	/* One byte more, so that a key of length 0 is not NULL. */
	if ((s->key = malloc(len + 1)) == NULL)
		rp_out_of_memory();
	memcpy(s->key, key, len);
	s->len = len;
	s->hash = h;
	s->value = 0;
	m->n++;
	if (added != NULL)
		*added = 1;
	return &s->value;
}

/* Whether the name in b is free in taken: then it is taken. */
static int
take(rp_map *taken, const rp_buf *b)
{
	int added;

	rp_map_put(taken, b->data, b->len, &added);
	return added;
}

/* A free first costs one look-up: next is asked only for a series,
 * which always starts at a first already taken (and taken stays so). */
void
rp_map_unique(rp_map *taken, rp_map *next, const char *first,
    const char *stem, char sep, rp_buf *out)
{
	rp_buf	 key;
	size_t	*k;

	rp_buf_reset(out);
	rp_buf_puts(out, first);
	if (take(taken, out))
		return;
	rp_buf_init(&key);
	rp_buf_put(&key, first, strlen(first) + 1);
	rp_buf_puts(&key, stem);
	k = rp_map_put(next, key.data, key.len, NULL);
	rp_buf_free(&key);
	for (*k = *k ? *k : 2;; ++*k) {
		rp_buf_reset(out);
		rp_buf_printf(out, "%s%c%zu", stem, sep, *k);
		if (take(taken, out))
			break;
	}
	++*k;
}
