#!/usr/bin/env python3
"""Labelled paragraphs of Debian handbook pages, for language.switch.

usage: handbook_paras.py HTML_ROOT LANG OUT.txt OUT.labels [PAGE.html ...]

Reads build/ext/handbook/<LANG>/PAGE.html (all pages when none is named) with
the paragraph parser of tests/ext/handbook2txt.py and writes every paragraph
of at least 4 words to OUT.txt, one per line, paragraphs separated by a blank
line (the file tqlint checks). OUT.labels gets one line per paragraph:
LINE<TAB>LABEL<TAB>PAGE, LABEL "en" when the paragraph is identical to a
paragraph of the same en page once cross-reference texts are removed (the
untranslated English Publican copies into translations), else "tr".
Only the identity test labels: the function-word test of handbook2txt.py is
not used, so the labels do not depend on any language detector.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "ext"))
import handbook2txt  # noqa: E402


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    root, lang, out_txt, out_lab = sys.argv[1:5]
    pages = sys.argv[5:] or sorted(p for p in os.listdir(os.path.join(root, lang))
                                  if p.endswith(".html"))
    line = 1
    with open(out_txt, "w", encoding="utf-8") as txt, open(out_lab, "w") as lab:
        for page in pages:
            paras, keys, _ = handbook2txt.parse(os.path.join(root, lang, page))
            en_path = os.path.join(root, "en", page)
            en_keys = set(handbook2txt.parse(en_path)[1]) if os.path.exists(en_path) else set()
            for para, key in zip(paras, keys):
                if len(para.split()) < 4:
                    continue
                label = "en" if key in en_keys else "tr"
                txt.write(para + "\n\n")
                lab.write(f"{line}\t{label}\t{page}\n")
                line += 2


if __name__ == "__main__":
    main()
