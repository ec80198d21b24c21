"""The corpus pages with truth as crawl archives, written by warcio.

Usage: corpus_warcs.py FOLDER [COPIES]   (needs warcio; default 10 copies)
Writes the pages of ../shared/corpus/scrapinghub and wcxb-dev (581 real pages) COPIES times
into four .warc.gz files in FOLDER (a gzip member a record, HTTP 200 responses of text/html, with the
WARC-Identified-Payload-Type Common Crawl writes),
each copy under fresh record ids. Used by versus_datatrove.py, and for the producer's ceiling on real
page sizes (`pagemill bench producer FOLDER`).
"""
import gzip, io, json, sys, uuid
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
SETS = ["scrapinghub", "wcxb-dev"]


def corpus_pages():
    truth = json.load(open(CORPUS / "scrapinghub" / "ground-truth.json"))
    for name in SETS:
        for path in sorted((CORPUS / name / "html").glob("*.html.gz")):
            page = path.name.split(".")[0]
            if name == "scrapinghub":
                url = truth.get(page, {}).get("url")
            else:
                url = json.load(open(CORPUS / name / "ground-truth" / f"{page}.json")).get("url")
            yield name, page, url or f"https://{name}.example/{page}", gzip.decompress(path.read_bytes())


def write(folder, copies):
    """Writes the archives; returns the first copy's record ids -> (set, page), and the page count."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    files = [open(folder / f"corpus-{n}.warc.gz", "wb") for n in range(4)]
    writers = [WARCWriter(f, gzip=True) for f in files]
    origin, count = {}, 0
    pages = list(corpus_pages())
    for copy in range(copies):
        for name, page, url, body in pages:
            record_id = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{copy}/{name}/{page}')}"
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))],
                                    protocol="HTTP/1.1")
            writer = writers[count % 4]
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=http,
                # As Common Crawl writes it: datatrove's WarcReader reads the type from here, and
                # without it sniffs the bytes with libmagic, which takes a fifth of these pages
                # for something other than HTML and drops them.
                warc_headers_dict={"WARC-Record-ID": f"<{record_id}>", "WARC-Identified-Payload-Type": "text/html"}))
            if copy == 0:
                origin[record_id] = (name, page)
            count += 1
    for f in files:
        f.close()
    return origin, count


if __name__ == "__main__":
    ids, total = write(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
    print(f"{total} pages ({len(ids)} distinct) in 4 .warc.gz files in {sys.argv[1]}")
