#!/usr/bin/env python3
"""akn_words.py INPUT AKN -- check that no word of INPUT is lost in AKN.

A word is a run of letters (digits and punctuation are left out: they are
paragraph numbers, footnote markers, separators, Markdown syntax); each
Han character is a word of its own.  The words of INPUT must appear in
the text of AKN in the same order, where the text of the footnotes
(authorialNote, meta notes/note) is a second stream read alongside the
main text, since a footnote is printed at the foot of the page and
written where it is referenced.  Exit 0 if all are found, else print the
first missing word with its context and exit 1.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
HAN = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
NOTES = (NS + "authorialNote", NS + "note")


def words(text):
    # Letters only: superscript markers (¹) and digits are not words.
    text = "".join(c if c.isalpha() else " " for c in text)
    return HAN.sub(r" \1 ", text).casefold().split()


def collect(el, main, notes, in_note, skip_meta):
    """Text of el in document order, into main or notes."""
    if el.tag == NS + "meta" and skip_meta:
        # Only the footnotes nothing refers to live in meta.
        for n in el.iter(NS + "note"):
            collect(n, main, notes, True, False)
        return
    note = in_note or el.tag in NOTES
    out = notes if note else main
    if el.text:
        out.extend(words(el.text))
    for c in el:
        collect(c, main, notes, note, skip_meta)
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
    collect(ET.parse(akn).getroot(), body, notes, False, True)
    i = j = 0
    for k, w in enumerate(want):
        if i < len(body) and body[i] == w:
            i += 1
        elif j < len(notes) and notes[j] == w:
            j += 1
        else:
            ctx = " ".join(want[max(0, k - 8):k])
            near = " ".join(body[max(0, i - 4):i + 4])
            print(f"{src}: word {k + 1} '{w}' missing after '{ctx}'; "
                  f"AKN text there: '{near}'")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
