/* Unit tests: the CLD2 shim (langid.cc) and the document language (langdoc.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "internal.h"
#include "langid.h"

/* Detects s and checks the top language and reliability. */
static void expect_lang(const char *s, const char *hint, const char *want, bool reliable)
{
	tql_langid r;
	assert_true(tql_langid_detect(s, strlen(s), hint, &r));
	assert_string_equal(r.lang[0], want);
	assert_int_equal(r.reliable, reliable);
	if (reliable)
		assert_true(r.percent[0] >= 80);
}

static void test_detect_languages(void **state)
{
	(void)state;
	expect_lang("The details will be worked out in the coming days, officials said.", NULL, "en",
	            true);
	expect_lang("Die Einzelheiten sollen in den kommenden Tagen ausgearbeitet werden.", NULL, "de",
	            true);
	expect_lang("Les détails seront réglés dans les prochains jours, selon des responsables.",
	            NULL, "fr", true);
	/* short Spanish can come out Galician without the hint */
	expect_lang("Los detalles se concretarán en los próximos días, según fuentes oficiales.", "es",
	            "es", true);
	expect_lang("I dettagli saranno definiti nei prossimi giorni, hanno detto i funzionari.", NULL,
	            "it", true);
	expect_lang("Подробности будут согласованы в ближайшие дни, сообщили чиновники.", NULL, "ru",
	            true);
	expect_lang("Подробиці будуть узгоджені найближчими днями, повідомили посадовці.", NULL, "uk",
	            true);
	/* CLD2's own codes are renamed: iw -> he, zh-Hant -> zh */
	expect_lang("האיחוד האירופי הודיע ביום שני על צעדים חדשים לתמיכה בחקלאים.", NULL, "he", true);
	expect_lang("欧盟周一宣布了支持农民的新措施。各国农业部长在布鲁塞尔举行会议。", NULL, "zh", true);
}

static void test_detect_edges(void **state)
{
	(void)state;
	tql_langid r;
	/* nothing to decide */
	assert_false(tql_langid_detect("", 0, NULL, &r));
	assert_string_equal(r.lang[0], "");
	assert_false(r.reliable);
	/* invalid UTF-8 is refused, not guessed */
	const char bad[] = "Die Einzelheiten \xC3\x28 sollen ausgearbeitet werden.";
	assert_false(tql_langid_detect(bad, sizeof bad - 1, NULL, &r));
	assert_false(r.reliable);
	/* digits and punctuation only: no language */
	assert_true(tql_langid_detect("12:45 -- 2025/10/31 ...", 23, NULL, &r));
	assert_false(r.reliable);
	/* known codes and names */
	assert_true(tql_langid_known("de"));
	assert_true(tql_langid_known("he"));
	assert_true(tql_langid_known("uk"));
	assert_false(tql_langid_known(""));
	assert_string_equal(tql_langid_name("uk"), "Ukrainian");
	assert_string_equal(tql_langid_name("qqq"), "qqq");
}

/* Runs tql_langid_doc on text with doc->lang preset to `given`. */
static void doc_lang(const char *text, const char *given, const char *want)
{
	tql_doc doc = {0};
	doc.raw = (char *)text;
	doc.raw_len = strlen(text);
	snprintf(doc.lang, sizeof doc.lang, "%s", given);
	tql_langid_doc(&doc);
	assert_string_equal(doc.lang, want);
}

static void test_doc_language(void **state)
{
	(void)state;
	/* an explicit language is never overridden */
	doc_lang("Die Einzelheiten sollen in den kommenden Tagen ausgearbeitet werden.", "fr", "fr");
	doc_lang("Die Einzelheiten sollen in den kommenden Tagen ausgearbeitet werden.", "", "de");
	doc_lang("Переговори тривали менше двох годин, повідомили в Офісі президента.", "", "uk");
	doc_lang("Η Ευρωπαϊκή Ένωση ανακοίνωσε τη Δευτέρα νέα μέτρα για τους αγρότες.", "", "el");
	/* under four words, or nothing reliable: English */
	doc_lang("Mehr zum Thema", "", "en");
	doc_lang("", "", "en");
	doc_lang("2025-10-31 12:45 | 3 4 5 6 7 8", "", "en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_languages),
		cmocka_unit_test(test_detect_edges),
		cmocka_unit_test(test_doc_language),
	};
	return cmocka_run_group_tests_name("langid", tests, NULL, NULL);
}
