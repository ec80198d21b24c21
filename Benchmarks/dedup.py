"""A labelled near-duplicate set, and the pairs pagemill and datasketch find in it (dedup.sh).

Usage: dedup.py PAGEMILL SCRATCH SEED
Families: a corpus article (ScrapingHub's article bodies, WCXB's articles) published on two
sites (each site's own menu and footer lines around it), edited (1 % of its words changed),
cut to its first 90 %, and both. Negatives: the other articles on the same sites, under the
same menus and footers. Every pair within a family is a true pair. pagemill: `pagemill run`
on the pages as JSON Lines, pairs read from its groups. datasketch: MinHashLSH with the same
parameters on the texts pagemill stored, candidates kept when their estimated Jaccard passes
the same threshold, grouped the same way. Prints pair precision, recall and F1 of each.
"""
import itertools, json, random, re, sqlite3, subprocess, sys
from pathlib import Path

PAGEMILL, SCRATCH, SEED = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
THRESHOLD, BANDS, ROWS, SHINGLE = 0.75, 14, 8, 5


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


def edited(random_source, text, share=0.01):
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
                    "truncated": (home, " ".join(text.split()[: int(len(text.split()) * 0.9)])),
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
                    "--dedup", "near", "--dedup-threshold", str(THRESHOLD)], check=True, stdout=subprocess.DEVNULL)
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
          f"(threshold {THRESHOLD}, {BANDS} bands of {ROWS}, {SHINGLE}-word shingles, seed {SEED})")
    print("| tool | pairs found | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, result in [("pagemill (collector, --dedup near)", groups), ("datasketch 1.6.5 MinHashLSH", datasketch(texts))]:
        found = pairs_from_groups(result)
        precision, recall, f1 = score(found, truth)
        print(f"| {name} | {len(found)} | {precision:.3f} | {recall:.3f} | {f1:.3f} |")


if __name__ == "__main__":
    main()
