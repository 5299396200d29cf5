/* name_accent.h - accent consistency of the names found in a document. */
#ifndef TQL_NAME_ACCENT_H
#define TQL_NAME_ACCENT_H

#include "internal.h"

/* One mention of a table entity in a document (names check). */
typedef struct tql_mention {
	const char *entity;   /* row id (borrowed from the table) */
	uint32_t row;
	char *key;            /* folded form (owned) */
	size_t off, len;      /* analysed span */
	bool error, canonical;
	bool acronym;         /* the form is all capitals (US, NATO) */
	const char *form;     /* the table form (borrowed) */
} tql_mention;

/* Reports as consistency.name each of the n mentions ms that spells its
 * name with fewer accents than the table or another mention of the same
 * entity; lang is the table language. False: out of memory. */
bool tql_na_accent_consistency(tql_ctx *ctx, const char *lang, const tql_mention *ms, size_t n);

/* Reports as consistency.name each of the n mentions ms written as its
 * curated table form with the case of a later word changed or a hyphen
 * and a space swapped ("Luca De Meo" where the table and another mention
 * write "Luca de Meo", "François Henri" beside "François-Henri"); the first
 * word's case is left alone (a sentence start, "De Meo said"). False: out
 * of memory. */
bool tql_na_case_consistency(tql_ctx *ctx, const tql_mention *ms, size_t n);

/* Reports as consistency.name a capitalised word written with and without
 * an accent past its first letter in one document ("Fernanda Tôrres" after
 * "Fernanda Torres", "Guillen" after "Guillén"), table entry or not: the
 * rarer, else the later spelling, where no other finding covers it. Common
 * words of the language are left out, and so are the words of a known
 * name of several words among the n mentions ms ("Paris" of "Paris
 * Saint-Germain" beside "París" in Spanish). False: out of memory. */
bool tql_na_accent_words(tql_ctx *ctx, const tql_mention *ms, size_t n);

#endif
