/* rules.c - loads and compiles calque and pattern rule files
 * (dictionaries/patterns/<lang>.rules, format in dictionaries/README.md). */
#include "rules.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

/* The closed list of finding categories (design, section 2). */
static const char *const categories[] = {
	"name", "consistency", "calque", "duplicate", "boilerplate",
	"garbled", "encoding", "spelling", "typography", "language",
};

tql_rules *tql_rules_new(void)
{
	tql_rules *rs = calloc(1, sizeof *rs);
	if (!rs)
		return NULL;
	rs->mctx = pcre2_match_context_create(NULL);
	if (!rs->mctx) {
		free(rs);
		return NULL;
	}
	pcre2_set_match_limit(rs->mctx, TQL_RULES_MATCH_LIMIT);
	pcre2_set_depth_limit(rs->mctx, TQL_RULES_DEPTH_LIMIT);
	rs->ovec = 1;
	rs->jit = true;
	return rs;
}

/* Frees the members of one rule (not the rule itself). */
static void prule_clear(tql_prule *r)
{
	free(r->id);
	free(r->message);
	free(r->replace);
	free(r->file);
	pcre2_code_free(r->code);
	for (size_t i = 0; i < r->nex; i++)
		free(r->ex[i].text);
	free(r->ex);
	for (size_t i = 0; i < r->nwords; i++)
		free(r->words[i]);
	free(r->words);
	memset(r, 0, sizeof *r);
}

/* Drops the prefilter index. */
static void index_free(tql_rules *rs)
{
	for (size_t i = 0; i < rs->nlists; i++)
		free(rs->lists[i].v);
	free(rs->lists);
	rs->lists = NULL;
	rs->nlists = rs->listcap = 0;
	tql_strmap_free(&rs->trig);
	memset(&rs->trig, 0, sizeof rs->trig);
	rs->maxkey = 0;
	memset(rs->bloom, 0, sizeof rs->bloom);
}

tql_status tql_rules_index(tql_rules *rs)
{
	index_free(rs);
	for (size_t i = 0; i < rs->n; i++) {
		const tql_prule *r = &rs->v[i];
		for (size_t k = 0; k < r->nwords; k++) {
			const char *w = r->words[k];
			size_t wn = strlen(w);
			uintptr_t li;
			if (!tql_strmap_get(&rs->trig, w, wn, &li)) {
				if (!TQL_GROW(rs->lists, rs->listcap, rs->nlists + 1))
					return TQL_ENOMEM;
				li = rs->nlists;
				rs->lists[rs->nlists++] = (tql_rule_list){NULL, 0, 0};
				if (!tql_strmap_put(&rs->trig, w, wn, li))
					return TQL_ENOMEM;
			}
			tql_rule_list *l = &rs->lists[li];
			if (!TQL_GROW(l->v, l->cap, l->n + 1))
				return TQL_ENOMEM;
			l->v[l->n++] = i;
			if (wn > rs->maxkey)
				rs->maxkey = wn;
			uint64_t h = tql_hash(w, wn) & 0xFFFF;
			rs->bloom[h >> 6] |= 1ull << (h & 63);
		}
	}
	return TQL_OK;
}

void tql_rules_free(tql_rules *rs)
{
	if (!rs)
		return;
	index_free(rs);
	for (size_t i = 0; i < rs->n; i++)
		prule_clear(&rs->v[i]);
	free(rs->v);
	pcre2_match_context_free(rs->mctx);
	free(rs);
}

/* ---- prefilter words ---------------------------------------------------- */

bool tql_rules_word_key(const char *w, size_t n, tql_buf *out)
{
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)w[i] < 0x80;
	if (!ascii)
		return tql_fold(w, n, out);
	size_t at = out->n;
	if (!tql_buf_add(out, w, n))
		return false;
	for (size_t i = at; i < out->n; i++)
		if (out->p[i] >= 'A' && out->p[i] <= 'Z')
			out->p[i] = (char)(out->p[i] - 'A' + 'a');
	return true;
}

/* ---- parsing ------------------------------------------------------------ */

/* One block being parsed. */
typedef struct block {
	tql_prule r;
	unsigned line;             /* line of the [id] header */
	char *category;
	int sev;                   /* -1: not given */
	int fix;                   /* -1: not given, 0 suggest, 1 safe */
	char *pattern;
	unsigned pattern_line;
	bool has_from, has_note;
} block;

typedef struct parser {
	tql_engine *eng;
	tql_rules *rs;
	const char *path;
	char lang[16];
	tql_prule *v;              /* rules parsed from this file */
	size_t n, cap;
} parser;

static void block_clear(block *b)
{
	prule_clear(&b->r);
	free(b->category);
	free(b->pattern);
	memset(b, 0, sizeof *b);
	b->sev = -1;
	b->fix = -1;
}

/* Sets the engine error to "path:line: message"; returns TQL_EDATA. */
static tql_status perr(parser *p, unsigned line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static tql_status perr(parser *p, unsigned line, const char *fmt, ...)
{
	char msg[384];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	return tql_engine_fail(p->eng, TQL_EDATA, "%s:%u: %s", p->path, line, msg);
}

static bool valid_id(const char *id)
{
	const char *dot = strchr(id, '.');
	if (!dot || dot == id || !dot[1])
		return false;
	for (const char *s = id; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '-' || *s == '_'))
			return false;
	return true;
}

/* Finds a rule with id in the set or in this file's rules so far. */
static const tql_prule *find_rule(const parser *p, const char *id, const char *lang)
{
	for (size_t i = 0; i < p->rs->n; i++)
		if (strcmp(p->rs->v[i].id, id) == 0 && (!lang || strcmp(p->rs->v[i].lang, lang) == 0))
			return &p->rs->v[i];
	for (size_t i = 0; i < p->n; i++)
		if (strcmp(p->v[i].id, id) == 0 && (!lang || strcmp(p->v[i].lang, lang) == 0))
			return &p->v[i];
	return NULL;
}

/* Compiles the block's pattern (UTF + UCP, JIT when available). */
static tql_status compile(parser *p, block *b)
{
	int err = 0;
	PCRE2_SIZE eoff = 0;
	b->r.code = pcre2_compile((PCRE2_SPTR)b->pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP,
	                          &err, &eoff, NULL);
	if (!b->r.code) {
		if (err == PCRE2_ERROR_NOMEMORY)
			return TQL_ENOMEM;
		PCRE2_UCHAR msg[256];
		pcre2_get_error_message(err, msg, sizeof msg);
		return perr(p, b->pattern_line, "rule '%s': bad pattern at offset %zu: %s", b->r.id,
		            (size_t)eoff, (const char *)msg);
	}
	if (p->rs->jit && pcre2_jit_compile(b->r.code, PCRE2_JIT_COMPLETE) != 0)
		p->rs->jit = false; /* no JIT on this platform: the interpreter runs it */
	uint32_t ncap = 0;
	pcre2_pattern_info(b->r.code, PCRE2_INFO_CAPTURECOUNT, &ncap);
	if (ncap + 1 > p->rs->ovec)
		p->rs->ovec = ncap + 1;
	return TQL_OK;
}

/* Checks a finished block and moves it into the file's rule list. */
static tql_status finish_block(parser *p, block *b)
{
	if (!b->r.id)
		return TQL_OK;
	const char *id = b->r.id;
	if (!b->category)
		return perr(p, b->line, "rule '%s': missing 'category'", id);
	if (b->sev < 0)
		return perr(p, b->line, "rule '%s': missing 'severity'", id);
	if (!b->pattern)
		return perr(p, b->line, "rule '%s': missing 'pattern'", id);
	if (!b->r.message)
		return perr(p, b->line, "rule '%s': missing 'message'", id);
	size_t nbad = 0, ngood = 0;
	for (size_t i = 0; i < b->r.nex; i++)
		*(b->r.ex[i].bad ? &nbad : &ngood) += 1;
	if (!nbad || !ngood)
		return perr(p, b->line, "rule '%s': needs at least one 'bad' and one 'good' example", id);
	if (b->fix == 1 && !b->r.replace)
		return perr(p, b->line, "rule '%s': 'fix = safe' needs a 'replace'", id);
	size_t cl = strlen(b->category);
	if (strncmp(id, b->category, cl) != 0 || id[cl] != '.')
		return perr(p, b->line, "rule '%s': the id must start with its category '%s.'", id,
		            b->category);
	if (find_rule(p, id, p->lang))
		return perr(p, b->line, "duplicate rule id '%s' for language '%s'", id,
		            p->lang[0] ? p->lang : "*");
	/* the same id in another language shares one registry entry (and has
	 * the same category: the id's prefix); a built-in id is taken */
	if (!find_rule(p, id, NULL) && tql_rule_find(p->eng, id) >= 0)
		return perr(p, b->line, "rule id '%s' is already used by a built-in check", id);
	tql_status st = compile(p, b);
	if (st != TQL_OK)
		return st;
	if (tql_rules_extract_words(&b->r, b->pattern) != TQL_OK)
		return TQL_ENOMEM;
	b->r.sev = (tql_severity)b->sev;
	b->r.fix_safe = b->fix == 1;
	b->r.line = b->line;
	b->r.reg = -1;
	snprintf(b->r.lang, sizeof b->r.lang, "%s", p->lang);
	b->r.file = tql_strndup(p->path, strlen(p->path));
	if (!b->r.file || !TQL_GROW(p->v, p->cap, p->n + 1))
		return TQL_ENOMEM;
	p->v[p->n++] = b->r;
	memset(&b->r, 0, sizeof b->r);
	return TQL_OK;
}

/* Copies a value; replaces an existing one only for repeatable keys. */
static tql_status set_str(parser *p, unsigned line, char **dst, const char *key, const char *v,
                          size_t n)
{
	if (*dst)
		return perr(p, line, "key '%s' given twice", key);
	*dst = tql_strndup(v, n);
	return *dst ? TQL_OK : TQL_ENOMEM;
}

/* Handles one "key = value" line of a block. */
static tql_status key_value(parser *p, block *b, unsigned line, const char *s, size_t n)
{
	size_t k = 0;
	while (k < n && ((s[k] >= 'a' && s[k] <= 'z') || s[k] == '_'))
		k++;
	size_t e = k;
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	if (k == 0 || e >= n || s[e] != '=')
		return perr(p, line, "expected 'key = value' or '[rule.id]'");
	e++;
	while (e < n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	const char *v = s + e;
	size_t vn = n - e;
	char key[16];
	snprintf(key, sizeof key, "%.*s", (int)(k < 15 ? k : 15), s);
	if (!b->r.id)
		return perr(p, line, "'%s' outside a rule block (start one with '[rule.id]')", key);
	if (vn == 0)
		return perr(p, line, "empty value for '%s'", key);
	if (strcmp(key, "category") == 0) {
		bool ok = false;
		for (size_t i = 0; i < sizeof categories / sizeof *categories; i++)
			ok = ok || (strlen(categories[i]) == vn && memcmp(categories[i], v, vn) == 0);
		if (!ok)
			return perr(p, line, "unknown category '%.*s'", (int)vn, v);
		return set_str(p, line, &b->category, key, v, vn);
	}
	if (strcmp(key, "severity") == 0) {
		char sv[16];
		snprintf(sv, sizeof sv, "%.*s", (int)(vn < 15 ? vn : 15), v);
		int sev = tql_severity_parse(sv);
		if (sev < 0 || vn > 15)
			return perr(p, line, "unknown severity '%.*s' (error, warning, info)", (int)vn, v);
		if (b->sev >= 0)
			return perr(p, line, "key 'severity' given twice");
		b->sev = sev;
		return TQL_OK;
	}
	if (strcmp(key, "fix") == 0) {
		int fix = (vn == 4 && memcmp(v, "safe", 4) == 0) ? 1
		          : (vn == 7 && memcmp(v, "suggest", 7) == 0) ? 0 : -1;
		if (fix < 0)
			return perr(p, line, "unknown fix '%.*s' (safe, suggest)", (int)vn, v);
		if (b->fix >= 0)
			return perr(p, line, "key 'fix' given twice");
		b->fix = fix;
		return TQL_OK;
	}
	if (strcmp(key, "pattern") == 0) {
		b->pattern_line = line;
		return set_str(p, line, &b->pattern, key, v, vn);
	}
	if (strcmp(key, "replace") == 0)
		return set_str(p, line, &b->r.replace, key, v, vn);
	if (strcmp(key, "message") == 0)
		return set_str(p, line, &b->r.message, key, v, vn);
	if (strcmp(key, "from") == 0 || strcmp(key, "note") == 0) {
		bool *seen = key[0] == 'f' ? &b->has_from : &b->has_note;
		if (*seen)
			return perr(p, line, "key '%s' given twice", key);
		*seen = true;
		return TQL_OK;
	}
	if (strcmp(key, "bad") == 0 || strcmp(key, "good") == 0) {
		if (!TQL_GROW(b->r.ex, b->r.excap, b->r.nex + 1))
			return TQL_ENOMEM;
		char *t = tql_strndup(v, vn);
		if (!t)
			return TQL_ENOMEM;
		b->r.ex[b->r.nex++] = (tql_rule_example){t, line, key[0] == 'b'};
		return TQL_OK;
	}
	return perr(p, line, "unknown key '%s'", key);
}

/* Parses the text of one rule file into p->v (nothing registered yet). */
static tql_status parse_text(parser *p, const char *data, size_t len)
{
	if (tql_u8_valid_prefix(data, len) != len) {
		size_t bad = tql_u8_valid_prefix(data, len);
		unsigned line = 1;
		for (size_t i = 0; i < bad; i++)
			line += data[i] == '\n';
		return perr(p, line, "invalid UTF-8");
	}
	block b;
	memset(&b, 0, sizeof b);
	block_clear(&b);
	tql_status st = TQL_OK;
	unsigned line = 0;
	const char *s = data, *end = data + len;
	while (s < end && st == TQL_OK) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = nl ? (size_t)(nl - s) : (size_t)(end - s);
		const char *next = nl ? nl + 1 : end;
		line++;
		if (n > TQL_RULES_MAX_LINE) {
			st = perr(p, line, "line longer than %d bytes", TQL_RULES_MAX_LINE);
			break;
		}
		while (n && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		size_t i = 0;
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (i == n || s[i] == '#') {
			s = next;
			continue;
		}
		if (s[i] == '[') {
			if (s[n - 1] != ']' || n - i < 3) {
				st = perr(p, line, "a rule header is '[category.name]'");
				break;
			}
			if ((st = finish_block(p, &b)) != TQL_OK)
				break;
			block_clear(&b);
			b.r.id = tql_strndup(s + i + 1, n - i - 2);
			if (!b.r.id) {
				st = TQL_ENOMEM;
				break;
			}
			b.line = line;
			if (!valid_id(b.r.id))
				st = perr(p, line, "bad rule id '%s' (lower-case 'category.name')", b.r.id);
		} else {
			st = key_value(p, &b, line, s + i, n - i);
		}
		s = next;
	}
	if (st == TQL_OK)
		st = finish_block(p, &b);
	block_clear(&b);
	return st;
}

/* Registers the parsed rules with the engine and moves them into the set. */
static tql_status commit(parser *p)
{
	if (!TQL_GROW(p->rs->v, p->rs->cap, p->rs->n + p->n))
		return TQL_ENOMEM;
	for (size_t i = 0; i < p->n; i++) {
		tql_prule *r = &p->v[i];
		const tql_prule *other = find_rule(p, r->id, NULL);
		if (other && other != r && other->reg >= 0) {
			r->reg = other->reg;
		} else {
			/* the category is the id's prefix (checked by finish_block) */
			char cat[32];
			size_t cl = (size_t)(strchr(r->id, '.') - r->id);
			snprintf(cat, sizeof cat, "%.*s", (int)(cl < 31 ? cl : 31), r->id);
			int k = tql_engine_add_rule(p->eng, r->id, cat, r->sev, r->message);
			if (k < 0)
				return p->eng->errmsg[0] ? TQL_EDATA : TQL_ENOMEM;
			r->reg = k;
		}
	}
	for (size_t i = 0; i < p->n; i++)
		p->rs->v[p->rs->n++] = p->v[i];
	p->n = 0;
	return TQL_OK;
}

tql_status tql_rules_parse_file(tql_engine *eng, tql_rules *rs, const char *path, const char *lang)
{
	parser p = {eng, rs, path, "", NULL, 0, 0};
	if (lang && strcmp(lang, "*") != 0)
		snprintf(p.lang, sizeof p.lang, "%s", lang);
	char *data = NULL;
	size_t len = 0;
	tql_status st = tql_read_file(path, &data, &len);
	if (st != TQL_OK)
		return st == TQL_ENOMEM ? st
		                        : tql_engine_fail(eng, st, "%s: cannot read the rule file", path);
	if (len > TQL_RULES_MAX_FILE)
		st = perr(&p, 1, "rule file larger than %u bytes", TQL_RULES_MAX_FILE);
	else
		st = parse_text(&p, data, len);
	if (st == TQL_OK)
		st = commit(&p);
	if (st == TQL_OK)
		st = tql_rules_index(rs);
	for (size_t i = 0; i < p.n; i++)
		prule_clear(&p.v[i]);
	free(p.v);
	free(data);
	return st;
}

/* Orders rule file names: en.rules first (its messages become the
 * summaries of ids shared with other languages), then by name. */
static int cmp_files(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	bool ex = strcmp(x, "en.rules") == 0, ey = strcmp(y, "en.rules") == 0;
	if (ex != ey)
		return ex ? -1 : 1;
	return strcmp(x, y);
}

tql_status tql_rules_load_dir(tql_engine *eng, tql_rules *rs, const char *dir)
{
	DIR *dh = opendir(dir);
	if (!dh)
		return TQL_OK;
	char **names = NULL;
	size_t n = 0, cap = 0;
	tql_status st = TQL_OK;
	struct dirent *de;
	while ((de = readdir(dh)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 7 || l > 6 + 15 || strcmp(de->d_name + l - 6, ".rules") != 0 ||
		    de->d_name[0] == '.')
			continue;
		if (!TQL_GROW(names, cap, n + 1) || !(names[n] = tql_strndup(de->d_name, l))) {
			st = TQL_ENOMEM;
			break;
		}
		n++;
	}
	closedir(dh);
	if (n)
		qsort(names, n, sizeof *names, cmp_files);
	tql_buf path = {0};
	for (size_t i = 0; i < n && st == TQL_OK; i++) {
		char lang[16];
		snprintf(lang, sizeof lang, "%.*s", (int)(strlen(names[i]) - 6), names[i]);
		path.n = 0;
		if (!tql_buf_printf(&path, "%s/%s", dir, names[i]))
			st = TQL_ENOMEM;
		else
			st = tql_rules_parse_file(eng, rs, path.p, lang);
	}
	tql_buf_free(&path);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return st;
}

tql_rules *tql_rules_of(const tql_engine *eng)
{
	for (size_t c = 0; c < tql_ncheck; c++)
		if (tql_checks[c] == &tql_check_patterns)
			return eng->shared ? eng->shared[c] : NULL;
	return NULL;
}

tql_status tql_rules_load_file(tql_engine *eng, const char *path, const char *lang)
{
	tql_rules *rs = tql_rules_of(eng);
	if (!rs)
		return tql_engine_fail(eng, TQL_EUSAGE, "%s: the pattern rules are not loaded", path);
	return tql_rules_parse_file(eng, rs, path, lang);
}
