/* names.c - loads the name-variant table and answers folded-key lookups. */
#include "names.h"

#include <dirent.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>
#include <unicode/ustring.h>
#include <stdlib.h>
#include <string.h>

#define SEP "\x1f"

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Splits a '|' list into a NULL-terminated array of owned strings. */
static char **split_list(const char *s)
{
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == '|';
	char **v = calloc(n + 1, sizeof *v);
	if (!v)
		return NULL;
	size_t k = 0;
	const char *p = s;
	while (*s) {
		const char *e = strchr(p, '|');
		size_t l = e ? (size_t)(e - p) : strlen(p);
		while (l && p[0] == ' ') {
			p++;
			l--;
		}
		while (l && p[l - 1] == ' ')
			l--;
		if (l && !(v[k++] = tql_strndup(p, l)))
			goto oom;
		if (!e)
			break;
		p = e + 1;
	}
	return v;
oom:
	for (size_t i = 0; i < k; i++)
		free(v[i]);
	free(v);
	return NULL;
}

static void free_list(char **v)
{
	for (size_t i = 0; v && v[i]; i++)
		free(v[i]);
	free(v);
}

/* Appends a hit to the list stored under key in map m. */
static bool add_hit(tql_names *nm, tql_strmap *m, const char *key, size_t klen, tql_name_hit h)
{
	uintptr_t idx;
	if (!tql_strmap_get(m, key, klen, &idx)) {
		if (!TQL_GROW(nm->lists, nm->listcap, nm->nlists + 1))
			return false;
		idx = nm->nlists++;
		nm->lists[idx] = (struct tql_hitlist){0};
		if (!tql_strmap_put(m, key, klen, idx))
			return false;
	}
	struct tql_hitlist *l = &nm->lists[idx];
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].row == h.row && l->v[i].type == h.type && l->v[i].form == h.form)
			return true;
	/* most keys have one hit: lists start at one (not TQL_GROW's eight),
	 * which is half the table's memory at half a million keys */
	if (!tql_grow_first((void **)&l->v, &l->cap, l->n + 1, sizeof *l->v, 1))
		return false;
	l->v[l->n++] = h;
	return true;
}

/* The hash of a folded form as anyform stores it (never 0, the empty slot). */
static uint64_t any_hash(const char *f, size_t n)
{
	uint64_t h = tql_hash(f, n);
	return h ? h : 1;
}

/* The slot of hash h in an anyform table of cap slots: its own, or the
 * empty one where it belongs. */
static size_t any_slot(const uint64_t *v, size_t cap, uint64_t h)
{
	size_t j = (size_t)(h >> 17) & (cap - 1);
	while (v[j] && v[j] != h)
		j = (j + 1) & (cap - 1);
	return j;
}

/* Adds a folded form's hash to anyform, doubling it at half full. */
static bool any_add(tql_names *nm, const char *f, size_t n)
{
	if (2 * (nm->nany + 1) > nm->anycap) {
		size_t nc = nm->anycap ? 2 * nm->anycap : 1024;
		uint64_t *v = calloc(nc, sizeof *v); /* owned by nm */
		if (!v)
			return false;
		for (size_t i = 0; i < nm->anycap; i++)
			if (nm->anyform[i])
				v[any_slot(v, nc, nm->anyform[i])] = nm->anyform[i];
		free(nm->anyform);
		nm->anyform = v;
		nm->anycap = nc;
	}
	uint64_t h = any_hash(f, n);
	size_t j = any_slot(nm->anyform, nm->anycap, h);
	if (!nm->anyform[j]) {
		nm->anyform[j] = h;
		nm->nany++;
	}
	return true;
}

bool tql_names_any_lang(const tql_names *nm, const char *f, size_t n)
{
	return nm->anycap && nm->anyform[any_slot(nm->anyform, nm->anycap, any_hash(f, n))];
}

bool tql_names_all_caps(const char *s)
{
	int letters = 0;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		int32_t c = tql_u8_next(s, n, &i);
		if (c < 0 || u_islower(c))
			return false;
		if (u_isupper(c))
			letters++;
	}
	return letters >= 2;
}

bool tql_names_phonetic(const char *f, size_t n, tql_buf *out)
{
	char tmp[128];
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)f[i];
		if (c >= 0x80)
			return false; /* not Latin after folding */
		if (c < 'a' || c > 'z')
			continue;
		if (k + 3 >= sizeof tmp)
			return false;
		const char *r = f + i;
		size_t left = n - i;
		/* sound classes chosen so that English, German and scholarly
		 * transliterations meet: sh/sch/š -> s, zh/ž -> z, ch/tch/č -> k */
		if (left >= 4 && memcmp(r, "tsch", 4) == 0) {
			tmp[k++] = 'k';
			i += 3;
		} else if (left >= 3 && (memcmp(r, "sch", 3) == 0 || memcmp(r, "tch", 3) == 0)) {
			tmp[k++] = r[0] == 's' ? 's' : 'k';
			i += 2;
		} else if (left >= 2 && memcmp(r, "ch", 2) == 0) {
			tmp[k++] = 'k';
			i += 1;
		} else if (left >= 2 && (memcmp(r, "sh", 2) == 0 || memcmp(r, "zh", 2) == 0)) {
			tmp[k++] = r[0];
			i += 1;
		} else if (left >= 2 && (memcmp(r, "ph", 2) == 0)) {
			tmp[k++] = 'f';
			i += 1;
		} else if (left >= 2 && (memcmp(r, "kh", 2) == 0)) {
			/* (silent after a consonant, as h is: "Stokkholm" of
			 * Стокхольм meets Stockholm) */
			if (k == 0 || strchr("aeiou", tmp[k - 1]))
				tmp[k++] = 'h';
			i += 1;
		} else if (left >= 2 && memcmp(r, "ck", 2) == 0) {
			tmp[k++] = 'k';
			i += 1;
		} else if (c == 'h' && k > 0 && strchr("aeiou", tmp[k - 1]) == NULL) {
			continue; /* silent h after a consonant: Ruthte ~ Rutte */
		} else if (c == 'c' || c == 'q') {
			tmp[k++] = 'k';
		} else if (c == 'w') {
			tmp[k++] = 'v';
		} else if (c == 'y' || c == 'j') {
			tmp[k++] = 'i';
		} else if (c == 'x') {
			tmp[k++] = 'k';
			tmp[k++] = 's';
		} else {
			tmp[k++] = (char)c;
		}
	}
	/* collapse doubled letters */
	size_t w = 0;
	for (size_t i = 0; i < k; i++)
		if (w == 0 || tmp[w - 1] != tmp[i])
			tmp[w++] = tmp[i];
	return tql_buf_add(out, tmp, w);
}

/* Case endings stripped for matching names in Russian and Ukrainian text,
 * longest first ("Зеленского" ~ "Зеленский", "Трампа" ~ "Трамп"). Keys are
 * folded, so "-ий"/"-ый" arrive as "-ии"/"-ыи" (the breve is removed).
 * Not the genitive plural -ов/-ев/-ів: in names that is the suffix of the
 * name itself (Лавров, Лаврова), and it would make Russian "Львов" a form
 * of Ukrainian "Львів". */
static const char *const slav_endings[] = {
	"ами", "ями", "ого", "его", "ему", "ому", "ими", "ыми", "ой", "ей", "ои", "ою", "ею", "ом",
	"ем", "им", "ым", "ім", "ии", "ыи", "іи", "ах", "ях", "ам", "ям", "ий", "ій", "ый",
	"ая", "яя",
	"ую", "юю", "ия", "ія", "а", "я", "у", "ю", "е", "є", "и", "і", "ї", "ы", "о", "ь", "й",
	/* after the single letters, so the greedy stem never takes them (it
	 * would cut "алексеи" to "алекс" and its genitive "алексея" to
	 * "алексе"); only tql_names_word_stems() and the split comparison
	 * use them: "Марией" (folded "мариеи"), "Кочанової", "Марією",
	 * "Трампові" */
	"еи", "ої", "оі", "іі", "єю", "ові", "еві", "єві",
};

/* Declension of names by the ending of their nominative (folded: й is и,
 * ї is і): the endings of the other cases, Russian and Ukrainian together.
 * "Сергей" (серге-и) takes -я, -ю, -ем but not the -ій of Ukrainian
 * "Сергій"; "Мария" (мар-ия) takes -ии, -ию, -ией. */
static const struct {
	const char *nom, *obl;
} slav_paradigms[] = {
	{"ии", "ого его ому ему ым им ім ом ем"}, /* Зеленский, Зеленський */
	{"ыи", "ого ому ым ом"},
	{"іи", "ього ьому ім"},
	{"ои", "ого ому ым им ом ім"},
	{"ая", "ои ую оі ою еі"}, /* Ковальская */
	{"яя", "еи юю ею"},
	{"ия", "ии ию иеи ие"}, /* Мария */
	{"ія", "іі ію ією"},     /* Марія */
	{"а", "ы и і е у ои ою еи оі іи"}, /* (Гандловій: the -ова adjective in Ukrainian) */
	{"я", "и і е ю еи ею єю"},
	{"и", "я ю ем єм е і еві єві"}, /* Сергей, Андрій, Кай */
	{"ь", "я ю ем е і еві ею и ью"}, /* Игорь: Игоря; Беларусь: Беларуси, Беларусью */
	{"о", "а у ом і ові"}, /* Дніпро (Кличко does not decline: harmless) */
	{"е", ""},             /* Гёте: no other case */
	{"", "а у ом ем єм е і ові еві єві ым им"},
};

/* Is e (n bytes) an ending of the nominative, the case the table is
 * written in? A table form is cut only there, so "Андрей" (андре-и) does not
 * share a stem with "Андрий" (андр-ии) through the instrumental -ей. */
static bool nominative_ending(const char *e, size_t n)
{
	for (size_t i = 0; i < sizeof slav_paradigms / sizeof *slav_paradigms; i++)
		if (strlen(slav_paradigms[i].nom) == n && memcmp(e, slav_paradigms[i].nom, n) == 0)
			return true;
	return false;
}

/* How names are stemmed in a language: not at all, the German genitive -s,
 * or the case endings of Russian, Ukrainian and Belarusian. */
enum stemming { STEM_NONE, STEM_DE, STEM_SLAV };

static enum stemming stemming_of(const char *lang)
{
	if (strcmp(lang, "de") == 0)
		return STEM_DE;
	if (strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0 || strcmp(lang, "be") == 0)
		return STEM_SLAV;
	return STEM_NONE;
}

/* Strips one case ending from a word if at least three letters stay. */
static size_t stem_word(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof slav_endings / sizeof *slav_endings; i++) {
		size_t el = strlen(slav_endings[i]);
		if (n > el && memcmp(w + n - el, slav_endings[i], el) == 0 &&
		    tql_u8_count(w, n - el) >= 3)
			return n - el;
	}
	return n;
}

/* German genitive of names: "Kiews", "Selenskyjs" (the apostrophe form
 * "Merz'" is cut by the tokenizer). */
static size_t stem_word_de(const char *w, size_t n)
{
	return n > 4 && w[n - 1] == 's' && w[n - 2] != 's' ? n - 1 : n;
}

/* Ukrainian consonants that soften before the -і of the dative and
 * locative (Прага: у Празі, Америка: в Америці, Ольха: в Ольсі): hard, soft. */
static const char *const uk_soft[][2] = {{"г", "з"}, {"к", "ц"}, {"х", "с"}};

/* Does a Russian name whose stem (before its -о) is b[0..sl) decline: the
 * last word of a name, its stem ending in -ов, -ев, -ёв, -ин, -ын? */
static bool ru_declined_o(const char *b, size_t sl, bool last)
{
	static const char *const vowels[] = {"о", "е", "ё", "и", "ы"};
	if (!last || sl < 4 || (memcmp(b + sl - 2, "в", 2) != 0 && memcmp(b + sl - 2, "н", 2) != 0))
		return false;
	for (size_t v = 0; v < sizeof vowels / sizeof *vowels; v++)
		if (memcmp(b + sl - 4, vowels[v], 2) == 0)
			return true;
	return false;
}

/* Is a (folded word) the word b (folded table form, nominative) in one of
 * its cases? The greedy stem above cuts "вадим" to "вад" and "николаи" to
 * "никола" but "николая" to "никол"; this declines b instead. last: b is
 * the last word of its name. */
static bool same_word_slav(const char *a, size_t an, const char *b, size_t bn, bool uk, bool last)
{
	if (an == bn && memcmp(a, b, an) == 0)
		return true;
	/* (two letters of stem for short names: "Яна" of Ян, "Кая" of Кай) */
	size_t minl = tql_u8_count(b, bn) <= 3 ? 2 : 3;
	for (size_t p = 0; p < sizeof slav_paradigms / sizeof *slav_paradigms; p++) {
		size_t e2 = strlen(slav_paradigms[p].nom);
		if (e2 >= bn || memcmp(b + bn - e2, slav_paradigms[p].nom, e2) != 0)
			continue;
		size_t sl = bn - e2;
		/* Ukrainian dative and locative of -а: г, к, х soften before -і
		 * (Прага: Празі, Рига: Ризі) */
		if (uk && strcmp(slav_paradigms[p].nom, "а") == 0 && sl >= 6 && an == bn &&
		    memcmp(a, b, sl - 2) == 0 && memcmp(a + an - 2, "і", 2) == 0)
			for (size_t q = 0; q < sizeof uk_soft / sizeof *uk_soft; q++)
				if (memcmp(b + sl - 2, uk_soft[q][0], 2) == 0 &&
				    memcmp(a + sl - 2, uk_soft[q][1], 2) == 0)
					return true;
		if (sl > an || memcmp(a, b, sl) != 0 || tql_u8_count(b, sl) < minl)
			continue;
		/* Russian declines a name in -о only as a Slavic place in -ово,
		 * -ино (Косово: Косова); Осло, Шевченко and a given name before
		 * the family name keep their form ("Ханна Певкур" is not Ханно) */
		if (!uk && strcmp(slav_paradigms[p].nom, "о") == 0 && !ru_declined_o(b, sl, last))
			continue;
		const char *o = slav_paradigms[p].obl, *e = a + sl;
		size_t el = an - sl;
		while (*o) {
			size_t k = strcspn(o, " ");
			if (k == el && memcmp(o, e, k) == 0)
				return true;
			o += k + (o[k] == ' ');
		}
	}
	return false;
}

/* Is the UTF-8 letter at w (2 bytes, Cyrillic) a consonant? */
static bool cyr_consonant(const char *w)
{
	static const char *const v = "аеиоуыэюяієї";
	for (const char *p = v; *p; p += 2)
		if (memcmp(w, p, 2) == 0)
			return false;
	return (unsigned char)w[0] == 0xd0 || (unsigned char)w[0] == 0xd1;
}

bool tql_names_oblique_stem(const char *lang, const char *w, size_t n, tql_buf *out)
{
	bool uk = strcmp(lang, "uk") == 0;
	if (!uk && strcmp(lang, "ru") != 0)
		return false;
	if (n >= 2 && memcmp(w + n - 2, "ь", 2) == 0)
		n -= 2; /* Тернопіль: Тернополя */
	if (n < 8 || !cyr_consonant(w + n - 2))
		return false;
	const char *v = w + n - 4;
	bool prev_cons = cyr_consonant(v - 2);
	/* Ukrainian і of a closed last syllable: о or е when it opens
	 * (Харків: Харкова, Львів: Львова), є after a vowel (Київ: Києва) */
	if (uk && memcmp(v, "і", 2) == 0) {
		const char *alt = prev_cons ? "о" : "є";
		return tql_buf_add(out, w, (size_t)(v - w)) && tql_buf_add(out, alt, 2) &&
		       tql_buf_add(out, v + 2, 2);
	}
	/* a fleeting vowel (Египет: Египта, Орёл: Орла, Кравец: Кравца) */
	if (prev_cons && (memcmp(v, "е", 2) == 0 || memcmp(v, "о", 2) == 0))
		return tql_buf_add(out, w, (size_t)(v - w)) && tql_buf_add(out, v + 2, 2);
	return false;
}

size_t tql_names_word_stems(const char *lang, const char *w, size_t n, bool nominative, size_t *out,
                            size_t max)
{
	enum stemming how = stemming_of(lang);
	if (how != STEM_SLAV) {
		if (max)
			out[0] = how == STEM_DE ? stem_word_de(w, n) : n;
		return max ? 1 : 0;
	}
	size_t k = 0;
	if (k < max)
		out[k++] = stem_word(w, n);
	/* a nominative ending in a consonant is its own stem, though the
	 * greedy cut takes a case ending off it ("Эбрахим", эбрах-им: its
	 * genitive "Эбрахима" stems to эбрахим-) */
	if (nominative && k < max && out[0] != n && n >= 2 && cyr_consonant(w + n - 2))
		out[k++] = n;
	for (size_t i = 0; i < sizeof slav_endings / sizeof *slav_endings && k < max; i++) {
		size_t el = strlen(slav_endings[i]);
		if (n <= el || memcmp(w + n - el, slav_endings[i], el) != 0 ||
		    tql_u8_count(w, n - el) < 3 || (nominative && !nominative_ending(w + n - el, el)))
			continue;
		bool dup = false;
		for (size_t j = 0; j < k; j++)
			dup |= out[j] == n - el;
		if (!dup)
			out[k++] = n - el;
	}
	return k;
}

size_t tql_names_stem_keys(const char *lang, const char *f, size_t n, bool nominative, tql_buf *out,
                           size_t max)
{
	enum { MAXW = 4, ALT = 4 };
	if (stemming_of(lang) == STEM_NONE)
		return 0;
	size_t ws[MAXW], stems[MAXW][ALT], ns[MAXW], nw = 0;
	for (size_t i = 0; i <= n && nw < MAXW;) {
		size_t e = i;
		while (e < n && f[e] != ' ')
			e++;
		ws[nw] = i;
		ns[nw] = tql_names_word_stems(lang, f + i, e - i, nominative, stems[nw], ALT);
		if (!ns[nw])
			return 0;
		nw++;
		if (e == n)
			break;
		i = e + 1;
		if (nw == MAXW)
			return 0; /* more words than combinations are tried for */
	}
	size_t pick[MAXW] = {0}, k = 0;
	while (k < max) {
		for (size_t w = 0; w < nw; w++)
			if ((w && !tql_buf_addc(out, ' ')) || !tql_buf_add(out, f + ws[w], stems[w][pick[w]]))
				return k;
		if (!tql_buf_addc(out, '\0'))
			return k;
		k++;
		size_t w = nw;
		while (w-- > 0) {
			if (++pick[w] < ns[w])
				break;
			pick[w] = 0;
		}
		if (w == SIZE_MAX)
			break;
	}
	return k;
}

bool tql_names_same_inflected(const char *lang, const char *a, size_t an, const char *b, size_t bn)
{
	enum stemming how = stemming_of(lang);
	bool de = how == STEM_DE, uk = strcmp(lang, "uk") == 0;
	if (how == STEM_NONE)
		return an == bn && memcmp(a, b, an) == 0;
	size_t i = 0, j = 0;
	while (i <= an && j <= bn) {
		size_t e = i, f = j;
		while (e < an && a[e] != ' ')
			e++;
		while (f < bn && b[f] != ' ')
			f++;
		size_t wa = e - i, wb = f - j;
		bool same = de ? stem_word_de(a + i, wa) == stem_word_de(b + j, wb) &&
		                     memcmp(a + i, b + j, stem_word_de(a + i, wa)) == 0
		               : same_word_slav(a + i, wa, b + j, wb, uk, f == bn);
		if (!same)
			return false;
		if (e == an || f == bn)
			return e == an && f == bn;
		i = e + 1;
		j = f + 1;
	}
	return false;
}

bool tql_names_stem_key(const char *lang, const char *f, size_t n, tql_buf *out)
{
	enum stemming how = stemming_of(lang);
	bool de = how == STEM_DE;
	if (how == STEM_NONE)
		return false;
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && f[e] != ' ')
			e++;
		if (i && !tql_buf_addc(out, ' '))
			return false;
		if (!tql_buf_add(out, f + i, de ? stem_word_de(f + i, e - i) : stem_word(f + i, e - i)))
			return false;
		i = e + 1;
	}
	return true;
}

/* Romanisation of folded Cyrillic (lower case, breve and diaeresis already
 * removed) as English-based spellings come back into Russian and Ukrainian. */
static const char *const cyr_latin[] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", /* а..п */
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya", /* р..я */
};

bool tql_names_cyr_key(const char *f, size_t n, tql_buf *out)
{
	char tmp[256];
	size_t k = 0;
	bool cyr = false;
	for (size_t i = 0; i < n;) {
		UChar32 c;
		U8_NEXT(f, i, n, c);
		const char *r = NULL;
		if (c == 0x0434 && i + 1 < n && (unsigned char)f[i] == 0xD0 &&
		    (unsigned char)f[i + 1] == 0xB6) { /* дж -> j */
			r = "j";
			i += 2;
		} else if (c >= 0x0430 && c <= 0x044F) {
			r = cyr_latin[c - 0x0430];
		} else if (c == 0x0456 || c == 0x0457) { /* і ї */
			r = "i";
		} else if (c == 0x0454) { /* є */
			r = "ye";
		} else if (c == 0x0491) { /* ґ */
			r = "g";
		} else if (c == ' ' || c == '-') {
			r = " ";
		} else if (c == '\'' || c == 0x2019 || c == 0x02BC) {
			r = "";
		} else {
			return false;
		}
		cyr |= c >= 0x0400;
		size_t rl = strlen(r);
		if (k + rl >= sizeof tmp)
			return false;
		memcpy(tmp + k, r, rl);
		k += rl;
	}
	return cyr && tql_names_phonetic(tmp, k, out);
}

/* Counts words in a folded key. */
static uint16_t count_words(const char *key)
{
	uint16_t w = 1;
	for (const char *p = key; *p; p++)
		w += *p == ' ';
	return w;
}

static bool has_lang(const tql_name_row *r, const char *lang);

/* Indexes one form of a row under each of its languages. */
static bool index_form(tql_names *nm, uint32_t row, uint8_t type, const char *form, tql_buf *key,
                       tql_buf *fold)
{
	tql_name_row *r = &nm->rows[row];
	fold->n = 0;
	if (!tql_fold(form, strlen(form), fold))
		return false;
	if (fold->n == 0)
		return true;
	if (!any_add(nm, fold->p, fold->n))
		return false;
	tql_name_hit h = {row, type, (uint8_t)tql_names_all_caps(form), count_words(fold->p), form};
	if (h.words > nm->maxwords)
		nm->maxwords = h.words;
	const char *p = r->langs;
	while (*p) {
		size_t l = strcspn(p, ",");
		/* an English row's errors are English errors: "Sergej Lavrov" is
		 * damage in English and the usual spelling in Italian */
		if (type == TQL_FORM_ERROR && (size_t)(p - r->langs) >= r->own_langs)
			break;
		key->n = 0;
		if (!tql_buf_add(key, p, l) || !tql_buf_add(key, SEP, 1) ||
		    !tql_buf_add(key, fold->p, fold->n))
			return false;
		if (!add_hit(nm, &nm->keys, key->p, key->n, h))
			return false;
		if (!tql_strmap_get(&nm->langs, p, l, NULL) && !tql_strmap_put(&nm->langs, p, l, 1))
			return false;
		{
			tql_buf el = {0};
			/* value: the row + 1, so a language's own form can be found */
			bool ok = tql_buf_printf(&el, "%s" SEP "%.*s", r->id, (int)l, p) &&
			          tql_strmap_put(&nm->entity_langs, el.p, el.n, (uintptr_t)row + 1);
			tql_buf_free(&el);
			if (!ok)
				return false;
		}
		{
			char lang[16];
			snprintf(lang, sizeof lang, "%.*s", (int)l, p);
			/* every cut of the case endings: "Мария" is found from
			 * "Марии" (мар-) and from "Марией" (мари-) */
			tql_buf sk = {0}, all = {0};
			size_t nk = tql_names_stem_keys(lang, fold->p, fold->n, true, &all, 8);
			bool ok = true;
			for (size_t q = 0, at = 0; q < nk && ok; q++) {
				size_t kl = strlen(all.p + at);
				sk.n = 0;
				ok = tql_buf_add(&sk, p, l) && tql_buf_add(&sk, SEP, 1) &&
				     tql_buf_add(&sk, all.p + at, kl) && add_hit(nm, &nm->stems, sk.p, sk.n, h);
				at += kl + 1;
			}
			/* ... and the stem the oblique cases take when the last
			 * vowel changes or drops (marked '~': only a word that had
			 * an ending cut may match it) */
			size_t lw = fold->n;
			while (lw > 0 && fold->p[lw - 1] != ' ')
				lw--;
			all.n = 0;
			if (ok && h.words == 1 &&
			    tql_names_oblique_stem(lang, fold->p + lw, fold->n - lw, &all)) {
				sk.n = 0;
				ok = tql_buf_add(&sk, p, l) && tql_buf_add(&sk, SEP, 1) &&
				     tql_buf_addc(&sk, '~') && tql_buf_add(&sk, all.p, all.n) &&
				     add_hit(nm, &nm->stems, sk.p, sk.n, h);
			}
			tql_buf_free(&all);
			tql_buf_free(&sk);
			if (!ok)
				return false;
		}
		/* one-word forms also get a phonetic key and deletion keys (near misses) */
		if (h.words == 1 && !h.acronym && fold->n >= 4 &&
		    (r->kind == TQL_NK_PERSON ? type == TQL_FORM_FAMILY : type != TQL_FORM_ERROR)) {
			size_t base = key->n - fold->n;
			key->n = base;
			if (tql_names_phonetic(fold->p, fold->n, key) && key->n - base >= 4 &&
			    !add_hit(nm, &nm->phon, key->p, key->n, h))
				return false;
			if (fold->n >= 4 && fold->n < 64) {
				for (size_t i = 0; i < fold->n; i++) {
					if (((unsigned char)fold->p[i] & 0xC0) == 0x80)
						continue;
					size_t cl = 1;
					while (i + cl < fold->n && ((unsigned char)fold->p[i + cl] & 0xC0) == 0x80)
						cl++;
					key->n = base;
					if (!tql_buf_add(key, fold->p, i) ||
					    !tql_buf_add(key, fold->p + i + cl, fold->n - i - cl) ||
					    !add_hit(nm, &nm->dels, key->p, key->n, h))
						return false;
				}
			}
		}
		p += l;
		if (*p == ',')
			p++;
	}
	/* English forms by sound, to meet their English-based Cyrillic
	 * spellings ("Бейджинг" for Beijing, "Джонг Ун" for Jong Un) */
	if (type != TQL_FORM_ERROR && !h.acronym && has_lang(r, "en")) {
		key->n = 0;
		if (tql_names_phonetic(fold->p, fold->n, key) && key->n >= 5 &&
		    !add_hit(nm, &nm->eng, key->p, key->n, h))
			return false;
	}
	return true;
}

/* Builds nm->rowmap ("id\x1flang" -> row + 1, every language of every row)
 * unless it is current: rebuilt when rows were added, or after
 * extend_latin() changed their languages (which sets rowmap_rows to -1). */
static bool ensure_rowmap(tql_names *nm)
{
	if (nm->rowmap_rows == nm->nrows)
		return true;
	tql_strmap_free(&nm->rowmap);
	tql_buf key = {0};
	for (size_t i = 0; i < nm->nrows; i++) {
		const char *q = nm->rows[i].langs;
		while (*q) {
			size_t ql = strcspn(q, ",");
			key.n = 0;
			if (!tql_buf_printf(&key, "%s" SEP "%.*s", nm->rows[i].id, (int)ql, q) ||
			    !tql_strmap_put(&nm->rowmap, key.p, key.n, i + 1)) {
				tql_buf_free(&key);
				nm->rowmap_rows = (size_t)-1;
				return false;
			}
			q += ql;
			if (*q == ',')
				q++;
		}
	}
	tql_buf_free(&key);
	nm->rowmap_rows = nm->nrows;
	return true;
}

/* Adds the error forms of a supplement row (`errs`, |-separated) to the
 * rows of entity `id` in each language of `langs`. Rows of tables loaded
 * earlier only: generated supplement files sort after the tables they
 * extend, or name a file of their own. */
static tql_status add_supplement(tql_engine *eng, tql_names *nm, const char *id, const char *langs,
                                 const char *errs, const char *path, unsigned lineno, bool index)
{
	tql_buf key = {0}, fold = {0};
	const char *p = langs;
	while (*p) {
		size_t l = strcspn(p, ",");
		char lang[16];
		snprintf(lang, sizeof lang, "%.*s", (int)(l < 15 ? l : 15), p);
		if (!ensure_rowmap(nm)) {
			tql_buf_free(&key);
			return TQL_ENOMEM;
		}
		tql_name_row *r = NULL;
		uintptr_t ri;
		key.n = 0;
		if (!tql_buf_printf(&key, "%s" SEP "%s", id, lang)) {
			tql_buf_free(&key);
			return TQL_ENOMEM;
		}
		if (tql_strmap_get(&nm->rowmap, key.p, key.n, &ri))
			r = &nm->rows[ri - 1];
		char **add = r ? split_list(errs) : NULL;
		if (!add) {
			tql_buf_free(&key);
			tql_buf_free(&fold);
			if (!r)
				return tql_engine_fail(eng, TQL_EDATA,
				                       "%s:%u: no row for %s in %s to add forms to", path,
				                       lineno, id, lang);
			return TQL_ENOMEM;
		}
		size_t from = 0;
		size_t n = 0, k = 0;
		while (r->errors[n])
			n++;
		while (add[k])
			k++;
		char **v = realloc(r->errors, sizeof *v * (n + k + 1));
		if (!v) {
			for (size_t i = 0; i < k; i++)
				free(add[i]);
			free(add);
			tql_buf_free(&key);
			tql_buf_free(&fold);
			return TQL_ENOMEM;
		}
		r->errors = v;
		from = n;
		for (size_t i = 0; i < k; i++) {
			bool dup = false;
			for (size_t j = 0; j < n && !dup; j++)
				dup = strcmp(v[j], add[i]) == 0;
			if (dup)
				free(add[i]);
			else
				v[n++] = add[i];
		}
		v[n] = NULL;
		free(add);
		for (size_t i = from; index && i < n; i++) {
			if (!index_form(nm, (uint32_t)(r - nm->rows), TQL_FORM_ERROR, v[i], &key, &fold)) {
				tql_buf_free(&key);
				tql_buf_free(&fold);
				return TQL_ENOMEM;
			}
		}
		p += l;
		if (*p == ',')
			p++;
	}
	tql_buf_free(&key);
	tql_buf_free(&fold);
	return TQL_OK;
}

/* Parses one TSV file; rows are appended to nm->rows. */
static tql_status load_file(tql_engine *eng, tql_names *nm, const char *path, char *fileref,
                            int pass)
{
	char *data = NULL;
	size_t len = 0;
	tql_status st = tql_read_file(path, &data, &len);
	if (st != TQL_OK)
		return tql_engine_fail(eng, st, "%s: cannot read", path);
	unsigned lineno = 0;
	bool header = false;
	char *p = data, *end = data + len;
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		p[l] = '\0';
		char *line = p;
		p += l + 1;
		lineno++;
		if (l && line[l - 1] == '\r')
			line[--l] = '\0';
		if (!l || line[0] == '#')
			continue;
		char *f[9];
		int nf = 0;
		char *q = line;
		while (nf < 9) {
			f[nf++] = q;
			char *t = strchr(q, '\t');
			if (!t)
				break;
			*t = '\0';
			q = t + 1;
		}
		if (nf != 9 || strchr(q, '\t')) {
			free(data);
			return tql_engine_fail(eng, TQL_EDATA, "%s:%u: expected 9 tab-separated fields",
			                       path, lineno);
		}
		if (!header) {
			if (strcmp(f[0], "id") != 0 || strcmp(f[3], "canonical") != 0) {
				free(data);
				return tql_engine_fail(eng, TQL_EDATA, "%s:%u: missing header line", path,
				                       lineno);
			}
			header = true;
			continue;
		}
		uint8_t kind = strcmp(f[2], "person") == 0  ? TQL_NK_PERSON
		               : strcmp(f[2], "place") == 0 ? TQL_NK_PLACE
		               : strcmp(f[2], "org") == 0   ? TQL_NK_ORG
		               : strcmp(f[2], "title") == 0 ? TQL_NK_TITLE
		                                            : 0;
		if (!kind || !*f[0] || !*f[1] || !*f[3]) {
			free(data);
			return tql_engine_fail(eng, TQL_EDATA,
			                       "%s:%u: id, lang, canonical and a valid kind are required",
			                       path, lineno);
		}
		/* a supplement ("+en,de"): more error forms for existing rows, added
		 * in a second pass over the files (pass 2: after indexing too) */
		if ((f[1][0] == '+') != (pass > 0))
			continue;
		if (pass) {
			tql_status ss =
				add_supplement(eng, nm, f[0], f[1] + 1, f[5], path, lineno, pass == 2);
			if (ss != TQL_OK) {
				free(data);
				return ss;
			}
			continue;
		}
		if (!TQL_GROW(nm->rows, nm->rowcap, nm->nrows + 1)) {
			free(data);
			return TQL_ENOMEM;
		}
		tql_name_row *r = &nm->rows[nm->nrows++];
		*r = (tql_name_row){0};
		r->kind = kind;
		r->file = fileref;
		r->line = lineno;
		r->id = tql_strndup(f[0], strlen(f[0]));
		r->langs = tql_strndup(f[1], strlen(f[1]));
		r->canonical = tql_strndup(f[3], strlen(f[3]));
		r->accepted = split_list(f[4]);
		r->errors = split_list(f[5]);
		r->given = split_list(f[6]);
		r->family = split_list(f[7]);
		r->source = tql_strndup(f[8], strlen(f[8]));
		if (!r->id || !r->langs || !r->canonical || !r->accepted || !r->errors || !r->given ||
		    !r->family || !r->source) {
			free(data);
			return TQL_ENOMEM;
		}
		for (char *c = r->langs; *c; c++)
			if (*c == ' ')
				*c = ',';
		r->own_langs = strlen(r->langs);
	}
	free(data);
	return TQL_OK;
}

/* Indexes family name `fam` of row under the first word of its folded
 * given name, for each language of the row. */
static bool index_given_first(tql_names *nm, uint32_t row, const char *g, size_t gn,
                              const char *fam, tql_buf *key, tql_buf *fold)
{
	const tql_name_row *r = &nm->rows[row];
	size_t g1 = 0;
	while (g1 < gn && g[g1] != ' ')
		g1++;
	fold->n = 0;
	if (!tql_fold(fam, strlen(fam), fold))
		return false;
	if (fold->n < 2)
		return true; /* (two letters: "Jinping Xi" is Xi Jinping backwards) */
	tql_name_hit h = {row, TQL_FORM_FAMILY, 0, count_words(fold->p), fam};
	const char *p = r->langs;
	while (*p) {
		size_t l = strcspn(p, ",");
		key->n = 0;
		if (!tql_buf_add(key, p, l) || !tql_buf_add(key, SEP, 1) || !tql_buf_add(key, g, g1) ||
		    !add_hit(nm, &nm->gfirst, key->p, key->n, h))
			return false;
		/* and by sound ("~" + phonetic key): Kalin finds Călin */
		key->n = 0;
		if (!tql_buf_add(key, p, l) || !tql_buf_add(key, SEP "~", 2))
			return false;
		size_t base = key->n;
		/* (a Cyrillic given name by its romanised sound: Улф finds Ульф) */
		bool cyr = (unsigned char)g[0] >= 0x80;
		if (tql_u8_count(g, g1) >= (cyr ? 3 : 4) &&
		    (cyr ? tql_names_cyr_key(g, g1, key) : tql_names_phonetic(g, g1, key)) &&
		    key->n > base && !add_hit(nm, &nm->gfirst, key->p, key->n, h))
			return false;
		p += l;
		if (*p == ',')
			p++;
	}
	return true;
}

/*
 * An entity without a row in one of the Latin-script languages is written
 * there as in English (most people's names are): its en row is extended to
 * those languages, so that every lookup and index of the language has it.
 * Rows [from, nrows) only.
 */
static tql_status extend_latin(tql_names *nm, size_t from)
{
	static const char *const latin[] = {"de", "fr", "es", "it"};
	if (!ensure_rowmap(nm))
		return TQL_ENOMEM;
	tql_buf k = {0}, add = {0};
	tql_status st = TQL_ENOMEM;
	for (size_t i = from; i < nm->nrows; i++) {
		tql_name_row *r = &nm->rows[i];
		if (!has_lang(r, "en"))
			continue;
		add.n = 0;
		for (size_t j = 0; j < 4; j++) {
			k.n = 0;
			if (!tql_buf_printf(&k, "%s" SEP "%s", r->id, latin[j]))
				goto done;
			if (!tql_strmap_get(&nm->rowmap, k.p, k.n, NULL) &&
			    !tql_buf_printf(&add, ",%s", latin[j]))
				goto done;
		}
		if (add.n) {
			size_t ol = strlen(r->langs);
			char *nl = malloc(ol + add.n + 1); /* replaces r->langs (owned) */
			if (!nl)
				goto done;
			memcpy(nl, r->langs, ol);
			memcpy(nl + ol, add.p, add.n + 1);
			free(r->langs);
			r->langs = nl;
		}
	}
	st = TQL_OK;
done:
	nm->rowmap_rows = (size_t)-1; /* languages changed */
	tql_buf_free(&k);
	tql_buf_free(&add);
	return st;
}

/* Builds the hash indexes over rows [from, nrows). */
static tql_status build_index(tql_names *nm, size_t from)
{
	tql_buf key = {0}, fold = {0}, g = {0};
	tql_strmap ids = {0};
	tql_status st = TQL_ENOMEM;
	for (uint32_t i = 0; i < nm->nrows; i++) {
		tql_name_row *r = &nm->rows[i];
		if (!tql_strmap_get(&ids, r->id, strlen(r->id), NULL)) {
			if (!tql_strmap_put(&ids, r->id, strlen(r->id), 1))
				goto done;
			if (i >= from || from == 0)
				nm->entities++;
		}
		if (i < from)
			continue;
		if (!index_form(nm, i, TQL_FORM_CANONICAL, r->canonical, &key, &fold))
			goto done;
		for (char **a = r->accepted; *a; a++)
			if (!index_form(nm, i, TQL_FORM_ACCEPTED, *a, &key, &fold))
				goto done;
		for (char **a = r->errors; *a; a++)
			if (!index_form(nm, i, TQL_FORM_ERROR, *a, &key, &fold))
				goto done;
		for (char **a = r->family; *a; a++)
			if (!index_form(nm, i, TQL_FORM_FAMILY, *a, &key, &fold))
				goto done;
		for (char **gv = r->given; *gv; gv++) {
			g.n = 0;
			if (!tql_fold(*gv, strlen(*gv), &g) || !tql_strmap_put(&nm->given, g.p, g.n, 1))
				goto done;
			/* a distinctive given name by sound ("Jinping"), as for forms */
			key.n = 0;
			if (has_lang(r, "en") && tql_names_phonetic(g.p, g.n, &key) && key.n >= 5) {
				tql_name_hit gh = {i, TQL_FORM_ACCEPTED, 0, count_words(g.p), *gv};
				if (!add_hit(nm, &nm->eng, key.p, key.n, gh))
					goto done;
			}
			for (char **fm = r->family; *fm; fm++) {
				if (!index_given_first(nm, i, g.p, g.n, *fm, &key, &fold))
					goto done;
				const char *p = r->langs;
				while (*p) {
					size_t l = strcspn(p, ",");
					key.n = 0;
					if (!tql_buf_add(&key, p, l) || !tql_buf_add(&key, SEP, 1) ||
					    !tql_buf_add(&key, g.p, g.n) || !tql_buf_add(&key, SEP, 1) ||
					    !tql_fold(*fm, strlen(*fm), &key) ||
					    !tql_strmap_put(&nm->pairs, key.p, key.n, 1))
						goto done;
					p += l;
					if (*p == ',')
						p++;
				}
			}
		}
	}
	st = TQL_OK;
done:
	tql_strmap_free(&ids);
	tql_buf_free(&key);
	tql_buf_free(&fold);
	tql_buf_free(&g);
	return st;
}

/* Transliterates a Cyrillic form to folded Latin ASCII ("Гутерриш" ->
 * "guterris") with an ICU transliterator; appends to out. */
static bool translit_fold(UTransliterator *tr, const char *s, tql_buf *out)
{
	UChar u[256];
	int32_t ul = 0, cap = 256;
	UErrorCode err = U_ZERO_ERROR;
	u_strFromUTF8(u, 200, &ul, s, -1, &err);
	if (U_FAILURE(err))
		return false;
	int32_t lim = ul;
	utrans_transUChars(tr, u, &ul, cap, 0, &lim, &err);
	char u8[512];
	int32_t l8 = 0;
	u_strToUTF8(u8, sizeof u8, &l8, u, ul, &err);
	return U_SUCCESS(err) && tql_fold(u8, (size_t)l8, out);
}

/* Has the row a language among those written in Cyrillic? */
static bool cyrillic_row(const tql_name_row *r)
{
	const char *p = r->langs;
	while (*p) {
		size_t l = strcspn(p, ",");
		if ((l == 2 && (!strncmp(p, "ru", 2) || !strncmp(p, "uk", 2) || !strncmp(p, "be", 2) ||
		                !strncmp(p, "bg", 2) || !strncmp(p, "sr", 2))))
			return true;
		p += l;
		if (*p == ',')
			p++;
	}
	return false;
}

bool tql_names_row_lang(const tql_name_row *r, const char *lang, bool own_only)
{
	size_t ll = strlen(lang);
	const char *end = own_only ? r->langs + r->own_langs : r->langs + strlen(r->langs);
	for (const char *p = r->langs; p < end;) {
		size_t l = strcspn(p, ",");
		if (l == ll && strncmp(p, lang, l) == 0)
			return true;
		p += l;
		if (*p == ',')
			p++;
	}
	return false;
}

static bool has_lang(const tql_name_row *r, const char *lang)
{
	return tql_names_row_lang(r, lang, false);
}

/* The French and German press transcriptions of Russian (Гутерриш:
 * "Gouterrich", "Guterrisch"), as ICU rules; a Russian-mediated name in
 * French or German text is spelled so ("Boudapecht", "Siyarto" aside).
 * A rule's left context sees the text already transliterated, so a vowel
 * before is matched in both alphabets ($v $lv); ICU refuses a rule that an
 * earlier one masks, which would leave the whole index empty (the cases
 * names/russian-mediated-fr and -de check a form of each). */
static const char rules_ru_fr[] =
	":: Lower ;"
	"$v = [аеёиоуыэюя] ;"
	"$lv = [aeiouy] ;"
	"г } [еиэй] > gu ; г > g ;"
	"[$v $lv] { с } $v > ss ; с > s ;"
	"[иi] { н } $ > ne ; [ыy] { н } $ > ne ;"
	"[иi] { й } $ > ; [ыy] { й } $ > ;"
	"ь } [ео] > i ; й } [ёюя] > ;"
	"а > a ; б > b ; в > v ; д > d ; е > e ; ё > io ; ж > j ; з > z ; и > i ;"
	"й > i ; к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; т > t ;"
	"у > ou ; ф > f ; х > kh ; ц > ts ; ч > tch ; ш > ch ; щ > chtch ; ъ > ;"
	"ы > y ; ь > ; э > e ; ю > iou ; я > ia ;";
static const char rules_ru_de[] =
	":: Lower ;"
	"$v = [аеёиоуыэюя] ;"
	"$lv = [aeiouy] ;"
	"[$v $lv ъ] { е > je ; ^ е > je ;"
	"й } [ёюя] > ; й } $v > j ; ь } [ёюя] > ; ь } [еио] > j ;"
	"[иi] { й } $ > ; [ыy] { й } $ > ;"
	"[$v $lv] { с } $v > ss ; с > s ;"
	"а > a ; б > b ; в > w ; г > g ; д > d ; е > e ; ё > jo ; ж > sch ; з > s ;"
	"и > i ; й > i ; к > k ; л > l ; м > m ; н > n ; о > o ; п > p ; р > r ;"
	"т > t ; у > u ; ф > f ; х > ch ; ц > z ; ч > tsch ; ш > sch ; щ > schtsch ;"
	"ъ > ; ы > y ; ь > ; э > e ; ю > ju ; я > ja ;";

/* Opens a transliterator from UTF-8 rules; NULL if ICU rejects them. */
static UTransliterator *open_rules(const char *name, const char *rules)
{
	UChar id[32], u[2048];
	int32_t ul = 0;
	UErrorCode err = U_ZERO_ERROR;
	UParseError pe;
	u_uastrcpy(id, name);
	u_strFromUTF8(u, (int32_t)(sizeof u / sizeof *u), &ul, rules, -1, &err);
	UTransliterator *t = U_SUCCESS(err) ? utrans_openU(id, -1, UTRANS_FORWARD, u, ul, &pe, &err) : NULL;
	if (U_FAILURE(err) && t) {
		utrans_close(t);
		t = NULL;
	}
	return t;
}

/* Has entity id a row of its own (not extended from English) in lang? */
static bool own_row(const tql_names *nm, const char *id, const char *lang)
{
	const tql_name_row *r = tql_names_entity_row(nm, id, lang);
	return r && tql_names_row_lang(r, lang, true);
}

/*
 * Russian- and Ukrainian-mediated spellings ("Guterrish" for Guterres,
 * "Redzhep" for Recep, "Dnepr" for Dnipro) are what a romanisation of the
 * Cyrillic form produces. Index the folded BGN and ICU romanisations of
 * every one-word Cyrillic family, given or place name, pointing at the
 * entity's English form; matched exactly, so precision stays high.
 */
static tql_status build_translit_index(tql_names *nm)
{
	static const char *const ids[3] = {"Russian-Latin/BGN", "Ukrainian-Latin/BGN",
	                                   "Any-Latin; Latin-ASCII"};
	enum { NTR = 5 };
	UTransliterator *tr[NTR] = {NULL, NULL, NULL, NULL, NULL};
	for (int t = 0; t < 3; t++) {
		UErrorCode err = U_ZERO_ERROR;
		UChar id[64];
		u_uastrcpy(id, ids[t]);
		tr[t] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
		if (U_FAILURE(err))
			tr[t] = NULL; /* no such transform in this ICU: skip it */
	}
	tr[3] = open_rules("tql-ru-fr", rules_ru_fr);
	tr[4] = open_rules("tql-ru-de", rules_ru_de);
	tql_strmap en = {0}; /* entity id -> en row */
	tql_status st = TQL_ENOMEM;
	tql_buf f = {0}, ph = {0};
	for (uint32_t i = 0; i < nm->nrows; i++)
		if (has_lang(&nm->rows[i], "en") &&
		    !tql_strmap_get(&en, nm->rows[i].id, strlen(nm->rows[i].id), NULL) &&
		    !tql_strmap_put(&en, nm->rows[i].id, strlen(nm->rows[i].id), i))
			goto done;
	for (uint32_t i = 0; i < nm->nrows; i++) {
		const tql_name_row *r = &nm->rows[i];
		uintptr_t e;
		if (!cyrillic_row(r) || !tql_strmap_get(&en, r->id, strlen(r->id), &e))
			continue;
		const tql_name_row *er = &nm->rows[e];
		char **lists[2] = {r->family, r->given};
		char *places[2] = {r->canonical, NULL};
		if (r->kind != TQL_NK_PERSON) {
			lists[0] = places;
			lists[1] = r->accepted;
		}
		for (int li = 0; li < 2; li++) {
			for (char **w0 = lists[li]; w0 && *w0; w0++) {
				/* "Реджеп Тайип": each word of a multi-word name on its own */
				char words[8][128];
				size_t nw = 0;
				const char *q = *w0;
				while (*q && nw < 8) {
					size_t l = strcspn(q, " ");
					if (l && l < 128) {
						memcpy(words[nw], q, l);
						words[nw++][l] = '\0';
					}
					q += l;
					while (*q == ' ')
						q++;
				}
				/* (a place's words are not places: "Zemlya" of Огненная
				 * Земля is no Tierra del Fuego) */
				for (size_t wi = 0; wi < nw && (nw == 1 || r->kind == TQL_NK_PERSON); wi++) {
				const char *wp = words[wi];
				const char *const *w = &wp;
				for (int t = 0; t < NTR; t++) {
					if (!tr[t] || (t == 0 && !has_lang(r, "ru")) || (t == 1 && !has_lang(r, "uk")))
						continue;
					/* the French or German transcription, only of an
					 * entity whose French or German form the table holds
					 * (else it may be that form: "Choïgou") */
					if (t >= 3 && (!has_lang(r, "ru") || !own_row(nm, r->id, t == 3 ? "fr" : "de")))
						continue;
					/* ICU's scholarly romanisation of place names often equals
					 * a Latin or Italian name ("Germania"): places use BGN only */
					if (t == 2 && r->kind != TQL_NK_PERSON)
						continue;
					f.n = 0;
					if (!translit_fold(tr[t], *w, &f) || strchr(f.p, ' ') || f.n < 5)
						continue;
					const char *form = r->kind == TQL_NK_PERSON && li == 0 && er->family[0]
					                       ? er->family[0]
					                       : er->canonical;
					tql_name_hit h = {(uint32_t)e, TQL_FORM_FAMILY, 0, 1, form};
					if (r->kind != TQL_NK_PERSON)
						h.type = TQL_FORM_CANONICAL;
					/* (only for text in that language: "Kretchmer", the
					 * French transcription of Кречмер, is an English
					 * name) */
					tql_strmap *into = t >= 3 ? &nm->tphon_local[t - 3] : &nm->tphon;
					if (!add_hit(nm, into, f.p, f.n, h))
						goto done;
					/* ... and by its sound, as a second romanisation
					 * spells it again: doubled letters dropped
					 * ("Siyarto", Сийярто), j for y ("Tsvijanovich") */
					ph.n = 0;
					if (tql_names_phonetic(f.p, f.n, &ph) && ph.n >= 4 &&
					    (ph.n != f.n || memcmp(ph.p, f.p, f.n) != 0) &&
					    !add_hit(nm, t >= 3 ? &nm->tphon_local_ph[t - 3] : &nm->tphon_ph, ph.p,
					             ph.n, h))
						goto done;
				}
				}
			}
		}
	}
	st = TQL_OK;
done:
	tql_strmap_free(&en);
	tql_buf_free(&f);
	tql_buf_free(&ph);
	for (int t = 0; t < NTR; t++)
		if (tr[t])
			utrans_close(tr[t]);
	return st;
}

/* Loads names/given-cognates.tsv: one set of given names per line that
 * are the same name in different languages (Friedrich|Frédéric|Federico),
 * then a TAB and the source. Absent file: no cognates. */
static tql_status load_cognates(tql_engine *eng, tql_names *nm)
{
	char *path = tql_data_path(eng, "names/given-cognates.tsv");
	char *data = NULL;
	size_t len = 0;
	tql_status st = path ? tql_read_file(path, &data, &len) : TQL_ENOMEM;
	if (st == TQL_EIO) {
		free(path);
		return TQL_OK;
	}
	if (st != TQL_OK) {
		free(path);
		return st;
	}
	tql_buf g = {0};
	char *p = data, *end = data + len;
	uintptr_t set = 0;
	unsigned lineno = 0;
	while (p < end && st == TQL_OK) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		lineno++;
		const char *tab = memchr(p, '\t', l);
		if (l && p[0] != '#' && !(l >= 6 && memcmp(p, "names\t", 6) == 0)) {
			if (!tab || tab == p) {
				st = tql_engine_fail(eng, TQL_EDATA, "%s:%u: expected names<TAB>source", path,
				                     lineno);
				break;
			}
			set++;
			for (const char *q = p; q < tab && st == TQL_OK;) {
				const char *bar = memchr(q, '|', (size_t)(tab - q));
				size_t fl = (size_t)((bar ? bar : tab) - q);
				g.n = 0;
				if (fl && (!tql_fold(q, fl, &g) || !tql_strmap_put(&nm->cognates, g.p, g.n, set)))
					st = TQL_ENOMEM;
				q += fl + 1;
			}
		}
		p += l + 1;
	}
	tql_buf_free(&g);
	free(data);
	free(path);
	return st;
}

/* The Cyrillic given names of the table join the cognate set of the same
 * person's English given name: Андрей (Andrei Belousov) joins Andrew's set,
 * Эндрю (Andrew Cuomo) too, so "Андрей Куомо" is Andrew's name in another
 * language's form. The first set a form meets keeps it. */
static tql_status extend_cognates(tql_names *nm)
{
	tql_buf g = {0};
	tql_status st = TQL_OK;
	for (size_t i = 0; i < nm->nrows && st == TQL_OK; i++) {
		const tql_name_row *r = &nm->rows[i];
		if (r->kind != TQL_NK_PERSON || !r->given[0] || strcmp(r->langs, "en") == 0)
			continue;
		size_t at = 0;
		int32_t c0 = tql_u8_next(r->given[0], strlen(r->given[0]), &at);
		if (c0 < 0x400 || c0 > 0x4FF)
			continue; /* (Cyrillic rows only) */
		const tql_name_row *en = tql_names_entity_row(nm, r->id, "en");
		int set = 0;
		for (char **gv = en ? en->given : NULL; gv && *gv && !set; gv++) {
			g.n = 0;
			if (!strchr(*gv, ' ') && tql_fold(*gv, strlen(*gv), &g))
				set = tql_names_cognate(nm, g.p, g.n);
		}
		for (char **gv = r->given; set && *gv && st == TQL_OK; gv++) {
			g.n = 0;
			if (strchr(*gv, ' ') || !tql_fold(*gv, strlen(*gv), &g))
				continue;
			if (!tql_strmap_get(&nm->cognates, g.p, g.n, NULL) &&
			    !tql_strmap_put(&nm->cognates, g.p, g.n, (uintptr_t)set))
				st = TQL_ENOMEM;
		}
	}
	tql_buf_free(&g);
	return st;
}

int tql_names_cognate(const tql_names *nm, const char *folded, size_t n)
{
	uintptr_t v;
	return tql_strmap_get(&nm->cognates, folded, n, &v) ? (int)v : 0;
}

/* Calls line(nm, text, length) for each non-empty line of data file rel
 * that is not a comment; a missing file is no error. */
static tql_status each_data_line(tql_engine *eng, tql_names *nm, const char *rel,
                                 tql_status (*line)(tql_names *, const char *, size_t))
{
	char *path = tql_data_path(eng, rel);
	char *data = NULL; /* owned here */
	size_t len = 0;
	tql_status st = path ? tql_read_file(path, &data, &len) : TQL_ENOMEM;
	free(path);
	if (st == TQL_EIO)
		return TQL_OK;
	for (char *p = data, *end = data + len; st == TQL_OK && p < end;) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t l = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (l && p[0] != '#')
			st = line(nm, p, l);
		p += l + 1;
	}
	free(data);
	return st;
}

/* Appends a copy of s (n bytes) to the string array *arr of *n entries
 * (the array owns the copy). False: out of memory, nothing appended. */
static bool push_string(char ***arr, size_t *n, const char *s, size_t len)
{
	char **nv = realloc(*arr, sizeof *nv * (*n + 1));
	if (!nv)
		return false;
	*arr = nv;
	char *c = tql_strndup(s, len);
	if (!c)
		return false;
	nv[(*n)++] = c;
	return true;
}

/* One line of names/dated-forms.txt: lang, dated form, current form, source. */
static tql_status dated_line(tql_names *nm, const char *p, size_t l)
{
	const char *t1 = memchr(p, '\t', l);
	const char *t2 = t1 ? memchr(t1 + 1, '\t', (size_t)(p + l - t1 - 1)) : NULL;
	if (!t2)
		return TQL_OK;
	const char *t3 = memchr(t2 + 1, '\t', (size_t)(p + l - t2 - 1));
	size_t cl = (size_t)((t3 ? t3 : p + l) - t2 - 1);
	tql_buf k = {0};
	bool ok = tql_buf_add(&k, p, (size_t)(t1 - p)) && tql_buf_add(&k, SEP, 1) &&
	          tql_fold(t1 + 1, (size_t)(t2 - t1 - 1), &k) &&
	          push_string(&nm->dated_cur, &nm->ndated, t2 + 1, cl) &&
	          tql_strmap_put(&nm->dated, k.p, k.n, nm->ndated);
	tql_buf_free(&k);
	return ok ? TQL_OK : TQL_ENOMEM;
}

const char *tql_names_dated(const tql_names *nm, const char *lang, const char *folded, size_t n)
{
	char key[160];
	size_t ll = strlen(lang);
	uintptr_t v;
	if (ll + 1 + n >= sizeof key)
		return NULL;
	memcpy(key, lang, ll);
	key[ll] = SEP[0];
	memcpy(key + ll + 1, folded, n);
	return tql_strmap_get(&nm->dated, key, ll + 1 + n, &v) ? nm->dated_cur[v - 1] : NULL;
}

/* One line of names/given-ru-uk.tsv: Russian forms (nominative first,
 * |-separated), the Ukrainian nominative, the source. The value stored is
 * 2 * index + 1, plus 1 for the nominative; 0 for a form of two names. */
static tql_status ruuk_parse(tql_names *nm, tql_strmap *map, const char *p, size_t l)
{
	const char *t1 = memchr(p, '\t', l);
	if (!t1 || (l >= 8 && memcmp(p, "russian\t", 8) == 0))
		return TQL_OK;
	const char *t2 = memchr(t1 + 1, '\t', (size_t)(p + l - t1 - 1));
	size_t ul = (size_t)((t2 ? t2 : p + l) - t1 - 1);
	if (!push_string(&nm->ruuk_uk, &nm->nruuk, t1 + 1, ul))
		return TQL_ENOMEM;
	size_t idx = nm->nruuk - 1;
	bool first = true;
	for (const char *q = p; q < t1; first = false) {
		const char *bar = memchr(q, '|', (size_t)(t1 - q));
		size_t fl = (size_t)((bar ? bar : t1) - q);
		uintptr_t old;
		/* a form of two names ("Евгения": Евгений's genitive, Евгения's
		 * nominative) is no evidence of either: 0 */
		bool two = fl && tql_strmap_get(map, q, fl, &old);
		if (fl && !tql_strmap_put(map, q, fl, two ? 0 : 2 * idx + 1 + (first ? 1 : 0)))
			return TQL_ENOMEM;
		q += fl + 1;
	}
	return TQL_OK;
}

static tql_status ruuk_line(tql_names *nm, const char *p, size_t l)
{
	return ruuk_parse(nm, &nm->ruuk, p, l);
}

static tql_status ruuk_shared_line(tql_names *nm, const char *p, size_t l)
{
	return ruuk_parse(nm, &nm->ruuk_shared, p, l);
}

static const char *uk_given_in(const tql_names *nm, const tql_strmap *map, const char *w, size_t n,
                               bool *nominative)
{
	uintptr_t v;
	if (!tql_strmap_get(map, w, n, &v) || v == 0)
		return NULL;
	*nominative = v % 2 == 0;
	return nm->ruuk_uk[(v - 1) / 2];
}

const char *tql_names_uk_given(const tql_names *nm, const char *w, size_t n, bool *nominative)
{
	return uk_given_in(nm, &nm->ruuk, w, n, nominative);
}

const char *tql_names_uk_given_shared(const tql_names *nm, const char *w, size_t n, bool *nominative)
{
	return uk_given_in(nm, &nm->ruuk_shared, w, n, nominative);
}

/* One line of names/given-names.txt: a given name. */
static tql_status given_line(tql_names *nm, const char *p, size_t l)
{
	tql_buf g = {0};
	bool ok = tql_fold(p, l, &g) && (!g.n || tql_strmap_put(&nm->given, g.p, g.n, 1));
	tql_buf_free(&g);
	return ok ? TQL_OK : TQL_ENOMEM;
}

tql_status tql_names_load(tql_engine *eng, tql_names **out)
{
	tql_names *nm = calloc(1, sizeof *nm);
	*out = nm;
	if (!nm)
		return TQL_ENOMEM;
	char *dir = tql_data_path(eng, "names");
	if (!dir)
		return TQL_ENOMEM;
	DIR *dh = opendir(dir);
	tql_status st = TQL_OK;
	if (dh) {
		struct dirent *de;
		while ((de = readdir(dh)) != NULL) {
			size_t l = strlen(de->d_name);
			/* given-*.tsv are given-name lists, not name tables */
			if (l < 5 || strcmp(de->d_name + l - 4, ".tsv") != 0 ||
			    strncmp(de->d_name, "given-", 6) == 0)
				continue;
			char **nf = realloc(nm->files, (nm->nfiles + 1) * sizeof *nf);
			if (!nf) {
				st = TQL_ENOMEM;
				break;
			}
			nm->files = nf;
			tql_buf p = {0};
			if (!tql_buf_printf(&p, "%s/%s", dir, de->d_name)) {
				st = TQL_ENOMEM;
				break;
			}
			nm->files[nm->nfiles++] = tql_buf_take(&p);
		}
		closedir(dh);
	}
	free(dir);
	if (st != TQL_OK)
		return st;
	qsort(nm->files, nm->nfiles, sizeof *nm->files, cmp_str);
	for (size_t i = 0; i < nm->nfiles && st == TQL_OK; i++)
		st = load_file(eng, nm, nm->files[i], nm->files[i], 0);
	for (size_t i = 0; i < nm->nfiles && st == TQL_OK; i++)
		st = load_file(eng, nm, nm->files[i], nm->files[i], 1);
	if (st == TQL_OK)
		st = extend_latin(nm, 0);
	if (st == TQL_OK)
		st = build_index(nm, 0);
	if (st == TQL_OK)
		st = each_data_line(eng, nm, "names/given-names.txt", given_line);
	if (st == TQL_OK)
		st = each_data_line(eng, nm, "names/dated-forms.txt", dated_line);
	if (st == TQL_OK)
		st = each_data_line(eng, nm, "names/given-ru-uk.tsv", ruuk_line);
	if (st == TQL_OK)
		st = each_data_line(eng, nm, "names/given-ru-uk-shared.tsv", ruuk_shared_line);
	if (st == TQL_OK)
		st = load_cognates(eng, nm);
	if (st == TQL_OK)
		st = extend_cognates(nm);
	if (st == TQL_OK)
		st = build_translit_index(nm);
	return st;
}

void tql_names_free(tql_names *nm)
{
	if (!nm)
		return;
	for (size_t i = 0; i < nm->nrows; i++) {
		tql_name_row *r = &nm->rows[i];
		free(r->id);
		free(r->langs);
		free(r->canonical);
		free_list(r->accepted);
		free_list(r->errors);
		free_list(r->given);
		free_list(r->family);
		free(r->source);
	}
	free(nm->rows);
	for (size_t i = 0; i < nm->nlists; i++)
		free(nm->lists[i].v);
	free(nm->lists);
	free(nm->anyform);
	tql_strmap_free(&nm->keys);
	tql_strmap_free(&nm->given);
	tql_strmap_free(&nm->dated);
	for (size_t i = 0; i < nm->ndated; i++)
		free(nm->dated_cur[i]);
	free(nm->dated_cur);
	for (size_t i = 0; i < nm->nruuk; i++)
		free(nm->ruuk_uk[i]);
	free(nm->ruuk_uk);
	tql_strmap_free(&nm->ruuk);
	tql_strmap_free(&nm->ruuk_shared);
	tql_strmap_free(&nm->pairs);
	tql_strmap_free(&nm->phon);
	tql_strmap_free(&nm->dels);
	tql_strmap_free(&nm->gfirst);
	tql_strmap_free(&nm->stems);
	tql_strmap_free(&nm->tphon);
	tql_strmap_free(&nm->tphon_ph);
	tql_strmap_free(&nm->tphon_local[0]);
	tql_strmap_free(&nm->tphon_local[1]);
	tql_strmap_free(&nm->tphon_local_ph[0]);
	tql_strmap_free(&nm->tphon_local_ph[1]);
	tql_strmap_free(&nm->eng);
	tql_strmap_free(&nm->cognates);
	tql_strmap_free(&nm->rowmap);
	tql_strmap_free(&nm->entity_langs);
	tql_strmap_free(&nm->prefer);
	for (size_t i = 0; i < nm->nprefer; i++) {
		free(nm->prefer_forms[i]);
		free(nm->prefer_shown[i]);
	}
	free(nm->prefer_forms);
	free(nm->prefer_shown);
	tql_strmap_free(&nm->langs);
	for (size_t i = 0; i < nm->nfiles; i++)
		free(nm->files[i]);
	free(nm->files);
	free(nm);
}

/* Looks up "lang SEP key" in m. */
static const struct tql_hitlist *lookup(const tql_names *nm, const tql_strmap *m, const char *lang,
                                        const char *key, size_t klen)
{
	char buf[512];
	size_t ll = strlen(lang);
	if (ll + 1 + klen > sizeof buf)
		return NULL;
	memcpy(buf, lang, ll);
	buf[ll] = SEP[0];
	memcpy(buf + ll + 1, key, klen);
	uintptr_t idx;
	if (!tql_strmap_get(m, buf, ll + 1 + klen, &idx))
		return NULL;
	return &nm->lists[idx];
}

const struct tql_hitlist *tql_names_lookup(const tql_names *nm, const char *lang, const char *key,
                                           size_t klen)
{
	return lookup(nm, &nm->keys, lang, key, klen);
}

const struct tql_hitlist *tql_names_phon(const tql_names *nm, const char *lang, const char *pkey)
{
	return lookup(nm, &nm->phon, lang, pkey, strlen(pkey));
}

const struct tql_hitlist *tql_names_dels(const tql_names *nm, const char *lang, const char *key,
                                         size_t klen)
{
	return lookup(nm, &nm->dels, lang, key, klen);
}

/* The hit list of a key in a map without a language prefix; NULL if none. */
static const struct tql_hitlist *plain_lookup(const tql_names *nm, const tql_strmap *m,
                                              const char *key, size_t n)
{
	uintptr_t idx;
	if (!tql_strmap_get(m, key, n, &idx))
		return NULL;
	return &nm->lists[idx];
}

const struct tql_hitlist *tql_names_eng(const tql_names *nm, const char *pkey, size_t n)
{
	return plain_lookup(nm, &nm->eng, pkey, n);
}

const struct tql_hitlist *tql_names_tphon(const tql_names *nm, const char *pkey)
{
	return plain_lookup(nm, &nm->tphon, pkey, strlen(pkey));
}

/* The slot of lang in tphon_local and tphon_local_ph (the order of the
 * transliterators tr[3], tr[4] in build_translit_index), -1 if none. */
static int local_slot(const char *lang)
{
	return strcmp(lang, "fr") == 0 ? 0 : strcmp(lang, "de") == 0 ? 1 : -1;
}

const struct tql_hitlist *tql_names_tphon_local(const tql_names *nm, const char *lang,
                                                const char *key)
{
	int t = local_slot(lang);
	return t < 0 ? NULL : plain_lookup(nm, &nm->tphon_local[t], key, strlen(key));
}

const struct tql_hitlist *tql_names_tphon_local_sound(const tql_names *nm, const char *lang,
                                                      const char *key)
{
	int t = local_slot(lang);
	return t < 0 ? NULL : plain_lookup(nm, &nm->tphon_local_ph[t], key, strlen(key));
}

const struct tql_hitlist *tql_names_tphon_sound(const tql_names *nm, const char *pkey)
{
	return plain_lookup(nm, &nm->tphon_ph, pkey, strlen(pkey));
}

const struct tql_hitlist *tql_names_stem(const tql_names *nm, const char *lang, const char *skey,
                                         size_t klen)
{
	const struct tql_hitlist *hl = lookup(nm, &nm->stems, lang, skey, klen);
	/* a Ukrainian stem softened before the -і of the dative and locative
	 * (uk_soft): without a stem as written, try the stem it came from */
	char alt[256];
	if (hl || strcmp(lang, "uk") != 0 || klen < 8 || klen >= sizeof alt)
		return hl;
	for (size_t i = 0; i < sizeof uk_soft / sizeof *uk_soft; i++)
		if (memcmp(skey + klen - 2, uk_soft[i][1], 2) == 0) {
			memcpy(alt, skey, klen - 2);
			memcpy(alt + klen - 2, uk_soft[i][0], 2);
			return lookup(nm, &nm->stems, lang, alt, klen);
		}
	return NULL;
}

const struct tql_hitlist *tql_names_oblique(const tql_names *nm, const char *lang, const char *skey,
                                            size_t klen)
{
	char buf[256];
	if (klen + 1 >= sizeof buf)
		return NULL;
	buf[0] = '~';
	memcpy(buf + 1, skey, klen);
	return lookup(nm, &nm->stems, lang, buf, klen + 1);
}

const struct tql_hitlist *tql_names_by_given(const tql_names *nm, const char *lang,
                                             const char *key, size_t klen)
{
	return lookup(nm, &nm->gfirst, lang, key, klen);
}

bool tql_names_is_given(const tql_names *nm, const char *folded, size_t n)
{
	return tql_strmap_get(&nm->given, folded, n, NULL);
}

bool tql_names_has_pair(const tql_names *nm, const char *lang, const char *given,
                        const char *family)
{
	char buf[512];
	int k = snprintf(buf, sizeof buf, "%s" SEP "%s" SEP "%s", lang, given, family);
	return k > 0 && (size_t)k < sizeof buf && tql_strmap_get(&nm->pairs, buf, (size_t)k, NULL);
}

const tql_name_row *tql_names_entity_row(const tql_names *nm, const char *id, const char *lang)
{
	char buf[256];
	int k = snprintf(buf, sizeof buf, "%s" SEP "%s", id, lang);
	uintptr_t v;
	if (k <= 0 || (size_t)k >= sizeof buf || !tql_strmap_get(&nm->entity_langs, buf, (size_t)k, &v))
		return NULL;
	return &nm->rows[v - 1];
}

bool tql_names_entity_has_lang(const tql_names *nm, const char *id, const char *lang)
{
	char buf[256];
	int k = snprintf(buf, sizeof buf, "%s" SEP "%s", id, lang);
	return k > 0 && (size_t)k < sizeof buf && tql_strmap_get(&nm->entity_langs, buf, (size_t)k, NULL);
}

bool tql_names_has_lang(const tql_names *nm, const char *lang)
{
	return tql_strmap_get(&nm->langs, lang, strlen(lang), NULL);
}

tql_status tql_names_add_file(tql_engine *eng, tql_names *nm, const char *path)
{
	char **nf = realloc(nm->files, (nm->nfiles + 1) * sizeof *nf);
	if (!nf)
		return TQL_ENOMEM;
	nm->files = nf;
	if (!(nm->files[nm->nfiles] = tql_strndup(path, strlen(path))))
		return TQL_ENOMEM;
	char *ref = nm->files[nm->nfiles++];
	size_t from = nm->nrows;
	tql_status st = load_file(eng, nm, path, ref, 0);
	if (st == TQL_OK)
		st = extend_latin(nm, from);
	if (st == TQL_OK)
		st = build_index(nm, from);
	if (st == TQL_OK)
		st = load_file(eng, nm, path, ref, 2);
	if (st == TQL_OK)
		st = extend_cognates(nm);
	if (st == TQL_OK)
		st = build_translit_index(nm);
	return st;
}

const char *tql_names_preferred(const tql_names *nm, const char *lang, const char *id,
                                const char **shown)
{
	char buf[256];
	int k = snprintf(buf, sizeof buf, "%s" SEP "%s", lang, id);
	uintptr_t idx;
	if (k <= 0 || (size_t)k >= sizeof buf || !tql_strmap_get(&nm->prefer, buf, (size_t)k, &idx))
		return NULL;
	if (shown)
		*shown = nm->prefer_shown[idx];
	return nm->prefer_forms[idx];
}

tql_status tql_engine_add_names(tql_engine *eng, const char *path)
{
	return tql_names_add_file(eng, eng->names, path);
}

tql_status tql_engine_prefer(tql_engine *eng, const char *lang, const char *form)
{
	tql_names *nm = eng->names;
	tql_buf f = {0}, key = {0};
	tql_status st = TQL_ENOMEM;
	if (!tql_fold(form, strlen(form), &f))
		goto done;
	const struct tql_hitlist *hl = tql_names_lookup(nm, lang, f.p, f.n);
	const tql_name_hit *ok = NULL;
	for (size_t h = 0; hl && h < hl->n; h++)
		if (hl->v[h].type != TQL_FORM_ERROR)
			ok = &hl->v[h];
	if (!ok) {
		st = tql_engine_fail(eng, TQL_EUSAGE, "preferred form '%s' is not a correct form in the %s name table", form, lang);
		goto done;
	}
	char **pf = realloc(nm->prefer_forms, (nm->nprefer + 1) * sizeof *pf);
	if (!pf)
		goto done;
	nm->prefer_forms = pf;
	pf = realloc(nm->prefer_shown, (nm->nprefer + 1) * sizeof *pf);
	if (!pf)
		goto done;
	nm->prefer_shown = pf;
	if (!(nm->prefer_shown[nm->nprefer] = tql_strndup(form, strlen(form))))
		goto done;
	if (!tql_buf_printf(&key, "%s" SEP "%s", lang, nm->rows[ok->row].id) ||
	    !tql_strmap_put(&nm->prefer, key.p, key.n, nm->nprefer))
		goto done;
	nm->prefer_forms[nm->nprefer++] = tql_buf_take(&f);
	st = TQL_OK;
done:
	tql_buf_free(&f);
	tql_buf_free(&key);
	return st;
}

int tql_names_osa(const char *a, size_t na, const char *b, size_t nb)
{
	int32_t x[64], y[64];
	size_t lx = 0, ly = 0, i = 0;
	while (i < na && lx < 64)
		x[lx++] = tql_u8_next(a, na, &i);
	i = 0;
	while (i < nb && ly < 64)
		y[ly++] = tql_u8_next(b, nb, &i);
	if (lx >= 64 || ly >= 64 || lx > ly + 3 || ly > lx + 3)
		return 3;
	int d[65][65];
	for (size_t p = 0; p <= lx; p++)
		d[p][0] = (int)p;
	for (size_t q = 0; q <= ly; q++)
		d[0][q] = (int)q;
	for (size_t p = 1; p <= lx; p++) {
		for (size_t q = 1; q <= ly; q++) {
			int cost = x[p - 1] != y[q - 1];
			int v = d[p - 1][q] + 1;
			if (d[p][q - 1] + 1 < v)
				v = d[p][q - 1] + 1;
			if (d[p - 1][q - 1] + cost < v)
				v = d[p - 1][q - 1] + cost;
			if (p > 1 && q > 1 && x[p - 1] == y[q - 2] && x[p - 2] == y[q - 1] &&
			    d[p - 2][q - 2] + 1 < v)
				v = d[p - 2][q - 2] + 1;
			d[p][q] = v;
		}
	}
	return d[lx][ly] > 3 ? 3 : d[lx][ly];
}
