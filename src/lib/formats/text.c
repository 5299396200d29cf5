/* text.c - reader for plain UTF-8 text: BOM, CR/CRLF, invalid UTF-8. */
#include "../internal.h"

#include <stdlib.h>
#include <string.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

/*
 * Copies doc->src into doc->raw: a leading BOM is dropped, CRLF and CR
 * become LF, and each maximal invalid UTF-8 subpart becomes U+FFFD with an
 * `encoding.invalid-utf8` finding at the exact source bytes.
 */
tql_status tql_read_text(tql_engine *eng, tql_doc *doc)
{
	const char *s = doc->src;
	size_t n = doc->src_len;
	if (memchr(s, '\0', n))
		return TQL_EBINARY;
	int rule = tql_rule_find(eng, "encoding.invalid-utf8");
	tql_buf out = {0};
	tql_map *m = &doc->raw_map;
	size_t i = 0;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
		if (!tql_map_replace(m, 0, 3))
			goto oom;
		i = 3;
	}
	if (!tql_grow((void **)&out.p, &out.cap, n - i + 1, 1))
		goto oom;
	while (i < n) {
		/* copy a run of plain bytes in one go */
		size_t j = i;
		while (j < n && (unsigned char)s[j] < 0x80 && s[j] != '\r')
			j++;
		if (j > i) {
			if (!tql_buf_add(&out, s + i, j - i) || !tql_map_copy(m, j - i))
				goto oom;
			i = j;
			continue;
		}
		if (s[i] == '\r') {
			size_t k = (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			if (!tql_buf_addc(&out, '\n') || !tql_map_replace(m, 1, k))
				goto oom;
			i += k;
			continue;
		}
		size_t k = i;
		if (tql_u8_next(s, n, &k) >= 0) {
			if (!tql_buf_add(&out, s + i, k - i) || !tql_map_copy(m, k - i))
				goto oom;
			i = k;
			continue;
		}
		/* a run of invalid subparts: one finding, one U+FFFD per subpart */
		size_t start = i;
		do {
			if (!tql_buf_add(&out, REPLACEMENT, 3) || !tql_map_replace(m, 3, k - i))
				goto oom;
			i = k;
			if (i >= n || (unsigned char)s[i] < 0x80)
				break;
			k = i;
		} while (tql_u8_next(s, n, &k) < 0);
		if (rule >= 0 &&
		    !tql_emit_src(doc, rule, start, i - start, NULL, false,
		                  "invalid UTF-8 byte sequence (%zu byte%s); the file is not valid UTF-8 here",
		                  i - start, i - start == 1 ? "" : "s"))
			goto oom;
	}
	doc->raw_len = out.n;
	doc->raw = tql_buf_take(&out);
	return doc->raw ? TQL_OK : TQL_ENOMEM;
oom:
	tql_buf_free(&out);
	return TQL_ENOMEM;
}
