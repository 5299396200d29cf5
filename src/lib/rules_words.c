/*
 * rules_words.c - the prefilter words of a pattern.
 *
 * For a pattern like `\b[Ss]pecial [Mm]essengers?\b` we want a set of
 * whole words one of which every match must contain ({messenger,
 * messengers}), so the check runs the pattern only on paragraphs that
 * contain such a word (found with one hash look-up per word of the text).
 *
 * The analysis abstracts the pattern into a finite set of strings over:
 * word characters (letters, digits, '_', as PCRE2's \w in UCP mode), the
 * marker N (one or more characters that are not word characters), B (a
 * word boundary: \b, ^, $) and G (unknown text, possibly empty). A
 * "complete" word is a run of word characters with N or B on both sides;
 * such a run is a maximal word of the matched text, so it is found by the
 * text scanner. Anything not understood becomes G, which only makes the
 * prefilter weaker, never wrong. Sets that grow too big are collapsed:
 * each string keeps its best complete word so far and its tail.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#define MK_G '\x01'
#define MK_B '\x02'
#define MK_N '\x03'
#define SET_CAP 1024    /* strings per set before collapsing */
#define STR_CAP 1024    /* bytes per string before collapsing */

bool tql_rules_word_cp(int32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		       c == '_';
	switch (u_charType(c)) {
	case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
	case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER:
	case U_LETTER_NUMBER: case U_OTHER_NUMBER:
		return true;
	default:
		return false;
	}
}

/* One abstract string and the best complete word of its collapsed part. */
typedef struct astr {
	char *s, *w;
	size_t n, wn;
} astr;

typedef struct aset {
	astr *v;
	size_t n, cap;
	bool oom;
	size_t *tab;            /* open addressing: member index + 1, 0 empty */
	size_t tabcap;
} aset;

static void aset_free(aset *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->v[i].s);
		free(a->v[i].w);
	}
	free(a->v);
	free(a->tab);
	memset(a, 0, sizeof *a);
}

static uint64_t astr_hash(const char *s, size_t n, const char *w, size_t wn)
{
	uint64_t h = tql_hash(s, n) ^ 0x9E3779B97F4A7C15ull;
	return (h * 31) ^ (wn ? tql_hash(w, wn) : 0);
}

/* Adds a string (copied) unless the same string and word are present. */
static void aset_add(aset *a, const char *s, size_t n, const char *w, size_t wn)
{
	if (a->oom)
		return;
	if ((a->n + 1) * 2 > a->tabcap) {
		/* grow and rehash the dedupe table */
		size_t nc = a->tabcap ? a->tabcap * 2 : 64;
		size_t *nt = calloc(nc, sizeof *nt);
		if (!nt) {
			a->oom = true;
			return;
		}
		for (size_t i = 0; i < a->n; i++) {
			size_t h = (size_t)astr_hash(a->v[i].s, a->v[i].n, a->v[i].w, a->v[i].wn);
			while (nt[h & (nc - 1)])
				h++;
			nt[h & (nc - 1)] = i + 1;
		}
		free(a->tab);
		a->tab = nt;
		a->tabcap = nc;
	}
	size_t h = (size_t)astr_hash(s, n, w, wn);
	for (;; h++) {
		size_t k = a->tab[h & (a->tabcap - 1)];
		if (!k)
			break;
		const astr *y = &a->v[k - 1];
		if (y->n == n && y->wn == wn && memcmp(y->s, s, n) == 0 &&
		    (!wn || memcmp(y->w, w, wn) == 0))
			return;
	}
	if (!TQL_GROW(a->v, a->cap, a->n + 1)) {
		a->oom = true;
		return;
	}
	a->tab[h & (a->tabcap - 1)] = a->n + 1;
	astr *x = &a->v[a->n];
	x->s = malloc(n + 1);
	x->w = wn ? malloc(wn) : NULL;
	if (!x->s || (wn && !x->w)) {
		free(x->s);
		free(x->w);
		a->oom = true;
		return;
	}
	memcpy(x->s, s, n);
	if (wn)
		memcpy(x->w, w, wn);
	x->n = n;
	x->wn = wn;
	a->n++;
}

static bool is_mark(char c)
{
	return c == MK_G || c == MK_B || c == MK_N;
}

/* The longest complete word of s[0..n) (ends count as G). */
static void best_word(const char *s, size_t n, const char **w, size_t *wn)
{
	*w = NULL;
	*wn = 0;
	size_t i = 0;
	while (i < n) {
		if (is_mark(s[i])) {
			i++;
			continue;
		}
		size_t j = i;
		while (j < n && !is_mark(s[j]))
			j++;
		bool left = i > 0 && (s[i - 1] == MK_B || s[i - 1] == MK_N);
		bool right = j < n && (s[j] == MK_B || s[j] == MK_N);
		if (left && right && j - i > *wn) {
			*w = s + i;
			*wn = j - i;
		}
		i = j;
	}
}

/* Collapses each string to G + its tail after the last marker, keeping
 * the best complete word; `head` likewise keeps the head before the first
 * marker + G. */
static void collapse(aset *a, bool keep_tail)
{
	aset out = {0};
	tql_buf t = {0};
	for (size_t i = 0; i < a->n && !out.oom; i++) {
		const astr *x = &a->v[i];
		const char *w;
		size_t wn;
		best_word(x->s, x->n, &w, &wn);
		if (x->wn >= wn) {
			w = x->w;
			wn = x->wn;
		}
		t.n = 0;
		size_t cut;
		if (keep_tail) {
			cut = x->n;
			while (cut > 0 && !is_mark(x->s[cut - 1]))
				cut--;
			if (cut > 0)
				cut--; /* keep the marker itself */
			bool ok = tql_buf_addc(&t, MK_G) && tql_buf_add(&t, x->s + cut, x->n - cut);
			out.oom = !ok;
		} else {
			cut = 0;
			while (cut < x->n && !is_mark(x->s[cut]))
				cut++;
			if (cut < x->n)
				cut++;
			out.oom = !(tql_buf_add(&t, x->s, cut) && tql_buf_addc(&t, MK_G));
		}
		if (!out.oom)
			aset_add(&out, t.p, t.n, w, wn);
	}
	tql_buf_free(&t);
	bool oom = out.oom || a->oom;
	aset_free(a);
	*a = out;
	a->oom = oom;
	if (a->n > SET_CAP) {
		/* still too many: unknown text (words dropped: weaker, still sound) */
		aset_free(a);
		aset_add(a, "\x01", 1, NULL, 0);
		a->oom = oom;
	}
}

static void aset_one(aset *a, const char *s, size_t n);

/* a := a . b */
static void aset_concat(aset *a, aset *b)
{
	if (a->oom || b->oom) {
		a->oom = true;
		return;
	}
	if (a->n * b->n > SET_CAP) {
		collapse(a, true);
		collapse(b, false);
	}
	if (a->n * b->n > SET_CAP) {
		/* still too many: unknown text (words dropped: weaker, still sound) */
		aset_one(a, "\x01", 1);
		if (a->oom)
			return;
	}
	aset out = {0};
	tql_buf t = {0};
	for (size_t i = 0; i < a->n && !out.oom; i++)
		for (size_t j = 0; j < b->n && !out.oom; j++) {
			const astr *x = &a->v[i], *y = &b->v[j];
			t.n = 0;
			if (!tql_buf_add(&t, x->s, x->n) || !tql_buf_add(&t, y->s, y->n)) {
				out.oom = true;
				break;
			}
			const astr *bw = x->wn >= y->wn ? x : y;
			aset_add(&out, t.p ? t.p : "", t.n, bw->w, bw->wn);
		}
	tql_buf_free(&t);
	bool oom = out.oom;
	aset_free(a);
	*a = out;
	a->oom = oom;
	for (size_t i = 0; i < a->n && !a->oom; i++)
		if (a->v[i].n > STR_CAP) {
			collapse(a, true);
			break;
		}
}

/* a := a | b (b is emptied) */
static void aset_union(aset *a, aset *b)
{
	for (size_t i = 0; i < b->n; i++)
		aset_add(a, b->v[i].s, b->v[i].n, b->v[i].w, b->v[i].wn);
	a->oom = a->oom || b->oom;
	aset_free(b);
	if (a->n > SET_CAP)
		collapse(a, true);
}

static void aset_one(aset *a, const char *s, size_t n)
{
	aset_free(a);
	aset_add(a, s, n, NULL, 0);
}

/* ---- the parser --------------------------------------------------------- */

typedef struct rx {
	const char *p, *end;
	bool bail;              /* a construct we do not analyse at all */
	int depth;
} rx;

static void parse_alt(rx *r, aset *out);

/* Appends code point c as a literal: a word character (ASCII lower-cased,
 * the key folds the rest) or N. */
static void lit_cp(aset *a, int32_t c)
{
	char buf[8];
	size_t n = 0;
	if (!tql_rules_word_cp(c)) {
		aset_one(a, "\x03", 1);
		return;
	}
	if (c < 0x80) {
		buf[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	} else if (c < 0x800) {
		buf[n++] = (char)(0xC0 | (c >> 6));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		buf[n++] = (char)(0xE0 | (c >> 12));
		buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	} else {
		buf[n++] = (char)(0xF0 | (c >> 18));
		buf[n++] = (char)(0x80 | ((c >> 12) & 0x3F));
		buf[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
		buf[n++] = (char)(0x80 | (c & 0x3F));
	}
	aset_one(a, buf, n);
}

/* Next code point of the pattern (-1 at the end or on invalid UTF-8). */
static int32_t next_cp(rx *r)
{
	if (r->p >= r->end)
		return -1;
	size_t i = 0;
	int32_t c = tql_u8_next(r->p, (size_t)(r->end - r->p), &i);
	r->p += i;
	return c;
}

/* Parses an escape after '\'; returns the literal code point or -1 and
 * sets *kind: 0 literal, 'G', 'B', 'N', 'E' (empty). */
static int32_t parse_escape(rx *r, int *kind)
{
	*kind = 0;
	int32_t c = next_cp(r);
	if (c < 0) {
		r->bail = true;
		return -1;
	}
	switch (c) {
	case 'b': case 'A': case 'z': case 'Z':
		*kind = 'B';
		return -1;
	case 'B': case 'K': case 'G':
		*kind = 'E';
		return -1;
	case 's': case 'h': case 'v': case 'W': case 't': case 'n': case 'r': case 'f':
	case 'e': case 'a': case 'R':
		*kind = 'N';
		return -1;
	case 'p': case 'P':
		if (r->p < r->end && *r->p == '{') {
			const char *q = memchr(r->p, '}', (size_t)(r->end - r->p));
			if (!q) {
				r->bail = true;
				return -1;
			}
			r->p = q + 1;
		} else if (r->p < r->end) {
			r->p++;
		}
		*kind = 'G';
		return -1;
	case 'x':
		if (r->p < r->end && *r->p == '{') {
			char *e;
			long v = strtol(r->p + 1, &e, 16);
			if (e >= r->end || *e != '}') {
				r->bail = true;
				return -1;
			}
			r->p = e + 1;
			return (int32_t)v;
		} else {
			int32_t v = 0;
			for (int k = 0; k < 2 && r->p < r->end; k++) {
				char h = *r->p;
				int d = h >= '0' && h <= '9' ? h - '0'
				        : h >= 'a' && h <= 'f' ? h - 'a' + 10
				        : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
				if (d < 0)
					break;
				v = v * 16 + d;
				r->p++;
			}
			return v;
		}
	default:
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
			/* \d \w \D \S \X \N \C, back-references, octal...: one unknown
			 * piece (\g and \k references take an argument: bail) */
			if (c == 'g' || c == 'k' || c == 'o' || c == 'c' || c == 'Q' || c == 'E')
				r->bail = true;
			*kind = 'G';
			return -1;
		}
		return c; /* an escaped punctuation character */
	}
}

/* Parses a [...] class into out: N when no member can be a word
 * character, a set of single letters when small, else G. */
static void parse_class(rx *r, aset *out)
{
	bool neg = false, word = false, nonword = false, unknown = false;
	int32_t members[16];
	size_t nm = 0;
	if (r->p < r->end && *r->p == '^') {
		neg = true;
		r->p++;
	}
	bool first = true;
	while (r->p < r->end && (first || *r->p != ']')) {
		first = false;
		int32_t c;
		if (*r->p == '[' && r->p + 1 < r->end && r->p[1] == ':') {
			const char *q = strstr(r->p, ":]");
			if (!q || q >= r->end) {
				r->bail = true;
				return;
			}
			r->p = q + 2;
			unknown = true;
			continue;
		}
		if (*r->p == '\\') {
			r->p++;
			int kind;
			c = parse_escape(r, &kind);
			if (r->bail)
				return;
			if (kind == 'N') {
				nonword = true;
				continue;
			}
			if (kind) {
				unknown = true;
				continue;
			}
		} else {
			c = next_cp(r);
		}
		if (c < 0) {
			r->bail = true;
			return;
		}
		if (r->p + 1 < r->end && *r->p == '-' && r->p[1] != ']') {
			/* a range */
			r->p++;
			int32_t hi;
			if (*r->p == '\\') {
				r->p++;
				int kind;
				hi = parse_escape(r, &kind);
				if (kind)
					unknown = true;
			} else {
				hi = next_cp(r);
			}
			if (hi < 0 || r->bail) {
				r->bail = r->bail || hi < 0;
				unknown = true;
				continue;
			}
			if (hi - c < 4) {
				for (int32_t k = c; k <= hi; k++) {
					if (nm < 16)
						members[nm] = k;
					nm++;
					*(tql_rules_word_cp(k) ? &word : &nonword) = true;
				}
			} else {
				unknown = true;
			}
			continue;
		}
		if (tql_rules_word_cp(c)) {
			word = true;
			if (nm < 16)
				members[nm] = c;
			nm++;
		} else {
			nonword = true;
		}
	}
	if (r->p >= r->end) {
		r->bail = true;
		return;
	}
	r->p++; /* ']' */
	aset_free(out);
	if (neg || unknown || (word && nonword) || nm > 8) {
		aset_add(out, "\x01", 1, NULL, 0);
		return;
	}
	if (!word) {
		aset_add(out, "\x03", 1, NULL, 0);
		return;
	}
	for (size_t i = 0; i < nm; i++) {
		aset one = {0};
		lit_cp(&one, members[i]);
		aset_union(out, &one);
	}
}

/* Applies a quantifier that follows an atom, if any. */
static void quantify(rx *r, aset *atom)
{
	if (r->p >= r->end)
		return;
	long lo, hi;
	char q = *r->p;
	if (q == '?') {
		lo = 0, hi = 1;
		r->p++;
	} else if (q == '*') {
		lo = 0, hi = -1;
		r->p++;
	} else if (q == '+') {
		lo = 1, hi = -1;
		r->p++;
	} else if (q == '{') {
		const char *s = r->p + 1;
		char *e;
		if (s >= r->end || *s < '0' || *s > '9')
			return; /* a literal '{' */
		lo = strtol(s, &e, 10);
		hi = lo;
		if (e < r->end && *e == ',') {
			s = e + 1;
			hi = (s < r->end && *s >= '0' && *s <= '9') ? strtol(s, &e, 10) : -1;
			if (hi < 0)
				e = (char *)s;
		}
		if (e >= r->end || *e != '}')
			return;
		r->p = e + 1;
	} else {
		return;
	}
	if (r->p < r->end && (*r->p == '?' || *r->p == '+'))
		r->p++; /* lazy / possessive */
	bool all_n = atom->n > 0;
	for (size_t i = 0; i < atom->n; i++)
		all_n = all_n && atom->v[i].n == 1 && atom->v[i].s[0] == MK_N;
	if (lo == 1 && hi == 1)
		return;
	if (all_n) {
		/* runs of non-word characters stay N (or vanish when optional) */
		if (lo == 0)
			aset_add(atom, "", 0, NULL, 0);
		return;
	}
	if (lo == 0 && hi == 1) {
		aset_add(atom, "", 0, NULL, 0);
		return;
	}
	if (lo == 0) {
		aset_one(atom, "\x01", 1);
		return;
	}
	aset g = {0};
	aset_add(&g, "\x01", 1, NULL, 0);
	aset_concat(atom, &g); /* X then unknown repetitions */
	aset_free(&g);
}

/* Parses a group after '(' (the '(' is consumed). */
static void parse_group(rx *r, aset *out)
{
	enum { PLAIN, LOOKAHEAD, LOOKBEHIND, EMPTY } kind = PLAIN;
	if (r->p < r->end && *r->p == '*') {
		r->bail = true; /* (*VERB) */
		return;
	}
	if (r->p < r->end && *r->p == '?') {
		r->p++;
		if (r->p >= r->end) {
			r->bail = true;
			return;
		}
		char c = *r->p;
		if (c == ':' || c == '|' || c == '>') {
			r->p++;
		} else if (c == '=') {
			r->p++;
			kind = LOOKAHEAD;
		} else if (c == '!') {
			r->p++;
			kind = EMPTY;
		} else if (c == '<' && r->p + 1 < r->end && (r->p[1] == '=' || r->p[1] == '!')) {
			kind = r->p[1] == '=' ? LOOKBEHIND : EMPTY;
			r->p += 2;
		} else if (c == '<' || c == '\'' || c == 'P') {
			const char *q = r->p + (c == 'P' ? 2 : 1);
			char close = c == '\'' ? '\'' : '>';
			if (c == 'P' && (r->p + 1 >= r->end || r->p[1] != '<')) {
				r->bail = true;
				return;
			}
			while (q < r->end && *q != close)
				q++;
			if (q >= r->end) {
				r->bail = true;
				return;
			}
			r->p = q + 1;
		} else if (c == '#') {
			const char *q = memchr(r->p, ')', (size_t)(r->end - r->p));
			if (!q) {
				r->bail = true;
				return;
			}
			r->p = q + 1;
			aset_one(out, "", 0);
			return;
		} else {
			/* inline options (?i) (?i-s) or (?i: ... ) */
			const char *q = r->p;
			while (q < r->end && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') ||
			                      *q == '-' || *q == '^'))
				q++;
			if (q >= r->end || (*q != ')' && *q != ':')) {
				r->bail = true; /* conditionals, recursion, callouts */
				return;
			}
			for (const char *f = r->p; f < q; f++)
				if (*f == 'x')
					r->bail = true; /* extended mode changes the syntax */
			r->p = q + 1;
			if (*q == ')') {
				aset_one(out, "", 0);
				return;
			}
		}
	}
	if (++r->depth > 64) {
		r->bail = true;
		return;
	}
	aset in = {0};
	parse_alt(r, &in);
	r->depth--;
	if (r->bail || r->p >= r->end || *r->p != ')') {
		r->bail = true;
		aset_free(&in);
		return;
	}
	r->p++;
	aset_free(out);
	aset g = {0};
	aset_add(&g, "\x01", 1, NULL, 0);
	switch (kind) {
	case PLAIN:
		*out = in;
		break;
	case LOOKAHEAD: /* the text here starts with it; what follows overlaps */
		*out = in;
		aset_concat(out, &g);
		aset_free(&g);
		break;
	case LOOKBEHIND: /* the text before here ends with it */
		*out = g;
		aset_concat(out, &in);
		aset_free(&in);
		return;
	case EMPTY:
		aset_free(&in);
		aset_add(out, "", 0, NULL, 0);
		break;
	}
	aset_free(&g);
}

static bool plain(char c)
{
	return !strchr("\\[](){}.^$|*+?", c);
}

/* Parses a run of plain literal characters as one atom (fewer set
 * concatenations); a character with a quantifier is left for its own atom
 * unless it is the first. */
static void lit_run(rx *r, aset *atom)
{
	tql_buf run = {0};
	bool first = true;
	while (r->p < r->end && plain(*r->p)) {
		const char *save = r->p;
		int32_t cp = next_cp(r);
		if (cp < 0) {
			r->bail = true;
			break;
		}
		bool quant = r->p < r->end && strchr("?*+{", *r->p);
		if (quant && !first) {
			r->p = save;
			break;
		}
		aset one = {0};
		lit_cp(&one, cp);
		if (one.oom || !tql_buf_add(&run, one.v[0].s, one.v[0].n))
			atom->oom = true;
		aset_free(&one);
		first = false;
		if (quant || atom->oom)
			break;
	}
	bool oom = atom->oom;
	aset_free(atom);
	if (!r->bail && !oom)
		aset_add(atom, run.p ? run.p : "", run.n, NULL, 0);
	atom->oom = atom->oom || oom;
	tql_buf_free(&run);
}

/* Parses one sequence (up to '|' or ')'). */
static void parse_seq(rx *r, aset *out)
{
	aset_one(out, "", 0);
	while (r->p < r->end && !r->bail && *r->p != '|' && *r->p != ')') {
		aset atom = {0};
		char c = *r->p;
		if (c == '(') {
			r->p++;
			parse_group(r, &atom);
		} else if (c == '[') {
			r->p++;
			parse_class(r, &atom);
		} else if (c == '\\') {
			r->p++;
			int kind;
			int32_t cp = parse_escape(r, &kind);
			if (kind == 'B')
				aset_one(&atom, "\x02", 1);
			else if (kind == 'N')
				aset_one(&atom, "\x03", 1);
			else if (kind == 'G')
				aset_one(&atom, "\x01", 1);
			else if (kind == 'E')
				aset_one(&atom, "", 0);
			else if (cp >= 0)
				lit_cp(&atom, cp);
		} else if (c == '.') {
			r->p++;
			aset_one(&atom, "\x01", 1);
		} else if (c == '^' || c == '$') {
			r->p++;
			aset_one(&atom, "\x02", 1);
		} else if (c == '*' || c == '+' || c == '?') {
			r->bail = true;
		} else {
			lit_run(r, &atom);
		}
		if (r->bail) {
			aset_free(&atom);
			break;
		}
		quantify(r, &atom);
		aset_concat(out, &atom);
		aset_free(&atom);
		if (out->oom)
			break;
	}
}

static void parse_alt(rx *r, aset *out)
{
	parse_seq(r, out);
	while (!r->bail && !out->oom && r->p < r->end && *r->p == '|') {
		r->p++;
		aset more = {0};
		parse_seq(r, &more);
		aset_union(out, &more);
	}
}

/* Very common short words: chosen as prefilter words only when a string
 * of the pattern has no other complete word. */
static const char *const stop[] = {
	"the", "and", "for", "from", "with", "that", "this", "was", "were", "are", "not", "but",
	"his", "her", "its", "their", "our", "has", "have", "had", "said", "der", "die", "das",
	"den", "dem", "des", "ein", "eine", "und", "oder", "mit", "auf", "von", "ist", "nicht",
	"les", "une", "est", "que", "qui", "pas", "del", "los", "las", "una", "della", "che",
	"что", "это",
};

/* A word's weight as a filter: its length, or 1 for a stop word. */
static size_t weight(const char *w, size_t wn)
{
	if (wn <= 2)
		return 1;
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		if (strlen(stop[i]) == wn && memcmp(stop[i], w, wn) == 0)
			return 1;
	return wn;
}

/* A candidate word and the strings it occurs in (as a complete word). */
typedef struct cand {
	const char *w;
	size_t wn, weight;
	size_t *str;
	size_t nstr, cap;
} cand;

/* Adds word w to the rule's prefilter words (folded, once). */
static bool add_word(tql_prule *r, const char *w, size_t wn, size_t *cap)
{
	tql_buf k = {0};
	if (!tql_rules_word_key(w, wn, &k)) {
		tql_buf_free(&k);
		return false;
	}
	for (size_t i = 0; i < r->nwords; i++)
		if (strcmp(r->words[i], k.p) == 0) {
			tql_buf_free(&k);
			return true;
		}
	if (!TQL_GROW(r->words, *cap, r->nwords + 1)) {
		tql_buf_free(&k);
		return false;
	}
	r->words[r->nwords++] = tql_buf_take(&k);
	return true;
}

/* Records that word w occurs in string i. */
static bool note_cand(cand **c, size_t *nc, size_t *cc, const char *w, size_t wn, size_t i)
{
	size_t k = 0;
	while (k < *nc && !((*c)[k].wn == wn && memcmp((*c)[k].w, w, wn) == 0))
		k++;
	if (k == *nc) {
		if (!TQL_GROW(*c, *cc, *nc + 1))
			return false;
		(*c)[k] = (cand){w, wn, weight(w, wn), NULL, 0, 0};
		(*nc)++;
	}
	cand *x = &(*c)[k];
	if (x->nstr && x->str[x->nstr - 1] == i)
		return true;
	if (!TQL_GROW(x->str, x->cap, x->nstr + 1))
		return false;
	x->str[x->nstr++] = i;
	return true;
}

/* Drops the rule's words: it will always run. */
static void no_words(tql_prule *r)
{
	for (size_t k = 0; k < r->nwords; k++)
		free(r->words[k]);
	free(r->words);
	r->words = NULL;
	r->nwords = 0;
}

tql_status tql_rules_extract_words(tql_prule *r, const char *pattern)
{
	rx x = {pattern, pattern + strlen(pattern), false, 0};
	aset all = {0};
	parse_alt(&x, &all);
	if (all.oom) {
		aset_free(&all);
		return TQL_ENOMEM;
	}
	if (x.bail || x.p != x.end || all.n == 0) {
		aset_free(&all);
		return TQL_OK; /* not analysed: the rule always runs */
	}
	/* the complete words of every string (the pattern's ends count as G) */
	tql_status st = TQL_OK;
	cand *c = NULL;
	size_t nc = 0, cc = 0;
	char **wrapped = calloc(all.n, sizeof *wrapped);
	bool *covered = calloc(all.n, sizeof *covered);
	if (!wrapped || !covered)
		st = TQL_ENOMEM;
	bool every = true;
	for (size_t i = 0; i < all.n && st == TQL_OK && every; i++) {
		const astr *s = &all.v[i];
		size_t n = s->n + 2;
		if (!(wrapped[i] = malloc(n))) {
			st = TQL_ENOMEM;
			break;
		}
		wrapped[i][0] = MK_G;
		memcpy(wrapped[i] + 1, s->s, s->n);
		wrapped[i][n - 1] = MK_G;
		bool any = false;
		if (s->wn) {
			any = true;
			if (!note_cand(&c, &nc, &cc, s->w, s->wn, i))
				st = TQL_ENOMEM;
		}
		const char *p = wrapped[i];
		for (size_t a = 1; a + 1 < n && st == TQL_OK;) {
			if (is_mark(p[a])) {
				a++;
				continue;
			}
			size_t b = a;
			while (b < n && !is_mark(p[b]))
				b++;
			if ((p[a - 1] == MK_B || p[a - 1] == MK_N) && (p[b] == MK_B || p[b] == MK_N)) {
				any = true;
				if (!note_cand(&c, &nc, &cc, p + a, b - a, i))
					st = TQL_ENOMEM;
			}
			a = b;
		}
		every = any;
	}
	/* greedy cover: the word with the largest length x strings covered
	 * first; stop words only for strings that have nothing else */
	size_t cap = 0, left = all.n;
	while (st == TQL_OK && every && left) {
		size_t best = SIZE_MAX, bscore = 0;
		for (size_t k = 0; k < nc; k++) {
			size_t cov = 0;
			for (size_t j = 0; j < c[k].nstr; j++)
				cov += !covered[c[k].str[j]];
			size_t score = c[k].weight > 1 ? (cov * c[k].wn) << 20 : cov;
			if (cov && score > bscore) {
				bscore = score;
				best = k;
			}
		}
		if (best == SIZE_MAX)
			break;
		for (size_t j = 0; j < c[best].nstr; j++)
			if (!covered[c[best].str[j]]) {
				covered[c[best].str[j]] = true;
				left--;
			}
		if (c[best].wn > 60) {
			every = false; /* longer than the scanner's key buffer */
			break;
		}
		if (!add_word(r, c[best].w, c[best].wn, &cap))
			st = TQL_ENOMEM;
	}
	if (st != TQL_OK || !every || left)
		no_words(r);
	for (size_t k = 0; k < nc; k++)
		free(c[k].str);
	free(c);
	for (size_t i = 0; wrapped && i < all.n; i++)
		free(wrapped[i]);
	free(wrapped);
	free(covered);
	aset_free(&all);
	return st;
}
