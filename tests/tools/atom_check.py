#!/usr/bin/env python3
"""atom_check.py FEED... -- each feed parsed as XML and checked against
what RFC 4287 requires: atom:feed with exactly one id, title and updated,
an author (on the feed or on every entry) and a self link; each entry
with exactly one id, title and updated, and a link rel=alternate or a
content; ids absolute IRIs, unique; dates RFC 3339.  Prints one line per
problem; exits 1 if there is any (or no feed)."""
import re
import sys
import xml.etree.ElementTree as ET

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def required(el, where, problems):
    for name in ("id", "title", "updated"):
        n = len(el.findall(A + name))
        if n != 1:
            problems.append(f"{where}: {n} atom:{name}, RFC 4287 wants 1")
    i, u = el.find(A + "id"), el.find(A + "updated")
    if i is not None and not IRI.match(i.text or ""):
        problems.append(f"{where}: id is not an absolute IRI: {i.text}")
    if u is not None and not RFC3339.match(u.text or ""):
        problems.append(f"{where}: updated is not RFC 3339: {u.text}")
    return i.text if i is not None else None


def check(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != A + "feed":
        return [f"{path}: root is {root.tag}, not atom:feed"]
    required(root, path, problems)
    if not [l for l in root.findall(A + "link") if l.get("rel") == "self"]:
        problems.append(f"{path}: no link rel=self")
    feed_author = root.find(A + "author") is not None
    entries = root.findall(A + "entry")
    if not entries:
        problems.append(f"{path}: no entries")
    ids = set()
    for k, e in enumerate(entries, 1):
        where = f"{path}: entry {k}"
        eid = required(e, where, problems)
        if eid in ids:
            problems.append(f"{where}: id repeated")
        ids.add(eid)
        alt = [l for l in e.findall(A + "link")
               if l.get("rel", "alternate") == "alternate" and l.get("href")]
        if not alt and e.find(A + "content") is None:
            problems.append(f"{where}: neither link rel=alternate nor content")
        if not feed_author and e.find(A + "author") is None:
            problems.append(f"{where}: no author (none on the feed either)")
    return problems


def main():
    problems = [] if len(sys.argv) > 1 else ["no feed given"]
    for path in sys.argv[1:]:
        try:
            problems += check(path)
        except (ET.ParseError, OSError) as err:
            problems.append(f"{path}: {err}")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
