/* checkstyle.c - Checkstyle XML (the format reviewdog, Jenkins warnings-ng
 * and many CI tools read): one <file> per document, one <error> per
 * finding, source="tqlint.<rule>". */
#include "report.h"

#include <string.h>

/* Writes s[0..n) as an XML attribute value: markup characters as entities,
 * tab/CR/LF as character references (attribute normalisation would turn
 * them into spaces), and what XML 1.0 cannot hold at all (other C0
 * controls, U+FFFE/U+FFFF, invalid UTF-8) as U+FFFD. */
static void attr(FILE *out, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			switch (c) {
			case '&': fputs("&amp;", out); break;
			case '<': fputs("&lt;", out); break;
			case '>': fputs("&gt;", out); break;
			case '"': fputs("&quot;", out); break;
			case '\'': fputs("&apos;", out); break;
			case '\t': fputs("&#9;", out); break;
			case '\n': fputs("&#10;", out); break;
			case '\r': fputs("&#13;", out); break;
			default:
				if (c < 0x20)
					fputs("\xEF\xBF\xBD", out);
				else
					fputc(c, out);
			}
			i++;
			continue;
		}
		size_t k = i;
		int32_t cp = tql_u8_next(s, n, &k);
		if (cp < 0 || cp == 0xFFFE || cp == 0xFFFF)
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(s + i, 1, k - i, out);
		i = k;
	}
}

static void attr_str(FILE *out, const char *s)
{
	attr(out, s, strlen(s));
}

void tql_report_checkstyle_begin(tql_reporter *r)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", r->out);
}

void tql_report_checkstyle_file(tql_reporter *r, const char *path, const tql_result *res)
{
	FILE *out = r->out;
	fputs("  <file name=\"", out);
	attr_str(out, path);
	fputs("\">\n", out);
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		fprintf(out, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"", f->line,
		        f->column, tql_severity_name(f->severity));
		attr_str(out, f->message);
		fputs("\" source=\"tqlint.", out);
		attr_str(out, f->rule);
		fputs("\"/>\n", out);
	}
	fputs("  </file>\n", out);
}

void tql_report_checkstyle_end(tql_reporter *r)
{
	fputs("</checkstyle>\n", r->out);
}
