/* ci.h - the tool's CI features: safe fixes (--fix, --diff), baselines
 * (--baseline, --write-baseline) and changed lines (--changed-since).
 * main.c calls cli_ci_file() for each checked document, in output order. */
#ifndef TQL_CLI_CI_H
#define TQL_CLI_CI_H

#include "cli.h"

typedef struct cli_baseline cli_baseline;
typedef struct cli_changed cli_changed;

typedef struct cli_ci {
	bool fix, diff;                 /* --fix, --diff */
	const char *baseline;           /* --baseline FILE */
	const char *write_baseline;     /* --write-baseline FILE */
	const char *changed_since;      /* --changed-since REF */
	/* state from cli_ci_start() */
	tql_engine *eng;                /* borrowed */
	tql_checker *chk;               /* re-checks fixed text; created on first use */
	cli_baseline *bl_in, *bl_out;
	cli_changed *chg;
} cli_ci;

/* Option ids for cli_ci_option(), in this order. */
enum { CLI_CI_FIX, CLI_CI_DIFF, CLI_CI_BASELINE, CLI_CI_WRITE_BASELINE, CLI_CI_CHANGED_SINCE };
/* Exit statuses shared with main.c. */
enum { CLI_EXIT_USAGE = 2, CLI_EXIT_INPUT = 3, CLI_EXIT_INTERNAL = 4 };

/* Records one option (arg NULL for --fix/--diff). */
void cli_ci_option(cli_ci *ci, int which, const char *arg);
/* Checks option combinations, loads the baseline, reads the git diff.
 * Returns 0, or an exit status after printing the error. */
int cli_ci_start(cli_ci *ci, tql_engine *eng);
/*
 * Post-processes one checked document: keeps only findings on changed
 * lines and not in the baseline, records them for --write-baseline, and
 * applies (--fix) or prints (--diff) the fixes. *src, *len and *res may be
 * replaced (the fixed text and its findings). `path` is the file, `shown`
 * its name in reports. Returns 0, or an exit status after printing the
 * error (the document is then still reported).
 */
int cli_ci_file(cli_ci *ci, const tql_doc_options *dopt, const char *path, const char *shown,
                char **src, size_t *len, tql_result **res);
/* True when findings are reported (not with --diff or --write-baseline). */
bool cli_ci_reports(const cli_ci *ci);
/* Writes the baseline and frees the state. Returns 0 or an exit status. */
int cli_ci_finish(cli_ci *ci);

/* ---- parts (fix.c, baseline.c, changed.c) ------------------------------- */

/* Applies the fixable findings of res to src (first suggestion, by source
 * offset; overlapping fixes after the first are skipped). Returns a new
 * malloc'ed buffer in *out (length *outlen) and the number of fixes applied, 0 when
 * none (then *out is NULL), or -1 on out-of-memory. */
long cli_fix_apply(const char *src, size_t len, const tql_result *res, char **out,
                   size_t *outlen);
/* Replaces the file at path with buf atomically (temporary file in the same
 * folder, fsync, rename, file mode kept) if it still holds exactly `orig`.
 * Returns TQL_OK, TQL_ESTALE (the file changed; left untouched) or TQL_EIO
 * with a message in err. */
tql_status cli_fix_write(const char *path, const char *orig, size_t origlen, const char *buf,
                         size_t n, char *err, size_t errn);
/* Prints a unified diff (3 lines of context) from a to b for path. */
void cli_diff_print(FILE *out, const char *path, const char *a, size_t alen, const char *b,
                    size_t blen);

/* Loads a baseline file; NULL with a message in err on failure. */
cli_baseline *cli_baseline_load(const char *file, char *err, size_t errn);
cli_baseline *cli_baseline_new(void);
/* True when the finding is in the baseline; consumes one count of its key. */
bool cli_baseline_take(cli_baseline *bl, const char *shown, const tql_finding *f,
                       const char *src, size_t len);
/* Appends a finding; false on out-of-memory. */
bool cli_baseline_add(cli_baseline *bl, const char *shown, const tql_finding *f,
                      const char *src, size_t len);
/* Writes the baseline atomically; false with a message in err. */
bool cli_baseline_save(const cli_baseline *bl, const char *file, char *err, size_t errn);
size_t cli_baseline_count(const cli_baseline *bl);
void cli_baseline_free(cli_baseline *bl);

/* Reads the lines changed since the merge base of ref and HEAD in the
 * current folder's git repository; NULL with a message in err. */
cli_changed *cli_changed_load(const char *ref, char *err, size_t errn);
typedef struct cli_changed_file cli_changed_file;
/* Finds the changes of one file: returns -1 when the file is outside the
 * repository (or cannot be resolved), else 0 with *cf set (NULL: no line
 * of it changed). */
int cli_changed_lookup(const cli_changed *ch, const char *path, const cli_changed_file **cf);
/* True when line (1-based) was added or modified; untracked files are all
 * new. */
bool cli_changed_has(const cli_changed_file *cf, unsigned line);
void cli_changed_free(cli_changed *ch);

#endif
