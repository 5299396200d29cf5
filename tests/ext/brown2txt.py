#!/usr/bin/env python3
"""Convert the tagged Brown corpus (form C, NLTK layout: one file per text,
sentences as word/tag tokens, a tab starting each paragraph) to plain prose.

usage: brown2txt.py PACKAGE_DIR OUT_DIR

Writes OUT_DIR/all.txt (all 500 texts) and OUT_DIR/news.txt (press
categories A reportage, B editorial, C reviews). One paragraph per line,
paragraphs separated by a blank line. Tags are dropped and the tokenisation
is undone: punctuation attached, `` '' turned into “ ”, -- into an em dash,
and ,/. moved inside a closing quote as American prose has them.
"""
import os
import re
import sys

NEWS_CATEGORIES = ("a", "b", "c")
FILE_RE = re.compile(r"^c([a-r])\d\d$")

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "”", "%"}
NO_SPACE_AFTER = {"(", "[", "{", "“", "$"}


def word_of(token):
    """'Atlanta's/np$' -> "Atlanta's"; '//in' -> '/'."""
    if "/" not in token:
        return token
    word, _tag = token.rsplit("/", 1)
    return word


def is_headline(tokens):
    # punctuation tokens (tags without letters, e.g. '/' or ,/,) do not count
    tags = [t.rsplit("/", 1)[1] for t in tokens if "/" in t]
    tags = [tag for tag in tags if re.search(r"[a-z]", tag)]
    return bool(tags) and all(tag.endswith("-hl") or "-hl-" in tag for tag in tags)


def detokenise(words):
    out = []          # output pieces
    glue_next = True  # no space before the next piece
    single_open = False
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        if w == "``":
            w = "“"
        elif w == "''":
            w = "”"
        elif w == "--":
            out.append("—")
            glue_next = True
            continue
        elif w == "/":
            out.append("/")
            glue_next = True
            continue
        elif w == "'":
            prev = out[-1] if out else ""
            opening = (not out or prev in ("“", "(", "[", "—") or prev.endswith((",", ":", ";"))
                       or (not single_open and nxt not in (None, "''", ",", ".", ";", ":", "?", "!", ")")))
            if opening:
                if not glue_next:
                    out.append(" ")
                out.append("‘")
                glue_next = True
                single_open = True
            else:
                out.append("’")
                glue_next = False
                single_open = False
            continue
        if w == "." and out and out[-1].endswith("."):
            continue  # "Jr. ." -> "Jr."
        if w in (",", ".") and out and out[-1] in ("”", "’"):
            # The tagged corpus puts commas and full stops after closing
            # quotes; American edited prose has them inside: ,” and .”
            q = out.pop()
            if not (w == "." and out and out[-1].endswith((".", "?", "!"))):
                out.append(w)
            out.append(q)
            glue_next = False
            continue
        if out and not glue_next and w not in NO_SPACE_BEFORE:
            out.append(" ")
        out.append(w)
        glue_next = w in NO_SPACE_AFTER
    text = "".join(out)
    # a few leftovers of the token stream
    text = re.sub(r" +", " ", text).strip()
    return text


def paragraphs_of(path):
    paras = []
    cur = []
    after_headline = False
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.rstrip("\n")
            if not line.strip():
                continue
            tokens = line.split()
            headline = is_headline(tokens)
            starts_para = line.startswith("\t") or headline or after_headline
            if starts_para and cur:
                paras.append(cur)
                cur = []
            cur.extend(word_of(t) for t in tokens)
            if headline:
                paras.append(cur)
                cur = []
            after_headline = headline
    if cur:
        paras.append(cur)
    return [p for p in (detokenise(ws) for ws in paras) if p]


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1], sys.argv[2]
    files = sorted(f for f in os.listdir(src) if FILE_RE.match(f))
    if len(files) != 500:
        sys.exit(f"brown2txt: expected 500 Brown text files in {src}, found {len(files)}")
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(dst, "all.txt"), "w", encoding="utf-8") as all_fh, \
         open(os.path.join(dst, "news.txt"), "w", encoding="utf-8") as news_fh:
        for name in files:
            paras = paragraphs_of(os.path.join(src, name))
            block = "".join(p + "\n\n" for p in paras)
            all_fh.write(block)
            if FILE_RE.match(name).group(1) in NEWS_CATEGORIES:
                news_fh.write(block)


if __name__ == "__main__":
    main()
