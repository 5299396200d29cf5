/* reader.c - building the analysed text of markup documents piece by piece,
 * HTML character references, and front matter. */
#include "reader.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

void tql_rd_init(tql_reader *rd, tql_engine *eng, tql_doc *doc)
{
	*rd = (tql_reader){eng, doc, {0}, 0, tql_rule_find(eng, "encoding.invalid-utf8"), false};
}

/* Maps the source gap [s_pos, s_off) to nothing. */
static bool skip_to(tql_reader *rd, size_t s_off)
{
	if (s_off <= rd->s_pos)
		return true;
	if (!tql_map_replace(&rd->doc->raw_map, 0, s_off - rd->s_pos))
		return false;
	rd->s_pos = s_off;
	return true;
}

bool tql_rd_src(tql_reader *rd, size_t s_off, size_t n)
{
	if (rd->oom)
		return false;
	if (s_off < rd->s_pos) /* out of order: keep the text, map it here */
		return tql_rd_lit(rd, rd->doc->src + s_off, n, rd->s_pos, 0);
	if (!skip_to(rd, s_off))
		goto oom;
	const char *s = rd->doc->src;
	size_t end = s_off + n, i = s_off;
	tql_map *m = &rd->doc->raw_map;
	while (i < end) {
		size_t j = i;
		while (j < end && (unsigned char)s[j] < 0x80 && s[j] != '\r')
			j++;
		if (j > i) {
			if (!tql_buf_add(&rd->out, s + i, j - i) || !tql_map_copy(m, j - i))
				goto oom;
			i = j;
			continue;
		}
		if (s[i] == '\r') {
			size_t k = (i + 1 < end && s[i + 1] == '\n') ? 2 : 1;
			if (!tql_buf_addc(&rd->out, '\n') || !tql_map_replace(m, 1, k))
				goto oom;
			i += k;
			continue;
		}
		size_t k = i;
		if (tql_u8_next(s, end, &k) >= 0) {
			if (!tql_buf_add(&rd->out, s + i, k - i) || !tql_map_copy(m, k - i))
				goto oom;
			i = k;
			continue;
		}
		if (!tql_buf_add(&rd->out, REPLACEMENT, 3) || !tql_map_replace(m, 3, k - i))
			goto oom;
		if (rd->bad_utf8 >= 0 &&
		    !tql_emit_src(rd->doc, rd->bad_utf8, i, k - i, NULL, false,
		                  "invalid UTF-8 byte sequence (%zu byte%s); the file is not valid UTF-8 here",
		                  k - i, k - i == 1 ? "" : "s"))
			goto oom;
		i = k;
	}
	rd->s_pos = end;
	return true;
oom:
	rd->oom = true;
	return false;
}

bool tql_rd_lit(tql_reader *rd, const char *text, size_t n, size_t s_off, size_t s_len)
{
	if (rd->oom)
		return false;
	if (s_off < rd->s_pos)
		s_len = 0, s_off = rd->s_pos;
	if (!skip_to(rd, s_off))
		goto oom;
	/* only valid UTF-8 enters the analysed text */
	size_t i = 0;
	while (i < n) {
		size_t v = tql_u8_valid_prefix(text + i, n - i);
		if (!tql_buf_add(&rd->out, text + i, v))
			goto oom;
		i += v;
		if (i < n) {
			size_t k = i;
			tql_u8_next(text, n, &k);
			if (!tql_buf_add(&rd->out, REPLACEMENT, 3))
				goto oom;
			i = k;
		}
	}
	size_t a_len = rd->out.n - (rd->doc->raw_map.a_end);
	if (!tql_map_replace(&rd->doc->raw_map, a_len, s_len))
		goto oom;
	rd->s_pos = s_off + s_len;
	return true;
oom:
	rd->oom = true;
	return false;
}

bool tql_rd_sep(tql_reader *rd, const char *sep)
{
	if (rd->oom)
		return false;
	size_t n = rd->out.n;
	if (n == 0)
		return true;
	const char *p = rd->out.p;
	size_t want = strlen(sep);
	if (sep[0] == '\n') {
		/* count the line breaks already at the end */
		size_t have = 0, k = n;
		while (k > 0 && (p[k - 1] == '\n' || p[k - 1] == ' ' || p[k - 1] == '\t')) {
			if (p[k - 1] == '\n')
				have++;
			k--;
		}
		if (have >= want)
			return true;
		want -= have;
	} else if (p[n - 1] == ' ' || p[n - 1] == '\n' || p[n - 1] == '\t') {
		return true;
	}
	return tql_rd_lit(rd, sep, want, rd->s_pos, 0);
}

tql_status tql_rd_finish(tql_reader *rd)
{
	if (!rd->oom && !skip_to(rd, rd->doc->src_len))
		rd->oom = true;
	if (rd->oom) {
		tql_rd_abort(rd);
		return TQL_ENOMEM;
	}
	if (!rd->out.p && !tql_buf_add(&rd->out, "", 0)) {
		tql_rd_abort(rd);
		return TQL_ENOMEM;
	}
	rd->doc->raw_len = rd->out.n;
	rd->doc->raw = tql_buf_take(&rd->out);
	return TQL_OK;
}

void tql_rd_abort(tql_reader *rd)
{
	tql_buf_free(&rd->out);
}

/* ---- character references ----------------------------------------------- */

/* Appends code point c as UTF-8; returns its length (0 if invalid). */
static size_t put_u8(uint32_t c, char out[8])
{
	if (c == 0 || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		c = 0xFFFD;
	if (c < 0x80) {
		out[0] = (char)c;
		return 1;
	}
	if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		return 2;
	}
	if (c < 0x10000) {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[3] = (char)(0x80 | (c & 0x3F));
	return 4;
}

/* Named references that occur in news text (HTML 4 Latin-1, punctuation,
 * symbols); the rest stay as written. */
static const struct {
	const char *name;
	uint32_t cp;
} ENT[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"iexcl", 0xA1}, {"cent", 0xA2}, {"pound", 0xA3}, {"euro", 0x20AC},
	{"yen", 0xA5}, {"sect", 0xA7}, {"copy", 0xA9}, {"laquo", 0xAB}, {"raquo", 0xBB},
	{"reg", 0xAE}, {"deg", 0xB0}, {"plusmn", 0xB1}, {"middot", 0xB7}, {"shy", 0xAD},
	{"iquest", 0xBF}, {"times", 0xD7}, {"divide", 0xF7}, {"ndash", 0x2013},
	{"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"sbquo", 0x201A},
	{"ldquo", 0x201C}, {"rdquo", 0x201D}, {"bdquo", 0x201E}, {"hellip", 0x2026},
	{"bull", 0x2022}, {"trade", 0x2122}, {"thinsp", 0x2009}, {"ensp", 0x2002},
	{"emsp", 0x2003}, {"zwj", 0x200D}, {"zwnj", 0x200C}, {"lsaquo", 0x2039},
	{"rsaquo", 0x203A}, {"prime", 0x2032}, {"minus", 0x2212}, {"szlig", 0xDF},
	{"Agrave", 0xC0}, {"Aacute", 0xC1}, {"Acirc", 0xC2}, {"Atilde", 0xC3}, {"Auml", 0xC4},
	{"Aring", 0xC5}, {"AElig", 0xC6}, {"Ccedil", 0xC7}, {"Egrave", 0xC8}, {"Eacute", 0xC9},
	{"Ecirc", 0xCA}, {"Euml", 0xCB}, {"Igrave", 0xCC}, {"Iacute", 0xCD}, {"Icirc", 0xCE},
	{"Iuml", 0xCF}, {"Ntilde", 0xD1}, {"Ograve", 0xD2}, {"Oacute", 0xD3}, {"Ocirc", 0xD4},
	{"Otilde", 0xD5}, {"Ouml", 0xD6}, {"Oslash", 0xD8}, {"Ugrave", 0xD9}, {"Uacute", 0xDA},
	{"Ucirc", 0xDB}, {"Uuml", 0xDC}, {"Yacute", 0xDD}, {"agrave", 0xE0}, {"aacute", 0xE1},
	{"acirc", 0xE2}, {"atilde", 0xE3}, {"auml", 0xE4}, {"aring", 0xE5}, {"aelig", 0xE6},
	{"ccedil", 0xE7}, {"egrave", 0xE8}, {"eacute", 0xE9}, {"ecirc", 0xEA}, {"euml", 0xEB},
	{"igrave", 0xEC}, {"iacute", 0xED}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"ntilde", 0xF1},
	{"ograve", 0xF2}, {"oacute", 0xF3}, {"ocirc", 0xF4}, {"otilde", 0xF5}, {"ouml", 0xF6},
	{"oslash", 0xF8}, {"ugrave", 0xF9}, {"uacute", 0xFA}, {"ucirc", 0xFB}, {"uuml", 0xFC},
	{"yacute", 0xFD}, {"yuml", 0xFF}, {"Scaron", 0x160}, {"scaron", 0x161},
	{"Zcaron", 0x17D}, {"zcaron", 0x17E}, {"OElig", 0x152}, {"oelig", 0x153},
};

size_t tql_entity_decode(const char *s, size_t n, char out[8], size_t *olen)
{
	if (n < 3 || s[0] != '&')
		return 0;
	if (s[1] == '#') {
		size_t i = 2;
		int base = 10;
		if (i < n && (s[i] == 'x' || s[i] == 'X')) {
			base = 16;
			i++;
		}
		size_t d0 = i;
		uint32_t v = 0;
		while (i < n && i - d0 < 8 && (base == 16 ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
			int d = isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10);
			v = v * (uint32_t)base + (uint32_t)d;
			i++;
		}
		if (i == d0)
			return 0;
		if (i < n && s[i] == ';')
			i++;
		*olen = put_u8(v, out);
		return i;
	}
	size_t i = 1;
	while (i < n && i < 12 && isalnum((unsigned char)s[i]))
		i++;
	if (i >= n || s[i] != ';')
		return 0;
	for (size_t k = 0; k < sizeof ENT / sizeof *ENT; k++)
		if (strlen(ENT[k].name) == i - 1 && memcmp(ENT[k].name, s + 1, i - 1) == 0) {
			*olen = put_u8(ENT[k].cp, out);
			return i + 1;
		}
	return 0;
}

/* ---- front matter ------------------------------------------------------- */

/* Length of the line at s[i..n) including its line break. */
static size_t line_len(const char *s, size_t n, size_t i)
{
	const char *nl = memchr(s + i, '\n', n - i);
	return nl ? (size_t)(nl - (s + i)) + 1 : n - i;
}

/* Is s[i..i+len) the fence `f` followed only by spaces and a line break? */
static bool is_fence(const char *s, size_t i, size_t len, const char *f)
{
	if (len < 3 || memcmp(s + i, f, 3) != 0)
		return false;
	for (size_t k = 3; k < len; k++)
		if (!strchr(" \t\r\n", s[i + k]))
			return false;
	return true;
}

size_t tql_front_matter_len(const char *src, size_t n)
{
	size_t i = (n >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	size_t l = line_len(src, n, i);
	const char *f = is_fence(src, i, l, "---") ? "---" : is_fence(src, i, l, "+++") ? "+++" : NULL;
	if (!f)
		return 0;
	for (size_t j = i + l; j < n;) {
		size_t lj = line_len(src, n, j);
		if (is_fence(src, j, lj, f) || (f[0] == '-' && is_fence(src, j, lj, "...")))
			return j + lj;
		j += lj;
	}
	return 0; /* never closed: not front matter */
}

/* Is key k (length n) in the comma list `keys`? */
static bool key_listed(const char *keys, const char *k, size_t n)
{
	for (const char *p = keys; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t m = strcspn(p, ", ");
		if (m == n && m && strncasecmp(p, k, n) == 0)
			return true;
		p += m;
	}
	return false;
}

bool tql_front_matter_read(tql_reader *rd, size_t start, size_t len)
{
	const char *s = rd->doc->src;
	const char *keys = tql_doc_fm_keys(rd->doc);
	size_t end = start + len;
	size_t i = start + line_len(s, end, start); /* skip the opening fence */
	while (i < end) {
		size_t l = line_len(s, end, i);
		size_t e = i + l;
		while (e > i && (s[e - 1] == '\n' || s[e - 1] == '\r' || s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		/* top-level "key: value" (YAML) or "key = value" (TOML) */
		size_t k = i;
		while (k < e && (isalnum((unsigned char)s[k]) || s[k] == '_' || s[k] == '-'))
			k++;
		size_t klen = k - i;
		size_t v = k;
		while (v < e && (s[v] == ' ' || s[v] == '\t'))
			v++;
		if (klen && v < e && (s[v] == ':' || s[v] == '=')) {
			v++;
			while (v < e && (s[v] == ' ' || s[v] == '\t'))
				v++;
			size_t ve = e;
			if (v < ve && (s[v] == '"' || s[v] == '\'') && s[ve - 1] == s[v] && ve - v >= 2) {
				v++;
				ve--;
			}
			if ((klen == 4 && strncasecmp(s + i, "lang", 4) == 0) ||
			    (klen == 8 && strncasecmp(s + i, "language", 8) == 0)) {
				size_t n = ve - v < sizeof rd->doc->doc_lang - 1 ? ve - v : sizeof rd->doc->doc_lang - 1;
				memcpy(rd->doc->doc_lang, s + v, n);
				rd->doc->doc_lang[n] = '\0';
			} else if (ve > v && key_listed(keys, s + i, klen) && s[v] != '|' && s[v] != '>') {
				if (!tql_rd_sep(rd, "\n\n") || !tql_rd_src(rd, v, ve - v))
					return false;
			}
		}
		i += l;
	}
	return tql_rd_sep(rd, "\n\n");
}
