#!/usr/bin/env bash
# Near-duplicate pairs found by pagemill's collector beside datasketch's MinHashLSH, same
# parameters (5-word shingles, 14 bands of 8), same texts, one run:
#   Benchmarks/dedup.sh [SEED]
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/corpus/scrapinghub ] || { echo "needs ../shared/corpus beside the repository" >&2; exit 2; }
swift build -c release --product pagemill >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q datasketch==1.6.5
"$scratch/venv/bin/python" Benchmarks/dedup.py .build/release/pagemill "$scratch" "${1:-7}"
