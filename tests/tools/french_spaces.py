#!/usr/bin/env python3
"""french_spaces.py HTML... -- French spacing in the text of each page's
<main> (lang/fr.conf: "narrow space before", "narrow space after",
"no-break space before"): a narrow no-break space (U+202F) before
; ! ? and », after «, a no-break space (U+00A0) before :, except inside
a word or address ("10:30", "http://"); never a plain space there (a
line could break) and never two spaces (a no-break space set where the
source had one already).  Exit 1 on a fault; prints the count of marks
checked, or the faults with their context.
"""
import html.parser
import re
import sys

SP = " \t\n\u00a0\u202f"
CHECKS = (
    ("missing narrow space", r"[^%s][;!?»](?![A-Za-z0-9/])" % SP),
    ("missing no-break space", r"[^%s]:(?![A-Za-z0-9/])" % SP),
    ("missing narrow space", r"«[^%s]" % SP),
    ("breaking space", r" [;:!?»](?![A-Za-z0-9/])|« "),
    ("wrong space", r"\u00a0[;!?»]|\u202f:|«\u00a0"),
    ("two spaces", r"[%s]{2,}[;:!?»]|«[%s]{2,}" % (SP, SP)),
)


class Main(html.parser.HTMLParser):
    """The text inside <main>, scripts and styles left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.depth, self.skip, self.text = 0, 0, []

    def handle_starttag(self, tag, attrs):
        if tag == "main" or self.depth:
            self.depth += 1
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if self.depth and not self.skip:
            self.text.append(data)


def main():
    faults, marks = [], 0
    for path in sys.argv[1:]:
        p = Main()
        p.feed(open(path, encoding="utf-8").read())
        text = "".join(p.text)
        marks += len(re.findall(r"[;:!?»«]", text))
        for what, rx in CHECKS:
            for m in re.finditer(rx, text):
                faults.append("%s: %s: %r" % (
                    path.rsplit("/", 1)[-1], what,
                    text[max(0, m.start() - 12):m.end() + 6]))
    if faults or marks == 0:
        print("# %d faults of %d marks; %s" % (len(faults), marks,
                                              "; ".join(faults[:4])))
        return 1
    print("# %d marks, each spaced once" % marks)
    return 0


if __name__ == "__main__":
    sys.exit(main())
