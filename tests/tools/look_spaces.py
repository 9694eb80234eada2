#!/usr/bin/env python3
"""look_spaces.py BBOX.html SIZE WORD:EM... -- the gap before each WORD
(from `pdftotext -bbox`) is EM em of SIZE pt, within 0.03 em.  Prints
one line per gap not so and exits 1 when there is any."""
import sys
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/1999/xhtml}"


def main():
    size = float(sys.argv[2])
    words = [(w.text, float(w.get("xMin")), float(w.get("xMax")))
             for w in ET.parse(sys.argv[1]).getroot().iter(NS + "word")]
    bad = 0
    for spec in sys.argv[3:]:
        word, em = spec.rsplit(":", 1)
        gaps = [(b[1] - a[2]) / size for a, b in zip(words, words[1:])
                if b[0] == word]
        if not gaps or abs(gaps[0] - float(em)) > 0.03:
            print("before %s: %s em, want %s" %
                  (word, "%.3f" % gaps[0] if gaps else "no gap", em))
            bad = 1
    sys.exit(bad)


if __name__ == "__main__":
    main()
