/* github.c - GitHub Actions workflow commands, one annotation per finding:
 *   ::error file=F,line=L,col=C,endLine=L,endColumn=C,title=RULE::MESSAGE
 * Escaping as the runner expects (and as @actions/core writes it): in the
 * message '%', CR and LF become %25, %0D, %0A; in property values ':' and
 * ',' also become %3A and %2C. */
#include "report.h"

#include <string.h>

/* Writes s escaped as command data, or as a property value when prop. */
static void esc(FILE *out, const char *s, bool prop)
{
	for (; *s; s++) {
		if (*s == '%')
			fputs("%25", out);
		else if (*s == '\r')
			fputs("%0D", out);
		else if (*s == '\n')
			fputs("%0A", out);
		else if (prop && *s == ':')
			fputs("%3A", out);
		else if (prop && *s == ',')
			fputs("%2C", out);
		else
			fputc(*s, out);
	}
}

void tql_report_github_file(tql_reporter *r, const char *path, const tql_result *res)
{
	FILE *out = r->out;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		const char *cmd = f->severity == TQL_SEV_ERROR     ? "error"
		                  : f->severity == TQL_SEV_WARNING ? "warning"
		                                                   : "notice";
		fprintf(out, "::%s file=", cmd);
		esc(out, path, true);
		if (f->line) {
			fprintf(out, ",line=%u", f->line);
			/* columns only on one line: GitHub rejects them across lines */
			if (f->end_line == f->line)
				fprintf(out, ",col=%u", f->column);
			fprintf(out, ",endLine=%u", f->end_line);
			if (f->end_line == f->line)
				fprintf(out, ",endColumn=%u", f->end_column);
		}
		fputs(",title=", out);
		esc(out, f->rule, true);
		fputs("::", out);
		esc(out, f->message, false);
		fputc('\n', out);
	}
}
