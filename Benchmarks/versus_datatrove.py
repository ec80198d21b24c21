"""pagemill beside datatrove on the same WARCs (see datatrove.sh).

Usage: datatrove.py PAGEMILL SCRATCH COPIES
Writes the corpus pages with truth (scrapinghub, wcxb-dev) COPIES times into four .warc.gz
files with warcio (a gzip member a record, HTTP 200 responses), runs datatrove's pipeline
(WarcReader -> Trafilatura -> JsonlWriter, LocalPipelineExecutor, 2 tasks) and
`pagemill run --workers 2` on them twice: as users run it (every enrichment on: quality
signals, personal data, near duplicates, key phrases, entities, quotes, links) and doing only
what datatrove's pipeline does (extraction: the same options off). Prints pages/s of each and
the extraction scores of each on the first copy, scored by ../shared/tools/score-extraction.
"""
import glob, gzip, json, shutil, subprocess, sys, time
from pathlib import Path

import corpus_warcs

PAGEMILL, SCRATCH, COPIES = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
CORPUS, SETS = corpus_warcs.CORPUS, corpus_warcs.SETS
SCORER = CORPUS.parent / "tools" / "score-extraction"


def write_warcs():
    folder = SCRATCH / "warcs"
    origin, count = corpus_warcs.write(folder, COPIES)
    return folder, origin, count


def run_datatrove(folder):
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.extractors import Trafilatura
    from datatrove.pipeline.readers import WarcReader
    from datatrove.pipeline.writers import JsonlWriter
    output = SCRATCH / "datatrove-out"
    # datatrove skips tasks its logging folder marks done: a second run in the same scratch
    # folder would time nothing. Both start empty.
    for leftover in (output, SCRATCH / "datatrove-logs"):
        shutil.rmtree(leftover, ignore_errors=True)
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(folder), glob_pattern="*.warc.gz"), Trafilatura(), JsonlWriter(str(output))],
        tasks=2, workers=2, logging_dir=str(SCRATCH / "datatrove-logs"))
    started = time.perf_counter()
    executor.run()
    seconds = time.perf_counter() - started
    texts = {}
    for path in glob.glob(str(output / "*.jsonl.gz")):
        for line in gzip.open(path, "rt", encoding="utf-8"):
            document = json.loads(line)
            # datatrove keeps the WARC-Record-ID as written, in its angle brackets.
            texts[document["id"].strip("<>")] = {"text": document["text"]}
    return seconds, texts


# What datatrove's pipeline does not do, switched off for the like-for-like run.
EXTRACTION_ONLY = ["--no-quality", "--no-keywords", "--no-entities", "--no-quotes", "--links", "none",
                   "--dedup", "off"]


def run_pagemill(folder, options=()):
    database = SCRATCH / "pagemill.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run([PAGEMILL, "run", str(folder), "--db", str(database), "--workers", "2", "--no-journal",
                    *options], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - started
    import sqlite3
    texts = {}
    for row in sqlite3.connect(database).execute("SELECT id, text, title, authors, published FROM pages"):
        texts[row[0]] = {"text": row[1], "title": row[2], "author": ", ".join(json.loads(row[3])),
                         "published": row[4]}
    return seconds, texts


def scores(texts, origin):
    figures = {}
    for name in SETS:
        predictions = SCRATCH / f"predictions-{name}.jsonl"
        with open(predictions, "w", encoding="utf-8") as out:
            for record_id, (set_name, page) in origin.items():
                if set_name == name and record_id in texts:
                    out.write(json.dumps({"id": page, **texts[record_id]}) + "\n")
        result = subprocess.run([sys.executable, str(SCORER), str(CORPUS / name), str(predictions), "--json"],
                                check=True, capture_output=True, text=True)
        figures[name] = json.loads(result.stdout)
    return figures


def main():
    folder, origin, pages = write_warcs()
    print(f"{pages} pages ({COPIES} copies of {len(origin)}) in 4 .warc.gz files written by warcio")
    bare_seconds, bare = run_pagemill(folder, EXTRACTION_ONLY)
    mine_seconds, mine = run_pagemill(folder)
    theirs_seconds, theirs = run_datatrove(folder)
    bare_scores, mine_scores, theirs_scores = scores(bare, origin), scores(mine, origin), scores(theirs, origin)
    print("| tool | pages out | seconds | pages/s | scrapinghub F1 | wcxb-dev F1 |")
    print("|---|---|---|---|---|---|")
    for name, seconds, texts, figures in [
            ("pagemill run --workers 2 (every enrichment, the default)", mine_seconds, mine, mine_scores),
            ("pagemill run --workers 2, extraction only", bare_seconds, bare, bare_scores),
            ("datatrove (2 tasks)", theirs_seconds, theirs, theirs_scores)]:
        print(f"| {name} | {len(texts)} | {seconds:.1f} | {pages / seconds:.1f} | "
              f"{figures['scrapinghub'].get('f1', float('nan')):.3f} | {figures['wcxb-dev'].get('f1', float('nan')):.3f} |")
    print(f"speed ratio, every enrichment: {theirs_seconds / mine_seconds:.1f}x")
    print(f"speed ratio, extraction only (the same work): {theirs_seconds / bare_seconds:.1f}x")
    print(json.dumps({"pagemill": mine_scores, "pagemill_extraction_only": bare_scores, "datatrove": theirs_scores}))


# datatrove's executor starts its tasks in processes that import this file again.
if __name__ == "__main__":
    main()
