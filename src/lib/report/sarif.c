/* sarif.c - SARIF 2.1.0 writer: one run, the engine's rule table as
 * tool.driver.rules, one result per finding with a code-point region and
 * byte offsets, content fingerprints, and fixes for fixable findings. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

/* SARIF result level for a severity. */
static const char *level(tql_severity sev)
{
	return sev == TQL_SEV_ERROR ? "error" : sev == TQL_SEV_WARNING ? "warning" : "note";
}

static void qstr(FILE *out, const char *s)
{
	fputc('"', out);
	tql_json_str(out, s, strlen(s));
	fputc('"', out);
}

/* Writes a path as a URI reference (RFC 3986), percent-encoding every byte
 * outside the unreserved set and '/'. Absolute paths become file: URIs;
 * relative ones are relative to %SRCROOT% (*relative set to true). */
static void write_uri(FILE *out, const char *path, bool *relative)
{
	static const char hex[] = "0123456789ABCDEF";
	*relative = path[0] != '/';
	while (path[0] == '.' && path[1] == '/')
		path += 2;
	fputc('"', out);
	if (!*relative)
		fputs("file://", out);
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		unsigned char c = *p;
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '.' || c == '_' || c == '~' || c == '/')
			fputc(c, out);
		else
			fprintf(out, "%%%c%c", hex[c >> 4], hex[c & 15]);
	}
	fputc('"', out);
}

static void artifact_location(FILE *out, const char *path)
{
	bool rel;
	fputs("{\"uri\": ", out);
	write_uri(out, path, &rel);
	if (rel)
		fputs(", \"uriBaseId\": \"%SRCROOT%\"", out);
	fputc('}', out);
}

void tql_report_sarif_begin(tql_reporter *r)
{
	FILE *out = r->out;
	fprintf(out,
	        "{\n  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
	        "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n"
	        "      \"tool\": {\"driver\": {\"name\": \"tqlint\", \"version\": \"%s\", "
	        "\"semanticVersion\": \"%s\", \"rules\": [",
	        TQL_VERSION, TQL_VERSION);
	const tql_engine *eng = r->opt.engine;
	size_t n = eng ? tql_engine_rule_count(eng) : 0;
	for (size_t i = 0; i < n; i++) {
		const tql_rule_info *ri = tql_engine_rule(eng, i);
		fputs(i ? ",\n        {\"id\": " : "\n        {\"id\": ", out);
		qstr(out, ri->id);
		fputs(", \"shortDescription\": {\"text\": ", out);
		qstr(out, ri->summary && *ri->summary ? ri->summary : ri->id);
		fprintf(out, "}, \"defaultConfiguration\": {\"level\": \"%s\"}, ", level(ri->severity));
		fputs("\"properties\": {\"tags\": [", out);
		qstr(out, ri->category);
		fputs("]}}", out);
	}
	fputs(n ? "\n      ]}},\n" : "]}},\n", out);
	fputs("      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [", out);
}

/* Index of a rule id in the engine's table, or -1. */
static long rule_index(const tql_engine *eng, const char *id)
{
	size_t n = eng ? tql_engine_rule_count(eng) : 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(tql_engine_rule(eng, i)->id, id) == 0)
			return (long)i;
	return -1;
}

typedef struct fp_slot {
	char fp[17];
	size_t idx;
	unsigned occurrence;
} fp_slot;

static int cmp_fp(const void *a, const void *b)
{
	const fp_slot *x = a, *y = b;
	int c = strcmp(x->fp, y->fp);
	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

static int cmp_idx(const void *a, const void *b)
{
	const fp_slot *x = a, *y = b;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Fingerprints of every finding of a document, with the occurrence number
 * among equal fingerprints (1, 2, ...) in document order. Caller frees;
 * NULL on out-of-memory (results are then written without fingerprints). */
static fp_slot *fingerprints(const char *src, size_t len, const tql_result *res)
{
	size_t n = tql_result_count(res);
	fp_slot *s = calloc(n ? n : 1, sizeof *s);
	if (!s)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		tql_finding_fingerprint(tql_result_get(res, i), src, len, s[i].fp);
		s[i].idx = i;
	}
	qsort(s, n, sizeof *s, cmp_fp);
	for (size_t i = 0; i < n; i++)
		s[i].occurrence = i && strcmp(s[i].fp, s[i - 1].fp) == 0 ? s[i - 1].occurrence + 1 : 1;
	qsort(s, n, sizeof *s, cmp_idx);
	return s;
}

static void result(tql_reporter *r, const char *path, const tql_finding *f, const fp_slot *fp)
{
	FILE *out = r->out;
	fputs(r->first_result ? "\n        {" : ",\n        {", out);
	r->first_result = false;
	fputs("\"ruleId\": ", out);
	qstr(out, f->rule);
	long ri = rule_index(r->opt.engine, f->rule);
	if (ri >= 0)
		fprintf(out, ", \"ruleIndex\": %ld", ri);
	fprintf(out, ", \"level\": \"%s\", \"message\": {\"text\": ", level(f->severity));
	qstr(out, f->message);
	fputs("},\n         \"locations\": [{\"physicalLocation\": {\"artifactLocation\": ", out);
	artifact_location(out, path);
	fputs(", \"region\": {", out);
	if (f->line)
		fprintf(out, "\"startLine\": %u, \"startColumn\": %u, \"endLine\": %u, \"endColumn\": %u, ",
		        f->line, f->column, f->end_line, f->end_column);
	fprintf(out, "\"byteOffset\": %zu, \"byteLength\": %zu, \"snippet\": {\"text\": \"", f->offset,
	        f->length);
	tql_json_str(out, f->text, f->length);
	fputs("\"}}}}]", out);
	if (fp)
		fprintf(out, ",\n         \"partialFingerprints\": {\"tqlintContext/v1\": \"%s:%u\"}", fp->fp,
		        fp->occurrence);
	if (f->fixable && f->n_suggestions > 0) {
		const char *s = f->suggestions[0];
		fputs(",\n         \"fixes\": [{\"description\": {\"text\": \"Replace with '", out);
		tql_json_str(out, s, strlen(s));
		fputs("'\"}, \"artifactChanges\": [{\"artifactLocation\": ", out);
		artifact_location(out, path);
		fprintf(out,
		        ", \"replacements\": [{\"deletedRegion\": {\"byteOffset\": %zu, \"byteLength\": %zu}, "
		        "\"insertedContent\": {\"text\": ",
		        f->offset, f->length);
		qstr(out, f->suggestions[0]);
		fputs("}}]}]}]", out);
	}
	fputs(",\n         \"properties\": {\"category\": ", out);
	qstr(out, f->category);
	fputs(", \"suggestions\": [", out);
	for (size_t i = 0; i < f->n_suggestions; i++) {
		if (i)
			fputs(", ", out);
		qstr(out, f->suggestions[i]);
	}
	fputs("]}}", out);
}

void tql_report_sarif_file(tql_reporter *r, const char *path, const char *src, size_t len,
                           const tql_result *res)
{
	fp_slot *fp = fingerprints(src, len, res);
	for (size_t i = 0; i < tql_result_count(res); i++)
		result(r, path, tql_result_get(res, i), fp ? &fp[i] : NULL);
	free(fp);
}

void tql_report_sarif_end(tql_reporter *r)
{
	fputs(r->first_result ? "]\n    }\n  ]\n}\n" : "\n      ]\n    }\n  ]\n}\n", r->out);
}
