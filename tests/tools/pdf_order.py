#!/usr/bin/env python3
"""pdf_order.py [--min N] TREE TEXT -- the words of the model's text
(respub -t tree) come back from pdftotext (TEXT, -layout) in the same
order; words of running heads and page numbers may come between.

CJK characters count one by one, other words are runs of digits, of
Arabic letters or of other letters (an Arabic mark ends one: both sides
alike).  The preface's words
(heading, masthead) are looked for anywhere, as the PDF may set them in
a masthead built from the metadata (the date of a heading line at the
masthead's right); every word after it, in order.  Exit 1 when a word is
missing or out of order, or the text has fewer than N words (default
1); prints a summary either way.  pdf_order.py --text TREE prints the
words looked for (the text the model holds for the PDF).
"""
import collections
import re
import sys

ATTR = re.compile(r' (?:text|num)="((?:[^"\\]|\\.)*)"')
# A word: a CJK character, a run of digits, of Arabic letters, or of
# other letters: a note's number set against its word ("parties1"), a
# digit or Latin letter against an Arabic word ("رقم484", "وAdd") are
# two words whichever way the PDF or the text has them.
WORD = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|\d+|[\u0621-\u064A"
                  r"\u066E-\u06D3\u06FA-\u06FF]+|[^\W\d_\u0600-\u06FF"
                  r"\u3400-\u9fff\uf900-\ufaff]+")


def tree_text(path):
    """The text of the tree: (the preface's, the rest's); none of the
    source's page furniture (running heads, job numbers), which the PDF
    replaces with its own."""
    parts, part, depth = ([], []), None, None
    for line in open(path, encoding="utf-8"):
        indent = len(line) - len(line.lstrip(" "))
        if part is not None and indent <= depth:
            part = None
        if line.strip().split(" ")[0] in ("preface", "furniture"):
            part, depth = line.strip().split(" ")[0], indent
        if part == "furniture":
            continue
        for m in ATTR.finditer(line):
            parts[0 if part else 1].append(re.sub(
                r"\\(.)", lambda g: " " if g.group(1) == "n" else g.group(1),
                m.group(1)))
    return " ".join(parts[0]), " ".join(parts[1])


def main():
    args, least = sys.argv[1:], 1
    if args[0] == "--text":	# the text the PDF should hold, for others
        print("\n".join(tree_text(args[1])))
        return 0
    if args[0] == "--min":
        least, args = int(args[1]), args[2:]
    head, body = (WORD.findall(s) for s in tree_text(args[0]))
    text = open(args[1], encoding="utf-8").read()
    # A word hyphenated at a line end ("обязанно-" "стей") is one word
    # again where the text has it whole (a compound cut at its hyphen
    # stays two).
    whole = set(head + body)
    got = WORD.findall(re.sub(
        r"([^\W\d_]+)-\n\s*([^\W\d_]+)",
        lambda m: m.group(1) + m.group(2) if m.group(1) + m.group(2) in whole
        else m.group(0), text))
    lost = collections.Counter(head) - collections.Counter(got)
    i = at = 0
    for j, w in enumerate(got):
        if i < len(body) and w == body[i]:
            i, at = i + 1, j + 1
    if lost or i < len(body) or len(head) + len(body) < least:
        print("# %d of %d words in order; then %s, got near it: %s%s" % (
            i, len(body), " ".join(body[i:i + 4]), " ".join(got[at:at + 6]),
            "; heading words missing: " + " ".join(lost) if lost else ""))
        return 1
    print("# %d words in order" % (len(head) + len(body)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
