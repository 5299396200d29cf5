/* lang.c - per-checker language resources: break iterators and Hunspell. */
#include "internal.h"
#include "name_text.h"

#include <hunspell/hunspell.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include <unicode/ucnv.h>
#include <unicode/uscript.h>

/* Default dictionary per language when the region is not given. */
static const char *default_dict(const char *lang)
{
	static const char *const map[][2] = {
		{"en", "en_US"}, {"de", "de_DE"}, {"fr", "fr_FR"}, {"es", "es_ES"}, {"it", "it_IT"},
		{"ru", "ru_RU"}, {"uk", "uk_UA"}, {"pt", "pt_PT"}, {"pl", "pl_PL"}, {"nl", "nl_NL"},
	};
	for (size_t i = 0; i < sizeof map / sizeof *map; i++)
		if (strcmp(lang, map[i][0]) == 0)
			return map[i][1];
	return NULL;
}

static bool dict_exists(const char *dir, const char *name)
{
	char p[1024];
	snprintf(p, sizeof p, "%s/%s.dic", dir, name);
	if (access(p, R_OK) != 0)
		return false;
	snprintf(p, sizeof p, "%s/%s.aff", dir, name);
	return access(p, R_OK) == 0;
}

/* Adds every word of a list file (one per line, # comments) to lr's handle. */
static void add_word_file(tql_lang_res *lr, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	if (path && tql_read_file(path, &data, &len) == TQL_OK) {
		char *save = NULL;
		for (char *line = strtok_r(data, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			size_t l = strlen(line);
			while (l && (line[l - 1] == '\r' || line[l - 1] == ' '))
				line[--l] = '\0';
			if (l && line[0] != '#')
				Hunspell_add(lr->hun, line);
		}
	}
	free(data);
}

/* Opens the Hunspell dictionary for lr (under the engine lock: Hunspell
 * 1.7.1 has a non-atomic global refcount, upstream issue #727). */
static void open_hunspell(tql_engine *eng, tql_lang_res *lr)
{
	char name[64] = "";
	const char *dir = eng->hunspell_dir;
	if (lr->region[0]) {
		snprintf(name, sizeof name, "%s_%s", lr->lang, lr->region);
		if (!dict_exists(dir, name))
			name[0] = '\0';
	}
	if (!name[0]) {
		const char *d = default_dict(lr->lang);
		if (d && dict_exists(dir, d))
			snprintf(name, sizeof name, "%s", d);
		else if (dict_exists(dir, lr->lang))
			snprintf(name, sizeof name, "%s", lr->lang);
		else if (strcmp(lr->lang, "fr") == 0 && dict_exists(dir, "fr"))
			snprintf(name, sizeof name, "fr");
	}
	if (!name[0])
		return;
	char aff[1024], dic[1024];
	snprintf(aff, sizeof aff, "%s/%s.aff", dir, name);
	snprintf(dic, sizeof dic, "%s/%s.dic", dir, name);
	pthread_mutex_lock(&eng->lock);
	lr->hun = Hunspell_create(aff, dic);
	pthread_mutex_unlock(&eng->lock);
	if (!lr->hun)
		return;
	const char *enc = Hunspell_get_dic_encoding(lr->hun);
	snprintf(lr->hun_enc, sizeof lr->hun_enc, "%s", enc ? enc : "UTF-8");
	lr->hun_latin1 = strcasecmp(lr->hun_enc, "UTF-8") != 0;
	/* supplementary word list of the project: dictionaries/words/<lang>.txt */
	char rel[64];
	snprintf(rel, sizeof rel, "words/%s.txt", lr->lang);
	char *path = tql_data_path(eng, rel);
	add_word_file(lr, path);
	free(path);
	/* project word lists named in configuration files (all languages) */
	for (size_t i = 0; i < eng->nextra_words; i++)
		add_word_file(lr, eng->extra_words[i]);
}

tql_lang_res *tql_lang_get(tql_checker *chk, const char *lang, const char *region)
{
	for (size_t i = 0; i < chk->nlangs; i++)
		if (strcmp(chk->langs[i]->lang, lang) == 0 && strcmp(chk->langs[i]->region, region) == 0)
			return chk->langs[i];
	tql_lang_res *lr = calloc(1, sizeof *lr);
	if (!lr || !TQL_GROW(chk->langs, chk->langcap, chk->nlangs + 1)) {
		free(lr);
		return NULL;
	}
	snprintf(lr->lang, sizeof lr->lang, "%s", lang);
	snprintf(lr->region, sizeof lr->region, "%s", region);
	char loc[32];
	snprintf(loc, sizeof loc, "%s%s%s", lang, region[0] ? "_" : "", region);
	UErrorCode err = U_ZERO_ERROR;
	lr->wordbrk = ubrk_open(UBRK_WORD, loc, NULL, 0, &err);
	if (U_SUCCESS(err))
		lr->sentbrk = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &err);
	if (U_FAILURE(err)) {
		ubrk_close(lr->wordbrk);
		free(lr);
		return NULL;
	}
	chk->langs[chk->nlangs++] = lr;
	return lr;
}

/* Converts UTF-8 to the dictionary's 8-bit encoding; false if impossible. */
static bool to_dict_encoding(const tql_lang_res *lr, const char *w, size_t n, char *out, size_t cap)
{
	UErrorCode err = U_ZERO_ERROR;
	int32_t k = ucnv_convert(lr->hun_enc, "UTF-8", out, (int32_t)cap, w, (int32_t)n, &err);
	return U_SUCCESS(err) && err != U_STRING_NOT_TERMINATED_WARNING && k > 0 &&
	       (size_t)k < cap;
}

/* Looks a word up: 1 known, 0 unknown, -1 no dictionary. Consults the
 * result cache, and stores the answer there when `store` is set. */
static int spell_lookup(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len,
                        bool store)
{
	if (!lr->hun_tried) {
		lr->hun_tried = true;
		open_hunspell(chk->eng, lr);
	}
	if (!lr->hun)
		return -1;
	if (len == 0 || len > 100)
		return 1;
	uintptr_t v;
	if (tql_strmap_get(&lr->spell_cache, word, len, &v))
		return v == 1;
	char tmp[512];
	int ok;
	if (lr->hun_latin1) {
		ok = to_dict_encoding(lr, word, len, tmp, sizeof tmp) ? Hunspell_spell(lr->hun, tmp) : 0;
	} else {
		memcpy(tmp, word, len);
		tmp[len] = '\0';
		ok = Hunspell_spell(lr->hun, tmp);
	}
	ok = ok != 0;
	if (store) {
		/* bounded: a stream of millions of articles keeps constant memory */
		if (lr->spell_cache.n >= 200000)
			tql_strmap_free(&lr->spell_cache);
		tql_strmap_put(&lr->spell_cache, word, len, ok ? 1 : 2);
	}
	return ok;
}

int tql_spell_nocache(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len)
{
	return spell_lookup(chk, lr, word, len, false);
}

int tql_spell(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len)
{
	return spell_lookup(chk, lr, word, len, true);
}

int tql_spell_script(const char *lang)
{
	static const char *const latin[] = {"en", "de", "fr", "es", "it"};
	for (size_t i = 0; i < sizeof latin / sizeof *latin; i++)
		if (strcmp(lang, latin[i]) == 0)
			return USCRIPT_LATIN;
	return strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 ? USCRIPT_CYRILLIC : 0;
}

int tql_spell_lowered(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len)
{
	char low[128];
	size_t lown;
	if (!tql_nt_lower_initial(word, len, low, sizeof low, &lown))
		return -2;
	return tql_spell(chk, lr, low, lown);
}

/* Hunspell suggestions for word (UTF-8), best first, appended to out as
 * NUL-separated strings; returns how many (at most max), -1 if none could
 * be asked. Slow (30-70 ms): only for reported words. */
int tql_spell_suggest(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len, int max,
                      tql_buf *out)
{
	if (tql_spell(chk, lr, word, len) < 0 || len == 0 || len > 100)
		return -1;
	char tmp[512];
	if (lr->hun_latin1) {
		if (!to_dict_encoding(lr, word, len, tmp, sizeof tmp))
			return -1;
	} else {
		memcpy(tmp, word, len);
		tmp[len] = '\0';
	}
	/* Hunspell_suggest costs 30-70 ms: answers are cached per checker for
	 * the process lifetime (bounded), since they depend on the word only */
	uintptr_t at;
	if (tql_strmap_get(&lr->sugg_cache, word, len, &at)) {
		int k = 0;
		for (const char *p = lr->sugg_store.p + at - 1; *p && k < max; p += strlen(p) + 1, k++)
			if (!tql_buf_add(out, p, strlen(p) + 1))
				return -1;
		return k;
	}
	if (lr->sugg_cache.n >= 20000) {
		tql_strmap_free(&lr->sugg_cache);
		lr->sugg_store.n = 0;
	}
	size_t store_at = lr->sugg_store.n;
	size_t out_at = out->n;
	char **list = NULL;
	int n = Hunspell_suggest(lr->hun, &list, tmp);
	int k = 0;
	for (int i = 0; i < n && k < max; i++) {
		char u8[1024];
		const char *w = list[i];
		if (lr->hun_latin1) {
			UErrorCode err = U_ZERO_ERROR;
			int32_t l = ucnv_convert("UTF-8", lr->hun_enc, u8, (int32_t)sizeof u8, list[i],
			                         (int32_t)strlen(list[i]), &err);
			if (U_FAILURE(err) || l <= 0 || (size_t)l >= sizeof u8)
				continue;
			u8[l] = '\0';
			w = u8;
		}
		if (!tql_buf_add(out, w, strlen(w) + 1))
			break;
		k++;
	}
	if (list)
		Hunspell_free_list(lr->hun, &list, n);
	if (tql_buf_add(&lr->sugg_store, out->p + out_at, out->n - out_at) &&
	    tql_buf_add(&lr->sugg_store, "", 1))
		tql_strmap_put(&lr->sugg_cache, word, len, store_at + 1);
	return k;
}

void tql_lang_free(tql_engine *eng, tql_lang_res *lr)
{
	if (!lr)
		return;
	if (lr->hun) {
		pthread_mutex_lock(&eng->lock);
		Hunspell_destroy(lr->hun);
		pthread_mutex_unlock(&eng->lock);
	}
	ubrk_close(lr->wordbrk);
	ubrk_close(lr->sentbrk);
	tql_strmap_free(&lr->spell_cache);
	tql_strmap_free(&lr->sugg_cache);
	tql_buf_free(&lr->sugg_store);
	tql_strmap_free(&lr->near_cache);
	tql_buf_free(&lr->near_store);
	free(lr);
}
