#!/usr/bin/env python3
"""Times trafilatura and resiliparse on the same pages as `pagemill bench extraction`, on one
core, pages held in memory, and writes each one's predictions for score-extraction.

usage: reference_extractors.py PAGES_DIR OUT_DIR
Prints one line a tool: name pages/s MB/s, and writes OUT_DIR/NAME.jsonl.
"""
import gzip, json, os, sys, time
from pathlib import Path

def load(folder):
    pages = []
    for path in sorted(Path(folder).iterdir()):
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        pages.append((path.name.split(".")[0], raw.decode("utf-8", "replace")))
    return pages

def trafilatura_tool():
    import trafilatura
    def run(html):
        text = trafilatura.extract(html, with_metadata=True, output_format="txt") or ""
        # with_metadata prepends a front-matter block: keep the body only.
        if text.startswith("---"):
            parts = text.split("---", 2)
            text = parts[2] if len(parts) == 3 else text
        return text.strip()
    return run

def resiliparse_tool():
    from resiliparse.extract.html2text import extract_plain_text
    return lambda html: extract_plain_text(html, main_content=True)

def main():
    pages_dir, out_dir = sys.argv[1], Path(sys.argv[2])
    out_dir.mkdir(parents=True, exist_ok=True)
    pages = load(pages_dir)
    size = sum(len(html.encode()) for _, html in pages)
    for name, make in (("trafilatura", trafilatura_tool), ("resiliparse", resiliparse_tool)):
        tool = make()
        started = time.perf_counter()
        records = [{"id": page_id, "text": tool(html)} for page_id, html in pages]
        elapsed = time.perf_counter() - started
        with open(out_dir / f"{name}.jsonl", "w") as out:
            for record in records:
                out.write(json.dumps(record) + "\n")
        print(f"{name} {len(pages) / elapsed:.1f} {size / 1e6 / elapsed:.1f}")

if __name__ == "__main__":
    main()
