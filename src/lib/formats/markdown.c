/* markdown.c - reader for Markdown (md4c, CommonMark + GitHub tables,
 * strikethrough, task lists and autolinks). Only published prose reaches the
 * analysed text: code blocks and spans, link and image targets, autolinks,
 * raw HTML and HTML comments are skipped; each block is separated from the
 * next by a blank line so that paragraphs stay paragraphs. md4c's text
 * callbacks point into the input, which gives every piece its source offset.
 * Front matter (YAML --- or TOML +++) contributes only its published keys. */
#define _GNU_SOURCE /* memmem */
#include "reader.h"

#include <md4c.h>
#include <string.h>

typedef struct md_state {
	tql_reader rd;
	const char *src;
	size_t n;
	int code;            /* depth of code blocks / spans */
	int skip_html;       /* depth of inline raw HTML that swallows text */
	char href[2048];     /* innermost link target (a copy: md4c's detail dies
	                        with its callback), "" when none or too long */
	size_t href_size;
	size_t unclosed;     /* source offset of an unclosed "<!--" + 1, or 0 */
} md_state;

/* Is the piece inside the source buffer? Return its offset or SIZE_MAX. */
static size_t src_off(const md_state *st, const MD_CHAR *p, MD_SIZE size)
{
	if (p >= st->src && p + size <= st->src + st->n)
		return (size_t)(p - st->src);
	return SIZE_MAX;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	md_state *st = ud;
	(void)detail;
	if (type == MD_BLOCK_CODE)
		st->code++;
	if (type != MD_BLOCK_DOC && !tql_rd_sep(&st->rd, "\n\n"))
		return -1;
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	md_state *st = ud;
	(void)detail;
	if (type == MD_BLOCK_CODE)
		st->code--;
	if (type != MD_BLOCK_DOC && !tql_rd_sep(&st->rd, "\n\n"))
		return -1;
	return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	md_state *st = ud;
	if (type == MD_SPAN_CODE || type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY)
		st->code++;
	else if (type == MD_SPAN_A) {
		/* md4c's detail struct lives only during this callback: copy */
		const MD_ATTRIBUTE *h = &((MD_SPAN_A_DETAIL *)detail)->href;
		st->href_size = h->size < sizeof st->href ? h->size : 0;
		if (st->href_size)
			memcpy(st->href, h->text, st->href_size);
	} else if (type == MD_SPAN_IMG && !tql_rd_sep(&st->rd, " "))
		return -1;
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	md_state *st = ud;
	(void)detail;
	if (type == MD_SPAN_CODE || type == MD_SPAN_LATEXMATH || type == MD_SPAN_LATEXMATH_DISPLAY) {
		st->code--;
		/* a code span stands for a word of the sentence: a neutral
		 * placeholder keeps the words and punctuation around it apart */
		if (!tql_rd_lit(&st->rd, "0", 1, st->rd.s_pos, 0))
			return -1;
	} else if (type == MD_SPAN_A) {
		st->href_size = 0;
	} else if (type == MD_SPAN_IMG && !tql_rd_sep(&st->rd, " ")) {
		return -1;
	}
	return 0;
}

/* Is the text the tail of the link target (an autolink shows its URL)? */
static bool is_url_text(const md_state *st, const MD_CHAR *text, MD_SIZE size)
{
	if (!st->href_size || !size || st->href_size < size)
		return false;
	if (memchr(text, ' ', size))
		return false;
	return memcmp(st->href + st->href_size - size, text, size) == 0;
}

/* Raw HTML: skipped, but an HTML comment that never closes hides the rest
 * of the file, which the reader reports. */
static void note_html(md_state *st, const MD_CHAR *text, MD_SIZE size)
{
	size_t off = src_off(st, text, size);
	if (off == SIZE_MAX || st->unclosed)
		return;
	const char *p = memmem(text, size, "<!--", 4);
	if (!p)
		return;
	size_t at = off + (size_t)(p - text);
	if (!memmem(st->src + at + 4, st->n - at - 4, "-->", 3))
		st->unclosed = at + 1;
}

static int text_cb(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
	md_state *st = ud;
	tql_reader *rd = &st->rd;
	size_t off = src_off(st, text, size);
	switch (type) {
	case MD_TEXT_HTML:
		note_html(st, text, size);
		return 0;
	case MD_TEXT_CODE:
	case MD_TEXT_LATEXMATH:
		return 0;
	case MD_TEXT_BR:
	case MD_TEXT_SOFTBR:
		if (st->code)
			return 0;
		return tql_rd_sep(rd, "\n") ? 0 : -1;
	case MD_TEXT_NULLCHAR:
		return tql_rd_lit(rd, "\xEF\xBF\xBD", 3, off == SIZE_MAX ? rd->s_pos : off,
		                  off == SIZE_MAX ? 0 : size) ? 0 : -1;
	case MD_TEXT_ENTITY: {
		if (st->code || is_url_text(st, text, size))
			return 0;
		char u[8];
		size_t ulen = 0;
		size_t used = tql_entity_decode(text, size, u, &ulen);
		if (off == SIZE_MAX)
			return tql_rd_lit(rd, text, size, rd->s_pos, 0) ? 0 : -1;
		if (!used)
			return tql_rd_src(rd, off, size) ? 0 : -1;
		return tql_rd_lit(rd, u, ulen, off, size) ? 0 : -1;
	}
	case MD_TEXT_NORMAL:
	default:
		if (st->code || is_url_text(st, text, size))
			return 0;
		if (off == SIZE_MAX)
			return tql_rd_lit(rd, text, size, rd->s_pos, 0) ? 0 : -1;
		return tql_rd_src(rd, off, size) ? 0 : -1;
	}
}

/*
 * Reads Markdown: fills doc->raw / raw_map with the published prose and
 * doc->doc_lang from the front matter. Unclosed HTML comments are reported
 * (garbled.markup); invalid UTF-8 in prose as encoding.invalid-utf8.
 */
tql_status tql_read_markdown(tql_engine *eng, tql_doc *doc)
{
	if (memchr(doc->src, '\0', doc->src_len))
		return TQL_EBINARY;
	md_state st = {0};
	st.src = doc->src;
	st.n = doc->src_len;
	tql_rd_init(&st.rd, eng, doc);
	size_t body = 0;
	size_t fm = tql_front_matter_len(doc->src, doc->src_len);
	if (fm) {
		if (!tql_front_matter_read(&st.rd, 0, fm)) {
			tql_rd_abort(&st.rd);
			return TQL_ENOMEM;
		}
		body = fm;
	} else if (doc->src_len >= 3 && memcmp(doc->src, "\xEF\xBB\xBF", 3) == 0) {
		body = 3;
	}
	MD_PARSER p = {0};
	p.abi_version = 0;
	p.flags = MD_DIALECT_GITHUB;
	p.enter_block = enter_block;
	p.leave_block = leave_block;
	p.enter_span = enter_span;
	p.leave_span = leave_span;
	p.text = text_cb;
	int rc = md_parse(doc->src + body, (MD_SIZE)(doc->src_len - body), &p, &st);
	if (rc != 0 || st.rd.oom) {
		tql_rd_abort(&st.rd);
		return TQL_ENOMEM;
	}
	if (st.unclosed) {
		int rule = tql_rule_find(eng, "garbled.markup");
		if (rule >= 0 &&
		    !tql_emit_src(doc, rule, st.unclosed - 1, 4, NULL, false,
		                  "this HTML comment is never closed with '-->', so the rest of the "
		                  "file is hidden from readers and from this check"))
			return TQL_ENOMEM;
	}
	return tql_rd_finish(&st.rd);
}
