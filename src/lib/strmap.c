/* strmap.c - open-addressing hash map from byte strings to uintptr_t. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct tql_strmap_slot {
	char *key;      /* owned, NUL-terminated; NULL = empty */
	size_t klen;
	uint64_t hash;
	uintptr_t val;
};

static struct tql_strmap_slot *find_slot(const tql_strmap *m, const char *key, size_t klen,
                                         uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		struct tql_strmap_slot *s = &m->slots[i];
		if (!s->key)
			return s;
		if (s->hash == h && s->klen == klen && memcmp(s->key, key, klen) == 0)
			return s;
	}
}

bool tql_strmap_get(const tql_strmap *m, const char *key, size_t klen, uintptr_t *val)
{
	if (!m->cap)
		return false;
	struct tql_strmap_slot *s = find_slot(m, key, klen, tql_hash(key, klen));
	if (!s->key)
		return false;
	if (val)
		*val = s->val;
	return true;
}

const char *tql_strmap_key(const tql_strmap *m, const char *key, size_t klen)
{
	if (!m->cap)
		return NULL;
	struct tql_strmap_slot *s = find_slot(m, key, klen, tql_hash(key, klen));
	return s->key;
}

/* Doubles the table and re-inserts every entry. */
static bool rehash(tql_strmap *m)
{
	size_t nc = m->cap ? m->cap * 2 : 64;
	struct tql_strmap_slot *old = m->slots;
	size_t oc = m->cap;
	m->slots = calloc(nc, sizeof *m->slots);
	if (!m->slots) {
		m->slots = old;
		return false;
	}
	m->cap = nc;
	for (size_t i = 0; i < oc; i++) {
		if (old[i].key)
			*find_slot(m, old[i].key, old[i].klen, old[i].hash) = old[i];
	}
	free(old);
	return true;
}

bool tql_strmap_put(tql_strmap *m, const char *key, size_t klen, uintptr_t val)
{
	if ((m->n + 1) * 4 >= m->cap * 3 && !rehash(m))
		return false;
	uint64_t h = tql_hash(key, klen);
	struct tql_strmap_slot *s = find_slot(m, key, klen, h);
	if (s->key) {
		s->val = val;
		return true;
	}
	s->key = tql_strndup(key, klen);
	if (!s->key)
		return false;
	s->klen = klen;
	s->hash = h;
	s->val = val;
	m->n++;
	return true;
}

void tql_strmap_free(tql_strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
