/* dup_near.c - duplicate.near: a sentence that nearly repeats an earlier one
 * of the same document (a machine translation of the same source sentence
 * twice, a paragraph pasted again with a word changed); duplicate.sentence:
 * a sentence repeated word for word whose first copy sits inside a longer
 * paragraph, so that duplicate.block (whole lines) does not see it;
 * duplicate.restated: a sentence whose words all stand, in order, in an
 * earlier and longer sentence of the same paragraph ("Lovalio ha promesso
 * sinergie e una politica di dividendi generosa." after "Lovalio ha promesso
 * sinergie e una politica di dividendi generosa per gli azionisti.").
 *
 * Sentences of MIN_WORDS words or more become sets of word bigrams; MinHash
 * signatures (NHASH values) are cut into bands, and sentences sharing a band
 * are candidates, whose exact Jaccard similarity is then computed. No
 * pairwise comparison of all sentences: the cost is linear in the text. */
#include "../internal.h"
#include "../textkey.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

static const tql_rule_info rules[] = {
	{"duplicate.near", "duplicate", TQL_SEV_WARNING,
	 "a sentence nearly repeats an earlier sentence of the document"},
	{"duplicate.sentence", "duplicate", TQL_SEV_WARNING,
	 "a sentence repeats an earlier sentence of the document word for word"},
	{"duplicate.restated", "duplicate", TQL_SEV_WARNING,
	 "a sentence repeats part of an earlier, longer sentence of its paragraph"},
};

enum {
	MIN_WORDS = 8,      /* shorter sentences repeat legitimately */
	MIN_PART = 6,       /* duplicate.restated: words of the shorter sentence */
	PART_BACK = 6,      /* ... looking back this many sentences */
	NHASH = 32,
	ROWS = 4,           /* bands of 4 rows: P(candidate | J = 0.7) = 0.89 */
	NBAND = NHASH / ROWS,
	MAX_BUCKET = 16     /* candidates kept per band bucket (repetitive text) */
};

/* Reported from this Jaccard similarity of word-pair sets. Measured with a
 * 0.30 threshold: the most similar distinct sentences of clean text score
 * 0.75 (Brown news society notes "Mr. and Mrs. ... will be hosts"), 0.74
 * (Debian handbook, a sentence restated 300 lines later), 0.70 (handbook
 * es/fr); so 0.80 keeps every clean corpus silent. */
#define THRESHOLD 0.80

typedef struct sent {
	size_t off, len;
	uint64_t *sh;       /* sorted unique bigram hashes (into one pool) */
	size_t nsh;
	uint64_t *wd;       /* word hashes in text order (into a second pool) */
	uint32_t words;
	uint32_t para;      /* count of line and paragraph breaks before it */
	bool skip;          /* inside a duplicate.block finding */
} sent;

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xFF51AFD7ED558CCDULL;
	x ^= x >> 33;
	x *= 0xC4CEB9FE1A85EC53ULL;
	return x ^ (x >> 33);
}

/* Number of hashes two sorted sets share. */
static size_t shared(const sent *a, const sent *b)
{
	size_t i = 0, j = 0, inter = 0;
	while (i < a->nsh && j < b->nsh) {
		if (a->sh[i] == b->sh[j]) {
			inter++;
			i++;
			j++;
		} else if (a->sh[i] < b->sh[j])
			i++;
		else
			j++;
	}
	return inter;
}

/* Exact Jaccard similarity of two sorted sets. */
static double jaccard(const sent *a, const sent *b)
{
	size_t inter = shared(a, b);
	size_t uni = a->nsh + b->nsh - inter;
	return uni ? (double)inter / (double)uni : 0;
}

/* True if the words of c are those of o with words left out at one place:
 * o's first words (at least three), then o's words at a later position up to
 * the end of c ("A B C D E F G" -> "A B C D" or "A B C F G"). A sentence
 * restated in other words or with its end kept ("They'll get the guys that
 * done it." after "... he said aloud They'll get the guys that done it.")
 * does not count. */
static bool shortened_from(const sent *c, const sent *o)
{
	size_t m = c->words, n = o->words, a = 0;
	while (a < m && c->wd[a] == o->wd[a])
		a++;
	if (a == m)
		return true;
	if (a < 3)
		return false;
	for (size_t p = a + 1; p + (m - a) <= n; p++)
		if (!memcmp(c->wd + a, o->wd + p, (m - a) * sizeof *c->wd))
			return true;
	return false;
}

/* True if a quotation mark stands in [off, off + len) or right before it:
 * speech and song repeat their lines on purpose. */
static bool quoted_span(const char *text, size_t off, size_t len)
{
	static const char *const marks[] = {"\"", "\u201C", "\u201D", "\u201E", "\u00AB",
	                                    "\u00BB", "\u2018", "\u2039", "\u203A"};
	size_t b = off >= 4 ? off - 4 : 0;
	for (size_t i = b; i < off + len; i++)
		for (size_t m = 0; m < sizeof marks / sizeof *marks; m++)
			if (!strncmp(text + i, marks[m], strlen(marks[m])))
				return true;
	return false;
}

/* The earlier sentence of the same paragraph, at most PART_BACK sentences
 * back and longer than s[k], that s[k] shortens (shortened_from), or
 * SIZE_MAX. */
static size_t restated_from(const char *text, const sent *s, size_t k)
{
	const sent *c = &s[k];
	if (c->words < MIN_PART || c->skip || quoted_span(text, c->off, c->len))
		return SIZE_MAX;
	for (size_t o = k; o-- > 0 && k - o <= PART_BACK;) {
		if (s[o].para != c->para)
			break;
		if (s[o].words > c->words && shortened_from(c, &s[o]) &&
		    !quoted_span(text, s[o].off, s[o].len))
			return o;
	}
	return SIZE_MAX;
}

/* Is [off, off+len) inside an earlier duplicate.block finding? */
static bool in_block_finding(const tql_ctx *ctx, int rule, size_t off, size_t len)
{
	const tql_doc *doc = ctx->doc;
	for (size_t i = 0; i < doc->nfind; i++) {
		const tql_raw_finding *f = &doc->find[i];
		if ((int)f->rule == rule && !f->source_span && f->off <= off &&
		    off + len <= f->off + f->len)
			return true;
	}
	return false;
}

/* Bucket table: band key -> up to MAX_BUCKET sentence indexes. */
typedef struct bucket {
	uint64_t key;
	uint32_t n;
	uint32_t idx[MAX_BUCKET];
} bucket;

/* True if [p, p + n) holds nothing but white space and punctuation. */
static bool only_punct(const char *p, size_t n)
{
	int32_t i = 0, len = (int32_t)n;
	while (i < len) {
		UChar32 c;
		U8_NEXT(p, i, len, c);
		if (c < 0 || !(u_ispunct(c) || u_isUWhiteSpace(c)))
			return false;
	}
	return true;
}

/* Length of the text between two copies of a sentence that, after the
 * first copy's closing punctuation, repeats the text right before the first
 * copy: the sentence breaker cut "Mit U.S. Steel wird ..." after "U.S.", so
 * the copy reads "Mit U.S. | Steel wird ..." twice. 0 if it does not. */
static size_t repeated_lead(const char *text, size_t first, size_t first_end, size_t second)
{
	size_t g = first_end;
	while (g < second && (text[g] == ' ' || strchr(".!?;:", text[g])))
		g++;
	size_t n = second - g;
	if (!n || n > 40 || n > first || memchr(text + g, '\n', n))
		return 0;
	return memcmp(text + first - n, text + g, n) ? 0 : n;
}

/* True if the sentence at [off, off + len) is its line's only text, apart
 * from white space and closing punctuation. */
static bool alone_on_line(const char *text, size_t tlen, size_t off, size_t len)
{
	size_t b = off, e = off + len;
	while (b > 0 && text[b - 1] != '\n')
		if (!strchr(" \t", text[--b]))
			return false;
	size_t f = e;
	while (f < tlen && text[f] != '\n')
		f++;
	return only_punct(text + e, f - e);
}

/* Word tokens in the text span [off, off + len). */
static size_t words_in(const tql_doc *doc, size_t off, size_t len)
{
	size_t n = 0;
	for (size_t t = tql_doc_token_at(doc, off); t < doc->ntok && doc->tok[t].off < off + len; t++)
		n += doc->tok[t].kind == TQL_TOK_WORD;
	return n;
}

/* A short sentence (SHORT_MIN words up to MIN_WORDS) repeated word for word
 * right after itself, one space between ("Zanin called it institutional
 * coercion. Zanin called it institutional coercion."): the longer ones are
 * the sentence pass's. Clean prose repeats a short sentence for effect
 * only as an exclamation or a question ("Never again! Never again!"), so
 * only sentences ending in a full stop. */
static bool short_repeats(tql_ctx *ctx, tql_linenum *ln)
{
	const tql_doc *doc = ctx->doc;
	enum { SHORT_MIN = 4, SHORT_CHARS = 20, SHORT_BYTES = 400 };
	for (size_t k = 1; k < doc->nsent; k++) {
		const tql_span *a = &doc->sent[k - 1], *b = &doc->sent[k];
		size_t al = a->len, bl = b->len;
		while (al && (doc->text[a->off + al - 1] == ' ' || doc->text[a->off + al - 1] == '\n'))
			al--;
		while (bl && (doc->text[b->off + bl - 1] == ' ' || doc->text[b->off + bl - 1] == '\n'))
			bl--;
		if (al != bl || al < SHORT_CHARS || al > SHORT_BYTES || doc->text[a->off + al - 1] != '.' ||
		    memcmp(doc->text + a->off, doc->text + b->off, al) != 0)
			continue;
		/* one space between, no line break: one paragraph */
		size_t gap = a->off + al;
		if (b->off < gap || b->off - gap != 1 || doc->text[gap] != ' ')
			continue;
		size_t nw = words_in(doc, b->off, bl);
		if (nw < SHORT_MIN || nw >= MIN_WORDS || quoted_span(doc->text, b->off, bl))
			continue;
		unsigned line = tql_linenum_get(ln, doc, a->off);
		if (!tql_emit(ctx, "duplicate.sentence", b->off, bl, NULL, false,
		              "this sentence repeats the sentence at line %u", line))
			return false;
	}
	return true;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	bool want_near = tql_rule_enabled(ctx->eng, "duplicate.near");
	bool want_same = tql_rule_enabled(ctx->eng, "duplicate.sentence");
	bool want_part = tql_rule_enabled(ctx->eng, "duplicate.restated");
	if ((!want_near && !want_same && !want_part) || doc->nsent < 2)
		return TQL_OK;
	int block_rule = tql_rule_find(ctx->eng, "duplicate.block");
	tql_status st = TQL_ENOMEM;
	/* at most one sentence per MIN_PART words, one bigram per token */
	size_t cap_s = doc->ntok / MIN_PART + 1;
	sent *s = calloc(cap_s, sizeof *s);
	uint64_t *pool = malloc(sizeof *pool * (doc->ntok + 1));
	uint64_t *wpool = malloc(sizeof *wpool * (doc->ntok + 1));
	size_t cap = 16;
	bucket *tab = NULL;
	uint32_t *seen = NULL;
	tql_buf scratch = {0};
	tql_linenum ln = {0};
	if (!s || !pool || !wpool)
		goto done;
	/* bigram sets per sentence, from the token stream; a line break ends a
	 * sentence too (headlines and one-line paragraphs without a full stop) */
	size_t np = 0, nw = 0, ns = 0, words = 0;
	uint32_t para = 0;
	uint64_t prev = 0;
	uint32_t cur = UINT32_MAX;
	for (size_t t = 0; t <= doc->ntok; t++) {
		const tql_token *tk = t < doc->ntok ? &doc->tok[t] : NULL;
		bool brk = !tk || tk->kind == TQL_TOK_NEWLINE || tk->kind == TQL_TOK_PARA ||
		           (tk->sent != cur && tk->kind != TQL_TOK_SPACE);
		if (brk && cur != UINT32_MAX) {
			/* close sentence ns */
			sent *c = &s[ns];
			c->nsh = (size_t)(pool + np - c->sh);
			if (words >= MIN_PART) {
				qsort(c->sh, c->nsh, sizeof *c->sh, cmp_u64);
				size_t u = 0;
				for (size_t i = 0; i < c->nsh; i++)
					if (!u || c->sh[u - 1] != c->sh[i])
						c->sh[u++] = c->sh[i];
				c->nsh = u;
				c->words = (uint32_t)words;
				c->para = para;
				c->skip = block_rule >= 0 && in_block_finding(ctx, block_rule, c->off, c->len);
				ns++;
			} else
			{
				np = (size_t)(c->sh - pool);
				nw = (size_t)(c->wd - wpool);
			}
			cur = UINT32_MAX;
		}
		if (tk && (tk->kind == TQL_TOK_NEWLINE || tk->kind == TQL_TOK_PARA))
			para++;
		if (!tk || (tk->kind != TQL_TOK_WORD && tk->kind != TQL_TOK_NUMBER))
			continue;
		if (cur == UINT32_MAX) {
			if (ns >= cap_s)
				break;
			s[ns] = (sent){tk->off, 0, pool + np, 0, wpool + nw, 0, 0, false};
			cur = tk->sent;
			words = 0;
		}
		uint64_t h = tql_key_word(doc->text + tk->off, tk->len, &scratch);
		if (!h)
			goto done;
		wpool[nw++] = h;
		if (words++)
			pool[np++] = tql_key_mix(prev, h);
		prev = h;
		s[ns].len = tk->off + tk->len - s[ns].off;
	}
	while (cap < ns * NBAND * 2)
		cap *= 2;
	tab = calloc(cap, sizeof *tab);
	seen = calloc(ns + 1, sizeof *seen);
	if (!tab || !seen)
		goto done;
	for (size_t k = 0; k < ns; k++) {
		if (want_part) {
			size_t o = restated_from(doc->text, s, k);
			if (o != SIZE_MAX) {
				unsigned line = tql_linenum_get(&ln, doc, s[o].off);
				if (!tql_emit(ctx, "duplicate.restated", s[k].off, s[k].len, NULL, false,
				              "this sentence repeats words of the longer sentence at "
				              "line %u",
				              line))
					goto done;
				continue;
			}
		}
		if (!s[k].nsh || s[k].words < MIN_WORDS)
			continue;
		uint64_t sig[NHASH];
		for (int h = 0; h < NHASH; h++)
			sig[h] = UINT64_MAX;
		for (size_t i = 0; i < s[k].nsh; i++)
			for (int h = 0; h < NHASH; h++) {
				uint64_t v = mix64(s[k].sh[i] ^ (0x9E3779B97F4A7C15ULL * (uint64_t)(h + 1)));
				if (v < sig[h])
					sig[h] = v;
			}
		size_t best = SIZE_MAX, same = SIZE_MAX;
		unsigned nsame = 0;
		double bestj = 0;
		for (int b = 0; b < NBAND; b++) {
			uint64_t key = (uint64_t)b + 1;
			for (int r = 0; r < ROWS; r++)
				key = tql_key_mix(key, sig[b * ROWS + r]);
			if (!key)
				key = 1;
			size_t i = key & (cap - 1);
			while (tab[i].key && tab[i].key != key)
				i = (i + 1) & (cap - 1);
			bucket *bk = &tab[i];
			bk->key = key;
			for (uint32_t c = 0; c < bk->n; c++) {
				uint32_t o = bk->idx[c];
				if (seen[o] == k + 1)
					continue;
				seen[o] = (uint32_t)k + 1;
				double jv = jaccard(&s[k], &s[o]);
				/* identical copies: counted apart (a text repeating one
				 * sentence over and over is a pattern, not a stutter) */
				if (jv >= 1.0) {
					if (same == SIZE_MAX || o < same)
						same = o;
					nsame++;
					continue;
				}
				if (jv > bestj) {
					bestj = jv;
					best = o;
				}
			}
			if (bk->n < MAX_BUCKET)
				bk->idx[bk->n++] = (uint32_t)k;
		}
		if (s[k].skip)
			continue;
		/* word for word: only a single earlier copy (a refrain or a form
		 * repeating a sentence three times is deliberate), only when
		 * duplicate.block did not report the line, and only where a
		 * translation pipeline puts it: as a paragraph of its own, or right
		 * after its first copy. Clean prose repeats sentences inside its
		 * paragraphs (scripture, a refrain, a definition restated: 16 in
		 * the Brown corpus, none of them alone on a line or adjacent). */
		if (nsame) {
			size_t lead = 0, gap_off = s[same].off + s[same].len;
			if (nsame == 1 && want_same &&
			    (alone_on_line(doc->text, doc->len, s[k].off, s[k].len) ||
			     only_punct(doc->text + gap_off, s[k].off - gap_off) ||
			     (lead = repeated_lead(doc->text, s[same].off, gap_off, s[k].off)))) {
				unsigned line = tql_linenum_get(&ln, doc, s[same].off);
				if (!tql_emit(ctx, "duplicate.sentence", s[k].off - lead, s[k].len + lead, NULL,
				              false, "this sentence repeats the sentence at line %u", line))
					goto done;
			}
			continue;
		}
		if (best == SIZE_MAX || bestj < THRESHOLD || !want_near)
			continue;
		unsigned line = tql_linenum_get(&ln, doc, s[best].off);
		if (!tql_emit(ctx, "duplicate.near", s[k].off, s[k].len, NULL, false,
		              "this sentence nearly repeats the sentence at line %u (word-pair "
		              "similarity %.2f)",
		              line, bestj))
			goto done;
	}
	if (want_same && !short_repeats(ctx, &ln))
		goto done;
	st = TQL_OK;
done:
	free(s);
	free(pool);
	free(wpool);
	free(tab);
	free(seen);
	tql_buf_free(&scratch);
	tql_linenum_free(&ln);
	return st;
}

const tql_check_def tql_check_dup_near = {
	"dup-near", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
