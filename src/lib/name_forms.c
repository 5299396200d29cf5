/* name_forms.c - a name written as one word and as two in one document. */
#include "name_forms.h"
#include "name_text.h"

#include <stdlib.h>
#include <string.h>

/* A form of a key: where it was first seen and how often. */
typedef struct nf_form {
	size_t first;   /* token index (the first word of a spaced pair) */
	size_t n;
	bool spaced;
} nf_form;

/* A capitalised word token of two letters or more, not all capitals. */
static bool cap_word(const tql_token *tk)
{
	return tk->kind == TQL_TOK_WORD && (tk->flags & TQL_TF_UPPER_INITIAL) &&
	       !(tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) && tk->len >= 2;
}

/* Is the word of token tk a common word of the language: known to the
 * dictionary in small letters, or in German, where nouns are capitalised,
 * as written? */
static bool common_word(tql_ctx *ctx, const tql_token *tk)
{
	const char *w = ctx->doc->text + tk->off;
	if (strncmp(ctx->doc->lang, "de", 2) == 0)
		return tql_spell(ctx->chk, ctx->lang, w, tk->len) == 1;
	return tql_spell_lowered(ctx->chk, ctx->lang, w, tk->len) == 1;
}

/* Appends s (n bytes), folded and without hyphens, to out. */
static bool fold_joined(const char *s, size_t n, tql_buf *out)
{
	size_t from = out->n;
	if (!tql_fold(s, n, out))
		return false;
	size_t w = from;
	for (size_t i = from; i < out->n; i++)
		if (out->p[i] != '-')
			out->p[w++] = out->p[i];
	out->n = w;
	out->p[w] = '\0'; /* tql_fold's output is NUL-terminated: so is this */
	return true;
}

/* Is token t followed, after exactly one plain space, by a capitalised word
 * of the same sentence (token t + 2)? */
static bool spaced_pair(const tql_doc *doc, size_t t)
{
	if (t + 2 >= doc->ntok)
		return false;
	const tql_token *sp = &doc->tok[t + 1], *u = &doc->tok[t + 2];
	return sp->kind == TQL_TOK_SPACE && sp->len == 1 && doc->text[sp->off] == ' ' &&
	       cap_word(u) && u->sent == doc->tok[t].sent;
}

/* Emits consistency.name on tokens [a, b] (b == a for one word), naming
 * the form keep. */
static bool emit(tql_ctx *ctx, size_t a, size_t b, const nf_form *keep)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *ka = &doc->tok[keep->first];
	const tql_token *kb = &doc->tok[keep->spaced ? keep->first + 2 : keep->first];
	size_t off = doc->tok[a].off, len = doc->tok[b].off + doc->tok[b].len - off;
	size_t kl = kb->off + kb->len - ka->off;
	char shown[160];
	snprintf(shown, sizeof shown, "%.*s", (int)(kl < 150 ? kl : 150), doc->text + ka->off);
	return tql_nt_emit_written(ctx, off, len, shown, ka->off);
}

bool tql_name_forms(tql_ctx *ctx)
{
	const tql_doc *doc = ctx->doc;
	tql_strmap idx = {0}; /* "s|j" + folded joined key -> form index + 1 */
	nf_form *fm = NULL;   /* owned */
	size_t nfm = 0, cap = 0;
	tql_buf k = {0};
	bool ok = false;
	/* pass 1: every one-word form and every spaced pair of capitalised words */
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (!cap_word(tk))
			continue;
		for (int spaced = 0; spaced < 2; spaced++) {
			if (spaced && !spaced_pair(doc, t))
				continue;
			const tql_token *u = &doc->tok[t + 2 * spaced];
			k.n = 0;
			if (!tql_buf_addc(&k, spaced ? 's' : 'j') ||
			    !fold_joined(doc->text + tk->off, tk->len, &k) ||
			    (spaced && !fold_joined(doc->text + u->off, u->len, &k)))
				goto done;
			if (k.n < 7) /* short joins meet by chance ("De Re" / "Dere") */
				continue;
			uintptr_t v;
			if (tql_strmap_get(&idx, k.p, k.n, &v)) {
				fm[v - 1].n++;
				continue;
			}
			if (!TQL_GROW(fm, cap, nfm + 1) || !tql_strmap_put(&idx, k.p, k.n, nfm + 1))
				goto done;
			fm[nfm++] = (nf_form){t, 1, spaced != 0};
		}
	}
	/* pass 2: a spaced pair whose joined key is also one word */
	for (size_t i = 0; i < nfm; i++) {
		const nf_form *s = &fm[i];
		if (!s->spaced)
			continue;
		const tql_token *a = &doc->tok[s->first], *b = &doc->tok[s->first + 2];
		/* two common words ("Park Way" / "Parkway", "Web Server" /
		 * "Webserver": a compound, not a name), or a particle ("Du Pont",
		 * "La Salle", "San Antonio": both spellings are in use) */
		if (tql_u8_count(doc->text + a->off, a->len) <= 3)
			continue;
		bool ca = common_word(ctx, a), cb = common_word(ctx, b);
		if (ca && cb)
			continue;
		k.n = 0;
		if (!tql_buf_addc(&k, 'j') || !fold_joined(doc->text + a->off, a->len, &k) ||
		    !fold_joined(doc->text + b->off, b->len, &k))
			goto done;
		uintptr_t v;
		if (!tql_strmap_get(&idx, k.p, k.n, &v))
			continue;
		const nf_form *j = &fm[v - 1];
		/* a joined form the dictionary knows, split into two words it
		 * does not ("Vietnam" / "Viet Nam"): both spellings are standard
		 * ("Commerzbank" / "Commerz Bank" is not: "Bank" is a word) */
		const tql_token *jt = &doc->tok[j->first];
		if (!ca && !cb && tql_spell(ctx->chk, ctx->lang, doc->text + jt->off, jt->len) == 1)
			continue;
		bool keep_joined = j->n != s->n ? j->n > s->n : j->first < s->first;
		const nf_form *bad = keep_joined ? s : j, *keep = keep_joined ? j : s;
		const tql_token *bt0 = &doc->tok[bad->first];
		const tql_token *bt1 = &doc->tok[bad->spaced ? bad->first + 2 : bad->first];
		size_t bl = bt1->off + bt1->len - bt0->off;
		/* every occurrence of the bad form, by its text */
		for (size_t t = bad->first; t < doc->ntok; t++) {
			const tql_token *tk = &doc->tok[t];
			size_t e = bad->spaced ? t + 2 : t;
			if (e >= doc->ntok || tk->kind != TQL_TOK_WORD)
				continue;
			const tql_token *te = &doc->tok[e];
			if (te->off + te->len - tk->off != bl || memcmp(doc->text + tk->off, doc->text + bt0->off, bl) != 0 ||
			    tql_nt_covered(doc, tk) || tql_nt_covered(doc, te))
				continue;
			if (!emit(ctx, t, e, keep))
				goto done;
		}
	}
	ok = true;
done:
	free(fm);
	tql_buf_free(&k);
	tql_strmap_free(&idx);
	return ok;
}
