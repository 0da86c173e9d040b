"""The shard stores merged into one store for `gisa search` and `gisa dups`.

Shards are read in plan order and their rows appended as gisa's writer
appends them: a page whose URL and content are already stored is skipped
(INSERT OR IGNORE on the same UNIQUE key), new pages take the next id, an
article takes its page's id and the near-duplicate link the band shuffle
found, its text goes into the full-text index. The merged store holds what
a single `gisa ingest` of the same inputs holds, row for row.

It is built as DEST.part and renamed over DEST when complete.
"""
import os
import sqlite3
import urllib.parse

from .shard import ro_uri

ARTICLE_COLS = ("url", "canonical", "title", "date", "author", "publisher", "site_name",
                "lang", "license", "encoding", "text", "simhash", "b0", "b1", "b2", "b3")


def _columns(con, schema, table):
    return [r[1] for r in con.execute("PRAGMA %s.table_info(%s)" % (schema, table))]


def _merge_one(con, index, link_map, ids):
    page_cols = [c for c in _columns(con, "s", "pages") if c != "id"]
    insert_page = "INSERT OR IGNORE INTO pages(%s) VALUES(%s)" % (
        ", ".join(page_cols), ", ".join("?" * len(page_cols)))
    local = {}
    for row in con.execute("SELECT id, %s FROM s.pages ORDER BY id" % ", ".join(page_cols)).fetchall():
        cur = con.execute(insert_page, row[1:])
        if cur.rowcount == 1:
            local[row[0]] = cur.lastrowid
    insert_article = "INSERT INTO articles(page_id, %s, dup_of, distance) VALUES(?, %s, ?, ?)" % (
        ", ".join(ARTICLE_COLS), ", ".join("?" * len(ARTICLE_COLS)))
    for row in con.execute("SELECT page_id, %s FROM s.articles ORDER BY page_id"
                           % ", ".join(ARTICLE_COLS)).fetchall():
        new = local.get(row[0])
        if new is None:
            continue  # a repeat of a page an earlier shard stored
        ids[(index, row[0])] = new
        link = link_map.get((index, row[0]))
        dup, dist = (ids[link[0]], link[1]) if link else (None, None)
        con.execute(insert_article, (new,) + tuple(row[1:]) + (dup, dist))
        title, text = row[1 + ARTICLE_COLS.index("title")], row[1 + ARTICLE_COLS.index("text")]
        con.execute("INSERT INTO articles_fts(rowid, title, text) VALUES(?, ?, ?)",
                    (new, title if title is not None else "", text))
    post_cols = [c for c in _columns(con, "s", "posts") if c not in ("id", "page_id")]
    for row in con.execute("SELECT page_id, %s FROM s.posts ORDER BY page_id, id"
                           % ", ".join(post_cols)).fetchall():
        if row[0] in local:
            con.execute("INSERT INTO posts(page_id, %s) VALUES(?, %s)" % (
                ", ".join(post_cols), ", ".join("?" * len(post_cols))), (local[row[0]],) + row[1:])


def merge(outdir, shard_ids, link_map, dest, progress=None):
    """Merge shards/ID.db (in the order of `shard_ids`) into `dest`."""
    import gisa
    part = dest + ".part"
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(part + suffix):
            os.unlink(part + suffix)
    gisa.create_store(part)  # the schema as the library makes it
    # uri=True: the shards are attached read-only by URI
    con = sqlite3.connect("file:" + urllib.parse.quote(os.path.abspath(part)), uri=True,
                          isolation_level=None)
    ids = {}
    try:
        for index, sid in enumerate(shard_ids):
            con.execute("ATTACH DATABASE ? AS s",
                        (ro_uri(os.path.join(outdir, "shards", sid + ".db")),))
            con.execute("BEGIN IMMEDIATE")
            _merge_one(con, index, link_map, ids)
            con.execute("COMMIT")
            con.execute("DETACH DATABASE s")
            if progress:
                progress(index + 1, len(shard_ids))
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    for suffix in ("-wal", "-shm"):
        if os.path.exists(part + suffix):
            os.unlink(part + suffix)
    os.replace(part, dest)
    return len(ids)
