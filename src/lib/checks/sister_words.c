/*
 * sister_words.c - words of the sister language left in Russian or
 * Ukrainian text. Machine translation between the two, or through one to
 * the other, leaves words of the source untouched ("також заявил", "пока
 * нічого", "Также він"); the two alphabets share most letters, so the
 * script checks cannot see them. The two Hunspell dictionaries can.
 *
 * language.russian-word: in Ukrainian text, a word Ukrainian's dictionary
 *   (with tqlint's word list) does not know, in lower case or opening a
 *   sentence, that Russian's dictionary knows or that has a letter only
 *   Russian writes (ы э ъ ё).
 * name.russian-form: in Ukrainian text, a capitalised word inside a
 *   sentence that Ukrainian's dictionary does not know and Russian's does,
 *   with an adjective ending Ukrainian never writes ("у Приморском",
 *   "Азербайджанские авиалинии"): a name left in its Russian form. Other
 *   names both dictionaries judge so are most often foreign names the two
 *   languages spell alike ("Судаков", "Моздок"), and stay silent; names
 *   with Russian letters are name.variant's (name_slavic.c).
 * language.ukrainian-word: in Russian text, a lower-case word Russian's
 *   dictionary does not know with a letter only Ukrainian writes (і ї є
 *   ґ). (Russian's dictionary lacks most foreign names and many new words
 *   that Ukrainian's has in the same spelling, so the dictionary alone is
 *   no evidence in that direction.)
 *
 * Words joined by a hyphen (parts of "Лос-Анджелес", which the
 * dictionaries know only whole), abbreviations, words with digits and
 * words a name check has reported, and quotations (the speaker's words)
 * are left alone. Neighbouring words of
 * one finding, one space apart, are one finding ("в том числе").
 */
#include "../internal.h"
#include "../name_text.h"

#include <string.h>
#include <unicode/uscript.h>

static const tql_rule_info rules[] = {
	{"language.russian-word", "language", TQL_SEV_WARNING,
	 "a Russian word left in Ukrainian text (untranslated)"},
	{"name.russian-form", "name", TQL_SEV_WARNING,
	 "a name in its Russian spelling in Ukrainian text"},
	{"language.ukrainian-word", "language", TQL_SEV_WARNING,
	 "a Ukrainian word left in Russian text (untranslated)"},
};

enum { MIN_LETTERS = 3 };

enum verdict { V_NONE, V_WORD, V_NAME };

/* Does w end in an adjective ending of Russian that Ukrainian lacks
 * (-ие -ые -ая -яя -ой, -ском -цком -ской -цкой)? */
static bool russian_adjective(const char *w, size_t n)
{
	static const char *const ends[] = {"ие", "ые", "ая", "яя", "ой", "ском", "цком", "ской", "цкой",
	                                   NULL};
	for (const char *const *e = ends; *e; e++) {
		size_t el = strlen(*e);
		if (n > el + 4 && memcmp(w + n - el, *e, el) == 0)
			return true;
	}
	return false;
}

/* Is the word at [off, off+len) part of an HTML reference left in the
 * text ("вп&#39;яте": encoding.html-entity's), or an abbreviation: a
 * period after it and a lower-case or Latin word next ("(пол. stan")? */
static bool entity_or_abbrev(const tql_doc *doc, size_t off, size_t len)
{
	const char *s = doc->text;
	size_t e = off + len;
	if ((off > 0 && s[off - 1] == ';') || (e < doc->len && s[e] == '&'))
		return true;
	if (e >= doc->len || s[e] != '.')
		return false;
	size_t n = e + 1;
	while (n < doc->len && s[n] == ' ')
		n++;
	if (n == e + 1 || n >= doc->len)
		return false;
	size_t t = tql_doc_token_at(doc, n);
	return t < doc->ntok && doc->tok[t].kind == TQL_TOK_WORD &&
	       (doc->tok[t].script != USCRIPT_CYRILLIC || !(doc->tok[t].flags & TQL_TF_UPPER_INITIAL));
}

/* The state of the scan. */
typedef struct state {
	tql_ctx *ctx;
	tql_lang_res *other; /* the sister language's resources, or NULL */
	bool uk;
	tql_nt_quote_scan qs;
} state;

/* The dictionaries' verdict on word token tk of a Ukrainian (uk) or
 * Russian document. */
static enum verdict verdict_of(const state *st, const tql_token *tk, const char *w)
{
	tql_ctx *ctx = st->ctx;
	tql_lang_res *other = st->other;
	bool cap = tk->flags & TQL_TF_UPPER_INITIAL;
	bool name = cap && !(tk->flags & TQL_TF_SENT_START);
	if (tql_spell(ctx->chk, ctx->lang, w, tk->len) != 0 ||
	    (cap && tql_spell_lowered(ctx->chk, ctx->lang, w, tk->len) != 0))
		return V_NONE;
	if (!st->uk)
		return !cap && tql_nt_has_letter(w, tk->len, tql_nt_uk_only) ? V_WORD : V_NONE;
	bool letters = tql_nt_has_letter(w, tk->len, tql_nt_ru_only);
	if (cap && letters)
		return V_NONE; /* (name_slavic.c's) */
	/* (a name both dictionaries spell alike is most often missing from
	 * Ukrainian's, which knows fewer names ("Судаков", "Моздок", "Белен"):
	 * a name needs an adjective ending Ukrainian declension never has,
	 * "у Приморском", "Азербайджанские") */
	if (name)
		return other && russian_adjective(w, tk->len) &&
		               (tql_spell(ctx->chk, other, w, tk->len) == 1 ||
		                tql_spell_lowered(ctx->chk, other, w, tk->len) == 1)
		               ? V_NAME
		               : V_NONE;
	/* a capitalised word opening a sentence: a word if Russian knows it in
	 * lower case ("Также"); else a name, left alone ("Дмитрий сказав" is
	 * name_slavic.c's) */
	if (cap && other && tql_spell_lowered(ctx->chk, other, w, tk->len) == 1)
		return V_WORD;
	if (cap)
		return V_NONE;
	return letters || (other && tql_spell(ctx->chk, other, w, tk->len) == 1) ? V_WORD : V_NONE;
}

/* The verdict on token t: the dictionaries', unless the word is a part of
 * a hyphenated name, an abbreviation, an HTML reference, inside a
 * quotation or reported already. Called with t non-decreasing (the
 * quotation scan). */
static enum verdict judge(state *st, size_t t)
{
	const tql_doc *doc = st->ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_CYRILLIC ||
	    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT | TQL_TF_INNER_UPPER)) ||
	    tql_u8_count(w, tk->len) < MIN_LETTERS || (tk->off > 0 && tql_nt_hyphen_at(doc, tk->off - 1)) ||
	    tql_nt_hyphen_at(doc, tk->off + tk->len))
		return V_NONE;
	enum verdict v = verdict_of(st, tk, w);
	if (v == V_NONE || entity_or_abbrev(doc, tk->off, tk->len) ||
	    tql_nt_quoted_at(doc, &st->qs, tk->off) || tql_nt_covered(doc, tk))
		return V_NONE;
	return v;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	const char *lang = ctx->lang->lang;
	bool uk = strcmp(lang, "uk") == 0;
	if (!uk && strcmp(lang, "ru") != 0)
		return TQL_OK;
	const tql_doc *doc = ctx->doc;
	state st = {ctx, tql_lang_get(ctx->chk, uk ? "ru" : "uk", ""), uk, {0, 0, 0, false, false}};
	const char *word_rule = uk ? "language.russian-word" : "language.ukrainian-word";
	for (size_t t = 0; t < doc->ntok; t++) {
		enum verdict v = judge(&st, t);
		if (v == V_NONE)
			continue;
		/* the run of such words, one space apart; the first word's verdict
		 * names it ("Азербайджанские авиалинии") */
		size_t end = t;
		while (end + 2 < doc->ntok && doc->tok[end + 1].kind == TQL_TOK_SPACE &&
		       doc->tok[end + 1].len == 1 && judge(&st, end + 2) != V_NONE)
			end += 2;
		size_t off = doc->tok[t].off, len = doc->tok[end].off + doc->tok[end].len - off;
		bool ok = v == V_NAME
		                  ? tql_emit(ctx, "name.russian-form", off, len, NULL, false,
		                             "'%.*s' is a Russian spelling Ukrainian does not use: a name "
		                             "left in its Russian form",
		                             (int)len, doc->text + off)
		                  : tql_emit(ctx, word_rule, off, len, NULL, false,
		                             uk ? "'%.*s' is Russian, not Ukrainian: left untranslated"
		                                : "'%.*s' is Ukrainian, not Russian: left untranslated",
		                             (int)len, doc->text + off);
		if (!ok)
			return TQL_ENOMEM;
		t = end;
	}
	return TQL_OK;
}

const tql_check_def tql_check_sister_words = {
	"sister_words", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
