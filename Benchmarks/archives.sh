#!/usr/bin/env bash
# Crawl archives read by pagemill, warcio and FastWARC in one run, one core:
#   Benchmarks/archives.sh [ARCHIVE...]   (default: 5,000 generated pages in 5 .warc.gz files)
# Checks pagemill's reading against warcio's record for record, and prints records/s beside
# FastWARC's.
source "$(dirname "$0")/venv.sh" warcio==1.8.1 zstandard==0.25.0 brotlipy==0.7.0 fastwarc
if [ $# -eq 0 ]; then
  mkdir -p "$scratch/crawl"
  .build/release/pagemill generate --format warc --pages 5000 --out "$scratch/crawl" --seed 7 >/dev/null
  set -- "$scratch"/crawl/*.warc.gz
fi
"$scratch/venv/bin/python" Benchmarks/archives.py .build/release/pagemill "$@"
