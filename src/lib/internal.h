/*
 * internal.h - shared declarations of libtqlint's internals.
 *
 * Ownership rule: a struct owns every pointer member unless its comment
 * says "borrowed". Functions that return allocated memory say who frees it.
 */
#ifndef TQL_INTERNAL_H
#define TQL_INTERNAL_H

#include "../tqlint.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <unicode/ubrk.h>
#include <unicode/utypes.h>

#define TQL_INTERNAL __attribute__((visibility("hidden")))

/* ---- growable byte buffer (util.c) -------------------------------------- */

typedef struct tql_buf {
	char *p;      /* NUL-terminated when non-NULL */
	size_t n, cap;
} tql_buf;

bool tql_buf_add(tql_buf *b, const void *data, size_t n);
bool tql_buf_addc(tql_buf *b, char c);
bool tql_buf_adds(tql_buf *b, const char *s);
bool tql_buf_printf(tql_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool tql_buf_vprintf(tql_buf *b, const char *fmt, va_list ap);
void tql_buf_free(tql_buf *b);
/* Detaches the string (caller frees); the buffer is left empty. */
char *tql_buf_take(tql_buf *b);

/* Grows *v (element size `sz`) to hold at least `need` elements. */
bool tql_grow(void **v, size_t *cap, size_t need, size_t sz);
/* The same, starting at `first` elements (tql_grow starts at eight). */
bool tql_grow_first(void **v, size_t *cap, size_t need, size_t sz, size_t first);
#define TQL_GROW(v, cap, need) tql_grow((void **)&(v), &(cap), (need), sizeof *(v))

char *tql_strndup(const char *s, size_t n);
uint64_t tql_hash(const void *data, size_t n);

/* Is w[0..n) listed for lang in a table of "lang:word" strings (closed
 * word classes kept in code: conjunctions, prepositions)? */
bool tql_lang_listed(const char *const *list, size_t len, const char *lang, const char *w,
                     size_t n);
/* Is s[0..n), folded (tql_fold), one of the folded strings of list? tmp is
 * scratch. */
bool tql_folded_listed(const char *const *list, size_t len, const char *s, size_t n,
                       tql_buf *tmp);
#define TQL_LANG_LISTED(list, lang, w, n) \
	tql_lang_listed(list, sizeof list / sizeof *list, lang, w, n)
#define TQL_FOLDED_LISTED(list, s, n, tmp) \
	tql_folded_listed(list, sizeof list / sizeof *list, s, n, tmp)

/* Reads a whole file; *out is malloc'd and NUL-terminated (caller frees). */
tql_status tql_read_file(const char *path, char **out, size_t *len);

/* ---- string-keyed hash map (strmap.c) ----------------------------------- */

typedef struct tql_strmap {
	struct tql_strmap_slot *slots;
	size_t cap, n;
	struct tql_strmap_block *keys; /* the key copies, packed in blocks (owned) */
} tql_strmap;

/* Looks up key; returns true and sets *val when present. */
bool tql_strmap_get(const tql_strmap *m, const char *key, size_t klen, uintptr_t *val);
/* Inserts or replaces; the key is copied. Returns false on out-of-memory. */
bool tql_strmap_put(tql_strmap *m, const char *key, size_t klen, uintptr_t val);
/* Returns the stored key copy for key, or NULL. */
const char *tql_strmap_key(const tql_strmap *m, const char *key, size_t klen);
void tql_strmap_free(tql_strmap *m);

/* ---- UTF-8 helpers (utf8.c) --------------------------------------------- */

/* Decodes one code point at s[*i] (i < n), advancing *i; returns -1 for an
 * invalid sequence (then *i advances past the maximal invalid subpart). */
int32_t tql_u8_next(const char *s, size_t n, size_t *i);
/* Decodes the code point ending before s[i]; moves *i back. -1 if invalid. */
int32_t tql_u8_prev(const char *s, size_t *i);
/* Number of code points in s[0..n). */
size_t tql_u8_count(const char *s, size_t n);
/* Length of the valid UTF-8 prefix of s[0..n). */
size_t tql_u8_valid_prefix(const char *s, size_t n);

/* ---- offset map (map.c) ------------------------------------------------- */

/* A contiguous piece of the analysed text and the source bytes it came from.
 * Identity pieces (a_len == s_len, same bytes) map offset by offset;
 * replaced pieces map any inner offset to their start or end. */
typedef struct tql_seg {
	size_t a_off, a_len, s_off, s_len;
	bool identity;
} tql_seg;

typedef struct tql_map {
	tql_seg *v;
	size_t n, cap;
	size_t a_end, s_end; /* running totals while building */
} tql_map;

bool tql_map_copy(tql_map *m, size_t n);                 /* n identical bytes */
bool tql_map_replace(tql_map *m, size_t a_len, size_t s_len);
/* Source offset of analysed offset a, as a span start or as a span end. */
size_t tql_map_start(const tql_map *m, size_t a);
size_t tql_map_end(const tql_map *m, size_t a);
void tql_map_free(tql_map *m);

/* ---- document model ----------------------------------------------------- */

enum tql_tok_kind {
	TQL_TOK_WORD = 1,   /* letters (any script), may contain ' . - inside */
	TQL_TOK_NUMBER,
	TQL_TOK_PUNCT,
	TQL_TOK_SPACE,      /* horizontal white space only */
	TQL_TOK_NEWLINE     /* white space containing exactly one line break */,
	TQL_TOK_PARA        /* white space containing a blank line */
};

enum tql_tok_flag {
	TQL_TF_UPPER_INITIAL = 1 << 0,  /* first letter upper/titlecase */
	TQL_TF_ALL_UPPER = 1 << 1,      /* two or more letters, all upper */
	TQL_TF_INNER_UPPER = 1 << 2,    /* an upper-case letter after a lower-case one */
	TQL_TF_ASCII = 1 << 3,
	TQL_TF_SENT_START = 1 << 4,     /* first word of a sentence */
	TQL_TF_HAS_DIGIT = 1 << 5,
	TQL_TF_HAS_LOWER = 1 << 6
};


typedef struct tql_token {
	uint32_t off, len;   /* bytes in the analysed text */
	uint8_t kind;
	uint8_t flags;
	uint16_t script;     /* UScriptCode of the first letter, 0 otherwise */
	uint32_t sent;       /* index of the sentence holding it */
} tql_token;

/* Sets t->flags and t->script from the word's code points. */
void tql_word_flags(const char *s, size_t n, tql_token *t);


typedef struct tql_span {
	size_t off, len;
} tql_span;

/* A finding in analysed-text offsets, before mapping to the source. */
typedef struct tql_raw_finding {
	uint32_t rule;       /* index in the engine's rule registry */
	int severity;        /* -1: the rule's default */
	size_t off, len;
	char *message;
	char **sugg;
	size_t nsugg;
	bool fixable;
	bool source_span;    /* off/len are already source offsets */
} tql_raw_finding;

typedef struct tql_doc {
	const char *src;     /* borrowed: the input bytes */
	size_t src_len;
	const char *path;    /* borrowed, may be NULL */
	char lang[16];       /* primary language subtag, lower case ("en") */
	char region[8];      /* region subtag, upper case ("GB"), may be "" */
	tql_format format;

	char *raw;           /* reader output (UTF-8, valid) */
	size_t raw_len;
	tql_map raw_map;     /* raw -> source */

	char *text;          /* normalised analysed text (NFC) */
	size_t len;
	tql_map norm_map;    /* text -> raw */

	tql_token *tok;
	size_t ntok, tokcap;
	tql_span *sent;      /* sentences */
	size_t nsent, sentcap;
	tql_span *block;     /* paragraphs (separated by blank lines) */
	size_t nblock, blockcap;
	size_t words;

	tql_raw_finding *find;
	size_t nfind, findcap;

	/* content-repository inputs (config.c, suppress.c, formats/) */
	const struct tql_config *cfg; /* borrowed, may be NULL */
	struct tql_docconf *conf;     /* settings resolved for this path */
	bool *enabled;       /* per rule for this document; NULL: the engine's */
	int8_t *sev;         /* per rule severity override or -1; NULL: none */
	char doc_lang[32];   /* language the document declares (front matter,
	                        <html lang>), "" if none */
	struct tql_lang_span *lspan; /* per-element lang attributes (raw offsets) */
	size_t nlspan, lspancap;
} tql_doc;

/* A passage of the reader output in another declared language. */
typedef struct tql_lang_span {
	size_t off, len;     /* in doc->raw */
	char lang[32];
} tql_lang_span;

/* ---- rules and checks --------------------------------------------------- */

typedef struct tql_ctx tql_ctx;

/* A check module: one file in src/lib/checks/, one descriptor. */
typedef struct tql_check_def {
	const char *name;
	const tql_rule_info *rules;   /* the static rules it emits */
	size_t nrules;
	/* Optional: loads shared read-only resources once per engine. */
	tql_status (*load)(tql_engine *eng, void **shared);
	void (*unload)(void *shared);
	/* Runs on one document. */
	tql_status (*run)(tql_ctx *ctx, const void *shared);
} tql_check_def;

extern const tql_check_def *const tql_checks[];
extern const size_t tql_ncheck;

/* Per-language resources of one checker (thread). */
typedef struct tql_lang_res {
	char lang[16], region[8];
	struct Hunhandle *hun;       /* NULL if no dictionary for the language */
	bool hun_tried;
	bool hun_latin1;             /* dictionary encoding is not UTF-8 */
	char hun_enc[32];
	tql_strmap spell_cache;      /* word -> 1 good, 2 bad (bounded) */
	tql_strmap sugg_cache;       /* word -> offset+1 in sugg_store (bounded) */
	tql_buf sugg_store;          /* NUL-separated lists, each ended by an empty string */
	tql_strmap near_cache;       /* word -> offset+1 in near_store, 0 = none (bounded) */
	tql_buf near_store;          /* NUL-terminated one-edit words */
	UBreakIterator *wordbrk, *sentbrk;
} tql_lang_res;

struct tql_engine {
	char *data_dir;
	char *hunspell_dir;
	char errmsg[512];
	tql_rule_info *rules;        /* registry; strings of dynamic rules owned */
	bool *rule_dynamic;
	bool *enabled;               /* per rule */
	bool *forced;                /* per rule: set by tql_engine_set_enabled
	                                (the command line beats a config file) */
	size_t nrules, rulecap;
	void **shared;               /* per check */
	pthread_mutex_t lock;        /* guards Hunspell handle creation */
	struct tql_names *names;     /* the name-variant table (names.c) */
	struct tql_places *places;   /* the GeoNames gazetteer (places.c), NULL when absent */
	tql_strmap rule_index;       /* rule id -> index in rules */
	bool spell_suggest;          /* call Hunspell_suggest for reported words */
	char **extra_words;          /* word-list files from configs (owned) */
	size_t nextra_words;
	struct tql_corpus *corpus;   /* borrowed: cross-file index, or NULL */
};

struct tql_checker {
	tql_engine *eng;             /* borrowed */
	char errmsg[512];
	tql_lang_res **langs;
	size_t nlangs, langcap;
	UChar *u16;                  /* scratch for segmentation */
	int32_t *u16map;             /* UTF-16 index -> byte offset in block */
	size_t u16cap;
	tql_buf scratch;
};

struct tql_ctx {
	tql_checker *chk;
	tql_engine *eng;
	tql_doc *doc;
	tql_lang_res *lang;          /* resources of the document language */
};

/* Registry: returns the rule index for id, or -1. */
int tql_rule_find(const tql_engine *eng, const char *id);
/* Adds a dynamic rule (strings copied); returns its index or -1 (errmsg set). */
int tql_engine_add_rule(tql_engine *eng, const char *id, const char *category,
                        tql_severity sev, const char *summary);
/* Sets the engine error message; returns st. */
tql_status tql_engine_fail(tql_engine *eng, tql_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/*
 * Calls cb for every file data_dir/sub/<lang><ext> (in directory order),
 * with its path and the language taken from the file name; stops at the
 * first status other than TQL_OK. A missing folder is not an error.
 */
tql_status tql_data_each(tql_engine *eng, const char *sub, const char *ext,
                         tql_status (*cb)(tql_engine *eng, const char *path, const char *lang,
                                          void *ud),
                         void *ud);
/* Legitimate repetitions (repetition/<lang>.txt) into out, keyed
 * "lang:folded phrase". */
tql_status tql_load_repetitions(tql_engine *eng, tql_strmap *out);
/* Established foreign words and phrases of each language (loans/<lang>.txt)
 * into out, keyed the same way. */
tql_status tql_load_loans(tql_engine *eng, tql_strmap *out);
/* Path of a data file: data_dir/rel (caller frees). */
char *tql_data_path(const tql_engine *eng, const char *rel);

/*
 * Records a finding at analysed offsets [off, off+len). `rule` must be a
 * registered id. `sugg` may be NULL (no suggestion). Returns false only on
 * out-of-memory.
 */
bool tql_emit(tql_ctx *ctx, const char *rule, size_t off, size_t len, const char *sugg,
              bool fixable, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Like tql_emit with several suggestions (copied). */
bool tql_emitv(tql_ctx *ctx, const char *rule, size_t off, size_t len, const char *const *sugg,
               size_t nsugg, bool fixable, const char *fmt, ...) __attribute__((format(printf, 8, 9)));
/* Like tql_emit, with offsets in the source bytes (reader findings). */
bool tql_emit_src(tql_doc *doc, int rule, size_t s_off, size_t s_len, const char *sugg,
                  bool fixable, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Is a rule enabled (by index)? */
bool tql_rule_enabled(const tql_engine *eng, const char *id);

/* ---- pipeline stages ---------------------------------------------------- */

/* Reader for plain text: fills doc->raw / raw_map, emits reader findings. */
tql_status tql_read_text(tql_engine *eng, tql_doc *doc);
/* Readers for Markdown (md4c) and HTML (gumbo), same contract. */
tql_status tql_read_markdown(tql_engine *eng, tql_doc *doc);
tql_status tql_read_html(tql_engine *eng, tql_doc *doc);
/* Configuration (config.c): resolves doc->cfg for doc->path into
 * doc->enabled / sev / conf; the getters return NULL when unset. */
tql_status tql_config_apply(tql_engine *eng, tql_doc *doc);
const char *tql_doc_fm_keys(const tql_doc *doc);     /* published front-matter keys */
const char *tql_doc_prefer(const tql_doc *doc);      /* preferred name forms, comma list */
const char *tql_doc_config_lang(const tql_doc *doc);
bool tql_doc_rule_on(const tql_doc *doc, const tql_engine *eng, size_t rule);
void tql_doc_conf_free(tql_doc *doc);
/* Files a config names (kind 0 name tables, 1 word lists, 2 rule files). */
size_t tql_config_files(const tql_config *c, int kind, const char *const **out);
/* Inline suppressions, [sic], config rule mask and severities (suppress.c). */
tql_status tql_suppress_apply(tql_engine *eng, tql_doc *doc);
/* Normalizer: NFC + invisible characters; fills doc->text / norm_map. */
tql_status tql_normalize(tql_engine *eng, tql_doc *doc);
/* Segmenter: blocks, sentences, tokens. */
tql_status tql_segment(tql_checker *chk, tql_lang_res *lr, tql_doc *doc);

/* Language resources (lazy, per checker). */
tql_lang_res *tql_lang_get(tql_checker *chk, const char *lang, const char *region);
/* Adds a project word-list file for every Hunspell handle created later. */
bool tql_engine_add_words(tql_engine *eng, const char *path);
/* Hunspell without the result cache (for generated candidates). */
int tql_spell_nocache(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len);
/* Hunspell: 1 known word, 0 unknown, -1 no dictionary for the language. */
int tql_spell(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len);
/* The same for the word with its first letter in lower case ("Brown" as
 * "brown": is the name also a common word?); -2 if it cannot be lowered. */
int tql_spell_lowered(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len);
/* The script of a language whose Hunspell dictionary is reliable enough
 * for news text (USCRIPT_LATIN or USCRIPT_CYRILLIC), 0 for the others,
 * where the dictionary-based checks stay silent (measured, see the issue
 * report of the spelling check). */
int tql_spell_script(const char *lang);
/* Hunspell suggestions (UTF-8) appended to out as NUL-separated strings;
 * returns their number (<= max) or -1 without a dictionary. Slow. */
int tql_spell_suggest(tql_checker *chk, tql_lang_res *lr, const char *word, size_t len, int max,
                      tql_buf *out);
/* Is w (n bytes, UTF-8, lower case) a form lr's dictionary lacks but
 * makes from a word it knows: an infinitive with clitics (es, it:
 * "comprenderlo"), a diminutive (es: "piquito"), a separable verb joined
 * to its particle (de: "zurückkehrt")? (word_forms.c) */
bool tql_word_derived(tql_checker *chk, tql_lang_res *lr, const char *w, size_t n);
/* Frees one language's resources. */
void tql_lang_free(tql_engine *eng, tql_lang_res *lr);

/* Folding key (fold.c): case folded, diacritics removed, dashes/hyphens/
 * white space runs turned into one space, apostrophes unified; appended to
 * out (NUL-terminated). Returns false on out-of-memory or invalid input. */
bool tql_fold(const char *s, size_t n, tql_buf *out);

/* Index of the first token at or after analysed offset off (ntok if none). */
size_t tql_doc_token_at(const tql_doc *doc, size_t off);
/* Finds the quotation marks around [off, off+len) on its line, within
 * reach bytes each way: an opening mark („ “ « ") before it, then a
 * closing one (“ ” » ") after it; *a is the offset just after the opening
 * mark and *b that of the closing one. False when either is missing. */
bool tql_quote_around(const tql_doc *doc, size_t off, size_t len, size_t reach, size_t *a,
                      size_t *b);
/* Are most words of [a, b), those in [skip_a, skip_b) aside, unknown to the
 * document language's dictionary (three words at least): a quotation in
 * another language? */
bool tql_mostly_unknown(tql_ctx *ctx, size_t a, size_t b, size_t skip_a, size_t skip_b);

/* Decodes an HTML character reference at s[0..n) (s[0] == '&'). On success
 * writes the UTF-8 result to out (up to 8 bytes), sets *olen and returns the
 * number of source bytes consumed; returns 0 if it is not a reference. Knows
 * numeric references and the common named ones. Defined in
 * formats/reader.c; shared by the readers and encoding.html-entity. */
size_t tql_entity_decode(const char *s, size_t n, char out[8], size_t *olen);
/* Source offset of an analysed offset. */
size_t tql_doc_src_start(const tql_doc *doc, size_t a);
size_t tql_doc_src_end(const tql_doc *doc, size_t a);

/* Cross-file index (corpus.c): records n paragraph fingerprints of the
 * document `path` with their source spans. Thread-safe; false on OOM. */
bool tql_corpus_record(struct tql_corpus *c, const char *path, const uint64_t *hash,
                       const size_t *off, const size_t *len, size_t n);
/* Appends a finding at source bytes [off, off+len) to res, taking `message`
 * (freed on failure too), and keeps the findings sorted (check.c). */
bool tql_result_add_src(tql_result *res, const tql_rule_info *ri, const char *src, size_t srclen,
                        size_t off, size_t len, char *message);

/* Utility: is c a letter / an upper-case letter etc. (ICU). */
bool tql_is_word_token(const tql_token *t);

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "banned.h"

#endif /* TQL_INTERNAL_H */
