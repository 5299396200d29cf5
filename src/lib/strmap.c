/* strmap.c - open-addressing hash map from byte strings to uintptr_t. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

struct tql_strmap_slot {
	char *key;      /* in the map's key blocks, NUL-terminated; NULL = empty */
	size_t klen;
	uint64_t hash;
	uintptr_t val;
};

/* The slot a hash starts probing at: FNV-1a's low bits, which the mask
 * keeps, cluster for keys that differ only at the end ("кличко",
 * "кличка"), so its bits are mixed first (the finaliser of MurmurHash3). */
static size_t home(uint64_t h, size_t mask)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return (size_t)h & mask;
}

static struct tql_strmap_slot *find_slot(const tql_strmap *m, const char *key, size_t klen,
                                         uint64_t h)
{
	size_t mask = m->cap - 1;
	for (size_t i = home(h, mask);; i = (i + 1) & mask) {
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

/* A block of key copies: tables of names hold half a million keys, and a
 * malloc each cost a tenth of the start-up time. */
struct tql_strmap_block {
	struct tql_strmap_block *next;
	size_t used, cap;
	char data[];
};

/* Copies key (klen bytes, then a NUL) into the map's blocks; NULL if out
 * of memory. */
static char *copy_key(tql_strmap *m, const char *key, size_t klen)
{
	struct tql_strmap_block *b = m->keys;
	if (!b || b->cap - b->used < klen + 1) {
		size_t cap = klen + 1 > 16384 ? klen + 1 : 16384;
		struct tql_strmap_block *nb = malloc(sizeof *nb + cap);
		if (!nb)
			return NULL;
		nb->used = 0;
		nb->cap = cap;
		nb->next = b;
		m->keys = b = nb;
	}
	char *k = b->data + b->used;
	memcpy(k, key, klen);
	k[klen] = '\0';
	b->used += klen + 1;
	return k;
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
	s->key = copy_key(m, key, klen);
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
	while (m->keys) {
		struct tql_strmap_block *next = m->keys->next;
		free(m->keys);
		m->keys = next;
	}
	free(m->slots);
	m->slots = NULL;
	m->cap = m->n = 0;
}
