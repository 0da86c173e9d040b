#!/usr/bin/python3
"""score.py GISA [--issue N] [--tsv] - run `gisa check` on every pair of manifest.tsv
and print, per kind of change, how many altered pairs are flagged (recall),
then how many faithful pairs raise a false alarm, then each miss and false
alarm by file with what gisa said. A pair counts as run.sh counts it: an
altered pair is flagged when gisa exits 5 and a flagged span overlaps the
changed fact (overlap.py); a faithful pair raises a false alarm when gisa
does not exit 0. Pairs in known-misses.tsv are marked "known". Always exits
0 once every pair has run: it measures, it does not gate (run.sh does).
Without --issue it prints a table for each issue's pairs and one for all.
With --tsv it prints instead one known-misses.tsv line (path, tab, why) for
each pair that fails today: a starting point for that list, to be read
before anything is added to it (never to hide a regression).
"""
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
sys.path.insert(0, here)
from overlap import overlaps  # noqa: E402

KIND_ORDER = ["polarity", "modality", "quantity", "time", "roles", "quotes",
              "no-source", "person", "place"]


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            c = line.split("\t") + [""] * 7
            rows.append({"path": c[0], "sources": [s for s in c[1].split(",") if s],
                         "expect": c[2], "changed": c[3], "says": c[4],
                         "kind": c[5] or "?", "issue": c[6] or "?"})
    return rows


def known_misses():
    k = {}
    p = os.path.join(here, "known-misses.tsv")
    if os.path.exists(p):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if "\t" in line:
                    a, b = line.rstrip("\n").split("\t", 1)
                    k[a] = b
    return k


def run(gisa, row):
    args = [gisa, "check", row["path"]]
    for s in row["sources"]:
        args += ["--source", s]
    p = subprocess.run(args, cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return p.returncode, p.stdout.decode("utf-8", "replace")


def flag_lines(report):
    """the verdict lines under each FLAG, one per flagged fact"""
    out = []
    for line in report.splitlines():
        s = line.strip()
        if s.startswith(("unsupported ", "contradicted ")):
            out.append(s)
    return out


def table(title, rows, results):
    kinds = sorted({r["kind"] for r in rows if r["expect"] == "flag"},
                   key=lambda k: (KIND_ORDER.index(k) if k in KIND_ORDER else 99, k))
    print("== " + title)
    print("%-10s %7s %7s %7s" % ("kind", "altered", "flagged", "recall"))
    ta = tf = 0
    for k in kinds:
        sel = [r for r in rows if r["expect"] == "flag" and r["kind"] == k]
        n = len(sel)
        f = sum(1 for r in sel if results[r["path"]][0])
        ta += n
        tf += f
        print("%-10s %7d %7d %6.0f%%" % (k, n, f, 100.0 * f / n))
    if ta:
        print("%-10s %7d %7d %6.0f%%" % ("all", ta, tf, 100.0 * tf / ta))
    clean = [r for r in rows if r["expect"] == "clean"]
    fa = sum(1 for r in clean if not results[r["path"]][0])
    print("faithful   %7d false alarms %d" % (len(clean), fa))
    print()


def main():
    argv = sys.argv[1:]
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    gisa = os.path.abspath(argv[0])
    only = None
    tsv = "--tsv" in argv
    if "--issue" in argv and argv.index("--issue") + 1 < len(argv):
        only = argv[argv.index("--issue") + 1]
    rows = load(os.path.join(here, "manifest.tsv"))
    if only:
        rows = [r for r in rows if r["issue"] == only]
    known = known_misses()
    results = {}
    for r in rows:
        rc, rep = run(gisa, r)
        if r["expect"] == "clean":
            ok = rc == 0
        else:
            ok = rc == 5 and overlaps(rep, r["changed"])
        if rc not in (0, 5):
            print("gisa exited %d on %s:\n%s" % (rc, r["path"], rep), file=sys.stderr)
        results[r["path"]] = (ok, rc, rep)
    if tsv:
        for r in rows:
            ok, rc, rep = results[r["path"]]
            if ok:
                continue
            if r["expect"] == "clean":
                why = "issue #%s faithful pair flagged: %s" % (r["issue"], "; ".join(flag_lines(rep)))
            else:
                why = "issue #%s %s: %s (source: %s) is not flagged" % (
                    r["issue"], r["kind"], r["changed"], r["says"])
            print("%s\t%s" % (r["path"], why.replace("\t", " ")))
        return 0
    issues = sorted({r["issue"] for r in rows}, key=lambda s: (len(s), s))
    for i in issues:
        table("issue #%s pairs" % i, [r for r in rows if r["issue"] == i], results)
    if len(issues) > 1:
        table("all pairs", rows, results)
    bad = [r for r in rows if not results[r["path"]][0]]
    if bad:
        print("== misses and false alarms")
    for r in bad:
        ok, rc, rep = results[r["path"]]
        tag = " (known)" if r["path"] in known else ""
        if r["expect"] == "clean":
            print("false alarm%s %s (exit %d)" % (tag, r["path"], rc))
        else:
            print("miss%s [%s] %s: changed %s; source: %s (exit %d)"
                  % (tag, r["kind"], r["path"], r["changed"], r["says"], rc))
        for line in flag_lines(rep):
            print("      gisa: " + line)
    fixed = [r["path"] for r in rows if results[r["path"]][0] and r["path"] in known]
    for p in fixed:
        print("now caught, remove from known-misses.tsv: " + p)
    return 0


if __name__ == "__main__":
    sys.exit(main())
