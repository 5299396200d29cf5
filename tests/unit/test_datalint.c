/* Data lint for dictionaries/ (runs in make check): the name table's rules
 * from design §4. Each problem is printed as file:line: message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "internal.h"
#include "names.h"

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

static char *fold(const char *s)
{
	tql_buf b = {0};
	if (!tql_fold(s, strlen(s), &b)) {
		tql_buf_free(&b);
		return NULL;
	}
	return tql_buf_take(&b);
}

/* Is a single token a word of lang (for en: either en_US or en_GB)? */
static bool is_word(const char *lang, const char *w)
{
	if (strcmp(lang, "en") == 0)
		return tql_spell(chk, tql_lang_get(chk, "en", "US"), w, strlen(w)) == 1 ||
		       tql_spell(chk, tql_lang_get(chk, "en", "GB"), w, strlen(w)) == 1;
	tql_lang_res *lr = tql_lang_get(chk, lang, "");
	return lr && tql_spell(chk, lr, w, strlen(w)) == 1;
}

static void test_names_table(void **state)
{
	(void)state;
	const tql_names *nm = eng->names;
	assert_non_null(nm);
	size_t problems = 0;
	tql_strmap seen = {0};
	for (size_t i = 0; i < nm->nrows; i++) {
		const tql_name_row *r = &nm->rows[i];
		if (!r->source || strlen(r->source) < 8) {
			printf("%s:%u: row without a source note\n", r->file, r->line);
			problems++;
		}
		if (r->kind == TQL_NK_PERSON && !r->given[0] && !r->family[0]) {
			printf("%s:%u: person without given or family name\n", r->file, r->line);
			problems++;
		}
		char langs[64];
		snprintf(langs, sizeof langs, "%s", r->langs);
		char *save = NULL;
		for (char *lang = strtok_r(langs, ",", &save); lang; lang = strtok_r(NULL, ",", &save)) {
			char key[256];
			snprintf(key, sizeof key, "%s/%s", r->id, lang);
			if (tql_strmap_get(&seen, key, strlen(key), NULL)) {
				printf("%s:%u: duplicate row for %s\n", r->file, r->line, key);
				problems++;
			}
			tql_strmap_put(&seen, key, strlen(key), 1);
			for (char **e = r->errors; *e; e++) {
				char *fe = fold(*e);
				assert_non_null(fe);
				/* an error must not be a correct form of any entity in that language */
				const struct tql_hitlist *hl = tql_names_lookup(nm, lang, fe, strlen(fe));
				for (size_t h = 0; hl && h < hl->n; h++) {
					if (hl->v[h].type != TQL_FORM_ERROR) {
						printf("%s:%u: error variant '%s' is a correct form of '%s' (%s)\n",
						       r->file, r->line, *e, nm->rows[hl->v[h].row].canonical, lang);
						problems++;
						break;
					}
				}
				/* single-token errors must not be words of the language */
				if (!strchr(*e, ' ') && !strchr(*e, '-') && is_word(lang, *e)) {
					printf("%s:%u: error variant '%s' is a %s dictionary word\n", r->file,
					       r->line, *e, lang);
					problems++;
				}
				free(fe);
			}
		}
	}
	tql_strmap_free(&seen);
	printf("name table: %zu rows, %zu entities, %zu problems\n", nm->nrows, nm->entities, problems);
	assert_true(nm->entities >= 1000);
	assert_int_equal(problems, 0);
}

/* Splits a line of a given-ru-uk*.tsv file in place: *forms gets the
 * Russian forms, *uk the Ukrainian nominative. 0: a row; 1: a comment,
 * header or empty line; -1: malformed (reported as file:lineno). */
static int ruuk_row(char *line, const char *file, unsigned lineno, char **forms, char **uk)
{
	line[strcspn(line, "\n")] = '\0';
	if (!line[0] || line[0] == '#' || strncmp(line, "russian\t", 8) == 0)
		return 1;
	char *t1 = strchr(line, '\t');
	char *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
	if (!t2 || strlen(t2 + 1) < 8) {
		printf("%s:%u: expected russian<TAB>ukrainian<TAB>source\n", file, lineno);
		return -1;
	}
	*t1 = *t2 = '\0';
	*forms = line;
	*uk = t1 + 1;
	return 0;
}

/* names/given-ru-uk.tsv: every row has a source; no Russian form is a
 * Ukrainian dictionary word (Владимир, the Russian city, aside) and each
 * maps to its row's Ukrainian form. */
static void test_given_ru_uk(void **state)
{
	(void)state;
	const tql_names *nm = eng->names;
	FILE *f = fopen("dictionaries/names/given-ru-uk.tsv", "r");
	assert_non_null(f);
	char line[2048];
	unsigned lineno = 0;
	size_t problems = 0, forms = 0;
	/* forms of two names map to none: count each form first */
	tql_strmap count = {0};
	while (fgets(line, sizeof line, f)) {
		if (line[0] == '#' || !strchr(line, '\t'))
			continue;
		*strchr(line, '\t') = '\0';
		char *save = NULL;
		for (char *w = strtok_r(line, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
			uintptr_t c = 0;
			tql_strmap_get(&count, w, strlen(w), &c);
			assert_true(tql_strmap_put(&count, w, strlen(w), c + 1));
		}
	}
	rewind(f);
	while (fgets(line, sizeof line, f)) {
		char *cols, *uk;
		int r = ruuk_row(line, "given-ru-uk.tsv", ++lineno, &cols, &uk);
		problems += r < 0;
		if (r)
			continue;
		char *save = NULL;
		for (char *w = strtok_r(cols, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
			forms++;
			bool nom = false;
			const char *got = tql_names_uk_given(nm, w, strlen(w), &nom);
			uintptr_t c = 0;
			tql_strmap_get(&count, w, strlen(w), &c);
			if (c > 1 ? got != NULL : (!got || strcmp(got, uk) != 0)) {
				printf("given-ru-uk.tsv:%u: '%s' does not map to '%s'\n", lineno, w, uk);
				problems++;
			}
			if (strncmp(w, "Владимир", strlen("Владимир")) != 0 && is_word("uk", w)) {
				printf("given-ru-uk.tsv:%u: '%s' is a Ukrainian dictionary word\n", lineno, w);
				problems++;
			}
		}
	}
	fclose(f);
	tql_strmap_free(&count);
	printf("given-ru-uk: %zu forms, %zu problems\n", forms, problems);
	assert_true(forms > 100);
	assert_int_equal(problems, 0);
}

/* names/given-ru-uk-shared.tsv: every row has a source; each Russian form
 * maps to its row's Ukrainian form and is not also in given-ru-uk.tsv. */
static void test_given_ru_uk_shared(void **state)
{
	(void)state;
	const tql_names *nm = eng->names;
	FILE *f = fopen("dictionaries/names/given-ru-uk-shared.tsv", "r");
	assert_non_null(f);
	char line[2048];
	unsigned lineno = 0;
	size_t problems = 0, forms = 0;
	while (fgets(line, sizeof line, f)) {
		char *cols, *uk;
		int r = ruuk_row(line, "given-ru-uk-shared.tsv", ++lineno, &cols, &uk);
		problems += r < 0;
		if (r)
			continue;
		char *save = NULL;
		for (char *w = strtok_r(cols, "|", &save); w; w = strtok_r(NULL, "|", &save)) {
			forms++;
			bool nom = false;
			const char *got = tql_names_uk_given_shared(nm, w, strlen(w), &nom);
			if (!got || strcmp(got, uk) != 0 || tql_names_uk_given(nm, w, strlen(w), &nom)) {
				printf("given-ru-uk-shared.tsv:%u: '%s' does not map to '%s' only\n", lineno, w, uk);
				problems++;
			}
		}
	}
	fclose(f);
	printf("given-ru-uk-shared: %zu forms, %zu problems\n", forms, problems);
	assert_true(forms > 20);
	assert_int_equal(problems, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names_table),
		cmocka_unit_test(test_given_ru_uk),
		cmocka_unit_test(test_given_ru_uk_shared),
	};
	return cmocka_run_group_tests_name("datalint", tests, setup, teardown);
}
