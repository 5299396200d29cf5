/* libFuzzer target: the first byte picks the language and input format,
 * the rest is the document (as cmark's fuzz target does). Every input must
 * be checked without a crash, a leak or undefined behaviour, and every
 * finding must satisfy the span contract. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/tqlint.h"

static tql_engine *eng;
static tql_checker *chk;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = {"en", "de", "fr", "es", "it", "ru", "uk", "zh"};
	static const tql_format fmts[] = {TQL_FORMAT_TEXT, TQL_FORMAT_MARKDOWN, TQL_FORMAT_HTML,
	                                  TQL_FORMAT_TEXT};
	if (!eng) {
		tql_engine_options o = {getenv("TQLINT_DATADIR") ? NULL : "dictionaries", NULL};
		if (tql_engine_new(&o, &eng) != TQL_OK || tql_checker_new(eng, &chk) != TQL_OK)
			abort();
	}
	if (size < 1)
		return 0;
	tql_doc_options o = {langs[data[0] & 7], fmts[(data[0] >> 3) & 3], NULL};
	tql_result *res = NULL;
	const char *text = (const char *)data + 1;
	tql_status st = tql_check_buffer(chk, text, size - 1, &o, &res);
	if (st == TQL_OK) {
		for (size_t i = 0; i < tql_result_count(res); i++) {
			const tql_finding *f = tql_result_get(res, i);
			if (f->offset + f->length > size - 1 || memcmp(text + f->offset, f->text, f->length))
				abort();
		}
	} else if (st != TQL_EBINARY) {
		abort();
	}
	tql_result_free(res);
	return 0;
}
