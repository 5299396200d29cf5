/* glued_words.c - garbled.glued-words: "Paul KirbyDigital editor". */
#include "../internal.h"
#include "../places.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

static const tql_rule_info rules[] = {
	{"garbled.glued-words", "garbled", TQL_SEV_WARNING,
	 "two words glued together without a space ('KirbyDigital', 'inKyiv', 'Gipfelam')"},
};

/* Shared: real CamelCase names and brands (dictionaries/words/camelcase.txt). */
typedef struct glued_shared {
	tql_strmap allow;  /* exact forms that are real names and brands */
	tql_strmap byline; /* words that start a byline title ("Digital") */
	tql_strmap given;  /* given names (names/given-names.txt) */
	tql_strmap agency; /* folded news agency names (words/agencies.txt) */
} glued_shared;

/* Loads a word list (one entry per line, # comments) into m, folded when
 * fold is set; a missing file is fine (the list is optional). */
static tql_status load_list(tql_engine *eng, const char *rel, tql_strmap *m, bool fold)
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
		tql_buf f = {0};
		bool ok = !k || p[0] == '#' ||
		          (fold ? tql_fold(p, k, &f) && tql_strmap_put(m, f.p, f.n, 1)
		                : tql_strmap_put(m, p, k, 1));
		tql_buf_free(&f);
		if (!ok) {
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
	tql_status st = load_list(eng, "words/camelcase.txt", &g->allow, false);
	if (st == TQL_OK)
		st = load_list(eng, "words/byline.txt", &g->byline, false);
	if (st == TQL_OK)
		st = load_list(eng, "names/given-names.txt", &g->given, false);
	if (st == TQL_OK)
		st = load_list(eng, "words/agencies.txt", &g->agency, true);
	return st;
}

static void unload(void *shared)
{
	glued_shared *g = shared;
	tql_strmap_free(&g->allow);
	tql_strmap_free(&g->byline);
	tql_strmap_free(&g->given);
	tql_strmap_free(&g->agency);
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

/* Decodes the letter at s[*i] (advancing *i) and tells whether it is a
 * capital; -1 for what is not a letter. */
static int32_t next_letter(const char *s, size_t n, size_t *i, bool *up)
{
	int32_t c = tql_u8_next(s, n, i);
	if (c < 0 || !u_isalpha(c))
		return -1;
	*up = u_isupper(c) || u_istitle(c);
	return c;
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
		bool up;
		int32_t c = next_letter(s, n, &i, &up);
		if (c < 0)
			return 0;
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
	/* (a second part of two letters only as a byline's "By": the caller
	 * checks) */
	return parts == 2 && part_letters >= 2 ? join : 0;
}

/* A dateline in capitals glued to the word before it ("EngagementTOKYO"):
 * returns the join (the first capital after small letters, five or more
 * letters before it, four or more capitals after) or 0. Letters only. */
static size_t caps_join(const char *s, size_t n)
{
	size_t i = 0, join = 0;
	int head = 0, tail = 0;
	bool prev_lower = false;
	while (i < n) {
		size_t at = i;
		bool up;
		int32_t c = next_letter(s, n, &i, &up);
		if (c < 0)
			return 0;
		if (join) {
			if (!up)
				return 0;
			tail++;
		} else if (up && prev_lower) {
			join = at;
			tail = 1;
		} else {
			if (up && at > 0)
				return 0;
			head++;
		}
		prev_lower = u_islower(c);
	}
	return join && head >= 5 && tail >= 4 ? join : 0;
}

/* Is s[0..n) a listed news agency (folded)? */
static bool agency(const glued_shared *g, const char *s, size_t n, tql_buf *tmp)
{
	tmp->n = 0;
	return tql_fold(s, n, tmp) && tmp->n && tql_strmap_get(&g->agency, tmp->p, tmp->n, NULL);
}

enum { MAX_AGENCY = 32 }; /* bytes: longer than any agency name */

/* A credit glued to the next word: "AFPTrump", "ReutersLast", "RIANovosti",
 * "ReutersЛавров". Returns the join (a capital followed by a small letter
 * after a listed agency name) or 0. */
static size_t agency_join(const glued_shared *g, const char *w, size_t n, tql_buf *tmp)
{
	size_t i = 0;
	tql_u8_next(w, n, &i);
	while (i < n && i <= MAX_AGENCY) { /* (no quadratic work on "AbCdAbCd...") */
		size_t at = i;
		int32_t c = tql_u8_next(w, n, &i);
		if (c < 0 || !u_isalpha(c))
			return 0;
		if (!(u_isupper(c) || u_istitle(c)) || i >= n)
			continue;
		size_t k = i;
		int32_t d = tql_u8_next(w, n, &k);
		if (u_islower(d) && tql_u8_count(w + at, n - at) >= 3 && agency(g, w, at, tmp))
			return at;
	}
	return 0;
}

/* Prepositions, articles and conjunctions that MT output and scrapers
 * glue to the word after them ("inKyiv", "àGoma", "вПалату") or before
 * them ("Gipfelam"). Closed classes, so a table. */
static const char *const function_words[] = {
	"en:in", "en:at", "en:on", "en:to", "en:of", "en:for", "en:from", "en:the", "en:and",
	"en:with", "en:by",
	"de:in", "de:im", "de:am", "de:an", "de:auf", "de:aus", "de:bei", "de:mit", "de:nach",
	"de:von", "de:vom", "de:zu", "de:zum", "de:zur", "de:für", "de:und", "de:der", "de:die",
	"de:das", "de:den", "de:dem", "de:des",
	"fr:à", "fr:au", "fr:aux", "fr:de", "fr:du", "fr:des", "fr:en", "fr:et", "fr:la", "fr:le",
	"fr:les", "fr:pour", "fr:sur", "fr:dans", "fr:par", "fr:avec",
	"es:a", "es:al", "es:de", "es:del", "es:el", "es:la", "es:las", "es:los", "es:en", "es:y",
	"es:con", "es:por", "es:para", "es:su", "es:sus",
	"it:a", "it:e", "it:di", "it:da", "it:in", "it:il", "it:la", "it:le", "it:lo", "it:gli",
	"it:dei", "it:del", "it:della", "it:delle", "it:al", "it:alla", "it:nel", "it:nella",
	"it:per", "it:con", "it:su", "it:sul",
	"ru:в", "ru:во", "ru:с", "ru:со", "ru:к", "ru:у", "ru:о", "ru:об", "ru:и", "ru:на",
	"ru:из", "ru:по", "ru:от", "ru:до", "ru:для", "ru:за", "ru:при",
	"uk:в", "uk:у", "uk:з", "uk:із", "uk:зі", "uk:і", "uk:й", "uk:та", "uk:на", "uk:до",
	"uk:від", "uk:для", "uk:за", "uk:по", "uk:при", "uk:про",
};

/* Without a capital to mark the join, only function words that are no
 * prefix or ending of the language's own words: not German separable
 * prefixes (mitzählt), Spanish and Italian enclitics (apagarlo), English
 * -in (comin') and of- (offence), Russian prepositions that are verb
 * prefixes (сгенерированный). Measured on Brown, the Debian handbook and
 * the UDHR. */
static const char *const glue_heads[] = {
	"en:the", "en:to", "en:and",
	"de:und", "de:der", "de:die", "de:das", "de:dem", "de:des", "de:im", "de:am", "de:zum",
	"de:zur", "de:vom",
	"fr:la", "fr:le", "fr:les", "fr:des", "fr:du", "fr:aux",
	"es:el", "es:la", "es:las", "es:los", "es:del", "es:su", "es:sus",
	"it:il", "it:la", "it:gli", "it:dei", "it:del", "it:della", "it:delle", "it:nella",
	"it:sul",
	"ru:для", "uk:для",
};
static const char *const glue_tails[] = {
	"en:the", "en:and", "en:of",
	"de:und", "de:der", "de:die", "de:das", "de:dem", "de:des", "de:am", "de:im", "de:zum",
	"de:zur",
	"fr:de", "fr:du", "fr:des", "fr:et", "fr:à", "fr:la", "fr:le", "fr:les", "fr:pour",
	"fr:sur", "fr:dans",
	"es:de", "es:del", "es:el", "es:para",
	"it:di", "it:del", "it:dei", "it:della", "it:il", "it:per",
	"ru:на", "ru:из", "ru:для", "ru:при", "ru:по", "uk:на", "uk:для", "uk:від", "uk:при",
	"uk:про", "uk:по",
};

/* A function word glued to a capitalised word of three letters or more,
 * small letters after its capital ("inKyiv", "àGoma", "уІсламабаді"):
 * returns the join or 0. */
static size_t letter_join(const char *lang, const char *w, size_t n)
{
	size_t i = 0, j = 0;
	while (i < n) {
		size_t at = i;
		int32_t c = tql_u8_next(w, n, &i);
		if (c < 0 || !u_isalpha(c))
			return 0;
		if (u_isupper(c)) {
			j = at;
			break;
		}
		if (!u_islower(c) || i > 12)
			return 0;
	}
	if (!j || !TQL_LANG_LISTED(function_words, lang, w, j))
		return 0;
	size_t k = j;
	tql_u8_next(w, n, &k);
	int letters = 1;
	while (k < n) {
		int32_t c = tql_u8_next(w, n, &k);
		if (c < 0 || !u_islower(c))
			return 0;
		letters++;
	}
	return letters >= 3 ? j : 0;
}

/* One way to cut a word in two, offered to a test: the cut's byte offset
 * `at`, the letters before and after it, and the first letter after it. */
typedef struct cut {
	size_t at, head, tail;
	int32_t c;
} cut;

/* The one cut of w[0..n) that `fits` accepts, or 0 when none or more than
 * one does (two readings: leave it) or a letter fails `letter`. fits
 * returns -1 to stop with 0 (out of memory). */
static size_t one_cut(const char *w, size_t n, bool (*letter)(int32_t c),
                      int (*fits)(void *ud, const cut *k), void *ud)
{
	size_t cps = tql_u8_count(w, n), found = 0;
	int nfound = 0;
	for (size_t i = 0; i < n && nfound < 2;) {
		size_t at = i;
		int32_t c = tql_u8_next(w, n, &i);
		if (c < 0 || !letter(c))
			return 0;
		if (!at)
			continue;
		cut k = {at, tql_u8_count(w, at), 0, c};
		k.tail = cps - k.head;
		int r = fits(ud, &k);
		if (r < 0)
			return 0;
		if (r) {
			found = at;
			nfound++;
		}
	}
	return nfound == 1 ? found : 0;
}

static bool any_letter(int32_t c)
{
	return u_isalpha(c);
}

static bool latin_letter(int32_t c)
{
	UErrorCode err = U_ZERO_ERROR;
	return u_isalpha(c) && uscript_getScript(c, &err) == USCRIPT_LATIN;
}

static bool small_letter(int32_t c)
{
	return u_islower(c);
}

/* What a cut test needs of the word. */
typedef struct cut_ud {
	tql_ctx *ctx;
	const char *w;
	size_t n;
	tql_buf *tmp;
} cut_ud;

/* (one_cut's test for function_glue) */
static int function_fits(void *ud, const cut *k)
{
	const cut_ud *u = ud;
	const char *lang = u->ctx->doc->lang, *w = u->w;
	size_t n = u->n, at = k->at;
	bool head_fw = k->tail >= 4 && TQL_LANG_LISTED(glue_heads, lang, w, at);
	bool tail_fw = k->head >= 4 && TQL_LANG_LISTED(glue_tails, lang, w + at, n - at);
	if ((!head_fw && !tail_fw) || !u_islower(k->c))
		return 0;
	return tql_spell(u->ctx->chk, u->ctx->lang, head_fw ? w + at : w, head_fw ? n - at : at) == 1;
}

/* A word unknown to the dictionary that is a known word of four letters
 * or more and a listed function word glued ("Gipfelam", "deiprodotti";
 * "tothe" is too short a pair to tell): returns the join or 0. Letters
 * only. */
static size_t function_glue(tql_ctx *ctx, const char *w, size_t n)
{
	size_t cps = tql_u8_count(w, n);
	if (cps < 5 || cps > 40)
		return 0;
	cut_ud u = {ctx, w, n, NULL};
	return one_cut(w, n, any_letter, function_fits, &u);
}

/* Endings that make place names of place names ("Newcastleton" is no
 * glue of Newcastle): tails left alone after a city's name. */
static const char *const place_tails[] = {
	"town", "ville", "land", "field", "port", "burg", "berg", "stadt", "dorf", "heim",
	"hausen", "stein", "ford", "wood", "side", "ston", "borough", "shire", "haven",
};

/* (one_cut's test for place_glue) */
static int place_fits(void *ud, const cut *k)
{
	const cut_ud *u = ud;
	const char *w = u->w;
	size_t n = u->n, at = k->at;
	if (k->head < 6 || k->tail < 5 || !u_islower(k->c) ||
	    tql_spell(u->ctx->chk, u->ctx->lang, w + at, n - at) != 1 ||
	    tql_folded_listed(place_tails, sizeof place_tails / sizeof *place_tails, w + at, n - at,
	                      u->tmp))
		return 0;
	u->tmp->n = 0;
	if (!tql_fold(w, at, u->tmp))
		return -1;
	return tql_places_known(u->ctx->eng->places, u->tmp->p, u->tmp->n);
}

/* A capitalised word unknown to the dictionary that is a GeoNames city's
 * name of six letters or more glued to a small-letter word of five or more
 * the language knows, one way only ("Ouarzazatebetroffen",
 * "Ouagadougoudepuis"): returns the join or 0. Latin script. Shorter parts
 * make surnames and given names ("Rathbone", "Lavallade", "Boluarte",
 * "Maribel" on Brown and the clean texts), so "Bolognaha" stays silent. */
static size_t place_glue(tql_ctx *ctx, const char *w, size_t n, tql_buf *tmp)
{
	size_t cps = tql_u8_count(w, n);
	if (!ctx->eng->places || cps < 11 || cps > 40)
		return 0;
	cut_ud u = {ctx, w, n, tmp};
	return one_cut(w, n, latin_letter, place_fits, &u);
}

/* Is the code point at w[i] a Cyrillic letter? */
static bool cyrillic_at(const char *w, size_t n, size_t i)
{
	int32_t c = tql_u8_next(w, n, &i);
	UErrorCode err = U_ZERO_ERROR;
	return c >= 0 && uscript_getScript(c, &err) == USCRIPT_CYRILLIC;
}

/* Does w[0..n) end in a case ending of an adjective or a noun ("лидерами",
 * "повітряні", "польские")? The first part of a compound ends in a linking
 * vowel or a prefix instead ("южно-", "видео-", "пере-", "двух-"). */
static bool inflected_end(const char *lang, const char *w, size_t n)
{
	static const char *const ends[] = {
		"ru:ами", "ru:ями", "ru:ом", "ru:ем", "ru:ой", "ru:ей", "ru:ые", "ru:ие", "ru:ых",
		"ru:их", "ru:ая", "ru:яя", "ru:ого", "ru:его", "ru:ому", "ru:ему", "ru:ую",
		"uk:ами", "uk:ями", "uk:ом", "uk:ем", "uk:ою", "uk:ею", "uk:ні", "uk:ві", "uk:ий",
		"uk:ій", "uk:их", "uk:іх", "uk:ого", "uk:ому", "uk:ої",
	};
	/* (the endings are two or three Cyrillic letters of two bytes) */
	return (n > 4 && TQL_LANG_LISTED(ends, lang, w + n - 4, 4)) ||
	       (n > 6 && TQL_LANG_LISTED(ends, lang, w + n - 6, 6));
}

/* (one_cut's test for cyrillic_two_words) */
static int cyrillic_fits(void *ud, const cut *k)
{
	const cut_ud *u = ud;
	tql_ctx *ctx = u->ctx;
	const char *w = u->w;
	size_t at = k->at;
	return k->head >= 6 && k->tail >= 4 && inflected_end(ctx->doc->lang, w, at) &&
	       tql_spell(ctx->chk, ctx->lang, w, at) == 1 &&
	       tql_spell(ctx->chk, ctx->lang, w + at, u->n - at) == 1;
}

/* A small-letter Cyrillic word unknown to the dictionary that is two known
 * words glued, the first of six letters or more with a case ending, the
 * second of four or more, one way only ("повітрянікулі", "лидерамиблока"):
 * returns the join or 0. Russian and Ukrainian compounds join a stem with
 * a linking vowel or a prefix ("водопостачання", "перекомпилировать"), and
 * the dictionaries know their common compounds. */
static size_t cyrillic_two_words(tql_ctx *ctx, const char *w, size_t n)
{
	size_t cps = tql_u8_count(w, n);
	if (cps < 9 || cps > 40 || !cyrillic_at(w, n, 0))
		return 0;
	cut_ud u = {ctx, w, n, NULL};
	return one_cut(w, n, small_letter, cyrillic_fits, &u);
}

/* Is the word in capitals w[0..n) known written with a capital and small
 * letters ("TOKYO": Tokyo)? tmp is scratch. */
static bool titled_word(tql_ctx *ctx, const char *w, size_t n, tql_buf *tmp)
{
	tmp->n = 0;
	size_t i = 0;
	bool first = true;
	while (i < n) {
		int32_t c = tql_u8_next(w, n, &i);
		if (c < 0)
			return false;
		uint8_t u[4];
		int32_t k = 0;
		UBool err = false;
		U8_APPEND(u, k, 4, first ? c : u_tolower(c), err);
		if (err || !tql_buf_add(tmp, u, (size_t)k))
			return false;
		first = false;
	}
	return tql_spell(ctx->chk, ctx->lang, tmp->p, tmp->n) == 1;
}

/* Emits garbled.glued-words for w split at j. */
static bool emit_glued(tql_ctx *ctx, size_t off, const char *w, size_t n, size_t j)
{
	char sugg[256];
	if (n + 2 > sizeof sugg)
		return true;
	memcpy(sugg, w, j);
	sugg[j] = ' ';
	memcpy(sugg + j + 1, w + j, n - j);
	sugg[n + 1] = '\0';
	return tql_emit(ctx, "garbled.glued-words", off, n, sugg, false,
	                "'%.*s' looks like two words glued together ('%s')", (int)n, w, sugg);
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const glued_shared *g = shared;
	tql_doc *doc = ctx->doc;
	tql_buf tmp = {0};
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || (tk->flags & TQL_TF_ALL_UPPER))
			continue;
		const char *w = doc->text + tk->off;
		size_t n = tk->len;
		if (g && tql_strmap_get(&g->allow, w, n, NULL))
			continue;
		/* a credit or a one-letter word glued on */
		size_t aj = 0;
		if (g && (tk->flags & TQL_TF_UPPER_INITIAL) && n > 3)
			aj = agency_join(g, w, n, &tmp);
		if (!aj && !(tk->flags & TQL_TF_UPPER_INITIAL))
			aj = letter_join(doc->lang, w, n);
		if (aj && tql_spell(ctx->chk, ctx->lang, w, n) != 1) {
			if (!emit_glued(ctx, tk->off, w, n, aj))
				goto oom;
			continue;
		}
		if (!(tk->flags & TQL_TF_INNER_UPPER)) {
			size_t fj = 0;
			/* small letters only (a capitalised unknown word is a name:
			 * Adamson, Digby), but German capitalises its nouns
			 * ("Gipfelam") */
			bool shape = !(tk->flags & (TQL_TF_HAS_DIGIT | TQL_TF_ALL_UPPER)) &&
			             (!(tk->flags & TQL_TF_UPPER_INITIAL) ||
			              strcmp(doc->lang, "de") == 0);
			if (shape && tql_spell(ctx->chk, ctx->lang, w, n) == 0) {
				fj = function_glue(ctx, w, n);
				if (!fj && !(tk->flags & TQL_TF_UPPER_INITIAL) &&
				    (strcmp(doc->lang, "ru") == 0 || strcmp(doc->lang, "uk") == 0))
					fj = cyrillic_two_words(ctx, w, n);
			}
			/* a city's name glued to the next word */
			if (!fj && (tk->flags & TQL_TF_UPPER_INITIAL) &&
			    !(tk->flags & (TQL_TF_HAS_DIGIT | TQL_TF_ALL_UPPER)) &&
			    tql_spell(ctx->chk, ctx->lang, w, n) == 0)
				fj = place_glue(ctx, w, n, &tmp);
			if (fj && !emit_glued(ctx, tk->off, w, n, fj))
				goto oom;
			continue;
		}
		size_t j = find_join(w, n);
		if (!j) {
			/* a dateline in capitals: both parts words of the language */
			/* (and the capitals a word written small, not an acronym:
			 * "FreeBSD", "OpenVPN") */
			size_t cj = caps_join(w, n);
			if (cj && tql_spell(ctx->chk, ctx->lang, w, n) == 0 &&
			    tql_spell(ctx->chk, ctx->lang, w, cj) == 1 && titled_word(ctx, w + cj, n - cj, &tmp) &&
			    !emit_glued(ctx, tk->off, w, n, cj))
				goto oom;
			continue;
		}
		if (particle(w, j))
			continue;
		bool title_second = g && tql_strmap_get(&g->byline, w + j, n - j, NULL);
		/* ("plotBy Staff": a byline's first word only, a name after it) */
		if (tql_u8_count(w + j, n - j) < 3 &&
		    (!title_second || t + 2 >= doc->ntok || doc->tok[t + 1].kind != TQL_TOK_SPACE ||
		     !(doc->tok[t + 2].flags & TQL_TF_UPPER_INITIAL)))
			continue;
		/* a word glued to an agency name: "agenziaIrna" */
		if (g && !(tk->flags & TQL_TF_UPPER_INITIAL) && agency(g, w + j, n - j, &tmp) &&
		    tql_spell(ctx->chk, ctx->lang, w, j) == 1) {
			if (!emit_glued(ctx, tk->off, w, n, j))
				goto oom;
			continue;
		}
		int whole = tql_spell(ctx->chk, ctx->lang, w, n);
		if (whole != 0) /* known word, or no dictionary to decide */
			continue;
		/* (before a byline title the first part may be a name the
		 * dictionary lacks: "PuigdemontRedacción") */
		int head = tql_spell(ctx->chk, ctx->lang, w, j);
		/* (after a known small-letter word of four letters or more the
		 * second part may be a name the dictionary lacks: "redacciónBeirut",
		 * "parliamentTinubu") */
		bool lower_head = !(tk->flags & TQL_TF_UPPER_INITIAL) && head == 1 &&
		                  tql_u8_count(w, j) >= 4 && tql_u8_count(w + j, n - j) >= 4;
		if ((head != 1 && !(title_second && head == 0 && (tk->flags & TQL_TF_UPPER_INITIAL) &&
		                     tql_u8_count(w, j) >= 4)) ||
		    (!lower_head && tql_spell(ctx->chk, ctx->lang, w + j, n - j) != 1))
			continue;
		/* Brands join two capitalised words too (AppleTalk, DocBook); a
		 * garble shows itself by a lower-case first half ("talksThe"), a
		 * byline title as second half ("KirbyDigital") or a given name
		 * glued to what follows ("PaulKirby" is left alone: both names). */
		bool lower_first = !(tk->flags & TQL_TF_UPPER_INITIAL);
		bool given_first = tql_strmap_get(&g->given, w, j, NULL) &&
		                   !tql_strmap_get(&g->given, w + j, n - j, NULL);
		/* Cyrillic brands glue a stem that is no word (ПриватБанк,
		 * МегаФон); two inflected words of four letters or more glued
		 * are a garble ("УкраиныВладимир", "УкраїнськаПравда") */
		bool cyr_words = cyrillic_at(w, n, 0) && cyrillic_at(w, n, j) &&
		                 tql_u8_count(w, j) >= 4 && tql_u8_count(w + j, n - j) >= 4;
		if (!lower_first && !title_second && !given_first && !cyr_words)
			continue;
		if (!emit_glued(ctx, tk->off, w, n, j))
			goto oom;
	}
	tql_buf_free(&tmp);
	return TQL_OK;
oom:
	tql_buf_free(&tmp);
	return TQL_ENOMEM;
}

const tql_check_def tql_check_glued_words = {
	"glued-words", rules, sizeof rules / sizeof *rules, load, unload, run,
};
