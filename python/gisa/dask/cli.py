"""python -m gisa.dask (gisa-dask): a corpus run on a Dask cluster.

    python -m gisa.dask --out RUN [--scheduler ADDR | --workers N]
                        [--via binding|cli] INPUT... [--list FILE]

Plans shards (plan.py), runs each on a worker into RUN/shards/ID.db
(shard.py), records each in RUN/manifest.json (manifest.py), then finds
the near-duplicate clusters across shards (dups.py, RUN/clusters.jsonl)
and merges the shards into RUN/corpus.db (merge.py) for `gisa search` and
`gisa dups`. Run the same command again after a kill: finished shards are
kept, the rest are done.
"""
import argparse
import json
import os
import shutil
import sqlite3
import sys
import time
import uuid

from . import dups, manifest, merge, plan, shard

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_IO = 0, 1, 2, 3


def parse_args(argv):
    ap = argparse.ArgumentParser(
        prog="gisa-dask", description="Ingest pages, directories, WARC files and URL lists "
        "on a Dask cluster: one store per shard, a manifest to resume from, near-duplicate "
        "clusters across shards, one merged store.")
    ap.add_argument("inputs", nargs="*", metavar="INPUT",
                    help="a directory, WARC file, page or http(s) URL (as gisa ingest)")
    ap.add_argument("-o", "--out", required=True, metavar="DIR",
                    help="the run's directory (shared by all workers): shards/, manifest.json, "
                    "clusters.jsonl, corpus.db")
    ap.add_argument("-l", "--list", metavar="FILE", help="also the inputs in FILE, one a line")
    ap.add_argument("--scheduler", metavar="ADDR",
                    help="a running scheduler (tcp://host:8786); default: a local cluster")
    ap.add_argument("--scheduler-file", metavar="FILE",
                    help="a running scheduler's file (dask scheduler --scheduler-file FILE)")
    ap.add_argument("--workers", type=int, default=2,
                    help="local cluster: worker processes (default 2)")
    ap.add_argument("--dashboard", default=":8787", metavar="ADDR",
                    help="local cluster: dashboard address (default :8787; 'none' for no "
                    "dashboard, which also saves its CPU)")
    ap.add_argument("--via", choices=("binding", "cli"), default="binding",
                    help="run each shard through the Python binding (default) or the gisa command")
    ap.add_argument("--gisa", default=os.environ.get("GISA_CLI") or shutil.which("gisa") or "gisa",
                    metavar="PATH", help="the gisa command on the workers (--via cli)")
    ap.add_argument("-j", "--jobs", type=int, default=1,
                    help="extraction threads per shard (default 1: one task per worker thread)")
    ap.add_argument("--max-bytes", type=int, help="refuse pages larger than this (gisa ingest)")
    ap.add_argument("--shard-bytes", type=int, default=16 << 20,
                    help="page files per shard up to this many bytes (default 16 MiB); "
                    "a WARC file is always a shard")
    ap.add_argument("--shard-pages", type=int, default=2000, help="page files per shard at most")
    ap.add_argument("--shard-urls", type=int, default=200, help="URLs per shard at most")
    ap.add_argument("--parts", type=int, default=0,
                    help="partitions of the band shuffle (default: 2 per worker)")
    ap.add_argument("--no-merge", action="store_true", help="stop after the clusters")
    ap.add_argument("-q", "--quiet", action="store_true", help="no progress lines")
    a = ap.parse_args(argv)
    if a.scheduler and a.scheduler_file:
        ap.error("--scheduler and --scheduler-file are one or the other")
    if not a.inputs and not a.list:
        ap.error("no INPUT and no --list")
    for name in ("workers", "jobs", "shard_bytes", "shard_pages", "shard_urls"):
        if getattr(a, name) < 1:
            ap.error("--%s must be at least 1" % name.replace("_", "-"))
    return a


class Run:
    def __init__(self, args):
        self.a = args
        self.out = os.path.abspath(args.out)
        self.t0 = time.monotonic()
        self.cluster = None

    def say(self, msg):
        if not self.a.quiet:
            print("gisa-dask: [%6.1fs] %s" % (time.monotonic() - self.t0, msg),
                  file=sys.stderr, flush=True)

    def client(self):
        from distributed import Client, LocalCluster
        if self.a.scheduler or self.a.scheduler_file:
            c = Client(self.a.scheduler, scheduler_file=self.a.scheduler_file)
        else:
            _quiet_local_cluster()
            dash = None if self.a.dashboard.lower() in ("", "none") else self.a.dashboard
            self.cluster = LocalCluster(n_workers=self.a.workers, threads_per_worker=1,
                                        processes=True, dashboard_address=dash)
            c = Client(self.cluster)
        self.say("cluster: %d workers, dashboard %s" % (
            len(c.scheduler_info()["workers"]),
            c.dashboard_link if self.a.dashboard.lower() not in ("", "none") else "none"))
        return c

    def run_shards(self, client, shards, m):
        """Every unfinished shard, on the workers; the manifest after each."""
        from distributed import as_completed
        # Shards are searched only when they are the output (--no-merge);
        # otherwise the merge indexes the text, once.
        text_index = self.a.no_merge
        todo = [s for s in shards if not manifest.finished(self.out, m, s, text_index)]
        self.say("%d shards, %d already finished, %d to do" % (
            len(shards), len(shards) - len(todo), len(todo)))
        m["shards"] = {k: v for k, v in m["shards"].items()
                       if k in {s["id"] for s in shards}}
        futures = {}
        for s in todo:
            f = client.submit(shard.run_shard, s, self.out, self.a.via, self.a.gisa,
                              self.a.jobs, self.a.max_bytes, text_index,
                              key="shard-%s-%s" % (s["id"], uuid.uuid4().hex[:8]), retries=1)
            futures[f] = s
        failed = 0
        done = len(shards) - len(todo)
        for f in as_completed(futures):
            s = futures[f]
            try:
                entry = f.result()
            except Exception as e:  # noqa: BLE001 - one shard's failure is reported
                failed += 1
                self.say("shard %s FAILED: %s" % (s["id"], str(e).splitlines()[0] if str(e)
                                                   else type(e).__name__))
                continue
            m["shards"][s["id"]] = entry
            manifest.save(self.out, m)
            done += 1
            self.say("shard %s done: %d pages, %d articles, %d failed, %.1fs%s [%d/%d]" % (
                s["id"], entry["pages"], entry["articles"], entry["failed"],
                entry["seconds"], ", retried after a lost attempt" if entry["retried"] else "",
                done, len(shards)))
        return failed

    def find_dups(self, client, shards):
        nworkers = max(1, len(client.scheduler_info()["workers"]))
        nparts = self.a.parts or max(1, min(len(shards), 2 * nworkers))
        ids = [s["id"] for s in shards]
        maps = [client.submit(dups.map_shard, self.out, i, sid, nparts,
                              key="bands-map-%s-%s" % (sid, uuid.uuid4().hex[:8]), retries=1)
                for i, sid in enumerate(ids)]
        # the reducers read the map files, so they wait for every map
        reduces = [client.submit(_after, maps, dups.reduce_part, self.out, j, ids,
                                 key="bands-reduce-%d-%s" % (j, uuid.uuid4().hex[:8]), retries=1)
                   for j in range(nparts)]
        results = client.gather(reduces)
        link_map, dropped = dups.links(results)
        cl = dups.clusters(self.out, ids, link_map)
        _write_lines(os.path.join(self.out, "clusters.jsonl"),
                     [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cl])
        shutil.rmtree(os.path.join(self.out, "bands"), ignore_errors=True)
        self.say("near-duplicates: %d clusters, %d duplicates, %d repeated pages "
                 "(%d band partitions) -> clusters.jsonl" % (
                     len(cl), len(link_map), len(dropped), nparts))
        return link_map

    def main(self):
        try:
            return self._main()
        except (OSError, sqlite3.Error) as e:
            print("gisa-dask: %s" % e, file=sys.stderr)
            return EXIT_IO
        finally:
            if self.cluster is not None:
                self.cluster.close()

    def _main(self):
        a = self.a
        try:
            os.makedirs(os.path.join(self.out, "shards"), exist_ok=True)
            m = manifest.load(self.out)
        except OSError as e:
            print("gisa-dask: %s" % e, file=sys.stderr)
            return EXIT_IO
        items = plan.expand(a.inputs, a.list)
        shards = plan.shards(items, a.shard_bytes, a.shard_pages, a.shard_urls)
        if not shards:
            print("gisa-dask: no pages, WARC files or URLs in the inputs", file=sys.stderr)
            return EXIT_FAILED
        m["plan"] = {"inputs": [os.path.abspath(p) if not plan.is_url(p) else p
                                for p in a.inputs], "list": a.list, "shards": len(shards)}
        try:
            client = self.client()
        except (OSError, TimeoutError, ValueError) as e:
            print("gisa-dask: %s: cannot reach the scheduler: %s" % (
                a.scheduler or a.scheduler_file or "local cluster", e), file=sys.stderr)
            return EXIT_IO
        with client:
            failed = self.run_shards(client, shards, m)
            if failed:
                self.say("%d shards failed; run the same command again to retry them" % failed)
                return EXIT_FAILED
            for s in shards:
                shard._clear_strays(self.out, s["id"])
            link_map = self.find_dups(client, shards)
        if not a.no_merge:
            dest = os.path.join(self.out, "corpus.db")
            n = merge.merge(self.out, [s["id"] for s in shards], link_map, dest)
            self.say("merged %d shards into %s: %d articles" % (len(shards), dest, n))
            m["merged"] = {"output": "corpus.db", "articles": n}
        totals = {k: sum(e[k] for e in m["shards"].values())
                  for k in ("pages", "articles", "failed", "cpu_seconds")}
        # older manifests (before overhead_cpu_seconds) count as 0
        totals["overhead_cpu_seconds"] = round(sum(e.get("overhead_cpu_seconds", 0)
                                                   for e in m["shards"].values()), 3)
        m["totals"] = totals
        m["clusters"] = "clusters.jsonl"
        manifest.save(self.out, m)
        self.say("done: %d pages, %d articles (%d failed pages), %.1f CPU s in shards" % (
            totals["pages"], totals["articles"], totals["failed"], totals["cpu_seconds"]))
        return EXIT_OK


# A shard's work is one C call: Dask's sampling profiler (every worker's
# Python stack every 10 ms) sees nothing of it, and with the event loop's
# 20 ms tick and the 0.5 s system monitor it made an idle 2-worker
# LocalCluster burn ~0.1 CPU s per second of the run (bench/dask). The
# nannies (in the driver process) poll their worker's memory every 100 ms:
# 0.014 CPU s per second of an idle 2-worker cluster; every second is
# enough for a shard's ingest, whose memory grows with its largest page.
# Worker processes are forked from the driver, which has imported Dask
# already, instead of spawned: a spawned worker starts a new interpreter
# and imports Dask again (0.6 CPU s each, against 0.15 forked). All
# turned down for the local cluster unless the user's Dask config set them.
QUIET = {"distributed.worker.profile.enabled": (True, False),
         "distributed.admin.tick.interval": ("20ms", "1s"),
         "distributed.admin.system-monitor.interval": ("500ms", "5s"),
         "distributed.worker.memory.monitor-interval": ("100ms", "1s"),
         "distributed.worker.multiprocessing-method": ("spawn", "fork")}


def _quiet_local_cluster():
    import dask
    dask.config.set({k: new for k, (default, new) in QUIET.items()
                     if dask.config.get(k, default) == default})


def _after(_deps, fn, *args):
    return fn(*args)


def _write_lines(path, lines):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write("".join(line + "\n" for line in lines))
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    return Run(args).main()


if __name__ == "__main__":
    sys.exit(main())
