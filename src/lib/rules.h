/*
 * rules.h - calque and pattern rules: the loader and compiler of
 * dictionaries/patterns/<lang>.rules (format: dictionaries/README.md) and of
 * rule files the user names. The check that runs them is checks/patterns.c.
 *
 * A rule set is built once per engine and then shared read-only by every
 * checker thread: compiled (JIT) patterns, the match context with the match
 * and depth limits, and each rule's examples (the unit test runs them).
 */
#ifndef TQL_RULES_H
#define TQL_RULES_H

#include "internal.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Limits applied to every match (per pcre2_match call). */
#define TQL_RULES_MATCH_LIMIT 10000000u
#define TQL_RULES_DEPTH_LIMIT 10000u
/* Caps on data that comes from rule files. */
#define TQL_RULES_MAX_LINE 8192     /* bytes per line of a rule file */
#define TQL_RULES_MAX_FILE (16u << 20)
#define TQL_RULES_MAX_SUGG 1024     /* bytes of an expanded suggestion */

/* One `bad` or `good` example of a rule. */
typedef struct tql_rule_example {
	char *text;
	unsigned line;             /* line in the rule file */
	bool bad;                  /* must be flagged (else must stay silent) */
} tql_rule_example;

/* One compiled rule of one language. Several languages may share an id
 * (one registry entry, one --disable switch); each keeps its own pattern. */
typedef struct tql_prule {
	char *id;                  /* registered rule id */
	int reg;                   /* index in the engine's registry */
	char lang[16];             /* primary language subtag; "" = every language */
	tql_severity sev;
	bool fix_safe;             /* `fix = safe`: the suggestion is fixable */
	char *message;
	char *replace;             /* NULL: no suggestion */
	char *file;                /* where the rule is defined */
	unsigned line;
	pcre2_code *code;
	tql_rule_example *ex;
	size_t nex, excap;
	char **words;              /* prefilter: the rule can match only if one
	                              of these folded words is in the text;
	                              NULL (nwords 0): always run */
	size_t nwords;
} tql_prule;

/* The rules (indices into tql_rules.v) that a prefilter word triggers. */
typedef struct tql_rule_list {
	size_t *v;
	size_t n, cap;
} tql_rule_list;

/* A rule set: every rule of every language. */
typedef struct tql_rules {
	tql_prule *v;
	size_t n, cap;
	tql_strmap trig;           /* folded word -> index in lists */
	tql_rule_list *lists;
	size_t nlists, listcap;
	size_t maxkey;             /* longest prefilter word (bytes) */
	uint64_t bloom[1024];      /* bit tql_hash(word) % 65536 set for each word */
	pcre2_match_context *mctx;
	uint32_t ovec;             /* ovector pairs enough for every pattern */
	bool jit;                  /* JIT available (else the interpreter) */
} tql_rules;

/* Creates an empty rule set with its match context; NULL on out-of-memory. */
tql_rules *tql_rules_new(void);
/* Frees a rule set (compiled code, examples); NULL is a no-op. */
void tql_rules_free(tql_rules *rs);

/*
 * Parses and compiles one rule file and registers its rules with the
 * engine. `lang` is the language the rules apply to ("en"); NULL, "" or "*"
 * mean every language. Errors: TQL_EIO (cannot read), TQL_EDATA (syntax,
 * unknown key, bad pattern, duplicate id; tql_engine_errmsg() says
 * "file:line: message"), TQL_ENOMEM.
 */
tql_status tql_rules_parse_file(tql_engine *eng, tql_rules *rs, const char *path, const char *lang);

/* Loads every <lang>.rules file of `dir` (English first, then by name).
 * A missing folder is not an error. */
tql_status tql_rules_load_dir(tql_engine *eng, tql_rules *rs, const char *dir);

/* Rebuilds the prefilter index (trig, lists) after rules were added. */
tql_status tql_rules_index(tql_rules *rs);

/* The rule set loaded by the patterns check of eng (NULL before loading). */
tql_rules *tql_rules_of(const tql_engine *eng);

/*
 * Loads an extra rule file the user names (config) into the engine's rule
 * set, for language `lang` (NULL, "" or "*": every language). Call it after
 * tql_engine_new and before creating checkers: it grows the rule registry.
 */
tql_status tql_rules_load_file(tql_engine *eng, const char *path, const char *lang);

/* Finds the prefilter words of a pattern (rules_words.c): a set of folded
 * words one of which every match contains as a whole word; leaves r->words
 * NULL when the pattern has no such set. Returns TQL_ENOMEM only. */
tql_status tql_rules_extract_words(tql_prule *r, const char *pattern);

/* Is c a word character as PCRE2's \w sees it in UCP mode (letters,
 * numbers, '_')? Used for the prefilter on both sides. */
bool tql_rules_word_cp(int32_t c);

/* Folded prefilter key of a word (ASCII lower-casing for ASCII words,
 * tql_fold otherwise); appended to out. Shared by loader and check. */
bool tql_rules_word_key(const char *w, size_t n, tql_buf *out);

extern const tql_check_def tql_check_patterns;

#endif /* TQL_RULES_H */
