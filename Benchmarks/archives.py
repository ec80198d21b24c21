"""Crawl archives read by pagemill beside warcio and FastWARC, on the same files in one run.

Usage: archives.py PAGEMILL ARCHIVE...
Prints FastWARC's records/s (one core, every record, response payloads read) beside pagemill's
(`pagemill bench archive`), and checks pagemill's reading record for record against warcio's:
the same pages (2xx responses of HTML or text, resources, conversions), with the same ids,
URLs, dates and payload bytes after HTTP decoding.
"""
import json, os, subprocess, sys, tempfile, time
from pathlib import Path

PAGEMILL, ARCHIVES = sys.argv[1], sys.argv[2:]


def warcio_pages():
    """The pages warcio finds, by id: the reading the conformance test checks pagemill against."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "Tests" / "PageInputTests"))
    import warcio_archives
    pages = {}
    for path in ARCHIVES:
        for page in warcio_archives.read(path)["pages"]:
            pages[page["id"]] = (page["url"], page["date"], page["hash"])
    return pages


def fastwarc_rate():
    from fastwarc.warc import ArchiveIterator
    os.sched_setaffinity(0, {0})
    best = None
    for _ in range(3):
        records = 0
        started = time.perf_counter()
        for path in ARCHIVES:
            with open(path, "rb") as stream:
                for record in ArchiveIterator(stream, parse_http=True):
                    records += 1
                    record.reader.read()
        seconds = time.perf_counter() - started
        best = seconds if best is None else min(best, seconds)
    return records / best, records


def pagemill_reading(dump):
    result = subprocess.run(["taskset", "-c", "0", PAGEMILL, "bench", "archive", *ARCHIVES, "--rounds", "3", "--json",
                             "--dump", dump], check=True, capture_output=True, text=True)
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    pages = {}
    for line in open(dump, encoding="utf-8"):
        row = json.loads(line)
        pages[row["id"]] = (row.get("url"), row.get("fetched_at"), row["body_hash"])
    return figures, pages


def pagemill_as_stored():
    """Records/s read as `run` reads by default: .warc.gz pages handed on as their members."""
    result = subprocess.run(["taskset", "-c", "0", PAGEMILL, "bench", "archive", *ARCHIVES, "--rounds", "3", "--json",
                             "--as-stored"], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main():
    with tempfile.TemporaryDirectory() as scratch:
        figures, mine = pagemill_reading(os.path.join(scratch, "dump.jsonl"))
    stored = pagemill_as_stored()
    theirs = warcio_pages()
    rate, records = fastwarc_rate()
    same = sum(1 for key, value in theirs.items() if mine.get(key) == value)
    print(f"archives: {len(ARCHIVES)}, {records} records")
    print(f"| reader | records/s, one core |")
    print(f"|---|---|")
    print(f"| pagemill, pages handed on as stored (`run`'s default) | {stored['records_per_second']:.0f} |")
    print(f"| pagemill, pages read in full (`--archive-pages decoded`) | {figures['records_per_second']:.0f} |")
    print(f"| FastWARC | {rate:.0f} |")
    print(f"conformance: warcio finds {len(theirs)} pages, pagemill {len(mine)}; "
          f"{same} identical (id, URL, date, payload bytes); "
          f"{len(set(theirs) - set(mine))} missing, {len(set(mine) - set(theirs))} extra")
    if same != len(theirs) or len(mine) != len(theirs):
        sys.exit(1)


main()
