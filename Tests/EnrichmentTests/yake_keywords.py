"""yake's key phrases for the keyword conformance test: reads JSON Lines of {id, text,
language}, writes JSON Lines of {id, keywords: [phrase, ...]} (n=3, top=10, yake's defaults)."""
import json
import sys

import yake


def main(source, target):
    with open(source, encoding="utf-8") as texts, open(target, "w", encoding="utf-8") as out:
        for line in texts:
            text = json.loads(line)
            extractor = yake.KeywordExtractor(lan=text["language"], n=3, top=10)
            phrases = [phrase for phrase, _ in extractor.extract_keywords(text["text"])]
            out.write(json.dumps({"id": text["id"], "keywords": phrases}) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
