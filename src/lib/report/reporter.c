/* reporter.c - reporter front: format dispatch and summary counts. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* Format names, indexed by tql_report_format. */
static const char *const format_names[] = {"text",  "json",   "jsonl",     "tsv",
                                           "sarif", "github", "checkstyle"};

int tql_report_format_parse(const char *name)
{
	for (size_t i = 0; i < sizeof format_names / sizeof *format_names; i++)
		if (strcmp(name, format_names[i]) == 0)
			return (int)i;
	return -1;
}

tql_reporter *tql_reporter_new(tql_report_format fmt, FILE *out, const tql_report_options *opts)
{
	tql_reporter *r = calloc(1, sizeof *r);
	if (!r)
		return NULL;
	r->fmt = fmt;
	r->out = out;
	if (opts)
		r->opt = *opts;
	r->first_file = true;
	r->first_result = true;
	if (fmt == TQL_REPORT_JSON)
		fprintf(out, "{\n  \"tool\": {\"name\": \"tqlint\", \"version\": \"%s\"},\n  \"files\": [",
		        TQL_VERSION);
	else if (fmt == TQL_REPORT_SARIF)
		tql_report_sarif_begin(r);
	else if (fmt == TQL_REPORT_CHECKSTYLE)
		tql_report_checkstyle_begin(r);
	return r;
}

void tql_reporter_file(tql_reporter *r, const char *path, const char *src, size_t len,
                       const tql_result *res)
{
	r->files++;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		r->findings++;
		r->by_sev[tql_result_get(res, i)->severity]++;
	}
	switch (r->fmt) {
	case TQL_REPORT_TEXT: tql_report_text_file(r, path, src, len, res); break;
	case TQL_REPORT_JSON: tql_report_json_file(r, path, res); break;
	case TQL_REPORT_JSONL: tql_report_jsonl_file(r, path, res); break;
	case TQL_REPORT_TSV: tql_report_tsv_file(r, path, res); break;
	case TQL_REPORT_SARIF: tql_report_sarif_file(r, path, src, len, res); break;
	case TQL_REPORT_GITHUB: tql_report_github_file(r, path, res); break;
	case TQL_REPORT_CHECKSTYLE: tql_report_checkstyle_file(r, path, res); break;
	}
	r->first_file = false;
}

void tql_reporter_finish(tql_reporter *r)
{
	if (!r)
		return;
	if (r->fmt == TQL_REPORT_JSON)
		fprintf(r->out,
		        "%s  ],\n  \"summary\": {\"files\": %zu, \"findings\": %zu, \"error\": %zu, "
		        "\"warning\": %zu, \"info\": %zu}\n}\n",
		        r->files ? "\n" : "", r->files, r->findings, r->by_sev[TQL_SEV_ERROR],
		        r->by_sev[TQL_SEV_WARNING], r->by_sev[TQL_SEV_INFO]);
	else if (r->fmt == TQL_REPORT_SARIF)
		tql_report_sarif_end(r);
	else if (r->fmt == TQL_REPORT_CHECKSTYLE)
		tql_report_checkstyle_end(r);
	fflush(r->out);
	free(r);
}
