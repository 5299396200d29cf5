/* name_place.c - an unknown word that is a misspelt city of a country the
 * document names (see name_place.h). Each candidate is compared with the
 * gazetteer names of its first letter and about its length (places.c). */
#include "name_place.h"

#include "name_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uscript.h>

enum {
	MIN_LETTERS = 5,
	NEAR = 3000,           /* bytes: a country named nearby */
	EVIDENCE_MIN_POP = 100000, /* a city that tells its country */
	MAX_SEQ = 3, /* words of a multi-word city name looked up as evidence */
	SHORT_NAME = 6,
	SHORT_MIN_POP = 100000
};

/* One place in the text that names a country: the country itself, or
 * one of its large cities. */
typedef struct evidence {
	char cc[3];
	size_t off;
} evidence;

typedef struct pstate {
	tql_ctx *ctx;
	const char *lang;   /* table language of the document */
	const tql_places *pl;
	const tql_names *nm;
	evidence *ev;       /* in text order (owned) */
	size_t nev, evcap;
} pstate;

static bool add_evidence(pstate *ps, const char *cc, size_t off)
{
	if (!TQL_GROW(ps->ev, ps->evcap, ps->nev + 1))
		return false;
	memcpy(ps->ev[ps->nev].cc, cc, 3);
	ps->ev[ps->nev++].off = off;
	return true;
}

/* Is cc the country the document names nearest to offset off (within
 * NEAR bytes)? A country named in another part of the text is no context
 * here. */
static bool country_named(const pstate *ps, const char *cc, size_t off)
{
	size_t best = NEAR;
	bool match = false;
	for (size_t i = 0; i < ps->nev; i++) {
		size_t o = ps->ev[i].off, d = o > off ? o - off : off - o;
		bool same = memcmp(ps->ev[i].cc, cc, 2) == 0;
		if (d < best || (d == best && same)) {
			best = d;
			match = same;
		}
	}
	return match;
}

/* Is cc a country where lang is the main language? Machine translation
 * does not re-spell the names of the target language's own places, and
 * there a name the gazetteer lacks is a village it is too small to hold
 * ("Turís", "Letur" in Spanish text), not a garble. */
bool tql_np_home_country(const char *lang, const char *cc)
{
	static const struct {
		const char *lang, *cc;
	} home[] = {
		{"en", "US GB CA AU IE NZ"},
		{"de", "DE AT CH LI"},
		{"fr", "FR BE CH LU MC"},
		{"es", "ES MX AR CO PE VE CL EC GT CU BO DO HN PY SV NI CR PA UY"},
		{"it", "IT SM VA CH"},
		{"ru", "RU BY"},
		{"uk", "UA"},
	};
	for (size_t i = 0; i < sizeof home / sizeof *home; i++)
		if (strcmp(home[i].lang, lang) == 0)
			for (const char *p = home[i].cc; *p; p += p[2] ? 3 : 2)
				if (p[0] == cc[0] && p[1] == cc[1])
					return true;
	return false;
}

/* Countries of an exact lookup: one if all cities of the name share it. */
typedef struct exact_ud {
	const tql_places *pl;
	char cc[3];
	bool many;
	uint32_t pop; /* the largest */
} exact_ud;

static bool on_exact(void *ud, const tql_place_name *n)
{
	exact_ud *x = ud;
	const char *c = tql_places_country(x->pl, n->place);
	uint32_t pop = tql_places_population(x->pl, n->place);
	if (pop > x->pop)
		x->pop = pop;
	if (!x->cc[0])
		memcpy(x->cc, c, 3);
	else if (memcmp(x->cc, c, 2) != 0)
		x->many = true;
	return !x->many;
}

/* Collects where the document names countries: the table's country
 * mentions, and each large city whose name is one country's only (not a
 * word of the language, nor a given name: "Un", "Teresa"). */
static bool collect_countries(pstate *ps, const tql_mention *ms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const char *id = ms[i].entity;
		if (ms[i].error || strncmp(id, "cldr-region-", 12) != 0 || strlen(id) != 14)
			continue;
		char cc[3] = {(char)(id[12] & ~0x20), (char)(id[13] & ~0x20), '\0'};
		if (cc[0] >= 'A' && cc[0] <= 'Z' && cc[1] >= 'A' && cc[1] <= 'Z' &&
		    !add_evidence(ps, cc, ms[i].off))
			return false;
	}
	tql_ctx *ctx = ps->ctx;
	const tql_doc *doc = ctx->doc;
	tql_buf k = {0};
	bool ok = true;
	for (size_t t = 0; t < doc->ntok && ok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || !(tk->flags & TQL_TF_UPPER_INITIAL) ||
		    (tk->flags & (TQL_TF_HAS_DIGIT | TQL_TF_ALL_UPPER)))
			continue;
		k.n = 0;
		size_t u = t;
		for (size_t w = 0; w < MAX_SEQ && ok; w++) {
			const tql_token *x = &doc->tok[u];
			if ((w && !tql_buf_addc(&k, ' ')) || !tql_fold(doc->text + x->off, x->len, &k)) {
				ok = false;
				break;
			}
			exact_ud e = {ps->pl, {0}, false, 0};
			tql_places_each(ps->pl, ps->lang, k.p, k.n, false, on_exact, &e);
			if (e.cc[0] && !e.many && e.pop >= EVIDENCE_MIN_POP &&
			    tql_u8_count(k.p, k.n) >= 4 && !tql_names_is_given(ps->nm, k.p, k.n) &&
			    (w > 0 || tql_spell_lowered(ctx->chk, ctx->lang, doc->text + tk->off, tk->len) == 0)) {
				ok = add_evidence(ps, e.cc, tk->off);
			}
			/* the next word, after one space or hyphen, capitalised */
			if (u + 2 >= doc->ntok || doc->tok[u + 2].kind != TQL_TOK_WORD ||
			    !(doc->tok[u + 2].flags & TQL_TF_UPPER_INITIAL) ||
			    !(doc->tok[u + 1].kind == TQL_TOK_SPACE ||
			      (doc->tok[u + 1].len == 1 && doc->text[doc->tok[u + 1].off] == '-')) ||
			    doc->tok[u + 1].len != 1)
				break;
			u += 2;
		}
	}
	tql_buf_free(&k);
	return ok;
}

/* The closest city names to one candidate. */
typedef struct near_ud {
	const pstate *ps;
	const char *key;
	size_t kl, letters;
	size_t off;  /* the candidate's */
	bool cyrillic;
	int best_d;
	const tql_place_name *best; /* (points into best_n) */
	tql_place_name best_n;
	bool tied;   /* as close to another name */
	bool veto;   /* the candidate is a city's name plus an ending */
} near_ud;

static bool on_near(void *ud, const tql_place_name *n)
{
	near_ud *x = ud;
	const char *cc = tql_places_country(x->ps->pl, n->place);
	if (tql_np_home_country(x->ps->lang, cc) || !country_named(x->ps, cc, x->off))
		return true;
	if (tql_nt_derivation(x->key, x->kl, n->key, n->keylen)) {
		x->veto = true; /* "Colombos", "Jaffnese" */
		return false;
	}
	int d = tql_names_osa(x->key, x->kl, n->key, n->keylen);
	size_t nl = tql_u8_count(n->key, n->keylen);
	size_t shorter = x->letters < nl ? x->letters : nl;
	/* one edit, or two that keep the consonants or sounds of a long name
	 * ("Anuradapura" / Anuradhapura) */
	bool close = d == 1 || (d == 2 && shorter >= 8 && !x->cyrillic &&
	                        (tql_nt_same_sound(x->key, x->kl, n->key, n->keylen) ||
	                         tql_nt_same_skeleton(x->key, x->kl, n->key, n->keylen)));
	if (!close)
		return true;
	/* (Cyrillic: an edit in the last two letters is a case ending of the
	 * name, "Джафне" of Джафна) */
	if (x->cyrillic) {
		size_t p = 0;
		while (p < x->kl && p < n->keylen && x->key[p] == n->key[p])
			p++;
		if (tql_u8_count(x->key, p) + 2 >= x->letters)
			return true;
	}
	if (d < x->best_d) {
		x->best_d = d;
		x->best_n = *n;
		x->best = &x->best_n;
		x->tied = false;
	} else if (d == x->best_d && (x->best->keylen != n->keylen ||
	                              memcmp(x->best->key, n->key, n->keylen) != 0)) {
		x->tied = true;
	} else if (d == x->best_d && x->best->place == n->place &&
	           tql_nt_accent_count(n->form, strlen(n->form)) <
	               tql_nt_accent_count(x->best->form, strlen(x->best->form))) {
		x->best_n = *n; /* the plainer of two spellings: "Anuradhapura" */
	}
	return true;
}

/* Is token t joined to a word by a hyphen ("Galveston-Port Aransas")? */
static bool hyphenated(const tql_doc *doc, size_t t)
{
	const tql_token *tk = &doc->tok[t];
	return (tk->off > 0 && doc->text[tk->off - 1] == '-') ||
	       (tk->off + tk->len < doc->len && doc->text[tk->off + tk->len] == '-');
}

/* Is token t after a listed given name or a capitalised word the
 * dictionary does not know ("Panduleni Itula")? Then it is a person's name,
 * or part of a longer name. */
static bool after_name(tql_ctx *ctx, const tql_names *nm, size_t t)
{
	const tql_doc *doc = ctx->doc;
	if (t < 2 || doc->tok[t - 1].kind != TQL_TOK_SPACE || doc->tok[t - 2].kind != TQL_TOK_WORD)
		return false;
	const tql_token *p = &doc->tok[t - 2];
	if (!(p->flags & TQL_TF_UPPER_INITIAL) || (p->flags & TQL_TF_ALL_UPPER))
		return false;
	tql_buf g = {0};
	bool name = tql_fold(doc->text + p->off, p->len, &g) &&
	            (tql_names_is_given(nm, g.p, g.n) ||
	             tql_spell(ctx->chk, ctx->lang, doc->text + p->off, p->len) == 0);
	tql_buf_free(&g);
	return name;
}

/* Words that put a place name after them (prepositions of place, and
 * nouns for a place: "in", "province of", "Wahlbezirk", "distretto di").
 * A noun may also follow the name ("Jaffna district"). A preposition that
 * also marks a possessor ("of", "de", "di") counts only after a noun. */
typedef struct cues {
	const char *lang;
	const char *prep;  /* space-separated */
	const char *of;    /* the genitive prepositions */
	const char *nouns; /* stems: a word that starts (de: ends) with one */
} cues;

static const cues cue_table[] = {
	{"en", "in near from outside around", "of",
	 "city cities town towns village villages province provinces district districts region "
	 "regions capital port county municipality state suburb"},
	{"de", "in bei nach aus nahe", "von",
	 "stadt städte ort dorf provinz bezirk region hauptstadt hafen kreis gemeinde"},
	{"fr", "à près vers depuis", "de d",
	 "ville villes village villages province provinces district districts région régions "
	 "capitale port commune"},
	{"es", "en desde hacia cerca", "de",
	 "ciudad ciudades pueblo pueblos provincia provincias distrito distritos región regiones "
	 "capital puerto municipio localidad"},
	{"it", "a ad in presso verso", "di",
	 "città paese paesi villaggio villaggi provincia province distretto distretti regione "
	 "regioni capitale porto comune"},
	{"ru", "в во под около", "",
	 "город города городе провинци район област столиц посёлк поселк порт"},
	{"uk", "в у під біля", "",
	 "міст провінці район област столиц селищ порт"},
};

/* Is the folded word w (n bytes) one of the space-separated words of list
 * (folded here: "à" is "a"), or (stems) does it start with one (German:
 * end with one)? */
static bool in_list(const char *list, const char *w, size_t n, bool stems, bool suffix)
{
	bool hit = false;
	tql_buf f = {0};
	for (const char *p = list; *p && !hit;) {
		const char *e = strchr(p, ' ');
		size_t l0 = e ? (size_t)(e - p) : strlen(p);
		f.n = 0;
		if (!tql_fold(p, l0, &f))
			break;
		size_t l = f.n;
		hit = l == n ? memcmp(f.p, w, n) == 0
		             : stems && l < n && memcmp(suffix ? w + n - l : w, f.p, l) == 0;
		p += l0 + (e != NULL);
	}
	tql_buf_free(&f);
	return hit;
}

/* The folded word token at t, if it is one; false on out of memory. */
static bool word_at(const tql_doc *doc, size_t t, tql_buf *out)
{
	out->n = 0;
	if (t >= doc->ntok || doc->tok[t].kind != TQL_TOK_WORD)
		return tql_buf_add(out, "", 0);
	return tql_fold(doc->text + doc->tok[t].off, doc->tok[t].len, out);
}

bool tql_np_place_cue(const tql_doc *doc, const char *lang, size_t t, bool genitive, bool *ok)
{
	const cues *c = NULL;
	for (size_t i = 0; i < sizeof cue_table / sizeof *cue_table; i++)
		if (strcmp(cue_table[i].lang, lang) == 0)
			c = &cue_table[i];
	*ok = true;
	if (!c)
		return false;
	bool de = strcmp(lang, "de") == 0, cue = false;
	tql_buf w = {0};
	/* the word before (one space, or an apostrophe: "d'Anuradapura") */
	size_t p = t >= 2 && doc->tok[t - 1].kind == TQL_TOK_SPACE ? t - 2 : SIZE_MAX;
	const tql_token *ap = t >= 2 ? &doc->tok[t - 1] : NULL;
	if (p == SIZE_MAX && ap &&
	    ((ap->len == 1 && doc->text[ap->off] == '\'') ||
	     (ap->len == 3 && memcmp(doc->text + ap->off, "\xE2\x80\x99", 3) == 0)) &&
	    doc->tok[t - 2].kind == TQL_TOK_WORD)
		p = t - 2;
	if (p != SIZE_MAX && (*ok = word_at(doc, p, &w)) && w.n) {
		if (in_list(c->prep, w.p, w.n, false, false) || in_list(c->nouns, w.p, w.n, true, de))
			cue = true;
		else if (genitive && in_list(c->of, w.p, w.n, false, false))
			cue = true; /* "di Milan" */
		else if (in_list(c->of, w.p, w.n, false, false) && p >= 2 &&
		         doc->tok[p - 1].kind == TQL_TOK_SPACE && (*ok = word_at(doc, p - 2, &w)) &&
		         w.n && in_list(c->nouns, w.p, w.n, true, de))
			cue = true; /* "province of", "distretto di" */
	}
	/* the word after: "Jaffna district" */
	if (!cue && *ok && t + 2 < doc->ntok && doc->tok[t + 1].kind == TQL_TOK_SPACE &&
	    (*ok = word_at(doc, t + 2, &w)) && w.n && in_list(c->nouns, w.p, w.n, true, de))
		cue = true;
	tql_buf_free(&w);
	return cue;
}

tql_status tql_name_places(tql_ctx *ctx, const char *lang, const tql_names *nm,
                           const tql_places *pl, const tql_mention *ms, size_t n, const size_t *cand, size_t ncand)
{
	if (!pl || ncand == 0)
		return TQL_OK;
	const tql_doc *doc = ctx->doc;
	pstate ps = {ctx, lang, pl, nm, NULL, 0, 0};
	tql_status rs = TQL_ENOMEM;
	tql_buf k = {0};
	if (!collect_countries(&ps, ms, n))
		goto done;
	for (size_t c = 0; c < ncand; c++) {
		const tql_token *tk = &doc->tok[cand[c]];
		if ((tk->script != USCRIPT_LATIN && tk->script != USCRIPT_CYRILLIC) ||
		    tql_nt_without_possessive(doc->text + tk->off, tk->len) != tk->len)
			continue;
		k.n = 0;
		if (!tql_fold(doc->text + tk->off, tk->len, &k))
			goto done;
		size_t letters = tql_u8_count(k.p, k.n);
		if (letters < MIN_LETTERS || tql_names_is_given(nm, k.p, k.n) ||
		    tql_names_any_lang(nm, k.p, k.n) || tql_places_known(pl, k.p, k.n) ||
		    tql_nt_after_title(doc, cand[c]) || after_name(ctx, nm, cand[c]) ||
		    hyphenated(doc, cand[c]) || tql_nt_covered(doc, tk))
			continue;
		bool ok;
		bool cue = tql_np_place_cue(doc, lang, cand[c], false, &ok);
		if (!ok)
			goto done;
		if (!cue)
			continue;
		near_ud x = {&ps, k.p, k.n, letters, tk->off, tk->script == USCRIPT_CYRILLIC, 3, NULL, {0},
		             false, false};
		tql_places_each(pl, lang, k.p, k.n, true, on_near, &x);
		/* (a short name needs a large city: five letters one edit from
		 * some town of 15,000 are common) */
		if (!x.best || x.tied || x.veto ||
		    (letters <= SHORT_NAME && tql_places_population(pl, x.best->place) < SHORT_MIN_POP))
			continue;
		const char *cc = tql_places_country(pl, x.best->place);
		char id[16];
		snprintf(id, sizeof id, "cldr-region-%c%c", cc[0] | 0x20, cc[1] | 0x20);
		const tql_name_row *r = tql_names_entity_row(nm, id, lang);
		if (!r)
			r = tql_names_entity_row(nm, id, "en");
		if (!tql_emit(ctx, "name.near-miss", tk->off, tk->len, x.best->form, false,
		              "'%.*s' is not a known word or name; did you mean '%s' (a city in %s)?",
		              (int)tk->len, doc->text + tk->off, x.best->form, r ? r->canonical : cc))
			goto done;
	}
	rs = TQL_OK;
done:
	free(ps.ev);
	tql_buf_free(&k);
	return rs;
}
