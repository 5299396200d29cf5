/*
 * geonames-places: write dictionaries/places/geonames.tsv, the world's
 * cities of 15,000 inhabitants or more with their country, population and
 * names in the table languages, from GeoNames (CC BY 4.0) as Debian ships
 * it in libgeonames (the city list) and libgeonames-common (the localized
 * names, one gettext catalogue per language keyed by GeoNames id).
 *
 * Build and run (from the top of the work tree):
 *   cc -std=c11 -O1 src/tools/geonames-places.c $(pkg-config --cflags --libs geonames) -o /tmp/geonames-places
 *   GEONAMES_VERSION=$(dpkg-query -W -f '${Version}' libgeonames-common) \
 *     /tmp/geonames-places > dictionaries/places/geonames.tsv
 *
 * Optional argument: the locale folder (default /usr/share/locale).
 * Output: a header naming the package versions' data, then one line per
 * city: id, ISO country code, population, English name, and the de fr es
 * it ru uk names; a Latin-script language's column is empty where its name
 * is the English one, a Cyrillic one's where the catalogue has no name.
 * Names with a tab or newline are left out. Lines sorted by id (numeric).
 */
#define _GNU_SOURCE
#include <geonames.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const langs[] = {"de", "fr", "es", "it", "ru", "uk"};
#define NLANG (sizeof langs / sizeof *langs)

/* One gettext catalogue read whole (owned), with its string tables. */
typedef struct mo {
	unsigned char *data;
	size_t len;
	uint32_t n, orig, trans;
	int swap;
} mo;

static uint32_t rd32(const mo *m, size_t at)
{
	if (at + 4 > m->len)
		return 0;
	uint32_t v;
	memcpy(&v, m->data + at, 4);
	if (m->swap)
		v = (v >> 24) | ((v >> 8) & 0xff00) | ((v << 8) & 0xff0000) | (v << 24);
	return v;
}

static int mo_open(mo *m, const char *path)
{
	memset(m, 0, sizeof *m);
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	m->data = n > 28 ? malloc((size_t)n) : NULL;
	if (!m->data || fread(m->data, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(m->data);
		m->data = NULL;
		return 0;
	}
	fclose(f);
	m->len = (size_t)n;
	uint32_t magic;
	memcpy(&magic, m->data, 4);
	if (magic == 0xde120495)
		m->swap = 1;
	else if (magic != 0x950412de) {
		free(m->data);
		m->data = NULL;
		return 0;
	}
	m->n = rd32(m, 8);
	m->orig = rd32(m, 12);
	m->trans = rd32(m, 16);
	return 1;
}

/* The string at entry i of the table at `tab` (NULL when out of bounds). */
static const char *mo_str(const mo *m, uint32_t tab, uint32_t i, uint32_t *len)
{
	*len = rd32(m, tab + 8 * (size_t)i);
	uint32_t off = rd32(m, tab + 8 * (size_t)i + 4);
	if ((size_t)off + *len >= m->len)
		return NULL;
	return (const char *)m->data + off;
}

/* Binary search for msgid `id` (catalogues are sorted by msgid bytes). */
static const char *mo_get(const mo *m, const char *id)
{
	if (!m->data)
		return NULL;
	size_t il = strlen(id);
	uint32_t lo = 0, hi = m->n;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2, l;
		const char *s = mo_str(m, m->orig, mid, &l);
		if (!s)
			return NULL;
		int c = memcmp(s, id, l < il ? l : il);
		if (c == 0)
			c = l < il ? -1 : l > il ? 1 : 0;
		if (c == 0) {
			const char *t = mo_str(m, m->trans, mid, &l);
			return t && l ? t : NULL;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

typedef struct city {
	long id;
	char *line; /* owned */
} city;

static int by_id(const void *a, const void *b)
{
	long x = ((const city *)a)->id, y = ((const city *)b)->id;
	return x < y ? -1 : x > y;
}

static int clean(const char *s)
{
	return s && *s && !strpbrk(s, "\t\n\r");
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/usr/share/locale";
	mo cat[NLANG], en;
	char path[4096];
	snprintf(path, sizeof path, "%s/en/LC_MESSAGES/geonames.mo", dir);
	mo_open(&en, path);
	for (size_t l = 0; l < NLANG; l++) {
		snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/geonames.mo", dir, langs[l]);
		if (!mo_open(&cat[l], path))
			fprintf(stderr, "geonames-places: no catalogue %s\n", path);
	}
	int n = geonames_get_n_cities();
	if (n <= 0) {
		fprintf(stderr, "geonames-places: libgeonames has no cities\n");
		return 1;
	}
	city *cs = calloc((size_t)n, sizeof *cs);
	size_t nc = 0;
	for (int i = 0; i < n; i++) {
		GeonamesCity *c = geonames_get_city(i);
		if (!c)
			continue;
		const char *idstr = NULL;
		g_variant_get_child(c, 0, "&s", &idstr);
		const char *base = geonames_city_get_name(c); /* the C locale: GeoNames' name */
		const char *cc = geonames_city_get_country_code(c);
		const char *enn = idstr ? mo_get(&en, idstr) : NULL;
		if (!clean(enn))
			enn = base;
		if (!idstr || !clean(enn) || !clean(cc)) {
			geonames_city_free(c);
			continue;
		}
		char *line = NULL;
		size_t ll = 0;
		FILE *o = open_memstream(&line, &ll);
		fprintf(o, "%s\t%s\t%u\t%s", idstr, cc, geonames_city_get_population(c), enn);
		for (size_t l = 0; l < NLANG; l++) {
			const char *t = mo_get(&cat[l], idstr);
			int cyr = strcmp(langs[l], "ru") == 0 || strcmp(langs[l], "uk") == 0;
			fputc('\t', o);
			if (clean(t) && (cyr || strcmp(t, enn) != 0))
				fputs(t, o);
		}
		fclose(o);
		cs[nc].id = strtol(idstr, NULL, 10);
		cs[nc++].line = line;
		geonames_city_free(c);
	}
	qsort(cs, nc, sizeof *cs, by_id);
	const char *ver = getenv("GEONAMES_VERSION");
	printf("# GeoNames cities of 15,000 inhabitants or more (geonames.org, CC BY 4.0), as Debian\n"
	       "# ships them in libgeonames0 and libgeonames-common %s; written by\n"
	       "# src/tools/geonames-places.c.\n",
	       ver && *ver ? ver : "(version unknown)");
	printf(
	       "# id\tcountry\tpopulation\ten\tde\tfr\tes\tit\tru\tuk (empty: the English name; ru, uk: none)\n");
	for (size_t i = 0; i < nc; i++) {
		printf("%s\n", cs[i].line);
		free(cs[i].line);
	}
	free(cs);
	free(en.data);
	for (size_t l = 0; l < NLANG; l++)
		free(cat[l].data);
	return 0;
}
