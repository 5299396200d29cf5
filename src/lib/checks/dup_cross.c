/* dup_cross.c - duplicate.cross-file: in a run over many files (the CLI's
 * --cross-file), records a fingerprint of every paragraph of MIN_WORDS words
 * or more in the engine's corpus index (corpus.c); the findings are added
 * after all files are read, by tql_corpus_report(). */
#include "../internal.h"
#include "../textkey.h"

#include <stdlib.h>

static const tql_rule_info rules[] = {
	{"duplicate.cross-file", "duplicate", TQL_SEV_INFO,
	 "a paragraph appears in several files of the run (copied boilerplate)"},
};

enum { MIN_WORDS = 8 };

/* Folded-word hash of tokens [t0, t1); *words counts them. 0 on OOM. */
static uint64_t hash_range(const tql_doc *doc, size_t t0, size_t t1, tql_buf *scratch,
                           size_t *words)
{
	uint64_t h = 0x51ED270B27A5A9E5ULL;
	*words = 0;
	for (size_t t = t0; t < t1; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD && tk->kind != TQL_TOK_NUMBER)
			continue;
		uint64_t w = tql_key_word(doc->text + tk->off, tk->len, scratch);
		if (!w)
			return 0;
		h = tql_key_mix(h, w);
		(*words)++;
	}
	return h ? h : 1;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	if (!ctx->eng->corpus || !doc->path || !tql_rule_enabled(ctx->eng, "duplicate.cross-file"))
		return TQL_OK;
	uint64_t *h = NULL;
	size_t *off = NULL, *len = NULL, n = 0, cap = 0, cap2 = 0, cap3 = 0;
	tql_buf scratch = {0};
	tql_status st = TQL_ENOMEM;
	size_t t = 0, bt = 0, words;
	tql_line ln;
	/* one-line paragraphs and long lines; then paragraphs of several lines */
	size_t *lines_in = calloc(doc->nblock + 1, sizeof *lines_in);
	if (!lines_in)
		goto done;
	while (tql_line_next(doc, &t, &ln)) {
		lines_in[ln.block]++;
		uint64_t x = hash_range(doc, ln.t0, ln.t1, &scratch, &words);
		if (!x)
			goto done;
		if (words < MIN_WORDS)
			continue;
		if (!TQL_GROW(h, cap, n + 1) || !TQL_GROW(off, cap2, n + 1) || !TQL_GROW(len, cap3, n + 1))
			goto done;
		h[n] = x;
		off[n] = tql_doc_src_start(doc, ln.off);
		len[n] = tql_doc_src_end(doc, ln.off + ln.len) - off[n];
		n++;
	}
	for (size_t b = 0; b < doc->nblock; b++) {
		size_t end = doc->block[b].off + doc->block[b].len, t0;
		while (bt < doc->ntok && doc->tok[bt].off < doc->block[b].off)
			bt++;
		t0 = bt;
		while (bt < doc->ntok && doc->tok[bt].off < end)
			bt++;
		if (lines_in[b] < 2)
			continue;
		uint64_t x = hash_range(doc, t0, bt, &scratch, &words);
		if (!x)
			goto done;
		if (words < MIN_WORDS)
			continue;
		if (!TQL_GROW(h, cap, n + 1) || !TQL_GROW(off, cap2, n + 1) || !TQL_GROW(len, cap3, n + 1))
			goto done;
		h[n] = tql_key_mix(x, 0xB10C);  /* paragraphs never equal lines */
		off[n] = tql_doc_src_start(doc, doc->block[b].off);
		len[n] = tql_doc_src_end(doc, end) - off[n];
		n++;
	}
	if (tql_corpus_record(ctx->eng->corpus, doc->path, h, off, len, n))
		st = TQL_OK;
done:
	free(lines_in);
	free(h);
	free(off);
	free(len);
	tql_buf_free(&scratch);
	return st;
}

const tql_check_def tql_check_dup_cross = {
	"dup-cross", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
