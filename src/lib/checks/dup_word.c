/* dup_word.c - duplicate.word: "Coalition Coalition", "the the". */
#include "../internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

static const tql_rule_info rules[] = {
	{"duplicate.word", "duplicate", TQL_SEV_WARNING, "the same word twice in a row"},
};

/* Shared: legitimate repetitions, keyed "lang:folded phrase". */
typedef struct dup_shared {
	tql_strmap legit;
} dup_shared;

/* Loads dictionaries/repetition/<lang>.txt for every file present. */
static tql_status load(tql_engine *eng, void **out)
{
	dup_shared *d = calloc(1, sizeof *d);
	if (!d)
		return TQL_ENOMEM;
	*out = d;
	return tql_load_repetitions(eng, &d->legit);
}

static void unload(void *shared)
{
	dup_shared *d = shared;
	tql_strmap_free(&d->legit);
	free(d);
}

/* Compares two words case-insensitively, letter by letter: accents count
 * ("a à", "dass daß", "86-й и" are two words, not one twice). */
static bool same_word(const char *x, size_t xn, const char *y, size_t yn)
{
	if (xn == yn && memcmp(x, y, xn) == 0)
		return true;
	size_t i = 0, j = 0;
	while (i < xn && j < yn) {
		int32_t a = tql_u8_next(x, xn, &i), b = tql_u8_next(y, yn, &j);
		if (a < 0 || b < 0 ||
		    u_foldCase(a, U_FOLD_CASE_DEFAULT) != u_foldCase(b, U_FOLD_CASE_DEFAULT))
			return false;
	}
	return i == xn && j == yn;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const dup_shared *d = shared;
	tql_doc *doc = ctx->doc;
	tql_buf key = {0};
	tql_status st = TQL_OK;
	size_t prev = SIZE_MAX;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind == TQL_TOK_SPACE || tk->kind == TQL_TOK_NEWLINE)
			continue;
		if (tk->kind != TQL_TOK_WORD) {
			prev = SIZE_MAX;
			continue;
		}
		if (prev != SIZE_MAX) {
			const tql_token *pk = &doc->tok[prev];
			const char *x = doc->text + pk->off, *y = doc->text + tk->off;
			/* "perl Perl", "in IN": a change of case shape marks another use */
			bool shape_ok = (pk->flags & TQL_TF_ALL_UPPER) == (tk->flags & TQL_TF_ALL_UPPER) &&
			                !(!(pk->flags & TQL_TF_UPPER_INITIAL) &&
			                  (tk->flags & TQL_TF_UPPER_INITIAL));
			/* "Serie A a venti squadre", "Plan B b": a capital letter
			 * naming a series or an option, then the preposition */
			if (shape_ok && tql_u8_count(x, pk->len) == 1 &&
			    (pk->flags & TQL_TF_UPPER_INITIAL) && !(tk->flags & TQL_TF_UPPER_INITIAL) &&
			    !(pk->flags & TQL_TF_SENT_START))
				shape_ok = false;
			if (shape_ok && same_word(x, pk->len, y, tk->len)) {
				key.n = 0;
				bool ok = tql_buf_printf(&key, "%s:", doc->lang) &&
				          tql_fold(x, tk->off + tk->len - pk->off, &key);
				if (!ok) {
					st = TQL_ENOMEM;
					break;
				}
				if (!tql_strmap_get(&d->legit, key.p, key.n, NULL)) {
					char *one = tql_strndup(x, pk->len);
					bool e = one && tql_emit(ctx, "duplicate.word", pk->off,
					                         tk->off + tk->len - pk->off, one, true,
					                         "the word '%s' is repeated", one);
					free(one);
					if (!e) {
						st = TQL_ENOMEM;
						break;
					}
					prev = SIZE_MAX; /* "the the the" is one finding per pair */
					continue;
				}
			}
		}
		prev = t;
	}
	tql_buf_free(&key);
	return st;
}

const tql_check_def tql_check_dup_word = {
	"dup-word", rules, sizeof rules / sizeof *rules, load, unload, run,
};
