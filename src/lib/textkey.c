/* textkey.c - folded word hashes, line iteration, source line numbers and
 * quotation marks for the duplicate and boilerplate checks. */
#include "textkey.h"

#include <stdlib.h>
#include <string.h>

uint64_t tql_key_word(const char *s, size_t n, tql_buf *scratch)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x80)
			break;
		if (c == '\'' || c == '.' || c == '`')
			continue;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		h = (h ^ c) * 1099511628211ULL;
	}
	if (i < n) {
		scratch->n = 0;
		if (!tql_fold(s, n, scratch))
			return 0;
		h = tql_hash(scratch->p ? scratch->p : "", scratch->n);
	}
	return h ? h : 1;
}

bool tql_line_next(const tql_doc *doc, size_t *t, tql_line *ln)
{
	size_t i = *t;
	while (i < doc->ntok) {
		uint8_t k = doc->tok[i].kind;
		if (k != TQL_TOK_SPACE && k != TQL_TOK_NEWLINE && k != TQL_TOK_PARA)
			break;
		i++;
	}
	if (i >= doc->ntok) {
		*t = i;
		return false;
	}
	size_t j = i, last = i;
	while (j < doc->ntok && doc->tok[j].kind != TQL_TOK_NEWLINE && doc->tok[j].kind != TQL_TOK_PARA) {
		if (doc->tok[j].kind != TQL_TOK_SPACE)
			last = j;
		j++;
	}
	ln->t0 = i;
	ln->t1 = last + 1;
	ln->off = doc->tok[i].off;
	ln->len = doc->tok[last].off + doc->tok[last].len - ln->off;
	/* the paragraph: blocks are few and lines come in order, so a binary
	 * search per line is cheap enough */
	size_t lo = 0, hi = doc->nblock;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (doc->block[mid].off <= ln->off)
			lo = mid;
		else
			hi = mid;
	}
	ln->block = lo;
	*t = j;
	return true;
}

/* Builds the index of source line starts. */
static bool linenum_build(tql_linenum *li, const tql_doc *doc)
{
	size_t cap = 0;
	li->n = 0;
	if (!TQL_GROW(li->start, cap, 1))
		return false;
	li->start[li->n++] = 0;
	const char *s = doc->src;
	for (size_t i = 0; i < doc->src_len; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= doc->src_len || s[i + 1] != '\n'))) {
			if (!TQL_GROW(li->start, cap, li->n + 1))
				return false;
			li->start[li->n++] = i + 1;
		}
	}
	li->built = true;
	return true;
}

unsigned tql_linenum_get(tql_linenum *li, const tql_doc *doc, size_t a)
{
	if (!li->built && !linenum_build(li, doc))
		return 0;
	size_t off = tql_doc_src_start(doc, a);
	size_t lo = 0, hi = li->n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (li->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (unsigned)lo + 1;
}

void tql_linenum_free(tql_linenum *li)
{
	free(li->start);
	li->start = NULL;
	li->n = 0;
	li->built = false;
}

bool tql_quote_marks(const tql_doc *doc, unsigned char **out)
{
	unsigned char *q = malloc(doc->ntok ? doc->ntok : 1);
	*out = q;
	if (!q)
		return false;
	int depth = 0;
	bool low9 = false;  /* quotation opened with „ (German: closed by “) */
	bool ascii = false; /* inside "..." */
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind == TQL_TOK_PARA) {
			depth = 0;
			low9 = ascii = false;
		}
		int before = depth + ascii;
		if (tk->kind == TQL_TOK_PUNCT) {
			const char *s = doc->text + tk->off;
			size_t i = 0;
			while (i < tk->len) {
				int32_t c = tql_u8_next(s, tk->len, &i);
				switch (c) {
				case 0x201E: /* „ */
					depth++;
					low9 = true;
					break;
				case 0x00AB: /* « */
				case 0x2039:
					depth++;
					break;
				case 0x201C: /* “ */
					if (low9 && depth > 0) {
						depth--;
						low9 = false;
					} else
						depth++;
					break;
				case 0x201D: /* ” */
				case 0x00BB: /* » */
				case 0x203A:
					if (depth > 0)
						depth--;
					break;
				case '"':
					ascii = !ascii;
					break;
				default: break;
				}
			}
		}
		if (depth > 8)
			depth = 8;
		/* a quote mark itself counts as inside */
		q[t] = (unsigned char)(before || depth || ascii);
	}
	return true;
}
