/* boilerplate.c - boilerplate.template: CMS, theme and page-chrome text that
 * leaked into an article ("Physical Address", "Leave a Reply", cookie and
 * newsletter banners), from the tables dictionaries/boilerplate/<lang>.tsv.
 *
 * Both sides are folded with tql_fold. `line` entries are one hash lookup per
 * line; `phrase` entries are indexed by their first folded word, so a line
 * costs one lookup per word whatever the size of the table. */
#include "../internal.h"
#include "../textkey.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>

static const tql_rule_info rules[] = {
	{"boilerplate.template", "boilerplate", TQL_SEV_WARNING,
	 "text of a web template, theme or page chrome leaked into the article"},
};

enum { MAX_LINE = 4096 }; /* longer lines are not folded for line entries */
enum { MAX_PROMPT_WORDS = 30 }; /* a `start` entry opens a line of at most this */

typedef struct entry {
	char *id;           /* owned */
	char *text;         /* owned: the entry as written */
	char *key;          /* owned: folded text */
	size_t klen;
	size_t prefix;      /* bytes of key before its first word */
	bool phrase;
	int next;           /* next phrase entry with the same index word, -1 */
} entry;

typedef struct bp_shared {
	entry *e;
	size_t n, cap;
	tql_strmap line;    /* folded key -> entry index + 1 (every language) */
	tql_strmap first;   /* first folded word -> first phrase entry index + 1 */
	tql_strmap label;   /* key without a final colon -> entry index + 1 */
	size_t maxline;     /* longest line key */
	size_t *starts;     /* indexes of `start` entries */
	size_t nstart, startcap;
	uint64_t bloom[64]; /* bit per hash of a first word: most words of a
	                       text skip the map lookup */
} bp_shared;

static bool bloom_has(const uint64_t *b, uint64_t h)
{
	return (b[(h >> 6) & 63] >> (h & 63)) & 1;
}

/* Is the code point at s[i] a letter, digit or mark? Sets *n to its length. */
static bool alnum_at(const char *s, size_t len, size_t i, size_t *n)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*n = 1;
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}
	size_t j = i;
	int32_t cp = tql_u8_next(s, len, &j);
	*n = j - i;
	return cp >= 0 && (u_isalnum(cp) || (U_GET_GC_MASK(cp) & U_GC_M_MASK));
}

/* Length of the run of letters and digits starting at s[i]. */
static size_t word_run(const char *s, size_t len, size_t i)
{
	size_t j = i, k;
	while (j < len && alnum_at(s, len, j, &k))
		j += k;
	return j - i;
}

/* Adds one TSV row (id lang match text example source). */
static tql_status add_row(bp_shared *d, char **f, tql_buf *k)
{
	bool start = strcmp(f[2], "start") == 0;
	bool phrase = strcmp(f[2], "phrase") == 0;
	if (!phrase && !start && strcmp(f[2], "line") != 0)
		return TQL_EDATA;
	if (!TQL_GROW(d->e, d->cap, d->n + 1))
		return TQL_ENOMEM;
	entry *e = &d->e[d->n];
	*e = (entry){0};
	e->next = -1;
	e->phrase = phrase;
	tql_buf fk = {0};
	if (!tql_fold(f[3], strlen(f[3]), &fk) || !fk.n) {
		tql_buf_free(&fk);
		return fk.n ? TQL_ENOMEM : TQL_EDATA;
	}
	e->key = tql_buf_take(&fk);
	e->klen = strlen(e->key);
	e->id = tql_strndup(f[0], strlen(f[0]));
	e->text = tql_strndup(f[3], strlen(f[3]));
	if (!e->id || !e->text) {
		free(e->key);
		free(e->id);
		free(e->text);
		return TQL_ENOMEM;
	}
	d->n++;
	size_t idx = d->n - 1;
	(void)k;
	/* labels: the entry without a trailing colon, for segments of a line */
	size_t ll = e->klen;
	while (ll && (e->key[ll - 1] == ':' || e->key[ll - 1] == ' '))
		ll--;
	if (ll && !tql_strmap_get(&d->label, e->key, ll, NULL) &&
	    !tql_strmap_put(&d->label, e->key, ll, idx + 1))
		return TQL_ENOMEM;
	if (start) {
		/* found by its first word, checked at the start of lines only */
		if (!TQL_GROW(d->starts, d->startcap, d->nstart + 1))
			return TQL_ENOMEM;
		d->starts[d->nstart++] = idx;
		size_t w0 = word_run(e->key, e->klen, 0);
		uint64_t bh = tql_hash(e->key, w0);
		d->bloom[(bh >> 6) & 63] |= 1ULL << (bh & 63);
		return w0 ? TQL_OK : TQL_EDATA;
	}
	if (!phrase) {
		if (!tql_strmap_put(&d->line, e->key, e->klen, idx + 1))
			return TQL_ENOMEM;
		if (e->klen > d->maxline)
			d->maxline = e->klen;
		return TQL_OK;
	}
	size_t p = 0, n;
	while (p < e->klen && !alnum_at(e->key, e->klen, p, &n))
		p += n;
	if (p >= e->klen)
		return TQL_EDATA;
	e->prefix = p;
	size_t w = word_run(e->key, e->klen, p);
	uintptr_t head = 0;
	uint64_t bh = tql_hash(e->key + p, w);
	d->bloom[(bh >> 6) & 63] |= 1ULL << (bh & 63);
	tql_strmap_get(&d->first, e->key + p, w, &head);
	e->next = (int)head - 1;
	if (!tql_strmap_put(&d->first, e->key + p, w, idx + 1))
		return TQL_ENOMEM;
	return TQL_OK;
}

/* Loads one table file. */
static tql_status load_file(tql_engine *eng, bp_shared *d, const char *path)
{
	char *data = NULL;
	size_t len = 0;
	tql_status st = tql_read_file(path, &data, &len);
	if (st != TQL_OK)
		return tql_engine_fail(eng, st, "cannot read '%s'", path);
	tql_buf k = {0};
	bool header = true;
	unsigned lineno = 0;
	char *s = data, *end = data + len;
	while (s < end && st == TQL_OK) {
		char *e = memchr(s, '\n', (size_t)(end - s));
		if (!e)
			e = end;
		*e = '\0';
		lineno++;
		if (e > s && e[-1] == '\r')
			e[-1] = '\0';
		if (*s && *s != '#') {
			char *f[6] = {0};
			int nf = 0;
			for (char *p = s; nf < 6;) {
				f[nf++] = p;
				char *tab = strchr(p, '\t');
				if (!tab)
					break;
				*tab = '\0';
				p = tab + 1;
			}
			if (header)
				header = false;
			else if (nf < 4)
				st = tql_engine_fail(eng, TQL_EDATA, "%s:%u: expected 6 tab-separated fields",
				                     path, lineno);
			else if ((st = add_row(d, f, &k)) == TQL_EDATA)
				tql_engine_fail(eng, st, "%s:%u: bad match kind or empty text", path, lineno);
		}
		s = e + 1;
	}
	tql_buf_free(&k);
	free(data);
	return st;
}

/* tql_data_each callback: one boilerplate/<lang>.tsv. */
static tql_status load_each(tql_engine *eng, const char *path, const char *lang, void *ud)
{
	(void)lang; /* the rows carry their language */
	return load_file(eng, ud, path);
}

static tql_status load(tql_engine *eng, void **out)
{
	bp_shared *d = calloc(1, sizeof *d);
	if (!d)
		return TQL_ENOMEM;
	*out = d;
	return tql_data_each(eng, "boilerplate", ".tsv", load_each, d);
}

static void unload(void *shared)
{
	bp_shared *d = shared;
	for (size_t i = 0; i < d->n; i++) {
		free(d->e[i].id);
		free(d->e[i].text);
		free(d->e[i].key);
	}
	free(d->e);
	free(d->starts);
	tql_strmap_free(&d->line);
	tql_strmap_free(&d->first);
	tql_strmap_free(&d->label);
	free(d);
}

/* The folded form of one line, with the folded start of every token. */
typedef struct fline {
	tql_buf key;        /* "lang\t" + folded line */
	size_t base;        /* length of the "lang\t" prefix */
	size_t *fstart;     /* per token of the line: folded offset (from base) */
	size_t cap;
	tql_buf tmp;
} fline;

/* Folds tokens [t0, t1) token by token, as tql_fold folds the whole line. */
static bool fold_line(const tql_doc *doc, const tql_line *ln, fline *fl)
{
	fl->key.n = fl->base;
	if (!TQL_GROW(fl->fstart, fl->cap, ln->t1 - ln->t0 + 1))
		return false;
	for (size_t t = ln->t0; t < ln->t1; t++) {
		const tql_token *tk = &doc->tok[t];
		fl->fstart[t - ln->t0] = fl->key.n - fl->base;
		bool space = tk->kind == TQL_TOK_SPACE;
		if (!space) {
			fl->tmp.n = 0;
			if (!tql_fold(doc->text + tk->off, tk->len, &fl->tmp))
				return false;
			if (fl->tmp.n) {
				if (!tql_buf_add(&fl->key, fl->tmp.p, fl->tmp.n))
					return false;
				continue;
			}
			/* tql_fold turns dashes, slashes and underscores into a space */
			const unsigned char *c = (const unsigned char *)doc->text + tk->off;
			space = memchr("-_/", c[0], 3) != NULL ||
			        (tk->len >= 3 && c[0] == 0xE2 && c[1] == 0x80 && c[2] >= 0x90 &&
			         c[2] <= 0x95); /* U+2010..2015 dashes */
		}
		if (space && fl->key.n > fl->base && fl->key.p[fl->key.n - 1] != ' ' &&
		    !tql_buf_addc(&fl->key, ' '))
			return false;
	}
	while (fl->key.n > fl->base && fl->key.p[fl->key.n - 1] == ' ')
		fl->key.p[--fl->key.n] = '\0';
	fl->fstart[ln->t1 - ln->t0] = fl->key.n - fl->base;
	return true;
}

/* Token (index from t0) holding folded offset f. */
static size_t tok_at(const fline *fl, size_t ntok, size_t f)
{
	size_t lo = 0, hi = ntok;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (fl->fstart[mid] <= f)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* Scans one folded line for phrase entries. */
static bool scan_phrases(tql_ctx *ctx, const bp_shared *d, const tql_line *ln, fline *fl)
{
	const tql_doc *doc = ctx->doc;
	const char *s = fl->key.p + fl->base;
	size_t len = fl->key.n - fl->base, ntok = ln->t1 - ln->t0;
	size_t i = 0, n;
	while (i < len) {
		if (!alnum_at(s, len, i, &n)) {
			i += n;
			continue;
		}
		size_t w = word_run(s, len, i);
		uintptr_t v = 0;
		if (!bloom_has(d->bloom, tql_hash(s + i, w))) {
			i += w;
			continue;
		}
		for (int ei = tql_strmap_get(&d->first, s + i, w, &v) ? (int)v - 1 : -1; ei >= 0;
		     ei = d->e[ei].next) {
			const entry *e = &d->e[ei];
			if (e->prefix > i)
				continue;
			size_t b = i - e->prefix, x;
			if (b + e->klen > len || memcmp(s + b, e->key, e->klen) != 0)
				continue;
			/* whole words: no letter right after the phrase */
			if (b + e->klen < len && alnum_at(e->key, e->klen, e->klen - 1, &x) &&
			    alnum_at(s, len, b + e->klen, &x))
				continue;
			size_t t0 = ln->t0 + tok_at(fl, ntok, b);
			size_t t1 = ln->t0 + tok_at(fl, ntok, b + e->klen - 1);
			size_t off = doc->tok[t0].off, end = doc->tok[t1].off + doc->tok[t1].len;
			if (!tql_emit(ctx, "boilerplate.template", off, end - off, NULL, false,
			              "'%s' is web-page template text (%s), not part of the article",
			              e->text, e->id))
				return false;
			i = b + e->klen; /* one finding per occurrence */
			w = 0;
			break;
		}
		i += w;
	}
	return true;
}

/* Boundary kind of a punctuation token: '|' bar, ':' label, '.' sentence
 * end, 0 none. */
static char boundary(const tql_doc *doc, const tql_token *tk)
{
	if (tk->kind != TQL_TOK_PUNCT)
		return 0;
	const char *s = doc->text + tk->off;
	/* | • · and the arrows of link lists: ▶ ► */
	if (memchr(s, '|', tk->len) || (tk->len >= 3 && memcmp(s, "\xE2\x80\xA2", 3) == 0) ||
	    (tk->len >= 2 && memcmp(s, "\xC2\xB7", 2) == 0) ||
	    (tk->len >= 3 && (memcmp(s, "\xE2\x96\xB6", 3) == 0 || memcmp(s, "\xE2\x96\xBA", 3) == 0)))
		return '|';
	if (memchr(s, ':', tk->len))
		return ':';
	if (memchr(s, '.', tk->len) || memchr(s, '!', tk->len) || memchr(s, '?', tk->len))
		return '.';
	return 0;
}

/* Button and label segments glued to a line: "Alle akzeptieren | Einstellungen
 * verwalten", "Share: Facebook ...", "... in five minutes. Subscribe". A
 * segment between separators is flagged when it equals a table entry (its
 * final colon ignored) and sits where page chrome does: next to a bar, as a
 * leading label before a colon, or as a last word after the final sentence
 * of a line that has no closing punctuation. */
static bool scan_segments(tql_ctx *ctx, const bp_shared *d, const tql_line *ln, const fline *fl)
{
	const tql_doc *doc = ctx->doc;
	size_t seg0 = ln->t0;
	char left = 0;
	bool open_end = doc->tok[ln->t1 - 1].kind == TQL_TOK_WORD;
	for (size_t t = ln->t0; t <= ln->t1; t++) {
		char b = t < ln->t1 ? boundary(doc, &doc->tok[t]) : '$';
		if (!b)
			continue;
		size_t a = seg0, z = t;
		while (a < z && doc->tok[a].kind == TQL_TOK_SPACE)
			a++;
		while (z > a && doc->tok[z - 1].kind == TQL_TOK_SPACE)
			z--;
		bool where = left == '|' || b == '|' || (seg0 == ln->t0 && b == ':') ||
		             (b == '$' && left == '.' && open_end);
		if (a < z && where && !(seg0 == ln->t0 && b == '$')) {
			size_t f0 = fl->fstart[a - ln->t0], f1 = fl->fstart[z - ln->t0];
			while (f0 < f1 && fl->key.p[fl->base + f0] == ' ')
				f0++;
			while (f1 > f0 && fl->key.p[fl->base + f1 - 1] == ' ')
				f1--;
			uintptr_t v;
			if (f1 > f0 && tql_strmap_get(&d->label, fl->key.p + fl->base + f0, f1 - f0, &v)) {
				const entry *e = &d->e[v - 1];
				size_t off = doc->tok[a].off;
				size_t end = doc->tok[z - 1].off + doc->tok[z - 1].len;
				if (!tql_emit(ctx, "boilerplate.template", off, end - off, NULL, false,
				              "'%s' is web-page template text (%s), not part of the article",
				              e->text, e->id))
					return false;
			}
		}
		left = b;
		seg0 = t + 1;
	}
	return true;
}

/* Names of the networks that page share bars list. "X" counts only as a
 * segment's last word. */
static const char *const networks[] = {
	"facebook", "twitter", "whatsapp", "telegram", "linkedin", "pinterest", "reddit",
	"email", "e-mail", "viber", "threads", "bluesky", "instagram", "flipboard",
	"mastodon", "messenger", "vk", "вконтакте", "одноклассники", "xing", "tumblr",
};


/* A share bar: "Share this note: Facebook | X | WhatsApp", "Compartir en
 * Facebook | Compartir en X | Copiar enlace". A line of at most MAX_BAR_WORDS
 * words, cut by bars or bullets into segments of which at least two name a
 * network, in any language. Prose names networks too ("on Facebook, X and
 * Telegram") but does not separate them with bars. */
enum { MAX_BAR_WORDS = 24, MAX_SEG_WORDS = 4 };

static bool scan_share_bar(tql_ctx *ctx, const tql_line *ln, tql_buf *tmp, bool *hit)
{
	const tql_doc *doc = ctx->doc;
	unsigned words = 0, bars = 0, named = 0, segw = 0;
	bool segnet = false, lastx = false;
	*hit = false;
	if (ln->t1 - ln->t0 > 4 * MAX_BAR_WORDS)
		return true;
	size_t k = ln->t0;
	while (k < ln->t1 && boundary(doc, &doc->tok[k]) != '|')
		k++;
	if (k == ln->t1)
		return true; /* no bar: the common case, no folding */
	for (size_t t = ln->t0; t <= ln->t1; t++) {
		const tql_token *tk = t < ln->t1 ? &doc->tok[t] : NULL;
		char b = tk ? boundary(doc, tk) : '$';
		if (b == '|' || b == '$' || b == ':') {
			if ((segnet || lastx) && segw <= MAX_SEG_WORDS)
				named++;
			if (b == '|')
				bars++;
			segnet = lastx = false;
			segw = 0;
			if (b == '$')
				break;
			continue;
		}
		if (tk->kind != TQL_TOK_WORD)
			continue;
		if (++words > MAX_BAR_WORDS)
			return true;
		segw++;
		if (TQL_FOLDED_LISTED(networks, doc->text + tk->off, tk->len, tmp))
			segnet = true;
		lastx = tk->len == 1 && doc->text[tk->off] == 'X';
	}
	if (bars < 1 || named < 2)
		return true;
	*hit = true;
	return tql_emit(ctx, "boilerplate.template", ln->off, ln->len, NULL, false,
	                "a bar of share buttons (%u networks) is web-page template text, not "
	                "part of the article",
	                named);
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const bp_shared *d = shared;
	tql_doc *doc = ctx->doc;
	if (!d->n || !tql_rule_enabled(ctx->eng, "boilerplate.template"))
		return TQL_OK;
	fline fl = {0};
	tql_status st = TQL_ENOMEM;
	fl.base = 0;
	size_t t = 0;
	tql_line ln;
	while (tql_line_next(doc, &t, &ln)) {
		bool bar;
		if (!scan_share_bar(ctx, &ln, &fl.tmp, &bar))
			goto done;
		if (bar)
			continue;
		/* fold only lines that may hold an entry: short enough for a line
		 * entry, or with a word that starts a phrase entry */
		bool maybe = ln.len <= 2 * d->maxline + 16;
		for (size_t k = ln.t0; !maybe && k < ln.t1; k++) {
			const tql_token *tk = &doc->tok[k];
			if (tk->kind != TQL_TOK_WORD && tk->kind != TQL_TOK_NUMBER)
				continue;
			uint64_t h = tql_key_word(doc->text + tk->off, tk->len, &fl.tmp);
			if (!h)
				goto done;
			maybe = bloom_has(d->bloom, h);
		}
		if (!maybe)
			continue;
		if (!fold_line(doc, &ln, &fl))
			goto done;
		uintptr_t v;
		if (fl.key.n - fl.base <= d->maxline &&
		    tql_strmap_get(&d->line, fl.key.p, fl.key.n, &v)) {
			const entry *e = &d->e[v - 1];
			if (!tql_emit(ctx, "boilerplate.template", ln.off, ln.len, NULL, false,
			              "'%s' is web-page template text (%s), not part of the article",
			              e->text, e->id))
				goto done;
			continue;
		}
		/* a prompt opening a short line: "Subscribe to our Telegram
		 * channel ...", "Folgen Sie uns auf WhatsApp ..." */
		bool prompt = false;
		const char *lk = fl.key.p + fl.base;
		size_t lkn = fl.key.n - fl.base, words = 1;
		for (size_t c = 0; c < lkn; c++)
			words += lk[c] == ' ';
		for (size_t q = 0; q < d->nstart && !prompt && words <= MAX_PROMPT_WORDS; q++) {
			const entry *e = &d->e[d->starts[q]];
			if (e->klen <= lkn && memcmp(lk, e->key, e->klen) == 0 &&
			    (e->klen == lkn || lk[e->klen] == ' ')) {
				prompt = true;
				if (!tql_emit(ctx, "boilerplate.template", ln.off, ln.len, NULL, false,
				              "a line opening with '%s' is a web-page prompt (%s), not part "
				              "of the article",
				              e->text, e->id))
					goto done;
			}
		}
		if (prompt)
			continue;
		size_t before = doc->nfind;
		if (!scan_segments(ctx, d, &ln, &fl))
			goto done;
		if (doc->nfind == before && !scan_phrases(ctx, d, &ln, &fl))
			goto done;
	}
	st = TQL_OK;
done:
	tql_buf_free(&fl.key);
	tql_buf_free(&fl.tmp);
	free(fl.fstart);
	return st;
}

const tql_check_def tql_check_boilerplate = {
	"boilerplate", rules, sizeof rules / sizeof *rules, load, unload, run,
};
