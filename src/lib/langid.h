/*
 * langid.h - language identification: a C interface over CLD2 (langid.cc).
 *
 * CLD2 (Debian libcld2-dev) has a C++ API; langid.cc is the only C++ file of
 * the library and exposes these plain C functions. CLD2 keeps no mutable
 * global state, so the functions are safe to call from several threads.
 */
#ifndef TQL_LANGID_H
#define TQL_LANGID_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The answer for one piece of text. Language codes are ISO 639-1 where one
 * exists, lower case, normalised from CLD2's own ("iw" -> "he", "zh-Hant" ->
 * "zh", "jw" -> "jv"); "" when CLD2 does not know. */
typedef struct tql_langid {
	char lang[3][16];   /* the top three languages, best first */
	int percent[3];     /* share of the text bytes in each, 0-100 */
	double score[3];    /* CLD2 normalised score (about 1.0 = typical text) */
	int text_bytes;     /* letters CLD2 actually scored */
	bool reliable;      /* CLD2's own reliability verdict for lang[0] */
} tql_langid;

/*
 * Detects the language of the UTF-8 text s[0..n) as plain text (no markup
 * skipping). `hint` is an optional language code that CLD2 favours ("de");
 * NULL or "" for none. Texts longer than 1 MB are cut at a character
 * boundary. Returns false when nothing could be decided (invalid UTF-8, out
 * of memory); *out is then all unknown.
 */
bool tql_langid_detect(const char *s, size_t n, const char *hint, tql_langid *out)
	__attribute__((visibility("hidden")));

/* Does CLD2 know the language code ("de", "he": yes; "tlh": no)? */
bool tql_langid_known(const char *code) __attribute__((visibility("hidden")));

/* English name of a language code ("de" -> "German"); the code itself when
 * CLD2 does not know it. Static storage. */
const char *tql_langid_name(const char *code) __attribute__((visibility("hidden")));

/*
 * Document language (langdoc.c, C): when doc->lang is "" (no -l, no hint
 * from the reader or the configuration), detects it over the reader output
 * doc->raw and sets doc->lang (region left ""); "en" when the text has
 * fewer than four words or CLD2 is not reliable. Never fails.
 */
struct tql_doc;
void tql_langid_doc(struct tql_doc *doc) __attribute__((visibility("hidden")));

#ifdef __cplusplus
}
#endif

#endif /* TQL_LANGID_H */
