#!/usr/bin/env bash
# The whole record beside datatrove's extractor and filters, on one core, on the same pages:
#   Benchmarks/signals.sh [ROUNDS]   (default 3; run it under `taskset -c 1` to pin both)
# datatrove: Trafilatura, then GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter,
# FineWebQualityFilter and PIIFormatter on every page of ../shared/corpus/scrapinghub (one
# process, one page at a time); pagemill: `bench extraction --enrich --quality` on the same
# pages (extraction, MinHash, every quality signal, PII), one thread. pagemill runs right before
# and right after datatrove, ten times as many rounds each (about ten seconds), so that a burst
# of load on a shared machine during one short run cannot decide the ratio; the ratio is the
# mean of pagemill's two runs over datatrove's.
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" "datatrove[processing]==0.10.1" "spacy==3.8.18" lxml_html_clean
rounds="${1:-3}"
pages=../shared/corpus/scrapinghub/html
pagemill_rate() {
  .build/release/pagemill bench extraction "$pages" --rounds $((rounds * 10)) --enrich --quality --json |
    sed -E 's/.*"pages_per_second":([0-9.]+).*/\1/'
}
before=$(pagemill_rate)
reference=$("$scratch/venv/bin/python" Benchmarks/signals_versus_datatrove.py "$pages" "$rounds")
after=$(pagemill_rate)
echo "$reference"
datatrove=$(echo "$reference" | sed -E 's/.*: [0-9]+ pages, ([0-9.]+) pages\/s mean.*/\1/')
awk -v before="$before" -v after="$after" -v datatrove="$datatrove" 'BEGIN {
  mean = (before + after) / 2
  printf "pagemill bench extraction --enrich --quality: %.0f pages/s before, %.0f after, %.0f mean\n", before, after, mean
  printf "ratio: %.1fx\n", mean / datatrove
}'
