/* name_forms.h - one name written as one word and as two ("Commerzbank" /
 * "Commerz Bank"), found without the name table. */
#ifndef TQL_NAME_FORMS_H
#define TQL_NAME_FORMS_H

#include "internal.h"

/*
 * Reports as consistency.name two capitalised words separated by one space
 * ("Commerz Bank", "Ariane Group") where the same document also writes them
 * as one word token ("Commerzbank", "ArianeGroup"; a hyphenated form,
 * "Commerz-Bank", is split by the segmenter and not compared): the rarer form, else the later one, at each occurrence no
 * other finding covers, suggesting the other. Silent for two common words
 * ("Park Way" / "Parkway"), a first word of three letters or fewer ("Du
 * Pont", "Tel Aviv": the segmenter splits "Tel-Aviv" anyway) and a
 * dictionary word split into two unknown ones ("Vietnam" / "Viet Nam").
 * False: out of memory.
 */
bool tql_name_forms(tql_ctx *ctx);

#endif
