/* name_title_order.h - one title of several words (a body, a party, an
 * organisation) written with its words in two orders ("International
 * Organization for Migration" ... "International Migration Organization"). */
#ifndef TQL_NAME_TITLE_ORDER_H
#define TQL_NAME_TITLE_ORDER_H

#include "internal.h"

/*
 * Reports as consistency.name a title of three capitalised words or more
 * (joined by single spaces and the language's prepositions and articles,
 * never by a conjunction: "China and the United States" is a list) whose
 * capitalised words the same document wrote earlier, within TITLE_NEAR
 * bytes, as a title of the same words in another order: machine
 * translation rebuilds a name from the source language's word order
 * ("Consejo de Transición Presidencial" for the "Consejo Presidencial de
 * Transición" of the lines before). Each later title is reported,
 * suggesting the first. False: out of memory.
 */
bool tql_name_title_order(tql_ctx *ctx);

#endif
