/* map.c - offset maps from analysed text back to the bytes it came from. */
#include "internal.h"

#include <stdlib.h>

/* Appends a piece; merges consecutive identity pieces. */
static bool map_push(tql_map *m, size_t a_len, size_t s_len, bool identity)
{
	if (identity && m->n && m->v[m->n - 1].identity) {
		m->v[m->n - 1].a_len += a_len;
		m->v[m->n - 1].s_len += s_len;
	} else {
		if (!TQL_GROW(m->v, m->cap, m->n + 1))
			return false;
		m->v[m->n++] = (tql_seg){m->a_end, a_len, m->s_end, s_len, identity};
	}
	m->a_end += a_len;
	m->s_end += s_len;
	return true;
}

bool tql_map_copy(tql_map *m, size_t n)
{
	return n == 0 || map_push(m, n, n, true);
}

bool tql_map_replace(tql_map *m, size_t a_len, size_t s_len)
{
	return map_push(m, a_len, s_len, false);
}

/* Index of the last piece whose a_off <= a (pieces are sorted). */
static size_t seg_at(const tql_map *m, size_t a)
{
	size_t lo = 0, hi = m->n;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (m->v[mid].a_off <= a)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t tql_map_start(const tql_map *m, size_t a)
{
	if (!m->n)
		return a;
	size_t i = seg_at(m, a);
	/* skip empty pieces and land on the one that holds a */
	while (i + 1 < m->n && m->v[i].a_off + m->v[i].a_len <= a && m->v[i + 1].a_off <= a)
		i++;
	const tql_seg *s = &m->v[i];
	if (a >= s->a_off + s->a_len)
		return s->s_off + s->s_len;
	return s->identity ? s->s_off + (a - s->a_off) : s->s_off;
}

size_t tql_map_end(const tql_map *m, size_t a)
{
	if (!m->n)
		return a;
	if (a == 0)
		return m->v[0].s_off;
	size_t i = seg_at(m, a - 1);
	const tql_seg *s = &m->v[i];
	while (i > 0 && s->a_len == 0) {
		i--;
		s = &m->v[i];
	}
	if (a > s->a_off + s->a_len)
		return s->s_off + s->s_len;
	return s->identity ? s->s_off + (a - s->a_off) : s->s_off + s->s_len;
}

void tql_map_free(tql_map *m)
{
	free(m->v);
	*m = (tql_map){0};
}
