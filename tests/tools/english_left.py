#!/usr/bin/env python3
"""english_left.py ROOT LANG FILE... -- no fixed English word on a page
(or Atom feed) of another language.

The fixed words are the values of ROOT/templates/labels/en.conf: each
one that ROOT/templates/labels/LANG.conf words otherwise (or lacks) is
looked for, up to its first {field}, as a whole phrase in what a reader
sees or hears of each FILE: the text outside <script> and <style>, and
the title, aria-label, alt and content attributes (.html); the text
(.xml).  The languages' own names (lang-*) and values without a Latin
letter are not looked for.  Exit 0 when none is found, else print each
file, key and phrase and exit 1.
"""
import html.parser
import re
import sys


def table(path):
    """A labels file: {key: value}, as labels.c reads it."""
    t = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith("#") or "=" not in line:
                continue
            k, v = line.split("=", 1)
            v = re.sub(r"(^|\s)#.*", "", v.strip()).strip()
            if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
                v = v[1:-1]
            t.setdefault(k.strip(), v)
    return t


class Seen(html.parser.HTMLParser):
    """What a reader sees or hears of a page."""

    def __init__(self):
        super().__init__()
        self.parts, self.hidden = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        self.parts += [v for k, v in attrs
                       if k in ("title", "aria-label", "alt", "content") and v]

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def seen(path):
    with open(path, encoding="utf-8") as f:
        data = f.read()
    if path.endswith(".xml"):
        return re.sub(r"<[^>]*>", "\n", data)
    p = Seen()
    p.feed(data)
    return "\n".join(p.parts)


def main():
    root, lang, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    en = table(root + "/templates/labels/en.conf")
    own = table("%s/templates/labels/%s.conf" % (root, lang))
    phrases = {}
    for k, v in en.items():
        w = re.sub(r"\{[a-z_]+\}.*", "", v).strip(" :")
        if k.startswith("lang-") or own.get(k) == v or \
                not re.search(r"[A-Za-z]", w):
            continue
        phrases[k] = (w, re.compile(r"(?<!\w)" + re.escape(w) + r"(?!\w)"))
    bad = 0
    for path in files:
        text = seen(path)
        for k, (w, p) in phrases.items():
            if p.search(text):
                print("%s: %s %r" % (path, k, w))
                bad += 1
    return 1 if bad or not files else 0


if __name__ == "__main__":
    sys.exit(main())
