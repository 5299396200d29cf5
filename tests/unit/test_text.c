/* Unit tests: UTF-8 decoding, offset maps, folding keys. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "internal.h"

static void test_utf8_next(void **state)
{
	(void)state;
	const char *s = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80";
	size_t i = 0, n = strlen(s);
	assert_int_equal(tql_u8_next(s, n, &i), 'a');
	assert_int_equal(tql_u8_next(s, n, &i), 0xE9);
	assert_int_equal(tql_u8_next(s, n, &i), 0x20AC);
	assert_int_equal(tql_u8_next(s, n, &i), 0x1F600);
	assert_int_equal(i, n);
	/* overlong, surrogate, truncated, stray continuation */
	const char *bad[] = {"\xC0\xAF", "\xED\xA0\x80", "\xE2\x82", "\x80", "\xF5\x80\x80\x80"};
	for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
		i = 0;
		assert_int_equal(tql_u8_next(bad[k], strlen(bad[k]), &i), -1);
		assert_true(i >= 1);
	}
	assert_int_equal(tql_u8_valid_prefix("ab\xFF" "cd", 5), 2);
	assert_int_equal(tql_u8_count("\xC3\xA9t\xC3\xA9", 5), 3);
}

static void test_map(void **state)
{
	(void)state;
	tql_map m = {0};
	/* "ab" copied, BOM dropped (0 <- 3), "\n" <- "\r\n", "cd" copied */
	assert_true(tql_map_copy(&m, 2));
	assert_true(tql_map_replace(&m, 0, 3));
	assert_true(tql_map_replace(&m, 1, 2));
	assert_true(tql_map_copy(&m, 2));
	assert_int_equal(tql_map_start(&m, 0), 0);
	assert_int_equal(tql_map_start(&m, 1), 1);
	assert_int_equal(tql_map_start(&m, 2), 5);   /* the "\n" starts at source 5 */
	assert_int_equal(tql_map_end(&m, 3), 7);     /* after "\r\n" */
	assert_int_equal(tql_map_start(&m, 3), 7);
	assert_int_equal(tql_map_end(&m, 5), 9);
	assert_int_equal(tql_map_end(&m, 2), 2);
	tql_map_free(&m);
}

static void fold_eq(const char *in, const char *want)
{
	tql_buf b = {0};
	assert_true(tql_fold(in, strlen(in), &b));
	assert_string_equal(b.p, want);
	tql_buf_free(&b);
}

static void test_fold(void **state)
{
	(void)state;
	fold_eq("Ki -i -Tsinping", "ki i tsinping");
	fold_eq("Ki-i-Tsinping", "ki i tsinping");
	fold_eq("ki i tsinping", "ki i tsinping");
	fold_eq("Élysée", "elysee");
	fold_eq("E\xCC\x81lyse\xCC\x81" "e", "elysee"); /* decomposed */
	fold_eq("O\xE2\x80\x99" "Brien", "obrien");
	fold_eq("  Straße ", "strasse");
	fold_eq("Łódź", "lodz");
	fold_eq("ЗЕЛЕНСЬКИЙ", "зеленськии");
	fold_eq("St. Petersburg", "st petersburg");
	fold_eq("Zelens\xCA\xB9kij", "zelenskij");
	fold_eq("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_next),
		cmocka_unit_test(test_map),
		cmocka_unit_test(test_fold),
	};
	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
