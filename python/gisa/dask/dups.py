"""Near-duplicates across the whole run, by a shuffle of SimHash band keys.

gisa links an article to the closest earlier article within 3 bits of
SimHash (the earliest among equals). Two hashes within 3 bits agree on at
least one of their four 16-bit bands, so the candidates of an article are
exactly those sharing a band with it. The map step (one task per shard)
sends every article's four (band, value) keys, and its (URL, content hash)
key, to the partition the key hashes to, as files beside the shards; the
reduce step (one task per partition) compares the articles of each band
group pairwise and lists the (url, hash) repeats; the driver keeps, for
each article, the best candidate. Keys are (shard index, page id), the
order of a single-process run, so the result is the links that run makes.

An article repeated (the same URL and content) in a later shard is no
article of the single-process run (gisa skips a page it has stored): it is
dropped here and by the merge.
"""
import json
import os
import sqlite3
import zlib

from .shard import ro_uri

MAX_DISTANCE = 3  # corpus.h: CORPUS_MAX_DISTANCE
MASK = (1 << 64) - 1


def _part_of(key, nparts):
    return zlib.crc32(key.encode("utf-8", "surrogateescape")) % nparts


def _write_json(path, obj):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(obj, f, separators=(",", ":"), ensure_ascii=False)
    os.replace(tmp, path)


def map_shard(outdir, index, shard_id, nparts):
    """Write the shard's band and repeat keys, split into `nparts` files
    (bands/ID.J.json); return the number of articles."""
    db = os.path.join(outdir, "shards", shard_id + ".db")
    con = sqlite3.connect(ro_uri(db), uri=True)
    parts = [[] for _ in range(nparts)]
    n = 0
    try:
        for pid, url, h, sim, *bands in con.execute(
                "SELECT a.page_id, p.url, p.hash, a.simhash, a.b0, a.b1, a.b2, a.b3"
                " FROM articles a JOIN pages p ON p.id = a.page_id ORDER BY a.page_id"):
            key = [index, pid]
            sim &= MASK
            for i, v in enumerate(bands):
                parts[_part_of("b%d:%d" % (i, v), nparts)].append(["b", i, v, key, sim])
            parts[_part_of("u%s\n%s" % (url, h), nparts)].append(["u", url, h, key])
            n += 1
    finally:
        con.close()
    bdir = os.path.join(outdir, "bands")
    os.makedirs(bdir, exist_ok=True)
    for j, recs in enumerate(parts):
        _write_json(os.path.join(bdir, "%s.%d.json" % (shard_id, j)), recs)
    return n


def reduce_part(outdir, j, shard_ids):
    """Partition j of every shard: ([dropped keys], [[later, distance,
    earlier], ...]) for the pairs within MAX_DISTANCE sharing a band."""
    bands, urls = {}, {}
    for sid in shard_ids:
        with open(os.path.join(outdir, "bands", "%s.%d.json" % (sid, j)), encoding="utf-8") as f:
            for rec in json.load(f):
                if rec[0] == "b":
                    bands.setdefault((rec[1], rec[2]), []).append((tuple(rec[3]), rec[4]))
                else:
                    urls.setdefault((rec[1], rec[2]), []).append(tuple(rec[3]))
    dropped = []
    for keys in urls.values():
        keys.sort()
        dropped.extend(keys[1:])
    edges = []
    for group in bands.values():
        group.sort()
        for b in range(1, len(group)):
            kb, hb = group[b]
            for a in range(b):
                d = bin(group[a][1] ^ hb).count("1")
                if d <= MAX_DISTANCE:
                    edges.append((kb, d, group[a][0]))
    return dropped, edges


def links(results):
    """The reduce results combined: {later key: (earlier key, distance)}
    and the set of dropped keys."""
    dropped = set()
    for d, _ in results:
        dropped.update(tuple(k) for k in d)
    best = {}
    for _, edges in results:
        for kb, d, ka in edges:
            kb, ka = tuple(kb), tuple(ka)
            if kb in dropped or ka in dropped:
                continue
            if kb not in best or (d, ka) < best[kb]:
                best[kb] = (d, ka)
    return {kb: (ka, d) for kb, (d, ka) in best.items()}, dropped


def clusters(outdir, shard_ids, link_map):
    """The clusters, as `gisa dups` lists them: by original (in run order),
    each with its duplicates (in run order): [{"original": url,
    "duplicates": [{"url", "title", "distance"}]}]."""
    want = {}
    for kb, (ka, _) in link_map.items():
        want.setdefault(kb[0], set()).add(kb[1])
        want.setdefault(ka[0], set()).add(ka[1])
    info = {}
    for index, pids in want.items():
        db = os.path.join(outdir, "shards", shard_ids[index] + ".db")
        con = sqlite3.connect(ro_uri(db), uri=True)
        try:
            for pid in pids:
                url, title = con.execute("SELECT url, title FROM articles WHERE page_id = ?",
                                         (pid,)).fetchone()
                info[(index, pid)] = (url, title or "")
        finally:
            con.close()
    out = []
    for kb, (ka, d) in sorted(link_map.items(), key=lambda e: (e[1][0], e[0])):
        original = info[ka][0]
        # gisa dups starts a block where the original's URL changes
        if not out or out[-1]["original"] != original:
            out.append({"original": original, "duplicates": []})
        out[-1]["duplicates"].append({"url": info[kb][0], "title": info[kb][1], "distance": d})
    return out


def render(cluster_list):
    """The clusters as `gisa dups` prints them."""
    lines = []
    for i, c in enumerate(cluster_list):
        if i:
            lines.append("")
        lines.append(c["original"])
        for d in c["duplicates"]:
            lines.append("  %d  %s  %s" % (d["distance"], d["url"], d["title"]))
    return "".join(line + "\n" for line in lines)
