#!/usr/bin/env python3
"""look_openers.py AKN HTML MD PDFXML -- the opening phrase of every
preambular and operative paragraph of a resolution is italic in all four
outputs.  The AKN says which phrases are openers (a leading <i>); a
paragraph of a statement's preamble or mainBody that opens with a
capitalised Latin word and has no leading <i> is a fault.  HTML must
have the phrase as <i>, Markdown as *...*, the PDF (pdftohtml -xml) its
first word inside <i>.  Prints faults, exits 1 on any."""
import html
import re
import sys
import xml.etree.ElementTree as ET

AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def text(e):
    return "".join(e.itertext())


def first_ps(sec):
    """The first p of each preambular container and of each paragraph's
    own content (not of its sub-items)."""
    for c in sec.iter(AKN + "container"):
        if c.get("name") not in ("masthead", "adoption") and len(c) and \
                c[0].tag == AKN + "p":
            yield c[0]
    for para in sec.iter(AKN + "paragraph"):
        content = para.find(AKN + "content")
        if content is not None and len(content) and \
                content[0].tag == AKN + "p":
            yield content[0]


def drafted(d):
    """Whether a document is drafted in openers: a resolution, or an
    annex with its own enacting formula.  A declaration annexed without
    one speaks in its own voice ("1. We, Heads of State …", "(a) Taking
    effective measures …"), set roman in the official print."""
    if d.tag == AKN + "statement":
        return True
    return any(p.find(AKN + "formula") is not None
               for p in d.findall(AKN + "preamble") + d.findall(AKN + "mainBody"))


def openers(path):
    """Openers of resolutions and annexes drafted as resolutions (not
    letters)."""
    found, faults = [], []
    root = ET.parse(path).getroot()
    docs = [d for d in root.iter() if d.tag in (AKN + "statement",
            AKN + "doc") and d.get("name") != "letter" and drafted(d)]
    for st in docs:
        for part in (AKN + "preamble", AKN + "mainBody"):
            for sec in st.findall(part):
                for par in first_ps(sec):
                    lead = (par.text or "").strip()
                    first = par[0] if len(par) else None
                    if first is not None and first.tag == AKN + "i" and \
                            lead == "":
                        found.append(text(first).strip())
                    elif re.match(r"[A-Z][a-z]+\b", text(par).strip()) and \
                            not text(par).strip().startswith(("The ", "In ", "To ")):
                        faults.append("AKN: no italic opener: %s" %
                                      text(par).strip()[:60])
    return found, faults


def main():
    akn, htm, md, pdfxml = sys.argv[1:5]
    found, faults = openers(akn)
    h = html.unescape(open(htm, encoding="utf-8").read())
    m = open(md, encoding="utf-8").read()
    x = html.unescape(open(pdfxml, encoding="utf-8").read())
    h = re.sub(r"\s+", " ", h)
    x_italic = " ".join(re.findall(r"<i>(.*?)</i>", x))
    for o in found:
        if "<i>%s</i>" % o not in h and not re.search(
                r"<i[^>]*>%s</i>" % re.escape(o), h):
            faults.append("HTML: not italic: %s" % o)
        if not re.search(r"(^|\n)(\d+\\?\.\s+)?\*%s\*" % re.escape(o), m):
            faults.append("Markdown: not italic: %s" % o)
        if o.split()[0] not in x_italic.split():
            faults.append("PDF: not italic: %s" % o)
    for f in faults:
        print(f)
    print("# %d openers" % len(found))
    sys.exit(1 if faults else 0)


if __name__ == "__main__":
    main()
