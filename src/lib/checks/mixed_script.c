/*
 * mixed_script.c - encoding.mixed-script: one word written in two scripts,
 * usually a homoglyph: a Cyrillic "е" inside the Latin word "Ukrеnergo",
 * a Latin "o" inside the Cyrillic word "переговoров".
 *
 * Fast path per word token: ASCII tokens are skipped; the scripts of the
 * letters are collected with uscript_getScript; only a token with letters
 * from two scripts goes to ICU's spoof checker (configured once per engine,
 * restriction level "highly restrictive", which accepts the legitimate
 * combinations such as Latin + Han + Kana). The repair replaces each letter
 * of the minority script by its look-alike in the word's main script; the
 * look-alike pairs are derived at load time from ICU's confusables data
 * (uspoof_getSkeleton), not typed in.
 */
#include "../internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

static const tql_rule_info rules[] = {
	{"encoding.mixed-script", "encoding", TQL_SEV_ERROR,
	 "a word mixing letters of two scripts (a Cyrillic or Greek look-alike inside a Latin "
	 "word, or the reverse)"},
};

/* Look-alike tables: for a letter of one script, its twin in another. */
#define TWIN_LO 0x0000
#define TWIN_N 0x0500

typedef struct mixed_shared {
	USpoofChecker *sc;
	int32_t to_latin[TWIN_N];    /* Cyrillic/Greek letter -> Latin twin, 0 none */
	int32_t to_cyrillic[128];    /* ASCII letter -> Cyrillic twin, 0 none */
	int32_t to_greek[128];       /* ASCII letter -> Greek twin, 0 none */
} mixed_shared;

/* Skeleton of one code point as UTF-16 (ICU confusables); length or 0. */
static int32_t skeleton(const USpoofChecker *sc, int32_t c, UChar *out, int32_t cap)
{
	UChar in[2];
	int32_t n = 0;
	UBool bad = false;
	U16_APPEND(in, n, 2, c, bad);
	if (bad)
		return 0;
	UErrorCode err = U_ZERO_ERROR;
	int32_t k = uspoof_getSkeleton(sc, 0, in, n, out, cap, &err);
	return U_SUCCESS(err) ? k : 0;
}

/* Builds the twin tables: a Cyrillic or Greek letter whose skeleton equals
 * the skeleton of an ASCII letter of the same case is its twin. */
static void build_twins(mixed_shared *m)
{
	UChar ls[128][4];
	int32_t ln[128] = {0};
	for (int a = 'A'; a <= 'z'; a++)
		if (u_isalpha(a))
			ln[a] = skeleton(m->sc, a, ls[a], 4);
	for (int32_t c = 0x370; c < TWIN_N; c++) {
		UErrorCode err = U_ZERO_ERROR;
		UScriptCode s = uscript_getScript(c, &err);
		if ((s != USCRIPT_CYRILLIC && s != USCRIPT_GREEK) || !u_isalpha(c))
			continue;
		UChar sk[4];
		int32_t k = skeleton(m->sc, c, sk, 4);
		if (k != 1)
			continue;
		for (int a = 'A'; a <= 'z'; a++) {
			if (ln[a] != 1 || ls[a][0] != sk[0] || (u_isupper(a) != 0) != (u_isupper(c) != 0))
				continue;
			/* the letter itself maps to its own skeleton first */
			if (!m->to_latin[c] || sk[0] == a)
				m->to_latin[c] = a;
			int32_t *back = s == USCRIPT_CYRILLIC ? &m->to_cyrillic[a] : &m->to_greek[a];
			/* prefer the basic alphabet (А..я, Α..ω) */
			bool basic = (c >= 0x410 && c <= 0x44F) || (c >= 0x391 && c <= 0x3C9);
			if (!*back || basic)
				*back = c;
		}
	}
}

static tql_status load(tql_engine *eng, void **out)
{
	mixed_shared *m = calloc(1, sizeof *m);
	if (!m)
		return TQL_ENOMEM;
	*out = m;
	UErrorCode err = U_ZERO_ERROR;
	m->sc = uspoof_open(&err);
	if (U_SUCCESS(err)) {
		uspoof_setChecks(m->sc, USPOOF_RESTRICTION_LEVEL, &err);
		uspoof_setRestrictionLevel(m->sc, USPOOF_HIGHLY_RESTRICTIVE);
	}
	if (U_FAILURE(err))
		return tql_engine_fail(eng, TQL_EDEP, "ICU spoof checker unavailable: %s",
		                       u_errorName(err));
	build_twins(m);
	return TQL_OK;
}

static void unload(void *shared)
{
	mixed_shared *m = shared;
	uspoof_close(m->sc);
	free(m);
}

/* ---- per word ----------------------------------------------------------- */

static const char *script_name(int s)
{
	return s == USCRIPT_LATIN ? "Latin" : s == USCRIPT_CYRILLIC ? "Cyrillic"
	       : s == USCRIPT_GREEK ? "Greek" : uscript_getName((UScriptCode)s);
}

/* Twin of c in script `to`, or 0. */
static int32_t twin(const mixed_shared *m, int32_t c, int to)
{
	if (to == USCRIPT_LATIN)
		return c >= TWIN_LO && c < TWIN_N ? m->to_latin[c] : 0;
	if (c >= 128)
		return 0;
	return to == USCRIPT_CYRILLIC ? m->to_cyrillic[c] : to == USCRIPT_GREEK ? m->to_greek[c] : 0;
}

#define MAXW 128

/*
 * Writes w with every letter of the minority scripts replaced by its twin
 * in script `main` into out. `alt` picks the alternative twin for a Latin
 * "i" in Cyrillic (і or ї). Returns false when a letter has no twin.
 */
static bool replace_twins(const mixed_shared *m, const int32_t *cp, const int *sc, size_t n,
                          int main_sc, int alt, tql_buf *out)
{
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t c = cp[i];
		if (sc[i] != main_sc && sc[i] != USCRIPT_COMMON && sc[i] != USCRIPT_INHERITED) {
			int32_t t = twin(m, c, main_sc);
			if (alt && main_sc == USCRIPT_CYRILLIC && c == 'i')
				t = 0x457; /* ї: Ukrainian letter typed as i */
			if (!t)
				return false;
			c = t;
		}
		char u8[4];
		size_t l = 0;
		U8_APPEND_UNSAFE(u8, l, c);
		if (!tql_buf_add(out, u8, l))
			return false;
	}
	return tql_buf_add(out, "", 0);
}

/* The script of a language's dictionary words. */
static int lang_script(const char *lang)
{
	static const char *const cyr[] = {"ru", "uk", "be", "bg", "mk", "sr", "kk", "ky", "mn"};
	for (size_t i = 0; i < sizeof cyr / sizeof *cyr; i++)
		if (strcmp(lang, cyr[i]) == 0)
			return USCRIPT_CYRILLIC;
	return strcmp(lang, "el") == 0 ? USCRIPT_GREEK : USCRIPT_LATIN;
}

/* Checks one word token; emits a finding when it mixes scripts. */
static tql_status check_word(tql_ctx *ctx, const mixed_shared *m, const tql_token *tk,
                             tql_buf *fix)
{
	const char *w = ctx->doc->text + tk->off;
	int32_t cp[MAXW];
	int sc[MAXW];
	size_t n = 0, i = 0;
	int first = -1, second = -1;
	size_t cnt_first = 0, cnt_second = 0;
	while (i < tk->len) {
		if (n == MAXW)
			return TQL_OK;
		int32_t c = tql_u8_next(w, tk->len, &i);
		UErrorCode err = U_ZERO_ERROR;
		int s = c >= 0 ? uscript_getScript(c, &err) : USCRIPT_COMMON;
		cp[n] = c;
		sc[n++] = s;
		if (s == USCRIPT_COMMON || s == USCRIPT_INHERITED || !u_isalpha(c))
			continue;
		if (first < 0 || s == first) {
			first = s;
			cnt_first++;
		} else if (second < 0 || s == second) {
			second = s;
			cnt_second++;
		} else {
			return TQL_OK; /* three scripts: not a homoglyph slip */
		}
	}
	if (second < 0)
		return TQL_OK;
	/* the expensive, authoritative check only for flagged tokens */
	UErrorCode err = U_ZERO_ERROR;
	int32_t r = uspoof_check2UTF8(m->sc, w, (int32_t)tk->len, NULL, &err);
	if (U_FAILURE(err) || !(r & USPOOF_RESTRICTION_LEVEL))
		return TQL_OK;
	int main_sc = cnt_first >= cnt_second ? first : second;
	int minor = main_sc == first ? second : first;
	size_t nminor = main_sc == first ? cnt_second : cnt_first;
	/* the odd letter, for the message */
	int32_t odd = 0;
	for (size_t k = 0; k < n && !odd; k++)
		if (sc[k] == minor)
			odd = cp[k];
	char odd8[8];
	size_t ol = 0;
	U8_APPEND_UNSAFE(odd8, ol, odd);
	odd8[ol] = '\0';
	/* a repair when every odd letter has a twin, and the result is a word
	 * the dictionary knows (or a capitalised Latin name, which it may not) */
	const char *sugg = NULL;
	for (int alt = 0; alt < 2 && !sugg; alt++) {
		if (!replace_twins(m, cp, sc, n, main_sc, alt, fix))
			break;
		int ok = main_sc == lang_script(ctx->doc->lang)
		             ? tql_spell(ctx->chk, ctx->lang, fix->p, fix->n)
		             : -1;
		bool name = main_sc == USCRIPT_LATIN && (tk->flags & TQL_TF_UPPER_INITIAL);
		if (ok == 1 || (ok == -1 && alt == 0) || (name && alt == 0))
			sugg = fix->p;
	}
	bool e = tql_emit(ctx, "encoding.mixed-script", tk->off, tk->len, sugg, sugg != NULL,
	                  "%s '%s' (U+%04X)%s inside the %s word '%.*s': a look-alike letter from "
	                  "another script breaks search and spelling",
	                  script_name(minor), odd8, (unsigned)odd, nminor > 1 ? " and others" : "",
	                  script_name(main_sc), (int)tk->len, w);
	return e ? TQL_OK : TQL_ENOMEM;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const mixed_shared *m = shared;
	tql_doc *doc = ctx->doc;
	tql_buf fix = {0};
	tql_status st = TQL_OK;
	for (size_t t = 0; t < doc->ntok && st == TQL_OK; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || (tk->flags & TQL_TF_ASCII))
			continue;
		/* parts between inner '.', apostrophes and the like ("файла.list"
		 * is a file name after a word, not a mixed word) */
		const char *w = doc->text + tk->off;
		size_t i = 0, a = 0;
		while (i <= tk->len && st == TQL_OK) {
			size_t k = i;
			int32_t c = i < tk->len ? tql_u8_next(w, tk->len, &k) : '.';
			bool sep = c < 0 || !(u_isalpha(c) || u_getCombiningClass(c) ||
			                      u_charType(c) == U_NON_SPACING_MARK);
			if (sep) {
				if (i > a) {
					tql_token part = *tk;
					part.off = tk->off + (uint32_t)a;
					part.len = (uint32_t)(i - a);
					if (a > 0)
						part.flags &= (uint8_t)~TQL_TF_UPPER_INITIAL;
					st = check_word(ctx, m, &part, &fix);
				}
				a = k;
			}
			if (i == tk->len)
				break;
			i = k;
		}
	}
	tql_buf_free(&fix);
	return st;
}

const tql_check_def tql_check_mixed_script = {
	"mixed-script", rules, sizeof rules / sizeof *rules, load, unload, run,
};
