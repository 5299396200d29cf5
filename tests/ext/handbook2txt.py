#!/usr/bin/env python3
"""Plain-text paragraphs from the Debian Administrator's Handbook HTML.

usage: handbook2txt.py HTML_ROOT LANG_DIR OUT.txt MAX_BYTES [EN_DIR]

The book is Publican/DocBook output: its prose paragraphs are
<div class="para"> (DocBook <para>); the few plain <p> without a class are
taken too. <p class="title">, <p id="title">, <p class="copyright"> are
headings, not paragraphs, and are skipped. Inside a paragraph the text of
<pre> blocks, <div class="url"> link lines and hidden index terms is left out;
tags are stripped and entities decoded by html.parser.

Pages are read in book order (index.html, then the rel="next" chain).
Output: one paragraph per line, paragraphs separated by a blank line, at
most MAX_BYTES bytes of UTF-8 (whole paragraphs only).

If EN_DIR (the en-US directory) is given and differs from LANG_DIR, a
paragraph of at least 4 words counts as untranslated and is left out of
OUT.txt when it is identical to an English paragraph of the same page once
cross-reference link texts (which Publican localises even inside untranslated
paragraphs) are removed from both, or when it reads as English by a
function-word test (>= 18 % of its >= 8 words are common English words).
Prints one TSV line to stdout:
lang  pages  paragraphs  untranslated  untranslated_pct  written  bytes
"""
import html.parser
import os
import re
import sys

SKIP_CONTAINERS = {"pre", "script", "style"}
VOID = {"br", "img", "meta", "link", "hr", "input", "col", "area", "wbr", "base"}


class ParaParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []        # (tag, kind) kind: 'para', 'skip' or None
        self.depth_para = 0
        self.depth_skip = 0
        self.depth_xref = 0
        self.cur = []
        self.curkey = []
        self.keys = []
        self.paras = []
        self.next_href = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("rel") == "next":
            self.next_href = a.get("href")
        if tag in VOID:
            if tag == "br" and self.depth_para:
                self.cur.append(" ")
            return
        cls = (a.get("class") or "").split()
        kind = None
        if (tag == "div" and "para" in cls) or (tag == "p" and not cls and "id" not in a):
            kind = "para"
            if self.depth_para and not self.depth_skip:
                self._flush()       # nested paragraph: end the outer one here
            self.depth_para += 1
        elif tag in SKIP_CONTAINERS or (tag == "div" and "url" in cls) or "indexterm" in cls:
            kind = "skip"
            self.depth_skip += 1
        elif tag == "a" and "xref" in cls:
            kind = "xref"   # localised cross-reference text ("see Chapter 6, ...")
            self.depth_xref += 1
        elif self.depth_para and tag in ("div", "li", "p", "td", "th", "dt", "dd"):
            self.cur.append(" ")
        self.stack.append((tag, kind))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        # pop up to the matching tag (tolerates sloppy nesting)
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                break
        else:
            return
        while len(self.stack) > i:
            _t, kind = self.stack.pop()
            if kind == "para":
                self.depth_para -= 1
                if not self.depth_skip:
                    self._flush()
            elif kind == "skip":
                self.depth_skip -= 1
            elif kind == "xref":
                self.depth_xref -= 1

    def handle_data(self, data):
        if self.depth_para and not self.depth_skip:
            self.cur.append(data)
            if not self.depth_xref:
                self.curkey.append(data)

    def _flush(self):
        text = norm("".join(self.cur))
        key = norm("".join(self.curkey))
        self.cur = []
        self.curkey = []
        if text:
            self.paras.append(text)
            self.keys.append(key)


def norm(s):
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


# Words frequent in English prose and rare as words in de/fr/es/it/ru text.
EN_WORDS = set("the of and is that which are with this it for can you from by "
               "have their its when should they these there been".split())


def looks_english(text):
    words = re.findall(r"[^\W\d_]+", text.lower())
    if len(words) < 8:
        return False
    return sum(w in EN_WORDS for w in words) / len(words) >= 0.18


def parse(path):
    p = ParaParser()
    with open(path, encoding="utf-8") as fh:
        p.feed(fh.read())
    p.close()
    return p.paras, p.keys, p.next_href


def book_order(lang_dir):
    pages = sorted(f for f in os.listdir(lang_dir) if f.endswith(".html"))
    order, seen = [], set()
    cur = "index.html" if "index.html" in pages else None
    while cur and cur not in seen and cur in pages:
        seen.add(cur)
        order.append(cur)
        _paras, _keys, nxt = parse(os.path.join(lang_dir, cur))
        cur = nxt.split("#")[0] if nxt else None
    order += [p for p in pages if p not in seen]
    return order


def main():
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    root, lang, dst, max_bytes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    en = sys.argv[5] if len(sys.argv) == 6 else None
    lang_dir = os.path.join(root, lang)
    order = book_order(lang_dir)
    total = untranslated = written = size = 0
    full = False
    with open(dst, "w", encoding="utf-8") as out:
        for page in order:
            paras, keys, _ = parse(os.path.join(lang_dir, page))
            en_set = set()
            if en and en != lang and os.path.exists(os.path.join(root, en, page)):
                en_set = set(parse(os.path.join(root, en, page))[1])
            for para, key in zip(paras, keys):
                total += 1
                if en and en != lang and len(para.split()) >= 4 and (
                        key in en_set or looks_english(para)):
                    untranslated += 1
                    continue
                if full:
                    continue
                chunk = (para + "\n\n").encode("utf-8")
                if size + len(chunk) > max_bytes:
                    full = True
                    continue
                out.write(para + "\n\n")
                size += len(chunk)
                written += 1
    pct = 100.0 * untranslated / total if total else 0.0
    print(f"{lang}\t{len(order)}\t{total}\t{untranslated}\t{pct:.1f}\t{written}\t{size}")


if __name__ == "__main__":
    main()
