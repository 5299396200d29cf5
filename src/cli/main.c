/* main.c - the tqlint command: options, workers, output order, exit codes.
 * Uses only the public header. */
#include "cli.h"
#include "ci.h"

#include <errno.h>
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_USAGE = 2, EXIT_INPUT = 3, EXIT_INTERNAL = 4 };

static const char usage_text[] =
	"usage: tqlint [OPTIONS] [PATH...]\n"
	"Checks machine-translated text for garbled names, calques, duplicated and\n"
	"garbled passages. With no PATH, or PATH '-', reads standard input.\n"
	"\n"
	"  -f, --format FMT        text (default), json, jsonl, tsv, sarif, github,\n"
	"                          checkstyle\n"
	"  -l, --lang LANG         document language (BCP 47: en, en-GB, de, ru...)\n"
	"      --input-format F    auto (default: by extension), text, markdown, html,\n"
	"                          jsonl (records {\"id\", \"text\", \"lang\"}, streamed)\n"
	"      --config FILE       configuration for every file (default: the nearest\n"
	"                          .tqlint.ini from each file's folder upward)\n"
	"      --include GLOB      in folders, check only files matching GLOB (repeatable)\n"
	"      --exclude GLOB      in folders, skip files and folders matching GLOB\n"
	"      --enable LIST       enable rules or categories (comma separated)\n"
	"      --disable LIST      disable rules or categories (comma separated)\n"
	"      --fail-on LEVEL     error, warning (default), info, none\n"
	"      --fix               apply safe fixes in place (atomically), report the rest\n"
	"      --diff              print the safe fixes as a unified diff; change nothing\n"
	"      --baseline FILE     report only findings not recorded in FILE\n"
	"      --write-baseline FILE  record the current findings in FILE\n"
	"      --changed-since REF only findings on lines changed since the merge base\n"
	"                          of REF and HEAD (git)\n"
	"  -j, --jobs N            worker threads (default: number of cores)\n"
	"      --cross-file        also report paragraphs shared by several files\n"
	"                          (duplicate.cross-file); output waits for every file\n"
	"      --data-dir DIR      dictionaries folder (default: TQLINT_DATADIR or built in)\n"
	"      --hunspell-dir DIR  Hunspell dictionaries (default: /usr/share/hunspell)\n"
	"      --spell-suggest     spelling suggestions from Hunspell (slow: 30-70 ms a word)\n"
	"      --color WHEN        auto (default), always, never; NO_COLOR is honoured\n"
	"      --list-rules        list every rule and exit\n"
	"      --version           print the version and exit\n"
	"  -h, --help              print this help and exit\n"
	"\n"
	"Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage error,\n"
	"3 an input could not be read, 4 internal or dependency error.\n";

typedef struct job {
	const char *path;       /* borrowed from the file list */
	const tql_config *config; /* borrowed, may be NULL */
	bool jsonl;             /* a JSON Lines archive: streamed by the main thread */
	char *src;              /* file contents (owned) */
	size_t len;
	tql_result *res;
	tql_status st;
	char err[512];
	bool done;
} job;

typedef struct pool {
	tql_engine *eng;
	job *jobs;
	size_t njobs, next;
	tql_doc_options dopt;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int failed_init;
} pool;

/* Reads all of f into j->src (NUL-terminated) and j->len. */
static tql_status read_stream(FILE *f, job *j)
{
	size_t cap = 0;
	j->len = 0;
	char buf[65536];
	size_t k;
	while ((k = fread(buf, 1, sizeof buf, f)) > 0) {
		if (j->len + k + 1 > cap) {
			size_t nc = cap ? cap * 2 : 131072;
			while (nc < j->len + k + 1)
				nc *= 2;
			char *p = realloc(j->src, nc);
			if (!p)
				return TQL_ENOMEM;
			j->src = p;
			cap = nc;
		}
		memcpy(j->src + j->len, buf, k);
		j->len += k;
	}
	if (ferror(f))
		return TQL_EIO;
	if (!j->src)
		j->src = calloc(1, 1);
	else
		j->src[j->len] = '\0';
	return j->src ? TQL_OK : TQL_ENOMEM;
}

/* Reads a path ("-" = standard input) into j->src. */
static tql_status read_input(job *j)
{
	bool is_stdin = strcmp(j->path, "-") == 0;
	FILE *f = is_stdin ? stdin : fopen(j->path, "rb");
	if (!f) {
		snprintf(j->err, sizeof j->err, "cannot open '%s': %s", j->path, strerror(errno));
		return TQL_EIO;
	}
	tql_status st = read_stream(f, j);
	if (st == TQL_EIO)
		snprintf(j->err, sizeof j->err, "cannot read '%s': %s", is_stdin ? "<stdin>" : j->path,
		         strerror(errno));
	if (!is_stdin)
		fclose(f);
	return st;
}

static void run_job(tql_checker *chk, const tql_doc_options *base, job *j)
{
	if (j->jsonl) {
		j->st = TQL_OK;
		return;
	}
	j->st = read_input(j);
	if (j->st != TQL_OK)
		return;
	/* the read buffer starts at 128 KB: give back the slack, since with
	 * --cross-file every file stays in memory until the end */
	char *fit = realloc(j->src, j->len + 1);
	if (fit)
		j->src = fit;
	tql_doc_options o = *base;
	o.path = strcmp(j->path, "-") == 0 ? NULL : j->path;
	o.config = j->config;
	j->st = tql_check_buffer(chk, j->src, j->len, &o, &j->res);
	if (j->st != TQL_OK && j->st != TQL_EBINARY)
		snprintf(j->err, sizeof j->err, "%s", tql_checker_errmsg(chk));
}

static void *worker(void *arg)
{
	pool *p = arg;
	tql_checker *chk = NULL;
	if (tql_checker_new(p->eng, &chk) != TQL_OK) {
		pthread_mutex_lock(&p->mu);
		p->failed_init = 1;
		pthread_mutex_unlock(&p->mu);
	}
	for (;;) {
		pthread_mutex_lock(&p->mu);
		size_t i = p->next < p->njobs && chk ? p->next++ : p->njobs;
		pthread_mutex_unlock(&p->mu);
		if (i >= p->njobs)
			break;
		run_job(chk, &p->dopt, &p->jobs[i]);
		pthread_mutex_lock(&p->mu);
		p->jobs[i].done = true;
		pthread_cond_broadcast(&p->cv);
		pthread_mutex_unlock(&p->mu);
	}
	tql_checker_free(chk);
	pthread_mutex_lock(&p->mu);
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void list_rules(const tql_engine *eng)
{
	for (size_t i = 0; i < tql_engine_rule_count(eng); i++) {
		const tql_rule_info *r = tql_engine_rule(eng, i);
		printf("%-32s %-8s %s\n", r->id, tql_severity_name(r->severity), r->summary);
	}
}

/* Default data folder of a source-tree build: the nearest dictionaries/
 * (with its README.md) in the binary's folder or up to three folders above
 * (build/tqlint, build/san/tqlint) beside src/tqlint.h. NULL for an
 * installed binary, which uses the compiled-in DATADIR. */
static char *source_tree_data(const char *argv0)
{
	char exe[4096];
	ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 64);
	if (k <= 0) {
		if (!argv0)
			return NULL;
		snprintf(exe, sizeof exe - 64, "%s", argv0);
		k = (ssize_t)strlen(exe);
	}
	exe[k] = '\0';
	for (int up = 0; up < 4; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
		char probe[4200];
		snprintf(probe, sizeof probe, "%s/dictionaries/README.md", exe);
		char tree[4200]; /* a source tree, not e.g. /usr/local/dictionaries */
		snprintf(tree, sizeof tree, "%s/src/tqlint.h", exe);
		if (access(probe, R_OK) == 0 && access(tree, R_OK) == 0) {
			size_t n = strlen(exe) + 16;
			char *p = malloc(n);
			if (p)
				snprintf(p, n, "%s/dictionaries", exe);
			return p;
		}
	}
	return NULL;
}

int main(int argc, char **argv)
{
	enum { O_INPUT = 256, O_ENABLE, O_DISABLE, O_FAILON, O_LIST, O_VERSION, O_DATA, O_HUN, O_SUGGEST, O_COLOR,
	       O_CONFIG, O_INCLUDE, O_EXCLUDE, O_CROSS,
	       O_CI /* + CLI_CI_*: --fix, --diff, --baseline, ... (ci.c) */ };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"input-format", required_argument, NULL, O_INPUT},
		{"enable", required_argument, NULL, O_ENABLE},
		{"disable", required_argument, NULL, O_DISABLE},
		{"fail-on", required_argument, NULL, O_FAILON},
		{"jobs", required_argument, NULL, 'j'},
		{"data-dir", required_argument, NULL, O_DATA},
		{"hunspell-dir", required_argument, NULL, O_HUN},
		{"spell-suggest", no_argument, NULL, O_SUGGEST},
		{"color", required_argument, NULL, O_COLOR},
		{"config", required_argument, NULL, O_CONFIG},
		{"include", required_argument, NULL, O_INCLUDE},
		{"exclude", required_argument, NULL, O_EXCLUDE},
		{"cross-file", no_argument, NULL, O_CROSS},
		{"list-rules", no_argument, NULL, O_LIST},
		{"version", no_argument, NULL, O_VERSION},
		{"help", no_argument, NULL, 'h'},
		{"fix", no_argument, NULL, O_CI + CLI_CI_FIX},
		{"diff", no_argument, NULL, O_CI + CLI_CI_DIFF},
		{"baseline", required_argument, NULL, O_CI + CLI_CI_BASELINE},
		{"write-baseline", required_argument, NULL, O_CI + CLI_CI_WRITE_BASELINE},
		{"changed-since", required_argument, NULL, O_CI + CLI_CI_CHANGED_SINCE},
		{NULL, 0, NULL, 0},
	};
	int fmt = TQL_REPORT_TEXT, fail_on = TQL_SEV_WARNING, jobs = 0, color = -1;
	bool do_list = false, cross = false;
	int spell_suggest = 0;
	cli_ci ci = {0};
	const char *lang = NULL, *data_dir = NULL, *hun_dir = NULL;
	tql_format infmt = TQL_FORMAT_AUTO;
	/* static: still reachable on the early usage-error returns */
	static char **enable, **disable;
	enable = calloc((size_t)argc + 1, sizeof *enable);
	disable = calloc((size_t)argc + 1, sizeof *disable);
	int nen = 0, ndis = 0, c;
	static const char **incl, **excl; /* --include / --exclude globs */
	incl = calloc((size_t)argc + 1, sizeof *incl);
	excl = calloc((size_t)argc + 1, sizeof *excl);
	int nincl = 0, nexcl = 0;
	const char *config_path = NULL;
	bool jsonl_in = false, fail_on_set = false;
	if (!enable || !disable) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		return EXIT_INTERNAL;
	}
	while ((c = getopt_long(argc, argv, "f:l:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			fmt = tql_report_format_parse(optarg);
			if (fmt < 0) {
				fprintf(stderr, "tqlint: error: unknown format '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case 'l': lang = optarg; break;
		case 'j': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 256) {
				fprintf(stderr, "tqlint: error: --jobs takes a number from 1 to 256, not '%s'\n",
				        optarg);
				return EXIT_USAGE;
			}
			jobs = (int)v;
			break;
		}
		case O_INPUT:
			if (strcmp(optarg, "auto") == 0)
				infmt = TQL_FORMAT_AUTO;
			else if (strcmp(optarg, "text") == 0)
				infmt = TQL_FORMAT_TEXT;
			else if (strcmp(optarg, "markdown") == 0)
				infmt = TQL_FORMAT_MARKDOWN;
			else if (strcmp(optarg, "html") == 0)
				infmt = TQL_FORMAT_HTML;
			else if (strcmp(optarg, "jsonl") == 0)
				jsonl_in = true;
			else {
				fprintf(stderr, "tqlint: error: unknown input format '%s'\n", optarg);
				return EXIT_USAGE;
			}
			break;
		case O_ENABLE: enable[nen++] = optarg; break;
		case O_DISABLE: disable[ndis++] = optarg; break;
		case O_FAILON:
			fail_on_set = true;
			if (strcmp(optarg, "none") == 0)
				fail_on = 3;
			else if ((fail_on = tql_severity_parse(optarg)) < 0) {
				fprintf(stderr, "tqlint: error: --fail-on takes error, warning, info or none\n");
				return EXIT_USAGE;
			}
			break;
		case O_DATA: data_dir = optarg; break;
		case O_HUN: hun_dir = optarg; break;
		case O_SUGGEST: spell_suggest = 1; break;
		case O_COLOR:
			if (strcmp(optarg, "always") == 0)
				color = 1;
			else if (strcmp(optarg, "never") == 0)
				color = 0;
			else if (strcmp(optarg, "auto") == 0)
				color = -1;
			else {
				fprintf(stderr, "tqlint: error: --color takes auto, always or never\n");
				return EXIT_USAGE;
			}
			break;
		case O_LIST: do_list = true; break;
		case O_CONFIG: config_path = optarg; break;
		case O_INCLUDE: incl[nincl++] = optarg; break;
		case O_EXCLUDE: excl[nexcl++] = optarg; break;
		case O_CROSS: cross = true; break;
		case O_CI + CLI_CI_FIX:
		case O_CI + CLI_CI_DIFF:
		case O_CI + CLI_CI_BASELINE:
		case O_CI + CLI_CI_WRITE_BASELINE:
		case O_CI + CLI_CI_CHANGED_SINCE: cli_ci_option(&ci, c - O_CI, optarg); break;
		case O_VERSION: printf("tqlint %s\n", TQL_VERSION); return EXIT_CLEAN;
		case 'h': fputs(usage_text, stdout); return EXIT_CLEAN;
		default: fputs(usage_text, stderr); return EXIT_USAGE;
		}
	}
	if (color < 0) {
		const char *nc = getenv("NO_COLOR");
		color = isatty(STDOUT_FILENO) && !(nc && *nc) && fmt == TQL_REPORT_TEXT;
	}

	char *tree_data = NULL;
	if (!data_dir && !getenv("TQLINT_DATADIR"))
		data_dir = tree_data = source_tree_data(argv[0]);
	tql_engine_options eo = {data_dir, hun_dir, spell_suggest};
	tql_engine *eng = NULL;
	tql_status st = tql_engine_new(&eo, &eng);
	if (st != TQL_OK) {
		fprintf(stderr, "tqlint: error: %s\n", tql_engine_errmsg(eng));
		tql_engine_free(eng);
		free(tree_data);
		free(enable);
		free(disable);
		return st == TQL_EUSAGE ? EXIT_USAGE : EXIT_INTERNAL;
	}
	for (int i = 0; i < nen; i++)
		if (tql_engine_set_enabled(eng, enable[i], 1) != TQL_OK) {
			fprintf(stderr, "tqlint: error: --enable: %s\n", tql_engine_errmsg(eng));
			tql_engine_free(eng);
			free(tree_data);
			return EXIT_USAGE;
		}
	for (int i = 0; i < ndis; i++)
		if (tql_engine_set_enabled(eng, disable[i], 0) != TQL_OK) {
			fprintf(stderr, "tqlint: error: --disable: %s\n", tql_engine_errmsg(eng));
			tql_engine_free(eng);
			free(tree_data);
			return EXIT_USAGE;
		}
	free(enable);
	free(disable);
	if (do_list) {
		list_rules(eng);
		tql_engine_free(eng);
		free(tree_data);
		return EXIT_CLEAN;
	}
	int ci_rc = cli_ci_start(&ci, eng);
	if (ci_rc) {
		tql_engine_free(eng);
		free(tree_data);
		return ci_rc;
	}

	cli_files fl = {0};
	fl.include = incl;
	fl.ninclude = (size_t)nincl;
	fl.exclude = excl;
	fl.nexclude = (size_t)nexcl;
	char *dash[] = {"-"};
	if (cli_collect(&fl, optind < argc ? argv + optind : dash, optind < argc ? argc - optind : 1) <
	    0) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		return EXIT_INTERNAL;
	}
	int crc = cli_configure(&fl, eng, config_path, true);
	if (crc < 0) {
		if (crc == -1)
			fprintf(stderr, "tqlint: error: out of memory\n");
		cli_configs_free();
		cli_files_free(&fl);
		tql_engine_free(eng);
		free(tree_data);
		return crc == -2 ? EXIT_USAGE : EXIT_INTERNAL;
	}
	if (jobs <= 0) {
		long nc = sysconf(_SC_NPROCESSORS_ONLN);
		jobs = nc > 0 ? (int)nc : 1;
	}
	int stream_jobs = jobs; /* JSON Lines records are checked in parallel */
	if ((size_t)jobs > fl.n)
		jobs = fl.n ? (int)fl.n : 1;

	/* --cross-file: paragraph fingerprints of every file, reported once all
	 * files are read (the output then waits for the last file) */
	tql_corpus *corpus = NULL;
	if (cross && tql_corpus_new(&corpus) != TQL_OK) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		return EXIT_INTERNAL;
	}
	tql_engine_set_corpus(eng, corpus);
	pool p = {0};
	p.eng = eng;
	p.njobs = fl.n;
	p.jobs = calloc(fl.n ? fl.n : 1, sizeof *p.jobs);
	p.dopt = (tql_doc_options){lang, infmt, NULL, NULL};
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.cv, NULL);
	for (size_t i = 0; i < fl.n; i++) {
		p.jobs[i].path = fl.v[i];
		p.jobs[i].config = fl.cfg ? fl.cfg[i] : NULL;
		p.jobs[i].jsonl = jsonl_in || (infmt == TQL_FORMAT_AUTO && cli_is_jsonl(fl.v[i]));
	}
	pthread_t *th = calloc((size_t)jobs, sizeof *th);
	int started = 0;
	for (int i = 0; i < jobs; i++)
		if (pthread_create(&th[i], NULL, worker, &p) == 0)
			started++;
	int rc = EXIT_CLEAN;
	if (!started) {
		fprintf(stderr, "tqlint: error: cannot start worker threads\n");
		rc = EXIT_INTERNAL;
	}
	tql_report_options ro = {color, eng};
	tql_reporter *rep = tql_reporter_new((tql_report_format)fmt, stdout, &ro);
	bool any_fail = false, input_err = false, internal = false;
	for (size_t i = 0; corpus && i < fl.n && started; i++) {
		job *j = &p.jobs[i];
		pthread_mutex_lock(&p.mu);
		while (!j->done)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
	}
	for (size_t i = 0; corpus && i < fl.n && started; i++) {
		job *j = &p.jobs[i];
		if (j->st == TQL_OK && j->res && !j->jsonl &&
		    tql_corpus_report(corpus, eng, j->path, j->src, j->len, j->res) != TQL_OK)
			internal = true;
	}
	for (size_t i = 0; i < fl.n && started; i++) {
		job *j = &p.jobs[i];
		pthread_mutex_lock(&p.mu);
		while (!j->done)
			pthread_cond_wait(&p.cv, &p.mu);
		pthread_mutex_unlock(&p.mu);
		/* fail-on: the command line, else the file's config, else warning */
		int cfo = tql_config_fail_on(j->config, j->path);
		int file_fail_on = fail_on_set || cfo < 0 ? fail_on : cfo;
		tql_doc_options fo = p.dopt;
		fo.config = j->config;
		if (j->jsonl) {
			cli_jsonl_opts jo = {eng, rep, lang, j->config, stream_jobs, file_fail_on};
			cli_jsonl_status js = {0};
			cli_jsonl_run(&jo, j->path, &js);
			any_fail |= js.any_fail;
			input_err |= js.input_err || js.bad_records;
			internal |= js.internal;
			continue;
		}
		const char *shown = strcmp(j->path, "-") == 0 ? "<stdin>" : j->path;
		if (j->st == TQL_EBINARY) {
			fprintf(stderr, "tqlint: notice: skipping binary file '%s'\n", shown);
		} else if (j->st == TQL_EIO) {
			fprintf(stderr, "tqlint: error: %s\n", j->err[0] ? j->err : "cannot read input");
			input_err = true;
		} else if (j->st != TQL_OK) {
			fprintf(stderr, "tqlint: error: '%s': %s\n", shown,
			        j->err[0] ? j->err : tql_strerror(j->st));
			internal = true;
		} else {
			ci_rc = cli_ci_file(&ci, &fo, j->path, shown, &j->src, &j->len, &j->res);
			if (ci_rc == CLI_EXIT_USAGE && rc == EXIT_CLEAN)
				rc = EXIT_USAGE;
			input_err |= ci_rc == CLI_EXIT_INPUT;
			internal |= ci_rc == CLI_EXIT_INTERNAL;
			if (cli_ci_reports(&ci))
				tql_reporter_file(rep, shown, j->src, j->len, j->res);
			for (size_t k = 0; k < tql_result_count(j->res) && cli_ci_reports(&ci); k++)
				if ((int)tql_result_get(j->res, k)->severity >= file_fail_on)
					any_fail = true;
		}
		tql_result_free(j->res);
		free(j->src);
		j->res = NULL;
		j->src = NULL;
	}
	tql_reporter_finish(rep);
	input_err |= cli_ci_finish(&ci) != 0;
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	if (p.failed_init)
		internal = true;
	free(th);
	free(p.jobs);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.cv);
	cli_files_free(&fl);
	cli_configs_free();
	free(incl);
	free(excl);
	tql_engine_free(eng);
	tql_corpus_free(corpus);
	free(tree_data);
	if (rc == EXIT_CLEAN)
		rc = internal ? EXIT_INTERNAL : input_err ? EXIT_INPUT : any_fail ? EXIT_FINDINGS : EXIT_CLEAN;
	return rc;
}
