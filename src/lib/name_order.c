/* name_order.c - a two-word unknown name written in both orders. */
#include "name_order.h"
#include "name_text.h"

#include <stdlib.h>
#include <string.h>

enum { ORDER_NEAR = 20000 }; /* bytes: one article, not a stream of them */

/* A name word (tql_nt_name_word) of three letters or more. */
static bool cap_word(const tql_doc *doc, const tql_token *tk)
{
	return tql_nt_name_word(tk) && tql_u8_count(doc->text + tk->off, tk->len) >= 3;
}

/* Is token t a pair of such words, one plain space apart in one sentence? */
static bool pair_at(const tql_doc *doc, size_t t)
{
	return cap_word(doc, &doc->tok[t]) && tql_nt_spaced_pair(doc, t) &&
	       cap_word(doc, &doc->tok[t + 2]);
}

/* Does one of the mentions ms[*from..n) (in text order) cover byte off?
 * Offsets asked must not decrease: *from moves past the mentions that end
 * before off. */
static bool in_mention(const tql_mention *ms, size_t n, size_t *from, size_t off)
{
	while (*from < n && ms[*from].off + ms[*from].len <= off)
		(*from)++;
	for (size_t i = *from; i < n && ms[i].off <= off; i++)
		if (off < ms[i].off + ms[i].len)
			return true;
	return false;
}

/* Is the word of token tk unknown to the dictionary and to the name table
 * in the document's language? k is scratch. */
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
	size_t mfrom = 0; /* (mentions before the pair: passed) */
	for (size_t t = 0; t < doc->ntok; t++) {
		if (!pair_at(doc, t))
			continue;
		const tql_token *a = &doc->tok[t], *b = &doc->tok[t + 2];
		if (a->len == b->len && memcmp(doc->text + a->off, doc->text + b->off, a->len) == 0)
			continue;
		if (in_mention(ms, n, &mfrom, a->off) || in_mention(ms, n, &mfrom, b->off) ||
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
