/* util.c - growable buffers, small string helpers, file reading. */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Ensures room for `need` elements of size `sz` in *v; doubles capacity. */
bool tql_grow(void **v, size_t *cap, size_t need, size_t sz)
{
	return tql_grow_first(v, cap, need, sz, 8);
}

bool tql_grow_first(void **v, size_t *cap, size_t need, size_t sz, size_t first)
{
	if (need <= *cap)
		return true;
	size_t nc = *cap ? *cap : first;
	while (nc < need) {
		if (nc > SIZE_MAX / 2 / sz)
			return false;
		nc *= 2;
	}
	void *p = realloc(*v, nc * sz);
	if (!p)
		return false;
	*v = p;
	*cap = nc;
	return true;
}

bool tql_buf_add(tql_buf *b, const void *data, size_t n)
{
	if (n > SIZE_MAX - b->n - 1)
		return false;
	if (!tql_grow((void **)&b->p, &b->cap, b->n + n + 1, 1))
		return false;
	if (n)
		memcpy(b->p + b->n, data, n);
	b->n += n;
	b->p[b->n] = '\0';
	return true;
}

bool tql_buf_addc(tql_buf *b, char c)
{
	return tql_buf_add(b, &c, 1);
}

bool tql_buf_adds(tql_buf *b, const char *s)
{
	return tql_buf_add(b, s, strlen(s));
}

bool tql_buf_vprintf(tql_buf *b, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	char tmp[256];
	int k = vsnprintf(tmp, sizeof tmp, fmt, aq);
	va_end(aq);
	if (k < 0)
		return false;
	if ((size_t)k < sizeof tmp)
		return tql_buf_add(b, tmp, (size_t)k);
	if (!tql_grow((void **)&b->p, &b->cap, b->n + (size_t)k + 1, 1))
		return false;
	vsnprintf(b->p + b->n, (size_t)k + 1, fmt, ap);
	b->n += (size_t)k;
	return true;
}

bool tql_buf_printf(tql_buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	bool ok = tql_buf_vprintf(b, fmt, ap);
	va_end(ap);
	return ok;
}

void tql_buf_free(tql_buf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

char *tql_buf_take(tql_buf *b)
{
	char *p = b->p;
	if (!p)
		p = calloc(1, 1);
	b->p = NULL;
	b->n = b->cap = 0;
	return p;
}

char *tql_strndup(const char *s, size_t n)
{
	char *p = malloc(n + 1);
	if (!p)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* FNV-1a, 64 bit. */
uint64_t tql_hash(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 1469598103934665603ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

tql_status tql_read_file(const char *path, char **out, size_t *len)
{
	*out = NULL;
	*len = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno == ENOMEM ? TQL_ENOMEM : TQL_EIO;
	tql_buf b = {0};
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (!tql_buf_add(&b, chunk, k)) {
			fclose(f);
			tql_buf_free(&b);
			return TQL_ENOMEM;
		}
	}
	bool err = ferror(f);
	fclose(f);
	if (err) {
		tql_buf_free(&b);
		return TQL_EIO;
	}
	*len = b.n;
	*out = tql_buf_take(&b);
	return *out ? TQL_OK : TQL_ENOMEM;
}

bool tql_lang_listed(const char *const *list, size_t len, const char *lang, const char *w,
                     size_t n)
{
	size_t ll = strlen(lang);
	for (size_t i = 0; i < len; i++) {
		const char *e = list[i];
		if (strncmp(e, lang, ll) == 0 && e[ll] == ':' && strlen(e + ll + 1) == n &&
		    memcmp(e + ll + 1, w, n) == 0)
			return true;
	}
	return false;
}

bool tql_folded_listed(const char *const *list, size_t len, const char *s, size_t n,
                       tql_buf *tmp)
{
	tmp->n = 0;
	if (!tql_fold(s, n, tmp) || !tmp->n)
		return false;
	for (size_t i = 0; i < len; i++)
		if (strcmp(tmp->p, list[i]) == 0)
			return true;
	return false;
}
