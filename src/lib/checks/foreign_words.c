/*
 * foreign_words.c - untranslated words that the passage classifier
 * (language_switch.c, four words or more) cannot see:
 *
 * language.foreign-script: a run of words in a script the document's
 *   language does not write, left from the source text: "시위" or "弹劾" in
 *   English, "то есть" in German, "مليار" in French. Latin-script
 *   languages and Russian/Ukrainian/Belarusian/Bulgarian only; a word that
 *   also has letters of the document's script is encoding.mixed-script's.
 *   A letter of an alphabet (Greek, Cyrillic, Arabic) alone is a symbol
 *   (α, β): two letters at least; one Han, kana or Hangul letter is a word.
 *   Left alone: one capitalised word (a name given in its own script: "the
 *   original Київ") unless it is a Cyrillic abbreviation ("МИД") or a word
 *   opening a sentence that Russian or Ukrainian writes in lower case
 *   ("Однако"), hyphenated compounds ("IT-компания", "Ту-154"), text
 *   glued to a word of the document's script (mojibake: "Lai鈥檚"), and a
 *   line of four words or more mostly in the other script (a passage or a
 *   wrongly labelled document: language.switch's). Inside a boilerplate
 *   block the finding is dropped (check.c).
 *
 * language.latin-word: in Russian or Ukrainian text, a lowercase Latin word
 *   that English spells ("billion", "landmines", "the Blues"): Russian and
 *   Ukrainian prose writes Latin script only for names, brands and
 *   abbreviations, which are capitalised. Words next to a URL, an address
 *   or a file name (/ @ . _ : joined), words with digits or inner capitals
 *   (iPhone), small words inside a capitalised name, words glossed as
 *   English ("от англ. metal–organic frameworks"), a quoted phrase of
 *   another language («passer en force») and technical documents
 *   (manuals, whose Latin words are commands) are left alone.
 */
#include "../internal.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

static const tql_rule_info rules[] = {
	{"language.foreign-script", "language", TQL_SEV_WARNING,
	 "words in a script the document's language does not use (left untranslated)"},
	{"language.latin-word", "language", TQL_SEV_WARNING,
	 "a lowercase English word in Russian or Ukrainian text (left untranslated)"},
};

/* The script the document's language is written in; USCRIPT_INVALID_CODE
 * for languages this check leaves alone (several scripts: Japanese). */
static UScriptCode main_script(const char *lang)
{
	static const char *const cyr[] = {"ru", "uk", "be", "bg", NULL};
	static const char *const latin[] = {"en", "de", "fr", "es", "it", "pt", "nl", "pl", "cs",
	                                    "sk", "sl", "hr", "ro", "hu", "sv", "da", "nb", "no",
	                                    "fi", "et", "lv", "lt", "ca", "tr", "id", "ms", NULL};
	for (const char *const *l = cyr; *l; l++)
		if (strcmp(lang, *l) == 0)
			return USCRIPT_CYRILLIC;
	for (const char *const *l = latin; *l; l++)
		if (strcmp(lang, *l) == 0)
			return USCRIPT_LATIN;
	return USCRIPT_INVALID_CODE;
}

/* Letters of word token t: how many, and whether one is of script s. */
static size_t letters(const tql_doc *doc, const tql_token *t, UScriptCode s, bool *has_s)
{
	size_t n = 0;
	*has_s = false;
	for (size_t i = t->off; i < (size_t)t->off + t->len;) {
		UChar32 c;
		U8_NEXT(doc->text, i, t->off + t->len, c);
		if (c < 0 || !u_isalpha(c))
			continue;
		n++;
		UErrorCode err = U_ZERO_ERROR;
		if (uscript_getScript(c, &err) == s)
			*has_s = true;
	}
	return n;
}

/* Is script s one whose single letter is a word (Han, kana, Hangul)? */
static bool ideographic(UScriptCode s)
{
	return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA ||
	       s == USCRIPT_HANGUL;
}

/* May token k stand inside a run of foreign words (spaces, and punctuation
 * that is not the end of a sentence)? */
static bool run_gap(const tql_doc *doc, const tql_token *k)
{
	if (k->kind == TQL_TOK_SPACE)
		return true;
	if (k->kind != TQL_TOK_PUNCT)
		return false;
	char c = doc->text[k->off];
	return k->len > 1 || !(c == '.' || c == '!' || c == '?' || c == ';');
}

/* Is the word at byte off (script s) glued to a letter of script main
 * before it, letters of s aside? */
static bool glued_to(const tql_doc *doc, size_t off, UScriptCode s, UScriptCode main)
{
	int32_t i = (int32_t)off;
	while (i > 0) {
		UChar32 c;
		U8_PREV(doc->text, 0, i, c);
		UErrorCode err = U_ZERO_ERROR;
		UScriptCode cs = c < 0 ? USCRIPT_INVALID_CODE : uscript_getScript(c, &err);
		if (c < 0 || !u_isalpha(c))
			return false;
		if (cs != s)
			return cs == main;
	}
	return false;
}

/* Is the line holding byte off mostly (half its letters or more) in
 * script s? */
static bool line_in_script(const tql_doc *doc, size_t off, UScriptCode s)
{
	size_t a = off, b = off, n = 0, in_s = 0;
	while (a > 0 && doc->text[a - 1] != '\n')
		a--;
	while (b < doc->len && doc->text[b] != '\n')
		b++;
	for (size_t i = a; i < b;) {
		UChar32 c;
		U8_NEXT(doc->text, i, b, c);
		if (c <= 0 || !u_isalpha(c))
			continue;
		n++;
		UErrorCode err = U_ZERO_ERROR;
		in_s += uscript_getScript(c, &err) == s;
	}
	return 2 * in_s >= n;
}

/* Words on the line of word token t. */
static size_t words_on_line(const tql_doc *doc, size_t t)
{
	size_t n = 0, a = t, b = t;
	while (a > 0 && doc->tok[a - 1].kind != TQL_TOK_NEWLINE && doc->tok[a - 1].kind != TQL_TOK_PARA)
		a--;
	while (b + 1 < doc->ntok && doc->tok[b + 1].kind != TQL_TOK_NEWLINE &&
	       doc->tok[b + 1].kind != TQL_TOK_PARA)
		b++;
	for (size_t k = a; k <= b; k++)
		n += doc->tok[k].kind == TQL_TOK_WORD;
	return n;
}

/* Is the capitalised Cyrillic word tk, alone in Latin-script text, no name
 * but a word left from the source: an abbreviation ("МИД", "ЕС") or, at
 * the start of a sentence, a word that Russian or Ukrainian writes in
 * lower case ("Однако, ...")? */
static bool common_word(tql_ctx *ctx, const tql_token *tk, UScriptCode s, UScriptCode main)
{
	if (s != USCRIPT_CYRILLIC || main != USCRIPT_LATIN)
		return false;
	if (tk->flags & TQL_TF_ALL_UPPER)
		return true;
	/* (a line opens a sentence too: the line before may lack its full
	 * stop, as a heading or a share bar does) */
	if (!(tk->flags & TQL_TF_SENT_START) && tk->off > 0 && ctx->doc->text[tk->off - 1] != '\n')
		return false;
	static const char *const langs[] = {"ru", "uk"};
	for (size_t i = 0; i < 2; i++) {
		tql_lang_res *lr = tql_lang_get(ctx->chk, langs[i], "");
		if (lr &&
		    tql_spell_lowered(ctx->chk, lr, ctx->doc->text + tk->off, tk->len) == 1)
			return true;
	}
	return false;
}

static tql_status foreign_script(tql_ctx *ctx, UScriptCode main)
{
	const tql_doc *doc = ctx->doc;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		UScriptCode s = (UScriptCode)tk->script;
		if (tk->kind != TQL_TOK_WORD || s == main || s == USCRIPT_COMMON ||
		    s == USCRIPT_INHERITED || s == 0 || (main == USCRIPT_CYRILLIC && s == USCRIPT_LATIN))
			continue;
		bool mixed;
		size_t n = letters(doc, tk, main, &mixed);
		if (mixed)
			continue; /* a look-alike inside a word: encoding.mixed-script */
		/* (glued to a letter of the document's script: mojibake, as UTF-8
		 * read as GBK turns "Lai’s" into "Lai鈥檚"; encoding.mojibake's) */
		if (glued_to(doc, tk->off, s, main))
			continue;
		/* the run: words of script s with spaces or inner punctuation between */
		size_t last = t, total = n;
		for (size_t k = t + 1; k < doc->ntok; k++) {
			const tql_token *x = &doc->tok[k];
			if (x->kind == TQL_TOK_WORD && (UScriptCode)x->script == s) {
				bool m2;
				size_t n2 = letters(doc, x, main, &m2);
				if (m2)
					break;
				total += n2;
				last = k;
				continue;
			}
			if (!run_gap(doc, x))
				break;
		}
		/* a name in its own script beside the translation ("the original
		 * Київ", "Ελλάδα"): one capitalised word; a compound or type
		 * name ("IT-компания", "Ту-154"); a line mostly in that script
		 * (a passage or a wrongly labelled document: language.switch) */
		const tql_token *tl = &doc->tok[last];
		size_t end0 = tl->off + tl->len;
		bool one_name = last == t && (tk->flags & TQL_TF_UPPER_INITIAL) &&
		                !common_word(ctx, tk, s, main);
		bool compound = (tk->off > 0 && doc->text[tk->off - 1] == '-') ||
		                (end0 < doc->len && doc->text[end0] == '-');
		if ((total >= 2 || ideographic(s)) && !one_name && !compound &&
		    !(words_on_line(doc, t) >= 4 && line_in_script(doc, tk->off, s))) {
			size_t off = tk->off, end = doc->tok[last].off + doc->tok[last].len;
			if (!tql_emit(ctx, "language.foreign-script", off, end - off, NULL, false,
			              "'%.*s' is in %s script in %s text: left untranslated?", (int)(end - off),
			              doc->text + off, uscript_getName(s), doc->lang))
				return TQL_ENOMEM;
		}
		t = last;
	}
	return TQL_OK;
}

/* Is the byte at p part of a URL, an address or a file name? */
static bool techy(char c)
{
	return c == '/' || c == '@' || c == '.' || c == '_' || c == ':' || c == '\\' || c == '=' ||
	       c == '<' || c == '>' || c == '-' || c == '$' || c == '~';
}

/* Is Latin word token tk part of a URL, an address, a file name or a
 * command option (joined to / @ _ : and the like, or to a dot that ends no
 * sentence)? */
static bool in_code(const tql_doc *doc, const tql_token *tk)
{
	size_t e = tk->off + tk->len;
	return (tk->off > 0 && techy(doc->text[tk->off - 1])) ||
	       (e < doc->len && techy(doc->text[e]) &&
	        !(doc->text[e] == '.' && (e + 1 >= doc->len || doc->text[e + 1] == ' ' ||
	                                  doc->text[e + 1] == '\n')));
}

/* A lowercase ASCII word of three letters or more that English spells and
 * that no URL or file name holds. */
static bool english_word(tql_ctx *ctx, tql_lang_res *en, const tql_token *tk)
{
	const tql_doc *doc = ctx->doc;
	if (tk->kind != TQL_TOK_WORD || !(tk->flags & TQL_TF_ASCII) ||
	    (tk->flags & (TQL_TF_UPPER_INITIAL | TQL_TF_INNER_UPPER | TQL_TF_HAS_DIGIT | TQL_TF_ALL_UPPER)) ||
	    tk->len < 3)
		return false;
	for (size_t i = tk->off; i < (size_t)tk->off + tk->len; i++)
		if (!(doc->text[i] >= 'a' && doc->text[i] <= 'z'))
			return false;
	/* (words the languages keep in Latin script: "файлы cookie") */
	static const char *const kept[] = {"cookie", "cookies", NULL};
	for (const char *const *k = kept; *k; k++)
		if (strlen(*k) == tk->len && memcmp(*k, doc->text + tk->off, tk->len) == 0)
			return false;
	return !in_code(doc, tk) && tql_spell(ctx->chk, en, doc->text + tk->off, tk->len) > 0;
}

/* Is the document technical (a manual, release notes): Latin words in
 * code at 20 per 1000 words or more (the Debian handbook in Russian: 28;
 * news in corpora/: 11 at most)? There Latin words are commands. */
static bool technical(const tql_doc *doc)
{
	size_t words = 0, code = 0;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD)
			continue;
		words++;
		code += tk->script == USCRIPT_LATIN && in_code(doc, tk);
	}
	return code >= 10 && code * 1000 >= 20 * words;
}

/* Is the Latin run at off glossed as English ("MOF (от англ. metal–organic
 * frameworks)", "з англійської smart city")? Back over Latin letters,
 * spaces, hyphens, dashes and quotes to the word before it. */
static bool glossed(const tql_doc *doc, size_t off)
{
	static const char *const mark[] = {"англ.", "английского", "английском", "англійської",
	                                   "англійською", "по-английски", "по-англійськи", NULL};
	const char *t = doc->text;
	size_t k = off;
	while (k > 0) {
		unsigned char c = (unsigned char)t[k - 1];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == ' ' || c == '-' || c == '"') {
			k--;
			continue;
		}
		/* – — (E2 80 93/94), « (C2 AB) */
		if (k >= 3 && (unsigned char)t[k - 3] == 0xE2 && (unsigned char)t[k - 2] == 0x80 &&
		    (c == 0x93 || c == 0x94)) {
			k -= 3;
			continue;
		}
		if (k >= 2 && (unsigned char)t[k - 2] == 0xC2 && c == 0xAB) {
			k -= 2;
			continue;
		}
		break;
	}
	if (off - k > 200)
		return false;
	if (k > 0 && t[k - 1] == ':')
		k--;
	for (const char *const *m = mark; *m; m++) {
		size_t ml = strlen(*m);
		if (k >= ml && memcmp(t + k - ml, *m, ml) == 0)
			return true;
	}
	return false;
}

/* Is the run of tokens [first, last] a quotation of its own (« » or “ ”
 * right around it) whose every word another Latin-script news language
 * knows: a phrase of that language quoted as such («passer en force»)? */
static bool quoted_other(tql_ctx *ctx, size_t first, size_t last)
{
	const tql_doc *doc = ctx->doc;
	size_t a = doc->tok[first].off, b = doc->tok[last].off + doc->tok[last].len;
	bool open = (a >= 2 && memcmp(doc->text + a - 2, "\xC2\xAB", 2) == 0) ||
	            (a >= 3 && memcmp(doc->text + a - 3, "\xE2\x80\x9C", 3) == 0);
	bool close = (b + 2 <= doc->len && memcmp(doc->text + b, "\xC2\xBB", 2) == 0) ||
	             (b + 3 <= doc->len && memcmp(doc->text + b, "\xE2\x80\x9D", 3) == 0);
	if (!open || !close)
		return false;
	/* (every word a word of French, German, Spanish or Italian too:
	 * "passer", "en" and "force" are English words as well) */
	static const char *const other[] = {"fr", "es", "it", "de", NULL};
	for (const char *const *l = other; *l; l++) {
		tql_lang_res *lr = tql_lang_get(ctx->chk, *l, "");
		bool all = lr != NULL;
		for (size_t k = first; all && k <= last; k += 2) {
			const tql_token *tk = &doc->tok[k];
			all = tk->kind != TQL_TOK_WORD ||
			      tql_spell(ctx->chk, lr, doc->text + tk->off, tk->len) == 1;
		}
		if (all)
			return true;
	}
	return false;
}

static tql_status latin_words(tql_ctx *ctx)
{
	const tql_doc *doc = ctx->doc;
	tql_lang_res *en = NULL;
	if (technical(doc))
		return TQL_OK;
	for (size_t t = 0; t < doc->ntok; t++) {
		const tql_token *tk = &doc->tok[t];
		if (tk->kind != TQL_TOK_WORD || tk->script != USCRIPT_LATIN)
			continue;
		/* the run of Latin words joined by single spaces */
		size_t first = t, last = t;
		while (last + 2 < doc->ntok && doc->tok[last + 1].kind == TQL_TOK_SPACE &&
		       doc->tok[last + 1].len == 1 && doc->tok[last + 2].kind == TQL_TOK_WORD &&
		       doc->tok[last + 2].script == USCRIPT_LATIN)
			last += 2;
		t = last;
		if (!en && !(en = tql_lang_get(ctx->chk, "en", "")))
			return TQL_OK; /* no English dictionary: nothing to compare with */
		/* (not a small word inside a capitalised name: "MET Gas and
		 * Energy Marketing AG") */
		bool any = false;
		for (size_t k = first; k <= last && !any; k += 2)
			any = english_word(ctx, en, &doc->tok[k]) &&
			      !(k > first && k < last && (doc->tok[k - 2].flags & TQL_TF_UPPER_INITIAL) &&
			        (doc->tok[k + 2].flags & TQL_TF_UPPER_INITIAL));
		if (!any)
			continue;
		size_t off = doc->tok[first].off, end = doc->tok[last].off + doc->tok[last].len;
		if (glossed(doc, off) || quoted_other(ctx, first, last))
			continue;
		if (!tql_emit(ctx, "language.latin-word", off, end - off, NULL, false,
		              "'%.*s' is English in %s text: left untranslated?", (int)(end - off),
		              doc->text + off, doc->lang))
			return TQL_ENOMEM;
	}
	return TQL_OK;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	UScriptCode main = main_script(ctx->doc->lang);
	if (main == USCRIPT_INVALID_CODE)
		return TQL_OK;
	tql_status st = foreign_script(ctx, main);
	if (st == TQL_OK && (strcmp(ctx->doc->lang, "ru") == 0 || strcmp(ctx->doc->lang, "uk") == 0))
		st = latin_words(ctx);
	return st;
}

const tql_check_def tql_check_foreign_words = {
	"foreign-words", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
