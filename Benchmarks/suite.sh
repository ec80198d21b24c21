#!/usr/bin/env bash
# The benchmark suite, in one run, on this machine: prints the README's performance table.
#   Benchmarks/suite.sh
# Builds the release binary, installs trafilatura and resiliparse from PyPI into a throwaway
# venv, then runs Benchmarks/suite.py, which compares each figure with its ceiling or
# reference measured in the same run (the machine is shared and noisy: ratios, not absolutes).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d ../shared/corpus/scrapinghub ] || { echo "no ../shared/corpus: the corpus sits beside the repository" >&2; exit 2; }
swift build -c release --product pagemill >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q trafilatura resiliparse lxml_html_clean
"$scratch/venv/bin/python" Benchmarks/suite.py .build/release/pagemill "$scratch"
