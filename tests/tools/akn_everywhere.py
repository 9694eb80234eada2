#!/usr/bin/env python3
"""akn_everywhere.py SCHEMA.xsd PLACE -- an Akoma Ntoso file that puts
every element the schema names (but the metadata's) with a word of its
own in one place, valid or not, on stdout: PLACE is top (a child of
<doc>), block (in <mainBody>), inline (in a <p>), level (in an act's
<section>) or preamble (in a statement's <preamble>).  The word of
<alinea> at top is "zqalineatop": the reader must keep every one
(foreign_words.py), whatever it makes of the element around it.
"""
import re
import sys

META = {"akomaNtoso", "meta", "identification", "references", "lifecycle",
        "workflow", "analysis", "temporalData", "proprietary",
        "presentation", "classification", "notes", "mappings",
        "publication"}
NS = 'xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"'
FRAME = {
    "top": '<doc name="x"><preface><p>Cover</p></preface>%s'
           '<mainBody><p>Main</p></mainBody></doc>',
    "block": '<doc name="x"><mainBody><p>Main</p>%s</mainBody></doc>',
    "inline": '<doc name="x"><mainBody><p>Main %s end</p></mainBody></doc>',
    "level": '<act name="x"><body><section eId="s1"><num>1</num>%s'
             '<content><p>Main</p></content></section></body></act>',
    "preamble": '<statement name="resolution"><preamble>%s<p>Pre</p>'
                '</preamble><mainBody><paragraph eId="para_1"><num>1.</num>'
                '<content><p>Main</p></content></paragraph></mainBody>'
                '</statement>',
}


def main():
    schema, place = sys.argv[1], sys.argv[2]
    names = sorted(set(re.findall(r'<xsd:element name="([A-Za-z]+)"',
                                  open(schema, encoding="utf-8").read())))
    names = [n for n in names if n not in META and
             not n.startswith(("FRBR", "TLC"))]
    tag = place[:3]
    body = " ".join("<%s>zq%s%s</%s>" % (n, n.lower(), tag, n)
                    for n in names)
    print("<akomaNtoso %s>%s</akomaNtoso>" % (NS, FRAME[place] % body))


if __name__ == "__main__":
    main()
