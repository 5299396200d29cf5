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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefer),
		cmocka_unit_test(test_local_table),
		cmocka_unit_test(test_supplement),
		cmocka_unit_test(test_cyr_key),
		cmocka_unit_test(test_cognates),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
