#!/usr/bin/env bash
# The benchmark suite, in one run, on this machine: prints the README's performance table.
#   Benchmarks/suite.sh
# Builds the release binary, installs trafilatura and resiliparse from PyPI into a throwaway
# venv, then runs Benchmarks/suite.py, which compares each figure with its ceiling or
# reference measured in the same run (the machine is shared and noisy: ratios, not absolutes).
NEEDS_CORPUS=1 source "$(dirname "$0")/venv.sh" trafilatura resiliparse lxml_html_clean
"$scratch/venv/bin/python" Benchmarks/suite.py .build/release/pagemill "$scratch"
