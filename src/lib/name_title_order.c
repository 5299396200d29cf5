/* name_title_order.c - a title of several words written in two orders. */
#include "name_title_order.h"
#include "name_text.h"

#include <stdlib.h>
#include <string.h>

enum {
	TITLE_NEAR = 20000, /* bytes: one article, not a stream of them */
	TITLE_MIN = 3,      /* capitalised words: two are a pair (name_order.c) */
	TITLE_MAX = 12
};

/* Words that join the capitalised words of a title: prepositions, and
 * articles after them ("Organisation for the Prohibition of ..."); never
 * a conjunction (a list of names is no title). */
static const char *const joiners[] = {
	"en:of", "en:for", "en:on",
	"de:fur", "de:von", "de:zur", "de:zum",
	"fr:de", "fr:du", "fr:des", "fr:pour", "fr:d",
	"es:de", "es:del", "es:para",
	"it:di", "it:del", "it:della", "it:dei", "it:delle", "it:degli", "it:per",
};
/* An article right after a capitalised word ends the title ("in May the
 * International ..."): the next one may start there. */
static const char *const articles[] = {
	"en:the",
	"de:der", "de:des", "de:die", "de:das",
	"fr:la", "fr:le", "fr:les", "fr:l",
	"es:la", "es:las", "es:los", "es:el",
	"it:la", "it:il", "it:lo", "it:l",
};

typedef struct title {
	size_t off, len;  /* its first occurrence */
	char *seq;        /* its capitalised words folded, in order, tab-separated (owned) */
} title;

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Is word token tk, in any case ("The" opening a sentence), a joiner
 * (1), an article (2) or neither (0) of language lang? k is scratch. */
static int joiner(const tql_doc *doc, const char *lang, const tql_token *tk, tql_buf *k)
{
	k->n = 0;
	if (!tql_fold(doc->text + tk->off, tk->len, k))
		return 0;
	return TQL_LANG_LISTED(joiners, lang, k->p, k->n) ? 1 : TQL_LANG_LISTED(articles, lang, k->p, k->n) ? 2 : 0;
}

/* Does word token t + 2 follow token t after one plain space or an
 * apostrophe (l'Organisation) in the same sentence? */
static bool next_word(const tql_doc *doc, size_t t)
{
	if (t + 2 >= doc->ntok || doc->tok[t + 2].kind != TQL_TOK_WORD ||
	    doc->tok[t + 2].sent != doc->tok[t].sent)
		return false;
	const tql_token *g = &doc->tok[t + 1];
	if (g->kind == TQL_TOK_SPACE)
		return g->len == 1 && doc->text[g->off] == ' ';
	return (g->len == 1 && doc->text[g->off] == '\'') ||
	       (g->len == 3 && memcmp(doc->text + g->off, "\xE2\x80\x99", 3) == 0);
}

/* The title starting at word token t (after the article or preposition
 * there: "The International ..."): its capitalised words' tokens in w[]
 * (at most TITLE_MAX), their number returned; cut[i] is set when a joiner
 * follows word i (a shorter title may end there: "Consejo Presidencial de
 * Transición | de Haití"); *end is the index of its last word token. */
static size_t title_at(const tql_doc *doc, const char *lang, size_t t, size_t *w, bool *cut,
                       size_t *end, tql_buf *k)
{
	size_t n = 0, last = t;
	bool after_word = false; /* the token before is a capitalised word */
	size_t run = 0;          /* joiners in a row: two at most ("for the") */
	for (size_t j = t;;) {
		const tql_token *tk = &doc->tok[j];
		int jn = joiner(doc, lang, tk, k);
		if ((jn == 2 && after_word) || (jn && ++run > 2))
			break;
		if (jn) {
			if (n)
				cut[n - 1] = true;
		} else if (tql_nt_name_word(tk)) {
			/* (no title: too long, or a possessive, "Rhode Island's
			 * John Brown" being "John Brown of Rhode Island") */
			if (n == TITLE_MAX ||
			    tql_nt_without_possessive(doc->text + tk->off, tk->len) != tk->len) {
				*end = j;
				return 0;
			}
			cut[n] = false;
			w[n++] = j;
			last = j;
			run = 0;
		} else
			break;
		after_word = !jn;
		if (!next_word(doc, j))
			break;
		/* (an elided preposition or article before the next word, cut
		 * off by the names check: "Tribunale Penale Internazionale
		 * dell'Aia") */
		if (n && !jn && doc->tok[j + 2].off > doc->tok[j + 1].off + doc->tok[j + 1].len)
			cut[n - 1] = true;
		j += 2;
	}
	*end = last;
	return n;
}

/* Folds the first c words of w into seq (in order) and key (sorted), both
 * tab-separated. False: no memory. */
static bool title_keys(const tql_doc *doc, const size_t *w, size_t c, tql_buf *k, tql_buf *seq,
                       tql_buf *key)
{
	char *words[TITLE_MAX];
	size_t nw = 0;
	bool fine = true;
	seq->n = key->n = 0;
	for (size_t i = 0; i < c && fine; i++) {
		const tql_token *x = &doc->tok[w[i]];
		k->n = 0;
		fine = tql_fold(doc->text + x->off, tql_nt_without_possessive(doc->text + x->off, x->len), k) &&
		       (words[nw] = tql_strndup(k->p, k->n)) != NULL;
		if (fine)
			nw++;
		fine = fine && (i == 0 || tql_buf_addc(seq, '\t')) && tql_buf_add(seq, k->p, k->n);
	}
	if (fine) {
		qsort(words, nw, sizeof *words, cmp_str);
		for (size_t i = 0; i < nw && fine; i++)
			fine = (i == 0 || tql_buf_addc(key, '\t')) && tql_buf_add(key, words[i], strlen(words[i]));
	}
	for (size_t i = 0; i < nw; i++)
		free(words[i]);
	return fine;
}

/* Is word sequence b (tab-separated) sequence a rotated: "United Nations
 * Charter" / "Charter of the United Nations"? That is a language's
 * own other way to say one name, not a rebuilt one. False also when out
 * of memory (then nothing is reported). */
static bool rotation(const char *a, const char *b)
{
	tql_buf h = {0}, nd = {0};
	bool rot = tql_buf_addc(&h, '\t') && tql_buf_adds(&h, a) && tql_buf_addc(&h, '\t') &&
	           tql_buf_adds(&h, a) && tql_buf_addc(&h, '\t') && tql_buf_addc(&nd, '\t') &&
	           tql_buf_adds(&nd, b) && tql_buf_addc(&nd, '\t') && strstr(h.p, nd.p) != NULL;
	tql_buf_free(&h);
	tql_buf_free(&nd);
	return rot;
}

bool tql_name_title_order(tql_ctx *ctx)
{
	const tql_doc *doc = ctx->doc;
	const char *lang = ctx->lang->lang;
	tql_strmap first = {0}; /* sorted words -> title index + 1 */
	title *ts = NULL;
	size_t nt = 0, cap = 0;
	tql_buf k = {0}, key = {0}, seq = {0};
	bool ok = false;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD)
			continue;
		size_t w[TITLE_MAX], end;
		bool cut[TITLE_MAX];
		size_t n = title_at(doc, lang, t, w, cut, &end, &k);
		if (n < TITLE_MIN) {
			t = end;
			continue;
		}
		/* the title, else the longest shorter one ending before a
		 * joiner, written earlier in another order */
		bool reported = false;
		for (size_t c = n; c >= TITLE_MIN && !reported; c--) {
			if (c < n && !cut[c - 1])
				continue;
			if (!title_keys(doc, w, c, &k, &seq, &key))
				goto done;
			uintptr_t v;
			size_t off = doc->tok[w[0]].off;
			size_t len = doc->tok[w[c - 1]].off + doc->tok[w[c - 1]].len - off;
			if (tql_strmap_get(&first, key.p, key.n, &v)) {
				const title *e = &ts[v - 1];
				if (strcmp(e->seq, seq.p) == 0 || off - e->off >= TITLE_NEAR ||
				    rotation(e->seq, seq.p))
					continue;
				char sugg[256];
				snprintf(sugg, sizeof sugg, "%.*s", (int)(e->len < 200 ? e->len : 200),
				         doc->text + e->off);
				if (!tql_emit(ctx, "consistency.name", off, len, sugg, false,
				              "'%.*s' is '%s' (line %d) with its words in another order; use one form",
				              (int)len, doc->text + off, sugg, tql_nt_line_of(doc, e->off)))
					goto done;
				reported = true;
				continue;
			}
			if (!TQL_GROW(ts, cap, nt + 1))
				goto done;
			ts[nt] = (title){off, len, tql_strndup(seq.p, seq.n)};
			if (!ts[nt].seq || !tql_strmap_put(&first, key.p, key.n, nt + 1)) {
				free(ts[nt].seq);
				goto done;
			}
			nt++;
		}
		t = end;
	}
	ok = true;
done:
	for (size_t i = 0; i < nt; i++)
		free(ts[i].seq);
	free(ts);
	tql_strmap_free(&first);
	tql_buf_free(&k);
	tql_buf_free(&key);
	tql_buf_free(&seq);
	return ok;
}
