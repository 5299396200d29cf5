/* cli.h - internals of the tqlint command-line tool. */
#ifndef TQL_CLI_H
#define TQL_CLI_H

#include "../tqlint.h"

#include <stdbool.h>

typedef struct cli_files {
	char **v;
	size_t n, cap;
	/* set before cli_collect: globs for files found in folders (--include,
	 * --exclude; matched on the path below the folder given) */
	const char *const *include, *const *exclude;
	size_t ninclude, nexclude;
	const tql_config **cfg;  /* per file after cli_configure (borrowed) */
} cli_files;

/* Expands paths (files, folders walked recursively) in order; folder
 * contents sorted by path. Returns 0, or -1 on out-of-memory. */
int cli_collect(cli_files *fl, char **paths, int npaths);
void cli_files_free(cli_files *fl);

/* inputs.c: finds each file's configuration (config_path for all when not
 * NULL, else the nearest .tqlint.ini upward) into fl->cfg, and drops files
 * its `ignore` globs match. Returns 0, -1 out of memory, -2 a config is
 * invalid (message printed: exit 2). */
int cli_configure(cli_files *fl, tql_engine *eng, const char *config_path, bool filter_ignored);
/* Frees every configuration cli_configure loaded (after the last check). */
void cli_configs_free(void);
/* Does the path name a JSON Lines file (.jsonl)? */
bool cli_is_jsonl(const char *path);

/* jsonl.c: streams a JSON Lines archive ("-": standard input). */
typedef struct cli_jsonl_opts {
	tql_engine *eng;
	tql_reporter *rep;
	const char *lang;          /* --lang, or NULL: each record's "lang" */
	const tql_config *config;  /* may be NULL */
	int jobs;
	int fail_on;
} cli_jsonl_opts;

typedef struct cli_jsonl_status {
	unsigned long long records, bad_records;
	bool any_fail, input_err, internal;
} cli_jsonl_status;

/* Checks every record; errors are printed and flagged in *js (a bad record
 * sets bad_records; the stream goes on). Returns 0, or -1 when the input
 * could not be opened or workers could not start. */
int cli_jsonl_run(const cli_jsonl_opts *o, const char *path, cli_jsonl_status *js);

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../lib/banned.h"

#endif
