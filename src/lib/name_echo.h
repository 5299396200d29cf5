/* name_echo.h - an unknown word that echoes a name the document names. */
#ifndef TQL_NAME_ECHO_H
#define TQL_NAME_ECHO_H

#include "internal.h"
#include "name_accent.h"
#include "names.h"

/*
 * Reports consistency.name for unknown capitalised Latin-script words
 * (token indices in `cand`, in text order: words neither the dictionary
 * nor the name table knows, and no other finding covers) that are another
 * spelling of a person or place the document names nearby with a table
 * form (`ms`, n mentions in text order): one edit apart ("Dokyo" beside
 * Tokyo), or two with the same first and last letters in a longer name
 * ("Bayrut" beside Beirut). With the entity named a few paragraphs away
 * the table alone does not need to know the garble; a word close to two
 * of the document's names, or that is the name plus an ending ("Beiruti"),
 * stays silent.
 */
tql_status tql_name_echoes(tql_ctx *ctx, const tql_names *nm, const tql_mention *ms, size_t n,
                           const size_t *cand, size_t ncand);

#endif
