/* text.c - human-readable report: "path:line:col: severity: message [rule]",
 * the source line, and the span underlined. */
#include "report.h"

#include <string.h>

#define CONTEXT_MAX 60 /* code points of context shown on each side */

static const char *sev_color(tql_severity s)
{
	return s == TQL_SEV_ERROR ? "\033[1;31m" : s == TQL_SEV_WARNING ? "\033[1;33m" : "\033[1;34m";
}

/* Byte offset of the start of the line holding off. */
static size_t line_start(const char *src, size_t off)
{
	while (off > 0 && src[off - 1] != '\n' && src[off - 1] != '\r')
		off--;
	return off;
}

static size_t line_end(const char *src, size_t len, size_t off)
{
	while (off < len && src[off] != '\n' && src[off] != '\r')
		off++;
	return off;
}

/* Moves back at most `cp` code points from off, not before lo. */
static size_t back_cp(const char *s, size_t lo, size_t off, size_t cp)
{
	while (off > lo && cp) {
		off--;
		while (off > lo && ((unsigned char)s[off] & 0xC0) == 0x80)
			off--;
		cp--;
	}
	return off;
}

static size_t fwd_cp(const char *s, size_t hi, size_t off, size_t cp)
{
	while (off < hi && cp) {
		off++;
		while (off < hi && ((unsigned char)s[off] & 0xC0) == 0x80)
			off++;
		cp--;
	}
	return off;
}

/* Prints bytes, turning control characters and invalid UTF-8 into '?'. */
static size_t show(FILE *out, const char *s, size_t n, bool marks)
{
	size_t cols = 0, i = 0;
	while (i < n) {
		size_t k = i;
		int32_t c = tql_u8_next(s, n, &k);
		if (marks)
			fputc(s[i] == '\t' ? '\t' : ' ', out);
		else if (c < 0 || (c < 0x20 && c != '\t') || c == 0x7F || (c >= 0x80 && c < 0xA0))
			fputc('?', out);
		else
			fwrite(s + i, 1, k - i, out);
		cols++;
		i = k;
	}
	return cols;
}

void tql_report_text_file(tql_reporter *r, const char *path, const char *src, size_t len,
                          const tql_result *res)
{
	FILE *out = r->out;
	bool c = r->opt.color;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		fprintf(out, "%s%s:%u:%u:%s %s%s:%s %s [%s]\n", c ? "\033[1m" : "", path, f->line,
		        f->column, c ? "\033[0m" : "", c ? sev_color(f->severity) : "",
		        tql_severity_name(f->severity), c ? "\033[0m" : "", f->message, f->rule);
		if (!src || f->offset > len)
			continue;
		size_t ls = line_start(src, f->offset);
		size_t le = line_end(src, len, f->offset);
		size_t from = back_cp(src, ls, f->offset, CONTEXT_MAX);
		size_t span_end = f->offset + f->length < le ? f->offset + f->length : le;
		size_t to = fwd_cp(src, le, span_end, CONTEXT_MAX);
		if (from == 0 && to >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
			from = 3;
		fputs("    ", out);
		if (from > ls)
			fputs("...", out);
		show(out, src + from, to - from, false);
		if (to < le)
			fputs("...", out);
		fputs("\n    ", out);
		if (from > ls)
			fputs("   ", out);
		show(out, src + from, f->offset - from, true);
		fputs(c ? sev_color(f->severity) : "", out);
		size_t w = tql_u8_count(src + f->offset, span_end - f->offset);
		fputc('^', out);
		for (size_t k = 1; k < w; k++)
			fputc('~', out);
		fputs(c ? "\033[0m" : "", out);
		if (f->n_suggestions) {
			fputs(" suggestion: ", out);
			for (size_t k = 0; k < f->n_suggestions; k++)
				fprintf(out, "%s'%s'", k ? ", " : "", f->suggestions[k]);
		}
		fputc('\n', out);
	}
}
