/* Unit tests through the public API: the findings contract (offset/length
 * hold `text`, line/column agree with the offset), readers and normalizer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "internal.h"

static tql_engine *eng;
static tql_checker *chk;

static int setup(void **state)
{
	(void)state;
	tql_engine_options o = {.data_dir = "dictionaries"};
	if (tql_engine_new(&o, &eng) != TQL_OK) {
		fprintf(stderr, "engine: %s\n", tql_engine_errmsg(eng));
		return -1;
	}
	return tql_checker_new(eng, &chk) == TQL_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	tql_checker_free(chk);
	tql_engine_free(eng);
	return 0;
}

/* Recomputes line and column of byte offset off the way the design says. */
static void line_col(const char *s, size_t off, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	size_t i = (strncmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	for (; i < off; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) {
			l++;
			c = 1;
		} else if (s[i] == '\r') {
			continue;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* Checks the contract on every finding of text; returns the result. */
static tql_result *check_contract(const char *text, size_t len)
{
	tql_result *res = NULL;
	tql_doc_options o = {.lang = "en", .format = TQL_FORMAT_TEXT};
	assert_int_equal(tql_check_buffer(chk, text, len, &o, &res), TQL_OK);
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		assert_true(f->offset + f->length <= len);
		assert_memory_equal(text + f->offset, f->text, f->length);
		unsigned l, c;
		line_col(text, f->offset, &l, &c);
		assert_int_equal(l, f->line);
		assert_int_equal(c, f->column);
		line_col(text, f->offset + f->length, &l, &c);
		assert_int_equal(l, f->end_line);
		assert_int_equal(c, f->end_column);
	}
	return res;
}

static bool has(const tql_result *res, const char *rule, const char *text)
{
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		if (strcmp(f->rule, rule) == 0 && strcmp(f->text, text) == 0)
			return true;
	}
	return false;
}

static void test_contract_multibyte(void **state)
{
	(void)state;
	const char *t = "\xEF\xBB\xBF" "Crème brûlée in Kyiv’s café.\r\n"
	                "The “Coalition Coalition” met.\rÉlysée full -scale ok.\n";
	tql_result *res = check_contract(t, strlen(t));
	assert_true(has(res, "duplicate.word", "Coalition Coalition"));
	assert_true(has(res, "garbled.space-in-word", "full -scale"));
	tql_result_free(res);
}

static void test_nfc_maps_back(void **state)
{
	(void)state;
	/* decomposed é (e + U+0301) twice: the finding spans the source bytes */
	const char *t = "Le cafe\xCC\x81 cafe\xCC\x81 est bon.";
	tql_result *res = check_contract(t, strlen(t));
	assert_true(has(res, "duplicate.word", "cafe\xCC\x81 cafe\xCC\x81"));
	tql_result_free(res);
}

static void test_invisible_and_invalid(void **state)
{
	(void)state;
	const char t[] = "Zero\xE2\x80\x8Bwidth and soft\xC2\xADhyphen, bad \xFF byte, U+FFFD \xEF\xBF\xBD.";
	tql_result *res = check_contract(t, sizeof t - 1);
	size_t inv = 0, bad = 0, rep = 0;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		inv += strcmp(f->rule, "encoding.invisible") == 0;
		bad += strcmp(f->rule, "encoding.invalid-utf8") == 0;
		rep += strcmp(f->rule, "encoding.replacement-char") == 0;
		if (strcmp(f->rule, "encoding.invisible") == 0) {
			assert_true(f->fixable);
			assert_int_equal(f->n_suggestions, 1);
			assert_string_equal(f->suggestions[0], "");
		}
	}
	assert_int_equal(inv, 2);
	assert_int_equal(bad, 1);
	assert_int_equal(rep, 1);
	tql_result_free(res);
}

static void test_binary_and_empty(void **state)
{
	(void)state;
	tql_result *res = NULL;
	tql_doc_options o = {.lang = "en", .format = TQL_FORMAT_TEXT};
	assert_int_equal(tql_check_buffer(chk, "a\0b", 3, &o, &res), TQL_EBINARY);
	assert_null(res);
	assert_int_equal(tql_check_buffer(chk, "", 0, &o, &res), TQL_OK);
	assert_int_equal(tql_result_count(res), 0);
	tql_result_free(res);
}

static void test_rule_registry(void **state)
{
	(void)state;
	assert_true(tql_engine_rule_count(eng) >= 4);
	assert_int_equal(tql_engine_set_enabled(eng, "no.such", 0), TQL_EUSAGE);
	assert_int_equal(tql_engine_set_enabled(eng, "duplicate", 0), TQL_OK);
	tql_result *res = check_contract("the the", 7);
	assert_int_equal(tql_result_count(res), 0);
	tql_result_free(res);
	assert_int_equal(tql_engine_set_enabled(eng, "duplicate", 1), TQL_OK);
	res = check_contract("the the", 7);
	assert_int_equal(tql_result_count(res), 1);
	tql_result_free(res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contract_multibyte),
		cmocka_unit_test(test_nfc_maps_back),
		cmocka_unit_test(test_invisible_and_invalid),
		cmocka_unit_test(test_binary_and_empty),
		cmocka_unit_test(test_rule_registry),
	};
	return cmocka_run_group_tests_name("api", tests, setup, teardown);
}
