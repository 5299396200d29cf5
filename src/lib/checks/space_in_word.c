/* space_in_word.c - garbled.space-in-word: "full -scale", "Ki -i -Tsinping". */
#include "../internal.h"

#include <string.h>
#include <unicode/uchar.h>

static const tql_rule_info rules[] = {
	{"garbled.space-in-word", "garbled", TQL_SEV_WARNING,
	 "a space before or after a hyphen inside a hyphenated word"},
};

/* Words after "X- " that make a suspended hyphen ("pre- and post-war"). */
static bool suspended_conj(const char *lang, const char *w, size_t n)
{
	static const char *const list[] = {
		"en:and", "en:or", "en:to", "en:nor", "de:und", "de:oder", "de:bis", "de:sowie",
		"de:als", "de:bzw", "de:beziehungsweise", "de:respektive", "de:noch", "de:wie", "fr:et", "fr:ou", "es:y", "es:e", "es:o", "es:u", "it:e", "it:ed", "it:o",
		"ru:и", "ru:или", "ru:и/или", "uk:і", "uk:й", "uk:та", "uk:або", "nl:en", "nl:of",
		"pt:e", "pt:ou", "pl:i", "pl:lub", "cs:a", "sv:och", "da:og", "no:og",
	};
	return TQL_LANG_LISTED(list, lang, w, n);
}

static bool is_hyphen(const char *s, size_t n, size_t i, size_t *len)
{
	if (s[i] == '-') {
		*len = 1;
		return true;
	}
	if (i + 2 < n && memcmp(s + i, "\xE2\x80\x90", 3) == 0) { /* U+2010 */
		*len = 3;
		return true;
	}
	return false;
}

/* Is the code point at i a letter or digit? Sets *end past it. */
static bool alnum_at(const char *s, size_t n, size_t i, size_t *end)
{
	if (i >= n)
		return false;
	size_t k = i;
	int32_t c = tql_u8_next(s, n, &k);
	*end = k;
	return c >= 0 && u_isalnum(c);
}

static bool alnum_before(const char *s, size_t i, size_t *start)
{
	size_t k = i;
	int32_t c = tql_u8_prev(s, &k);
	*start = k;
	return c >= 0 && u_isalnum(c);
}

/* End of the word at i; an apostrophe between letters is inside it
 * ("прем’єр", "aujourd'hui") unless one letter follows ("Xi's"). */
static size_t word_end(const char *s, size_t n, size_t i)
{
	size_t e;
	for (;;) {
		while (alnum_at(s, n, i, &e))
			i = e;
		size_t al = i < n && s[i] == '\'' ? 1
		            : i + 3 <= n && memcmp(s + i, "\xE2\x80\x99", 3) == 0 ? 3 : 0;
		size_t e2;
		if (!al || !alnum_before(s, i, &e) || !alnum_at(s, n, i + al, &e) ||
		    !alnum_at(s, n, e, &e2))
			return i; /* (one letter after it: a possessive, "Tsinping's") */
		i += al;
	}
}

static size_t word_start(const char *s, size_t i)
{
	size_t b;
	while (i > 0 && alnum_before(s, i, &b))
		i = b;
	return i;
}

/*
 * Looks at a joint after a word ending at `we`: optional space, hyphen,
 * optional space, then a word. Returns the start of the next word (0 if
 * none) and sets *spaced when exactly one side of the hyphen has a space.
 */
static size_t joint(const tql_doc *doc, size_t we, bool *spaced)
{
	const char *s = doc->text;
	size_t n = doc->len, i = we, hl, e;
	bool before = false, after = false;
	if (i < n && s[i] == ' ') {
		before = true;
		i++;
	}
	if (i >= n || !is_hyphen(s, n, i, &hl))
		return 0;
	i += hl;
	if (i < n && s[i] == ' ') {
		after = true;
		i++;
	}
	if (before && after)
		return 0; /* a dash used as punctuation */
	if (!alnum_at(s, n, i, &e))
		return 0;
	/* a number after the hyphen is a minus sign or a range ("to -5"); a
	 * number before it only with no space after the hyphen ("30 -day") */
	size_t k = i;
	if ((before || after) && !u_isalpha(tql_u8_next(s, n, &k)))
		return 0;
	k = we;
	int32_t pc = tql_u8_prev(s, &k);
	if ((before || after) && !u_isalpha(pc) && !(before && !after && u_isdigit(pc)))
		return 0;
	if (after) {
		size_t we2 = word_end(s, n, i);
		if (suspended_conj(doc->lang, s + i, we2 - i))
			return 0;
	}
	if (before) {
		size_t ws = word_start(s, we);
		if (suspended_conj(doc->lang, s + ws, we - ws))
			return 0; /* "Schulhof und -gebäude" */
	}
	*spaced = before || after;
	return i;
}

/* Is s[a..b) a number, or an acronym of two or more capitals ("30 -day",
 * "ASEAN -Beobachtern"): the first part of a compound the right part of
 * which must then be a known word. */
static bool number_or_acronym(const char *s, size_t a, size_t b)
{
	size_t i = a;
	bool digits = true, caps = true;
	int count = 0;
	while (i < b) {
		int32_t c = tql_u8_next(s, b, &i);
		digits = digits && c >= '0' && c <= '9';
		caps = caps && u_isupper(c);
		count++;
	}
	return digits || (caps && count >= 2);
}

/* Does the language know the hyphenated compound s[a..e) once the stray
 * space is taken out ("російсько -українські")? Both parts of three letters
 * or more: Hunspell accepts any hyphenated pair of known words, letters
 * included ("the -t option"). */
static bool known_joined(tql_ctx *ctx, size_t a, size_t b, size_t nx, size_t e, tql_buf *tmp)
{
	const char *s = ctx->doc->text;
	if (tql_u8_count(s + a, b - a) < 3 || tql_u8_count(s + nx, e - nx) < 3)
		return false;
	tmp->n = 0;
	for (size_t k = a; k < e; k++)
		if (s[k] != ' ' && !tql_buf_addc(tmp, s[k]))
			return false;
	return tql_spell(ctx->chk, ctx->lang, tmp->p, tmp->n) == 1;
}

/* Is s[a..b) a prefix that European languages write with a hyphen before
 * a word ("post-apartheid", "anti-governativi", "віце-прем’єр")? The list
 * is shared: the prefixes are international. */
static bool hyphen_prefix(const char *s, size_t a, size_t b, tql_buf *tmp)
{
	static const char *const list[] = {
		"anti", "post", "pro", "ex", "co", "pre", "vice", "semi", "neo", "multi", "super",
		"ultra", "mini", "micro", "macro", "inter", "extra", "non", "self", "cross", "mid",
		"pan", "euro", "afro", "pseudo", "quasi", "para", "contra", "sub", "bi", "tri",
		"анти", "пост", "про", "экс", "екс", "вице", "віце", "контр", "псевдо", "нео",
		"мини", "міні", "супер", "ультра", "квази", "квазі", "полу", "напів", "лже",
		"социал", "соціал",
	};
	return TQL_FOLDED_LISTED(list, s + a, b - a, tmp);
}

/* Is s[a..b) a word of the language of at least two letters? Without a
 * dictionary, any run of three or more letters counts. */
static bool known_part(tql_ctx *ctx, size_t a, size_t b)
{
	const char *s = ctx->doc->text;
	if (tql_u8_count(s + a, b - a) < 2)
		return false;
	int k = tql_spell(ctx->chk, ctx->lang, s + a, b - a);
	return k < 0 ? tql_u8_count(s + a, b - a) >= 3 : k == 1;
}

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)shared;
	tql_doc *doc = ctx->doc;
	const char *s = doc->text;
	size_t n = doc->len;
	tql_buf fix = {0};
	size_t done = 0;
	for (size_t i = 1; i + 1 < n; i++) {
		size_t hl, b;
		if (i < done || !is_hyphen(s, n, i, &hl))
			continue;
		bool sp_before = s[i - 1] == ' ', sp_after = s[i + hl] == ' ';
		if (sp_before == sp_after)
			continue;
		size_t left_end = sp_before ? i - 1 : i;
		if (!alnum_before(s, left_end, &b))
			continue;
		/* walk left over unspaced hyphen joints to the chain start */
		size_t start = word_start(s, left_end);
		while (start > 1 && s[start - 1] == '-' && alnum_before(s, start - 1, &b))
			start = word_start(s, start - 1);
		/* walk right over joints */
		size_t end = word_end(s, n, start);
		int nspaced = 0;
		bool words_ok = true;
		for (;;) {
			bool spaced = false;
			size_t nx = joint(doc, end, &spaced);
			if (!nx)
				break;
			size_t nend = word_end(s, n, nx);
			if (spaced) {
				nspaced++;
				/* a single spaced joint must join two real words: this keeps
				 * command options ("dpkg -i", "the -t option") silent */
				size_t ls = word_start(s, end);
				bool right = known_part(ctx, nx, nend);
				bool right3 = tql_u8_count(s + nx, nend - nx) >= 3;
				/* (a space before the hyphen only, before a known word of
				 * four letters or more: the first part may be a name or a
				 * combining form, "Rajapaksa -Clan", "російсько
				 * -азербайджанські"; options are short, "dpkg -i") */
				bool before_only = s[end] == ' ' && right &&
				                   tql_u8_count(s + nx, nend - nx) >= 4 &&
				                   tql_u8_count(s + ls, end - ls) >= 3;
				if (!(right && known_part(ctx, ls, end)) && !before_only &&
				    !(right && right3 && number_or_acronym(s, ls, end)) &&
				    !(right3 && hyphen_prefix(s, ls, end, &fix)) &&
				    !known_joined(ctx, ls, end, nx, nend, &fix))
					words_ok = false;
			}
			end = nend;
		}
		if (!nspaced || end <= i || (nspaced == 1 && !words_ok))
			continue;
		fix.n = 0;
		for (size_t k = start; k < end; k++)
			if (s[k] != ' ' && !tql_buf_addc(&fix, s[k]))
				goto oom;
		if (!tql_buf_add(&fix, "", 0))
			goto oom;
		if (!tql_emit(ctx, "garbled.space-in-word", start, end - start, fix.p, true,
		              "stray space next to a hyphen inside '%s'", fix.p))
			goto oom;
		done = end;
	}
	tql_buf_free(&fix);
	return TQL_OK;
oom:
	tql_buf_free(&fix);
	return TQL_ENOMEM;
}

const tql_check_def tql_check_space_in_word = {
	"space-in-word", rules, sizeof rules / sizeof *rules, NULL, NULL, run,
};
