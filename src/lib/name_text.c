/* name_text.c - text comparisons for name matching: sounds, consonant
 * skeletons, transliteration letters, accents, edit distance. Pure
 * functions on folded keys or document text; no table, no state. */
#define _GNU_SOURCE /* memmem */
#include "name_text.h"
#include "names.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

/* Does a word hold letters of another script than its own, or the lead
 * bytes of UTF-8 read as Windows-1252 (Ã, Â)? */
bool tql_nt_odd_letters(const char *w, size_t n, int script)
{
	for (size_t i = 0; i < n;) {
		UChar32 c;
		U8_NEXT(w, i, n, c);
		if (c == 0xC3 || c == 0xC2)
			return true;
		if (c < 0 || !u_isalpha(c))
			continue;
		UErrorCode e = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(c, &e);
		if (U_SUCCESS(e) && sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED && (int)sc != script)
			return true;
	}
	return false;
}

bool tql_nt_mojibake_tail(const char *w, size_t n, const char *end)
{
	/* Windows-1252's characters for the bytes 0x80-0x9F */
	static const UChar32 c1[] = {0x20AC, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017D, 0x2018,
	                             0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
	                             0x2122, 0x0161, 0x203A, 0x0153, 0x017E, 0x0178};
	int32_t i = (int32_t)n;
	UChar32 last, next;
	if (n == 0 || n > 1024)
		return false;
	U8_PREV(w, 0, i, last);
	if (last != 0xC2 && last != 0xC3 && last != 0xC4 && last != 0xC5 && last != 0xD0 &&
	    last != 0xD1 && last != 0xE2)
		return false;
	size_t j = 0, rest = (size_t)(end - (w + n));
	if (rest == 0)
		return false;
	U8_NEXT(w + n, j, rest, next);
	/* (not a no-break space or guillemet: "café\u00a0:", "«Peñ»") */
	if (next >= 0x80 && next <= 0xBF)
		return next != 0xA0 && next != 0xAB && next != 0xBB;
	for (size_t k = 0; k < sizeof c1 / sizeof *c1; k++)
		if (next == c1[k])
			return true;
	return false;
}

/* Do two folded Latin keys sound the same (tql_names_phonetic)? */
bool tql_nt_same_sound(const char *a, size_t na, const char *b, size_t nb)
{
	tql_buf p1 = {0}, p2 = {0};
	bool eq = tql_names_phonetic(a, na, &p1) && tql_names_phonetic(b, nb, &p2) && p1.n >= 4 &&
	          p1.n == p2.n && memcmp(p1.p, p2.p, p1.n) == 0;
	tql_buf_free(&p1);
	tql_buf_free(&p2);
	return eq;
}

/* Do two folded Latin keys have the same consonant sounds in the same
 * order (Vaidel / Weidel, Christie / Kristi)? */
bool tql_nt_same_skeleton(const char *a, size_t na, const char *b, size_t nb)
{
	tql_buf p1 = {0}, p2 = {0};
	bool eq = tql_names_phonetic(a, na, &p1) && tql_names_phonetic(b, nb, &p2) &&
	          tql_nt_skeleton_eq(p1.p, p1.n, p2.p, p2.n);
	tql_buf_free(&p1);
	tql_buf_free(&p2);
	return eq;
}

/* Do two phonetic keys have the same consonants (at least two) in order? */
bool tql_nt_skeleton_eq(const char *a, size_t na, const char *b, size_t nb)
{
	char sa[128], sb[128];
	size_t ka = 0, kb = 0;
	for (size_t i = 0; i < na && ka < sizeof sa; i++)
		if (!strchr("aeiou", a[i]))
			sa[ka++] = a[i];
	for (size_t i = 0; i < nb && kb < sizeof sb; i++)
		if (!strchr("aeiou", b[i]))
			sb[kb++] = b[i];
	return ka >= 2 && ka == kb && memcmp(sa, sb, ka) == 0;
}

/* Folds the letters that transliteration systems of Cyrillic write
 * differently (j/y/i, w/v, sch/sh, x/ks) to one; appends to out. */
bool tql_nt_translit_norm(const char *a, size_t n, tql_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (i + 2 < n && memcmp(a + i, "sch", 3) == 0) {
			i += 2;
			if (!tql_buf_adds(out, "sh"))
				return false;
			continue;
		}
		if (c == 'x') {
			if (!tql_buf_adds(out, "ks"))
				return false;
			continue;
		}
		c = c == 'j' || c == 'y' ? 'i' : c == 'w' ? 'v' : c;
		if (c == 'i' && out->n && out->p[out->n - 1] == 'i')
			continue;
		if (!tql_buf_addc(out, c))
			return false;
	}
	return true;
}

/* Levenshtein distance of two short byte strings (longer ones: SIZE_MAX). */
size_t tql_nt_lev(const char *a, size_t na, const char *b, size_t nb)
{
	size_t row[65];
	if (na > 64 || nb > 64)
		return SIZE_MAX;
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[nb];
}

/* Are the words of a contained, in order and contiguous, in b? */
bool tql_nt_words_within(const char *a, const char *b)
{
	return tql_nt_words_within_n(a, strlen(a), b);
}

bool tql_nt_words_within_n(const char *a, size_t la, const char *b)
{
	if (!la)
		return false;
	for (const char *p = b; *p; p++)
		if ((p == b || p[-1] == ' ') && strncmp(p, a, la) == 0 &&
		    (p[la] == '\0' || p[la] == ' '))
			return true;
	return false;
}

/* Does text t differ from the table form f only in accents, other than
 * on a capital in French (lower-cased letter by letter, same length)? */
bool tql_nt_accent_only_diff(const char *t, size_t tn, const char *f, size_t fn, bool fr)
{
	size_t i = 0, j = 0;
	bool differs = false;
	while (i < tn && j < fn) {
		UChar32 a, b;
		U8_NEXT(t, i, tn, a);
		U8_NEXT(f, j, fn, b);
		if (a < 0 || b < 0)
			return false;
		if (u_tolower(a) == u_tolower(b))
			continue;
		if (!u_isalpha(a) || !u_isalpha(b))
			return false; /* "Notre Dame" / "Notre-Dame": no accent */
		char ka[8], kb[8];
		int32_t la = 0, lb = 0;
		UBool e1 = 0, e2 = 0;
		U8_APPEND(ka, la, (int32_t)sizeof ka, a, e1);
		U8_APPEND(kb, lb, (int32_t)sizeof kb, b, e2);
		tql_buf x = {0}, y = {0};
		bool same = !e1 && !e2 && tql_fold(ka, (size_t)la, &x) && tql_fold(kb, (size_t)lb, &y) &&
		            x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
		tql_buf_free(&x);
		tql_buf_free(&y);
		if (!same || (fr && (u_isupper(a) || u_isupper(b))))
			return false;
		differs = true;
	}
	return differs && i == tn && j == fn;
}

/* Where does the document hold the exact text f as whole words? */
size_t tql_nt_find_word(const tql_doc *doc, const char *f, size_t fn)
{
	const char *p = doc->text, *end = doc->text + doc->len;
	while (fn && (p = memmem(p, (size_t)(end - p), f, fn)) != NULL) {
		size_t at = (size_t)(p - doc->text), k = at, e = at + fn;
		int32_t l = at ? tql_u8_prev(doc->text, &k) : -1;
		int32_t r = e < doc->len ? tql_u8_next(doc->text, doc->len, &e) : -1;
		if ((l < 0 || !u_isalpha(l)) && (r < 0 || !u_isalpha(r)))
			return at;
		p++;
	}
	return SIZE_MAX;
}

/*
 * Is the longer key a derivation of the shorter one (a word built on it:
 * Australian, Hakimi, O'Sullivan) rather than a misspelling? A doubled last
 * letter ("Macronn") is a typo, not a derivation.
 */
bool tql_nt_derivation(const char *lo, size_t nlo, const char *sh, size_t nsh)
{
	if (nsh == 0 || nlo <= nsh)
		return false;
	if (memcmp(lo + nlo - nsh, sh, nsh) == 0)
		return true; /* a prefix particle: O'Sullivan */
	if (memcmp(lo, sh, nsh) != 0)
		return false;
	return !(nlo == nsh + 1 && lo[nsh] == sh[nsh - 1]);
}

size_t tql_nt_accent_count(const char *s, size_t n)
{
	size_t marks = 0;
	for (size_t i = 0; i < n;) {
		size_t k = i;
		UChar32 c;
		U8_NEXT(s, i, n, c);
		if (c < 0x80 || !u_isalpha(c))
			continue;
		tql_buf f = {0};
		/* a letter whose key is another letter carries a mark (é, ș, ё) */
		if (tql_fold(s + k, i - k, &f)) {
			char low[8];
			int32_t ln = 0;
			UBool e = 0;
			U8_APPEND(low, ln, (int32_t)sizeof low, u_tolower(c), e);
			marks += !e && ((size_t)ln != f.n || memcmp(low, f.p, f.n) != 0);
		}
		tql_buf_free(&f);
	}
	return marks;
}

bool tql_nt_lower_initial(const char *s, size_t n, char *out, size_t cap, size_t *outn)
{
	size_t i = 0;
	UChar32 c;
	U8_NEXT(s, i, n, c);
	if (c < 0)
		return false;
	int32_t ln = 0;
	UBool e = 0;
	U8_APPEND((uint8_t *)out, ln, (int32_t)cap, u_tolower(c), e);
	if (e || (size_t)ln + (n - i) + 1 > cap)
		return false;
	memcpy(out + ln, s + i, n - i);
	*outn = (size_t)ln + (n - i);
	out[*outn] = '\0';
	return true;
}

int tql_nt_line_of(const tql_doc *doc, size_t a)
{
	size_t s = tql_doc_src_start(doc, a);
	int line = 1;
	for (size_t i = 0; i < s && i < doc->src_len; i++)
		if (doc->src[i] == '\n' ||
		    (doc->src[i] == '\r' && (i + 1 >= doc->src_len || doc->src[i + 1] != '\n')))
			line++;
	return line;
}

bool tql_nt_after_title(const tql_doc *doc, size_t t)
{
	static const char *const titles[] = {"mr", "mrs", "ms", "dr", "herr", "frau", "m", "mme",
	                                     "sr", "sra", "sig", "signor", "signora", NULL};
	if (t < 2 || doc->tok[t - 1].kind != TQL_TOK_SPACE)
		return false;
	size_t w = t - 2;
	const tql_token *dot = &doc->tok[w];
	if (dot->len == 1 && doc->text[dot->off] == '.' && w > 0)
		w--;
	const tql_token *tk = &doc->tok[w];
	if (tk->kind != TQL_TOK_WORD || !(tk->flags & TQL_TF_UPPER_INITIAL))
		return false;
	tql_buf k = {0};
	bool yes = false;
	if (tql_fold(doc->text + tk->off, tk->len, &k))
		for (const char *const *q = titles; *q && !yes; q++)
			yes = k.n == strlen(*q) && memcmp(k.p, *q, k.n) == 0;
	tql_buf_free(&k);
	return yes;
}

size_t tql_nt_without_possessive(const char *t, size_t n)
{
	if (n > 4 && memcmp(t + n - 4, "\xE2\x80\x99s", 4) == 0)
		return n - 4;
	if (n > 2 && memcmp(t + n - 2, "'s", 2) == 0)
		return n - 2;
	return n;
}

bool tql_nt_emit_written(tql_ctx *ctx, size_t off, size_t len, const char *shown, size_t at)
{
	const tql_doc *doc = ctx->doc;
	return tql_emit(ctx, "consistency.name", off, len, shown, false,
	                "'%.*s' is written '%s' elsewhere in this document (line %d); use one form",
	                (int)len, doc->text + off, shown, tql_nt_line_of(doc, at));
}

bool tql_nt_emit_written_span(tql_ctx *ctx, size_t off, size_t len, size_t at, size_t at_len)
{
	char shown[160];
	snprintf(shown, sizeof shown, "%.*s", (int)(at_len < 150 ? at_len : 150), ctx->doc->text + at);
	return tql_nt_emit_written(ctx, off, len, shown, at);
}

bool tql_nt_covered(const tql_doc *doc, const tql_token *tk)
{
	for (size_t i = 0; i < doc->nfind; i++) {
		const tql_raw_finding *f = &doc->find[i];
		size_t a = f->source_span ? tql_doc_src_start(doc, tk->off) : tk->off;
		size_t b = f->source_span ? tql_doc_src_end(doc, tk->off + tk->len) : tk->off + tk->len;
		if (f->off < b && f->off + f->len > a)
			return true;
	}
	return false;
}

const char *const tql_nt_ru_only[] = {"ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё", NULL};
const char *const tql_nt_uk_only[] = {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ", NULL};

bool tql_nt_has_letter(const char *w, size_t n, const char *const *set)
{
	for (const char *const *a = set; *a; a++)
		for (size_t p = 0; p + 2 <= n; p++)
			if (memcmp(w + p, *a, 2) == 0)
				return true;
	return false;
}

bool tql_nt_hyphen_at(const tql_doc *doc, size_t off)
{
	return off < doc->len && doc->text[off] == '-';
}

bool tql_nt_quoted_at(const tql_doc *doc, tql_nt_quote_scan *q, size_t off)
{
	const char *s = doc->text;
	for (size_t i = q->pos; i < off; i++) {
		if (s[i] == '\n')
			*q = (tql_nt_quote_scan){i + 1, 0, 0, false, false};
		else if (memcmp(s + i, "\xC2\xAB", 2) == 0) /* « */
			q->guil++;
		else if (memcmp(s + i, "\xC2\xBB", 2) == 0 && q->guil > 0) /* » */
			q->guil--;
		else if (memcmp(s + i, "\xE2\x80\x9E", 3) == 0) /* „ */
			q->low++;
		else if (memcmp(s + i, "\xE2\x80\x9C", 3) == 0) { /* “ closes „ or opens */
			if (q->low > 0)
				q->low--;
			else
				q->curly = !q->curly;
		} else if (memcmp(s + i, "\xE2\x80\x9D", 3) == 0)
			q->curly = false;
		else if (s[i] == '"')
			q->ascii = !q->ascii;
	}
	if (off > q->pos)
		q->pos = off;
	return q->guil > 0 || q->low > 0 || q->curly || q->ascii;
}

int tql_nt_spelling_of(const tql_doc *doc, size_t a, size_t b)
{
	const tql_token *x = &doc->tok[a], *y = &doc->tok[b];
	const char *xs = doc->text + x->off, *ys = doc->text + y->off;
	size_t xi = 0, yi = 0;
	tql_u8_next(xs, x->len, &xi);
	tql_u8_next(ys, y->len, &yi);
	int verdict = TQL_SP_SAME;
	tql_buf f1 = {0}, f2 = {0};
	while (xi < x->len && yi < y->len && verdict != TQL_SP_OTHER) {
		size_t x0 = xi, y0 = yi;
		int32_t c1 = tql_u8_next(xs, x->len, &xi), c2 = tql_u8_next(ys, y->len, &yi);
		if (c1 == c2 || u_tolower(c1) == u_tolower(c2))
			continue;
		f1.n = f2.n = 0;
		bool folded = tql_fold(xs + x0, xi - x0, &f1) && tql_fold(ys + y0, yi - y0, &f2);
		verdict = folded && u_isalpha(c1) && u_isalpha(c2) && f1.n == f2.n &&
		                  memcmp(f1.p, f2.p, f1.n) == 0
		              ? TQL_SP_ACCENT
		              : TQL_SP_OTHER;
	}
	tql_buf_free(&f1);
	tql_buf_free(&f2);
	return xi < x->len || yi < y->len ? TQL_SP_OTHER : verdict;
}

bool tql_nt_name_word(const tql_token *tk)
{
	return tk->kind == TQL_TOK_WORD && (tk->flags & TQL_TF_UPPER_INITIAL) &&
	       !(tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT));
}

bool tql_nt_spaced_pair(const tql_doc *doc, size_t t)
{
	if (t + 2 >= doc->ntok)
		return false;
	const tql_token *sp = &doc->tok[t + 1], *u = &doc->tok[t + 2];
	return sp->kind == TQL_TOK_SPACE && sp->len == 1 && doc->text[sp->off] == ' ' &&
	       tql_nt_name_word(u) && u->sent == doc->tok[t].sent;
}

size_t tql_nt_same_start(const char *a, size_t al, const char *b, size_t bl)
{
	size_t n = al < bl ? al : bl, p = 0;
	while (p < n && a[p] == b[p])
		p++;
	/* (back to the start of the letter where they part) */
	while (p > 0 && p < n && ((unsigned char)a[p] & 0xC0) == 0x80)
		p--;
	return p;
}
