#!/usr/bin/env bash
# In-process extraction speed on one core, pages held in memory, on the ScrapingHub pages
# (31.5 MB of HTML). Prints pages/s, MB/s and the process's peak memory.
#   Benchmarks/extraction-speed.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pagemill >/dev/null
taskset -c 0 .build/release/pagemill bench extraction ../shared/corpus/scrapinghub/html --rounds "${1:-5}"
