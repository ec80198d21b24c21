#!/usr/bin/env bash
# pagemill against datatrove's pipeline as its users run it, end to end, on the same WARCs:
#   Benchmarks/datatrove.sh [COPIES]   (default 10 copies of the 581 corpus pages with truth)
# WarcReader -> Trafilatura -> JsonlWriter on a LocalPipelineExecutor with 2 tasks, beside
# `pagemill run --workers 2`; pages/s of each (wall clock, whole command) and extraction F1
# of each on the corpus pages (../shared/corpus: scrapinghub and wcxb-dev).
dpkg-query -W -f='${Status}' libmagic1 2>/dev/null | grep -q "ok installed" \
  || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libmagic1; }
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" "datatrove[processing]" faust-cchardet python-magic orjson \
  lxml_html_clean warcio
"$scratch/venv/bin/python" Benchmarks/versus_datatrove.py .build/release/pagemill "$scratch" "${1:-10}"
