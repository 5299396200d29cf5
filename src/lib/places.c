/* places.c - the GeoNames gazetteer (see places.h). Names are indexed by
 * folded key per language column, and by (column, first letter, length)
 * so that a near-miss search compares a word with a few hundred names, not
 * with all of them. */
#include "places.h"

#include <stdlib.h>
#include <string.h>

static const char *const cols[] = {"en", "de", "fr", "es", "it", "ru", "uk"};
enum { NCOL = sizeof cols / sizeof *cols, COL_EN = 0 };

typedef struct pentry {
	uint32_t place;
	uint32_t form;      /* offset of the form in data */
	uint32_t key;       /* offset of the folded key in keys */
	uint32_t keylen;
	uint32_t next_near; /* next entry + 1 in the same bucket, 0: end */
	uint32_t next_same; /* next entry + 1 with the same column and key */
} pentry;

struct tql_places {
	char *data;         /* the file, tabs and newlines turned to NULs (owned) */
	tql_buf keys;       /* folded keys, NUL-separated (owned) */
	struct {
		char cc[3];
		uint32_t pop;
		uint32_t name[NCOL]; /* offset + 1 of the form in data per column, 0: none */
	} *p;               /* cities (owned) */
	size_t np, pcap;
	pentry *e;          /* names (owned) */
	size_t ne, ecap;
	tql_strmap exact;   /* column byte + key -> first entry + 1 */
	tql_strmap near;    /* column byte + first letter + length byte -> first entry + 1 */
	tql_strmap known;   /* key, any column -> 1 */
};

void tql_places_free(tql_places *pl)
{
	if (!pl)
		return;
	free(pl->data);
	tql_buf_free(&pl->keys);
	free(pl->p);
	free(pl->e);
	tql_strmap_free(&pl->exact);
	tql_strmap_free(&pl->near);
	tql_strmap_free(&pl->known);
	free(pl);
}

/* The bucket key of a folded key in column c: c, its first letter, its
 * length in letters (capped). */
static size_t bucket(int c, const char *key, size_t kl, size_t letters, char out[8])
{
	size_t fl = 1;
	while (fl < kl && fl < 4 && ((unsigned char)key[fl] & 0xC0) == 0x80)
		fl++;
	out[0] = (char)('0' + c);
	memcpy(out + 1, key, fl);
	out[1 + fl] = (char)(letters < 120 ? letters : 120);
	return fl + 2;
}

/* Adds the name `form` (NUL-terminated, in data) of city p in column c. */
static tql_status add_name(tql_places *pl, uint32_t p, int c, const char *form)
{
	tql_buf f = {0};
	if (!tql_fold(form, strlen(form), &f)) {
		tql_buf_free(&f);
		return TQL_ENOMEM;
	}
	tql_status st = TQL_ENOMEM;
	size_t letters = tql_u8_count(f.p, f.n);
	char ck[512];
	if (f.n == 0 || f.n + 1 > sizeof ck) {
		st = TQL_OK; /* (nothing to match, or no city name this long) */
		goto out;
	}
	if (!TQL_GROW(pl->e, pl->ecap, pl->ne + 1))
		goto out;
	pentry *e = &pl->e[pl->ne];
	*e = (pentry){p, (uint32_t)(form - pl->data), (uint32_t)pl->keys.n, (uint32_t)f.n, 0, 0};
	pl->p[p].name[c] = (uint32_t)(form - pl->data) + 1;
	if (!tql_buf_add(&pl->keys, f.p, f.n) || !tql_buf_addc(&pl->keys, '\0'))
		goto out;
	uint32_t idx = (uint32_t)pl->ne++ + 1;
	ck[0] = (char)('0' + c);
	memcpy(ck + 1, f.p, f.n);
	uintptr_t head = 0;
	tql_strmap_get(&pl->exact, ck, f.n + 1, &head);
	e->next_same = (uint32_t)head;
	char bk[8];
	size_t bl = bucket(c, f.p, f.n, letters, bk);
	uintptr_t bh = 0;
	tql_strmap_get(&pl->near, bk, bl, &bh);
	e->next_near = (uint32_t)bh;
	if (tql_strmap_put(&pl->exact, ck, f.n + 1, idx) && tql_strmap_put(&pl->near, bk, bl, idx) &&
	    tql_strmap_put(&pl->known, f.p, f.n, 1))
		st = TQL_OK;
out:
	tql_buf_free(&f);
	return st;
}

static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* Parses the file held in pl->data (len bytes). */
static tql_status parse(tql_engine *eng, tql_places *pl, size_t len, const char *path)
{
	char *s = pl->data, *end = pl->data + len;
	unsigned line = 0;
	while (s < end) {
		char *nl = memchr(s, '\n', (size_t)(end - s));
		char *le = nl ? nl : end;
		line++;
		*le = '\0';
		if (*s == '#' || s == le) {
			s = le + 1;
			continue;
		}
		char *f[4 + NCOL];
		size_t nf = 0;
		for (char *q = s; nf < sizeof f / sizeof *f;) {
			f[nf++] = q;
			char *t = strchr(q, '\t');
			if (!t)
				break;
			*t = '\0';
			q = t + 1;
		}
		if (nf != 3 + NCOL || !all_digits(f[0]) || strlen(f[1]) != 2 || f[1][0] < 'A' ||
		    f[1][0] > 'Z' || f[1][1] < 'A' || f[1][1] > 'Z' || !all_digits(f[2]) || !*f[3])
			return tql_engine_fail(eng, TQL_EDATA,
			                       "%s:%u: expected id, country code, population and %d names "
			                       "separated by tabs",
			                       path, line, NCOL);
		if (!TQL_GROW(pl->p, pl->pcap, pl->np + 1))
			return TQL_ENOMEM;
		uint32_t p = (uint32_t)pl->np++;
		memcpy(pl->p[p].cc, f[1], 3);
		memset(pl->p[p].name, 0, sizeof pl->p[p].name);
		pl->p[p].pop = (uint32_t)strtoul(f[2], NULL, 10);
		for (int c = 0; c < NCOL; c++) {
			if (!*f[3 + c])
				continue;
			tql_status st = add_name(pl, p, c, f[3 + c]);
			if (st != TQL_OK)
				return st;
		}
		s = le + 1;
	}
	return TQL_OK;
}

tql_status tql_places_load(tql_engine *eng, tql_places **out)
{
	*out = NULL;
	char *path = tql_data_path(eng, "places/geonames.tsv");
	if (!path)
		return TQL_ENOMEM;
	tql_places *pl = calloc(1, sizeof *pl);
	size_t len = 0;
	tql_status st = pl ? tql_read_file(path, &pl->data, &len) : TQL_ENOMEM;
	if (st != TQL_OK) {
		/* an optional resource: without it the checks that use it are off */
		free(path);
		tql_places_free(pl);
		return st == TQL_ENOMEM ? st : TQL_OK;
	}
	if (len >= UINT32_MAX)
		st = tql_engine_fail(eng, TQL_EDATA, "%s: too large", path);
	else
		st = parse(eng, pl, len, path);
	free(path);
	if (st != TQL_OK) {
		tql_places_free(pl);
		return st;
	}
	*out = pl;
	return TQL_OK;
}

const char *tql_places_country(const tql_places *pl, uint32_t p)
{
	return pl->p[p].cc;
}

uint32_t tql_places_population(const tql_places *pl, uint32_t p)
{
	return pl->p[p].pop;
}

bool tql_places_known(const tql_places *pl, const char *key, size_t kl)
{
	return tql_strmap_get(&pl->known, key, kl, NULL);
}

/* Calls cb for the chain of entries from head (linked by next_near when
 * near, else next_same). */
static bool walk(const tql_places *pl, int c, uintptr_t head, bool near,
                 bool (*cb)(void *ud, const tql_place_name *n), void *ud)
{
	for (uintptr_t h = head; h; h = near ? pl->e[h - 1].next_near : pl->e[h - 1].next_same) {
		const pentry *e = &pl->e[h - 1];
		tql_place_name n = {e->place, pl->data + e->form, pl->keys.p + e->key, e->keylen, cols[c]};
		if (!cb(ud, &n))
			return false;
	}
	return true;
}

bool tql_places_each(const tql_places *pl, const char *lang, const char *key, size_t kl, bool near,
                     bool (*cb)(void *ud, const tql_place_name *n), void *ud)
{
	if (!pl || kl == 0 || kl + 1 > 512)
		return true;
	int own = -1;
	for (int c = 0; c < NCOL; c++)
		if (strcmp(cols[c], lang) == 0)
			own = c;
	bool cyrillic = own >= 0 && (strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0);
	int use[2], nuse = 0;
	if (own >= 0)
		use[nuse++] = own;
	if (!cyrillic && own != COL_EN)
		use[nuse++] = COL_EN;
	size_t letters = tql_u8_count(key, kl);
	for (int u = 0; u < nuse; u++) {
		if (near) {
			for (size_t l = letters > 2 ? letters - 2 : 1; l <= letters + 2; l++) {
				char bk[8];
				size_t bl = bucket(use[u], key, kl, l, bk);
				uintptr_t h = 0;
				if (tql_strmap_get(&pl->near, bk, bl, &h) && !walk(pl, use[u], h, true, cb, ud))
					return false;
			}
		} else {
			char ck[512];
			ck[0] = (char)('0' + use[u]);
			memcpy(ck + 1, key, kl);
			uintptr_t h = 0;
			if (tql_strmap_get(&pl->exact, ck, kl + 1, &h) && !walk(pl, use[u], h, false, cb, ud))
				return false;
		}
	}
	return true;
}

bool tql_places_each_column(const tql_places *pl, const char *key, size_t kl,
                            bool (*cb)(void *ud, const tql_place_name *n), void *ud)
{
	if (!pl || kl == 0 || kl + 1 > 512)
		return true;
	char ck[512];
	memcpy(ck + 1, key, kl);
	for (int c = 0; c < NCOL; c++) {
		ck[0] = (char)('0' + c);
		uintptr_t h = 0;
		if (tql_strmap_get(&pl->exact, ck, kl + 1, &h) && !walk(pl, c, h, false, cb, ud))
			return false;
	}
	return true;
}

const char *tql_places_name_in(const tql_places *pl, uint32_t p, const char *lang)
{
	for (int c = 0; c < NCOL; c++) {
		if (strcmp(cols[c], lang) != 0)
			continue;
		uint32_t o = pl->p[p].name[c];
		bool cyrillic = strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0;
		if (!o && !cyrillic)
			o = pl->p[p].name[COL_EN];
		return o ? pl->data + o - 1 : NULL;
	}
	return NULL;
}
