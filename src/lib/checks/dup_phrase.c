/* dup_phrase.c - duplicate.phrase: a phrase of two or more words repeated as
 * a machine-translation stutter inside one clause: "in the in the", "comes
 * to Moscow for talks to Moscow". Single doubled words are duplicate.word.
 *
 * Works on folded word hashes: for every word, the longest n-gram (2..4
 * words) that comes back after a gap of 0..3 words, with no punctuation
 * anywhere in between (a comma marks an enumeration or rhetorical figure;
 * a clause of four words or more repeated right after a comma is checked
 * apart, see comma_repeat),
 * outside quotations, and not a listed legitimate repetition.
 *
 * Parallel structures repeat phrases too ("the Giants and the Giants", "per
 * cent to 3 per cent", "la Licencia BSD y la Licencia": measured on Brown
 * news and the Debian handbook), so a repeat with words between its copies
 * is a stutter only when the second copy closes the clause, the words
 * between are at least two and do not end in a short function word (and,
 * y, et, or, to...), and the phrase holds a content word (capitalised
 * inside the sentence, or of CONTENT_LEN letters or more). */
#include "../internal.h"
#include "../textkey.h"

#include <stdlib.h>
#include <string.h>

static const tql_rule_info rules[] = {
	{"duplicate.phrase", "duplicate", TQL_SEV_WARNING,
	 "a phrase repeated within a few words (machine-translation stutter)"},
};

enum {
	MAX_N = 4,          /* longest repeated phrase looked for, in words */
	MAX_ADJ = 12,       /* ... and of one repeated right after itself */
	MAX_GAP = 3,        /* words allowed between the two copies */
	MIN_COMMA_N = 4,    /* a clause repeated after a comma, in words */
	MAX_COMMA_N = 16,
	CONTENT_LEN = 5,    /* a gapped repeat needs a word of this many letters */
	SHORT_LEN = 3       /* a gap ending in a word this short is coordination */
};

/* Shared: legitimate repetitions, keyed "lang:folded phrase"; coordinating
 * conjunctions, keyed "lang:" + the 8 bytes of the folded word hash. */
typedef struct rep_shared {
	tql_strmap legit;
	tql_strmap conj;
} rep_shared;

/* Key of a conjunction: language and word hash. */
static bool conj_key(tql_buf *k, const char *lang, size_t ll, uint64_t h)
{
	k->n = 0;
	return tql_buf_add(k, lang, ll) && tql_buf_addc(k, ':') && tql_buf_add(k, &h, sizeof h);
}

/* Loads dictionaries/repetition/coordination.tsv (lang, word, source). */
static tql_status load_conj(tql_engine *eng, rep_shared *d)
{
	char *path = tql_data_path(eng, "repetition/coordination.tsv");
	char *data = NULL;
	size_t len = 0;
	if (!path)
		return TQL_ENOMEM;
	tql_status st = tql_read_file(path, &data, &len);
	free(path);
	if (st != TQL_OK)
		return TQL_OK; /* optional table */
	tql_buf k = {0}, scratch = {0};
	char *s = data, *end = data + len;
	bool header = true;
	while (s < end && st == TQL_OK) {
		char *e = memchr(s, '\n', (size_t)(end - s));
		size_t l = e ? (size_t)(e - s) : (size_t)(end - s);
		char *t1 = memchr(s, '\t', l);
		if (l && s[0] != '#' && t1) {
			char *t2 = memchr(t1 + 1, '\t', l - (size_t)(t1 + 1 - s));
			size_t wl = t2 ? (size_t)(t2 - t1 - 1) : l - (size_t)(t1 + 1 - s);
			if (header)
				header = false;
			else {
				uint64_t h = tql_key_word(t1 + 1, wl, &scratch);
				if (!h || !conj_key(&k, s, (size_t)(t1 - s), h) ||
				    !tql_strmap_put(&d->conj, k.p, k.n, 1))
					st = TQL_ENOMEM;
			}
		}
		s += l + 1;
	}
	tql_buf_free(&k);
	tql_buf_free(&scratch);
	free(data);
	return st;
}

/* Loads dictionaries/repetition/<lang>.txt (same lists as duplicate.word). */
static tql_status load(tql_engine *eng, void **out)
{
	rep_shared *d = calloc(1, sizeof *d);
	if (!d)
		return TQL_ENOMEM;
	*out = d;
	tql_status st = tql_load_repetitions(eng, &d->legit);
	return st == TQL_OK ? load_conj(eng, d) : st;
}

static void unload(void *shared)
{
	rep_shared *d = shared;
	tql_strmap_free(&d->legit);
	tql_strmap_free(&d->conj);
	free(d);
}

/* One word of the document. */
typedef struct item {
	uint64_t h;         /* folded word hash */
	uint32_t tok;       /* token index */
	uint32_t sent;
	bool sep;           /* punctuation or a line break before it */
	bool quoted;
	bool content;       /* CONTENT_LEN letters or more, or capitalised inside */
	bool shortw;        /* SHORT_LEN letters or fewer */
	bool end;           /* punctuation or the end of the line right after it */
} item;

/* Do items [i, i+n) and [j, j+n) hold the same words? */
static bool same(const item *w, size_t i, size_t j, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (w[i + k].h != w[j + k].h)
			return false;
	return true;
}

/* Is the stretch [i, e) one clause: one sentence, no punctuation inside? */
static bool one_clause(const item *w, size_t i, size_t e)
{
	for (size_t k = i + 1; k < e; k++)
		if (w[k].sep || w[k].sent != w[i].sent)
			return false;
	return true;
}

static bool has_content(const item *w, size_t i, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (w[i + k].content)
			return true;
	return false;
}

/* Does a coordinating conjunction stand among items [i, e)? */
static bool coordinated(const rep_shared *d, const tql_doc *doc, const item *w, size_t i,
                        size_t e, tql_buf *key)
{
	size_t ll = strlen(doc->lang);
	for (size_t k = i; k < e; k++)
		if (conj_key(key, doc->lang, ll, w[k].h) &&
		    tql_strmap_get(&d->conj, key->p, key->n, NULL))
			return true;
	return false;
}

/* Is "copy copy" a listed legitimate repetition? */
static bool legit(const rep_shared *d, const tql_doc *doc, const item *w, size_t i, size_t e,
                  tql_buf *key)
{
	const tql_token *a = &doc->tok[w[i].tok], *b = &doc->tok[w[e - 1].tok];
	key->n = 0;
	if (!tql_buf_printf(key, "%s:", doc->lang) ||
	    !tql_fold(doc->text + a->off, b->off + b->len - a->off, key))
		return false;
	return tql_strmap_get(&d->legit, key->p, key->n, NULL);
}

/* Builds the word list; returns false on out-of-memory. */
static bool collect(const tql_doc *doc, item **out, size_t *n)
{
	unsigned char *q = NULL;
	tql_buf scratch = {0};
	item *w = malloc(sizeof *w * (doc->words + 1 + doc->ntok / 4));
	size_t m = 0, cap = doc->words + 1 + doc->ntok / 4;
	bool sep = true, ok = w && tql_quote_marks(doc, &q);
	for (size_t t = 0; ok && t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind == TQL_TOK_SPACE)
			continue;
		if (tk->kind != TQL_TOK_WORD && tk->kind != TQL_TOK_NUMBER) {
			sep = true;
			continue;
		}
		if (m == cap && !TQL_GROW(w, cap, m + 1)) {
			ok = false;
			break;
		}
		uint64_t h = tql_key_word(doc->text + tk->off, tk->len, &scratch);
		if (!h) {
			ok = false;
			break;
		}
		size_t letters = tql_u8_count(doc->text + tk->off, tk->len);
		bool cap_inside = (tk->flags & TQL_TF_UPPER_INITIAL) && !(tk->flags & TQL_TF_SENT_START);
		w[m] = (item){h, (uint32_t)t, tk->sent, sep, q[t] != 0,
		              tk->kind == TQL_TOK_WORD && (letters >= CONTENT_LEN || cap_inside),
		              letters <= SHORT_LEN, false};
		if (m)
			w[m - 1].end = sep || w[m - 1].sent != tk->sent;
		m++;
		sep = false;
	}
	if (m)
		w[m - 1].end = true;
	free(q);
	tql_buf_free(&scratch);
	*out = w;
	*n = m;
	return ok;
}

/* Is only one comma (and spaces) between the tokens of items a and b? */
static bool comma_between(const tql_doc *doc, const item *a, const item *b)
{
	int commas = 0;
	for (uint32_t t = a->tok + 1; t < b->tok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind == TQL_TOK_SPACE)
			continue;
		if (tk->len != 1 || doc->text[tk->off] != ',' || ++commas > 1)
			return false;
	}
	return commas == 1;
}

/*
 * A clause repeated right after a comma: "during a ceremony in Algiers,
 * during a ceremony in Algiers". Four words or more (rhetorical repetition
 * is mostly shorter: "never again, never again"), the same words and inner
 * punctuation in both copies, one sentence. Returns the copy's length in
 * words, 0 if none starts at i (run() has skipped quoted words at i).
 */
static size_t comma_repeat(const rep_shared *d, const tql_doc *doc, const item *w, size_t m,
                           size_t i, tql_buf *key)
{
	/* (an incantation starts its sentence or follows punctuation other
	 * than a list's comma, an addition starts with a conjunction: "saying:
	 * I must not hate him, I must not hate him", "and the year before, and
	 * the year before", Brown) */
	size_t p = w[i].tok;
	while (p > 0 && doc->tok[p - 1].kind == TQL_TOK_SPACE)
		p--;
	bool after_comma = p > 0 && doc->tok[p - 1].len == 1 && doc->text[doc->tok[p - 1].off] == ',';
	if ((doc->tok[w[i].tok].flags & TQL_TF_SENT_START) || (w[i].sep && !after_comma) ||
	    coordinated(d, doc, w, i, i + 1, key))
		return 0;
	for (size_t n = MAX_COMMA_N; n >= MIN_COMMA_N; n--) {
		size_t j = i + n;
		if (j + n > m || w[j].quoted || !same(w, i, j, n) ||
		    !comma_between(doc, &w[j - 1], &w[j]) || w[i].sent != w[j + n - 1].sent)
			continue;
		bool alike = true;
		for (size_t k = 1; k < n && alike; k++)
			alike = w[i + k].sep == w[j + k].sep;
		if (alike)
			return n;
	}
	return 0;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const rep_shared *d = shared;
	tql_doc *doc = ctx->doc;
	if (!tql_rule_enabled(ctx->eng, "duplicate.phrase"))
		return TQL_OK;
	item *w = NULL;
	size_t m = 0;
	tql_buf key = {0}, phrase = {0};
	tql_status st = TQL_ENOMEM;
	if (!collect(doc, &w, &m))
		goto done;
	for (size_t i = 0; i < m; i++) {
		if (w[i].quoted)
			continue;
		size_t hit_n = 0, hit_j = 0;
		/* a longer phrase right after itself ("у фіналі Кубка Біллі Джин
		 * Кінг у фіналі Кубка Біллі Джин Кінг") */
		for (size_t n = MAX_ADJ; n > MAX_N && !hit_n; n--) {
			if (i + 2 * n > m || !one_clause(w, i, i + 2 * n))
				continue;
			/* ("the the the ...": duplicate.word's business) */
			if (w[i].h != w[i + 1].h && same(w, i, i + n, n) &&
			    !legit(d, doc, w, i, i + 2 * n, &key)) {
				hit_n = n;
				hit_j = i + n;
			}
		}
		for (size_t n = MAX_N; n >= 2 && !hit_n; n--) {
			for (size_t g = 0; g <= MAX_GAP; g++) {
				size_t j = i + n + g;
				if (j + n > m)
					break;
				if (!one_clause(w, i, j + n))
					break;
				if (!same(w, i, j, n))
					continue;
				/* "ha ha ha ha" is duplicate.word's business */
				if (w[i].h == w[i + 1].h)
					continue;
				if (g > 0 && (g < 2 || w[j - 1].shortw || !w[j + n - 1].end ||
				              !has_content(w, i, n) || coordinated(d, doc, w, i + n, j, &key)))
					continue;
				if (g == 0 && legit(d, doc, w, i, j + n, &key))
					continue;
				hit_n = n;
				hit_j = j;
				break;
			}
		}
		if (!hit_n && (hit_n = comma_repeat(d, doc, w, m, i, &key)) != 0)
			hit_j = i + hit_n;
		if (!hit_n)
			continue;
		const tql_token *a = &doc->tok[w[i].tok], *b = &doc->tok[w[i + hit_n - 1].tok];
		const tql_token *z = &doc->tok[w[hit_j + hit_n - 1].tok];
		phrase.n = 0;
		if (!tql_buf_add(&phrase, doc->text + a->off, b->off + b->len - a->off) ||
		    !tql_emit(ctx, "duplicate.phrase", a->off, z->off + z->len - a->off, NULL, false,
		              "the phrase '%s' is repeated within %zu words", phrase.p,
		              hit_j + hit_n - i))
			goto done;
		i = hit_j + hit_n - 1;
	}
	st = TQL_OK;
done:
	free(w);
	tql_buf_free(&key);
	tql_buf_free(&phrase);
	return st;
}

const tql_check_def tql_check_dup_phrase = {
	"dup-phrase", rules, sizeof rules / sizeof *rules, load, unload, run,
};
