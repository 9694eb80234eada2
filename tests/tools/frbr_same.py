#!/usr/bin/env python3
"""frbr_same.py SOURCE OUTPUT -- whether OUTPUT (respub -f akn -t akn of
SOURCE) gives back the identity of SOURCE's first document: the
FRBRthis, FRBRuri and FRBRdate (date and name) of FRBRWork,
FRBRExpression and FRBRManifestation.  Prints each difference; exit 1
if any, 0 if none, 2 if SOURCE has no identification (nothing to keep)."""
import sys
import xml.etree.ElementTree as ET


def local(tag):
    return tag.rsplit('}', 1)[-1]


def identity(path):
    root = ET.parse(path).getroot()
    doc = next(iter(root), None)
    ident = None
    if doc is not None:
        for meta in doc:
            if local(meta.tag) == 'meta':
                ident = next((x for x in meta
                              if local(x.tag) == 'identification'), None)
    if ident is None:
        return None
    got = {}
    for level in ident:
        for v in level:
            name = local(level.tag) + '/' + local(v.tag)
            if local(v.tag) in ('FRBRthis', 'FRBRuri'):
                got[name] = v.get('value')
            elif local(v.tag) == 'FRBRdate':
                got[name] = (v.get('date'), v.get('name'))
    return got


src, out = identity(sys.argv[1]), identity(sys.argv[2])
if not src:
    sys.exit(2)
bad = [f'{k}: source {v!r}, output {(out or {}).get(k)!r}'
       for k, v in src.items() if (out or {}).get(k) != v]
for b in bad:
    print(b)
sys.exit(1 if bad else 0)
