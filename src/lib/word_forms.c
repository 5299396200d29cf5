/*
 * word_forms.c - word forms a Hunspell dictionary lacks although it knows
 * the word they are made from: Spanish and Italian infinitives with
 * clitics, Spanish diminutives, German separable verbs joined to their
 * particle. Used by the checks that take a dictionary's "unknown" as
 * evidence (spelling.c, leftover_words.c).
 */
#include "internal.h"

#include <string.h>

/*
 * Spanish and Italian attach object pronouns to infinitives, gerunds and
 * imperatives ("comprenderlo", "apagarlo", "farlo", "dirgli"); Hunspell's
 * es/it dictionaries miss many of these. Accept the word when it is an
 * infinitive the dictionary knows plus one or two clitics.
 */
static bool clitic_form(tql_checker *chk, tql_lang_res *lr, const char *w, size_t n)
{
	static const char *const es[] = {"nos", "los", "las", "les", "lo", "la", "le", "se", "me", "te", NULL};
	static const char *const it[] = {"gliela", "glielo", "gli", "lo", "la", "le", "li", "ne", "ci",
	                                 "vi", "si", "mi", "ti", NULL};
	const char *const *list = strcmp(lr->lang, "es") == 0   ? es
	                          : strcmp(lr->lang, "it") == 0 ? it
	                                                              : NULL;
	if (!list || n > 60)
		return false;
	char stem[64];
	for (int round = 0; round < 2; round++) {
		bool cut = false;
		for (const char *const *c = list; *c && !cut; c++) {
			size_t cl = strlen(*c);
			if (n > cl + 3 && memcmp(w + n - cl, *c, cl) == 0) {
				n -= cl;
				cut = true;
			}
		}
		if (!cut)
			return false;
		memcpy(stem, w, n);
		stem[n] = '\0';
		/* Italian infinitives drop their final -e before a clitic: far(e)lo */
		if (strcmp(lr->lang, "it") == 0 && n + 1 < sizeof stem && stem[n - 1] == 'r') {
			stem[n] = 'e';
			stem[n + 1] = '\0';
		}
		size_t sl = strlen(stem);
		if (sl >= 3 && (stem[sl - 1] == 'r' || stem[sl - 1] == 'e') &&
		    tql_spell(chk, lr, stem, sl) == 1)
			return true;
	}
	return false;
}

/*
 * Spanish forms diminutives freely with -ito/-ita (-itos, -itas): "piquito"
 * from "pico", "ahorita" from "ahora", "cerquita" from "cerca"; Hunspell's
 * es dictionary lists few. Accept the word when the stem plus -o or -a is
 * a word the dictionary knows, undoing the spelling change before -i-
 * (qu -> c, gu -> g). The cost: a typo that happens to be a diminutive of
 * another word passes.
 */
static bool diminutive_form(tql_checker *chk, tql_lang_res *lr, const char *w, size_t n)
{
	static const char *const ends[] = {"itos", "itas", "ito", "ita", NULL};
	if (strcmp(lr->lang, "es") != 0 || n > 60)
		return false;
	for (const char *const *e = ends; *e; e++) {
		size_t el = strlen(*e);
		if (n < el + 3 || memcmp(w + n - el, *e, el) != 0)
			continue;
		char stem[64];
		size_t sl = n - el;
		memcpy(stem, w, sl);
		if (sl >= 2 && stem[sl - 1] == 'u' && (stem[sl - 2] == 'q' || stem[sl - 2] == 'g')) {
			sl--;
			if (stem[sl - 1] == 'q')
				stem[sl - 1] = 'c';
		}
		for (const char *v = "oa"; *v; v++) {
			stem[sl] = *v;
			if (tql_spell(chk, lr, stem, sl + 1) == 1)
				return true;
		}
		return false;
	}
	return false;
}

/*
 * German separable verbs join their particle in subordinate clauses ("wenn
 * der Zoll wegfällt", "dass sie zurückkehrt"); Hunspell's de_DE lists few
 * of those finite forms. Accept particle + a verb form the dictionary
 * knows: the rest is a known word of four letters or more ending like a
 * finite verb (-t, -st, -e, -en: "fällt", "kehrte", "kamen").
 */
static bool separable_form(tql_checker *chk, tql_lang_res *lr, const char *w, size_t n)
{
	static const char *const parts[] = {
		"zurück", "zusammen", "weiter", "wieder", "heraus", "herein", "hinaus", "voran", "vorbei",
		"entgegen", "fort", "frei", "fest", "nach", "durch", "unter", "über", "auf", "aus", "ein",
		"mit", "vor", "weg", "her", "hin", "los", "bei", "dar", "ab", "an", "zu", "um", NULL};
	if (strcmp(lr->lang, "de") != 0 || n > 60 || n < 7 || (unsigned char)w[0] < 'a' ||
	    (unsigned char)w[0] > 'z')
		return false;
	for (const char *const *p = parts; *p; p++) {
		size_t pl = strlen(*p);
		if (n < pl + 4 || memcmp(w, *p, pl) != 0)
			continue;
		char last = w[n - 1], prev = w[n - 2];
		bool finite = last == 't' || last == 'e' || (last == 'n' && prev == 'e');
		if (finite && tql_u8_count(w + pl, n - pl) >= 4 &&
		    tql_spell(chk, lr, w + pl, n - pl) == 1)
			return true;
	}
	return false;
}

bool tql_word_derived(tql_checker *chk, tql_lang_res *lr, const char *w, size_t n)
{
	return clitic_form(chk, lr, w, n) || separable_form(chk, lr, w, n) ||
	       diminutive_form(chk, lr, w, n);
}
