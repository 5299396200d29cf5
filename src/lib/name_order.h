/* name_order.h - one unknown two-word name written in both orders
 * ("Kuria Kimani" ... "Kimani Kuria"), found without the name table. */
#ifndef TQL_NAME_ORDER_H
#define TQL_NAME_ORDER_H

#include "internal.h"
#include "name_accent.h"
#include "names.h"

/*
 * Reports as consistency.name a pair of capitalised words separated by one
 * space ("Isaka Ryuichi") whose words the same document wrote earlier, in
 * the other order, within ORDER_NEAR bytes ("Ryuichi Isaka"): given and
 * family name swapped, as machine translation does between languages that
 * write the family name first and those that do not. Both words must be
 * unknown to the dictionary (so "Lord Chancellor" / "Chancellor Lord" and
 * "Christ Jesus" stay silent) and neither may lie in a mention of the name
 * table (ms, n): the table's own order check judges those. Each later
 * occurrence is reported, suggesting the first order. False: out of
 * memory.
 */
bool tql_name_order(tql_ctx *ctx, const tql_names *nm, const tql_mention *ms, size_t n);

#endif
