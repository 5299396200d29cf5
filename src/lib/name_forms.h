/* name_forms.h - one name written as one word and as two ("Commerzbank" /
 * "Commerz Bank"), found without the name table. */
#ifndef TQL_NAME_FORMS_H
#define TQL_NAME_FORMS_H

#include "internal.h"

/*
 * Reports as consistency.name two capitalised words separated by one space
 * ("Commerz Bank", "Ariane Group", "Tel Aviv") where the same document also
 * writes them as one word, joined or hyphenated ("Commerzbank",
 * "ArianeGroup", "Tel-Aviv"): the rarer form, else the later one, at each
 * occurrence no other finding covers, suggesting the other. False: out of
 * memory.
 */
bool tql_name_forms(tql_ctx *ctx);

#endif
