/* Unit tests of the name table API: project-local tables and house style. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "internal.h"
#include "names.h"

#include <unistd.h>

static size_t count_rule(tql_engine *eng, const char *text, const char *rule)
{
	tql_checker *chk = NULL;
	assert_int_equal(tql_checker_new(eng, &chk), TQL_OK);
	tql_result *res = NULL;
	tql_doc_options o = {.lang = "en", .format = TQL_FORMAT_TEXT};
	assert_int_equal(tql_check_buffer(chk, text, strlen(text), &o, &res), TQL_OK);
	size_t n = 0;
	for (size_t i = 0; i < tql_result_count(res); i++)
		n += strcmp(tql_result_get(res, i)->rule, rule) == 0;
	tql_result_free(res);
	tql_checker_free(chk);
	return n;
}

/* Writes a temporary table file; returns its path in buf. */
static void write_table(char *buf, const char *tsv)
{
	int fd = mkstemp(buf);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, tsv, strlen(tsv)), (ssize_t)strlen(tsv));
	close(fd);
}

static void test_prefer(void **state)
{
	(void)state;
	tql_engine *eng = NULL;
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, &eng), TQL_OK);
	const char *t = "President Zelensky spoke in Kyiv.";
	assert_int_equal(count_rule(eng, t, "consistency.name"), 0);
	assert_int_equal(tql_engine_prefer(eng, "en", "Zelenskyy"), TQL_OK);
	assert_int_equal(count_rule(eng, t, "consistency.name"), 1);
	assert_int_equal(count_rule(eng, "President Zelenskyy spoke.", "consistency.name"), 0);
	assert_int_equal(tql_engine_prefer(eng, "en", "Zelenskyyy"), TQL_EUSAGE);
	tql_engine_free(eng);
}

static void test_local_table(void **state)
{
	(void)state;
	char path[] = "/tmp/tqlint-names-XXXXXX";
	write_table(path, "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n"
	                  "ana-exampleova\ten\tperson\tAna Exampleova\tExampleova\tExamplova\tAna\t"
	                  "Exampleova\tunit-test fixture, not a real person\n");
	tql_engine *eng = NULL;
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, &eng), TQL_OK);
	const char *t = "The editor Examplova resigned.";
	assert_int_equal(count_rule(eng, t, "name.variant"), 0);
	assert_int_equal(tql_engine_add_names(eng, path), TQL_OK);
	assert_int_equal(count_rule(eng, t, "name.variant"), 1);
	tql_engine_free(eng);
	unlink(path);
}

/* A supplement row in a project table adds error forms to an existing
 * entity; one for a missing entity is a data error with file:line. */
static void test_supplement(void **state)
{
	(void)state;
	char path[] = "/tmp/tqlint-supp-XXXXXX";
	write_table(path, "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n"
	                  "keir-starmer\t+en\tperson\tKeir Starmer\t\tSitaruomo\t\t\tunit-test "
	                  "fixture (pinyin of a Chinese rendering)\n");
	tql_engine *eng = NULL;
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, &eng), TQL_OK);
	const char *t = "Prime Minister Sitaruomo spoke.";
	assert_int_equal(count_rule(eng, t, "name.variant"), 0);
	assert_int_equal(tql_engine_add_names(eng, path), TQL_OK);
	assert_int_equal(count_rule(eng, t, "name.variant"), 1);
	unlink(path);
	char bad[] = "/tmp/tqlint-supp-XXXXXX";
	write_table(bad, "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n"
	                 "no-such-entity\t+en\tperson\tX\t\tXyzzyq\t\t\tfixture\n");
	assert_int_equal(tql_engine_add_names(eng, bad), TQL_EDATA);
	assert_non_null(strstr(tql_engine_errmsg(eng), ":2:"));
	unlink(bad);
	tql_engine_free(eng);
}

/* English spellings read in Cyrillic meet their Latin forms by sound. */
static void test_cyr_key(void **state)
{
	(void)state;
	tql_buf a = {0}, b = {0};
	assert_true(tql_names_cyr_key("беиджинг", strlen("беиджинг"), &a));
	assert_true(tql_names_phonetic("beijing", 7, &b));
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.p, b.p, a.n);
	a.n = b.n = 0;
	assert_true(tql_names_cyr_key("ким джонг ун", strlen("ким джонг ун"), &a));
	assert_true(tql_names_phonetic("kim jong un", 11, &b));
	assert_int_equal(a.n, b.n);
	assert_memory_equal(a.p, b.p, a.n);
	a.n = 0;
	assert_false(tql_names_cyr_key("beijing", 7, &a)); /* not Cyrillic */
	tql_buf_free(&a);
	tql_buf_free(&b);
}

/* Cognate given names share a set; unrelated ones do not. */
static void test_cognates(void **state)
{
	(void)state;
	tql_engine *eng = NULL;
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, &eng), TQL_OK);
	const tql_names *nm = eng->names;
	assert_non_null(nm);
	int f = tql_names_cognate(nm, "friedrich", 9);
	assert_true(f > 0);
	assert_int_equal(tql_names_cognate(nm, "frederic", 8), f);
	assert_int_not_equal(tql_names_cognate(nm, "antoine", 7), f);
	assert_int_equal(tql_names_cognate(nm, "xyzzy", 5), 0);
	/* an entity without a German row is written there as in English */
	assert_non_null(tql_names_entity_row(nm, "keir-starmer", "de"));
	tql_engine_free(eng);
}

/* Declension: a case form of a name is the name; another language's
 * nominative or a cut-off form is not. Keys are folded (й is и). */
static void test_declension(void **state)
{
	(void)state;
	static const char *const same[][3] = {
		{"ru", "сергея лаврова", "сергеи лавров"},  {"ru", "сергеем лавровым", "сергеи лавров"},
		{"ru", "николая", "николаи"},               {"ru", "вадима", "вадим"},
		{"ru", "мариеи захаровои", "мария захарова"}, {"ru", "марии", "мария"},
		{"ru", "яна", "ян"},                        {"ru", "зеленского", "зеленскии"},
		{"uk", "марією", "марія"},                  {"uk", "кочановоі", "кочанова"},
		{"uk", "андрієм", "андріи"},                {"uk", "трампові", "трамп"},
		{"de", "kiews", "kiew"},
	};
	static const char *const differ[][3] = {
		{"ru", "андрии", "андреи"},   /* Ukrainian Андрій is not a case of Андрей */
		{"uk", "сергеи", "сергіи"},   /* nor Russian Сергей of Сергій */
		{"uk", "кислица", "кислиця"},
		{"ru", "лавр", "лавров"},
		{"ru", "сергеи", "сергеи лавров"},
		{"en", "kievs", "kiev"},      /* English has no case endings */
	};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++)
		assert_true(tql_names_same_inflected(same[i][0], same[i][1], strlen(same[i][1]), same[i][2],
		                                     strlen(same[i][2])));
	for (size_t i = 0; i < sizeof differ / sizeof *differ; i++)
		assert_false(tql_names_same_inflected(differ[i][0], differ[i][1], strlen(differ[i][1]),
		                                      differ[i][2], strlen(differ[i][2])));
	/* the stem of the oblique cases when a vowel changes or drops */
	static const char *const obl[][3] = {
		{"uk", "харків", "харков"}, {"uk", "львів", "львов"}, {"uk", "киів", "києв"},
		{"ru", "египет", "египт"},  {"uk", "тернопіль", "тернопол"},
	};
	tql_buf b = {0};
	for (size_t i = 0; i < sizeof obl / sizeof *obl; i++) {
		b.n = 0;
		assert_true(tql_names_oblique_stem(obl[i][0], obl[i][1], strlen(obl[i][1]), &b));
		assert_int_equal(b.n, strlen(obl[i][2]));
		assert_memory_equal(b.p, obl[i][2], b.n);
	}
	b.n = 0;
	assert_false(tql_names_oblique_stem("ru", "москва", strlen("москва"), &b));
	assert_false(tql_names_oblique_stem("en", "london", 6, &b));
	tql_buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefer),
		cmocka_unit_test(test_local_table),
		cmocka_unit_test(test_supplement),
		cmocka_unit_test(test_cyr_key),
		cmocka_unit_test(test_cognates),
		cmocka_unit_test(test_declension),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
