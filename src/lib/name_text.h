/* name_text.h - text comparisons used by the name checks. */
#ifndef TQL_NAME_TEXT_H
#define TQL_NAME_TEXT_H

#include "internal.h"

/* Does a word hold letters of another script than `script` (a UScriptCode),
 * or the lead bytes of UTF-8 read as Windows-1252 (Ã, Â)? */
bool tql_nt_odd_letters(const char *w, size_t n, int script);
/* Does the word of n bytes at w, in a text ending at end, stop at mojibake:
 * its last letter a lead byte of UTF-8 read as Windows-1252 (Â, Ã, Ä, Å,
 * Ð, Ñ, â) and the next character a continuation byte read so ("VesiÄ‡",
 * "Moldovaâ€™s")? */
bool tql_nt_mojibake_tail(const char *w, size_t n, const char *end);
/* Length of the word t (n bytes) without an English possessive ending
 * ('s or ’s): "Kiev’s" is the name "Kiev". */
size_t tql_nt_without_possessive(const char *t, size_t n);
/* Does a title of address stand right before word token t ("Mr. Sokolev",
 * "Herr Weber", "Mme Dupont")? Then the word is a person's name. */
bool tql_nt_after_title(const tql_doc *doc, size_t t);
/* Is tk a word token written like a name: capitalised, not all capitals,
 * free of digits? */
bool tql_nt_name_word(const tql_token *tk);
/* Is token t followed by exactly one plain space and a name word (token
 * t + 2, tql_nt_name_word) of the same sentence? */
bool tql_nt_spaced_pair(const tql_doc *doc, size_t t);
/* Do two folded Latin keys sound the same (equal tql_names_phonetic keys,
 * at least four sounds)? */
bool tql_nt_same_sound(const char *a, size_t na, const char *b, size_t nb);
/* Do two folded Latin keys have the same consonant sounds in order
 * (Vaidel / Weidel)? */
bool tql_nt_same_skeleton(const char *a, size_t na, const char *b, size_t nb);
/* Do two phonetic keys have the same consonants (at least two) in order? */
bool tql_nt_skeleton_eq(const char *a, size_t na, const char *b, size_t nb);
/* Appends a with the letters that romanisations of Cyrillic write
 * differently (j/y/i, w/v, sch/sh, x/ks) folded to one; false: no memory. */
bool tql_nt_translit_norm(const char *a, size_t n, tql_buf *out);
/* Levenshtein distance of two byte strings of at most 64 bytes, else SIZE_MAX. */
size_t tql_nt_lev(const char *a, size_t na, const char *b, size_t nb);
/* Is a (NUL-terminated, words separated by single spaces) a whole-word
 * part of b? */
bool tql_nt_words_within(const char *a, const char *b);
/* The same for the first la bytes of a. */
bool tql_nt_words_within_n(const char *a, size_t la, const char *b);
/* Does text t differ from f (same number of letters) only in accents,
 * other than on a capital when fr is set? */
bool tql_nt_accent_only_diff(const char *t, size_t tn, const char *f, size_t fn, bool fr);
/* How many letters of s carry an accent or other mark (é, ș, ё)? */
size_t tql_nt_accent_count(const char *s, size_t n);
/* Offset of the first whole-word occurrence of f in the document text,
 * or SIZE_MAX. */
size_t tql_nt_find_word(const tql_doc *doc, const char *f, size_t fn);
/* Bytes of the whole letters a (al bytes) and b (bl bytes) share at their
 * start: up to the start of the first letter that differs. */
size_t tql_nt_same_start(const char *a, size_t al, const char *b, size_t bl);
/* Is the longer key lo a derivation of sh (Australian / Australia,
 * O'Sullivan / Sullivan) rather than a misspelling? */
bool tql_nt_derivation(const char *lo, size_t nlo, const char *sh, size_t nsh);
/* Copies the word s with its first letter in lower case into out (cap
 * bytes, NUL-terminated); false if it does not fit or is not UTF-8. */
bool tql_nt_lower_initial(const char *s, size_t n, char *out, size_t cap, size_t *outn);
/* Source line (1-based) of analysed offset a. */
int tql_nt_line_of(const tql_doc *doc, size_t a);

/* consistency.name on analysed [off, off + len), suggesting `shown`, the
 * spelling found at analysed offset at: "'X' is written 'Y' elsewhere in
 * this document (line N); use one form". False: out of memory. */
bool tql_nt_emit_written(tql_ctx *ctx, size_t off, size_t len, const char *shown, size_t at);
/* The same, suggesting the document's own text at [at, at + at_len)
 * (the first 150 bytes). */
bool tql_nt_emit_written_span(tql_ctx *ctx, size_t off, size_t len, size_t at, size_t at_len);

/* Does a finding already recorded cover token tk? */
bool tql_nt_covered(const tql_doc *doc, const tql_token *tk);

/* The letters only Russian writes (ы э ъ ё) and only Ukrainian writes
 * (і ї є ґ), lower and upper case, each two bytes; NULL-terminated. */
extern const char *const tql_nt_ru_only[];
extern const char *const tql_nt_uk_only[];
/* Does word w (n bytes) hold one of the two-byte letters of set? */
bool tql_nt_has_letter(const char *w, size_t n, const char *const *set);
/* Is the byte at off (if inside the text) a hyphen? */
bool tql_nt_hyphen_at(const tql_doc *doc, size_t off);

/* The quotation state of a line read up to pos: «…» and „…“ open (their
 * depth), “…” or "…" open. Start from {0}. */
typedef struct tql_nt_quote_scan {
	size_t pos;
	int guil, low;
	bool curly, ascii;
} tql_nt_quote_scan;
/* Is analysed offset off inside a quotation opened earlier on its line
 * («…», „…“, “…”, "…")? Quoted words are the speaker's or a title's. The
 * scan goes on from where the last call left q: off must not decrease
 * from call to call. */
bool tql_nt_quoted_at(const tql_doc *doc, tql_nt_quote_scan *q, size_t off);

/* How token b's spelling stands to token a's (the two fold alike), past
 * their first letters, whose accent may be dropped by convention on a
 * capital ("Etienne", "Ecija"): the same up to case, or other only in a
 * letter's accent ("Zocalo" / "Zócalo"), or other in another way (an
 * apostrophe: "Geraghtys" / "Geraghty's"). */
enum { TQL_SP_SAME, TQL_SP_ACCENT, TQL_SP_OTHER };
int tql_nt_spelling_of(const tql_doc *doc, size_t a, size_t b);

#endif
