/* json.c - JSON (design §3) and JSON Lines writers. */
#include "report.h"

#include <string.h>

void tql_json_str(FILE *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if (c == '"' || c == '\\')
				fprintf(out, "\\%c", c);
			else if (c == '\n')
				fputs("\\n", out);
			else if (c == '\t')
				fputs("\\t", out);
			else if (c == '\r')
				fputs("\\r", out);
			else if (c < 0x20 || c == 0x7F)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
			i++;
			continue;
		}
		size_t k = i;
		if (tql_u8_next(s, n, &k) < 0)
			fputs("\\ufffd", out);
		else
			fwrite(s + i, 1, k - i, out);
		i = k;
	}
}

static void qstr(FILE *out, const char *s)
{
	fputc('"', out);
	tql_json_str(out, s, strlen(s));
	fputc('"', out);
}

/* One finding as a JSON object; `path` adds a "path" member when non-NULL. */
static void finding_obj(FILE *out, const tql_finding *f, const char *path)
{
	fputc('{', out);
	if (path) {
		fputs("\"path\": ", out);
		qstr(out, path);
		fputs(", ", out);
	}
	fputs("\"rule\": ", out);
	qstr(out, f->rule);
	fputs(", \"category\": ", out);
	qstr(out, f->category);
	fprintf(out, ", \"severity\": \"%s\", \"line\": %u, \"column\": %u, \"end_line\": %u, "
	             "\"end_column\": %u, \"offset\": %zu, \"length\": %zu, \"text\": ",
	        tql_severity_name(f->severity), f->line, f->column, f->end_line, f->end_column,
	        f->offset, f->length);
	fputc('"', out);
	tql_json_str(out, f->text, f->length);
	fputs("\", \"message\": ", out);
	qstr(out, f->message);
	fputs(", \"suggestions\": [", out);
	for (size_t i = 0; i < f->n_suggestions; i++) {
		if (i)
			fputs(", ", out);
		qstr(out, f->suggestions[i]);
	}
	fprintf(out, "], \"fixable\": %s}", f->fixable ? "true" : "false");
}

void tql_report_json_file(tql_reporter *r, const char *path, const tql_result *res)
{
	FILE *out = r->out;
	fputs(r->first_file ? "\n    {\"path\": " : ",\n    {\"path\": ", out);
	qstr(out, path);
	fputs(", \"language\": ", out);
	qstr(out, tql_result_lang(res));
	fputs(", \"format\": ", out);
	qstr(out, tql_result_format(res));
	fprintf(out, ", \"words\": %zu,\n     \"findings\": [", tql_result_words(res));
	size_t n = tql_result_count(res);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ",\n       " : "\n       ", out);
		finding_obj(out, tql_result_get(res, i), NULL);
	}
	fputs(n ? "\n     ]}" : "]}", out);
}

void tql_report_jsonl_file(tql_reporter *r, const char *path, const tql_result *res)
{
	for (size_t i = 0; i < tql_result_count(res); i++) {
		finding_obj(r->out, tql_result_get(res, i), path);
		fputc('\n', r->out);
	}
}
