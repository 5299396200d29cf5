/* name_exonym.h - a city written with another language's name. */
#ifndef TQL_NAME_EXONYM_H
#define TQL_NAME_EXONYM_H

#include "internal.h"
#include "names.h"
#include "places.h"

/*
 * Reports name.variant for a capitalised word (or run of up to three) after
 * a preposition or noun of place that is the name of a GeoNames city of
 * 100,000 or more in another language's column, and no city's name in the
 * document's language: "in Wien" in English, "von Marrakech" in German, "a
 * Khartoum" in Italian. The suggestion is the city's name in the document's
 * language. Silent when that name holds the word ("del Cairo", Italian "Il
 * Cairo") or is a transliteration of it, when a capitalised word follows
 * (a longer name: "Milan Kundera"), when the name table knows the word in
 * the language, or another finding covers it. Latin-script languages of
 * the gazetteer only (en de fr es it); pl may be NULL.
 */
tql_status tql_name_exonyms(tql_ctx *ctx, const char *lang, const tql_names *nm,
                            const tql_places *pl);

#endif
