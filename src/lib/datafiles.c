/* datafiles.c - walking the per-language files of a data folder, and the
 * phrase lists that checks share: legitimate repetitions, established
 * loanwords and phrases. */
#include "internal.h"

#include <dirent.h>

tql_status tql_data_each(tql_engine *eng, const char *sub, const char *ext,
                         tql_status (*cb)(tql_engine *eng, const char *path, const char *lang,
                                          void *ud),
                         void *ud)
{
	char *dir = tql_data_path(eng, sub);
	if (!dir)
		return TQL_ENOMEM;
	DIR *dh = opendir(dir);
	if (!dh) {
		free(dir);
		return TQL_OK; /* an optional folder */
	}
	size_t el = strlen(ext);
	tql_status st = TQL_OK;
	struct dirent *de;
	while (st == TQL_OK && (de = readdir(dh)) != NULL) {
		size_t nl = strlen(de->d_name);
		if (nl <= el || strcmp(de->d_name + nl - el, ext) != 0 || nl - el >= 16)
			continue;
		char lang[16];
		snprintf(lang, sizeof lang, "%.*s", (int)(nl - el), de->d_name);
		tql_buf p = {0};
		if (!tql_buf_printf(&p, "%s/%s", dir, de->d_name))
			st = TQL_ENOMEM;
		else
			st = cb(eng, p.p, lang, ud);
		tql_buf_free(&p);
	}
	closedir(dh);
	free(dir);
	return st;
}

/* Adds the lines of a phrase list of language lang (repetition/<lang>.txt,
 * loans/<lang>.txt) to map m as "lang:folded phrase"; repetition lists
 * refuse hyphenated entries. */
static tql_status load_phrase_file(tql_engine *eng, const char *path, const char *lang,
                                   tql_strmap *m, bool repetition)
{
	char *data = NULL;
	size_t len = 0;
	tql_status st = tql_read_file(path, &data, &len);
	if (st != TQL_OK)
		return st;
	tql_buf key = {0};
	char *s = data, *end = data + len;
	unsigned line = 0;
	while (s < end && st == TQL_OK) {
		char *e = memchr(s, '\n', (size_t)(end - s));
		size_t l = e ? (size_t)(e - s) : (size_t)(end - s);
		line++;
		/* "вот-вот": a hyphenated double is never reported, and its key
		 * (hyphens fold to spaces) would let the error "вот вот" through */
		if (repetition && l && s[0] != '#' && memchr(s, '-', l) && !memchr(s, ' ', l)) {
			st = tql_engine_fail(eng, TQL_EDATA,
			                     "%s:%u: '%.*s': a hyphenated repetition needs no entry "
			                     "(it is never reported, and the entry would let the same words "
			                     "pass with a space between them)",
			                     path, line, (int)l, s);
			break;
		}
		if (l && s[0] != '#') {
			key.n = 0;
			if (!tql_buf_printf(&key, "%s:", lang) || !tql_fold(s, l, &key) ||
			    !tql_strmap_put(m, key.p, key.n, 1))
				st = TQL_ENOMEM;
		}
		s += l + 1;
	}
	tql_buf_free(&key);
	free(data);
	return st;
}

/* tql_data_each callbacks: the map is ud. */
static tql_status load_repetition_file(tql_engine *eng, const char *path, const char *lang,
                                       void *ud)
{
	return load_phrase_file(eng, path, lang, ud, true);
}

static tql_status load_loan_file(tql_engine *eng, const char *path, const char *lang, void *ud)
{
	return load_phrase_file(eng, path, lang, ud, false);
}

tql_status tql_load_repetitions(tql_engine *eng, tql_strmap *out)
{
	return tql_data_each(eng, "repetition", ".txt", load_repetition_file, out);
}

tql_status tql_load_loans(tql_engine *eng, tql_strmap *out)
{
	return tql_data_each(eng, "loans", ".txt", load_loan_file, out);
}
