/* inputs.c - per-file configuration for the command: the nearest
 * .tqlint.ini from each file's folder upward (or one --config for all),
 * loaded once per file name, and the config's `ignore` globs applied to the
 * file list. */
#include "cli.h"

#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

/* Loaded configurations, by path. */
typedef struct cfg_entry {
	char *path;
	tql_config *cfg;
} cfg_entry;

static cfg_entry *loaded;
static size_t nloaded, loadcap;

/* Returns the loaded config for path, loading it on first use; NULL with
 * *bad set when it is invalid (message printed). */
static tql_config *load(tql_engine *eng, const char *path, bool *bad)
{
	for (size_t i = 0; i < nloaded; i++)
		if (strcmp(loaded[i].path, path) == 0)
			return loaded[i].cfg;
	tql_config *c = NULL;
	tql_status st = tql_config_load(eng, path, &c);
	if (st != TQL_OK) {
		fprintf(stderr, "tqlint: error: %s\n", tql_engine_errmsg(eng));
		*bad = true;
		return NULL;
	}
	if (nloaded == loadcap) {
		size_t nc = loadcap ? loadcap * 2 : 8;
		cfg_entry *v = realloc(loaded, nc * sizeof *v);
		if (!v) {
			tql_config_free(c);
			*bad = true;
			return NULL;
		}
		loaded = v;
		loadcap = nc;
	}
	loaded[nloaded].path = strdup(path);
	loaded[nloaded].cfg = c;
	if (!loaded[nloaded].path) {
		tql_config_free(c);
		*bad = true;
		return NULL;
	}
	nloaded++;
	return c;
}

/* The nearest .tqlint.ini at or above folder `dir` (an absolute path,
 * modified), written to out; false if none. */
static bool find_up(char *dir, char *out, size_t cap)
{
	for (;;) {
		snprintf(out, cap, "%s/.tqlint.ini", strcmp(dir, "/") == 0 ? "" : dir);
		struct stat st;
		if (stat(out, &st) == 0 && S_ISREG(st.st_mode))
			return true;
		char *sl = strrchr(dir, '/');
		if (!sl || sl == dir) {
			if (strcmp(dir, "/") == 0)
				return false;
			dir[1] = '\0';
			continue;
		}
		*sl = '\0';
	}
}

/* Folder of a file path, absolute ("-": the current folder). */
static bool folder_of(const char *path, char *out, size_t cap)
{
	char tmp[PATH_MAX];
	if (strcmp(path, "-") == 0 || !strchr(path, '/')) {
		snprintf(tmp, sizeof tmp, ".");
	} else {
		snprintf(tmp, sizeof tmp, "%s", path);
		char *sl = strrchr(tmp, '/');
		if (sl == tmp)
			sl[1] = '\0';
		else
			*sl = '\0';
	}
	char abs[PATH_MAX];
	if (!realpath(tmp, abs))
		return false;
	snprintf(out, cap, "%s", abs);
	return true;
}

int cli_configure(cli_files *fl, tql_engine *eng, const char *config_path, bool filter_ignored)
{
	bool bad = false;
	if (!fl->n)
		return 0;
	fl->cfg = calloc(fl->n, sizeof *fl->cfg);
	if (!fl->cfg)
		return -1;
	tql_config *fixed = NULL;
	if (config_path && !(fixed = load(eng, config_path, &bad)))
		return -2;
	char last_dir[PATH_MAX] = "", dir[PATH_MAX], ini[PATH_MAX + 16];
	tql_config *last = NULL;
	size_t w = 0;
	for (size_t i = 0; i < fl->n; i++) {
		tql_config *c = fixed;
		if (!fixed && folder_of(fl->v[i], dir, sizeof dir)) {
			if (strcmp(dir, last_dir) == 0) {
				c = last;
			} else {
				snprintf(last_dir, sizeof last_dir, "%s", dir);
				c = find_up(dir, ini, sizeof ini) ? load(eng, ini, &bad) : NULL;
				if (bad)
					return -2;
				last = c;
			}
		}
		if (filter_ignored && c && strcmp(fl->v[i], "-") != 0 && tql_config_ignores(c, fl->v[i])) {
			free(fl->v[i]);
			continue;
		}
		fl->v[w] = fl->v[i];
		fl->cfg[w++] = c;
	}
	fl->n = w;
	return 0;
}

void cli_configs_free(void)
{
	for (size_t i = 0; i < nloaded; i++) {
		free(loaded[i].path);
		tql_config_free(loaded[i].cfg);
	}
	free(loaded);
	loaded = NULL;
	nloaded = loadcap = 0;
}

bool cli_is_jsonl(const char *path)
{
	const char *dot = strrchr(path, '.');
	return dot && !strchr(dot, '/') && strcmp(dot, ".jsonl") == 0;
}
