/* jsonl.c - JSON Lines archives: one record {"id": ..., "text": ...,
 * "lang": ...} per line, streamed record by record in constant memory
 * (a batch of records at a time, each line capped), each record checked as
 * a document and reported under its id. A line that is not a valid record
 * is an error naming the line; the rest of the stream goes on.
 *
 * The JSON reader is a small hand-written one: only objects of scalar
 * fields matter here, and it decodes \u escapes (with surrogate pairs)
 * straight into the UTF-8 the checker takes, with no tree and no copy of
 * the line beyond the decoded text. */
#include "cli.h"

#include <errno.h>
#include <pthread.h>

#define LINE_CAP ((size_t)64 << 20)   /* longest record line */
#define BATCH_RECORDS 256
#define BATCH_BYTES ((size_t)8 << 20)

/* ---- a minimal JSON reader ---------------------------------------------- */

typedef struct jcur {
	const char *p, *end;
	const char *err;     /* static message; NULL while fine */
	const char *at;      /* where the error is */
} jcur;

static void ws(jcur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n'))
		c->p++;
}

static bool fail(jcur *c, const char *msg)
{
	if (!c->err) {
		c->err = msg;
		c->at = c->p;
	}
	return false;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char ch = p[i];
		int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10
		      : ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static void put_cp(char *out, size_t *n, uint32_t c)
{
	if (c == 0)
		c = 0xFFFD; /* a NUL would make the text look binary */
	if (c < 0x80) {
		out[(*n)++] = (char)c;
	} else if (c < 0x800) {
		out[(*n)++] = (char)(0xC0 | (c >> 6));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else if (c < 0x10000) {
		out[(*n)++] = (char)(0xE0 | (c >> 12));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	} else {
		out[(*n)++] = (char)(0xF0 | (c >> 18));
		out[(*n)++] = (char)(0x80 | ((c >> 12) & 0x3F));
		out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[(*n)++] = (char)(0x80 | (c & 0x3F));
	}
}

/*
 * Reads a JSON string at c->p (on the opening quote). With out != NULL,
 * decodes it into a malloc'd NUL-terminated buffer (*out, length *len);
 * the decoded text is never longer than the source. Lone surrogates become
 * U+FFFD.
 */
static bool jstring(jcur *c, char **out, size_t *len)
{
	if (c->p >= c->end || *c->p != '"')
		return fail(c, "expected a string");
	const char *s = ++c->p;
	char *buf = NULL;
	size_t n = 0;
	if (out) {
		/* the decoded string is at most as long as its source */
		const char *q = s;
		while (q < c->end && *q != '"')
			q += (*q == '\\' && q + 1 < c->end) ? 2 : 1;
		buf = malloc((size_t)(q - s) + 1);
		if (!buf)
			return fail(c, "out of memory");
	}
	while (c->p < c->end) {
		unsigned char ch = (unsigned char)*c->p;
		if (ch == '"') {
			c->p++;
			if (out) {
				buf[n] = '\0';
				*out = buf;
				*len = n;
			}
			return true;
		}
		if (ch < 0x20) {
			free(buf);
			return fail(c, "control character inside a string (escape it)");
		}
		if (ch != '\\') {
			if (buf)
				buf[n++] = (char)ch;
			c->p++;
			continue;
		}
		if (c->end - c->p < 2)
			break;
		char e = c->p[1];
		c->p += 2;
		char lit = e == '"' ? '"' : e == '\\' ? '\\' : e == '/' ? '/' : e == 'b' ? '\b'
		         : e == 'f' ? '\f' : e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : 0;
		if (lit) {
			if (buf)
				buf[n++] = lit;
			continue;
		}
		if (e != 'u' || c->end - c->p < 4 || hex4(c->p) < 0) {
			c->p -= 2;
			free(buf);
			return fail(c, "invalid escape in a string");
		}
		uint32_t cp = (uint32_t)hex4(c->p);
		c->p += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF) {
			int lo = (c->end - c->p >= 6 && c->p[0] == '\\' && c->p[1] == 'u') ? hex4(c->p + 2) : -1;
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
				c->p += 6;
			} else {
				cp = 0xFFFD;
			}
		} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
			cp = 0xFFFD;
		}
		if (buf)
			put_cp(buf, &n, cp); /* \uXXXX (6 bytes) -> at most 4 */
	}
	free(buf);
	return fail(c, "unterminated string");
}

/* Skips any JSON value (nested up to 64 levels). */
static bool jskip(jcur *c, int depth)
{
	ws(c);
	if (c->p >= c->end)
		return fail(c, "expected a value");
	if (depth > 64)
		return fail(c, "nested too deeply");
	char ch = *c->p;
	if (ch == '"')
		return jstring(c, NULL, NULL);
	if (ch == '{' || ch == '[') {
		char close = ch == '{' ? '}' : ']';
		c->p++;
		ws(c);
		if (c->p < c->end && *c->p == close) {
			c->p++;
			return true;
		}
		for (;;) {
			if (ch == '{') {
				ws(c);
				if (!jstring(c, NULL, NULL))
					return false;
				ws(c);
				if (c->p >= c->end || *c->p != ':')
					return fail(c, "expected ':'");
				c->p++;
			}
			if (!jskip(c, depth + 1))
				return false;
			ws(c);
			if (c->p < c->end && *c->p == ',') {
				c->p++;
				continue;
			}
			if (c->p < c->end && *c->p == close) {
				c->p++;
				return true;
			}
			return fail(c, ch == '{' ? "expected ',' or '}'" : "expected ',' or ']'");
		}
	}
	const char *s = c->p;
	while (c->p < c->end && (strchr("+-.eE", *c->p) || (*c->p >= '0' && *c->p <= '9') ||
	                         (*c->p >= 'a' && *c->p <= 'z')))
		c->p++;
	size_t n = (size_t)(c->p - s);
	if ((n == 4 && (memcmp(s, "true", 4) == 0 || memcmp(s, "null", 4) == 0)) ||
	    (n == 5 && memcmp(s, "false", 5) == 0))
		return true;
	if (n && (*s == '-' || (*s >= '0' && *s <= '9')))
		return true;
	c->p = s;
	return fail(c, "expected a value");
}

/* One record, decoded. */
typedef struct record {
	unsigned long long line;
	char *id, *text, *lang;
	size_t text_len;
	const char *err;     /* parse error (static) */
	size_t err_col;
	tql_result *res;
	tql_status st;
	char cerr[256];
} record;

static void record_clear(record *r)
{
	free(r->id);
	free(r->text);
	free(r->lang);
	tql_result_free(r->res);
	*r = (record){0};
}

/* Parses one line into r (id, text, lang); on error sets r->err. */
static void parse_record(record *r, const char *line, size_t n)
{
	jcur c = {line, line + n, NULL, NULL};
	ws(&c);
	if (c.p >= c.end || *c.p != '{') {
		fail(&c, "a record must be a JSON object");
		goto out;
	}
	c.p++;
	ws(&c);
	if (c.p < c.end && *c.p == '}')
		c.p++;
	else
		for (;;) {
			ws(&c);
			char *key = NULL;
			size_t klen = 0;
			if (!jstring(&c, &key, &klen))
				goto out;
			ws(&c);
			if (c.p >= c.end || *c.p != ':') {
				free(key);
				fail(&c, "expected ':' after a key");
				goto out;
			}
			c.p++;
			ws(&c);
			char **slot = strcmp(key, "id") == 0 ? &r->id : strcmp(key, "text") == 0 ? &r->text
			            : strcmp(key, "lang") == 0 ? &r->lang : NULL;
			free(key);
			if (slot && c.p < c.end && *c.p == '"') {
				size_t len = 0;
				free(*slot);
				*slot = NULL;
				if (!jstring(&c, slot, &len))
					goto out;
				if (slot == &r->text)
					r->text_len = len;
			} else {
				const char *v = c.p;
				if (!jskip(&c, 0))
					goto out;
				if (slot == &r->id) { /* a number id: keep as written */
					free(r->id);
					r->id = malloc((size_t)(c.p - v) + 1);
					if (r->id)
						snprintf(r->id, (size_t)(c.p - v) + 1, "%.*s", (int)(c.p - v), v);
				} else if (slot == &r->text) {
					fail(&c, "\"text\" must be a string");
					goto out;
				}
			}
			ws(&c);
			if (c.p < c.end && *c.p == ',') {
				c.p++;
				continue;
			}
			if (c.p < c.end && *c.p == '}') {
				c.p++;
				break;
			}
			fail(&c, "expected ',' or '}'");
			goto out;
		}
	ws(&c);
	if (c.p < c.end)
		fail(&c, "text after the record's closing '}'");
	else if (!r->text)
		fail(&c, "the record has no \"text\" string");
out:
	if (c.err) {
		r->err = c.err;
		r->err_col = (size_t)(c.at - line) + 1;
	}
}

/* ---- streaming ---------------------------------------------------------- */

typedef struct jpool {
	const cli_jsonl_opts *o;
	record *rec;
	size_t nrec, next, done;
	bool quit;
	pthread_mutex_t mu;
	pthread_cond_t work, fin;
} jpool;

static void check_record(tql_checker *chk, const cli_jsonl_opts *o, record *r)
{
	if (r->err)
		return;
	tql_doc_options d = {0};
	d.lang = o->lang ? o->lang : r->lang;
	d.format = TQL_FORMAT_TEXT;
	d.path = NULL;
	d.config = o->config;
	r->st = tql_check_buffer(chk, r->text, r->text_len, &d, &r->res);
	if (r->st != TQL_OK && r->st != TQL_EBINARY)
		snprintf(r->cerr, sizeof r->cerr, "%s", tql_checker_errmsg(chk));
}

static void *jworker(void *arg)
{
	jpool *p = arg;
	tql_checker *chk = NULL;
	if (tql_checker_new(p->o->eng, &chk) != TQL_OK) {
		tql_checker_free(chk);
		chk = NULL;
	}
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->quit && p->next >= p->nrec)
			pthread_cond_wait(&p->work, &p->mu);
		if (p->quit)
			break;
		size_t i = p->next++;
		pthread_mutex_unlock(&p->mu);
		if (chk)
			check_record(chk, p->o, &p->rec[i]);
		else
			p->rec[i].st = TQL_ENOMEM;
		pthread_mutex_lock(&p->mu);
		if (++p->done == p->nrec)
			pthread_cond_signal(&p->fin);
	}
	pthread_mutex_unlock(&p->mu);
	tql_checker_free(chk);
	return NULL;
}

/* Reports the checked batch in input order. */
static void report_batch(const cli_jsonl_opts *o, const char *name, record *rec, size_t n,
                         cli_jsonl_status *js)
{
	for (size_t i = 0; i < n; i++) {
		record *r = &rec[i];
		char idbuf[48];
		const char *id = r->id;
		if (!id) {
			snprintf(idbuf, sizeof idbuf, "%s:%llu", name, r->line);
			id = idbuf;
		}
		if (r->err) {
			fprintf(stderr, "tqlint: error: %s:%llu:%zu: invalid record: %s\n", name, r->line,
			        r->err_col, r->err);
			js->bad_records++;
		} else if (r->st == TQL_EBINARY) {
			fprintf(stderr, "tqlint: notice: %s:%llu: skipping record '%s' (binary)\n", name,
			        r->line, id);
		} else if (r->st != TQL_OK) {
			fprintf(stderr, "tqlint: error: %s:%llu: record '%s': %s\n", name, r->line, id,
			        r->cerr[0] ? r->cerr : tql_strerror(r->st));
			js->internal = true;
		} else {
			tql_reporter_file(o->rep, id, r->text, r->text_len, r->res);
			for (size_t k = 0; k < tql_result_count(r->res); k++)
				if ((int)tql_result_get(r->res, k)->severity >= o->fail_on)
					js->any_fail = true;
			js->records++;
		}
		record_clear(r);
	}
}

/*
 * Reads one line (up to LINE_CAP bytes) into *buf; returns its length, or
 * -1 at the end of the stream. Longer lines are consumed and reported with
 * *too_long set (the content is dropped).
 */
static long long read_line(FILE *f, char **buf, size_t *cap, bool *too_long)
{
	size_t n = 0;
	*too_long = false;
	int ch = 0;
	bool any = false;
	for (;;) {
		if (n + 2 > *cap && !*too_long) {
			size_t nc = *cap ? *cap * 2 : 65536;
			if (nc > LINE_CAP + 2)
				nc = LINE_CAP + 2;
			if (n + 2 > nc) {
				*too_long = true;
			} else {
				char *p = realloc(*buf, nc);
				if (!p) {
					*too_long = true;
				} else {
					*buf = p;
					*cap = nc;
				}
			}
		}
		/* fast path: fgets-like chunk */
		if (!*too_long) {
			if (!fgets(*buf + n, (int)((*cap - n) > 0x7FFFFFFF ? 0x7FFFFFFF : *cap - n), f))
				break;
			any = true;
			size_t k = strlen(*buf + n);
			n += k;
			if (n && (*buf)[n - 1] == '\n')
				return (long long)n;
			continue;
		}
		ch = getc(f);
		if (ch == EOF)
			break;
		any = true;
		if (ch == '\n')
			return (long long)n;
	}
	return any ? (long long)n : -1;
}

int cli_jsonl_run(const cli_jsonl_opts *o, const char *path, cli_jsonl_status *js)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = is_stdin ? "<stdin>" : path;
	FILE *f = is_stdin ? stdin : fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "tqlint: error: cannot open '%s': %s\n", path, strerror(errno));
		js->input_err = true;
		return -1;
	}
	jpool p = {0};
	p.o = o;
	p.rec = calloc(BATCH_RECORDS, sizeof *p.rec);
	int nth = o->jobs > 0 ? o->jobs : 1;
	pthread_t *th = calloc((size_t)nth, sizeof *th);
	char *line = NULL;
	size_t cap = 0;
	int started = 0, rc = 0;
	if (!p.rec || !th) {
		fprintf(stderr, "tqlint: error: out of memory\n");
		js->internal = true;
		rc = -1;
		goto out;
	}
	pthread_mutex_init(&p.mu, NULL);
	pthread_cond_init(&p.work, NULL);
	pthread_cond_init(&p.fin, NULL);
	for (int i = 0; i < nth; i++)
		if (pthread_create(&th[i], NULL, jworker, &p) == 0)
			started++;
	if (!started) {
		fprintf(stderr, "tqlint: error: cannot start worker threads\n");
		js->internal = true;
		rc = -1;
		goto out_sync;
	}
	unsigned long long lineno = 0;
	bool eof = false;
	while (!eof) {
		size_t n = 0, bytes = 0;
		while (n < BATCH_RECORDS && bytes < BATCH_BYTES) {
			bool too_long;
			long long k = read_line(f, &line, &cap, &too_long);
			if (k < 0) {
				eof = true;
				break;
			}
			lineno++;
			size_t len = (size_t)k;
			while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
				len--;
			size_t s = 0;
			while (s < len && (line[s] == ' ' || line[s] == '\t'))
				s++;
			if (s == len && !too_long)
				continue; /* blank line */
			record *r = &p.rec[n++];
			r->line = lineno;
			if (too_long) {
				r->err = "line longer than 64 MB";
				r->err_col = 1;
			} else {
				parse_record(r, line, len);
				bytes += len;
			}
		}
		if (!n)
			continue;
		pthread_mutex_lock(&p.mu);
		p.nrec = n;
		p.next = 0;
		p.done = 0;
		pthread_cond_broadcast(&p.work);
		while (p.done < p.nrec)
			pthread_cond_wait(&p.fin, &p.mu);
		pthread_mutex_unlock(&p.mu);
		report_batch(o, name, p.rec, n, js);
	}
	if (ferror(f)) {
		fprintf(stderr, "tqlint: error: cannot read '%s': %s\n", name, strerror(errno));
		js->input_err = true;
	}
out_sync:
	pthread_mutex_lock(&p.mu);
	p.quit = true;
	pthread_cond_broadcast(&p.work);
	pthread_mutex_unlock(&p.mu);
	for (int i = 0; i < started; i++)
		pthread_join(th[i], NULL);
	pthread_mutex_destroy(&p.mu);
	pthread_cond_destroy(&p.work);
	pthread_cond_destroy(&p.fin);
out:
	if (!is_stdin)
		fclose(f);
	free(line);
	free(th);
	free(p.rec);
	return rc;
}
