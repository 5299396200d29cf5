/* patterns.c - calque and pattern rules: every rule of
 * dictionaries/patterns/<lang>.rules (and of rule files the user adds) runs
 * on documents in its language. The rules register themselves (dynamic
 * rule ids such as calque.special-messenger); this check has no static
 * rule of its own. Loader and compiler: rules.c. */
#include "../rules.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

/* Loads and compiles every rule file of the data folder, once per engine. */
static tql_status load(tql_engine *eng, void **shared)
{
	tql_rules *rs = tql_rules_new();
	*shared = rs;
	if (!rs)
		return TQL_ENOMEM;
	char *dir = tql_data_path(eng, "patterns");
	if (!dir)
		return TQL_ENOMEM;
	tql_status st = tql_rules_load_dir(eng, rs, dir);
	free(dir);
	return st;
}

static void unload(void *shared)
{
	tql_rules_free(shared);
}

/* ---- suggestions -------------------------------------------------------- */

/*
 * Expands the rule's replacement for the match in md into out (capped at
 * TQL_RULES_MAX_SUGG bytes). When the matched text starts with a capital
 * and the expansion with a lower-case letter, the expansion is capitalised
 * ("Special Messenger" -> "Special envoy"), unless the expansion differs
 * from the match only in case (a rule that lower-cases). Returns false when there is no
 * suggestion (no replacement, or it does not fit); *oom on out-of-memory.
 */
static bool suggestion(const tql_rules *rs, const tql_prule *r, const char *subj, size_t len,
                       size_t start, pcre2_match_data *md, size_t m0, size_t m1, tql_buf *out,
                       bool *oom)
{
	PCRE2_UCHAR tmp[TQL_RULES_MAX_SUGG];
	PCRE2_SIZE tn = sizeof tmp;
	int rc = pcre2_substitute(r->code, (PCRE2_SPTR)subj, len, start,
	                          PCRE2_SUBSTITUTE_MATCHED | PCRE2_SUBSTITUTE_REPLACEMENT_ONLY, md,
	                          rs->mctx, (PCRE2_SPTR)r->replace, PCRE2_ZERO_TERMINATED, tmp, &tn);
	if (rc == PCRE2_ERROR_NOMEMORY && tn == sizeof tmp)
		return false; /* does not fit the cap */
	if (rc < 0 || tn == 0)
		return false;
	out->n = 0;
	/* a rule that only changes case ("; And" -> "and") keeps its case */
	if (!tql_fold(subj + m0, m1 - m0, out) || !tql_buf_addc(out, '\n') ||
	    !tql_fold((const char *)tmp, tn, out)) {
		*oom = true;
		return false;
	}
	size_t half = (size_t)(strchr(out->p, '\n') - out->p);
	bool case_only = out->n == 2 * half + 1 && memcmp(out->p, out->p + half + 1, half) == 0;
	out->n = 0;
	if (case_only)
		return tql_buf_add(out, tmp, tn) || (*oom = true, false);
	size_t i = 0, j = m0;
	int32_t first = tql_u8_next(subj, len, &j);
	int32_t sc = tql_u8_next((const char *)tmp, tn, &i);
	if (first >= 0 && sc >= 0 && (u_isupper(first) || u_istitle(first)) && u_islower(sc)) {
		char cap[U8_MAX_LENGTH];
		int32_t cl = 0;
		UBool err = false;
		U8_APPEND((uint8_t *)cap, cl, (int32_t)sizeof cap, u_totitle(sc), err);
		if (!err) {
			if (!tql_buf_add(out, cap, (size_t)cl) ||
			    !tql_buf_add(out, (const char *)tmp + i, tn - i)) {
				*oom = true;
				return false;
			}
			return true;
		}
	}
	if (!tql_buf_add(out, tmp, tn)) {
		*oom = true;
		return false;
	}
	return true;
}

/* ---- matching ----------------------------------------------------------- */

/* Emits one finding of rule r for the match in md. */
static tql_status emit_match(tql_ctx *ctx, const tql_rules *rs, const tql_prule *r,
                             pcre2_match_data *md, size_t len, size_t start, size_t m0,
                             size_t m1, tql_buf *sugg)
{
	tql_doc *doc = ctx->doc;
	bool oom = false, has = r->replace &&
	                        suggestion(rs, r, doc->text, len, start, md, m0, m1, sugg, &oom);
	if (oom)
		return TQL_ENOMEM;
	size_t before = doc->nfind;
	if (!tql_emit(ctx, r->id, m0, m1 - m0, has ? sugg->p : NULL, r->fix_safe, "%s", r->message))
		return TQL_ENOMEM;
	/* a rule shared by several languages keeps its own severity per file */
	if (doc->nfind > before && r->sev != ctx->eng->rules[r->reg].severity)
		doc->find[doc->nfind - 1].severity = (int)r->sev;
	return TQL_OK;
}

/*
 * Finds every match of r in the block [off, off+n) of the analysed text.
 * The subject is the text up to the block's end, so look-behinds see the
 * text before the block and nothing after it counts. A match that hits
 * the match/depth limit ends the search in this block (the rule stays
 * silent there rather than slow).
 */
static tql_status scan_block(tql_ctx *ctx, const tql_rules *rs, const tql_prule *r,
                             pcre2_match_data *md, size_t off, size_t n, tql_buf *sugg)
{
	const char *text = ctx->doc->text;
	size_t end = off + n, at = off;
	while (at <= end) {
		int rc = pcre2_match(r->code, (PCRE2_SPTR)text, end, at, PCRE2_NO_UTF_CHECK, md,
		                     rs->mctx);
		if (rc < 0)
			return rc == PCRE2_ERROR_NOMEMORY ? TQL_ENOMEM : TQL_OK;
		const PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
		/* \K may move the start after the search start: take the ovector */
		size_t m0 = ov[0], m1 = ov[1];
		if (m1 > m0) {
			tql_status st = emit_match(ctx, rs, r, md, end, at, m0, m1, sugg);
			if (st != TQL_OK)
				return st;
		}
		if (m1 > at) {
			at = m1;
		} else {
			/* an empty match where the search started: step one code point */
			if (at >= end)
				break;
			at++;
			while (at < end && ((unsigned char)text[at] & 0xC0) == 0x80)
				at++;
		}
	}
	return TQL_OK;
}

/* Per-document state of the prefilter. */
typedef struct pstate {
	const tql_rules *rs;
	const tql_doc *doc;
	bool *active;              /* per rule: applies to this document */
	size_t *last;              /* per rule: last block marked + 1 (0 none) */
	struct hit {
		size_t rule, block;
	} *hits;                   /* (rule, block) pairs in text order */
	size_t nhits, hitcap;
	tql_buf key;
} pstate;

/* Marks the rules that the folded word key[0..n) triggers in block b. */
static bool trigger(pstate *ps, const char *key, size_t n, size_t b)
{
	const tql_rules *rs = ps->rs;
	uintptr_t li;
	if (!tql_strmap_get(&rs->trig, key, n, &li))
		return true;
	const tql_rule_list *l = &rs->lists[li];
	for (size_t i = 0; i < l->n; i++) {
		size_t r = l->v[i];
		if (!ps->active[r] || ps->last[r] == b + 1)
			continue;
		ps->last[r] = b + 1;
		if (!TQL_GROW(ps->hits, ps->hitcap, ps->nhits + 1))
			return false;
		ps->hits[ps->nhits++] = (struct hit){r, b};
	}
	return true;
}

static bool bloom_has(const tql_rules *rs, uint64_t h)
{
	h &= 0xFFFF;
	return (rs->bloom[h >> 6] >> (h & 63)) & 1;
}

/* ASCII bytes: 1 word character ([A-Za-z0-9_]), 0 other, 2 non-ASCII. */
static const unsigned char ascii_class[256] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1, ['_'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1, ['G'] = 1, ['H'] = 1,
	['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1, ['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1,
	['Q'] = 1, ['R'] = 1, ['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['h'] = 1,
	['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1,
	['q'] = 1, ['r'] = 1, ['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
	[0x80] = 2, [0x81] = 2, [0x82] = 2, [0x83] = 2, [0x84] = 2, [0x85] = 2, [0x86] = 2,
	[0x87] = 2, [0x88] = 2, [0x89] = 2, [0x8A] = 2, [0x8B] = 2, [0x8C] = 2, [0x8D] = 2,
	[0x8E] = 2, [0x8F] = 2, [0x90] = 2, [0x91] = 2, [0x92] = 2, [0x93] = 2, [0x94] = 2,
	[0x95] = 2, [0x96] = 2, [0x97] = 2, [0x98] = 2, [0x99] = 2, [0x9A] = 2, [0x9B] = 2,
	[0x9C] = 2, [0x9D] = 2, [0x9E] = 2, [0x9F] = 2, [0xA0] = 2, [0xA1] = 2, [0xA2] = 2,
	[0xA3] = 2, [0xA4] = 2, [0xA5] = 2, [0xA6] = 2, [0xA7] = 2, [0xA8] = 2, [0xA9] = 2,
	[0xAA] = 2, [0xAB] = 2, [0xAC] = 2, [0xAD] = 2, [0xAE] = 2, [0xAF] = 2, [0xB0] = 2,
	[0xB1] = 2, [0xB2] = 2, [0xB3] = 2, [0xB4] = 2, [0xB5] = 2, [0xB6] = 2, [0xB7] = 2,
	[0xB8] = 2, [0xB9] = 2, [0xBA] = 2, [0xBB] = 2, [0xBC] = 2, [0xBD] = 2, [0xBE] = 2,
	[0xBF] = 2, [0xC0] = 2, [0xC1] = 2, [0xC2] = 2, [0xC3] = 2, [0xC4] = 2, [0xC5] = 2,
	[0xC6] = 2, [0xC7] = 2, [0xC8] = 2, [0xC9] = 2, [0xCA] = 2, [0xCB] = 2, [0xCC] = 2,
	[0xCD] = 2, [0xCE] = 2, [0xCF] = 2, [0xD0] = 2, [0xD1] = 2, [0xD2] = 2, [0xD3] = 2,
	[0xD4] = 2, [0xD5] = 2, [0xD6] = 2, [0xD7] = 2, [0xD8] = 2, [0xD9] = 2, [0xDA] = 2,
	[0xDB] = 2, [0xDC] = 2, [0xDD] = 2, [0xDE] = 2, [0xDF] = 2, [0xE0] = 2, [0xE1] = 2,
	[0xE2] = 2, [0xE3] = 2, [0xE4] = 2, [0xE5] = 2, [0xE6] = 2, [0xE7] = 2, [0xE8] = 2,
	[0xE9] = 2, [0xEA] = 2, [0xEB] = 2, [0xEC] = 2, [0xED] = 2, [0xEE] = 2, [0xEF] = 2,
	[0xF0] = 2, [0xF1] = 2, [0xF2] = 2, [0xF3] = 2, [0xF4] = 2, [0xF5] = 2, [0xF6] = 2,
	[0xF7] = 2, [0xF8] = 2, [0xF9] = 2, [0xFA] = 2, [0xFB] = 2, [0xFC] = 2, [0xFD] = 2,
	[0xFE] = 2, [0xFF] = 2,
};

/* Is the code point at t[*i] a word character? Advances *i past it. */
static bool word_at(const char *t, size_t n, size_t *i)
{
	unsigned char k = ascii_class[(unsigned char)t[*i]];
	if (k != 2) {
		(*i)++;
		return k == 1;
	}
	return tql_rules_word_cp(tql_u8_next(t, n, i));
}

/*
 * Finds the blocks where each rule with prefilter words can match: scans
 * the maximal runs of word characters (as PCRE2's \w sees them), folds
 * each (ASCII: lower-cased with the hash computed on the way) and looks it
 * up in the word index behind a 64 Kbit Bloom filter. Fills ps->hits.
 */
static bool prefilter(pstate *ps)
{
	const tql_rules *rs = ps->rs;
	const tql_doc *doc = ps->doc;
	const char *t = doc->text;
	for (size_t b = 0; b < doc->nblock; b++) {
		size_t i = doc->block[b].off, n = i + doc->block[b].len;
		while (i < n) {
			size_t s = i;
			if (!word_at(t, n, &i))
				continue;
			/* a run: ASCII fast path with the FNV-1a hash of tql_hash() */
			char low[64];
			uint64_t h = 1469598103934665603ULL;
			size_t e = s;
			bool ascii = true;
			while (e < n) {
				unsigned char ch = (unsigned char)t[e];
				unsigned char k = ascii_class[ch];
				if (k == 1) {
					ch = (unsigned char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
					if (e - s < sizeof low)
						low[e - s] = (char)ch;
					h = (h ^ ch) * 1099511628211ULL;
					e++;
				} else if (k == 2) {
					size_t k2 = e;
					if (!tql_rules_word_cp(tql_u8_next(t, n, &k2)))
						break;
					ascii = false;
					e = k2;
				} else {
					break;
				}
			}
			i = e;
			size_t len = e - s;
			if (ascii) {
				if (len > rs->maxkey || len > sizeof low || !bloom_has(rs, h))
					continue;
				if (!trigger(ps, low, len, b))
					return false;
			} else if (len <= 8 * rs->maxkey + 64) {
				ps->key.n = 0;
				if (!tql_rules_word_key(t + s, len, &ps->key))
					return false;
				if (ps->key.n && bloom_has(rs, tql_hash(ps->key.p, ps->key.n)) &&
				    !trigger(ps, ps->key.p, ps->key.n, b))
					return false;
			}
		}
	}
	return true;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	const tql_rules *rs = shared;
	tql_doc *doc = ctx->doc;
	if (!rs || !rs->n || !doc->nblock)
		return TQL_OK;
	/* the analysed text is valid UTF-8 by construction (normalizer); every
	 * match below relies on that with PCRE2_NO_UTF_CHECK, so verify once */
	if (tql_u8_valid_prefix(doc->text, doc->len) != doc->len)
		return TQL_OK;
	pstate ps = {rs, doc, NULL, NULL, NULL, 0, 0, {0}};
	pcre2_match_data *md = NULL;
	tql_buf sugg = {0};
	tql_status st = TQL_ENOMEM;
	size_t *start = NULL;
	ps.active = calloc(rs->n, sizeof *ps.active);
	ps.last = calloc(rs->n, sizeof *ps.last);
	start = calloc(rs->n + 1, sizeof *start);
	if (!ps.active || !ps.last || !start)
		goto done;
	size_t nactive = 0, nfiltered = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const tql_prule *r = &rs->v[i];
		ps.active[i] = (!r->lang[0] || strcmp(r->lang, doc->lang) == 0) &&
		               ctx->eng->enabled[r->reg];
		nactive += ps.active[i];
		nfiltered += ps.active[i] && r->nwords;
	}
	st = TQL_OK;
	if (!nactive)
		goto done;
	if (nfiltered && !prefilter(&ps)) {
		st = TQL_ENOMEM;
		goto done;
	}
	/* group the hits by rule, keeping text order (counting sort) */
	for (size_t h = 0; h < ps.nhits; h++)
		start[ps.hits[h].rule + 1]++;
	for (size_t i = 0; i < rs->n; i++)
		start[i + 1] += start[i];
	size_t *blocks = ps.nhits ? malloc(ps.nhits * sizeof *blocks) : NULL;
	if (ps.nhits && !blocks) {
		st = TQL_ENOMEM;
		goto done;
	}
	memset(ps.last, 0, rs->n * sizeof *ps.last);
	for (size_t h = 0; h < ps.nhits; h++)
		blocks[start[ps.hits[h].rule] + ps.last[ps.hits[h].rule]++] = ps.hits[h].block;
	if (!(md = pcre2_match_data_create(rs->ovec, NULL)))
		st = TQL_ENOMEM;
	for (size_t i = 0; i < rs->n && st == TQL_OK; i++) {
		const tql_prule *r = &rs->v[i];
		if (!ps.active[i])
			continue;
		if (!r->nwords) {
			for (size_t b = 0; b < doc->nblock && st == TQL_OK; b++)
				st = scan_block(ctx, rs, r, md, doc->block[b].off, doc->block[b].len, &sugg);
			continue;
		}
		for (size_t k = start[i]; k < start[i + 1] && st == TQL_OK; k++) {
			const tql_span *bl = &doc->block[blocks[k]];
			st = scan_block(ctx, rs, r, md, bl->off, bl->len, &sugg);
		}
	}
	free(blocks);
done:
	pcre2_match_data_free(md);
	tql_buf_free(&sugg);
	tql_buf_free(&ps.key);
	free(ps.active);
	free(ps.last);
	free(ps.hits);
	free(start);
	return st;
}

const tql_check_def tql_check_patterns = {
	"patterns", NULL, 0, load, unload, run,
};
