/* places.h - the gazetteer: the world's cities from GeoNames
 * (dictionaries/places/geonames.tsv, written by src/tools/geonames-places.c),
 * with country and population and their names in the table languages. Loaded
 * once per engine, read-only afterwards. */
#ifndef TQL_PLACES_H
#define TQL_PLACES_H

#include "internal.h"

typedef struct tql_places tql_places;

/* One name of a city in one language column. */
typedef struct tql_place_name {
	uint32_t place;    /* city index */
	const char *form;  /* as written in the data (borrowed, NUL-terminated) */
	const char *key;   /* folded (borrowed, NUL-terminated) */
	size_t keylen;
	const char *lang;  /* the column: "en", "de", ... (static) */
} tql_place_name;

/* Loads the gazetteer into *out; a missing file leaves *out NULL (the
 * checks that use it stay silent). Errors name the file and line. */
tql_status tql_places_load(tql_engine *eng, tql_places **out);
void tql_places_free(tql_places *pl);

/* The ISO country code (two capitals) and population of city p. */
const char *tql_places_country(const tql_places *pl, uint32_t p);
uint32_t tql_places_population(const tql_places *pl, uint32_t p);

/* Is the folded key a city's name in any column? */
bool tql_places_known(const tql_places *pl, const char *key, size_t kl);

/* Calls cb for each city name in the columns that serve document language
 * lang (its own and, for Latin-script languages, the English one) whose
 * folded key equals key (near false) or starts with the same letter and
 * has between letters-2 and letters+2 letters (near true). cb returns
 * false to stop; the result is false when cb stopped. */
bool tql_places_each(const tql_places *pl, const char *lang, const char *key, size_t kl, bool near,
                     bool (*cb)(void *ud, const tql_place_name *n), void *ud);

/* Calls cb for each city name, in any column, whose folded key equals key;
 * cb returns false to stop (the result is then false). */
bool tql_places_each_column(const tql_places *pl, const char *key, size_t kl,
                            bool (*cb)(void *ud, const tql_place_name *n), void *ud);

/* The name of city p in lang's column; for a Latin-script language whose
 * column is empty, the English name; NULL if there is none (or lang has
 * no column). Borrowed from the gazetteer. */
const char *tql_places_name_in(const tql_places *pl, uint32_t p, const char *lang);

#endif
