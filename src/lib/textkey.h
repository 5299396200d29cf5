/*
 * textkey.h - folded word hashes, lines and source line numbers shared by
 * the duplicate and boilerplate checks (dup_block, dup_near, dup_phrase,
 * dup_cross, boilerplate).
 */
#ifndef TQL_TEXTKEY_H
#define TQL_TEXTKEY_H

#include "internal.h"

/* 64-bit hash of the folded form of one word token (case and diacritics
 * folded, apostrophes and dots dropped, as tql_fold does). ASCII words take
 * a fast path; others are folded into `scratch`. Returns 0 only on
 * out-of-memory. */
uint64_t tql_key_word(const char *s, size_t n, tql_buf *scratch);

/* Combines a running sequence hash with the next element (order matters). */
static inline uint64_t tql_key_mix(uint64_t h, uint64_t w)
{
	h ^= w + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
	h *= 0xBF58476D1CE4E5B9ULL;
	return h ^ (h >> 31);
}

/* One line of the analysed text as a token range. */
typedef struct tql_line {
	size_t t0, t1;      /* tokens [t0, t1), without the line break */
	size_t off, len;    /* analysed span, trimmed of white space */
	size_t block;       /* index of the paragraph holding it */
} tql_line;

/* Advances over the lines of doc: *t is the next token index (start at 0).
 * Returns false when there are no more lines. Blank lines are skipped. */
bool tql_line_next(const tql_doc *doc, size_t *t, tql_line *ln);

/* Source line numbers of analysed offsets, from an index built lazily. */
typedef struct tql_linenum {
	size_t *start;
	size_t n;
	bool built;
} tql_linenum;

/* 1-based source line of analysed offset a; 0 on out-of-memory. */
unsigned tql_linenum_get(tql_linenum *li, const tql_doc *doc, size_t a);
void tql_linenum_free(tql_linenum *li);

/* Quotation depth: for every token, whether it lies inside a quotation
 * (“…”, „…“, «…», "…"), reset at each paragraph. *out is malloc'd, one
 * byte per token (caller frees). Returns false on out-of-memory. */
bool tql_quote_marks(const tql_doc *doc, unsigned char **out);

#endif
