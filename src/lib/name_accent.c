/* name_accent.c - one name written with and without its accents in one
 * document ("Belem" / "Belém", "Correa do Lago" / "Corrêa do Lago"). */
#include "name_accent.h"
#include "name_text.h"

#include <stdlib.h>
#include <stdio.h>
#include <ctype.h>
#include <string.h>
#include <unicode/uscript.h>

/* End of the word of a name that starts at s[i] (s has n bytes): words
 * end at white space, hyphens and ASCII punctuation. */
static size_t name_word_end(const char *s, size_t i, size_t n)
{
	while (i < n && !strchr(" \t\n-,.;:!?()\"'", s[i]))
		i++;
	return i;
}

/* Records each word of mention m under entity + folded word, keeping the
 * occurrence with the most accents (document offset + 1). */
static bool index_mention_words(const tql_doc *doc, const tql_mention *m, tql_strmap *wm,
                                tql_buf *k)
{
	const char *text = doc->text;
	const char *mt = text + m->off;
	for (size_t i = 0; i < m->len;) {
		size_t e = name_word_end(mt, i, m->len);
		if (e > i) {
			k->n = 0;
			uintptr_t best;
			if (!tql_buf_adds(k, m->entity) || !tql_buf_addc(k, '\0') ||
			    !tql_fold(mt + i, e - i, k))
				return false;
			size_t marks = tql_nt_accent_count(mt + i, e - i);
			if (!tql_strmap_get(wm, k->p, k->n, &best)) {
				if (!tql_strmap_put(wm, k->p, k->n, m->off + i + 1))
					return false;
			} else {
				size_t bo = best - 1, be = name_word_end(text, bo, doc->len);
				if (tql_nt_accent_count(text + bo, be - bo) < marks &&
				    !tql_strmap_put(wm, k->p, k->n, m->off + i + 1))
					return false;
			}
		}
		i = e < m->len ? e + 1 : e;
	}
	return true;
}

/* Does the table form hold the word w (wn bytes) exactly, as a word? */
static bool form_has_word(const char *form, const char *w, size_t wn)
{
	size_t fl = strlen(form);
	for (size_t i = 0; i < fl;) {
		size_t e = name_word_end(form, i, fl);
		if (e - i == wn && memcmp(form + i, w, wn) == 0)
			return true;
		i = e < fl ? e + 1 : e;
	}
	return false;
}

/* Mention m with each word replaced by a more-accented spelling of the same
 * word in another mention of its entity ("Correa do Lago" after "Corrêa do
 * Lago"), into out; *at gets the first such spelling's offset. False when
 * no word is replaced (or out of memory). */
static bool accented_words(const tql_doc *doc, const tql_mention *m, const tql_strmap *wm,
                           bool fr, tql_buf *k, tql_buf *out, size_t *at)
{
	const char *mt = doc->text + m->off;
	bool any = false;
	out->n = 0;
	for (size_t i = 0; i < m->len;) {
		size_t e = name_word_end(mt, i, m->len);
		const char *w = mt + i;
		size_t wn = e - i;
		k->n = 0;
		uintptr_t best;
		if (e > i && tql_buf_adds(k, m->entity) && tql_buf_addc(k, '\0') &&
		    tql_fold(mt + i, e - i, k) && tql_strmap_get(wm, k->p, k->n, &best)) {
			size_t bo = best - 1, be = name_word_end(doc->text, bo, doc->len);
			/* (the table's own spelling is never the one to change:
			 * "Stocker" beside a garbled "Stöcker") */
			if (!form_has_word(m->form, w, wn) &&
			    tql_nt_accent_count(doc->text + bo, be - bo) > tql_nt_accent_count(w, wn) &&
			    tql_nt_accent_only_diff(w, wn, doc->text + bo, be - bo, fr)) {
				if (!any)
					*at = bo;
				any = true;
				w = doc->text + bo;
				wn = be - bo;
			}
		}
		if (!tql_buf_add(out, w, wn) || (e < m->len && !tql_buf_add(out, mt + e, 1)))
			return false;
		i = e < m->len ? e + 1 : e;
	}
	return any;
}

bool tql_na_accent_consistency(tql_ctx *ctx, const char *lang, const tql_mention *ms, size_t n)
{
	const tql_doc *doc = ctx->doc;
	bool fr = strcmp(lang, "fr") == 0, ok = false;
	/* entity + folded text -> the mention of it with the most accents (+1) */
	tql_strmap most = {0};
	/* entity + folded word -> its occurrence with the most accents (+1) */
	tql_strmap wmost = {0};
	size_t *marks = malloc(sizeof *marks * (n + 1));
	tql_buf k = {0}, alt = {0};
	if (!marks)
		goto done;
	for (size_t a = 0; a < n; a++) {
		const tql_mention *m = &ms[a];
		marks[a] = tql_nt_accent_count(doc->text + m->off, m->len);
		k.n = 0;
		uintptr_t best;
		if (m->error || !tql_buf_adds(&k, m->entity) || !tql_buf_addc(&k, '\0') ||
		    !tql_fold(doc->text + m->off, m->len, &k))
			continue;
		if ((!tql_strmap_get(&most, k.p, k.n, &best) || marks[best - 1] < marks[a]) &&
		    !tql_strmap_put(&most, k.p, k.n, a + 1))
			goto done;
		if (!m->acronym && !index_mention_words(doc, m, &wmost, &k))
			goto done;
	}
	for (size_t a = 0; a < n; a++) {
		const tql_mention *m = &ms[a];
		const char *mt = doc->text + m->off;
		if (m->error || m->acronym)
			continue;
		/* the other spelling: the table form written in the document
		 * ("Sánchez" inside "Pedro Sánchez"), or another mention; only the
		 * one with fewer accents is reported (the table may lack them:
		 * CLDR's English "Belem") */
		const char *other = NULL;
		size_t on = 0, at = SIZE_MAX;
		size_t fl = strlen(m->form);
		/* a hand-curated table form is right as it stands: written so, it
		 * is never the one to change, and an accent added to it elsewhere
		 * is ("Stöcker" beside "Stocker"); CLDR's forms may lack accents */
		bool curated = strncmp(m->entity, "cldr-", 5) != 0;
		if (curated && m->len == fl && memcmp(mt, m->form, fl) == 0)
			continue;
		if (tql_nt_accent_only_diff(mt, m->len, m->form, fl, fr) &&
		    (curated || tql_nt_accent_count(m->form, fl) >= marks[a]) && /* (Sanchéz) */
		    (at = tql_nt_find_word(doc, m->form, fl)) != SIZE_MAX) {
			other = m->form;
			on = fl;
		}
		k.n = 0;
		uintptr_t best;
		if (!other && tql_buf_adds(&k, m->entity) && tql_buf_addc(&k, '\0') &&
		    tql_fold(mt, m->len, &k) && tql_strmap_get(&most, k.p, k.n, &best) &&
		    marks[best - 1] > marks[a]) {
			const tql_mention *o = &ms[best - 1];
			if (tql_nt_accent_only_diff(mt, m->len, doc->text + o->off, o->len, fr)) {
				other = doc->text + o->off;
				on = o->len;
				at = o->off;
			}
		}
		/* word by word: "Andre Correa do Lago" after "Corrêa do Lago" */
		if (!other && accented_words(doc, m, &wmost, fr, &k, &alt, &at)) {
			other = alt.p;
			on = alt.n;
		}
		if (!other)
			continue;
		/* one word that is also a common word of the language, written
		 * with its accent elsewhere ("La" of a Burmese name, "là") */
		if (!memchr(mt, ' ', m->len) && tql_spell_lowered(ctx->chk, ctx->lang, mt, m->len) == 1)
			continue;
		char shown[256];
		snprintf(shown, sizeof shown, "%.*s", (int)(on < 200 ? on : 200), other);
		if (!tql_nt_emit_written(ctx, m->off, m->len, shown, at))
			goto done;
	}
	ok = true;
done:
	free(marks);
	tql_buf_free(&k);
	tql_buf_free(&alt);
	tql_strmap_free(&most);
	tql_strmap_free(&wmost);
	return ok;
}

enum { CASE_NEAR = 5000 }; /* bytes between two mentions compared by case */

/* Is text t (n bytes) table form f (same length) with the case of ASCII
 * letters changed or a hyphen and a space swapped, the first change past
 * the first word ("Luca De Meo" / "Luca de Meo", "François Henri Pinault"
 * / "François-Henri Pinault")? */
static bool inner_case_or_hyphen(const char *t, const char *f, size_t n)
{
	size_t first = SIZE_MAX;
	for (size_t i = 0; i < n; i++) {
		if (t[i] == f[i])
			continue;
		unsigned char a = (unsigned char)t[i], b = (unsigned char)f[i];
		bool dash = (a == '-' && b == ' ') || (a == ' ' && b == '-');
		if (!dash && (a >= 0x80 || b >= 0x80 || (a | 0x20) != (b | 0x20) || !isalpha(a)))
			return false;
		if (first == SIZE_MAX)
			first = dash ? i + 1 : i;
	}
	return first != SIZE_MAX && first > 0 && (t[first - 1] == ' ' || t[first - 1] == '-');
}

bool tql_na_case_consistency(tql_ctx *ctx, const tql_mention *ms, size_t n)
{
	const tql_doc *doc = ctx->doc;
	for (size_t a = 0; a < n; a++) {
		const tql_mention *m = &ms[a];
		size_t fl = strlen(m->form);
		const char *mt = doc->text + m->off;
		if (m->error || m->acronym || m->len != fl || strncmp(m->entity, "cldr-", 5) == 0 ||
		    !inner_case_or_hyphen(mt, m->form, fl))
			continue;
		/* the table form itself nearby (one article, not two texts of a
		 * stream) */
		size_t at = SIZE_MAX;
		for (size_t b = 0; b < n && at == SIZE_MAX; b++)
			if (b != a && ms[b].len == fl && strcmp(ms[b].entity, m->entity) == 0 &&
			    (ms[b].off > m->off ? ms[b].off - m->off : m->off - ms[b].off) <= CASE_NEAR &&
			    memcmp(doc->text + ms[b].off, m->form, fl) == 0)
				at = ms[b].off;
		if (at != SIZE_MAX && !tql_nt_emit_written(ctx, m->off, m->len, m->form, at))
			return false;
	}
	return true;
}

/* One capitalised word's spellings in a document (tql_na_accent_words). */
typedef struct aword {
	size_t first, alt;      /* first token, first token of the other spelling */
	size_t n0, n1;          /* tokens spelled as first, as alt */
	bool has_alt;
} aword;

/* Is token t a word whose accents tql_na_accent_words compares: a
 * capitalised Latin word of four letters or more (four: see same_next),
 * and not a common word of the language capitalised at the start of a
 * sentence? */
static bool accent_candidate(tql_ctx *ctx, size_t t)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN ||
	    !(tk->flags & TQL_TF_UPPER_INITIAL) || (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) ||
	    tql_u8_count(w, tk->len) < 4)
		return false;
	size_t p = t;
	while (p > 0 && doc->tok[p - 1].kind != TQL_TOK_WORD && doc->tok[p - 1].kind != TQL_TOK_NUMBER)
		p--;
	bool initial = p == 0 || doc->tok[p - 1].sent != tk->sent;
	return !initial || tql_spell_lowered(ctx->chk, ctx->lang, w, tk->len) != 1;
}

/* Is the word after token a (one space between) a capitalised word
 * written as the word after token b? A short word ("René" / "Rene") is
 * one name's two spellings only before the same family name ("René
 * Benko" / "Rene Benko"): alone it may be two names. */
static bool same_next(const tql_doc *doc, size_t a, size_t b)
{
	if (!tql_nt_spaced_pair(doc, a) || !tql_nt_spaced_pair(doc, b))
		return false;
	const tql_token *x = &doc->tok[a + 2], *y = &doc->tok[b + 2];
	return x->len == y->len && memcmp(doc->text + x->off, doc->text + y->off, x->len) == 0;
}

/* Does the dictionary know the word of token tk as written? */
static bool known_word(tql_ctx *ctx, const tql_token *tk)
{
	return tql_spell(ctx->chk, ctx->lang, ctx->doc->text + tk->off, tk->len) == 1;
}

/* Has another consistency.name finding (rule index rule) already judged
 * one of a's spellings (the names check, knowing "Christian Stocker",
 * reports "Stöcker")? */
static bool spelling_judged(const tql_doc *doc, int rule, const aword *a)
{
	const tql_token *s[2] = {&doc->tok[a->first], &doc->tok[a->alt]};
	for (size_t i = 0; i < doc->nfind; i++) {
		const tql_raw_finding *f = &doc->find[i];
		if ((int)f->rule != rule || f->source_span)
			continue;
		for (int j = 0; j < 2; j++)
			for (size_t o = f->off; o + s[j]->len <= f->off + f->len; o++)
				if (memcmp(doc->text + o, doc->text + s[j]->off, s[j]->len) == 0)
					return true;
	}
	return false;
}

/* Does token tk lie inside a known name of several words written exactly
 * as the table writes it (mentions ms, in text order)? */
static bool in_known_name(const tql_doc *doc, const tql_token *tk, const tql_mention *ms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const tql_mention *m = &ms[i];
		if (m->off > tk->off)
			break;
		/* as the table writes it: the fold matches "Antonio Guterres" to
		 * "António Guterres", whose accent is the question here */
		if (!m->error && tk->off + tk->len <= m->off + m->len && m->len > tk->len &&
		    memchr(doc->text + m->off, ' ', m->len) && m->form && strlen(m->form) == m->len &&
		    memcmp(m->form, doc->text + m->off, m->len) == 0)
			return true;
	}
	return false;
}

/* Does every occurrence of the spelling of token w lie inside a known name
 * (in_known_name)? */
static bool only_in_known_names(const tql_doc *doc, const tql_token *w, const tql_mention *ms,
                                size_t n)
{
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind == TQL_TOK_WORD && tk->len == w->len &&
		    memcmp(doc->text + tk->off, doc->text + w->off, w->len) == 0 &&
		    !in_known_name(doc, tk, ms, n))
			return false;
	}
	return true;
}

bool tql_na_accent_words(tql_ctx *ctx, const tql_mention *ms, size_t n)
{
	const tql_doc *doc = ctx->doc;
	tql_strmap idx = {0};   /* folded word -> aword index + 1 */
	aword *aw = NULL;       /* owned */
	size_t naw = 0, cap = 0;
	tql_buf k = {0};
	bool ok = false;
	int rule = tql_rule_find(ctx->eng, "consistency.name");
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (!accent_candidate(ctx, t))
			continue;
		k.n = 0;
		if (!tql_fold(doc->text + tk->off, tk->len, &k))
			goto done;
		uintptr_t v;
		if (!tql_strmap_get(&idx, k.p, k.n, &v)) {
			if (!TQL_GROW(aw, cap, naw + 1) || !tql_strmap_put(&idx, k.p, k.n, naw + 1))
				goto done;
			aw[naw++] = (aword){t, 0, 1, 0, false};
			continue;
		}
		aword *a = &aw[v - 1];
		int sp = tql_nt_spelling_of(doc, a->first, t);
		if (sp == TQL_SP_SAME)
			a->n0++;
		else if (sp == TQL_SP_ACCENT && !a->has_alt) {
			a->has_alt = true;
			a->alt = t;
			a->n1 = 1;
		} else if (a->has_alt && tql_nt_spelling_of(doc, a->alt, t) == TQL_SP_SAME)
			a->n1++;
	}
	/* the rarer spelling, else the one with fewer accents (translation
	 * drops accents far more often than it adds them), at each of its
	 * occurrences that no other finding covers */
	for (size_t i = 0; i < naw; i++) {
		const aword *a = &aw[i];
		if (!a->has_alt)
			continue;
		const tql_token *ft = &doc->tok[a->first], *at = &doc->tok[a->alt];
		bool keep_first = a->n0 != a->n1
		                      ? a->n0 > a->n1
		                      : tql_nt_accent_count(doc->text + ft->off, ft->len) >=
		                            tql_nt_accent_count(doc->text + at->off, at->len);
		const tql_token *kt = &doc->tok[keep_first ? a->first : a->alt];
		const tql_token *bt = &doc->tok[keep_first ? a->alt : a->first];
		/* two words of the dictionary ("Flughafen" / "Flughäfen", "Cafe" /
		 * "Café"); one may be ("Guillen", a form of "guillarse") */
		if ((known_word(ctx, kt) && known_word(ctx, bt)) || spelling_judged(doc, rule, a))
			continue;
		/* the kept spelling stands only inside a known name ("Paris" of
		 * "Paris Saint-Germain"): no evidence against an accented one */
		if (only_in_known_names(doc, kt, ms, n) &&
		    tql_nt_accent_count(doc->text + kt->off, kt->len) <
		        tql_nt_accent_count(doc->text + bt->off, bt->len))
			continue;
		size_t kti = keep_first ? a->first : a->alt;
		bool short_word = tql_u8_count(doc->text + kt->off, kt->len) < 5;
		for (size_t t = keep_first ? a->alt : a->first; t < doc->ntok; t++) {
			const tql_token *tk = &doc->tok[t];
			if (tk->kind != TQL_TOK_WORD || tk->len != bt->len ||
			    memcmp(doc->text + tk->off, doc->text + bt->off, tk->len) != 0 ||
			    tql_nt_covered(doc, tk) || in_known_name(doc, tk, ms, n) ||
			    (short_word && !same_next(doc, kti, t)))
				continue;
			if (!tql_nt_emit_written_span(ctx, tk->off, tk->len, kt->off, kt->len))
				goto done;
		}
	}
	ok = true;
done:
	free(aw);
	tql_buf_free(&k);
	tql_strmap_free(&idx);
	return ok;
}
