/*
 * mojibake.c - encoding.mojibake: text that went through a wrong decoding.
 *
 *   UTF-8 read as Windows-1252 / Latin-1   "NausÄ—da", "PÃ©rou", "â‚¬"
 *   UTF-8 read as Windows-1251             "Р—РµР»РµРЅСЃРєРёРј"
 *   Windows-1251 read as KOI8-R            "аХЬЙЕЙЕ" (Бишкеке)
 *
 * The idea is ftfy's "badness": mojibake leaves characters next to each
 * other that real text never puts together (an accented capital followed by
 * a symbol from the C1/Windows range, a Cyrillic capital followed by a
 * Serbian letter or a typographic sign). A run of such characters is only
 * reported when re-encoding it with the wrong charset (tables taken from
 * ICU ucnv) gives valid UTF-8 (or a KOI8-R/CP1251 swap gives a word of
 * normal case shape) made of plausible characters: the repair round-trips,
 * so it is offered as a fix. Real accented text does not round-trip (the
 * bytes of "é" or "Ж" alone are not UTF-8 lead + continuation pairs).
 *
 * The scan runs on the reader output (before the normalizer removes soft
 * hyphens and C1 controls, which are pieces of mojibake) with an ASCII fast
 * path: only runs of non-ASCII characters are looked at.
 */
#include "../internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

static const tql_rule_info rules[] = {
	{"encoding.mojibake", "encoding", TQL_SEV_ERROR,
	 "mojibake: UTF-8 text decoded with a wrong 8-bit charset (Windows-1252, Latin-1, "
	 "Windows-1251, KOI8-R)"},
};

/* ---- charset tables ----------------------------------------------------- */

/* Reverse lookup ranges: code points U+0000..04FF and U+2000..25FF. */
#define LO_N 0x500
#define HI_BASE 0x2000
#define HI_N 0x600

/* One 8-bit charset: byte -> code point, and code point -> byte. */
typedef struct charset {
	int32_t to_uni[256];
	int16_t lo[LO_N], hi[HI_N]; /* -1: not encodable */
} charset;

enum { CS_1252, CS_1251, CS_KOI8, CS_N };

typedef struct moji_shared {
	charset cs[CS_N];
} moji_shared;

/* Fills a charset from ICU's converter `name`; for Windows-1252 the bytes
 * that charset leaves undefined map to C1 controls (as Latin-1 does), the
 * "sloppy" variant that real mojibake shows. */
static tql_status build_charset(const char *name, charset *cs, bool sloppy)
{
	for (size_t i = 0; i < LO_N; i++)
		cs->lo[i] = -1;
	for (size_t i = 0; i < HI_N; i++)
		cs->hi[i] = -1;
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cv = ucnv_open(name, &err);
	if (U_FAILURE(err))
		return TQL_EDEP;
	for (int b = 0; b < 256; b++) {
		char in[1] = {(char)b};
		UChar out[4];
		err = U_ZERO_ERROR;
		ucnv_reset(cv);
		ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
		int32_t n = ucnv_toUChars(cv, out, 4, in, 1, &err);
		int32_t c = (U_SUCCESS(err) && n == 1) ? out[0] : -1;
		if (c < 0 && sloppy && b >= 0x80 && b < 0xA0)
			c = b;
		cs->to_uni[b] = c;
		if (c >= 0 && c < LO_N)
			cs->lo[c] = (int16_t)b;
		else if (c >= HI_BASE && c < HI_BASE + HI_N)
			cs->hi[c - HI_BASE] = (int16_t)b;
	}
	if (sloppy)
		for (int b = 0x80; b < 0x100; b++)
			if (cs->lo[b] < 0) /* Latin-1 reading of the byte */
				cs->lo[b] = (int16_t)b;
	ucnv_close(cv);
	return TQL_OK;
}

/* Byte of code point c in cs, or -1. */
static int cs_byte(const charset *cs, int32_t c)
{
	if (c >= 0 && c < LO_N)
		return cs->lo[c];
	if (c >= HI_BASE && c < HI_BASE + HI_N)
		return cs->hi[c - HI_BASE];
	return -1;
}

static tql_status load(tql_engine *eng, void **out)
{
	moji_shared *m = calloc(1, sizeof *m);
	if (!m)
		return TQL_ENOMEM;
	*out = m;
	if (build_charset("windows-1252", &m->cs[CS_1252], true) != TQL_OK ||
	    build_charset("windows-1251", &m->cs[CS_1251], false) != TQL_OK ||
	    build_charset("KOI8-R", &m->cs[CS_KOI8], false) != TQL_OK)
		return tql_engine_fail(eng, TQL_EDEP, "ICU converters windows-1252/1251/KOI8-R missing");
	return TQL_OK;
}

static void unload(void *shared)
{
	free(shared);
}

/* ---- UTF-8 read as an 8-bit charset --------------------------------------- */

/* Is c a character that a repaired sequence may produce? Letters of the
 * Latin, Greek and Cyrillic alphabets, Latin-1 signs, typographic
 * punctuation, the euro and trademark signs. Anything else (NKo, Hebrew
 * points, CJK from a stray pair) is taken as a coincidence. */
static bool plausible(int32_t c)
{
	if (c >= 0xA0 && c <= 0x24F)
		return c != 0xAD;
	if (c >= 0x386 && c <= 0x3CE)
		return true; /* Greek */
	if ((c >= 0x400 && c <= 0x45F) || c == 0x490 || c == 0x491)
		return true; /* modern Cyrillic */
	if (c >= 0x2010 && c <= 0x203A)
		return true; /* dashes, quotes, bullet, ellipsis */
	return c == 0x20AC || c == 0x2122 || c == 0x2116;
}

#define MAXRUN 256

/*
 * Repairs the code points cp[0..n) read with charset cs, appending the fixed
 * text to out. Every letter must be consumed by a valid UTF-8 sequence of
 * plausible characters; signs and punctuation that are not part of one stay
 * as they are. Returns the number of repaired sequences (0: not mojibake).
 */
static int repair_run(const charset *cs, const int32_t *cp, size_t n, tql_buf *out)
{
	int seqs = 0;
	size_t p = 0;
	while (p < n) {
		int b0 = cs_byte(cs, cp[p]);
		size_t need = b0 >= 0xC2 && b0 <= 0xDF   ? 2
		              : b0 >= 0xE0 && b0 <= 0xEF ? 3
		              : b0 >= 0xF0 && b0 <= 0xF4 ? 4
		                                         : 0;
		if (need && p + need <= n) {
			char bytes[4];
			bytes[0] = (char)b0;
			size_t k = 1;
			for (; k < need; k++) {
				int b = cs_byte(cs, cp[p + k]);
				if (b < 0x80 || b > 0xBF)
					break;
				bytes[k] = (char)b;
			}
			size_t i = 0;
			int32_t c = k == need ? tql_u8_next(bytes, need, &i) : -1;
			if (c >= 0 && i == need && plausible(c)) {
				if (!tql_buf_add(out, bytes, need))
					return -1;
				seqs++;
				p += need;
				continue;
			}
		}
		/* not part of a sequence: letters make the run real text */
		if (u_isalpha(cp[p]))
			return 0;
		char u8[4];
		size_t l = 0;
		U8_APPEND_UNSAFE(u8, l, cp[p]);
		if (!tql_buf_add(out, u8, l))
			return -1;
		p++;
	}
	return seqs;
}

/* ---- emitting ----------------------------------------------------------- */

/* Emits a finding on raw bytes [r0, r1) with one suggestion. */
static bool emit_raw(tql_ctx *ctx, size_t r0, size_t r1, const char *fix, const char *how)
{
	tql_doc *doc = ctx->doc;
	int idx = tql_rule_find(ctx->eng, "encoding.mojibake");
	if (idx < 0 || !tql_doc_rule_on(doc, ctx->eng, (size_t)idx))
		return true;
	size_t s0 = tql_map_start(&doc->raw_map, r0), s1 = tql_map_end(&doc->raw_map, r1);
	return tql_emit_src(doc, idx, s0, s1 - s0, fix, true,
	                    "mojibake: %s; the text should read '%s'", how, fix);
}

/* Is the code point at raw offset i part of a word for the span: a letter,
 * a digit, or any non-ASCII character that is not white space (mojibake
 * turns letters into signs such as '‚' or '—'). Sets *end past it. */
static bool wordish_at(const char *s, size_t n, size_t i, size_t *end)
{
	if (i >= n)
		return false;
	size_t k = i;
	int32_t c = tql_u8_next(s, n, &k);
	*end = k;
	if (c < 0)
		return false;
	return c < 0x80 ? u_isalnum(c) : !u_isUWhiteSpace(c);
}

static bool wordish_before(const char *s, size_t i, size_t *start)
{
	if (i == 0)
		return false;
	size_t k = i, e;
	int32_t c = tql_u8_prev(s, &k);
	*start = k;
	return c >= 0 && wordish_at(s, i, k, &e);
}

/* The word around raw offset [a, b): letters, digits and non-space signs. */
static void word_bounds(const char *s, size_t n, size_t a, size_t b, size_t *wa, size_t *wb)
{
	size_t k;
	while (wordish_before(s, a, &k))
		a = k;
	while (wordish_at(s, n, b, &k))
		b = k;
	*wa = a;
	*wb = b;
}

/* ---- KOI8-R / Windows-1251 swaps ---------------------------------------- */

/* Case shape of a Cyrillic word: 1 normal (lower, Capitalised, UPPER),
 * 2 inverted (lower first, then all upper: the KOI8/1251 swap), 0 other. */
static int case_shape(const int32_t *cp, size_t n)
{
	size_t up = 0, lo = 0;
	for (size_t i = 0; i < n; i++) {
		if (u_isupper(cp[i]))
			up++;
		else if (u_islower(cp[i]))
			lo++;
		else
			return 0;
	}
	if (lo == n || up == n || (u_isupper(cp[0]) && lo == n - 1))
		return 1;
	if (u_islower(cp[0]) && up == n - 1 && n >= 3)
		return 2;
	return 0;
}

/*
 * A Cyrillic word of inverted case shape ("аХЬЙЕЙЕ") that, re-encoded with
 * one of KOI8-R / Windows-1251 and decoded with the other, becomes a word
 * of normal shape. Writes the repair to out; returns the charset pair name.
 */
static const char *koi_swap(const moji_shared *m, const int32_t *cp, size_t n, tql_buf *out)
{
	if (n < 3 || n > MAXRUN || case_shape(cp, n) != 2)
		return NULL;
	static const int pairs[2][2] = {{CS_KOI8, CS_1251}, {CS_1251, CS_KOI8}};
	static const char *const names[2] = {"Windows-1251 text read as KOI8-R",
	                                     "KOI8-R text read as Windows-1251"};
	for (int p = 0; p < 2; p++) {
		const charset *enc = &m->cs[pairs[p][0]], *dec = &m->cs[pairs[p][1]];
		int32_t fixed[MAXRUN];
		size_t i = 0;
		for (; i < n; i++) {
			int b = cs_byte(enc, cp[i]);
			int32_t c = b >= 0 ? dec->to_uni[b] : -1;
			UErrorCode err = U_ZERO_ERROR;
			if (c < 0 || uscript_getScript(c, &err) != USCRIPT_CYRILLIC)
				break;
			fixed[i] = c;
		}
		if (i < n || case_shape(fixed, n) != 1)
			continue;
		out->n = 0;
		for (i = 0; i < n; i++) {
			char u8[4];
			size_t l = 0;
			U8_APPEND_UNSAFE(u8, l, fixed[i]);
			if (!tql_buf_add(out, u8, l))
				return NULL;
		}
		return names[p];
	}
	return NULL;
}

/* Checks the Cyrillic word tokens of the analysed text for KOI8/1251 swaps. */
static tql_status scan_koi(tql_ctx *ctx, const moji_shared *m, tql_buf *fix)
{
	tql_doc *doc = ctx->doc;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_CYRILLIC ||
		    !(tk->flags & TQL_TF_INNER_UPPER) || (tk->flags & TQL_TF_UPPER_INITIAL))
			continue;
		int32_t cp[MAXRUN];
		size_t n = 0, i = 0;
		const char *w = doc->text + tk->off;
		while (i < tk->len && n < MAXRUN)
			cp[n++] = tql_u8_next(w, tk->len, &i);
		if (i < tk->len)
			continue;
		const char *how = koi_swap(m, cp, n, fix);
		if (how && !tql_emit(ctx, "encoding.mojibake", tk->off, tk->len, fix->p, true,
		                     "mojibake: %s; the word should read '%s'", how, fix->p))
			return TQL_ENOMEM;
	}
	return TQL_OK;
}

/* ---- the scan ----------------------------------------------------------- */

/* "10Â percent": a no-break space (C2 A0) read as Windows-1252 whose A0
 * was later turned into a plain space leaves a lone Â after a digit or a
 * lower-case letter. Returns true when raw[i] starts such an Â. */
static bool lone_a_circumflex(const char *s, size_t n, size_t i)
{
	if (i + 2 >= n || memcmp(s + i, "\xC3\x82", 2) != 0 || s[i + 2] != ' ' || i == 0)
		return false;
	size_t k = i;
	int32_t c = tql_u8_prev(s, &k);
	return c >= 0 && (u_isdigit(c) || u_islower(c));
}

/*
 * Repairs every non-ASCII run of the word raw[*wa, *wb) with charset cs into
 * out (runs that are real text stay as they are), then trims leading and
 * trailing characters that the repair left unchanged and that are not
 * letters or digits (quotes around the word). Returns 1 when something was
 * repaired, 0 if not, -1 on out-of-memory.
 */
static int repair_word(const charset *cs, const char *s, size_t *wa, size_t *wb, tql_buf *out)
{
	size_t a = *wa, b = *wb, i = a;
	int32_t cp[MAXRUN];
	int total = 0;
	out->n = 0;
	while (i < b) {
		if ((unsigned char)s[i] < 0x80) {
			if (!tql_buf_addc(out, s[i]))
				return -1;
			i++;
			continue;
		}
		size_t r0 = i, nc = 0;
		while (i < b && (unsigned char)s[i] >= 0x80 && nc < MAXRUN)
			cp[nc++] = tql_u8_next(s, b, &i);
		size_t mark = out->n;
		int k = repair_run(cs, cp, nc, out);
		if (k < 0)
			return -1;
		if (k == 0) {
			out->n = mark;
			if (!tql_buf_add(out, s + r0, i - r0))
				return -1;
		}
		total += k;
	}
	if (!total || !tql_buf_add(out, "", 0))
		return total ? -1 : 0;
	/* trim identical non-alphanumeric code points at both ends */
	size_t fa = 0, fb = out->n;
	for (;;) {
		size_t k1 = a, k2 = fa;
		if (k1 >= b || k2 >= fb)
			break;
		int32_t c1 = tql_u8_next(s, b, &k1), c2 = tql_u8_next(out->p, fb, &k2);
		if (c1 != c2 || c1 < 0 || u_isalnum(c1))
			break;
		a = k1;
		fa = k2;
	}
	for (;;) {
		size_t k1 = b, k2 = fb;
		if (k1 <= a || k2 <= fa)
			break;
		int32_t c1 = tql_u8_prev(s, &k1), c2 = tql_u8_prev(out->p, &k2);
		if (c1 != c2 || c1 < 0 || u_isalnum(c1))
			break;
		b = k1;
		fb = k2;
	}
	memmove(out->p, out->p + fa, fb - fa);
	out->n = fb - fa;
	out->p[out->n] = '\0';
	*wa = a;
	*wb = b;
	return 1;
}

/* Is a quotation mark code point? */
static bool is_quote(int32_t c)
{
	return c == '"' || c == '\'' || c == 0xAB || c == 0xBB ||
	       (c >= 0x2018 && c <= 0x201F) || c == 0x2039 || c == 0x203A;
}

/* Is raw[a, b) quoted on its own ("„Ã©“")? Then it is a mention of
 * mojibake (text about encodings), not damage. */
static bool quoted_alone(const char *s, size_t n, size_t a, size_t b)
{
	size_t k = a;
	int32_t c;
	do /* French puts a no-break space inside guillemets */
		c = k ? tql_u8_prev(s, &k) : -1;
	while (c == ' ' || c == 0xA0 || c == 0x202F);
	if (!is_quote(c))
		return false;
	k = b;
	do
		c = k < n ? tql_u8_next(s, n, &k) : -1;
	while (c == ' ' || c == 0xA0 || c == 0x202F);
	return is_quote(c);
}

/* Repairs and reports every mojibake run of the raw text. */
static tql_status scan_utf8(tql_ctx *ctx, const moji_shared *m, tql_buf *fix, tql_buf *word)
{
	tql_doc *doc = ctx->doc;
	const char *s = doc->raw;
	size_t n = doc->raw_len, i = 0;
	int32_t cp[MAXRUN];
	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (lone_a_circumflex(s, n, i)) {
			if (!emit_raw(ctx, i, i + 2, "\xC2\xA0",
			              "a no-break space written in UTF-8 was read as Windows-1252 ('Â')"))
				return TQL_ENOMEM;
			i += 2;
			continue;
		}
		/* the maximal run of non-ASCII code points */
		size_t a = i, nc = 0;
		while (i < n && (unsigned char)s[i] >= 0x80) {
			int32_t c = tql_u8_next(s, n, &i);
			if (nc < MAXRUN)
				cp[nc] = c;
			nc++;
		}
		size_t b = i;
		if (nc < 2 || nc > MAXRUN)
			continue;
		static const struct {
			int cs;
			int min_seqs;
			const char *how;
		} hyp[] = {
			{CS_1252, 1, "UTF-8 text was read as Windows-1252"},
			{CS_1251, 2, "UTF-8 text was read as Windows-1251"},
		};
		for (size_t h = 0; h < sizeof hyp / sizeof *hyp; h++) {
			fix->n = 0;
			int seqs = repair_run(&m->cs[hyp[h].cs], cp, nc, fix);
			if (seqs < 0)
				return TQL_ENOMEM;
			if (seqs < hyp[h].min_seqs)
				continue;
			size_t wa, wb;
			word_bounds(s, n, a, b, &wa, &wb);
			int r = repair_word(&m->cs[hyp[h].cs], s, &wa, &wb, word);
			if (r < 0)
				return TQL_ENOMEM;
			if (r > 0 && !quoted_alone(s, n, wa, wb) &&
			    !emit_raw(ctx, wa, wb, word->p, hyp[h].how))
				return TQL_ENOMEM;
			if (wb > i)
				i = wb;
			break;
		}
	}
	return TQL_OK;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const moji_shared *m = shared;
	if (!m)
		return TQL_OK;
	tql_buf fix = {0}, word = {0};
	tql_status st = scan_utf8(ctx, m, &fix, &word);
	if (st == TQL_OK)
		st = scan_koi(ctx, m, &fix);
	tql_buf_free(&fix);
	tql_buf_free(&word);
	return st;
}

const tql_check_def tql_check_mojibake = {
	"mojibake", rules, sizeof rules / sizeof *rules, load, unload, run,
};
