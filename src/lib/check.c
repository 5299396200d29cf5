/* check.c - the pipeline for one document: read, normalise, segment,
 * run the checks, map findings back to the source. */
#include "internal.h"
#include "langid.h"

#include <ctype.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tql_result {
	tql_finding *f;     /* owned, with owned strings */
	size_t n;
	char lang[32];
	const char *format; /* static */
	size_t words;
};


/* Marks raw finding r dropped (rule UINT32_MAX); build_result skips it. */
static void drop(tql_raw_finding *r)
{
	free(r->message);
	r->message = NULL;
	r->rule = UINT32_MAX;
}

/* true when a name.variant or name.near-miss finding of doc spans s (whole,
 * or as its last words: "Bola Tinubú" holds "Tinubú"); a given-name finding
 * is left out, its family name is right */
static bool flagged_name(const tql_engine *eng, const tql_doc *doc, const char *s)
{
	size_t n = strlen(s);
	for (size_t j = 0; j < doc->nfind; j++) {
		const tql_raw_finding *b = &doc->find[j];
		if (b->rule == UINT32_MAX || b->source_span || b->len < n)
			continue;
		const char *id = eng->rules[b->rule].id;
		if (strcmp(id, "name.variant") != 0 && strcmp(id, "name.near-miss") != 0)
			continue;
		const char *end = doc->text + b->off + b->len;
		if (memcmp(end - n, s, n) == 0 && (b->len == n || end[-(ptrdiff_t)n - 1] == ' '))
			return true;
	}
	return false;
}

/* Findings another finding already makes: doc->find is sorted by offset.
 * - Untranslated words inside a block reported as boilerplate go with the
 *   block (language.foreign-script inside a boilerplate.* finding: a
 *   "関連記事" line).
 * - A name reported as wrong (name.variant, name.near-miss,
 *   name.given-name, name.dated) is not reported again as a second
 *   spelling of the document (consistency.name) on the same span or on
 *   one that starts there ("Karine" and "Karine Keller"): the name finding
 *   carries the fix; nor is one that points at a spelling a name
 *   finding reports ("Tinubu" beside "Tinubú"). */
static void drop_redundant(const tql_engine *eng, tql_doc *doc)
{
	for (size_t i = 0; i < doc->nfind; i++) {
		tql_raw_finding *r = &doc->find[i];
		if (r->source_span)
			continue;
		const char *id = eng->rules[r->rule].id;
		bool foreign = strcmp(id, "language.foreign-script") == 0;
		bool second = strcmp(id, "consistency.name") == 0;
		if (!foreign && !second)
			continue;
		/* the other spelling it points to is itself reported as a wrong
		 * name: "Tinubu" is not a second form of "Tinubú" */
		if (second && r->nsugg && flagged_name(eng, doc, r->sugg[0])) {
			drop(r);
			continue;
		}
		for (size_t j = 0; j < doc->nfind; j++) {
			const tql_raw_finding *b = &doc->find[j];
			if (b->off > r->off)
				break;
			if (j == i || b->rule == UINT32_MAX || b->source_span)
				continue;
			const char *bid = eng->rules[b->rule].id;
			if ((foreign && strncmp(bid, "boilerplate.", 12) == 0 &&
			     b->off + b->len >= r->off + r->len) ||
			    (second && strncmp(bid, "name.", 5) == 0 && b->off == r->off &&
			     b->len <= r->len)) {
				drop(r);
				break;
			}
		}
	}
}

tql_status tql_checker_new(tql_engine *eng, tql_checker **out)
{
	tql_checker *chk = calloc(1, sizeof *chk);
	*out = chk;
	if (!chk)
		return TQL_ENOMEM;
	chk->eng = eng;
	return TQL_OK;
}

void tql_checker_free(tql_checker *chk)
{
	if (!chk)
		return;
	for (size_t i = 0; i < chk->nlangs; i++)
		tql_lang_free(chk->eng, chk->langs[i]);
	free(chk->langs);
	free(chk->u16);
	free(chk->u16map);
	tql_buf_free(&chk->scratch);
	free(chk);
}

const char *tql_checker_errmsg(const tql_checker *chk)
{
	return chk ? (chk->errmsg[0] ? chk->errmsg : chk->eng->errmsg) : "out of memory";
}

/* ---- emitting findings -------------------------------------------------- */

static bool push_finding(tql_doc *doc, int rule, size_t off, size_t len, const char *const *sugg,
                         size_t nsugg, bool fixable, bool source_span, const char *fmt, va_list ap)
{
	if (!TQL_GROW(doc->find, doc->findcap, doc->nfind + 1))
		return false;
	tql_raw_finding *f = &doc->find[doc->nfind];
	*f = (tql_raw_finding){(uint32_t)rule, -1, off, len, NULL, NULL, 0, fixable, source_span};
	tql_buf m = {0};
	if (!tql_buf_vprintf(&m, fmt, ap)) {
		tql_buf_free(&m);
		return false;
	}
	f->message = tql_buf_take(&m);
	if (nsugg) {
		f->sugg = calloc(nsugg, sizeof *f->sugg);
		if (!f->sugg) {
			free(f->message);
			return false;
		}
		for (size_t i = 0; i < nsugg; i++) {
			f->sugg[i] = tql_strndup(sugg[i], strlen(sugg[i]));
			if (!f->sugg[i]) {
				for (size_t j = 0; j < i; j++)
					free(f->sugg[j]);
				free(f->sugg);
				free(f->message);
				return false;
			}
		}
		f->nsugg = nsugg;
	}
	f->fixable = fixable && nsugg == 1;
	doc->nfind++;
	return true;
}

bool tql_emitv(tql_ctx *ctx, const char *rule, size_t off, size_t len, const char *const *sugg,
               size_t nsugg, bool fixable, const char *fmt, ...)
{
	int k = tql_rule_find(ctx->eng, rule);
	if (k < 0 || !tql_doc_rule_on(ctx->doc, ctx->eng, (size_t)k))
		return true;
	va_list ap;
	va_start(ap, fmt);
	bool ok = push_finding(ctx->doc, k, off, len, sugg, nsugg, fixable, false, fmt, ap);
	va_end(ap);
	return ok;
}

bool tql_emit(tql_ctx *ctx, const char *rule, size_t off, size_t len, const char *sugg,
              bool fixable, const char *fmt, ...)
{
	int k = tql_rule_find(ctx->eng, rule);
	if (k < 0 || !tql_doc_rule_on(ctx->doc, ctx->eng, (size_t)k))
		return true;
	va_list ap;
	va_start(ap, fmt);
	const char *one[1] = {sugg};
	bool ok = push_finding(ctx->doc, k, off, len, one, sugg ? 1 : 0, fixable, false, fmt, ap);
	va_end(ap);
	return ok;
}

bool tql_emit_src(tql_doc *doc, int rule, size_t s_off, size_t s_len, const char *sugg,
                  bool fixable, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *one[1] = {sugg};
	bool ok = push_finding(doc, rule, s_off, s_len, one, sugg ? 1 : 0, fixable, true, fmt, ap);
	va_end(ap);
	return ok;
}

bool tql_quote_around(const tql_doc *doc, size_t off, size_t len, size_t reach, size_t *a,
                      size_t *b)
{
	static const char *const open[] = {"\xE2\x80\x9E", "\xE2\x80\x9C", "\xC2\xAB", "\"", NULL};
	static const char *const close[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xC2\xBB", "\"", NULL};
	const char *t = doc->text;
	*a = *b = SIZE_MAX;
	for (size_t k = off; k > 0 && off - k < reach && t[k - 1] != '\n' && *a == SIZE_MAX; k--)
		for (size_t q = 0; open[q]; q++) {
			size_t ql = strlen(open[q]);
			if (k >= ql && memcmp(t + k - ql, open[q], ql) == 0) {
				*a = k;
				break;
			}
		}
	for (size_t k = off + len; *a != SIZE_MAX && k < doc->len && k - off < reach && t[k] != '\n' &&
	                           *b == SIZE_MAX;
	     k++)
		for (size_t q = 0; close[q]; q++) {
			size_t ql = strlen(close[q]);
			if (k + ql <= doc->len && memcmp(t + k, close[q], ql) == 0) {
				*b = k;
				break;
			}
		}
	return *a != SIZE_MAX && *b != SIZE_MAX;
}

bool tql_mostly_unknown(tql_ctx *ctx, size_t a, size_t b, size_t skip_a, size_t skip_b)
{
	const tql_doc *doc = ctx->doc;
	size_t words = 0, known = 0;
	for (size_t t = tql_doc_token_at(doc, a); t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->off >= b)
			break;
		if (tk->kind != TQL_TOK_WORD || (tk->off >= skip_a && tk->off < skip_b))
			continue;
		words++;
		known += tql_spell(ctx->chk, ctx->lang, doc->text + tk->off, tk->len) == 1;
	}
	return words >= 3 && known * 2 < words;
}

size_t tql_doc_token_at(const tql_doc *doc, size_t off)
{
	size_t lo = 0, hi = doc->ntok;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (doc->tok[mid].off < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t tql_doc_src_start(const tql_doc *doc, size_t a)
{
	return tql_map_start(&doc->raw_map, tql_map_start(&doc->norm_map, a));
}

size_t tql_doc_src_end(const tql_doc *doc, size_t a)
{
	return tql_map_end(&doc->raw_map, tql_map_end(&doc->norm_map, a));
}

/* ---- document set-up ---------------------------------------------------- */

/* Splits a BCP 47 tag into lower-case language and upper-case region.
 * No tag, "" or "auto" leaves lang "": detected later (tql_langid_doc). */
static void parse_lang(const char *tag, char lang[16], char region[8])
{
	lang[0] = region[0] = '\0';
	if (!tag || !*tag || strcasecmp(tag, "auto") == 0)
		return;
	size_t i = 0;
	while (tag[i] && tag[i] != '-' && tag[i] != '_' && i < 15) {
		lang[i] = (char)tolower((unsigned char)tag[i]);
		i++;
	}
	lang[i] = '\0';
	while (tag[i] && tag[i] != '-' && tag[i] != '_')
		i++;
	while (tag[i] == '-' || tag[i] == '_') {
		const char *p = tag + i + 1;
		size_t n = strcspn(p, "-_");
		if (n == 2) {
			for (size_t k = 0; k < 2; k++)
				region[k] = (char)toupper((unsigned char)p[k]);
			region[2] = '\0';
			break;
		}
		i += n + 1;
	}
	if (!lang[0])
		snprintf(lang, 16, "en");
}

static tql_format guess_format(const char *path)
{
	const char *dot = path ? strrchr(path, '.') : NULL;
	if (!dot || strchr(dot, '/'))
		return TQL_FORMAT_TEXT;
	if (strcasecmp(dot, ".md") == 0 || strcasecmp(dot, ".markdown") == 0)
		return TQL_FORMAT_MARKDOWN;
	if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
		return TQL_FORMAT_HTML;
	return TQL_FORMAT_TEXT;
}

static const char *format_name(tql_format f)
{
	return f == TQL_FORMAT_MARKDOWN ? "markdown" : f == TQL_FORMAT_HTML ? "html" : "text";
}

static void doc_free(tql_doc *doc)
{
	tql_doc_conf_free(doc);
	free(doc->raw);
	free(doc->text);
	tql_map_free(&doc->raw_map);
	tql_map_free(&doc->norm_map);
	free(doc->tok);
	free(doc->sent);
	free(doc->block);
	for (size_t i = 0; i < doc->nfind; i++) {
		free(doc->find[i].message);
		for (size_t j = 0; j < doc->find[i].nsugg; j++)
			free(doc->find[i].sugg[j]);
		free(doc->find[i].sugg);
	}
	free(doc->find);
}

/* ---- results ------------------------------------------------------------ */

void tql_result_free(tql_result *res)
{
	if (!res)
		return;
	for (size_t i = 0; i < res->n; i++) {
		tql_finding *f = &res->f[i];
		free((char *)f->text);
		free((char *)f->message);
		for (size_t j = 0; j < f->n_suggestions; j++)
			free((char *)f->suggestions[j]);
		free((void *)f->suggestions);
	}
	free(res->f);
	free(res);
}

size_t tql_result_count(const tql_result *res)
{
	return res ? res->n : 0;
}

const tql_finding *tql_result_get(const tql_result *res, size_t i)
{
	return res && i < res->n ? &res->f[i] : NULL;
}

const char *tql_result_lang(const tql_result *res)
{
	return res->lang;
}

const char *tql_result_format(const tql_result *res)
{
	return res->format;
}

size_t tql_result_words(const tql_result *res)
{
	return res->words;
}

/* Drops the findings keep() rejects, freeing their strings (baselines,
 * changed lines). */
void tql_result_filter(tql_result *res, int (*keep)(const tql_finding *f, void *ud), void *ud)
{
	size_t w = 0;
	for (size_t i = 0; res && i < res->n; i++) {
		tql_finding *f = &res->f[i];
		if (keep(f, ud)) {
			res->f[w++] = *f;
			continue;
		}
		free((char *)f->text);
		free((char *)f->message);
		for (size_t j = 0; j < f->n_suggestions; j++)
			free((char *)f->suggestions[j]);
		free((void *)f->suggestions);
	}
	if (res)
		res->n = w;
}

static int cmp_finding(const void *a, const void *b)
{
	const tql_finding *x = a, *y = b;
	if (x->offset != y->offset)
		return x->offset < y->offset ? -1 : 1;
	int c = strcmp(x->rule, y->rule);
	if (c)
		return c;
	return x->length < y->length ? -1 : x->length > y->length;
}

/* Line starts of the source (LF, CRLF and CR end lines). */
typedef struct line_index {
	size_t *start;
	size_t n;
} line_index;

static bool index_lines(const char *s, size_t n, line_index *li)
{
	size_t cap = 0;
	li->n = 0;
	li->start = NULL;
	size_t first = (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
	if (!TQL_GROW(li->start, cap, 1))
		return false;
	li->start[li->n++] = first;
	for (size_t i = first; i < n; i++) {
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= n || s[i + 1] != '\n'))) {
			if (!TQL_GROW(li->start, cap, li->n + 1))
				return false;
			li->start[li->n++] = i + 1;
		}
	}
	return true;
}

/* A remembered position, so that columns of many findings on one long line
 * are counted incrementally instead of from the line start each time. */
typedef struct col_memo {
	size_t line;   /* index into li->start */
	size_t off;
	size_t col;    /* code points from the line start to off */
	bool valid;
} col_memo;

/* 1-based line and code-point column of byte offset off. */
static void line_col(const line_index *li, const char *s, size_t off, unsigned *line, unsigned *col,
                     col_memo *memo)
{
	size_t lo = 0, hi = li->n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (li->start[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	*line = (unsigned)lo + 1;
	size_t ls = li->start[lo];
	size_t from = ls, c = 0;
	if (memo->valid && memo->line == lo && memo->off <= off) {
		from = memo->off;
		c = memo->col;
	}
	if (off > from)
		c += tql_u8_count(s + from, off - from);
	*memo = (col_memo){lo, off > ls ? off : ls, c, true};
	*col = (unsigned)c + 1;
}

static int cmp_raw_off(const void *a, const void *b)
{
	const tql_raw_finding *x = a, *y = b;
	return x->off < y->off ? -1 : x->off > y->off;
}

bool tql_result_add_src(tql_result *res, const tql_rule_info *ri, const char *src, size_t srclen,
                        size_t off, size_t len, char *message)
{
	line_index li;
	col_memo m0 = {0}, m1 = {0};
	tql_finding *nf = off + len <= srclen ? realloc(res->f, sizeof *nf * (res->n + 1)) : NULL;
	if (!nf || !index_lines(src, srclen, &li)) {
		free(message);
		if (nf)
			res->f = nf;
		return false;
	}
	res->f = nf;
	tql_finding *f = &res->f[res->n];
	*f = (tql_finding){0};
	f->rule = ri->id;
	f->category = ri->category;
	f->severity = ri->severity;
	f->offset = off;
	f->length = len;
	line_col(&li, src, off, &f->line, &f->column, &m0);
	line_col(&li, src, off + len, &f->end_line, &f->end_column, &m1);
	free(li.start);
	f->text = tql_strndup(src + off, len);
	f->message = message;
	if (!f->text) {
		free(message);
		return false;
	}
	res->n++;
	qsort(res->f, res->n, sizeof *res->f, cmp_finding);
	return true;
}

/* Builds the public result from the raw findings of doc. */
static tql_status build_result(tql_engine *eng, tql_doc *doc, tql_result **out)
{
	tql_result *res = calloc(1, sizeof *res);
	if (!res)
		return TQL_ENOMEM;
	snprintf(res->lang, sizeof res->lang, "%s%s%s", doc->lang, doc->region[0] ? "-" : "",
	         doc->region);
	res->format = format_name(doc->format);
	res->words = doc->words;
	line_index li;
	if (!index_lines(doc->src, doc->src_len, &li)) {
		free(res);
		return TQL_ENOMEM;
	}
	col_memo m_start = {0}, m_end = {0};
	/* in text order, so that column counting is incremental (col_memo) */
	if (doc->nfind > 1)
		qsort(doc->find, doc->nfind, sizeof *doc->find, cmp_raw_off);
	if (doc->nfind) {
		res->f = calloc(doc->nfind, sizeof *res->f);
		if (!res->f)
			goto oom;
	}
	drop_redundant(eng, doc);
	for (size_t i = 0; i < doc->nfind; i++) {
		tql_raw_finding *r = &doc->find[i];
		if (r->rule == UINT32_MAX)
			continue; /* dropped */
		size_t s0, s1;
		if (r->source_span) {
			s0 = r->off;
			s1 = r->off + r->len;
		} else {
			s0 = tql_doc_src_start(doc, r->off);
			s1 = r->len ? tql_doc_src_end(doc, r->off + r->len) : s0;
			if (s1 < s0)
				s1 = s0;
		}
		tql_finding *f = &res->f[res->n];
		const tql_rule_info *ri = &eng->rules[r->rule];
		f->rule = ri->id;
		f->category = ri->category;
		f->severity = r->severity >= 0 ? (tql_severity)r->severity : ri->severity;
		f->offset = s0;
		f->length = s1 - s0;
		line_col(&li, doc->src, s0, &f->line, &f->column, &m_start);
		line_col(&li, doc->src, s1, &f->end_line, &f->end_column, &m_end);
		f->text = tql_strndup(doc->src + s0, s1 - s0);
		f->message = r->message;
		r->message = NULL;
		f->suggestions = (const char *const *)r->sugg;
		f->n_suggestions = r->nsugg;
		r->sugg = NULL;
		r->nsugg = 0;
		f->fixable = r->fixable;
		res->n++;
		if (!f->text)
			goto oom;
	}
	if (res->n)
		qsort(res->f, res->n, sizeof *res->f, cmp_finding);
	free(li.start);
	*out = res;
	return TQL_OK;
oom:
	free(li.start);
	tql_result_free(res);
	return TQL_ENOMEM;
}

tql_status tql_check_buffer(tql_checker *chk, const char *text, size_t len,
                            const tql_doc_options *opts, tql_result **out)
{
	*out = NULL;
	chk->errmsg[0] = '\0';
	tql_engine *eng = chk->eng;
	tql_doc doc = {0};
	doc.src = text ? text : "";
	doc.src_len = text ? len : 0;
	doc.path = opts ? opts->path : NULL;
	parse_lang(opts ? opts->lang : NULL, doc.lang, doc.region);
	doc.format = opts && opts->format != TQL_FORMAT_AUTO ? opts->format : guess_format(doc.path);
	doc.cfg = opts ? opts->config : NULL;
	tql_status st = tql_config_apply(eng, &doc);
	if (st != TQL_OK)
		goto done;
	st = doc.format == TQL_FORMAT_MARKDOWN ? tql_read_markdown(eng, &doc)
	   : doc.format == TQL_FORMAT_HTML     ? tql_read_html(eng, &doc)
	                                       : tql_read_text(eng, &doc);
	if (st != TQL_OK)
		goto done;
	if (!doc.lang[0]) /* no --lang: what the document declares, then the config */
		parse_lang(doc.doc_lang[0] ? doc.doc_lang : tql_doc_config_lang(&doc), doc.lang,
		           doc.region);
	/* still no language (option, front matter, lang attribute, config):
	 * detect it; before normalising, which keeps joiners per language */
	tql_langid_doc(&doc);
	if ((st = tql_normalize(eng, &doc)) != TQL_OK)
		goto done;
	tql_lang_res *lr = tql_lang_get(chk, doc.lang, doc.region);
	if (!lr) {
		st = TQL_EDEP;
		snprintf(chk->errmsg, sizeof chk->errmsg, "ICU break iterators unavailable for '%s'",
		         doc.lang);
		goto done;
	}
	if ((st = tql_segment(chk, lr, &doc)) != TQL_OK)
		goto done;
	tql_ctx ctx = {chk, eng, &doc, lr};
	for (size_t c = 0; c < tql_ncheck; c++) {
		st = tql_checks[c]->run(&ctx, eng->shared[c]);
		if (st != TQL_OK) {
			snprintf(chk->errmsg, sizeof chk->errmsg, "check '%s' failed: %s",
			         tql_checks[c]->name, tql_strerror(st));
			goto done;
		}
	}
	if ((st = tql_suppress_apply(eng, &doc)) != TQL_OK)
		goto done;
	st = build_result(eng, &doc, out);
done:
	doc_free(&doc);
	return st;
}
