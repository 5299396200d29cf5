/* name_slavic.c - Russian forms of names in Ukrainian text and the
 * reverse (see name_slavic.h). */
#include "name_slavic.h"

#include "name_text.h"

#include <string.h>
#include <unicode/uscript.h>

enum { MIN_LETTERS = 4 };

/* Does word w (n bytes) end in an ending the other language writes
 * ("Буяльский", "Караваев" in Ukrainian text, which writes -ський, -аєв;
 * "Зеленський" in Russian text)? In Ukrainian text, -ев after a vowel. */
static bool other_ending(const char *w, size_t n, bool uk)
{
	static const char *const ru_end[] = {"ский", "цкий", "ская", "цкая", "ского", "цкого",
	                                     "ской", "цкой", "скую", "цкую", "ским", "цким", NULL};
	static const char *const uk_end[] = {"ський", "цький", "ського", "цького", "ська", "цька",
	                                     "ської", "цької", "ському", "цькому", NULL};
	for (const char *const *e = uk ? ru_end : uk_end; *e; e++) {
		size_t el = strlen(*e);
		if (n > el + 2 && memcmp(w + n - el, *e, el) == 0)
			return true;
	}
	if (!uk)
		return false;
	static const char *const vowels[] = {"а", "е", "и", "о", "у", "я", "ю", "і", NULL};
	static const char *const ev[] = {"ев", "ева", NULL};
	for (const char *const *end = ev; *end; end++) {
		size_t el = strlen(*end);
		if (n < el + 4 || memcmp(w + n - el, *end, el) != 0)
			continue;
		for (const char *const *v = vowels; *v; v++)
			if (memcmp(w + n - el - 2, *v, 2) == 0)
				return true;
	}
	return false;
}

/* Does token t open a quotation ("«Известия»": a title kept in the
 * original, as the Ukrainian press does with Russian media names)? */
static bool quoted(const tql_doc *doc, size_t t)
{
	if (t == 0)
		return false;
	const tql_token *p = &doc->tok[t - 1];
	const char *s = doc->text + p->off;
	return (p->len >= 1 && (s[p->len - 1] == '"' || s[p->len - 1] == '\'')) ||
	       (p->len >= 2 && (memcmp(s + p->len - 2, "\xC2\xAB", 2) == 0)) ||        /* « */
	       (p->len >= 3 && (memcmp(s + p->len - 3, "\xE2\x80\x9E", 3) == 0 ||      /* „ */
	                        memcmp(s + p->len - 3, "\xE2\x80\x9C", 3) == 0));      /* “ */
}

/* Is the word token at t (if any) a word of the other language only? */
static bool other_only(tql_ctx *ctx, tql_lang_res *other, size_t t)
{
	const tql_doc *doc = ctx->doc;
	if (t >= doc->ntok || doc->tok[t].kind != TQL_TOK_WORD ||
	    doc->tok[t].script != USCRIPT_CYRILLIC)
		return false;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	return tql_spell(ctx->chk, ctx->lang, w, tk->len) == 0 &&
	       tql_spell(ctx->chk, other, w, tk->len) == 1;
}

/* Is token t followed, after one space, by a capitalised Cyrillic word? */
static bool before_family(const tql_doc *doc, size_t t)
{
	if (t + 2 >= doc->ntok || doc->tok[t + 1].kind != TQL_TOK_SPACE)
		return false;
	const tql_token *u = &doc->tok[t + 2];
	return u->kind == TQL_TOK_WORD && u->script == USCRIPT_CYRILLIC &&
	       (u->flags & TQL_TF_UPPER_INITIAL) && !(u->flags & TQL_TF_ALL_UPPER);
}

/* Is the capitalised word after token t (one space between) an East
 * Slavic family name as Ukrainian writes it, with -ськ-, -цьк- or -енк-
 * ("Шовковського")? Ukrainian letters alone do not tell: a Czech "Андрей
 * Бабіш" keeps his given name. (A Polish "Александр Кваснєвський" would
 * be reported: rare in news, and measured on no text yet.) */
static bool ukrainian_family_after(const tql_doc *doc, size_t t)
{
	static const char *const stems[] = {"ськ", "цьк", "енк", NULL};
	if (!before_family(doc, t))
		return false;
	const tql_token *u = &doc->tok[t + 2];
	const char *w = doc->text + u->off;
	/* (byte by byte: an apostrophe, "Дем'яненко", is one byte or three;
	 * UTF-8 lets a letter match only where one starts) */
	for (const char *const *s = stems; *s; s++)
		for (size_t p = 1; p + 6 <= u->len; p++)
			if (memcmp(w + p, *s, 6) == 0)
				return true;
	return false;
}

/* In Ukrainian text, token t written with the Polish ending -ski, -cki
 * undeclined ("Сікорскі", "Радослава Сікорскі") where the table knows the
 * name with the Ukrainian -ський, -цький (Сікорський). False: out of
 * memory. */
static bool polish_ending(tql_ctx *ctx, const tql_names *nm, size_t t)
{
	static const char *const ends[][2] = {{"скі", "ський"}, {"цкі", "цький"}};
	const tql_doc *doc = ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	for (size_t e = 0; e < sizeof ends / sizeof *ends; e++) {
		size_t el = strlen(ends[e][0]);
		if (tk->len < el + 6 || memcmp(w + tk->len - el, ends[e][0], el) != 0)
			continue;
		tql_buf f = {0}, k = {0};
		bool ok = tql_buf_add(&f, w, tk->len - el) && tql_buf_add(&f, ends[e][1], strlen(ends[e][1])) &&
		          tql_fold(f.p, f.n, &k);
		const struct tql_hitlist *hl = ok ? tql_names_lookup(nm, "uk", k.p, k.n) : NULL;
		const char *right = NULL;
		for (size_t h = 0; hl && h < hl->n && !right; h++)
			if (hl->v[h].type != TQL_FORM_ERROR)
				right = hl->v[h].form;
		bool emitted = !right ||
		               tql_emit(ctx, "name.variant", tk->off, tk->len, NULL, false,
		                        "'%.*s' keeps the Polish ending; Ukrainian writes the name '%s' "
		                        "(in the case this sentence needs)",
		                        (int)tk->len, w, right);
		tql_buf_free(&f);
		tql_buf_free(&k);
		return ok && emitted;
	}
	return true;
}

/* Reports token t when it is a Russian given name (nm) before a family
 * name in Ukrainian text. False: out of memory. */
static bool russian_given(tql_ctx *ctx, const tql_names *nm, size_t t)
{
	const tql_doc *doc = ctx->doc;
	const tql_token *tk = &doc->tok[t];
	const char *w = doc->text + tk->off;
	bool nom = false;
	const char *uk = tql_names_uk_given(nm, w, tk->len, &nom);
	/* (a name Ukrainian keeps for foreigners: only before a Ukrainian
	 * family name, "Александра Шовковського") */
	if (!uk && ukrainian_family_after(doc, t))
		uk = tql_names_uk_given_shared(nm, w, tk->len, &nom);
	/* (the nominative alone too, "а Михаил запевнив" for the player
	 * Михайло, unless Ukrainian knows the word: "місто Владимир") */
	if (!uk || tql_nt_covered(doc, tk) || quoted(doc, t))
		return true;
	if (!before_family(doc, t) && (!nom || tql_spell(ctx->chk, ctx->lang, w, tk->len) != 0))
		return true;
	if (nom)
		return tql_emit(ctx, "name.variant", tk->off, tk->len, uk, true,
		                "'%.*s' is the Russian form of a given name; Ukrainian writes '%s'",
		                (int)tk->len, w, uk);
	return tql_emit(ctx, "name.variant", tk->off, tk->len, NULL, false,
	                "'%.*s' is the Russian form of a given name; Ukrainian writes it '%s' (in the case "
	                "this sentence needs)",
	                (int)tk->len, w, uk);
}

tql_status tql_name_other_slavic(tql_ctx *ctx, const char *lang, const tql_names *nm)
{
	bool uk = strcmp(lang, "uk") == 0;
	if (!uk && strcmp(lang, "ru") != 0)
		return TQL_OK;
	tql_lang_res *other = tql_lang_get(ctx->chk, uk ? "ru" : "uk", "");
	const tql_doc *doc = ctx->doc;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_CYRILLIC ||
		    !(tk->flags & TQL_TF_UPPER_INITIAL) ||
		    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT | TQL_TF_INNER_UPPER)) ||
		    tql_u8_count(doc->text + tk->off, tk->len) < MIN_LETTERS)
			continue;
		const char *w = doc->text + tk->off;
		if (uk && nm && !russian_given(ctx, nm, t))
			return TQL_ENOMEM;
		if (uk && nm && !tql_nt_covered(doc, tk) && !quoted(doc, t) &&
		    tql_spell(ctx->chk, ctx->lang, w, tk->len) == 0 && !polish_ending(ctx, nm, t))
			return TQL_ENOMEM;
		bool letters = tql_nt_has_letter(w, tk->len, uk ? tql_nt_ru_only : tql_nt_uk_only);
		bool unknown = !letters && tql_spell(ctx->chk, ctx->lang, w, tk->len) == 0;
		const char *why = NULL;
		if (letters)
			why = uk ? "Russian letters (ы, э, ъ, ё)" : "Ukrainian letters (і, ї, є, ґ)";
		else if (unknown && uk && memcmp(w, "И", 2) == 0)
			why = "Russian И where Ukrainian writes І";
		else if (unknown && other_ending(w, tk->len, uk))
			why = uk ? "a Russian ending (-ский, -ев after a vowel)" : "a Ukrainian ending (-ський)";
		if (!why || tql_nt_covered(doc, tk) || quoted(doc, t))
			continue;
		/* (a quoted passage of the other language: a word of it beside) */
		size_t before = t >= 2 && doc->tok[t - 1].kind == TQL_TOK_SPACE ? t - 2 : SIZE_MAX;
		size_t after = t + 2 < doc->ntok && doc->tok[t + 1].kind == TQL_TOK_SPACE ? t + 2 : SIZE_MAX;
		if (other && ((before != SIZE_MAX && other_only(ctx, other, before)) ||
		              (after != SIZE_MAX && other_only(ctx, other, after))))
			continue;
		if (!tql_emit(ctx, "name.variant", tk->off, tk->len, NULL, false,
		              "'%.*s' has %s: a name left in %s form by translation", (int)tk->len, w,
		              why, uk ? "its Russian" : "its Ukrainian"))
			return TQL_ENOMEM;
	}
	return TQL_OK;
}
