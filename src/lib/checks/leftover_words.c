/*
 * leftover_words.c - language.foreign-word: a word of another language left
 * in Latin-script text by machine translation ("toutefois" in German,
 * "bilan" and "juillet" in English, "avioneta" in Italian, "tycoon" in
 * Spanish). The passage classifier (language_switch.c) needs four words
 * or more; the spelling check reports only words one edit from a word of
 * the language. Five Hunspell dictionaries (English, French, German,
 * Spanish, Italian) tell the rest.
 *
 * A lower-case word is reported when the document language's dictionary
 * (with tqlint's word list and the forms word_forms.c derives; for English
 * en_US or en_GB) does not know it and exactly one of the other four does.
 * A word two or more of them know is most often an international loanword
 * the document's dictionary lacks ("script", "hardware", "kernel"). Words
 * only English knows count only while a document has few of them (MAX_EN
 * distinct words): manuals and technical writing use English terms by the
 * hundred ("repository", "install"). Neighbouring words of one finding,
 * one space apart, are one finding ("house arrest").
 *
 * Left alone: capitalised words (names) and a sentence's first word,
 * words of four letters or fewer (the languages share most short words),
 * words joined by a hyphen, an apostrophe, a dot or a code character
 * (compounds, elisions, addresses: "coup d'état", "file.new", "https://"),
 * words with digits or capitals inside, a word of the language with an
 * accent dropped ("economica" in Spanish: a misspelling), quoted words
 * (titles, slogans, quoted phrases), a word beside a word no dictionary knows (a phrase of a
 * third language: "tino rangatiratanga"), words other checks reported,
 * established foreign words and phrases of the language listed in
 * dictionaries/loans/<lang>.txt ("palmarès", "soft power" in Italian), and
 * languages without a reliable dictionary.
 */
#include "../internal.h"
#include "../name_text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

static const tql_rule_info rules[] = {
	{"language.foreign-word", "language", TQL_SEV_WARNING,
	 "a word of another language left in the text (untranslated)"},
};

enum { MIN_LETTERS = 5, NLANG = 5, MAX_EN = 4, MAX_PHRASE = 4 };

/* The languages compared, in the order messages name them. */
static const char *const langs[NLANG] = {"en", "fr", "de", "es", "it"};

typedef struct state {
	tql_ctx *ctx;
	tql_lang_res *own2;          /* a second dictionary of the document's language (en_GB) */
	tql_lang_res *other[NLANG];  /* the other languages' resources, NULL for its own */
	const tql_strmap *loans;     /* "lang:folded phrase" */
	tql_nt_quote_scan qs;
	tql_buf key;
} state;

/* Does the document language's dictionary know w (n bytes), or make it
 * from a word it knows (word_forms.c)? (No dictionary: true, silent.) */
static bool own_knows(state *st, const char *w, size_t n)
{
	tql_checker *chk = st->ctx->chk;
	if (tql_spell(chk, st->ctx->lang, w, n) != 0 || tql_word_derived(chk, st->ctx->lang, w, n))
		return true;
	return st->own2 && tql_spell(chk, st->own2, w, n) == 1;
}

/* Is w (n bytes) a word of the document's language with an accent
 * dropped ("economica" for "económica", which Italian also writes)? Tries
 * each plain vowel with the language's accented forms. */
static bool accent_dropped(state *st, const char *w, size_t n)
{
	static const char *const acc[][2] = {
		{"es", "aáeéiíoóuú"}, {"it", "aàeèeéiìoòuù"}, {"fr", "aàaâeéeèeêiîoôuùuû"}, {"de", "aäoöuü"},
	};

	const char *set = NULL;
	for (size_t i = 0; i < sizeof acc / sizeof *acc; i++)
		if (strcmp(st->ctx->doc->lang, acc[i][0]) == 0)
			set = acc[i][1];
	char buf[96];
	if (!set || n + 2 > sizeof buf)
		return false;
	for (size_t i = 0; i < n; i++) {
		for (const char *p = set; *p; p += 3) { /* a plain vowel, then its 2-byte accented form */
			if (w[i] != p[0])
				continue;
			memcpy(buf, w, i);
			memcpy(buf + i, p + 1, 2);
			memcpy(buf + i + 2, w + i + 1, n - i - 1);
			if (tql_spell(st->ctx->chk, st->ctx->lang, buf, n + 1) == 1)
				return true;
		}
	}
	return false;
}

/* Bit i set for every other language i whose dictionary knows w. */
static unsigned others_knowing(state *st, const char *w, size_t n)
{
	unsigned m = 0;
	for (int i = 0; i < NLANG; i++)
		if (st->other[i] && tql_spell(st->ctx->chk, st->other[i], w, n) == 1)
			m |= 1u << i;
	return m;
}

/* Characters joined to a word that make it part of a compound, an
 * elision, an address or code rather than a word of its own. */
static bool joining_char(char c)
{
	return c == '-' || c == '\'' || c == '/' || c == '@' || c == '_' || c == '.' || c == '=' ||
	       c == '#' || c == '&' || c == ';';
}

/* Is word token tk joined to the text before or after it by such a
 * character, or by a typographic apostrophe (’)? */
static bool joined(const tql_doc *doc, const tql_token *tk)
{
	const char *s = doc->text;
	size_t a = tk->off, b = tk->off + tk->len;
	if (memchr(s + a, '.', tk->len) || memchr(s + a, '\'', tk->len))
		return true; /* (the token holds the dot or the apostrophe) */
	for (size_t i = a; i + 3 <= b; i++)
		if (memcmp(s + i, "\xE2\x80\x99", 3) == 0)
			return true;
	if (b + 1 < doc->len && s[b] == ':' && s[b + 1] == '/')
		return true; /* https:// */
	if (a > 0 && joining_char(s[a - 1]))
		return true;
	if (a >= 3 && memcmp(s + a - 3, "\xE2\x80\x99", 3) == 0)
		return true;
	if (b < doc->len && joining_char(s[b]) && s[b] != '.')
		return true;
	/* a period followed by a letter: a domain or file name */
	if (b + 1 < doc->len && s[b] == '.' && ((s[b + 1] | 0x20) >= 'a' && (s[b + 1] | 0x20) <= 'z'))
		return true;
	return b + 3 <= doc->len && memcmp(s + b, "\xE2\x80\x99", 3) == 0;
}

/* Is token t a word no dictionary of the five knows, in any case? */
static bool unknown_to_all(state *st, size_t t)
{
	const tql_doc *doc = st->ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN ||
	    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT | TQL_TF_UPPER_INITIAL)))
		return false;
	if (own_knows(st, w, tk->len))
		return false;
	return others_knowing(st, w, tk->len) == 0;
}

/* Is the word token t one space from a word no dictionary knows (a phrase
 * of a language none of the five is)? */
static bool beside_unknown(state *st, size_t t)
{
	const tql_doc *doc = st->ctx->doc;
	if (t >= 2 && doc->tok[t - 1].kind == TQL_TOK_SPACE && doc->tok[t - 1].len == 1 &&
	    unknown_to_all(st, t - 2))
		return true;
	return t + 2 < doc->ntok && doc->tok[t + 1].kind == TQL_TOK_SPACE &&
	       doc->tok[t + 1].len == 1 && unknown_to_all(st, t + 2);
}

/* Is token t part of an established foreign word or phrase of the
 * document's language (loans/<lang>.txt): a window of up to MAX_PHRASE
 * words, one space apart, around it? */
static bool in_loan(state *st, size_t t)
{
	const tql_doc *doc = st->ctx->doc;
	if (!st->loans || !st->loans->n)
		return false;
	size_t first = t; /* the window's first word: k words before t */
	for (size_t k = 0; k < MAX_PHRASE; k++) {
		if (k > 0) {
			if (first < 2 || doc->tok[first - 1].kind != TQL_TOK_SPACE ||
			    doc->tok[first - 1].len != 1 || doc->tok[first - 2].kind != TQL_TOK_WORD)
				break;
			first -= 2;
		}
		for (size_t last = t; last < doc->ntok;) {
			size_t off = doc->tok[first].off, len = doc->tok[last].off + doc->tok[last].len - off;
			st->key.n = 0;
			if (!tql_buf_printf(&st->key, "%s:", doc->lang) ||
			    !tql_fold(doc->text + off, len, &st->key))
				return false;
			if (tql_strmap_get(st->loans, st->key.p, st->key.n, NULL))
				return true;
			if ((last - first) / 2 + 1 >= MAX_PHRASE || last + 2 >= doc->ntok ||
			    doc->tok[last + 1].kind != TQL_TOK_SPACE || doc->tok[last + 1].len != 1 ||
			    doc->tok[last + 2].kind != TQL_TOK_WORD)
				break;
			last += 2;
		}
	}
	return false;
}

/* The languages (bit mask over langs) that claim token t, or 0 when it is
 * no foreign word by the rules above. Called with t non-decreasing (the
 * quotation scan). */
static unsigned judge(state *st, size_t t)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN ||
	    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT | TQL_TF_INNER_UPPER)) ||
	    tql_u8_count(w, tk->len) < MIN_LETTERS || joined(doc, tk))
		return 0;
	if (tk->flags & (TQL_TF_UPPER_INITIAL | TQL_TF_SENT_START))
		return 0; /* a name, or a sentence's first word (most often a name;
		           * in lower case, a command: "squid selbst führt...") */
	if (own_knows(st, w, tk->len))
		return 0;
	unsigned m = others_knowing(st, w, tk->len);
	if (!m)
		return 0;
	if ((m & (m - 1)) || accent_dropped(st, w, tk->len))
		return 0; /* (an international word; a misspelling) */
	if (tql_nt_quoted_at(doc, &st->qs, tk->off) || tql_nt_covered(doc, tk) ||
	    beside_unknown(st, t) || in_loan(st, t))
		return 0;
	return m;
}

/* Appends the English name of language code lang ("French"; the code if
 * ICU has none). */
static bool add_lang_name(const char *lang, tql_buf *out)
{
	UChar u[64];
	char name[128];
	int32_t nl = 0;
	UErrorCode err = U_ZERO_ERROR;
	int32_t ul = uloc_getDisplayLanguage(lang, "en", u, 64, &err);
	if (U_SUCCESS(err) && err != U_USING_DEFAULT_WARNING)
		u_strToUTF8(name, sizeof name, &nl, u, ul, &err);
	if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || nl <= 0 || (size_t)nl >= sizeof name)
		return tql_buf_adds(out, lang);
	return tql_buf_add(out, name, (size_t)nl);
}

/* Is the mask's only language English? */
static bool english_only(unsigned m)
{
	return m == 1u; /* (langs[0]) */
}

/* Is a claim m reported, given whether the document's words only English
 * claims are few enough (english_ok)? */
static bool reported(unsigned m, bool english_ok)
{
	return m && (english_ok || !english_only(m));
}

/* Emits one finding for tokens [t, end], claimed by mask m (one
 * language: judge drops words two languages claim). */
static bool emit(tql_ctx *ctx, size_t t, size_t end, unsigned m, tql_buf *msg)
{
	const tql_doc *doc = ctx->doc;
	size_t off = doc->tok[t].off, len = doc->tok[end].off + doc->tok[end].len - off;
	int i = 0;
	while (i + 1 < NLANG && !((m >> i) & 1))
		i++;
	msg->n = 0;
	if (!add_lang_name(langs[i], msg) || !tql_buf_adds(msg, " word that ") ||
	    !add_lang_name(doc->lang, msg) || !tql_buf_addc(msg, '\0'))
		return false;
	/* (the article: "an English word", "an Italian word", "a French word") */
	bool vowel = strchr("AEIOU", msg->p[0]) != NULL;
	return tql_emit(ctx, "language.foreign-word", off, len, NULL, false,
	                "'%.*s' is a%s %s does not have: left untranslated?", (int)len,
	                doc->text + off, vowel ? "n" : "", msg->p);
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const tql_doc *doc = ctx->doc;
	if (tql_spell_script(doc->lang) != USCRIPT_LATIN || !doc->ntok)
		return TQL_OK;
	state st = {ctx, NULL, {NULL}, shared, {0, 0, 0, false, false}, {0}};
	bool own_listed = false;
	for (int i = 0; i < NLANG; i++) {
		if (strcmp(langs[i], doc->lang) == 0)
			own_listed = true;
		else
			st.other[i] = tql_lang_get(ctx->chk, langs[i], "");
	}
	if (!own_listed)
		return TQL_OK;
	if (strcmp(doc->lang, "en") == 0 && !doc->region[0])
		st.own2 = tql_lang_get(ctx->chk, "en", "GB");
	/* pass 1: each token's claim (owned here), and the distinct words only
	 * English claims */
	unsigned char *claim = calloc(doc->ntok, 1);
	tql_strmap en_words = {0};
	tql_status rc = claim ? TQL_OK : TQL_ENOMEM;
	for (size_t t = 0; t < doc->ntok && rc == TQL_OK; t++) {
		claim[t] = (unsigned char)judge(&st, t);
		const tql_token *tk = &doc->tok[t];
		if (english_only(claim[t]) &&
		    !tql_strmap_put(&en_words, doc->text + tk->off, tk->len, 1))
			rc = TQL_ENOMEM;
	}
	bool english_ok = en_words.n <= MAX_EN;
	/* pass 2: runs of claimed words, one space apart */
	tql_buf msg = {0};
	for (size_t t = 0; t < doc->ntok && rc == TQL_OK; t++) {
		if (!reported(claim[t], english_ok))
			continue;
		size_t end = t;
		while (end + 2 < doc->ntok && doc->tok[end + 1].kind == TQL_TOK_SPACE &&
		       doc->tok[end + 1].len == 1 && reported(claim[end + 2], english_ok))
			end += 2;
		if (!emit(ctx, t, end, claim[t], &msg))
			rc = TQL_ENOMEM;
		t = end;
	}
	free(claim);
	tql_strmap_free(&en_words);
	tql_buf_free(&msg);
	tql_buf_free(&st.key);
	return rc;
}

static tql_status load(tql_engine *eng, void **out)
{
	tql_strmap *m = calloc(1, sizeof *m); /* owned by the engine, freed in unload */
	if (!m)
		return TQL_ENOMEM;
	*out = m;
	return tql_load_loans(eng, m);
}

static void unload(void *shared)
{
	tql_strmap_free(shared);
	free(shared);
}

const tql_check_def tql_check_leftover_words = {
	"leftover_words", rules, sizeof rules / sizeof *rules, load, unload, run,
};
