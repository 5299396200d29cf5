/* engine.c - the engine: data folder, rule registry, shared resources. */
#include "internal.h"
#include "names.h"
#include "places.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef TQL_DATADIR
#define TQL_DATADIR "/usr/local/share/tqlint"
#endif

const char *tql_strerror(tql_status st)
{
	switch (st) {
	case TQL_OK: return "success";
	case TQL_ENOMEM: return "out of memory";
	case TQL_EIO: return "input/output error";
	case TQL_EDATA: return "invalid data file";
	case TQL_EDEP: return "dependency error";
	case TQL_EUSAGE: return "invalid usage";
	case TQL_EBINARY: return "binary input";
	case TQL_ESTALE: return "file changed since it was read";
	}
	return "unknown error";
}

const char *tql_severity_name(tql_severity sev)
{
	return sev == TQL_SEV_ERROR ? "error" : sev == TQL_SEV_WARNING ? "warning" : "info";
}

int tql_severity_parse(const char *name)
{
	if (strcmp(name, "error") == 0)
		return TQL_SEV_ERROR;
	if (strcmp(name, "warning") == 0)
		return TQL_SEV_WARNING;
	if (strcmp(name, "info") == 0)
		return TQL_SEV_INFO;
	return -1;
}

tql_status tql_engine_fail(tql_engine *eng, tql_status st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(eng->errmsg, sizeof eng->errmsg, fmt, ap);
	va_end(ap);
	return st;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

char *tql_data_path(const tql_engine *eng, const char *rel)
{
	tql_buf b = {0};
	if (!tql_buf_printf(&b, "%s/%s", eng->data_dir, rel)) {
		tql_buf_free(&b);
		return NULL;
	}
	return tql_buf_take(&b);
}

int tql_rule_find(const tql_engine *eng, const char *id)
{
	uintptr_t k;
	return tql_strmap_get(&eng->rule_index, id, strlen(id), &k) ? (int)k : -1;
}

/* Appends a rule to the registry; dynamic rules own their strings. */
static int add_rule(tql_engine *eng, const tql_rule_info *ri, bool dynamic)
{
	if (tql_rule_find(eng, ri->id) >= 0) {
		tql_engine_fail(eng, TQL_EDATA, "duplicate rule id '%s'", ri->id);
		return -1;
	}
	size_t cap = eng->rulecap;
	if (!TQL_GROW(eng->rules, eng->rulecap, eng->nrules + 1))
		return -1;
	if (cap != eng->rulecap) {
		size_t c2 = cap;
		if (!TQL_GROW(eng->rule_dynamic, c2, eng->rulecap))
			return -1;
		c2 = cap;
		if (!TQL_GROW(eng->enabled, c2, eng->rulecap))
			return -1;
		c2 = cap;
		if (!TQL_GROW(eng->forced, c2, eng->rulecap))
			return -1;
	}
	if (!tql_strmap_put(&eng->rule_index, ri->id, strlen(ri->id), eng->nrules))
		return -1;
	eng->rules[eng->nrules] = *ri;
	eng->rule_dynamic[eng->nrules] = dynamic;
	eng->enabled[eng->nrules] = true;
	eng->forced[eng->nrules] = false;
	return (int)eng->nrules++;
}

int tql_engine_add_rule(tql_engine *eng, const char *id, const char *category, tql_severity sev,
                        const char *summary)
{
	tql_rule_info ri = {tql_strndup(id, strlen(id)), tql_strndup(category, strlen(category)), sev,
	                    tql_strndup(summary, strlen(summary))};
	int k = (ri.id && ri.category && ri.summary) ? add_rule(eng, &ri, true) : -1;
	if (k < 0) {
		free((char *)ri.id);
		free((char *)ri.category);
		free((char *)ri.summary);
	}
	return k;
}

tql_status tql_engine_new(const tql_engine_options *opts, tql_engine **out)
{
	tql_engine *eng = calloc(1, sizeof *eng);
	*out = eng;
	if (!eng)
		return TQL_ENOMEM;
	pthread_mutex_init(&eng->lock, NULL);
	const char *dd = opts && opts->data_dir ? opts->data_dir : getenv("TQLINT_DATADIR");
	if (!dd || !*dd)
		dd = TQL_DATADIR;
	const char *hd = opts && opts->hunspell_dir ? opts->hunspell_dir : getenv("TQLINT_HUNSPELL_DIR");
	if (!hd || !*hd)
		hd = "/usr/share/hunspell";
	eng->spell_suggest = opts && opts->spell_suggest;
	eng->data_dir = tql_strndup(dd, strlen(dd));
	eng->hunspell_dir = tql_strndup(hd, strlen(hd));
	eng->shared = calloc(tql_ncheck ? tql_ncheck : 1, sizeof *eng->shared);
	if (!eng->data_dir || !eng->hunspell_dir || !eng->shared)
		return TQL_ENOMEM;
	if (!is_dir(eng->data_dir))
		return tql_engine_fail(eng, TQL_EDEP,
		                       "data folder '%s' not found (set TQLINT_DATADIR or reinstall tqlint)",
		                       eng->data_dir);
	for (size_t c = 0; c < tql_ncheck; c++)
		for (size_t r = 0; r < tql_checks[c]->nrules; r++)
			if (add_rule(eng, &tql_checks[c]->rules[r], false) < 0)
				return eng->errmsg[0] ? TQL_EDATA : TQL_ENOMEM;
	tql_status nst = tql_names_load(eng, &eng->names);
	if (nst != TQL_OK)
		return eng->errmsg[0] ? nst : tql_engine_fail(eng, nst, "name table: %s", tql_strerror(nst));
	nst = tql_places_load(eng, &eng->places);
	if (nst != TQL_OK)
		return eng->errmsg[0] ? nst : tql_engine_fail(eng, nst, "gazetteer: %s", tql_strerror(nst));
	for (size_t c = 0; c < tql_ncheck; c++) {
		if (!tql_checks[c]->load)
			continue;
		tql_status st = tql_checks[c]->load(eng, &eng->shared[c]);
		if (st != TQL_OK) {
			if (!eng->errmsg[0])
				tql_engine_fail(eng, st, "%s: %s", tql_checks[c]->name, tql_strerror(st));
			return st;
		}
	}
	return TQL_OK;
}

void tql_engine_free(tql_engine *eng)
{
	if (!eng)
		return;
	for (size_t c = 0; c < tql_ncheck && eng->shared; c++)
		if (tql_checks[c]->unload && eng->shared[c])
			tql_checks[c]->unload(eng->shared[c]);
	for (size_t i = 0; i < eng->nrules; i++) {
		if (eng->rule_dynamic[i]) {
			free((char *)eng->rules[i].id);
			free((char *)eng->rules[i].category);
			free((char *)eng->rules[i].summary);
		}
	}
	tql_names_free(eng->names);
	tql_places_free(eng->places);
	for (size_t i = 0; i < eng->nextra_words; i++)
		free(eng->extra_words[i]);
	free(eng->extra_words);
	tql_strmap_free(&eng->rule_index);
	free(eng->rules);
	free(eng->rule_dynamic);
	free(eng->enabled);
	free(eng->forced);
	free(eng->shared);
	free(eng->data_dir);
	free(eng->hunspell_dir);
	pthread_mutex_destroy(&eng->lock);
	free(eng);
}

const char *tql_engine_errmsg(const tql_engine *eng)
{
	return eng ? eng->errmsg : "out of memory";
}

const char *tql_engine_data_dir(const tql_engine *eng)
{
	return eng->data_dir;
}

size_t tql_engine_rule_count(const tql_engine *eng)
{
	return eng->nrules;
}

const tql_rule_info *tql_engine_rule(const tql_engine *eng, size_t i)
{
	return i < eng->nrules ? &eng->rules[i] : NULL;
}

tql_status tql_engine_set_enabled(tql_engine *eng, const char *spec, int enabled)
{
	const char *p = spec;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		while (n && (*p == ' ')) {
			p++;
			n--;
		}
		while (n && p[n - 1] == ' ')
			n--;
		if (n) {
			bool hit = false;
			for (size_t i = 0; i < eng->nrules; i++) {
				const tql_rule_info *r = &eng->rules[i];
				if ((strlen(r->id) == n && strncmp(r->id, p, n) == 0) ||
				    (strlen(r->category) == n && strncmp(r->category, p, n) == 0)) {
					eng->enabled[i] = enabled != 0;
					eng->forced[i] = true;
					hit = true;
				}
			}
			if (!hit)
				return tql_engine_fail(eng, TQL_EUSAGE, "unknown rule or category '%.*s'",
				                       (int)n, p);
		}
		if (!e)
			break;
		p = e + 1;
	}
	return TQL_OK;
}

bool tql_rule_enabled(const tql_engine *eng, const char *id)
{
	int k = tql_rule_find(eng, id);
	return k >= 0 && eng->enabled[k];
}

bool tql_engine_add_words(tql_engine *eng, const char *path)
{
	char **v = realloc(eng->extra_words, (eng->nextra_words + 1) * sizeof *v);
	if (!v)
		return false;
	eng->extra_words = v;
	v[eng->nextra_words] = tql_strndup(path, strlen(path));
	return v[eng->nextra_words++] != NULL;
}
