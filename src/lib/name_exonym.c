/* name_exonym.c - a city written with another language's name (see
 * name_exonym.h): "in Wien" in English, "von Marrakech" in German, "a
 * Khartoum" in Italian. The gazetteer holds each city's name per language;
 * a place word that is a large city's name in another language's column,
 * and no city's name in the document's own, is that language's exonym. */
#include "name_exonym.h"

#include "name_place.h"
#include "name_text.h"

#include <string.h>
#include <unicode/uscript.h>

enum {
	MIN_POP = 100000, /* exonyms of large cities only: small towns' columns are sparse */
	MAX_SEQ = 3,      /* words of a multi-word name */
	MIN_LETTERS = 4
};

/* A city whose name in some other column is the word. */
typedef struct cand {
	uint32_t place;
	const char *col;  /* one column that holds the word (static) */
	int ncols;        /* columns that hold it */
	bool pivot;       /* one of them is English (the document's is not), or
	                     the language of the city's own country */
} cand;

enum { MAX_CAND = 8 };

/* The search for one folded key. */
typedef struct exo_ud {
	tql_ctx *ctx;
	const tql_places *pl;
	const char *lang;
	const char *key;
	size_t kl;
	tql_buf tmp;
	bool oom;
	bool known;   /* a city's name in the document's language */
	bool veto;    /* the own name holds the word, or sounds the same */
	cand c[MAX_CAND];
	size_t nc;
} exo_ud;

/* Does the folded name f (fn bytes) hold the folded words w (wn bytes) as
 * whole words ("il cairo" holds "cairo")? */
static bool holds_words(const char *f, size_t fn, const char *w, size_t wn)
{
	for (size_t i = 0; i + wn <= fn; i++)
		if ((i == 0 || f[i - 1] == ' ') && memcmp(f + i, w, wn) == 0 &&
		    (i + wn == fn || f[i + wn] == ' '))
			return true;
	return false;
}

/* Folds the name of city p in the document's language into x->tmp; false
 * when it has none or on out of memory (x->oom). */
static bool own_name(exo_ud *x, uint32_t p, const char **own)
{
	*own = tql_places_name_in(x->pl, p, x->lang);
	if (!*own)
		return false;
	x->tmp.n = 0;
	if (!tql_fold(*own, strlen(*own), &x->tmp)) {
		x->oom = true;
		return false;
	}
	return true;
}

/* (tql_places_each on the document's columns) */
static bool on_own(void *ud, const tql_place_name *n)
{
	exo_ud *x = ud;
	const char *own;
	if (!own_name(x, n->place, &own))
		return !x->oom;
	if (x->tmp.n == x->kl && memcmp(x->tmp.p, x->key, x->kl) == 0)
		x->known = true;
	return !x->known;
}

/* Is every word of s known to the document language's dictionary (an
 * established name: Italian "Milano", not GeoNames' rare "Vladicáucaso")? */
static bool established(tql_ctx *ctx, const char *s)
{
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, " -");
		if (n && tql_spell(ctx->chk, ctx->lang, p, n) <= 0)
			return false;
		p += n + (p[n] != '\0');
	}
	return true;
}

static bool on_other(void *ud, const tql_place_name *n)
{
	exo_ud *x = ud;
	if (strcmp(n->lang, x->lang) == 0 || strcmp(n->lang, "ru") == 0 || strcmp(n->lang, "uk") == 0)
		return true;
	const char *cc = tql_places_country(x->pl, n->place), *own;
	if (tql_places_population(x->pl, n->place) < MIN_POP || tql_np_home_country(x->lang, cc) ||
	    !own_name(x, n->place, &own))
		return !x->oom;
	if (holds_words(x->tmp.p, x->tmp.n, x->key, x->kl) ||
	    holds_words(x->key, x->kl, x->tmp.p, x->tmp.n)) {
		x->veto = true; /* "Cairo" of "Il Cairo", "New York City" of New York */
		return false;
	}
	/* a transliteration of the same name ("Chernihiv", Italian "Černihiv") */
	tql_buf a = {0}, b = {0};
	bool same = tql_nt_translit_norm(x->key, x->kl, &a) &&
	            tql_nt_translit_norm(x->tmp.p, x->tmp.n, &b) && a.n == b.n &&
	            memcmp(a.p, b.p, a.n) == 0;
	tql_buf_free(&a);
	tql_buf_free(&b);
	if (same) {
		x->veto = true;
		return false;
	}
	bool pivot = (strcmp(n->lang, "en") == 0 && strcmp(x->lang, "en") != 0) ||
	             tql_np_home_country(n->lang, cc);
	for (size_t i = 0; i < x->nc; i++)
		if (x->c[i].place == n->place) {
			x->c[i].ncols++;
			x->c[i].pivot |= pivot;
			return true;
		}
	if (x->nc < MAX_CAND)
		x->c[x->nc++] = (cand){n->place, n->lang, 1, pivot};
	return true;
}

static const char *language_name(const char *col)
{
	static const char *const names[][2] = {{"en", "English"}, {"de", "German"}, {"fr", "French"},
	                                       {"es", "Spanish"}, {"it", "Italian"}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(names[i][0], col) == 0)
			return names[i][1];
	return col;
}

/* Is the token after `end` (a space, then a capitalised word) the rest of
 * a longer name ("Milan Kundera", "Bremen Airport")? */
static bool name_continues(const tql_doc *doc, size_t end)
{
	return end + 2 < doc->ntok && doc->tok[end + 1].kind == TQL_TOK_SPACE &&
	       doc->tok[end + 1].len == 1 && doc->tok[end + 2].kind == TQL_TOK_WORD &&
	       (doc->tok[end + 2].flags & TQL_TF_UPPER_INITIAL);
}

/* Is the folded key x->key another language's name of a city, and no
 * city's name in the document's language? Then *own is that city's name
 * in the document's language and *col the other language. A name counts
 * when English holds it (machine translation through English: "Milan" in
 * Italian), when the city's own country's language does (an endonym left
 * in: "Wien" in English), or two other languages agree ("Marrakech" in
 * German); and the document's name for it must be established, known to
 * its dictionary. Historic exonyms ("Danzig" in English) hold none. */
static bool exonym_at(exo_ud *x, const char **own, const char **col)
{
	x->known = x->veto = false;
	x->nc = 0;
	tql_places_each(x->pl, x->lang, x->key, x->kl, false, on_own, x);
	if (x->oom || x->known)
		return false;
	tql_places_each_column(x->pl, x->key, x->kl, on_other, x);
	if (x->oom || x->veto)
		return false;
	uint32_t best = 0;
	*own = NULL;
	for (size_t i = 0; i < x->nc; i++) {
		uint32_t pop = tql_places_population(x->pl, x->c[i].place);
		if ((x->c[i].pivot || x->c[i].ncols >= 2) && pop > best) {
			best = pop;
			*own = tql_places_name_in(x->pl, x->c[i].place, x->lang);
			*col = x->c[i].col;
		}
	}
	return *own && established(x->ctx, *own);
}

tql_status tql_name_exonyms(tql_ctx *ctx, const char *lang, const tql_names *nm,
                            const tql_places *pl)
{
	static const char *const latin[] = {"en", "de", "fr", "es", "it"};
	bool ours = false;
	for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
		ours |= strcmp(latin[i], lang) == 0;
	if (!pl || !ours || !tql_rule_enabled(ctx->eng, "name.variant"))
		return TQL_OK;
	const tql_doc *doc = ctx->doc;
	exo_ud x = {ctx, pl, lang, NULL, 0, {0}, false, false, false, {{0}}, 0};
	const char *own = NULL, *col = NULL;
	tql_buf k = {0};
	tql_status rs = TQL_ENOMEM;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN ||
		    !(tk->flags & TQL_TF_UPPER_INITIAL) ||
		    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) ||
		    (tk->off > 0 && tql_nt_hyphen_at(doc, tk->off - 1)))
			continue;
		/* the longest run of capitalised words that is an exonym */
		size_t ends[MAX_SEQ], lens[MAX_SEQ], n = 0;
		k.n = 0;
		for (size_t u = t; n < MAX_SEQ; u += 2) {
			const tql_token *w = &doc->tok[u];
			if ((n && !tql_buf_addc(&k, ' ')) || !tql_fold(doc->text + w->off, w->len, &k))
				goto done;
			ends[n] = u;
			lens[n++] = k.n;
			if (!name_continues(doc, u))
				break;
		}
		size_t hit = SIZE_MAX;
		for (size_t m = n; m-- > 0 && hit == SIZE_MAX;) {
			x.key = k.p;
			x.kl = lens[m];
			if (tql_u8_count(k.p, lens[m]) < MIN_LETTERS)
				continue;
			if (exonym_at(&x, &own, &col))
				hit = m;
			else if (x.oom)
				goto done;
		}
		if (hit == SIZE_MAX) {
			t = ends[n - 1];
			continue;
		}
		const tql_token *last = &doc->tok[ends[hit]];
		size_t off = tk->off, len = last->off + last->len - off;
		bool ok;
		bool cue = tql_np_place_cue(doc, lang, t, true, &ok);
		if (!ok)
			goto done;
		if (cue && !name_continues(doc, ends[hit]) && !tql_nt_hyphen_at(doc, off + len) &&
		    !tql_names_lookup(nm, lang, k.p, lens[hit]) && !tql_nt_covered(doc, tk) &&
		    !tql_emit(ctx, "name.variant", off, len, own, false,
		              "'%.*s' is the %s name of this city; in this language it is '%s'",
		              (int)len, doc->text + off, language_name(col), own))
			goto done;
		t = ends[hit];
	}
	rs = TQL_OK;
done:
	if (x.oom)
		rs = TQL_ENOMEM;
	tql_buf_free(&x.tmp);
	tql_buf_free(&k);
	return rs;
}
