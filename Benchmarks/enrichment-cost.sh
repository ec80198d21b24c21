#!/usr/bin/env bash
# What an enrichment adds to a worker's cost per page, in instructions (callgrind: noise does
# not move them). Each setting is measured as a round of `pagemill bench extraction --enrich
# --quality` on the ScrapingHub pages: `--rounds 2` minus `--rounds 1`, so that process start,
# reading the pages and loading the name lists once are left out.
#   Benchmarks/enrichment-cost.sh [pages folder]
# Prints each setting's instructions a round and its share above the first (the base).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pages=${1:-../shared/corpus/scrapinghub/html}
[ -d "$pages" ] || { echo "no $pages: the corpus sits beside the repository" >&2; exit 2; }
command -v valgrind >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq valgrind; }
swift build -c release --product pagemill >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
# valgrind 3.19 cannot read Swift 6's DWARF 5: a copy without it.
cp .build/release/pagemill "$scratch/pagemill" && strip --strip-debug "$scratch/pagemill"

instructions() {  # rounds, then bench options: the instructions of the whole process
  local rounds=$1 out="$scratch/callgrind.out"; shift
  SWIFT_DETERMINISTIC_HASHING=1 valgrind --tool=callgrind --callgrind-out-file="$out" \
    "$scratch/pagemill" bench extraction "$pages" --enrich --quality --rounds "$rounds" "$@" \
    >/dev/null 2>"$scratch/valgrind.log"
  grep -o "Collected : [0-9]*" "$scratch/valgrind.log" | grep -o "[0-9]*"
}

base=""
measure() {  # label, then bench options
  local label=$1; shift
  local one two round
  one=$(instructions 1 "$@")
  two=$(instructions 2 "$@")
  round=$((two - one))
  [ -n "$base" ] || base=$round
  awk -v l="$label" -v r="$round" -v b="$base" \
    'BEGIN { printf "| %s | %.1f M | %+.1f %% |\n", l, r / 1e6, (r - b) * 100 / b }'
}

echo "| enrichment (bench extraction --enrich --quality, a round of $(ls "$pages" | wc -l) pages) | instructions | above the base |"
echo "|---|---|---|"
measure "base: --links none --no-keywords --no-entities --no-quotes" --links none --no-keywords --no-entities --no-quotes
measure "links (the default: content)" --no-keywords --no-entities --no-quotes
measure "links and key phrases" --no-entities --no-quotes
measure "links, key phrases and entities" --no-quotes
measure "all (the default)"
