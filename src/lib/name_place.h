/* name_place.h - an unknown word that is a misspelt city of a country the
 * document names. */
#ifndef TQL_NAME_PLACE_H
#define TQL_NAME_PLACE_H

#include "internal.h"
#include "name_accent.h"
#include "names.h"
#include "places.h"

/*
 * Reports name.near-miss for unknown capitalised words (token indices in
 * `cand`: words neither the dictionary nor the name table knows) that are
 * one edit from the name of a GeoNames city (two in a long name, keeping
 * its sounds or consonants) in a country the document names, through the
 * table (`ms`, n mentions of countries) or by naming another of its cities:
 * "Jaffana" in a text about Sri Lanka. A word as close to two cities of
 * different names, that is itself a city's name, that stands after a title,
 * a given name or an unknown capitalised word, a short word near a city of
 * under 100,000, or that another finding covers, stays silent. pl may be
 * NULL (no gazetteer installed); lang is the
 * document's table language: nothing is reported.
 */
tql_status tql_name_places(tql_ctx *ctx, const char *lang, const tql_names *nm,
                           const tql_places *pl, const tql_mention *ms, size_t n,
                           const size_t *cand, size_t ncand);

/* Is cc (two capitals) a country where lang is the main language ("DE"
 * for "de")? */
bool tql_np_home_country(const char *lang, const char *cc);

/* Does the text around token t say that it names a place: a preposition
 * of place before it ("in", "nach", "à"), a noun for a place before or
 * after it ("province of", "Jaffna district"), and when genitive is true
 * also a bare genitive preposition ("of", "di", "de")? *ok is false on
 * out of memory. */
bool tql_np_place_cue(const tql_doc *doc, const char *lang, size_t t, bool genitive, bool *ok);

#endif
