/*
 * tqlint.h - the public interface of libtqlint, a translation-quality checker.
 *
 * This is the only public header. Everything not declared here is internal.
 *
 * Model:
 *   tql_engine   loads the shared, read-only resources once (name tables,
 *                rule files, word lists); safe to share across threads.
 *   tql_checker  per-thread state (Hunspell handles, break iterators,
 *                match data, caches); created from an engine, used by one
 *                thread at a time.
 *   tql_result   the findings for one document, owned by the caller.
 *
 * Input text is UTF-8 as (const char *text, size_t len). Positions are
 * byte offsets into that input; lines and columns are computed for
 * reporting (columns count Unicode code points, both 1-based).
 *
 * The library never prints, exits or aborts: functions return a
 * tql_status, and tql_engine_errmsg() gives the detail of the last error.
 */
#ifndef TQLINT_H
#define TQLINT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(TQL_BUILDING) && defined(__GNUC__)
#define TQL_EXPORT __attribute__((visibility("default")))
#else
#define TQL_EXPORT
#endif

#define TQL_VERSION "0.1.0"

/* Status codes returned by every fallible function. */
typedef enum tql_status {
	TQL_OK = 0,
	TQL_ENOMEM,      /* out of memory */
	TQL_EIO,         /* a file could not be read or written */
	TQL_EDATA,       /* a data file (dictionary, table, rules) is invalid */
	TQL_EDEP,        /* a dependency failed (ICU, Hunspell, PCRE2) or is missing */
	TQL_EUSAGE,      /* invalid argument or configuration */
	TQL_EBINARY,     /* input looks binary (NUL bytes); not checked */
	TQL_ESTALE       /* a file changed since it was read (fixer) */
} tql_status;

/* A static English description of a status; never NULL. */
TQL_EXPORT const char *tql_strerror(tql_status st);

typedef enum tql_severity {
	TQL_SEV_INFO = 0,
	TQL_SEV_WARNING = 1,
	TQL_SEV_ERROR = 2
} tql_severity;

/* "info", "warning" or "error". */
TQL_EXPORT const char *tql_severity_name(tql_severity sev);
/* Parses a severity name; returns -1 if unknown. */
TQL_EXPORT int tql_severity_parse(const char *name);

/* One finding. All strings are owned by the tql_result that holds it. */
typedef struct tql_finding {
	const char *rule;        /* stable id, "category.name" */
	const char *category;    /* "name", "garbled", ... */
	tql_severity severity;
	size_t offset;           /* 0-based byte offset in the input */
	size_t length;           /* byte length in the input */
	unsigned line, column;   /* 1-based; column in code points */
	unsigned end_line, end_column; /* position of the last code point + 1 */
	const char *text;        /* the flagged source bytes (NUL-terminated copy) */
	const char *message;     /* one sentence */
	const char *const *suggestions; /* n_suggestions replacements, best first */
	size_t n_suggestions;
	int fixable;             /* 1 when exactly one safe replacement exists */
} tql_finding;

/* Description of a rule, for --list-rules and SARIF metadata. */
typedef struct tql_rule_info {
	const char *id;
	const char *category;
	tql_severity severity;   /* default severity */
	const char *summary;     /* one line */
} tql_rule_info;

typedef struct tql_engine tql_engine;
typedef struct tql_checker tql_checker;
typedef struct tql_result tql_result;

/* Engine options; zero-initialise and set what you need. */
typedef struct tql_engine_options {
	const char *data_dir;      /* dictionaries/ folder; NULL: TQLINT_DATADIR,
	                              then the compiled-in default */
	const char *hunspell_dir;  /* NULL: TQLINT_HUNSPELL_DIR, then
	                              /usr/share/hunspell */
	int spell_suggest;         /* spelling suggestions from Hunspell_suggest
	                              (30-70 ms per word); 0: only the dictionary
	                              word one edit away, which is fast */
} tql_engine_options;

/*
 * Creates an engine and loads the shared tables from the data folder.
 * On success stores the engine in *out (free with tql_engine_free) and
 * returns TQL_OK. On failure *out is NULL when the engine could not be
 * allocated; otherwise it holds an engine whose tql_engine_errmsg() tells
 * what failed, and which the caller must still free.
 */
TQL_EXPORT tql_status tql_engine_new(const tql_engine_options *opts, tql_engine **out);
/* Frees an engine; NULL is a no-op. All checkers must be freed first. */
TQL_EXPORT void tql_engine_free(tql_engine *eng);
/* Detail of the last engine-level error (static storage in the engine). */
TQL_EXPORT const char *tql_engine_errmsg(const tql_engine *eng);
/* The data folder in use. */
TQL_EXPORT const char *tql_engine_data_dir(const tql_engine *eng);

/* Rules: the registry of every rule the engine knows, in a stable order. */
TQL_EXPORT size_t tql_engine_rule_count(const tql_engine *eng);
TQL_EXPORT const tql_rule_info *tql_engine_rule(const tql_engine *eng, size_t i);

/*
 * Enables or disables rules. `spec` is a comma-separated list of rule ids
 * ("duplicate.word") or categories ("duplicate"). Applies to checkers
 * created afterwards as well as existing ones. Returns TQL_EUSAGE for an
 * unknown id (named in tql_engine_errmsg()).
 */
TQL_EXPORT tql_status tql_engine_set_enabled(tql_engine *eng, const char *spec, int enabled);

/*
 * Loads an extra, project-local name table (same TSV format as
 * the files in dictionaries/names/) into the engine. Call before creating checkers.
 * TQL_EDATA with file:line in tql_engine_errmsg() on a format error.
 */
TQL_EXPORT tql_status tql_engine_add_names(tql_engine *eng, const char *path);

/*
 * House style: prefer one accepted form of an entity ("Zelenskyy"). Other
 * accepted forms of that entity are then reported as consistency.name even
 * when a document uses only them. `form` must be a form in the name table
 * for `lang` ("en"); TQL_EUSAGE otherwise.
 */
TQL_EXPORT tql_status tql_engine_prefer(tql_engine *eng, const char *lang, const char *form);

/* Creates a per-thread checker; free with tql_checker_free. */
TQL_EXPORT tql_status tql_checker_new(tql_engine *eng, tql_checker **out);
TQL_EXPORT void tql_checker_free(tql_checker *chk);
TQL_EXPORT const char *tql_checker_errmsg(const tql_checker *chk);

/* Input formats. */
typedef enum tql_format {
	TQL_FORMAT_AUTO = 0,
	TQL_FORMAT_TEXT,
	TQL_FORMAT_MARKDOWN,
	TQL_FORMAT_HTML
} tql_format;

/* Options for checking one document. */
typedef struct tql_doc_options {
	const char *lang;          /* BCP 47 tag; NULL, "" or "auto": detected (CLD2), "en" if unsure */
	tql_format format;         /* TQL_FORMAT_AUTO: guessed from path */
	const char *path;          /* for format guessing and messages; may be NULL */
	const struct tql_config *config; /* settings for this path (.tqlint.ini); may be NULL */
} tql_doc_options;

/* ---- configuration (.tqlint.ini) ---------------------------------------- */

typedef struct tql_config tql_config;

/*
 * Loads a configuration file (INI: lang, enable, disable, fail-on, prefer,
 * front-matter, ignore, names, words, rules, [severity], [GLOB] sections).
 * On an unknown key or an invalid value returns TQL_EUSAGE and
 * tql_engine_errmsg() says "FILE:LINE: what is wrong". Not thread-safe with
 * other calls on the same engine (it sets the engine message): load configs
 * before starting workers. A config is read-only afterwards and may be
 * shared by threads; free it with tql_config_free after the last check.
 */
TQL_EXPORT tql_status tql_config_load(tql_engine *eng, const char *path, tql_config **out);
TQL_EXPORT void tql_config_free(tql_config *cfg);
/* 1 if the config's `ignore` globs match path (relative to its folder). */
TQL_EXPORT int tql_config_ignores(const tql_config *cfg, const char *path);
/* The fail-on level for path: a tql_severity, 3 for "none", -1 if unset. */
TQL_EXPORT int tql_config_fail_on(const tql_config *cfg, const char *path);
/* Glob match as used by the config: `**` crosses folders, `*` and `?` do
 * not, [set], {a,b}; a pattern without '/' matches any file or folder name,
 * one with '/' the path or a leading folder of it. Returns 1 on a match. */
TQL_EXPORT int tql_glob_match(const char *pattern, const char *path);

/*
 * Checks one document. On TQL_OK stores a result in *out (free with
 * tql_result_free). Returns TQL_EBINARY (and no result) for input with
 * NUL bytes. Invalid UTF-8 is not an error: it becomes an `encoding`
 * finding and the rest is still checked.
 */
TQL_EXPORT tql_status tql_check_buffer(tql_checker *chk, const char *text, size_t len,
                                       const tql_doc_options *opts, tql_result **out);

TQL_EXPORT size_t tql_result_count(const tql_result *res);
/* Findings sorted by offset, then rule id. */
TQL_EXPORT const tql_finding *tql_result_get(const tql_result *res, size_t i);
/* The language the document was checked as (e.g. "en"). */
TQL_EXPORT const char *tql_result_lang(const tql_result *res);
/* The input format that was used ("text", "markdown", "html"). */
TQL_EXPORT const char *tql_result_format(const tql_result *res);
/* Number of words seen in the document (for rates per 1000 words). */
TQL_EXPORT size_t tql_result_words(const tql_result *res);
/* Removes the findings for which keep(f, ud) returns 0; the rest keep
 * their order. */
TQL_EXPORT void tql_result_filter(tql_result *res, int (*keep)(const tql_finding *f, void *ud),
                                  void *ud);
TQL_EXPORT void tql_result_free(tql_result *res);

/* ---- cross-document index (repository runs) ----------------------------- */

/*
 * An opt-in index of paragraph fingerprints over many documents, for the
 * duplicate.cross-file rule. Attach it with tql_engine_set_corpus() before
 * checking; every tql_check_buffer() with a path then records its paragraphs
 * (thread-safe). After all documents are checked, tql_corpus_report() adds to
 * a document's result one info finding per paragraph that other documents
 * hold too, naming them. Free the corpus after the engine stops using it.
 */
typedef struct tql_corpus tql_corpus;
TQL_EXPORT tql_status tql_corpus_new(tql_corpus **out);
TQL_EXPORT void tql_corpus_free(tql_corpus *c);
/* Attaches (or with NULL detaches) a corpus; not owned by the engine. */
TQL_EXPORT void tql_engine_set_corpus(tql_engine *eng, tql_corpus *c);
/* Appends the cross-file findings of the document checked as `path` to res
 * (src/len: the same input); keeps res sorted. */
TQL_EXPORT tql_status tql_corpus_report(tql_corpus *c, const tql_engine *eng, const char *path,
                                        const char *src, size_t len, tql_result *res);

/* ---- reporters ---------------------------------------------------------- */

typedef enum tql_report_format {
	TQL_REPORT_TEXT = 0,
	TQL_REPORT_JSON,
	TQL_REPORT_JSONL,
	TQL_REPORT_TSV,
	TQL_REPORT_SARIF,      /* SARIF 2.1.0, one run */
	TQL_REPORT_GITHUB,     /* GitHub Actions workflow commands */
	TQL_REPORT_CHECKSTYLE  /* Checkstyle XML (reviewdog and others) */
} tql_report_format;

/* Parses "text", "json", "jsonl", "tsv", "sarif", "github", "checkstyle";
 * returns -1 if unknown. */
TQL_EXPORT int tql_report_format_parse(const char *name);

typedef struct tql_reporter tql_reporter;

/* Reporter options. */
typedef struct tql_report_options {
	int color;           /* ANSI colour in the text format */
	const tql_engine *engine; /* rule metadata for SARIF; may be NULL */
} tql_report_options;

/*
 * A content fingerprint of a finding, independent of line numbers: a hash
 * of the rule, the flagged text and up to 40 code points on each side of
 * it within its line. `src`/`len` is the input as checked (NULL: the
 * flagged text only). Writes 16 lowercase hex digits and a NUL to `out`.
 * Used by SARIF partialFingerprints and by baselines.
 */
TQL_EXPORT void tql_finding_fingerprint(const tql_finding *f, const char *src, size_t len,
                                        char out[17]);

/*
 * Creates a reporter writing to `out` (not closed by the reporter).
 * Call tql_reporter_file() for each document in output order, then
 * tql_reporter_finish(). Returns NULL on out-of-memory.
 */
TQL_EXPORT tql_reporter *tql_reporter_new(tql_report_format fmt, FILE *out,
                                          const tql_report_options *opts);
/* Reports one document. `src` is the input as checked (for source lines). */
TQL_EXPORT void tql_reporter_file(tql_reporter *rep, const char *path, const char *src,
                                  size_t len, const tql_result *res);
/* Writes the trailer (JSON summary) and frees the reporter. */
TQL_EXPORT void tql_reporter_finish(tql_reporter *rep);

#ifdef __cplusplus
}
#endif
#endif /* TQLINT_H */
