# Sourced by the benchmark scripts: the release build, and a throwaway venv in $scratch with
# the PyPI packages given, removed on exit. Needs ../shared/corpus when NEEDS_CORPUS is set.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ -n "${NEEDS_CORPUS:-}" ] && [ ! -d ../shared/corpus/scrapinghub ]; then
  echo "no ../shared/corpus: the corpus sits beside the repository" >&2
  exit 2
fi
swift build -c release --product pagemill >/dev/null
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
python3 -m venv "$scratch/venv"
"$scratch/venv/bin/pip" install -q "$@"
