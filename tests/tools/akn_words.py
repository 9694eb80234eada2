#!/usr/bin/env python3
"""akn_words.py INPUT AKN -- check that no word of INPUT is lost in AKN.

A word is a run of letters (digits and punctuation are left out: they are
paragraph numbers, footnote markers, separators, Markdown syntax); each
Han character is a word of its own.  The words of INPUT must appear in
the text of AKN in the same order, where the text of each footnote
(authorialNote, meta notes/note), and each line of page furniture kept
in the proprietary metadata, is a stream of its own read alongside
the main text, since a footnote is printed at the foot of the page (or
the end of the document) and written where it is referenced, in the
order of the references.  Exit 0 if all are found, else print the first
missing word with its context and exit 1.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
RP = "{urn:x-respub:meta:1}"
OPT = "\0"     # marks an optional word
HAN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
NOTES = (NS + "authorialNote", NS + "note")


def words(text):
    # Letters only: superscript markers (¹) and digits are not words.
    text = "".join(c if c.isalpha() else " " for c in text)
    return HAN.sub(r" \1 ", text).casefold().split()


def collect(el, out, notes):
    """Text of el in document order into out; each footnote's text into
    a list of its own, appended to notes."""
    if el.tag == NS + "meta":
        # Only the footnotes nothing refers to live in meta, and the
        # page furniture (running heads, page numbers) the reader kept.
        for n in el.iter(NS + "note"):
            notes.append([])
            collect_note(n, notes[-1], notes)
        for n in el.iter(RP + "furniture"):
            notes.append(words(n.text or ""))
        return
    if el.tag in NOTES:
        notes.append([])
        collect_note(el, notes[-1], notes)
        return
    if el.tag == NS + "num":
        # A number may be set right ("(b)" for a scan's "(6)"): its
        # letters are matched when the input has them, else passed over.
        out.extend(OPT + x for x in words(el.text or ""))
        return
    if el.text:
        out.extend(words(el.text))
    for c in el:
        collect(c, out, notes)
        if c.tail:
            out.extend(words(c.tail))


def collect_note(el, out, notes):
    if el.text:
        out.extend(words(el.text))
    for c in el:
        collect(c, out, notes)
        if c.tail:
            out.extend(words(c.tail))


def main():
    src, akn = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("---\n"):
        # Front matter is metadata, not text.
        end = text.find("\n---", 4)
        if end > 0:
            text = text[end + 4:]
    want = words(text)
    body, notes = [], []
    collect(ET.parse(akn).getroot(), body, notes)
    i = 0
    at = [0] * len(notes)   # words of each note matched so far
    cur = None              # the note being read, if any
    for k, w in enumerate(want):
        if cur is not None and at[cur] < len(notes[cur]) and \
                notes[cur][at[cur]] == w:
            at[cur] += 1
        elif i < len(body) and body[i].lstrip(OPT) == w:
            i += 1
        elif (i + 1 < len(body) and body[i].startswith(OPT) and
              body[i + 1].lstrip(OPT) == w):
            i += 2
        else:
            # A word that opens or continues another footnote: the one
            # that goes on longest like the input ("Ibid." opens many).
            def agree(n):
                m = 0
                while (at[n] + m < len(notes[n]) and k + m < len(want)
                       and notes[n][at[n] + m] == want[k + m]):
                    m += 1
                return m
            cands = [n for n in range(len(notes)) if at[n] < len(notes[n])
                     and notes[n][at[n]] == w]
            cur = max(cands, key=agree) if cands else None
            if cur is not None:
                at[cur] += 1
                continue
            ctx = " ".join(want[max(0, k - 8):k])
            near = " ".join(body[max(0, i - 4):i + 4]).replace(OPT, "")
            print(f"{src}: word {k + 1} '{w}' missing after '{ctx}'; "
                  f"AKN text there: '{near}'")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
