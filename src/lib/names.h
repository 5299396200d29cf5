/* names.h - the name-variant table (dictionaries/names/NAME.tsv): loading and
 * hash lookups on folded keys. Built once per engine, read-only afterwards. */
#ifndef TQL_NAMES_H
#define TQL_NAMES_H

#include "internal.h"

enum tql_name_kind { TQL_NK_PERSON = 1, TQL_NK_PLACE, TQL_NK_ORG, TQL_NK_TITLE };
enum tql_form_type { TQL_FORM_CANONICAL = 1, TQL_FORM_ACCEPTED, TQL_FORM_ERROR, TQL_FORM_FAMILY };

typedef struct tql_name_row {
	char *id;                 /* entity id (owned) */
	uint8_t kind;
	char *langs;              /* "en,de" (owned) */
	size_t own_langs;         /* length of the languages the row was written
	                             for; the rest were added (extend_latin), where
	                             its error forms do not apply */
	char *canonical;
	char **accepted, **errors, **given, **family; /* NULL-terminated, owned */
	char *source;
	char *file;               /* borrowed from the table's file list */
	unsigned line;
} tql_name_row;

typedef struct tql_name_hit {
	uint32_t row;
	uint8_t type;             /* tql_form_type */
	uint8_t acronym;          /* form is all capitals: match case-sensitively */
	uint16_t words;           /* words in the form */
	const char *form;         /* borrowed from the row */
} tql_name_hit;

typedef struct tql_names {
	tql_name_row *rows;
	size_t nrows, rowcap;
	tql_strmap keys;          /* "lang\x1f" folded form -> hit list index */
	struct tql_hitlist { tql_name_hit *v; size_t n, cap; } *lists;
	size_t nlists, listcap;
	tql_strmap given;         /* folded given name -> 1 (any language) */
	tql_strmap pairs;         /* "lang\x1fgiven\x1ffamily" folded -> 1 */
	tql_strmap cognates;      /* folded given name -> its cognate set (1..) */
	tql_strmap gfirst;        /* "lang\x1f" first word of a folded given name ->
	                             hits whose form is that person's family name */
	tql_strmap phon;          /* "lang\x1f" phonetic key of one-word forms -> hit list */
	tql_strmap dels;          /* "lang\x1f" one-deletion of one-word keys -> hit list */
	tql_strmap eng;           /* phonetic key of Latin forms of en rows -> hits
	                             (meets English-based Cyrillic spellings) */
	tql_strmap tphon;         /* folded Latin romanisations (BGN, ICU) of
	                             Cyrillic forms -> hit on the entity's en row */
	tql_strmap tphon_ph;      /* the same by phonetic key (tql_names_phonetic) */
	tql_strmap tphon_local[2]; /* French and German press transcriptions of
	                             Russian forms -> hit on the entity's en row */
	tql_strmap tphon_local_ph[2]; /* the same by phonetic key */
	tql_strmap entity_langs;
	tql_strmap prefer;        /* "lang\x1fentity id" -> index in prefer_forms */
	char **prefer_forms;      /* folded preferred forms (owned) */
	char **prefer_shown;      /* the same forms as written in the config (owned) */
	size_t nprefer;  /* "id\x1flang" -> 1 for every row */
	tql_strmap ruuk;          /* Russian given-name form, as written -> index + 1 in ruuk_uk */
	tql_strmap ruuk_shared;   /* the same for names Ukrainian also keeps (given-ru-uk-shared.tsv) */
	char **ruuk_uk;           /* Ukrainian nominatives (owned) */
	size_t nruuk;
	tql_strmap dated;         /* "lang\x1f" folded dated form -> index + 1 in dated_cur */
	char **dated_cur;         /* the current forms (owned) */
	size_t ndated;
	uint64_t *anyform;        /* tql_hash of every folded form in any language,
	                             open addressing, 0 = empty (owned) */
	size_t anycap, nany;
	tql_strmap stems;         /* "lang\x1f" stemmed key (ru, uk) -> hit list */
	tql_strmap langs;         /* languages that have rows */
	tql_strmap rowmap;        /* "id\x1flang" -> row + 1, for supplements */
	size_t rowmap_rows;       /* rows covered by rowmap */
	size_t entities;
	int maxwords;
	char **files;
	size_t nfiles;
} tql_names;

/* Loads every *.tsv under data_dir/names plus names/given-names.txt.
 * On a format error returns TQL_EDATA with file:line in the engine message. */
tql_status tql_names_load(tql_engine *eng, tql_names **out);
void tql_names_free(tql_names *nm);

/* Loads one more table file (project-local) and indexes its rows. */
tql_status tql_names_add_file(tql_engine *eng, tql_names *nm, const char *path);
/* The folded preferred form of entity id in lang, or NULL; *shown gets the
 * form as configured. */
const char *tql_names_preferred(const tql_names *nm, const char *lang, const char *id,
                                const char **shown);

/* Is the form all capitals (an acronym such as US, NATO, США, МВФ)? */
bool tql_names_all_caps(const char *s);
/* Hits for a folded key in a language; NULL if none. */
const struct tql_hitlist *tql_names_lookup(const tql_names *nm, const char *lang, const char *key,
                                           size_t klen);
/* Same for phonetic keys and one-deletion keys. */
const struct tql_hitlist *tql_names_phon(const tql_names *nm, const char *lang, const char *pkey);
const struct tql_hitlist *tql_names_dels(const tql_names *nm, const char *lang, const char *key,
                                         size_t klen);
/* Hits for a stemmed key (languages with case endings); NULL if none. */
const struct tql_hitlist *tql_names_stem(const tql_names *nm, const char *lang, const char *skey,
                                         size_t klen);
/* Stores in out (at most max) the lengths of the stems of one folded word w
 * of n bytes: the stem tql_names_stem_key() takes first, then every other
 * cut of a case ending that leaves three letters ("мариеи": "мари" as well
 * as "марие"); of a nominative ending only if `nominative` (a table form).
 * Returns how many. */
size_t tql_names_word_stems(const char *lang, const char *w, size_t n, bool nominative, size_t *out,
                            size_t max);
/* Appends to out the stem keys of a folded key of up to four words, each
 * ended by a NUL: every combination of the words' stems (see above), the
 * greedy one first, at most max. Returns how many (0: no stemming here). */
size_t tql_names_stem_keys(const char *lang, const char *f, size_t n, bool nominative, tql_buf *out,
                           size_t max);
/* Are folded keys a and b the same name up to case endings, word by word
 * (ru, uk: "николая" ~ "николаи", "вадима" ~ "вадим"; de: "kiews" ~
 * "kiew"; other languages: equal)? */
bool tql_names_same_inflected(const char *lang, const char *a, size_t an, const char *b, size_t bn);
/* Appends to out the stem a folded one-word name's oblique cases take
 * when its last vowel changes or drops: Ukrainian Харків: харков-, Київ:
 * києв-, Египет: египт-, Орёл: орл-. False if there is none. */
bool tql_names_oblique_stem(const char *lang, const char *w, size_t n, tql_buf *out);
/* Hits for the stem skey of a one-word form that had a case ending cut,
 * among such oblique stems ("Харкова": харков-); NULL if none. */
const struct tql_hitlist *tql_names_oblique(const tql_names *nm, const char *lang, const char *skey,
                                            size_t klen);
/* Appends the stem key of a folded key for lang to out; false if the
 * language has no stemming (then out is unchanged). */
bool tql_names_stem_key(const char *lang, const char *folded, size_t n, tql_buf *out);

/* Appends the phonetic key of a folded Cyrillic text read the way an
 * English spelling is transcribed ("джинпинг" -> as "jinping"); false if
 * the text is not Cyrillic. */
bool tql_names_cyr_key(const char *folded, size_t n, tql_buf *out);
/* Hits on en rows whose Latin form has this phonetic key. */
const struct tql_hitlist *tql_names_eng(const tql_names *nm, const char *pkey, size_t n);

/* Hits whose Cyrillic form romanises to this folded key. */
const struct tql_hitlist *tql_names_tphon(const tql_names *nm, const char *key);
/* Hits whose Cyrillic form romanises to a form of this phonetic key
 * (tql_names_phonetic: "siarto" of Сийярто, Siyarto), when the key differs
 * from the romanisation itself: weaker evidence. */
const struct tql_hitlist *tql_names_tphon_sound(const tql_names *nm, const char *key);
/* Hits whose Russian form the press of lang ("fr", "de") transcribes to
 * this folded key ("gouterrich" of Гутерриш in French); NULL for other
 * languages. */
const struct tql_hitlist *tql_names_tphon_local(const tql_names *nm, const char *lang,
                                                const char *key);
/* The same by phonetic key ("gouiak" of Гуйяш, French "Gouïach"). */
const struct tql_hitlist *tql_names_tphon_local_sound(const tql_names *nm, const char *lang,
                                                      const char *key);
/* The row of entity `id` for lang, or NULL. */
const tql_name_row *tql_names_entity_row(const tql_names *nm, const char *id, const char *lang);
/* Does entity `id` have a row for lang? */
bool tql_names_entity_has_lang(const tql_names *nm, const char *id, const char *lang);

/* People whose given name starts with this folded word, in lang: hits
 * with the family name as form (the full given name is on the row). */
const struct tql_hitlist *tql_names_by_given(const tql_names *nm, const char *lang,
                                             const char *key, size_t klen);

/* The current form of a dated spelling (names/dated-forms.txt: "Kiev" in
 * English is now "Kyiv"), given its folded key, or NULL. */
const char *tql_names_dated(const tql_names *nm, const char *lang, const char *folded, size_t n);
/* The Ukrainian form of a Russian given name written w (n bytes, as in
 * the text: "Дмитрия" -> "Дмитро"; names/given-ru-uk.tsv), or NULL; with
 * *nominative set when w is the nominative itself; NULL too for a form of
 * two names ("Евгения"). */
const char *tql_names_uk_given(const tql_names *nm, const char *w, size_t n, bool *nominative);
/* The same for a Russian given name Ukrainian text keeps for foreigners
 * (names/given-ru-uk-shared.tsv: "Александр Стубб"), to be reported only
 * before a Ukrainian family name ("Александра Шовковського"). */
const char *tql_names_uk_given_shared(const tql_names *nm, const char *w, size_t n, bool *nominative);

/* The cognate set of a folded given name (names/given-cognates.tsv), 0 if none. */
int tql_names_cognate(const tql_names *nm, const char *folded, size_t n);

bool tql_names_is_given(const tql_names *nm, const char *folded, size_t n);
bool tql_names_has_pair(const tql_names *nm, const char *lang, const char *given,
                        const char *family);
bool tql_names_has_lang(const tql_names *nm, const char *lang);
/* Might some language of the table have the folded form f (one lookup
 * instead of one per language; a false yes costs only the full lookups)? */
bool tql_names_any_lang(const tql_names *nm, const char *f, size_t n);

/* Phonetic key of a folded one-word key (ASCII transliteration, sound
 * classes, doubled letters collapsed); written to out. */
bool tql_names_phonetic(const char *folded, size_t n, tql_buf *out);

/* Does row r stand for lang: written for it, or (own_only false) also
 * extended to it because the entity has no row of its own there? */
bool tql_names_row_lang(const tql_name_row *r, const char *lang, bool own_only);

/* Optimal string alignment distance between two UTF-8 strings, over code
 * points, capped at 3 (3 means "3 or more"). */
int tql_names_osa(const char *a, size_t na, const char *b, size_t nb);

#endif
