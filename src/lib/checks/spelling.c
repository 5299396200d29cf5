/*
 * spelling.c - spelling.unknown: a word that the document language's
 * Hunspell dictionary (plus the project's word list, added in lang.c) and
 * the name table do not know.
 *
 * Conservative by design, since a false alarm costs more than a miss:
 * capitalised words are left to the name checks, and so are words in all
 * capitals, with digits or inner capitals, words in another script than
 * the dictionary's, and anything that looks like a URL, e-mail address,
 * file name or command option. A word is reported only when it looks like
 * a typo: one edit (a letter dropped, added, changed, or two swapped; the
 * alphabet is the language's ICU exemplar set) away from a dictionary word,
 * at most twice in the document (a recurring unknown word is a term), and,
 * for languages other than English, not an English word (loanwords and
 * technical terms). Suggestions come from Hunspell_suggest
 * (30-70 ms a call), only for reported words, once per unique word, at most
 * MAX_SUGG_WORDS words per document (a count, not a clock, so that output is
 * the same whatever the machine load); answers are cached per checker.
 */
#include "../internal.h"
#include "../names.h"

#include <ctype.h>
#include <string.h>
#include <time.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>

static const tql_rule_info rules[] = {
	{"spelling.unknown", "spelling", TQL_SEV_WARNING,
	 "a lower-case word unknown to the language's dictionary and to the name tables"},
};

#define MAX_SUGG_WORDS 20 /* Hunspell_suggest (30-70 ms) per document, with --spell-suggest */
#define MAX_SUGG 3

/* Languages where the measured rate on clean text (Debian handbook) stayed
 * above 1 per 1000 words with the general filters: only longer words that
 * occur once are reported there. */
static bool conservative(const char *lang)
{
	return strcmp(lang, "es") == 0 || strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 ||
	       strcmp(lang, "it") == 0;
}

/* Characters next to a word that make it part of a URL, address, path,
 * option or code rather than prose. */
static bool code_char(int32_t c)
{
	return c == '/' || c == '\\' || c == '@' || c == '_' || c == '=' || c == '<' || c == '>' ||
	       c == '{' || c == '}' || c == '#' || c == '~' || c == '$' || c == '%' || c == '&' ||
	       c == '|' || c == '*' || c == '+' || c == '`' || c == '[' || c == ']';
}

/* Is the token in a code-like or URL-like context? Looks at the non-space
 * run that contains it. */
static bool in_code(const tql_doc *doc, const tql_token *tk)
{
	const char *s = doc->text;
	size_t a = tk->off, b = tk->off + tk->len;
	while (a > 0 && s[a - 1] != ' ' && s[a - 1] != '\n' && s[a - 1] != '\t' && tk->off - a < 200)
		a--;
	while (b < doc->len && s[b] != ' ' && s[b] != '\n' && s[b] != '\t' && b - tk->off < 200)
		b++;
	for (size_t i = a; i < b; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && code_char(c))
			return true;
		/* "-o", "--force", "www.x.org", "file.txt": dots or hyphens that
		 * start the run or sit inside it */
		if (c == '-' && i == a)
			return true;
		if (c == '.' && i > a && i + 1 < b && (unsigned char)s[i + 1] < 0x80 &&
		    u_isalnum((unsigned char)s[i + 1]))
			return true;
	}
	/* a word followed by "(" is a function or command ("chmod(2)"), one
	 * followed by an option is a command ("dpkg -i") */
	size_t e = tk->off + tk->len;
	if (e < doc->len && s[e] == '(')
		return true;
	return e + 2 < doc->len && s[e] == ' ' && s[e + 1] == '-' &&
	       (s[e + 2] == '-' || ((unsigned char)s[e + 2] < 0x80 && u_isalpha((unsigned char)s[e + 2])));
}

/* Does an encoding finding (mojibake, control character) or a language
 * finding (a word of another language, leftover_words.c) already cover
 * the token? Then its letters are damage or foreign, not a misspelling. */
static bool damaged(const tql_ctx *ctx, const tql_token *tk)
{
	const tql_doc *doc = ctx->doc;
	size_t s0 = tql_doc_src_start(doc, tk->off), s1 = tql_doc_src_end(doc, tk->off + tk->len);
	for (size_t i = 0; i < doc->nfind; i++) {
		const tql_raw_finding *f = &doc->find[i];
		const char *cat = ctx->eng->rules[f->rule].category;
		if (strcmp(cat, "encoding") != 0 && strcmp(cat, "language") != 0)
			continue;
		size_t a = f->source_span ? f->off : tql_doc_src_start(doc, f->off);
		size_t b = f->source_span ? f->off + f->len : tql_doc_src_end(doc, f->off + f->len);
		if (a <= s1 && b >= s0)
			return true;
	}
	return false;
}

/* Are all letters of w in `script`? (A look-alike from another script is
 * encoding.mixed-script's finding.) */
static bool one_script(const char *w, size_t n, int script)
{
	size_t i = 0;
	while (i < n) {
		int32_t c = tql_u8_next(w, n, &i);
		UErrorCode err = U_ZERO_ERROR;
		if (c >= 0x80 && u_isalpha(c) && uscript_getScript(c, &err) != script)
			return false;
		if (c < 0x80 && u_isalpha(c) && script != USCRIPT_LATIN)
			return false;
	}
	return true;
}

/* Is the token part of a hyphenated compound ("ленд-лиз", "avant-garde")?
 * Its parts need not be words on their own. */
static bool in_compound(const tql_doc *doc, const tql_token *tk)
{
	const char *s = doc->text;
	size_t a = tk->off, b = tk->off + tk->len;
	size_t k = a, e = b;
	int32_t l = a ? tql_u8_prev(s, &k) : -1, r = b < doc->len ? tql_u8_next(s, doc->len, &e) : -1;
	bool lh = l == '-' || l == 0x2010 || l == 0x2011, rh = r == '-' || r == 0x2010 || r == 0x2011;
	if ((lh && k > 0 && s[k - 1] != ' ') || (rh && e < doc->len && s[e] != ' '))
		return true;
	/* a compound with a stray space ("російсько -українські") is
	 * garbled.space-in-word's finding */
	return (b + 2 < doc->len && s[b] == ' ' && s[b + 1] == '-' && s[b + 2] != ' ') ||
	       (a >= 3 && s[a - 1] == ' ' && s[a - 2] == '-' && s[a - 3] != ' ');
}

/* Is the word the second half of a scientific name with its genus cut to
 * an initial ("C. elegans", "E. coli")? */
static bool species_epithet(const tql_doc *doc, const tql_token *tk)
{
	const char *s = doc->text;
	size_t a = tk->off;
	if (a < 3 || s[a - 1] != ' ' || s[a - 2] != '.' || !isupper((unsigned char)s[a - 3]))
		return false;
	return a == 3 || !isalpha((unsigned char)s[a - 4]);
}

/* Copies w to out with typographic apostrophes made ASCII (Hunspell's
 * dictionaries spell "don't"). */
static bool plain_apostrophes(const char *w, size_t n, tql_buf *out)
{
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		if (i + 2 < n + 0 && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
		    (unsigned char)w[i + 2] == 0x99) {
			if (!tql_buf_addc(out, '\''))
				return false;
			i += 2;
		} else if (!tql_buf_addc(out, w[i])) {
			return false;
		}
	}
	return tql_buf_add(out, "", 0);
}

/* Is the word a known name form (folded) in the document language? */
static bool known_name(tql_ctx *ctx, const char *w, size_t n, tql_buf *key)
{
	if (!ctx->eng->names)
		return false;
	key->n = 0;
	return tql_fold(w, n, key) &&
	       tql_names_lookup(ctx->eng->names, ctx->doc->lang, key->p, key->n) != NULL;
}

/* ---- one edit away from a dictionary word ---------------------------------- */

#define MAXL 40

/* The language's letters (ICU exemplar set, lower case), at most 64. */
typedef struct alphabet {
	int32_t c[64];
	int n;
	bool tried;
} alphabet;

static void load_alphabet(const char *lang, alphabet *ab)
{
	ab->tried = true;
	UErrorCode err = U_ZERO_ERROR;
	ULocaleData *ld = ulocdata_open(lang, &err);
	USet *set = U_SUCCESS(err) ? ulocdata_getExemplarSet(ld, NULL, 0, ULOCDATA_ES_STANDARD, &err)
	                           : NULL;
	if (set && U_SUCCESS(err)) {
		int32_t n = uset_size(set);
		for (int32_t i = 0; i < n && ab->n < 64; i++) {
			int32_t c = uset_charAt(set, i);
			if (c >= 0 && u_isalpha(c) && u_islower(c))
				ab->c[ab->n++] = c;
		}
	}
	uset_close(set);
	ulocdata_close(ld);
}

/* Spells the candidate cp[0..n); true when the dictionary knows it. */
static bool known_cp(tql_ctx *ctx, const int32_t *cp, size_t n, tql_buf *tmp)
{
	tmp->n = 0;
	for (size_t i = 0; i < n; i++) {
		char u8[4];
		size_t l = 0;
		U8_APPEND_UNSAFE(u8, l, cp[i]);
		if (!tql_buf_add(tmp, u8, l))
			return false;
	}
	return tql_buf_add(tmp, "", 0) && tql_spell_nocache(ctx->chk, ctx->lang, tmp->p, tmp->n) == 1;
}

/*
 * Finds a dictionary word one edit away from w (deletion, transposition,
 * substitution, insertion with the language's letters); writes it to out.
 * Returns false if there is none.
 */
static bool near_word(tql_ctx *ctx, const alphabet *ab, const char *w, size_t len, tql_buf *out)
{
	int32_t cp[MAXL], v[MAXL + 1];
	size_t n = 0, i = 0;
	while (i < len && n < MAXL)
		cp[n++] = tql_u8_next(w, len, &i);
	if (i < len || n < 4)
		return false;
	for (size_t k = 0; k < n; k++) { /* deletion */
		size_t m = 0;
		for (size_t j = 0; j < n; j++)
			if (j != k)
				v[m++] = cp[j];
		if (known_cp(ctx, v, m, out))
			return true;
	}
	for (size_t k = 0; k + 1 < n; k++) { /* transposition */
		memcpy(v, cp, n * sizeof *cp);
		v[k] = cp[k + 1];
		v[k + 1] = cp[k];
		if (cp[k] != cp[k + 1] && known_cp(ctx, v, n, out))
			return true;
	}
	for (int a = 0; a < ab->n; a++) {
		for (size_t k = 0; k < n; k++) { /* substitution */
			if (cp[k] == ab->c[a] || !u_islower(cp[k]))
				continue;
			memcpy(v, cp, n * sizeof *cp);
			v[k] = ab->c[a];
			if (known_cp(ctx, v, n, out))
				return true;
		}
		for (size_t k = 1; k <= n; k++) { /* insertion (not before the first letter) */
			memcpy(v, cp, k * sizeof *cp);
			v[k] = ab->c[a];
			memcpy(v + k + 1, cp + k, (n - k) * sizeof *cp);
			if (known_cp(ctx, v, n + 1, out))
				return true;
		}
	}
	return false;
}

/* Is word w (n bytes) one edit from a word of the language? The word found
 * goes to *near. The search costs hundreds of Hunspell calls: cached per
 * language. -1: out of memory. */
static int near_cached(tql_ctx *ctx, alphabet *ab, const char *w, size_t n, tql_buf *near)
{
	if (!ab->tried)
		load_alphabet(ctx->doc->lang, ab);
	uintptr_t nat;
	tql_lang_res *lr = ctx->lang;
	near->n = 0;
	if (tql_strmap_get(&lr->near_cache, w, n, &nat))
		return nat && !tql_buf_adds(near, lr->near_store.p + nat - 1) ? -1 : nat != 0;
	bool found = near_word(ctx, ab, w, n, near);
	if (lr->near_cache.n >= 50000) {
		tql_strmap_free(&lr->near_cache);
		lr->near_store.n = 0;
	}
	size_t at = lr->near_store.n;
	if (found && !tql_buf_add(&lr->near_store, near->p, strlen(near->p) + 1))
		return -1;
	tql_strmap_put(&lr->near_cache, w, n, found ? at + 1 : 0);
	return found;
}

/* Is token t inside a quotation on its line ("...", “...”, «...», „...“)
 * whose words are mostly unknown here: a phrase of another language quoted
 * as such ("Abki baar, 400 paar")? */
static bool language_named(tql_ctx *ctx, const tql_token *w);

static bool in_foreign_quote(tql_ctx *ctx, size_t t)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *tk = &doc->tok[t];
	size_t a, b;
	if (!tql_quote_around(doc, tk->off, tk->len, 300, &a, &b))
		return false;
	if (tql_mostly_unknown(ctx, a, b, 0, 0))
		return true;
	/* a word or two quoted after the name of their language, as the
	 * language of the document writes it: the Greek "porphyras", le grec
	 * « porphyras » (one of the two words before the quotation mark) */
	size_t q = tql_doc_token_at(doc, a);
	size_t words = 0;
	for (size_t u = q; u < doc->ntok && doc->tok[u].off < b; u++)
		words += doc->tok[u].kind == TQL_TOK_WORD;
	if (words > 2)
		return false;
	size_t seen = 0;
	for (size_t u = q; u-- > 0 && seen < 2 && doc->tok[u].sent == tk->sent;) {
		if (doc->tok[u].kind != TQL_TOK_WORD)
			continue;
		seen++;
		if (language_named(ctx, &doc->tok[u]))
			return true;
	}
	return false;
}

/* Is word token w the name of a language in the document's language
 * (ICU's CLDR display names: Greek, grec, griego, greco), in any case? */
static bool language_named(tql_ctx *ctx, const tql_token *w)
{
	const tql_doc *doc = ctx->doc;
	UChar word[64], name[64];
	int32_t wl = 0;
	UErrorCode err = U_ZERO_ERROR;
	if (w->len >= 64)
		return false;
	u_strFromUTF8(word, 64, &wl, doc->text + w->off, (int32_t)w->len, &err);
	if (U_FAILURE(err) || wl < 3)
		return false;
	for (const char *const *iso = uloc_getISOLanguages(); *iso; iso++) {
		err = U_ZERO_ERROR;
		int32_t nl = uloc_getDisplayLanguage(*iso, doc->lang, name, 64, &err);
		/* (U_USING_DEFAULT_WARNING: no name in that language, the code) */
		if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || nl != wl)
			continue;
		if (u_strCaseCompare(word, wl, name, nl, U_FOLD_CASE_DEFAULT, &err) == 0 && U_SUCCESS(err))
			return true;
	}
	return false;
}

/* Is the unknown word cand[ci] part of a phrase of another language: inside
 * a quotation mostly of unknown words, or beside
 * another unknown word, one space apart, that is no typo of a long word
 * ("tino rangatiratanga"), or itself short ("wai hono")? Two typos side by
 * side ("goverment recieved") stay typos. w and tmp are scratch buffers.
 * -1: out of memory. */
static int foreign_phrase(tql_ctx *ctx, alphabet *ab, const size_t *cand, size_t ncand,
                          size_t ci, tql_buf *w, tql_buf *tmp)
{
	const tql_doc *doc = ctx->doc;
	size_t t = cand[ci];
	size_t nb[2] = {SIZE_MAX, SIZE_MAX};
	if (ci > 0 && cand[ci - 1] + 2 == t && doc->tok[t - 1].kind == TQL_TOK_SPACE)
		nb[0] = cand[ci - 1];
	if (ci + 1 < ncand && cand[ci + 1] == t + 2 && doc->tok[t + 1].kind == TQL_TOK_SPACE)
		nb[1] = cand[ci + 1];
	bool short_word = tql_u8_count(doc->text + doc->tok[t].off, doc->tok[t].len) <= 5;
	if (in_foreign_quote(ctx, t))
		return 1;
	for (int k = 0; k < 2; k++) {
		if (nb[k] == SIZE_MAX)
			continue;
		const tql_token *u = &doc->tok[nb[k]];
		if (short_word || tql_u8_count(doc->text + u->off, u->len) < 6)
			return 1;
		if (!plain_apostrophes(doc->text + u->off, u->len, w))
			return -1;
		int typo = near_cached(ctx, ab, w->p, w->n, tmp);
		if (typo <= 0)
			return typo < 0 ? -1 : 1;
	}
	return 0;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	/* (languages whose dictionaries are reliable enough for news text) */
	int script = tql_spell_script(doc->lang);
	if (!script)
		return TQL_OK;
	tql_buf word = {0}, key = {0}, sugg = {0};
	tql_strmap asked = {0}; /* word -> offset+1 of its suggestions in `sugg`, or 0 */
	int nasked = 0;
	tql_status st = TQL_OK;
	/* pass 1: unknown words and how often each occurs */
	tql_strmap count = {0};
	size_t *cand = NULL, ncand = 0, candcap = 0;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->len < 3 || tk->len > 4 * MAXL ||
		    tk->script != script ||
		    (tk->flags & (TQL_TF_UPPER_INITIAL | TQL_TF_ALL_UPPER | TQL_TF_INNER_UPPER |
		                  TQL_TF_HAS_DIGIT)) ||
		    !(tk->flags & TQL_TF_HAS_LOWER))
			continue;
		const char *w = doc->text + tk->off;
		if (!plain_apostrophes(w, tk->len, &word)) {
			st = TQL_ENOMEM;
			break;
		}
		if (tql_spell(ctx->chk, ctx->lang, word.p, word.n) != 0)
			continue; /* known, or no dictionary */
		uintptr_t c = 0;
		tql_strmap_get(&count, word.p, word.n, &c);
		if (!tql_strmap_put(&count, word.p, word.n, c + 1) ||
		    !TQL_GROW(cand, candcap, ncand + 1)) {
			st = TQL_ENOMEM;
			break;
		}
		cand[ncand++] = t;
	}
	/* English words are accepted in other Latin-script languages
	 * (loanwords, technical terms); English accepts both spellings,
	 * en_US and en_GB, unless the document names its region */
	tql_lang_res *en = NULL;
	if (strcmp(doc->lang, "en") != 0 && script == USCRIPT_LATIN)
		en = tql_lang_get(ctx->chk, "en", "");
	else if (strcmp(doc->lang, "en") == 0 && !doc->region[0])
		en = tql_lang_get(ctx->chk, "en", "GB");
	alphabet ab = {{0}, 0, false};
	tql_buf near = {0}, nbword = {0}, nbnear = {0}; /* (nb: a neighbour's, foreign_phrase) */
	/* pass 2: the ones that look like typos */
	for (size_t ci = 0; ci < ncand && st == TQL_OK; ci++) {
		const tql_token *tk = &doc->tok[cand[ci]];
		const char *w = doc->text + tk->off;
		if (!plain_apostrophes(w, tk->len, &word)) {
			st = TQL_ENOMEM;
			break;
		}
		uintptr_t c = 0;
		tql_strmap_get(&count, word.p, word.n, &c);
		if (c > 2 || (conservative(doc->lang) && (c > 1 || tql_u8_count(w, tk->len) < 7)))
			continue;
		if (memchr(w, '.', tk->len) || !one_script(w, tk->len, script) || in_code(doc, tk) ||
		    damaged(ctx, tk) ||
		    in_compound(doc, tk) || species_epithet(doc, tk) ||
		    known_name(ctx, w, tk->len, &key))
			continue;
		if (en && tql_spell(ctx->chk, en, word.p, word.n) == 1)
			continue;
		if (tql_word_derived(ctx->chk, ctx->lang, word.p, word.n))
			continue;
		int found = near_cached(ctx, &ab, word.p, word.n, &near);
		if (found <= 0) {
			if (found < 0)
				st = TQL_ENOMEM;
			continue;
		}
		int phrase = foreign_phrase(ctx, &ab, cand, ncand, ci, &nbword, &nbnear);
		if (phrase != 0) {
			if (phrase < 0)
				st = TQL_ENOMEM;
			continue;
		}
		/* suggestions: once per unique word, capped and on a time budget */
		uintptr_t at = 0;
		if (ctx->eng->spell_suggest && !tql_strmap_get(&asked, word.p, word.n, &at) &&
		    nasked < MAX_SUGG_WORDS) {
			size_t start = sugg.n;
			int k = tql_spell_suggest(ctx->chk, ctx->lang, word.p, word.n, MAX_SUGG, &sugg);
			nasked++;
			at = k > 0 ? start + 1 : 0;
			if (k > 0 && !tql_buf_addc(&sugg, '\0')) { /* list end */
				st = TQL_ENOMEM;
				break;
			}
			if (!tql_strmap_put(&asked, word.p, word.n, at)) {
				st = TQL_ENOMEM;
				break;
			}
		}
		const char *list[MAX_SUGG];
		size_t ns = 0;
		for (const char *p = at ? sugg.p + at - 1 : NULL; p && *p && ns < MAX_SUGG;
		     p += strlen(p) + 1)
			list[ns++] = p;
		if (ns == 0) /* out of budget: the word one edit away */
			list[ns++] = near.p;
		if (!tql_emitv(ctx, "spelling.unknown", tk->off, tk->len, list, ns, false,
		               "'%.*s' is not in the %s dictionary", (int)tk->len, w, doc->lang)) {
			st = TQL_ENOMEM;
			break;
		}
	}
	free(cand);
	tql_strmap_free(&count);
	tql_buf_free(&near);
	tql_buf_free(&nbword);
	tql_buf_free(&nbnear);
	tql_buf_free(&word);
	tql_buf_free(&key);
	tql_buf_free(&sugg);
	tql_strmap_free(&asked);
	return st;
}

const tql_check_def tql_check_spelling = {
	"spelling", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
