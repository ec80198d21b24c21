#!/usr/bin/env bash
# Extraction quality on ../shared/corpus, scored by ../shared/tools/score-extraction.
#   Benchmarks/quality.sh [SET...]     (default: scrapinghub wcxb-dev text-pages scraped-sites)
# scraped-sites is generated here: pagemill generate --scraped --pages 400 --seed 3.
# Builds the release binary, extracts every page of each set, prints the scorer's figures.
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
[ -d "$shared/corpus" ] || { echo "no $shared/corpus: the corpus sits beside the repository" >&2; exit 2; }
swift build -c release --product pagemill >/dev/null
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for set in "${@:-scrapinghub wcxb-dev text-pages scraped-sites}"; do
  for name in $set; do
    if [ "$name" = scraped-sites ]; then
      mkdir -p "$out/scraped-sites"
      .build/release/pagemill generate --scraped --pages 400 --seed 3 --out "$out/scraped-sites" >/dev/null
      .build/release/pagemill extract "$out/scraped-sites" > "$out/$name.jsonl"
      echo "== $name"
      "$shared/tools/score-extraction" "$out/scraped-sites" "$out/$name.jsonl"
      continue
    fi
    pages="$shared/corpus/$name"
    [ -d "$pages/html" ] && pages="$pages/html"
    .build/release/pagemill extract "$pages" > "$out/$name.jsonl"
    echo "== $name"
    "$shared/tools/score-extraction" "$shared/corpus/$name" "$out/$name.jsonl"
  done
done
