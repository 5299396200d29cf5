/* langdoc.c - the document language when none was given: CLD2 over the
 * reader output, "en" when the text is too short or the answer unreliable. */
#include "internal.h"
#include "langid.h"

/* Minimum words for a text to be classified at all (the "about four
 * words": shorter lines are names, headings, bylines, not language). */
#define MIN_WORDS 4
/* Bytes of the text the document language is decided on. */
#define SAMPLE_BYTES 65536

/* Rough word count of s[0..n), stopping at `enough`: runs of letters
 * separated by anything else; each ideograph or kana counts as half a word
 * (CJK writes no spaces; two characters is a typical word). */
static size_t count_words(const char *s, size_t n, size_t enough)
{
	size_t words = 0, cjk = 0, i = 0;
	bool in_word = false;
	while (i < n && words + cjk / 2 < enough) {
		int32_t c = tql_u8_next(s, n, &i);
		if (c >= 0x2E80 && c <= 0x9FFF) {
			cjk++;
			in_word = false;
		} else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		           (c > 0xBF && c != 0xD7 && c != 0xF7 && !(c >= 0x2000 && c <= 0x206F) &&
		            !(c >= 0x3000 && c <= 0x303F) && !(c >= 0xFF00 && c <= 0xFF0F))) {
			/* non-ASCII outside Latin-1 punctuation, general punctuation and
			 * CJK/full-width punctuation counts as a letter: cheap, enough */
			if (!in_word)
				words++;
			in_word = true;
		} else {
			in_word = false;
		}
	}
	return words + cjk / 2;
}

void tql_langid_doc(tql_doc *doc)
{
	if (doc->lang[0])
		return;
	snprintf(doc->lang, sizeof doc->lang, "en");
	doc->region[0] = '\0';
	if (!doc->raw || count_words(doc->raw, doc->raw_len, MIN_WORDS) < MIN_WORDS)
		return;
	/* the first 64 KB decide: plenty for CLD2, and detection costs ~0.1 s
	 * per MB */
	size_t n = doc->raw_len;
	if (n > SAMPLE_BYTES) {
		n = SAMPLE_BYTES;
		while (n > 0 && ((unsigned char)doc->raw[n] & 0xC0) == 0x80)
			n--;
	}
	tql_langid r;
	if (tql_langid_detect(doc->raw, n, NULL, &r) && r.reliable && r.lang[0][0])
		snprintf(doc->lang, sizeof doc->lang, "%s", r.lang[0]);
}
