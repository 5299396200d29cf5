/* Unit tests of the pattern-rule engine (rules.c, checks/patterns.c):
 * every rule's `bad` and `good` examples of every dictionaries/patterns
 * file run through the real engine; the loader's error messages; span,
 * suggestion and capitalisation handling on small rule files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "rules.h"

#include <unistd.h>

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

/* Checks text as lang; returns the result (caller frees). */
static tql_result *check(tql_checker *c, const char *text, const char *lang)
{
	tql_result *res = NULL;
	tql_doc_options o = {0};
	o.lang = lang;
	o.format = TQL_FORMAT_TEXT;
	assert_int_equal(tql_check_buffer(c, text, strlen(text), &o, &res), TQL_OK);
	return res;
}

/* The first finding of rule id in res, or NULL. */
static const tql_finding *find(const tql_result *res, const char *id)
{
	for (size_t i = 0; i < tql_result_count(res); i++)
		if (strcmp(tql_result_get(res, i)->rule, id) == 0)
			return tql_result_get(res, i);
	return NULL;
}

/* Every example of every rule file: bad must be flagged by its rule (with
 * a suggestion when the rule has a replacement), good must not. */
static void test_examples(void **state)
{
	(void)state;
	const tql_rules *rs = tql_rules_of(eng);
	assert_non_null(rs);
	static const char *const langs[] = {"en", "de", "fr", "es", "it", "ru", "uk"};
	size_t per_lang[7] = {0};
	size_t nbad = 0, ngood = 0, failed = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const tql_prule *r = &rs->v[i];
		for (size_t l = 0; l < 7; l++)
			per_lang[l] += strcmp(r->lang, langs[l]) == 0;
		for (size_t e = 0; e < r->nex; e++) {
			const tql_rule_example *ex = &r->ex[e];
			tql_result *res = check(chk, ex->text, r->lang[0] ? r->lang : "en");
			const tql_finding *f = find(res, r->id);
			if (ex->bad) {
				nbad++;
				if (!f) {
					printf("%s:%u: %s: bad example not flagged\n", r->file, ex->line, r->id);
					failed++;
				} else if (r->replace && f->n_suggestions != 1) {
					printf("%s:%u: %s: no suggestion for the bad example\n", r->file,
					       ex->line, r->id);
					failed++;
				} else if (f->fixable != (r->fix_safe ? 1 : 0)) {
					printf("%s:%u: %s: fixable is %d\n", r->file, ex->line, r->id, f->fixable);
					failed++;
				}
			} else {
				ngood++;
				if (f) {
					printf("%s:%u: %s: good example flagged: '%s'\n", r->file, ex->line, r->id,
					       f->text);
					failed++;
				}
			}
			tql_result_free(res);
		}
	}
	printf("rules: %zu rules (en %zu, de %zu, fr %zu, es %zu, it %zu, ru %zu, uk %zu), "
	       "%zu bad and %zu good examples, %zu failed\n",
	       rs->n, per_lang[0], per_lang[1], per_lang[2], per_lang[3], per_lang[4], per_lang[5],
	       per_lang[6], nbad, ngood, failed);
	for (size_t l = 0; l < 7; l++)
		assert_true(per_lang[l] > 0);
	assert_true(nbad >= rs->n && ngood >= rs->n);
	assert_int_equal(failed, 0);
}

/* The registry lists the dynamic rules once, even when ids are shared. */
static void test_registry(void **state)
{
	(void)state;
	const tql_rules *rs = tql_rules_of(eng);
	for (size_t i = 0; i < rs->n; i++) {
		int k = tql_rule_find(eng, rs->v[i].id);
		assert_int_equal(k, rs->v[i].reg);
		const char *cat = tql_engine_rule(eng, (size_t)k)->category;
		assert_memory_equal(rs->v[i].id, cat, strlen(cat));
		assert_int_equal(rs->v[i].id[strlen(cat)], '.');
	}
	size_t n = tql_engine_rule_count(eng);
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			assert_string_not_equal(tql_engine_rule(eng, i)->id, tql_engine_rule(eng, j)->id);
	/* rules apply to their language only */
	tql_result *res = check(chk, "Ukraine wants a coalition of readiness.", "de");
	assert_null(find(res, "calque.coalition-of-readiness"));
	tql_result_free(res);
}

/* ---- small rule files ----------------------------------------------------- */

static char tmpdir[64];

/* Writes a rule file and loads it into a fresh engine; returns the status
 * (the engine is stored in *out, caller frees). */
static tql_status load_text(const char *text, const char *lang, tql_engine **out)
{
	char path[128];
	snprintf(path, sizeof path, "%s/t.rules", tmpdir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, out), TQL_OK);
	return tql_rules_load_file(*out, path, lang);
}

#define RULE_HEAD "[calque.test]\ncategory = calque\nseverity = info\nmessage = m\n"
#define RULE_EX "bad = x\ngood = y\n"

/* Each format error is TQL_EDATA with "file:line:" of the culprit. */
static void test_loader_errors(void **state)
{
	(void)state;
	static const struct {
		const char *text;
		unsigned line;
		const char *what;
	} cases[] = {
		{RULE_HEAD "pattern = (unclosed\n" RULE_EX, 5, "bad pattern"},
		{RULE_HEAD "pattern = x\nbad = x\n", 1, "needs at least one"},
		{RULE_HEAD "pattern = x\nfrobnicate = 1\n" RULE_EX, 6, "unknown key"},
		{RULE_HEAD "pattern = x\npattern = y\n" RULE_EX, 6, "given twice"},
		{"category = calque\n", 1, "outside a rule block"},
		{"[calque.test]\ncategory = nonsense\n", 2, "unknown category"},
		{"[calque.test]\nseverity = fatal\n", 2, "unknown severity"},
		{"[Calque Test]\n", 1, "bad rule id"},
		{"[typography.test]\ncategory = calque\nseverity = info\nmessage = m\npattern = x\n" RULE_EX,
		 1, "must start with its category"},
		{RULE_HEAD "pattern = x\n" RULE_EX "\n" RULE_HEAD "pattern = z\n" RULE_EX, 9,
		 "duplicate rule id"},
		{"[duplicate.word]\ncategory = duplicate\nseverity = info\nmessage = m\npattern = x\n" RULE_EX,
		 1, "built-in"},
		{RULE_HEAD "pattern = x\nfix = safe\n" RULE_EX, 1, "needs a 'replace'"},
		{RULE_HEAD "pattern = x\njust words\n" RULE_EX, 6, "expected 'key = value'"},
		{"[calque.test\n", 1, "rule header"},
		{RULE_HEAD "pattern = \xff\n" RULE_EX, 5, "invalid UTF-8"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		tql_engine *e = NULL;
		tql_status st = load_text(cases[i].text, "en", &e);
		char want[160];
		snprintf(want, sizeof want, "%s/t.rules:%u: ", tmpdir, cases[i].line);
		const char *msg = tql_engine_errmsg(e);
		if (st != TQL_EDATA || strncmp(msg, want, strlen(want)) != 0 ||
		    !strstr(msg, cases[i].what))
			printf("case %zu: status %d, message '%s'\n", i, (int)st, msg);
		assert_int_equal(st, TQL_EDATA);
		assert_memory_equal(msg, want, strlen(want));
		assert_non_null(strstr(msg, cases[i].what));
		tql_engine_free(e);
	}
	/* a missing file is an I/O error that names the file */
	tql_engine *e = NULL;
	tql_engine_options o = {.data_dir = "dictionaries"};
	assert_int_equal(tql_engine_new(&o, &e), TQL_OK);
	assert_int_equal(tql_rules_load_file(e, "/nonexistent/x.rules", "en"), TQL_EIO);
	assert_non_null(strstr(tql_engine_errmsg(e), "/nonexistent/x.rules"));
	tql_engine_free(e);
}

/* Span after \K, back-references, capitalisation, fixable, empty matches,
 * severity and language of a user rule file. */
static void test_matching(void **state)
{
	(void)state;
	tql_engine *e = NULL;
	assert_int_equal(
		load_text("[calque.kay]\ncategory = calque\nseverity = error\nmessage = kay\n"
		          "pattern = \\bthe \\K(big|small) (dog)s?\\b\nreplace = $2 of size $1\n"
		          "bad = the big dog\ngood = a big dog\n\n"
		          "[calque.cap]\ncategory = calque\nseverity = info\nmessage = cap\n"
		          "pattern = \\b[Éé]lan vital\\b\nreplace = élan\nfix = safe\n"
		          "bad = Élan vital\ngood = elan\n\n"
		          "[typography.empty]\ncategory = typography\nseverity = info\nmessage = empty\n"
		          "pattern = (?=x)|\\bzz\\b|\nbad = zz\ngood = y\n",
		          "xx", &e),
		TQL_OK);
	tql_checker *c = NULL;
	assert_int_equal(tql_checker_new(e, &c), TQL_OK);
	/* rules of language xx do not run on English */
	tql_result *res = check(c, "See the big dog.", "en");
	assert_null(find(res, "calque.kay"));
	tql_result_free(res);

	res = check(c, "See the big dogs and THE small dog. Élan vital, zz and x.", "xx");
	size_t nk = 0;
	for (size_t i = 0; i < tql_result_count(res); i++) {
		const tql_finding *f = tql_result_get(res, i);
		if (strcmp(f->rule, "calque.kay") == 0) {
			nk++;
			assert_int_equal(f->offset, 8); /* after \K: "big dogs" */
			assert_string_equal(f->text, "big dogs");
			assert_int_equal(f->n_suggestions, 1);
			assert_string_equal(f->suggestions[0], "dog of size big");
			assert_int_equal(f->severity, TQL_SEV_ERROR);
			assert_false(f->fixable);
		}
	}
	assert_int_equal(nk, 1); /* "THE small dog": the pattern is case-sensitive */
	const tql_finding *f = find(res, "calque.cap");
	assert_non_null(f);
	assert_string_equal(f->text, "Élan vital");
	assert_string_equal(f->suggestions[0], "Élan"); /* initial capital kept */
	assert_true(f->fixable);
	f = find(res, "typography.empty"); /* empty matches are skipped, not looped on */
	assert_non_null(f);
	assert_string_equal(f->text, "zz");
	tql_result_free(res);

	/* --disable works on dynamic rules */
	assert_int_equal(tql_engine_set_enabled(e, "calque.kay", 0), TQL_OK);
	res = check(c, "See the big dog.", "xx");
	assert_null(find(res, "calque.kay"));
	tql_result_free(res);
	tql_checker_free(c);
	tql_engine_free(e);
}

/* The sample article's calques, with their suggestions. */
static void test_sample(void **state)
{
	(void)state;
	tql_result *res = check(chk,
	                        "US Special Messenger Steve Witkoff said the coalition of readiness "
	                        "would meet in Paris.",
	                        "en");
	const tql_finding *f = find(res, "calque.special-messenger");
	assert_non_null(f);
	assert_string_equal(f->text, "Special Messenger");
	assert_string_equal(f->suggestions[0], "Special envoy");
	f = find(res, "calque.coalition-of-readiness");
	assert_non_null(f);
	assert_string_equal(f->text, "coalition of readiness");
	assert_string_equal(f->suggestions[0], "coalition of the willing");
	tql_result_free(res);
	/* a rule that lower-cases keeps its suggestion lower-case */
	res = check(chk, "The talks ended; And nobody was surprised.", "en");
	f = find(res, "garbled.semicolon-capital-and");
	assert_non_null(f);
	assert_string_equal(f->suggestions[0], "and");
	tql_result_free(res);
}

int main(void)
{
	snprintf(tmpdir, sizeof tmpdir, "/tmp/tql-rules-XXXXXX");
	if (!mkdtemp(tmpdir))
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_examples),
		cmocka_unit_test(test_registry),
		cmocka_unit_test(test_loader_errors),
		cmocka_unit_test(test_matching),
		cmocka_unit_test(test_sample),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	char path[128];
	snprintf(path, sizeof path, "%s/t.rules", tmpdir);
	unlink(path);
	rmdir(tmpdir);
	return rc;
}
