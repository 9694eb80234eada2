#!/usr/bin/env python3
"""counts.py TREE... -- structure counts from a `respub -t tree` dump:
preambular and operative paragraphs, footnotes, annexes (the text's own:
an annex nested in an annex is its appendix, part of it), and the main
document's date and meeting, as one line of key=value pairs per dump."""
import re
import sys

def main(path):
    pre = op = notes = annexes = 0
    stack = []          # (indent, type)
    date = meeting = vote = "-"
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            indent = len(line) - len(line.lstrip(" "))
            kind = line.split()[0]
            while stack and stack[-1][0] >= indent:
                stack.pop()
            parent = stack[-1][1] if stack else None
            if kind == "paragraph" and parent == "preamble":
                pre += 1
            elif kind == "paragraph" and parent == "body":
                op += 1
            elif kind == "footnote":
                notes += 1
            elif kind == "annex" and not any(k == "annex" for _, k in stack):
                annexes += 1    # an annex's own (an appendix) is part of it
            if n == 0:
                m = re.search(r' date="([^"]*)"', line)
                date = m.group(1) if m else "-"
                m = re.search(r' meeting="([^"]*)"', line)
                meeting = m.group(1).replace(" ", "_") if m else "-"
                m = re.search(r' vote=([-0-9]+)', line)
                vote = m.group(1) if m else "-"
            stack.append((indent, kind))
    print(f"pre={pre} op={op} notes={notes} annexes={annexes} "
          f"date={date} meeting={meeting} vote={vote}")

for arg in sys.argv[1:]:
    main(arg)
