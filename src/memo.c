/* memo.c -- the keys of the answers kept about short texts (memo.h). */
#include <string.h>

#include "memo.h"

static uint64_t
memo_hash(int op, int kind, const char *s, size_t n)
{
	uint64_t	 a = 0, b = 0, h;

	memcpy(&a, s, n < 8 ? n : 8);
	if (n > 8)
		memcpy(&b, s + n - 8, 8);
	h = (uint64_t)n * 0x9E3779B97F4A7C15u ^ (uint64_t)(op << 8 | kind);
	h ^= a * 0xFF51AFD7ED558CCDu;
	h ^= b * 0xC4CEB9FE1A85EC53u;
	return h ^ h >> 29 ^ h >> 47;
}

size_t
rp_memo_index(int op, int kind, const char *s, size_t n, size_t slots)
{
	if (n == 0 || n > RP_MEMO_TEXT)
		return (size_t)-1;
	return (size_t)(memo_hash(op, kind, s, n) & (slots - 1));
}

int
rp_memo_holds(const rp_memo_key *k, int op, int kind, const char *s,
    size_t n)
{
	return k->n == n && k->op == op && k->kind == kind &&
	    memcmp(k->text, s, n) == 0;
}

void
rp_memo_set(rp_memo_key *k, int op, int kind, const char *s, size_t n)
{
	k->op = (unsigned char)op;
	k->kind = (unsigned char)kind;
	k->n = (unsigned char)n;
	memcpy(k->text, s, n);
}
