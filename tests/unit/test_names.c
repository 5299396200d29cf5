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

static void test_prefer(void **state)
{
	(void)state;
	tql_engine *eng = NULL;
	tql_engine_options o = {"dictionaries", NULL};
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
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *tsv = "id\tlang\tkind\tcanonical\taccepted\terrors\tgiven\tfamily\tsource\n"
	                  "ana-exampleova\ten\tperson\tAna Exampleova\tExampleova\tExamplova\tAna\t"
	                  "Exampleova\tunit-test fixture, not a real person\n";
	assert_int_equal(write(fd, tsv, strlen(tsv)), (ssize_t)strlen(tsv));
	close(fd);
	tql_engine *eng = NULL;
	tql_engine_options o = {"dictionaries", NULL};
	assert_int_equal(tql_engine_new(&o, &eng), TQL_OK);
	const char *t = "The editor Examplova resigned.";
	assert_int_equal(count_rule(eng, t, "name.variant"), 0);
	assert_int_equal(tql_engine_add_names(eng, path), TQL_OK);
	assert_int_equal(count_rule(eng, t, "name.variant"), 1);
	tql_engine_free(eng);
	unlink(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_prefer),
		cmocka_unit_test(test_local_table),
	};
	return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
