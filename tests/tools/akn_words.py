#!/usr/bin/env python3
"""akn_words.py INPUT AKN -- check that no word of INPUT is lost in AKN.

A word is a run of letters (digits and punctuation are left out: they are
paragraph numbers, footnote markers, separators, Markdown syntax; so is
Z, S, l or I opening a line before "." or ",": a scan's misread paragraph
number, "Z." for "2."); each
Han character is a word of its own.  The words of INPUT must appear in
the text of AKN in the same order.  The text of each footnote
(authorialNote, meta notes/note), and each line of page furniture kept in
the proprietary metadata, is a stream of its own read alongside the main
text, since a footnote is printed at the foot of the page (or the end of
the document) but written where it is referenced.  When a word could come
from more than one stream, the one that goes on agreeing with the input
longest is taken.  Exit 0 if all are found, else print the first missing
word with its context and exit 1.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
RP = "{urn:x-respub:meta:1}"
HAN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
NOTES = (NS + "authorialNote", NS + "note")
OPT = "\x00"        # marks an optional word
NUM = "\x01"        # brackets the text of a <num>
LOOKAHEAD = 40


def words(text):
    # Letters only: superscript markers (¹) and digits are not words, nor
    # is the Arabic tatweel, an elongation that stands alone as a dash
    # after a paragraph number ("1 ـ يشجب") and is written as the number.
    text = "".join(c if (c.isalpha() and c != "\u0640") or c in OPT + NUM
                   else " " for c in text)
    out = []
    for k, part in enumerate(text.split(NUM)):
        ws = HAN.sub(r" \1 ", part).casefold().split()
        # A number may be set right ("(b)" for a scan's "(6)"): its
        # letters are matched when the input has them, else passed over.
        out.extend(OPT + w for w in ws) if k % 2 else out.extend(ws)
    return out


def unscan(text):
    """Z, S, l, I or L opening a line before "." or ",", where the paragraph
    after the last numbered one is due: a scan's misread paragraph number
    ("Z." for "2."), which the reader sets right; not words."""
    value = {"Z": "2", "S": "5", "l": "1", "I": "1", "L": "1", "O": "0"}
    last, out = 0, []
    for line in text.split("\n"):
        m = re.match(r"\s*(\d{1,3})\. ", line)
        if m:
            last = int(m.group(1))
        m = re.match(r"(\s*)([ZSlILO\d]{1,3})[.,] ", line)
        if m and not m.group(2).isdigit() and int("".join(
                value.get(c, c) for c in m.group(2))) == last + 1:
            last += 1
            line = m.group(1) + line[m.end(2):]
        out.append(line)
    return "\n".join(out)


def collect(el, out, notes):
    """Text of el in document order into the string list out; each
    footnote's text into a list of its own, appended to notes."""
    if el.tag == NS + "meta":
        # Only the footnotes nothing refers to live in meta, and the
        # page furniture (running heads, page numbers) the reader kept.
        # Their markers too are kept as attributes ("g" for a scan's 9).
        for n in el.iter(NS + "note"):
            notes.append([" " + NUM + n.get("marker", "") + NUM + " "])
            collect_children(n, notes[-1], notes)
        for n in el.iter(RP + "furniture"):
            notes.append([n.text or ""])
        return
    if el.tag in NOTES:
        # A marker in words ("(注)") is kept as the marker attribute, both
        # where the note is cited and where its text opens: optional.
        marker = " " + NUM + el.get("marker", "") + NUM + " "
        out.append(marker)
        notes.append([marker])
        collect_children(el, notes[-1], notes)
        return
    if el.tag == NS + "noteRef":
        out.append(" " + NUM + el.get("marker", "") + NUM + " ")
    if el.tag == NS + "num":
        out.append(" " + NUM + (el.text or "") + NUM + " ")
        return
    collect_children(el, out, notes)


def collect_children(el, out, notes):
    # Inline elements do not split words: "<event>meeting</event>s".
    if el.text:
        out.append(el.text)
    for c in el:
        collect(c, out, notes)
        if c.tail:
            out.append(c.tail)


def agree(stream, at, want, k):
    """How many words from want[k] on stream[at:] gives, up to a bound."""
    m = 0
    while (m < LOOKAHEAD and at < len(stream) and k + m < len(want)):
        if stream[at].lstrip(OPT) == want[k + m]:
            m += 1
        elif not stream[at].startswith(OPT):
            break
        at += 1
    return m


def main():
    src, akn = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\n"):
        # Front matter is metadata, not text.
        end = text.find("\n---", 4)
        if end > 0:
            text = text[end + 4:]
    if src.endswith(".md"):
        # A link's destination ("[text](https://un.org/)") is an
        # address, not text.
        text = re.sub(r"\]\((?:[^()\s]|\([^()\s]*\))*\)", "]", text)
    text = unscan(text)
    want = words(text)
    body_text, note_texts = [], []
    collect(ET.parse(akn).getroot(), body_text, note_texts)
    streams = [words("".join(body_text))]
    streams += [words("".join(n)) for n in note_texts]
    at = [0] * len(streams)
    cur = 0                 # the stream being read
    for k, w in enumerate(want):
        best, best_len = None, 0
        # The stream being read first, then the main text, then notes.
        for s in [cur] + [s for s in range(len(streams)) if s != cur]:
            # Optional words before w in s are passed over.
            a = at[s]
            while (a < len(streams[s]) and streams[s][a].startswith(OPT)
                   and streams[s][a][1:] != w):
                a += 1
            if a < len(streams[s]) and streams[s][a].lstrip(OPT) == w:
                n = agree(streams[s], a, want, k)
                if n > best_len:
                    best, best_len, best_at = s, n, a
        if best is None:
            ctx = " ".join(want[max(0, k - 8):k])
            near = " ".join(streams[0][max(0, at[0] - 4):at[0] + 4])
            print(f"{src}: word {k + 1} '{w}' missing after '{ctx}'; "
                  f"AKN text there: '{near.replace(OPT, '')}'")
            return 1
        cur = best
        at[best] = best_at + 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
