/* name_echo.c - an unknown word that echoes a name the document names.
 * Each candidate is compared with the name words of the mentions within a
 * window around it (mentions are in text order), so the cost grows with
 * the candidates, not with the square of the document. */
#include "name_echo.h"

#include "name_text.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uscript.h>

enum {
	WINDOW = 3000, /* bytes either side: a few paragraphs */
	MIN_LETTERS = 5
};

/* One word of a mention's text. */
typedef struct anchor {
	char *key;          /* folded (owned) */
	size_t letters;
	size_t tok;         /* its token */
	const char *entity; /* borrowed from the table */
	uint8_t kind;       /* the entity's tql_name_kind */
} anchor;

typedef struct estate {
	tql_ctx *ctx;
	anchor *a;
	size_t na, cap;
} estate;

/* Adds the capitalised Latin words of mention m of five letters or more. */
static bool add_anchors(estate *es, const tql_names *nm, const tql_mention *m)
{
	const tql_doc *doc = es->ctx->doc;
	uint8_t kind = nm->rows[m->row].kind;
	if (m->error || m->acronym || (kind != TQL_NK_PERSON && kind != TQL_NK_PLACE))
		return true;
	for (size_t t = tql_doc_token_at(doc, m->off);
	     t < doc->ntok && doc->tok[t].off < m->off + m->len; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN ||
		    !(tk->flags & TQL_TF_UPPER_INITIAL) || (tk->flags & TQL_TF_HAS_DIGIT))
			continue;
		tql_buf k = {0};
		if (!tql_fold(doc->text + tk->off, tk->len, &k)) {
			tql_buf_free(&k);
			return false;
		}
		size_t letters = tql_u8_count(k.p, k.n);
		if (letters < MIN_LETTERS) {
			tql_buf_free(&k);
			continue;
		}
		if (!TQL_GROW(es->a, es->cap, es->na + 1)) {
			tql_buf_free(&k);
			return false;
		}
		es->a[es->na++] = (anchor){tql_buf_take(&k), letters, t, m->entity, kind};
		if (!es->a[es->na - 1].key)
			return false;
	}
	return true;
}

/* The folded word next to token t (dir -1: before, +1: after) across one
 * space or hyphen, if it is part of a name: capitalised, or a particle
 * of one ("al-Chaibani", "de Zela"); empty otherwise. */
static bool name_word_beside(const tql_doc *doc, size_t t, int dir, tql_buf *out)
{
	static const char *const particles[] = {"al", "el", "bin", "ben", "ibn", "abu", "de", "del",
	                                        "van", "von", "da", "di", "du", "la", "le", NULL};
	out->n = 0;
	if ((dir < 0 && t < 2) || (dir > 0 && t + 2 >= doc->ntok))
		return tql_buf_add(out, "", 0);
	const tql_token *sep = &doc->tok[dir < 0 ? t - 1 : t + 1], *w = &doc->tok[dir < 0 ? t - 2 : t + 2];
	bool joined = sep->kind == TQL_TOK_SPACE ||
	              (sep->len == 1 && doc->text[sep->off] == '-');
	if (!joined || w->kind != TQL_TOK_WORD)
		return tql_buf_add(out, "", 0);
	if (!tql_fold(doc->text + w->off, w->len, out))
		return false;
	bool part = (w->flags & TQL_TF_UPPER_INITIAL) != 0;
	for (const char *const *p = particles; !part && *p && dir > 0; p++)
		part = strlen(*p) == out->n && memcmp(*p, out->p, out->n) == 0;
	if (!part)
		out->n = 0;
	return tql_buf_add(out, "", 0);
}

/* Do the words beside a candidate and an anchor agree: a given name
 * before one ("Patrick Schnieder") or a name part after one ("Assaad
 * al-Chaibani") that the other lacks makes them two people. */
static bool same_surroundings(const tql_names *nm, const tql_doc *doc, size_t c, size_t a,
                              tql_buf *x, tql_buf *y, bool *ok)
{
	*ok = true;
	for (int dir = -1; dir <= 1; dir += 2) {
		if (!name_word_beside(doc, c, dir, x) || !name_word_beside(doc, a, dir, y)) {
			*ok = false;
			return false;
		}
		if (!x->n || strcmp(x->p, y->p) == 0)
			continue;
		/* (before: only a listed given name tells another person) */
		if (dir < 0 && !tql_names_is_given(nm, x->p, x->n))
			continue;
		return false;
	}
	return true;
}

/* Is one key the other plus an ending ("beiruti", "tokyoites")? */
static bool derived(const char *a, size_t an, const char *b, size_t bn)
{
	return an != bn && memcmp(a, b, an < bn ? an : bn) == 0;
}

tql_status tql_name_echoes(tql_ctx *ctx, const tql_names *nm, const tql_mention *ms, size_t n,
                           const size_t *cand, size_t ncand)
{
	const tql_doc *doc = ctx->doc;
	estate es = {ctx, NULL, 0, 0};
	tql_status rs = TQL_ENOMEM;
	tql_buf k = {0}, x = {0}, y = {0};
	for (size_t i = 0; i < n; i++)
		if (!add_anchors(&es, nm, &ms[i]))
			goto done;
	size_t lo = 0; /* first anchor that may be within the window */
	for (size_t c = 0; c < ncand && es.na; c++) {
		const tql_token *tk = &doc->tok[cand[c]];
		/* (an English possessive: an English passage elsewhere than in
		 * English text, "Read more: Indonesia's ..."; in English the name
		 * itself is compared) */
		if (tk->script != USCRIPT_LATIN ||
		    tql_nt_without_possessive(doc->text + tk->off, tk->len) != tk->len)
			continue;
		k.n = 0;
		if (!tql_fold(doc->text + tk->off, tk->len, &k))
			goto done;
		size_t letters = tql_u8_count(k.p, k.n);
		if (letters < MIN_LETTERS || tql_names_is_given(nm, k.p, k.n))
			continue;
		/* a form of a name in some language of the table is another
		 * check's (foreign_form: "Ukraine" in Italian) */
		if (tql_names_any_lang(nm, k.p, k.n))
			continue;
		while (lo < es.na && doc->tok[es.a[lo].tok].off + WINDOW < tk->off)
			lo++;
		const anchor *best = NULL;
		int best_d = 3;
		bool tied = false, deriv = false;
		for (size_t j = lo; j < es.na && doc->tok[es.a[j].tok].off < tk->off + WINDOW; j++) {
			const anchor *a = &es.a[j];
			size_t al = strlen(a->key);
			if (derived(k.p, k.n, a->key, al)) {
				deriv = true;
				break;
			}
			if (al == k.n && memcmp(a->key, k.p, al) == 0)
				continue;
			int d = tql_names_osa(k.p, k.n, a->key, al);
			size_t shorter = letters < a->letters ? letters : a->letters;
			/* one or two edits that keep the sounds ("Bayrut" / Beirut,
			 * "Sigeru" / Shigeru), not another consonant (Jagan / Japan) */
			/* (both words have MIN_LETTERS or more) */
			bool close = d <= 2 && (d == 1 || shorter >= 6) &&
			             (tql_nt_same_sound(k.p, k.n, a->key, al) ||
			              tql_nt_same_skeleton(k.p, k.n, a->key, al) ||
			              /* (or a syllable dropped from a long name:
			               * "Antanarivo" beside Antananarivo) */
			              (shorter >= 9 && k.p[0] == a->key[0]));
			if (!close || d > best_d)
				continue;
			bool ok;
			bool same = same_surroundings(nm, doc, cand[c], a->tok, &x, &y, &ok);
			if (!ok)
				goto done;
			if (!same)
				continue;
			if (d < best_d) {
				best = a;
				best_d = d;
				tied = false;
			} else if (strcmp(best->entity, a->entity) != 0) {
				tied = true; /* as close to two of the document's names */
			}
		}
		/* a person after a title is no place ("Mr. Sokolev", the town
		 * of Sokolov) */
		if (!best || tied || deriv ||
		    (best->kind != TQL_NK_PERSON && tql_nt_after_title(doc, cand[c])))
			continue;
		const tql_token *at = &doc->tok[best->tok];
		char shown[128];
		snprintf(shown, sizeof shown, "%.*s", (int)(at->len < 120 ? at->len : 120),
		         doc->text + at->off);
		if (!tql_emit(ctx, "consistency.name", tk->off, tk->len, shown, false,
		              "'%.*s' looks like '%s' (line %d) written another way; use one form",
		              (int)tk->len, doc->text + tk->off, shown, tql_nt_line_of(doc, at->off)))
			goto done;
	}
	rs = TQL_OK;
done:
	for (size_t i = 0; i < es.na; i++)
		free(es.a[i].key);
	free(es.a);
	tql_buf_free(&k);
	tql_buf_free(&x);
	tql_buf_free(&y);
	return rs;
}
