/* name_slavic.h - a name in Ukrainian text left in its Russian form, and
 * the reverse, found without the name table. */
#ifndef TQL_NAME_SLAVIC_H
#define TQL_NAME_SLAVIC_H

#include "internal.h"
#include "names.h"

/*
 * Reports name.variant for capitalised Cyrillic words of four letters or
 * more that no other finding covers, in text of table language lang ("uk"
 * or "ru"; other languages: nothing), written as the other language writes
 * them: with its letters (Russian ы э ъ ё in Ukrainian text: "Сызрани";
 * Ukrainian і ї є ґ in Russian text: "Боснії"), or, unknown to the
 * Ukrainian dictionary, starting with И, which Ukrainian writes І in names
 * ("Игорь", "Исхак"). A word next to another word of the other language
 * only is part of a quoted passage, and a word after an opening quotation
 * mark a title kept in the original ("«Известия»"): both stay silent. (A word unknown to one
 * dictionary and known to the other is no evidence: uk_UA lists Трамп and
 * Стубб, ru_RU lists Судаков; measured.) In Ukrainian text, a Russian
 * given name of nm's names/given-ru-uk.tsv before a capitalised word (the
 * family name) is reported too, with the Ukrainian form ("Дмитрий Басов":
 * Дмитро; a case form, "Андрея", names the nominative without a fix), and
 * a word unknown to the dictionary that keeps the Polish ending -скі, -цкі
 * where nm knows the name in -ський, -цький ("Сікорскі": Сікорський).
 */
tql_status tql_name_other_slavic(tql_ctx *ctx, const char *lang, const tql_names *nm);

#endif
