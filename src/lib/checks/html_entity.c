/* html_entity.c - encoding.html-entity: an HTML character reference
 * ("&quot;", "&nbsp;", "&#39;") standing in the analysed text. Plain text and
 * JSON Lines carry no markup, so a reference there is a CMS or export step
 * that escaped the text and nobody decoded it; the Markdown and HTML readers
 * decode references, so one that survives them was escaped twice
 * ("&amp;quot;"). A chain of escapes is one finding whose fix is the
 * character at its end. Numeric references need their closing ";" and two
 * digits, named ones a name the decoder knows: "AT&T" and "R&D" stay
 * silent. */
#include "../internal.h"

#include <string.h>

static const tql_rule_info rules[] = {
	{"encoding.html-entity", "encoding", TQL_SEV_WARNING,
	 "an HTML character reference (&quot; &nbsp; &#39;) left in the text"},
};

/* Length of the reference at s[0..n) with its ";" and two digits at least
 * when numeric, else 0; out gets its character. */
static size_t reference(const char *s, size_t n, char out[8], size_t *olen)
{
	size_t used = tql_entity_decode(s, n, out, olen);
	if (!used || s[used - 1] != ';')
		return 0;
	if (s[1] == '#') {
		size_t digits = used - 3 - (s[2] == 'x' || s[2] == 'X');
		if (digits < 2)
			return 0;
	}
	return used;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	const tql_doc *doc = ctx->doc;
	const char *s = doc->text;
	size_t n = doc->len;
	for (size_t a = 0; a < n; a++) {
		if (s[a] != '&')
			continue;
		char out[8];
		size_t olen = 0, used = reference(s + a, n - a, out, &olen);
		if (!used)
			continue;
		/* "&amp;quot;": the escaped "&" opens another reference */
		size_t e = a + used;
		char tmp[16];
		while (olen == 1 && out[0] == '&' && e < n && e - a < 64) {
			tmp[0] = '&';
			size_t k = 0, rest = n - e < sizeof tmp - 1 ? n - e : sizeof tmp - 1;
			memcpy(tmp + 1, s + e, rest);
			k = reference(tmp, rest + 1, out, &olen);
			if (!k)
				break;
			e += k - 1;
		}
		/* (a no-break space is fixed as one; the rest as their character) */
		char fix[8];
		memcpy(fix, out, olen);
		fix[olen] = '\0';
		if (!tql_emit(ctx, "encoding.html-entity", a, e - a, fix, true,
		              "HTML character reference '%.*s' left in the text: it stands for '%s'",
		              (int)(e - a), s + a, fix))
			return TQL_ENOMEM;
		a = e - 1;
	}
	return TQL_OK;
}

const tql_check_def tql_check_html_entity = {
	"html_entity", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
