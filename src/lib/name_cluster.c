/* name_cluster.c - unknown names spelled two ways in one document.
 * Candidates meet through their one-deletion keys (SymSpell style), so
 * the cost is linear in the number of candidate words. */
#include "name_cluster.h"
#include "name_text.h"
#include "places.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

enum { NEAR = 3000 }; /* bytes: forms of one name in one article */

typedef struct form {
	char *key;          /* folded word (owned) */
	size_t first_tok;   /* first occurrence */
	size_t count;
	char *given;        /* folded given name seen before it, or NULL (owned) */
	char *lead;         /* folded name-like word seen before it ("Anicet"), or NULL (owned) */
	char *trail;        /* folded capitalised word seen right after it ("Sørensen"), or NULL (owned) */
	bool alone;         /* seen without a given name before it */
	bool given_seen;    /* seen after a given name */
	/* the key is free of accents: a second spelling of it that differs
	 * past the first letter ("Zócalo" / "Zocalo"), Latin script only */
	size_t alt_tok;     /* its first occurrence */
	size_t count0, count1; /* occurrences spelled as first_tok, as alt_tok */
	bool has_alt;
} form;

typedef struct cstate {
	tql_ctx *ctx;
	const tql_names *nm;
	form *f;
	size_t nf, cap;
	tql_strmap idx;     /* key -> form index + 1 */
	tql_strmap dels;    /* one-deletion key -> link index + 1 (chain head) */
	struct link {
		size_t form;    /* form index */
		size_t next;    /* next link index + 1 under the same key, 0: end */
	} *links;
	size_t nlinks, lcap;
	tql_strmap emitted; /* offsets of the tokens reported */
	const tql_strmap *named; /* offsets of the name check's matches (borrowed) */
} cstate;

/* Token g's length without an English possessive ending ("Ramagen's":
 * the name is "Ramagen"). */
static size_t bare(const tql_doc *doc, const tql_token *g)
{
	return tql_nt_without_possessive(doc->text + g->off, g->len);
}

/* Token g's word folded, malloc'd (caller frees), or NULL. */
static char *folded(const tql_doc *doc, const tql_token *g)
{
	tql_buf b = {0};
	if (!tql_fold(doc->text + g->off, g->len, &b)) {
		tql_buf_free(&b);
		return NULL;
	}
	return tql_buf_take(&b);
}

/* The folded word right before token t (one space between), or NULL: a
 * listed given name (*listed set), or with `any` also a capitalised word the
 * dictionary does not know or knows only capitalised ("Anicet Ekane"),
 * itself likely a name. The result is malloc'd (caller frees). */
static char *name_before(cstate *cs, size_t t, bool any, bool *listed)
{
	const tql_doc *doc = cs->ctx->doc;
	*listed = false;
	if (t < 2 || doc->tok[t - 1].kind != TQL_TOK_SPACE || doc->tok[t - 2].kind != TQL_TOK_WORD)
		return NULL;
	const tql_token *g = &doc->tok[t - 2];
	char *w = tql_nt_name_word(g) ? folded(doc, g) : NULL;
	if (!w)
		return NULL;
	size_t wn = strlen(w);
	*listed = tql_names_is_given(cs->nm, w, wn);
	if (!*listed &&
	    (!any || tql_u8_count(w, wn) < 4 ||
	     (tql_spell(cs->ctx->chk, cs->ctx->lang, doc->text + g->off, g->len) != 0 &&
	      tql_spell_lowered(cs->ctx->chk, cs->ctx->lang, doc->text + g->off, g->len) != 0))) {
		free(w);
		return NULL;
	}
	return w;
}

/* The folded capitalised word right after token t (one space between;
 * not all capitals, no digits), or NULL: the family name after a given or
 * middle name ("Rebien Sørensen"). The result is malloc'd (caller frees). */
static char *name_after(cstate *cs, size_t t)
{
	const tql_doc *doc = cs->ctx->doc;
	if (t + 2 >= doc->ntok || doc->tok[t + 1].kind != TQL_TOK_SPACE ||
	    doc->tok[t + 1].len != 1 || doc->tok[t + 2].kind != TQL_TOK_WORD)
		return NULL;
	const tql_token *g = &doc->tok[t + 2];
	if (!tql_nt_name_word(g) || tql_u8_count(doc->text + g->off, g->len) < 3)
		return NULL;
	return folded(doc, g);
}

/* Is one key the other with one more letter in front ("tchiroma" /
 * "chiroma"), the shorter of six letters or more? */
static bool first_letter_dropped(const char *a, size_t al, const char *b, size_t bl)
{
	if (al < bl) {
		const char *t = a;
		size_t tl = al;
		a = b, al = bl, b = t, bl = tl;
	}
	size_t c = 0; /* (bytes of a's first letter) */
	tql_u8_next(a, al, &c);
	return al == bl + c && tql_u8_count(b, bl) >= 6 && memcmp(a + c, b, bl) == 0;
}

/* Is one key the other with one letter doubled ("zannin" / "zanin",
 * "netto" / "neto"), the shorter of four letters or more? */
static bool letter_doubled(const char *a, size_t al, const char *b, size_t bl)
{
	if (al < bl) {
		const char *t = a;
		size_t tl = al;
		a = b, al = bl, b = t, bl = tl;
	}
	if (tql_u8_count(b, bl) < 4)
		return false;
	size_t p = tql_nt_same_start(a, al, b, bl);
	/* (a's letter at p doubles the one before it) */
	size_t c = 0;
	tql_u8_next(a + p, al - p, &c);
	return p >= c && al == bl + c && memcmp(a + p - c, a + p, c) == 0 &&
	       memcmp(a + p + c, b + p, bl - p) == 0;
}

/* Is form f written with a dot inside (a file name: "Packages.gz"; the
 * key has no dots)? */
static bool dotted(const tql_doc *doc, const form *f)
{
	const tql_token *tk = &doc->tok[f->first_tok];
	return memchr(doc->text + tk->off, '.', tk->len) != NULL;
}

/* Do keys a and b end in the same letter? */
static bool same_last_letter(const char *a, size_t al, const char *b, size_t bl)
{
	size_t c = 1; /* (bytes of a's last letter) */
	while (c < al && ((unsigned char)a[al - c] & 0xC0) == 0x80)
		c++;
	return al && bl >= c && memcmp(a + al - c, b + bl - c, c) == 0;
}

/* Does each of forms x and y follow its own, different given name (two
 * people: "Jane McAlester" / "James McAlister")? */
static bool different_given(const form *x, const form *y)
{
	return x->given && y->given && strcmp(x->given, y->given) != 0;
}

/* Are forms x and y two long spellings of one name that need no shared
 * context: seven letters or more, one edit apart past their first two
 * letters (pre: their common start, in bytes) and before the last (not an
 * ending: "Kowalski" / "Kowalska"), as "Porgera" / "Polgera"? Not when
 * each follows its own given name (two people: "Jane McAlester" / "James
 * McAlister"), nor for file names ("Packages.gz" / "Packages.xz"). (Forms
 * one the other plus an ending are the caller's to exclude.) */
static bool long_pair(const tql_doc *doc, const form *x, const form *y, size_t pre)
{
	size_t xl = strlen(x->key), yl = strlen(y->key);
	return pre >= 2 && same_last_letter(x->key, xl, y->key, yl) &&
	       tql_u8_count(x->key, xl) >= 7 && tql_u8_count(y->key, yl) >= 7 && !dotted(doc, x) &&
	       !dotted(doc, y) && !different_given(x, y) &&
	       tql_names_osa(x->key, xl, y->key, yl) == 1;
}

/* Do keys a and b hold, at byte p, the two letters of one of the n pairs
 * (two-byte letters, either way round)? */
static bool pair_at(const char *a, const char *b, size_t p, const char *const (*pairs)[2],
                    size_t n)
{
	for (size_t k = 0; k < n; k++)
		if ((memcmp(a + p, pairs[k][0], 2) == 0 && memcmp(b + p, pairs[k][1], 2) == 0) ||
		    (memcmp(a + p, pairs[k][1], 2) == 0 && memcmp(b + p, pairs[k][0], 2) == 0))
			return true;
	return false;
}

/* One key the other with one Cyrillic vowel of the other alphabet, before
 * the last two letters: Russian и for Ukrainian і ("Довиле" / "Довіле"),
 * е for є, ы for и. Russian spelling left in Ukrainian text (and the
 * reverse) is no inflection and no other person. */
static bool cyrillic_vowel_swap(const char *a, size_t al, const char *b, size_t bl)
{
	static const char *const pairs[][2] = {
		{"\xD0\xB8", "\xD1\x96"}, /* и і */
		{"\xD0\xB5", "\xD1\x94"}, /* е є */
		{"\xD1\x8B", "\xD0\xB8"}, /* ы и */
		{"\xD1\x96", "\xD1\x97"}, /* і ї */
	};
	if (al != bl || tql_u8_count(a, al) < 5)
		return false;
	size_t p = tql_nt_same_start(a, al, b, bl);
	if (p >= al || p + 2 > al || memcmp(a + p + 2, b + p + 2, al - p - 2) != 0)
		return false;
	if (tql_u8_count(a + p, al - p) <= 2)
		return false; /* in the ending: an inflection */
	return pair_at(a, b, p, pairs, sizeof pairs / sizeof *pairs);
}

static bool add_occurrence(cstate *cs, size_t t)
{
	const tql_doc *doc = cs->ctx->doc;
	const tql_token *tk = &doc->tok[t];
	tql_buf k = {0};
	if (!tql_fold(doc->text + tk->off, bare(doc, tk), &k))
		return false;
	uintptr_t v;
	form *f;
	if (tql_strmap_get(&cs->idx, k.p, k.n, &v)) {
		f = &cs->f[v - 1];
		tql_buf_free(&k);
	} else {
		if (!TQL_GROW(cs->f, cs->cap, cs->nf + 1) ||
		    !tql_strmap_put(&cs->idx, k.p, k.n, cs->nf + 1)) {
			tql_buf_free(&k);
			return false;
		}
		f = &cs->f[cs->nf++];
		*f = (form){tql_buf_take(&k), t, 0, NULL, NULL, NULL, false, false, 0, 0, 0, false};
		if (!f->key)
			return false;
	}
	f->count++;
	int sp = tql_nt_spelling_of(doc, f->first_tok, t);
	if (sp == TQL_SP_SAME)
		f->count0++;
	else if (sp == TQL_SP_ACCENT && tk->script == USCRIPT_LATIN && !f->has_alt) {
		f->has_alt = true;
		f->alt_tok = t;
		f->count1 = 1;
	} else if (f->has_alt && tql_nt_spelling_of(doc, f->alt_tok, t) == TQL_SP_SAME)
		f->count1++;
	bool listed;
	char *w = name_before(cs, t, !f->lead, &listed); /* owned */
	if (listed)
		f->given_seen = true;
	else
		f->alone = true;
	if (w && !f->lead && !(f->lead = tql_strndup(w, strlen(w)))) {
		free(w);
		return false;
	}
	if (listed && !f->given) {
		f->given = w;
		w = NULL;
	}
	free(w);
	if (!f->trail)
		f->trail = name_after(cs, t);
	return true;
}

/* Do two forms share context? */
static bool shared_context(const form *a, const form *b)
{
	if (a->given && b->given)
		return strcmp(a->given, b->given) == 0;
	/* the same name-like word before both ("Anicet Ekane" ... "Anicet Ekana") */
	if (a->lead && b->lead && strcmp(a->lead, b->lead) == 0)
		return true;
	/* introduced with the given name, then the family name alone */
	return (a->given_seen && b->alone) || (b->given_seen && a->alone);
}

/* Is word token tk written as form key (folded, without a possessive)?
 * k is scratch. */
static bool is_form(const tql_doc *doc, const tql_token *tk, const char *key, tql_buf *k)
{
	k->n = 0;
	return tk->kind == TQL_TOK_WORD && tk->len && tql_fold(doc->text + tk->off, bare(doc, tk), k) &&
	       strcmp(k->p, key) == 0;
}

/* Does form f occur within NEAR bytes of byte offset off? */
static bool occurs_near(cstate *cs, const form *f, size_t off)
{
	const tql_doc *doc = cs->ctx->doc;
	bool found = false;
	tql_buf k = {0};
	for (size_t t = tql_doc_token_at(doc, off > NEAR ? off - NEAR : 0);
	     t < doc->ntok && doc->tok[t].off < off + NEAR && !found; t++)
		found = tql_nt_name_word(&doc->tok[t]) && is_form(doc, &doc->tok[t], f->key, &k);
	tql_buf_free(&k);
	return found;
}

/* May the form seen once (slip) be a slip of the established form (est):
 * est was introduced with a name before it ("Shubhanshu Shukla"), and
 * slip has no name of its own before it, or the same one? */
static bool settled_context(const form *est, const form *slip)
{
	if (!est->lead)
		return false;
	return !slip->lead || strcmp(slip->lead, est->lead) == 0;
}

/* Emits consistency.name on tk, suggesting kt's text: an accent apart
 * (accent) or two forms of one name. */
static bool emit_other(cstate *cs, const tql_token *tk, const tql_token *kt, bool accent)
{
	const tql_doc *doc = cs->ctx->doc;
	const char *text = doc->text;
	size_t tn = bare(doc, tk), kn = bare(doc, kt);
	if (accent)
		return tql_nt_emit_written_span(cs->ctx, tk->off, tn, kt->off, kn);
	if (tql_strmap_get(&cs->emitted, (const char *)&tk->off, sizeof tk->off, NULL))
		return true;
	if (!tql_strmap_put(&cs->emitted, (const char *)&tk->off, sizeof tk->off, 1))
		return false;
	char sugg[128];
	snprintf(sugg, sizeof sugg, "%.*s", (int)(kn < 120 ? kn : 120), text + kt->off);
	return tql_emit(cs->ctx, "consistency.name", tk->off, tn, sugg, false,
	                "'%.*s' and '%.*s' look like one name written two ways; use one form",
	                (int)tn, text + tk->off, (int)kn, text + kt->off);
}

/* Reports every occurrence of token `bad`'s spelling, naming token keep's. */
static bool report_spelling(cstate *cs, size_t keep, size_t bad)
{
	const tql_doc *doc = cs->ctx->doc;
	const tql_token *kt = &doc->tok[keep];
	for (size_t t = bad; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->len != doc->tok[bad].len ||
		    memcmp(doc->text + tk->off, doc->text + doc->tok[bad].off, tk->len) != 0)
			continue;
		if (!emit_other(cs, tk, kt, true))
			return false;
	}
	return true;
}

/* Is form f's key a name the table (in any language) or the gazetteer
 * knows? */
static bool listed_form(cstate *cs, const form *f)
{
	size_t n = strlen(f->key);
	return tql_names_any_lang(cs->nm, f->key, n) || tql_places_known(cs->ctx->eng->places, f->key, n);
}

/* May forms x and y, one with a letter doubled that the other writes once
 * (the caller's test), be one name without shared context ("Itula" /
 * "Itulla", "Beccuau" / "Becuau")? Both of five letters or more, the same
 * last letter (not an ending), not after two different given names, and
 * neither a name the table or the gazetteer knows (double_slips judges
 * those, reporting the other). */
static bool bare_double(cstate *cs, const form *x, const form *y)
{
	size_t xl = strlen(x->key), yl = strlen(y->key);
	return same_last_letter(x->key, xl, y->key, yl) && tql_u8_count(x->key, xl) >= 5 &&
	       tql_u8_count(y->key, yl) >= 5 && !different_given(x, y) &&
	       !listed_form(cs, x) && !listed_form(cs, y);
}

/* Reports every occurrence of forms x and y that the table or gazetteer
 * does not know when the other is known to them ("Caltaggirone" beside
 * Caltagirone in English text), else of the rarer (the later on a tie),
 * naming the other. */
static bool report(cstate *cs, const form *x, const form *y)
{
	bool lx = listed_form(cs, x), ly = listed_form(cs, y);
	bool keep_x = lx != ly ? lx
	                       : x->count > y->count || (x->count == y->count && x->first_tok < y->first_tok);
	const form *keep = keep_x ? x : y, *bad = keep_x ? y : x;
	const tql_doc *doc = cs->ctx->doc;
	const tql_token *kt = &doc->tok[keep->first_tok];
	/* every occurrence of the reported form */
	tql_buf k = {0};
	bool ok = true;
	for (size_t t = bad->first_tok; t < doc->ntok && ok; t++)
		if (is_form(doc, &doc->tok[t], bad->key, &k))
			ok = emit_other(cs, &doc->tok[t], kt, false);
	tql_buf_free(&k);
	return ok;
}

/* Latin-script forms that sound the same (one phonetic key) though more
 * than one letter may differ: two romanisations of one name ("Wadatschkorija"
 * / "Wadatschkoria", "Jegisarjan" / "Jeghisarjan"). A key of seven sounds
 * or more is evidence enough without a shared given name; the two must
 * still stand within one article's length. Pairs in `reported` are skipped. */
static bool sound_pairs(cstate *cs, tql_strmap *reported)
{
	const tql_doc *doc = cs->ctx->doc;
	tql_strmap by_key = {0}; /* phonetic key -> form index + 1 of its first form */
	tql_buf pk = {0};
	bool ok = true;
	for (size_t a = 0; a < cs->nf && ok; a++) {
		form *x = &cs->f[a];
		pk.n = 0;
		if (doc->tok[x->first_tok].script != USCRIPT_LATIN ||
		    !tql_names_phonetic(x->key, strlen(x->key), &pk) || pk.n < 7)
			continue;
		uintptr_t v;
		if (!tql_strmap_get(&by_key, pk.p, pk.n, &v)) {
			ok = tql_strmap_put(&by_key, pk.p, pk.n, a + 1);
			continue;
		}
		form *y = &cs->f[v - 1];
		char pn[64];
		int pl = snprintf(pn, sizeof pn, "%zu:%zu", (size_t)(v - 1), a);
		if (tql_strmap_get(reported, pn, (size_t)pl, NULL))
			continue;
		size_t xl = strlen(x->key), yl = strlen(y->key);
		size_t xo = doc->tok[x->first_tok].off, yo = doc->tok[y->first_tok].off;
		/* (a given name and the family name after it are two names) */
		if ((xo > yo ? xo - yo : yo - xo) >= 2 * NEAR ||
		    (x->lead && strcmp(x->lead, y->key) == 0) || (y->lead && strcmp(y->lead, x->key) == 0) ||
		    tql_names_same_inflected(cs->ctx->lang->lang, x->key, xl, y->key, yl))
			continue;
		ok = report(cs, x, y) && tql_strmap_put(reported, pn, (size_t)pl, 1);
	}
	tql_strmap_free(&by_key);
	tql_buf_free(&pk);
	return ok;
}

/* The sound skeleton of a folded Cyrillic key, into out: the letters that
 * Russian and Ukrainian, or two romanisations, write apart for one sound
 * made one (е є э ё; и і ы ї; г ґ х; the voiced and voiceless of a pair),
 * soft and hard signs and apostrophes dropped, a doubled letter written
 * once. False for a key with a letter outside Cyrillic. */
static bool cyr_skeleton(const char *k, size_t kl, tql_buf *out)
{
	out->n = 0;
	int32_t prev = -1;
	for (size_t i = 0; i < kl;) {
		int32_t c = tql_u8_next(k, kl, &i);
		switch (c) {
		case 0x0454: case 0x044D: case 0x0451: c = 0x0435; break; /* є э ё -> е */
		case 0x0456: case 0x044B: case 0x0457: c = 0x0438; break; /* і ы ї -> и */
		case 0x0491: case 0x0445: c = 0x0433; break;             /* ґ х -> г */
		case 0x0437: c = 0x0441; break;                          /* з -> с */
		case 0x0434: c = 0x0442; break;                          /* д -> т */
		case 0x0431: c = 0x043F; break;                          /* б -> п */
		case 0x0436: c = 0x0448; break;                          /* ж -> ш */
		case 0x0432: c = 0x0444; break;                          /* в -> ф */
		case 0x044C: case 0x044A: case '\'': case 0x02BC: continue;
		default: break;
		}
		if (c < 0x0430 || c > 0x045F)
			return false;
		if (c == prev)
			continue;
		prev = c;
		char u[2] = {(char)(0xC0 | (c >> 6)), (char)(0x80 | (c & 0x3F))};
		if (!tql_buf_add(out, u, 2))
			return false;
	}
	return out->n > 0;
}

/* Cyrillic forms with one sound skeleton, perhaps in two cases: one name
 * transliterated two ways ("Кортісо" / "Кортизо", "Гайденгайма" /
 * "Хайденхаймом": the Ukrainian г and the Russian х for one h). Both of
 * five letters or more, within one article's length. Forms meet under
 * their skeleton and its stems one and two letters shorter. Pairs in
 * `reported` are skipped. */
static bool cyrillic_sound_pairs(cstate *cs, tql_strmap *reported)
{
	const tql_doc *doc = cs->ctx->doc;
	const char *lang = cs->ctx->lang->lang;
	tql_strmap by_key = {0}; /* skeleton (or stem) -> form index + 1 of its first form */
	tql_buf sk = {0}, sy = {0};
	bool ok = true;
	for (size_t a = 0; a < cs->nf && ok; a++) {
		form *x = &cs->f[a];
		size_t xl = strlen(x->key);
		if (doc->tok[x->first_tok].script != USCRIPT_CYRILLIC || tql_u8_count(x->key, xl) < 5 ||
		    !cyr_skeleton(x->key, xl, &sk) || sk.n < 8)
			continue;
		bool done = false;
		for (size_t cut = 0; cut <= 4 && ok && !done; cut += 2) {
			uintptr_t v;
			if (!tql_strmap_get(&by_key, sk.p, sk.n - cut, &v)) {
				ok = tql_strmap_put(&by_key, sk.p, sk.n - cut, a + 1);
				continue;
			}
			form *y = &cs->f[v - 1];
			size_t yl = strlen(y->key);
			char pn[64];
			int pl = snprintf(pn, sizeof pn, "%zu:%zu", (size_t)(v - 1), a);
			size_t xo = doc->tok[x->first_tok].off, yo = doc->tok[y->first_tok].off;
			if (tql_strmap_get(reported, pn, (size_t)pl, NULL) || !cyr_skeleton(y->key, yl, &sy) ||
			    (xo > yo ? xo - yo : yo - xo) >= NEAR ||
			    (x->lead && strcmp(x->lead, y->key) == 0) ||
			    (y->lead && strcmp(y->lead, x->key) == 0) ||
			    tql_names_same_inflected(lang, x->key, xl, y->key, yl))
				continue;
			/* one skeleton, or one in two cases */
			if (!(sk.n == sy.n && memcmp(sk.p, sy.p, sk.n) == 0) &&
			    !tql_names_same_inflected(lang, sk.p, sk.n, sy.p, sy.n))
				continue;
			done = true;
			ok = report(cs, x, y) && tql_strmap_put(reported, pn, (size_t)pl, 1);
		}
	}
	tql_strmap_free(&by_key);
	tql_buf_free(&sk);
	tql_buf_free(&sy);
	return ok;
}

/* The folded capitalised word right after token t (one space between),
 * if it is likely a name: four letters or more, not known to the
 * dictionary in lower case ("López Arias": arias is no word). The result
 * is malloc'd (caller frees), or NULL. */
static char *family_after(cstate *cs, size_t t)
{
	const tql_doc *doc = cs->ctx->doc;
	if (t + 2 >= doc->ntok || !tql_nt_spaced_pair(doc, t))
		return NULL;
	const tql_token *g = &doc->tok[t + 2];
	/* (the whole family name: not the first part of "Halvorsen-Berg") */
	if (t + 4 < doc->ntok && doc->tok[t + 3].kind != TQL_TOK_SPACE &&
	    doc->tok[t + 4].kind == TQL_TOK_WORD)
		return NULL;
	if (tql_u8_count(doc->text + g->off, g->len) < 4 ||
	    (tql_spell(cs->ctx->chk, cs->ctx->lang, doc->text + g->off, g->len) != 0 &&
	     tql_spell_lowered(cs->ctx->chk, cs->ctx->lang, doc->text + g->off, g->len) != 0))
		return NULL;
	return folded(doc, g);
}

/* Two Cyrillic keys of one length that differ in one consonant of a
 * voiced / voiceless pair ("лопез" / "лопес"): a romanisation apart, no
 * case ending. */
static bool voicing_swap(const char *a, size_t al, const char *b, size_t bl)
{
	static const char *const pairs[][2] = {
		{"\xD0\xB7", "\xD1\x81"}, /* з с */
		{"\xD0\xB4", "\xD1\x82"}, /* д т */
		{"\xD0\xB3", "\xD0\xBA"}, /* г к */
		{"\xD0\xB1", "\xD0\xBF"}, /* б п */
		{"\xD0\xB6", "\xD1\x88"}, /* ж ш */
		{"\xD0\xB2", "\xD1\x84"}, /* в ф */
	};
	if (al != bl)
		return false;
	size_t p = tql_nt_same_start(a, al, b, bl);
	if (p + 2 > al || memcmp(a + p + 2, b + p + 2, al - p - 2) != 0)
		return false;
	return pair_at(a, b, p, pairs, sizeof pairs / sizeof *pairs);
}

/* One person's family name written two ways after the same name-like word
 * (a listed given name, or a capitalised word the dictionary does not know
 * in lower case: "Pascoal Ronda" / "Pascoal Rondo"), or, with `after`,
 * the first word of a name written two ways before the same family name
 * ("Лопес Аріас" / "Лопез Аріас"), known words included when one of the
 * two is not (rondo): one edit apart, or two with one sound key, the same
 * first letter, five letters or more, not one the other plus an ending,
 * within one article's length. The form written more often stays, else
 * the first. */
static bool given_pairs(cstate *cs, bool after)
{
	const tql_doc *doc = cs->ctx->doc;
	struct gp {
		const tql_token *f; /* the word written two ways (the family name; with
		                     * `after` the first word) */
		char *g, *fk;       /* folded shared word and that word (owned) */
	} *v = NULL;
	size_t nv = 0, cap = 0;
	bool ok = true;
	tql_buf pa = {0}, pb = {0};
	for (size_t t = 0; t + 2 < doc->ntok && ok; t++) {
		const tql_token *g = &doc->tok[t], *f = &doc->tok[t + 2];
		if (after) {
			const tql_token *x = g;
			g = f, f = x;
		}
		if (!tql_nt_name_word(g) || !tql_nt_name_word(f) || !tql_nt_spaced_pair(doc, t) ||
		    g->script != f->script ||
		    tql_u8_count(doc->text + f->off, f->len) < 5)
			continue;
		bool listed;
		char *w = after ? family_after(cs, t) : name_before(cs, t + 2, true, &listed);
		if (!w)
			continue;
		tql_buf fk = {0};
		if (!tql_fold(doc->text + f->off, bare(doc, f), &fk) || !TQL_GROW(v, cap, nv + 1)) {
			free(w);
			tql_buf_free(&fk);
			ok = false;
			break;
		}
		v[nv++] = (struct gp){f, w, tql_buf_take(&fk)};
	}
	for (size_t i = 0; i < nv && ok; i++) {
		const tql_token *fi = v[i].f;
		const char *x = v[i].fk;
		size_t xn = strlen(x);
		for (size_t j = i + 1; j < nv && ok; j++) {
			const tql_token *fj = v[j].f;
			const char *y = v[j].fk;
			size_t yn = strlen(y);
			/* (in bytes: twice as far for two-byte letters) */
			if (fj->off - fi->off >= (fi->script == USCRIPT_LATIN ? NEAR : 2 * NEAR))
				break;
			if (strcmp(v[i].g, v[j].g) != 0 || strcmp(x, y) == 0 || x[0] != y[0] ||
			    (xn > yn && memcmp(x, y, yn) == 0) || (yn > xn && memcmp(x, y, xn) == 0) ||
			    tql_names_same_inflected(cs->ctx->lang->lang, x, xn, y, yn))
				continue;
			/* (Cyrillic: a case ending, "Хасина" / "Хасину") */
			size_t pre = 0;
			while (pre < xn && pre < yn && x[pre] == y[pre])
				pre++;
			if (fi->script == USCRIPT_CYRILLIC && tql_u8_count(x + pre, xn - pre) <= 2 &&
			    tql_u8_count(y + pre, yn - pre) <= 2 && !voicing_swap(x, xn, y, yn))
				continue;
			/* (one of them a name the dictionary does not know: German
			 * nouns are capitalised, "Unternehmen" / "Unternehmer") */
			if (tql_spell(cs->ctx->chk, cs->ctx->lang, doc->text + fi->off, fi->len) != 0 &&
			    tql_spell(cs->ctx->chk, cs->ctx->lang, doc->text + fj->off, fj->len) != 0)
				continue;
			int d = tql_names_osa(x, xn, y, yn);
			pa.n = pb.n = 0;
			bool same_sound = d == 2 && tql_names_phonetic(x, xn, &pa) &&
			                  tql_names_phonetic(y, yn, &pb) && pa.n == pb.n &&
			                  memcmp(pa.p, pb.p, pa.n) == 0;
			if (d != 1 && !same_sound)
				continue;
			/* the form written more often stays; else the first */
			size_t ci = 0, cj = 0;
			for (size_t k = 0; k < nv; k++) {
				const tql_token *fk = v[k].f;
				ci += fk->len == fi->len && memcmp(doc->text + fk->off, doc->text + fi->off, fi->len) == 0;
				cj += fk->len == fj->len && memcmp(doc->text + fk->off, doc->text + fj->off, fj->len) == 0;
			}
			/* (a word the name check matched is its to judge: the given
			 * names of people it knows) */
			const tql_token *bad = cj > ci ? fi : fj;
			size_t bo = bad->off; /* (the map's keys are size_t) */
			if (after && tql_strmap_get(cs->named, (const char *)&bo, sizeof bo, NULL))
				continue;
			ok = emit_other(cs, bad, cj > ci ? fj : fi, false);
		}
	}
	for (size_t i = 0; i < nv; i++) {
		free(v[i].g);
		free(v[i].fk);
	}
	free(v);
	tql_buf_free(&pa);
	tql_buf_free(&pb);
	return ok;
}

/* Is folded key k (a capitalised word of the document) a name: in the
 * table, the gazetteer, or known to the dictionary only capitalised (not
 * in German, whose nouns are all capitalised)? */
static bool known_name(cstate *cs, const tql_token *tk, const char *k, size_t kl)
{
	const tql_doc *doc = cs->ctx->doc;
	if (tql_names_any_lang(cs->nm, k, kl) || tql_places_known(cs->ctx->eng->places, k, kl))
		return true;
	return strcmp(cs->ctx->lang->lang, "de") != 0 &&
	       tql_spell(cs->ctx->chk, cs->ctx->lang, doc->text + tk->off, tk->len) != 0 &&
	       tql_spell_lowered(cs->ctx->chk, cs->ctx->lang, doc->text + tk->off, tk->len) == 0;
}

/* An unknown name that is a known name of the same article with one of
 * its double letters written once ("Nigata" where the article also writes
 * Niigata), or one of its letters doubled ("Caltaggirone" for
 * Caltagirone): the commonest slips in a name, evidence enough with the
 * right form within one article's length. Not the first letter and not
 * the last (an ending: "Kap" / "Kapp"); the unknown form of five letters
 * or more. Every occurrence of it is reported. */
static bool double_slips(cstate *cs)
{
	const tql_doc *doc = cs->ctx->doc;
	tql_strmap known = {0}; /* folded name -> its first token index + 1 */
	tql_buf k = {0}, d = {0};
	bool ok = true;
	for (size_t t = 0; t < doc->ntok && ok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (!tql_nt_name_word(tk) || tql_u8_count(doc->text + tk->off, tk->len) < 6)
			continue;
		k.n = 0;
		if (!tql_fold(doc->text + tk->off, bare(doc, tk), &k))
			continue;
		if (!tql_strmap_get(&known, k.p, k.n, NULL) && known_name(cs, tk, k.p, k.n))
			ok = tql_strmap_put(&known, k.p, k.n, t + 1);
	}
	for (size_t a = 0; a < cs->nf && ok; a++) {
		const form *f = &cs->f[a];
		const char *key = f->key;
		size_t kl = strlen(key);
		if (tql_u8_count(key, kl) < 5)
			continue;
		size_t c0 = 0;
		tql_u8_next(key, kl, &c0);
		uintptr_t v = 0;
		for (size_t p = c0, prev = 0; p < kl && ok && !v;) {
			size_t q = p;
			tql_u8_next(key, kl, &q);
			if (q >= kl)
				break; /* (the last letter) */
			/* its letter at p doubled ("Nigata" / Niigata), or the letter
			 * at p, a double of the one before, written once ("Spinnelli"
			 * / Spinelli, "as-Sabbah" / as-Sabah; not a double of the
			 * first letter) */
			d.n = 0;
			ok = tql_buf_add(&d, key, q) && tql_buf_add(&d, key + p, kl - p);
			if (ok && !tql_strmap_get(&known, d.p, d.n, &v) && p > c0 && p - prev == q - p &&
			    memcmp(key + prev, key + p, q - p) == 0) {
				d.n = 0;
				ok = tql_buf_add(&d, key, p) && tql_buf_add(&d, key + q, kl - q);
				if (ok)
					tql_strmap_get(&known, d.p, d.n, &v);
			}
			prev = p;
			p = q;
		}
		if (!ok || !v)
			continue;
		const tql_token *kt = &doc->tok[v - 1];
		size_t fo = doc->tok[f->first_tok].off;
		/* (two people: "Jane Hollis", "John Holis") */
		bool listed;
		char *kg = name_before(cs, v - 1, false, &listed); /* owned */
		bool two = kg && f->given && strcmp(kg, f->given) != 0;
		free(kg);
		if (!two && (kt->off > fo ? kt->off - fo : fo - kt->off) < NEAR)
			for (size_t t = f->first_tok; t < doc->ntok && ok; t++)
				if (is_form(doc, &doc->tok[t], key, &k))
					ok = emit_other(cs, &doc->tok[t], kt, false);
	}
	tql_strmap_free(&known);
	tql_buf_free(&k);
	tql_buf_free(&d);
	return ok;
}

tql_status tql_name_clusters(tql_ctx *ctx, const tql_names *nm, const size_t *cand, size_t ncand,
                             const tql_strmap *named)
{
	cstate cs = {ctx, nm, NULL, 0, 0, {0}, {0}, NULL, 0, 0, {0}, named};
	tql_status rs = TQL_ENOMEM;
	tql_buf d = {0};
	tql_strmap seen_pair = {0}, reported = {0}; /* "i:j" of form pairs looked at, reported */
	for (size_t i = 0; i < ncand; i++)
		if (!add_occurrence(&cs, cand[i]))
			goto done;
	/* one unknown name with and without an accent: the rarer, else the
	 * later spelling is reported */
	for (size_t a = 0; a < cs.nf; a++) {
		const form *f = &cs.f[a];
		if (!f->has_alt || tql_u8_count(f->key, strlen(f->key)) < 5)
			continue;
		/* (a tie: the spelling with more accents, which MT drops more
		 * often than it adds: "Vasteras" / "Västerås") */
		const tql_token *t0 = &cs.ctx->doc->tok[f->first_tok], *t1 = &cs.ctx->doc->tok[f->alt_tok];
		bool keep_first = f->count0 > f->count1 || (f->count0 == f->count1 && t0->len >= t1->len);
		if (!report_spelling(&cs, keep_first ? f->first_tok : f->alt_tok,
		                     keep_first ? f->alt_tok : f->first_tok))
			goto done;
	}
	/* deletion keys: the key itself and each one-deletion; pairs of forms
	 * sharing one are one edit apart (or a transposition) */
	for (size_t a = 0; a < cs.nf; a++) {
		const char *k = cs.f[a].key;
		size_t kl = strlen(k);
		for (size_t p = 0; p <= kl; p++) {
			if (p < kl && ((unsigned char)k[p] & 0xC0) == 0x80)
				continue;
			size_t cl = 0; /* p == kl: the key itself */
			while (p < kl && (cl == 0 || (p + cl < kl && ((unsigned char)k[p + cl] & 0xC0) == 0x80)))
				cl++;
			d.n = 0;
			if (!tql_buf_add(&d, k, p) || !tql_buf_add(&d, k + p + cl, kl - p - cl))
				goto done;
			uintptr_t head = 0;
			tql_strmap_get(&cs.dels, d.p, d.n, &head);
			for (size_t h = head; h; h = cs.links[h - 1].next) {
				size_t other = cs.links[h - 1].form;
				if (other == a)
					continue;
				char pk[64];
				int pl = snprintf(pk, sizeof pk, "%zu:%zu", other, a);
				if (tql_strmap_get(&seen_pair, pk, (size_t)pl, NULL))
					continue;
				if (!tql_strmap_put(&seen_pair, pk, (size_t)pl, 1))
					goto done;
				form *x = &cs.f[a], *y = &cs.f[other];
				size_t xl = strlen(x->key), yl = strlen(y->key);
				/* not one the other plus an ending (a plural, a case ending:
				 * "Мёрдока", or another name: Jasper / Jaspert) */
				bool deriv = (xl > yl && memcmp(x->key, y->key, yl) == 0) ||
				             (yl > xl && memcmp(x->key, y->key, xl) == 0);
				/* near each other: one article, not two texts of a stream */
				size_t xo = cs.ctx->doc->tok[x->first_tok].off,
				       yo = cs.ctx->doc->tok[y->first_tok].off;
				bool near = (xo > yo ? xo - yo : yo - xo) < NEAR;
				/* the weaker context (introduced, then alone) needs a long name
				 * and an edit past its first two letters */
				bool strong = (x->given && y->given && strcmp(x->given, y->given) == 0) ||
				              (x->lead && y->lead && strcmp(x->lead, y->lead) == 0) ||
				              (x->trail && y->trail && strcmp(x->trail, y->trail) == 0);
				size_t pre = 0;
				while (pre < xl && pre < yl && x->key[pre] == y->key[pre])
					pre++;
				/* a given name and the family name after it ("Cennino
				 * Cennini") are two names, not two spellings */
				if ((x->lead && strcmp(x->lead, y->key) == 0) ||
				    (y->lead && strcmp(y->lead, x->key) == 0) ||
				    (x->trail && strcmp(x->trail, y->key) == 0) ||
				    (y->trail && strcmp(y->trail, x->key) == 0))
					continue;
				/* one name in two cases ("Малолєтка" / "Малолєтки") */
				if (tql_names_same_inflected(cs.ctx->lang->lang, x->key, xl, y->key, yl))
					continue;
				/* a letter dropped in front ("Tchiroma" / "Chiroma") and the
				 * other alphabet's vowel in Cyrillic need no more context */
				bool front = first_letter_dropped(x->key, xl, y->key, yl) && shared_context(x, y);
				bool vowel = cyrillic_vowel_swap(x->key, xl, y->key, yl);
				/* a letter doubled or not needs the weaker context only */
				bool dbl = letter_doubled(x->key, xl, y->key, yl) && pre >= 2 &&
				           (strong || shared_context(x, y) || bare_double(&cs, x, y));
				/* one form established (three times or more), the other
				 * once: a slip of the established name ("Shukla" x12 /
				 * "Shukula") */
				const form *est = x->count >= 3 ? x : y, *slip = est == x ? y : x;
				bool settled = est->count >= 3 && slip->count == 1 && !deriv && pre >= 2 &&
				               x->key[0] == y->key[0] && tql_u8_count(x->key, xl) >= 5 &&
				               tql_u8_count(y->key, yl) >= 5 &&
				               tql_names_osa(x->key, xl, y->key, yl) == 1 &&
				               settled_context(est, slip) &&
				               (near || occurs_near(&cs, est, est == x ? yo : xo));
				if ((!near && !settled) ||
				    (!front && !vowel && !dbl && !settled &&
				     (deriv || !long_pair(cs.ctx->doc, x, y, pre)) &&
				              (deriv || x->key[0] != y->key[0] ||
				               tql_u8_count(x->key, xl) < 5 || tql_u8_count(y->key, yl) < 5 ||
				               tql_names_osa(x->key, xl, y->key, yl) != 1 ||
				               (!strong && !shared_context(x, y)) ||
				               (!strong && (tql_u8_count(x->key, xl) < 7 || pre < 2)))))
					continue;
				if (!report(&cs, x, y) ||
				    !tql_strmap_put(&reported, pk, (size_t)pl, 1))
					goto done;
			}
			if (!TQL_GROW(cs.links, cs.lcap, cs.nlinks + 1))
				goto done;
			cs.links[cs.nlinks++] = (struct link){a, head};
			if (!tql_strmap_put(&cs.dels, d.p, d.n, cs.nlinks))
				goto done;
		}
	}
	if (!sound_pairs(&cs, &reported) || !cyrillic_sound_pairs(&cs, &reported) ||
	    !given_pairs(&cs, false) || !given_pairs(&cs, true) || !double_slips(&cs))
		goto done;
	rs = TQL_OK;
done:
	for (size_t i = 0; i < cs.nf; i++) {
		free(cs.f[i].key);
		free(cs.f[i].given);
		free(cs.f[i].lead);
		free(cs.f[i].trail);
	}
	free(cs.f);
	free(cs.links);
	tql_strmap_free(&cs.idx);
	tql_strmap_free(&cs.dels);
	tql_strmap_free(&cs.emitted);
	tql_strmap_free(&seen_pair);
	tql_strmap_free(&reported);
	tql_buf_free(&d);
	return rs;
}
