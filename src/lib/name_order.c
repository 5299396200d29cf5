/* name_order.c - a two-word unknown name written in both orders. */
#include "name_order.h"
#include "name_text.h"

#include <stdlib.h>
#include <string.h>

enum { ORDER_NEAR = 20000 }; /* bytes: one article, not a stream of them */

/* A capitalised word token of three letters or more, not all capitals,
 * free of digits. */
static bool cap_word(const tql_doc *doc, const tql_token *tk)
{
	return tk->kind == TQL_TOK_WORD && (tk->flags & TQL_TF_UPPER_INITIAL) &&
	       !(tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) &&
	       tql_u8_count(doc->text + tk->off, tk->len) >= 3;
}

/* Is token t followed by exactly one plain space and a capitalised word? */
static bool pair_at(const tql_doc *doc, size_t t)
{
	return t + 2 < doc->ntok && cap_word(doc, &doc->tok[t]) &&
	       doc->tok[t + 1].kind == TQL_TOK_SPACE && doc->tok[t + 1].len == 1 &&
	       doc->text[doc->tok[t + 1].off] == ' ' && cap_word(doc, &doc->tok[t + 2]);
}

/* Does any of the n mentions ms (sorted by offset or not) cover byte off? */
static bool in_mention(const tql_mention *ms, size_t n, size_t off)
{
	for (size_t i = 0; i < n; i++)
		if (off >= ms[i].off && off < ms[i].off + ms[i].len)
			return true;
	return false;
}

/* Is the word of token tk unknown to the dictionary and the table, and no
 * listed given name alone could make it known? */
static bool unknown_word(tql_ctx *ctx, const tql_names *nm, const tql_token *tk, tql_buf *k)
{
	const char *w = ctx->doc->text + tk->off;
	if (tql_spell(ctx->chk, ctx->lang, w, tk->len) != 0)
		return false; /* a word of the language, or no dictionary to tell */
	k->n = 0;
	if (!tql_fold(w, tk->len, k))
		return false;
	return !tql_names_lookup(nm, ctx->lang->lang, k->p, k->n);
}

/* Appends the folded words of the pair at token t to out, as "a\tb", or
 * "b\ta" with swap. */
static bool pair_key(const tql_doc *doc, size_t t, bool swap, tql_buf *out)
{
	const tql_token *a = &doc->tok[swap ? t + 2 : t], *b = &doc->tok[swap ? t : t + 2];
	out->n = 0;
	return tql_fold(doc->text + a->off, a->len, out) && tql_buf_addc(out, '\t') &&
	       tql_fold(doc->text + b->off, b->len, out);
}

bool tql_name_order(tql_ctx *ctx, const tql_names *nm, const tql_mention *ms, size_t n)
{
	const tql_doc *doc = ctx->doc;
	tql_strmap first = {0}; /* "a\tb" -> token index + 1 of its first occurrence */
	tql_buf k = {0}, sk = {0};
	bool ok = false;
	for (size_t t = 0; t < doc->ntok; t++) {
		if (!pair_at(doc, t))
			continue;
		const tql_token *a = &doc->tok[t], *b = &doc->tok[t + 2];
		if (a->len == b->len && memcmp(doc->text + a->off, doc->text + b->off, a->len) == 0)
			continue;
		if (in_mention(ms, n, a->off) || in_mention(ms, n, b->off) ||
		    !unknown_word(ctx, nm, a, &k) || !unknown_word(ctx, nm, b, &k))
			continue;
		if (!pair_key(doc, t, false, &k) || !pair_key(doc, t, true, &sk))
			goto done;
		uintptr_t v;
		if (tql_strmap_get(&first, sk.p, sk.n, &v)) {
			const tql_token *e = &doc->tok[v - 1];
			if (a->off - e->off >= ORDER_NEAR)
				continue;
			size_t el = doc->tok[v + 1].off + doc->tok[v + 1].len - e->off;
			size_t len = b->off + b->len - a->off;
			char sugg[256];
			snprintf(sugg, sizeof sugg, "%.*s", (int)(el < 200 ? el : 200), doc->text + e->off);
			if (!tql_emit(ctx, "consistency.name", a->off, len, sugg, false,
			              "'%.*s' is '%s' (line %d) with its names swapped; use one order",
			              (int)len, doc->text + a->off, sugg, tql_nt_line_of(doc, e->off)))
				goto done;
			continue;
		}
		if (!tql_strmap_get(&first, k.p, k.n, NULL) && !tql_strmap_put(&first, k.p, k.n, t + 1))
			goto done;
	}
	ok = true;
done:
	tql_strmap_free(&first);
	tql_buf_free(&k);
	tql_buf_free(&sk);
	return ok;
}
