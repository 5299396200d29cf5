/* markup.c - rules emitted by the Markdown and HTML readers (formats/):
 *   garbled.markup   markup that hides published text (an unclosed comment)
 * The readers report while reading; this module only registers the rule. */
#include "../internal.h"

static const tql_rule_info rules[] = {
	{"garbled.markup", "garbled", TQL_SEV_WARNING,
	 "broken markup that hides the rest of the text (an HTML comment never closed)"},
};

static tql_status run(tql_ctx *ctx, const void *shared)
{
	(void)ctx;
	(void)shared;
	return TQL_OK;
}

const tql_check_def tql_check_markup = {"markup", rules, sizeof rules / sizeof *rules, NULL, NULL, run};
