#!/usr/bin/python3
"""overlap.py - the rule run.sh and score.py share for "the change is flagged".

As a program: overlap.py REPORT CHANGED exits 0 when a flagged span ([[...]])
in REPORT, the text output of `gisa check`, overlaps CHANGED, else 1.
A span overlaps the change when one contains the other or they share a run
of 2+ characters, after dropping quotes and spaces.
"""
import re
import sys


def norm(s):
    return re.sub(r"[\s\"'“”‘’]", "", s)


def spans(report):
    return re.findall(r"\[\[(.+?)\]\]", report)


def overlaps(report, changed):
    c = norm(changed)
    for s in spans(report):
        n = norm(s)
        if n in c or c in n or any(n[i:i + 2] in c for i in range(len(n) - 1)):
            return True
    return False


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as f:
        sys.exit(0 if overlaps(f.read(), sys.argv[2]) else 1)
