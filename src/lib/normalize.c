/* normalize.c - NFC, invisible and control characters, with an offset map. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Languages whose script legitimately uses direction marks and joiners. */
static bool lang_uses_joiners(const char *lang)
{
	static const char *const rtl[] = {"ar", "he", "fa", "ur", "yi", "ps", "hi", "bn", "mr",
	                                  "ne", "sd", "ku", "dv", "ml", "ta", "te", "kn", "si"};
	for (size_t i = 0; i < sizeof rtl / sizeof *rtl; i++)
		if (strcmp(lang, rtl[i]) == 0)
			return true;
	return false;
}

/* What to do with a character. */
enum norm_kind { NK_KEEP, NK_INVISIBLE, NK_CONTROL };

static enum norm_kind classify(UChar32 c, bool joiners_ok)
{
	if (c < 0x20)
		return (c == '\t' || c == '\n') ? NK_KEEP : NK_CONTROL;
	if (c < 0x7F)
		return NK_KEEP;
	if (c == 0x7F || (c >= 0x80 && c <= 0x9F))
		return NK_CONTROL;
	switch (c) {
	case 0x00AD: /* soft hyphen */
	case 0x200B: /* zero width space */
	case 0x2060: /* word joiner */
	case 0xFEFF: /* BOM inside text */
	case 0x202A: case 0x202B: case 0x202C: case 0x202D: case 0x202E:
	case 0x2066: case 0x2067: case 0x2068: case 0x2069:
	case 0x180E: /* Mongolian vowel separator, used as an invisible space */
		return NK_INVISIBLE;
	case 0x200C: case 0x200D: case 0x200E: case 0x200F: case 0x061C:
		return joiners_ok ? NK_KEEP : NK_INVISIBLE;
	default:
		return NK_KEEP;
	}
}

static const char *invisible_name(UChar32 c)
{
	switch (c) {
	case 0x00AD: return "soft hyphen (U+00AD)";
	case 0x200B: return "zero-width space (U+200B)";
	case 0x200C: return "zero-width non-joiner (U+200C)";
	case 0x200D: return "zero-width joiner (U+200D)";
	case 0x200E: return "left-to-right mark (U+200E)";
	case 0x200F: return "right-to-left mark (U+200F)";
	case 0x2060: return "word joiner (U+2060)";
	case 0xFEFF: return "byte order mark (U+FEFF) inside the text";
	case 0x061C: return "Arabic letter mark (U+061C)";
	case 0x180E: return "Mongolian vowel separator (U+180E)";
	default: return "bidirectional control character";
	}
}

/* Emits a finding on raw bytes [r, r+k). */
static bool emit_raw(tql_engine *eng, tql_doc *doc, const char *rule, size_t r, size_t k,
                     const char *sugg, const char *msg, const char *what)
{
	int idx = tql_rule_find(eng, rule);
	if (idx < 0)
		return true;
	size_t s0 = tql_map_start(&doc->raw_map, r), s1 = tql_map_end(&doc->raw_map, r + k);
	return tql_emit_src(doc, idx, s0, s1 - s0, sugg, sugg != NULL, msg, what);
}

/* NFC-normalises one segment [seg, seg+k) that starts at a boundary. */
static bool normalize_segment(const UNormalizer2 *nfc, tql_buf *out, tql_map *m, const char *seg,
                              size_t k)
{
	UChar a[64], b[128];
	int32_t la = 0;
	UErrorCode err = U_ZERO_ERROR;
	if (k > 60) /* pathological run of marks: leave it as it is */
		return tql_buf_add(out, seg, k) && tql_map_copy(m, k);
	u_strFromUTF8(a, 64, &la, seg, (int32_t)k, &err);
	if (U_FAILURE(err))
		return tql_buf_add(out, seg, k) && tql_map_copy(m, k);
	if (unorm2_quickCheck(nfc, a, la, &err) == UNORM_YES || U_FAILURE(err))
		return tql_buf_add(out, seg, k) && tql_map_copy(m, k);
	err = U_ZERO_ERROR;
	int32_t lb = unorm2_normalize(nfc, a, la, b, 128, &err);
	char u8[512];
	int32_t l8 = 0;
	if (U_SUCCESS(err))
		u_strToUTF8(u8, sizeof u8, &l8, b, lb, &err);
	if (U_FAILURE(err))
		return tql_buf_add(out, seg, k) && tql_map_copy(m, k);
	if ((size_t)l8 == k && memcmp(u8, seg, k) == 0)
		return tql_buf_add(out, seg, k) && tql_map_copy(m, k);
	return tql_buf_add(out, u8, (size_t)l8) && tql_map_replace(m, (size_t)l8, k);
}

tql_status tql_normalize(tql_engine *eng, tql_doc *doc)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		return tql_engine_fail(eng, TQL_EDEP, "ICU NFC normalizer unavailable: %s",
		                       u_errorName(err));
	bool joiners_ok = lang_uses_joiners(doc->lang);
	const char *s = doc->raw;
	size_t n = doc->raw_len;
	tql_buf out = {0};
	tql_map *m = &doc->norm_map;
	if (!tql_grow((void **)&out.p, &out.cap, n + 1, 1))
		return TQL_ENOMEM;
	out.p[0] = '\0';
	size_t i = 0;
	while (i < n) {
		/* fast path: printable ASCII followed by ASCII is its own segment */
		size_t j = i;
		while (j < n && (unsigned char)s[j] < 0x80 &&
		       ((unsigned char)s[j] >= 0x20 || s[j] == '\n' || s[j] == '\t') && s[j] != 0x7F &&
		       (j + 1 >= n || (unsigned char)s[j + 1] < 0x80))
			j++;
		if (j > i) {
			if (!tql_buf_add(&out, s + i, j - i) || !tql_map_copy(m, j - i))
				goto oom;
			i = j;
			continue;
		}
		size_t k = i;
		UChar32 c = tql_u8_next(s, n, &k);
		enum norm_kind nk = classify(c, joiners_ok);
		if (nk == NK_INVISIBLE) {
			/* a joiner between two non-Latin letters may be legitimate */
			if (!tql_map_replace(m, 0, k - i) ||
			    !emit_raw(eng, doc, "encoding.invisible", i, k - i, "",
			              "invisible %s inside the text; it breaks search and spelling",
			              invisible_name(c)))
				goto oom;
			i = k;
			continue;
		}
		if (nk == NK_CONTROL) {
			char what[32];
			snprintf(what, sizeof what, "U+%04X", (unsigned)c);
			if (!tql_buf_addc(&out, ' ') || !tql_map_replace(m, 1, k - i) ||
			    !emit_raw(eng, doc, "encoding.control", i, k - i, NULL,
			              "control character %s in text", what))
				goto oom;
			i = k;
			continue;
		}
		/* extend the segment over following characters without an NFC boundary */
		size_t e = k;
		while (e < n && (unsigned char)s[e] >= 0x80) {
			size_t e2 = e;
			UChar32 d = tql_u8_next(s, n, &e2);
			if (unorm2_hasBoundaryBefore(nfc, d) || classify(d, joiners_ok) != NK_KEEP)
				break;
			e = e2;
		}
		if (e == k && c < 0x80) {
			if (!tql_buf_add(&out, s + i, 1) || !tql_map_copy(m, 1))
				goto oom;
		} else if (!normalize_segment(nfc, &out, m, s + i, e - i)) {
			goto oom;
		}
		i = e;
	}
	doc->len = out.n;
	doc->text = tql_buf_take(&out);
	return doc->text ? TQL_OK : TQL_ENOMEM;
oom:
	tql_buf_free(&out);
	return TQL_ENOMEM;
}
