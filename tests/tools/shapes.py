#!/usr/bin/env python3
"""shapes.py SHAPE FILE -- the text of FILE in another shape a user pastes.

FILE is a development text whose lines are its paragraphs (each non-blank
line is one paragraph or heading line, blank lines between them or not).
SHAPE is one of:
  noblank  one paragraph per line, no blank lines (most web copies);
  flat     the whole text on one line, a run of spaces where each break
           was (a copy that lost its line breaks);
  wrapped  each paragraph hard-wrapped at about 70 columns (a CJK
           character takes two), blank lines between paragraphs;
  md       Markdown: blank lines between paragraphs, lettered sub-items
           "(a) ..." as list items "- (a) ...".
The words and their order are those of FILE; only the breaks change."""
import re
import sys
import unicodedata

WIDTH = 70
SUBITEM = re.compile(r"\(([a-z]|[ivx]+)\)\s")


def paragraphs(text):
    return [l.strip() for l in text.splitlines() if l.strip()]


def cells(ch):
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 1


def wrap(par):
    """Lines of at most WIDTH cells, broken at a space, or between two
    characters where there is none (Chinese)."""
    lines, line, width = [], "", 0
    for word in re.findall(r"\S+\s*", par):
        w = sum(cells(c) for c in word.rstrip())
        if line and width + w > WIDTH:
            lines.append(line.rstrip())
            line, width = "", 0
        while w > WIDTH:            # no space to break at: cut by width
            head, hw = "", 0
            for c in word:
                if hw + cells(c) > WIDTH:
                    break
                head, hw = head + c, hw + cells(c)
            lines.append(head)
            word = word[len(head):]
            w = sum(cells(c) for c in word.rstrip())
        line, width = line + word, width + sum(cells(c) for c in word)
    if line.strip():
        lines.append(line.rstrip())
    return "\n".join(lines)


def shape(kind, pars):
    if kind == "noblank":
        return "\n".join(pars) + "\n"
    if kind == "flat":
        return "   ".join(pars) + "\n"
    if kind == "wrapped":
        return "\n\n".join(wrap(p) for p in pars) + "\n"
    if kind == "md":
        return "\n\n".join("- " + p if SUBITEM.match(p) else p
                           for p in pars) + "\n"
    sys.exit(f"shapes.py: unknown shape {kind}")


if __name__ == "__main__":
    with open(sys.argv[2], encoding="utf-8") as f:
        sys.stdout.write(shape(sys.argv[1], paragraphs(f.read())))
