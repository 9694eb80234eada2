#!/usr/bin/env python3
"""akn_shape.py SOURCE OUTPUT -- whether OUTPUT (respub -f akn -t akn of
SOURCE) is a document of SOURCE's type, with its structure: the element
of SOURCE's first document is kept when respub can write it validly
(docs/AKN.md: doc, statement, debateReport; act, bill and portion
whose body holds levels only; debate, judgment and amendment whose body
holds their units only; documentCollection, amendmentList and
officialGazette), else it is <doc> with SOURCE's @name (the type when it
has none).  For an act, a bill or a portion, the levels of its body
(hierarchy elements, in document order, with their eIds and @name), for
a debate, a judgment or an amendment its units (debate sections,
speeches with their speaker @by, a judgment's motivation...) are
OUTPUT's; for a collection, its components (the
name a documentRef shows, and the type and name of the document it
holds or refers to in the file).  Meant for sources valid against the
schema.
Prints each difference; exit 1 if any, 0 if none."""
import sys
import xml.etree.ElementTree as ET

KEPT = {'doc', 'statement', 'debateReport'}
HIERARCHICAL = {'act', 'bill', 'portion', 'debate', 'judgment',
                'amendment'}
COLLECTIONS = {'documentCollection', 'amendmentList', 'officialGazette'}
LEVELS = {'clause', 'section', 'part', 'paragraph', 'chapter', 'title',
          'article', 'book', 'tome', 'division', 'list', 'point', 'indent',
          'alinea', 'rule', 'subrule', 'proviso', 'subsection', 'subpart',
          'subparagraph', 'subchapter', 'subtitle', 'subdivision',
          'subclause', 'sublist', 'level', 'transitional', 'hcontainer',
          # The units of debates and judgments.
          'administrationOfOath', 'rollCall', 'prayers', 'oralStatements',
          'writtenStatements', 'personalStatements',
          'ministerialStatements', 'resolutions', 'nationalInterest',
          'declarationOfVote', 'communication', 'petitions', 'papers',
          'noticesOfMotion', 'questions', 'address', 'proceduralMotions',
          'pointOfOrder', 'adjournment', 'debateSection', 'speechGroup',
          'speech', 'question', 'answer', 'other', 'introduction',
          'background', 'arguments', 'remedies', 'motivation', 'decision',
          'amendmentHeading', 'amendmentContent', 'amendmentReference',
          'amendmentJustification'}
BODIES = ('body', 'portionBody', 'debateBody', 'judgmentBody',
          'amendmentBody')


def local(tag):
    return tag.rsplit('}', 1)[-1] if isinstance(tag, str) else ''


def first_doc(path):
    root = ET.parse(path).getroot()
    return root, next((c for c in root if local(c.tag)), None)


def named(root, href):
    """The document href names in the file: by eId, FRBRthis or FRBRuri."""
    for e in root.iter():
        if href.startswith('#') and e.get('eId') == href[1:]:
            return next((c for c in e if local(c.tag) not in
                         ('num', 'heading', 'subheading')), e)
        if local(e.tag) in ('FRBRthis', 'FRBRuri') and e.get('value') == href:
            return doc_of(root, e)
    return None


def doc_of(root, e):
    parents = {c: p for p in root.iter() for c in p}
    while e in parents and local(e.tag) != 'meta':
        e = parents[e]
    return parents.get(e)


def components(root, doc):
    """(shown name, type and @name of the document) of each component."""
    body = next((c for c in doc if local(c.tag) == 'collectionBody'), None)
    out = []
    for comp in [] if body is None else body:
        c = next((c for c in comp if local(c.tag) not in
                  ('num', 'heading', 'subheading')), None)
        shown = None
        if c is not None and local(c.tag) == 'documentRef':
            shown = c.get('showAs')
            c = named(root, c.get('href', ''))
        out.append((shown, None if c is None else local(c.tag),
                    None if c is None else c.get('name')))
    return out


def levels(x, out):
    """(element, eId, @name, @by) of the levels under x, in document
    order: those right under it and under each other (not a quoted
    act's, in a <mod>)."""
    for e in x:
        if local(e.tag) in LEVELS:
            out.append((local(e.tag), e.get('eId'), e.get('name'),
                        e.get('by')))
            levels(e, out)
    return out


def body_levels(doc):
    body = next((c for c in doc if local(c.tag) in BODIES), None)
    return [] if body is None else levels(body, [])


def main():
    (sroot, src), (oroot, out) = first_doc(sys.argv[1]), first_doc(sys.argv[2])
    st, ot = local(src.tag), local(out.tag)
    bad = []
    if st in KEPT or st in HIERARCHICAL or st in COLLECTIONS:
        if ot != st:
            bad.append(f'document <{ot}>, source <{st}>')
    elif ot != 'doc' or out.get('name') != (src.get('name') or st):
        bad.append(f'document <{ot} name="{out.get("name")}">, want '
                   f'<doc name="{src.get("name") or st}">')
    if st in HIERARCHICAL and ot == st:
        have, want = body_levels(out), body_levels(src)
        for i, (w, h) in enumerate(zip(want, have)):
            # A level without an eId gets one.
            if w != (h[0], h[1] if w[1] else None, h[2], h[3]):
                bad.append(f'level {i + 1}: {h}, source {w}')
                break
        if len(have) != len(want):
            bad.append(f'{len(have)} levels, source {len(want)}')
    if st in COLLECTIONS and ot == st:
        have, want = components(oroot, out), components(sroot, src)
        if have != want:
            bad.append(f'components {have}, source {want}')
    for b in bad:
        print(b)
    sys.exit(1 if bad else 0)


main()
