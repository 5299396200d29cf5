/* dup_block.c - duplicate.block: a line, a run of lines or a paragraph that
 * repeats earlier text of the same document after folding case, white space
 * and punctuation ("Physical Address / 304 North Cardinal St. / ..." twice).
 * Every line and paragraph gets a 64-bit hash of its folded words; a hash
 * table finds the first copy, so the check is linear in the document. */
#include "../internal.h"
#include "../textkey.h"

#include <stdlib.h>
#include <string.h>

static const tql_rule_info rules[] = {
	{"duplicate.block", "duplicate", TQL_SEV_WARNING,
	 "a line, run of lines or paragraph repeats earlier text of the document"},
};

/* A line alone is a block only with at least this many words and letters;
 * shorter lines count only inside a repeated run that reaches it. A single
 * line of fewer than LONG_WORDS words (a heading, a salutation such as
 * "To the editor of the Inquirer:", which recurs in Brown news letters)
 * counts only when its first copy is at most NEAR_LINES lines before. */
enum { MIN_WORDS = 3, MIN_CHARS = 20, LONG_WORDS = 8, NEAR_LINES = 2 };

typedef struct unit {
	uint64_t hash;      /* 0: no words */
	size_t off, len;    /* analysed span */
	size_t block;
	uint32_t words, chars;
	bool reported;
} unit;

/* Open-addressing table: hash -> first unit index + 1. */
typedef struct htab {
	uint64_t *key;
	uint32_t *val;
	size_t cap;
} htab;

static bool htab_init(htab *h, size_t n)
{
	h->cap = 16;
	while (h->cap < n * 2)
		h->cap *= 2;
	h->key = calloc(h->cap, sizeof *h->key);
	h->val = calloc(h->cap, sizeof *h->val);
	return h->key && h->val;
}

/* Returns the stored index + 1 for hash, inserting idx + 1 if absent. */
static uint32_t htab_first(htab *h, uint64_t hash, uint32_t idx)
{
	for (size_t i = hash & (h->cap - 1);; i = (i + 1) & (h->cap - 1)) {
		if (!h->val[i]) {
			h->key[i] = hash;
			h->val[i] = idx + 1;
			return idx + 1;
		}
		if (h->key[i] == hash)
			return h->val[i];
	}
}

static void htab_free(htab *h)
{
	free(h->key);
	free(h->val);
}

/* Hashes the words of tokens [t0, t1); counts words and letters. */
static bool hash_tokens(const tql_doc *doc, size_t t0, size_t t1, tql_buf *scratch, unit *u)
{
	uint64_t h = 0;
	for (size_t t = t0; t < t1; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD && tk->kind != TQL_TOK_NUMBER)
			continue;
		uint64_t w = tql_key_word(doc->text + tk->off, tk->len, scratch);
		if (!w)
			return false;
		h = tql_key_mix(h, w);
		u->words++;
		u->chars += (uint32_t)tql_u8_count(doc->text + tk->off, tk->len);
	}
	u->hash = u->words ? (h ? h : 1) : 0;
	return true;
}

static bool long_enough(uint32_t words, uint32_t chars)
{
	return words >= MIN_WORDS && chars >= MIN_CHARS;
}

/* Line-level pass: every repeated run of lines becomes one finding. */
static tql_status scan_lines(tql_ctx *ctx, unit *u, size_t n, tql_linenum *ln)
{
	htab h;
	tql_status st = TQL_OK;
	if (!htab_init(&h, n)) {
		htab_free(&h);
		return TQL_ENOMEM;
	}
	uint32_t *first = malloc(sizeof *first * (n ? n : 1));
	if (!first) {
		htab_free(&h);
		return TQL_ENOMEM;
	}
	for (size_t i = 0; i < n; i++)
		first[i] = u[i].hash ? htab_first(&h, u[i].hash, (uint32_t)i) - 1 : (uint32_t)i;
	size_t i = 0;
	while (i < n) {
		size_t j = first[i];
		if (j == i) {
			i++;
			continue;
		}
		size_t L = 1;
		uint32_t words = u[i].words, chars = u[i].chars;
		while (i + L < n && j + L < i && u[i + L].hash && u[i + L].hash == u[j + L].hash) {
			words += u[i + L].words;
			chars += u[i + L].chars;
			L++;
		}
		if (!long_enough(words, chars) ||
		    (L == 1 && words < LONG_WORDS && i - j > NEAR_LINES)) {
			i++;
			continue;
		}
		size_t off = u[i].off, end = u[i + L - 1].off + u[i + L - 1].len;
		unsigned a = tql_linenum_get(ln, ctx->doc, u[j].off);
		unsigned b = tql_linenum_get(ln, ctx->doc, u[j + L - 1].off);
		unsigned c = tql_linenum_get(ln, ctx->doc, off);
		unsigned d = tql_linenum_get(ln, ctx->doc, u[i + L - 1].off);
		bool ok;
		if (L == 1)
			ok = tql_emit(ctx, "duplicate.block", off, end - off, NULL, false,
			              "line %u repeats line %u", c, a);
		else
			ok = tql_emit(ctx, "duplicate.block", off, end - off, NULL, false,
			              "lines %u-%u repeat lines %u-%u", c, d, a, b);
		if (!ok) {
			st = TQL_ENOMEM;
			break;
		}
		for (size_t k = 0; k < L; k++)
			u[i + k].reported = true;
		i += L;
	}
	free(first);
	htab_free(&h);
	return st;
}

/* Paragraph-level pass: a paragraph of several lines (hard-wrapped) that
 * repeats an earlier paragraph, when its lines were not reported already. */
static tql_status scan_blocks(tql_ctx *ctx, const unit *lines, size_t nl, tql_buf *scratch,
                              tql_linenum *ln)
{
	tql_doc *doc = ctx->doc;
	if (doc->nblock < 2)
		return TQL_OK;
	unit *b = calloc(doc->nblock, sizeof *b);
	uint32_t *nlines = calloc(doc->nblock, sizeof *nlines);
	uint32_t *nrep = calloc(doc->nblock, sizeof *nrep);
	htab h = {0};
	tql_status st = TQL_ENOMEM;
	if (!b || !nlines || !nrep || !htab_init(&h, doc->nblock))
		goto done;
	for (size_t i = 0; i < nl; i++) {
		nlines[lines[i].block]++;
		nrep[lines[i].block] += lines[i].reported;
	}
	/* hash every paragraph from its tokens, in one pass */
	size_t t = 0;
	for (size_t k = 0; k < doc->nblock; k++) {
		size_t end = doc->block[k].off + doc->block[k].len;
		size_t t0 = t;
		while (t < doc->ntok && doc->tok[t].off < end)
			t++;
		b[k].off = doc->block[k].off;
		b[k].len = doc->block[k].len;
		if (!hash_tokens(doc, t0, t, scratch, &b[k]))
			goto done;
	}
	for (size_t k = 0; k < doc->nblock; k++) {
		if (!b[k].hash)
			continue;
		size_t j = htab_first(&h, b[k].hash, (uint32_t)k) - 1;
		if (j == k || nlines[k] < 2 || nrep[k] == nlines[k] ||
		    !long_enough(b[k].words, b[k].chars))
			continue;
		unsigned a = tql_linenum_get(ln, doc, b[j].off);
		if (!tql_emit(ctx, "duplicate.block", b[k].off, b[k].len, NULL, false,
		              "this paragraph repeats the paragraph at line %u", a))
			goto done;
	}
	st = TQL_OK;
done:
	htab_free(&h);
	free(b);
	free(nlines);
	free(nrep);
	return st;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	if (!tql_rule_enabled(ctx->eng, "duplicate.block"))
		return TQL_OK;
	unit *u = NULL;
	size_t n = 0, cap = 0, t = 0;
	tql_buf scratch = {0};
	tql_linenum ln = {0};
	tql_status st = TQL_ENOMEM;
	tql_line line;
	while (tql_line_next(doc, &t, &line)) {
		if (!TQL_GROW(u, cap, n + 1))
			goto done;
		u[n] = (unit){0};
		u[n].off = line.off;
		u[n].len = line.len;
		u[n].block = line.block;
		if (!hash_tokens(doc, line.t0, line.t1, &scratch, &u[n]))
			goto done;
		n++;
	}
	st = scan_lines(ctx, u, n, &ln);
	if (st == TQL_OK)
		st = scan_blocks(ctx, u, n, &scratch, &ln);
done:
	free(u);
	tql_buf_free(&scratch);
	tql_linenum_free(&ln);
	return st;
}

const tql_check_def tql_check_dup_block = {
	"dup-block", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
