"""pagemill's key phrases beside yake's on the same texts (see keywords.sh).

Reads `pagemill extract` records (JSON Lines) on stdin; for each page of at least 50 words in a
language yake has stop words for, runs yake (n=3, top=10, its defaults otherwise) on the
record's text and compares the two top tens, lower-cased: overlap = shared phrases / 10.
Prints the mean overlap by language and over all pages, and yake's pages per second.
"""
import collections
import json
import sys
import time

import yake

LANGUAGES = {"en", "fr", "de", "es", "it", "pt", "nl", "ru"}


def main():
    overlaps = collections.defaultdict(list)
    seconds = 0.0
    for line in sys.stdin:
        record = json.loads(line)
        language = record.get("language")
        if language not in LANGUAGES or record.get("word_count", 0) < 50:
            continue
        ours = [keyword["phrase"].lower() for keyword in record.get("keywords", [])]
        started = time.perf_counter()
        theirs = [phrase.lower() for phrase, _ in yake.KeywordExtractor(lan=language, n=3, top=10)
                  .extract_keywords(record["text"])]
        seconds += time.perf_counter() - started
        if theirs:
            overlaps[language].append(len(set(ours) & set(theirs)) / len(theirs))
    every = [value for values in overlaps.values() for value in values]
    print("| language | pages | top-10 overlap with yake |")
    print("|---|---|---|")
    for language, values in sorted(overlaps.items(), key=lambda item: -len(item[1])):
        print(f"| {language} | {len(values)} | {sum(values) / len(values):.3f} |")
    print(f"| all | {len(every)} | {sum(every) / max(1, len(every)):.3f} |")
    print(f"yake: {len(every)} pages in {seconds:.1f} s, {len(every) / max(seconds, 1e-9):.1f} pages/s")


if __name__ == "__main__":
    main()
