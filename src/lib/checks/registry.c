/* registry.c - the table of check modules, in the order they run. */
#include "../internal.h"

extern const tql_check_def tql_check_encoding;
extern const tql_check_def tql_check_space_in_word;
extern const tql_check_def tql_check_glued_words;
extern const tql_check_def tql_check_dup_word;
extern const tql_check_def tql_check_names;

const tql_check_def *const tql_checks[] = {
	&tql_check_encoding,
	&tql_check_space_in_word,
	&tql_check_glued_words,
	&tql_check_dup_word,
	&tql_check_names,
};

const size_t tql_ncheck = sizeof tql_checks / sizeof *tql_checks;
