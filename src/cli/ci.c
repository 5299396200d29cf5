/* ci.c - the order of the CI features for one document: changed lines,
 * baseline recording and filtering, then fixes (repeated until nothing
 * more is fixable, so a second run has nothing left to do). */
#include "ci.h"

/* Fix passes per document: a fix can make another finding fixable
 * ("Ki -i -Tsinping" -> "Ki-i-Tsinping" -> the name table's form). */
#define FIX_PASSES 8

void cli_ci_option(cli_ci *ci, int which, const char *arg)
{
	switch (which) {
	case CLI_CI_FIX: ci->fix = true; break;
	case CLI_CI_DIFF: ci->diff = true; break;
	case CLI_CI_BASELINE: ci->baseline = arg; break;
	case CLI_CI_WRITE_BASELINE: ci->write_baseline = arg; break;
	case CLI_CI_CHANGED_SINCE: ci->changed_since = arg; break;
	}
}

static int start(cli_ci *ci);

/* Frees the state (without writing anything). */
static void ci_free(cli_ci *ci)
{
	tql_checker_free(ci->chk);
	cli_baseline_free(ci->bl_in);
	cli_baseline_free(ci->bl_out);
	cli_changed_free(ci->chg);
	ci->chk = NULL;
	ci->bl_in = ci->bl_out = NULL;
	ci->chg = NULL;
}

int cli_ci_start(cli_ci *ci, tql_engine *eng)
{
	ci->eng = eng;
	int rc = start(ci);
	if (rc)
		ci_free(ci);
	return rc;
}

/* Option checks and loading, for cli_ci_start(). */
static int start(cli_ci *ci)
{
	char err[1024];
	if (ci->write_baseline && (ci->fix || ci->diff)) {
		fprintf(stderr, "tqlint: error: --write-baseline cannot be combined with --fix or --diff\n");
		return CLI_EXIT_USAGE;
	}
	if (ci->fix && ci->diff) {
		fprintf(stderr, "tqlint: error: use either --fix or --diff, not both\n");
		return CLI_EXIT_USAGE;
	}
	if (ci->baseline && !(ci->bl_in = cli_baseline_load(ci->baseline, err, sizeof err))) {
		fprintf(stderr, "tqlint: error: %s\n", err);
		return CLI_EXIT_USAGE;
	}
	if (ci->write_baseline && !(ci->bl_out = cli_baseline_new())) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		return CLI_EXIT_INTERNAL;
	}
	if (ci->changed_since && !(ci->chg = cli_changed_load(ci->changed_since, err, sizeof err))) {
		fprintf(stderr, "tqlint: error: %s\n", err);
		return CLI_EXIT_USAGE;
	}
	return 0;
}

bool cli_ci_reports(const cli_ci *ci)
{
	return !ci->diff && !ci->write_baseline;
}

/* State of the keep() callback while filtering one document. */
typedef struct filter_ctx {
	cli_ci *ci;
	const char *shown, *src;
	size_t len;
	const cli_changed_file *cf;
	bool oom;
} filter_ctx;

static int keep(const tql_finding *f, void *ud)
{
	filter_ctx *c = ud;
	if (c->ci->chg) {
		bool hit = false;
		for (unsigned l = f->line; l <= f->end_line && !hit; l++)
			hit = cli_changed_has(c->cf, l);
		if (!hit)
			return 0;
	}
	if (c->ci->bl_out && !cli_baseline_add(c->ci->bl_out, c->shown, f, c->src, c->len))
		c->oom = true;
	if (c->ci->bl_in && cli_baseline_take(c->ci->bl_in, c->shown, f, c->src, c->len))
		return 0;
	return 1;
}

/* Applies --changed-since and --baseline to res; records --write-baseline. */
static int filter(cli_ci *ci, const char *path, const char *shown, const char *src, size_t len,
                  tql_result *res)
{
	filter_ctx c = {ci, shown, src, len, NULL, false};
	if (!ci->chg && !ci->bl_in && !ci->bl_out)
		return 0;
	if (ci->chg && cli_changed_lookup(ci->chg, path, &c.cf) < 0) {
		fprintf(stderr, "tqlint: error: --changed-since: '%s' is not in the git repository of "
		        "the current folder\n", shown);
		return CLI_EXIT_USAGE;
	}
	tql_result_filter(res, keep, &c);
	if (c.oom) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		return CLI_EXIT_INTERNAL;
	}
	return 0;
}

int cli_ci_file(cli_ci *ci, const tql_doc_options *dopt, const char *path, const char *shown,
                char **src, size_t *len, tql_result **res)
{
	int rc = filter(ci, path, shown, *src, *len, *res);
	if (rc || !(ci->fix || ci->diff))
		return rc;
	if (strcmp(path, "-") == 0) {
		if (ci->fix)
			fprintf(stderr, "tqlint: notice: --fix does not change standard input; "
			        "use --diff\n");
		if (!ci->diff)
			return 0;
	}
	char *cur = *src;
	size_t curlen = *len;
	long total = 0;
	tql_doc_options o = *dopt;
	o.path = strcmp(path, "-") == 0 ? NULL : path;
	for (int pass = 0; pass < FIX_PASSES; pass++) {
		char *next;
		size_t nextlen;
		long k = cli_fix_apply(cur, curlen, *res, &next, &nextlen);
		if (k < 0) {
			rc = CLI_EXIT_INTERNAL;
			fprintf(stderr, "tqlint: error: out of memory\n");
			break;
		}
		if (k == 0)
			break;
		if (!ci->chk && tql_checker_new(ci->eng, &ci->chk) != TQL_OK) {
			fprintf(stderr, "tqlint: error: cannot create a checker\n");
			free(next);
			rc = CLI_EXIT_INTERNAL;
			break;
		}
		tql_result *nres = NULL;
		tql_status st = tql_check_buffer(ci->chk, next, nextlen, &o, &nres);
		if (st != TQL_OK) {
			fprintf(stderr, "tqlint: error: '%s': re-checking the fixed text: %s\n", shown,
			        tql_checker_errmsg(ci->chk));
			free(next);
			rc = CLI_EXIT_INTERNAL;
			break;
		}
		total += k;
		if (cur != *src)
			free(cur);
		cur = next;
		curlen = nextlen;
		tql_result_free(*res);
		*res = nres;
		/* a baseline was already recorded/consumed on the first pass */
		cli_baseline *keep_out = ci->bl_out;
		ci->bl_out = NULL;
		rc = filter(ci, path, shown, cur, curlen, *res);
		ci->bl_out = keep_out;
		if (rc)
			break;
	}
	if (cur == *src)
		return rc;
	if (ci->diff) {
		cli_diff_print(stdout, shown, *src, *len, cur, curlen);
	} else {
		char err[1024];
		tql_status st = cli_fix_write(path, *src, *len, cur, curlen, err, sizeof err);
		if (st != TQL_OK) {
			fprintf(stderr, "tqlint: error: %s\n", err);
			free(cur);
			/* the findings reported are those of the text on disk: recheck */
			tql_result *ores = NULL;
			if (tql_check_buffer(ci->chk, *src, *len, &o, &ores) == TQL_OK) {
				tql_result_free(*res);
				*res = ores;
			}
			return CLI_EXIT_INPUT;
		}
		fprintf(stderr, "tqlint: fixed %ld finding%s in '%s'\n", total, total == 1 ? "" : "s",
		        shown);
	}
	free(*src);
	*src = cur;
	*len = curlen;
	return rc;
}

int cli_ci_finish(cli_ci *ci)
{
	int rc = 0;
	if (ci->bl_out) {
		char err[1024];
		if (!cli_baseline_save(ci->bl_out, ci->write_baseline, err, sizeof err)) {
			fprintf(stderr, "tqlint: error: %s\n", err);
			rc = CLI_EXIT_INPUT;
		} else {
			size_t n = cli_baseline_count(ci->bl_out);
			fprintf(stderr, "tqlint: wrote %zu finding%s to baseline '%s'\n", n,
			        n == 1 ? "" : "s", ci->write_baseline);
		}
	}
	ci_free(ci);
	return rc;
}
