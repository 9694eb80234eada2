#!/usr/bin/env python3
"""look_pdf.py BBOX.html [GAP_EM] -- typographic faults in a PDF, from
`pdftotext -bbox-layout` (word boxes).  Prints one line per fault and
exits 1 when there is any.

Body lines are those of the most common line height on the page; the
body's left edge and right edge are the most common left and the largest
right of those lines (on the first page, of those under the heading).  Faults:
  ragged   a body line ending short of the right edge although the next
           line, one leading below, continues the same paragraph
  loose    a gap between two words of a body line wider than GAP_EM em
           (default 0.75; a normal space is 0.25 em, the breaker may
           stretch it to about 0.6 em)
  marker   a line starting with a footnote marker (a raised number)
  tracked  Latin letters or digits set one per word in a CJK line
           ("1 3 7 3": a Latin run letter-spaced by justification)
"""
import re
import sys
import xml.etree.ElementTree as ET
from collections import Counter

NS = "{http://www.w3.org/1999/xhtml}"


def lines_of(page):
    out = []
    for ln in page.iter(NS + "line"):
        words = [(float(w.get("xMin")), float(w.get("yMin")),
                  float(w.get("xMax")), float(w.get("yMax")), w.text or "")
                 for w in ln.iter(NS + "word")]
        if words:
            words.sort()
            out.append(words)
    # Lines of a row printed apart (two columns) are one row here.
    out.sort(key=lambda l: (round(l[0][3], 1), l[0][0]))
    return out


def cjk(s):
    return any("\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"
               for ch in s)


def check(path, gap_em):
    faults = []
    root = ET.parse(path).getroot()
    for pno, page in enumerate(root.iter(NS + "page"), 1):
        lines = lines_of(page)
        if not lines:
            continue
        height = lambda l: round(max(w[3] - w[1] for w in l), 1)
        h = Counter(height(l) for l in lines).most_common(1)[0][0]
        body = [l for l in lines if abs(height(l) - h) < 0.3]
        base = lambda l: max(w[3] for w in l)
        # On the first page the masthead (its session and agenda lines
        # set ragged at the masthead's measure) stands above the heading:
        # the body's edges are those of the lines under it.
        heads = [base(l) for l in lines if height(l) > h + 0.3]
        edges = [l for l in body if pno == 1 and heads and
                 base(l) > max(heads)] or body
        left = Counter(round(l[0][0]) for l in edges).most_common(1)[0][0]
        right = max(l[-1][2] for l in edges)
        size = h / 1.107		# Liberation / uming line box per em
        deltas = Counter(round(base(b) - base(a)) for a, b in
                         zip(body, body[1:]) if base(b) > base(a))
        lead = deltas.most_common(1)[0][0] if deltas else h
        for i, l in enumerate(lines):
            text = " ".join(w[4] for w in l)
            where = "p.%d: %s" % (pno, text[:50])
            first = l[0]
            # A raised number alone at the start of a line.
            # (Body lines only: a footnote starts with its raised number.)
            if (re.fullmatch(r"[0-9]+", first[4]) and len(l) > 1 and
                    abs(l[1][3] - l[1][1] - h) < 0.3 and
                    first[3] - first[1] < 0.8 * (l[1][3] - l[1][1]) and
                    first[3] < l[1][3] - 0.5):
                faults.append("marker %s" % where)
            if abs(height(l) - h) >= 0.3 or l[0][0] < left - 1:
                continue
            if cjk(text):
                run = 0
                for w in l:
                    run = run + 1 if re.fullmatch(r"[0-9A-Za-z]", w[4]) \
                        else 0
                    if run >= 3:
                        faults.append("tracked %s" % where)
                        break
            nxt = lines[i + 1] if i + 1 < len(lines) else None
            # One leading below and not a first-line indent further in,
            # unless this line opens with a hanging number ("1.", "(a)").
            hanging = re.fullmatch(r"\(?[0-9a-z]{1,4}[.)]", first[4])
            same_para = (nxt is not None and abs(height(nxt) - h) < 0.3
                         and abs(base(nxt) - base(l) - lead) < 1 and
                         nxt[0][0] >= left - 1 and
                         (hanging or nxt[0][0] <= first[0] + 1))
            if not same_para or l[-1][2] - first[0] < 0.4 * (right - left):
                continue
            if l[-1][2] < right - 1.5:
                faults.append("ragged %s (ends %.1fpt short)" %
                              (where, right - l[-1][2]))
            for a, b in zip(l, l[1:]):
                if b[0] - a[2] > gap_em * size and not cjk(a[4] + b[4]):
                    faults.append("loose %s (%.2f em before '%s')" %
                                  (where, (b[0] - a[2]) / size, b[4]))
                    break
    return faults


def main():
    gap = float(sys.argv[2]) if len(sys.argv) > 2 else 0.75
    faults = check(sys.argv[1], gap)
    for f in faults:
        print(f)
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
