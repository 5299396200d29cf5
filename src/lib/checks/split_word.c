/*
 * split_word.c - garbled.split-word: a word cut in two by a space
 * ("infra estructuras", "cerimo niale", "кво рума").
 *
 * Two neighbouring words one space apart are reported when the language's
 * Hunspell dictionary knows them written together and does not know at
 * least one of the halves. Two known halves ("every one", "повно
 * масштабного") are left alone: both spellings may be right, and telling
 * them apart needs grammar. The halves must be lower-case (the first may
 * open the sentence), in the dictionary's script, without digits, and of
 * two letters or more; the joined word has six letters or more.
 */
#include "../internal.h"

#include <string.h>

static const tql_rule_info rules[] = {
	{"garbled.split-word", "garbled", TQL_SEV_WARNING,
	 "a word cut in two by a space ('infra estructuras', 'cerimo niale')"},
};

/* Is the token a plain word that may be half of a split one? */
static bool half(const tql_doc *doc, const tql_token *tk, int script, bool first)
{
	if (tk->kind != TQL_TOK_WORD || tk->script != script ||
	    (tk->flags & (TQL_TF_ALL_UPPER | TQL_TF_INNER_UPPER | TQL_TF_HAS_DIGIT)) ||
	    !(tk->flags & TQL_TF_HAS_LOWER) || tql_u8_count(doc->text + tk->off, tk->len) < 2)
		return false;
	if (tk->flags & TQL_TF_UPPER_INITIAL)
		return first && (tk->flags & TQL_TF_SENT_START);
	/* "e-mail", "l'État": a word with inner punctuation is its own unit */
	for (size_t i = 0; i < tk->len; i++)
		if (strchr("'.-", doc->text[tk->off + i]))
			return false;
	return true;
}

/* Hunspell's answer for w, also lowered when it is capitalised (it opens
 * the sentence). */
static int known(tql_ctx *ctx, const char *w, size_t n, bool capital)
{
	if (capital && tql_spell_lowered(ctx->chk, ctx->lang, w, n) == 1)
		return 1;
	return tql_spell(ctx->chk, ctx->lang, w, n);
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	int script = tql_spell_script(doc->lang);
	if (!script || !ctx->lang)
		return TQL_OK;
	tql_buf joined = {0};
	tql_status st = TQL_OK;
	for (size_t t = 0; t + 2 < doc->ntok; t++) {
		const tql_token *a = &doc->tok[t], *sp = &doc->tok[t + 1], *b = &doc->tok[t + 2];
		if (sp->kind != TQL_TOK_SPACE || sp->len != 1 || doc->text[sp->off] != ' ' ||
		    !half(doc, a, script, true) || !half(doc, b, script, false) || a->sent != b->sent)
			continue;
		/* "fon der Leyen", "de la Cruz": particles of a name */
		if (t + 4 < doc->ntok && doc->tok[t + 3].kind == TQL_TOK_SPACE &&
		    doc->tok[t + 4].kind == TQL_TOK_WORD &&
		    (doc->tok[t + 4].flags & (TQL_TF_UPPER_INITIAL | TQL_TF_ALL_UPPER)) ==
		        TQL_TF_UPPER_INITIAL)
			continue;
		joined.n = 0;
		if (!tql_buf_add(&joined, doc->text + a->off, a->len) ||
		    !tql_buf_add(&joined, doc->text + b->off, b->len)) {
			st = TQL_ENOMEM;
			break;
		}
		if (tql_u8_count(joined.p, joined.n) < 6)
			continue;
		bool cap = a->flags & TQL_TF_UPPER_INITIAL;
		int ka = known(ctx, doc->text + a->off, a->len, cap),
		    kb = known(ctx, doc->text + b->off, b->len, false);
		if (ka < 0 || kb < 0 || (ka == 1 && kb == 1) || known(ctx, joined.p, joined.n, cap) != 1)
			continue;
		if (!tql_buf_add(&joined, "", 1) ||
		    !tql_emit(ctx, "garbled.split-word", a->off, b->off + b->len - a->off, joined.p,
		              true, "'%.*s' is one word cut in two: '%s'",
		              (int)(b->off + b->len - a->off), doc->text + a->off, joined.p)) {
			st = TQL_ENOMEM;
			break;
		}
		t += 2;
	}
	tql_buf_free(&joined);
	return st;
}

const tql_check_def tql_check_split_word = {
	"split-word", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
