/*
 * garbled_structure.c - garbled.doubled-that: a reported-speech clause
 * whose "that" was written twice, before and after a fronted adverbial:
 * "stated that before the negotiations that Kiev had received…".
 *
 * Machine translation from Russian/Ukrainian (заявил, что перед
 * переговорами…) keeps the conjunction and adds another after the moved
 * phrase. The shape is narrow on purpose: a reporting verb, "that", a
 * preposition opening a phrase of two to five words without punctuation,
 * and "that" again. Measured on 1.2 million words of clean English (Brown
 * corpus, all genres; Debian handbook; corpora/en/clean-*): no match;
 * wider shapes ("said that although it was obvious that") are legitimate
 * and were dropped. "; And" after a semicolon is left to the pattern rule
 * garbled.semicolon-capital-and in dictionaries/patterns/en.rules.
 */
#include "../internal.h"

#include <string.h>
#include <strings.h>

static const tql_rule_info rules[] = {
	{"garbled.doubled-that", "garbled", TQL_SEV_WARNING,
	 "'that' written twice around a fronted phrase in reported speech"},
};

static bool in_list(const char *const *list, size_t n, const char *w, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], w, len) == 0)
			return true;
	return false;
}

/* English reporting verbs that take a "that" clause. */
static bool reporting_verb(const char *w, size_t n)
{
	static const char *const v[] = {
		"said", "says", "say", "stated", "states", "state", "told", "tells", "added",
		"adds", "noted", "notes", "announced", "announces", "reported", "reports",
		"explained", "explains", "stressed", "stresses", "emphasized", "emphasised",
		"believes", "believed", "warned", "warns", "claimed", "claims", "argued", "argues",
		"insisted", "insists", "confirmed", "confirms", "declared", "declares", "thinks",
		"thought", "hopes", "hoped", "knows", "knew", "agreed", "agrees", "recalled",
		"recalls", "underlined", "underlines", "pointed", "assured", "assures",
	};
	return in_list(v, sizeof v / sizeof *v, w, n);
}

/* Prepositions that open a fronted adverbial phrase. */
static bool preposition(const char *w, size_t n)
{
	static const char *const p[] = {
		"before", "after", "during", "in", "at", "on", "for", "with", "from", "by", "about",
		"since", "until", "under", "over", "between", "among", "against", "amid", "despite",
		"without", "within", "through", "following", "ahead",
	};
	return in_list(p, sizeof p / sizeof *p, w, n);
}

static bool is_that(const tql_doc *doc, const tql_token *t)
{
	return t->len == 4 && strncasecmp(doc->text + t->off, "that", 4) == 0;
}

/* Index of the next word token after t in the same clause (only single
 * spaces between), or SIZE_MAX. */
static size_t next_word(const tql_doc *doc, size_t t)
{
	for (size_t k = t + 1; k < doc->ntok; k++) {
		const tql_token *tk = &doc->tok[k];
		if (tk->kind == TQL_TOK_SPACE)
			continue;
		if (tk->kind == TQL_TOK_WORD && tk->sent == doc->tok[t].sent)
			return k;
		return SIZE_MAX;
	}
	return SIZE_MAX;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	if (strcmp(doc->lang, "en") != 0)
		return TQL_OK;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *v = &doc->tok[t];
		if (v->kind != TQL_TOK_WORD || !reporting_verb(doc->text + v->off, v->len))
			continue;
		size_t a = next_word(doc, t);
		if (a == SIZE_MAX || !is_that(doc, &doc->tok[a]))
			continue;
		size_t p = next_word(doc, a);
		if (p == SIZE_MAX || !preposition(doc->text + doc->tok[p].off, doc->tok[p].len))
			continue;
		/* two to five words from the preposition, then "that" */
		size_t k = p, words = 1, second = SIZE_MAX;
		while (words <= 5) {
			size_t nx = next_word(doc, k);
			if (nx == SIZE_MAX)
				break;
			if (is_that(doc, &doc->tok[nx])) {
				if (words >= 2)
					second = nx;
				break;
			}
			k = nx;
			words++;
		}
		if (second == SIZE_MAX)
			continue;
		const tql_token *ta = &doc->tok[a], *tb = &doc->tok[second], *tp = &doc->tok[p];
		size_t off = ta->off, end = tb->off + tb->len;
		tql_buf fix = {0};
		bool ok = tql_buf_add(&fix, doc->text + tp->off, end - tp->off) &&
		          tql_emit(ctx, "garbled.doubled-that", off, end - off, fix.p, false,
		                   "'that' appears twice in one reported clause; keep the one after "
		                   "the fronted phrase ('%s')", fix.p);
		tql_buf_free(&fix);
		if (!ok)
			return TQL_ENOMEM;
		t = second;
	}
	return TQL_OK;
}

const tql_check_def tql_check_garbled_structure = {
	"garbled-structure", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
