#!/usr/bin/env python3
"""foreign_words.py INPUT.xml OUTPUT... -- no word of a foreign Akoma
Ntoso file is missing from any output.

The words of INPUT are the letters of its text outside <meta> (attribute
values are not text); each Han character is a word of its own.  Every
OUTPUT (.xml: its text outside <meta>; .html: the text of <body>; .md
and .tree: the text; .txt: pdftotext's) must hold each word at least as
many times as INPUT does: a document that loses a component, a block or
a number loses words.  Exit 0 when none is missing, else print per
output how many are missing and the first few, and exit 1.
INPUT may also be an output (respub's AKN of a text): its words are
read as those of that kind of output.
"""
import collections
import html.parser
import re
import sys
import xml.etree.ElementTree as ET

HAN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
# Elements inside a word ("<event>meeting</event>s"); any other element
# ends one ("ownership<br/>or", "</p><p>").
INLINE = set("""i b u a sup sub span ref mref rref date docDate docNumber
docTitle docType docStatus docAuthority docProponent docCommittee
docStage docPurpose docJurisdiction docIntroducer session event term
concept entity def quantity shortTitle inline organization person role
location party judge lawyer courtType neutralCitation abbr del ins
remark placeholder fillIn outcome decoration legislature time object
process affectedDocument relatedDocument opinion argument mod
embeddedText signature""".split())


def words(text):
    # A soft hyphen marks where a word may break, it does not break it.
    text = "".join(c if c.isalpha() else " " for c in
                   text.replace("\u00ad", ""))
    return HAN.sub(r" \1 ", text).casefold().split()


def xml_text(path):
    out = []

    def walk(el):
        if el.tag.rsplit("}", 1)[-1] == "meta":
            return
        out.append(el.text or "")
        for c in el:
            sep = "" if c.tag.rsplit("}", 1)[-1] in INLINE else " "
            out.append(sep)
            walk(c)
            out.append(sep + (c.tail or ""))
    walk(ET.parse(path).getroot())
    return "".join(out)


HTML_INLINE = set("a abbr b bdi bdo cite code data dfn em i kbd mark q s "
                  "samp small span strong sub sup time u var wbr".split())


class BodyText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.body = [], 0, False

    def handle_starttag(self, tag, attrs):
        self.body |= tag == "body"
        self.skip += tag in ("script", "style")
        if tag not in HTML_INLINE:
            self.out.append(" ")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0
        if tag not in HTML_INLINE:
            self.out.append(" ")

    def handle_data(self, data):
        if self.body and not self.skip:
            self.out.append(data)


TREE_INLINE = ("text", "emph", "strong", "link", "docref", "date", "noteref")
TREE_VALUE = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def tree_text(s):
    """The values of a tree dump; an inline node's text runs on."""
    out = []
    for line in s.split("\n"):
        kind = line.strip().split(" ", 1)[0]
        if kind not in TREE_INLINE:
            out.append(" ")
        for key, v in TREE_VALUE.findall(line):
            v = re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n"
                       else m.group(1), v)
            if key == "text":
                out.append(v)
            elif kind not in TREE_INLINE:
                out.append(" %s " % v)
    return "".join(out)


def text_of(path):
    if path.endswith(".xml"):
        return xml_text(path)
    with open(path, encoding="utf-8") as f:
        s = f.read()
    if path.endswith(".html"):
        p = BodyText()
        p.feed(s)
        return "".join(p.out)
    if path.endswith(".tree"):
        return tree_text(s)
    if path.endswith(".md"):
        # Emphasis, escapes and link targets sit inside words
        # ("**add**ress", "[4º](/akn/uy/...)de").
        s = re.sub(r"\\[][]", " ", s)
        s = re.sub(r"\]\([^)\s]*\)", "", s).replace("[", "")
        return re.sub(r"[*\\]", "", s)
    return s


def joined(text):
    """pdftotext takes the hyphen out of "storico-\nculturali": the words
    of each hyphenated compound, by the word they make without it, with
    how often the source has them ("adminis-tración" and
    "admi-nistración" both make "administración"; "hard-to-reach" is
    "hard-to" and "to-reach")."""
    out = collections.defaultdict(collections.Counter)
    for m in re.finditer(r"(?<!\w)(\w+)-\s*(?=(\w+))", text):
        out[(m.group(1) + m.group(2)).casefold()][
            tuple(words(m.group(1) + " " + m.group(2)))] += 1
    return out


def credit_joined(have, want, compounds):
    """A joined word pdftotext made more often than the source has it
    stands for the parts of the source's compounds, as many as there
    are of them."""
    for w, n in list(have.items()):
        extra = n - want[w]
        for parts, times in compounds.get(w, {}).items():
            short = max(want[part] - have[part] for part in parts)
            k = max(0, min(extra, times, short))
            for part in parts:
                have[part] += k
            extra -= k


BIDI_MARKS = re.compile(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


RUNS = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+|"
                  r"[^\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+")


def by_direction(ws):
    """pdftotext cuts a word that mixes right-to-left letters with others
    where the direction changes, and puts the pieces in its own order:
    such a word is its pieces of one direction."""
    return [r for w in ws for r in RUNS.findall(w)]


def main():
    src = text_of(sys.argv[1])
    want = collections.Counter(words(src))
    compounds = joined(src)
    bad = 0
    for out in sys.argv[2:]:
        if out.endswith(".txt"):
            text = BIDI_MARKS.sub("", text_of(out))
            have = collections.Counter(by_direction(words(text)))
            credit_joined(have, want, compounds)
            missing = collections.Counter(by_direction(want.elements())) \
                - have
        else:
            have = collections.Counter(words(text_of(out)))
            missing = want - have
        if missing:
            bad = 1
            n = sum(missing.values())
            print("# %s: %d of %d words missing: %s" % (
                out.rsplit("/", 1)[-1], n, sum(want.values()),
                " ".join(w for w, _ in missing.most_common(8))))
    return bad


if __name__ == "__main__":
    sys.exit(main())
