"""Run readability-lxml over pages, one at a time, timing each page:
gunzip, Document(html).summary() and the summary's text.

usage: /usr/bin/python3 readability_lxml.py OUTDIR FILE...
Writes OUTDIR/<id>.txt and OUTDIR/<id>.json (title) and prints:
pages=N failed=N total_ms=T median_ms=M maxrss_kb=K
"""
import gzip
import json
import logging
import os
import resource
import statistics
import sys
import time

import lxml.html
from readability import Document


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: readability_lxml.py OUTDIR FILE...")
    out, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out, exist_ok=True)
    logging.disable(logging.CRITICAL)
    times, failed = [], 0
    for f in files:
        pid = os.path.basename(f).split(".")[0]
        with open(f, "rb") as fh:
            raw = fh.read()
        t0 = time.perf_counter()
        try:
            html = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            doc = Document(html)  # bytes: readability-lxml detects the encoding
            summary = doc.summary(html_partial=True)
            text = lxml.html.fromstring(summary).text_content() if summary.strip() else ""
            title = doc.short_title()
        except Exception as e:  # a page it cannot handle counts as failed
            print(f"readability-lxml: {f}: {e}", file=sys.stderr)
            failed += 1
            continue
        times.append((time.perf_counter() - t0) * 1e3)
        with open(os.path.join(out, pid + ".txt"), "w", encoding="utf-8") as fh:
            fh.write(text)
        with open(os.path.join(out, pid + ".json"), "w", encoding="utf-8") as fh:
            json.dump({"title": title, "date": None, "author": None}, fh)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"pages={len(times)} failed={failed} total_ms={sum(times):.1f} "
          f"median_ms={statistics.median(times) if times else 0:.3f} maxrss_kb={rss}")


if __name__ == "__main__":
    main()
