/* walk.c - expands command-line paths into a sorted list of files. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool push(cli_files *fl, const char *path)
{
	if (fl->n == fl->cap) {
		size_t nc = fl->cap ? fl->cap * 2 : 64;
		char **v = realloc(fl->v, nc * sizeof *v);
		if (!v)
			return false;
		fl->v = v;
		fl->cap = nc;
	}
	fl->v[fl->n] = strdup(path);
	return fl->v[fl->n++] != NULL;
}

/* Extensions that a directory walk picks up. */
static bool wanted(const char *name)
{
	const char *dot = strrchr(name, '.');
	if (!dot)
		return false;
	static const char *const ext[] = {".txt", ".md", ".markdown", ".html", ".htm", ".jsonl"};
	for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
		if (strcmp(dot, ext[i]) == 0)
			return true;
	return false;
}

/* Visited directories by (device, inode), so symlink loops end. */
typedef struct seen {
	dev_t dev;
	ino_t ino;
} seen;

/* Is the path below the walked folder (rel) excluded by --exclude, or, for
 * a file, not matched by any --include? */
static bool filtered(const cli_files *fl, const char *rel, bool is_dir)
{
	for (size_t i = 0; i < fl->nexclude; i++)
		if (tql_glob_match(fl->exclude[i], rel))
			return true;
	if (is_dir || !fl->ninclude)
		return false;
	for (size_t i = 0; i < fl->ninclude; i++)
		if (tql_glob_match(fl->include[i], rel))
			return false;
	return true;
}

/* Walks dir recursively; `root` is the length of the folder given on the
 * command line (globs match the path below it). */
static int walk_dir(cli_files *fl, const char *dir, size_t root, seen **vis, size_t *nvis,
                    int depth)
{
	struct stat st;
	if (stat(dir, &st) != 0)
		return -1;
	for (size_t i = 0; i < *nvis; i++)
		if ((*vis)[i].dev == st.st_dev && (*vis)[i].ino == st.st_ino)
			return 0;
	seen *nv = realloc(*vis, (*nvis + 1) * sizeof *nv);
	if (!nv)
		return -1;
	*vis = nv;
	nv[(*nvis)++] = (seen){st.st_dev, st.st_ino};
	if (depth > 64)
		return 0;
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "tqlint: warning: cannot open folder '%s': %s\n", dir, strerror(errno));
		return 0;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue; /* hidden entries, .git, . and .. */
		size_t n = strlen(dir) + strlen(de->d_name) + 2;
		char *p = malloc(n);
		if (!p) {
			closedir(d);
			return -1;
		}
		snprintf(p, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", de->d_name);
		struct stat cs;
		const char *rel = p + root;
		while (*rel == '/')
			rel++;
		if (stat(p, &cs) == 0 && !filtered(fl, rel, S_ISDIR(cs.st_mode))) {
			if (S_ISDIR(cs.st_mode)) {
				if (walk_dir(fl, p, root, vis, nvis, depth + 1) < 0) {
					free(p);
					closedir(d);
					return -1;
				}
			} else if (S_ISREG(cs.st_mode) && wanted(de->d_name) && !push(fl, p)) {
				free(p);
				closedir(d);
				return -1;
			}
		}
		free(p);
	}
	closedir(d);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int cli_collect(cli_files *fl, char **paths, int npaths)
{
	seen *vis = NULL;
	size_t nvis = 0;
	int rc = 0;
	for (int i = 0; i < npaths; i++) {
		struct stat st;
		if (strcmp(paths[i], "-") != 0 && stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			size_t before = fl->n;
			if (walk_dir(fl, paths[i], strlen(paths[i]), &vis, &nvis, 0) < 0) {
				rc = -1;
				break;
			}
			qsort(fl->v + before, fl->n - before, sizeof *fl->v, cmp_str);
		} else if (!push(fl, paths[i])) {
			rc = -1;
			break;
		}
	}
	free(vis);
	return rc;
}

void cli_files_free(cli_files *fl)
{
	for (size_t i = 0; i < fl->n; i++)
		free(fl->v[i]);
	free(fl->v);
	free(fl->cfg);
}
