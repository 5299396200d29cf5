/* suppress.c - inline suppressions and [sic], applied as a filter on a
 * document's findings (before they become the result):
 *
 *   <!-- tqlint-disable [RULES] -->  ...  <!-- tqlint-enable [RULES] -->
 *   <!-- tqlint-disable-next-line [RULES] -->
 *   <!-- tqlint-disable-line [RULES] -->
 *
 * in Markdown and HTML; in plain text the same words on a line of their own
 * after '#' ("# tqlint-disable-next-line name"), or the HTML comment form
 * on a line of its own. RULES is a comma list of rule ids or categories;
 * none means every rule. A quotation marked with [sic] or (sic) right after
 * it (or just inside its closing quote) is exempt, as is a span that ends
 * right before the mark. Findings of rules the document's configuration
 * disables are dropped here too, and its severity overrides applied. */
#define _GNU_SOURCE /* memmem */
#include "internal.h"

#include <string.h>

/* A suppressed source range for some rules. */
typedef struct supp {
	size_t a, b;         /* [a, b) source offsets */
	const char *rules;   /* points into the source; NULL = all rules */
	size_t rlen;
} supp;

typedef struct supp_list {
	supp *v;
	size_t n, cap;
} supp_list;

#define MAX_DIRECTIVES 10000

static bool add(supp_list *l, size_t a, size_t b, const char *rules, size_t rlen)
{
	if (l->n >= MAX_DIRECTIVES * 4)
		return true;
	if (!TQL_GROW(l->v, l->cap, l->n + 1))
		return false;
	l->v[l->n++] = (supp){a, b, rlen ? rules : NULL, rlen};
	return true;
}

/* Start of the line holding offset i, and the end of it (before '\n'). */
static size_t line_start(const char *s, size_t i)
{
	while (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r')
		i--;
	return i;
}

static size_t line_end(const char *s, size_t n, size_t i)
{
	while (i < n && s[i] != '\n' && s[i] != '\r')
		i++;
	return i;
}

static size_t next_line(const char *s, size_t n, size_t i)
{
	i = line_end(s, n, i);
	if (i < n && s[i] == '\r')
		i++;
	if (i < n && s[i] == '\n')
		i++;
	return i;
}

/* Does the comma list rules[0..rlen) name rule r (id or category)? */
static bool names_rule(const char *rules, size_t rlen, const tql_rule_info *r)
{
	size_t i = 0;
	while (i < rlen) {
		while (i < rlen && (rules[i] == ',' || rules[i] == ' ' || rules[i] == '\t'))
			i++;
		size_t k = i;
		while (k < rlen && rules[k] != ',' && rules[k] != ' ' && rules[k] != '\t')
			k++;
		size_t n = k - i;
		if (n && ((strlen(r->id) == n && memcmp(r->id, rules + i, n) == 0) ||
		          (strlen(r->category) == n && memcmp(r->category, rules + i, n) == 0)))
			return true;
		i = k;
	}
	return false;
}

/* Open disable ranges waiting for their enable. */
typedef struct open_rng {
	size_t at;
	const char *rules;
	size_t rlen;
} open_rng;

/*
 * Parses one directive "tqlint-WORD [RULES]" at s[i..e) (after the comment
 * opener or '#') and records its effect. `cstart` is where the comment
 * starts (for -line forms); `own_line` says the directive stands alone.
 */
static bool directive(const char *s, size_t n, size_t i, size_t e, size_t cstart, supp_list *l,
                      open_rng **open, size_t *nopen, size_t *opencap)
{
	static const char P[] = "tqlint-";
	if (e - i < sizeof P - 1 || memcmp(s + i, P, sizeof P - 1) != 0)
		return true;
	i += sizeof P - 1;
	size_t w = i;
	while (w < e && (s[w] == '-' || (s[w] >= 'a' && s[w] <= 'z')))
		w++;
	size_t wl = w - i;
	while (w < e && (s[w] == ' ' || s[w] == '\t'))
		w++;
	size_t re = e;
	while (re > w && (s[re - 1] == ' ' || s[re - 1] == '\t'))
		re--;
	const char *rules = s + w;
	size_t rlen = re - w;
	size_t ls = line_start(s, cstart);
	if (wl == 7 && memcmp(s + i, "disable", 7) == 0) {
		if (*nopen >= MAX_DIRECTIVES)
			return true;
		if (!TQL_GROW(*open, *opencap, *nopen + 1))
			return false;
		(*open)[(*nopen)++] = (open_rng){cstart, rules, rlen};
	} else if (wl == 6 && memcmp(s + i, "enable", 6) == 0) {
		size_t keep = 0;
		for (size_t k = 0; k < *nopen; k++) {
			open_rng *o = &(*open)[k];
			bool close = !rlen || (o->rlen == rlen && memcmp(o->rules, rules, rlen) == 0);
			if (close) {
				if (!add(l, o->at, cstart, o->rules, o->rlen))
					return false;
			} else {
				(*open)[keep++] = *o;
			}
		}
		*nopen = keep;
	} else if (wl == 12 && memcmp(s + i, "disable-line", 12) == 0) {
		if (!add(l, ls, line_end(s, n, cstart), rules, rlen))
			return false;
	} else if (wl == 17 && memcmp(s + i, "disable-next-line", 17) == 0) {
		size_t nl = next_line(s, n, e);
		if (!add(l, nl, line_end(s, n, nl), rules, rlen))
			return false;
	}
	return true;
}

/* Finds the directives of the source. */
static bool scan_directives(const tql_doc *doc, supp_list *l)
{
	const char *s = doc->src;
	size_t n = doc->src_len;
	open_rng *open = NULL;
	size_t nopen = 0, opencap = 0;
	bool ok = true;
	for (size_t i = 0; i < n && ok;) {
		const char *lt = memchr(s + i, doc->format == TQL_FORMAT_TEXT ? '\n' : '<', n - i);
		size_t at;
		if (doc->format == TQL_FORMAT_TEXT) {
			/* each line: "# tqlint-..." or "<!-- tqlint-... -->" alone */
			at = i;
			size_t e = line_end(s, n, i);
			size_t k = at;
			while (k < e && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k < e && s[k] == '#') {
				k++;
				while (k < e && (s[k] == ' ' || s[k] == '\t'))
					k++;
				ok = directive(s, n, k, e, at, l, &open, &nopen, &opencap);
			} else if (e - k > 4 && memcmp(s + k, "<!--", 4) == 0) {
				const char *close = memmem(s + k, e - k, "-->", 3);
				size_t ce = close ? (size_t)(close - s) : e;
				k += 4;
				while (k < ce && (s[k] == ' ' || s[k] == '\t'))
					k++;
				ok = directive(s, n, k, ce, at, l, &open, &nopen, &opencap);
			}
			/* the directive line itself is not prose */
			if (ok && e - k >= 7 && memcmp(s + k, "tqlint-", 7) == 0)
				ok = add(l, at, e, NULL, 0);
			(void)lt;
			i = next_line(s, n, i);
			if (i == at)
				break;
			continue;
		}
		if (!lt)
			break;
		at = (size_t)(lt - s);
		if (n - at < 4 || memcmp(s + at, "<!--", 4) != 0) {
			i = at + 1;
			continue;
		}
		const char *close = memmem(s + at + 4, n - at - 4, "-->", 3);
		if (!close)
			break;
		size_t ce = (size_t)(close - s);
		size_t d = at + 4;
		while (d < ce && (s[d] == ' ' || s[d] == '\t' || s[d] == '\n' || s[d] == '\r'))
			d++;
		ok = directive(s, n, d, ce, at, l, &open, &nopen, &opencap);
		i = ce + 3;
	}
	for (size_t k = 0; k < nopen && ok; k++) /* disabled to the end */
		ok = add(l, open[k].at, n, open[k].rules, open[k].rlen);
	free(open);
	return ok;
}

/* ---- [sic] -------------------------------------------------------------- */

/* Code point before s[*i] (moves *i), or -1. */
static int32_t prev_cp(const char *s, size_t *i)
{
	if (*i == 0)
		return -1;
	return tql_u8_prev(s, i);
}

/* The opening quotes that pair with closing quote c. */
static bool opens(int32_t open, int32_t c)
{
	switch (c) {
	case 0x201D: return open == 0x201C || open == 0x201E;          /* ” */
	case 0x201C: return open == 0x201E;                            /* „…“ */
	case 0x00BB: return open == 0x00AB;                            /* «…» */
	case 0x00AB: return open == 0x00BB;                            /* »…« */
	case 0x2019: return open == 0x2018 || open == 0x201A;          /* ’ */
	case 0x2018: return open == 0x201A;                            /* ‚…‘ */
	case '"': return open == '"';
	default: return false;
	}
}

static bool is_close_quote(int32_t c)
{
	return c == 0x201D || c == 0x201C || c == 0x00BB || c == 0x00AB || c == 0x2019 ||
	       c == 0x2018 || c == '"';
}

/* Records the quotation before a [sic] mark at s[m..) as suppressed, or
 * the text right before the mark when no quotation closes there. */
static bool sic_at(const tql_doc *doc, size_t m, size_t mend, supp_list *l)
{
	const char *s = doc->src;
	size_t n = doc->src_len;
	/* the closing quote: before the mark, or just after it */
	size_t i = m, qclose = SIZE_MAX;
	int32_t c = 0;
	while (i > 0 && (s[i - 1] == ' ' || s[i - 1] == '\t'))
		i--;
	size_t j = i;
	c = prev_cp(s, &j);
	if (is_close_quote(c)) {
		qclose = j;
	} else {
		size_t k = mend;
		while (k < n && strchr(" \t.,;:!?", s[k]))
			k++;
		size_t k2 = k;
		int32_t c2 = k < n ? tql_u8_next(s, n, &k2) : -1;
		if (is_close_quote(c2)) {
			qclose = k;
			c = c2;
		}
	}
	if (qclose == SIZE_MAX) /* no quotation: what ends right before the mark */
		return add(l, i, i, NULL, 0);
	/* walk back to the opening quote, within the paragraph */
	size_t p = qclose;
	size_t limit = qclose > 4000 ? qclose - 4000 : 0;
	while (p > limit) {
		size_t q = p;
		int32_t o = prev_cp(s, &q);
		if (o < 0)
			return true;
		if (o == '\n' && q > 0 && s[q - 1] == '\n')
			return true;
		if (opens(o, c)) {
			size_t endq = qclose;
			size_t e2 = endq;
			tql_u8_next(s, n, &e2);
			return add(l, q, e2 > mend ? e2 : mend, NULL, 0);
		}
		p = q;
	}
	return true;
}

/* Finds "[sic]", "(sic)", "[sic!]" marks. */
static bool scan_sic(const tql_doc *doc, supp_list *l)
{
	const char *s = doc->src;
	size_t n = doc->src_len;
	for (size_t i = 0; i + 5 <= n;) {
		const char *p = memmem(s + i, n - i, "sic", 3);
		if (!p)
			break;
		size_t at = (size_t)(p - s);
		i = at + 3;
		if (at == 0 || (s[at - 1] != '[' && s[at - 1] != '('))
			continue;
		size_t e = at + 3;
		if (e < n && s[e] == '!')
			e++;
		if (e >= n || s[e] != (s[at - 1] == '[' ? ']' : ')'))
			continue;
		if (!sic_at(doc, at - 1, e + 1, l))
			return false;
	}
	return true;
}

/* ---- the filter --------------------------------------------------------- */

static void free_finding(tql_raw_finding *f)
{
	free(f->message);
	for (size_t j = 0; j < f->nsugg; j++)
		free(f->sugg[j]);
	free(f->sugg);
}

/*
 * Drops the findings that inline directives or [sic] suppress, and those of
 * rules the document's configuration disables; applies its severity
 * overrides. Called after the checks, before the result is built.
 */
tql_status tql_suppress_apply(tql_engine *eng, tql_doc *doc)
{
	if (!doc->nfind)
		return TQL_OK;
	supp_list l = {0};
	bool markers = memmem(doc->src, doc->src_len, "tqlint-", 7) != NULL;
	if ((markers && !scan_directives(doc, &l)) || !scan_sic(doc, &l)) {
		free(l.v);
		return TQL_ENOMEM;
	}
	size_t keep = 0;
	for (size_t i = 0; i < doc->nfind; i++) {
		tql_raw_finding *f = &doc->find[i];
		bool drop = !tql_doc_rule_on(doc, eng, f->rule);
		size_t s0 = f->source_span ? f->off : tql_doc_src_start(doc, f->off);
		size_t s1 = f->source_span ? f->off + f->len
		                           : (f->len ? tql_doc_src_end(doc, f->off + f->len) : s0);
		for (size_t k = 0; k < l.n && !drop; k++) {
			const supp *u = &l.v[k];
			bool inside = u->a == u->b ? (s1 == u->a) /* ends right before [sic] */
			                           : (s0 >= u->a && s0 < u->b);
			if (inside && (!u->rules || names_rule(u->rules, u->rlen, &eng->rules[f->rule])))
				drop = true;
		}
		if (drop) {
			free_finding(f);
			continue;
		}
		if (doc->sev && doc->sev[f->rule] >= 0)
			f->severity = doc->sev[f->rule];
		doc->find[keep++] = *f;
	}
	doc->nfind = keep;
	free(l.v);
	return TQL_OK;
}
