/* segment.c - paragraphs, sentences and words with ICU break iterators. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

/* Converts block bytes to UTF-16 in the checker's scratch, with a map from
 * each UTF-16 index to its byte offset. Line breaks become spaces so that a
 * hard-wrapped paragraph is one run for the sentence iterator. */
static bool to_u16(tql_checker *chk, const char *s, size_t n, int32_t *out_len)
{
	if (n >= INT32_MAX / 2)
		return false;
	if (!tql_grow((void **)&chk->u16, &chk->u16cap, n + 1, sizeof *chk->u16))
		return false;
	size_t mapcap = chk->u16cap;
	/* u16map grows with the same capacity as u16 */
	int32_t *mp = realloc(chk->u16map, sizeof *mp * (mapcap + 1));
	if (!mp)
		return false;
	chk->u16map = mp;
	int32_t k = 0;
	size_t i = 0;
	while (i < n) {
		size_t start = i;
		int32_t c = tql_u8_next(s, n, &i);
		if (c < 0)
			c = 0xFFFD;
		if (c == '\n')
			c = ' ';
		if (c > 0xFFFF) {
			chk->u16map[k] = (int32_t)start;
			chk->u16[k++] = U16_LEAD(c);
			chk->u16map[k] = (int32_t)start;
			chk->u16[k++] = U16_TRAIL(c);
		} else {
			chk->u16map[k] = (int32_t)start;
			chk->u16[k++] = (UChar)c;
		}
	}
	chk->u16map[k] = (int32_t)n;
	*out_len = k;
	return true;
}

/* Flags of a word token from its code points. */
void tql_word_flags(const char *s, size_t n, tql_token *t)
{
	size_t i = 0;
	int letters = 0, upper = 0, lower = 0;
	bool prev_lower = false, first = true, ascii = true;
	uint8_t f = 0;
	while (i < n) {
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
		int32_t c = tql_u8_next(s, n, &i);
		if (c < 0)
			continue;
		if (u_isdigit(c))
			f |= TQL_TF_HAS_DIGIT;
		if (!u_isalpha(c))
			continue;
		letters++;
		bool up = u_isupper(c) || u_istitle(c);
		bool lo = u_islower(c);
		if (first) {
			if (up)
				f |= TQL_TF_UPPER_INITIAL;
			UErrorCode err = U_ZERO_ERROR;
			t->script = (uint16_t)uscript_getScript(c, &err);
			first = false;
		}
		if (up) {
			upper++;
			if (prev_lower)
				f |= TQL_TF_INNER_UPPER;
		}
		if (lo)
			lower++;
		prev_lower = lo;
	}
	if (letters >= 2 && upper == letters)
		f |= TQL_TF_ALL_UPPER;
	if (lower)
		f |= TQL_TF_HAS_LOWER;
	if (ascii)
		f |= TQL_TF_ASCII;
	t->flags = f;
}

static bool add_token(tql_doc *doc, size_t off, size_t len, uint8_t kind)
{
	if (!TQL_GROW(doc->tok, doc->tokcap, doc->ntok + 1))
		return false;
	tql_token *t = &doc->tok[doc->ntok++];
	*t = (tql_token){(uint32_t)off, (uint32_t)len, kind, 0, 0, 0};
	if (kind == TQL_TOK_WORD) {
		tql_word_flags(doc->text + off, len, t);
		doc->words++;
	}
	return true;
}

/* Is s the start of U+202F NARROW NO-BREAK SPACE? */
static bool nnbsp(const char *s)
{
	return (unsigned char)s[0] == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] == 0xAF;
}

/* Classifies a non-word segment by its bytes. */
static uint8_t space_kind(const char *s, size_t n)
{
	int nl = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\n')
			nl++;
		else if (c == 0xE2 && i + 2 < n && nnbsp(s + i))
			i += 2; /* U+202F */
		else if (c != ' ' && c != '\t' && !(c == 0xC2 && i + 1 < n && s[i + 1] == (char)0xA0) &&
		         !(c == 0xA0 && i > 0 && s[i - 1] == (char)0xC2))
			return TQL_TOK_PUNCT;
	}
	return nl >= 2 ? TQL_TOK_PARA : nl ? TQL_TOK_NEWLINE : TQL_TOK_SPACE;
}

/* Segments one block [off, off+len) of doc->text. */
static bool segment_block(tql_checker *chk, tql_lang_res *lr, tql_doc *doc, size_t off,
                          size_t len)
{
	const char *s = doc->text + off;
	int32_t ulen;
	if (!to_u16(chk, s, len, &ulen))
		return false;
	UErrorCode err = U_ZERO_ERROR;

	/* sentences first, so that tokens can point at them */
	size_t first_sent = doc->nsent;
	ubrk_setText(lr->sentbrk, chk->u16, ulen, &err);
	if (U_FAILURE(err))
		return false;
	int32_t p = ubrk_first(lr->sentbrk), q;
	while ((q = ubrk_next(lr->sentbrk)) != UBRK_DONE) {
		size_t b0 = (size_t)chk->u16map[p], b1 = (size_t)chk->u16map[q];
		/* trim trailing white space from the sentence span */
		while (b1 > b0 && (s[b1 - 1] == ' ' || s[b1 - 1] == '\n' || s[b1 - 1] == '\t'))
			b1--;
		if (b1 > b0) {
			if (!TQL_GROW(doc->sent, doc->sentcap, doc->nsent + 1))
				return false;
			doc->sent[doc->nsent++] = (tql_span){off + b0, b1 - b0};
		}
		p = q;
	}

	ubrk_setText(lr->wordbrk, chk->u16, ulen, &err);
	if (U_FAILURE(err))
		return false;
	size_t si = first_sent;
	bool want_start = true;
	p = ubrk_first(lr->wordbrk);
	while ((q = ubrk_next(lr->wordbrk)) != UBRK_DONE) {
		size_t b0 = (size_t)chk->u16map[p], b1 = (size_t)chk->u16map[q];
		int32_t st = ubrk_getRuleStatus(lr->wordbrk);
		uint8_t kind;
		if (st >= UBRK_WORD_LETTER)
			kind = TQL_TOK_WORD;
		else if (st >= UBRK_WORD_NUMBER)
			kind = TQL_TOK_NUMBER;
		else
			kind = space_kind(s + b0, b1 - b0);
		size_t abs = off + b0;
		while (si + 1 < doc->nsent && doc->sent[si + 1].off <= abs) {
			si++;
			want_start = true;
		}
		/* ICU joins U+202F NARROW NO-BREAK SPACE to words (WB ExtendNumLet);
		 * French puts it before ; : ! ? and inside numbers: outside a
		 * number it is a space of its own */
		size_t lead = 0, trail = 0;
		if (kind == TQL_TOK_WORD) {
			while (b1 - b0 - lead - trail > 3 && nnbsp(s + b0 + lead))
				lead += 3;
			while (b1 - b0 - lead - trail > 3 && nnbsp(s + b1 - trail - 3))
				trail += 3;
		}
		if (lead && !add_token(doc, abs, lead, TQL_TOK_SPACE))
			return false;
		if (!add_token(doc, abs + lead, b1 - b0 - lead - trail, kind))
			return false;
		size_t wi = doc->ntok - 1;
		if (trail && !add_token(doc, off + b1 - trail, trail, TQL_TOK_SPACE))
			return false;
		tql_token *t = &doc->tok[wi];
		t->sent = (uint32_t)si;
		if (kind == TQL_TOK_WORD || kind == TQL_TOK_NUMBER) {
			if (want_start && kind == TQL_TOK_WORD)
				t->flags |= TQL_TF_SENT_START;
			want_start = false;
		}
		p = q;
	}
	return true;
}

tql_status tql_segment(tql_checker *chk, tql_lang_res *lr, tql_doc *doc)
{
	const char *s = doc->text;
	size_t n = doc->len, i = 0;
	while (i < n) {
		/* skip blank lines */
		size_t ws = i;
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
			i++;
		if (i > ws && !add_token(doc, ws, i - ws, space_kind(s + ws, i - ws)))
			return TQL_ENOMEM;
		if (i >= n)
			break;
		/* a block runs until a line that is empty or white space only */
		size_t start = i, end = n;
		for (size_t j = i; j < n; j++) {
			if (s[j] != '\n')
				continue;
			size_t k = j + 1;
			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k >= n || s[k] == '\n') {
				end = j;
				break;
			}
		}
		/* trim trailing blanks of the block */
		size_t e = end;
		while (e > start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
			e--;
		if (!TQL_GROW(doc->block, doc->blockcap, doc->nblock + 1))
			return TQL_ENOMEM;
		doc->block[doc->nblock++] = (tql_span){start, e - start};
		if (!segment_block(chk, lr, doc, start, e - start))
			return TQL_ENOMEM;
		i = e;
	}
	return TQL_OK;
}
