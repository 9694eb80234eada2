/* buf.c -- growable NUL-terminated byte buffers. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "respub.h"
#include "arena.h"

void
rp_buf_init(rp_buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

void
rp_buf_free(rp_buf *b)
{
	free(b->data);
	rp_buf_init(b);
}

void
rp_buf_reset(rp_buf *b)
{
	b->len = 0;
	if (b->data != NULL)
		b->data[0] = '\0';
}

static void
grow(rp_buf *b, size_t need)
{
	size_t	 cap = b->cap ? b->cap : 256;
	char	*p;

	if (b->len + need + 1 <= b->cap)
		return;
	while (cap < b->len + need + 1)
		cap *= 2;
	if ((p = realloc(b->data, cap)) == NULL)
		rp_out_of_memory();
	b->data = p;
	b->cap = cap;
}

void
rp_buf_put(rp_buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		grow(b, n);
	if (n > 0)
		memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
rp_buf_puts(rp_buf *b, const char *s)
{
	rp_buf_put(b, s, strlen(s));
}

/* A byte at a time is how writers escape text: no call to grow or
 * memcpy while there is room. */
void
rp_buf_putc(rp_buf *b, int c)
{
	if (b->len + 2 > b->cap)
		grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void
rp_buf_printf(rp_buf *b, const char *fmt, ...)
{
	va_list	ap;
	int	n;
	size_t	room;

	/* Into the room the buffer has: formatted once, not measured
	 * first, unless it does not fit. */
	grow(b, 0);
	room = b->cap - b->len;
	va_start(ap, fmt);
	n = vsnprintf(b->data + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->data[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		grow(b, (size_t)n);
		va_start(ap, fmt);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	b->len += (size_t)n;
}
