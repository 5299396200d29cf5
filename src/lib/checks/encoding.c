/* encoding.c - encoding damage: U+FFFD in the source. The reader and the
 * normalizer emit invalid UTF-8, invisible and control characters; their
 * rules are declared here so that the registry knows them. */
#include "../internal.h"

#include <string.h>

static const tql_rule_info rules[] = {
	{"encoding.invalid-utf8", "encoding", TQL_SEV_ERROR,
	 "bytes that are not valid UTF-8"},
	{"encoding.invisible", "encoding", TQL_SEV_WARNING,
	 "invisible characters (zero-width space, soft hyphen, bidi controls, stray BOM)"},
	{"encoding.control", "encoding", TQL_SEV_WARNING, "control characters inside text"},
	{"encoding.replacement-char", "encoding", TQL_SEV_ERROR,
	 "U+FFFD replacement characters: text was damaged by an earlier decoding"},
};

/* Flags each run of U+FFFD that stands in the source (not made by the reader). */
static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	const char *s = doc->text;
	size_t n = doc->len;
	for (size_t a = 0; a + 3 <= n; a++) {
		if (s[a] != '\xEF' || memcmp(s + a, "\xEF\xBF\xBD", 3) != 0)
			continue;
		size_t e = a + 3;
		while (e + 3 <= n && memcmp(s + e, "\xEF\xBF\xBD", 3) == 0)
			e += 3;
		size_t s0 = tql_doc_src_start(doc, a), s1 = tql_doc_src_end(doc, e);
		bool real = s1 - s0 == e - a && memcmp(doc->src + s0, s + a, e - a) == 0;
		if (real && !tql_emit(ctx, "encoding.replacement-char", a, e - a, NULL, false,
		                      "replacement character U+FFFD: a character was lost when the "
		                      "text was decoded with the wrong encoding"))
			return TQL_ENOMEM;
		a = e - 1;
	}
	return TQL_OK;
}

const tql_check_def tql_check_encoding = {
	"encoding", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
