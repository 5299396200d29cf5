/* fold.c - folded matching keys: case, diacritics, hyphens and spaces. */
#include "internal.h"

#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Letters that NFD does not decompose but that keys treat as base letters. */
static int fold_special(UChar32 c, char out[3])
{
	switch (c) {
	case 0x0142: case 0x0141: out[0] = 'l'; return 1;   /* ł */
	case 0x00F8: case 0x00D8: out[0] = 'o'; return 1;   /* ø */
	case 0x0111: case 0x0110: out[0] = 'd'; return 1;   /* đ */
	case 0x0127: case 0x0126: out[0] = 'h'; return 1;   /* ħ */
	case 0x0131: out[0] = 'i'; return 1;                /* dotless i */
	case 0x00E6: case 0x00C6: out[0] = 'a'; out[1] = 'e'; return 2;
	case 0x0153: case 0x0152: out[0] = 'o'; out[1] = 'e'; return 2;
	case 0x00FE: case 0x00DE: out[0] = 't'; out[1] = 'h'; return 2;
	default: return 0;
	}
}

/* Apostrophes, primes and dots vanish from keys ("O'Brien" = "OBrien"). */
static bool fold_drop(UChar32 c)
{
	return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x02BC || c == 0x02B9 ||
	       c == 0x02BB || c == 0x00B4 || c == '`' || c == '.' || c == 0x00B7;
}

/* Fast path for ASCII input; returns false if s has non-ASCII bytes. */
static bool fold_ascii(const char *s, size_t n, tql_buf *out, bool *ok)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	*ok = false;
	bool space = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\'' || c == '`' || c == '.' || c < 0x20 || c == 0x7F)
			continue;
		if (c == '-' || c == ' ' || c == '_' || c == '/' || c == '\t' || c == '\n') {
			if (!space && !tql_buf_addc(out, ' '))
				return true;
			space = true;
			continue;
		}
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		if (!tql_buf_addc(out, (char)c))
			return true;
		space = false;
	}
	if (out->n && out->p[out->n - 1] == ' ')
		out->p[--out->n] = '\0';
	*ok = out->p || tql_buf_add(out, "", 0);
	return true;
}

bool tql_fold(const char *s, size_t n, tql_buf *out)
{
	bool aok;
	if (fold_ascii(s, n, out, &aok))
		return aok;
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	if (U_FAILURE(err) || n > INT32_MAX / 4)
		return false;
	UChar stack1[256], stack2[512];
	UChar *a = stack1, *b = stack2;
	int32_t cap1 = 256, cap2 = 512, la = 0;
	bool ok = false;

	u_strFromUTF8(a, cap1, &la, s, (int32_t)n, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		cap1 = la + 1;
		a = malloc(sizeof *a * (size_t)cap1);
		if (!a)
			return false;
		u_strFromUTF8(a, cap1, &la, s, (int32_t)n, &err);
	}
	if (U_FAILURE(err))
		goto done;
	int32_t lb = unorm2_normalize(nfd, a, la, b, cap2, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		cap2 = lb + 1;
		b = malloc(sizeof *b * (size_t)cap2);
		if (!b)
			goto done;
		lb = unorm2_normalize(nfd, a, la, b, cap2, &err);
	}
	if (U_FAILURE(err))
		goto done;

	bool space = true; /* suppress leading spaces */
	for (int32_t i = 0; i < lb;) {
		UChar32 c;
		U16_NEXT(b, i, lb, c);
		int8_t t = u_charType(c);
		if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
			continue;
		if (fold_drop(c))
			continue;
		if (t == U_DASH_PUNCTUATION || u_isUWhiteSpace(c) || c == '_' || c == '/') {
			if (!space && !tql_buf_addc(out, ' '))
				goto done;
			space = true;
			continue;
		}
		char sp[3];
		int k = fold_special(c, sp);
		if (k) {
			if (!tql_buf_add(out, sp, (size_t)k))
				goto done;
			space = false;
			continue;
		}
		UChar src[2], dst[8];
		int32_t ls = 0, ld;
		U16_APPEND_UNSAFE(src, ls, c);
		UErrorCode e2 = U_ZERO_ERROR;
		ld = u_strFoldCase(dst, 8, src, ls, U_FOLD_CASE_DEFAULT, &e2);
		if (U_FAILURE(e2))
			goto done;
		char u8[32];
		int32_t l8 = 0;
		u_strToUTF8(u8, sizeof u8, &l8, dst, ld, &e2);
		if (U_FAILURE(e2) || !tql_buf_add(out, u8, (size_t)l8))
			goto done;
		space = false;
	}
	if (out->n && out->p[out->n - 1] == ' ')
		out->p[--out->n] = '\0';
	if (!out->p && !tql_buf_add(out, "", 0))
		goto done;
	ok = true;
done:
	if (a != stack1)
		free(a);
	if (b != stack2)
		free(b);
	return ok;
}
