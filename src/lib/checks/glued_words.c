/* glued_words.c - garbled.glued-words: "Paul KirbyDigital editor". */
#include "../internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

static const tql_rule_info rules[] = {
	{"garbled.glued-words", "garbled", TQL_SEV_WARNING,
	 "two words glued together without a space (a lower-case letter followed by a capital)"},
};

/* Shared: real CamelCase names and brands (dictionaries/words/camelcase.txt). */
typedef struct glued_shared {
	tql_strmap allow;  /* exact forms that are real names and brands */
	tql_strmap byline; /* words that start a byline title ("Digital") */
	tql_strmap given;  /* given names (names/given-names.txt) */
} glued_shared;

/* Loads a word list (one entry per line, # comments) into m; a missing
 * file is fine (the list is optional). */
static tql_status load_list(tql_engine *eng, const char *rel, tql_strmap *m)
{
	char *path = tql_data_path(eng, rel);
	char *data = NULL;
	size_t len = 0;
	tql_status st = path ? tql_read_file(path, &data, &len) : TQL_ENOMEM;
	free(path);
	if (st == TQL_EIO)
		return TQL_OK;
	if (st != TQL_OK)
		return st;
	char *p = data, *end = data + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t k = l;
		while (k && (p[k - 1] == '\r' || p[k - 1] == ' '))
			k--;
		if (k && p[0] != '#' && !tql_strmap_put(m, p, k, 1)) {
			free(data);
			return TQL_ENOMEM;
		}
		p += l + 1;
	}
	free(data);
	return TQL_OK;
}

static tql_status load(tql_engine *eng, void **out)
{
	glued_shared *g = calloc(1, sizeof *g);
	if (!g)
		return TQL_ENOMEM;
	*out = g;
	tql_status st = load_list(eng, "words/camelcase.txt", &g->allow);
	if (st == TQL_OK)
		st = load_list(eng, "words/byline.txt", &g->byline);
	if (st == TQL_OK)
		st = load_list(eng, "names/given-names.txt", &g->given);
	return st;
}

static void unload(void *shared)
{
	glued_shared *g = shared;
	tql_strmap_free(&g->allow);
	tql_strmap_free(&g->byline);
	tql_strmap_free(&g->given);
	free(g);
}

/* Name particles that legitimately precede a capital: McDonald, DeSantis. */
static bool particle(const char *s, size_t n)
{
	static const char *const p[] = {"Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van",
	                                "Von", "Al", "El", "Fitz", "Ben", "Abu", "Bin", "St", "O"};
	for (size_t i = 0; i < sizeof p / sizeof *p; i++)
		if (strlen(p[i]) == n && memcmp(p[i], s, n) == 0)
			return true;
	return false;
}

/*
 * Finds the single lower->upper join in a word of the shape Xxxx Yyyy or
 * xxx Yyyy (letters only). Returns the byte offset of the join or 0.
 */
static size_t find_join(const char *s, size_t n)
{
	size_t i = 0, join = 0;
	int part_letters = 0, parts = 1;
	bool prev_lower = false;
	while (i < n) {
		size_t at = i;
		int32_t c = tql_u8_next(s, n, &i);
		if (c < 0 || !u_isalpha(c))
			return 0;
		bool up = u_isupper(c) || u_istitle(c);
		if (up && at > 0) {
			if (!prev_lower || parts > 1)
				return 0; /* ABc, or a third part */
			if (part_letters < 2)
				return 0;
			join = at;
			parts++;
			part_letters = 0;
		}
		prev_lower = u_islower(c);
		part_letters++;
	}
	return parts == 2 && part_letters >= 3 ? join : 0;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const glued_shared *g = shared;
	tql_doc *doc = ctx->doc;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || !(tk->flags & TQL_TF_INNER_UPPER) ||
		    (tk->flags & TQL_TF_ALL_UPPER))
			continue;
		const char *w = doc->text + tk->off;
		size_t n = tk->len;
		size_t j = find_join(w, n);
		if (!j)
			continue;
		if (g && tql_strmap_get(&g->allow, w, n, NULL))
			continue;
		if (particle(w, j))
			continue;
		int whole = tql_spell(ctx->chk, ctx->lang, w, n);
		if (whole != 0) /* known word, or no dictionary to decide */
			continue;
		if (tql_spell(ctx->chk, ctx->lang, w, j) != 1 ||
		    tql_spell(ctx->chk, ctx->lang, w + j, n - j) != 1)
			continue;
		/* Brands join two capitalised words too (AppleTalk, DocBook); a
		 * garble shows itself by a lower-case first half ("talksThe"), a
		 * byline title as second half ("KirbyDigital") or a given name
		 * glued to what follows ("PaulKirby" is left alone: both names). */
		bool lower_first = !(tk->flags & TQL_TF_UPPER_INITIAL);
		bool title_second = tql_strmap_get(&g->byline, w + j, n - j, NULL);
		bool given_first = tql_strmap_get(&g->given, w, j, NULL) &&
		                   !tql_strmap_get(&g->given, w + j, n - j, NULL);
		if (!lower_first && !title_second && !given_first)
			continue;
		char sugg[256];
		if (n + 2 > sizeof sugg)
			continue;
		memcpy(sugg, w, j);
		sugg[j] = ' ';
		memcpy(sugg + j + 1, w + j, n - j);
		sugg[n + 1] = '\0';
		if (!tql_emit(ctx, "garbled.glued-words", tk->off, n, sugg, false,
		              "'%.*s' looks like two words glued together ('%s')", (int)n, w, sugg))
			return TQL_ENOMEM;
	}
	return TQL_OK;
}

const tql_check_def tql_check_glued_words = {
	"glued-words", rules, sizeof rules / sizeof *rules, load, unload, run,
};
