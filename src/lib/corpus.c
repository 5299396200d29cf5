/* corpus.c - the cross-document index of a repository run: 64-bit
 * fingerprints of folded paragraphs -> the documents holding them. Filled by
 * the dup-cross check from worker threads (under a mutex), read after every
 * document is checked to add duplicate.cross-file findings. Hash lookups
 * only: no document is compared with another. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_LISTED = 3 };   /* other paths named in a message */

typedef struct cp_entry {   /* one paragraph of one document */
	uint64_t hash;
	size_t off, len;        /* source bytes */
} cp_entry;

typedef struct cp_doc {
	char *path;
	cp_entry *e;
	size_t n, cap;
} cp_doc;

typedef struct cp_slot {    /* fingerprint -> documents (distinct, in order) */
	uint64_t hash;
	uint32_t *doc;
	uint32_t n, cap;
} cp_slot;

struct tql_corpus {
	pthread_mutex_t mu;
	cp_doc *docs;
	size_t ndocs, doccap;
	tql_strmap bypath;      /* path -> doc index + 1 */
	cp_slot *slot;
	size_t nslot, slotcap;  /* open addressing, power of two */
};

tql_status tql_corpus_new(tql_corpus **out)
{
	tql_corpus *c = calloc(1, sizeof *c);
	*out = c;
	if (!c)
		return TQL_ENOMEM;
	if (pthread_mutex_init(&c->mu, NULL) != 0) {
		free(c);
		*out = NULL;
		return TQL_ENOMEM;
	}
	return TQL_OK;
}

void tql_corpus_free(tql_corpus *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->ndocs; i++) {
		free(c->docs[i].path);
		free(c->docs[i].e);
	}
	free(c->docs);
	for (size_t i = 0; i < c->slotcap; i++)
		free(c->slot[i].doc);
	free(c->slot);
	tql_strmap_free(&c->bypath);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

void tql_engine_set_corpus(tql_engine *eng, tql_corpus *c)
{
	eng->corpus = c;
}

/* Finds or inserts the slot of hash (mutex held). */
static cp_slot *slot_get(tql_corpus *c, uint64_t h)
{
	if ((c->nslot + 1) * 2 > c->slotcap) {
		size_t nc = c->slotcap ? c->slotcap * 2 : 1024;
		cp_slot *ns = calloc(nc, sizeof *ns);
		if (!ns)
			return NULL;
		for (size_t i = 0; i < c->slotcap; i++) {
			if (!c->slot[i].hash)
				continue;
			size_t k = c->slot[i].hash & (nc - 1);
			while (ns[k].hash)
				k = (k + 1) & (nc - 1);
			ns[k] = c->slot[i];
		}
		free(c->slot);
		c->slot = ns;
		c->slotcap = nc;
	}
	size_t k = h & (c->slotcap - 1);
	while (c->slot[k].hash && c->slot[k].hash != h)
		k = (k + 1) & (c->slotcap - 1);
	if (!c->slot[k].hash) {
		c->slot[k].hash = h;
		c->nslot++;
	}
	return &c->slot[k];
}

/* Index of the document for path, created on first use (mutex held). */
static long doc_get(tql_corpus *c, const char *path)
{
	uintptr_t v;
	size_t pl = strlen(path);
	if (tql_strmap_get(&c->bypath, path, pl, &v))
		return (long)v - 1;
	if (!TQL_GROW(c->docs, c->doccap, c->ndocs + 1))
		return -1;
	cp_doc *d = &c->docs[c->ndocs];
	*d = (cp_doc){0};
	d->path = tql_strndup(path, pl);
	if (!d->path || !tql_strmap_put(&c->bypath, path, pl, c->ndocs + 1)) {
		free(d->path);
		return -1;
	}
	return (long)c->ndocs++;
}

bool tql_corpus_record(tql_corpus *c, const char *path, const uint64_t *hash, const size_t *off,
                       const size_t *len, size_t n)
{
	bool ok = true;
	pthread_mutex_lock(&c->mu);
	long di = doc_get(c, path);
	if (di < 0)
		ok = false;
	for (size_t i = 0; ok && i < n; i++) {
		cp_doc *d = &c->docs[di];
		uint64_t h = hash[i] ? hash[i] : 1;
		if (!TQL_GROW(d->e, d->cap, d->n + 1)) {
			ok = false;
			break;
		}
		d->e[d->n++] = (cp_entry){h, off[i], len[i]};
		cp_slot *s = slot_get(c, h);
		if (!s) {
			ok = false;
			break;
		}
		if (s->n && s->doc[s->n - 1] == (uint32_t)di)
			continue; /* the same paragraph twice in one file */
		uint32_t cap = s->cap;
		size_t capz = cap;
		if (s->n + 1 > cap) {
			if (!TQL_GROW(s->doc, capz, (size_t)s->n + 1)) {
				ok = false;
				break;
			}
			s->cap = (uint32_t)capz;
		}
		/* a document records all its paragraphs in one call, under the
		 * mutex: checking the last holder is enough to keep them distinct */
		s->doc[s->n++] = (uint32_t)di;
	}
	pthread_mutex_unlock(&c->mu);
	return ok;
}

tql_status tql_corpus_report(tql_corpus *c, const tql_engine *eng, const char *path,
                             const char *src, size_t len, tql_result *res)
{
	int rule = tql_rule_find(eng, "duplicate.cross-file");
	if (!c || !res || rule < 0 || !eng->enabled[rule])
		return TQL_OK;
	pthread_mutex_lock(&c->mu);
	uintptr_t v;
	tql_status st = TQL_OK;
	if (!tql_strmap_get(&c->bypath, path, strlen(path), &v)) {
		pthread_mutex_unlock(&c->mu);
		return TQL_OK;
	}
	const cp_doc *d = &c->docs[v - 1];
	tql_buf m = {0};
	for (size_t i = 0; i < d->n && st == TQL_OK; i++) {
		const cp_entry *e = &d->e[i];
		if (e->off + e->len > len)
			continue;
		size_t k = e->hash & (c->slotcap - 1);
		while (c->slot[k].hash != e->hash)
			k = (k + 1) & (c->slotcap - 1);
		const cp_slot *s = &c->slot[k];
		if (s->n < 2)
			continue;
		m.n = 0;
		bool ok = tql_buf_printf(&m, "this paragraph also appears in %u other file%s: ",
		                         s->n - 1, s->n > 2 ? "s" : "");
		uint32_t listed = 0;
		for (uint32_t j = 0; ok && j < s->n && listed < MAX_LISTED; j++) {
			if (s->doc[j] == v - 1)
				continue;
			ok = tql_buf_printf(&m, "%s'%s'", listed ? ", " : "", c->docs[s->doc[j]].path);
			listed++;
		}
		if (ok && s->n - 1 > listed)
			ok = tql_buf_printf(&m, " and %u more", s->n - 1 - listed);
		char *msg = ok ? tql_buf_take(&m) : NULL;
		if (!msg || !tql_result_add_src(res, &eng->rules[rule], src, len, e->off, e->len, msg))
			st = TQL_ENOMEM;
	}
	tql_buf_free(&m);
	pthread_mutex_unlock(&c->mu);
	return st;
}
