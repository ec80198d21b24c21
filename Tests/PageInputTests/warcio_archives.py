"""Crawl archives written by warcio, and what warcio reads in them (WARCConformanceTests).

Usage: warcio_archives.py FOLDER
Writes the same records (every record kind, every HTTP coding) into archives of each shape,
then prints one JSON object: for each archive's name, the pages warcio finds (id, URI, date,
offset, FNV-1a of the payload after HTTP decoding) and the other records counted by reason.
"""
import gzip, io, json, sys, zlib

import brotli
import zstandard
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

FOLDER = sys.argv[1] if __name__ == "__main__" else None
PAGE = ("<html><head><title>Café</title></head><body>"
        "<p>Un café au bord de l'eau, près du vieux pont de pierre.</p></body></html>")
BODY = PAGE.encode()


def chunked(data, size=17):
    parts = [data[i:i + size] for i in range(0, len(data), size)]
    return b"".join(b"%x\r\n%s\r\n" % (len(part), part) for part in parts) + b"0\r\n\r\n"


def records(writer):
    def response(uri, status, headers, payload, identified=None):
        http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
        warc = {"WARC-Identified-Payload-Type": identified} if identified else None
        return writer.create_warc_record(uri, "response", payload=io.BytesIO(payload), http_headers=http,
                                         warc_headers_dict=warc)

    html = ("Content-Type", "text/html")
    yield writer.create_warcinfo_record("test.warc", {"software": "warcio", "format": "WARC File Format"})
    request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "a.example")], is_http_request=True)
    yield writer.create_warc_record("https://a.example/", "request", payload=io.BytesIO(b""), http_headers=request)
    yield response("https://a.example/", "200 OK", [("Content-Type", "text/html; charset=utf-8")], BODY)
    yield response("https://b.example/", "200 OK", [html, ("Transfer-Encoding", "chunked")], chunked(BODY))
    yield response("https://c.example/", "200 OK",
                   [("Content-Type", "text/html; charset=ISO-8859-1"), ("Content-Encoding", "gzip")],
                   gzip.compress(PAGE.encode("latin-1")))
    yield response("https://d.example/", "200 OK", [html, ("Content-Encoding", "br")], brotli.compress(BODY))
    yield response("https://e.example/", "200 OK",
                   [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "deflate")], zlib.compress(BODY))
    yield response("https://f.example/", "200 OK",
                   [html, ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")], chunked(gzip.compress(BODY)))
    yield response("https://g.example/logo.png", "200 OK", [("Content-Type", "image/png")],
                   b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    yield response("https://h.example/", "301 Moved Permanently", [("Location", "https://a.example/")], b"")
    yield response("https://i.example/", "404 Not Found", [html], b"<p>gone</p>")
    yield response("https://j.example/data.json", "200 OK", [("Content-Type", "application/json")], b"{}")
    # Bodies not coded as their headers say (stored decoded): taken as they are.
    yield response("https://m.example/", "200 OK", [html, ("Content-Encoding", "gzip")], BODY)
    yield response("https://n.example/", "200 OK", [html, ("Transfer-Encoding", "chunked")], BODY)
    # The crawler's sniffing of the payload over the server's word.
    yield response("https://o.example/", "200 OK", [("Content-Type", "application/octet-stream")], BODY,
                   identified="text/html")
    yield response("https://p.example/report.pdf", "200 OK", [html], b"%PDF-1.4\n%\xe2\xe3\n1 0 obj",
                   identified="application/pdf")
    yield response("https://k.example/notes.txt", "200 OK", [("Content-Type", "text/plain; charset=utf-8")],
                   "Des notes, en texte brut.\n".encode())
    yield writer.create_revisit_record(
        "https://a.example/", digest="sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ", refers_to_uri="https://a.example/",
        refers_to_date="2024-05-18T01:21:37Z",
        http_headers=StatusAndHeaders("200 OK", [html], protocol="HTTP/1.1"))
    yield writer.create_warc_record("https://l.example/page.html", "resource", payload=io.BytesIO(BODY),
                                    warc_content_type="text/html")
    yield writer.create_warc_record("https://a.example/", "metadata",
                                    payload=io.BytesIO(b"outlink: https://b.example/\r\n"),
                                    warc_content_type="application/warc-fields")
    yield writer.create_warc_record("https://a.example/", "conversion",
                                    payload=io.BytesIO("Un café au bord de l'eau.\nDeuxième ligne.".encode()),
                                    warc_content_type="text/plain")


def write(name, gzip_members, version="1.1"):
    with open(f"{FOLDER}/{name}", "wb") as out:
        writer = WARCWriter(out, gzip=gzip_members, warc_version=version)
        for record in records(writer):
            writer.write_record(record)


def serialized(version="1.1"):
    """Each record's bytes on their own, uncompressed."""
    blobs = []
    scratch = io.BytesIO()
    writer = WARCWriter(scratch, gzip=False, warc_version=version)
    for record in records(writer):
        before = scratch.tell()
        writer.write_record(record)
        blobs.append(scratch.getvalue()[before:])
    return blobs


def fnv1a(data):
    value = 0xCBF29CE484222325
    for byte in data:
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return format(value, "x")


def media_type(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def is_page_type(content_type):
    return media_type(content_type) in ("text/html", "application/xhtml+xml", "text/plain", "")


def is_page_response(declared, identified):
    """A response is a page by its payload's identified type when that is markup, else by its
    Content-Type, unless the identified type is binary."""
    identified = media_type(identified)
    if identified in ("text/html", "application/xhtml+xml"):
        return True
    binary = identified and not identified.startswith("text/") and "xml" not in identified
    return is_page_type(declared) and not (binary and identified != "application/octet-stream")


def read(path, offsets=None):
    """What warcio finds in `path`; `offsets` replaces its record offsets (zstd frames).
    Benchmarks/archives.py reads with it too."""
    pages, skipped = [], {}
    with open(path, "rb") as stream:
        iterator = ArchiveIterator(stream)
        for index, record in enumerate(iterator):
            kind, headers = record.rec_type, record.rec_headers
            reason = None
            if kind == "response":
                status = int(record.http_headers.get_statuscode() or 0)
                if 300 <= status < 400:
                    reason = "redirect"
                elif not 200 <= status < 300:
                    reason = "error status"
                elif not is_page_response(record.http_headers.get_header("Content-Type"),
                                          headers.get_header("WARC-Identified-Payload-Type")):
                    reason = "not HTML"
            elif kind == "resource":
                reason = None if is_page_type(headers.get_header("Content-Type")) else "not HTML"
            elif kind != "conversion":
                reason = kind
            body = record.content_stream().read()
            offset = iterator.get_record_offset() if offsets is None else offsets[index]
            if reason:
                skipped[reason] = skipped.get(reason, 0) + 1
            else:
                pages.append({"id": headers.get_header("WARC-Record-ID").strip("<>"),
                              "url": headers.get_header("WARC-Target-URI"), "date": headers.get_header("WARC-Date"),
                              "offset": offset, "hash": fnv1a(body)})
    return {"pages": pages, "skipped": skipped}


def write_zstd(name, blobs, dictionary):
    offsets, data = [], b""
    if dictionary is not None:
        compressed = zstandard.ZstdCompressor().compress(dictionary.as_bytes())
        data += (0x184D2A5D).to_bytes(4, "little") + len(compressed).to_bytes(4, "little") + compressed
    compressor = zstandard.ZstdCompressor(level=3, dict_data=dictionary, write_checksum=True)
    for blob in blobs:
        offsets.append(len(data))
        data += compressor.compress(blob)
    open(f"{FOLDER}/{name}", "wb").write(data)
    return offsets


def main():
    write("members.warc.gz", True)
    write("members-1.0.warc.gz", True, version="1.0")
    write("plain-1.0.warc", False, version="1.0")
    # One set of records, serialized by warcio, in the shapes warcio does not write itself.
    blobs = serialized()
    open(f"{FOLDER}/plain.warc", "wb").write(b"".join(blobs))
    open(f"{FOLDER}/whole.warc.gz", "wb").write(gzip.compress(b"".join(blobs)))
    results = {name: read(f"{FOLDER}/{name}") for name in
               ["members.warc.gz", "members-1.0.warc.gz", "plain.warc", "plain-1.0.warc"]}
    # warcio refuses a whole file in one gzip stream: the plain file's records, each in the
    # stream's one member, at offset 0.
    results["whole.warc.gz"] = read(f"{FOLDER}/plain.warc", offsets=[0] * len(blobs))
    raw = zstandard.ZstdCompressionDict(b"".join(blobs[:4]), dict_type=zstandard.DICT_TYPE_RAWCONTENT)
    for name, dictionary in [("dictionary.warc.zst", raw), ("frames.warc.zst", None)]:
        offsets = write_zstd(name, blobs, dictionary)
        # warcio does not read zstd: the same records, read from the plain file, at the frames' offsets.
        results[name] = read(f"{FOLDER}/plain.warc", offsets=offsets)
    with open(f"{FOLDER}/text.warc.wet.gz", "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for text in ["Première page, en texte.", "Second page, in plain text."]:
            writer.write_record(writer.create_warc_record(
                "https://w.example/", "conversion", payload=io.BytesIO(text.encode()), warc_content_type="text/plain"))
    results["text.warc.wet.gz"] = read(f"{FOLDER}/text.warc.wet.gz")
    print(json.dumps(results))


if __name__ == "__main__":
    main()
