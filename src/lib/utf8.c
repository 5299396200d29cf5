/* utf8.c - strict UTF-8 decoding (RFC 3629, maximal subparts per Unicode). */
#include "internal.h"

int32_t tql_u8_next(const char *s, size_t n, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = *i;
	unsigned c = p[k];
	if (c < 0x80) {
		*i = k + 1;
		return (int32_t)c;
	}
	int need;
	uint32_t cp;
	unsigned lo = 0x80, hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		cp = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		cp = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*i = k + 1;
		return -1;
	}
	k++;
	for (int j = 0; j < need; j++, k++) {
		if (k >= n || p[k] < lo || p[k] > hi) {
			*i = k;
			return -1;
		}
		cp = (cp << 6) | (p[k] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*i = k;
	return (int32_t)cp;
}

int32_t tql_u8_prev(const char *s, size_t *i)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = *i;
	if (k == 0)
		return -1;
	size_t start = k - 1;
	while (start > 0 && k - start < 4 && (p[start] & 0xC0) == 0x80)
		start--;
	size_t j = start;
	int32_t cp = tql_u8_next(s, k, &j);
	if (j != k) {
		*i = k - 1;
		return -1;
	}
	*i = start;
	return cp;
}

size_t tql_u8_count(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

size_t tql_u8_valid_prefix(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t k = i;
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		if (tql_u8_next(s, n, &k) < 0)
			return i;
		i = k;
	}
	return n;
}
