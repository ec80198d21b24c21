#!/usr/bin/env bash
# Fuzzes the extraction entry point with libFuzzer.
#   Fuzz/run.sh [SECONDS]   (default 600)
# Crashing inputs land in Fuzz/crashes/; copy each into Tests/ExtractionTests/FuzzRegressions/
# once fixed, where a test replays them.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
mkdir -p .build/fuzz Fuzz/crashes Fuzz/corpus
out=.build/fuzz
# Extraction's dependencies first, with the same sanitizers: the page model as a module of its
# own, and the C++ shim over CLD2 that language detection calls.
swiftc -O -sanitize=address -parse-as-library -module-name PageModel -emit-module -emit-module-path "$out" \
  -emit-library -static Sources/PageModel/*.swift -o "$out/libPageModel.a"
clang++ -O2 -fsanitize=address -c Sources/CLanguageID/LanguageID.cpp -I Sources/CLanguageID/include \
  -o "$out/LanguageID.o"
mkdir -p "$out/CLanguageID"
printf 'module CLanguageID {\n  header "%s"\n  export *\n}\n' "$PWD/Sources/CLanguageID/include/CLanguageID.h" \
  > "$out/CLanguageID/module.modulemap"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Extraction -I "$out" -I "$out/CLanguageID" \
  Sources/Extraction/*.swift Fuzz/ExtractionFuzzer.swift "$out/libPageModel.a" "$out/LanguageID.o" \
  -lcld2_full -lcld2 -lstdc++ -o "$out/extraction-fuzzer"
# Seed the corpus with small real pages.
if [ -d ../shared/corpus/wcxb-dev/html ] && [ -z "$(ls -A Fuzz/corpus)" ]; then
  pages=(../shared/corpus/wcxb-dev/html/*.gz)
  for f in "${pages[@]:0:40}"; do zcat "$f" > "Fuzz/corpus/$(basename "$f" .gz)" || true; done
  cp ../shared/corpus/text-pages/000*.txt Fuzz/corpus/ 2>/dev/null || true
fi
.build/fuzz/extraction-fuzzer Fuzz/corpus -max_total_time="$seconds" -max_len="${MAX_LEN:-200000}" \
  -artifact_prefix=Fuzz/crashes/ -print_final_stats=1 -timeout=10 -rss_limit_mb=4096
