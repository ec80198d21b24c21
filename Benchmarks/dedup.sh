#!/usr/bin/env bash
# Near-duplicate pairs found by pagemill's collector beside datasketch's MinHashLSH and
# datatrove's MinHash dedup, same parameters (5-word shingles, 14 bands of 8), same texts, one run:
#   Benchmarks/dedup.sh [SEED] [light|heavy]
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" datasketch==1.6.5 "datatrove[processing]==0.10.1" spacy
"$scratch/venv/bin/python" Benchmarks/dedup.py .build/release/pagemill "$scratch" "${1:-7}" "${2:-light}"
