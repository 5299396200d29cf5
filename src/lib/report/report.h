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
	bool first_result;      /* SARIF: no result written yet */
};

/* Writes s[0..n) as a JSON string body (no quotes); invalid UTF-8 -> U+FFFD. */
void tql_json_str(FILE *out, const char *s, size_t n);
void tql_report_text_file(tql_reporter *r, const char *path, const char *src, size_t len,
                          const tql_result *res);
void tql_report_json_file(tql_reporter *r, const char *path, const tql_result *res);
void tql_report_jsonl_file(tql_reporter *r, const char *path, const tql_result *res);
void tql_report_tsv_file(tql_reporter *r, const char *path, const tql_result *res);

/* SARIF 2.1.0 (sarif.c): the log header with the rule table, one call per
 * document, then the trailer. */
void tql_report_sarif_begin(tql_reporter *r);
void tql_report_sarif_file(tql_reporter *r, const char *path, const char *src, size_t len,
                           const tql_result *res);
void tql_report_sarif_end(tql_reporter *r);
/* GitHub Actions workflow commands (github.c). */
void tql_report_github_file(tql_reporter *r, const char *path, const tql_result *res);
/* Checkstyle XML (checkstyle.c). */
void tql_report_checkstyle_begin(tql_reporter *r);
void tql_report_checkstyle_file(tql_reporter *r, const char *path, const tql_result *res);
void tql_report_checkstyle_end(tql_reporter *r);

#endif
