"""A labelled near-duplicate set, and the pairs pagemill, datasketch and datatrove find in it (dedup.sh).

Usage: dedup.py PAGEMILL SCRATCH SEED [light|heavy]
Families: a corpus article (ScrapingHub's article bodies, WCXB's articles) published on two
sites (each site's own menu and footer lines around it), edited (1 % of its words changed),
cut to its first 90 %, and both; with `heavy`, 3 % of the words changed and cut to 80 %, so
that many true pairs fall under a Jaccard similarity of 0.75. Negatives: the other articles on the same sites, under the
same menus and footers. Every pair within a family is a true pair. pagemill: `pagemill run`
on the pages as JSON Lines, pairs read from its groups. datasketch: MinHashLSH with the same
parameters on the texts pagemill stored, candidates kept when their estimated Jaccard passes
the same threshold, grouped the same way. datatrove: its MinHash dedup pipeline as FineWeb
runs it (MinhashDedupSignature, MinhashDedupBuckets, MinhashDedupCluster with cluster ids)
with the same parameters on the same texts; it groups every pair sharing a band, with no
threshold after banding, and normalises the text its own way (digits and punctuation out).
Prints pair precision, recall and F1 of each.
"""
import itertools, json, random, re, sqlite3, struct, subprocess, sys
from pathlib import Path

PAGEMILL, SCRATCH, SEED = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
HEAVY = len(sys.argv) > 4 and sys.argv[4] == "heavy"
EDITED_SHARE, KEPT_SHARE = (0.03, 0.8) if HEAVY else (0.01, 0.9)
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
# pagemill's default --dedup-threshold; DEDUP_THRESHOLD=0.75 to try another, for pagemill and datasketch;
# PAGEMILL_ARGS="--minhash-bands 20 --minhash-rows 5" for other pagemill options.
THRESHOLD = float(__import__("os").environ.get("DEDUP_THRESHOLD", "0.6"))
BANDS, ROWS, SHINGLE = 14, 8, 5


def articles():
    truth = json.load(open(CORPUS / "scrapinghub" / "ground-truth.json"))
    texts = [entry["articleBody"] for entry in truth.values()]
    metadata = json.load(open(CORPUS / "wcxb-dev" / "metadata.json"))
    for page, entry in sorted(metadata.items()):
        if entry["page_type"] == "article":
            truth_file = json.load(open(CORPUS / "wcxb-dev" / "ground-truth" / f"{page}.json"))
            texts.append(truth_file["ground_truth"].get("main_content") or "")
    return [text for text in texts if len(text.split()) >= 150]


def site_furniture(random_source, site):
    words = ["Home", "News", "Sport", "World", "Business", "Contact", "Subscribe", "Login", "About us"]
    menu = " | ".join(random_source.sample(words, 6))
    footer = f"© 2024 Site {site} Media. All rights reserved. Privacy policy. Terms of use. Cookie settings."
    return menu, footer


def edited(random_source, text, share=EDITED_SHARE):
    words = text.split()
    for _ in range(max(1, int(len(words) * share))):
        words[random_source.randrange(len(words))] = random_source.choice(["indeed", "reportedly", "also", "now"])
    return " ".join(words)


def build():
    random_source = random.Random(SEED)
    texts = articles()
    random_source.shuffle(texts)
    pages, family = [], {}
    sites = 40
    for number, text in enumerate(texts):
        home, other = number % sites, (number * 7 + 3) % sites
        variants = {"original": (home, text), "other-site": (other, text),
                    "edited": (home, edited(random_source, text)),
                    "truncated": (home, " ".join(text.split()[: int(len(text.split()) * KEPT_SHARE)])),
                    "edited-elsewhere": (other, edited(random_source, text))}
        # Half the articles appear once only: negatives beside their site's other pages.
        chosen = ["original"] if number % 2 else list(variants)
        for name in chosen:
            site, body = variants[name]
            menu, footer = site_furniture(random.Random(site), site)
            page_id = f"a{number:04d}-{name}"
            pages.append({"id": page_id, "url": f"https://site{site}.example/{page_id}",
                          "text": f"{menu}\n\n{body}\n\n{footer}"})
            family[page_id] = number
    return pages, family


def pairs_from_groups(groups):
    members = {}
    for page, group in groups.items():
        members.setdefault(group, []).append(page)
    return {tuple(sorted(pair)) for group in members.values() for pair in itertools.combinations(group, 2)}


def pagemill(pages):
    source = SCRATCH / "pages.jsonl"
    with open(source, "w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(page) + "\n")
    database = SCRATCH / "dedup.sqlite"
    subprocess.run([PAGEMILL, "run", str(source), "--db", str(database), "--workers", "2", "--no-journal",
                    "--dedup", "near", "--dedup-threshold", str(THRESHOLD)]
                   + __import__("os").environ.get("PAGEMILL_ARGS", "").split(), check=True, stdout=subprocess.DEVNULL)
    rows = list(sqlite3.connect(database).execute("SELECT id, coalesce(group_id, id), text FROM pages"))
    return {row[0]: row[1] for row in rows}, {row[0]: row[2] for row in rows}


def datasketch(texts):
    from datasketch import MinHash, MinHashLSH
    lsh = MinHashLSH(num_perm=BANDS * ROWS, params=(BANDS, ROWS))
    signatures = {}
    for page, text in sorted(texts.items()):
        words = re.findall(r"\w+", text.lower())
        signature = MinHash(num_perm=BANDS * ROWS)
        for start in range(max(1, len(words) - SHINGLE + 1)):
            signature.update(" ".join(words[start:start + SHINGLE]).encode())
        signatures[page] = signature
        lsh.insert(page, signature)
    parent = {page: page for page in texts}

    def find(page):
        while parent[page] != page:
            parent[page] = parent[parent[page]]
            page = parent[page]
        return page

    for page, signature in signatures.items():
        for other in lsh.query(signature):
            if other != page and signature.jaccard(signatures[other]) >= THRESHOLD:
                parent[find(page)] = find(other)
    return {page: find(page) for page in texts}


def datatrove(texts):
    from datatrove.data import Document
    from datatrove.pipeline.dedup.minhash import (MinhashConfig, MinhashDedupBuckets, MinhashDedupCluster,
                                                  MinhashDedupSignature)
    from datatrove.utils.hashing import HashConfig
    from datatrove.utils.logging import logger
    logger.remove()
    config = MinhashConfig(n_grams=SHINGLE, num_buckets=BANDS, hashes_per_bucket=ROWS,
                           hash_config=HashConfig(precision=64))
    pages = sorted(texts)
    folder = SCRATCH / "datatrove"
    signatures, buckets, clusters = (str(folder / name) for name in ("signatures", "buckets", "clusters"))

    def drain(steps):
        for _ in steps or []:
            pass

    # One task: document i of file 0 is pages[i].
    drain(MinhashDedupSignature(output_folder=signatures, config=config).run(
        iter(Document(text=texts[page], id=page) for page in pages), rank=0, world_size=1))
    for band in range(BANDS):
        drain(MinhashDedupBuckets(input_folder=signatures, output_folder=buckets, config=config).run(
            None, band, BANDS))
    drain(MinhashDedupCluster(input_folder=buckets, output_folder=clusters, config=config,
                              save_cluster_id=True).run(None, 0, 1))
    groups = {page: page for page in pages}
    found = Path(clusters) / "000000.clusters"
    if found.exists():
        for document, cluster in struct.iter_unpack("<II", found.read_bytes()):
            groups[pages[document]] = f"cluster-{cluster}"
    return groups


def versions():
    from importlib.metadata import version
    return version("datasketch"), version("datatrove")


def score(found, truth):
    hits = len(found & truth)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(truth) if truth else 1.0
    return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)


def main():
    pages, family = build()
    truth = {tuple(sorted(pair)) for pair in itertools.combinations(family, 2) if family[pair[0]] == family[pair[1]]}
    groups, texts = pagemill(pages)
    print(f"{len(pages)} pages, {len(set(family.values()))} articles, {len(truth)} true pairs "
          f"(threshold {THRESHOLD}, {BANDS} bands of {ROWS}, {SHINGLE}-word shingles, seed {SEED}, "
          f"{'heavy' if HEAVY else 'light'} edits)")
    print("| tool | pairs found | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    datasketch_version, datatrove_version = versions()
    for name, result in [("pagemill (collector, --dedup near)", groups),
                         (f"datasketch {datasketch_version} MinHashLSH", datasketch(texts)),
                         (f"datatrove {datatrove_version} MinHash dedup", datatrove(texts))]:
        found = pairs_from_groups(result)
        precision, recall, f1 = score(found, truth)
        print(f"| {name} | {len(found)} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
