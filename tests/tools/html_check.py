#!/usr/bin/env python3
"""html_check.py PAGE.html [INPUT.txt] -- check a respub HTML page.

Prints one problem per line and exits 1 if there is any:
- tags balance (void elements aside), one <html lang>, one <h1>, headings
  never skip a level;
- ids are unique and every href="#id" names one of them;
- nothing active: no script but JSON-LD, no on* attributes, links only
  to http, https, mailto or relative targets;
- with INPUT: every word of the input text appears in the page's text.
"""
import html.parser
import re
import xml.etree.ElementTree as ET
import unicodedata
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
BLOCK = {"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
         "section", "article", "header", "footer", "main", "dt", "dd",
         "caption", "tr", "br", "table", "ol", "ul", "nav"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.problems = [], []
        self.ids, self.hrefs, self.headings = {}, [], []
        self.text, self.in_body, self.script = [], False, None
        self.lang = None

    def problem(self, msg):
        self.problems.append("line %d: %s" % (self.getpos()[0], msg))

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "body":
            self.in_body = True
        if tag not in VOID:
            self.stack.append(tag)
        if tag in BLOCK:
            self.text.append(" ")
        for k, v in attrs:
            if k.startswith("on"):
                self.problem("event handler attribute %s" % k)
        if "id" in a:
            if a["id"] in self.ids:
                self.problem("duplicate id %r" % a["id"])
            self.ids[a["id"]] = 1
        for k in ("href", "src", "action", "formaction"):
            v = a.get(k)
            if v is None:
                continue
            if tag == "a" and k == "href":
                self.hrefs.append((self.getpos()[0], v))
            scheme = re.match(r"\s*([A-Za-z][A-Za-z0-9+.-]*):", v)
            if scheme and scheme.group(1).lower() not in ("http", "https",
                                                          "mailto"):
                self.problem("unsafe %s=%r" % (k, v))
        if tag == "script":
            if a.get("type") != "application/ld+json":
                self.problem("script element")
            self.script = []
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("iframe", "object", "embed", "form", "base"):
            self.problem("%s element" % tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problem("</%s> does not close <%s>" % (
                tag, self.stack[-1] if self.stack else "nothing"))
            if tag in self.stack:
                while self.stack.pop() != tag:
                    pass
            return
        self.stack.pop()
        if tag in BLOCK:
            self.text.append(" ")
        if tag == "script":
            body = "".join(self.script)
            if "</" in body or "<" in body:
                self.problem("markup inside JSON-LD")
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)
        elif self.in_body:
            self.text.append(data)


def words(text):
    return re.findall(r"[^\W_]+", unicodedata.normalize("NFKC", text))


def main():
    page = Page()
    with open(sys.argv[1], encoding="utf-8") as f:
        page.feed(f.read())
    page.close()
    if page.stack:
        page.problem("unclosed: %s" % " ".join(page.stack))
    if not page.lang:
        page.problem("no <html lang>")
    if page.headings.count(1) != 1:
        page.problem("%d <h1> elements" % page.headings.count(1))
    for prev, cur in zip(page.headings, page.headings[1:]):
        if cur > prev + 1:
            page.problem("heading h%d after h%d" % (cur, prev))
            break
    for line, h in page.hrefs:
        if h.startswith("#") and h[1:] not in page.ids:
            page.problems.append("line %d: href %r names no id" % (line, h))
    if len(sys.argv) > 2:
        # Compare without spaces: CJK text has none, and inline markup may
        # split or join runs of letters.
        text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", "".join(page.text)))
        with open(sys.argv[2], encoding="utf-8") as f:
            src = f.read()
        # Front matter is metadata, not text of the resolution.
        if src.startswith("---\n") and "\n---\n" in src[3:]:
            src = src[src.index("\n---\n", 3) + 5:]
        skip = set()
        if len(sys.argv) > 3:
            # Page furniture of a print (running heads, job numbers) is kept
            # in the AKN's metadata, not shown on the page.
            akn = ET.parse(sys.argv[3])
            for f in akn.iter("{urn:x-respub:meta:1}furniture"):
                skip.update(words(f.text or ""))
        missing = [w for w in dict.fromkeys(words(src))
                   if w not in text and w not in skip]
        if missing:
            page.problems.append("%d input words missing, e.g. %s" % (
                len(missing), " ".join(missing[:8])))
    for p in page.problems:
        print(p)
    print("%d ids, %d links" % (len(page.ids), len(page.hrefs)),
          file=sys.stderr)
    return 1 if page.problems else 0


if __name__ == "__main__":
    sys.exit(main())
