/* language_switch.c - language.switch: a paragraph or passage in another
 * language than the document (an untranslated passage), outside quotations.
 *
 * Every sentence of at least MIN_WORDS words outside quotations is
 * classified with CLD2 (langid.h), favouring the document language. A line
 * whose classified words are mostly in one other language, confirmed by
 * classifying the whole line, is reported as a paragraph; consecutive such
 * lines of one block are one finding. Otherwise runs of other-language
 * sentences inside a line are reported one by one. Quoted speech (“…” «…»
 * „…“ "…" 「…」) is blanked out before classifying, so it never counts. */
#include "../internal.h"
#include "../langid.h"

#include <string.h>
#include <strings.h>
#include <unicode/uscript.h>

static const tql_rule_info rules[] = {
	{"language.switch", "language", TQL_SEV_INFO,
	 "a passage in another language than the document (untranslated)"},
};

/* Lines and sentences under this many words (outside quotes) are not
 * classified: headings, bylines, name lists. */
#define MIN_WORDS 4
/* A sentence is in another language when CLD2 is reliable and gives that
 * language at least this share of the text (so the document language gets
 * at most 100 - SENT_PCT). */
#define SENT_PCT 80
/* A line is one other-language paragraph when at least this share of its
 * classified words are in sentences of that language, and the whole line,
 * classified alone, gives it at least LINE_PCT. */
#define LINE_SHARE 0.6
#define LINE_PCT 60
/* With one dictionary only: share of the language-carrying words it must
 * reject (document language) or accept (other language); spelling_agrees. */
#define SPELL_SHARE 0.6
/* Cap on the sentences of one line kept for the decision. */
#define MAX_SENT 4096

/* ---- quotations --------------------------------------------------------- */

/* The closing quotes that match opener c (two at most), or 0 if c opens
 * nothing. */
static void closers(int32_t c, int32_t out[2])
{
	out[0] = out[1] = 0;
	switch (c) {
	case 0x201C: out[0] = 0x201D; out[1] = 0x201C; break; /* “…” and „…“ closer reuse */
	case 0x201E: out[0] = 0x201C; out[1] = 0x201D; break; /* „…“ „…” */
	case 0x201D: out[0] = 0x201D; break;                  /* ”…” (Swedish, Finnish) */
	case 0x00AB: out[0] = 0x00BB; break;                  /* «…» */
	case 0x00BB: out[0] = 0x00AB; break;                  /* »…« (German, Danish) */
	case 0x2039: out[0] = 0x203A; break;                  /* ‹…› */
	case 0x203A: out[0] = 0x2039; break;
	case '"': out[0] = '"'; break;
	case 0x300C: out[0] = 0x300D; break;                  /* 「…」 */
	case 0x300E: out[0] = 0x300F; break;                  /* 『…』 */
	default: break;
	}
}

/* Replaces every quoted span of s[0..n) (quotes included) by spaces, byte
 * for byte, so offsets stay. A typographic opening quote without a closer
 * on the line blanks the rest of it (a quotation running on into the next
 * paragraph); a lone ASCII '"' (inches, a typo) blanks nothing. */
static void blank_quotes(char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		size_t q = i;
		int32_t c = tql_u8_next(s, n, &i);
		int32_t cl[2];
		closers(c, cl);
		if (!cl[0])
			continue;
		size_t j = i, end = n;
		bool found = false;
		while (j < n) {
			int32_t d = tql_u8_next(s, n, &j);
			if (d == cl[0] || (cl[1] && d == cl[1])) {
				end = j;
				found = true;
				break;
			}
		}
		if (!found && c == '"')
			continue;
		memset(s + q, ' ', end - q);
		i = end;
	}
}

/* ---- classification ----------------------------------------------------- */

/* Do two language codes name the same language for this purpose (CLD2
 * cannot tell Norwegian or Serbo-Croatian standards apart reliably)? */
static bool same_lang(const char *a, const char *b)
{
	static const char *const groups[][3] = {
		{"no", "nb", "nn"}, {"hr", "sr", "bs"}, {"ms", "id", ""},
	};
	if (strcmp(a, b) == 0)
		return true;
	for (size_t g = 0; g < sizeof groups / sizeof *groups; g++) {
		bool ia = false, ib = false;
		for (size_t k = 0; k < 3; k++) {
			ia |= groups[g][k][0] && strcmp(a, groups[g][k]) == 0;
			ib |= groups[g][k][0] && strcmp(b, groups[g][k]) == 0;
		}
		if (ia && ib)
			return true;
	}
	return false;
}

/* Classifies s[0..n); returns the other language's code in r->lang[0] when
 * the text is confidently in a language other than doclang, else false. */
static bool foreign(const char *s, size_t n, const char *doclang, int min_pct, tql_langid *r)
{
	if (!tql_langid_detect(s, n, doclang, r) || !r->reliable || !r->lang[0][0])
		return false;
	return !same_lang(r->lang[0], doclang) && r->percent[0] >= min_pct;
}

/* One classified sentence of a line. */
typedef struct sent_res {
	size_t off, len;  /* analysed-text span, trimmed */
	size_t words;
	char lang[16];    /* "" when in the document language or unclassified */
	bool classified;
} sent_res;

/* Words (WORD tokens) starting in [off, off+len) whose first byte is not
 * blanked in lb (the line copy starting at analysed offset loff). */
static size_t count_words(const tql_doc *doc, size_t *t, size_t off, size_t len, const char *lb,
                          size_t loff)
{
	size_t n = 0;
	while (*t < doc->ntok && doc->tok[*t].off < off)
		(*t)++;
	for (size_t k = *t; k < doc->ntok && doc->tok[k].off < off + len; k++)
		if (doc->tok[k].kind == TQL_TOK_WORD && lb[doc->tok[k].off - loff] != ' ')
			n++;
	return n;
}

typedef struct state {
	tql_ctx *ctx;
	const char *doclang;
	const char *docname;
	int docscript;      /* UScriptCode of the document language, -1 unknown */
	/* an open paragraph finding: consecutive other-language lines */
	size_t p_off, p_end;
	char p_lang[16];
	sent_res *sr;
	size_t nsr, srcap;
	tql_buf lb;
} state;

/* ---- second opinion: the spelling dictionaries -------------------------- */

/* The main script of a language (ICU: "uk" -> Cyrillic), or -1. */
static int script_of(const char *lang)
{
	UScriptCode sc[4];
	UErrorCode err = U_ZERO_ERROR;
	int32_t n = uscript_getCode(lang, sc, 4, &err);
	return U_SUCCESS(err) && n >= 1 ? (int)sc[0] : -1;
}

/* CLD2 alone misreads some short sentences ("Cliccando su acconsenti all'uso
 * dei cookie." is 97% English to it) and technical ones ("Para actualizar,
 * utilice apt upgrade o aptitude safe-upgrade" is 99% English). A candidate
 * [off, off+len) is kept only if the spelling dictionaries agree, looking at
 * the words that carry language (lower-case or sentence-initial, no digits,
 * outside quotes): with both dictionaries, words that only the document
 * language knows must be at most a third of the words only the other
 * language knows, and these at least three; in another script, most words must be known to the other
 * language; with one dictionary, most words must be unknown to the document language (or known
 * to the other). */
static bool spelling_agrees(state *st, size_t off, size_t len, const char *lb, size_t loff,
                            const char *other)
{
	tql_ctx *ctx = st->ctx;
	tql_doc *doc = ctx->doc;
	tql_lang_res *olr = tql_lang_get(ctx->chk, other, "");
	size_t n = 0, unknown_doc = 0, known_other = 0, doc_only = 0, other_only = 0;
	bool have_doc = false, have_other = false;
	size_t lo = tql_doc_token_at(doc, off);
	int oscript = script_of(other);
	for (size_t t = lo; t < doc->ntok && doc->tok[t].off < off + len; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || lb[tk->off - loff] == ' ' ||
		    (tk->flags & (TQL_TF_HAS_DIGIT | TQL_TF_ALL_UPPER)) ||
		    ((tk->flags & TQL_TF_UPPER_INITIAL) && !(tk->flags & TQL_TF_SENT_START)))
			continue;
		const char *w = doc->text + tk->off;
		/* a word in another script is no word of the language, whatever the
		 * dictionary says (uk_UA accepts any Latin word) */
		int d = st->docscript > 0 && tk->script != st->docscript
		                ? 0
		                : tql_spell(ctx->chk, ctx->lang, w, tk->len);
		int o = !olr                                      ? -1
		        : oscript > 0 && tk->script != oscript ? 0
		                                                  : tql_spell(ctx->chk, olr, w, tk->len);
		have_doc |= d >= 0;
		have_other |= o >= 0;
		unknown_doc += d == 0;
		known_other += o == 1;
		doc_only += d == 1 && o == 0;
		other_only += d == 0 && o == 1;
		n++;
	}
	if (n < 2)
		return !have_doc && !have_other; /* names only: no evidence */
	/* another script: the script says most, the other dictionary confirms
	 * ("Read also: Читайте також: ..." in English is Ukrainian) */
	if (oscript > 0 && st->docscript > 0 && oscript != st->docscript)
		return !have_other || (double)known_other >= SPELL_SHARE * (double)n;
	if (have_doc && have_other)
		return other_only >= 3 && doc_only * 3 <= other_only;
	if (have_doc)
		return (double)unknown_doc >= SPELL_SHARE * (double)n;
	if (have_other)
		return (double)known_other >= SPELL_SHARE * (double)n;
	return true;
}

/* Is the analysed span [off, off+len) inside a passage that the document
 * declares to be in another language (HTML lang attribute, doc->lspan)?
 * A declared switch is deliberate: it is not reported. */
static bool declared(const tql_doc *doc, size_t off, size_t len)
{
	if (!doc->nlspan)
		return false;
	size_t r0 = tql_map_start(&doc->norm_map, off), r1 = tql_map_end(&doc->norm_map, off + len);
	for (size_t i = 0; i < doc->nlspan; i++) {
		const tql_lang_span *ls = &doc->lspan[i];
		size_t k = strcspn(ls->lang, "-_");
		bool same = k == strlen(doc->lang) && strncasecmp(ls->lang, doc->lang, k) == 0;
		if (!same && ls->off < r1 && r0 < ls->off + ls->len)
			return true;
	}
	return false;
}

/* ---- the check ---------------------------------------------------------- */

static bool flush_para(state *st)
{
	if (!st->p_lang[0])
		return true;
	if (declared(st->ctx->doc, st->p_off, st->p_end - st->p_off)) {
		st->p_lang[0] = '\0';
		return true;
	}
	bool ok = tql_emit(st->ctx, "language.switch", st->p_off, st->p_end - st->p_off, NULL, false,
	                   "this paragraph seems to be in %s, not %s: an untranslated passage?",
	                   tql_langid_name(st->p_lang), st->docname);
	st->p_lang[0] = '\0';
	return ok;
}

/* Decides one line [off, off+len) of the analysed text. */
static tql_status do_line(state *st, size_t off, size_t len, size_t *si, size_t *t)
{
	tql_doc *doc = st->ctx->doc;
	st->lb.n = 0;
	if (!tql_buf_add(&st->lb, doc->text + off, len))
		return TQL_ENOMEM;
	char *lb = st->lb.p;
	blank_quotes(lb, len);
	/* classify the sentences of the line */
	st->nsr = 0;
	while (*si < doc->nsent && doc->sent[*si].off + doc->sent[*si].len <= off)
		(*si)++;
	size_t total = 0;
	for (size_t k = *si; k < doc->nsent && doc->sent[k].off < off + len && st->nsr < MAX_SENT;
	     k++) {
		size_t s0 = doc->sent[k].off > off ? doc->sent[k].off : off;
		size_t s1 = doc->sent[k].off + doc->sent[k].len;
		if (s1 > off + len)
			s1 = off + len;
		while (s1 > s0 && (doc->text[s1 - 1] == ' ' || doc->text[s1 - 1] == '\t'))
			s1--;
		if (s1 <= s0)
			continue;
		if (!TQL_GROW(st->sr, st->srcap, st->nsr + 1))
			return TQL_ENOMEM;
		sent_res *r = &st->sr[st->nsr++];
		*r = (sent_res){s0, s1 - s0, count_words(doc, t, s0, s1 - s0, lb, off), "", false};
		if (r->words < MIN_WORDS)
			continue;
		r->classified = true;
		total += r->words;
		tql_langid id;
		if (foreign(lb + (s0 - off), s1 - s0, st->doclang, SENT_PCT, &id) &&
		    spelling_agrees(st, s0, s1 - s0, lb, off, id.lang[0]))
			snprintf(r->lang, sizeof r->lang, "%s", id.lang[0]);
	}
	/* the other language with the most words */
	const char *best = NULL;
	size_t best_w = 0;
	for (size_t a = 0; a < st->nsr; a++) {
		if (!st->sr[a].lang[0])
			continue;
		size_t w = 0;
		for (size_t b = 0; b < st->nsr; b++)
			if (strcmp(st->sr[b].lang, st->sr[a].lang) == 0)
				w += st->sr[b].words;
		if (w > best_w) {
			best_w = w;
			best = st->sr[a].lang;
		}
	}
	if (!best)
		return flush_para(st) ? TQL_OK : TQL_ENOMEM;
	/* the whole line in that language: one paragraph finding */
	tql_langid id;
	if ((double)best_w >= LINE_SHARE * (double)total &&
	    foreign(lb, len, st->doclang, LINE_PCT, &id) && strcmp(id.lang[0], best) == 0) {
		size_t e = off + len;
		while (e > off && (doc->text[e - 1] == ' ' || doc->text[e - 1] == '\t'))
			e--;
		if (st->p_lang[0] && strcmp(st->p_lang, best) == 0) {
			st->p_end = e;
			return TQL_OK;
		}
		if (!flush_para(st))
			return TQL_ENOMEM;
		st->p_off = off;
		st->p_end = e;
		snprintf(st->p_lang, sizeof st->p_lang, "%s", best);
		return TQL_OK;
	}
	if (!flush_para(st))
		return TQL_ENOMEM;
	/* runs of other-language sentences; unclassified ones do not break a
	 * run but are not taken into it at its ends */
	for (size_t a = 0; a < st->nsr;) {
		if (!st->sr[a].lang[0]) {
			a++;
			continue;
		}
		size_t b = a, last = a;
		while (b + 1 < st->nsr && (!st->sr[b + 1].classified ||
		                           strcmp(st->sr[b + 1].lang, st->sr[a].lang) == 0)) {
			b++;
			if (st->sr[b].classified)
				last = b;
		}
		size_t s0 = st->sr[a].off, s1 = st->sr[last].off + st->sr[last].len;
		if (!declared(doc, s0, s1 - s0) &&
		    !tql_emit(st->ctx, "language.switch", s0, s1 - s0, NULL, false,
		              "this passage seems to be in %s, not %s: an untranslated passage?",
		              tql_langid_name(st->sr[a].lang), st->docname))
			return TQL_ENOMEM;
		a = last + 1;
	}
	return TQL_OK;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	if (!tql_rule_enabled(ctx->eng, "language.switch") || !tql_langid_known(doc->lang))
		return TQL_OK;
	state st = {.ctx = ctx, .doclang = doc->lang, .docname = tql_langid_name(doc->lang),
	            .docscript = script_of(doc->lang)};
	tql_status rc = TQL_OK;
	size_t si = 0, t = 0;
	for (size_t b = 0; b < doc->nblock && rc == TQL_OK; b++) {
		size_t p = doc->block[b].off, end = p + doc->block[b].len;
		while (p < end && rc == TQL_OK) {
			const char *nl = memchr(doc->text + p, '\n', end - p);
			size_t e = nl ? (size_t)(nl - doc->text) : end;
			if (e > p)
				rc = do_line(&st, p, e - p, &si, &t);
			p = e + 1;
		}
		if (rc == TQL_OK && !flush_para(&st))
			rc = TQL_ENOMEM;
	}
	free(st.sr);
	tql_buf_free(&st.lb);
	return rc;
}

const tql_check_def tql_check_language_switch = {
	"language-switch", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
