/* name_forms.h - one name written as one word and as two ("Commerzbank" /
 * "Commerz Bank"), found without the name table. */
#ifndef TQL_NAME_FORMS_H
#define TQL_NAME_FORMS_H

#include "internal.h"
#include "names.h"

/*
 * Reports as consistency.name two capitalised words separated by one space
 * ("Commerz Bank", "Ariane Group", "François Henri") where the same
 * document, within a few thousand bytes, also writes them as one word
 * token ("Commerzbank", "ArianeGroup") or joined by a hyphen
 * ("François-Henri"; not as part of a longer hyphenated compound, German
 * "Novo-Nordisk-Stiftung" beside "Novo Nordisk"): the rarer form, else the
 * later one, at each occurrence no other finding covers, suggesting the
 * other. Silent for two common words ("Park Way" / "Parkway",
 * "Vice-President" / "Vice President") unless hyphenated after a listed
 * given name of nm ("Jean-Marc" / "Jean Marc"); for the one-word form also
 * after a first word of three letters or fewer ("Du Pont", "La Salle") and
 * for a dictionary word split into two unknown ones ("Vietnam" / "Viet
 * Nam"). False: out of memory.
 */
bool tql_name_forms(tql_ctx *ctx, const tql_names *nm);

#endif
