#!/usr/bin/env python3
"""akn_shape.py SOURCE OUTPUT -- whether OUTPUT (respub -f akn -t akn of
SOURCE) is a document of SOURCE's type, with its structure: the element
of SOURCE's first document is kept when respub can write it validly
(docs/AKN.md: doc, statement, debateReport; act, bill and portion
whose body holds levels only), else it is <doc> with SOURCE's @name (the
type when it has none).  For an act, a bill or a portion, the levels of
its body (hierarchy elements, in document order, with their eIds) are
OUTPUT's.  Meant for sources valid against the schema.
Prints each difference; exit 1 if any, 0 if none."""
import sys
import xml.etree.ElementTree as ET

KEPT = {'doc', 'statement', 'debateReport'}
HIERARCHICAL = {'act', 'bill', 'portion'}
LEVELS = {'clause', 'section', 'part', 'paragraph', 'chapter', 'title',
          'article', 'book', 'tome', 'division', 'list', 'point', 'indent',
          'alinea', 'rule', 'subrule', 'proviso', 'subsection', 'subpart',
          'subparagraph', 'subchapter', 'subtitle', 'subdivision',
          'subclause', 'sublist', 'level', 'transitional', 'hcontainer'}


def local(tag):
    return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''


def first_doc(path):
    root = ET.parse(path).getroot()
    return next((c for c in root if local(c.tag)), None)


def levels(x, out):
    """(element, eId, @name of an hcontainer) of the levels under x, in
    document order: those right under it and under each other (not a
    quoted act's, in a <mod>)."""
    for e in x:
        if local(e.tag) in LEVELS:
            out.append((local(e.tag), e.get('eId'), e.get('name')))
            levels(e, out)
    return out


def body_levels(doc):
    body = next((c for c in doc if local(c.tag) in ('body', 'portionBody')),
                None)
    return [] if body is None else levels(body, [])


def main():
    src, out = first_doc(sys.argv[1]), first_doc(sys.argv[2])
    st, ot = local(src.tag), local(out.tag)
    bad = []
    if st in KEPT or st in HIERARCHICAL:
        if ot != st:
            bad.append(f'document <{ot}>, source <{st}>')
    elif ot != 'doc' or out.get('name') != (src.get('name') or st):
        bad.append(f'document <{ot} name="{out.get("name")}">, want '
                   f'<doc name="{src.get("name") or st}">')
    if st in HIERARCHICAL and ot == st:
        have, want = body_levels(out), body_levels(src)
        for i, (w, h) in enumerate(zip(want, have)):
            # A level without an eId gets one.
            if w != (h[0], h[1] if w[1] else None, h[2]):
                bad.append(f'level {i + 1}: {h}, source {w}')
                break
        if len(have) != len(want):
            bad.append(f'{len(have)} levels, source {len(want)}')
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
