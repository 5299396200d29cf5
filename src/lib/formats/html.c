/* html.c - reader for HTML (gumbo, an HTML5 parser that keeps source
 * positions). The analysed text is the text of <title> and <body> without
 * script, style, code, pre and comments; entities are decoded while every
 * piece stays mapped to its source bytes. <html lang> sets the document
 * language; other elements' lang attributes are recorded (doc->lspan). */
#include "reader.h"

#include <gumbo.h>
#include <string.h>
#include <strings.h>

/* Elements whose content is not prose. */
static bool skipped(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_CODE: case GUMBO_TAG_PRE:
	case GUMBO_TAG_KBD: case GUMBO_TAG_SAMP: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_IFRAME:
	case GUMBO_TAG_OBJECT: case GUMBO_TAG_SELECT: case GUMBO_TAG_HEAD:
		return true;
	default:
		return false;
	}
}

/* Elements that end a paragraph (a blank line in the analysed text). */
static bool block(GumboTag t)
{
	switch (t) {
	case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
	case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
	case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
	case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TD: case GUMBO_TAG_TH:
	case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BLOCKQUOTE:
	case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_MAIN: case GUMBO_TAG_FIGURE:
	case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
	case GUMBO_TAG_SUMMARY: case GUMBO_TAG_FORM: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_LEGEND:
	case GUMBO_TAG_HR: case GUMBO_TAG_TITLE: case GUMBO_TAG_BODY: case GUMBO_TAG_OPTION:
		return true;
	default:
		return false;
	}
}

/* Writes a run of decoded text (gumbo's `dec`) whose source is
 * src[off..off+olen), aligning the two so that each piece keeps its source
 * position: equal bytes map one to one, a character reference maps to its
 * decoded character, CR/CRLF to LF. Where the two cannot be aligned the
 * rest maps as one piece. */
static bool put_text(tql_reader *rd, const char *dec, size_t off, size_t olen)
{
	const char *o = rd->doc->src + off;
	size_t dn = strlen(dec), i = 0, j = 0;
	while (i < olen && j < dn) {
		size_t k = 0;
		while (i + k < olen && j + k < dn && o[i + k] == dec[j + k] && o[i + k] != '&' &&
		       o[i + k] != '\r')
			k++;
		/* back off to a code point boundary */
		while (k && i + k < olen && ((unsigned char)o[i + k] & 0xC0) == 0x80)
			k--;
		if (k) {
			if (!tql_rd_src(rd, off + i, k))
				return false;
			i += k;
			j += k;
			continue;
		}
		if (o[i] == '\r' && dec[j] == '\n') {
			size_t c = (i + 1 < olen && o[i + 1] == '\n') ? 2 : 1;
			if (!tql_rd_lit(rd, "\n", 1, off + i, c))
				return false;
			i += c;
			j++;
			continue;
		}
		if (o[i] == '&') {
			char u[8];
			size_t ulen = 0, used = tql_entity_decode(o + i, olen - i, u, &ulen);
			if (used && ulen <= dn - j && memcmp(dec + j, u, ulen) == 0) {
				if (!tql_rd_lit(rd, u, ulen, off + i, used))
					return false;
				i += used;
				j += ulen;
				continue;
			}
			if (dec[j] == '&') { /* not a reference: literal */
				if (!tql_rd_src(rd, off + i, 1))
					return false;
				i++;
				j++;
				continue;
			}
			/* a reference we do not know: its length in the source is
			 * '&' name ';', its decoded form one or two code points */
			size_t e = i + 1;
			while (e < olen && e - i < 40 && o[e] != ';' && o[e] != '&' && o[e] != ' ' && o[e] != '<')
				e++;
			if (e < olen && o[e] == ';') {
				e++;
				size_t jj = j;
				for (int cps = 1; cps <= 2; cps++) {
					tql_u8_next(dec, dn, &jj);
					size_t cmp = olen - e < dn - jj ? olen - e : dn - jj;
					if (cmp > 8)
						cmp = 8;
					if (memcmp(o + e, dec + jj, cmp) == 0 && (cmp || (e == olen && jj == dn))) {
						if (!tql_rd_lit(rd, dec + j, jj - j, off + i, e - i))
							return false;
						i = e;
						j = jj;
						goto next;
					}
				}
			}
		} else {
			/* invalid UTF-8 that the parser replaced with U+FFFD */
			size_t c = i;
			if (tql_u8_next(o, olen, &c) < 0 && dn - j >= 3 && memcmp(dec + j, "\xEF\xBF\xBD", 3) == 0) {
				if (!tql_rd_lit(rd, dec + j, 3, off + i, c - i))
					return false;
				i = c;
				j += 3;
				continue;
			}
		}
		break; /* cannot align: map the rest as one piece */
	next:;
	}
	if (j < dn || i < olen)
		return tql_rd_lit(rd, dec + j, dn - j, off + i, olen - i);
	return true;
}

/* Writes an attribute value (alt text) as a phrase of its own. */
static bool put_attr(tql_reader *rd, const GumboAttribute *a)
{
	const GumboStringPiece *o = &a->original_value;
	const char *src = rd->doc->src;
	if (!a->value[0] || !tql_rd_sep(rd, " "))
		return true;
	size_t off = a->value_start.offset, len = o->length;
	if (o->data < src || o->data + len > src + rd->doc->src_len)
		return tql_rd_lit(rd, a->value, strlen(a->value), rd->s_pos, 0) && tql_rd_sep(rd, " ");
	off = (size_t)(o->data - src);
	if (len >= 2 && (o->data[0] == '"' || o->data[0] == '\'') && o->data[len - 1] == o->data[0]) {
		off++;
		len -= 2;
	}
	return put_text(rd, a->value, off, len) && tql_rd_sep(rd, " ");
}

/* The value of attribute `name` of element e, or NULL. */
static const char *attr(const GumboElement *e, const char *name)
{
	const GumboAttribute *a = gumbo_get_attribute(&e->attributes, name);
	return a ? a->value : NULL;
}

/* Records that raw text [a, b) is in language `lang`. */
static bool add_lang_span(tql_doc *doc, size_t a, size_t b, const char *lang)
{
	if (b <= a || !lang || !*lang)
		return true;
	if (!TQL_GROW(doc->lspan, doc->lspancap, doc->nlspan + 1))
		return false;
	tql_lang_span *s = &doc->lspan[doc->nlspan++];
	s->off = a;
	s->len = b - a;
	snprintf(s->lang, sizeof s->lang, "%s", lang);
	return true;
}

typedef struct frame {
	const GumboNode *node;
	unsigned next;      /* next child to visit */
	size_t start;       /* analysed length when entered */
} frame;

/* Walks the tree below `root` iteratively (deep nesting cannot overflow the
 * stack), writing prose to the reader. */
static bool walk(tql_reader *rd, const GumboNode *root, int *unclosed)
{
	frame *st = NULL;
	size_t n = 0, cap = 0;
	bool ok = false;
	if (!TQL_GROW(st, cap, 1))
		return false;
	st[n++] = (frame){root, 0, rd->out.n};
	while (n) {
		frame *f = &st[n - 1];
		const GumboElement *e = &f->node->v.element;
		if (f->next >= e->children.length) {
			if (block(e->tag) && !tql_rd_sep(rd, "\n\n"))
				goto done;
			if (n > 1 && !add_lang_span(rd->doc, f->start, rd->out.n, attr(e, "lang")))
				goto done;
			n--;
			continue;
		}
		const GumboNode *c = e->children.data[f->next++];
		switch (c->type) {
		case GUMBO_NODE_ELEMENT:
		case GUMBO_NODE_TEMPLATE:
			if (skipped(c->v.element.tag)) {
				GumboTag t = c->v.element.tag;
				/* inline code stands for a word of the sentence: a neutral
				 * placeholder keeps the words and punctuation around it
				 * apart ("run <code>ls</code>, then" -> "run 0, then");
				 * a skipped block ends the paragraph */
				if (t == GUMBO_TAG_CODE || t == GUMBO_TAG_KBD || t == GUMBO_TAG_SAMP) {
					if (!tql_rd_lit(rd, "0", 1, rd->s_pos, 0))
						goto done;
				} else if (t == GUMBO_TAG_PRE || t == GUMBO_TAG_TEXTAREA || t == GUMBO_TAG_TEMPLATE) {
					if (!tql_rd_sep(rd, "\n\n"))
						goto done;
				}
				break;
			}
			if (c->v.element.tag == GUMBO_TAG_IMG) { /* alt text is published */
				const GumboAttribute *a = gumbo_get_attribute(&c->v.element.attributes, "alt");
				if (a && !put_attr(rd, a))
					goto done;
				break;
			}
			if (c->v.element.tag == GUMBO_TAG_BR) {
				if (!tql_rd_sep(rd, "\n"))
					goto done;
				break;
			}
			if (block(c->v.element.tag) && !tql_rd_sep(rd, "\n\n"))
				goto done;
			if (!TQL_GROW(st, cap, n + 1))
				goto done;
			st[n++] = (frame){c, 0, rd->out.n};
			break;
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_WHITESPACE:
		case GUMBO_NODE_CDATA: {
			const GumboText *t = &c->v.text;
			const char *src = rd->doc->src;
			if (t->original_text.data >= src &&
			    t->original_text.data + t->original_text.length <= src + rd->doc->src_len) {
				if (!put_text(rd, t->text, (size_t)(t->original_text.data - src),
				              t->original_text.length))
					goto done;
			} else if (!tql_rd_lit(rd, t->text, strlen(t->text), rd->s_pos, 0)) {
				goto done;
			}
			break;
		}
		case GUMBO_NODE_COMMENT: {
			const GumboStringPiece *o = &c->v.text.original_text;
			if (*unclosed < 0 && (o->length < 7 || memcmp(o->data + o->length - 3, "-->", 3) != 0))
				*unclosed = (int)c->v.text.start_pos.offset;
			break;
		}
		default:
			break;
		}
	}
	ok = true;
done:
	free(st);
	return ok;
}

/* The first child element of `parent` with tag t, or NULL. */
static const GumboNode *child(const GumboNode *parent, GumboTag t)
{
	const GumboVector *v = &parent->v.element.children;
	for (unsigned i = 0; i < v->length; i++) {
		const GumboNode *c = v->data[i];
		if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == t)
			return c;
	}
	return NULL;
}

/* Reports each invalid UTF-8 sequence of the source once. */
static bool report_invalid(tql_reader *rd)
{
	const char *s = rd->doc->src;
	size_t n = rd->doc->src_len, i = 0;
	while (rd->bad_utf8 >= 0 && i < n) {
		i += tql_u8_valid_prefix(s + i, n - i);
		if (i >= n)
			break;
		size_t k = i;
		tql_u8_next(s, n, &k);
		if (!tql_emit_src(rd->doc, rd->bad_utf8, i, k - i, NULL, false,
		                  "invalid UTF-8 byte sequence (%zu byte%s); the file is not valid UTF-8 here",
		                  k - i, k - i == 1 ? "" : "s"))
			return false;
		i = k;
	}
	return true;
}

/*
 * Reads HTML: fills doc->raw / raw_map with the text of <title> and <body>,
 * doc->doc_lang from <html lang>, doc->lspan from other lang attributes.
 * Broken markup is repaired by the HTML5 parsing rules; an unclosed comment
 * (which hides the rest of the page) is reported as garbled.markup.
 */
tql_status tql_read_html(tql_engine *eng, tql_doc *doc)
{
	if (memchr(doc->src, '\0', doc->src_len))
		return TQL_EBINARY;
	if (doc->src_len > 0x7FFFFFFF)
		return TQL_EUSAGE;
	tql_reader rd;
	tql_rd_init(&rd, eng, doc);
	GumboOutput *out = gumbo_parse_with_options(&kGumboDefaultOptions, doc->src, doc->src_len);
	if (!out)
		return TQL_ENOMEM;
	tql_status st = TQL_ENOMEM;
	int unclosed = -1;
	const GumboNode *html = out->root;
	const char *lang = attr(&html->v.element, "lang");
	if (!lang)
		lang = attr(&html->v.element, "xml:lang");
	if (lang)
		snprintf(doc->doc_lang, sizeof doc->doc_lang, "%s", lang);
	const GumboNode *head = child(html, GUMBO_TAG_HEAD);
	const GumboNode *title = head ? child(head, GUMBO_TAG_TITLE) : NULL;
	if (!report_invalid(&rd))
		goto done;
	if (title && !walk(&rd, title, &unclosed))
		goto done;
	if (!tql_rd_sep(&rd, "\n\n"))
		goto done;
	const GumboNode *body = child(html, GUMBO_TAG_BODY);
	if (body && !walk(&rd, body, &unclosed))
		goto done;
	if (head && unclosed < 0) /* a comment in <head> can hide the page too */
		for (unsigned i = 0; i < head->v.element.children.length; i++) {
			const GumboNode *c = head->v.element.children.data[i];
			if (c->type == GUMBO_NODE_COMMENT && c->v.text.original_text.length >= 4 &&
			    memcmp(c->v.text.original_text.data + c->v.text.original_text.length - 3, "-->", 3) != 0)
				unclosed = (int)c->v.text.start_pos.offset;
		}
	if (unclosed >= 0) {
		int rule = tql_rule_find(eng, "garbled.markup");
		if (rule >= 0 &&
		    !tql_emit_src(doc, rule, (size_t)unclosed, 4, NULL, false,
		                  "this HTML comment is never closed with '-->', so the rest of the "
		                  "page is hidden from readers and from this check"))
			goto done;
	}
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	out = NULL;
	return tql_rd_finish(&rd);
done:
	if (out)
		gumbo_destroy_output(&kGumboDefaultOptions, out);
	tql_rd_abort(&rd);
	return st;
}
