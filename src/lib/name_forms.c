/* name_forms.c - a name written as one word and as two in one document. */
#include "name_forms.h"
#include "name_text.h"
#include "names.h"

#include <stdlib.h>
#include <string.h>

enum { NEAR = 5000 }; /* bytes between the first occurrences of two forms */

/* A form of a key: where it was first seen and how often. */
typedef struct nf_form {
	size_t first;   /* token index (the first word of a spaced pair) */
	size_t n;
	bool spaced;    /* two words: first and first + 2 */
	bool hyphen;    /* ... joined by a hyphen, not a space */
} nf_form;

/* A capitalised word token of two letters or more, not all capitals. */
static bool cap_word(const tql_token *tk)
{
	return tql_nt_name_word(tk) && tk->len >= 2;
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

/* Is the word of token tk a listed given name (k: scratch)? */
static bool given_name(const tql_doc *doc, const tql_names *nm, const tql_token *tk, tql_buf *k)
{
	k->n = 0;
	return tql_fold(doc->text + tk->off, tk->len, k) && tql_names_is_given(nm, k->p, k->n);
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
	return tql_nt_spaced_pair(doc, t) && cap_word(&doc->tok[t + 2]);
}

/* Is token t followed by a hyphen and a capitalised word (token t + 2),
 * the two not part of a longer hyphenated compound ("Novo-Nordisk-Stiftung"
 * beside "Novo Nordisk" is German compound spelling, not a second form)? */
static bool hyphen_pair(const tql_doc *doc, size_t t)
{
	if (t + 2 >= doc->ntok)
		return false;
	const tql_token *h = &doc->tok[t + 1], *u = &doc->tok[t + 2];
	if (h->kind != TQL_TOK_PUNCT || h->len != 1 || doc->text[h->off] != '-' || !cap_word(u))
		return false;
	bool before = t >= 1 && doc->tok[t - 1].kind == TQL_TOK_PUNCT && doc->tok[t - 1].len == 1 &&
	              doc->text[doc->tok[t - 1].off] == '-';
	bool after = t + 3 < doc->ntok && doc->tok[t + 3].kind == TQL_TOK_PUNCT &&
	             doc->tok[t + 3].len == 1 && doc->text[doc->tok[t + 3].off] == '-';
	return !before && !after;
}

/* Emits consistency.name on tokens [a, b] (b == a for one word), naming
 * the form keep. */
static bool emit(tql_ctx *ctx, size_t a, size_t b, const nf_form *keep)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *ka = &doc->tok[keep->first];
	const tql_token *kb = &doc->tok[keep->spaced ? keep->first + 2 : keep->first];
	size_t off = doc->tok[a].off, len = doc->tok[b].off + doc->tok[b].len - off;
	return tql_nt_emit_written_span(ctx, off, len, ka->off, kb->off + kb->len - ka->off);
}

/* Reports every occurrence of form bad (by its text) that no other finding
 * covers, naming form keep. */
static bool report(tql_ctx *ctx, const nf_form *bad, const nf_form *keep)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *bt0 = &doc->tok[bad->first];
	const tql_token *bt1 = &doc->tok[bad->spaced ? bad->first + 2 : bad->first];
	size_t bl = bt1->off + bt1->len - bt0->off;
	for (size_t t = bad->first; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		size_t e = bad->spaced ? t + 2 : t;
		if (e >= doc->ntok || tk->kind != TQL_TOK_WORD)
			continue;
		const tql_token *te = &doc->tok[e];
		if (te->off + te->len - tk->off != bl ||
		    memcmp(doc->text + tk->off, doc->text + bt0->off, bl) != 0 ||
		    tql_nt_covered(doc, tk) || tql_nt_covered(doc, te))
			continue;
		if (!emit(ctx, t, e, keep))
			return false;
	}
	return true;
}

bool tql_name_forms(tql_ctx *ctx, const tql_names *nm)
{
	const tql_doc *doc = ctx->doc;
	tql_strmap idx = {0}; /* kind (j one word, s spaced, h hyphenated) + folded joined key -> form index + 1 */
	nf_form *fm = NULL;   /* owned */
	size_t nfm = 0, cap = 0;
	tql_buf k = {0};
	bool ok = false;
	/* pass 1: every one-word form and every spaced pair of capitalised words */
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (!cap_word(tk))
			continue;
		for (int kind = 0; kind < 3; kind++) {
			bool spaced = kind > 0, hyphen = kind == 2;
			if ((kind == 1 && !spaced_pair(doc, t)) || (hyphen && !hyphen_pair(doc, t)))
				continue;
			const tql_token *u = &doc->tok[t + 2 * spaced];
			k.n = 0;
			if (!tql_buf_addc(&k, "jsh"[kind]) ||
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
			fm[nfm++] = (nf_form){t, 1, spaced, hyphen};
		}
	}
	/* pass 2: a spaced pair also written as one word or hyphenated */
	for (size_t i = 0; i < nfm; i++) {
		const nf_form *s = &fm[i];
		if (!s->spaced || s->hyphen)
			continue;
		const tql_token *a = &doc->tok[s->first], *b = &doc->tok[s->first + 2];
		bool ca = common_word(ctx, a), cb = common_word(ctx, b);
		for (int hy = 0; hy < 2; hy++) {
			/* not two common words ("Park Way" / "Parkway", "Web Server" /
			 * "Webserver", "Vice-President" / "Vice President": a compound or
			 * a title, not a name) unless hyphenated after a given name
			 * ("Jean-Marc" / "Jean Marc", both French words); one word: not
			 * after a particle ("Du Pont", "La Salle", "San Antonio": both
			 * spellings are in use) */
			if (!hy && ((ca && cb) || tql_u8_count(doc->text + a->off, a->len) <= 3))
				continue;
			if (hy && ca && cb && !given_name(doc, nm, a, &k))
				continue;
			k.n = 0;
			if (!tql_buf_addc(&k, hy ? 'h' : 'j') || !fold_joined(doc->text + a->off, a->len, &k) ||
			    !fold_joined(doc->text + b->off, b->len, &k))
				goto done;
			uintptr_t v;
			if (!tql_strmap_get(&idx, k.p, k.n, &v))
				continue;
			const nf_form *j = &fm[v - 1];
			/* one article, not two texts of a stream */
			size_t jo = doc->tok[j->first].off, so = a->off;
			if ((jo > so ? jo - so : so - jo) > NEAR)
				continue;
			/* a joined form the dictionary knows, split into two words it
			 * does not ("Vietnam" / "Viet Nam"): both spellings are standard
			 * ("Commerzbank" / "Commerz Bank" is not: "Bank" is a word) */
			const tql_token *jt = &doc->tok[j->first];
			if (!hy && !ca && !cb && tql_spell(ctx->chk, ctx->lang, doc->text + jt->off, jt->len) == 1)
				continue;
			/* the form another finding has not already called wrong
			 * ("Meinl Reisinger", a hyphen dropped), else the more
			 * frequent, else a given name's hyphen (French and German
			 * join two given names so: Jean-Noël, Frank-Walter), else
			 * the earlier */
			bool s_wrong = tql_nt_covered(doc, a) || tql_nt_covered(doc, b);
			bool keep_other = s_wrong || (j->n != s->n                      ? j->n > s->n
			                              : hy && given_name(doc, nm, a, &k) ? true
			                                                                 : j->first < s->first);
			if (!report(ctx, keep_other ? s : j, keep_other ? j : s))
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
