/* config.c - the .tqlint.ini configuration file (parsed with inih) and its
 * application to one document: language, enabled rules, severities,
 * published front-matter keys, preferred name variants, ignored paths, and
 * [glob] sections that override the main section for matching paths, as
 * Vale's .vale.ini does. */
#include "internal.h"
#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define DEFAULT_FM_KEYS "title,description,summary"

/* An enable/disable or severity setting, kept in file order. */
typedef struct cfg_op {
	char *spec;          /* comma list of rule ids or categories */
	int value;           /* enable: 1/0; severity: tql_severity */
} cfg_op;

/* The main section (glob NULL) or one [glob] section. */
typedef struct cfg_sect {
	char *glob;
	char *lang;
	int fail_on;         /* -1 unset, else severity or 3 (none) */
	cfg_op *en, *sev;
	size_t nen, encap, nsev, sevcap;
	char *prefer;        /* comma list, NULL unset */
	char *fm_keys;       /* comma list, NULL unset */
} cfg_sect;

struct tql_config {
	char *path;          /* the file as given */
	char *dir;           /* its folder, absolute when it could be resolved */
	cfg_sect *s;
	size_t ns, scap;
	char **ignore;       /* globs */
	size_t nignore, igncap;
	char **files[3];     /* names, words, rules: resolved paths */
	size_t nfiles[3], filecap[3];
	/* parse state */
	tql_engine *eng;
	FILE *fp;
	int line;
	char err[400];
};

/* Per-document settings resolved from the configuration (owned by doc). */
struct tql_docconf {
	char lang[32];
	char *prefer;        /* comma list or NULL */
	const char *fm_keys; /* borrowed from the config or static */
};

/* ---- globs -------------------------------------------------------------- */

static bool glob_at(const char *p, const char *s, int depth);

/* Matches `{a,b}` alternatives by expanding the first brace group. */
static bool glob_brace(const char *p, const char *brace, const char *s, int depth)
{
	const char *end = brace + 1;
	int nest = 1;
	while (*end && nest) {
		if (*end == '{')
			nest++;
		else if (*end == '}')
			nest--;
		if (nest)
			end++;
	}
	if (!*end)
		return false;
	const char *alt = brace + 1;
	while (alt <= end) {
		const char *ae = alt;
		int d = 0;
		while (ae < end && (d || *ae != ',')) {
			if (*ae == '{')
				d++;
			else if (*ae == '}')
				d--;
			ae++;
		}
		size_t n = (size_t)(brace - p) + (size_t)(ae - alt) + strlen(end + 1) + 1;
		char *q = malloc(n);
		if (!q)
			return false;
		snprintf(q, n, "%.*s%.*s%s", (int)(brace - p), p, (int)(ae - alt), alt, end + 1);
		bool ok = glob_at(q, s, depth + 1);
		free(q);
		if (ok)
			return true;
		alt = ae + 1;
	}
	return false;
}

/* Glob match: `**` crosses '/', `*` and `?` do not, [set], {a,b}. */
static bool glob_at(const char *p, const char *s, int depth)
{
	if (depth > 16)
		return false;
	const char *brace = strchr(p, '{');
	if (brace)
		return glob_brace(p, brace, s, depth);
	while (*p) {
		if (p[0] == '*' && p[1] == '*') {
			p += 2;
			if (*p == '/' && (p == s || true)) {
				/* "**" + "/": zero or more folders */
				if (glob_at(p + 1, s, depth + 1))
					return true;
			}
			for (;; s++) {
				if (glob_at(p, s, depth + 1))
					return true;
				if (!*s)
					return false;
			}
		}
		if (*p == '*') {
			p++;
			for (;; s++) {
				if (glob_at(p, s, depth + 1))
					return true;
				if (!*s || *s == '/')
					return false;
			}
		}
		if (!*s)
			return false;
		if (*p == '?') {
			if (*s == '/')
				return false;
		} else if (*p == '[') {
			const char *q = p + 1;
			bool neg = *q == '!' || *q == '^';
			if (neg)
				q++;
			bool hit = false;
			while (*q && *q != ']') {
				if (q[1] == '-' && q[2] && q[2] != ']') {
					if (*s >= q[0] && *s <= q[2])
						hit = true;
					q += 3;
				} else {
					if (*s == *q)
						hit = true;
					q++;
				}
			}
			if (!*q || hit == neg)
				return false;
			p = q;
		} else if (*p != *s) {
			return false;
		}
		p++;
		s++;
	}
	return *s == '\0';
}

/*
 * Does glob `pat` match the relative path `rel`? A pattern without '/'
 * matches the file name or any folder name; a pattern with '/' matches the
 * path from the configuration's folder or any leading folder of it.
 */
static bool glob_path(const char *pat, const char *rel)
{
	while (pat[0] == '.' && pat[1] == '/')
		pat += 2;
	while (*pat == '/')
		pat++;
	size_t pl = strlen(pat);
	char buf[1024];
	if (pl && pat[pl - 1] == '/' && pl < sizeof buf) { /* "drafts/" = the folder */
		snprintf(buf, sizeof buf, "%.*s", (int)pl - 1, pat);
		pat = buf;
	}
	bool has_slash = strchr(pat, '/') != NULL;
	const char *seg = rel;
	char tmp[4096];
	for (;;) {
		const char *sl = strchr(seg, '/');
		if (has_slash) {
			size_t n = sl ? (size_t)(sl - rel) : strlen(rel);
			if (n < sizeof tmp) {
				memcpy(tmp, rel, n);
				tmp[n] = '\0';
				if (glob_at(pat, tmp, 0))
					return true;
			}
		} else {
			size_t n = sl ? (size_t)(sl - seg) : strlen(seg);
			if (n < sizeof tmp) {
				memcpy(tmp, seg, n);
				tmp[n] = '\0';
				if (glob_at(pat, tmp, 0))
					return true;
			}
		}
		if (!sl)
			return false;
		seg = sl + 1;
	}
}

/* Public for the CLI's --include / --exclude: same rules as `ignore`. */
int tql_glob_match(const char *pattern, const char *path)
{
	return glob_path(pattern, path);
}

/* ---- parsing ------------------------------------------------------------ */

static char *dupstr(const char *s)
{
	return tql_strndup(s, strlen(s));
}

/* Checks every item of a comma list against the rule registry. */
static bool valid_rules(tql_config *c, const char *key, const char *v)
{
	const char *p = v;
	bool any = false;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, ", ");
		if (!n)
			break;
		bool hit = false;
		for (size_t i = 0; i < c->eng->nrules && !hit; i++) {
			const tql_rule_info *r = &c->eng->rules[i];
			hit = (strlen(r->id) == n && strncmp(r->id, p, n) == 0) ||
			      (strlen(r->category) == n && strncmp(r->category, p, n) == 0);
		}
		if (!hit) {
			snprintf(c->err, sizeof c->err, "unknown rule or category '%.*s' in '%s'", (int)n, p, key);
			return false;
		}
		any = true;
		p += n;
	}
	if (!any)
		snprintf(c->err, sizeof c->err, "'%s' needs a list of rule ids or categories", key);
	return any;
}

/* A BCP 47 tag as tqlint uses it: 2-3 letters, then subtags. */
static bool valid_lang(const char *v)
{
	size_t i = 0;
	while (isalpha((unsigned char)v[i]))
		i++;
	if (i < 2 || i > 3)
		return false;
	while (v[i]) {
		if (v[i] != '-' && v[i] != '_')
			return false;
		size_t k = ++i;
		while (isalnum((unsigned char)v[i]))
			i++;
		if (i - k < 1 || i - k > 8)
			return false;
	}
	return i < 32;
}

static int parse_level(const char *v, bool allow_none)
{
	if (allow_none && strcmp(v, "none") == 0)
		return 3;
	return tql_severity_parse(v);
}

/* Appends ", v" to a comma list. */
static bool list_add(char **list, const char *v)
{
	tql_buf b = {0};
	if (!tql_buf_printf(&b, "%s%s%s", *list ? *list : "", *list ? "," : "", v))
		return false;
	free(*list);
	*list = tql_buf_take(&b);
	return *list != NULL;
}

static cfg_sect *section(tql_config *c, const char *name)
{
	const char *glob = name[0] ? name : NULL;
	if (c->ns && ((!glob && !c->s[c->ns - 1].glob) ||
	              (glob && c->s[c->ns - 1].glob && strcmp(c->s[c->ns - 1].glob, glob) == 0)))
		return &c->s[c->ns - 1];
	if (!glob && c->ns && !c->s[0].glob)
		return &c->s[0];
	if (!TQL_GROW(c->s, c->scap, c->ns + 1))
		return NULL;
	cfg_sect *s = &c->s[c->ns++];
	*s = (cfg_sect){0};
	s->fail_on = -1;
	if (glob && !(s->glob = dupstr(glob)))
		return NULL;
	return s;
}

static bool add_op(cfg_op **v, size_t *n, size_t *cap, const char *spec, int value)
{
	if (!tql_grow((void **)v, cap, *n + 1, sizeof **v))
		return false;
	(*v)[*n] = (cfg_op){dupstr(spec), value};
	return (*v)[(*n)++].spec != NULL;
}

/* Resolves a file named in the configuration relative to its folder and
 * checks that it exists. */
static bool add_file(tql_config *c, int kind, const char *key, const char *v)
{
	const char *p = v;
	while (*p) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, ",");
		while (n && p[n - 1] == ' ')
			n--;
		if (!n)
			break;
		tql_buf b = {0};
		bool ok = p[0] == '/' ? tql_buf_printf(&b, "%.*s", (int)n, p)
		                      : tql_buf_printf(&b, "%s/%.*s", c->dir, (int)n, p);
		if (!ok || !TQL_GROW(c->files[kind], c->filecap[kind], c->nfiles[kind] + 1)) {
			tql_buf_free(&b);
			snprintf(c->err, sizeof c->err, "out of memory");
			return false;
		}
		struct stat st;
		if (stat(b.p, &st) != 0 || !S_ISREG(st.st_mode)) {
			snprintf(c->err, sizeof c->err, "'%s': cannot read '%s'", key, b.p);
			tql_buf_free(&b);
			return false;
		}
		c->files[kind][c->nfiles[kind]++] = tql_buf_take(&b);
		/* rule files join the engine's rule set (for every file checked):
		 * configs are loaded before any checker exists */
		if (kind == 2 && tql_rules_load_file(c->eng, c->files[2][c->nfiles[2] - 1], NULL) != TQL_OK) {
			snprintf(c->err, sizeof c->err, "'%s': %.300s", key, c->eng->errmsg);
			return false;
		}
		/* project-local name tables and word lists join the engine the same way */
		if (kind == 0 && tql_engine_add_names(c->eng, c->files[0][c->nfiles[0] - 1]) != TQL_OK) {
			snprintf(c->err, sizeof c->err, "'%s': %.300s", key, c->eng->errmsg);
			return false;
		}
		if (kind == 1 && !tql_engine_add_words(c->eng, c->files[1][c->nfiles[1] - 1])) {
			snprintf(c->err, sizeof c->err, "out of memory");
			return false;
		}
		p += n;
		while (*p && *p != ',')
			p++;
	}
	return true;
}

/* inih callback: one key. Returns 0 (an error at this line) with c->err set. */
static int on_key(void *user, const char *sect, const char *key, const char *value)
{
	tql_config *c = user;
	if (c->err[0])
		return 1; /* report the first error only */
	bool sev_section = strcmp(sect, "severity") == 0;
	cfg_sect *s = sev_section ? section(c, "") : section(c, sect);
	if (!s) {
		snprintf(c->err, sizeof c->err, "out of memory");
		return 0;
	}
	bool main_sect = s->glob == NULL;
	if (sev_section || strncmp(key, "severity.", 9) == 0) {
		const char *spec = sev_section ? key : key + 9;
		int lv = parse_level(value, false);
		if (lv < 0) {
			snprintf(c->err, sizeof c->err, "invalid severity '%s' for '%s' (error, warning or info)",
			         value, key);
			return 0;
		}
		if (!valid_rules(c, key, spec))
			return 0;
		if (!add_op(&s->sev, &s->nsev, &s->sevcap, spec, lv))
			goto oom;
		return 1;
	}
	if (strcmp(key, "lang") == 0) {
		if (!valid_lang(value)) {
			snprintf(c->err, sizeof c->err, "invalid language tag '%s' for 'lang'", value);
			return 0;
		}
		free(s->lang);
		if (!(s->lang = dupstr(value)))
			goto oom;
	} else if (strcmp(key, "enable") == 0 || strcmp(key, "disable") == 0) {
		if (!valid_rules(c, key, value))
			return 0;
		if (!add_op(&s->en, &s->nen, &s->encap, value, key[0] == 'e'))
			goto oom;
	} else if (strcmp(key, "fail-on") == 0) {
		if ((s->fail_on = parse_level(value, true)) < 0) {
			snprintf(c->err, sizeof c->err,
			         "invalid value '%s' for 'fail-on' (error, warning, info or none)", value);
			return 0;
		}
	} else if (strcmp(key, "prefer") == 0) {
		if (!*value) {
			snprintf(c->err, sizeof c->err, "'prefer' needs a list of name forms");
			return 0;
		}
		if (!list_add(&s->prefer, value))
			goto oom;
	} else if (strcmp(key, "front-matter") == 0) {
		free(s->fm_keys);
		if (!(s->fm_keys = dupstr(value)))
			goto oom;
	} else if (main_sect && strcmp(key, "ignore") == 0) {
		if (!TQL_GROW(c->ignore, c->igncap, c->nignore + 1))
			goto oom;
		for (const char *p = value; *p;) {
			while (*p == ' ' || *p == ',')
				p++;
			size_t n = strcspn(p, ", ");
			if (!n)
				break;
			if (!TQL_GROW(c->ignore, c->igncap, c->nignore + 1) ||
			    !(c->ignore[c->nignore] = tql_strndup(p, n)))
				goto oom;
			c->nignore++;
			p += n;
		}
	} else if (main_sect && strcmp(key, "names") == 0) {
		return add_file(c, 0, key, value);
	} else if (main_sect && strcmp(key, "words") == 0) {
		return add_file(c, 1, key, value);
	} else if (main_sect && strcmp(key, "rules") == 0) {
		return add_file(c, 2, key, value);
	} else {
		snprintf(c->err, sizeof c->err, "unknown key '%s'%s%s%s", key, sect[0] ? " in [" : "",
		         sect, sect[0] ? "]" : "");
		return 0;
	}
	return 1;
oom:
	snprintf(c->err, sizeof c->err, "out of memory");
	return 0;
}

/* fgets-style reader that counts lines, so errors can name them. */
static char *read_line(char *str, int num, void *stream)
{
	tql_config *c = stream;
	char *r = fgets(str, num, c->fp);
	if (r && strchr(r, '\n'))
		c->line++;
	return r;
}

tql_status tql_config_load(tql_engine *eng, const char *path, tql_config **out)
{
	*out = NULL;
	tql_config *c = calloc(1, sizeof *c);
	if (!c)
		return TQL_ENOMEM;
	c->eng = eng;
	c->path = dupstr(path);
	const char *sl = strrchr(path, '/');
	char *d = sl ? tql_strndup(path, (size_t)(sl - path) + (sl == path)) : dupstr(".");
	char resolved[PATH_MAX];
	if (d && realpath(d, resolved)) {
		free(d);
		d = dupstr(resolved);
	}
	c->dir = d;
	if (!c->path || !c->dir || !section(c, "")) {
		tql_config_free(c);
		return TQL_ENOMEM;
	}
	c->fp = fopen(path, "r");
	if (!c->fp) {
		tql_engine_fail(eng, TQL_EUSAGE, "cannot read configuration '%s': %s", path, strerror(errno));
		tql_config_free(c);
		return TQL_EUSAGE;
	}
	int rc = ini_parse_stream(read_line, c, on_key, c);
	fclose(c->fp);
	c->fp = NULL;
	if (rc != 0 || c->err[0]) {
		if (rc > 0 && !c->err[0])
			snprintf(c->err, sizeof c->err, "syntax error (expected 'key = value' or '[section]')");
		tql_engine_fail(eng, TQL_EUSAGE, "%s:%d: %s", path, rc > 0 ? rc : c->line, c->err);
		tql_config_free(c);
		return TQL_EUSAGE;
	}
	*out = c;
	return TQL_OK;
}

void tql_config_free(tql_config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ns; i++) {
		cfg_sect *s = &c->s[i];
		free(s->glob);
		free(s->lang);
		free(s->prefer);
		free(s->fm_keys);
		for (size_t k = 0; k < s->nen; k++)
			free(s->en[k].spec);
		for (size_t k = 0; k < s->nsev; k++)
			free(s->sev[k].spec);
		free(s->en);
		free(s->sev);
	}
	free(c->s);
	for (size_t i = 0; i < c->nignore; i++)
		free(c->ignore[i]);
	free(c->ignore);
	for (int k = 0; k < 3; k++) {
		for (size_t i = 0; i < c->nfiles[k]; i++)
			free(c->files[k][i]);
		free(c->files[k]);
	}
	free(c->path);
	free(c->dir);
	free(c);
}

/* ---- applying ----------------------------------------------------------- */

/* Path of `path` relative to the configuration's folder (into buf). */
static const char *rel_path(const tql_config *c, const char *path, char *buf, size_t cap)
{
	if (!path)
		return "";
	char abs[PATH_MAX];
	const char *p = path;
	if (realpath(path, abs))
		p = abs;
	size_t dl = strlen(c->dir);
	if (strncmp(p, c->dir, dl) == 0 && p[dl] == '/')
		p += dl + 1;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	snprintf(buf, cap, "%s", p);
	return buf;
}

static bool sect_applies(const cfg_sect *s, const char *rel)
{
	return !s->glob || glob_path(s->glob, rel);
}

int tql_config_ignores(const tql_config *c, const char *path)
{
	if (!c || !path)
		return 0;
	char buf[4096];
	const char *rel = rel_path(c, path, buf, sizeof buf);
	for (size_t i = 0; i < c->nignore; i++)
		if (glob_path(c->ignore[i], rel))
			return 1;
	return 0;
}

int tql_config_fail_on(const tql_config *c, const char *path)
{
	if (!c)
		return -1;
	char buf[4096];
	const char *rel = rel_path(c, path, buf, sizeof buf);
	int v = -1;
	for (size_t i = 0; i < c->ns; i++)
		if (c->s[i].fail_on >= 0 && sect_applies(&c->s[i], rel))
			v = c->s[i].fail_on;
	return v;
}

size_t tql_config_files(const tql_config *c, int kind, const char *const **out)
{
	if (!c || kind < 0 || kind > 2) {
		*out = NULL;
		return 0;
	}
	*out = (const char *const *)c->files[kind];
	return c->nfiles[kind];
}

/* Sets mask[i] for every rule matching an item of spec. */
static void apply_spec(const tql_engine *eng, const char *spec, void (*set)(void *, size_t, int),
                       void *arr, int value)
{
	for (const char *p = spec; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		size_t n = strcspn(p, ", ");
		if (!n)
			break;
		for (size_t i = 0; i < eng->nrules; i++) {
			const tql_rule_info *r = &eng->rules[i];
			if ((strlen(r->id) == n && strncmp(r->id, p, n) == 0) ||
			    (strlen(r->category) == n && strncmp(r->category, p, n) == 0))
				set(arr, i, value);
		}
		p += n;
	}
}

typedef struct en_ctx {
	const tql_engine *eng;
	bool *mask;
} en_ctx;

static void set_enabled(void *arr, size_t i, int v)
{
	en_ctx *e = arr;
	if (!e->eng->forced || !e->eng->forced[i]) /* the command line wins */
		e->mask[i] = v != 0;
}

static void set_sev(void *arr, size_t i, int v)
{
	((int8_t *)arr)[i] = (int8_t)v;
}

/*
 * Resolves the document's configuration (doc->cfg, may be NULL) for its
 * path: fills doc->enabled, doc->sev and doc->conf. Called before reading.
 */
tql_status tql_config_apply(tql_engine *eng, tql_doc *doc)
{
	struct tql_docconf *dc = calloc(1, sizeof *dc);
	if (!dc)
		return TQL_ENOMEM;
	doc->conf = dc;
	dc->fm_keys = DEFAULT_FM_KEYS;
	const tql_config *c = doc->cfg;
	if (!c)
		return TQL_OK;
	doc->enabled = malloc(eng->nrules * sizeof *doc->enabled + 1);
	doc->sev = malloc(eng->nrules * sizeof *doc->sev + 1);
	if (!doc->enabled || !doc->sev)
		return TQL_ENOMEM;
	memcpy(doc->enabled, eng->enabled, eng->nrules * sizeof *doc->enabled);
	memset(doc->sev, -1, eng->nrules);
	char buf[4096];
	const char *rel = rel_path(c, doc->path, buf, sizeof buf);
	en_ctx ec = {eng, doc->enabled};
	for (size_t i = 0; i < c->ns; i++) {
		const cfg_sect *s = &c->s[i];
		if (!sect_applies(s, rel))
			continue;
		for (size_t k = 0; k < s->nen; k++)
			apply_spec(eng, s->en[k].spec, set_enabled, &ec, s->en[k].value);
		for (size_t k = 0; k < s->nsev; k++)
			apply_spec(eng, s->sev[k].spec, set_sev, doc->sev, s->sev[k].value);
		if (s->lang)
			snprintf(dc->lang, sizeof dc->lang, "%s", s->lang);
		if (s->fm_keys)
			dc->fm_keys = s->fm_keys;
		if (s->prefer && !list_add(&dc->prefer, s->prefer))
			return TQL_ENOMEM;
	}
	return TQL_OK;
}

const char *tql_doc_fm_keys(const tql_doc *doc)
{
	return doc->conf ? doc->conf->fm_keys : DEFAULT_FM_KEYS;
}

const char *tql_doc_prefer(const tql_doc *doc)
{
	return doc->conf ? doc->conf->prefer : NULL;
}

const char *tql_doc_config_lang(const tql_doc *doc)
{
	return doc->conf && doc->conf->lang[0] ? doc->conf->lang : NULL;
}

bool tql_doc_rule_on(const tql_doc *doc, const tql_engine *eng, size_t rule)
{
	return doc->enabled ? doc->enabled[rule] : eng->enabled[rule];
}

void tql_doc_conf_free(tql_doc *doc)
{
	if (doc->conf)
		free(doc->conf->prefer);
	free(doc->conf);
	free(doc->enabled);
	free(doc->sev);
	free(doc->lspan);
	doc->conf = NULL;
	doc->enabled = NULL;
	doc->sev = NULL;
	doc->lspan = NULL;
}
