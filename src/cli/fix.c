/* fix.c - safe fixes: applying fixable findings, writing the result
 * atomically, and printing the change as a unified diff. */
#include "ci.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- applying ----------------------------------------------------------- */

typedef struct edit {
	size_t off, len;
	const char *rep;
} edit;

static int cmp_edit(const void *a, const void *b)
{
	const edit *x = a, *y = b;
	return (x->off > y->off) - (x->off < y->off);
}

long cli_fix_apply(const char *src, size_t len, const tql_result *res, char **out,
                   size_t *outlen)
{
	*out = NULL;
	*outlen = 0;
	size_t n = tql_result_count(res);
	edit *e = calloc(n ? n : 1, sizeof *e);
	if (!e)
		return -1;
	size_t ne = 0;
	for (size_t i = 0; i < n; i++) {
		const tql_finding *f = tql_result_get(res, i);
		if (!f->fixable || f->n_suggestions < 1 || f->offset > len || f->length > len - f->offset)
			continue;
		const char *rep = f->suggestions[0];
		size_t rl = strlen(rep);
		if (rl == f->length && memcmp(rep, src + f->offset, rl) == 0)
			continue; /* a no-op */
		e[ne++] = (edit){f->offset, f->length, rep};
	}
	/* stable order by offset (findings come sorted; keep the first of a tie) */
	for (size_t i = 1; i < ne; i++)
		if (cmp_edit(&e[i - 1], &e[i]) > 0) {
			qsort(e, ne, sizeof *e, cmp_edit);
			break;
		}
	size_t cap = len + 1, kept = 0, prev_end = 0;
	bool any = false;
	for (size_t i = 0; i < ne; i++) {
		/* skip a fix that overlaps (or inserts at the start of) an accepted one */
		if (any && (e[i].off < prev_end || (e[i].off == e[kept - 1].off)))
			continue;
		size_t rl = strlen(e[i].rep);
		if (rl > SIZE_MAX / 2 - cap) {
			free(e);
			return -1;
		}
		cap += rl;
		e[kept++] = e[i];
		prev_end = e[i].off + e[i].len;
		any = true;
	}
	if (!kept) {
		free(e);
		return 0;
	}
	char *b = malloc(cap);
	if (!b) {
		free(e);
		return -1;
	}
	size_t w = 0, at = 0;
	for (size_t i = 0; i < kept; i++) {
		memcpy(b + w, src + at, e[i].off - at);
		w += e[i].off - at;
		size_t rl = strlen(e[i].rep);
		memcpy(b + w, e[i].rep, rl);
		w += rl;
		at = e[i].off + e[i].len;
	}
	memcpy(b + w, src + at, len - at);
	w += len - at;
	b[w] = '\0';
	free(e);
	*out = b;
	*outlen = w;
	return (long)kept;
}

/* ---- atomic write ------------------------------------------------------- */

/* 64-bit FNV-1a of a buffer. */
static uint64_t hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* Hash and size of a file's current contents; false if unreadable. */
static bool file_hash(const char *path, uint64_t *h, size_t *size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return false;
	uint64_t x = 0xcbf29ce484222325ULL;
	size_t total = 0;
	char buf[65536];
	ssize_t k;
	while ((k = read(fd, buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < k; i++) {
			x ^= (unsigned char)buf[i];
			x *= 0x100000001b3ULL;
		}
		total += (size_t)k;
	}
	close(fd);
	if (k < 0)
		return false;
	*h = x;
	*size = total;
	return true;
}

static bool same_stat(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* True when the file still holds the bytes that were checked. */
static bool unchanged(const char *path, uint64_t want, size_t wantlen)
{
	uint64_t h;
	size_t n;
	return file_hash(path, &h, &n) && n == wantlen && h == want;
}

tql_status cli_fix_write(const char *path, const char *orig, size_t origlen, const char *buf,
                         size_t n, char *err, size_t errn)
{
	char real[PATH_MAX], dir[PATH_MAX], tmp[PATH_MAX + 32];
	/* write through a symlink to its target, not over the link */
	if (!realpath(path, real)) {
		snprintf(err, errn, "cannot resolve '%s': %s", path, strerror(errno));
		return TQL_EIO;
	}
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", real);
	snprintf(dir, sizeof dir, "%s", dirname(copy));
	snprintf(tmp, sizeof tmp, "%s/.tqlint-fix-XXXXXX", dir);
	uint64_t want = hash(orig, origlen);
	struct stat st0, st1;
	if (stat(real, &st0) != 0) {
		snprintf(err, errn, "cannot stat '%s': %s", path, strerror(errno));
		return TQL_EIO;
	}
	if (!unchanged(real, want, origlen))
		goto stale;
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errn, "cannot create a temporary file beside '%s': %s", path,
		         strerror(errno));
		return TQL_EIO;
	}
	size_t w = 0;
	while (w < n) {
		ssize_t k = write(fd, buf + w, n - w);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			goto io;
		}
		w += (size_t)k;
	}
	if (fchmod(fd, st0.st_mode & 07777) != 0)
		goto io;
	if (fchown(fd, st0.st_uid, st0.st_gid) != 0) {
		/* not permitted for other owners unless root: the new file is ours */
	}
	if (fsync(fd) != 0)
		goto io;
	if (close(fd) != 0) {
		fd = -1;
		goto io;
	}
	fd = -1;
	const char *delay = getenv("TQLINT_TEST_FIX_DELAY"); /* tests: a window to edit the file */
	if (delay && *delay)
		sleep((unsigned)strtoul(delay, NULL, 10));
	/* the file must not have changed since it was read */
	if (stat(real, &st1) != 0 || !same_stat(&st0, &st1) || !unchanged(real, want, origlen)) {
		unlink(tmp);
		goto stale;
	}
	if (rename(tmp, real) != 0) {
		snprintf(err, errn, "cannot replace '%s': %s", path, strerror(errno));
		unlink(tmp);
		return TQL_EIO;
	}
	int dfd = open(dir, O_RDONLY);
	if (dfd >= 0) {
		fsync(dfd); /* make the rename durable */
		close(dfd);
	}
	return TQL_OK;
io:
	snprintf(err, errn, "cannot write '%s': %s", tmp, strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	return TQL_EIO;
stale:
	snprintf(err, errn, "'%s' changed since it was read; not fixed", path);
	return TQL_ESTALE;
}

/* ---- unified diff ------------------------------------------------------- */

typedef struct line {
	const char *s;
	size_t n; /* with its '\n', if any */
} line;

/* Splits a buffer into lines; *nl lines. NULL on out-of-memory. */
static line *split(const char *s, size_t len, size_t *nl)
{
	size_t cnt = 0;
	for (size_t i = 0; i < len; i++)
		cnt += s[i] == '\n';
	line *v = malloc((cnt + 1) * sizeof *v);
	if (!v)
		return NULL;
	size_t k = 0, start = 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n') {
			v[k++] = (line){s + start, i + 1 - start};
			start = i + 1;
		}
	if (start < len)
		v[k++] = (line){s + start, len - start};
	*nl = k;
	return v;
}

static bool line_eq(line a, line b)
{
	return a.n == b.n && memcmp(a.s, b.s, a.n) == 0;
}

enum { OP_EQ, OP_DEL, OP_ADD };
typedef struct op {
	int type;
	size_t a, b; /* line index in a and b at this op */
} op;

static void print_line(FILE *out, char mark, line l)
{
	fputc(mark, out);
	fwrite(l.s, 1, l.n, out);
	if (!l.n || l.s[l.n - 1] != '\n')
		fputs("\n\\ No newline at end of file\n", out);
}

/* Writes the ops as hunks with 3 lines of context. */
static void hunks(FILE *out, const op *ops, size_t nops, const line *la, const line *lb)
{
	size_t i = 0;
	while (i < nops) {
		size_t c = i;
		while (c < nops && ops[c].type == OP_EQ)
			c++;
		if (c == nops)
			break;
		size_t start = c >= i + 3 ? c - 3 : i;
		size_t j = c, last = c;
		for (; j < nops; j++) {
			if (ops[j].type != OP_EQ)
				last = j;
			else if (j - last > 6)
				break;
		}
		size_t end = last + 4 < nops ? last + 4 : nops;
		size_t ac = 0, bc = 0;
		for (size_t k = start; k < end; k++) {
			ac += ops[k].type != OP_ADD;
			bc += ops[k].type != OP_DEL;
		}
		fprintf(out, "@@ -%zu,%zu +%zu,%zu @@\n", ac ? ops[start].a + 1 : ops[start].a, ac,
		        bc ? ops[start].b + 1 : ops[start].b, bc);
		for (size_t k = start; k < end; k++) {
			if (ops[k].type == OP_EQ)
				print_line(out, ' ', la[ops[k].a]);
			else if (ops[k].type == OP_DEL)
				print_line(out, '-', la[ops[k].a]);
			else
				print_line(out, '+', lb[ops[k].b]);
		}
		i = end;
	}
}

/* Line alignment: common prefix and suffix; in between, when both sides
 * have as many lines (fixes rarely add or remove line breaks), line k
 * pairs with line k, else the middle is replaced as a whole. Always a
 * correct diff; minimal for the fixes tqlint makes. */
void cli_diff_print(FILE *out, const char *path, const char *a, size_t alen, const char *b,
                    size_t blen)
{
	size_t na, nb;
	line *la = split(a, alen, &na), *lb = split(b, blen, &nb);
	op *ops = malloc((na + nb + 1) * sizeof *ops);
	if (!la || !lb || !ops) {
		fprintf(stderr, "tqlint: error: out of memory printing the diff of '%s'\n", path);
		goto done;
	}
	size_t pre = 0, suf = 0;
	while (pre < na && pre < nb && line_eq(la[pre], lb[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && line_eq(la[na - 1 - suf], lb[nb - 1 - suf]))
		suf++;
	size_t n = 0, ia = 0, ib = 0;
	for (; ia < pre; ia++, ib++)
		ops[n++] = (op){OP_EQ, ia, ib};
	if (na - suf - pre == nb - suf - pre) {
		while (ia < na - suf) {
			if (line_eq(la[ia], lb[ib])) {
				ops[n++] = (op){OP_EQ, ia++, ib++};
				continue;
			}
			size_t ra = ia, rb = ib; /* a run of changed lines: deletions, then additions */
			while (ia < na - suf && !line_eq(la[ia], lb[ib]))
				ia++, ib++;
			for (size_t k = ra; k < ia; k++)
				ops[n++] = (op){OP_DEL, k, rb};
			for (size_t k = rb; k < ib; k++)
				ops[n++] = (op){OP_ADD, ia, k};
		}
	} else {
		for (; ia < na - suf; ia++)
			ops[n++] = (op){OP_DEL, ia, ib};
		for (; ib < nb - suf; ib++)
			ops[n++] = (op){OP_ADD, ia, ib};
	}
	for (; ia < na; ia++, ib++)
		ops[n++] = (op){OP_EQ, ia, ib};
	const char *p = path;
	while (p[0] == '.' && p[1] == '/')
		p += 2;
	const char *pfx = p[0] == '/' ? "" : "a/", *pfx2 = p[0] == '/' ? "" : "b/";
	fprintf(out, "--- %s%s\n+++ %s%s\n", pfx, p, pfx2, p);
	hunks(out, ops, n, la, lb);
done:
	free(la);
	free(lb);
	free(ops);
}
