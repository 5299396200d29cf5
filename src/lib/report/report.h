/* report.h - internal interface between the reporter front and the writers. */
#ifndef TQL_REPORT_H
#define TQL_REPORT_H

#include "../internal.h"

struct tql_reporter {
	tql_report_format fmt;
	FILE *out;              /* borrowed */
	tql_report_options opt;
	size_t files, findings, by_sev[3];
	bool first_file;
};

/* Writes s[0..n) as a JSON string body (no quotes); invalid UTF-8 -> U+FFFD. */
void tql_json_str(FILE *out, const char *s, size_t n);
void tql_report_text_file(tql_reporter *r, const char *path, const char *src, size_t len,
                          const tql_result *res);
void tql_report_json_file(tql_reporter *r, const char *path, const tql_result *res);
void tql_report_jsonl_file(tql_reporter *r, const char *path, const tql_result *res);
void tql_report_tsv_file(tql_reporter *r, const char *path, const tql_result *res);

#endif
