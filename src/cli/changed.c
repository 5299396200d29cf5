/* changed.c - --changed-since REF: the lines added or modified since the
 * merge base of REF and HEAD (three-dot semantics, as pull-request checks
 * use), read from `git diff -U0 BASE` of the working tree. */
#include "ci.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/wait.h>
#include <unistd.h>

/* Cap on what one git command may print. */
#define GIT_OUT_MAX ((size_t)1 << 30)

typedef struct range {
	unsigned start, count;
} range;

struct cli_changed_file {
	char *path;      /* relative to the repository top */
	range *r;
	size_t n, cap;
	bool untracked;  /* every line is new */
};

struct cli_changed {
	char top[PATH_MAX];
	cli_changed_file *f;
	size_t n, cap;
};

/* Runs git with argv (NULL-terminated, argv[0] = "git") in folder dir
 * (NULL: the current one), capturing standard output into *out (NUL
 * terminated; caller frees). Standard error is discarded. Returns git's
 * exit status, or -1 if git could not be run. */
static int run_git(const char *dir, char *const argv[], char **out, size_t *outlen)
{
	int pfd[2];
	*out = NULL;
	*outlen = 0;
	if (pipe(pfd) != 0)
		return -1;
	pid_t pid = fork();
	if (pid < 0) {
		close(pfd[0]);
		close(pfd[1]);
		return -1;
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(pfd[1], 1);
		if (devnull >= 0)
			dup2(devnull, 2);
		close(pfd[0]);
		close(pfd[1]);
		if (dir && chdir(dir) != 0)
			_exit(127);
		execvp("git", argv);
		_exit(127);
	}
	close(pfd[1]);
	size_t cap = 0, n = 0;
	char *b = NULL, buf[65536];
	ssize_t k;
	bool over = false;
	while ((k = read(pfd[0], buf, sizeof buf)) != 0) {
		if (k < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (over || n + (size_t)k + 1 > GIT_OUT_MAX) {
			over = true;
			continue;
		}
		if (n + (size_t)k + 1 > cap) {
			size_t nc = cap ? cap * 2 : 65536;
			while (nc < n + (size_t)k + 1)
				nc *= 2;
			char *p = realloc(b, nc);
			if (!p) {
				over = true;
				continue;
			}
			b = p;
			cap = nc;
		}
		memcpy(b + n, buf, (size_t)k);
		n += (size_t)k;
	}
	close(pfd[0]);
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR) {
			free(b);
			return -1;
		}
	if (over || !WIFEXITED(st)) {
		free(b);
		return -1;
	}
	if (!b)
		b = calloc(1, 1);
	else
		b[n] = '\0';
	if (!b)
		return -1;
	*out = b;
	*outlen = n;
	return WEXITSTATUS(st) == 127 ? -1 : WEXITSTATUS(st);
}

/* Removes trailing newlines. */
static void chomp(char *s)
{
	size_t n = strlen(s);
	while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		s[--n] = '\0';
}

static cli_changed_file *add_file(cli_changed *ch, const char *path, size_t n)
{
	if (ch->n == ch->cap) {
		size_t nc = ch->cap ? ch->cap * 2 : 64;
		cli_changed_file *v = realloc(ch->f, nc * sizeof *v);
		if (!v)
			return NULL;
		ch->f = v;
		ch->cap = nc;
	}
	cli_changed_file *f = &ch->f[ch->n];
	*f = (cli_changed_file){0};
	f->path = strndup(path, n);
	if (!f->path)
		return NULL;
	ch->n++;
	return f;
}

static bool add_range(cli_changed_file *f, unsigned start, unsigned count)
{
	if (f->n == f->cap) {
		size_t nc = f->cap ? f->cap * 2 : 16;
		range *v = realloc(f->r, nc * sizeof *v);
		if (!v)
			return false;
		f->r = v;
		f->cap = nc;
	}
	f->r[f->n++] = (range){start, count};
	return true;
}

/* Decodes a git C-quoted path ("b/a\tb") in place; returns its length. */
static size_t unquote(char *s)
{
	size_t w = 0, i = 1;
	while (s[i] && s[i] != '"') {
		if (s[i] != '\\' || !s[i + 1]) {
			s[w++] = s[i++];
			continue;
		}
		i++;
		char c = s[i];
		if (c >= '0' && c <= '7') {
			unsigned v = 0;
			for (int k = 0; k < 3 && s[i] >= '0' && s[i] <= '7'; k++)
				v = v * 8 + (unsigned)(s[i++] - '0');
			s[w++] = (char)v;
			continue;
		}
		s[w++] = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == 'a' ? '\a'
		         : c == 'b' ? '\b' : c == 'f' ? '\f' : c == 'v' ? '\v' : c;
		i++;
	}
	s[w] = '\0';
	return w;
}

/* Parses `git diff -U0` output: "+++ b/PATH" starts a file, each
 * "@@ -a,b +c,d @@" adds new lines c..c+d-1. */
static bool parse_diff(cli_changed *ch, char *text)
{
	cli_changed_file *cur = NULL;
	for (char *line = text; line && *line;) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = '\0';
		if (strncmp(line, "+++ ", 4) == 0) {
			char *p = line + 4;
			cur = NULL;
			if (strcmp(p, "/dev/null") != 0) {
				size_t n = *p == '"' ? unquote(p) : strlen(p);
				if (n > 2 && p[0] == 'b' && p[1] == '/' && !(cur = add_file(ch, p + 2, n - 2)))
					return false;
			}
		} else if (cur && strncmp(line, "@@ -", 4) == 0) {
			char *plus = strstr(line, " +");
			if (plus) {
				char *end;
				unsigned long start = strtoul(plus + 2, &end, 10), count = 1;
				if (*end == ',')
					count = strtoul(end + 1, &end, 10);
				if (count && start <= UINT_MAX && count <= UINT_MAX &&
				    !add_range(cur, (unsigned)start, (unsigned)count))
					return false;
			}
		}
		line = nl ? nl + 1 : NULL;
	}
	return true;
}

static int cmp_file(const void *a, const void *b)
{
	return strcmp(((const cli_changed_file *)a)->path, ((const cli_changed_file *)b)->path);
}

cli_changed *cli_changed_load(const char *ref, char *err, size_t errn)
{
	char *out = NULL, base[128];
	size_t n;
	cli_changed *ch = calloc(1, sizeof *ch);
	if (!ch) {
		snprintf(err, errn, "out of memory");
		return NULL;
	}
	if (ref[0] == '-') {
		snprintf(err, errn, "--changed-since: '%s' is not a revision", ref);
		goto fail;
	}
	char *top_argv[] = {"git", "rev-parse", "--show-toplevel", NULL};
	int rc = run_git(NULL, top_argv, &out, &n);
	if (rc < 0) {
		snprintf(err, errn, "--changed-since needs git, which could not be run "
		         "(install the Debian package git)");
		goto fail;
	}
	if (rc != 0 || !*out) {
		snprintf(err, errn, "--changed-since: the current folder is not in a git repository");
		goto fail;
	}
	chomp(out);
	if (!realpath(out, ch->top))
		snprintf(ch->top, sizeof ch->top, "%s", out);
	free(out);
	out = NULL;
	size_t rl = strlen(ref);
	char *spec = malloc(rl + 16);
	if (!spec)
		goto oom;
	snprintf(spec, rl + 16, "%s^{commit}", ref);
	char *verify_argv[] = {"git", "rev-parse", "--verify", "--quiet", spec, NULL};
	rc = run_git(ch->top, verify_argv, &out, &n);
	free(spec);
	free(out);
	out = NULL;
	if (rc != 0) {
		snprintf(err, errn, "--changed-since: unknown revision '%s'", ref);
		goto fail;
	}
	char *mb_argv[] = {"git", "merge-base", (char *)ref, "HEAD", NULL};
	rc = run_git(ch->top, mb_argv, &out, &n);
	if (rc != 0 || !*out) {
		snprintf(err, errn, "--changed-since: '%s' and HEAD have no merge base", ref);
		goto fail;
	}
	chomp(out);
	snprintf(base, sizeof base, "%s", out);
	free(out);
	out = NULL;
	char *diff_argv[] = {"git", "-c", "core.quotePath=false", "diff", "--no-color",
	                     "--no-ext-diff", "--no-textconv", "-U0", base, "--", NULL};
	rc = run_git(ch->top, diff_argv, &out, &n);
	if (rc != 0) {
		snprintf(err, errn, "--changed-since: 'git diff %s' failed", base);
		goto fail;
	}
	if (!parse_diff(ch, out))
		goto oom;
	free(out);
	out = NULL;
	/* untracked files: every line is new */
	char *ls_argv[] = {"git", "ls-files", "-z", "--others", "--exclude-standard", NULL};
	rc = run_git(ch->top, ls_argv, &out, &n);
	if (rc != 0) {
		snprintf(err, errn, "--changed-since: 'git ls-files' failed");
		goto fail;
	}
	for (size_t i = 0; i < n;) {
		size_t k = strlen(out + i);
		cli_changed_file *f = k ? add_file(ch, out + i, k) : NULL;
		if (k && !f)
			goto oom;
		if (f)
			f->untracked = true;
		i += k + 1;
	}
	free(out);
	qsort(ch->f, ch->n, sizeof *ch->f, cmp_file);
	return ch;
oom:
	snprintf(err, errn, "out of memory reading the git diff");
fail:
	free(out);
	cli_changed_free(ch);
	return NULL;
}

int cli_changed_lookup(const cli_changed *ch, const char *path, const cli_changed_file **cf)
{
	char real[PATH_MAX];
	*cf = NULL;
	if (!realpath(path, real))
		return -1;
	size_t tl = strlen(ch->top);
	if (strncmp(real, ch->top, tl) != 0 || (real[tl] != '/' && strcmp(ch->top, "/") != 0))
		return -1;
	cli_changed_file probe = {0};
	probe.path = real + tl + (real[tl] == '/');
	*cf = ch->n ? bsearch(&probe, ch->f, ch->n, sizeof *ch->f, cmp_file) : NULL;
	return 0;
}

bool cli_changed_has(const cli_changed_file *cf, unsigned line)
{
	if (!cf)
		return false;
	if (cf->untracked)
		return true;
	for (size_t i = 0; i < cf->n; i++)
		if (line >= cf->r[i].start && line - cf->r[i].start < cf->r[i].count)
			return true;
	return false;
}

void cli_changed_free(cli_changed *ch)
{
	if (!ch)
		return;
	for (size_t i = 0; i < ch->n; i++) {
		free(ch->f[i].path);
		free(ch->f[i].r);
	}
	free(ch->f);
	free(ch);
}
