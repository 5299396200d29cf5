/* cli.h - internals of the tqlint command-line tool. */
#ifndef TQL_CLI_H
#define TQL_CLI_H

#include "../tqlint.h"

#include <stdbool.h>

typedef struct cli_files {
	char **v;
	size_t n, cap;
} cli_files;

/* Expands paths (files, folders walked recursively) in order; folder
 * contents sorted by path. Returns 0, or -1 on out-of-memory. */
int cli_collect(cli_files *fl, char **paths, int npaths);
void cli_files_free(cli_files *fl);

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../lib/banned.h"

#endif
