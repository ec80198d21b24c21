"""datatrove's extractor and filters on pages, one at a time on one core (see signals.sh).

Usage: signals_versus_datatrove.py HTML_FOLDER ROUNDS
Reads every .html.gz (or .html) page of the folder, then for ROUNDS rounds extracts each with
datatrove's Trafilatura and runs the Gopher repetition and quality, C4 and FineWeb filters and
the PII formatter on its text (every filter on every page, as pagemill computes every signal),
and prints pages/s, the mean of the rounds and the best.
"""
import gzip, os, sys, time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
from datatrove.data import Document
from datatrove.pipeline.extractors import Trafilatura
from datatrove.pipeline.filters import (C4QualityFilter, FineWebQualityFilter, GopherQualityFilter,
                                        GopherRepetitionFilter)
from datatrove.pipeline.formatters import PIIFormatter

folder, rounds = Path(sys.argv[1]), int(sys.argv[2])
pages = []
for path in sorted(folder.iterdir()):
    data = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
    pages.append(data.decode("utf-8", errors="replace"))
extractor = Trafilatura(favour_precision=True, timeout=None)
filters = [GopherRepetitionFilter(), GopherQualityFilter(), C4QualityFilter(), FineWebQualityFilter()]
pii = PIIFormatter()
rates = []
for _ in range(rounds):
    started = time.perf_counter()
    for number, html in enumerate(pages):
        text = extractor.extract(html) or ""
        for rule in filters:
            rule.filter(Document(text=text, id=str(number)))
        pii.format(text)
    rates.append(len(pages) / (time.perf_counter() - started))
print(f"datatrove Trafilatura + Gopher, C4, FineWeb filters + PIIFormatter: {len(pages)} pages, "
      f"{sum(rates) / len(rates):.1f} pages/s mean, {max(rates):.1f} best round")
