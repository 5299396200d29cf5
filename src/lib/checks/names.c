/* names.c - name checks on the name-variant table:
 *   name.variant      a known error variant ("Ki -i -Tsinping", "Witcoof")
 *   name.given-name   a known family name with another person's given name
 *   name.near-miss    an unknown capitalised word close to a known name
 *   consistency.name  one entity written two ways in one document */
#define _GNU_SOURCE /* memmem */
#include "../internal.h"
#include "../name_accent.h"
#include "../name_cluster.h"
#include "../name_order.h"
#include "../name_title_order.h"
#include "../name_echo.h"
#include "../name_forms.h"
#include "../name_exonym.h"
#include "../name_place.h"
#include "../name_slavic.h"
#include "../name_text.h"
#include "../names.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

static const tql_rule_info rules[] = {
	{"name.variant", "name", TQL_SEV_ERROR,
	 "a known misspelling or mistransliteration of a name"},
	{"name.given-name", "name", TQL_SEV_ERROR,
	 "a known family name with a given name that is not this person's"},
	{"name.near-miss", "name", TQL_SEV_WARNING,
	 "an unknown capitalised word that is close to a known name"},
	{"name.dated", "name", TQL_SEV_WARNING,
	 "a dated spelling that current press style has replaced (\"Kiev\" for Kyiv in English)"},
	{"name.order", "name", TQL_SEV_WARNING,
	 "a person's given and family names in the wrong order (\"Jinping Xi\")"},
	{"consistency.name", "consistency", TQL_SEV_WARNING,
	 "one person, place or organisation written two ways in one document"},
};

#define MAX_WORDS 6

/* table languages by script: a form of one is a foreign form in another */
static const char *const latin_langs[] = {"en", "de", "fr", "es", "it", NULL};
static const char *const cyrillic_langs[] = {"ru", "uk", NULL};
/* the table's languages, then the source languages of machine translation
 * whose country and city names names/cldr-foreign.tsv holds, by script */
static const char *const latin_source_langs[] = {
	"en", "de", "fr", "es", "it", "tr", "pl", "cs", "sk", "hu", "ro", "pt", "nl", "sv", "da",
	"nb", "fi", "hr", "bs", "sl", "id", "ms", "lt", "lv", "et", "sq", "ca", "az", NULL};
static const char *const cyrillic_source_langs[] = {"ru", "uk", "be", "bg", "sr", "mk", "kk", NULL};
/* (the table's languages lead both lists) */
#define N_TABLE_LATIN (sizeof latin_langs / sizeof *latin_langs - 1)
#define N_TABLE_CYRILLIC (sizeof cyrillic_langs / sizeof *cyrillic_langs - 1)
static const char *const all_langs[] = {"en", "de", "fr", "es", "it", "ru", "uk", NULL};






/* Is the entity's name romanised from Cyrillic: does its Russian or
 * Ukrainian form read like its English one (Лавров / Lavrov, but not
 * Шольц / Scholz)? */
static bool cyrillic_origin(const tql_names *nm, const char *id)
{
	const tql_name_row *en = tql_names_entity_row(nm, id, "en");
	if (!en)
		return false;
	tql_buf f = {0}, k1 = {0}, k2 = {0};
	bool yes = false;
	if (tql_fold(en->canonical, strlen(en->canonical), &f) && tql_names_phonetic(f.p, f.n, &k2)) {
		static const char *const cyr[] = {"ru", "uk"};
		for (int i = 0; i < 2 && !yes; i++) {
			const tql_name_row *r = tql_names_entity_row(nm, id, cyr[i]);
			f.n = k1.n = 0;
			yes = r && tql_fold(r->canonical, strlen(r->canonical), &f) &&
			      tql_names_cyr_key(f.p, f.n, &k1) && k1.n == k2.n &&
			      memcmp(k1.p, k2.p, k1.n) == 0;
		}
	}
	tql_buf_free(&f);
	tql_buf_free(&k1);
	tql_buf_free(&k2);
	return yes;
}

/* A spelling of a name transliterated from Cyrillic that differs from the
 * English one only in letters such systems write differently
 * (translit_norm), in a language whose own row the table lacks: that
 * language's transliteration ("Sergej Lavrov", "Aleksej Navalnyj" in
 * Italian and German), not a mistake. */
static bool local_translit(const tql_names *nm, const char *lang, const tql_name_row *r,
                           const char *a, size_t na, const char *b, size_t nb)
{
	if (tql_names_row_lang(r, lang, true))
		return false;
	/* the letters of that language's own system (Sergej, Wladimir,
	 * Schoigu); a 'y' for 'i' is the English system's (Maya for Maia).
	 * Only the language's own: 'w' and 'sch' are German (and 'w'
	 * Polish), so "Bairamow" in Italian text is a German-mediated form */
	static const char *const j_langs[] = {"de", "pl", "it", "cs", "sk", "sl", "hr", "nl",
	                                      "sv", "no", "nb", "da", "fi", NULL};
	bool own_w = strcmp(lang, "de") == 0 || strcmp(lang, "pl") == 0, own_j = false;
	for (const char *const *l = j_langs; *l && !own_j; l++)
		own_j = strcmp(lang, *l) == 0;
	size_t ja = 0, jb = 0, wa = 0, wb = 0;
	bool sch = false;
	for (size_t k = 0; k < na; k++) {
		ja += a[k] == 'j', wa += a[k] == 'w';
		sch |= k + 3 <= na && memcmp(a + k, "sch", 3) == 0;
	}
	for (size_t k = 0; k < nb; k++)
		jb += b[k] == 'j', wb += b[k] == 'w';
	if ((wa > wb && !own_w) || (sch && strcmp(lang, "de") != 0))
		return false;
	bool own_letters = (ja > jb && own_j) || wa > wb || sch;
	if (!own_letters)
		return false;
	tql_buf x = {0}, y = {0};
	bool eq = tql_nt_translit_norm(a, na, &x) && tql_nt_translit_norm(b, nb, &y) && x.n == y.n &&
	          memcmp(x.p, y.p, x.n) == 0;
	tql_buf_free(&x);
	tql_buf_free(&y);
	return eq && cyrillic_origin(nm, r->id);
}

/* The n-th form of a row: its canonical form, then the accepted forms, the
 * given names and (with_family) the family names; NULL past the last. */
static const char *row_form(const tql_name_row *r, size_t n, bool with_family)
{
	if (n == 0)
		return r->canonical;
	n--;
	char **const lists[3] = {r->accepted, r->given, with_family ? r->family : NULL};
	for (int l = 0; l < 3 && lists[l]; l++) {
		for (char **p = lists[l]; *p; p++, n--)
			if (n == 0)
				return *p;
	}
	return NULL;
}


/* Is the folded word w (wl bytes) one of the words of entity id's forms or
 * names in any language, or, if `near`, a short word one letter from one of
 * them (a garbled particle: "fon" of von der Leyen)? */
static bool entity_word(const tql_names *nm, const char *id, const char *w, size_t wl, bool near)
{
	if (near && (tql_u8_count(w, wl) < 2 || tql_u8_count(w, wl) > 4))
		return false;
	tql_buf f = {0};
	bool yes = false;
	for (const char *const *l = all_langs; *l && !yes; l++) {
		const tql_name_row *r = tql_names_entity_row(nm, id, *l);
		const char *form;
		for (size_t n = 0; r && !yes && (form = row_form(r, n, false)) != NULL; n++) {
			f.n = 0;
			if (!tql_fold(form, strlen(form), &f))
				break;
			if (!near) {
				yes = tql_nt_words_within(w, f.p);
				continue;
			}
			for (const char *q = f.p; *q && !yes;) {
				size_t k = strcspn(q, " ");
				yes = k == wl && tql_names_osa(q, k, w, wl) == 1; /* one letter for another */
				q += k + (q[k] == ' ');
			}
		}
	}
	tql_buf_free(&f);
	return yes;
}

static bool entity_has_word(const tql_names *nm, const char *id, const char *w)
{
	return entity_word(nm, id, w, strlen(w), false);
}

/* Per-document state. */
typedef tql_mention mention;

typedef struct nstate {
	tql_ctx *ctx;
	const tql_names *nm;
	const char *lang;     /* table language used */
	int foreign_marks;    /* -1 not yet known; 1 the text writes letters its
	                         alphabet lacks (João in Italian) */
	size_t *words;        /* indices of word tokens */
	size_t nwords;
	tql_buf folds;        /* folded keys of word tokens, NUL-separated */
	size_t *fold_at;      /* per word: offset in folds + 1, 0 = not yet */
	mention *m;
	size_t nm_, mcap;
	/* per entity id: its mentions by serial (the order add_mention added
	 * them, which resolve_ambiguous's reordering does not change) */
	tql_strmap ent;       /* entity id -> index in ents */
	struct named {
		size_t first_any, first_ok, last_ok; /* serial + 1; 0 = none */
	} *ents;
	size_t nents, entcap;
	tql_strmap dpref;     /* entity id -> index+1 in dpref_key (config `prefer`) */
	char *dpref_key[16], *dpref_shown[16];
	size_t ndpref;
	struct pending {
		size_t word;
		const tql_name_hit *hit;
		bool given;       /* the person's own given name stands before it */
		bool romanised;   /* exactly the romanised Cyrillic form ("Makron") */
		/* equally close entities (hit is the first): the one the
		 * document names elsewhere decides */
		const tql_name_hit *alt[8];
		size_t nalt;
	} *pend;
	size_t npend, pendcap;
	struct fpending {
		size_t off, len;
		const tql_name_hit *hit;
		const tql_name_row *own;
		const char *lang;
	} *fpend;
	size_t nfpend, fpcap;
	/* a name several people share, before the document says which
	 * ("Merz" before "Friedrich Merz"; Hans-Rudolf Merz is another) */
	struct apending {
		size_t off, len;
		char key[96];
		tql_name_hit hit[8];
		size_t n;
	} *apend;
	size_t napend, apcap;
	/* the hits of two lookups of one inflected word (match_at), valid
	 * until the next match */
	tql_name_hit merged[32];
	struct tql_hitlist mergedl;
	/* the hits of a stem lookup that are cases of their form (match_at) */
	tql_name_hit declined[32];
	struct tql_hitlist declinedl;
} nstate;

/* Folded key of word i (cached). */
static const char *word_key(nstate *st, size_t i, size_t *len)
{
	if (!st->fold_at[i]) {
		const tql_token *t = &st->ctx->doc->tok[st->words[i]];
		size_t at = st->folds.n;
		const char *w = st->ctx->doc->text + t->off;
		size_t wl = t->len;
		/* English possessive: "Zelensky's", "Zelensky’s" */
		if (wl > 3 && w[wl - 1] == 's' && w[wl - 2] == '\'')
			wl -= 2;
		else if (wl > 5 && w[wl - 1] == 's' && memcmp(w + wl - 4, "\xE2\x80\x99", 3) == 0)
			wl -= 4;
		if (!tql_fold(w, wl, &st->folds) || !tql_buf_addc(&st->folds, '\0'))
			return NULL;
		st->fold_at[i] = at + 1;
	}
	const char *k = st->folds.p + st->fold_at[i] - 1;
	*len = strlen(k);
	return k;
}

/* Are word tokens a and b separated by spaces only? */
static bool only_space(const tql_doc *doc, size_t a, size_t b)
{
	for (size_t t = a + 1; t < b; t++)
		if (doc->tok[t].kind != TQL_TOK_SPACE)
			return false;
	return true;
}

/* Can word i+1 continue a name that word i is part of? Only spaces and
 * hyphens (with stray spaces) or an abbreviation dot may stand between. */
static bool joinable(const tql_doc *doc, size_t a, size_t b)
{
	if (b != a + 1 && b - a > 4)
		return false;
	size_t gap = 0;
	for (size_t t = a + 1; t < b; t++) {
		const tql_token *g = &doc->tok[t];
		gap += g->len;
		if (g->kind == TQL_TOK_SPACE)
			continue;
		if (g->kind != TQL_TOK_PUNCT)
			return false;
		const char *s = doc->text + g->off;
		if (!((g->len == 1 && (*s == '-' || *s == '.')) ||
		      (g->len == 3 && memcmp(s, "\xE2\x80\x90", 3) == 0)))
			return false;
	}
	return gap > 0 && gap <= 4;
}

/* Do the words ending with word j spell the folded given name g of two
 * words or more, joined as in g by a hyphen or a space or by the other
 * ("Frank Walter", "Jean Noel" for Frank-Walter, Jean-Noël)? */
static bool given_ends_at(nstate *st, size_t j, const char *g, size_t gl)
{
	const tql_doc *doc = st->ctx->doc;
	size_t end = gl, parts = 0;
	for (;;) {
		size_t start = end;
		while (start > 0 && g[start - 1] != ' ' && g[start - 1] != '-')
			start--;
		size_t kl;
		const char *k = word_key(st, j, &kl);
		if (!k || kl != end - start || memcmp(k, g + start, kl) != 0)
			return false;
		parts++;
		if (start == 0)
			return parts >= 2;
		if (j == 0 || !joinable(doc, st->words[j - 1], st->words[j]) ||
		    st->words[j] - st->words[j - 1] > 3)
			return false;
		j--;
		end = start - 1;
	}
}

/* Length of the text from token a to token b, without b's English
 * possessive ending ("Claudia Sheimbaum's": the name). */
static size_t span_to(const tql_doc *doc, const tql_token *a, const tql_token *b)
{
	return b->off + tql_nt_without_possessive(doc->text + b->off, b->len) - a->off;
}

/* Do folded keys a and b have the same stem in lang (Russian and Ukrainian
 * case endings removed: "Хасину" / "Хасина")? */
static bool same_stem(const char *lang, const char *a, size_t an, const char *b, size_t bn)
{
	tql_buf s1 = {0}, s2 = {0};
	bool same = tql_names_stem_key(lang, a, an, &s1) && tql_names_stem_key(lang, b, bn, &s2) &&
	            ((s1.n == s2.n && memcmp(s1.p, s2.p, s1.n) == 0) ||
	             tql_names_same_inflected(lang, a, an, b, bn));
	tql_buf_free(&s1);
	tql_buf_free(&s2);
	return same;
}

/* Is key a an inflection of key b, a table form in the nominative: b
 * declined by its ending ("Хасину" of Хасина), or by its oblique stem
 * ("Египта" of Египет), and not b cut short ("Зеленски" is a garble of
 * Зеленский)? Two words of one stem are not enough: "Нийнисто" is no case
 * of Ниинистё, whose -ё does not decline. */
static bool inflection_of(const char *lang, const char *a, size_t an, const char *b, size_t bn)
{
	if (an < bn && memcmp(a, b, an) == 0)
		return false;
	if (tql_names_same_inflected(lang, a, an, b, bn))
		return true;
	tql_buf ob = {0};
	bool same = tql_names_oblique_stem(lang, b, bn, &ob) &&
	            tql_names_same_inflected(lang, a, an, ob.p, ob.n);
	tql_buf_free(&ob);
	return same;
}

/* Is the key text (tn bytes) a case of the table form, in lang ("Навальним"
 * of Навальний)? scratch receives the folded form. */
static bool case_of_form(const char *lang, const char *text, size_t tn, const char *form,
                         tql_buf *scratch)
{
	scratch->n = 0;
	return tql_fold(form, strlen(form), scratch) &&
	       tql_names_same_inflected(lang, text, tn, scratch->p, scratch->n);
}

/* Number of words in a string (spaces + 1). */
static size_t nwords_of(const char *s)
{
	size_t w = 1;
	for (; *s; s++)
		w += *s == ' ';
	return w;
}

/* The number of words of s as the matcher counts them: a hyphen
 * separates too ("Keller-Sutter" is two). */
static size_t nwords_hyph(const char *s)
{
	size_t w = 1;
	for (; *s; s++)
		w += *s == ' ' || *s == '-';
	return w;
}

/* The correct form to suggest for an error form of row r (`key` is the
 * folded error form, whose word count decides between family and full name). */
static const char *correct_for(const tql_name_row *r, const char *key)
{
	size_t w = nwords_of(key);
	if (r->kind == TQL_NK_PERSON) {
		if (w == 1 && r->family[0])
			return r->family[0];
		if (nwords_of(r->canonical) == w)
			return r->canonical;
	}
	return r->canonical;
}

static bool add_mention(nstate *st, const tql_name_hit *h, const char *key, size_t klen, size_t off,
                        size_t len)
{
	if (!TQL_GROW(st->m, st->mcap, st->nm_ + 1))
		return false;
	mention *m = &st->m[st->nm_];
	/* compare the table forms, so that inflected or possessive text matches */
	tql_buf fk = {0};
	if (h->type != TQL_FORM_ERROR && tql_fold(h->form, strlen(h->form), &fk)) {
		m->key = tql_buf_take(&fk);
	} else {
		tql_buf_free(&fk);
		m->key = tql_strndup(key, klen);
	}
	if (!m->key)
		return false;
	m->entity = st->nm->rows[h->row].id;
	m->row = h->row;
	m->off = off;
	m->len = len;
	m->error = h->type == TQL_FORM_ERROR;
	m->canonical = h->type == TQL_FORM_CANONICAL;
	m->acronym = h->acronym;
	m->form = h->form;
	size_t serial = st->nm_++;
	/* (the id string lives in the table, which outlives the state) */
	size_t el = strlen(m->entity);
	uintptr_t e;
	if (!tql_strmap_get(&st->ent, m->entity, el, &e)) {
		if (!TQL_GROW(st->ents, st->entcap, st->nents + 1))
			return false;
		e = st->nents++;
		st->ents[e] = (struct named){0, 0, 0};
		if (!tql_strmap_put(&st->ent, m->entity, el, e))
			return false;
	}
	struct named *nd = &st->ents[e];
	if (!nd->first_any)
		nd->first_any = serial + 1;
	if (!m->error) {
		if (!nd->first_ok)
			nd->first_ok = serial + 1;
		nd->last_ok = serial + 1;
	}
	return true;
}

/* The mention record of entity id; NULL if the document has not named it. */
static const struct named *named_of(const nstate *st, const char *id)
{
	uintptr_t e;
	return tql_strmap_get(&st->ent, id, strlen(id), &e) ? &st->ents[e] : NULL;
}


/* Two forms of one entity are one spelling when equal, when one is a part
 * of the other ("Xi" / "Xi Jinping"), or, for people, when the family
 * name (last word) agrees ("President Trump" / "Donald Trump"). Russian
 * and Ukrainian forms are compared by stem (lang), unless b is a known
 * garble (garbled). */
/* Are the words before one family name (na and nb bytes of folded person
 * forms a and b, trailing space included) one given name spelled two ways
 * ("mohamed " / "mohammed "): one edit apart, Latin script, neither the
 * other plus an ending (a case ending, "Юлія" / "Юлію", or another name)? */
static bool given_respelled(const char *a, size_t na, const char *b, size_t nb)
{
	if (na < 2 || nb < 2 || (unsigned char)*a >= 0x80 || (unsigned char)*b >= 0x80)
		return false;
	size_t pre = na < nb ? na : nb;
	if (memcmp(a, b, pre - 1) == 0)
		return false; /* equal, or one the other plus letters */
	return tql_u8_count(a, na) >= 5 && tql_u8_count(b, nb) >= 5 &&
	       tql_names_osa(a, na, b, nb) == 1;
}

static bool compatible(const char *lang, const char *a, const char *b, bool person, bool error,
                       bool garbled)
{
	if (strcmp(a, b) == 0 || tql_nt_words_within(a, b) || tql_nt_words_within(b, a))
		return true;
	const char *la = strrchr(a, ' '), *lb = strrchr(b, ' ');
	la = la ? la + 1 : a;
	lb = lb ? lb + 1 : b;
	if (person && strcmp(la, lb) == 0)
		return !given_respelled(a, (size_t)(la - a), b, (size_t)(lb - b));
	/* a known error or another language's form is never an alias
	 * ("Kashmir" in French text that writes "Cachemire") */
	if (error)
		return false;
	/* two spellings of one name are close (Kyiv / Kiev, Zelensky /
	 * Zelenskyy); forms far apart are aliases (Leo XIV / Prevost, Burma /
	 * Myanmar), which professional copy mixes on purpose */
	const char *x = person ? la : a, *y = person ? lb : b;
	tql_buf p1 = {0}, p2 = {0}, s1 = {0}, s2 = {0};
	/* Russian and Ukrainian forms are compared without case endings
	 * ("Мирзийоев" / "Мирзиёева"), by the sounds of their romanisation */
	bool cyr = (unsigned char)*x >= 0xD0 && (unsigned char)*x <= 0xD3;
	/* (a known garble is no inflection: "Зеленски" / "Зеленский") */
	if (cyr && !garbled && tql_names_stem_key(lang, x, strlen(x), &s1) &&
	    tql_names_stem_key(lang, y, strlen(y), &s2)) {
		x = s1.p;
		y = s2.p;
		if (strcmp(x, y) == 0 || tql_nt_words_within(x, y) || tql_nt_words_within(y, x)) {
			tql_buf_free(&s1);
			tql_buf_free(&s2);
			return true;
		}
	}
	bool phon = (cyr ? tql_names_cyr_key(x, strlen(x), &p1) && tql_names_cyr_key(y, strlen(y), &p2)
	                 : tql_names_phonetic(x, strlen(x), &p1) && tql_names_phonetic(y, strlen(y), &p2)) &&
	            p1.n && p1.n == p2.n && memcmp(p1.p, p2.p, p1.n) == 0;
	/* the same consonants in the same order are one name spelled by two
	 * systems (Kiew / Kyjiw), not two names */
	bool skel = p1.n && p2.n && tql_nt_skeleton_eq(p1.p, p1.n, p2.p, p2.n);
	/* two romanisations of one name differ in a few sounds
	 * (Tikhanovskaya / Tsikhanouskaya); aliases differ in most */
	size_t mx = p1.n > p2.n ? p1.n : p2.n;
	if (p1.n >= 5 && p2.n >= 5 && tql_nt_lev(p1.p, p1.n, p2.p, p2.n) * 10 <= mx * 3)
		skel = true;
	bool far = !phon && !skel && tql_names_osa(x, strlen(x), y, strlen(y)) >= 3;
	tql_buf_free(&p1);
	tql_buf_free(&p2);
	tql_buf_free(&s1);
	tql_buf_free(&s2);
	return far;
}

/* Looks for the longest table match starting at word i; returns the number
 * of words matched (0: none) and the hit list. */
static size_t match_at(nstate *st, size_t i, const struct tql_hitlist **out, tql_buf *key)
{
	const tql_doc *doc = st->ctx->doc;
	size_t best = 0;
	size_t maxw = (size_t)st->nm->maxwords < MAX_WORDS ? (size_t)st->nm->maxwords : MAX_WORDS;
	size_t ends[MAX_WORDS];
	size_t n = 0;
	bool foreign_longer = false;
	key->n = 0;
	for (size_t k = i; k < st->nwords && n < maxw; k++) {
		if (k > i && !joinable(doc, st->words[k - 1], st->words[k]))
			break;
		size_t kl;
		const char *kk = word_key(st, k, &kl);
		if (!kk)
			return 0;
		if (n && !tql_buf_addc(key, ' '))
			return 0;
		if (!tql_buf_add(key, kk, kl))
			return 0;
		ends[n++] = key->n;
	}
	for (size_t w = n; w > 0; w--) {
		const struct tql_hitlist *hl = tql_names_lookup(st->nm, st->lang, key->p, ends[w - 1]);
		/* entities without a row in this language use their English forms */
		if (!hl && strcmp(st->lang, "en") != 0 &&
		    (doc->tok[st->words[i]].script == USCRIPT_LATIN)) {
			hl = tql_names_lookup(st->nm, "en", key->p, ends[w - 1]);
			/* (an English row's errors are English errors: "Sergej Lavrov"
			 * is damage in English and the usual spelling in Italian) */
			bool usable = false, other_lang = false;
			for (size_t h = 0; hl && h < hl->n && !usable; h++) {
				other_lang |= hl->v[h].type != TQL_FORM_ERROR;
				const tql_name_row *hr = &st->nm->rows[hl->v[h].row];
				usable = hl->v[h].type != TQL_FORM_ERROR
				             ? !tql_names_entity_has_lang(st->nm, hr->id, st->lang)
				             /* ... unless the name is not Cyrillic in origin: a
				              * Russian-mediated "Yun Sok Yol" is wrong everywhere */
				             : !tql_names_row_lang(hr, st->lang, true) &&
				                   tql_names_row_lang(hr, st->lang, false) &&
				                   !cyrillic_origin(st->nm, hr->id);
			}
			if (!usable)
				hl = NULL;
			/* a longer name in its English form, the entity having its
			 * own form here ("Santo Domingo" in French): foreign_form's,
			 * not a shorter name inside it (Akiko Santo) */
			if (!usable && other_lang && w >= 2) {
				foreign_longer = true;
				break;
			}
		}
		if (!hl)
			continue;
		/* all-capital forms (acronyms) match only all-capital text */
		bool ok = false;
		for (size_t h = 0; h < hl->n && !ok; h++) {
			if (!hl->v[h].acronym)
				ok = true;
			else
				ok = w == 1 && (doc->tok[st->words[i]].flags & TQL_TF_ALL_UPPER);
		}
		if (!ok)
			continue;
		*out = hl;
		best = w;
		key->n = ends[w - 1];
		key->p[key->n] = '\0';
		break;
	}
	if (best || foreign_longer)
		return best;
	/* languages with case endings: match on stems ("Зеленского") */
	tql_buf sk = {0};
	tql_buf alts = {0}, fb = {0};
	for (size_t w = n; w > 0 && !best; w--) {
		sk.n = 0;
		if (!tql_names_stem_key(st->lang, key->p, ends[w - 1], &sk))
			break;
		const struct tql_hitlist *hl = tql_names_stem(st->nm, st->lang, sk.p, sk.n);
		/* only forms the words are cases of: one stem is not enough
		 * ("Роберт Фицо", Robert Fico, is no case of a Cyrillic-lettered
		 * "Роберто Фицо", Roberto Fico, though both cut to роберт фиц-) */
		if (hl && doc->tok[st->words[i]].script == USCRIPT_CYRILLIC) {
			size_t n2 = 0;
			for (size_t h = 0; h < hl->n && n2 < 32; h++)
				if (case_of_form(st->lang, key->p, ends[w - 1], hl->v[h].form, &fb))
					st->declined[n2++] = hl->v[h];
			st->declinedl.v = st->declined;
			st->declinedl.n = n2;
			hl = n2 ? &st->declinedl : NULL;
		}
		/* a form that ends like a case ending itself: "Мирзиёева" is
		 * "Мирзиёев" + a, whose own stem is shorter; "Алиевым" may be
		 * his (Алиев) or, by stem, hers (Алиева): both are candidates */
		const struct tql_hitlist *he =
			doc->tok[st->words[i]].script == USCRIPT_CYRILLIC && sk.n < ends[w - 1]
				? tql_names_lookup(st->nm, st->lang, sk.p, sk.n)
				: NULL;
		/* other cuts of the endings ("Марией": мари-, not марие-) */
		/* (German has one cut only, tried above) */
		alts.n = 0;
		size_t na = hl || he || doc->tok[st->words[i]].script != USCRIPT_CYRILLIC
		                ? 0
		                : tql_names_stem_keys(st->lang, key->p, ends[w - 1], false, &alts, 8);
		/* (a form this text declines: "Сергей" is not a case of
		 * Ukrainian "Сергій", though both cut to серг-) */
		for (size_t q = 1, at = na ? strlen(alts.p) + 1 : 0; q < na && !hl; q++) {
			size_t al = strlen(alts.p + at);
			const struct tql_hitlist *ah = tql_names_stem(st->nm, st->lang, alts.p + at, al);
			at += al + 1;
			size_t n2 = 0;
			for (size_t h = 0; ah && h < ah->n && n2 < 32; h++) {
				fb.n = 0;
				if (tql_fold(ah->v[h].form, strlen(ah->v[h].form), &fb) &&
				    tql_names_same_inflected(st->lang, key->p, ends[w - 1], fb.p, fb.n))
					st->merged[n2++] = ah->v[h];
			}
			if (n2) {
				st->mergedl.v = st->merged;
				st->mergedl.n = n2;
				hl = &st->mergedl;
			}
		}
		/* a vowel that changes or drops before the ending ("Харкова",
		 * "Єгипту"): one word with an ending cut */
		for (size_t q = 0, at = 0; q < na && !hl && w == 1; q++) {
			size_t al = strlen(alts.p + at);
			if (al < ends[0])
				hl = tql_names_oblique(st->nm, st->lang, alts.p + at, al);
			at += al + 1;
		}
		if (hl && he) {
			size_t n2 = 0;
			for (int li = 0; li < 2; li++) {
				const struct tql_hitlist *src = li ? hl : he;
				for (size_t h = 0; h < src->n && n2 < 32; h++)
					st->merged[n2++] = src->v[h];
			}
			st->mergedl.v = st->merged;
			st->mergedl.n = n2;
			hl = &st->mergedl;
		} else if (he) {
			hl = he;
		}
		if (hl) {
			*out = hl;
			best = w;
			key->n = ends[w - 1];
			key->p[key->n] = '\0';
		}
	}
	tql_buf_free(&sk);
	tql_buf_free(&alts);
	tql_buf_free(&fb);
	return best;
}

/* The accented letters of a language's alphabet (lower case, UTF-8). */
static const char *alphabet_accents(const char *lang)
{
	static const struct {
		const char *lang, *letters;
	} tab[] = {
		/* with the accents of other languages its press keeps
		 * (German: "Andrónico Rodríguez", "Luís Montenegro"; Spanish:
		 * "Pere Aragonès", "Jean-Noël Barrot"); French and Italian
		 * press often drop Portuguese ones (Antonio Costa) */
		{"de", "äöüß" "áéíóúñàèìòùçâêîôûëïãõ"},
		{"es", "áéíóúñü" "àèìòùçëïâêîô"},
		{"fr", "éèêëàâîïôûùüçœÿ"},
		{"it", "àèéìòù"},
	};
	for (size_t i = 0; lang && i < sizeof tab / sizeof *tab; i++)
		if (strcmp(tab[i].lang, lang) == 0)
			return tab[i].letters;
	return NULL;
}

/* How a text differs from a table form of the same letters, letter by
 * letter, case aside. */
typedef struct accent_diff {
	bool added;   /* an accented letter the form does not have there */
	bool missing; /* a bare letter where the form has an accented letter of
	                 the alphabet `abc` (not a French capital) */
	bool other;   /* any other difference */
} accent_diff;

/* The base letter of an accented letter (é -> e), or c itself. */
static UChar32 base_letter(UChar32 c)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfd = unorm2_getNFDInstance(&err);
	UChar buf[8];
	int32_t n = U_SUCCESS(err) ? unorm2_getRawDecomposition(nfd, c, buf, 8, &err) : 0;
	if (U_FAILURE(err) || n <= 0)
		return c;
	UChar32 b;
	U16_GET(buf, 0, 0, n, b);
	return b;
}

/* Compares text t with form f; false if they differ in length (in code
 * points) or either is not valid UTF-8. */
static bool diff_accents(const char *t, size_t tn, const char *f, const char *abc, bool fr,
                         accent_diff *out)
{
	size_t fn = strlen(f), i = 0, j = 0;
	*out = (accent_diff){false, false, false};
	while (i < tn && j < fn) {
		UChar32 c, d;
		U8_NEXT(t, i, tn, c);
		U8_NEXT(f, j, fn, d);
		if (c < 0 || d < 0)
			return false;
		UChar32 lc = u_tolower(c), ld = u_tolower(d);
		if (lc == ld)
			continue;
		char enc[8];
		int32_t el = 0;
		U8_APPEND_UNSAFE(enc, el, ld);
		enc[el] = '\0';
		if (lc >= 0x80 && u_isalpha(lc))
			out->added = true;
		else if (abc && lc < 0x80 && ld >= 0x80 && strstr(abc, enc) && !(fr && u_isupper(d)))
			out->missing = true;
		else if (lc < 0x80 && ld >= 0x80 && base_letter(ld) == lc)
			continue; /* a mark the language does not use, dropped (João) */
		else
			out->other = true;
	}
	return i == tn && j == fn; /* ("Le Pen's": only forms of the same length) */
}

/* Is every accented word of text t a word of row r's canonical form
 * ("Bruno Rodríguez" matches the accepted "Bruno Rodriguez", but the
 * canonical "Bruno Rodríguez Parrilla" has that accent)? */
static bool accented_words_of(const char *t, size_t tn, const tql_name_row *r)
{
	bool some = false;
	for (size_t i = 0; i < tn;) {
		size_t l = 0;
		while (i + l < tn && t[i + l] != ' ')
			l++;
		bool acc = false;
		for (size_t k = 0; k < l && !acc; k++)
			acc = (unsigned char)t[i + k] >= 0x80;
		if (acc) {
			if (!tql_nt_words_within_n(t + i, l, r->canonical))
				return false;
			some = true;
		}
		i += l + 1;
	}
	return some;
}

/* Does the text carry an accented letter where no correct form of the
 * name in any Latin-script language has it (the same letters otherwise)?
 * Missing accents are a house style (Nicusor); added or moved ones are
 * mistakes. *right gets the table form to suggest. */
static bool misplaced_accent(nstate *st, const char *t, size_t tn, const char *key, size_t klen,
                             const char **right)
{
	bool accented = false;
	for (size_t i = 0; i < tn && !accented; i++)
		accented = (unsigned char)t[i] >= 0x80;
	if (!accented)
		return false;
	bool any = false;
	for (const char *const *l = latin_langs; *l; l++) {
		const struct tql_hitlist *hl = tql_names_lookup(st->nm, *l, key, klen);
		for (size_t h = 0; hl && h < hl->n; h++) {
			accent_diff d;
			if (hl->v[h].type == TQL_FORM_ERROR ||
			    !diff_accents(t, tn, hl->v[h].form, NULL, false, &d))
				continue;
			if (!d.added || accented_words_of(t, tn, &st->nm->rows[hl->v[h].row]))
				return false; /* one correct form has these letters */
			any = true;
			if (!*right)
				*right = hl->v[h].form;
		}
	}
	return any;
}

/* Has form f an accented Latin letter outside the alphabet abc (lower
 * case)? */
static bool foreign_marks(const char *f, const char *abc)
{
	size_t n = strlen(f);
	for (size_t i = 0; i < n;) {
		UChar32 c;
		U8_NEXT(f, i, n, c);
		if (c < 0x80 || !u_isalpha(c))
			continue;
		char enc[8];
		int32_t el = 0;
		UChar32 lc = u_tolower(c);
		U8_APPEND_UNSAFE(enc, el, lc);
		enc[el] = '\0';
		if (base_letter(lc) != lc && !strstr(abc, enc))
			return true;
	}
	return false;
}

/* Is the name [i, i+w) joined by a space to a capitalised word that the
 * document's language does not know and that carries a mark its alphabet
 * lacks ("Sông Hồng", "Hồ Chí Minh")? Then the name is given in its own
 * orthography, whose accents are no garble. */
static bool beside_native_word(nstate *st, size_t i, size_t w)
{
	const tql_doc *doc = st->ctx->doc;
	const char *abc = alphabet_accents(st->lang);
	for (int dir = -1; dir <= 1; dir += 2) {
		if ((dir < 0 && i == 0) || (dir > 0 && i + w >= st->nwords))
			continue;
		size_t k = dir < 0 ? i - 1 : i + w;
		size_t lo = dir < 0 ? k : k - 1;
		if (st->words[lo + 1] - st->words[lo] != 2 ||
		    doc->tok[st->words[lo] + 1].kind != TQL_TOK_SPACE)
			continue;
		const tql_token *t = &doc->tok[st->words[k]];
		if (!(t->flags & TQL_TF_UPPER_INITIAL) || t->len >= 64)
			continue;
		char wbuf[64];
		memcpy(wbuf, doc->text + t->off, t->len);
		wbuf[t->len] = '\0';
		if (foreign_marks(wbuf, abc ? abc : "") &&
		    tql_spell(st->ctx->chk, st->ctx->lang, wbuf, t->len) == 0)
			return true;
	}
	return false;
}

/* Does the document write some word with a letter its language's
 * alphabet abc lacks ("João Félix" in Italian): then it keeps foreign
 * names' marks. Mojibake aside (its letters are no name's). */
static bool text_keeps_marks(nstate *st, const char *abc)
{
	if (st->foreign_marks >= 0)
		return st->foreign_marks;
	const tql_doc *doc = st->ctx->doc;
	st->foreign_marks = 0;
	char w[128];
	for (size_t i = 0; i < st->nwords && !st->foreign_marks; i++) {
		const tql_token *t = &doc->tok[st->words[i]];
		if (t->script != USCRIPT_LATIN || t->len >= sizeof w ||
		    tql_nt_odd_letters(doc->text + t->off, t->len, USCRIPT_LATIN))
			continue;
		memcpy(w, doc->text + t->off, t->len);
		w[t->len] = '\0';
		st->foreign_marks = foreign_marks(w, abc);
	}
	return st->foreign_marks;
}

/*
 * Does the text lack an accent that every correct form of the name in the
 * document's language has, on a letter of that language's own alphabet
 * ("Pedro Sanchez", "Soder" in German text)? Where the alphabet has no
 * such letter the accent is routinely dropped (Nicusor in English), and
 * French may drop accents on capitals (Elysée). *right gets the form.
 */
static bool missing_accent(nstate *st, const char *t, size_t tn, const char *key, size_t klen,
                           const char **right)
{
	const char *abc = alphabet_accents(st->lang);
	if (!abc)
		return false;
	bool fr = strcmp(st->lang, "fr") == 0;
	const struct tql_hitlist *hl = tql_names_lookup(st->nm, st->lang, key, klen);
	bool any = false;
	/* (German genitive: "Brussels" for Brüssel's genitive Brüssels) */
	bool gen = strcmp(st->lang, "de") == 0 && tn > 4 && t[tn - 1] == 's' && klen > 4 &&
	           key[klen - 1] == 's';
	if (!hl && gen)
		hl = tql_names_lookup(st->nm, st->lang, key, klen - 1);
	for (size_t h = 0; hl && h < hl->n; h++) {
		accent_diff d;
		/* (a name that also has letters this language's alphabet lacks
		 * is written without any of its marks: "Peter Szijjarto" for
		 * Péter Szijjártó in French) */
		if (hl->v[h].type == TQL_FORM_ERROR ||
		    (foreign_marks(hl->v[h].form, abc) && !text_keeps_marks(st, abc)) ||
		    !(diff_accents(t, tn, hl->v[h].form, abc, fr, &d) ||
		      (gen && diff_accents(t, tn - 1, hl->v[h].form, abc, fr, &d))) ||
		    d.added || d.other)
			continue;
		if (!d.missing)
			return false; /* written as one correct form */
		any = true;
		if (!*right)
			*right = hl->v[h].form;
	}
	return any;
}

/* Emits name.variant for error hits; records mentions. */
enum { GV_FAR, GV_CLOSE, GV_OWN, GV_CLOSE_INFLECTED, GV_CLOSE_PREFIX };

/* Is the folded key one of the row's family names? */
static bool is_family_key(const char *lang, const tql_name_row *r, const char *key)
{
	tql_buf fb = {0}, sk = {0}, fs = {0};
	bool yes = false;
	/* an inflected family name ("Алиевым", "Зеленского") */
	bool stemmed = tql_names_stem_key(lang, key, strlen(key), &sk);
	for (char **f = r->family; *f && !yes; f++) {
		fb.n = fs.n = 0;
		if (!tql_fold(*f, strlen(*f), &fb))
			break;
		yes = strcmp(fb.p, key) == 0 ||
		      (stemmed && (strcmp(fb.p, sk.p) == 0 ||
		                   (tql_names_stem_key(lang, fb.p, fb.n, &fs) && strcmp(fs.p, sk.p) == 0)));
	}
	tql_buf_free(&fb);
	tql_buf_free(&sk);
	tql_buf_free(&fs);
	return yes;
}

/* Do folded a and b differ by one vowel written for another only (Khalid
 * and Khaled, Mohammed and Muhammed: romanisations of one name)? */
static bool vowel_for_vowel(const char *a, size_t an, const char *b, size_t bn)
{
	if (an != bn)
		return false;
	size_t diff = 0;
	for (size_t i = 0; i < an; i++) {
		if (a[i] == b[i])
			continue;
		if (!strchr("aeiou", a[i]) || !strchr("aeiou", b[i]) || !a[i] || !b[i])
			return false;
		diff++;
	}
	return diff == 1;
}

/* The word of the multi-word given name gv (folded or not) that the folded
 * word g is one letter off, or NULL. */
static const char *given_word_off(const char *gv, const char *g, size_t gl)
{
	for (const char *q = gv; *q;) {
		size_t k = strcspn(q, " ");
		tql_buf f = {0};
		bool one = tql_fold(q, k, &f) && tql_names_osa(f.p, f.n, g, gl) == 1 &&
		           !vowel_for_vowel(f.p, f.n, g, gl);
		tql_buf_free(&f);
		if (one)
			return q;
		q += k + (q[k] == ' ');
	}
	return NULL;
}

/* Does the folded name end in a, e, i or y? Of two given names with one
 * start, one ending so and one not are mostly a woman's and a man's
 * (Michelle / Michael, Christina / Christian, Paula / Paul): two people. */
static bool vowel_end(const char *g, size_t n)
{
	return n && strchr("aeiy", g[n - 1]) != NULL;
}

/* Does the document name person r with one of r's given names before
 * the family name as token fam writes it ("Christian Stocker")? */
static bool person_named(nstate *st, const tql_name_row *r, const tql_token *fam)
{
	const tql_doc *doc = st->ctx->doc;
	char full[256];
	for (char **gv = r->given; *gv; gv++) {
		int n = snprintf(full, sizeof full, "%s %.*s", *gv, (int)fam->len, doc->text + fam->off);
		if (n > 0 && (size_t)n < sizeof full && tql_nt_find_word(doc, full, (size_t)n) != SIZE_MAX)
			return true;
	}
	return false;
}

/* Is the folded Cyrillic word g person r's Latin given name with its J
 * read the English way ("Каджа" for Kaja, Кая; "Джусси" for Jussi,
 * Юсси): g writes "дж" where r's own given names do not, and reads (as
 * English spellings are transcribed) as a given name of r's English row
 * that has a j? */
static bool english_j_given(const tql_names *nm, const tql_name_row *r, const char *g, size_t gl)
{
	static const char dzh[] = "\xD0\xB4\xD0\xB6"; /* дж */
	const tql_name_row *en = tql_names_entity_row(nm, r->id, "en");
	if (!en || en == r || tql_u8_count(g, gl) < 4 || !strstr(g, dzh))
		return false;
	tql_buf gk = {0}, f = {0}, k = {0};
	bool own_dzh = false, same = false;
	for (char **gv = r->given; *gv && !own_dzh; gv++) {
		f.n = 0;
		own_dzh = tql_fold(*gv, strlen(*gv), &f) && strstr(f.p, dzh);
	}
	if (!own_dzh && tql_names_cyr_key(g, gl, &gk) && gk.n >= 3)
		for (char **gv = en->given; *gv && !same; gv++) {
			f.n = k.n = 0;
			same = tql_fold(*gv, strlen(*gv), &f) && strchr(f.p, 'j') &&
			       tql_names_phonetic(f.p, f.n, &k) && k.n == gk.n && memcmp(k.p, gk.p, gk.n) == 0;
		}
	tql_buf_free(&gk);
	tql_buf_free(&f);
	tql_buf_free(&k);
	return same;
}

/* How does the word g (folded) before the family name `fam` (a token)
 * stand to the given names of person r: the person's own (GV_OWN), a
 * garble or another language's form of it (GV_CLOSE), with `weak`
 * another given name of the same start where the document names r rightly
 * too (GV_CLOSE_PREFIX), or unrelated? */
static int given_verdict(nstate *st, const tql_name_row *r, const char *g, size_t gl,
                         const tql_token *fam, bool weak)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	int gset = tql_names_cognate(st->nm, g, gl);
	bool known_given = gset || tql_names_is_given(st->nm, g, gl);
	tql_buf gb = {0};
	bool own = false, close = false, cognate = false, close1 = false, inflected = false;
	bool prefix = false;
	for (char **gv = r->given; *gv && !own; gv++) {
		gb.n = 0;
		/* "Recep Tayyip": any word of a multi-word given name is his */
		if (tql_fold(*gv, strlen(*gv), &gb) && tql_nt_words_within(g, gb.p))
			own = true;
		if (!gb.n)
			continue;
		/* ... also inflected ("Сергея Лаврова", "Сергеем Лавровым") */
		if (fam->script == USCRIPT_CYRILLIC && inflection_of(st->lang, g, gl, gb.p, gb.n)) {
			own = true;
			break;
		}
		/* MT garbles a given name into a near form (Keira / Keir) ... */
		int d = tql_names_osa(g, gl, gb.p, gb.n);
		if (d <= 2) /* tql_names_osa() caps at 3: 3 means "far" */
			close = true;
		if (d == 1 && tql_u8_count(g, gl) >= 4)
			close1 = true; /* one letter off (Emanuel, Kaya, Андрий) */
		/* (or one word of a given name of several: "Sri Muliyani
		 * Indrawati" for Sri Mulyani) */
		if (!close1 && fam->script == USCRIPT_LATIN && strchr(gb.p, ' ') &&
		    tql_u8_count(g, gl) >= 5 && given_word_off(gb.p, g, gl))
			close = close1 = true;
		/* ... also when inflected in Russian or Ukrainian ("Михеила" is
		 * the genitive of a garbled "Михаил") */
		tql_buf s1 = {0}, s2 = {0};
		if (!close1 && d > 1 && fam->script == USCRIPT_CYRILLIC &&
		    tql_names_stem_key(st->lang, g, gl, &s1) && tql_names_stem_key(st->lang, gb.p, gb.n, &s2) &&
		    tql_u8_count(s1.p, s1.n) >= 4 &&
		    (tql_names_osa(s1.p, s1.n, s2.p, s2.n) == 1 ||
		     /* (a name that ends like a case ending: "Илхамом" / "Ильхам") */
		     tql_names_osa(s1.p, s1.n, gb.p, gb.n) == 1))
			close = close1 = inflected = true;
		tql_buf_free(&s1);
		tql_buf_free(&s2);
		/* ... or spells its sounds another way (Christie / Kristi) */
		/* (not another known given name: George is no Greg) */
		if (d <= 3 && tql_u8_count(g, gl) >= 4 && tql_nt_same_skeleton(g, gl, gb.p, gb.n) &&
		    (d <= 1 || !tql_names_is_given(st->nm, g, gl)))
			close = close1 = true;
		/* ... or puts in another given name with the same first three
		 * letters and the same kind of ending (Christopher for Christian,
		 * Franco for Francesco): a family member is rarely named so alike */
		if (weak && !close && known_given && fam->script == USCRIPT_LATIN &&
		    tql_u8_count(g, gl) >= 4 && tql_u8_count(gb.p, gb.n) >= 4 &&
		    tql_u8_count(g, tql_nt_same_start(g, gl, gb.p, gb.n)) >= 3 &&
		    vowel_end(g, gl) == vowel_end(gb.p, gb.n))
			prefix = true;
		/* Sergej for Sergei in Italian: that language's transliteration */
		if (local_translit(st->nm, st->lang, r, g, gl, gb.p, gb.n))
			own = true;
		/* ... or puts another language's form of it (Frédéric / Friedrich) */
		if (gset && tql_names_cognate(st->nm, gb.p, gb.n) == gset)
			cognate = true;
	}
	tql_buf_free(&gb);
	if (own)
		return GV_OWN;
	/* ... or the person's Latin given name read the English way, written
	 * in Cyrillic ("Каджа Каллас" for Kaja, Кая; "Джусси" for Jussi) */
	if (!close1 && fam->script == USCRIPT_CYRILLIC && english_j_given(st->nm, r, g, gl))
		close = close1 = true;
	/* common surnames (Williams, Blair) belong to many people the table does
	 * not know: only a family name the dictionary does not know is
	 * distinctive, unless the given name is this person's in another language */
	if (!cognate && !close1 && fam->script != USCRIPT_CYRILLIC &&
	    tql_spell(ctx->chk, ctx->lang, doc->text + fam->off, fam->len) != 0)
		return GV_FAR; /* (uk_UA and ru_RU list many surnames: not a signal there) */
	/* a capitalised word before the family name is a given name if lists
	 * know it, or if it is one letter from this person's own */
	if (!known_given && !close1)
		return GV_FAR;
	close |= cognate;
	/* ... or into the form of another language (Vladimir for Volodymyr):
	 * the romanised Cyrillic given name of the same person */
	const struct tql_hitlist *th = tql_names_tphon(st->nm, g);
	for (size_t h = 0; th && h < th->n && !close; h++)
		close = strcmp(st->nm->rows[th->v[h].row].id, r->id) == 0;
	if (!close && prefix && person_named(st, r, fam))
		return GV_CLOSE_PREFIX;
	return !close ? GV_FAR : inflected ? GV_CLOSE_INFLECTED : GV_CLOSE;
}

/* Offset of the first occurrence of name s (n bytes) in the document,
 * written exactly or, word by word, with the same folded key ("Edmundo
 * Gonzalez" finds "Edmundo González"); SIZE_MAX if none. A folded match
 * is copied over s (which has room for cap bytes) when it fits. */
static size_t find_name(nstate *st, char *s, size_t n, size_t cap)
{
	const tql_doc *doc = st->ctx->doc;
	size_t at = tql_nt_find_word(doc, s, n);
	if (at != SIZE_MAX)
		return at;
	tql_buf f = {0};
	const char *w[8];
	size_t wl[8], nw = 0;
	if (!tql_fold(s, n, &f)) {
		tql_buf_free(&f);
		return SIZE_MAX;
	}
	for (const char *p = f.p; *p && nw < 8;) {
		size_t l = strcspn(p, " ");
		if (l) {
			w[nw] = p;
			wl[nw++] = l;
		}
		p += l;
		while (*p == ' ')
			p++;
	}
	for (size_t i = 0; nw && i + nw <= st->nwords && at == SIZE_MAX; i++) {
		bool ok = true;
		for (size_t k = 0; k < nw && ok; k++) {
			size_t kl;
			const char *kk = word_key(st, i + k, &kl);
			ok = kk && kl == wl[k] && memcmp(kk, w[k], kl) == 0 &&
			     (k == 0 || joinable(doc, st->words[i + k - 1], st->words[i + k]));
		}
		if (ok) {
			at = doc->tok[st->words[i]].off;
			const tql_token *e = &doc->tok[st->words[i + nw - 1]];
			size_t len = e->off + e->len - at;
			if (len < cap) {
				memcpy(s, doc->text + at, len);
				s[len] = '\0';
			}
		}
	}
	tql_buf_free(&f);
	return at;
}

/* When the document also writes the name rightly (right, rn bytes, in a
 * buffer of cap bytes; found as find_name() does), reports the text at
 * [off, off+len) as a second spelling: consistency.name, "use one <what>".
 * False: out of memory. */
static bool written_elsewhere(nstate *st, size_t off, size_t len, char *right, int rn, size_t cap,
                              const char *what)
{
	const tql_doc *doc = st->ctx->doc;
	size_t at;
	if (rn <= 0 || (size_t)rn >= cap || (at = find_name(st, right, (size_t)rn, cap)) == SIZE_MAX)
		return true;
	return tql_emit(st->ctx, "consistency.name", off, len, right, false,
	                "'%.*s' is written '%s' elsewhere in this document (line %d); use one %s",
	                (int)len, doc->text + off, right, tql_nt_line_of(doc, at), what);
}

/* "Luis Inacio Lula da Silva": the last word of a person's two-word given
 * name stands right before the family name, and the word before it is
 * another language's form (Luis / Luiz) or a garble of the first.
 * Word i starts the family name, which ends at byte `end`; false: out of
 * memory. */
static bool first_given_word(nstate *st, const tql_name_row *r, size_t i, const char *g, size_t gl,
                             size_t end)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	if (i < 2 || !r->given[0] || !strpbrk(r->given[0], " -"))
		return true;
	const tql_token *t0 = &doc->tok[st->words[i - 2]];
	const tql_token *sep = &doc->tok[st->words[i - 1] - 1];
	if (!(t0->flags & TQL_TF_UPPER_INITIAL) || (t0->flags & TQL_TF_ALL_UPPER) ||
	    st->words[i - 1] - st->words[i - 2] != 2 ||
	    !(sep->kind == TQL_TOK_SPACE || (sep->len == 1 && doc->text[sep->off] == '-')))
		return true;
	tql_buf gb = {0};
	if (!tql_fold(r->given[0], strlen(r->given[0]), &gb)) {
		tql_buf_free(&gb);
		return false;
	}
	/* exactly two words, the second the one before the family name */
	const char *sp = strchr(gb.p, ' ');
	const char *last = sp ? sp + 1 : NULL;
	size_t fn = sp ? (size_t)(sp - gb.p) : 0;
	char first[64];
	bool ok = true;
	if (last && !strchr(last, ' ') && strlen(last) == gl && memcmp(last, g, gl) == 0 &&
	    fn < sizeof first) {
		memcpy(first, gb.p, fn);
		first[fn] = '\0';
		size_t kl;
		const char *k = word_key(st, i - 2, &kl);
		int set = k ? tql_names_cognate(st->nm, k, kl) : 0;
		bool close = k && (kl != fn || memcmp(k, first, fn) != 0) &&
		             ((set && tql_names_cognate(st->nm, first, fn) == set) ||
		              (tql_u8_count(k, kl) >= 4 && tql_names_osa(k, kl, first, fn) == 1));
		char sugg[64];
		snprintf(sugg, sizeof sugg, "%.*s", (int)strcspn(r->given[0], " -"), r->given[0]);
		if (close)
			ok = tql_emit(ctx, "name.given-name", t0->off, t0->len, sugg, true,
			              "'%.*s': the given name of %s is '%s'", (int)(end - t0->off),
			              doc->text + t0->off, r->canonical, r->given[0]);
		/* the document names the person rightly elsewhere */
		char right[256];
		size_t rest = t0->off + t0->len;
		int rn = snprintf(right, sizeof right, "%s%.*s", sugg, (int)(end - rest), doc->text + rest);
		if (close && ok)
			ok = written_elsewhere(st, t0->off, end - t0->off, right, rn, sizeof right, "form");
	}
	tql_buf_free(&gb);
	return ok;
}

/* Is person r named family name first (Xi Jinping, Lee Jae-myung)? */
static bool family_first(const tql_name_row *r)
{
	for (char **f = r->family; *f; f++) {
		size_t fl = strlen(*f);
		if (r->given[0] && strncmp(r->canonical, *f, fl) == 0 && r->canonical[fl] == ' ')
			return true;
	}
	return false;
}

/* "Takaichi Sanae" where the document also writes "Sanae Takaichi": the
 * family name first (Japanese order, a legitimate style) and the table's
 * given-name-first order in one document. Words [i, i+w) are the family
 * name `key`; false: out of memory. */
static bool order_consistency(nstate *st, size_t i, size_t w, const tql_name_row *r,
                              const char *key)
{
	const tql_doc *doc = st->ctx->doc;
	if (r->kind != TQL_NK_PERSON || !r->given[0] || family_first(r) || i + w >= st->nwords ||
	    !only_space(doc, st->words[i + w - 1], st->words[i + w]) ||
	    !is_family_key(st->lang, r, key))
		return true;
	size_t nl;
	const char *nk = word_key(st, i + w, &nl);
	tql_buf gb = {0};
	bool given = nk && tql_fold(r->given[0], strlen(r->given[0]), &gb) && gb.n == nl &&
	             memcmp(gb.p, nk, nl) == 0;
	tql_buf_free(&gb);
	if (!given)
		return true;
	char right[256];
	int rn = snprintf(right, sizeof right, "%s", r->canonical);
	const tql_token *a = &doc->tok[st->words[i]], *b = &doc->tok[st->words[i + w]];
	return written_elsewhere(st, a->off, b->off + b->len - a->off, right, rn, sizeof right, "order");
}

/* "Vuong Din Hue" for Vuong Dinh Hue: a person written family name first
 * (Vietnamese, Chinese, Korean order), the family name matched alone at
 * word i, followed by as many capitalised words as the given name has, one
 * letter from it (Latin script; a given name of six letters or more; the
 * words together no other person of the table). False: out of memory. */
static bool given_after_family(nstate *st, size_t i, size_t w, const tql_name_row *r,
                               const char *key)
{
	const tql_doc *doc = st->ctx->doc;
	if (r->kind != TQL_NK_PERSON || !r->given[0] || !family_first(r) || w != 1 ||
	    !is_family_key(st->lang, r, key))
		return true;
	tql_buf gb = {0}, tb = {0};
	bool ok = true;
	/* (Latin script: Russian declines the given name, "То Ламе") */
	if (doc->tok[st->words[i]].script != USCRIPT_LATIN ||
	    !tql_fold(r->given[0], strlen(r->given[0]), &gb) || tql_u8_count(gb.p, gb.n) < 6)
		goto out;
	size_t gw = nwords_of(gb.p);
	if (i + w + gw > st->nwords)
		goto out;
	for (size_t k = 0; k < gw; k++) {
		size_t wi = i + w + k;
		const tql_token *t = &doc->tok[st->words[wi]];
		size_t kl;
		const char *kk = word_key(st, wi, &kl);
		if (!kk || !(t->flags & TQL_TF_UPPER_INITIAL) ||
		    !only_space(doc, st->words[wi - 1], st->words[wi]) ||
		    (k && !tql_buf_addc(&tb, ' ')) || !tql_buf_add(&tb, kk, kl))
			goto out;
	}
	if (tql_names_osa(tb.p, tb.n, gb.p, gb.n) != 1)
		goto out;
	/* (the words with the family name: another person the table knows) */
	tql_buf full = {0};
	bool other = tql_buf_add(&full, key, strlen(key)) && tql_buf_addc(&full, ' ') &&
	             tql_buf_add(&full, tb.p, tb.n) &&
	             tql_names_lookup(st->nm, st->lang, full.p, full.n) != NULL;
	tql_buf_free(&full);
	if (other)
		goto out;
	const tql_token *a = &doc->tok[st->words[i + w]];
	const tql_token *b = &doc->tok[st->words[i + w + gw - 1]];
	ok = tql_emit(st->ctx, "name.given-name", a->off, b->off + b->len - a->off, r->given[0], false,
	              "'%.*s': the given name of %s is '%s'", (int)(b->off + b->len - a->off),
	              doc->text + a->off, r->canonical, r->given[0]);
out:
	tql_buf_free(&gb);
	tql_buf_free(&tb);
	return ok;
}

/* Is word i preceded by a given name of one of the people in hl? */
static bool given_before(nstate *st, size_t i, const struct tql_hitlist *hl)
{
	size_t gl;
	const char *g;
	if (i == 0 || !only_space(st->ctx->doc, st->words[i - 1], st->words[i]) ||
	    (g = word_key(st, i - 1, &gl)) == NULL)
		return false;
	tql_buf gb = {0};
	bool yes = false;
	for (size_t h = 0; h < hl->n && !yes; h++)
		for (char **gv = st->nm->rows[hl->v[h].row].given; *gv && !yes; gv++) {
			gb.n = 0;
			yes = tql_fold(*gv, strlen(*gv), &gb) && tql_nt_words_within(g, gb.p);
		}
	tql_buf_free(&gb);
	return yes;
}

/* Is word i, perhaps inflected, the given name of a known person whose
 * family name is the next word ("Хакима Джеффриса")? */
static bool own_given_of_next(nstate *st, size_t i)
{
	const tql_doc *doc = st->ctx->doc;
	if (i + 1 >= st->nwords || !only_space(doc, st->words[i], st->words[i + 1]))
		return false;
	size_t gl, fl;
	const char *g = word_key(st, i, &gl);
	char gk[128];
	if (!g || gl >= sizeof gk)
		return false;
	memcpy(gk, g, gl + 1);
	const char *f = word_key(st, i + 1, &fl);
	if (!f)
		return false;
	const struct tql_hitlist *hl = tql_names_lookup(st->nm, st->lang, f, fl);
	tql_buf sk = {0}, gb = {0};
	if (!hl && tql_names_stem_key(st->lang, f, fl, &sk))
		hl = tql_names_stem(st->nm, st->lang, sk.p, sk.n);
	bool yes = false;
	for (size_t h = 0; hl && h < hl->n && !yes; h++) {
		const tql_name_row *r = &st->nm->rows[hl->v[h].row];
		if (r->kind != TQL_NK_PERSON || hl->v[h].type == TQL_FORM_ERROR)
			continue;
		for (char **gv = r->given; *gv && !yes; gv++) {
			gb.n = 0;
			yes = tql_fold(*gv, strlen(*gv), &gb) &&
			      (strcmp(gb.p, gk) == 0 || same_stem(st->lang, gk, gl, gb.p, gb.n));
		}
	}
	tql_buf_free(&sk);
	tql_buf_free(&gb);
	return yes;
}

/*
 * A known family name of one person after a given name that is not theirs: the
 * name of another known person one letter away ("Mike Walz" is not Tim Walz
 * but Mike Waltz) is a near miss, with the given name as evidence.
 */
static tql_status family_one_off(nstate *st, size_t i, const struct tql_hitlist *fam, const char *g,
                                 size_t gl, const char *key, size_t klen)
{
	const tql_doc *doc = st->ctx->doc;
	const tql_token *a = &doc->tok[st->words[i]];
	/* (a word cut by mojibake, "VesiÄ‡", never gets here: see run) */
	if (tql_u8_count(key, klen) < 4 || a->script != USCRIPT_LATIN)
		return TQL_OK;
	/* a common word ("James Brown Fisk" is no James Browne) or a middle
	 * name before another capitalised word */
	if ((i + 1 < st->nwords && only_space(doc, st->words[i], st->words[i + 1]) &&
	     (doc->tok[st->words[i + 1]].flags & TQL_TF_UPPER_INITIAL)) ||
	    /* (not in German, where nouns and verb forms coincide: "walz") */
	    (strcmp(st->lang, "de") != 0 &&
	     tql_spell_lowered(st->ctx->chk, st->ctx->lang, doc->text + a->off, a->len) != 0))
		return TQL_OK;
	/* a family name several known people bear is common (Chen, Kim):
	 * "Paul Chen" is somebody, not a garbled Paul Chan */
	for (size_t h = 1; h < fam->n; h++)
		if (strcmp(st->nm->rows[fam->v[h].row].id, st->nm->rows[fam->v[0].row].id) != 0)
			return TQL_OK;
	const struct tql_hitlist *hl = tql_names_by_given(st->nm, st->lang, g, gl);
	if (!hl && strcmp(st->lang, "en") != 0)
		hl = tql_names_by_given(st->nm, "en", g, gl);
	const tql_name_hit *found = NULL;
	tql_buf f = {0};
	for (size_t h = 0; hl && h < hl->n; h++) {
		const tql_name_row *r = &st->nm->rows[hl->v[h].row];
		f.n = 0;
		if (!tql_fold(hl->v[h].form, strlen(hl->v[h].form), &f) ||
		    tql_names_osa(key, klen, f.p, f.n) != 1)
			continue;
		if (found && strcmp(st->nm->rows[found->row].id, r->id) != 0) {
			found = NULL; /* two people: stay quiet */
			break;
		}
		found = &hl->v[h];
	}
	tql_buf_free(&f);
	if (!found)
		return TQL_OK;
	const tql_name_row *r = &st->nm->rows[found->row];
	const tql_token *pv = &st->ctx->doc->tok[st->words[i - 1]];
	const char *text = st->ctx->doc->text;
	tql_name_hit x = *found;
	x.type = TQL_FORM_ERROR;
	if (!tql_emit(st->ctx, "name.near-miss", a->off, a->len, found->form, false,
	              "'%.*s %.*s' is not a known name; did you mean '%s' (%s)?", (int)pv->len,
	              text + pv->off, (int)a->len, text + a->off, found->form, r->canonical) ||
	    !add_mention(st, &x, key, klen, a->off, a->len))
		return TQL_ENOMEM;
	return TQL_OK;
}

/* Does a name go on after word i: a capitalised word next, or a
 * particle and one ("Antonio del Moral", "Juan de la Cruz")? */
static bool name_continues(nstate *st, size_t i)
{
	static const char *const particles[] = {"de", "del", "della", "di", "da", "dos", "das",
	                                        "van", "von", "la", "le", "du", NULL};
	const tql_doc *doc = st->ctx->doc;
	for (size_t k = i, np = 0; k + 1 < st->nwords && np < 3; k++, np++) {
		if (!only_space(doc, st->words[k], st->words[k + 1]))
			return false;
		const tql_token *t = &doc->tok[st->words[k + 1]];
		if (t->flags & TQL_TF_UPPER_INITIAL)
			return true;
		bool particle = false;
		for (const char *const *q = particles; *q && !particle; q++)
			particle = t->len == strlen(*q) && memcmp(doc->text + t->off, *q, t->len) == 0;
		if (!particle)
			return false;
	}
	return false;
}

/* Is the one-word name at word i, a person's, rather somebody else's: after
 * a capitalised word that is not one of the person's given names ("Darwin
 * Núñez" beside Laurent Nuñez), or a given name before a capitalised word
 * ("Martín Zubimendi" beside Micheál Martin)? */
static bool another_person(nstate *st, size_t i, const tql_name_row *r)
{
	const tql_doc *doc = st->ctx->doc;
	if (r->kind != TQL_NK_PERSON)
		return false;
	size_t kl;
	const char *k;
	if (name_continues(st, i) && (k = word_key(st, i, &kl)) != NULL &&
	    tql_names_is_given(st->nm, k, kl))
		return true;
	if (i == 0 || !only_space(doc, st->words[i - 1], st->words[i]) ||
	    !(doc->tok[st->words[i - 1]].flags & TQL_TF_UPPER_INITIAL) ||
	    (doc->tok[st->words[i - 1]].flags & TQL_TF_ALL_UPPER) || (k = word_key(st, i - 1, &kl)) == NULL)
		return false;
	/* a given name: one the table knows, or a capitalised word that is no
	 * common word in lower case (not "President", "Minister", "The") */
	if (!tql_names_is_given(st->nm, k, kl)) {
		const tql_token *pv = &doc->tok[st->words[i - 1]];
		if (tql_spell_lowered(st->ctx->chk, st->ctx->lang, doc->text + pv->off, pv->len) != 0)
			return false;
	}
	/* (the person's own given name, or a garble of it: "Edmund Gonzalez") */
	char g[128];
	if (kl >= sizeof g)
		return false;
	memcpy(g, k, kl + 1);
	return given_verdict(st, r, g, kl, &doc->tok[st->words[i]], false) == GV_FAR;
}

/* Reports name.variant when the text at [off, off+len) writes a family
 * name of person r that has a hyphen (Meinl-Reisinger, Kramp-Karrenbauer)
 * with a space instead (and sets *dropped); names written family name
 * first (Lee Jae-myung, whose hyphen the press drops) aside. */
static tql_status hyphen_dropped(nstate *st, const tql_name_row *r, size_t off, size_t len,
                                 bool *dropped)
{
	if (r->kind != TQL_NK_PERSON || family_first(r))
		return TQL_OK;
	const char *text = st->ctx->doc->text + off;
	for (char **f = r->family; *f; f++) {
		size_t fl = strlen(*f);
		const char *h = strchr(*f, '-');
		if (!h || fl > len || strchr(*f, ' '))
			continue;
		char spaced[128];
		if (fl >= sizeof spaced)
			continue;
		memcpy(spaced, *f, fl + 1);
		for (char *c = spaced; *c; c++)
			if (*c == '-')
				*c = ' ';
		for (size_t p = 0; p + fl <= len; p++) {
			if (memcmp(text + p, spaced, fl) != 0 || (p + fl < len && text[p + fl] != ' ' &&
			                                          text[p + fl] != '\''))
				continue;
			char shown[256];
			snprintf(shown, sizeof shown, "%.*s", (int)(len < 200 ? len : 200), text);
			*dropped = true;
			return tql_emit(st->ctx, "name.variant", off + p, fl, *f, true,
			                "'%s': the family name is written with a hyphen, '%s'", shown, *f)
			           ? TQL_OK
			           : TQL_ENOMEM;
		}
	}
	return TQL_OK;
}

static tql_status on_match(nstate *st, size_t i, size_t w, const struct tql_hitlist *hl,
                           const char *key, size_t klen)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_token *a = &doc->tok[st->words[i]], *b = &doc->tok[st->words[i + w - 1]];
	size_t off = a->off, len = span_to(doc, a, b);
	/* (the last word of several cut by mojibake; a first one never gets
	 * here: see run) */
	if (tql_nt_mojibake_tail(doc->text + b->off, b->len, doc->text + doc->len))
		return TQL_OK;
	bool correct = false;
	const char *sugg[4];
	size_t ns = 0;
	const tql_name_hit *first_err = NULL, *first_ok = NULL;
	const char *entity_ok = NULL;
	bool ambiguous = false;
	/* a family name that is also a given name, inside another person's
	 * name ("Manuel Antonio Merchán" is not Téte António) */
	if (w == 1 && tql_names_is_given(st->nm, key, klen)) {
		bool family_only = true;
		/* (with no capitalised word before it, a person's one-word
		 * accepted form is a family name too: "Mansur" of Ahsan H. Mansur
		 * in "with Mansur Ali Shah") */
		bool bare = i == 0 || st->words[i] - st->words[i - 1] != 2 ||
		            !(doc->tok[st->words[i - 1]].flags & TQL_TF_UPPER_INITIAL);
		for (size_t h = 0; h < hl->n && family_only; h++)
			family_only = hl->v[h].type == TQL_FORM_FAMILY ||
			              (bare && hl->v[h].type != TQL_FORM_ERROR &&
			               st->nm->rows[hl->v[h].row].kind == TQL_NK_PERSON);
		bool next_cap = name_continues(st, i);
		if (family_only && next_cap && !given_before(st, i, hl))
			return TQL_OK;
	}
	for (size_t h = 0; h < hl->n; h++) {
		const tql_name_hit *x = &hl->v[h];
		const tql_name_row *r = &st->nm->rows[x->row];
		if (x->type == TQL_FORM_ERROR) {
			if (!first_err)
				first_err = x;
			const char *c = correct_for(r, key);
			bool dup = false;
			for (size_t k = 0; k < ns; k++)
				dup |= strcmp(sugg[k], c) == 0;
			if (!dup && ns < 4)
				sugg[ns++] = c;
		} else {
			correct = true;
			if (!first_ok)
				first_ok = x;
			if (entity_ok && strcmp(entity_ok, r->id) != 0)
				ambiguous = true;
			entity_ok = r->id;
		}
	}
	if (!correct && first_err) {
		char shown[256];
		snprintf(shown, sizeof shown, "%.*s", (int)(len < 200 ? len : 200), doc->text + off);
		size_t sw = 0;
		for (const char *c = sugg[0]; *c; c++)
			sw += *c == ' ';
		/* fixable only when the replacement has as many words as the text */
		if (!tql_emitv(ctx, "name.variant", off, len, sugg, ns, ns == 1 && sw + 1 == w,
		               "'%s' is a known misspelling of '%s'", shown, sugg[0]))
			return TQL_ENOMEM;
		if (!add_mention(st, first_err, key, klen, off, len))
			return TQL_ENOMEM;
		return TQL_OK;
	}
	/* a name several people share ("Duterte"): the one of them the
	 * document named last */
	if (ambiguous) {
		size_t latest = 0;
		for (size_t h = 0; h < hl->n; h++) {
			const struct named *nd = hl->v[h].type == TQL_FORM_ERROR
			                                 ? NULL
			                                 : named_of(st, st->nm->rows[hl->v[h].row].id);
			if (nd && nd->last_ok > latest) {
				latest = nd->last_ok;
				first_ok = &hl->v[h];
				ambiguous = false;
			}
		}
	}
	if (first_ok && !ambiguous && !add_mention(st, first_ok, key, klen, off, len))
		return TQL_ENOMEM;
	if (first_ok && ambiguous && klen < sizeof st->apend->key) {
		if (!TQL_GROW(st->apend, st->apcap, st->napend + 1))
			return TQL_ENOMEM;
		struct apending *ap = &st->apend[st->napend++];
		ap->off = off;
		ap->len = len;
		memcpy(ap->key, key, klen);
		ap->key[klen] = '\0';
		ap->n = 0;
		for (size_t h = 0; h < hl->n && ap->n < 8; h++)
			if (hl->v[h].type != TQL_FORM_ERROR)
				ap->hit[ap->n++] = hl->v[h];
	}
	/* a dated spelling ("Kiev" in English), not in the dish "Chicken Kiev" */
	const char *cur = first_ok && !ambiguous ? tql_names_dated(st->nm, st->lang, key, klen) : NULL;
	size_t pl = 0;
	const char *pk = cur && i > 0 ? word_key(st, i - 1, &pl) : NULL;
	if (cur && !(pk && pl == 7 && memcmp(pk, "chicken", 7) == 0)) {
		len = tql_nt_without_possessive(doc->text + off, len); /* "Kiev’s": the name */
		char shown[256];
		snprintf(shown, sizeof shown, "%.*s", (int)(len < 200 ? len : 200), doc->text + off);
		return tql_emit(ctx, "name.dated", off, len, cur, true,
		                "'%s' is a dated spelling; current %s press writes '%s'", shown, st->lang,
		                cur)
		           ? TQL_OK
		           : TQL_ENOMEM;
	}
	/* a double family name without its hyphen ("Beate Meinl Reisinger") */
	if (first_ok && !ambiguous && w > 1) {
		bool dropped = false;
		tql_status hs = hyphen_dropped(st, &st->nm->rows[first_ok->row], off, len, &dropped);
		if (hs != TQL_OK)
			return hs;
		/* (a wrong form: the right one elsewhere is no second spelling) */
		if (dropped && st->nm_ && st->m[st->nm_ - 1].off == off) {
			st->m[st->nm_ - 1].error = true;
			st->m[st->nm_ - 1].canonical = false;
		}
	}
	/* the right letters with an accent the name does not have ("Sanchéz"),
	 * or without one the document language's alphabet has ("Pedro Sanchez"
	 * in Spanish) */
	if (first_ok && !ambiguous && a->script == USCRIPT_LATIN &&
	    !(w == 1 && another_person(st, i, &st->nm->rows[first_ok->row]))) {
		const char *right = NULL;
		bool added = (w > 1 || tql_spell(ctx->chk, ctx->lang, doc->text + off, len) == 0) &&
		             misplaced_accent(st, doc->text + off, len, key, klen, &right) &&
		             !beside_native_word(st, i, w);
		if (!added)
			right = NULL; /* (misplaced_accent may have set it before failing) */
		if (added || missing_accent(st, doc->text + off, len, key, klen, &right)) {
			char shown[256];
			snprintf(shown, sizeof shown, "%.*s", (int)(len < 200 ? len : 200), doc->text + off);
			bool ok = added ? tql_emit(ctx, "name.variant", off, len, right, true,
			                           "'%s' has an accent that the name '%s' does not have",
			                           shown, right)
			                : tql_emit(ctx, "name.variant", off, len, right, true,
			                           "'%s' lacks an accent: %s text writes '%s'", shown,
			                           st->lang, right);
			if (!ok)
				return TQL_ENOMEM;
			/* (the given name before it may be wrong too: "Edmund
			 * Gonzalez" for Edmundo González) */
		}
	}
	if (first_ok && !ambiguous && !order_consistency(st, i, w, &st->nm->rows[first_ok->row], key))
		return TQL_ENOMEM;
	if (first_ok && !ambiguous && !given_after_family(st, i, w, &st->nm->rows[first_ok->row], key))
		return TQL_ENOMEM;
	/* given name: "Vladimir Zelensky" where the table knows "Volodymyr" */
	if (!first_ok || i == 0)
		return TQL_OK;
	/* a family name with a particle ("Alexander de Moraes": the table's
	 * family name is "de Moraes", the match only "Moraes") */
	size_t gi = i - 1, fw = w;
	const char *fkey = key;
	char pbuf[160];
	if (w == 1 && i >= 2 && st->words[i] - st->words[i - 1] == 2 &&
	    st->words[i - 1] - st->words[i - 2] == 2 &&
	    !(doc->tok[st->words[i - 1]].flags & TQL_TF_UPPER_INITIAL)) {
		size_t ql;
		const char *q = word_key(st, i - 1, &ql);
		static const char *const particles[] = {"de", "da", "do", "dos", "das", "di",
		                                        "del", "von", "van", "der", "du", NULL};
		bool particle = false;
		for (const char *const *pp = particles; q && *pp && !particle; pp++)
			particle = strlen(*pp) == ql && memcmp(*pp, q, ql) == 0;
		if (particle && ql + 1 + klen < sizeof pbuf) {
			memcpy(pbuf, q, ql);
			pbuf[ql] = ' ';
			memcpy(pbuf + ql + 1, key, klen);
			pbuf[ql + 1 + klen] = '\0';
			fkey = pbuf;
			fw = 2;
			gi = i - 2;
		}
	}
	const tql_token *pv = &doc->tok[st->words[gi]];
	if (!(pv->flags & TQL_TF_UPPER_INITIAL) || (pv->flags & TQL_TF_ALL_UPPER) ||
	    st->words[gi + 1] - st->words[gi] != 2 || doc->tok[st->words[gi] + 1].kind != TQL_TOK_SPACE)
		return TQL_OK;
	size_t gl;
	const char *g = word_key(st, gi, &gl);
	if (!g)
		return TQL_OK;
	/* the family name may be several people's (González): the given name
	 * must be close to exactly one of theirs and the own of none */
	const tql_name_row *pick = NULL, *wpick = NULL;
	int pick_v = GV_FAR;
	bool wtwo = false; /* the weaker closeness to two people's names */
	for (size_t h = 0; h < hl->n; h++) {
		const tql_name_row *r = &st->nm->rows[hl->v[h].row];
		if (hl->v[h].type == TQL_FORM_ERROR || r->kind != TQL_NK_PERSON || !r->given[0] ||
		    fw != nwords_hyph(r->family[0] ? r->family[0] : "") ||
		    !is_family_key(st->lang, r, fkey))
			continue;
		int v = given_verdict(st, r, g, gl, a, true);
		if (v == GV_OWN)
			return first_given_word(st, r, gi + 1, g, gl, off + len) ? TQL_OK : TQL_ENOMEM;
		if (v == GV_CLOSE_PREFIX) {
			wtwo |= wpick && strcmp(wpick->id, r->id) != 0;
			wpick = r;
			continue;
		}
		if (v == GV_FAR || (pick && strcmp(pick->id, r->id) == 0))
			continue;
		if (pick)
			return TQL_OK; /* close to two people's given names */
		pick = r;
		pick_v = v;
	}
	if (!pick && wpick && !wtwo) {
		pick = wpick;
		pick_v = GV_CLOSE;
	}
	if (!pick && fw == 1 && !tql_names_has_pair(st->nm, st->lang, g, key))
		return family_one_off(st, i, hl, g, gl, key, klen);
	if (!pick || pick_v == GV_FAR || tql_names_has_pair(st->nm, st->lang, g, fkey))
		return TQL_OK;
	/* the family name as written, with its particle */
	const tql_token *fa = &doc->tok[st->words[gi + 1]];
	size_t fal = a->off + a->len - fa->off;
	/* one word of a given name of several: that word is the fix */
	char gword[128];
	const char *gsugg = pick->given[0];
	const char *gw = strchr(gsugg, ' ') ? given_word_off(gsugg, g, gl) : NULL;
	size_t gwl = gw ? strcspn(gw, " ") : 0;
	if (gw && gwl < sizeof gword) {
		memcpy(gword, gw, gwl);
		gword[gwl] = '\0';
		gsugg = gword;
	}
	/* (an inflected form gets the nominative only as a hint) */
	if (!tql_emit(ctx, "name.given-name", pv->off, pv->len, gsugg,
	              pick_v != GV_CLOSE_INFLECTED,
	              "'%.*s %.*s': the given name of %s is '%s'", (int)pv->len, doc->text + pv->off,
	              (int)fal, doc->text + fa->off, pick->canonical, pick->given[0]))
		return TQL_ENOMEM;
	/* the document names the person rightly elsewhere: two forms of one
	 * name ("Edmund González" after "Edmundo González") */
	char right[256];
	int rn = snprintf(right, sizeof right, "%s %.*s", pick->given[0], (int)fal, doc->text + fa->off);
	return written_elsewhere(st, pv->off, a->off + a->len - pv->off, right, rn, sizeof right, "form")
	           ? TQL_OK
	           : TQL_ENOMEM;
}

/* Is a word adjacent to [a, b] (word indices) a word of language `l` that
 * the document's language does not have ("Ukraine Recovery Conference",
 * "Alternative für Deutschland", "Spain has been granted" in Italian)?
 * Then the name belongs to a passage or title in that language. */
static bool in_foreign_passage(nstate *st, size_t a, size_t b, const char *l, const char *id)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	tql_lang_res *lr = tql_lang_get(ctx->chk, l, "");
	if (!lr)
		return false;
	/* up to two words on each side, joined to the name by spaces only */
	for (int dir = -1; dir <= 1; dir += 2) {
		size_t at = dir < 0 ? a : b;
		for (int step = 0; step < 2; step++) {
			if ((dir < 0 && at == 0) || (dir > 0 && at + 1 >= st->nwords))
				break;
			size_t w = dir < 0 ? at - 1 : at + 1;
			size_t lo = dir < 0 ? w : at, hi = dir < 0 ? at : w;
			if (st->words[hi] - st->words[lo] != 2 ||
			    doc->tok[st->words[lo] + 1].kind != TQL_TOK_SPACE)
				break;
			const tql_token *t = &doc->tok[st->words[w]];
			/* (the name's own other words are no evidence: "Redzhep Tayyip
			 * Erdogan") */
			size_t wl;
			const char *wk = id ? word_key(st, w, &wl) : NULL;
			if (wk && (entity_has_word(st->nm, id, wk) ||
			           (!(t->flags & TQL_TF_UPPER_INITIAL) &&
			            entity_word(st->nm, id, wk, wl, true)))) {
				at = w;
				continue;
			}
			/* (nor is a proper noun of that language's dictionary, known
			 * only capitalised: "l'Azerbaijan et d'Emanuel Macron") */
			size_t gl;
			const char *gk = (t->flags & TQL_TF_UPPER_INITIAL) &&
			                         !(t->flags & (TQL_TF_INNER_UPPER | TQL_TF_ALL_UPPER))
			                     ? word_key(st, w, &gl)
			                     : NULL;
			if (gk && (tql_names_is_given(st->nm, gk, gl) || tql_spell(ctx->chk, lr, gk, gl) != 1)) {
				at = w;
				continue;
			}
			if (t->len >= 2 && !(t->flags & TQL_TF_HAS_DIGIT) &&
			    tql_spell(ctx->chk, lr, doc->text + t->off, t->len) == 1 &&
			    tql_spell(ctx->chk, ctx->lang, doc->text + t->off, t->len) == 0)
				return true;
			at = w;
		}
	}
	return false;
}

/* Does the quotation around [off, off+len) (its marks within the line,
 * 400 bytes each way) hold mostly words the document's language does not
 * know: an English sentence quoted in a German text ("„India, I reached my
 * destination“")? A name there is written as that language writes it. */
static bool in_foreign_quote(nstate *st, size_t off, size_t len)
{
	size_t a, b;
	return tql_quote_around(st->ctx->doc, off, len, 400, &a, &b) &&
	       tql_mostly_unknown(st->ctx, a, b, off, off + len);
}

/* Is one of words [i, i+w) unknown to the document language's dictionary? */
static bool some_unknown(nstate *st, size_t i, size_t w)
{
	for (size_t k = i; k < i + w; k++) {
		const tql_token *t = &st->ctx->doc->tok[st->words[k]];
		if (tql_spell(st->ctx->chk, st->ctx->lang, st->ctx->doc->text + t->off, t->len) == 0)
			return true;
	}
	return false;
}

/* Is the token joined by a hyphen to a letter before or after it? */
static bool hyphen_joined(const tql_doc *doc, const tql_token *t)
{
	/* (the other part capitalised: "Kärnten-born" and "pro-Kiev" are
	 * compounds of the language around a place name) */
	size_t e = t->off + t->len;
	if (e + 1 < doc->len && doc->text[e] == '-') {
		size_t k = e + 1;
		UChar32 c;
		U8_NEXT(doc->text, k, doc->len, c);
		if (c > 0 && u_isupper(c))
			return true;
	}
	if (t->off < 2 || doc->text[t->off - 1] != '-')
		return false;
	size_t b = t->off - 1; /* start of the word before the hyphen */
	while (b > 0 && ((unsigned char)doc->text[b - 1] >= 0x80 || isalpha((unsigned char)doc->text[b - 1])))
		b--;
	size_t k = b;
	UChar32 c;
	U8_NEXT(doc->text, k, doc->len, c);
	/* (or a one-letter prefix: "e-Albania", "e-Estonia" are the names of
	 * services, not the country in another language) */
	return k <= t->off - 1 && c > 0 && (u_isupper(c) || (k == t->off - 1 && c >= 'a' && c <= 'z'));
}

/* Is the word i, a family name alone, written elsewhere in the text (or
 * here) after a capitalised name that is not one of entity id's ("Максимо
 * Пачеко" is not Rodrigo Pacheco, nor is the later "Пачеко")? */
static bool family_of_other(nstate *st, size_t i, const char *id)
{
	const tql_doc *doc = st->ctx->doc;
	size_t kl;
	const char *k = word_key(st, i, &kl);
	char key[128];
	if (!k || kl >= sizeof key)
		return false;
	memcpy(key, k, kl + 1);
	tql_buf ph = {0};
	bool other = false;
	for (size_t j = 1; j < st->nwords; j++) {
		size_t jl, pl;
		const char *jk = word_key(st, j, &jl);
		if (!jk || jl != kl || memcmp(jk, key, kl) != 0 ||
		    !only_space(doc, st->words[j - 1], st->words[j]))
			continue;
		const tql_token *pv = &doc->tok[st->words[j - 1]];
		const char *pk = word_key(st, j - 1, &pl);
		if (!pk || !(pv->flags & TQL_TF_UPPER_INITIAL) || (pv->flags & TQL_TF_ALL_UPPER) ||
		    pv->script != doc->tok[st->words[j]].script || entity_has_word(st->nm, id, pk))
			continue;
		/* (a capitalised word opening the sentence counts only when it
		 * is a given name: "Сенатор Пачеко" is the senator) */
		if ((pv->flags & TQL_TF_SENT_START) && !tql_names_is_given(st->nm, pk, pl))
			continue;
		/* (the person's own given name in English spelling, "Родриго
		 * Пачеко", is this person) */
		ph.n = 0;
		const struct tql_hitlist *hl =
			tql_names_cyr_key(pk, pl, &ph) ? tql_names_eng(st->nm, ph.p, ph.n) : NULL;
		bool own = false;
		for (size_t h = 0; hl && h < hl->n && !own; h++)
			own = strcmp(st->nm->rows[hl->v[h].row].id, id) == 0;
		if (!own) {
			other = true;
			break;
		}
	}
	tql_buf_free(&ph);
	return other;
}

/* Does a given name that is not one of entity id's (in any language)
 * stand before word i ("Yuri Soloviev" is not Vladimir Solovyov)? */
static bool other_given(nstate *st, size_t i, const char *id)
{
	const tql_doc *doc = st->ctx->doc;
	if (i == 0 || st->words[i] - st->words[i - 1] != 2)
		return false;
	const tql_token *pv = &doc->tok[st->words[i - 1]];
	size_t pl;
	const char *pk = word_key(st, i - 1, &pl);
	if (!(pv->flags & TQL_TF_UPPER_INITIAL) || !pk || !tql_names_is_given(st->nm, pk, pl) ||
	    entity_has_word(st->nm, id, pk))
		return false; /* ("He Lifen": He is this person's family name) */
	/* a month after a day is a date, not a given name ("17 January
	 * Makron", though January is a given name too: January Makamba) */
	size_t t = st->words[i - 1];
	while (t > 0 && doc->tok[t - 1].kind == TQL_TOK_SPACE)
		t--;
	if (t > 0 &&
	    (doc->tok[t - 1].kind == TQL_TOK_NUMBER || (doc->tok[t - 1].flags & TQL_TF_HAS_DIGIT)))
		return false;
	tql_buf g = {0};
	bool own = false;
	int cset = tql_names_cognate(st->nm, pk, pl);
	for (const char *const *l = all_langs; *l && !own; l++) {
		const tql_name_row *r = tql_names_entity_row(st->nm, id, *l);
		for (char **gv = r ? r->given : NULL; gv && *gv && !own; gv++) {
			g.n = 0;
			/* (or a garble of it that keeps its sounds: "Kit" for Keith;
			 * one letter off; or another language's form: "Петро" for
			 * Petr, whose own name is then the finding) */
			own = tql_fold(*gv, strlen(*gv), &g) &&
			      (tql_nt_words_within(pk, g.p) || tql_nt_same_skeleton(pk, pl, g.p, g.n) ||
			       (tql_u8_count(pk, pl) >= 4 && tql_names_osa(pk, pl, g.p, g.n) == 1) ||
			       (cset && tql_names_cognate(st->nm, g.p, g.n) == cset));
		}
	}
	tql_buf_free(&g);
	return !own;
}

/* Reports a form of language `l` for the entity whose own row is `own`,
 * and records it as a mention of a wrong form. */
static bool emit_foreign(nstate *st, size_t off, size_t len, const tql_name_hit *x,
                         const tql_name_row *own, const char *l, const char *key, size_t klen)
{
	tql_ctx *ctx = st->ctx;
	const char *sugg =
		own->kind == TQL_NK_PERSON && x->words == 1 && own->family[0] ? own->family[0] : own->canonical;
	if (!tql_emit(ctx, "name.variant", off, len, sugg, false,
	              "'%.*s' is the %s form of this name; %s text writes '%s'", (int)len,
	              ctx->doc->text + off, l, st->lang, sugg))
		return false;
	tql_name_hit h = *x;
	h.type = TQL_FORM_ERROR;
	return add_mention(st, &h, key, klen, off, len);
}

/*
 * Another language's abbreviation of an organisation (text off, len: "IMF"
 * in German, "OSZE" in Italian) where the document also writes its own
 * language's abbreviation of it ("IWF", "OSCE"): one text, two
 * abbreviations. Alone, a foreign abbreviation may be the press's usage
 * ("NATO" in German), so the own one must stand in the text. Reports
 * consistency.name; true if reported. *rs is set on out of memory.
 */
static bool other_acronym(nstate *st, const tql_name_row *xr, size_t off, size_t len,
                          const char *l, tql_status *rs)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_name_row *own = tql_names_entity_row(st->nm, xr->id, st->lang);
	if (xr->kind != TQL_NK_ORG || !own || own == xr || !tql_rule_enabled(ctx->eng, "consistency.name"))
		return false;
	const char *f;
	for (size_t n = 0; (f = row_form(own, n, false)) != NULL; n++) {
		size_t fn = strlen(f);
		if (!tql_names_all_caps(f) || (fn == len && memcmp(f, doc->text + off, len) == 0))
			continue;
		size_t at = tql_nt_find_word(doc, f, fn);
		if (at == SIZE_MAX)
			continue;
		if (!tql_emit(ctx, "consistency.name", off, len, f, false,
		              "'%.*s' is the %s abbreviation of this name; this text also writes '%s' "
		              "(line %d)",
		              (int)len, doc->text + off, l, f, tql_nt_line_of(doc, at))) {
			*rs = TQL_ENOMEM;
			return false;
		}
		return true;
	}
	return false;
}

/*
 * A name in Russian text spelled with Ukrainian letters (і, ї, є, ґ:
 * "Батумі"), or in Ukrainian text with Russian ones (ы, э, ъ, ё:
 * "Кыргызстан"): the other language's spelling, left by translation. Found
 * by reading the letters as the document's alphabet writes them and looking
 * the result up among the document language's forms, so it also serves
 * where the table has no row of the other language. Returns 1 if reported.
 */
static size_t other_alphabet(nstate *st, size_t i, tql_status *rs)
{
	const tql_doc *doc = st->ctx->doc;
	const tql_token *t = &doc->tok[st->words[i]];
	bool ru = strcmp(st->lang, "ru") == 0;
	if (t->script != USCRIPT_CYRILLIC || (!ru && strcmp(st->lang, "uk") != 0))
		return 0;
	static const char *const uk_only[] = {"і", "ї", "є", "ґ", "І", "Ї", "Є", "Ґ", NULL};
	static const char *const ru_only[] = {"ы", "э", "ъ", "ё", "Ы", "Э", "Ъ", "Ё", NULL};
	bool alien = false;
	const char *w = doc->text + t->off;
	for (const char *const *a = ru ? uk_only : ru_only; *a && !alien; a++)
		for (size_t p = 0; p + 2 <= t->len && !alien; p++)
			alien = memcmp(w + p, *a, 2) == 0; /* (each a two-byte letter) */
	size_t kl, found = 0;
	const char *k = alien ? word_key(st, i, &kl) : NULL;
	if (!k || tql_u8_count(k, kl) < 4)
		return 0;
	/* folded keys have lost the diaeresis: ї is і, ё is е */
	static const char *const to_ru[][2] = {{"і", "и"}, {"є", "е"}, {"ґ", "г"}};
	static const char *const to_uk[][2] = {{"ы", "и"}, {"э", "е"}, {"ъ", ""}};
	const char *const(*map)[2] = ru ? to_ru : to_uk;
	tql_buf c = {0}, sk = {0};
	for (size_t p = 0; p < kl;) {
		size_t q = p + 1;
		while (q < kl && ((unsigned char)k[q] & 0xC0) == 0x80)
			q++;
		const char *rep = NULL;
		for (int m = 0; m < 3 && !rep; m++)
			if (strlen(map[m][0]) == q - p && memcmp(k + p, map[m][0], q - p) == 0)
				rep = map[m][1];
		if (!(rep ? tql_buf_add(&c, rep, strlen(rep)) : tql_buf_add(&c, k + p, q - p))) {
			*rs = TQL_ENOMEM;
			goto out;
		}
		p = q;
	}
	const struct tql_hitlist *hl = tql_names_lookup(st->nm, st->lang, c.p, c.n);
	bool exact = hl != NULL;
	if (!hl && tql_names_stem_key(st->lang, c.p, c.n, &sk))
		hl = tql_names_stem(st->nm, st->lang, sk.p, sk.n);
	const tql_name_hit *x = NULL;
	for (size_t h = 0; hl && h < hl->n && !x; h++) {
		const tql_name_row *r = &st->nm->rows[hl->v[h].row];
		if (hl->v[h].type != TQL_FORM_ERROR && !hl->v[h].acronym && hl->v[h].words == 1 &&
		    (r->kind == TQL_NK_PERSON || r->kind == TQL_NK_PLACE))
			x = &hl->v[h];
	}
	if (x) {
		const tql_name_row *r = &st->nm->rows[x->row];
		const char *sugg = exact ? x->form : r->kind == TQL_NK_PERSON && r->family[0] ? r->family[0]
		                                                                             : r->canonical;
		tql_name_hit h = *x;
		h.type = TQL_FORM_ERROR;
		if (!tql_emit(st->ctx, "name.variant", t->off, t->len, sugg, exact,
		              "'%.*s' is spelled with %s letters; %s text writes '%s'", (int)t->len,
		              doc->text + t->off, ru ? "Ukrainian" : "Russian", st->lang, sugg) ||
		    !add_mention(st, &h, k, kl, t->off, t->len))
			*rs = TQL_ENOMEM;
		found = 1;
	}
out:
	tql_buf_free(&c);
	tql_buf_free(&sk);
	return found;
}

/* The pending CLDR forms of another language: reported when the document
 * also writes the entity in its own language ("Copenhague" and "Copenhagen"). */
static tql_status resolve_foreign(nstate *st)
{
	size_t nmen = st->nm_;
	tql_buf k = {0};
	for (size_t p = 0; p < st->nfpend; p++) {
		const struct fpending *fp = &st->fpend[p];
		const char *id = st->nm->rows[fp->hit->row].id;
		bool seen = false;
		for (size_t m = 0; m < nmen && !seen; m++)
			seen = !st->m[m].error && strcmp(st->m[m].entity, id) == 0 &&
			       st->m[m].off + 3000 > fp->off && st->m[m].off < fp->off + 3000;
		if (!seen)
			continue;
		k.n = 0;
		if (!tql_fold(st->ctx->doc->text + fp->off, fp->len, &k) ||
		    !emit_foreign(st, fp->off, fp->len, fp->hit, fp->own, fp->lang, k.p, k.n)) {
			tql_buf_free(&k);
			return TQL_ENOMEM;
		}
	}
	tql_buf_free(&k);
	return TQL_OK;
}

/* Does word i follow a title ("Mr. Sokolev", "Frau Baerbock", "Mme Borne")? */
static bool after_title(nstate *st, size_t i)
{
	return tql_nt_after_title(st->ctx->doc, st->words[i]);
}

/* Is one word i written as a person's name: after a given name or a
 * nobiliary particle ("Roger De Damas"), or with the English possessive
 * ("Krim's", a character)? Then a place name's foreign form is a surname. */
static bool used_as_person(nstate *st, size_t i)
{
	const tql_doc *doc = st->ctx->doc;
	const tql_token *t = &doc->tok[st->words[i]];
	const char *w = doc->text + t->off;
	if ((t->len > 2 && memcmp(w + t->len - 2, "'s", 2) == 0) ||
	    (t->len > 4 && memcmp(w + t->len - 4, "\xE2\x80\x99s", 4) == 0))
		return true;
	/* ... here or anywhere in an English document (in other languages an
	 * English possessive elsewhere belongs to an English passage, such as
	 * a leaked "Read also: Cameroon's ..." link) */
	if (t->len < 60 && strcmp(st->lang, "en") == 0) {
		char pat[72];
		memcpy(pat, w, t->len);
		memcpy(pat + t->len, "'s", 2);
		if (memmem(doc->text, doc->len, pat, t->len + 2))
			return true;
		memcpy(pat + t->len, "\xE2\x80\x99s", 4);
		if (memmem(doc->text, doc->len, pat, t->len + 4))
			return true;
	}
	if (after_title(st, i))
		return true;
	if (i == 0 || st->words[i] - st->words[i - 1] != 2)
		return false;
	const tql_token *pv = &doc->tok[st->words[i - 1]];
	/* a particle after a given name ("Charles de Gaulle", "Ursula von der
	 * Leyen"); after a common word it is a preposition ("alcalde de") */
	static const char *const particles[] = {"de", "von", "van", "da", "di", "du", "del", "der", NULL};
	for (size_t k = i, np = 0; k > 0 && np < 2 && st->words[k] - st->words[k - 1] == 2; k--, np++) {
		const tql_token *p = &doc->tok[st->words[k - 1]];
		bool particle = false;
		for (const char *const *q = particles; *q && !particle; q++)
			particle = p->len == strlen(*q) && strncasecmp(doc->text + p->off, *q, p->len) == 0;
		if (!particle) {
			/* (a given name, or a capitalised word the dictionary does
			 * not know; not a capitalised noun: "Gerichtshof von Brazil",
			 * "ministro de Exteriores de Djibouti") */
			size_t gk;
			const char *g = np > 0 ? word_key(st, k - 1, &gk) : NULL;
			if (g && (p->flags & TQL_TF_UPPER_INITIAL) && !(p->flags & TQL_TF_ALL_UPPER) &&
			    (tql_names_is_given(st->nm, g, gk) ||
			     tql_spell(st->ctx->chk, st->ctx->lang, doc->text + p->off, p->len) == 0))
				return true;
			break;
		}
	}
	size_t pl;
	const char *pk = word_key(st, i - 1, &pl);
	return (pv->flags & TQL_TF_UPPER_INITIAL) && pk && tql_names_is_given(st->nm, pk, pl);
}

/* Does word i end a longer proper name, after a capitalised word the
 * dictionary does not know ("Universitas Indonesia", "Garuda Indonesia")?
 * Then another language's place name in it is that name's own. */
static bool after_unknown_capital(nstate *st, size_t i)
{
	const tql_doc *doc = st->ctx->doc;
	if (i == 0 || !only_space(doc, st->words[i - 1], st->words[i]))
		return false;
	const tql_token *p = &doc->tok[st->words[i - 1]];
	return (p->flags & TQL_TF_UPPER_INITIAL) && !(p->flags & TQL_TF_ALL_UPPER) &&
	       tql_u8_count(doc->text + p->off, p->len) >= 3 &&
	       tql_spell(st->ctx->chk, st->ctx->lang, doc->text + p->off, p->len) == 0;
}

/*
 * A form that is right in another language but not in the document's
 * ("Zelensky" in German text, "Copenhague" in English, "Владимир
 * Зеленский" in Ukrainian), for an entity that has its own row in the
 * document language: machine translation left the source language's form.
 * Returns the number of words flagged (0: none).
 */
static size_t foreign_form(nstate *st, size_t i, tql_status *rs)
{
	const char *const *latin = latin_source_langs, *const *cyrillic = cyrillic_source_langs;
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_token *t0 = &doc->tok[st->words[i]];
	const char *const *langs = t0->script == USCRIPT_LATIN      ? latin
	                           : t0->script == USCRIPT_CYRILLIC ? cyrillic
	                                                            : NULL;
	if (!langs || !tql_names_has_lang(st->nm, st->lang))
		return 0;
	/* only forms in the document's own script: a Cyrillic name quoted in
	 * English text is a deliberate original, not a translation left over */
	bool doc_in_group = false;
	for (const char *const *l = langs; *l; l++)
		doc_in_group |= strcmp(*l, st->lang) == 0;
	if (!doc_in_group)
		return 0;
	tql_buf key = {0}, xf = {0}; /* (xf: a hit's folded form) */
	size_t ends[MAX_WORDS], n = 0;
	for (size_t k = i; k < st->nwords && n < MAX_WORDS; k++) {
		if (k > i && !joinable(doc, st->words[k - 1], st->words[k]))
			break;
		size_t kl;
		const char *kk = word_key(st, k, &kl);
		if (!kk || (n && !tql_buf_addc(&key, ' ')) || !tql_buf_add(&key, kk, kl)) {
			*rs = TQL_ENOMEM;
			tql_buf_free(&key);
			tql_buf_free(&xf);
			return 0;
		}
		ends[n++] = key.n;
	}
	size_t found = 0;
	for (size_t w = n; w > 0 && !found; w--) {
		const tql_token *tl = &doc->tok[st->words[i + w - 1]];
		size_t off = t0->off, len = tl->off + tl->len - t0->off;
		/* a form no language of the table has (Cyrillic also by stem) */
		if (t0->script != USCRIPT_CYRILLIC && !tql_names_any_lang(st->nm, key.p, ends[w - 1]))
			continue;
		/* another language's abbreviation beside the document's own ("IMF"
		 * where the text writes "IWF") */
		if (w == 1 && (t0->flags & TQL_TF_ALL_UPPER)) {
			for (const char *const *l = langs; *l && !found && *rs == TQL_OK; l++) {
				const struct tql_hitlist *hl = strcmp(*l, st->lang) == 0
				                                   ? NULL
				                                   : tql_names_lookup(st->nm, *l, key.p, ends[0]);
				for (size_t h = 0; hl && h < hl->n && !found && *rs == TQL_OK; h++)
					if (hl->v[h].acronym && hl->v[h].type != TQL_FORM_ERROR &&
					    other_acronym(st, &st->nm->rows[hl->v[h].row], off, len, *l, rs))
						found = 1;
			}
			if (found || *rs != TQL_OK)
				break;
		}
		/* one word that the dictionary knows is a word, not a foreign form;
		 * uk_UA and ru_RU list many surnames, so there a known word needs
		 * the entity's own form nearby as evidence ("Умеров" after "Умєров") */
		bool weak = false, proper = false;
		if (w == 1 && (tql_u8_count(key.p, ends[0]) < 4 ||
		               tql_spell(ctx->chk, ctx->lang, doc->text + off, len) != 0)) {
			/* ... unless the dictionary lists it only as a proper noun: the
			 * English name of a place, left by the English pivot of machine
			 * translation ("Beijing" in French, "Qatar" in German), given the
			 * language's own form elsewhere as evidence ("Milan" is also a
			 * football club and a cyclist in Italian) */
			proper = t0->script == USCRIPT_LATIN && strcmp(st->lang, "en") != 0 &&
			         tql_u8_count(key.p, ends[0]) >= 4 &&
			         tql_spell_lowered(ctx->chk, ctx->lang, doc->text + off, len) == 0;
			if (!proper && (t0->script != USCRIPT_CYRILLIC || tql_u8_count(key.p, ends[0]) < 4))
				continue;
			weak = true;
		}
		int personal = -1; /* used_as_person(), computed when needed */
		/* part of a double-barrelled name ("Soloviev-Sedoi") */
		if (w == 1 && hyphen_joined(doc, t0))
			continue;
		for (const char *const *l = langs; *l && !found; l++) {
			if (strcmp(*l, st->lang) == 0)
				continue;
			/* a source language outside the table (cldr-foreign.tsv) */
			bool source_only =
				(size_t)(l - langs) >= (langs == latin ? N_TABLE_LATIN : N_TABLE_CYRILLIC);
			const struct tql_hitlist *hl = tql_names_lookup(st->nm, *l, key.p, ends[w - 1]);
			/* inflected ("Владимира Путина", "Киеві" in Ukrainian text) */
			tql_buf sk = {0};
			if (!hl && t0->script == USCRIPT_CYRILLIC &&
			    tql_names_stem_key(*l, key.p, ends[w - 1], &sk))
				hl = tql_names_stem(st->nm, *l, sk.p, sk.n);
			/* CLDR's generated names only with a word unknown here: the two
			 * languages share many stems ("Островов Кука" is Russian) */
			if (hl && sk.n && strncmp(st->nm->rows[hl->v[0].row].id, "cldr-", 5) == 0 &&
			    !some_unknown(st, i, w))
				hl = NULL;
			bool by_stem = sk.n > 0;
			size_t stem_letters = by_stem ? tql_u8_count(sk.p, sk.n) : 0;
			tql_buf_free(&sk);
			for (size_t h = 0; hl && h < hl->n && !found; h++) {
				const tql_name_hit *x = &hl->v[h];
				const tql_name_row *xr = &st->nm->rows[x->row];
				/* (by stem: a case of the form, "Навальним" of
				 * Навальний, or a word made on a place's long stem,
				 * "Иркутской" of Иркутск; not "Ганом" of Гана, nor
				 * "Джамала" of Джамали) */
				if (by_stem && (stem_letters < 5 || xr->kind != TQL_NK_PLACE) &&
				    !case_of_form(*l, key.p, ends[w - 1], x->form, &xf))
					continue;
				/* hand-curated people and places only: CLDR's generated
				 * names ("Viet Nam", "Dominique") and one-word organisation
				 * names ("Commons") coincide with legitimate text */
				/* CLDR's generated names need the document's own form of
				 * the same entity as evidence (decided at the end) */
				/* (in Cyrillic text a word the dictionary does not know is
				 * evidence enough: "Иркутской" in Ukrainian) */
				/* (a source language's name, always: "Lefkoşa" beside
				 * Nicosia, "Београд" beside Белград) */
				bool generated =
					(strncmp(xr->id, "cldr-", 5) == 0 && t0->script != USCRIPT_CYRILLIC) || weak ||
					source_only;
				/* English is the pivot of machine translation: its form of a
				 * country or city left in other Latin-script text is the
				 * damage itself ("New Caledonia" in French) */
				if (generated && !weak && strcmp(*l, "en") == 0 && strcmp(st->lang, "en") != 0)
					generated = false;
				if (x->type == TQL_FORM_ERROR || x->acronym ||
				    (proper && (strcmp(*l, "en") != 0 || xr->kind != TQL_NK_PLACE)) ||
				    (w == 1 && xr->kind != TQL_NK_PERSON && xr->kind != TQL_NK_PLACE) ||
				    (w == 1 && xr->kind != TQL_NK_PERSON &&
				     (personal < 0 ? (personal = used_as_person(st, i) || after_unknown_capital(st, i))
				                   : personal)) ||
				    (w == 1 && xr->kind == TQL_NK_PERSON && other_given(st, i, xr->id)) ||
				    /* (a short family name alone is many people's: "Ганом"
				     * is no Ukrainian Ган, Johannes Hahn) */
				    (w == 1 && xr->kind == TQL_NK_PERSON &&
				     tql_u8_count(x->form, strlen(x->form)) < 4))
					continue;
				const tql_name_row *own =
					tql_names_entity_row(st->nm, st->nm->rows[x->row].id, st->lang);
				/* (one row for both languages, or the same form in the
				 * document language's row: the form is this one's too,
				 * unless the text declines it as only the other language
				 * does: "Празі" is Ukrainian, Прага both) */
				if (!own)
					continue;
				bool shared = own == xr;
				xf.n = 0;
				const struct tql_hitlist *oh =
					tql_fold(x->form, strlen(x->form), &xf)
						? tql_names_lookup(st->nm, st->lang, xf.p, xf.n)
						: NULL;
				for (size_t q = 0; oh && q < oh->n && !shared; q++)
					shared = oh->v[q].type != TQL_FORM_ERROR &&
					         strcmp(st->nm->rows[oh->v[q].row].id, xr->id) == 0;
				if (shared && by_stem)
					shared = case_of_form(st->lang, key.p, ends[w - 1], x->form, &xf);
				if (shared)
					continue;
				/* the language's own form holds it ("Vatican" of French
				 * "Le Vatican", "Cité du Vatican") */
				tql_buf of = {0};
				bool inside = tql_fold(own->canonical, strlen(own->canonical), &of) &&
				              of.n > ends[w - 1] && tql_nt_words_within_n(key.p, ends[w - 1], of.p);
				tql_buf_free(&of);
				if (inside)
					continue;
				/* (Latin script only: Russian wording around a Russian form
				 * in Ukrainian text is the same translation damage) */
				bool passage = false;
				for (const char *const *pl = langs; *pl && !passage && t0->script == USCRIPT_LATIN;
				     pl++)
					passage = strcmp(*pl, st->lang) != 0 &&
					          in_foreign_passage(st, i, i + w - 1, *pl, NULL);
				if (passage || in_foreign_quote(st, off, len))
					continue;
				if (generated && w > 1 && !source_only)
					continue; /* "Viet Nam" is also an English spelling */
				/* another Cyrillic language's form one letter from the
				 * document language's own is more likely a slip of it
				 * ("Вилнюс", Bulgarian, for Russian Вильнюс): near_miss's */
				if (source_only && t0->script == USCRIPT_CYRILLIC && w == 1) {
					tql_buf cf = {0};
					bool slip = tql_fold(own->canonical, strlen(own->canonical), &cf) &&
					            tql_names_osa(key.p, ends[0], cf.p, cf.n) == 1;
					tql_buf_free(&cf);
					if (slip)
						continue;
				}
				if (generated) {
					if (!TQL_GROW(st->fpend, st->fpcap, st->nfpend + 1)) {
						*rs = TQL_ENOMEM;
						break;
					}
					st->fpend[st->nfpend++] =
						(struct fpending){off, len, x, own, *l};
					found = w;
					continue;
				}
				if (!emit_foreign(st, off, len, x, own, *l, key.p, ends[w - 1])) {
					*rs = TQL_ENOMEM;
					break;
				}
				found = w;
			}
		}
	}
	tql_buf_free(&key);
	tql_buf_free(&xf);
	return found;
}

/* Does a form of row r read as the phonetic key pk in Cyrillic? */
static bool row_reads_as(const tql_name_row *r, const char *pk, size_t pn, tql_buf *f, tql_buf *k)
{
	const char *form;
	for (size_t n = 0; (form = row_form(r, n, true)) != NULL; n++) {
		f->n = k->n = 0;
		if (tql_fold(form, strlen(form), f) && tql_names_cyr_key(f->p, f->n, k) && k->n == pn &&
		    memcmp(k->p, pk, pn) == 0)
			return true;
	}
	return false;
}

/*
 * An English spelling carried over into Russian or Ukrainian text
 * ("Бейджинге" for Пекине, "Си Джинпинг" for Си Цзиньпин, "Ким Джонг Ун"
 * for Ким Чен Ын): the Cyrillic words read as the English form of an
 * entity whose own form in the language reads differently. At least one
 * word must be unknown to the dictionary. Returns the words flagged.
 */
static size_t english_mediated(nstate *st, size_t i, tql_status *rs)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_token *t0 = &doc->tok[st->words[i]];
	if (t0->script != USCRIPT_CYRILLIC ||
	    (strcmp(st->lang, "ru") != 0 && strcmp(st->lang, "uk") != 0))
		return 0;
	tql_buf key = {0}, sk = {0}, pk = {0}, f = {0}, k = {0};
	size_t ends[4], n = 0, found = 0;
	bool unknown[4] = {0};
	for (size_t w = i; w < st->nwords && n < 4; w++) {
		const tql_token *t = &doc->tok[st->words[w]];
		if ((w > i && !joinable(doc, st->words[w - 1], st->words[w])) ||
		    t->script != USCRIPT_CYRILLIC || !(t->flags & TQL_TF_UPPER_INITIAL))
			break;
		size_t kl;
		const char *kk = word_key(st, w, &kl);
		if (!kk || (n && !tql_buf_addc(&key, ' ')) || !tql_buf_add(&key, kk, kl))
			goto oom;
		unknown[n] = tql_u8_count(kk, kl) >= 4 &&
		             tql_spell(ctx->chk, ctx->lang, doc->text + t->off, t->len) == 0;
		ends[n++] = key.n;
	}
	/* a full name of the other Cyrillic language ("Сергей Кислица" in
	 * Ukrainian) is foreign_form()'s, not an English spelling's */
	const char *other = strcmp(st->lang, "uk") == 0 ? "ru" : "uk";
	for (size_t w = n; w >= 2; w--) {
		if (tql_names_lookup(st->nm, other, key.p, ends[w - 1]))
			goto out;
		/* (also declined: "Сергеем Лавровым") */
		sk.n = 0;
		if (tql_names_stem_key(other, key.p, ends[w - 1], &sk) &&
		    tql_names_stem(st->nm, other, sk.p, sk.n))
			goto out;
	}
	for (size_t w = n; w > 0 && !found; w--) {
		bool any = false;
		for (size_t u = 0; u < w; u++)
			any |= unknown[u];
		if (!any || (w == 1 && own_given_of_next(st, i)))
			continue;
		/* (the first part of a hyphenated name is one only of a name
		 * with a hyphen: "Кассым-Джомарт", but "Джалал-Абадской" is no
		 * Jalal) */
		bool hyph = hyphen_joined(doc, &doc->tok[st->words[i + w - 1]]);
		const struct tql_hitlist *own_hl = tql_names_lookup(st->nm, st->lang, key.p, ends[w - 1]);
		if (own_hl)
			continue; /* a form of this language */
		/* the last word is a name of this language ("Володимир Зеленский"):
		 * the given-name check owns the first */
		size_t lb = w > 1 ? ends[w - 2] + 1 : 0;
		sk.n = 0;
		if (w > 1 && (tql_names_lookup(st->nm, st->lang, key.p + lb, ends[w - 1] - lb) ||
		              (tql_names_stem_key(st->lang, key.p + lb, ends[w - 1] - lb, &sk) &&
		               tql_names_stem(st->nm, st->lang, sk.p, sk.n))))
			continue;
		for (int stem = 0; stem < 2 && !found; stem++) {
			pk.n = sk.n = 0;
			const char *kp = key.p;
			size_t kn = ends[w - 1];
			if (stem) {
				if (!tql_names_stem_key(st->lang, key.p, ends[w - 1], &sk))
					break;
				kp = sk.p;
				kn = sk.n;
			}
			if (!tql_names_cyr_key(kp, kn, &pk) || pk.n < 5)
				continue;
			const struct tql_hitlist *hl = tql_names_eng(st->nm, pk.p, pk.n);
			const tql_name_row *own = NULL;
			const tql_name_hit *hit = NULL;
			bool clash = false, by_family = false;
			/* a given name several people share (Benjamin): the one whose
			 * family name follows ("Бенджамином Нетаньяху") */
			size_t nk = 0;
			const char *next = w == 1 && i + 1 < st->nwords &&
			                           joinable(doc, st->words[i], st->words[i + 1])
			                       ? word_key(st, i + 1, &nk)
			                       : NULL;
			char nxt[128];
			if (next && nk < sizeof nxt)
				memcpy(nxt, next, nk + 1);
			else
				next = NULL;
			/* (when one of them is named by the family name after it, the
			 * others do not count: "Бенджамин Диокно" is written so) */
			bool some_follows = false;
			for (size_t h = 0; next && hl && h < hl->n && !some_follows; h++) {
				const tql_name_row *o =
					tql_names_entity_row(st->nm, st->nm->rows[hl->v[h].row].id, st->lang);
				some_follows = o && is_family_key(st->lang, o, nxt);
			}
			for (size_t h = 0; hl && h < hl->n && !clash; h++) {
				const tql_name_row *xr = &st->nm->rows[hl->v[h].row];
				const tql_name_row *o = tql_names_entity_row(st->nm, xr->id, st->lang);
				if (!o || strncmp(xr->id, "cldr-", 5) == 0 ||
				    (some_follows && !is_family_key(st->lang, o, nxt)))
					continue;
				/* the language's own form sounds the same: an inflection or
				 * a variant the table lacks, not an English spelling */
				if (row_reads_as(o, pk.p, pk.n, &f, &k)) {
					clash = true;
					continue;
				}
				bool follows = next && is_family_key(st->lang, o, nxt);
				if (own && own != o) {
					if (follows && !by_family) {
						own = o; /* the person named, among others */
						hit = &hl->v[h];
						by_family = true;
						continue;
					}
					if (!by_family)
						clash = true;
					continue;
				}
				own = o;
				hit = &hl->v[h];
				by_family = by_family || follows;
			}
			/* (a given name close to the person's own, before the family
			 * name, is name.given-name's: "Володимир Зеленский") */
			if (own && !clash && by_family &&
			    given_verdict(st, own, key.p, ends[0], &doc->tok[st->words[i + 1]], false) != GV_FAR)
				clash = true;
			if (!own || clash || (hyph && !strchr(st->nm->rows[hit->row].canonical, '-')))
				continue;
			if (w == 1 && hit->words == 1 && !by_family && family_of_other(st, i, own->id))
				continue;
			const tql_token *tl = &doc->tok[st->words[i + w - 1]];
			size_t off = t0->off, len = tl->off + tl->len - t0->off;
			const tql_name_row *hr = &st->nm->rows[hit->row];
			bool given = false;
			for (char **g = hr->given; *g && !given; g++)
				given = *g == hit->form;
			const char *sugg = given && own->given[0] ? own->given[0]
			                   : hit->words == 1 && own->kind == TQL_NK_PERSON && own->family[0]
			                       ? own->family[0]
			                       : own->canonical;
			if (!tql_emit(ctx, "name.variant", off, len, sugg, false,
			              "'%.*s' is the English spelling '%s' written in Cyrillic; %s text "
			              "writes '%s'",
			              (int)len, doc->text + off, hit->form, st->lang, sugg))
				goto oom;
			tql_name_hit mh = *hit;
			mh.type = TQL_FORM_ERROR;
			if (!add_mention(st, &mh, key.p, ends[w - 1], off, len))
				goto oom;
			found = w;
		}
	}
out:
	tql_buf_free(&key);
	tql_buf_free(&sk);
	tql_buf_free(&pk);
	tql_buf_free(&f);
	tql_buf_free(&k);
	return found;
oom:
	*rs = TQL_ENOMEM;
	tql_buf_free(&key);
	tql_buf_free(&sk);
	tql_buf_free(&pk);
	tql_buf_free(&f);
	tql_buf_free(&k);
	return 0;
}


/* Does the language's naming take given names unchanged as family names? */
static bool given_as_family(const char *lang)
{
	return strcmp(lang, "en") == 0 || strcmp(lang, "de") == 0 || strcmp(lang, "fr") == 0;
}

/* Does the folded Cyrillic word a (an bytes) read as the romanised sound
 * key k (tql_names_cyr_key)? */
static bool same_cyr_sound(const char *a, size_t an, const char *k, size_t kn)
{
	tql_buf ka = {0};
	bool eq = tql_names_cyr_key(a, an, &ka) && ka.n == kn && memcmp(ka.p, k, kn) == 0;
	tql_buf_free(&ka);
	return eq;
}

/*
 * A person's own given name followed by a family name one letter off or
 * sounding the same ("Jens Span", "Friedrich März", "Ursula von der Leyden",
 * "Marine Lepen", "Kalin Georgesku"): the given name is the evidence, so the
 * garbled family name may even be a word of the language. The given name
 * may itself be garbled into a form that sounds the same (Kalin / Călin).
 * Returns the number of words flagged (0: none).
 */
static size_t full_name_near(nstate *st, size_t i, tql_status *rs)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	size_t gl;
	const char *g = word_key(st, i, &gl);
	if (!g)
		return *rs = TQL_ENOMEM, 0;
	char gk[128];
	if (gl >= sizeof gk || gl < 2)
		return 0;
	memcpy(gk, g, gl + 1);
	const struct tql_hitlist *lists[2] = {tql_names_by_given(st->nm, st->lang, gk, gl), NULL};
	tql_buf pk = {0};
	bool cyr = (unsigned char)gk[0] >= 0x80;
	if (tql_u8_count(gk, gl) >= (cyr ? 3 : 4) && tql_buf_addc(&pk, '~') &&
	    (cyr ? tql_names_cyr_key(gk, gl, &pk) : tql_names_phonetic(gk, gl, &pk)))
		lists[1] = tql_names_by_given(st->nm, st->lang, pk.p, pk.n);
	tql_buf_free(&pk);
	if (!lists[0] && !lists[1])
		return 0;
	tql_buf gs = {0}; /* (the sound of the given name, for a Cyrillic one; owned) */
	if (cyr && !tql_names_cyr_key(gk, gl, &gs))
		gs.n = 0; /* (letters it does not read: no such match) */
	tql_buf text = {0}, fk = {0}, gb = {0};
	size_t found = 0;
	const tql_name_hit *best = NULL;
	size_t best_first = 0, best_end = 0;
	bool clash = false;
	const tql_name_row *order = NULL;
	size_t order_end = 0;
	for (int li = 0; li < 2 && !clash && !best; li++) {
		const struct tql_hitlist *hl = lists[li];
		for (size_t h = 0; hl && h < hl->n && !clash; h++) {
			const tql_name_hit *x = &hl->v[h];
			const tql_name_row *r = &st->nm->rows[x->row];
			/* a given name that only sounds like the person's, where the
			 * table has no row of this language: the language's own
			 * transliteration (French "Benyamin Nétanyahou") */
			if (li == 1 && !tql_names_row_lang(r, st->lang, true))
				continue;
			/* the whole given name must stand in the text ("Recep Tayyip") */
			size_t gw = 0;
			bool given_ok = false;
			for (char **gv = r->given; *gv && !given_ok; gv++) {
				gb.n = 0;
				if (!tql_fold(*gv, strlen(*gv), &gb))
					goto oom;
				gw = nwords_of(gb.p);
				size_t g1 = strcspn(gb.p, " ");
				given_ok = li == 0 ? g1 == gl && memcmp(gb.p, gk, gl) == 0
				                   : cyr ? gs.n && same_cyr_sound(gb.p, g1, gs.p, gs.n)
				                         : tql_nt_same_sound(gb.p, g1, gk, gl);
				for (size_t k = 1; given_ok && k < gw; k++) {
					size_t kl;
					const char *kk = i + k < st->nwords && joinable(doc, st->words[i + k - 1],
					                                                st->words[i + k])
					                     ? word_key(st, i + k, &kl)
					                     : NULL;
					given_ok = kk != NULL && tql_nt_words_within(kk, gb.p);
				}
			}
			if (!given_ok)
				continue;
			fk.n = 0;
			if (!tql_fold(x->form, strlen(x->form), &fk))
				goto oom;
			size_t first = i + gw;
			/* the person's own middle initial between ("Michael D.
			 * Higgens"; another initial is another person: "Peter B.
			 * Kyne" is no Peter Kyle) */
			if (first + 1 < st->nwords) {
				const tql_token *mi = &doc->tok[st->words[first]];
				const tql_token *dot = &doc->tok[st->words[first] + 1];
				char ini[4] = {' ', doc->text[mi->off], '.', '\0'};
				bool own_initial = false;
				const char *rf;
				for (size_t n = 0; !own_initial && (rf = row_form(r, n, false)) != NULL; n++)
					own_initial = strstr(rf, ini) != NULL;
				if (mi->len == 1 && (mi->flags & TQL_TF_UPPER_INITIAL) && own_initial &&
				    dot->kind == TQL_TOK_PUNCT && dot->len == 1 && doc->text[dot->off] == '.' &&
				    joinable(doc, st->words[first - 1], st->words[first]) &&
				    joinable(doc, st->words[first], st->words[first + 1]))
					first++;
			}
			size_t fl = tql_u8_count(fk.p, fk.n);
			/* the family name may have lost or gained a space (Le Pen / Lepen) */
			for (size_t tw = x->words + 1; tw + 1 >= x->words && tw >= 1 && !clash; tw--) {
				if (first + tw > st->nwords)
					continue;
				text.n = 0;
				bool ok = true;
				for (size_t k = first; k < first + tw && ok; k++) {
					size_t kl;
					const char *kk;
					/* words past the family name's own: spaces only, not
					 * across a full stop ("Ben Salman. Le") */
					ok = (k < first + x->words || only_space(doc, st->words[k - 1], st->words[k])) &&
					     joinable(doc, st->words[k - 1], st->words[k]) &&
					     (kk = word_key(st, k, &kl)) != NULL &&
					     (k == first || tql_buf_addc(&text, ' ')) && tql_buf_add(&text, kk, kl);
				}
				/* the family name is capitalised as a name is */
				const tql_token *lt = &doc->tok[st->words[first + tw - 1]];
				if (!ok || !(lt->flags & TQL_TF_UPPER_INITIAL) || (lt->flags & TQL_TF_ALL_UPPER) ||
				    tql_nt_odd_letters(doc->text + lt->off, lt->len, lt->script))
					continue;
				/* the right name after all, unless the person's family
				 * name comes first ("Jinping Xi") */
				if (li == 0 && text.n == fk.n && memcmp(text.p, fk.p, fk.n) == 0) {
					if (!order && tw == x->words && family_first(r)) {
						order = r;
						order_end = first + tw;
					}
					clash = true;
					break;
				}
				/* (three letters after a given name of two words: "Bassirou
				 * Diomaye Fay") */
				size_t tl = tql_u8_count(text.p, text.n), minl = li == 0 && gw >= 2 ? 3 : 4;
				if (tl < minl || fl < minl)
					continue;
				/* a middle name ("John William Ball" is no "John Williams") or
				 * a plural or possessive form of the family name */
				bool more = first + tw < st->nwords &&
				            (doc->tok[st->words[first + tw]].flags & TQL_TF_UPPER_INITIAL) &&
				            only_space(doc, st->words[first + tw - 1], st->words[first + tw]);
				const tql_token *ft = &doc->tok[st->words[first]];
				/* a word of the language: English, French and German
				 * take given names as family names unchanged (Paul
				 * Simon, Thomas, Werner), so any word their dictionaries
				 * know; elsewhere such family names take a form of their
				 * own (Di Pietro, Martínez, Petrov), so only a common
				 * word ("Rosa"), not a name listed capitalised ("Pietro") */
				bool dict = false;
				if (tw == 1 && given_as_family(st->lang))
					dict = tql_spell(ctx->chk, ctx->lang, doc->text + ft->off, ft->len) != 0;
				else if (tw == 1)
					dict = tql_spell_lowered(ctx->chk, ctx->lang, doc->text + ft->off, ft->len) != 0;
				/* (a common word before another capitalised word is a
				 * middle name too: "James Brown Fisk") */
				if ((tw == 1 && (more || dict) && tql_names_is_given(st->nm, text.p, text.n)) ||
				    (tw == 1 && more && dict) ||
				    (text.n == fk.n + 1 && text.p[fk.n] == 's' && memcmp(text.p, fk.p, fk.n) == 0) ||
				    (fk.n == text.n + 1 && fk.p[text.n] == 's' && memcmp(text.p, fk.p, text.n) == 0))
					continue;
				int d = tql_names_osa(text.p, text.n, fk.p, fk.n);
				/* (or inflected: "Шейх Хасину") */
				if (d > 0 && li == 0 && lt->script == USCRIPT_CYRILLIC &&
				    inflection_of(st->lang, text.p, text.n, fk.p, fk.n))
					d = 0;
				if (d == 0 && li == 0) {
					clash = true; /* the right name after all */
					break;
				}
				/* the family name right in another of its forms (Söder /
				 * Soeder): only the given name may be wrong, which is
				 * name.given-name's to report */
				bool right_family = false;
				for (char **fm = r->family; *fm && !right_family; fm++) {
					gb.n = 0;
					if (!tql_fold(*fm, strlen(*fm), &gb))
						goto oom;
					right_family = strcmp(gb.p, text.p) == 0;
				}
				if (right_family) {
					if (li == 0)
						clash = true;
					break;
				}
				/* with the person's own given name before it, two edits
				 * that keep the consonants (Alice Vaidel / Weidel) */
				bool near = d == 1 || (d == 2 && fl >= 8 && tl >= 8) ||
				            (d == 2 && li == 0 && tl >= 5 && tw == 1 && !dict &&
				             tql_nt_same_skeleton(text.p, text.n, fk.p, fk.n)) ||
				            (d > 0 && tl >= 5 && tql_nt_same_sound(text.p, text.n, fk.p, fk.n));
				if (near && local_translit(st->nm, st->lang, r, text.p, text.n, fk.p, fk.n))
					near = false;
				/* a short family name with another first letter is as
				 * often another person of that given name ("Martin Buber",
				 * Martin Huber), and a longer one two letters off
				 * ("Martin Lidegaard", Martin Ødegaard) */
				if (near && ((d == 1 && tl <= 6) || d >= 2) && text.p[0] != fk.p[0] &&
				    !tql_nt_same_sound(text.p, text.n, fk.p, fk.n))
					near = false;
				/* (only the given name garbled: name.given-name reports it) */
				if (!near)
					continue;
				/* another known person of that name, or a known form in itself */
				if (tql_names_has_pair(st->nm, st->lang, gk, text.p)) {
					clash = true;
					break;
				}
				const struct tql_hitlist *own =
					tql_names_lookup(st->nm, st->lang, text.p, text.n);
				for (size_t o = 0; own && o < own->n && li == 0; o++)
					if (own->v[o].type != TQL_FORM_ERROR)
						clash = true;
				if (clash)
					break;
				if (best && strcmp(st->nm->rows[best->row].id, r->id) != 0) {
					clash = true; /* two people equally plausible */
					break;
				}
				best = x;
				best_first = li == 0 ? first : i; /* a garbled given name is shown too */
				best_end = first + tw;
				break;
			}
		}
	}
	if (order) {
		const tql_token *a = &doc->tok[st->words[i]];
		const tql_token *b = &doc->tok[st->words[order_end - 1]];
		size_t off = a->off, len = span_to(doc, a, b);
		/* only where this language's form is the one read backwards */
		const tql_name_row *own = tql_names_entity_row(st->nm, order->id, st->lang);
		if (own == order || (!own && order == tql_names_entity_row(st->nm, order->id, "en"))) {
			if (!tql_emit(ctx, "name.order", off, len, order->canonical, true,
			              "'%.*s': %s's family name comes first: '%s'", (int)len,
			              doc->text + off, order->canonical, order->canonical))
				goto oom;
			tql_name_hit h = {(uint32_t)(order - st->nm->rows), TQL_FORM_ERROR, 0, 1,
			                  order->canonical};
			size_t kl;
			const char *k = word_key(st, order_end - 1, &kl);
			if (!k || !add_mention(st, &h, k, kl, off, len))
				goto oom;
			found = order_end - i;
		}
	}
	/* (a name cut by mojibake, "Goran VesiÄ‡", is the encoding checks') */
	if (best && !clash &&
	    tql_nt_mojibake_tail(doc->text + doc->tok[st->words[best_end - 1]].off,
	                         doc->tok[st->words[best_end - 1]].len, doc->text + doc->len))
		best = NULL;
	if (best && !clash) {
		const tql_name_row *r = &st->nm->rows[best->row];
		const tql_token *a = &doc->tok[st->words[best_first]];
		const tql_token *b = &doc->tok[st->words[best_end - 1]];
		size_t off = a->off, len = span_to(doc, a, b);
		bool whole = best_first == i;
		const char *sugg = whole ? r->canonical : best->form;
		size_t kl;
		const char *k;
		const tql_token *gt = &doc->tok[st->words[i]];
		bool ok = whole ? tql_emit(ctx, "name.near-miss", off, len, sugg, false,
		                           "'%.*s' sounds like the name of %s; did you mean '%s'?",
		                           (int)len, doc->text + off, r->canonical, sugg)
		                : tql_emit(ctx, "name.near-miss", off, len, sugg, false,
		                           "'%.*s' after the given name '%.*s'; did you mean '%s' (%s)?",
		                           (int)len, doc->text + off, (int)gt->len, doc->text + gt->off,
		                           sugg, r->canonical);
		if (!ok)
			goto oom;
		tql_name_hit h = *best;
		h.type = TQL_FORM_ERROR;
		if ((k = word_key(st, best_end - 1, &kl)) == NULL || !add_mention(st, &h, k, kl, off, len))
			goto oom;
		found = best_end - i;
	}
	tql_buf_free(&text);
	tql_buf_free(&fk);
	tql_buf_free(&gb);
	tql_buf_free(&gs);
	return found;
oom:
	*rs = TQL_ENOMEM;
	tql_buf_free(&text);
	tql_buf_free(&fk);
	tql_buf_free(&gb);
	tql_buf_free(&gs);
	return 0;
}

/*
 * A name in the order family name, given name ("Xi Jinping", or a Japanese
 * name as Chinese and Korean text write it) with one of its two words
 * garbled: "Si Jinping" (the person's own given name after a family name
 * one letter off) or "Abe Sinjo", "Motegi Dosimitsu" (the person's own
 * family name before a given name two letters off that no list knows).
 * Reports the garbled word and returns the number of words taken (0: none).
 */
static size_t family_first_near(nstate *st, size_t i, tql_status *rs)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	if (i + 1 >= st->nwords || !only_space(doc, st->words[i], st->words[i + 1]))
		return 0;
	const tql_token *t1 = &doc->tok[st->words[i]], *t2 = &doc->tok[st->words[i + 1]];
	if (!(t1->flags & TQL_TF_UPPER_INITIAL) || !(t2->flags & TQL_TF_UPPER_INITIAL) ||
	    (t1->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) ||
	    (t2->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) || t1->script != t2->script ||
	    t1->script != USCRIPT_LATIN)
		return 0;
	size_t al, bl;
	const char *a0 = word_key(st, i, &al), *b0 = word_key(st, i + 1, &bl);
	if (!a0 || !b0 || al >= 64 || bl >= 64)
		return 0;
	char a[64], b[64];
	memcpy(a, a0, al + 1);
	memcpy(b, b0, bl + 1);
	size_t an = tql_u8_count(a, al), bn = tql_u8_count(b, bl);
	const tql_name_row *pick = NULL;
	const char *pick_form = NULL;
	int which = 0; /* 1: the family name is garbled, 2: the given name */
	bool clash = false;
	tql_buf f = {0};
	/* (1) the given name right, the family name before it one letter off */
	const struct tql_hitlist *gh = bn >= 4 && !tql_names_lookup(st->nm, st->lang, a, al) &&
	                                       !tql_names_has_pair(st->nm, st->lang, b, a)
	                                   ? tql_names_by_given(st->nm, st->lang, b, bl)
	                                   : NULL;
	/* (not a given name itself, nor before a third name: "Mickey Charles
	 * Mantle" is no Charles Michel) */
	bool third = i + 2 < st->nwords && only_space(doc, st->words[i + 1], st->words[i + 2]) &&
	             (doc->tok[st->words[i + 2]].flags & TQL_TF_UPPER_INITIAL);
	if (third || tql_names_is_given(st->nm, a, al))
		gh = NULL;
	for (size_t h = 0; gh && h < gh->n && !clash; h++) {
		const tql_name_hit *x = &gh->v[h];
		const tql_name_row *r = &st->nm->rows[x->row];
		f.n = 0;
		if (x->words != 1 || !r->given[0] || strchr(r->given[0], ' ') ||
		    !tql_fold(x->form, strlen(x->form), &f))
			continue;
		int d = tql_names_osa(a, al, f.p, f.n);
		size_t fn = tql_u8_count(f.p, f.n);
		bool near = d == 1 || (d == 2 && an >= 6 && fn >= 6 && a[0] == f.p[0]) ||
		            (d > 0 && an >= 4 && tql_nt_same_sound(a, al, f.p, f.n));
		if (!near)
			continue;
		if (pick && strcmp(pick->id, r->id) != 0)
			clash = true;
		pick = r;
		pick_form = x->form;
		which = 1;
	}
	/* (2) the family name right, the given name after it garbled */
	if (!pick && !clash && bn >= 5 && !tql_names_is_given(st->nm, b, bl) &&
	    !tql_names_lookup(st->nm, st->lang, b, bl) &&
	    tql_spell(ctx->chk, ctx->lang, doc->text + t2->off, t2->len) == 0) {
		const struct tql_hitlist *fh = tql_names_lookup(st->nm, st->lang, a, al);
		if (!fh && strcmp(st->lang, "en") != 0)
			fh = tql_names_lookup(st->nm, "en", a, al);
		for (size_t h = 0; fh && h < fh->n && !clash; h++) {
			const tql_name_hit *x = &fh->v[h];
			const tql_name_row *r = &st->nm->rows[x->row];
			if (x->type == TQL_FORM_ERROR || r->kind != TQL_NK_PERSON || !r->given[0] ||
			    !is_family_key(st->lang, r, a))
				continue;
			for (char **g = r->given; *g; g++) {
				f.n = 0;
				if (strchr(*g, ' ') || !tql_fold(*g, strlen(*g), &f))
					continue;
				int d = tql_names_osa(b, bl, f.p, f.n);
				size_t fn = tql_u8_count(f.p, f.n);
				bool near = (d == 1 && bn >= 5) || (d == 2 && fn >= 6 && bn >= 5) ||
				            (d > 0 && tql_nt_same_sound(b, bl, f.p, f.n));
				if (!near)
					continue;
				if (pick && strcmp(pick->id, r->id) != 0)
					clash = true;
				pick = r;
				pick_form = *g;
				which = 2;
				break;
			}
		}
	}
	tql_buf_free(&f);
	/* (a common word at the start of a sentence is no family name: "Si
	 * Jinping vient" in French is "if") */
	if (!pick || clash ||
	    (which == 1 && (t1->flags & TQL_TF_SENT_START) &&
	     tql_spell_lowered(ctx->chk, ctx->lang, doc->text + t1->off, t1->len) == 1))
		return 0;
	const tql_token *bad = which == 1 ? t1 : t2;
	char right[160];
	int rn = which == 1 ? snprintf(right, sizeof right, "%s %.*s", pick_form, (int)t2->len,
	                               doc->text + t2->off)
	                    : snprintf(right, sizeof right, "%.*s %s", (int)t1->len, doc->text + t1->off,
	                               pick_form);
	if (rn <= 0 || (size_t)rn >= sizeof right)
		return 0;
	size_t off = t1->off, len = t2->off + t2->len - t1->off;
	if (!tql_emit(ctx, "name.near-miss", bad->off,
	              tql_nt_without_possessive(doc->text + bad->off, bad->len), pick_form, false,
	              "'%.*s' in '%.*s' looks garbled: %s is written '%s'", (int)bad->len,
	              doc->text + bad->off, (int)len, doc->text + off, pick->canonical, right)) {
		*rs = TQL_ENOMEM;
		return 0;
	}
	/* (and the document may write it rightly elsewhere: two forms) */
	tql_name_hit hh = {(uint32_t)(pick - st->nm->rows), TQL_FORM_ERROR, 0, 2, pick->canonical};
	if (!add_mention(st, &hh, which == 1 ? a : b, which == 1 ? al : bl, off, len) ||
	    !written_elsewhere(st, off, len, right, rn, sizeof right, "form"))
		*rs = TQL_ENOMEM;
	return 2;
}

/* Does a Latin-script dictionary of another table language know the word? */
static bool word_elsewhere(nstate *st, const tql_token *t)
{
	for (const char *const *l = latin_langs; *l; l++) {
		if (strcmp(*l, st->lang) == 0)
			continue;
		tql_lang_res *lr = tql_lang_get(st->ctx->chk, *l, "");
		if (lr && tql_spell(st->ctx->chk, lr, st->ctx->doc->text + t->off, t->len) == 1)
			return true;
	}
	return false;
}

/* Is the folded key a correct form of some name in another table language
 * written in the token's script? */
static bool known_elsewhere(const nstate *st, const tql_token *t, const char *k, size_t kl)
{
	const char *const *langs = t->script == USCRIPT_LATIN      ? latin_langs
	                           : t->script == USCRIPT_CYRILLIC ? cyrillic_langs
	                                                           : NULL;
	for (const char *const *l = langs; l && *l; l++) {
		if (strcmp(*l, st->lang) == 0)
			continue;
		const struct tql_hitlist *hl = tql_names_lookup(st->nm, *l, k, kl);
		for (size_t h = 0; hl && h < hl->n; h++)
			if (hl->v[h].type != TQL_FORM_ERROR)
				return true;
	}
	return false;
}

/* Is the word token at tok, one space away (dir -1 or +1), a lower-case
 * word the language's dictionary does not know? Beside one, a capitalised
 * word is part of a phrase of another language («Узбекистон ифтихори»,
 * "Nga wai hono"), not a misspelt name. */
static bool unknown_word_beside(nstate *st, size_t tok, int dir)
{
	const tql_doc *doc = st->ctx->doc;
	size_t u = dir < 0 ? tok - 2 : tok + 2;
	if ((dir < 0 && tok < 2) || (dir > 0 && tok + 2 >= doc->ntok) ||
	    doc->tok[dir < 0 ? tok - 1 : tok + 1].kind != TQL_TOK_SPACE)
		return false;
	const tql_token *w = &doc->tok[u];
	const char *s = doc->text + w->off;
	return w->kind == TQL_TOK_WORD && w->script == doc->tok[tok].script &&
	       (w->flags & TQL_TF_HAS_LOWER) &&
	       !(w->flags & (TQL_TF_UPPER_INITIAL | TQL_TF_INNER_UPPER | TQL_TF_HAS_DIGIT)) &&
	       tql_u8_count(s, w->len) >= 3 && !tql_nt_odd_letters(s, w->len, w->script) &&
	       tql_spell(st->ctx->chk, st->ctx->lang, s, w->len) == 0;
}

/* Suggests a known name for an unknown capitalised word. */
static tql_status near_miss(nstate *st, size_t i)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	const tql_token *t = &doc->tok[st->words[i]];
	if (!(t->flags & TQL_TF_UPPER_INITIAL) || (t->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) ||
	    tql_u8_count(doc->text + t->off, t->len) < 4)
		return TQL_OK;
	size_t kl;
	const char *kp = word_key(st, i, &kl);
	/* a copy: later word_key() calls may move the fold buffer */
	char k[128];
	if (!kp || kl < 4 || kl >= sizeof k)
		return TQL_OK;
	/* a given name is a near miss only after the person's own given name
	 * ("Ferdinand Marcus" for Ferdinand Marcos) */
	bool given_word = tql_names_is_given(st->nm, kp, kl);
	if (given_word && (i == 0 || st->words[i] - st->words[i - 1] != 2))
		return TQL_OK;
	memcpy(k, kp, kl + 1);
	if (tql_spell(ctx->chk, ctx->lang, doc->text + t->off, t->len) != 0)
		return TQL_OK; /* a word of the language, or no dictionary to tell */
	/* damaged letters belong to the encoding checks ("OrbÃ¡n", "Украiна";
	 * a word cut by mojibake, "Moldovaâ€™s", never gets here: see run) */
	if (tql_nt_odd_letters(doc->text + t->off, t->len, t->script))
		return TQL_OK;
	/* a correct form of a name in a language of the same script
	 * ("Ruanda" is German and Spanish for Rwanda): not a misspelling */
	if (known_elsewhere(st, t, k, kl))
		return TQL_OK;
	/* (asks the dictionary about the neighbours: after the lookups) */
	if (unknown_word_beside(st, st->words[i], -1) || unknown_word_beside(st, st->words[i], 1))
		return TQL_OK;
	/* a given name of the candidate just before it is strong evidence */
	const char *prev = NULL;
	size_t pl = 0;
	if (i > 0 && st->words[i] - st->words[i - 1] == 2)
		prev = word_key(st, i - 1, &pl);
	/* (past one or two lower-case particles, garbled or not: "Ursula fon
	 * der Lyayen") */
	if (prev && !(doc->tok[st->words[i - 1]].flags & TQL_TF_UPPER_INITIAL)) {
		for (size_t j = i - 1, back = 0; back < 2 && j > 0; back++) {
			const tql_token *pt = &doc->tok[st->words[j]];
			if ((pt->flags & TQL_TF_UPPER_INITIAL) ||
			    tql_u8_count(doc->text + pt->off, pt->len) > 3 ||
			    !only_space(doc, st->words[j - 1], st->words[j]))
				break;
			j--;
			if (doc->tok[st->words[j]].flags & TQL_TF_UPPER_INITIAL) {
				size_t gl;
				const char *g = word_key(st, j, &gl);
				if (g) {
					prev = g;
					pl = gl;
				}
				break;
			}
		}
	}
	const tql_name_hit *best = NULL, *tied[8];
	size_t ntied = 0;
	int best_score = 0;
	const tql_name_hit *cands[32];
	bool translit[32] = {0};
	int personal = -1; /* after_title(), computed when needed */
	size_t nc = 0;
	tql_buf pk = {0};
	if (tql_names_phonetic(k, kl, &pk) && pk.n >= 4) {
		const struct tql_hitlist *hl = tql_names_phon(st->nm, st->lang, pk.p);
		for (size_t h = 0; hl && h < hl->n && nc < 32; h++)
			cands[nc++] = &hl->v[h];
	}
	tql_buf_free(&pk);
	/* a Russian-mediated spelling in Latin-script text (matched exactly,
	 * so also a name of few sounds: "Khama" for Hama) */
	bool by_sound[32] = {0}, best_romanised = false;
	tql_buf kph = {0};
	if (t->script == USCRIPT_LATIN && tql_u8_count(k, kl) >= 5) {
		/* (also the French or German press transcription, in text of
		 * that language: "Gouterrich") */
		for (int snd = 0; snd < 2; snd++) {
			if (snd && (!tql_names_phonetic(k, kl, &kph) || !tql_buf_addc(&kph, '\0')))
				break;
			for (int local = 0; local < 2; local++) {
				const struct tql_hitlist *hl =
					snd ? (local ? tql_names_tphon_local_sound(st->nm, st->lang, kph.p)
					             : tql_names_tphon_sound(st->nm, kph.p))
					    : (local ? tql_names_tphon_local(st->nm, st->lang, k)
					             : tql_names_tphon(st->nm, k));
				for (size_t h = 0; hl && h < hl->n && nc < 32; h++) {
					translit[nc] = true;
					by_sound[nc] = snd;
					cands[nc++] = &hl->v[h];
				}
			}
		}
	}
	tql_buf_free(&kph);
	/* in Russian and Ukrainian text, also the stem of an inflected word
	 * ("Бабиса" is the genitive of a garbled "Бабис") */
	char sk[128];
	size_t skl = 0;
	if (t->script == USCRIPT_CYRILLIC) {
		tql_buf sb = {0};
		if (tql_names_stem_key(st->lang, k, kl, &sb) && sb.n < kl && sb.n >= 4) {
			memcpy(sk, sb.p, sb.n);
			skl = sb.n;
			sk[skl] = '\0';
		}
		tql_buf_free(&sb);
	}
	/* deletion neighbourhood: the key itself and each one-deletion; of an
	 * inflected word also the stem and the stem with a nominative ending
	 * ("Сибіхи": сибіха, one letter from the table's Сибіга) */
	static const char *const nom_end[] = {"а", "я", "ии", "іи", "ая", "ь"};
	enum { NPASS = 2 + sizeof nom_end / sizeof *nom_end };
	char del[128], nq[128];
	size_t first_rebuilt = SIZE_MAX; /* candidates from here on: a rebuilt nominative */
	for (int pass = 0; pass < NPASS; pass++) {
		const char *q = pass ? sk : k;
		size_t ql = pass ? skl : kl;
		if (pass == 2)
			first_rebuilt = nc;
		if (pass >= 2) {
			size_t el = strlen(nom_end[pass - 2]);
			if (!skl || skl + el >= sizeof nq)
				continue;
			memcpy(nq, sk, skl);
			memcpy(nq + skl, nom_end[pass - 2], el + 1);
			q = nq;
			ql = skl + el;
		}
		if (ql < 4 || ql >= sizeof del)
			continue;
		const struct tql_hitlist *hl = tql_names_dels(st->nm, st->lang, q, ql);
		for (size_t h = 0; hl && h < hl->n && nc < 32; h++)
			cands[nc++] = &hl->v[h];
		for (size_t p = 0; p < ql; p++) {
			if (((unsigned char)q[p] & 0xC0) == 0x80)
				continue;
			size_t cl = 1;
			while (p + cl < ql && ((unsigned char)q[p + cl] & 0xC0) == 0x80)
				cl++;
			memcpy(del, q, p);
			memcpy(del + p, q + p + cl, ql - p - cl);
			hl = tql_names_dels(st->nm, st->lang, del, ql - cl);
			for (size_t h = 0; hl && h < hl->n && nc < 32; h++)
				cands[nc++] = &hl->v[h];
			hl = tql_names_lookup(st->nm, st->lang, del, ql - cl);
			for (size_t h = 0; hl && h < hl->n && nc < 32; h++)
				if (hl->v[h].words == 1)
					cands[nc++] = &hl->v[h];
		}
	}
	tql_buf fk = {0};
	for (size_t c = 0; c < nc; c++) {
		const tql_name_hit *h = cands[c];
		if (h->type == TQL_FORM_ERROR || h->acronym)
			continue;
		const tql_name_row *r = &st->nm->rows[h->row];
		fk.n = 0;
		if (!tql_fold(h->form, strlen(h->form), &fk))
			break;
		int d = tql_names_osa(k, kl, fk.p, fk.n);
		if (d == 0)
			continue; /* the right form, only not in this language's rows */
		if (skl) {
			/* an inflected form: the distance of the stems (a cut-off
			 * form with the right stem, "Зеленски", is one edit off) */
			if (inflection_of(st->lang, k, kl, fk.p, fk.n))
				continue; /* an inflection of the right form */
			tql_buf fs = {0};
			if (tql_names_stem_key(st->lang, fk.p, fk.n, &fs)) {
				int ds = tql_names_osa(sk, skl, fs.p, fs.n);
				if (ds == 0)
					ds = 1;
				if (ds < d)
					d = ds;
			}
			tql_buf_free(&fs);
		}
		/* after another person's given name: another person ("Patrick
		 * Schnieder" is not Carsten Schneider); or this language's
		 * transliteration of a Cyrillic name (Lawrow in German) */
		if ((r->kind == TQL_NK_PERSON && other_given(st, i, r->id)) ||
		    local_translit(st->nm, st->lang, r, k, kl, fk.p, fk.n))
			continue;
		/* a person's name is no garbled place ("Mr. Sokolev") */
		if (r->kind == TQL_NK_PLACE && (personal < 0 ? (personal = after_title(st, i)) : personal))
			continue;
		bool given_ok = false;
		if (prev && r->kind == TQL_NK_PERSON) {
			tql_buf gb = {0};
			for (char **g = r->given; *g && !given_ok; g++) {
				gb.n = 0;
				given_ok = tql_fold(*g, strlen(*g), &gb) && gb.n == pl && memcmp(gb.p, prev, pl) == 0;
				/* (inflected alike: "Андрея" for Андрей) */
				if (!given_ok && skl && gb.n && tql_u8_count(prev, pl) >= 3)
					given_ok = same_stem(st->lang, prev, pl, gb.p, gb.n);
			}
			/* ... or ends a given name of two words ("Frank Walter") */
			for (char **g = r->given; *g && !given_ok; g++) {
				gb.n = 0;
				given_ok = tql_fold(*g, strlen(*g), &gb) && gb.n > pl &&
				           (gb.p[gb.n - pl - 1] == ' ' || gb.p[gb.n - pl - 1] == '-') &&
				           memcmp(gb.p + gb.n - pl, prev, pl) == 0 &&
				           given_ends_at(st, i - 1, gb.p, gb.n);
			}
			/* ... or garbled alike, one or two letters off ("Binyamin
			 * Nitanyahu"): both words close to the person's is evidence */
			for (char **g = r->given; *g && !given_ok && tql_u8_count(prev, pl) >= 5; g++) {
				gb.n = 0;
				given_ok = tql_fold(*g, strlen(*g), &gb) && gb.n && gb.p[0] == prev[0] &&
				           tql_names_osa(gb.p, gb.n, prev, pl) <= 2 && d <= 2;
			}
			/* ... or the person's given name romanised from Russian
			 * ("Zhelka Tsvijanovich": Желька, Željka) */
			/* (prev is NUL-terminated: word_key's folds are) */
			for (int local = 0; local < 2 && !given_ok && t->script == USCRIPT_LATIN &&
			                    tql_u8_count(prev, pl) >= 4;
			     local++) {
				const struct tql_hitlist *th = local ? tql_names_tphon_local(st->nm, st->lang, prev)
				                                     : tql_names_tphon(st->nm, prev);
				for (size_t q = 0; th && q < th->n && !given_ok; q++)
					given_ok = strcmp(st->nm->rows[th->v[q].row].id, r->id) == 0 &&
					           th->v[q].type != TQL_FORM_ERROR;
			}
			/* family name first ("He Lifen" for He Lifeng) */
			for (char **f = r->family; *f && !given_ok; f++) {
				gb.n = 0;
				given_ok = tql_fold(*f, strlen(*f), &gb) && gb.n == pl && memcmp(gb.p, prev, pl) == 0 &&
				           r->given[0] && strncmp(r->canonical, *f, strlen(*f)) == 0;
			}
			tql_buf_free(&gb);
		}
		/* (a rebuilt nominative only of a person after the given name:
		 * "Тайнаня", of Тайнань, is no Тайвань) */
		if (c >= first_rebuilt && !(r->kind == TQL_NK_PERSON && given_ok))
			continue;
		/* a family name that is also a common given name (Henry, Martin)
		 * is too common a neighbour to suggest without the given name */
		if (!given_ok && (given_word || (!translit[c] && tql_names_is_given(st->nm, fk.p, fk.n))))
			continue;
		size_t len = tql_u8_count(k, kl);
		int score = 0;
		/* a derivation (Australian, Hakimi) is not a misspelling */
		/* (not the romanised Cyrillic form itself: "Khoms" is Хомс) */
		if (translit[c] && tql_nt_words_within(k, fk.p))
			continue; /* a word of the name itself ("Novosti") */
		if (!translit[c] &&
		    (tql_nt_derivation(k, kl, fk.p, fk.n) || tql_nt_derivation(fk.p, fk.n, k, kl)))
			continue; /* Australian / Australia, O'Sullivan / Sullivan */
		if (translit[c] && d >= 1)
			/* the transliterated Cyrillic form itself; a short one is
			 * often a real name too (Nilsen, Yakov), and one may be a
			 * word of another language ("Hostaria"): evidence needed */
			/* (matched by sound only, only after the given name or
			 * with the name nearby: "Peter Siyarto", not "Lindemann";
			 * a given name so matched is name.given-name's) */
			score = by_sound[c] && !given_ok ? !strchr(h->form, ' ')
			        : (given_ok || len >= 7 || (len >= 5 && r->kind == TQL_NK_PLACE)) &&
			                !word_elsewhere(st, t)
			            ? 6
			            : 3;
		else if (given_ok && d <= 3)
			/* (a short name with another first letter is often another
			 * person of that given name: "Martin Buber", Martin Huber) */
			/* (and a longer one two letters off: "Martin Lidegaard" is
			 * not Martin Ødegaard) */
			score = k[0] != fk.p[0] && !translit[c] && (len <= 6 || d >= 2) ? 3 : 4 - d + 4;
		else if (d == 1 && len >= 6)
			score = 3;
		else if (d == 1 && len >= 4 && r->kind == TQL_NK_PERSON)
			score = 1; /* short: only with the right spelling nearby */
		else if (d == 1 && len >= 5 && r->kind == TQL_NK_PLACE &&
		         tql_nt_same_skeleton(k, kl, fk.p, fk.n))
			score = 1; /* ... and, for a place, its consonants ("Davau"
			            * is Davao; "Jagan" is no Japan) */
		else if (d <= 2 && len >= 6 && tql_u8_count(fk.p, fk.n) >= 6) {
			/* phonetic equivalence of a long name */
			tql_buf p1 = {0}, p2 = {0};
			if (tql_names_phonetic(k, kl, &p1) && tql_names_phonetic(fk.p, fk.n, &p2) &&
			    p1.n == p2.n && p1.n && memcmp(p1.p, p2.p, p1.n) == 0)
				score = 2;
			tql_buf_free(&p1);
			tql_buf_free(&p2);
		}
		if (score > best_score) {
			best_score = score;
			best = h;
			best_romanised = translit[c] && !by_sound[c];
			ntied = 0;
		} else if (score && score == best_score && best &&
		           strcmp(st->nm->rows[best->row].id, r->id) == 0) {
			best_romanised |= translit[c] && !by_sound[c]; /* (found twice) */
		} else if (score && score == best_score && (best || ntied) &&
		           (!best || strcmp(st->nm->rows[best->row].id, r->id) != 0)) {
			/* two different entities equally close: the words around
			 * decide ("Abdel Fattakh al-Sisi"), else stay quiet */
			if (best && ntied < 8)
				tied[ntied++] = best;
			if (ntied < 8)
				tied[ntied++] = h;
			best = NULL;
		}
	}
	/* the next words (past particles: "al-Sisi") pick one of them */
	for (size_t j = i + 1; !best && ntied && j < st->nwords && j <= i + 3; j++) {
		if (!joinable(doc, st->words[j - 1], st->words[j]))
			break;
		/* (past particles only: "Dutertre ont protesté. Sara" is not one
		 * name) */
		const tql_token *tj = &doc->tok[st->words[j]];
		if (!(tj->flags & TQL_TF_UPPER_INITIAL) && tql_u8_count(doc->text + tj->off, tj->len) > 3)
			break;
		size_t nl;
		const char *nk = word_key(st, j, &nl);
		const tql_name_hit *only = NULL;
		size_t fits = 0;
		for (size_t c = 0; nk && c < ntied; c++) {
			const char *id = st->nm->rows[tied[c]->row].id;
			if (!entity_has_word(st->nm, id, nk))
				continue;
			if (!only || strcmp(st->nm->rows[only->row].id, id) != 0)
				fits++;
			only = tied[c];
		}
		if (fits == 1)
			best = only;
	}
	tql_buf_free(&fk);
	/* still tied: a near miss that needs the entity elsewhere anyway;
	 * which one is named there decides ("Dutertre" beside Rodrigo
	 * Duterte, not his daughter Sara) */
	size_t nalt = 0;
	if (!best && ntied && best_score < 5) {
		best = tied[0];
		nalt = ntied;
	}
	if (!best)
		return TQL_OK;
	/* followed by another capitalised word that is no part of the name,
	 * it is the first part of some other name ("Assaad Al-Chaibani" is
	 * not Assad; "Redzhep Tayyip" is Recep Tayyip) */
	if (i + 1 < st->nwords && only_space(doc, st->words[i], st->words[i + 1]) &&
	    (doc->tok[st->words[i + 1]].flags & TQL_TF_UPPER_INITIAL)) {
		/* (and the words joined to it: "Al-Chaibani") */
		for (size_t j = i + 1; j < st->nwords && j <= i + 3; j++) {
			if (j > i + 1 && (!joinable(doc, st->words[j - 1], st->words[j]) ||
			                  !(doc->tok[st->words[j]].flags & TQL_TF_UPPER_INITIAL)))
				break;
			size_t nl;
			const char *nk = word_key(st, j, &nl);
			if (!nk || !entity_has_word(st->nm, st->nm->rows[best->row].id, nk))
				return TQL_OK;
		}
	}
	/* inside a phrase of another language ("the Hostaria dell' Orso"):
	 * asked only of findings that need no further evidence, since it loads
	 * the other languages' dictionaries */
	for (const char *const *l = latin_langs; *l && t->script == USCRIPT_LATIN && best_score >= 5;
	     l++)
		if (strcmp(*l, st->lang) != 0 &&
		    in_foreign_passage(st, i, i, *l, st->nm->rows[best->row].id))
			return TQL_OK;
	/* decided after the whole document is read (see resolve_near_misses) */
	if (!TQL_GROW(st->pend, st->pendcap, st->npend + 1))
		return TQL_ENOMEM;
	struct pending *pd = &st->pend[st->npend++];
	*pd = (struct pending){i, best, best_score >= 5, best_romanised && !nalt, {0}, nalt};
	memcpy(pd->alt, tied, nalt * sizeof *tied);
	return TQL_OK;
}

/* Does one of the first n mentions name entity id (correctly, if
 * `correct`)? */
static bool entity_named(const nstate *st, const char *id, size_t n, bool correct)
{
	const struct named *nd = named_of(st, id);
	size_t first = !nd ? 0 : correct ? nd->first_ok : nd->first_any;
	return first && first - 1 < n;
}

/* Is word i (its key) the folded form f with one letter left out? */
static bool letter_dropped(nstate *st, size_t i, const char *f)
{
	size_t kl;
	const char *k = word_key(st, i, &kl);
	tql_buf ff = {0};
	bool d = k && tql_fold(f, strlen(f), &ff) &&
	         tql_u8_count(ff.p, ff.n) == tql_u8_count(k, kl) + 1 &&
	         tql_names_osa(k, kl, ff.p, ff.n) == 1;
	tql_buf_free(&ff);
	return d;
}

/* Distance in bytes from token tk to the nearest correct mention of entity
 * id within a window around it (twice as wide with `wide`: one article);
 * SIZE_MAX if none. */
static size_t named_near(const nstate *st, const tql_token *tk, const char *id, bool wide)
{
	size_t best = SIZE_MAX;
	size_t nmen = st->nm_;
	/* the window is in bytes: wider for scripts of two-byte letters */
	size_t win = (tk->script == USCRIPT_LATIN ? 1500 : 3000) * (wide ? 2 : 1);
	/* mentions are in text order: look only at those within the window */
	size_t lo = 0, hi = nmen;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (st->m[mid].off + win < tk->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t m = lo; m < nmen && st->m[m].off < tk->off + win; m++)
		if (!st->m[m].error && strcmp(st->m[m].entity, id) == 0) {
			size_t d = st->m[m].off > tk->off ? st->m[m].off - tk->off : tk->off - st->m[m].off;
			if (d < best)
				best = d;
		}
	return best;
}

/*
 * A near miss is reported only with evidence beyond spelling, since real
 * but unknown names are often one letter away from a known one: the
 * person's own given name before it ("Steve Witcoof"), or the entity
 * written correctly elsewhere in the same document.
 */
static tql_status resolve_near_misses(nstate *st)
{
	tql_ctx *ctx = st->ctx;
	const tql_doc *doc = ctx->doc;
	size_t nmen = st->nm_;
	/* "entity\x1fkey" of the garbles reported so far */
	tql_strmap errs = {0};
	tql_buf ek = {0};
	for (size_t m = 0; m < nmen && st->npend; m++) {
		if (!st->m[m].error)
			continue;
		ek.n = 0;
		if (!tql_buf_printf(&ek, "%s\x1f%s", st->m[m].entity, st->m[m].key) ||
		    !tql_strmap_put(&errs, ek.p, ek.n, 1)) {
			tql_strmap_free(&errs);
			tql_buf_free(&ek);
			return TQL_ENOMEM;
		}
	}
	for (size_t p = 0; p < st->npend; p++) {
		struct pending *pd = &st->pend[p];
		const tql_token *tk = &doc->tok[st->words[pd->word]];
		/* of equally close entities, the one named nearby; of several
		 * named, the nearest if all share the form ("Dutertre" between
		 * Rodrigo and Sara Duterte is a garbled Duterte either way) */
		const tql_name_hit *pick = pd->nalt ? NULL : pd->hit;
		size_t pickd = SIZE_MAX, named = 0;
		bool same_form = true;
		for (size_t a = 0; a < pd->nalt; a++) {
			same_form &= strcmp(pd->alt[a]->form, pd->alt[0]->form) == 0;
			size_t d = named_near(st, tk, st->nm->rows[pd->alt[a]->row].id, false);
			if (d == SIZE_MAX)
				continue;
			if (!pick || strcmp(st->nm->rows[pick->row].id, st->nm->rows[pd->alt[a]->row].id) != 0)
				named++;
			if (d < pickd) {
				pickd = d;
				pick = pd->alt[a];
			}
		}
		if (!pick || (named > 1 && !same_form))
			continue;
		pd->hit = pick;
		const tql_name_row *r = &st->nm->rows[pd->hit->row];
		bool seen = pd->nalt || named_near(st, tk, r->id, false) != SIZE_MAX; /* (a pick is named) */
		/* a letter dropped ("Holnes" for Holness), the commonest garble,
		 * may stand further from the right form, within one article */
		seen = seen || (letter_dropped(st, pd->word, pd->hit->form) &&
		                named_near(st, tk, r->id, true) != SIZE_MAX);
		/* the romanised Russian form of the entity itself ("Makron") needs
		 * the entity anywhere in the document, not only nearby */
		seen = seen || (pd->romanised && entity_named(st, r->id, nmen, true));
		/* the same garble already reported with evidence ("Olaf Sholz" ...
		 * "Sholz") is the same mistake again */
		if (!seen && !pd->given) {
			size_t pkl;
			const char *pk = word_key(st, pd->word, &pkl);
			ek.n = 0;
			if (!pk || !tql_buf_printf(&ek, "%s\x1f%s", r->id, pk)) {
				tql_strmap_free(&errs);
				tql_buf_free(&ek);
				return TQL_ENOMEM;
			}
			seen = tql_strmap_get(&errs, ek.p, ek.n, NULL);
		}
		if (!pd->given && !seen)
			continue;
		const tql_token *t = &doc->tok[st->words[pd->word]];
		tql_name_hit h = *pd->hit;
		h.type = TQL_FORM_ERROR;
		/* a word of a longer name (a given name) is shown as the name */
		size_t tkl;
		const char *tkk = word_key(st, pd->word, &tkl);
		tql_buf hf = {0};
		bool far = !tkk || !tql_fold(pd->hit->form, strlen(pd->hit->form), &hf) ||
		           tql_names_osa(tkk, tkl, hf.p, hf.n) >= 3;
		tql_buf_free(&hf);
		const char *shown = far ? r->canonical : pd->hit->form;
		/* (finding and mention both without a possessive ending) */
		size_t tl = tql_nt_without_possessive(doc->text + t->off, t->len);
		if (!tql_emit(ctx, "name.near-miss", t->off, tl, shown, false,
		              "'%.*s' is not a known word or name; did you mean '%s' (%s)?",
		              (int)t->len, doc->text + t->off, shown, r->canonical) ||
		    !tkk || !add_mention(st, &h, tkk, tkl, t->off, tl)) {
			tql_strmap_free(&errs);
			tql_buf_free(&ek);
			return TQL_ENOMEM;
		}
	}
	tql_strmap_free(&errs);
	tql_buf_free(&ek);
	return TQL_OK;
}

/* The shared names the document decides later: a mention of the one
 * person of them the document names anywhere else, in text order. */
static tql_status resolve_ambiguous(nstate *st)
{
	size_t nmen = st->nm_;
	for (size_t p = 0; p < st->napend; p++) {
		const struct apending *ap = &st->apend[p];
		const tql_name_hit *pick = NULL;
		bool two = false;
		for (size_t h = 0; h < ap->n && !two; h++) {
			const char *id = st->nm->rows[ap->hit[h].row].id;
			if (!entity_named(st, id, nmen, false) ||
			    (pick && strcmp(st->nm->rows[pick->row].id, id) == 0))
				continue;
			two = pick != NULL;
			pick = &ap->hit[h];
		}
		if (!pick || two)
			continue;
		if (!add_mention(st, pick, ap->key, strlen(ap->key), ap->off, ap->len))
			return TQL_ENOMEM;
		/* into its place in text order */
		mention nm = st->m[st->nm_ - 1];
		size_t at = st->nm_ - 1;
		while (at > 0 && st->m[at - 1].off > nm.off) {
			st->m[at] = st->m[at - 1];
			at--;
		}
		st->m[at] = nm;
	}
	return TQL_OK;
}

/* consistency.name: mentions of one entity whose forms are incompatible.
 * The reference of an entity is its first canonical mention, else its first
 * mention; found with one hash pass, so the cost is linear in mentions. One
 * name written with and without its accents ("Yeşilgöz" ... "Yesilgöz") is
 * tql_na_accent_consistency()'s, called at the end. */
/* How far apart two folded forms are: edits between the whole forms or
 * between their last words, whichever is fewer ("provost" is one edit from
 * "robert francis prevost", not fifteen). */
static int key_distance(const char *a, const char *b)
{
	int d = tql_names_osa(a, strlen(a), b, strlen(b));
	const char *la = strrchr(a, ' '), *lb = strrchr(b, ' ');
	la = la ? la + 1 : a;
	lb = lb ? lb + 1 : b;
	int dl = tql_names_osa(la, strlen(la), lb, strlen(lb));
	return dl < d ? dl : d;
}

static tql_status consistency(nstate *st)
{
	tql_ctx *ctx = st->ctx;
	tql_strmap ref = {0}; /* entity id -> index of its reference mention */
	tql_status rs = TQL_ENOMEM;
	int *rank = malloc(sizeof *rank * (st->nm_ + 1)); /* owned */
	if (!rank)
		goto done;
	for (size_t a = 0; a < st->nm_; a++) {
		const mention *m = &st->m[a];
		uintptr_t r;
		size_t el = strlen(m->entity);
		/* reference: the first canonical mention, else the first correct
		 * one written as part of the canonical form ("Цінтула" of "Юрай
		 * Цінтула", not "Юрай Цинтула"), else the first correct one, else
		 * the first; a known error never outranks a correct form */
		rank[a] = m->canonical ? 3 : m->error ? 0 : 1;
		if (rank[a] == 1) {
			tql_buf ck = {0};
			const char *canon = st->nm->rows[m->row].canonical;
			if (tql_fold(canon, strlen(canon), &ck) && tql_nt_words_within(m->key, ck.p))
				rank[a] = 2;
			tql_buf_free(&ck);
		}
		if (!tql_strmap_get(&ref, m->entity, el, &r) || rank[a] > rank[r]) {
			if (!tql_strmap_put(&ref, m->entity, el, a))
				goto done;
		}
	}
	for (size_t a = 0; a < st->nm_; a++) {
		mention *m = &st->m[a];
		uintptr_t r;
		if (!tql_strmap_get(&ref, m->entity, strlen(m->entity), &r))
			continue;
		const mention *rf = &st->m[r];
		/* a wrong form is compared with the closest right one ("Leo XIV"
		 * with "Léon XIV", not with "Robert Francis Prevost") */
		if (m->error) {
			int best = key_distance(rf->key, m->key);
			for (size_t b = 0, seen = 0; b < st->nm_ && best > 1 && seen < 200; b++) {
				const mention *c = &st->m[b];
				if (c->error || strcmp(c->entity, m->entity) != 0)
					continue;
				seen++;
				int d = key_distance(c->key, m->key);
				if (d < best) {
					best = d;
					rf = c;
				}
			}
		}
		/* an acronym and the full name are one style, not two spellings */
		bool person = st->nm->rows[m->row].kind == TQL_NK_PERSON;
		/* house style: a preferred form set in the configuration */
		const char *shown = NULL;
		const char *pref = NULL;
		uintptr_t di;
		if (tql_strmap_get(&st->dpref, m->entity, strlen(m->entity), &di)) {
			pref = st->dpref_key[di - 1];
			shown = st->dpref_shown[di - 1];
		} else {
			pref = tql_names_preferred(st->nm, st->lang, m->entity, &shown);
		}
		if (pref && !m->error && !m->acronym) {
			/* the preferred form is the reference of its entity */
			if (!compatible(st->lang, pref, m->key, false, false, false) &&
			    !tql_emit(ctx, "consistency.name", m->off, m->len, shown, false,
			              "house style writes this name as '%s'", shown))
				goto done;
			continue;
		}
		/* a known error is never an alias, except a person's given name
		 * alone ("Redzhep" beside "Recep Tayyip Erdoğan") */
		bool never_alias = m->error && (!person || strchr(m->key, ' '));
		/* an organisation's short name is another word count, not another
		 * spelling ("Єврокомісія" / "Європейська комісія") */
		if (!m->error && !rf->error && st->nm->rows[m->row].kind == TQL_NK_ORG &&
		    nwords_of(m->key) != nwords_of(rf->key))
			continue;
		if (rf == m || rf->acronym || m->acronym ||
		    compatible(st->lang, rf->key, m->key, person, never_alias, m->error))
			continue;
		if (!rf->canonical && rank[rf - st->m] <= rank[a] && !(m->error && !rf->error) &&
		    rf->off > m->off)
			continue;
		/* the other part of the same name ("Си" before a garbled
		 * "Джинпинг"): not a second spelling */
		if (rf->off + rf->len < m->off && m->off - (rf->off + rf->len) <= 2 &&
		    strspn(ctx->doc->text + rf->off + rf->len, " ") >= m->off - (rf->off + rf->len))
			continue;
		char refshown[256];
		size_t rl = rf->len < 200 ? rf->len : 200;
		const char *rt = ctx->doc->text + rf->off;
		rl = tql_nt_without_possessive(rt, rl); /* show "Kyiv", not "Kyiv’s" */
		snprintf(refshown, sizeof refshown, "%.*s", (int)rl, rt);
		/* an inflected reference ("Kiews", "Киеве") is shown in its table form */
		tql_buf rk = {0};
		if (!rf->error && tql_fold(rt, rl, &rk) && strcmp(rk.p, rf->key) != 0)
			snprintf(refshown, sizeof refshown, "%s", rf->form);
		tql_buf_free(&rk);
		if (!tql_nt_emit_written(ctx, m->off, m->len, refshown, rf->off))
			goto done;
	}
	rs = tql_na_accent_consistency(ctx, st->lang, st->m, st->nm_) &&
	             tql_na_case_consistency(ctx, st->m, st->nm_)
	         ? TQL_OK
	         : TQL_ENOMEM;
done:
	free(rank);
	tql_strmap_free(&ref);
	return rs;
}

/* House style from the document's configuration (`prefer = Zelenskyy, Kyiv`):
 * each form is looked up in the table to find its entity. Unknown forms are
 * ignored here (the config loader cannot know the table). */
static bool load_doc_prefer(nstate *st)
{
	const char *list = tql_doc_prefer(st->ctx->doc);
	tql_buf f = {0};
	bool ok = true;
	while (list && *list && st->ndpref < 16 && ok) {
		size_t l = strcspn(list, ",");
		const char *p = list;
		size_t n = l;
		while (n && *p == ' ') {
			p++;
			n--;
		}
		while (n && p[n - 1] == ' ')
			n--;
		f.n = 0;
		if (n && tql_fold(p, n, &f) && f.n) {
			const struct tql_hitlist *hl = tql_names_lookup(st->nm, st->lang, f.p, f.n);
			for (size_t h = 0; hl && h < hl->n; h++) {
				if (hl->v[h].type == TQL_FORM_ERROR)
					continue;
				const char *id = st->nm->rows[hl->v[h].row].id;
				st->dpref_key[st->ndpref] = tql_strndup(f.p, f.n);
				st->dpref_shown[st->ndpref] = tql_strndup(p, n);
				ok = st->dpref_key[st->ndpref] && st->dpref_shown[st->ndpref] &&
				     tql_strmap_put(&st->dpref, id, strlen(id), st->ndpref + 1);
				st->ndpref++;
				break;
			}
		}
		list += l;
		if (*list == ',')
			list++;
	}
	tql_buf_free(&f);
	return ok;
}

/* French and Italian elide an article or preposition into the next word
 * ("l'Azerbaïdjan", "d'Emmanuel", "dell'Ucraina"): a copy of the tokens
 * where such words start at the name, for this check only (owned by the
 * caller; NULL when out of memory). */
static tql_token *elided_tokens(const tql_doc *doc, const char *lang, const tql_names *nm)
{
	static const char *const fr[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
	                                 "lorsqu", "puisqu", NULL};
	static const char *const it[] = {"l", "d", "dell", "all", "dall", "nell", "sull", "coll",
	                                 "un", "quest", "quell", "c", NULL};
	const char *const *pre = strcmp(lang, "fr") == 0 ? fr : strcmp(lang, "it") == 0 ? it : NULL;
	tql_token *t = malloc(sizeof *t * (doc->ntok + 1));
	if (!t)
		return NULL;
	if (doc->ntok)
		memcpy(t, doc->tok, sizeof *t * doc->ntok);
	for (size_t k = 0; pre && k < doc->ntok; k++) {
		if (t[k].kind != TQL_TOK_WORD)
			continue;
		const char *w = doc->text + t[k].off;
		size_t n = t[k].len, a = 0;
		while (a < n && a < 8 && w[a] != '\'' && (unsigned char)w[a] != 0xE2)
			a++;
		size_t al = a < n && w[a] == '\'' ? 1 : a + 3 <= n && memcmp(w + a, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
		if (!al || a + al >= n)
			continue;
		bool known = false;
		for (const char *const *p = pre; *p && !known; p++)
			known = strlen(*p) == a && strncasecmp(w, *p, a) == 0;
		size_t i = a + al;
		int32_t c = tql_u8_next(w, n, &i);
		if (!known || c < 0 || !(u_isupper(c) || u_istitle(c)))
			continue;
		/* a capital pronoun before a capital is part of a name: "Affi
		 * N’Guessan", "N'Djamena" (only L' and D' start a sentence and a
		 * name: "L’Élysée") */
		if (a == 1 && (w[0] >= 'A' && w[0] <= 'Z') && w[0] != 'L' && w[0] != 'D')
			continue;
		/* ... and a name the table holds with its apostrophe ("Anne
		 * L’Huillier") */
		if (a == 1) {
			tql_buf f = {0};
			bool whole = tql_fold(w, n, &f) && tql_names_any_lang(nm, f.p, f.n);
			tql_buf_free(&f);
			if (whole)
				continue;
		}
		t[k].off += a + al;
		t[k].len -= a + al;
		tql_word_flags(doc->text + t[k].off, t[k].len, &t[k]);
	}
	return t;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	const tql_names *nm = ctx->eng->names;
	tql_doc *doc = ctx->doc;
	if (!nm || !nm->nrows)
		return TQL_OK;
	nstate st = {0};
	st.foreign_marks = -1;
	size_t *unk = NULL, nunk = 0, unkcap = 0; /* cluster candidates (token indices) */
	st.ctx = ctx;
	st.nm = nm;
	st.lang = tql_names_has_lang(nm, doc->lang) ? doc->lang : "en";
	tql_status rs = TQL_ENOMEM;
	tql_buf key = {0};
	tql_token *own_tok = elided_tokens(doc, st.lang, nm), *doc_tok = doc->tok;
	if (!own_tok)
		goto done;
	doc->tok = own_tok; /* restored below */
	st.words = malloc(sizeof *st.words * (doc->ntok + 1));
	if (!st.words)
		goto done;
	for (size_t t = 0; t < doc->ntok; t++)
		if (doc->tok[t].kind == TQL_TOK_WORD)
			st.words[st.nwords++] = t;
	st.fold_at = calloc(st.nwords + 1, sizeof *st.fold_at);
	if (!st.fold_at)
		goto done;
	if (!load_doc_prefer(&st))
		goto done;
	for (size_t i = 0; i < st.nwords;) {
		const tql_token *t = &doc->tok[st.words[i]];
		/* (a word cut by mojibake, "Pakistanâ€™s" read as "Pakistana", is
		 * encoding.mojibake's) */
		if (!(t->flags & TQL_TF_UPPER_INITIAL) ||
		    tql_nt_mojibake_tail(doc->text + t->off, t->len, doc->text + doc->len)) {
			i++;
			continue;
		}
		rs = TQL_OK;
		size_t ew = english_mediated(&st, i, &rs);
		if (rs != TQL_OK)
			goto done;
		/* (before matching: "Батумі" is no Russian inflection of Батуми) */
		if (!ew)
			ew = other_alphabet(&st, i, &rs);
		if (rs != TQL_OK)
			goto done;
		if (ew) {
			i += ew;
			continue;
		}
		const struct tql_hitlist *hl = NULL;
		size_t w = match_at(&st, i, &hl, &key);
		/* a given name and a garbled family name, unless the table knows
		 * the garble itself ("Steve Witcoof"); before the match, since the
		 * given name alone may be a name ("Владимир" the city) */
		bool known_error = false;
		for (size_t h = 0; w && h < hl->n; h++)
			known_error |= hl->v[h].type == TQL_FORM_ERROR;
		/* (nor when a known full name starts here, written exactly:
		 * "Benyamin Nétanyahou"; an inflection match may hide the garble) */
		bool exact_full = w >= 2 && (tql_names_lookup(st.nm, st.lang, key.p, key.n) ||
		                             tql_names_lookup(st.nm, "en", key.p, key.n));
		/* ... or the family name first, one of the two words garbled
		 * ("Si Jinping", "Abe Sinjo"; both words are taken) */
		if (!known_error && !exact_full) {
			size_t fw = full_name_near(&st, i, &rs);
			if (rs == TQL_OK && !fw && w <= 1)
				fw = family_first_near(&st, i, &rs);
			if (rs != TQL_OK)
				goto done;
			if (fw) {
				i += fw;
				continue;
			}
		}
		if (w) {
			if ((rs = on_match(&st, i, w, hl, key.p, key.n)) != TQL_OK)
				goto done;
			i += w;
			continue;
		}
		rs = TQL_OK;
		size_t fw = foreign_form(&st, i, &rs);
		if (rs != TQL_OK)
			goto done;
		if (fw) {
			i += fw;
			continue;
		}
		if ((rs = near_miss(&st, i)) != TQL_OK)
			goto done;
		/* an unknown capitalised word: a candidate for name clusters */
		if (!(t->flags & (TQL_TF_ALL_UPPER | TQL_TF_HAS_DIGIT)) &&
		    tql_u8_count(doc->text + t->off, t->len) >= 4 &&
		    !tql_nt_odd_letters(doc->text + t->off, t->len, t->script) &&
		    tql_spell(ctx->chk, ctx->lang, doc->text + t->off, t->len) == 0) {
			if (!TQL_GROW(unk, unkcap, nunk + 1)) {
				rs = TQL_ENOMEM;
				goto done;
			}
			unk[nunk++] = st.words[i];
		}
		i++;
	}
	if ((rs = resolve_near_misses(&st)) != TQL_OK || (rs = resolve_foreign(&st)) != TQL_OK)
		goto done;
	/* unknown names written two ways (words no other finding covers) */
	size_t keep = 0;
	{
		tql_strmap at = {0};
		bool ok = true;
		for (size_t m = 0; m < st.nm_ && ok; m++)
			ok = tql_strmap_put(&at, (const char *)&st.m[m].off, sizeof st.m[m].off, 1);
		for (size_t u = 0; u < nunk && ok; u++) {
			size_t o = doc->tok[unk[u]].off;
			if (!tql_strmap_get(&at, (const char *)&o, sizeof o, NULL))
				unk[keep++] = unk[u];
		}
		/* every word inside a matched name, for the clusters to leave */
		tql_strmap covered = {0};
		for (size_t m = 0; m < st.nm_ && ok; m++)
			for (size_t t = tql_doc_token_at(doc, st.m[m].off);
			     t < doc->ntok && doc->tok[t].off < st.m[m].off + st.m[m].len && ok; t++) {
				size_t o = doc->tok[t].off;
				ok = tql_strmap_put(&covered, (const char *)&o, sizeof o, 1);
			}
		rs = ok ? tql_name_clusters(ctx, nm, unk, keep, &covered) : TQL_ENOMEM;
		tql_strmap_free(&covered);
		tql_strmap_free(&at);
		if (rs != TQL_OK)
			goto done;
	}
	if ((rs = resolve_ambiguous(&st)) != TQL_OK)
		goto done;
	/* ... and another spelling of a name the document names nearby */
	if ((rs = tql_name_echoes(ctx, nm, st.m, st.nm_, unk, keep)) != TQL_OK)
		goto done;
	/* ... or Russian in Ukrainian text, Ukrainian in Russian */
	if ((rs = tql_name_other_slavic(ctx, st.lang, nm)) != TQL_OK)
		goto done;
	/* ... or of a city of a country the document names */
	if ((rs = tql_name_places(ctx, st.lang, nm, ctx->eng->places, st.m, st.nm_, unk, keep)) != TQL_OK)
		goto done;
	/* ... or a city written with another language's name */
	if ((rs = tql_name_exonyms(ctx, st.lang, nm, ctx->eng->places)) != TQL_OK)
		goto done;
	rs = consistency(&st);
	/* ... and any capitalised word with and without an accent (after the
	 * table's own judgements, which it leaves alone) */
	/* ... and one name written as one word and as two, or in both orders */
	if (rs == TQL_OK && tql_rule_enabled(ctx->eng, "consistency.name") &&
	    (!tql_na_accent_words(ctx, st.m, st.nm_) || !tql_name_forms(ctx, nm) ||
	     !tql_name_order(ctx, nm, st.m, st.nm_) || !tql_name_title_order(ctx)))
		rs = TQL_ENOMEM;
done:
	if (own_tok) {
		doc->tok = doc_tok;
		free(own_tok);
	}
	free(st.pend);
	free(st.fpend);
	free(st.apend);
	free(unk);
	for (size_t i = 0; i < st.ndpref; i++) {
		free(st.dpref_key[i]);
		free(st.dpref_shown[i]);
	}
	tql_strmap_free(&st.dpref);
	tql_strmap_free(&st.ent);
	free(st.ents);
	for (size_t i = 0; i < st.nm_; i++)
		free(st.m[i].key);
	free(st.m);
	free(st.words);
	free(st.fold_at);
	tql_buf_free(&st.folds);
	tql_buf_free(&key);
	return rs;
}

const tql_check_def tql_check_names = {
	"names", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
