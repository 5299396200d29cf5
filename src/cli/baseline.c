/* baseline.c - baselines: findings keyed by content, not position.
 *
 * File format (text, one finding per line, tab-separated):
 *   # tqlint baseline 1
 *   FINGERPRINT  RULE  PATH  TEXT
 * FINGERPRINT is tql_finding_fingerprint() (rule, flagged text and the
 * text around it on its line), so inserting or removing lines elsewhere
 * keeps a finding's key. Keys are counted: a baseline with two equal keys
 * hides two such findings, and a third is new. TEXT has tab, CR, LF and
 * backslash escaped as in the tsv format. */
#include "ci.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* Cap on one baseline file (a baseline is text written by tqlint). */
#define BASELINE_MAX ((size_t)1 << 30)

typedef struct entry {
	char *key;
	size_t count;
} entry;

struct cli_baseline {
	entry *v;
	size_t n, cap;
};

cli_baseline *cli_baseline_new(void)
{
	return calloc(1, sizeof(cli_baseline));
}

static bool push(cli_baseline *bl, char *key)
{
	if (bl->n == bl->cap) {
		size_t nc = bl->cap ? bl->cap * 2 : 256;
		entry *v = realloc(bl->v, nc * sizeof *v);
		if (!v)
			return false;
		bl->v = v;
		bl->cap = nc;
	}
	bl->v[bl->n++] = (entry){key, 1};
	return true;
}

/* Appends s[0..n) escaped to a growing string; false on out-of-memory. */
static bool append(char **buf, size_t *len, size_t *cap, const char *s, size_t n, bool escape)
{
	for (size_t i = 0; i < n; i++) {
		if (*len + 3 > *cap) {
			size_t nc = *cap ? *cap * 2 : 128;
			char *p = realloc(*buf, nc);
			if (!p)
				return false;
			*buf = p;
			*cap = nc;
		}
		char c = s[i];
		const char *e = !escape      ? NULL
		                : c == '\t'  ? "\\t"
		                : c == '\n'  ? "\\n"
		                : c == '\r'  ? "\\r"
		                : c == '\\'  ? "\\\\"
		                             : NULL;
		if (e) {
			(*buf)[(*len)++] = e[0];
			(*buf)[(*len)++] = e[1];
		} else {
			(*buf)[(*len)++] = c;
		}
	}
	(*buf)[*len] = '\0';
	return true;
}

/* The key line of a finding (without newline); NULL on out-of-memory. */
static char *make_key(const char *shown, const tql_finding *f, const char *src, size_t len)
{
	char fp[17];
	tql_finding_fingerprint(f, src, len, fp);
	char *b = NULL;
	size_t n = 0, cap = 0;
	if (!append(&b, &n, &cap, fp, 16, false) || !append(&b, &n, &cap, "\t", 1, false) ||
	    !append(&b, &n, &cap, f->rule, strlen(f->rule), true) ||
	    !append(&b, &n, &cap, "\t", 1, false) ||
	    !append(&b, &n, &cap, shown, strlen(shown), true) ||
	    !append(&b, &n, &cap, "\t", 1, false) ||
	    !append(&b, &n, &cap, f->text, f->length, true)) {
		free(b);
		return NULL;
	}
	return b;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->key, ((const entry *)b)->key);
}

/* Sorts the keys and merges equal ones into counts. */
static void seal(cli_baseline *bl)
{
	qsort(bl->v, bl->n, sizeof *bl->v, cmp_entry);
	size_t w = 0;
	for (size_t i = 0; i < bl->n; i++) {
		if (w && strcmp(bl->v[w - 1].key, bl->v[i].key) == 0) {
			bl->v[w - 1].count += bl->v[i].count;
			free(bl->v[i].key);
		} else {
			bl->v[w++] = bl->v[i];
		}
	}
	bl->n = w;
}

cli_baseline *cli_baseline_load(const char *file, char *err, size_t errn)
{
	FILE *f = fopen(file, "rb");
	if (!f) {
		snprintf(err, errn, "cannot open baseline '%s': %s", file, strerror(errno));
		return NULL;
	}
	cli_baseline *bl = cli_baseline_new();
	char *line = NULL;
	size_t cap = 0, total = 0;
	ssize_t k;
	unsigned lineno = 0;
	if (!bl)
		goto oom;
	while ((k = getline(&line, &cap, f)) > 0) {
		lineno++;
		total += (size_t)k;
		if (total > BASELINE_MAX) {
			snprintf(err, errn, "baseline '%s' is larger than 1 GiB", file);
			goto fail;
		}
		while (k > 0 && (line[k - 1] == '\n' || line[k - 1] == '\r'))
			line[--k] = '\0';
		if (k == 0 || line[0] == '#')
			continue;
		int tabs = 0;
		for (ssize_t i = 0; i < k; i++)
			tabs += line[i] == '\t';
		if (tabs != 3 || k < 17 || line[16] != '\t') {
			snprintf(err, errn, "baseline '%s' line %u: expected FINGERPRINT, RULE, PATH and "
			         "TEXT separated by tabs", file, lineno);
			goto fail;
		}
		char *key = strdup(line);
		if (!key || !push(bl, key)) {
			free(key);
			goto oom;
		}
	}
	if (ferror(f)) {
		snprintf(err, errn, "cannot read baseline '%s': %s", file, strerror(errno));
		goto fail;
	}
	free(line);
	fclose(f);
	seal(bl);
	return bl;
oom:
	snprintf(err, errn, "out of memory reading baseline '%s'", file);
fail:
	free(line);
	fclose(f);
	cli_baseline_free(bl);
	return NULL;
}

bool cli_baseline_take(cli_baseline *bl, const char *shown, const tql_finding *f,
                       const char *src, size_t len)
{
	char *key = make_key(shown, f, src, len);
	if (!key)
		return false;
	entry probe = {key, 0};
	entry *e = bl->n ? bsearch(&probe, bl->v, bl->n, sizeof *bl->v, cmp_entry) : NULL;
	free(key);
	if (!e || e->count == 0)
		return false;
	e->count--;
	return true;
}

bool cli_baseline_add(cli_baseline *bl, const char *shown, const tql_finding *f,
                      const char *src, size_t len)
{
	char *key = make_key(shown, f, src, len);
	if (!key || !push(bl, key)) {
		free(key);
		return false;
	}
	return true;
}

size_t cli_baseline_count(const cli_baseline *bl)
{
	size_t n = 0;
	for (size_t i = 0; bl && i < bl->n; i++)
		n += bl->v[i].count;
	return n;
}

bool cli_baseline_save(const cli_baseline *bl, const char *file, char *err, size_t errn)
{
	size_t n = strlen(file);
	char *tmp = malloc(n + 16);
	if (!tmp) {
		snprintf(err, errn, "out of memory");
		return false;
	}
	snprintf(tmp, n + 16, "%s.tmp-XXXXXX", file);
	int fd = mkstemp(tmp);
	FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
	if (!f) {
		snprintf(err, errn, "cannot write baseline '%s': %s", file, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		return false;
	}
	fputs("# tqlint baseline 1: findings recorded by --write-baseline, reported no more\n"
	      "# with --baseline. FINGERPRINT\tRULE\tPATH\tTEXT (see tqlint(1))\n",
	      f);
	for (size_t i = 0; i < bl->n; i++)
		for (size_t c = 0; c < bl->v[i].count; c++)
			fprintf(f, "%s\n", bl->v[i].key);
	bool ok = fflush(f) == 0 && fsync(fileno(f)) == 0;
	mode_t um = umask(0);
	umask(um);
	ok = fchmod(fileno(f), 0666 & ~um) == 0 && ok;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, file) != 0) {
		snprintf(err, errn, "cannot write baseline '%s': %s", file, strerror(errno));
		unlink(tmp);
		free(tmp);
		return false;
	}
	free(tmp);
	return true;
}

void cli_baseline_free(cli_baseline *bl)
{
	if (!bl)
		return;
	for (size_t i = 0; i < bl->n; i++)
		free(bl->v[i].key);
	free(bl->v);
	free(bl);
}
