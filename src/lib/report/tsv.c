/* tsv.c - one finding per line, tab-separated, for scripts and the test
 * runner: path line column end_line end_column severity rule text suggestions */
#include "report.h"

#include <string.h>

/* Writes s with tabs, line breaks and backslashes escaped. */
static void field(FILE *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\t')
			fputs("\\t", out);
		else if (c == '\n')
			fputs("\\n", out);
		else if (c == '\r')
			fputs("\\r", out);
		else if (c == '\\')
			fputs("\\\\", out);
		else
			fputc(c, out);
	}
}

void tql_report_tsv_file(tql_reporter *r, const char *path, const tql_result *res)
{
	FILE *out = r->out;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		field(out, path, strlen(path));
		fprintf(out, "\t%u\t%u\t%u\t%u\t%s\t%s\t", f->line, f->column, f->end_line,
		        f->end_column, tql_severity_name(f->severity), f->rule);
		field(out, f->text, f->length);
		fputc('\t', out);
		for (size_t j = 0; j < f->n_suggestions; j++) {
			if (j)
				fputc('|', out);
			field(out, f->suggestions[j], strlen(f->suggestions[j]));
		}
		fputc('\n', out);
	}
}
