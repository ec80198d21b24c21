#!/usr/bin/env bash
# The whole record beside datatrove's extractor and filters, on one core, on the same pages:
#   Benchmarks/signals.sh [ROUNDS]   (default 3)
# datatrove: Trafilatura, then GopherRepetitionFilter, GopherQualityFilter, C4QualityFilter,
# FineWebQualityFilter and PIIFormatter on every page of ../shared/corpus/scrapinghub (one
# process, one page at a time); pagemill: `bench extraction --enrich --quality` on the same
# pages (extraction, MinHash, every quality signal, PII), one thread. Prints pages/s of each.
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" "datatrove[processing]==0.10.1" "spacy==3.8.18" lxml_html_clean
"$scratch/venv/bin/python" Benchmarks/signals_versus_datatrove.py ../shared/corpus/scrapinghub/html "${1:-3}"
.build/release/pagemill bench extraction ../shared/corpus/scrapinghub/html --rounds "${1:-3}" --enrich --quality
