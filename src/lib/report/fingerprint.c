/* fingerprint.c - line-number-free content fingerprints of findings, shared
 * by SARIF partialFingerprints and the CLI's baselines. */
#include "report.h"

#include <string.h>

/* Code points of context taken on each side of the flagged text. */
#define FP_CONTEXT 40

/* 64-bit FNV-1a over n bytes, continuing from h. */
static uint64_t fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *s = p;
	for (size_t i = 0; i < n; i++) {
		h ^= s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Adds one field and a separator that cannot occur inside UTF-8 text. */
static uint64_t field(uint64_t h, const char *s, size_t n)
{
	static const unsigned char sep = 0xFF;
	return fnv(fnv(h, s, n), &sep, 1);
}

static bool line_end(char c)
{
	return c == '\n' || c == '\r';
}

void tql_finding_fingerprint(const tql_finding *f, const char *src, size_t len, char out[17])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = field(h, "tqlint-fp1", 10);
	h = field(h, f->rule, strlen(f->rule));
	if (!src || f->offset > len || f->length > len - f->offset) {
		h = field(h, f->text ? f->text : "", f->text ? strlen(f->text) : 0);
	} else {
		size_t off = f->offset, end = f->offset + f->length;
		/* context: up to FP_CONTEXT code points each side, within the line */
		size_t b = off;
		for (int k = 0; k < FP_CONTEXT && b > 0 && !line_end(src[b - 1]); k++) {
			b--;
			while (b > 0 && ((unsigned char)src[b] & 0xC0) == 0x80 && !line_end(src[b - 1]))
				b--;
		}
		size_t e = end;
		for (int k = 0; k < FP_CONTEXT && e < len && !line_end(src[e]); k++) {
			e++;
			while (e < len && ((unsigned char)src[e] & 0xC0) == 0x80)
				e++;
		}
		h = field(h, src + off, end - off);
		h = field(h, src + b, off - b);
		h = field(h, src + end, e - end);
	}
	static const char hex[] = "0123456789abcdef";
	for (int i = 0; i < 16; i++)
		out[i] = hex[(h >> (60 - 4 * i)) & 0xF];
	out[16] = '\0';
}
