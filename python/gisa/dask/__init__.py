"""gisa.dask: corpus runs on a Dask cluster (python -m gisa.dask --help).

Each shard of the inputs is ingested on a worker into a store of its own;
a manifest lets a killed run resume; near-duplicates are found across
shards by a shuffle of SimHash band keys; the shards are merged into one
store that equals a single-process `gisa ingest` of the same inputs.
See docs/dask.md.
"""
