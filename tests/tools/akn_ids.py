#!/usr/bin/env python3
"""akn_ids.py FILE... -- every eId is unique in its file and every
internal reference (href="#...", refersTo, source) names one.  Prints one
line per problem; exit 1 if there is any."""
import sys
import xml.etree.ElementTree as ET

bad = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    ids, refs = set(), []
    for el in root.iter():
        e = el.get("eId")
        if e is not None:
            if e in ids:
                print(f"{path}: duplicate eId {e}")
                bad += 1
            ids.add(e)
        for k in ("href", "refersTo", "source"):
            for v in (el.get(k) or "").split():
                if v.startswith("#"):
                    refs.append(v[1:])
    for r in refs:
        if r not in ids:
            print(f"{path}: #{r} does not resolve")
            bad += 1
sys.exit(1 if bad else 0)
