/* memo.h -- answers about short texts, kept per thread.  The reader asks
 * the same question of the same text many times (a line is tried by one
 * classifier after another, and again in each pass over the lines); the
 * tables do not change once loaded, so an answer about a text holds.  A
 * question is an op and a kind; its slot is chosen by the text (its
 * length, first and last bytes) and holds the text it answers. */
#ifndef RP_MEMO_H
#define RP_MEMO_H

#include <stddef.h>
#include <stdint.h>

#define RP_MEMO_TEXT	96		/* longest text kept */

typedef struct rp_memo_key {
	unsigned char	 op, kind, n;	/* n 0: the slot is empty */
	char		 text[RP_MEMO_TEXT];
} rp_memo_key;

/* Where the question (op, kind, s[0..n)) goes in a table of slots
 * (a power of 2); (size_t)-1 when the text is too long to keep. */
size_t	 rp_memo_index(int op, int kind, const char *s, size_t n,
	    size_t slots);
/* Whether k is the question (op, kind, s[0..n)). */
int	 rp_memo_holds(const rp_memo_key *k, int op, int kind,
	    const char *s, size_t n);
/* k is now the question (op, kind, s[0..n)). */
void	 rp_memo_set(rp_memo_key *k, int op, int kind, const char *s,
	    size_t n);

#endif
